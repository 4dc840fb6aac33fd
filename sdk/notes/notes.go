package notes

import (
	"sort"
	"strings"

	"opcheck/check"
	"opcheck/graph"
	"opcheck/sdk"
)

// Get returns the sentence of n for SDK l ("" for none, or for a nil n).
func Get(n *check.SDKNotes, l sdk.Lang) string {
	if n == nil {
		return ""
	}
	switch l {
	case sdk.Go:
		return n.Go
	case sdk.TypeScript:
		return n.TypeScript
	case sdk.DotNet:
		return n.DotNet
	case sdk.Java:
		return n.Java
	case sdk.Python:
		return n.Python
	}
	return ""
}

// Annotate sets the SDK field of every finding of r whose value an SDK
// reads differently from a correct read. src is the text r is about: the
// findings' and objects' offsets are bytes of it. Only each finding's
// code, pointer, offset and length, each object's pointer, type, offset
// and length and r.API are read, so a caller may pass a Result rebuilt
// from those alone. Identical findings share one *check.SDKNotes.
func Annotate(src []byte, r *check.Result) {
	m := graph.Lookup(r.API)
	if m == nil {
		m = graph.Lookup("v1.0")
	}
	annotate(r.Diagnostics, r.Objects, src, m)
}

// noter fills Diagnostic.SDK for the findings of one result. It
// remembers where each pointer leads and each sentence it built, so a
// document repeating one mistake thousands of times builds it once.
type noter struct {
	src   []byte
	model *graph.Model
	objs  []check.Object // sorted by offset
	walks []walkHit      // the pointers walked, newest last
	notes []noteHit      // the sentences built
	buf   []byte
}

// walkHit and noteHit are remembered walks and sentences. A result holds
// few distinct ones (one per member and mistake, not per item), so the last
// memoSize of each, searched newest first, serve as well as a map, link
// less code into the wasm, and bound the search when every finding differs.
type walkHit struct {
	key string
	w   walk
}

type noteHit struct {
	k     noteKey
	notes *check.SDKNotes
}

// walk is where a pointer below an object leads: the object type holding
// the member, and the member's declared property (nil if undeclared).
type walk struct {
	parent *graph.Type
	prop   *graph.Property
	ok     bool
}

type noteKey struct {
	c       sdk.Case
	subject sdk.Subject
}

// annotate sets the SDK field of every finding in ds (located in src,
// about objects objs of model m) whose value an SDK reads differently from
// a correct read.
func annotate(ds []check.Diagnostic, objs []check.Object, src []byte, m *graph.Model) {
	var n *noter
	for i := range ds {
		d := &ds[i]
		if !sdkCode(d.Code) {
			continue
		}
		if n == nil {
			objs = byOffset(objs)
			n = &noter{src: src, model: m, objs: objs}
		}
		d.SDK = n.note(d)
	}
}

// byOffset returns objs sorted by offset: objs itself when it is (checks
// record objects in document order), else a sorted copy.
func byOffset(objs []check.Object) []check.Object {
	for i := 1; i < len(objs); i++ {
		if objs[i].Offset < objs[i-1].Offset {
			objs = append([]check.Object(nil), objs...)
			for j := 1; j < len(objs); j++ { // insertion sort: rare, and nearly sorted
				for k := j; k > 0 && objs[k].Offset < objs[k-1].Offset; k-- {
					objs[k], objs[k-1] = objs[k-1], objs[k]
				}
			}
			return objs
		}
	}
	return objs
}

// sdkCode reports whether findings of code may concern how an SDK reads
// the value.
func sdkCode(code string) bool {
	switch code {
	case "enum-case", "enum-unknown", "wrong-type", "out-of-range", "null-not-allowed", "unknown-property",
		"odata-type-invalid", "odata-type-unknown", "odata-type-no-hash", "invalid-format", "expected-single", "expected-collection":
		return true
	}
	return false
}

