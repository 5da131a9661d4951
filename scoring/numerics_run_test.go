package scoring_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

// numToml is a one-dimension index over indicators a and b with the
// [scoring] lines, [stars] thresholds and per-indicator lines given.
func numToml(scoringLines, thresholds, aLines, bLines string) string {
	return indexHead + "\n[scoring]\n" + scoringLines + "\n\n[stars]\nmethod = \"thresholds\"\nthresholds = " + thresholds +
		"\n\n[[dimension]]\nid = \"d\"\n\n[[indicator]]\nid = \"a\"\ndimension = \"d\"\n" + aLines +
		"\n\n[[indicator]]\nid = \"b\"\ndimension = \"d\"\n" + bLines + "\n"
}

// TestNumericsCorrect: inputs at the edges of the float64 range are scored
// as their ordinary-sized counterparts are.
func TestNumericsCorrect(t *testing.T) {
	const data = "region,year,a,b\nA,2020,1e308,3\nB,2020,-1e308,1\nC,2020,0,2\nD,2020,5e307,2\n"
	small := "region,year,a,b\nA,2020,1,3\nB,2020,-1,1\nC,2020,0,2\nD,2020,0.5,2\n"
	tests := []struct {
		name, scoring, data, aLines, bLines string
		wantOrder                           []string
		wantStars                           map[string]int
		like                                string // the same scores as this [scoring] on the small data
	}{
		{name: "minmax over ±1e308", scoring: `normalise = "minmax"`, data: data,
			wantOrder: []string{"A", "D", "C", "B"}, wantStars: map[string]int{"A": 5, "B": 1},
			like: `normalise = "minmax"`},
		{name: "dist2max over ±1e308", scoring: `normalise = "dist2max"`, data: data,
			wantOrder: []string{"A", "D", "C", "B"}, wantStars: map[string]int{"A": 5, "B": 1},
			like: `normalise = "dist2max"`},
		{name: "zscore over ±1e308", scoring: `normalise = "zscore"`, data: data,
			wantOrder: []string{"A", "D", "C", "B"}, like: `normalise = "zscore"`},
		{name: "range ±1e308", scoring: "normalise = \"minmax\"\nrange = [-1e308, 1e308]", data: small,
			wantOrder: []string{"A", "D", "C", "B"}, wantStars: map[string]int{"A": 5, "B": 1}},
		{name: "weight 1e308 everywhere", scoring: `normalise = "minmax"`, data: small,
			aLines: "weight = 1e308", bLines: "weight = 1e308",
			wantOrder: []string{"A", "D", "C", "B"}, like: `normalise = "minmax"`},
		{name: "power 1e-20 is the geometric mean", scoring: "normalise = \"minmax\"\nrange = [1, 100]\naggregate = \"power\"\npower = 1e-20", data: small,
			wantOrder: []string{"A", "D", "C", "B"}, like: "normalise = \"minmax\"\nrange = [1, 100]\naggregate = \"geometric\""},
		{name: "fracmax of negatives stays in range", scoring: "normalise = \"fracmax\"\nrange = [1, 100]", data: small,
			wantOrder: []string{"A", "D", "C", "B"}},
		{name: "dist2ref lower is better", scoring: "normalise = \"dist2ref\"\nreference = \"C\"", data: "region,year,a,b\nA,2020,1,3\nB,2020,4,1\nC,2020,2,2\nD,2020,2,2\n",
			aLines: "direction = -1", wantOrder: []string{"A", "C", "D", "B"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := project{toml: numToml(tc.scoring, "[20, 40, 60, 80]", tc.aLines, tc.bLines), data: tc.data}.mustRun(t)
			assert.Equal(t, tc.wantOrder, order(res))
			for _, rr := range res.Regions {
				assert.True(t, rr.Rated, rr.Region.Code)
				assert.Positive(t, rr.Rank, rr.Region.Code)
				assert.False(t, rr.Score != rr.Score, "score of %s", rr.Region.Code)
			}
			for code, st := range tc.wantStars {
				assert.Equal(t, st, region(t, res, code).Stars, code)
			}
			if tc.like != "" {
				want := project{toml: numToml(tc.like, "[20, 40, 60, 80]", "", ""), data: small}.mustRun(t)
				assertScores(t, scores(want), scores(res), tc.like)
				assert.Equal(t, ranks(want), ranks(res))
			}
		})
	}
}

