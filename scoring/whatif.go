package scoring

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/govindex/govindex/indicators"
)

// What-if: the smallest change of each single indicator that lifts a region
// to a higher star rating, with everything else unchanged and the whole
// index scored again for every value tried — so a change that moves a
// min-max bound, a data-driven weight, a quantile, k-means or Jenks star
// boundary or a cap is accounted for exactly as the rating would account
// for it. Also the cheapest combination of changes across indicators.

// WhatIfOptions tune WhatIf; the zero value gives the defaults.
type WhatIfOptions struct {
	// Context stops the search when it is done (default: none).
	Context context.Context
	// MaxDoublings bounds the bracketing search: the step grows from 1/64
	// of the indicator's observed span by doubling, up to span × 2^MaxDoublings
	// (default 20: about a million spans).
	MaxDoublings int
	// PlanStep is the step of the combined plan's greedy search as a share
	// of each indicator's observed span (default 0.05).
	PlanStep float64
	// MaxCandidates bounds the scan of candidate values (just past the
	// other regions' values) made where the rating need not be monotone in
	// the value (default 400).
	MaxCandidates int
	// Workers is the number of scorings run at once (default GOMAXPROCS).
	// The result does not depend on it.
	Workers int
}

func (o WhatIfOptions) withDefaults() WhatIfOptions {
	if o.Context == nil {
		o.Context = context.Background()
	}
	if o.MaxDoublings <= 0 {
		o.MaxDoublings = 20
	}
	if !(o.PlanStep > 0) {
		o.PlanStep = 0.05
	}
	if o.MaxCandidates <= 0 {
		o.MaxCandidates = 400
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// WhatIfResult is what WhatIf found for one region.
type WhatIfResult struct {
	// Base is the index as scored from the matrix given.
	Base *Result
	// Region is the region's result in Base.
	Region *RegionResult
	// Stars is the region's current rating (0 when unrated), Target the
	// rating sought, Classes the number of star classes.
	Stars, Target, Classes int
	// Top is set when the region already has the top rating and no target
	// was asked for: there is nothing to search, and Options is empty.
	Top bool
	// Options are the single-indicator changes that each, alone, earn the
	// target, cheapest first (by Effort, ties in the order of the
	// definition).
	Options []WhatIfOption
	// Unreachable lists, in the order of the definition, the indicators
	// whose change alone cannot earn the target, with why.
	Unreachable []WhatIfUnreachable
	// Plan is the cheapest combined plan found; nil when neither a single
	// change nor a combination earns the target.
	Plan *WhatIfPlan
	// ByEffort says what "cheapest" means: true when the index declares
	// the effort of a unit of each actionable indicator (efforts are
	// |change| × effort), false when efforts are shares of the span.
	ByEffort bool
}

// WhatIfOption is one indicator's smallest change that earns the target.
type WhatIfOption struct {
	Indicator string
	Unit      string
	// From is the region's raw value, NaN when missing; To the value that
	// earns the target.
	From, To float64
	// Change is To − From; NaN when From is missing.
	Change float64
	// Effort is the change as a share of the observed span of the
	// indicator (max − min of the regions' raw values): |To − From| / Span,
	// or, for a missing value, |To − Start| / Span.
	Effort float64
	Span   float64
	// Start is where a missing value is measured from: the indicator's
	// natural floor 0 when every observed value is at least 0 and higher
	// is better (counts, shares, years), else the least favourable value
	// observed. It is From when the value is present.
	Start float64
	// Reports is the number of other regions with a value of the
	// indicator; FewReports is set when that is under WhatIfFewReports,
	// so that the result rests on very little data.
	Reports    int
	FewReports bool
	// Decimals is the number of decimals To is rounded to: 0 when every
	// observed value is a whole number, else the data's decimals, at most
	// those that show three significant digits of the span, plus 2. To
	// minus one unit of its last decimal
	// does not earn the target where the rating is monotone in the value.
	Decimals int
	// ScoreAfter and StarsAfter are the region's score and stars with To,
	// the index scored again.
	ScoreAfter float64
	StarsAfter int
}

// WhatIfFewReports is the number of other regions reporting an indicator
// under which an option or change is flagged (WhatIfOption.FewReports).
const WhatIfFewReports = 2

// Why an indicator alone cannot earn the target (WhatIfUnreachable.Why).
const (
	// WhyLimit: even at the most extreme value tried (At) the region
	// reaches only StarsAt stars.
	WhyLimit = "limit"
	// WhyWeight: the indicator's contribution saturates (its normalised
	// value cannot rise further), and at its best the score reaches only
	// ScoreAt: its weight is too small.
	WhyWeight = "weight"
	// WhyCap: a [[cap]] holds the rating below the target because
	// Dimension is weak.
	WhyCap = "cap"
	// WhyBest: the value is already the best possible (0 for a count where
	// lower is better, 100 for a percentage).
	WhyBest = "best"
	// WhyMaxed: the indicator already gives all it can — the region leads
	// on it, or sits at the top of its goalposts — so a better value adds
	// nothing to the score.
	WhyMaxed = "maxed"
	// WhyFixed: the region cannot change the indicator by what it does
	// (actionable = false in index.toml, e.g. years elapsed since a
	// first document); it is never searched, nor used in a plan.
	WhyFixed = "fixed"
)

// WhatIfUnreachable is an indicator whose change alone cannot earn the
// target.
type WhatIfUnreachable struct {
	Indicator string
	Unit      string
	From      float64 // NaN when missing
	Why       string  // WhyLimit, WhyWeight, WhyCap, WhyBest, WhyMaxed or WhyFixed
	// At is the most extreme value tried; ScoreAt and StarsAt the region's
	// score (NaN when unrated) and stars there.
	At      float64
	ScoreAt float64
	StarsAt int
	// Bound is set when At is a natural bound (0 or 100%) rather than the
	// search limit.
	Bound bool
	// Weight is the indicator's effective weight in the index.
	Weight float64
	// For WhyCap: the [[cap]] entry (its index in Definition.Caps), the
	// weak dimension and the rating the cap allows.
	Cap       int
	Dimension string
	CapMax    int
	// Reason says why in English.
	Reason string
}

// WhatIfPlan is a combination of changes that together earn the target.
type WhatIfPlan struct {
	Changes []WhatIfChange
	// Effort is the sum of the changes' efforts (shares of the spans).
	Effort     float64
	ScoreAfter float64
	StarsAfter int
}

// WhatIfChange is one change of a plan.
type WhatIfChange struct {
	Indicator string
	Unit      string
	From, To  float64 // From NaN when missing
	Change    float64 // To − From; NaN when From is missing
	Effort    float64 // |To − Start| / span, as WhatIfOption.Effort
	Start     float64 // as WhatIfOption.Start
	Decimals  int
	// Reports and FewReports are as WhatIfOption's.
	Reports    int
	FewReports bool
}

// WhatIfTargetError is a target that is not above the region's rating or
// beyond the top class.
type WhatIfTargetError struct {
	Target, Stars, Classes int
}

func (e *WhatIfTargetError) Error() string {
	if e.Target <= e.Stars {
		return fmt.Sprintf("target %d stars is not above the region's current %d", e.Target, e.Stars)
	}
	return fmt.Sprintf("target %d stars is beyond the top class %d", e.Target, e.Classes)
}

// WhatIf finds, for the region with the given code (or exact name) in m,
// the smallest change of each indicator's raw value — in the indicator's
// own units, in the improving direction — that alone earns the target
// rating when the whole index is scored again by Score; target 0 asks for
// the next star. A missing value gets the least favourable value that,
// reported, earns the target, searched from the indicator's natural floor
// (0 when every observed value is at least 0 and higher is better, else
// the least favourable value observed), and its effort is measured from
// there. Every option returned has been verified by scoring the index
// with it. An indicator with actionable = false is not searched: it is
// listed as unreachable (WhyFixed) and left out of the plan.
//
// The search brackets the threshold by doubling the step from the current
// value, bisects it to 1e-9 of the observed span, and rounds the value up
// (in the improving direction) to a whole number for whole-number data,
// else to the data's decimals plus 2, verifying
// the rounded value and stepping one unit further if needed. Where the
// rating need not be monotone in the value (rank-based normalisation,
// relative star rules, data-driven weights, outlier treatment, caps) the
// values just past the other regions' values are scanned as well and the
// smallest that verifies is kept.
//
// The plan is a greedy combination: steps of PlanStep × span on the
// indicator that gains most score, until the target is reached; then each
// change is dropped or reduced while the target still holds, and the plan
// is verified. When a single option is as cheap, the plan is that option.
//
// m is not changed. def must have passed Check.
func WhatIf(def *indicators.Definition, m *indicators.Matrix, region string, target int, opts WhatIfOptions) (*WhatIfResult, error) {
	o := opts.withDefaults()
	row := findRegion(m.Regions, region)
	if row < 0 {
		return nil, fmt.Errorf("what-if: region %q is not among the regions", region)
	}
	base, err := Score(def, m)
	if err != nil {
		return nil, err
	}
	code := m.Regions[row].Code
	rr := whatIfFind(base, code)
	classes := def.Stars.NumClasses()
	if classes <= 0 {
		classes = defaultClasses
	}
	res := &WhatIfResult{Base: base, Region: rr, Stars: rr.Stars, Classes: classes, ByEffort: def.HasEffort()}
	switch {
	case target == 0 && rr.Stars >= classes:
		res.Top, res.Target = true, rr.Stars
		return res, nil
	case target == 0:
		target = rr.Stars + 1
	case target <= rr.Stars || target > classes:
		return nil, &WhatIfTargetError{Target: target, Stars: rr.Stars, Classes: classes}
	}
	res.Target = target

	w := &whatIf{def: def, m: m, row: row, code: code, target: target, o: o, base: base, baseRR: rr}
	w.pool = make(chan *whatIfEval, o.Workers)
	for range o.Workers {
		w.pool <- w.newEval()
	}
	w.careful = whatIfCareful(def)
	for i, ind := range def.Indicators {
		w.axes = append(w.axes, w.axis(i, ind))
	}

	// One search per indicator, run concurrently; results in order.
	found := make([]*WhatIfOption, len(w.axes))
	failed := make([]*WhatIfUnreachable, len(w.axes))
	errs := make([]error, len(w.axes))
	var wg sync.WaitGroup
	for i := range w.axes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := <-w.pool
			defer func() { w.pool <- e }()
			found[i], failed[i], errs[i] = w.search(e, w.axes[i])
		}()
	}
	wg.Wait()
	for i := range w.axes {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if found[i] != nil {
			res.Options = append(res.Options, *found[i])
		}
		if failed[i] != nil {
			res.Unreachable = append(res.Unreachable, *failed[i])
		}
	}
	sort.SliceStable(res.Options, func(a, b int) bool { return res.Options[a].Effort < res.Options[b].Effort })

	plan, err := w.plan(res.Options)
	if err != nil {
		return nil, err
	}
	res.Plan = plan
	return res, nil
}

