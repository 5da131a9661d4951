package scoring

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var nanv = math.NaN()

// assertFloatsNaN checks got against want element by element: NaN must meet
// NaN, and other values must agree within delta.
func assertFloatsNaN(t *testing.T, want, got []float64, delta float64, msg ...any) {
	t.Helper()
	require.Len(t, got, len(want), msg...)
	for i := range want {
		if math.IsNaN(want[i]) {
			assert.Truef(t, math.IsNaN(got[i]), "element %d: want NaN, got %v %v", i, got[i], msg)
			continue
		}
		assert.InDeltaf(t, want[i], got[i], delta, "element %d %v", i, msg)
	}
}

func TestNormaliserRegistry(t *testing.T) {
	assert.Equal(t, []string{"borda", "dist2max", "dist2ref", "dist2target", "fracmax", "goalposts", "minmax", "none", "prank", "rank", "zscore"}, NormaliserNames())
	for _, name := range NormaliserNames() {
		n, ok := LookupNormaliser(name)
		require.True(t, ok, name)
		assert.Equal(t, name, n.Name)
		assert.NotNil(t, n.Fn, name)
	}
	_, ok := LookupNormaliser("dist2min")
	assert.False(t, ok, "not registered")

	flags := map[string][2]any{ // name → {Bounded, Needs}
		"minmax": {true, ""}, "zscore": {false, ""}, "rank": {false, ""},
		"prank": {true, ""}, "goalposts": {true, "goalposts"}, "none": {false, ""}, "fracmax": {true, ""},
		"borda": {false, ""}, "dist2max": {true, ""}, "dist2ref": {false, "reference"}, "dist2target": {true, "target"},
	}
	require.Len(t, flags, len(NormaliserNames()), "every method's flags are checked")
	for name, f := range flags {
		n, _ := LookupNormaliser(name)
		assert.Equal(t, f[0], n.Bounded, name)
		assert.Equal(t, f[1], n.Needs, name)
	}
}

