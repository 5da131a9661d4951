package indicators

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// ParseNumber reads a value cell of a data file.
//
// It accepts what people type into spreadsheets: surrounding spaces
// (including the full-width space U+3000), full-width digits, signs and
// points, a leading + or - (or the minus sign U+2212), thousands separators in valid groups
// ("1,234,567.5"), an exponent ("1.5E-3", as XLSX stores small numbers), a
// trailing % (stripped: "35%" is 35) and the Chinese multipliers 万 (1e4),
// 亿 (1e8) and 万亿 (1e12) as a suffix.
//
// Empty cells and the markers NA, N/A (any case), "-", "—", "–" and ".."
// are missing values: missing is true and err nil. NaN, infinities, hex
// and everything else are errors whose text says what is wrong; the caller
// adds the position.
func ParseNumber(s string) (v float64, missing bool, err error) {
	orig := s
	// Narrow turns full-width digits, signs, points, commas and U+3000 into
	// their ASCII forms; 万 and 亿 have no narrow form and stay.
	s = strings.TrimSpace(width.Narrow.String(s))
	s = strings.ReplaceAll(s, "\u2212", "-") // the typographic minus sign
	if isMissingMarker(s) {
		return math.NaN(), true, nil
	}
	mult := 1.0
	switch {
	case strings.HasSuffix(s, "%"):
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	case strings.HasSuffix(s, "万亿"):
		s, mult = strings.TrimSpace(strings.TrimSuffix(s, "万亿")), 1e12
	case strings.HasSuffix(s, "亿"):
		s, mult = strings.TrimSpace(strings.TrimSuffix(s, "亿")), 1e8
	case strings.HasSuffix(s, "万"):
		s, mult = strings.TrimSpace(strings.TrimSuffix(s, "万")), 1e4
	}
	digits, ok := scanDecimal(s)
	if !ok {
		if _, ok := scanDecimal(strings.ReplaceAll(s, ",", "")); ok && strings.Contains(s, ",") {
			return 0, false, fmt.Errorf("%s has misplaced thousands separators (groups of three digits, e.g. 1,234,567.5)", quoteCell(orig))
		}
		return 0, false, fmt.Errorf("%s is not a number", quoteCell(orig))
	}
	v, err = strconv.ParseFloat(digits, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) && math.Abs(v) < 1 {
			// Underflow: a value too small to represent is zero for any index.
			return math.Copysign(0, v), false, nil
		}
		return 0, false, fmt.Errorf("%s is out of range", quoteCell(orig))
	}
	v *= mult
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false, fmt.Errorf("%s is out of range", quoteCell(orig))
	}
	return v, false, nil
}

// isMissingMarker reports whether s (trimmed, narrowed) marks a missing value.
func isMissingMarker(s string) bool {
	switch s {
	case "", "-", "—", "–", "..":
		return true
	}
	return strings.EqualFold(s, "NA") || strings.EqualFold(s, "N/A")
}

// scanDecimal checks s against [+-]? int (. digits)? ([eE] [+-]? digits)?
// where int is plain digits or digits grouped by commas in threes, and
// returns it without commas and the leading +. strconv.ParseFloat alone
// would also take "NaN", "Inf", hex and underscores, which are not values a
// data table should hold.
func scanDecimal(s string) (digits string, ok bool) {
	var b strings.Builder
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		if s[i] == '-' {
			b.WriteByte('-')
		}
		i++
	}
	// Integer part, with or without valid thousands groups.
	intDigits, group, commas := 0, 0, 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			b.WriteByte(c)
			intDigits++
			group++
			continue
		}
		if c == ',' {
			// The first group has 1–3 digits, every later one exactly 3.
			if group == 0 || (commas == 0 && group > 3) || (commas > 0 && group != 3) {
				return "", false
			}
			commas++
			group = 0
			continue
		}
		break
	}
	if commas > 0 && group != 3 {
		return "", false
	}
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		b.WriteByte('.')
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			b.WriteByte(s[i])
			fracDigits++
		}
	}
	if intDigits+fracDigits == 0 {
		return "", false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		b.WriteByte('e')
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			b.WriteByte(s[i])
			i++
		}
		expDigits := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			b.WriteByte(s[i])
			expDigits++
		}
		if expDigits == 0 {
			return "", false
		}
	}
	if i != len(s) {
		return "", false
	}
	return b.String(), true
}

// quoteCell quotes a cell for a message, shortened so that a runaway cell
// (a whole paragraph pasted into a value column) does not flood the output.
func quoteCell(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		return strconv.Quote(string(r[:max])) + "…"
	}
	return strconv.Quote(s)
}

// nonFinite reports whether a cell spells a value that is not a finite
// number: NaN, Inf or Infinity (any case, with a sign or not) or a number
// too large for a float64 (1e400). Such a cell is refused wherever it
// stands, even in a column of text.
func nonFinite(s string) bool {
	t := strings.TrimSpace(width.Narrow.String(s))
	t = strings.TrimLeft(strings.ReplaceAll(t, "\u2212", "-"), "+-")
	switch strings.ToLower(t) {
	case "nan", "inf", "infinity":
		return true
	}
	digits, ok := scanDecimal(t)
	if !ok {
		return false
	}
	v, err := strconv.ParseFloat(digits, 64)
	return errors.Is(err, strconv.ErrRange) && math.IsInf(v, 0)
}