// whatIf is one WhatIf run.
type whatIf struct {
	def     *indicators.Definition
	m       *indicators.Matrix
	row     int
	code    string
	target  int
	o       WhatIfOptions
	base    *Result
	baseRR  *RegionResult
	careful bool
	axes    []*whatIfAxis
	pool    chan *whatIfEval
}

// whatIfAxis is what the search needs to know of one indicator.
type whatIfAxis struct {
	i   int
	ind *indicators.Indicator
	dir float64 // +1: up improves, −1: down improves
	cur float64 // the region's raw value, NaN when missing
	// start is where the search starts: cur, or for a missing value the
	// natural floor 0 when every observed value is at least 0 and dir is
	// +1, else the least favourable value observed (0 when none is).
	start float64
	// fixed says the region cannot change the indicator (actionable =
	// false): it is not searched and not used in plans.
	fixed bool
	span  float64
	dec   int
	unit  float64 // 10^−dec
	// limit is the farthest value tried; bound says it is a natural bound.
	limit float64
	bound bool
	// others are the other regions' values of the indicator, for the
	// candidate scan; marks are the goalposts and target.
	others []float64
	marks  []float64
	weight float64 // effective weight in the base result
	// perUnit is the effort of one unit of the indicator (index.toml's
	// effort) when the index declares efforts, else 0: efforts are shares
	// of the span.
	perUnit float64
}

