package scoring

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
)

// ---------------------------------------------------------------------------
// Helpers

// rbRobust runs Robust and fails the test on an error.
func rbRobust(t *testing.T, def *indicators.Definition, m *indicators.Matrix, opts RobustOptions) *RobustResult {
	t.Helper()
	rr, err := Robust(context.Background(), def, m, opts)
	require.NoError(t, err)
	require.NotNil(t, rr)
	return rr
}

// rbPunch makes about share of the matrix's cells missing, deterministically,
// never a whole row.
func rbPunch(m *indicators.Matrix, share float64) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, row := range m.Values {
		for i := range row {
			if rng.Float64() < share && i > 0 {
				row[i] = math.NaN()
			}
		}
	}
}

// rbAssertNominal checks that every sample reproduced the nominal run.
func rbAssertNominal(t *testing.T, rr *RobustResult) {
	t.Helper()
	assert.Zero(t, rr.Failed, rr.FailReason)
	assert.Zero(t, rr.MeanAbsRankShift)
	require.NotEmpty(t, rr.Regions)
	for _, r := range rr.Regions {
		assert.Equal(t, r.Nominal, r.Median, r.Region.Code)
		assert.Equal(t, r.Nominal, r.P05, r.Region.Code)
		assert.Equal(t, r.Nominal, r.P95, r.Region.Code)
		assert.Equal(t, 1.0, r.StarConfidence(), r.Region.Code)
		assert.Equal(t, 1.0, r.StarShares[r.NominalStars], r.Region.Code)
	}
}

// rbLine is the 1-based line of the first line of src containing s.
func rbLine(t *testing.T, src, s string) int {
	t.Helper()
	for i, line := range strings.Split(src, "\n") {
		if strings.Contains(line, s) {
			return i + 1
		}
	}
	t.Fatalf("%q not in the source", s)
	return 0
}

// ---------------------------------------------------------------------------
// Nominal draws reproduce the nominal run

// With no weight noise and one method of each kind, every sample is the
// nominal run: median = p05 = p95 = nominal rank, star share 1 at the
// nominal rating — for every aggregation, star rule, tie rule, rounding,
// with missing values, nested dimensions and star caps.
func TestRobustNoiseZeroIsNominal(t *testing.T) {
	const noNoise = "[uncertainty]\nsamples = 40\nweights_noise = 0\n"
	scoring := func(repl ...string) string { return strings.NewReplacer(repl...).Replace(rbScoring) }
	cases := []struct {
		name, scoring, stars, extra string
		punch                       float64
	}{
		{"arithmetic", rbScoring, rbStars, "", 0},
		{"geometric", scoring(`aggregate = "arithmetic"`, `aggregate = "geometric"`), rbStars, "", 0},
		{"geometric listed", scoring(`aggregate = "arithmetic"`, `aggregate = "geometric"`), rbStars, `aggregate = ["geometric"]` + "\n", 0},
		{"geometric, no rounding", scoring(`aggregate = "arithmetic"`, `aggregate = "geometric"`, "round = 2\n", ""), rbStars, "", 0.2},
		{"geometric, no rounding, quantiles, dense", scoring(`aggregate = "arithmetic"`, `aggregate = "geometric"`, "round = 2\n", "ties = \"dense\"\n"), "[stars]\nmethod = \"quantiles\"\n", "", 0},
		{"prank, no rounding", scoring(`normalise = "minmax"`, `normalise = "prank"`, "round = 2\n", ""), rbStars, "", 0},
		{"missing values", scoring("round = 2", "round = 2\nmin_coverage = 0.3"), rbStars, "", 0.2},
		{"missing values, geometric", scoring("round = 2", "round = 2\nmin_coverage = 0.3", `aggregate = "arithmetic"`, `aggregate = "geometric"`), rbStars, "", 0.2},
		{"mean imputation", scoring("round = 2", "round = 2\nimpute = \"mean\""), rbStars, "", 0.2},
		{"dense ties, 0 decimals", scoring("round = 2", "round = 0\nties = \"dense\""), rbStars, "", 0},
		{"quantiles", rbScoring, "[stars]\nmethod = \"quantiles\"\n", "", 0},
		{"quantiles, 0 decimals", scoring("round = 2", "round = 0"), "[stars]\nmethod = \"quantiles\"\n", "", 0},
		{"1 decimal", scoring("round = 2", "round = 1"), rbStars, "", 0},
		{"kmeans", rbScoring, "[stars]\nmethod = \"kmeans\"\n", "", 0},
		{"jenks", rbScoring, "[stars]\nmethod = \"jenks\"\nclasses = 4\n", "", 0},
		{"harmonic", scoring(`aggregate = "arithmetic"`, `aggregate = "harmonic"`), rbStars, "", 0},
		{"copeland", scoring(`aggregate = "arithmetic"`, `aggregate = "copeland"`, `range = [1, 100]`, `range = [0, 100]`), "[stars]\nmethod = \"quantiles\"\n", "", 0},
		{"caps", rbScoring, rbStars + "\n[[cap]]\nmax = 3\nbelow_quantile = 0.25\n\n[[cap]]\nmax = 4\ndimension = \"d1\"\nbelow = 45\n", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := rbSynthTOML(12, 3, c.scoring, c.stars, noNoise+c.extra)
			def, m := rbSynthDef(t, src, 120)
			rbPunch(m, c.punch)
			rbAssertNominal(t, rbRobust(t, def, m, RobustOptions{}))
		})
	}
}

