package check

import (
	"strings"

	"opcheck/graph"
	"opcheck/scan"
)

// trimType strips the '#' an @odata.type value may start with.
func trimType(s string) string { return strings.TrimPrefix(s, "#") }

// typeOf resolves the type of the object at node i: its "@odata.type" when
// present and acceptable, else want. Problems with the annotation are
// reported.
func (c *checker) typeOf(i int, want *graph.Type) *graph.Type {
	return c.typeAt(c.doc.Member(i, "@odata.type"), want)
}

// notTypeAnnotation reports, from member m's name as written, that it
// cannot end in "@odata.type": most names are ruled out by two bytes,
// without decoding them. Escaped and recovered names are left to the
// caller.
func notTypeAnnotation(d *scan.Doc, m int) bool {
	n := &d.Nodes[m]
	if n.Flags&scan.KeyEscaped != 0 || n.KeyEnd == 0 {
		return false
	}
	raw := d.Src[n.KeyStart:n.KeyEnd]
	k := len(raw)
	return k > 0 && raw[k-1] == '"' && (k < len(`"@odata.type"`) || raw[k-2] != 'e' || raw[k-6] != '.')
}

// lookupType is c.model.Type(name), remembering the last few names: a
// collection names a handful of types thousands of times, and a map lookup
// hashes the whole name, which is slow in wasm.
func (c *checker) lookupType(name string) *graph.Type {
	for i := range c.types {
		if h := &c.types[i]; h.t != nil && h.name == name {
			return h.t
		}
	}
	t := c.model.Type(name)
	if t != nil {
		c.types[c.nextType] = typeHit{name, t}
		c.nextType = (c.nextType + 1) % len(c.types)
	}
	return t
}

// typeHit is one name lookupType remembers.
type typeHit struct {
	name string
	t    *graph.Type
}

// typeAt is typeOf for an object whose "@odata.type" member is node at
// (-1: none).
func (c *checker) typeAt(at int, want *graph.Type) *graph.Type {
	d := c.doc
	if at < 0 {
		return want
	}
	c.push("@odata.type")
	defer c.pop()
	if d.Nodes[at].Kind != scan.String {
		c.reportNode(Error, "odata-type-invalid", at, `"@odata.type" must be a string such as "#microsoft.graph.playPromptOperation", found `+article(d.Nodes[at].Kind), nil)
		return want
	}
	raw := d.Text(at)
	name := trimType(raw)
	t := c.lookupType(name)
	if t == nil && !strings.Contains(name, ".") {
		if q := c.model.Type("microsoft.graph." + name); q != nil {
			c.reportNode(Error, "odata-type-invalid", at, `"@odata.type" must name the type with its namespace: "#`+q.Name+`"`,
				c.replaceNode(at, "qualify the type name", `"#`+q.Name+`"`))
			return c.expectType(at, q, want)
		}
	}
	if t == nil || t.Kind == graph.PrimitiveType {
		if o := c.model.Other(); o != nil && o.Type(name) != nil {
			c.reportNode(Error, "odata-type-other-version", at, name+" exists in "+o.API+" only; this payload is checked against "+c.model.API+" (switch the API version if the call used "+o.API+")", nil)
			return want
		}
		msg := `unknown type "` + raw + `" in ` + c.model.API
		var fix *Fix
		if hint := c.typeHint(name); hint != "" {
			msg += hint
			if s := strings.TrimSuffix(strings.TrimPrefix(hint, "; did you mean "), "?"); s != hint {
				fix = c.replaceNode(at, "use "+s, `"#`+s+`"`)
				if q := c.model.Type(s); q != nil && want != nil && q != want && q.IsA(want) {
					msg += ` Type names match exactly, so the typed SDKs would build a plain ` + want.Short + ` and keep what ` + q.Short + ` adds in additional data`
				}
			}
		}
		c.reportNode(Error, "odata-type-unknown", at, msg, fix)
		return want
	}
	got := c.expectType(at, t, want)
	if got == t && !strings.HasPrefix(raw, "#") {
		c.noHash(at, t, want)
	}
	return got
}

