package indicators

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Evidence points at one record that contributed to a collected value:
// a row of an evidence CSV, or a dataset of a catalog.
type Evidence struct {
	File string // the file as shown to users
	Row  int    // 1-based line of a CSV record; 0 for catalog datasets
	ID   string // a catalog dataset's identifier; "" for CSV rows
	// Title names the record for readers (a policy's title, a platform's
	// or partner's name); When is its date as written. Either may be "".
	Title, When string
	// TitleEn is the record's title in English, from the optional
	// title_en column of every evidence table ("" when not given).
	TitleEn string
}

// String formats the evidence as file:row or file#id.
func (e Evidence) String() string {
	switch {
	case e.Row > 0:
		return fmt.Sprintf("%s:%d", e.File, e.Row)
	case e.ID != "":
		return e.File + "#" + e.ID
	}
	return e.File
}

// Collected is one measure of one region in one year, with the evidence
// behind it.
type Collected struct {
	Region   string // region code
	Year     int
	Measure  string // e.g. "count", without the collector's name
	Value    float64
	Evidence []Evidence
}

// EvidenceFile is one file of a [[source]] entry, read into memory.
type EvidenceFile struct {
	Name string // as shown to users
	Data []byte
}

// CollectRequest is everything a collector needs for one [[source]] entry.
type CollectRequest struct {
	Def     *Definition
	Source  *SourceSpec
	Index   int // the entry's position among [[source]], for KeyPos("source", Index, …)
	Files   []EvidenceFile
	Regions *RegionSet
	// Years are the years to produce values for, ascending.
	Years []int
	// Cutoff returns the last instant whose records count for year: the
	// end of the year, or the source's as_of when that is earlier.
	Cutoff func(year int) time.Time
	// Encoding is the text encoding of CSV evidence ("" or "auto" to detect).
	Encoding string
}

// Collector turns evidence records into indicator values. Collect returns
// bad evidence as an ErrorList of *InputError (file and row named), and
// problems the run can survive as warnings.
type Collector struct {
	Name     string
	Measures []string
	Collect  func(req CollectRequest) (values []Collected, warnings []string, err error)
}

var collectors = map[string]Collector{}

// RegisterCollector adds a collector to the registry; each collector's
// file registers itself in an init function. A duplicate name is a
// programmer error.
func RegisterCollector(c Collector) {
	if _, dup := collectors[c.Name]; dup {
		panic("indicators: collector " + c.Name + " registered twice")
	}
	collectors[c.Name] = c
}

// LookupCollector returns the collector registered under name.
func LookupCollector(name string) (Collector, bool) {
	c, ok := collectors[name]
	return c, ok
}

// CollectorNames lists the registered collectors, sorted.
func CollectorNames() []string { return slices.Sorted(maps.Keys(collectors)) }

// SplitSource splits an indicator's source "collector.measure".
func SplitSource(s string) (collector, measure string) {
	collector, measure, _ = strings.Cut(s, ".")
	return collector, measure
}
