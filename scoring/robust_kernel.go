package scoring

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/govindex/govindex/indicators"
)

// The engine of Robust: everything that does not change between samples
// is prepared once in an rbPlan (for each imputation alternative the
// imputed and treated values, for each normalisation alternative the
// normalised columns and their logarithms, the weights, the framework tree
// as flat index arrays); a sample only draws weight factors, choices and an
// exclusion mask, and each worker owns its buffers, so the loop over
// samples allocates nothing for the arithmetic and geometric means and the
// thresholds and quantiles star rules (the other aggregations and star
// rules call the registered functions, which allocate).
//
// Aggregation runs node by node, column-wise: a node's score for every
// region is Σ_j (w_j / Σw)·x_j over its children, added in the nominal
// run's order (child indicators, then child dimensions, each in
// declaration order), so that a sample with the nominal draw reproduces the
// nominal scores exactly; up to eight columns are added in one pass over
// the regions. Rows with a missing child are recomputed the nominal way
// (weights renormalised over the children present): the plan groups them
// by the child indicators they miss (patterns) and packs their values row
// by row, so that a pattern's weights are renormalised once and its rows
// read in order. Geometric nodes add precomputed logarithms; a geometric
// node over a geometric child uses the child's log-score directly instead
// of log(exp(·)), which can differ from the nominal run in the last bit.
//
// Ranking (robust_rank.go) sorts the scores by a two-digit radix sort on
// bucket numbers (where a score falls between the smallest and the
// largest), then by the scores' keys among the few that share a bucket.
// A geometric index without rounding is ranked from its log-scores, which
// spares an exponential per region and sample; its ranks and stars are
// still exactly those of the scores (rankByLogs). Threshold stars are
// given walking up the sorted scores. Each worker counts the ranks in an
// n × n histogram (robust_hist.go) of 16-bit counts, batch by batch.

// rbMethod is how a node aggregates in a sample.
type rbMethod struct {
	kind int // rbArith, rbGeom or rbGeneric
	agg  Aggregator
}

const (
	rbArith = iota
	rbGeom
	rbGeneric
)

// rbNode is a dimension (or the index, dim −1) with its children.
type rbNode struct {
	dim        int
	inds       []int32 // child indicators, declaration order
	kids       []int32 // child dimensions as node indexes, declaration order
	nominalAgg string
	parent     int32 // node index; −1 for the index
	capped     bool  // a [[cap]] reads its scores
}

// rbData is the values of one (imputation, normalisation) pair.
type rbData struct {
	norm       string
	vals       []float64 // normalised, column-major: vals[i*n+k]
	logs       []float64 // log of vals where positive, NaN elsewhere; nil when unused
	nonpos     []bool    // indicator i has a present value ≤ 0 (in any pooled year)
	wInd, wDim []float64 // nominal weights within parent
	incomplete [][]int32 // per node: rows missing a value of a child indicator
	// patterns[node] groups the incomplete rows by which child indicators
	// they miss (nil for a node of more than 64 indicators: every row is
	// then recomputed on its own).
	patterns [][]rbPattern
}

// rbPattern is the rows that miss the same child indicators of a node:
// bit t of missing is set when nd.inds[t] is missing.
//
// present lists the positions t (in nd.inds) of the indicators the rows
// have, and vals (logs) their values (logarithms; nil when unused), row
// by row: vals[r*len(present)+q] is row rows[r]'s value of indicator
// nd.inds[present[q]]. A node's patterns share their arrays, one after
// the other: recomputing its incomplete rows reads them in order rather
// than picking values from all over the columns.
type rbPattern struct {
	missing    uint64
	rows       []int32
	present    []int32
	vals, logs []float64
}

// rbPlan is the prepared analysis.
type rbPlan struct {
	def           *indicators.Definition
	cfg           RobustConfig
	n, nInd, nDim int
	regions       []*indicators.Region // rated rows
	reportOrder   []int                // rated rows in the nominal's order
	nomRank       []int32
	nomStars      []int
	data          []rbData // [a*len(cfg.Normalise)+b]
	nodes         []rbNode // post-order: children before parents, the index last
	root          int
	methods       []rbMethod // [g*len(nodes)+node]
	round         bool
	decimals      int
	scale         float64
	dense         bool
	starKind      int // rbStarsThresholds, rbStarsQuantiles, rbStarsOther
	starRule      StarRule
	classes       int // star classes (histogram width − 1)
	quantK        int
	capNodes      [][]int32 // per [[cap]]: the nodes it reads
	maxKids       int
	// logRank is set when a geometric index can be ranked and rated from
	// its logarithms (rankByLogs): no rounding, threshold or quantile
	// stars. logThresholds are the logarithms of the thresholds.
	logRank       bool
	logThresholds []float64
	// thKeys are the star thresholds at ScoreDigits significant digits
	// (scoreKey), against which the scores' keys are compared.
	thKeys []float64
	// ascending is set when the star thresholds are strictly ascending,
	// as Check makes sure (starsInOrder relies on it).
	ascending bool
}

const (
	rbStarsThresholds = iota
	rbStarsQuantiles
	rbStarsOther
)

