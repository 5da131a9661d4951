package indicators

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// keyLocator finds where keys were written in a TOML document.
// BurntSushi/toml reports positions for syntax errors but keeps key
// positions private, so we scan the text for table headers and key lines.
// The scan understands standard and array table headers and bare, quoted
// and dotted keys at the start of a line, and skips the inside of
// multi-line arrays and strings (a line "[1, 3]," in a matrix is no header,
// a "weight = 2" line in a description no key); keys inside inline tables
// fall back to their table's header.
type keyLocator struct {
	file  string
	lines []string
	// headers maps "table" or "table#idx" to the 1-based line of its header.
	headers map[string]int
	// keys[i] is the first part of the key that line i+1 defines ("" when
	// the line defines none).
	keys []string
	// isHeader[i] reports whether line i+1 is a table header.
	isHeader []bool
}

func newKeyLocator(file, src string) *keyLocator {
	k := &keyLocator{file: file, lines: strings.Split(src, "\n"), headers: map[string]int{}}
	k.keys = make([]string, len(k.lines))
	k.isHeader = make([]bool, len(k.lines))
	counts := map[string]int{}
	var st valueScanner
	for i, raw := range k.lines {
		if st.inside() { // continuation of a multi-line array or string
			st.scan(raw)
			continue
		}
		line := strings.TrimLeft(raw, " \t")
		switch {
		case strings.HasPrefix(line, "[["):
			k.isHeader[i] = true
			if name, ok := headerName(line[2:], "]]"); ok {
				k.headers[name+"#"+itoa(counts[name])] = i + 1
				counts[name]++
			}
		case strings.HasPrefix(line, "["):
			k.isHeader[i] = true
			if name, ok := headerName(line[1:], "]"); ok {
				if _, dup := k.headers[name]; !dup {
					k.headers[name] = i + 1
				}
			}
		default:
			k.keys[i] = keyOfLine(line)
			st.scan(line)
		}
	}
	return k
}

