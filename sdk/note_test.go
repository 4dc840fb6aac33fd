package sdk

import "testing"

func TestNote(t *testing.T) {
	tests := []struct {
		name string
		lang Lang
		c    Case
		s    Subject
		want string
	}{
		{"go enum case", Go, EnumCase, Subject{Property: "status"}, "GetStatus() returns nil; no error"},
		{"ts enum case", TypeScript, EnumCase, Subject{Property: "status"}, "status is undefined; no error"},
		{"dotnet enum case reads", DotNet, EnumCase, Subject{Property: "status"}, ""},
		{"python snake", Python, IntString, Subject{Property: "clientContext"}, "client_context is None; no error"},
		{"go fails", Go, IntString, Subject{Property: "code"}, "the whole read fails: GetObjectValue returns an error and no object"},
		{"ts kept", TypeScript, IntRange, Subject{Property: "code"}, "code is the number as written, outside the declared type"},
		{"java coerced", Java, IntString, Subject{Property: "code"}, "getCode() returns a converted value (a string parsed, or a number wrapped or truncated)"},
		{"go base", Go, TypeNoHash, Subject{Base: "commsOperation", Derived: "playPromptOperation"},
			"a *models.CommsOperation is built; the playPromptOperation members go to GetAdditionalData()"},
		{"python type case reads", Python, TypeCase, Subject{Base: "commsOperation", Derived: "playPromptOperation"}, ""},
		{"ts undeclared", TypeScript, Undeclared, Subject{Property: "region"}, `additionalData["region"] holds the value; no typed property is set`},
		{"java undeclared", Java, Undeclared, Subject{Property: "region"}, `getAdditionalData().get("region") holds the value; no typed property is set`},
		{"go null undeclared", Go, NullUndeclared, Subject{Property: "region"}, "the member is dropped: neither a property nor GetAdditionalData() holds it"},
	}
	for _, tt := range tests {
		if got := Note(tt.lang, tt.c, tt.s); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestNoteEveryRow gives every row that is not Typed a sentence.
func TestNoteEveryRow(t *testing.T) {
	for _, b := range Table() {
		got := Note(b.Lang, b.Case, Subject{Property: "p", Base: "b", Derived: "d"})
		if (got == "") != (b.Outcome == Typed) {
			t.Errorf("%s %s (%s): got %q", b.Lang, b.Case, b.Outcome, got)
		}
	}
}
