package scoring

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/govindex/govindex/indicators"
)

// Run scores and rates the definition on the dataset's values for year.
// The other years with data come along for imputation methods that use
// them (latest, linear).
func Run(def *indicators.Definition, ds *indicators.Dataset, year int) (*Result, error) {
	if errs := Check(def); len(errs) > 0 {
		return nil, errs
	}
	m := yearMatrix(def, ds, year)
	res, err := Score(def, m)
	if err != nil {
		return nil, err
	}
	res.Data = ds
	return res, nil
}

// yearMatrix is the matrix of year with the other years with data in
// Other, for the methods that look across years.
func yearMatrix(def *indicators.Definition, ds *indicators.Dataset, year int) *indicators.Matrix {
	m := ds.Matrix(def, year)
	for _, y := range ds.Years() {
		if y != year {
			m.Other = append(m.Other, ds.Matrix(def, y))
		}
	}
	return m
}

// Score runs the pipeline on a region × indicator matrix: coverage →
// denominate → impute → treat → direction → normalise → weight → aggregate
// up the tree → round → rank → stars → caps. The definition must have
// passed Check. Regions below the coverage threshold are left out of every
// step and reported unrated, so they cannot move the others' scores.
func Score(def *indicators.Definition, m *indicators.Matrix) (*Result, error) {
	sc := def.Scoring
	nInd := len(def.Indicators)
	res := &Result{Def: def, Year: m.Year, Method: Method{
		Normalise: sc.Normalise, Weights: sc.Weights, Aggregate: sc.Aggregate, Stars: def.Stars.Method,
	}}

	// Coverage decides who is rated.
	rated, present := coverage(def, m)
	dims := dimensionsOf(def)
	all := make([]*RegionResult, len(m.Regions))
	for r, reg := range m.Regions {
		rr := &RegionResult{Region: reg, Rated: true, Present: present[r], Total: nInd}
		if nInd > 0 {
			rr.Coverage = float64(present[r]) / float64(nInd)
		}
		rr.NoData = dims.without(m.Values[r])
		if !slices.Contains(rated, r) {
			rr.Rated = false
			rr.Reason = coverageReason(present[r], nInd, sc.MinCoverage)
			if coveredEnough(def, present[r]) && len(rr.NoData) > 0 {
				rr.UnratedDimension = rr.NoData[0]
				rr.Reason = fmt.Sprintf("no data in dimension %q (missing_dimension = \"unrated\")", rr.NoData[0])
			}
		}
		all[r] = rr
	}
	ratedRegions := make([]*indicators.Region, len(rated))
	for k, r := range rated {
		ratedRegions[k] = m.Regions[r]
	}

	// Values of rated regions: denominated and imputed.
	X, imputed, err := prepareValues(def, m, rated, def.Scoring.Impute, imputePos(def, false))
	if err != nil {
		return nil, err
	}
	// With comparable = "pooled", the other years' rated rows are stacked
	// under this year's, and every step up to aggregation and star classes
	// runs on the stack: a value gets the same normalised score whatever
	// its year. Only this year's rows are ranked and reported.
	stackRegions := ratedRegions
	if pooled(def, m) {
		oX, oRegions, err := otherYears(def, m, def.Scoring.Impute, imputePos(def, false))
		if err != nil {
			return nil, err
		}
		X = append(X, oX...)
		stackRegions = append(slices.Clone(ratedRegions), oRegions...)
	}
	nRated, nAll := len(rated), len(stackRegions)
	stackRows := make([]int, nAll)
	for k := range stackRows {
		stackRows[k] = k
	}

	ref := -1
	if sc.Reference != "" {
		if ref = findRegion(ratedRegions, sc.Reference); ref < 0 {
			return nil, indicators.Errorf(def.KeyPos("scoring", 0, "reference"), "name the code or exact name of a rated region in regions.csv",
				"reference region %q is not among the rated regions", sc.Reference)
		}
	}
	// Treatment and direction, then normalisation.
	signed, D, treated := treatColumns(def, X)
	res.Treatments = append(res.Treatments, treated...)
	N := make([][]float64, nAll) // normalised
	for k := range N {
		N[k] = make([]float64, nInd)
	}
	rowName := stackLabel(stackRegions)
	for i, ind := range def.Indicators {
		name := normaliserOf(def, ind)
		if err := checkColumn(def, i, name, signed[i], ref, rowName, m.Year); err != nil {
			return nil, err
		}
		norm, _ := LookupNormaliser(name)
		out := norm.Fn(signed[i], normaliseParams(def, ind, ref))
		if err := checkNormalised(def, i, name, out, rowName, m.Year); err != nil {
			return nil, err
		}
		for k := range nAll {
			N[k][i] = out[k]
		}
	}

	// Weights.
	wf, _ := LookupWeighting(sc.Weights)
	raw, err := wf.Fn(WeightContext{Def: def, Normalised: N, Values: D})
	if err != nil {
		return nil, err
	}
	res.Weights = TreeWeights(def, raw)
	within := make(map[string]float64, len(res.Weights))
	for _, w := range res.Weights {
		within[w.ID] = w.Weight
	}

	// Aggregate bottom-up: a dimension's score needs its child dimensions'
	// scores first, so visit them in post-order from the roots.
	dimScore := make(map[string][]float64, len(def.Dimensions))
	var visit func(id string) error
	visit = func(id string) error {
		kids := def.ChildDimensions(id)
		for _, c := range kids {
			if err := visit(c.ID); err != nil {
				return err
			}
		}
		if id == "" {
			return nil
		}
		inds := def.ChildIndicators(id)
		cols := make([][]float64, 0, len(inds)+len(kids))
		names := make([]string, 0, len(inds)+len(kids))
		w := make([]float64, 0, len(inds)+len(kids))
		for _, ind := range inds {
			c := make([]float64, nAll)
			for k := range nAll {
				c[k] = N[k][ind.Index]
			}
			cols, names, w = append(cols, c), append(names, ind.ID), append(w, within[ind.ID])
		}
		for _, d := range kids {
			cols, names, w = append(cols, dimScore[d.ID]), append(names, d.ID), append(w, within[d.ID])
		}
		s, err := aggregate(def, aggregatorOf(def, id), id, cols, names, w, stackRegions, stackRows)
		if err != nil {
			return err
		}
		zeroMissing(def, s)
		dimScore[id] = s
		return checkScores(def, id, s, rowName, m.Year)
	}
	if err := visit(""); err != nil {
		return nil, err
	}
	roots := def.ChildDimensions("")
	cols := make([][]float64, len(roots))
	names := make([]string, len(roots))
	w := make([]float64, len(roots))
	for j, d := range roots {
		cols[j], names[j], w[j] = dimScore[d.ID], d.ID, within[d.ID]
	}
	index, err := aggregate(def, sc.Aggregate, "", cols, names, w, stackRegions, stackRows)
	if err != nil {
		return nil, err
	}
	if err := checkScores(def, "", index, rowName, m.Year); err != nil {
		return nil, err
	}

	// Round, rank and rate the index and every dimension.
	ties, _ := LookupTieRule(sc.Ties)
	stars, _ := LookupStarRule(def.Stars.Method)
	// Star classes are fitted on the whole stack (this year's rows alone
	// unless pooled); ranks are among this year's rows.
	rate := func(scores []float64) ([]float64, []int, []int, error) {
		if sc.Round != nil {
			for k, s := range scores {
				if !math.IsNaN(s) {
					scores[k] = RoundTo(s, *sc.Round)
				}
			}
		}
		st, err := stars.Fn(scores, def.Stars)
		cur := scores[:nRated]
		if err != nil {
			return cur, nil, nil, err
		}
		return cur, ties.Fn(cur), st[:nRated], nil
	}
	index, ranks, st, err := rate(index)
	if err != nil {
		return nil, indicators.Errorf(def.KeyPos("stars", 0, ""), "check the [stars] settings", "%v", err)
	}
	dimStack := maps.Clone(dimScore)
	for id, v := range dimScore {
		dimScore[id] = v[:nRated:nRated]
	}
	res.Caps = applyCaps(def, st, dimScore, ratedRegions)
	for k, r := range rated {
		rr := all[r]
		rr.Score, rr.Rank, rr.Stars, rr.Class = index[k], ranks[k], st[k], label(def, st[k])
	}
	for r, rr := range all {
		rr.Dimensions = make([]*NodeScore, len(def.Dimensions))
		for j, d := range def.Dimensions {
			rr.Dimensions[j] = &NodeScore{ID: d.ID, Score: math.NaN(), Missing: true}
		}
		rr.Indicators = make([]*IndicatorScore, nInd)
		for i, ind := range def.Indicators {
			v := m.Values[r][i]
			rr.Indicators[i] = &IndicatorScore{ID: ind.ID, Raw: v, Value: math.NaN(), Normalised: math.NaN(), Source: m.Sources[r][i]}
		}
	}
	for j, d := range def.Dimensions {
		ds, dr, dst, err := rate(dimStack[d.ID])
		if err != nil {
			return nil, indicators.Errorf(def.KeyPos("stars", 0, ""), "check the [stars] settings", "%v", err)
		}
		for k, r := range rated {
			if math.IsNaN(ds[k]) {
				continue
			}
			all[r].Dimensions[j] = &NodeScore{ID: d.ID, Score: ds[k], Rank: dr[k], Stars: dst[k], Class: label(def, dst[k])}
		}
	}
	for k, r := range rated {
		for i := range nInd {
			is := all[r].Indicators[i]
			is.Value, is.Normalised, is.Imputed = X[k][i], N[k][i], imputed[k][i]
		}
	}

	// Rank order; ties and unrated regions keep the order of regions.csv.
	order := make([]*RegionResult, 0, len(all))
	for _, r := range rated {
		order = append(order, all[r])
	}
	sortStable(order, func(a, b *RegionResult) bool { return a.Rank < b.Rank })
	for _, rr := range all {
		if !rr.Rated {
			order = append(order, rr)
		}
	}
	res.Regions = order
	return res, nil
}

