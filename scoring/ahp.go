package scoring

import (
	"fmt"
	"math"
	"math/cmplx"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/govindex/govindex/indicators"
)

// The analytic hierarchy process (Saaty): an [[ahp]] entry compares the
// children of one parent pairwise; their weights are the principal
// eigenvector of the matrix, accepted when its consistency ratio is under
// ahpMaxCR.

// ahpMaxCR is Saaty's bound on the consistency ratio: a matrix with
// CR ≥ 0.1 is refused.
const ahpMaxCR = 0.1

// saatyRI is Saaty's random consistency index for n = 1…10 (index n − 1).
var saatyRI = [...]float64{0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49}

// ahpMaxSize is the largest matrix Saaty's RI is tabulated for.
const ahpMaxSize = len(saatyRI)

// ahpRelTol is the relative tolerance of the reciprocity and diagonal
// checks: m[j][i] must be 1/m[i][j] within it.
const ahpRelTol = 1e-6

// AHPWeights returns the weights of a pairwise comparison matrix (m[i][j]:
// how much more important i is than j): the principal right eigenvector
// (the eigenvalue with the largest real part, from gonum's mat.Eigen),
// normalised to sum to 1 and positive; lambda is that eigenvalue (λmax),
// and cr the consistency ratio CI / RI with CI = (λmax − n)/(n − 1) and
// Saaty's random index RI (0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45,
// 1.49 for n = 1…10). For n ≤ 2, where RI is 0, cr is 0: such a
// reciprocal matrix is always consistent. cr is never negative (rounding
// can put λmax a hair under n).
//
// ok is false when the matrix is not square with 1 to 10 rows of positive
// finite entries, when the eigendecomposition fails or gives no real
// positive principal eigenvector, or when cr ≥ 0.1 (inconsistent); in the
// last case w, lambda and cr are still returned, so the caller can report
// the ratio. Reciprocity (m[j][i] = 1/m[i][j]) is not checked here:
// WeightChecks does that for index definitions.
func AHPWeights(m [][]float64) (w []float64, lambda, cr float64, ok bool) {
	n := len(m)
	if n == 0 || n > ahpMaxSize {
		return nil, 0, 0, false
	}
	a := mat.NewDense(n, n, nil)
	for i, row := range m {
		if len(row) != n {
			return nil, 0, 0, false
		}
		for j, v := range row {
			if !(v > 0) || math.IsInf(v, 0) {
				return nil, 0, 0, false
			}
			a.Set(i, j, v)
		}
	}
	if n == 1 {
		return []float64{1}, m[0][0], 0, true
	}
	var eig mat.Eigen
	if !eig.Factorize(a, mat.EigenRight) {
		return nil, 0, 0, false
	}
	vals := eig.Values(nil)
	top := 0
	for k, v := range vals {
		if real(v) > real(vals[top]) {
			top = k
		}
	}
	lambda = real(vals[top])
	if math.Abs(imag(vals[top])) > 1e-9*math.Max(1, math.Abs(lambda)) {
		return nil, 0, 0, false
	}
	var vecs mat.CDense
	eig.VectorsTo(&vecs)
	// The vector is defined up to a complex factor: divide by the sum of
	// its entries, which makes a Perron vector real and positive.
	var sum complex128
	for i := range n {
		sum += vecs.At(i, top)
	}
	if cmplx.Abs(sum) == 0 {
		return nil, 0, 0, false
	}
	w = make([]float64, n)
	for i := range n {
		c := vecs.At(i, top) / sum
		if !(real(c) > 0) || math.Abs(imag(c)) > 1e-9 {
			return nil, 0, 0, false
		}
		w[i] = real(c)
	}
	if ri := saatyRI[n-1]; ri > 0 {
		cr = math.Max(0, (lambda-float64(n))/float64(n-1)/ri)
	}
	return w, lambda, cr, cr < ahpMaxCR
}

// ahpResult is one valid [[ahp]] entry: the children it weights, in tree
// order, and their weights.
type ahpResult struct {
	children []string
	weights  []float64
}

