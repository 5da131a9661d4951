package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
)

func TestStarRuleRegistry(t *testing.T) {
	assert.Equal(t, []string{"quantiles", "thresholds"}, StarRuleNames())
	s, ok := LookupStarRule("thresholds")
	require.True(t, ok)
	assert.Equal(t, "thresholds", s.Name)
	_, ok = LookupStarRule("jenks")
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
}
