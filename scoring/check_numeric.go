package scoring

import (
	"math"
	"strconv"

	"github.com/govindex/govindex/indicators"
)

// The pipeline computes every number right in floating point or refuses
// the input with the reason (DESIGN.md, Methods): the checks below catch,
// naming the indicator, region and year, what no formula can compute —
// fracmax without a positive maximum, dist2ref without a reference value
// to measure by — and the results that overflow the float64 range in
// spite of the care taken to scale before subtracting.

// rowLabel names row k of a (possibly stacked) column in messages.
type rowLabel func(k int) string

// stackLabel labels the rows of a column stacked as Score stacks them:
// regions[k] for the rows it has, "row k+1" beyond (other years' rows in
// the robust plan, which does not keep their regions).
func stackLabel(regions []*indicators.Region) rowLabel {
	return func(k int) string {
		if k < len(regions) {
			return regionLabel(regions[k])
		}
		return "row " + strconv.Itoa(k+1)
	}
}

// normalisePos is where indicator i's normalisation is chosen: its own
// normalise key, or [scoring] normalise.
func normalisePos(def *indicators.Definition, i int) indicators.Pos {
	if def.Indicators[i].Normalise != "" {
		return def.KeyPos("indicator", i, "normalise")
	}
	return def.KeyPos("scoring", 0, "normalise")
}

// checkColumn refuses a column (indicator i after treatment and
// direction, rows labelled by label) that normalisation name cannot
// compute: a value that is not finite; under fracmax, a column with no
// positive value; under dist2ref, a reference region (row ref) without a
// value, or with 0. year is the year rated.
func checkColumn(def *indicators.Definition, i int, name string, col []float64, ref int, label rowLabel, year int) error {
	ind := def.Indicators[i]
	for k, v := range col {
		if math.IsInf(v, 0) {
			return indicators.Errorf(def.KeyPos("indicator", i, ""), "check the data of the indicator, its denominator and scale, and [scoring] treat",
				"indicator %q of %s in %d is %g after treatment, not a number that can be scored", ind.ID, label(k), year, v)
		}
	}
	switch name {
	case "fracmax":
		if _, hi, ok := presentExtent(col); ok && !(hi > 0) {
			return indicators.Errorf(normalisePos(def, i), `use normalise = "minmax" or "dist2max" for this indicator`,
				"indicator %q has no positive value in %d (the largest is %g): fracmax (x / max) needs a positive maximum", ind.ID, year, hi*float64(ind.Direction))
		}
	case "dist2ref":
		if ref < 0 || ref >= len(col) {
			return nil // no reference: Check and Score refuse it first
		}
		pos := def.KeyPos("scoring", 0, "reference")
		switch v := col[ref]; {
		case math.IsNaN(v):
			return indicators.Errorf(pos, "give the reference region a value for the indicator (or impute it), or name another reference region",
				"the reference region %s has no value for indicator %q in %d: dist2ref measures every region against it", label(ref), ind.ID, year)
		case v == 0:
			return indicators.Errorf(pos, `name a reference region whose value is not 0, or use normalise = "minmax" for this indicator`,
				"the reference region %s has 0 for indicator %q in %d: dist2ref has no distance relative to 0", label(ref), ind.ID, year)
		}
	}
	return nil
}

// checkNormalised refuses a normalised column with a value that overflows
// (dist2ref against a reference value very close to 0, say).
func checkNormalised(def *indicators.Definition, i int, name string, out []float64, label rowLabel, year int) error {
	for k, v := range out {
		if math.IsInf(v, 0) {
			return indicators.Errorf(normalisePos(def, i), "rescale the indicator (a denominator or scale), or use another normalisation such as minmax",
				"normalising indicator %q with %s gives %s a value beyond the float64 range in %d", def.Indicators[i].ID, name, label(k), year)
		}
	}
	return nil
}

// checkScores refuses a node's scores (the index when node is "") of the
// rated regions that are not finite: an overflow (±Inf), or, for the
// index, no score at all (NaN) for a region that has data. A score that is
// not finite is never ranked or starred.
func checkScores(def *indicators.Definition, node string, scores []float64, label rowLabel, year int) error {
	pos := def.KeyPos("scoring", 0, "aggregate")
	d, isDim := def.Dimension(node)
	if isDim && d.Aggregate != "" {
		pos = def.KeyPos("dimension", d.Index, "aggregate")
	}
	const fix = "bring the data to a smaller scale (a denominator or scale), or a smaller range such as range = [0, 100]"
	for k, s := range scores {
		switch {
		case math.IsInf(s, 0) && isDim:
			return indicators.Errorf(pos, fix, "the score of %s on dimension %q in %d overflows the float64 range", label(k), node, year)
		case math.IsInf(s, 0):
			return indicators.Errorf(pos, fix, "the index score of %s in %d overflows the float64 range", label(k), year)
		case math.IsNaN(s) && !isDim:
			return indicators.Errorf(pos, "check the region's values and the normalisation of its indicators",
				"%s has no index score in %d: none of its values could be normalised", label(k), year)
		}
	}
	return nil
}
