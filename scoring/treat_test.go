package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// itSeq returns from, from+1, …, to.
func itSeq(from, to int) []float64 {
	var out []float64
	for v := from; v <= to; v++ {
		out = append(out, float64(v))
	}
	return out
}

// itJoin concatenates columns.
func itJoin(parts ...[]float64) []float64 {
	var out []float64
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// itRepeat returns n copies of v.
func itRepeat(v float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// itAssertColumn compares columns value by value, NaN equal to NaN.
func itAssertColumn(t *testing.T, want, got []float64, delta float64) {
	t.Helper()
	require.Len(t, got, len(want))
	for k := range want {
		if math.IsNaN(want[k]) {
			assert.True(t, math.IsNaN(got[k]), "value %d: want NaN, got %g", k, got[k])
			continue
		}
		assert.InDelta(t, want[k], got[k], delta, "value %d", k)
	}
}

func TestTreatmentNamesRegistered(t *testing.T) {
	assert.Equal(t, []string{"log", "none", "winsorise"}, TreatmentNames())
}

// TestTreatSkewKurtByHand: x = 1, 2, 3, 4, 10 has n = 5, mean 4,
// deviations −3, −2, −1, 0, 6, so m2 = 50/5 = 10, m3 = 180/5 = 36 and
// m4 = 1394/5 = 278.8.
//
//	G1 = √(5·4)/3 · 36/10^1.5 = 6√2/5 ≈ 1.6970563
//	g2 = 278.8/100 − 3 = −0.212
//	G2 = (6·(−0.212) + 6)·4/(3·2) = 3.152
//
// e1071::skewness(x, type = 2) and kurtosis(x, type = 2), COINr's skew()
// and kurt(), and Excel's SKEW and KURT give the same numbers.
func TestTreatSkewKurtByHand(t *testing.T) {
	tests := []struct {
		name       string
		x          []float64
		skew, kurt float64
	}{
		{"right tail", []float64{1, 2, 3, 4, 10}, 6 * math.Sqrt2 / 5, 3.152},
		{"left tail", []float64{-10, -4, -3, -2, -1}, -6 * math.Sqrt2 / 5, 3.152},
		// 1…5: m2 = 2, m4 = 6.8, g2 = 6.8/4 − 3 = −1.3,
		// G2 = (6·(−1.3) + 6)·4/6 = −1.2; symmetric, so G1 = 0.
		{"symmetric", []float64{1, 2, 3, 4, 5}, 0, -1.2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, k := treatSkewKurt(tc.x)
			assert.InDelta(t, tc.skew, s, 1e-12)
			assert.InDelta(t, tc.kurt, k, 1e-12)
		})
	}
}

// TestTreatFailsRule: treated only when |skew| ≥ 2 and kurtosis ≥ 3.5.
func TestTreatFailsRule(t *testing.T) {
	tests := []struct {
		name  string
		x     []float64
		fails bool
	}{
		// G1 ≈ 3.2556, G2 ≈ 10.7067
		{"outlier high", itJoin(itSeq(1, 10), []float64{100}), true},
		{"outlier low", itJoin([]float64{-100}, itSeq(1, 10)), true},
		// G1 ≈ 1.697 < 2 although G2 = 3.152: not both
		{"moderate", []float64{1, 2, 3, 4, 10}, false},
		// 20 zeros, 1…8: G1 ≈ 1.775, G2 ≈ 1.925
		{"skewed, light tail", itJoin(itRepeat(0, 20), itSeq(1, 8)), false},
		{"three values", []float64{1, 2, 1000}, false},
		{"constant", []float64{4, 4, 4, 4, 4}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fails, _ := treatFails(tc.x)
			assert.Equal(t, tc.fails, fails)
		})
	}
}

