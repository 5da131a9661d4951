package scoring

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/govindex/govindex/indicators"
)

// Uncertainty analysis (`govindex robust`): Monte Carlo over the choices
// behind the index, and Sobol sensitivity indices of those choices.
//
// # What a sample draws
//
// Every sample rebuilds the index from the same rated regions with its own
// draw of:
//
//   - weights: every indicator weight and every dimension weight (their
//     weights within their parent, as the nominal run computed them) is
//     multiplied by a factor from U(1 − noise, 1 + noise); the weights are
//     then renormalised among siblings, which aggregation does anyway (over
//     the children a region has values for, as in the nominal run);
//   - a normalisation from [uncertainty] normalise (uniformly), replacing
//     [scoring] normalise; indicators with their own `normalise` keep it;
//   - an aggregation from [uncertainty] aggregate, applied at every level
//     (every dimension and the index, dimension overrides included); when
//     the list is not given, every node keeps its nominal method;
//   - an imputation from [uncertainty] impute (the outlier treatment of
//     [scoring] treat is then applied to the imputed values, as in the
//     nominal run);
//   - exclusion: each indicator is dropped with probability exclude. A
//     dimension never loses all of its own indicators: when every one of
//     them is drawn for dropping, the one with the largest draw (the one
//     closest to being kept) is kept.
//
// Every sample makes the same random draws in the same order, whatever
// varies: a factor for each indicator weight (in declaration order), for
// each dimension weight, one number each for the normalisation,
// aggregation and imputation choice, and one per indicator for exclusion.
// Sample i's numbers come from its own PCG generator seeded with (seed,
// splitmix64(i)), so a sample does not depend on which worker runs it, and
// results (integer histograms merged by addition) are byte-identical for
// any number of workers.
//
// Each sample ranks its index like the nominal run: scores rounded to
// [scoring] round, ties by [scoring] ties; stars by the nominal star rule
// (thresholds fixed; quantiles, kmeans and jenks recomputed on the
// sample's scores) and star caps. The set of rated regions is the
// nominal's.
//
// # Failed samples
//
// A sample fails when a method cannot apply to its draw: the geometric
// (harmonic, power) mean over a value ≤ 0, or a region left without any
// score (all its values missing among the indicators kept). A failed
// sample is counted and left out of every figure; FailReason tells why the
// first one failed. When every sample fails, Robust returns an
// *indicators.InputError.
//
// # Figures
//
// Per rated region: its nominal rank, the median and the 5th and 95th
// percentile of its rank over the samples that did not fail — nearest-rank
// percentiles: the p-th percentile is the smallest rank r such that at
// least p% of the samples rank the region at r or better (so the median of
// an even number of samples is the lower of the two middle ranks) — and
// the share of samples at each star rating. Overall: the mean absolute
// rank shift, the mean over samples and regions of |rank − nominal rank|.
//
// # Sensitivity
//
// With sensitivity, the uncertain inputs are grouped ("weights",
// "normalise", "aggregate", "impute", "exclude"; only those that vary) and
// the first-order and total Sobol indices of each group on Y = the
// sample's mean absolute rank shift are estimated from a Saltelli design:
// N = samples base rows of a 2D-dimensional Sobol sequence (points 1 to N;
// the origin, point 0, is skipped), D being the number of columns of one
// draw: one per weight (mapped to the noise interval), one per discrete
// choice (mapped to an alternative: floor(u·m)), one per indicator for
// exclusion (dropped when u < exclude). The first D columns make matrix A,
// the next D matrix B, and each group's matrix A_B takes that group's
// columns from B: N·(k + 2) runs for k groups. Columns beyond the embedded
// SobolMaxDim dimensions take pseudo-random numbers (PCG seeded by the run
// seed and the row). The estimators are Saltelli (2010) for Si and Jansen
// for STi (SaltelliIndices), with bootstrap percentile 95% intervals
// (SaltelliBootstrap, 200 resamples). A base row any of whose runs failed
// is left out of the estimates. The Monte Carlo figures above do not use
// these runs, so asking for sensitivity does not change them.

// Defaults of the [uncertainty] settings that are not given.
const (
	DefaultRobustSamples = 1000
	DefaultRobustSeed    = 1
	DefaultWeightsNoise  = 0.25
	// MaxRobustSamples is the largest number of samples accepted.
	MaxRobustSamples = 10_000_000
	// defaultBootstrap is the number of bootstrap resamples of the
	// sensitivity indices' confidence intervals.
	defaultBootstrap = 200
)

