package check

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"opcheck/internal/benchdoc"
	"opcheck/scan"
)

// TestRepeatedFindingsSayWhatOneSays checks that what the memo shares is
// what a check of the item alone says: the same findings, each with its
// own place and fix.
func TestRepeatedFindingsSayWhatOneSays(t *testing.T) {
	tests := []struct {
		name string
		item string // an operation; the collection holds it n times
		n    int
	}{
		{"declared elsewhere", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"running","tenantId":"t","callChainId":"c"}`, 20},
		{"a typo with a fix", `{"@odata.type":"#microsoft.graph.recordOperation","id":"a","stauts":"running","recordingLocatoin":"x"}`, 12},
		{"closed type", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"running","resultInfo":{"code":200,"subcode":0,"message":"m","tenantId":"t","kode":1}}`, 12},
		{"a misspelt type", `{"@odata.type":"#microsoft.graph.playPromptOperatoin","id":"a","status":"running"}`, 12},
		{"an annotation naming a misspelt type", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"running","x@odata.type":"#microsoft.graph.identitySte","x":{}}`, 12},
		{"two types in turn", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"running","tenantId":"t"},{"@odata.type":"#microsoft.graph.muteParticipantOperation","id":"b","status":"running","tenantId":"t"}`, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alone := Validate([]byte(`{"value":[`+tt.item+`]}`), nil)
			if len(alone.Diagnostics) == 0 {
				t.Fatal("the item alone has no findings: the test checks nothing")
			}
			src := `{"value":[` + strings.Repeat(tt.item+",", tt.n-1) + tt.item + `]}`
			all := Validate([]byte(src), nil)
			if got, want := len(all.Diagnostics), tt.n*len(alone.Diagnostics); got != want {
				t.Fatalf("got %d findings, want %d (%d per item)", got, want, len(alone.Diagnostics))
			}
			step := len(tt.item) + 1
			for i, d := range all.Diagnostics {
				k, a := i/len(alone.Diagnostics), alone.Diagnostics[i%len(alone.Diagnostics)]
				shift := k * step
				if d.Severity != a.Severity || d.Code != a.Code || d.Message != a.Message {
					t.Errorf("item %d: got %s %s %q, want %s %s %q", k, d.Severity, d.Code, d.Message, a.Severity, a.Code, a.Message)
				}
				if d.Offset != a.Offset+shift || d.Length != a.Length {
					t.Errorf("item %d: %q at %d+%d, want %d+%d", k, d.Message, d.Offset, d.Length, a.Offset+shift, a.Length)
				}
				if (d.Fix == nil) != (a.Fix == nil) {
					t.Fatalf("item %d: fix %+v, want %+v", k, d.Fix, a.Fix)
				}
				if d.Fix != nil {
					if k > 0 && d.Fix == all.Diagnostics[i-len(alone.Diagnostics)].Fix {
						t.Errorf("item %d shares its fix with the item before: a fix carries its own offsets", k)
					}
					if d.Fix.Offset != a.Fix.Offset+shift || d.Fix.Title != a.Fix.Title || d.Fix.Replacement != a.Fix.Replacement {
						t.Errorf("item %d: fix %+v, want %+v shifted by %d", k, *d.Fix, *a.Fix, shift)
					}
				}
			}
		})
	}
}

// TestRepeatedFindingsShareTheirMessage checks that a repeated finding's
// message is one string, not thousands of equal ones.
func TestRepeatedFindingsShareTheirMessage(t *testing.T) {
	r := Validate(benchdoc.Repeated(64<<10, 1), nil)
	first := map[string]*byte{}
	n := 0
	for _, d := range r.Diagnostics {
		if d.Code != "unknown-property" {
			t.Fatalf("unexpected finding %s: %s", d.Code, d.Message)
		}
		n++
		p := unsafe.StringData(d.Message)
		if q, ok := first[d.Message]; ok && q != p {
			t.Fatalf("%q is held in two strings", d.Message)
		}
		first[d.Message] = p
	}
	if n < 200 || len(first) != 12 {
		t.Errorf("got %d findings with %d messages, want a few hundred with 12 (two members on six operation types)", n, len(first))
	}
}

