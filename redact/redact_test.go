package redact

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", ""},
		{"nothing to redact", `{"status": "running", "code": 200}`, `{"status": "running", "code": 200}`},

		// GUIDs
		{"guid", "id 57dab8b1-894c-409a-b240-bd8beae78896.", "id 00000000-0000-0000-0000-000000000001."},
		{"guid any case and spelling is one value",
			"57DAB8B1-894C-409A-B240-BD8BEAE78896 {57dab8b1-894c-409a-b240-bd8beae78896} 57dab8b1894c409ab240bd8beae78896",
			"00000000-0000-0000-0000-000000000001 {00000000-0000-0000-0000-000000000001} 00000000000000000000000000000001"},
		{"distinct guids count up",
			"a7ebfb2d-871e-419c-87af-27290b22e8db 278405a3-f568-4b3e-b684-009193463064 a7ebfb2d-871e-419c-87af-27290b22e8db",
			"00000000-0000-0000-0000-000000000001 00000000-0000-0000-0000-000000000002 00000000-0000-0000-0000-000000000001"},
		{"guid in a path", "/calls/421f0b00-2b0e-4d0b-9e4e-9a1a7f6c0b21/operations", "/calls/00000000-0000-0000-0000-000000000001/operations"},
		{"guids joined by an underscore",
			"8:acs:6c5d7a44-2b1f-4c1e-9a3e-3f7ab2f0c1d9_0000000e-1111-2222-3333-444444444444",
			"8:acs:00000000-0000-0000-0000-000000000001_00000000-0000-0000-0000-000000000002"},
		{"guid inside a longer word is not one", "x57dab8b1-894c-409a-b240-bd8beae78896", "x57dab8b1-894c-409a-b240-bd8beae78896"},
		{"guid followed by letters is not one", "57dab8b1-894c-409a-b240-bd8beae78896ab", "57dab8b1-894c-409a-b240-bd8beae78896ab"},
		{"32 decimal digits are a number", `{"n": 12345678901234567890123456789012}`, `{"n": 12345678901234567890123456789012}`},
		{"numbers with an exponent or a fraction", `[10000000000000000000000000000E00, 1.00000000000000000000000000000001, 1E+0000000000000000000000000000000a]`,
			`[10000000000000000000000000000E00, 1.00000000000000000000000000000001, 1E+0000000000000000000000000000000a]`},
		{"undashed guid after a plus or a dot", "+0000000000000000000000000000000A x.57dab8b1894c409ab240bd8beae78896",
			"+0000000000000000000000000000000A x.57dab8b1894c409ab240bd8beae78896"},
		{"40 hex digits are not a guid", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "da39a3ee5e6b4b0d3255bfef95601890afd80709"},

		// e-mail addresses
		{"email", "from alice@contoso.com to Bob.Jones+calls@fabrikam.co.uk.",
			"from user1@example.com to user2@example.com."},
		{"email any case is one value", "ALICE@Contoso.com alice@contoso.com", "user1@example.com user1@example.com"},
		{"sip uri", "sip:alice@contoso.com", "sip:user1@example.com"},
		{"not an email", "a@b c@d.e f@localhost @x.com", "a@b c@d.e f@localhost @x.com"},

		// phone numbers
		{"e164", `"id": "+14255550100"`, `"id": "+10000000001"`},
		{"tel uri shares the number's placeholder", "tel:+1-425-555-0100;ext=1 and +14255550100",
			"tel:+10000000001;ext=1 and +10000000001"},
		{"local tel", "TEL:555-0100", "TEL:+10000000001"},
		{"phone with separators", "call +1 (425) no, +1(425)555-0100", "call +1 (425) no, +10000000001"},
		{"too short or too long", "+123456 +1234567890123456 tel:12 tel:1234567890123456", "+123456 +1234567890123456 tel:12 tel:1234567890123456"},
		{"number running into letters", "tel:+1425A +1425555010a tel:555-0100-x", "tel:+1425A +1425555010a tel:555-0100-x"},
		{"timezone offset", "2024-05-14T09:31:02+02:00 1e+10", "2024-05-14T09:31:02+02:00 1e+10"},

		// tokens
		{"bearer", "Authorization: Bearer xyz", "Authorization: Bearer <token-1>"},
		{"bearer jwt", "authorization: bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
			"authorization: bearer <token-1>"},
		{"basic", "Authorization: Basic dXNlcjpwYXNz==", "Authorization: Basic <token-1>"},
		{"bare jwt", `"token": x, "t": "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."`, `"token": x, "t": "<token-1>"`},
		{"same token twice", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln then eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
			"Bearer <token-1> then <token-1>"},
		{"opaque token", "key=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789&x=1", "key=<token-1>&x=1"},
		{"long words are not tokens", "inviteParticipantsOperationWithManyWords #microsoft.graph.commsNotifications",
			"inviteParticipantsOperationWithManyWords #microsoft.graph.commsNotifications"},
		{"token ends before a guid", "Ab1-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-57dab8b1-894c-409a-b240-bd8beae78896",
			"<token-1>-00000000-0000-0000-0000-000000000001"},
		{"basic in prose", "Basic information, basic call flow", "Basic information, basic call flow"},
		{"token placeholder of a guid", "<token-0000000000000000000000000000000a>", "<token-00000000000000000000000000000001>"},
		{"docs placeholder is left alone", "Authorization: Bearer {token}", "Authorization: Bearer {token}"},

		// JSON members
		{"display name", `{"displayName": "Alice Wong", "id": "x"}`, `{"displayName": "Name 1", "id": "x"}`},
		{"member names any case", `{"DisplayName":"A","givenname" : "B","SURNAME":"A"}`, `{"DisplayName":"Name 1","givenname" : "Name 2","SURNAME":"Name 1"}`},
		{"escapes in a name", `{"displayName": "Zo\u00eb \"Z\" \\ Smith"}`, `{"displayName": "Name 1"}`},
		{"empty and null names stay", `{"displayName": "", "givenName": null}`, `{"displayName": "", "givenName": null}`},
		{"upn is an address", `{"userPrincipalName": "Alice@contoso.com", "mail": "alice@contoso.com"}`,
			`{"userPrincipalName": "user1@example.com", "mail": "user1@example.com"}`},
		{"name member holding a phone", `{"displayName": "+14255550100"}`, `{"displayName": "+10000000001"}`},
		{"client state is a secret", `{"clientState": "hunter2"}`, `{"clientState": "<token-1>"}`},
		{"escaped JSON in a log line", `body="{\"displayName\":\"Bob \\\"BJ\\\" Jones\",\"x\":1}"`,
			`body="{\"displayName\":\"Name 1\",\"x\":1}"`},
		{"key=value", `displayName="Alice Wong" upn=x`, `displayName="Name 1" upn=x`},
		{"bare name ending a JSON string", `{"a": "displayName=", "b": "x"}`, `{"a": "displayName=", "b": "x"}`},
		{"unterminated value", "{\"displayName\": \"Alice\n", "{\"displayName\": \"Alice\n"},
		{"not a member", `"displayName" is a property`, `"displayName" is a property`},

		// placeholders are recognised as what they stand for
		{"placeholders renumber", "<token-7> 00000000-0000-0000-0000-000000000009 user5@example.com",
			"<token-1> 00000000-0000-0000-0000-000000000001 user1@example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.in)
			if got != tt.want {
				t.Errorf("Text(%q):\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := Text(got); again != got {
				t.Errorf("Text is not idempotent:\n once %q\ntwice %q", got, again)
			}
		})
	}
}