// newRobustPlan prepares the analysis of m against its nominal result.
func newRobustPlan(def *indicators.Definition, m *indicators.Matrix, nominal *Result, cfg RobustConfig) (*rbPlan, error) {
	sc := def.Scoring
	p := &rbPlan{def: def, cfg: cfg, nInd: len(def.Indicators), nDim: len(def.Dimensions)}

	// Rated rows, their nominal ranks and stars.
	byRegion := make(map[*indicators.Region]*RegionResult, len(nominal.Regions))
	for _, rr := range nominal.Regions {
		byRegion[rr.Region] = rr
	}
	var rated []int
	row := map[*indicators.Region]int{}
	for r, reg := range m.Regions {
		if rr := byRegion[reg]; rr != nil && rr.Rated {
			row[reg] = len(rated)
			rated = append(rated, r)
			p.regions = append(p.regions, reg)
			p.nomRank = append(p.nomRank, int32(rr.Rank))
			p.nomStars = append(p.nomStars, rr.Stars)
		}
	}
	for _, rr := range nominal.Regions {
		if rr.Rated {
			p.reportOrder = append(p.reportOrder, row[rr.Region])
		}
	}
	n := len(rated)
	p.n = n

	// Ranking and stars.
	if sc.Round != nil {
		p.round, p.decimals = true, *sc.Round
		p.scale = math.Pow(10, float64(p.decimals))
	}
	p.dense = sc.Ties == "dense"
	p.starRule, _ = LookupStarRule(def.Stars.Method)
	switch def.Stars.Method {
	case "thresholds":
		p.starKind = rbStarsThresholds
	case "quantiles":
		p.starKind = rbStarsQuantiles
		p.quantK = def.Stars.Classes
		if p.quantK == 0 {
			p.quantK = defaultClasses
		}
	default:
		p.starKind = rbStarsOther
	}
	p.classes = def.Stars.NumClasses()
	if p.classes <= 0 {
		p.classes = defaultClasses
	}
	if p.starKind == rbStarsQuantiles {
		p.classes = max(p.classes, p.quantK)
	}
	for _, s := range p.nomStars {
		p.classes = max(p.classes, s)
	}
	p.logRank = !p.round && (p.starKind == rbStarsThresholds || p.starKind == rbStarsQuantiles)
	if p.starKind == rbStarsThresholds {
		th := def.Stars.Thresholds
		p.thKeys = scoreKeys(th)
		p.ascending = !slices.ContainsFunc(th, math.IsNaN)
		for j := 1; j < len(th); j++ {
			p.ascending = p.ascending && th[j] > th[j-1]
		}
		for _, t := range th {
			lt := math.Inf(-1) // every score is above a threshold ≤ 0
			if t > 0 {
				lt = math.Log(t)
			}
			p.logThresholds = append(p.logThresholds, lt)
		}
	}

	// The tree, in post-order as Score visits it.
	nodeOf := make(map[string]int32, p.nDim)
	seen := map[string]bool{}
	var visit func(id string) int32
	visit = func(id string) int32 {
		nd := rbNode{dim: -1, nominalAgg: sc.Aggregate}
		if id != "" {
			d, _ := def.Dimension(id)
			nd.dim = d.Index
			nd.nominalAgg = aggregatorOf(def, id)
			for _, ind := range def.ChildIndicators(id) {
				nd.inds = append(nd.inds, int32(ind.Index))
			}
		}
		for _, c := range def.ChildDimensions(id) {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			nd.kids = append(nd.kids, visit(c.ID))
		}
		idx := int32(len(p.nodes))
		for _, k := range nd.kids {
			p.nodes[k].parent = idx
		}
		p.nodes = append(p.nodes, nd)
		if id != "" {
			nodeOf[id] = idx
		}
		return idx
	}
	p.root = int(visit(""))
	p.nodes[p.root].parent = -1
	for _, nd := range p.nodes {
		p.maxKids = max(p.maxKids, len(nd.inds)+len(nd.kids))
	}
	for _, c := range def.Caps {
		var ids []int32
		if c.Dimension == "" {
			for _, d := range def.ChildDimensions("") {
				ids = append(ids, nodeOf[d.ID])
			}
		} else if ni, ok := nodeOf[c.Dimension]; ok {
			ids = append(ids, ni)
		}
		for _, ni := range ids {
			p.nodes[ni].capped = true
		}
		p.capNodes = append(p.capNodes, ids)
	}

	// Aggregation methods per alternative and node.
	needLog := false
	for _, name := range cfg.Aggregate {
		for _, nd := range p.nodes {
			if cfg.NominalAggregate {
				name = nd.nominalAgg
			}
			a, _ := LookupAggregator(name)
			kind := rbGeneric
			switch name {
			case "arithmetic":
				kind = rbArith
			case "geometric":
				kind = rbGeom
				needLog = true
			}
			p.methods = append(p.methods, rbMethod{kind: kind, agg: a})
		}
	}

	// Values per imputation and normalisation alternative.
	if n == 0 {
		return p, nil
	}
	ratedRegions := p.regions
	// Pooled years: as in Score, the other years' rated rows are stacked
	// under this year's for imputation, treatment, normalisation and
	// data-driven weights; the samples aggregate, rank and rate this
	// year's rows. Star classes fitted on the stack would need the other
	// years' scores in every sample, so only thresholds are supported.
	pool := pooled(def, m)
	if err := checkPooledStars(def, m); err != nil {
		return nil, err
	}
	ref := -1
	if sc.Reference != "" {
		ref = findRegion(ratedRegions, sc.Reference)
	}
	wf, _ := LookupWeighting(sc.Weights)
	for _, impName := range cfg.Impute {
		pos := imputePos(def, true)
		X, _, err := prepareValues(def, m, rated, impName, pos)
		if err != nil {
			return nil, err
		}
		if pool {
			oX, _, err := otherYears(def, m, impName, pos)
			if err != nil {
				return nil, err
			}
			X = append(X, oX...)
		}
		nAll := len(X)

		// Treatment and direction: dcols[i] is indicator i's column.
		dcols, D, _ := treatColumns(def, X)
		for _, normName := range cfg.Normalise {
			for i, ind := range def.Indicators {
				name := normName
				if ind.Normalise != "" {
					name = ind.Normalise
				}
				if err := checkColumn(def, i, name, dcols[i], ref, stackLabel(ratedRegions), m.Year); err != nil {
					return nil, err
				}
			}
			d := rbData{norm: normName, vals: make([]float64, p.nInd*n), nonpos: make([]bool, p.nInd)}
			N := make([][]float64, nAll)
			for k := range N {
				N[k] = make([]float64, p.nInd)
			}
			for i, out := range rbNormalise(def, normName, ref, dcols) {
				name := normName
				if def.Indicators[i].Normalise != "" {
					name = def.Indicators[i].Normalise
				}
				if err := checkNormalised(def, i, name, out, stackLabel(ratedRegions), m.Year); err != nil {
					return nil, err
				}
				copy(d.vals[i*n:(i+1)*n], out[:n])
				for k, v := range out {
					N[k][i] = v
					if v <= 0 {
						d.nonpos[i] = true
					}
				}
			}
			raw, err := wf.Fn(WeightContext{Def: def, Normalised: N, Values: D})
			if err != nil {
				return nil, err
			}
			within := map[string]float64{}
			for _, w := range TreeWeights(def, raw) {
				within[w.ID] = w.Weight
			}
			d.wInd = make([]float64, p.nInd)
			for i, ind := range def.Indicators {
				d.wInd[i] = within[ind.ID]
			}
			d.wDim = make([]float64, p.nDim)
			for j, dim := range def.Dimensions {
				d.wDim[j] = within[dim.ID]
			}
			if needLog {
				d.logs = make([]float64, len(d.vals))
				for x, v := range d.vals {
					if v > 0 {
						d.logs[x] = math.Log(v)
					} else {
						d.logs[x] = math.NaN()
					}
				}
			}
			d.incomplete = make([][]int32, len(p.nodes))
			d.patterns = make([][]rbPattern, len(p.nodes))
			for ni, nd := range p.nodes {
				at := map[uint64]int{}
				for k := range n {
					var missing uint64
					any := false
					for t, i := range nd.inds {
						if math.IsNaN(d.vals[int(i)*n+k]) {
							any = true
							if t < 64 {
								missing |= 1 << t
							}
						}
					}
					if !any {
						continue
					}
					d.incomplete[ni] = append(d.incomplete[ni], int32(k))
					if len(nd.inds) <= 64 {
						x, ok := at[missing]
						if !ok {
							x = len(d.patterns[ni])
							at[missing] = x
							d.patterns[ni] = append(d.patterns[ni], rbPattern{missing: missing})
						}
						d.patterns[ni][x].rows = append(d.patterns[ni][x].rows, int32(k))
					}
				}
				rbPackPatterns(d, nd, d.patterns[ni], n)
			}
			p.data = append(p.data, d)
		}
	}
	return p, nil
}

