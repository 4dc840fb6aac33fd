package check

import (
	"slices"
	"strconv"

	"opcheck/graph"
	"opcheck/scan"
)

// root checks the document as the given shape (detecting it when
// KindAuto), with want as the expected operation type. It returns the id of
// the single operation in the document, if there is exactly one.
func (c *checker) root(shape Kind, want *graph.Type) (id string) {
	d := c.doc
	if d.Nodes[0].Kind != scan.Object {
		c.shape = KindOperation
		c.reportNode(Error, "not-an-object", 0, "expected a JSON object (an operation, an OData collection or a callback body), found "+article(d.Nodes[0].Kind), nil)
		return ""
	}
	value := d.Member(0, "value")
	auto := shape == KindAuto
	if auto {
		shape = detect(d, value)
	}
	c.shape = shape
	switch shape {
	case KindCollection:
		c.collection(value, want)
		return ""
	case KindWrapped:
		if value < 0 || d.Nodes[value].Kind != scan.Object {
			c.reportNode(Error, "wrapped-entity", 0, `expected {"value": {…}} around a single operation`, nil)
			return ""
		}
		inner := d.Nodes[value]
		c.push("value")
		defer c.pop()
		c.reportKey(Error, "wrapped-entity", value,
			`Graph returns a single entity as the object itself, not wrapped in "value" (that form is for collections, where "value" is an array); the operation inside is checked as if unwrapped`,
			c.replaceNode(0, "unwrap the operation", string(d.Src[inner.Start:inner.End])))
		if k := c.standalone(value, want); k == resourceCall || k == resourceParticipant {
			c.entity(value, c.typeOfKind(k))
			return ""
		}
		c.operation(value, want)
		return c.idOf(value)
	case KindNotifications:
		c.notifications()
		return ""
	case KindCall:
		c.entity(0, c.callType)
		return ""
	case KindParticipant:
		c.entity(0, c.participantType)
		return ""
	}
	if e := d.Member(0, "error"); e >= 0 && d.Nodes[e].Kind == scan.Object && d.Member(0, "id") < 0 {
		msg := "this is a Graph error response, not an operation"
		if code := d.Member(e, "code"); code >= 0 && d.Nodes[code].Kind == scan.String {
			msg += ` (code "` + d.Text(code) + `"`
			if m := d.Member(e, "message"); m >= 0 && d.Nodes[m].Kind == scan.String {
				msg += `: ` + quoteShort(d.Text(m))
			}
			msg += ")"
		}
		c.push("error")
		c.reportKey(Error, "error-response", e, msg+"; the call that should have returned the operation failed", nil)
		c.pop()
		return ""
	}
	if auto {
		switch c.standalone(0, want) {
		case resourceCall:
			c.shape = KindCall
			c.entity(0, c.typeOfKind(resourceCall))
			return ""
		case resourceParticipant:
			c.shape = KindParticipant
			c.entity(0, c.typeOfKind(resourceParticipant))
			return ""
		}
	}
	c.operation(0, want)
	return c.idOf(0)
}

// detect guesses the shape of a JSON document from its "value" member.
func detect(d *scan.Doc, value int) Kind {
	if k, ok := detectEnvelope(d, value); ok {
		return k
	}
	for e := value + 1; e < int(d.Nodes[value].Next); e = int(d.Nodes[e].Next) {
		if looksLikeNotification(d, e) {
			return KindNotifications
		}
	}
	return KindCollection
}

// detectEnvelope is the part of detect that looks at the root object only:
// ok is false when the items of the "value" array decide.
func detectEnvelope(d *scan.Doc, value int) (k Kind, ok bool) {
	if t := d.Member(0, "@odata.type"); t >= 0 && d.Nodes[t].Kind == scan.String && trimType(d.Text(t)) == "microsoft.graph.commsNotifications" {
		return KindNotifications, true
	}
	if value < 0 {
		return KindOperation, true
	}
	if d.Member(0, "@odata.context") >= 0 && d.Member(0, "id") < 0 {
		return KindCollection, true // whatever "value" holds, this is a collection response
	}
	switch d.Nodes[value].Kind {
	case scan.Object:
		return KindWrapped, true
	case scan.Array:
		return "", false
	}
	return KindOperation, true
}

// looksLikeNotification reports whether the item at node e of a "value"
// array has a member only a commsNotification has.
func looksLikeNotification(d *scan.Doc, e int) bool {
	if d.Nodes[e].Kind != scan.Object {
		return false
	}
	if d.Member(e, "resourceUrl") >= 0 || d.Member(e, "changeType") >= 0 || d.Member(e, "resourceData") >= 0 {
		return true
	}
	t := d.Member(e, "@odata.type")
	return t >= 0 && d.Nodes[t].Kind == scan.String && trimType(d.Text(t)) == "microsoft.graph.commsNotification"
}