// TestAppendJSONRepeated checks that the JSON of a result whose messages
// repeat, copied rather than escaped again, is the JSON of each finding
// written alone, and valid.
func TestAppendJSONRepeated(t *testing.T) {
	shared := `"a" is not a property of x; did you mean "b"? <&>`
	var many []string
	for i := range 20 { // more distinct messages in turn than escaped remembers
		many = append(many, strings.Repeat("m", 16+i)+` "quoted"`)
	}
	tests := []struct {
		name     string
		messages []string
	}{
		{"one shared message", []string{shared, shared, shared}},
		{"equal messages in different strings", []string{shared, strings.Clone(shared), strings.Clone(shared), shared}},
		{"short messages", []string{"a", "a", `"`, `"`}},
		{"more messages in turn than remembered", append(append([]string{}, many...), many...)},
		{"escapes and invalid UTF-8", []string{"tab\there \u2028 \xff and more text", "tab\there \u2028 \xff and more text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Result{Kind: KindCollection, API: "v1.0", Objects: []Object{}}
			for i, m := range tt.messages {
				r.Diagnostics = append(r.Diagnostics, Diagnostic{Severity: Warning, Code: "unknown-property", Message: m, Offset: i})
			}
			want := `{"kind":"collection","api":"v1.0","objects":[],"diagnostics":[`
			for i := range r.Diagnostics {
				if i > 0 {
					want += ","
				}
				want += string(r.Diagnostics[i].AppendJSON(nil))
			}
			want += `],"timeline":[]}`
			got := string(r.AppendJSON([]byte("prefix")))
			if got != "prefix"+want {
				t.Errorf("got\n%s\nwant\nprefix%s", got, want)
			}
			var back struct{ Diagnostics []Diagnostic }
			if err := json.Unmarshal([]byte(got[len("prefix"):]), &back); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			for i, d := range back.Diagnostics {
				if want := strings.ToValidUTF8(tt.messages[i], "\uFFFD"); d.Message != want {
					t.Errorf("message %d: got %q, want %q", i, d.Message, want)
				}
			}
		})
	}
}

