package scoring_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

// seriesProject is one indicator over two years: every region gains 10 in
// 2020, so only pooled scores show the gain. D has no 2019 value.
func seriesProject(comparable, stars string) project {
	return project{
		toml: `[index]
name = "series"
year = 2020
years = [2019, 2020]
regions = "regions.csv"
data = ["data.csv"]

[scoring]
normalise = "minmax"
weights = "equal"
comparable = "` + comparable + `"
` + stars + `
[[dimension]]
id = "d"
name = "D"

[[indicator]]
id = "x"
dimension = "d"
name = "X"
`,
		data: "region,year,indicator,value\n" +
			"A,2019,x,0\nB,2019,x,5\nC,2019,x,10\n" +
			"A,2020,x,10\nB,2020,x,15\nC,2020,x,20\nD,2020,x,12\n",
	}
}

func TestSeriesPooledAndSeparate(t *testing.T) {
	for _, tc := range []struct {
		comparable string
		want2019   map[string]float64
		want2020   map[string]float64
	}{
		// Each year on its own: the minimum is 0 and the maximum 100 in
		// both years.
		{"separate", map[string]float64{"A": 0, "B": 50, "C": 100}, map[string]float64{"A": 0, "B": 50, "C": 100, "D": 20}},
		// Both years stacked: min 0 (A 2019), max 20 (C 2020).
		{"pooled", map[string]float64{"A": 0, "B": 25, "C": 50}, map[string]float64{"A": 50, "B": 75, "C": 100, "D": 60}},
	} {
		t.Run(tc.comparable, func(t *testing.T) {
			def, ds := seriesProject(tc.comparable, "").load(t)
			s, err := scoring.RunSeries(def, ds, scoring.SeriesYears(def, ds))
			require.NoError(t, err)
			require.Equal(t, []int{2019, 2020}, s.Years)
			assert.Equal(t, tc.comparable, s.Comparable)
			r19, ok := s.Result(2019)
			require.True(t, ok)
			r20, ok := s.Result(2020)
			require.True(t, ok)
			assert.InDeltaMapValues(t, tc.want2019, scores(r19), 1e-9, "D has no 2019 data")
			assert.InDeltaMapValues(t, tc.want2020, scores(r20), 1e-9)

			// The series' 2020 is what Run gives for 2020 alone.
			alone, err := scoring.Run(def, ds, 2020)
			require.NoError(t, err)
			assert.Equal(t, scores(alone), scores(r20))
		})
	}
}

func TestSeriesChangeAndTrend(t *testing.T) {
	def, ds := seriesProject("pooled", "").load(t)
	s, err := scoring.RunSeries(def, ds, []int{2019, 2020})
	require.NoError(t, err)
	r20, _ := s.Result(2020)
	r19, _ := s.Result(2019)

	c, ok := r20.Change("B")
	require.True(t, ok)
	assert.Equal(t, 2019, c.From)
	assert.InDelta(t, 50, c.Score, 1e-9)
	assert.Equal(t, 0, c.Rank, "B is second in both years among the regions rated in each")
	assert.InDelta(t, 50, c.Dimensions[0], 1e-9)

	_, ok = r20.Change("D")
	assert.False(t, ok, "D was not rated in 2019")
	_, ok = r19.Change("B")
	assert.False(t, ok, "2019 has no previous year")

	_, ok = r20.Trend("B")
	assert.False(t, ok, "two rated years are one step: the change, not a trend")
	_, ok = r20.Trend("D")
	assert.False(t, ok, "one rated year is no trend")

	// Three years: B scores 25, 75, 100 (pooled minmax over 0…20), A
	// starts at 0.
	p := seriesProject("pooled", "")
	p.toml = strings.Replace(p.toml, "years = [2019, 2020]", "years = [2019, 2020, 2021]", 1)
	p.data += "A,2021,x,12\nB,2021,x,20\nC,2021,x,16\n"
	def, ds = p.load(t)
	s3, err := scoring.RunSeries(def, ds, []int{2019, 2020, 2021})
	require.NoError(t, err)
	r21, _ := s3.Result(2021)
	tr, ok := r21.Trend("B")
	require.True(t, ok)
	assert.Equal(t, []int{2019, 2020, 2021}, tr.Years)
	assert.InDelta(t, 37.5, tr.Slope, 1e-9) // least squares through 25, 75, 100
	require.True(t, tr.CAGROK)
	assert.InDelta(t, 1.0, tr.CAGR, 1e-9) // 25 → 100 in two years
	tr, ok = r21.Trend("A")
	require.True(t, ok)
	assert.False(t, tr.CAGROK, "A starts at 0: no growth rate")
	_, ok = r21.Trend("D")
	assert.False(t, ok, "D is rated in 2020 and 2021 only")
	r20b, _ := s3.Result(2020)
	_, ok = r20b.Trend("B")
	assert.False(t, ok, "the trend stops at the result's year")
	_, ok = r19.Trend("B")
	assert.False(t, ok)
}

