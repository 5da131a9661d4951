package scoring

import (
	"math"
	"slices"
)

// ImputeContext is what an imputation method may use. Rows are the rated
// regions, columns the indicators, in the definition's order.
type ImputeContext struct {
	// X holds the rated year's values (after denomination); the method
	// fills its NaN cells in place.
	X [][]float64
	// Imputed[r][i] must be set for every cell the method fills.
	Imputed [][]bool
	// Groups[r] is row r's group from regions.csv ("" when none).
	Groups []string
	// Panel holds the same rows and columns in every year with data, for
	// methods that use other years (latest, linear).
	Panel Panel
}

// Panel is a region × indicator table for every year with data.
type Panel struct {
	Years []int // ascending; 0 stands for undated values
	// Values[y][r][i]: year Years[y], row r, indicator i; NaN when missing.
	Values [][][]float64
	// Current is the index in Years of the year being rated (-1 if the
	// rated year has no dated data).
	Current int
}

// Imputer is a registered imputation method.
type Imputer struct {
	Name string
	// Fn fills missing values of ctx.X in place and marks them in
	// ctx.Imputed. Values it cannot fill stay NaN.
	Fn func(ctx ImputeContext)
}

var imputers = registryByName([]Imputer{
	// none leaves missing values missing: aggregation then renormalises
	// the weights over the indicators present.
	{Name: "none", Fn: func(ImputeContext) {}},
	// mean and median fill a missing value with the indicator's mean or
	// median over the rated regions that have a value in the rated year.
	{Name: "mean", Fn: func(ctx ImputeContext) { imputeByGroup(ctx, imputeMean, false) }},
	{Name: "median", Fn: func(ctx ImputeContext) { imputeByGroup(ctx, imputeMedian, false) }},
	// group-mean and group-median use only the regions of the same group
	// (the group column of regions.csv). A region without a group, or whose
	// group has no value for the indicator, falls back to the overall mean
	// or median, as mean and median would fill it.
	{Name: "group-mean", Fn: func(ctx ImputeContext) { imputeByGroup(ctx, imputeMean, true) }},
	{Name: "group-median", Fn: func(ctx ImputeContext) { imputeByGroup(ctx, imputeMedian, true) }},
	// latest carries the last known value forward: the region's value of
	// the indicator in the most recent earlier year with one. A later year
	// is never used.
	{Name: "latest", Fn: imputeLatest},
	// linear interpolates linearly in the year between the nearest earlier
	// and the nearest later year with a value. With only earlier values it
	// carries the latest one forward (as latest does); with only later
	// values the cell stays missing: there is no back-casting.
	{Name: "linear", Fn: imputeLinear},
}, func(m Imputer) string { return m.Name })

// LookupImputer returns the imputation method registered under name.
func LookupImputer(name string) (Imputer, bool) {
	m, ok := imputers[name]
	return m, ok
}

// ImputerNames lists the registered imputation methods, sorted.
func ImputerNames() []string { return registryNames(imputers) }

// imputeByGroup fills every missing cell of ctx.X with stat of the
// indicator's present values in the rated year: over the region's group
// when byGroup is set and that group has a value, over all rated regions
// otherwise. Statistics are taken from the present values only, before any
// cell is filled. A column with no value at all stays missing.
func imputeByGroup(ctx ImputeContext, stat func([]float64) float64, byGroup bool) {
	if len(ctx.X) == 0 {
		return
	}
	nInd := len(ctx.X[0])
	for i := range nInd {
		var all []float64
		groups := map[string][]float64{}
		for r, row := range ctx.X {
			if v := row[i]; !math.IsNaN(v) {
				all = append(all, v)
				if g := imputeGroupOf(ctx, r); byGroup && g != "" {
					groups[g] = append(groups[g], v)
				}
			}
		}
		if len(all) == len(ctx.X) || len(all) == 0 {
			continue // nothing to fill, or nothing to fill it with
		}
		overall := stat(all)
		for r, row := range ctx.X {
			if !math.IsNaN(row[i]) {
				continue
			}
			v := overall
			if vals := groups[imputeGroupOf(ctx, r)]; byGroup && len(vals) > 0 {
				v = stat(vals)
			}
			row[i] = v
			ctx.Imputed[r][i] = true
		}
	}
}