// Nested dimensions and a dimension with its own aggregation keep their
// nominal methods when [uncertainty] aggregate is not given.
func TestRobustNestedIsNominal(t *testing.T) {
	src := `[index]
name = "nested"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

` + rbScoring + "\n" + rbStars + `
[uncertainty]
samples = 30
weights_noise = 0

[[dimension]]
id = "top"
weight = 2

[[dimension]]
id = "sub1"
parent = "top"
aggregate = "geometric"

[[dimension]]
id = "sub2"
parent = "top"
weight = 3

[[dimension]]
id = "flat"
`
	for i, d := range []string{"top", "sub1", "sub1", "sub2", "sub2", "sub2", "flat", "flat"} {
		src += fmt.Sprintf("\n[[indicator]]\nid = \"x%d\"\ndimension = %q\nweight = %d\n", i, d, 1+i%3)
	}
	def, m := rbSynthDef(t, src, 80)
	rbAssertNominal(t, rbRobust(t, def, m, RobustOptions{}))

	// With missing values, in dimensions of both indicators and child
	// dimensions ("top"), geometric ones included.
	src = strings.Replace(src, "round = 2\n", "round = 2\nmin_coverage = 0.2\n", 1)
	src += "\n[[indicator]]\nid = \"x8\"\ndimension = \"top\"\n" // one top can miss
	for _, agg := range []string{"arithmetic", "geometric"} {
		t.Run("missing values, "+agg, func(t *testing.T) {
			def, m := rbSynthDef(t, strings.Replace(src, `aggregate = "arithmetic"`, fmt.Sprintf("aggregate = %q", agg), 1), 80)
			rbPunch(m, 0.25)
			rbAssertNominal(t, rbRobust(t, def, m, RobustOptions{}))
		})
	}
}

// rbEveryUncertainty draws every kind of uncertainty at once: weights,
// normalisation, aggregation, imputation and exclusion.
const rbEveryUncertainty = `[uncertainty]
samples = 10
weights_noise = 0.3
normalise = ["minmax", "prank"]
aggregate = ["arithmetic", "geometric"]
impute = ["none", "mean"]
exclude = 0.3
`

// The engine's sample equals a full rebuild of the index through Score on
// a definition with the draw's weights, methods and indicators, for random
// draws with every kind of uncertainty at once.
func TestRobustSampleMatchesRebuild(t *testing.T) {
	sc := strings.Replace(rbScoring, "round = 2", "round = 2\nmin_coverage = 0.1", 1)
	extra := rbEveryUncertainty
	def, m := rbSynthDef(t, rbSynthTOML(10, 3, sc, rbStars, extra), 60)
	rbPunch(m, 0.15)
	rbAssertDrawsRebuild(t, def, m)
}

// rbAssertDrawsRebuild checks 40 random draws of the analysis of m against
// rbRebuild: every draw that does not fail ranks and rates each region as
// the rebuilt index does, and most draws do not fail.
func rbAssertDrawsRebuild(t *testing.T, def *indicators.Definition, m *indicators.Matrix) {
	t.Helper()
	cfg, err := ResolveUncertainty(def, RobustOptions{})
	require.NoError(t, err)
	nominal, err := Score(def, m)
	require.NoError(t, err)
	p, err := newRobustPlan(def, m, nominal, cfg)
	require.NoError(t, err)
	w := p.newWorker(false)
	checked := 0
	for i := range 40 {
		w.drawRandom(uint64(i))
		if !w.evaluate() {
			continue
		}
		ranks, stars := rbRebuild(t, def, m, w)
		for k, reg := range p.regions {
			require.Equal(t, ranks[reg.Code], int(w.rank[k]), "draw %d, region %s", i, reg.Code)
			require.Equal(t, stars[reg.Code], w.stars[k], "draw %d, region %s", i, reg.Code)
		}
		checked++
	}
	assert.Greater(t, checked, 30)
}

