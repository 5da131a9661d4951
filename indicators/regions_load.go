package indicators

import (
	"slices"
	"strings"
)

// regionColumns maps the known regions.csv headers (lower case) and their
// Chinese aliases to the Region field they fill.
var regionColumns = map[string]string{
	"code": "code", "代码": "code", "编码": "code",
	"name": "name", "名称": "name", "地区": "name",
	"name_en": "name_en", "英文名": "name_en", "英文名称": "name_en",
	"level": "level", "级别": "level",
	"parent": "parent", "上级": "parent",
	"group": "group", "分组": "group",
}

const hintRegionsHeader = "regions.csv starts with a header such as code,name,name_en,level,parent,group,population"

// ReadRegions reads a regions table: code,name[,name_en,level,parent,group,…]
// (headers are case-insensitive; 代码/编码, 名称/地区, 英文名, 级别, 上级 and 分组
// are accepted too). Every other column is kept as text in Extra, keyed by
// its header as written, and, where the cell is a number, in Attrs (for
// denominators such as population) keyed by the header's NameKey. A cell
// of NaN, Inf or a number too large for a float64 (1e400) is an error in
// any column: it would otherwise be a missing value without a word.
//
// Codes must be present and unique, names too, and a name may not be
// another region's code (a lookup would be ambiguous); all three are
// judged by NameKey, so a second 北京市 written with a zero-width space is
// a duplicate. All problems are
// returned together as an ErrorList, along with the regions that are
// fine, so that callers can go on checking the data that refers to them.
func ReadRegions(t *Table) ([]*Region, error) {
	return readRegions(t, nil)
}

// regionNumberHint is the fix for a bad number in a regions column.
const regionNumberHint = "write a finite number such as 21542000 (1.2万 and \"1,234\" are read too), or leave the cell empty or write NA when it is not known"

// duplicateRegionError reports a region code or name (field) that repeats
// the one at pos; when the two are not written alike, it says they differ
// only by what cannot be seen.
func duplicateRegionError(at Pos, field, text, first string, pos Pos) *InputError {
	if text == first {
		if field == "code" {
			return Errorf(at, "give each region its own code", "duplicate region code %q (also at %s)", text, pos)
		}
		return Errorf(at, "give each region its own name", "duplicate region name %q (also at %s)", text, pos)
	}
	const hint = "delete one of the two rows, or tell them apart by visible characters; remove the invisible characters (zero-width spaces, joiners, direction marks) that came with copied text"
	if field == "code" {
		return Errorf(at, hint, "region code %q is the same as %q at %s once invisible characters and character widths are ignored", text, first, pos)
	}
	return Errorf(at, hint, "region name %q is the same as %q at %s once invisible characters and character widths are ignored", text, first, pos)
}

// readRegions is ReadRegions where the columns numericCols marks (by
// index, those used as denominators) must hold numbers or missing
// markers in every row.
func readRegions(t *Table, numericCols map[int]bool) ([]*Region, error) {
	var errs ErrorList
	cols := map[string]int{}
	var extra []int
	for i, h := range t.Header {
		field, known := regionColumns[strings.ToLower(NameKey(h))]
		if !known {
			extra = append(extra, i)
			continue
		}
		if j, dup := cols[field]; dup {
			errs = append(errs, Errorf(t.HeaderPos(i), "keep one of the two columns",
				"column %q repeats column %q (%s)", h, t.Header[j], t.HeaderPos(j)))
			continue
		}
		cols[field] = i
	}
	for _, need := range []string{"code", "name"} {
		if _, ok := cols[need]; !ok {
			errs = append(errs, Errorf(t.HeaderPos(-1), hintRegionsHeader,
				"regions table has no %q column (header: %s)", need, strings.Join(t.Header, ",")))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(t.Rows) == 0 {
		return nil, ErrorList{Errorf(t.HeaderPos(-1), "add one row per region below the header", "no regions")}
	}

	cell := func(row int, field string) string {
		if i, ok := cols[field]; ok {
			return t.Rows[row][i]
		}
		return ""
	}
	var list []*Region
	// Codes and names are compared by NameKey: a second 北京市 that differs
	// only by a zero-width space or full-width digits is a duplicate.
	byCode := map[string]int{} // code key → row
	byName := map[string]int{} // name key → row
	for row, rec := range t.Rows {
		code, name := cell(row, "code"), cell(row, "name")
		codeKey, nameKey := NameKey(code), NameKey(name)
		codePos, namePos := t.Pos(row, cols["code"]), t.Pos(row, cols["name"])
		ok := true
		switch j, dup := byCode[codeKey]; {
		case codeKey == "":
			errs = append(errs, Errorf(codePos, "give every region a code (GB/T 2260 codes such as 520000 are the convention)", "region code is empty"))
			ok = false
		case dup:
			errs = append(errs, duplicateRegionError(codePos, "code", code, cell(j, "code"), t.Pos(j, cols["code"])))
			ok = false
		}
		switch j, dup := byName[nameKey]; {
		case nameKey == "":
			errs = append(errs, Errorf(namePos, "give every region a name", "region name is empty"))
			ok = false
		case dup:
			errs = append(errs, duplicateRegionError(namePos, "name", name, cell(j, "name"), t.Pos(j, cols["name"])))
			ok = false
		}
		if !ok {
			continue
		}
		byCode[codeKey], byName[nameKey] = row, row
		r := &Region{
			Code:   code,
			Name:   name,
			NameEn: cell(row, "name_en"),
			Level:  cell(row, "level"),
			Parent: cell(row, "parent"),
			Group:  cell(row, "group"),
			Pos:    t.Pos(row, -1),
		}
		for _, i := range extra {
			if r.Extra == nil {
				r.Extra, r.Attrs = map[string]string{}, map[string]float64{}
			}
			r.Extra[t.Header[i]] = rec[i]
			v, missing, err := ParseNumber(rec[i])
			switch {
			case err == nil && !missing:
				r.Attrs[NameKey(t.Header[i])] = v
			case err != nil && (nonFinite(rec[i]) || numericCols[i]):
				// NaN, Inf or 1e400 is never a value, and a column used as
				// a denominator holds numbers: a silent gap would change
				// the rates.
				errs = append(errs, Errorf(t.Pos(row, i), regionNumberHint, "column %q: %v", t.Header[i], err))
			}
		}
		list = append(list, r)
	}
	// A name equal to another region's code would make a lookup by that
	// text pick the code silently.
	for name, row := range byName {
		if j, clash := byCode[name]; clash && j != row {
			errs = append(errs, Errorf(t.Pos(row, cols["name"]), "rename the region so that names and codes differ",
				"region name %q is the code of the region at %s", cell(row, "name"), t.Pos(j, cols["code"])))
		}
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return list, errs
	}
	return list, nil
}

// sortErrors orders problems by file, line and column (map iteration and
// multi-pass checks would otherwise make the order vary between runs).
func sortErrors(errs ErrorList) {
	slices.SortStableFunc(errs, func(a, b *InputError) int {
		if c := strings.Compare(a.Pos.File, b.Pos.File); c != 0 {
			return c
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
}