// collection checks {"@odata.context"?, "value": [items]}, whose items are
// operations, calls or participants.
func (c *checker) collection(value int, want *graph.Type) {
	d := c.doc
	c.elem, c.elemByItem = c.collectionType(value, want)
	for m := 1; m < int(d.Nodes[0].Next); m = int(d.Nodes[m].Next) {
		key := d.Key(m)
		if key == "value" || key != "" && key[0] == '@' {
			continue
		}
		c.push(key)
		c.reportKey(Warning, "unknown-property", m, `"`+key+`" is not part of an OData collection response, which holds "value" and "@odata." annotations such as "@odata.nextLink"`, nil)
		c.pop()
	}
	if value < 0 {
		c.reportNode(Error, "expected-array", 0, `an OData collection response holds its items in a "value" array, and this object has none`, nil)
		return
	}
	c.push("value")
	defer c.pop()
	if d.Nodes[value].Kind != scan.Array {
		c.reportNode(Error, "expected-array", value, `"value" of a collection must be an array of `+c.kindOfType(c.elem).plural()+`, found `+article(d.Nodes[value].Kind), nil)
		return
	}
	c.res.Objects = slices.Grow(c.res.Objects, int(d.Nodes[value].Count)) // one per item, reserved at once
	for e, k := value+1, 0; e < int(d.Nodes[value].Next); e, k = int(d.Nodes[e].Next), k+1 {
		c.collectionItem(e, k, c.elem)
	}
}

// collectionItem checks item k of a collection, at node e.
func (c *checker) collectionItem(e, k int, want *graph.Type) {
	c.pushIndex(k)
	if c.doc.Nodes[e].Kind != scan.Object {
		c.reportNode(Error, "not-an-object", e, "expected "+c.kindOfType(want).String()+" object, found "+article(c.doc.Nodes[e].Kind), nil)
	} else {
		c.entity(e, want)
	}
	c.pop()
}

// idOf returns the "id" of the entity at node i, if it is a string.
func (c *checker) idOf(i int) string {
	if i < 0 || c.doc.Nodes[i].Kind != scan.Object {
		return ""
	}
	if id := c.doc.Member(i, "id"); id >= 0 && c.doc.Nodes[id].Kind == scan.String {
		return c.doc.Text(id)
	}
	return ""
}

// push appends a reference token to the current pointer; pop removes the
// last one again. Tokens are kept as they are and escaped only when a
// pointer is written out, since most values are never reported.
func (c *checker) push(key string) {
	c.ptr = append(c.ptr, token{key: key, index: -1})
}

// pushIndex appends an array index.
func (c *checker) pushIndex(i int) {
	c.ptr = append(c.ptr, token{index: i})
}

// token is one reference token: a member name, or an array index.
type token struct {
	key   string
	index int // -1 for a member name
}

func (c *checker) pop() {
	c.ptr = c.ptr[:len(c.ptr)-1]
}

// pointer writes the current JSON Pointer. The findings of one object
// share most of their pointer, so the tokens that are the same as at the
// last call are not written again.
func (c *checker) pointer() string {
	if len(c.ptr) == 0 {
		return ""
	}
	k := 0
	for k < len(c.ptr) && k < len(c.pdone) && c.ptr[k] == c.pdone[k].tok {
		k++
	}
	b, done := c.pbuf[:0], c.pdone[:k]
	if k > 0 {
		b = b[:done[k-1].end]
	}
	for _, tok := range c.ptr[k:] {
		if tok.index >= 0 {
			b = strconv.AppendInt(append(b, '/'), int64(tok.index), 10)
		} else {
			b = scan.AppendPointerToken(append(b, '/'), tok.key)
		}
		done = append(done, written{tok, len(b)})
	}
	c.pbuf, c.pdone = b, done
	return c.strs.of(b)
}

// written is a token pointer wrote, and where its text ended.
type written struct {
	tok token
	end int
}

// article names a JSON kind with its article: "an object", "a string".
func article(k scan.Kind) string {
	switch k {
	case scan.Object, scan.Array:
		return "an " + k.String()
	case scan.Null, scan.True, scan.False:
		return k.String()
	}
	return "a " + k.String()
}

// quoteShort quotes s, cut to a length that fits in a message.
func quoteShort(s string) string {
	const max = 60
	if len(s) > max {
		cut := max
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return `"` + s + `"`
}
