package web

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// failRequests makes every request matching the URL pattern fail, through
// the DevTools Fetch domain, for the rest of the test.
func (p *tab) failRequests(pattern string) {
	p.t.Helper()
	ctx, cancel := context.WithCancel(p.ctx)
	p.t.Cleanup(cancel)
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: pattern}}})
		return err
	}))
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonFailed})
		}
	}()
}

// TestToolsUnavailableKeepsChecking fails the download of
// opcheck-tools.wasm: the validator goes on checking, and Format, Minify,
// Query and Share each say that they are not available and why.
func TestToolsUnavailableKeepsChecking(t *testing.T) {
	p := newTab(t)
	p.allow("opcheck-tools")
	p.failRequests("*opcheck-tools*")
	p.open("")
	const src = `{"b": 1, "a": }`
	p.setText(src)
	p.waitChecked()
	if fs := p.findings(); len(fs) == 0 || fs[0].Severity != "error" {
		t.Fatalf("got findings %+v, want a syntax error: the validator must work without the tools", fs)
	}
	for _, button := range []string{"#format", "#minify", "#share"} {
		eval[chromedp.Void](p, `document.getElementById("message").textContent = ""`)
		p.click(button)
		p.waitFor(`document.getElementById("message").textContent.includes("not available")`, button+" to say it is not available")
		msg := p.text("#message")
		for _, want := range []string{"could not download", "opcheck-tools", "Checking still works"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: message %q does not say %q", button, msg, want)
			}
		}
		if got := p.editorText(); got != src {
			t.Errorf("%s changed the text to %q", button, got)
		}
	}
	p.click("#tab-query")
	p.do(chromedp.SendKeys(chromedp.ID("query"), "b"))
	p.waitFor(`document.getElementById("query-result").dataset.state === "error"`, "the query to fail")
	if got := p.text("#query-result"); !strings.Contains(got, "not available") {
		t.Errorf("query result %q, want it to say queries are not available", got)
	}
	// Checking still follows the text.
	p.setText(`{"a": 1}`)
	p.waitChecked()
	if fs := p.findings(); len(fs) != 0 && fs[0].Severity == "error" {
		t.Errorf("got findings %+v for valid JSON after the tools failed", fs)
	}
}

// loadOrderJS records, in globalThis.__loadOrder, the order in which the
// page fetches the two modules, compiles them and sees them ready.
const loadOrderJS = `(() => {
  const order = [];
  Object.defineProperty(globalThis, "__loadOrder", { value: order });
  const name = (u) => /opcheck-tools\./.test(String(u)) ? "tools" : /opcheck\.[0-9a-f]+\.wasm/.test(String(u)) ? "validator" : "";
  const ownFetch = globalThis.fetch;
  globalThis.fetch = function (u, ...rest) {
    if (name(u)) order.push("fetch " + name(u));
    return ownFetch.call(this, u, ...rest);
  };
  // The page's boot.js compiles the validator with compileStreaming.
  for (const fn of ["instantiateStreaming", "compileStreaming"]) {
    const own = WebAssembly[fn];
    WebAssembly[fn] = function (source, ...rest) {
      return Promise.resolve(source).then((r) => {
        order.push("compile " + name(r.url));
        return own.call(this, r, ...rest);
      });
    };
  }
  let ns;
  Object.defineProperty(globalThis, "opcheck", {
    configurable: true,
    get: () => ns,
    set(v) {
      ns = v;
      if (v && v.ready) v.ready.then(() => order.push("validator ready"));
      let tr;
      Object.defineProperty(v, "toolsReady", {
        configurable: true,
        get: () => tr,
        set(p) { tr = p; p.then(() => order.push("tools ready")); },
      });
    },
  });
})()`

// TestToolsLoadAfterTheValidator opens the page plainly (the tools are
// compiled only after the validator is ready, in idle time) and with a
// share link (the tools are downloaded as soon as the page's script runs,
// and the link opens). boot.js starts the validator's download at
// navigation, before the page's script runs, compiles it as soon as the
// response starts and starts Go once it is compiled, so its compile (and,
// with a link, its ready) may come before or after the page asks for the
// tools: the validator's compile must come between its fetch and its
// ready, its ready before the tools' compile, and the rest of the order is
// exact.
func TestToolsLoadAfterTheValidator(t *testing.T) {
	link := func() string {
		p := newTab(t)
		p.open("")
		p.setText(`{"status": "Running"}`)
		p.waitChecked()
		return p.shareLink()
	}()
	for _, tc := range []struct {
		name, suffix string
		want         []string
		moves        []string // what may come anywhere, within the checks below
	}{
		{"plain", "", []string{"fetch validator", "compile validator", "validator ready", "fetch tools", "compile tools", "tools ready"}, []string{"compile validator"}},
		{"share link", "#" + fragmentOf(link), []string{"fetch validator", "compile validator", "fetch tools", "validator ready", "compile tools", "tools ready"}, []string{"compile validator", "validator ready"}},
	} {
		p := newTab(t)
		p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: loadOrderJS})
			return err
		}))
		p.open(tc.suffix)
		p.waitFor(`globalThis.__loadOrder.includes("tools ready")`, tc.name+": the tools to load")
		got := eval[[]string](p, `globalThis.__loadOrder`)
		if i, f, r := slices.Index(got, "compile validator"), slices.Index(got, "fetch validator"), slices.Index(got, "validator ready"); i < 0 || i < f || i > r {
			t.Errorf("%s: load order %q: want the validator compiled between its fetch and its ready", tc.name, got)
		}
		if r, c := slices.Index(got, "validator ready"), slices.Index(got, "compile tools"); r < 0 || r > c {
			t.Errorf("%s: load order %q: want the validator ready before the tools are compiled", tc.name, got)
		}
		without := func(xs []string) []string {
			return slices.DeleteFunc(slices.Clone(xs), func(s string) bool { return slices.Contains(tc.moves, s) })
		}
		if strings.Join(without(got), ", ") != strings.Join(without(tc.want), ", ") {
			t.Errorf("%s: load order:\n got %q\nwant %q (%q may move)", tc.name, got, tc.want, tc.moves)
		}
		if tc.suffix != "" {
			p.waitFor(`document.getElementById("message").textContent.startsWith("Opened the shared link")`, "the link to open")
			if got := p.editorText(); got != `{"status": "Running"}` {
				t.Errorf("%s: the link opened %q", tc.name, got)
			}
		}
	}
}
