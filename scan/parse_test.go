package scan

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// issueTests hold one input per problem: the issue it must give, where, and
// what the input reads after applying every fix (when all problems have one).
var issueTests = []struct {
	name    string
	input   string
	code    string
	off     int
	length  int
	fatal   bool
	msg     string // a part of the message, when it matters
	fixed   string // the input with every fix applied; "" to skip
	related int    // the issue's Related offset
}{
	// trailing-comma
	{name: "trailing comma in array", input: `[1,2,]`, code: CodeTrailingComma, off: 4, length: 1, msg: "after the last element", fixed: `[1,2]`},
	{name: "trailing comma in object", input: `{"a":1,}`, code: CodeTrailingComma, off: 6, length: 1, msg: "after the last member", fixed: `{"a":1}`},
	{name: "trailing comma before newline", input: "{\n \"a\": [1],\n}", code: CodeTrailingComma, off: 11, length: 1, fixed: "{\n \"a\": [1]\n}"},

	// comment
	{name: "line comment after value", input: "{\"a\":1 // note\n}", code: CodeComment, off: 7, length: 7, msg: "// comment", fixed: "{\"a\":1 \n}"},
	{name: "line comment alone on its line", input: "[\n  // one\n  1\n]", code: CodeComment, off: 4, length: 6, fixed: "[\n  1\n]"},
	{name: "block comment", input: `[1 /* c */]`, code: CodeComment, off: 3, length: 7, msg: "/* */", fixed: `[1 ]`},
	{name: "comment before root", input: "/* header */\n{}", code: CodeComment, off: 0, length: 12, fixed: "{}"},
	{name: "comment at end without newline", input: "{} // done", code: CodeComment, off: 3, length: 7, fixed: "{} "},
	{name: "block comment never closed", input: `[1 /* c`, code: CodeSyntax, off: 3, length: 2, fatal: true, msg: "never closed"},

	// single-quotes
	{name: "single-quoted value", input: `{"a": 'b'}`, code: CodeSingleQuotes, off: 6, length: 3, fixed: `{"a": "b"}`},
	{name: "single-quoted name", input: `{'a': 1}`, code: CodeSingleQuotes, off: 1, length: 3, fixed: `{"a": 1}`},
	{name: "single-quoted with double quote inside", input: `['say "hi"']`, code: CodeSingleQuotes, off: 1, length: 10, fixed: `["say \"hi\""]`},
	{name: "single-quoted with escaped quote", input: `['it\'s']`, code: CodeSingleQuotes, off: 1, length: 7, fixed: `["it's"]`},
	{name: "single-quoted with tab and bad escape", input: "['a\tb\\x']", code: CodeSingleQuotes, off: 1, length: 7, fixed: `["a\tb\\x"]`},
	{name: "single-quoted never closed on its line", input: "['abc\n]", code: CodeSyntax, off: 1, length: 1, fatal: true, msg: "single quotes"},
	{name: "single-quoted never closed", input: "['abc", code: CodeSyntax, off: 1, length: 1, fatal: true},

	// unquoted-key
	{name: "unquoted name", input: `{a: 1}`, code: CodeUnquotedKey, off: 1, length: 1, fixed: `{"a": 1}`},
	{name: "unquoted annotation name", input: `{@odata.type: "#x", id: "1"}`, code: CodeUnquotedKey, off: 1, length: 11, fixed: `{"@odata.type": "#x", "id": "1"}`},
	{name: "unquoted name without colon", input: `{a b}`, code: CodeSyntax, off: 3, length: 1, fatal: true, msg: "expected ':'"},

	// ellipsis
	{name: "ellipsis after last element", input: `[1, 2, ...]`, code: CodeEllipsis, off: 7, length: 3, fixed: `[1, 2]`},
	{name: "ellipsis between elements", input: `[1, ..., 3]`, code: CodeEllipsis, off: 4, length: 3, fixed: `[1, 3]`},
	{name: "ellipsis alone in array", input: `[...]`, code: CodeEllipsis, off: 1, length: 3, fixed: `[]`},
	{name: "ellipsis for members", input: `{"a": 1, ...}`, code: CodeEllipsis, off: 9, length: 3, msg: "member", fixed: `{"a": 1}`},
	{name: "ellipsis alone in object", input: "{\n  ...\n}", code: CodeEllipsis, off: 4, length: 3, fixed: "{\n  \n}"},
	{name: "ellipsis as member value", input: `{"a": ..., "b": 2}`, code: CodeEllipsis, off: 6, length: 3, msg: `value of "a"`, fixed: `{"b": 2}`},
	{name: "ellipsis as last member value", input: `{"b": 2, "a": ...}`, code: CodeEllipsis, off: 14, length: 3, fixed: `{"b": 2}`},
	{name: "ellipsis member on its own line", input: "{\n  \"a\": 1,\n  \"b\": ...,\n  \"c\": 2\n}", code: CodeEllipsis, off: 19, length: 3,
		fixed: "{\n  \"a\": 1,\n  \"c\": 2\n}"},
	{name: "unicode ellipsis", input: `[1, …]`, code: CodeEllipsis, off: 4, length: 3, fixed: `[1]`},
	{name: "two ellipses", input: `[1, ..., ...]`, code: CodeEllipsis, off: 4, length: 3, fixed: `[1 ]`},
	{name: "ellipsis as the whole input", input: `...`, code: CodeEllipsis, off: 0, length: 3, fatal: true},
	{name: "ellipsis after a value", input: `[1 ...]`, code: CodeSyntax, off: 3, length: 3, fatal: true},
	{name: "two dots", input: `[..]`, code: CodeSyntax, off: 1, length: 1, fatal: true},

	// duplicate-key
	{name: "duplicate name", input: `{"a":1,"a":2}`, code: CodeDuplicateKey, off: 7, length: 3, msg: `"a" appears twice in this object; Graph keeps`, related: 1},
	{name: "duplicate name written with an escape", input: `{"a":1,"\u0061":2}`, code: CodeDuplicateKey, off: 7, length: 8, related: 1},
	{name: "duplicate in nested object only", input: `{"a":{"a":1,"b":2,"b":3}}`, code: CodeDuplicateKey, off: 18, length: 3, related: 12},
	{name: "duplicate in large object", input: largeObject(40, "k7"), code: CodeDuplicateKey, off: len(largeObject(40, "")), length: 4, related: 50},
	{name: "duplicate unquoted name", input: `{"a":1,a:2}`, code: CodeDuplicateKey, off: 7, length: 1, related: 1, fixed: `{"a":1,"a":2}`},

	// invalid-utf8
	{name: "invalid UTF-8 in string", input: "[\"a\xffb\"]", code: CodeInvalidUTF8, off: 3, length: 1},
	{name: "truncated UTF-8 sequence", input: "\"\xe2\x80\"", code: CodeInvalidUTF8, off: 1, length: 1},
	{name: "invalid UTF-8 outside a string", input: "[\xff]", code: CodeSyntax, off: 1, length: 1, fatal: true, msg: "0xFF"},

	// bom
	{name: "byte-order mark", input: "\xef\xbb\xbf{}", code: CodeBOM, off: 0, length: 3, fixed: "{}"},
	{name: "UTF-16 byte-order mark", input: "\xff\xfe{\x00}\x00", code: CodeSyntax, off: 0, length: 2, fatal: true, msg: "UTF-16"},

	// lone-surrogate
	{name: "high surrogate alone", input: `"\ud800"`, code: CodeLoneSurrogate, off: 1, length: 6},
	{name: "low surrogate alone", input: `"x\uDC00"`, code: CodeLoneSurrogate, off: 2, length: 6},
	{name: "two high surrogates", input: `"\ud800\ud800\udc00"`, code: CodeLoneSurrogate, off: 1, length: 6},

	// control-character
	{name: "tab in string", input: "\"a\tb\"", code: CodeControlCharacter, off: 2, length: 1, msg: `\t`, fixed: `"a\tb"`},
	{name: "newline in string", input: "{\"a\": \"x\ny\"}", code: CodeControlCharacter, off: 8, length: 1, fixed: `{"a": "x\ny"}`},
	{name: "NUL in name", input: "{\"a\x00\": 1}", code: CodeControlCharacter, off: 3, length: 1, fixed: `{"a\u0000": 1}`},

	// invalid-escape
	{name: "unknown escape", input: `"C:\Users"`, code: CodeInvalidEscape, off: 3, length: 2, fixed: `"C:\\Users"`},
	{name: "escaped single quote", input: `"it\'s"`, code: CodeInvalidEscape, off: 3, length: 2, fixed: `"it's"`},
	{name: "short unicode escape", input: `"\u12"`, code: CodeInvalidEscape, off: 1, length: 4, msg: "four hexadecimal digits", fixed: `"\\u12"`},
	{name: "backslash before non-ASCII", input: `"\é"`, code: CodeInvalidEscape, off: 1, length: 3, fixed: `"\\é"`},

	// invalid-number
	{name: "leading zeros", input: `[007]`, code: CodeInvalidNumber, off: 1, length: 3, fixed: `[7]`},
	{name: "negative leading zero", input: `[-01.5]`, code: CodeInvalidNumber, off: 1, length: 5, fixed: `[-1.5]`},
	{name: "plus sign", input: `{"n": +1}`, code: CodeInvalidNumber, off: 6, length: 2, msg: "'+'", fixed: `{"n": 1}`},
	{name: "no integer part", input: `[.5]`, code: CodeInvalidNumber, off: 1, length: 2, fixed: `[0.5]`},
	{name: "negative no integer part", input: `[-.5]`, code: CodeInvalidNumber, off: 1, length: 3, fixed: `[-0.5]`},
	{name: "no fraction digits", input: `[1.]`, code: CodeInvalidNumber, off: 1, length: 2, fixed: `[1]`},
	{name: "no exponent digits", input: `[1e+]`, code: CodeInvalidNumber, off: 1, length: 3, fixed: `[1]`},
	{name: "NaN", input: `[NaN]`, code: CodeInvalidNumber, off: 1, length: 3},
	{name: "negative Infinity", input: `[-Infinity]`, code: CodeInvalidNumber, off: 1, length: 9},
	{name: "minus alone", input: `[-]`, code: CodeSyntax, off: 2, length: 1, fatal: true, msg: "expected a digit after '-'"},
	{name: "plus before a word", input: `[+x]`, code: CodeSyntax, off: 2, length: 1, fatal: true},
	{name: "hexadecimal number", input: `[0x1F]`, code: CodeSyntax, off: 2, length: 3, fatal: true},

	// json-syntax
	{name: "closing brace for a value", input: `{"a": }`, code: CodeSyntax, off: 6, length: 1, fatal: true,
		msg: "expected a value (string, number, object, array, true, false or null), found '}'"},
	{name: "missing colon", input: `{"a" 1}`, code: CodeSyntax, off: 5, length: 1, fatal: true, msg: `expected ':' after the member name "a"`},
	{name: "missing comma", input: `[1 2]`, code: CodeSyntax, off: 3, length: 1, fatal: true, msg: "comma missing"},
	{name: "missing comma between members", input: `{"a":1 "b":2}`, code: CodeSyntax, off: 7, length: 1, fatal: true, msg: "comma missing"},
	{name: "wrong closer", input: `[1}`, code: CodeSyntax, off: 2, length: 1, fatal: true, msg: "opened at byte 0"},
	{name: "wrong closer of object", input: `{"a":1]`, code: CodeSyntax, off: 6, length: 1, fatal: true},
	{name: "array closer for member", input: `{]`, code: CodeSyntax, off: 1, length: 1, fatal: true, msg: "member name"},
	{name: "leading comma", input: `[,1]`, code: CodeSyntax, off: 1, length: 1, fatal: true},
	{name: "double comma", input: `[1,,2]`, code: CodeSyntax, off: 3, length: 1, fatal: true},
	{name: "comma only", input: `,`, code: CodeSyntax, off: 0, length: 1, fatal: true},
	{name: "closer at root", input: `]`, code: CodeSyntax, off: 0, length: 1, fatal: true},
	{name: "truncated literal", input: `[tru]`, code: CodeSyntax, off: 1, length: 3, fatal: true},
	{name: "literal with tail", input: `[nullx]`, code: CodeSyntax, off: 1, length: 5, fatal: true},
	{name: "capitalized literal", input: `{"a": True}`, code: CodeSyntax, off: 6, length: 4, fatal: true, msg: "lower case"},
	{name: "bare word", input: `{"a": undefined}`, code: CodeSyntax, off: 6, length: 9, fatal: true, msg: "no undefined"},
	{name: "number as member name", input: `{1: 2}`, code: CodeSyntax, off: 1, length: 1, fatal: true},
	{name: "typographic quotes", input: "{\u201ca\u201d: 1}", code: CodeSyntax, off: 1, length: 3, fatal: true, msg: "typographic"},
	{name: "non-breaking space", input: "[1,\u00a02]", code: CodeSyntax, off: 3, length: 2, fatal: true, msg: "invisible space"},
	{name: "text after the value", input: `{} x`, code: CodeSyntax, off: 3, length: 1, fatal: true, msg: "unexpected text after the JSON value"},
	{name: "two values", input: `1, 2`, code: CodeSyntax, off: 1, length: 1, fatal: true, msg: "array"},
	{name: "object never closed", input: `{"a": [1, 2]`, code: CodeSyntax, off: 0, length: 1, fatal: true, msg: "this object is never closed"},
	{name: "array never closed", input: `{"a": [1, 2`, code: CodeSyntax, off: 6, length: 1, fatal: true, msg: "this array is never closed"},
	{name: "input ends after colon", input: `{"a":`, code: CodeSyntax, off: 0, length: 1, fatal: true},
	{name: "input ends after name", input: `{"a"`, code: CodeSyntax, off: 0, length: 1, fatal: true},
	{name: "string never closed", input: `["abc]`, code: CodeSyntax, off: 1, length: 1, fatal: true, msg: "this string is never closed"},
	{name: "string with line break never closed", input: "[\"abc\n]", code: CodeSyntax, off: 1, length: 1, fatal: true, msg: "line break at byte 5"},
	{name: "closing quote missing on a line", input: "{\"a\": \"x,\n \"b\": 1}", code: CodeSyntax, off: 12, length: 1, fatal: true, msg: "closing quote missing"},
	{name: "backslash at the end", input: `"\`, code: CodeSyntax, off: 0, length: 1, fatal: true},

	// empty-input
	{name: "empty", input: ``, code: CodeEmptyInput, off: 0, length: 0, fatal: true, msg: "empty"},
	{name: "whitespace only", input: " \n\t", code: CodeEmptyInput, off: 3, length: 0, fatal: true},
	{name: "comment only", input: "// nothing\n", code: CodeEmptyInput, off: 11, length: 0, fatal: true},
	{name: "byte-order mark only", input: "\xef\xbb\xbf", code: CodeEmptyInput, off: 3, length: 0, fatal: true},

	// too-deep
	{name: "too deep", input: strings.Repeat("[", MaxDepth+1), code: CodeTooDeep, off: MaxDepth, length: 1, fatal: true},
	{name: "too deep in objects", input: strings.Repeat(`{"a":`, MaxDepth+1), code: CodeTooDeep, off: 5 * MaxDepth, length: 1, fatal: true},
}

// largeObject writes {"k0":0,...} with n members, and then a member named
// dup when dup is not "", which starts at len(largeObject(n, "")). Member
// "k7" starts at byte 50.
func largeObject(n int, dup string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"k` + strconv.Itoa(i) + `":` + strconv.Itoa(i))
	}
	if dup != "" {
		b.WriteString(`,"` + dup + `":0`)
	}
	b.WriteByte('}')
	return b.String()
}

