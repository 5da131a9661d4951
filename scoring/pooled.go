package scoring

import (
	"slices"

	"github.com/govindex/govindex/indicators"
)

// pooled reports whether m is scored together with its other years:
// [scoring] comparable = "pooled" and dated data in other years.
func pooled(def *indicators.Definition, m *indicators.Matrix) bool {
	if def.Scoring.Comparable != "pooled" || m.Year == 0 {
		return false
	}
	for _, o := range m.Other {
		if o.Year != 0 {
			return true
		}
	}
	return false
}

// otherYears gives the rows that comparable = "pooled" stacks under m's:
// every other dated year's rated rows, denominated and imputed by the
// method named impute (each year with the rest, m included, as its other
// years), and their regions. Undated values are already in every year's
// table, so an undated matrix adds nothing.
func otherYears(def *indicators.Definition, m *indicators.Matrix, impute string, pos indicators.Pos) ([][]float64, []*indicators.Region, error) {
	var X [][]float64
	var regions []*indicators.Region
	for _, o := range m.Other {
		if o.Year == 0 {
			continue
		}
		om := *o
		om.Other = append([]*indicators.Matrix{m}, slices.DeleteFunc(slices.Clone(m.Other), func(x *indicators.Matrix) bool { return x == o })...)
		rated, _ := coverage(def, &om)
		oX, _, err := prepareValues(def, &om, rated, impute, pos)
		if err != nil {
			return nil, nil, err
		}
		X = append(X, oX...)
		for _, r := range rated {
			regions = append(regions, o.Regions[r])
		}
	}
	return X, regions, nil
}
