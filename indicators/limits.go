package indicators

import (
	"fmt"
	"math"
)

// Default limits on the size of inputs (the [limits] table of index.toml
// raises or lowers them). They are far above any real index — China has
// about 3,000 county-level regions — and stop a wrong file or a runaway
// export before it takes the machine's memory: what they admit stays
// under 1 GB. Loading costs about 350 bytes of memory per observation at
// peak, so the default max_observations needs about 0.7 GB, and scoring
// about 30 bytes a cell of the year's matrix, 0.6 GB at max_cells.
const (
	DefaultMaxFileMB       = 256       // per input file: regions, data, evidence, templates
	DefaultMaxRegions      = 1_000_000 // rows of the regions table
	DefaultMaxIndicators   = 10_000    // [[indicator]] entries
	DefaultMaxYears        = 100       // distinct years in the observations
	DefaultMaxObservations = 2_000_000 // values in the observation tables and from the collectors
	// DefaultMaxCells caps regions × indicators, the size of the matrix
	// scored for a year (about 30 bytes a cell).
	DefaultMaxCells = 20_000_000
	// DefaultMaxArticleMB caps the article a template writes, in MB, and
	// DefaultMaxTemplateSteps its loop steps and template calls: the
	// embedded templates write about 2 KB and take about 15 steps a
	// region (so the defaults allow some 30,000 regions), and a project's
	// own template must not fill the disk or run for minutes.
	DefaultMaxArticleMB     = 64
	DefaultMaxTemplateSteps = 1_000_000
	// DefaultMaxCatalogMB caps a catalog file (data.json, DCAT JSON-LD,
	// CKAN) of the catalog collector: it is decoded whole, at about 16
	// bytes of memory per byte of JSON (a 245 MB data.json took 3.9 GB).
	// A larger catalog can be split into several files.
	DefaultMaxCatalogMB = 32
)

// mib is the size of an MB in max_file_mb.
const mib = 1 << 20

// LimitsSpec is the [limits] table (extension): inputs beyond these sizes
// are refused, naming the limit and how to raise it, rather than read
// until memory runs out. A zero field means the default (Default…
// constants). index.toml itself is limited to MaxConfigSize, whatever
// [limits] says, since it is checked before it is read.
type LimitsSpec struct {
	// MaxFileMB is the largest input file read, in MB of 1,048,576 bytes;
	// it may be fractional.
	MaxFileMB       float64 `toml:"max_file_mb"`
	MaxRegions      int     `toml:"max_regions"`
	MaxIndicators   int     `toml:"max_indicators"`
	MaxYears        int     `toml:"max_years"`
	MaxObservations int     `toml:"max_observations"`
	MaxCells        int     `toml:"max_cells"`
	// MaxArticleMB and MaxTemplateSteps bound the article a template
	// writes (see reports.ArticleOptions).
	MaxArticleMB     int `toml:"max_article_mb"`
	MaxTemplateSteps int `toml:"max_template_steps"`
	// MaxCatalogMB bounds each catalog file of the catalog collector.
	MaxCatalogMB int `toml:"max_catalog_mb"`
}

// CatalogBytes is the largest catalog file the catalog collector reads.
func (l LimitsSpec) CatalogBytes() int64 {
	return int64(orDefault(l.MaxCatalogMB, DefaultMaxCatalogMB)) * mib
}

// ArticleBytes is the longest article a template may write, in bytes.
func (l LimitsSpec) ArticleBytes() int64 {
	return int64(orDefault(l.MaxArticleMB, DefaultMaxArticleMB)) * mib
}

// TemplateSteps is the most loop steps and template calls an article
// template may take.
func (l LimitsSpec) TemplateSteps() int64 {
	return int64(orDefault(l.MaxTemplateSteps, DefaultMaxTemplateSteps))
}

