//go:build js && wasm

package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"

	"opcheck/permalink"
	"opcheck/wasm/internal/jstest"
	"opcheck/wasm/jsapi"
)

// jsArgs converts Go values to the arguments a handler receives.
func jsArgs(t *testing.T, args ...any) []safejs.Value {
	t.Helper()
	out := make([]safejs.Value, len(args))
	for i, a := range args {
		v, err := safejs.ValueOf(a)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = v
	}
	return out
}

func TestLinkHandlersArgumentErrors(t *testing.T) {
	tests := []struct {
		name    string
		h       jsapi.Handler
		args    []any
		wantErr string
	}{
		{"encode without arguments", encodeLink, nil, "want ({text, api, query, view})"},
		{"encode a string", encodeLink, []any{"{}"}, "want ({text, api, query, view})"},
		{"encode a number as text", encodeLink, []any{map[string]any{"text": 1}}, "must be a string or a Uint8Array"},
		{"encode a number as api", encodeLink, []any{map[string]any{"text": "{}", "api": 2}}, "option api must be a string"},
		{"encode too much text", encodeLink, []any{map[string]any{"text": strings.Repeat("a", permalink.MaxDecoded+1)}}, "permalink: link is too large once expanded"},
		{"decode without arguments", decodeLink, nil, "want (fragment: string)"},
		{"decode a number", decodeLink, []any{1}, "want (fragment: string)"},
		{"decode two arguments", decodeLink, []any{"1.", "1."}, "want (fragment: string)"},
		{"url of an object", urlFromFragment, []any{map[string]any{}}, "want (fragment: string)"},
		{"url of a state link", urlFromFragment, []any{"#1.abc"}, "not url= followed by an http or https address"},
		{"url of javascript", urlFromFragment, []any{"#url=javascript%3Aalert(1)"}, "not url= followed"},
		{"redact without arguments", redactText, nil, "want (text)"},
		{"redact a boolean", redactText, []any{true}, "must be a string or a Uint8Array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.h(jsArgs(t, tt.args...))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got %v, %v, want an error containing %q", got, err, tt.wantErr)
			}
		})
	}
}

func TestLinkRoundTrip(t *testing.T) {
	state := map[string]any{
		"text":  "{\"displayName\": \"Zoë\"}\n",
		"api":   "beta",
		"query": "displayName",
		"view":  "query",
	}
	got, err := encodeLink(jsArgs(t, state))
	if err != nil {
		t.Fatalf("encodeLink: got error %v, want none", err)
	}
	enc := got.(map[string]any)
	fragment, _ := enc["fragment"].(string)
	if enc["ok"] != true || !strings.HasPrefix(fragment, "1.") {
		t.Fatalf("encodeLink: got %v, want ok and a fragment starting with 1.", enc)
	}

	got, err = decodeLink(jsArgs(t, "#"+fragment))
	if err != nil {
		t.Fatalf("decodeLink: got error %v, want none", err)
	}
	dec := got.(map[string]any)
	if dec["ok"] != true {
		t.Fatalf("decodeLink: got %v, want ok", dec)
	}
	back := dec["state"].(map[string]any)
	for k, want := range state {
		if back[k] != want {
			t.Errorf("decodeLink: got %s %q, want %q", k, back[k], want)
		}
	}

	// The text may also come as a Uint8Array, and missing members are empty.
	got, err = encodeLink([]safejs.Value{mustObject(t, map[string]any{"text": jstest.Bytes(t, "{}")})})
	if err != nil {
		t.Fatalf("encodeLink with a Uint8Array: got error %v, want none", err)
	}
	s, err := permalink.Decode(got.(map[string]any)["fragment"].(string))
	if err != nil || s != (permalink.State{Text: "{}"}) {
		t.Errorf("got %+v, %v, want the text {} and nothing else", s, err)
	}
}

// mustObject makes a JavaScript object whose members may already be
// JavaScript values.
func mustObject(t *testing.T, members map[string]any) safejs.Value {
	t.Helper()
	obj, err := safejs.ValueOf(map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range members {
		if err := obj.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	return obj
}

func TestDecodeLinkCorrupt(t *testing.T) {
	good, err := encodeLink(jsArgs(t, map[string]any{"text": "{}"}))
	if err != nil {
		t.Fatal(err)
	}
	fragment := good.(map[string]any)["fragment"].(string)
	tests := []struct {
		name    string
		in      string
		wantErr error
	}{
		{"cut short", fragment[:len(fragment)-3], permalink.ErrTruncated},
		{"unknown version", "9" + fragment[1:], permalink.ErrVersion},
		{"not base64", "1.***", permalink.ErrBase64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeLink(jsArgs(t, tt.in))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got %v, %v, want error %v", got, err, tt.wantErr)
			}
		})
	}

	// Through the installed function the page sees {ok: false, error}.
	v := jstest.Call(t, api, "decodeLink", "9"+fragment[1:])
	if jstest.OK(t, v) {
		t.Fatal("decodeLink: got ok = true for an unknown version")
	}
	if got, want := jstest.Str(t, v, "error.message"), "opcheck.decodeLink: permalink: unknown link version"; !strings.HasPrefix(got, want) {
		t.Errorf("got message %q, want it to start with %q", got, want)
	}
}

func TestURLFromFragmentAndRedact(t *testing.T) {
	v := jstest.Call(t, api, "urlFromFragment", "#url=https%3A%2F%2Fexample.com%2Fcallback.json")
	if !jstest.OK(t, v) {
		t.Fatalf("urlFromFragment: %s", jstest.Str(t, v, "error.message"))
	}
	if got, want := jstest.Str(t, v, "url"), "https://example.com/callback.json"; got != want {
		t.Errorf("urlFromFragment: got %q, want %q", got, want)
	}

	in := `{"displayName": "Alice", "id": "57dab8b1-894c-409a-b240-bd8beae78896"}`
	want := `{"displayName": "Name 1", "id": "00000000-0000-0000-0000-000000000001"}`
	for _, arg := range []any{in, jstest.Bytes(t, in)} {
		r := jstest.Call(t, api, "redact", arg)
		if !jstest.OK(t, r) {
			t.Fatalf("redact: %s", jstest.Str(t, r, "error.message"))
		}
		if got := jstest.Str(t, r, "text"); got != want {
			t.Errorf("redact: got %q, want %q", got, want)
		}
	}
}