// TestNumericsRefused: what cannot be computed is refused with the place
// and the reason, never scored silently.
func TestNumericsRefused(t *testing.T) {
	tests := []struct {
		name, toml, regions, data string
		where                     string // the line's text in index.toml, or "regions.csv"
		msg                       []string
	}{
		{name: "fracmax lower is better",
			toml:  numToml(`normalise = "fracmax"`, "[20, 40, 60, 80]", "direction = -1", ""),
			data:  "region,year,a,b\nA,2020,1,3\nB,2020,2,1\n",
			where: "direction = -1", msg: []string{`indicator "a" is lower-is-better`, "fracmax", "minmax"}},
		{name: "fracmax no positive value",
			toml:  numToml(`normalise = "fracmax"`, "[20, 40, 60, 80]", "", ""),
			data:  "region,year,a,b\nA,2020,-1,3\nB,2020,0,1\n",
			where: `normalise = "fracmax"`, msg: []string{`indicator "a" has no positive value in 2020`, "minmax"}},
		{name: "dist2ref reference without a value",
			toml:  numToml("normalise = \"dist2ref\"\nreference = \"B\"", "[20, 40, 60, 80]", "", ""),
			data:  "region,year,a,b\nA,2020,1,3\nB,2020,,1\n",
			where: `reference = "B"`, msg: []string{"reference region Beta (B) has no value", `"a"`}},
		{name: "dist2ref reference 0",
			toml:  numToml("normalise = \"dist2ref\"\nreference = \"B\"", "[20, 40, 60, 80]", "", ""),
			data:  "region,year,a,b\nA,2020,1,3\nB,2020,0,1\n",
			where: `reference = "B"`, msg: []string{"has 0 for indicator"}},
		{name: "dist2ref ratio overflows",
			toml:  numToml("normalise = \"dist2ref\"\nreference = \"B\"", "[20, 40, 60, 80]", "", ""),
			data:  "region,year,a,b\nA,2020,1e300,3\nB,2020,1e-300,1\n",
			where: `normalise = "dist2ref"`, msg: []string{`normalising indicator "a" with dist2ref`, "Alpha (A)"}},
		{name: "tiny denominator",
			toml:    numToml(`normalise = "minmax"`, "[20, 40, 60, 80]", `denominator = "population"`, ""),
			regions: "code,name,population\nA,Alpha,1e-320\nB,Beta,10\n",
			data:    "region,year,a,b\nA,2020,5,3\nB,2020,2,1\n",
			where:   "regions.csv", msg: []string{"Alpha (A)", `indicator "a"`, "population"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := project{toml: tc.toml, regions: tc.regions, data: tc.data}
			if tc.regions == "" {
				p.regions = "code,name\nA,Alpha\nB,Beta\n"
			}
			_, err := p.run(t)
			require.Error(t, err)
			for _, m := range tc.msg {
				assert.Contains(t, err.Error(), m)
			}
			ie := inputError(t, err)
			if tc.where == "regions.csv" {
				assert.Equal(t, "regions.csv", ie.Pos.File)
				assert.Positive(t, ie.Pos.Line)
			} else {
				assert.Equal(t, lineOf(t, tc.toml, tc.where), ie.Pos.Line, "at %q", tc.where)
			}
			assert.NotEmpty(t, ie.Hint)
		})
	}
}

