//go:build js && wasm

package main

import (
	"errors"
	"strconv"

	"github.com/hack-pad/safejs"

	"opcheck/check"
	"opcheck/scan"
	"opcheck/wasm/jsapi"
)

// The session holds the text of the last open, which edit changes: one text
// per module instance, as one page (or worker) serves one editor.
var (
	session = check.NewSession()
	// last is the session's last result, for objects.
	last *check.Result
	// lean is open's objects option turned around: results leave the
	// objects out.
	lean bool
	// opened are the options of the last open.
	opened check.Options
)

// open(text, {api, kind, objects, timeline}) checks text as validate does
// and keeps it for edit. The result is validate's plus ascii: whether the
// text is all ASCII, so that its byte offsets are also UTF-16 positions.
// With objects: false (the default is true), this and later results of edit
// have no objects member but types, the objects' distinct types in the
// order they first appear: a long collection has thousands of objects, and
// carrying them costs far more than an edit's check; objects() returns
// them. With timeline: false, they have no timeline member, and timeline()
// returns it. A failed open leaves the session as it was.
func open(args []safejs.Value) (any, error) {
	src, opts, err := textAndOptions(args)
	if err != nil {
		return nil, err
	}
	withObjects := true
	if len(args) == 2 {
		if withObjects, err = jsapi.BoolOptionOr(args[1], "objects", true); err != nil {
			return nil, err
		}
	}
	lean, opened = !withObjects, *opts
	r := session.Check(src, opts)
	if cap(input) >= 1<<20 {
		// The session keeps its own copy; a worker calls open once per
		// pasted text and then only edit, so a large input buffer would
		// only hold a second copy of the text for good.
		input = nil
	}
	return sessionAnswer(r, "")
}

// edit(changes, {units}) applies changes, an array of {offset, length,
// text}, in order to the text of the last open, and returns open's result
// for the new text. offset and length count UTF-8 bytes of the text as the
// changes before left it, or with units: "utf-16" UTF-16 code units, as
// the editor counts them (the changes then in ascending order); text is a
// string or a Uint8Array. When any change is malformed or out of range,
// none is applied. With units: "utf-16" and a text that is not all ASCII,
// the result also carries positions: the UTF-16 positions of each
// diagnostic's start and end, then its fix's start and end when it has
// one, in the order of the diagnostics, then the start of each timeline
// event, track by track, so that the caller need not walk the text to
// place them.
func edit(args []safejs.Value) (any, error) {
	if len(args) < 1 || len(args) > 2 {
		return nil, errors.New("want (changes, options?), got " + strconv.Itoa(len(args)) + " arguments")
	}
	changes, err := changesArg(args[0])
	if err != nil {
		return nil, err
	}
	units := ""
	if len(args) == 2 {
		if units, err = jsapi.StringOption(args[1], "units"); err != nil {
			return nil, err
		}
	}
	var r *check.Result
	switch units {
	case "", "utf-8":
		r, err = session.Apply(changes)
	case "utf-16":
		r, err = session.ApplyUTF16(changes)
	default:
		return nil, errors.New(`unknown units "` + units + `": use "utf-8" or "utf-16"`)
	}
	if err != nil {
		return nil, err
	}
	if units == "utf-16" && !session.ASCII() {
		return sessionAnswer(r, positionsJSON(r))
	}
	return sessionAnswer(r, "")
}

// positionsJSON is edit's "positions" member (with its trailing comma) for
// the diagnostics and timeline events of the session's text.
func positionsJSON(r *check.Result) string {
	offsets := make([]int, 0, 4*len(r.Diagnostics))
	for _, d := range r.Diagnostics {
		offsets = append(offsets, d.Offset, d.Offset+d.Length)
		if d.Fix != nil {
			offsets = append(offsets, d.Fix.Offset, d.Fix.Offset+d.Fix.Length)
		}
	}
	for _, t := range r.Timeline {
		for _, e := range t.Events {
			offsets = append(offsets, e.Offset)
		}
	}
	b := []byte(`"positions":[`)
	for i, p := range scan.BytesToUTF16(session.Text(), offsets) {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(p), 10)
	}
	return string(append(b, "],"...))
}

// objects() returns {ok: true, kind, api, objects} for the session's text as
// the last open or edit checked it, objects as validate lists them.
func objects(args []safejs.Value) (any, error) {
	if len(args) != 0 {
		return nil, errors.New("want (), got " + strconv.Itoa(len(args)) + " arguments")
	}
	if last == nil {
		return nil, errors.New("no text checked yet; call open first")
	}
	v, err := answer(&check.Result{Kind: last.Kind, API: last.API, Objects: last.Objects}, "")
	if err == nil {
		err = v.Delete("diagnostics")
	}
	return v, err
}

// timeline() returns {ok: true, kind, api, timeline} for the session's text
// as the last open or edit checked it, timeline as validate lists it. For a
// text that is not all ASCII it adds positions: the UTF-16 position of each
// event, track by track, as edit's positions place them.
func timeline(args []safejs.Value) (any, error) {
	if len(args) != 0 {
		return nil, errors.New("want (), got " + strconv.Itoa(len(args)) + " arguments")
	}
	if last == nil {
		return nil, errors.New("no text checked yet; call open first")
	}
	r := &check.Result{Kind: last.Kind, API: last.API, Timeline: session.Tracks()}
	extra := ""
	if !session.ASCII() {
		extra = positionsJSON(r)
	}
	v, err := answer(r, extra)
	if err == nil {
		err = v.Delete("diagnostics")
	}
	if err == nil {
		err = v.Delete("objects")
	}
	return v, err
}

// sessionAnswer is open's and edit's result for r, with the extra JSON
// members in extra (each followed by a comma).
func sessionAnswer(r *check.Result, extra string) (any, error) {
	last = r
	extra = `"ascii":` + strconv.FormatBool(session.ASCII()) + `,` + extra
	if !lean {
		return leanAnswer(r, extra, &opened)
	}
	short := *r
	short.Objects = nil
	v, err := leanAnswer(&short, extra, &opened)
	if err == nil {
		err = v.Delete("objects")
	}
	if err == nil {
		err = v.Set("types", types(r.Objects))
	}
	return v, err
}

// types lists the distinct types of objects in the order they first appear.
func types(objects []check.Object) []any {
	seen := make(map[string]bool)
	var list []any
	for _, o := range objects {
		if !seen[o.Type] {
			seen[o.Type] = true
			list = append(list, o.Type)
		}
	}
	return list
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
