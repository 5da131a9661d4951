package indicators

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
	"sync"
)

// MaxErrors is how many problems LoadData lists before it only counts the
// rest: enough to fix a batch at once, few enough to read.
const MaxErrors = 100

// LoadData reads the regions file and every observation table the
// definition names (paths relative to it, through Definition.ReadFile).
// Files named *.xlsx are workbooks whose non-empty sheets are observation
// tables; everything else is CSV, decoded with encoding when it is
// non-empty and with the definition's [index] encoding otherwise.
//
// When the definition declares [[source]] entries, LoadData then runs the
// collectors (see Collect) for the years with data in the observation
// tables, [index] year and the year of each entry's as_of, and adds their
// observations; there must be at least one such year. (A definition with
// no [[source]] entry collects nothing: scoring.Check reports the
// indicators whose source needs one.) The collectors' warnings go to
// Dataset.Warnings.
//
// Problems across all files, including the same observation given twice
// in different files, are returned together as an ErrorList of at most
// MaxErrors entries plus one that counts the rest. Dataset.SHA256 is the
// hex SHA-256 over, for the regions file, then each data file in order,
// then each evidence file read (in the order of [[source]] entries and
// their files), its relative name as written in index.toml, a NUL byte and
// its bytes.
func LoadData(def *Definition, encoding string) (*Dataset, error) {
	encPos := Pos{File: "--encoding"}
	if encoding == "" {
		encoding, encPos = def.Index.Encoding, def.KeyPos("index", 0, "encoding")
	}
	var errs ErrorList
	if _, ok := NormaliseEncoding(encoding); !ok {
		return nil, ErrorList{Errorf(encPos,
			`use "auto", "utf-8" or "gb18030" (which also reads GBK and GB2312)`, "unknown text encoding %q", encoding)}
	}
	if def.Index.Regions == "" {
		return nil, ErrorList{Errorf(def.KeyPos("index", 0, "regions"),
			`add regions = "regions.csv" to [index]: a table with the columns code,name`, "the index names no regions file")}
	}
	hash := sha256.New()
	// read reads a file index.toml names at pos; a file that is missing,
	// unreadable or too large is reported there.
	read := func(rel, kind string, pos Pos) ([]byte, string, bool) {
		b, shown, err := def.readNamed(rel, kind, pos)
		if err != nil {
			errs = append(errs, asInputErrors(err, shown)...)
			return nil, shown, false
		}
		hash.Write([]byte(rel))
		hash.Write([]byte{0})
		hash.Write(b)
		return b, shown, true
	}
	// tables reads the tables of a file, keeping at most maxRows rows of
	// each (the rest are counted: see checkRegionLimit and tableOverLimit).
	// Data rows past the limit need not be counted (the error says "more
	// than"), so a workbook's sheet stops there (stop); regions are (it
	// says how many).
	tables := func(rel, shown string, b []byte, maxRows int, stop bool) []*Table {
		switch strings.ToLower(path.Ext(rel)) {
		case ".xlsx", ".xlsm":
			ts, err := readXLSXTables(shown, b, xlsxLimits{unzip: def.Limits.unzipBytes(), maxRows: maxRows, stop: stop})
			errs = append(errs, asInputErrors(err, shown)...)
			if err == nil && len(ts) == 0 {
				errs = append(errs, Errorf(Pos{File: shown}, "fill in a sheet with a header row and data", "the workbook has no data"))
			}
			return ts
		case ".xls":
			errs = append(errs, Errorf(Pos{File: shown}, "save it as .xlsx or as CSV (UTF-8)", "old Excel (.xls) files are not read"))
			return nil
		}
		t, err := readCSVTable(shown, b, encoding, maxRows)
		errs = append(errs, asInputErrors(err, shown)...)
		if t == nil {
			return nil
		}
		return []*Table{t}
	}

	var regions []*Region
	if b, shown, ok := read(def.Index.Regions, "regions", def.valuePos("index", 0, "regions", def.Index.Regions)); ok {
		if ts := tables(def.Index.Regions, shown, b, def.Limits.Regions(), false); len(ts) > 0 {
			// A workbook of regions uses its first sheet.
			if lerrs := def.checkRegionLimit(ts[0]); len(lerrs) > 0 {
				// Without regions no data is read: the limit is the news.
				return nil, lerrs
			}
			list, err := readRegions(ts[0], def.denominatorColumns(ts[0]))
			errs = append(errs, asInputErrors(err, shown)...)
			regions = list
		}
	}
	rs := NewRegionSet(regions)

	set := newObsSet(0)
	listed := map[string]bool{}
	overLimit := false
	for _, rel := range def.Index.Data {
		if overLimit {
			break
		}
		if listed[rel] {
			// Reading it again would report every value as a duplicate.
			errs = append(errs, Errorf(def.KeyPos("index", 0, "data"), "name each file once in data",
				"data file %q is listed twice", rel))
			continue
		}
		listed[rel] = true
		b, shown, ok := read(rel, "data", def.valuePos("index", 0, "data", rel))
		if !ok {
			continue
		}
		for _, t := range tables(rel, shown, b, def.Limits.Observations(), true) {
			if t.Over > 0 {
				// Every row holds at least one observation.
				errs = append(errs, Errorf(Pos{File: t.File, Line: t.OverLine}, raiseHint("max_observations", 0),
					"more than %d observations (max_observations)", def.Limits.Observations()))
				overLimit = true
				break
			}
			if len(regions) == 0 {
				// Without regions every row would be "unknown region":
				// the regions file's own errors say what to fix.
				continue
			}
			obs, err := ReadObservations(t, def, rs)
			errs = append(errs, asInputErrors(err, t.File)...)
			errs = set.addAll(obs, errs)
			if e := def.checkObservationLimit(set.out); e != nil {
				errs = append(errs, e)
				overLimit = true
				break
			}
		}
	}
	// Evidence: the collectors' observations, for the years of the tables,
	// [index] year and the years of the as_of dates. Without regions every
	// record would be "unknown region".
	var warnings []string
	if len(def.Sources) > 0 && len(regions) > 0 && !overLimit {
		obs, warns, err := collect(def, rs, collectYears(def, set.out), encoding, func(rel string, b []byte) {
			hash.Write([]byte(rel))
			hash.Write([]byte{0})
			hash.Write(b)
		})
		warnings = warns
		errs = append(errs, asInputErrors(err, def.File)...)
		set.index(len(obs))
		for _, o := range obs {
			if err := set.add(o); err != nil {
				errs = append(errs, err)
			}
		}
		if e := def.checkObservationLimit(set.out); e != nil {
			errs = append(errs, e)
			overLimit = true
		}
	}
	if !overLimit {
		if e := def.checkYearLimit(set.out); e != nil {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return nil, capErrors(errs, def.File)
	}
	return &Dataset{Regions: rs, Observations: set.out, Warnings: warnings, SHA256: hex.EncodeToString(hash.Sum(nil)), evOnce: new(sync.Once)}, nil
}

// asInputErrors flattens err into input errors; an error that is not
// about the input (none of the readers return one today) is reported
// against the file.
func asInputErrors(err error, file string) ErrorList {
	switch e := err.(type) {
	case nil:
		return nil
	case ErrorList:
		return e
	case *InputError:
		return ErrorList{e}
	}
	return ErrorList{Errorf(Pos{File: file}, "", "%v", err)}
}

// capErrors keeps the first MaxErrors problems and says how many more
// there were.
func capErrors(errs ErrorList, file string) ErrorList {
	if len(errs) <= MaxErrors {
		return errs
	}
	more := len(errs) - MaxErrors
	out := append(errs[:MaxErrors:MaxErrors], Errorf(Pos{File: file}, "fix the problems above and run again to see the rest",
		"%d more %s not shown", more, pluralise(more, "problem", "problems")))
	return out
}

// denominatorColumns marks the columns of a regions table that some
// indicator divides by (compared by NameKey): every cell of them must be a
// number or a missing marker.
func (d *Definition) denominatorColumns(t *Table) map[int]bool {
	cols := map[int]bool{}
	for _, ind := range d.Indicators {
		if ind.Denominator == "" {
			continue
		}
		key := NameKey(ind.Denominator)
		for i, h := range t.Header {
			if NameKey(h) == key {
				cols[i] = true
			}
		}
	}
	return cols
}
