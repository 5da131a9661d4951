package indicators

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/govindex/govindex/internal/atomicfile"
	"github.com/xuri/excelize/v2"
)

// Table is a header and rows read from a CSV file or an XLSX sheet, with
// where each row came from so that problems can be pointed at.
//
// Cells are trimmed of surrounding white space (including U+3000), fully
// blank rows are left out, and every row has exactly len(Header) cells.
type Table struct {
	// File is the path shown to users; for an XLSX sheet it is
	// "data.xlsx[Sheet1]".
	File   string
	Header []string
	// HeaderLine is the 1-based line (sheet row) of the header.
	HeaderLine int
	Rows       [][]string
	// Lines[i] is the 1-based line of Rows[i] in the file (where the record
	// starts) or its row number in the sheet.
	Lines []int
}

// Pos is the position of cell col (0-based) of Rows[row]: Line is the
// row's line and Col the 1-based field number in CSV or column number in
// XLSX (both count from the first column, so they agree). A negative col
// gives the row alone.
func (t *Table) Pos(row, col int) Pos {
	p := Pos{File: t.File}
	if row >= 0 && row < len(t.Lines) {
		p.Line = t.Lines[row]
	}
	if col >= 0 && p.Line > 0 {
		p.Col = col + 1
	}
	return p
}

// HeaderPos is the position of header cell col (0-based); a negative col
// gives the header line alone.
func (t *Table) HeaderPos(col int) Pos {
	p := Pos{File: t.File, Line: t.HeaderLine}
	if col >= 0 && p.Line > 0 {
		p.Col = col + 1
	}
	return p
}

// Column returns the index of the header named name (case-insensitive),
// or -1.
func (t *Table) Column(name string) int {
	for i, h := range t.Header {
		if strings.EqualFold(h, name) {
			return i
		}
	}
	return -1
}

// ReadCSVTable reads a CSV file: the text is decoded as enc says (see
// DecodeText), the first non-blank record is the header and the rest are
// rows.
//
// A header with no rows is not an error here (callers decide whether data
// is required); an empty file, an unnamed or duplicated header, a quoting
// mistake or a row with a different number of fields than the header is.
// Problems are gathered into an ErrorList. When only some rows are bad the
// table of the good rows is returned along with the error, so that callers
// can go on checking them; header and syntax problems return no table.
func ReadCSVTable(file string, b []byte, enc string) (*Table, error) {
	text, derr := decodeText(b, enc)
	if derr != nil {
		derr.Pos.File = file
		return nil, ErrorList{derr}
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1 // ragged rows are reported below, with positions
	r.LazyQuotes = false
	r.TrimLeadingSpace = true // `a, "1,234"` is a quoted field after a space

	t := &Table{File: file}
	var errs ErrorList
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvSyntaxError(file, text, err))
			// The reader cannot resynchronise after a quoting mistake: the
			// rest of the file would be read as one field.
			if t.Header == nil {
				return nil, errs
			}
			return t, errs
		}
		line, _ := r.FieldPos(0)
		trimRecord(rec)
		if t.Header == nil {
			// A byte-order mark alone (after a space) is no header.
			rec[0] = strings.TrimSpace(strings.TrimPrefix(rec[0], "\uFEFF"))
		}
		if blankRecord(rec) {
			continue
		}
		if t.Header == nil {
			if err := t.setHeader(rec, line); err != nil {
				return nil, err
			}
			continue
		}
		switch n, m := len(rec), len(t.Header); {
		case n > m && blankRecord(rec[m:]):
			rec = rec[:m] // trailing empty fields, as spreadsheets write them
		case n > m:
			k := m
			for rec[k] == "" {
				k++
			}
			errs = append(errs, Errorf(Pos{File: file, Line: line, Col: k + 1},
				"quote values that contain commas (\"1,234\") or remove the extra fields",
				"row has %d fields but the header has %d", n, m))
			continue
		case n < m:
			errs = append(errs, Errorf(Pos{File: file, Line: line, Col: n + 1},
				"add the missing fields (leave a field empty, or write NA, for a missing value)",
				"row has %d fields but the header has %d", n, m))
			continue
		}
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, line)
	}
	if t.Header == nil {
		return nil, ErrorList{Errorf(Pos{File: file, Line: 1}, "write a header row and one row per record", "the file is empty")}
	}
	errs = append(errs, t.bidiErrors()...)
	return t, errs.Err()
}

