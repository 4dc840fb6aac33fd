package sdk

import (
	"math"
	"strconv"
	"strings"

	"opcheck/graph"
)

// Object is what an SDK builds from a JSON object.
type Object struct {
	// Type is the qualified name of the type constructed.
	Type string
	// Fail is true when the whole read fails: an error in Go, an exception
	// elsewhere. Nothing else is then set.
	Fail bool
	// Members holds, per key of the JSON object, what became of its value.
	Members map[string]Member
}

// Member is what an SDK made of one JSON member.
type Member struct {
	Outcome Outcome
	// Value is the typed value in a canonical text, for a primitive or an
	// enum read as Typed, Kept, Coerced or Local: the string, the member's
	// name as the metadata spells it, the number in decimal, "true" or
	// "false". Empty for an Additional value and where the text is not
	// predictable (a Coerced date).
	Value string
	// Object is the nested object, for a structured value read as Typed or
	// Empty (an empty Object).
	Object *Object
	// Items are the elements of a collection read as Typed.
	Items []Member
}

// Number is the text of a JSON number, as encoding/json's Number holds it.
// Read takes any value with a String method for a number.
type Number interface{ String() string }

// Read predicts what SDK l builds from v, a JSON object decoded into Go
// values (map[string]any, []any, string, bool, nil, and a [Number] for a
// number), read as type t of model m, as the SDK's factory for t would.
func Read(l Lang, m *graph.Model, t *graph.Type, v any) *Object {
	r := reader{lang: l, model: m}
	o := r.object(t, v)
	if r.fail {
		return &Object{Type: o.Type, Fail: true}
	}
	return o
}

type reader struct {
	lang  Lang
	model *graph.Model
	fail  bool
}

// resolve picks the type the SDK's discriminator builds for the
// "@odata.type" value of obj, asked for as t.
func (r *reader) resolve(t *graph.Type, obj map[string]any) *graph.Type {
	raw, ok := obj["@odata.type"]
	if !ok || raw == nil {
		return t
	}
	s, ok := raw.(string)
	if !ok {
		if Of(r.lang, TypeNotString) == Fail {
			r.fail = true
		}
		return t
	}
	for _, d := range r.model.Derived(t) {
		want := "#" + d.Name
		switch {
		case s == want:
			return d
		case strings.EqualFold(s, want) && Of(r.lang, TypeCase) == Typed:
			return d
		case strings.EqualFold("#"+s, want) && Of(r.lang, TypeNoHash) == Typed:
			return d
		}
	}
	return t
}

func (r *reader) object(t *graph.Type, v any) *Object {
	obj, ok := v.(map[string]any)
	if !ok {
		return &Object{Type: t.Name, Members: map[string]Member{}}
	}
	t = r.resolve(t, obj)
	o := &Object{Type: t.Name, Members: make(map[string]Member, len(obj))}
	for k, x := range obj {
		if k == "@odata.type" {
			if s, ok := x.(string); ok {
				o.Members[k] = Member{Outcome: Typed, Value: s}
			} else {
				o.Members[k] = Member{Outcome: Absent}
			}
			continue
		}
		p := t.Property(k)
		if p == nil {
			c := Undeclared
			if x == nil {
				c = NullUndeclared
			}
			o.Members[k] = Member{Outcome: Of(r.lang, c)}
			continue
		}
		o.Members[k] = r.value(p, x)
	}
	return o
}

// value reads x as the value of property p.
func (r *reader) value(p *graph.Property, x any) Member {
	structured := p.Type.Kind == graph.EntityType || p.Type.Kind == graph.ComplexType
	if x == nil {
		if structured && !p.Collection {
			return r.outcome(NullObject, Member{Object: &Object{Type: p.Type.Name, Members: map[string]Member{}}})
		}
		if p.Collection && p.Type.Kind == graph.EnumType {
			return r.outcome(NullEnums, Member{})
		}
		return Member{Outcome: Of(r.lang, NullDeclared)}
	}
	if p.Collection {
		items, ok := x.([]any)
		if !ok {
			if p.Type.Kind == graph.EnumType {
				return r.outcome(EnumsNotArray, Member{})
			}
			return r.outcome(CollectionNotArray, Member{})
		}
		m := Member{Outcome: Typed, Items: make([]Member, len(items))}
		for i, it := range items {
			if it == nil {
				m.Items[i] = Member{Outcome: Absent}
				continue
			}
			m.Items[i] = r.single(p, it, structured)
		}
		return m
	}
	return r.single(p, x, structured)
}

// outcome is the member for situation c, failing the read where the SDK
// does; with is returned, its Outcome set, where the outcome is Empty.
func (r *reader) outcome(c Case, with Member) Member {
	o := Of(r.lang, c)
	if o == Fail {
		r.fail = true
	}
	if o == Empty {
		with.Outcome = Empty
		if with.Object == nil && with.Items == nil {
			with.Items = []Member{}
		}
		return with
	}
	return Member{Outcome: o}
}

