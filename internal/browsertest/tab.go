package browsertest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// cspBinding is the binding through which pages report CSP violations.
const cspBinding = "opcheckTestCSP"

// Tab is a browser tab that a test drives, with the problems its pages
// have shown since [Watch]: console errors and failed assertions, uncaught
// exceptions, error log entries (network failures among them) and
// Content-Security-Policy violations.
type Tab struct {
	// T is the test that the tab's methods fail.
	T *testing.T
	// Ctx is the tab's chromedp context.
	Ctx context.Context

	mu       sync.Mutex
	problems []string
	allowed  []string // substrings of expected network errors
}

// Watch starts collecting the problems of the tab in ctx, for every page it
// loads from now on; it fails t if it cannot.
func Watch(t *testing.T, ctx context.Context) *Tab {
	t.Helper()
	p := &Tab{T: t, Ctx: ctx}
	if err := chromedp.Listen(ctx, p.onEvent); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	// Report CSP violations through a binding: the page cannot fake them.
	if _, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: cspBinding}); err != nil {
		t.Fatalf("add binding: %v", err)
	}
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener("securitypolicyviolation", (e) => ` + cspBinding + `(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));`,
	})
	if err != nil {
		t.Fatalf("add script: %v", err)
	}
	return p
}

// Allow lets network errors whose text contains s pass: the test provoked
// them. It holds for this tab only.
func (p *Tab) Allow(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.allowed = append(p.allowed, s)
}

// Problems returns the problems seen so far, in order.
func (p *Tab) Problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.problems)
}

// ReportProblems fails the test with one error for each problem seen so far.
func (p *Tab) ReportProblems() {
	p.T.Helper()
	for _, pr := range p.Problems() {
		p.T.Errorf("page problem: %s", pr)
	}
}

// onEvent records the DevTools event ev if it is a problem.
func (p *Tab) onEvent(ev any) {
	var problem string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		problem = "uncaught exception: " + d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			problem += " " + d.Exception.Description
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		problem = "console." + string(ev.Type) + ": " + strings.Join(parts, " ")
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level != log.EntryLevelError {
			return
		}
		problem = fmt.Sprintf("console (%s): %s %s", e.Source, e.Text, e.URL)
		if e.Source == log.EntrySourceNetwork || strings.Contains(e.Text, "CORS") || strings.Contains(e.Text, "net::") {
			p.mu.Lock()
			defer p.mu.Unlock()
			for _, a := range p.allowed {
				if strings.Contains(problem, a) {
					return
				}
			}
			p.problems = append(p.problems, problem)
			return
		}
	case *runtime.EventBindingCalled:
		if ev.Name != cspBinding {
			return
		}
		problem = "CSP violation: " + ev.Payload
	default:
		return
	}
	p.mu.Lock()
	p.problems = append(p.problems, problem)
	p.mu.Unlock()
}

// Do runs actions in the tab and fails the test on error.
func (p *Tab) Do(actions ...chromedp.Action[chromedp.Void]) {
	p.T.Helper()
	if err := chromedp.Do(p.Ctx, actions...); err != nil {
		p.T.Fatalf("browser: %v", err)
	}
}

// Eval evaluates the JavaScript expression expr in the tab (awaiting a
// promise) into a T, and fails the test on error.
func Eval[T any](p *Tab, expr string) T {
	p.T.Helper()
	v, err := chromedp.Run(p.Ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.T.Fatalf("evaluate %.200s: %v", expr, err)
	}
	return v
}