// rbRebuild scores the synthetic definition def with the worker's draw
// written into a new index.toml: manual weights (equal weights times the
// draw's factors), the drawn methods and without the excluded indicators;
// m's other years come along, for pooled comparability.
func rbRebuild(t *testing.T, def *indicators.Definition, m *indicators.Matrix, w *rbWorker) (map[string]int, map[string]int) {
	t.Helper()
	cfg := w.p.cfg
	var b strings.Builder
	fmt.Fprintf(&b, `[index]
name = "rebuild"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

[scoring]
normalise = %q
range = [1, 100]
weights = "manual"
aggregate = %q
impute = %q
round = 2
min_coverage = 0
comparable = %q

`, cfg.Normalise[w.b], cfg.Aggregate[w.g], cfg.Impute[w.a], def.Scoring.Comparable)
	b.WriteString(rbStars)
	for j, d := range def.Dimensions {
		fmt.Fprintf(&b, "\n[[dimension]]\nid = %q\nweight = %v\n", d.ID, w.fDim[j])
	}
	var keep []int
	for i, ind := range def.Indicators {
		if w.excl[i] {
			continue
		}
		keep = append(keep, i)
		fmt.Fprintf(&b, "\n[[indicator]]\nid = %q\ndimension = %q\nweight = %v\n", ind.ID, ind.Dimension, w.fInd[i])
	}
	ref, err := indicators.Parse("index.toml", []byte(b.String()), nil)
	require.NoError(t, err)
	kept := func(m *indicators.Matrix) *indicators.Matrix {
		mm := &indicators.Matrix{Year: m.Year, Regions: m.Regions, Indicators: ref.Indicators}
		for r := range m.Regions {
			row := make([]float64, len(keep))
			for j, i := range keep {
				row[j] = m.Values[r][i]
			}
			mm.Values = append(mm.Values, row)
			mm.Sources = append(mm.Sources, make([]string, len(keep)))
		}
		return mm
	}
	mm := kept(m)
	for _, o := range m.Other {
		mm.Other = append(mm.Other, kept(o))
	}
	res, err := Score(ref, mm)
	require.NoError(t, err)
	ranks, stars := map[string]int{}, map[string]int{}
	for _, rr := range res.Regions {
		if rr.Rated {
			ranks[rr.Region.Code], stars[rr.Region.Code] = rr.Rank, rr.Stars
		}
	}
	return ranks, stars
}

// A sample allocates nothing once a worker has run a few: with missing
// values, arithmetic and geometric draws, rounded or not (the geometric
// index then ranked from its logarithms), threshold or quantile stars.
func TestRobustSampleAllocatesNothing(t *testing.T) {
	extra := `[uncertainty]
samples = 10
weights_noise = 0.3
normalise = ["minmax", "prank"]
aggregate = ["arithmetic", "geometric"]
`
	for _, c := range []struct{ name, scoring, stars string }{
		{"rounded", rbScoring, rbStars},
		{"not rounded", strings.Replace(rbScoring, "round = 2\n", "", 1), rbStars},
		{"not rounded, quantiles", strings.Replace(rbScoring, "round = 2\n", "", 1), "[stars]\nmethod = \"quantiles\"\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			def, m := rbSynthDef(t, rbSynthTOML(24, 4, c.scoring, c.stars, extra), 700)
			rbPunch(m, 0.05)
			cfg, err := ResolveUncertainty(def, RobustOptions{})
			require.NoError(t, err)
			nominal, err := Score(def, m)
			require.NoError(t, err)
			p, err := newRobustPlan(def, m, nominal, cfg)
			require.NoError(t, err)
			w := p.newWorker(true)
			for i := range 20 {
				w.drawRandom(uint64(i))
				w.sample(i)
			}
			i := 20
			allocs := testing.AllocsPerRun(100, func() {
				w.drawRandom(uint64(i))
				w.sample(i)
				i++
			})
			assert.Zero(t, allocs)
			assert.Zero(t, w.failed, w.failReason)
		})
	}
}

// ---------------------------------------------------------------------------
// Determinism

// The same seed gives the same result whatever the number of workers,
// sensitivity indices included.
func TestRobustDeterministicAcrossWorkers(t *testing.T) {
	extra := `[uncertainty]
samples = 700
seed = 42
weights_noise = 0.25
normalise = ["minmax", "prank"]
aggregate = ["arithmetic", "geometric"]
exclude = 0.1
sensitivity = true
`
	def, m := rbSynth(t, 150, 12, 3, extra)
	var results []*RobustResult
	for _, workers := range []int{1, 2, 7} {
		results = append(results, rbRobust(t, def, m, RobustOptions{Workers: workers, Bootstrap: 50}))
	}
	require.Len(t, results[0].Sensitivity, 4)
	assert.Equal(t, results[0], results[1])
	assert.Equal(t, results[0], results[2])
	assert.Positive(t, results[0].MeanAbsRankShift)

	// Another seed gives other figures; the --seed override wins.
	seed := int64(43)
	other := rbRobust(t, def, m, RobustOptions{Seed: &seed, Bootstrap: 50})
	assert.Equal(t, int64(43), other.Config.Seed)
	assert.NotEqual(t, results[0].MeanAbsRankShift, other.MeanAbsRankShift)
}

