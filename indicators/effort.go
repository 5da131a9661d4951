package indicators

import (
	"math"
	"strings"
)

// HasEffort says whether the index declares an effort for its actionable
// indicators (checkEffort makes that all or none of them).
func (d *Definition) HasEffort() bool {
	for _, ind := range d.Indicators {
		if ind.IsActionable() && ind.Effort != nil {
			return true
		}
	}
	return false
}

// checkEffort refuses an effort that is not a positive finite number, and
// efforts given for some actionable indicators but not others: costs in
// effort units and shares of a range cannot be ranked together.
func (d *Definition) checkEffort() ErrorList {
	var errs ErrorList
	var with, without []string
	first := -1
	for i, ind := range d.Indicators {
		given := ind.Effort != nil
		if given && (!(*ind.Effort > 0) || math.IsInf(*ind.Effort, 0)) {
			errs = append(errs, Errorf(d.KeyPos("indicator", i, "effort"), "give the cost of one unit of the indicator as a positive number, e.g. effort = 2",
				"effort %g of indicator %q is not a positive number", *ind.Effort, ind.ID))
			continue
		}
		if !ind.IsActionable() {
			continue
		}
		if given {
			with = append(with, ind.ID)
			if first < 0 {
				first = i
			}
		} else {
			without = append(without, ind.ID)
		}
	}
	if len(errs) == 0 && len(with) > 0 && len(without) > 0 {
		errs = append(errs, Errorf(d.KeyPos("indicator", first, "effort"),
			"give effort to every actionable indicator (or actionable = false to those a region cannot change), or to none",
			"effort is given for %s but not for %s", strings.Join(with, ", "), strings.Join(without, ", ")))
	}
	return errs
}