// effort is what moving the indicator from its start to v costs:
// |v − start| × effort per unit when the index declares efforts, else
// the change as a share of the span.
func (ax *whatIfAxis) effort(v float64) float64 { return ax.cost(ax.start, v) }

// cost is the effort of moving the indicator from a to b.
func (ax *whatIfAxis) cost(a, b float64) float64 {
	if ax.perUnit > 0 {
		return math.Abs(b-a) * ax.perUnit
	}
	return math.Abs(b-a) / ax.span
}

// axis describes indicator i for the search.
func (w *whatIf) axis(i int, ind *indicators.Indicator) *whatIfAxis {
	ax := &whatIfAxis{i: i, ind: ind, dir: 1, cur: w.m.Values[w.row][i]}
	if ind.Direction < 0 {
		ax.dir = -1
	}
	var obs []float64
	for r := range w.m.Values {
		v := w.m.Values[r][i]
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		obs = append(obs, v)
		if r != w.row {
			ax.others = append(ax.others, v)
		}
	}
	lo, hi := 0.0, 0.0
	if len(obs) > 0 {
		lo, hi = slices.Min(obs), slices.Max(obs)
	}
	ax.span = hi - lo
	if !(ax.span > 0) {
		ax.span = math.Max(math.Abs(hi), 1)
	}
	// The data's decimals, but no more than show three significant digits
	// of the span (values computed from dates carry 16), plus 2.
	ax.dec = min(whatIfDecimals(obs), max(0, 2-int(math.Floor(math.Log10(ax.span))))) + 2
	// Whole-number data (counts, levels) get whole-number targets: one
	// more platform, not 1.73 of one.
	if len(obs) > 0 && whatIfDecimals(obs) == 0 {
		ax.dec = 0
	}
	ax.unit = math.Pow(10, -float64(ax.dec))
	nonNeg := len(obs) > 0 && lo >= 0
	ax.start = ax.cur
	if math.IsNaN(ax.cur) {
		// A missing value is measured from the natural floor of counts,
		// shares and years: what reporting costs is what is reported,
		// not the distance from the lowest value some region reports.
		switch {
		case ax.dir > 0 && nonNeg:
			ax.start = 0
		case ax.dir > 0:
			ax.start = lo
		default:
			ax.start = hi
		}
	}
	ax.fixed = !ind.IsActionable()
	if ind.Effort != nil && w.def.HasEffort() {
		ax.perUnit = *ind.Effort
	}
	ax.limit = ax.start + ax.dir*ax.span*math.Ldexp(1, w.o.MaxDoublings)
	if ax.dir < 0 && nonNeg && ax.start >= 0 {
		ax.limit, ax.bound = 0, true
	}
	if ax.dir > 0 && ind.Unit == "%" && nonNeg && hi <= 100 && ax.start <= 100 {
		ax.limit, ax.bound = 100, true
	}
	ax.marks = append(ax.marks, ind.Goalposts...)
	if ind.Target != nil {
		ax.marks = append(ax.marks, *ind.Target)
	}
	for _, wr := range w.base.Weights {
		if wr.ID == ind.ID && wr.Kind == "indicator" {
			ax.weight = wr.Effective
		}
	}
	return ax
}