func TestSeriesRankChange(t *testing.T) {
	p := seriesProject("pooled", "")
	// B overtakes C in 2020.
	p.data = "region,year,indicator,value\nA,2019,x,1\nB,2019,x,2\nC,2019,x,3\nA,2020,x,1\nB,2020,x,4\nC,2020,x,3\n"
	def, ds := p.load(t)
	s, err := scoring.RunSeries(def, ds, []int{2019, 2020})
	require.NoError(t, err)
	r20, _ := s.Result(2020)
	for code, want := range map[string]int{"A": 0, "B": 1, "C": -1} {
		c, ok := r20.Change(code)
		require.True(t, ok, code)
		assert.Equal(t, want, c.Rank, code)
	}
}

// With classes fitted by quantiles, each year alone always spreads its
// regions over every class; pooled, the weaker year gets fewer stars.
func TestSeriesPooledStarClasses(t *testing.T) {
	stars := "[stars]\nmethod = \"quantiles\"\nclasses = 3\n"
	total := func(res *scoring.Result) int {
		n := 0
		for _, rr := range res.Regions {
			if rr.Rated && rr.Region.Code != "D" {
				n += rr.Stars
			}
		}
		return n
	}
	def, ds := seriesProject("separate", stars).load(t)
	s, err := scoring.RunSeries(def, ds, []int{2019, 2020})
	require.NoError(t, err)
	assert.Equal(t, total(s.Results[0]), total(s.Results[1]))

	def, ds = seriesProject("pooled", stars).load(t)
	s, err = scoring.RunSeries(def, ds, []int{2019, 2020})
	require.NoError(t, err)
	assert.Less(t, total(s.Results[0]), total(s.Results[1]))
	c, ok := s.Results[1].Change("C")
	require.True(t, ok)
	assert.Positive(t, c.Stars, "C's 2020 value beats its 2019 value")
}

func TestSeriesComparability(t *testing.T) {
	p := seriesProject("separate", "")
	p.toml += "normalise = \"goalposts\"\ngoalposts = [0, 20]\n"
	def, ds := p.load(t)
	assert.Equal(t, "goalposts", scoring.Comparability(def))
	s, err := scoring.RunSeries(def, ds, []int{2019, 2020})
	require.NoError(t, err)
	assert.Equal(t, "goalposts", s.Comparable)
	c, ok := s.Results[1].Change("A")
	require.True(t, ok)
	assert.InDelta(t, 50, c.Score, 1e-9, "fixed goalposts are comparable without pooling")
}

// Pooling needs other dated years; with one year it is the plain run.
func TestSeriesPooledOneYear(t *testing.T) {
	p := seriesProject("pooled", "")
	p.data = "region,year,indicator,value\nA,2020,x,10\nB,2020,x,15\nC,2020,x,20\n"
	def, ds := p.load(t)
	res, err := scoring.Run(def, ds, 2020)
	require.NoError(t, err)
	assert.InDeltaMapValues(t, map[string]float64{"A": 0, "B": 50, "C": 100}, scores(res), 1e-9)
}

// whatif under pooled comparability: raising a value can move the pooled
// bounds and the pooled star classes; every option is verified by
// re-rating with the other year in the stack.
func TestSeriesPooledWhatIf(t *testing.T) {
	p := seriesProject("pooled", "[stars]\nmethod = \"quantiles\"\nclasses = 3\n")
	p.data = "region,year,indicator,value\nA,2019,x,1\nB,2019,x,6\nC,2019,x,9\nA,2020,x,3\nB,2020,x,14\nC,2020,x,20\nD,2020,x,12\n"
	def, ds := p.load(t)
	m := wiMatrix(t, def, ds, 2020)
	require.NotEmpty(t, m.Other)
	res, err := scoring.WhatIf(def, m, "A", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	require.NotEmpty(t, res.Options)
	assert.Greater(t, res.Target, res.Stars)
	wiVerify(t, def, m, "A", res, true)
}
