package sdk

// Lang names one Graph SDK.
type Lang uint8

// The SDKs the table describes, in the order [Langs] lists them.
const (
	Go Lang = iota
	TypeScript
	DotNet
	Java
	Python
	numLangs
)

// Langs returns every SDK, in table order.
func Langs() []Lang { return []Lang{Go, TypeScript, DotNet, Java, Python} }

var langNames = [numLangs]string{"go", "typescript", "dotnet", "java", "python"}

// String returns the SDK's short name: "go", "typescript", "dotnet", "java"
// or "python", the keys of a diagnostic's "sdk" object.
func (l Lang) String() string {
	if l < numLangs {
		return langNames[l]
	}
	return "Lang(invalid)"
}

// ParseLang returns the SDK called name (as [Lang.String] spells it).
func ParseLang(name string) (Lang, bool) {
	for i, n := range langNames {
		if n == name {
			return Lang(i), true
		}
	}
	return 0, false
}

// Versions names, per SDK, the libraries and versions (or source commits)
// the table was read from.
var Versions = [numLangs]string{
	Go:         "msgraph-sdk-go v1.89.0 + kiota-serialization-json-go v1.1.2",
	TypeScript: "@microsoft/msgraph-sdk 1.0.0-preview.90 + @microsoft/kiota-serialization-json 1.0.0-preview.109",
	DotNet:     "Microsoft.Graph v5 (msgraph-sdk-dotnet 018e9b05) + Microsoft.Kiota.Serialization.Json (kiota-dotnet 00a2279c; abstractions 17afac7a)",
	Java:       "msgraph-sdk-java 4d9470bf + kiota-java components/serialization/json (kiota-java 0a0243d3)",
	Python:     "msgraph-sdk-python 0551c983 + kiota-serialization-json (kiota-python 060e361c)",
}

// Case is a situation in which an SDK may read a JSON value differently
// from a correct OData read.
type Case uint8

// The situations the table covers.
const (
	TypeNoHash         Case = iota // "@odata.type" names a derived type without the leading "#"
	TypeCase                       // "@odata.type" names a derived type in another case
	TypeNotString                  // "@odata.type" is not a string
	TypeUnknown                    // "@odata.type" names no type the SDK derives from the one asked for
	EnumCase                       // an enum member in another case, beyond the first letter
	EnumFirstLetter                // an enum member whose first letter alone is in another case
	EnumUnknown                    // a string that is no member of the enum
	EnumNotString                  // a number, boolean, object or array where an enum member is expected
	IntString                      // an integer written as a string ("500")
	IntText                        // a string that is no number where an integer is expected
	IntRange                       // an integer outside the property's range (Edm.Int32: -2^31..2^31-1)
	IntFraction                    // a number with a fraction where an integer is expected
	IntBool                        // true or false where an integer is expected
	DoubleString                   // a number written as a string where Edm.Double is expected
	BoolString                     // a string ("true") where a boolean is expected
	StringNotString                // a number or boolean where a string is expected
	NullDeclared                   // null for a declared property that is no structured value
	NullObject                     // null for a declared structured (complex or entity) property
	NullUndeclared                 // null for a property the type does not declare
	Undeclared                     // a value for a property the type does not declare
	ObjectNotObject                // an array where a structured value is expected
	CollectionNotArray             // a single value where a collection of structured values is expected
	EnumsNotArray                  // a single value where a collection of enum members is expected
	NullEnums                      // null for a collection of enum members
	DateNoOffset                   // an Edm.DateTimeOffset without a time-zone offset
	DateInvalid                    // an Edm.DateTimeOffset that is no date
	GuidInvalid                    // an Edm.Guid that is no GUID
	numCases
)

var caseNames = [numCases]string{
	"type-no-hash", "type-case", "type-not-string", "type-unknown", "enum-case", "enum-first-letter", "enum-unknown",
	"enum-not-string", "int-string", "int-text", "int-range", "int-fraction", "int-bool", "double-string",
	"bool-string", "string-not-string", "null-declared", "null-object", "null-undeclared", "undeclared",
	"object-not-object", "collection-not-array", "enums-not-array", "null-enums", "date-no-offset", "date-invalid", "guid-invalid",
}

