package check

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"opcheck/internal/benchdoc"
	"opcheck/scan"
)

// sessionDoc is a text to edit in the session tests, with the options to
// check it with.
type sessionDoc struct {
	name      string
	src       []byte
	opts      *Options
	generated bool // a generated collection or callback body
}

// sessionDocs are the corpus files, and small generated collections and
// callback bodies, valid and broken.
func sessionDocs(t *testing.T) []sessionDoc {
	t.Helper()
	var docs []sessionDoc
	for _, e := range readManifest(t) {
		src, err := os.ReadFile(filepath.Join("testdata/corpus", e.path))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, sessionDoc{e.path, src, &Options{API: e.api}, false})
	}
	for _, shape := range []benchdoc.Shape{benchdoc.Collection, benchdoc.Callbacks} {
		for _, broken := range []bool{false, true} {
			for _, size := range []int{2 << 10, 16 << 10} {
				name := string(shape) + "/" + strconv.Itoa(size) + "/" + strconv.FormatBool(broken)
				src := benchdoc.Generate(shape, size, broken, uint64(size))
				docs = append(docs, sessionDoc{name, src, nil, true})
				if size > 2<<10 {
					continue
				}
				// The same, over many lines, and with CRLF line breaks.
				var pretty bytes.Buffer
				if err := json.Indent(&pretty, src, "", "  "); err != nil {
					t.Fatal(err)
				}
				docs = append(docs, sessionDoc{name + "/indented", pretty.Bytes(), nil, true},
					sessionDoc{name + "/crlf", bytes.ReplaceAll(pretty.Bytes(), []byte("\n"), []byte("\r\n")), nil, true})
			}
		}
	}
	for _, broken := range []bool{false, true} {
		for _, size := range []int{2 << 10, 16 << 10} {
			name := "log/" + strconv.Itoa(size) + "/" + strconv.FormatBool(broken)
			src := benchdoc.Generate(benchdoc.Log, size, broken, uint64(size))
			docs = append(docs, sessionDoc{name, src, nil, true})
			if size > 2<<10 {
				continue
			}
			// The same as JSON Lines, and pretty-printed between log lines.
			lines := bytes.Split(bytes.TrimSuffix(src, []byte("\n")), []byte("\n"))
			var jsonl, pretty bytes.Buffer
			for _, line := range lines {
				body := line[bytes.IndexByte(line, '{'):]
				jsonl.Write(body)
				jsonl.WriteByte('\n')
				pretty.Write(line[:bytes.IndexByte(line, '{')])
				pretty.WriteByte('\n')
				if err := json.Indent(&pretty, body, "", "  "); err != nil {
					t.Fatal(err)
				}
				pretty.WriteString("\nhandled\n")
			}
			docs = append(docs, sessionDoc{name + "/jsonl", jsonl.Bytes(), nil, true},
				sessionDoc{name + "/pretty", pretty.Bytes(), nil, true})
		}
	}
	for i, src := range sessionSources {
		docs = append(docs, sessionDoc{"source-" + strconv.Itoa(i), []byte(src), nil, false})
	}
	return docs
}

