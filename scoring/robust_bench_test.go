package scoring

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/govindex/govindex/indicators"
)

// rbScoring and rbStars are the default [scoring] and [stars] tables of
// the synthetic index: equal weights, minmax into [1, 100], scores
// rounded to 2 decimals, threshold stars.
const (
	rbScoring = `[scoring]
normalise = "minmax"
range = [1, 100]
weights = "equal"
aggregate = "arithmetic"
round = 2
`
	rbStars = `[stars]
method = "thresholds"
thresholds = [20, 40, 60, 80]
`
)

// rbSynthTOML is the index.toml of a synthetic index: nInd indicators,
// indicator i in dimension i mod nDim, with the [scoring] and [stars]
// tables given (rbScoring, rbStars) and extra appended (an [uncertainty]
// section, say).
func rbSynthTOML(nInd, nDim int, scoring, stars, extra string) string {
	var b strings.Builder
	b.WriteString(`[index]
name = "synthetic"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

`)
	b.WriteString(scoring + "\n" + stars + "\n" + extra)
	for d := range nDim {
		fmt.Fprintf(&b, "\n[[dimension]]\nid = \"d%d\"\n", d)
	}
	for i := range nInd {
		fmt.Fprintf(&b, "\n[[indicator]]\nid = \"i%d\"\ndimension = \"d%d\"\n", i, i%nDim)
	}
	return b.String()
}

// rbSynth builds a synthetic definition and matrix of nReg regions: each
// region has a latent quality q ~ N(0, 1) and each value is q plus N(0, 1)
// noise, so the indicators agree about as much as real ones do. The
// generator is seeded, so every call gives the same data.
func rbSynth(tb testing.TB, nReg, nInd, nDim int, extra string) (*indicators.Definition, *indicators.Matrix) {
	tb.Helper()
	return rbSynthDef(tb, rbSynthTOML(nInd, nDim, rbScoring, rbStars, extra), nReg)
}

// rbSynthDef parses src (an index.toml) and builds its matrix of nReg
// regions as rbSynth does.
func rbSynthDef(tb testing.TB, src string, nReg int) (*indicators.Definition, *indicators.Matrix) {
	tb.Helper()
	def, err := indicators.Parse("index.toml", []byte(src), nil)
	if err != nil {
		tb.Fatal(err)
	}
	if errs := Check(def); len(errs) > 0 {
		tb.Fatal(errs)
	}
	nInd := len(def.Indicators)
	rng := rand.New(rand.NewPCG(2020, 6))
	m := &indicators.Matrix{Year: 2020, Indicators: def.Indicators}
	for k := range nReg {
		m.Regions = append(m.Regions, &indicators.Region{Code: fmt.Sprintf("R%04d", k), Name: fmt.Sprintf("Region %d", k)})
		q := rng.NormFloat64()
		row := make([]float64, nInd)
		for i := range row {
			row[i] = math.Round((q+rng.NormFloat64())*1000) / 1000
		}
		m.Values = append(m.Values, row)
		m.Sources = append(m.Sources, make([]string, nInd))
	}
	return def, m
}

// rbIssueSettings are the settings of issue 6's target.
const rbIssueSettings = `[uncertainty]
samples = 10000
seed = 1
weights_noise = 0.25
normalise = ["minmax", "prank"]
aggregate = ["arithmetic", "geometric"]
`

