package notes

import "opcheck/check"

// Distinct lists the distinct notes of ds, in the order they first occur,
// and, per finding, the index of its notes in that list (-1 for none).
// Findings [Annotate] gave identical notes share one entry, so a caller
// sending notes elsewhere (the page's tools module) sends each once.
func Distinct(ds []check.Diagnostic) (notes []*check.SDKNotes, index []int) {
	index = make([]int, len(ds))
	for i := range ds {
		index[i] = -1
		n := ds[i].SDK
		if n == nil {
			continue
		}
		// Few distinct notes, each met in a run: search newest first.
		for k := len(notes) - 1; k >= 0; k-- {
			if notes[k] == n {
				index[i] = k
				break
			}
		}
		if index[i] < 0 {
			index[i] = len(notes)
			notes = append(notes, n)
		}
	}
	return notes, index
}
