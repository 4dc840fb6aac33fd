package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	in := flag.String("in", "web/dist", "the packed page, as web/pack writes it")
	out := flag.String("out", "dist", "the folder to write; it must not exist or be empty")
	flag.Parse()
	n, err := build(os.DirFS(*in), *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "site:", err)
		os.Exit(1)
	}
	fmt.Printf("site: %d files and _headers in %s\n", n, *out)
}
