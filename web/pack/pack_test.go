package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestHashedName(t *testing.T) {
	data := []byte("hello")
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])[:10]
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"plain", "app.js", "app." + h + ".js"},
		{"wasm", "opcheck.wasm", "opcheck." + h + ".wasm"},
		{"several dots keep the stem", "app.min.js", "app.min." + h + ".js"},
		{"no extension", "LICENSE", "LICENSE." + h},
		{"subfolder", "img/logo.svg", "img/logo." + h + ".svg"},
		{"dot in folder name", "v1.2/logo", "v1.2/logo." + h},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hashedName(tt.input, data); got != tt.want {
				t.Errorf("hashedName(%q) = %q, want %q", tt.input, got, tt.want)
			}
		})
	}
}

func TestFindRefs(t *testing.T) {
	names := []string{"app.js", "app.json", "worker.js", "img/logo.svg", "logo.svg"}
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"double quotes", `<script src="app.js"></script>`, []string{"app.js"}},
		{"dot slash", `import "./app.js";`, []string{"app.js"}},
		{"root slash and query", `src="/app.js?v=2#x"`, []string{"app.js"}},
		{"single quotes", `new Worker('worker.js')`, []string{"worker.js"}},
		{"css url", `url(img/logo.svg)`, []string{"img/logo.svg"}},
		{"longer name at the same place wins", `fetch("app.json")`, []string{"app.json"}},
		{"prefix glued", `myapp.js`, nil},
		{"suffix glued", `app.js.map app.jsx`, nil},
		{"dash glued", `my-app.js`, nil},
		{"several", `app.js worker.js app.js`, []string{"app.js", "worker.js", "app.js"}},
		{"bare base name of a subfolder file", `logo.svg`, []string{"logo.svg"}},
		{"at both ends of the text", `app.js`, []string{"app.js"}},
		{"none", `nothing to see`, nil},
		{"empty", ``, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range findRefs([]byte(tt.input), names) {
				if s := tt.input[r.start:r.end]; s != r.name {
					t.Errorf("ref %q spans %q", r.name, s)
				}
				got = append(got, r.name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findRefs(%q) = %q, want %q", tt.input, got, tt.want)
			}
		})
	}
}

func TestRewriteRefs(t *testing.T) {
	renamed := map[string]string{
		"app.js":       "app.0123456789.js",
		"app.json":     "app.abcdefabcd.json",
		"index.html":   "index.html", // fixed names map to themselves and are left alone
		"img/logo.svg": "img/logo.9999999999.svg",
	}
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"one", `src="app.js"`, `src="app.0123456789.js"`},
		{"two kinds", `app.js app.json`, `app.0123456789.js app.abcdefabcd.json`},
		{"subfolder", `url("/img/logo.svg")`, `url("/img/logo.9999999999.svg")`},
		{"glued names stay", `myapp.js app.js.map`, `myapp.js app.js.map`},
		{"fixed name stays", `href="index.html"`, `href="index.html"`},
		{"no reference", `plain`, `plain`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(rewriteRefs([]byte(tt.input), renamed)); got != tt.want {
				t.Errorf("rewriteRefs(%q) = %q, want %q", tt.input, got, tt.want)
			}
		})
	}
}

// packDir packs in into a fresh folder and returns the folder and the summary.
func packDir(t *testing.T, in string) (string, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "dist")
	var summary bytes.Buffer
	if err := pack(in, out, &summary); err != nil {
		t.Fatalf("pack(%s): %v", in, err)
	}
	return out, summary.String()
}

// readAll returns every file under dir by slash path.
func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var hashedRe = regexp.MustCompile(`^(.+)\.([0-9a-f]{10})(\.[^./]+)?$`)

// TestPackGolden packs testdata/site and compares the summary and every
// rewritten text file with testdata/site.golden.
func TestPackGolden(t *testing.T) {
	out, summary := packDir(t, "testdata/site")
	files := readAll(t, out)

	var got strings.Builder
	got.WriteString("== summary\n" + summary)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	got.WriteString("== files\n" + strings.Join(names, "\n") + "\n")
	for _, n := range names {
		if textExts[path.Ext(n)] {
			got.WriteString("== " + n + "\n")
			got.Write(files[n])
		}
	}

	golden := filepath.Join("testdata", "site.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./web/pack -update to create it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("packed output differs from %s (run with -update and read the diff):\n%s", golden, got.String())
	}
}

