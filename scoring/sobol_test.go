package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The first 16 points of the 10-dimensional Sobol sequence with Joe–Kuo
// direction numbers (new-joe-kuo-6.21201), point 0 first, as published
// (the same as scipy.stats.qmc.Sobol(10, scramble=False)).
var rbSobolFirst = [16][10]float64{
	{0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5},
	{0.75, 0.25, 0.25, 0.25, 0.75, 0.75, 0.25, 0.75, 0.75, 0.75},
	{0.25, 0.75, 0.75, 0.75, 0.25, 0.25, 0.75, 0.25, 0.25, 0.25},
	{0.375, 0.375, 0.625, 0.875, 0.375, 0.125, 0.375, 0.875, 0.875, 0.625},
	{0.875, 0.875, 0.125, 0.375, 0.875, 0.625, 0.875, 0.375, 0.375, 0.125},
	{0.625, 0.125, 0.875, 0.625, 0.625, 0.875, 0.125, 0.125, 0.125, 0.375},
	{0.125, 0.625, 0.375, 0.125, 0.125, 0.375, 0.625, 0.625, 0.625, 0.875},
	{0.1875, 0.3125, 0.9375, 0.4375, 0.5625, 0.3125, 0.4375, 0.9375, 0.9375, 0.3125},
	{0.6875, 0.8125, 0.4375, 0.9375, 0.0625, 0.8125, 0.9375, 0.4375, 0.4375, 0.8125},
	{0.9375, 0.0625, 0.6875, 0.1875, 0.3125, 0.5625, 0.1875, 0.1875, 0.1875, 0.5625},
	{0.4375, 0.5625, 0.1875, 0.6875, 0.8125, 0.0625, 0.6875, 0.6875, 0.6875, 0.0625},
	{0.3125, 0.1875, 0.3125, 0.5625, 0.9375, 0.4375, 0.0625, 0.0625, 0.0625, 0.9375},
	{0.8125, 0.6875, 0.8125, 0.0625, 0.4375, 0.9375, 0.5625, 0.5625, 0.5625, 0.4375},
	{0.5625, 0.4375, 0.0625, 0.8125, 0.1875, 0.6875, 0.3125, 0.8125, 0.8125, 0.1875},
	{0.0625, 0.9375, 0.5625, 0.3125, 0.6875, 0.1875, 0.8125, 0.3125, 0.3125, 0.6875},
}

func TestSobolFirstPoints(t *testing.T) {
	s, err := NewSobol(10)
	require.NoError(t, err)
	p := make([]float64, 10)
	for i, want := range rbSobolFirst {
		s.Point(uint32(i), p)
		assert.Equal(t, want[:], p, "point %d", i)
	}
}

// Points further out and in the last embedded dimensions, against
// scipy.stats.qmc.Sobol(1024, scramble=False): point 1000 of dimensions
// 1020–1024 and point 12345 of dimensions 1–3.
func TestSobolFurtherPoints(t *testing.T) {
	s, err := NewSobol(SobolMaxDim)
	require.NoError(t, err)
	p := make([]float64, SobolMaxDim)
	s.Point(1000, p)
	assert.Equal(t, []float64{0.9326171875, 0.5751953125, 0.2939453125, 0.1376953125, 0.7138671875}, p[1019:])
	s.Point(12345, p)
	assert.Equal(t, []float64{0.64093017578125, 0.81341552734375, 0.16033935546875}, p[:3])

	_, err = NewSobol(0)
	assert.Error(t, err)
	_, err = NewSobol(SobolMaxDim + 1)
	assert.Error(t, err)
}

// Every coordinate of the first 2^k points takes each value j/2^k exactly
// once (the (0, k, 1) net property of every one-dimensional projection).
func TestSobolStratified(t *testing.T) {
	s, err := NewSobol(SobolMaxDim)
	require.NoError(t, err)
	const n = 256
	seen := make([][n]bool, SobolMaxDim)
	p := make([]float64, SobolMaxDim)
	for i := range n {
		s.Point(uint32(i), p)
		for j, x := range p {
			c := int(x * n)
			require.Equal(t, float64(c)/n, x)
			require.False(t, seen[j][c], "dimension %d repeats %g", j+1, x)
			seen[j][c] = true
		}
	}
}

// rbSaltelli evaluates f on the Saltelli design of N rows (Sobol points 1
// to N of dimension 2k: A and B) and returns the outputs.
func rbSaltelli(t *testing.T, k, N int, f func(u []float64) float64) (yA, yB []float64, yAB [][]float64) {
	t.Helper()
	s, err := NewSobol(2 * k)
	require.NoError(t, err)
	p := make([]float64, 2*k)
	ab := make([]float64, k)
	yAB = make([][]float64, k)
	for j := 1; j <= N; j++ {
		s.Point(uint32(j), p)
		yA = append(yA, f(p[:k]))
		yB = append(yB, f(p[k:]))
		for i := range k {
			copy(ab, p[:k])
			ab[i] = p[k+i]
			yAB[i] = append(yAB[i], f(ab))
		}
	}
	return yA, yB, yAB
}

