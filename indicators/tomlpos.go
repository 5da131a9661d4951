package indicators

import (
	"strings"
	"unicode/utf8"
)

// keyLocator finds where keys were written in a TOML document.
// BurntSushi/toml reports positions for syntax errors but keeps key
// positions private, so we scan the text for table headers and key lines.
// The scan understands standard and array table headers and bare or quoted
// keys at the start of a line; keys inside inline tables fall back to their
// table's header.
type keyLocator struct {
	file  string
	lines []string
	// headers maps "table" or "table#idx" to the 1-based line of its header.
	headers map[string]int
}

func newKeyLocator(file, src string) *keyLocator {
	k := &keyLocator{file: file, lines: strings.Split(src, "\n"), headers: map[string]int{}}
	counts := map[string]int{}
	for i, raw := range k.lines {
		line := strings.TrimSpace(raw)
		switch {
		case strings.HasPrefix(line, "[["):
			name := headerName(line[2:], "]]")
			k.headers[name+"#"+itoa(counts[name])] = i + 1
			counts[name]++
		case strings.HasPrefix(line, "["):
			k.headers[headerName(line[1:], "]")] = i + 1
		}
	}
	return k
}

func headerName(s, closer string) string {
	if i := strings.Index(s, closer); i >= 0 {
		s = s[:i]
	}
	return strings.Trim(strings.TrimSpace(s), `"'`)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// find locates key in the table (entry idx of an array table). It returns
// the header's position for key "" or a key not found, and the file alone
// when the table is absent.
func (k *keyLocator) find(table string, idx int, key string) Pos {
	hdr, ok := k.headers[table]
	if !ok {
		hdr, ok = k.headers[table+"#"+itoa(idx)]
	}
	start := 0 // top-level keys live before the first header
	if ok {
		start = hdr
	} else if table != "" {
		return Pos{File: k.file}
	}
	if key != "" {
		for i := start; i < len(k.lines); i++ {
			line := strings.TrimSpace(k.lines[i])
			if strings.HasPrefix(line, "[") {
				break
			}
			if keyOfLine(line) == key {
				col := strings.Index(k.lines[i], line) + 1
				return Pos{File: k.file, Line: i + 1, Col: utf8.RuneCountInString(k.lines[i][:col-1]) + 1}
			}
		}
	}
	if !ok {
		return Pos{File: k.file}
	}
	return Pos{File: k.file, Line: hdr, Col: 1}
}

// keyOfLine returns the first key of a "key = value" line ("" otherwise);
// for dotted keys it returns the first part.
func keyOfLine(line string) string {
	eq := strings.IndexByte(line, '=')
	if eq <= 0 {
		return ""
	}
	key := strings.TrimSpace(line[:eq])
	if i := strings.IndexByte(key, '.'); i > 0 && key[0] != '"' && key[0] != '\'' {
		key = strings.TrimSpace(key[:i])
	}
	return strings.Trim(key, `"'`)
}
