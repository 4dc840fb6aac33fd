package check

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readTSV reads a tab-separated file of testdata/observed with a header
// line and want columns per row.
func readTSV(t *testing.T, name string, want int) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata/observed", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if n == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != want {
			t.Fatalf("%s:%d: %d columns, want %d", name, n, len(cols), want)
		}
		rows = append(rows, cols)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestObserved validates every example gathered from Graph's docs, bot
// samples and recorded callbacks (testdata/observed/MANIFEST.tsv). What
// Graph itself sent (origin recorded or sample) may have no error at all;
// any other error must be listed, with the example's defect, in
// EXPECTED.tsv, and every listed error must still be reported. The
// examples in PENDING.tsv wait for support that another change brings:
// they are skipped, with the reason, until that lands and the row goes.
func TestObserved(t *testing.T) {
	expected := map[string]map[string]bool{} // file → "code pointer"
	for _, r := range readTSV(t, "EXPECTED.tsv", 4) {
		if r[3] == "" {
			t.Errorf("EXPECTED.tsv: %s %s %s has no reason", r[0], r[1], r[2])
		}
		if expected[r[0]] == nil {
			expected[r[0]] = map[string]bool{}
		}
		expected[r[0]][r[1]+" "+r[2]] = true
	}
	pending := map[string]string{}
	for _, r := range readTSV(t, "PENDING.tsv", 2) {
		if !strings.HasPrefix(r[1], "pending: ") {
			t.Errorf("PENDING.tsv: %s: the reason must start with \"pending: \", got %q", r[0], r[1])
		}
		pending[r[0]] = r[1]
	}
	listed := map[string]bool{}
	for _, m := range readTSV(t, "MANIFEST.tsv", 4) {
		file, api, origin := m[0], m[1], m[3]
		listed[file] = true
		t.Run(file, func(t *testing.T) {
			switch origin {
			case "docs", "sample", "recorded":
			default:
				t.Fatalf("origin %q, want docs, sample or recorded", origin)
			}
			src, err := os.ReadFile(filepath.Join("testdata/observed", file))
			if err != nil {
				t.Fatal(err)
			}
			r := Validate(src, &Options{API: api})
			if why, ok := pending[file]; ok {
				t.Skip(why)
			}
			want := expected[file]
			if origin != "docs" && len(want) > 0 {
				t.Errorf("EXPECTED.tsv lists errors for what Graph sent (origin %s): an error there is opcheck's, not the example's", origin)
			}
			seen := map[string]bool{}
			for _, d := range r.Diagnostics {
				if d.Severity != Error {
					continue
				}
				k := d.Code + " " + d.Pointer
				seen[k] = true
				if !want[k] {
					t.Errorf("%d:%d: unexpected error %s at %q: %s", d.Line, d.Column, d.Code, d.Pointer, d.Message)
				}
			}
			for k := range want {
				if !seen[k] {
					t.Errorf("EXPECTED.tsv lists %s, which is no longer reported; got %s", k, codes(r))
				}
			}
		})
	}
	for file := range expected {
		if !listed[file] {
			t.Errorf("EXPECTED.tsv names %s, which MANIFEST.tsv does not list", file)
		}
	}
	for file := range pending {
		if !listed[file] {
			t.Errorf("PENDING.tsv names %s, which MANIFEST.tsv does not list", file)
		}
	}
}

// callback wraps an operation as the resourceData of a callback body.
func callback(op string) string {
	return `{"value": [{"changeType": "updated", "resourceUrl": "/communications/calls/c/operations/x", "resourceData": ` + op + `}]}`
}

// invitation is an inviteParticipantsOperation whose one invitation has extra
// members; identity adds members to the invitee's identity.
func invitation(extra, identity string) string {
	return `{"@odata.type": "#microsoft.graph.inviteParticipantsOperation", "id": "x", "status": "Running", "participants": [{"identity": {"user": {"id": "u"` +
		identity + `}}` + extra + `}]}`
}