func TestParseIssues(t *testing.T) {
	for _, tt := range issueTests {
		t.Run(tt.name, func(t *testing.T) {
			doc, issues := Parse([]byte(tt.input))
			checkInvariants(t, []byte(tt.input), doc, issues)
			if got := doc == nil; got != tt.fatal {
				t.Errorf("got nil Doc %v, want %v; issues: %v", got, tt.fatal, describe(issues))
			}
			var found *Issue
			for i := range issues {
				if issues[i].Code == tt.code && issues[i].Offset == tt.off {
					found = &issues[i]
					break
				}
			}
			if found == nil {
				t.Fatalf("got issues %v, want %s at %d", describe(issues), tt.code, tt.off)
			}
			if found.Length != tt.length {
				t.Errorf("got length %d, want %d", found.Length, tt.length)
			}
			if found.Fatal != tt.fatal {
				t.Errorf("got Fatal %v, want %v", found.Fatal, tt.fatal)
			}
			if want := severityOf[tt.code]; found.Severity != want {
				t.Errorf("got severity %q, want %q", found.Severity, want)
			}
			if !strings.Contains(found.Message, tt.msg) {
				t.Errorf("got message %q, want it to contain %q", found.Message, tt.msg)
			}
			if found.Related != tt.related {
				t.Errorf("got Related %d, want %d", found.Related, tt.related)
			}
			if tt.fixed == "" {
				return
			}
			fixed, ok := applyFixes([]byte(tt.input), issues)
			if !ok {
				t.Fatalf("got overlapping fixes in %v", describe(issues))
			}
			if string(fixed) != tt.fixed {
				t.Errorf("got %q after the fixes, want %q", fixed, tt.fixed)
			}
			if !json.Valid(fixed) {
				t.Errorf("got invalid JSON %q after the fixes", fixed)
			}
		})
	}
}

