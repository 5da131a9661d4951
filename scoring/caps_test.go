package scoring_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

// itCapProject builds a project of two top-level dimensions x and y with
// one indicator each (ix, iy), normalise = "none" and equal weights, so a
// region's dimension scores are its values and its index score their
// mean; stars by the default thresholds 20, 40, 60, 80. Regions are
// named by codes A, B, C, …; extra is appended to index.toml.
func itCapProject(xs, ys []float64, extra string) itProject {
	var regions, data strings.Builder
	regions.WriteString("code,name\n")
	data.WriteString("region,year,ix,iy\n")
	for k := range xs {
		code := string(rune('A' + k))
		fmt.Fprintf(&regions, "%s,Region %s\n", code, code)
		fmt.Fprintf(&data, "%s,2020,%g,%g\n", code, xs[k], ys[k])
	}
	return itProject{regions: regions.String(), data: data.String(), toml: `[index]
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
` + extra}
}

// itStars maps region codes to index stars.
func itStars(res *scoring.Result) map[string]int {
	out := map[string]int{}
	for _, rr := range res.Regions {
		out[rr.Region.Code] = rr.Stars
	}
	return out
}

// itRanks maps region codes to index ranks.
func itRanks(res *scoring.Result) map[string]int {
	out := map[string]int{}
	for _, rr := range res.Regions {
		out[rr.Region.Code] = rr.Rank
	}
	return out
}

// TestCapsLowerRatings: cap 0 (no 5 stars with a top-level dimension in
// the bottom quarter) and cap 1 (at most 3 stars with x under 40).
//
//	region   x    y   index  stars  capped
//	A      100   66   83     5      4 by cap 0: lowest on y
//	B       90   70   80     5      stays: lowest on nothing
//	C       80   68   74     4
//	D       75   67   71     4
//	E       30  100   65     4      lowest on x, but 4 ≤ 4; 3 by cap 1
func TestCapsLowerRatings(t *testing.T) {
	caps := `
[[cap]]
max = 4
below_quantile = 0.25

[[cap]]
max = 3
dimension = "x"
below = 40
`
	xs := []float64{100, 90, 80, 75, 30}
	ys := []float64{66, 70, 68, 67, 100}
	res := itRunProject(t, itCapProject(xs, ys, caps))
	plain := itRunProject(t, itCapProject(xs, ys, ""))

	assert.Equal(t, map[string]int{"A": 5, "B": 5, "C": 4, "D": 4, "E": 4}, itStars(plain), "without caps")
	assert.Empty(t, plain.Caps)

	assert.Equal(t, map[string]int{"A": 4, "B": 5, "C": 4, "D": 4, "E": 3}, itStars(res))
	assert.Equal(t, []scoring.CapApplied{
		{Region: "A", Cap: 0, Dimension: "y", From: 5, To: 4},
		{Region: "E", Cap: 1, Dimension: "x", From: 4, To: 3},
	}, res.Caps)

	// Scores, ranks, order and dimension ratings do not change.
	assert.Equal(t, itRanks(plain), itRanks(res))
	assert.Equal(t, map[string]int{"A": 1, "B": 2, "C": 3, "D": 4, "E": 5}, itRanks(res))
	for k, rr := range res.Regions {
		p := plain.Regions[k]
		assert.Equal(t, p.Region.Code, rr.Region.Code)
		assert.Equal(t, p.Score, rr.Score)
		for j := range rr.Dimensions {
			assert.Equal(t, *p.Dimensions[j], *rr.Dimensions[j], "%s dimension %d", rr.Region.Code, j)
		}
	}
	assert.InDelta(t, 83, itRegion(t, res, "A").Score, 1e-12)
}

// TestCapsLabels: the class label follows the capped rating.
func TestCapsLabels(t *testing.T) {
	extra := `
[stars]
labels = ["1", "2", "3", "4", "5"]

[[cap]]
max = 4
below_quantile = 0.25
`
	res := itRunProject(t, itCapProject([]float64{100, 90, 80, 75}, []float64{66, 70, 68, 67}, extra))
	a := itRegion(t, res, "A")
	assert.Equal(t, 4, a.Stars)
	assert.Equal(t, "4", a.Class)
}

