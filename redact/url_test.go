package redact

import (
	"bytes"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"opcheck/check"
)

func TestTextURLs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"recording location is replaced whole",
			`{"recordingLocation": "https://media.contoso.example/rec/1.wav?sig=Zm9vYmFy%2Bx%3D&se=2026-12-04"}`,
			`{"recordingLocation": "https://example.com/media-1"}`},
		{"same recording twice, another once",
			`{"uri": "https://a.example/1.wav", "contentUrl": "https://a.example/2.wav", "URI": "https://a.example/1.wav"}`,
			`{"uri": "https://example.com/media-1", "contentUrl": "https://example.com/media-2", "URI": "https://example.com/media-1"}`},
		{"a media member that holds no URL is read by the other rules",
			`{"uri": "String", "streamUrl": "", "recordingLocation": null, "contentLocation": "/rec/alice@contoso.com"}`,
			`{"uri": "String", "streamUrl": "", "recordingLocation": null, "contentLocation": "/rec/user1@example.com"}`},
		{"escaped slashes",
			`{"recordingLocation": "https:\/\/x.example\/1.wav"}`,
			`{"recordingLocation": "https://example.com/media-1"}`},
		{"azure SAS",
			"https://acct.blob.core.windows.net/c/1.wav?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-05T00:00:00Z&st=2026-12-04&spr=https&sig=abc%2Fdef%3D",
			"https://acct.blob.core.windows.net/c/1.wav?sv=<token-1>&ss=<token-2>&srt=<token-3>&sp=<token-4>&se=<token-5>&st=<token-6>&spr=<token-7>&sig=<token-8>"},
		{"user delegation SAS",
			"?skoid=o1&sktid=t1&skt=2026&ske=2027&sks=k&skv=2022&sr=b&sig=s1",
			"?skoid=<token-1>&sktid=<token-2>&skt=<token-3>&ske=<token-4>&sks=<token-5>&skv=<token-6>&sr=<token-7>&sig=<token-8>"},
		{"S3 presigned, any case",
			"https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261204&x-amz-security-token=FwoG&X-Amz-Signature=9f8e",
			"https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=<token-1>&x-amz-security-token=<token-2>&X-Amz-Signature=<token-3>"},
		{"oauth parameters, other parameters stay",
			"https://bot.example/cb?state=42&code=0.AXkA&access_token=abc&token=t#frag",
			"https://bot.example/cb?state=42&code=<token-1>&access_token=<token-2>&token=<token-3>#frag"},
		{"html-escaped ampersand in a JSON string",
			`{"clientContext": "https://x.example/a?v=1\u0026sig=abc\u0026b=2"}`,
			`{"clientContext": "https://x.example/a?v=1\u0026sig=<token-1>\u0026b=2"}`},
		{"escaped JSON in a log line",
			`body="{\"recordingLocation\":\"https://x.example/1.wav?sig=abc\",\"x\":\"https://y.example/?sig=abc\"}"`,
			`body="{\"recordingLocation\":\"https://example.com/media-1\",\"x\":\"https://y.example/?sig=<token-1>\"}"`},
		{"userinfo",
			"ftp://bob:hunter2@files.example/x and https://token@host.example",
			"ftp://<token-1>@files.example/x and https://<token-2>@host.example"},
		{"no userinfo",
			"https://host.example/a@b and mailto:alice@contoso.com and sip:bob@fabrikam.com",
			"https://host.example/a@b and mailto:user1@example.com and sip:user2@example.com"},
		{"look-alikes stay",
			"?sigma=1&codes=2&tokens=3&se= x=sig=4 a&b",
			"?sigma=1&codes=2&tokens=3&se= x=sig=4 a&b"},
		{"meeting passcode and media blob are secrets",
			`{"joinMeetingId": "1234567", "passcode": "abcdef", "blob": "<config/>"}`,
			`{"joinMeetingId": "1234567", "passcode": "<token-1>", "blob": "<token-2>"}`},
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

// findingKeys lists a result's findings as code and pointer, the part of a
// finding that redaction must not change (messages quote values, and
// positions move when a placeholder is shorter than what it replaced).
func findingKeys(src string) []string {
	var keys []string
	for _, d := range check.Validate([]byte(src), nil).Diagnostics {
		keys = append(keys, d.Code+" "+d.Pointer)
	}
	slices.Sort(keys)
	return keys
}

