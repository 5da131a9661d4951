package indicators

// Definition is an index as declared in index.toml: its identity, scoring
// and star settings, and the framework tree of dimensions and indicators.
type Definition struct {
	// File is the path of the index.toml as shown to users (for embedded
	// editions, "embedded:<edition>/index.toml").
	File string
	// SHA256 is the hex digest of the index.toml bytes.
	SHA256 string

	Index       IndexSpec
	Scoring     ScoringSpec
	Stars       StarsSpec
	Dimensions  []*Dimension
	Indicators  []*Indicator
	Sources     []*SourceSpec
	AHP         []*AHPSpec
	Caps        []*CapSpec
	Uncertainty *UncertaintySpec // nil when the section is absent
	Report      ReportSpec
	Limits      LimitsSpec // [limits] (extension); zero fields mean the defaults
	// Published is the [published] table (nil when absent): what a
	// publication said, for calibrate.
	Published *PublishedSpec
	// Calibrate is the [calibrate] table (nil when absent): the
	// alternatives calibrate searches.
	Calibrate *CalibrateSpec

	rawCalibrate map[string]any // [calibrate] as decoded, checked by checkReplication

	files Files       // opens files named relative to File
	pos   *keyLocator // positions of keys in the source text
	dims  map[string]*Dimension
	inds  map[string]*Indicator
}

// IndexSpec is the [index] table.
type IndexSpec struct {
	Name    string `toml:"name"`
	NameEn  string `toml:"name_en"`
	Edition string `toml:"edition"`
	Year    int    `toml:"year"`
	// Years are the years a multi-year edition rates (extension): the
	// collectors count the evidence as of the end of each (or as_of), and
	// rate --years uses them by default.
	Years       []int    `toml:"years"`
	Regions     string   `toml:"regions"`
	Data        []string `toml:"data"`
	Description string   `toml:"description"`
	// DescriptionEn is the description in English (extension).
	DescriptionEn string `toml:"description_en"`
	// Encoding forces the text encoding of CSV inputs: "auto" (default),
	// "utf-8" or "gb18030" (which also reads GBK and GB2312).
	Encoding string `toml:"encoding"`
}

// ScoringSpec is the [scoring] table.
type ScoringSpec struct {
	Impute    string     `toml:"impute"`
	Treat     string     `toml:"treat"`
	Normalise string     `toml:"normalise"`
	Range     [2]float64 `toml:"range"`
	Weights   string     `toml:"weights"`
	Aggregate string     `toml:"aggregate"`
	Ties      string     `toml:"ties"`
	// Round is the number of decimals scores are rounded to before ranking;
	// nil means no rounding.
	Round *int `toml:"round"`
	// MinCoverage is the share of its indicators a region must have data for
	// to be rated (extension; default 0.5).
	MinCoverage float64 `toml:"min_coverage"`
	// Reference is the code or name of the reference region of dist2ref
	// (extension).
	Reference string `toml:"reference"`
	// Power is the exponent p of the generalised (power) mean, used by
	// aggregate = "power" (extension; default 1, the arithmetic mean).
	Power float64 `toml:"power"`
	// Comparable says how the years of a multi-year project relate
	// (extension): "separate" (default) normalises each year on its own,
	// so scores are positions within the year; "pooled" normalises every
	// indicator over the values of all years stacked, so the same value
	// gets the same score in any year.
	Comparable string `toml:"comparable"`
	// MissingDimension says how a rated region with no value in a whole
	// dimension is scored (extension): "renormalise" (default) leaves the
	// dimension out and renormalises its parent's weights over the
	// dimensions present; "zero" counts the dimension as 0; "unrated"
	// leaves the region unrated.
	MissingDimension string `toml:"missing_dimension"`
}

// MissingDimensionRules are the accepted [scoring] missing_dimension
// values, the default first.
var MissingDimensionRules = []string{"renormalise", "zero", "unrated"}

// StarsSpec is the [stars] table.
type StarsSpec struct {
	Method     string    `toml:"method"`
	Thresholds []float64 `toml:"thresholds"`
	Classes    int       `toml:"classes"`
	Labels     []string  `toml:"labels"`
}

// NumClasses is the number of star classes the spec produces: k+1 for k
// thresholds, Classes otherwise.
func (s StarsSpec) NumClasses() int {
	if s.Method == "thresholds" {
		return len(s.Thresholds) + 1
	}
	return s.Classes
}