func (n *noter) note(d *check.Diagnostic) *check.SDKNotes {
	o := n.anchor(d)
	if o == nil {
		return nil
	}
	w := n.walk(o, d.Pointer[len(o.Pointer):])
	if !w.ok {
		return nil
	}
	last := unescapeToken(d.Pointer[strings.LastIndexByte(d.Pointer, '/')+1:])
	if last == "@odata.type" && len(d.Pointer)-len(o.Pointer) == len("/@odata.type") {
		// The object itself: a bot reads it with the factory of the root
		// type, commsOperation, whatever type the check settled on.
		if root := n.model.Type(graph.OperationRoot); root != nil && w.parent != nil && w.parent.IsA(root) {
			w.parent = root
		}
	}
	c, subj, ok := n.situation(d, w, last)
	if !ok {
		return nil
	}
	k := noteKey{c, subj}
	for i := len(n.notes) - 1; i >= 0; i-- {
		if n.notes[i].k == k {
			return n.notes[i].notes
		}
	}
	notes := &check.SDKNotes{
		Go:         sdk.Note(sdk.Go, c, subj),
		TypeScript: sdk.Note(sdk.TypeScript, c, subj),
		DotNet:     sdk.Note(sdk.DotNet, c, subj),
		Java:       sdk.Note(sdk.Java, c, subj),
		Python:     sdk.Note(sdk.Python, c, subj),
	}
	if *notes == (check.SDKNotes{}) {
		notes = nil
	}
	if len(n.notes) == memoSize {
		n.notes = n.notes[:0]
	}
	n.notes = append(n.notes, noteHit{k, notes})
	return notes
}

// anchor finds the innermost object checked whose text holds d and whose
// pointer starts d's.
func (n *noter) anchor(d *check.Diagnostic) *check.Object {
	i := sort.Search(len(n.objs), func(i int) bool { return n.objs[i].Offset > d.Offset })
	for i--; i >= 0; i-- {
		o := &n.objs[i]
		if d.Offset < o.Offset+o.Length && strings.HasPrefix(d.Pointer, o.Pointer) &&
			(len(d.Pointer) == len(o.Pointer) || d.Pointer[len(o.Pointer)] == '/') {
			return o
		}
	}
	return nil
}

// walk follows rel, a pointer below object o, through the model, looking
// members up on derived types too; indexes are skipped.
func (n *noter) walk(o *check.Object, rel string) walk {
	b := append(n.buf[:0], o.Type...)
	b = append(b, 0)
	b = append(b, rel...)
	n.buf = b
	for i := len(n.walks) - 1; i >= 0; i-- {
		if n.walks[i].key == string(b) {
			return n.walks[i].w
		}
	}
	w := walk{parent: n.model.Type(o.Type)}
	for rel != "" && w.parent != nil {
		tok, rest, _ := strings.Cut(rel[1:], "/")
		if rest != "" {
			rest = "/" + rest
		} else if strings.HasSuffix(rel, "/") {
			rest = "/"
		}
		rel = rest
		if w.prop != nil && w.prop.Collection && isIndex(tok) {
			continue
		}
		if w.prop != nil {
			w.parent = w.prop.Type
		}
		w.prop = member(n.model, w.parent, unescapeToken(tok))
		w.ok = rel == ""
		if w.prop == nil {
			break
		}
	}
	if len(n.walks) == memoSize {
		n.walks = n.walks[:0]
	}
	n.walks = append(n.walks, walkHit{string(b), w})
	return w
}

// memoSize is how many walks and sentences a noter remembers; past
// it, it starts over.
const memoSize = 32

// member is t's property name, or that of a type derived from t.
func member(m *graph.Model, t *graph.Type, name string) *graph.Property {
	if p := t.Property(name); p != nil {
		return p
	}
	for _, d := range m.Derived(t) {
		if p := d.Property(name); p != nil {
			return p
		}
	}
	return nil
}

