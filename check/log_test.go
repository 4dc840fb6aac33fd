package check

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLogBodies checks that every body of a multi-body paste is checked on
// its own: findings located in the whole text, pointers relative to their
// body, objects listed at their offsets, and the kind "log".
func TestLogBodies(t *testing.T) {
	const op = `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"%s"}`
	body := func(status string) string { return strings.Replace(op, "%s", status, 1) }
	tests := []struct {
		name     string
		src      string
		opts     *Options
		wantKind Kind
		want     []string // code line:column pointer, in order
		objects  []int    // offsets of the objects
	}{
		{
			name:     "JSON Lines",
			src:      body("Running") + "\n" + body("Completed") + "\n" + body("running") + "\n",
			wantKind: KindLog,
			want:     []string{"enum-case 3:73 /status"},
			objects:  []int{0, 83, 168},
		},
		{
			name:     "back to back",
			src:      body("Running") + body("Runing"),
			wantKind: KindLog,
			want:     []string{"enum-unknown 1:155 /status"},
			objects:  []int{0, 82},
		},
		{
			name:     "prefixed lines and a plain line between",
			src:      "10:00 got " + body("Running") + "\n10:01 handled\n[10:02] got " + body("Completed") + "\n",
			wantKind: KindLog,
			want:     []string{"log-prefix-skipped 1:1 "},
			objects:  []int{10, 119},
		},
		{
			name:     "a cut-off body, then one that is checked",
			src:      body("Running") + "\n" + body("Running")[:40] + "\n" + body("Complete") + "\n",
			wantKind: KindLog,
			want:     []string{"json-syntax 2:16 ", "log-body-cut 2:41 ", "enum-unknown 3:73 /status"},
			objects:  []int{0, 124},
		},
		{
			name: "a cut-off first body: one document, unless forced",
			src:  body("Running")[:40] + "\n" + body("Complete") + "\n",
			want: []string{"control-character 1:41 ", "json-syntax 2:3 "},
		},
		{
			name:     "a cut-off first body in a forced log",
			src:      body("Running")[:40] + "\n" + body("Complete") + "\n",
			opts:     &Options{Kind: KindLog},
			wantKind: KindLog,
			want:     []string{"json-syntax 1:16 ", "log-body-cut 1:41 ", "enum-unknown 2:73 /status"},
			objects:  []int{41},
		},
		{
			// Its items start lines as bodies do; the error inside must not
			// turn it into a log of them.
			name: "one document broken inside",
			src:  "{\"value\": [" + body("Running") + ",\n" + body("Running") + ",\n" + body("Running") + "\n,,]}",
			want: []string{"json-syntax 4:2 "},
		},
		{
			name:     "one document keeps its kind",
			src:      body("Running") + "\n",
			wantKind: KindOperation,
			objects:  []int{0},
		},
		{
			name: "one document with text after it is not a log",
			src:  body("Running") + " x",
			want: []string{"json-syntax 1:84 "},
		},
		{
			name: "a forced operation does not split",
			src:  body("Running") + "\n" + body("Running"),
			opts: &Options{Kind: KindOperation},
			want: []string{"json-syntax 2:1 "},
		},
		{
			name:     "a forced log splits a single body too",
			src:      body("Running"),
			opts:     &Options{Kind: KindLog},
			wantKind: KindLog,
			objects:  []int{0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(tt.src), tt.opts)
			checkInvariants(t, []byte(tt.src), r)
			if r.Kind != tt.wantKind {
				t.Errorf("got kind %q, want %q", r.Kind, tt.wantKind)
			}
			var got []string
			for _, d := range r.Diagnostics {
				got = append(got, d.Code+" "+strconv.Itoa(d.Line)+":"+strconv.Itoa(d.Column)+" "+d.Pointer)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var offs []int
			for _, o := range r.Objects {
				offs = append(offs, o.Offset)
				if o.Pointer != "" {
					t.Errorf("object at %d: pointer %q, want the body's root", o.Offset, o.Pointer)
				}
			}
			if !slices.Equal(offs, tt.objects) {
				t.Errorf("got objects at %v, want %v", offs, tt.objects)
			}
		})
	}
}
