package scoring

import (
	"slices"

	"github.com/govindex/govindex/indicators"
)

// imputePos is where the imputation method is set: [scoring] impute, or
// [uncertainty] impute for the alternatives of a robust run when given.
func imputePos(def *indicators.Definition, robust bool) indicators.Pos {
	if robust && def.Uncertainty != nil && len(def.Uncertainty.Impute) > 0 {
		return def.KeyPos("uncertainty", 0, "impute")
	}
	return def.KeyPos("scoring", 0, "impute")
}

// checkImputeData refuses imputation methods the data cannot support:
// group methods without any group, cross-year methods with one year. pos
// is where the method is named.
func checkImputeData(name string, pos indicators.Pos, groups []string, panel Panel) error {
	switch name {
	case "group-mean", "group-median":
		if slices.ContainsFunc(groups, func(g string) bool { return g != "" }) {
			return nil
		}
		return indicators.Errorf(pos, "add a group column to regions.csv, or use mean or median",
			"impute = %q needs regions with a group, but regions.csv gives none", name)
	case "latest", "linear":
		if len(panel.Years) < 2 {
			return indicators.Errorf(pos, "add observations for other years, or use mean or median",
				"impute = %q needs observations from several years, but the data hold one", name)
		}
	}
	return nil
}
