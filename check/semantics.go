package check

import (
	"slices"
	"strconv"
	"strings"

	"opcheck/graph"
	"opcheck/input"
	"opcheck/scan"
)

// operation checks the operation object at node i, records it in
// Result.Objects, and applies the rules that tie its members together.
func (c *checker) operation(i int, want *graph.Type) *graph.Type {
	t := c.object(i, want)
	if t == nil {
		return nil
	}
	c.addObject(i, t)
	d := c.doc
	status, result := d.Member(i, "status"), d.Member(i, "resultInfo")
	if status < 0 || d.Nodes[status].Kind != scan.String {
		return t
	}
	s := d.Text(status)
	if strings.EqualFold(s, "Failed") && (result < 0 || d.Nodes[result].Kind == scan.Null) {
		c.push("status")
		c.reportNode(Warning, "failed-without-result", status, `a Failed operation without "resultInfo" gives the bot no code, subcode or message to act on; Graph sends resultInfo with every failure`, nil)
		c.pop()
	}
	if result < 0 || d.Nodes[result].Kind != scan.Object {
		return t
	}
	code := d.Member(result, "code")
	if code < 0 || d.Nodes[code].Kind != scan.Number {
		return t
	}
	n, ok := d.Int(code)
	if !ok {
		return t
	}
	var msg string
	switch {
	case strings.EqualFold(s, "Completed") && n >= 400:
		msg = "resultInfo.code " + strconv.FormatInt(n, 10) + " reports a failure, but the status is " + s + "; a failed operation has status Failed"
	case strings.EqualFold(s, "Failed") && n >= 200 && n < 300:
		msg = "resultInfo.code " + strconv.FormatInt(n, 10) + " reports success, but the status is " + s
	default:
		return t
	}
	c.push("resultInfo")
	c.push("code")
	c.reportNode(Warning, "result-contradicts-status", code, msg, nil)
	c.pop()
	c.pop()
	return t
}

// notifications checks a commsNotifications callback body: the envelope,
// each notification, and the operation each one carries in resourceData.
func (c *checker) notifications() {
	d := c.doc
	envelope := c.model.Type("microsoft.graph.commsNotifications")
	note := c.model.Type("microsoft.graph.commsNotification")
	op := c.model.Type(graph.OperationRoot)
	c.typeOf(0, envelope)
	for m := 1; m < int(d.Nodes[0].Next); m = int(d.Nodes[m].Next) {
		if key := d.Key(m); key != "value" && key != "" && key[0] != '@' {
			c.push(key)
			c.unknownProperty(m, key, envelope)
			c.pop()
		}
	}
	value := d.Member(0, "value")
	if value < 0 || d.Nodes[value].Kind != scan.Array {
		c.reportNode(Error, "expected-array", max(value, 0), `a commsNotifications body holds its notifications in a "value" array`, nil)
		return
	}
	c.push("value")
	defer c.pop()
	c.eventList = c.keep(c.pointer())
	// Each notification adds itself and the operation it carries: reserve
	// them at once, so a long batch does not leave the doubled-up copies of
	// a growing slice behind for the collector.
	c.res.Objects = slices.Grow(c.res.Objects, 2*int(d.Nodes[value].Count))
	for e, k := value+1, 0; e < int(d.Nodes[value].Next); e, k = int(d.Nodes[e].Next), k+1 {
		c.notificationItem(e, k, note, op)
	}
}

// notificationItem checks notification k of a callback body, at node e.
func (c *checker) notificationItem(e, k int, note, op *graph.Type) {
	c.eventItem = k
	c.pushIndex(k)
	if c.doc.Nodes[e].Kind != scan.Object {
		c.reportNode(Error, "not-an-object", e, "expected a commsNotification object, found "+article(c.doc.Nodes[e].Kind), nil)
	} else {
		c.notification(e, note, op)
	}
	c.pop()
}

