//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/hack-pad/safejs"

	"opcheck/check"
	"opcheck/sdk/notes"
	"opcheck/wasm/jsapi"
)

func init() {
	api["sdkNotes"] = sdkNotes
}

// sdkNotes(text, {api, objects, findings}) → {ok, notes, index}: what each
// Graph SDK makes of the values the checker's findings are about
// (notes.Annotate). objects are the result's objects ({pointer, type,
// offset, length}) and findings its diagnostics ({code, pointer, offset,
// length}), offsets and lengths in UTF-8 bytes of text, as the checker
// gives them. notes lists the distinct sets of sentences ({go, typescript,
// dotnet, java, python}, empty ones left out) and index[i] is the one of
// findings[i], or -1 for none (notes.Distinct): a mistake repeated in
// every item of a long collection travels once.
func sdkNotes(args []safejs.Value) (any, error) {
	if len(args) != 2 {
		return nil, errors.New("want (text, {api, objects, findings})")
	}
	src, err := jsapi.TextArg(nil, args[0])
	if err != nil {
		return nil, err
	}
	r := &check.Result{}
	if r.API, err = jsapi.StringOption(args[1], "api"); err != nil {
		return nil, err
	}
	objs, err := field(args[1], "objects")
	if err != nil {
		return nil, err
	}
	r.Objects = make([]check.Object, len(objs))
	for i, v := range objs {
		o := &r.Objects[i]
		if o.Pointer, o.Offset, o.Length, err = located(v, src, "objects", i); err == nil {
			o.Type, err = jsapi.StringOption(v, "type")
		}
		if err != nil {
			return nil, err
		}
	}
	ds, err := field(args[1], "findings")
	if err != nil {
		return nil, err
	}
	r.Diagnostics = make([]check.Diagnostic, len(ds))
	for i, v := range ds {
		d := &r.Diagnostics[i]
		if d.Pointer, d.Offset, d.Length, err = located(v, src, "findings", i); err == nil {
			d.Code, err = jsapi.StringOption(v, "code")
		}
		if err != nil {
			return nil, err
		}
	}
	notes.Annotate(src, r)
	distinct, index := notes.Distinct(r.Diagnostics)
	out, err := json.Marshal(struct {
		OK    bool              `json:"ok"`
		Notes []*check.SDKNotes `json:"notes"`
		Index []int             `json:"index"`
	}{true, distinct, index})
	if err != nil {
		return nil, err
	}
	return jsapi.ParseJSONBytes(out)
}

// field is the array options[name].
func field(options safejs.Value, name string) ([]safejs.Value, error) {
	if options.Type() != safejs.TypeObject {
		return nil, errors.New("the options must be an object, got " + options.Type().String())
	}
	v, err := options.Get(name)
	if err != nil {
		return nil, err
	}
	items, err := jsapi.Items(v)
	if err != nil {
		return nil, errors.New(name + ": " + err.Error())
	}
	return items, nil
}

// located reads the pointer, offset and length of item i of list, which
// must lie inside src.
func located(v safejs.Value, src []byte, list string, i int) (pointer string, off, n int, err error) {
	at := list + "[" + strconv.Itoa(i) + "]: "
	if pointer, err = jsapi.StringOption(v, "pointer"); err != nil {
		return "", 0, 0, errors.New(at + err.Error())
	}
	if off, err = jsapi.IntField(v, "offset"); err == nil {
		n, err = jsapi.IntField(v, "length")
	}
	if err != nil {
		return "", 0, 0, errors.New(at + err.Error())
	}
	if off < 0 || n < 0 || off > len(src) || n > len(src)-off {
		return "", 0, 0, errors.New(at + "offset and length lie outside the text (they count UTF-8 bytes)")
	}
	return pointer, off, n, nil
}
