package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAggregatorRegistry(t *testing.T) {
	assert.Equal(t, []string{"arithmetic", "geometric"}, AggregatorNames())
	a, ok := LookupAggregator("arithmetic")
	require.True(t, ok)
	assert.Equal(t, "arithmetic", a.Name)
	assert.False(t, a.Positive)
	g, ok := LookupAggregator("geometric")
	require.True(t, ok)
	assert.True(t, g.Positive)
	_, ok = LookupAggregator("copeland")
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

		{"no regions", "arithmetic", [][]float64{}, []float64{1}, []float64{}},
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
	a, _ := LookupAggregator("arithmetic")
	assert.Panics(t, func() { a.Fn([][]float64{{1, 2, 3}}, []float64{1, 1}, AggregateParams{}) })
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
