// Package view renders what a Graph SDK builds from a JSON text, as JSON,
// for the page's SDK tab: package sdk's [sdk.Read] with a decoder in front
// and an encoder behind. It is apart from package sdk so that the
// validator's WebAssembly, which asks sdk only for outcomes and sentences,
// does not link encoding/json.
package view

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strconv"

	"opcheck/graph"
	"opcheck/sdk"
)

// Read decodes src (one JSON object) and returns, as JSON (see
// [AppendObject]), what SDK l builds from it when a bot reads it as the
// type called typeName of model m. Text that is not one JSON value is an
// error.
func Read(l sdk.Lang, m *graph.Model, typeName string, src []byte) ([]byte, error) {
	t := m.Type(typeName)
	if t == nil {
		return nil, errors.New("view: no type " + strconv.Quote(typeName) + " in " + m.API)
	}
	d := json.NewDecoder(bytes.NewReader(src))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, errors.New("view: read: " + err.Error())
	}
	return AppendObject(nil, sdk.Read(l, m, t, v)), nil
}

// AppendObject appends o as JSON to dst: {"type", "fail"?, "members":
// [{"key", "outcome", "value"?, "object"?, "items"?}]}, members sorted by key.
func AppendObject(dst []byte, o *sdk.Object) []byte {
	dst = append(dst, `{"type":`...)
	dst = appendQuote(dst, o.Type)
	if o.Fail {
		dst = append(dst, `,"fail":true`...)
	}
	dst = append(dst, `,"members":[`...)
	keys := make([]string, 0, len(o.Members))
	for k := range o.Members {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"key":`...)
		dst = appendQuote(dst, k)
		dst = appendMember(append(dst, ','), o.Members[k])
		dst = append(dst, '}')
	}
	return append(dst, "]}"...)
}

// appendQuote appends s as a JSON string.
func appendQuote(dst []byte, s string) []byte {
	b, _ := json.Marshal(s) // a string always marshals
	return append(dst, b...)
}

// appendMember appends m's fields (without braces) to dst.
func appendMember(dst []byte, m sdk.Member) []byte {
	dst = append(dst, `"outcome":`...)
	dst = appendQuote(dst, m.Outcome.String())
	if m.Value != "" {
		dst = append(dst, `,"value":`...)
		dst = appendQuote(dst, m.Value)
	}
	if m.Object != nil {
		dst = AppendObject(append(dst, `,"object":`...), m.Object)
	}
	if m.Items != nil {
		dst = append(dst, `,"items":[`...)
		for i, it := range m.Items {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(appendMember(append(dst, '{'), it), '}')
		}
		dst = append(dst, ']')
	}
	return dst
}
