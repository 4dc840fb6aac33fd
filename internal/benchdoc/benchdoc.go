package benchdoc

import (
	"math/rand/v2"
	"strconv"
)

// Shape is the kind of document to generate.
type Shape string

// The shapes the benchmarks measure.
const (
	// Roster is one inviteParticipantsOperation with a large participants list.
	Roster Shape = "roster"
	// Collection is an OData collection of many operations of mixed types.
	Collection Shape = "collection"
	// Callbacks is a commsNotifications body with many notifications.
	Callbacks Shape = "callbacks"
	// Log is a calling bot's log: a line per callback it received, a
	// timestamp, level and message, then the commsNotifications body with
	// one notification. It is not one JSON document, so Shapes leaves it out.
	Log Shape = "log"
)

// Shapes lists every shape that is one JSON document, in a stable order.
var Shapes = []Shape{Roster, Collection, Callbacks}

// Generate returns a JSON document of the shape, at least size bytes long
// (it stops after the item that reaches size). With broken set, about one
// value in twenty is made wrong in one of the ways opcheck reports. The
// same arguments always give the same bytes.
func Generate(shape Shape, size int, broken bool, seed uint64) []byte {
	return generate(&gen{rng: rand.New(rand.NewPCG(seed, 0x6f70636865636b)), broken: broken}, shape, size)
}

// Repeated returns the findings-heavy twin of the valid Collection of the
// same size and seed: the same operations, each carrying the same two
// members its type does not declare (the mistake a bot makes once and
// repeats in every item), so that the document holds about two findings
// per operation and nothing else differs. It is what the benchmarks put
// beside the clean collection to show what findings cost.
func Repeated(size int, seed uint64) []byte {
	return generate(&gen{rng: rand.New(rand.NewPCG(seed, 0x6f70636865636b)), repeated: true}, Collection, size)
}

func generate(g *gen, shape Shape, size int) []byte {
	b := make([]byte, 0, size+2048)
	switch shape {
	case Roster:
		b = append(b, `{"@odata.type":"#microsoft.graph.inviteParticipantsOperation","id":"`...)
		b = g.guid(b)
		b = append(b, `","status":"Running","clientContext":"roster-bench","participants":[`...)
		for i := 0; len(b) < size-4 || i == 0; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = g.participant(b)
		}
		b = append(b, "]}"...)
	case Collection:
		b = append(b, `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#communications/calls('c')/operations","value":[`...)
		for i := 0; len(b) < size-4 || i == 0; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = g.operation(b, i)
		}
		b = append(b, "]}"...)
	case Callbacks:
		b = append(b, `{"value":[`...)
		for i := 0; len(b) < size-4 || i == 0; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = g.notification(b, i)
		}
		b = append(b, "]}"...)
	case Log:
		for i := 0; len(b) < size-1 || i == 0; i++ {
			b = logPrefix(b, i)
			b = append(b, `{"value":[`...)
			b = g.notification(b, i)
			b = append(b, "]}\n"...)
		}
	}
	return b
}

// logPrefix appends the text a bot logs before the i-th callback body: a
// timestamp a few milliseconds after the last, a level and a message.
func logPrefix(b []byte, i int) []byte {
	ms := 36000000 + 7*i // from 10:00:00.000, 7 ms apart
	b = append(b, "2026-03-01T"...)
	b = pad(b, ms/3600000%24, 2)
	b = pad(append(b, ':'), ms/60000%60, 2)
	b = pad(append(b, ':'), ms/1000%60, 2)
	b = pad(append(b, '.'), ms%1000, 3)
	return append(b, "Z INFO Bot.Callbacks Callback received: "...)
}

// pad appends v in decimal with leading zeros to w digits.
func pad(b []byte, v, w int) []byte {
	for d := w - len(strconv.Itoa(v)); d > 0; d-- {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(v), 10)
}

type gen struct {
	rng      *rand.Rand
	broken   bool
	repeated bool   // every operation gets the undeclared members of Repeated
	id       string // the id of the operation being written
	status   string // and its status
}

// oops reports whether to break the next value: one time in twenty when
// broken documents are asked for.
func (g *gen) oops() bool { return g.broken && g.rng.IntN(20) == 0 }

const hexDigits = "0123456789abcdef"

func (g *gen) guid(b []byte) []byte {
	for i := 0; i < 36; i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			b = append(b, '-')
			continue
		}
		b = append(b, hexDigits[g.rng.IntN(16)])
	}
	return b
}

var names = []string{"Ana Ruiz", "Bo Lindqvist", "Chidi Okafor", "Dana Levi", "Eun-ji Park", "Farah Haddad", "Gus Moreau", "Hina Sato"}