// setHeader installs the header, dropping trailing unnamed columns
// (spreadsheets often save a few empty ones) and rejecting unnamed or
// repeated names.
func (t *Table) setHeader(rec []string, line int) ErrorList {
	rec[0] = strings.TrimSpace(strings.TrimPrefix(rec[0], "\uFEFF"))
	n := len(rec)
	for n > 0 && rec[n-1] == "" {
		n--
	}
	t.Header, t.HeaderLine = rec[:n:n], line
	var errs ErrorList
	seen := map[string]int{} // NameKey → column
	for i, h := range t.Header {
		k := NameKey(h)
		if k == "" {
			errs = append(errs, Errorf(t.HeaderPos(i), "name the column or delete it", "column %d has no name", i+1))
			continue
		}
		if j, dup := seen[k]; dup {
			errs = append(errs, Errorf(t.HeaderPos(i), "give each column a different name",
				"duplicate column %q (also at %s)", h, t.HeaderPos(j)))
			continue
		}
		seen[k] = i
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// csvSyntaxError turns an encoding/csv error into an *InputError whose
// column is the field number, as for every other cell problem.
func csvSyntaxError(file, text string, err error) *InputError {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Errorf(Pos{File: file}, "", "cannot read CSV: %v", err)
	}
	pos := Pos{File: file, Line: pe.Line, Col: fieldAt(text, pe.StartLine, pe.Line, pe.Column)}
	const hint = `put a field that contains quotes in double quotes and double each quote inside it, e.g. "say ""yes"""`
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return Errorf(pos, hint, `a " appears inside a field that does not start with one`)
	case errors.Is(pe.Err, csv.ErrQuote):
		if pe.StartLine != pe.Line {
			// Point at the record where the runaway field starts: that is
			// where the quote is missing.
			pos.Line = pe.StartLine
			return Errorf(pos, hint, `quoted field is not closed properly (it runs on to line %d)`, pe.Line)
		}
		return Errorf(pos, hint, `quoted field is not closed properly (a " must be followed by a comma or the end of the line)`)
	}
	return Errorf(pos, "", "cannot read CSV: %v", pe.Err)
}

// fieldAt returns the 1-based field number at byte column col of line,
// for a record that starts on startLine: it counts the commas outside
// quotes before that point. Before the error the text is well formed, so
// toggling on every quote tracks quoting (a doubled quote toggles twice).
func fieldAt(text string, startLine, line, col int) int {
	lines := strings.Split(text, "\n")
	field, quoted := 1, false
	for l := max(startLine, 1); l <= line && l <= len(lines); l++ {
		s := lines[l-1]
		end := len(s)
		if l == line {
			end = min(max(col-1, 0), len(s))
		}
		for i := 0; i < end; i++ {
			switch s[i] {
			case '"':
				quoted = !quoted
			case ',':
				if !quoted {
					field++
				}
			}
		}
	}
	return field
}

func trimRecord(rec []string) {
	for i, c := range rec {
		rec[i] = strings.TrimSpace(c)
	}
}

func blankRecord(rec []string) bool {
	for _, c := range rec {
		if c != "" {
			return false
		}
	}
	return true
}

// xlsxUnzipLimit caps the unpacked size of a workbook: 1 GiB, or 4 times
// max_file_mb when that is more (see LimitsSpec.unzipBytes).
const xlsxUnzipLimit = 1 << 30

// ReadXLSXTables reads every non-empty sheet of an XLSX workbook, in
// order, as a table named "file[Sheet]". The first non-blank row of a
// sheet is its header; cells are read as stored (RawCellValue), so numbers
// come without display formatting ("1234.5", not "1,234.50"), except that
// a cell shown as a percentage gives the number shown (35% is "35", as in
// a CSV file, rather than the stored 0.35). Rows may be
// shorter than the header (Excel leaves out trailing empty cells); a
// non-empty cell right of the last named column is an error.
//
// A workbook with no non-empty sheet gives no tables and no error.
func ReadXLSXTables(file string, b []byte) ([]*Table, error) {
	return readXLSXTables(file, b, xlsxUnzipLimit)
}

// readXLSXTables is ReadXLSXTables with the workbook's unpacked size
// limited to unzipLimit bytes.
func readXLSXTables(file string, b []byte, unzipLimit int64) ([]*Table, error) {
	if !bytes.HasPrefix(b, sigZip) {
		hint := "save it from a spreadsheet program as .xlsx, or name a CSV file with .csv"
		if bytes.HasPrefix(b, sigOLE2) {
			return nil, ErrorList{Errorf(Pos{File: file}, hint, "this is an old Excel (.xls) or encrypted workbook, which is not read")}
		}
		return nil, ErrorList{Errorf(Pos{File: file}, hint, "not an XLSX file")}
	}
	sheets, errs := readSheets(file, b, unzipLimit)
	var tables []*Table
	for _, sh := range sheets {
		t, serrs := sheetTable(sh.name, sh.rows)
		errs = append(errs, serrs...)
		if t != nil {
			tables = append(tables, t)
		}
	}
	return tables, errs.Err()
}

// rawSheet is a sheet's cells as excelize returns them.
type rawSheet struct {
	name string // shown name, file[Sheet]
	rows [][]string
}