// TestPackInvariants checks properties that hold for any packed site: hashed
// names match their content, fixed names are kept, and no text file still
// names an original asset.
func TestPackInvariants(t *testing.T) {
	in := "testdata/site"
	out, _ := packDir(t, in)
	files := readAll(t, out)
	inputs := readAll(t, in)

	for _, fixed := range []string{"index.html", "favicon.ico"} {
		if _, ok := files[fixed]; !ok {
			t.Errorf("output lacks %s, which must keep its name", fixed)
		}
	}
	assets := 0
	for n, b := range files {
		if strings.HasSuffix(n, ".br") || strings.HasSuffix(n, ".gz") {
			continue
		}
		assets++
		if fixedNames[n] {
			continue
		}
		m := hashedRe.FindStringSubmatch(path.Base(n))
		if m == nil {
			t.Errorf("%s has no content hash in its name", n)
			continue
		}
		sum := sha256.Sum256(b)
		if want := hex.EncodeToString(sum[:])[:10]; m[2] != want {
			t.Errorf("%s: hash in name %s, want %s (hash of its bytes)", n, m[2], want)
		}
	}
	if assets != len(inputs) {
		t.Errorf("got %d assets, want %d (one per input file)", assets, len(inputs))
	}
	var targets []string
	for n := range inputs {
		if !fixedNames[n] {
			targets = append(targets, n)
		}
	}
	for n, b := range files {
		if !textExts[path.Ext(n)] {
			continue
		}
		for _, r := range findRefs(b, targets) {
			t.Errorf("%s still names %s at byte %d", n, r.name, r.start)
		}
	}
}

