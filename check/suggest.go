package check

import "strings"

// closest returns the candidate nearest to name by edit distance, ignoring
// case, when it is near enough to be a plausible typo; "" otherwise.
func closest(name string, candidates []string) string {
	best, bestDist := "", -1
	lname := strings.ToLower(name)
	limit := max(2, len(name)/3)
	for _, c := range candidates {
		if c == name {
			continue
		}
		d := distance(lname, strings.ToLower(c), limit)
		if d <= limit && (bestDist < 0 || d < bestDist || d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b (bytes), or a value
// above limit as soon as it is certain to exceed it.
func distance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
