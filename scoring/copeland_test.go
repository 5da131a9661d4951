package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naCopelandExample is four regions on three children weighted 2, 1, 1,
// D missing the third child, and a fifth region with no data. Pairs, as
// m(a, b) against m(b, a) over the children both have:
//
//	A–B: A wins c1 (2), B wins c2, c3 (1 + 1): 2 vs 2, a tie → 0, 0
//	A–C: A wins c1, c3 (2 + 1), C wins c2 (1): 3 vs 1 → A +1, C −1
//	A–D: c1 tied (1 each), D wins c2 (1), c3 not shared: 1 vs 2 → A −1, D +1
//	B–C: C wins c1 (2), B wins c2, c3 (2): 2 vs 2, a tie → 0, 0
//	B–D: D wins c1 (2), B wins c2 (1): 1 vs 2 → B −1, D +1
//	C–D: D wins c1 (2), c2 tied (0.5 each): 0.5 vs 2.5 → C −1, D +1
//
// so A = 0, B = −1, C = −2, D = 3, and E (no data) NaN, counting 0 for the
// others.
func naCopelandExample() (X [][]float64, w, want []float64) {
	X = [][]float64{
		{3, 1, 2},          // A
		{1, 3, 3},          // B
		{2, 2, 1},          // C
		{3, 2, nanv},       // D
		{nanv, nanv, nanv}, // E
	}
	return X, []float64{2, 1, 1}, []float64{0, -1, -2, 3, nanv}
}

func TestAggregatorCopeland(t *testing.T) {
	exX, exW, exWant := naCopelandExample()
	tests := []struct {
		name string
		X    [][]float64
		w    []float64
		want []float64
	}{
		{"hand example with ties and missing", exX, exW, exWant},
		{"weights are relative", exX, []float64{20, 10, 10}, exWant},
		// Weight 2 on c1 decides; equal weights let the majority decide.
		{"weights decide", [][]float64{{9, 1, 1}, {1, 2, 2}}, []float64{3, 1, 1}, []float64{1, -1}},
		{"majority decides", [][]float64{{9, 1, 1}, {1, 2, 2}}, []float64{1, 1, 1}, []float64{-1, 1}},
		// Only the order counts, not the size of the lead.
		{"non-compensatory", [][]float64{{100, 0}, {1, 1}, {0, 2}}, []float64{1, 1}, []float64{0, 0, 0}},
		{"a chain", [][]float64{{1, 1}, {2, 2}, {3, 3}}, []float64{1, 1}, []float64{-2, 0, 2}},
		{"all equal", [][]float64{{5, 5}, {5, 5}, {5, 5}}, []float64{1, 2}, []float64{0, 0, 0}},
		// 0.1 + 0.2 ≠ 0.3 in floating point, but it is a tie.
		{"tie despite rounding", [][]float64{{1, 1, 0}, {0, 0, 1}}, []float64{0.1, 0.2, 0.3}, []float64{0, 0}},
		{"nothing in common: 0", [][]float64{{1, nanv}, {nanv, 2}, {0, 3}}, []float64{1, 1},
			// A–B nothing shared; A–C: A wins c1; B–C: B loses c2.
			[]float64{1, -1, 0}},
		{"only a zero-weight child in common: 0", [][]float64{{1, nanv}, {2, 2}}, []float64{0, 1}, []float64{nanv, 0}},
		{"one region", [][]float64{{4, 2}}, []float64{1, 1}, []float64{0}},
		{"one region, no data", [][]float64{{nanv}}, []float64{1}, []float64{nanv}},
		{"negative values are fine", [][]float64{{-1, -5}, {-2, -6}}, []float64{1, 1}, []float64{1, -1}},
	}
	c, ok := LookupAggregator("copeland")
	require.True(t, ok)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Fn(tc.X, tc.w, AggregateParams{})
			assertFloatsNaN(t, tc.want, got, 0)
		})
	}
}

// naPermuteRows returns the rows of X in the order perm: row k of the
// result is X[perm[k]].
func naPermuteRows(X [][]float64, perm []int) [][]float64 {
	out := make([][]float64, len(perm))
	for k, r := range perm {
		out[k] = X[r]
	}
	return out
}

func TestAggregatorCopelandOrderInvariant(t *testing.T) {
	// Scoring the regions in another order and putting the scores back in
	// the original order changes nothing.
	exX, exW, exWant := naCopelandExample()
	other := [][]float64{
		{0.3, 0.1, nanv, 0.7},
		{0.3, 0.2, 0.5, 0.7},
		{nanv, 0.2, 0.5, 0.1},
		{0.9, 0.9, 0.1, 0.1},
		{0.1, 0.2, 0.2, nanv},
		{0.3, 0.1, 0.5, 0.7},
	}
	otherW := []float64{0.4, 0.1, 0.2, 0.3}
	c, _ := LookupAggregator("copeland")
	for _, tc := range []struct {
		name string
		X    [][]float64
		w    []float64
	}{{"hand example", exX, exW}, {"ties and missing", other, otherW}} {
		want := c.Fn(tc.X, tc.w, AggregateParams{})
		if tc.name == "hand example" {
			assertFloatsNaN(t, exWant, want, 0)
		}
		// Every rotation, and the reversal.
		n := len(tc.X)
		var perms [][]int
		for s := range n {
			p := make([]int, n)
			for k := range p {
				p[k] = (k + s) % n
			}
			perms = append(perms, p)
		}
		rev := make([]int, n)
		for k := range rev {
			rev[k] = n - 1 - k
		}
		perms = append(perms, rev)
		for _, perm := range perms {
			got := c.Fn(naPermuteRows(tc.X, perm), tc.w, AggregateParams{})
			back := make([]float64, n)
			for k, r := range perm {
				back[r] = got[k]
			}
			assertFloatsNaN(t, want, back, 0, tc.name, perm)
		}
		// Scores of the regions with data sum to 0: each pair's win is the
		// other's loss.
		sum := 0.0
		for _, v := range want {
			if !math.IsNaN(v) {
				sum += v
			}
		}
		assert.Zero(t, sum, tc.name)
	}
}

func TestAggregatorCopelandLeavesInputAlone(t *testing.T) {
	X, w, _ := naCopelandExample()
	c, _ := LookupAggregator("copeland")
	c.Fn(X, w, AggregateParams{})
	X2, w2, _ := naCopelandExample()
	for r := range X {
		assertFloatsNaN(t, X2[r], X[r], 0)
	}
	assert.Equal(t, w2, w)
}
