//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// scratch is reused between calls for the input bytes and the JSON of the
// result; calls never overlap (JavaScript is single-threaded here).
var scratch []byte

var (
	uint8Array = safejs.MustGetGlobal("Uint8Array")
	jsonObject = safejs.MustGetGlobal("JSON")
)

// textArg reads a text argument: a string, or a Uint8Array of UTF-8 bytes
// (which is cheaper to pass: the page encodes it with TextEncoder).
func textArg(v safejs.Value) ([]byte, error) {
	switch v.Type() {
	case safejs.TypeString:
		s, err := v.String()
		return []byte(s), err
	case safejs.TypeObject:
		if ok, err := v.InstanceOf(uint8Array); err != nil || !ok {
			break
		}
		n, err := v.Length()
		if err != nil {
			return nil, err
		}
		buf := make([]byte, n)
		if _, err := safejs.CopyBytesToGo(buf, v); err != nil {
			return nil, err
		}
		return buf, nil
	}
	return nil, errors.New("the text must be a string or a Uint8Array, got " + v.Type().String())
}

// stringOption reads options[name]: undefined and null mean "", anything
// other than a string is an error.
func stringOption(options safejs.Value, name string) (string, error) {
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

// boolOption reads options[name] as a boolean; undefined and null mean false.
func boolOption(options safejs.Value, name string) (bool, error) {
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

// parseJSON turns JSON made by the core into plain JavaScript objects with a
// single call, far cheaper than setting each field across the boundary.
func parseJSON(s string) (safejs.Value, error) {
	return jsonObject.Call("parse", s)
}
