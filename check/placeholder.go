package check

import "strings"

// placeholder reports whether s is a value documentation pages put where a
// real one belongs, and says what kind: a type name ("String", "Int32"), a
// "Display Name value" filler, an "a | b | c" list of allowed values, or an
// angle-bracketed "<access-token>".
func placeholder(s string) (what string, ok bool) {
	// Every placeholder starts with a capital letter or '<', or lists values
	// with '|': most real values are rejected here, at once.
	if s == "" || !(s[0] >= 'A' && s[0] <= 'Z' || s[0] == '<') && strings.IndexByte(s, '|') < 0 && s != "string" {
		return "", false
	}
	base := s
	if s[len(s)-1] == ')' {
		if i := strings.Index(s, " ("); i > 0 {
			base = s[:i] // "String (identifier)", "Int32 (enum)"
		}
	}
	if isEdmName(strings.TrimPrefix(base, "Edm.")) {
		return "a type name", true
	}
	if strings.HasSuffix(s, " value") && len(s) > len(" value") && isTitleWords(s[:len(s)-len(" value")]) {
		return `a "… value" filler`, true
	}
	if strings.Count(s, " | ") >= 1 && !strings.ContainsAny(s, "/:{}") {
		return "a list of the allowed values", true
	}
	if len(s) > 2 && s[0] == '<' && s[len(s)-1] == '>' && !strings.ContainsAny(s[1:len(s)-1], "<> ") && !redactedToken(s) {
		return "an angle-bracketed placeholder", true
	}
	return "", false
}

// isEdmName reports whether s is a type name that docs write in place of a
// value. Every capitalised string value passes here (enum members such as
// "Running" among them), and a switch costs no hashing, which in wasm is
// slow.
func isEdmName(s string) bool {
	switch s {
	case "String", "string", "Int16", "Int32", "Int64", "Boolean", "Double", "Single", "Decimal", "Guid",
		"DateTimeOffset", "Date", "Duration", "TimeOfDay", "Binary", "Byte", "Stream":
		return true
	}
	return false
}

// isTitleWords reports whether s is one or more words of letters, the first
// capitalised: "Display Name", "Id", "Client Context".
func isTitleWords(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ') {
			return false
		}
	}
	return true
}

// redactedToken reports whether s is "<token-N>", what opcheck's own
// redaction (package redact) writes in place of a secret: a shared link's
// text must keep the findings it had, so the mark is a redacted value, not a
// docs placeholder.
func redactedToken(s string) bool {
	n, ok := strings.CutPrefix(s, "<token-")
	n, ok2 := strings.CutSuffix(n, ">")
	if !ok || !ok2 || n == "" {
		return false
	}
	for i := 0; i < len(n); i++ {
		if n[i] < '0' || n[i] > '9' {
			return false
		}
	}
	return true
}