// severityOf is the severity each code must have.
var severityOf = map[string]Severity{
	CodeTrailingComma: SeverityError, CodeComment: SeverityError, CodeSingleQuotes: SeverityError,
	CodeUnquotedKey: SeverityError, CodeEllipsis: SeverityError, CodeDuplicateKey: SeverityWarning,
	CodeInvalidUTF8: SeverityError, CodeBOM: SeverityWarning, CodeLoneSurrogate: SeverityWarning,
	CodeControlCharacter: SeverityError, CodeInvalidEscape: SeverityError, CodeInvalidNumber: SeverityError,
	CodeSyntax: SeverityError, CodeEmptyInput: SeverityError, CodeTooDeep: SeverityError,
	CodeTooLarge: SeverityError, CodeTooManyIssues: SeverityInfo,
}

func TestParseIssueCodesAreKnown(t *testing.T) {
	// Every code in the tables above has a severity, and every input of
	// the corpus gives only known codes.
	for _, tt := range issueTests {
		if _, ok := severityOf[tt.code]; !ok {
			t.Errorf("%s: got unknown code %q", tt.name, tt.code)
		}
	}
	for _, src := range corpus() {
		_, issues := Parse(src)
		for _, is := range issues {
			if want, ok := severityOf[is.Code]; !ok || want != is.Severity {
				t.Errorf("%q: got %s %q, want a known code with its severity %q", src, is.Severity, is.Code, want)
			}
		}
	}
}

