package scoring

// Treatment is a registered outlier treatment: it transforms one indicator
// column (NaN = missing) and reports how many values it changed.
type Treatment struct {
	Name string
	Fn   func(x []float64) (out []float64, changed int)
}

var treatments = map[string]Treatment{
	// none keeps the values as they are.
	"none": {Name: "none", Fn: func(x []float64) ([]float64, int) { return append([]float64(nil), x...), 0 }},
}

// LookupTreatment returns the outlier treatment registered under name.
func LookupTreatment(name string) (Treatment, bool) {
	m, ok := treatments[name]
	return m, ok
}

// TreatmentNames lists the registered outlier treatments, sorted.
func TreatmentNames() []string { return registryNames(treatments) }
