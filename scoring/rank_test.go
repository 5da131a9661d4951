package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTieRuleRegistry(t *testing.T) {
	assert.Equal(t, []string{"competition", "dense"}, TieRuleNames())
	r, ok := LookupTieRule("dense")
	require.True(t, ok)
	assert.Equal(t, "dense", r.Name)
	_, ok = LookupTieRule("average")
	assert.False(t, ok)
}

func TestTieRules(t *testing.T) {
	tests := []struct {
		name               string
		scores             []float64
		competition, dense []int
	}{
		{"distinct", []float64{10, 30, 20}, []int{3, 1, 2}, []int{3, 1, 2}},
		{"one tie", []float64{10, 20, 20, 5}, []int{3, 1, 1, 4}, []int{2, 1, 1, 3}},
		{"tie in the middle", []float64{90, 80, 80, 70}, []int{1, 2, 2, 4}, []int{1, 2, 2, 3}},
		{"all tied", []float64{7, 7, 7}, []int{1, 1, 1}, []int{1, 1, 1}},
		{"missing is unranked", []float64{nanv, 5, nanv, 6}, []int{0, 2, 0, 1}, []int{0, 2, 0, 1}},
		{"all missing", []float64{nanv, nanv}, []int{0, 0}, []int{0, 0}},
		{"infinities are not ranked", []float64{-1, math.Inf(1), math.Inf(-1), -1}, []int{1, 0, 0, 1}, []int{1, 0, 0, 1}},
		{"equal at 12 significant digits tie", []float64{8.833333333333336, 8.833333333333334, 8.8333333333}, []int{1, 1, 3}, []int{1, 1, 2}},
		{"the 12th digit still counts", []float64{1.00000000001, 1.00000000002}, []int{2, 1}, []int{2, 1}},
		{"empty", []float64{}, []int{}, []int{}},
	}
	comp, _ := LookupTieRule("competition")
	dense, _ := LookupTieRule("dense")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.competition, comp.Fn(tc.scores))
			assert.Equal(t, tc.dense, dense.Fn(tc.scores))
		})
	}
}

func TestTieRulesDeterministic(t *testing.T) {
	// A region's rank depends on the values only, not on the order given.
	scores := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	comp, _ := LookupTieRule("competition")
	want := comp.Fn(scores)
	assert.Equal(t, []int{7, 10, 6, 10, 3, 1, 9, 2, 3, 7, 3}, want)
	rev := make([]float64, len(scores))
	for i, s := range scores {
		rev[len(scores)-1-i] = s
	}
	got := comp.Fn(rev)
	for i := range scores {
		assert.Equal(t, want[i], got[len(scores)-1-i])
	}
	for range 5 {
		assert.Equal(t, want, comp.Fn(scores))
	}
}

func TestRoundTo(t *testing.T) {
	tests := []struct {
		x        float64
		decimals int
		want     float64
	}{
		{2.675, 2, 2.68}, // stored as 2.67499999…
		{-2.675, 2, -2.68},
		{1.005, 2, 1.01}, // stored as 1.00499999…
		{2.6749999999999998, 2, 2.68},
		{0.1 + 0.2, 1, 0.3},
		{0.125, 2, 0.13}, // an exact binary half: away from zero
		{-0.125, 2, -0.13},
		{2.5, 0, 3},
		{-2.5, 0, -3},
		{0.5, 0, 1},
		{2.4999, 0, 2},
		{9.995, 2, 10},
		{99.999, 1, 100},
		{71.874999, 2, 71.87},
		{1234.5, -2, 1200},
		{1250, -2, 1300},
		{40, -3, 0},
		{0.0049, 2, 0},
		{0.005, 2, 0.01},
		{-0.004, 2, 0},
		{1e-20, 2, 0},
		{1.23456, 10, 1.23456},
		{123456789.123, 2, 123456789.12},
		{5, 2, 5},
		{0, 2, 0},
	}
	for _, tc := range tests {
		got := RoundTo(tc.x, tc.decimals)
		assert.Equal(t, tc.want, got, "RoundTo(%v, %d)", tc.x, tc.decimals)
	}
	assert.False(t, math.Signbit(RoundTo(-0.004, 2)), "no negative zero")
	assert.False(t, math.Signbit(RoundTo(math.Copysign(0, -1), 2)), "no negative zero")
	assert.True(t, math.IsNaN(RoundTo(nanv, 2)))
	assert.Equal(t, math.Inf(-1), RoundTo(math.Inf(-1), 2))
	assert.Equal(t, math.MaxFloat64, RoundTo(math.MaxFloat64, 2))
}
