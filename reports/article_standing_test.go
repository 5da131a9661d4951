package reports

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// stResult builds a small result by hand for the wording rules: two
// dimensions, 甲维度 / Alpha (indicators a1, a2) and 乙维度 / Beta (b1, b2),
// and one rated region per row, 地区1 / R1 onwards. A row is the two
// dimension scores, optionally followed by the normalised values of a1, a2,
// b1 and b2 (each dimension's score when left out); NaN is no data. Ranks
// are competition ranks of the scores given; every value's source is its
// cell in data.csv.
func stResult(rows ...[]float64) *scoring.Result {
	def := &indicators.Definition{
		Index: indicators.IndexSpec{Name: "测试指数", NameEn: "Test Index", Year: 2017, Data: []string{"data.csv"}},
		Scoring: indicators.ScoringSpec{Impute: "none", Normalise: "minmax", Range: [2]float64{0, 100},
			Weights: "equal", Aggregate: "arithmetic", Ties: "competition"},
		Stars: indicators.StarsSpec{Method: "thresholds", Thresholds: []float64{20, 40, 60, 80}},
		Dimensions: []*indicators.Dimension{
			{ID: "d1", Name: "甲维度", NameEn: "Alpha", Weight: 1},
			{ID: "d2", Name: "乙维度", NameEn: "Beta", Weight: 1},
		},
		Indicators: []*indicators.Indicator{
			{ID: "a1", Dimension: "d1", Name: "指标甲一", NameEn: "A one", Direction: 1, Weight: 1},
			{ID: "a2", Dimension: "d1", Name: "指标甲二", NameEn: "A two", Direction: 1, Weight: 1},
			{ID: "b1", Dimension: "d2", Name: "指标乙一", NameEn: "B one", Direction: 1, Weight: 1},
			{ID: "b2", Dimension: "d2", Name: "指标乙二", NameEn: "B two", Direction: 1, Weight: 1},
		},
	}
	def.Reindex()
	rank := func(col int, v float64) int {
		n := 1
		for _, row := range rows {
			if row[col] > v {
				n++
			}
		}
		return n
	}
	stars := func(score float64) int {
		s := 1
		for _, t := range def.Stars.Thresholds {
			if score >= t {
				s++
			}
		}
		return s
	}
	res := &scoring.Result{Def: def, Year: 2017,
		Method: scoring.Method{Normalise: "minmax", Weights: "equal", Aggregate: "arithmetic", Stars: "thresholds"}}
	for i, row := range rows {
		vals := []float64{row[0], row[0], row[1], row[1]}
		if len(row) == 6 {
			vals = row[2:]
		}
		rr := &scoring.RegionResult{
			Region: &indicators.Region{Code: fmt.Sprintf("R%d", i+1), Name: fmt.Sprintf("地区%d", i+1), NameEn: fmt.Sprintf("R%d", i+1)},
			Rated:  true, Coverage: 1,
		}
		for j, d := range def.Dimensions {
			rr.Dimensions = append(rr.Dimensions, &scoring.NodeScore{ID: d.ID, Score: row[j], Rank: rank(j, row[j]), Stars: stars(row[j])})
		}
		for k, ind := range def.Indicators {
			rr.Indicators = append(rr.Indicators, &scoring.IndicatorScore{ID: ind.ID, Raw: vals[k], Value: vals[k],
				Normalised: vals[k], Source: fmt.Sprintf("p/data.csv:%d:%d", i+2, k+3)})
		}
		rr.Score = (row[0] + row[1]) / 2
		rr.Stars = stars(rr.Score)
		res.Regions = append(res.Regions, rr)
	}
	for _, rr := range res.Regions {
		rr.Rank = 1
		for _, other := range res.Regions {
			if other.Score > rr.Score {
				rr.Rank++
			}
		}
	}
	return res
}

// stSection is the section of the region whose heading starts with name.
func stSection(t *testing.T, out, name string) string {
	t.Helper()
	start := strings.Index(out, "\n### "+name+" ")
	require.GreaterOrEqual(t, start, 0, "no section for %s", name)
	rest := out[start+1:]
	end := len(rest)
	for _, next := range []string{"\n### ", "\n## "} {
		if i := strings.Index(rest[1:], next); i >= 0 && i+1 < end {
			end = i + 1
		}
	}
	return rest[:end]
}