// String returns the situation's name, as docs/sdk.md lists it.
func (c Case) String() string {
	if c < numCases {
		return caseNames[c]
	}
	return "Case(invalid)"
}

// Outcome is what an SDK makes of a value in one situation.
type Outcome uint8

// The outcomes.
const (
	Typed      Outcome = iota + 1 // read as the declared type, as a correct read would
	Absent                        // the property reads as nil / undefined / null / None, with no error
	Additional                    // the value is kept, untyped, in the object's additional data
	Fail                          // the whole read fails (an error or an exception)
	Kept                          // the number is kept as written, though outside the declared type
	Coerced                       // converted to another value of the declared type (a wrapped or truncated number, a parsed string)
	Empty                         // an empty object or collection stands in for the value
	Base                          // the base type asked for is built, and the derived type's members go to additional data
	Local                         // read, with the machine's local time zone supplied
)

var outcomeNames = [...]string{"", "typed", "absent", "additional", "fail", "kept", "coerced", "empty", "base", "local"}

// String returns the outcome's name.
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) && o != 0 {
		return outcomeNames[o]
	}
	return "Outcome(invalid)"
}

// Behaviour is one row of the table: what SDK Lang does in situation Case,
// and the source it was read from (file and function of the library at the
// version in [Versions]), in our words.
type Behaviour struct {
	Lang     Lang
	Case     Case
	Outcome  Outcome
	Evidence string
}

// Table returns every row, grouped by situation. The slice is shared:
// callers must not modify it.
func Table() []Behaviour { return table }

// Of returns what SDK l does in situation c. It reads outcomeCodes, a
// compact copy of the table's outcomes (go test ./sdk -update writes it), so
// that a program asking only for outcomes does not link the evidence text.
func Of(l Lang, c Case) Outcome {
	if l >= numLangs || c >= numCases {
		return 0
	}
	return Outcome(outcomeCodes[int(c)*int(numLangs)+int(l)] - '0')
}

// Evidence file names, shortened in the rows below.
const (
	goNode   = "kiota-serialization-json-go json_parse_node.go "
	goUtil   = "kiota-serialization-json-go util.go "
	goModels = "msgraph-sdk-go models/"
	tsNode   = "kiota-serialization-json src/jsonParseNode "
	tsModels = "msgraph-sdk models/index "
	csNode   = "Microsoft.Kiota.Serialization.Json JsonParseNode.cs "
	csEnum   = "Microsoft.Kiota.Abstractions Helpers/EnumHelpers.cs "
	csModels = "msgraph-sdk-dotnet src/Microsoft.Graph/Generated/Models/"
	jvNode   = "kiota-java serialization/json JsonParseNode.java "
	jvModels = "msgraph-sdk-java src/main/java/com/microsoft/graph/generated/models/"
	pyNode   = "kiota_serialization_json json_parse_node.py "
	pyModels = "msgraph-sdk-python msgraph/generated/models/"
)

