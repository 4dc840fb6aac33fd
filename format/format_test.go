package format

import (
	"strings"
	"testing"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		opts    *Options
		want    string
		wantErr string
	}{
		{"defaults", `{"b":1,"a":[1,2]}`, nil, "{\n  \"b\": 1,\n  \"a\": [\n    1,\n    2\n  ]\n}\n", ""},
		{"tabs and sorted", `{"b":1,"a":{"d":1,"c":2}}`, &Options{Indent: "\t", SortKeys: true}, "{\n\t\"a\": {\n\t\t\"c\": 2,\n\t\t\"d\": 1\n\t},\n\t\"b\": 1\n}\n", ""},
		{"invalid", "{\n  \"a\": }", nil, "", "not valid JSON at line 2, column 8"},
		{"empty", "", nil, "", "not valid JSON at line 1, column 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Format([]byte(tt.input), tt.opts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMinify(t *testing.T) {
	got, err := Minify([]byte("{\n  \"a\" : [ 1, \"x y\" ]\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"a":[1,"x y"]}`; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := Minify([]byte(`{"a":1,}`)); err == nil {
		t.Error("no error for a trailing comma")
	}
}

func TestQuery(t *testing.T) {
	src := []byte(`{"participants":[{"identity":{"user":{"displayName":"Ana"}}},{"identity":{"user":{"displayName":"Bo"}}}]}`)
	got, ok, err := Query(src, "participants.#.identity.user.displayName")
	if err != nil || !ok || got != `["Ana","Bo"]` {
		t.Errorf("got %q, %v, %v; want [\"Ana\",\"Bo\"], true, nil", got, ok, err)
	}
	if _, ok, _ := Query(src, "nothing.here"); ok {
		t.Error("ok = true for a path that matches nothing")
	}
	if _, _, err := Query([]byte("nope"), "a"); err == nil {
		t.Error("no error for text that is not JSON")
	}
}
