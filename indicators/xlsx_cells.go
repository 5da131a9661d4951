package indicators

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize reads a cell whose formula has no saved result, and a shared
// string cell whose index is past the workbook's string table, as an
// empty cell: a value that is there in the workbook would become a missing
// value without a word. The sheet XML is therefore read once more, as a
// stream, for those two kinds of cell; formulas are then computed
// (excelize's CalcCellValue) and bad string indexes refused, naming the
// sheet, row and column.

// xlsxCellProblem is a cell excelize does not read as it stands.
type xlsxCellProblem struct {
	row, col int    // 1-based
	ref      string // A1 reference
	formula  bool   // a formula without a saved value (else a bad string index)
	index    string // the shared string index, for a bad one
}

// xlsxSheetPaths maps sheet names to the paths of their XML parts, and
// gives the path of the shared string table ("" when there is none), by
// reading the package's relationships as excelize does.
func xlsxSheetPaths(zr *zip.Reader) (sheets map[string]string, sst string, err error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	wb := "xl/workbook.xml"
	if rels, ok := files["_rels/.rels"]; ok {
		rs, err := xlsxRels(rels)
		if err != nil {
			return nil, "", err
		}
		for _, r := range rs {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wb = strings.TrimPrefix(path.Clean("/"+r.Target), "/")
			}
		}
	}
	dir := path.Dir(wb)
	byID := map[string]string{}
	if rels, ok := files[path.Join(dir, "_rels", path.Base(wb)+".rels")]; ok {
		rs, err := xlsxRels(rels)
		if err != nil {
			return nil, "", err
		}
		for _, r := range rs {
			target := r.Target
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(path.Clean(target), "/")
			} else {
				target = path.Join(dir, target)
			}
			byID[r.ID] = target
			if strings.HasSuffix(r.Type, "/sharedStrings") {
				sst = target
			}
		}
	}
	sheets = map[string]string{}
	wf, ok := files[wb]
	if !ok {
		return sheets, sst, nil
	}
	rc, err := wf.Open()
	if err != nil {
		return nil, "", err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, "", err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "sheet" {
			continue
		}
		var name, id string
		for _, a := range se.Attr {
			switch {
			case a.Name.Local == "name":
				name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				id = a.Value
			}
		}
		if p, ok := byID[id]; ok {
			sheets[name] = p
		}
	}
	return sheets, sst, nil
}

type xlsxRel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// xlsxRels reads a relationships part.
func xlsxRels(f *zip.File) ([]xlsxRel, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var doc struct {
		Rels []xlsxRel `xml:"Relationship"`
	}
	if err := xml.NewDecoder(rc).Decode(&doc); err != nil {
		return nil, err
	}
	return doc.Rels, nil
}

// xlsxStringCount counts the entries of the shared string table (the <si>
// elements of <sst>); 0 when there is none.
func xlsxStringCount(zr *zip.Reader, name string) (int, error) {
	if name == "" {
		return 0, nil
	}
	f, err := zr.Open(name)
	if err != nil {
		return 0, nil // no table: every shared string index is bad
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	n, depth := 0, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && t.Name.Local == "si" {
				n++
			}
		case xml.EndElement:
			depth--
		}
	}
}

// xlsxCellProblems streams a sheet's XML and lists its cells with a
// formula but no saved value (no <v> element) and its shared string cells
// whose index is not below strings.
func xlsxCellProblems(zr *zip.Reader, name string, nStrings int) ([]xlsxCellProblem, error) {
	f, err := zr.Open(name)
	if err != nil {
		return nil, nil // excelize read the sheet; nothing more to check
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	var out []xlsxCellProblem
	row, col := 0, 0
	var cur *xlsxCellProblem // the <c> being read
	var typ, v string
	var hasF, hasV, inV bool
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				row++
				if r, err := strconv.Atoi(attr(t, "r")); err == nil && r > 0 {
					row = r
				}
				col = 0
			case "c":
				col++
				ref := attr(t, "r")
				if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
					col, row = c, r
				} else {
					ref, _ = excelize.CoordinatesToCellName(col, max(row, 1))
				}
				cur = &xlsxCellProblem{row: row, col: col, ref: ref}
				typ, v, hasF, hasV = attr(t, "t"), "", false, false
			case "f":
				hasF = true
			case "v":
				hasV, inV = true, true
			}
		case xml.CharData:
			if inV {
				v += string(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "c":
				if cur == nil {
					continue
				}
				switch {
				case hasF && !hasV:
					cur.formula = true
					out = append(out, *cur)
				case typ == "s" && hasV && !validIndex(v, nStrings):
					cur.index = v
					out = append(out, *cur)
				}
				cur = nil
			}
		}
	}
}

