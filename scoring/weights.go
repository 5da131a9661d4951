package scoring

import (
	"maps"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/govindex/govindex/indicators"
)

// WeightContext is what a weighting method may use.
type WeightContext struct {
	Def *indicators.Definition
	// Normalised is regions × indicators, in Def.Indicators order, as they
	// enter aggregation.
	Normalised [][]float64
	// Values is the same table before normalisation: after denomination,
	// imputation and treatment, with direction applied (a direction −1
	// indicator is negated), for data-driven methods (entropy, critic, pca)
	// that define their own scaling.
	Values [][]float64
}

// Weighting is a registered weighting method: Fn returns a raw (not yet
// normalised) weight for every dimension id and indicator id; TreeWeights
// turns them into weights within parents.
type Weighting struct {
	Name string
	Fn   func(ctx WeightContext) (map[string]float64, error)
}

// weightings is the registry: adding a method is one entry here.
var weightings = registryByName([]Weighting{
	{Name: "manual", Fn: weightsManual},
	{Name: "equal", Fn: weightsEqual},
	{Name: "entropy", Fn: weightsEntropy},
	{Name: "critic", Fn: weightsCritic},
	{Name: "pca", Fn: weightsPCA},
	{Name: "ahp", Fn: weightsAHP},
}, func(w Weighting) string { return w.Name })

// LookupWeighting returns the weighting registered under name.
func LookupWeighting(name string) (Weighting, bool) {
	w, ok := weightings[name]
	return w, ok
}

// WeightingNames returns the registered weighting names, sorted.
func WeightingNames() []string { return slices.Sorted(maps.Keys(weightings)) }

// weightsManual takes the weights as written in index.toml; they are
// relative within their parent, so only ratios among siblings matter.
func weightsManual(ctx WeightContext) (map[string]float64, error) {
	return treeRaw(ctx.Def, func(w float64) float64 { return w }), nil
}

// weightsEqual gives every node the same weight within its parent.
func weightsEqual(ctx WeightContext) (map[string]float64, error) {
	return treeRaw(ctx.Def, func(float64) float64 { return 1 }), nil
}

// Data-driven weights (entropy, critic, pca)
//
// These methods derive only the split of a node's child indicators from the
// data: every dimension keeps its configured weight (Dimension.Weight, as
// with manual), and so does the top level. For each node, the columns of
// its child indicators in WeightContext.Values (rated regions, after
// denomination, imputation and treatment, direction applied) go to a share
// function that returns weights summing to 1. A node whose only children
// are indicators gets exactly those shares as raw weights. A node with
// child dimensions as well keeps the configured balance between its
// indicators and its dimensions: the shares are multiplied by the sum of
// the indicators' configured weights, so that data redistribute weight
// among the indicators only.
//
// Missing values (NaN, and ±Inf, which no step should produce) are left out
// column by column, or pair by pair for correlations. A node with a single
// child indicator gives it the whole share (1).

// weightsEntropy is the entropy method. Each indicator column is rescaled
// by min-max to [0, 1] over its present values; with n the number of
// present values, p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln n) Σ_i p_ij ln p_ij
// (0·ln 0 = 0) and w_j = (1 − e_j) / Σ_k (1 − e_k) among the indicators of
// one node.
//
// Degenerate cases: a constant column (all present values equal, so
// Σ x = 0 after rescaling) or a column with n ≤ 1 carries no information:
// e_j = 1 and weight 0. When every indicator of a node gets 0 (all
// constant, or a single rated region), the node falls back to equal
// weights among its indicators.
func weightsEntropy(ctx WeightContext) (map[string]float64, error) {
	return weightsFromData(ctx, entropyShares), nil
}

// weightsCritic is CRITIC (Diakoulaki et al. 1995): on the same [0, 1]
// columns as entropy, C_j = sd_j · Σ_k (1 − r_jk) over the other
// indicators k of the node, with the sample sd (n − 1) of the present
// values and Pearson's r on the rows where both are present
// (pairwise-complete); w_j = C_j / Σ_k C_k.
//
// Degenerate cases: a column with fewer than 2 present values, or a
// constant one, has sd 0 and so weight 0. A correlation that is undefined
// (fewer than 2 rows with both values, or a column constant on those rows)
// contributes nothing to the sum: there is no evidence of conflict. When
// every C_j is 0 (e.g. all columns constant, a single rated region, or two
// perfectly correlated indicators) the node falls back to equal weights
// among its indicators.
func weightsCritic(ctx WeightContext) (map[string]float64, error) {
	return weightsFromData(ctx, criticShares), nil
}