// headerName parses the dotted key of a table header up to closer,
// returning its parts (unquoted) joined by dots.
func headerName(s, closer string) (string, bool) {
	var parts []string
	for {
		part, rest, ok := keyPart(strings.TrimLeft(s, " \t"))
		if !ok {
			return "", false
		}
		parts = append(parts, part)
		rest = strings.TrimLeft(rest, " \t")
		switch {
		case strings.HasPrefix(rest, closer):
			return strings.Join(parts, "."), true
		case strings.HasPrefix(rest, "."):
			s = rest[1:]
		default:
			return "", false
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// find locates key in the table (entry idx of an array table). It returns
// the header's position for key "" or a key not found, and the file alone
// when the table is absent.
func (k *keyLocator) find(table string, idx int, key string) Pos {
	start, hdr, ok := 0, 0, false // top-level keys live before the first header
	if table != "" {
		hdr, ok = k.headers[table]
		if !ok {
			hdr, ok = k.headers[table+"#"+itoa(idx)]
		}
		if !ok {
			return Pos{File: k.file}
		}
		start = hdr
	}
	if key != "" {
		if line := k.keyLine(start, key); line > 0 {
			return k.linePos(line)
		}
	}
	if !ok {
		return Pos{File: k.file}
	}
	return Pos{File: k.file, Line: hdr, Col: 1}
}

// keyLine returns the 1-based line that defines key in the table whose
// body starts at line index start, or 0.
func (k *keyLocator) keyLine(start int, key string) int {
	for i := start; i < len(k.lines); i++ {
		if k.isHeader[i] {
			break
		}
		if k.keys[i] == key {
			return i + 1
		}
	}
	return 0
}

// linePos is the position of the first non-blank character of a line, its
// column counted in runes.
func (k *keyLocator) linePos(line int) Pos {
	raw := k.lines[line-1]
	indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
	return Pos{File: k.file, Line: line, Col: utf8.RuneCountInString(raw[:indent]) + 1}
}

// offsetPos is the position of a byte offset in the text, its column
// counted in runes; offsets past the end are placed at the end, offsets
// inside a rune at its start.
func (k *keyLocator) offsetPos(off int) Pos {
	for i, line := range k.lines {
		if off <= len(line) || i == len(k.lines)-1 {
			off = min(max(off, 0), len(line))
			for off < len(line) && off > 0 && !utf8.RuneStart(line[off]) {
				off-- // the decoder may point inside a rune
			}
			return Pos{File: k.file, Line: i + 1, Col: utf8.RuneCountInString(line[:off]) + 1}
		}
		off -= len(line) + 1
	}
	return Pos{File: k.file} // not reached: Split returns at least one line
}

// entriesWith returns where key is written in each entry of an array
// table that has it, in order.
func (k *keyLocator) entriesWith(table, key string) []Pos {
	var out []Pos
	for i := 0; ; i++ {
		hdr, ok := k.headers[table+"#"+itoa(i)]
		if !ok {
			return out
		}
		if line := k.keyLine(hdr, key); line > 0 {
			out = append(out, k.linePos(line))
		}
	}
}

// header returns the position of the first header of table name (a
// standard or an array table).
func (k *keyLocator) header(name string) (Pos, bool) {
	hdr, ok := k.headers[name]
	if !ok {
		hdr, ok = k.headers[name+"#0"]
	}
	if !ok {
		return Pos{File: k.file}, false
	}
	return Pos{File: k.file, Line: hdr, Col: 1}, true
}

// keyOfLine returns the first key of a "key = value" line ("" otherwise);
// for dotted keys it returns the first part, unquoted.
func keyOfLine(line string) string {
	first, rest, ok := keyPart(line)
	if !ok {
		return ""
	}
	for {
		rest = strings.TrimLeft(rest, " \t")
		switch {
		case strings.HasPrefix(rest, "="):
			return first
		case strings.HasPrefix(rest, "."):
			if _, rest, ok = keyPart(strings.TrimLeft(rest[1:], " \t")); !ok {
				return ""
			}
		default:
			return ""
		}
	}
}

// keyPart reads one simple key (bare, "basic" or 'literal') from the start
// of s, returning it unquoted and the text after it.
func keyPart(s string) (part, rest string, ok bool) {
	switch {
	case s == "":
		return "", s, false
	case s[0] == '"':
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '"':
				if u, err := strconv.Unquote(s[:i+1]); err == nil {
					return u, s[i+1:], true
				}
				return s[1:i], s[i+1:], true
			}
		}
		return "", s, false
	case s[0] == '\'':
		if i := strings.IndexByte(s[1:], '\''); i >= 0 {
			return s[1 : i+1], s[i+2:], true
		}
		return "", s, false
	}
	i := 0
	for i < len(s) && isBareKeyByte(s[i]) {
		i++
	}
	if i == 0 {
		return "", s, false
	}
	return s[:i], s[i:], true
}

func isBareKeyByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// valueScanner follows the nesting of values across lines: open arrays and
// inline tables, and multi-line strings. Comments and the contents of
// strings do not count.
type valueScanner struct {
	depth int    // open [ and { in values
	ml    string // `"""` or `'''` inside a multi-line string, "" otherwise
}

// inside reports whether the next line continues a value.
func (s *valueScanner) inside() bool { return s.depth > 0 || s.ml != "" }

// scan advances the state over one line.
func (s *valueScanner) scan(line string) {
	for i := 0; i < len(line); {
		if s.ml != "" {
			i = s.closeMultiline(line, i)
			continue
		}
		switch c := line[i]; {
		case c == '#':
			return
		case strings.HasPrefix(line[i:], `"""`), strings.HasPrefix(line[i:], `'''`):
			s.ml = line[i : i+3]
			i += 3
		case c == '"':
			i++
			for i < len(line) && line[i] != '"' {
				if line[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case c == '\'':
			i++
			for i < len(line) && line[i] != '\'' {
				i++
			}
			i++
		case c == '[' || c == '{':
			s.depth++
			i++
		case c == ']' || c == '}':
			if s.depth > 0 {
				s.depth--
			}
			i++
		default:
			i++
		}
	}
}

// closeMultiline looks for the end of the current multi-line string from
// line[i:], returning the index after it (len(line) when it goes on).
func (s *valueScanner) closeMultiline(line string, i int) int {
	for i < len(line) {
		if s.ml == `"""` && line[i] == '\\' {
			i += 2
			continue
		}
		if strings.HasPrefix(line[i:], s.ml) {
			i += 3
			// Up to two more quotes belong to the string: """a""""" ends it with "".
			for n := 0; n < 2 && i < len(line) && line[i] == s.ml[0]; n++ {
				i++
			}
			s.ml = ""
			return i
		}
		i++
	}
	return len(line)
}

// valuePos finds the string value s of key (its opening quote) in table
// (entry idx of an array table): on the key's line after the "=", or on
// the lines that continue its value (a multi-line array). It returns the
// key's position when the value is not found.
func (k *keyLocator) valuePos(table string, idx int, key, s string) Pos {
	kp := k.find(table, idx, key)
	if key == "" || kp.Line == 0 || k.keys[kp.Line-1] != key {
		return kp
	}
	forms := quotedForms(s)
	for i := kp.Line - 1; i < len(k.lines); i++ {
		if i > kp.Line-1 && (k.isHeader[i] || k.keys[i] != "") {
			break
		}
		line, start := k.lines[i], 0
		if i == kp.Line-1 {
			if start = strings.IndexByte(line, '='); start < 0 {
				return kp
			}
		}
		best := -1
		for _, q := range forms {
			if j := strings.Index(line[start:], q); j >= 0 && (best < 0 || start+j < best) {
				best = start + j
			}
		}
		if best >= 0 {
			return Pos{File: k.file, Line: i + 1, Col: utf8.RuneCountInString(line[:best]) + 1}
		}
	}
	return kp
}