// notification checks one commsNotification and what its resourceData
// holds: an operation, a call, a participant, or the participants of a
// call. The resourceUrl is read from "resourceUrl", or from "resource" as
// older callbacks name it.
func (c *checker) notification(e int, note, op *graph.Type) {
	d := c.doc
	c.object(e, note)
	c.addObject(e, note)
	url := d.Member(e, "resourceUrl")
	if url < 0 {
		url = d.Member(e, "resource")
	}
	var ref resourceRef
	if url >= 0 && d.Nodes[url].Kind == scan.String {
		ref = parseResource(d.Text(url))
	}
	data := d.Member(e, "resourceData")
	c.recordEvent(e, url, data, ref)
	if data < 0 {
		return
	}
	switch c.resourceData(e, data, url, ref) {
	case resourceOperation:
		c.operationChange(e, data, url, ref)
	case resourceCall:
		c.callChange(e, data)
	}
}

// operationChange applies the rules that tie an operation notification's
// changeType and resourceUrl to the operation it carries.
func (c *checker) operationChange(e, data, url int, ref resourceRef) {
	d := c.doc
	// Graph's examples deliver an ended operation with changeType "deleted".
	status, change := d.Member(data, "status"), d.Member(e, "changeType")
	if status >= 0 && change >= 0 && d.Nodes[status].Kind == scan.String && d.Nodes[change].Kind == scan.String {
		s, ch := d.Text(status), d.Text(change)
		if (s == "Completed" || s == "Failed") && ch != "deleted" {
			c.push("changeType")
			c.reportNode(Info, "terminal-status-change", change,
				`the operation has ended (`+s+`), and Graph's examples deliver an ended operation with changeType "deleted"; a handler that cleans up on "deleted" will not see this "`+ch+`" one`, nil)
			c.pop()
		}
	}
	// A resourceUrl of a form parseResource does not know may still end in
	// "/operations/{id}": check the id against that.
	if ref.Kind != resourceUnknown || url < 0 || d.Nodes[url].Kind != scan.String || d.Nodes[data].Kind != scan.Object {
		return
	}
	if want := operationID(d.Text(url)); want != "" {
		if id := d.Member(data, "id"); id >= 0 && d.Nodes[id].Kind == scan.String && !sameID(d.Text(id), want) {
			c.push("resourceData")
			c.push("id")
			c.reportNode(Error, "notification-id-mismatch", id, `resourceData.id `+quoteShort(d.Text(id))+` is not the operation named by resourceUrl (`+quoteShort(want)+`); the bot would update the wrong operation`, nil)
			c.pop()
			c.pop()
		}
	}
}

// addObject records the object at node i, checked as t, in Result.Objects.
func (c *checker) addObject(i int, t *graph.Type) {
	n := &c.doc.Nodes[i]
	c.res.Objects = append(c.res.Objects, Object{Pointer: c.pointer(), Type: t.Name, Offset: c.base + int(n.Start), Length: int(n.End - n.Start)})
}

// operationID returns the id after "/operations/" in a URL or path.
func operationID(url string) string {
	i := strings.LastIndex(url, "/operations/")
	if i < 0 {
		return ""
	}
	id := url[i+len("/operations/"):]
	if j := strings.IndexAny(id, "/?#"); j >= 0 {
		id = id[:j]
	}
	return strings.Trim(id, "'()")
}

// location checks that an HTTP response's Location header names the
// operation in its body.
func (c *checker) location(m *input.Message, id string) {
	h := m.Header("Location")
	if h == nil || id == "" || m.Request {
		return
	}
	got := operationID(h.Value)
	if got == "" || sameID(got, id) {
		return
	}
	c.res.Diagnostics = append(c.res.Diagnostics, Diagnostic{
		Severity: Error, Code: "location-id-mismatch",
		Message: `the Location header names operation ` + quoteShort(got) + `, but the body is operation ` + quoteShort(id) +
			`; polling Location would follow a different operation`,
		Pointer: "/id", Offset: h.ValueOffset, Length: h.ValueLength,
	})
}