// weightsPCA weights the indicators of a node by the squared loadings of
// the first principal component of their correlation matrix (Pearson,
// pairwise-complete), normalised to sum to 1. The squared entries of the
// unit eigenvector are used, so the arbitrary sign of the component does
// not matter; the eigenvector comes from gonum's mat.EigenSym.
//
// Degenerate cases: an indicator with fewer than 2 present values, or a
// constant one, has no correlations: it gets weight 0 and is left out of
// the matrix (one usable indicator left takes the whole weight; none left:
// equal weights). A correlation that is undefined between two usable
// indicators (fewer than 2 rows with both, or constant on them) counts as
// 0. When the largest eigenvalue is repeated (for instance all indicators
// uncorrelated), the first component is not unique: the weights are then
// the diagonal of the projector onto its eigenspace divided by its
// dimension, which does not depend on the basis LAPACK picks (equal
// weights when all indicators are uncorrelated). Two usable indicators
// always get 0.5 each, whatever their correlation.
func weightsPCA(ctx WeightContext) (map[string]float64, error) {
	return weightsFromData(ctx, pcaShares), nil
}

// weightsFromData gives every node its configured weight and splits each
// node's child indicators by share (see the section comment above).
func weightsFromData(ctx WeightContext, share func(cols [][]float64) []float64) map[string]float64 {
	def := ctx.Def
	raw := treeRaw(def, func(w float64) float64 { return w })
	parents := make([]string, 0, len(def.Dimensions)+1)
	parents = append(parents, "")
	for _, d := range def.Dimensions {
		parents = append(parents, d.ID)
	}
	hasChildDims := make(map[string]bool, len(def.Dimensions))
	for _, d := range def.Dimensions {
		hasChildDims[d.Parent] = true
	}
	for _, p := range parents {
		inds := def.ChildIndicators(p)
		if len(inds) == 0 {
			continue
		}
		var w []float64
		if len(inds) == 1 {
			w = []float64{1}
		} else {
			cols := make([][]float64, len(inds))
			for j, in := range inds {
				cols[j] = weightColumn(ctx.Values, in.Index)
			}
			w = share(cols)
		}
		scale := 1.0
		if hasChildDims[p] {
			scale = 0
			for _, in := range inds {
				scale += in.Weight
			}
		}
		for j, in := range inds {
			raw[in.ID] = w[j] * scale
		}
	}
	return raw
}

// weightColumn copies column i of X, with ±Inf turned into NaN (missing).
func weightColumn(X [][]float64, i int) []float64 {
	out := make([]float64, len(X))
	for k, row := range X {
		v := math.NaN()
		if i < len(row) && !math.IsInf(row[i], 0) {
			v = row[i]
		}
		out[k] = v
	}
	return out
}

// weightUnitScale rescales the present values of x by min-max to [0, 1], keeping
// NaN. n is the number of present values; constant reports that they are
// all equal (then every present value becomes 0), as is a column with
// fewer than 2 present values.
func weightUnitScale(x []float64) (u []float64, n int, constant bool) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if !math.IsNaN(v) {
			n++
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	u = make([]float64, len(x))
	constant = !(hi > lo)
	for k, v := range x {
		switch {
		case math.IsNaN(v):
			u[k] = v
		case constant:
			u[k] = 0
		default:
			u[k] = (v - lo) / (hi - lo)
		}
	}
	return u, n, constant
}

// weightShares normalises non-negative scores to sum to 1, or gives equal
// shares when they sum to nothing (or are not finite).
func weightShares(c []float64) []float64 {
	sum := 0.0
	for _, v := range c {
		sum += v
	}
	out := make([]float64, len(c))
	for j, v := range c {
		if sum > 0 && !math.IsInf(sum, 0) {
			out[j] = v / sum
		} else {
			out[j] = 1 / float64(len(c))
		}
	}
	return out
}

// entropyShares is the entropy method on one node's columns.
func entropyShares(cols [][]float64) []float64 {
	div := make([]float64, len(cols)) // 1 − e_j, the degree of diversification
	for j, c := range cols {
		u, n, constant := weightUnitScale(c)
		if n <= 1 || constant {
			continue // e_j = 1
		}
		sum := 0.0
		for _, v := range u {
			if !math.IsNaN(v) {
				sum += v
			}
		}
		h := 0.0
		for _, v := range u {
			if v > 0 { // NaN and 0 (0·ln 0 = 0) drop out
				p := v / sum
				h -= p * math.Log(p)
			}
		}
		div[j] = math.Max(0, 1-h/math.Log(float64(n)))
	}
	return weightShares(div)
}

// criticShares is CRITIC on one node's columns.
func criticShares(cols [][]float64) []float64 {
	units := make([][]float64, len(cols))
	sd := make([]float64, len(cols))
	for j, c := range cols {
		u, n, constant := weightUnitScale(c)
		units[j] = u
		if n >= 2 && !constant {
			sd[j] = stat.StdDev(presentValues(u), nil)
		}
	}
	score := make([]float64, len(cols))
	for j := range cols {
		if sd[j] == 0 {
			continue
		}
		conflict := 0.0
		for k := range cols {
			if k == j {
				continue
			}
			if r, ok := weightCorrelation(units[j], units[k]); ok {
				conflict += 1 - r
			}
		}
		score[j] = sd[j] * conflict
	}
	return weightShares(score)
}

