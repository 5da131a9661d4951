package reports

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// Multi-year output. A result that is part of a scoring.Series (an annual
// edition rated in several years) also shows each region's change since
// the previous rated year and its trend over the years, and says how the
// years' scores relate (pooled, goalposts or separate normalisation).
// Nothing here shows for a result without a series, so single-year output
// is unchanged.

// Word keys of the multi-year output.
const (
	swVsYear     = "vs_year"     // %d: previous year (score change column)
	swRankChange = "rank_change" // rank change column
	swStarChange = "star_change" // star change column
	swNew        = "new"         // rated now, not in the previous year
	swSame       = "same"        // no change
	swLegend     = "legend"      // %d, %d: previous year twice
	swPooled     = "pooled"      // %s: the years
	swGoalposts  = "goalposts"
	swSeparate   = "separate"
	swYearScore  = "year_score" // %d
	swYearRank   = "year_rank"  // %d
	swYearStars  = "year_stars" // %d
	swSlope      = "slope"
	swCAGR       = "cagr"
	swPanelTitle = "panel_title" // %s: the years
	swPanelNote  = "panel_note"
	swYearsSep   = "years_sep"
	swSecChanges = "sec_changes" // %d: previous year
	swSecTrends  = "sec_trends"
	swTrendsTop  = "trends_top" // %d drawn, %d in all
)

var seriesWords = map[string]map[string]string{
	"zh": {
		swVsYear:     "较 %d 年",
		swRankChange: "名次变化",
		swStarChange: "星级变化",
		swNew:        "新",
		swSame:       "–",
		swLegend:     "注：“较 %d 年”为得分变化；名次变化 ↑ 为上升、↓ 为下降、– 为不变，“新”表示 %d 年未评级。",
		swPooled:     "各年指标按 %s 年全部数值统一标准化，分数可跨年比较。",
		swGoalposts:  "各项指标按固定的上下限（goalposts）标准化，分数可跨年比较。",
		swSeparate:   "各年分别标准化：分数反映的是当年的相对位置，跨年变化只是相对变化；如需可跨年比较的分数，请设置 [scoring] comparable = \"pooled\"。",
		swYearScore:  "%d 得分",
		swYearRank:   "%d 排名",
		swYearStars:  "%d 星级",
		swSlope:      "年均变化",
		swCAGR:       "年均增长率",
		swPanelTitle: "%s 年",
		swPanelNote:  "注：— 表示当年未评级；年均变化为各年得分的最小二乘斜率（分/年），年均增长率为首末年得分的复合年增长率；有评级不足三年的地区不计。",
		swYearsSep:   "、",
		swSecChanges: "较 %d 年变化",
		swSecTrends:  "跨年趋势",
		swTrendsTop:  "图中只画出当年排名前 %d 的地区（共 %d 个）。",
	},
	"en": {
		swVsYear:     "vs %d",
		swRankChange: "Rank change",
		swStarChange: "Star change",
		swNew:        "new",
		swSame:       "–",
		swLegend:     "Note: vs %d is the change in score; rank change ↑ up, ↓ down, – unchanged; \"new\" means not rated in %d.",
		swPooled:     "Scores comparable across years: each indicator normalised over the values of %s together.",
		swGoalposts:  "Scores comparable across years: each indicator normalised between fixed goalposts.",
		swSeparate:   "Each year normalised on its own: scores show positions within the year, changes are relative; set [scoring] comparable = \"pooled\" for comparable scores.",
		swYearScore:  "%d score",
		swYearRank:   "%d rank",
		swYearStars:  "%d stars",
		swSlope:      "Slope/yr",
		swCAGR:       "CAGR",
		swPanelTitle: "%s",
		swPanelNote:  "Note: — means not rated that year; slope is the least-squares change of the score per year (points), CAGR the compound annual growth rate from the first to the last rated year; neither is given for a region rated in fewer than three years.",
		swYearsSep:   ", ",
		swSecChanges: "Changes since %d",
		swSecTrends:  "Trends across years",
		swTrendsTop:  "The chart shows the first %d of the %d regions in this year's ranking.",
	},
}

func sw(lang, key string) string {
	if s, ok := seriesWords[normLang(lang)][key]; ok {
		return s
	}
	return seriesWords["zh"][key]
}

func swf(lang, key string, args ...any) string { return fmt.Sprintf(sw(lang, key), args...) }

// previousYear is the rated year before r's in its series.
func previousYear(r *scoring.Result) (int, bool) {
	if r == nil || r.Series == nil {
		return 0, false
	}
	p, ok := r.Series.Previous(r.Year)
	if !ok {
		return 0, false
	}
	return p.Year, true
}

// roundTo rounds x to dec decimals, with no "-0".
func roundTo(x float64, dec int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	p := math.Pow(10, float64(dec))
	v := math.Round(x*p) / p
	if v == 0 {
		return 0
	}
	return v
}

