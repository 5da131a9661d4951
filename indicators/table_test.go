package indicators

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// sheet is a worksheet for xlsxBytes: rows[i] goes to sheet row i+1 from
// column A; nil cells are left empty.
type sheet struct {
	name string
	rows [][]any
	// numFmt gives cells (by name, "B2") a built-in number format, such
	// as 9 (0%) or 10 (0.00%).
	numFmt map[string]int
}

// formula is a cell for xlsxBytes holding a formula (without "=") and no
// saved result.
type formula string

// xlsxBytes builds a workbook in memory.
func xlsxBytes(t testing.TB, sheets ...sheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			require.NoError(t, f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			require.NoError(t, err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				require.NoError(t, err)
				if fx, ok := v.(formula); ok {
					// Saved without a result, as by a program that
					// does not compute formulas.
					require.NoError(t, f.SetCellFormula(s.name, cell, string(fx)))
					continue
				}
				require.NoError(t, f.SetCellValue(s.name, cell, v))
			}
		}
		for cell, fmtID := range s.numFmt {
			style, err := f.NewStyle(&excelize.Style{NumFmt: fmtID})
			require.NoError(t, err)
			require.NoError(t, f.SetCellStyle(s.name, cell, cell, style))
		}
	}
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	return buf.Bytes()
}

func TestReadCSVTable(t *testing.T) {
	in := "\xEF\xBB\xBF code , name ,pop,,\n" +
		"\n" +
		"520000,贵州省 ,\"3,580\"\n" +
		",,,,\n" +
		"  \n" +
		"440100,\"广州\n市\",1449,,\n" +
		"310000, \"上海市\",2418\n"
	tb, err := ReadCSVTable("regions.csv", []byte(in), "")
	require.NoError(t, err)
	assert.Equal(t, "regions.csv", tb.File)
	assert.Equal(t, []string{"code", "name", "pop"}, tb.Header)
	assert.Equal(t, 1, tb.HeaderLine)
	assert.Equal(t, [][]string{
		{"520000", "贵州省", "3,580"},
		{"440100", "广州\n市", "1449"},
		{"310000", "上海市", "2418"},
	}, tb.Rows)
	assert.Equal(t, []int{3, 6, 8}, tb.Lines)
	assert.Equal(t, Pos{File: "regions.csv", Line: 8, Col: 3}, tb.Pos(2, 2))
	assert.Equal(t, Pos{File: "regions.csv", Line: 8}, tb.Pos(2, -1))
	assert.Equal(t, Pos{File: "regions.csv", Line: 1, Col: 2}, tb.HeaderPos(1))
	assert.Equal(t, 1, tb.Column("NAME"))
	assert.Equal(t, -1, tb.Column("gdp"))
}

func TestReadCSVTableHeaderOnly(t *testing.T) {
	tb, err := ReadCSVTable("data.csv", []byte("\n\nregion,year,a\n\n"), "")
	require.NoError(t, err)
	assert.Equal(t, []string{"region", "year", "a"}, tb.Header)
	assert.Equal(t, 3, tb.HeaderLine)
	assert.Empty(t, tb.Rows)
}

func TestReadCSVTableGB18030(t *testing.T) {
	const text = "地区,数值\n贵州省,1\n"
	want, err := ReadCSVTable("a.csv", []byte(text), "")
	require.NoError(t, err)
	for _, enc := range []string{"", "gbk"} {
		got, err := ReadCSVTable("a.csv", gb18030(t, text), enc)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
}

func TestReadCSVTableErrors(t *testing.T) {
	tests := []struct {
		name, in string
		msgs     []string
		rows     int // rows still returned; -1: no table
	}{
		{"empty", "", []string{"data.csv:1: the file is empty; fix: write a header row and one row per record"}, -1},
		{"blank lines only", "\n ,, \n\n", []string{"data.csv:1: the file is empty; fix: write a header row and one row per record"}, -1},
		{"duplicate header", "region,a,b,a\n", []string{
			`data.csv:1:4: duplicate column "a" (also at data.csv:1:2); fix: give each column a different name`}, -1},
		{"unnamed column", "region,,b\n", []string{
			`data.csv:1:2: column 2 has no name; fix: name the column or delete it`}, -1},
		{"ragged rows", "region,a,b\n1,2,3\n1,2\n1,2,3,4,\n4,5,6\n1,\"1,234\",5,\n1,2,3,,,9\n", []string{
			`data.csv:3:3: row has 2 fields but the header has 3; fix: add the missing fields (leave a field empty, or write NA, for a missing value)`,
			`data.csv:4:4: row has 5 fields but the header has 3; fix: quote values that contain commas ("1,234") or remove the extra fields`,
			`data.csv:7:6: row has 6 fields but the header has 3; fix: quote values that contain commas ("1,234") or remove the extra fields`,
		}, 3},
		{"bare quote", "region,a,b\n1,2,3\n1,x\"y,3\n", []string{
			`data.csv:3:2: a " appears inside a field that does not start with one; fix: put a field that contains quotes in double quotes and double each quote inside it, e.g. "say ""yes"""`,
		}, 1},
		{"unclosed quote", "region,a,b\n1,\"2\"x,3\n", []string{
			`data.csv:2:2: quoted field is not closed properly (a " must be followed by a comma or the end of the line); fix: put a field that contains quotes in double quotes and double each quote inside it, e.g. "say ""yes"""`,
		}, 0},
		{"unclosed quote across lines", "region,a,b\n1,2,\"3\n4,5,6\n", []string{
			`data.csv:2:3: quoted field is not closed properly (it runs on to line 3); fix: put a field that contains quotes in double quotes and double each quote inside it, e.g. "say ""yes"""`,
		}, 0},
		{"quote error in header", "a,\"b\"c\n", []string{
			`data.csv:1:2: quoted field is not closed properly (a " must be followed by a comma or the end of the line); fix: put a field that contains quotes in double quotes and double each quote inside it, e.g. "say ""yes"""`,
		}, -1},
		{"xlsx given as csv", "PK\x03\x04rest", []string{
			`data.csv: this is an XLSX file; fix: name it with .xlsx (XLSX sheets take the same layouts), or save it as CSV (UTF-8)`}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := ReadCSVTable("data.csv", []byte(tc.in), "")
			require.Error(t, err)
			var list ErrorList
			require.ErrorAs(t, err, &list)
			var msgs []string
			for _, e := range list {
				msgs = append(msgs, e.Error())
			}
			assert.Equal(t, tc.msgs, msgs)
			if tc.rows < 0 {
				assert.Nil(t, tb)
			} else {
				require.NotNil(t, tb)
				assert.Len(t, tb.Rows, tc.rows)
				assert.Len(t, tb.Lines, tc.rows)
			}
		})
	}
}

