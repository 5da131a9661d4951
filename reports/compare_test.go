package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

// cmWrite renders a comparison of testResult-like results in one format.
func cmWrite(t *testing.T, r *scoring.Result, format, lang string, codes ...string) []byte {
	t.Helper()
	return render(t, func(w *bytes.Buffer) error {
		return WriteCompare(w, format, r, codes, Options{Lang: lang, Engine: testEngine})
	})
}

// cmImputed is testResult with Hong Kong's platforms value imputed.
func cmImputed() *scoring.Result {
	r := testResult()
	s := indicatorScore(r.Regions[1], "platforms")
	s.Raw, s.Imputed = nan, true
	return r
}

func TestCompareGolden(t *testing.T) {
	pair := []string{"520000", "110000"} // 贵州省, 北京市 (北京市 lacks catalog_datasets)
	three := []string{"110000", "520000", "810000"}
	tests := []struct {
		golden string
		format string
		lang   string
		result func() *scoring.Result
		codes  []string
	}{
		{"compare_pair_zh.txt", "table", "zh", testResult, pair},
		{"compare_pair_en.txt", "table", "en", testResult, pair},
		{"compare_pair_zh.md", "md", "zh", testResult, pair},
		{"compare_pair_en.md", "md", "en", testResult, pair},
		{"compare_pair.json", "json", "zh", testResult, pair},
		{"compare_pair.json", "json", "en", testResult, pair}, // JSON does not depend on the language
		{"compare_pair_zh.csv", "csv", "zh", testResult, pair},
		{"compare_three_zh.txt", "table", "zh", testResult, three},
		{"compare_three_en.txt", "table", "en", testResult, three},
		{"compare_three_en.md", "md", "en", testResult, three},
		{"compare_three.json", "json", "zh", testResult, three},
		{"compare_three_en.csv", "csv", "en", testResult, three},
		{"compare_labels_zh.txt", "table", "zh", testResultLabels, pair},
		{"compare_imputed_en.txt", "table", "en", cmImputed, []string{"810000", "520000"}},
	}
	for _, tc := range tests {
		t.Run(tc.golden+"/"+tc.lang, func(t *testing.T) {
			got := cmWrite(t, tc.result(), tc.format, tc.lang, tc.codes...)
			golden(t, tc.golden, got)
			// Same input, same output, byte for byte.
			assert.Equal(t, got, cmWrite(t, tc.result(), tc.format, tc.lang, tc.codes...))
		})
	}
}

func TestCompareData(t *testing.T) {
	d, err := NewCompareData(testResult(), []string{"520000", "110000"})
	require.NoError(t, err)
	assert.Equal(t, GapDifference, d.GapMethod)
	assert.Equal(t, 3, d.Rated)
	require.Len(t, d.Regions, 2)
	assert.Equal(t, "520000", d.Regions[0].Region.Code, "the order asked is kept")

	// B − A on every row.
	require.Len(t, d.Index.Gaps, 1)
	assert.InDelta(t, 16.67-91.67, d.Index.Gaps[0].Value, 1e-9)
	assert.Equal(t, -75.0, d.Index.Gaps[0].Value, "score gaps are rounded to [scoring] round")
	require.Len(t, d.Dimensions, 2)
	assert.Equal(t, -50.0, d.Dimensions[0].Gaps[0].Value)
	assert.Equal(t, -87.5, d.Dimensions[1].Gaps[0].Value)

	// Indicators: ranks among all rated regions, raw and normalised gaps.
	require.Len(t, d.Indicators, 3)
	docs := d.Indicators[0]
	assert.Equal(t, "policy_docs", docs.Indicator.ID)
	assert.Equal(t, []int{1, 2}, []int{docs.Cells[0].Rank, docs.Cells[1].Rank})
	assert.Equal(t, -1.0, docs.Gaps[0].Raw)
	assert.Equal(t, -50.0, docs.Gaps[0].Value)
	assert.Equal(t, 75.0, docs.Mean)
	assert.Equal(t, 25.0, docs.Cells[0].VsMean)
	platforms := d.Indicators[1]
	assert.Equal(t, []int{1, 3}, []int{platforms.Cells[0].Rank, platforms.Cells[1].Rank}, "Hong Kong ties Guizhou at 1; Beijing is 3rd (competition)")
	cat := d.Indicators[2]
	assert.True(t, math.IsNaN(cat.Gaps[0].Value), "a gap with a missing value is missing")
	assert.True(t, math.IsNaN(cat.Mean), "one value has no mean to compare with")
	assert.Zero(t, cat.Cells[1].Rank)

	// Strengths and weaknesses mirror each other for two regions.
	ids := func(hs []CompareHighlight) []string {
		var out []string
		for _, h := range hs {
			out = append(out, h.Indicator.ID)
		}
		return out
	}
	assert.Equal(t, []string{"platforms", "policy_docs"}, ids(d.Strengths[0]), "largest difference first")
	assert.Empty(t, d.Weaknesses[0])
	assert.Empty(t, d.Strengths[1])
	assert.Equal(t, []string{"platforms", "policy_docs"}, ids(d.Weaknesses[1]))

	// Three regions: gaps to the best.
	d, err = NewCompareData(testResult(), []string{"110000", "520000", "810000"})
	require.NoError(t, err)
	assert.Equal(t, GapToBest, d.GapMethod)
	require.Len(t, d.Index.Gaps, 3)
	assert.Equal(t, []float64{-75, 0, -25}, []float64{d.Index.Gaps[0].Value, d.Index.Gaps[1].Value, d.Index.Gaps[2].Value})
	assert.Equal(t, 1, d.Index.Gaps[0].Best, "贵州省 leads")
	sharing := d.Dimensions[1]
	assert.Equal(t, 2, sharing.Gaps[0].Best, "Hong Kong leads on sharing")
	assert.Equal(t, []float64{-100, -12.5, 0}, []float64{sharing.Gaps[0].Value, sharing.Gaps[1].Value, sharing.Gaps[2].Value})
	cat = d.Indicators[2]
	assert.True(t, math.IsNaN(cat.Gaps[0].Value))
	assert.Equal(t, -60.0, cat.Gaps[1].Raw, "raw gap to the leader's raw value")
	// Ties keep the indicators' order; at most three each.
	for k := range d.Regions {
		assert.LessOrEqual(t, len(d.Strengths[k]), 3)
		assert.LessOrEqual(t, len(d.Weaknesses[k]), 3)
	}
}

