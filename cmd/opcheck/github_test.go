package main

import (
	"testing"

	"opcheck/check"
)

func TestAppendGitHub(t *testing.T) {
	d := func(sev check.Severity, code, msg string, line, col, endLine, endCol int) check.Diagnostic {
		return check.Diagnostic{Severity: sev, Code: code, Message: msg, Line: line, Column: col, EndLine: endLine, EndColumn: endCol}
	}
	tests := []struct {
		name string
		file string
		d    check.Diagnostic
		want string
	}{
		{"error on one line", "ops/a.json", d(check.Error, "wrong-type", `"code" is Edm.Int32: expected a number, found a string`, 3, 26, 3, 31),
			"::error file=ops/a.json,line=3,col=26,endLine=3,endColumn=31,title=wrong-type::\"code\" is Edm.Int32: expected a number, found a string\n"},
		{"warning across lines has no columns", "b.json", d(check.Warning, "enum-case", "x", 2, 5, 4, 1),
			"::warning file=b.json,line=2,endLine=4,title=enum-case::x\n"},
		{"info is a notice; stdin has no file", "-", d(check.Info, "log-prefix-skipped", "skipped", 1, 1, 1, 9),
			"::notice line=1,col=1,endLine=1,endColumn=9,title=log-prefix-skipped::skipped\n"},
		{"data escaping", "c.json", d(check.Error, "json-syntax", "100% sure\r\nnext: a, b", 1, 1, 1, 2),
			"::error file=c.json,line=1,col=1,endLine=1,endColumn=2,title=json-syntax::100%25 sure%0D%0Anext: a, b\n"},
		{"property escaping", "dir,x/a:b%.json", d(check.Error, "bom", "m", 1, 1, 1, 2),
			"::error file=dir%2Cx/a%3Ab%25.json,line=1,col=1,endLine=1,endColumn=2,title=bom::m\n"},
		{"unset position becomes line 1", "d.json", d(check.Error, "empty-input", "nothing to check", 0, 0, 0, 0),
			"::error file=d.json,line=1,col=1,endLine=1,endColumn=1,title=empty-input::nothing to check\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(appendGitHub(nil, []*check.Result{{File: tt.file, Diagnostics: []check.Diagnostic{tt.d}}}))
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
