package indicators

import (
	"archive/zip"
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
	// Over counts the rows past the reader's row limit, counted but not
	// kept (so a table far over a [limits] key costs no memory), and
	// OverLine is the line of the first of them.
	Over, OverLine int
}

// keep adds a row, or counts it when the table already holds maxRows
// (0: no limit).
func (t *Table) keep(rec []string, line, maxRows int) {
	if maxRows > 0 && len(t.Rows) >= maxRows {
		if t.Over == 0 {
			t.OverLine = line
		}
		t.Over++
		return
	}
	t.Rows = append(t.Rows, rec)
	t.Lines = append(t.Lines, line)
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
	return readCSVTable(file, b, enc, 0)
}

// readCSVTable is ReadCSVTable keeping at most maxRows rows (0: all); the
// rest are counted in Table.Over.
func readCSVTable(file string, b []byte, enc string, maxRows int) (*Table, error) {
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
		t.keep(rec, line, maxRows)
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

// A workbook is read so that memory follows the cells kept, not the size
// of the file unpacked: worksheets over xlsxSpill bytes are unpacked to a
// temporary file and read a row at a time, and the parts read into memory
// (styles, shared strings, the workbook, small sheets) may unpack to
// xlsxMemoryParts bytes in all. A data workbook's styles and shared
// strings are a small part of it.
const (
	xlsxSpill       = 1 << 20
	xlsxMemoryParts = 64 << 20
)

// xlsxLimits bound the reading of a workbook.
type xlsxLimits struct {
	unzip   int64 // unpacked size of the whole workbook
	maxRows int   // rows kept per sheet (0: all); the rest are counted in Table.Over
	// stop ends a sheet at its first row over maxRows (Over is then 1),
	// when the number of rows past the limit need not be told: reading
	// the rest of a large sheet takes minutes.
	stop bool
}

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
	return readXLSXTables(file, b, xlsxLimits{unzip: xlsxUnzipLimit})
}

// readXLSXTables is ReadXLSXTables within lim.
func readXLSXTables(file string, b []byte, lim xlsxLimits) ([]*Table, error) {
	if !bytes.HasPrefix(b, sigZip) {
		hint := "save it from a spreadsheet program as .xlsx, or name a CSV file with .csv"
		if bytes.HasPrefix(b, sigOLE2) {
			return nil, ErrorList{Errorf(Pos{File: file}, hint, "this is an old Excel (.xls) or encrypted workbook, which is not read")}
		}
		return nil, ErrorList{Errorf(Pos{File: file}, hint, "not an XLSX file")}
	}
	if e := checkXLSXParts(file, b, lim.unzip); e != nil {
		return nil, ErrorList{e}
	}
	tables, errs := readSheets(file, b, lim)
	return tables, errs.Err()
}

// unzipHint is the fix for a workbook over an unpacked-size limit.
const unzipHint = "check that this is the right file; if it is, raise max_file_mb under [limits] in index.toml"

// checkXLSXParts refuses a workbook whose parts, by the sizes its ZIP
// directory declares (the ZIP reader holds each part to its declared
// size), unpack to more than unzip bytes, or whose parts read into memory
// unpack to more than xlsxMemoryParts. A damaged archive is left to
// excelize to report.
func checkXLSXParts(file string, b []byte, unzip int64) *InputError {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil
	}
	var total, inMemory uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		total += size
		if total > uint64(unzip) {
			return Errorf(Pos{File: file}, unzipHint,
				"the workbook unpacks to more than %d bytes (4 times max_file_mb, at least 1 GiB)", unzip)
		}
		sheet := strings.HasPrefix(strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/")), "xl/worksheets/sheet")
		if !sheet || size <= xlsxSpill {
			inMemory += size
		}
		if inMemory > xlsxMemoryParts {
			return Errorf(Pos{File: file}, "save the sheets again from a spreadsheet program, or save them as CSV: styles and shared strings this large are not a data workbook's",
				"the workbook's styles, shared strings and other parts unpack to more than %d bytes", xlsxMemoryParts)
		}
	}
	return nil
}

