package check

import "opcheck/graph"

// A document that makes one mistake makes it in every item: the same
// undeclared member on the same type, thousands of times. What the checker
// says about such a finding depends only on the code, the type and the
// name, not on where it is, so one Validate call works it out once (the
// "did you mean" search, the message) and every repeat shares the strings.

// said is what the checker says about a finding, apart from where it is.
type said struct {
	sev  Severity
	code string // the finding's code, which may differ from its key's
	msg  string
	// suggested is the name the finding takes for the intended one ("" for
	// none); the fix renames the finding's text to rename ("" for no fix),
	// titled fixTitle.
	suggested, fixTitle, rename string
}

// sayKey names a finding's content: its code and the type and name it is
// about.
type sayKey struct {
	code string
	t    *graph.Type
	name string
}

// maxSaid bounds a memo: a pathological paste of a million different
// names costs the plain way past it, and no more memory.
const maxSaid = 4096

// memo remembers what was said, per key, for one Validate call.
type memo struct {
	// recent are the last entries found or stored, scanned before the map:
	// a collection repeats a handful of keys, and comparing a pointer and a
	// short name is cheaper than hashing them, above all in wasm.
	recent [16]*memoEntry
	next   int // the entry of recent to replace next
	// m holds every entry by its name, those of one name chained: a map
	// keyed by the name alone is one the runtime has already, where a
	// struct key would cost the wasm module its own hashing code.
	m map[string]*memoEntry
	n int // entries in m
}

type memoEntry struct {
	key  sayKey
	next *memoEntry // the next entry of the same name
	said
}

// get returns what was said for k, if anything.
func (s *memo) get(k sayKey) (*said, bool) {
	for _, e := range s.recent {
		if e != nil && e.key.t == k.t && e.key.name == k.name && e.key.code == k.code {
			return &e.said, true
		}
	}
	for e := s.m[k.name]; e != nil; e = e.next {
		if e.key == k {
			s.remember(e)
			return &e.said, true
		}
	}
	return nil, false
}

// put remembers v for k and returns it to use.
func (s *memo) put(k sayKey, v said) *said {
	e := &memoEntry{key: k, said: v}
	if s.n < maxSaid {
		if s.m == nil {
			s.m = map[string]*memoEntry{}
		}
		e.next = s.m[k.name]
		s.m[k.name] = e
		s.n++
	}
	s.remember(e)
	return &e.said
}

func (s *memo) remember(e *memoEntry) {
	s.recent[s.next] = e
	s.next = (s.next + 1) % len(s.recent)
}