// WeightChecks validates the [[ahp]] entries of a definition without data,
// whatever weighting method is chosen, so that validate can report them:
// the parent is "" or "index" (the top-level dimensions) or a dimension
// id, named by one entry only; the matrix is square, with one row and
// column per child of the parent, in the parent's tree order (its child
// indicators, then its child dimensions, each in declaration order — the
// order of TreeWeights), at most 10 of them; entries are positive numbers
// or strings holding a number or a fraction such as "1/3"; the diagonal
// is 1 and m[j][i] = 1/m[i][j] (both within 1e-6, relatively); and the
// consistency ratio is under 0.1. Problems of the parent are reported at
// the entry's parent key, all others at its matrix key. The list is
// sorted by position.
func WeightChecks(def *indicators.Definition) indicators.ErrorList {
	_, errs := ahpEntries(def)
	return errs
}

// weightsAHP takes the configured weights (as manual) and replaces the
// weights of the children of every parent with an [[ahp]] entry by the
// entry's eigenvector weights. Invalid entries give the errors of
// WeightChecks.
func weightsAHP(ctx WeightContext) (map[string]float64, error) {
	results, errs := ahpEntries(ctx.Def)
	if len(errs) > 0 {
		return nil, errs
	}
	raw := treeRaw(ctx.Def, func(w float64) float64 { return w })
	for _, r := range results {
		for k, id := range r.children {
			raw[id] = r.weights[k]
		}
	}
	return raw, nil
}

// ahpEntries parses and checks every [[ahp]] entry, returning the weights
// of the valid ones and the problems of the others.
func ahpEntries(def *indicators.Definition) ([]ahpResult, indicators.ErrorList) {
	var (
		errs    indicators.ErrorList
		results []ahpResult
	)
	first := map[string]indicators.Pos{} // parent id → its first entry
	for i, e := range def.AHP {
		parent := strings.TrimSpace(e.Parent)
		if parent == "index" {
			parent = ""
		}
		parentPos := def.KeyPos("ahp", i, "parent")
		if parent != "" {
			if _, ok := def.Dimension(parent); !ok {
				errs = append(errs, indicators.Errorf(parentPos, ahpParentHint(def),
					"[[ahp]] parent %q is not a dimension", e.Parent))
				continue
			}
		}
		if p, dup := first[parent]; dup {
			errs = append(errs, indicators.Errorf(parentPos, "keep one [[ahp]] matrix per parent",
				"a second [[ahp]] entry for %s (the first is at %s)", ahpParentName(parent), p))
			continue
		}
		first[parent] = parentPos
		r, err := ahpEntry(def, i, parent, e.Matrix)
		if err != nil {
			errs = append(errs, err...)
			continue
		}
		results = append(results, r)
	}
	errs.Sort()
	return results, errs
}

