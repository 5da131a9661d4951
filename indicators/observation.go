package indicators

import (
	"math"
	"slices"
	"strconv"
	"sync"
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
	// Evidence lists the records a collector counted for the value (nil
	// for values read from a table).
	Evidence []Evidence
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

	// evidence indexes the observations for Evidence, built on first use
	// (a report asks for every region × indicator: a scan each time would
	// be quadratic).
	evidence *evidenceIndex
	evOnce   *sync.Once
}

// evidenceIndex maps a cell to the evidence Evidence returns for it.
type evidenceIndex struct {
	first   map[evidenceKey][]Evidence // the first observation of a region, indicator and year
	undated map[evidenceKey][]Evidence // the last undated one (year 0 in the key)
}

type evidenceKey struct {
	region, indicator string
	year              int
}

// Years returns the distinct years with at least one non-missing
// observation, ascending (0 stands for "no year column").
func (ds *Dataset) Years() []int {
	seen := map[int]bool{}
	var out []int
	last, have := 0, false
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if o.Missing() || (have && o.Year == last) {
			continue
		}
		last, have = o.Year, true
		if !seen[o.Year] {
			seen[o.Year] = true
			out = append(out, o.Year)
		}
	}
	slices.Sort(out)
	return out
}

// Evidence is the evidence behind region's value of indicator in year,
// from the observation Matrix would use for that cell: a dated one before
// an undated one. Nil when the value was not collected.
func (ds *Dataset) Evidence(region string, year int, indicator string) []Evidence {
	if ds.evOnce == nil {
		// A Dataset built by hand (tests): scan, as the index would answer.
		return ds.buildEvidence().lookup(region, year, indicator)
	}
	ds.evOnce.Do(func() { ds.evidence = ds.buildEvidence() })
	return ds.evidence.lookup(region, year, indicator)
}

// buildEvidence indexes the non-missing observations in one pass.
func (ds *Dataset) buildEvidence() *evidenceIndex {
	ix := &evidenceIndex{first: map[evidenceKey][]Evidence{}, undated: map[evidenceKey][]Evidence{}}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if math.IsNaN(o.Value) {
			continue
		}
		k := evidenceKey{o.Region, o.Indicator, o.Year}
		if _, ok := ix.first[k]; !ok {
			ix.first[k] = o.Evidence
		}
		if o.Year == 0 {
			ix.undated[k] = o.Evidence
		}
	}
	return ix
}

// lookup is Evidence on the index: the year's first observation, else the
// last undated one.
func (ix *evidenceIndex) lookup(region string, year int, indicator string) []Evidence {
	if ev, ok := ix.first[evidenceKey{region, indicator, year}]; ok {
		return ev
	}
	return ix.undated[evidenceKey{region, indicator, 0}]
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
	rows := make(map[string]int, len(m.Regions))
	for i, r := range m.Regions {
		rows[r.Code] = i
	}
	nr, ni := len(m.Regions), len(m.Indicators)
	// One backing array each for the values, the sources and the
	// observation behind each cell (-1 for none); rows are capped so that
	// appending to one cannot overwrite the next.
	values := make([]float64, nr*ni)
	sources := make([]string, nr*ni)
	cell := make([]int32, nr*ni)
	for k := range values {
		values[k] = math.NaN()
		cell[k] = -1
	}
	m.Values = make([][]float64, nr)
	m.Sources = make([][]string, nr)
	for i := range nr {
		m.Values[i] = values[i*ni : (i+1)*ni : (i+1)*ni]
		m.Sources[i] = sources[i*ni : (i+1)*ni : (i+1)*ni]
	}
	// Consecutive observations mostly share a region or an indicator.
	lastRegion, lastR, lastInd := "", -1, -1
	predict := len(def.inds) == ni
	for oi := range ds.Observations {
		o := &ds.Observations[oi]
		if o.Year != year && o.Year != 0 {
			continue
		}
		r, ok := lastR, true
		if r < 0 || o.Region != lastRegion {
			if r, ok = rows[o.Region]; !ok {
				continue
			}
			lastRegion, lastR = o.Region, r
		}
		// Wide tables give the indicators in the definition's order; the
		// guess is the map's answer when the ids are distinct.
		var ind *Indicator
		if next := lastInd + 1; predict && next < ni && m.Indicators[next].ID == o.Indicator {
			ind = m.Indicators[next]
		} else if ind, ok = def.inds[o.Indicator]; !ok {
			continue
		}
		lastInd = ind.Index
		k := r*ni + ind.Index
		// A dated observation wins over an undated one for the same cell.
		if !math.IsNaN(values[k]) && o.Year == 0 {
			continue
		}
		values[k] = o.Value
		cell[k] = int32(oi)
	}
	// The positions of the cells without a source are written into one
	// string; cell[k] becomes where cell k's position ends in it (-1 for
	// none).
	size := 0
	var scratch [64]byte
	for k, oi := range cell {
		if oi < 0 {
			continue
		}
		if o := &ds.Observations[oi]; o.Source != "" {
			sources[k] = o.Source
			cell[k] = -1
		} else {
			size += len(appendPos(scratch[:0], o.Pos))
		}
	}
	buf := make([]byte, 0, size)
	for k, oi := range cell {
		if oi >= 0 {
			buf = appendPos(buf, ds.Observations[oi].Pos)
			cell[k] = int32(len(buf))
		}
	}
	text := string(buf)
	start := 0
	for k, end := range cell {
		if end >= 0 {
			sources[k] = text[start:end]
			start = int(end)
		}
	}
	return m
}

// appendPos appends p.String() to b.
func appendPos(b []byte, p Pos) []byte {
	b = append(b, p.File...)
	if p.Line == 0 {
		return b
	}
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(p.Line), 10)
	if p.Col == 0 {
		return b
	}
	b = append(b, ':')
	return strconv.AppendInt(b, int64(p.Col), 10)
}
