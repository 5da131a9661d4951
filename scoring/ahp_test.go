package scoring

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
)

// saatyExample is Saaty's 3×3 example (The Analytic Hierarchy Process,
// 1980; also in the OECD/JRC Handbook): published weights 0.637, 0.258,
// 0.105, λmax = 3.039, CI = 0.019, CR = 0.033.
var saatyExample = [][]float64{{1, 3, 5}, {1.0 / 3, 1, 3}, {1.0 / 5, 1.0 / 3, 1}}

func TestAHPWeightsSaatyExample(t *testing.T) {
	w, lambda, cr, ok := AHPWeights(saatyExample)
	require.True(t, ok)
	require.Len(t, w, 3)

	// Published values, to 3 decimals.
	for i, want := range []float64{0.637, 0.258, 0.105} {
		assert.InDelta(t, want, w[i], 0.0005, "w[%d]", i)
	}
	assert.InDelta(t, 3.039, lambda, 0.0005)
	assert.InDelta(t, 0.033, cr, 0.0005)

	// An independent computation: power iteration (the matrix is positive,
	// so its Perron vector dominates), normalised to sum to 1, and
	// CR = ((λ − 3)/2)/0.58.
	v, lam := wtPowerIteration(saatyExample)
	sum := v[0] + v[1] + v[2]
	for i := range v {
		assert.InDelta(t, v[i]/sum, w[i], 1e-9, "w[%d]", i)
	}
	assert.InDelta(t, lam, lambda, 1e-9)
	assert.InDelta(t, (lam-3)/2/0.58, cr, 1e-9)
	assert.InDelta(t, 1, w[0]+w[1]+w[2], 1e-12)
}

func TestAHPWeightsInconsistentRefused(t *testing.T) {
	// A cycle (1 ≫ 2 ≫ 3 ≫ 1) is circulant: λmax = 1 + 9 + 1/9 = 10.111 with
	// equal weights, CI = (10.111 − 3)/2 = 3.556, CR = 3.556/0.58 = 6.130.
	m := [][]float64{{1, 9, 1.0 / 9}, {1.0 / 9, 1, 9}, {9, 1.0 / 9, 1}}
	w, lambda, cr, ok := AHPWeights(m)
	assert.False(t, ok)
	require.Len(t, w, 3, "weights and CR are still returned for reporting")
	for i := range w {
		assert.InDelta(t, 1.0/3, w[i], 1e-9)
	}
	assert.InDelta(t, 1+9+1.0/9, lambda, 1e-9)
	assert.InDelta(t, (1+9+1.0/9-3)/2/0.58, cr, 1e-9)
	assert.Equal(t, "6.130", fmt.Sprintf("%.3f", cr))
}

func TestAHPWeightsSizes(t *testing.T) {
	// n = 1: the only child takes everything.
	w, lambda, cr, ok := AHPWeights([][]float64{{1}})
	assert.True(t, ok)
	assert.Equal(t, []float64{1}, w)
	assert.Equal(t, 1.0, lambda)
	assert.Equal(t, 0.0, cr)

	// n = 2: always consistent (RI = 0, CR = 0); 3 : 1 gives 0.75, 0.25.
	w, lambda, cr, ok = AHPWeights([][]float64{{1, 3}, {1.0 / 3, 1}})
	assert.True(t, ok)
	assert.InDeltaSlice(t, []float64{0.75, 0.25}, w, 1e-12)
	assert.InDelta(t, 2, lambda, 1e-12)
	assert.Equal(t, 0.0, cr)

	// A perfectly consistent matrix m_ij = v_i / v_j gives back v with
	// λmax = n and CR = 0, here for n = 10 (the largest Saaty tabulates).
	v := []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
	m := make([][]float64, len(v))
	for i := range v {
		m[i] = make([]float64, len(v))
		for j := range v {
			m[i][j] = v[i] / v[j]
		}
	}
	w, lambda, cr, ok = AHPWeights(m)
	require.True(t, ok)
	for i := range v {
		assert.InDelta(t, v[i]/55, w[i], 1e-9)
	}
	assert.InDelta(t, 10, lambda, 1e-9)
	assert.InDelta(t, 0, cr, 1e-9)
	assert.GreaterOrEqual(t, cr, 0.0)

	// Refused: empty, 11 × 11 (no RI), not square, non-positive or
	// non-finite entries.
	big := make([][]float64, 11)
	for i := range big {
		big[i] = make([]float64, 11)
		for j := range big[i] {
			big[i][j] = 1
		}
	}
	for name, m := range map[string][][]float64{
		"empty":      nil,
		"11 × 11":    big,
		"not square": {{1, 2}, {0.5}},
		"zero":       {{1, 0}, {1, 1}},
		"negative":   {{1, -2}, {-0.5, 1}},
		"NaN":        {{1, math.NaN()}, {1, 1}},
		"Inf":        {{1, math.Inf(1)}, {0, 1}},
	} {
		w, _, _, ok := AHPWeights(m)
		assert.False(t, ok, name)
		assert.Nil(t, w, name)
	}
}

