package main

import (
	"fmt"
	"strconv"
	"strings"

	"opcheck/check"
)

// appendTimeline appends r's timeline as text to out: one block per track,
// its resourceUrl and type, then one line per event, FILE:LINE:COL
// changeType status, its clientContext and resultInfo when it has them, and
// under it each timeline anomaly the event reveals, marked with "!".
func appendTimeline(out []byte, r *check.Result) []byte {
	marks := map[[2]int][]*check.Diagnostic{}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		if strings.HasPrefix(d.Code, "timeline-") {
			t, e := r.EventAt(d.Offset)
			marks[[2]int{t, e}] = append(marks[[2]int{t, e}], d)
		}
	}
	if len(r.Timeline) == 0 {
		return fmt.Appendf(out, "%s: no notifications, so no timeline\n", r.File)
	}
	for t, track := range r.Timeline {
		url := track.ResourceURL
		if url == "" {
			url = "(no resourceUrl)"
		}
		out = fmt.Appendf(out, "%s %s\n", url, track.Type)
		for e, ev := range track.Events {
			status := ev.Status
			if status == "" {
				status = "-"
			}
			out = fmt.Appendf(out, "  %s:%d:%d %s %s", r.File, ev.Line, ev.Column, ev.ChangeType, status)
			if ev.ClientContext != "" {
				out = append(out, " clientContext="...)
				out = strconv.AppendQuote(out, ev.ClientContext)
			}
			if ri := ev.ResultInfo; ri != nil {
				out = fmt.Appendf(out, " resultInfo=%d/%d %q", ri.Code, ri.Subcode, ri.Message)
			}
			out = append(out, '\n')
			for _, d := range marks[[2]int{t, e}] {
				out = fmt.Appendf(out, "    ! %d:%d %s: %s [%s]\n", d.Line, d.Column, d.Severity, d.Message, d.Code)
			}
		}
		out = append(out, '\n')
	}
	return out
}
