package input

import "strings"

// operationPath is one Graph request that answers with a comms operation.
type operationPath struct {
	method string
	// path is relative to the version segment; "{id}" matches any key.
	path string
	// result is the type of the response body, qualified as in
	// "@odata.type" (without '#'); a collection is "Collection(...)".
	result string
	// betaOnly marks requests that exist in beta but not in v1.0.
	betaOnly bool
}

// operationPaths is the table of Graph requests whose response body is a
// comms operation (or a collection of them), with the type each returns.
// It is the only place that knows these paths.
//
// A target matches an entry when, after an optional host
// (https://graph.microsoft.com or a national-cloud Graph host), an optional
// version segment ("v1.0" or "beta"), and without its query string, its
// segments equal the entry's, ignoring case, "{id}" standing for any
// non-empty segment (a real id or a "{callId}"-style placeholder). In beta
// (or without a version) the deprecated "/app/calls/..." prefix matches like
// "/communications/calls/...".
//
// Collected from the published Graph API reference for calls and
// participants; the result types all derive from commsOperation in the
// metadata under shared/graph-metadata.
var operationPaths = []operationPath{
	{"GET", "/communications/calls/{id}/operations/{id}", "microsoft.graph.commsOperation", false},
	{"GET", "/communications/calls/{id}/operations", "Collection(microsoft.graph.commsOperation)", false},
	{"POST", "/communications/calls/{id}/participants/invite", "microsoft.graph.inviteParticipantsOperation", false},
	{"POST", "/communications/calls/{id}/participants/muteAll", "microsoft.graph.muteParticipantsOperation", true},
	{"POST", "/communications/calls/{id}/participants/{id}/mute", "microsoft.graph.muteParticipantOperation", false},
	{"POST", "/communications/calls/{id}/participants/{id}/startHoldMusic", "microsoft.graph.startHoldMusicOperation", false},
	{"POST", "/communications/calls/{id}/participants/{id}/stopHoldMusic", "microsoft.graph.stopHoldMusicOperation", false},
	{"POST", "/communications/calls/{id}/mute", "microsoft.graph.muteParticipantOperation", false},
	{"POST", "/communications/calls/{id}/unmute", "microsoft.graph.unmuteParticipantOperation", false},
	{"POST", "/communications/calls/{id}/playPrompt", "microsoft.graph.playPromptOperation", false},
	{"POST", "/communications/calls/{id}/recordResponse", "microsoft.graph.recordOperation", false},
	{"POST", "/communications/calls/{id}/sendDtmfTones", "microsoft.graph.sendDtmfTonesOperation", false},
	{"POST", "/communications/calls/{id}/subscribeToTone", "microsoft.graph.subscribeToToneOperation", false},
	{"POST", "/communications/calls/{id}/cancelMediaProcessing", "microsoft.graph.cancelMediaProcessingOperation", false},
	{"POST", "/communications/calls/{id}/updateRecordingStatus", "microsoft.graph.updateRecordingStatusOperation", false},
	{"POST", "/communications/calls/{id}/addLargeGalleryView", "microsoft.graph.addLargeGalleryViewOperation", false},
}

// graphHosts are the hosts of the Graph service in its clouds.
var graphHosts = []string{
	"graph.microsoft.com",
	"graph.microsoft.us",
	"dod-graph.microsoft.us",
	"microsoftgraph.chinacloudapi.cn",
}

// OperationPath reports the type of the comms operation that a Graph request
// returns: for example ("POST",
// "https://graph.microsoft.com/v1.0/communications/calls/{id}/playPrompt")
// gives "microsoft.graph.playPromptOperation", and a GET of a call's
// operations gives "Collection(microsoft.graph.commsOperation)". ok is false
// when the request is not one of those in the table (see operationPaths),
// including a beta-only request made against v1.0.
func OperationPath(method, target string) (resultType string, ok bool) {
	op, _ := matchTarget(target)
	if op == nil || !equalFold(op.method, method) {
		return "", false
	}
	return op.result, true
}

// pathMatch says how a target relates to Graph.
type pathMatch struct {
	graph    bool   // the target is a Graph URL (host, version or root segment)
	version  string // "v1.0", "beta" or ""
	betaOnly bool   // it matched a beta-only entry, but the version is v1.0
}

// matchTarget returns the operationPaths entry a target matches (ignoring
// the method), or nil.
func matchTarget(target string) (*operationPath, pathMatch) {
	var m pathMatch
	path := target
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if rest, ok := cutScheme(path); ok {
		host := rest
		path = "/"
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			host, path = rest[:i], rest[i:]
		}
		known := false
		for _, h := range graphHosts {
			if equalFold(host, h) {
				known = true
			}
		}
		if !known {
			return nil, m
		}
		m.graph = true
	}
	if !strings.HasPrefix(path, "/") {
		return nil, m
	}
	segs := strings.Split(strings.TrimSuffix(path[1:], "/"), "/")
	if equalFold(segs[0], "v1.0") || equalFold(segs[0], "beta") {
		m.version = strings.ToLower(segs[0])
		m.graph = true
		segs = segs[1:]
	}
	if len(segs) == 0 {
		return nil, m
	}
	if equalFold(segs[0], "communications") || equalFold(segs[0], "app") {
		m.graph = true
	}
	if equalFold(segs[0], "app") {
		if m.version == "v1.0" {
			return nil, m
		}
		segs[0] = "communications"
	}
	for i := range operationPaths {
		op := &operationPaths[i]
		if !segmentsMatch(op.path, segs) {
			continue
		}
		if op.betaOnly && m.version == "v1.0" {
			m.betaOnly = true
			return nil, m
		}
		return op, m
	}
	return nil, m
}

// cutScheme removes "https://" or "http://" from the start of s.
func cutScheme(s string) (string, bool) {
	for _, p := range []string{"https://", "http://"} {
		if len(s) >= len(p) && equalFold(s[:len(p)], p) {
			return s[len(p):], true
		}
	}
	return s, false
}

// segmentsMatch reports whether segs match the pattern path.
func segmentsMatch(pattern string, segs []string) bool {
	pattern = pattern[1:]
	for _, s := range segs {
		if pattern == "" || s == "" {
			return false
		}
		p := pattern
		if i := strings.IndexByte(pattern, '/'); i >= 0 {
			p, pattern = pattern[:i], pattern[i+1:]
		} else {
			pattern = ""
		}
		if p != "{id}" && !equalFold(p, s) {
			return false
		}
	}
	return pattern == ""
}
