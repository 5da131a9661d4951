package indicators

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A table keeps at most maxRows rows and counts the rest, so a table far
// over a limit costs no memory for the rows past it.
func TestTableRowLimit(t *testing.T) {
	csv := "region,x\nA,1\nB,2\nC,3\nD,4\n"
	tbl, err := readCSVTable("d.csv", []byte(csv), "utf-8", 2)
	require.NoError(t, err)
	assert.Len(t, tbl.Rows, 2)
	assert.Equal(t, []int{2, 4}, []int{tbl.Over, tbl.OverLine})

	b := xlsxBytes(t, sheet{name: "S", rows: [][]any{{"region", "x"}, {"A", 1}, {"B", 2}, {"C", 3}}})
	tables, err := readXLSXTables("d.xlsx", b, xlsxLimits{unzip: xlsxUnzipLimit, maxRows: 1})
	require.NoError(t, err)
	require.Len(t, tables, 1)
	assert.Equal(t, [][]string{{"A", "1"}}, tables[0].Rows)
	assert.Equal(t, []int{2, 3}, []int{tables[0].Over, tables[0].OverLine})
}

// The parts of a workbook read into memory are bounded, whatever the
// total limit says; a large sheet is not (it is read from disk).
func TestXLSXMemoryParts(t *testing.T) {
	zipOf := func(parts map[string]int) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, size := range parts {
			w, err := zw.Create(name)
			require.NoError(t, err)
			_, err = w.Write(bytes.Repeat([]byte(" "), size))
			require.NoError(t, err)
		}
		require.NoError(t, zw.Close())
		return buf.Bytes()
	}
	e := checkXLSXParts("a.xlsx", zipOf(map[string]int{"xl/styles.xml": xlsxMemoryParts + 1}), 1<<40)
	require.NotNil(t, e)
	assert.Equal(t, fmt.Sprintf("a.xlsx: the workbook's styles, shared strings and other parts unpack to more than %d bytes", xlsxMemoryParts), e.Pos.String()+": "+e.Msg)
	assert.Nil(t, checkXLSXParts("a.xlsx", zipOf(map[string]int{"xl/worksheets/sheet1.xml": xlsxMemoryParts + 1}), 1<<40))
	e = checkXLSXParts("a.xlsx", zipOf(map[string]int{"xl/worksheets/sheet1.xml": 2000}), 1000)
	require.NotNil(t, e)
	assert.Contains(t, e.Msg, "unpacks to more than 1000 bytes")
}

// Lists longer than their meaning allows are refused once, before the
// checks that go through them element by element.
func TestListLimits(t *testing.T) {
	base := "[index]\nname = \"t\"\nregions = \"r.csv\"\n[[dimension]]\nid = \"d\"\n[[indicator]]\nid = \"x\"\ndimension = \"d\"\n"
	nums := func(n int) string {
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprint(i + 1)
		}
		return strings.Join(s, ", ")
	}
	tests := []struct{ name, extra, want string }{
		{"thresholds", "[stars]\nthresholds = [" + nums(10) + "]\n", "index.toml:10:1: thresholds has 10 entries, over the limit of 9"},
		{"labels", "[stars]\nlabels = [" + strings.Repeat(`"a", `, 11) + "]\n", "index.toml:10:1: labels has 11 entries, over the limit of 10"},
		{"years", "[limits]\nmax_years = 3\n", ""},
		{"ahp", "[[ahp]]\nmatrix = [[" + nums(11) + "]]\n", "index.toml:10:1: the [[ahp]] matrix has 11 rows or columns, but AHP compares at most 10 (Saaty's random index stops at 10)"},
		{"uncertainty", "[uncertainty]\nnormalise = [" + strings.Repeat(`"minmax", `, 33) + "]\n", "index.toml:10:1: normalise has 33 entries, over the limit of 32"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("index.toml", []byte(base+tc.extra), nil)
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			var list ErrorList
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1)
			assert.Equal(t, tc.want, list[0].Pos.String()+": "+list[0].Msg)
		})
	}
}

// Dimension cycles are still found, once each, by the linear walk.
func TestDimensionCycleOnce(t *testing.T) {
	src := "[index]\nname = \"t\"\nregions = \"r.csv\"\n" +
		"[[dimension]]\nid = \"a\"\nparent = \"b\"\n[[dimension]]\nid = \"b\"\nparent = \"a\"\n" +
		"[[dimension]]\nid = \"c\"\nparent = \"a\"\n[[indicator]]\nid = \"x\"\ndimension = \"c\"\n"
	_, err := Parse("index.toml", []byte(src), nil)
	var list ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.Equal(t, "index.toml:6:1: dimensions form a cycle: a → b → a", list[0].Pos.String()+": "+list[0].Msg)
}