// whatIfDecimals is the most decimals any of xs shows in its shortest form.
func whatIfDecimals(xs []float64) int {
	d := 0
	for _, x := range xs {
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if _, frac, ok := strings.Cut(s, "."); ok {
			d = max(d, len(frac))
		}
	}
	return d
}

// whatIfCareful says whether the rating may fail to be monotone in one
// raw value (or move in steps the bisection alone may not pin down well),
// so that candidate values are scanned too.
func whatIfCareful(def *indicators.Definition) bool {
	if len(def.Caps) > 0 || def.Scoring.Treat != "none" && def.Scoring.Treat != "" {
		return true
	}
	switch def.Scoring.Weights {
	case "entropy", "critic", "pca":
		return true
	}
	if def.Stars.Method != "thresholds" {
		return true
	}
	for _, ind := range def.Indicators {
		switch normaliserOf(def, ind) {
		case "rank", "prank", "borda":
			return true
		}
	}
	return def.Scoring.Aggregate == "copeland"
}

// whatIfBeyond says whether a lies strictly past b in direction dir.
func whatIfBeyond(a, b, dir float64) bool { return dir*(a-b) > 0 }

// whatIfEval scores the index with some of the region's values changed; it
// owns its copy of the region's row, so one evaluator serves one goroutine.
type whatIfEval struct {
	ctx  context.Context
	def  *indicators.Definition
	m    *indicators.Matrix
	row  int
	code string
}

func (w *whatIf) newEval() *whatIfEval {
	m := *w.m
	m.Values = slices.Clone(w.m.Values)
	m.Values[w.row] = slices.Clone(w.m.Values[w.row])
	return &whatIfEval{ctx: w.o.Context, def: w.def, m: &m, row: w.row, code: w.code}
}

// whatIfSet is one value of one indicator.
type whatIfSet struct {
	i int
	v float64
}

// whatIfOutcome is the region's result in one scoring; rr is nil when the
// methods refused the values.
type whatIfOutcome struct {
	res *Result
	rr  *RegionResult
}

func (x whatIfOutcome) stars() int {
	if x.rr == nil || !x.rr.Rated {
		return 0
	}
	return x.rr.Stars
}

func (x whatIfOutcome) score() float64 {
	if x.rr == nil || !x.rr.Rated {
		return math.NaN()
	}
	return x.rr.Score
}

// eval scores the index with the values set; only a cancelled context is
// an error — values the methods refuse give an empty outcome.
func (e *whatIfEval) eval(sets ...whatIfSet) (whatIfOutcome, error) {
	if err := e.ctx.Err(); err != nil {
		return whatIfOutcome{}, err
	}
	old := make([]float64, len(sets))
	for k, s := range sets {
		old[k] = e.m.Values[e.row][s.i]
		e.m.Values[e.row][s.i] = s.v
	}
	res, err := Score(e.def, e.m)
	for k := len(sets) - 1; k >= 0; k-- {
		e.m.Values[e.row][sets[k].i] = old[k]
	}
	if err != nil {
		return whatIfOutcome{}, nil
	}
	return whatIfOutcome{res: res, rr: whatIfFind(res, e.code)}, nil
}

