package graph

// Kind tells what sort of type a [Type] is.
type Kind uint8

// The kinds of [Type]. The zero Kind is invalid.
const (
	EntityType    Kind = iota + 1 // an EntityType: has a key, may hold navigation properties
	ComplexType                   // a ComplexType: a structured value without identity
	EnumType                      // an EnumType: one of named members
	PrimitiveType                 // an Edm primitive, such as Edm.String
)

// String returns the CSDL spelling of k ("EntityType", "ComplexType", "EnumType", "PrimitiveType").
func (k Kind) String() string {
	switch k {
	case EntityType:
		return "EntityType"
	case ComplexType:
		return "ComplexType"
	case EnumType:
		return "EnumType"
	case PrimitiveType:
		return "PrimitiveType"
	}
	return "Kind(invalid)"
}
