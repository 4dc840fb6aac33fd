package redact

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// samples are the payloads under testdata, each with the values that must
// not survive redaction (besides every GUID, which is checked for all).
var samples = []struct {
	file    string
	secrets []string
}{
	{"invite.json", []string{"alice.wong@contoso", "Alice Wong", "Front desk", "Zoë Ångström", "+14255550123", "4255550123"}},
	{"notification.json", []string{"s3cr3t-Client-State-Value", "ben@fabrikam"}},
	{"response.http", []string{"eyJ0eXAiOiJKV1Qi", "Mx9Pq2r", "Alice Wong", "eyJ0b2tlbiI6Ik1EQXdNREF3"}},
	{"log.txt", []string{"bob.jones@fabrikam", "425-555-0199", "Bob", "BJ", "Jones", "hunter2", "Ym90OnBhc3N3b3JkMTIz", "Zm9vYmFyQmF6UXV4"}},
}

var (
	anyGUID         = regexp.MustCompile(`(?i)\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b`)
	placeholderGUID = regexp.MustCompile(`^00000000-0000-0000-0000-\d{12}$|^0{20}\d{12}$`)
)

func readSample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSamples redacts each sample and compares it with its golden file, then
// checks the properties the golden files show: no secret left, every GUID a
// placeholder GUID, and idempotence.
func TestSamples(t *testing.T) {
	for _, sample := range samples {
		t.Run(sample.file, func(t *testing.T) {
			in := readSample(t, sample.file)
			got := Text(in)

			golden := filepath.Join("testdata", sample.file+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if want := readSample(t, sample.file+".golden"); got != want {
				t.Errorf("output differs from %s (rerun with -update and review the diff):\n%s", golden, got)
			}

			for _, secret := range sample.secrets {
				if strings.Contains(strings.ToLower(got), strings.ToLower(secret)) {
					t.Errorf("got output still holding %q", secret)
				}
			}
			guids := anyGUID.FindAllString(in, -1)
			if len(guids) == 0 {
				t.Fatal("sample holds no GUID")
			}
			for _, g := range anyGUID.FindAllString(got, -1) {
				if !placeholderGUID.MatchString(g) {
					t.Errorf("got GUID %s in the output, want only placeholders", g)
				}
			}
			if again := Text(got); again != got {
				t.Errorf("Text is not idempotent on %s:\n%s", sample.file, again)
			}
		})
	}
}

// TestSamplesStayJSON checks that the JSON in each sample (the whole file,
// an HTTP body, or a string that a log line quotes) is still JSON of the same
// shape after redaction: same members, same types, same numbers.
func TestSamplesStayJSON(t *testing.T) {
	jsonOf := map[string]func(t *testing.T, text string) []byte{
		"invite.json":       func(t *testing.T, text string) []byte { return []byte(text) },
		"notification.json": func(t *testing.T, text string) []byte { return []byte(text) },
		"response.http": func(t *testing.T, text string) []byte {
			_, body, ok := strings.Cut(text, "\r\n\r\n")
			if !ok {
				t.Fatal("no blank line after the headers")
			}
			return []byte(body)
		},
		"log.txt": func(t *testing.T, text string) []byte {
			_, rest, _ := strings.Cut(text, "body=")
			var inner string
			if err := json.NewDecoder(strings.NewReader(rest)).Decode(&inner); err != nil {
				t.Fatalf("the log's body is not a JSON string: %v", err)
			}
			return []byte(inner)
		},
	}
	for _, sample := range samples {
		t.Run(sample.file, func(t *testing.T) {
			in := readSample(t, sample.file)
			before, after := jsonOf[sample.file](t, in), jsonOf[sample.file](t, Text(in))
			var a, b any
			if err := json.Unmarshal(before, &a); err != nil {
				t.Fatalf("input: %v", err)
			}
			if err := json.Unmarshal(after, &b); err != nil {
				t.Fatalf("got invalid JSON after redaction: %v\n%s", err, after)
			}
			if err := sameShape("$", a, b); err != "" {
				t.Error(err)
			}
			if bytes.Equal(before, after) {
				t.Error("got the JSON unchanged, want something redacted")
			}
		})
	}
}

// sameShape reports the first place where b differs from a other than in the
// content of a string.
func sameShape(path string, a, b any) string {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(bm) != len(a) {
			return path + ": got a different object"
		}
		for k, v := range a {
			w, ok := bm[k]
			if !ok {
				return path + ": member " + k + " is gone"
			}
			if err := sameShape(path+"."+k, v, w); err != "" {
				return err
			}
		}
	case []any:
		bs, ok := b.([]any)
		if !ok || len(bs) != len(a) {
			return path + ": got a different array"
		}
		for i := range a {
			if err := sameShape(path+"[]", a[i], bs[i]); err != "" {
				return err
			}
		}
	case string:
		if _, ok := b.(string); !ok {
			return path + ": got a non-string for a string"
		}
	default:
		if !reflect.DeepEqual(a, b) {
			return path + ": got a different value"
		}
	}
	return ""
}