// rbNormalise normalises the indicators' columns (dcols[i], treated and
// signed by direction) with normName, or an indicator's own method, as
// Score does; the columns are shared out among GOMAXPROCS goroutines.
func rbNormalise(def *indicators.Definition, normName string, ref int, dcols [][]float64) [][]float64 {
	outs := make([][]float64, len(def.Indicators))
	one := func(i int) {
		ind := def.Indicators[i]
		name := normName
		if ind.Normalise != "" {
			name = ind.Normalise
		}
		norm, _ := LookupNormaliser(name)
		outs[i] = norm.Fn(dcols[i], normaliseParams(def, ind, ref))
	}
	workers := min(runtime.GOMAXPROCS(0), len(outs))
	if workers <= 1 {
		for i := range outs {
			one(i)
		}
		return outs
	}
	panics := make([]any, workers)
	var wg sync.WaitGroup
	for g := range workers {
		wg.Go(func() {
			defer func() { panics[g] = recover() }()
			for i := g; i < len(outs); i += workers {
				one(i)
			}
		})
	}
	wg.Wait()
	for _, v := range panics {
		if v != nil {
			panic(v) // in the caller's goroutine, as without the workers
		}
	}
	return outs
}

// rbPackPatterns fills in the present indicators and the values of a
// node's patterns (rows known), in arrays they share.
func rbPackPatterns(d rbData, nd rbNode, pats []rbPattern, n int) {
	nRows, nPresent, nVals := 0, 0, 0
	for _, pat := range pats {
		m := len(nd.inds) - bits.OnesCount64(pat.missing)
		nRows += len(pat.rows)
		nPresent += m
		nVals += m * len(pat.rows)
	}
	rows := make([]int32, 0, nRows)
	present := make([]int32, 0, nPresent)
	vals := make([]float64, 0, nVals)
	var logs []float64
	if d.logs != nil {
		logs = make([]float64, 0, nVals)
	}
	for x := range pats {
		pat := &pats[x]
		r0, p0, v0 := len(rows), len(present), len(vals)
		rows = append(rows, pat.rows...)
		for t := range nd.inds {
			if pat.missing&(1<<t) == 0 {
				present = append(present, int32(t))
			}
		}
		pat.rows, pat.present = rows[r0:len(rows):len(rows)], present[p0:len(present):len(present)]
		for _, k := range pat.rows {
			for _, t := range pat.present {
				at := int(nd.inds[t])*n + int(k)
				vals = append(vals, d.vals[at])
				if logs != nil {
					logs = append(logs, d.logs[at])
				}
			}
		}
		pat.vals = vals[v0:len(vals):len(vals)]
		if logs != nil {
			pat.logs = logs[v0:len(logs):len(logs)]
		}
	}
}

// rbGroup is one sensitivity input group and its Sobol columns.
type rbGroup struct {
	name        string
	first, cols int
	alts        int
}

// sensitivityGroups lists the groups that vary, with their columns.
func (p *rbPlan) sensitivityGroups() []rbGroup {
	var out []rbGroup
	next := 0
	addGroup := func(name string, cols, alts int) {
		out = append(out, rbGroup{name: name, first: next, cols: cols, alts: alts})
		next += cols
	}
	for _, name := range p.cfg.Inputs() {
		switch name {
		case InputWeights:
			addGroup(name, p.nInd+p.nDim, 0)
		case InputNormalise:
			addGroup(name, 1, len(p.cfg.Normalise))
		case InputAggregate:
			addGroup(name, 1, len(p.cfg.Aggregate))
		case InputImpute:
			addGroup(name, 1, len(p.cfg.Impute))
		case InputExclude:
			addGroup(name, p.nInd, 0)
		}
	}
	return out
}

// rbWorker is one goroutine's buffers and tallies.
type rbWorker struct {
	p   *rbPlan
	pcg *rand.PCG
	rng *rand.Rand

	// The draw.
	a, b, g    int
	fInd, fDim []float64
	uExcl      []float64
	excl       []bool

	// Node scores: val is the score, lg its logarithm (geometric nodes).
	val, lg   [][]float64
	needVal   []bool
	nanRows   [][]int32
	stamp     []uint32
	epoch     uint32
	tmp       []float64
	cbuf, cs  []float64
	pws       []float64
	ppos, at  []int32
	xcols     [][]float64
	xrows     [][]float64
	xbuf      []float64
	wbuf      []float64
	score     []float64
	keys      []uint64
	sorted    []rbOrd
	sorter    rbSorter
	above     []int32 // rankByCounting's counts
	below     []int32
	rank      []int32
	stars     []int
	capVals   [][]float64 // per node that a cap reads: rounded scores
	capSorted [][]float64

	// Failure of the last evaluation.
	reason   string
	positive bool

	// Monte Carlo tallies.
	hist       *rbHist
	starHist   []int32 // starHist[k*(classes+1)+stars]
	shift      int64
	valid      int
	failed     int
	firstFail  int
	failReason string
	failPos    bool
}

