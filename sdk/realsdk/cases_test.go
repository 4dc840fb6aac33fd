package realsdk

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"opcheck/graph"
)

// A payload is one JSON object that a bot reads with the SDK's factory for
// Type (a qualified name: microsoft.graph.commsOperation or
// microsoft.graph.call).
type payload struct {
	Name string `json:"name"`
	Type string `json:"type"`
	JSON string `json:"json"`
}

const (
	opType   = "microsoft.graph.commsOperation"
	callType = "microsoft.graph.call"
)

// corpusPayloads returns every operation or call of the v1.0 and forms
// corpus of package check: bare objects, the items of a collection and the
// resourceData of each notification.
func corpusPayloads(t *testing.T) []payload {
	t.Helper()
	var out []payload
	for _, dir := range []string{"v1.0", "forms"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "check", "testdata", "corpus", dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var v map[string]any
			if json.Unmarshal(data, &v) != nil {
				continue // the syntax examples: no SDK reads them
			}
			name := dir + "/" + filepath.Base(f)
			items, isList := v["value"].([]any)
			if !isList {
				if _, wrapped := v["value"]; wrapped || v["error"] != nil {
					continue
				}
				out = append(out, payload{name, typeFor(v), string(data)})
				continue
			}
			for i, it := range items {
				obj, ok := it.(map[string]any)
				if !ok {
					continue
				}
				if rd, ok := obj["resourceData"].(map[string]any); ok {
					obj = rd
				}
				out = append(out, payload{name + "#" + itoa(i), typeFor(obj), marshal(obj)})
			}
		}
	}
	return out
}

// typeFor picks the factory a bot would call for v: the call's for a call,
// the operation's otherwise.
func typeFor(v map[string]any) string {
	if s, _ := v["@odata.type"].(string); strings.EqualFold(s, "#"+callType) {
		return callType
	}
	return opType
}

func marshal(v any) string {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		panic(err)
	}
	return strings.TrimSpace(b.String())
}

func itoa(i int) string { return strconv.Itoa(i) }

// sample builds a valid value of type t from the model: every declared
// property that is no navigation, an enum's first member, a structured
// value down to depth levels.
func sample(m *graph.Model, t *graph.Type, depth int) any {
	switch t.Kind {
	case graph.EnumType:
		if t.Flags || len(t.Members) == 0 {
			return nil
		}
		return t.Members[0]
	case graph.PrimitiveType:
		switch t.Name {
		case "Edm.String":
			return "text"
		case "Edm.Int32", "Edm.Int64", "Edm.Int16", "Edm.Byte":
			return json.Number("7")
		case "Edm.Double":
			return json.Number("1.5")
		case "Edm.Boolean":
			return true
		}
		return nil
	}
	if depth == 0 || t.Stub {
		return nil
	}
	if t.Abstract {
		if d := m.Derived(t); len(d) > 0 {
			t = d[0]
		}
	}
	obj := map[string]any{"@odata.type": "#" + t.Name}
	for _, p := range t.AllProperties() {
		if p.Navigation || skipProperty[p.Name] {
			continue
		}
		v := sample(m, p.Type, depth-1)
		if v == nil {
			continue
		}
		if p.Collection {
			v = []any{v}
		}
		obj[p.Name] = v
	}
	return obj
}

// skipProperty names properties the generator leaves out: values whose
// canonical text the two SDKs do not share (dates, durations, GUIDs) are
// not generated at all by sample, and these hold none the SDKs disagree on.
var skipProperty = map[string]bool{}

