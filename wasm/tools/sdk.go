//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"

	"opcheck/graph"
	"opcheck/sdk"
	"opcheck/sdk/view"
	"opcheck/wasm/jsapi"
)

func init() {
	api["sdkRead"] = sdkRead
}

// sdkRead(text, {lang, api, type, offset, length}) → {ok, object}: what
// the Graph SDK lang builds from the JSON object at bytes [offset,
// offset+length) of text, read as type (view.Read).
func sdkRead(args []safejs.Value) (any, error) {
	if len(args) != 2 {
		return nil, errors.New("want (text, {lang, api, type, offset, length})")
	}
	src, err := jsapi.TextArg(nil, args[0])
	if err != nil {
		return nil, err
	}
	name, err := jsapi.StringOption(args[1], "lang")
	if err != nil {
		return nil, err
	}
	lang, ok := sdk.ParseLang(name)
	if !ok {
		return nil, errors.New("unknown SDK " + name + ": use go, typescript, dotnet, java or python")
	}
	version, err := jsapi.StringOption(args[1], "api")
	if err != nil {
		return nil, err
	}
	m := graph.Lookup(version)
	if m == nil {
		m = graph.Lookup("v1.0")
	}
	typ, err := jsapi.StringOption(args[1], "type")
	if err != nil {
		return nil, err
	}
	off, err := jsapi.IntField(args[1], "offset")
	if err != nil {
		return nil, err
	}
	n, err := jsapi.IntField(args[1], "length")
	if err != nil {
		return nil, err
	}
	if off < 0 || n < 0 || off > len(src) || n > len(src)-off {
		return nil, errors.New("offset and length lie outside the text")
	}
	obj, err := view.Read(lang, m, typ, src[off:off+n])
	if err != nil {
		return nil, err
	}
	out := append(append([]byte(`{"ok":true,"object":`), obj...), '}')
	return jsapi.ParseJSONBytes(out)
}
