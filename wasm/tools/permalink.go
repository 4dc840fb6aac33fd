//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"

	"opcheck/wasm/jsapi"

	"opcheck/permalink"
	"opcheck/redact"
)

func init() {
	api["encodeLink"] = encodeLink
	api["decodeLink"] = decodeLink
	api["urlFromFragment"] = urlFromFragment
	api["redact"] = redactText
}

// encodeLink({text, api, query, view}) → {ok, fragment}: the fragment (without
// "#") that restores the state; a state too large for a link is refused.
func encodeLink(args []safejs.Value) (any, error) {
	if len(args) != 1 || args[0].Type() != safejs.TypeObject {
		return nil, errors.New("want ({text, api, query, view})")
	}
	var s permalink.State
	text, err := args[0].Get("text")
	if err == nil && !text.IsUndefined() && !text.IsNull() {
		var b []byte
		b, err = jsapi.TextArg(nil, text)
		s.Text = string(b)
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"api", &s.API}, {"query", &s.Query}, {"view", &s.View}} {
		if err == nil {
			*f.dst, err = jsapi.StringOption(args[0], f.name)
		}
	}
	if err != nil {
		return nil, err
	}
	fragment, err := permalink.EncodeChecked(s)
	if err != nil {
		return nil, err
	}
	return map[string]any{"ok": true, "fragment": fragment}, nil
}

// decodeLink(fragment) → {ok, state: {text, api, query, view}}.
func decodeLink(args []safejs.Value) (any, error) {
	fragment, err := fragmentArg(args)
	if err != nil {
		return nil, err
	}
	s, err := permalink.Decode(fragment)
	if err != nil {
		return nil, err
	}
	return map[string]any{"ok": true, "state": map[string]any{
		"text": s.Text, "api": s.API, "query": s.Query, "view": s.View,
	}}, nil
}

// urlFromFragment(fragment) → {ok, url} for a "url=" fragment naming an http
// or https address.
func urlFromFragment(args []safejs.Value) (any, error) {
	fragment, err := fragmentArg(args)
	if err != nil {
		return nil, err
	}
	u, ok := permalink.ParseURLFragment(fragment)
	if !ok {
		return nil, errors.New("the fragment is not url= followed by an http or https address")
	}
	return map[string]any{"ok": true, "url": u}, nil
}

// redactText(text) → {ok, text} with personal data and secrets replaced.
func redactText(args []safejs.Value) (any, error) {
	if len(args) != 1 {
		return nil, errors.New("want (text)")
	}
	src, err := jsapi.TextArg(nil, args[0])
	if err != nil {
		return nil, err
	}
	return map[string]any{"ok": true, "text": redact.Text(string(src))}, nil
}

// fragmentArg reads the single string argument of decodeLink and
// urlFromFragment.
func fragmentArg(args []safejs.Value) (string, error) {
	if len(args) != 1 || args[0].Type() != safejs.TypeString {
		return "", errors.New("want (fragment: string)")
	}
	return args[0].String()
}