// TestObservedProperty checks that a member Graph is seen to send is info,
// and that any other undeclared member keeps its finding.
func TestObservedProperty(t *testing.T) {
	tests := []struct {
		name, api, src string
		code           string // the code at pointer
		sev            Severity
		pointer        string
	}{
		{"identity tenantId", "", callback(invitation("", `, "tenantId": "t"`)), "observed-property", Info, "/value/0/resourceData/participants/0/identity/user/tenantId"},
		{"identity identityProvider", "", callback(invitation("", `, "identityProvider": "AAD"`)), "observed-property", Info, "/value/0/resourceData/participants/0/identity/user/identityProvider"},
		{"identity other member", "", callback(invitation("", `, "tenant": "t"`)), "unknown-property", Warning, "/value/0/resourceData/participants/0/identity/user/tenant"},
		{"invitation clientVersion", "", callback(invitation(`, "clientVersion": "v"`, "")), "observed-property", Info, "/value/0/resourceData/participants/0/clientVersion"},
		{"invitation replacementLink", "beta", callback(invitation(`, "replacementLink": "https://x"`, "")), "observed-property", Info, "/value/0/resourceData/participants/0/replacementLink"},
		{"invitation endpointType on v1.0", "", callback(invitation(`, "endpointType": "default"`, "")), "observed-property", Info, "/value/0/resourceData/participants/0/endpointType"},
		{"invitation region in a callback", "", callback(invitation(`, "region": "amer"`, "")), "observed-property", Info, "/value/0/resourceData/participants/0/region"},
		{"invitation region outside a callback", "", invitation(`, "region": "amer"`, ""), "unknown-property", Warning, "/participants/0/region"},
		{"invitation endpointType outside a callback", "", invitation(`, "endpointType": "default"`, ""), "property-other-version", Warning, "/participants/0/endpointType"},
		{"invitation misspelt member", "", callback(invitation(`, "clientVersions": "v"`, "")), "unknown-property", Warning, "/value/0/resourceData/participants/0/clientVersions"},
		{"identitySet applicationInstance", "", callback(`{"@odata.type": "#microsoft.graph.inviteParticipantsOperation", "id": "x", "status": "Running", "participants": [{"identity": {"applicationInstance": {"id": "a"}}}]}`), "observed-property", Info, "/value/0/resourceData/participants/0/identity/applicationInstance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(tt.src), &Options{API: tt.api})
			var got *Diagnostic
			for i := range r.Diagnostics {
				if r.Diagnostics[i].Pointer == tt.pointer {
					got = &r.Diagnostics[i]
				}
			}
			if got == nil {
				t.Fatalf("no finding at %s; got %s", tt.pointer, codes(r))
			}
			if got.Code != tt.code || got.Severity != tt.sev {
				t.Errorf("got %s %s, want %s %s: %s", got.Severity, got.Code, tt.sev, tt.code, got.Message)
			}
			if tt.code == "observed-property" && !strings.Contains(got.Message, "seen in ") {
				t.Errorf("the message does not say where the member was seen: %s", got.Message)
			}
		})
	}
}

// TestSightingsKnown checks that every row of the table names a type of
// the model and a member that the type, in the row's versions, lacks: a
// row the metadata has caught up with must go.
func TestSightingsKnown(t *testing.T) {
	for _, api := range []string{"v1.0", "beta"} {
		for _, s := range sightings {
			if s.api != "" && s.api != api {
				continue
			}
			typ := newChecker(nil, &Options{API: api}).model.Type("microsoft.graph." + s.typ)
			if typ == nil {
				t.Errorf("%s: %s is not a type", api, s.typ)
				continue
			}
			if typ.Property(s.member) != nil {
				t.Errorf("%s: %s declares %s now; the row is not needed", api, s.typ, s.member)
			}
			// A row for one version says that the other declares it.
			if o := newChecker(nil, &Options{API: api}).model.Other(); s.api != "" && (o == nil || o.Type(typ.Name) == nil || o.Type(typ.Name).Property(s.member) == nil) {
				t.Errorf("%s.%s is a %s-only row, but the other version does not declare it either", s.typ, s.member, s.api)
			}
			if s.seen == "" {
				t.Errorf("%s.%s: the row does not say where it was seen", s.typ, s.member)
			}
		}
	}
}

