package scoring

import (
	"math"
	"slices"
	"strings"

	"github.com/govindex/govindex/indicators"
)

// denominate copies the rated rows of values, dividing each indicator that
// has a denominator by the region's column of that name in regions.csv and
// multiplying by its scale (10000 for "per 10,000 people"). A region
// without a value in the column gets a missing value; a zero or negative
// denominator, a column no region has, or a quotient beyond the float64
// range (a denominator such as 1e-320), is bad input.
func denominate(def *indicators.Definition, values [][]float64, rows []int, regions []*indicators.Region) ([][]float64, error) {
	X := make([][]float64, len(rows))
	for k, r := range rows {
		X[k] = slices.Clone(values[r])
	}
	for i, ind := range def.Indicators {
		if ind.Denominator == "" {
			continue
		}
		if !anyHasAttr(regions, ind.Denominator) {
			return nil, indicators.Errorf(def.KeyPos("indicator", i, "denominator"),
				"add a numeric column of that name to regions.csv ("+strings.Join(attrNames(regions), ", ")+")",
				"regions.csv has no numeric column %q", ind.Denominator)
		}
		for k, r := range rows {
			reg := regions[r]
			d, ok := reg.Attrs[indicators.NameKey(ind.Denominator)]
			switch {
			case math.IsNaN(X[k][i]):
			case !ok:
				X[k][i] = math.NaN()
			case !(d > 0):
				return nil, indicators.Errorf(reg.Pos, "give a positive "+ind.Denominator+" for the region, or leave the cell empty",
					"region %s has %s = %g, which cannot divide indicator %q", regionLabel(reg), ind.Denominator, d, ind.ID)
			default:
				v := X[k][i] / d * ind.Scale
				if math.IsInf(v, 0) {
					return nil, indicators.Errorf(reg.Pos, "check the units of the denominator column and of the indicator, and the indicator's scale",
						"region %s: indicator %q (%g) divided by %s = %g gives a number beyond the float64 range", regionLabel(reg), ind.ID, X[k][i], ind.Denominator, d)
				}
				X[k][i] = v
			}
		}
	}
	return X, nil
}

func anyHasAttr(regions []*indicators.Region, name string) bool {
	for _, r := range regions {
		if _, ok := r.Attrs[indicators.NameKey(name)]; ok {
			return true
		}
	}
	return false
}

func attrNames(regions []*indicators.Region) []string {
	seen := map[string]bool{}
	for _, r := range regions {
		for k := range r.Attrs {
			seen[k] = true
		}
	}
	names := make([]string, 0, len(seen))
	for k := range seen {
		names = append(names, k)
	}
	slices.Sort(names)
	if len(names) == 0 {
		return []string{"it has no numeric columns yet"}
	}
	return names
}

// buildPanel lays the rated rows out for every year with data, each year
// denominated like the rated one; the rated year's slot holds X itself.
func buildPanel(def *indicators.Definition, m *indicators.Matrix, rows []int, X [][]float64) (Panel, error) {
	type yearTable struct {
		year int
		vals [][]float64
	}
	tables := []yearTable{{m.Year, X}}
	for _, o := range m.Other {
		v, err := denominate(def, o.Values, rows, o.Regions)
		if err != nil {
			return Panel{}, err
		}
		tables = append(tables, yearTable{o.Year, v})
	}
	slices.SortFunc(tables, func(a, b yearTable) int { return a.year - b.year })
	p := Panel{Current: -1}
	for i, t := range tables {
		p.Years = append(p.Years, t.year)
		p.Values = append(p.Values, t.vals)
		if t.year == m.Year {
			p.Current = i
		}
	}
	return p, nil
}

// findRegion returns the row of the region with code or name key
// (compared by indicators.NameKey).
func findRegion(regions []*indicators.Region, key string) int {
	key = indicators.NameKey(key)
	for k, r := range regions {
		if indicators.NameKey(r.Code) == key || indicators.NameKey(r.Name) == key {
			return k
		}
	}
	return -1
}