var table = []Behaviour{
	{Go, TypeNoHash, Base, goModels + "comms_operation.go CreateCommsOperationFromDiscriminatorValue: switch on the exact string \"#microsoft.graph.…\", default NewCommsOperation()"},
	{TypeScript, TypeNoHash, Base, tsModels + "createCommsOperationFromDiscriminatorValue: switch on the exact \"#microsoft.graph.…\" string, default deserializeIntoCommsOperation"},
	{DotNet, TypeNoHash, Base, csModels + "CommsOperation.cs CreateFromDiscriminatorValue: switch expression on the exact \"#microsoft.graph.…\" string, default new CommsOperation()"},
	{Java, TypeNoHash, Base, jvModels + "CommsOperation.java createFromDiscriminatorValue: switch on the exact \"#microsoft.graph.…\" string, default new CommsOperation()"},
	{Python, TypeNoHash, Base, pyModels + "comms_operation.py create_from_discriminator_value: compares casefold() of the value with casefold() of \"#microsoft.graph.…\"; the \"#\" is still needed"},

	{Go, TypeCase, Base, goModels + "comms_operation.go CreateCommsOperationFromDiscriminatorValue: Go switch, case-sensitive"},
	{TypeScript, TypeCase, Base, tsModels + "createCommsOperationFromDiscriminatorValue: JavaScript switch, case-sensitive"},
	{DotNet, TypeCase, Base, csModels + "CommsOperation.cs CreateFromDiscriminatorValue: C# switch on strings, ordinal"},
	{Java, TypeCase, Base, jvModels + "CommsOperation.java createFromDiscriminatorValue: Java switch on strings, case-sensitive"},
	{Python, TypeCase, Typed, pyModels + "comms_operation.py create_from_discriminator_value: casefold() on both sides, so any case matches"},

	{Go, TypeNotString, Fail, goModels + "comms_operation.go CreateCommsOperationFromDiscriminatorValue returns GetStringValue's error (" + goNode + "GetStringValue: type is not compatible with string)"},
	{TypeScript, TypeNotString, Base, tsNode + "getStringValue returns undefined for a non-string, and the factory falls back to the base"},
	{DotNet, TypeNotString, Base, csNode + "GetStringValue returns null unless ValueKind is String; the switch's default builds the base"},
	{Java, TypeNotString, Base, jvNode + "getStringValue returns getAsString() of a primitive (\"5\"), which matches no case"},
	{Python, TypeNotString, Base, pyNode + "get_str_value returns None for a non-str; the factory builds the base"},

	{Go, TypeUnknown, Base, goModels + "comms_operation.go CreateCommsOperationFromDiscriminatorValue: no case matches, NewCommsOperation()"},
	{TypeScript, TypeUnknown, Base, tsModels + "createCommsOperationFromDiscriminatorValue: no case matches, deserializeIntoCommsOperation"},
	{DotNet, TypeUnknown, Base, csModels + "CommsOperation.cs CreateFromDiscriminatorValue: the switch's default arm, new CommsOperation()"},
	{Java, TypeUnknown, Base, jvModels + "CommsOperation.java createFromDiscriminatorValue: no case matches, new CommsOperation()"},
	{Python, TypeUnknown, Base, pyModels + "comms_operation.py create_from_discriminator_value: no comparison holds, CommsOperation()"},

	{Go, EnumCase, Absent, goModels + "operation_status.go ParseOperationStatus: exact switch, default returns nil, nil"},
	{TypeScript, EnumCase, Absent, "kiota-abstractions src/utils/enumUtils getEnumValueFromStringValue: exact lookup of the value in the enum object, undefined otherwise"},
	{DotNet, EnumCase, Typed, csEnum + "GetEnumValue<T>: Enum.TryParse with ignoreCase true"},
	{Java, EnumCase, Absent, jvNode + "getEnumValueInt calls the enum's forValue, an exact switch whose default is null"},
	{Python, EnumCase, Absent, pyNode + "get_enum_value: upper-cases the first letter only, then looks the member up by name (KeyError gives None)"},

	{Go, EnumFirstLetter, Absent, goModels + "operation_status.go ParseOperationStatus: exact switch, default returns nil, nil"},
	{TypeScript, EnumFirstLetter, Absent, "kiota-abstractions src/utils/enumUtils getEnumValueFromStringValue: exact lookup, undefined otherwise"},
	{DotNet, EnumFirstLetter, Typed, csEnum + "GetEnumValue<T>: Enum.TryParse with ignoreCase true"},
	{Java, EnumFirstLetter, Absent, jvNode + "getEnumValueInt: forValue is an exact switch, default null"},
	{Python, EnumFirstLetter, Typed, pyNode + "get_enum_value: raw_key[0].upper() + raw_key[1:] is the member's Python name"},

	{Go, EnumUnknown, Absent, goModels + "operation_status.go ParseOperationStatus: default branch returns nil, nil (no error)"},
	{TypeScript, EnumUnknown, Absent, "kiota-abstractions src/utils/enumUtils getEnumValueFromStringValue: undefined when no member has the value"},
	{DotNet, EnumUnknown, Absent, csEnum + "GetEnumValue<T>: TryParse fails, null"},
	{Java, EnumUnknown, Absent, jvNode + "getEnumValueInt: forValue's default returns null"},
	{Python, EnumUnknown, Absent, pyNode + "get_enum_value: KeyError caught, None"},

	{Go, EnumNotString, Fail, goNode + "GetEnumValue calls GetStringValue, which errors for a non-string; GetObjectValue returns the error"},
	{TypeScript, EnumNotString, Absent, tsNode + "getEnumValue: getStringValue is undefined for a non-string, so undefined"},
	{DotNet, EnumNotString, Fail, csNode + "GetEnumValue<T> calls JsonElement.GetString(), which throws InvalidOperationException for a number or boolean"},
	{Java, EnumNotString, Absent, jvNode + "getEnumValue: getStringValue gives \"5\" for a number, which forValue does not know: null"},
	{Python, EnumNotString, Absent, pyNode + "get_enum_value: str() of the value names no member, None"},

	{Go, IntString, Fail, goUtil + "as: a string is not convertible to int32, \"value '500' is not compatible with type int32\""},
	{TypeScript, IntString, Absent, tsNode + "getNumberValue: undefined unless typeof is number"},
	{DotNet, IntString, Absent, csNode + "GetIntValue: null unless ValueKind is Number"},
	{Java, IntString, Coerced, jvNode + "getIntegerValue: Gson getAsInt() parses a string primitive with Integer.parseInt"},
	{Python, IntString, Absent, pyNode + "get_int_value: None unless isinstance(node, int)"},

	{Go, IntText, Fail, goUtil + "as: a string is not convertible to int32"},
	{TypeScript, IntText, Absent, tsNode + "getNumberValue: undefined unless typeof is number"},
	{DotNet, IntText, Absent, csNode + "GetIntValue: null unless ValueKind is Number"},
	{Java, IntText, Fail, jvNode + "getIntegerValue: Gson getAsInt() throws NumberFormatException"},
	{Python, IntText, Absent, pyNode + "get_int_value: None unless isinstance(node, int)"},

	{Go, IntRange, Fail, goUtil + "isCompatibleInt: outside numericTypeRanges[Int32] the value is not compatible; GetObjectValue returns the error"},
	{TypeScript, IntRange, Kept, tsNode + "getNumberValue returns any JavaScript number, unchecked"},
	{DotNet, IntRange, Fail, csNode + "GetIntValue: JsonElement.Deserialize of an Int32 throws for a number out of range"},
	{Java, IntRange, Coerced, jvNode + "getIntegerValue: Gson's LazilyParsedNumber.intValue() falls back to Long.parseLong(...).intValue(), which wraps"},
	{Python, IntRange, Kept, pyNode + "get_int_value returns any Python int, unbounded"},

	{Go, IntFraction, Fail, goUtil + "isCompatibleInt: hasDecimalPlace rejects a fraction for an integer type"},
	{TypeScript, IntFraction, Kept, tsNode + "getNumberValue returns the number with its fraction"},
	{DotNet, IntFraction, Fail, csNode + "GetIntValue: Deserialize of an Int32 throws for 1.5"},
	{Java, IntFraction, Coerced, jvNode + "getIntegerValue: Gson intValue() of 1.5 goes through BigDecimal and truncates"},
	{Python, IntFraction, Absent, pyNode + "get_int_value: a float is no int, None"},

	{Go, IntBool, Fail, goUtil + "as: bool is not convertible to int32"},
	{TypeScript, IntBool, Absent, tsNode + "getNumberValue: undefined unless typeof is number"},
	{DotNet, IntBool, Absent, csNode + "GetIntValue: null unless ValueKind is Number"},
	{Java, IntBool, Fail, jvNode + "getIntegerValue: Gson getAsInt() parses \"true\" with Integer.parseInt and throws"},
	{Python, IntBool, Kept, pyNode + "get_int_value: isinstance(True, int) holds in Python, so the bool is kept"},

	{Go, DoubleString, Fail, goUtil + "as: a string is not convertible to float64"},
	{TypeScript, DoubleString, Absent, tsNode + "getNumberValue: undefined unless typeof is number"},
	{DotNet, DoubleString, Absent, csNode + "GetDoubleValue: null unless ValueKind is Number"},
	{Java, DoubleString, Coerced, jvNode + "getDoubleValue: Gson getAsDouble() parses a string primitive"},
	{Python, DoubleString, Absent, pyNode + "get_float_value: None unless float or int"},

	{Go, BoolString, Fail, goNode + "GetBoolValue: type is not compatible with type bool"},
	{TypeScript, BoolString, Absent, tsNode + "getBooleanValue: undefined unless typeof is boolean"},
	{DotNet, BoolString, Absent, csNode + "GetBoolValue: null unless ValueKind is True or False"},
	{Java, BoolString, Coerced, jvNode + "getBooleanValue: Gson getAsBoolean() is Boolean.parseBoolean of the string (anything but \"true\" is false)"},
	{Python, BoolString, Absent, pyNode + "get_bool_value: None unless isinstance(node, bool)"},

	{Go, StringNotString, Fail, goNode + "GetStringValue: type is not compatible with type string"},
	{TypeScript, StringNotString, Absent, tsNode + "getStringValue: undefined unless typeof is string"},
	{DotNet, StringNotString, Absent, csNode + "GetStringValue: null unless ValueKind is String"},
	{Java, StringNotString, Coerced, jvNode + "getStringValue: getAsString() of any primitive (5 becomes \"5\")"},
	{Python, StringNotString, Absent, pyNode + "get_str_value: None unless isinstance(node, str)"},

	{Go, NullDeclared, Absent, goNode + "loadJsonTree makes null a nil node; every Get…Value returns nil, nil for it"},
	{TypeScript, NullDeclared, Absent, tsNode + "get…Value of null is undefined (typeof checks fail)"},
	{DotNet, NullDeclared, Absent, csNode + "AssignFieldValues: a declared property whose value is Null is skipped"},
	{Java, NullDeclared, Absent, jvNode + "assignFieldValues: fieldValue.isJsonNull() continues"},
	{Python, NullDeclared, Absent, pyNode + "_assign_field_values: a declared field whose value is None is skipped"},

	{Go, NullObject, Absent, goNode + "GetObjectValue returns nil, nil for a nil node"},
	{TypeScript, NullObject, Empty, tsNode + "getObjectValue builds the object before assignFieldValues returns early on a falsy node: an empty object"},
	{DotNet, NullObject, Absent, csNode + "AssignFieldValues: a declared property whose value is Null is skipped"},
	{Java, NullObject, Absent, jvNode + "assignFieldValues: fieldValue.isJsonNull() continues"},
	{Python, NullObject, Absent, pyNode + "_assign_field_values: a declared field whose value is None is skipped"},

	{Go, NullUndeclared, Absent, goNode + "GetObjectValue: an undeclared key goes to additional data only if its node is not nil, so null is dropped"},
	{TypeScript, NullUndeclared, Additional, tsNode + "assignFieldValues: additionalData[k] = v, null included"},
	{DotNet, NullUndeclared, Additional, csNode + "AssignFieldValues: TryAdd(name, TryGetAnything(value)), null for Null"},
	{Java, NullUndeclared, Absent, jvNode + "assignFieldValues: isJsonNull() continues before the additional-data branch"},
	{Python, NullUndeclared, Additional, pyNode + "_assign_field_values: item_additional_data[name] = try_get_anything(None)"},

	{Go, Undeclared, Additional, goNode + "GetObjectValue: a key without a field deserializer goes to GetAdditionalData() as GetRawValue()"},
	{TypeScript, Undeclared, Additional, tsNode + "assignFieldValues: a key without a deserializer goes to additionalData"},
	{DotNet, Undeclared, Additional, csNode + "AssignFieldValues: a name without a deserializer goes to AdditionalData"},
	{Java, Undeclared, Additional, jvNode + "assignFieldValues: a key without a deserializer goes to getAdditionalData()"},
	{Python, Undeclared, Additional, pyNode + "_assign_field_values: a name without a deserializer goes to additional_data"},

	{Go, ObjectNotObject, Empty, goNode + "GetObjectValue: the factory builds the object, and a non-map value assigns no field"},
	{TypeScript, ObjectNotObject, Additional, tsNode + "assignFieldValues: Object.entries of an array gives its indexes, each kept in additionalData"},
	{DotNet, ObjectNotObject, Empty, csNode + "AssignFieldValues returns unless ValueKind is Object"},
	{Java, ObjectNotObject, Empty, jvNode + "assignFieldValues does nothing unless isJsonObject()"},
	{Python, ObjectNotObject, Empty, pyNode + "_assign_field_values returns unless the node is a dict"},

	{Go, CollectionNotArray, Fail, goNode + "GetCollectionOfObjectValues / GetCollectionOfPrimitiveValues: \"value is not a collection\""},
	{TypeScript, CollectionNotArray, Absent, tsNode + "getCollectionOfObjectValues / getCollectionOfPrimitiveValues: undefined unless Array.isArray"},
	{DotNet, CollectionNotArray, Empty, csNode + "GetCollectionOfObjectValues yields nothing unless ValueKind is Array"},
	{Java, CollectionNotArray, Absent, jvNode + "getCollectionOfObjectValues returns null for a non-array (primitives and enums throw instead)"},
	{Python, CollectionNotArray, Empty, pyNode + "get_collection_of_object_values returns [] for a non-list"},

	{Go, EnumsNotArray, Fail, goNode + "GetCollectionOfEnumValues: \"value is not a collection\""},
	{TypeScript, EnumsNotArray, Empty, tsNode + "getCollectionOfEnumValues returns [] unless Array.isArray"},
	{DotNet, EnumsNotArray, Empty, csNode + "GetCollectionOfEnumValues yields nothing unless ValueKind is Array"},
	{Java, EnumsNotArray, Fail, jvNode + "getCollectionOfEnumValues throws \"invalid state expected to have an array node\""},
	{Python, EnumsNotArray, Empty, pyNode + "get_collection_of_enum_values returns [] for a non-list"},

	{Go, NullEnums, Absent, goNode + "GetCollectionOfEnumValues returns nil, nil for a nil node"},
	{TypeScript, NullEnums, Empty, tsNode + "getCollectionOfEnumValues returns [] for null, which is no array"},
	{DotNet, NullEnums, Absent, csNode + "AssignFieldValues: a declared property whose value is Null is skipped"},
	{Java, NullEnums, Absent, jvNode + "assignFieldValues: fieldValue.isJsonNull() continues"},
	{Python, NullEnums, Absent, pyNode + "_assign_field_values: a declared field whose value is None is skipped"},

	{Go, DateNoOffset, Local, goNode + "GetTimeValue: a 19-character value gets time.Now()'s offset appended before time.Parse(RFC3339)"},
	{TypeScript, DateNoOffset, Local, tsNode + "getDateValueFromRaw: new Date(string) reads a date-time without offset as local time"},
	{DotNet, DateNoOffset, Local, csNode + "GetDateTimeOffsetValue: DateTimeOffset parsing assumes the local offset"},
	{Java, DateNoOffset, Fail, jvNode + "getOffsetDateTimeValue: OffsetDateTime.parse throws DateTimeParseException without an offset"},
	{Python, DateNoOffset, Typed, pyNode + "get_datetime_value: datetime_from_iso_format_compat gives a naive datetime"},

	{Go, DateInvalid, Fail, goNode + "GetTimeValue returns time.Parse's error, and GetObjectValue with it"},
	{TypeScript, DateInvalid, Coerced, tsNode + "getDateValueFromRaw: new Date(\"…\") gives an Invalid Date object, no error"},
	{DotNet, DateInvalid, Absent, csNode + "GetDateTimeOffsetValue: DateTimeOffset.TryParse fails, null"},
	{Java, DateInvalid, Fail, jvNode + "getOffsetDateTimeValue: OffsetDateTime.parse throws"},
	{Python, DateInvalid, Fail, pyNode + "get_datetime_value: datetime_from_iso_format_compat raises ValueError"},

	{Go, GuidInvalid, Fail, goNode + "GetUUIDValue returns uuid.Parse's error"},
	{TypeScript, GuidInvalid, Absent, "kiota-abstractions src/utils/guidUtils parseGuidString: undefined unless the validator matches"},
	{DotNet, GuidInvalid, Fail, csNode + "GetGuidValue: TryGetGuid fails, then Deserialize of a Guid throws"},
	{Java, GuidInvalid, Fail, jvNode + "getUUIDValue: UUID.fromString throws IllegalArgumentException"},
	{Python, GuidInvalid, Fail, pyNode + "get_uuid_value: UUID(str) raises ValueError"},
}
