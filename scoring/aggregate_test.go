package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAggregatorRegistry(t *testing.T) {
	assert.Equal(t, []string{"arithmetic", "copeland", "geometric", "harmonic", "power"}, AggregatorNames())
	positive := map[string]bool{"arithmetic": false, "copeland": false, "geometric": true, "harmonic": true, "power": true}
	require.Len(t, positive, len(AggregatorNames()), "every method's flag is checked")
	for name, pos := range positive {
		a, ok := LookupAggregator(name)
		require.True(t, ok, name)
		assert.Equal(t, name, a.Name)
		assert.Equal(t, pos, a.Positive, name)
		assert.NotNil(t, a.Fn, name)
	}
	_, ok := LookupAggregator("median")
	assert.False(t, ok)
}

func TestAggregators(t *testing.T) {
	tests := []struct {
		name   string
		method string
		X      [][]float64
		w      []float64
		want   []float64
	}{
		{"arithmetic equal weights", "arithmetic",
			[][]float64{{1, 2, 3}, {10, 20, 60}}, []float64{1, 1, 1}, []float64{2, 30}},
		{"arithmetic weights are relative", "arithmetic",
			[][]float64{{1, 2, 3}}, []float64{2, 2, 4}, []float64{2.25}},
		{"arithmetic renormalises over present children", "arithmetic",
			[][]float64{{4, nanv, 6}, {nanv, 8, nanv}}, []float64{1, 1, 2}, []float64{16.0 / 3, 8}},
		{"arithmetic row with none present is NaN", "arithmetic",
			[][]float64{{nanv, nanv}, {1, 3}}, []float64{1, 1}, []float64{nanv, 2}},
		{"arithmetic negative values are fine", "arithmetic",
			[][]float64{{-1, 1}, {-2, -4}}, []float64{1, 1}, []float64{0, -3}},
		{"arithmetic only zero-weight child present", "arithmetic",
			[][]float64{{5, nanv}}, []float64{0, 1}, []float64{nanv}},

		{"geometric equal weights", "geometric",
			[][]float64{{1, 4}, {2, 8}, {1, 10}}, []float64{1, 1}, []float64{2, 4, math.Sqrt(10)}},
		{"geometric weighted", "geometric",
			[][]float64{{1, 16}}, []float64{1, 3}, []float64{8}},
		{"geometric renormalises over present children", "geometric",
			[][]float64{{nanv, 9, 4}, {nanv, nanv, 5}}, []float64{5, 1, 1}, []float64{6, 5}},
		{"geometric row with none present is NaN", "geometric",
			[][]float64{{nanv, nanv}}, []float64{1, 1}, []float64{nanv}},
		{"geometric non-positive gives NaN", "geometric",
			[][]float64{{0, 4}, {-1, 4}, {1, 4}}, []float64{1, 1}, []float64{nanv, nanv, 2}},
		{"geometric large values do not overflow", "geometric",
			[][]float64{{1e200, 1e200, 1e200}}, []float64{1, 1, 1}, []float64{1e200}},

		// 2 / (1/1 + 1/4) = 1.6; 1 / (0.25/1 + 0.75/4) = 16/7.
		{"harmonic equal weights", "harmonic",
			[][]float64{{1, 4}, {3, 3}}, []float64{1, 1}, []float64{1.6, 3}},
		{"harmonic weighted", "harmonic",
			[][]float64{{1, 4}}, []float64{1, 3}, []float64{16.0 / 7}},
		// 1 / (0.5/2 + 0.5/4) = 8/3.
		{"harmonic renormalises over present children", "harmonic",
			[][]float64{{nanv, 2, 4}, {nanv, nanv, 5}}, []float64{5, 1, 1}, []float64{8.0 / 3, 5}},
		{"harmonic row with none present is NaN", "harmonic",
			[][]float64{{nanv, nanv}}, []float64{1, 1}, []float64{nanv}},
		{"harmonic non-positive gives NaN", "harmonic",
			[][]float64{{0, 4}, {-1, 4}, {4, 4}}, []float64{1, 1}, []float64{nanv, nanv, 4}},
		// 1/1e-310 overflows: the values are scaled by the smallest first.
		{"harmonic tiny values do not overflow", "harmonic",
			[][]float64{{1e-310, 1e-310}, {1e-300, 3e-300}}, []float64{1, 1}, []float64{1e-310, 1.5e-300}},

		{"no regions", "arithmetic", [][]float64{}, []float64{1}, []float64{}},
		{"no regions, copeland", "copeland", [][]float64{}, []float64{1}, []float64{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, ok := LookupAggregator(tc.method)
			require.True(t, ok)
			got := a.Fn(tc.X, tc.w, AggregateParams{})
			want := tc.want
			// Relative tolerance for the large-value case.
			for i := range want {
				if !math.IsNaN(want[i]) && !math.IsNaN(got[i]) && want[i] != 0 {
					got[i] /= want[i]
					want[i] = 1
				}
			}
			assertFloatsNaN(t, want, got, 1e-12)
		})
	}
}

func TestAggregatorGeometricBelowArithmetic(t *testing.T) {
	// AM–GM: the geometric mean never exceeds the arithmetic one, and they
	// agree only when the values are equal.
	a, _ := LookupAggregator("arithmetic")
	g, _ := LookupAggregator("geometric")
	X := [][]float64{{1, 50, 100}, {30, 30, 30}, {nanv, 2, 98}}
	w := []float64{1, 2, 1}
	am, gm := a.Fn(X, w, AggregateParams{}), g.Fn(X, w, AggregateParams{})
	assert.Less(t, gm[0], am[0])
	assert.InDelta(t, 30, gm[1], 1e-12)
	assert.InDelta(t, 30, am[1], 1e-12)
	assert.InDelta(t, (2*2+98)/3.0, am[2], 1e-12)
	assert.InDelta(t, math.Pow(2*2*98, 1/3.0), gm[2], 1e-12)
}