// Dimension is a node of the framework tree; it aggregates its child
// dimensions and indicators.
type Dimension struct {
	ID        string  `toml:"id"`
	Name      string  `toml:"name"`
	NameEn    string  `toml:"name_en"`
	Parent    string  `toml:"parent"`
	Weight    float64 `toml:"weight"`
	Aggregate string  `toml:"aggregate"` // overrides [scoring] aggregate when set

	// Index is the position in Definition.Dimensions.
	Index int `toml:"-"`
}

// Indicator is a leaf of the framework tree.
type Indicator struct {
	ID        string `toml:"id"`
	Dimension string `toml:"dimension"`
	Name      string `toml:"name"`
	NameEn    string `toml:"name_en"`
	Unit      string `toml:"unit"`
	// UnitEn is the unit in English output (extension); without it the
	// English of common Chinese units is used (see reports.UnitLabel).
	UnitEn      string    `toml:"unit_en"`
	Direction   int       `toml:"direction"`
	Weight      float64   `toml:"weight"`
	Normalise   string    `toml:"normalise"` // overrides [scoring] normalise when set
	Goalposts   []float64 `toml:"goalposts"`
	Target      *float64  `toml:"target"`
	Denominator string    `toml:"denominator"`
	// Scale multiplies the value after division by the denominator, e.g.
	// 10000 for "per 10,000 people" (extension; default 1).
	Scale       float64 `toml:"scale"`
	Source      string  `toml:"source"`
	Description string  `toml:"description"`
	// Actionable says whether a region can change the indicator by what it
	// does (extension; nil means true). An indicator such as the years
	// elapsed since a first document is not: whatif lists it as one that
	// cannot earn a star, never as an option or in a plan.
	Actionable *bool `toml:"actionable"`
	// Effort is what one unit of the indicator costs a region, in any unit
	// the index chooses (extension; nil when not given): whatif ranks its
	// options by |change| × effort when every actionable indicator has
	// one, instead of by the share of the regions' range.
	Effort *float64 `toml:"effort"`

	// Index is the position in Definition.Indicators.
	Index int `toml:"-"`
}

// IsActionable says whether a region can change the indicator: true unless
// index.toml says actionable = false.
func (ind *Indicator) IsActionable() bool {
	return ind.Actionable == nil || *ind.Actionable
}

// SourceSpec is a [[source]] entry: evidence files read by a collector.
type SourceSpec struct {
	Collector string   `toml:"collector"`
	Files     []string `toml:"files"`
	AsOf      string   `toml:"as_of"`
	Region    string   `toml:"region"`
	// Complete says the evidence lists everything (extension): regions
	// without records get 0 for the measures that count, instead of no
	// value (see Collect).
	Complete bool `toml:"complete"`
}

// AHPSpec is an [[ahp]] entry: a pairwise comparison matrix over the
// children of Parent ("" or "index" for the top level). Entries are numbers
// or strings such as "1/3".
type AHPSpec struct {
	Parent string  `toml:"parent"`
	Matrix [][]any `toml:"matrix"`
}

// ReportSpec is the [report] table (extension): files that replace or add
// to what reports use. Paths are relative to the index.toml.
type ReportSpec struct {
	// ArticleTemplate and ArticleTemplateEn replace the embedded article
	// templates (Go text/template) for Chinese and English.
	ArticleTemplate   string `toml:"article_template"`
	ArticleTemplateEn string `toml:"article_template_en"`
	// Font is a TrueType/OpenType font with CJK glyphs for static charts;
	// default: one found on the system.
	Font string `toml:"font"`
	// GeoJSON is an approved map of the regions for a choropleth in the
	// HTML report; GeoJSONKey names the feature property holding the
	// region code or name (default "code", then "name").
	GeoJSON    string `toml:"geojson"`
	GeoJSONKey string `toml:"geojson_key"`
}

// CapSpec is a [[cap]] entry (extension): a star cap that limits a region's
// rating to Max when one of its dimensions is weak — in the bottom
// BelowQuantile share of the rated regions, or scoring under Below.
// Dimension names one dimension; empty means any top-level dimension.
type CapSpec struct {
	Max           int      `toml:"max"`
	Dimension     string   `toml:"dimension"`
	BelowQuantile *float64 `toml:"below_quantile"`
	Below         *float64 `toml:"below"`
}

