// Command opcheck checks Microsoft Graph comms operations — bare JSON, OData
// collections, commsNotifications callbacks, raw HTTP responses, docs pages
// and log excerpts — against Graph's metadata, and prints located findings.
//
// Usage:
//
//	opcheck [-api v1.0|beta] [-kind KIND] [-format text|json|timeline|sarif|github] [-sdk LANGS] [FILE|-]...
//
// With no FILE, or with "-", it reads standard input. Text output has one
// line per finding, FILE:LINE:COL: SEVERITY: MESSAGE [CODE], followed by an
// indented line per Graph SDK that reads the value differently from a
// correct read ("  go: GetStatus() returns nil; no error"); -sdk narrows the
// SDKs (go,typescript,dotnet,java,python, or none). timeline prints the
// notifications' timeline, one block per resource; sarif writes a SARIF
// 2.1.0 log for code scanning, and github one workflow command per finding,
// which GitHub Actions shows as annotations. The exit code is
// 0 when no finding is an error, 1 when one is, and 2 on a usage or I/O
// failure.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"opcheck/check"
	"opcheck/sdk/notes"
)

// maxInput caps what one input may hold (256 MiB), so a mistaken argument (a disk
// image, a log of gigabytes) fails clearly instead of exhausting memory.
var maxInput = 256 << 20

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command, with its streams passed in so tests can drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("opcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	api := fs.String("api", "v1.0", "Graph API version to check against: v1.0 or beta")
	kind := fs.String("kind", "", "force the input form: operation, collection, wrapped, notifications, call, participant, http, markdown or log (default: detect)")
	format := fs.String("format", "text", "output format: text, json, timeline (the notifications' events per resource), sarif (SARIF 2.1.0) or github (Actions workflow commands)")
	langs := sdkFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: opcheck [-api v1.0|beta] [-kind KIND] [-format text|json|timeline|sarif|github] [-sdk LANGS] [FILE|-]...")
		fmt.Fprintln(stderr, "Checks Microsoft Graph comms operations against Graph's metadata; reads standard input when no FILE is given.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	opts := &check.Options{API: *api, Kind: check.Kind(*kind)}
	if err := opts.Verify(); err != nil {
		fmt.Fprintln(stderr, "opcheck:", err)
		return 2
	}
	switch *format {
	case "text", "json", "timeline", "sarif", "github":
	default:
		fmt.Fprintf(stderr, "opcheck: unknown format %q: use text, json, timeline, sarif or github\n", *format)
		return 2
	}

	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	var results []*check.Result
	for _, name := range files {
		src, err := read(name, stdin)
		if err != nil {
			fmt.Fprintln(stderr, "opcheck:", err)
			return 2
		}
		r := check.Validate(src, opts)
		r.File = name
		// JSON carries every SDK's notes; text prints those -sdk names.
		if *format == "json" || *format == "text" && len(*langs) > 0 {
			notes.Annotate(src, r)
		}
		results = append(results, r)
	}

	var out []byte
	switch *format {
	case "sarif":
		var err error
		if out, err = appendSARIF(out, results); err != nil {
			fmt.Fprintln(stderr, "opcheck: sarif:", err)
			return 2
		}
	case "github":
		out = appendGitHub(out, results)
	case "json":
		out = append(out, '[')
		for i, r := range results {
			if i > 0 {
				out = append(out, ",\n"...)
			}
			out = r.AppendJSON(out)
		}
		out = append(out, "]\n"...)
	case "timeline":
		for _, r := range results {
			out = appendTimeline(out, r)
		}
	default:
		for _, r := range results {
			for _, d := range r.Diagnostics {
				out = fmt.Appendf(out, "%s:%d:%d: %s: %s [%s]\n", r.File, d.Line, d.Column, d.Severity, d.Message, d.Code)
				out = appendSDKNotes(out, d.SDK, *langs)
			}
		}
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintln(stderr, "opcheck: write:", err)
		return 2
	}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Severity == check.Error {
				return 1
			}
		}
	}
	return 0
}

// read returns the content of the named file, or of stdin for "-".
func read(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		defer f.Close()
		r = f
	}
	src, err := io.ReadAll(io.LimitReader(r, int64(maxInput)+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(src) > maxInput {
		return nil, fmt.Errorf("read %s: larger than %d MiB; opcheck checks one payload, docs page or log excerpt at a time", name, maxInput>>20)
	}
	return src, nil
}