func TestParseDepthLimit(t *testing.T) {
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	doc, issues := Parse([]byte(ok))
	if doc == nil || len(issues) != 0 {
		t.Fatalf("%d levels: got %v, want a Doc and no issues", MaxDepth, describe(issues))
	}
	if got := len(doc.Nodes); got != MaxDepth {
		t.Errorf("got %d nodes, want %d", got, MaxDepth)
	}
	if !json.Valid([]byte(ok)) {
		t.Errorf("encoding/json rejects %d levels; MaxDepth should match its limit", MaxDepth)
	}

	deep := []byte(strings.Repeat("[", 100000))
	doc, issues = Parse(deep)
	if doc != nil || len(issues) != 1 || issues[0].Code != CodeTooDeep || !issues[0].Fatal {
		t.Fatalf("100000 levels: got %v, want one fatal too-deep issue", describe(issues))
	}
	if json.Valid([]byte(strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1))) {
		t.Errorf("encoding/json accepts %d levels; MaxDepth should match its limit", MaxDepth+1)
	}
}

func TestParseHugeNumbers(t *testing.T) {
	digits := "1" + strings.Repeat("0", 399)
	for _, src := range []string{`1e999`, `-1e999`, digits, "-" + digits, `[` + digits + `, 1e-999]`} {
		doc, issues := Parse([]byte(src))
		if doc == nil || len(issues) != 0 {
			t.Fatalf("%.20s: got %v, want no issues", src, describe(issues))
		}
		for i, n := range doc.Nodes {
			if n.Kind != Number && n.Kind != Array {
				t.Errorf("%.20s: node %d got kind %v, want number", src, i, n.Kind)
			}
		}
	}
}

