package redact

import (
	"regexp"
	"strings"
	"testing"
)

// benchText is about 100 KB of callbacks and log lines, with something to
// redact on most lines.
var benchText = func() string {
	var b strings.Builder
	for b.Len() < 100<<10 {
		b.WriteString(notificationSample)
		b.WriteString(logSample)
	}
	return b.String()
}()

var (
	notificationSample = `{"value":[{"resourceUrl":"/communications/calls/421f0b00-2b0e-4d0b-9e4e-9a1a7f6c0b21/operations/11cccef9-7eaa-4d08-b2a4-0e4c5d3b7a19","clientState":"s3cr3t","resourceData":{"id":"11cccef9-7eaa-4d08-b2a4-0e4c5d3b7a19","status":"completed","identity":{"user":{"displayName":"Alice Wong","id":"278405a3-f568-4b3e-b684-009193463064"}}}}]}` + "\n"
	logSample          = "2024-05-14T09:31:02Z INFO call from alice@contoso.com tel:+14255550100 with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl and nothing else of note on this line\n"
)

func BenchmarkText(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Text(benchText)
	}
}

func BenchmarkTextNothingToRedact(b *testing.B) {
	in := strings.Repeat(`{"status": "running", "code": 200, "message": "all fine here"}`+"\n", 1600)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		Text(in)
	}
}

// BenchmarkRegexpGUIDsOnly is the obvious alternative for just one of the
// kinds Text handles: replacing GUIDs with a regular expression (without even
// stable numbering).
func BenchmarkRegexpGUIDsOnly(b *testing.B) {
	re := regexp.MustCompile(`(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		re.ReplaceAllString(benchText, "00000000-0000-0000-0000-000000000000")
	}
}
