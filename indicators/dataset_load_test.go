package indicators

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gb18030Twin is the UTF-8 text of testdata/gb18030.csv. The fixture was
// written once with python3: open('gb18030.csv','wb').write(s.encode('gb18030')).
// 𠮷 (U+20BB7) needs GB18030's four-byte form, which GBK lacks.
const gb18030Twin = `地区,年份,指标,数值,来源,备注
贵州省,2017,policy_docs,12,贵州省大数据发展管理局,含《贵州省大数据发展应用促进条例》
北京市,2017,policy_docs,8,北京市经信委,
上海市,2017,sharing_depth,"1,234",,
浙江省,2017,sharing_depth,35%,,估计值
广州市,2017,open_collab,1.2万,,𠮷
520000,2017,open_collab,NA,,缺失
`

// project writes files into a temporary directory and returns a
// definition reading from it.
func project(t testing.TB, files map[string][]byte, data ...string) (*Definition, string) {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
	}
	def := testDef()
	def.Index.Data = data
	def.SetFiles(DirFiles{Dir: dir})
	return def, dir
}

// withoutFiles blanks the file part of positions so that observations read
// from differently named or encoded files can be compared.
func withoutFiles(os []Observation) []Observation {
	out := make([]Observation, len(os))
	for i, o := range os {
		o.Pos.File = ""
		out[i] = o
	}
	return out
}

func TestLoadData(t *testing.T) {
	fixture, err := os.ReadFile("testdata/gb18030.csv")
	require.NoError(t, err)
	def, dir := project(t, map[string][]byte{
		"regions.csv": []byte(testRegionsCSV),
		"long.csv":    fixture,
		"wide.csv":    []byte("region,year,open_collab\n北京市,2017,3\n"),
	}, "long.csv", "wide.csv")
	ds, err := LoadData(def, "")
	require.NoError(t, err)
	require.Len(t, ds.Regions.List, 5)
	assert.Equal(t, filepath.Join(dir, "regions.csv"), ds.Regions.List[0].Pos.File)
	long := filepath.Join(dir, "long.csv")
	wide := filepath.Join(dir, "wide.csv")
	want := []Observation{
		{Region: "520000", Year: 2017, Indicator: "policy_docs", Value: 12, Source: "贵州省大数据发展管理局", Note: "含《贵州省大数据发展应用促进条例》", Pos: Pos{long, 2, 4}},
		{Region: "110000", Year: 2017, Indicator: "policy_docs", Value: 8, Source: "北京市经信委", Pos: Pos{long, 3, 4}},
		{Region: "310000", Year: 2017, Indicator: "sharing_depth", Value: 1234, Pos: Pos{long, 4, 4}},
		{Region: "330000", Year: 2017, Indicator: "sharing_depth", Value: 35, Note: "估计值", Pos: Pos{long, 5, 4}},
		{Region: "440100", Year: 2017, Indicator: "open_collab", Value: 12000, Note: "𠮷", Pos: Pos{long, 6, 4}},
		{Region: "520000", Year: 2017, Indicator: "open_collab", Value: math.NaN(), Note: "缺失", Pos: Pos{long, 7, 4}},
		{Region: "110000", Year: 2017, Indicator: "open_collab", Value: 3, Pos: Pos{wide, 2, 3}},
	}
	assertObs(t, want, ds.Observations)
	assert.Equal(t, []int{2017}, ds.Years())

	// The digest covers each file's name as written in index.toml, a NUL
	// and its bytes.
	h := sha256.New()
	for _, f := range []struct{ name, body string }{
		{"regions.csv", testRegionsCSV}, {"long.csv", string(fixture)}, {"wide.csv", "region,year,open_collab\n北京市,2017,3\n"},
	} {
		h.Write([]byte(f.name + "\x00" + f.body))
	}
	assert.Equal(t, hex.EncodeToString(h.Sum(nil)), ds.SHA256)

	m := ds.Matrix(def, 2017)
	assert.Equal(t, 12.0, m.Values[4][0]) // 贵州省, policy_docs
	assert.Equal(t, 1234.0, m.Values[1][1])
}