func TestCompareNoHighlights(t *testing.T) {
	// Two regions level on every indicator have neither strengths nor
	// weaknesses, and the renderers say so.
	r := testResult()
	for _, s := range r.Regions[1].Indicators {
		s.Normalised = indicatorScore(r.Regions[0], s.ID).Normalised
	}
	d, err := NewCompareData(r, []string{"520000", "810000"})
	require.NoError(t, err)
	assert.Empty(t, d.Strengths[0])
	assert.Empty(t, d.Weaknesses[1])
	zh := string(cmWrite(t, r, "table", "zh", "520000", "810000"))
	assert.Contains(t, zh, "  优势：无\n  短板：无\n")
	en := string(cmWrite(t, r, "md", "en", "520000", "810000"))
	assert.Contains(t, en, "Strengths: none; Weaknesses: none")
	var doc map[string]any
	require.NoError(t, json.Unmarshal(cmWrite(t, r, "json", "en", "520000", "810000"), &doc))
	reg := doc["regions"].([]any)[0].(map[string]any)
	assert.Equal(t, []any{}, reg["strengths"], "none is an empty list, not null")
}

func TestCompareErrors(t *testing.T) {
	r := testResult()
	for _, tc := range []struct {
		codes []string
		want  string
	}{
		{[]string{"520000"}, "at least two"},
		{nil, "at least two"},
		{[]string{"520000", "520000"}, "twice"},
		{[]string{"520000", "999999"}, "no region 999999"},
		{[]string{"520000", "540000"}, "not rated"},
	} {
		var buf bytes.Buffer
		err := WriteCompare(&buf, "table", r, tc.codes, Options{})
		require.Error(t, err, tc.codes)
		assert.Contains(t, err.Error(), tc.want)
		assert.Zero(t, buf.Len())
	}
	var buf bytes.Buffer
	err := WriteCompare(&buf, "xlsx", r, []string{"520000", "110000"}, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "table, csv, json, md")
	assert.ErrorIs(t, WriteCompare(&buf, "table", nil, []string{"a", "b"}, Options{}), errNoResult)
	for _, f := range CompareFormats() {
		assert.ErrorIs(t, WriteCompare(failWriter{}, f, r, []string{"520000", "110000"}, Options{}), io.ErrClosedPipe, f)
	}
}

// TestCompareTableAligned checks the terminal layout: no trailing spaces,
// and in every table the rule's columns start where the header's do.
func TestCompareTableAligned(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		out := string(cmWrite(t, testResult(), "table", lang, "520000", "810000", "110000"))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		for i, l := range lines {
			assert.Equal(t, strings.TrimRight(l, " "), l, "line %d has trailing spaces", i+1)
			if !strings.HasPrefix(l, "---") {
				continue
			}
			// No line of the table is wider than its rule.
			ruleWidth := width.StringWidth(l)
			for _, body := range lines[i+1:] {
				if body == "" {
					break
				}
				assert.LessOrEqual(t, width.StringWidth(body), ruleWidth, "%q is wider than its table", body)
			}
		}
	}
}

// TestCompareCSVShape checks the CSV is rectangular with a column per
// region and stable English ids in the header.
func TestCompareCSVShape(t *testing.T) {
	for _, codes := range [][]string{{"520000", "110000"}, {"520000", "110000", "810000"}} {
		recs, err := csv.NewReader(bytes.NewReader(cmWrite(t, testResult(), "csv", "zh", codes...))).ReadAll()
		require.NoError(t, err)
		head := recs[0]
		assert.Equal(t, []string{"kind", "id", "name", "measure", "unit"}, head[:5])
		assert.Equal(t, codes, head[5:5+len(codes)])
		// index: 3 rows, dimensions 2×3, indicators 3×3, strengths and weaknesses 2×3.
		assert.Len(t, recs, 1+3+6+9+6)
	}
}