// TestCrossReferences checks that values that were equal stay equal and
// values that differed stay different, reading the redacted JSON.
func TestCrossReferences(t *testing.T) {
	var n struct {
		Value []struct {
			Resource     string `json:"resource"`
			ResourceURL  string `json:"resourceUrl"`
			ClientState  string `json:"clientState"`
			ResourceData struct {
				ODataID       string `json:"@odata.id"`
				ID            string `json:"id"`
				ClientContext string `json:"clientContext"`
			} `json:"resourceData"`
		} `json:"value"`
		TenantID    string `json:"tenantId"`
		CallbackURI string `json:"callbackUri"`
	}
	if err := json.Unmarshal([]byte(Text(readSample(t, "notification.json"))), &n); err != nil {
		t.Fatal(err)
	}
	v := n.Value[0]
	if want := "/operations/" + v.ResourceData.ID; !strings.HasSuffix(v.ResourceURL, want) {
		t.Errorf("got resourceUrl %s, want it to end with %s (the redacted resourceData.id)", v.ResourceURL, want)
	}
	if v.ResourceData.ODataID != v.ResourceURL {
		t.Errorf("got @odata.id %s and resourceUrl %s, want the same (they differed only in case)", v.ResourceData.ODataID, v.ResourceURL)
	}
	if v.ResourceData.ID == v.ResourceData.ClientContext {
		t.Errorf("got id and clientContext both %s, want different placeholders", v.ResourceData.ID)
	}
	if v.ClientState != "<token-1>" {
		t.Errorf("got clientState %q, want <token-1>", v.ClientState)
	}
	// The tenant appears once without dashes and once with them.
	if len(n.TenantID) != 32 || !strings.HasSuffix(n.CallbackURI, "tenant=00000000-0000-0000-0000-"+n.TenantID[20:]) {
		t.Errorf("got tenantId %s and callbackUri %s, want the same GUID placeholder", n.TenantID, n.CallbackURI)
	}

	var inv struct {
		Participants []struct {
			Identity map[string]any `json:"identity"`
		} `json:"participants"`
	}
	if err := json.Unmarshal([]byte(Text(readSample(t, "invite.json"))), &inv); err != nil {
		t.Fatal(err)
	}
	identity := func(p int, kind string) map[string]any {
		m, _ := inv.Participants[p].Identity[kind].(map[string]any)
		return m
	}
	first, third := identity(0, "user"), identity(2, "user")
	if first["id"] != third["id"] || first["displayName"] != third["displayName"] {
		t.Errorf("got the same user as %v and %v, want the same placeholders", first, third)
	}
	if upn, _ := third["userPrincipalName"].(string); !strings.HasSuffix(upn, "@example.com") {
		t.Errorf("got userPrincipalName %q, want an example.com address", upn)
	}
	guest, _ := identity(2, "guest")["displayName"].(string)
	if guest == first["displayName"] || !strings.HasPrefix(guest, "Name ") {
		t.Errorf("got guest name %q beside user name %q, want a different Name placeholder", guest, first["displayName"])
	}
}