func TestStrs(t *testing.T) {
	var a strs
	buf := []byte("/value/0/tenantId")
	var got []string
	var want []string
	for i := range 2000 { // several blocks
		buf = append(buf[:0], "/value/"...)
		for range i % 7 {
			buf = append(buf, 'x')
		}
		want = append(want, string(buf))
		got = append(got, a.of(buf))
		buf[len(buf)-1] = '!' // the caller reuses its buffer
	}
	long := strings.Repeat("/k", strsBlock)
	if s := a.of([]byte(long)); s != long {
		t.Error("a string longer than a block is not kept whole")
	}
	if s := a.of(nil); s != "" {
		t.Errorf("of(nil) = %q", s)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("string %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

func TestMoreFindings(t *testing.T) {
	tests := []struct {
		name        string
		n, at, size int
		want        int
	}{
		{"a quarter of the text holds 256: room for the rest at that rate", 256, 250, 1000, 3*256 + 32},
		{"near the end: a quarter more", 1000, 990, 1000, 250},
		{"never past MaxFindings", 4000, 100, 1 << 20, MaxFindings + 1 - 4000},
		{"at MaxFindings: room for the note that says how many more", MaxFindings, 10, 100, 1},
		{"at the start of the text", 256, 0, 1000, 64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := moreFindings(tt.n, tt.at, tt.size); got != tt.want {
				t.Errorf("moreFindings(%d, %d, %d) = %d, want %d", tt.n, tt.at, tt.size, got, tt.want)
			}
		})
	}
}

// TestLocateInOrderAndOverlapping checks both ways locate works, ranges
// one after the other and ranges that overlap, against a fresh cursor for
// every offset.
func TestLocateInOrderAndOverlapping(t *testing.T) {
	src := []byte("{\n  \"a\": \"é\",\n\t\"b\": [1,\n 2]}\n")
	tests := []struct {
		name   string
		ranges [][2]int // offset, length
	}{
		{"in order", [][2]int{{0, 1}, {4, 3}, {7, 2}, {20, 5}, {len(src), 0}}},
		{"touching and empty", [][2]int{{4, 0}, {4, 3}, {7, 0}, {7, 9}}},
		{"overlapping", [][2]int{{0, 30}, {4, 3}, {2, 1}, {25, 2}}},
		{"past the end, clamped", [][2]int{{3, 100}, {500, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds []Diagnostic
			for _, r := range tt.ranges {
				ds = append(ds, Diagnostic{Offset: r[0], Length: r[1]})
			}
			locate(src, ds)
			for i, d := range ds {
				off := min(tt.ranges[i][0], len(src))
				end := min(off+tt.ranges[i][1], len(src))
				l, c := scan.NewCursor(src).At(off)
				el, ec := scan.NewCursor(src).At(end)
				if d.Offset != off || d.Offset+d.Length != end || d.Line != l || d.Column != c || d.EndLine != el || d.EndColumn != ec {
					t.Errorf("range %v: got %d+%d at %d:%d-%d:%d, want %d+%d at %d:%d-%d:%d", tt.ranges[i],
						d.Offset, d.Length, d.Line, d.Column, d.EndLine, d.EndColumn, off, end-off, l, c, el, ec)
				}
			}
		})
	}
}

// TestPointerAfterPushAndPop checks that pointer, which reuses the text of
// the tokens it wrote last, writes what a first call would.
func TestPointerAfterPushAndPop(t *testing.T) {
	type step struct {
		push  string // a key to push, or
		index int    // an index to push (when push is ""), or
		pop   bool
		want  string
	}
	steps := []step{
		{push: "value", want: "/value"},
		{index: 12, want: "/value/12"},
		{push: "tenantId", want: "/value/12/tenantId"},
		{pop: true, want: "/value/12"},
		{push: "callChainId", want: "/value/12/callChainId"},
		{pop: true, want: "/value/12"},
		{pop: true, want: "/value"},
		{index: 13, want: "/value/13"},
		{push: "a/b~c", want: "/value/13/a~1b~0c"},
		{pop: true, want: "/value/13"},
		{push: "a/b~d", want: "/value/13/a~1b~0d"},
		{pop: true, want: "/value/13"},
		{pop: true, want: "/value"},
		{pop: true, want: ""},
		{push: "valu", want: "/valu"},
		{index: 1, want: "/valu/1"},
	}
	c := &checker{}
	for i, s := range steps {
		switch {
		case s.pop:
			c.pop()
		case s.push != "":
			c.push(s.push)
		default:
			c.pushIndex(s.index)
		}
		fresh := &checker{ptr: c.ptr}
		if got, first := c.pointer(), fresh.pointer(); got != s.want || first != s.want {
			t.Errorf("step %d: got %q (a first call: %q), want %q", i, got, first, s.want)
		}
	}
}

func TestSortedByOffsetCode(t *testing.T) {
	tests := []struct {
		name string
		ds   []Diagnostic
	}{
		{"none", nil},
		{"in order", []Diagnostic{{Offset: 1, Code: "b"}, {Offset: 2, Code: "a"}, {Offset: 2, Code: "b"}, {Offset: 2, Code: "b"}}},
		{"offsets out of order", []Diagnostic{{Offset: 2, Code: "a"}, {Offset: 1, Code: "b"}}},
		{"codes out of order", []Diagnostic{{Offset: 1, Code: "b"}, {Offset: 1, Code: "a"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := slices.IsSortedFunc(tt.ds, byOffsetCode)
			if got := sortedByOffsetCode(tt.ds); got != want {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}
