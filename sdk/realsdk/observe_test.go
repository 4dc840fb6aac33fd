package realsdk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"opcheck/graph"
	"opcheck/sdk"
)

// obs is what became of one JSON member, in a form both an SDK's result
// and the model's prediction can be written in: O is "value" (with V),
// "absent", "additional", "object" (with Obj) or "items" (with Items).
type obs struct {
	O     string  `json:"o"`
	V     string  `json:"v,omitempty"`
	Obj   *obsObj `json:"obj,omitempty"`
	Items []obs   `json:"items,omitempty"`
}

// obsObj is an object built: its type (empty where the harness cannot
// tell), whether the read failed, and its members by JSON key.
type obsObj struct {
	Type    string         `json:"type,omitempty"`
	Fail    bool           `json:"fail,omitempty"`
	Members map[string]obs `json:"members,omitempty"`
}

// predict is the model's prediction for p in SDK l, as an obsObj.
func predict(l sdk.Lang, m *graph.Model, p payload) *obsObj {
	d := json.NewDecoder(strings.NewReader(p.JSON))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		panic(err)
	}
	return fromObject(sdk.Read(l, m, m.Type(p.Type), v))
}

func fromObject(o *sdk.Object) *obsObj {
	if o.Fail {
		return &obsObj{Fail: true}
	}
	r := &obsObj{Type: o.Type, Members: map[string]obs{}}
	for k, mem := range o.Members {
		r.Members[k] = fromMember(mem)
	}
	return r
}

func fromMember(m sdk.Member) obs {
	switch {
	case m.Object != nil:
		return obs{O: "object", Obj: fromObject(m.Object)}
	case m.Items != nil:
		items := make([]obs, len(m.Items))
		for i, it := range m.Items {
			items[i] = fromMember(it)
		}
		return obs{O: "items", Items: items}
	}
	switch m.Outcome {
	case sdk.Typed, sdk.Kept, sdk.Coerced, sdk.Local:
		return obs{O: "value", V: m.Value}
	case sdk.Additional:
		return obs{O: "additional"}
	case sdk.Absent:
		return obs{O: "absent"}
	}
	return obs{O: "outcome " + m.Outcome.String()}
}

// diff lists the differences between want (the model) and got (the SDK),
// one line each, with the JSON path. An empty Type in got is not compared.
func diff(path string, want, got *obsObj) []string {
	var out []string
	if want.Fail != got.Fail {
		return []string{fmt.Sprintf("%s: fail: model %v, SDK %v", path, want.Fail, got.Fail)}
	}
	if got.Type != "" && want.Type != got.Type {
		out = append(out, fmt.Sprintf("%s: type: model %s, SDK %s", path, want.Type, got.Type))
	}
	for _, k := range sortedKeys(want.Members) {
		out = append(out, diffMember(path+"/"+k, want.Members[k], got.Members[k])...)
	}
	for _, k := range sortedKeys(got.Members) {
		if _, ok := want.Members[k]; !ok {
			out = append(out, fmt.Sprintf("%s/%s: only the SDK has it", path, k))
		}
	}
	return out
}

func diffMember(path string, want, got obs) []string {
	if want.O != got.O || want.V != got.V {
		return []string{fmt.Sprintf("%s: model %s, SDK %s", path, show(want), show(got))}
	}
	var out []string
	if want.Obj != nil && got.Obj != nil {
		out = append(out, diff(path, want.Obj, got.Obj)...)
	}
	if len(want.Items) != len(got.Items) {
		return append(out, fmt.Sprintf("%s: model %d items, SDK %d", path, len(want.Items), len(got.Items)))
	}
	for i := range want.Items {
		out = append(out, diffMember(fmt.Sprintf("%s/%d", path, i), want.Items[i], got.Items[i])...)
	}
	return out
}

func show(o obs) string {
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(o)
	s := strings.TrimSpace(b.String())
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}