// The Ishigami function (a = 7, b = 0.1) on [−π, π]³ has the analytic
// indices S = (0.314, 0.442, 0), ST = (0.558, 0.442, 0.244).
func TestSaltelliIshigami(t *testing.T) {
	const a, b = 7, 0.1
	ishigami := func(u []float64) float64 {
		x1, x2, x3 := math.Pi*(2*u[0]-1), math.Pi*(2*u[1]-1), math.Pi*(2*u[2]-1)
		return math.Sin(x1) + a*math.Pow(math.Sin(x2), 2) + b*math.Pow(x3, 4)*math.Sin(x1)
	}
	// The exact values: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2,
	// V2 = a²/8, V13 = b²π⁸(1/18 − 1/50).
	pi4 := math.Pow(math.Pi, 4)
	V := a*a/8.0 + b*pi4/5 + b*b*pi4*pi4/18 + 0.5
	V1 := math.Pow(1+b*pi4/5, 2) / 2
	V2 := a * a / 8.0
	V13 := b * b * pi4 * pi4 * (1.0/18 - 1.0/50)
	wantS := []float64{V1 / V, V2 / V, 0}
	wantST := []float64{(V1 + V13) / V, V2 / V, V13 / V}
	assert.InDeltaSlice(t, []float64{0.314, 0.442, 0}, wantS, 0.001)
	assert.InDeltaSlice(t, []float64{0.558, 0.442, 0.244}, wantST, 0.001)

	yA, yB, yAB := rbSaltelli(t, 3, 1<<14, ishigami)
	si, sti := SaltelliIndices(yA, yB, yAB)
	t.Logf("Ishigami N=2^14: S = %.4f, ST = %.4f (exact S = %.4f, ST = %.4f)", si, sti, wantS, wantST)
	assert.InDeltaSlice(t, wantS, si, 0.03)
	assert.InDeltaSlice(t, wantST, sti, 0.03)

	siCI, stiCI := SaltelliBootstrap(yA, yB, yAB, 200, 0.95, 1)
	t.Logf("95%% intervals: S %.4f, ST %.4f", siCI, stiCI)
	for i := range 3 {
		assert.Less(t, siCI[i][0], siCI[i][1])
		assert.LessOrEqual(t, siCI[i][0], si[i]+0.01)
		assert.GreaterOrEqual(t, siCI[i][1], si[i]-0.01)
		assert.Less(t, stiCI[i][1]-stiCI[i][0], 0.1)
		assert.InDelta(t, wantST[i], (stiCI[i][0]+stiCI[i][1])/2, 0.05)
	}
	again, _ := SaltelliBootstrap(yA, yB, yAB, 200, 0.95, 1)
	assert.Equal(t, siCI, again, "the bootstrap is seeded")
}

// An additive linear model Y = Σ a_i X_i with independent uniform X_i has
// S_i = ST_i = a_i² / Σ a_j².
func TestSaltelliLinear(t *testing.T) {
	coef := []float64{1, 2, 3, 0}
	f := func(u []float64) float64 {
		y := 0.0
		for i, c := range coef {
			y += c * u[i]
		}
		return y
	}
	yA, yB, yAB := rbSaltelli(t, 4, 1<<12, f)
	si, sti := SaltelliIndices(yA, yB, yAB)
	want := []float64{1.0 / 14, 4.0 / 14, 9.0 / 14, 0}
	assert.InDeltaSlice(t, want, si, 0.01)
	assert.InDeltaSlice(t, want, sti, 0.01)
	assert.Equal(t, 0.0, sti[3]) // Jansen's estimator is exactly 0 for an input that does not matter

	// No variance: no indices.
	flat := make([]float64, 10)
	si, sti = SaltelliIndices(flat, flat, [][]float64{flat})
	assert.True(t, math.IsNaN(si[0]) && math.IsNaN(sti[0]))
}

func TestNearestRank(t *testing.T) {
	x := []float64{5, 1, math.NaN(), 4, 2, 3}
	assert.Equal(t, 1.0, nearestRank(x, 0.025))
	assert.Equal(t, 3.0, nearestRank([]float64{5, 1, 4, 2, 3}, 0.5))
	assert.Equal(t, 5.0, nearestRank([]float64{5, 1, 4, 2, 3}, 0.975))
	assert.True(t, math.IsNaN(nearestRank([]float64{math.NaN()}, 0.5)))
}