// sessionSources are documents written for the session tests: findings
// between the items, duplicate names (whose message names an offset),
// scanner issues inside items, non-ASCII text, an item that is no object,
// and shapes that the items decide.
var sessionSources = []string{
	`{"@odata.context":"x","odd":1,"value":[
  {"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Running","id":"b", // a comment
   "clientContext":"héllo “wörld”","resultInfo":{"code":200,"subcode":0,"message":"m",},},
  {"@odata.type":"#microsoft.graph.recordOperation","id":"c","status":"failed","recordingLocation":'single',unquoted:1},
  42,
  {"@odata.type":"#microsoft.graph.muteParticipantOperation","id":"d","status":"Completed","status":"Failed",
   "resultInfo":{"code":500,"subcode":01,"message":"\u00e9\q"}},
  ...,
  {"id":"e","status":"Running","clientContext":"\ud800"}
],"more":true,"odd":2,"value":3}`,
	"{\r\n\"value\": [\r\n  {\"changeType\": \"updated\", \"resourceUrl\": \"/x/operations/a\", \"resourceData\": {\"id\": \"b\", \"status\": \"Completed\"}},\r\n  {\"id\": \"c\", \"status\": \"Running\", \"status\": \"Failed\"},\r\n  {\"id\": \"d\"}\r\n],\r\n\"x\": 1, \"x\": 2}",
	`{"value":[{"id":"a","status":"Running"},{"resourceData":{"id":"b"}},{"id":"c","status":"Failed"}]}`,
	`{"@odata.type":"#microsoft.graph.commsNotifications","value":[{"changeType":"created","resourceUrl":"/operations/1"},{"changeType":"deleted","resourceData":[]}],"@odata.type":"x"}`,
	`{"value":[{"a":{"b":{"c":[[[{"d":"é"}]]]}}},{"id":"x","status":"Runnin"},{"id":"y","status":"Running","clientContext":"Display Name value"}]}`,
	`{"value": [
  {"changeType": "updated", "resourceUrl": "/communications/calls/c1", "resourceData": {"@odata.type": "#microsoft.graph.call", "state": "incoming", "id": "c2", "state": "x"}},
  {"changeType": "deleted", "resource": "/app/calls/c1/participants", "resourceData": [{"id": "p", "isMuted": 1}, 2]},
  {"changeType": "updated", "resourceUrl": "/communications/calls/c1/operations/o", "resourceData": {"@odata.type": "microsoft.graph.call"}}
]}`,
	`{"@odata.context": "$metadata#communications/calls('c')/participants", "value": [{"id": "p1", "isMuted": false, "info": {"identity": {}}, "isInLobby": false}, {"id": "p2", "state": "x"}]}`,
	// Logs: bodies in a row, cut off, with duplicate names, between lines.
	"10:00:01 INFO event {\"AadApplicationIdentity\":{\"AppId\":\"x\"}}\n10:00:02 INFO got {\"id\":\"a\",\"status\":\"Running\"}\n10:00:03 INFO got {\"retries\":3}\n",
	"{\"id\":\"a\",\"status\":\"Running\",\"id\":\"b\"}\n{\"id\":\"c\",\"status\":\"runing\"}{\"id\":\"d\"}\n\n{\"value\":[{\"changeType\":\"updated\",\"resourceData\":{\"id\":\"e\",\"status\":\"Failed\"}}]}\n",
	"10:00:01 INFO got: {\"id\":\"a\",\"status\":\"Running\",\n10:00:02 INFO got: {\"id\":\"b\",\"status\":\"Completed\",\"status\":\"x\"}\n" +
		"10:00:03 WARN slow\n[10:00:04] got\n{\n  \"id\": \"c\",\n  \"status\": \"Runnin\u00e9\",\n  \"clientContext\": \"h\u00e9llo {\"\n}\n10:00:05 done {main}\n",
	"{\"id\":\"a\",\"status\":\"Running\"} // one\r\n{\"id\":\"b\",\"status\":\"Failed\",}\r\n",
	// A stream whose timeline has an anomaly of every kind, so that edits
	// make and unmake them across items.
	`{"value":[
  {"changeType":"updated","resourceUrl":"/communications/calls/c1","resourceData":{"@odata.type":"#microsoft.graph.call","state":"established"}},
  {"changeType":"updated","resourceUrl":"/communications/calls/c1/operations/a","resourceData":{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Running","clientContext":"é1"}},
  {"changeType":"deleted","resourceUrl":"/communications/calls/c1/operations/a","resourceData":{"@odata.type":"#microsoft.graph.recordOperation","id":"a","status":"Completed","clientContext":"é2"}},
  {"changeType":"updated","resourceUrl":"/communications/calls/c1/operations/a","resourceData":{"@odata.type":"#microsoft.graph.recordOperation","id":"a","status":"Running"}},
  {"changeType":"updated","resourceUrl":"/communications/calls/c1/participants","resourceData":[{"id":"p1","isMuted":true},{"id":"p2"}]},
  {"changeType":"updated","resourceUrl":"/communications/calls/c1/operations/b","resourceData":{"@odata.type":"#microsoft.graph.recordOperation","id":"b","status":"Running"}},
  {"changeType":"updated","resourceUrl":"/communications/calls/c1","resourceData":{"@odata.type":"#microsoft.graph.call","state":"establishing"}},
  {"changeType":"deleted","resourceUrl":"/communications/calls/c1/participants","resourceData":[{"id":"p2"}]},
  {"changeType":"deleted","resourceUrl":"/communications/calls/c1","resourceData":{"@odata.type":"#microsoft.graph.call","state":"terminated","resultInfo":{"code":500,"subcode":7106,"message":"x"}}},
  {"changeType":"updated","resourceUrl":"/communications/calls/c1","resourceData":{"@odata.type":"#microsoft.graph.call","state":"established"}},
  {"changeType":"updated","resourceUrl":"/communications/calls/c1/participants","resourceData":[{"id":"p2"}]}
]}`,
}

