package reports

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// Gap methods of CompareData.
const (
	// GapDifference is the gap of two regions: second − first.
	GapDifference = "difference"
	// GapToBest is each region's gap to the best of three or more.
	GapToBest = "to_best"
)

// compareHighlights is how many strengths and weaknesses are listed.
const compareHighlights = 3

// CompareData is the side-by-side comparison of some rated regions of a
// result; WriteCompare documents what it holds and how it is rendered.
type CompareData struct {
	Result *scoring.Result
	// Rated is the number of rated regions: the ranks are among them.
	Rated int
	// Regions are the compared regions, in the order asked.
	Regions []*scoring.RegionResult
	// GapMethod is GapDifference (two regions) or GapToBest.
	GapMethod string
	// Index is the index row; Dimensions the dimensions in tree order.
	Index      CompareScoreRow
	Dimensions []CompareScoreRow
	// Indicators are grouped by dimension, in tree order.
	Indicators []CompareIndicatorRow
	// Strengths and Weaknesses hold, per region, its best and worst
	// indicators relative to the mean of the compared regions.
	Strengths, Weaknesses [][]CompareHighlight
}

// CompareScoreRow is the index or a dimension across the compared regions.
type CompareScoreRow struct {
	ID        string                // the dimension's id, "index" for the index
	Dimension *indicators.Dimension // nil for the index
	Depth     int                   // 0 for the index, 1 for top-level dimensions
	Cells     []CompareScore        // one per region
	// Gaps: GapDifference one (second − first), GapToBest one per region.
	Gaps []CompareGap
}

// CompareScore is a region's score, rank and stars; a missing dimension
// has a NaN score and no rank or stars.
type CompareScore struct {
	Score       float64
	Rank, Stars int
	Class       string
}

// CompareGap is one gap: in score points (index, dimensions) or normalised
// points (indicators), and for indicators in raw units; NaN when missing.
type CompareGap struct {
	Value float64
	Raw   float64
	// Best is the position in Regions of the leader of the row (GapToBest;
	// the first when several tie), -1 for GapDifference or when no
	// compared region has a value.
	Best int
}

// CompareIndicatorRow is an indicator across the compared regions.
type CompareIndicatorRow struct {
	Indicator *indicators.Indicator
	Dimension *indicators.Dimension
	Depth     int            // the depth of its dimension below the top level, plus 1
	Cells     []CompareValue // one per region
	Mean      float64        // mean normalised value of the compared regions, NaN with fewer than two
	Gaps      []CompareGap
}

// CompareValue is a region's values of an indicator; missing values are
// NaN and an unranked one has Rank 0.
type CompareValue struct {
	Raw, Normalised float64
	Rank            int // among all rated regions
	Imputed         bool
	VsMean          float64 // Normalised − the row's Mean
}

// CompareHighlight is a strength or weakness: the indicator and its
// normalised value's difference to the mean of the compared regions.
type CompareHighlight struct {
	Indicator *indicators.Indicator
	Diff      float64
}

// NewCompareData builds the comparison of the regions with the given codes,
// in that order: at least two, distinct, rated regions of r.
func NewCompareData(r *scoring.Result, codes []string) (*CompareData, error) {
	if err := check(r); err != nil {
		return nil, err
	}
	if len(codes) < 2 {
		return nil, fmt.Errorf("reports: a comparison needs at least two regions, got %d", len(codes))
	}
	def := r.Def
	d := &CompareData{Result: r, GapMethod: GapToBest}
	if len(codes) == 2 {
		d.GapMethod = GapDifference
	}
	var rated []*scoring.RegionResult
	for _, rr := range r.Regions {
		if rr.Rated {
			rated = append(rated, rr)
		}
	}
	d.Rated = len(rated)
	for i, code := range codes {
		if slices.Contains(codes[:i], code) {
			return nil, fmt.Errorf("reports: region %s is compared twice", code)
		}
		var found *scoring.RegionResult
		for _, rr := range r.Regions {
			if rr.Region != nil && rr.Region.Code == code {
				found = rr
			}
		}
		switch {
		case found == nil:
			return nil, fmt.Errorf("reports: no region %s in the result", code)
		case !found.Rated:
			return nil, fmt.Errorf("reports: region %s is not rated", code)
		}
		d.Regions = append(d.Regions, found)
	}
	scoreDec := -1
	if def.Scoring.Round != nil {
		scoreDec = *def.Scoring.Round
	}

	// The index and the dimensions.
	d.Index = CompareScoreRow{ID: "index"}
	for _, rr := range d.Regions {
		d.Index.Cells = append(d.Index.Cells, CompareScore{Score: rr.Score, Rank: rr.Rank, Stars: rr.Stars, Class: classLabel(def, rr.Class, rr.Stars)})
	}
	d.Index.Gaps = d.gaps(scoreValues(d.Index.Cells), nil, scoreDec)
	tree := compareTree(def)
	for _, t := range tree {
		row := CompareScoreRow{ID: t.dim.ID, Dimension: t.dim, Depth: t.depth + 1}
		for _, rr := range d.Regions {
			c := CompareScore{Score: math.NaN()}
			if n := nodeScore(rr, t.dim.ID); n != nil && !n.Missing {
				c = CompareScore{Score: n.Score, Rank: n.Rank, Stars: n.Stars, Class: classLabel(def, n.Class, n.Stars)}
			}
			row.Cells = append(row.Cells, c)
		}
		row.Gaps = d.gaps(scoreValues(row.Cells), nil, scoreDec)
		d.Dimensions = append(d.Dimensions, row)
	}

	// The indicators, ranked among all rated regions.
	tie, ok := scoring.LookupTieRule(def.Scoring.Ties)
	if !ok {
		tie, _ = scoring.LookupTieRule("competition")
	}
	for _, t := range tree {
		for _, ind := range def.ChildIndicators(t.dim.ID) {
			all := make([]float64, len(rated))
			for k, rr := range rated {
				all[k] = math.NaN()
				if s := indicatorScore(rr, ind.ID); s != nil {
					all[k] = s.Normalised
				}
			}
			ranks := tie.Fn(all)
			row := CompareIndicatorRow{Indicator: ind, Dimension: t.dim, Depth: t.depth + 1}
			for _, rr := range d.Regions {
				v := CompareValue{Raw: math.NaN(), Normalised: math.NaN(), VsMean: math.NaN()}
				if s := indicatorScore(rr, ind.ID); s != nil {
					v.Raw, v.Normalised, v.Imputed = s.Raw, s.Normalised, s.Imputed
				}
				if k := slices.Index(rated, rr); k >= 0 && !math.IsNaN(v.Normalised) {
					v.Rank = ranks[k]
				}
				row.Cells = append(row.Cells, v)
			}
			norm, raw := make([]float64, len(row.Cells)), make([]float64, len(row.Cells))
			for k, c := range row.Cells {
				norm[k], raw[k] = c.Normalised, c.Raw
			}
			row.Mean = compareMean(norm)
			for k := range row.Cells {
				row.Cells[k].VsMean = norm[k] - row.Mean
			}
			row.Gaps = d.gaps(norm, raw, -1)
			d.Indicators = append(d.Indicators, row)
		}
	}

	// Strengths and weaknesses.
	for k := range d.Regions {
		var list []CompareHighlight
		for _, row := range d.Indicators {
			if diff := row.Cells[k].VsMean; !math.IsNaN(diff) && math.Abs(diff) > 1e-9*max(1, math.Abs(row.Mean)) {
				list = append(list, CompareHighlight{Indicator: row.Indicator, Diff: diff})
			}
		}
		var strong, weak []CompareHighlight
		for _, h := range list {
			if h.Diff > 0 {
				strong = append(strong, h)
			} else {
				weak = append(weak, h)
			}
		}
		// Stable sorts keep the order of the indicators among ties.
		slices.SortStableFunc(strong, func(a, b CompareHighlight) int { return cmp.Compare(b.Diff, a.Diff) })
		slices.SortStableFunc(weak, func(a, b CompareHighlight) int { return cmp.Compare(a.Diff, b.Diff) })
		d.Strengths = append(d.Strengths, strong[:min(len(strong), compareHighlights)])
		d.Weaknesses = append(d.Weaknesses, weak[:min(len(weak), compareHighlights)])
	}
	return d, nil
}