// readSheets reads the cells of every sheet. excelize parses arbitrary ZIP
// and XML input; a panic in it on a damaged file becomes an error rather
// than the end of the run (only excelize runs under the recover, so our own
// bugs still crash loudly in tests and fuzzing).
func readSheets(file string, b []byte, unzipLimit int64) (sheets []rawSheet, errs ErrorList) {
	const hint = "open it in a spreadsheet program and save it again as .xlsx"
	defer func() {
		if p := recover(); p != nil {
			sheets, errs = nil, ErrorList{Errorf(Pos{File: file}, hint, "damaged XLSX file (%v)", p)}
		}
	}()
	// A data workbook is small; the limit stops a zip bomb from taking the
	// machine's memory (excelize's default is 16 GB).
	opts := excelize.Options{UnzipSizeLimit: unzipLimit}
	// excelize spills big sheets to temporary files: they go to a folder
	// registered for removal, so that an interrupted run leaves none.
	if tmp, err := atomicfile.MkdirTemp("", "govindex-xlsx-*"); err == nil {
		opts.TmpDir = tmp
		defer func() { os.RemoveAll(tmp); atomicfile.Forget(tmp) }()
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), opts)
	if err != nil && strings.HasPrefix(err.Error(), "unzip size exceeds") {
		return nil, ErrorList{Errorf(Pos{File: file}, "check that this is the right file; if it is, raise max_file_mb under [limits] in index.toml",
			"the workbook unpacks to more than %d bytes (4 times max_file_mb, at least 1 GiB)", unzipLimit)}
	}
	if err != nil {
		return nil, ErrorList{Errorf(Pos{File: file}, hint, "cannot open the workbook: %v", err)}
	}
	defer f.Close()
	var names []string
	raws, showns := map[string]*[][]string{}, map[string]*[][]string{}
	for _, sheet := range f.GetSheetList() {
		name := fmt.Sprintf("%s[%s]", file, sheet)
		if i, r := bidiIndex(sheet); i >= 0 {
			// The sheet's name is part of every position cited from it.
			errs = append(errs, Errorf(Pos{File: file}, "rename the sheet without the invisible direction mark: beside digits it changes the order they are shown in",
				"sheet name %q holds the invisible bidi control U+%04X", sheet, r))
			continue
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			errs = append(errs, Errorf(Pos{File: name}, hint, "cannot read the sheet: %v", err))
			continue
		}
		shown, err := f.GetRows(sheet)
		if err != nil {
			errs = append(errs, Errorf(Pos{File: name}, hint, "cannot read the sheet: %v", err))
			continue
		}
		names = append(names, sheet)
		raws[sheet], showns[sheet] = &rows, &shown
	}
	// Formulas without a saved result and broken shared strings read as
	// empty cells: compute or refuse them before the cells are used.
	errs = append(errs, checkXLSXCells(f, b, file, names, raws, showns)...)
	for _, sheet := range names {
		rows := *raws[sheet]
		percentCells(rows, *showns[sheet])
		sheets = append(sheets, rawSheet{fmt.Sprintf("%s[%s]", file, sheet), rows})
	}
	return sheets, errs
}

// percentCells rewrites the raw value of every cell displayed as a
// percentage into the number shown: Excel stores 35% as 0.35, while the
// same value typed into a CSV reads as 35 ("%" is stripped), and both must
// give the same observation.
func percentCells(raw, shown [][]string) {
	for r := range min(len(raw), len(shown)) {
		for c := range min(len(raw[r]), len(shown[r])) {
			if strings.HasSuffix(strings.TrimSpace(shown[r][c]), "%") {
				if p, ok := timesHundred(raw[r][c]); ok {
					raw[r][c] = p
				}
			}
		}
	}
}

// timesHundred multiplies a number written in decimal by 100 by moving
// its decimal exponent, so that 0.07 becomes exactly 7 (0.07*100 in
// floating point is 7.000000000000001).
func timesHundred(s string) (string, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return "", false
	}
	mant, exp, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, 64), "e")
	e, err := strconv.Atoi(exp)
	if err != nil {
		return "", false
	}
	w, err := strconv.ParseFloat(mant+"e"+strconv.Itoa(e+2), 64)
	if err != nil || math.IsInf(w, 0) {
		return "", false
	}
	return strconv.FormatFloat(w, 'g', -1, 64), true
}

// sheetTable builds a table from a sheet's rows (rows[i] is sheet row i+1);
// nil for a sheet with no non-blank cell.
func sheetTable(name string, rows [][]string) (*Table, ErrorList) {
	t := &Table{File: name}
	var errs ErrorList
	for i, rec := range rows {
		trimRecord(rec)
		if blankRecord(rec) {
			continue
		}
		if t.Header == nil {
			if herrs := t.setHeader(rec, i+1); herrs != nil {
				return nil, herrs
			}
			continue
		}
		m := len(t.Header)
		if len(rec) > m {
			if !blankRecord(rec[m:]) {
				k := m
				for rec[k] == "" {
					k++
				}
				errs = append(errs, Errorf(Pos{File: name, Line: i + 1, Col: k + 1},
					"give the column a header or clear the cell", "value %s is right of the last named column", quoteCell(rec[k])))
				continue
			}
			rec = rec[:m]
		}
		for len(rec) < m {
			rec = append(rec, "")
		}
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, i+1)
	}
	if t.Header == nil {
		return nil, nil
	}
	return t, append(errs, t.bidiErrors()...)
}
