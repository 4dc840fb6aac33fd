package graph_test

import (
	"reflect"
	"sort"
	"testing"

	"opcheck/graph"
)

// The facts below were read from shared/graph-metadata/comms-*.csdl.xml and
// SOURCE.md; each table row is one thing the validator relies on.

func model(t *testing.T, api string) *graph.Model {
	t.Helper()
	m := graph.Lookup(api)
	if m == nil {
		t.Fatalf("Lookup(%q): got nil, want a model", api)
	}
	return m
}

func mustType(t *testing.T, m *graph.Model, name string) *graph.Type {
	t.Helper()
	ty := m.Type(name)
	if ty == nil {
		t.Fatalf("%s: Type(%q): got nil, want a type", m.API, name)
	}
	return ty
}

func shortNames(ts []*graph.Type) []string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.Short
	}
	sort.Strings(s)
	return s
}

func names(ts []*graph.Type) []string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.Name
	}
	return s
}

var v1Operations = []string{
	"commsOperation",
	"addLargeGalleryViewOperation",
	"cancelMediaProcessingOperation",
	"inviteParticipantsOperation",
	"muteParticipantOperation",
	"playPromptOperation",
	"recordOperation",
	"sendDtmfTonesOperation",
	"startHoldMusicOperation",
	"stopHoldMusicOperation",
	"subscribeToToneOperation",
	"unmuteParticipantOperation",
	"updateRecordingStatusOperation",
}

var betaOperations = []string{
	"commsOperation",
	"addLargeGalleryViewOperation",
	"admitAllFromLobbyOperation",
	"admitFromLobbyOperation",
	"cancelMediaProcessingOperation",
	"inviteParticipantsOperation",
	"muteParticipantOperation",
	"muteParticipantsOperation",
	"playPromptOperation",
	"recordOperation",
	"removeFromLobbyOperation",
	"sendDtmfTonesOperation",
	"startHoldMusicOperation",
	"startRecordingOperation",
	"startTranscriptionOperation",
	"stopHoldMusicOperation",
	"stopRecordingOperation",
	"stopTranscriptionOperation",
	"subscribeToToneOperation",
	"unmuteParticipantOperation",
	"updateRecordingStatusOperation",
}

func TestOperations(t *testing.T) {
	tests := []struct {
		api  string
		want []string
	}{
		{"v1.0", v1Operations},
		{"beta", betaOperations},
	}
	for _, tt := range tests {
		t.Run(tt.api, func(t *testing.T) {
			m := model(t, tt.api)
			ops := m.Operations()
			want := append([]string(nil), tt.want...)
			sort.Strings(want)
			if got := shortNames(ops); !reflect.DeepEqual(got, want) {
				t.Fatalf("got %d operations %q, want %d %q", len(got), got, len(want), want)
			}
			root := mustType(t, m, "microsoft.graph.commsOperation")
			if ops[0] != root {
				t.Errorf("got first operation %v, want %v", ops[0], root)
			}
			if got := names(ops[1:]); !sort.StringsAreSorted(got) {
				t.Errorf("got subtypes in order %q, want sorted by name", got)
			}
			for _, op := range ops {
				if op.Kind != graph.EntityType || !op.IsA(root) || op.Stub || !op.Open {
					t.Errorf("%s: got kind %v, IsA(commsOperation) %v, stub %v, open %v; want an open, full EntityType deriving from commsOperation",
						op.Name, op.Kind, op.IsA(root), op.Stub, op.Open)
				}
			}
		})
	}
}

func TestTypeCounts(t *testing.T) {
	tests := []struct {
		api                   string
		entity, complex, enum int
	}{
		{"v1.0", 19, 61, 20},
		{"beta", 28, 71, 24},
	}
	for _, tt := range tests {
		got := map[graph.Kind]int{}
		for _, ty := range model(t, tt.api).Types() {
			got[ty.Kind]++
		}
		want := map[graph.Kind]int{graph.EntityType: tt.entity, graph.ComplexType: tt.complex, graph.EnumType: tt.enum}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got counts by kind %v, want %v", tt.api, got, want)
		}
	}
}