// compareNode is a dimension with its depth below the top level.
type compareNode struct {
	dim   *indicators.Dimension
	depth int
}

// compareTree lists the dimensions depth first, in declaration order.
func compareTree(def *indicators.Definition) []compareNode {
	var out []compareNode
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		for _, dim := range def.ChildDimensions(parent) {
			out = append(out, compareNode{dim, depth})
			if depth < len(def.Dimensions) { // a cycle cannot recurse forever
				walk(dim.ID, depth+1)
			}
		}
	}
	walk("", 0)
	return out
}

func scoreValues(cells []CompareScore) []float64 {
	out := make([]float64, len(cells))
	for i, c := range cells {
		out[i] = c.Score
	}
	return out
}

// compareMean is the mean of the present values, NaN with fewer than two.
func compareMean(xs []float64) float64 {
	sum, n := 0.0, 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			sum += x
			n++
		}
	}
	if n < 2 {
		return math.NaN()
	}
	return sum / float64(n)
}

// gaps computes a row's gaps from its values (and raw values, for
// indicators); dec ≥ 0 rounds the value gaps.
func (d *CompareData) gaps(vals, raw []float64, dec int) []CompareGap {
	round := func(x float64) float64 {
		if dec >= 0 && !math.IsNaN(x) {
			return scoring.RoundTo(x, dec)
		}
		return x
	}
	rawAt := func(i int) float64 {
		if raw == nil {
			return math.NaN()
		}
		return raw[i]
	}
	if d.GapMethod == GapDifference {
		return []CompareGap{{Value: round(vals[1] - vals[0]), Raw: rawAt(1) - rawAt(0), Best: -1}}
	}
	best := -1
	for i, v := range vals {
		if !math.IsNaN(v) && (best < 0 || v > vals[best]) {
			best = i
		}
	}
	out := make([]CompareGap, len(vals))
	for i, v := range vals {
		out[i] = CompareGap{Value: math.NaN(), Raw: math.NaN(), Best: best}
		if best >= 0 {
			out[i].Value = round(v - vals[best])
			out[i].Raw = rawAt(i) - rawAt(best)
		}
	}
	return out
}

// CompareFormats lists the formats WriteCompare accepts.
func CompareFormats() []string { return []string{"table", "csv", "json", "md"} }