func whatIfFind(res *Result, code string) *RegionResult {
	for _, rr := range res.Regions {
		if rr.Region.Code == code {
			return rr
		}
	}
	return nil
}

// whatIfReach tries one value of the axis, with fixed other changes.
type whatIfReach func(v float64) (bool, whatIfOutcome, error)

func (w *whatIf) reacher(e *whatIfEval, ax *whatIfAxis, fixed []whatIfSet) whatIfReach {
	return func(v float64) (bool, whatIfOutcome, error) {
		sets := append(slices.Clone(fixed), whatIfSet{ax.i, v})
		out, err := e.eval(sets...)
		if err != nil {
			return false, out, err
		}
		return out.stars() >= w.target, out, nil
	}
}

// search finds the axis's smallest change that alone earns the target.
func (w *whatIf) search(e *whatIfEval, ax *whatIfAxis) (*WhatIfOption, *WhatIfUnreachable, error) {
	baseOut := whatIfOutcome{res: w.base, rr: w.baseRR}
	if ax.fixed {
		return nil, w.unreachable(ax, ax.cur, baseOut, baseOut, WhyFixed), nil
	}
	reach := w.reacher(e, ax, nil)
	missing := math.IsNaN(ax.cur)
	if missing {
		ok, out, err := reach(ax.start)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			return w.option(ax, ax.start, out), nil, nil
		}
	}
	if !whatIfBeyond(ax.limit, ax.start, ax.dir) {
		return nil, w.unreachable(ax, ax.start, baseOut, baseOut, WhyBest), nil
	}

	// Bracket: double the step until the target is reached or the limit.
	a, b := ax.start, math.NaN()
	before, last := baseOut, baseOut // outcomes at the value tried before a, and at a
	for k := -6; k <= w.o.MaxDoublings; k++ {
		x := ax.start + ax.dir*ax.span*math.Ldexp(1, k)
		if !whatIfBeyond(ax.limit, x, ax.dir) {
			x = ax.limit
		}
		ok, out, err := reach(x)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			b = x
			break
		}
		before, last, a = last, out, x
		if x == ax.limit {
			break
		}
	}
	if math.IsNaN(b) {
		return nil, w.unreachable(ax, a, last, before, ""), nil
	}

	to, out, err := w.refine(ax, reach, a, b)
	if err != nil {
		return nil, nil, err
	}
	if w.careful {
		to, out, err = w.scan(ax, reach, to, out)
		if err != nil {
			return nil, nil, err
		}
	}
	return w.option(ax, to, out), nil, nil
}

// refine bisects [a, b] — a fails, b earns the target — to 1e-9 of the
// span, rounds up to the axis's decimals, verifies, and steps back by one
// unit of the last decimal while that still earns it. The value returned
// always earns the target.
func (w *whatIf) refine(ax *whatIfAxis, reach whatIfReach, a, b float64) (float64, whatIfOutcome, error) {
	tol := 1e-9 * ax.span
	var bOut whatIfOutcome
	for range 200 {
		if math.Abs(b-a) <= tol {
			break
		}
		mid := a + (b-a)/2
		if mid == a || mid == b {
			break
		}
		ok, out, err := reach(mid)
		if err != nil {
			return 0, whatIfOutcome{}, err
		}
		if ok {
			b, bOut = mid, out
		} else {
			a = mid
		}
	}
	if bOut.rr == nil {
		ok, out, err := reach(b)
		if err != nil {
			return 0, whatIfOutcome{}, err
		}
		if !ok { // cannot happen: b earned it when it was found
			return b, out, nil
		}
		bOut = out
	}
	k := whatIfGrid(b, ax.dec, ax.dir)
	grid := func(k float64) float64 { return k / math.Pow(10, float64(ax.dec)) }
	to, toOut := math.NaN(), whatIfOutcome{}
	for step := range 10 {
		x := grid(k + ax.dir*float64(step))
		ok, out, err := reach(x)
		if err != nil {
			return 0, whatIfOutcome{}, err
		}
		if ok {
			to, toOut, k = x, out, k+ax.dir*float64(step)
			break
		}
	}
	if math.IsNaN(to) {
		return b, bOut, nil
	}
	for range 10 {
		x := grid(k - ax.dir)
		if !whatIfBeyond(x, ax.start, ax.dir) {
			break
		}
		ok, out, err := reach(x)
		if err != nil {
			return 0, whatIfOutcome{}, err
		}
		if !ok {
			break
		}
		to, toOut, k = x, out, k-ax.dir
	}
	return to, toOut, nil
}

