package indicators

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// MaxProvenance is how many evidence items an observation's Source lists
// before it only counts the rest.
const MaxProvenance = 20

// Collect runs the collectors the definition's indicators name and turns
// their measures into observations, one per indicator, region and year.
//
// Every indicator with source = "c.m" needs collector c registered with
// measure m, and at least one [[source]] entry with collector = "c"
// (CheckSources). Each used collector runs once per [[source]] entry of
// it, on the entry's files read through Definition.ReadFile (CSV evidence
// decoded with encoding, "" or "auto" to detect), for the given years.
// The cutoff of a year is the end of that year, or the end of the entry's
// as_of when that is earlier: as_of = "2017-06-07" counts records dated up
// to and including 7 June 2017, as_of = "2017-06" records of June too,
// and as_of = "2017" the whole year. A year after as_of therefore gets the
// values as of as_of.
//
// The values of all entries of a collector are merged: a region may get a
// measure from one entry only (two entries giving the same region's
// measure are an error; list several files in one entry instead), except
// that values resting on no evidence (the zeros of complete = true) yield
// to values with evidence.
//
// A measure for which a region has no records is missing (no
// observation), not zero — unless the entry says complete = true: then
// the evidence lists everything, and regions without records (all regions,
// or the entry's region when it names one) get 0 for the measures that
// count; each collector's documentation says which.
//
// Each observation's Source is its provenance: "collector.measure: " and
// the evidence that produced the value (file:row or file#id), at most
// MaxProvenance items and then "… and N more"; its Pos is the first
// evidence item. A value resting on no evidence says so: "policies.count:
// no record by 2017-12-31 in evidence/policies.csv", with Pos the entry's
// first file. The observations are ordered by indicator (as declared),
// year and region (as in regions). Problems are returned as an ErrorList;
// warnings are problems the run survives.
func Collect(def *Definition, regions *RegionSet, years []int, encoding string) ([]Observation, []string, error) {
	return collect(def, regions, years, encoding, nil)
}

// CheckSources checks what Collect needs from the definition alone,
// without reading evidence: every indicator's source names a registered
// collector and one of its measures, every collector an indicator uses has
// a [[source]] entry, and every [[source]] entry names a registered
// collector and files and has a readable as_of. Problems carry the key's
// position in index.toml.
func CheckSources(def *Definition) ErrorList {
	_, errs := checkSources(def)
	return errs
}

// sourcePlan is what checkSources found: the indicators of each used
// collector and the [[source]] entries of each collector, with their
// as_of.
type sourcePlan struct {
	used    map[string][]*Indicator
	entries map[string][]int
	asOf    map[int]time.Time // end of as_of, by entry
}