// WriteCompare renders the side-by-side comparison (govindex compare) of
// the regions with the given codes — in that order; at least two, distinct
// and rated — in format: table, csv, json or md.
//
// # Model (CompareData, NewCompareData)
//
// The compared regions keep the order they were asked in. For each of them:
// the index score, rank and stars; every dimension's score, rank and stars,
// the dimensions in tree order (depth first, in declaration order); every
// indicator's raw value (as read from the data, in the indicator's unit),
// normalised value (as it enters aggregation, higher is better) and rank of
// the normalised value among all the rated regions of the result (not only
// the compared ones; the [scoring] ties rule), the indicators dimension by
// dimension in the same tree order.
//
// Gaps. With two regions A and B, each row's gap is B − A (GapDifference):
// the index and dimension scores in score points, the indicators in
// normalised points and in raw units. With three or more, each region has
// a gap to the best of the compared regions on that row (GapToBest): its
// value minus the highest, so 0 for the leader and negative for the others;
// an indicator's raw gap is to the raw value of the region with the best
// normalised value (for a lower-is-better indicator it is positive). A gap
// involving a missing value is missing (NaN, null in JSON). Score gaps are
// rounded to [scoring] round decimals when it is set.
//
// Strengths and weaknesses. For each indicator with values for at least
// two compared regions, each of those regions' normalised value minus the
// mean of the compared regions' values (VsMean). A region's strengths are
// its (at most) three largest positive differences, its weaknesses its
// three most negative, ties in the order of the indicators; a region
// level with the others everywhere has none, and the renderers say so.
//
// # Terminal table and Markdown (format "table", "md")
//
// A title line ("地区对比" / "Comparison", then the index name, edition and
// year), then: the index and its dimensions, one column per region, each
// cell holding score, rank ("r/N" among the N rated regions) and stars; the
// indicators, grouped under their dimensions, each cell holding the raw value
// with its unit, the normalised value (marked * when imputed) and the rank.
// With two regions a last column holds the gap B − A (with the indicators'
// raw gap in their units); with more, a third table gives each region's gap
// to the best (0 for the leader). Last, each region's strengths and
// weaknesses with their differences to the mean. Display widths as in
// WriteTable (CJK two cells, ★ ☆ — one); in English, the Chinese count
// classifiers used as units (件, 个, 项, 家, …) are left out and 年 is "yr".
// Markdown has the same tables (cells' parts joined with " · ", the part
// names in an italic first row) under "##"/"###" titles. A result with a
// previous year in its series has a row under the index with each region's
// change since then ("较 2016 年" / "vs 2016": score, rank ↑/↓, stars).
//
// # CSV (format "csv")
//
// One row per line of the comparison, a column per region:
//
//	kind,id,name,measure,unit,<code A>,<code B>,…,gap               (two regions)
//	kind,id,name,measure,unit,<code A>,<code B>,…,gap.<code A>,…    (three or more)
//
// kind is index, change, dimension, indicator, strength or weakness. change
// rows (multi-year results only; id is the previous year) hold each
// region's change of score, rank (positive: up) and stars. index and
// dimension rows have the measures score, rank and stars; indicator rows raw
// (unit set), normalised and rank; strength and weakness rows the measures
// 1, 2, 3 with the indicator id in each region's cell (empty when it has
// fewer). Gaps are on the score, raw and normalised rows only. The header is
// stable English; name follows the language; numbers in shortest form.
//
// # JSON (format "json")
//
// Independent of the language; names as in the data with name_en beside:
//
//	{
//	  "year": 2017,
//	  "index": {"name": "…", "name_en": "…", "edition": "2017", "engine": "govindex v0.x"},
//	  "rated": 5,                       // regions rated: ranks are among these
//	  "regions": [                      // in the order compared
//	    {"code": "520000", "name": "贵州省", "name_en": "Guizhou",
//	     "score": 79.1, "rank": 1, "stars": 4, "class": "…" (labels only),
//	     "change": {"from": 2016, "score": 3.2, "rank": 1, "stars": 0} (multi-year results),
//	     "dimensions": [{"id": "policy", "score": 77.3, "rank": 2, "stars": 4}],   // missing: score null, no rank/stars
//	     "indicators": [{"id": "policy_docs", "raw": 3, "unit": "件", "normalised": 75,
//	                     "rank": 2, "imputed": false, "vs_mean": -12.5}],          // missing: null, no rank
//	     "strengths": ["national_firsts", …], "weaknesses": ["policy_years", …]}  // ids, [] when none
//	  ],
//	  "gaps": {
//	    "method": "difference",          // two regions: B − A; "to_best" for three or more
//	    "regions": [                     // difference: one entry (B, versus A); to_best: one per region
//	      {"code": "440100", "versus": "520000",   // to_best: "versus": "best"
//	       "index": {"gap": -0.5},                 // to_best: also "best": "<code of the leader>"
//	       "dimensions": [{"id": "policy", "gap": 3.7}],
//	       "indicators": [{"id": "policy_docs", "raw": 1, "normalised": 25}]}
//	    ]
//	  }
//	}
//
// Same input, same output, byte for byte.
func WriteCompare(w io.Writer, format string, r *scoring.Result, codes []string, o Options) error {
	if !slices.Contains(CompareFormats(), format) {
		return fmt.Errorf("reports: unknown format %q (want one of %s)", format, strings.Join(CompareFormats(), ", "))
	}
	d, err := NewCompareData(r, codes)
	if err != nil {
		return err
	}
	switch format {
	case "csv":
		return d.WriteCSV(w, o)
	case "json":
		return EncodeJSON(w, d.JSON(o))
	case "md":
		return d.WriteMarkdown(w, o)
	}
	return d.WriteTable(w, o)
}

// The words of the comparison, by language.
const (
	cwTitle      = "title"
	cwScores     = "scores"
	cwIndicators = "indicators"
	cwIndicator  = "indicator"
	cwIndex      = "index"
	cwScore      = "score"
	cwRank       = "rank"
	cwStars      = "stars"
	cwRaw        = "raw"
	cwNormalised = "normalised"
	cwGap        = "gap"     // %s B, %s A
	cwGapToBest  = "to_best" // section title
	cwGapIntro   = "to_best_intro"
	cwHighlights = "highlights"
	cwStrengths  = "strengths"
	cwWeaknesses = "weaknesses"
	cwNone       = "none"
	cwListSep    = "list_sep"
	cwImputed    = "imputed"
	cwLabelSep   = "label_sep"
	cwClauseSep  = "clause_sep"
)

