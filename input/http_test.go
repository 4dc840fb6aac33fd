package input

import (
	"strings"
	"testing"
)

func TestHTTP(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string // summary(): parts, then findings
	}{
		{
			name:  "ok response",
			input: "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 2\n\n{}\n",
			want:  []string{"part 66+2"},
		},
		{
			name:  "crlf",
			input: "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n{\r\n}\r\n\r\n",
			want:  []string{"part 38+4"},
		},
		{
			name:  "http/2 without reason",
			input: "HTTP/2 202\n\n{}",
			want:  []string{"part 12+2"},
		},
		{
			name:  "json content type with parameters",
			input: "HTTP/1.1 200 OK\nContent-Type: application/json; odata.metadata=minimal; charset=utf-8\n\n{}",
			want:  []string{"part 87+2"},
		},
		{
			name:  "plus-json content type",
			input: "HTTP/1.1 200 OK\ncontent-type: Application/Problem+JSON\n\n{}",
			want:  []string{"part 56+2"},
		},
		{
			name:  "text content type",
			input: "HTTP/1.1 200 OK\nContent-Type: text/html\n\n{}",
			want:  []string{"part 41+2", "error http-content-type @30+9"},
		},
		{
			name:  "201 is a warning",
			input: "HTTP/1.1 201 Created\n\n{}",
			want:  []string{"part 22+2", "warning http-status @9+3"},
		},
		{
			name:  "204 is a warning",
			input: "HTTP/1.1 204 No Content\n",
			want:  []string{"part 24+0", "warning http-status @9+3"},
		},
		{
			name:  "404 is an error",
			input: "HTTP/1.1 404 Not Found\n\n{\"error\":{}}",
			want:  []string{"part 24+12", "error http-status @9+3"},
		},
		{
			name:  "500 is an error",
			input: "HTTP/1.1 500 Internal Server Error\n\n{}",
			want:  []string{"part 36+2", "error http-status @9+3"},
		},
		{
			name:  "bad status line",
			input: "HTTP/1.1 2OO OK\n\n{}",
			want:  []string{"part 17+2", "error status-line @0+15"},
		},
		{
			name:  "bad protocol version",
			input: "HTTP/1.1.1 200 OK\n\n{}",
			want:  []string{"part 19+2", "error status-line @0+17"},
		},
		{
			name:  "content length mismatch",
			input: "HTTP/1.1 200 OK\nContent-Length: 10\n\n{\"a\":1}\n\n",
			want:  []string{"part 36+7", "error http-content-length @32+2"},
		},
		{
			name:  "content length not a number",
			input: "HTTP/1.1 200 OK\nContent-Length: ten\n\n{}",
			want:  []string{"part 37+2", "error http-content-length @32+3"},
		},
		{
			name:  "content length of a missing body",
			input: "HTTP/1.1 200 OK\nContent-Length: 0\n\n\n\n",
			want:  []string{"part 35+0"},
		},
		{
			name:  "missing blank line",
			input: "HTTP/1.1 200 OK\nContent-Type: application/json\n{\"a\":1}",
			want:  []string{"part 47+7", "warning http-missing-blank-line @47+7"},
		},
		{
			name:  "missing blank line right after the status line",
			input: "HTTP/1.1 200 OK\n[1]",
			want:  []string{"part 16+3", "warning http-missing-blank-line @16+3"},
		},
		{
			name:  "malformed header",
			input: "HTTP/1.1 200 OK\nContent Type: application/json\nno colon\n: empty name\n\n{}",
			want: []string{"part 70+2", "error http-header @16+30", "error http-header @47+8",
				"error http-header @56+12"},
		},
		{
			name:  "header findings are capped",
			input: "HTTP/1.1 200 OK\na\nb\nc\nd\ne\nf\ng\n\n{}",
			want: []string{"part 31+2", "error http-header @16+1", "error http-header @18+1",
				"error http-header @20+1", "error http-header @22+1", "error http-header @24+1"},
		},
		{
			name:  "no body",
			input: "HTTP/1.1 202 Accepted\nLocation: x\n",
			want:  []string{"part 34+0"},
		},
		{
			name:  "empty header value",
			input: "HTTP/1.1 200 OK\nX-Empty:\n\n{}",
			want:  []string{"part 26+2"},
		},
		{
			name:  "request to an operation action",
			input: "POST https://graph.microsoft.com/v1.0/communications/calls/57d/participants/invite HTTP/1.1\nContent-Type: application/json\n\n{\"participants\":[]}",
			want:  []string{"part 124+19"},
		},
		{
			name:  "request then its response",
			input: "POST /beta/communications/calls/1/playPrompt\n\n{\"prompts\":[]}\n\nHTTP/1.1 200 OK\n\n{\"status\":\"running\"}\n",
			want:  []string{"part 46+14", "part 79+20"},
		},
		{
			name:  "request without body then its response",
			input: "GET /v1.0/communications/calls/1/operations/2\nHTTP/1.1 200 OK\n\n{}",
			want:  []string{"part 46+0", "part 63+2"},
		},
		{
			name:  "two responses",
			input: "HTTP/1.1 202 Accepted\n\n{\"a\":1}\nHTTP/1.1 200 OK\n\n{\"b\":2}\n",
			want:  []string{"part 23+7", "part 48+7"},
		},
		{
			name:  "response then a request after a blank line",
			input: "HTTP/1.1 200 OK\n\n{}\n\nGET /v1.0/communications/calls/1/operations/2\n",
			want:  []string{"part 17+2", "part 67+0"},
		},
		{
			name:  "a request-like body line without a blank line stays in the body",
			input: "HTTP/1.1 200 OK\n\nnot json\nGET /x\n",
			want:  []string{"part 17+15"},
		},
		{
			name:  "request line with extra words",
			input: "GET ** Entity URI for microsoft.graph.inviteParticipantsOperation not found",
			want:  []string{"part 75+0", "error request-line @0+75"},
		},
		{
			name:  "request target that is not a path",
			input: "GET **\n",
			want:  []string{"part 7+0", "error request-line @0+6"},
		},
		{
			name:  "request with a bad version",
			input: "GET /v1.0/communications/calls/1/operations HTTP/x\n",
			want:  []string{"part 51+0", "error request-line @0+50"},
		},
		{
			name:  "request path that returns no operation",
			input: "GET /v1.0/me\n",
			want:  []string{"part 13+0", "warning request-path @4+8"},
		},
		{
			name:  "request with the wrong method",
			input: "GET /v1.0/communications/calls/1/playPrompt\n",
			want:  []string{"part 44+0", "warning request-path @0+3"},
		},
		{
			name:  "beta-only request against v1.0",
			input: "POST /v1.0/communications/calls/1/participants/muteAll\n\n{}",
			want:  []string{"part 56+2", "warning request-path @5+49"},
		},
		{
			name:  "callback to the bot is left alone",
			input: "POST https://bot.contoso.com/api/calls HTTP/1.1\nContent-Type: application/json\n\n{\"value\":[]}",
			want:  []string{"part 80+12"},
		},
		{
			name:  "request content type",
			input: "POST /v1.0/communications/calls/1/mute\nContent-Type: text/plain\nContent-Length: 2\n\n{}",
			want:  []string{"part 83+2", "error http-content-type @53+10"},
		},
		{
			name:  "empty message",
			input: "\n \n",
			want:  []string{"error no-json @0+3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			s := Parse(src, HTTP)
			checkInvariants(t, src, s)
			if got := summary(s); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), render(src, s))
			}
		})
	}
}