// whatIfGrid is x in units of 10^−dec, rounded up in direction dir (an
// integer-valued float64); values within 1e-6 of a unit count as on it.
func whatIfGrid(x float64, dec int, dir float64) float64 {
	p := math.Pow(10, float64(dec))
	y := x * p
	if r := math.Round(y); math.Abs(y-r) <= 1e-6 {
		return r
	}
	if dir > 0 {
		return math.Ceil(y)
	}
	return math.Floor(y)
}

// scan tries values between the start and to that the rating may jump at
// — each other region's value and one unit past it, the goalposts and the
// target — nearest first, and refines from the first that earns the
// target, so a non-monotone rating does not hide a smaller change.
func (w *whatIf) scan(ax *whatIfAxis, reach whatIfReach, to float64, toOut whatIfOutcome) (float64, whatIfOutcome, error) {
	p := math.Pow(10, float64(ax.dec))
	var cands []float64
	add := func(x float64) {
		if whatIfBeyond(x, ax.start, ax.dir) && whatIfBeyond(to, x, ax.dir) {
			cands = append(cands, x)
		}
	}
	for _, v := range append(slices.Clone(ax.others), ax.marks...) {
		add(v)
		add((whatIfGrid(v, ax.dec, ax.dir) + ax.dir) / p)
	}
	sort.Float64s(cands)
	cands = slices.Compact(cands)
	if ax.dir < 0 { // nearest the start first
		slices.Reverse(cands)
	}
	if len(cands) > w.o.MaxCandidates {
		cands = cands[:w.o.MaxCandidates]
	}
	prev := ax.start
	for _, c := range cands {
		ok, _, err := reach(c)
		if err != nil {
			return 0, whatIfOutcome{}, err
		}
		if !ok {
			prev = c
			continue
		}
		x, out, err := w.refine(ax, reach, prev, c)
		if err != nil {
			return 0, whatIfOutcome{}, err
		}
		if whatIfBeyond(to, x, ax.dir) {
			return x, out, nil
		}
		break
	}
	return to, toOut, nil
}

// option makes the option of the axis with value to.
func (w *whatIf) option(ax *whatIfAxis, to float64, out whatIfOutcome) *WhatIfOption {
	return &WhatIfOption{
		Indicator: ax.ind.ID, Unit: ax.ind.Unit, From: ax.cur, To: to, Change: to - ax.cur,
		Effort: ax.effort(to), Span: ax.span, Start: ax.start, Decimals: ax.dec,
		Reports: len(ax.others), FewReports: ax.few(),
		ScoreAfter: out.score(), StarsAfter: out.stars(),
	}
}

// few says whether fewer than WhatIfFewReports other regions report the
// indicator.
func (ax *whatIfAxis) few() bool { return len(ax.others) < WhatIfFewReports }

// unreachable says why the axis alone cannot earn the target: at is the
// farthest value tried with its outcome out; prev is the outcome of the
// value tried before, to tell a saturated indicator (the score stops
// rising) from one that is merely not enough.
func (w *whatIf) unreachable(ax *whatIfAxis, at float64, out, prev whatIfOutcome, why string) *WhatIfUnreachable {
	u := &WhatIfUnreachable{
		Indicator: ax.ind.ID, Unit: ax.ind.Unit, From: ax.cur, At: at, Bound: ax.bound && at == ax.limit,
		ScoreAt: out.score(), StarsAt: out.stars(), Weight: ax.weight, Cap: -1,
	}
	if why == "" && out.res != nil {
		for _, c := range out.res.Caps {
			if c.Region == w.code && c.From >= w.target {
				why, u.Cap, u.Dimension, u.CapMax = WhyCap, c.Cap, c.Dimension, c.To
				break
			}
		}
	}
	if why == "" {
		why = WhyLimit
		if s, p := out.score(), prev.score(); !math.IsNaN(s) && s == p && !u.Bound {
			why = WhyWeight
			if s <= w.baseRR.Score && w.baseRR.Rated {
				why = WhyMaxed
			}
		}
	}
	u.Why = why
	u.Reason = whatIfReason(w.def, u)
	return u
}