func (p *rbPlan) newWorker(tally bool) *rbWorker {
	n, nn := p.n, len(p.nodes)
	w := &rbWorker{p: p, pcg: rand.NewPCG(0, 0), firstFail: math.MaxInt}
	w.rng = rand.New(w.pcg)
	w.fInd, w.fDim = make([]float64, p.nInd), make([]float64, p.nDim)
	w.uExcl, w.excl = make([]float64, p.nInd), make([]bool, p.nInd)
	w.val, w.lg = make([][]float64, nn), make([][]float64, nn)
	w.needVal, w.nanRows = make([]bool, nn), make([][]int32, nn)
	w.capVals, w.capSorted = make([][]float64, nn), make([][]float64, nn)
	for i, nd := range p.nodes {
		w.val[i], w.lg[i] = make([]float64, n), make([]float64, n)
		w.nanRows[i] = make([]int32, 0, n)
		if nd.capped {
			w.capVals[i], w.capSorted[i] = make([]float64, n), make([]float64, 0, n)
		}
	}
	w.stamp, w.tmp = make([]uint32, n), make([]float64, (p.maxKids+1)*n)
	w.cbuf, w.cs, w.xcols = make([]float64, 0, p.maxKids), make([]float64, p.maxKids), make([][]float64, 0, p.maxKids)
	w.pws = make([]float64, 0, p.maxKids)
	w.ppos, w.at = make([]int32, 0, p.maxKids), make([]int32, p.maxKids)
	w.score, w.keys, w.sorted = make([]float64, n), make([]uint64, n), make([]rbOrd, n)
	w.sorter.reserve(n)
	w.rank, w.stars = make([]int32, n), make([]int, n)
	w.wbuf = make([]float64, 0, p.maxKids)
	if p.round {
		w.above, w.below = make([]int32, rbCountFactor*n+1024), make([]int32, rbCountFactor*n+1024)
	}
	if tally {
		w.hist = newRBHist(n, p.cfg.Samples)
		w.starHist = make([]int32, n*(p.classes+1))
	}
	return w
}

// rbMix is splitmix64's finaliser: it spreads consecutive sample numbers
// over the PCG's stream space.
func rbMix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// rbRand is the generator of stream i of seed.
func rbRand(seed, i uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, rbMix(i))) }

// pick maps u ∈ [0, 1) to one of m alternatives.
func pick(u float64, m int) int { return min(int(u*float64(m)), m-1) }

// drawRandom makes sample i's draw from its own generator.
func (w *rbWorker) drawRandom(i uint64) {
	cfg := &w.p.cfg
	w.pcg.Seed(uint64(cfg.Seed), rbMix(i))
	lo, span := 1-cfg.Noise, 2*cfg.Noise
	for i := range w.fInd {
		w.fInd[i] = lo + span*w.rng.Float64()
	}
	for j := range w.fDim {
		w.fDim[j] = lo + span*w.rng.Float64()
	}
	w.b = pick(w.rng.Float64(), len(cfg.Normalise))
	w.g = pick(w.rng.Float64(), len(cfg.Aggregate))
	w.a = pick(w.rng.Float64(), len(cfg.Impute))
	for i := range w.uExcl {
		w.uExcl[i] = w.rng.Float64()
		w.excl[i] = w.uExcl[i] < cfg.Exclude
	}
	w.keepOne()
}

// drawColumns makes the draw of one row of the Saltelli design: inputs of
// the groups from their columns, the others at their nominal values.
func (w *rbWorker) drawColumns(groups []rbGroup, cols []float64) {
	cfg := &w.p.cfg
	for i := range w.fInd {
		w.fInd[i] = 1
	}
	for j := range w.fDim {
		w.fDim[j] = 1
	}
	w.a, w.b, w.g = 0, 0, 0
	for i := range w.excl {
		w.uExcl[i], w.excl[i] = 1, false
	}
	lo, span := 1-cfg.Noise, 2*cfg.Noise
	for _, gr := range groups {
		c := cols[gr.first : gr.first+gr.cols]
		switch gr.name {
		case InputWeights:
			for i := range w.fInd {
				w.fInd[i] = lo + span*c[i]
			}
			for j := range w.fDim {
				w.fDim[j] = lo + span*c[len(w.fInd)+j]
			}
		case InputNormalise:
			w.b = pick(c[0], gr.alts)
		case InputAggregate:
			w.g = pick(c[0], gr.alts)
		case InputImpute:
			w.a = pick(c[0], gr.alts)
		case InputExclude:
			for i := range w.excl {
				w.uExcl[i] = c[i]
				w.excl[i] = c[i] < cfg.Exclude
			}
		}
	}
	w.keepOne()
}

// keepOne keeps, in every dimension whose indicators were all drawn for
// dropping, the one with the largest draw.
func (w *rbWorker) keepOne() {
	for _, nd := range w.p.nodes {
		if len(nd.inds) == 0 || slices.ContainsFunc(nd.inds, func(i int32) bool { return !w.excl[i] }) {
			continue
		}
		best := nd.inds[0]
		for _, i := range nd.inds[1:] {
			if w.uExcl[i] > w.uExcl[best] {
				best = i
			}
		}
		w.excl[best] = false
	}
}

// sample evaluates the current draw as Monte Carlo sample i and tallies it.
func (w *rbWorker) sample(i int) {
	if !w.evaluate() {
		w.failed++
		if i < w.firstFail {
			w.firstFail, w.failReason, w.failPos = i, w.reason, w.positive
		}
		return
	}
	w.valid++
	p := w.p
	n, width := p.n, p.classes+1
	w.hist.record(w.rank)
	for k := range n {
		r := w.rank[k]
		w.starHist[k*width+w.stars[k]]++
		d := int64(r - p.nomRank[k])
		if d < 0 {
			d = -d
		}
		w.shift += d
	}
}

// flush counts the ranks waiting in the histogram's batch.
func (w *rbWorker) flush() { w.hist.flush() }

// sumShift is Σ_k |rank − nominal rank| of the last evaluation.
func (w *rbWorker) sumShift() int64 {
	var s int64
	for k, r := range w.rank {
		d := int64(r - w.p.nomRank[k])
		if d < 0 {
			d = -d
		}
		s += d
	}
	return s
}

