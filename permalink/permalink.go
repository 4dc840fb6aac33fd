package permalink

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
)

const (
	// MaxDecoded is the most bytes a link may expand to once decompressed
	// (2 MiB); Decode stops reading there, so a decompression bomb costs at
	// most this much memory and the time to inflate it.
	MaxDecoded = 2 << 20

	// MaxFragment is the longest fragment Decode and ParseURLFragment look
	// at (1 MiB of text), checked before any decoding work.
	MaxFragment = 1 << 20

	// prefix starts every fragment Encode writes.
	prefix = "1."
)

// State is what a link restores: everything the page needs to show the same
// findings to whoever opens it.
type State struct {
	// Text is the editor's content, kept byte for byte.
	Text string
	// API is the Graph API version the text is checked against, "v1.0" or
	// "beta"; empty means the page's default.
	API string
	// Query is the gjson path typed in the Query view, if any.
	Query string
	// View names the panel shown, such as "diagnostics", "summary" or
	// "query"; empty means the page's default.
	View string
}

// fieldNames name the payload's fields in the order they are written, for
// error messages.
var fieldNames = [...]string{"api", "view", "query", "text"}

func (s *State) fields() [4]*string { return [4]*string{&s.API, &s.View, &s.Query, &s.Text} }

// writers keeps flate writers between calls: each holds about a megabyte of
// tables that would otherwise be allocated for every link.
var writers = sync.Pool{New: func() any {
	w, err := flate.NewWriter(nil, flate.BestCompression)
	if err != nil {
		panic("permalink: " + err.Error()) // unreachable: the level is a valid constant
	}
	return w
}}

// Encode returns the fragment (without its "#") that Decode turns back into
// s. A state whose fields add up to more than about [MaxDecoded] bytes makes
// a link that Decode refuses; callers that accept arbitrary text should
// decode the result once to tell the user.
func Encode(s State) string {
	var z bytes.Buffer
	w := writers.Get().(*flate.Writer)
	w.Reset(&z)
	var head [10]byte
	for _, f := range s.fields() {
		// Writes to a bytes.Buffer cannot fail.
		w.Write(appendUvarint(head[:0], uint64(len(*f))))
		io.WriteString(w, *f)
	}
	w.Close()
	writers.Put(w)

	enc := base64.RawURLEncoding
	out := make([]byte, len(prefix)+enc.EncodedLen(z.Len()))
	copy(out, prefix)
	enc.Encode(out[len(prefix):], z.Bytes())
	return string(out)
}

// Decode reads a fragment written by Encode, with or without its leading
// "#". It fails closed: any problem gives a zero State and an [*Error] whose
// Kind is one of the Err sentinels, so errors.Is(err, ErrTruncated) and the
// like tell the cases apart.
func Decode(fragment string) (State, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	if len(fragment) > MaxFragment {
		return State{}, newError(ErrTooLong, "the fragment has "+strconv.Itoa(len(fragment))+
			" characters, the limit is "+strconv.Itoa(MaxFragment))
	}
	version, body, ok := strings.Cut(fragment, ".")
	if !ok {
		return State{}, newError(ErrVersion, "the fragment does not start with a version such as \"1.\"")
	}
	if version != "1" {
		return State{}, newError(ErrVersion, "got version "+quote(version)+", this page reads version 1")
	}
	data, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		var bad base64.CorruptInputError
		if errors.As(err, &bad) && len(body)%4 == 1 && int(bad) >= len(body)-1 {
			return State{}, newError(ErrTruncated, "the link ends in the middle of a character group")
		}
		at := len(prefix)
		if errors.As(err, &bad) {
			at += int(bad)
		}
		return State{}, newError(ErrBase64, "unexpected character at position "+strconv.Itoa(at))
	}
	payload, err := inflate(data)
	if err != nil {
		return State{}, err
	}
	return parse(payload)
}

// inflate decompresses data, reading at most MaxDecoded+1 bytes so that a
// bomb stops at the cap, and refuses bytes after the end of the stream.
func inflate(data []byte) ([]byte, error) {
	src := bytes.NewReader(data) // an io.ByteReader: flate reads no further than the stream's end
	fr := flate.NewReader(src)
	defer fr.Close()
	lr := &io.LimitedReader{R: fr, N: MaxDecoded + 1}

	// Grow by doubling from a guess, never past the cap: the buffers
	// allocated add up to at most about twice MaxDecoded.
	buf := make([]byte, 0, min(MaxDecoded+1, max(512, 4*len(data))))
	for {
		if len(buf) == cap(buf) {
			buf = append(make([]byte, 0, min(MaxDecoded+1, 2*cap(buf))), buf...)
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > MaxDecoded {
			return nil, newError(ErrTooLarge, "it expands to more than "+strconv.Itoa(MaxDecoded)+" bytes")
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, newError(ErrTruncated, "the compressed data stops before its end")
			}
			return nil, newError(ErrDeflate, strings.TrimPrefix(err.Error(), "flate: "))
		}
	}
	if src.Len() > 0 {
		return nil, newError(ErrDeflate, strconv.Itoa(src.Len())+" bytes follow the end of the compressed data")
	}
	return buf, nil
}

// parse splits a payload into the State's fields.
func parse(p []byte) (State, error) {
	var s State
	for i, f := range s.fields() {
		n, k := uvarint(p)
		switch {
		case k == 0:
			return State{}, newError(ErrTruncated, "the "+fieldNames[i]+" field is missing")
		case k < 0:
			return State{}, newError(ErrMalformed, "the length of the "+fieldNames[i]+" field is not a valid number")
		}
		p = p[k:]
		if n > uint64(len(p)) {
			return State{}, newError(ErrTruncated, "the "+fieldNames[i]+" field has "+strconv.Itoa(len(p))+
				" of its "+strconv.FormatUint(n, 10)+" bytes")
		}
		*f = string(p[:n])
		p = p[n:]
	}
	if len(p) > 0 {
		return State{}, newError(ErrMalformed, strconv.Itoa(len(p))+" unexpected bytes follow the last field")
	}
	return s, nil
}

// appendUvarint appends x as an unsigned LEB128 varint.
func appendUvarint(b []byte, x uint64) []byte {
	for x >= 0x80 {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}

// uvarint reads a varint of at most 4 bytes (enough for MaxDecoded) from the
// start of p. It returns the value and the bytes read: k == 0 when p ends
// inside the number, k < 0 when the number is longer than 4 bytes or not in
// its shortest form.
func uvarint(p []byte) (x uint64, k int) {
	const maxLen = 4
	for i, c := range p {
		if i == maxLen {
			return 0, -1
		}
		x |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			if c == 0 && i > 0 {
				return 0, -1 // a padded form: Encode never writes one
			}
			return x, i + 1
		}
	}
	if len(p) >= maxLen {
		return 0, -1
	}
	return 0, 0
}

// quote shows a piece of a fragment in a message, shortened so that a hostile
// link cannot flood the page.
func quote(s string) string {
	const most = 16
	if len(s) > most {
		return strconv.Quote(s[:most]) + "..."
	}
	return strconv.Quote(s)
}