// Names of the sensitivity input groups, in the order they are reported.
const (
	InputWeights   = "weights"
	InputNormalise = "normalise"
	InputAggregate = "aggregate"
	InputImpute    = "impute"
	InputExclude   = "exclude"
)

// RobustOptions override the [uncertainty] section (nil: take it from
// there) and control the run.
type RobustOptions struct {
	Samples     *int
	Noise       *float64
	Seed        *int64
	Sensitivity *bool
	// Workers is the number of goroutines (0: GOMAXPROCS). The results do
	// not depend on it.
	Workers int
	// Bootstrap is the number of bootstrap resamples of the sensitivity
	// intervals (0: 200).
	Bootstrap int
	// Progress, when set, is called from one goroutine with the number of
	// runs done and the total, a few times a second and once at the end.
	Progress func(done, total int)
}

// RobustConfig is the resolved [uncertainty] settings of a run.
type RobustConfig struct {
	Samples     int
	Seed        int64
	Noise       float64
	Normalise   []string // the alternatives drawn from
	Aggregate   []string
	Impute      []string
	Exclude     float64
	Sensitivity bool
	// NominalAggregate is set when [uncertainty] aggregate is not given:
	// every node then keeps its nominal aggregation.
	NominalAggregate bool
}

// Inputs lists the sensitivity input groups that vary, in report order.
func (c RobustConfig) Inputs() []string {
	var out []string
	if c.Noise > 0 {
		out = append(out, InputWeights)
	}
	if len(c.Normalise) > 1 {
		out = append(out, InputNormalise)
	}
	if len(c.Aggregate) > 1 {
		out = append(out, InputAggregate)
	}
	if len(c.Impute) > 1 {
		out = append(out, InputImpute)
	}
	if c.Exclude > 0 {
		out = append(out, InputExclude)
	}
	return out
}

// RobustResult is the outcome of an uncertainty analysis.
type RobustResult struct {
	// Nominal is the nominal result the samples are compared with.
	Nominal *Result
	Config  RobustConfig
	// Failed is the number of samples that failed (see the package notes);
	// FailReason says, in English, why the first of them failed.
	Failed     int
	FailReason string
	// MeanAbsRankShift is the mean over the samples that did not fail and
	// the rated regions of |rank − nominal rank|.
	MeanAbsRankShift float64
	// Regions holds the rated regions, in the order of Nominal.Regions.
	Regions []RobustRegion
	// Sensitivity holds the Sobol indices of the inputs that vary (nil
	// unless asked for); SensitivityRuns is the number of model runs made
	// for them, SensitivityDropped the number of base rows left out
	// because one of their runs failed and SensitivityBootstrap the number
	// of bootstrap resamples behind the intervals.
	Sensitivity          []SensitivityIndex
	SensitivityRuns      int
	SensitivityDropped   int
	SensitivityBootstrap int
}

// RobustRegion is one rated region's rank distribution.
type RobustRegion struct {
	Region       *indicators.Region
	Nominal      int // nominal rank
	NominalStars int
	Median       int
	P05, P95     int
	// StarShares[c] is the share of samples rating the region c stars
	// (index 0 unused).
	StarShares []float64
}

// StarConfidence is the share of samples that rate the region as the
// nominal run does.
func (r RobustRegion) StarConfidence() float64 {
	if r.NominalStars <= 0 || r.NominalStars >= len(r.StarShares) {
		return 0
	}
	return r.StarShares[r.NominalStars]
}

// Region finds a region's figures by code.
func (r *RobustResult) Region(code string) (*RobustRegion, bool) {
	for i := range r.Regions {
		if r.Regions[i].Region.Code == code {
			return &r.Regions[i], true
		}
	}
	return nil, false
}

// SensitivityIndex is the first-order (Si) and total (STi) Sobol index of
// one input group with their bootstrap 95% confidence intervals.
type SensitivityIndex struct {
	Input        string
	Si, STi      float64
	SiCI, STiCI  [2]float64
	Columns      int // Sobol columns driving the group
	Alternatives int // alternatives of a discrete choice (0 otherwise)
}

