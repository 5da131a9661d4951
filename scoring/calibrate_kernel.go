package scoring

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/govindex/govindex/indicators"
)

// The fast path of Calibrate: it shares the uncertainty analysis's engine
// (robust_kernel.go). Candidates are grouped by the settings that change
// what the engine prepares — the data (complete), the rated set
// (min_coverage, missing_dimension), treatment, range, weights, power,
// reference, comparable — and each group gets one rbPlan, which imputes,
// treats and normalises each indicator once per imputation and
// normalisation alternative. A candidate's index scores are then one
// pass of the engine with the nominal draw (no weight noise, nothing
// excluded), its normalisation, aggregation and imputation chosen among
// the plan's alternatives, which reproduces Score's scores; candidates
// that differ only in how scores are rated (round, ties, stars,
// thresholds, classes, labels) share that pass. Ranks and stars come from
// the registered tie and star rules, as in Score.
//
// What the engine does not do goes through Score (Run), candidate by
// candidate: star caps, dimension-level aggregation overrides, and star
// classes fitted on the years pooled (comparable = "pooled" with a
// method other than thresholds).

// calKernelKeys are the settings the engine varies within a plan;
// calRatingKeys those applied to the scores it gives.
var (
	calKernelKeys  = []string{"normalise", "aggregate", "impute"}
	calRatingKeys  = []string{"round", "ties", "stars", "thresholds", "classes", "labels"}
	calDerivedKeys = []string{"weights", "missing_dimension"}
)

// calGroup is the candidates sharing a plan.
type calGroup struct {
	plan    *rbPlan
	m       *indicators.Matrix
	rated   []int                  // rated rows of m
	def     *indicators.Definition // the plan's definition
	pooled  bool
	err     error // the plan could not be made: every candidate goes through Run
	pubRows []int // row of each published region among the rated rows, −1: unrated
	// alternatives of the kernel keys in the plan's lists
	normAt, aggAt, impAt int // index of the key among the settings, −1: not a setting
}

// calEval is one pass of the engine: a group and its kernel alternatives,
// and the candidates rated from it.
type calEval struct {
	group      *calGroup
	a, b, g    int
	candidates []int
}