// note is one callback notification for an operation, with the given
// changeType and extra members of the operation.
func opNote(changeType, status, extra string) string {
	return `{"changeType": "` + changeType + `", "resourceUrl": "/communications/calls/c/operations/x", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "` + status + `"` + extra + `}}`
}

// TestDotnetLog checks when a document is taken for a .NET bot's log, and
// that it is then said once instead of value by value.
func TestDotnetLog(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool   // a dotnet-log finding
		at        string // its pointer
		gone      []string
		kept      []string // codes still reported
	}{
		{"one capital in a payload", `{"value": [` + opNote("Updated", "Running", "") + `]}`, false, "", nil, []string{"enum-case"}},
		{"two capitals", `{"value": [` + opNote("Updated", "Running", "") + `, ` + opNote("Deleted", "Completed", "") + `]}`, true, "/value/0/changeType", []string{"enum-case"}, nil},
		{"capitals beside a wire spelling", `{"value": [` + opNote("Updated", "Running", "") + `, ` + opNote("Updated", "Running", "") + `, ` + opNote("deleted", "Completed", "") + `]}`, false, "", nil, []string{"enum-case"}},
		{"lower case of a member that starts with a capital", `{"value": [` + opNote("Updated", "completed", "") + `]}`, false, "", nil, []string{"enum-case"}},
		{"one capital in a log", "2026-11-26T10:15:02Z Info: " + `{"value": [` + opNote("Updated", "Running", "") + `]}`, true, "/value/0/changeType", []string{"enum-case"}, nil},
		{"masked message", `{"value": [` + opNote("updated", "Failed", `, "resultInfo": {"code": 500, "subcode": 1, "message": "(Generic: YpP/k/4t)"}`) + `]}`, true, "/value/0/resourceData/resultInfo/message", nil, nil},
		{"masked number", `{"value": [` + opNote("updated", "Failed", `, "resultInfo": {"code": "(Generic: YpP/k/4t)", "subcode": 1}`) + `]}`, true, "/value/0/resourceData/resultInfo/code", []string{"wrong-type"}, nil},
		{"masked enum", `{"value": [` + opNote("(Generic: Ab12Cd34)", "Completed", "") + `]}`, true, "/value/0/changeType", []string{"enum-unknown"}, nil},
		{"capital and masked", `{"value": [` + opNote("Updated", "Running", `, "clientContext": "(Identity: SDrwD0Cy)"`) + `]}`, true, "/value/0/changeType", []string{"enum-case"}, nil},
		{"a logged Deleted ends an operation", "Info: " + `{"value": [` + opNote("Deleted", "Completed", "") + `]}`, true, "/value/0/changeType", []string{"enum-case", "terminal-status-change"}, nil},
		{"a logged Updated of an ended operation", "Info: " + `{"value": [` + opNote("Updated", "Completed", "") + `]}`, true, "/value/0/changeType", []string{"enum-case"}, []string{"terminal-status-change"}},
		{"a logged call without its id", `{"@odata.type": "#microsoft.graph.call", "state": "Established", "subject": "(Generic: Qm9vVg1x)"}`, true, "/state", []string{"enum-case", "missing-id"}, nil},
		{"a call without its id, not a log", `{"@odata.type": "#microsoft.graph.call", "state": "established", "callbackUri": "https://bot.example.com/callback"}`, false, "", nil, []string{"missing-id"}},
		{"parenthesised real value", `{"value": [` + opNote("updated", "Running", `, "clientContext": "(retry: 2)"`) + `]}`, false, "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(tt.src), nil)
			n := 0
			for _, d := range r.Diagnostics {
				if d.Code != "dotnet-log" {
					continue
				}
				n++
				if d.Severity != Info || d.Pointer != tt.at {
					t.Errorf("got %s at %q, want info at %q", d.Severity, d.Pointer, tt.at)
				}
				if got := tt.src[d.Offset : d.Offset+d.Length]; !strings.HasPrefix(got, `"`) {
					t.Errorf("the finding covers %q, not the value", got)
				}
			}
			if want := b2i(tt.want); n != want {
				t.Errorf("%d dotnet-log findings, want %d; got %s", n, want, codes(r))
			}
			for _, c := range tt.gone {
				if find(r, c) != nil {
					t.Errorf("%s is still reported; got %s", c, codes(r))
				}
			}
			for _, c := range tt.kept {
				if find(r, c) == nil {
					t.Errorf("no %s finding; got %s", c, codes(r))
				}
			}
		})
	}
}