// coverage lists the rows of m with enough data to be rated (at least one
// value and [scoring] min_coverage of the indicators) and every row's
// count of values.
func coverage(def *indicators.Definition, m *indicators.Matrix) (rated, present []int) {
	nInd := len(def.Indicators)
	present = make([]int, len(m.Regions))
	var dims dimensionIndicators
	if def.Scoring.MissingDimension == "unrated" {
		dims = dimensionsOf(def)
	}
	for r := range m.Regions {
		for i := range nInd {
			if !math.IsNaN(m.Values[r][i]) {
				present[r]++
			}
		}
		if coveredEnough(def, present[r]) && (dims == nil || len(dims.without(m.Values[r])) == 0) {
			rated = append(rated, r)
		}
	}
	return rated, present
}

// prepareValues gives the rated rows' values denominated and imputed by
// the method named impute, with the imputed cells marked; pos is where
// impute is set, for a method the data cannot support.
func prepareValues(def *indicators.Definition, m *indicators.Matrix, rated []int, impute string, pos indicators.Pos) (X [][]float64, imputed [][]bool, err error) {
	X, err = denominate(def, m.Values, rated, m.Regions)
	if err != nil {
		return nil, nil, err
	}
	imputed = make([][]bool, len(rated))
	groups := make([]string, len(rated))
	for k, r := range rated {
		imputed[k] = make([]bool, len(def.Indicators))
		groups[k] = m.Regions[r].Group
	}
	panel, err := buildPanel(def, m, rated, X)
	if err != nil {
		return nil, nil, err
	}
	if err := checkImputeData(impute, pos, groups, panel); err != nil {
		return nil, nil, err
	}
	imp, _ := LookupImputer(impute)
	imp.Fn(ImputeContext{X: X, Imputed: imputed, Groups: groups, Panel: panel})
	return X, imputed, nil
}