// validIndex reports whether v is an index into a table of n entries.
func validIndex(v string, n int) bool {
	i, err := strconv.Atoi(strings.TrimSpace(v))
	return err == nil && i >= 0 && i < n
}

// attr returns the attribute name of an element, "" when absent.
func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// fixCells computes the formulas without a saved value of a sheet into
// raw (RawCellValue) and shown (formatted) rows, and reports those that
// cannot be computed and the bad shared string indexes, at their row and
// column of the sheet named shown.
func fixCells(f *excelize.File, sheet, shownName string, probs []xlsxCellProblem, raw, shown *[][]string) ErrorList {
	var errs ErrorList
	for _, p := range probs {
		pos := Pos{File: shownName, Line: p.row, Col: p.col}
		if !p.formula {
			errs = append(errs, Errorf(pos, "open the workbook in a spreadsheet program and save it again as .xlsx; if the cell is still empty, type its value in",
				"cell %s refers to shared string %s, which the workbook does not have (the file is damaged)", p.ref, quoteCell(p.index)))
			continue
		}
		formula, _ := f.GetCellFormula(sheet, p.ref)
		v, err := f.CalcCellValue(sheet, p.ref, excelize.Options{RawCellValue: true})
		if err == nil && strings.HasPrefix(v, "#") {
			err = errString(v)
		}
		if err != nil {
			errs = append(errs, Errorf(pos, "open the workbook in Excel or WPS and save it again so that the results of formulas are stored, or type the value in",
				"cell %s has the formula =%s without a saved result, and it cannot be computed: %v", p.ref, formula, err))
			continue
		}
		s, err := f.CalcCellValue(sheet, p.ref)
		if err != nil {
			s = v
		}
		setCell(raw, p.row, p.col, v)
		setCell(shown, p.row, p.col, s)
	}
	return errs
}

// errString is a spreadsheet error value (#DIV/0!, #NAME?) as an error.
type errString string

func (e errString) Error() string { return string(e) }

// setCell sets cell (row, col), 1-based, growing the rows as needed.
func setCell(rows *[][]string, row, col int, v string) {
	for len(*rows) < row {
		*rows = append(*rows, nil)
	}
	r := (*rows)[row-1]
	for len(r) < col {
		r = append(r, "")
	}
	r[col-1] = v
	(*rows)[row-1] = r
}

// checkXLSXCells finds and handles the cells of every sheet that excelize
// would read as empty though they are not (see fixCells). sheets holds the
// raw and shown rows of each sheet, by name.
func checkXLSXCells(f *excelize.File, b []byte, file string, names []string, raw, shown map[string]*[][]string) ErrorList {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil // excelize opened it; nothing more can be checked
	}
	paths, sst, err := xlsxSheetPaths(zr)
	if err != nil {
		return ErrorList{Errorf(Pos{File: file}, "open it in a spreadsheet program and save it again as .xlsx", "damaged XLSX file (%v)", err)}
	}
	n, err := xlsxStringCount(zr, sst)
	if err != nil {
		return ErrorList{Errorf(Pos{File: file}, "open it in a spreadsheet program and save it again as .xlsx", "damaged XLSX file (%v)", err)}
	}
	var errs ErrorList
	for _, sheet := range names {
		p, ok := paths[sheet]
		if !ok {
			continue
		}
		shownName := file + "[" + sheet + "]"
		probs, err := xlsxCellProblems(zr, p, n)
		if err != nil {
			errs = append(errs, Errorf(Pos{File: shownName}, "open it in a spreadsheet program and save it again as .xlsx", "cannot read the sheet: %v", err))
			continue
		}
		errs = append(errs, fixCells(f, sheet, shownName, probs, raw[sheet], shown[sheet])...)
	}
	return errs
}