// TestNumericsTies: scores equal at 12 significant digits tie in ranks and
// stars, whatever float noise the sums leave (53/6 added in two orders).
func TestNumericsTies(t *testing.T) {
	var b strings.Builder
	b.WriteString(indexHead + "\n[scoring]\nnormalise = \"none\"\n\n[stars]\nmethod = \"thresholds\"\nthresholds = [8.833333333333336]\n\n[[dimension]]\nid = \"d\"\n")
	for i := range 6 {
		fmt.Fprintf(&b, "\n[[indicator]]\nid = \"i%d\"\ndimension = \"d\"\n", i)
	}
	data := "region,year,i0,i1,i2,i3,i4,i5\nA,2020,9,9,8,10,9,8\nB,2020,9,9,10,8,8,9\nC,2020,1,1,1,1,1,1\n"
	res := project{toml: b.String(), regions: "code,name\nA,Alpha\nB,Beta\nC,Gamma\n", data: data}.mustRun(t)
	a, bb := region(t, res, "A"), region(t, res, "B")
	require.NotEqual(t, a.Score, bb.Score, "the sums differ in the last bit: the case tests the comparison")
	assert.Equal(t, 1, a.Rank)
	assert.Equal(t, 1, bb.Rank)
	assert.Equal(t, 3, region(t, res, "C").Rank)
	assert.Equal(t, a.Stars, bb.Stars)
	assert.Equal(t, 2, a.Stars)
	for _, method := range []string{"quantiles", "kmeans", "jenks"} {
		toml := strings.Replace(b.String(), "method = \"thresholds\"\nthresholds = [8.833333333333336]", "method = \""+method+"\"\nclasses = 2", 1)
		res := project{toml: toml, regions: "code,name\nA,Alpha\nB,Beta\nC,Gamma\n", data: data}.mustRun(t)
		assert.Equal(t, region(t, res, "A").Stars, region(t, res, "B").Stars, method)
	}
}

// TestNumericsTiesRobust: the robust kernel ranks and rates by the same
// 12-digit comparison as Score. Without weight noise every sample is the
// nominal index, so A and B share rank 1 and their stars in every sample,
// for the plain, the geometric (ranked from logarithms) and the k-means
// (registered star rule) paths.
func TestNumericsTiesRobust(t *testing.T) {
	var b strings.Builder
	b.WriteString(indexHead + "\n[scoring]\nnormalise = \"none\"\nSCORING\n\n[stars]\nSTARS\n\n[uncertainty]\nsamples = 40\nseed = 3\nweights_noise = 0\n\n[[dimension]]\nid = \"d\"\n")
	for i := range 6 {
		fmt.Fprintf(&b, "\n[[indicator]]\nid = \"i%d\"\ndimension = \"d\"\n", i)
	}
	data := "region,year,i0,i1,i2,i3,i4,i5\nA,2020,9,9,8,10,9,8\nB,2020,9,9,10,8,8,9\nC,2020,1,1,1,1,1,1\nD,2020,2,2,2,2,2,2\n"
	for _, tc := range []struct{ name, scoring, stars string }{
		{"arithmetic, thresholds", "", "method = \"thresholds\"\nthresholds = [8.833333333333336]"},
		{"geometric, thresholds", `aggregate = "geometric"`, "method = \"thresholds\"\nthresholds = [8.6]"},
		{"arithmetic, kmeans", "", "method = \"kmeans\"\nclasses = 2"},
		{"arithmetic, quantiles", "", "method = \"quantiles\"\nclasses = 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			toml := strings.NewReplacer("SCORING", tc.scoring, "STARS", tc.stars).Replace(b.String())
			def, ds := project{toml: toml, data: data}.load(t)
			rr, err := scoring.Robust(context.Background(), def, ds.Matrix(def, 2020), scoring.RobustOptions{})
			require.NoError(t, err)
			require.Zero(t, rr.Failed, rr.FailReason)
			nomA, nomB := region(t, rr.Nominal, "A"), region(t, rr.Nominal, "B")
			assert.Equal(t, 1, nomA.Rank)
			assert.Equal(t, 1, nomB.Rank)
			assert.Equal(t, nomA.Stars, nomB.Stars)
			for _, code := range []string{"A", "B"} {
				r, ok := rr.Region(code)
				require.True(t, ok)
				assert.Equal(t, 1, r.Median, code)
				assert.Equal(t, 1, r.P95, code)
				assert.InDelta(t, 1, r.StarShares[nomA.Stars], 1e-12, "%s: every sample gives the nominal stars", code)
			}
		})
	}
}