func TestParseTooManyIssues(t *testing.T) {
	src := "[" + strings.Repeat("01,", 3*MaxIssues) + "0]"
	doc, issues := Parse([]byte(src))
	if doc == nil {
		t.Fatalf("got nil Doc, want one: %v", describe(issues[:3]))
	}
	if got, want := len(issues), MaxIssues+1; got != want {
		t.Fatalf("got %d issues, want %d", got, want)
	}
	last := issues[len(issues)-1]
	if last.Code != CodeTooManyIssues || last.Severity != SeverityInfo || last.Offset != 1+3*MaxIssues {
		t.Errorf("got last issue %s at %d, want %s at %d", last.Code, last.Offset, CodeTooManyIssues, 1+3*MaxIssues)
	}
	if got, want := doc.Nodes[0].Count, uint32(3*MaxIssues+1); got != want {
		t.Errorf("got %d elements, want %d", got, want)
	}
}

func TestParseTree(t *testing.T) {
	src := []byte(`{"a": [1, {"b": null}, "x"], "c": {}, "d": true}`)
	doc, issues := Parse(src)
	if doc == nil || len(issues) != 0 {
		t.Fatalf("got %v, want no issues", describe(issues))
	}
	type row struct {
		kind        Kind
		raw, key    string
		next, count uint32
	}
	want := []row{
		{Object, string(src), "", 8, 3},
		{Array, `[1, {"b": null}, "x"]`, "a", 6, 3},
		{Number, `1`, "", 3, 0},
		{Object, `{"b": null}`, "", 5, 1},
		{Null, `null`, "b", 5, 0},
		{String, `"x"`, "", 6, 0},
		{Object, `{}`, "c", 7, 0},
		{True, `true`, "d", 8, 0},
	}
	if len(doc.Nodes) != len(want) {
		t.Fatalf("got %d nodes, want %d", len(doc.Nodes), len(want))
	}
	for i, w := range want {
		n := doc.Nodes[i]
		got := row{n.Kind, string(doc.Raw(i)), doc.Key(i), n.Next, n.Count}
		if got != w {
			t.Errorf("node %d: got %+v, want %+v", i, got, w)
		}
	}
	if n := doc.Nodes[1]; string(src[n.KeyStart:n.KeyEnd]) != `"a"` {
		t.Errorf("got key span %q, want %q", src[n.KeyStart:n.KeyEnd], `"a"`)
	}
}

