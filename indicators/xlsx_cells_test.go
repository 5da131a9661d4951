package indicators

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

func TestReadXLSXTablesFormulaWithoutResult(t *testing.T) {
	tests := []struct {
		name    string
		cell    any
		want    string // the value read, when computed
		wantErr string // the error, when refused
		numFmt  int    // a number format for the cell, 0 for none
	}{
		{"arithmetic is computed", formula("2*3+0.5"), "6.5", "", 0},
		{"reference to another formula is computed", formula("C2*2"), "14", "", 0},
		{"percentage is read as shown", formula("0.3+0.05"), "35", "", 9},
		{"unknown function is refused", formula("NOSUCHFUNCTION(1)"), "", "data.xlsx[S]:2:2: cell B2 has the formula =NOSUCHFUNCTION(1) without a saved result, and it cannot be computed", 0},
		{"division by zero is refused", formula("1/0"), "", "data.xlsx[S]:2:2: cell B2 has the formula =1/0 without a saved result, and it cannot be computed: #DIV/0!", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sh := sheet{name: "S", rows: [][]any{
				{"region", "x", "y"},
				{"110000", tc.cell, formula("3+4")},
			}}
			if tc.numFmt != 0 {
				sh.numFmt = map[string]int{"B2": tc.numFmt}
			}
			b := xlsxBytes(t, sh)
			ts, err := ReadXLSXTables("data.xlsx", b)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Len(t, ts, 1)
			assert.Equal(t, []string{"110000", tc.want, "7"}, ts[0].Rows[0])
		})
	}
}

// TestReadXLSXTablesFormulaTrailingRow: a formula alone in the last row
// (which excelize's reader would leave out as empty) is still computed.
func TestReadXLSXTablesFormulaTrailingRow(t *testing.T) {
	b := xlsxBytes(t, sheet{name: "S", rows: [][]any{
		{"region", "x"},
		{"110000", 1},
		{"120000", formula("B2+1")},
	}})
	ts, err := ReadXLSXTables("data.xlsx", b)
	require.NoError(t, err)
	require.Len(t, ts, 1)
	assert.Equal(t, [][]string{{"110000", "1"}, {"120000", "2"}}, ts[0].Rows)
}

// rewriteZip copies a zip archive, passing each member's bytes through
// edit (by name).
func rewriteZip(t testing.TB, b []byte, edit func(name string, data []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(edit(f.Name, data))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return out.Bytes()
}

func TestReadXLSXTablesBadSharedString(t *testing.T) {
	b := xlsxBytes(t, sheet{name: "S", rows: [][]any{
		{"region", "name"},
		{"110000", "北京市"},
	}})
	// The last shared string cell (北京市, B2) points past the table.
	sharedCell := regexp.MustCompile(`(<c r="B2"[^>]*t="s"[^>]*><v>)\d+(</v>)`)
	edited := 0
	b = rewriteZip(t, b, func(name string, data []byte) []byte {
		if name != "xl/worksheets/sheet1.xml" {
			return data
		}
		out := sharedCell.ReplaceAll(data, []byte("${1}99${2}"))
		if !bytes.Equal(out, data) {
			edited++
		}
		return out
	})
	require.Equal(t, 1, edited, "the fixture must reference a shared string by index")
	_, err := ReadXLSXTables("data.xlsx", b)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `data.xlsx[S]:2:2: cell B2 refers to shared string "99", which the workbook does not have (the file is damaged)`)
}

