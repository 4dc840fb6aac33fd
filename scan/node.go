package scan

// Kind is the JSON kind of a value.
type Kind uint8

// The JSON kinds. The zero Kind is not a value.
const (
	Null Kind = iota + 1
	False
	True
	Number
	String
	Object
	Array
)

var kindNames = [...]string{"invalid", "null", "false", "true", "number", "string", "object", "array"}

// String names the kind as a person would: "object", "string", ...
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Node flags.
const (
	// Escaped marks a string value that contains backslash escapes.
	// A value without it is its source bytes between the quotes.
	Escaped uint8 = 1 << iota
	// KeyEscaped marks a member name that contains backslash escapes.
	KeyEscaped
)

// Node is one JSON value of a [Doc]. Nodes are stored in document order: a
// container's members follow it directly, and Next is the index just past
// the container's last descendant, so siblings are reached by following Next.
type Node struct {
	// Start and End delimit the value's bytes in Doc.Src, End exclusive;
	// for a string they include the quotes.
	Start, End uint32
	// KeyStart and KeyEnd delimit the member name, quotes included, when the
	// value is an object member; KeyEnd is 0 otherwise. A name recovered
	// from single quotes spans its single quotes; one recovered without
	// quotes spans just the name.
	KeyStart, KeyEnd uint32
	// Next is the index of the node just past this value's subtree.
	Next uint32
	// Count is the number of members of an object or elements of an array.
	Count uint32
	Kind  Kind
	Flags uint8
}

// Doc is a parsed JSON document. The root value is Nodes[0].
type Doc struct {
	Src   []byte
	Nodes []Node

	str string // Src as a string sharing its bytes, set by Parse
}

// Severity of an [Issue]: "error", "warning" or "info".
type Severity = string

// Issue is a problem found while scanning, located in Doc.Src.
type Issue struct {
	Severity Severity
	// Code is a stable kebab-case name of the problem, e.g. "trailing-comma".
	Code string
	// Message says in plain words what is wrong and what was expected.
	Message string
	// Offset and Length locate the offending bytes (Length may be 0 at the
	// end of input).
	Offset, Length int
	// Fatal is set on the problem that stopped the scan.
	Fatal bool
	// Fix, when not nil, is an edit that repairs the problem.
	Fix *Edit
	// Related, when not 0, is the offset of another place the problem
	// involves: for CodeDuplicateKey, the first member name of the two
	// (no member name starts at offset 0). The message does not repeat
	// it, so that a caller can name it in its own terms, as a line and
	// column of the whole input.
	Related int
}

// Edit replaces Length bytes at Offset with Replacement.
type Edit struct {
	Title       string
	Offset      int
	Length      int
	Replacement string
}
