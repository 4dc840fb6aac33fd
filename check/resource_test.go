package check

import "testing"

func TestParseResource(t *testing.T) {
	tests := []struct {
		name, url string
		want      resourceRef
	}{
		{"call", "/communications/calls/421f0b00-1f1f-4b9e-9b3b-6c9b2f7a9d01", resourceRef{resourceCall, "421f0b00-1f1f-4b9e-9b3b-6c9b2f7a9d01", ""}},
		{"call without slash", "communications/calls/c1", resourceRef{resourceCall, "c1", ""}},
		{"call, trailing slash", "/communications/calls/c1/", resourceRef{resourceCall, "c1", ""}},
		{"older app form", "/app/calls/c1", resourceRef{resourceCall, "c1", ""}},
		{"whole URL", "https://graph.microsoft.com/v1.0/communications/calls/c1/operations/o1", resourceRef{resourceOperation, "c1", "o1"}},
		{"beta URL with query", "https://graph.microsoft.com/beta/communications/calls/c1/participants?$top=5", resourceRef{resourceParticipants, "c1", ""}},
		{"participants", "/communications/calls/c1/participants", resourceRef{resourceParticipants, "c1", ""}},
		{"participant", "/communications/calls/c1/participants/p1", resourceRef{resourceParticipant, "c1", "p1"}},
		{"operation", "/communications/calls/c1/operations/o1", resourceRef{resourceOperation, "c1", "o1"}},
		{"OData key syntax", "/communications/calls('c1')/operations('o1')", resourceRef{resourceOperation, "c1", "o1"}},
		{"OData key on calls", "/communications/calls('c1')", resourceRef{resourceCall, "c1", ""}},
		{"OData key, operation", "/communications/calls('c1')/operations/o1", resourceRef{resourceOperation, "c1", "o1"}},
		{"quoted ids", "/communications/calls/'c1'/participants/'p1'", resourceRef{resourceParticipant, "c1", "p1"}},
		{"calls collection", "/communications/calls", resourceRef{}},
		{"empty call id", "/communications/calls//operations/o1", resourceRef{}},
		{"unknown child", "/communications/calls/c1/audioRoutingGroups/g1", resourceRef{}},
		{"too deep", "/communications/calls/c1/operations/o1/extra", resourceRef{}},
		{"not communications", "/users/calls/c1", resourceRef{}},
		{"empty", "", resourceRef{}},
		{"just slashes", "///", resourceRef{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseResource(tt.url); got != tt.want {
				t.Errorf("parseResource(%q): got %+v, want %+v", tt.url, got, tt.want)
			}
		})
	}
}

func FuzzParseResource(f *testing.F) {
	for _, s := range []string{"/communications/calls/c1/operations/o1", "/app/calls('x')", "calls/a/participants/b",
		"/communications/calls/c1/participants/", "/communications/calls/c1/participants/p1/x", "/communications/calls/c1//o"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, url string) {
		r := parseResource(url)
		if r.Kind == resourceUnknown && r != (resourceRef{}) {
			t.Fatalf("unknown kind with fields set: %+v", r)
		}
		if r.Kind != resourceUnknown && r.Call == "" {
			t.Fatalf("known kind %v without a call id: %+v", r.Kind, r)
		}
		if (r.Kind == resourceParticipant || r.Kind == resourceOperation) != (r.ID != "") {
			t.Fatalf("kind %v and id %q disagree", r.Kind, r.ID)
		}
		if p, ok := plainResource(url); ok && p != resourceBySegments(url) {
			t.Fatalf("the one-pass reading %+v differs from the general one %+v", p, resourceBySegments(url))
		}
	})
}