// noHash reports an "@odata.type" written without its leading "#". Graph
// reads it either way, but the typed SDKs look the name up with the "#":
// where the named type derives from the one expected, they build the
// expected type instead, and what the named type adds is left in
// additional data.
func (c *checker) noHash(at int, t, want *graph.Type) {
	n := &c.doc.Nodes[at]
	fix := &Fix{Title: `insert the "#"`, Offset: int(n.Start) + 1, Replacement: "#"}
	msg := `"@odata.type" is written without its leading "#"`
	if want != nil && t != want {
		what := `; code that looks for ` + an(t.Short) + ` never sees one`
		if own := t.AllProperties()[len(want.AllProperties()):]; len(own) > 0 {
			names := make([]string, 0, 3)
			for _, p := range own[:min(len(own), 3)] {
				names = append(names, p.Name)
			}
			what = ` and move the members ` + t.Short + ` adds (` + strings.Join(names, ", ") + `) into additional data`
		}
		c.reportNode(Warning, "odata-type-no-hash", at, msg+`: the typed SDKs match "#`+t.Name+`" exactly, so msgraph-sdk-go and the others build a plain `+want.Short+what, fix)
		return
	}
	c.reportNode(Info, "odata-type-no-hash", at, msg+`; it names the type this position holds anyway (`+t.Short+`), so the SDKs build the same object, but Graph writes "#`+t.Name+`"`, fix)
}

// expectType checks that the type t named at node at may stand where want is
// expected, and returns the type to check the object as.
func (c *checker) expectType(at int, t, want *graph.Type) *graph.Type {
	switch {
	case t.Abstract:
		c.reportNode(Error, "odata-type-abstract", at, t.Short+" is abstract: no payload can be of that type itself; name the concrete type, such as one derived from "+want.Short, nil)
		return want
	case want != nil && !t.IsA(want):
		if t.Kind != want.Kind {
			c.reportNode(Error, "odata-type-mismatch", at, t.Short+" is "+kindName(t.Kind)+", but "+kindName(want.Kind)+" ("+want.Short+" or a type derived from it) belongs here", nil)
			return want
		}
		c.reportNode(Error, "odata-type-mismatch", at, t.Short+" cannot stand here: this position holds "+an(want.Short)+" or a type derived from it; the members are checked as "+want.Short, nil)
		return want
	}
	return t
}

func kindName(k graph.Kind) string {
	switch k {
	case graph.EntityType:
		return "an entity type"
	case graph.ComplexType:
		return "a complex type"
	case graph.EnumType:
		return "an enum type"
	}
	return "a primitive type"
}

// object checks the members of the object at node i as type want (or the
// type its "@odata.type" names) and returns the type it was checked as.
func (c *checker) object(i int, want *graph.Type) *graph.Type {
	d := c.doc
	// One pass finds the object's "@odata.type" and maps each dynamic
	// property to its "name@odata.type" annotation.
	at := -1
	var typed map[string]int
	for m := i + 1; m < int(d.Nodes[i].Next); m = int(d.Nodes[m].Next) {
		if notTypeAnnotation(d, m) {
			continue
		}
		if name, ok := strings.CutSuffix(d.Key(m), "@odata.type"); ok {
			if name == "" {
				if at < 0 {
					at = m
				}
				continue
			}
			if typed == nil {
				typed = map[string]int{}
			}
			typed[name] = m
		}
	}
	t := c.typeAt(at, want)
	if t == nil {
		return nil
	}
	// seen marks the properties present, and those an unknown member was
	// taken for a misspelling of: a typo is one finding, not two.
	seen := newSeen(len(t.AllProperties()))
	for m := i + 1; m < int(d.Nodes[i].Next); m = int(d.Nodes[m].Next) {
		key := d.Key(m)
		if key == "" {
			c.property(m, key, t, &seen, -1)
			continue
		}
		if key[0] == '@' {
			continue // an instance annotation of the object: "@odata.etag", "@odata.id", ...
		}
		if at := strings.IndexByte(key, '@'); at > 0 {
			c.push(key)
			c.propertyAnnotation(m, key[:at], key[at+1:], t)
			c.pop()
			continue
		}
		at, ok := typed[key]
		if !ok {
			at = -1
		}
		c.property(m, key, t, &seen, at)
	}
	if !c.truncated {
		c.missing(i, t, &seen)
	}
	return t
}

// property checks member m named key of an object of type t; at is its
// "key@odata.type" annotation member, or -1.
func (c *checker) property(m int, key string, t *graph.Type, seen *seenSet, at int) {
	c.push(key)
	defer c.pop()
	all := t.AllProperties()
	for k := range all {
		// Names of one length mostly differ in their first byte: comparing
		// it first saves most calls to the runtime's comparison, which are
		// dear in wasm.
		if n := all[k].Name; len(n) == len(key) && (len(key) == 0 || n[0] == key[0]) && n == key {
			seen.add(k)
			c.value(m, &all[k])
			return
		}
	}
	if t.Name == "microsoft.graph.commsNotification" && (key == "resourceData" || key == "resource") {
		return // dynamic members every callback carries; see notifications
	}
	if s := c.unknownProperty(m, key, t); s != "" {
		for k := range all {
			if all[k].Name == s {
				seen.add(k)
			}
		}
	}
	if at >= 0 {
		c.dynamic(m, at, key)
	}
}