// TestHTTPFixes applies each fix and checks that the finding goes away.
func TestHTTPFixes(t *testing.T) {
	tests := []struct {
		name  string
		input string
		code  string
		want  string
	}{
		{"content length", "HTTP/1.1 200 OK\nContent-Length: 10\n\n{\"a\":1}\n", "http-content-length",
			"HTTP/1.1 200 OK\nContent-Length: 7\n\n{\"a\":1}\n"},
		{"content type", "HTTP/1.1 200 OK\nContent-Type: text/html \n\n{}", "http-content-type",
			"HTTP/1.1 200 OK\nContent-Type: application/json \n\n{}"},
		{"missing blank line", "HTTP/1.1 200 OK\r\nA: b\r\n{}\r\n", "http-missing-blank-line",
			"HTTP/1.1 200 OK\r\nA: b\r\n\r\n{}\r\n"},
		{"wrong method", "GET /v1.0/communications/calls/1/mute\n", "request-path",
			"POST /v1.0/communications/calls/1/mute\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			f := findCode(Parse(src, HTTP), tt.code)
			if f == nil || f.Fix == nil {
				t.Fatalf("got no %s finding with a fix, want one", tt.code)
			}
			fixed := applyFix(src, f.Fix)
			if string(fixed) != tt.want {
				t.Fatalf("got %q, want %q", fixed, tt.want)
			}
			if f := findCode(Parse(fixed, HTTP), tt.code); f != nil {
				t.Errorf("got %s finding %q after the fix, want none", tt.code, f.Message)
			}
		})
	}
}

// TestHTTPMessage checks the facts read from a message.
func TestHTTPMessage(t *testing.T) {
	src := []byte("\nHTTP/1.1 202 Accepted  \nContent-Type:  application/json \nX-Id: 7\n\n{\"id\":\"1\"}\n")
	s := Parse(src, "")
	checkInvariants(t, src, s)
	if len(s.Parts) != 1 || s.Parts[0].HTTP == nil {
		t.Fatalf("got parts %+v, want one HTTP part", s.Parts)
	}
	m := s.Parts[0].HTTP
	if m.Request || m.Proto != "HTTP/1.1" || m.Status != 202 || m.Reason != "Accepted" {
		t.Errorf("got %+v, want a response HTTP/1.1 202 Accepted", m)
	}
	if got := string(src[m.StatusOffset : m.StatusOffset+m.StatusLength]); got != "202" {
		t.Errorf("got status text %q, want 202", got)
	}
	if len(m.Headers) != 2 || m.Headers[0].Value != "application/json" || m.Headers[1].Name != "X-Id" {
		t.Errorf("got headers %+v, want Content-Type and X-Id", m.Headers)
	}
	if got := string(src[m.BodyOffset : m.BodyOffset+m.BodyLength]); got != `{"id":"1"}` {
		t.Errorf("got body %q, want the JSON without its line break", got)
	}

	src = []byte("PATCH /beta/app/calls/{callId}/participants/{participantId}/mute?x=1 HTTP/2\n")
	s = Parse(src, "")
	m = s.Parts[0].HTTP
	if !m.Request || m.Method != "PATCH" || m.Target != "/beta/app/calls/{callId}/participants/{participantId}/mute?x=1" ||
		m.Proto != "HTTP/2" || m.TargetOffset != 6 {
		t.Errorf("got %+v, want the PATCH request line's parts", m)
	}
}

func findCode(s Split, code string) *Finding {
	for i := range s.Findings {
		if s.Findings[i].Code == code {
			return &s.Findings[i]
		}
	}
	return nil
}
