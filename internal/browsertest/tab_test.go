package browsertest

import (
	"context"
	"slices"
	"strconv"
	"testing"

	jsonv2 "github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
)

func TestOnEvent(t *testing.T) {
	str := func(s string) jsonv2.Value { return jsonv2.Value(strconv.Quote(s)) }
	tests := []struct {
		name    string
		allowed []string
		input   any
		want    []string
	}{
		{
			name:  "uncaught exception with its description",
			input: &runtime.EventExceptionThrown{ExceptionDetails: &runtime.ExceptionDetails{Text: "Uncaught", Exception: &runtime.RemoteObject{Description: "TypeError: x is null"}}},
			want:  []string{"uncaught exception: Uncaught TypeError: x is null"},
		},
		{
			name:  "uncaught exception without a description",
			input: &runtime.EventExceptionThrown{ExceptionDetails: &runtime.ExceptionDetails{Text: "Uncaught", Exception: &runtime.RemoteObject{}}},
			want:  []string{"uncaught exception: Uncaught"},
		},
		{
			name: "console.error joins values and descriptions",
			input: &runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeError, Args: []*runtime.RemoteObject{
				{Value: str("boom")}, {Description: "Error: deep"},
			}},
			want: []string{`console.error: "boom" Error: deep`},
		},
		{
			name:  "console.assert is a problem",
			input: &runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeAssert, Args: []*runtime.RemoteObject{{Value: str("no")}}},
			want:  []string{`console.assert: "no"`},
		},
		{
			name:  "console.log is not",
			input: &runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeLog, Args: []*runtime.RemoteObject{{Value: str("hi")}}},
		},
		{
			name:  "a network error",
			input: &log.EventEntryAdded{Entry: &log.Entry{Level: log.EntryLevelError, Source: log.EntrySourceNetwork, Text: "404", URL: "http://h/x.wasm"}},
			want:  []string{"console (network): 404 http://h/x.wasm"},
		},
		{
			name:    "a network error the test provoked",
			allowed: []string{"other", ".wasm"},
			input:   &log.EventEntryAdded{Entry: &log.Entry{Level: log.EntryLevelError, Source: log.EntrySourceNetwork, Text: "404", URL: "http://h/x.wasm"}},
		},
		{
			name:    "the whitelist covers network errors only",
			allowed: []string{"bad"},
			input:   &log.EventEntryAdded{Entry: &log.Entry{Level: log.EntryLevelError, Source: log.EntrySourceJavascript, Text: "bad thing"}},
			want:    []string{"console (javascript): bad thing "},
		},
		{
			name:  "a log warning is not a problem",
			input: &log.EventEntryAdded{Entry: &log.Entry{Level: log.EntryLevelWarning, Source: log.EntrySourceNetwork, Text: "slow"}},
		},
		{
			name:  "a CSP violation",
			input: &runtime.EventBindingCalled{Name: cspBinding, Payload: "script-src blocked inline at x.js:3"},
			want:  []string{"CSP violation: script-src blocked inline at x.js:3"},
		},
		{
			name:  "another binding",
			input: &runtime.EventBindingCalled{Name: "other", Payload: "x"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &Tab{T: t, Ctx: context.Background()}
			for _, a := range tc.allowed {
				p.Allow(a)
			}
			p.onEvent(tc.input)
			if got := p.Problems(); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