// method is node ni's aggregation in the current draw.
func (w *rbWorker) method(ni int) rbMethod { return w.p.methods[w.g*len(w.p.nodes)+ni] }

// fail records why the evaluation failed and returns false.
func (w *rbWorker) fail(positive bool, format string, args ...any) bool {
	w.reason, w.positive = fmt.Sprintf(format, args...), positive
	return false
}

// evaluate rebuilds, ranks and rates the index for the current draw into
// rank and stars; false when the draw fails (reason says why).
func (w *rbWorker) evaluate() bool {
	p := w.p
	d := &p.data[w.a*len(p.cfg.Normalise)+w.b]
	for ni, nd := range p.nodes {
		m := w.method(ni)
		if m.agg.Positive {
			for _, i := range nd.inds {
				if !w.excl[i] && d.nonpos[i] {
					return w.fail(true, "the %s mean needs positive values, but indicator %q has a value ≤ 0 after %s normalisation",
						m.agg.Name, p.def.Indicators[i].ID, d.norm)
				}
			}
		}
		w.needVal[ni] = ni == p.root || nd.capped || m.kind != rbGeom ||
			(nd.parent >= 0 && w.method(int(nd.parent)).kind != rbGeom)
	}
	logs := p.logRank && w.method(p.root).kind == rbGeom
	if logs {
		w.needVal[p.root] = false
	}
	zero := p.def.Scoring.MissingDimension == "zero"
	for ni := range p.nodes {
		if !w.node(ni, d) || zero && !w.zeroRows(ni) {
			return false
		}
	}
	if logs {
		if ok, done := w.rankByLogs(); done {
			return ok
		}
		// Scores out of the range rankByLogs takes: from the scores.
		v := w.val[p.root]
		for k, s := range w.lg[p.root] {
			v[k] = math.Exp(s)
		}
	}

	// Round, key and rank the index scores.
	idx := w.val[p.root]
	intKeys := p.round
	keys, score := w.keys[:len(idx)], w.score[:len(idx)]
	// Scores are ranked and rated by their keys at ScoreDigits significant
	// digits (scoreKey), as Score does; a rounded score with an integer key
	// has at most 12 digits and is its own key.
	for k, x := range idx {
		if x != x { // NaN
			return w.fail(false, "region %s has no score: its values are missing on every indicator kept", regionLabel(p.regions[k]))
		}
		if x-x != 0 { // ±Inf
			return w.fail(false, "the score of region %s overflows the floating-point range", regionLabel(p.regions[k]))
		}
		if x == 0 {
			x = 0 // −0
		}
		if p.round {
			var ok bool
			x, keys[k], ok = p.roundKey(x)
			intKeys = intKeys && ok
		} else {
			x = scoreKey(x)
			keys[k] = floatKey(x)
		}
		score[k] = x
	}
	if !intKeys && p.round {
		for k, x := range w.score {
			x = scoreKey(x)
			w.score[k], w.keys[k] = x, floatKey(x)
		}
	}
	var sorted []rbOrd
	if !intKeys || !w.rankByCounting() {
		sorted = w.rankBySorting(w.score)
	}
	switch p.starKind {
	case rbStarsThresholds:
		if sorted != nil && p.ascending {
			th := p.thKeys
			w.starsInOrder(sorted, func(k, j int) bool { return w.score[k] >= th[j] })
			break
		}
		th := p.thKeys
		for k, s := range w.score {
			c := 1
			for _, t := range th {
				above := 0 // without a branch: which way it goes is anybody's guess
				if s >= t {
					above = 1
				}
				c += above
			}
			w.stars[k] = c
		}
	case rbStarsOther:
		st, err := p.starRule.Fn(w.score, p.def.Stars)
		if err != nil {
			return w.fail(false, "%v", err)
		}
		copy(w.stars, st)
	}
	if len(p.capNodes) > 0 {
		w.applyCaps()
	}
	return true
}

// rankBySorting ranks the keys of the sample by sorting them: competition
// ranks are 1 + the number of keys above, dense ranks 1 + the number of
// distinct keys above; quantile stars are floor(p·k/n) + 1, p the number
// of keys below.
func (w *rbWorker) rankBySorting(vals []float64) []rbOrd {
	sorted := w.sorter.sort(w.keys, vals, w.sorted)
	w.rankSorted(sorted)
	return sorted
}

// starsInOrder gives the threshold stars of the rows in the order of their
// scores, ascending (sorted), as one plus the number of thresholds at or
// below each: it moves up the (strictly ascending) thresholds as the
// scores rise. reached(k, j) tells whether row k's score is at or above
// threshold j.
func (w *rbWorker) starsInOrder(sorted []rbOrd, reached func(k, j int) bool) {
	nt := len(w.p.def.Stars.Thresholds)
	j := 0
	for _, o := range sorted {
		for j < nt && reached(int(o.idx), j) {
			j++
		}
		w.stars[o.idx] = 1 + j
	}
}

// rankSorted ranks the rows in the order of their keys, numbered by
// distinct key (rbOrd; equal numbers are ties).
func (w *rbWorker) rankSorted(sorted []rbOrd) {
	p := w.p
	n := p.n
	last, distinct := n-1, int32(1)
	for i := n - 1; i >= 0; i-- {
		if i < n-1 && sorted[i].q != sorted[i+1].q {
			last = i
			distinct++
		}
		r := int32(n - last)
		if p.dense {
			r = distinct
		}
		w.rank[sorted[i].idx] = r
	}
	if p.starKind == rbStarsQuantiles {
		first := 0
		for i := range n {
			if i > 0 && sorted[i].q != sorted[i-1].q {
				first = i
			}
			w.stars[sorted[i].idx] = first*p.quantK/n + 1
		}
	}
}

