package scoring

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// NormaliseParams is what a normaliser may need besides the column.
type NormaliseParams struct {
	// Range is the output range [lo, hi] of bounded methods.
	Range [2]float64
	// Goalposts is [lo, hi] for goalposts, lo < hi, in the same
	// (direction-adjusted) units as the column: for a direction −1
	// indicator the caller passes [−hi, −lo].
	Goalposts []float64
	// Target is the target value for dist2target, in the same
	// (direction-adjusted) units as the column: for a direction −1
	// indicator the caller passes −target.
	Target *float64
	// Ref is the row of the reference region for dist2ref among the rows
	// of the column, -1 if none.
	Ref int
}

// Normaliser is a registered normalisation method.
type Normaliser struct {
	Name string
	// Bounded methods map into NormaliseParams.Range.
	Bounded bool
	// Needs names what the config must provide beyond the column: "",
	// "goalposts", "target" or "reference". The caller validates it before
	// calling Fn; Fn panics on a missing requirement (a programmer error),
	// except that dist2ref gives all NaN when Ref is -1, since the
	// reference's value may be missing on a single indicator anyway.
	Needs string
	// Fn normalises one column. x is already direction-adjusted; Fn returns
	// a new slice and never changes x; NaN in gives NaN out.
	Fn func(x []float64, p NormaliseParams) []float64
}

// normalisers is the registry: adding a method is one entry here.
var normalisers = registryByName([]Normaliser{
	{Name: "minmax", Bounded: true, Fn: normMinMax},
	{Name: "zscore", Fn: normZScore},
	{Name: "rank", Fn: normRank},
	{Name: "prank", Bounded: true, Fn: normPRank},
	{Name: "borda", Fn: normBorda},
	{Name: "goalposts", Bounded: true, Needs: "goalposts", Fn: normGoalposts},
	{Name: "dist2max", Bounded: true, Fn: normDist2Max},
	{Name: "dist2ref", Needs: "reference", Fn: normDist2Ref},
	{Name: "dist2target", Bounded: true, Needs: "target", Fn: normDist2Target},
	{Name: "fracmax", Bounded: true, Fn: normFracMax},
	{Name: "none", Fn: normNone},
}, func(n Normaliser) string { return n.Name })

// LookupNormaliser returns the normaliser registered under name.
func LookupNormaliser(name string) (Normaliser, bool) {
	n, ok := normalisers[name]
	return n, ok
}

// NormaliserNames returns the registered normaliser names, sorted.
func NormaliserNames() []string { return slices.Sorted(maps.Keys(normalisers)) }

// registryByName indexes a registry list by name; a duplicate name is a
// programmer error caught at start-up.
func registryByName[T any](list []T, name func(T) string) map[string]T {
	m := make(map[string]T, len(list))
	for _, x := range list {
		if _, dup := m[name(x)]; dup {
			panic(fmt.Sprintf("scoring: method %q registered twice", name(x)))
		}
		m[name(x)] = x
	}
	return m
}

// presentValues returns the non-NaN values of x.
func presentValues(x []float64) []float64 {
	out := make([]float64, 0, len(x))
	for _, v := range x {
		if !math.IsNaN(v) {
			out = append(out, v)
		}
	}
	return out
}

// allNaN returns a slice of n NaNs.
func allNaN(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

// mapPresent applies f to every present value of x, keeping NaN as NaN.
func mapPresent(x []float64, f func(float64) float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		if math.IsNaN(v) {
			out[i] = v
		} else {
			out[i] = f(v)
		}
	}
	return out
}

// presentExtent returns the minimum and maximum of the present values; ok is false
// when none is present.
func presentExtent(x []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if math.IsNaN(v) {
			continue
		}
		ok = true
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi, ok
}

// rangeMidpoint is what bounded methods give a column that carries no
// information (one value, or all values equal): every region sits in the
// middle of the range rather than arbitrarily at the top or the bottom.
func rangeMidpoint(r [2]float64) float64 { return (r[0] + r[1]) / 2 }

// scaleIntoRange maps t ∈ [0, 1] into the range r. A range too wide for
// hi − lo to be a float64 (range = [-1e308, 1e308]) is interpolated as
// lo·(1 − t) + hi·t instead. The result is kept within [lo, hi], which
// lo + t·(hi − lo) can leave by a rounding error when lo and hi differ
// much in size.
func scaleIntoRange(t float64, r [2]float64) float64 {
	var v float64
	if w := r[1] - r[0]; !math.IsInf(w, 0) {
		v = r[0] + t*w
	} else {
		v = r[0]*(1-t) + r[1]*t
	}
	lo, hi := math.Min(r[0], r[1]), math.Max(r[0], r[1]) // a reversed range too
	return math.Min(hi, math.Max(lo, v))
}

