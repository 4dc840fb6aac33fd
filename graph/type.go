package graph

// Type is one type of a [Model], or a shared Edm primitive (see [Primitive]).
// Types are built once and shared: callers must not modify them.
type Type struct {
	// Name is the qualified name: "microsoft.graph.playPromptOperation",
	// "microsoft.graph.callRecords.userIdentity", "Edm.String".
	Name string
	// Short is the name without its namespace: "playPromptOperation".
	Short string
	// Namespace is the namespace part of Name: "microsoft.graph", "Edm".
	Namespace string
	Kind      Kind
	// Base is the type this one derives from; nil at the root.
	Base *Type
	// Abstract and Open are the CSDL Abstract and OpenType flags. An open
	// type accepts properties it does not declare.
	Abstract, Open bool
	// Stub marks a container entity type (cloudCommunications,
	// commsApplication) of which the extract kept only the navigation
	// properties: its other properties are unknown, not absent.
	Stub bool
	// Flags marks an enum whose values may be combined (CSDL IsFlags).
	Flags bool
	// Properties are the type's own properties, in declaration order.
	Properties []Property
	// Members are the enum members' names, in declaration order, and Values
	// their numeric values, index for index.
	Members []string
	Values  []int64

	model   *Model
	all     []Property // inherited first, then own
	derived []*Type    // every type deriving from this one, sorted by Name
}

// Property is one declared property of a [Type].
type Property struct {
	Name string
	// Type is the property's type, or its element type for a collection.
	Type *Type
	// Collection is true for a Collection(...) property.
	Collection bool
	// Nullable is false only where the metadata says Nullable="false".
	Nullable bool
	// Navigation is true for a NavigationProperty.
	Navigation bool
	// Declared is the type that declares the property.
	Declared *Type
}

// String returns t's qualified name.
func (t *Type) String() string { return t.Name }

// Model returns the model t belongs to, or nil for a primitive.
func (t *Type) Model() *Model { return t.model }

// Property returns t's property called name, its own or inherited, or nil
// if there is none. Names are case-sensitive.
func (t *Type) Property(name string) *Property {
	for x := t; x != nil; x = x.Base {
		for i := range x.Properties {
			if x.Properties[i].Name == name {
				return &x.Properties[i]
			}
		}
	}
	return nil
}

// AllProperties returns t's properties, those of the root type first and
// t's own last, each group in declaration order. The slice is shared:
// callers must not modify it.
func (t *Type) AllProperties() []Property { return t.all }

// IsA reports whether t is u or derives from u. Types of different models
// are different types.
func (t *Type) IsA(u *Type) bool {
	for x := t; x != nil; x = x.Base {
		if x == u {
			return true
		}
	}
	return false
}

// HasMember reports whether the enum t has a member called name
// (case-sensitive, as in the metadata).
func (t *Type) HasMember(name string) bool {
	for _, m := range t.Members {
		if m == name {
			return true
		}
	}
	return false
}
