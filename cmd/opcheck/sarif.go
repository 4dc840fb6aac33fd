package main

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"opcheck/check"
	"opcheck/docs"
)

// SARIF 2.1.0 (OASIS), only the parts opcheck fills. Code scanning reads
// the rules' help and the results' regions.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool sarifTool `json:"tool"`
	// ColumnKind says how columns count: opcheck counts Unicode code
	// points, where SARIF's default would be UTF-16 code units.
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name    string      `json:"name"`
	Version string      `json:"version,omitempty"`
	Rules   []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription *sarifText   `json:"shortDescription,omitempty"`
	FullDescription  *sarifText   `json:"fullDescription,omitempty"`
	Help             *sarifText   `json:"help,omitempty"`
	Default          sarifDefault `json:"defaultConfiguration"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifDefault struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	Physical sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	Artifact sarifArtifact `json:"artifactLocation"`
	Region   sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// appendSARIF appends results as one SARIF 2.1.0 log with one run: a rule
// for each code among the findings, described from docs/rules.md, and a
// result for each finding.
func appendSARIF(out []byte, results []*check.Result) ([]byte, error) {
	var codes []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !slices.Contains(codes, d.Code) {
				codes = append(codes, d.Code)
			}
		}
	}
	slices.Sort(codes)

	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "opcheck", Version: version(), Rules: make([]sarifRule, len(codes))}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	for i, code := range codes {
		run.Tool.Driver.Rules[i] = sarifRuleFor(code)
	}
	for _, r := range results {
		uri := fileURI(r.File)
		for _, d := range r.Diagnostics {
			i, _ := slices.BinarySearch(codes, d.Code)
			run.Results = append(run.Results, sarifResult{
				RuleID:    d.Code,
				RuleIndex: i,
				Level:     sarifLevel(d.Severity),
				Message:   sarifText{Text: d.Message},
				Locations: []sarifLocation{{Physical: sarifPhysical{
					Artifact: sarifArtifact{URI: uri},
					Region: sarifRegion{
						StartLine: max(d.Line, 1), StartColumn: max(d.Column, 1),
						EndLine: max(d.EndLine, d.Line, 1), EndColumn: max(d.EndColumn, 1),
					},
				}}},
			})
		}
	}
	b, err := json.MarshalIndent(sarifLog{
		Schema:  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}, "", "  ")
	if err != nil {
		return out, err
	}
	return append(append(out, b...), '\n'), nil
}

// sarifRuleFor describes code from its entry in docs/rules.md: the summary,
// the description, and as help the description with the example.
func sarifRuleFor(code string) sarifRule {
	doc, ok := docs.Lookup(code)
	if !ok {
		return sarifRule{ID: code, Default: sarifDefault{Level: "warning"}}
	}
	help := doc.Description
	if doc.Example != "" {
		help += "\n\nExample:\n" + doc.Example
	}
	return sarifRule{
		ID:               code,
		ShortDescription: &sarifText{Text: doc.Summary},
		FullDescription:  &sarifText{Text: doc.Description},
		Help:             &sarifText{Text: help, Markdown: doc.Markdown},
		Default:          sarifDefault{Level: sarifLevel(check.Severity(doc.Severity))},
	}
}

// sarifLevel maps a severity to SARIF's level: info is a note.
func sarifLevel(s check.Severity) string {
	switch s {
	case check.Error:
		return "error"
	case check.Info:
		return "note"
	}
	return "warning"
}

// fileURI is the artifact URI of a file named on the command line: a
// relative reference for a relative path (as code scanning expects, from
// the repository's root), a file: URI for an absolute one, and "-" for
// standard input.
func fileURI(name string) string {
	if name == "-" {
		return "-"
	}
	p := filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/dir on Windows
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// version is the module version the binary was built from, or "" for a
// development build.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}
