// Package permalink turns the playground's state — the text, the API version,
// the query and the view — into a URL fragment and back, so a link carries
// everything without any server storage.
//
// [Encode] writes a fragment; [Decode] reads one and fails closed with an
// [*Error] whose Kind is one of the Err sentinels, so a corrupt, truncated,
// oversized or unknown-version link is refused with a plain message rather
// than half-opened. [ParseURLFragment] reads the other kind of fragment the
// page accepts, "url=" followed by an address to fetch.
//
// # Format, version 1
//
// A version 1 fragment is the text "1." followed by the unpadded base64url
// encoding of a raw DEFLATE stream (RFC 1951, no zlib or gzip header). The
// decompressed payload is four length-prefixed fields, in this order:
//
//	API, View, Query, Text
//
// each written as its byte length (an unsigned LEB128 varint, at most 4 bytes
// since the payload never exceeds [MaxDecoded]) followed by that many bytes,
// copied verbatim: any byte sequence round-trips, including NUL and invalid
// UTF-8. Nothing may follow the last field.
//
// Links already handed out must keep opening: a change to this layout gets a
// new version prefix, and Decode keeps reading "1." forever.
package permalink
