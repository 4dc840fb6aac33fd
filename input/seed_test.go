package input

import (
	"os"
	"strings"
	"testing"
)

// seedPath is the real docs page kept beside the repository (read-only, not
// copied into it).
const seedPath = "../../shared/seed/get-inviteparticipantsoperation.md"

func readSeed(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("the seed docs page %s is not beside the repository, so the test has nothing to read: %v", seedPath, err)
	}
	return src
}

// TestSeed checks the real docs page: its ignored block is skipped, its
// request block has an invalid request line, and its truncated response
// block's body is 1031 bytes, not the 1066 its Content-Length claims.
func TestSeed(t *testing.T) {
	src := readSeed(t)
	s := Parse(src, "")
	checkInvariants(t, src, s)
	if s.Form != Markdown {
		t.Fatalf("got form %q, want %q", s.Form, Markdown)
	}
	if len(s.Parts) != 2 {
		t.Fatalf("got %d parts, want 2 (the request and the response block):\n%s", len(s.Parts), render(src, s))
	}
	req, resp := s.Parts[0], s.Parts[1]
	if req.Block == nil || req.Block.Type != "request" || req.Block.Name != "get_inviteparticipantsoperation" {
		t.Errorf("got first part block %+v, want the request block named get_inviteparticipantsoperation", req.Block)
	}
	if req.HTTP == nil || !req.HTTP.Request || req.HTTP.Method != "" || req.Length != 0 {
		t.Errorf("got first part %+v http %+v, want a request without a readable request line or body", req, req.HTTP)
	}
	if resp.Block == nil || resp.Block.Type != "response" || !resp.Block.Truncated ||
		resp.Block.ODataType != "microsoft.graph.inviteParticipantsOperation" {
		t.Errorf("got second part block %+v, want the truncated response block of inviteParticipantsOperation", resp.Block)
	}
	m := resp.HTTP
	if m == nil || m.Request || m.Status != 200 || m.Proto != "HTTP/1.1" || m.Reason != "OK" {
		t.Fatalf("got response message %+v, want HTTP/1.1 200 OK", m)
	}
	if m.BodyLength != 1031 || resp.Length != 1031 {
		t.Errorf("got body length %d (part %d), want 1031", m.BodyLength, resp.Length)
	}
	body := string(src[resp.Offset : resp.Offset+resp.Length])
	if !strings.HasPrefix(body, "{\n  \"value\": {") || !strings.HasSuffix(body, "  }\n}") {
		t.Errorf("got body %q, want the JSON object from its first to its last brace", body)
	}
	if h := m.Header("content-length"); h == nil || h.Value != "1066" {
		t.Errorf("got Content-Length header %+v, want 1066", h)
	}

	var codes []string
	for _, f := range s.Findings {
		codes = append(codes, f.Severity+" "+f.Code)
		switch f.Code {
		case "http-content-length":
			if f.Severity != "info" {
				t.Errorf("got Content-Length severity %q, want info in a truncated block", f.Severity)
			}
			if !strings.Contains(f.Message, "1066") || !strings.Contains(f.Message, "1031") {
				t.Errorf("got message %q, want both 1066 and 1031", f.Message)
			}
			if got := string(src[f.Offset : f.Offset+f.Length]); got != "1066" {
				t.Errorf("got finding on %q, want on 1066", got)
			}
			if f.Fix == nil || f.Fix.Replacement != "1031" {
				t.Errorf("got fix %+v, want 1066 replaced with 1031", f.Fix)
			}
		case "request-line":
			if got := string(src[f.Offset : f.Offset+f.Length]); !strings.HasPrefix(got, "GET https://graph.microsoft.com/localtest**") {
				t.Errorf("got request-line finding on %q, want on the request block's line", got)
			}
		}
	}
	want := []string{"error request-line", "info http-content-length"}
	if strings.Join(codes, ", ") != strings.Join(want, ", ") {
		t.Errorf("got findings %q, want %q:\n%s", codes, want, render(src, s))
	}
}