func TestLoadDataSHA256(t *testing.T) {
	files := map[string][]byte{
		"regions.csv": []byte(testRegionsCSV),
		"a.csv":       []byte("region,policy_docs\n520000,1\n"),
		"b.csv":       []byte("region,policy_docs\n520000,1\n"),
	}
	digest := func(data string) string {
		def, _ := project(t, files, data)
		ds, err := LoadData(def, "")
		require.NoError(t, err)
		return ds.SHA256
	}
	a, b := digest("a.csv"), digest("b.csv")
	assert.Len(t, a, 64)
	assert.Equal(t, a, digest("a.csv"), "same input, same digest")
	assert.NotEqual(t, a, b, "a rename changes the digest")

	files["a.csv"] = []byte("region,policy_docs\n520000,2\n")
	assert.NotEqual(t, a, digest("a.csv"), "an edit changes the digest")
}

// TestLoadDataEncodings reads the same observations from UTF-8 with and
// without a BOM, from the committed GB18030 fixture and from GB18030
// encoded here, automatically and when the encoding is named.
func TestLoadDataEncodings(t *testing.T) {
	fixture, err := os.ReadFile("testdata/gb18030.csv")
	require.NoError(t, err)
	require.Equal(t, gb18030(t, gb18030Twin), fixture, "the fixture is the GB18030 form of its twin")

	base, err := loadOne(t, []byte(gb18030Twin), "", "")
	require.NoError(t, err)
	require.Len(t, base, 6)

	for _, tc := range []struct {
		name        string
		data        []byte
		flag, index string
	}{
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), gb18030Twin...), "", ""},
		{"utf-8 named", []byte(gb18030Twin), "", "utf-8"},
		{"gb18030 fixture, auto", fixture, "", ""},
		{"gb18030 fixture, flag", fixture, "gb18030", ""},
		{"gb18030 fixture, index.toml says gbk", fixture, "", "gbk"},
		{"gb18030 fixture, flag beats index.toml", fixture, "gb18030", "utf-8"},
		{"gb18030 encoded here", gb18030(t, gb18030Twin), "", "auto"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := loadOne(t, tc.data, tc.flag, tc.index)
			require.NoError(t, err)
			assertObs(t, withoutFiles(base), withoutFiles(got))
		})
	}

	_, err = loadOne(t, fixture, "utf-8", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "data.csv:1: not valid UTF-8: byte 0xB5 at offset 0")
}

// loadOne loads a project whose only data file is data.csv. A named
// encoding applies to every CSV file, so regions.csv is written in it.
func loadOne(t *testing.T, data []byte, flag, index string) ([]Observation, error) {
	t.Helper()
	regions := []byte(testRegionsCSV)
	if enc, _ := NormaliseEncoding(cmp.Or(flag, index)); enc == EncodingGB18030 {
		regions = gb18030(t, testRegionsCSV)
	}
	def, _ := project(t, map[string][]byte{"regions.csv": regions, "data.csv": data}, "data.csv")
	def.Index.Encoding = index
	ds, err := LoadData(def, flag)
	if err != nil {
		return nil, err
	}
	return ds.Observations, nil
}

