package indicators

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
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
// whose index is not below nStrings.
//
// The sheet is scanned byte by byte rather than with encoding/xml, which
// would take a quarter of the time excelize needs to read the workbook:
// in XML every '<' outside comments, CDATA sections and processing
// instructions starts a tag, and only the tags c, f, v and row and the
// attributes r and t matter here.
func xlsxCellProblems(zr *zip.Reader, name string, nStrings int) ([]xlsxCellProblem, error) {
	f, err := zr.Open(name)
	if err != nil {
		return nil, nil // excelize read the sheet; nothing more to check
	}
	defer f.Close()
	return scanCellProblems(f, nStrings)
}

// scanCellProblems is xlsxCellProblems on the sheet XML r.
func scanCellProblems(r io.Reader, nStrings int) ([]xlsxCellProblem, error) {
	sc := &sheetScanner{r: bufio.NewReaderSize(r, 64<<10)}
	var out []xlsxCellProblem
	row, col := 0, 0
	inCell, inV := false, false
	var cell xlsxCellProblem
	var typ string
	var hasF, hasV bool
	var v []byte
	// Memory stays bounded whatever the sheet: one formula more than are
	// computed tells that there are too many, and MaxErrors bad indexes
	// are as many as are reported.
	nFormulas, nIndexes := 0, 0
	endCell := func() {
		switch {
		case hasF && !hasV:
			if nFormulas++; nFormulas <= maxComputedFormulas+1 {
				cell.formula = true
				out = append(out, cell)
			}
		case typ == "s" && hasV && !validIndex(string(v), nStrings):
			if nIndexes++; nIndexes <= MaxErrors {
				cell.index = string(v)
				out = append(out, cell)
			}
		}
		inCell = false
	}
	for {
		text, err := sc.text(inV)
		if inV {
			v = append(v, text...)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		tag, err := sc.tag()
		if err != nil {
			return nil, err
		}
		switch {
		case tag.name == "row" && !tag.end:
			row++
			if r, err := strconv.Atoi(tag.r); err == nil && r > 0 {
				row = r
			}
			col = 0
		case tag.name == "c" && !tag.end:
			col++
			ref := tag.r
			if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
				col, row = c, r
			} else {
				ref, _ = excelize.CoordinatesToCellName(col, max(row, 1))
			}
			cell = xlsxCellProblem{row: max(row, 1), col: col, ref: ref}
			typ, hasF, hasV, v, inCell = tag.t, false, false, v[:0], true
			if tag.selfClosing {
				endCell()
			}
		case tag.name == "c" && tag.end && inCell:
			endCell()
		case tag.name == "f" && !tag.end && inCell:
			hasF = true
		case tag.name == "v" && !tag.end && inCell:
			hasV, inV = true, !tag.selfClosing
		case tag.name == "v" && tag.end:
			inV = false
		}
	}
}

// sheetScanner reads the tags of an XML document.
type sheetScanner struct {
	r *bufio.Reader
}

// sheetTag is a start or end tag: its local name (without a namespace
// prefix) and, for a start tag, its r and t attributes.
type sheetTag struct {
	name        string
	end         bool
	selfClosing bool
	r, t        string
}

// maxKeptText bounds the text kept from a <v> element: a shared string
// index has a few digits, and a longer value is bad anyway.
const maxKeptText = 64

// text reads up to the next '<' (consumed) and returns the text before it
// when keep is set (at most maxKeptText bytes, entities left as they are).
func (s *sheetScanner) text(keep bool) ([]byte, error) {
	var out []byte
	for {
		chunk, err := s.r.ReadSlice('<')
		if keep && len(out) < maxKeptText {
			out = append(out, chunk[:min(len(chunk), maxKeptText-len(out))]...)
		}
		switch err {
		case nil:
			if keep && len(out) > 0 && out[len(out)-1] == '<' {
				out = out[:len(out)-1]
			}
			return out, nil
		case bufio.ErrBufferFull:
			continue
		default:
			return out, err
		}
	}
}

// tag reads the markup after a '<': a tag, or a comment, CDATA section,
// processing instruction or declaration, which give an empty tag.
func (s *sheetScanner) tag() (sheetTag, error) {
	var t sheetTag
	c, err := s.r.ReadByte()
	if err != nil {
		return t, eofIsBroken(err)
	}
	switch c {
	case '!':
		head, _ := s.r.Peek(7)
		switch {
		case bytes.HasPrefix(head, []byte("--")):
			return t, s.skipPast("-->")
		case bytes.HasPrefix(head, []byte("[CDATA[")):
			return t, s.skipPast("]]>")
		}
		return t, s.skipPast(">")
	case '?':
		return t, s.skipPast("?>")
	case '/':
		t.end = true
	default:
		if err := s.r.UnreadByte(); err != nil {
			return t, err
		}
	}
	name, err := s.name()
	if err != nil {
		return t, err
	}
	t.name = name
	for {
		c, err := s.skipSpace()
		if err != nil {
			return t, err
		}
		switch c {
		case '>':
			return t, nil
		case '/':
			t.selfClosing = true
			continue
		}
		if err := s.r.UnreadByte(); err != nil {
			return t, err
		}
		key, err := s.name()
		if err != nil {
			return t, err
		}
		if c, err = s.skipSpace(); err != nil {
			return t, err
		}
		if c != '=' {
			return t, errors.New("attribute without a value")
		}
		if c, err = s.skipSpace(); err != nil {
			return t, err
		}
		if c != '"' && c != '\'' {
			return t, errors.New("attribute value without quotes")
		}
		val, err := s.r.ReadSlice(c)
		if err != nil {
			return t, eofIsBroken(err)
		}
		switch key {
		case "r":
			t.r = string(val[:len(val)-1])
		case "t":
			t.t = string(val[:len(val)-1])
		}
	}
}

