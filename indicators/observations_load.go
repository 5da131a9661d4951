package indicators

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// obsColumns maps the known observation headers (lower case) and their
// Chinese aliases to their role.
var obsColumns = map[string]string{
	"region": "region", "地区": "region",
	"year": "year", "年份": "year",
	"indicator": "indicator", "指标": "indicator",
	"value": "value", "数值": "value", "值": "value",
	"source": "source", "来源": "source",
	"note": "note", "备注": "note",
}

const (
	layoutsHint = "use the long layout region,year,indicator,value[,source,note] or the wide layout region,year,<indicator id>,<indicator id>,… (year may be left out when the index has one year)"
	valueHint   = "write a number such as 12.5, \"1,234\", 35% or 1.2万; leave the cell empty or write NA when the value is missing"
	yearHint    = "write the year with four digits, e.g. 2017"
)

// ReadObservations reads an observation table in either layout, recognised
// from its header (case-insensitive; 地区, 年份, 指标, 数值/值, 来源 and 备注 are
// accepted too):
//
//   - long: region,year,indicator,value[,source,note], in any order;
//   - wide: region[,year],<indicator id>,… with one column per indicator.
//
// region is a region's code or exact name, compared by NameKey (so
// invisible characters, character widths and surrounding spaces make no
// difference, as for the headers and indicator ids). Without a year column every
// observation has Year 0. Missing markers (see ParseNumber) give an
// Observation whose Value is NaN, so that "known to be missing" is kept;
// a missing value beside a real one for the same region, year and
// indicator gives way to it, while two real values are an error.
//
// Every problem is reported with its file:line:col and gathered into an
// ErrorList; a problem that repeats on many rows (an unknown region, say)
// is reported once with the count of further rows.
func ReadObservations(t *Table, def *Definition, regions *RegionSet) ([]Observation, error) {
	if def == nil {
		return nil, ErrorList{Errorf(Pos{File: t.File}, "", "no index definition to check the observations against")}
	}
	if regions == nil {
		regions = NewRegionSet(nil)
	}
	l, errs := detectLayout(t, def)
	if l == nil {
		return nil, errs
	}
	// Header problems that leave the layout clear (a bad indicator column)
	// do not stop the rows from being checked.
	c := &obsChecker{t: t, def: def, regions: regions, errs: errs, repeats: map[string]*repeatedErr{}}
	perRow := 1
	if !l.long {
		perRow = 0
		for _, ind := range l.ind {
			if ind != nil {
				perRow++
			}
		}
	}
	set := newKeyedObsSet(len(t.Rows) * perRow)
	for row := range t.Rows {
		for i, o := range c.row(l, row) {
			if err := set.addKeyed(o, c.keys[i]); err != nil {
				c.errs = append(c.errs, err)
			}
		}
	}
	for _, r := range c.repeats {
		if r.more > 0 {
			r.err.Msg += fmt.Sprintf(" (and %d more %s)", r.more, pluralise(r.more, "row", "rows"))
		}
	}
	if len(c.errs) > 0 {
		sortErrors(c.errs)
		return nil, c.errs
	}
	return set.out, nil
}

// obsLayout is where the columns of an observation table are: role columns
// are -1 when absent; ind maps each wide column to its indicator (nil for
// a column already reported as bad).
type obsLayout struct {
	long                                   bool
	region, year, indicator, value, source int
	note                                   int
	ind                                    map[int]*Indicator
}

