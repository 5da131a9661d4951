package scoring

import (
	"maps"
	"slices"
)

// Treated is what an outlier treatment did to one indicator column.
type Treated struct {
	Values []float64 // the column after treatment (NaN stays NaN)
	// Applied names what was done ("" when the column was left as it is),
	// e.g. "winsorise" or "log".
	Applied string
	Changed int    // how many values changed
	Detail  string // a short English note, e.g. "2 values winsorised"
}

// Treatment is a registered outlier treatment of one indicator column.
type Treatment struct {
	Name string
	// Fn treats a column (raw values after denomination and imputation,
	// before direction) and never changes x.
	Fn func(x []float64) Treated
}

var treatments = registryByName([]Treatment{
	// none keeps the values as they are.
	{Name: "none", Fn: func(x []float64) Treated { return Treated{Values: slices.Clone(x)} }},
}, func(t Treatment) string { return t.Name })

// LookupTreatment returns the outlier treatment registered under name.
func LookupTreatment(name string) (Treatment, bool) {
	m, ok := treatments[name]
	return m, ok
}

// TreatmentNames lists the registered outlier treatments, sorted.
func TreatmentNames() []string { return registryNames(treatments) }

// registryNames lists a registry's names, sorted.
func registryNames[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
