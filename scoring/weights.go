package scoring

import (
	"maps"
	"math"
	"slices"

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
// and child dimensions together. A node missing from raw counts as 0. When
// the raw weights of a group of siblings do not sum to a positive finite
// number, the group's weights are NaN: undefined, for the caller to reject,
// and a NaN-weighted subtree is never silently scored.
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
		sum := 0.0
		for _, in := range inds {
			sum += raw[in.ID]
		}
		for _, d := range dims {
			sum += raw[d.ID]
		}
		share := func(id string) float64 {
			if !(sum > 0) || math.IsInf(sum, 0) {
				return math.NaN()
			}
			return raw[id] / sum
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
