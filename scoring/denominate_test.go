package scoring_test

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// itProject is a small index project in memory: index.toml, regions.csv
// and one observation table data.csv.
type itProject struct {
	toml, regions, data string
}

// itScore parses and loads the project and scores it for its [index] year.
func itScore(t *testing.T, p itProject) (*scoring.Result, error) {
	t.Helper()
	fsys := fstest.MapFS{
		"regions.csv": {Data: []byte(p.regions)},
		"data.csv":    {Data: []byte(p.data)},
	}
	def, err := indicators.Parse("index.toml", []byte(p.toml), indicators.FSFiles{FS: fsys})
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	return scoring.Run(def, ds, def.Index.Year)
}

// itRunProject scores the project and fails the test on an error.
func itRunProject(t *testing.T, p itProject) *scoring.Result {
	t.Helper()
	res, err := itScore(t, p)
	require.NoError(t, err)
	require.NotNil(t, res)
	return res
}

// itRegion returns the result of the region with the given code.
func itRegion(t *testing.T, res *scoring.Result, code string) *scoring.RegionResult {
	t.Helper()
	for _, rr := range res.Regions {
		if rr.Region.Code == code {
			return rr
		}
	}
	t.Fatalf("no region %q in the result", code)
	return nil
}

// itIndicator returns region code's values of indicator id.
func itIndicator(t *testing.T, res *scoring.Result, code, id string) *scoring.IndicatorScore {
	t.Helper()
	x, ok := res.Def.Indicator(id)
	require.True(t, ok, "indicator %q", id)
	is := itRegion(t, res, code).Indicators[x.Index]
	require.Equal(t, id, is.ID)
	return is
}

// itInputError unwraps err into its single *indicators.InputError.
func itInputError(t *testing.T, err error) *indicators.InputError {
	t.Helper()
	require.Error(t, err)
	switch e := err.(type) {
	case *indicators.InputError:
		return e
	case indicators.ErrorList:
		require.Len(t, e, 1, "%v", e)
		return e[0]
	}
	t.Fatalf("not an input error: %T %v", err, err)
	return nil
}

// itLine returns the 1-based line of the only line of src containing s.
func itLine(t *testing.T, src, s string) int {
	t.Helper()
	line := 0
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, s) {
			require.Zero(t, line, "%q occurs on more than one line", s)
			line = i + 1
		}
	}
	require.NotZero(t, line, "%q not found", s)
	return line
}

// itDenomToml has users per 10,000 people, users_pc per person (scale
// left out: 1) and docs without a denominator. denominator is the column
// named by both users indicators.
func itDenomToml(denominator string) string {
	return `[index]
name = "t"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

[scoring]
normalise = "minmax"
weights = "equal"

[[dimension]]
id = "x"

[[indicator]]
id = "users"
dimension = "x"
denominator = "` + denominator + `"
scale = 10000

[[indicator]]
id = "users_pc"
dimension = "x"
denominator = "` + denominator + `"

[[indicator]]
id = "docs"
dimension = "x"
`
}

const itDenomData = "region,year,users,users_pc,docs\n" +
	"A,2020,400,400,1\n" +
	"B,2020,250,250,2\n" +
	"C,2020,100,100,3\n" +
	"D,2020,300,300,4\n"

// TestDenominatePerPopulation: value / population × scale; Raw keeps the
// value as read; a region whose population cell is empty gets a missing
// value (not imputed, and left out of normalisation).
func TestDenominatePerPopulation(t *testing.T) {
	regions := "code,name,population\nA,Alpha,2000000\nB,Beta,500000\nC,Gamma,\nD,Delta,1000000\n"
	res := itRunProject(t, itProject{toml: itDenomToml("population"), regions: regions, data: itDenomData})

	tests := []struct {
		code                 string
		raw, users, usersPC  float64
		usersNorm, docsValue float64
	}{
		{"A", 400, 2, 0.0002, 0, 1},   // 400 / 2,000,000 × 10,000
		{"B", 250, 5, 0.0005, 100, 2}, // 250 / 500,000 × 10,000
		{"C", 100, math.NaN(), math.NaN(), math.NaN(), 3},
		{"D", 300, 3, 0.0003, 100.0 / 3, 4}, // 300 / 1,000,000 × 10,000; minmax over 2, 5, 3
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			u := itIndicator(t, res, tc.code, "users")
			pc := itIndicator(t, res, tc.code, "users_pc")
			assert.Equal(t, tc.raw, u.Raw)
			assert.False(t, u.Imputed)
			if math.IsNaN(tc.users) {
				assert.True(t, math.IsNaN(u.Value), "users value %g", u.Value)
				assert.True(t, math.IsNaN(pc.Value), "users_pc value %g", pc.Value)
				assert.True(t, math.IsNaN(u.Normalised))
			} else {
				assert.InDelta(t, tc.users, u.Value, 1e-12)
				assert.InDelta(t, tc.usersPC, pc.Value, 1e-15)
				assert.InDelta(t, tc.usersNorm, u.Normalised, 1e-9)
			}
			assert.Equal(t, tc.docsValue, itIndicator(t, res, tc.code, "docs").Value, "no denominator: as read")
		})
	}
	assert.True(t, itRegion(t, res, "C").Rated, "coverage counts the values as read")
}

// TestDenominateZeroPopulation: a zero denominator is bad input at the
// region's row of regions.csv, naming the region, the column and the
// indicator.
func TestDenominateZeroPopulation(t *testing.T) {
	regions := "code,name,population\nA,Alpha,2000000\nB,Beta,500000\nC,Gamma,1000\nD,Delta,0\n"
	_, err := itScore(t, itProject{toml: itDenomToml("population"), regions: regions, data: itDenomData})
	e := itInputError(t, err)
	assert.Equal(t, "regions.csv", e.Pos.File)
	assert.Equal(t, 5, e.Pos.Line)
	assert.Contains(t, e.Msg, "Delta (D)")
	assert.Contains(t, e.Msg, "population")
	assert.Contains(t, e.Msg, `"users"`)
	assert.NotEmpty(t, e.Hint)
}

// TestDenominateUnknownColumn: a denominator no region has is bad input at
// the indicator's denominator key, listing the columns there are.
func TestDenominateUnknownColumn(t *testing.T) {
	regions := "code,name,population,gdp\nA,Alpha,1,5\nB,Beta,2,6\nC,Gamma,3,7\nD,Delta,4,8\n"
	toml := itDenomToml("pop")
	_, err := itScore(t, itProject{toml: toml, regions: regions, data: itDenomData})
	e := itInputError(t, err)
	assert.Equal(t, "index.toml", e.Pos.File)
	assert.Equal(t, itLine(t, toml, `scale = 10000`)-1, e.Pos.Line, "the first indicator's denominator key")
	assert.Contains(t, e.Msg, `"pop"`)
	assert.Contains(t, e.Hint, "gdp, population")
}
