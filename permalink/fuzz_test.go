package permalink

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// knownKinds are the only errors Decode may return.
var knownKinds = []error{ErrTooLong, ErrVersion, ErrBase64, ErrDeflate, ErrTruncated, ErrTooLarge, ErrMalformed}

// seedLinks returns the committed links of testdata.
func seedLinks(f *testing.F) []string {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.link"))
	if len(files) == 0 {
		f.Fatal("no testdata/*.link seeds")
	}
	var links []string
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		links = append(links, strings.TrimSpace(string(b)))
	}
	return links
}

// FuzzDecode feeds Decode arbitrary fragments, seeded from testdata and from
// broken variants of them. Invariants: no panic; an error is an *Error of one
// of the known kinds with a zero State; a success re-encodes to a link that
// decodes to the same state.
func FuzzDecode(f *testing.F) {
	for _, l := range seedLinks(f) {
		f.Add(l)
		f.Add(l[:len(l)/2])
		f.Add("2" + l[1:])
		f.Add(strings.Replace(l, "A", "+", 1))
	}
	f.Add("")
	f.Add("url=https%3A%2F%2Fexample.com")
	f.Fuzz(func(t *testing.T, fragment string) {
		s, err := Decode(fragment)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got error of type %T (%v), want *Error", err, err)
			}
			known := false
			for _, k := range knownKinds {
				known = known || e.Kind == k
			}
			if !known || !errors.Is(err, e.Kind) {
				t.Fatalf("got error kind %v, want one of the Err sentinels", e.Kind)
			}
			if s != (State{}) {
				t.Fatalf("got state %+.40v with error %v, want the zero State", s, err)
			}
			return
		}
		again, err := Decode(Encode(s))
		if err != nil || again != s {
			t.Fatalf("Decode(Encode(Decode(x))): got %+.40v, %v, want %+.40v", again, err, s)
		}
	})
}

// FuzzRoundTrip checks Decode(Encode(s)) == s for arbitrary field bytes,
// seeded from the golden states.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range goldenStates {
		f.Add(s.Text, s.API, s.Query, s.View)
	}
	f.Fuzz(func(t *testing.T, text, api, query, view string) {
		s := State{Text: text, API: api, Query: query, View: view}
		got, err := Decode(Encode(s))
		if err != nil {
			t.Fatalf("Decode(Encode(s)): got error %v, want none", err)
		}
		if got != s {
			t.Fatalf("Decode(Encode(s)): got %+q, want %+q", got, s)
		}
	})
}