// rankByCounting ranks integer keys (rounded scores) that lie within a
// range of at most rbCountFactor·n values without sorting: it counts the
// keys at each value and sums the counts from the top. It returns false,
// doing nothing, when the range is wider.
func (w *rbWorker) rankByCounting() bool {
	p := w.p
	lo, hi := w.keys[0], w.keys[0]
	for _, k := range w.keys {
		lo, hi = min(lo, k), max(hi, k)
	}
	span := hi - lo
	if span >= uint64(len(w.above)) {
		return false
	}
	m := int(span) + 1
	above, below := w.above[:m], w.below[:m]
	clear(above)
	for _, k := range w.keys {
		above[k-lo]++
	}
	// above[v]: the keys above value v (competition) or the distinct
	// values above it (dense); below[v]: the keys below it.
	greater, distinct := int32(0), int32(0)
	switch {
	case p.starKind == rbStarsQuantiles:
		for v := m - 1; v >= 0; v-- {
			c := above[v]
			above[v] = greater
			if p.dense {
				above[v] = distinct
			}
			below[v] = int32(p.n) - greater - c
			greater += c
			if c > 0 {
				distinct++
			}
		}
	case p.dense:
		for v := m - 1; v >= 0; v-- {
			c := above[v]
			above[v] = distinct
			if c > 0 {
				distinct++
			}
		}
	default:
		for v := m - 1; v >= 0; v-- {
			c := above[v]
			above[v] = greater
			greater += c
		}
	}
	for k, key := range w.keys {
		w.rank[k] = above[key-lo] + 1
	}
	if p.starKind == rbStarsQuantiles {
		for k, key := range w.keys {
			w.stars[k] = int(below[key-lo])*p.quantK/p.n + 1
		}
	}
	return true
}

// rbCountFactor bounds the range of rounded scores that rankByCounting
// handles, as a multiple of the number of regions.
const rbCountFactor = 8

// node aggregates node ni for every region.
func (w *rbWorker) node(ni int, d *rbData) bool {
	p := w.p
	nd := &p.nodes[ni]
	m := w.method(ni)
	n := p.n
	w.nanRows[ni] = w.nanRows[ni][:0]

	// The weights of the children in this draw, and their sum.
	sum := 0.0
	for _, i := range nd.inds {
		if !w.excl[i] {
			sum += d.wInd[i] * w.fInd[i]
		}
	}
	for _, c := range nd.kids {
		dj := p.nodes[c].dim
		sum += d.wDim[dj] * w.fDim[dj]
	}

	if m.kind == rbGeneric {
		return w.nodeGeneric(ni, d, m)
	}
	geo := m.kind == rbGeom
	out := w.val[ni]
	if geo {
		out = w.lg[ni]
	}
	// cw: the children's weights in this draw; xs: their values (logs for
	// a geometric node); cs: the weights over their sum.
	cw, xs := w.cbuf[:0], w.xcols[:0]
	for _, i := range nd.inds {
		if w.excl[i] {
			continue
		}
		cw = append(cw, d.wInd[i]*w.fInd[i])
		if geo {
			xs = append(xs, d.logs[int(i)*n:(int(i)+1)*n])
		} else {
			xs = append(xs, d.vals[int(i)*n:(int(i)+1)*n])
		}
	}
	for _, kid := range nd.kids {
		dj := p.nodes[kid].dim
		x, ok := w.kidValues(int(kid), geo, m.agg.Name, len(xs))
		if !ok {
			return false
		}
		cw = append(cw, d.wDim[dj]*w.fDim[dj])
		xs = append(xs, x)
	}
	if len(xs) == 0 || !(sum > 0) { // no child, or no weight: no score
		for k := range out {
			out[k] = math.NaN()
			w.val[ni][k] = math.NaN()
			w.nanRows[ni] = append(w.nanRows[ni], int32(k))
		}
		return true
	}
	cs := w.cs[:len(cw)]
	for j, c := range cw {
		cs[j] = c / sum
	}
	rbWeightedSum(out, cs, xs)

	// Rows missing a child: the nominal way, over the children present.
	// Rows that miss the same child indicators share their weights.
	w.epoch++
	if pats := d.patterns[ni]; len(nd.inds) <= 64 {
		at := w.at[:len(nd.inds)]
		j := int32(0)
		for t, i := range nd.inds {
			at[t] = -1
			if !w.excl[i] {
				at[t] = j
				j++
			}
		}
		for x := range pats {
			w.fixPattern(ni, nd, &pats[x], cw, xs, at, geo, out)
		}
	} else {
		for _, k := range d.incomplete[ni] {
			if w.stamp[k] != w.epoch {
				w.stamp[k] = w.epoch
				w.fixRow(ni, int(k), cw, xs, out)
			}
		}
	}
	// Rows missing a child dimension (recomputed whole).
	for _, kid := range nd.kids {
		for _, k := range w.nanRows[kid] {
			if w.stamp[k] != w.epoch {
				w.stamp[k] = w.epoch
				w.fixRow(ni, int(k), cw, xs, out)
			}
		}
	}
	if geo && w.needVal[ni] {
		v := w.val[ni]
		for k, s := range out {
			v[k] = math.Exp(s)
		}
	}
	return true
}

// kidValues returns a child node's scores, as logarithms when log is set
// (in the slot-th temporary column); false (the draw fails) when a log is
// asked of a score ≤ 0.
func (w *rbWorker) kidValues(kid int, log bool, method string, slot int) ([]float64, bool) {
	if !log {
		return w.val[kid], true
	}
	if w.method(kid).kind == rbGeom {
		return w.lg[kid], true
	}
	n := w.p.n
	if len(w.tmp) < (slot+1)*n {
		w.tmp = make([]float64, (w.p.maxKids+1)*n)
	}
	tmp := w.tmp[slot*n : (slot+1)*n]
	for k, v := range w.val[kid] {
		if v <= 0 {
			return nil, w.fail(true, "the %s mean needs positive values, but region %s scores %g on %q",
				method, regionLabel(w.p.regions[k]), v, w.p.def.Dimensions[w.p.nodes[kid].dim].ID)
		}
		tmp[k] = math.Log(v)
	}
	return tmp, true
}

