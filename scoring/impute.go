package scoring

// ImputeContext is what an imputation method may use. Rows are the rated
// regions, columns the indicators, in the definition's order.
type ImputeContext struct {
	// X holds the rated year's values (after denomination); the method
	// fills its NaN cells in place.
	X [][]float64
	// Imputed[r][i] must be set for every cell the method fills.
	Imputed [][]bool
	// Groups[r] is row r's group from regions.csv ("" when none).
	Groups []string
	// Panel holds the same rows and columns in every year with data, for
	// methods that use other years (latest, linear).
	Panel Panel
}

// Panel is a region × indicator table for every year with data.
type Panel struct {
	Years []int // ascending; 0 stands for undated values
	// Values[y][r][i]: year Years[y], row r, indicator i; NaN when missing.
	Values [][][]float64
	// Current is the index in Years of the year being rated (-1 if the
	// rated year has no dated data).
	Current int
}

// Imputer is a registered imputation method.
type Imputer struct {
	Name string
	// Fn fills missing values of ctx.X in place and marks them in
	// ctx.Imputed. Values it cannot fill stay NaN.
	Fn func(ctx ImputeContext)
}

var imputers = registryByName([]Imputer{
	// none leaves missing values missing: aggregation then renormalises
	// the weights over the indicators present.
	{Name: "none", Fn: func(ImputeContext) {}},
}, func(m Imputer) string { return m.Name })

// LookupImputer returns the imputation method registered under name.
func LookupImputer(name string) (Imputer, bool) {
	m, ok := imputers[name]
	return m, ok
}

// ImputerNames lists the registered imputation methods, sorted.
func ImputerNames() []string { return registryNames(imputers) }