// UncertaintySpec is the [uncertainty] table.
type UncertaintySpec struct {
	Samples      int      `toml:"samples"`
	Seed         int64    `toml:"seed"`
	WeightsNoise float64  `toml:"weights_noise"`
	Normalise    []string `toml:"normalise"`
	Aggregate    []string `toml:"aggregate"`
	Impute       []string `toml:"impute"`
	Exclude      float64  `toml:"exclude"`
	Sensitivity  bool     `toml:"sensitivity"`
}

// Dimension returns the dimension with the given id, compared by NameKey
// when it is not written exactly (an id typed with a zero-width space or
// in full-width letters still finds it).
func (d *Definition) Dimension(id string) (*Dimension, bool) {
	x, ok := d.dims[id]
	if !ok {
		x, ok = d.dims[NameKey(id)]
	}
	return x, ok
}

// Indicator returns the indicator with the given id, compared by NameKey
// when it is not written exactly (as Dimension).
func (d *Definition) Indicator(id string) (*Indicator, bool) {
	x, ok := d.inds[id]
	if !ok {
		x, ok = d.inds[NameKey(id)]
	}
	return x, ok
}

// ChildDimensions returns the dimensions whose parent is id ("" for the
// top level), in declaration order.
func (d *Definition) ChildDimensions(id string) []*Dimension {
	var out []*Dimension
	for _, x := range d.Dimensions {
		if x.Parent == id {
			out = append(out, x)
		}
	}
	return out
}

// ChildIndicators returns the indicators that belong directly to dimension
// id, in declaration order.
func (d *Definition) ChildIndicators(id string) []*Indicator {
	var out []*Indicator
	for _, x := range d.Indicators {
		if x.Dimension == id {
			out = append(out, x)
		}
	}
	return out
}

// IndicatorsUnder returns every indicator in the subtree of dimension id,
// in declaration order.
func (d *Definition) IndicatorsUnder(id string) []*Indicator {
	var out []*Indicator
	for _, x := range d.Indicators {
		for p := x.Dimension; p != ""; {
			if p == id {
				out = append(out, x)
				break
			}
			dim, ok := d.dims[p]
			if !ok {
				break
			}
			p = dim.Parent
		}
	}
	return out
}

// KeyPos returns where a key was written in the index.toml: table is
// "index", "scoring", "stars", "uncertainty" or an array table
// ("dimension", "indicator", "source", "ahp") with idx its 0-based entry;
// key "" asks for the table header itself. Unknown keys fall back to the
// table header, then to the file.
func (d *Definition) KeyPos(table string, idx int, key string) Pos {
	if d.pos == nil {
		return Pos{File: d.File}
	}
	return d.pos.find(table, idx, key)
}

// ReadFile reads a file named relative to the definition (as data and
// regions paths are), returning its bytes and the path to show users. A
// file over [limits] max_file_mb is refused without being read.
func (d *Definition) ReadFile(rel string) ([]byte, string, error) {
	if d.files == nil {
		return nil, rel, Errorf(Pos{File: d.File}, "", "no file system to read %q from", rel)
	}
	// Files over [limits] max_file_mb are refused before they are read.
	limit := d.Limits.FileBytes()
	if lf, ok := d.files.(limitedFiles); ok {
		return lf.readFileLimit(rel, limit)
	}
	b, shown, err := d.files.ReadFile(rel)
	if err == nil && int64(len(b)) > limit {
		return nil, shown, fileError(shown, shown, &tooLargeError{size: int64(len(b)), limit: limit}, limit)
	}
	return b, shown, err
}

// Reindex rebuilds the lookups and Index fields after Dimensions or
// Indicators were set or changed by code (the loader calls it; tests that
// build a Definition by hand call it too).
func (d *Definition) Reindex() {
	d.dims = make(map[string]*Dimension, len(d.Dimensions))
	for i, x := range d.Dimensions {
		x.Index = i
		d.dims[x.ID] = x
	}
	d.inds = make(map[string]*Indicator, len(d.Indicators))
	for i, x := range d.Indicators {
		x.Index = i
		d.inds[x.ID] = x
	}
}
