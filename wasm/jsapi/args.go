//go:build js && wasm

package jsapi

import (
	"errors"
	"math"
	"strconv"

	"github.com/hack-pad/safejs"

	"opcheck/internal/sizeclass"
)

var (
	uint8Array = safejs.MustGetGlobal("Uint8Array")
	jsonObject = safejs.MustGetGlobal("JSON")
)

// textEncoder is made on first use: every page, worker and Node has one.
var textEncoder safejs.Value

// encode turns a JavaScript string into a Uint8Array of UTF-8.
func encode(s safejs.Value) (safejs.Value, error) {
	if textEncoder.IsUndefined() {
		te, err := safejs.Global().Get("TextEncoder")
		if err == nil {
			textEncoder, err = te.New()
		}
		if err != nil {
			return safejs.Value{}, errors.New("no TextEncoder to read the text with: " + err.Error())
		}
	}
	return textEncoder.Call("encode", s)
}

// TextArg reads a text argument: a string, or a Uint8Array of UTF-8 bytes
// (which is cheaper to pass: the page encodes it with TextEncoder). It
// appends the bytes to dst[:0], so a caller may reuse one buffer.
func TextArg(dst []byte, v safejs.Value) ([]byte, error) {
	switch v.Type() {
	case safejs.TypeString:
		// Encoding in JavaScript and copying the bytes once costs the Go heap
		// one copy of the text; v.String() would cost three (its buffer, the
		// string, and dst).
		u8, err := encode(v)
		if err != nil {
			return nil, err
		}
		v = u8
		fallthrough
	case safejs.TypeObject:
		if ok, err := v.InstanceOf(uint8Array); err != nil || !ok {
			break
		}
		n, err := v.Length()
		if err != nil {
			return nil, err
		}
		buf := dst[:0]
		if cap(buf) < n {
			buf = make([]byte, n, sizeclass.Of(n)) // see package sizeclass: wasm memory never shrinks
		}
		buf = buf[:n]
		if _, err := safejs.CopyBytesToGo(buf, v); err != nil {
			return nil, err
		}
		return buf, nil
	}
	return nil, errors.New("the text must be a string or a Uint8Array, got " + v.Type().String())
}

// StringOption reads options[name]: undefined and null mean "", anything
// other than a string is an error.
func StringOption(options safejs.Value, name string) (string, error) {
	if options.IsUndefined() || options.IsNull() {
		return "", nil
	}
	if options.Type() != safejs.TypeObject {
		return "", errors.New("the options must be an object, got " + options.Type().String())
	}
	v, err := options.Get(name)
	if err != nil {
		return "", err
	}
	if v.IsUndefined() || v.IsNull() {
		return "", nil
	}
	if v.Type() != safejs.TypeString {
		return "", errors.New("option " + name + " must be a string, got " + v.Type().String())
	}
	return v.String()
}

// BoolOption reads options[name] as a boolean; undefined and null mean false.
func BoolOption(options safejs.Value, name string) (bool, error) {
	return BoolOptionOr(options, name, false)
}

// BoolOptionOr reads options[name] as a boolean; undefined and null (and
// options undefined or null) mean def.
func BoolOptionOr(options safejs.Value, name string, def bool) (bool, error) {
	if options.IsUndefined() || options.IsNull() {
		return def, nil
	}
	v, err := options.Get(name)
	if err != nil {
		return false, err
	}
	if v.IsUndefined() || v.IsNull() {
		return def, nil
	}
	if v.Type() != safejs.TypeBoolean {
		return false, errors.New("option " + name + " must be a boolean, got " + v.Type().String())
	}
	return v.Bool()
}

// ParseJSONBytes is ParseJSON for JSON in a Go buffer: the bytes are copied
// straight into JavaScript and decoded there, so the Go heap, which never
// gives memory back, holds no string copy of a large result.
func ParseJSONBytes(b []byte) (safejs.Value, error) {
	u8, err := uint8Array.New(len(b))
	if err != nil {
		return safejs.Value{}, err
	}
	if _, err := safejs.CopyBytesToJS(u8, b); err != nil {
		return safejs.Value{}, err
	}
	if textDecoder.IsUndefined() {
		td, err := safejs.Global().Get("TextDecoder")
		if err == nil {
			textDecoder, err = td.New()
		}
		if err != nil {
			return safejs.Value{}, errors.New("no TextDecoder to read the result with: " + err.Error())
		}
	}
	s, err := textDecoder.Call("decode", u8)
	if err != nil {
		return safejs.Value{}, err
	}
	return jsonObject.Call("parse", s)
}

// textDecoder is made on first use, like textEncoder.
var textDecoder safejs.Value

// ParseJSON turns JSON made by the core into plain JavaScript objects with a
// single call, far cheaper than setting each field across the boundary.
func ParseJSON(s string) (safejs.Value, error) {
	return jsonObject.Call("parse", s)
}

var array = safejs.MustGetGlobal("Array")

// Items returns the elements of a JavaScript array.
func Items(v safejs.Value) ([]safejs.Value, error) {
	isArray, err := array.Call("isArray", v)
	if err != nil {
		return nil, err
	}
	if ok, err := isArray.Bool(); err != nil || !ok {
		return nil, errors.New("want an array, got " + v.Type().String())
	}
	n, err := v.Length()
	if err != nil {
		return nil, err
	}
	items := make([]safejs.Value, n)
	for i := range items {
		if items[i], err = v.Index(i); err != nil {
			return nil, err
		}
	}
	return items, nil
}

// IntField reads obj[name], which must be a number without a fraction.
func IntField(obj safejs.Value, name string) (int, error) {
	if obj.Type() != safejs.TypeObject {
		return 0, errors.New("want an object with " + name + ", got " + obj.Type().String())
	}
	v, err := obj.Get(name)
	if err != nil {
		return 0, err
	}
	if v.Type() != safejs.TypeNumber {
		return 0, errors.New(name + " must be a number, got " + v.Type().String())
	}
	f, err := v.Float()
	if err != nil {
		return 0, err
	}
	// Beyond ±2^53 a float64 no longer holds every integer; no text is that long.
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, errors.New(name + " must be an integer, got " + strconv.FormatFloat(f, 'g', -1, 64))
	}
	return int(f), nil
}