// wtAHPTree is a framework with
//
//	policy: p1, p2
//	depth:  d1, d2 (declared last), sub (weight 2): s1, s2
//	open:   o1
//
// followed by the [[ahp]] entries given.
func wtAHPTree(ahp string) string {
	return `[index]
name = "ahp test"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

[scoring]
weights = "ahp"

[[dimension]]
id = "policy"

[[dimension]]
id = "depth"

[[dimension]]
id = "open"

[[dimension]]
id = "sub"
parent = "depth"
weight = 2

[[indicator]]
id = "p1"
dimension = "policy"

[[indicator]]
id = "p2"
dimension = "policy"

[[indicator]]
id = "d1"
dimension = "depth"

[[indicator]]
id = "s1"
dimension = "sub"

[[indicator]]
id = "s2"
dimension = "sub"

[[indicator]]
id = "o1"
dimension = "open"

[[indicator]]
id = "d2"
dimension = "depth"
` + ahp
}

// wtParse parses an index.toml held in memory, with the data of wtAHPTree.
func wtParse(t *testing.T, src string) *indicators.Definition {
	t.Helper()
	fsys := fstest.MapFS{
		"regions.csv": {Data: []byte("code,name\nA,Alpha\nB,Beta\nC,Gamma\nD,Delta\n")},
		"data.csv":    {Data: []byte("region,p1,p2,d1,s1,s2,o1,d2\nA,1,2,3,4,5,6,7\nB,2,3,4,5,6,7,1\nC,3,4,5,6,7,1,2\nD,4,5,6,7,1,2,3\n")},
	}
	def, err := indicators.Parse("index.toml", []byte(src), indicators.FSFiles{FS: fsys})
	require.NoError(t, err)
	return def
}

// wtLine is the 1-based line of the nth (from 1) occurrence of s in src.
func wtLine(t *testing.T, src, s string, nth int) int {
	t.Helper()
	off := 0
	for range nth {
		i := strings.Index(src[off:], s)
		require.GreaterOrEqual(t, i, 0, "%q occurs fewer than %d times", s, nth)
		off += i + len(s)
	}
	return strings.Count(src[:off-len(s)], "\n") + 1
}

func TestWeightsAHP(t *testing.T) {
	src := wtAHPTree(`
[[ahp]]
parent = "index"
matrix = [[1, 3, 5], ["1/3", 1, 3], ["1/5", "1/3", 1]]

[[ahp]]
parent = "depth"   # children in tree order: d1, d2, then sub
matrix = [[1, 2, 4], [0.5, 1, 2], [0.25, "0.5", 1]]

[[ahp]]
parent = "policy"
matrix = [[1, "1 / 3"], [3.0, 1]]
`)
	def := wtParse(t, src)
	assert.Empty(t, WeightChecks(def))

	raw := wtWeights(t, "ahp", def, nil)
	w, _, _, ok := AHPWeights(saatyExample)
	require.True(t, ok)
	byID := map[string]WeightRow{}
	for _, r := range TreeWeights(def, raw) {
		byID[r.ID] = r
	}
	// Top level: Saaty's example.
	assert.InDelta(t, w[0], byID["policy"].Weight, 1e-12)
	assert.InDelta(t, w[1], byID["depth"].Weight, 1e-12)
	assert.InDelta(t, w[2], byID["open"].Weight, 1e-12)
	// depth: a consistent 4 : 2 : 1 over d1, d2, sub (not declaration order).
	assert.InDelta(t, 4.0/7, byID["d1"].Weight, 1e-9)
	assert.InDelta(t, 2.0/7, byID["d2"].Weight, 1e-9)
	assert.InDelta(t, 1.0/7, byID["sub"].Weight, 1e-9)
	// policy: p2 three times p1.
	assert.InDelta(t, 0.25, byID["p1"].Weight, 1e-12)
	assert.InDelta(t, 0.75, byID["p2"].Weight, 1e-12)
	// Parents without an [[ahp]] entry keep their configured weights.
	assert.InDelta(t, 0.5, byID["s1"].Weight, 1e-12)
	assert.InDelta(t, 1, byID["o1"].Weight, 1e-12)
	assert.InDelta(t, w[1]/7, byID["sub"].Effective, 1e-9)

	// Without [[ahp]] entries, ahp is manual.
	def = wtParse(t, wtAHPTree(""))
	manual := wtWeights(t, "manual", def, nil)
	assert.Equal(t, manual, wtWeights(t, "ahp", def, nil))
	assert.Equal(t, 2.0, manual["sub"])
}

