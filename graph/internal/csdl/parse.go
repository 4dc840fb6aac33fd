package csdl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Kind is the kind of a CSDL type, spelled as its XML element
// ("EntityType", "ComplexType", "EnumType") or "Primitive" for Edm types.
type Kind string

// The kinds of type a [Document] holds, and the kind of the Edm built-ins.
const (
	EntityType  Kind = "EntityType"
	ComplexType Kind = "ComplexType"
	EnumType    Kind = "EnumType"
	Primitive   Kind = "Primitive"
)

// OperationRoot is the qualified name of the type the extract is built
// around. Entity types that derive from it are always extracted in full; any
// other entity type that neither declares nor inherits a structural property
// is a container stub (see [Type.Stub]).
const OperationRoot = "microsoft.graph.commsOperation"

// Primitives lists the Edm primitive types a property may name, sorted.
var Primitives = []string{
	"Edm.Binary", "Edm.Boolean", "Edm.Byte", "Edm.Date", "Edm.DateTimeOffset",
	"Edm.Decimal", "Edm.Double", "Edm.Duration",
	"Edm.Geography", "Edm.GeographyCollection", "Edm.GeographyLineString",
	"Edm.GeographyMultiLineString", "Edm.GeographyMultiPoint", "Edm.GeographyMultiPolygon",
	"Edm.GeographyPoint", "Edm.GeographyPolygon",
	"Edm.Geometry", "Edm.GeometryCollection", "Edm.GeometryLineString",
	"Edm.GeometryMultiLineString", "Edm.GeometryMultiPoint", "Edm.GeometryMultiPolygon",
	"Edm.GeometryPoint", "Edm.GeometryPolygon",
	"Edm.Guid", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.SByte", "Edm.Single",
	"Edm.Stream", "Edm.String", "Edm.TimeOfDay", "Edm.Untyped",
}

// Document is one parsed and resolved CSDL file.
type Document struct {
	// Aliases maps each schema alias to its namespace ("graph" →
	// "microsoft.graph").
	Aliases map[string]string
	// Types holds every EntityType, ComplexType and EnumType of every schema,
	// sorted by qualified name.
	Types []*Type
}

// Type is one EntityType, ComplexType or EnumType.
type Type struct {
	Name     string // qualified: namespace + "." + Name
	Kind     Kind
	Base     string // qualified name of the base type; "" at the root
	Abstract bool
	Open     bool
	// Stub marks an entity type that neither declares nor inherits a
	// structural property and does not derive from [OperationRoot]: the
	// extract kept only its header and its navigation properties. An entity
	// deriving from graph.entity inherits "id", so it is never a stub.
	Stub       bool
	Flags      bool       // enum IsFlags
	Properties []Property // own properties, in declaration order
	Members    []Member   // enum members, in declaration order
	Line, Col  int        // where the type's element starts
}

// Property is one Property or NavigationProperty, its type resolved.
type Property struct {
	Name       string
	Type       string // qualified element type: "Edm.String", "microsoft.graph.identity"
	Collection bool   // declared as Collection(Type)
	Nullable   bool   // true unless Nullable="false"
	Navigation bool   // a NavigationProperty
	Line, Col  int
}

// Member is one enum member.
type Member struct {
	Name  string
	Value int64 // the Value attribute, or the member's position when absent
}

// Error is a problem found in a CSDL document, located by line and column
// (1-based). API is the version being generated, empty from [Parse].
type Error struct {
	API       string
	Line, Col int
	Msg       string
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("csdl: ")
	if e.API != "" {
		b.WriteString(e.API)
		b.WriteString(": ")
	}
	switch {
	case e.Line > 0 && e.Col > 0:
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Col)
	case e.Line > 0:
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	b.WriteString(e.Msg)
	return b.String()
}