func TestNormalisers(t *testing.T) {
	r100 := NormaliseParams{Range: [2]float64{0, 100}, Ref: -1}
	r1100 := NormaliseParams{Range: [2]float64{1, 100}, Ref: -1}
	gp := NormaliseParams{Range: [2]float64{0, 100}, Goalposts: []float64{0, 10}, Ref: -1}
	tests := []struct {
		name   string
		method string
		x      []float64
		p      NormaliseParams
		want   []float64
	}{
		{"minmax", "minmax", []float64{1, 2, 3, nanv, 5}, r100, []float64{0, 25, 50, nanv, 100}},
		{"minmax negative values", "minmax", []float64{-4, 0, 4}, r100, []float64{0, 50, 100}},
		{"minmax range 1..100", "minmax", []float64{0, 5, 10}, r1100, []float64{1, 50.5, 100}},
		{"minmax reversed range", "minmax", []float64{0, 5, 10}, NormaliseParams{Range: [2]float64{100, 0}}, []float64{100, 50, 0}},
		{"minmax single value: midpoint", "minmax", []float64{nanv, 7, nanv}, r100, []float64{nanv, 50, nanv}},
		{"minmax all equal: midpoint", "minmax", []float64{3, 3, nanv, 3}, r1100, []float64{50.5, 50.5, nanv, 50.5}},

		{"zscore", "zscore", []float64{1, 2, 3}, r100, []float64{-1, 0, 1}},
		{"zscore sample sd", "zscore", []float64{2, 4, 4, 4, 5, 5, 7, 9}, r100,
			// mean 5, sample sd sqrt(32/7)
			[]float64{-3 / math.Sqrt(32.0/7), -1 / math.Sqrt(32.0/7), -1 / math.Sqrt(32.0/7), -1 / math.Sqrt(32.0/7), 0, 0, 2 / math.Sqrt(32.0/7), 4 / math.Sqrt(32.0/7)}},
		{"zscore with missing", "zscore", []float64{nanv, 10, nanv, 20, 30}, r100, []float64{nanv, -1, nanv, 0, 1}},
		{"zscore single value: 0", "zscore", []float64{nanv, 42}, r100, []float64{nanv, 0}},
		{"zscore all equal: 0", "zscore", []float64{0.1, 0.1, 0.1}, r100, []float64{0, 0, 0}},

		{"rank", "rank", []float64{30, 10, 20}, r100, []float64{3, 1, 2}},
		{"rank ties take lowest", "rank", []float64{3, 1, 2, 2}, r100, []float64{4, 1, 2, 2}},
		{"rank three-way tie", "rank", []float64{5, 5, 5, 9, 1}, r100, []float64{2, 2, 2, 5, 1}},
		{"rank with missing", "rank", []float64{nanv, 5, 5, 1}, r100, []float64{nanv, 2, 2, 1}},
		{"rank negative", "rank", []float64{-1, -3, 0}, r100, []float64{2, 1, 3}},
		{"rank single value", "rank", []float64{nanv, 8}, r100, []float64{nanv, 1}},

		{"prank", "prank", []float64{10, 20, 20, 40}, r100, []float64{0, 100.0 / 3, 100.0 / 3, 100}},
		{"prank n counts present only", "prank", []float64{1, nanv, 2, 3}, r100, []float64{0, nanv, 50, 100}},
		{"prank range 1..100", "prank", []float64{3, 1, 2}, r1100, []float64{100, 1, 50.5}},
		{"prank single value: midpoint", "prank", []float64{nanv, 8}, r100, []float64{nanv, 50}},
		{"prank all equal: midpoint", "prank", []float64{8, 8}, r100, []float64{50, 50}},

		{"goalposts truncates", "goalposts", []float64{-5, 0, 2.5, 10, 15, nanv}, gp, []float64{0, 0, 25, 100, 100, nanv}},
		{"goalposts into 1..100", "goalposts", []float64{0, 5, 10}, NormaliseParams{Range: [2]float64{1, 100}, Goalposts: []float64{0, 10}}, []float64{1, 50.5, 100}},
		{"goalposts negated (direction -1)", "goalposts", []float64{-2, -8}, NormaliseParams{Range: [2]float64{0, 100}, Goalposts: []float64{-10, 0}}, []float64{80, 20}},
		{"goalposts unaffected by equal values", "goalposts", []float64{3, 3, 3}, gp, []float64{30, 30, 30}},
		{"goalposts single value", "goalposts", []float64{nanv, 7}, gp, []float64{nanv, 70}},

		{"fracmax share of the leader", "fracmax", []float64{3, 4, nanv, 2}, r100, []float64{75, 100, nanv, 50}},
		{"fracmax range 1..100", "fracmax", []float64{0, 5, 10}, r1100, []float64{1, 50.5, 100}},
		{"fracmax no positive leader: all NaN (the pipeline refuses it first)", "fracmax", []float64{0, -2, nanv}, r100, []float64{nanv, nanv, nanv}},
		{"fracmax negative values map to lo", "fracmax", []float64{-5, 0, 5, 10}, r1100, []float64{1, 1, 50.5, 100}},
		{"fracmax all equal: the top", "fracmax", []float64{4, 4, nanv}, r1100, []float64{100, 100, nanv}},
		{"fracmax huge values", "fracmax", []float64{-1e308, 1e308}, r100, []float64{0, 100}},

		{"minmax ±1e308", "minmax", []float64{-1e308, 0, 1e308}, r100, []float64{0, 50, 100}},
		{"minmax ±max float", "minmax", []float64{-math.MaxFloat64, math.MaxFloat64}, r1100, []float64{1, 100}},
		{"minmax range ±1e308", "minmax", []float64{0, 1, 2}, NormaliseParams{Range: [2]float64{-1e308, 1e308}}, []float64{-1e308, 0, 1e308}},
		{"dist2max ±1e308", "dist2max", []float64{-1e308, 0, 1e308}, r100, []float64{0, 50, 100}},
		{"prank ±1e308", "prank", []float64{1e308, -1e308, 0}, r100, []float64{100, 0, 50}},
		{"zscore ±1e308", "zscore", []float64{-1e308, 0, 1e308}, r100, []float64{-1, 0, 1}},
		{"zscore tiny values", "zscore", []float64{-1e-320, 0, 1e-320}, r100, []float64{-1, 0, 1}},
		{"goalposts ±1e308", "goalposts", []float64{-1e308, 0, 1e308}, NormaliseParams{Range: [2]float64{0, 100}, Goalposts: []float64{-1e308, 1e308}}, []float64{0, 50, 100}},
		{"goalposts far outside", "goalposts", []float64{-1e308, 1e308}, NormaliseParams{Range: [2]float64{0, 100}, Goalposts: []float64{-1, 1}}, []float64{0, 100}},
		{"dist2target ±1e308", "dist2target", []float64{-1e308, 0, 1e308}, naTarget(1e308, 0, 100), []float64{0, 50, 100}},

		{"borda", "borda", []float64{30, 10, 20}, r100, []float64{2, 0, 1}},
		{"borda ties take lowest", "borda", []float64{3, 1, 2, 2}, r100, []float64{3, 0, 1, 1}},
		{"borda with missing", "borda", []float64{nanv, 5, 5, 1}, r100, []float64{nanv, 1, 1, 0}},
		{"borda ignores range", "borda", []float64{-1, -3, 0}, r1100, []float64{1, 0, 2}},
		{"borda single value: 0", "borda", []float64{nanv, 8}, r100, []float64{nanv, 0}},
		{"borda all equal: 0", "borda", []float64{4, 4, 4}, r100, []float64{0, 0, 0}},

		// 1 − (10 − x)/8 for min 2, max 10.
		{"dist2max", "dist2max", []float64{2, 4, nanv, 10}, r100, []float64{0, 25, nanv, 100}},
		{"dist2max negative values", "dist2max", []float64{-4, 0, 4}, r100, []float64{0, 50, 100}},
		{"dist2max range 1..100", "dist2max", []float64{0, 5, 10}, r1100, []float64{1, 50.5, 100}},
		{"dist2max single value: midpoint", "dist2max", []float64{nanv, 7}, r100, []float64{nanv, 50}},
		{"dist2max all equal: midpoint", "dist2max", []float64{3, 3, nanv}, r1100, []float64{50.5, 50.5, nanv}},

		// x / 4, the reference being row 1.
		{"dist2ref", "dist2ref", []float64{2, 4, nanv, 8, -1}, naRef(1), []float64{0.5, 1, nanv, 2, -0.25}},
		{"dist2ref reference first", "dist2ref", []float64{5, 1, 10}, naRef(0), []float64{1, 0.2, 2}},
		{"dist2ref no reference: all NaN", "dist2ref", []float64{2, 4}, naRef(-1), []float64{nanv, nanv}},
		{"dist2ref reference missing: all NaN", "dist2ref", []float64{2, nanv, 8}, naRef(1), []float64{nanv, nanv, nanv}},
		{"dist2ref reference 0: all NaN", "dist2ref", []float64{2, 0, 8}, naRef(1), []float64{nanv, nanv, nanv}},
		// Lower is better, negated: 2 − x/x_ref keeps the order and the
		// reference at 1; raw 5 is half the reference's raw 10: 1.5.
		{"dist2ref reference negative (direction -1)", "dist2ref", []float64{-10, -5, -20, nanv}, naRef(0), []float64{1, 1.5, 0, nanv}},

		// (x − 2)/(8 − 2), capped at 1.
		{"dist2target", "dist2target", []float64{2, 5, 8, 11, nanv}, naTarget(8, 0, 100), []float64{0, 50, 100, 100, nanv}},
		{"dist2target range 1..100", "dist2target", []float64{0, 5, 10}, naTarget(10, 1, 100), []float64{1, 50.5, 100}},
		// Costs 10, 6, 4 with target 5, negated: min −10, target −5.
		{"dist2target negated (direction -1)", "dist2target", []float64{-10, -6, -4}, naTarget(-5, 0, 100), []float64{0, 80, 100}},
		{"dist2target target below min: all hi", "dist2target", []float64{5, nanv, 7}, naTarget(3, 0, 100), []float64{100, nanv, 100}},
		{"dist2target target at min: all hi", "dist2target", []float64{5, 7}, naTarget(5, 1, 100), []float64{100, 100}},
		{"dist2target single value below target: lo", "dist2target", []float64{nanv, 3}, naTarget(5, 0, 100), []float64{nanv, 0}},
		{"dist2target all equal below target: lo", "dist2target", []float64{3, 3}, naTarget(5, 0, 100), []float64{0, 0}},

		{"none copies", "none", []float64{-1.5, nanv, 1e6}, r100, []float64{-1.5, nanv, 1e6}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, ok := LookupNormaliser(tc.method)
			require.True(t, ok)
			in := slices.Clone(tc.x)
			got := n.Fn(in, tc.p)
			assertFloatsNaN(t, tc.want, got, 1e-12)
			// The input is left alone.
			assertFloatsNaN(t, tc.x, in, 0)
		})
	}
}

