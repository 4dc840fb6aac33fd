// Package headers is the one definition of the HTTP headers the playground
// is served with: the Content-Security-Policy and the other security
// headers, content types, and which files may be cached for good. The
// server sets them on its responses, and [File] writes them as a static
// host's _headers file, so that both ways of serving the page send the same
// policy.
package headers
