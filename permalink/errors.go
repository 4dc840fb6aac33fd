package permalink

import "errors"

// The kinds of failure Decode reports; each [*Error] wraps exactly one, so
// callers test them with errors.Is.
var (
	// ErrTooLong means the fragment is longer than MaxFragment.
	ErrTooLong = errors.New("permalink: link too long")
	// ErrVersion means the fragment does not start with a version this
	// package reads; the message says which versions it knows.
	ErrVersion = errors.New("permalink: unknown link version")
	// ErrBase64 means the fragment holds a character outside base64url.
	ErrBase64 = errors.New("permalink: link is not valid base64url")
	// ErrDeflate means the compressed data is corrupt.
	ErrDeflate = errors.New("permalink: link data is corrupt")
	// ErrTruncated means the link stops early, typically because a chat
	// tool or ticket system cut it.
	ErrTruncated = errors.New("permalink: link is cut short")
	// ErrTooLarge means the link expands past MaxDecoded bytes.
	ErrTooLarge = errors.New("permalink: link is too large once expanded")
	// ErrMalformed means the data decompresses but is not a state.
	ErrMalformed = errors.New("permalink: link content is malformed")
)

// Error is a failure to decode a link.
type Error struct {
	// Kind is one of the Err sentinels of this package.
	Kind error
	// Detail says what exactly was wrong, in plain words.
	Detail string
}

func newError(kind error, detail string) *Error { return &Error{Kind: kind, Detail: detail} }

// Error returns the kind's message followed by the detail.
func (e *Error) Error() string { return e.Kind.Error() + ": " + e.Detail }

// Unwrap returns e.Kind, for errors.Is.
func (e *Error) Unwrap() error { return e.Kind }