// TestPackIdempotent packs twice into the same folder, which starts with a
// stale asset and the .keep marker, and wants identical output both times.
func TestPackIdempotent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	if err := os.MkdirAll(filepath.Join(out, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{keepMarker, "app.1111111111.js", "old/x.css"} {
		if err := os.WriteFile(filepath.Join(out, f), []byte("stale "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := pack("testdata/site", out, io.Discard); err != nil {
		t.Fatal(err)
	}
	first := readAll(t, out)
	if err := pack("testdata/site", out, io.Discard); err != nil {
		t.Fatal(err)
	}
	second := readAll(t, out)

	if got, want := string(second[keepMarker]), "stale "+keepMarker; got != want {
		t.Errorf(".keep holds %q, want %q (it must survive)", got, want)
	}
	for _, stale := range []string{"app.1111111111.js", "old/x.css"} {
		if _, ok := second[stale]; ok {
			t.Errorf("stale %s was not removed", stale)
		}
	}
	if len(first) != len(second) {
		t.Errorf("got %d files on the second run, want %d", len(second), len(first))
	}
	for n, b := range first {
		if !bytes.Equal(second[n], b) {
			t.Errorf("%s differs between two runs over the same input", n)
		}
	}
}

// TestPrecompression decodes every sibling and compares it with its asset,
// and checks which files get siblings at all.
func TestPrecompression(t *testing.T) {
	in := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(rng.UintN(256))
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", []byte(strings.Repeat("<p>opcheck checks payloads</p>\n", 50)))
	write("big.js", []byte(strings.Repeat("console.log('opcheck');\n", 200)))
	write("noise.wasm", noise)                          // compressible type, incompressible bytes
	write("tiny.css", []byte("a{}"))                    // compressing cannot win
	write("photo.png", bytes.Repeat([]byte{7}, 10_000)) // not a compressible type
	out, _ := packDir(t, in)
	files := readAll(t, out)

	tests := []struct {
		name   string
		asset  string // input name
		wantBr bool
	}{
		{"html", "index.html", true},
		{"js", "big.js", true},
		{"random wasm", "noise.wasm", false},
		{"tiny css", "tiny.css", false},
		{"png", "photo.png", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outName := tt.asset
			if !fixedNames[tt.asset] {
				outName = findOut(t, files, tt.asset)
			}
			raw, ok := files[outName]
			if !ok {
				t.Fatalf("output lacks %s", outName)
			}
			for _, enc := range []string{".br", ".gz"} {
				packed, ok := files[outName+enc]
				if ok != tt.wantBr {
					t.Fatalf("%s%s present = %v, want %v", outName, enc, ok, tt.wantBr)
				}
				if !ok {
					continue
				}
				if len(packed) >= len(raw) {
					t.Errorf("%s%s is %d bytes, not smaller than %d", outName, enc, len(packed), len(raw))
				}
				var r io.Reader = brotli.NewReader(bytes.NewReader(packed))
				if enc == ".gz" {
					zr, err := gzip.NewReader(bytes.NewReader(packed))
					if err != nil {
						t.Fatal(err)
					}
					r = zr
				}
				got, err := io.ReadAll(r)
				if err != nil {
					t.Fatalf("decoding %s%s: %v", outName, enc, err)
				}
				if !bytes.Equal(got, raw) {
					t.Errorf("%s%s decodes to %d bytes that differ from the %d-byte asset", outName, enc, len(got), len(raw))
				}
			}
		})
	}
}

// findOut returns the output name whose stem and extension match input name.
func findOut(t *testing.T, files map[string][]byte, name string) string {
	t.Helper()
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := range files {
		if m := hashedRe.FindStringSubmatch(n); m != nil && m[1] == stem && m[3] == ext {
			return n
		}
	}
	t.Fatalf("no output for %s", name)
	return ""
}

func TestPackErrors(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string // input files; nil means no input folder at all
		out     string            // output folder relative to the input; "" means a separate one
		wantErr string
	}{
		{"cycle", map[string]string{"index.html": `a.js`, "a.js": `import "./b.js"`, "b.js": `import "./a.js"`}, "", "reference cycle a.js -> b.js -> a.js"},
		{"self reference", map[string]string{"w.js": `new Worker("w.js")`}, "", "w.js refers to its own name"},
		{"empty input", map[string]string{}, "", "holds no files"},
		{"missing input", nil, "", "input folder"},
		{"output inside input", map[string]string{"index.html": "x"}, "dist", "overlap"},
		{"output is input", map[string]string{"index.html": "x"}, ".", "overlap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := filepath.Join(t.TempDir(), "in")
			if tt.files != nil {
				if err := os.Mkdir(in, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for n, s := range tt.files {
				if err := os.WriteFile(filepath.Join(in, n), []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(t.TempDir(), "out")
			if tt.out != "" {
				out = filepath.Join(in, tt.out)
			}
			err := pack(in, out, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
			}
			if tt.files != nil {
				if _, statErr := os.Stat(in); statErr != nil {
					t.Errorf("input folder is gone after a failed pack: %v", statErr)
				}
			}
		})
	}
}

func TestPackRefusesSymlink(t *testing.T) {
	in := t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "index.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/hostname", filepath.Join(in, "link.txt")); err != nil {
		t.Skip("cannot make a symbolic link here:", err)
	}
	err := pack(in, filepath.Join(t.TempDir(), "out"), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "link.txt is not a regular file") {
		t.Fatalf("got error %v, want one naming link.txt", err)
	}
}

func TestRunFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	out := filepath.Join(t.TempDir(), "dist")
	if err := run([]string{"-in", "testdata/site", "-out", out}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v", err)
	}
	if lines := strings.Count(stdout.String(), "\n"); lines != 10 {
		t.Errorf("got %d summary lines, want 10 (9 assets and a total):\n%s", lines, stdout.String())
	}
	if err := run([]string{"-in", "testdata/site", "extra"}, &stdout, &stderr); err == nil {
		t.Error("got no error for a stray argument, want one")
	}
}

// FuzzRewriteRefs rewrites arbitrary text with a fixed set of names and
// checks that rewriting back restores it and that every reference is found
// again at its new place.
func FuzzRewriteRefs(f *testing.F) {
	for _, s := range []string{
		`<script src="app.js"></script>`, `app.js.map myapp.js`, `url(img/logo.svg) logo.svg`,
		`fetch("opcheck.wasm"); new Worker('worker.js')`, ``, `app.jsapp.js app.js`,
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/site/index.html"); err == nil {
		f.Add(string(b))
	}
	forward := map[string]string{
		"app.js":       "app.0123456789.js",
		"worker.js":    "worker.abcdef0123.js",
		"opcheck.wasm": "opcheck.4567890abc.wasm",
		"img/logo.svg": "img/logo.fedcba9876.svg",
	}
	back := map[string]string{}
	var hashed []string
	for k, v := range forward {
		back[v] = k
		hashed = append(hashed, v)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, h := range hashed {
			if strings.Contains(text, h) {
				t.Skip("text already holds a hashed name")
			}
		}
		before := findRefs([]byte(text), slices.Collect(maps.Keys(forward)))
		got := rewriteRefs([]byte(text), forward)
		after := findRefs(got, hashed)
		if len(after) != len(before) {
			t.Fatalf("found %d references before rewriting and %d hashed ones after", len(before), len(after))
		}
		for i := range before {
			if forward[before[i].name] != after[i].name {
				t.Fatalf("reference %d: %s became %s, want %s", i, before[i].name, after[i].name, forward[before[i].name])
			}
		}
		if restored := string(rewriteRefs(got, back)); restored != text {
			t.Fatalf("round trip changed the text: got %q, want %q", restored, text)
		}
	})
}

// BenchmarkRewriteRefs rewrites a 1 MB bundle naming a few assets, against
// strings.Replacer as the obvious alternative (which has no notion of name
// boundaries, so it would also rewrite myapp.js and app.js.map).
func BenchmarkRewriteRefs(b *testing.B) {
	chunk := `import{a}from"./app.js";const w=new Worker("worker.js");fetch("opcheck.wasm");// myapp.js app.js.map` + "\n"
	text := []byte(strings.Repeat(chunk+strings.Repeat("x=1;", 200)+"\n", 1<<20/(len(chunk)+801)))
	renamed := map[string]string{
		"app.js":       "app.0123456789.js",
		"worker.js":    "worker.abcdef0123.js",
		"opcheck.wasm": "opcheck.4567890abc.wasm",
		"style.css":    "style.1111111111.css",
	}
	b.Run("rewriteRefs", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			rewriteRefs(text, renamed)
		}
	})
	b.Run("strings.Replacer", func(b *testing.B) {
		var pairs []string
		for k, v := range renamed {
			pairs = append(pairs, k, v)
		}
		r := strings.NewReplacer(pairs...)
		s := string(text)
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			r.Replace(s)
		}
	})
}
