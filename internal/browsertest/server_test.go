package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeServer writes a shell script that stands in for the server binary.
func fakeServer(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "server")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStartServer(t *testing.T) {
	tests := []struct {
		name    string
		script  string
		want    string
		wantErr string
	}{
		{name: "URL without a slash", script: `echo "http://127.0.0.1:5/"; exec sleep 30`, want: "http://127.0.0.1:5/"},
		{name: "URL gets its slash", script: `echo "http://127.0.0.1:5"; exec sleep 30`, want: "http://127.0.0.1:5/"},
		{name: "the address flag comes first", script: `echo "http://$1=$2/$3"; exec sleep 30`, want: "http://-addr=127.0.0.1:0/-dir/"},
		{name: "not a URL", script: `echo "listening"; exec sleep 30`, wantErr: `the server's first line is "listening", want its URL`},
		{name: "silent", script: `exec sleep 30`, wantErr: "the server printed no URL within 0.5s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, stop, err := StartServer(fakeServer(t, tc.script), nil, 500*time.Millisecond, "-dir")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			stop()
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
