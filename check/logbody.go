package check

import (
	"opcheck/graph"
	"opcheck/scan"
)

// otherJSON reports whether the root of the current document, a body of a
// log, is JSON that is no Graph payload at all: an object without
// "@odata.type", "value", "error" or "id", none of whose members an
// operation, a call or a participant has. Bots log other JSON beside their
// callbacks (the SDK's own events, their configuration); checking that as an
// operation would bury the callbacks under findings that mean nothing.
func (c *checker) otherJSON() bool {
	d := c.doc
	if d.Nodes[0].Kind != scan.Object {
		return false
	}
	for _, name := range [...]string{"@odata.type", "@odata.context", "value", "error", "id"} {
		if d.Member(0, name) >= 0 {
			return false
		}
	}
	for m := 1; m < int(d.Nodes[0].Next); m = int(d.Nodes[m].Next) {
		key := d.Key(m)
		for _, t := range [...]*graph.Type{c.opType, c.callType, c.participantType} {
			if t != nil && t.Property(key) != nil {
				return false
			}
		}
	}
	return guessKind(d, 0) == resourceUnknown
}

// skipOther says, once per body, that a log's body is not a Graph payload
// and was checked for its syntax only.
func (c *checker) skipOther() {
	c.shape = KindLog
	n := &c.doc.Nodes[0]
	c.report(Info, "log-body-other", int(n.Start), 1,
		"this JSON in the log is not a Graph payload (it has no @odata.type, and none of its members belongs to an operation, a call, a participant or a callback body), so opcheck checks only its syntax", nil)
}
