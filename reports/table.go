package reports

import (
	"io"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"

	"github.com/govindex/govindex/scoring"
)

// width measures display cells: CJK wide characters count 2, and East Asian
// ambiguous ones (★ ☆ —) count 1 whatever the user's locale settings, so
// the table is the same on every machine.
var width = &runewidth.Condition{EastAsianWidth: false}

// columnGap separates table columns.
const columnGap = "  "

// WriteTable writes the ranking as a terminal table aligned by display
// width: a title line, a header, a rule, one row per region in the order of
// r.Regions, and a note for every unrated region.
func WriteTable(w io.Writer, r *scoring.Result, o Options) error {
	if err := check(r); err != nil {
		return err
	}
	lang := o.lang()
	header, rows, notes := layoutRows(r, lang)
	withClass := hasLabels(r.Def)
	right := rightAligned(withClass, len(header.dims))

	grid := [][]string{header.cells(withClass)}
	for _, row := range rows {
		grid = append(grid, row.cells(withClass))
	}
	grid, right, notes = withChanges(r, lang, grid, right, notes)
	for _, line := range grid {
		for i, c := range line {
			line[i] = oneLine(c)
		}
	}
	widths := make([]int, len(right))
	for _, line := range grid {
		for i, c := range line {
			widths[i] = max(widths[i], width.StringWidth(c))
		}
	}
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}

	var b strings.Builder
	b.WriteString(oneLine(title(r, lang)))
	b.WriteString("\n\n")
	writeLine := func(line []string) { b.WriteString(alignedLine(line, widths, right)) }
	writeLine(grid[0])
	writeLine(rule)
	for _, line := range grid[1:] {
		writeLine(line)
	}
	if len(notes) > 0 {
		b.WriteByte('\n')
		for _, n := range notes {
			b.WriteString(oneLine(n))
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine replaces control characters (line breaks, tabs, escape
// sequences) with spaces so text from data files can neither break the
// layout nor drive the terminal.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// alignedLine lays out one row of a terminal table: cells padded to their
// column's display width (right-aligned where right[i]), separated by
// columnGap, with no trailing spaces, ending in a newline.
func alignedLine(line []string, widths []int, right []bool) string {
	var lb strings.Builder
	for i, c := range line {
		if i > 0 {
			lb.WriteString(columnGap)
		}
		pad := strings.Repeat(" ", max(widths[i]-width.StringWidth(c), 0))
		if right[i] {
			lb.WriteString(pad + c)
		} else {
			lb.WriteString(c + pad)
		}
	}
	return strings.TrimRight(lb.String(), " ") + "\n"
}
