package scoring_test

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// ---------------------------------------------------------------------------
// Helpers

// project is a small index project held in memory: index.toml, regions.csv
// and one observation table data.csv.
type project struct {
	toml    string
	regions string // default: four regions A–D (Alpha, Beta, Gamma, Delta)
	data    string
}

const fourRegions = "code,name\nA,Alpha\nB,Beta\nC,Gamma\nD,Delta\n"

// indexHead is the [index] table every small project starts with.
const indexHead = `[index]
name = "test index"
year = 2020
regions = "regions.csv"
data = ["data.csv"]
`

// parse decodes the project's index.toml with an in-memory file system.
func (p project) parse(t *testing.T) *indicators.Definition {
	t.Helper()
	regions := p.regions
	if regions == "" {
		regions = fourRegions
	}
	fsys := fstest.MapFS{
		"regions.csv": {Data: []byte(regions)},
		"data.csv":    {Data: []byte(p.data)},
	}
	def, err := indicators.Parse("index.toml", []byte(p.toml), indicators.FSFiles{FS: fsys})
	require.NoError(t, err)
	return def
}

// load parses the definition and reads its data.
func (p project) load(t *testing.T) (*indicators.Definition, *indicators.Dataset) {
	t.Helper()
	def := p.parse(t)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	return def, ds
}

// run scores the project for its [index] year.
func (p project) run(t *testing.T) (*scoring.Result, error) {
	t.Helper()
	def, ds := p.load(t)
	return scoring.Run(def, ds, def.Index.Year)
}

// mustRun scores the project and fails the test on an error.
func (p project) mustRun(t *testing.T) *scoring.Result {
	t.Helper()
	res, err := p.run(t)
	require.NoError(t, err)
	require.NotNil(t, res)
	return res
}

// region returns the result of the region with the given code.
func region(t *testing.T, res *scoring.Result, code string) *scoring.RegionResult {
	t.Helper()
	for _, rr := range res.Regions {
		if rr.Region.Code == code {
			return rr
		}
	}
	t.Fatalf("no region %q in the result", code)
	return nil
}

// regionByName returns the result of the region with the given name.
func regionByName(t *testing.T, res *scoring.Result, name string) *scoring.RegionResult {
	t.Helper()
	for _, rr := range res.Regions {
		if rr.Region.Name == name {
			return rr
		}
	}
	t.Fatalf("no region named %q in the result", name)
	return nil
}

// dim returns a region's score for dimension id.
func dim(t *testing.T, res *scoring.Result, rr *scoring.RegionResult, id string) *scoring.NodeScore {
	t.Helper()
	d, ok := res.Def.Dimension(id)
	require.True(t, ok, "dimension %q", id)
	require.Equal(t, id, rr.Dimensions[d.Index].ID)
	return rr.Dimensions[d.Index]
}

// ind returns a region's values of indicator id.
func ind(t *testing.T, res *scoring.Result, rr *scoring.RegionResult, id string) *scoring.IndicatorScore {
	t.Helper()
	x, ok := res.Def.Indicator(id)
	require.True(t, ok, "indicator %q", id)
	require.Equal(t, id, rr.Indicators[x.Index].ID)
	return rr.Indicators[x.Index]
}

// order lists the region codes in result order.
func order(res *scoring.Result) []string {
	out := make([]string, len(res.Regions))
	for i, rr := range res.Regions {
		out[i] = rr.Region.Code
	}
	return out
}

// scores maps region codes to index scores (rated regions only).
func scores(res *scoring.Result) map[string]float64 {
	out := map[string]float64{}
	for _, rr := range res.Regions {
		if rr.Rated {
			out[rr.Region.Code] = rr.Score
		}
	}
	return out
}

// ranks maps region codes to index ranks.
func ranks(res *scoring.Result) map[string]int {
	out := map[string]int{}
	for _, rr := range res.Regions {
		out[rr.Region.Code] = rr.Rank
	}
	return out
}

// assertScores compares scores within 1e-9.
func assertScores(t *testing.T, want map[string]float64, got map[string]float64, msg string) {
	t.Helper()
	require.Len(t, got, len(want), msg)
	for code, w := range want {
		assert.InDelta(t, w, got[code], 1e-9, "%s: region %s", msg, code)
	}
}

