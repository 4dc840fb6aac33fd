package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "pack:", err)
		os.Exit(1)
	}
}

// run parses the command line and packs -in into -out, printing the summary
// to stdout.
func run(args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("pack", flag.ContinueOnError)
	flags.SetOutput(stderr)
	in := flags.String("in", "build/web", "folder with the page's build output")
	out := flags.String("out", "web/dist", "folder to fill with hashed, precompressed assets (emptied first, except .keep)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q; use -in and -out", flags.Args())
	}
	return pack(*in, *out, stdout)
}
