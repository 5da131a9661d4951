package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

// testSeries builds a three-year series by hand around testResult (2017):
//
//	2015: 贵州省 75 (1, ★4), Hong Kong 60 (2, ★4), 北京市 30 (3, ★2)
//	2016: Hong Kong 88.5 (1, ★5), 贵州省 78 (2, ★4); 北京市 not rated
//	2017: 贵州省 91.67 (1, ★5), Hong Kong 66.67 (2, ★4), 北京市 16.67 (3, ★1)
//
// 西藏自治区 is never rated. So in 2017 贵州省 rose a place and a star,
// Hong Kong fell a place and a star, and 北京市 is rated again after a
// year without a rating. It returns the results of 2015, 2016 and 2017.
func testSeries(comparable string) []*scoring.Result {
	type rating struct {
		code  string
		score float64
		rank  int
		stars int
	}
	year := func(y int, rated ...rating) *scoring.Result {
		r := testResult()
		r.Year = y
		by := map[string]*scoring.RegionResult{}
		for _, rr := range r.Regions {
			by[rr.Region.Code] = rr
			rr.Rated, rr.Rank, rr.Score, rr.Stars = false, 0, nan, 0
			rr.Reason = "数据覆盖率 33% 低于最低要求 50%"
		}
		var order []*scoring.RegionResult
		for _, x := range rated {
			rr := by[x.code]
			rr.Rated, rr.Reason, rr.Score, rr.Rank, rr.Stars = true, "", x.score, x.rank, x.stars
			for _, d := range rr.Dimensions {
				d.Score, d.Missing = x.score, false
			}
			order = append(order, rr)
			delete(by, x.code)
		}
		for _, rr := range r.Regions {
			if _, left := by[rr.Region.Code]; left {
				order = append(order, rr)
			}
		}
		r.Regions = order
		return r
	}
	last := testResult()
	results := []*scoring.Result{
		year(2015, rating{"520000", 75, 1, 4}, rating{"810000", 60, 2, 4}, rating{"110000", 30, 3, 2}),
		year(2016, rating{"810000", 88.5, 1, 5}, rating{"520000", 78, 2, 4}),
		last,
	}
	s := &scoring.Series{Years: []int{2015, 2016, 2017}, Results: results, Comparable: comparable}
	for _, r := range results {
		r.Series = s
	}
	return results
}

// testSeriesResult is the 2017 result of testSeries.
func testSeriesResult(comparable string) func() *scoring.Result {
	return func() *scoring.Result { return testSeries(comparable)[2] }
}

func TestSeriesGolden(t *testing.T) {
	tests := []struct {
		golden string
		format string
		lang   string
		result func() *scoring.Result
	}{
		{"series_table_zh.txt", "table", "zh", testSeriesResult("pooled")},
		{"series_table_en.txt", "table", "en", testSeriesResult("pooled")},
		{"series_separate_zh.md", "md", "zh", testSeriesResult("separate")},
		{"series_separate_en.md", "md", "en", testSeriesResult("separate")},
		{"series_zh.csv", "csv", "zh", testSeriesResult("pooled")},
		{"series.json", "json", "zh", testSeriesResult("pooled")},
		{"series.json", "json", "en", testSeriesResult("pooled")},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%s", tc.golden, tc.lang), func(t *testing.T) {
			o := Options{Lang: tc.lang, Engine: testEngine}
			got := render(t, func(w *bytes.Buffer) error { return Write(w, tc.format, tc.result(), o) })
			golden(t, tc.golden, got)
			again := render(t, func(w *bytes.Buffer) error { return Write(w, tc.format, tc.result(), o) })
			assert.Equal(t, got, again)
		})
	}
}

func TestSeriesTableCells(t *testing.T) {
	out := string(render(t, func(w *bytes.Buffer) error { return WriteTable(w, testSeriesResult("pooled")(), Options{}) }))
	lines := strings.Split(out, "\n")
	require.GreaterOrEqual(t, len(lines), 8)
	assert.Contains(t, lines[2], "较 2016 年  名次变化  星级变化")
	row := func(name string) string {
		for _, l := range lines {
			if strings.Contains(l, name) {
				return l
			}
		}
		t.Fatalf("no row for %s", name)
		return ""
	}
	assert.Regexp(t, `\+13\.67 +↑1 +\+1★$`, row("贵州省"))
	assert.Regexp(t, `−21\.83 +↓1 +−1★$`, row("Hong Kong"))
	assert.Regexp(t, `— +新 +—$`, row("北京市"))
	assert.Regexp(t, `— +— +—$`, row("西藏自治区"))
	assert.Contains(t, out, "各年指标按 2015–2017 年全部数值统一标准化，分数可跨年比较。")

	// Columns line up by display width.
	w := width.StringWidth(row("贵州省"))
	for _, name := range []string{"Hong Kong", "北京市"} {
		assert.Equal(t, w, width.StringWidth(row(name)), name)
	}
}