// Asking for sensitivity does not change the Monte Carlo figures.
func TestRobustSensitivityLeavesSamplesAlone(t *testing.T) {
	def, m := rbSynth(t, 60, 9, 3, "[uncertainty]\nsamples = 300\nnormalise = [\"minmax\", \"prank\"]\n")
	on := true
	with := rbRobust(t, def, m, RobustOptions{Sensitivity: &on, Bootstrap: 20})
	without := rbRobust(t, def, m, RobustOptions{})
	assert.Equal(t, without.Regions, with.Regions)
	assert.Equal(t, without.MeanAbsRankShift, with.MeanAbsRankShift)
	assert.Nil(t, without.Sensitivity)
	require.Len(t, with.Sensitivity, 2)
	assert.Equal(t, InputWeights, with.Sensitivity[0].Input)
	assert.Equal(t, InputNormalise, with.Sensitivity[1].Input)
	assert.Equal(t, 300*4, with.SensitivityRuns)
	for _, s := range with.Sensitivity {
		assert.False(t, math.IsNaN(s.Si) || math.IsNaN(s.STi), s.Input)
		assert.LessOrEqual(t, s.SiCI[0], s.SiCI[1], s.Input)
		assert.LessOrEqual(t, s.STiCI[0], s.STiCI[1], s.Input)
	}
	// Nothing varies: no inputs, an empty list.
	zero := 0.0
	def, m = rbSynth(t, 60, 9, 3, "")
	none := rbRobust(t, def, m, RobustOptions{Sensitivity: &on, Noise: &zero, Samples: ptrTo(20)})
	assert.NotNil(t, none.Sensitivity)
	assert.Empty(t, none.Sensitivity)
}

func ptrTo[T any](v T) *T { return &v }

// ---------------------------------------------------------------------------
// Hand-checkable cases

// Of two regions, the one ahead on every indicator is always first,
// whatever the draw.
func TestRobustDominantRegionAlwaysFirst(t *testing.T) {
	src := rbSynthTOML(6, 2, rbScoring, rbStars, `[uncertainty]
samples = 500
weights_noise = 0.5
normalise = ["minmax", "prank"]
aggregate = ["arithmetic", "geometric"]
exclude = 0.4
`)
	def, err := indicators.Parse("index.toml", []byte(src), nil)
	require.NoError(t, err)
	m := &indicators.Matrix{Year: 2020, Indicators: def.Indicators,
		Regions: []*indicators.Region{{Code: "A"}, {Code: "B"}},
		Values:  [][]float64{{5, 6, 7, 8, 9, 10}, {1, 2, 3, 4, 5, 6}},
		Sources: [][]string{make([]string, 6), make([]string, 6)}}
	rr := rbRobust(t, def, m, RobustOptions{})
	assert.Zero(t, rr.Failed)
	require.Len(t, rr.Regions, 2)
	a, b := rr.Regions[0], rr.Regions[1]
	assert.Equal(t, "A", a.Region.Code)
	assert.Equal(t, []int{1, 1, 1, 1}, []int{a.Nominal, a.Median, a.P05, a.P95})
	assert.Equal(t, []int{2, 2, 2, 2}, []int{b.Nominal, b.Median, b.P05, b.P95})
	assert.Equal(t, 1.0, a.StarShares[5]) // 100 on every indicator
	assert.Equal(t, 1.0, b.StarShares[1]) // 1 on every indicator
	assert.Zero(t, rr.MeanAbsRankShift)
}

// The nearest-rank percentiles of a small histogram, by hand.
func TestRankPercentile(t *testing.T) {
	pct := func(rows [][]int32, total int, pcts ...int) []int {
		out := make([]int, len(pcts))
		rankPercentiles(rows, total, pcts, out)
		return out
	}
	// 10 samples: rank 1 ×3, rank 2 ×5, rank 4 ×2.
	h := []int32{3, 5, 0, 2}
	// need 1; need 5: 3 < 5 ≤ 8; need 8; need 9; need 10
	assert.Equal(t, []int{1, 2, 2, 4, 4}, pct([][]int32{h}, 10, 5, 50, 80, 81, 95))
	assert.Equal(t, []int{2}, pct([][]int32{h}, 10, 50))
	// The same counts split over two workers' histograms.
	assert.Equal(t, []int{1, 2, 2, 4, 4}, pct([][]int32{{1, 5, 0, 0}, {2, 0, 0, 2}}, 10, 5, 50, 80, 81, 95))
	// An even count: the median is the lower middle rank.
	assert.Equal(t, []int{1}, pct([][]int32{{1, 1}}, 2, 50))
	// 16-bit counts alike.
	out := make([]int, 3)
	rankPercentiles([][]uint16{{3, 5, 0, 2}}, 10, []int{5, 50, 95}, out)
	assert.Equal(t, []int{1, 2, 4}, out)
}

