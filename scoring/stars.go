package scoring

import (
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/govindex/govindex/indicators"
)

// StarRule is a registered star-rating method: class 1 = lowest. Unrated
// (NaN) scores get 0. Fn returns an *indicators.InputError without a
// position when the spec cannot be applied; the caller, which knows where
// [stars] was written, fills in Pos.
type StarRule struct {
	Name string
	Fn   func(scores []float64, spec indicators.StarsSpec) ([]int, error)
}

// starRules is the registry: adding a method is one entry here.
var starRules = registryByName([]StarRule{
	{Name: "thresholds", Fn: starsThresholds},
	{Name: "quantiles", Fn: starsQuantiles},
	{Name: "kmeans", Fn: starsKMeans},
	{Name: "jenks", Fn: starsJenks},
}, func(s StarRule) string { return s.Name })

// LookupStarRule returns the star rule registered under name.
func LookupStarRule(name string) (StarRule, bool) {
	s, ok := starRules[name]
	return s, ok
}

// StarRuleNames returns the registered star rule names, sorted.
func StarRuleNames() []string { return slices.Sorted(maps.Keys(starRules)) }

// defaultClasses is the number of classes when [stars] classes is not set.
const defaultClasses = 5

// starsThresholds: k strictly ascending thresholds make k + 1 classes;
// class c (1 = lowest) starts at thresholds[c−2] inclusive, so a score's
// class is one plus the number of thresholds at or below it, compared at
// ScoreDigits significant digits. A score that is not finite gets 0.
func starsThresholds(scores []float64, spec indicators.StarsSpec) ([]int, error) {
	t := spec.Thresholds
	for i, v := range t {
		if math.IsNaN(v) || (i > 0 && !(v > t[i-1])) {
			return nil, indicators.Errorf(indicators.Pos{},
				"list the thresholds in increasing order, each value once, e.g. [20, 40, 60, 80]",
				"star thresholds %v are not strictly ascending", t)
		}
	}
	// Scores and thresholds are compared at ScoreDigits significant
	// digits: 59.99999999999999 reaches a threshold of 60.
	tk := scoreKeys(t)
	out := make([]int, len(scores))
	for i, s := range scores {
		if !finite(s) {
			continue
		}
		s = scoreKey(s)
		out[i] = 1 + sort.Search(len(tk), func(j int) bool { return tk[j] > s })
	}
	return out, nil
}

// starsQuantiles makes spec.Classes (default 5) equal-count classes over
// the rated (finite) scores, compared at ScoreDigits significant digits
// (their keys): with the n keys sorted ascending, a score
// whose value first occurs at 0-based position p gets class
// floor(p·k/n) + 1. Using the first occurrence keeps tied scores in one
// class — the lower one — so equal scores never get different stars; the
// price is that classes can be unequal in size (or empty) when ties
// straddle a boundary or n < k.
func starsQuantiles(scores []float64, spec indicators.StarsSpec) ([]int, error) {
	k := spec.Classes
	if k == 0 {
		k = defaultClasses
	}
	if k < 1 {
		return nil, indicators.Errorf(indicators.Pos{},
			"set classes to a positive number such as 5, or leave it out",
			"star classes must be at least 1, got %d", spec.Classes)
	}
	keys := scoreKeys(scores)
	vals := make([]float64, 0, len(keys))
	for _, v := range keys {
		if finite(v) {
			vals = append(vals, v)
		}
	}
	slices.Sort(vals)
	n := len(vals)
	out := make([]int, len(scores))
	for i, s := range keys {
		if !finite(s) {
			continue
		}
		p, _ := slices.BinarySearch(vals, s) // first occurrence
		out[i] = p*k/n + 1
	}
	return out, nil
}

