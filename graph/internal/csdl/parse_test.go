package csdl

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// doc wraps schema elements in the edmx envelope of the Graph extracts.
func doc(schemas string) []byte {
	return []byte(`<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx xmlns="http://docs.oasis-open.org/odata/ns/edm" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">
<edmx:DataServices>
` + schemas + `
</edmx:DataServices>
</edmx:Edmx>`)
}

func typeNamed(d *Document, name string) *Type {
	for _, t := range d.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

func TestParseProperties(t *testing.T) {
	tests := []struct {
		name  string
		input string
		owner string // qualified type holding the property
		want  Property
	}{
		{
			name: "alias resolved to namespace",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="identity"/>
  <ComplexType Name="identitySet"><Property Name="user" Type="graph.identity"/></ComplexType>
</Schema>`,
			owner: "microsoft.graph.identitySet",
			want:  Property{Name: "user", Type: "microsoft.graph.identity", Nullable: true},
		},
		{
			name: "full namespace kept",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="identity"/>
  <ComplexType Name="identitySet"><Property Name="user" Type="microsoft.graph.identity"/></ComplexType>
</Schema>`,
			owner: "microsoft.graph.identitySet",
			want:  Property{Name: "user", Type: "microsoft.graph.identity", Nullable: true},
		},
		{
			name: "alias used from a schema without one",
			input: `<Schema Namespace="microsoft.graph" Alias="graph"><ComplexType Name="identity"/></Schema>
<Schema Namespace="microsoft.graph.callRecords">
  <ComplexType Name="session"><Property Name="caller" Type="graph.identity"/></ComplexType>
</Schema>`,
			owner: "microsoft.graph.callRecords.session",
			want:  Property{Name: "caller", Type: "microsoft.graph.identity", Nullable: true},
		},
		{
			name: "collection of complex",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="commsNotification"/>
  <ComplexType Name="commsNotifications"><Property Name="value" Type="Collection(graph.commsNotification)"/></ComplexType>
</Schema>`,
			owner: "microsoft.graph.commsNotifications",
			want:  Property{Name: "value", Type: "microsoft.graph.commsNotification", Collection: true, Nullable: true},
		},
		{
			name: "collection of primitive, not nullable",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x"><Property Name="ids" Type="Collection(Edm.String)" Nullable="false"/></ComplexType>
</Schema>`,
			owner: "microsoft.graph.x",
			want:  Property{Name: "ids", Type: "Edm.String", Collection: true},
		},
		{
			name: "explicit nullable true",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x"><Property Name="n" Type="Edm.Int32" Nullable="true"/></ComplexType>
</Schema>`,
			owner: "microsoft.graph.x",
			want:  Property{Name: "n", Type: "Edm.Int32", Nullable: true},
		},
		{
			name: "navigation property",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <EntityType Name="op"><Property Name="id" Type="Edm.String"/></EntityType>
  <EntityType Name="call"><NavigationProperty Name="operations" Type="Collection(graph.op)" ContainsTarget="true"/></EntityType>
</Schema>`,
			owner: "microsoft.graph.call",
			want:  Property{Name: "operations", Type: "microsoft.graph.op", Collection: true, Nullable: true, Navigation: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(doc(tt.input))
			if err != nil {
				t.Fatalf("Parse: got error %v, want none", err)
			}
			owner := typeNamed(d, tt.owner)
			if owner == nil || len(owner.Properties) != 1 {
				t.Fatalf("got type %+v, want %s with one property", owner, tt.owner)
			}
			got := owner.Properties[0]
			got.Line, got.Col = 0, 0
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseTypes(t *testing.T) {
	d, err := Parse(doc(`<Schema Namespace="microsoft.graph" Alias="graph">
  <EnumType Name="status" IsFlags="false">
    <Member Name="NotStarted" Value="0"/>
    <Member Name="Running"/>
    <Member Name="Failed" Value="7"/>
  </EnumType>
  <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
  <EntityType Name="commsOperation" BaseType="graph.entity" OpenType="true"><Property Name="status" Type="graph.status"/></EntityType>
  <EntityType Name="emptyOperation" BaseType="graph.commsOperation" OpenType="true"/>
  <EntityType Name="participant" BaseType="graph.entity"/>
  <EntityType Name="cloudCommunications"><NavigationProperty Name="ops" Type="Collection(graph.commsOperation)"/></EntityType>
  <ComplexType Name="resultInfo"/>
</Schema>`))
	if err != nil {
		t.Fatalf("Parse: got error %v, want none", err)
	}
	var names []string
	for _, ty := range d.Types {
		names = append(names, ty.Name)
	}
	wantNames := []string{
		"microsoft.graph.cloudCommunications", "microsoft.graph.commsOperation", "microsoft.graph.emptyOperation",
		"microsoft.graph.entity", "microsoft.graph.participant", "microsoft.graph.resultInfo", "microsoft.graph.status",
	}
	if !reflect.DeepEqual(names, wantNames) {
		t.Errorf("got types %q, want %q", names, wantNames)
	}
	if got, want := d.Aliases, map[string]string{"graph": "microsoft.graph"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got aliases %v, want %v", got, want)
	}
	tests := []struct {
		name                 string
		kind                 Kind
		base                 string
		abstract, open, stub bool
	}{
		{"microsoft.graph.entity", EntityType, "", true, false, false},
		{"microsoft.graph.commsOperation", EntityType, "microsoft.graph.entity", false, true, false},
		{"microsoft.graph.emptyOperation", EntityType, "microsoft.graph.commsOperation", false, true, false},
		{"microsoft.graph.participant", EntityType, "microsoft.graph.entity", false, false, false}, // inherits id
		{"microsoft.graph.cloudCommunications", EntityType, "", false, false, true},
		{"microsoft.graph.resultInfo", ComplexType, "", false, false, false},
		{"microsoft.graph.status", EnumType, "", false, false, false},
	}
	for _, tt := range tests {
		ty := typeNamed(d, tt.name)
		if ty == nil {
			t.Errorf("%s: missing", tt.name)
			continue
		}
		got := [5]any{ty.Kind, ty.Base, ty.Abstract, ty.Open, ty.Stub}
		want := [5]any{tt.kind, tt.base, tt.abstract, tt.open, tt.stub}
		if got != want {
			t.Errorf("%s: got kind, base, abstract, open, stub %v, want %v", tt.name, got, want)
		}
	}
	wantMembers := []Member{{"NotStarted", 0}, {"Running", 1}, {"Failed", 7}}
	if got := typeNamed(d, "microsoft.graph.status").Members; !reflect.DeepEqual(got, wantMembers) {
		t.Errorf("got members %v, want %v", got, wantMembers)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		wantErr  string
		wantLine int // line in doc(input); the first schema line is 4
	}{
		{
			name: "unknown type reference",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x">
    <Property Name="a" Type="graph.nowhere"/>
  </ComplexType>
</Schema>`,
			wantErr:  "property microsoft.graph.x.a: unknown type graph.nowhere",
			wantLine: 6,
		},
		{
			name: "unknown type inside collection",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x"><Property Name="a" Type="Collection(graph.gone)"/></ComplexType>
</Schema>`,
			wantErr:  "unknown type graph.gone",
			wantLine: 5,
		},
		{
			name: "unknown Edm type",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x"><Property Name="a" Type="Edm.Str"/></ComplexType>
</Schema>`,
			wantErr:  "unknown type Edm.Str",
			wantLine: 5,
		},
		{
			name: "unknown base type",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x" BaseType="graph.missing"/>
</Schema>`,
			wantErr:  "type microsoft.graph.x: unknown base type microsoft.graph.missing",
			wantLine: 5,
		},
		{
			name: "alias of another document is not known",
			input: `<Schema Namespace="microsoft.graph">
  <ComplexType Name="identity"/>
  <ComplexType Name="x"><Property Name="a" Type="graph.identity"/></ComplexType>
</Schema>`,
			wantErr:  "unknown type graph.identity",
			wantLine: 6,
		},
		{
			name: "unclosed collection",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x"><Property Name="a" Type="Collection(Edm.String"/></ComplexType>
</Schema>`,
			wantErr:  `malformed type "Collection(Edm.String"`,
			wantLine: 5,
		},
		{
			name: "bad Nullable",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x"><Property Name="a" Type="Edm.String" Nullable="no"/></ComplexType>
</Schema>`,
			wantErr:  `Nullable="no" is neither true nor false`,
			wantLine: 5,
		},
		{
			name: "property without type",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x"><Property Name="a"/></ComplexType>
</Schema>`,
			wantErr:  "property microsoft.graph.x.a has no Type",
			wantLine: 5,
		},
		{
			name: "duplicate type",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x"/>
  <ComplexType Name="x"/>
</Schema>`,
			wantErr:  "type microsoft.graph.x declared twice",
			wantLine: 6,
		},
		{
			name: "duplicate property",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="x"><Property Name="a" Type="Edm.String"/><Property Name="a" Type="Edm.Int32"/></ComplexType>
</Schema>`,
			wantErr:  "property microsoft.graph.x.a declared twice",
			wantLine: 5,
		},
		{
			name: "property hides inherited one",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="a"><Property Name="p" Type="Edm.String"/></ComplexType>
  <ComplexType Name="b" BaseType="graph.a"><Property Name="p" Type="Edm.String"/></ComplexType>
</Schema>`,
			wantErr:  "property microsoft.graph.b.p hides the one inherited from microsoft.graph.a",
			wantLine: 6,
		},
		{
			name: "base type cycle",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="a" BaseType="graph.b"/>
  <ComplexType Name="b" BaseType="graph.a"/>
</Schema>`,
			wantErr:  "base type cycle",
			wantLine: 5,
		},
		{
			name: "base of another kind",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <EntityType Name="e"/>
  <ComplexType Name="c" BaseType="graph.e"/>
</Schema>`,
			wantErr:  "type microsoft.graph.c (ComplexType) cannot derive from microsoft.graph.e (EntityType)",
			wantLine: 6,
		},
		{
			name: "navigation to a complex type",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <ComplexType Name="c"/>
  <EntityType Name="e"><NavigationProperty Name="n" Type="graph.c"/></EntityType>
</Schema>`,
			wantErr:  "navigation property microsoft.graph.e.n must name an entity type",
			wantLine: 6,
		},
		{
			name: "structural property of entity type",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <EntityType Name="e"/>
  <ComplexType Name="c"><Property Name="p" Type="graph.e"/></ComplexType>
</Schema>`,
			wantErr:  "only a NavigationProperty may",
			wantLine: 6,
		},
		{
			name: "enum value not an integer",
			input: `<Schema Namespace="microsoft.graph" Alias="graph">
  <EnumType Name="s"><Member Name="a" Value="zero"/></EnumType>
</Schema>`,
			wantErr:  `enum member microsoft.graph.s.a: Value "zero" is not an integer`,
			wantLine: 5,
		},
		{
			name:     "schema without namespace",
			input:    `<Schema Alias="graph"/>`,
			wantErr:  "Schema without a Namespace",
			wantLine: 4,
		},
		{
			name:     "malformed XML",
			input:    `<Schema Namespace="microsoft.graph"><ComplexType Name="x"></Schema>`,
			wantErr:  "malformed XML",
			wantLine: 4,
		},
		{
			name:    "no schema",
			input:   ``,
			wantErr: "no Schema element",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(doc(tt.input))
			if err == nil {
				t.Fatalf("got document with %d types, want error containing %q", len(d.Types), tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got error %q, want it to contain %q", err, tt.wantErr)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got error of type %T, want *Error", err)
			}
			if e.Line != tt.wantLine {
				t.Errorf("got line %d, want %d (%v)", e.Line, tt.wantLine, err)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		name string
		err  Error
		want string
	}{
		{"full", Error{API: "beta", Line: 3, Col: 5, Msg: "m"}, "csdl: beta: line 3, column 5: m"},
		{"no column", Error{Line: 3, Msg: "m"}, "csdl: line 3: m"},
		{"no place", Error{Msg: "m"}, "csdl: m"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
