package indicators

import (
	"strings"
	"unicode/utf8"
)

// MaxTOMLDepth is how deeply index.toml may nest: the parts of a table
// header or a dotted key, plus the arrays and inline tables around a
// value. A real index.toml needs 5 ([[ahp]] matrix = [[…]]); the TOML
// decoder needs memory that grows with the square of the depth (a header
// 20,000 levels deep took gigabytes), so the text is measured before it
// is decoded. Fixed, since it is checked before [limits] can be read.
const MaxTOMLDepth = 32

// tomlTooDeep scans TOML text for the first place that nests deeper than
// max levels, returning its byte offset and depth (ok false), or ok true.
// The scan follows the TOML grammar far enough to count levels: table
// headers, dotted keys (bare and quoted), arrays, inline tables, strings
// and comments. It never fails on bad syntax — it skips what it does not
// understand and leaves the errors to the decoder — and takes time and
// memory proportional to the text.
func tomlTooDeep(src string, max int) (off, depth int, ok bool) {
	s := &depthScanner{src: src, max: max}
	s.run()
	if s.overAt >= 0 {
		return s.overAt, s.overDepth, false
	}
	return 0, 0, true
}

// depthScanner is the state of tomlTooDeep.
type depthScanner struct {
	src       string
	i         int
	max       int
	base      int // depth of the current table (its header's parts)
	overAt    int // offset where the limit was passed, or -1
	overDepth int
	// stack holds the open arrays and inline tables of the current value:
	// each its depth; tables[k] says whether frame k is an inline table.
	stack  []int
	tables []bool
	// arrays are the paths declared as arrays of tables ([[a.b]], parts
	// joined by NUL): a header below one of them ([[a.c]] after [[a]])
	// passes through an element of the array, one level more per such
	// part. names collects a header's parts while collect is set.
	arrays  map[string]bool
	names   []string
	collect bool
}

func (s *depthScanner) run() {
	s.overAt = -1
	for s.i < len(s.src) && s.overAt < 0 {
		s.skipSpace(true)
		if s.i >= len(s.src) {
			return
		}
		switch s.src[s.i] {
		case '[':
			s.header()
		default:
			s.keyValue(s.base)
		}
		s.skipLine()
	}
}

// over records that depth d was reached at offset at, if it is over the
// limit; it reports whether the scan must stop.
func (s *depthScanner) over(d, at int) bool {
	if d > s.max && s.overAt < 0 {
		s.overAt, s.overDepth = at, d
	}
	return s.overAt >= 0
}

