//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"

	"opcheck/wasm/jsapi"

	"opcheck/format"
)

func init() {
	api["format"] = formatText
	api["minify"] = minifyText
	api["query"] = queryText
}

// formatText(text, {indent, sortKeys}) → {ok, text}.
func formatText(args []safejs.Value) (any, error) {
	if len(args) < 1 || len(args) > 2 {
		return nil, errors.New("want (text, options?)")
	}
	src, err := jsapi.TextArg(nil, args[0])
	if err != nil {
		return nil, err
	}
	var opts format.Options
	if len(args) == 2 {
		if opts.Indent, err = jsapi.StringOption(args[1], "indent"); err != nil {
			return nil, err
		}
		if opts.SortKeys, err = jsapi.BoolOption(args[1], "sortKeys"); err != nil {
			return nil, err
		}
	}
	out, err := format.Format(src, &opts)
	if err != nil {
		return nil, err
	}
	return map[string]any{"ok": true, "text": string(out)}, nil
}

// minifyText(text) → {ok, text}.
func minifyText(args []safejs.Value) (any, error) {
	if len(args) != 1 {
		return nil, errors.New("want (text)")
	}
	src, err := jsapi.TextArg(nil, args[0])
	if err != nil {
		return nil, err
	}
	out, err := format.Minify(src)
	if err != nil {
		return nil, err
	}
	return map[string]any{"ok": true, "text": string(out)}, nil
}

// queryText(text, path) → {ok, exists, result}.
func queryText(args []safejs.Value) (any, error) {
	if len(args) != 2 || args[1].Type() != safejs.TypeString {
		return nil, errors.New("want (text, path: string)")
	}
	src, err := jsapi.TextArg(nil, args[0])
	if err != nil {
		return nil, err
	}
	path, err := args[1].String()
	if err != nil {
		return nil, err
	}
	result, ok, err := format.Query(src, path)
	if err != nil {
		return nil, err
	}
	return map[string]any{"ok": true, "exists": ok, "result": result}, nil
}