// BenchmarkRobust3000 is issue 6's target: 3,000 regions × 48 indicators in
// 6 dimensions, 10,000 samples, weights noise 0.25, minmax/prank into
// [1, 100], arithmetic/geometric. Target on 2 cores: under 2 s, under
// 500 MB peak.
func BenchmarkRobust3000(b *testing.B) {
	def, m := rbSynth(b, 3000, 48, 6, rbIssueSettings)
	b.ResetTimer()
	for range b.N {
		rr, err := Robust(context.Background(), def, m, RobustOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if rr.Failed != 0 {
			b.Fatalf("%d samples failed", rr.Failed)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/sample")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

// BenchmarkRobustSmall is a small case: 50 regions × 12 indicators in 3
// dimensions, 10,000 samples.
func BenchmarkRobustSmall(b *testing.B) {
	def, m := rbSynth(b, 50, 12, 3, rbIssueSettings)
	b.ResetTimer()
	for range b.N {
		if _, err := Robust(context.Background(), def, m, RobustOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/sample")
}

// BenchmarkRobust3000Sensitivity adds the Saltelli design (10,000 base
// rows, 4 groups... here 3: weights, normalise, aggregate: 50,000 runs).
func BenchmarkRobust3000Sensitivity(b *testing.B) {
	def, m := rbSynth(b, 3000, 48, 6, rbIssueSettings+"sensitivity = true\n")
	b.ResetTimer()
	for range b.N {
		if _, err := Robust(context.Background(), def, m, RobustOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRobustProject runs the analysis of the project named by the
// environment variable GOVINDEX_ROBUST_PROJECT (an index.toml, e.g. one
// written by govindex synth), its data loaded before the timer starts.
func BenchmarkRobustProject(b *testing.B) {
	path := os.Getenv("GOVINDEX_ROBUST_PROJECT")
	if path == "" {
		b.Skip("set GOVINDEX_ROBUST_PROJECT to an index.toml")
	}
	def, err := indicators.LoadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	ds, err := indicators.LoadData(def, "")
	if err != nil {
		b.Fatal(err)
	}
	year := def.Index.Year
	b.ResetTimer()
	for range b.N {
		if _, err := RobustRun(context.Background(), def, ds, year, RobustOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// rbSynthProject writes the project of `govindex synth --regions n
// --indicators 48 --dimensions 6 --years 1 --seed 1` (the one bench/run.sh
// times: no rounding, 2% of the values missing) into a temporary folder
// and loads it.
func rbSynthProject(b *testing.B, n int) (*indicators.Definition, *indicators.Dataset) {
	b.Helper()
	o := indicators.SynthOptions{Regions: n, Indicators: 48, Dimensions: 6, Years: 1, Seed: 1, Missing: indicators.SynthDefaultMissing}
	s, err := indicators.NewSynth(o)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for _, name := range indicators.SynthFiles {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.WriteFile(context.Background(), name, f); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	def, err := indicators.LoadFile(filepath.Join(dir, indicators.SynthIndexFile))
	if err != nil {
		b.Fatal(err)
	}
	ds, err := indicators.LoadData(def, "")
	if err != nil {
		b.Fatal(err)
	}
	return def, ds
}

// BenchmarkRobustSynth3000 is the analysis `govindex robust` runs on the
// synth project of bench/run.sh (3,000 regions, 10,000 samples), its data
// loaded before the timer starts: the nominal scoring, the plan, the
// samples and the figures.
func BenchmarkRobustSynth3000(b *testing.B) {
	def, ds := rbSynthProject(b, 3000)
	year := def.Index.Year
	b.ResetTimer()
	for range b.N {
		rr, err := RobustRun(context.Background(), def, ds, year, RobustOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if rr.Failed != 0 {
			b.Fatalf("%d samples failed", rr.Failed)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/sample")
}

// BenchmarkRobustSample times the parts of one sample of the synth
// project of 3,000 regions on one goroutine, the draws cycling through
// the first 64 samples: aggregation (all nodes, the index's scores as
// logarithms for a geometric draw), ranking and rating, and the tallies.
func BenchmarkRobustSample(b *testing.B) {
	def, ds := rbSynthProject(b, 3000)
	m := ds.Matrix(def, def.Index.Year)
	cfg, err := ResolveUncertainty(def, RobustOptions{})
	if err != nil {
		b.Fatal(err)
	}
	nominal, err := Score(def, m)
	if err != nil {
		b.Fatal(err)
	}
	p, err := newRobustPlan(def, m, nominal, cfg)
	if err != nil {
		b.Fatal(err)
	}
	w := p.newWorker(true)
	b.Run("evaluate", func(b *testing.B) {
		for i := range b.N {
			w.drawRandom(uint64(i % 64))
			if !w.evaluate() {
				b.Fatal(w.reason)
			}
		}
	})
	b.Run("evaluate+tally", func(b *testing.B) {
		for i := range b.N {
			w.drawRandom(uint64(i % 64))
			w.sample(i)
		}
	})
}