// evaluateFast scores the candidates through the engine where it can,
// and through evaluate (Run) where it cannot; schemes[i] is candidate i.
func (res *CalibrateResult) evaluateFast(ctx context.Context, def *indicators.Definition, year int, pub *indicators.Published,
	dataFor func(*indicators.Definition, []int) (*indicators.Dataset, error), workers int, progress func(done, total int)) ([]*Scheme, error) {
	total := res.Candidates
	schemes := make([]*Scheme, total)
	kind := make([]int, len(res.Settings)) // 0 plan, 1 kernel, 2 rating, 3 derived
	for j, k := range res.Settings {
		switch {
		case slices.Contains(calKernelKeys, k):
			kind[j] = 1
		case slices.Contains(calRatingKeys, k):
			kind[j] = 2
		case slices.Contains(calDerivedKeys, k):
			kind[j] = 3
		}
	}
	mdAt := slices.Index(res.Settings, "missing_dimension")
	slow := len(def.Caps) > 0
	for _, d := range def.Dimensions {
		slow = slow || d.Aggregate != ""
	}

	// Group the candidates: by plan settings, then by kernel settings.
	groups := map[string]*calGroup{}
	var groupOrder []string
	baseFirst, groupFirst := map[string][]int{}, map[string][]int{}
	groupBase := map[string]string{}
	var baseOrder []string
	evals := map[string]*calEval{}
	var evalOrder []string
	var slowOnes []int
	keyOf := func(alt []int, kinds ...int) string {
		var b strings.Builder
		for j, a := range alt {
			if slices.Contains(kinds, kind[j]) {
				b.WriteString(string(rune('0' + j)))
				b.WriteByte(':')
				b.WriteString(string(rune('0' + a)))
				b.WriteByte(',')
			}
		}
		return b.String()
	}
	for i := range total {
		alt := res.alternatives(i)
		if slow {
			slowOnes = append(slowOnes, i)
			continue
		}
		// The base plan: the plan settings, and whether the rated set
		// leaves out regions without a whole dimension.
		bk := keyOf(alt, 0)
		if mdAt >= 0 && res.Values[mdAt][alt[mdAt]] == "unrated" {
			bk += "U"
		}
		if _, ok := baseFirst[bk]; !ok {
			baseFirst[bk] = alt
			baseOrder = append(baseOrder, bk)
		}
		gk := bk + "#" + keyOf(alt, 3)
		if _, ok := groups[gk]; !ok {
			groups[gk] = nil
			groupOrder = append(groupOrder, gk)
			groupFirst[gk] = alt
			groupBase[gk] = bk
		}
		ek := gk + "|" + keyOf(alt, 1)
		e, ok := evals[ek]
		if !ok {
			e = &calEval{}
			evals[ek] = e
			evalOrder = append(evalOrder, ek)
		}
		e.candidates = append(e.candidates, i)
	}

	// Plans: one per base, made from its first candidate's settings; the
	// groups that differ from it only in weights or the missing-dimension
	// rule share its normalised values (derived plans).
	bases := map[string]*calGroup{}
	for _, bk := range baseOrder {
		bases[bk] = res.newCalGroup(def, year, pub, baseFirst[bk], dataFor)
	}
	for _, gk := range groupOrder {
		groups[gk] = res.deriveCalGroup(def, year, pub, bases[groupBase[gk]], groupFirst[gk], dataFor)
	}
	for _, ek := range evalOrder {
		gk, _, _ := strings.Cut(ek, "|")
		e := evals[ek]
		e.group = groups[gk]
		alt := res.alternatives(e.candidates[0])
		if g := e.group; g.plan != nil {
			if g.normAt >= 0 {
				e.b = alt[g.normAt]
			}
			if g.aggAt >= 0 {
				e.g = alt[g.aggAt]
			}
			if g.impAt >= 0 {
				e.a = alt[g.impAt]
			}
		}
	}

	var next, done atomic.Int64
	items := len(evalOrder) + len(slowOnes)
	var wg sync.WaitGroup
	report := func(n int) {
		d := done.Add(int64(n))
		if progress != nil {
			progress(int(d), total)
		}
	}
	for range max(1, min(workers, items)) {
		wg.Go(func() {
			workersOf := map[*calGroup]*rbWorker{}
			var buf []float64
			var order []int32
			for {
				it := int(next.Add(1) - 1)
				if it >= items || ctx.Err() != nil {
					return
				}
				if it >= len(evalOrder) {
					i := slowOnes[it-len(evalOrder)]
					schemes[i] = res.evaluate(def, year, pub, i, dataFor)
					report(1)
					continue
				}
				e := evals[evalOrder[it]]
				g := e.group
				if g.plan == nil {
					for _, i := range e.candidates {
						schemes[i] = res.evaluate(def, year, pub, i, dataFor)
					}
					report(len(e.candidates))
					continue
				}
				w := workersOf[g]
				if w == nil {
					w = g.plan.newWorker(false)
					for i := range w.fInd {
						w.fInd[i] = 1
					}
					for j := range w.fDim {
						w.fDim[j] = 1
					}
					workersOf[g] = w
				}
				w.a, w.b, w.g = e.a, e.b, e.g
				ok := w.indexScores()
				buf = append(buf[:0], w.val[g.plan.root]...)
				order = order[:0]
				if ok {
					// The regions from the highest score down, once per pass:
					// rounding keeps the order, so every rating of the pass
					// ranks from it.
					for k := range buf {
						order = append(order, int32(k))
					}
					slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(buf[b], buf[a]) })
				}
				for _, i := range e.candidates {
					schemes[i] = res.rateFast(def, year, pub, i, g, ok, w.reason, buf, order, dataFor)
				}
				report(len(e.candidates))
			}
		})
	}
	wg.Wait()
	return schemes, ctx.Err()
}