func TestWeightChecksAHPErrors(t *testing.T) {
	tests := []struct {
		name   string
		ahp    string
		key    string // "matrix" or "parent": the line the error is on
		nth    int    // which occurrence of the key in the [[ahp]] entries
		msg    []string
		hint   string
		errors int
	}{
		{"unknown parent", `parent = "polcy"` + "\nmatrix = [[1]]", "parent", 1,
			[]string{`parent "polcy" is not a dimension`}, `policy, depth, open, sub), or "index"`, 1},
		{"second entry", `parent = "policy"` + "\nmatrix = [[1, 2], [0.5, 1]]\n[[ahp]]\nparent = \"policy\"\nmatrix = [[1, 3], [\"1/3\", 1]]", "parent", 2,
			[]string{`a second [[ahp]] entry for dimension "policy" (the first is at index.toml:`}, "one [[ahp]] matrix per parent", 1},
		{"not a number", `parent = "policy"` + "\nmatrix = [[1, \"x/3\"], [3, 1]]", "matrix", 1,
			[]string{`row 1, column 2: "x/3" is not a number or a fraction`}, `fractions as strings such as "1/3"`, 1},
		{"divide by zero", `parent = "policy"` + "\nmatrix = [[1, \"1/0\"], [0, 1]]", "matrix", 1,
			[]string{`row 1, column 2: "1/0" is not a number`, `row 2, column 1 is 0, but comparisons must be positive`}, "", 2},
		{"boolean", `parent = "policy"` + "\nmatrix = [[1, true], [1, 1]]", "matrix", 1,
			[]string{"row 1, column 2: true is not a number"}, "", 1},
		{"negative", `parent = "policy"` + "\nmatrix = [[1, -3], [\"-1/3\", 1]]", "matrix", 1,
			[]string{"row 1, column 2 is -3, but comparisons must be positive"}, "Saaty's scale", 2},
		{"not square", `parent = "policy"` + "\nmatrix = [[1, 3], [\"1/3\"]]", "matrix", 1,
			[]string{"not square: row 2 has 1 entries, but there are 2 rows"}, `child of dimension "policy", in this order: p1, p2`, 1},
		{"wrong size", `parent = "depth"` + "\nmatrix = [[1, 3], [\"1/3\", 1]]", "matrix", 1,
			[]string{`the [[ahp]] matrix is 2×2, but dimension "depth" has 3 children (d1, d2, sub)`}, "in this order: d1, d2, sub", 1},
		{"empty", `parent = "policy"` + "\nmatrix = []", "matrix", 1,
			[]string{`the [[ahp]] matrix for dimension "policy" is empty`}, "p1, p2", 1},
		{"diagonal", `parent = "policy"` + "\nmatrix = [[2, 3], [\"1/3\", 1]]", "matrix", 1,
			[]string{"row 1, column 1 is 2, but the diagonal must be 1"}, "", 1},
		{"not reciprocal", `parent = "depth"` + "\nmatrix = [[1, 3, 5], [0.33, 1, 3], [0.2, 0.3, 1]]", "matrix", 1,
			[]string{"not reciprocal: row 1, column 2 is 3, so row 2, column 1 must be 1/3, not 0.33 (1 more pairs differ)"}, `strings such as "1/3"`, 1},
		{"inconsistent top level", `parent = "index"` + "\nmatrix = [[1, 9, \"1/9\"], [\"1/9\", 1, 9], [9, \"1/9\", 1]]", "matrix", 1,
			[]string{"comparisons for the index (its top-level dimensions) are inconsistent: consistency ratio CR = 6.130"},
			"make the comparisons more consistent: CR must be under 0.10", 1},
		{"inconsistent dimension", `parent = "depth"` + "\nmatrix = [[1, 5, \"1/3\"], [\"1/5\", 1, 3], [3, \"1/3\", 1]]", "matrix", 1,
			[]string{`comparisons for dimension "depth" are inconsistent: consistency ratio CR = `}, "CR must be under 0.10", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := wtAHPTree("\n[[ahp]]\n" + tc.ahp + "\n")
			def := wtParse(t, src)
			errs := WeightChecks(def)
			require.Len(t, errs, tc.errors, "%v", errs)
			ahpStart := strings.Index(src, "[[ahp]]")
			line := wtLine(t, src[ahpStart:], tc.key+" =", tc.nth) + strings.Count(src[:ahpStart], "\n")
			for k, e := range errs {
				assert.Equal(t, "index.toml", e.Pos.File)
				assert.Equal(t, line, e.Pos.Line, "error %d: %v", k, e)
				if k < len(tc.msg) {
					assert.Contains(t, e.Msg, tc.msg[k])
				}
				assert.Contains(t, e.Hint, tc.hint)
				assert.NotEmpty(t, e.Hint)
			}
			// The ahp weighting refuses the definition with the same errors.
			wf, _ := LookupWeighting("ahp")
			raw, err := wf.Fn(WeightContext{Def: def})
			assert.Nil(t, raw)
			require.Error(t, err)
			assert.True(t, indicators.IsInputError(err))
			assert.Equal(t, errs, err)
		})
	}
}

