package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"opcheck/check"
	"opcheck/graph"
	"opcheck/internal/benchdoc"
	"opcheck/scan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSchemaGolden pins the generated schema: a change of the model or of
// the generator shows up as a diff of testdata/schema.v1.0.json.
func TestSchemaGolden(t *testing.T) {
	got, err := Schema(graph.Lookup("v1.0"))
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "schema.v1.0.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./bench -run TestSchemaGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Schema(v1.0) differs from %s; run go test ./bench -run TestSchemaGolden -update and review the diff", golden)
	}
}

func TestSchemaErrors(t *testing.T) {
	if _, err := Schema(nil); err == nil {
		t.Error("Schema(nil): got no error, want one")
	}
	beta, err := Schema(graph.Lookup("beta"))
	if err != nil {
		t.Fatalf("Schema(beta): %v", err)
	}
	v1, _ := Schema(graph.Lookup("v1.0"))
	if bytes.Equal(beta, v1) {
		t.Error("Schema(beta) equals Schema(v1.0); the models differ, so should the schemas")
	}
}

// TestSchemaRules reads single rules out of the generated schema, each
// against the fact of the model it encodes.
func TestSchemaRules(t *testing.T) {
	b, err := Schema(graph.Lookup("v1.0"))
	if err != nil {
		t.Fatal(err)
	}
	var root any
	if err := json.Unmarshal(b, &root); err != nil {
		t.Fatal(err)
	}
	m := func(name string) string { return "/definitions/members:microsoft.graph." + name }
	tests := []struct {
		name    string
		pointer string
		want    string
	}{
		{"Int32 range", m("resultInfo") + "/properties/code", `{"maximum":2147483647,"minimum":-2147483648,"type":"integer"}`},
		{"non-nullable required", m("resultInfo") + "/required", `["code","subcode"]`},
		{"closed type", m("resultInfo") + "/additionalProperties", `false`},
		{"open type checked too", m("identity") + "/additionalProperties", `false`},
		{"annotations allowed", m("identity") + "/patternProperties", `{"@":{}}`},
		{"nullable string", m("identity") + "/properties/displayName", `{"type":["string","null"]}`},
		{"enum, not nullable", m("commsOperation") + "/properties/status", `{"enum":["NotStarted","Running","Completed","Failed"]}`},
		{"nullable structured", m("commsOperation") + "/properties/resultInfo", `{"anyOf":[{"type":"null"},{"$ref":"#/definitions/microsoft.graph.resultInfo"}]}`},
		{"inherited key required", m("playPromptOperation") + "/required", `["id","status"]`},
		{"collection not nullable", m("inviteParticipantsOperation") + "/properties/participants", `{"items":{"$ref":"#/definitions/microsoft.graph.invitationParticipantInfo"},"type":"array"}`},
		{"resourceData is an operation", m("commsNotification") + "/properties/resourceData", `{"$ref":"#/definitions/microsoft.graph.commsOperation"}`},
		{"dispatch without @odata.type", "/definitions/microsoft.graph.resultInfo/else", `{"$ref":"#/definitions/members:microsoft.graph.resultInfo"}`},
		{"alias spelling", "/definitions/microsoft.graph.resultInfo/then/oneOf/0/properties/@odata.type", `{"enum":["#microsoft.graph.resultInfo","microsoft.graph.resultInfo","#graph.resultInfo","graph.resultInfo"]}`},
		{"abstract root left out", "/definitions/microsoft.graph.entity/then/oneOf/0/$ref", `"#/definitions/members:microsoft.graph.addLargeGalleryViewOperation"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := lookupPointer(root, tt.pointer)
			if !ok {
				t.Fatalf("no %s in the schema", tt.pointer)
			}
			got, _ := json.Marshal(v)
			if string(got) != tt.want {
				t.Errorf("%s: got %s, want %s", tt.pointer, got, tt.want)
			}
		})
	}

	// The status members above must be the model's, in its order.
	status := graph.Lookup("v1.0").Type("microsoft.graph.operationStatus")
	v, _ := lookupPointer(root, m("commsOperation")+"/properties/status/enum")
	var got []string
	for _, s := range v.([]any) {
		got = append(got, s.(string))
	}
	if !slices.Equal(got, status.Members) {
		t.Errorf("status enum: got %v, want the model's %v", got, status.Members)
	}
	// Every concrete operation type is a branch of the operation dispatch.
	op := graph.Lookup("v1.0").Type(graph.OperationRoot)
	branches, _ := lookupPointer(root, "/definitions/"+op.Name+"/then/oneOf")
	if got, want := len(branches.([]any)), 1+len(graph.Lookup("v1.0").Derived(op)); got != want {
		t.Errorf("commsOperation dispatch: got %d branches, want %d", got, want)
	}
}

// lookupPointer resolves an RFC 6901 pointer in decoded JSON.
func lookupPointer(v any, ptr string) (any, bool) {
	if ptr == "" {
		return v, true
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			var i int
			if _, err := fmt.Sscan(tok, &i); err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// schemaCodes are opcheck's codes for the rules the schema encodes. The
// others relate values to each other (notification-id-mismatch,
// result-contradicts-status, ...) or flag documentation placeholders.
// observed-property is an undeclared member that Graph is seen to send:
// opcheck reports it as info, the schema, which knows only the metadata,
// rejects it.
var schemaCodes = map[string]bool{
	"wrong-type": true, "enum-case": true, "enum-unknown": true, "unknown-property": true, "observed-property": true,
	"property-other-version": true, "null-not-allowed": true, "missing-id": true, "missing-property": true,
	"out-of-range": true, "invalid-format": true, "expected-collection": true, "expected-single": true,
	"expected-array": true, "not-an-object": true, "odata-type-invalid": true, "odata-type-unknown": true,
	"odata-type-abstract": true, "odata-type-mismatch": true, "odata-type-other-version": true,
}

// checkPointers returns the pointers of opcheck's findings that the schema
// encodes, sorted and without duplicates, and the pointers where ajv may
// report more: opcheck takes a misspelt member for the property it
// suggests, so that a typo is one finding; a schema also reports the
// property missing, at the object.
func checkPointers(doc []byte) (ptrs []string, typoParents map[string]bool) {
	typoParents = map[string]bool{}
	for _, d := range check.Validate(doc, &check.Options{API: "v1.0"}).Diagnostics {
		if !schemaCodes[d.Code] {
			continue
		}
		ptrs = append(ptrs, d.Pointer)
		if d.Code == "unknown-property" && d.Fix != nil {
			typoParents[d.Pointer[:strings.LastIndexByte(d.Pointer, '/')]] = true
		}
	}
	slices.Sort(ptrs)
	return slices.Compact(ptrs), typoParents
}

// ajvResult is one line of ajvcheck.mjs's output.
type ajvResult struct {
	File   string `json:"file"`
	Valid  bool   `json:"valid"`
	Errors []struct {
		InstancePath string         `json:"instancePath"`
		Keyword      string         `json:"keyword"`
		Params       map[string]any `json:"params"`
	} `json:"errors"`
}

// pointers maps ajv's errors to the pointers opcheck would report them at:
// an undeclared member at the member, a wrong "@odata.type" at that member.
// Errors of combinators (anyOf, if, oneOf) only repeat those of their
// branches and are left out, as is "must be null" from the null branch of a
// nullable object property, which ajv adds when the object branch fails.
func (r *ajvResult) pointers() []string {
	var ptrs []string
	for _, e := range r.Errors {
		p := e.InstancePath
		switch e.Keyword {
		case "anyOf", "oneOf", "if", "allOf", "not":
			continue
		case "type":
			if e.Params["type"] == "null" {
				continue
			}
		case "additionalProperties":
			name, _ := e.Params["additionalProperty"].(string)
			p = string(scan.AppendPointerToken([]byte(p+"/"), name))
		case "discriminator":
			p += "/@odata.type"
		}
		ptrs = append(ptrs, p)
	}
	slices.Sort(ptrs)
	return slices.Compact(ptrs)
}

// ajvTools builds the ajv validator of the v1.0 schema into a temporary
// folder and returns it, or skips the test where Node or bench's npm
// packages are missing.
func ajvTools(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed; the schema's agreement with opcheck is checked with ajv under Node")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "ajv", "package.json")); err != nil {
		t.Skip("bench's npm packages are missing: run `npm ci` in bench/ (make bench does) to compare ajv with opcheck")
	}
	dir := t.TempDir()
	schema, err := Schema(graph.Lookup("v1.0"))
	if err != nil {
		t.Fatal(err)
	}
	schemaFile := filepath.Join(dir, "schema.json")
	if err := os.WriteFile(schemaFile, schema, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if b, err := exec.Command("node", "build.mjs", schemaFile, out).CombinedOutput(); err != nil {
		t.Fatalf("node build.mjs: %v\n%s", err, b)
	}
	return out
}

// runAjv validates files with the built validator.
func runAjv(t *testing.T, out string, files []string) map[string]*ajvResult {
	t.Helper()
	cmd := exec.Command("node", append([]string{"ajvcheck.mjs", filepath.Join(out, "validator.cjs")}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node ajvcheck.mjs: %v\n%s", err, stderr.Bytes())
	}
	results := map[string]*ajvResult{}
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r ajvResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("ajvcheck output %q: %v", sc.Text(), err)
		}
		results[r.File] = &r
	}
	if len(results) != len(files) {
		t.Fatalf("ajvcheck answered for %d files, want %d", len(results), len(files))
	}
	return results
}

// TestSchemaAgreesWithCheck runs ajv with the generated schema and opcheck
// on the benchmark documents and on the checker's own v1.0 corpus, and
// compares where each finds something: the same JSON Pointers, or the two
// do not check the same rules and the benchmark would compare unlike work.
func TestSchemaAgreesWithCheck(t *testing.T) {
	out := ajvTools(t)
	dir := t.TempDir()
	type doc struct {
		name  string
		file  string
		valid bool // a benchmark document generated valid
		bench bool
	}
	var docs []doc
	for _, shape := range benchdoc.Shapes {
		for _, size := range []int{1 << 10, 100 << 10} {
			for _, broken := range []bool{false, true} {
				for seed := uint64(1); seed <= 3; seed++ {
					name := fmt.Sprintf("%s-%d-broken=%v-seed=%d.json", shape, size, broken, seed)
					file := filepath.Join(dir, name)
					if err := os.WriteFile(file, benchdoc.Generate(shape, size, broken, seed), 0o644); err != nil {
						t.Fatal(err)
					}
					docs = append(docs, doc{name: name, file: file, valid: !broken, bench: true})
				}
			}
		}
	}
	// The findings-heavy twin: ajv must find its undeclared members where
	// opcheck does, or the page's twin row would compare unlike work.
	for _, size := range []int{1 << 10, 100 << 10} {
		name := fmt.Sprintf("collection-%d-repeated.json", size)
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, benchdoc.Repeated(size, 1), 0o644); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{name: name, file: file, bench: true})
	}
	corpus, err := filepath.Glob(filepath.Join("..", "check", "testdata", "corpus", "v1.0", "*.json"))
	if err != nil || len(corpus) == 0 {
		t.Fatalf("no corpus files found (%v)", err)
	}
	for _, f := range corpus {
		docs = append(docs, doc{name: "corpus/" + filepath.Base(f), file: f})
	}
	files := make([]string, len(docs))
	for i, d := range docs {
		files[i] = d.file
	}
	results := runAjv(t, out, files)

	brokenSeen := 0
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			src, err := os.ReadFile(d.file)
			if err != nil {
				t.Fatal(err)
			}
			r := results[d.file]
			want, typoParents := checkPointers(src)
			got := slices.DeleteFunc(r.pointers(), func(p string) bool {
				return typoParents[p] && !slices.Contains(want, p)
			})
			if !slices.Equal(got, want) {
				t.Errorf("ajv finds something at %q,\nopcheck at %q", got, want)
			}
			if r.Valid != (len(r.Errors) == 0) {
				t.Errorf("ajv: valid = %v with %d errors", r.Valid, len(r.Errors))
			}
			if d.bench && d.valid && !r.Valid {
				t.Errorf("ajv rejects a valid benchmark document: %q", got)
			}
			if d.bench && !d.valid && !r.Valid {
				brokenSeen++
			}
		})
	}
	if brokenSeen == 0 {
		t.Error("ajv accepted every broken benchmark document")
	}
}

// TestSchemaPatterns checks the lexical patterns of the schema, as ajv runs
// them (JavaScript regular expressions with the u flag), on the forms
// opcheck accepts and rejects (check/edm.go). The v1.0 comms types have no
// property of these types, so the corpus comparison cannot reach them.
func TestSchemaPatterns(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed; the patterns are JavaScript regular expressions")
	}
	tests := []struct {
		name    string
		pattern string
		input   string
		want    bool
	}{
		{"guid", guidPattern, "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10", true},
		{"guid upper", guidPattern, "0B5E4E4A-3C5F-4B4E-9D7A-2F6C1E8A9B10", true},
		{"guid braces", guidPattern, "{0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10}", false},
		{"guid short", guidPattern, "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b1", false},
		{"dto utc", dtoPattern, "2026-11-26T10:15:02.118Z", true},
		{"dto offset", dtoPattern, "2026-11-26T10:15+01:00", true},
		{"dto lower t z", dtoPattern, "2026-11-26t10:15:02z", true},
		{"dto leap second", dtoPattern, "2026-12-31T23:59:60Z", true},
		{"dto no zone", dtoPattern, "2026-11-26T10:15:02", false},
		{"dto month 13", dtoPattern, "2026-13-26T10:15:02Z", false},
		{"dto hour 24", dtoPattern, "2026-11-26T24:00:00Z", false},
		{"dto empty fraction", dtoPattern, "2026-11-26T10:15:02.Z", false},
		{"dto docs form", dtoPattern, "26/11/2026 10:15", false},
		{"date", datePattern, "2026-11-26", true},
		{"date day 32", datePattern, "2026-11-32", false},
		{"time of day", todPattern, "10:15:02", true},
		{"time of day fraction", todPattern, "10:15:02.5", true},
		{"time of day 25h", todPattern, "25:15:02", false},
		{"duration", durationPattern, "PT1M30S", true},
		{"duration days", durationPattern, "P2D", true},
		{"duration negative fraction", durationPattern, "-PT0.5S", true},
		{"duration all", durationPattern, "P1DT2H3M4S", true},
		{"duration empty", durationPattern, "P", false},
		{"duration empty time", durationPattern, "PT", false},
		{"duration fraction minutes", durationPattern, "PT1.5M", false},
		{"duration out of order", durationPattern, "PT1S2M", false},
		{"duration years", durationPattern, "P1Y", false},
		{"flags one", flagsPattern([]string{"a", "b.c"}), "a", true},
		{"flags two spaced", flagsPattern([]string{"a", "b.c"}), "a, b.c", true},
		{"flags regex metachar", flagsPattern([]string{"a", "b.c"}), "bxc", false},
		{"flags empty item", flagsPattern([]string{"a", "b.c"}), "a,,b.c", false},
	}
	pairs := make([][2]string, len(tests))
	for i, tt := range tests {
		pairs[i] = [2]string{tt.pattern, tt.input}
	}
	in, _ := json.Marshal(pairs)
	script := `let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{` +
		`console.log(JSON.stringify(JSON.parse(s).map(([p,i])=>new RegExp(p,"u").test(i))))})`
	cmd := exec.Command("node", "-e", script)
	cmd.Stdin = bytes.NewReader(in)
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []bool
	if err := json.Unmarshal(b, &got); err != nil || len(got) != len(tests) {
		t.Fatalf("node answered %q (%v)", b, err)
	}
	for i, tt := range tests {
		if got[i] != tt.want {
			t.Errorf("%s: %q matches %q: got %v, want %v", tt.name, tt.pattern, tt.input, got[i], tt.want)
		}
	}
}
