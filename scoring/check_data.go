package scoring

import (
	"math"
	"slices"

	"github.com/govindex/govindex/indicators"
)

// CheckData finds the problems of a definition with its data that no
// single year's scoring sees: a year in [index] years without any value
// (an undated table counts for every year). Each is an
// *indicators.InputError at the years key.
func CheckData(def *indicators.Definition, ds *indicators.Dataset) indicators.ErrorList {
	have := ds.Years()
	if slices.Contains(have, 0) {
		return nil
	}
	var errs indicators.ErrorList
	for _, y := range def.Index.Years {
		if !slices.Contains(have, y) {
			errs = append(errs, indicators.Errorf(def.KeyPos("index", 0, "years"),
				"remove it from years, or add its observations to the data files",
				"years lists %d, but the data hold no values for it", y))
		}
	}
	return errs
}

// EmptyIndicators are the indicators without a single value in any year:
// scoring leaves them out (their weight goes to their siblings), which is
// worth a warning, since it is more often a missing column than a plan.
func EmptyIndicators(def *indicators.Definition, ds *indicators.Dataset) []*indicators.Indicator {
	seen := make(map[string]bool, len(def.Indicators))
	for i := range ds.Observations {
		if o := &ds.Observations[i]; !math.IsNaN(o.Value) {
			seen[o.Indicator] = true
		}
	}
	var out []*indicators.Indicator
	for _, ind := range def.Indicators {
		if !seen[ind.ID] {
			out = append(out, ind)
		}
	}
	return out
}