func TestRankHalves(t *testing.T) {
	for _, tc := range []struct {
		rank, of           int
		upper, lower, last bool
	}{
		{1, 1, false, false, false},
		{1, 2, true, false, false},
		{2, 2, false, true, true},
		{1, 3, true, false, false},
		{2, 3, false, false, false}, // the middle of three: neither half
		{3, 3, false, true, true},
		{2, 5, true, false, false},
		{3, 5, false, false, false},
		{4, 5, false, true, false},
		{3, 6, true, false, false},
		{4, 6, false, true, false},
		{6, 6, false, true, true},
		{0, 6, false, false, false},
	} {
		upper, lower, last := rankHalves(tc.rank, tc.of)
		assert.Equal(t, []bool{tc.upper, tc.lower, tc.last}, []bool{upper, lower, last}, "rank %d of %d", tc.rank, tc.of)
	}
}

func TestIndicatorStanding(t *testing.T) {
	bounded := &indicatorStanding{values: []float64{0, 30, 30, 100}, lo: 0, hi: 100, bounded: true, floor: 0}
	unbounded := &indicatorStanding{values: []float64{-1.2, 0.3, 0.9}, lo: -1.2, hi: 0.9}
	pooled := &indicatorStanding{values: []float64{10, 40}, lo: 10, hi: 40, bounded: true, floor: 0}
	same := &indicatorStanding{values: []float64{50, 50}, lo: 50, hi: 50, bounded: true, floor: 0}
	for _, tc := range []struct {
		name     string
		is       *indicatorStanding
		v        float64
		rank, of int
		bottom   bool
	}{
		{"the highest", bounded, 100, 1, 4, false},
		{"ties share the better rank", bounded, 30, 2, 4, false},
		{"at the floor and last", bounded, 0, 4, 4, true},
		{"last of a method without a floor", unbounded, -1.2, 3, 3, true},
		{"not last", unbounded, 0.3, 2, 3, false},
		{"last this year, above the floor of pooled years", pooled, 10, 2, 2, true},
		{"all equal, above the floor", same, 50, 1, 2, false},
		{"no data", bounded, math.NaN(), 0, 0, false},
		{"no standing", nil, 1, 0, 0, false},
	} {
		rank, of, bottom := tc.is.standing(tc.v)
		assert.Equal(t, []any{tc.rank, tc.of, tc.bottom}, []any{rank, of, bottom}, tc.name)
	}
}

// TestArticleDimensionWording checks the rules that word a region's best
// and worst dimensions by their ranks among the rated regions.
func TestArticleDimensionWording(t *testing.T) {
	six := func(focus int, d1, d2 float64) *scoring.Result {
		rows := [][]float64{{95, 95}, {85, 85}, {65, 65}, {45, 45}, {35, 35}, {25, 25}}
		rows[focus-1] = []float64{d1, d2}
		return stResult(rows...)
	}
	for _, tc := range []struct {
		name   string
		res    *scoring.Result
		region string // zh name; en is R + the number
		zh, en string
		notZh  string
	}{
		{"weakest also first", six(1, 100, 96), "1",
			"“乙维度”得分稍低（96.00 分），但同样位列第一。",
			"even its lowest, Beta (96.00), ranks first.", "薄弱"},
		{"weakest second of six: upper half", six(1, 100, 80), "1",
			"分维度看，地区1在“甲维度”上表现最好（100.00 分，排名第一）；“乙维度”得分相对较低（80.00 分），但仍排名第二。",
			"Its strongest dimension is Alpha (100.00, first); its lowest, Beta (80.00), still ranks second.", "薄弱"},
		{"weakest third of six: still the upper half", six(4, 90, 70), "4",
			"“乙维度”得分相对较低（70.00 分），但仍排名第三。",
			"its lowest, Beta (70.00), still ranks third.", "薄弱"},
		{"weakest third of five: the middle", stResult([]float64{100, 90}, []float64{50, 80}, []float64{95, 60}, []float64{30, 30}, []float64{20, 20}), "3",
			"分维度看，地区3在“甲维度”上表现最好（95.00 分，排名第二）；“乙维度”得分相对较低（60.00 分，排名第三）。",
			"Its strongest dimension is Alpha (95.00, second); its lowest is Beta (60.00, third).", "薄弱"},
		{"weakest in the lower half", six(5, 88, 30), "5",
			"分维度看，地区5在“甲维度”上表现最好（88.00 分，排名第二）；“乙维度”相对薄弱（30.00 分，排名第五）。",
			"Its strongest dimension is Alpha (88.00, second); its weakest is Beta (30.00, fifth).", ""},
		{"best dimension in the lower half", six(5, 40, 30), "5",
			"分维度看，地区5得分最高的是“甲维度”（40.00 分，排名第五）；“乙维度”相对薄弱（30.00 分，排名第五）。",
			"Its highest-scoring dimension is Alpha (40.00, fifth); its weakest is Beta (30.00, fifth).", "表现最好"},
		{"last on every dimension", six(6, 20, 10), "6",
			"分维度看，地区6得分最高的是“甲维度”（20.00 分，排名第六）；“乙维度”相对薄弱（10.00 分，排名第六）。",
			"Its highest-scoring dimension is Alpha (20.00, sixth); its weakest is Beta (10.00, sixth).", "表现最好"},
		{"best dimension in the middle", stResult([]float64{90, 90}, []float64{80, 80}, []float64{70, 10}, []float64{60, 60}, []float64{50, 50}), "3",
			"分维度看，地区3在“甲维度”上表现最好（70.00 分，排名第三）；“乙维度”相对薄弱（10.00 分，排名第五）。",
			"Its strongest dimension is Alpha (70.00, third); its weakest is Beta (10.00, fifth).", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			zh := arWrite(t, tc.res, ArticleOptions{Options: Options{Lang: "zh"}})
			arClean(t, zh)
			sec := stSection(t, zh, "地区"+tc.region)
			assert.Contains(t, sec, tc.zh)
			if tc.notZh != "" {
				assert.NotContains(t, sec, tc.notZh)
			}
			en := arWrite(t, tc.res, ArticleOptions{Options: Options{Lang: "en"}})
			arClean(t, en)
			assert.Contains(t, stSection(t, en, "R"+tc.region), tc.en)
		})
	}
}

