package scoring

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
)

func TestStarRuleRegistry(t *testing.T) {
	assert.Equal(t, []string{"jenks", "kmeans", "quantiles", "thresholds"}, StarRuleNames())
	for _, name := range StarRuleNames() {
		s, ok := LookupStarRule(name)
		require.True(t, ok, name)
		assert.Equal(t, name, s.Name)
	}
	_, ok := LookupStarRule("natural-breaks")
	assert.False(t, ok)
}

func TestStarRules(t *testing.T) {
	th := func(t ...float64) indicators.StarsSpec {
		return indicators.StarsSpec{Method: "thresholds", Thresholds: t}
	}
	q := func(k int) indicators.StarsSpec { return indicators.StarsSpec{Method: "quantiles", Classes: k} }
	tests := []struct {
		name   string
		rule   string
		scores []float64
		spec   indicators.StarsSpec
		want   []int
	}{
		{"thresholds: starts inclusive", "thresholds",
			[]float64{0, 19.99, 20, 40, 59.9, 60, 80, 100, nanv}, th(20, 40, 60, 80),
			[]int{1, 1, 2, 3, 3, 4, 5, 5, 0}},
		{"thresholds: below and above all", "thresholds",
			[]float64{-5, 1e9}, th(20, 40, 60, 80), []int{1, 5}},
		{"thresholds: one threshold, two classes", "thresholds",
			[]float64{49, 50, 51}, th(50), []int{1, 2, 2}},
		{"thresholds: none, one class", "thresholds",
			[]float64{3, nanv, -3}, th(), []int{1, 0, 1}},
		{"thresholds: all unrated", "thresholds",
			[]float64{nanv, nanv}, th(50), []int{0, 0}},

		{"quantiles: equal counts", "quantiles",
			[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, q(5), []int{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}},
		{"quantiles: order of input does not matter", "quantiles",
			[]float64{10, 1, 9, 2, 8, 3, 7, 4, 6, 5}, q(5), []int{5, 1, 5, 1, 4, 2, 4, 2, 3, 3}},
		{"quantiles: default 5 classes", "quantiles",
			[]float64{1, 2, 3, 4, 5}, q(0), []int{1, 2, 3, 4, 5}},
		{"quantiles: ties share the lower class", "quantiles",
			[]float64{1, 2, 2, 3}, q(2), []int{1, 1, 1, 2}},
		{"quantiles: tie across a boundary", "quantiles",
			[]float64{4, 4, 4, 4, 9}, q(5), []int{1, 1, 1, 1, 5}},
		{"quantiles: fewer scores than classes", "quantiles",
			[]float64{5, 10}, q(5), []int{1, 3}},
		{"quantiles: unrated get 0 and do not count", "quantiles",
			[]float64{nanv, 3, 1, nanv, 2, 4}, q(2), []int{0, 2, 1, 0, 1, 2}},
		{"quantiles: all unrated", "quantiles",
			[]float64{nanv}, q(5), []int{0}},
		{"quantiles: one class", "quantiles",
			[]float64{3, 1, 2}, q(1), []int{1, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := LookupStarRule(tc.rule)
			require.True(t, ok)
			got, err := r.Fn(tc.scores, tc.spec)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			for _, c := range got {
				assert.LessOrEqual(t, c, max(tc.spec.NumClasses(), defaultClasses))
			}
		})
	}
}

func TestStarRuleErrors(t *testing.T) {
	th, _ := LookupStarRule("thresholds")
	for _, ts := range [][]float64{{40, 20}, {20, 20, 60}, {20, nanv}} {
		_, err := th.Fn([]float64{1}, indicators.StarsSpec{Method: "thresholds", Thresholds: ts})
		require.Error(t, err, "%v", ts)
		assert.True(t, indicators.IsInputError(err), "%v", ts)
		assert.Contains(t, err.Error(), "ascending")
	}
	qu, _ := LookupStarRule("quantiles")
	_, err := qu.Fn([]float64{1}, indicators.StarsSpec{Method: "quantiles", Classes: -2})
	require.Error(t, err)
	assert.True(t, indicators.IsInputError(err))

	// kmeans and jenks need at least 2 classes (0 means the default 5), and
	// finite scores; they return errors, never panic.
	for _, m := range []string{"kmeans", "jenks"} {
		r, ok := LookupStarRule(m)
		require.True(t, ok, m)
		for _, k := range []int{1, -1, -5} {
			var got []int
			require.NotPanics(t, func() {
				got, err = r.Fn([]float64{1, 2, 3}, indicators.StarsSpec{Method: m, Classes: k})
			}, "%s k=%d", m, k)
			require.Error(t, err, "%s k=%d", m, k)
			assert.Nil(t, got)
			assert.True(t, indicators.IsInputError(err), "%s k=%d", m, k)
			assert.Contains(t, err.Error(), `star method "`+m+`" needs at least 2 classes`)
		}
		for _, inf := range []float64{math.Inf(1), math.Inf(-1)} {
			_, err = r.Fn([]float64{1, inf, 3}, indicators.StarsSpec{Method: m, Classes: 2})
			require.Error(t, err, "%s %v", m, inf)
			assert.True(t, indicators.IsInputError(err))
			assert.Contains(t, err.Error(), "infinite")
		}
	}
}

// stRun applies the registered star rule name with k classes.
func stRun(t *testing.T, name string, scores []float64, k int) []int {
	t.Helper()
	r, ok := LookupStarRule(name)
	require.True(t, ok, name)
	got, err := r.Fn(scores, indicators.StarsSpec{Method: name, Classes: k})
	require.NoError(t, err)
	require.Len(t, got, len(scores))
	return got
}

// stCheckOrder asserts the invariants every star rule keeps: NaN → 0, rated
// scores get classes 1..k, and a higher score never gets a lower class
// (so tied scores share a class).
func stCheckOrder(t *testing.T, scores []float64, got []int, k int) {
	t.Helper()
	type sc struct {
		s float64
		c int
	}
	var rated []sc
	for i, s := range scores {
		if math.IsNaN(s) {
			assert.Equal(t, 0, got[i], "score %d is NaN", i)
			continue
		}
		if got[i] < 1 || got[i] > k {
			t.Errorf("score %d (%g): class %d outside 1..%d", i, s, got[i], k)
		}
		rated = append(rated, sc{s, got[i]})
	}
	slices.SortFunc(rated, func(a, b sc) int { return cmpFloat(a.s, b.s) })
	for i := 1; i < len(rated); i++ {
		a, b := rated[i-1], rated[i]
		if a.s == b.s && a.c != b.c {
			t.Errorf("tied scores %g get classes %d and %d", a.s, a.c, b.c)
		}
		if a.c > b.c {
			t.Errorf("score %g gets class %d above %g's class %d", a.s, a.c, b.s, b.c)
		}
	}
}

func TestStarsKMeans(t *testing.T) {
	tests := []struct {
		name   string
		scores []float64
		k      int
		want   []int
	}{
		// Hand-worked, k = 3, n = 9: three groups of three.
		//   sorted 0 1 3 | 8 20 21 | 24 26 35 → seeds (medians) 1, 20, 26
		//   assign: 0 1 3 8 → c1 (8: |8−1| = 7 < |8−20| = 12); 20 21 → c2;
		//           24 26 35 → c3 (24: |24−20| = 4 > |24−26| = 2)
		//   iter 1: centres 3, 20.5, 28.33 (85/3)
		//           24 → c2 (3.5 < 4.33); 26 stays c3 (5.5 > 2.33) — changed
		//   iter 2: centres 3, 21.67 (65/3), 30.5
		//           26 → c2 (4.33 < 4.5); 35 stays c3 — changed
		//   iter 3: centres 3, 22.75, 35; 8 stays c1 (5 < 14.75),
		//           26 stays c2 (3.25 < 9) — no change: converged
		//   classes: {0 1 3 8} 1, {20 21 24 26} 2, {35} 3
		{"hand-worked example", []float64{24, 0, 35, 8, 21, 1, 26, 3, 20}, 3,
			[]int{2, 1, 3, 1, 2, 1, 2, 1, 2}},
		// Groups {1 2 3 100} {101 102 103 104}, seeds 2.5 and 102.5; 100 is
		// nearer 102.5, so the centres become 2 and 102; nothing moves again.
		{"two well-separated clusters", []float64{103, 1, 101, 2, 104, 3, 102, 100}, 2,
			[]int{2, 1, 2, 1, 2, 1, 2, 2}},
		// k = 5 on two separated runs of 5 scores: groups {1 2} {3 4}
		// {5 100} {101 102} {103 104}, seeds 1.5, 3.5, 52.5, 101.5, 103.5.
		//   assign: 1 2 → c1; 3 4 5 → c2; 100 101 102 → c4 (102: 0.5 < 1.5);
		//           103 104 → c5; nothing is nearest 52.5, so c3 is empty
		//   iter 1: centres 1.5, 4, 52.5 (empty: kept), 101, 103.5; 102 is
		//           1 from 101 and 1.5 from 103.5 — stays; converged.
		//   classes by centre: c1 1, c2 2, c3 3 (unused), c4 4, c5 5
		{"empty cluster keeps its centre", []float64{1, 2, 3, 4, 5, 100, 101, 102, 103, 104}, 5,
			[]int{1, 1, 2, 2, 2, 4, 4, 4, 5, 5}},
		// Seeds 0 (of 0 0 2) and 4 (of 4 4): 2 is 2 from each, so it goes to
		// the lower cluster; then centres 2/3 and 4 keep it there. (Sending
		// it up would end with {0 0} and {2 4 4}.)
		{"equidistant score goes to the lower cluster", []float64{4, 2, 0, 4, 0}, 2,
			[]int{2, 1, 1, 2, 1}},
		// An empty cluster keeps its seed and later takes scores back.
		//   groups {7 12 13} {14 18} {19 20}, seeds 12, 16, 19.5
		//   assign: 7 12 13 14 → c1 (14 is 2 from 12 and from 16: the tie
		//           goes lower); 18 19 20 → c3 (18: 1.5 < 2); c2 is empty
		//   iter 1: centres 11.5, 16 (kept), 19; 14 → c2 (2 < 2.5)
		//   iter 2: centres 10.67 (32/3), 14, 19; 13 → c2 (1 < 2.33)
		//   iter 3: centres 9.5, 13.5, 19; 12 → c2 (1.5 < 2.5)
		//   iter 4: centres 7, 13, 19 — no change: converged
		{"empty cluster comes back", []float64{20, 7, 19, 12, 18, 13, 14}, 3,
			[]int{3, 1, 3, 2, 3, 2, 2}},
		// Groups {1 1 5} {5 5 9} {9 9 9}, seeds 1, 5, 9; converged at once;
		// tied scores share a class.
		{"tied scores share a class", []float64{5, 5, 5, 1, 1, 9, 9, 9, 9}, 3,
			[]int{2, 2, 2, 1, 1, 3, 3, 3, 3}},
		// n = 7, k = 3: groups of 3, 2, 2 (the first takes the remainder):
		// {1 2 3} {4 5} {6 7}, seeds 2, 4.5, 6.5 — with groups 2, 2, 3 the
		// seeds would be 1.5, 3.5, 6 and 5 would start in cluster 3.
		//   assign: 1 2 3 → c1 (3: 1 < 1.5); 4 5 → c2; 6 7 → c3
		//   iter 1: centres 2, 4.5, 6.5 — unchanged; converged.
		{"first groups take the remainder", []float64{1, 2, 3, 4, 5, 6, 7}, 3,
			[]int{1, 1, 1, 2, 2, 3, 3}},
		// Fewer distinct scores than classes: seeds 1, 1, 1.5, 2, 2;
		// 1 → c1 (tie with c2 goes lower), 2 → c4 (tie with c5); the empty
		// clusters keep their seeds, so the classes are 1 and 4.
		{"fewer distinct scores than classes", []float64{1, 1, 1, 1, 1, 2, 2, 2, 2, 2}, 5,
			[]int{1, 1, 1, 1, 1, 4, 4, 4, 4, 4}},
		// n < k: seeds 5 and 10, the three empty groups start at 10 too;
		// classes from the bottom.
		{"fewer scores than classes", []float64{10, 5}, 5, []int{2, 1}},
		{"one score", []float64{7}, 5, []int{1}},
		{"NaN passthrough", []float64{nanv, 3, 1, nanv, 2, 4}, 2, []int{0, 2, 1, 0, 1, 2}},
		{"all unrated", []float64{nanv, nanv}, 3, []int{0, 0}},
		{"empty", []float64{}, 3, []int{}},
		{"default 5 classes", []float64{10, 20, 30, 40, 50}, 0, []int{1, 2, 3, 4, 5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := stRun(t, "kmeans", tc.scores, tc.k)
			assert.Equal(t, tc.want, got)
			stCheckOrder(t, tc.scores, got, max(tc.k, defaultClasses))
		})
	}
}

func TestStarsKMeansDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	scores := make([]float64, 500)
	for i := range scores {
		scores[i] = math.Round(rng.NormFloat64()*200) / 10 // ties likely
	}
	scores[17], scores[230] = nanv, nanv
	first := stRun(t, "kmeans", scores, 5)
	stCheckOrder(t, scores, first, 5)
	for range 5 {
		assert.Equal(t, first, stRun(t, "kmeans", scores, 5))
	}
	// The order of the input does not matter.
	perm := rng.Perm(len(scores))
	shuffled := make([]float64, len(scores))
	for i, p := range perm {
		shuffled[i] = scores[p]
	}
	got := stRun(t, "kmeans", shuffled, 5)
	for i, p := range perm {
		assert.Equal(t, first[p], got[i])
	}
	// Every class is used on spread-out data, and the result is a fixed
	// point: each score is nearest its own class's mean.
	var sum [6]float64
	var cnt [6]int
	for i, s := range scores {
		if c := first[i]; c > 0 {
			sum[c] += s
			cnt[c]++
		}
	}
	for c := 1; c <= 5; c++ {
		require.Positive(t, cnt[c], "class %d", c)
	}
	for i, s := range scores {
		c := first[i]
		if c == 0 {
			continue
		}
		own := math.Abs(s - sum[c]/float64(cnt[c]))
		for o := 1; o <= 5; o++ {
			assert.LessOrEqual(t, own, math.Abs(s-sum[o]/float64(cnt[o]))+1e-9, "score %g class %d vs %d", s, c, o)
		}
	}
}

