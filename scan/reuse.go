package scan

import (
	"sync"

	"opcheck/internal/sizeclass"
)

// spare keeps the node arrays of released documents for the next Parse:
// a large document's nodes take more memory than its text, and in
// WebAssembly, where memory never shrinks and the collector runs on the one
// thread, allocating them afresh for every keystroke is what sets the peak.
var spare sync.Pool // of *[]Node

// spareNodes returns an empty node slice with room for at least n nodes,
// reusing a released one when it is large enough.
func spareNodes(n int) []Node {
	if p, ok := spare.Get().(*[]Node); ok {
		if cap(*p) >= n {
			return (*p)[:0]
		}
	}
	return make([]Node, 0, sizeclass.Of(n))
}

// Release hands the document's node storage back for reuse by a later
// Parse. Neither d nor anything read from its Nodes may be used afterwards;
// strings returned by Text and Key stay valid, since they refer to Src.
func (d *Doc) Release() {
	if d == nil || cap(d.Nodes) == 0 {
		return
	}
	nodes := d.Nodes[:0]
	d.Nodes = nil
	spare.Put(&nodes)
}