// fixPattern recomputes the rows of one pattern of missing child
// indicators as fixRow does, the weights renormalised once for all of
// them. cw and xs are the children in this draw: the indicators not
// excluded, then the child dimensions (taken as present: rows where one is
// missing go through fixRow afterwards); at[t] is the place in cw of
// nd.inds[t] (−1: excluded).
func (w *rbWorker) fixPattern(ni int, nd *rbNode, pat *rbPattern, cw []float64, xs [][]float64, at []int32, geo bool, out []float64) {
	src := pat.vals
	if geo {
		src = pat.logs
	}
	m := len(pat.present)
	// ws: the weights of the children present, indicators (the pos-th
	// values of a row of src) then child dimensions, added up in that
	// order.
	ws, pos := w.pws[:cap(w.pws)], w.ppos[:cap(w.ppos)]
	nq, sum := 0, 0.0
	for q, t := range pat.present {
		if j := at[t]; j >= 0 {
			c := cw[j]
			ws[nq], pos[nq] = c, int32(q)
			sum += c
			nq++
		}
	}
	kids := xs[len(xs)-len(nd.kids):]
	for e := range kids {
		c := cw[len(xs)-len(kids)+e]
		ws[nq+e] = c
		sum += c
	}
	ws, pos = ws[:nq+len(kids)], pos[:nq]
	if len(ws) == 0 || !(sum > 0) {
		for _, k := range pat.rows {
			out[k] = math.NaN()
			w.nanRows[ni] = append(w.nanRows[ni], k)
		}
		return
	}
	for q, c := range ws {
		ws[q] = c / sum
	}
	wInd, wKid := ws[:nq], ws[nq:]
	if nq == m && len(kids) == 0 {
		rbRowSums(out, pat.rows, src, wInd)
		return
	}
	for r, k := range pat.rows {
		row := src[r*m : (r+1)*m]
		s := 0.0
		for q, c := range wInd {
			s += c * row[pos[q]]
		}
		for e, c := range wKid {
			s += c * kids[e][k]
		}
		out[k] = s
	}
}

// rbRowSums sets out[rows[r]] = Σ_q c[q]·src[r·len(c)+q], adding from 0 in
// the order of q as fixRow does, four rows at a time (their sums are
// independent, so the processor need not wait for one to add the next).
func rbRowSums(out []float64, rows []int32, src []float64, c []float64) {
	m := len(c)
	r := 0
	for ; r+4 <= len(rows); r += 4 {
		a := src[r*m : (r+1)*m][:m]
		b := src[(r+1)*m : (r+2)*m][:m]
		d := src[(r+2)*m : (r+3)*m][:m]
		e := src[(r+3)*m : (r+4)*m][:m]
		s0, s1, s2, s3 := 0.0, 0.0, 0.0, 0.0
		for q, cq := range c {
			s0 += cq * a[q]
			s1 += cq * b[q]
			s2 += cq * d[q]
			s3 += cq * e[q]
		}
		out[rows[r]], out[rows[r+1]], out[rows[r+2]], out[rows[r+3]] = s0, s1, s2, s3
	}
	for ; r < len(rows); r++ {
		a := src[r*m : (r+1)*m][:m]
		s := 0.0
		for q, cq := range c {
			s += cq * a[q]
		}
		out[rows[r]] = s
	}
}

// fixRow recomputes row k of node ni over the children present (x[j][k]
// not NaN), their weights cw renormalised over them, exactly as the
// registered aggregators do: Σ_j (cw[j] / Σ cw)·x[j][k].
func (w *rbWorker) fixRow(ni, k int, cw []float64, xs [][]float64, out []float64) {
	sum := 0.0
	for j, x := range xs {
		if v := x[k]; v == v {
			sum += cw[j]
		}
	}
	if !(sum > 0) {
		out[k] = math.NaN()
		w.nanRows[ni] = append(w.nanRows[ni], int32(k))
		return
	}
	s := 0.0
	for j, x := range xs {
		if v := x[k]; v == v {
			s += cw[j] / sum * v
		}
	}
	out[k] = s
}

// nodeGeneric aggregates node ni with a registered aggregator that has no
// fast path here (harmonic, power, copeland): it allocates.
func (w *rbWorker) nodeGeneric(ni int, d *rbData, m rbMethod) bool {
	p := w.p
	nd := &p.nodes[ni]
	n := p.n
	w.wbuf = w.wbuf[:0]
	var cols [][]float64
	var names []string
	for _, i := range nd.inds {
		if !w.excl[i] {
			cols = append(cols, d.vals[int(i)*n:(int(i)+1)*n])
			names = append(names, p.def.Indicators[i].ID)
			w.wbuf = append(w.wbuf, d.wInd[i]*w.fInd[i])
		}
	}
	for _, kid := range nd.kids {
		dj := p.nodes[kid].dim
		cols = append(cols, w.val[kid])
		names = append(names, p.def.Dimensions[dj].ID)
		w.wbuf = append(w.wbuf, d.wDim[dj]*w.fDim[dj])
	}
	c := len(cols)
	if len(w.xbuf) < n*c {
		w.xbuf = make([]float64, n*p.maxKids)
		w.xrows = make([][]float64, n)
	}
	for k := range n {
		row := w.xbuf[k*c : (k+1)*c]
		for j, col := range cols {
			row[j] = col[k]
		}
		w.xrows[k] = row
	}
	if m.agg.Positive {
		if k, j, found := NonPositive(w.xrows[:n]); found {
			return w.fail(true, "the %s mean needs positive values, but region %s has %g on %q",
				m.agg.Name, regionLabel(p.regions[k]), w.xrows[k][j], names[j])
		}
	}
	out := m.agg.Fn(w.xrows[:n], w.wbuf, AggregateParams{Power: p.def.Scoring.Power})
	copy(w.val[ni], out)
	for k, v := range out {
		if math.IsNaN(v) {
			w.nanRows[ni] = append(w.nanRows[ni], int32(k))
		}
	}
	return true
}

// applyCaps lowers stars as applyCaps does for the nominal run, on the
// sample's (rounded) dimension scores.
func (w *rbWorker) applyCaps() {
	p := w.p
	for ni, nd := range p.nodes {
		if !nd.capped {
			continue
		}
		vals, sorted := w.capVals[ni], w.capSorted[ni][:0]
		for k, v := range w.val[ni] {
			if p.round && !math.IsNaN(v) {
				v, _, _ = p.roundKey(v)
			}
			v = scoreKey(v)
			vals[k] = v
			if !math.IsNaN(v) {
				sorted = append(sorted, v)
			}
		}
		slices.Sort(sorted)
		w.capSorted[ni] = sorted
	}
	for ci, c := range p.def.Caps {
		for k := range w.stars {
			if w.stars[k] <= c.Max {
				continue
			}
			for _, ni := range p.capNodes[ci] {
				if w.weak(c, int(ni), k) {
					w.stars[k] = c.Max
					break
				}
			}
		}
	}
}

