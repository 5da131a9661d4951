package scoring

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"

	"github.com/govindex/govindex/indicators"
)

// Series is a project rated in each of several years: the results of an
// annual edition, from which the changes since the previous year and the
// trend over the years follow.
type Series struct {
	// Years are the rated years, ascending.
	Years []int
	// Results holds one result per year, in the order of Years; each
	// points back to the series.
	Results []*Result
	// Comparable says how the years' scores relate: "pooled" (every
	// indicator normalised over all years' values together, so scores are
	// comparable), "goalposts" (every indicator normalised between fixed
	// goalposts: comparable too) or "separate" (each year normalised on its
	// own: scores are positions within the year).
	Comparable string
}

// SeriesYears are the years a multi-year run rates: [index] years when
// given, else every year with data.
func SeriesYears(def *indicators.Definition, ds *indicators.Dataset) []int {
	if len(def.Index.Years) > 0 {
		return slices.Clone(def.Index.Years)
	}
	return ds.Years()
}

// RunSeries rates the project in each of years (ascending, each with
// data). With [scoring] comparable = "pooled" each year is normalised over
// the values of every year with data.
func RunSeries(def *indicators.Definition, ds *indicators.Dataset, years []int) (*Series, error) {
	s := &Series{Years: slices.Clone(years), Comparable: Comparability(def)}
	for _, y := range s.Years {
		r, err := Run(def, ds, y)
		if err != nil {
			return nil, err
		}
		r.Series = s
		s.Results = append(s.Results, r)
	}
	return s, nil
}

// Comparability names how the scores of different years relate under the
// definition: "goalposts" when every indicator is normalised between fixed
// goalposts, else [scoring] comparable ("pooled" or "separate").
func Comparability(def *indicators.Definition) string {
	if len(def.Indicators) > 0 && !slices.ContainsFunc(def.Indicators, func(ind *indicators.Indicator) bool {
		return normaliserOf(def, ind) != "goalposts"
	}) {
		return "goalposts"
	}
	return def.Scoring.Comparable
}

// Result is the result of year, if the series rated it.
func (s *Series) Result(year int) (*Result, bool) {
	if i := slices.Index(s.Years, year); i >= 0 {
		return s.Results[i], true
	}
	return nil, false
}

// Previous is the result of the rated year before year, if any.
func (s *Series) Previous(year int) (*Result, bool) {
	i := slices.Index(s.Years, year)
	if i <= 0 {
		return nil, false
	}
	return s.Results[i-1], true
}

// Change is how a region's rating moved from the previous rated year.
type Change struct {
	From int // the previous year
	// Score is this year's score minus last year's.
	Score float64
	// Rank is last year's rank minus this year's: positive means the
	// region moved up.
	Rank int
	// Stars is this year's stars minus last year's.
	Stars int
	// Dimensions are the dimension score changes in the order of
	// Definition.Dimensions; NaN where either year has no score.
	Dimensions []float64
}

// Change is the region's change since the previous year of the series. ok
// is false without a series, without a previous year, or when the region
// is unrated in either year.
func (r *Result) Change(code string) (c Change, ok bool) {
	if r.Series == nil {
		return Change{}, false
	}
	prev, ok := r.Series.Previous(r.Year)
	if !ok {
		return Change{}, false
	}
	now, then := r.Region(code), prev.Region(code)
	if now == nil || then == nil || !now.Rated || !then.Rated {
		return Change{}, false
	}
	c = Change{From: prev.Year, Score: now.Score - then.Score, Rank: then.Rank - now.Rank, Stars: now.Stars - then.Stars}
	c.Dimensions = make([]float64, len(now.Dimensions))
	for j, d := range now.Dimensions {
		c.Dimensions[j] = math.NaN()
		if j < len(then.Dimensions) && !d.Missing && !then.Dimensions[j].Missing {
			c.Dimensions[j] = d.Score - then.Dimensions[j].Score
		}
	}
	return c, true
}

// Trend is a region's score over the rated years of a series up to a
// result's year.
type Trend struct {
	From, To int       // first and last year with a rating
	Years    []int     // the years with a rating
	Scores   []float64 // the scores in those years
	// Slope is the least-squares slope of score on year: points a year.
	Slope float64
	// CAGR is the compound annual growth rate of the score from the first
	// to the last year, (last/first)^(1/(To−From)) − 1; CAGROK is false
	// when the first score is not positive, where the rate means nothing.
	CAGR   float64
	CAGROK bool
}

// TrendMinYears is the fewest rated years a trend is given for: over two
// years a "trend" is the one-year change again, not a trend.
const TrendMinYears = 3

// Trend is the region's trend over the series' years up to this result's
// year; ok is false when it is rated in fewer than TrendMinYears of them.
func (r *Result) Trend(code string) (t Trend, ok bool) {
	if r.Series == nil {
		return Trend{}, false
	}
	for i, y := range r.Series.Years {
		if y > r.Year {
			break
		}
		if rr := r.Series.Results[i].Region(code); rr != nil && rr.Rated {
			t.Years = append(t.Years, y)
			t.Scores = append(t.Scores, rr.Score)
		}
	}
	n := len(t.Years)
	if n < TrendMinYears {
		return Trend{}, false
	}
	t.From, t.To = t.Years[0], t.Years[n-1]
	x := make([]float64, n)
	for i, y := range t.Years {
		x[i] = float64(y)
	}
	_, t.Slope = stat.LinearRegression(x, t.Scores, nil, false)
	if first, last := t.Scores[0], t.Scores[n-1]; first > 0 && last >= 0 {
		t.CAGR = math.Pow(last/first, 1/float64(t.To-t.From)) - 1
		t.CAGROK = true
	}
	return t, true
}

// Region is the result of the region with the given code, or nil.
func (r *Result) Region(code string) *RegionResult {
	for _, rr := range r.Regions {
		if rr.Region.Code == code {
			return rr
		}
	}
	return nil
}