// editBytes are what random edits insert: JSON's structural characters,
// quotes, escapes, letters, digits, blanks, line breaks of every kind and
// multi-byte characters (a typographic quote, an ellipsis, a line
// separator, a byte that is not UTF-8).
var editBytes = [][]byte{
	[]byte("{"), []byte("}"), []byte("["), []byte("]"), []byte(","), []byte(":"), []byte(`"`), []byte("'"),
	[]byte(`\`), []byte("/"), []byte("*"), []byte("."), []byte("-"), []byte("+"), []byte("e"),
	[]byte("a"), []byte("Z"), []byte("0"), []byte("7"), []byte(" "), []byte("\t"), []byte("\n"), []byte("\r"), []byte("\r\n"),
	[]byte("é"), []byte("\u201c"), []byte("…"), []byte("\u2028"), {0xff}, []byte("null"), []byte("true"),
	[]byte(`"id"`), []byte(`"status":"Failed"`), []byte(`"x":1,`), []byte("@odata.type"),
}

// randomChange returns a random insertion, deletion or replacement of 1 to
// 5 characters in text.
func randomChange(rng *rand.Rand, text []byte) Change {
	off := rng.IntN(len(text) + 1)
	var ins []byte
	for n := 1 + rng.IntN(5); len(ins) < n && rng.IntN(3) > 0; {
		ins = append(ins, editBytes[rng.IntN(len(editBytes))]...)
	}
	del := 0
	if rng.IntN(2) == 0 || len(ins) == 0 {
		del = min(1+rng.IntN(5), len(text)-off)
	}
	return Change{Offset: off, Length: del, Text: ins}
}

// inverse is the change that undoes c on the text it was applied to.
func inverse(c Change, before []byte) Change {
	return Change{Offset: c.Offset, Length: len(c.Text), Text: bytes.Clone(before[c.Offset : c.Offset+c.Length])}
}

// applyNaive is the reference splice.
func applyNaive(text []byte, changes []Change) []byte {
	for _, c := range changes {
		text = append(append(append([]byte(nil), text[:c.Offset]...), c.Text...), text[c.Offset+c.Length:]...)
	}
	return text
}

// sameAsValidate fails unless r is, byte for byte, what Validate returns
// for the session's text, and the text and ASCII flag are what they should be.
func sameAsValidate(t *testing.T, s *Session, r *Result, want []byte, opts *Options, step string) {
	t.Helper()
	if !bytes.Equal(s.Text(), want) {
		t.Fatalf("%s: the session's text differs from the edited text:\n got %q\nwant %q", step, s.Text(), want)
	}
	if got, want := s.ASCII(), countNonASCII(want) == 0; got != want {
		t.Fatalf("%s: ASCII() = %v, want %v", step, got, want)
	}
	got, full := r.AppendJSON(nil), Validate(want, opts).AppendJSON(nil)
	if !bytes.Equal(got, full) {
		t.Fatalf("%s: Apply's result differs from Validate's for %q:\n got %s\nwant %s", step, want, got, full)
	}
	// The tracks built on demand are those of a check that lists them.
	var all Options
	if opts != nil {
		all = *opts
	}
	all.SkipTracks = false
	if got, want := tracksJSON(s.Tracks()), tracksJSON(Validate(want, &all).Timeline); !bytes.Equal(got, want) {
		t.Fatalf("%s: Tracks() differs from Validate's timeline:\n got %s\nwant %s", step, got, want)
	}
}

// tracksJSON is the timeline's tracks as the JSON output writes them.
func tracksJSON(tracks []Track) []byte {
	return (&Result{Timeline: tracks}).AppendJSON(nil)
}

// TestSessionEdits applies seeded random edits to every session document
// through one Session and compares each result with a full Validate of the
// same text. An edit that leaves the JSON syntax whole is mostly kept, so
// the text drifts away from where it started; any other is undone at the
// next step, which puts the session back on a checkable document.
func TestSessionEdits(t *testing.T) {
	steps := 150
	if testing.Short() {
		steps = 20
	}
	for _, doc := range sessionDocs(t) {
		t.Run(doc.name, func(t *testing.T) {
			// Seeded by the name, so that a corpus file added before it
			// does not change the edits a document gets.
			h := fnv.New64a()
			h.Write([]byte(doc.name))
			rng := rand.New(rand.NewPCG(h.Sum64(), 7))
			s := NewSession()
			text := bytes.Clone(doc.src)
			sameAsValidate(t, s, s.Check(doc.src, doc.opts), text, doc.opts, "check")
			itemised := s.tr.ok
			var undo []Change
			for step := range steps {
				var changes []Change
				if undo != nil {
					changes, undo = undo, nil
				} else {
					changes, undo = randomChanges(rng, text)
				}
				r, err := s.Apply(changes)
				if err != nil {
					t.Fatalf("step %d: %v", step, err)
				}
				text = applyNaive(text, changes)
				sameAsValidate(t, s, r, text, doc.opts, "step "+strconv.Itoa(step))
				// Keep it, mostly, unless it breaks the syntax, or takes a
				// document checked item by item off that path (as renaming
				// its "value" does).
				if undo != nil && scans(text) && (s.tr.ok || !itemised) && rng.IntN(3) > 0 {
					undo = nil
				}
			}
			// The generated documents are nearly all items: many edits fall
			// inside one.
			if doc.generated && s.items < steps/4 {
				t.Errorf("%d of %d edits were checked item by item, want at least %d", s.items, steps, steps/4)
			}
		})
	}
}

// randomChanges returns one to three random changes, each on the text the
// ones before it leave, and the changes that undo them.
func randomChanges(rng *rand.Rand, text []byte) (changes, undo []Change) {
	n := 1
	if rng.IntN(4) == 0 {
		n += 1 + rng.IntN(2)
	}
	for range n {
		c := randomChange(rng, text)
		undo = append([]Change{inverse(c, text)}, undo...)
		changes = append(changes, c)
		text = applyNaive(text, []Change{c})
	}
	return changes, undo
}

// scans reports whether text is JSON the scanner reads without a fatal issue.
func scans(text []byte) bool {
	doc, _ := scan.Parse(text)
	doc.Release()
	return doc != nil
}

// TestSessionPath checks which edits are answered by checking one item
// alone, and that both ways give Validate's result.
func TestSessionPath(t *testing.T) {
	const collection = `{"@odata.context": "x", "value": [
  {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "a", "status": "Running", "clientContext": "c"},
  {"@odata.type": "#microsoft.graph.recordOperation", "id": "b", "status": "Running", "status": "Failed"},
  {"id": "c", "status": "Running"}
], "@odata.nextLink": "n", "x": 1, "x": 2}`
	const callbacks = `{"value": [
  {"changeType": "updated", "resourceUrl": "/c/operations/a", "resourceData": {"id": "a", "status": "Running"}},
  {"changeType": "updated", "resourceUrl": "/c/operations/b", "resourceData": {"id": "b", "status": "Running"}}
]}`
	// Without "@odata.context", the items decide between a collection and
	// a callback body.
	const oneNote = `{"value": [{"changeType": "updated", "id": "a"}, {"id": "b"}]}`
	const noNote = `{"value": [{"id": "a", "status": "Running"}, {"id": "b"}]}`
	const minified = `{"value":[{"id":"a","status":"Running"},{"id":"b","status":"Running"}]}`
	// Participants: the context, or else the first item, says so.
	const roster = `{"@odata.context": "x/communications/calls('c')/participants", "value": [
  {"id": "p1", "info": {"identity": {"user": {"id": "u1"}}}, "isMuted": false, "isInLobby": false},
  {"id": "p2", "info": {"identity": {"user": {"id": "u2"}}}, "isMuted": true, "isInLobby": false}
]}`
	const rosterByItem = `{"value": [
  {"id": "p1", "info": {"identity": {"user": {"id": "u1"}}}, "isMuted": false, "isInLobby": false},
  {"id": "p2", "info": {"identity": {"user": {"id": "u2"}}}, "isMuted": true, "isInLobby": false}
]}`
	const calls = `{"value": [
  {"changeType": "created", "resourceUrl": "/communications/calls/c", "resourceData": {"@odata.type": "#microsoft.graph.call", "state": "incoming"}},
  {"changeType": "updated", "resourceUrl": "/communications/calls/c/participants", "resourceData": [{"id": "p1", "info": {"identity": {}}, "isMuted": false, "isInLobby": false}]}
]}`
	const botLog = "10:00:01 INFO got: {\"id\":\"a\",\"status\":\"Running\"}\n" +
		"10:00:02 INFO got: {\"id\":\"b\",\"status\":\"Running\"}\n10:00:03 done\n" +
		"10:00:04 INFO got: {\"id\":\"c\",\"status\":\"Failed\"}\n"
	const jsonLines = "{\"id\":\"a\",\"status\":\"Running\"}\n{\"id\":\"b\",\"status\":\"Running\"}\n"
	tests := []struct {
		name     string
		src      string
		at       string // the edit goes just after the first occurrence of at...
		skip     int    // ...and skip bytes more
		del      int
		text     string
		wantItem bool
	}{
		{"type into a string", collection, `"clientContext": "`, 0, 0, "é", true},
		{"break a value", collection, `"status": "`, 0, 1, "r", true},
		{"a line break between members", collection, `"id": "a",`, 0, 0, "\n    ", true},
		{"a CRLF in a string", collection, `"clientContext": "`, 0, 0, "\r\n", true},
		{"a duplicate name before later ones", collection, `"id": "a"`, 0, 0, `, "id": "z"`, true},
		{"a comment", collection, `"id": "c",`, 0, 0, " /* c */", true},
		{"just inside the closing brace", collection, `"clientContext": "c"`, 0, 0, ", \"k\": 1", true},
		{"a syntax error", collection, `"id": "a"`, 0, 0, `"`, false},
		{"the closing brace", collection, `"clientContext": "c"`, 0, 1, "", false},
		{"the opening brace", collection, "[\n  ", 0, 1, "[", false},
		{"between items", collection, `"c"},`, 0, 0, " ", false},
		{"a member of the root", collection, `"x": `, 0, 1, "3", false},
		{"an item that closes early", collection, `"id": "c"`, 0, 0, `}, {"id": "d"`, false},
		{"a line comment that eats the brace", collection, `"status": "Running"}`, -1, 0, "//", false},
		{"a brace and a line comment that eats the rest of the line", minified, `"status":"Running"`, 0, 0, "}//", false},
		{"a second notification member", callbacks, `"changeType": "`, 0, 1, "U", true},
		{"the one notification member that decides the shape", oneNote, `"changeType`, -1, 1, "x", false},
		{"another notification member", oneNote, `{"id": "b"`, 0, 0, `, "changeType": 1`, true},
		{"an item that starts to look like a notification", noNote, `{"id": "b"`, 0, 0, `, "changeType": 1`, false},
		{"an item of a collection without a context", noNote, `"status": "`, 0, 0, "x", true},
		{"a line break before a duplicate name in the item", collection, `"id": "b",`, 0, 0, "\n    ", true},
		{"a participant of a collection", roster, `"isMuted": `, 0, 5, "1", true},
		{"the participant that decides the collection, still one", rosterByItem, `"isMuted": `, 0, 5, "1", true},
		{"the participant that decides the collection, now a call", rosterByItem, `{"id": "p1", `, 0, 0, `"@odata.type": "#microsoft.graph.call", `, false},
		{"a later participant of a collection without a context", rosterByItem, `"isMuted": true`, 0, 0, `, "x": 1`, true},
		{"a call's state in a callback", calls, `"state": "`, 0, 8, "terminated", true},
		{"a participant in a roster update", calls, `"isMuted": `, 0, 5, `"no"`, true},
		{"a log body", botLog, `"b","status":"`, 0, 1, "r", true},
		{"a log body: a syntax error", botLog, `"b","status":`, 0, 0, `x`, true},
		{"a log body: a quote that runs into the next lines", botLog, `"b","status":"`, 0, 0, `"`, false},
		{"a log body: a duplicate name", botLog, `{"id":"c"`, 0, 0, `,"id":"z"`, true},
		{"a log body: a line break", botLog, `{"id":"c",`, 0, 0, "\n  ", true},
		{"a log body on the first line", botLog, `"a","status":"`, 0, 1, "r", false},
		{"a log body that closes early", botLog, `{"id":"b"`, 0, 0, "}", false},
		{"a log body cut off by the next", botLog, `"status":"Running"`, 0, 1, "", false},
		{"a log body that starts to look like Markdown", botLog, `{"id":"c",`, 0, 0, "\n# x", false},
		{"a log body that no longer opens an object", botLog, `{`, 49, 1, " ", false},
		{"JSON Lines: a later body", jsonLines, `{"id":"b","status":"`, 0, 0, "x", true},
		{"JSON Lines: the first body decides the form", jsonLines, `{"id":"a","status":"`, 0, 0, "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.src, tt.at)
			if i < 0 {
				t.Fatalf("%q is not in the document", tt.at)
			}
			c := Change{Offset: i + len(tt.at) + tt.skip, Length: tt.del, Text: []byte(tt.text)}
			s := NewSession()
			s.Check([]byte(tt.src), nil)
			if !s.tr.ok {
				t.Fatal("the document is not one whose items can be checked alone")
			}
			r, err := s.Apply([]Change{c})
			if err != nil {
				t.Fatal(err)
			}
			sameAsValidate(t, s, r, applyNaive([]byte(tt.src), []Change{c}), nil, "the edit")
			if got := s.items == 1; got != tt.wantItem {
				t.Errorf("checked item by item: %v, want %v", got, tt.wantItem)
			}
		})
	}
}

