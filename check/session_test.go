package check

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"unicode/utf8"

	"opcheck/internal/benchdoc"
)

// sessionDoc is a text to edit in the session tests, with the options to
// check it with.
type sessionDoc struct {
	name string
	src  []byte
	opts *Options
}

// sessionDocs are the corpus files, and small generated collections and
// callback bodies, valid and broken.
func sessionDocs(t *testing.T) []sessionDoc {
	t.Helper()
	var docs []sessionDoc
	for _, e := range readManifest(t) {
		src, err := os.ReadFile(filepath.Join("testdata/corpus", e.path))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, sessionDoc{e.path, src, &Options{API: e.api}})
	}
	for _, shape := range []benchdoc.Shape{benchdoc.Collection, benchdoc.Callbacks} {
		for _, broken := range []bool{false, true} {
			for _, size := range []int{2 << 10, 16 << 10} {
				name := string(shape) + "/" + strconv.Itoa(size) + "/" + strconv.FormatBool(broken)
				docs = append(docs, sessionDoc{name, benchdoc.Generate(shape, size, broken, uint64(size)), nil})
			}
		}
	}
	return docs
}

// editBytes are what random edits insert: JSON's structural characters,
// quotes, escapes, letters, digits, blanks, line breaks of every kind and
// multi-byte characters (a typographic quote, an ellipsis, a line
// separator, a byte that is not UTF-8).
var editBytes = [][]byte{
	[]byte("{"), []byte("}"), []byte("["), []byte("]"), []byte(","), []byte(":"), []byte(`"`), []byte("'"),
	[]byte(`\`), []byte("/"), []byte("*"), []byte("."), []byte("-"), []byte("+"), []byte("e"),
	[]byte("a"), []byte("Z"), []byte("0"), []byte("7"), []byte(" "), []byte("\t"), []byte("\n"), []byte("\r"), []byte("\r\n"),
	[]byte("é"), []byte("\u201c"), []byte("…"), []byte("\u2028"), {0xff}, []byte("null"), []byte("true"),
	[]byte(`"id"`), []byte(`"status":"Failed"`), []byte(`"x":1,`), []byte("@odata.type"),
}

// randomChange returns a random insertion, deletion or replacement of 1 to
// 5 characters in text.
func randomChange(rng *rand.Rand, text []byte) Change {
	off := rng.IntN(len(text) + 1)
	var ins []byte
	for n := 1 + rng.IntN(5); len(ins) < n && rng.IntN(3) > 0; {
		ins = append(ins, editBytes[rng.IntN(len(editBytes))]...)
	}
	del := 0
	if rng.IntN(2) == 0 || len(ins) == 0 {
		del = min(1+rng.IntN(5), len(text)-off)
	}
	return Change{Offset: off, Length: del, Text: ins}
}

// inverse is the change that undoes c on the text it was applied to.
func inverse(c Change, before []byte) Change {
	return Change{Offset: c.Offset, Length: len(c.Text), Text: bytes.Clone(before[c.Offset : c.Offset+c.Length])}
}

// applyNaive is the reference splice.
func applyNaive(text []byte, changes []Change) []byte {
	for _, c := range changes {
		text = append(append(append([]byte(nil), text[:c.Offset]...), c.Text...), text[c.Offset+c.Length:]...)
	}
	return text
}

// sameAsValidate fails unless r is, byte for byte, what Validate returns
// for the session's text, and the text and ASCII flag are what they should be.
func sameAsValidate(t *testing.T, s *Session, r *Result, want []byte, opts *Options, step string) {
	t.Helper()
	if !bytes.Equal(s.Text(), want) {
		t.Fatalf("%s: the session's text differs from the edited text:\n got %q\nwant %q", step, s.Text(), want)
	}
	if got, want := s.ASCII(), countNonASCII(want) == 0; got != want {
		t.Fatalf("%s: ASCII() = %v, want %v", step, got, want)
	}
	got, full := r.AppendJSON(nil), Validate(want, opts).AppendJSON(nil)
	if !bytes.Equal(got, full) {
		t.Fatalf("%s: Apply's result differs from Validate's for %q:\n got %s\nwant %s", step, want, got, full)
	}
}

// TestSessionEdits applies seeded random edits, many of them undone at the
// next step, to every session document through one Session, and compares
// each result with a full Validate of the same text.
func TestSessionEdits(t *testing.T) {
	steps := 60
	if testing.Short() {
		steps = 15
	}
	for i, doc := range sessionDocs(t) {
		t.Run(doc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			s := NewSession()
			text := bytes.Clone(doc.src)
			sameAsValidate(t, s, s.Check(doc.src, doc.opts), text, doc.opts, "check")
			var undo []Change
			for step := range steps {
				var changes []Change
				switch {
				case undo != nil && rng.IntN(2) == 0:
					changes, undo = undo, nil
				default:
					// One to three changes, each on the text the ones
					// before it left; undo reverts them in reverse order.
					cur := text
					undo = nil
					for range 1 + rng.IntN(3)*rng.IntN(2) {
						c := randomChange(rng, cur)
						undo = append([]Change{inverse(c, cur)}, undo...)
						changes = append(changes, c)
						cur = applyNaive(cur, []Change{c})
					}
				}
				r, err := s.Apply(changes)
				if err != nil {
					t.Fatalf("step %d: %v", step, err)
				}
				text = applyNaive(text, changes)
				sameAsValidate(t, s, r, text, doc.opts, "step "+strconv.Itoa(step))
			}
		})
	}
}

func TestSessionErrors(t *testing.T) {
	s := NewSession()
	if _, err := s.Apply([]Change{{Offset: 0, Text: []byte("x")}}); err == nil {
		t.Fatal("Apply before Check: got no error")
	}
	src := []byte(`{"value":[]}`)
	s.Check(src, nil)
	tests := []struct {
		name    string
		changes []Change
	}{
		{"negative offset", []Change{{Offset: -1}}},
		{"offset past the end", []Change{{Offset: len(src) + 1}}},
		{"length past the end", []Change{{Offset: 3, Length: len(src)}}},
		{"negative length", []Change{{Offset: 3, Length: -1}}},
		{"second change past the shortened text", []Change{{Offset: 0, Length: 5}, {Offset: len(src) - 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.Apply(tt.changes); err == nil {
				t.Fatal("got no error")
			}
			if !bytes.Equal(s.Text(), src) {
				t.Fatalf("text = %q after a refused change, want %q", s.Text(), src)
			}
		})
	}
	r, err := s.Apply([]Change{{Offset: 0, Length: 5}, {Offset: len(src) - 5, Text: []byte("]")}})
	if err != nil {
		t.Fatal(err)
	}
	sameAsValidate(t, s, r, []byte(`ue":[]}]`), nil, "two changes")
}

// TestSessionResultsStayPut checks that a result returned earlier does not
// change when later edits move the text under it: the scanner's strings
// share the text, and the session edits the text in place.
func TestSessionResultsStayPut(t *testing.T) {
	src := []byte(`{"value":[{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Running","clientContext":5,"resultInfo":{"code":"12","subcode":0,"message":"m"}}]}`)
	s := NewSession()
	first := s.Check(src, nil)
	before := first.AppendJSON(nil)
	if !bytes.Contains(before, []byte(`"replacement":"12"`)) {
		t.Fatalf("the test needs a fix whose replacement is a value of the text; got %s", before)
	}
	for range 20 {
		if _, err := s.Apply([]Change{{Offset: 1, Text: []byte(`"x":"yyyyyyyyyy",`)}}); err != nil {
			t.Fatal(err)
		}
	}
	if after := first.AppendJSON(nil); !bytes.Equal(after, before) {
		t.Fatalf("an earlier result changed:\nbefore %s\n after %s", before, after)
	}
}

// TestSessionASCII follows the ASCII flag through edits that add and
// remove multi-byte characters.
func TestSessionASCII(t *testing.T) {
	s := NewSession()
	s.Check([]byte(`{"a":"b"}`), nil)
	steps := []struct {
		change Change
		want   bool
	}{
		{Change{Offset: 6, Text: []byte("é")}, false},
		{Change{Offset: 6, Length: 1}, false}, // half of the é is left
		{Change{Offset: 6, Length: 1}, true},
		{Change{Offset: 0, Text: []byte{0xff}}, false},
		{Change{Offset: 0, Length: 1, Text: []byte(" ")}, true},
	}
	for i, st := range steps {
		if _, err := s.Apply([]Change{st.change}); err != nil {
			t.Fatal(err)
		}
		if got := s.ASCII(); got != st.want {
			t.Fatalf("step %d: ASCII() = %v on %q, want %v", i, got, s.Text(), st.want)
		}
		if got := utf8.Valid(s.Text()) && countNonASCII(s.Text()) == 0; got != st.want {
			t.Fatalf("step %d: the test's expectation is wrong for %q", i, s.Text())
		}
	}
}

// BenchmarkSessionEdit measures a one-character edit in the middle of a
// large collection and callback body: typed into a string of the middle
// item, then deleted again, through a Session ("item"), against a full
// Validate of the same text ("full").
func BenchmarkSessionEdit(b *testing.B) {
	for _, shape := range []benchdoc.Shape{benchdoc.Collection, benchdoc.Callbacks} {
		for _, broken := range []bool{false, true} {
			name := string(shape) + "/10MB/valid"
			if broken {
				name = string(shape) + "/10MB/broken"
			}
			doc := benchdoc.Generate(shape, 10<<20, broken, 1)
			at := len(doc)/2 + bytes.Index(doc[len(doc)/2:], []byte(`"clientContext":"`)) + len(`"clientContext":"`)
			edits := [][]Change{{{Offset: at, Text: []byte("x")}}, {{Offset: at, Length: 1}}}
			b.Run(name+"/item", func(b *testing.B) {
				s := NewSession()
				s.Check(doc, nil)
				b.ReportAllocs()
				b.ResetTimer()
				i := 0
				for b.Loop() {
					if _, err := s.Apply(edits[i%2]); err != nil {
						b.Fatal(err)
					}
					i++
				}
				b.StopTimer()
				if s.items != i {
					b.Fatalf("%d of %d edits were checked item by item", s.items, i)
				}
			})
			b.Run(name+"/full", func(b *testing.B) {
				text := bytes.Clone(doc)
				b.ReportAllocs()
				for b.Loop() {
					Validate(text, nil)
				}
			})
		}
	}
}
