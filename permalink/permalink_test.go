package permalink

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/*.link from goldenStates")

// invite is a small inviteParticipantsOperation used by several tests.
const invite = `{
  "@odata.type": "#microsoft.graph.inviteParticipantsOperation",
  "id": "0fe0623f-d628-42ed-b4bd-8ac290072cc5",
  "status": "running",
  "clientContext": "f2fa86af-3c51-4bc2-8fc0-475452d9764f",
  "participants": [
    {
      "endpointType": "default",
      "replacesCallId": "cf6aee6c-ee6c-cf6a-6cee-6acf6cee6acf",
      "identity": {"user": {"id": "7e1b4346-85a6-4bdd-abe3-d11c5d420efe", "displayName": "Test User"}}
    }
  ]
}`

// bigText is about n bytes of varied, JSON-like text: repetitive enough to
// compress the way real payloads do, varied enough not to collapse.
func bigText(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(`{"id": "`)
		b.WriteString(strconv.FormatUint(uint64(i)*2654435761%1000000007, 16))
		b.WriteString(`", "sequenceId": `)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`, "status": "running", "displayName": "participant `)
		b.WriteString(strconv.Itoa(i * 7 % 13))
		b.WriteString("\"},\n")
	}
	return b.String()[:n]
}

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   State
	}{
		{"empty", State{}},
		{"text only", State{Text: "{}"}},
		{"all fields", State{Text: invite, API: "v1.0", Query: "participants.#.identity.user.displayName", View: "query"}},
		{"unicode", State{Text: `{"displayName": "Zoë Ångström 日本語 🚀"}`, API: "beta", View: "summary"}},
		{"NUL and invalid UTF-8", State{Text: "a\x00b\xff\xfe\xc3(", Query: "\x00", View: "\x80"}},
		{"field separators inside fields", State{Text: "1.\x02\x7f\x80\x81", API: "\x01", Query: "#", View: "."}},
		{"big", State{Text: bigText(1 << 20), API: "beta", View: "diagnostics"}},
		{"incompressible, near the fragment cap", State{Text: noise(MaxFragment/4*3 - 1000)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frag := Encode(tt.in)
			if !strings.HasPrefix(frag, "1.") {
				t.Fatalf("got fragment starting %q, want the prefix \"1.\"", frag[:min(len(frag), 8)])
			}
			got, err := Decode(frag)
			if err != nil {
				t.Fatalf("Decode(Encode(s)): got error %v, want none", err)
			}
			if got != tt.in {
				t.Errorf("Decode(Encode(s)): got %+.60v, want %+.60v", got, tt.in)
			}
			if got2, err := Decode("#" + frag); err != nil || got2 != tt.in {
				t.Errorf("Decode with a leading #: got %+.60v, %v, want the state and no error", got2, err)
			}
		})
	}
}

// noise returns n bytes that deflate cannot shrink.
func noise(n int) string {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return string(b)
}

func TestEncodeChecked(t *testing.T) {
	tests := []struct {
		name    string
		in      State
		wantErr error
	}{
		{"small", State{Text: invite, API: "beta"}, nil},
		{"exactly the cap", State{Text: strings.Repeat("a", MaxDecoded-6)}, nil}, // 3 empty fields, 3 length bytes
		{"one byte over the cap", State{Text: strings.Repeat("a", MaxDecoded-5)}, ErrTooLarge},
		{"over the cap in the query", State{Text: "{}", Query: strings.Repeat("q", MaxDecoded)}, ErrTooLarge},
		{"incompressible", State{Text: noise(MaxFragment)}, ErrTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frag, err := EncodeChecked(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				if frag != "" {
					t.Errorf("got fragment %.20q with the error, want none", frag)
				}
				return
			}
			if got, err := Decode(frag); err != nil || got != tt.in {
				t.Errorf("Decode(EncodeChecked(s)): got %+.40v, %v, want the state back", got, err)
			}
		})
	}
}

func TestEncodeCompresses(t *testing.T) {
	text := bigText(100 << 10)
	frag := Encode(State{Text: text})
	if got, most := len(frag), len(text)/4; got > most {
		t.Errorf("got a %d-character link for %d bytes of repetitive JSON, want at most %d", got, len(text), most)
	}
	for _, c := range []byte(frag) {
		if !(c == '.' || c == '-' || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			t.Fatalf("fragment holds %q, want only base64url characters and the version dot", c)
		}
	}
}

// payload builds a fragment around raw, uncompressed payload bytes.
func payload(raw []byte) string {
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(raw)
	w.Close()
	return "1." + base64.RawURLEncoding.EncodeToString(z.Bytes())
}

// deflated returns the base64url of raw compressed bytes.
func deflated(raw []byte) []byte {
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(raw)
	w.Close()
	return z.Bytes()
}

func TestDecodeErrors(t *testing.T) {
	good := Encode(State{Text: invite, API: "v1.0", View: "summary"})
	body := strings.TrimPrefix(good, "1.")
	z := deflated([]byte("\x00\x00\x00\x02{}"))
	tests := []struct {
		name     string
		in       string
		wantErr  error
		wantText string // a piece of the message
	}{
		{"empty", "", ErrVersion, `does not start with a version`},
		{"only a hash", "#", ErrVersion, `does not start with a version`},
		{"no version", "eNpLyc", ErrVersion, `"1."`},
		{"version 2", "2." + body, ErrVersion, `got version "2", but the only version known is 1`},
		{"version 0", "0." + body, ErrVersion, `version "0"`},
		{"long version", strings.Repeat("9", 100) + ".x", ErrVersion, `"9999999999999999"...`},
		{"padding", good + "==", ErrBase64, "position"},
		{"standard alphabet", "1.ab+/", ErrBase64, "position 4"},
		{"space", "1.abc def", ErrBase64, "position 5"},
		{"percent-escaped", "1.abc%3D", ErrBase64, "position 5"},
		{"bad deflate", "1." + base64.RawURLEncoding.EncodeToString([]byte{0xff, 0xff, 0xff, 0xff}), ErrDeflate, ""},
		{"bytes after the stream", "1." + base64.RawURLEncoding.EncodeToString(append(z, 0)), ErrDeflate, "1 bytes follow"},
		{"no data", "1.", ErrTruncated, "compressed data stops"},
		{"cut mid-stream", good[:len(good)/2], ErrTruncated, ""},
		{"cut inside a character group", good[:len(good)/4*4+1], ErrTruncated, ""},
		{"one field missing", payload([]byte("\x00\x00\x00")), ErrTruncated, "text field is missing"},
		{"field shorter than its length", payload([]byte("\x00\x00\x00\x05ab")), ErrTruncated, "text field has 2 of its 5 bytes"},
		{"length cut inside its varint", payload([]byte("\x00\x00\x00\x80")), ErrTruncated, "text field is missing"},
		{"trailing bytes", payload([]byte("\x00\x00\x00\x00junk")), ErrMalformed, "4 unexpected bytes"},
		{"overlong varint", payload([]byte("\x80\x80\x80\x80\x01")), ErrMalformed, "api field"},
		{"padded varint", payload([]byte("\x80\x00\x00\x00\x00")), ErrMalformed, "api field"},
		{"over the decoded cap", payload(make([]byte, MaxDecoded+1)), ErrTooLarge, strconv.Itoa(MaxDecoded)},
		{"field claiming more than the cap", payload(appendUvarint([]byte("\x00\x00\x00"), MaxDecoded+1)), ErrTooLarge, "text field claims 2097153 bytes"},
		{"over the fragment cap", "1." + strings.Repeat("A", MaxFragment), ErrTooLong, strconv.Itoa(MaxFragment + 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if got != (State{}) {
				t.Errorf("got state %+.40v with the error, want the zero State", got)
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind != tt.wantErr || e.Detail == "" {
				t.Fatalf("got %#v, want an *Error with Kind %v and a detail", err, tt.wantErr)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "permalink: ") || msg != strings.ToLower(msg[:1])+msg[1:] {
				t.Errorf("got message %q, want it to start with \"permalink: \"", msg)
			}
			if !strings.Contains(msg, tt.wantText) {
				t.Errorf("got message %q, want it to contain %q", msg, tt.wantText)
			}
			if len(msg) > 200 || !utf8.ValidString(msg) {
				t.Errorf("got a %d-byte message %q, want a short valid one", len(msg), msg)
			}
		})
	}
}

// TestBomb feeds Decode 100 MiB of zeros compressed to about 100 KB: it must
// stop at MaxDecoded with ErrTooLarge, allocating no more than the cap (in
// fact about the link's size), not the bomb's size.
func TestBomb(t *testing.T) {
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 100 {
		w.Write(zeros)
	}
	w.Close()
	frag := "1." + base64.RawURLEncoding.EncodeToString(z.Bytes())
	if len(frag) > MaxFragment {
		t.Fatalf("the bomb's fragment has %d characters, want it under MaxFragment so the decoded cap is what stops it", len(frag))
	}

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Decode(frag)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got error %v, want %v", err, ErrTooLarge)
	}
	got, most := after.TotalAlloc-before.TotalAlloc, uint64(MaxDecoded)
	if got > most {
		t.Errorf("decoding the bomb allocated %d bytes, want at most %d", got, most)
	}
	t.Logf("a %d-character bomb link of 100 MiB stopped after %d bytes allocated", len(frag), got)
}

// goldenStates are the states behind testdata/v1-*.link. Those files are
// links handed out by an earlier build: they must keep decoding to exactly
// these states. Add new files rather than rewriting old ones; -update writes
// the files of states that have none.
var goldenStates = map[string]State{
	"v1-invite": {Text: invite, API: "v1.0", Query: "participants.#.identity.user.displayName", View: "query"},
	"v1-empty":  {},
	"v1-binary": {Text: "caf\xc3\xa9 \x00 \xff\xfe 日本 🚀\r\n", API: "beta", View: "summary"},
	"v1-big":    {Text: bigText(64 << 10), API: "beta", View: "diagnostics"},
}

func TestGoldenLinks(t *testing.T) {
	for name, want := range goldenStates {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name+".link")
			if _, err := os.Stat(path); *update && errors.Is(err, os.ErrNotExist) {
				if err := os.WriteFile(path, []byte(Encode(want)+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			got, err := Decode(strings.TrimSpace(string(b)))
			if err != nil {
				t.Fatalf("Decode(%s): got error %v, want none", path, err)
			}
			if got != want {
				t.Errorf("Decode(%s): got %+.60v, want %+.60v", path, got, want)
			}
		})
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.link"))
	if len(files) != len(goldenStates) {
		t.Errorf("got %d links in testdata, want %d, one for each golden state", len(files), len(goldenStates))
	}
}

func TestParseURLFragment(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string
		wantOK bool
	}{
		{"https", "#url=https%3A%2F%2Fgraph.example.com%2Fv1.0%2Fcalls%3Fa%3D1%26b%3D2", "https://graph.example.com/v1.0/calls?a=1&b=2", true},
		{"http without hash", "url=http%3A%2F%2Flocalhost%3A8080%2Fcallback.json", "http://localhost:8080/callback.json", true},
		{"unescaped", "url=https://example.com/a.json", "https://example.com/a.json", true},
		{"upper-case scheme", "url=HTTPS%3A%2F%2Fexample.com%2F", "https://example.com/", true},
		{"plus stays a plus", "url=https%3A%2F%2Fexample.com%2Fa%2Bb", "https://example.com/a+b", true},
		{"space", "url=https%3A%2F%2Fexample.com%2Fa%20b", "https://example.com/a%20b", true},
		{"javascript", "url=javascript%3Aalert(1)", "", false},
		{"data", "url=data%3Atext%2Fplain%2Chi", "", false},
		{"file", "url=file%3A%2F%2F%2Fetc%2Fpasswd", "", false},
		{"relative", "url=%2Fcallback.json", "", false},
		{"no host", "url=https%3A%2F%2F%2Fpath", "", false},
		{"opaque", "url=https%3Aexample.com", "", false},
		{"credentials", "url=https%3A%2F%2Fuser%3Apass%40example.com%2F", "", false},
		{"bad escape", "url=https%3A%2F%2Fexample.com%2%", "", false},
		{"control character", "url=https%3A%2F%2Fexample.com%2F%0A", "", false},
		{"empty", "url=", "", false},
		{"a state link", "1.abc", "", false},
		{"other fragment", "#top", "", false},
		{"too long", "url=https%3A%2F%2Fexample.com%2F" + strings.Repeat("a", MaxFragment), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseURLFragment(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("got %q, %v, want %q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}