// aggregate combines child columns into a node's scores, refusing methods
// that need positive values when one is not, naming region and child.
func aggregate(def *indicators.Definition, method, node string, cols [][]float64, names []string, w []float64,
	regions []*indicators.Region, rated []int) ([]float64, error) {
	agg, _ := LookupAggregator(method)
	X := make([][]float64, len(rated))
	for k := range rated {
		X[k] = make([]float64, len(cols))
		for j := range cols {
			X[k][j] = cols[j][k]
		}
	}
	if agg.Positive {
		if k, j, found := NonPositive(X); found {
			pos := def.KeyPos("scoring", 0, "aggregate")
			if d, ok := def.Dimension(node); ok && d.Aggregate != "" {
				pos = def.KeyPos("dimension", d.Index, "aggregate")
			}
			return nil, indicators.Errorf(pos,
				"normalise into a positive range such as range = [1, 100], or use the arithmetic mean",
				"the %s mean needs positive values, but region %s has %g on %q", method, regionLabel(regions[rated[k]]), X[k][j], names[j])
		}
	}
	return agg.Fn(X, w, AggregateParams{Power: def.Scoring.Power}), nil
}

func label(def *indicators.Definition, stars int) string {
	if stars < 1 || stars > len(def.Stars.Labels) {
		return ""
	}
	return def.Stars.Labels[stars-1]
}

// coverageReason says why a region is unrated, in English; reports word it
// in the user's language from Present and Total.
func coverageReason(present, total int, min float64) string {
	return fmt.Sprintf("data for %d of %d indicators, under the minimum share %g", present, total, min)
}

func sortStable(a []*RegionResult, less func(a, b *RegionResult) bool) {
	sort.SliceStable(a, func(i, j int) bool { return less(a[i], a[j]) })
}
