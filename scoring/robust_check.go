package scoring

import (
	"github.com/govindex/govindex/indicators"
)

// checkPooledStars refuses the uncertainty analysis of a matrix scored
// with comparable = "pooled" and star classes fitted on the data: those
// classes are fitted on every year's scores, which a sample of one year
// does not have.
func checkPooledStars(def *indicators.Definition, m *indicators.Matrix) error {
	if !pooled(def, m) || def.Stars.Method == "thresholds" {
		return nil
	}
	return indicators.Errorf(def.KeyPos("scoring", 0, "comparable"),
		`use [stars] method = "thresholds" or comparable = "separate", or leave the uncertainty analysis out (remove [uncertainty]; report and article take --robust=false)`,
		`the uncertainty analysis cannot resample star classes fitted on all years (comparable = "pooled" with [stars] method = %q)`, def.Stars.Method)
}

// CheckRobust finds what the uncertainty analysis of year would refuse —
// [uncertainty] settings, alternatives the data cannot support, star
// classes it cannot resample — without drawing a sample, so that validate
// can report it for a definition with an [uncertainty] section.
func CheckRobust(def *indicators.Definition, ds *indicators.Dataset, year int) error {
	opts := RobustOptions{Samples: new(int)}
	*opts.Samples = 1
	cfg, err := ResolveUncertainty(def, opts)
	if err != nil {
		return err
	}
	m := yearMatrix(def, ds, year)
	nominal, err := Score(def, m)
	if err != nil {
		return err
	}
	_, err = newRobustPlan(def, m, nominal, cfg)
	return err
}