// whatIfReason words an unreachable indicator in English.
func whatIfReason(def *indicators.Definition, u *WhatIfUnreachable) string {
	at := strconv.FormatFloat(u.At, 'g', 10, 64)
	score := "unrated"
	if !math.IsNaN(u.ScoreAt) {
		score = "score " + strconv.FormatFloat(u.ScoreAt, 'f', -1, 64)
	}
	switch u.Why {
	case WhyFixed:
		return "not something the region can change (actionable = false in index.toml)"
	case WhyBest:
		return fmt.Sprintf("the value %s is already the best possible", at)
	case WhyCap:
		return fmt.Sprintf("a cap holds the rating at %d stars because dimension %s is %s", u.CapMax, u.Dimension, whatIfCapCondition(def, u.Cap))
	case WhyWeight:
		return fmt.Sprintf("the indicator's weight is too small (%.1f%% of the index): however far it improves, the region reaches only %d stars (%s)",
			100*u.Weight, u.StarsAt, score)
	case WhyMaxed:
		return fmt.Sprintf("the indicator already gives all it can (%s): a better value adds nothing to the score", score)
	}
	return fmt.Sprintf("even at %s the region reaches only %d stars (%s)", at, u.StarsAt, score)
}

// whatIfCapCondition words the condition of [[cap]] entry ci in English:
// "in the bottom quarter", "in the bottom 10%", "under 40".
func whatIfCapCondition(def *indicators.Definition, ci int) string {
	if ci < 0 || ci >= len(def.Caps) {
		return "weak"
	}
	c := def.Caps[ci]
	if c.Below != nil {
		return "under " + strconv.FormatFloat(*c.Below, 'f', -1, 64)
	}
	if c.BelowQuantile != nil {
		switch *c.BelowQuantile {
		case 0.25:
			return "in the bottom quarter"
		case 0.5:
			return "in the bottom half"
		}
		return "in the bottom " + strconv.FormatFloat(100**c.BelowQuantile, 'f', -1, 64) + "%"
	}
	return "weak"
}

// plan builds the cheapest combined plan: greedy steps, then trimmed,
// verified; a single option as cheap wins.
func (w *whatIf) plan(options []WhatIfOption) (*WhatIfPlan, error) {
	var single *WhatIfPlan
	if len(options) > 0 {
		op := options[0]
		single = &WhatIfPlan{
			Changes: []WhatIfChange{{Indicator: op.Indicator, Unit: op.Unit, From: op.From, To: op.To, Change: op.Change,
				Effort: op.Effort, Start: op.Start, Decimals: op.Decimals, Reports: op.Reports, FewReports: op.FewReports}},
			Effort:     op.Effort,
			ScoreAfter: op.ScoreAfter, StarsAfter: op.StarsAfter,
		}
	}
	budget := math.Inf(1)
	if single != nil {
		budget = single.Effort
	}
	vals, ok, err := w.greedy(budget)
	if err != nil {
		return nil, err
	}
	if !ok {
		return single, nil
	}
	vals, out, err := w.trim(vals)
	if err != nil {
		return nil, err
	}
	if out.stars() < w.target {
		return single, nil
	}
	p := &WhatIfPlan{ScoreAfter: out.score(), StarsAfter: out.stars()}
	for _, ax := range w.axes {
		v, changed := vals[ax.i]
		if !changed {
			continue
		}
		ch := WhatIfChange{Indicator: ax.ind.ID, Unit: ax.ind.Unit, From: ax.cur, To: v, Change: v - ax.cur,
			Effort: ax.effort(v), Start: ax.start, Decimals: ax.dec, Reports: len(ax.others), FewReports: ax.few()}
		p.Changes = append(p.Changes, ch)
		p.Effort += ch.Effort
	}
	if len(p.Changes) == 0 || single != nil && single.Effort <= p.Effort {
		return single, nil
	}
	return p, nil
}

// sets lays a plan's values out for eval, in indicator order.
func whatIfSets(vals map[int]float64) []whatIfSet {
	out := make([]whatIfSet, 0, len(vals))
	for i, v := range vals {
		out = append(out, whatIfSet{i, v})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].i < out[b].i })
	return out
}

// gainOf is what the greedy search maximises: the region's score, plus
// the scores of the dimensions that cap its rating; an unrated region
// counts as far below any score.
func (w *whatIf) gainOf(out whatIfOutcome) float64 {
	if out.rr == nil || !out.rr.Rated {
		return -1e300
	}
	g := out.rr.Score
	for _, c := range out.res.Caps {
		if c.Region != w.code {
			continue
		}
		if d, ok := w.def.Dimension(c.Dimension); ok {
			if n := out.rr.Dimensions[d.Index]; n != nil && !n.Missing {
				g += n.Score
			}
		}
	}
	return g
}

