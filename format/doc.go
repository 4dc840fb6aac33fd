// Package format re-indents, minifies and queries JSON for the playground's
// Format, Minify and Query views, refusing text that is not JSON rather than
// producing something that looks formatted but is not.
package format