func TestIsMasked(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"(Generic: YpP/k/4t)", true},
		{"(Identity: SDrwD0Cy)", true},
		{"(Generic: feBKjunP)", true},
		{"(generic: feBKjunP)", false},
		{"(Generic feBKjunP)", false},
		{"(Generic: feB KjunP)", false},
		{"(Generic: ab)", false},
		{"Generic: feBKjunP", false},
		{"(Generic: feBKjunP", false},
		{"(A: b-c-d-e)", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isMasked(tt.s); got != tt.want {
			t.Errorf("isMasked(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestSessionDotnetLog edits one item of a callback body so that the
// verdict about the whole document changes: the session must agree with a
// full check, not keep the other items' findings as they were.
func TestSessionDotnetLog(t *testing.T) {
	src := []byte(`{"value": [` + opNote("Updated", "Running", "") + `, ` + opNote("deleted", "Completed", "") + `]}`)
	s := NewSession()
	sameAsValidate(t, s, s.Check(src, nil), src, nil, "check")
	off := strings.Index(string(src), `"deleted"`) + 1
	steps := []Change{
		{Offset: off, Length: 1, Text: []byte("D")}, // now two capitals: a .NET log
		{Offset: off, Length: 1, Text: []byte("d")}, // and back
	}
	text := src
	for i, c := range steps {
		r, err := s.Apply([]Change{c})
		if err != nil {
			t.Fatal(err)
		}
		text = applyNaive(text, []Change{c})
		sameAsValidate(t, s, r, text, nil, "step "+string(rune('0'+i)))
		if got, want := find(r, "dotnet-log") != nil, i == 0; got != want {
			t.Errorf("step %d: dotnet-log reported: %v, want %v", i, got, want)
		}
	}
}

// TestObservedMembers checks the notes of testdata/observed/MEMBERS.tsv:
// each names a gathered example that carries the member, and a row of the
// sightings table that explains it.
func TestObservedMembers(t *testing.T) {
	files := map[string]bool{}
	for _, m := range readTSV(t, "MANIFEST.tsv", 4) {
		files[m[0]] = true
	}
	for _, r := range readTSV(t, "MEMBERS.tsv", 4) {
		file, typ, member := r[0], r[1], r[2]
		if !files[file] {
			t.Errorf("MEMBERS.tsv names %s, which MANIFEST.tsv does not list", file)
			continue
		}
		src, err := os.ReadFile(filepath.Join("testdata/observed", file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), `"`+member+`"`) {
			t.Errorf("%s has no member %q", file, member)
		}
		found := false
		for _, s := range sightings {
			found = found || s.typ == typ && s.member == member
		}
		if !found {
			t.Errorf("%s.%s (in %s) has no row in the sightings table", typ, member, file)
		}
	}
}
