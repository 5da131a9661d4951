package scoring

import (
	"fmt"
	"strings"

	"github.com/govindex/govindex/indicators"
)

// Check verifies that every method a definition names is registered and
// has what it needs (goalposts for goalposts, and so on), and, for a
// definition without [[source]] entries, that no indicator takes its
// values from a collector (see indicators.CheckSources). It complements
// the structural checks of the loader; problems carry the key's position.
func Check(def *indicators.Definition) indicators.ErrorList {
	var errs indicators.ErrorList
	bad := func(pos indicators.Pos, kind, name string, names []string) {
		errs = append(errs, indicators.Errorf(pos, "use one of: "+strings.Join(names, ", "),
			"unknown %s method %q", kind, name))
	}
	sc := def.Scoring
	if _, ok := LookupNormaliser(sc.Normalise); !ok {
		bad(def.KeyPos("scoring", 0, "normalise"), "normalisation", sc.Normalise, NormaliserNames())
	}
	if _, ok := LookupWeighting(sc.Weights); !ok {
		bad(def.KeyPos("scoring", 0, "weights"), "weighting", sc.Weights, WeightingNames())
	}
	if _, ok := LookupAggregator(sc.Aggregate); !ok {
		bad(def.KeyPos("scoring", 0, "aggregate"), "aggregation", sc.Aggregate, AggregatorNames())
	}
	if _, ok := LookupTieRule(sc.Ties); !ok {
		bad(def.KeyPos("scoring", 0, "ties"), "tie", sc.Ties, TieRuleNames())
	}
	if _, ok := LookupImputer(sc.Impute); !ok {
		bad(def.KeyPos("scoring", 0, "impute"), "imputation", sc.Impute, ImputerNames())
	}
	if _, ok := LookupTreatment(sc.Treat); !ok {
		bad(def.KeyPos("scoring", 0, "treat"), "outlier treatment", sc.Treat, TreatmentNames())
	}
	if _, ok := LookupStarRule(def.Stars.Method); !ok {
		bad(def.KeyPos("stars", 0, "method"), "star", def.Stars.Method, StarRuleNames())
	}
	for i, d := range def.Dimensions {
		if d.Aggregate == "" {
			continue
		}
		if _, ok := LookupAggregator(d.Aggregate); !ok {
			bad(def.KeyPos("dimension", i, "aggregate"), "aggregation", d.Aggregate, AggregatorNames())
		}
	}
	// Sources: when the definition declares [[source]] entries,
	// indicators.LoadData checks them along with the evidence (so they are
	// not reported twice); when it declares none, nothing is collected,
	// and the indicators that take a source are reported here.
	if len(def.Sources) == 0 {
		errs = append(errs, indicators.CheckSources(def)...)
	}
	for i, ind := range def.Indicators {
		name := normaliserOf(def, ind)
		n, ok := LookupNormaliser(name)
		if !ok {
			if ind.Normalise != "" {
				bad(def.KeyPos("indicator", i, "normalise"), "normalisation", name, NormaliserNames())
			}
			continue
		}
		switch {
		case n.Needs == "goalposts" && len(ind.Goalposts) != 2:
			errs = append(errs, indicators.Errorf(def.KeyPos("indicator", i, ""), "add goalposts = [lo, hi] to the indicator",
				"indicator %q is normalised with %s but has no goalposts", ind.ID, name))
		case n.Needs == "reference" && def.Scoring.Reference == "":
			errs = append(errs, indicators.Errorf(def.KeyPos("indicator", i, ""), `add reference = "<region code>" under [scoring]`,
				"indicator %q is normalised with %s but [scoring] names no reference region", ind.ID, name))
		case n.Needs == "target" && ind.Target == nil:
			errs = append(errs, indicators.Errorf(def.KeyPos("indicator", i, ""), "add target = <value> to the indicator",
				"indicator %q is normalised with %s but has no target", ind.ID, name))
		case name == "fracmax" && ind.Direction < 0:
			// DESIGN.md: fracmax needs a positive maximum after direction,
			// which a lower-is-better indicator (negated) does not have.
			pos := def.KeyPos("indicator", i, "direction")
			if pos == (indicators.Pos{}) {
				pos = def.KeyPos("indicator", i, "")
			}
			errs = append(errs, indicators.Errorf(pos, `use normalise = "minmax" or "dist2max" for this indicator`,
				"indicator %q is lower-is-better (direction = -1), which fracmax cannot rate: x / max needs a positive maximum", ind.ID))
		}
	}
	if len(def.AHP) > 0 {
		errs = append(errs, WeightChecks(def)...)
	}
	errs.Sort()
	return errs
}

func normaliserOf(def *indicators.Definition, ind *indicators.Indicator) string {
	if ind.Normalise != "" {
		return ind.Normalise
	}
	return def.Scoring.Normalise
}

func aggregatorOf(def *indicators.Definition, dimID string) string {
	if d, ok := def.Dimension(dimID); ok && d.Aggregate != "" {
		return d.Aggregate
	}
	return def.Scoring.Aggregate
}

// regionLabel names a region in messages as "name (code)".
func regionLabel(r *indicators.Region) string {
	if r.Name == "" || r.Name == r.Code {
		return r.Code
	}
	return fmt.Sprintf("%s (%s)", r.Name, r.Code)
}
