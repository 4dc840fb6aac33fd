package main

import (
	"strconv"
	"strings"

	"opcheck/check"
)

// appendGitHub appends one GitHub Actions workflow command per finding,
// which the runner turns into an annotation on the file and line:
//
//	::error file=F,line=L,col=C,endLine=L,endColumn=C,title=CODE::MESSAGE
//
// warning is ::warning and info ::notice. Columns go only with a finding on
// one line: annotations may not carry them across a range of lines. Standard input has
// no file to annotate, so its findings carry no file property.
func appendGitHub(out []byte, results []*check.Result) []byte {
	for _, r := range results {
		for _, d := range r.Diagnostics {
			out = append(out, "::"...)
			out = append(out, githubCommand(d.Severity)...)
			sep := byte(' ')
			prop := func(name, value string) {
				out = append(out, sep)
				out = append(out, name...)
				out = append(out, '=')
				out = append(out, githubProperty.Replace(value)...)
				sep = ','
			}
			if r.File != "-" {
				prop("file", r.File)
			}
			line, endLine := max(d.Line, 1), max(d.EndLine, d.Line, 1)
			prop("line", strconv.Itoa(line))
			if endLine == line {
				prop("col", strconv.Itoa(max(d.Column, 1)))
			}
			prop("endLine", strconv.Itoa(endLine))
			if endLine == line {
				prop("endColumn", strconv.Itoa(max(d.EndColumn, 1)))
			}
			prop("title", d.Code)
			out = append(out, "::"...)
			out = append(out, githubData.Replace(d.Message)...)
			out = append(out, '\n')
		}
	}
	return out
}

func githubCommand(s check.Severity) string {
	switch s {
	case check.Error:
		return "error"
	case check.Info:
		return "notice"
	}
	return "warning"
}

// The runner's escaping: of a command's message, and, in addition, of the
// ":" and "," that would end a property's value.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
