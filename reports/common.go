package reports

import (
	"errors"
	"math"
	"strconv"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

var errNoResult = errors.New("reports: no scored result to render (nil Result or Definition)")

func check(r *scoring.Result) error {
	if r == nil || r.Def == nil {
		return errNoResult
	}
	return nil
}

// decimals is the number of decimals scores are shown with: [scoring]
// round when set, 2 otherwise.
func decimals(def *indicators.Definition) int {
	if def.Scoring.Round != nil {
		return max(*def.Scoring.Round, 0)
	}
	return 2
}

// formatScore prints x with dec decimals, "" for NaN/Inf; "-0.00" is
// printed as "0.00".
func formatScore(x float64, dec int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if s[0] == '-' {
		if z, err := strconv.ParseFloat(s, 64); err == nil && z == 0 {
			s = s[1:]
		}
	}
	return s
}

// formatNumber prints x in its shortest exact decimal form, "" for NaN/Inf.
func formatNumber(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	if x == 0 {
		return "0" // also for -0
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// hasLabels reports whether the stars have class labels.
func hasLabels(def *indicators.Definition) bool { return len(def.Stars.Labels) > 0 }

// classLabel is the label of a rating: the one recorded by scoring, else
// the configured label of that class.
func classLabel(def *indicators.Definition, class string, stars int) string {
	if class != "" {
		return class
	}
	if stars >= 1 && stars <= len(def.Stars.Labels) {
		return def.Stars.Labels[stars-1]
	}
	return ""
}

// nodeScore finds a region's score for dimension id (nil when absent).
func nodeScore(rr *scoring.RegionResult, id string) *scoring.NodeScore {
	for _, n := range rr.Dimensions {
		if n != nil && n.ID == id {
			return n
		}
	}
	return nil
}

// indicatorScore finds a region's values for indicator id (nil when absent).
func indicatorScore(rr *scoring.RegionResult, id string) *scoring.IndicatorScore {
	for _, s := range rr.Indicators {
		if s != nil && s.ID == id {
			return s
		}
	}
	return nil
}

// dimScoreValue is the dimension's score, NaN when missing.
func dimScoreValue(n *scoring.NodeScore) float64 {
	if n == nil || n.Missing {
		return math.NaN()
	}
	return n.Score
}

// regionRow is the cells shared by the table and Markdown renderers.
type regionRow struct {
	rank, name, code, score, stars, class string
	dims                                  []string
}

// layoutRows builds the header and the rows of the ranking table.
func layoutRows(r *scoring.Result, lang string) (header regionRow, rows []regionRow, notes []string) {
	def := r.Def
	dec := decimals(def)
	classes := def.Stars.NumClasses()
	dash := Message(lang, msgMissingCell)
	top := def.ChildDimensions("")
	header = regionRow{
		rank:  Message(lang, msgRank),
		name:  Message(lang, msgRegion),
		code:  Message(lang, msgCode),
		score: Message(lang, msgScore),
		stars: Message(lang, msgStars),
		class: Message(lang, msgClass),
	}
	for _, d := range top {
		header.dims = append(header.dims, dimensionName(d, lang))
	}
	orDash := func(s string) string {
		if s == "" {
			return dash
		}
		return s
	}
	for _, rr := range r.Regions {
		row := regionRow{name: regionName(rr.Region, lang), code: rr.Region.Code}
		if rr.Rated {
			row.rank = strconv.Itoa(rr.Rank)
			row.score = orDash(formatScore(rr.Score, dec))
			row.stars = StarGlyphs(rr.Stars, classes)
			row.class = classLabel(def, rr.Class, rr.Stars)
		} else {
			row.rank, row.score, row.stars = dash, dash, StarGlyphs(0, classes)
			notes = append(notes, notRatedNote(rr, r.Def.Scoring.MinCoverage, lang))
		}
		for _, d := range top {
			row.dims = append(row.dims, orDash(formatScore(dimScoreValue(nodeScore(rr, d.ID)), dec)))
		}
		rows = append(rows, row)
	}
	notes = append(notes, noDataNotes(r, lang)...)
	notes = append(notes, capNotes(r, lang)...)
	notes = append(notes, treatmentNotes(r, lang)...)
	return header, rows, notes
}

// capNotes says which ratings a star cap lowered, and why.
func capNotes(r *scoring.Result, lang string) []string {
	var out []string
	for _, c := range r.Caps {
		name := c.Region
		for _, rr := range r.Regions {
			if rr.Region.Code == c.Region {
				name = regionName(rr.Region, lang)
			}
		}
		dim := c.Dimension
		if d, ok := r.Def.Dimension(c.Dimension); ok {
			dim = dimensionName(d, lang)
		}
		out = append(out, msgf(lang, msgCapNote, name, c.Region, c.From, c.To, dim))
	}
	return out
}

// treatmentNotes lists the indicators outlier treatment changed.
func treatmentNotes(r *scoring.Result, lang string) []string {
	var out []string
	for _, t := range r.Treatments {
		name := t.Indicator
		if ind, ok := r.Def.Indicator(t.Indicator); ok {
			name = PickName(lang, ind.Name, ind.NameEn)
		}
		out = append(out, msgf(lang, msgTreatNote, name, t.Applied, t.Changed))
	}
	return out
}

// cells flattens a row into its columns; withClass adds the class column.
func (row regionRow) cells(withClass bool) []string {
	out := []string{row.rank, row.name, row.code, row.score, row.stars}
	if withClass {
		out = append(out, row.class)
	}
	return append(out, row.dims...)
}

// rightAligned says which columns hold numbers.
func rightAligned(withClass bool, ndims int) []bool {
	out := []bool{true, false, false, true, false}
	if withClass {
		out = append(out, false)
	}
	for range ndims {
		out = append(out, true)
	}
	return out
}