// detectLayout recognises the layout from the header. The layout is nil
// when it cannot be told; otherwise errs holds the problems of columns
// that can be left out while the rows are checked.
func detectLayout(t *Table, def *Definition) (l *obsLayout, errs ErrorList) {
	l = &obsLayout{region: -1, year: -1, indicator: -1, value: -1, source: -1, note: -1, ind: map[int]*Indicator{}}
	roles := map[string]*int{"region": &l.region, "year": &l.year, "indicator": &l.indicator,
		"value": &l.value, "source": &l.source, "note": &l.note}
	var others []int // columns that are no role
	for i, h := range t.Header {
		role, ok := obsColumns[strings.ToLower(NameKey(h))]
		if !ok {
			others = append(others, i)
			continue
		}
		if p := roles[role]; *p >= 0 {
			errs = append(errs, Errorf(t.HeaderPos(i), "keep one of the two columns",
				"column %q repeats column %q (%s)", h, t.Header[*p], t.HeaderPos(*p)))
			continue
		}
		*roles[role] = i
	}
	if errs != nil {
		return nil, errs
	}
	header := quoteCell(strings.Join(t.Header, ","))
	switch {
	case l.indicator >= 0 || l.value >= 0:
		l.long = true
		for _, need := range []struct {
			name string
			col  int
		}{{"region", l.region}, {"indicator", l.indicator}, {"value", l.value}} {
			if need.col < 0 {
				errs = append(errs, Errorf(t.HeaderPos(-1), layoutsHint,
					"header %s looks like the long layout but has no %q column", header, need.name))
			}
		}
		if errs != nil {
			return nil, errs
		}
		for _, i := range others {
			hint := "the long layout has the columns region,year,indicator,value[,source,note]; remove the column"
			if ind, ok := def.Indicator(t.Header[i]); ok {
				hint = fmt.Sprintf("put indicator %q in the indicator column, one row per value, or use the wide layout without indicator and value columns", ind.ID)
			}
			errs = append(errs, Errorf(t.HeaderPos(i), hint, "unknown column %q in the long layout", t.Header[i]))
		}
	case l.region >= 0:
		if l.source >= 0 || l.note >= 0 {
			for _, i := range []int{l.source, l.note} {
				if i >= 0 {
					errs = append(errs, Errorf(t.HeaderPos(i), "use the long layout region,year,indicator,value,source,note to give sources and notes",
						"the wide layout has no %q column", t.Header[i]))
				}
			}
		}
		if len(others) == 0 {
			return nil, append(errs, Errorf(t.HeaderPos(-1), layoutsHint, "header %s has a region column but no indicator columns", header))
		}
		for _, i := range others {
			ind, err := tableIndicator(def, t.Header[i], t.HeaderPos(i), "remove the column")
			if err != nil {
				errs = append(errs, err)
			}
			l.ind[i] = ind
		}
	default:
		return nil, ErrorList{Errorf(t.HeaderPos(-1), layoutsHint, "header %s is neither the long nor the wide layout", header)}
	}
	return l, errs
}

// tableIndicator resolves an indicator id written in a table; nil with an
// error when it is unknown or takes its values from a collector.
func tableIndicator(def *Definition, id string, pos Pos, remove string) (*Indicator, *InputError) {
	ind, ok := def.Indicator(id)
	if !ok {
		return nil, Errorf(pos, indicatorHint(def, id), "unknown indicator %s", quoteCell(id))
	}
	if ind.Source != "" {
		collector, _, _ := strings.Cut(ind.Source, ".")
		return nil, Errorf(pos, remove+"; its values come from the evidence files of the collector",
			"indicator %q takes its values from collector %s (source = %q)", ind.ID, collector, ind.Source)
	}
	return ind, nil
}

// indicatorHint suggests the closest known indicator id, or lists them.
func indicatorHint(def *Definition, id string) string {
	var ids []string
	for _, ind := range def.Indicators {
		if ind.Source == "" {
			ids = append(ids, ind.ID)
		}
	}
	if len(ids) == 0 {
		return "the index has no indicators read from data tables; check index.toml"
	}
	if best, ok := closestID(id, ids); ok {
		return fmt.Sprintf("did you mean %q? Indicator ids are those of the [[indicator]] entries in index.toml", best)
	}
	return "use an indicator id from index.toml: " + listFirst(ids, 10)
}

