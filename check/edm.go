package check

import (
	"strconv"
	"strings"
)

// intRange is the range of each integral Edm type.
func intRange(name string) [2]int64 {
	switch name {
	case "Edm.Byte":
		return [2]int64{0, 255}
	case "Edm.SByte":
		return [2]int64{-128, 127}
	case "Edm.Int16":
		return [2]int64{-1 << 15, 1<<15 - 1}
	case "Edm.Int32":
		return [2]int64{-1 << 31, 1<<31 - 1}
	}
	return [2]int64{-1 << 63, 1<<63 - 1}
}

// isGUID reports whether s is a GUID in the 8-4-4-4-12 form OData uses.
func isGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHex(c) {
				return false
			}
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// sameID reports whether two ids name the same thing when compared as
// GUIDs: braces, dashes and the case of hex digits do not matter. Ids that
// are not GUIDs must be equal as written. It allocates nothing.
func sameID(a, b string) bool {
	if a == b {
		return true // the usual case, whatever the ids are
	}
	ha, ok1 := guidDigits(a)
	hb, ok2 := guidDigits(b)
	if !ok1 || !ok2 {
		return a == b
	}
	return ha == hb
}

// guidDigits packs the 32 hex digits of a GUID written with or without
// dashes and braces; ok is false for anything else.
func guidDigits(s string) (h [2]uint64, ok bool) {
	if len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' {
		s = s[1 : len(s)-1]
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v byte
		switch {
		case c == '-':
			continue
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return h, false
		}
		if n == 32 {
			return h, false
		}
		h[n/16] = h[n/16]<<4 | uint64(v)
		n++
	}
	return h, n == 32
}

// IsDateTimeOffset reports whether s is an RFC 3339 date and time with an
// offset, as OData writes Edm.DateTimeOffset: 2026-11-26T10:15:02.118Z.
// Package opcheck/sdk/notes uses it too, to tell a date without an offset.
func IsDateTimeOffset(s string) bool {
	// yyyy-mm-ddThh:mm
	if len(s) < 17 || !digits(s[0:4]) || s[4] != '-' || !digits(s[5:7]) || s[7] != '-' || !digits(s[8:10]) ||
		(s[10] != 'T' && s[10] != 't') || !digits(s[11:13]) || s[13] != ':' || !digits(s[14:16]) {
		return false
	}
	if !inRange(s[5:7], 1, 12) || !inRange(s[8:10], 1, 31) || !inRange(s[11:13], 0, 23) || !inRange(s[14:16], 0, 59) {
		return false
	}
	rest := s[16:]
	if len(rest) >= 3 && rest[0] == ':' && digits(rest[1:3]) && inRange(rest[1:3], 0, 60) {
		rest = rest[3:]
		if len(rest) > 1 && rest[0] == '.' {
			n := 1
			for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
				n++
			}
			if n == 1 {
				return false
			}
			rest = rest[n:]
		}
	}
	switch {
	case rest == "Z" || rest == "z":
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && digits(rest[1:3]) && rest[3] == ':' && digits(rest[4:6]):
		return inRange(rest[1:3], 0, 23) && inRange(rest[4:6], 0, 59)
	}
	return false
}

// isDuration reports whether s is an ISO 8601 duration as Edm.Duration
// takes it: [-]P[nD][T[nH][nM][n[.n]S]], at least one part.
func isDuration(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if len(s) < 2 || s[0] != 'P' {
		return false
	}
	s = s[1:]
	parts := 0
	inTime := false
	units := "D"
	for len(s) > 0 {
		if s[0] == 'T' {
			if inTime {
				return false
			}
			inTime, units = true, "HMS"
			s = s[1:]
			if s == "" {
				return false
			}
			continue
		}
		n := 0
		for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == '.') {
			n++
		}
		if n == 0 || n == len(s) || strings.Count(s[:n], ".") > 1 || s[0] == '.' || s[n-1] == '.' {
			return false
		}
		u := strings.IndexByte(units, s[n])
		if u < 0 || strings.Contains(s[:n], ".") && s[n] != 'S' {
			return false
		}
		units = units[u+1:]
		parts++
		s = s[n+1:]
	}
	return parts > 0
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func inRange(s string, lo, hi int) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= lo && n <= hi
}