// TestTextUnchangedIsSame checks that text with nothing to redact comes back
// as the same string, without a copy.
func TestTextUnchangedIsSame(t *testing.T) {
	in := strings.Repeat(`{"status": "running"} `, 100)
	if got := Text(in); got != in {
		t.Fatalf("got %q, want the input back", got)
	}
	if allocs := testing.AllocsPerRun(10, func() { Text(in) }); allocs != 0 {
		t.Errorf("got %v allocations for text with nothing to redact, want 0", allocs)
	}
}

// TestTextLinear feeds inputs built to make a naive scanner quadratic: runs
// that look like the start of an address, a token or a JWT at every dash.
func TestTextLinear(t *testing.T) {
	for _, piece := range []string{"a-", "a.", "eyJ-", "Ab1-", "+1-", `"displayName":`, `\"`, "tel:1-", "a@", "Bearer ", "https://a", "?sig=&sig=", `\u0026sig=`, `{"uri":"h://`} {
		in := strings.Repeat(piece, (256<<10)/len(piece))
		// A linear pass over 256 KiB takes milliseconds; a quadratic one
		// would take many minutes, and the test would time out.
		got := Text(in)
		if again := Text(got); again != got {
			t.Errorf("%q repeated: Text is not idempotent (%d bytes, then %d)", piece, len(got), len(again))
		}
	}
}
