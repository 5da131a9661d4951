package scoring

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
)

// keyByStrconv is scoreKey's definition, by decimal conversion only.
func keyByStrconv(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'e', ScoreDigits-1, 64), 64)
	return v
}

func TestScoreKey(t *testing.T) {
	tests := []struct {
		name string
		x    float64
		want float64
	}{
		{"53/6 with noise", 8.833333333333336, 8.83333333333},
		{"53/6", 8.833333333333334, 8.83333333333},
		{"12 digits kept", 1.00000000002, 1.00000000002},
		{"13th digit rounds up", 1.0000000000051, 1.00000000001},
		{"negative", -2.675, -2.675},
		{"zero", 0, 0},
		{"negative zero", math.Copysign(0, -1), 0},
		{"1e308", 1e308, 1e308},
		{"largest float", math.MaxFloat64, 1.79769313486e308},
		{"subnormal", 1e-320, 1e-320},
		{"large with 13 digits", 1234567890123, 1234567890120},
		{"+Inf", math.Inf(1), math.Inf(1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := scoreKey(tc.x)
			assert.Equal(t, tc.want, got)
			assert.False(t, math.Signbit(got) && got == 0, "no negative zero")
		})
	}
	assert.True(t, math.IsNaN(scoreKey(math.NaN())))
	assert.True(t, SameScore(53.0/6, 8.833333333333336))
	assert.Equal(t, 0, CompareScores(0.1+0.2, 0.3))
	assert.Equal(t, -1, CompareScores(1, 1.00000000001))
}

// TestScoreKeyFastPath checks the binary fast path against the decimal
// definition over the whole range of magnitudes, values next to halves of
// the 12th digit and next to powers of ten included.
func TestScoreKeyFastPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	check := func(x float64) {
		require.Equal(t, keyByStrconv(x), scoreKey(x), "x = %v", x)
	}
	for range 200000 {
		e := rng.IntN(80) - 40
		x := (1 + rng.Float64()*9) * math.Pow(10, float64(e))
		if rng.IntN(2) == 0 {
			x = -x
		}
		check(x)
		check(math.Nextafter(x, 0))
		// Halves of the 12th significant digit and their neighbours.
		h, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'e', 11, 64)[:13]+"5e"+strconv.Itoa(e), 64)
		check(h)
		check(math.Nextafter(h, math.Inf(1)))
		check(math.Nextafter(h, math.Inf(-1)))
	}
	for e := -40; e <= 40; e++ {
		p := math.Pow(10, float64(e))
		check(p)
		check(math.Nextafter(p, 0))
		check(math.Nextafter(p, math.Inf(1)))
		// Just below and above a power of ten, where the decimal exponent
		// estimated from the binary one may be off by one.
		for u := 1e-15; u < 0.1; u *= 1.7 {
			check(p * (1 - u))
			check(p * (1 + u))
		}
	}
	// Monotone: keys never invert the order of scores.
	xs := make([]float64, 5000)
	for i := range xs {
		xs[i] = 53.0/6 + float64(i-2500)*1e-15
	}
	for i := 1; i < len(xs); i++ {
		require.LessOrEqual(t, scoreKey(xs[i-1]), scoreKey(xs[i]))
	}
}

// TestRoundToContract is DESIGN.md's rounding: decimal, half away from
// zero, on the value first taken to 15 significant digits.
func TestRoundToContract(t *testing.T) {
	tests := []struct {
		x        float64
		decimals int
		want     float64
	}{
		{0.5, 0, 1},
		{1.5, 0, 2},
		{2.5, 0, 3},
		{-2.5, 0, -3},
		{1.005, 2, 1.01},
		{1.4999999999999998, 0, 2}, // 15 digits: 1.5
		{1.49999999999999, 0, 1},   // a real 1.4999…: down
		{0.285, 2, 0.29},
		{8.833333333333336, 2, 8.83},
		{1e308, 2, 1e308},
		{-1e308, 0, -1e308},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, RoundTo(tc.x, tc.decimals), "RoundTo(%v, %d)", tc.x, tc.decimals)
	}
}

// jenksBreakSet is the break set of a classification of sorted distinct
// values: the start of classes 2 … k.
func jenksBreakSet(class []int) []int {
	var b []int
	for i := 1; i < len(class); i++ {
		if class[i] != class[i-1] {
			b = append(b, i)
		}
	}
	return b
}

