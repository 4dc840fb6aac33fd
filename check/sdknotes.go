package check

// SDKNotes says, per Graph SDK, what a bot reading the payload with that
// SDK sees where it reads the finding's value differently from a correct
// read: one plain sentence each ("GetStatus() returns nil; no error"),
// empty for an SDK that reads it correctly.
//
// Validate leaves Diagnostic.SDK nil: package opcheck/sdk/notes fills it,
// for the callers that show the sentences, so that the validator's own
// WebAssembly module does not carry the SDK model.
type SDKNotes struct {
	Go         string `json:"go,omitempty"`
	TypeScript string `json:"typescript,omitempty"`
	DotNet     string `json:"dotnet,omitempty"`
	Java       string `json:"java,omitempty"`
	Python     string `json:"python,omitempty"`
}