func errAt(line, col int, format string, args ...any) *Error {
	return &Error{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Parse reads one CSDL document and resolves it. Any problem (malformed XML,
// a duplicate name, a reference to an unknown type, a base-type cycle, a bad
// attribute value) is returned as an [*Error] naming the place and the name.
func Parse(data []byte) (*Document, error) {
	p := &reader{
		d:       xml.NewDecoder(bytes.NewReader(data)),
		aliases: map[string]string{},
		byName:  map[string]*Type{},
	}
	if err := p.read(); err != nil {
		return nil, err
	}
	if err := p.resolve(); err != nil {
		return nil, err
	}
	sort.Slice(p.types, func(i, j int) bool { return p.types[i].Name < p.types[j].Name })
	return &Document{Aliases: p.aliases, Types: p.types}, nil
}

type reader struct {
	d       *xml.Decoder
	aliases map[string]string
	spaces  map[string]bool
	byName  map[string]*Type
	types   []*Type
	schemas int
}

// read walks the tokens, collecting types, properties and members; it
// skips elements it does not model (Key, Annotation, EntityContainer, ...).
func (p *reader) read() error {
	var (
		stack []string
		ns    string // namespace of the open Schema
		cur   *Type  // open type element
	)
	p.spaces = map[string]bool{}
	for {
		line, col := p.d.InputPos()
		tok, err := p.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return errAt(se.Line, 0, "malformed XML: %s", se.Msg)
			}
			return errAt(line, col, "malformed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			el := t.Name.Local
			stack = append(stack, el)
			switch {
			case el == "Schema" && parent == "DataServices":
				p.schemas++
				ns = attr(t, "Namespace")
				if ns == "" {
					return errAt(line, col, "Schema without a Namespace")
				}
				if p.spaces[ns] {
					return errAt(line, col, "namespace %q declared twice", ns)
				}
				p.spaces[ns] = true
				if a := attr(t, "Alias"); a != "" {
					if _, dup := p.aliases[a]; dup {
						return errAt(line, col, "alias %q declared twice", a)
					}
					p.aliases[a] = ns
				}
			case (el == "EntityType" || el == "ComplexType" || el == "EnumType") && parent == "Schema":
				name := attr(t, "Name")
				if name == "" {
					return errAt(line, col, "%s without a Name", el)
				}
				cur = &Type{Name: ns + "." + name, Kind: Kind(el), Base: attr(t, "BaseType"), Line: line, Col: col}
				if p.byName[cur.Name] != nil {
					return errAt(line, col, "type %s declared twice", cur.Name)
				}
				for _, f := range []struct {
					attr string
					dst  *bool
				}{{"Abstract", &cur.Abstract}, {"OpenType", &cur.Open}, {"IsFlags", &cur.Flags}} {
					v, err := boolAttr(t, f.attr, false)
					if err != nil {
						return errAt(line, col, "type %s: %v", cur.Name, err)
					}
					*f.dst = v
				}
				if cur.Kind == EnumType && cur.Base != "" {
					return errAt(line, col, "enum type %s cannot have a BaseType", cur.Name)
				}
				p.byName[cur.Name] = cur
				p.types = append(p.types, cur)
			case (el == "Property" || el == "NavigationProperty") && cur != nil && parent == string(cur.Kind) && cur.Kind != EnumType:
				pr := Property{Name: attr(t, "Name"), Type: attr(t, "Type"), Navigation: el == "NavigationProperty", Line: line, Col: col}
				if pr.Name == "" {
					return errAt(line, col, "type %s: %s without a Name", cur.Name, el)
				}
				if pr.Type == "" {
					return errAt(line, col, "property %s.%s has no Type", cur.Name, pr.Name)
				}
				nullable, err := boolAttr(t, "Nullable", true)
				if err != nil {
					return errAt(line, col, "property %s.%s: %v", cur.Name, pr.Name, err)
				}
				pr.Nullable = nullable
				for _, q := range cur.Properties {
					if q.Name == pr.Name {
						return errAt(line, col, "property %s.%s declared twice", cur.Name, pr.Name)
					}
				}
				cur.Properties = append(cur.Properties, pr)
			case el == "Member" && cur != nil && cur.Kind == EnumType && parent == "EnumType":
				m := Member{Name: attr(t, "Name"), Value: int64(len(cur.Members))}
				if m.Name == "" {
					return errAt(line, col, "enum %s: Member without a Name", cur.Name)
				}
				if v, ok := attrOK(t, "Value"); ok {
					n, err := strconv.ParseInt(v, 10, 64)
					if err != nil {
						return errAt(line, col, "enum member %s.%s: Value %q is not an integer", cur.Name, m.Name, v)
					}
					m.Value = n
				}
				for _, q := range cur.Members {
					if q.Name == m.Name {
						return errAt(line, col, "enum member %s.%s declared twice", cur.Name, m.Name)
					}
				}
				cur.Members = append(cur.Members, m)
			}
		case xml.EndElement:
			el := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if cur != nil && el == string(cur.Kind) && stack[len(stack)-1] == "Schema" {
				cur = nil
			}
			if el == "Schema" {
				ns = ""
			}
		}
	}
	if p.schemas == 0 {
		return errAt(0, 0, "no Schema element under edmx:DataServices")
	}
	for a := range p.aliases {
		if p.spaces[a] {
			return errAt(0, 0, "alias %q is also a namespace", a)
		}
	}
	return nil
}

// qualify replaces a leading alias by its namespace.
func (p *reader) qualify(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return name
	}
	if ns, ok := p.aliases[name[:i]]; ok {
		return ns + name[i:]
	}
	return name
}

func isPrimitive(name string) bool {
	i := sort.SearchStrings(Primitives, name)
	return i < len(Primitives) && Primitives[i] == name
}

// resolve qualifies every reference, checks it names a known type of a
// fitting kind, rejects base-type cycles and inherited-name clashes, and
// marks stubs.
func (p *reader) resolve() error {
	for _, t := range p.types {
		if t.Base == "" {
			continue
		}
		t.Base = p.qualify(t.Base)
		b := p.byName[t.Base]
		if b == nil {
			return errAt(t.Line, t.Col, "type %s: unknown base type %s", t.Name, t.Base)
		}
		if b.Kind != t.Kind {
			return errAt(t.Line, t.Col, "type %s (%s) cannot derive from %s (%s)", t.Name, t.Kind, b.Name, b.Kind)
		}
	}
	for _, t := range p.types {
		seen := map[*Type]bool{}
		for x := t; x != nil; x = p.byName[x.Base] {
			if seen[x] {
				return errAt(t.Line, t.Col, "type %s: base type cycle through %s", t.Name, x.Name)
			}
			seen[x] = true
		}
	}
	for _, t := range p.types {
		for i := range t.Properties {
			pr := &t.Properties[i]
			ref := pr.Type
			if inner, ok := strings.CutPrefix(ref, "Collection("); ok {
				inner, ok = strings.CutSuffix(inner, ")")
				if !ok || inner == "" {
					return errAt(pr.Line, pr.Col, "property %s.%s: malformed type %q", t.Name, pr.Name, ref)
				}
				pr.Collection, ref = true, inner
			}
			pr.Type = p.qualify(ref)
			target := p.byName[pr.Type]
			switch {
			case target == nil && isPrimitive(pr.Type):
				if pr.Navigation {
					return errAt(pr.Line, pr.Col, "navigation property %s.%s must name an entity type, not %s", t.Name, pr.Name, pr.Type)
				}
			case target == nil:
				return errAt(pr.Line, pr.Col, "property %s.%s: unknown type %s", t.Name, pr.Name, ref)
			case pr.Navigation && target.Kind != EntityType:
				return errAt(pr.Line, pr.Col, "navigation property %s.%s must name an entity type, not %s %s", t.Name, pr.Name, target.Kind, pr.Type)
			case !pr.Navigation && target.Kind == EntityType:
				return errAt(pr.Line, pr.Col, "property %s.%s names entity type %s: only a NavigationProperty may", t.Name, pr.Name, pr.Type)
			}
			for b := p.byName[t.Base]; b != nil; b = p.byName[b.Base] {
				for _, q := range b.Properties {
					if q.Name == pr.Name {
						return errAt(pr.Line, pr.Col, "property %s.%s hides the one inherited from %s", t.Name, pr.Name, b.Name)
					}
				}
			}
		}
	}
	for _, t := range p.types {
		if t.Kind != EntityType {
			continue
		}
		structural := false
		for x := t; x != nil && !structural; x = p.byName[x.Base] {
			for _, pr := range x.Properties {
				structural = structural || !pr.Navigation
			}
		}
		t.Stub = !structural && !p.derives(t, OperationRoot)
	}
	return nil
}

// derives reports whether t is, or derives from, the type named root.
func (p *reader) derives(t *Type, root string) bool {
	for x := t; x != nil; x = p.byName[x.Base] {
		if x.Name == root {
			return true
		}
	}
	return false
}

func attrOK(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

func attr(t xml.StartElement, name string) string {
	v, _ := attrOK(t, name)
	return v
}

func boolAttr(t xml.StartElement, name string, def bool) (bool, error) {
	v, ok := attrOK(t, name)
	if !ok {
		return def, nil
	}
	switch v {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("%s=%q is neither true nor false", name, v)
}