// lineOf returns the 1-based line of the only line of src containing s.
func lineOf(t *testing.T, src, s string) int {
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

// inputError unwraps err into its single *indicators.InputError.
func inputError(t *testing.T, err error) *indicators.InputError {
	t.Helper()
	require.Error(t, err)
	require.True(t, indicators.IsInputError(err), "not an input error: %v", err)
	switch e := err.(type) {
	case *indicators.InputError:
		return e
	case indicators.ErrorList:
		require.Len(t, e, 1, "%v", e)
		return e[0]
	}
	t.Fatalf("unexpected error type %T: %v", err, err)
	return nil
}

// snapshot renders everything a Result says as text, floats exactly and
// NaN as "NaN", so that results holding NaN can be compared deeply.
func snapshot(res *scoring.Result) []string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	out := []string{fmt.Sprintf("year=%d method=%+v", res.Year, res.Method)}
	for _, w := range res.Weights {
		out = append(out, fmt.Sprintf("weight %s parent=%s kind=%s w=%s eff=%s", w.ID, w.Parent, w.Kind, f(w.Weight), f(w.Effective)))
	}
	for _, rr := range res.Regions {
		out = append(out, fmt.Sprintf("region %s %q rated=%t reason=%q score=%s rank=%d stars=%d class=%q coverage=%s %d/%d",
			rr.Region.Code, rr.Region.Name, rr.Rated, rr.Reason, f(rr.Score), rr.Rank, rr.Stars, rr.Class, f(rr.Coverage), rr.Present, rr.Total))
		for _, d := range rr.Dimensions {
			out = append(out, fmt.Sprintf("  dim %s score=%s rank=%d stars=%d class=%q missing=%t", d.ID, f(d.Score), d.Rank, d.Stars, d.Class, d.Missing))
		}
		for _, x := range rr.Indicators {
			out = append(out, fmt.Sprintf("  ind %s raw=%s value=%s norm=%s imputed=%t source=%q", x.ID, f(x.Raw), f(x.Value), f(x.Normalised), x.Imputed, x.Source))
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// 1. Reference: the Technology Achievement Index of the OECD/JRC Handbook.

func loadTAI(t *testing.T) (*indicators.Definition, *indicators.Dataset) {
	t.Helper()
	def, err := indicators.LoadFile("testdata/tai/index.toml")
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	require.Len(t, ds.Regions.List, 23)
	return def, ds
}

// TestRunTAIReference scores the TAI project from disk with equal weights,
// min-max to [0, 100] and the arithmetic mean (README: "computed from this
// table").
func TestRunTAIReference(t *testing.T) {
	def, ds := loadTAI(t)
	res, err := scoring.Run(def, ds, def.Index.Year)
	require.NoError(t, err)
	require.Len(t, res.Regions, 23)
	assert.Equal(t, scoring.Method{Normalise: "minmax", Weights: "equal", Aggregate: "arithmetic", Stars: "thresholds"}, res.Method)

	tests := []struct {
		country string
		score   float64
		rank    int
	}{
		{"Finland", 71.87, 1},
		{"Sweden", 68.83, 2},
		{"United States", 68.03, 3},
		{"Norway", 54.76, 4},
		{"Japan", 54.40, 5},
		{"Hungary", 15.78, 23},
	}
	for _, tc := range tests {
		t.Run(tc.country, func(t *testing.T) {
			rr := regionByName(t, res, tc.country)
			assert.True(t, rr.Rated)
			assert.Equal(t, tc.score, scoring.RoundTo(rr.Score, 2))
			assert.Equal(t, tc.rank, rr.Rank)
			assert.Equal(t, tc.country, res.Regions[tc.rank-1].Region.Name, "regions are sorted by rank")
		})
	}

	// Equal weights on a tree of four dimensions of two indicators each is
	// the plain mean of the eight indicators: every effective weight is 1/8.
	for _, w := range res.Weights {
		switch w.Kind {
		case "indicator":
			assert.InDelta(t, 0.5, w.Weight, 1e-12, w.ID)
			assert.InDelta(t, 0.125, w.Effective, 1e-12, w.ID)
		case "dimension":
			assert.InDelta(t, 0.25, w.Weight, 1e-12, w.ID)
		}
	}
	for _, rr := range res.Regions {
		assert.Equal(t, 8, rr.Present, rr.Region.Name)
		for _, x := range rr.Indicators {
			assert.GreaterOrEqual(t, x.Normalised, 0.0)
			assert.LessOrEqual(t, x.Normalised, 100.0)
		}
	}
}

// TestRunTAIZScore gives the Handbook's Table 15 z-scores of SCH when the
// definition normalises with zscore.
func TestRunTAIZScore(t *testing.T) {
	def, ds := loadTAI(t)
	def.Scoring.Normalise = "zscore"
	res, err := scoring.Run(def, ds, def.Index.Year)
	require.NoError(t, err)
	assert.Equal(t, "zscore", res.Method.Normalise)

	// Country order as in tai.csv (and regions.csv).
	want := []float64{.26, 1.52, 1.14, -.06, .76, -.12, -.12, 1.27, .83, -1.58, .38,
		1.46, -.12, -.19, 1.33, -.76, -1.08, .00, -1.46, -1.52, -.06, -.31, -1.58}
	require.Len(t, ds.Regions.List, len(want))
	for i, reg := range ds.Regions.List {
		x := ind(t, res, region(t, res, reg.Code), "SCH")
		assert.Equal(t, want[i], scoring.RoundTo(x.Normalised, 2), reg.Name)
	}
}

// ---------------------------------------------------------------------------
// 2. Pipeline behaviour on small definitions

func TestRunDirection(t *testing.T) {
	tests := []struct {
		direction string
		order     []string
		scores    map[string]float64
	}{
		{"1", []string{"D", "C", "B", "A"}, map[string]float64{"A": 0, "B": 100.0 / 3, "C": 200.0 / 3, "D": 100}},
		{"-1", []string{"A", "B", "C", "D"}, map[string]float64{"A": 100, "B": 200.0 / 3, "C": 100.0 / 3, "D": 0}},
	}
	for _, tc := range tests {
		t.Run("direction="+tc.direction, func(t *testing.T) {
			p := project{
				toml: indexHead + `
[[dimension]]
id = "d"

[[indicator]]
id = "x"
dimension = "d"
direction = ` + tc.direction + "\n",
				data: "region,x\nA,1\nB,2\nC,3\nD,4\n",
			}
			res := p.mustRun(t)
			assert.Equal(t, tc.order, order(res))
			assertScores(t, tc.scores, scores(res), "index")
			assert.Equal(t, map[string]int{tc.order[0]: 1, tc.order[1]: 2, tc.order[2]: 3, tc.order[3]: 4}, ranks(res))
			// Raw and value keep the data's sign; only the normalised value turns.
			x := ind(t, res, region(t, res, "A"), "x")
			assert.Equal(t, 1.0, x.Raw)
			assert.Equal(t, 1.0, x.Value)
		})
	}
}

// TestRunNormaliseOverride: an indicator's own normalise wins over
// [scoring]; goalposts are fixed and truncate, and for a direction −1
// indicator the lower goalpost is the best value.
func TestRunNormaliseOverride(t *testing.T) {
	p := project{
		toml: indexHead + `
[scoring]
normalise = "minmax"

[[dimension]]
id = "d"

[[indicator]]
id = "mm"
dimension = "d"

[[indicator]]
id = "gp"
dimension = "d"
normalise = "goalposts"
goalposts = [0, 10]

[[indicator]]
id = "gpneg"
dimension = "d"
direction = -1
normalise = "goalposts"
goalposts = [0, 10]

[[indicator]]
id = "rk"
dimension = "d"
normalise = "rank"
`,
		data: "region,mm,gp,gpneg,rk\n" +
			"A,10,-5,2,10\n" +
			"B,20,5,12,30\n" +
			"C,30,10,-1,20\n" +
			"D,50,20,5,40\n",
	}
	res := p.mustRun(t)
	tests := []struct {
		indicator string
		want      map[string]float64
	}{
		{"mm", map[string]float64{"A": 0, "B": 25, "C": 50, "D": 100}},
		// [0, 10]: −5 and 20 are truncated to the goalposts.
		{"gp", map[string]float64{"A": 0, "B": 50, "C": 100, "D": 100}},
		// Lower is better: 0 → 100, 10 → 0; 12 and −1 are truncated.
		{"gpneg", map[string]float64{"A": 80, "B": 0, "C": 100, "D": 50}},
		// Rank from 1 = smallest.
		{"rk", map[string]float64{"A": 1, "B": 3, "C": 2, "D": 4}},
	}
	for _, tc := range tests {
		t.Run(tc.indicator, func(t *testing.T) {
			for code, w := range tc.want {
				assert.InDelta(t, w, ind(t, res, region(t, res, code), tc.indicator).Normalised, 1e-9, code)
			}
		})
	}
	// The index is the mean of the four normalised values.
	assertScores(t, map[string]float64{
		"A": (0 + 0 + 80 + 1) / 4.0, "B": (25 + 50 + 0 + 3) / 4.0,
		"C": (50 + 100 + 100 + 2) / 4.0, "D": (100 + 100 + 50 + 4) / 4.0,
	}, scores(res), "index")
}

// TestRunWeights: manual weights are relative within their parent; equal
// gives every sibling the same share. Result.Weights lists both levels in
// tree order with effective weights.
func TestRunWeights(t *testing.T) {
	const def = `
[[dimension]]
id = "p"
weight = 3

[[dimension]]
id = "q"
weight = 1

[[indicator]]
id = "a"
dimension = "p"
weight = 1

[[indicator]]
id = "b"
dimension = "p"
weight = 3

[[indicator]]
id = "c"
dimension = "q"
weight = 2
`
	// Every column spans 0…100, so minmax leaves the values as they are.
	const data = "region,a,b,c\nA,0,100,0\nB,100,0,50\nC,50,50,100\n"
	tests := []struct {
		weights string
		rows    []scoring.WeightRow
		p       map[string]float64
		index   map[string]float64
	}{
		{
			weights: "manual",
			rows: []scoring.WeightRow{
				{ID: "p", Parent: "", Kind: "dimension", Weight: 0.75, Effective: 0.75},
				{ID: "a", Parent: "p", Kind: "indicator", Weight: 0.25, Effective: 0.1875},
				{ID: "b", Parent: "p", Kind: "indicator", Weight: 0.75, Effective: 0.5625},
				{ID: "q", Parent: "", Kind: "dimension", Weight: 0.25, Effective: 0.25},
				{ID: "c", Parent: "q", Kind: "indicator", Weight: 1, Effective: 0.25},
			},
			// p = a/4 + 3b/4; index = 3p/4 + c/4
			p:     map[string]float64{"A": 75, "B": 25, "C": 50},
			index: map[string]float64{"A": 56.25, "B": 31.25, "C": 62.5},
		},
		{
			weights: "equal",
			rows: []scoring.WeightRow{
				{ID: "p", Parent: "", Kind: "dimension", Weight: 0.5, Effective: 0.5},
				{ID: "a", Parent: "p", Kind: "indicator", Weight: 0.5, Effective: 0.25},
				{ID: "b", Parent: "p", Kind: "indicator", Weight: 0.5, Effective: 0.25},
				{ID: "q", Parent: "", Kind: "dimension", Weight: 0.5, Effective: 0.5},
				{ID: "c", Parent: "q", Kind: "indicator", Weight: 1, Effective: 0.5},
			},
			p:     map[string]float64{"A": 50, "B": 50, "C": 50},
			index: map[string]float64{"A": 25, "B": 50, "C": 75},
		},
	}
	for _, tc := range tests {
		t.Run(tc.weights, func(t *testing.T) {
			p := project{
				toml:    indexHead + "\n[scoring]\nweights = \"" + tc.weights + "\"\n" + def,
				regions: "code,name\nA,Alpha\nB,Beta\nC,Gamma\n",
				data:    data,
			}
			res := p.mustRun(t)
			assert.Equal(t, tc.weights, res.Method.Weights)
			require.Len(t, res.Weights, len(tc.rows))
			for i, want := range tc.rows {
				got := res.Weights[i]
				assert.Equal(t, want.ID, got.ID, "row %d", i)
				assert.Equal(t, want.Parent, got.Parent, want.ID)
				assert.Equal(t, want.Kind, got.Kind, want.ID)
				assert.InDelta(t, want.Weight, got.Weight, 1e-12, want.ID)
				assert.InDelta(t, want.Effective, got.Effective, 1e-12, want.ID)
			}
			for code, w := range tc.p {
				assert.InDelta(t, w, dim(t, res, region(t, res, code), "p").Score, 1e-9, code)
			}
			assertScores(t, tc.index, scores(res), "index")
		})
	}
}

// TestRunNestedDimensions: a dimension with both indicators and child
// dimensions aggregates its children level by level; a missing indicator
// renormalises the weights within its own dimension only, which gives a
// different number from one flat mean with effective weights.
func TestRunNestedDimensions(t *testing.T) {
	p := project{
		toml: indexHead + `
[scoring]
weights = "manual"

[[dimension]]
id = "top"

[[dimension]]
id = "sub1"
parent = "top"
weight = 1

[[dimension]]
id = "sub2"
parent = "top"
weight = 3

[[dimension]]
id = "other"

[[indicator]]
id = "t0"
dimension = "top"
weight = 2

[[indicator]]
id = "s1a"
dimension = "sub1"

[[indicator]]
id = "s1b"
dimension = "sub1"

[[indicator]]
id = "s2"
dimension = "sub2"

[[indicator]]
id = "o"
dimension = "other"
`,
		regions: "code,name\nA,Alpha\nB,Beta\nC,Gamma\n",
		// Every column spans 0…100: minmax keeps the values. C has no s1b.
		data: "region,t0,s1a,s1b,s2,o\n" +
			"A,100,100,0,0,100\n" +
			"B,0,0,100,100,0\n" +
			"C,70,50,NA,40,30\n",
	}
	res := p.mustRun(t)

	// By hand. Under top the siblings t0 (2), sub1 (1), sub2 (3) weigh
	// 1/3, 1/6, 1/2; the index is the mean of top and other.
	sub1 := map[string]float64{"A": (100 + 0) / 2.0, "B": (0 + 100) / 2.0, "C": 50} // C: s1a alone
	sub2 := map[string]float64{"A": 0, "B": 100, "C": 40}
	t0 := map[string]float64{"A": 100, "B": 0, "C": 70}
	other := map[string]float64{"A": 100, "B": 0, "C": 30}
	top, index := map[string]float64{}, map[string]float64{}
	for _, c := range []string{"A", "B", "C"} {
		top[c] = t0[c]/3 + sub1[c]/6 + sub2[c]/2
		index[c] = (top[c] + other[c]) / 2
	}
	assert.InDelta(t, 40.833333333333, index["C"], 1e-9)
	// A flat mean with the effective weights t0 1/6, s1a 1/24, s2 1/4, o 1/2
	// renormalised over C's present values would give 40.43, not 40.83.
	flatC := (70.0/6 + 50.0/24 + 40.0/4 + 30.0/2) / (1.0/6 + 1.0/24 + 1.0/4 + 1.0/2)
	assert.Greater(t, math.Abs(flatC-index["C"]), 0.1)

	for _, tc := range []struct {
		id   string
		want map[string]float64
	}{{"sub1", sub1}, {"sub2", sub2}, {"top", top}, {"other", other}} {
		for code, w := range tc.want {
			assert.InDelta(t, w, dim(t, res, region(t, res, code), tc.id).Score, 1e-9, "%s %s", tc.id, code)
		}
	}
	assertScores(t, index, scores(res), "index")
	assert.Equal(t, []string{"A", "C", "B"}, order(res))

	// Tree order: at each node its indicators first, then its dimensions,
	// each followed at once by its subtree.
	var ids []string
	eff := map[string]float64{}
	for _, w := range res.Weights {
		ids = append(ids, w.ID)
		eff[w.ID] = w.Effective
	}
	assert.Equal(t, []string{"top", "t0", "sub1", "s1a", "s1b", "sub2", "s2", "other", "o"}, ids)
	for id, w := range map[string]float64{"top": .5, "t0": 1.0 / 6, "sub1": 1.0 / 12, "s1a": 1.0 / 24, "s1b": 1.0 / 24, "sub2": .25, "s2": .25, "other": .5, "o": .5} {
		assert.InDelta(t, w, eff[id], 1e-12, id)
	}
}

// TestRunGeometric: a dimension's aggregate overrides [scoring] for that
// dimension only; the global aggregate applies to the other dimensions
// and to the index.
func TestRunGeometric(t *testing.T) {
	tests := []struct {
		name    string
		global  string // [scoring] aggregate
		dimAgg  string // aggregate of dimension g ("" = inherit)
		g       map[string]float64
		h       map[string]float64
		index   map[string]float64
		ordered []string
	}{
		{
			name: "arithmetic", global: "arithmetic",
			g:     map[string]float64{"A": 10, "B": 5, "C": 1},
			h:     map[string]float64{"A": 2, "B": 5, "C": 3},
			index: map[string]float64{"A": 6, "B": 5, "C": 2},
		},
		{
			name: "dimension override", global: "arithmetic", dimAgg: "geometric",
			g:     map[string]float64{"A": 8, "B": 3, "C": 1}, // √(4·16), √(9·1), √(1·1)
			h:     map[string]float64{"A": 2, "B": 5, "C": 3},
			index: map[string]float64{"A": 5, "B": 4, "C": 2},
		},
		{
			name: "global geometric", global: "geometric",
			g:     map[string]float64{"A": 8, "B": 3, "C": 1},
			h:     map[string]float64{"A": 2, "B": 5, "C": 3},
			index: map[string]float64{"A": 4, "B": math.Sqrt(15), "C": math.Sqrt(3)},
		},
		{
			name: "dimension override arithmetic under global geometric", global: "geometric", dimAgg: "arithmetic",
			g:     map[string]float64{"A": 10, "B": 5, "C": 1},
			h:     map[string]float64{"A": 2, "B": 5, "C": 3},
			index: map[string]float64{"A": math.Sqrt(20), "B": 5, "C": math.Sqrt(3)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			agg := ""
			if tc.dimAgg != "" {
				agg = "aggregate = \"" + tc.dimAgg + "\"\n"
			}
			p := project{
				toml: indexHead + `
[scoring]
normalise = "none"
aggregate = "` + tc.global + `"

[[dimension]]
id = "g"
` + agg + `
[[dimension]]
id = "h"

[[indicator]]
id = "u"
dimension = "g"

[[indicator]]
id = "v"
dimension = "g"

[[indicator]]
id = "w"
dimension = "h"
`,
				regions: "code,name\nA,Alpha\nB,Beta\nC,Gamma\n",
				data:    "region,u,v,w\nA,4,16,2\nB,9,1,5\nC,1,1,3\n",
			}
			res := p.mustRun(t)
			assert.Equal(t, tc.global, res.Method.Aggregate)
			for code := range tc.g {
				rr := region(t, res, code)
				assert.InDelta(t, tc.g[code], dim(t, res, rr, "g").Score, 1e-9, "g %s", code)
				assert.InDelta(t, tc.h[code], dim(t, res, rr, "h").Score, 1e-9, "h %s", code)
			}
			assertScores(t, tc.index, scores(res), "index")
		})
	}
}

// TestRunGeometricZero: the geometric mean over a zero (minmax into
// [0, 100] puts the lowest region at 0) is bad input, naming the region,
// the child and the aggregate key that chose the method.
func TestRunGeometricZero(t *testing.T) {
	tests := []struct {
		name    string
		scoring string // lines of [scoring] besides range
		g, h    string // lines of dimensions g and h
		uv      string // lines of indicators u and v
		key     string // text on the line the error must point at
		child   string
		region  string
	}{
		{
			name:  "dimension override",
			g:     `aggregate = "geometric"   # per dimension`,
			key:   "# per dimension",
			child: "u", region: "Alpha (A)",
		},
		{
			name:    "global",
			scoring: `aggregate = "geometric"   # global`,
			key:     "# global",
			child:   "u", region: "Alpha (A)",
		},
		{
			// u and v stay positive between their goalposts; h is the
			// arithmetic mean of w alone, 0 for B, and the index is
			// geometric over g and h.
			name:    "index level",
			scoring: `aggregate = "geometric"   # global`,
			h:       `aggregate = "arithmetic"`,
			uv:      "normalise = \"goalposts\"\ngoalposts = [0, 10]",
			key:     "# global",
			child:   "h", region: "Beta (B)",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := indexHead + `
[scoring]
range = [0, 100]
` + tc.scoring + `

[[dimension]]
id = "g"
` + tc.g + `

[[dimension]]
id = "h"
` + tc.h + `

[[indicator]]
id = "u"
dimension = "g"
` + tc.uv + `

[[indicator]]
id = "v"
dimension = "g"
` + tc.uv + `

[[indicator]]
id = "w"
dimension = "h"
`
			p := project{toml: src, regions: "code,name\nA,Alpha\nB,Beta\nC,Gamma\n", data: "region,u,v,w\nA,1,5,3\nB,2,6,1\nC,3,7,2\n"}
			res, err := p.run(t)
			assert.Nil(t, res)
			e := inputError(t, err)
			line := lineOf(t, src, tc.key)
			assert.Equal(t, "index.toml", e.Pos.File)
			assert.Equal(t, line, e.Pos.Line, e.Error())
			assert.Contains(t, err.Error(), fmt.Sprintf("index.toml:%d:", line))
			assert.Contains(t, e.Msg, tc.region)
			assert.Contains(t, e.Msg, strconv.Quote(tc.child))
			assert.Contains(t, e.Msg, "geometric")
			assert.NotEmpty(t, e.Hint)
		})
	}
}

// TestRunMissingValues: weights are renormalised over the indicators a
// region has.
func TestRunMissingValues(t *testing.T) {
	p := project{
		toml: indexHead + `
[scoring]
weights = "manual"

[[dimension]]
id = "d"

[[indicator]]
id = "a"
dimension = "d"
weight = 1

[[indicator]]
id = "b"
dimension = "d"
weight = 1

[[indicator]]
id = "c"
dimension = "d"
weight = 2
`,
		data: "region,a,b,c\nA,0,100,0\nB,100,0,100\nC,60,20,\nD,50,50,50\n",
	}
	res := p.mustRun(t)
	// C: (60 + 20) / 2 over a and b, not (60 + 20 + 0) / 4.
	assertScores(t, map[string]float64{"A": 25, "B": 75, "C": 40, "D": 50}, scores(res), "index")
	assert.Equal(t, []string{"B", "D", "C", "A"}, order(res))

	c := region(t, res, "C")
	assert.True(t, c.Rated)
	assert.Equal(t, 2, c.Present)
	assert.Equal(t, 3, c.Total)
	assert.InDelta(t, 2.0/3, c.Coverage, 1e-12)
	x := ind(t, res, c, "c")
	assert.True(t, math.IsNaN(x.Raw))
	assert.True(t, math.IsNaN(x.Value))
	assert.True(t, math.IsNaN(x.Normalised))
	assert.False(t, x.Imputed)
}

// TestRunMissingDimension: a dimension with no data for a region is
// Missing and unranked; the index renormalises over the other dimensions
// and the others are ranked among themselves.
func TestRunMissingDimension(t *testing.T) {
	p := project{
		toml: indexHead + `
[[dimension]]
id = "p"

[[dimension]]
id = "q"

[[indicator]]
id = "a"
dimension = "p"

[[indicator]]
id = "b"
dimension = "q"
`,
		data: "region,a,b\nA,0,100\nB,100,0\nC,80,NA\nD,50,20\n",
	}
	res := p.mustRun(t)
	c := region(t, res, "C")
	require.True(t, c.Rated, c.Reason)
	q := dim(t, res, c, "q")
	assert.True(t, q.Missing)
	assert.True(t, math.IsNaN(q.Score))
	assert.Zero(t, q.Rank)
	assert.Zero(t, q.Stars)
	assert.Empty(t, q.Class)
	pc := dim(t, res, c, "p")
	assert.False(t, pc.Missing)
	assert.Equal(t, 80.0, pc.Score)
	assert.Equal(t, 2, pc.Rank)
	assert.Equal(t, 80.0, c.Score, "the index is p alone")

	// q ranks A, D, B among the three with data.
	for code, want := range map[string]int{"A": 1, "D": 2, "B": 3} {
		got := dim(t, res, region(t, res, code), "q")
		assert.False(t, got.Missing)
		assert.Equal(t, want, got.Rank, code)
	}
	assertScores(t, map[string]float64{"A": 50, "B": 50, "C": 80, "D": 35}, scores(res), "index")
	assert.Equal(t, map[string]int{"C": 1, "A": 2, "B": 2, "D": 4}, ranks(res))
}

// TestRunMinCoverage: a region under min_coverage is unrated, has a
// reason, comes last and leaves the others exactly as without it.
func TestRunMinCoverage(t *testing.T) {
	const def = indexHead + `
[scoring]
min_coverage = 0.6

[[dimension]]
id = "p"

[[dimension]]
id = "q"

[[indicator]]
id = "a"
dimension = "p"

[[indicator]]
id = "b"
dimension = "p"

[[indicator]]
id = "c"
dimension = "q"
`
	const rows = "A,10,20,30\nB,20,10,50\nC,30,40,10\nD,40,30,20\n"
	// E comes first in regions.csv, has 1 of 3 values (under 0.6) and an
	// extreme value that would move every minmax of a if it counted.
	with := project{
		toml:    def,
		regions: "code,name\nE,Epsilon\n" + strings.TrimPrefix(fourRegions, "code,name\n"),
		// E's row comes last so that the others' cells keep their positions.
		data: "region,a,b,c\n" + rows + "E,1000,,\n",
	}
	without := project{toml: def, data: "region,a,b,c\n" + rows}
	resWith, resWithout := with.mustRun(t), without.mustRun(t)

	e := region(t, resWith, "E")
	assert.False(t, e.Rated)
	assert.NotEmpty(t, e.Reason)
	assert.Contains(t, e.Reason, "1 of 3")
	assert.Zero(t, e.Rank)
	assert.Zero(t, e.Stars)
	assert.Zero(t, e.Score)
	assert.Equal(t, 1, e.Present)
	for _, d := range e.Dimensions {
		assert.True(t, d.Missing, d.ID)
		assert.Zero(t, d.Rank, d.ID)
	}
	assert.Equal(t, 1000.0, ind(t, resWith, e, "a").Raw, "the raw value is still reported")
	assert.True(t, math.IsNaN(ind(t, resWith, e, "a").Normalised))

	require.Len(t, resWith.Regions, 5)
	assert.Equal(t, "E", resWith.Regions[4].Region.Code, "unrated regions come last")
	assert.Equal(t, order(resWithout), order(resWith)[:4])
	want := snapshot(resWithout)
	assert.Equal(t, want, snapshot(resWith)[:len(want)], "the rated regions are scored as if E were not there")
}

// TestRunTies: round = 1 makes 70.04 and 70.01 tie at 70.0; the tie rule
// decides the rank after them; tied regions keep the order of regions.csv.
func TestRunTies(t *testing.T) {
	tests := []struct {
		ties   string
		round  string
		ranks  map[string]int
		scoreB float64
	}{
		{"competition", "round = 1", map[string]int{"A": 1, "B": 2, "C": 2, "D": 4}, 70.0},
		{"dense", "round = 1", map[string]int{"A": 1, "B": 2, "C": 2, "D": 3}, 70.0},
		{"competition", "", map[string]int{"A": 1, "B": 2, "C": 3, "D": 4}, 70.04},
		{"dense", "", map[string]int{"A": 1, "B": 2, "C": 3, "D": 4}, 70.04},
		{"competition", "round = 2", map[string]int{"A": 1, "B": 2, "C": 3, "D": 4}, 70.04},
	}
	for _, tc := range tests {
		t.Run(tc.ties+" "+tc.round, func(t *testing.T) {
			p := project{
				toml: indexHead + `
[scoring]
normalise = "none"
ties = "` + tc.ties + `"
` + tc.round + `

[[dimension]]
id = "d"

[[indicator]]
id = "x"
dimension = "d"
`,
				// C is listed before B to show that ties keep regions.csv order.
				regions: "code,name\nA,Alpha\nC,Gamma\nB,Beta\nD,Delta\n",
				data:    "region,x\nA,80\nB,70.04\nC,70.01\nD,60\n",
			}
			res := p.mustRun(t)
			assert.Equal(t, tc.ranks, ranks(res))
			assert.Equal(t, tc.scoreB, region(t, res, "B").Score)
			if tc.ranks["B"] == tc.ranks["C"] {
				assert.Equal(t, []string{"A", "C", "B", "D"}, order(res))
				assert.Equal(t, 70.0, region(t, res, "C").Score)
				// The dimension is rounded and ranked the same way.
				assert.Equal(t, tc.ranks["B"], dim(t, res, region(t, res, "C"), "d").Rank)
			} else {
				assert.Equal(t, []string{"A", "B", "C", "D"}, order(res))
			}
		})
	}
}

// TestRunStars: thresholds (inclusive lower bounds) and quantiles, with
// labels filling Class, for the index and for every dimension.
func TestRunStars(t *testing.T) {
	const labels = `labels = ["一星", "二星", "三星", "四星", "五星"]`
	body := `
[[dimension]]
id = "p"

[[dimension]]
id = "q"

[[indicator]]
id = "a"
dimension = "p"

[[indicator]]
id = "b"
dimension = "q"
`
	regions := "code,name\nA,Alpha\nB,Beta\nC,Gamma\nD,Delta\nE,Epsilon\n"
	// index = (a + b) / 2 with normalise = "none".
	data := "region,a,b\nA,10,10\nB,20,20\nC,59.9,59.9\nD,80,80\nE,100,40\n"
	classNames := []string{"", "一星", "二星", "三星", "四星", "五星"}
	tests := []struct {
		name   string
		stars  string
		index  map[string]int
		p      map[string]int // stars of dimension p (a)
		q      map[string]int // stars of dimension q (b)
		qRanks map[string]int
	}{
		{
			name:  "thresholds",
			stars: "[stars]\nmethod = \"thresholds\"\nthresholds = [20, 40, 60, 80]\n" + labels + "\n",
			// index: A 10, B 20, C 59.9, D 80, E 70
			index:  map[string]int{"A": 1, "B": 2, "C": 3, "D": 5, "E": 4},
			p:      map[string]int{"A": 1, "B": 2, "C": 3, "D": 5, "E": 5},
			q:      map[string]int{"A": 1, "B": 2, "C": 3, "D": 5, "E": 3},
			qRanks: map[string]int{"A": 5, "B": 4, "C": 2, "D": 1, "E": 3},
		},
		{
			name:   "quantiles",
			stars:  "[stars]\nmethod = \"quantiles\"\nclasses = 5\n" + labels + "\n",
			index:  map[string]int{"A": 1, "B": 2, "C": 3, "D": 5, "E": 4},
			p:      map[string]int{"A": 1, "B": 2, "C": 3, "D": 4, "E": 5},
			q:      map[string]int{"A": 1, "B": 2, "C": 4, "D": 5, "E": 3},
			qRanks: map[string]int{"A": 5, "B": 4, "C": 2, "D": 1, "E": 3},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := project{
				toml:    indexHead + "\n[scoring]\nnormalise = \"none\"\n\n" + tc.stars + body,
				regions: regions,
				data:    data,
			}
			res := p.mustRun(t)
			assert.Equal(t, tc.name, res.Method.Stars)
			for code, want := range tc.index {
				rr := region(t, res, code)
				assert.Equal(t, want, rr.Stars, "index %s", code)
				assert.Equal(t, classNames[want], rr.Class, "index %s", code)
				pd, qd := dim(t, res, rr, "p"), dim(t, res, rr, "q")
				assert.Equal(t, tc.p[code], pd.Stars, "p %s", code)
				assert.Equal(t, classNames[tc.p[code]], pd.Class, "p %s", code)
				assert.Equal(t, tc.q[code], qd.Stars, "q %s", code)
				assert.Equal(t, classNames[tc.q[code]], qd.Class, "q %s", code)
				assert.Equal(t, tc.qRanks[code], qd.Rank, "q rank %s", code)
			}
			assert.Equal(t, map[string]int{"D": 1, "E": 2, "C": 3, "B": 4, "A": 5}, ranks(res))
		})
	}

	t.Run("no labels", func(t *testing.T) {
		p := project{toml: indexHead + "\n[scoring]\nnormalise = \"none\"\n" + body, regions: regions, data: data}
		res := p.mustRun(t)
		for _, rr := range res.Regions {
			assert.Empty(t, rr.Class)
			assert.NotZero(t, rr.Stars)
		}
	})
}

// TestRunDeterministic: the same input gives deep-equal results, run after
// run, and scoring leaves its input matrix alone.
func TestRunDeterministic(t *testing.T) {
	t.Run("TAI", func(t *testing.T) {
		def1, ds1 := loadTAI(t)
		def2, ds2 := loadTAI(t)
		r1, err := scoring.Run(def1, ds1, def1.Index.Year)
		require.NoError(t, err)
		r2, err := scoring.Run(def2, ds2, def2.Index.Year)
		require.NoError(t, err)
		assert.Equal(t, r1, r2)
		r3, err := scoring.Run(def1, ds1, def1.Index.Year)
		require.NoError(t, err)
		assert.Equal(t, r1, r3)
	})
	t.Run("missing values and unrated regions", func(t *testing.T) {
		p := project{
			toml: indexHead + `
[scoring]
round = 1
ties = "dense"

[stars]
method = "quantiles"
classes = 3

[[dimension]]
id = "p"

[[dimension]]
id = "q"
parent = "p"

[[dimension]]
id = "r"

[[indicator]]
id = "a"
dimension = "p"

[[indicator]]
id = "b"
dimension = "q"

[[indicator]]
id = "c"
dimension = "r"
`,
			regions: "code,name\nE,Epsilon\nA,Alpha\nB,Beta\nC,Gamma\nD,Delta\n",
			data:    "region,a,b,c\nE,,,7\nA,1,2,3\nB,3,,1\nC,2,2,2\nD,3,NA,1\n",
		}
		def, ds := p.load(t)
		m := ds.Matrix(def, def.Index.Year)
		before := fmt.Sprint(m.Values)
		first, err := scoring.Score(def, m)
		require.NoError(t, err)
		assert.Equal(t, before, fmt.Sprint(m.Values), "Score changed its input")
		want := snapshot(first)
		for range 5 {
			again, err := scoring.Score(def, m)
			require.NoError(t, err)
			require.Equal(t, want, snapshot(again))
		}
		viaRun := p.mustRun(t)
		assert.Equal(t, want, snapshot(viaRun))
		assert.False(t, region(t, first, "E").Rated)
	})
}

// ---------------------------------------------------------------------------
// 3. Check

// checkBase is a valid definition with a slot for the line under test in
// each table.
func checkBase(scoringLine, starsLine, dimLine, indLine string) string {
	return indexHead + `
[scoring]
normalise = "minmax"
` + scoringLine + `

[stars]
` + starsLine + `

[[dimension]]
id = "d"
` + dimLine + `

[[indicator]]
id = "a"
dimension = "d"

[[indicator]]
id = "b"
dimension = "d"
` + indLine + "\n"
}

func TestCheckUnknownMethods(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		bad       string // the unknown name, unique in src
		valid     []string
		kindInMsg string
	}{
		{"normalise", strings.Replace(checkBase("", "", "", ""), `normalise = "minmax"`, `normalise = "minimax"`, 1), "minimax", scoring.NormaliserNames(), "normalisation"},
		{"indicator normalise", checkBase("", "", "", `normalise = "scale"`), "scale", scoring.NormaliserNames(), "normalisation"},
		{"weights", checkBase(`weights = "eqaul"`, "", "", ""), "eqaul", scoring.WeightingNames(), "weighting"},
		{"aggregate", checkBase(`aggregate = "median"`, "", "", ""), "median", scoring.AggregatorNames(), "aggregation"},
		{"dimension aggregate", checkBase("", "", `aggregate = "geo"`, ""), "geo", scoring.AggregatorNames(), "aggregation"},
		{"ties", checkBase(`ties = "olympic"`, "", "", ""), "olympic", scoring.TieRuleNames(), "tie"},
		{"stars", checkBase("", `method = "natural-breaks"`, "", ""), "natural-breaks", scoring.StarRuleNames(), "star"},
		{"impute", checkBase(`impute = "knn"`, "", "", ""), "knn", scoring.ImputerNames(), "imputation"},
		{"treat", checkBase(`treat = "trim"`, "", "", ""), "trim", scoring.TreatmentNames(), "treatment"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.valid)
			p := project{toml: tc.src, data: "region,a,b\nA,1,2\nB,2,1\nC,3,3\nD,4,4\n"}
			def := p.parse(t)
			errs := scoring.Check(def)
			require.Len(t, errs, 1, "%v", errs)
			e := errs[0]
			line := lineOf(t, tc.src, strconv.Quote(tc.bad))
			assert.Equal(t, "index.toml", e.Pos.File)
			assert.Equal(t, line, e.Pos.Line)
			assert.Contains(t, e.Error(), fmt.Sprintf("index.toml:%d:", line))
			assert.Contains(t, e.Msg, strconv.Quote(tc.bad))
			assert.Contains(t, e.Msg, tc.kindInMsg)
			for _, name := range tc.valid {
				assert.Contains(t, e.Hint, name)
			}
			assert.Contains(t, e.Hint, strings.Join(tc.valid, ", "))

			// Run refuses the definition with the same error before scoring.
			ds, err := indicators.LoadData(def, "")
			require.NoError(t, err)
			res, err := scoring.Run(def, ds, def.Index.Year)
			assert.Nil(t, res)
			assert.Equal(t, e, inputError(t, err))
		})
	}
}