// The rank histogram counts the same in 16 bits (up to 65,535 samples) as
// in 32 bits (more), whatever the batches, and its percentiles read both
// alike.
func TestRBHist(t *testing.T) {
	for _, n := range []int{7, 40} { // one block, and blocks and a part
		rng := rand.New(rand.NewPCG(5, uint64(n)))
		h16, h32 := newRBHist(n, 0xffff), newRBHist(n, 0x10000)
		require.NotNil(t, h16.c16)
		require.NotNil(t, h32.c32)
		assert.Equal(t, 2*n*n, rbHistBytes(n, 0xffff))
		assert.Equal(t, 4*n*n, rbHistBytes(n, 0x10000))
		want := make([]int32, n*n)
		rank := make([]int32, n)
		for _, samples := range []int{2*rbBatch + 17, rbBatch - 1, 1} {
			for range samples {
				for k := range rank {
					rank[k] = int32(1 + rng.IntN(n))
					want[k*n+int(rank[k])-1]++
				}
				h16.record(rank)
				h32.record(rank)
			}
			h16.flush()
			h32.flush()
		}
		for k := range n {
			a, b := make([]int32, n), make([]int32, n)
			for r := range n {
				a[r], b[r] = int32(h16.c16[k*n+r]), h32.c32[k*n+r]
			}
			assert.Equal(t, want[k*n:(k+1)*n], a, "n=%d row %d", n, k)
			assert.Equal(t, want[k*n:(k+1)*n], b, "n=%d row %d", n, k)
			// Percentiles read both alike, one histogram or several.
			pcts, total := []int{5, 50, 95}, 2*rbBatch+17+rbBatch-1+1
			p16, p32, p2 := make([]int, 3), make([]int, 3), make([]int, 3)
			rbRankPercentiles([]*rbHist{h16}, k, total, pcts, p16)
			rbRankPercentiles([]*rbHist{h32}, k, total, pcts, p32)
			rbRankPercentiles([]*rbHist{h32, h32}, k, 2*total, pcts, p2)
			assert.Equal(t, p16, p32, "n=%d row %d", n, k)
			assert.Equal(t, p16, p2, "n=%d row %d", n, k)
		}
	}
}

// ---------------------------------------------------------------------------
// Exclusion

// Exclusion never drops every indicator of a dimension, however likely
// dropping is, in random and in Sobol-driven draws; the one kept is the
// one with the largest draw.
func TestRobustExclusionKeepsOnePerDimension(t *testing.T) {
	def, m := rbSynth(t, 20, 9, 3, "[uncertainty]\nsamples = 10\nexclude = 0.95\n")
	cfg, err := ResolveUncertainty(def, RobustOptions{})
	require.NoError(t, err)
	nominal, err := Score(def, m)
	require.NoError(t, err)
	p, err := newRobustPlan(def, m, nominal, cfg)
	require.NoError(t, err)
	w := p.newWorker(false)
	check := func(what string) {
		for _, nd := range p.nodes {
			kept := 0
			for _, i := range nd.inds {
				if !w.excl[i] {
					kept++
				}
			}
			if len(nd.inds) > 0 {
				require.GreaterOrEqual(t, kept, 1, what)
			}
		}
	}
	dropped := 0
	for i := range 2000 {
		w.drawRandom(uint64(i))
		check(fmt.Sprint("sample ", i))
		for _, x := range w.excl {
			if x {
				dropped++
			}
		}
		require.True(t, w.evaluate(), w.reason)
	}
	assert.Greater(t, dropped, 2000*5) // two of three per dimension, nearly always

	// The one kept is the largest draw.
	groups := p.sensitivityGroups()
	require.Len(t, groups, 2) // weights, exclude
	cols := make([]float64, groups[1].first+groups[1].cols)
	for i := range 9 {
		cols[groups[1].first+i] = 0.1 + 0.01*float64(i) // all below 0.95: all drawn for dropping
	}
	w.drawColumns(groups, cols)
	check("columns")
	assert.Equal(t, []bool{true, true, true, true, true, true, false, false, false}, w.excl)
}

// ---------------------------------------------------------------------------
// Failed samples

// A sample that draws the geometric mean over a value ≤ 0 fails and is
// counted, not fatal; when every sample fails, the error points at
// [uncertainty] aggregate.
func TestRobustFailedSamples(t *testing.T) {
	sc := strings.Replace(rbScoring, "range = [1, 100]", "range = [0, 100]", 1)
	src := rbSynthTOML(6, 2, sc, rbStars, `[uncertainty]
samples = 400
aggregate = ["arithmetic", "geometric"]
`)
	def, m := rbSynthDef(t, src, 30)
	rr := rbRobust(t, def, m, RobustOptions{})
	// minmax gives 0 to the lowest region: every geometric draw fails.
	want := 0
	w := &rbWorker{p: &rbPlan{cfg: rr.Config}, pcg: rand.NewPCG(0, 0)}
	w.rng = rand.New(w.pcg)
	w.fInd, w.fDim, w.uExcl, w.excl = make([]float64, 6), make([]float64, 2), make([]float64, 6), make([]bool, 6)
	for i := range 400 {
		w.drawRandom(uint64(i))
		if w.g == 1 {
			want++
		}
	}
	assert.Equal(t, want, rr.Failed)
	assert.InDelta(t, 200, want, 40)
	assert.Contains(t, rr.FailReason, "the geometric mean needs positive values")
	var total float64
	for _, r := range rr.Regions {
		total = 0
		for _, s := range r.StarShares {
			total += s
		}
		assert.InDelta(t, 1, total, 1e-12)
	}

	all := strings.Replace(src, `aggregate = ["arithmetic", "geometric"]`, `aggregate = ["geometric"]`, 1)
	def, m = rbSynthDef(t, all, 30)
	_, err := Robust(context.Background(), def, m, RobustOptions{})
	var ie *indicators.InputError
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, rbLine(t, all, `aggregate = ["geometric"]`), ie.Pos.Line)
	assert.Contains(t, ie.Msg, "every one of the 400 samples failed")
}