func checkSources(def *Definition) (*sourcePlan, ErrorList) {
	var errs ErrorList
	p := &sourcePlan{used: map[string][]*Indicator{}, entries: map[string][]int{}, asOf: map[int]time.Time{}}
	names := strings.Join(CollectorNames(), ", ")
	for i, s := range def.Sources {
		switch c, ok := LookupCollector(s.Collector); {
		case s.Collector == "":
			errs = append(errs, Errorf(def.KeyPos("source", i, ""), "use one of: "+names, "the [[source]] entry names no collector"))
		case !ok:
			errs = append(errs, Errorf(def.KeyPos("source", i, "collector"), "use one of: "+names, "unknown collector %q", s.Collector))
		default:
			p.entries[c.Name] = append(p.entries[c.Name], i)
		}
		if len(s.Files) == 0 {
			errs = append(errs, Errorf(def.KeyPos("source", i, ""), `add files = ["evidence/<file>"], paths relative to index.toml`,
				"the [[source]] entry lists no files"))
		}
		seen := map[string]bool{}
		for _, f := range s.Files {
			if seen[f] {
				errs = append(errs, Errorf(def.KeyPos("source", i, "files"), "name each file once in files",
					"evidence file %q is listed twice", f))
			}
			seen[f] = true
		}
		if s.AsOf != "" {
			t, prec, err := ParseEvidenceDate(s.AsOf)
			if err != nil {
				errs = append(errs, Errorf(def.KeyPos("source", i, "as_of"), `write as_of = "2017-06-07" (or "2017-06", "2017")`, "as_of: %v", err))
			} else {
				p.asOf[i] = periodEnd(t, prec)
			}
		}
	}
	for i, ind := range def.Indicators {
		if ind.Source == "" {
			continue
		}
		cname, measure := SplitSource(ind.Source)
		pos := def.KeyPos("indicator", i, "source")
		c, ok := LookupCollector(cname)
		if !ok {
			errs = append(errs, Errorf(pos, "use one of: "+names, "unknown collector %q", cname))
			continue
		}
		if !slices.Contains(c.Measures, measure) {
			errs = append(errs, Errorf(pos, "use one of: "+strings.Join(c.Measures, ", "),
				"collector %q has no measure %q", cname, measure))
			continue
		}
		if len(p.entries[cname]) == 0 {
			errs = append(errs, Errorf(pos, sourceExampleHint(cname),
				"no [[source]] entry gives the evidence of collector %q", cname))
			continue
		}
		p.used[cname] = append(p.used[cname], ind)
	}
	return p, errs
}

// sourceExampleHint shows the [[source]] entry a collector needs.
func sourceExampleHint(collector string) string {
	ext := ".csv"
	if collector == "catalog" {
		ext = ".json"
	}
	return fmt.Sprintf(`declare its evidence files in index.toml: [[source]] collector = %q files = ["evidence/%s%s"]`, collector, collector, ext)
}

// mergeKey identifies a collected value.
type mergeKey struct {
	region  string
	year    int
	measure string
}

// mergedValue is a collected value with the entry it came from.
type mergedValue struct {
	Collected
	entry int
}

// filler reports whether the value rests on no record (a default of
// complete = true, or a collector's count of nothing) rather than on
// evidence.
func (m mergedValue) filler() bool { return len(m.Evidence) == 0 }