// pcaShares is the first-principal-component method on one node's columns.
func pcaShares(cols [][]float64) []float64 {
	var usable []int
	for j, c := range cols {
		if _, n, constant := weightUnitScale(c); n >= 2 && !constant {
			usable = append(usable, j)
		}
	}
	out := make([]float64, len(cols))
	switch len(usable) {
	case 0:
		return weightShares(out)
	case 1:
		out[usable[0]] = 1
		return out
	}
	m := len(usable)
	R := mat.NewSymDense(m, nil)
	for a := range m {
		R.SetSym(a, a, 1)
		for b := a + 1; b < m; b++ {
			if r, ok := weightCorrelation(cols[usable[a]], cols[usable[b]]); ok {
				R.SetSym(a, b, r)
			}
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(R, true) {
		for _, j := range usable {
			out[j] = 1
		}
		return weightShares(out)
	}
	vals := eig.Values(nil) // ascending
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	top := vals[m-1]
	tol := 1e-9 * math.Max(1, math.Abs(top))
	for e := m - 1; e >= 0 && vals[e] >= top-tol; e-- {
		for a, j := range usable {
			v := vecs.At(a, e)
			out[j] += v * v
		}
	}
	return weightShares(out)
}

// weightCorrelation is Pearson's r of x and y on the rows where both are
// present, clamped to [−1, 1]; ok is false when it is undefined: fewer
// than 2 such rows, or x or y constant on them.
func weightCorrelation(x, y []float64) (r float64, ok bool) {
	var a, b []float64
	for k := range x {
		if !math.IsNaN(x[k]) && !math.IsNaN(y[k]) {
			a, b = append(a, x[k]), append(b, y[k])
		}
	}
	if len(a) < 2 || weightConstant(a) || weightConstant(b) {
		return 0, false
	}
	r = stat.Correlation(a, b, nil)
	if math.IsNaN(r) {
		return 0, false
	}
	return math.Max(-1, math.Min(1, r)), true
}

// weightConstant reports whether all values of x (at least one) are equal.
func weightConstant(x []float64) bool {
	for _, v := range x[1:] {
		if v != x[0] {
			return false
		}
	}
	return true
}

// treeRaw maps every dimension and indicator id to f of its written weight.
func treeRaw(def *indicators.Definition, f func(written float64) float64) map[string]float64 {
	raw := make(map[string]float64, len(def.Dimensions)+len(def.Indicators))
	for _, d := range def.Dimensions {
		raw[d.ID] = f(d.Weight)
	}
	for _, in := range def.Indicators {
		raw[in.ID] = f(in.Weight)
	}
	return raw
}

// TreeWeights normalises raw weights among siblings to sum to 1 and
// computes effective weights (the product of the weights down the path
// from the index).
//
// Siblings are all the children of one node: the top-level dimensions (and
// any indicator without a dimension), or a dimension's child indicators
// and child dimensions together. A node missing from raw counts as 0.
// Weights whose sum overflows are divided by the largest first, so any
// finite positive weights work. When the raw weights of a group of
// siblings do not sum to a positive finite number even so, the group's
// weights are NaN: undefined, for the caller to reject, and a NaN-weighted
// subtree is never silently scored.
//
// Rows are in tree order, depth first from the index: at each node its
// child indicators first, then its child dimensions, each in declaration
// order, every dimension's row followed at once by its subtree. Dimensions
// not reachable from the index (a broken parent chain) are left out.
func TreeWeights(def *indicators.Definition, raw map[string]float64) []WeightRow {
	rows := make([]WeightRow, 0, len(def.Dimensions)+len(def.Indicators))
	seen := make(map[string]bool, len(def.Dimensions))
	var walk func(parent string, eff float64)
	walk = func(parent string, eff float64) {
		inds := def.ChildIndicators(parent)
		dims := def.ChildDimensions(parent)
		sum, top := 0.0, 0.0
		for _, in := range inds {
			sum += raw[in.ID]
			top = math.Max(top, raw[in.ID])
		}
		for _, d := range dims {
			sum += raw[d.ID]
			top = math.Max(top, raw[d.ID])
		}
		// Weights are relative: when their sum overflows (weight = 1e308
		// on every sibling), they are divided by the largest first.
		scale := 1.0
		if math.IsInf(sum, 0) && top > 0 && !math.IsInf(top, 0) {
			scale, sum = top, 0
			for _, in := range inds {
				sum += raw[in.ID] / top
			}
			for _, d := range dims {
				sum += raw[d.ID] / top
			}
		}
		share := func(id string) float64 {
			if !(sum > 0) || math.IsInf(sum, 0) {
				return math.NaN()
			}
			return raw[id] / scale / sum
		}
		for _, in := range inds {
			w := share(in.ID)
			rows = append(rows, WeightRow{ID: in.ID, Parent: parent, Kind: "indicator", Weight: w, Effective: eff * w})
		}
		for _, d := range dims {
			if seen[d.ID] { // a parent cycle: the loader reports it
				continue
			}
			seen[d.ID] = true
			w := share(d.ID)
			rows = append(rows, WeightRow{ID: d.ID, Parent: parent, Kind: "dimension", Weight: w, Effective: eff * w})
			walk(d.ID, eff*w)
		}
	}
	walk("", 1)
	return rows
}
