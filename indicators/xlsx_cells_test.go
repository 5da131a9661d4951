package indicators

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
