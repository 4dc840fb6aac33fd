package main

import (
	"strconv"
	"strings"
)

// acceptWeights holds the q-values an Accept-Encoding header gives the
// codings this server knows, scaled to 0..1000; -1 means not mentioned.
type acceptWeights struct {
	br, gzip, identity, star int
}

// parseAcceptEncoding reads every Accept-Encoding field value. Unknown
// codings are ignored; an element whose q-value does not parse counts as
// q=0, so a malformed preference never enables a coding. The first mention
// of a coding wins.
func parseAcceptEncoding(values []string) acceptWeights {
	w := acceptWeights{-1, -1, -1, -1}
	for _, v := range values {
		for elem := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(elem, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			var slot *int
			switch coding {
			case "br":
				slot = &w.br
			case "gzip", "x-gzip":
				slot = &w.gzip
			case "identity":
				slot = &w.identity
			case "*":
				slot = &w.star
			default:
				continue
			}
			if *slot == -1 {
				*slot = parseQ(params)
			}
		}
	}
	return w
}

// parseQ returns the q parameter among params (";"-separated, after the
// coding) scaled to 0..1000: 1000 when absent, 0 when malformed.
func parseQ(params string) int {
	for p := range strings.SplitSeq(params, ";") {
		name, value, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		value = strings.TrimSpace(value)
		// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
		if len(value) == 0 || len(value) > 5 || (value[0] != '0' && value[0] != '1') {
			return 0
		}
		if len(value) > 1 && value[1] != '.' {
			return 0
		}
		f, err := strconv.ParseFloat(value, 64)
		if err != nil || f < 0 || f > 1 {
			return 0
		}
		return int(f*1000 + 0.5)
	}
	return 1000
}

// negotiate picks the representation to send: the available compressed
// coding with the highest q-value, brotli on a tie, unless identity is
// explicitly preferred over both. When nothing compressed is acceptable it
// falls back to identity, even if the client refused identity too: a body
// it may not like beats no body.
func negotiate(values []string, have [numEncodings]bool) encoding {
	if len(values) == 0 {
		return identity
	}
	w := parseAcceptEncoding(values)
	weight := func(q int) int {
		if q == -1 {
			q = w.star
		}
		return max(q, 0)
	}
	best, bestQ := identity, 0
	if have[encBrotli] {
		if q := weight(w.br); q > bestQ {
			best, bestQ = encBrotli, q
		}
	}
	if have[encGzip] {
		if q := weight(w.gzip); q > bestQ {
			best, bestQ = encGzip, q
		}
	}
	// Identity unmentioned is acceptable but least preferred; it wins only
	// when the client ranks it above the best coding by name or through *.
	if idQ := w.identity; idQ == -1 && w.star != -1 {
		if w.star > bestQ {
			return identity
		}
	} else if idQ > bestQ {
		return identity
	}
	return best
}