// TestWinsorise runs the registered treatment. The statistics quoted were
// worked out for each intermediate column; the column passes as soon as
// |G1| < 2 or G2 < 3.5.
func TestWinsorise(t *testing.T) {
	nan := math.NaN()
	tail := itJoin(itSeq(1, 42), []float64{1000, 2000, 3000, 4000, 5000, 6000})
	// log(x − 1 + 0.01·(6000 − 1)) = log(x + 58.99)
	logTail := make([]float64, len(tail))
	for k, v := range tail {
		logTail[k] = math.Log(v + 58.99)
	}
	tests := []struct {
		name    string
		x, want []float64
		applied string
		changed int
		detail  string
	}{
		{
			// G1 3.256, G2 10.71 → 100 set to 10: G1 −0.128, G2 −1.337.
			name:    "one round",
			x:       itJoin(itSeq(1, 5), []float64{nan}, itSeq(6, 10), []float64{100}),
			want:    itJoin(itSeq(1, 5), []float64{nan}, itSeq(6, 10), []float64{10}),
			applied: "winsorise", changed: 1, detail: "1 value winsorised in 1 round",
		},
		{
			// G1 3.035, G2 8.890; 3000 → 2000 (G1 2.681, G2 6.081), the two
			// 2000s → 1000 (G1 2.350, G2 3.852), the three 1000s → 20
			// (G1 −0.156, G2 −1.324): passes after 3 rounds.
			name:    "three rounds",
			x:       itJoin(itSeq(1, 20), []float64{1000, 2000, 3000}),
			want:    itJoin(itSeq(1, 20), []float64{20, 20, 20}),
			applied: "winsorise", changed: 3, detail: "3 values winsorised in 3 rounds",
		},
		{
			// G1 4.493, G2 20.79; 1000 → 200 (G1 2.663, G2 6.103), then the
			// two 200s → 100 (G1 2.205, G2 3.447 < 3.5): 2 cells changed.
			name:    "tie moved together",
			x:       itJoin(itSeq(1, 20), []float64{100, 200, 1000}),
			want:    itJoin(itSeq(1, 20), []float64{100, 100, 100}),
			applied: "winsorise", changed: 2, detail: "2 values winsorised in 2 rounds",
		},
		{
			// Two tied maxima (G1 2.817, G2 7.134) move in one round to 20.
			name:    "tied extremes",
			x:       itJoin(itSeq(1, 20), []float64{100, 100}),
			want:    itJoin(itSeq(1, 20), []float64{20, 20}),
			applied: "winsorise", changed: 2, detail: "2 values winsorised in 1 round",
		},
		{
			// G1 −3.268, G2 10.76: the minimum moves up to the next value.
			name:    "negative skew",
			x:       itJoin([]float64{-100}, itSeq(1, 10)),
			want:    itJoin([]float64{1}, itSeq(1, 10)),
			applied: "winsorise", changed: 1, detail: "1 value winsorised in 1 round",
		},
		{
			// After 5 rounds the six outliers are all 1000 and the column
			// still fails (G1 2.336, G2 3.617): the log of the original.
			name:    "log after five rounds",
			x:       tail,
			want:    logTail,
			applied: "log", changed: len(tail), detail: "log transform after 5 rounds of winsorising failed",
		},
		{
			name: "symmetric untouched",
			x:    []float64{1, 2, nan, 3, 4, 5, 6, 7, 8, 9},
			want: []float64{1, 2, nan, 3, 4, 5, 6, 7, 8, 9},
		},
		{
			name: "fewer than four values untouched",
			x:    []float64{1, nan, 2, 1000},
			want: []float64{1, nan, 2, 1000},
		},
		{
			name: "all missing",
			x:    []float64{nan, nan},
			want: []float64{nan, nan},
		},
	}
	win, ok := LookupTreatment("winsorise")
	require.True(t, ok)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			orig := append([]float64(nil), tc.x...)
			got := win.Fn(tc.x)
			itAssertColumn(t, tc.want, got.Values, 1e-12)
			assert.Equal(t, tc.applied, got.Applied)
			assert.Equal(t, tc.changed, got.Changed)
			assert.Equal(t, tc.detail, got.Detail)
			itAssertColumn(t, orig, tc.x, 0) // x is not changed
		})
	}
}

// TestWinsoriseLogValuesByHand spot-checks the fallback on the column of
// TestWinsorise: min 1, max 6000, shift 0.01·5999 = 59.99.
func TestWinsoriseLogValuesByHand(t *testing.T) {
	x := itJoin(itSeq(1, 42), []float64{1000, 2000, 3000, 4000, 5000, 6000})
	got := treatWinsorise(x)
	require.Equal(t, "log", got.Applied)
	assert.InDelta(t, 4.094177881665002, got.Values[0], 1e-12)   // log(59.99)
	assert.InDelta(t, 4.6150215020384655, got.Values[41], 1e-12) // log(41 + 59.99)
	assert.InDelta(t, 8.709298398506261, got.Values[47], 1e-12)  // log(5999 + 59.99)
}

// TestLogTreatment: log(x − min + 0.01·(max − min)) on every column with
// spread, NaN kept; constant and empty columns untouched.
func TestLogTreatment(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name    string
		x, want []float64
		applied string
		changed int
		detail  string
	}{
		{
			// min 1, max 101: shift 1, so log(x − 1 + 1) = log(x).
			name:    "shifted",
			x:       []float64{1, 2, 5, nan, 101},
			want:    []float64{0, math.Ln2, math.Log(5), nan, math.Log(101)},
			applied: "log", changed: 4, detail: "log transform of 4 values",
		},
		{
			// min −3, max 7: shift 0.1; the minimum goes to log(0.1).
			name:    "negative values",
			x:       []float64{-3, 7, 2},
			want:    []float64{math.Log(0.1), math.Log(10.1), math.Log(5.1)},
			applied: "log", changed: 3, detail: "log transform of 3 values",
		},
		{name: "constant", x: []float64{3, 3, nan, 3}, want: []float64{3, 3, nan, 3}},
		{name: "empty", x: []float64{nan}, want: []float64{nan}},
	}
	tr, ok := LookupTreatment("log")
	require.True(t, ok)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tr.Fn(tc.x)
			itAssertColumn(t, tc.want, got.Values, 1e-12)
			assert.Equal(t, tc.applied, got.Applied)
			assert.Equal(t, tc.changed, got.Changed)
			assert.Equal(t, tc.detail, got.Detail)
		})
	}
}
