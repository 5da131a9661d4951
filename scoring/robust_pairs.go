package scoring

import (
	"fmt"

	"github.com/govindex/govindex/indicators"
)

// checkUncertaintyPairs refuses alternatives of [uncertainty] that cannot
// combine, rather than let the samples that draw them fail one by one and
// be dropped (which biases every result and zeroes a Sobol index): a
// positive-only aggregation drawn with a normalisation that gives zero or
// negative values, and, when stars are set by thresholds, a normalisation
// whose values are on another scale than the one the thresholds are set
// for. nominal is [scoring]'s normalisation; pos locates a key of the
// section.
func checkUncertaintyPairs(def *indicators.Definition, cfg RobustConfig, sampledNorm, sampledAgg bool, pos func(string) indicators.Pos) indicators.ErrorList {
	if !sampledNorm && !sampledAgg {
		return nil
	}
	sc := def.Scoring
	var errs indicators.ErrorList
	// Only indicators without their own method take the drawn one.
	drawn := false
	for _, ind := range def.Indicators {
		if ind.Normalise == "" {
			drawn = true
		}
	}
	if !drawn {
		return nil
	}
	aggs := map[string]bool{}
	var aggNames []string
	for _, a := range cfg.Aggregate {
		if !aggs[a] {
			aggs[a] = true
			aggNames = append(aggNames, a)
		}
	}
	for _, d := range def.Dimensions {
		if d.Aggregate != "" && !aggs[d.Aggregate] {
			aggs[d.Aggregate] = true
			aggNames = append(aggNames, d.Aggregate)
		}
	}
	for _, nn := range cfg.Normalise {
		n, ok := LookupNormaliser(nn)
		if !ok || !n.mayBeNonPositive(sc.Range[0]) {
			continue
		}
		for _, an := range aggNames {
			a, ok := LookupAggregator(an)
			if !ok || !a.Positive || (nn == sc.Normalise && an == sc.Aggregate) {
				continue
			}
			key := "aggregate"
			if !sampledAgg {
				key = "normalise"
			}
			errs = append(errs, indicators.Errorf(pos(key), pairHint(n),
				"[uncertainty] would draw normalisation %q with aggregation %q, which needs positive values: %q gives zero or negative ones, so every such sample would fail", nn, an, nn))
		}
	}
	if def.Stars.Method == "thresholds" && sampledNorm {
		nominal, ok := LookupNormaliser(sc.Normalise)
		for _, nn := range cfg.Normalise {
			n, found := LookupNormaliser(nn)
			if !ok || !found || n.scaleOf() == nominal.scaleOf() {
				continue
			}
			errs = append(errs, indicators.Errorf(pos("normalise"),
				`leave it out of the list, or rate with a method that fits any scale: [stars] method = "quantiles", "kmeans" or "jenks"`,
				"normalisation %q in [uncertainty] normalise gives %s, not %s as [scoring] normalise %q does: [stars] thresholds %s would mean nothing for its samples",
				nn, scaleWords(n, sc.Range), scaleWords(nominal, sc.Range), sc.Normalise, ThresholdsText(def.Stars.Thresholds)))
		}
	}
	return errs
}

// pairHint is the fix for a normalisation that gives non-positive values.
func pairHint(n Normaliser) string {
	if n.Bounded {
		return "leave one of the two out of its list, or give [scoring] a range above 0, e.g. range = [1, 100]"
	}
	return "leave one of the two out of its list"
}

// scaleWords says in English what scale a normalisation's values are on.
func scaleWords(n Normaliser, rng [2]float64) string {
	switch n.scaleOf() {
	case "range":
		return fmt.Sprintf("values from %g to %g", rng[0], rng[1])
	case "zscore":
		return "z-scores around 0"
	case "rank":
		return "ranks from 1 to the number of regions"
	case "borda":
		return "counts from 0 to the number of regions less one"
	case "ratio":
		return "ratios to the reference region around 1"
	}
	return "the data's own values"
}