func TestNormalisersMissingAndEmpty(t *testing.T) {
	target := 1.0
	p := NormaliseParams{Range: [2]float64{0, 100}, Goalposts: []float64{0, 1}, Target: &target, Ref: -1}
	for _, name := range NormaliserNames() {
		n, _ := LookupNormaliser(name)
		t.Run(name, func(t *testing.T) {
			assertFloatsNaN(t, []float64{nanv, nanv, nanv}, n.Fn([]float64{nanv, nanv, nanv}, p), 0, "all missing")
			assert.Empty(t, n.Fn([]float64{}, p), "empty column")
			// A fresh slice, never the input itself.
			x := []float64{1, 2}
			got := n.Fn(x, p)
			got[0] = 99
			assert.Equal(t, 1.0, x[0])
		})
	}
}

func TestNormalisersKeepOrder(t *testing.T) {
	// Bounded methods map the smallest to lo and the largest to hi (prank:
	// tied largest values share the lower rank 4 of 5, so 0.75), and keep
	// the order of the values in between.
	x := []float64{4, nanv, -2, 9, 0.5, 9}
	target := 9.0
	p := NormaliseParams{Range: [2]float64{0, 1}, Goalposts: []float64{-2, 9}, Target: &target}
	top := map[string]float64{"minmax": 1, "prank": 0.75, "goalposts": 1, "dist2max": 1, "dist2target": 1}
	for _, name := range []string{"minmax", "prank", "goalposts", "dist2max", "dist2target"} {
		n, _ := LookupNormaliser(name)
		got := n.Fn(x, p)
		assert.Equal(t, 0.0, got[2], name)
		assert.Equal(t, top[name], got[3], name)
		assert.Equal(t, got[3], got[5], name)
		assert.Less(t, got[4], got[0], name)
		assert.True(t, math.IsNaN(got[1]), name)
	}
}

