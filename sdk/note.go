package sdk

import "strings"

// Subject names what a note is about: the JSON member, and for a
// discriminator the type asked for and the one the payload meant.
type Subject struct {
	// Property is the JSON member's name ("status", "code").
	Property string
	// Base is the short name of the type the SDK's factory was asked for
	// ("commsOperation"), and Derived the one the payload's "@odata.type"
	// meant ("playPromptOperation"); both only for the Type… cases.
	Base, Derived string
}

// Note returns one plain sentence saying what a bot using SDK l sees in
// situation c, or "" where l reads the value as a correct read would.
func Note(l Lang, c Case, s Subject) string {
	o := Of(l, c)
	switch o {
	case Typed:
		return ""
	case Base:
		return built(l, s.Base) + "; the " + s.Derived + " members go to " + extra(l, "")
	case Fail:
		return failure[l]
	case Additional:
		if c == ObjectNotObject {
			return accessor(l, s.Property) + " " + is(l) + " an empty object; the array's items go to its " + extra(l, "")
		}
		return extra(l, s.Property) + " holds the value; no typed property is set"
	case Kept:
		return accessor(l, s.Property) + " " + is(l) + " the number as written, outside the declared type"
	case Coerced:
		return accessor(l, s.Property) + " " + is(l) + " a converted value (a string parsed, or a number wrapped or truncated)"
	case Empty:
		if c == ObjectNotObject || c == NullObject {
			return accessor(l, s.Property) + " " + is(l) + " an empty object"
		}
		return accessor(l, s.Property) + " " + is(l) + " an empty list"
	case Local:
		return accessor(l, s.Property) + " " + is(l) + " read in the machine's local time zone"
	case Absent:
		if c == NullUndeclared {
			return "the member is dropped: neither a property nor " + extra(l, "") + " holds it"
		}
		return accessor(l, s.Property) + " " + is(l) + " " + nothing[l] + "; no error"
	}
	return ""
}

var failure = [numLangs]string{
	Go:         "the whole read fails: GetObjectValue returns an error and no object",
	TypeScript: "the whole read throws; no object",
	DotNet:     "deserialization throws; no object",
	Java:       "deserialization throws; no object",
	Python:     "deserialization raises; no object",
}

var nothing = [numLangs]string{Go: "nil", TypeScript: "undefined", DotNet: "null", Java: "null", Python: "None"}

// is is the verb between an accessor and what it gives: Go and Java call a
// getter, the others read a property.
func is(l Lang) string {
	if l == Go || l == Java {
		return "returns"
	}
	return "is"
}

// accessor is how a bot in SDK l reads property p.
func accessor(l Lang, p string) string {
	up := upperFirst(p)
	switch l {
	case Go:
		return "Get" + up + "()"
	case Java:
		return "get" + up + "()"
	case DotNet:
		return up
	case Python:
		return snake(p)
	}
	return p
}

// extra is the additional-data bag of SDK l, or its entry for key.
func extra(l Lang, key string) string {
	bag := [numLangs]string{Go: "GetAdditionalData()", TypeScript: "additionalData", DotNet: "AdditionalData", Java: "getAdditionalData()", Python: "additional_data"}[l]
	if key == "" {
		return bag
	}
	if l == Java {
		return bag + `.get("` + key + `")`
	}
	return bag + `["` + key + `"]`
}

// built says which object SDK l constructs for the type called short.
func built(l Lang, short string) string {
	up := upperFirst(short)
	switch l {
	case Go:
		return "a *models." + up + " is built"
	case TypeScript:
		return "the " + short + " deserializer runs"
	}
	return "a " + up + " is built"
}

// snake turns a camelCase name into the Python SDK's snake_case.
func snake(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// upperFirst is s with its first letter in upper case, as the SDKs name
// properties and classes: "status" → "Status".
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