// TestArticleDimensionStanding checks the fields behind the wording: Of
// counts only the rated regions with a score on the dimension.
func TestArticleDimensionStanding(t *testing.T) {
	r := stResult([]float64{90, 90}, []float64{80, 80}, []float64{70, 70}, []float64{60, 60})
	r.Regions[1].Dimensions[1] = &scoring.NodeScore{ID: "d2", Score: nan, Missing: true}
	r.Regions[2].Dimensions[1].Rank = 2
	r.Regions[3].Rated, r.Regions[3].Rank = false, 0
	a := ArticleData(r, "zh")
	d1, d2 := a.Regions[0].Dimensions[0], a.Regions[0].Dimensions[1]
	assert.Equal(t, 3, d1.Of, "three rated regions")
	assert.Equal(t, 2, d2.Of, "one of them has no data on d2")
	third := a.Regions[2].Dimensions[1]
	assert.Equal(t, []any{2, 2, false, true, true}, []any{third.Rank, third.Of, third.Upper, third.Lower, third.Last})
	assert.True(t, d1.Upper)
}

// TestArticleEvidenceList checks that an indicator at the bottom never
// supports a score, and how the list is worded.
func TestArticleEvidenceList(t *testing.T) {
	rows := func(last []float64) [][]float64 {
		return [][]float64{
			{100, 100, 100, 100, 100, 100},
			{80, 80, 80, 80, 80, 80},
			{60, 60, 60, 60, 60, 60},
			{40, 40, 40, 40, 40, 40},
			{30, 30, 30, 10, 30, 30},
			last,
		}
	}
	for _, tc := range []struct {
		name     string
		res      *scoring.Result
		region   int
		evidence []string // ids
		none     bool
		zh, en   string
		notZh    []string
	}{
		{"strongest high: the top indicators, the one at the bottom left out",
			stResult([]float64{100, 50, 100, 0, 50, 50}, []float64{80, 80}, []float64{60, 60}), 1, []string{"a1"}, false,
			"“甲维度”的得分主要由以下指标支撑（括号内为标准化得分）：\n\n- **指标甲一**：100（100.00）。\n\n",
			"The Alpha score rests mainly on these indicators (normalised scores in brackets):\n\n- **A one**: 100 (100.00).\n\n",
			[]string{"**指标甲二**：0"}},
		{"strongest low: the best ones, worded neutrally",
			stResult(rows([]float64{20, 10, 0, 40, 10, 10})...), 6, []string{"a2"}, false,
			"“甲维度”中得分较高的指标（括号内为标准化得分）：\n\n- **指标甲二**：40（40.00）。\n\n",
			"The highest-scoring indicators on Alpha (normalised scores in brackets):\n\n- **A two**: 40 (40.00).\n\n",
			[]string{"主要由以下指标支撑", "**指标甲一**：0"}},
		{"every indicator at the bottom: none stands out",
			stResult(rows([]float64{20, 10, 0, 5, 10, 2})...), 6, nil, true,
			"“甲维度”没有突出的指标：各项指标均处于参评地区的最低水平。\n\n拖累“乙维度”得分的主要是：",
			"No indicator of Alpha stands out: each is at the bottom of the rated regions.\n\nWhat holds Beta back:",
			[]string{"主要由以下指标支撑", "得分较高的指标"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := ArticleData(tc.res, "zh")
			ar := a.Regions[tc.region-1]
			var ids []string
			for _, e := range ar.Evidence {
				ids = append(ids, string(e.ID))
				assert.False(t, e.Bottom, e.ID)
			}
			assert.Equal(t, tc.evidence, ids)
			assert.Equal(t, tc.none, ar.NoStandout)

			zh := arWrite(t, tc.res, ArticleOptions{Options: Options{Lang: "zh"}})
			arClean(t, zh)
			sec := stSection(t, zh, fmt.Sprintf("地区%d", tc.region))
			assert.Contains(t, sec, tc.zh)
			for _, s := range tc.notZh {
				assert.NotContains(t, sec, s)
			}
			en := arWrite(t, tc.res, ArticleOptions{Options: Options{Lang: "en"}})
			arClean(t, en)
			assert.Contains(t, stSection(t, en, fmt.Sprintf("R%d", tc.region)), tc.en)
		})
	}
}