func TestAggregatorLengthMismatchPanics(t *testing.T) {
	for _, name := range AggregatorNames() {
		a, _ := LookupAggregator(name)
		assert.Panics(t, func() { a.Fn([][]float64{{1, 2, 3}}, []float64{1, 1}, AggregateParams{Power: 1}) }, name)
	}
}

func TestAggregatorPower(t *testing.T) {
	tests := []struct {
		name  string
		power float64
		X     [][]float64
		w     []float64
		want  []float64
	}{
		// √((1 + 49)/2) = 5; √(2/3·9 + 1/3·36) = √18.
		{"p=2 equal weights", 2, [][]float64{{1, 7}}, []float64{1, 1}, []float64{5}},
		{"p=2 weighted", 2, [][]float64{{3, 6}}, []float64{2, 1}, []float64{math.Sqrt(18)}},
		// (0.5·1 + 0.5·3)² = 4.
		{"p=0.5", 0.5, [][]float64{{1, 9}}, []float64{1, 1}, []float64{4}},
		// (0.5/1 + 0.5/4)^(−1/2) = 0.625^(−1/2).
		{"p=-2", -2, [][]float64{{1, 2}}, []float64{1, 1}, []float64{1 / math.Sqrt(0.625)}},
		{"p=3 renormalises over present children", 3, [][]float64{{nanv, 1, 2}, {nanv, nanv, 4}}, []float64{9, 1, 1},
			[]float64{math.Cbrt(4.5), 4}},
		{"equal values give that value", 7, [][]float64{{2.5, 2.5, 2.5}}, []float64{1, 2, 3}, []float64{2.5}},
		{"row with none present is NaN", 2, [][]float64{{nanv, nanv}}, []float64{1, 1}, []float64{nanv}},
		{"non-positive gives NaN", 2, [][]float64{{0, 4}, {-1, 4}, {4, 4}}, []float64{1, 1}, []float64{nanv, nanv, 4}},
		{"non-positive gives NaN, p<0", -1, [][]float64{{4, 0}, {4, -1}}, []float64{1, 1}, []float64{nanv, nanv}},
		{"large values and p do not overflow", 100, [][]float64{{1e10, 1e10}}, []float64{1, 1}, []float64{1e10}},
		{"small values and negative p do not overflow", -100, [][]float64{{1e-10, 1e-10}}, []float64{1, 1}, []float64{1e-10}},
		{"p=2 on large values", 2, [][]float64{{1e200, 7e200}}, []float64{1, 1}, []float64{5e200}},
	}
	pw, _ := LookupAggregator("power")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := pw.Fn(tc.X, tc.w, AggregateParams{Power: tc.power})
			// Relative tolerance, for the large and small values.
			want := make([]float64, len(tc.want))
			for i, v := range tc.want {
				want[i] = v
				if !math.IsNaN(v) && !math.IsNaN(got[i]) {
					got[i] /= v
					want[i] = 1
				}
			}
			assertFloatsNaN(t, want, got, 1e-12)
		})
	}
}

func TestAggregatorPowerSpecialCases(t *testing.T) {
	// p = 1, 0, −1 are the arithmetic, geometric and harmonic means, and the
	// means grow with p: harmonic ≤ geometric ≤ arithmetic ≤ p = 2.
	X := [][]float64{{1, 50, 100}, {30, 30, 30}, {nanv, 2, 98}, {nanv, nanv, nanv}, {0.5, 1e-3, 7}}
	w := []float64{1, 2, 1}
	pw, _ := LookupAggregator("power")
	byPower := map[float64][]float64{}
	for p, name := range map[float64]string{1: "arithmetic", 0: "geometric", -1: "harmonic"} {
		a, _ := LookupAggregator(name)
		want := a.Fn(X, w, AggregateParams{})
		byPower[p] = pw.Fn(X, w, AggregateParams{Power: p})
		assertFloatsNaN(t, want, byPower[p], 1e-12, name)
	}
	byPower[2] = pw.Fn(X, w, AggregateParams{Power: 2})
	for r := range X {
		if math.IsNaN(X[r][2]) {
			continue
		}
		for _, pq := range [][2]float64{{-1, 0}, {0, 1}, {1, 2}} {
			assert.LessOrEqual(t, byPower[pq[0]][r], byPower[pq[1]][r]+1e-12, "row %d, p=%v", r, pq)
		}
	}
	assert.InDelta(t, 30, byPower[2][1], 1e-12, "equal values")
}

func TestNonPositive(t *testing.T) {
	tests := []struct {
		name     string
		X        [][]float64
		row, col int
		ok       bool
	}{
		{"all positive", [][]float64{{1, 2}, {0.001, 3}}, -1, -1, false},
		{"missing is not a value", [][]float64{{nanv, 2}, {1, nanv}}, -1, -1, false},
		{"negative", [][]float64{{1, 2}, {3, -0.5}}, 1, 1, true},
		{"zero", [][]float64{{1, 0}, {-3, 1}}, 0, 1, true},
		{"first in row order", [][]float64{{1, 2}, {-1, 0}, {0, 5}}, 1, 0, true},
		{"empty", nil, -1, -1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, c, ok := NonPositive(tc.X)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.row, r)
			assert.Equal(t, tc.col, c)
		})
	}
}
