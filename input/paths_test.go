package input

import (
	"os"
	"strings"
	"testing"
)

func TestOperationPath(t *testing.T) {
	tests := []struct {
		name   string
		method string
		target string
		want   string
		wantOK bool
	}{
		{"get operation", "GET", "/v1.0/communications/calls/1/operations/2", "microsoft.graph.commsOperation", true},
		{"list operations", "GET", "/beta/communications/calls/1/operations", "Collection(microsoft.graph.commsOperation)", true},
		{"invite with host", "POST", "https://graph.microsoft.com/v1.0/communications/calls/57dab8b1-894c/participants/invite",
			"microsoft.graph.inviteParticipantsOperation", true},
		{"placeholders", "POST", "/communications/calls/{callId}/participants/{participantId}/mute", "microsoft.graph.muteParticipantOperation", true},
		{"call mute", "POST", "/v1.0/communications/calls/1/mute", "microsoft.graph.muteParticipantOperation", true},
		{"call unmute", "POST", "/v1.0/communications/calls/1/unmute", "microsoft.graph.unmuteParticipantOperation", true},
		{"play prompt, query and slash", "POST", "/v1.0/communications/calls/1/playPrompt/?a=b", "microsoft.graph.playPromptOperation", true},
		{"record response", "POST", "/v1.0/communications/calls/1/recordResponse", "microsoft.graph.recordOperation", true},
		{"send tones", "POST", "/v1.0/communications/calls/1/sendDtmfTones", "microsoft.graph.sendDtmfTonesOperation", true},
		{"subscribe to tone", "POST", "/v1.0/communications/calls/1/subscribeToTone", "microsoft.graph.subscribeToToneOperation", true},
		{"cancel media", "POST", "/v1.0/communications/calls/1/cancelMediaProcessing", "microsoft.graph.cancelMediaProcessingOperation", true},
		{"recording status", "POST", "/v1.0/communications/calls/1/updateRecordingStatus", "microsoft.graph.updateRecordingStatusOperation", true},
		{"start hold music", "POST", "/v1.0/communications/calls/1/participants/2/startHoldMusic", "microsoft.graph.startHoldMusicOperation", true},
		{"stop hold music", "POST", "/v1.0/communications/calls/1/participants/2/stopHoldMusic", "microsoft.graph.stopHoldMusicOperation", true},
		{"large gallery", "POST", "/v1.0/communications/calls/1/addLargeGalleryView", "microsoft.graph.addLargeGalleryViewOperation", true},
		{"mute all in beta", "POST", "/beta/communications/calls/1/participants/muteAll", "microsoft.graph.muteParticipantsOperation", true},
		{"mute all without version", "POST", "/communications/calls/1/participants/muteAll", "microsoft.graph.muteParticipantsOperation", true},
		{"mute all in v1.0", "POST", "/v1.0/communications/calls/1/participants/muteAll", "", false},
		{"case of segments", "post", "/V1.0/Communications/Calls/1/PLAYPROMPT", "microsoft.graph.playPromptOperation", true},
		{"deprecated app path in beta", "POST", "/beta/app/calls/1/playPrompt", "microsoft.graph.playPromptOperation", true},
		{"app path in v1.0", "POST", "/v1.0/app/calls/1/playPrompt", "", false},
		{"national cloud host", "POST", "https://graph.microsoft.us/v1.0/communications/calls/1/mute", "microsoft.graph.muteParticipantOperation", true},
		{"other host", "POST", "https://example.com/v1.0/communications/calls/1/mute", "", false},
		{"wrong method", "GET", "/v1.0/communications/calls/1/mute", "", false},
		{"create call", "POST", "/v1.0/communications/calls", "", false},
		{"too long", "POST", "/v1.0/communications/calls/1/mute/x", "", false},
		{"empty id", "POST", "/v1.0/communications/calls//mute", "", false},
		{"not a path", "POST", "communications/calls/1/mute", "", false},
		{"empty", "GET", "", "", false},
		{"host only", "GET", "https://graph.microsoft.com", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := OperationPath(tt.method, tt.target)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("got %q, %v, want %q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// TestOperationPathsTable keeps the table well formed: absolute paths under
// /communications/calls, known methods, qualified result types, no
// duplicates.
func TestOperationPathsTable(t *testing.T) {
	seen := map[string]bool{}
	for _, op := range operationPaths {
		key := op.method + " " + strings.ToLower(op.path)
		if seen[key] {
			t.Errorf("duplicate entry %s", key)
		}
		seen[key] = true
		if !strings.HasPrefix(op.path, "/communications/calls/{id}/") {
			t.Errorf("path %s is not under /communications/calls/{id}/", op.path)
		}
		if op.method != "GET" && op.method != "POST" {
			t.Errorf("path %s has method %s, want GET or POST", op.path, op.method)
		}
		r := strings.TrimSuffix(strings.TrimPrefix(op.result, "Collection("), ")")
		if !strings.HasPrefix(r, "microsoft.graph.") || !strings.HasSuffix(r, "Operation") {
			t.Errorf("path %s returns %s, want a microsoft.graph.*Operation type", op.path, op.result)
		}
		if got, ok := OperationPath(op.method, "/beta"+op.path); !ok || got != op.result {
			t.Errorf("the table entry %s %s does not match itself: got %q, %v", op.method, op.path, got, ok)
		}
	}
}

// TestOperationPathsMetadata checks every result type against the Graph
// metadata beside the repository: each names an entity type of the version
// the request exists in.
func TestOperationPathsMetadata(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile("../../shared/graph-metadata/" + name)
		if err != nil {
			t.Skipf("the Graph metadata %s is not beside the repository, so there is nothing to compare with: %v", name, err)
		}
		return string(b)
	}
	v1, beta := read("comms-v1.0.csdl.xml"), read("comms-beta.csdl.xml")
	for _, op := range operationPaths {
		r := strings.TrimSuffix(strings.TrimPrefix(op.result, "Collection("), ")")
		decl := `<EntityType Name="` + strings.TrimPrefix(r, "microsoft.graph.") + `"`
		if !strings.Contains(beta, decl) {
			t.Errorf("%s %s returns %s, which the beta metadata does not declare", op.method, op.path, r)
		}
		if !op.betaOnly && !strings.Contains(v1, decl) {
			t.Errorf("%s %s returns %s, which the v1.0 metadata does not declare", op.method, op.path, r)
		}
	}
}
