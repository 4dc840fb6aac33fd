// Package scan parses JSON in one pass into a flat, position-preserving
// [Doc], and reports syntax problems as located [Issue] values instead of a
// bare error, recovering where the author's intent is plain (a trailing
// comma, a comment, a byte-order mark) so that later checks still run.
//
// [Parse] is the entry point. It uses no recursion (nesting is limited to
// [MaxDepth]) and allocates a fixed few times per document, not per value,
// so that it stays fast and small on large documents in WebAssembly. The
// values are [Node] entries in document order with byte spans into the
// source; [Doc.Text], [Doc.Key], [Doc.Member], [Doc.Int] and [Doc.Float] read
// them, copying only strings that hold escapes. Each issue carries a stable
// code (the Code constants, such as [CodeTrailingComma]) and, where one
// exists, an [Edit] that repairs it.
package scan
