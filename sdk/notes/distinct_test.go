package notes

import (
	"slices"
	"testing"

	"opcheck/check"
)

func TestDistinct(t *testing.T) {
	a, b := &check.SDKNotes{Go: "a"}, &check.SDKNotes{Go: "b"}
	same := &check.SDKNotes{Go: "a"} // equal to a, but another set: kept apart
	tests := []struct {
		name      string
		sdk       []*check.SDKNotes
		wantNotes []*check.SDKNotes
		wantIndex []int
	}{
		{"none", nil, nil, []int{}},
		{"no notes", []*check.SDKNotes{nil, nil}, nil, []int{-1, -1}},
		{"shared", []*check.SDKNotes{a, nil, a, b, a, b}, []*check.SDKNotes{a, b}, []int{0, -1, 0, 1, 0, 1}},
		{"equal but not shared", []*check.SDKNotes{a, same}, []*check.SDKNotes{a, same}, []int{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := make([]check.Diagnostic, len(tt.sdk))
			for i, n := range tt.sdk {
				ds[i].SDK = n
			}
			notes, index := Distinct(ds)
			if !slices.Equal(notes, tt.wantNotes) {
				t.Errorf("notes: got %v, want %v", notes, tt.wantNotes)
			}
			if !slices.Equal(index, tt.wantIndex) {
				t.Errorf("index: got %v, want %v", index, tt.wantIndex)
			}
		})
	}
}