func isIndex(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// unescapeToken undoes a JSON Pointer token's "~1" and "~0".
func unescapeToken(s string) string {
	if strings.IndexByte(s, '~') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// situation tells which sdk.Case finding d is, from its code, the member
// it is about and the value's text.
func (n *noter) situation(d *check.Diagnostic, w walk, key string) (sdk.Case, sdk.Subject, bool) {
	if d.Offset < 0 || d.Length < 0 || d.Offset+d.Length > len(n.src) {
		return 0, sdk.Subject{}, false
	}
	raw := n.src[d.Offset : d.Offset+d.Length]
	subj := sdk.Subject{Property: key}
	p := w.prop
	if key == "@odata.type" {
		subj = sdk.Subject{Base: w.parent.Short}
		switch {
		case d.Code == "odata-type-invalid" && len(raw) > 0 && raw[0] != '"':
			return sdk.TypeNotString, subj, true
		case d.Code == "odata-type-no-hash" && len(raw) > 2:
			// The SDKs match "#microsoft.graph.x" exactly: a derived type
			// named without "#" is read as the base type.
			t := n.model.Type(string(raw[1 : len(raw)-1]))
			if t == nil || t == w.parent || !t.IsA(w.parent) {
				return 0, subj, false
			}
			subj.Derived = t.Short
			return sdk.TypeNoHash, subj, true
		case (d.Code == "odata-type-unknown" || d.Code == "odata-type-invalid") && len(raw) > 2:
			name := "#" + strings.TrimPrefix(string(raw[1:len(raw)-1]), "#")
			for _, t := range n.model.Derived(w.parent) {
				if strings.EqualFold(name, "#"+t.Name) {
					subj.Derived = t.Short
					return sdk.TypeCase, subj, true
				}
			}
			subj.Derived = name[strings.LastIndexByte(name, '.')+1:]
			subj.Derived = strings.TrimPrefix(subj.Derived, "#")
			return sdk.TypeUnknown, subj, true
		}
		return 0, subj, false
	}
	if d.Code == "unknown-property" {
		if p != nil {
			return 0, subj, false
		}
		if isNull(n.src[d.Offset+d.Length:]) {
			return sdk.NullUndeclared, subj, true
		}
		return sdk.Undeclared, subj, true
	}
	if p == nil || len(raw) == 0 {
		return 0, subj, false
	}
	t := p.Type
	structured := t.Kind == graph.EntityType || t.Kind == graph.ComplexType
	switch d.Code {
	case "null-not-allowed":
		switch {
		case p.Collection && t.Kind == graph.EnumType:
			return sdk.NullEnums, subj, true
		case structured && !p.Collection:
			return sdk.NullObject, subj, true
		}
		return sdk.NullDeclared, subj, true
	case "expected-single":
		if structured && raw[0] == '[' {
			return sdk.ObjectNotObject, subj, true
		}
	case "expected-collection":
		if t.Kind == graph.EnumType {
			return sdk.EnumsNotArray, subj, true
		}
		return sdk.CollectionNotArray, subj, true
	case "enum-case":
		if t.Flags || raw[0] != '"' {
			break
		}
		s := string(raw[1 : len(raw)-1])
		for _, m := range t.Members {
			if strings.EqualFold(m, s) && m != s {
				if m[1:] == s[1:] {
					return sdk.EnumFirstLetter, subj, true
				}
				return sdk.EnumCase, subj, true
			}
		}
	case "enum-unknown":
		if !t.Flags && raw[0] == '"' {
			return sdk.EnumUnknown, subj, true
		}
	case "out-of-range":
		if isIntType(t) {
			return sdk.IntRange, subj, true
		}
	case "invalid-format":
		switch t.Name {
		case "Edm.Guid":
			return sdk.GuidInvalid, subj, true
		case "Edm.DateTimeOffset":
			if len(raw) == 21 && check.IsDateTimeOffset(string(raw[1:20])+"Z") {
				return sdk.DateNoOffset, subj, true
			}
			return sdk.DateInvalid, subj, true
		}
	case "wrong-type":
		return wrongType(t, raw, subj)
	}
	return 0, subj, false
}

// wrongType is the situation of a value of the wrong JSON kind for t.
func wrongType(t *graph.Type, raw []byte, subj sdk.Subject) (sdk.Case, sdk.Subject, bool) {
	str, num, boolean := raw[0] == '"', raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9', raw[0] == 't' || raw[0] == 'f'
	switch {
	case t.Kind == graph.EnumType && (num || boolean):
		return sdk.EnumNotString, subj, true
	case isIntType(t) && str:
		if s := raw[1 : len(raw)-1]; len(s) > 0 && isIndex(strings.TrimPrefix(string(s), "-")) {
			return sdk.IntString, subj, true
		}
		return sdk.IntText, subj, true
	case isIntType(t) && boolean:
		return sdk.IntBool, subj, true
	case isIntType(t) && num:
		return sdk.IntFraction, subj, true
	case (t.Name == "Edm.Double" || t.Name == "Edm.Single") && str:
		return sdk.DoubleString, subj, true
	case t.Name == "Edm.Boolean" && str:
		return sdk.BoolString, subj, true
	case t.Name == "Edm.String" && (num || boolean):
		return sdk.StringNotString, subj, true
	}
	return 0, subj, false
}

func isIntType(t *graph.Type) bool {
	switch t.Name {
	case "Edm.Int32", "Edm.Int64", "Edm.Int16", "Edm.Byte", "Edm.SByte":
		return true
	}
	return false
}

// isNull reports whether the member whose name ends src starts has the
// value null: after the name come blanks, a colon, blanks.
func isNull(src []byte) bool {
	i := 0
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r' || src[i] == ':') {
		i++
	}
	return len(src)-i >= 4 && string(src[i:i+4]) == "null"
}