// ---------------------------------------------------------------------------
// Settings

// Bad [uncertainty] settings are input errors at their key.
func TestRobustInputErrors(t *testing.T) {
	cases := []struct{ line, msg string }{
		{"samples = 0", "samples = 0 is out of range"},
		{"samples = 20000000", "samples = 20000000 is out of range"},
		{"weights_noise = 1.0", "weights_noise = 1 is outside [0, 1)"},
		{"weights_noise = -0.1", "weights_noise = -0.1 is outside [0, 1)"},
		{"exclude = 1.0", "exclude = 1 is outside [0, 1)"},
		{"exclude = -0.5", "exclude = -0.5 is outside [0, 1)"},
		{`normalise = ["minmax", "nope"]`, `unknown normalisation method "nope" in [uncertainty] normalise`},
		{`aggregate = ["mean"]`, `unknown aggregation method "mean" in [uncertainty] aggregate`},
		{`impute = ["guess"]`, `unknown imputation method "guess" in [uncertainty] impute`},
		{`normalise = ["goalposts"]`, `normalisation "goalposts" in [uncertainty] normalise needs goalposts, which indicator "i0" does not have`},
		{`impute = ["none", "group-mean"]`, `impute = "group-mean" needs regions with a group, but regions.csv gives none`},
		{`impute = ["linear"]`, `impute = "linear" needs observations from several years, but the data hold one`},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			src := rbSynthTOML(4, 2, rbScoring, rbStars, "[uncertainty]\nseed = 3\n"+c.line+"\n")
			def, m := rbSynthDef(t, src, 10)
			_, err := Robust(context.Background(), def, m, RobustOptions{})
			var ie *indicators.InputError
			if !errors.As(err, &ie) {
				var list indicators.ErrorList
				require.True(t, errors.As(err, &list), "%v", err)
				ie = list[0]
			}
			assert.Equal(t, c.msg, ie.Msg)
			assert.Equal(t, "index.toml", ie.Pos.File)
			assert.Equal(t, rbLine(t, src, c.line), ie.Pos.Line)
			assert.NotEmpty(t, ie.Hint)
		})
	}
}

// Defaults, the section's values and the overrides.
func TestResolveUncertainty(t *testing.T) {
	def, _ := rbSynth(t, 3, 4, 2, "")
	cfg, err := ResolveUncertainty(def, RobustOptions{})
	require.NoError(t, err)
	assert.Equal(t, RobustConfig{Samples: 1000, Seed: 1, Noise: 0.25, Normalise: []string{"minmax"},
		Aggregate: []string{"arithmetic"}, Impute: []string{"none"}, NominalAggregate: true}, cfg)
	assert.Equal(t, []string{InputWeights}, cfg.Inputs())

	def, _ = rbSynth(t, 3, 4, 2, "[uncertainty]\nsamples = 50\nseed = 0\nweights_noise = 0\nsensitivity = true\nexclude = 0.2\n")
	cfg, err = ResolveUncertainty(def, RobustOptions{})
	require.NoError(t, err)
	assert.Equal(t, 50, cfg.Samples)
	assert.Equal(t, int64(0), cfg.Seed) // written: 0 is a seed like any other
	assert.Equal(t, 0.0, cfg.Noise)
	assert.True(t, cfg.Sensitivity)
	assert.Equal(t, []string{InputExclude}, cfg.Inputs())

	n, noise, seed, sens := 7, 0.1, int64(9), false
	cfg, err = ResolveUncertainty(def, RobustOptions{Samples: &n, Noise: &noise, Seed: &seed, Sensitivity: &sens})
	require.NoError(t, err)
	assert.Equal(t, []any{7, 0.1, int64(9), false}, []any{cfg.Samples, cfg.Noise, cfg.Seed, cfg.Sensitivity})
}

// A cancelled context stops the run.
func TestRobustCancelled(t *testing.T) {
	def, m := rbSynth(t, 50, 6, 2, "[uncertainty]\nsamples = 100000\n")
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	opts := RobustOptions{Progress: func(done, total int) {
		calls++
		cancel()
	}}
	cancel()
	_, err := Robust(ctx, def, m, opts)
	assert.ErrorIs(t, err, context.Canceled)
}

// Progress reaches the total once at the end.
func TestRobustProgress(t *testing.T) {
	def, m := rbSynth(t, 20, 6, 2, "[uncertainty]\nsamples = 100\nsensitivity = true\n")
	var last [2]int
	rbRobust(t, def, m, RobustOptions{Progress: func(done, total int) { last = [2]int{done, total} }, Bootstrap: 10})
	assert.Equal(t, [2]int{100 + 100*3, 100 + 100*3}, last)
}

// ---------------------------------------------------------------------------
// Kernel pieces