func TestCheckRequirements(t *testing.T) {
	tests := []struct {
		name string
		src  string
		at   string // text on the line the error points at
		msg  []string
	}{
		{
			name: "goalposts without goalposts",
			src:  checkBase("", "", "", `normalise = "goalposts"`),
			at:   "[[indicator]]\nid = \"b\"",
			msg:  []string{`"b"`, "goalposts"},
		},
		{
			name: "global goalposts without goalposts",
			src:  strings.Replace(checkBase("", "", "", "goalposts = [0, 10]"), `normalise = "minmax"`, `normalise = "goalposts"`, 1),
			at:   "[[indicator]]\nid = \"a\"",
			msg:  []string{`"a"`, "goalposts"},
		},
		{
			name: "source without [[source]]",
			src:  checkBase("", "", "", `source = "policies.count"`),
			at:   `source = "policies.count"`,
			msg:  []string{"no [[source]] entry", `"policies"`},
		},
		{
			name: "unknown collector",
			src:  checkBase("", "", "", `source = "polices.count"`),
			at:   `source = "polices.count"`,
			msg:  []string{"unknown collector", `"polices"`},
		},
		{
			name: "unknown measure",
			src:  checkBase("", "", "", `source = "policies.counts"`),
			at:   `source = "policies.counts"`,
			msg:  []string{`"policies"`, `no measure "counts"`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			def := project{toml: tc.src}.parse(t)
			errs := scoring.Check(def)
			require.Len(t, errs, 1, "%v", errs)
			e := errs[0]
			// A two-line anchor points at its first line.
			line := lineOf(t, strings.ReplaceAll(tc.src, tc.at, "@@ANCHOR@@"), "@@ANCHOR@@")
			assert.Equal(t, line, e.Pos.Line, e.Error())
			assert.Contains(t, e.Error(), fmt.Sprintf("index.toml:%d:", line))
			for _, s := range tc.msg {
				assert.Contains(t, e.Msg, s)
			}
			assert.NotEmpty(t, e.Hint)
			assert.True(t, indicators.IsInputError(errs))
		})
	}

	// A source with its [[source]] entry is fine: LoadData reads the
	// evidence and reports its problems.
	const coPoliciesSource = "\n[[source]]\ncollector = \"policies\"\nfiles = [\"policies.csv\"]\n"
	t.Run("source", func(t *testing.T) {
		def := project{toml: checkBase("", "", "", `source = "policies.count"`) + coPoliciesSource}.parse(t)
		assert.Empty(t, scoring.Check(def))
	})

	// Every problem is listed, not only the first of each indicator: an
	// unknown normaliser does not hide a source without [[source]], and a
	// valid source adds none.
	t.Run("all problems", func(t *testing.T) {
		src := strings.Replace(checkBase("", "", "", "source = \"policies.count\""),
			`normalise = "minmax"`, `normalise = "bogus"`, 1)
		errs := scoring.Check(project{toml: src}.parse(t))
		require.Len(t, errs, 2, "%v", errs)
		assert.Equal(t, lineOf(t, src, `"bogus"`), errs[0].Pos.Line)
		assert.Equal(t, lineOf(t, src, `source =`), errs[1].Pos.Line)

		errs = scoring.Check(project{toml: src + coPoliciesSource}.parse(t))
		require.Len(t, errs, 1, "%v", errs)
		assert.Equal(t, lineOf(t, src, `"bogus"`), errs[0].Pos.Line)
	})

	t.Run("valid", func(t *testing.T) {
		def := project{toml: checkBase("", "", "", "normalise = \"goalposts\"\ngoalposts = [0, 10]\ndirection = -1")}.parse(t)
		assert.Empty(t, scoring.Check(def))
	})
}
