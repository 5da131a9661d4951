package scoring

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

// Aggregator is a registered aggregation method over the children of one
// node.
type Aggregator struct {
	Name string
	// Positive methods need every present value > 0; the caller checks with
	// NonPositive first so its error can name the region and indicator.
	Positive bool
	// Fn aggregates row by row: X[r] are region r's child values (NaN =
	// missing), w the children's weights (> 0). Missing children are skipped
	// and the weights renormalised over those present; a row with none
	// present gives NaN. Fn works on the whole matrix, not one row, so that
	// outranking methods (copeland) that compare regions fit the same slot.
	Fn func(X [][]float64, w []float64, p AggregateParams) []float64
}

// AggregateParams carries a method's parameters from [scoring].
type AggregateParams struct {
	// Power is the exponent of the generalised mean (scoring.power).
	Power float64
}

// aggregators is the registry: adding a method is one entry here.
var aggregators = registryByName([]Aggregator{
	{Name: "arithmetic", Fn: rowwise(aggArithmetic)},
	{Name: "geometric", Positive: true, Fn: rowwise(aggGeometric)},
}, func(a Aggregator) string { return a.Name })

// LookupAggregator returns the aggregator registered under name.
func LookupAggregator(name string) (Aggregator, bool) {
	a, ok := aggregators[name]
	return a, ok
}

// AggregatorNames returns the registered aggregator names, sorted.
func AggregatorNames() []string { return slices.Sorted(maps.Keys(aggregators)) }

// rowwise adapts a per-region method to Aggregator.Fn. For each row it
// drops the missing children, renormalises the weights of those present to
// sum to 1 and calls f with just those values and weights; a row with no
// present child (or only zero-weight ones) gives NaN without calling f. It
// panics when a row's length differs from len(w) (a programmer error).
func rowwise(f func(x, w []float64) float64) func(X [][]float64, w []float64, p AggregateParams) []float64 {
	return rowwiseP(func(x, w []float64, _ AggregateParams) float64 { return f(x, w) })
}

// rowwiseP is rowwise for methods with parameters.
func rowwiseP(f func(x, w []float64, p AggregateParams) float64) func(X [][]float64, w []float64, p AggregateParams) []float64 {
	return func(X [][]float64, w []float64, p AggregateParams) []float64 {
		out := make([]float64, len(X))
		xs := make([]float64, 0, len(w))
		ws := make([]float64, 0, len(w))
		for r, row := range X {
			if len(row) != len(w) {
				panic(fmt.Sprintf("scoring: row %d has %d values for %d weights", r, len(row), len(w)))
			}
			xs, ws = xs[:0], ws[:0]
			sum := 0.0
			for j, v := range row {
				if !math.IsNaN(v) {
					xs = append(xs, v)
					ws = append(ws, w[j])
					sum += w[j]
				}
			}
			if len(xs) == 0 || !(sum > 0) {
				out[r] = math.NaN()
				continue
			}
			for j := range ws {
				ws[j] /= sum
			}
			out[r] = f(xs, ws, p)
		}
		return out
	}
}

// aggArithmetic is the weighted mean Σ w·x (weights already sum to 1).
func aggArithmetic(x, w []float64) float64 {
	s := 0.0
	for j, v := range x {
		s += w[j] * v
	}
	return s
}

// aggGeometric is the weighted geometric mean Π x^w, computed as the
// exponential of the weighted mean of logs to avoid overflow and underflow
// of the product. A value ≤ 0 has no log: the row gives NaN rather than a
// silent 0 (callers reject such data beforehand with NonPositive).
func aggGeometric(x, w []float64) float64 {
	s := 0.0
	for j, v := range x {
		if !(v > 0) {
			return math.NaN()
		}
		s += w[j] * math.Log(v)
	}
	return math.Exp(s)
}

// NonPositive returns the first present (non-NaN) value ≤ 0 in row-major
// order, for the caller's error naming the region (row) and child (col);
// ok is false (and row, col are -1) when every present value is positive.
func NonPositive(X [][]float64) (row, col int, ok bool) {
	for r, xs := range X {
		for c, v := range xs {
			if v <= 0 {
				return r, c, true
			}
		}
	}
	return -1, -1, false
}