func TestSeriesComparability(t *testing.T) {
	tests := []struct {
		comparable, lang, want string
	}{
		{"pooled", "zh", "各年指标按 2015–2017 年全部数值统一标准化，分数可跨年比较。"},
		{"pooled", "en", "Scores comparable across years: each indicator normalised over the values of 2015–2017 together."},
		{"goalposts", "zh", "各项指标按固定的上下限（goalposts）标准化，分数可跨年比较。"},
		{"goalposts", "en", "Scores comparable across years: each indicator normalised between fixed goalposts."},
		{"separate", "zh", `各年分别标准化：分数反映的是当年的相对位置，跨年变化只是相对变化；如需可跨年比较的分数，请设置 [scoring] comparable = "pooled"。`},
		{"separate", "en", `Each year normalised on its own: scores show positions within the year, changes are relative; set [scoring] comparable = "pooled" for comparable scores.`},
		{"", "en", `Each year normalised on its own: scores show positions within the year, changes are relative; set [scoring] comparable = "pooled" for comparable scores.`},
	}
	for _, tc := range tests {
		t.Run(tc.comparable+"/"+tc.lang, func(t *testing.T) {
			r := testSeriesResult(tc.comparable)()
			assert.Equal(t, tc.want, comparabilityText(r, tc.lang))
			out := render(t, func(w *bytes.Buffer) error { return WriteTable(w, r, Options{Lang: tc.lang}) })
			assert.Contains(t, string(out), tc.want)
		})
	}
	assert.Empty(t, comparabilityText(testResult(), "zh"), "no series, nothing to say")
}

// The first year of a series has no previous year: no change columns, but
// the comparability line and the years in the JSON.
func TestSeriesFirstYear(t *testing.T) {
	first := testSeries("pooled")[0]
	out := string(render(t, func(w *bytes.Buffer) error { return WriteTable(w, first, Options{}) }))
	assert.NotContains(t, out, "较 ")
	assert.NotContains(t, out, "名次变化")
	assert.Contains(t, out, "分数可跨年比较")

	_, doc := decodeJSON(t, first, Options{})
	assert.Equal(t, map[string]any{"rated": []any{2015.0, 2016.0, 2017.0}, "comparable": "pooled"}, doc["years"])
	for _, reg := range doc["regions"].([]any) {
		assert.NotContains(t, reg, "change")
		assert.NotContains(t, reg, "trend")
	}
	csv := string(render(t, func(w *bytes.Buffer) error { return WriteCSV(w, first, Options{}) }))
	assert.Contains(t, strings.SplitN(csv, "\n", 2)[0], ",reason,change_from,change_score,change_rank,change_stars,trend_slope,trend_cagr")
}

func TestSeriesJSON(t *testing.T) {
	out, doc := decodeJSON(t, testSeriesResult("pooled")(), Options{Engine: testEngine})
	assert.Equal(t, []string{"index", "method", "years", "regions", "weights"}, topKeys(t, out))
	assert.Equal(t, map[string]any{"rated": []any{2015.0, 2016.0, 2017.0}, "comparable": "pooled"}, doc["years"])
	regions := doc["regions"].([]any)
	gz := regions[0].(map[string]any)
	assert.Equal(t, map[string]any{"from": 2016.0, "score": 13.67, "rank": 1.0, "stars": 1.0}, gz["change"])
	assert.Equal(t, map[string]any{"from": 2015.0, "to": 2017.0, "slope": 8.34, "cagr": 0.1056}, gz["trend"])
	hk := regions[1].(map[string]any)
	assert.Equal(t, map[string]any{"from": 2016.0, "score": -21.83, "rank": -1.0, "stars": -1.0}, hk["change"])
	bj := regions[2].(map[string]any)
	assert.NotContains(t, bj, "change", "not rated last year")
	assert.NotContains(t, bj, "trend", "rated in two years only: one step is no trend")
	tb := regions[3].(map[string]any)
	assert.NotContains(t, tb, "change")
	assert.NotContains(t, tb, "trend")

	// A non-positive first score: no CAGR.
	rs := testSeries("separate")
	rs[0].Regions[0].Score = 0
	_, doc = decodeJSON(t, rs[2], Options{})
	assert.Equal(t, map[string]any{"from": 2015.0, "to": 2017.0, "slope": 45.84}, doc["regions"].([]any)[0].(map[string]any)["trend"])

	// Single-year results keep the contract as it was.
	_, single := decodeJSON(t, testResult(), Options{})
	assert.NotContains(t, single, "years")
}

