package scoring

import (
	"math"

	"github.com/govindex/govindex/indicators"
)

// applyCaps lowers index stars (in place) that a [[cap]] limits and
// reports each change. A dimension is weak for a region when its score is
// below the cap's `below`, or when the region's position from the bottom
// among the rated regions (1 = lowest, ties at the lowest position) is
// within below_quantile × n — so "the bottom quarter" of four regions is
// the lowest one, and of three regions, none. Caps apply in the order
// written; ranks and scores do not change.
func applyCaps(def *indicators.Definition, stars []int, dimScore map[string][]float64, regions []*indicators.Region) []CapApplied {
	var out []CapApplied
	for ci, c := range def.Caps {
		dims := []string{c.Dimension}
		if c.Dimension == "" {
			dims = dims[:0]
			for _, d := range def.ChildDimensions("") {
				dims = append(dims, d.ID)
			}
		}
		for k := range stars {
			if stars[k] <= c.Max {
				continue
			}
			for _, d := range dims {
				if weak(c, dimScore[d], k) {
					out = append(out, CapApplied{Region: regions[k].Code, Cap: ci, Dimension: d, From: stars[k], To: c.Max})
					stars[k] = c.Max
					break
				}
			}
		}
	}
	return out
}

func weak(c *indicators.CapSpec, scores []float64, k int) bool {
	s := scores[k]
	if math.IsNaN(s) {
		return false
	}
	if c.Below != nil {
		return s < *c.Below
	}
	below, n := 0, 0
	for _, v := range scores {
		if math.IsNaN(v) {
			continue
		}
		n++
		if v < s {
			below++
		}
	}
	return float64(below+1) <= *c.BelowQuantile*float64(n)
}
