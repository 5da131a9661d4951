package indicators

// Region is a row of regions.csv: a province, city or county that is rated.
type Region struct {
	Code   string // id, by convention a GB/T 2260 code such as 520000
	Name   string
	NameEn string
	Level  string
	Parent string
	Group  string
	// Attrs holds the extra numeric columns (population, gdp, …), usable as
	// denominators, keyed by the NameKey of the header; a missing cell is
	// absent from the map.
	Attrs map[string]float64
	// Extra holds every extra column as text, numeric or not.
	Extra map[string]string
	Pos   Pos // the row in regions.csv
}

// DisplayName returns the region's name in the given language ("en" uses
// NameEn when set).
func (r *Region) DisplayName(lang string) string {
	if lang == "en" && r.NameEn != "" {
		return r.NameEn
	}
	return r.Name
}

// RegionSet is the ordered list of regions with lookups by code and name.
type RegionSet struct {
	List   []*Region
	byCode map[string]*Region
	byName map[string]*Region
}

// NewRegionSet indexes regions by the NameKey of their codes and names,
// which must be unique (the loader checks that and reports duplicates with
// their positions).
func NewRegionSet(list []*Region) *RegionSet {
	s := &RegionSet{List: list, byCode: map[string]*Region{}, byName: map[string]*Region{}}
	for _, r := range list {
		s.byCode[NameKey(r.Code)] = r
		if k := NameKey(r.Name); k != "" {
			s.byName[k] = r
		}
	}
	return s
}

// Lookup finds a region by its code or its name, compared by NameKey: the
// text as written, or differing from it only by invisible characters,
// character width or surrounding spaces.
func (s *RegionSet) Lookup(text string) (*Region, bool) {
	// Keys are their own keys (NameKey is idempotent): text found as it
	// is needs no normalising, which is most of the rows of a data file.
	if r, ok := s.byCode[text]; ok {
		return r, true
	}
	if r, ok := s.byName[text]; ok {
		return r, true
	}
	key := NameKey(text)
	if r, ok := s.byCode[key]; ok {
		return r, true
	}
	r, ok := s.byName[key]
	return r, ok
}
