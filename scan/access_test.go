package scan

import (
	"math"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"plain", `"abc"`, "abc"},
		{"empty", `""`, ""},
		{"simple escapes", `"a\"b\\c\/d\b\f\n\r\t"`, "a\"b\\c/d\b\f\n\r\t"},
		{"unicode escape", `"caf\u00e9"`, "café"},
		{"surrogate pair", `"\ud83d\ude00!"`, "😀!"},
		{"lone high surrogate", `"a\ud800b"`, "a\uFFFDb"},
		{"lone low surrogate", `"\udc00"`, "\uFFFD"},
		{"high then high", `"\ud800\ud83d\ude00"`, "\uFFFD😀"},
		{"unknown escape keeps its backslash", `"C:\Users"`, `C:\Users`},
		{"escaped single quote", `"it\'s"`, "it's"},
		{"short unicode escape", `"\u12"`, `\u12`},
		{"single-quoted", `'say "hi"'`, `say "hi"`},
		{"single-quoted escapes", `'it\'s\n'`, "it's\n"},
		{"raw UTF-8", `"日本"`, "日本"},
		{"not a string", `123`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, issues := Parse([]byte(tt.input))
			if doc == nil {
				t.Fatalf("got nil Doc: %v", describe(issues))
			}
			if got := doc.Text(0); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			// A Doc built by hand, without the string view, reads the same.
			hand := &Doc{Src: doc.Src, Nodes: doc.Nodes}
			if got := hand.Text(0); got != tt.want {
				t.Errorf("hand-built Doc: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextAgreesWithFixes(t *testing.T) {
	// Decoding a recovered string gives the value its fix writes.
	for _, src := range []string{`["C:\Users"]`, `["it\'s"]`, `['a"b\'c\x']`, "[\"a\tb\"]", `["\u12"]`} {
		doc, issues := Parse([]byte(src))
		if doc == nil {
			t.Fatalf("%s: got nil Doc: %v", src, describe(issues))
		}
		fixed, ok := applyFixes([]byte(src), issues)
		if !ok {
			t.Fatalf("%s: got overlapping fixes", src)
		}
		fdoc, fissues := Parse(fixed)
		if fdoc == nil || hasError(fissues) {
			t.Fatalf("%s: fixed %s still has errors: %v", src, fixed, describe(fissues))
		}
		if got, want := doc.Text(1), fdoc.Text(1); got != want {
			t.Errorf("%s: got %q, the fixed %s reads %q", src, got, fixed, want)
		}
	}
}

func TestKeyAndMember(t *testing.T) {
	src := `{"id": 1, "a\u0062": 2, 'c': 3, d: 4, "id": 5, "x/y~z": 6, "": 7, "n": {"id": 8}}`
	doc, issues := Parse([]byte(src))
	if doc == nil {
		t.Fatalf("got nil Doc: %v", describe(issues))
	}
	tests := []struct {
		name    string
		member  string
		wantKey string
		wantVal int64
	}{
		{"first of a duplicate", "id", "id", 1},
		{"escaped name", "ab", "ab", 2},
		{"single-quoted name", "c", "c", 3},
		{"unquoted name", "d", "d", 4},
		{"name with pointer characters", "x/y~z", "x/y~z", 6},
		{"empty name", "", "", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := doc.Member(0, tt.member)
			if m < 0 {
				t.Fatalf("got no member %q", tt.member)
			}
			if got := doc.Key(m); got != tt.wantKey {
				t.Errorf("got key %q, want %q", got, tt.wantKey)
			}
			if got, ok := doc.Int(m); !ok || got != tt.wantVal {
				t.Errorf("got value %d, %v, want %d", got, ok, tt.wantVal)
			}
		})
	}
	for _, name := range []string{"a", "abc", "n/id", "ID", `a\u0062`} {
		if got := doc.Member(0, name); got != -1 {
			t.Errorf("Member(%q): got %d, want -1", name, got)
		}
	}
	n := doc.Member(0, "n")
	if id := doc.Member(n, "id"); id < 0 {
		t.Errorf("got no nested id")
	} else if v, _ := doc.Int(id); v != 8 {
		t.Errorf("got nested id %d, want 8", v)
	}
	if got := doc.Member(1, "id"); got != -1 {
		t.Errorf("Member of a number: got %d, want -1", got)
	}
	if got := doc.Key(0); got != "" {
		t.Errorf("Key of the root: got %q, want \"\"", got)
	}
}

func TestRaw(t *testing.T) {
	doc, _ := Parse([]byte(` {"a": [1, "x"]} `))
	tests := []struct {
		node int
		want string
	}{{0, `{"a": [1, "x"]}`}, {1, `[1, "x"]`}, {2, `1`}, {3, `"x"`}}
	for _, tt := range tests {
		if got := string(doc.Raw(tt.node)); got != tt.want {
			t.Errorf("Raw(%d): got %q, want %q", tt.node, got, tt.want)
		}
	}
	// The slice is capped: appending to it does not write into the source.
	r := doc.Raw(2)
	_ = append(r, 'X')
	if got := string(doc.Src); got != ` {"a": [1, "x"]} ` {
		t.Errorf("got source %q after appending to Raw", got)
	}
}

func TestIntFloat(t *testing.T) {
	tests := []struct {
		input     string
		wantInt   int64
		wantIntOK bool
		wantFloat float64
		wantFlOK  bool
	}{
		{"0", 0, true, 0, true},
		{"-42", -42, true, -42, true},
		{"9223372036854775807", math.MaxInt64, true, 9223372036854775807, true},
		{"9223372036854775808", 0, false, 9223372036854775808, true},
		{"-9223372036854775808", math.MinInt64, true, -9223372036854775808, true},
		{"1.5", 0, false, 1.5, true},
		{"2.0", 0, false, 2, true},
		{"1e3", 0, false, 1000, true},
		{"1e999", 0, false, 0, false},
		{"-1e999", 0, false, 0, false},
		{"1e-999", 0, false, 0, true},
		{"NaN", 0, false, 0, false},
		{"Infinity", 0, false, 0, false},
		{"+7", 7, true, 7, true},
		{"007", 7, true, 7, true},
		{"999999999999999999", 999999999999999999, true, 999999999999999999, true},
		{"1234567890123456789", 1234567890123456789, true, 1234567890123456789, true},
		{`"12"`, 0, false, 0, false},
		{"true", 0, false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			doc, issues := Parse([]byte(tt.input))
			if doc == nil {
				t.Fatalf("got nil Doc: %v", describe(issues))
			}
			if got, ok := doc.Int(0); got != tt.wantInt || ok != tt.wantIntOK {
				t.Errorf("Int: got %d, %v, want %d, %v", got, ok, tt.wantInt, tt.wantIntOK)
			}
			if got, ok := doc.Float(0); got != tt.wantFloat || ok != tt.wantFlOK {
				t.Errorf("Float: got %g, %v, want %g, %v", got, ok, tt.wantFloat, tt.wantFlOK)
			}
		})
	}
}