var compareWords = map[string]map[string]string{
	"zh": {
		cwTitle:      "地区对比",
		cwScores:     "指数与维度",
		cwIndicators: "指标",
		cwIndicator:  "指标",
		cwIndex:      "指数",
		cwScore:      "得分",
		cwRank:       "排名",
		cwStars:      "星级",
		cwRaw:        "原始值",
		cwNormalised: "标准化",
		cwGap:        "差距（%s − %s）",
		cwGapToBest:  "与所比较地区中最优者的差距",
		cwGapIntro:   "指数与维度为得分之差，指标为标准化值之差；0 表示该项最优。",
		cwHighlights: "优势与短板（指标标准化值与所比较地区平均值之差，各取前 3 项）",
		cwStrengths:  "优势",
		cwWeaknesses: "短板",
		cwNone:       "无",
		cwListSep:    "、",
		cwImputed:    "* 为插补值。",
		cwLabelSep:   "：",
		cwClauseSep:  "；",
	},
	"en": {
		cwTitle:      "Comparison",
		cwScores:     "Index and dimensions",
		cwIndicators: "Indicators",
		cwIndicator:  "Indicator",
		cwIndex:      "Index",
		cwScore:      "Score",
		cwRank:       "Rank",
		cwStars:      "Stars",
		cwRaw:        "Raw",
		cwNormalised: "Normalised",
		cwGap:        "Gap (%s − %s)",
		cwGapToBest:  "Gap to the best of the compared regions",
		cwGapIntro:   "Score points for the index and dimensions, normalised points for the indicators; 0 is the best.",
		cwHighlights: "Strengths and weaknesses (normalised value minus the mean of the compared regions; top 3 each)",
		cwStrengths:  "Strengths",
		cwWeaknesses: "Weaknesses",
		cwNone:       "none",
		cwListSep:    ", ",
		cwImputed:    "* imputed value.",
		cwLabelSep:   ": ",
		cwClauseSep:  "; ",
	},
}

func compareWord(lang, key string) string { return compareWords[normLang(lang)][key] }

// compareTitle is "地区对比 · <index> · <edition> · <year>".
func (d *CompareData) compareTitle(lang string) string {
	t := compareWord(lang, cwTitle)
	if rest := title(d.Result, lang); rest != "" {
		t += Message(lang, msgTitleSep) + rest
	}
	return t
}

// compareGrid is a table whose region columns hold several parts each
// (score, rank, stars), aligned within the column.
type compareGrid struct {
	head  []string   // column titles; [0] is the label column
	sub   [][]string // per column (from 1): the names of its parts
	right [][]bool   // per column (from 1): which parts are right-aligned
	rows  []compareGridRow
	// alignRight right-aligns the columns after the first, head included
	// (else they are left-aligned, their parts aligned within).
	alignRight bool
}

type compareGridRow struct {
	label   string
	depth   int
	heading bool       // a group title: label only
	cells   [][]string // per column (from 1): its parts
}

// compareRenderer formats the cells of one comparison in one language.
type compareRenderer struct {
	d       *CompareData
	lang    string
	dec     int
	classes int
	dash    string
	imputed bool // a value shown is imputed
}

func (d *CompareData) renderer(o Options) *compareRenderer {
	return &compareRenderer{
		d: d, lang: o.lang(), dec: decimals(d.Result.Def),
		classes: d.Result.Def.Stars.NumClasses(), dash: Message(o.lang(), msgMissingCell),
	}
}

func (c *compareRenderer) word(key string) string { return compareWord(c.lang, key) }

func (c *compareRenderer) regionName(k int) string { return regionName(c.d.Regions[k].Region, c.lang) }

func (c *compareRenderer) orDash(s string) string {
	if s == "" {
		return c.dash
	}
	return s
}

func (c *compareRenderer) score(x float64) string { return c.orDash(formatScore(x, c.dec)) }

// signed prints a gap with its sign: +3.7, -0.5, 0.0.
func (c *compareRenderer) signed(x float64) string {
	s := formatScore(x, c.dec)
	if s == "" {
		return c.dash
	}
	if x > 0 && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	return s
}

func (c *compareRenderer) rank(n int) string {
	if n <= 0 {
		return c.dash
	}
	return strconv.Itoa(n) + "/" + strconv.Itoa(c.d.Rated)
}

func (c *compareRenderer) stars(s CompareScore) string {
	if s.Stars <= 0 {
		return c.dash
	}
	g := StarGlyphs(s.Stars, c.classes)
	if s.Class != "" {
		g += " " + s.Class
	}
	return g
}

// raw prints a raw value with its unit; sign adds + to positive values.
func (c *compareRenderer) raw(x float64, ind *indicators.Indicator, sign bool) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return c.dash
	}
	s := compareRawNumber(x, c.dec)
	if sign && x > 0 && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	unit := UnitLabel(c.lang, ind)
	switch {
	case unit == "":
		return s
	case unit == "%" || unit == "‰":
		return s + unit
	}
	return s + " " + unit
}

