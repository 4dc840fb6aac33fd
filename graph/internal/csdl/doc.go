// Package csdl reads the comms subset of the Microsoft Graph CSDL metadata
// (OData Common Schema Definition Language, XML form) and turns it into the
// Go tables of package [opcheck/graph].
//
// It runs only at build time, from graph's go:generate step, so it may use
// encoding/xml and fmt freely; the runtime model never parses XML.
//
// [Parse] reads one document into a resolved [Document]: aliases replaced by
// their namespaces, every type reference checked, base types linked. [Generate]
// turns the v1.0 and beta documents into one gofmt-ed Go source file.
package csdl