// TestCapsBottomQuarter pins the rule documented in caps.go: a region is in
// the bottom q share when its position from the bottom (1 = lowest, ties
// at the lowest position) is at most q·n. Every region is rated 5 stars
// without caps (x = 100, y ≥ 80) and the cap names dimension y, so the
// capped regions are exactly the weak ones.
func TestCapsBottomQuarter(t *testing.T) {
	tests := []struct {
		name   string
		q      float64
		ys     []float64
		capped []string
	}{
		{"four regions: the lowest", 0.25, []float64{81, 82, 83, 84}, []string{"A"}},
		{"three regions: none (1 > 0.75)", 0.25, []float64{81, 82, 83}, nil},
		{"five regions: the lowest (1 ≤ 1.25)", 0.25, []float64{85, 84, 81, 83, 82}, []string{"C"}},
		{"eight regions: the two lowest", 0.25, []float64{88, 81, 87, 86, 82, 85, 84, 83}, []string{"B", "E"}},
		{"ties at the lowest position are all in", 0.25, []float64{81, 81, 83, 84}, []string{"A", "B"}},
		{"a tie just above is out", 0.25, []float64{81, 82, 82, 84}, []string{"A"}},
		{"half of four", 0.5, []float64{84, 81, 83, 82}, []string{"B", "D"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			xs := make([]float64, len(tc.ys))
			for k := range xs {
				xs[k] = 100
			}
			extra := fmt.Sprintf("\n[[cap]]\nmax = 4\ndimension = \"y\"\nbelow_quantile = %g\n", tc.q)
			res := itRunProject(t, itCapProject(xs, tc.ys, extra))
			var capped []string
			for _, c := range res.Caps {
				assert.Equal(t, scoring.CapApplied{Region: c.Region, Cap: 0, Dimension: "y", From: 5, To: 4}, c)
				capped = append(capped, c.Region)
			}
			assert.ElementsMatch(t, tc.capped, capped)
			for _, rr := range res.Regions {
				want := 5
				for _, c := range tc.capped {
					if c == rr.Region.Code {
						want = 4
					}
				}
				assert.Equal(t, want, rr.Stars, rr.Region.Code)
			}
		})
	}
}

// TestCapsBelowAnyDimension: a `below` cap without a dimension looks at
// every top-level dimension and reports the first weak one.
func TestCapsBelowAnyDimension(t *testing.T) {
	extra := "\n[[cap]]\nmax = 2\nbelow = 50\n"
	// A: 100, 45 → 72.5, 4 stars, y under 50 → 2. B: 45, 100 → x.
	// C: 60, 60 → 4 stars, nothing under 50. D: 40, 20 → 30, 2 stars already.
	res := itRunProject(t, itCapProject([]float64{100, 45, 60, 40}, []float64{45, 100, 60, 20}, extra))
	assert.Equal(t, []scoring.CapApplied{
		{Region: "A", Cap: 0, Dimension: "y", From: 4, To: 2},
		{Region: "B", Cap: 0, Dimension: "x", From: 4, To: 2},
	}, res.Caps)
	assert.Equal(t, map[string]int{"A": 2, "B": 2, "C": 4, "D": 2}, itStars(res))
}

// TestCapsUseRoundedScores: with round = 0 a dimension score of 39.6 is
// reported, ranked and rated as 40, so `below = 40` must not cap it.
// A: 39.6, 100 → 69.8 → 70, 4 stars. B: 20, 100 → 60, 4 stars, capped.
// C: 60, 30 → 45, 3 stars.
func TestCapsUseRoundedScores(t *testing.T) {
	extra := "\n[[cap]]\nmax = 3\ndimension = \"x\"\nbelow = 40\n"
	p := itCapProject([]float64{39.6, 20, 60}, []float64{100, 100, 30}, extra)
	p.toml = strings.Replace(p.toml, `weights = "equal"`, "weights = \"equal\"\nround = 0", 1)
	res := itRunProject(t, p)
	a := itRegion(t, res, "A")
	require.Equal(t, 40.0, a.Dimensions[0].Score, "the reported x score")
	assert.Equal(t, 4, a.Stars, "index 69.8 → 70, 4 stars; x is 40 as reported, not under 40")
	assert.Equal(t, []scoring.CapApplied{{Region: "B", Cap: 0, Dimension: "x", From: 4, To: 3}}, res.Caps)
}