// FileBytes is the largest input file accepted, in bytes.
func (l LimitsSpec) FileBytes() int64 {
	mb := l.MaxFileMB
	if mb <= 0 || math.IsNaN(mb) {
		mb = DefaultMaxFileMB
	}
	if mb >= math.MaxInt64/mib {
		return math.MaxInt64 - 1
	}
	return int64(mb * mib)
}

func orDefault(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

// unzipBytes caps the unpacked size of an XLSX workbook: 4 times the file
// limit, and at least xlsxUnzipLimit.
func (l LimitsSpec) unzipBytes() int64 {
	fb := l.FileBytes()
	if fb > math.MaxInt64/4 {
		return math.MaxInt64
	}
	return max(4*fb, xlsxUnzipLimit)
}

// Regions is the largest number of regions accepted.
func (l LimitsSpec) Regions() int { return orDefault(l.MaxRegions, DefaultMaxRegions) }

// Indicators is the largest number of indicators accepted.
func (l LimitsSpec) Indicators() int { return orDefault(l.MaxIndicators, DefaultMaxIndicators) }

// Years is the largest number of distinct years accepted.
func (l LimitsSpec) Years() int { return orDefault(l.MaxYears, DefaultMaxYears) }

// Observations is the largest number of observations accepted.
func (l LimitsSpec) Observations() int { return orDefault(l.MaxObservations, DefaultMaxObservations) }

// Cells is the largest regions × indicators accepted.
func (l LimitsSpec) Cells() int { return orDefault(l.MaxCells, DefaultMaxCells) }

// rawLimits mirrors [limits] for decoding: a key given as 0 or less is an
// error, not the default.
type rawLimits struct {
	MaxFileMB        *float64 `toml:"max_file_mb"`
	MaxRegions       *int     `toml:"max_regions"`
	MaxIndicators    *int     `toml:"max_indicators"`
	MaxYears         *int     `toml:"max_years"`
	MaxObservations  *int     `toml:"max_observations"`
	MaxCells         *int     `toml:"max_cells"`
	MaxArticleMB     *int     `toml:"max_article_mb"`
	MaxTemplateSteps *int     `toml:"max_template_steps"`
	MaxCatalogMB     *int     `toml:"max_catalog_mb"`
}

// limitKeys are the keys of [limits] with their defaults, in order.
var limitKeys = []struct {
	key string
	def int
}{
	{"max_file_mb", DefaultMaxFileMB}, {"max_regions", DefaultMaxRegions}, {"max_indicators", DefaultMaxIndicators},
	{"max_years", DefaultMaxYears}, {"max_observations", DefaultMaxObservations}, {"max_cells", DefaultMaxCells},
	{"max_article_mb", DefaultMaxArticleMB}, {"max_template_steps", DefaultMaxTemplateSteps}, {"max_catalog_mb", DefaultMaxCatalogMB},
}

// fillLimits copies [limits] into the definition and reports values that
// are not positive.
func (d *Definition) fillLimits(raw rawLimits) ErrorList {
	var errs ErrorList
	ints := []*int{nil, raw.MaxRegions, raw.MaxIndicators, raw.MaxYears, raw.MaxObservations, raw.MaxCells,
		raw.MaxArticleMB, raw.MaxTemplateSteps, raw.MaxCatalogMB}
	dst := []*int{nil, &d.Limits.MaxRegions, &d.Limits.MaxIndicators, &d.Limits.MaxYears, &d.Limits.MaxObservations, &d.Limits.MaxCells,
		&d.Limits.MaxArticleMB, &d.Limits.MaxTemplateSteps, &d.Limits.MaxCatalogMB}
	if p := raw.MaxFileMB; p != nil {
		if !(*p > 0) || math.IsInf(*p, 0) {
			errs = append(errs, Errorf(d.KeyPos("limits", 0, "max_file_mb"),
				fmt.Sprintf("give a positive number of MB, e.g. max_file_mb = 512, or remove the key for the default (%d)", DefaultMaxFileMB),
				"max_file_mb = %g is not a positive number", *p))
		} else {
			d.Limits.MaxFileMB = *p
		}
	}
	for i := 1; i < len(ints); i++ {
		p := ints[i]
		if p == nil {
			continue
		}
		k := limitKeys[i]
		if *p <= 0 {
			errs = append(errs, Errorf(d.KeyPos("limits", 0, k.key),
				fmt.Sprintf("give a positive whole number, e.g. %s = %d, or remove the key for the default (%d)", k.key, 2*k.def, k.def),
				"%s = %d is not a positive number", k.key, *p))
			continue
		}
		*dst[i] = *p
	}
	return errs
}

// raiseHint tells how to raise the limit key to at least need (to a
// value not known when need is 0).
func raiseHint(key string, need int) string {
	if need <= 0 {
		return fmt.Sprintf("check that this is the right input; if it is, raise %s under [limits] in index.toml", key)
	}
	return fmt.Sprintf("check that this is the right input; if it is, raise the limit in index.toml: [limits] %s = %d", key, need)
}

// checkIndicatorLimit refuses more indicators than max_indicators, at the
// first entry over it.
func (d *Definition) checkIndicatorLimit() ErrorList {
	max := d.Limits.Indicators()
	if len(d.Indicators) <= max {
		return nil
	}
	return ErrorList{Errorf(d.KeyPos("indicator", max, ""), raiseHint("max_indicators", len(d.Indicators)),
		"%d indicators, over the limit of %d (max_indicators)", len(d.Indicators), max)}
}

// checkRegionLimit refuses a regions table with more rows than
// max_regions, at the first row over it, and one whose regions ×
// indicators exceed max_cells.
func (d *Definition) checkRegionLimit(t *Table) ErrorList {
	max, n := d.Limits.Regions(), len(t.Rows)+t.Over
	if n > max {
		pos := t.Pos(max, -1)
		if t.Over > 0 && len(t.Rows) == max { // the rows past the limit were counted, not kept
			pos = Pos{File: t.File, Line: t.OverLine}
		}
		return ErrorList{Errorf(pos, raiseHint("max_regions", n),
			"%d regions, over the limit of %d (max_regions)", n, max)}
	}
	cells, maxCells := len(t.Rows)*len(d.Indicators), d.Limits.Cells()
	if len(d.Indicators) > 0 && cells > maxCells {
		return ErrorList{Errorf(Pos{File: t.File}, raiseHint("max_cells", cells),
			"%d regions × %d indicators make %d cells, over the limit of %d (max_cells)", len(t.Rows), len(d.Indicators), cells, maxCells)}
	}
	return nil
}

// checkObservationLimit refuses more observations than max_observations,
// at the first one over it. Reading stops there, so how many there are
// in all is not known.
func (d *Definition) checkObservationLimit(obs []Observation) *InputError {
	max := d.Limits.Observations()
	if len(obs) <= max {
		return nil
	}
	pos := obs[max].Pos
	if pos.File == "" {
		pos = Pos{File: d.File}
	}
	return Errorf(pos, raiseHint("max_observations", 0),
		"more than %d observations (max_observations)", max)
}

// checkYearLimit refuses observations in more distinct years than
// max_years, at the first observation of the first year over it.
func (d *Definition) checkYearLimit(obs []Observation) *InputError {
	max := d.Limits.Years()
	seen := map[int]bool{}
	for _, o := range obs {
		if seen[o.Year] {
			continue
		}
		seen[o.Year] = true
		if len(seen) > max {
			pos := o.Pos
			if pos.File == "" {
				pos = Pos{File: d.File}
			}
			years := map[int]bool{}
			for _, o := range obs {
				years[o.Year] = true
			}
			return Errorf(pos, raiseHint("max_years", len(years)),
				"the observations span %d years, over the limit of %d (max_years); year %d is the first over it", len(years), max, o.Year)
		}
	}
	return nil
}
