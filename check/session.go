package check

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"opcheck/scan"
)

// Change replaces Length bytes at Offset of a text with Text. Offsets are
// bytes of the text as it is after the changes before it in the same list.
type Change struct {
	Offset, Length int
	Text           []byte
}

// Session checks a text that changes a little at a time, as an editor sends
// it: Check validates it in full once, and Apply then takes the edits and
// returns what Validate would return for the new text.
//
// A Session is not safe for concurrent use.
type Session struct {
	text     []byte
	opts     Options
	loaded   bool
	nonASCII int // bytes of text at or above 0x80

	// res is the last result. Its slices are shared with the caller and
	// never changed in place: an item check builds new ones.
	res *Result
	// tr describes the items of res's text, kept up to date by item checks.
	tr trace
	// scratch is the memory an item check rebuilds the timeline in.
	scratch timelineScratch
	// items counts the Apply calls answered by checking a single item.
	items int
	// current is true while res is the result for text: false from the
	// moment a change is spliced in until a check of the new text ends.
	current bool
}

// NewSession returns a session that holds no text yet.
func NewSession() *Session { return &Session{} }

// Check validates src in full with opts, as Validate does, and remembers
// both for Apply. The session keeps its own copy of src.
func (s *Session) Check(src []byte, opts *Options) *Result {
	s.opts = Options{}
	if opts != nil {
		s.opts = *opts
	}
	s.current = false
	if cap(s.text) < len(src) {
		s.text = make([]byte, 0, grow(len(src)))
	}
	s.text = append(s.text[:0], src...)
	s.nonASCII = countNonASCII(s.text)
	s.loaded = true
	return s.validate()
}

// Apply applies changes, in order, to the remembered text and returns the
// result for the new text: exactly what Validate returns for it with the
// options of the last Check. It returns an error, and leaves the text as it
// was, when no text has been checked yet or a change falls outside the text.
//
// When every change falls inside one item of the "value" array of a
// collection or callback body, leaving its first and last byte, only that
// item is scanned and checked again; the findings of the others are moved
// along. The result's slices are shared with the session, which never
// changes them: read them, do not modify them.
func (s *Session) Apply(changes []Change) (*Result, error) {
	if !s.loaded {
		return nil, errors.New("apply: no text to change; call Check first")
	}
	n := len(s.text)
	for i, c := range changes {
		if c.Offset < 0 || c.Length < 0 || c.Offset > n || c.Length > n-c.Offset {
			return nil, errors.New("apply: change " + strconv.Itoa(i) + " replaces [" + strconv.Itoa(c.Offset) + ", " +
				strconv.Itoa(c.Offset+c.Length) + ") of a " + strconv.Itoa(n) + "-byte text")
		}
		n += len(c.Text) - c.Length
	}
	if len(changes) == 0 && s.current {
		return s.res, nil // nothing changed: the last result stands
	}
	k := s.itemOf(changes)
	var was place
	if k >= 0 {
		was = s.before(k)
	}
	// Until a check of the new text, the trace and the result describe an
	// old one: should that check panic, the next Apply must not trust them.
	s.tr.ok = false
	s.current = false
	for _, c := range changes {
		s.splice(c)
	}
	if k >= 0 {
		if r := s.recheck(k, len(s.text)-was.textLen, was); r != nil {
			s.items++
			s.current = true
			return r, nil
		}
	}
	return s.validate(), nil
}

// ApplyUTF16 is Apply for changes counted as a browser's editor counts
// them: Offset and Length in UTF-16 code units rather than bytes, each
// Offset in the text as the changes before it left it, in ascending order
// (as CodeMirror's ChangeSet.iterChanges lists them). It converts them to
// bytes in one pass over the text up to the last change. A change out of
// order, past the end, or starting or ending inside a surrogate pair is an
// error, and leaves the text as it was.
func (s *Session) ApplyUTF16(changes []Change) (*Result, error) {
	if !s.loaded {
		return nil, errors.New("apply: no text to change; call Check first")
	}
	// Where each change starts and ends in the text before any of them.
	pos := make([]int, 2*len(changes))
	shift, end := 0, 0
	for i, c := range changes {
		from := c.Offset - shift
		if c.Length < 0 || from < end {
			return nil, errors.New("apply: change " + strconv.Itoa(i) + " is not after the one before it, or has a negative length")
		}
		pos[2*i], pos[2*i+1] = from, from+c.Length
		end = from + c.Length
		shift += scan.UTF16Len(c.Text) - c.Length
	}
	at := scan.UTF16ToBytes(s.text, pos)
	bytes := make([]Change, len(changes))
	shift = 0
	for i, c := range changes {
		from, to := at[2*i], at[2*i+1]
		if from < 0 || to < 0 {
			return nil, errors.New("apply: change " + strconv.Itoa(i) + " replaces [" + strconv.Itoa(pos[2*i]) + ", " +
				strconv.Itoa(pos[2*i+1]) + "), which is not a range of whole characters of the " + strconv.Itoa(scan.UTF16Len(s.text)) + "-unit text")
		}
		bytes[i] = Change{Offset: from + shift, Length: to - from, Text: c.Text}
		shift += len(c.Text) - (to - from)
	}
	return s.Apply(bytes)
}