// TestSessionTwoChanges: changes in one item are checked with that item;
// changes in two items take a full check.
func TestSessionTwoChanges(t *testing.T) {
	src := []byte(`{"value":[{"id":"a","status":"Running"},{"id":"b","status":"Running"}]}`)
	tests := []struct {
		name     string
		changes  []Change
		wantItem bool
	}{
		{"one item", []Change{{Offset: 17, Text: []byte("x")}, {Offset: 31, Length: 2, Text: []byte("\n")}}, true},
		{"two items", []Change{{Offset: 17, Text: []byte("x")}, {Offset: 49, Text: []byte("y")}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession()
			s.Check(src, nil)
			r, err := s.Apply(tt.changes)
			if err != nil {
				t.Fatal(err)
			}
			sameAsValidate(t, s, r, applyNaive(src, tt.changes), nil, "the changes")
			if got := s.items == 1; got != tt.wantItem {
				t.Errorf("checked item by item: %v, want %v", got, tt.wantItem)
			}
		})
	}
}

// TestSessionLimits edits documents at the limits on findings and on
// scanner issues: an edit that would cross one takes a full check, which
// reports what was left out; one that stays under is checked item by item.
func TestSessionLimits(t *testing.T) {
	items := func(n int, item string) []byte {
		b := []byte(`{"value":[`)
		for i := range n {
			if i > 0 {
				b = append(b, ",\n"...)
			}
			b = append(b, item...)
		}
		return append(b, "]}"...)
	}
	tests := []struct {
		name  string
		src   []byte
		limit int
		steps []struct {
			at, del  int // in item 5
			text     string
			wantItem bool
		}
	}{
		{"findings", items(MaxFindings, `{"id":"a","status":"Running","x":1}`), MaxFindings, []struct {
			at, del  int
			text     string
			wantItem bool
		}{
			{1, 0, `"y":1,`, false},  // one past the limit
			{1, 6, ``, false},        // back, from a result that was cut
			{29, 3, `"z"`, true},     // another unknown name: as many findings
			{28, 6, ``, true},        // one finding fewer
			{28, 0, `,"x":1`, true},  // back to the limit
			{28, 0, `,"w":1`, false}, // past it again
		}},
		{"issues", items(scan.MaxIssues, `{"id":"a","status":"Running",}`), scan.MaxIssues, []struct {
			at, del  int
			text     string
			wantItem bool
		}{
			{9, 0, `,`, false},     // two commas: a syntax error
			{9, 1, ``, false},      // back
			{28, 1, ``, true},      // one issue fewer
			{28, 0, `,`, true},     // back to the limit
			{9, 0, ` /**/`, false}, // a comment: one past the limit
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession()
			r := s.Check(tt.src, nil)
			text := bytes.Clone(tt.src)
			if len(r.Diagnostics) != tt.limit || !s.tr.ok {
				t.Fatalf("the document has %d findings, want %d, all listed", len(r.Diagnostics), tt.limit)
			}
			start := bytes.Index(text, []byte(`{"id"`))
			item := bytes.Index(text[start+1:], []byte(`{"id"`)) + start + 1 - start // the length of an item and its separator
			for i, st := range tt.steps {
				c := Change{Offset: start + 5*item + st.at, Length: st.del, Text: []byte(st.text)}
				var got bool
				text, got = applyStep(t, s, text, c, "step "+strconv.Itoa(i))
				if got != st.wantItem {
					t.Errorf("step %d: checked item by item: %v, want %v", i, got, st.wantItem)
				}
			}
		})
	}
}