// RobustRun is Run followed by Robust: it checks the definition, builds
// the matrix for year (with the other years for imputation) and runs the
// uncertainty analysis; the nominal result carries the dataset.
func RobustRun(ctx context.Context, def *indicators.Definition, ds *indicators.Dataset, year int, opts RobustOptions) (*RobustResult, error) {
	if errs := Check(def); len(errs) > 0 {
		return nil, errs
	}
	m := yearMatrix(def, ds, year)
	rr, err := Robust(ctx, def, m, opts)
	if err != nil {
		return nil, err
	}
	rr.Nominal.Data = ds
	return rr, nil
}

// Robust scores the matrix (the nominal result) and runs the uncertainty
// analysis configured by [uncertainty] and opts. The definition must have
// passed Check. Bad settings are an *indicators.InputError at their key in
// [uncertainty]; a cancelled ctx stops the workers and returns ctx.Err().
func Robust(ctx context.Context, def *indicators.Definition, m *indicators.Matrix, opts RobustOptions) (*RobustResult, error) {
	cfg, err := ResolveUncertainty(def, opts)
	if err != nil {
		return nil, err
	}
	nominal, err := Score(def, m)
	if err != nil {
		return nil, err
	}
	p, err := newRobustPlan(def, m, nominal, cfg)
	if err != nil {
		return nil, err
	}
	res := &RobustResult{Nominal: nominal, Config: cfg}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Each worker holds an n × n rank histogram (16- or 32-bit counts):
	// keep them within about 1 GiB together.
	if hist := rbHistBytes(p.n, cfg.Samples); hist > 0 {
		workers = max(1, min(workers, (1<<30)/hist))
	}
	workers = max(1, min(workers, (cfg.Samples+rbChunk-1)/rbChunk))

	groups := p.sensitivityGroups()
	sensRuns := 0
	if cfg.Sensitivity && len(groups) > 0 {
		sensRuns = cfg.Samples * (len(groups) + 2)
	}
	prog := newRBProgress(opts.Progress, cfg.Samples+sensRuns)
	defer prog.stop()

	if p.n > 0 {
		if err := p.monteCarlo(ctx, res, workers, prog); err != nil {
			return nil, err
		}
		if rbHistBytes(p.n, cfg.Samples)*workers >= rbCollectAfter {
			// The workers' histograms, tens of megabytes, are garbage
			// now. Collecting them at once gives their pages to what
			// the caller allocates next (the results written out, say)
			// rather than fresh ones, and sets the collector's pace by
			// the heap that stays: the JSON results of 3,000 regions,
			// 34 MB, were written in 0.15 s instead of 0.5 to 0.7 s,
			// for a collection of a few milliseconds.
			runtime.GC()
		}
		if cfg.Sensitivity {
			res.Sensitivity = []SensitivityIndex{}
			if len(groups) > 0 {
				if err := p.runSensitivity(ctx, res, groups, workers, opts.Bootstrap, prog); err != nil {
					return nil, err
				}
			}
		}
	} else if cfg.Sensitivity {
		res.Sensitivity = []SensitivityIndex{}
	}
	prog.finish()
	return res, nil
}