// roundLikeScores rounds a score difference or slope to [scoring] round
// decimals, as the scores are; unrounded when round is not set.
func roundLikeScores(def *indicators.Definition, x float64) float64 {
	if def.Scoring.Round != nil {
		return roundTo(x, max(*def.Scoring.Round, 0))
	}
	return x
}

// roundRate rounds a growth rate (a fraction) to two more decimals than
// the scores, so that as a percentage it has the scores' decimals.
func roundRate(def *indicators.Definition, x float64) float64 {
	if def.Scoring.Round != nil {
		return roundTo(x, max(*def.Scoring.Round, 0)+2)
	}
	return x
}

// signed prints x with dec decimals and its sign: "+3.2", "−1.0" (a true
// minus sign), "0.0" when it rounds to zero.
func signed(x float64, dec int) string {
	s := formatScore(x, dec)
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, "-"):
		return "−" + s[1:]
	}
	if z, err := strconv.ParseFloat(s, 64); err == nil && z == 0 {
		return s
	}
	return "+" + s
}

// signedPct prints a rate as a signed percentage with dec decimals.
func signedPct(x float64, dec int) string {
	if s := signed(x*100, dec); s != "" {
		return s + "%"
	}
	return ""
}

// rankArrow prints a rank change: "↑2" (moved up), "↓1", "–".
func rankArrow(d int, lang string) string {
	switch {
	case d > 0:
		return "↑" + strconv.Itoa(d)
	case d < 0:
		return "↓" + strconv.Itoa(-d)
	}
	return sw(lang, swSame)
}

// starDelta prints a star change: "+1★", "−2★", "–".
func starDelta(d int, lang string) string {
	switch {
	case d > 0:
		return "+" + strconv.Itoa(d) + "★"
	case d < 0:
		return "−" + strconv.Itoa(-d) + "★"
	}
	return sw(lang, swSame)
}

// yearSpan writes years as a range when they follow each other
// ("2015–2017"), else as a list.
func yearSpan(years []int, lang string) string {
	if len(years) == 0 {
		return ""
	}
	contiguous := len(years) > 1
	for i := 1; i < len(years); i++ {
		if years[i] != years[i-1]+1 {
			contiguous = false
		}
	}
	if contiguous {
		return strconv.Itoa(years[0]) + "–" + strconv.Itoa(years[len(years)-1])
	}
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, sw(lang, swYearsSep))
}

// pooledYears are the years whose values pooled normalisation stacks:
// every year with data, or the series' years when the data do not say.
func pooledYears(r *scoring.Result) []int {
	if r.Data != nil {
		var ys []int
		for _, y := range r.Data.Years() {
			if y != 0 {
				ys = append(ys, y)
			}
		}
		if len(ys) >= 2 {
			return ys
		}
	}
	return slices.Clone(r.Series.Years)
}

// comparabilityText says in words how the scores of the years relate;
// "" without a series.
func comparabilityText(r *scoring.Result, lang string) string {
	if r == nil || r.Series == nil {
		return ""
	}
	switch r.Series.Comparable {
	case "pooled":
		return swf(lang, swPooled, yearSpan(pooledYears(r), lang))
	case "goalposts":
		return sw(lang, swGoalposts)
	}
	return sw(lang, swSeparate)
}

// articleComparabilityText is comparabilityText for the article's
// readers: it states what the scores of the years mean and nothing on how
// to configure the index, which is the builder's business (the terminal
// output keeps that advice); "" without a series.
func articleComparabilityText(r *scoring.Result, lang string) string {
	if r == nil || r.Series == nil {
		return ""
	}
	switch r.Series.Comparable {
	case "pooled", "goalposts":
		return comparabilityText(r, lang)
	}
	return asw(normLang(lang), "separate")
}

// changeColumns are the change columns of the ranking table for r, one
// row of cells per region of r.Regions: score change, rank change, star
// change; nil when r has no previous year.
func changeColumns(r *scoring.Result, lang string) (header []string, rows [][]string) {
	prev, ok := previousYear(r)
	if !ok {
		return nil, nil
	}
	dec := decimals(r.Def)
	dash := Message(lang, msgMissingCell)
	header = []string{swf(lang, swVsYear, prev), sw(lang, swRankChange), sw(lang, swStarChange)}
	for _, rr := range r.Regions {
		rows = append(rows, changeCells(r, rr, lang, dec, dash))
	}
	return header, rows
}

// changeCells are one region's change cells.
func changeCells(r *scoring.Result, rr *scoring.RegionResult, lang string, dec int, dash string) []string {
	if !rr.Rated {
		return []string{dash, dash, dash}
	}
	c, ok := r.Change(rr.Region.Code)
	if !ok {
		return []string{dash, sw(lang, swNew), dash}
	}
	return []string{signed(c.Score, dec), rankArrow(c.Rank, lang), starDelta(c.Stars, lang)}
}

// seriesNotes are the lines under a ranking table of a result in a series:
// the legend of the change columns and the comparability of the years.
func seriesNotes(r *scoring.Result, lang string) []string {
	if r.Series == nil {
		return nil
	}
	var out []string
	if prev, ok := previousYear(r); ok {
		out = append(out, swf(lang, swLegend, prev, prev))
	}
	return append(out, comparabilityText(r, lang))
}

