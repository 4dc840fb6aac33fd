//go:build js && wasm

package jsapi

import (
	"errors"

	"github.com/hack-pad/safejs"
)

var (
	uint8Array = safejs.MustGetGlobal("Uint8Array")
	jsonObject = safejs.MustGetGlobal("JSON")
)

// TextArg reads a text argument: a string, or a Uint8Array of UTF-8 bytes
// (which is cheaper to pass: the page encodes it with TextEncoder). It
// appends the bytes to dst[:0], so a caller may reuse one buffer.
func TextArg(dst []byte, v safejs.Value) ([]byte, error) {
	switch v.Type() {
	case safejs.TypeString:
		s, err := v.String()
		return append(dst[:0], s...), err
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
			buf = make([]byte, n)
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
	if options.IsUndefined() || options.IsNull() {
		return false, nil
	}
	v, err := options.Get(name)
	if err != nil || v.IsUndefined() || v.IsNull() {
		return false, err
	}
	if v.Type() != safejs.TypeBoolean {
		return false, errors.New("option " + name + " must be a boolean, got " + v.Type().String())
	}
	return v.Bool()
}

// ParseJSON turns JSON made by the core into plain JavaScript objects with a
// single call, far cheaper than setting each field across the boundary.
func ParseJSON(s string) (safejs.Value, error) {
	return jsonObject.Call("parse", s)
}