// applyStep applies c through s and to text, holds the session's result to
// Validate's for the new text, and reports whether the item path ran.
func applyStep(t *testing.T, s *Session, text []byte, c Change, what string) ([]byte, bool) {
	t.Helper()
	before := s.items
	r, err := s.Apply([]Change{c})
	if err != nil {
		t.Fatal(err)
	}
	text = applyNaive(text, []Change{c})
	sameAsValidate(t, s, r, text, nil, what)
	return text, s.items > before
}

// TestSessionDepth nests an item's arrays up to scan.MaxDepth, counting
// the root object and "value" array above it: the item alone would scan
// two levels deeper, so the last level takes a full check, which finds it
// too deep.
func TestSessionDepth(t *testing.T) {
	n := scan.MaxDepth - 4 // arrays in the item: with the item, "value" and the root, two levels to spare
	src := []byte(`{"value":[{"a":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}]}`)
	mid := len(`{"value":[{"a":`) + n
	s := NewSession()
	s.Check(src, nil)
	text := bytes.Clone(src)
	for i, wantItem := range []bool{true, false} {
		c := Change{Offset: mid + i, Text: []byte("[]")} // inside the last one
		var got bool
		text, got = applyStep(t, s, text, c, "step "+strconv.Itoa(i))
		if got != wantItem {
			t.Errorf("step %d: checked item by item: %v, want %v", i, got, wantItem)
		}
	}
	if find(Validate(text, nil), scan.CodeTooDeep) == nil {
		t.Error("the last step should have nested the arrays too deep")
	}
}

