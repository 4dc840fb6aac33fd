// Package realsdk holds the differential tests of package sdk against the
// real Graph SDKs: msgraph-sdk-go with kiota-serialization-json-go, and
// (under Node) @microsoft/msgraph-sdk with @microsoft/kiota-serialization-json.
// It is its own module so that those libraries stay out of opcheck's
// go.mod, CLI and WebAssembly build.
package realsdk