// ---------------------------------------------------------------------------
// JSON of the changes

// JSONYears says which years a multi-year result rated and how their scores
// relate ("pooled", "goalposts" or "separate").
type JSONYears struct {
	Rated      []int  `json:"rated"`
	Comparable string `json:"comparable"`
}

// JSONChange is a region's change since the previous rated year: score
// (rounded like the scores), rank (positive: moved up) and stars.
type JSONChange struct {
	From  int       `json:"from"`
	Score JSONFloat `json:"score"`
	Rank  int       `json:"rank"`
	Stars int       `json:"stars"`
}

// JSONTrend is a region's trend over the rated years up to the result's:
// the least-squares slope in points a year and, when the first score is
// positive, the compound annual growth rate (a fraction).
type JSONTrend struct {
	From  int        `json:"from"`
	To    int        `json:"to"`
	Slope JSONFloat  `json:"slope"`
	CAGR  *JSONFloat `json:"cagr,omitempty"`
}

// jsonYears is the "years" member of r, nil without a series.
func jsonYears(r *scoring.Result) *JSONYears {
	if r.Series == nil {
		return nil
	}
	return &JSONYears{Rated: slices.Clone(r.Series.Years), Comparable: r.Series.Comparable}
}

// jsonChange and jsonTrend are a region's change and trend, nil when it
// has none.
func jsonChange(r *scoring.Result, code string) *JSONChange {
	c, ok := r.Change(code)
	if !ok {
		return nil
	}
	return &JSONChange{From: c.From, Score: JSONFloat(roundLikeScores(r.Def, c.Score)), Rank: c.Rank, Stars: c.Stars}
}

func jsonTrend(r *scoring.Result, code string) *JSONTrend {
	t, ok := r.Trend(code)
	if !ok {
		return nil
	}
	jt := &JSONTrend{From: t.From, To: t.To, Slope: JSONFloat(roundLikeScores(r.Def, t.Slope))}
	if t.CAGROK {
		c := JSONFloat(roundRate(r.Def, t.CAGR))
		jt.CAGR = &c
	}
	return jt
}

func (w *jsonWriter) years(x *JSONYears) {
	w.open('{')
	w.key("rated")
	if x.Rated == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.open('[')
		for _, y := range x.Rated {
			w.elem()
			w.int(int64(y))
		}
		w.close(']')
	}
	w.key("comparable")
	w.str(x.Comparable)
	w.close('}')
}

func (w *jsonWriter) change(x *JSONChange) {
	w.open('{')
	w.key("from")
	w.int(int64(x.From))
	w.key("score")
	w.float(x.Score)
	w.key("rank")
	w.int(int64(x.Rank))
	w.key("stars")
	w.int(int64(x.Stars))
	w.close('}')
}

func (w *jsonWriter) trend(x *JSONTrend) {
	w.open('{')
	w.key("from")
	w.int(int64(x.From))
	w.key("to")
	w.int(int64(x.To))
	w.key("slope")
	w.float(x.Slope)
	if x.CAGR != nil {
		w.key("cagr")
		w.float(*x.CAGR)
	}
	w.close('}')
}

// withChanges adds the change columns of a result in a series to the
// ranking grid (header first, then a row per region of r.Regions) and its
// notes; a result without a series is returned as it is.
func withChanges(r *scoring.Result, lang string, grid [][]string, right []bool, notes []string) ([][]string, []bool, []string) {
	if r.Series == nil {
		return grid, right, notes
	}
	if header, rows := changeColumns(r, lang); header != nil && len(rows) == len(grid)-1 {
		grid[0] = append(grid[0], header...)
		for i, row := range rows {
			grid[i+1] = append(grid[i+1], row...)
		}
		right = append(slices.Clone(right), true, true, true)
	}
	return grid, right, append(notes, seriesNotes(r, lang)...)
}

// changeCSVHeader are the columns the CSV of a multi-year result adds.
var changeCSVHeader = []string{"change_from", "change_score", "change_rank", "change_stars", "trend_slope", "trend_cagr"}

// changeCSVCells are a region's cells under changeCSVHeader: empty where
// it has no change (unrated in either year) or no trend.
func changeCSVCells(r *scoring.Result, rr *scoring.RegionResult) []string {
	out := make([]string, len(changeCSVHeader))
	if !rr.Rated {
		return out
	}
	if c := jsonChange(r, rr.Region.Code); c != nil {
		out[0], out[1] = strconv.Itoa(c.From), formatNumber(float64(c.Score))
		out[2], out[3] = strconv.Itoa(c.Rank), strconv.Itoa(c.Stars)
	}
	if t := jsonTrend(r, rr.Region.Code); t != nil {
		out[4] = formatNumber(float64(t.Slope))
		if t.CAGR != nil {
			out[5] = formatNumber(float64(*t.CAGR))
		}
	}
	return out
}