func TestAppendPointerToken(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{"participants", "participants"},
		{"", ""},
		{"a/b", "a~1b"},
		{"m~n", "m~0n"},
		{"~1", "~01"},
		{"/~/", "~1~0~1"},
		{"@odata.type", "@odata.type"},
	}
	for _, tt := range tests {
		if got := string(AppendPointerToken([]byte("/x/"), tt.name)); got != "/x/"+tt.want {
			t.Errorf("AppendPointerToken(%q): got %q, want %q", tt.name, got, "/x/"+tt.want)
		}
	}
}

func TestAccessorsDoNotAllocate(t *testing.T) {
	doc, _ := Parse([]byte(`{"participants": [{"id": "abc", "n": 12}]}`))
	allocs := testing.AllocsPerRun(100, func() {
		p := doc.Member(0, "participants")
		e := p + 1
		if doc.Text(doc.Member(e, "id")) != "abc" || doc.Key(p) != "participants" {
			panic("wrong value")
		}
		if v, ok := doc.Int(doc.Member(e, "n")); !ok || v != 12 {
			panic("wrong number")
		}
	})
	if allocs != 0 {
		t.Errorf("got %v allocations, want 0", allocs)
	}
}

func TestReleaseReusesNodes(t *testing.T) {
	first, _ := Parse([]byte(`[1, 2, 3, {"a": [4, 5]}]`))
	if first == nil {
		t.Fatal("no document")
	}
	first.Release()
	if first.Nodes != nil {
		t.Error("Release left the nodes on the document")
	}
	second, issues := Parse([]byte(`{"b": true}`))
	if second == nil || len(issues) != 0 {
		t.Fatalf("parse after release: %v", issues)
	}
	if got := len(second.Nodes); got != 2 {
		t.Errorf("got %d nodes, want 2 (nothing left over from the released document)", got)
	}
	if second.Nodes[1].Kind != True || second.Key(1) != "b" {
		t.Errorf("got %+v, want member b: true", second.Nodes[1])
	}
	var nilDoc *Doc
	nilDoc.Release() // must not panic
}