// roundKey agrees with RoundTo, keys included, on random values and on the
// halves where binary and decimal rounding part.
func TestRoundKeyMatchesRoundTo(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vals := []float64{2.675, 1.005, 0.125, -2.5, -0.004, 0.005, 1e-3, 57.25, 99.995, 1e11 + 0.5, 2.6749999999999998, 0, math.Copysign(0, -1)}
	for range 20000 {
		vals = append(vals, rng.Float64()*100, math.Round(rng.Float64()*1e6)/1e4+0.00005, -rng.Float64()*10)
	}
	for _, d := range []int{0, 1, 2, 3, 4, -1} {
		p := &rbPlan{round: true, decimals: d, scale: math.Pow(10, float64(d))}
		for _, x := range vals {
			v, key, ok := p.roundKey(x)
			want := RoundTo(x, d)
			require.Equal(t, math.Float64bits(want), math.Float64bits(v), "x=%v d=%d", x, d)
			if ok {
				require.Equal(t, int64(math.Round(want*p.scale)), int64(key^1<<63), "x=%v d=%d", x, d)
			}
		}
	}
}

// Counting and sorting give the same ranks and quantile stars, for both
// tie rules.
func TestRankByCountingMatchesSorting(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, dense := range []bool{false, true} {
		for _, spread := range []int{1, 3, 50, 2000} {
			n := 300
			p := &rbPlan{n: n, round: true, dense: dense, starKind: rbStarsQuantiles, quantK: 5}
			w := &rbWorker{p: p, keys: make([]uint64, n), sorted: make([]rbOrd, n),
				rank: make([]int32, n), stars: make([]int, n), above: make([]int32, 8*n+1024), below: make([]int32, 8*n+1024)}
			for k := range w.keys {
				w.keys[k] = uint64(int64(rng.IntN(spread))+1000) ^ 1<<63
			}
			keys := slices.Clone(w.keys)
			require.True(t, w.rankByCounting())
			rank, stars := slices.Clone(w.rank), slices.Clone(w.stars)
			w.rankBySorting(nil)
			assert.Equal(t, w.rank, rank, "dense=%v spread=%d", dense, spread)
			assert.Equal(t, w.stars, stars, "dense=%v spread=%d", dense, spread)
			copy(w.keys, keys)
		}
	}
}

// rbSorter.sort orders keys like a stable sort and numbers the distinct
// keys.
func TestRBSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var sorter rbSorter // reused: its scratch space grows and shrinks in use
	for _, n := range []int{0, 1, 2, 7, 300, 3000, 40} {
		for _, spread := range []uint64{1, 5, 1 << 20, math.MaxUint64, 0, math.MaxUint64 - 1, 2} {
			keys := make([]uint64, n)
			var vals []float64 // the floats of floatKey keys
			for i := range keys {
				switch spread {
				case math.MaxUint64 - 1: // the whole range of keys
					keys[i] = rng.Uint64()
				case math.MaxUint64: // normal scores
					vals = append(vals, rng.NormFloat64())
				case 0: // one outlier, the rest close together
					vals = append(vals, 50+rng.Float64()*1e-9)
					if i == 0 {
						vals[0] = 1e300
					}
				default:
					keys[i] = rng.Uint64() % spread
				}
			}
			if vals != nil {
				for i, v := range vals {
					keys[i] = floatKey(v)
				}
			}
			orig := slices.Clone(keys)
			out := sorter.sort(keys, nil, make([]rbOrd, n))
			sorted, ord := make([]uint64, n), make([]int32, n)
			for i, o := range out {
				sorted[i], ord[i] = keys[o.idx], o.idx
				// Numbered by distinct key: 1, then one more per new key.
				switch {
				case i == 0:
					require.Equal(t, uint32(1), o.q)
				case sorted[i] == sorted[i-1]:
					require.Equal(t, out[i-1].q, o.q, "n=%d spread=%d", n, spread)
				default:
					require.Equal(t, out[i-1].q+1, o.q, "n=%d spread=%d", n, spread)
				}
			}
			if vals != nil { // buckets by value: the same order
				require.Equal(t, out, sorter.sort(keys, vals, make([]rbOrd, n)), "n=%d spread=%d", n, spread)
			}
			want := make([]int32, n)
			for i := range want {
				want[i] = int32(i)
			}
			slices.SortStableFunc(want, func(a, b int32) int {
				switch {
				case orig[a] < orig[b]:
					return -1
				case orig[a] > orig[b]:
					return 1
				}
				return 0
			})
			require.Equal(t, want, ord, "n=%d spread=%d", n, spread)
			for i, o := range ord {
				require.Equal(t, orig[o], sorted[i])
			}
		}
	}
	// floatKey keeps the order of floats, −0 = 0 aside.
	xs := []float64{math.Inf(-1), -1e300, -2, -1e-300, 0, 1e-300, 3, 1e300, math.Inf(1)}
	for i := 1; i < len(xs); i++ {
		assert.Less(t, floatKey(xs[i-1]), floatKey(xs[i]))
	}
}

