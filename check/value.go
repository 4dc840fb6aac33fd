package check

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"opcheck/graph"
	"opcheck/scan"
)

// enum checks a value of an enum type: a string naming a member exactly
// (or, for flags, several, comma-separated).
func (c *checker) enum(e int, p *graph.Property) {
	t := p.Type
	n := &c.doc.Nodes[e]
	if n.Kind != scan.String {
		msg := `"` + p.Name + `" is ` + an(t.Short) + `, written as the member's name in a string (` + memberList(t) + `), found ` + article(n.Kind)
		c.reportNode(Error, "wrong-type", e, msg, nil)
		return
	}
	s := c.doc.Text(e)
	names := []string{s}
	if t.Flags {
		names = strings.Split(s, ",")
	}
	for _, name := range names {
		name = strings.TrimSpace(name)
		if t.HasMember(name) {
			if name[0] >= 'a' && name[0] <= 'z' {
				c.sdk.exact++ // spelt as Graph sends it: not a .NET bot's log
			}
			continue
		}
		for _, m := range t.Members {
			if strings.EqualFold(m, name) {
				c.enumValue(e, name, m, p.Name)
				c.reportNode(Warning, "enum-case", e,
					`"`+name+`" differs from the `+t.Short+` member "`+m+`" only in case; OData enum members are case-sensitive, and strict clients (the typed SDKs among them) drop or reject the value`,
					c.replaceNode(e, `use "`+m+`"`, `"`+strings.Replace(s, name, m, 1)+`"`))
				goto next
			}
		}
		if c.maskedValue(e, name) {
			continue
		}
		if what, ok := placeholder(name); ok {
			c.reportNode(Error, "enum-unknown", e, `"`+name+`" is a documentation placeholder (`+what+`), not `+an(t.Short)+` member; use one of `+memberList(t), nil)
			continue
		}
		{
			msg := `"` + name + `" is not ` + an(t.Short) + ` member; use one of ` + memberList(t)
			var fix *Fix
			if s2 := closest(name, t.Members); s2 != "" {
				msg += ` (did you mean "` + s2 + `"?)`
				fix = c.replaceNode(e, `use "`+s2+`"`, `"`+s2+`"`)
			}
			c.reportNode(Error, "enum-unknown", e, msg, fix)
		}
	next:
	}
}

// memberList lists an enum's members for a message.
func memberList(t *graph.Type) string {
	return strings.Join(t.Members, ", ")
}

// The shared Edm primitive types, which every property's Type points at:
// primitive dispatches on them by identity, since comparing type names
// calls the runtime for every value, which is dear in wasm.
var (
	edmString, edmBoolean                           = graph.Primitive("Edm.String"), graph.Primitive("Edm.Boolean")
	edmByte, edmSByte, edmInt16, edmInt32, edmInt64 = graph.Primitive("Edm.Byte"), graph.Primitive("Edm.SByte"), graph.Primitive("Edm.Int16"), graph.Primitive("Edm.Int32"), graph.Primitive("Edm.Int64")
	edmDouble, edmSingle, edmDecimal                = graph.Primitive("Edm.Double"), graph.Primitive("Edm.Single"), graph.Primitive("Edm.Decimal")
	edmGuid, edmDateTimeOffset, edmDuration         = graph.Primitive("Edm.Guid"), graph.Primitive("Edm.DateTimeOffset"), graph.Primitive("Edm.Duration")
	edmDate, edmTimeOfDay                           = graph.Primitive("Edm.Date"), graph.Primitive("Edm.TimeOfDay")
)