// ResolveUncertainty merges the [uncertainty] section, its defaults and the
// overrides of opts, and checks them. A value the section gives that is out
// of range, or a method name that is not registered, is an
// *indicators.InputError at its key.
func ResolveUncertainty(def *indicators.Definition, opts RobustOptions) (RobustConfig, error) {
	u := def.Uncertainty
	if u == nil {
		u = &indicators.UncertaintySpec{}
	}
	header := def.KeyPos("uncertainty", 0, "")
	written := func(key string) bool {
		return def.Uncertainty != nil && def.KeyPos("uncertainty", 0, key) != header
	}
	pos := func(key string) indicators.Pos { return def.KeyPos("uncertainty", 0, key) }
	sc := def.Scoring
	cfg := RobustConfig{Samples: DefaultRobustSamples, Seed: DefaultRobustSeed, Noise: DefaultWeightsNoise}

	var errs indicators.ErrorList
	switch {
	case opts.Samples != nil:
		cfg.Samples = *opts.Samples
		if cfg.Samples < 1 || cfg.Samples > MaxRobustSamples {
			return cfg, fmt.Errorf("scoring: %d samples outside 1..%d", cfg.Samples, MaxRobustSamples)
		}
	case u.Samples != 0 || written("samples"):
		cfg.Samples = u.Samples
		if cfg.Samples < 1 || cfg.Samples > MaxRobustSamples {
			errs = append(errs, indicators.Errorf(pos("samples"), "set samples to a number from 1 to 10000000, e.g. samples = 1000",
				"samples = %d is out of range", u.Samples))
		}
	}
	switch {
	case opts.Seed != nil:
		cfg.Seed = *opts.Seed
	case u.Seed != 0 || written("seed"):
		cfg.Seed = u.Seed
	}
	switch {
	case opts.Noise != nil:
		cfg.Noise = *opts.Noise
		if !(cfg.Noise >= 0 && cfg.Noise < 1) {
			return cfg, fmt.Errorf("scoring: weights noise %g outside [0, 1)", cfg.Noise)
		}
	case u.WeightsNoise != 0 || written("weights_noise"):
		cfg.Noise = u.WeightsNoise
		if !(cfg.Noise >= 0 && cfg.Noise < 1) {
			errs = append(errs, indicators.Errorf(pos("weights_noise"), "give a share from 0 up to, not including, 1, e.g. weights_noise = 0.25",
				"weights_noise = %g is outside [0, 1)", u.WeightsNoise))
		}
	}
	cfg.Exclude = u.Exclude
	if !(cfg.Exclude >= 0 && cfg.Exclude < 1) {
		errs = append(errs, indicators.Errorf(pos("exclude"), "give a probability from 0 up to, not including, 1, e.g. exclude = 0.1",
			"exclude = %g is outside [0, 1)", u.Exclude))
		cfg.Exclude = 0
	}
	cfg.Sensitivity = u.Sensitivity
	if opts.Sensitivity != nil {
		cfg.Sensitivity = *opts.Sensitivity
	}

	list := func(key, format string, given []string, nominal string, known func(string) bool, names []string) []string {
		if len(given) == 0 {
			return []string{nominal}
		}
		for _, name := range given {
			if !known(name) {
				errs = append(errs, indicators.Errorf(pos(key), "use one of: "+strings.Join(names, ", "), format, name))
			}
		}
		return slices.Clone(given)
	}
	cfg.Normalise = list("normalise", "unknown normalisation method %q in [uncertainty] normalise", u.Normalise, sc.Normalise,
		func(s string) bool { _, ok := LookupNormaliser(s); return ok }, NormaliserNames())
	cfg.Aggregate = list("aggregate", "unknown aggregation method %q in [uncertainty] aggregate", u.Aggregate, sc.Aggregate,
		func(s string) bool { _, ok := LookupAggregator(s); return ok }, AggregatorNames())
	cfg.NominalAggregate = len(u.Aggregate) == 0
	cfg.Impute = list("impute", "unknown imputation method %q in [uncertainty] impute", u.Impute, sc.Impute,
		func(s string) bool { _, ok := LookupImputer(s); return ok }, ImputerNames())

	// A normalisation alternative replaces [scoring] normalise for the
	// indicators without their own: it must find what it needs there.
	if len(u.Normalise) > 0 {
		for _, name := range cfg.Normalise {
			n, ok := LookupNormaliser(name)
			if !ok {
				continue
			}
			if n.Needs == "reference" && sc.Reference == "" {
				errs = append(errs, indicators.Errorf(pos("normalise"), `add reference = "<region code>" under [scoring], or leave the method out of the list`,
					"normalisation %q in [uncertainty] normalise needs a reference region, but [scoring] names none", name))
				continue
			}
			for _, ind := range def.Indicators {
				if ind.Normalise != "" {
					continue
				}
				if n.Needs == "goalposts" && len(ind.Goalposts) != 2 {
					errs = append(errs, indicators.Errorf(pos("normalise"), "add goalposts = [lo, hi] to every indicator, or leave goalposts out of the list",
						"normalisation %q in [uncertainty] normalise needs goalposts, which indicator %q does not have", name, ind.ID))
					break
				}
				if n.Needs == "target" && ind.Target == nil {
					errs = append(errs, indicators.Errorf(pos("normalise"), "add target = <value> to every indicator, or leave dist2target out of the list",
						"normalisation %q in [uncertainty] normalise needs a target, which indicator %q does not have", name, ind.ID))
					break
				}
				if name == "fracmax" && ind.Direction < 0 {
					errs = append(errs, indicators.Errorf(pos("normalise"), "leave fracmax out of the list, or give the lower-is-better indicators their own normalise = \"minmax\"",
						"normalisation %q in [uncertainty] normalise cannot rate the lower-is-better indicator %q: x / max needs a positive maximum", name, ind.ID))
					break
				}
			}
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return cfg, errs
	}
	return cfg, nil
}

// rbChunk is the number of consecutive samples a worker takes at a time.
const rbChunk = 64

// runMonteCarlo runs the samples on workers goroutines: worker w takes
// chunks w, w + workers, w + 2·workers, … of rbChunk consecutive samples.
func (p *rbPlan) runMonteCarlo(ctx context.Context, workers int, prog *rbProgress) ([]*rbWorker, error) {
	ws := make([]*rbWorker, workers)
	for w := range ws {
		ws[w] = p.newWorker(true)
	}
	samples := p.cfg.Samples
	chunks := (samples + rbChunk - 1) / rbChunk
	err := rbParallel(ctx, workers, func(w int) error {
		wk := ws[w]
		for c := w; c < chunks; c += workers {
			if err := ctx.Err(); err != nil {
				return err
			}
			lo, hi := c*rbChunk, min((c+1)*rbChunk, samples)
			for i := lo; i < hi; i++ {
				wk.drawRandom(uint64(i))
				wk.sample(i)
			}
			prog.add(hi - lo)
		}
		wk.flush()
		return nil
	})
	return ws, err
}

// rbCollectAfter is the size of the workers' histograms, together, from
// which Robust runs the garbage collector once they are done with.
const rbCollectAfter = 16 << 20

// monteCarlo runs the samples and puts their figures into res.
func (p *rbPlan) monteCarlo(ctx context.Context, res *RobustResult, workers int, prog *rbProgress) error {
	ws, err := p.runMonteCarlo(ctx, workers, prog)
	if err != nil {
		return err
	}
	return p.collect(res, ws)
}

// rbParallel runs f(0) … f(workers−1) in parallel and returns the first
// error (by worker number).
func rbParallel(ctx context.Context, workers int, f func(w int) error) error {
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { errs[w] = f(w) })
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// collect merges the workers' histograms into the result.
func (p *rbPlan) collect(res *RobustResult, ws []*rbWorker) error {
	n, K := p.n, p.classes
	starHist := ws[0].starHist
	var shift int64
	valid, failed := 0, 0
	firstFail, reason, positive := math.MaxInt, "", false
	for wi, w := range ws {
		if wi > 0 {
			for i, c := range w.starHist {
				starHist[i] += c
			}
		}
		shift += w.shift
		valid += w.valid
		failed += w.failed
		if w.failed > 0 && w.firstFail < firstFail {
			firstFail, reason, positive = w.firstFail, w.failReason, w.failPos
		}
	}
	res.Failed, res.FailReason = failed, reason
	if valid == 0 {
		if positive {
			return indicators.Errorf(p.def.KeyPos("uncertainty", 0, "aggregate"),
				"normalise into a positive range such as range = [1, 100], or leave geometric out of [uncertainty] aggregate",
				"every one of the %d samples failed; the first: %s", failed, reason)
		}
		return indicators.Errorf(p.def.KeyPos("uncertainty", 0, "exclude"),
			"lower [uncertainty] exclude, or impute the missing values",
			"every one of the %d samples failed; the first: %s", failed, reason)
	}
	res.MeanAbsRankShift = float64(shift) / (float64(valid) * float64(n))
	res.Regions = make([]RobustRegion, n)
	hists := make([]*rbHist, len(ws))
	for w := range ws {
		hists[w] = ws[w].hist
	}
	// The regions' percentiles, read from the workers' histograms, by as
	// many goroutines as there were workers (each region on its own).
	parts := len(ws)
	var wg sync.WaitGroup
	for part := range parts {
		wg.Go(func() {
			pcts, ranks := []int{5, 50, 95}, make([]int, 3)
			for i := part; i < n; i += parts {
				k := p.reportOrder[i]
				rbRankPercentiles(hists, k, valid, pcts, ranks)
				rr := RobustRegion{
					Region:       p.regions[k],
					Nominal:      int(p.nomRank[k]),
					NominalStars: p.nomStars[k],
					P05:          ranks[0],
					Median:       ranks[1],
					P95:          ranks[2],
					StarShares:   make([]float64, K+1),
				}
				for c := 1; c <= K; c++ {
					rr.StarShares[c] = float64(starHist[k*(K+1)+c]) / float64(valid)
				}
				res.Regions[i] = rr
			}
		})
	}
	wg.Wait()
	return nil
}

// runSensitivity runs the Saltelli design and estimates the indices.
func (p *rbPlan) runSensitivity(ctx context.Context, res *RobustResult, groups []rbGroup, workers, bootstrap int, prog *rbProgress) error {
	N := p.cfg.Samples
	k := len(groups)
	D := 0
	for _, g := range groups {
		D += g.cols
	}
	sob, err := NewSobol(min(2*D, SobolMaxDim))
	if err != nil {
		return err
	}
	y := make([]float64, N*(k+2))
	chunks := (N + rbChunk - 1) / rbChunk
	workers = max(1, min(workers, chunks))
	ws := make([]*rbWorker, workers)
	for w := range ws {
		ws[w] = p.newWorker(false)
	}
	err = rbParallel(ctx, workers, func(w int) error {
		wk := ws[w]
		point := make([]float64, 2*D)
		cols := make([]float64, D)
		for c := w; c < chunks; c += workers {
			if err := ctx.Err(); err != nil {
				return err
			}
			lo, hi := c*rbChunk, min((c+1)*rbChunk, N)
			for j := lo; j < hi; j++ {
				p.sobolRow(sob, uint32(j+1), point)
				for v := range k + 2 {
					// v = 0: A; v = 1: B; v = 2 + g: A with group g from B.
					switch v {
					case 0:
						copy(cols, point[:D])
					case 1:
						copy(cols, point[D:])
					default:
						copy(cols, point[:D])
						g := groups[v-2]
						copy(cols[g.first:g.first+g.cols], point[D+g.first:D+g.first+g.cols])
					}
					wk.drawColumns(groups, cols)
					if wk.evaluate() {
						y[j*(k+2)+v] = float64(wk.sumShift()) / float64(p.n)
					} else {
						y[j*(k+2)+v] = math.NaN()
					}
				}
			}
			prog.add((hi - lo) * (k + 2))
		}
		return nil
	})
	if err != nil {
		return err
	}
	var yA, yB []float64
	yAB := make([][]float64, k)
	dropped := 0
	for j := range N {
		row := y[j*(k+2) : (j+1)*(k+2)]
		if slices.ContainsFunc(row, math.IsNaN) {
			dropped++
			continue
		}
		yA, yB = append(yA, row[0]), append(yB, row[1])
		for g := range k {
			yAB[g] = append(yAB[g], row[2+g])
		}
	}
	if bootstrap <= 0 {
		bootstrap = defaultBootstrap
	}
	si, sti := SaltelliIndices(yA, yB, yAB)
	siCI, stiCI := SaltelliBootstrap(yA, yB, yAB, bootstrap, 0.95, uint64(p.cfg.Seed))
	res.SensitivityRuns, res.SensitivityDropped, res.SensitivityBootstrap = N*(k+2), dropped, bootstrap
	for g, grp := range groups {
		res.Sensitivity = append(res.Sensitivity, SensitivityIndex{
			Input: grp.name, Si: si[g], STi: sti[g], SiCI: siCI[g], STiCI: stiCI[g],
			Columns: grp.cols, Alternatives: grp.alts,
		})
	}
	return nil
}

// sobolRow fills point with Sobol point j in the 2D columns of the design;
// columns past SobolMaxDim take pseudo-random numbers seeded by (seed, j).
func (p *rbPlan) sobolRow(sob *Sobol, j uint32, point []float64) {
	d := sob.Dim()
	sob.Point(j, point[:d])
	if len(point) > d {
		rng := rbRand(uint64(p.cfg.Seed), 0x50b01<<32|uint64(j))
		for c := d; c < len(point); c++ {
			point[c] = rng.Float64()
		}
	}
}

// rbProgress reports progress from one goroutine.
type rbProgress struct {
	fn    func(done, total int)
	total int
	done  atomic.Int64
	quit  chan struct{}
	wg    sync.WaitGroup
	once  sync.Once
}

func newRBProgress(fn func(done, total int), total int) *rbProgress {
	p := &rbProgress{fn: fn, total: total, quit: make(chan struct{})}
	if fn == nil {
		return p
	}
	p.wg.Go(func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				return
			case <-t.C:
				fn(int(p.done.Load()), total)
			}
		}
	})
	return p
}

func (p *rbProgress) add(n int) { p.done.Add(int64(n)) }

func (p *rbProgress) stop() {
	p.once.Do(func() {
		close(p.quit)
		p.wg.Wait()
	})
}

// finish stops the ticker and reports the end.
func (p *rbProgress) finish() {
	p.stop()
	if p.fn != nil {
		p.fn(p.total, p.total)
	}
}
