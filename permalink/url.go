package permalink

import (
	"net/url"
	"strings"
)

// ParseURLFragment reads a fragment of the form "url=" followed by a
// percent-encoded address (with or without the leading "#"), as made by
// JavaScript's encodeURIComponent, and returns the address. It reports false
// for any other fragment, and for an address the page must not fetch: one
// that is not absolute http or https, has no host, carries a user name or
// password, or is longer than MaxFragment.
func ParseURLFragment(fragment string) (string, bool) {
	fragment = strings.TrimPrefix(fragment, "#")
	rest, ok := strings.CutPrefix(fragment, "url=")
	if !ok || len(fragment) > MaxFragment {
		return "", false
	}
	raw, err := url.PathUnescape(rest)
	if err != nil {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", false
	}
	return u.String(), true
}
