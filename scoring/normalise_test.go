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
	assert.Equal(t, []string{"fracmax", "goalposts", "minmax", "none", "prank", "rank", "zscore"}, NormaliserNames())
	for _, name := range NormaliserNames() {
		n, ok := LookupNormaliser(name)
		require.True(t, ok, name)
		assert.Equal(t, name, n.Name)
		assert.NotNil(t, n.Fn, name)
	}
	_, ok := LookupNormaliser("borda")
	assert.False(t, ok, "not registered yet")

	flags := map[string][2]any{ // name → {Bounded, Needs}
		"minmax": {true, ""}, "zscore": {false, ""}, "rank": {false, ""},
		"prank": {true, ""}, "goalposts": {true, "goalposts"}, "none": {false, ""}, "fracmax": {true, ""},
	}
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
		{"fracmax no positive leader: midpoint", "fracmax", []float64{0, -2, nanv}, r100, []float64{50, 50, nanv}},

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
	p := NormaliseParams{Range: [2]float64{0, 100}, Goalposts: []float64{0, 1}, Ref: -1}
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
	p := NormaliseParams{Range: [2]float64{0, 1}, Goalposts: []float64{-2, 9}}
	top := map[string]float64{"minmax": 1, "prank": 0.75, "goalposts": 1}
	for _, name := range []string{"minmax", "prank", "goalposts"} {
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