// topKeys lists the top-level keys of a JSON object in document order.
func topKeys(t *testing.T, doc []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	_, err := dec.Token()
	require.NoError(t, err)
	var out []string
	for dec.More() {
		k, err := dec.Token()
		require.NoError(t, err)
		out = append(out, k.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	return out
}

func TestSeriesFormatting(t *testing.T) {
	assert.Equal(t, "+3.2", signed(3.2, 1))
	assert.Equal(t, "−1.0", signed(-1, 1))
	assert.Equal(t, "0.0", signed(-0.04, 1))
	assert.Equal(t, "0.00", signed(0, 2))
	assert.Equal(t, "", signed(nan, 1))
	assert.Equal(t, "+5.2%", signedPct(0.0523, 1))
	assert.Equal(t, "↑2", rankArrow(2, "zh"))
	assert.Equal(t, "↓1", rankArrow(-1, "en"))
	assert.Equal(t, "–", rankArrow(0, "zh"))
	assert.Equal(t, "+1★", starDelta(1, "zh"))
	assert.Equal(t, "−2★", starDelta(-2, "en"))
	assert.Equal(t, "–", starDelta(0, "en"))
	assert.Equal(t, "2015–2017", yearSpan([]int{2015, 2016, 2017}, "zh"))
	assert.Equal(t, "2015、2017", yearSpan([]int{2015, 2017}, "zh"))
	assert.Equal(t, "2015, 2017", yearSpan([]int{2015, 2017}, "en"))
	assert.Equal(t, "2017", yearSpan([]int{2017}, "en"))
}

func TestPanelGolden(t *testing.T) {
	tests := []struct {
		golden, format, lang string
	}{
		{"panel_zh.txt", "table", "zh"},
		{"panel_en.txt", "table", "en"},
		{"panel_zh.md", "md", "zh"},
		{"panel_en.csv", "csv", "en"},
		{"panel.json", "json", "zh"},
		{"panel.json", "json", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.golden+"/"+tc.lang, func(t *testing.T) {
			o := Options{Lang: tc.lang, Engine: testEngine}
			s := testSeriesResult("pooled")().Series
			got := render(t, func(w *bytes.Buffer) error { return WritePanel(w, tc.format, s, o) })
			golden(t, tc.golden, got)
		})
	}
}

func TestPanelJSON(t *testing.T) {
	s := testSeriesResult("separate")().Series
	out := render(t, func(w *bytes.Buffer) error { return WritePanel(w, "json", s, Options{}) })
	assert.Equal(t, []string{"index", "years", "regions"}, topKeys(t, out))
	var doc JSONPanel
	require.NoError(t, json.Unmarshal(out, &doc))
	assert.Equal(t, 2017, doc.Index.Year)
	assert.Equal(t, JSONYears{Rated: []int{2015, 2016, 2017}, Comparable: "separate"}, doc.Years)
	require.Len(t, doc.Regions, 4)
	bj := doc.Regions[2]
	assert.Equal(t, "110000", bj.Code)
	require.Len(t, bj.Years, 3)
	assert.Equal(t, JSONPanelYear{Year: 2016}, bj.Years[1], "not rated: nothing but the year")
	assert.True(t, bj.Years[2].Rated)
	assert.Equal(t, 3, *bj.Years[2].Rank)
	assert.Nil(t, doc.Regions[3].Trend, "never rated: no trend")
}

func TestPanelErrors(t *testing.T) {
	var buf bytes.Buffer
	assert.ErrorIs(t, WritePanel(&buf, "table", nil, Options{}), errNoSeries)
	assert.ErrorIs(t, WritePanel(&buf, "table", &scoring.Series{}, Options{}), errNoSeries)
	assert.Nil(t, JSONPanelResult(nil, Options{}))
	err := WritePanel(&buf, "xlsx", testSeriesResult("pooled")().Series, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "table, csv, json, md")
	assert.Zero(t, buf.Len())
}

// The hand-written JSON of multi-year documents is byte for byte what
// encoding/json writes.
func TestSeriesJSONMatchesEncodingJSON(t *testing.T) {
	f := JSONFloat(-0.5)
	docs := map[string]any{
		"pooled":   JSONResult(testSeriesResult("pooled")(), Options{}),
		"first":    JSONResult(testSeries("separate")[0], Options{}),
		"nil-list": &JSONDoc{Years: &JSONYears{}},
		"odd": &JSONDoc{Years: &JSONYears{Rated: []int{}, Comparable: "<&>"}, Regions: []JSONRegion{
			{Code: "1", Change: &JSONChange{From: 1, Score: JSONFloat(nan), Rank: -2}, Trend: &JSONTrend{Slope: 1e-9}},
			{Code: "2", Trend: &JSONTrend{From: 2015, To: 2016, CAGR: &f}},
		}},
		"robust": &JSONRobust{Years: &JSONYears{Rated: []int{2016, 2017}, Comparable: "pooled"},
			Regions: []JSONRobustRegion{{JSONRegion: JSONRegion{Code: "1", Change: &JSONChange{}, Trend: &JSONTrend{}}}}},
	}
	for name, doc := range docs {
		var got, want bytes.Buffer
		require.NoError(t, EncodeJSON(&got, doc), name)
		require.NoError(t, encodeJSONReflect(&want, doc), name)
		assert.Equal(t, want.String(), got.String(), name)
	}
}

func TestCompareSeries(t *testing.T) {
	tests := []struct {
		golden, format, lang string
		codes                []string
	}{
		{"compare_series_zh.txt", "table", "zh", []string{"520000", "810000", "110000"}},
		{"compare_series_en.md", "md", "en", []string{"520000", "110000"}},
		{"compare_series_zh.csv", "csv", "zh", []string{"520000", "110000"}},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			o := Options{Lang: tc.lang, Engine: testEngine}
			got := render(t, func(w *bytes.Buffer) error {
				return WriteCompare(w, tc.format, testSeriesResult("pooled")(), tc.codes, o)
			})
			golden(t, tc.golden, got)
		})
	}
	out := render(t, func(w *bytes.Buffer) error {
		return WriteCompare(w, "json", testSeriesResult("pooled")(), []string{"520000", "110000"}, Options{})
	})
	var doc CompareJSONDoc
	require.NoError(t, json.Unmarshal(out, &doc))
	assert.Equal(t, &JSONChange{From: 2016, Score: 13.67, Rank: 1, Stars: 1}, doc.Regions[0].Change)
	assert.Nil(t, doc.Regions[1].Change, "not rated in 2016")

	single := render(t, func(w *bytes.Buffer) error {
		return WriteCompare(w, "table", testResult(), []string{"520000", "110000"}, Options{})
	})
	assert.NotContains(t, string(single), "较 ")
}

