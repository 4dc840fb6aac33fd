package graph

import "strings"

// OperationRoot is the qualified name of the type every comms operation
// derives from.
const OperationRoot = "microsoft.graph.commsOperation"

// Model is the type model of one Graph API version.
type Model struct {
	// API is the version: "v1.0" or "beta".
	API string

	types      []*Type          // sorted by Name
	byName     map[string]*Type // qualified and alias-qualified names
	operations []*Type
	other      *Model
}

// Lookup returns the model of an API version ("v1.0" or "beta"), or nil for
// any other string.
func Lookup(api string) *Model {
	for _, m := range models {
		if m.API == api {
			return m
		}
	}
	return nil
}

// Versions returns the API versions [Lookup] knows: "v1.0", then "beta".
func Versions() []string {
	v := make([]string, len(models))
	for i, m := range models {
		v[i] = m.API
	}
	return v
}

// Other returns the model of the other version (beta for v1.0, v1.0 for
// beta), so that a caller can tell "exists in beta only":
//
//	m.Other().Type(t.Name).Property(name)
func (m *Model) Other() *Model { return m.other }

// Type returns the type called name, or nil if m has none. It accepts the
// qualified name ("microsoft.graph.identitySet"), the alias-qualified one
// ("graph.identitySet"), either with a leading "#" as in an @odata.type
// value, and the Edm primitives ("Edm.String", "#Edm.String", or "#String",
// the OData short form). Names are case-sensitive; Collection(...) is not a
// type name here.
func (m *Model) Type(name string) *Type {
	short, hash := strings.CutPrefix(name, "#")
	if t := m.byName[short]; t != nil {
		return t
	}
	if strings.HasPrefix(short, "Edm.") {
		return primitives[short]
	}
	if hash && !strings.Contains(short, ".") {
		return primitives["Edm."+short]
	}
	return nil
}

// Types returns every type the metadata declares for m's version (no
// primitives), sorted by qualified name. The slice is shared: callers must
// not modify it.
func (m *Model) Types() []*Type { return m.types }

// Derived returns every type of m deriving from t, directly or not, sorted
// by qualified name; nil if there is none or t is not one of m's types. The
// slice is shared: callers must not modify it.
func (m *Model) Derived(t *Type) []*Type {
	if t == nil || t.model != m {
		return nil
	}
	return t.derived
}

// Operations returns commsOperation first, then every type deriving from
// it, sorted by qualified name. The slice is shared: callers must not
// modify it.
func (m *Model) Operations() []*Type { return m.operations }