func TestDerived(t *testing.T) {
	v1IdentitySets := []string{
		"aiInteractionMentionedIdentitySet", "chatMessageFromIdentitySet", "chatMessageMentionedIdentitySet",
		"chatMessageReactionIdentitySet", "communicationsIdentitySet", "engagementIdentitySet", "sharePointIdentitySet",
	}
	v1Identities := []string{
		"azureCommunicationServicesUserIdentity", "communicationsApplicationIdentity",
		"communicationsApplicationInstanceIdentity", "communicationsEncryptedIdentity",
		"communicationsGuestIdentity", "communicationsPhoneIdentity", "communicationsUserIdentity",
		"emailIdentity", "initiator", "provisionedIdentity", "provisioningServicePrincipal",
		"provisioningSystem", "servicePrincipalIdentity", "sharePointGroupIdentity", "sharePointIdentity",
		"teamworkApplicationIdentity", "teamworkConversationIdentity", "teamworkTagIdentity",
		"teamworkUserIdentity", "userIdentity",
	}
	qualify := func(short []string, extra ...string) []string {
		var q []string
		for _, s := range short {
			q = append(q, "microsoft.graph."+s)
		}
		q = append(q, extra...)
		sort.Strings(q)
		return q
	}
	tests := []struct {
		api, base string
		want      []string
	}{
		{"v1.0", "microsoft.graph.identitySet", qualify(v1IdentitySets)},
		{"beta", "microsoft.graph.identitySet", qualify(append(v1IdentitySets, "approvalIdentitySet", "customEmojiFromIdentitySet"))},
		{"v1.0", "microsoft.graph.identity", qualify(v1Identities, "microsoft.graph.callRecords.userIdentity")},
		{"beta", "microsoft.graph.identity", qualify(append(v1Identities, "auditUserIdentity", "groupIdentity",
			"programResource", "sourceProvisionedIdentity", "targetProvisionedIdentity"), "microsoft.graph.callRecords.userIdentity")},
		{"v1.0", "microsoft.graph.userIdentity", nil},
		{"beta", "microsoft.graph.userIdentity", []string{"microsoft.graph.auditUserIdentity"}},
		{"v1.0", "microsoft.graph.commsNotification", nil},
		{"beta", "microsoft.graph.commsNotification", nil},
		{"v1.0", "microsoft.graph.resultInfo", nil},
	}
	for _, tt := range tests {
		t.Run(tt.api+" "+tt.base, func(t *testing.T) {
			m := model(t, tt.api)
			base := mustType(t, m, tt.base)
			got := names(m.Derived(base))
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestProperties(t *testing.T) {
	tests := []struct {
		api, typ, prop string
		wantType       string
		collection     bool
		nullable       bool
		navigation     bool
		declared       string
	}{
		{"v1.0", "microsoft.graph.commsOperation", "status", "microsoft.graph.operationStatus", false, false, false, "microsoft.graph.commsOperation"},
		{"beta", "microsoft.graph.commsOperation", "status", "microsoft.graph.operationStatus", false, false, false, "microsoft.graph.commsOperation"},
		{"v1.0", "microsoft.graph.commsOperation", "clientContext", "Edm.String", false, true, false, "microsoft.graph.commsOperation"},
		{"v1.0", "microsoft.graph.commsOperation", "resultInfo", "microsoft.graph.resultInfo", false, true, false, "microsoft.graph.commsOperation"},
		{"v1.0", "microsoft.graph.playPromptOperation", "status", "microsoft.graph.operationStatus", false, false, false, "microsoft.graph.commsOperation"},
		{"v1.0", "microsoft.graph.playPromptOperation", "id", "Edm.String", false, false, false, "microsoft.graph.entity"},
		{"v1.0", "microsoft.graph.resultInfo", "code", "Edm.Int32", false, false, false, "microsoft.graph.resultInfo"},
		{"beta", "microsoft.graph.resultInfo", "subcode", "Edm.Int32", false, false, false, "microsoft.graph.resultInfo"},
		{"v1.0", "microsoft.graph.resultInfo", "message", "Edm.String", false, true, false, "microsoft.graph.resultInfo"},
		{"v1.0", "microsoft.graph.commsNotifications", "value", "microsoft.graph.commsNotification", true, true, false, "microsoft.graph.commsNotifications"},
		{"beta", "microsoft.graph.commsNotifications", "value", "microsoft.graph.commsNotification", true, true, false, "microsoft.graph.commsNotifications"},
		{"v1.0", "microsoft.graph.commsNotification", "changeType", "microsoft.graph.changeType", false, false, false, "microsoft.graph.commsNotification"},
		{"beta", "microsoft.graph.commsNotification", "resourceUrl", "Edm.String", false, false, false, "microsoft.graph.commsNotification"},
		{"v1.0", "microsoft.graph.inviteParticipantsOperation", "participants", "microsoft.graph.invitationParticipantInfo", true, false, false, "microsoft.graph.inviteParticipantsOperation"},
		{"v1.0", "microsoft.graph.invitationParticipantInfo", "identity", "microsoft.graph.identitySet", false, false, false, "microsoft.graph.invitationParticipantInfo"},
		{"beta", "microsoft.graph.muteParticipantsOperation", "participants", "Edm.String", true, true, false, "microsoft.graph.muteParticipantsOperation"},
		{"v1.0", "microsoft.graph.sendDtmfTonesOperation", "completionReason", "microsoft.graph.sendDtmfCompletionReason", false, true, false, "microsoft.graph.sendDtmfTonesOperation"},
		{"beta", "microsoft.graph.playPromptOperation", "completionReason", "microsoft.graph.playPromptCompletionReason", false, true, false, "microsoft.graph.playPromptOperation"},
		{"beta", "microsoft.graph.recordOperation", "completionReason", "microsoft.graph.recordCompletionReason", false, true, false, "microsoft.graph.recordOperation"},
		{"v1.0", "microsoft.graph.communicationsIdentitySet", "user", "microsoft.graph.identity", false, true, false, "microsoft.graph.identitySet"},
		{"v1.0", "microsoft.graph.communicationsIdentitySet", "endpointType", "microsoft.graph.endpointType", false, true, false, "microsoft.graph.communicationsIdentitySet"},
		{"v1.0", "microsoft.graph.callRecords.userIdentity", "userPrincipalName", "Edm.String", false, true, false, "microsoft.graph.callRecords.userIdentity"},
		{"v1.0", "microsoft.graph.callRecords.userIdentity", "displayName", "Edm.String", false, true, false, "microsoft.graph.identity"},
		{"beta", "microsoft.graph.auditUserIdentity", "ipAddress", "Edm.String", false, true, false, "microsoft.graph.userIdentity"},
		{"v1.0", "microsoft.graph.call", "operations", "microsoft.graph.commsOperation", true, true, true, "microsoft.graph.call"},
		{"beta", "microsoft.graph.commsApplication", "calls", "microsoft.graph.call", true, true, true, "microsoft.graph.commsApplication"},
	}
	for _, tt := range tests {
		t.Run(tt.api+" "+tt.typ+"."+tt.prop, func(t *testing.T) {
			p := mustType(t, model(t, tt.api), tt.typ).Property(tt.prop)
			if p == nil {
				t.Fatalf("got no property %s, want one", tt.prop)
			}
			got := [6]any{p.Name, p.Type.Name, p.Collection, p.Nullable, p.Navigation, p.Declared.Name}
			want := [6]any{tt.prop, tt.wantType, tt.collection, tt.nullable, tt.navigation, tt.declared}
			if got != want {
				t.Errorf("got name, type, collection, nullable, navigation, declared %v, want %v", got, want)
			}
		})
	}
}

func TestEnums(t *testing.T) {
	tests := []struct {
		api, enum string
		members   []string
		values    []int64
	}{
		{"v1.0", "microsoft.graph.operationStatus", []string{"NotStarted", "Running", "Completed", "Failed"}, []int64{0, 1, 2, 3}},
		{"beta", "microsoft.graph.operationStatus", []string{"NotStarted", "Running", "Completed", "Failed"}, []int64{0, 1, 2, 3}},
		{"v1.0", "microsoft.graph.changeType", []string{"created", "updated", "deleted"}, []int64{0, 1, 2}},
		{"beta", "microsoft.graph.changeType", []string{"created", "updated", "deleted"}, []int64{0, 1, 2}},
		{"v1.0", "microsoft.graph.endpointType", []string{"default", "voicemail", "skypeForBusiness", "skypeForBusinessVoipPhone", "unknownFutureValue"}, []int64{0, 1, 2, 3, 4}},
		{"beta", "microsoft.graph.playPromptCompletionReason", []string{"unknown", "completedSuccessfully", "mediaOperationCanceled", "unknownFutureValue"}, []int64{0, 1, 2, 3}},
		{"beta", "microsoft.graph.recordCompletionReason", []string{"operationCanceled", "stopToneDetected", "maxRecordDurationReached",
			"initialSilenceTimeout", "maxSilenceTimeout", "playPromptFailed", "playBeepFailed", "mediaReceiveTimeout", "unspecifiedError"},
			[]int64{0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"v1.0", "microsoft.graph.teamworkUserIdentityType", []string{"aadUser", "onPremiseAadUser", "anonymousGuest", "federatedUser",
			"personalMicrosoftAccountUser", "skypeUser", "phoneUser", "unknownFutureValue", "emailUser"}, []int64{0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"beta", "microsoft.graph.teamworkUserIdentityType", []string{"aadUser", "onPremiseAadUser", "anonymousGuest", "federatedUser",
			"personalMicrosoftAccountUser", "skypeUser", "phoneUser", "unknownFutureValue", "emailUser", "azureCommunicationServicesUser"},
			[]int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.api+" "+tt.enum, func(t *testing.T) {
			e := mustType(t, model(t, tt.api), tt.enum)
			if e.Kind != graph.EnumType || e.Flags {
				t.Errorf("got kind %v, flags %v; want EnumType, not flags", e.Kind, e.Flags)
			}
			if !reflect.DeepEqual(e.Members, tt.members) || !reflect.DeepEqual(e.Values, tt.values) {
				t.Errorf("got members %q values %v, want %q %v", e.Members, e.Values, tt.members, tt.values)
			}
		})
	}
}

func TestHasMember(t *testing.T) {
	status := mustType(t, model(t, "v1.0"), "microsoft.graph.operationStatus")
	tests := []struct {
		name string
		want bool
	}{
		{"NotStarted", true},
		{"Failed", true},
		{"notStarted", false}, // case matters
		{"failed", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := status.HasMember(tt.name); got != tt.want {
			t.Errorf("HasMember(%q): got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTypeFlags(t *testing.T) {
	tests := []struct {
		api, typ             string
		kind                 graph.Kind
		base                 string
		abstract, open, stub bool
	}{
		{"v1.0", "microsoft.graph.entity", graph.EntityType, "", true, false, false},
		{"beta", "microsoft.graph.entity", graph.EntityType, "", true, false, false},
		{"v1.0", "microsoft.graph.resultInfo", graph.ComplexType, "", false, false, false},
		{"beta", "microsoft.graph.resultInfo", graph.ComplexType, "", false, false, false},
		{"v1.0", "microsoft.graph.commsOperation", graph.EntityType, "microsoft.graph.entity", false, true, false},
		{"v1.0", "microsoft.graph.addLargeGalleryViewOperation", graph.EntityType, "microsoft.graph.commsOperation", false, true, false},
		{"v1.0", "microsoft.graph.commsNotification", graph.ComplexType, "", false, true, false},
		{"v1.0", "microsoft.graph.commsNotifications", graph.ComplexType, "", false, false, false},
		{"v1.0", "microsoft.graph.identitySet", graph.ComplexType, "", false, true, false},
		{"v1.0", "microsoft.graph.identity", graph.ComplexType, "", false, true, false},
		{"v1.0", "microsoft.graph.invitationParticipantInfo", graph.ComplexType, "", false, true, false},
		{"v1.0", "microsoft.graph.callRecords.userIdentity", graph.ComplexType, "microsoft.graph.identity", false, true, false},
		{"beta", "microsoft.graph.auditUserIdentity", graph.ComplexType, "microsoft.graph.userIdentity", false, true, false},
		{"v1.0", "microsoft.graph.call", graph.EntityType, "microsoft.graph.entity", false, true, false},
		{"v1.0", "microsoft.graph.participant", graph.EntityType, "microsoft.graph.entity", false, false, false},
		{"v1.0", "microsoft.graph.participantJoiningNotification", graph.EntityType, "microsoft.graph.entity", false, false, false},
		{"beta", "microsoft.graph.participantJoiningResponse", graph.ComplexType, "", true, false, false},
		{"v1.0", "microsoft.graph.callOptions", graph.ComplexType, "", true, false, false},
		{"v1.0", "microsoft.graph.cloudCommunications", graph.EntityType, "", false, false, true},
		{"beta", "microsoft.graph.cloudCommunications", graph.EntityType, "", false, false, true},
		{"beta", "microsoft.graph.commsApplication", graph.EntityType, "", false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.api+" "+tt.typ, func(t *testing.T) {
			ty := mustType(t, model(t, tt.api), tt.typ)
			base := ""
			if ty.Base != nil {
				base = ty.Base.Name
			}
			got := [5]any{ty.Kind, base, ty.Abstract, ty.Open, ty.Stub}
			want := [5]any{tt.kind, tt.base, tt.abstract, tt.open, tt.stub}
			if got != want {
				t.Errorf("got kind, base, abstract, open, stub %v, want %v", got, want)
			}
		})
	}
}

// TestVersionDifferences checks, through Other, the differences between
// v1.0 and beta that SOURCE.md lists.
func TestVersionDifferences(t *testing.T) {
	v1 := model(t, "v1.0")
	props := []struct {
		typ, prop    string
		inV1, inBeta bool
	}{
		{"microsoft.graph.playPromptOperation", "completionReason", false, true},
		{"microsoft.graph.recordOperation", "completionReason", false, true},
		{"microsoft.graph.invitationParticipantInfo", "endpointType", false, true},
		{"microsoft.graph.chatMessageMentionedIdentitySet", "tag", false, true},
		{"microsoft.graph.teamworkUserIdentity", "userPrincipalName", false, true},
		{"microsoft.graph.recordOperation", "recordingLocation", true, true},
		{"microsoft.graph.sendDtmfTonesOperation", "completionReason", true, true},
		{"microsoft.graph.invitationParticipantInfo", "replacesCallId", true, true},
	}
	for _, tt := range props {
		t.Run(tt.typ+"."+tt.prop, func(t *testing.T) {
			inV1 := mustType(t, v1, tt.typ).Property(tt.prop) != nil
			inBeta := mustType(t, v1.Other(), tt.typ).Property(tt.prop) != nil
			if inV1 != tt.inV1 || inBeta != tt.inBeta {
				t.Errorf("got in v1.0 %v, in beta %v; want %v, %v", inV1, inBeta, tt.inV1, tt.inBeta)
			}
		})
	}
	types := []struct {
		typ          string
		inV1, inBeta bool
	}{
		{"microsoft.graph.admitAllFromLobbyOperation", false, true},
		{"microsoft.graph.stopTranscriptionOperation", false, true},
		{"microsoft.graph.commsApplication", false, true},
		{"microsoft.graph.playPromptCompletionReason", false, true},
		{"microsoft.graph.recordCompletionReason", false, true},
		{"microsoft.graph.approvalIdentitySet", false, true},
		{"microsoft.graph.auditUserIdentity", false, true},
		{"microsoft.graph.groupIdentity", false, true},
		{"microsoft.graph.programResource", false, true},
		{"microsoft.graph.playPromptOperation", true, true},
		{"microsoft.graph.callRecords.userIdentity", true, true},
	}
	for _, tt := range types {
		t.Run(tt.typ, func(t *testing.T) {
			inV1, inBeta := v1.Type(tt.typ) != nil, v1.Other().Type(tt.typ) != nil
			if inV1 != tt.inV1 || inBeta != tt.inBeta {
				t.Errorf("got in v1.0 %v, in beta %v; want %v, %v", inV1, inBeta, tt.inV1, tt.inBeta)
			}
		})
	}
	ut := "microsoft.graph.teamworkUserIdentityType"
	if mustType(t, v1, ut).HasMember("azureCommunicationServicesUser") || !mustType(t, v1.Other(), ut).HasMember("azureCommunicationServicesUser") {
		t.Errorf("%s.azureCommunicationServicesUser: want it in beta only", ut)
	}
}