// starClasses returns the number of classes k of a clustering rule
// (kmeans, jenks): spec.Classes, or defaultClasses when it is 0. Fewer
// than 2 classes is an error: there is nothing to cluster into.
func starClasses(spec indicators.StarsSpec, method string) (int, error) {
	k := spec.Classes
	if k == 0 {
		k = defaultClasses
	}
	if k < 2 {
		return 0, indicators.Errorf(indicators.Pos{},
			"set classes to at least 2, such as 5, or leave it out",
			"star method %q needs at least 2 classes, got %d", method, spec.Classes)
	}
	return k, nil
}

// starFiniteValues returns the keys (scoreKey) of the rated (non-NaN)
// scores sorted ascending, or an error when one of them is infinite: the
// clustering rules average the scores, which an infinity would turn into
// NaN. Classing the keys puts scores equal at ScoreDigits significant
// digits in one class.
func starFiniteValues(scores []float64, method string) ([]float64, error) {
	vals := presentValues(scoreKeys(scores))
	for _, v := range vals {
		if math.IsInf(v, 0) {
			return nil, indicators.Errorf(indicators.Pos{},
				"check the data and scoring settings that produce an infinite score",
				"star method %q cannot classify the infinite score %g", method, v)
		}
	}
	slices.Sort(vals)
	return vals, nil
}

// kmeansMaxIter caps the Lloyd iterations of starsKMeans. One-dimensional
// Lloyd iterations converge in far fewer steps; the cap only guards
// against a floating-point cycle, and the last assignment is used if it is
// reached.
const kmeansMaxIter = 1000

// starsKMeans is the CMS Overall Hospital Quality Star Rating procedure:
// one-dimensional k-means over the rated (non-NaN) scores, k =
// spec.Classes (default 5).
//
//   - Seeds: the n sorted scores are split into k consecutive groups of
//     as-equal-as-possible size — with n = q·k + r, the first (lowest) r
//     groups take q + 1 scores and the rest q — and each group's median
//     (the mean of the two middle scores when its size is even) is the
//     initial centre of that cluster. When n < k the last k − n groups are
//     empty and their centres start at the highest score.
//   - Lloyd iterations: each score goes to the nearest centre, an exact tie
//     going to the lower cluster; each centre becomes the mean of its
//     scores, and a cluster left empty keeps its previous centre; repeat
//     until no assignment changes (at most kmeansMaxIter times).
//   - Clusters are ordered by centre ascending (ties by cluster number) and
//     numbered 1..k: a score's class is its cluster's place in that order.
//
// In one dimension the clusters stay contiguous runs of the sorted scores
// and the centres stay in order, so classes never invert the order of
// scores, and tied scores share a class. With fewer distinct scores than k
// some clusters end up empty or duplicated; their classes are simply
// unused, so the classes in use need not be 1, 2, 3, … without gaps (e.g.
// five 1s and five 2s with k = 5 get classes 1 and 4, the seeds being 1,
// 1, 1.5, 2, 2). The procedure has no randomness: the same scores give the
// same classes. Unrated scores get 0.
func starsKMeans(scores []float64, spec indicators.StarsSpec) ([]int, error) {
	k, err := starClasses(spec, "kmeans")
	if err != nil {
		return nil, err
	}
	vals, err := starFiniteValues(scores, "kmeans")
	if err != nil {
		return nil, err
	}
	out := make([]int, len(scores))
	n := len(vals)
	if n == 0 {
		return out, nil
	}
	keys := vals
	// Huge scores are scaled by a power of two (exactly) so that sums of
	// them cannot overflow; the assignments do not change.
	vals = scaleHuge(vals)

	// Seeds: medians of the k groups; the first r groups are one larger.
	centre := make([]float64, k)
	q, r := n/k, n%k
	start := 0
	for g := range k {
		size := q
		if g < r {
			size++
		}
		if size == 0 {
			centre[g] = vals[n-1]
			continue
		}
		grp := vals[start : start+size]
		if size%2 == 1 {
			centre[g] = grp[size/2]
		} else {
			centre[g] = (grp[size/2-1] + grp[size/2]) / 2
		}
		start += size
	}

	// Lloyd iterations over the sorted values.
	assign := make([]int, n)
	nearest := func(v float64) int {
		best, bestD := 0, math.Abs(v-centre[0])
		for c := 1; c < k; c++ {
			if d := math.Abs(v - centre[c]); d < bestD { // strict: ties stay lower
				best, bestD = c, d
			}
		}
		return best
	}
	for i, v := range vals {
		assign[i] = nearest(v)
	}
	sum := make([]float64, k)
	cnt := make([]int, k)
	for range kmeansMaxIter {
		clear(sum)
		clear(cnt)
		for i, v := range vals {
			sum[assign[i]] += v
			cnt[assign[i]]++
		}
		for c := range k {
			if cnt[c] > 0 { // an empty cluster keeps its centre
				centre[c] = sum[c] / float64(cnt[c])
			}
		}
		changed := false
		for i, v := range vals {
			if c := nearest(v); c != assign[i] {
				assign[i] = c
				changed = true
			}
		}
		if !changed {
			break
		}
	}

	// Order clusters by centre: class[c] is cluster c's place, 1-based.
	order := make([]int, k)
	for c := range order {
		order[c] = c
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(centre[a], centre[b]) })
	class := make([]int, k)
	for place, c := range order {
		class[c] = place + 1
	}
	for i, s := range scores {
		if math.IsNaN(s) {
			continue
		}
		p, _ := slices.BinarySearch(keys, scoreKey(s)) // tied values share an assignment
		out[i] = class[assign[p]]
	}
	return out, nil
}

