package scoring

import (
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/govindex/govindex/indicators"
)

// StarRule is a registered star-rating method: class 1 = lowest. Unrated
// (NaN) scores get 0. Fn returns an *indicators.InputError without a
// position when the spec cannot be applied; the caller, which knows where
// [stars] was written, fills in Pos.
type StarRule struct {
	Name string
	Fn   func(scores []float64, spec indicators.StarsSpec) ([]int, error)
}

// starRules is the registry: adding a method is one entry here.
var starRules = registryByName([]StarRule{
	{Name: "thresholds", Fn: starsThresholds},
	{Name: "quantiles", Fn: starsQuantiles},
}, func(s StarRule) string { return s.Name })

// LookupStarRule returns the star rule registered under name.
func LookupStarRule(name string) (StarRule, bool) {
	s, ok := starRules[name]
	return s, ok
}

// StarRuleNames returns the registered star rule names, sorted.
func StarRuleNames() []string { return slices.Sorted(maps.Keys(starRules)) }

// defaultClasses is the number of classes when [stars] classes is not set.
const defaultClasses = 5

// starsThresholds: k strictly ascending thresholds make k + 1 classes;
// class c (1 = lowest) starts at thresholds[c−2] inclusive, so a score's
// class is one plus the number of thresholds at or below it.
func starsThresholds(scores []float64, spec indicators.StarsSpec) ([]int, error) {
	t := spec.Thresholds
	for i, v := range t {
		if math.IsNaN(v) || (i > 0 && !(v > t[i-1])) {
			return nil, indicators.Errorf(indicators.Pos{},
				"list the thresholds in increasing order, each value once, e.g. [20, 40, 60, 80]",
				"star thresholds %v are not strictly ascending", t)
		}
	}
	out := make([]int, len(scores))
	for i, s := range scores {
		if math.IsNaN(s) {
			continue
		}
		out[i] = 1 + sort.Search(len(t), func(j int) bool { return t[j] > s })
	}
	return out, nil
}

// starsQuantiles makes spec.Classes (default 5) equal-count classes over
// the rated (non-NaN) scores: with the n scores sorted ascending, a score
// whose value first occurs at 0-based position p gets class
// floor(p·k/n) + 1. Using the first occurrence keeps tied scores in one
// class — the lower one — so equal scores never get different stars; the
// price is that classes can be unequal in size (or empty) when ties
// straddle a boundary or n < k.
func starsQuantiles(scores []float64, spec indicators.StarsSpec) ([]int, error) {
	k := spec.Classes
	if k == 0 {
		k = defaultClasses
	}
	if k < 1 {
		return nil, indicators.Errorf(indicators.Pos{},
			"set classes to a positive number such as 5, or leave it out",
			"star classes must be at least 1, got %d", spec.Classes)
	}
	vals := presentValues(scores)
	slices.Sort(vals)
	n := len(vals)
	out := make([]int, len(scores))
	for i, s := range scores {
		if math.IsNaN(s) {
			continue
		}
		p, _ := slices.BinarySearch(vals, s) // first occurrence
		out[i] = p*k/n + 1
	}
	return out, nil
}
