package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
)

// weightsTestTree is
//
//	A (2): a1 (1), a2 (3)
//	B (1): b1 (3), B1 (1): c1 (1), c2 (1)
//
// declared out of tree order (B1 before B, c1 first) so the test checks
// that rows follow the tree, not the declaration.
func weightsTestTree() *indicators.Definition {
	def := &indicators.Definition{
		Dimensions: []*indicators.Dimension{
			{ID: "A", Weight: 2},
			{ID: "B1", Parent: "B", Weight: 1},
			{ID: "B", Weight: 1},
		},
		Indicators: []*indicators.Indicator{
			{ID: "c1", Dimension: "B1", Weight: 1},
			{ID: "a1", Dimension: "A", Weight: 1},
			{ID: "b1", Dimension: "B", Weight: 3},
			{ID: "a2", Dimension: "A", Weight: 3},
			{ID: "c2", Dimension: "B1", Weight: 1},
		},
	}
	def.Reindex()
	return def
}

func TestWeightingRegistry(t *testing.T) {
	assert.Equal(t, []string{"equal", "manual"}, WeightingNames())
	w, ok := LookupWeighting("manual")
	require.True(t, ok)
	assert.Equal(t, "manual", w.Name)
	_, ok = LookupWeighting("entropy")
	assert.False(t, ok)
}

func TestWeightingRaw(t *testing.T) {
	def := weightsTestTree()
	def.Indicators[1].Weight = 0 // written as 0: kept as written
	manual, _ := LookupWeighting("manual")
	got, err := manual.Fn(WeightContext{Def: def})
	require.NoError(t, err)
	assert.Equal(t, map[string]float64{"A": 2, "B1": 1, "B": 1, "c1": 1, "a1": 0, "b1": 3, "a2": 3, "c2": 1}, got)

	equal, _ := LookupWeighting("equal")
	got, err = equal.Fn(WeightContext{Def: def})
	require.NoError(t, err)
	assert.Equal(t, map[string]float64{"A": 1, "B1": 1, "B": 1, "c1": 1, "a1": 1, "b1": 1, "a2": 1, "c2": 1}, got)
}

func TestTreeWeights(t *testing.T) {
	def := weightsTestTree()
	type row struct {
		id, parent, kind string
		w, eff           float64
	}
	tests := []struct {
		name      string
		weighting string
		want      []row
	}{
		{"manual", "manual", []row{
			{"A", "", "dimension", 2.0 / 3, 2.0 / 3},
			{"a1", "A", "indicator", 0.25, 1.0 / 6},
			{"a2", "A", "indicator", 0.75, 0.5},
			{"B", "", "dimension", 1.0 / 3, 1.0 / 3},
			{"b1", "B", "indicator", 0.75, 0.25},
			{"B1", "B", "dimension", 0.25, 1.0 / 12},
			{"c1", "B1", "indicator", 0.5, 1.0 / 24},
			{"c2", "B1", "indicator", 0.5, 1.0 / 24},
		}},
		{"equal", "equal", []row{
			{"A", "", "dimension", 0.5, 0.5},
			{"a1", "A", "indicator", 0.5, 0.25},
			{"a2", "A", "indicator", 0.5, 0.25},
			{"B", "", "dimension", 0.5, 0.5},
			{"b1", "B", "indicator", 0.5, 0.25},
			{"B1", "B", "dimension", 0.5, 0.25},
			{"c1", "B1", "indicator", 0.5, 0.125},
			{"c2", "B1", "indicator", 0.5, 0.125},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wt, _ := LookupWeighting(tc.weighting)
			raw, err := wt.Fn(WeightContext{Def: def})
			require.NoError(t, err)
			rows := TreeWeights(def, raw)
			require.Len(t, rows, len(tc.want))
			sumEff := 0.0
			for i, w := range tc.want {
				assert.Equal(t, w.id, rows[i].ID, "row %d", i)
				assert.Equal(t, w.parent, rows[i].Parent, w.id)
				assert.Equal(t, w.kind, rows[i].Kind, w.id)
				assert.InDelta(t, w.w, rows[i].Weight, 1e-12, w.id)
				assert.InDelta(t, w.eff, rows[i].Effective, 1e-12, w.id)
				if rows[i].Kind == "indicator" {
					sumEff += rows[i].Effective
				}
			}
			// The indicators' effective weights share out the whole index.
			assert.InDelta(t, 1, sumEff, 1e-12)
		})
	}
}

func TestTreeWeightsDegenerate(t *testing.T) {
	def := weightsTestTree()
	// A missing node counts as 0; a group summing to 0 is undefined (NaN)
	// down its whole subtree, while other groups are unaffected.
	raw := map[string]float64{"A": 1, "B": 1, "a1": 1, "a2": 1, "b1": 0, "B1": 0, "c1": 2}
	rows := TreeWeights(def, raw)
	byID := map[string]WeightRow{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	assert.InDelta(t, 0.25, byID["a1"].Effective, 1e-12)
	assert.True(t, math.IsNaN(byID["b1"].Weight))
	assert.True(t, math.IsNaN(byID["B1"].Weight))
	assert.True(t, math.IsNaN(byID["c1"].Effective))
	assert.InDelta(t, 1, byID["c1"].Weight, 1e-12, "c1 and c2 are a valid group")
	assert.InDelta(t, 0, byID["c2"].Weight, 1e-12, "c2 missing from raw counts as 0")

	// An empty definition has no rows.
	empty := &indicators.Definition{}
	empty.Reindex()
	assert.Empty(t, TreeWeights(empty, nil))
}