// readSheets reads the tables of every sheet, a row at a time. excelize
// parses arbitrary ZIP and XML input; a panic in it on a damaged file
// becomes an error rather than the end of the run (only excelize runs
// under the recover, so our own bugs still crash loudly in tests and
// fuzzing).
func readSheets(file string, b []byte, lim xlsxLimits) (tables []*Table, errs ErrorList) {
	const hint = "open it in a spreadsheet program and save it again as .xlsx"
	defer func() {
		if p := recover(); p != nil {
			tables, errs = nil, ErrorList{Errorf(Pos{File: file}, hint, "damaged XLSX file (%v)", p)}
		}
	}()
	// The unzip limit stops a zip bomb (excelize's default is 16 GB);
	// sheets over xlsxSpill go to temporary files, not memory.
	opts := excelize.Options{UnzipSizeLimit: lim.unzip, UnzipXMLSizeLimit: xlsxSpill}
	// excelize spills big sheets to temporary files: they go to a folder
	// registered for removal, so that an interrupted run leaves none.
	if tmp, err := atomicfile.MkdirTemp("", "govindex-xlsx-*"); err == nil {
		opts.TmpDir = tmp
		defer func() { os.RemoveAll(tmp); atomicfile.Forget(tmp) }()
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), opts)
	if err != nil && strings.HasPrefix(err.Error(), "unzip size exceeds") {
		return nil, ErrorList{Errorf(Pos{File: file}, unzipHint,
			"the workbook unpacks to more than %d bytes (4 times max_file_mb, at least 1 GiB)", lim.unzip)}
	}
	if err != nil {
		return nil, ErrorList{Errorf(Pos{File: file}, hint, "cannot open the workbook: %v", err)}
	}
	defer f.Close()
	var names []string
	for _, sheet := range f.GetSheetList() {
		if i, r := bidiIndex(sheet); i >= 0 {
			// The sheet's name is part of every position cited from it.
			errs = append(errs, Errorf(Pos{File: file}, "rename the sheet without the invisible direction mark: beside digits it changes the order they are shown in",
				"sheet name %q holds the invisible bidi control U+%04X", sheet, r))
			continue
		}
		names = append(names, sheet)
	}
	// Formulas without a saved result and broken shared strings read as
	// empty cells: computed (or refused) first, and put in place as the
	// rows are read.
	fixes, ferrs := xlsxCellFixes(f, b, file, names)
	errs = append(errs, ferrs...)
	for _, sheet := range names {
		name := fmt.Sprintf("%s[%s]", file, sheet)
		t, serrs, err := readSheet(f, sheet, name, lim, fixes[sheet])
		if err != nil {
			errs = append(errs, Errorf(Pos{File: name}, hint, "cannot read the sheet: %v", err))
			continue
		}
		errs = append(errs, serrs...)
		if t != nil {
			tables = append(tables, t)
		}
	}
	return tables, errs
}

// readSheet reads one sheet a row at a time: the stored values and, from
// a second pass in step, the values shown, for the percentages.
func readSheet(f *excelize.File, sheet, name string, lim xlsxLimits, fixes map[int][]cellFix) (*Table, ErrorList, error) {
	raw, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, err
	}
	defer raw.Close()
	shown, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, err
	}
	defer shown.Close()
	sr := sheetRows{t: &Table{File: name}, maxRows: lim.maxRows}
	for row := 1; raw.Next() && !(lim.stop && sr.t.Over > 0); row++ {
		shown.Next()
		rec, err := raw.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, err
		}
		disp, err := shown.Columns()
		if err != nil {
			return nil, nil, err
		}
		for _, fx := range fixes[row] {
			rec, disp = fx.apply(rec, disp)
		}
		percentRow(rec, disp)
		sr.add(rec, row)
	}
	if err := raw.Error(); err != nil {
		return nil, nil, err
	}
	t, errs := sr.table()
	return t, errs, nil
}

// percentRow is percentCells for one row.
func percentRow(raw, shown []string) {
	for c := range min(len(raw), len(shown)) {
		if strings.HasSuffix(strings.TrimSpace(shown[c]), "%") {
			if p, ok := timesHundred(raw[c]); ok {
				raw[c] = p
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

// sheetRows builds a table from a sheet's rows given one at a time,
// keeping at most maxRows of them (0: all).
type sheetRows struct {
	t       *Table
	errs    ErrorList
	maxRows int
	failed  bool // the header is bad: the rest is not read
}

// add adds sheet row number row.
func (sr *sheetRows) add(rec []string, row int) {
	t := sr.t
	if sr.failed {
		return
	}
	trimRecord(rec)
	if blankRecord(rec) {
		return
	}
	if t.Header == nil {
		if herrs := t.setHeader(rec, row); herrs != nil {
			sr.errs, sr.failed = herrs, true
		}
		return
	}
	m := len(t.Header)
	if len(rec) > m {
		if !blankRecord(rec[m:]) {
			k := m
			for rec[k] == "" {
				k++
			}
			sr.errs = append(sr.errs, Errorf(Pos{File: t.File, Line: row, Col: k + 1},
				"give the column a header or clear the cell", "value %s is right of the last named column", quoteCell(rec[k])))
			return
		}
		rec = rec[:m]
	}
	for len(rec) < m {
		rec = append(rec, "")
	}
	t.keep(rec, row, sr.maxRows)
}

// table is the table built (nil for a sheet with no non-blank cell or a
// bad header) and the problems found.
func (sr *sheetRows) table() (*Table, ErrorList) {
	if sr.failed {
		return nil, sr.errs
	}
	if sr.t.Header == nil {
		return nil, nil
	}
	return sr.t, append(sr.errs, sr.t.bidiErrors()...)
}
