// Package sdk models how the Microsoft Graph SDKs read a JSON payload: for
// each SDK ([Go], [TypeScript], [DotNet], [Java], [Python]) a table of
// behaviours, one row per situation with the evidence it was read from, and
// [Read], which predicts from that table what one SDK builds from a JSON
// object read as a type of a [graph.Model].
//
// The package is pure Go and holds no code path per language: every
// difference between the SDKs is a row of the table.
package sdk