// ahpEntry checks the matrix of entry i over the children of parent and
// computes their weights.
func ahpEntry(def *indicators.Definition, i int, parent string, matrix [][]any) (ahpResult, indicators.ErrorList) {
	pos := def.KeyPos("ahp", i, "matrix")
	var children []string
	for _, in := range def.ChildIndicators(parent) {
		children = append(children, in.ID)
	}
	for _, d := range def.ChildDimensions(parent) {
		children = append(children, d.ID)
	}
	name := ahpParentName(parent)
	n := len(children)
	orderHint := fmt.Sprintf("write one row and one column per child of %s, in this order: %s", name, strings.Join(children, ", "))
	fail := func(hint, format string, args ...any) (ahpResult, indicators.ErrorList) {
		return ahpResult{}, indicators.ErrorList{indicators.Errorf(pos, hint, format, args...)}
	}
	if n > ahpMaxSize {
		return fail("group the children into sub-dimensions of at most 10 each, or use manual weights",
			"%s has %d children, but AHP compares at most %d (Saaty's random index stops at 10)", name, n, ahpMaxSize)
	}

	// Cells: every one that is not a positive number is a problem.
	var errs indicators.ErrorList
	m := make([][]float64, len(matrix))
	for r, row := range matrix {
		m[r] = make([]float64, len(row))
		for c, cell := range row {
			v, ok := ahpNumber(cell)
			switch {
			case !ok:
				errs = append(errs, indicators.Errorf(pos, `write numbers such as 3 or 0.5, or fractions as strings such as "1/3"`,
					"[[ahp]] matrix row %d, column %d: %s is not a number or a fraction", r+1, c+1, ahpCellText(cell)))
			case !(v > 0):
				errs = append(errs, indicators.Errorf(pos, "use Saaty's scale from 1/9 to 9, with 1 for equal importance",
					"[[ahp]] matrix row %d, column %d is %g, but comparisons must be positive", r+1, c+1, v))
			}
			m[r][c] = v
		}
	}
	if len(errs) > 0 {
		return ahpResult{}, errs
	}

	// Shape.
	if len(m) == 0 {
		return fail(orderHint, "the [[ahp]] matrix for %s is empty", name)
	}
	for r, row := range m {
		if len(row) != len(m) {
			return fail(orderHint, "the [[ahp]] matrix is not square: row %d has %d entries, but there are %d rows", r+1, len(row), len(m))
		}
	}
	if len(m) != n {
		return fail(orderHint, "the [[ahp]] matrix is %d×%d, but %s has %d children (%s)", len(m), len(m), name, n, strings.Join(children, ", "))
	}

	// Diagonal and reciprocity.
	for r := range n {
		if math.Abs(m[r][r]-1) > ahpRelTol {
			return fail("a child is as important as itself: write 1 on the diagonal",
				"[[ahp]] matrix row %d, column %d is %g, but the diagonal must be 1", r+1, r+1, m[r][r])
		}
	}
	type pair struct{ r, c int }
	var bad []pair
	for r := range n {
		for c := r + 1; c < n; c++ {
			want := 1 / m[r][c]
			if math.Abs(m[c][r]-want) > ahpRelTol*want {
				bad = append(bad, pair{r, c})
			}
		}
	}
	if len(bad) > 0 {
		p := bad[0]
		more := ""
		if len(bad) > 1 {
			more = fmt.Sprintf(" (%d more pairs differ)", len(bad)-1)
		}
		return fail(`write m[j][i] = 1/m[i][j]; give fractions as strings such as "1/3" for exact reciprocals`,
			"the [[ahp]] matrix is not reciprocal: row %d, column %d is %g, so row %d, column %d must be %s, not %g%s",
			p.r+1, p.c+1, m[p.r][p.c], p.c+1, p.r+1, ahpReciprocalText(m[p.r][p.c]), m[p.c][p.r], more)
	}

	// Eigenvector and consistency.
	w, _, cr, ok := AHPWeights(m)
	if w == nil {
		return fail("check the comparisons", "the [[ahp]] matrix for %s has no positive principal eigenvector", name)
	}
	if !ok {
		return fail("make the comparisons more consistent: CR must be under 0.10",
			"the [[ahp]] comparisons for %s are inconsistent: consistency ratio CR = %.3f", name, cr)
	}
	return ahpResult{children: children, weights: w}, nil
}

// ahpNumber reads a matrix cell: a TOML integer or float, or a string
// holding a number ("3", "0.5") or a fraction ("1/3"). Non-finite values
// are not numbers.
func ahpNumber(cell any) (float64, bool) {
	var v float64
	switch x := cell.(type) {
	case int64:
		v = float64(x)
	case int:
		v = float64(x)
	case float64:
		v = x
	case string:
		num, den, frac := strings.Cut(x, "/")
		a, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if err != nil {
			return 0, false
		}
		v = a
		if frac {
			b, err := strconv.ParseFloat(strings.TrimSpace(den), 64)
			if err != nil || b == 0 || math.IsInf(b, 0) || math.IsNaN(b) {
				return 0, false
			}
			v = a / b
		}
	default:
		return 0, false
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// ahpCellText shows a cell in a message as it was written.
func ahpCellText(cell any) string {
	switch x := cell.(type) {
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case []any, map[string]any:
		return "a nested value"
	}
	return fmt.Sprint(cell)
}

// ahpReciprocalText writes 1/v as a fraction when v is a whole number
// ("1/3"), as a number otherwise.
func ahpReciprocalText(v float64) string {
	if v >= 1 && v == math.Trunc(v) {
		return fmt.Sprintf("1/%g", v)
	}
	return strconv.FormatFloat(1/v, 'g', 6, 64)
}

// ahpParentName names a parent in messages.
func ahpParentName(parent string) string {
	if parent == "" {
		return "the index (its top-level dimensions)"
	}
	return fmt.Sprintf("dimension %q", parent)
}

func ahpParentHint(def *indicators.Definition) string {
	ids := make([]string, len(def.Dimensions))
	for k, d := range def.Dimensions {
		ids[k] = d.ID
	}
	return fmt.Sprintf(`name a [[dimension]] id (%s), or "index" for the top-level dimensions`, strings.Join(ids, ", "))
}