func TestParseFlags(t *testing.T) {
	doc, _ := Parse([]byte(`{"a\n": "x", "b": "y\"", 'c': 'z'}`))
	if doc == nil {
		t.Fatal("got nil Doc")
	}
	tests := []struct {
		node int
		want uint8
	}{{1, KeyEscaped}, {2, Escaped}, {3, 0}}
	for _, tt := range tests {
		if got := doc.Nodes[tt.node].Flags; got != tt.want {
			t.Errorf("node %d: got flags %b, want %b", tt.node, got, tt.want)
		}
	}
}

func TestParseIssuesSorted(t *testing.T) {
	src := []byte("[1, 2, // a\n]")
	_, issues := Parse(src)
	if len(issues) != 2 {
		t.Fatalf("got %v, want two issues", describe(issues))
	}
	if !slices.IsSortedFunc(issues, byOffset) {
		t.Errorf("got issues out of order: %v", describe(issues))
	}
}

// TestParseMatchesEncodingJSON checks that Parse accepts (gives a Doc and no
// error) exactly what encoding/json.Valid accepts, for valid and invalid
// inputs alike. Valid lets bytes that are not UTF-8 through in strings and
// refuses a byte-order mark, where Parse does the opposite.
func TestParseMatchesEncodingJSON(t *testing.T) {
	for _, src := range corpus() {
		want := json.Valid(src) && utf8.Valid(src)
		doc, issues := Parse(src)
		checkInvariants(t, src, doc, issues)
		got := doc != nil && !hasError(issues) && !hasCode(issues, CodeBOM)
		if got != want {
			t.Errorf("%q: got accepted %v, want %v (%v)", src, got, want, describe(issues))
		}
	}
}

