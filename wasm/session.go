//go:build js && wasm

package main

import (
	"errors"
	"strconv"

	"github.com/hack-pad/safejs"

	"opcheck/check"
	"opcheck/wasm/jsapi"
)

// session holds the text of the last open, which edit changes: one text per
// module instance, as one page (or worker) serves one editor.
var session = check.NewSession()

// open(text, {api, kind}) checks text as validate does and keeps it for
// edit. The result is validate's plus ascii: whether the text is all ASCII,
// so that its byte offsets are also UTF-16 positions. A failed open leaves
// the session as it was.
func open(args []safejs.Value) (any, error) {
	src, opts, err := textAndOptions(args)
	if err != nil {
		return nil, err
	}
	return answer(session.Check(src, opts), asciiMember())
}

// edit(changes) applies changes, an array of {offset, length, text}, in
// order to the text of the last open, and returns open's result for the new
// text. offset and length count UTF-8 bytes of the text as the changes
// before left it; text is a string or a Uint8Array. When any change is
// malformed or out of range, none is applied.
func edit(args []safejs.Value) (any, error) {
	if len(args) != 1 {
		return nil, errors.New("want (changes), got " + strconv.Itoa(len(args)) + " arguments")
	}
	changes, err := changesArg(args[0])
	if err != nil {
		return nil, err
	}
	r, err := session.Apply(changes)
	if err != nil {
		return nil, err
	}
	return answer(r, asciiMember())
}

func asciiMember() string {
	return `"ascii":` + strconv.FormatBool(session.ASCII()) + `,`
}

// changesArg reads edit's array of changes.
func changesArg(v safejs.Value) ([]check.Change, error) {
	items, err := jsapi.Items(v)
	if err != nil {
		return nil, errors.New("the changes: " + err.Error())
	}
	changes := make([]check.Change, len(items))
	for i, item := range items {
		c := &changes[i]
		if c.Offset, err = jsapi.IntField(item, "offset"); err == nil {
			c.Length, err = jsapi.IntField(item, "length")
		}
		if err == nil {
			var text safejs.Value
			if text, err = item.Get("text"); err == nil {
				c.Text, err = jsapi.TextArg(nil, text)
			}
		}
		if err != nil {
			return nil, errors.New("change " + strconv.Itoa(i) + ": " + err.Error())
		}
	}
	return changes, nil
}