// imputeGroupOf is row r's group, "" when none is known.
func imputeGroupOf(ctx ImputeContext, r int) string {
	if r < len(ctx.Groups) {
		return ctx.Groups[r]
	}
	return ""
}

// imputeMean is the arithmetic mean of x (no NaN, at least one value).
// When the sum overflows (values near ±1e308), the values are divided by
// their count before they are added.
func imputeMean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	n := float64(len(x))
	if math.IsInf(s, 0) {
		s = 0
		for _, v := range x {
			s += v / n
		}
		return s
	}
	return s / n
}

// midpoint is (a + b)/2 without overflow.
func midpoint(a, b float64) float64 {
	if m := (a + b) / 2; !math.IsInf(m, 0) {
		return m
	}
	return a/2 + b/2
}

// imputeMedian is the median of x (no NaN, at least one value): the middle
// value, or the average of the two middle values of an even count — the
// textbook median, as R's median() gives, not one of the empirical
// quantiles of gonum's stat.Quantile (which picks one of the two).
func imputeMedian(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return midpoint(s[n/2-1], s[n/2])
}

// imputeYears returns the rated year and the panel slots of the dated years
// before and after it, nearest first. Undated values (year 0) count for
// every year already, so they are never an earlier or later year here. ok
// is false when the panel does not hold the rated year.
func imputeYears(p Panel) (year int, before, after []int, ok bool) {
	if p.Current < 0 || p.Current >= len(p.Years) || p.Current >= len(p.Values) {
		return 0, nil, nil, false
	}
	for y := p.Current - 1; y >= 0; y-- {
		if p.Years[y] != 0 {
			before = append(before, y)
		}
	}
	for y := p.Current + 1; y < len(p.Years) && y < len(p.Values); y++ {
		if p.Years[y] != 0 {
			after = append(after, y)
		}
	}
	return p.Years[p.Current], before, after, true
}

// imputeNearest returns the first slot of slots where row r has a value
// of indicator i.
func imputeNearest(p Panel, slots []int, r, i int) (slot int, v float64, ok bool) {
	for _, y := range slots {
		if r < len(p.Values[y]) && i < len(p.Values[y][r]) {
			if v := p.Values[y][r][i]; !math.IsNaN(v) {
				return y, v, true
			}
		}
	}
	return 0, math.NaN(), false
}

func imputeLatest(ctx ImputeContext) {
	_, before, _, ok := imputeYears(ctx.Panel)
	if !ok {
		return
	}
	for r, row := range ctx.X {
		for i, x := range row {
			if !math.IsNaN(x) {
				continue
			}
			if _, v, ok := imputeNearest(ctx.Panel, before, r, i); ok {
				row[i] = v
				ctx.Imputed[r][i] = true
			}
		}
	}
}

func imputeLinear(ctx ImputeContext) {
	p := ctx.Panel
	year, before, after, ok := imputeYears(p)
	if !ok {
		return
	}
	for r, row := range ctx.X {
		for i, x := range row {
			if !math.IsNaN(x) {
				continue
			}
			a, va, okA := imputeNearest(p, before, r, i)
			if !okA {
				continue // no earlier value: no back-casting
			}
			v := va
			if b, vb, okB := imputeNearest(p, after, r, i); okB {
				ya, yb := float64(p.Years[a]), float64(p.Years[b])
				f := (float64(year) - ya) / (yb - ya)
				if v = va + (vb-va)*f; math.IsInf(v, 0) || math.IsInf(vb-va, 0) {
					v = va*(1-f) + vb*f // the difference overflows
				}
			}
			row[i] = v
			ctx.Imputed[r][i] = true
		}
	}
}