// collect is Collect; read, when not nil, is called with the name (as
// written in index.toml) and bytes of every evidence file read, in order.
func collect(def *Definition, regions *RegionSet, years []int, encoding string, read func(rel string, b []byte)) ([]Observation, []string, error) {
	if regions == nil {
		regions = NewRegionSet(nil)
	}
	plan, errs := checkSources(def)
	years = slices.Clone(years)
	slices.Sort(years)
	years = slices.Compact(years)
	if len(plan.used) > 0 && len(years) == 0 {
		errs = append(errs, Errorf(def.KeyPos("index", 0, "year"), "add year = 2017 (the year rated) to [index], or give the observation tables a year column",
			"there is no year to collect the evidence for"))
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	// Run each used collector on each of its entries, in the order of the
	// entries (which is the order the files are read and hashed in).
	var warnings []string
	results := map[int][]Collected{}
	shown := map[int][]string{} // the files of each entry, as shown
	for i, src := range def.Sources {
		c, ok := LookupCollector(src.Collector)
		if !ok || len(plan.used[c.Name]) == 0 {
			continue
		}
		var files []EvidenceFile
		for _, rel := range src.Files {
			b, name, err := def.readNamed(rel, "evidence", def.valuePos("source", i, "files", rel))
			if err != nil {
				errs = append(errs, asInputErrors(err, name)...)
				ok = false
				continue
			}
			if read != nil {
				read(rel, b)
			}
			files = append(files, EvidenceFile{Name: name, Data: b})
			shown[i] = append(shown[i], name)
		}
		if !ok {
			continue
		}
		asOf, hasAsOf := plan.asOf[i]
		req := CollectRequest{
			Def: def, Source: src, Index: i, Files: files, Regions: regions, Years: years, Encoding: encoding,
			Cutoff: func(year int) time.Time {
				end := yearEnd(year)
				if hasAsOf && asOf.Before(end) {
					return asOf
				}
				return end
			},
		}
		values, warns, err := c.Collect(req)
		warnings = append(warnings, warns...)
		if err != nil {
			errs = append(errs, asInputErrors(err, def.File)...)
			continue
		}
		results[i] = values
	}

	var obs []Observation
	for _, cname := range slices.Sorted(maps.Keys(plan.used)) {
		merged := map[mergeKey]mergedValue{}
		var order []mergeKey
		conflicts := map[[2]int]map[string]bool{}
		for _, i := range plan.entries[cname] {
			for _, v := range results[i] {
				k := mergeKey{v.Region, v.Year, v.Measure}
				nv := mergedValue{v, i}
				old, seen := merged[k]
				switch {
				case !seen:
					merged[k] = nv
					order = append(order, k)
				case nv.filler() || old.entry == i:
					// No evidence, or a second value from the same entry
					// (a collector's bug): keep the first.
				case old.filler():
					merged[k] = nv
				default:
					pair := [2]int{old.entry, i}
					if conflicts[pair] == nil {
						conflicts[pair] = map[string]bool{}
					}
					if !conflicts[pair][v.Region] {
						conflicts[pair][v.Region] = true
						errs = append(errs, Errorf(def.KeyPos("source", i, "files"),
							"put each region's records in one [[source]] entry: list several files in its files",
							"region %s is covered by two [[source]] entries of collector %q (%s and %s)",
							regionName(regions, v.Region), cname, old.Evidence[0], v.Evidence[0]))
					}
				}
			}
		}
		for _, k := range order {
			v := merged[k]
			for _, ind := range plan.used[cname] {
				if _, m := SplitSource(ind.Source); m != k.measure {
					continue
				}
				o := Observation{Region: k.region, Year: k.year, Indicator: ind.ID, Value: v.Value}
				if v.filler() {
					o.Source = fmt.Sprintf("%s.%s: no record by %s in %s", cname, k.measure,
						cutoffDate(plan.asOf, v.entry, k.year), strings.Join(shown[v.entry], ", "))
					if names := shown[v.entry]; len(names) > 0 {
						o.Pos = Pos{File: names[0]}
					}
				} else {
					o.Source = provenance(cname+"."+k.measure, v.Evidence)
					o.Evidence = v.Evidence
					o.Pos = evidencePos(v.Evidence[0])
				}
				obs = append(obs, o)
			}
		}
	}
	if len(errs) > 0 {
		return nil, warnings, errs
	}
	regionIndex := map[string]int{}
	for i, r := range regions.List {
		regionIndex[r.Code] = i
	}
	indIndex := map[string]int{}
	for i, ind := range def.Indicators {
		indIndex[ind.ID] = i
	}
	slices.SortStableFunc(obs, func(a, b Observation) int {
		return cmp.Or(cmp.Compare(indIndex[a.Indicator], indIndex[b.Indicator]), cmp.Compare(a.Year, b.Year),
			cmp.Compare(regionIndex[a.Region], regionIndex[b.Region]))
	})
	return obs, warnings, nil
}

// cutoffDate is the cutoff of an entry's year as a date, for provenance.
func cutoffDate(asOf map[int]time.Time, entry, year int) string {
	end := yearEnd(year)
	if t, ok := asOf[entry]; ok && t.Before(end) {
		end = t
	}
	return end.Format("2006-01-02")
}

// provenance formats the evidence of a value: "policies.count: a.csv:2,
// a.csv:5", at most MaxProvenance items and then "… and N more".
func provenance(what string, ev []Evidence) string {
	var b strings.Builder
	b.WriteString(what)
	b.WriteString(": ")
	for i, e := range ev {
		if i == MaxProvenance {
			fmt.Fprintf(&b, " … and %d more", len(ev)-MaxProvenance)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(e.String())
	}
	return b.String()
}

// evidencePos is where an evidence item is: its row, or its file.
func evidencePos(e Evidence) Pos { return Pos{File: e.File, Line: e.Row} }

// regionName names a region in messages as "name (code)".
func regionName(rs *RegionSet, code string) string {
	if r, ok := rs.Lookup(code); ok && r.Name != "" && r.Name != r.Code {
		return fmt.Sprintf("%s (%s)", r.Name, r.Code)
	}
	return code
}

// collectYears are the years LoadData collects evidence for: the years of
// the observation tables, [index] year and years, and the year of each
// [[source]] as_of.
func collectYears(def *Definition, tableObs []Observation) []int {
	var years []int
	for _, o := range tableObs {
		if o.Year != 0 {
			years = append(years, o.Year)
		}
	}
	if def.Index.Year != 0 {
		years = append(years, def.Index.Year)
	}
	years = append(years, def.Index.Years...)
	for _, s := range def.Sources {
		if t, _, err := ParseEvidenceDate(s.AsOf); s.AsOf != "" && err == nil {
			years = append(years, t.Year())
		}
	}
	slices.Sort(years)
	return slices.Compact(years)
}

// ---------------------------------------------------------------------------
// Evidence CSVs: what the policies, platforms and collaborations
// collectors share.

// evColumn is a column of an evidence CSV: its name in the contract and
// the other headers accepted for it (case-insensitive).
type evColumn struct {
	name     string
	aliases  []string
	required bool
}

// evRecord is what every evidence record has: whose it is, its date (the
// first instant of the period, and the precision) and where it is.
type evRecord struct {
	Region string
	Date   time.Time
	Prec   string
	Ev     Evidence
}

func (r *evRecord) record() *evRecord { return r }

// recorder is a collector's record type, which embeds an evRecord.
type recorder interface{ record() *evRecord }

// evRow is one row of an evidence table, with its columns resolved.
type evRow struct {
	t   *Table
	row int
	col map[string]int // contract name → column
}

// has reports whether the table has the column.
func (r evRow) has(name string) bool { _, ok := r.col[name]; return ok }

// cell is the text of a column ("" when the table lacks it).
func (r evRow) cell(name string) string {
	if i, ok := r.col[name]; ok {
		return r.t.Rows[r.row][i]
	}
	return ""
}

// pos is the position of a column's cell, or of the row when the table
// lacks the column.
func (r evRow) pos(name string) Pos {
	if i, ok := r.col[name]; ok {
		return r.t.Pos(r.row, i)
	}
	return r.t.Pos(r.row, -1)
}

// evReader reads the evidence CSVs of one [[source]] entry: it resolves
// the header, reads the region and date every record has, and gathers the
// problems of all files.
type evReader struct {
	req     CollectRequest
	kind    string // the collector's name, for messages
	cols    []evColumn
	region  *Region // the entry's region, when it names one
	noRows  bool    // the entry's region is bad: its rows have no region
	errs    ErrorList
	repeats map[string]*repeatedErr
	seen    map[string]Pos // duplicate keys → first row
}

func newEvReader(req CollectRequest, kind string, cols []evColumn) *evReader {
	if req.Regions == nil {
		req.Regions = NewRegionSet(nil)
	}
	// Every evidence table may give its records' titles in English.
	cols = append(slices.Clip(cols), evColumn{name: "title_en", aliases: []string{"英文标题", "英文名称"}})
	r := &evReader{req: req, kind: kind, cols: cols, repeats: map[string]*repeatedErr{}, seen: map[string]Pos{}}
	if req.Source != nil && req.Source.Region != "" {
		reg, ok := req.Regions.Lookup(req.Source.Region)
		if !ok {
			r.errs = append(r.errs, Errorf(r.keyPos("region"), regionHint(req.Regions, req.Source.Region),
				"unknown region %s", quoteCell(req.Source.Region)))
			r.noRows = true
		}
		r.region = reg
	}
	return r
}

// keyPos is the position of a key of the entry in index.toml.
func (r *evReader) keyPos(key string) Pos {
	if r.req.Def == nil {
		return Pos{}
	}
	return r.req.Def.KeyPos("source", r.req.Index, key)
}

// once records a problem that may recur on many rows (an unknown region)
// once, counting the other rows.
func (r *evReader) once(key string, err *InputError) {
	if rep, ok := r.repeats[key]; ok {
		rep.more++
		return
	}
	r.repeats[key] = &repeatedErr{err: err}
	r.errs = append(r.errs, err)
}

// columnsText lists the contract's columns, optional ones in brackets.
func (r *evReader) columnsText() string {
	var req, opt []string
	for _, c := range r.cols {
		if c.required {
			req = append(req, c.name)
		} else {
			opt = append(opt, c.name)
		}
	}
	s := strings.Join(req, ",")
	if len(opt) > 0 {
		s += "[," + strings.Join(opt, ",") + "]"
	}
	return s
}

// each calls fn for every row of every file, with good false when its
// region or date is bad (the problems are recorded; fn checks the other
// cells, so that every problem of the row is listed, and drops the row).
func (r *evReader) each(fn func(row evRow, rec evRecord, good bool)) {
	for _, f := range r.req.Files {
		t, err := ReadCSVTable(f.Name, f.Data, r.req.Encoding)
		r.errs = append(r.errs, asInputErrors(err, f.Name)...)
		if t == nil {
			continue
		}
		col, ok := r.header(t)
		if !ok {
			continue
		}
		for i := range t.Rows {
			row := evRow{t: t, row: i, col: col}
			rec, good := r.record(row)
			fn(row, rec, good)
		}
	}
}

// header resolves the columns of a table; false when a required column is
// missing (the rows cannot be read).
func (r *evReader) header(t *Table) (map[string]int, bool) {
	names := map[string]string{}
	for _, c := range r.cols {
		names[c.name] = c.name
		for _, a := range c.aliases {
			names[strings.ToLower(a)] = c.name
		}
	}
	hint := fmt.Sprintf("use the columns %s of %s evidence", r.columnsText(), r.kind)
	col := map[string]int{}
	for i, h := range t.Header {
		name, ok := names[strings.ToLower(h)]
		if !ok {
			r.errs = append(r.errs, Errorf(t.HeaderPos(i), hint, "unknown column %q in %s evidence", h, r.kind))
			continue
		}
		if j, dup := col[name]; dup {
			r.errs = append(r.errs, Errorf(t.HeaderPos(i), "keep one of the two columns",
				"column %q repeats column %q (%s)", h, t.Header[j], t.HeaderPos(j)))
			continue
		}
		col[name] = i
	}
	ok := true
	for _, c := range r.cols {
		if _, has := col[c.name]; has || !c.required || (c.name == "region" && r.req.Source != nil && r.req.Source.Region != "") {
			continue
		}
		r.errs = append(r.errs, Errorf(t.HeaderPos(-1), hint, "%s evidence has no %q column (header: %s)",
			r.kind, c.name, quoteCell(strings.Join(t.Header, ","))))
		ok = false
	}
	return col, ok
}

// record reads the region and date of a row.
func (r *evReader) record(row evRow) (evRecord, bool) {
	rec := evRecord{Ev: Evidence{File: row.t.File, Row: row.t.Lines[row.row], When: row.cell("date"), TitleEn: row.cell("title_en")}}
	ok := true
	switch {
	case row.has("region"):
		text := row.cell("region")
		reg, found := r.req.Regions.Lookup(text)
		switch {
		case text == "":
			r.errs = append(r.errs, Errorf(row.pos("region"), "write the region's code or name as in the regions file", "region is empty"))
			ok = false
		case !found:
			r.once("region\x00"+text, Errorf(row.pos("region"), regionHint(r.req.Regions, text), "unknown region %s", quoteCell(text)))
			ok = false
		case r.region != nil && reg != r.region:
			r.errs = append(r.errs, Errorf(row.pos("region"), "move the row to a [[source]] entry of its region, or leave out region in the entry",
				"the row is about %s but its [[source]] entry is for %s", regionLabelOf(reg), regionLabelOf(r.region)))
			ok = false
		case r.noRows:
			ok = false
		default:
			rec.Region = reg.Code
		}
	case r.region != nil:
		rec.Region = r.region.Code
	default:
		ok = false // the entry's region is bad, and reported
	}
	t, prec, err := ParseEvidenceDate(row.cell("date"))
	if err != nil {
		r.errs = append(r.errs, Errorf(row.pos("date"), hintDate, "%v", err))
		ok = false
	}
	rec.Date, rec.Prec = t, prec
	return rec, ok
}

// text is a required text cell; false (with the problem recorded) when it
// is empty.
func (r *evReader) text(row evRow, name string) (string, bool) {
	s := row.cell(name)
	if s == "" {
		r.errs = append(r.errs, Errorf(row.pos(name), "fill in the cell, or delete the row", "%s is empty", name))
		return "", false
	}
	return s, true
}

// number is an optional numeric cell read with ParseNumber: NaN when the
// table lacks the column or the cell is empty or a missing marker; false
// (with the problem recorded) when it is not a number or negative.
func (r *evReader) number(row evRow, name string) (float64, bool) {
	if !row.has(name) {
		return math.NaN(), true
	}
	s := row.cell(name)
	v, missing, err := ParseNumber(s)
	switch {
	case err != nil:
		r.errs = append(r.errs, Errorf(row.pos(name), hintEvidenceNumber, "%s: %v", name, err))
		return math.NaN(), false
	case missing:
		return math.NaN(), true
	case v < 0:
		r.errs = append(r.errs, Errorf(row.pos(name), hintEvidenceNumber, "%s: %s is negative", name, quoteCell(s)))
		return math.NaN(), false
	}
	return v, true
}

const hintEvidenceNumber = "write a count of zero or more, such as 42, \"1,234\" or 1.2万; leave the cell empty when it is not known"

// duplicate records the key of a row; true (with the problem recorded)
// when an earlier row of the entry has the same key. what names the
// columns that make the key.
func (r *evReader) duplicate(row evRow, key, what string) bool {
	pos := row.t.Pos(row.row, -1)
	if first, dup := r.seen[key]; dup {
		r.errs = append(r.errs, Errorf(pos, "delete one of the two rows: each record counts once",
			"duplicate record: the same %s as %s", what, first))
		return true
	}
	r.seen[key] = pos
	return false
}

// dateKey is a record's date for duplicate keys.
func dateKey(rec evRecord) string { return rec.Date.Format("2006-01-02") + "/" + rec.Prec }

// err returns the problems, sorted by position.
func (r *evReader) err() error {
	for _, rep := range r.repeats {
		if rep.more > 0 {
			rep.err.Msg += fmt.Sprintf(" (and %d more %s)", rep.more, pluralise(rep.more, "row", "rows"))
			rep.more = 0
		}
	}
	r.errs.Sort()
	return r.errs.Err()
}

// regionLabelOf names a region as "name (code)".
func regionLabelOf(reg *Region) string {
	if reg.Name == "" || reg.Name == reg.Code {
		return reg.Code
	}
	return fmt.Sprintf("%s (%s)", reg.Name, reg.Code)
}

// evMeasure is a measure of a collector of dated records.
type evMeasure[R recorder] struct {
	name string
	// zero: with complete = true, a region with no relevant record gets 0.
	zero bool
	// relevant picks the records the measure counts among those in force
	// by the cutoff; nil takes them all.
	relevant func(rec R, cutoff time.Time) bool
	// value computes the measure from a region's relevant records (at
	// least one, sorted by date); false leaves it missing (the records
	// lack the values it needs). The evidence must not be empty.
	value func(recs []R, cutoff time.Time) (float64, []Evidence, bool)
}

// measureValues computes the measures of every region and year from the
// records: for each year, the records dated by its cutoff are in force;
// each measure takes those relevant to it, and a region with none gets no
// value, or 0 for the measures marked zero when the entry says complete =
// true (for its region, or for every region when it names none).
func measureValues[R recorder](req CollectRequest, region *Region, recs []R, ms []evMeasure[R]) []Collected {
	byRegion := map[string][]R{}
	seq := map[Evidence]int{} // reading order, for listing evidence
	for i, rec := range recs {
		code := rec.record().Region
		byRegion[code] = append(byRegion[code], rec)
		seq[rec.record().Ev] = i
	}
	for _, list := range byRegion {
		slices.SortStableFunc(list, func(a, b R) int { return a.record().Date.Compare(b.record().Date) })
	}
	complete := req.Source != nil && req.Source.Complete
	cutoff := req.Cutoff
	if cutoff == nil {
		cutoff = yearEnd
	}
	regions := req.Regions
	if regions == nil {
		regions = NewRegionSet(nil)
	}
	var out []Collected
	for _, reg := range regions.List {
		list, listed := byRegion[reg.Code]
		covered := complete && (region == nil || region == reg)
		if !listed && !covered {
			continue
		}
		for _, year := range req.Years {
			cut := cutoff(year)
			var in []R
			for _, rec := range list {
				if !rec.record().Date.After(cut) {
					in = append(in, rec)
				}
			}
			for _, m := range ms {
				rel := in
				if m.relevant != nil {
					rel = nil
					for _, rec := range in {
						if m.relevant(rec, cut) {
							rel = append(rel, rec)
						}
					}
				}
				if len(rel) == 0 {
					if covered && m.zero {
						out = append(out, Collected{Region: reg.Code, Year: year, Measure: m.name})
					}
					continue
				}
				if v, ev, ok := m.value(rel, cut); ok && len(ev) > 0 {
					// Evidence in file and row order, whatever order the
					// measure found it in.
					slices.SortStableFunc(ev, func(a, b Evidence) int { return cmp.Compare(seq[a], seq[b]) })
					out = append(out, Collected{Region: reg.Code, Year: year, Measure: m.name, Value: v, Evidence: ev})
				}
			}
		}
	}
	return out
}

// measureNames lists the names of measures, for Collector.Measures.
func measureNames[R recorder](ms []evMeasure[R]) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.name
	}
	return out
}