// A geometric index ranked and rated from the logarithms of its scores
// (rankByLogs) gets the ranks and stars of the scores themselves, for
// random draws on data with tied regions and regions that score exactly a
// star threshold.
func TestRankByLogsMatchesScores(t *testing.T) {
	for _, stars := range []string{"[stars]\nmethod = \"thresholds\"\nthresholds = [1, 20, 40, 60, 100]\n", "[stars]\nmethod = \"quantiles\"\n"} {
		for _, ties := range []string{"competition", "dense"} {
			sc := strings.NewReplacer(`aggregate = "arithmetic"`, `aggregate = "geometric"`, "round = 2\n", fmt.Sprintf("ties = %q\n", ties)).Replace(rbScoring)
			def, m := rbSynthDef(t, rbSynthTOML(12, 3, sc, stars, "[uncertainty]\nweights_noise = 0.3\nnormalise = [\"minmax\", \"prank\"]\n"), 90)
			// Regions 1–9 copy region 0 (ties in every draw); 10–19 have all
			// their values equal, so that minmax into [1, 100] gives them
			// the same score on every indicator, whatever the weights.
			for r := 1; r < 10; r++ {
				copy(m.Values[r], m.Values[0])
			}
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, row := range m.Values[20:] {
				for _, v := range row {
					lo, hi = min(lo, v), max(hi, v)
				}
			}
			for r := 10; r < 20; r++ {
				for i := range m.Values[r] {
					m.Values[r][i] = lo + (hi-lo)*float64(r-10)/9 // 10: 1, 19: 100 under minmax
				}
			}
			cfg, err := ResolveUncertainty(def, RobustOptions{})
			require.NoError(t, err)
			nominal, err := Score(def, m)
			require.NoError(t, err)
			p, err := newRobustPlan(def, m, nominal, cfg)
			require.NoError(t, err)
			require.True(t, p.logRank)
			require.Equal(t, strings.Contains(stars, "thresholds"), p.ascending)
			w := p.newWorker(false)
			for i := range 60 {
				w.drawRandom(uint64(i))
				p.logRank, p.ascending = false, false // every score, every threshold
				require.True(t, w.evaluate())
				rank, stars := slices.Clone(w.rank), slices.Clone(w.stars)
				for _, v := range [][2]bool{{false, true}, {true, false}, {true, true}} {
					p.logRank, p.ascending = v[0], v[1]
					require.True(t, w.evaluate())
					require.Equal(t, rank, w.rank, "draw %d, logs %v, in order %v", i, v[0], v[1])
					require.Equal(t, stars, w.stars, "draw %d, logs %v, in order %v", i, v[0], v[1])
				}
			}
		}
	}
}

// rbSorter.logTies orders and ties the scores as their keys do, where logarithms
// less than rbLogGap apart give scores in either order or equal.
func TestRBLogTies(t *testing.T) {
	// Logarithms whose exponentials are equal though they differ: below
	// 1, exp maps neighbouring floats onto fewer floats.
	var same []float64
	for x := 0.1; len(same) < 4; x = math.Nextafter(x, 1) {
		if y := math.Nextafter(x, 1); math.Exp(x) == math.Exp(y) {
			same = append(same, x, y)
			x += 0.01
		}
	}
	rng := rand.New(rand.NewPCG(8, 9))
	for trial := range 50 {
		var lg []float64
		for range 200 {
			switch rng.IntN(4) {
			case 0:
				lg = append(lg, same[rng.IntN(len(same))])
			case 1:
				lg = append(lg, 4*rng.Float64()-2)
			case 2: // a neighbour of another one
				if len(lg) > 0 {
					x := lg[rng.IntN(len(lg))]
					for range rng.IntN(3) {
						x = math.Nextafter(x, math.Inf(1))
					}
					lg = append(lg, x)
				}
			default: // a copy
				if len(lg) > 0 {
					lg = append(lg, lg[rng.IntN(len(lg))])
				}
			}
		}
		n := len(lg)
		keys := make([]uint64, n)
		for k, x := range lg {
			keys[k] = floatKey(x)
		}
		var sorter rbSorter
		sorted := sorter.sort(keys, lg, make([]rbOrd, n))
		sorter.logTies(sorted, lg)
		// Reference: ranks (1 + scores above) of the scores themselves.
		// Scores are compared at 12 significant digits (scoreKey).
		for i, e := range sorted {
			above := 0
			s := scoreKey(math.Exp(lg[e.idx]))
			for _, x := range lg {
				if scoreKey(math.Exp(x)) > s {
					above++
				}
			}
			// Group numbers increase along sorted, by one per new score.
			if i > 0 {
				prev := scoreKey(math.Exp(lg[sorted[i-1].idx]))
				require.LessOrEqual(t, prev, s, "trial %d", trial)
				if prev == s {
					require.Equal(t, sorted[i-1].q, e.q, "trial %d", trial)
				} else {
					require.Equal(t, sorted[i-1].q+1, e.q, "trial %d", trial)
				}
			}
			// The first of a group has n − 1 − (its place) … scores above.
			if i == n-1 || sorted[i+1].q != e.q {
				require.Equal(t, n-1-i, above, "trial %d", trial)
			}
		}
	}
}
