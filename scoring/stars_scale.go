package scoring

import (
	"fmt"
	"strings"
)

// ThresholdsOffScale reports a [stars] thresholds rule set for another
// scale than the scores it rates: the index normalises onto a scale of its
// own (z-scores, ranks, ratios, the data's values) rather than the range,
// and every threshold lies outside the rated regions' scores, so every
// region gets the same rating whatever it scores. lo and hi are the
// scores' range; ok is false when the rule fits (or is not thresholds).
func ThresholdsOffScale(res *Result) (lo, hi float64, ok bool) {
	if res == nil || res.Def == nil || res.Def.Stars.Method != "thresholds" {
		return 0, 0, false
	}
	n, found := LookupNormaliser(res.Def.Scoring.Normalise)
	if !found || n.Bounded {
		return 0, 0, false
	}
	rated := 0
	for _, rr := range res.Regions {
		if !rr.Rated {
			continue
		}
		if rated == 0 || rr.Score < lo {
			lo = rr.Score
		}
		if rated == 0 || rr.Score > hi {
			hi = rr.Score
		}
		rated++
	}
	if rated < 2 {
		return 0, 0, false
	}
	for _, t := range res.Def.Stars.Thresholds {
		if t > lo && t <= hi {
			return 0, 0, false
		}
	}
	return lo, hi, true
}

// ThresholdsText writes star thresholds as index.toml does: [20, 40, 60, 80].
func ThresholdsText(t []float64) string {
	parts := make([]string, len(t))
	for i, x := range t {
		parts[i] = fmt.Sprintf("%g", x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
