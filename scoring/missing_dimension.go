package scoring

import (
	"math"

	"github.com/govindex/govindex/indicators"
)

// A rated region with no value in a whole dimension is scored by
// [scoring] missing_dimension: "renormalise" (the default) leaves the
// dimension out, its parent's weights renormalised over the dimensions
// the region has — an implicit imputation by the others; "zero" counts
// the dimension as 0 on the normalised scale (the evidence's silence read
// as nothing done; with `range = [0, 100]`, the bottom of the scale);
// "unrated" leaves the region unrated. Missing is judged on the data as
// read (before imputation) for "unrated", and on the dimension's score
// (after imputation) for "zero".

// coveredEnough reports whether a region with present values of the
// definition's indicators meets [scoring] min_coverage.
func coveredEnough(def *indicators.Definition, present int) bool {
	n := len(def.Indicators)
	return present > 0 && n > 0 && float64(present)/float64(n) >= def.Scoring.MinCoverage
}

// dimensionIndicators lists, for each dimension with indicators under
// it (declaration order), its id and those indicators' positions.
type dimensionIndicators []struct {
	id   string
	inds []int
}

func dimensionsOf(def *indicators.Definition) dimensionIndicators {
	var out dimensionIndicators
	for _, d := range def.Dimensions {
		under := def.IndicatorsUnder(d.ID)
		if len(under) == 0 {
			continue
		}
		idx := make([]int, len(under))
		for i, ind := range under {
			idx[i] = ind.Index
		}
		out = append(out, struct {
			id   string
			inds []int
		}{d.ID, idx})
	}
	return out
}

// without lists the dimensions in which values (one region's row, NaN
// missing) has none, in declaration order.
func (dims dimensionIndicators) without(values []float64) []string {
	var out []string
	for _, d := range dims {
		none := true
		for _, i := range d.inds {
			if !math.IsNaN(values[i]) {
				none = false
				break
			}
		}
		if none {
			out = append(out, d.id)
		}
	}
	return out
}

// zeroMissing sets a dimension's missing scores to 0 under
// missing_dimension = "zero".
func zeroMissing(def *indicators.Definition, scores []float64) {
	if def.Scoring.MissingDimension != "zero" {
		return
	}
	for k, s := range scores {
		if math.IsNaN(s) {
			scores[k] = 0
		}
	}
}

// zeroRows is zeroMissing in a robust sample, after node ni: its missing
// rows count 0. A parent that needs positive values fails the draw, as
// Score refuses it.
func (w *rbWorker) zeroRows(ni int) bool {
	p := w.p
	nd := &p.nodes[ni]
	rows := w.nanRows[ni]
	if nd.dim < 0 || len(rows) == 0 {
		return true
	}
	if nd.parent >= 0 {
		if m := w.method(int(nd.parent)); m.agg.Positive {
			return w.fail(true, "the %s mean needs positive values, but region %s counts 0 on %q (no data; missing_dimension = \"zero\")",
				m.agg.Name, regionLabel(p.regions[rows[0]]), p.def.Dimensions[nd.dim].ID)
		}
	}
	for _, k := range rows {
		w.val[ni][k] = 0
		w.lg[ni][k] = math.Inf(-1)
	}
	w.nanRows[ni] = rows[:0]
	return true
}
