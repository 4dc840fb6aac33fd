package check

import "errors"

// Severity says how sure opcheck is that a finding breaks something.
type Severity string

const (
	// Error means Graph or its SDKs will reject or misread the payload.
	Error Severity = "error"
	// Warning means the payload is very likely a mistake.
	Warning Severity = "warning"
	// Info is advice.
	Info Severity = "info"
)

// Diagnostic is one finding, located in the input text.
//
// Offset and Length are bytes of the input; Line, Column, EndLine and
// EndColumn are 1-based, columns counted in Unicode code points. The end
// position is exclusive (the character just after the range). Pointer is an
// RFC 6901 JSON Pointer into the JSON document the finding is about ("" for
// the whole document, or for findings outside any JSON).
type Diagnostic struct {
	Severity  Severity `json:"severity"`
	Code      string   `json:"code"`
	Message   string   `json:"message"`
	Pointer   string   `json:"pointer"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"endLine"`
	EndColumn int      `json:"endColumn"`
	Offset    int      `json:"offset"`
	Length    int      `json:"length"`
	Fix       *Fix     `json:"fix,omitempty"`
	// SDK says what each Graph SDK makes of the value, where one reads it
	// differently from a correct read; nil otherwise, and always nil as
	// Validate returns it (package opcheck/sdk/notes sets it). Identical
	// findings share one SDKNotes: do not modify it.
	SDK *SDKNotes `json:"sdk,omitempty"`

	// related is, for a duplicate-key finding, the offset of the first
	// member of the name (0: none), and relLine, relCol its position,
	// which the message names.
	related, relLine, relCol int
}

// Fix replaces Length bytes at Offset of the input with Replacement.
type Fix struct {
	Title       string `json:"title"`
	Offset      int    `json:"offset"`
	Length      int    `json:"length"`
	Replacement string `json:"replacement"`
}

// Object is one Graph object found in the input: an operation, a call, a
// participant or a notification, with the type it was checked as. Offset and Length locate
// its JSON text in the input, in bytes, so that a view can show it even
// inside a raw HTTP response, a docs page or a log.
type Object struct {
	Pointer string `json:"pointer"`
	Type    string `json:"type"`
	Offset  int    `json:"offset"`
	Length  int    `json:"length"`
}

// Result is everything Validate found in one input.
type Result struct {
	// File names the input for the CLI ("-" for standard input); it is
	// empty, and left out of the JSON, where there is no file.
	File string `json:"file,omitempty"`
	// Kind is the input form: one of the Kind constants.
	Kind Kind `json:"kind"`
	// API is the Graph version the input was checked against.
	API         string       `json:"api"`
	Objects     []Object     `json:"objects"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	// Timeline has one track per resource the input's notifications tell
	// about (a call, an operation, a participant): empty, not nil, when
	// there are none.
	Timeline []Track `json:"timeline"`
}

// Kind names an input form.
type Kind string

// The input forms Validate recognises.
const (
	KindAuto          Kind = ""              // detect (only as an option)
	KindOperation     Kind = "operation"     // a bare operation object
	KindCollection    Kind = "collection"    // {"value": [operations]}
	KindWrapped       Kind = "wrapped"       // {"value": {operation}}: not what Graph sends
	KindNotifications Kind = "notifications" // a commsNotifications callback body
	KindCall          Kind = "call"          // a bare call object, as GET …/calls/{id} returns it
	KindParticipant   Kind = "participant"   // a bare participant object
	KindHTTP          Kind = "http"          // a raw HTTP response (or request) with a JSON body
	KindMarkdown      Kind = "markdown"      // a docs page with annotated code blocks
	KindLog           Kind = "log"           // a log, or many JSON bodies in one paste: each body checked on its own
)

// Options tunes Validate. A nil *Options means the defaults.
type Options struct {
	// API is "v1.0" (the default) or "beta".
	API string
	// Kind forces an input form; KindAuto (the default) detects it.
	Kind Kind
	// SkipTracks leaves Result.Timeline empty; the anomalies the timeline
	// reveals are found all the same. It is for a caller that shows the
	// tracks only on demand: a long callback stream has tens of thousands,
	// which cost more to carry than to find. A Session builds them later
	// (Session.Tracks).
	SkipTracks bool
}

// Verify reports an option value opcheck does not know, in words that list
// the accepted ones.
func (o *Options) Verify() error {
	switch o.API {
	case "", "v1.0", "beta":
	default:
		return errors.New(`unknown API version "` + o.API + `": use "v1.0" or "beta"`)
	}
	switch o.Kind {
	case KindAuto, KindOperation, KindCollection, KindWrapped, KindNotifications, KindCall, KindParticipant, KindHTTP, KindMarkdown, KindLog:
	default:
		return errors.New(`unknown input kind "` + string(o.Kind) + `": use one of ` + kindList)
	}
	return nil
}

const kindList = "operation, collection, wrapped, notifications, call, participant, http, markdown, log"