// skipSpace skips blanks and comments, and newlines too when nl is true.
func (s *depthScanner) skipSpace(nl bool) {
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '\n' && nl:
			s.i++
		case c == '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

// skipLine skips to the start of the next line.
func (s *depthScanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

// header reads [a.b] or [[a.b]] and makes its depth the base: a level
// per part, one for the array of an array of tables, and one for each
// part that names an array of tables declared before (its element).
func (s *depthScanner) header() {
	start := s.i
	s.i++
	extra := 0
	if s.i < len(s.src) && s.src[s.i] == '[' {
		s.i++
		extra = 1 // an array of tables adds the array
	}
	s.collect, s.names = true, s.names[:0]
	s.key(extra)
	s.collect = false
	if s.overAt >= 0 {
		return
	}
	depth, path := extra, ""
	for k, name := range s.names {
		depth++
		if k > 0 {
			path += "\x00"
		}
		path += name
		if k < len(s.names)-1 && s.arrays[path] {
			depth++
		}
	}
	if extra == 1 {
		if s.arrays == nil {
			s.arrays = map[string]bool{}
		}
		s.arrays[path] = true
	}
	s.base = depth
	s.over(depth, start)
}

// key reads a dotted key, counting its parts from depth d; it reports the
// first part past the limit at its offset and returns the parts read.
func (s *depthScanner) key(d int) int {
	parts := 0
	for s.i < len(s.src) && s.overAt < 0 {
		s.skipSpace(false)
		if s.i >= len(s.src) {
			break
		}
		at := s.i
		switch c := s.src[s.i]; {
		case c == '"' || c == '\'':
			s.str()
		case isBareKeyByte(c):
			for s.i < len(s.src) && isBareKeyByte(s.src[s.i]) {
				s.i++
			}
		default:
			return parts
		}
		if s.collect {
			// Quotes dropped, so that "a" and a name one key.
			s.names = append(s.names, strings.Trim(s.src[at:s.i], `"'`))
		}
		parts++
		if s.over(d+parts, at) {
			return parts
		}
		s.skipSpace(false)
		if s.i < len(s.src) && s.src[s.i] == '.' {
			s.i++
			continue
		}
		return parts
	}
	return parts
}

// keyValue reads key = value at depth d.
func (s *depthScanner) keyValue(d int) {
	parts := s.key(d)
	if s.overAt >= 0 {
		return
	}
	if parts == 0 {
		s.i++ // not a key: leave it to the decoder
		return
	}
	s.skipSpace(false)
	if s.i >= len(s.src) || s.src[s.i] != '=' {
		return
	}
	s.i++
	s.value(d + parts)
}

// value reads one value at depth d, with the arrays and inline tables
// nested in it, without recursion (so that nesting costs no stack).
func (s *depthScanner) value(d int) {
	s.stack, s.tables = s.stack[:0], s.tables[:0]
	s.open(d)
	for len(s.stack) > 0 && s.overAt < 0 && s.i < len(s.src) {
		top := len(s.stack) - 1
		s.skipSpace(true)
		if s.i >= len(s.src) {
			return
		}
		switch c := s.src[s.i]; {
		case c == ']' || c == '}':
			s.i++
			s.stack, s.tables = s.stack[:top], s.tables[:top]
		case c == ',':
			s.i++
		case s.tables[top]:
			parts := s.key(s.stack[top])
			if s.overAt >= 0 {
				return
			}
			if parts == 0 {
				s.i++
				continue
			}
			s.skipSpace(false)
			if s.i < len(s.src) && s.src[s.i] == '=' {
				s.i++
			}
			s.open(s.stack[top] + parts)
		default:
			s.open(s.stack[top])
		}
	}
}

// open reads the start of a value at depth d: an array or inline table is
// pushed; a string or another scalar is skipped. A value outside any
// array or table (the stack is empty) ends the scan of the value.
func (s *depthScanner) open(d int) {
	s.skipSpace(false)
	if s.i >= len(s.src) {
		return
	}
	switch c := s.src[s.i]; {
	case c == '[' || c == '{':
		// An array is a level (its elements are indexed); an inline
		// table's keys are its levels, as in a dotted key.
		if c == '[' {
			d++
		}
		if s.over(d, s.i) {
			return
		}
		s.i++
		s.stack = append(s.stack, d)
		s.tables = append(s.tables, c == '{')
	case c == '"' || c == '\'':
		s.str()
	default:
		for s.i < len(s.src) {
			c := s.src[s.i]
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' || c == '[' || c == '{' || c == '"' || c == '\'' {
				break
			}
			s.i++
		}
		if len(s.stack) > 0 && s.i < len(s.src) {
			if c := s.src[s.i]; c == '[' || c == '{' || c == '"' || c == '\'' {
				s.i++ // not valid after a scalar: skip it, leave it to the decoder
			}
		}
	}
}

// str skips a string: basic, literal, or either multi-line.
func (s *depthScanner) str() {
	q := s.src[s.i]
	if s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q {
		s.i += 3
		for s.i < len(s.src) {
			switch {
			case q == '"' && s.src[s.i] == '\\':
				s.i += 2
			case s.src[s.i] == q && s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q:
				s.i += 3
				for n := 0; n < 2 && s.i < len(s.src) && s.src[s.i] == q; n++ {
					s.i++ // """a""""" ends with two quotes in the string
				}
				return
			default:
				s.i++
			}
		}
		return
	}
	s.i++
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == '\\' && q == '"':
			s.i += 2
		case c == q:
			s.i++
			return
		case c == '\n':
			return // unterminated: the decoder reports it
		default:
			s.i++
		}
	}
}

// offsetLineCol is the 1-based line and rune column of a byte offset.
func offsetLineCol(src string, off int) (line, col int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(src); i++ {
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCountInString(src[start:min(off, len(src))]) + 1
}