// stSSD is the within-class sum of squared deviations of a classification.
func stSSD(vals []float64, class []int) float64 {
	groups := map[int][]float64{}
	for i, v := range vals {
		groups[class[i]] = append(groups[class[i]], v)
	}
	var total float64
	for _, g := range groups {
		var m float64
		for _, v := range g {
			m += v
		}
		m /= float64(len(g))
		for _, v := range g {
			total += (v - m) * (v - m)
		}
	}
	return total
}

// stBruteJenks tries every placement of k − 1 breaks between the sorted
// values that keeps tied values together, and returns the least sum of
// squares, the classes achieving it (by position in sorted), and whether
// that optimum is unique (no other placement within 1e-9 of it).
func stBruteJenks(sorted []float64, k int) (best float64, classes []int, unique bool) {
	n := len(sorted)
	best, second := math.Inf(1), math.Inf(1)
	class := make([]int, n)
	var rec func(pos, c int)
	rec = func(pos, c int) {
		if c == k { // the last class runs to the end
			for i := pos; i < n; i++ {
				class[i] = k
			}
			v := stSSD(sorted, class)
			switch {
			case v < best:
				second, best = best, v
				classes = slices.Clone(class)
			case v < second:
				second = v
			}
			return
		}
		// class c is sorted[pos:end], non-empty, leaving k − c values at least
		for end := pos + 1; end <= n-(k-c); end++ {
			if sorted[end-1] == sorted[end] {
				continue // a break here would split a tie
			}
			for i := pos; i < end; i++ {
				class[i] = c
			}
			rec(end, c+1)
		}
	}
	rec(0, 1)
	return best, classes, second > best+1e-9
}

func TestStarsJenksBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(2017, 520000))
	var compared, uniques int
	for trial := range 200 {
		n := 3 + rng.IntN(10) // 3..12
		k := 2 + rng.IntN(4)  // 2..5
		scores := make([]float64, n)
		for i := range scores {
			if trial%2 == 0 {
				scores[i] = rng.Float64() * 100
			} else {
				scores[i] = float64(rng.IntN(8)) // many ties
			}
		}
		got := stRun(t, "jenks", scores, k)
		stCheckOrder(t, scores, got, k)

		sorted := slices.Sorted(slices.Values(scores))
		distinct := slices.Compact(slices.Clone(sorted))
		gotSorted := make([]int, n) // the classes of sorted, from got
		for i, s := range scores {
			p, _ := slices.BinarySearch(sorted, s)
			gotSorted[p] = got[i]
		}
		for i := 1; i < n; i++ { // ties: BinarySearch found the first one
			if sorted[i] == sorted[i-1] {
				gotSorted[i] = gotSorted[i-1]
			}
		}
		if len(distinct) <= k {
			// Each distinct value its own class, from the bottom.
			for i, s := range scores {
				p, _ := slices.BinarySearch(distinct, s)
				assert.Equal(t, p+1, got[i], "trial %d: %v k=%d", trial, scores, k)
			}
			continue
		}
		best, classes, unique := stBruteJenks(sorted, k)
		compared++
		assert.InDelta(t, best, stSSD(sorted, gotSorted), 1e-9*(1+best), "trial %d: %v k=%d", trial, scores, k)
		if unique {
			uniques++
			assert.Equal(t, classes, gotSorted, "trial %d: %v k=%d", trial, scores, k)
		}
		for c := 1; c <= k; c++ {
			assert.Contains(t, got, c, "trial %d: class %d is empty", trial, c)
		}
	}
	// The seeded draws exercise the programme, not just the d ≤ k rule.
	assert.Greater(t, compared, 120)
	assert.Greater(t, uniques, 100)
	t.Logf("%d inputs compared with brute force, %d with a unique optimum", compared, uniques)
}