// primitive checks a value of an Edm primitive type.
func (c *checker) primitive(e int, p *graph.Property) {
	n := &c.doc.Nodes[e]
	name := p.Type.Name
	wrong := func(want string) {
		msg := `"` + p.Name + `" is ` + name + `: expected ` + want + `, found ` + article(n.Kind)
		var fix *Fix
		if n.Kind == scan.String {
			s := c.doc.Text(e)
			if c.maskedValue(e, s) {
				return
			}
			if _, ok := placeholder(s); ok {
				msg += ` (` + quoteShort(s) + ` is a documentation placeholder)`
			} else if want == "a number" {
				if _, err := strconv.ParseFloat(s, 64); err == nil {
					fix = c.replaceNode(e, "write the number without quotes", s)
				}
			} else if want == "true or false" && (s == "true" || s == "false") {
				fix = c.replaceNode(e, "write the boolean without quotes", s)
			}
		}
		c.reportNode(Error, "wrong-type", e, msg, fix)
	}
	switch t := p.Type; t {
	case edmString:
		if n.Kind != scan.String {
			wrong("a string")
			return
		}
		c.placeholderString(e)
	case edmBoolean:
		if n.Kind != scan.True && n.Kind != scan.False {
			wrong("true or false")
		}
	case edmByte, edmSByte, edmInt16, edmInt32, edmInt64:
		if n.Kind != scan.Number {
			if t == edmInt64 && n.Kind == scan.String && isInteger(c.doc.Text(e)) {
				return // IEEE754Compatible=true writes Int64 as strings
			}
			wrong("a number")
			return
		}
		r := intRange(name)
		if v, ok := smallInt(c.doc.Raw(e)); ok {
			if v < r[0] || v > r[1] {
				c.outOfRange(e, p, r, string(c.doc.Raw(e)))
			}
			return
		}
		raw := string(c.doc.Raw(e))
		v, err := strconv.ParseInt(raw, 10, 64)
		switch {
		case err != nil && strings.ContainsAny(raw, ".eE"):
			f, ferr := strconv.ParseFloat(raw, 64)
			switch {
			case ferr == nil && f != math.Trunc(f):
				c.reportNode(Error, "wrong-type", e, `"`+p.Name+`" is `+name+`: expected a whole number, found `+shortNumber(raw), nil)
			case ferr != nil || f < float64(r[0]) || f > float64(r[1]):
				c.outOfRange(e, p, r, raw)
			}
		case err != nil || v < r[0] || v > r[1]:
			c.outOfRange(e, p, r, raw)
		}
	case edmDouble, edmSingle, edmDecimal:
		if n.Kind == scan.String {
			if s := c.doc.Text(e); t != edmDecimal && (s == "NaN" || s == "INF" || s == "-INF") {
				return
			}
		}
		if n.Kind != scan.Number {
			wrong("a number")
			return
		}
		if _, err := strconv.ParseFloat(string(c.doc.Raw(e)), 64); err != nil && t != edmDecimal {
			c.reportNode(Error, "out-of-range", e, `"`+p.Name+`" is `+name+`, and `+shortNumber(string(c.doc.Raw(e)))+` is beyond its range`, nil)
		}
	case edmGuid, edmDateTimeOffset, edmDuration, edmDate, edmTimeOfDay:
		if n.Kind != scan.String {
			wrong("a string")
			return
		}
		s := c.doc.Text(e)
		ok, example := true, ""
		switch t {
		case edmGuid:
			ok, example = isGUID(s), "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10"
		case edmDateTimeOffset:
			ok, example = IsDateTimeOffset(s), "2026-11-26T10:15:02.118Z"
		case edmDuration:
			ok, example = isDuration(s), "PT1M30S"
		case edmDate:
			ok, example = len(s) == 10 && IsDateTimeOffset(s+"T00:00Z"), "2026-11-26"
		case edmTimeOfDay:
			ok, example = IsDateTimeOffset("2000-01-01T"+s+"Z"), "10:15:02"
		}
		if !ok {
			c.reportNode(Error, "invalid-format", e, `"`+p.Name+`" is `+name+`, written like "`+example+`"; `+quoteShort(s)+` is not`, nil)
		}
	default: // Binary, Stream, spatial types, Untyped: no JSON shape to insist on
	}
}

// placeholderString reports a string value that is a docs placeholder.
func (c *checker) placeholderString(e int) {
	if c.resource {
		return
	}
	// Rule most values out on their bytes, before decoding: a placeholder
	// starts with a capital or '<' (or is "string"), or lists values with '|'.
	// An escape at the start takes the long way.
	raw := c.doc.Raw(e)
	if f := raw[1]; !(f >= 'A' && f <= 'Z' || f == '<' || f == 's' || f == '\\' || f == '(') && bytes.IndexByte(raw, '|') < 0 {
		return
	}
	s := c.doc.Text(e)
	if c.maskedValue(e, s) {
		return
	}
	if what, ok := placeholder(s); ok {
		c.reportNode(Warning, "placeholder", e, quoteShort(s)+` looks like a documentation placeholder (`+what+`), not a real value`, nil)
	}
}

// outOfRange reports integer node e, written raw, as outside r, the range
// of p's type.
func (c *checker) outOfRange(e int, p *graph.Property, r [2]int64, raw string) {
	c.reportNode(Error, "out-of-range", e, `"`+p.Name+`" is `+p.Type.Name+`, which holds `+strconv.FormatInt(r[0], 10)+` to `+
		strconv.FormatInt(r[1], 10)+`; `+shortNumber(raw)+` is out of range`, nil)
}

// smallInt reads raw as a decimal integer of at most 18 digits, which
// cannot overflow: the common case, without strconv's generality (which
// is slow in wasm). Anything else is left to strconv.
func smallInt(raw []byte) (int64, bool) {
	neg := len(raw) > 0 && raw[0] == '-'
	if neg {
		raw = raw[1:]
	}
	if len(raw) == 0 || len(raw) > 18 {
		return 0, false
	}
	var v int64
	for _, c := range raw {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

func isInteger(s string) bool {
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

// shortNumber cuts a very long number literal for a message.
func shortNumber(s string) string {
	if len(s) > 24 {
		return s[:12] + "…(" + strconv.Itoa(len(s)) + " digits)"
	}
	return s
}

// an puts "a" or "an" before a word.
func an(word string) string {
	if word != "" && strings.IndexByte("aeiouAEIOU", word[0]) >= 0 {
		return "an " + word
	}
	return "a " + word
}
