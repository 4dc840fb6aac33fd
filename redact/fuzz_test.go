package redact

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzText feeds Text arbitrary text, seeded from the samples in testdata.
// Invariants: no panic; Text is idempotent; valid JSON stays valid JSON;
// valid UTF-8 stays valid UTF-8.
func FuzzText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, file := range files {
		if st, err := os.Stat(file); err != nil || st.IsDir() || strings.HasSuffix(file, ".golden") {
			continue
		}
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{
		"+14255550100-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
		"x@a.com.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
		"a.+1(425)5550100@x.com 57dab8b1-894c-409a-b240-bd8beae78896+1(425)5550100@x.com",
		`{"displayName":"+14255550100","mail":"57dab8b1-894c-409a-b240-bd8beae78896"}`,
		`Bearer <token-3> tel:+1-425<token-1> eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.`,
		`{"recordingLocation": "https:\/\/u:p@rec.example\/1.wav?sv=1\u0026sig=a%2Bb", "uri": "<token-1>"}`,
		"https://<token-2>@x?sig=<token-2>&se=2026-12-04T00:00:00Z#a ftp://a@b@c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Text(s)
		if twice := Text(once); twice != once {
			t.Fatalf("not idempotent:\n   in %q\n once %q\ntwice %q", s, once, twice)
		}
		if json.Valid([]byte(s)) && !json.Valid([]byte(once)) {
			t.Fatalf("valid JSON became invalid:\n in %q\nout %q", s, once)
		}
		if utf8.ValidString(s) && !utf8.ValidString(once) {
			t.Fatalf("valid UTF-8 became invalid:\n in %q\nout %q", s, once)
		}
	})
}
