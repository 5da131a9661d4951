package scoring

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
)

// rbPooledDef is a synthetic index scored with comparable = "pooled" over
// 2019 and 2020: the 2019 rows are the 2020 ones shifted and stretched
// differently per indicator, so that pooled bounds differ from this year's
// and pooled ranks and stars differ from separate ones.
func rbPooledDef(t *testing.T, scoring, stars, extra string) (*indicators.Definition, *indicators.Matrix) {
	t.Helper()
	sc := strings.Replace(scoring, "[scoring]\n", "[scoring]\ncomparable = \"pooled\"\n", 1)
	def, m := rbSynthDef(t, rbSynthTOML(9, 3, sc, stars, extra), 60)
	old := &indicators.Matrix{Year: 2019, Regions: m.Regions, Indicators: m.Indicators}
	for k, row := range m.Values {
		prev := make([]float64, len(row))
		for i, v := range row {
			prev[i] = v*(0.5+0.2*float64(i%3)) - 1 + 0.4*float64(k%5)
		}
		old.Values = append(old.Values, prev)
		old.Sources = append(old.Sources, make([]string, len(row)))
	}
	m.Other = []*indicators.Matrix{old}
	return def, m
}

// Under pooled comparability, draws with the nominal settings reproduce
// the nominal run, which itself differs from scoring the year alone —
// for arithmetic and geometric means, data-driven weights and imputation.
func TestRobustPooledNoiseZeroIsNominal(t *testing.T) {
	const noNoise = "[uncertainty]\nsamples = 30\nweights_noise = 0\n"
	scoring := func(repl ...string) string { return strings.NewReplacer(repl...).Replace(rbScoring) }
	for _, c := range []struct {
		name, scoring string
		punch         float64
	}{
		{"arithmetic", rbScoring, 0},
		{"geometric", scoring(`aggregate = "arithmetic"`, `aggregate = "geometric"`), 0},
		{"prank, pca weights", scoring(`normalise = "minmax"`, `normalise = "prank"`, `weights = "equal"`, `weights = "pca"`), 0},
		{"mean imputation", scoring("round = 2", "round = 2\nimpute = \"mean\"\nmin_coverage = 0.3"), 0.2},
	} {
		t.Run(c.name, func(t *testing.T) {
			def, m := rbPooledDef(t, c.scoring, rbStars, noNoise)
			rbPunch(m, c.punch)
			rr := rbRobust(t, def, m, RobustOptions{})
			rbAssertNominal(t, rr)

			alone := *m
			alone.Other = nil
			sep, err := Score(def, &alone)
			require.NoError(t, err)
			differ := false
			for k, r := range rr.Nominal.Regions {
				differ = differ || math.Abs(r.Score-sep.Regions[k].Score) > 1e-6
			}
			assert.True(t, differ, "pooled scores should differ from this year's alone")
		})
	}
}

// Every pooled draw ranks and rates the regions as a full rebuild of the
// index with that draw's weights and methods, pooled over both years.
func TestRobustPooledSampleMatchesRebuild(t *testing.T) {
	sc := strings.Replace(rbScoring, "round = 2", "round = 2\nmin_coverage = 0.1", 1)
	extra := rbEveryUncertainty
	def, m := rbPooledDef(t, sc, rbStars, extra)
	rbPunch(m, 0.15)
	rbAssertDrawsRebuild(t, def, m)
}

// Star classes fitted on all years cannot be resampled per year: refused
// at [scoring] comparable, with the fix.
func TestRobustPooledRefusesFittedStars(t *testing.T) {
	for _, method := range []string{"quantiles", "kmeans", "jenks"} {
		t.Run(method, func(t *testing.T) {
			def, m := rbPooledDef(t, rbScoring, "[stars]\nmethod = \""+method+"\"\n", "[uncertainty]\nsamples = 10\n")
			_, err := Robust(t.Context(), def, m, RobustOptions{})
			var ie *indicators.InputError
			require.True(t, errors.As(err, &ie), "%v", err)
			assert.Equal(t, def.KeyPos("scoring", 0, "comparable"), ie.Pos)
			assert.Contains(t, ie.Error(), method)
			assert.Contains(t, ie.Hint, "thresholds")
		})
	}
}