// name reads an XML name and returns its local part.
func (s *sheetScanner) name() (string, error) {
	var b []byte
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			return "", eofIsBroken(err)
		}
		switch c {
		case ' ', '\t', '\r', '\n', '/', '>', '=':
			if err := s.r.UnreadByte(); err != nil {
				return "", err
			}
			if i := bytes.LastIndexByte(b, ':'); i >= 0 {
				b = b[i+1:]
			}
			return string(b), nil
		}
		if len(b) < 64 {
			b = append(b, c)
		}
	}
}

// skipSpace skips white space and returns the next byte.
func (s *sheetScanner) skipSpace() (byte, error) {
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			return 0, eofIsBroken(err)
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c, nil
		}
	}
}

// skipPast reads up to and including end.
func (s *sheetScanner) skipPast(end string) error {
	last := end[len(end)-1]
	var tail []byte
	for {
		chunk, err := s.r.ReadSlice(last)
		if err == bufio.ErrBufferFull {
			tail = append(tail[:0], chunk[max(0, len(chunk)-len(end)):]...)
			continue
		}
		if err != nil {
			return eofIsBroken(err)
		}
		tail = append(tail, chunk...)
		if bytes.HasSuffix(tail, []byte(end)) {
			return nil
		}
		tail = append(tail[:0], tail[max(0, len(tail)-len(end)):]...)
	}
}

// eofIsBroken turns an end of file inside markup into an error.
func eofIsBroken(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
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
func fixCells(f *excelize.File, sheet, shownName string, probs []xlsxCellProblem, set func(row, col int, raw, shown string)) ErrorList {
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
			errs = append(errs, Errorf(pos, hintFormulaResults,
				"cell %s has the formula =%s without a saved result, and it cannot be computed: %v", p.ref, formula, err))
			continue
		}
		s, err := f.CalcCellValue(sheet, p.ref)
		if err != nil {
			s = v
		}
		set(p.row, p.col, v, s)
	}
	return errs
}

// maxComputedFormulas is how many formulas without a saved result a sheet
// may have: a few typed in by a program, not a sheet saved without any.
// A variable so that tests can lower it.
var maxComputedFormulas = 10000

// hintFormulaResults is the fix for formulas that have no saved result.
const hintFormulaResults = "open the workbook in Excel or WPS and save it again so that the results of formulas are stored, or type the value in"

// countFormulas counts the formula problems.
func countFormulas(probs []xlsxCellProblem) int {
	n := 0
	for _, p := range probs {
		if p.formula {
			n++
		}
	}
	return n
}

// errString is a spreadsheet error value (#DIV/0!, #NAME?) as an error.
type errString string

func (e errString) Error() string { return string(e) }

// cellFix is a cell whose value excelize reads as empty, put right: a
// formula without a saved result, computed (raw and shown values).
type cellFix struct {
	col        int // 1-based
	raw, shown string
}

// apply sets the fixed cell in a row's stored and shown values.
func (c cellFix) apply(raw, shown []string) ([]string, []string) {
	for len(raw) < c.col {
		raw = append(raw, "")
	}
	for len(shown) < c.col {
		shown = append(shown, "")
	}
	raw[c.col-1], shown[c.col-1] = c.raw, c.shown
	return raw, shown
}

// xlsxCellFixes finds, in the sheets named, the cells excelize reads as
// empty although they are not: formulas without a saved result are
// computed (the fixes, by sheet and 1-based row), those that cannot be
// and shared strings the workbook lacks are refused naming sheet, row
// and column.
func xlsxCellFixes(f *excelize.File, b []byte, file string, names []string) (map[string]map[int][]cellFix, ErrorList) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, nil // excelize opened it; nothing more can be checked
	}
	paths, sst, err := xlsxSheetPaths(zr)
	if err != nil {
		return nil, ErrorList{Errorf(Pos{File: file}, "open it in a spreadsheet program and save it again as .xlsx", "damaged XLSX file (%v)", err)}
	}
	n, err := xlsxStringCount(zr, sst)
	if err != nil {
		return nil, ErrorList{Errorf(Pos{File: file}, "open it in a spreadsheet program and save it again as .xlsx", "damaged XLSX file (%v)", err)}
	}
	var errs ErrorList
	fixes := map[string]map[int][]cellFix{}
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
		if countFormulas(probs) > maxComputedFormulas {
			// Computing is slow (each formula is parsed and evaluated
			// alone): a sheet of formulas is saved again, not computed.
			errs = append(errs, Errorf(Pos{File: shownName}, hintFormulaResults,
				"more than %d cells have a formula without a saved result (that many are computed, no more)", maxComputedFormulas))
			continue
		}
		rows := map[int][]cellFix{}
		errs = append(errs, fixCells(f, sheet, shownName, probs, func(row, col int, raw, shown string) {
			rows[row] = append(rows[row], cellFix{col: col, raw: raw, shown: shown})
		})...)
		fixes[sheet] = rows
	}
	return fixes, errs
}
