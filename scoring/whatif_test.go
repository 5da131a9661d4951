package scoring_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/data"
	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// wiMatrix builds the matrix of def's [index] year the way scoring.Run
// does: the year's table, with the other years alongside.
func wiMatrix(t *testing.T, def *indicators.Definition, ds *indicators.Dataset, year int) *indicators.Matrix {
	t.Helper()
	require.Empty(t, scoring.Check(def))
	m := ds.Matrix(def, year)
	for _, y := range ds.Years() {
		if y != year {
			m.Other = append(m.Other, ds.Matrix(def, y))
		}
	}
	return m
}

// wiLoad parses an in-memory project (index.toml, regions.csv, data.csv).
func wiLoad(t *testing.T, toml, regions, data string) (*indicators.Definition, *indicators.Matrix) {
	t.Helper()
	fsys := fstest.MapFS{"regions.csv": {Data: []byte(regions)}, "data.csv": {Data: []byte(data)}}
	def, err := indicators.Parse("index.toml", []byte(toml), indicators.FSFiles{FS: fsys})
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	return def, wiMatrix(t, def, ds, def.Index.Year)
}

// wiEmbedded loads the embedded 2017 edition.
func wiEmbedded(t *testing.T) (*indicators.Definition, *indicators.Matrix) {
	t.Helper()
	def, err := indicators.LoadFS(data.FS, data.EditionPath(data.DefaultEdition), "embedded:")
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	return def, wiMatrix(t, def, ds, def.Index.Year)
}

// wiRate scores a fresh copy of m with the region's values of the named
// indicators set, and returns the region's result.
func wiRate(t *testing.T, def *indicators.Definition, m *indicators.Matrix, code string, set map[string]float64) *scoring.RegionResult {
	t.Helper()
	c := *m
	c.Values = make([][]float64, len(m.Values))
	row := -1
	for r := range m.Values {
		c.Values[r] = slices.Clone(m.Values[r])
		if m.Regions[r].Code == code {
			row = r
		}
	}
	require.GreaterOrEqual(t, row, 0, "region %s", code)
	for id, v := range set {
		ind, ok := def.Indicator(id)
		require.True(t, ok, id)
		c.Values[row][ind.Index] = v
	}
	res, err := scoring.Score(def, &c)
	require.NoError(t, err)
	for _, rr := range res.Regions {
		if rr.Region.Code == code {
			return rr
		}
	}
	t.Fatalf("no region %s", code)
	return nil
}

// wiStars is the region's rating in rr, 0 when unrated.
// wiRateOrRefused is wiRate, or nil when scoring refuses the values set.
func wiRateOrRefused(t *testing.T, def *indicators.Definition, m *indicators.Matrix, code string, set map[string]float64) *scoring.RegionResult {
	t.Helper()
	c := *m
	c.Values = make([][]float64, len(m.Values))
	for r := range m.Values {
		c.Values[r] = slices.Clone(m.Values[r])
	}
	for r := range m.Values {
		if m.Regions[r].Code == code {
			for id, v := range set {
				ind, _ := def.Indicator(id)
				c.Values[r][ind.Index] = v
			}
		}
	}
	if _, err := scoring.Score(def, &c); err != nil {
		return nil
	}
	return wiRate(t, def, m, code, set)
}

func wiStars(rr *scoring.RegionResult) int {
	if rr == nil || !rr.Rated { // nil: refused
		return 0
	}
	return rr.Stars
}

// wiVerify re-rates the index with every option alone and with the plan,
// asserting each earns the target and reports the score and stars it
// gets; with monotone, also that each option is minimal: the value moved
// back by one unit of its last decimal, or by 1% of the change, does not
// earn the target.
func wiVerify(t *testing.T, def *indicators.Definition, m *indicators.Matrix, code string, res *scoring.WhatIfResult, monotone bool) {
	t.Helper()
	for _, op := range res.Options {
		ind, _ := def.Indicator(op.Indicator)
		rr := wiRate(t, def, m, code, map[string]float64{op.Indicator: op.To})
		assert.GreaterOrEqual(t, wiStars(rr), res.Target, "option %s → %g does not earn %d stars", op.Indicator, op.To, res.Target)
		assert.Equal(t, wiStars(rr), op.StarsAfter, op.Indicator)
		if rr.Rated {
			assert.Equal(t, rr.Score, op.ScoreAfter, op.Indicator)
		}
		assert.Equal(t, op.To, scoring.RoundTo(op.To, op.Decimals), "%s: %g has more than %d decimals", op.Indicator, op.To, op.Decimals)
		dir := float64(ind.Direction)
		if math.IsNaN(op.From) {
			assert.True(t, math.IsNaN(op.Change))
		} else {
			assert.InDelta(t, op.To-op.From, op.Change, 1e-9)
			assert.Greater(t, dir*op.Change, 0.0, "%s: the change must improve", op.Indicator)
		}
		if !monotone || op.Effort == 0 {
			continue
		}
		unit := math.Pow(10, -float64(op.Decimals))
		backs := []float64{unit}
		if !math.IsNaN(op.Change) && 0.01*math.Abs(op.Change) >= unit {
			// Finer than one unit of the target's grid is not asked for.
			backs = append(backs, 0.01*math.Abs(op.Change))
		}
		for _, back := range backs {
			v := op.To - dir*back
			rr := wiRateOrRefused(t, def, m, code, map[string]float64{op.Indicator: v})
			if rr == nil {
				continue // a value the methods refuse (fracmax of a column ≤ 0) earns nothing
			}
			assert.Less(t, wiStars(rr), res.Target, "option %s is not minimal: %g earns %d stars too", op.Indicator, v, res.Target)
		}
	}
	if p := res.Plan; p != nil {
		set := map[string]float64{}
		effort := 0.0
		for _, c := range p.Changes {
			set[c.Indicator] = c.To
			effort += c.Effort
		}
		rr := wiRate(t, def, m, code, set)
		assert.GreaterOrEqual(t, wiStars(rr), res.Target, "the plan %v does not earn %d stars", set, res.Target)
		assert.Equal(t, wiStars(rr), p.StarsAfter)
		assert.InDelta(t, effort, p.Effort, 1e-9)
		if len(res.Options) > 0 {
			assert.LessOrEqual(t, p.Effort, res.Options[0].Effort+1e-12, "the plan costs more than the cheapest option")
		}
	}
	for i := 1; i < len(res.Options); i++ {
		assert.LessOrEqual(t, res.Options[i-1].Effort, res.Options[i].Effort, "options sorted by effort")
	}
}