// diffRatio is (a − b)/(c − d) for finite a, b, c, d, right across the
// whole float64 range: when a difference overflows (1e308 − (−1e308)),
// every term is halved first, which is exact at that size, so a column
// holding both 1e308 and −1e308 is normalised as any other.
func diffRatio(a, b, c, d float64) float64 {
	num, den := a-b, c-d
	if math.IsInf(num, 0) || math.IsInf(den, 0) {
		num, den = a/2-b/2, c/2-d/2
	}
	return num / den
}

// normMinMax is lo + (x − min)/(max − min)·(hi − lo). A column whose
// present values are all equal (or a single value) gives the midpoint of
// Range; an all-missing column stays all NaN.
func normMinMax(x []float64, p NormaliseParams) []float64 {
	lo, hi, ok := presentExtent(x)
	if !ok {
		return allNaN(len(x))
	}
	if lo == hi {
		return mapPresent(x, func(float64) float64 { return rangeMidpoint(p.Range) })
	}
	return mapPresent(x, func(v float64) float64 { return scaleIntoRange(diffRatio(v, lo, hi, lo), p.Range) })
}

// normZScore is (x − mean)/sd with the sample sd (n − 1). A column whose
// present values are all equal (or a single value) has no spread: every
// present value gives 0, the mean.
func normZScore(x []float64, _ NormaliseParams) []float64 {
	lo, hi, ok := presentExtent(x)
	if !ok {
		return allNaN(len(x))
	}
	// Equality is checked on the values themselves: a computed sd of equal
	// values can be a rounding residue instead of exactly 0.
	if lo == hi {
		return mapPresent(x, func(float64) float64 { return 0 })
	}
	// z is the same for x scaled by a power of two, which is exact: scaled
	// to magnitudes below 1, the sums of the mean and the sd cannot
	// overflow, whatever the values.
	_, e := math.Frexp(math.Max(math.Abs(lo), math.Abs(hi)))
	xs := mapPresent(x, func(v float64) float64 { return math.Ldexp(v, -e) })
	mean, sd := stat.MeanStdDev(presentValues(xs), nil)
	return mapPresent(xs, func(v float64) float64 { return (v - mean) / sd })
}

// ascendingRanks gives each present value its rank from 1 = smallest, tied
// values sharing the lowest rank of their group (1, 2, 2, 4), as in the
// Handbook's Table 15. It also returns the number of present values.
func ascendingRanks(x []float64) ([]float64, int) {
	vals := presentValues(x)
	slices.Sort(vals)
	return mapPresent(x, func(v float64) float64 {
		// Position of the first occurrence of v, plus one.
		i, _ := slices.BinarySearch(vals, v)
		return float64(i + 1)
	}), len(vals)
}

// normRank is the rank from 1 = smallest value, so larger stays better;
// ties take the lowest rank of their group (1, 2, 2, 4). Ranks run from 1
// to the number of present values; missing values stay NaN.
func normRank(x []float64, _ NormaliseParams) []float64 {
	r, _ := ascendingRanks(x)
	return r
}

// normPRank is the percentile rank (rank − 1)/(n − 1) scaled into Range, n
// the number of present values and ranks as in normRank. Because ties take
// the lowest rank, values tied at the top stay below hi. A column whose
// present values are all equal (or a single value) gives the midpoint of
// Range, as minmax does.
func normPRank(x []float64, p NormaliseParams) []float64 {
	lo, hi, ok := presentExtent(x)
	if !ok {
		return allNaN(len(x))
	}
	if lo == hi {
		return mapPresent(x, func(float64) float64 { return rangeMidpoint(p.Range) })
	}
	r, n := ascendingRanks(x)
	return mapPresent(r, func(v float64) float64 { return scaleIntoRange((v-1)/float64(n-1), p.Range) })
}

// normGoalposts is minmax between the fixed goalposts [lo, hi] instead of
// the column's own extremes, with values outside truncated to them, so
// scores stay comparable across years. Being fixed, the goalposts are not
// affected by degenerate columns: equal values all map to the same score.
// It panics unless p.Goalposts is [lo, hi] with lo < hi (the caller
// validates the config).
func normGoalposts(x []float64, p NormaliseParams) []float64 {
	g := p.Goalposts
	if len(g) != 2 || !(g[0] < g[1]) {
		panic(fmt.Sprintf("scoring: goalposts need [lo, hi] with lo < hi, got %v", g))
	}
	return mapPresent(x, func(v float64) float64 {
		t := diffRatio(v, g[0], g[1], g[0])
		return scaleIntoRange(math.Min(1, math.Max(0, t)), p.Range)
	})
}