// cmpFloat orders two non-NaN floats.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// scaleHuge returns xs, or xs scaled by a power of two (exact) so that
// the largest magnitude is at most 1 when it is above 2^500: sums and
// squares of the scaled values cannot overflow. Values 2^1000 times
// smaller than the largest may become 0, which no sum of them notices.
func scaleHuge(xs []float64) []float64 {
	m := 0.0
	for _, v := range xs {
		m = math.Max(m, math.Abs(v))
	}
	if !(m > 0x1p500) || math.IsInf(m, 0) {
		return xs
	}
	_, e := math.Frexp(m)
	out := make([]float64, len(xs))
	for i, v := range xs {
		out[i] = math.Ldexp(v, -e)
	}
	return out
}

// jenksTieTol is the relative difference under which two partitions'
// costs are equal (DESIGN.md, Methods): their sums of squares add the same
// terms in different groupings.
const jenksTieTol = 1e-9

// starsJenks is Fisher–Jenks natural breaks: the partition of the rated
// (non-NaN) scores, sorted, into k = spec.Classes (default 5) contiguous
// classes that minimises the total within-class sum of squared deviations
// from the class means — the exact optimum, found by Fisher's dynamic
// programme in O(k·d²) time for d distinct scores (scores compared at
// ScoreDigits significant digits, their keys).
//
// The programme runs over the distinct scores, each weighted by how many
// times it occurs, so tied scores always share a class. Costs equal within
// a relative 1e-9 are ties (jenksTieTol), and among tied partitions the one
// with the lower breaks wins, compared from the highest break down: 1, 2,
// 3 in two classes gives 1 | 2 3. So the result is deterministic and does
// not depend on rounding residue. When there are no more distinct scores
// than classes (d ≤ k, which includes n ≤ k), each distinct score gets its
// own class from the bottom: the i-th smallest gets class i and classes
// above d are unused. Unrated scores get 0.
func starsJenks(scores []float64, spec indicators.StarsSpec) ([]int, error) {
	k, err := starClasses(spec, "jenks")
	if err != nil {
		return nil, err
	}
	vals, err := starFiniteValues(scores, "jenks")
	if err != nil {
		return nil, err
	}
	out := make([]int, len(scores))
	if len(vals) == 0 {
		return out, nil
	}
	// Distinct values and their multiplicities.
	var distinct []float64
	var weight []float64
	for _, v := range vals {
		if len(distinct) > 0 && distinct[len(distinct)-1] == v {
			weight[len(weight)-1]++
			continue
		}
		distinct = append(distinct, v)
		weight = append(weight, 1)
	}
	d := len(distinct)
	// class[j] is the class of distinct[j].
	class := make([]int, d)
	if d <= k {
		for j := range class {
			class[j] = j + 1
		}
	} else {
		for c, brk := 1, jenksBreaks(scaleHuge(distinct), weight, k); c <= k; c++ {
			lo, hi := brk[c-1], brk[c]
			for j := lo; j < hi; j++ {
				class[j] = c
			}
		}
	}
	for i, s := range scores {
		if math.IsNaN(s) {
			continue
		}
		j, _ := slices.BinarySearch(distinct, scoreKey(s))
		out[i] = class[j]
	}
	return out, nil
}