// variants returns the generated payloads: for each operation type and for
// call, a valid object and its mutations.
func variants(m *graph.Model) []payload {
	var out []payload
	bases := append([]*graph.Type{}, m.Operations()...)
	bases = append(bases, m.Type(callType))
	for _, t := range bases {
		factory := opType
		if t.Name == callType {
			factory = callType
		}
		base := sample(m, t, 3).(map[string]any)
		add := func(name string, edit func(v map[string]any)) {
			v := clone(base).(map[string]any)
			edit(v)
			out = append(out, payload{t.Short + ":" + name, factory, marshal(v)})
		}
		add("valid", func(map[string]any) {})
		// The discriminator: without "#", in other cases, unknown, not a string, missing.
		add("type-no-hash", func(v map[string]any) { v["@odata.type"] = t.Name })
		add("type-upper", func(v map[string]any) { v["@odata.type"] = "#microsoft.graph." + upperFirst(t.Short) })
		add("type-lower", func(v map[string]any) { v["@odata.type"] = "#" + strings.ToLower(t.Name) })
		add("type-unknown", func(v map[string]any) { v["@odata.type"] = "#microsoft.graph.nosuchOperation" })
		add("type-missing", func(v map[string]any) { delete(v, "@odata.type") })
		// Undeclared members, null and not.
		add("undeclared", func(v map[string]any) { v["region"] = "emea"; v["languageId"] = "en-US" })
		add("undeclared-null", func(v map[string]any) { v["region"] = nil })
		add("undeclared-object", func(v map[string]any) { v["extra"] = map[string]any{"a": json.Number("1")} })
		for _, p := range t.AllProperties() {
			if p.Navigation || base[p.Name] == nil {
				continue
			}
			name := p.Name
			add(name+"=null", func(v map[string]any) { v[name] = nil })
			add(name+"-case", func(v map[string]any) { v[upperFirst(name)] = v[name]; delete(v, name) })
			switch {
			case p.Collection:
				add(name+"-single", func(v map[string]any) { v[name] = v[name].([]any)[0] })
			case p.Type.Kind == graph.EnumType:
				for _, mem := range p.Type.Members {
					for _, s := range casings(mem) {
						add(name+"="+s, func(v map[string]any) { v[name] = s })
					}
				}
				add(name+"=unknown", func(v map[string]any) { v[name] = "notAMember" })
				add(name+"=number", func(v map[string]any) { v[name] = json.Number("1") })
			case p.Type.Name == "Edm.String":
				add(name+"=number", func(v map[string]any) { v[name] = json.Number("5") })
				add(name+"=bool", func(v map[string]any) { v[name] = true })
			case p.Type.Name == "Edm.Boolean":
				add(name+"=string", func(v map[string]any) { v[name] = "true" })
			case p.Type.Name == "Edm.Int32" || p.Type.Name == "Edm.Int64":
				for _, s := range numbers(p.Type.Name) {
					add(name+"="+marshal(s), func(v map[string]any) { v[name] = s })
				}
			case p.Type.Kind == graph.ComplexType:
				add(name+"-array", func(v map[string]any) { v[name] = []any{v[name]} })
				// One level down: the same mutations of the nested object's scalars.
				nested := base[p.Name].(map[string]any)
				for _, q := range m.Type(nested["@odata.type"].(string)).AllProperties() {
					if nested[q.Name] == nil || q.Collection {
						continue
					}
					qn := q.Name
					edit := func(s any) func(v map[string]any) {
						return func(v map[string]any) { v[name].(map[string]any)[qn] = s }
					}
					add(name+"."+qn+"=null", edit(nil))
					switch {
					case q.Type.Name == "Edm.Int32" || q.Type.Name == "Edm.Int64":
						for _, s := range numbers(q.Type.Name) {
							add(name+"."+qn+"="+marshal(s), edit(s))
						}
					case q.Type.Kind == graph.EnumType:
						for _, mem := range q.Type.Members {
							for _, s := range casings(mem) {
								add(name+"."+qn+"="+s, edit(s))
							}
						}
						add(name+"."+qn+"=unknown", edit("notAMember"))
					case q.Type.Name == "Edm.String":
						add(name+"."+qn+"=number", edit(json.Number("5")))
					}
				}
				add(name+".undeclared", func(v map[string]any) { v[name].(map[string]any)["subCode"] = json.Number("1") })
			}
		}
	}
	return out
}

// casings returns a member name as the metadata spells it, in lower case,
// in upper case and with its first letter's case flipped.
func casings(s string) []string {
	out := []string{s}
	for _, c := range []string{strings.ToLower(s), strings.ToUpper(s), flipFirst(s)} {
		if !contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// numbers are the integer values a payload gets wrong: as strings, out of
// range, with a fraction, a boolean.
func numbers(typ string) []any {
	out := []any{json.Number("0"), "500", "abc", json.Number("1.5"), json.Number("2.0"), true, json.Number("-1")}
	if typ == "Edm.Int32" {
		out = append(out, json.Number("4294967295"), json.Number("2147483648"), json.Number("-2147483649"), json.Number("2147483647"))
	} else {
		out = append(out, json.Number("9007199254740991"))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func flipFirst(s string) string {
	if s == "" {
		return s
	}
	f := s[:1]
	if strings.ToUpper(f) == f {
		return strings.ToLower(f) + s[1:]
	}
	return strings.ToUpper(f) + s[1:]
}

func clone(v any) any {
	switch v := v.(type) {
	case map[string]any:
		c := make(map[string]any, len(v))
		for k, x := range v {
			c[k] = clone(x)
		}
		return c
	case []any:
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = clone(x)
		}
		return c
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