// corpus is the cross-check and fuzz seed corpus: the inputs of the tables
// above, the files under testdata, and a few more.
func corpus() [][]byte {
	var out [][]byte
	for _, tt := range issueTests {
		out = append(out, []byte(tt.input))
	}
	for _, s := range []string{
		`0`, `-0`, `-0.0e-0`, `1E+2`, `123456789012345678901234567890`, `""`, `"\u00e9\ud83d\ude00"`, `"\/\b\f\n\r\t\\\""`,
		`[]`, `{}`, `[[]]`, `{"":""}`, ` { "a" : [ true , false , null ] } `, "\t[\r\n]\n", `"é"`, `"\u0000"`,
		`[1,2,3]`, `{"a":{"b":{"c":[{}]}}}`, `{"a":1,"a":1}`, `"\udc00"`, `[1e5, 1.5e-3, 0.1]`,
		`01`, `1.5.`, `[1,]`, `{,}`, `{"a":1,,}`, `"\x"`, `nul`, `[1 ,]`, `{"a" : 1 , }`, `{"a"::1}`, `[-01]`, `[1e]`,
		"\"\x7f\"", "\"\x1f\"", `'a'`, `{a:1}`, `/**/1`, `1/**/`, `[1]//`, `[.1]`, `[1.e1]`, `[-]`, `[--1]`, `-`,
	} {
		out = append(out, []byte(s))
	}
	out = append(out, testdataFiles()...)
	return out
}

func hasError(issues []Issue) bool {
	for _, is := range issues {
		if is.Severity == SeverityError {
			return true
		}
	}
	return false
}

func hasCode(issues []Issue, code string) bool {
	for _, is := range issues {
		if is.Code == code {
			return true
		}
	}
	return false
}

// describe lists issues briefly for failure messages.
func describe(issues []Issue) string {
	var b strings.Builder
	for _, is := range issues {
		b.WriteString("\n  " + is.Code + "@" + strconv.Itoa(is.Offset) + "+" + strconv.Itoa(is.Length))
		if is.Fatal {
			b.WriteString(" (fatal)")
		}
		b.WriteString(": " + is.Message)
	}
	return b.String()
}

// applyFixes applies every fix; ok is false when two fixes overlap.
func applyFixes(src []byte, issues []Issue) (out []byte, ok bool) {
	var fixes []Edit
	for _, is := range issues {
		if is.Fix != nil {
			fixes = append(fixes, *is.Fix)
		}
	}
	slices.SortFunc(fixes, func(a, b Edit) int { return a.Offset - b.Offset })
	at := 0
	for _, f := range fixes {
		if f.Offset < at || f.Offset+f.Length > len(src) {
			return nil, false
		}
		out = append(out, src[at:f.Offset]...)
		out = append(out, f.Replacement...)
		at = f.Offset + f.Length
	}
	return append(out, src[at:]...), true
}

