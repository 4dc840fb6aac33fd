package graph_test

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"opcheck/graph"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name    string
		api     string
		wantAPI string // "" for nil
	}{
		{"v1.0", "v1.0", "v1.0"},
		{"beta", "beta", "beta"},
		{"no dot", "v1", ""},
		{"case", "Beta", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := graph.Lookup(tt.api)
			got := ""
			if m != nil {
				got = m.API
			}
			if got != tt.wantAPI {
				t.Errorf("Lookup(%q): got model %q, want %q", tt.api, got, tt.wantAPI)
			}
		})
	}
	if got, want := graph.Versions(), []string{"v1.0", "beta"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Versions: got %q, want %q", got, want)
	}
}

func TestOther(t *testing.T) {
	v1, beta := model(t, "v1.0"), model(t, "beta")
	if v1.Other() != beta || beta.Other() != v1 {
		t.Errorf("got v1.0.Other %v, beta.Other %v; want each the other", v1.Other().API, beta.Other().API)
	}
}

func TestTypeNames(t *testing.T) {
	m := model(t, "v1.0")
	tests := []struct {
		name  string
		input string
		want  string // qualified name, "" for nil
	}{
		{"qualified", "microsoft.graph.playPromptOperation", "microsoft.graph.playPromptOperation"},
		{"odata.type", "#microsoft.graph.playPromptOperation", "microsoft.graph.playPromptOperation"},
		{"alias", "graph.playPromptOperation", "microsoft.graph.playPromptOperation"},
		{"alias with hash", "#graph.playPromptOperation", "microsoft.graph.playPromptOperation"},
		{"second namespace", "microsoft.graph.callRecords.userIdentity", "microsoft.graph.callRecords.userIdentity"},
		{"second namespace with hash", "#microsoft.graph.callRecords.userIdentity", "microsoft.graph.callRecords.userIdentity"},
		{"alias covers only its namespace", "graph.callRecords.userIdentity", ""},
		{"same short name, first namespace", "#graph.userIdentity", "microsoft.graph.userIdentity"},
		{"primitive", "Edm.String", "Edm.String"},
		{"primitive with hash", "#Edm.Int32", "Edm.Int32"},
		{"primitive short form", "#Guid", "Edm.Guid"},
		{"bare primitive", "String", ""},
		{"unknown primitive", "Edm.Text", ""},
		{"short name", "playPromptOperation", ""},
		{"short name with hash", "#playPromptOperation", ""},
		{"wrong case", "microsoft.graph.PlayPromptOperation", ""},
		{"wrong namespace case", "Microsoft.Graph.playPromptOperation", ""},
		{"collection", "#Collection(microsoft.graph.identity)", ""},
		{"beta only", "microsoft.graph.admitFromLobbyOperation", ""},
		{"double hash", "##microsoft.graph.identity", ""},
		{"hash only", "#", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ty := m.Type(tt.input)
			got := ""
			if ty != nil {
				got = ty.Name
			}
			if got != tt.want {
				t.Errorf("Type(%q): got %q, want %q", tt.input, got, tt.want)
			}
		})
	}
}

func TestTypeNameParts(t *testing.T) {
	tests := []struct {
		name, short, namespace string
	}{
		{"microsoft.graph.playPromptOperation", "playPromptOperation", "microsoft.graph"},
		{"microsoft.graph.callRecords.userIdentity", "userIdentity", "microsoft.graph.callRecords"},
		{"Edm.DateTimeOffset", "DateTimeOffset", "Edm"},
	}
	for _, tt := range tests {
		ty := mustType(t, model(t, "beta"), tt.name)
		if ty.Short != tt.short || ty.Namespace != tt.namespace || ty.String() != tt.name {
			t.Errorf("%s: got short %q, namespace %q, String %q; want %q, %q, %q",
				tt.name, ty.Short, ty.Namespace, ty.String(), tt.short, tt.namespace, tt.name)
		}
	}
}

