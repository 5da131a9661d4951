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
	{Name: "harmonic", Positive: true, Fn: rowwise(aggHarmonic)},
	{Name: "power", Positive: true, Fn: rowwiseP(aggPower)},
	{Name: "copeland", Fn: aggCopeland},
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

// aggHarmonic is the weighted harmonic mean Σw / Σ(w/x) = 1 / Σ(w/x)
// (weights already sum to 1): the least compensatory of the three classical
// means, pulled towards a region's weakest child. Values are divided by
// the smallest first and the result multiplied back, so w/x cannot
// overflow for tiny values. A value ≤ 0 gives NaN, as in aggGeometric.
func aggHarmonic(x, w []float64) float64 {
	m := x[0]
	for _, v := range x {
		if !(v > 0) {
			return math.NaN()
		}
		m = math.Min(m, v)
	}
	s := 0.0
	for j, v := range x {
		s += w[j] * m / v
	}
	return m / s
}

// aggPower is the generalised (power) mean (Σ w·x^p)^(1/p), p =
// AggregateParams.Power (weights already sum to 1): p = 1 is the arithmetic,
// p = −1 the harmonic mean, and p = 0, its limit, the geometric mean
// (taken for |p| ≤ powerGeometricBelow). Larger p compensates more. For
// |p| < 1 the sum is taken through expm1 and log1p so that the mean tends
// to the geometric mean as p → 0 instead of to the largest value. Values are divided by the largest (p > 0) or smallest
// (p < 0) value first and the result multiplied back, so every term is at
// most 1 and x^p cannot overflow for large |p|. A value ≤ 0 gives NaN: x^p
// is undefined or infinite there (callers reject it with NonPositive).
func aggPower(x, w []float64, p AggregateParams) float64 {
	if math.Abs(p.Power) <= powerGeometricBelow {
		return aggGeometric(x, w)
	}
	scale := x[0]
	for _, v := range x {
		if !(v > 0) {
			return math.NaN()
		}
		if (p.Power > 0) == (v > scale) {
			scale = v
		}
	}
	if math.Abs(p.Power) < 1 {
		// Σ w·(x/scale)^p is 1 + Σ w·expm1(p·ln(x/scale)) (Σ w = 1), its
		// log log1p of the second sum: the terms all have the sign of −1
		// after scaling, so the sum keeps its relative accuracy however
		// small p is, where Σ w·(x/scale)^p rounds to 1 and the mean to
		// the scale (the maximum) as p → 0.
		t := 0.0
		for j, v := range x {
			t += w[j] * math.Expm1(p.Power*math.Log(v/scale))
		}
		return scale * math.Exp(math.Log1p(t)/p.Power)
	}
	s := 0.0
	for j, v := range x {
		s += w[j] * math.Pow(v/scale, p.Power)
	}
	return scale * math.Pow(s, 1/p.Power)
}

// powerGeometricBelow is the |p| at or below which the power mean is the
// geometric mean, its limit: M_p = G·exp(p·σ²/2 + O(p²)), σ² the weighted
// variance of ln x, and for positive float64 values σ² < (ln(MaxFloat64 /
// SmallestNonzeroFloat64))²/4 ≈ 5.6·10^5, so for |p| ≤ 10^−18 the two differ
// by less than 3·10^−13 relative: the same at the 12 significant digits
// at which scores are compared (ScoreDigits). It also keeps p·ln x away
// from subnormal numbers.
const powerGeometricBelow = 1e-18

// copelandTieTol is the relative tolerance under which two outranking
// sums count as equal: they add the same weights in different groupings
// (0.1 + 0.2 against 0.3), so an exact comparison would turn ties into
// wins by a rounding residue.
const copelandTieTol = 1e-12

// aggCopeland is the Copeland outranking score (Handbook, non-compensatory
// multi-criteria aggregation). For each pair of regions a, b, m(a, b) is
// the sum of the weights of the children on which a beats b, ties counting
// half; score(a) = Σ_b [m(a,b) > m(b,a)] − [m(a,b) < m(b,a)], from −(n−1)
// to n−1, depending only on the order of values, never on their size.
//
// Missing values: a and b are compared only on the children both have,
// with those weights renormalised (this keeps m(a, b) + m(b, a) = 1; the
// comparison itself is unchanged by it); a pair with no child in common
// with positive weight counts 0 for both. A region with no present child
// of positive weight gets NaN, as in the row-wise methods, and counts 0
// for everyone else. Scores do not depend on the order of the rows. It
// panics when a row's length differs from len(w) (a programmer error).
func aggCopeland(X [][]float64, w []float64, _ AggregateParams) []float64 {
	out := make([]float64, len(X))
	for r, row := range X {
		if len(row) != len(w) {
			panic(fmt.Sprintf("scoring: row %d has %d values for %d weights", r, len(row), len(w)))
		}
		out[r] = math.NaN()
		for j, v := range row {
			if !math.IsNaN(v) && w[j] > 0 {
				out[r] = 0
				break
			}
		}
	}
	// Each pair once: whatever a gains, b loses.
	for a := range X {
		if math.IsNaN(out[a]) {
			continue
		}
		for b := a + 1; b < len(X); b++ {
			if math.IsNaN(out[b]) {
				continue
			}
			mab, mba, common := 0.0, 0.0, 0.0
			for j, wj := range w {
				xa, xb := X[a][j], X[b][j]
				if math.IsNaN(xa) || math.IsNaN(xb) || !(wj > 0) {
					continue
				}
				common += wj
				switch {
				case xa > xb:
					mab += wj
				case xa < xb:
					mba += wj
				default:
					mab += wj / 2
					mba += wj / 2
				}
			}
			if common == 0 {
				continue
			}
			mab, mba = mab/common, mba/common
			switch {
			case mab-mba > copelandTieTol:
				out[a]++
				out[b]--
			case mba-mab > copelandTieTol:
				out[a]--
				out[b]++
			}
		}
	}
	return out
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
