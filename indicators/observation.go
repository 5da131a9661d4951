package indicators

import (
	"math"
	"slices"
)

// Observation is one indicator value of one region in one year.
type Observation struct {
	Region    string  // region code
	Year      int     // 0 when the table has no year column
	Indicator string  // indicator id
	Value     float64 // NaN when the cell is a missing marker
	Source    string  // provenance: the table's source column or the collector's evidence
	Note      string
	Pos       Pos // the cell it came from
}

// Missing reports whether the observation is an explicit missing value.
func (o Observation) Missing() bool { return math.IsNaN(o.Value) }

// Dataset is everything a definition's files hold: the regions and all
// observations across years.
type Dataset struct {
	Regions      *RegionSet
	Observations []Observation
	// SHA256 is the hex digest over the regions and data files' bytes, in
	// the order the definition names them.
	SHA256 string
	// Warnings are problems in the evidence the run could go on with
	// (for example a catalog listing one dataset twice).
	Warnings []string
}

// Years returns the distinct years with at least one non-missing
// observation, ascending (0 stands for "no year column").
func (ds *Dataset) Years() []int {
	seen := map[int]bool{}
	var out []int
	for _, o := range ds.Observations {
		if !o.Missing() && !seen[o.Year] {
			seen[o.Year] = true
			out = append(out, o.Year)
		}
	}
	slices.Sort(out)
	return out
}

// Matrix is the region × indicator table for one year, ready for scoring.
type Matrix struct {
	Year       int
	Regions    []*Region
	Indicators []*Indicator
	// Values[r][i] is region r's value of indicator i; NaN when missing.
	Values [][]float64
	// Sources[r][i] is the provenance of that value ("" when none).
	Sources [][]string
	// Other holds the same table for the other years with data, for
	// methods that look across years; the scoring package fills it.
	Other []*Matrix
}

// Matrix builds the table for year: an observation with year 0 (a table
// without a year column) counts for every year. Regions and indicators
// keep the order of regions.csv and the definition.
func (ds *Dataset) Matrix(def *Definition, year int) *Matrix {
	m := &Matrix{Year: year, Regions: ds.Regions.List, Indicators: def.Indicators}
	rows := map[string]int{}
	for i, r := range m.Regions {
		rows[r.Code] = i
	}
	m.Values = make([][]float64, len(m.Regions))
	m.Sources = make([][]string, len(m.Regions))
	for i := range m.Values {
		m.Values[i] = make([]float64, len(m.Indicators))
		m.Sources[i] = make([]string, len(m.Indicators))
		for j := range m.Values[i] {
			m.Values[i][j] = math.NaN()
		}
	}
	for _, o := range ds.Observations {
		if o.Year != year && o.Year != 0 {
			continue
		}
		r, ok := rows[o.Region]
		ind, ok2 := def.inds[o.Indicator]
		if !ok || !ok2 {
			continue
		}
		// A dated observation wins over an undated one for the same cell.
		if !math.IsNaN(m.Values[r][ind.Index]) && o.Year == 0 {
			continue
		}
		m.Values[r][ind.Index] = o.Value
		src := o.Source
		if src == "" {
			src = o.Pos.String()
		}
		m.Sources[r][ind.Index] = src
	}
	return m
}