func TestScanCellProblems(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	tests := []struct {
		name, xml string
		want      []xlsxCellProblem
	}{
		{"plain", `<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><f>1+1</f></c><c r="C2"><f>1</f><v>1</v></c></row></sheetData></worksheet>`,
			[]xlsxCellProblem{{row: 2, col: 2, ref: "B2", formula: true}}},
		{"bad index", `<worksheet><sheetData><row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" t="s"><v> 2 </v></c><c r="C3" t="s"><v>-1</v></c><c r="D3" t="s"><v>x</v></c></row></sheetData></worksheet>`,
			[]xlsxCellProblem{{row: 3, col: 1, ref: "A3", index: "5"}, {row: 3, col: 3, ref: "C3", index: "-1"}, {row: 3, col: 4, ref: "D3", index: "x"}}},
		{"namespace prefix, single quotes, spaces", `<x:worksheet xmlns:x="s"><x:sheetData><x:row r='4' ><x:c r = 'B4' s="1"><x:f t="shared" si="0"/></x:c ></x:row></x:sheetData></x:worksheet>`,
			[]xlsxCellProblem{{row: 4, col: 2, ref: "B4", formula: true}}},
		{"no references", `<worksheet><sheetData><row><c/><c><f>1</f></c></row><row><c t="s"><v>9</v></c></row></sheetData></worksheet>`,
			[]xlsxCellProblem{{row: 1, col: 2, ref: "B1", formula: true}, {row: 2, col: 1, ref: "A2", index: "9"}}},
		{"comments, CDATA and > in attributes", `<worksheet><!-- <c r="A1"><f>1</f></c> --><sheetData><row r="1"><c r="A1" t="str" foo="a>b"><f><![CDATA[<c><f>]]></f><v>x</v></c><c r="B1"><f>2</f><v/></c></row></sheetData></worksheet>`,
			nil},
		{"empty value is a value", `<worksheet><sheetData><row r="1"><c r="A1" t="str"><f>""</f><v></v></c></row></sheetData></worksheet>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := scanCellProblems(strings.NewReader(head+tc.xml), 3)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	_, err := scanCellProblems(strings.NewReader(`<worksheet><sheetData><row r="1"><c r="A1`), 3)
	assert.Error(t, err, "a sheet cut short is damaged")
}

// FuzzScanCellProblems: the sheet scanner never panics or hangs, and
// every problem it reports is at a valid row and column.
func FuzzScanCellProblems(f *testing.F) {
	for _, s := range []string{
		`<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><f>1+1</f></c></row></sheetData></worksheet>`,
		`<x:row r='4' ><x:c r = 'B4'><x:f t="shared" si="0"/></x:c ></x:row>`,
		`<!-- <c> --><![CDATA[<c><f>]]><?pi <c>?><!DOCTYPE x><c t="s"><v>99</v></c><c/>`,
		`<c r="XFD1048576"><f>1</f></c><c r="A0"><f/></c><row r="-1"><c><f/></c></row>`,
		"<", "<c", "<c r=", "<c r='", "<!--", "<![CDATA[", "<?", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		probs, _ := scanCellProblems(strings.NewReader(s), 3)
		for _, p := range probs {
			if p.ref == "" && (p.row < 1 || p.col < 1) {
				t.Fatalf("problem without a place: %+v", p)
			}
		}
	})
}

func TestReadXLSXTablesBidiSheetName(t *testing.T) {
	b := xlsxBytes(t, sheet{name: "S\u202e12", rows: [][]any{{"region", "x"}, {"110000", 1}}}, sheet{name: "T", rows: [][]any{{"region", "x"}, {"120000", "2\u2066"}}})
	_, err := ReadXLSXTables("data.xlsx", b)
	assert.Equal(t, []string{
		`data.xlsx: sheet name "S\u202e12" holds the invisible bidi control U+202E; fix: rename the sheet without the invisible direction mark: beside digits it changes the order they are shown in`,
		`data.xlsx[T]:2:2: cell "2\u2066" holds the invisible bidi control U+2066; fix: ` + hintBidi,
	}, messages(t, err))
}

// TestReadXLSXTablesSharedFormula: a shared formula (one <f> written for
// a range, the other cells pointing at it) without results is computed
// in every cell of the range.
func TestReadXLSXTablesSharedFormula(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for _, c := range [][2]any{{"A1", "region"}, {"B1", "x"}, {"C1", "y"}, {"A2", "110000"}, {"B2", 1}, {"A3", "120000"}, {"B3", 2}, {"A4", "130000"}, {"B4", 3}} {
		require.NoError(t, f.SetCellValue("Sheet1", c[0].(string), c[1]))
	}
	typ, ref := "shared", "C2:C4"
	require.NoError(t, f.SetCellFormula("Sheet1", "C2", "B2*10", excelize.FormulaOpts{Type: &typ, Ref: &ref}))
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	ts, err := ReadXLSXTables("d.xlsx", buf.Bytes())
	require.NoError(t, err)
	require.Len(t, ts, 1)
	assert.Equal(t, [][]string{{"110000", "1", "10"}, {"120000", "2", "20"}, {"130000", "3", "30"}}, ts[0].Rows)
}

// TestReadXLSXTablesTooManyFormulas: past maxComputedFormulas formulas
// without results, the sheet is refused whole, not computed cell by cell.
func TestReadXLSXTablesTooManyFormulas(t *testing.T) {
	defer func(n int) { maxComputedFormulas = n }(maxComputedFormulas)
	maxComputedFormulas = 2
	rows := [][]any{{"region", "x"}, {"110000", formula("1")}, {"120000", formula("2")}}
	_, err := ReadXLSXTables("d.xlsx", xlsxBytes(t, sheet{name: "S", rows: rows}))
	require.NoError(t, err, "as many as are computed")
	rows = append(rows, []any{"130000", formula("3")})
	_, err = ReadXLSXTables("d.xlsx", xlsxBytes(t, sheet{name: "S", rows: rows}))
	assert.Equal(t, []string{"d.xlsx[S]: more than 2 cells have a formula without a saved result (that many are computed, no more); fix: " + hintFormulaResults}, messages(t, err))
}