// jenksRuleBrute is the contract's Jenks applied by brute force to the
// sorted distinct values x with weights w: every break set, its cost by a
// two-pass sum of squares; costs within a relative 1e-9 of the least tie,
// and among those the lower breaks win, compared from the highest down.
func jenksRuleBrute(x, w []float64, k int) []int {
	d := len(x)
	cost := func(b []int) float64 {
		bounds := append(append([]int{0}, b...), d)
		total := 0.0
		for c := 1; c < len(bounds); c++ {
			var sw, sx float64
			for j := bounds[c-1]; j < bounds[c]; j++ {
				sw += w[j]
				sx += w[j] * x[j]
			}
			m := sx / sw
			for j := bounds[c-1]; j < bounds[c]; j++ {
				total += w[j] * (x[j] - m) * (x[j] - m)
			}
		}
		return total
	}
	var sets [][]int
	var rec func(from int, b []int)
	rec = func(from int, b []int) {
		if len(b) == k-1 {
			sets = append(sets, slices.Clone(b))
			return
		}
		for j := from; j <= d-(k-1-len(b)); j++ {
			rec(j+1, append(b, j))
		}
	}
	rec(1, nil)
	costs := make([]float64, len(sets))
	least := math.Inf(1)
	for i, b := range sets {
		costs[i] = cost(b)
		least = math.Min(least, costs[i])
	}
	var best []int
	for i, b := range sets {
		if costs[i]-least > jenksTieTol*costs[i] {
			continue
		}
		if best == nil || jenksLower(b, best) {
			best = b
		}
	}
	return best
}

