package format

import (
	"errors"
	"strconv"

	"github.com/tidwall/gjson"
	"github.com/tidwall/pretty"

	"opcheck/scan"
)

// Options say how Format lays out JSON. A nil *Options means the defaults.
type Options struct {
	// Indent is the text of one level of indentation; default two spaces.
	Indent string
	// SortKeys orders every object's members by name; default false.
	SortKeys bool
}

// Format re-indents the JSON document src. It fails on text that is not
// JSON, naming the first problem and where it is.
func Format(src []byte, opts *Options) ([]byte, error) {
	if err := syntax(src); err != nil {
		return nil, err
	}
	o := pretty.Options{Indent: "  "} // Width 0: every member on a line of its own
	if opts != nil {
		if opts.Indent != "" {
			o.Indent = opts.Indent
		}
		o.SortKeys = opts.SortKeys
	}
	return pretty.PrettyOptions(src, &o), nil
}

// Minify removes every insignificant space from the JSON document src.
func Minify(src []byte) ([]byte, error) {
	if err := syntax(src); err != nil {
		return nil, err
	}
	return pretty.Ugly(src), nil
}

// Query evaluates a gjson path (for example participants.#.identity.user.displayName)
// against src and returns the matching JSON text; ok is false when nothing
// matches.
func Query(src []byte, path string) (result string, ok bool, err error) {
	if err := syntax(src); err != nil {
		return "", false, err
	}
	r := gjson.GetBytes(src, path)
	return r.Raw, r.Exists(), nil
}

// syntax refuses src unless the scanner accepts it with no error; the
// message points at the first problem.
func syntax(src []byte) error {
	_, issues := scan.Parse(src)
	for _, is := range issues {
		if is.Severity == "error" {
			line, col := scan.NewCursor(src).At(is.Offset)
			return errors.New("not valid JSON at line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col) + ": " + is.Message)
		}
	}
	return nil
}