// wiOption returns the option of indicator id, nil when there is none.
func wiOption(res *scoring.WhatIfResult, id string) *scoring.WhatIfOption {
	for k := range res.Options {
		if res.Options[k].Indicator == id {
			return &res.Options[k]
		}
	}
	return nil
}

// wiUnreachable returns the unreachable entry of indicator id.
func wiUnreachable(res *scoring.WhatIfResult, id string) *scoring.WhatIfUnreachable {
	for k := range res.Unreachable {
		if res.Unreachable[k].Indicator == id {
			return &res.Unreachable[k]
		}
	}
	return nil
}

// wiCovered asserts every indicator is either an option or unreachable.
func wiCovered(t *testing.T, def *indicators.Definition, res *scoring.WhatIfResult) {
	t.Helper()
	assert.Equal(t, len(def.Indicators), len(res.Options)+len(res.Unreachable))
	for _, ind := range def.Indicators {
		assert.True(t, (wiOption(res, ind.ID) != nil) != (wiUnreachable(res, ind.ID) != nil), ind.ID)
	}
}

// TestWhatIfEmbedded2017: Guizhou (520000) has four stars at 79.1; the
// target is five, and every option and the plan earn it when re-rated.
func TestWhatIfEmbedded2017(t *testing.T) {
	def, m := wiEmbedded(t)
	res, err := scoring.WhatIf(def, m, "520000", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	assert.Equal(t, 4, res.Stars)
	assert.Equal(t, 5, res.Target)
	assert.Equal(t, 5, res.Classes)
	assert.InDelta(t, 79.1, res.Region.Score, 1e-9)
	require.NotEmpty(t, res.Options)
	require.NotNil(t, res.Plan)
	wiCovered(t, def, res)
	wiVerify(t, def, m, "520000", res, true)
	for _, u := range res.Unreachable {
		assert.NotEmpty(t, u.Reason, u.Indicator)
	}
	var b strings.Builder
	for _, op := range res.Options {
		fmt.Fprintf(&b, "%s %g → %g (%g) effort %.3f score %g\n", op.Indicator, op.From, op.To, op.Change, op.Effort, op.ScoreAfter)
	}
	for _, u := range res.Unreachable {
		fmt.Fprintf(&b, "unreachable %s: %s\n", u.Indicator, u.Reason)
	}
	for _, c := range res.Plan.Changes {
		fmt.Fprintf(&b, "plan %s %g → %g\n", c.Indicator, c.From, c.To)
	}
	t.Log("\n" + b.String())

	// The name works as well as the code; the matrix is left as it was.
	before := make([][]float64, len(m.Values))
	for r := range m.Values {
		before[r] = slices.Clone(m.Values[r])
	}
	again, err := scoring.WhatIf(def, m, "贵州省", 0, scoring.WhatIfOptions{Workers: 1})
	require.NoError(t, err)
	for r := range m.Values {
		for i := range m.Values[r] {
			a, b := before[r][i], m.Values[r][i]
			assert.True(t, a == b || math.IsNaN(a) && math.IsNaN(b))
		}
	}
	// Same result whatever the number of workers.
	assert.Equal(t, fmt.Sprint(res.Options), fmt.Sprint(again.Options))
	assert.Equal(t, fmt.Sprint(res.Plan), fmt.Sprint(again.Plan))
	assert.Equal(t, fmt.Sprint(res.Unreachable), fmt.Sprint(again.Unreachable))
}

// TestWhatIfTargets: --target must be above the rating and within the
// classes; the top class has nothing to search.
func TestWhatIfTargets(t *testing.T) {
	def, m := wiEmbedded(t)
	var te *scoring.WhatIfTargetError
	_, err := scoring.WhatIf(def, m, "520000", 9, scoring.WhatIfOptions{})
	require.True(t, errors.As(err, &te), "%v", err)
	assert.Equal(t, scoring.WhatIfTargetError{Target: 9, Stars: 4, Classes: 5}, *te)
	_, err = scoring.WhatIf(def, m, "520000", 4, scoring.WhatIfOptions{})
	require.True(t, errors.As(err, &te), "%v", err)
	_, err = scoring.WhatIf(def, m, "999999", 0, scoring.WhatIfOptions{})
	require.Error(t, err)

	// Beijing (3 stars) asked for 5: every option verified.
	res, err := scoring.WhatIf(def, m, "110000", 5, scoring.WhatIfOptions{})
	require.NoError(t, err)
	assert.Equal(t, 3, res.Stars)
	assert.Equal(t, 5, res.Target)
	wiCovered(t, def, res)
	wiVerify(t, def, m, "110000", res, true)
}

// wiToml is a project of two dimensions: x with a (higher is better) and b
// (lower is better), y with c and d; scoring and stars are the given TOML
// lines, extra is appended.
func wiToml(scoring, stars, extra string) string {
	return `[index]
name = "t"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

[scoring]
` + scoring + `

[stars]
` + stars + `

[[dimension]]
id = "x"

[[dimension]]
id = "y"

[[indicator]]
id = "a"
dimension = "x"
unit = "件"

[[indicator]]
id = "b"
dimension = "x"
direction = -1

[[indicator]]
id = "c"
dimension = "y"

[[indicator]]
id = "d"
dimension = "y"
` + extra
}

const wiRegions = "code,name\nA,Alpha\nB,Beta\nC,Gamma\nD,Delta\nE,Epsilon\nF,Zeta\nG,Eta\nH,Theta\n"

// wiData: D has no value of c.
const wiData = `region,year,a,b,c,d
A,2020,10,5,30,2
B,2020,20,4,25,3
C,2020,35,6,40,5
D,2020,40,3,,4
E,2020,55,2,60,6
F,2020,60,2.5,55,8
G,2020,80,1,70,9
H,2020,95,0.5,90,10
`

// TestWhatIfMethods: every option of region D (a missing value on c, a
// direction −1 indicator b) under several normalisations, weightings and
// star rules earns the target when re-rated alone, and where the rating
// is monotone in the value, no smaller change does.
func TestWhatIfMethods(t *testing.T) {
	const thresholds = `method = "thresholds"
thresholds = [20, 40, 60, 80]`
	cases := []struct {
		name, scoring, stars string
		monotone             bool
	}{
		{"minmax", `normalise = "minmax"`, thresholds, true},
		{"minmax rounded", "normalise = \"minmax\"\nround = 1", thresholds, true},
		{"fracmax", `normalise = "fracmax"`, thresholds, true},
		{"prank", `normalise = "prank"`, thresholds, true},
		{"zscore", `normalise = "zscore"`, "method = \"thresholds\"\nthresholds = [-1, -0.3, 0.3, 1]", true},
		{"quantiles", `normalise = "minmax"`, `method = "quantiles"`, true},
		{"kmeans", `normalise = "minmax"`, `method = "kmeans"`, false},
		{"jenks", `normalise = "minmax"`, `method = "jenks"`, false},
		{"entropy weights", "normalise = \"minmax\"\nweights = \"entropy\"", thresholds, false},
		{"critic weights", "normalise = \"minmax\"\nweights = \"critic\"", thresholds, false},
		{"geometric", "normalise = \"minmax\"\nrange = [1, 100]\naggregate = \"geometric\"", thresholds, true},
		{"mean imputation", "normalise = \"minmax\"\nimpute = \"mean\"", thresholds, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := wiToml(tc.scoring, tc.stars, "")
			if tc.name == "fracmax" {
				// fracmax refuses a lower-is-better indicator: b keeps minmax.
				src = strings.Replace(src, "direction = -1", "direction = -1\nnormalise = \"minmax\"", 1)
			}
			def, m := wiLoad(t, src, wiRegions, wiData)
			for _, code := range []string{"D", "B"} {
				res, err := scoring.WhatIf(def, m, code, 0, scoring.WhatIfOptions{})
				require.NoError(t, err, code)
				if res.Top {
					continue
				}
				assert.Equal(t, res.Stars+1, res.Target)
				wiCovered(t, def, res)
				require.NotEmpty(t, res.Options, "%s: no option at all: %+v", code, res.Unreachable)
				wiVerify(t, def, m, code, res, tc.monotone)
				t.Logf("%s: %d → %d stars, %d options, %d unreachable, plan %v", code, res.Stars, res.Target, len(res.Options), len(res.Unreachable), res.Plan != nil)
				if code == "D" {
					if op := wiOption(res, "c"); op != nil {
						assert.True(t, math.IsNaN(op.From), "c is missing for D")
					}
					if op := wiOption(res, "b"); op != nil {
						assert.Less(t, op.To, op.From, "b improves downwards")
					}
				}
			}
		})
	}
}