// Text returns the current text. The caller must not modify it, and it
// changes with the next Check or Apply.
func (s *Session) Text() []byte { return s.text }

// Tracks returns the timeline's tracks of the current text as a check
// without Options.SkipTracks lists them in Result.Timeline, built from what
// the last check kept; nil before the first check.
func (s *Session) Tracks() []Track {
	if s.res == nil {
		return nil
	}
	s.tr.locateEvents(s.text)
	tracks, _ := buildTimeline(s.tr.events, &eventText{src: s.text, own: s.tr.own}, true)
	detach(&Result{Timeline: tracks}, s.text)
	return tracks
}

// ASCII reports whether the current text is all ASCII.
func (s *Session) ASCII() bool { return s.nonASCII == 0 }

// validate checks the whole text.
func (s *Session) validate() *Result {
	s.tr = trace{}
	r := validate(s.text, &s.opts, &s.tr)
	detach(r, s.text)
	if s.tr.ok && !s.tr.fits(r) {
		s.tr.ok = false
	}
	s.res = r
	s.current = true
	return r
}

// splice applies one change, already known to be in range, in place when
// the buffer has room.
func (s *Session) splice(c Change) {
	if overlaps(c.Text, s.text) {
		c.Text = slices.Clone(c.Text) // the move below could overwrite it
	}
	old := s.text[c.Offset : c.Offset+c.Length]
	s.nonASCII += countNonASCII(c.Text) - countNonASCII(old)
	n := len(s.text) + len(c.Text) - c.Length
	if n > cap(s.text) {
		b := make([]byte, n, grow(n))
		copy(b, s.text[:c.Offset])
		copy(b[c.Offset:], c.Text)
		copy(b[c.Offset+len(c.Text):], s.text[c.Offset+c.Length:])
		s.text = b
		return
	}
	tail := c.Offset + c.Length
	end := len(s.text)
	s.text = s.text[:n]
	copy(s.text[c.Offset+len(c.Text):], s.text[tail:end])
	copy(s.text[c.Offset:], c.Text)
}

// grow is the capacity to allocate for a text of n bytes: room for a good
// deal of typing before the next reallocation.
func grow(n int) int { return n + n/8 + 4096 }

// countNonASCII counts the bytes of b at or above 0x80.
func countNonASCII(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

// detach copies every string of r that shares memory with buf: the scanner
// hands out member names and values without a copy, and some reach a
// message or a fix as they are. The session changes buf in place, which
// must not change a result already returned.
func detach(r *Result, buf []byte) {
	for i := range r.Diagnostics {
		detachDiagnostic(&r.Diagnostics[i], buf)
	}
	for i := range r.Objects {
		o := &r.Objects[i]
		o.Pointer = detachString(o.Pointer, buf)
		o.Type = detachString(o.Type, buf)
	}
	for i := range r.Timeline {
		t := &r.Timeline[i]
		t.ResourceURL = detachString(t.ResourceURL, buf)
		t.Type = detachString(t.Type, buf)
		for j := range t.Events {
			detachEventFields(&t.Events[j], buf)
		}
	}
}

func detachEventFields(e *Event, buf []byte) {
	e.ChangeType = detachString(e.ChangeType, buf)
	e.Status = detachString(e.Status, buf)
	e.ClientContext = detachString(e.ClientContext, buf)
	if r := e.ResultInfo; r != nil {
		r.Message = detachString(r.Message, buf)
	}
}

func detachDiagnostic(d *Diagnostic, buf []byte) {
	d.Message = detachString(d.Message, buf)
	d.Pointer = detachString(d.Pointer, buf)
	if f := d.Fix; f != nil {
		f.Title = detachString(f.Title, buf)
		f.Replacement = detachString(f.Replacement, buf)
	}
}

// detachString returns s, or a copy of it when its bytes lie in buf.
func detachString(s string, buf []byte) string {
	if overlaps(unsafe.Slice(unsafe.StringData(s), len(s)), buf) {
		return strings.Clone(s)
	}
	return s
}

// overlaps reports whether a and b share memory (b up to its capacity).
func overlaps(a, b []byte) bool {
	if len(a) == 0 || cap(b) == 0 {
		return false
	}
	a0 := uintptr(unsafe.Pointer(unsafe.SliceData(a)))
	b0 := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return a0 < b0+uintptr(cap(b)) && b0 < a0+uintptr(len(a))
}