func TestGoalpostsNeedsGoalposts(t *testing.T) {
	n, _ := LookupNormaliser("goalposts")
	for _, g := range [][]float64{nil, {1}, {5, 5}, {10, 0}} {
		assert.Panics(t, func() { n.Fn([]float64{1}, NormaliseParams{Range: [2]float64{0, 1}, Goalposts: g}) }, "%v", g)
	}
}

// naRef is a [0, 100] range with the reference region at row ref.
func naRef(ref int) NormaliseParams {
	return NormaliseParams{Range: [2]float64{0, 100}, Ref: ref}
}

// naTarget is the range [lo, hi] with the given target and no reference.
func naTarget(target, lo, hi float64) NormaliseParams {
	return NormaliseParams{Range: [2]float64{lo, hi}, Target: &target, Ref: -1}
}

func TestDist2MaxEqualsMinMax(t *testing.T) {
	// 1 − (max − x)/(max − min) = (x − min)/(max − min).
	x := []float64{3.7, nanv, -1.2, 8, 0, 8, 2.25}
	p := NormaliseParams{Range: [2]float64{1, 100}, Ref: -1}
	mm, _ := LookupNormaliser("minmax")
	d, _ := LookupNormaliser("dist2max")
	assertFloatsNaN(t, mm.Fn(x, p), d.Fn(x, p), 1e-12)
}

func TestBordaIsRankMinusOne(t *testing.T) {
	x := []float64{3.7, nanv, -1.2, 8, 0, 8, 2.25}
	r, _ := LookupNormaliser("rank")
	b, _ := LookupNormaliser("borda")
	want := r.Fn(x, NormaliseParams{Ref: -1})
	for i := range want {
		want[i]--
	}
	assertFloatsNaN(t, want, b.Fn(x, NormaliseParams{Ref: -1}), 0)
}

func TestDist2RefReferenceIsOne(t *testing.T) {
	// Whichever region is the reference scores exactly 1, and the order of
	// the others is kept.
	x := []float64{12, 3, nanv, 7.5, 40}
	n, _ := LookupNormaliser("dist2ref")
	for ref, v := range x {
		got := n.Fn(x, naRef(ref))
		if math.IsNaN(v) {
			assertFloatsNaN(t, allNaN(len(x)), got, 0, ref)
			continue
		}
		assert.Equal(t, 1.0, got[ref], ref)
		assert.Less(t, got[1], got[3], ref)
		assert.Less(t, got[3], got[0], ref)
		assert.Less(t, got[0], got[4], ref)
	}
}

func TestNormalisersNeedTheirParameters(t *testing.T) {
	r := [2]float64{0, 1}
	nan, inf := math.NaN(), math.Inf(1)
	d2t, _ := LookupNormaliser("dist2target")
	for _, target := range []*float64{nil, &nan, &inf} {
		assert.Panics(t, func() { d2t.Fn([]float64{1, 2}, NormaliseParams{Range: r, Target: target, Ref: -1}) })
	}
	d2r, _ := LookupNormaliser("dist2ref")
	assert.Panics(t, func() { d2r.Fn([]float64{1, 2}, NormaliseParams{Range: r, Ref: 2}) }, "reference outside the column")
}