func TestReadXLSXTables(t *testing.T) {
	b := xlsxBytes(t,
		sheet{name: "Empty"},
		sheet{name: "Data", rows: [][]any{
			nil,
			{"region", "year", "a", "b"},
			{"520000", 2017, 1234.5, "NA"},
			{nil, nil, nil},
			{" 贵州省 ", 2017, 0.0015},
			{"440100", 2017, 1e9, 12, nil, nil},
		}},
		sheet{name: "Blank cells", rows: [][]any{{nil, "", " "}}},
		sheet{name: "Second", rows: [][]any{{"code", "name"}, {110000, "北京市"}}},
		sheet{name: "Percent", rows: [][]any{{"region", "a", "b", "c", "d"}, {"520000", 0.07, 0.355, "35%", 1.5}},
			numFmt: map[string]int{"B2": 9, "C2": 10, "D2": 10}},
	)
	tables, err := ReadXLSXTables("data.xlsx", b)
	require.NoError(t, err)
	require.Len(t, tables, 3)

	d := tables[0]
	assert.Equal(t, "data.xlsx[Data]", d.File)
	assert.Equal(t, []string{"region", "year", "a", "b"}, d.Header)
	assert.Equal(t, 2, d.HeaderLine)
	assert.Equal(t, [][]string{
		{"520000", "2017", "1234.5", "NA"},
		{"贵州省", "2017", "0.0015", ""},
		{"440100", "2017", "1000000000", "12"},
	}, d.Rows)
	assert.Equal(t, []int{3, 5, 6}, d.Lines)
	assert.Equal(t, "data.xlsx[Data]:5:3", d.Pos(1, 2).String())

	s := tables[1]
	assert.Equal(t, "data.xlsx[Second]", s.File)
	assert.Equal(t, [][]string{{"110000", "北京市"}}, s.Rows)
	assert.Equal(t, []int{2}, s.Lines)

	// Cells shown as percentages read as the number shown, as "35%" in a
	// CSV does; text stays text.
	assert.Equal(t, [][]string{{"520000", "7", "35.5", "35%", "1.5"}}, tables[2].Rows)
}

func TestTimesHundred(t *testing.T) {
	for in, want := range map[string]string{
		"0.07": "7", "0.355": "35.5", "1": "100", "-0.5": "-50", "1E-3": "0.1", "0": "0", "1.7976931348623157e308": "",
		"abc": "", "NaN": "", "": "",
	} {
		got, ok := timesHundred(in)
		assert.Equal(t, want != "", ok, in)
		assert.Equal(t, want, got, in)
	}
}

func TestReadXLSXTablesErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		msgs []string
	}{
		{"csv named xlsx", []byte("a,b\n1,2\n"), []string{
			`data.xlsx: not an XLSX file; fix: save it from a spreadsheet program as .xlsx, or name a CSV file with .csv`}},
		{"xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, []string{
			`data.xlsx: this is an old Excel (.xls) or encrypted workbook, which is not read; fix: save it from a spreadsheet program as .xlsx, or name a CSV file with .csv`}},
		{"cell right of header", xlsxBytes(t, sheet{name: "S", rows: [][]any{
			{"region", "a"}, {"520000", 1, nil, "stray"}, {"440100", 2},
		}}), []string{
			`data.xlsx[S]:2:4: value "stray" is right of the last named column; fix: give the column a header or clear the cell`}},
		{"duplicate header", xlsxBytes(t, sheet{name: "S", rows: [][]any{{"region", "a", "a"}}}), []string{
			`data.xlsx[S]:1:3: duplicate column "a" (also at data.xlsx[S]:1:2); fix: give each column a different name`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadXLSXTables("data.xlsx", tc.in)
			require.Error(t, err)
			var list ErrorList
			require.ErrorAs(t, err, &list)
			var msgs []string
			for _, e := range list {
				msgs = append(msgs, e.Error())
			}
			assert.Equal(t, tc.msgs, msgs)
		})
	}
	// A damaged zip is an error, not a panic.
	_, err := ReadXLSXTables("data.xlsx", []byte("PK\x03\x04garbage"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "data.xlsx: cannot open the workbook")
}