func TestSessionErrors(t *testing.T) {
	s := NewSession()
	if _, err := s.Apply([]Change{{Offset: 0, Text: []byte("x")}}); err == nil {
		t.Fatal("Apply before Check: got no error")
	}
	src := []byte(`{"value":[]}`)
	s.Check(src, nil)
	tests := []struct {
		name    string
		changes []Change
	}{
		{"negative offset", []Change{{Offset: -1}}},
		{"offset past the end", []Change{{Offset: len(src) + 1}}},
		{"length past the end", []Change{{Offset: 3, Length: len(src)}}},
		{"negative length", []Change{{Offset: 3, Length: -1}}},
		{"second change past the shortened text", []Change{{Offset: 0, Length: 5}, {Offset: len(src) - 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.Apply(tt.changes); err == nil {
				t.Fatal("got no error")
			}
			if !bytes.Equal(s.Text(), src) {
				t.Fatalf("text = %q after a refused change, want %q", s.Text(), src)
			}
		})
	}
	r, err := s.Apply([]Change{{Offset: 0, Length: 5}, {Offset: len(src) - 5, Text: []byte("]")}})
	if err != nil {
		t.Fatal(err)
	}
	sameAsValidate(t, s, r, []byte(`ue":[]}]`), nil, "two changes")
}

// TestSessionResultsStayPut checks that a result returned earlier does not
// change when later edits move the text under it: the scanner's strings
// share the text, and the session edits the text in place.
func TestSessionResultsStayPut(t *testing.T) {
	src := []byte(`{"value":[{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Running","clientContext":5,"resultInfo":{"code":"12","subcode":0,"message":"m"}}]}`)
	s := NewSession()
	first := s.Check(src, nil)
	before := first.AppendJSON(nil)
	if !bytes.Contains(before, []byte(`"replacement":"12"`)) {
		t.Fatalf("the test needs a fix whose replacement is a value of the text; got %s", before)
	}
	for range 20 {
		if _, err := s.Apply([]Change{{Offset: 1, Text: []byte(`"x":"yyyyyyyyyy",`)}}); err != nil {
			t.Fatal(err)
		}
	}
	if after := first.AppendJSON(nil); !bytes.Equal(after, before) {
		t.Fatalf("an earlier result changed:\nbefore %s\n after %s", before, after)
	}
}

// TestSessionASCII follows the ASCII flag through edits that add and
// remove multi-byte characters.
func TestSessionASCII(t *testing.T) {
	s := NewSession()
	s.Check([]byte(`{"a":"b"}`), nil)
	steps := []struct {
		change Change
		want   bool
	}{
		{Change{Offset: 6, Text: []byte("é")}, false},
		{Change{Offset: 6, Length: 1}, false}, // half of the é is left
		{Change{Offset: 6, Length: 1}, true},
		{Change{Offset: 0, Text: []byte{0xff}}, false},
		{Change{Offset: 0, Length: 1, Text: []byte(" ")}, true},
	}
	for i, st := range steps {
		if _, err := s.Apply([]Change{st.change}); err != nil {
			t.Fatal(err)
		}
		if got := s.ASCII(); got != st.want {
			t.Fatalf("step %d: ASCII() = %v on %q, want %v", i, got, s.Text(), st.want)
		}
		if got := utf8.Valid(s.Text()) && countNonASCII(s.Text()) == 0; got != st.want {
			t.Fatalf("step %d: the test's expectation is wrong for %q", i, s.Text())
		}
	}
}

// BenchmarkSessionEdit measures a one-character edit in the middle of a
// large collection, callback body and bot log: typed into a string of the middle
// item, then deleted again, through a Session ("item"), against a full
// Validate of the same text ("full").
func BenchmarkSessionEdit(b *testing.B) {
	for _, shape := range []benchdoc.Shape{benchdoc.Collection, benchdoc.Callbacks, benchdoc.Log} {
		for _, broken := range []bool{false, true} {
			name := string(shape) + "/10MB/valid"
			if broken {
				name = string(shape) + "/10MB/broken"
			}
			doc := benchdoc.Generate(shape, 10<<20, broken, 1)
			at := len(doc)/2 + bytes.Index(doc[len(doc)/2:], []byte(`"clientContext":"`)) + len(`"clientContext":"`)
			edits := [][]Change{{{Offset: at, Text: []byte("x")}}, {{Offset: at, Length: 1}}}
			b.Run(name+"/item", func(b *testing.B) {
				s := NewSession()
				s.Check(doc, nil)
				b.ReportAllocs()
				b.ResetTimer()
				i := 0
				for b.Loop() {
					if _, err := s.Apply(edits[i%2]); err != nil {
						b.Fatal(err)
					}
					i++
				}
				b.StopTimer()
				if s.items != i {
					b.Fatalf("%d of %d edits were checked item by item", s.items, i)
				}
			})
			// The log's first edit costs what the callbacks' does; each round
			// of it re-checks 10 MB untimed, which make bench can spare.
			if shape != benchdoc.Log {
				b.Run(name+"/first", func(b *testing.B) {
					// The first edit after Check also counts the lines up to
					// the item, once.
					s := NewSession()
					b.ReportAllocs()
					for b.Loop() {
						b.StopTimer()
						s.Check(doc, nil)
						b.StartTimer()
						if _, err := s.Apply(edits[0]); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
			b.Run(name+"/full", func(b *testing.B) {
				text := bytes.Clone(doc)
				b.ReportAllocs()
				for b.Loop() {
					Validate(text, nil)
				}
			})
		}
	}
}

// FuzzSession checks a document, then applies edits the fuzzer chooses,
// each answered as Validate answers the edited text. The edits are read
// four bytes at a time: an offset (two bytes, little-endian, modulo the
// text's length plus one), how many bytes to delete (0 to 5), and what to
// insert (one of editBytes, or the byte itself).
func FuzzSession(f *testing.F) {
	paths, _ := filepath.Glob("testdata/corpus/forms/*.json")
	var srcs [][]byte
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			srcs = append(srcs, b)
		}
	}
	for _, src := range sessionSources {
		srcs = append(srcs, []byte(src))
	}
	for _, shape := range []benchdoc.Shape{benchdoc.Collection, benchdoc.Callbacks, benchdoc.Log} {
		srcs = append(srcs, benchdoc.Generate(shape, 1<<10, true, 3))
	}
	for i, src := range srcs {
		mid := uint16(len(src) / 2)
		f.Add(src, []byte{byte(mid), byte(mid >> 8), 0, 2 * byte(i%len(editBytes)), byte(mid), byte(mid >> 8), 1, 'x', 40, 0, 3, 1})
	}
	f.Fuzz(func(t *testing.T, src, edits []byte) {
		s := NewSession()
		text := bytes.Clone(src)
		sameAsValidate(t, s, s.Check(src, nil), text, nil, "check")
		for step := 0; len(edits) >= 4 && step < 32; step++ {
			off := int(binary.LittleEndian.Uint16(edits)) % (len(text) + 1)
			c := Change{Offset: off, Length: min(int(edits[2]%6), len(text)-off)}
			if b := edits[3]; b%2 == 0 {
				c.Text = editBytes[int(b/2)%len(editBytes)]
			} else {
				c.Text = []byte{b}
			}
			edits = edits[4:]
			r, err := s.Apply([]Change{c})
			if err != nil {
				t.Fatalf("step %d: %v", step, err)
			}
			text = applyNaive(text, []Change{c})
			sameAsValidate(t, s, r, text, nil, "step "+strconv.Itoa(step))
		}
	})
}

// TestSessionEmptyApply: an Apply with no changes answers with the last
// result itself, without checking the text again, and any change after it
// is checked as usual.
func TestSessionEmptyApply(t *testing.T) {
	src := benchdoc.Generate(benchdoc.Collection, 4<<10, true, 1)
	s := NewSession()
	first := s.Check(src, nil)
	again, err := s.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Error("Apply(nil) checked the text again instead of answering with the last result")
	}
	text, _ := applyStep(t, s, bytes.Clone(src), Change{Offset: len(src) - 1, Text: []byte(" ")}, "a space before the last brace")
	r, err := s.Apply([]Change{})
	if err != nil {
		t.Fatal(err)
	}
	sameAsValidate(t, s, r, text, nil, "an empty Apply after a change")
}
