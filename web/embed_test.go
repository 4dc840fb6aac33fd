package web

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDistIsRootedAtDist(t *testing.T) {
	d := Dist()
	if err := fstest.TestFS(d, ".keep"); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Stat(d, "dist"); err == nil {
		t.Error("Dist() holds a dist folder; want the contents of web/dist at its root")
	}
}

var hashedRe = regexp.MustCompile(`^(.+)\.([0-9a-f]{10})(\.[^./]+)?$`)

// TestDistConsistent checks a packed build, when one is embedded: every
// hashed name matches its bytes, every sibling has its asset, and every
// hashed name that index.html mentions exists.
func TestDistConsistent(t *testing.T) {
	d := Dist()
	index, err := fs.ReadFile(d, "index.html")
	if err != nil {
		t.Skip("no packed build embedded (run make build):", err)
	}
	present := map[string]bool{}
	err = fs.WalkDir(d, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		present[p] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range present {
		if base, ok := strings.CutSuffix(p, ".br"); ok && !present[base] {
			t.Errorf("%s has no asset %s beside it", p, base)
		}
		if base, ok := strings.CutSuffix(p, ".gz"); ok && !present[base] {
			t.Errorf("%s has no asset %s beside it", p, base)
		}
		m := hashedRe.FindStringSubmatch(path.Base(p))
		if m == nil {
			continue
		}
		b, err := fs.ReadFile(d, p)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if want := hex.EncodeToString(sum[:])[:10]; m[2] != want {
			t.Errorf("%s: hash in name %s, want %s", p, m[2], want)
		}
	}
	refRe := regexp.MustCompile(`[A-Za-z0-9_./-]+\.[0-9a-f]{10}\.[A-Za-z0-9]+`)
	for _, ref := range refRe.FindAllString(string(index), -1) {
		name := strings.TrimPrefix(strings.TrimPrefix(ref, "./"), "/")
		if !present[name] {
			t.Errorf("index.html names %s, which is not in the build", ref)
		}
	}
}