// TestWhatIfMinMaxBound: raising the region past the maximum moves the
// min-max bound, which the search accounts for: H, the leader on a, gains
// nothing from a, and A's option on a lies beyond the old maximum only if
// re-rating says so.
func TestWhatIfMinMaxBound(t *testing.T) {
	def, m := wiLoad(t, wiToml(`normalise = "minmax"`, "method = \"thresholds\"\nthresholds = [20, 40, 60, 80]", ""), wiRegions, wiData)
	res, err := scoring.WhatIf(def, m, "H", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	if !res.Top {
		u := wiUnreachable(res, "a")
		require.NotNil(t, u)
		assert.Equal(t, scoring.WhyMaxed, u.Why)
	}
	res, err = scoring.WhatIf(def, m, "A", 5, scoring.WhatIfOptions{})
	require.NoError(t, err)
	wiCovered(t, def, res)
	wiVerify(t, def, m, "A", res, true)
}

// TestWhatIfCap: A scores 80 (five stars) but is capped at four for being
// in the bottom quarter on y. Raising x, however far, cannot lift the cap;
// raising y out of the bottom quarter can.
func TestWhatIfCap(t *testing.T) {
	toml := `[index]
name = "t"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

[scoring]
normalise = "none"
weights = "equal"

[[dimension]]
id = "x"

[[dimension]]
id = "y"

[[indicator]]
id = "ix"
dimension = "x"

[[indicator]]
id = "iy"
dimension = "y"

[[cap]]
max = 4
below_quantile = 0.25
`
	data := "region,year,ix,iy\nA,2020,100,60\nB,2020,50,70\nC,2020,40,75\nD,2020,30,80\nE,2020,20,85\nF,2020,10,90\nG,2020,60,65\nH,2020,70,66\n"
	def, m := wiLoad(t, toml, wiRegions, data)
	res, err := scoring.WhatIf(def, m, "A", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	assert.Equal(t, 4, res.Stars)
	assert.Equal(t, 5, res.Target)
	wiCovered(t, def, res)
	wiVerify(t, def, m, "A", res, true)

	u := wiUnreachable(res, "ix")
	require.NotNil(t, u)
	assert.Equal(t, scoring.WhyCap, u.Why)
	assert.Equal(t, "y", u.Dimension)
	assert.Equal(t, 4, u.CapMax)
	assert.Contains(t, u.Reason, "bottom quarter")

	// Out of the bottom quarter of 8 — at most one region below — takes
	// two regions below A on y: past G's 65 and H's 66; the data are whole
	// numbers, so is the target.
	op := wiOption(res, "iy")
	require.NotNil(t, op)
	assert.Equal(t, 67.0, op.To)
	assert.Equal(t, 0, op.Decimals)
	require.NotNil(t, res.Plan)
	assert.Equal(t, "iy", res.Plan.Changes[0].Indicator)

	// With one decimal in the data the target has three: just past 66.5.
	def, m = wiLoad(t, toml, wiRegions, strings.Replace(data, "H,2020,70,66\n", "H,2020,70,66.5\n", 1))
	res, err = scoring.WhatIf(def, m, "A", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	wiVerify(t, def, m, "A", res, true)
	op = wiOption(res, "iy")
	require.NotNil(t, op)
	assert.Equal(t, 66.501, op.To)
	assert.Equal(t, 3, op.Decimals)
}

// TestWhatIfGoalposts: with goalposts [0, 100] an indicator stops giving
// at 100: when that is not enough its weight is too small; a direction −1
// indicator already at 0 is at its best.
func TestWhatIfGoalposts(t *testing.T) {
	toml := `[index]
name = "t"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

[scoring]
normalise = "goalposts"
weights = "equal"

[[dimension]]
id = "x"

[[dimension]]
id = "y"

[[indicator]]
id = "gx"
dimension = "x"
goalposts = [0, 100]

[[indicator]]
id = "gy"
dimension = "y"
goalposts = [0, 100]

[[indicator]]
id = "gz"
dimension = "y"
direction = -1
goalposts = [0, 100]
`
	data := "region,year,gx,gy,gz\nA,2020,90,0,0\nB,2020,50,50,20\nC,2020,40,30,50\nD,2020,10,20,70\nE,2020,60,60,10\nF,2020,30,40,30\nG,2020,20,10,90\nH,2020,70,80,40\n"
	def, m := wiLoad(t, toml, wiRegions, data)
	// A: x = 90, y = (0 + 100)/2 = 50, index 70: four stars.
	res, err := scoring.WhatIf(def, m, "A", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	assert.Equal(t, 4, res.Stars)
	wiCovered(t, def, res)
	wiVerify(t, def, m, "A", res, true)

	u := wiUnreachable(res, "gx")
	require.NotNil(t, u)
	assert.Equal(t, scoring.WhyWeight, u.Why)
	assert.InDelta(t, 75, u.ScoreAt, 1e-9)
	assert.Contains(t, u.Reason, "weight is too small")
	u = wiUnreachable(res, "gz")
	require.NotNil(t, u)
	assert.Equal(t, scoring.WhyBest, u.Why)
	// gy from 0 to 40 makes y (40 + 100)/2 = 70 and the index 80.
	op := wiOption(res, "gy")
	require.NotNil(t, op)
	assert.Equal(t, 40.0, op.To)
	assert.Equal(t, 40.0, op.Change)

	// Together is cheaper: gx to its goalpost 100 (index 75) and gy to 20,
	// a quarter of its span instead of half.
	require.NotNil(t, res.Plan)
	require.Len(t, res.Plan.Changes, 2)
	assert.Equal(t, "gx", res.Plan.Changes[0].Indicator)
	assert.Equal(t, 100.0, res.Plan.Changes[0].To)
	assert.Equal(t, "gy", res.Plan.Changes[1].Indicator)
	assert.Equal(t, 20.0, res.Plan.Changes[1].To)
	assert.InDelta(t, 10.0/80+20.0/80, res.Plan.Effort, 1e-12)
	assert.Equal(t, 5, res.Plan.StarsAfter)
	assert.InDelta(t, 80, res.Plan.ScoreAfter, 1e-9)
}

// TestWhatIfTop: the leader at the top class has nothing to search.
func TestWhatIfTop(t *testing.T) {
	def, m := wiLoad(t, wiToml(`normalise = "minmax"`, `method = "quantiles"`, ""), wiRegions, wiData)
	res, err := scoring.WhatIf(def, m, "H", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	assert.True(t, res.Top)
	assert.Equal(t, 5, res.Stars)
	assert.Empty(t, res.Options)
	assert.Nil(t, res.Plan)
}

// TestWhatIfUnrated: a region with too little data (one value of four,
// under min_coverage 0.5) is unrated; reporting one more value can rate
// it, and every such option is verified.
func TestWhatIfUnrated(t *testing.T) {
	data := strings.Replace(wiData, "D,2020,40,3,,4", "D,2020,40,,,", 1)
	def, m := wiLoad(t, wiToml(`normalise = "minmax"`, "method = \"thresholds\"\nthresholds = [20, 40, 60, 80]", ""), wiRegions, data)
	res, err := scoring.WhatIf(def, m, "D", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	assert.False(t, res.Region.Rated)
	assert.Equal(t, 0, res.Stars)
	assert.Equal(t, 1, res.Target)
	wiCovered(t, def, res)
	require.NotEmpty(t, res.Options)
	wiVerify(t, def, m, "D", res, false)
	for _, op := range res.Options {
		assert.True(t, math.IsNaN(op.From), "only missing values can rate D: %s", op.Indicator)
	}
	assert.NotNil(t, wiUnreachable(res, "a"), "a is present: changing it cannot add coverage")
}

// wiFloorToml is a project of two dimensions: x with p and q, y with e
// alone (scoring and e's keys given), so that a region missing e is rated
// on x only and reporting e adds y.
func wiFloorToml(scoring, e string) string {
	return `[index]
name = "t"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

[scoring]
` + scoring + `

[[dimension]]
id = "x"

[[dimension]]
id = "y"

[[indicator]]
id = "p"
dimension = "x"

[[indicator]]
id = "q"
dimension = "x"

[[indicator]]
id = "e"
dimension = "y"
` + e
}

// TestWhatIfMissingStart: a missing value is searched, and its effort
// measured, from the natural floor 0 of a count (every value observed ≥ 0,
// higher better), else from the least favourable value observed; the
// option is the smallest value (the largest for direction −1) that,
// reported, earns the target, verified by re-rating, and fewer than two
// other regions reporting the indicator is flagged.
func TestWhatIfMissingStart(t *testing.T) {
	cases := []struct {
		name, scoring, e, data string
		region                 string
		start                  float64 // where the search and the effort start
		to                     float64 // NaN: not checked beyond minimality
		reports                int
		few                    bool
		// worse is a value that, reported, does not earn the target (the
		// least favourable observed for a count measured from 0).
		worse float64
	}{
		{
			// Like 广州市 in the 2017 edition: only B reports e (5). A has
			// 79 on x; reporting v ≤ 5 makes y 20v, so 80 needs v ≥ 4.05:
			// 5, a whole span from 0; reporting 1 drops A to 49.5.
			name: "count reported by one other region", scoring: `normalise = "fracmax"`, e: `unit = "家"`,
			data:   "region,year,p,q,e\nA,2020,80,78,\nB,2020,100,100,5\nC,2020,60,50,\nD,2020,40,30,\nE,2020,20,40,\nF,2020,50,60,\nG,2020,70,20,\nH,2020,10,90,\n",
			region: "A", start: 0, to: 5, reports: 1, few: true, worse: 1,
		},
		{
			name: "count reported by no other region", scoring: `normalise = "fracmax"`,
			data:   "region,year,p,q,e\nA,2020,80,78,\nB,2020,100,100,\nC,2020,60,50,\nD,2020,40,30,\nE,2020,20,40,\nF,2020,50,60,\nG,2020,70,20,\nH,2020,10,90,\n",
			region: "A", start: 0, to: math.NaN(), reports: 0, few: true, worse: math.NaN(),
		},
		{
			name: "count reported by several", scoring: `normalise = "fracmax"`,
			data:   "region,year,p,q,e\nA,2020,80,78,\nB,2020,100,100,10\nC,2020,60,50,4\nD,2020,40,30,6\nE,2020,20,40,2\nF,2020,50,60,\nG,2020,70,20,\nH,2020,10,90,\n",
			region: "A", start: 0, to: 9, reports: 4, worse: 2,
		},
		{
			// A growth rate: negative values are observed, so there is no
			// natural floor; the least favourable value observed (−6) is
			// where the search starts. A has 75.1 on x; 80 needs y ≥ 84.9,
			// e ≥ −6 + 0.849 × 18 = 9.28: 10.
			name: "negative values observed", scoring: `normalise = "minmax"`,
			data:   "region,year,p,q,e\nA,2020,80,78,\nB,2020,100,100,-6\nC,2020,60,50,4\nD,2020,40,30,12\nE,2020,20,40,-2\nF,2020,50,60,\nG,2020,70,20,\nH,2020,10,90,\n",
			region: "A", start: -6, to: 10, reports: 4, worse: math.NaN(),
		},
		{
			// Lower is better: the least favourable value observed is the
			// largest, 40; y ≥ 84.9 needs e ≤ 40 − 0.849 × 35 = 10.3: 10.
			name: "direction −1", scoring: `normalise = "minmax"`, e: "direction = -1",
			data:   "region,year,p,q,e\nA,2020,80,78,\nB,2020,100,100,40\nC,2020,60,50,10\nD,2020,40,30,20\nE,2020,20,40,5\nF,2020,50,60,\nG,2020,70,20,\nH,2020,10,90,\n",
			region: "A", start: 40, to: 10, reports: 4, worse: math.NaN(),
		},
		{
			// An unrated region (one value of three, under min_coverage
			// 0.5): reporting e at its floor 0 already rates it.
			name: "the floor itself earns the target", scoring: `normalise = "fracmax"`,
			data:   "region,year,p,q,e\nA,2020,80,,\nB,2020,100,100,10\nC,2020,60,50,4\nD,2020,40,30,6\nE,2020,20,40,2\nF,2020,50,60,\nG,2020,70,20,\nH,2020,10,90,\n",
			region: "A", start: 0, to: 0, reports: 4, worse: math.NaN(),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			def, m := wiLoad(t, wiFloorToml(tc.scoring, tc.e), wiRegions, tc.data)
			res, err := scoring.WhatIf(def, m, tc.region, 0, scoring.WhatIfOptions{})
			require.NoError(t, err)
			wiCovered(t, def, res)
			wiVerify(t, def, m, tc.region, res, true)
			op := wiOption(res, "e")
			require.NotNil(t, op, "unreachable: %+v", res.Unreachable)
			assert.True(t, math.IsNaN(op.From))
			assert.Equal(t, tc.start, op.Start)
			assert.InDelta(t, math.Abs(op.To-tc.start)/op.Span, op.Effort, 1e-12, "effort measured from the start")
			t.Logf("e: start %g → %g, effort %g, span %g", op.Start, op.To, op.Effort, op.Span)
			assert.Equal(t, tc.reports, op.Reports)
			assert.Equal(t, tc.few, op.FewReports)
			if !math.IsNaN(tc.to) {
				assert.Equal(t, tc.to, op.To)
			}
			// Reported, To earns the target; the value one unit less
			// favourable does not, unless To is the start itself.
			assert.GreaterOrEqual(t, wiStars(wiRate(t, def, m, tc.region, map[string]float64{"e": op.To})), res.Target)
			dir := 1.0
			if ind, _ := def.Indicator("e"); ind.Direction < 0 {
				dir = -1
			}
			if op.To != tc.start {
				back := op.To - dir*math.Pow(10, -float64(op.Decimals))
				assert.Less(t, wiStars(wiRateOrRefused(t, def, m, tc.region, map[string]float64{"e": back})), res.Target,
					"%g earns the target too: %g is not the smallest", back, op.To)
				assert.Less(t, wiStars(wiRateOrRefused(t, def, m, tc.region, map[string]float64{"e": tc.start})), res.Target)
			} else {
				assert.Zero(t, op.Effort)
			}
			if !math.IsNaN(tc.worse) {
				assert.Less(t, wiStars(wiRate(t, def, m, tc.region, map[string]float64{"e": tc.worse})), res.Target,
					"reporting %g does not earn the target", tc.worse)
				assert.Positive(t, op.Effort, "reporting is not free when the least value does not earn it")
			}
			// A plan's change of e is measured from the same start.
			if res.Plan != nil {
				for _, c := range res.Plan.Changes {
					if c.Indicator == "e" {
						assert.Equal(t, tc.start, c.Start)
						assert.InDelta(t, math.Abs(c.To-tc.start)/op.Span, c.Effort, 1e-12)
						assert.Equal(t, tc.few, c.FewReports)
					}
				}
			}
		})
	}
}

// TestWhatIfMissingEmbedded: in the 2017 edition 广州市 has no value of
// enterprise_partners, which only 贵州省 reports (5): reporting 1 would drop
// 广州市 from four stars to three; the option is 5, measured from 0 (the
// whole span) and flagged as resting on one other region's value.
func TestWhatIfMissingEmbedded(t *testing.T) {
	def, m := wiEmbedded(t)
	res, err := scoring.WhatIf(def, m, "440100", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	assert.Equal(t, 4, res.Stars)
	wiCovered(t, def, res)
	wiVerify(t, def, m, "440100", res, true)
	op := wiOption(res, "enterprise_partners")
	require.NotNil(t, op)
	assert.True(t, math.IsNaN(op.From))
	assert.Equal(t, 0.0, op.Start)
	assert.Equal(t, 5.0, op.To)
	assert.InDelta(t, 1.0, op.Effort, 1e-12)
	assert.True(t, op.FewReports)
	assert.Equal(t, 1, op.Reports)
	one := wiRate(t, def, m, "440100", map[string]float64{"enterprise_partners": 1})
	assert.Equal(t, 3, wiStars(one))
	assert.InDelta(t, 59.1, one.Score, 1e-9)
	assert.Equal(t, 4, wiStars(wiRate(t, def, m, "440100", map[string]float64{"enterprise_partners": 4})))
	for _, op := range res.Options {
		if math.IsNaN(op.From) {
			assert.Equal(t, 0.0, op.Start, "%s: counts start from 0", op.Indicator)
			assert.Positive(t, op.Effort, "%s: reporting is not free", op.Indicator)
		}
	}
}

// TestWhatIfNotActionable: an indicator with actionable = false is listed
// as unreachable with WhyFixed and is never an option nor a change of the
// plan, whatever the method, region or target; without the key the same
// indicator is an option somewhere, so the test means something.
func TestWhatIfNotActionable(t *testing.T) {
	const thresholds = "method = \"thresholds\"\nthresholds = [20, 40, 60, 80]"
	cases := []struct {
		name, scoring, stars string
	}{
		{"minmax", `normalise = "minmax"`, thresholds},
		{"prank", `normalise = "prank"`, thresholds},
		{"quantiles", `normalise = "minmax"`, `method = "quantiles"`},
		{"entropy weights", "normalise = \"minmax\"\nweights = \"entropy\"", thresholds},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			free, fm := wiLoad(t, wiToml(tc.scoring, tc.stars, ""), wiRegions, wiData)
			def, m := wiLoad(t, wiToml(tc.scoring, tc.stars, "actionable = false\n"), wiRegions, wiData)
			ind, ok := def.Indicator("d")
			require.True(t, ok)
			require.False(t, ind.IsActionable())
			other, _ := def.Indicator("c")
			require.True(t, other.IsActionable(), "the default is actionable")
			wasOption := false
			for _, code := range []string{"A", "B", "C", "D", "E"} {
				for _, target := range []int{0, 5} {
					fr, err := scoring.WhatIf(free, fm, code, target, scoring.WhatIfOptions{})
					if err != nil {
						continue // already at the target
					}
					wasOption = wasOption || wiOption(fr, "d") != nil
					res, err := scoring.WhatIf(def, m, code, target, scoring.WhatIfOptions{})
					require.NoError(t, err, code)
					if res.Top {
						continue
					}
					wiCovered(t, def, res)
					wiVerify(t, def, m, code, res, false)
					assert.Nil(t, wiOption(res, "d"), "%s → %d: d is an option", code, res.Target)
					u := wiUnreachable(res, "d")
					require.NotNil(t, u, code)
					assert.Equal(t, scoring.WhyFixed, u.Why)
					assert.Contains(t, u.Reason, "actionable = false")
					if res.Plan != nil {
						for _, c := range res.Plan.Changes {
							assert.NotEqual(t, "d", c.Indicator, "%s → %d: d in the plan", code, res.Target)
						}
					}
				}
			}
			assert.True(t, wasOption, "d is never an option even when actionable")
		})
	}
}

// TestWhatIfNotActionableEmbedded: the 2017 edition marks the years since
// the first document and the first platform actionable = false: 浙江省's
// plan no longer asks it to have started a decade earlier.
func TestWhatIfNotActionableEmbedded(t *testing.T) {
	def, m := wiEmbedded(t)
	for _, id := range []string{"policy_years", "platform_years"} {
		ind, ok := def.Indicator(id)
		require.True(t, ok, id)
		assert.False(t, ind.IsActionable(), id)
	}
	for _, code := range []string{"330000", "440100", "520000", "310000", "110000"} {
		res, err := scoring.WhatIf(def, m, code, 5, scoring.WhatIfOptions{})
		require.NoError(t, err, code)
		wiCovered(t, def, res)
		for _, id := range []string{"policy_years", "platform_years"} {
			assert.Nil(t, wiOption(res, id), "%s: %s", code, id)
			u := wiUnreachable(res, id)
			require.NotNil(t, u, "%s: %s", code, id)
			assert.Equal(t, scoring.WhyFixed, u.Why)
			if res.Plan != nil {
				for _, c := range res.Plan.Changes {
					assert.NotEqual(t, id, c.Indicator, code)
				}
			}
		}
		if code == "330000" {
			require.NotNil(t, res.Plan, "浙江省 still has a combined plan")
			wiVerify(t, def, m, code, res, true)
		}
	}
}

// TestWhatIfActionableParse: actionable takes a boolean; anything else is
// refused where it is written.
func TestWhatIfActionableParse(t *testing.T) {
	for _, tc := range []struct {
		extra string
		want  *bool
		err   string
	}{
		{"", nil, ""},
		{"actionable = true\n", new(true), ""},
		{"actionable = false\n", new(false), ""},
		{"actionable = \"no\"\n", nil, "actionable"},
	} {
		fsys := fstest.MapFS{"regions.csv": {Data: []byte(wiRegions)}, "data.csv": {Data: []byte(wiData)}}
		def, err := indicators.Parse("index.toml", []byte(wiToml(`normalise = "minmax"`, "method = \"quantiles\"", tc.extra)), indicators.FSFiles{FS: fsys})
		if tc.err != "" {
			require.Error(t, err, tc.extra)
			assert.Contains(t, err.Error(), tc.err)
			continue
		}
		require.NoError(t, err, tc.extra)
		ind, _ := def.Indicator("d")
		assert.Equal(t, tc.want, ind.Actionable, tc.extra)
		assert.Equal(t, tc.want == nil || *tc.want, ind.IsActionable())
	}
}

// wiEffortToml is wiToml's index with an effort per unit on each
// indicator named in efforts.
func wiEffortToml(efforts map[string]string) string {
	src := wiToml(`normalise = "minmax"`, "method = \"thresholds\"\nthresholds = [20, 40, 60, 80]", "")
	for _, id := range []string{"a", "b", "c", "d"} {
		if e, ok := efforts[id]; ok {
			head := "id = \"" + id + "\"\n"
			src = strings.Replace(src, head, head+"effort = "+e+"\n", 1)
		}
	}
	return src
}

// TestWhatIfEffort: with an effort per unit on every actionable
// indicator, an option's effort is |to − start| × effort, options come
// cheapest first by it, the plan's effort is the sum of its changes', and
// every option and plan still earns the target when rated again.
func TestWhatIfEffort(t *testing.T) {
	efforts := map[string]float64{"a": 1, "b": 100, "c": 100, "d": 100}
	def, m := wiLoad(t, wiEffortToml(map[string]string{"a": "1", "b": "100", "c": "100", "d": "100"}), wiRegions, wiData)
	require.True(t, def.HasEffort())
	span, sm := wiLoad(t, wiEffortToml(nil), wiRegions, wiData)
	require.False(t, span.HasEffort())
	for _, code := range []string{"A", "B", "D"} {
		res, err := scoring.WhatIf(def, m, code, 0, scoring.WhatIfOptions{})
		require.NoError(t, err, code)
		require.True(t, res.ByEffort)
		require.NotEmpty(t, res.Options, code)
		wiVerify(t, def, m, code, res, false)
		for k, op := range res.Options {
			assert.InDelta(t, math.Abs(op.To-op.Start)*efforts[op.Indicator], op.Effort, 1e-9, "%s %s", code, op.Indicator)
			if k > 0 {
				assert.LessOrEqual(t, res.Options[k-1].Effort, op.Effort, "%s: cheapest first", code)
			}
		}
		if p := res.Plan; p != nil {
			sum := 0.0
			for _, c := range p.Changes {
				sum += math.Abs(c.To-c.Start) * efforts[c.Indicator]
			}
			assert.InDelta(t, sum, p.Effort, 1e-9, code)
			assert.LessOrEqual(t, p.Effort, res.Options[0].Effort+1e-9, "%s: the plan is no dearer than the cheapest option", code)
		}
		sres, err := scoring.WhatIf(span, sm, code, 0, scoring.WhatIfOptions{})
		require.NoError(t, err, code)
		assert.False(t, sres.ByEffort)
		for _, op := range sres.Options {
			assert.InDelta(t, math.Abs(op.To-op.Start)/op.Span, op.Effort, 1e-9, "%s %s: a share of the span", code, op.Indicator)
		}
	}
	// a's unit costs a hundredth of the others': for A it is the cheapest
	// option, by effort.
	res, err := scoring.WhatIf(def, m, "A", 0, scoring.WhatIfOptions{})
	require.NoError(t, err)
	assert.Equal(t, "a", res.Options[0].Indicator)
}

// TestWhatIfEffortParse: effort is a positive number, given to every
// actionable indicator or to none; an indicator with actionable = false
// needs none.
func TestWhatIfEffortParse(t *testing.T) {
	for _, tc := range []struct {
		name    string
		efforts map[string]string
		extra   string
		err     string
	}{
		{"none", nil, "", ""},
		{"all", map[string]string{"a": "1", "b": "2", "c": "0.5", "d": "3"}, "", ""},
		{"fixed needs none", map[string]string{"a": "1", "b": "2", "c": "0.5"}, "actionable = false\n", ""},
		{"some", map[string]string{"a": "1", "b": "2"}, "", `index.toml:22:1: effort is given for a, b but not for c, d`},
		{"zero", map[string]string{"a": "0", "b": "2", "c": "1", "d": "1"}, "", `effort 0 of indicator "a" is not a positive number`},
		{"negative", map[string]string{"a": "-1", "b": "2", "c": "1", "d": "1"}, "", `effort -1 of indicator "a" is not a positive number`},
		{"text", map[string]string{"a": `"high"`, "b": "2", "c": "1", "d": "1"}, "", "effort"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := wiEffortToml(tc.efforts) + tc.extra
			fsys := fstest.MapFS{"regions.csv": {Data: []byte(wiRegions)}, "data.csv": {Data: []byte(wiData)}}
			def, err := indicators.Parse("index.toml", []byte(src), indicators.FSFiles{FS: fsys})
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, len(tc.efforts) > 0, def.HasEffort())
		})
	}
}
