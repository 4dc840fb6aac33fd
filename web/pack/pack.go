package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"opcheck/internal/precompress"
)

// hashLen is how many hex digits of the SHA-256 go into a hashed name.
const hashLen = 10

// keepMarker is the committed file in the output folder that makes go:embed
// compile on a fresh clone; pack never deletes it.
const keepMarker = ".keep"

// fixedNames keep their names: browsers and crawlers ask for them by a URL
// that no page can change.
var fixedNames = map[string]bool{
	"index.html":  true,
	"favicon.ico": true,
	"robots.txt":  true,
}

// textExts are the file types searched for references to other assets.
var textExts = map[string]bool{".html": true, ".js": true, ".mjs": true, ".css": true}

// compressExts are the file types that get .br and .gz siblings.
var compressExts = map[string]bool{
	".html": true, ".js": true, ".mjs": true, ".css": true, ".wasm": true, ".json": true,
	".svg": true, ".txt": true, ".md": true, ".map": true, ".xml": true, ".webmanifest": true,
}

// file is one input file on its way to the output.
type file struct {
	name    string   // path relative to -in, slash-separated
	data    []byte   // content; rewritten in place before hashing
	refs    []string // names of other assets that data mentions
	outName string   // final name: hashed, or name itself for fixed names
	br, gz  []byte   // precompressed siblings; nil when not smaller
}

// pack reads every regular file under in, writes the hashed and
// precompressed assets to out (emptied first, except .keep) and prints one
// summary line per asset to w.
func pack(in, out string, w io.Writer) error {
	if err := checkDirs(in, out); err != nil {
		return err
	}
	files, err := readTree(in)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("pack: %s holds no files", in)
	}
	if err := name(files); err != nil {
		return err
	}
	compressAll(files)
	if err := clearDir(out); err != nil {
		return err
	}
	for _, f := range files {
		if err := writeAsset(out, f); err != nil {
			return err
		}
	}
	return summarize(w, files)
}

// checkDirs refuses folder pairs where emptying out would delete input, or
// where out's old contents would be read as input.
func checkDirs(in, out string) error {
	absIn, err := filepath.Abs(in)
	if err != nil {
		return fmt.Errorf("pack: input folder: %w", err)
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("pack: output folder: %w", err)
	}
	st, err := os.Stat(absIn)
	if err != nil {
		return fmt.Errorf("pack: input folder: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("pack: input %s is not a folder", in)
	}
	if within(absIn, absOut) || within(absOut, absIn) {
		return fmt.Errorf("pack: input %s and output %s overlap; they must be separate folders", in, out)
	}
	return nil
}

// within reports whether path p is dir or lies inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readTree loads every regular file under dir, skipping names that start
// with a dot. Symbolic links and other special files are an error, so the
// output never depends on where a link happens to point.
func readTree(dir string) ([]*file, error) {
	var files []*file
	fsys := os.DirFS(dir)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is not a regular file", p)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files = append(files, &file{name: p, data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pack: reading %s: %w", dir, err)
	}
	return files, nil
}

// name finds each text file's references, rewrites them in dependency order
// and gives every file its final name.
func name(files []*file) error {
	byName := make(map[string]*file, len(files))
	var targets []string // names that other files may refer to
	for _, f := range files {
		byName[f.name] = f
		if !fixedNames[f.name] {
			targets = append(targets, f.name)
		}
	}
	for _, f := range files {
		if !textExts[path.Ext(f.name)] {
			continue
		}
		for _, m := range findRefs(f.data, targets) {
			if !slices.Contains(f.refs, m.name) {
				f.refs = append(f.refs, m.name)
			}
		}
		sort.Strings(f.refs)
	}
	ordered, err := dependencyOrder(files, byName)
	if err != nil {
		return err
	}
	renamed := make(map[string]string, len(files))
	for _, f := range ordered {
		if len(f.refs) > 0 {
			f.data = rewriteRefs(f.data, renamed)
		}
		if fixedNames[f.name] {
			f.outName = f.name
		} else {
			f.outName = hashedName(f.name, f.data)
		}
		renamed[f.name] = f.outName
	}
	return nil
}

// dependencyOrder returns files so that every file comes after the files it
// refers to; input order breaks ties, so the result is deterministic.
func dependencyOrder(files []*file, byName map[string]*file) ([]*file, error) {
	const (
		unvisited = iota
		visiting
		done
	)
	state := make(map[string]int, len(files))
	var ordered []*file
	var stack []string
	var visit func(f *file) error
	visit = func(f *file) error {
		switch state[f.name] {
		case done:
			return nil
		case visiting:
			i := slices.Index(stack, f.name)
			cycle := append(slices.Clone(stack[i:]), f.name)
			if len(cycle) == 2 {
				return fmt.Errorf("pack: %s refers to its own name; a file cannot contain its own content hash", f.name)
			}
			return fmt.Errorf("pack: reference cycle %s; content hashes cannot settle, so break the cycle (for example, pass one name at run time)",
				strings.Join(cycle, " -> "))
		}
		state[f.name] = visiting
		stack = append(stack, f.name)
		for _, r := range f.refs {
			if err := visit(byName[r]); err != nil {
				return err
			}
		}
		stack = stack[:len(stack)-1]
		state[f.name] = done
		ordered = append(ordered, f)
		return nil
	}
	for _, f := range files {
		if err := visit(f); err != nil {
			return nil, err
		}
	}
	return ordered, nil
}

