package sdk

import (
	"strings"
	"testing"
)

// TestTableComplete holds the table to exactly one row per SDK and
// situation, each with evidence from that SDK's own libraries.
func TestTableComplete(t *testing.T) {
	libs := [numLangs][]string{
		Go:         {"kiota-serialization-json-go", "msgraph-sdk-go"},
		TypeScript: {"kiota-serialization-json", "kiota-abstractions", "msgraph-sdk"},
		DotNet:     {"Microsoft.Kiota", "msgraph-sdk-dotnet"},
		Java:       {"kiota-java", "msgraph-sdk-java"},
		Python:     {"kiota_serialization_json", "msgraph-sdk-python"},
	}
	var seen [numCases][numLangs]int
	for _, b := range Table() {
		seen[b.Case][b.Lang]++
		if b.Outcome == 0 || int(b.Outcome) >= len(outcomeNames) {
			t.Errorf("%s %s: invalid outcome %d", b.Lang, b.Case, b.Outcome)
		}
		ok := false
		for _, lib := range libs[b.Lang] {
			ok = ok || strings.HasPrefix(b.Evidence, lib)
		}
		if !ok {
			t.Errorf("%s %s: evidence %q names none of %v", b.Lang, b.Case, b.Evidence, libs[b.Lang])
		}
	}
	for c := Case(0); c < numCases; c++ {
		for _, l := range Langs() {
			if seen[c][l] != 1 {
				t.Errorf("%s %s: got %d rows, want 1", l, c, seen[c][l])
			}
		}
	}
}

// TestTablePinned pins the rows of the SDKs that cannot run here (.NET,
// Java, Python) and the ones the issue measured, each with the words of its
// evidence that the outcome rests on: changing a row means reading the
// source again.
func TestTablePinned(t *testing.T) {
	tests := []struct {
		lang     Lang
		c        Case
		want     Outcome
		evidence string
	}{
		{Go, EnumCase, Absent, "default returns nil, nil"},
		{Go, IntString, Fail, "not compatible with type int32"},
		{Go, IntRange, Fail, "numericTypeRanges"},
		{Go, TypeNoHash, Base, "exact string"},
		{TypeScript, IntString, Absent, "typeof is number"},
		{TypeScript, IntRange, Kept, "unchecked"},
		{TypeScript, TypeCase, Base, "case-sensitive"},
		{DotNet, EnumCase, Typed, "ignoreCase true"},
		{DotNet, EnumUnknown, Absent, "TryParse fails"},
		{DotNet, IntString, Absent, "ValueKind is Number"},
		{DotNet, IntRange, Fail, "throws"},
		{DotNet, TypeCase, Base, "ordinal"},
		{DotNet, NullUndeclared, Additional, "TryAdd"},
		{DotNet, GuidInvalid, Fail, "throws"},
		{Java, EnumCase, Absent, "forValue"},
		{Java, IntString, Coerced, "Integer.parseInt"},
		{Java, IntRange, Coerced, "wraps"},
		{Java, IntText, Fail, "NumberFormatException"},
		{Java, NullUndeclared, Absent, "isJsonNull"},
		{Java, DateNoOffset, Fail, "OffsetDateTime.parse"},
		{Python, TypeCase, Typed, "casefold"},
		{Python, TypeNoHash, Base, "\"#\" is still needed"},
		{Python, EnumFirstLetter, Typed, "raw_key[0].upper()"},
		{Python, EnumCase, Absent, "first letter only"},
		{Python, IntRange, Kept, "unbounded"},
		{Python, IntBool, Kept, "isinstance(True, int)"},
		{Python, GuidInvalid, Fail, "ValueError"},
	}
	for _, tt := range tests {
		if got := Of(tt.lang, tt.c); got != tt.want {
			t.Errorf("Of(%s, %s) = %s, want %s", tt.lang, tt.c, got, tt.want)
		}
		for _, b := range Table() {
			if b.Lang == tt.lang && b.Case == tt.c && !strings.Contains(b.Evidence, tt.evidence) {
				t.Errorf("%s %s: evidence %q lacks %q", tt.lang, tt.c, b.Evidence, tt.evidence)
			}
		}
	}
}

func TestParseLang(t *testing.T) {
	for _, l := range Langs() {
		got, ok := ParseLang(l.String())
		if !ok || got != l {
			t.Errorf("ParseLang(%q) = %v, %v; want %v, true", l.String(), got, ok, l)
		}
	}
	if _, ok := ParseLang("rust"); ok {
		t.Error(`ParseLang("rust") succeeded`)
	}
}
