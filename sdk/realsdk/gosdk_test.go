package realsdk

import (
	"reflect"
	"strconv"
	"strings"

	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	jsonser "github.com/microsoft/kiota-serialization-json-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

// goFactories are the factories a Go bot calls for each payload type:
// msgraph-sdk-go has no model of a commsNotifications body, so a bot reads
// resourceData with one of these.
var goFactories = map[string]absser.ParsableFactory{
	opType:   models.CreateCommsOperationFromDiscriminatorValue,
	callType: models.CreateCallFromDiscriminatorValue,
}

// readGo reads p with msgraph-sdk-go and describes what it built.
func readGo(p payload) *obsObj {
	node, err := jsonser.NewJsonParseNode([]byte(p.JSON))
	if err != nil {
		panic(err)
	}
	v, err := node.GetObjectValue(goFactories[p.Type])
	if err != nil {
		return &obsObj{Fail: true}
	}
	var raw map[string]any
	rawNode, _ := jsonser.NewJsonParseNode([]byte(p.JSON))
	r, _ := rawNode.GetRawValue()
	raw = r.(map[string]any)
	return goObject(v, raw)
}

// goObject describes parsable v, read from the JSON object raw.
func goObject(v absser.Parsable, raw any) *obsObj {
	rv := reflect.ValueOf(v)
	o := &obsObj{Type: "microsoft.graph." + lowerFirst(rv.Elem().Type().Name()), Members: map[string]obs{}}
	obj, _ := raw.(map[string]any)
	var extra map[string]any
	if h, ok := v.(absser.AdditionalDataHolder); ok {
		extra = h.GetAdditionalData()
	}
	for k, x := range obj {
		if _, ok := extra[k]; ok {
			o.Members[k] = obs{O: "additional"}
			continue
		}
		name := "Get" + upperFirst(k)
		if k == "@odata.type" {
			name = "GetOdataType"
		}
		meth := rv.MethodByName(name)
		if !meth.IsValid() {
			o.Members[k] = obs{O: "absent"}
			continue
		}
		o.Members[k] = goValue(meth.Call(nil)[0], x)
	}
	return o
}

func goValue(v reflect.Value, raw any) obs {
	if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface || v.Kind() == reflect.Slice) && v.IsNil() {
		return obs{O: "absent"}
	}
	if p, ok := v.Interface().(absser.Parsable); ok {
		return obs{O: "object", Obj: goObject(p, raw)}
	}
	if v.Kind() == reflect.Slice {
		items := make([]obs, v.Len())
		rawItems, _ := raw.([]any)
		for i := range items {
			var r any
			if i < len(rawItems) {
				r = rawItems[i]
			}
			items[i] = goValue(v.Index(i), r)
		}
		return obs{O: "items", Items: items}
	}
	if s, ok := v.Interface().(interface{ String() string }); ok {
		return obs{O: "value", V: s.String()}
	}
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		return obs{O: "value", V: v.String()}
	case reflect.Bool:
		return obs{O: "value", V: strconv.FormatBool(v.Bool())}
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint8:
		return obs{O: "value", V: strconv.FormatInt(v.Convert(reflect.TypeOf(int64(0))).Int(), 10)}
	case reflect.Float32, reflect.Float64:
		return obs{O: "value", V: strconv.FormatFloat(v.Float(), 'g', -1, 64)}
	}
	return obs{O: "unknown " + v.Type().String()}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