// TestURLRedactionKeepsFindings redacts payloads that carry signed URLs and
// checks the three promises: the JSON stays JSON, no credential survives,
// and the checker finds the same things.
func TestURLRedactionKeepsFindings(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		secrets []string
	}{
		{"record operation notification",
			`{"@odata.type": "#microsoft.graph.commsNotifications", "value": [{"@odata.type": "#microsoft.graph.commsNotification", "changeType": "deleted",
  "resourceUrl": "/communications/calls/421f0b00-2b0e-4d0b-9e4e-9a1a7f6c0b21/operations/11cccef9-7eaa-4d08-b2a4-0e4c5d3b7a19",
  "resourceData": {"@odata.type": "#microsoft.graph.recordOperation", "id": "11cccef9-7eaa-4d08-b2a4-0e4c5d3b7a19", "status": "completed",
    "recordingLocation": "https://rec.contoso.example/calls/1.wav?sv=2022-11-02&sr=b&sig=Q2xpZW50U2lnbmF0dXJl%3D",
    "resultInfo": {"code": 200, "subcode": 0}}}]}`,
			[]string{"rec.contoso.example", "Q2xpZW50U2lnbmF0dXJl"}},
		{"operation with a signed URL in free text",
			`{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "a", "status": "Running",
  "clientContext": "https://bot:s3cr3tpw@cdn.example/p.wav?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=deadbeef0001"}`,
			[]string{"s3cr3tpw", "AKIAEXAMPLE", "deadbeef0001"}},
		{"findings kept, including an unknown member and a bad enum",
			`{"@odata.type": "#microsoft.graph.recordOperation", "id": "a", "status": "Complete", "recordingLocaton": "https://x.example/1.wav?sig=abcdefgh1",
  "recordingLocation": "https://x.example/1.wav?token=abcdefgh2"}`,
			[]string{"abcdefgh1", "abcdefgh2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.in)
			if !json.Valid([]byte(got)) {
				t.Fatalf("got invalid JSON:\n%s", got)
			}
			for _, s := range tt.secrets {
				if strings.Contains(got, s) {
					t.Errorf("got output still holding %q:\n%s", s, got)
				}
			}
			before, after := findingKeys(tt.in), findingKeys(got)
			if len(before) == 0 && tt.name == "findings kept, including an unknown member and a bad enum" {
				t.Fatal("the input has no finding; the case tests nothing")
			}
			if !slices.Equal(before, after) {
				t.Errorf("findings changed:\nbefore %q\n after %q", before, after)
			}
		})
	}
}

// FuzzURLCredentials builds a recording notification whose URLs carry a
// fuzzed credential under each listed parameter name, in a JSON string
// written with and without HTML escaping, and asserts that the output is
// valid JSON, that the credential is gone, and that the findings (codes and
// pointers) are the same.
func FuzzURLCredentials(f *testing.F) {
	f.Add(uint8(0), "Zm9vYmFyYmF6cXV4", "rec.example", "calls/1.wav", "", true)
	f.Add(uint8(20), "AKIA0000EXAMPLE", "s3.example", "k", "user:pass", false)
	f.Add(uint8(7), "2026-12-05T00:00:00Z", "b.example", "a b/c", "", true)
	f.Fuzz(func(t *testing.T, param uint8, secret, host, path, userinfo string, escapeHTML bool) {
		name := credentialParams[int(param)%len(credentialParams)]
		value := url.QueryEscape(secret)
		u := url.URL{Scheme: "https", Host: url.PathEscape(host), Path: "/" + path}
		if userinfo != "" {
			u.User = url.User(userinfo)
			if len(u.User.String()) > 400 {
				t.Skip("userinfoAt reads at most 512 bytes, escaped")
			}
		}
		signed := u.String() + "?a=1&" + name + "=" + value + "&b=2"
		doc := map[string]any{
			"@odata.type": "#microsoft.graph.recordOperation", "id": "a", "status": "completed",
			"recordingLocation": signed,
			"clientContext":     signed,
			"resultInfo":        map[string]any{"code": 200, "subcode": 0},
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(escapeHTML)
		if err := enc.Encode(doc); err != nil {
			t.Skip()
		}
		in := buf.String()
		got := Text(in)
		if !json.Valid([]byte(got)) {
			t.Fatalf("valid JSON became invalid:\n in %s\nout %s", in, got)
		}
		var out struct {
			RecordingLocation string `json:"recordingLocation"`
			ClientContext     string `json:"clientContext"`
		}
		if err := json.Unmarshal([]byte(got), &out); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(out.RecordingLocation, "https://example.com/media-") {
			t.Errorf("got recordingLocation %q, want a media placeholder", out.RecordingLocation)
		}
		// The parameter's value in clientContext: whatever is between
		// "name=" and "&b=2" must be a token placeholder now.
		_, rest, ok := strings.Cut(out.ClientContext, "&"+name+"=")
		val, _, ok2 := strings.Cut(rest, "&b=2")
		if value != "" && (!ok || !ok2 || tokenPlaceholderAt(val, 0) != len(val)) {
			t.Errorf("got clientContext %q, want the %s value %q replaced", out.ClientContext, name, value)
		}
		if rest := strings.TrimPrefix(out.ClientContext, "https://"); u.User != nil && !strings.HasPrefix(rest[max(tokenPlaceholderAt(rest, 0), 0):], "@") {
			t.Errorf("got clientContext %q still holding the userinfo", out.ClientContext)
		}
		if before, after := findingKeys(in), findingKeys(got); !slices.Equal(before, after) {
			t.Errorf("findings changed:\nbefore %q\n after %q\n in %s\nout %s", before, after, in, got)
		}
	})
}

// TestSamplesKeepFindings checks the promise on the samples under testdata
// too: the checker finds the same codes at the same pointers after
// redaction.
func TestSamplesKeepFindings(t *testing.T) {
	for _, sample := range samples {
		t.Run(sample.file, func(t *testing.T) {
			in := readSample(t, sample.file)
			before, after := findingKeys(in), findingKeys(Text(in))
			if !slices.Equal(before, after) {
				t.Errorf("findings changed:\nbefore %q\n after %q", before, after)
			}
		})
	}
}
