package scoring

import (
	"math"
	"testing"
	"testing/fstest"

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
	assert.Equal(t, []string{"ahp", "critic", "entropy", "equal", "manual", "pca"}, WeightingNames())
	for _, name := range WeightingNames() {
		w, ok := LookupWeighting(name)
		require.True(t, ok, name)
		assert.Equal(t, name, w.Name)
		assert.NotNil(t, w.Fn, name)
	}
	_, ok := LookupWeighting("benefit-of-the-doubt")
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

// ---------------------------------------------------------------------------
// Data-driven weights: entropy, critic, pca

// wtDataTree is two top-level dimensions: D (weight 2) with a, b, c and E
// (weight 1) with e1 alone.
func wtDataTree() *indicators.Definition {
	def := &indicators.Definition{
		Dimensions: []*indicators.Dimension{{ID: "D", Weight: 2}, {ID: "E", Weight: 1}},
		Indicators: []*indicators.Indicator{
			{ID: "a", Dimension: "D", Weight: 1},
			{ID: "b", Dimension: "D", Weight: 1},
			{ID: "c", Dimension: "D", Weight: 1},
			{ID: "e1", Dimension: "E", Weight: 5},
		},
	}
	def.Reindex()
	return def
}

// wtDataValues is the 4-region × 3-indicator example (columns a, b, c; e1
// is filler for the single-indicator dimension E):
//
//	a: 0, 1, 2, 3    → [0, 1]: 0, 1/3, 2/3, 1
//	b: 10, 10, 10, 20 → [0, 1]: 0, 0, 0, 1
//	c: 5, 7, 7, 5     → [0, 1]: 0, 1, 1, 0
func wtDataValues() [][]float64 {
	return [][]float64{
		{0, 10, 5, 1},
		{1, 10, 7, 2},
		{2, 10, 7, 4},
		{3, 20, 5, 3},
	}
}

// wtWeights runs the named weighting and fails the test on an error.
func wtWeights(t *testing.T, name string, def *indicators.Definition, values [][]float64) map[string]float64 {
	t.Helper()
	w, ok := LookupWeighting(name)
	require.True(t, ok, name)
	raw, err := w.Fn(WeightContext{Def: def, Values: values})
	require.NoError(t, err)
	return raw
}

// wtAssertShares checks raw weights of ids against want.
func wtAssertShares(t *testing.T, want map[string]float64, raw map[string]float64, delta float64, msg string) {
	t.Helper()
	for id, w := range want {
		assert.InDelta(t, w, raw[id], delta, "%s: %s", msg, id)
	}
}

func TestWeightsEntropyHandComputed(t *testing.T) {
	// p_ij = x_ij / Σ_i x_ij on the [0, 1] columns, n = 4, ln 4 = 1.386294:
	//   a: Σ = 2, p = 0, 1/6, 1/3, 1/2
	//      H = (1/6)ln 6 + (1/3)ln 3 + (1/2)ln 2
	//        = 0.298627 + 0.366204 + 0.346574 = 1.011404
	//      e = 1.011404 / 1.386294 = 0.729574, 1 − e = 0.270426
	//   b: Σ = 1, p = 0, 0, 0, 1: H = 0, e = 0, 1 − e = 1
	//   c: Σ = 2, p = 0, 1/2, 1/2, 0: H = ln 2, e = ln 2 / ln 4 = 0.5, 1 − e = 0.5
	//   Σ (1 − e) = 1.770426
	//   w = 0.270426 / 1.770426 = 0.152746
	//       1 / 1.770426        = 0.564836
	//       0.5 / 1.770426      = 0.282418
	raw := wtWeights(t, "entropy", wtDataTree(), wtDataValues())
	// Dimensions keep their configured weights; the single indicator of E
	// takes the whole share of E.
	wtAssertShares(t, map[string]float64{"D": 2, "E": 1, "e1": 1,
		"a": 0.152746, "b": 0.564836, "c": 0.282418}, raw, 1e-6, "entropy")
	assert.InDelta(t, 1, raw["a"]+raw["b"]+raw["c"], 1e-12)
	// The same in closed form.
	ea := ((1.0/6)*math.Log(6) + (1.0/3)*math.Log(3) + 0.5*math.Log(2)) / math.Log(4)
	sum := (1 - ea) + 1 + 0.5
	assert.InDelta(t, (1-ea)/sum, raw["a"], 1e-12)
	assert.InDelta(t, 1/sum, raw["b"], 1e-12)
	assert.InDelta(t, 0.5/sum, raw["c"], 1e-12)
}

func TestWeightsEntropyMissingAndDegenerate(t *testing.T) {
	def := wtDataTree()
	nan := math.NaN()

	// A missing value leaves its region out of that column only: a has
	// 0, 1, 3 → [0, 1]: 0, 1/3, 1, Σ = 4/3, p = 0, 1/4, 3/4 with n = 3;
	// e_a = (1/4 ln 4 + 3/4 ln 4/3) / ln 3 = (0.346574 + 0.215762) / 1.098612
	// = 0.511860.
	X := wtDataValues()
	X[2][0] = nan
	raw := wtWeights(t, "entropy", def, X)
	ea := (0.25*math.Log(4) + 0.75*math.Log(4.0/3)) / math.Log(3)
	sum := (1 - ea) + 1 + 0.5
	assert.InDelta(t, 0.511860, ea, 1e-6)
	assert.InDelta(t, (1-ea)/sum, raw["a"], 1e-12)
	assert.InDelta(t, 1/sum, raw["b"], 1e-12)

	// A constant column carries no information: weight 0.
	X = wtDataValues()
	for k := range X {
		X[k][2] = 7
	}
	raw = wtWeights(t, "entropy", def, X)
	assert.Equal(t, 0.0, raw["c"])
	assert.InDelta(t, 1, raw["a"]+raw["b"], 1e-12)

	// All constant, one region, or no data at all: equal weights.
	X = [][]float64{{1, 2, 3, 4}, {1, 2, 3, 5}}
	one := [][]float64{{1, 2, 3, 4}}
	for name, values := range map[string][][]float64{"constant": X, "one region": one, "no rows": nil} {
		raw = wtWeights(t, "entropy", def, values)
		wtAssertShares(t, map[string]float64{"a": 1.0 / 3, "b": 1.0 / 3, "c": 1.0 / 3, "e1": 1, "D": 2, "E": 1}, raw, 1e-12, name)
	}
}

func TestWeightsCriticHandComputed(t *testing.T) {
	// On the [0, 1] columns (4 regions, sample sd with n − 1 = 3):
	//   a: 0, 1/3, 2/3, 1: mean 1/2, Σ d² = 1/4 + 1/36 + 1/36 + 1/4 = 5/9,
	//      sd = √(5/27) = 0.430331
	//   b: 0, 0, 0, 1: mean 1/4, Σ d² = 3/16 + 9/16 = 3/4, sd = √(1/4) = 0.5
	//   c: 0, 1, 1, 0: mean 1/2, Σ d² = 1, sd = √(1/3) = 0.577350
	// Cross products of the deviations:
	//   ab: (−1/2)(−1/4) + (−1/6)(−1/4) + (1/6)(−1/4) + (1/2)(3/4) = 1/2,
	//       r = (1/2)/√(5/9 · 3/4) = √0.6 = 0.774597
	//   ac: (−1/2)(−1/2) + (−1/6)(1/2) + (1/6)(1/2) + (1/2)(−1/2) = 0, r = 0
	//   bc: (−1/4)(−1/2) + (−1/4)(1/2) + (−1/4)(1/2) + (3/4)(−1/2) = −1/2,
	//       r = (−1/2)/√(3/4 · 1) = −0.577350
	// C_j = sd_j · Σ_k (1 − r_jk):
	//   C_a = 0.430331 · (0.225403 + 1)        = 0.527330
	//   C_b = 0.5      · (0.225403 + 1.577350) = 0.901377
	//   C_c = 0.577350 · (1 + 1.577350)        = 1.488034
	//   Σ C = 2.916741; w = 0.180794, 0.309036, 0.510170
	raw := wtWeights(t, "critic", wtDataTree(), wtDataValues())
	wtAssertShares(t, map[string]float64{"D": 2, "E": 1, "e1": 1,
		"a": 0.180794, "b": 0.309036, "c": 0.510170}, raw, 1e-6, "critic")
	sa, sb, sc := math.Sqrt(5.0/27), 0.5, math.Sqrt(1.0/3)
	rab, rbc := math.Sqrt(0.6), -math.Sqrt(1.0/3)
	ca, cb, cc := sa*((1-rab)+1), sb*((1-rab)+(1-rbc)), sc*(1+(1-rbc))
	sum := ca + cb + cc
	assert.InDelta(t, ca/sum, raw["a"], 1e-12)
	assert.InDelta(t, cb/sum, raw["b"], 1e-12)
	assert.InDelta(t, cc/sum, raw["c"], 1e-12)
}

func TestWeightsCriticDegenerate(t *testing.T) {
	def := wtDataTree()

	// A constant column has sd 0 and weight 0; its undefined correlations
	// add nothing to the others: a and b alone give C_a = sd_a(1 − r_ab),
	// C_b = sd_b(1 − r_ab), so w_a = sd_a / (sd_a + sd_b).
	X := wtDataValues()
	for k := range X {
		X[k][2] = 7
	}
	raw := wtWeights(t, "critic", def, X)
	sa, sb := math.Sqrt(5.0/27), 0.5
	assert.Equal(t, 0.0, raw["c"])
	assert.InDelta(t, sa/(sa+sb), raw["a"], 1e-12)
	assert.InDelta(t, sb/(sa+sb), raw["b"], 1e-12)

	// Perfectly correlated columns (and a constant one): every C_j is 0,
	// so equal weights.
	X = [][]float64{{1, 2, 3, 0}, {2, 4, 3, 0}, {3, 6, 3, 0}}
	raw = wtWeights(t, "critic", def, X)
	wtAssertShares(t, map[string]float64{"a": 1.0 / 3, "b": 1.0 / 3, "c": 1.0 / 3}, raw, 1e-12, "correlated")

	// One region: no sd at all, equal weights.
	raw = wtWeights(t, "critic", def, [][]float64{{1, 2, 3, 4}})
	wtAssertShares(t, map[string]float64{"a": 1.0 / 3, "b": 1.0 / 3, "c": 1.0 / 3, "e1": 1}, raw, 1e-12, "one region")

	// Pairwise-complete correlations: with a missing, r_ab and r_ac use
	// the three rows where both are present.
	nan := math.NaN()
	X = wtDataValues()
	X[1][0] = nan
	raw = wtWeights(t, "critic", def, X)
	ua := []float64{0, 2.0 / 3, 1} // a = 0, 2, 3 → [0, 1]
	ub := []float64{0, 0, 1}       // b on rows 0, 2, 3
	uc := []float64{0, 1, 0}       // c on rows 0, 2, 3
	sdA := wtSampleSD(ua)
	rab, rac := wtPearson(ua, ub), wtPearson(ua, uc)
	rbc := -math.Sqrt(1.0 / 3) // b and c are complete
	ca := sdA * ((1 - rab) + (1 - rac))
	cb := 0.5 * ((1 - rab) + (1 - rbc))
	cc := math.Sqrt(1.0/3) * ((1 - rac) + (1 - rbc))
	sum := ca + cb + cc
	assert.InDelta(t, ca/sum, raw["a"], 1e-12)
	assert.InDelta(t, cb/sum, raw["b"], 1e-12)
	assert.InDelta(t, cc/sum, raw["c"], 1e-12)
}

func TestWeightsPCATwoIndicators(t *testing.T) {
	// With two indicators the correlation matrix [[1, r], [r, 1]] has
	// eigenvectors (1, 1)/√2 and (1, −1)/√2: squared loadings 1/2 each,
	// whatever r (and for r = 0 the repeated eigenvalue gives 1/2 too).
	def := &indicators.Definition{
		Dimensions: []*indicators.Dimension{{ID: "D", Weight: 1}},
		Indicators: []*indicators.Indicator{{ID: "x", Dimension: "D", Weight: 1}, {ID: "y", Dimension: "D", Weight: 3}},
	}
	def.Reindex()
	for name, X := range map[string][][]float64{
		"positive":  {{1, 2}, {2, 3}, {3, 7}, {4, 6}},
		"negative":  {{1, 9}, {2, 3}, {3, 2}, {4, 1}},
		"perfect":   {{1, 2}, {2, 4}, {3, 6}},
		"zero":      {{1, 1}, {-1, 1}, {1, -1}, {-1, -1}},
		"with a NA": {{1, 2}, {2, math.NaN()}, {3, 7}, {4, 6}},
	} {
		raw := wtWeights(t, "pca", def, X)
		assert.InDelta(t, 0.5, raw["x"], 1e-12, name)
		assert.InDelta(t, 0.5, raw["y"], 1e-12, name)
		assert.Equal(t, 1.0, raw["D"], name)
	}
}

func TestWeightsPCAThreeIndicators(t *testing.T) {
	def := wtDataTree()
	X := [][]float64{
		{1, 2, 5, 0},
		{2, 1, 3, 0},
		{3, 4, 4, 0},
		{4, 3, 1, 0},
		{5, 6, 2, 0},
		{6, 5, math.NaN(), 0}, // c is missing: its correlations use rows 0–4
	}
	raw := wtWeights(t, "pca", def, X)

	// Independently: Pearson correlations on pairwise-complete rows, then
	// the leading eigenvector by power iteration.
	cols := make([][]float64, 3)
	for j := range cols {
		for _, row := range X {
			cols[j] = append(cols[j], row[j])
		}
	}
	R := make([][]float64, 3)
	for a := range 3 {
		R[a] = make([]float64, 3)
		for b := range 3 {
			var x, y []float64
			for k := range cols[a] {
				if !math.IsNaN(cols[a][k]) && !math.IsNaN(cols[b][k]) {
					x, y = append(x, cols[a][k]), append(y, cols[b][k])
				}
			}
			R[a][b] = wtPearson(x, y)
		}
	}
	v, lambda := wtPowerIteration(R)
	assert.Greater(t, lambda, 1.0)
	sum := 0.0
	for _, x := range v {
		sum += x * x
	}
	for j, id := range []string{"a", "b", "c"} {
		assert.InDelta(t, v[j]*v[j]/sum, raw[id], 1e-9, id)
	}
	assert.InDelta(t, 1, raw["a"]+raw["b"]+raw["c"], 1e-12)
	// a and b are strongly correlated, c is against them: the component is
	// mostly a and b.
	assert.Greater(t, raw["a"], raw["c"])
	assert.Equal(t, 2.0, raw["D"])
	assert.Equal(t, 1.0, raw["e1"])
}

func TestWeightsPCADegenerate(t *testing.T) {
	def := wtDataTree()
	// Mutually uncorrelated columns (Hadamard): the correlation matrix is
	// the identity, the first component is not unique, and the projector on
	// its eigenspace gives equal weights.
	X := [][]float64{{1, 1, 1, 0}, {1, -1, -1, 0}, {-1, 1, -1, 0}, {-1, -1, 1, 0}}
	raw := wtWeights(t, "pca", def, X)
	wtAssertShares(t, map[string]float64{"a": 1.0 / 3, "b": 1.0 / 3, "c": 1.0 / 3}, raw, 1e-9, "uncorrelated")

	// A constant column gets 0; the two others share as two indicators do.
	X = [][]float64{{1, 5, 2, 0}, {2, 5, 3, 0}, {3, 5, 7, 0}}
	raw = wtWeights(t, "pca", def, X)
	wtAssertShares(t, map[string]float64{"a": 0.5, "b": 0, "c": 0.5}, raw, 1e-12, "one constant")

	// Only one usable column takes the whole share.
	X = [][]float64{{1, 5, 2, 0}, {2, 5, 2, 0}, {3, 5, 2, 0}}
	raw = wtWeights(t, "pca", def, X)
	wtAssertShares(t, map[string]float64{"a": 1, "b": 0, "c": 0}, raw, 1e-12, "one usable")

	// Nothing usable: equal.
	raw = wtWeights(t, "pca", def, [][]float64{{1, 2, 3, 4}})
	wtAssertShares(t, map[string]float64{"a": 1.0 / 3, "b": 1.0 / 3, "c": 1.0 / 3, "e1": 1}, raw, 1e-12, "one region")
}

func TestWeightsDataDrivenMixedNode(t *testing.T) {
	// D (weight 1) holds indicators a (weight 1) and b (weight 3) and the
	// sub-dimension S (weight 2) with s1, s2. Data split a and b, whose
	// block keeps its configured 4 : 2 balance against S.
	def := &indicators.Definition{
		Dimensions: []*indicators.Dimension{{ID: "D", Weight: 1}, {ID: "S", Parent: "D", Weight: 2}},
		Indicators: []*indicators.Indicator{
			{ID: "a", Dimension: "D", Weight: 1},
			{ID: "b", Dimension: "D", Weight: 3},
			{ID: "s1", Dimension: "S", Weight: 1},
			{ID: "s2", Dimension: "S", Weight: 1},
		},
	}
	def.Reindex()
	// a = 0, 1, 2, 3 and b = 10, 10, 10, 20 as in the 4-region example.
	X := [][]float64{{0, 10, 1, 4}, {1, 10, 2, 3}, {2, 10, 3, 2}, {3, 20, 5, 1}}
	for _, name := range []string{"entropy", "critic", "pca"} {
		raw := wtWeights(t, name, def, X)
		assert.InDelta(t, 4, raw["a"]+raw["b"], 1e-12, name)
		assert.Equal(t, 2.0, raw["S"], name)
		assert.InDelta(t, 1, raw["s1"]+raw["s2"], 1e-12, name)
		byID := map[string]WeightRow{}
		for _, r := range TreeWeights(def, raw) {
			byID[r.ID] = r
		}
		assert.InDelta(t, 1.0/3, byID["S"].Weight, 1e-12, name)
		assert.InDelta(t, 2.0/3, byID["a"].Weight+byID["b"].Weight, 1e-12, name)
	}
	// Entropy: 1 − e_a = 0.270426 and 1 − e_b = 1 (see the hand-computed
	// example), so a gets 4 · 0.270426 / 1.270426 of the block.
	raw := wtWeights(t, "entropy", def, X)
	ea := ((1.0/6)*math.Log(6) + (1.0/3)*math.Log(3) + 0.5*math.Log(2)) / math.Log(4)
	assert.InDelta(t, 4*(1-ea)/(2-ea), raw["a"], 1e-12)
}

// wtSampleSD is the sample standard deviation (n − 1).
func wtSampleSD(x []float64) float64 {
	mean := 0.0
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	ss := 0.0
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	return math.Sqrt(ss / float64(len(x)-1))
}

// wtPearson is Pearson's r, written out.
func wtPearson(x, y []float64) float64 {
	n := float64(len(x))
	mx, my := 0.0, 0.0
	for k := range x {
		mx += x[k] / n
		my += y[k] / n
	}
	sxy, sxx, syy := 0.0, 0.0, 0.0
	for k := range x {
		sxy += (x[k] - mx) * (y[k] - my)
		sxx += (x[k] - mx) * (x[k] - mx)
		syy += (y[k] - my) * (y[k] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

// wtPowerIteration returns the dominant eigenvector of a (normalised to sum
// to 1 when positive, to unit length otherwise) and its eigenvalue, by
// repeated multiplication from a positive start.
func wtPowerIteration(a [][]float64) ([]float64, float64) {
	n := len(a)
	v := make([]float64, n)
	for i := range v {
		v[i] = 1 + float64(i)/10
	}
	lambda := 0.0
	for range 10000 {
		next := make([]float64, n)
		for i := range n {
			for j := range n {
				next[i] += a[i][j] * v[j]
			}
		}
		norm := 0.0
		for _, x := range next {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		// Rayleigh-style estimate for a unit v: λ ≈ v·Av.
		vv, vav := 0.0, 0.0
		for i := range n {
			vv += v[i] * v[i]
			vav += v[i] * next[i]
		}
		lambda = vav / vv
		diff := 0.0
		for i := range n {
			next[i] /= norm
			diff = math.Max(diff, math.Abs(next[i]-v[i]))
		}
		v = next
		if diff < 1e-15 {
			break
		}
	}
	return v, lambda
}

func TestWeightsDataDrivenInRun(t *testing.T) {
	// The pipeline hands the weighting the values with direction applied:
	// b has direction −1, so its column is −10, −10, −10, −20 → [0, 1]:
	// 1, 1, 1, 0, p = 1/3, 1/3, 1/3, 0, e_b = ln 3 / ln 4 = 0.792481.
	src := `[index]
name = "entropy run"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

[scoring]
weights = "entropy"

[[dimension]]
id = "D"
weight = 3

[[dimension]]
id = "E"

[[indicator]]
id = "a"
dimension = "D"

[[indicator]]
id = "b"
dimension = "D"
direction = -1

[[indicator]]
id = "c"
dimension = "D"

[[indicator]]
id = "e1"
dimension = "E"
`
	fsys := fstest.MapFS{
		"regions.csv": {Data: []byte("code,name\nA,Alpha\nB,Beta\nC,Gamma\nD,Delta\n")},
		"data.csv":    {Data: []byte("region,a,b,c,e1\nA,0,10,5,1\nB,1,10,7,2\nC,2,10,7,4\nD,3,20,5,3\n")},
	}
	def, err := indicators.Parse("index.toml", []byte(src), indicators.FSFiles{FS: fsys})
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	res, err := Run(def, ds, 2020)
	require.NoError(t, err)
	byID := map[string]WeightRow{}
	for _, r := range res.Weights {
		byID[r.ID] = r
	}
	ea := ((1.0/6)*math.Log(6) + (1.0/3)*math.Log(3) + 0.5*math.Log(2)) / math.Log(4)
	eb := math.Log(3) / math.Log(4)
	sum := (1 - ea) + (1 - eb) + 0.5
	assert.InDelta(t, (1-ea)/sum, byID["a"].Weight, 1e-12)
	assert.InDelta(t, (1-eb)/sum, byID["b"].Weight, 1e-12)
	assert.InDelta(t, 0.5/sum, byID["c"].Weight, 1e-12)
	assert.InDelta(t, 0.75, byID["D"].Weight, 1e-12, "dimension weights stay as configured")
	assert.InDelta(t, 1, byID["e1"].Weight, 1e-12)
}
