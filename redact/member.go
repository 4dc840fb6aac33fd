package redact

import "strings"

// memberClass is what the string value of a JSON member holds.
type memberClass int

const (
	notSensitive memberClass = iota
	personal                 // a name, address or number of a person
	secret                   // a credential or shared secret
	mediaURL                 // the address of a recording or of media
)

// personalMembers and secretMembers are the JSON member names (compared
// without regard to case) whose string values are replaced whole.
var (
	personalMembers = [...]string{
		"displayName", "givenName", "surname", "firstName", "lastName", "fullName",
		"nickname", "mailNickname", "preferredName", "userName",
		"userPrincipalName", "upn", "mail", "email", "emailAddress",
		"phone", "mobilePhone", "businessPhone",
	}
	secretMembers = [...]string{
		"clientState", "validationToken", "accessToken", "access_token", "refreshToken",
		"refresh_token", "idToken", "id_token", "clientSecret", "client_secret",
		"password", "secret", "token", "apiKey", "api_key", "authorization",
		"passcode", // joinMeetingIdMeetingInfo: with the meeting id it lets anyone join
		"blob",     // appHostedMediaConfig: the media stack's opaque session configuration
	}
	// mediaURLMembers hold where a recording or media lives. Such URLs are
	// commonly signed, and even unsigned they point at a call's audio:
	// recordOperation.recordingLocation (the recorded file), mediaInfo.uri
	// (a prompt's audio), liveCaptionOptions.streamUrl (beta: where
	// captions stream to), and, from the meeting recording and transcript
	// resources people paste beside them, recordingContentUrl,
	// transcriptContentUrl, contentUrl and contentLocation. callbackUri and
	// inviteUri are left: they name the bot's own endpoint, which a reader
	// of a shared payload needs, and their credentials go with the query rule.
	mediaURLMembers = [...]string{
		"recordingLocation", "uri", "streamUrl", "recordingContentUrl",
		"transcriptContentUrl", "contentUrl", "contentLocation",
	}
)

func classify(name string) memberClass {
	if len(name) < 3 || len(name) > 20 {
		return notSensitive // shorter or longer than every name listed
	}
	for _, m := range personalMembers {
		if len(m) == len(name) && strings.EqualFold(name, m) {
			return personal
		}
	}
	for _, m := range secretMembers {
		if len(m) == len(name) && strings.EqualFold(name, m) {
			return secret
		}
	}
	for _, m := range mediaURLMembers {
		if len(m) == len(name) && strings.EqualFold(name, m) {
			return mediaURL
		}
	}
	return notSensitive
}

// member recognises a sensitive JSON member at s[i]: "name": "value", or the
// same with every quote escaped (\"name\": \"value\"), as when a log line
// carries JSON inside a string, or with a bare name (name="value", as in
// logs); "=" may stand for ":". It replaces the value's content, leaving the
// quotes, and returns the end of the value, or -1.
func (r *redactor) member(i int) int {
	s := r.s
	q := ""
	switch {
	case s[i] == '"':
		q = `"`
	case s[i] == '\\':
		q = `\"`
	}
	ks := i + len(q)
	ke := ks
	for ke < len(s) && ke-ks <= 24 && isWord(s[ke]) {
		ke++
	}
	if !strings.HasPrefix(s[ke:], q) {
		return -1
	}
	class := classify(s[ks:ke])
	if class == notSensitive {
		return -1
	}
	j := skipSpace(s, ke+len(q))
	bare := q == ""
	if bare {
		q = `"`
	}
	if j >= len(s) || s[j] != ':' && s[j] != '=' {
		return -1
	}
	j = skipSpace(s, j+1)
	if !strings.HasPrefix(s[j:], q) {
		return -1
	}
	vs := j + len(q)
	ve := stringEnd(s, vs, q == `\"`)
	if ve < 0 || bare && strings.ContainsAny(s[vs:ve], ",:[]{}") {
		// Between the quotes of a bare name's value there is always one of
		// these when the name ends a JSON string and the quotes belong to
		// two JSON strings: replacing that would break the JSON.
		return -1
	}
	if class == mediaURL && !isAbsoluteURL(s[vs:ve]) {
		return -1 // a docs placeholder or a relative path: the other rules read it
	}
	if ve > vs {
		r.replaceValue(vs, ve, class)
	}
	return ve + len(q)
}

// replaceValue replaces s[vs:ve], a member's value: a secret becomes a
// token; anything personal becomes an address, a GUID or a phone number when
// that is all it is, and a name otherwise.
func (r *redactor) replaceValue(vs, ve int, class memberClass) {
	v := r.s[vs:ve]
	switch class {
	case secret:
		r.replace(vs, ve, tokenKind, v)
		return
	case mediaURL:
		r.replace(vs, ve, urlKind, v)
		return
	}
	if isAlnum(v[0]) {
		if end, _ := emailAt(v, 0); end == len(v) {
			r.replace(vs, ve, emailKind, strings.ToLower(v))
			return
		}
		if end, key := guidAt(v, 0); end == len(v) {
			r.replace(vs, ve, guidKind, key)
			return
		}
	}
	if v[0] == '+' {
		if end, digits := phoneAt(v, 0); end == len(v) {
			r.replace(vs, ve, phoneKind, digits)
			return
		}
	}
	r.replace(vs, ve, nameKind, v)
}

// stringEnd returns the index of the quote that closes the string whose
// content starts at s[i], or -1 if the string does not end on this line. When
// escaped is set, the quotes are themselves escaped (\") and the content is
// JSON text inside a JSON string: \\ is an escaped backslash of the inner
// text and \" after it an escaped inner quote; a bare " ends the outer string
// first, so there is no match.
func stringEnd(s string, i int, escaped bool) int {
	inner := false // the inner text's last character was an unpaired backslash
	for i < len(s) {
		switch s[i] {
		case '\n', '\r':
			return -1
		case '"':
			if escaped {
				return -1
			}
			return i
		case '\\':
			if i+1 >= len(s) {
				return -1
			}
			if escaped {
				switch s[i+1] {
				case '"':
					if !inner {
						return i
					}
					inner = false
				case '\\':
					inner = !inner
				default:
					inner = false
				}
			}
			i += 2
			continue
		}
		inner = false
		i++
	}
	return -1
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
		i++
	}
	return i
}

// isAbsoluteURL reports whether v starts with a scheme and "://", written
// plainly or with JSON's escaped slashes.
func isAbsoluteURL(v string) bool {
	i := 0
	for i < len(v) && i < 16 && (isAlnum(v[i]) || v[i] == '+' || v[i] == '.' || v[i] == '-') {
		i++
	}
	return i > 0 && isAlpha(v[0]) && (strings.HasPrefix(v[i:], "://") || strings.HasPrefix(v[i:], `:\/\/`))
}
