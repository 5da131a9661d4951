package scoring

import (
	"github.com/govindex/govindex/indicators"
)

// applyCaps lowers index stars (in place) that a [[cap]] limits and
// reports each change. A dimension is weak for a region when its score is
// below the cap's `below`, or when the region's position from the bottom
// among the rated regions (1 = lowest, ties at the lowest position) is
// within below_quantile × n — so "the bottom quarter" of four regions is
// the lowest one, and of three regions, none. A region no other region
// beats on the dimension is never weak, so an all-tied dimension caps
// nobody. Dimension scores are judged
// as reported: rounded to [scoring] round when it is set, like the scores
// that are ranked and rated. Caps apply in the order written; ranks and
// scores do not change.
func applyCaps(def *indicators.Definition, stars []int, dimScore map[string][]float64, regions []*indicators.Region) []CapApplied {
	if r := def.Scoring.Round; r != nil && len(def.Caps) > 0 {
		rounded := make(map[string][]float64, len(dimScore))
		for id, s := range dimScore {
			c := make([]float64, len(s))
			for k, v := range s {
				c[k] = RoundTo(v, *r)
			}
			rounded[id] = c
		}
		dimScore = rounded
	}
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

// weak tells whether region k is weak on a dimension under cap c, scores
// compared at ScoreDigits significant digits.
func weak(c *indicators.CapSpec, scores []float64, k int) bool {
	s := scoreKey(scores[k])
	if !finite(s) {
		return false
	}
	if c.Below != nil {
		return s < scoreKey(*c.Below)
	}
	below, above, n := 0, 0, 0
	for _, v := range scores {
		if v = scoreKey(v); !finite(v) {
			continue
		}
		n++
		switch {
		case v < s:
			below++
		case v > s:
			above++
		}
	}
	// A region nobody beats is not weak, even when everyone ties.
	return above > 0 && float64(below+1) <= *c.BelowQuantile*float64(n)
}
