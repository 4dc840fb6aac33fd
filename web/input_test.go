package web

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"opcheck/permalink"
)

// operationJSON is what the fetch test server answers.
const operationJSON = `{
  "@odata.type": "#microsoft.graph.playPromptOperation",
  "id": "0fe0623f-d628-42ed-b4bd-8ac290072cc5",
  "status": "completed"
}`

// fetchServer is a Graph stand-in on loopback: /ok allows the page to read
// it (CORS), /nocors does not, /unauthorized answers 401. It records the
// requests it saw.
type fetchServer struct {
	*httptest.Server
	mu   sync.Mutex
	seen []http.Header // headers of each GET
	urls []string
}

func newFetchServer(t *testing.T) *fetchServer {
	t.Helper()
	fs := &fetchServer{}
	mux := http.NewServeMux()
	origin := strings.TrimSuffix(harness.baseURL, "/")
	cors := func(w http.ResponseWriter) {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Headers", "Authorization, Accept")
		w.Header().Set("Access-Control-Expose-Headers", "Location, Request-Id")
	}
	record := func(r *http.Request) {
		fs.mu.Lock()
		defer fs.mu.Unlock()
		if r.Method == http.MethodGet {
			fs.seen = append(fs.seen, r.Header.Clone())
			fs.urls = append(fs.urls, r.URL.String())
		}
	}
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		record(r)
		cors(w)
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Request-Id", "7c1c4f5e-2f1b-4c8a-9a61-0b1f1d2f3e4a")
		io.WriteString(w, operationJSON)
	})
	mux.HandleFunc("/nocors", func(w http.ResponseWriter, r *http.Request) {
		record(r)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, operationJSON)
	})
	mux.HandleFunc("/unauthorized", func(w http.ResponseWriter, r *http.Request) {
		record(r)
		cors(w)
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"error": {"code": "InvalidAuthenticationToken", "message": "Access token is empty."}}`)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fs.Server = &httptest.Server{Listener: ln, Config: &http.Server{Handler: mux}}
	fs.Start()
	t.Cleanup(fs.Close)
	return fs
}

func (fs *fetchServer) requests() ([]http.Header, []string) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return append([]http.Header(nil), fs.seen...), append([]string(nil), fs.urls...)
}

// fetchInPage fills the fetch fields and clicks Fetch, then waits for the
// button to be enabled again (the fetch ended).
func (p *tab) fetchInPage(u, token string) {
	p.t.Helper()
	eval[chromedp.Void](p, fmt.Sprintf(`(() => { document.getElementById("fetch-url").value = %q; document.getElementById("fetch-token").value = %q; })()`, u, token))
	p.click("#fetch")
	p.waitFor(`!document.getElementById("fetch").disabled && document.getElementById("status").textContent !== "Fetching…"`, "the fetch to end")
}

// TestFetch loads a response with a token, then fails three ways (CORS,
// 401, an unreachable server) and keeps the text each time. The token must
// reach the server and nowhere else: not the address, storage, the share
// link, the Referer, or the page server's log.
func TestFetch(t *testing.T) {
	p := newTab(t)
	srv := newFetchServer(t)
	p.allow(srv.URL)
	p.open("")
	const token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-test-token.c2lnbmF0dXJl"

	p.fetchInPage(srv.URL+"/ok", token)
	p.waitChecked()
	got := p.editorText()
	if !strings.HasPrefix(got, "HTTP/1.1 200") || !strings.Contains(got, operationJSON) {
		t.Fatalf("after a successful fetch the editor holds %q, want the raw HTTP response", got)
	}
	if !strings.Contains(strings.ToLower(got), "content-type: application/json") || !strings.Contains(got, "Request-Id: 7c1c4f5e") {
		t.Errorf("the raw response lacks its readable headers: %q", got)
	}
	if kind := p.text("#info-kind"); kind != "http" {
		t.Errorf("kind shown: got %q, want http", kind)
	}
	headers, _ := srv.requests()
	if len(headers) == 0 || headers[0].Get("Authorization") != "Bearer "+token {
		t.Fatalf("the server got Authorization %q, want the bearer token", headers[0].Get("Authorization"))
	}
	for _, h := range headers {
		if ref := h.Get("Referer"); ref != "" {
			t.Errorf("the fetch sent Referer %q, want none", ref)
		}
	}
	saved := p.editorText()

	// Failures keep the text and say what happened.
	for _, tc := range []struct {
		name, url, token string
		want             []string
	}{
		{"CORS refusal", srv.URL + "/nocors", "", []string{"did not allow this page to read its response", "CORS"}},
		{"401", srv.URL + "/unauthorized", "", []string{"401"}},
		{"401 with a token", srv.URL + "/unauthorized", token, []string{"401", "token"}},
		{"unreachable", closedPortURL(t), "", []string{"could not be reached"}},
		{"not a URL", "graph.microsoft.com/v1.0", "", []string{"not a complete URL"}},
	} {
		if strings.HasPrefix(tc.url, "http://127.0.0.1:") {
			p.allow(tc.url)
		}
		p.fetchInPage(tc.url, tc.token)
		msg := p.text("#message")
		for _, w := range tc.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: message %q does not say %q", tc.name, msg, w)
			}
		}
		if !strings.Contains(msg, "Your text was not changed") {
			t.Errorf("%s: message %q does not say the text was kept", tc.name, msg)
		}
		if got := p.editorText(); got != saved {
			t.Errorf("%s: the editor text changed to %q", tc.name, got)
		}
	}

	// Share: the link carries the text but never the token.
	p.click("#share")
	p.waitFor(`location.hash.length > 2`, "the share link")
	href := eval[string](p, `location.href`)
	if strings.Contains(href, token) || strings.Contains(href, "secret-test-token") {
		t.Errorf("the address holds the token: %s", href)
	}
	st, err := permalink.Decode(href[strings.Index(href, "#")+1:])
	if err != nil {
		t.Fatalf("decode the share link: %v", err)
	}
	if strings.Contains(st.Text, "secret-test-token") || st.Text != saved {
		t.Errorf("the share link's text %q: want the fetched response, without the token", st.Text)
	}
	storage := eval[string](p, `JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage}) + JSON.stringify(history.state)`)
	if strings.Contains(storage, "secret-test-token") {
		t.Errorf("browser storage holds the token: %s", storage)
	}
	if strings.Contains(harness.serverLog.String(), "secret-test-token") {
		t.Error("the page server's log holds the token")
	}
}

// closedPortURL is an http URL on loopback where nothing listens.
func closedPortURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/gone"
}

// TestURLFragmentFetchesOnOpen opens #url=... and expects the response in
// the editor, fetched without any Authorization header.
func TestURLFragmentFetchesOnOpen(t *testing.T) {
	p := newTab(t)
	srv := newFetchServer(t)
	p.allow(srv.URL)
	p.open("#url=" + url.QueryEscape(srv.URL+"/ok"))
	p.waitFor(`document.getElementById("fetch-url").value !== "" && !document.getElementById("fetch").disabled`, "the fetch on open")
	p.waitChecked()
	if got := p.editorText(); !strings.HasPrefix(got, "HTTP/1.1 200") || !strings.Contains(got, operationJSON) {
		t.Fatalf("editor: got %q, want the fetched response", got)
	}
	headers, urls := srv.requests()
	if len(headers) != 1 || urls[0] != "/ok" {
		t.Fatalf("server saw %v, want one GET /ok", urls)
	}
	if a := headers[0].Get("Authorization"); a != "" {
		t.Errorf("a #url= fetch sent Authorization %q, want none", a)
	}
}

// TestOpenFile opens a file through #open-file, refuses one over the cap,
// and accepts a dropped file.
func TestOpenFile(t *testing.T) {
	p := newTab(t)
	p.open("")
	dir := t.TempDir()
	src := readRepoFile(t, "check/testdata/corpus/forms/http-200.valid.http")
	name := filepath.Join(dir, "callback.http")
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	p.do(chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{name}))
	p.waitFor(`document.getElementById("message").textContent.includes("callback.http")`, "the file to open")
	p.waitChecked()
	if got := p.editorText(); got != strings.ReplaceAll(src, "\r\n", "\n") {
		t.Fatalf("after opening the file the editor holds %q, want its content", got)
	}

	// Over the cap: refused before reading, the text stays.
	big := filepath.Join(dir, "huge.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(21_000_000); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := p.editorText()
	p.do(chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{big}))
	p.waitFor(`document.getElementById("message").textContent.includes("huge.json")`, "the refusal")
	if msg := p.text("#message"); !strings.Contains(msg, "up to 20 MB") {
		t.Errorf("refusal %q does not state the cap", msg)
	}
	if got := p.editorText(); got != before {
		t.Errorf("a refused file changed the text to %q", got)
	}

	// Drag and drop onto the editor.
	dropped := filepath.Join(dir, "dropped.json")
	if err := os.WriteFile(dropped, []byte(operationJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	box := eval[[]float64](p, `(() => { const r = document.getElementById("editor").getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`)
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: []string{dropped}, DragOperationsMask: 1}
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
			if _, err := chromedp.Call(ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: box[0], Y: box[1], Data: data}); err != nil {
				return err
			}
		}
		return nil
	}))
	p.waitFor(`document.getElementById("message").textContent.includes("dropped.json")`, "the dropped file to open")
	p.waitChecked()
	if got := p.editorText(); got != operationJSON {
		t.Errorf("after the drop the editor holds %q, want the file", got)
	}
}

// TestAutosaveAndNew: typed text survives a reload; New empties the editor
// (and Ctrl+Z brings the text back); the API choice is remembered.
func TestAutosaveAndNew(t *testing.T) {
	p := newTab(t)
	p.open("")
	const text = `{"@odata.type": "#microsoft.graph.recordOperation", "id": "r1", "status": "Running"}`
	p.setText(text)
	eval[chromedp.Void](p, `(() => { const s = document.getElementById("api"); s.value = "beta"; s.dispatchEvent(new Event("change")); })()`)
	p.waitChecked()
	p.waitFor(`localStorage.getItem("opcheck.text") !== null && localStorage.getItem("opcheck.text").includes("recordOperation")`, "the autosave")
	p.do(chromedp.Reload())
	p.waitReady()
	if got := p.editorText(); got != text {
		t.Fatalf("after reload: got %q, want the typed text", got)
	}
	if got := eval[string](p, `document.getElementById("api").value`); got != "beta" {
		t.Errorf("after reload the API is %q, want beta", got)
	}
	if got := p.text("#info-api"); got != "beta" {
		t.Errorf("the info line says API %q, want beta", got)
	}
	p.click("#new")
	p.waitChecked()
	if got := p.editorText(); got != "" {
		t.Fatalf("after New: got %q, want an empty editor", got)
	}
	p.focusEditor()
	p.do(chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	if got := p.editorText(); got != text {
		t.Errorf("undo after New: got %q, want the text back", got)
	}
}
