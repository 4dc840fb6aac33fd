// Package graph is the Microsoft Graph type model that the validator checks
// comms operations against: entity, complex and enum types with their
// properties, for the v1.0 and beta APIs.
//
// The model is generated from the CSDL extracts in shared/graph-metadata
// into tables_gen.go and linked into [Model] values once, at package
// initialisation, without any XML parsing. Start with [Lookup], then
// [Model.Type] and [Type.Property]; [Model.Other] answers "does this exist
// in the other version?".
package graph

//go:generate go run ./internal/gen