// dynamic checks an undeclared member whose type a sibling "key@odata.type"
// annotation names, as OData writes dynamic properties of open types.
func (c *checker) dynamic(m, at int, key string) {
	if c.doc.Nodes[at].Kind != scan.String {
		return
	}
	name := trimType(c.doc.Text(at))
	collection := strings.HasPrefix(name, "Collection(") && strings.HasSuffix(name, ")")
	if collection {
		name = name[len("Collection(") : len(name)-1]
	}
	t := c.model.Type(name)
	if t == nil {
		t = c.model.Type("#" + name) // the short primitive form, "#DateTimeOffset"
	}
	if t == nil {
		return // reported where the annotation is checked
	}
	c.value(m, &graph.Property{Name: key, Type: t, Collection: collection, Nullable: true})
}

// propertyAnnotation checks "prop@annotation" members.
func (c *checker) propertyAnnotation(m int, prop, term string, t *graph.Type) {
	if t.Property(prop) == nil && !t.Open {
		c.reportKey(Error, "unknown-property", m, `annotation of "`+prop+`", which is not a property of `+t.Short, nil)
		return
	}
	if term != "odata.type" {
		return
	}
	if c.doc.Nodes[m].Kind != scan.String {
		c.reportNode(Error, "odata-type-invalid", m, `"`+prop+`@odata.type" must be a string naming a type`, nil)
		return
	}
	name := trimType(c.doc.Text(m))
	name = strings.TrimSuffix(strings.TrimPrefix(name, "Collection("), ")")
	if c.model.Type(name) == nil && c.model.Type("#"+name) == nil {
		c.reportNode(Error, "odata-type-unknown", m, `"`+prop+`@odata.type" names `+quoteShort(name)+`, which is neither an Edm primitive type nor a `+c.model.API+` type`+c.typeHint(name), nil)
	}
}

// unknownProperty reports a member that t does not declare, and returns
// the property it suggests instead, if any.
func (c *checker) unknownProperty(m int, key string, t *graph.Type) (suggested string) {
	if c.observedProperty(m, key, t) {
		return ""
	}
	k := sayKey{"unknown-property", t, key}
	u, ok := c.memo.get(k)
	if !ok {
		u = c.memo.put(k, c.sayUnknownProperty(key, t))
	}
	var fix *Fix
	if u.rename != "" {
		n := &c.doc.Nodes[m]
		fix = &Fix{Title: u.fixTitle, Offset: int(n.KeyStart), Length: int(n.KeyEnd - n.KeyStart), Replacement: u.rename}
	}
	c.reportKey(u.sev, u.code, m, u.msg, fix)
	return u.suggested
}

// sayUnknownProperty is what unknownProperty says about key on t, wherever
// it is.
func (c *checker) sayUnknownProperty(key string, t *graph.Type) said {
	if o := c.model.Other(); o != nil {
		if ot := o.Type(t.Name); ot != nil && ot.Property(key) != nil {
			return said{sev: Warning, code: "property-other-version", msg: `"` + key + `" exists on ` + t.Short + " in " + o.API + " only; this payload is checked against " + c.model.API}
		}
	}
	sev, what := Warning, t.Short+" is an open type, so Graph accepts it, but no client will know what it means"
	if !t.Open {
		sev, what = Error, t.Short+" is a closed type: Graph rejects undeclared members, and SDKs drop them"
	}
	u := said{sev: sev, code: "unknown-property"}
	msg := `"` + key + `" is not a property of ` + t.Short
	var names []string
	for _, p := range t.AllProperties() {
		names = append(names, p.Name)
	}
	if s := closest(key, names); s != "" {
		msg += `; did you mean "` + s + `"?`
		u.suggested, u.fixTitle, u.rename = s, `rename to "`+s+`"`, `"`+s+`"`
	} else if on := c.declaredElsewhere(key, t); on != nil {
		msg += "; it is declared on " + on.Short
		if on.IsA(t) {
			msg += `, which derives from ` + t.Short + ` (set "@odata.type": "#` + on.Name + `" to use it)`
		}
	}
	u.msg = msg + " (" + what + ")"
	return u
}

// declaredElsewhere finds a type that declares a property named key,
// preferring types derived from t, then any other.
func (c *checker) declaredElsewhere(key string, t *graph.Type) *graph.Type {
	for _, d := range c.model.Derived(t) {
		if p := d.Property(key); p != nil {
			return p.Declared
		}
	}
	for _, o := range c.model.Types() {
		for _, p := range o.Properties {
			if p.Name == key {
				return o
			}
		}
	}
	return nil
}

