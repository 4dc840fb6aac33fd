package graph

// primitives holds one shared Type per Edm primitive name.
var primitives = func() map[string]*Type {
	m := make(map[string]*Type, len(primitiveNames))
	for _, n := range primitiveNames {
		m[n] = &Type{Name: n, Short: n[len("Edm."):], Namespace: "Edm", Kind: PrimitiveType}
	}
	return m
}()

// Primitive returns the shared Type of an Edm primitive such as
// "Edm.String", "Edm.Boolean", "Edm.Int32", "Edm.Int64", "Edm.Double",
// "Edm.Guid", "Edm.DateTimeOffset" or "Edm.Duration", or nil if name is not
// one. Every model's properties point at these same values.
func Primitive(name string) *Type { return primitives[name] }