func TestCellPosition(t *testing.T) {
	def := &indicators.Definition{Index: indicators.IndexSpec{Data: []string{"data/obs.csv", "./more.xlsx"}}}
	for _, tc := range []struct {
		source string
		pos    bool
		file   string
	}{
		{"p2/data/obs.csv:10:4", true, "data/obs.csv"},
		{"data/obs.csv:2:3", true, "data/obs.csv"},
		{`C:\proj\data\obs.csv:2:3`, true, "data/obs.csv"},
		{"p2/more.xlsx[Sheet1]:3:2", true, "more.xlsx"},
		{"other/table.csv:3:2", true, "table.csv"},
		{"my data.csv:3:2", true, "my data.csv"},
		{"《统计年鉴 2017》", false, ""},
		{"国家统计局，2016", false, ""},
		{"data.csv:10", false, ""},
		{"data.csv", false, ""},
		{"policies.count: evidence/policies.csv:3, evidence/policies.csv:5", false, ""},
		{"table 3:0:1", false, ""},
		{" :1:2", false, ""},
		{"", false, ""},
	} {
		assert.Equal(t, tc.pos, isCellPosition(tc.source), "%q", tc.source)
		assert.Equal(t, tc.file, tableFileName(def, tc.source), "%q", tc.source)
	}
}

// TestArticleSourceNotes checks the 依据 of values read from a table: a
// source note is given, a bare cell position is not, and the method section
// names the table once.
func TestArticleSourceNotes(t *testing.T) {
	r := stResult([]float64{100, 50, 100, 80, 50, 50}, []float64{60, 60}, []float64{40, 40})
	r.Regions[0].Indicators[0].Source = "《统计年鉴 2017》"
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			a := ArticleData(r, lang)
			ev := a.Regions[0].Evidence
			require.Len(t, ev, 2)
			assert.Equal(t, Text("《统计年鉴 2017》"), ev[0].SourceNote)
			assert.Equal(t, Text(""), ev[1].SourceNote)
			assert.Equal(t, Text("p/data.csv:2:4"), ev[1].Source, "the provenance is kept for templates")
			assert.Equal(t, []Text{"data.csv"}, a.Method.TableFiles)

			out := arWrite(t, r, ArticleOptions{Options: Options{Lang: lang}})
			arClean(t, out)
			assert.NotContains(t, out, "p/data.csv", "no cell positions")
			assert.NotRegexp(t, `:\d+:\d+`, out)
			if lang == "zh" {
				assert.Contains(t, out, "- **指标甲一**：100（100.00）。依据：《统计年鉴 2017》\n- **指标甲二**：80（80.00）。\n")
				assert.Equal(t, 1, strings.Count(out, "未列依据的数值取自数据表 data.csv，表中没有注明其来源。"))
			} else {
				assert.Contains(t, out, "- **A one**: 100 (100.00). Evidence: 《统计年鉴 2017》\n- **A two**: 80 (80.00).\n")
				assert.Equal(t, 1, strings.Count(out, "Values shown without evidence come from the data table data.csv, which notes no source for them."))
			}
		})
	}

	// Every value shown names its source: nothing to say.
	for _, rr := range r.Regions {
		for _, is := range rr.Indicators {
			is.Source = "年鉴"
		}
	}
	a := ArticleData(r, "zh")
	assert.Empty(t, a.Method.TableFiles)
	assert.Empty(t, a.Method.TableNote)
	assert.NotContains(t, arWrite(t, r, ArticleOptions{}), "未列依据")

	// Two tables: both named, in the order met.
	r.Regions[0].Indicators[0].Source = "extra.csv:2:3"
	r.Regions[0].Indicators[1].Source = "p/data.csv:2:4"
	assert.Equal(t, "未列依据的数值取自数据表 extra.csv和data.csv，表中没有注明其来源。", ArticleData(r, "zh").Method.TableNote)
	assert.Equal(t, "Values shown without evidence come from the data tables extra.csv and data.csv, which note no source for them.",
		ArticleData(r, "en").Method.TableNote)
}