func TestWeightChecksAHPMessages(t *testing.T) {
	// The top level named twice ("index", then no parent at all): the
	// second entry's error sits at its header, which holds no parent key.
	src := wtAHPTree(`
[[ahp]]
parent = "index"
matrix = [[1, 1, 1], [1, 1, 1], [1, 1, 1]]

[[ahp]]
matrix = [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
`)
	errs := WeightChecks(wtParse(t, src))
	require.Len(t, errs, 1)
	assert.Equal(t, wtLine(t, src, "[[ahp]]", 2), errs[0].Pos.Line)
	assert.Contains(t, errs[0].Msg, "a second [[ahp]] entry for the index (its top-level dimensions)")

	// CR to 3 decimals, as AHPWeights computes it.
	m := [][]float64{{1, 5, 1.0 / 3}, {1.0 / 5, 1, 3}, {3, 1.0 / 3, 1}}
	_, _, cr, ok := AHPWeights(m)
	require.False(t, ok)
	src = wtAHPTree("\n[[ahp]]\nparent = \"depth\"\nmatrix = [[1, 5, \"1/3\"], [\"1/5\", 1, 3], [3, \"1/3\", 1]]\n")
	errs = WeightChecks(wtParse(t, src))
	require.Len(t, errs, 1)
	assert.Regexp(t, regexp.MustCompile(`CR = \d+\.\d{3}$`), errs[0].Msg)
	assert.Contains(t, errs[0].Msg, fmt.Sprintf("CR = %.3f", cr))

	// More than 10 children: refused, with the count.
	var b strings.Builder
	b.WriteString("\n[[dimension]]\nid = \"big\"\n")
	for k := range 11 {
		fmt.Fprintf(&b, "\n[[indicator]]\nid = \"g%d\"\ndimension = \"big\"\n", k)
	}
	b.WriteString("\n[[ahp]]\nparent = \"big\"\nmatrix = [[1]]\n")
	src = wtAHPTree(b.String())
	errs = WeightChecks(wtParse(t, src))
	require.Len(t, errs, 1)
	assert.Equal(t, wtLine(t, src, "matrix =", 1), errs[0].Pos.Line)
	assert.Contains(t, errs[0].Msg, `dimension "big" has 11 children, but AHP compares at most 10`)

	// Several bad entries: every one is reported, sorted by line.
	src = wtAHPTree(`
[[ahp]]
parent = "depth"
matrix = [[1, 3], ["1/3", 1]]

[[ahp]]
parent = "nowhere"
matrix = [[1]]

[[ahp]]
parent = "policy"
matrix = [[1, 0.5], [0.5, 1]]
`)
	errs = WeightChecks(wtParse(t, src))
	require.Len(t, errs, 3, "%v", errs)
	assert.Equal(t, wtLine(t, src, "matrix = [[1, 3]", 1), errs[0].Pos.Line)
	assert.Equal(t, wtLine(t, src, `parent = "nowhere"`, 1), errs[1].Pos.Line)
	assert.Equal(t, wtLine(t, src, "matrix = [[1, 0.5]", 1), errs[2].Pos.Line)
	assert.Contains(t, errs[2].Msg, "must be 2, not 0.5")
}
