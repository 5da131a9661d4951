package indicators

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Bidi controls are refused in every input, where they can be pointed at
// and fixed, rather than neutralised in each output format: no string read
// from a CSV or XLSX table, index.toml, an evidence catalog or an article
// template reaches the engine with one, so no report (CSV, Markdown, the
// terminal table, XLSX, JSON, HTML) can carry one either.

// IsBidiControl reports whether r is a bidirectional formatting
// character: the embeddings and overrides U+202A–U+202E, the isolates
// U+2066–U+2069, the marks U+200E/U+200F and the Arabic letter mark
// U+061C. Placed beside digits they change the order a reader sees them in
// (a score of 12 shown as 21), so no input may carry them into a report.
func IsBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0x200E || r == 0x200F || r == 0x061C
}

// bidiIndex returns the byte offset of the first bidi control in s and
// the control, or -1.
func bidiIndex(s string) (int, rune) {
	for i := 0; i < len(s); {
		c := s[i]
		// Every bidi control is encoded from a lead byte 0xD8 (U+061C) or
		// 0xE2 (U+20xx): skip everything else without decoding.
		if c != 0xD8 && c != 0xE2 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsBidiControl(r) {
			return i, r
		}
		i += size
	}
	return -1, 0
}

// hintBidi is the fix for a bidi control found in an input.
const hintBidi = "delete the invisible direction mark (text copied from web pages or right-to-left documents often carries one): beside digits it changes the order they are shown in"

// bidiEscape matches a bidi control written as a TOML or JSON escape
// (\u202E, \U0000202E), which decodes to the character itself.
var bidiEscape = regexp.MustCompile(`\\(?:u|U0000)(?:202[A-Ea-e]|206[6-9]|200[EFef]|061[Cc])`)

// CheckBidiText refuses a text input (index.toml, an evidence catalog, an
// article template) that holds a bidi control, written as the character
// or as a \u escape: one error per line that has one, at its line and
// column (in characters), as an ErrorList; nil when there is none.
func CheckBidiText(file, text string) error {
	if errs := bidiTextErrors(file, text); len(errs) > 0 {
		return errs
	}
	return nil
}

func bidiTextErrors(file, text string) ErrorList {
	var errs ErrorList
	// Lines end at LF: the loaders have turned lone CRs into LFs already,
	// and TOML knows no other line end.
	for n, line := range strings.Split(text, "\n") {
		i, r := bidiIndex(line)
		if loc := bidiEscape.FindStringIndex(line); loc != nil && (i < 0 || loc[0] < i) {
			i, r = loc[0], escapedRune(line[loc[0]:loc[1]])
		}
		if i < 0 {
			continue
		}
		pos := Pos{File: file, Line: n + 1, Col: utf8.RuneCountInString(line[:i]) + 1}
		errs = append(errs, Errorf(pos, hintBidi, "the text holds the invisible bidi control U+%04X", r))
		if len(errs) == MaxErrors {
			break
		}
	}
	return errs
}

// escapedRune is the character a matched escape stands for.
func escapedRune(esc string) rune {
	var r rune
	for _, c := range esc[len(esc)-4:] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= c - '0'
		case c >= 'a' && c <= 'f':
			r |= c - 'a' + 10
		case c >= 'A' && c <= 'F':
			r |= c - 'A' + 10
		}
	}
	return r
}

// bidiErrors refuses the cells of a table (header included) that hold a
// bidi control, one error per cell at its field (CSV) or column (XLSX).
func (t *Table) bidiErrors() ErrorList {
	var errs ErrorList
	check := func(cell string, pos func() Pos) {
		if i, r := bidiIndex(cell); i >= 0 && len(errs) < MaxErrors {
			errs = append(errs, Errorf(pos(), hintBidi, "cell %s holds the invisible bidi control U+%04X", quoteCell(cell), r))
		}
	}
	for i, h := range t.Header {
		check(h, func() Pos { return t.HeaderPos(i) })
	}
	for row, rec := range t.Rows {
		for col, c := range rec {
			check(c, func() Pos { return t.Pos(row, col) })
		}
	}
	return errs
}
