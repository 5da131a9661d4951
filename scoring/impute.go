package scoring

import "sort"

// Imputer is a registered imputation method: it fills missing values of a
// regions × indicators matrix in place and marks what it filled.
type Imputer struct {
	Name string
	// Fn fills NaN cells of X (rows are regions, columns indicators);
	// imputed[r][i] is set for every cell it fills.
	Fn func(X [][]float64, imputed [][]bool)
}

var imputers = map[string]Imputer{
	// none leaves missing values missing: aggregation then renormalises
	// the weights over the indicators present.
	"none": {Name: "none", Fn: func([][]float64, [][]bool) {}},
}

// LookupImputer returns the imputation method registered under name.
func LookupImputer(name string) (Imputer, bool) {
	m, ok := imputers[name]
	return m, ok
}

// ImputerNames lists the registered imputation methods, sorted.
func ImputerNames() []string { return registryNames(imputers) }

func registryNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