// checkInvariants checks what must hold for every input: issues located
// inside it, a Doc exactly when no issue is fatal, and a well-formed tree.
func checkInvariants(t *testing.T, src []byte, doc *Doc, issues []Issue) {
	t.Helper()
	fatal := 0
	for _, is := range issues {
		if is.Offset < 0 || is.Length < 0 || is.Offset+is.Length > len(src) {
			t.Fatalf("issue %s at %d+%d lies outside the %d-byte input", is.Code, is.Offset, is.Length, len(src))
		}
		if is.Fix != nil && (is.Fix.Offset < 0 || is.Fix.Length < 0 || is.Fix.Offset+is.Fix.Length > len(src)) {
			t.Fatalf("fix of %s at %d+%d lies outside the %d-byte input", is.Code, is.Fix.Offset, is.Fix.Length, len(src))
		}
		if is.Message == "" || is.Severity == "" || is.Code == "" {
			t.Fatalf("got issue %+v, want a severity, code and message", is)
		}
		if is.Fatal {
			fatal++
		}
	}
	if fatal > 1 {
		t.Fatalf("got %d fatal issues, want at most one", fatal)
	}
	if (doc == nil) != (fatal == 1) {
		t.Fatalf("got nil Doc %v with %d fatal issues", doc == nil, fatal)
	}
	if !slices.IsSortedFunc(issues, byOffset) {
		t.Fatalf("got issues out of order: %v", describe(issues))
	}
	if doc == nil {
		return
	}
	if len(doc.Nodes) == 0 || int(doc.Nodes[0].Next) != len(doc.Nodes) {
		t.Fatalf("got %d nodes, root Next %d", len(doc.Nodes), doc.Nodes[0].Next)
	}
	checkNode(t, doc, 0, 0, uint32(len(src)))
}

// checkNode checks node i and its subtree against the span [lo, hi) its
// parent allows.
func checkNode(t *testing.T, doc *Doc, i int, lo, hi uint32) {
	t.Helper()
	// An explicit stack: a fuzzed input may nest MaxDepth deep.
	type item struct {
		i      int
		lo, hi uint32
		parent Kind
	}
	stack := []item{{i, lo, hi, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := doc.Nodes[it.i]
		if n.Start >= n.End || n.Start < it.lo || n.End > it.hi {
			t.Fatalf("node %d spans %d-%d, outside %d-%d", it.i, n.Start, n.End, it.lo, it.hi)
		}
		if (n.KeyEnd != 0) != (it.parent == Object) {
			t.Fatalf("node %d: got KeyEnd %d in a %v", it.i, n.KeyEnd, it.parent)
		}
		if n.KeyEnd != 0 && (n.KeyStart >= n.KeyEnd || n.KeyStart < it.lo || n.KeyEnd > n.Start) {
			t.Fatalf("node %d: name spans %d-%d, value starts at %d", it.i, n.KeyStart, n.KeyEnd, n.Start)
		}
		if n.Kind < Null || n.Kind > Array {
			t.Fatalf("node %d: got kind %d", it.i, n.Kind)
		}
		if n.Kind != Object && n.Kind != Array {
			if n.Next != uint32(it.i)+1 || n.Count != 0 {
				t.Fatalf("node %d: scalar with Next %d, Count %d", it.i, n.Next, n.Count)
			}
			continue
		}
		if n.Next <= uint32(it.i) || int(n.Next) > len(doc.Nodes) {
			t.Fatalf("node %d: got Next %d", it.i, n.Next)
		}
		count, end := uint32(0), n.Start
		for j := uint32(it.i) + 1; j < n.Next; j = doc.Nodes[j].Next {
			c := doc.Nodes[j]
			if c.Next <= j || c.Next > n.Next {
				t.Fatalf("node %d: child %d has Next %d beyond the parent's %d", it.i, j, c.Next, n.Next)
			}
			from := c.Start
			if c.KeyEnd != 0 {
				from = c.KeyStart
			}
			if from <= end {
				t.Fatalf("node %d: child %d starts at %d, not after %d", it.i, j, from, end)
			}
			end = c.End
			count++
			stack = append(stack, item{int(j), n.Start + 1, n.End - 1, n.Kind})
		}
		if count != n.Count {
			t.Fatalf("node %d: got Count %d, counted %d children", it.i, n.Count, count)
		}
	}
}

func TestEstimateNodes(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		lo, hi int // the estimate's bounds
	}{
		{"compact array", strings.Repeat("1,", 100) + "1", 101, 120},
		{"sample of commas in a string", `"` + strings.Repeat(",", 16<<10) + strings.Repeat("x", 1<<20) + `"`, 1, (16<<10+1<<20)/8 + 10},
		{"one value", `"abc"`, 1, 10},
	}
	for _, tt := range tests {
		if got := estimateNodes([]byte(tt.input)); got < tt.lo || got > tt.hi {
			t.Errorf("%s: got %d, want %d to %d", tt.name, got, tt.lo, tt.hi)
		}
	}
}