// newCalGroup makes the plan of the candidates sharing the plan settings
// of alt; a group the engine cannot take has a nil plan.
func (res *CalibrateResult) newCalGroup(def *indicators.Definition, year int, pub *indicators.Published, alt []int,
	dataFor func(*indicators.Definition, []int) (*indicators.Dataset, error)) *calGroup {
	g := &calGroup{normAt: slices.Index(res.Settings, "normalise"), aggAt: slices.Index(res.Settings, "aggregate"), impAt: slices.Index(res.Settings, "impute")}
	vals := make([]any, len(alt))
	for j, a := range alt {
		vals[j] = res.Values[j][a]
	}
	variant := def.WithSettings(res.Settings, vals)
	if len(variant.CheckSettings()) > 0 || len(Check(variant)) > 0 {
		g.err = errCalSlow
		return g
	}
	ds, err := dataFor(variant, alt)
	if err != nil {
		g.err = err
		return g
	}
	m := yearMatrix(variant, ds, year)
	g.pooled = pooled(variant, m)
	// The plan's own star rule is not used (ratings are made here), but a
	// pooled plan accepts thresholds only.
	pd := *variant
	pd.Stars = indicators.StarsSpec{Method: "thresholds", Thresholds: []float64{0}}
	pd.Caps = nil
	g.def = &pd
	cfg := RobustConfig{Samples: 1, Seed: 1}
	list := func(at int, own string) []string {
		if at < 0 {
			return []string{own}
		}
		out := make([]string, len(res.Values[at]))
		for a, v := range res.Values[at] {
			out[a] = v.(string)
		}
		return out
	}
	cfg.Normalise = list(g.normAt, pd.Scoring.Normalise)
	cfg.Aggregate = list(g.aggAt, pd.Scoring.Aggregate)
	cfg.Impute = list(g.impAt, pd.Scoring.Impute)
	for _, name := range cfg.Normalise {
		if n, ok := LookupNormaliser(name); !ok || n.Needs != "" {
			g.err = errCalSlow // goalposts, targets and references: checked per candidate by Run
			return g
		}
	}
	// The rated rows: a stand-in for the nominal result, which the plan
	// reads only for them.
	rated, _ := coverage(&pd, m)
	nominal := &Result{}
	for r, reg := range m.Regions {
		nominal.Regions = append(nominal.Regions, &RegionResult{Region: reg, Rated: slices.Contains(rated, r), Rank: 1, Stars: 1})
	}
	p, err := newRobustPlan(&pd, m, nominal, cfg)
	if err != nil {
		g.err = err
		return g
	}
	g.plan, g.m, g.rated = p, m, rated
	row := make(map[string]int, len(p.regions))
	for k, reg := range p.regions {
		row[reg.Code] = k
	}
	g.pubRows = make([]int, len(pub.Rows))
	for q, r := range pub.Rows {
		k, ok := row[r.Region.Code]
		if !ok {
			k = -1
		}
		g.pubRows[q] = k
	}
	return g
}

// errCalSlow marks a group the engine leaves to Run.
var errCalSlow = &indicators.InputError{Msg: "scored by the pipeline"}

// indexScores aggregates every node for the current draw (the nominal
// one: w.fInd, w.fDim at 1, nothing excluded), as evaluate does before
// ranking; val[root] holds the index scores. False when the draw fails.
func (w *rbWorker) indexScores() bool {
	p := w.p
	d := &p.data[w.a*len(p.cfg.Normalise)+w.b]
	for ni, nd := range p.nodes {
		m := w.method(ni)
		if m.agg.Positive {
			for _, i := range nd.inds {
				if d.nonpos[i] {
					return w.fail(true, "the %s mean needs positive values, but indicator %q has a value ≤ 0 after %s normalisation",
						m.agg.Name, p.def.Indicators[i].ID, d.norm)
				}
			}
		}
		w.needVal[ni] = true
	}
	zero := p.def.Scoring.MissingDimension == "zero"
	for ni := range p.nodes {
		if !w.node(ni, d) || zero && !w.zeroRows(ni) {
			return false
		}
	}
	for k, x := range w.val[p.root] {
		if math.IsNaN(x) {
			return w.fail(false, "region %s has no score: its values are missing on every indicator", regionLabel(p.regions[k]))
		}
	}
	return true
}

