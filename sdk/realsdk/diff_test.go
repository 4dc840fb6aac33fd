package realsdk

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"testing"

	"opcheck/graph"
	"opcheck/sdk"
)

// minVariants is the fewest generated payloads the differential test
// accepts, so that a generator that silently shrinks fails the test.
const minVariants = 500

func allPayloads(t *testing.T) (corpus, generated []payload) {
	corpus = corpusPayloads(t)
	generated = variants(graph.Lookup("v1.0"))
	if len(corpus) == 0 {
		t.Fatal("no corpus payloads found")
	}
	if len(generated) < minVariants {
		t.Fatalf("got %d generated payloads, want at least %d", len(generated), minVariants)
	}
	return corpus, generated
}

// TestGo holds the model's prediction for Go equal, member by member, to
// what msgraph-sdk-go builds, for every corpus payload and every variant.
func TestGo(t *testing.T) {
	m := graph.Lookup("v1.0")
	corpus, generated := allPayloads(t)
	ps := append(corpus, generated...)
	bad := 0
	for _, p := range ps {
		if d := diff("", predict(sdk.Go, m, p), readGo(p)); len(d) > 0 {
			bad++
			if bad <= 40 {
				t.Errorf("%s (%s): %v", p.Name, p.JSON, d)
			}
		}
	}
	t.Logf("go: %d corpus and %d generated payloads, %d differ", len(corpus), len(generated), bad)
}

// TestTypeScript does the same for @microsoft/msgraph-sdk under Node. It
// needs `npm ci` in this directory (the Makefile runs it).
func TestTypeScript(t *testing.T) {
	if _, err := os.Stat("node_modules/@microsoft/msgraph-sdk"); err != nil {
		t.Fatal("node_modules missing: run npm ci in sdk/realsdk")
	}
	m := graph.Lookup("v1.0")
	corpus, generated := allPayloads(t)
	ps := append(corpus, generated...)
	in, err := json.Marshal(ps)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "harness.mjs")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node harness.mjs: %v\n%s", err, stderr.Bytes())
	}
	var got []*obsObj
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ps) {
		t.Fatalf("got %d results, want %d", len(got), len(ps))
	}
	bad := 0
	for i, p := range ps {
		if d := diff("", predict(sdk.TypeScript, m, p), got[i]); len(d) > 0 {
			bad++
			if bad <= 40 {
				t.Errorf("%s (%s): %v", p.Name, p.JSON, d)
			}
		}
	}
	t.Logf("typescript: %d corpus and %d generated payloads, %d differ", len(corpus), len(generated), bad)
}