// jenksClassCosts sets ssd[j] to the weighted within-class sum of squares
// of x[j:i] for every j in [lo, i), adding x[i−1], x[i−2], … in turn with
// West's weighted update of the mean and the sum of squares, which has no
// cancellation.
func jenksClassCosts(x, w []float64, lo, i int, ssd []float64) {
	var W, mean, m2 float64
	for j := i - 1; j >= lo; j-- {
		W += w[j]
		delta := x[j] - mean
		mean += delta * w[j] / W
		m2 += w[j] * delta * (x[j] - mean)
		ssd[j] = max(m2, 0)
	}
}

// jenksBreaks partitions the d > k ascending values x, with weights w, into
// k non-empty contiguous classes minimising the weighted within-class sum
// of squared deviations, ties broken as starsJenks says. It returns k + 1
// bounds: class c (1-based) holds x[b[c−1]:b[c]], with b[0] = 0 and b[k] =
// d.
func jenksBreaks(x, w []float64, k int) []int {
	d := len(x)
	// cost[c][i] is the least cost of splitting x[:i] into c classes;
	// from[c][i] is where the last of those classes starts (the lowest
	// start among the least costs).
	cost := make([][]float64, k+1)
	from := make([][]int, k+1)
	ssd := make([]float64, d+1)
	cost[1] = make([]float64, d+1)
	jenksClassCosts(x, w, 0, d, ssd)
	// ssd(0, i) for every i: forwards, from the same update.
	{
		var W, mean, m2 float64
		for j := range d {
			W += w[j]
			delta := x[j] - mean
			mean += delta * w[j] / W
			m2 += w[j] * delta * (x[j] - mean)
			cost[1][j+1] = max(m2, 0)
		}
	}
	for c := 2; c <= k; c++ {
		cost[c] = make([]float64, d+1)
		from[c] = make([]int, d+1)
		// x[:i] in c classes needs i ≥ c, and leaves k − c values for the
		// classes above, so i ≤ d − (k − c).
		for i := c; i <= d-(k-c); i++ {
			jenksClassCosts(x, w, c-1, i, ssd)
			best, bestJ := math.Inf(1), c-1
			for j := c - 1; j < i; j++ { // the last class is x[j:i]
				if v := cost[c-1][j] + ssd[j]; v < best {
					best, bestJ = v, j
				}
			}
			cost[c][i], from[c][i] = best, bestJ
		}
	}
	// Among the partitions whose cost is within jenksTieTol of the least,
	// take the lowest highest break, then the lowest next one, and so on:
	// break c − 1 (the start of class c) is the lowest j from which the
	// classes below can still complete a tied partition.
	opt := cost[k][d]
	bound := opt / (1 - jenksTieTol)
	b := make([]int, k+1)
	b[k] = d
	tail := 0.0 // the cost of the classes already fixed, above b[c]
	for c := k; c >= 2; c-- {
		i := b[c]
		jenksClassCosts(x, w, c-1, i, ssd)
		pick := from[c][i]
		for j := c - 1; j < i; j++ {
			if cost[c-1][j]+ssd[j]+tail <= bound {
				pick = j
				break
			}
		}
		tail += ssd[pick]
		b[c-1] = pick
	}
	return b
}