func TestAllProperties(t *testing.T) {
	tests := []struct {
		api, typ string
		want     []string // name@declaring type short name
	}{
		{"v1.0", "microsoft.graph.inviteParticipantsOperation", []string{
			"id@entity", "clientContext@commsOperation", "resultInfo@commsOperation", "status@commsOperation",
			"participants@inviteParticipantsOperation"}},
		{"beta", "microsoft.graph.auditUserIdentity", []string{
			"displayName@identity", "id@identity", "ipAddress@userIdentity", "userPrincipalName@userIdentity",
			"homeTenantId@auditUserIdentity", "homeTenantName@auditUserIdentity"}},
		{"v1.0", "microsoft.graph.resultInfo", []string{"code@resultInfo", "message@resultInfo", "subcode@resultInfo"}},
		{"v1.0", "microsoft.graph.participant", []string{"id@entity", "info@participant", "isInLobby@participant",
			"isMuted@participant", "mediaStreams@participant", "metadata@participant", "recordingInfo@participant",
			"removedState@participant", "restrictedExperience@participant", "rosterSequenceNumber@participant"}},
		{"v1.0", "microsoft.graph.operationStatus", nil},
	}
	for _, tt := range tests {
		t.Run(tt.api+" "+tt.typ, func(t *testing.T) {
			ty := mustType(t, model(t, tt.api), tt.typ)
			var got []string
			for _, p := range ty.AllProperties() {
				got = append(got, p.Name+"@"+p.Declared.Short)
				if q := ty.Property(p.Name); q == nil || q.Declared != p.Declared {
					t.Errorf("Property(%q): got %v, want the one declared by %s", p.Name, q, p.Declared)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPropertyMissing(t *testing.T) {
	ty := mustType(t, model(t, "v1.0"), "microsoft.graph.playPromptOperation")
	for _, name := range []string{"completionReason", "Status", "", "resourceData"} {
		if p := ty.Property(name); p != nil {
			t.Errorf("Property(%q): got %s declared by %s, want nil", name, p.Name, p.Declared)
		}
	}
}

func TestIsA(t *testing.T) {
	v1, beta := model(t, "v1.0"), model(t, "beta")
	tests := []struct {
		name string
		t, u *graph.Type
		want bool
	}{
		{"self", mustType(t, v1, "graph.identity"), mustType(t, v1, "graph.identity"), true},
		{"direct", mustType(t, v1, "graph.emailIdentity"), mustType(t, v1, "graph.identity"), true},
		{"other namespace", mustType(t, v1, "microsoft.graph.callRecords.userIdentity"), mustType(t, v1, "graph.identity"), true},
		{"transitive", mustType(t, beta, "graph.auditUserIdentity"), mustType(t, beta, "graph.identity"), true},
		{"operation is entity", mustType(t, v1, "graph.recordOperation"), mustType(t, v1, "graph.entity"), true},
		{"reverse", mustType(t, v1, "graph.identity"), mustType(t, v1, "graph.emailIdentity"), false},
		{"siblings", mustType(t, v1, "graph.playPromptOperation"), mustType(t, v1, "graph.recordOperation"), false},
		{"same short name", mustType(t, v1, "microsoft.graph.callRecords.userIdentity"), mustType(t, v1, "graph.userIdentity"), false},
		{"across versions", mustType(t, v1, "graph.identity"), mustType(t, beta, "graph.identity"), false},
		{"nil", mustType(t, v1, "graph.identity"), nil, false},
		{"primitive", graph.Primitive("Edm.String"), graph.Primitive("Edm.String"), true},
	}
	for _, tt := range tests {
		if got := tt.t.IsA(tt.u); got != tt.want {
			t.Errorf("%s: %v.IsA(%v): got %v, want %v", tt.name, tt.t, tt.u, got, tt.want)
		}
	}
}

func TestDerivedEdges(t *testing.T) {
	v1, beta := model(t, "v1.0"), model(t, "beta")
	tests := []struct {
		name string
		ty   *graph.Type
	}{
		{"nil", nil},
		{"type of the other model", mustType(t, beta, "graph.identity")},
		{"primitive", graph.Primitive("Edm.String")},
		{"leaf", mustType(t, v1, "graph.emailIdentity")},
	}
	for _, tt := range tests {
		if got := v1.Derived(tt.ty); len(got) != 0 {
			t.Errorf("%s: got %q, want none", tt.name, names(got))
		}
	}
}

// TestModelConsistent walks every type of both models: each is reachable by
// its own name, belongs to its model, and every property points at a type
// of the same model or a shared primitive.
func TestModelConsistent(t *testing.T) {
	for _, api := range graph.Versions() {
		m := model(t, api)
		if got := names(m.Types()); !sort.StringsAreSorted(got) {
			t.Errorf("%s: Types not sorted: %q", api, got)
		}
		for _, ty := range m.Types() {
			if m.Type(ty.Name) != ty || ty.Model() != m {
				t.Errorf("%s: %s not found by its name or not in its model", api, ty.Name)
			}
			if !strings.HasSuffix(ty.Name, "."+ty.Short) || ty.Namespace+"."+ty.Short != ty.Name {
				t.Errorf("%s: %s: got short %q, namespace %q", api, ty.Name, ty.Short, ty.Namespace)
			}
			if ty.Base != nil && ty.Base.Model() != m {
				t.Errorf("%s: %s: base %s from another model", api, ty.Name, ty.Base)
			}
			for _, d := range m.Derived(ty) {
				if !d.IsA(ty) || d == ty {
					t.Errorf("%s: Derived(%s) lists %s, which does not derive from it", api, ty.Name, d.Name)
				}
			}
			for _, p := range ty.Properties {
				if p.Declared != ty {
					t.Errorf("%s: %s.%s: got declared by %v", api, ty.Name, p.Name, p.Declared)
				}
				switch {
				case p.Type.Kind == graph.PrimitiveType:
					if graph.Primitive(p.Type.Name) != p.Type {
						t.Errorf("%s: %s.%s: primitive %s is not the shared one", api, ty.Name, p.Name, p.Type)
					}
				case p.Type.Model() != m:
					t.Errorf("%s: %s.%s: type %s from another model", api, ty.Name, p.Name, p.Type)
				}
			}
		}
	}
}

func TestPrimitive(t *testing.T) {
	for _, name := range []string{"Edm.String", "Edm.Boolean", "Edm.Int32", "Edm.Int64", "Edm.Double",
		"Edm.Guid", "Edm.DateTimeOffset", "Edm.Duration", "Edm.Date", "Edm.TimeOfDay", "Edm.Binary"} {
		p := graph.Primitive(name)
		if p == nil || p.Name != name || p.Kind != graph.PrimitiveType || p.Model() != nil {
			t.Errorf("Primitive(%q): got %+v, want a shared primitive type", name, p)
		}
	}
	for _, name := range []string{"String", "edm.String", "Edm.string", "microsoft.graph.identity", ""} {
		if p := graph.Primitive(name); p != nil {
			t.Errorf("Primitive(%q): got %v, want nil", name, p)
		}
	}
	v1 := mustType(t, model(t, "v1.0"), "graph.commsOperation").Property("clientContext").Type
	beta := mustType(t, model(t, "beta"), "graph.commsOperation").Property("clientContext").Type
	if v1 != beta || v1 != graph.Primitive("Edm.String") {
		t.Errorf("got Edm.String values %p and %p, want the shared %p", v1, beta, graph.Primitive("Edm.String"))
	}
}

func TestKindString(t *testing.T) {
	tests := []struct {
		kind graph.Kind
		want string
	}{
		{graph.EntityType, "EntityType"},
		{graph.ComplexType, "ComplexType"},
		{graph.EnumType, "EnumType"},
		{graph.PrimitiveType, "PrimitiveType"},
		{graph.Kind(0), "Kind(invalid)"},
	}
	for _, tt := range tests {
		if got := tt.kind.String(); got != tt.want {
			t.Errorf("Kind(%d).String(): got %q, want %q", tt.kind, got, tt.want)
		}
	}
}

// FuzzType checks that Model.Type never panics and that whatever it finds
// is a real type that the input names: looking its qualified name up again
// gives the same type, and the input ends with its short name.
func FuzzType(f *testing.F) {
	for _, ty := range graph.Lookup("beta").Types() {
		f.Add(ty.Name)
		f.Add("#graph." + ty.Short)
	}
	for _, s := range []string{"#Edm.String", "#Int64", "graph.callRecords.userIdentity", "#", "", "Edm."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		for _, api := range graph.Versions() {
			m := graph.Lookup(api)
			ty := m.Type(name)
			if ty == nil {
				continue
			}
			if !strings.HasSuffix(name, ty.Short) {
				t.Errorf("%s: Type(%q) = %s, whose short name the input does not end with", api, name, ty.Name)
			}
			if m.Type(ty.Name) != ty {
				t.Errorf("%s: Type(%q) = %s, but Type(%q) differs", api, name, ty.Name, ty.Name)
			}
		}
	})
}
