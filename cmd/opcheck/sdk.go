package main

import (
	"errors"
	"flag"
	"strings"

	"opcheck/check"
	"opcheck/sdk"
	"opcheck/sdk/notes"
)

// sdkLangs is the -sdk flag: the SDKs whose consequences the text output
// prints under each finding. The default is every SDK; "none" is none.
type sdkLangs []sdk.Lang

// sdkFlag registers -sdk on fs and returns its value.
func sdkFlag(fs *flag.FlagSet) *sdkLangs {
	l := sdkLangs(sdk.Langs())
	fs.Var(&l, "sdk", "in text output, say under each finding what these Graph SDKs make of the value: a comma-separated list of go, typescript, dotnet, java, python, or none")
	return &l
}

func (l *sdkLangs) String() string {
	if l == nil {
		return ""
	}
	names := make([]string, len(*l))
	for i, x := range *l {
		names[i] = x.String()
	}
	return strings.Join(names, ",")
}

func (l *sdkLangs) Set(s string) error {
	*l = (*l)[:0]
	if s == "none" {
		return nil
	}
	for _, name := range strings.Split(s, ",") {
		x, ok := sdk.ParseLang(strings.TrimSpace(name))
		if !ok {
			return errors.New(`unknown SDK "` + name + `": use go, typescript, dotnet, java, python or none`)
		}
		*l = append(*l, x)
	}
	return nil
}

// appendSDKNotes appends, one indented line each ("  go: …"), the
// sentences of n for the SDKs in langs.
func appendSDKNotes(out []byte, n *check.SDKNotes, langs sdkLangs) []byte {
	if n == nil {
		return out
	}
	for _, l := range langs {
		if s := notes.Get(n, l); s != "" {
			out = append(append(append(append(out, "  "...), l.String()...), ": "...), s...)
			out = append(out, '\n')
		}
	}
	return out
}