func TestStarsJenks(t *testing.T) {
	// jenkspy's test data (github.com/mthh/jenkspy, tests/test_jenks.py,
	// "data2"): 4 classes with breaks 416, 767, 1083 and these labels
	// (0-based there, 1-based here).
	jenkspyData := []float64{132, 915, 312, 1424, 1240, 1370, 113, 1028, 1078, 416,
		963, 359, 1422, 658, 73, 1326, 245, 848, 683, 255, 1223,
		253, 654, 736, 1079, 39, 583, 1367, 1237, 327, 1083, 328,
		951, 678, 927, 301, 96, 297, 179, 230, 767, 1248, 1, 37,
		1352, 1009, 663, 1283, 679, 230}
	jenkspyLabels := []int{0, 2, 0, 3, 3, 3, 0, 2, 2, 0, 2, 0, 3, 1, 0, 3, 0, 2, 1, 0, 3, 0, 1,
		1, 2, 0, 1, 3, 3, 0, 2, 0, 2, 1, 2, 0, 0, 0, 0, 0, 1, 3, 0, 0, 3, 2, 1, 3, 1, 0}
	jenkspyWant := make([]int, len(jenkspyLabels))
	for i, l := range jenkspyLabels {
		jenkspyWant[i] = l + 1
	}

	tests := []struct {
		name   string
		scores []float64
		k      int
		want   []int
	}{
		{"jenkspy reference, k = 4", jenkspyData, 4, jenkspyWant},
		// {1 2 3 5} SSD 8.75 + {100 102 105} SSD 12.67 beats every other cut.
		{"two well-separated groups", []float64{100, 1, 105, 3, 2, 102, 5}, 2, []int{2, 1, 2, 1, 1, 2, 1}},
		// Cut between 0 0 2 | 4 4: SSD 2.67 + 0; 0 0 | 2 4 4: 0 + 2.67 too —
		// equal, so the lower highest break wins.
		{"equal optima: lower break", []float64{0, 0, 2, 4, 4}, 2, []int{1, 1, 2, 2, 2}},
		// Two distinct values, k = 2: all the ones share class 1.
		{"ties kept together", []float64{1, 1, 1, 2, 1, 1, 1, 1, 1}, 2, []int{1, 1, 1, 2, 1, 1, 1, 1, 1}},
		// {10 10 10} {20 20 24 24 24} {50 50}: SSD 0 + 19.2 + 0; the next
		// best cuts are {10 10 10 20} {20 24 24 24} {50 50} at 87, which splits
		// the 20s, and {10 10 10 20 20} {24 24 24} {50 50} at 120.
		{"ties across classes", []float64{24, 10, 50, 20, 10, 24, 50, 10, 20, 24}, 3,
			[]int{2, 1, 3, 2, 1, 2, 3, 1, 2, 2}},
		{"k = 5 on 1..10", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5, []int{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}},
		{"default 5 classes", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0, []int{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}},
		// n ≤ k (and d ≤ k): each distinct value its own class, from the bottom.
		{"fewer scores than classes", []float64{50, 10, 30}, 5, []int{3, 1, 2}},
		{"fewer distinct scores than classes", []float64{7, 3, 7, 3, 3}, 4, []int{2, 1, 2, 1, 1}},
		{"as many scores as classes", []float64{4, 3, 2, 1}, 4, []int{4, 3, 2, 1}},
		{"one score", []float64{7}, 5, []int{1}},
		{"NaN passthrough", []float64{nanv, 3, 1, nanv, 2, 40}, 2, []int{0, 1, 1, 0, 1, 2}},
		{"all unrated", []float64{nanv}, 3, []int{0}},
		{"empty", []float64{}, 3, []int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := stRun(t, "jenks", tc.scores, tc.k)
			assert.Equal(t, tc.want, got)
			stCheckOrder(t, tc.scores, got, max(tc.k, defaultClasses))
		})
	}
}

func TestStarsJenksLarge(t *testing.T) {
	// A few thousand scores in well under a second, deterministic, every
	// class used, never worse than equal-count (quantile) classes.
	rng := rand.New(rand.NewPCG(1, 2))
	scores := make([]float64, 3000)
	for i := range scores {
		scores[i] = rng.Float64()*rng.Float64()*100 + float64(i%3)*40
	}
	got := stRun(t, "jenks", scores, 5)
	stCheckOrder(t, scores, got, 5)
	assert.Equal(t, got, stRun(t, "jenks", scores, 5))
	for c := 1; c <= 5; c++ {
		assert.Contains(t, got, c)
	}
	q := stRun(t, "quantiles", scores, 5)
	assert.LessOrEqual(t, stSSD(scores, got), stSSD(scores, q))
	km := stRun(t, "kmeans", scores, 5)
	assert.LessOrEqual(t, stSSD(scores, got), stSSD(scores, km)+1e-6)
}
