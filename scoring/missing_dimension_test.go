package scoring_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// missingDimProject: two dimensions of one indicator each, values equal
// to their normalised scores (normalise = "none"); Delta has no value in
// the second.
func missingDimProject(rule, aggregate string) project {
	line := ""
	if rule != "" {
		line = `missing_dimension = "` + rule + `"`
	}
	return project{
		toml: indexHead + `
[scoring]
normalise = "none"
weights = "equal"
aggregate = "` + aggregate + `"
min_coverage = 0.5
` + line + `

[[dimension]]
id = "one"

[[dimension]]
id = "two"

[[indicator]]
id = "x"
dimension = "one"

[[indicator]]
id = "y"
dimension = "two"
`,
		data: "region,year,x,y\nA,2020,80,60\nB,2020,40,40\nC,2020,20,30\nD,2020,70,\n",
	}
}

func TestMissingDimension(t *testing.T) {
	for _, tc := range []struct {
		rule  string
		delta float64 // Delta's score; −1: unrated
		rank  int
	}{
		{"", 70, 1},            // default: renormalise over the dimension present
		{"renormalise", 70, 1}, // (70)
		{"zero", 35, 3},        // (70 + 0) / 2
		{"unrated", -1, 0},
	} {
		t.Run("rule="+tc.rule, func(t *testing.T) {
			res := missingDimProject(tc.rule, "arithmetic").mustRun(t)
			d := region(t, res, "D")
			assert.Equal(t, []string{"two"}, d.NoData)
			if tc.delta < 0 {
				assert.False(t, d.Rated)
				assert.Equal(t, "two", d.UnratedDimension)
				assert.Contains(t, d.Reason, `no data in dimension "two"`)
				assert.Equal(t, 1, region(t, res, "A").Rank)
				return
			}
			assert.True(t, d.Rated)
			assert.InDelta(t, tc.delta, d.Score, 1e-9)
			assert.Equal(t, tc.rank, d.Rank)
			two := dim(t, res, d, "two")
			if tc.rule == "zero" {
				assert.False(t, two.Missing)
				assert.Equal(t, 0.0, two.Score)
			} else {
				assert.True(t, two.Missing)
			}
			// A region with every dimension lists none.
			assert.Empty(t, region(t, res, "A").NoData)
		})
	}
}

// TestMissingDimensionZeroGeometric: a dimension counted as 0 cannot
// enter a geometric mean: refused, naming the region.
func TestMissingDimensionZeroGeometric(t *testing.T) {
	_, err := missingDimProject("zero", "geometric").run(t)
	require.Error(t, err)
	assert.Contains(t, inputError(t, err).Msg, "Delta (D)")
}

func TestMissingDimensionUnknownRule(t *testing.T) {
	p := missingDimProject("nothing", "arithmetic")
	_, err := indicators.Parse("index.toml", []byte(p.toml), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown missing_dimension rule "nothing"`)
}

// TestMissingDimensionRobustNominal: a robust sample with the nominal
// draw (no weight noise, one method each) reproduces the nominal ranks
// under every rule, the zero rule included.
func TestMissingDimensionRobustNominal(t *testing.T) {
	for _, rule := range []string{"renormalise", "zero", "unrated"} {
		t.Run(rule, func(t *testing.T) {
			p := missingDimProject(rule, "arithmetic")
			p.toml += "\n[uncertainty]\nsamples = 20\nweights_noise = 0\n"
			def, ds := p.load(t)
			rr, err := scoring.RobustRun(context.Background(), def, ds, def.Index.Year, scoring.RobustOptions{Workers: 1})
			require.NoError(t, err)
			for _, r := range rr.Regions {
				assert.Equal(t, r.Nominal, r.P05, r.Region.Code)
				assert.Equal(t, r.Nominal, r.P95, r.Region.Code)
				assert.Equal(t, 1.0, r.StarConfidence(), r.Region.Code)
			}
		})
	}
}

// TestMissingDimensionRobustZeroFails: with the zero rule and geometric
// alternatives, the samples that meet the 0 fail, as Score refuses it.
func TestMissingDimensionRobustZeroFails(t *testing.T) {
	p := missingDimProject("zero", "arithmetic")
	p.toml = strings.Replace(p.toml, `normalise = "none"`, `normalise = "none"
range = [1, 100]`, 1)
	p.toml += "\n[uncertainty]\nsamples = 50\naggregate = [\"arithmetic\", \"geometric\"]\n"
	def, ds := p.load(t)
	rr, err := scoring.RobustRun(context.Background(), def, ds, def.Index.Year, scoring.RobustOptions{Workers: 1})
	require.NoError(t, err)
	assert.Positive(t, rr.Failed)
	assert.Contains(t, rr.FailReason, "missing_dimension")
}
