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
// a link that Decode refuses; callers that accept arbitrary text use
// [EncodeChecked], which says so instead.
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

// EncodeChecked is Encode for states that may not fit: it returns the
// fragment only if Decode will open it, and otherwise an [*Error] of kind
// ErrTooLarge (the fields add up to more than MaxDecoded bytes) or ErrTooLong
// (the text compresses too poorly for a MaxFragment fragment).
func EncodeChecked(s State) (string, error) {
	size := 0
	for _, f := range s.fields() {
		size += len(appendUvarint(nil, uint64(len(*f)))) + len(*f)
	}
	if size > MaxDecoded {
		return "", newError(ErrTooLarge, "the state takes "+strconv.Itoa(size)+" bytes, the limit is "+strconv.Itoa(MaxDecoded))
	}
	fragment := Encode(s)
	if len(fragment) > MaxFragment {
		return "", newError(ErrTooLong, "the link would have "+strconv.Itoa(len(fragment))+
			" characters, the limit is "+strconv.Itoa(MaxFragment))
	}
	return fragment, nil
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
		return State{}, newError(ErrVersion, "got version "+quote(version)+", but the only version known is 1")
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
	return inflate(data)
}

// inflate decompresses data and splits it into a State as it reads, so the
// memory used is about the fields' size: it never holds more than
// MaxDecoded+1 decompressed bytes, so a bomb stops at the cap. Bytes after
// the last field or after the compressed stream are refused.
func inflate(data []byte) (State, error) {
	src := bytes.NewReader(data) // an io.ByteReader: flate reads no further than the stream's end
	fr := flate.NewReader(src)
	defer fr.Close()
	r := &io.LimitedReader{R: fr, N: MaxDecoded + 1}
	var buf []byte
	var s State
	for i, f := range s.fields() {
		name := fieldNames[i]
		n, err := readUvarint(r)
		switch {
		case r.N == 0:
			return State{}, errTooLarge()
		case err == io.EOF:
			return State{}, newError(ErrTruncated, "the "+name+" field is missing")
		case err == errVarint:
			return State{}, newError(ErrMalformed, "the length of the "+name+" field is not a valid number")
		case err != nil:
			return State{}, readError(err)
		case n > uint64(r.N-1):
			return State{}, newError(ErrTooLarge, "the "+name+" field claims "+strconv.FormatUint(n, 10)+
				" bytes, more than the limit of "+strconv.Itoa(MaxDecoded))
		}
		if n == 0 {
			continue
		}
		if buf == nil {
			buf = make([]byte, 32<<10)
		}
		var b strings.Builder
		b.Grow(int(n))
		got, err := io.CopyBuffer(&b, io.LimitReader(r, int64(n)), buf)
		if err != nil {
			return State{}, readError(err)
		}
		if got < int64(n) {
			return State{}, newError(ErrTruncated, "the "+name+" field has "+strconv.FormatInt(got, 10)+
				" of its "+strconv.FormatUint(n, 10)+" bytes")
		}
		*f = b.String()
	}
	// Read on to the end of the stream (up to the cap) to tell trailing
	// bytes from a bomb.
	extra, err := io.Copy(io.Discard, r)
	switch {
	case r.N == 0:
		return State{}, errTooLarge()
	case err != nil:
		return State{}, readError(err)
	case extra > 0:
		return State{}, newError(ErrMalformed, strconv.FormatInt(extra, 10)+" unexpected bytes follow the last field")
	case src.Len() > 0:
		return State{}, newError(ErrDeflate, strconv.Itoa(src.Len())+" bytes follow the end of the compressed data")
	}
	return s, nil
}

func errTooLarge() error {
	return newError(ErrTooLarge, "it expands to more than "+strconv.Itoa(MaxDecoded)+" bytes")
}

// readError classifies an error from the decompressor.
func readError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return newError(ErrTruncated, "the compressed data stops before its end")
	}
	return newError(ErrDeflate, strings.TrimPrefix(err.Error(), "flate: "))
}

// appendUvarint appends x as an unsigned LEB128 varint.
func appendUvarint(b []byte, x uint64) []byte {
	for x >= 0x80 {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}

// errVarint marks a length longer than 4 bytes or not in its shortest form.
var errVarint = errors.New("bad varint")

// readUvarint reads a varint of at most 4 bytes, enough for MaxDecoded. It
// returns io.EOF when r ends before the number's first byte or inside it.
func readUvarint(r io.Reader) (uint64, error) {
	const maxLen = 4
	var x uint64
	var c [1]byte
	for i := range maxLen {
		if _, err := io.ReadFull(r, c[:]); err != nil {
			return 0, err
		}
		x |= uint64(c[0]&0x7f) << (7 * i)
		if c[0] < 0x80 {
			if c[0] == 0 && i > 0 {
				return 0, errVarint // a padded form: Encode never writes one
			}
			return x, nil
		}
	}
	return 0, errVarint
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