// rateFast rates candidate i from its index scores (ok false: the engine's
// pass failed with reason) and measures its agreement.
func (res *CalibrateResult) rateFast(def *indicators.Definition, year int, pub *indicators.Published, i int, g *calGroup,
	ok bool, reason string, index []float64, order []int32, dataFor func(*indicators.Definition, []int) (*indicators.Dataset, error)) *Scheme {
	s := res.newScheme(i, pub)
	variant := def.WithSettings(res.Settings, s.Values)
	if errs := variant.CheckSettings(); len(errs) > 0 {
		return s.fail(errs[0])
	}
	if errs := Check(variant); len(errs) > 0 {
		return s.fail(errs[0])
	}
	if g.pooled && variant.Stars.Method != "thresholds" {
		// Classes fitted on every year's scores: the pipeline's job.
		return res.evaluate(def, year, pub, i, dataFor)
	}
	if !ok {
		s.Failed = reason
		s.FailedErr = &indicators.InputError{Msg: reason}
		return s
	}
	scores := slices.Clone(index)
	if r := variant.Scoring.Round; r != nil {
		rp := rbPlan{decimals: *r, scale: math.Pow(10, float64(*r))}
		for k, x := range scores {
			scores[k], _, _ = rp.roundKey(x)
		}
	}
	rule, _ := LookupStarRule(variant.Stars.Method)
	stars, err := rule.Fn(scores, variant.Stars)
	if err != nil {
		return s.fail(err)
	}
	ranks := ranksInOrder(scores, order, variant.Scoring.Ties == "dense")
	outs := make([]Outcome, len(pub.Rows))
	for q, row := range pub.Rows {
		o := Outcome{Published: row}
		if k := g.pubRows[q]; k >= 0 {
			o.Rated, o.Stars, o.Score = true, stars[k], scores[k]
			o.Rank = ranks[k]
			o.match()
		}
		outs[q] = o
	}
	s.measure(outs)
	if res.keepOutcomes {
		s.outs = outs
	}
	return s
}

// ranksInOrder ranks scores as rankCompetition (dense: rankDense) does —
// one plus the number of scores (distinct scores) above — walking order,
// the regions from the highest score down, in which equal scores are
// next to each other.
func ranksInOrder(scores []float64, order []int32, dense bool) []int {
	ranks := make([]int, len(scores))
	rank, distinct := 0, 0
	for pos, k := range order {
		if pos == 0 || scores[k] != scores[order[pos-1]] {
			distinct++
			rank = pos + 1
			if dense {
				rank = distinct
			}
		}
		ranks[k] = rank
	}
	return ranks
}

// deriveCalGroup is the group of the candidates with the plan settings of
// base and the weights and missing-dimension rule of alt: base itself
// when they agree, else base's plan with the rule and the weights of alt
// (recomputed from base's normalised values). A base with years pooled
// (whose weights see the other years' rows) gets a plan of its own.
func (res *CalibrateResult) deriveCalGroup(def *indicators.Definition, year int, pub *indicators.Published, base *calGroup, alt []int,
	dataFor func(*indicators.Definition, []int) (*indicators.Dataset, error)) *calGroup {
	if base.plan == nil {
		return base
	}
	vals := make([]any, len(alt))
	for j, a := range alt {
		vals[j] = res.Values[j][a]
	}
	variant := def.WithSettings(res.Settings, vals)
	sc, bsc := variant.Scoring, base.def.Scoring
	if sc.Weights == bsc.Weights && sc.MissingDimension == bsc.MissingDimension {
		return base
	}
	if base.pooled && sc.Weights != bsc.Weights {
		return res.newCalGroup(def, year, pub, alt, dataFor)
	}
	if len(Check(variant)) > 0 {
		return &calGroup{err: errCalSlow}
	}
	pd := *base.def
	pd.Scoring.Weights, pd.Scoring.MissingDimension = sc.Weights, sc.MissingDimension
	q := *base.plan
	q.def = &pd
	if sc.Weights != bsc.Weights {
		wf, _ := LookupWeighting(sc.Weights)
		n, nInd := q.n, q.nInd
		q.data = make([]rbData, len(base.plan.data))
		for a, impName := range q.cfg.Impute {
			X, _, err := prepareValues(&pd, base.m, base.rated, impName, imputePos(&pd, true))
			if err != nil {
				return &calGroup{err: err}
			}
			_, D, _ := treatColumns(&pd, X)
			for b := range q.cfg.Normalise {
				at := a*len(q.cfg.Normalise) + b
				d := base.plan.data[at]
				N := make([][]float64, n)
				for k := range N {
					N[k] = make([]float64, nInd)
					for i := range nInd {
						N[k][i] = d.vals[i*n+k]
					}
				}
				raw, err := wf.Fn(WeightContext{Def: &pd, Normalised: N, Values: D})
				if err != nil {
					return &calGroup{err: err}
				}
				within := map[string]float64{}
				for _, w := range TreeWeights(&pd, raw) {
					within[w.ID] = w.Weight
				}
				d.wInd, d.wDim = make([]float64, nInd), make([]float64, q.nDim)
				for i, ind := range pd.Indicators {
					d.wInd[i] = within[ind.ID]
				}
				for j, dim := range pd.Dimensions {
					d.wDim[j] = within[dim.ID]
				}
				q.data[at] = d
			}
		}
	}
	g := *base
	g.plan, g.def = &q, &pd
	return &g
}