// obsChecker reads rows of one table and collects their problems.
type obsChecker struct {
	t       *Table
	def     *Definition
	regions *RegionSet
	errs    ErrorList
	// repeats folds a problem that recurs on many rows (the same unknown
	// region or indicator) into one message with a count.
	repeats map[string]*repeatedErr
	// buf holds the observations of the row being read, reused from row
	// to row, and keys their keys for obsSet.addKeyed.
	buf  []Observation
	keys []int64
	// regionNo numbers the regions met, for the keys.
	regionNo map[*Region]int64
}

// obsKeyOf is the key of an observation of region, indicator ind and year
// for obsSet.addKeyed: distinct for distinct (region, indicator, year)
// as years are below 4096 and indicator indexes below 2^20.
func (c *obsChecker) obsKeyOf(region *Region, ind *Indicator, year int) int64 {
	n, ok := c.regionNo[region]
	if !ok {
		if c.regionNo == nil {
			c.regionNo = map[*Region]int64{}
		}
		n = int64(len(c.regionNo))
		c.regionNo[region] = n
	}
	return n<<32 | int64(ind.Index)<<12 | int64(year)
}

type repeatedErr struct {
	err  *InputError
	more int
}

func (c *obsChecker) once(key string, err *InputError) {
	if r, ok := c.repeats[key]; ok {
		r.more++
		return
	}
	c.repeats[key] = &repeatedErr{err: err}
	c.errs = append(c.errs, err)
}

// row returns the observations of one row, or none when any cell of it is
// bad (its problems are recorded).
func (c *obsChecker) row(l *obsLayout, row int) []Observation {
	t := c.t
	rec := t.Rows[row]
	ok := true
	region := c.region(row, l.region)
	if region == nil {
		ok = false
	}
	year := 0
	if l.year >= 0 {
		y, err := parseYear(rec[l.year])
		if err != "" {
			hint := yearHint
			if rec[l.year] == "" {
				hint = "fill in the year (four digits, e.g. 2017), or leave out the year column when the index has one year"
			}
			c.errs = append(c.errs, Errorf(t.Pos(row, l.year), hint, "%s", err))
			ok = false
		}
		year = y
	}
	if !l.long {
		out, keys := c.buf[:0], c.keys[:0]
		for col := range rec {
			ind := l.ind[col]
			if ind == nil {
				continue // region, year or a column reported in the header
			}
			v, good := c.value(row, col)
			if good && ok {
				out = append(out, Observation{Region: region.Code, Year: year, Indicator: ind.ID, Value: v, Pos: t.Pos(row, col)})
				keys = append(keys, c.obsKeyOf(region, ind, year))
			}
		}
		c.buf, c.keys = out, keys
		return out
	}
	id := rec[l.indicator]
	var ind *Indicator
	if id == "" {
		c.errs = append(c.errs, Errorf(t.Pos(row, l.indicator), "write the indicator id", "indicator is empty"))
		ok = false
	} else {
		var err *InputError
		ind, err = tableIndicator(c.def, id, t.Pos(row, l.indicator), "remove the rows of this indicator")
		if err != nil {
			c.once("indicator\x00"+id, err)
			ok = false
		}
	}
	v, good := c.value(row, l.value)
	if !ok || !good {
		return nil
	}
	o := Observation{Region: region.Code, Year: year, Indicator: ind.ID, Value: v, Pos: t.Pos(row, l.value)}
	if l.source >= 0 {
		o.Source = rec[l.source]
	}
	if l.note >= 0 {
		o.Note = rec[l.note]
	}
	c.buf = append(c.buf[:0], o)
	c.keys = append(c.keys[:0], c.obsKeyOf(region, ind, year))
	return c.buf
}

// region resolves the region cell of a row; nil when it is bad.
func (c *obsChecker) region(row, col int) *Region {
	text := c.t.Rows[row][col]
	pos := c.t.Pos(row, col)
	if text == "" {
		c.errs = append(c.errs, Errorf(pos, "write the region's code or name as in the regions file", "region is empty"))
		return nil
	}
	if r, ok := c.regions.Lookup(text); ok {
		return r
	}
	c.once("region\x00"+text, Errorf(pos, regionHint(c.regions, text), "unknown region %s", quoteCell(text)))
	return nil
}