// compareRawNumber prints a raw value: whole numbers as they are, others
// with dec decimals (at least 1; 3 significant digits under 1), without
// trailing zeros.
func compareRawNumber(x float64, dec int) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return formatNumber(x)
	}
	var s string
	if math.Abs(x) < 1 {
		s = strconv.FormatFloat(x, 'g', 3, 64)
		if strings.ContainsAny(s, "e") {
			return s
		}
	} else {
		s = strconv.FormatFloat(x, 'f', max(dec, 1), 64)
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

func (c *compareRenderer) normalised(v CompareValue) string {
	s := c.score(v.Normalised)
	if v.Imputed && s != c.dash {
		c.imputed = true
		s += "*"
	}
	return s
}

func (c *compareRenderer) indicatorName(ind *indicators.Indicator) string {
	if n := PickName(c.lang, ind.Name, ind.NameEn); n != "" {
		return n
	}
	return ind.ID
}

// gapHead is the title of the B − A column.
func (c *compareRenderer) gapHead() string {
	return fmt.Sprintf(c.word(cwGap), c.regionName(1), c.regionName(0))
}

// scoresGrid is the index and the dimensions.
func (c *compareRenderer) scoresGrid() *compareGrid {
	d := c.d
	g := &compareGrid{head: []string{c.word(cwScores)}}
	for k := range d.Regions {
		g.head = append(g.head, c.regionName(k))
		g.sub = append(g.sub, []string{c.word(cwScore), c.word(cwRank), c.word(cwStars)})
		g.right = append(g.right, []bool{true, true, false})
	}
	pair := d.GapMethod == GapDifference
	if pair {
		g.head = append(g.head, c.gapHead())
		g.sub = append(g.sub, []string{c.word(cwScore)})
		g.right = append(g.right, []bool{true})
	}
	add := func(label string, row CompareScoreRow) {
		gr := compareGridRow{label: label, depth: row.Depth}
		for _, s := range row.Cells {
			if math.IsNaN(s.Score) {
				gr.cells = append(gr.cells, []string{c.dash, "", ""})
				continue
			}
			gr.cells = append(gr.cells, []string{c.score(s.Score), c.rank(s.Rank), c.stars(s)})
		}
		if pair {
			gr.cells = append(gr.cells, []string{c.signed(row.Gaps[0].Value)})
		}
		g.rows = append(g.rows, gr)
	}
	add(c.word(cwIndex), d.Index)
	if prev, ok := previousYear(d.Result); ok {
		// The index's change since the previous year, in the same parts.
		gr := compareGridRow{label: swf(c.lang, swVsYear, prev)}
		for _, rr := range d.Regions {
			gr.cells = append(gr.cells, changeCells(d.Result, rr, c.lang, c.dec, c.dash))
		}
		if pair {
			gr.cells = append(gr.cells, []string{""})
		}
		g.rows = append(g.rows, gr)
	}
	for _, row := range d.Dimensions {
		add(dimensionName(row.Dimension, c.lang), row)
	}
	return g
}

// indicatorsGrid is the indicators under their dimensions.
func (c *compareRenderer) indicatorsGrid() *compareGrid {
	d := c.d
	g := &compareGrid{head: []string{c.word(cwIndicator)}}
	for k := range d.Regions {
		g.head = append(g.head, c.regionName(k))
		g.sub = append(g.sub, []string{c.word(cwRaw), c.word(cwNormalised), c.word(cwRank)})
		g.right = append(g.right, []bool{true, true, true})
	}
	pair := d.GapMethod == GapDifference
	if pair {
		g.head = append(g.head, c.gapHead())
		g.sub = append(g.sub, []string{c.word(cwRaw), c.word(cwNormalised)})
		g.right = append(g.right, []bool{true, true})
	}
	var last *indicators.Dimension
	for _, row := range d.Indicators {
		if row.Dimension != last {
			last = row.Dimension
			g.rows = append(g.rows, compareGridRow{label: dimensionName(row.Dimension, c.lang), depth: row.Depth - 1, heading: true})
		}
		gr := compareGridRow{label: c.indicatorName(row.Indicator), depth: row.Depth}
		for _, v := range row.Cells {
			if math.IsNaN(v.Raw) && math.IsNaN(v.Normalised) {
				gr.cells = append(gr.cells, []string{c.dash, "", ""})
				continue
			}
			gr.cells = append(gr.cells, []string{c.raw(v.Raw, row.Indicator, false), c.normalised(v), c.rank(v.Rank)})
		}
		if pair {
			gp := row.Gaps[0]
			if math.IsNaN(gp.Raw) && math.IsNaN(gp.Value) {
				gr.cells = append(gr.cells, []string{c.dash, ""})
			} else {
				gr.cells = append(gr.cells, []string{c.raw(gp.Raw, row.Indicator, true), c.signed(gp.Value)})
			}
		}
		g.rows = append(g.rows, gr)
	}
	return g
}

// toBestGrid is each region's gap to the best (three or more regions):
// the index, then each dimension followed by its indicators.
func (c *compareRenderer) toBestGrid() *compareGrid {
	d := c.d
	g := &compareGrid{head: []string{""}, alignRight: true}
	for k := range d.Regions {
		g.head = append(g.head, c.regionName(k))
		g.sub = append(g.sub, []string{""})
		g.right = append(g.right, []bool{true})
	}
	add := func(label string, depth int, gaps []CompareGap) {
		gr := compareGridRow{label: label, depth: depth}
		for _, gp := range gaps {
			gr.cells = append(gr.cells, []string{c.signed(gp.Value)})
		}
		g.rows = append(g.rows, gr)
	}
	add(c.word(cwIndex), 0, d.Index.Gaps)
	for _, row := range d.Dimensions {
		add(dimensionName(row.Dimension, c.lang), row.Depth, row.Gaps)
		for _, ir := range d.Indicators {
			if ir.Dimension == row.Dimension {
				add(c.indicatorName(ir.Indicator), row.Depth+1, ir.Gaps)
			}
		}
	}
	return g
}

// highlights is a region's strengths or weaknesses as text, or "none".
func (c *compareRenderer) highlights(list []CompareHighlight, escape func(string) string) string {
	if len(list) == 0 {
		return c.word(cwNone)
	}
	parts := make([]string, len(list))
	for i, h := range list {
		parts[i] = escape(c.indicatorName(h.Indicator)) + " " + c.signed(h.Diff)
	}
	return strings.Join(parts, c.word(cwListSep))
}

// WriteTable writes the comparison as terminal tables aligned by display
// width.
func (d *CompareData) WriteTable(w io.Writer, o Options) error {
	c := d.renderer(o)
	var b strings.Builder
	line := func(s string) {
		b.WriteString(strings.TrimRight(oneLine(s), " "))
		b.WriteByte('\n')
	}
	line(d.compareTitle(c.lang))
	b.WriteByte('\n')
	c.scoresGrid().writeText(&b)
	b.WriteByte('\n')
	c.indicatorsGrid().writeText(&b)
	if d.GapMethod == GapToBest {
		b.WriteByte('\n')
		line(c.word(cwGapToBest))
		line(c.word(cwGapIntro))
		c.toBestGrid().writeText(&b)
	}
	b.WriteByte('\n')
	line(c.word(cwHighlights))
	for k := range d.Regions {
		line(c.regionName(k))
		line("  " + c.word(cwStrengths) + c.word(cwLabelSep) + c.highlights(d.Strengths[k], oneLine))
		line("  " + c.word(cwWeaknesses) + c.word(cwLabelSep) + c.highlights(d.Weaknesses[k], oneLine))
	}
	if c.imputed {
		b.WriteByte('\n')
		line(c.word(cwImputed))
	}
	// A region scored on fewer dimensions is said to be, under the table.
	if notes := noDataNotesFor(d.Result.Def, d.Regions, c.lang); len(notes) > 0 {
		b.WriteByte('\n')
		for _, n := range notes {
			line(n)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeText lays the grid out in display-width-aligned columns: the head,
// the part names (when any), a rule, the rows.
func (g *compareGrid) writeText(b *strings.Builder) {
	ncol := len(g.head)
	// Widths of the parts of each column.
	parts := make([][]int, ncol)
	for col := 1; col < ncol; col++ {
		parts[col] = make([]int, len(g.sub[col-1]))
		for p, s := range g.sub[col-1] {
			parts[col][p] = width.StringWidth(oneLine(s))
		}
		for _, r := range g.rows {
			if r.heading {
				continue
			}
			for p, s := range r.cells[col-1] {
				parts[col][p] = max(parts[col][p], width.StringWidth(oneLine(s)))
			}
		}
	}
	compose := func(col int, cells []string) string {
		var sb strings.Builder
		for p, s := range cells {
			s = oneLine(s)
			if p > 0 {
				sb.WriteString(columnGap)
			}
			pad := strings.Repeat(" ", max(parts[col][p]-width.StringWidth(s), 0))
			if g.right[col-1][p] {
				sb.WriteString(pad + s)
			} else {
				sb.WriteString(s + pad)
			}
		}
		return sb.String()
	}
	hasSub := false
	for _, s := range g.sub {
		for _, x := range s {
			hasSub = hasSub || x != ""
		}
	}
	lines := [][]string{append([]string(nil), g.head...)}
	for i := range lines[0] {
		lines[0][i] = oneLine(lines[0][i])
	}
	if hasSub {
		l := []string{""}
		for col := 1; col < ncol; col++ {
			l = append(l, compose(col, g.sub[col-1]))
		}
		lines = append(lines, l)
	}
	body := len(lines)
	for _, r := range g.rows {
		l := []string{strings.Repeat("  ", r.depth) + oneLine(r.label)}
		if !r.heading {
			for col := 1; col < ncol; col++ {
				l = append(l, compose(col, r.cells[col-1]))
			}
		}
		lines = append(lines, l)
	}
	widths := make([]int, ncol)
	for _, l := range lines {
		for i, s := range l {
			if i == 0 && len(l) == 1 {
				continue // a heading may run into the next columns
			}
			widths[i] = max(widths[i], width.StringWidth(s))
		}
	}
	write := func(l []string) {
		var lb strings.Builder
		for i, s := range l {
			if i > 0 {
				lb.WriteString(columnGap)
			}
			pad := strings.Repeat(" ", max(widths[i]-width.StringWidth(s), 0))
			if i > 0 && g.alignRight {
				lb.WriteString(pad + s)
			} else {
				lb.WriteString(s + pad)
			}
		}
		b.WriteString(strings.TrimRight(lb.String(), " "))
		b.WriteByte('\n')
	}
	for _, l := range lines[:body] {
		write(l)
	}
	rule := make([]string, ncol)
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}
	write(rule)
	for _, l := range lines[body:] {
		write(l)
	}
}

// WriteMarkdown writes the comparison as GitHub-flavoured Markdown tables.
func (d *CompareData) WriteMarkdown(w io.Writer, o Options) error {
	c := d.renderer(o)
	var b strings.Builder
	b.WriteString("## " + EscapeMarkdown(d.compareTitle(c.lang)) + "\n\n")
	b.WriteString("### " + EscapeMarkdown(c.word(cwScores)) + "\n\n")
	c.scoresGrid().writeMarkdown(&b)
	b.WriteString("\n### " + EscapeMarkdown(c.word(cwIndicators)) + "\n\n")
	c.indicatorsGrid().writeMarkdown(&b)
	if d.GapMethod == GapToBest {
		b.WriteString("\n### " + EscapeMarkdown(c.word(cwGapToBest)) + "\n\n")
		b.WriteString(EscapeMarkdown(c.word(cwGapIntro)) + "\n\n")
		c.toBestGrid().writeMarkdown(&b)
	}
	b.WriteString("\n### " + EscapeMarkdown(c.word(cwHighlights)) + "\n\n")
	for k := range d.Regions {
		b.WriteString("- **" + EscapeMarkdown(c.regionName(k)) + "** — " +
			EscapeMarkdown(c.word(cwStrengths)) + c.word(cwLabelSep) + c.highlights(d.Strengths[k], EscapeMarkdown) + c.word(cwClauseSep) +
			EscapeMarkdown(c.word(cwWeaknesses)) + c.word(cwLabelSep) + c.highlights(d.Weaknesses[k], EscapeMarkdown) + "\n")
	}
	if c.imputed {
		b.WriteString("\n" + EscapeMarkdown(c.word(cwImputed)) + "\n")
	}
	for i, n := range noDataNotesFor(d.Result.Def, d.Regions, c.lang) {
		if i == 0 {
			b.WriteString("\n")
		}
		b.WriteString(EscapeMarkdown(n) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarkdown writes the grid as a Markdown table: the part names in an
// italic first row, each cell's parts joined with " · ".
func (g *compareGrid) writeMarkdown(b *strings.Builder) {
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	join := func(parts []string, italic bool) string {
		var out []string
		for _, p := range parts {
			if p == "" {
				continue
			}
			out = append(out, EscapeMarkdown(p))
		}
		s := strings.Join(out, " · ")
		if italic && s != "" {
			s = "*" + s + "*"
		}
		return s
	}
	head := make([]string, len(g.head))
	for i, h := range g.head {
		head[i] = EscapeMarkdown(h)
	}
	row(head)
	align := []string{":---"}
	for range g.head[1:] {
		align = append(align, "---:")
	}
	row(align)
	sub := []string{""}
	hasSub := false
	for _, s := range g.sub {
		j := join(s, true)
		hasSub = hasSub || j != ""
		sub = append(sub, j)
	}
	if hasSub {
		row(sub)
	}
	for _, r := range g.rows {
		label := strings.Repeat("&nbsp;&nbsp;", r.depth) + EscapeMarkdown(r.label)
		cells := []string{label}
		if r.heading {
			cells[0] = strings.Repeat("&nbsp;&nbsp;", r.depth) + "**" + EscapeMarkdown(r.label) + "**"
			for range g.head[1:] {
				cells = append(cells, "")
			}
		} else {
			for _, parts := range r.cells {
				cells = append(cells, join(parts, false))
			}
		}
		row(cells)
	}
}

// WriteCSV writes the comparison as CSV: a row per line of the comparison,
// a column per region (see the documentation at the top of this file).
func (d *CompareData) WriteCSV(w io.Writer, o Options) error {
	lang := o.lang()
	def := d.Result.Def
	header := []string{"kind", "id", "name", "measure", "unit"}
	for _, rr := range d.Regions {
		header = append(header, rr.Region.Code)
	}
	if d.GapMethod == GapDifference {
		header = append(header, "gap")
	} else {
		for _, rr := range d.Regions {
			header = append(header, "gap."+rr.Region.Code)
		}
	}
	records := [][]string{header}
	gapCells := func(gaps []CompareGap, raw bool) []string {
		out := make([]string, len(gaps))
		for i, g := range gaps {
			if raw {
				out[i] = formatNumber(g.Raw)
			} else {
				out[i] = formatNumber(g.Value)
			}
		}
		return out
	}
	noGaps := func() []string {
		if d.GapMethod == GapDifference {
			return []string{""}
		}
		return make([]string, len(d.Regions))
	}
	scoreRows := func(kind, id, name string, row CompareScoreRow) {
		var score, rank, stars []string
		for _, s := range row.Cells {
			score = append(score, formatNumber(s.Score))
			rank = append(rank, positive(s.Rank))
			stars = append(stars, positive(s.Stars))
		}
		base := []string{kind, id, name}
		records = append(records,
			slices.Concat(base, []string{"score", ""}, score, gapCells(row.Gaps, false)),
			slices.Concat(base, []string{"rank", ""}, rank, noGaps()),
			slices.Concat(base, []string{"stars", ""}, stars, noGaps()))
	}
	scoreRows("index", "index", indexName(def, lang), d.Index)
	if prev, ok := previousYear(d.Result); ok {
		// The index's change since the previous year (empty where a region
		// has none).
		name := swf(lang, swVsYear, prev)
		cells := make([][]string, 3)
		for _, rr := range d.Regions {
			ch := changeCSVCells(d.Result, rr)
			cells[0], cells[1], cells[2] = append(cells[0], ch[1]), append(cells[1], ch[2]), append(cells[2], ch[3])
		}
		for i, m := range []string{"score", "rank", "stars"} {
			records = append(records, slices.Concat([]string{"change", strconv.Itoa(prev), name, m, ""}, cells[i], noGaps()))
		}
	}
	for _, row := range d.Dimensions {
		scoreRows("dimension", row.ID, dimensionName(row.Dimension, lang), row)
	}
	for _, row := range d.Indicators {
		ind := row.Indicator
		name := PickName(lang, ind.Name, ind.NameEn)
		var raw, norm, rank []string
		for _, v := range row.Cells {
			raw = append(raw, formatNumber(v.Raw))
			norm = append(norm, formatNumber(v.Normalised))
			rank = append(rank, positive(v.Rank))
		}
		base := []string{"indicator", ind.ID, name}
		records = append(records,
			slices.Concat(base, []string{"raw", ind.Unit}, raw, gapCells(row.Gaps, true)),
			slices.Concat(base, []string{"normalised", ""}, norm, gapCells(row.Gaps, false)),
			slices.Concat(base, []string{"rank", ""}, rank, noGaps()))
	}
	for _, kind := range []string{"strength", "weakness"} {
		lists := d.Strengths
		if kind == "weakness" {
			lists = d.Weaknesses
		}
		for i := range compareHighlights {
			rec := []string{kind, "", "", strconv.Itoa(i + 1), ""}
			for _, l := range lists {
				id := ""
				if i < len(l) {
					id = l[i].Indicator.ID
				}
				rec = append(rec, id)
			}
			records = append(records, append(rec, noGaps()...))
		}
	}
	return WriteCSVRecords(w, records)
}

// CompareJSONDoc is the JSON document of a comparison.
type CompareJSONDoc struct {
	Year    int                 `json:"year"`
	Index   CompareJSONIndex    `json:"index"`
	Rated   int                 `json:"rated"`
	Regions []CompareJSONRegion `json:"regions"`
	Gaps    CompareJSONGaps     `json:"gaps"`
}

// CompareJSONIndex identifies the index and the program.
type CompareJSONIndex struct {
	Name    string `json:"name"`
	NameEn  string `json:"name_en,omitempty"`
	Edition string `json:"edition"`
	Engine  string `json:"engine"`
}

// CompareJSONRegion is a compared region.
type CompareJSONRegion struct {
	Code       string                 `json:"code"`
	Name       string                 `json:"name"`
	NameEn     string                 `json:"name_en,omitempty"`
	Score      JSONFloat              `json:"score"`
	Rank       int                    `json:"rank"`
	Stars      int                    `json:"stars"`
	Class      string                 `json:"class,omitempty"`
	Change     *JSONChange            `json:"change,omitempty"` // since the previous rated year (multi-year results)
	Dimensions []JSONDimension        `json:"dimensions"`
	Indicators []CompareJSONIndicator `json:"indicators"`
	Strengths  []string               `json:"strengths"`
	Weaknesses []string               `json:"weaknesses"`
}

// CompareJSONIndicator is a compared region's values of an indicator.
type CompareJSONIndicator struct {
	ID         string    `json:"id"`
	Raw        JSONFloat `json:"raw"`
	Unit       string    `json:"unit,omitempty"`
	Normalised JSONFloat `json:"normalised"`
	Rank       *int      `json:"rank,omitempty"`
	Imputed    bool      `json:"imputed"`
	VsMean     JSONFloat `json:"vs_mean"`
}

// CompareJSONGaps are the gaps: method "difference" or "to_best".
type CompareJSONGaps struct {
	Method  string              `json:"method"`
	Regions []CompareJSONGapSet `json:"regions"`
}

// CompareJSONGapSet is one region's gaps, versus another region's code or
// "best".
type CompareJSONGapSet struct {
	Code       string                    `json:"code"`
	Versus     string                    `json:"versus"`
	Index      CompareJSONGap            `json:"index"`
	Dimensions []CompareJSONGap          `json:"dimensions"`
	Indicators []CompareJSONIndicatorGap `json:"indicators"`
}

// CompareJSONGap is a score gap; Best names the leader (to_best).
type CompareJSONGap struct {
	ID   string    `json:"id,omitempty"`
	Gap  JSONFloat `json:"gap"`
	Best string    `json:"best,omitempty"`
}

// CompareJSONIndicatorGap is an indicator's gap in raw units and in
// normalised points.
type CompareJSONIndicatorGap struct {
	ID         string    `json:"id"`
	Raw        JSONFloat `json:"raw"`
	Normalised JSONFloat `json:"normalised"`
	Best       string    `json:"best,omitempty"`
}

// JSON builds the comparison's JSON document; it does not depend on o.Lang.
func (d *CompareData) JSON(o Options) *CompareJSONDoc {
	def := d.Result.Def
	doc := &CompareJSONDoc{
		Year:  d.Result.Year,
		Index: CompareJSONIndex{Name: def.Index.Name, NameEn: def.Index.NameEn, Edition: def.Index.Edition, Engine: o.engine()},
		Rated: d.Rated,
		Gaps:  CompareJSONGaps{Method: d.GapMethod},
	}
	for k, rr := range d.Regions {
		reg := CompareJSONRegion{
			Code: rr.Region.Code, Name: rr.Region.Name, NameEn: rr.Region.NameEn,
			Score: JSONFloat(rr.Score), Rank: rr.Rank, Stars: rr.Stars, Class: d.Index.Cells[k].Class,
			Dimensions: []JSONDimension{}, Indicators: []CompareJSONIndicator{},
			Strengths: []string{}, Weaknesses: []string{},
			Change: jsonChange(d.Result, rr.Region.Code),
		}
		for _, row := range d.Dimensions {
			s := row.Cells[k]
			jd := JSONDimension{ID: row.ID, Score: JSONFloat(s.Score)}
			if !math.IsNaN(s.Score) {
				jd.Rank, jd.Stars, jd.Class = positivePtr(s.Rank), positivePtr(s.Stars), s.Class
			}
			reg.Dimensions = append(reg.Dimensions, jd)
		}
		for _, row := range d.Indicators {
			v := row.Cells[k]
			reg.Indicators = append(reg.Indicators, CompareJSONIndicator{
				ID: row.Indicator.ID, Raw: JSONFloat(v.Raw), Unit: row.Indicator.Unit,
				Normalised: JSONFloat(v.Normalised), Rank: positivePtr(v.Rank), Imputed: v.Imputed,
				VsMean: JSONFloat(v.VsMean),
			})
		}
		for _, h := range d.Strengths[k] {
			reg.Strengths = append(reg.Strengths, h.Indicator.ID)
		}
		for _, h := range d.Weaknesses[k] {
			reg.Weaknesses = append(reg.Weaknesses, h.Indicator.ID)
		}
		doc.Regions = append(doc.Regions, reg)
	}
	best := func(g CompareGap) string {
		if g.Best < 0 {
			return ""
		}
		return d.Regions[g.Best].Region.Code
	}
	set := func(k int, code, versus string) CompareJSONGapSet {
		s := CompareJSONGapSet{
			Code: code, Versus: versus,
			Index:      CompareJSONGap{Gap: JSONFloat(d.Index.Gaps[k].Value), Best: best(d.Index.Gaps[k])},
			Dimensions: []CompareJSONGap{}, Indicators: []CompareJSONIndicatorGap{},
		}
		for _, row := range d.Dimensions {
			g := row.Gaps[k]
			s.Dimensions = append(s.Dimensions, CompareJSONGap{ID: row.ID, Gap: JSONFloat(g.Value), Best: best(g)})
		}
		for _, row := range d.Indicators {
			g := row.Gaps[k]
			s.Indicators = append(s.Indicators, CompareJSONIndicatorGap{
				ID: row.Indicator.ID, Raw: JSONFloat(g.Raw), Normalised: JSONFloat(g.Value), Best: best(g),
			})
		}
		return s
	}
	if d.GapMethod == GapDifference {
		doc.Gaps.Regions = []CompareJSONGapSet{set(0, d.Regions[1].Region.Code, d.Regions[0].Region.Code)}
	} else {
		for k, rr := range d.Regions {
			doc.Gaps.Regions = append(doc.Gaps.Regions, set(k, rr.Region.Code, "best"))
		}
	}
	return doc
}