// evidenceOf is the evidence of records.
func evidenceOf[R recorder](recs []R) []Evidence {
	out := make([]Evidence, len(recs))
	for i, rec := range recs {
		out[i] = rec.record().Ev
	}
	return out
}

// countMeasure counts the relevant records.
func countMeasure[R recorder](recs []R, _ time.Time) (float64, []Evidence, bool) {
	return float64(len(recs)), evidenceOf(recs), true
}

// firstYearMeasure is the year of the first relevant record.
func firstYearMeasure[R recorder](recs []R, _ time.Time) (float64, []Evidence, bool) {
	return float64(recs[0].record().Date.Year()), firstRecords(recs), true
}

// yearsActiveMeasure is the years from the first relevant record to the
// cutoff (see yearsActive).
func yearsActiveMeasure[R recorder](recs []R, cut time.Time) (float64, []Evidence, bool) {
	first := recs[0].record()
	return yearsActive(first.Date, first.Prec, cut), firstRecords(recs), true
}

// firstRecords is the evidence of the records that share the earliest
// date (records are sorted by date).
func firstRecords[R recorder](recs []R) []Evidence {
	first := recs[0].record()
	var out []Evidence
	for _, rec := range recs {
		if r := rec.record(); r.Date.Equal(first.Date) && r.Prec == first.Prec {
			out = append(out, r.Ev)
		}
	}
	return out
}

// normWord is a kind or topic word as it is matched: trimmed, narrowed,
// lower-case, with runs of spaces, - and _ as one _.
func normWord(s string) string {
	s = strings.ToLower(strings.TrimSpace(width.Narrow.String(s)))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "_")
}
