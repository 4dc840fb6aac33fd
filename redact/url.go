package redact

import "strings"

// URL credentials. A signed URL is as good as the token it carries, so the
// values of query parameters that sign or authorise a request, and the
// userinfo of a URL (user:password@), become token placeholders, while the
// rest of the URL (scheme, host, path, other parameters) stays readable.

// credentialParams are the query parameters (compared without regard to
// case) whose values are credentials: OAuth (code, access_token, ...), S3
// and GCS signed URLs (X-Amz-*, X-Goog-*), Azure shared access signatures
// (sig and the parameters that scope and date it: sv, se, sp, sr, spr, st,
// and the user-delegation key's skoid, sktid, skt, ske, sks, skv, ...), and
// Graph's subscription validationToken.
var credentialParams = [...]string{
	"sig", "signature", "token", "access_token", "refresh_token", "id_token", "code",
	"client_secret", "password", "key", "apikey", "api_key", "validationtoken",
	"x-amz-signature", "x-amz-credential", "x-amz-security-token",
	"x-goog-signature", "x-goog-credential",
	"sv", "se", "sp", "sr", "spr", "st", "si", "ss", "srt", "ses",
	"skoid", "sktid", "skt", "ske", "sks", "skv", "saoid", "suoid", "scid", "sdd",
}

// ampEscape is "&" as JSON writers that escape HTML (Go's encoding/json
// among them) spell it inside strings.
const ampEscape = `\u0026`

// queryParamAt recognises a credential query parameter at s[i], which is
// "?" or "&" (or ampEscape): it returns the extent of the parameter's value,
// or -1. The value ends at the next "&", "#", quote, backslash, space or
// angle bracket (a token placeholder, "<token-N>", is taken whole), so that
// JSON around it stays intact.
func queryParamAt(s string, i int) (start, end int) {
	j := i + 1
	if s[i] == '\\' {
		if !strings.HasPrefix(s[i:], ampEscape) {
			return -1, -1
		}
		j = i + len(ampEscape)
	}
	k := j
	for k < len(s) && k-j <= 20 && (isWord(s[k]) || s[k] == '-') {
		k++
	}
	if k == j || k >= len(s) || s[k] != '=' || !isCredentialParam(s[j:k]) {
		return -1, -1
	}
	vs := k + 1
	if e := tokenPlaceholderAt(s, vs); e > 0 {
		return vs, e
	}
	ve := vs
	for ve < len(s) && !endsQueryValue(s[ve]) {
		ve++
	}
	if ve == vs {
		return -1, -1
	}
	return vs, ve
}

func isCredentialParam(name string) bool {
	for _, p := range credentialParams {
		if len(p) == len(name) && strings.EqualFold(p, name) {
			return true
		}
	}
	return false
}

func endsQueryValue(c byte) bool {
	switch c {
	case '&', '#', '"', '\'', '\\', '<', '>', ' ', ',', ';', ')', ']', '}':
		return true
	}
	return c < 0x20 || c == 0x7f
}

// userinfoAt recognises the userinfo of a URL whose scheme starts at s[i]
// ("https://user:pass@host", also with JSON's escaped slashes, ":\/\/") and
// returns its extent, up to the "@", or -1. It looks at most 512 bytes
// past the "//", which keeps long text without an "@" linear. JSON's \uXXXX escapes may
// stand inside it.
func userinfoAt(s string, i int) (start, end int) {
	j := i
	for j < len(s) && j-i < 16 && (isAlnum(s[j]) || s[j] == '+' || s[j] == '.' || s[j] == '-') {
		j++
	}
	if !isAlpha(s[i]) {
		return -1, -1
	}
	switch {
	case strings.HasPrefix(s[j:], "://"):
		j += 3
	case strings.HasPrefix(s[j:], `:\/\/`):
		j += 5
	default:
		return -1, -1
	}
	if e := tokenPlaceholderAt(s, j); e > 0 {
		if e < len(s) && s[e] == '@' {
			return j, e
		}
		return -1, -1
	}
	for k := j; k < len(s) && k-j <= 512; k++ {
		switch c := s[k]; {
		case c == '\\' && escapeLen(s, k) == 6:
			k += 5 // a \uXXXX escape, as JSON writers spell "&" or "<"
		case c == '@':
			if k == j {
				return -1, -1
			}
			return j, k
		case c == '/' || c == '?' || c == '#' || c == '\\' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '[' || c == ']' || c <= ' ' || c == 0x7f:
			return -1, -1
		}
	}
	return -1, -1
}