// greedy steps the indicator that gains most until the target is reached,
// the effort passes budget (a single change is cheaper) or nothing gains.
func (w *whatIf) greedy(budget float64) (map[int]float64, bool, error) {
	vals := map[int]float64{}
	cur := w.gainOf(whatIfOutcome{res: w.base, rr: w.baseRR})
	effort, mult := 0.0, 1.0
	for iter := 0; iter < 400; iter++ {
		type cand struct {
			i    int
			v    float64
			cost float64 // the step's effort
			gain float64
			out  whatIfOutcome
		}
		cands := make([]cand, 0, len(w.axes))
		for _, ax := range w.axes {
			if ax.fixed {
				continue
			}
			v, set := vals[ax.i]
			if !set {
				// Unchanged, or a missing value not yet reported: step
				// from where its effort is measured.
				v = ax.start
			}
			next := v + ax.dir*w.o.PlanStep*mult*ax.span
			if whatIfBeyond(next, ax.limit, ax.dir) {
				next = ax.limit
			}
			// A missing value may be reported at the limit itself (its
			// start, when that is a bound); anything else must move.
			if !whatIfBeyond(next, v, ax.dir) && (set || !math.IsNaN(ax.cur)) {
				continue
			}
			cands = append(cands, cand{i: ax.i, v: next, cost: ax.cost(v, next)})
		}
		if len(cands) == 0 {
			return vals, false, nil
		}
		var wg sync.WaitGroup
		errs := make([]error, len(cands))
		for k := range cands {
			wg.Add(1)
			go func() {
				defer wg.Done()
				e := <-w.pool
				defer func() { w.pool <- e }()
				trial := whatIfCopy(vals)
				trial[cands[k].i] = cands[k].v
				cands[k].out, errs[k] = e.eval(whatIfSets(trial)...)
				cands[k].gain = w.gainOf(cands[k].out) - cur
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return nil, false, err
			}
		}
		// Reaching the target beats any gain; otherwise the largest gain
		// for the effort of the step.
		reaches := func(c cand) bool { return c.out.stars() >= w.target }
		rate := func(c cand) float64 {
			if c.cost > 0 {
				return c.gain / c.cost
			}
			return math.Inf(1)
		}
		best := -1
		for k, c := range cands {
			if !(c.gain > 0 || reaches(c)) {
				continue
			}
			if b := cands[max(best, 0)]; best < 0 || reaches(c) != reaches(b) && reaches(c) || reaches(c) == reaches(b) && rate(c) > rate(b) {
				best = k
			}
		}
		if best < 0 {
			if mult >= 64 {
				return vals, false, nil
			}
			mult *= 2
			continue
		}
		c := cands[best]
		vals[c.i] = c.v
		cur = w.gainOf(c.out)
		effort += c.cost
		mult = 1
		if c.out.stars() >= w.target {
			return vals, true, nil
		}
		if effort > budget+2*c.cost {
			return vals, false, nil
		}
	}
	return vals, false, nil
}

func whatIfCopy(m map[int]float64) map[int]float64 {
	out := make(map[int]float64, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// trim drops each change the plan does not need (the largest first), then
// reduces each remaining one to the smallest value that, with the others,
// still earns the target. Every step is verified by scoring.
func (w *whatIf) trim(vals map[int]float64) (map[int]float64, whatIfOutcome, error) {
	e := <-w.pool
	defer func() { w.pool <- e }()
	effort := func(i int) float64 {
		return w.axes[i].effort(vals[i])
	}
	order := make([]int, 0, len(vals))
	for i := range vals {
		order = append(order, i)
	}
	sort.Slice(order, func(a, b int) bool {
		ea, eb := effort(order[a]), effort(order[b])
		if ea != eb {
			return ea > eb
		}
		return order[a] < order[b]
	})
	for _, i := range order {
		if len(vals) == 1 {
			break
		}
		trial := whatIfCopy(vals)
		delete(trial, i)
		out, err := e.eval(whatIfSets(trial)...)
		if err != nil {
			return nil, whatIfOutcome{}, err
		}
		if out.stars() >= w.target {
			vals = trial
		}
	}
	for _, i := range order {
		v, ok := vals[i]
		if !ok {
			continue
		}
		ax := w.axes[i]
		others := whatIfCopy(vals)
		delete(others, i)
		reach := w.reacher(e, ax, whatIfSets(others))
		if ok, _, err := reach(ax.start); err != nil {
			return nil, whatIfOutcome{}, err
		} else if ok {
			if math.IsNaN(ax.cur) {
				vals[i] = ax.start
			} else {
				delete(vals, i)
			}
			continue
		}
		to, _, err := w.refine(ax, reach, ax.start, v)
		if err != nil {
			return nil, whatIfOutcome{}, err
		}
		vals[i] = to
	}
	out, err := e.eval(whatIfSets(vals)...)
	return vals, out, err
}
