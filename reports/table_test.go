package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

// span is a column's display cells [from, to).
type span struct{ from, to int }

// ruleSpans reads the column spans off the rule line (runs of '-').
func ruleSpans(rule string) []span {
	var out []span
	start := -1
	for i := 0; i <= len(rule); i++ {
		dash := i < len(rule) && rule[i] == '-'
		switch {
		case dash && start < 0:
			start = i
		case !dash && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	return out
}

// splitByWidth cuts line into the cells of spans by display offset
// (measured independently of the renderer, with East Asian ambiguous
// characters as one cell), failing when text falls between columns or a
// character straddles a column edge. Cells keep their padding.
func splitByWidth(t *testing.T, line string, spans []span) []string {
	t.Helper()
	cond := &runewidth.Condition{EastAsianWidth: false}
	cells := make([]strings.Builder, len(spans))
	pos := 0
	for _, r := range line {
		w := cond.RuneWidth(r)
		col := -1
		for i, s := range spans {
			if pos >= s.from && pos < s.to {
				col = i
				require.LessOrEqual(t, pos+w, s.to, "%q straddles the edge of column %d in %q", r, i, line)
			}
		}
		if col < 0 {
			require.Equal(t, ' ', r, "text between columns at offset %d in %q", pos, line)
		} else {
			cells[col].WriteRune(r)
		}
		pos += w
	}
	out := make([]string, len(spans))
	for i := range cells {
		s := cells[i].String()
		// Trailing spaces are trimmed from lines: pad the last cells back.
		out[i] = s + strings.Repeat(" ", spans[i].to-spans[i].from-cond.StringWidth(s))
	}
	return out
}

func TestTableAlignsByDisplayWidth(t *testing.T) {
	tests := []struct {
		lang   string
		result func() *scoring.Result
		header []string
		rows   [][]string
		right  []bool
		notes  []string
	}{
		{
			lang:   "zh",
			result: testResult,
			header: []string{"排名", "地区", "代码", "得分", "星级", "政策颁布", "政府数据融合共享程度"},
			rows: [][]string{
				{"1", "贵州省", "520000", "91.67", "★★★★★", "100.00", "87.50"},
				{"2", "Hong Kong", "810000", "66.67", "★★★★☆", "0.00", "100.00"},
				{"3", "北京市", "110000", "16.67", "★☆☆☆☆", "50.00", "0.00"},
				{"—", "西藏自治区", "540000", "—", "—", "—", "—"},
			},
			right: []bool{true, false, false, true, false, true, true},
			notes: []string{"注：西藏自治区（540000）未评级：数据覆盖率 33% 低于最低要求 50%"},
		},
		{
			lang:   "en",
			result: testResult,
			header: []string{"Rank", "Region", "Code", "Score", "Stars", "Policy", "政府数据融合共享程度"},
			rows: [][]string{
				{"1", "Guizhou", "520000", "91.67", "★★★★★", "100.00", "87.50"},
				{"2", "Hong Kong", "810000", "66.67", "★★★★☆", "0.00", "100.00"},
				{"3", "Beijing", "110000", "16.67", "★☆☆☆☆", "50.00", "0.00"},
				{"—", "Tibet", "540000", "—", "—", "—", "—"},
			},
			right: []bool{true, false, false, true, false, true, true},
			notes: []string{"Note: Tibet (540000) not rated: 数据覆盖率 33% 低于最低要求 50%"},
		},
		{
			lang:   "zh",
			result: testResultLabels,
			header: []string{"排名", "地区", "代码", "得分", "星级", "等级", "政策颁布", "政府数据融合共享程度"},
			rows: [][]string{
				{"1", "贵州省", "520000", "91.67", "★★★★★", "五星", "100.00", "87.50"},
				{"2", "Hong Kong", "810000", "66.67", "★★★★☆", "四星", "0.00", "100.00"},
				{"3", "北京市", "110000", "16.67", "★☆☆☆☆", "一星", "50.00", "0.00"},
				{"—", "西藏自治区", "540000", "—", "—", "", "—", "—"},
			},
			right: []bool{true, false, false, true, false, false, true, true},
			notes: []string{"注：西藏自治区（540000）未评级：数据覆盖率 33% 低于最低要求 50%"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+strings.Join(tc.header[:6], ","), func(t *testing.T) {
			out := string(render(t, func(w *bytes.Buffer) error { return WriteTable(w, tc.result(), Options{Lang: tc.lang}) }))
			require.True(t, strings.HasSuffix(out, "\n"))
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			for _, l := range lines {
				assert.Equal(t, strings.TrimRight(l, " "), l, "no trailing spaces")
			}
			// title, blank, header, rule, rows…, blank, notes…
			require.Len(t, lines, 4+len(tc.rows)+1+len(tc.notes))
			assert.Equal(t, title(tc.result(), tc.lang), lines[0])
			assert.Empty(t, lines[1])
			spans := ruleSpans(lines[3])
			require.Len(t, spans, len(tc.header), "one rule run per column")
			for i := 1; i < len(spans); i++ {
				assert.Equal(t, 2, spans[i].from-spans[i-1].to, "two-cell gap between columns")
			}
			check := func(line string, want []string) {
				cells := splitByWidth(t, line, spans)
				for i, c := range cells {
					assert.Equal(t, want[i], strings.TrimSpace(c), "column %d of %q", i, line)
					if want[i] == "" {
						continue
					}
					if tc.right[i] {
						assert.False(t, strings.HasSuffix(c, " "), "column %d right-aligned in %q", i, line)
					} else {
						assert.False(t, strings.HasPrefix(c, " "), "column %d left-aligned in %q", i, line)
					}
				}
			}
			check(lines[2], tc.header)
			for i, row := range tc.rows {
				check(lines[4+i], row)
			}
			assert.Empty(t, lines[4+len(tc.rows)])
			assert.Equal(t, tc.notes, lines[5+len(tc.rows):])

			// The score column ends at the same display offset on every row,
			// and starts where the rule says on every row.
			cond := &runewidth.Condition{EastAsianWidth: false}
			scoreHeader := tc.header[3]
			idx := strings.Index(lines[2], scoreHeader)
			require.GreaterOrEqual(t, idx, 0)
			end := cond.StringWidth(lines[2][:idx]) + cond.StringWidth(scoreHeader)
			assert.Equal(t, spans[3].to, end, "score header ends at the column edge")
			for i, row := range tc.rows {
				line := lines[4+i]
				// The score is the first text after the code.
				afterCode := strings.Index(line, row[2]) + len(row[2])
				require.GreaterOrEqual(t, afterCode, len(row[2]), "code %q in %q", row[2], line)
				j := afterCode + strings.Index(line[afterCode:], row[3])
				assert.Equal(t, spans[3].to, cond.StringWidth(line[:j])+cond.StringWidth(row[3]), "score ends at the column edge in %q", line)
				assert.Equal(t, spans[3].from, cond.StringWidth(line[:afterCode])+2, "score column starts at the same offset in %q", line)
			}
		})
	}
}

func TestTableNeutralisesControlCharacters(t *testing.T) {
	r := testResult()
	r.Regions[0].Region.Name = "贵州\n省\x1b[31m"
	out := string(render(t, func(w *bytes.Buffer) error { return WriteTable(w, r, Options{}) }))
	assert.NotContains(t, out, "\x1b")
	assert.Contains(t, out, "贵州 省 [31m")
	assert.Len(t, strings.Split(strings.TrimSuffix(out, "\n"), "\n"), 4+4+1+1, "line count unchanged")
}

func TestTableMissingDimensionScore(t *testing.T) {
	r := testResult()
	r.Regions[1].Dimensions[0].Missing = true
	r.Regions[1].Dimensions[1].Score = nan
	out := string(render(t, func(w *bytes.Buffer) error { return WriteTable(w, r, Options{}) }))
	lines := strings.Split(out, "\n")
	spans := ruleSpans(lines[3])
	cells := splitByWidth(t, lines[5], spans)
	assert.Equal(t, "Hong Kong", strings.TrimSpace(cells[1]))
	assert.Equal(t, "—", strings.TrimSpace(cells[5]))
	assert.Equal(t, "—", strings.TrimSpace(cells[6]))
}

func TestTableRoundingAndClasses(t *testing.T) {
	r := testResult()
	zero := 0
	r.Def.Scoring.Round = &zero
	r.Def.Stars.Thresholds = []float64{50} // two classes
	r.Regions[0].Stars, r.Regions[1].Stars, r.Regions[2].Stars = 2, 2, 1
	out := string(render(t, func(w *bytes.Buffer) error { return WriteTable(w, r, Options{}) }))
	lines := strings.Split(out, "\n")
	cells := splitByWidth(t, lines[4], ruleSpans(lines[3]))
	assert.Equal(t, "92", strings.TrimSpace(cells[3]))
	assert.Equal(t, "★★", strings.TrimSpace(cells[4]), "two classes: two glyphs")
	cells = splitByWidth(t, lines[6], ruleSpans(lines[3]))
	assert.Equal(t, "★☆", strings.TrimSpace(cells[4]))
}