func TestXLSXYears(t *testing.T) {
	f, _ := scOpenXLSX(t, Options{}, testSeriesResult("pooled"))
	require.Equal(t, []string{"结果", "维度", "指标", "权重", "历年"}, f.GetSheetList())
	assert.Equal(t, []string{"代码", "地区", "年份", "得分", "排名", "星级", "较上年得分变化", "名次变化（正为上升）", "星级变化"}, scRow(t, f, "历年", 1))
	assert.Equal(t, []string{"520000", "贵州省", "2015", "75", "1", "4"}, scRow(t, f, "历年", 2))
	assert.Equal(t, []string{"520000", "贵州省", "2017", "91.67", "1", "5", "13.67", "1", "1"}, scRow(t, f, "历年", 4))
	assert.Equal(t, []string{"110000", "北京市", "2016"}, scRow(t, f, "历年", 9), "not rated: no values")
	assert.Equal(t, 2017.0, scNumber(t, f, "历年", "C4"))

	en, _ := scOpenXLSX(t, Options{Lang: "en"}, testSeriesResult("pooled"))
	require.Equal(t, []string{"Results", "Dimensions", "Indicators", "Weights", "Years"}, en.GetSheetList())

	single, _ := scOpenXLSX(t, Options{}, testResult)
	require.Equal(t, XLSXSheets("zh"), single.GetSheetList(), "a single year: no years sheet")
}