func (r *reader) single(p *graph.Property, x any, structured bool) Member {
	t := p.Type
	if structured {
		if _, ok := x.(map[string]any); !ok {
			m := r.outcome(ObjectNotObject, Member{Object: &Object{Type: t.Name, Members: map[string]Member{}}})
			if m.Outcome == Additional {
				// The object is built, and each element of the array lands in
				// its additional data under its index.
				o := &Object{Type: t.Name, Members: map[string]Member{}}
				items, _ := x.([]any)
				for i := range items {
					o.Members[strconv.Itoa(i)] = Member{Outcome: Additional}
				}
				m.Object = o
			}
			return m
		}
		return Member{Outcome: Typed, Object: r.object(t, x)}
	}
	if t.Kind == graph.EnumType {
		return r.enum(t, x)
	}
	switch t.Name {
	case "Edm.String":
		if s, ok := x.(string); ok {
			return Member{Outcome: Typed, Value: s}
		}
		m := r.outcome(StringNotString, Member{})
		if m.Outcome == Coerced {
			m.Value = scalarText(x)
		}
		return m
	case "Edm.Boolean":
		if b, ok := x.(bool); ok {
			return Member{Outcome: Typed, Value: strconv.FormatBool(b)}
		}
		m := r.outcome(BoolString, Member{})
		if m.Outcome == Coerced {
			m.Value = strconv.FormatBool(x == "true")
		}
		return m
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64":
		return r.integer(t.Name, x)
	case "Edm.Double", "Edm.Single", "Edm.Decimal":
		if n, ok := x.(Number); ok {
			f, err := strconv.ParseFloat(n.String(), 64)
			if err != nil {
				return r.outcome(IntRange, Member{})
			}
			return Member{Outcome: Typed, Value: strconv.FormatFloat(f, 'g', -1, 64)}
		}
		return r.outcome(DoubleString, Member{})
	}
	return Member{Outcome: Typed, Value: scalarText(x)}
}

// enum reads x as a member of the enum t.
func (r *reader) enum(t *graph.Type, x any) Member {
	s, ok := x.(string)
	if !ok {
		return r.outcome(EnumNotString, Member{})
	}
	if t.HasMember(s) {
		return Member{Outcome: Typed, Value: s}
	}
	for _, name := range t.Members {
		if !strings.EqualFold(name, s) {
			continue
		}
		c := EnumCase
		if name[1:] == s[1:] {
			c = EnumFirstLetter
		}
		if Of(r.lang, c) == Typed {
			return Member{Outcome: Typed, Value: name}
		}
		return r.outcome(c, Member{})
	}
	return r.outcome(EnumUnknown, Member{})
}

// intRanges are the Edm integer types' ranges.
var intRanges = map[string][2]float64{
	"Edm.Byte": {0, 255}, "Edm.SByte": {-128, 127}, "Edm.Int16": {math.MinInt16, math.MaxInt16},
	"Edm.Int32": {math.MinInt32, math.MaxInt32}, "Edm.Int64": {math.MinInt64, math.MaxInt64},
}

// integer reads x as a value of the Edm integer type name.
func (r *reader) integer(name string, x any) Member {
	switch x := x.(type) {
	case Number:
		raw := x.String()
		f, err := strconv.ParseFloat(raw, 64)
		rg := intRanges[name]
		switch {
		case err != nil || f < rg[0] || f > rg[1]:
			m := r.outcome(IntRange, Member{})
			if m.Outcome == Kept {
				m.Value = numberText(raw)
			}
			return m
		case f != math.Trunc(f):
			m := r.outcome(IntFraction, Member{})
			if m.Outcome == Kept {
				m.Value = numberText(raw)
			} else if m.Outcome == Coerced {
				m.Value = strconv.FormatInt(int64(f), 10)
			}
			return m
		}
		return Member{Outcome: Typed, Value: numberText(raw)}
	case string:
		c := IntText
		if _, err := strconv.ParseInt(x, 10, 64); err == nil {
			c = IntString
		}
		m := r.outcome(c, Member{})
		if m.Outcome == Coerced {
			m.Value = x
		}
		return m
	case bool:
		m := r.outcome(IntBool, Member{})
		if m.Outcome == Kept {
			m.Value = strconv.FormatBool(x)
		}
		return m
	}
	return r.outcome(IntText, Member{})
}

// numberText is a JSON number's value in the shortest decimal that keeps it.
func numberText(raw string) string {
	if i, err := strconv.ParseInt(raw, 10, 64); err == nil {
		return strconv.FormatInt(i, 10)
	}
	f, _ := strconv.ParseFloat(raw, 64)
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// scalarText is the text of a JSON scalar.
func scalarText(x any) string {
	switch x := x.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case Number:
		return x.String()
	}
	return ""
}