// regionHint suggests a region the text was probably meant to be (a
// shortened name such as 贵州 for 贵州省, or a typo), or lists some codes.
func regionHint(rs *RegionSet, text string) string {
	file := "the regions file"
	if len(rs.List) > 0 && rs.List[0].Pos.File != "" {
		file = rs.List[0].Pos.File
	}
	if len(rs.List) == 0 {
		return "add the region to " + file
	}
	var best *Region
	bestD := math.MaxInt
	for _, r := range rs.List {
		for _, cand := range []string{r.Name, r.Code} {
			d := math.MaxInt
			switch {
			case cand == "":
			case strings.Contains(cand, text) || strings.Contains(text, cand):
				d = 0
			default:
				if dist, ok := nearEnough(text, cand); ok {
					d = dist
				}
			}
			if d < bestD {
				best, bestD = r, d
			}
		}
	}
	if best != nil {
		return fmt.Sprintf("did you mean %s (%s)? Regions are matched by the exact code or name in %s", best.Code, best.Name, file)
	}
	codes := make([]string, len(rs.List))
	for i, r := range rs.List {
		codes[i] = r.Code
	}
	return fmt.Sprintf("use a region code or exact name from %s, such as %s", file, listFirst(codes, 5))
}

// value parses a value cell; good is false when it is not a number (the
// problem is recorded). A missing marker is good, with v NaN.
func (c *obsChecker) value(row, col int) (v float64, good bool) {
	if v, ok := plainNumber(c.t.Rows[row][col]); ok {
		return v, true
	}
	v, _, err := ParseNumber(c.t.Rows[row][col])
	if err != nil {
		c.errs = append(c.errs, Errorf(c.t.Pos(row, col), valueHint, "value %v", err))
		return 0, false
	}
	return v, true
}

// plainNumber is the fast path of ParseNumber for the cells most tables
// hold: empty (missing) or -?digits(.digits)? in ASCII. For those it gives
// what ParseNumber gives, without allocating; ok is false for anything
// else, which ParseNumber must read.
func plainNumber(s string) (v float64, ok bool) {
	if s == "" {
		return math.NaN(), true
	}
	if len(s) > 40 {
		return 0, false
	}
	i := 0
	if s[0] == '-' {
		i++
	}
	intDigits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		intDigits++
	}
	if intDigits == 0 {
		return 0, false
	}
	if i < len(s) && s[i] == '.' {
		i++
		frac := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			frac++
		}
		if frac == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// parseYear reads a year cell: four digits, possibly full-width, with an
// optional 年, or a whole number as XLSX stores it ("2017.0" from some
// tools). The error text is empty when the year is fine.
func parseYear(s string) (int, string) {
	if len(s) == 4 {
		// Fast path: four ASCII digits of a year in range.
		y := 0
		for i := 0; i < 4; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				y = -1
				break
			}
			y = y*10 + int(c-'0')
		}
		if y >= 1900 && y <= 2100 {
			return y, ""
		}
	}
	orig := s
	s = strings.TrimSpace(width.Narrow.String(s))
	s = strings.TrimSpace(strings.TrimSuffix(s, "年"))
	if s == "" {
		return 0, "year is empty"
	}
	y, err := strconv.Atoi(s)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != math.Trunc(f) || strings.ContainsAny(s, "xXpP_nNiI") || math.Abs(f) > 1e6 {
			return 0, fmt.Sprintf("year %s is not a year", quoteCell(orig))
		}
		y = int(f)
	}
	if y < 1900 || y > 2100 {
		return 0, fmt.Sprintf("year %s is not between 1900 and 2100", quoteCell(orig))
	}
	return y, ""
}

// obsKey identifies an observation for duplicate checks.
type obsKey struct {
	region, indicator string
	year              int
}