// weak is weak() on the sample's scores of node ni.
func (w *rbWorker) weak(c *indicators.CapSpec, ni, k int) bool {
	s := w.capVals[ni][k]
	if math.IsNaN(s) {
		return false
	}
	if c.Below != nil {
		return s < scoreKey(*c.Below)
	}
	sorted := w.capSorted[ni]
	below, _ := slices.BinarySearch(sorted, s)
	above := len(sorted) - upperBound(sorted, s)
	return above > 0 && float64(below+1) <= *c.BelowQuantile*float64(len(sorted))
}

// roundKey rounds x as RoundTo(x, decimals) does and returns it with an
// order-preserving integer key, the rounded value times 10^decimals; ok is
// false when that integer is out of reach (decimals outside 0..15, or
// |x·10^decimals| ≥ 10^15), and the caller keys every score by floatKey
// instead. The fast path rounds x·10^d in binary; it is taken only when
// x·10^d is not within a rounding error of a half, where the two could
// differ, so the value is always RoundTo's.
func (p *rbPlan) roundKey(x float64) (v float64, key uint64, ok bool) {
	if p.decimals < 0 || p.decimals > 15 {
		return RoundTo(x, p.decimals), 0, false
	}
	y := x * p.scale
	a := math.Abs(y)
	if a >= 1e15 {
		return RoundTo(x, p.decimals), 0, false
	}
	t := y + 0.5
	r := math.Floor(t)
	f := t - r
	if eps := 1e-9 + a*1e-13; !(f > eps && f < 1-eps) || a >= 1e12 {
		v = RoundTo(x, p.decimals)
		r = math.Round(v * p.scale)
	} else {
		v = r / p.scale
	}
	if r == 0 {
		r, v = 0, 0 // never −0
	}
	return v, uint64(int64(r)) ^ 1<<63, true
}

// floatKey maps a float64 (not NaN) to a uint64 with the same order.
func floatKey(x float64) uint64 {
	b := math.Float64bits(x)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// rbWeightedSum sets y[k] = Σ_j c[j]·x[j][k], adding the terms in the
// order of j from 0 as the registered aggregators do (the first term is
// c[0]·x[0][k], then each next one is added), up to eight columns per pass
// over y.
func rbWeightedSum(y []float64, c []float64, x [][]float64) {
	set := true
	for len(c) > 0 {
		switch {
		case len(c) >= 8:
			rbAcc8(y, set, (*[8]float64)(c), (*[8][]float64)(x))
			c, x = c[8:], x[8:]
		case len(c) >= 6:
			rbAcc6(y, set, (*[6]float64)(c), (*[6][]float64)(x))
			c, x = c[6:], x[6:]
		case len(c) >= 4:
			rbAcc4(y, set, c[0], c[1], c[2], c[3], x[0], x[1], x[2], x[3])
			c, x = c[4:], x[4:]
		case len(c) >= 2:
			rbAcc2(y, set, c[0], c[1], x[0], x[1])
			c, x = c[2:], x[2:]
		default:
			rbAcc1(y, set, c[0], x[0])
			c, x = c[1:], x[1:]
		}
		set = false
	}
}

func rbAcc6(y []float64, set bool, c *[6]float64, x *[6][]float64) {
	c0, c1, c2, c3, c4, c5 := c[0], c[1], c[2], c[3], c[4], c[5]
	x0, x1, x2 := x[0][:len(y)], x[1][:len(y)], x[2][:len(y)]
	x3, x4, x5 := x[3][:len(y)], x[4][:len(y)], x[5][:len(y)]
	if set {
		for k := range y {
			s := c0 * x0[k]
			s += c1 * x1[k]
			s += c2 * x2[k]
			s += c3 * x3[k]
			s += c4 * x4[k]
			s += c5 * x5[k]
			y[k] = s
		}
		return
	}
	for k := range y {
		s := y[k]
		s += c0 * x0[k]
		s += c1 * x1[k]
		s += c2 * x2[k]
		s += c3 * x3[k]
		s += c4 * x4[k]
		s += c5 * x5[k]
		y[k] = s
	}
}

func rbAcc4(y []float64, set bool, c0, c1, c2, c3 float64, x0, x1, x2, x3 []float64) {
	x0, x1, x2, x3 = x0[:len(y)], x1[:len(y)], x2[:len(y)], x3[:len(y)]
	if set {
		for k := range y {
			s := c0 * x0[k]
			s += c1 * x1[k]
			s += c2 * x2[k]
			s += c3 * x3[k]
			y[k] = s
		}
		return
	}
	for k := range y {
		s := y[k]
		s += c0 * x0[k]
		s += c1 * x1[k]
		s += c2 * x2[k]
		s += c3 * x3[k]
		y[k] = s
	}
}

func rbAcc2(y []float64, set bool, c0, c1 float64, x0, x1 []float64) {
	x0, x1 = x0[:len(y)], x1[:len(y)]
	if set {
		for k := range y {
			s := c0 * x0[k]
			s += c1 * x1[k]
			y[k] = s
		}
		return
	}
	for k := range y {
		s := y[k]
		s += c0 * x0[k]
		s += c1 * x1[k]
		y[k] = s
	}
}

func rbAcc1(y []float64, set bool, c0 float64, x0 []float64) {
	x0 = x0[:len(y)]
	if set {
		for k := range y {
			y[k] = c0 * x0[k]
		}
		return
	}
	for k := range y {
		y[k] += c0 * x0[k]
	}
}

func rbAcc8(y []float64, set bool, c *[8]float64, x *[8][]float64) {
	c0, c1, c2, c3, c4, c5, c6, c7 := c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]
	x0, x1, x2, x3 := x[0][:len(y)], x[1][:len(y)], x[2][:len(y)], x[3][:len(y)]
	x4, x5, x6, x7 := x[4][:len(y)], x[5][:len(y)], x[6][:len(y)], x[7][:len(y)]
	if set {
		for k := range y {
			s := c0 * x0[k]
			s += c1 * x1[k]
			s += c2 * x2[k]
			s += c3 * x3[k]
			s += c4 * x4[k]
			s += c5 * x5[k]
			s += c6 * x6[k]
			s += c7 * x7[k]
			y[k] = s
		}
		return
	}
	for k := range y {
		s := y[k]
		s += c0 * x0[k]
		s += c1 * x1[k]
		s += c2 * x2[k]
		s += c3 * x3[k]
		s += c4 * x4[k]
		s += c5 * x5[k]
		s += c6 * x6[k]
		s += c7 * x7[k]
		y[k] = s
	}
}
