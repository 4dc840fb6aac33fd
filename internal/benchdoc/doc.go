// Package benchdoc generates realistic comms-operation documents of a chosen
// size and shape for benchmarks: deterministic for a given seed, valid
// against the v1.0 metadata, or with about one value in twenty broken.
package benchdoc