// obsSet gathers observations, rejecting two real values for the same
// region, year and indicator and letting a real value replace a missing
// marker (and not the other way round), whatever their order.
type obsSet struct {
	out []Observation
	// at indexes out; nil until it is needed (see addAll).
	at map[obsKey]int
	// keyed indexes out by the keys of addKeyed, in a set used only
	// through it.
	keyed map[int64]int32
}

// newObsSet returns a set with room for n observations.
func newObsSet(n int) *obsSet {
	return &obsSet{out: make([]Observation, 0, n), at: make(map[obsKey]int, n)}
}

// newKeyedObsSet returns a set for addKeyed with room for n observations.
func newKeyedObsSet(n int) *obsSet {
	return &obsSet{out: make([]Observation, 0, n), keyed: make(map[int64]int32, n)}
}

// addKeyed is add with the key k standing for the region, indicator and
// year of o (see obsChecker.obsKeyOf); a set is used either only through
// add or only through addKeyed.
func (s *obsSet) addKeyed(o Observation, k int64) *InputError {
	i, seen := s.keyed[k]
	if !seen {
		s.keyed[k] = int32(len(s.out))
	}
	return s.place(o, int(i), seen)
}

// addAll adds the observations of one table (as ReadObservations returns
// them: no two with the same region, year and indicator), appending the
// problems to errs. The first table's observations are taken over as they
// are, without indexing them until another one is added.
func (s *obsSet) addAll(obs []Observation, errs ErrorList) ErrorList {
	if len(s.out) == 0 {
		// Adding distinct observations to an empty set keeps them all,
		// in order.
		s.out, s.at = obs, nil
		return errs
	}
	s.index(len(obs))
	for _, o := range obs {
		if err := s.add(o); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// index builds at when it is nil, with room for extra more observations.
func (s *obsSet) index(extra int) {
	if s.at != nil {
		return
	}
	s.at = make(map[obsKey]int, len(s.out)+extra)
	for i, o := range s.out {
		s.at[obsKey{o.Region, o.Indicator, o.Year}] = i
	}
}

func (s *obsSet) add(o Observation) *InputError {
	s.index(0)
	k := obsKey{o.Region, o.Indicator, o.Year}
	i, seen := s.at[k]
	if !seen {
		s.at[k] = len(s.out)
	}
	return s.place(o, i, seen)
}

// place puts o into out: appended when its key was not seen, otherwise
// beside out[i], the observation with the same key.
func (s *obsSet) place(o Observation, i int, seen bool) *InputError {
	switch {
	case !seen:
		s.out = append(s.out, o)
	case o.Missing():
		// Keep what is there.
	case s.out[i].Missing():
		s.out[i] = o
	default:
		what := fmt.Sprintf("region %s, indicator %q", o.Region, o.Indicator)
		if o.Year != 0 {
			what += fmt.Sprintf(", year %d", o.Year)
		}
		return Errorf(o.Pos, "keep one of the two values (write NA in the other cell, or delete it)",
			"second value for %s (the first is at %s)", what, s.out[i].Pos)
	}
	return nil
}

// closestID returns the candidate nearest to s by edit distance when it is
// near enough to be a likely typo (case is ignored).
func closestID(s string, cands []string) (string, bool) {
	best, bestD := "", math.MaxInt
	for _, c := range cands {
		if d, ok := nearEnough(s, c); ok && d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD != math.MaxInt
}

// nearEnough returns the case-insensitive edit distance of a and b when
// it is at most a third of the longer one (and at least 1 allowed, 2 for
// longer ids).
func nearEnough(a, b string) (int, bool) {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	// Long cells are not typos of ids; skip the quadratic work on them.
	if len(ra) > 64 || len(rb) > 64 {
		return 0, false
	}
	d := loadEditDistance(ra, rb)
	limit := max(len(ra), len(rb)) / 3
	limit = max(limit, 1)
	if max(len(ra), len(rb)) >= 6 {
		limit = max(limit, 2)
	}
	return d, d <= limit
}

func loadEditDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// listFirst joins up to n items, saying how many were left out.
func listFirst(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s, … (%d in all)", strings.Join(items[:n], ", "), len(items))
}

func pluralise(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