// missing reports the properties that may not be null and are absent.
func (c *checker) missing(i int, t *graph.Type, seen *seenSet) {
	for k, p := range t.AllProperties() {
		if seen.has(k) || p.Nullable || p.Navigation {
			continue
		}
		if i == c.idGiven && p.Name == "id" || i == c.partial && p.Name != "id" {
			continue // named by the resourceUrl; a delta of a call
		}
		if p.Name == "resourceUrl" && t.Name == "microsoft.graph.commsNotification" && c.doc.Member(i, "resource") >= 0 {
			continue // the older name of the member
		}
		n := &c.doc.Nodes[i]
		switch {
		case p.Name == "id" && t.Kind == graph.EntityType:
			what := "poll or match the operation"
			if k := c.kindOfType(t); k == resourceCall || k == resourceParticipant {
				what = "tell " + k.String() + " from the others"
				if k == resourceCall {
					c.sdk.at = append(c.sdk.at, sdkAt{offset: c.base + int(n.Start), wire: idless})
				}
			}
			c.report(Error, "missing-id", int(n.Start), 1, t.Short+` has no "id"; every entity carries its key, and the bot needs it to `+what, nil)
		case t.Name == "microsoft.graph.commsNotification":
			c.report(Error, "missing-property", int(n.Start), 1, `a commsNotification must have "`+p.Name+`" (the schema does not allow it to be null); SDKs fail to read the callback without it`, nil)
		default:
			c.report(Warning, "missing-property", int(n.Start), 1, t.Short+` has no "`+p.Name+`", which may not be null; Graph always sends it`, nil)
		}
	}
}

// value checks the value at node m against property p.
func (c *checker) value(m int, p *graph.Property) {
	n := &c.doc.Nodes[m]
	if n.Kind == scan.Null {
		if !p.Nullable {
			c.reportNode(Error, "null-not-allowed", m, `"`+p.Name+`" may not be null (`+typeText(p)+`)`, nil)
		}
		return
	}
	if p.Collection {
		if n.Kind != scan.Array {
			if c.resource && n.Kind == scan.String && isTypeName(c.doc.Text(m)) {
				return
			}
			c.reportNode(Error, "expected-collection", m, `"`+p.Name+`" is a collection (`+typeText(p)+`): expected an array, found `+article(n.Kind), nil)
			return
		}
		for e, k := m+1, 0; e < int(n.Next); e, k = int(c.doc.Nodes[e].Next), k+1 {
			c.pushIndex(k)
			if c.doc.Nodes[e].Kind == scan.Null {
				if !p.Nullable {
					c.reportNode(Error, "null-not-allowed", e, `the items of "`+p.Name+`" may not be null`, nil)
				}
			} else {
				c.single(e, p)
			}
			c.pop()
		}
		return
	}
	if n.Kind == scan.Array {
		c.reportNode(Error, "expected-single", m, `"`+p.Name+`" holds a single `+p.Type.Short+`, not an array`, nil)
		return
	}
	c.single(m, p)
}

// typeText writes a property's type as CSDL does: Collection(graph.x).
func typeText(p *graph.Property) string {
	if p.Collection {
		return "Collection(" + p.Type.Name + ")"
	}
	return p.Type.Name
}

// isTypeName reports whether s is a type written where a value belongs, as
// docs resource pages do ("String", "Int32", "microsoft.graph.resultInfo").
func isTypeName(s string) bool {
	what, ok := placeholder(s)
	return ok && what == "a type name" || strings.HasPrefix(s, "microsoft.graph.") || strings.HasPrefix(s, "Collection(")
}

// single checks one non-null, non-array value at node e against p's type.
func (c *checker) single(e int, p *graph.Property) {
	n := &c.doc.Nodes[e]
	t := p.Type
	if c.resource && n.Kind == scan.String && isTypeName(c.doc.Text(e)) {
		return
	}
	switch t.Kind {
	case graph.ComplexType, graph.EntityType:
		if n.Kind != scan.Object {
			c.reportNode(Error, "wrong-type", e, `"`+p.Name+`" is `+an(t.Short)+` object, found `+article(n.Kind), nil)
			return
		}
		c.object(e, t)
	case graph.EnumType:
		c.enum(e, p)
	default:
		c.primitive(e, p)
	}
}

// seenSet marks properties by their index in AllProperties: a word of bits
// for the usual type, a slice only for types with more than 64 properties.
type seenSet struct {
	bits uint64
	more []bool
}

func newSeen(n int) seenSet {
	if n <= 64 {
		return seenSet{}
	}
	return seenSet{more: make([]bool, n)}
}

func (s *seenSet) add(k int) {
	if s.more != nil {
		s.more[k] = true
		return
	}
	s.bits |= 1 << k
}

func (s *seenSet) has(k int) bool {
	if s.more != nil {
		return s.more[k]
	}
	return s.bits&(1<<k) != 0
}