// jenksLower tells whether break set a is lower than b, compared from the
// highest break down.
func jenksLower(a, b []int) bool {
	for i := len(a) - 1; i >= 0; i-- {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func TestStarsJenksTieRule(t *testing.T) {
	spec := func(k int) indicators.StarsSpec { return indicators.StarsSpec{Method: "jenks", Classes: k} }
	tests := []struct {
		name   string
		scores []float64
		k      int
		want   []int
	}{
		{"1, 2, 3 in two classes", []float64{1, 2, 3}, 2, []int{1, 2, 2}},
		{"3, 1, 2 in two classes", []float64{3, 1, 2}, 2, []int{2, 1, 2}},
		{"symmetric 1..5 in two classes", []float64{1, 2, 3, 4, 5}, 2, []int{1, 1, 2, 2, 2}},
		// Three break sets cost 3; the highest break lowest: {5 6 7}, then {3 4}.
		{"symmetric 1..7 in three classes", []float64{1, 2, 3, 4, 5, 6, 7}, 3, []int{1, 1, 2, 2, 3, 3, 3}},
		// 1/3 is not exact: the costs differ by a rounding residue only.
		{"thirds", []float64{1.0 / 3, 2.0 / 3, 1}, 2, []int{1, 2, 2}},
		// Equal at 12 significant digits: one score.
		{"noise is one score", []float64{8.833333333333336, 8.833333333333334, 1, 20}, 2, []int{1, 1, 1, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := starsJenks(tc.scores, spec(tc.k))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}

	rng := rand.New(rand.NewPCG(9, 1e9))
	for trial := range 1500 {
		d := 3 + rng.IntN(8)
		k := 2 + rng.IntN(min(4, d-2))
		x := make([]float64, 0, d)
		w := make([]float64, 0, d)
		step := []float64{1, 0.1, 1.0 / 3, 1e6, 7e-5}[trial%5]
		for v := 0; len(x) < d; v++ {
			if trial%3 != 0 || rng.IntN(3) > 0 { // gaps of one or two steps
				x = append(x, float64(v)*step)
				w = append(w, float64(1+rng.IntN(2)*(trial%2)))
			}
		}
		var scores []float64
		for j, v := range x {
			for range int(w[j]) {
				scores = append(scores, v)
			}
		}
		rng.Shuffle(len(scores), func(i, j int) { scores[i], scores[j] = scores[j], scores[i] })
		got, err := starsJenks(scores, spec(k))
		require.NoError(t, err)
		class := make([]int, d)
		for i, s := range scores {
			j := slices.Index(x, s)
			class[j] = got[i]
		}
		want := jenksRuleBrute(scoreKeys(x), w, k)
		require.Equal(t, want, jenksBreakSet(class), "trial %d: x=%v w=%v k=%d", trial, x, w, k)
	}
}

func TestPowerMeanNearZero(t *testing.T) {
	x := []float64{100, 1, 50, 25}
	w := []float64{0.25, 0.25, 0.25, 0.25}
	geo := aggGeometric(x, w)
	for _, p := range []float64{1e-300, 1e-20, -1e-20, 1e-18, 1e-15, -1e-15} {
		got := aggPower(x, w, AggregateParams{Power: p})
		assert.InDelta(t, geo, got, 1e-12*geo, "p = %g", p)
		assert.True(t, SameScore(geo, got), "p = %g", p)
	}
	// Small but not negligible p: the first-order expansion
	// G·exp(p·σ²/2), σ² the weighted variance of ln x.
	var ml, vl float64
	for j, v := range x {
		ml += w[j] * math.Log(v)
	}
	for j, v := range x {
		vl += w[j] * (math.Log(v) - ml) * (math.Log(v) - ml)
	}
	for _, p := range []float64{1e-9, -1e-7, 1e-5} {
		want := geo * math.Exp(p*vl/2)
		assert.InDelta(t, want, aggPower(x, w, AggregateParams{Power: p}), 1e-9*geo, "p = %g", p)
	}
	// The power mean keeps its definition elsewhere.
	for _, p := range []float64{0.5, -0.5, 0.999, 2, -3} {
		s := 0.0
		for j, v := range x {
			s += w[j] * math.Pow(v, p)
		}
		want := math.Pow(s, 1/p)
		assert.InDelta(t, want, aggPower(x, w, AggregateParams{Power: p}), 1e-12*want, "p = %g", p)
	}
	// Continuous through 0: increasing in p.
	prev := 0.0
	for _, p := range []float64{-1, -0.1, -1e-6, -1e-19, 0, 1e-19, 1e-6, 0.1, 1} {
		got := aggPower(x, w, AggregateParams{Power: p})
		assert.GreaterOrEqual(t, got, prev-1e-12*got, "p = %g", p)
		prev = got
	}
}

// TestNormalisersStayFinite: for finite inputs anywhere in the float64
// range, bounded methods stay within range and every method gives finite
// values (NaN only for NaN).
func TestNormalisersStayFinite(t *testing.T) {
	rng := rand.New(rand.NewPCG(308, 1))
	draw := func() float64 {
		switch rng.IntN(6) {
		case 0:
			return []float64{math.MaxFloat64, -math.MaxFloat64, 1e308, -1e308, 1e-320, -1e-320, 0}[rng.IntN(7)]
		case 1:
			return math.NaN()
		case 2:
			return (rng.Float64()*2 - 1) * math.Pow(10, float64(rng.IntN(617)-308))
		}
		return rng.NormFloat64() * 100
	}
	ranges := [][2]float64{{0, 100}, {1, 100}, {-1e308, 1e308}, {-math.MaxFloat64, math.MaxFloat64}, {-5, -1}}
	for trial := range 3000 {
		n := 1 + rng.IntN(8)
		x := make([]float64, n)
		for i := range x {
			x[i] = draw()
		}
		r := ranges[trial%len(ranges)]
		checkNormalisersBounded(t, x, r)
	}
}

func checkNormalisersBounded(t *testing.T, x []float64, r [2]float64) {
	t.Helper()
	target := 0.0
	for _, v := range x {
		if !math.IsNaN(v) {
			target = v
		}
	}
	gp := []float64{-1e308, 1e308}
	for _, name := range NormaliserNames() {
		n, _ := LookupNormaliser(name)
		p := NormaliseParams{Range: r, Goalposts: gp, Target: &target, Ref: -1}
		out := n.Fn(x, p)
		for i, v := range out {
			if math.IsNaN(x[i]) {
				assert.True(t, math.IsNaN(v), "%s(%v): NaN in, %v out", name, x, v)
				continue
			}
			if math.IsNaN(v) && (name == "fracmax" || name == "dist2ref") {
				continue // no positive leader, no reference: refused by the pipeline
			}
			require.False(t, math.IsNaN(v) || math.IsInf(v, 0), "%s(%v) range %v: %v", name, x, r, out)
			if n.Bounded {
				require.True(t, v >= r[0] && v <= r[1], "%s(%v) range %v: %v out of range", name, x, r, v)
			}
		}
	}
}

// FuzzNormalisers: any finite column stays finite and, under a bounded
// method, within range.
func FuzzNormalisers(f *testing.F) {
	f.Add(1e308, -1e308, 0.0, 0.0, 100.0)
	f.Add(1e-320, 5.0, -3.0, -1e308, 1e308)
	f.Add(math.MaxFloat64, -math.MaxFloat64, 1.0, 1.0, 2.0)
	f.Fuzz(func(t *testing.T, a, b, c, lo, hi float64) {
		for _, v := range []float64{a, b, c, lo, hi} {
			if math.IsInf(v, 0) {
				t.Skip()
			}
		}
		if !(lo < hi) {
			lo, hi = 0, 100
		}
		checkNormalisersBounded(t, []float64{a, b, c}, [2]float64{lo, hi})
	})
}

// TestCheckScores: a score that is not finite is refused, never ranked.
func TestCheckScores(t *testing.T) {
	def, _ := rbSynth(t, 3, 2, 1, "")
	label := stackLabel(nil)
	require.NoError(t, checkScores(def, "", []float64{1, 2, 3}, label, 2020))
	require.NoError(t, checkScores(def, "d0", []float64{1, math.NaN(), 3}, label, 2020), "a dimension may be missing")
	for _, node := range []string{"", "d0"} {
		err := checkScores(def, node, []float64{1, math.Inf(1), 3}, label, 2020)
		require.Error(t, err, node)
		assert.Contains(t, err.Error(), "overflows the float64 range")
		assert.Contains(t, err.Error(), "row 2")
	}
	err := checkScores(def, "", []float64{math.NaN()}, label, 2020)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "has no index score")
}

// BenchmarkScoreKey: the key of typical scores, taken per region and
// sample by robust when scores are not rounded.
func BenchmarkScoreKey(b *testing.B) {
	xs := make([]float64, 1024)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range xs {
		xs[i] = rng.Float64() * 100
	}
	var sink float64
	for i := 0; b.Loop(); i++ {
		sink += scoreKey(xs[i&1023])
	}
	_ = sink
}
