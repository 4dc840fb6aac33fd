package check

import "strings"

// resourceKind is what a notification's resourceUrl names.
type resourceKind uint8

const (
	resourceUnknown      resourceKind = iota // not a calls URL opcheck knows
	resourceCall                             // /communications/calls/{id}
	resourceParticipants                     // /communications/calls/{id}/participants
	resourceParticipant                      // /communications/calls/{id}/participants/{id}
	resourceOperation                        // /communications/calls/{id}/operations/{id}
)

// String names the kind as a message would: "a call", "the participants".
func (k resourceKind) String() string {
	switch k {
	case resourceCall:
		return "a call"
	case resourceParticipants:
		return "the participants of a call"
	case resourceParticipant:
		return "a participant"
	case resourceOperation:
		return "an operation"
	}
	return "an unknown resource"
}

// plural names many resources of the kind: "operations", "calls".
func (k resourceKind) plural() string {
	switch k {
	case resourceCall:
		return "calls"
	case resourceParticipant, resourceParticipants:
		return "participants"
	}
	return "operations"
}

// resourceRef is a resourceUrl taken apart.
type resourceRef struct {
	Kind resourceKind
	// Call is the call's id; ID is the participant's or the operation's id
	// (empty for a call and for the participants collection).
	Call, ID string
}

// parseResource reads the shape of a notification's resourceUrl (or of the
// older "resource" member). It accepts a path with or without its leading
// slash, a whole URL with host and version ("https://graph.microsoft.com/
// v1.0/communications/calls/…"), the older "/app/calls/…" form, and ids
// written in OData's key syntax ("calls('…')"). A query or fragment is
// ignored. Anything else is resourceUnknown.
func parseResource(url string) resourceRef {
	if ref, ok := plainResource(url); ok {
		return ref
	}
	return resourceBySegments(url)
}

// resourceBySegments is parseResource for any form: it takes the URL apart
// segment by segment.
func resourceBySegments(url string) resourceRef {
	if i := strings.IndexAny(url, "?#"); i >= 0 {
		url = url[:i]
	}
	// OData's key syntax, calls('id'), is the same as calls/id. The
	// segments are kept in an array on the stack: a callback body holds a
	// resourceUrl per notification, and reading one allocates nothing.
	var buf [16]string
	segs := buf[:0]
	for rest, more := strings.Trim(url, "/"), true; more; {
		var s string
		s, rest, more = strings.Cut(rest, "/")
		if name, key, ok := strings.Cut(s, "("); ok && strings.HasSuffix(key, ")") {
			segs = append(segs, name, strings.TrimSuffix(key, ")"))
			continue
		}
		segs = append(segs, s)
	}
	// Find the "calls" segment: everything before it (scheme, host,
	// version, "communications" or "app") only says where the API is.
	at := -1
	for i, s := range segs {
		if s == "calls" {
			at = i
			break
		}
	}
	if at < 0 || at > 0 && segs[at-1] != "communications" && segs[at-1] != "app" {
		return resourceRef{}
	}
	rest := segs[at+1:]
	for i := range rest {
		rest[i] = strings.Trim(rest[i], "'")
	}
	if len(rest) == 0 || rest[0] == "" {
		return resourceRef{}
	}
	ref := resourceRef{Call: rest[0]}
	switch {
	case len(rest) == 1:
		ref.Kind = resourceCall
	case len(rest) == 2 && rest[1] == "participants":
		ref.Kind = resourceParticipants
	case len(rest) == 3 && rest[1] == "participants" && rest[2] != "":
		ref.Kind, ref.ID = resourceParticipant, rest[2]
	case len(rest) == 3 && rest[1] == "operations" && rest[2] != "":
		ref.Kind, ref.ID = resourceOperation, rest[2]
	default:
		return resourceRef{}
	}
	return ref
}

// plainResource reads the form nearly every callback uses, a path
// /communications/calls/{id}[/operations/{id} or /participants[/{id}]]
// with plain ids, in one pass; ok is false for anything else, which
// parseResource then reads segment by segment.
func plainResource(url string) (ref resourceRef, ok bool) {
	rest, ok := strings.CutPrefix(url, "/communications/calls/")
	if !ok {
		return ref, false
	}
	// The segments' ends; a fourth one, an empty one or a character
	// that the general reading treats apart sends it there.
	var ends [3]int
	n := 0
	for i := 0; i <= len(rest); i++ {
		if i < len(rest) {
			switch urlClass[rest[i]] {
			case urlOther:
				return ref, false
			case urlPlain:
				continue
			}
		}
		start := 0
		if n > 0 {
			start = ends[n-1] + 1
		}
		if i == start || n == len(ends) {
			return ref, false
		}
		ends[n] = i
		n++
	}
	ref.Call = rest[:ends[0]]
	switch coll := ""; {
	case n == 1:
		ref.Kind = resourceCall
	default:
		coll = rest[ends[0]+1 : ends[1]]
		switch {
		case coll == "participants" && n == 2:
			ref.Kind = resourceParticipants
		case coll == "participants":
			ref.Kind, ref.ID = resourceParticipant, rest[ends[1]+1:]
		case coll == "operations" && n == 3:
			ref.Kind, ref.ID = resourceOperation, rest[ends[1]+1:]
		default:
			return resourceRef{}, false
		}
	}
	return ref, true
}

// urlClass sorts the bytes of a resourceUrl for plainResource.
var urlClass = func() (t [256]uint8) {
	for _, b := range []byte("?#()'") {
		t[b] = urlOther
	}
	t['/'] = urlSlash
	return t
}()

const (
	urlPlain = iota // part of an id or a name
	urlSlash        // ends a segment
	urlOther        // for the general reading
)