// normFracMax is x / max scaled into Range: the share of the leader's value,
// for indicators with a natural zero (counts, shares). The lowest region
// keeps credit for what it has, unlike minmax. A column whose present
// values are all equal (and positive) gives every region 1, the top of
// Range: each has all of the leader's value. A negative value, possible
// in a column whose maximum is positive, has less than nothing of the
// leader's value and maps to lo: x / max is clipped to [0, 1], so scores
// never leave Range.
//
// fracmax needs a positive maximum (DESIGN.md, Methods): the pipeline
// refuses a lower-is-better indicator (CheckFracMax) and a column whose
// largest value is ≤ 0 (checkColumn) before calling it. Called anyway on
// such a column, it gives all NaN: there is no leader to compare with.
func normFracMax(x []float64, p NormaliseParams) []float64 {
	_, hi, ok := presentExtent(x)
	if !ok || !(hi > 0) {
		return allNaN(len(x))
	}
	return mapPresent(x, func(v float64) float64 { return scaleIntoRange(math.Max(0, v/hi), p.Range) })
}

// normNone copies the column unchanged: for indicators already on a
// common scale.
func normNone(x []float64, _ NormaliseParams) []float64 { return slices.Clone(x) }

// normBorda is the Borda score rank − 1 (COINr's n_borda): the number of
// regions a region beats, ranks as in normRank (1 = smallest, ties at the
// lowest rank), so the smallest value scores 0 and tied values score alike.
// A single present value scores 0.
func normBorda(x []float64, _ NormaliseParams) []float64 {
	r, _ := ascendingRanks(x)
	return mapPresent(r, func(v float64) float64 { return v - 1 })
}

// normDist2Max is 1 − (max − x)/(max − min) (COINr's n_dist2max), the
// distance to the leader as a share of the column's spread, scaled into
// Range. Algebraically it equals (x − min)/(max − min), so it gives the same
// scores as minmax; it is kept under its Handbook name for configs that use
// it. A column whose present values are all equal (or a single value)
// gives the midpoint of Range, as minmax does.
func normDist2Max(x []float64, p NormaliseParams) []float64 {
	lo, hi, ok := presentExtent(x)
	if !ok {
		return allNaN(len(x))
	}
	if lo == hi {
		return mapPresent(x, func(float64) float64 { return rangeMidpoint(p.Range) })
	}
	return mapPresent(x, func(v float64) float64 { return scaleIntoRange(1-diffRatio(hi, v, hi, lo), p.Range) })
}

// normDist2Ref is the distance to the reference region (COINr's
// n_dist2ref), x_ref being the reference's value, row p.Ref, after
// direction: 1 + (x − x_ref)/|x_ref|. The reference scores 1, and each
// unit more is one reference value better. For x_ref > 0 it is the ratio
// x / x_ref (2 is twice the reference's level). For x_ref < 0 — a
// direction −1 indicator with positive values, negated before
// normalising — it is 2 − x / x_ref: a region with half the reference's
// (raw) value scores 1.5, and better regions always score higher, where
// the plain ratio would reverse the order. It is not bounded: Range is
// not used.
//
// Degenerate cases give an all-NaN column, numbers that mean nothing
// being worse: no reference (p.Ref < 0), a reference with no value on
// this indicator (NaN), or a reference value of 0, which has no ratio.
// The pipeline refuses the last two before calling it (checkColumn), and
// a config naming a reference region that is not rated. It panics when
// p.Ref is not a row of x (a programmer error).
func normDist2Ref(x []float64, p NormaliseParams) []float64 {
	if p.Ref < 0 {
		return allNaN(len(x))
	}
	if p.Ref >= len(x) {
		panic(fmt.Sprintf("scoring: dist2ref reference row %d outside a column of %d", p.Ref, len(x)))
	}
	ref := x[p.Ref]
	switch {
	case ref > 0:
		return mapPresent(x, func(v float64) float64 { return v / ref })
	case ref < 0:
		return mapPresent(x, func(v float64) float64 { return 2 - v/ref })
	}
	return allNaN(len(x)) // 0 or NaN
}

// normDist2Target is (x − min)/(target − min), capped at 1, scaled into
// Range (COINr's n_dist2targ with cap_max): the progress from the worst
// region towards the target, min taken over the present values. Regions at
// or beyond the target all get hi. When target ≤ min every region has
// already reached it, so every present value gets hi (the formula would
// divide by zero or a negative distance). Regions at the min get lo, so a
// single value, or equal values, below the target get lo: they have made
// no progress measured from the worst. It panics unless p.Target is a
// finite number (the caller validates the config).
func normDist2Target(x []float64, p NormaliseParams) []float64 {
	if p.Target == nil || math.IsNaN(*p.Target) || math.IsInf(*p.Target, 0) {
		panic("scoring: dist2target needs a finite target")
	}
	target := *p.Target
	lo, _, ok := presentExtent(x)
	if !ok {
		return allNaN(len(x))
	}
	if target <= lo {
		return mapPresent(x, func(float64) float64 { return p.Range[1] })
	}
	return mapPresent(x, func(v float64) float64 {
		return scaleIntoRange(math.Min(1, diffRatio(v, lo, target, lo)), p.Range)
	})
}