// TestLoadDataXLSX checks that a workbook holding the same table as a CSV
// gives the same observations, at the same lines and columns.
func TestLoadDataXLSX(t *testing.T) {
	csvObs, err := loadOne(t, []byte(gb18030Twin), "", "")
	require.NoError(t, err)

	// Build the sheet cell by cell from the parsed CSV, storing numbers as
	// numbers and percentages as fractions shown with a percent format,
	// the way a spreadsheet would.
	tb := csvTable(t, "twin.csv", gb18030Twin)
	rows := [][]any{toAny(tb.Header)}
	numFmt := map[string]int{}
	for r, rec := range tb.Rows {
		row := make([]any, len(rec))
		for i, c := range rec {
			if f, err := strconv.ParseFloat(c, 64); err == nil {
				row[i] = f
			} else if p, ok := strings.CutSuffix(c, "%"); ok {
				f, err := strconv.ParseFloat(p, 64)
				require.NoError(t, err)
				row[i] = f / 100
				numFmt[fmt.Sprintf("%c%d", 'A'+i, r+2)] = 9 // 0%
			} else {
				row[i] = c
			}
		}
		rows = append(rows, row)
	}
	require.Equal(t, map[string]int{"D5": 9}, numFmt)
	wb := xlsxBytes(t,
		sheet{name: "Long", rows: rows, numFmt: numFmt},
		sheet{name: "Wide", rows: [][]any{{"region", "year", "sharing_depth"}, {"广州市", 2017, 0.25}}},
	)
	def, dir := project(t, map[string][]byte{"regions.csv": []byte(testRegionsCSV), "data.xlsx": wb}, "data.xlsx")
	ds, err := LoadData(def, "")
	require.NoError(t, err)
	require.Len(t, ds.Observations, 7)
	assertObs(t, withoutFiles(csvObs), withoutFiles(ds.Observations[:6]))
	assert.Equal(t, filepath.Join(dir, "data.xlsx")+"[Long]", ds.Observations[0].Pos.File)
	assertObs(t, []Observation{{Region: "440100", Year: 2017, Indicator: "sharing_depth", Value: 0.25,
		Pos: Pos{filepath.Join(dir, "data.xlsx") + "[Wide]", 2, 3}}}, ds.Observations[6:])
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func TestLoadDataFS(t *testing.T) {
	fsys := fstest.MapFS{
		"editions/2017/regions.csv": {Data: []byte(testRegionsCSV)},
		"editions/2017/data.csv":    {Data: []byte("region,policy_docs\n贵州省,5\n")},
	}
	def := testDef()
	def.Index.Data = []string{"data.csv"}
	def.SetFiles(FSFiles{FS: fsys, Dir: "editions/2017", Prefix: "embedded:"})
	ds, err := LoadData(def, "")
	require.NoError(t, err)
	assertObs(t, []Observation{{Region: "520000", Indicator: "policy_docs", Value: 5,
		Pos: Pos{"embedded:editions/2017/data.csv", 2, 2}}}, ds.Observations)
}

func TestLoadDataErrors(t *testing.T) {
	regions := []byte(testRegionsCSV)
	tests := []struct {
		name  string
		files map[string][]byte
		data  []string
		setup func(*Definition)
		flag  string
		msgs  []string // with DIR for the project directory
	}{
		{"no regions key", map[string][]byte{}, nil, func(d *Definition) { d.Index.Regions = "" }, "", []string{
			`index.toml: the index names no regions file; fix: add regions = "regions.csv" to [index]: a table with the columns code,name`}},
		{"unknown encoding in index.toml", map[string][]byte{}, nil, func(d *Definition) { d.Index.Encoding = "big5" }, "", []string{
			`index.toml: unknown text encoding "big5"; fix: use "auto", "utf-8" or "gb18030" (which also reads GBK and GB2312)`}},
		{"unknown encoding flag", map[string][]byte{}, nil, nil, "latin1", []string{
			`--encoding: unknown text encoding "latin1"; fix: use "auto", "utf-8" or "gb18030" (which also reads GBK and GB2312)`}},
		{"missing files", map[string][]byte{"regions.csv": regions, "b.csv": []byte("region,policy_docs\nX,1\n")},
			[]string{"a.csv", "b.csv"}, nil, "", []string{
				`index.toml: data file "a.csv" not found (tried DIR/a.csv); fix: check the name and the folder; paths in index.toml are relative to the folder of the index.toml (DIR)`,
				`DIR/b.csv:2:1: unknown region "X"; fix: use a region code or exact name from DIR/regions.csv, such as 110000, 310000, 330000, 440100, 520000`}},
		{"duplicates across files", map[string][]byte{
			"regions.csv": regions,
			"a.csv":       []byte("region,year,policy_docs\n520000,2017,1\n110000,2017,NA\n"),
			"b.csv":       []byte("region,year,indicator,value\n贵州省,2017,policy_docs,2\n北京市,2017,policy_docs,3\n"),
		}, []string{"a.csv", "b.csv"}, nil, "", []string{
			`DIR/b.csv:2:4: second value for region 520000, indicator "policy_docs", year 2017 (the first is at DIR/a.csv:2:3); fix: keep one of the two values (write NA in the other cell, or delete it)`}},
		{"bad regions skip the rows of data", map[string][]byte{
			"regions.csv": []byte("id,name\n1,x\n"),
			"a.csv":       []byte("region,policy_docs\n1,2,3\n"),
		}, []string{"a.csv"}, nil, "", []string{
			`DIR/regions.csv:1: regions table has no "code" column (header: id,name); fix: ` + hintRegionsHeader,
			`DIR/a.csv:2:3: row has 3 fields but the header has 2; fix: quote values that contain commas ("1,234") or remove the extra fields`}},
		{"data file listed twice", map[string][]byte{"regions.csv": regions, "a.csv": []byte("region,policy_docs\n520000,1\n")},
			[]string{"a.csv", "a.csv"}, nil, "", []string{
				`index.toml: data file "a.csv" is listed twice; fix: name each file once in data`}},
		{"empty workbook", map[string][]byte{"regions.csv": regions, "a.xlsx": xlsxBytes(t, sheet{name: "S"})},
			[]string{"a.xlsx"}, nil, "", []string{
				`DIR/a.xlsx: the workbook has no data; fix: fill in a sheet with a header row and data`}},
		{"xls", map[string][]byte{"regions.csv": regions, "a.xls": {0xD0, 0xCF, 0x11, 0xE0}},
			[]string{"a.xls"}, nil, "", []string{
				`DIR/a.xls: old Excel (.xls) files are not read; fix: save it as .xlsx or as CSV (UTF-8)`}},
		{"regions from a workbook", map[string][]byte{
			"regions.xlsx": xlsxBytes(t, sheet{name: "R", rows: [][]any{{"code", "name"}, {520000, "贵州省"}}}),
			"a.csv":        []byte("region,policy_docs\n贵州,1\n"),
		}, []string{"a.csv"}, func(d *Definition) { d.Index.Regions = "regions.xlsx" }, "", []string{
			`DIR/a.csv:2:1: unknown region "贵州"; fix: did you mean 520000 (贵州省)? Regions are matched by the exact code or name in DIR/regions.xlsx[R]`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			def, dir := project(t, tc.files, tc.data...)
			if tc.setup != nil {
				tc.setup(def)
			}
			ds, err := LoadData(def, tc.flag)
			assert.Nil(t, ds)
			var want []string
			for _, m := range tc.msgs {
				want = append(want, strings.ReplaceAll(m, "DIR", dir))
			}
			assert.Equal(t, want, messages(t, err))
			assert.True(t, IsInputError(err))
		})
	}
}

func TestLoadDataErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("region,year,policy_docs\n")
	for i := range 130 {
		fmt.Fprintf(&b, "520000,%d,x%d\n", 1901+i, i)
	}
	def, dir := project(t, map[string][]byte{"regions.csv": []byte(testRegionsCSV), "a.csv": []byte(b.String())}, "a.csv")
	_, err := LoadData(def, "")
	msgs := messages(t, err)
	require.Len(t, msgs, MaxErrors+1)
	assert.Equal(t, filepath.Join(dir, "a.csv")+`:2:3: value "x0" is not a number; fix: `+valueHint, msgs[0])
	assert.Equal(t, "index.toml: 30 more problems not shown; fix: fix the problems above and run again to see the rest", msgs[MaxErrors])
}
