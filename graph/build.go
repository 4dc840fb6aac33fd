package graph

// The row types are the shape of the generated tables in tables_gen.go:
// plain values the compiler lays out statically, linked into Models once.
type (
	apiRow struct {
		api     string
		aliases []aliasRow
		types   []typeRow // sorted by name
	}
	aliasRow struct{ alias, namespace string }
	typeRow  struct {
		name, base                  string
		kind                        Kind
		abstract, open, stub, flags bool
		props                       []propRow
		members                     []memberRow
	}
	propRow struct {
		name, typ                        string
		collection, nullable, navigation bool
	}
	memberRow struct {
		name  string
		value int64
	}
)

// models holds one Model per version, in the order of apiRows.
var models = build(apiRows[:])

// build links the generated rows into Models: it resolves every type name
// to its *Type and precomputes inherited property lists and subtype lists.
// The generator has already checked every reference, so a name that does
// not resolve means tables_gen.go was edited by hand: build panics then,
// at package initialisation, naming it.
func build(rows []apiRow) []*Model {
	ms := make([]*Model, len(rows))
	for i := range rows {
		ms[i] = buildModel(&rows[i])
	}
	for i, m := range ms {
		if len(ms) == 2 {
			m.other = ms[1-i]
		}
	}
	return ms
}

func buildModel(r *apiRow) *Model {
	m := &Model{API: r.api, byName: make(map[string]*Type, 2*len(r.types))}
	types := make([]Type, len(r.types))
	m.types = make([]*Type, len(r.types))
	for i := range r.types {
		tr := &r.types[i]
		t := &types[i]
		*t = Type{Name: tr.name, Kind: tr.kind, Abstract: tr.abstract, Open: tr.open, Stub: tr.stub, Flags: tr.flags, model: m}
		t.Namespace, t.Short = split(tr.name)
		m.types[i] = t
		m.byName[t.Name] = t
		for _, a := range r.aliases {
			if a.namespace == t.Namespace {
				m.byName[a.alias+"."+t.Short] = t
			}
		}
	}
	resolve := func(name string) *Type {
		if t := m.byName[name]; t != nil {
			return t
		}
		if t := primitives[name]; t != nil {
			return t
		}
		panic("graph: tables_gen.go names unknown type " + name + " in " + r.api + "; run go generate ./graph")
	}
	for i := range r.types {
		tr, t := &r.types[i], &types[i]
		if tr.base != "" {
			t.Base = resolve(tr.base)
		}
		if len(tr.props) > 0 {
			t.Properties = make([]Property, len(tr.props))
			for j, pr := range tr.props {
				t.Properties[j] = Property{Name: pr.name, Type: resolve(pr.typ), Collection: pr.collection,
					Nullable: pr.nullable, Navigation: pr.navigation, Declared: t}
			}
		}
		if len(tr.members) > 0 {
			t.Members = make([]string, len(tr.members))
			t.Values = make([]int64, len(tr.members))
			for j, mr := range tr.members {
				t.Members[j], t.Values[j] = mr.name, mr.value
			}
		}
	}
	// Types are sorted by name, so appending in that order keeps each
	// derived list sorted.
	for _, t := range m.types {
		for b := t.Base; b != nil; b = b.Base {
			b.derived = append(b.derived, t)
		}
		t.all = allProperties(t)
	}
	if root := m.byName[OperationRoot]; root != nil {
		m.operations = append([]*Type{root}, root.derived...)
	}
	return m
}

func allProperties(t *Type) []Property {
	if t.Base == nil {
		return t.Properties
	}
	var chain []*Type
	n := 0
	for x := t; x != nil; x = x.Base {
		chain = append(chain, x)
		n += len(x.Properties)
	}
	all := make([]Property, 0, n)
	for i := len(chain) - 1; i >= 0; i-- {
		all = append(all, chain[i].Properties...)
	}
	return all
}

// split cuts a qualified name at its last dot.
func split(name string) (namespace, short string) {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '.' {
			return name[:i], name[i+1:]
		}
	}
	return "", name
}