// hashedName inserts the content hash of data before the last extension of
// name: "js/app.min.js" becomes "js/app.min.<hash>.js" and "LICENSE" becomes
// "LICENSE.<hash>".
func hashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])[:hashLen]
	dir, base := path.Split(name)
	ext := path.Ext(base)
	if ext == base { // no stem: treat the whole base as the stem
		ext = ""
	}
	return dir + strings.TrimSuffix(base, ext) + "." + h + ext
}

// ref is one occurrence of an asset name inside a text file.
type ref struct {
	start, end int
	name       string
}

// isNameByte reports whether c can continue a file name, so that a match
// glued to it is part of a different, longer name.
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-' || c == '.' || c >= 0x80
}

// findRefs returns the non-overlapping occurrences of names in text, in text
// order. Where two candidates overlap, the one that starts first wins, and
// at the same start the longer one.
func findRefs(text []byte, names []string) []ref {
	var all []ref
	for _, n := range names {
		nb := []byte(n)
		for off := 0; off < len(text); {
			i := bytes.Index(text[off:], nb)
			if i < 0 {
				break
			}
			start := off + i
			end := start + len(nb)
			if (start == 0 || !isNameByte(text[start-1])) && (end == len(text) || !isNameByte(text[end])) {
				all = append(all, ref{start, end, n})
			}
			off = start + 1
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end > all[j].end
	})
	var kept []ref
	last := 0
	for _, r := range all {
		if r.start >= last {
			kept = append(kept, r)
			last = r.end
		}
	}
	return kept
}

// rewriteRefs replaces every occurrence of a key of renamed in text by its
// value, with the same boundary rules as findRefs.
func rewriteRefs(text []byte, renamed map[string]string) []byte {
	names := make([]string, 0, len(renamed))
	for n, to := range renamed {
		if n != to {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	refs := findRefs(text, names)
	if len(refs) == 0 {
		return text
	}
	var b bytes.Buffer
	b.Grow(len(text) + len(refs)*(hashLen+1))
	last := 0
	for _, r := range refs {
		b.Write(text[last:r.start])
		b.WriteString(renamed[r.name])
		last = r.end
	}
	b.Write(text[last:])
	return b.Bytes()
}

// compressAll fills br and gz for every compressible file, using every core.
func compressAll(files []*file) {
	type job struct {
		f  *file
		br bool
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.br {
					j.f.br = smaller(j.f.data, precompress.Brotli(j.f.data, brotli.BestCompression))
				} else {
					j.f.gz = smaller(j.f.data, precompress.Gzip(j.f.data))
				}
			}
		}()
	}
	// Largest first, so the slow brotli pass over the wasm starts at once.
	bySize := slices.Clone(files)
	slices.SortStableFunc(bySize, func(a, b *file) int { return len(b.data) - len(a.data) })
	for _, f := range bySize {
		if compressExts[path.Ext(f.name)] {
			jobs <- job{f, true}
			jobs <- job{f, false}
		}
	}
	close(jobs)
	wg.Wait()
}

// smaller returns packed when it saves at least one byte over raw, else nil.
func smaller(raw, packed []byte) []byte {
	if len(packed) < len(raw) {
		return packed
	}
	return nil
}

// clearDir creates dir if needed and removes everything in it except the
// .keep marker.
func clearDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("pack: output folder: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("pack: output folder: %w", err)
	}
	for _, e := range entries {
		if e.Name() == keepMarker {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("pack: clearing stale output: %w", err)
		}
	}
	return nil
}

// writeAsset writes f and its siblings under dir.
func writeAsset(dir string, f *file) error {
	dst := filepath.Join(dir, filepath.FromSlash(f.outName))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("pack: %w", err)
	}
	write := func(p string, data []byte) error {
		if data == nil {
			return nil
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return fmt.Errorf("pack: writing %s: %w", f.outName, err)
		}
		return nil
	}
	return errors.Join(write(dst, f.data), write(dst+".br", f.br), write(dst+".gz", f.gz))
}

// summarize prints one line per asset, in output-name order with index.html
// first, and a total line.
func summarize(w io.Writer, files []*file) error {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b *file) int {
		if a.outName == "index.html" || b.outName == "index.html" {
			return boolCmp(b.outName == "index.html", a.outName == "index.html")
		}
		return strings.Compare(a.outName, b.outName)
	})
	size := func(b []byte) string {
		if b == nil {
			return "-"
		}
		return fmt.Sprint(len(b))
	}
	var raw, br, gz int
	for _, f := range sorted {
		if _, err := fmt.Fprintf(w, "%-36s raw %9d  br %9s  gz %9s\n", f.outName, len(f.data), size(f.br), size(f.gz)); err != nil {
			return fmt.Errorf("pack: summary: %w", err)
		}
		raw += len(f.data)
		br += len(f.br)
		gz += len(f.gz)
	}
	_, err := fmt.Fprintf(w, "packed %d assets: raw %d bytes, br %d, gz %d\n", len(files), raw, br, gz)
	if err != nil {
		return fmt.Errorf("pack: summary: %w", err)
	}
	return nil
}

// boolCmp orders false before true.
func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	default:
		return -1
	}
}