func TestArticleTitleYear(t *testing.T) {
	for _, tc := range []struct {
		name          string
		edition       string
		year          int
		zh, en, subZh string
	}{
		{"an earlier year of the edition", "2017", 2016, "政府数据融合共享应用指数（2016）星级评价", "Government Data Sharing Index (2016): star ratings", "2017 版 · 2016 年度评价"},
		{"the edition's year", "2017", 2017, "政府数据融合共享应用指数（2017）星级评价", "Government Data Sharing Index (2017): star ratings", "2017 版 · 2017 年度评价"},
		{"no year: the edition", "2017 春季", 0, "政府数据融合共享应用指数（2017 春季）星级评价", "Government Data Sharing Index (2017 春季): star ratings", "2017 春季 版"},
		{"neither", "", 0, "政府数据融合共享应用指数星级评价", "Government Data Sharing Index: star ratings", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := testResult()
			r.Def.Index.Edition, r.Year = tc.edition, tc.year
			zh := ArticleData(r, "zh")
			assert.Equal(t, tc.zh, zh.Title)
			assert.Equal(t, tc.subZh, zh.Subtitle)
			assert.Equal(t, tc.en, ArticleData(r, "en").Title)
		})
	}
}

func TestArticleComparability(t *testing.T) {
	for _, tc := range []struct {
		comparable string
		zh, en     string
	}{
		{"separate", "各年分别标准化：分数反映的是各地区在当年的相对位置，跨年的分数变化是相对位置的变化，不代表绝对水平的升降。",
			"Each year is normalised on its own: scores show where the regions stand within the year, so changes across years are changes of relative position, not of absolute level."},
		{"pooled", "各年指标按 2015–2017 年全部数值统一标准化，分数可跨年比较。",
			"Scores comparable across years: each indicator normalised over the values of 2015–2017 together."},
		{"goalposts", "各项指标按固定的上下限（goalposts）标准化，分数可跨年比较。",
			"Scores comparable across years: each indicator normalised between fixed goalposts."},
	} {
		t.Run(tc.comparable, func(t *testing.T) {
			r := testSeriesResult(tc.comparable)()
			assert.Equal(t, tc.zh, articleComparabilityText(r, "zh"))
			assert.Equal(t, tc.en, articleComparabilityText(r, "en"))
			for _, lang := range []string{"zh", "en"} {
				out := arWrite(t, r, ArticleOptions{Options: Options{Lang: lang}})
				arClean(t, out)
				assert.NotContains(t, out, "comparable =", "no advice to the index builder")
				assert.NotContains(t, out, "[scoring]")
				assert.NotContains(t, out, "请设置")
				assert.Equal(t, 1, strings.Count(out, EscapeMarkdown(map[string]string{"zh": tc.zh, "en": tc.en}[lang])))
			}
		})
	}
	// The terminal keeps its advice.
	assert.Contains(t, comparabilityText(testSeriesResult("separate")(), "en"), `set [scoring] comparable = "pooled"`)
	assert.Empty(t, articleComparabilityText(testResult(), "zh"), "no series, nothing to say")
}