func (g *gen) participant(b []byte) []byte {
	b = append(b, `{"@odata.type":"#microsoft.graph.invitationParticipantInfo","hidden":`...)
	if g.oops() {
		b = append(b, `"false"`...) // a boolean written as a string
	} else {
		b = append(b, "false"...)
	}
	b = append(b, `,"identity":{"@odata.type":"#microsoft.graph.communicationsIdentitySet","user":{"@odata.type":"#microsoft.graph.identity","id":"`...)
	b = g.guid(b)
	b = append(b, `","displayName":"`...)
	b = append(b, names[g.rng.IntN(len(names))]...)
	b = append(b, `"}`...)
	if g.rng.IntN(4) == 0 {
		b = append(b, `,"phone":{"@odata.type":"#microsoft.graph.identity","id":"+1425555`...)
		b = strconv.AppendInt(b, int64(1000+g.rng.IntN(9000)), 10)
		b = append(b, `"}`...)
	}
	b = append(b, `,"endpointType":"default"}`...)
	if g.oops() {
		b = append(b, `,"languageId":"en-US"`...) // not an invitationParticipantInfo property
	}
	b = append(b, `,"replacesCallId":null,"participantId":"`...)
	b = g.guid(b)
	return append(b, `"}`...)
}

var statuses = []string{"NotStarted", "Running", "Completed", "Failed"}

func (g *gen) operation(b []byte, i int) []byte {
	kinds := []string{"playPromptOperation", "recordOperation", "sendDtmfTonesOperation", "muteParticipantOperation", "inviteParticipantsOperation", "subscribeToToneOperation"}
	kind := kinds[i%len(kinds)]
	status := statuses[g.rng.IntN(len(statuses))]
	g.status = status
	b = append(b, `{"@odata.type":"#microsoft.graph.`...)
	b = append(b, kind...)
	b = append(b, `","id":"`...)
	start := len(b)
	b = g.guid(b)
	g.id = string(b[start:])
	b = append(b, `","status":"`...)
	if g.oops() {
		b = append(b, []byte{status[0] | 0x20}...) // the case-only mistake
		b = append(b, status[1:]...)
	} else {
		b = append(b, status...)
	}
	if g.repeated {
		// Fixed values: the random stream, and so every other byte, stays
		// that of the clean twin.
		b = append(b, `","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","callChainId":"2f1a1100-2b3c-4d5e-8f90-a1b2c3d4e5f6`...)
	}
	b = append(b, `","clientContext":"ctx-`...)
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, `","resultInfo":{"@odata.type":"#microsoft.graph.resultInfo","code":`...)
	switch {
	case g.oops():
		b = append(b, `"200"`...) // a number written as a string
	case status == "Failed":
		b = append(b, "500"...)
	default:
		b = append(b, "200"...)
	}
	b = append(b, `,"subcode":`...)
	b = strconv.AppendInt(b, int64(g.rng.IntN(9000)), 10)
	b = append(b, `,"message":"`...)
	if g.oops() {
		b = append(b, "Message value"...) // a docs placeholder
	} else {
		b = append(b, "Action completed for the bench."...)
	}
	b = append(b, `"}`...)
	switch kind {
	case "recordOperation":
		b = append(b, `,"recordingLocation":"https://media.example.com/rec/`...)
		b = g.guid(b)
		b = append(b, `","recordingAccessToken":"tok-`...)
		b = g.guid(b)
		b = append(b, '"')
	case "sendDtmfTonesOperation":
		b = append(b, `,"completionReason":"completedSuccessfully"`...)
	case "inviteParticipantsOperation":
		b = append(b, `,"participants":[`...)
		b = g.participant(b)
		b = append(b, ',')
		b = g.participant(b)
		b = append(b, ']')
	}
	return append(b, '}')
}

func (g *gen) notification(b []byte, i int) []byte {
	b = append(b, `{"@odata.type":"#microsoft.graph.commsNotification","changeType":"`...)
	change := len(b)
	b = append(b, "updated"...) // "deleted" once the operation has ended; see below
	b = append(b, `","resourceUrl":"/communications/calls/`...)
	b = g.guid(b)
	b = append(b, "/operations/"...)
	at := len(b)
	b = append(b, "000000000000000000000000000000000000"...) // the id, filled in below
	b = append(b, `","resourceData":`...)
	b = g.operation(b, i)
	if g.status == "Completed" || g.status == "Failed" {
		copy(b[change:], "deleted") // how Graph delivers an ended operation
	}
	id := g.id
	if g.oops() {
		id = "11111111-2222-3333-4444-555555555555" // resourceUrl names another operation
	}
	copy(b[at:], id)
	return append(b, '}')
}
