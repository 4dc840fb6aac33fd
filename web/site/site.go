package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"opcheck/internal/headers"
)

// build copies every file of page into the folder out, adds 404.html when
// the page has none, and writes _headers for them all. It returns how many
// files it wrote besides _headers.
func build(page fs.FS, out string) (int, error) {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return 0, fmt.Errorf("build: %s is not empty; remove it first (make dist does)", out)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, fmt.Errorf("build: %w", err)
	}
	var names []string
	err := fs.WalkDir(page, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	if !contains(names, "index.html") {
		return 0, fmt.Errorf("build: the page has no index.html (run make web first)")
	}
	if contains(names, "_headers") {
		return 0, fmt.Errorf("build: the page already has a _headers file")
	}
	for _, name := range names {
		b, err := fs.ReadFile(page, name)
		if err != nil {
			return 0, fmt.Errorf("build: %w", err)
		}
		if err := write(out, name, b); err != nil {
			return 0, err
		}
	}
	if !contains(names, "404.html") {
		if err := write(out, "404.html", []byte(headers.NotFoundPage)); err != nil {
			return 0, err
		}
		names = append(names, "404.html")
	}
	hf, err := headers.File(names)
	if err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	if err := write(out, "_headers", hf); err != nil {
		return 0, err
	}
	return len(names), nil
}

// write writes b to the slash-separated name under dir.
func write(dir, name string, b []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

func contains(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}
