package check

import (
	"testing"

	"opcheck/graph"
	"opcheck/scan"
)

func TestFormats(t *testing.T) {
	tests := []struct {
		name  string
		fn    func(string) bool
		input string
		want  bool
	}{
		{"guid", isGUID, "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10", true},
		{"guid upper", isGUID, "0B5E4E4A-3C5F-4B4E-9D7A-2F6C1E8A9B10", true},
		{"guid no dashes", isGUID, "0b5e4e4a3c5f4b4e9d7a2f6c1e8a9b10", false},
		{"guid bad digit", isGUID, "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b1g", false},
		{"datetime utc", IsDateTimeOffset, "2026-11-26T10:15:02.118Z", true},
		{"datetime offset", IsDateTimeOffset, "2026-11-26T10:15:02+01:00", true},
		{"datetime minutes only", IsDateTimeOffset, "2026-11-26T10:15Z", true},
		{"datetime no zone", IsDateTimeOffset, "2026-11-26T10:15:02", false},
		{"datetime bad month", IsDateTimeOffset, "2026-13-26T10:15:02Z", false},
		{"datetime empty fraction", IsDateTimeOffset, "2026-11-26T10:15:02.Z", false},
		{"duration", isDuration, "PT1M30S", true},
		{"duration days and fraction", isDuration, "-P1DT0.5S", true},
		{"duration empty", isDuration, "P", false},
		{"duration empty time", isDuration, "P1DT", false},
		{"duration out of order", isDuration, "PT1S1M", false},
		{"duration fraction not seconds", isDuration, "PT1.5M", false},
		{"duration plain number", isDuration, "90", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(tt.input); got != tt.want {
				t.Errorf("%q: got %v, want %v", tt.input, got, tt.want)
			}
		})
	}
}

// TestPrimitiveFormats drives the invalid-format rule through a property of
// each formatted type, since the comms metadata declares none today.
func TestPrimitiveFormats(t *testing.T) {
	tests := []struct {
		typ, value string
		wantCode   string
	}{
		{"Edm.Guid", `"0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10"`, ""},
		{"Edm.Guid", `"not-a-guid"`, "invalid-format"},
		{"Edm.DateTimeOffset", `"2026-11-26T10:15:02Z"`, ""},
		{"Edm.DateTimeOffset", `"yesterday"`, "invalid-format"},
		{"Edm.Duration", `"PT5S"`, ""},
		{"Edm.Duration", `"5 seconds"`, "invalid-format"},
		{"Edm.Date", `"2026-11-26"`, ""},
		{"Edm.Date", `"26/11/2026"`, "invalid-format"},
		{"Edm.TimeOfDay", `"10:15:02"`, ""},
		{"Edm.Guid", `42`, "wrong-type"},
		{"Edm.Int64", `"9007199254740993"`, ""},
		{"Edm.Int64", `12.5`, "wrong-type"},
		{"Edm.Int16", `40000`, "out-of-range"},
		{"Edm.Double", `"NaN"`, ""},
		{"Edm.Double", `1e999`, "out-of-range"},
		{"Edm.Int32", `4.0`, ""},
		{"Edm.Int32", `1e3`, ""},
		{"Edm.Boolean", `"false"`, "wrong-type"},
	}
	for _, tt := range tests {
		t.Run(tt.typ+" "+tt.value, func(t *testing.T) {
			doc, issues := scan.Parse([]byte(tt.value))
			if doc == nil {
				t.Fatalf("scan: %v", issues)
			}
			c := &checker{res: &Result{}, doc: doc, model: graph.Lookup("v1.0")}
			c.value(0, &graph.Property{Name: "p", Type: graph.Primitive(tt.typ), Nullable: true})
			got := ""
			if len(c.res.Diagnostics) > 0 {
				got = c.res.Diagnostics[0].Code
			}
			if got != tt.wantCode {
				t.Errorf("got %q, want %q (%v)", got, tt.wantCode, c.res.Diagnostics)
			}
		})
	}
}

func TestSameID(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10", "0B5E4E4A3C5F4B4E9D7A2F6C1E8A9B10", true},
		{"{0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10}", "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10", true},
		{"0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10", "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b11", false},
		{"op-1", "op-1", true},
		{"op-1", "OP-1", false},
		{"0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10", "op-1", false},
		{"0b5e4e4a3c5f4b4e9d7a2f6c1e8a9b10ff", "0b5e4e4a3c5f4b4e9d7a2f6c1e8a9b10", false},
	}
	for _, tt := range tests {
		if got := sameID(tt.a, tt.b); got != tt.want {
			t.Errorf("sameID(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSmallInt(t *testing.T) {
	tests := []struct {
		raw    string
		want   int64
		wantOK bool
	}{
		{"0", 0, true}, {"42", 42, true}, {"-7", -7, true},
		{"999999999999999999", 999999999999999999, true}, // 18 digits
		{"-999999999999999999", -999999999999999999, true},
		{"1000000000000000000", 0, false}, // 19 digits: left to strconv
		{"", 0, false}, {"-", 0, false}, {"+5", 0, false}, {"1.5", 0, false}, {"1e3", 0, false}, {"--1", 0, false},
	}
	for _, tt := range tests {
		got, ok := smallInt([]byte(tt.raw))
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("smallInt(%q) = %d, %v; want %d, %v", tt.raw, got, ok, tt.want, tt.wantOK)
		}
	}
}

// TestPrimitivesExist guards primitive's dispatch by identity: a name
// graph does not know would leave its variable nil, and every value of
// that type unchecked.
func TestPrimitivesExist(t *testing.T) {
	for i, p := range []*graph.Type{edmString, edmBoolean, edmByte, edmSByte, edmInt16, edmInt32, edmInt64, edmDouble, edmSingle,
		edmDecimal, edmGuid, edmDateTimeOffset, edmDuration, edmDate, edmTimeOfDay} {
		if p == nil {
			t.Errorf("primitive %d of the list is not one graph knows", i)
		}
	}
}
