package indicators

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLimitsDefaults(t *testing.T) {
	var l LimitsSpec
	assert.Equal(t, int64(256<<20), l.FileBytes())
	assert.Equal(t, 1_000_000, l.Regions())
	assert.Equal(t, 10_000, l.Indicators())
	assert.Equal(t, 100, l.Years())
	assert.Equal(t, 2_000_000, l.Observations())
	assert.Equal(t, 20_000_000, l.Cells())

	l = LimitsSpec{MaxFileMB: 0.5, MaxRegions: 3, MaxIndicators: 4, MaxYears: 5, MaxObservations: 6, MaxCells: 7}
	assert.Equal(t, int64(512<<10), l.FileBytes())
	assert.Equal(t, []int{3, 4, 5, 6, 7}, []int{l.Regions(), l.Indicators(), l.Years(), l.Observations(), l.Cells()})
	assert.Greater(t, LimitsSpec{MaxFileMB: 1e300}.FileBytes(), int64(1<<60), "a huge limit does not overflow")
}

func TestParseLimits(t *testing.T) {
	doc := defHead + tomlLines(`[limits]`, `max_file_mb = 0.5`, `max_regions = 10`, `max_indicators = 20`,
		`max_years = 3`, `max_observations = 40`, `max_cells = 50`) + defTree
	def, err := Parse("index.toml", []byte(doc), nil)
	require.NoError(t, err)
	assert.Equal(t, LimitsSpec{MaxFileMB: 0.5, MaxRegions: 10, MaxIndicators: 20, MaxYears: 3, MaxObservations: 40, MaxCells: 50}, def.Limits)

	tests := []struct {
		name, limits string
		want         []string
	}{
		{"zero", `max_regions = 0`, []string{
			`index.toml:5:1: max_regions = 0 is not a positive number; fix: give a positive whole number, e.g. max_regions = 2000000, or remove the key for the default (1000000)`}},
		{"negative size", `max_file_mb = -1`, []string{
			`index.toml:5:1: max_file_mb = -1 is not a positive number; fix: give a positive number of MB, e.g. max_file_mb = 512, or remove the key for the default (256)`}},
		{"NaN size", `max_file_mb = nan`, []string{
			`index.toml:5:1: max_file_mb = NaN is not a positive number; fix: give a positive number of MB, e.g. max_file_mb = 512, or remove the key for the default (256)`}},
		{"misspelt", `max_region = 5`, []string{
			`index.toml:5:1: unknown key "limits.max_region" in [limits]; fix: did you mean "max_regions"?`}},
		{"text", `max_years = "5"`, []string{
			`index.toml:5:1: wrong type for limits.max_years: found a string, expected an integer; fix: write a whole number without quotes, e.g. max_years = 1`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("index.toml", []byte(defHead+tomlLines(`[limits]`, tc.limits)+defTree), nil)
			require.Error(t, err)
			assert.Equal(t, strings.Join(tc.want, "\n"), err.Error())
		})
	}
}

func TestIndicatorLimit(t *testing.T) {
	doc := defHead + tomlLines(`[limits]`, `max_indicators = 1`) + defTree + tomlLines(`[[indicator]]`, `id = "i2"`, `dimension = "d1"`)
	_, err := Parse("index.toml", []byte(doc), nil)
	assert.Equal(t, []string{`index.toml:11:1: 2 indicators, over the limit of 1 (max_indicators); ` +
		`fix: check that this is the right input; if it is, raise the limit in index.toml: [limits] max_indicators = 2`}, messages(t, err))
}

// limitsProject writes a project whose index.toml has the given [limits]
// lines and loads it.
func limitsProject(t *testing.T, limits string, files map[string]string) (*Definition, string) {
	t.Helper()
	dir := t.TempDir()
	doc := tomlLines(`[index]`, `name = "t"`, `regions = "regions.csv"`, `data = ["a.csv", "b.csv"]`, ``, `[limits]`) + limits +
		tomlLines(``, `[[dimension]]`, `id = "d"`, `[[indicator]]`, `id = "x"`, `dimension = "d"`, `[[indicator]]`, `id = "y"`, `dimension = "d"`)
	files["index.toml"] = doc
	for name, text := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	def, err := LoadFile(filepath.Join(dir, "index.toml"))
	require.NoError(t, err)
	return def, dir
}

func TestLoadDataLimits(t *testing.T) {
	regions := "code,name\nA,甲\nB,乙\nC,丙\n"
	a := "region,year,x,y\nA,2016,1,2\nB,2016,3,4\nC,2016,5,6\n"
	b := "region,year,x,y\nA,2017,1,2\nB,2017,3,4\nC,2017,5,6\n"
	tests := []struct {
		name, limits string
		want         []string // DIR is the project's folder
	}{
		{"within every limit", "max_file_mb = 0.001\nmax_regions = 3\nmax_years = 2\nmax_observations = 12\nmax_cells = 6\n", nil},
		{"file size", "max_file_mb = 0.00004\n", []string{ // 41 bytes: regions.csv is 28, a.csv and b.csv 49
			`DIR/index.toml:4:9: data file "a.csv" is 49 bytes, over the limit of 41 bytes per input file (DIR/a.csv); fix: check that this is the right file; if it is, raise the limit in index.toml: [limits] max_file_mb = 1`,
			`DIR/index.toml:4:18: data file "b.csv" is 49 bytes, over the limit of 41 bytes per input file (DIR/b.csv); fix: check that this is the right file; if it is, raise the limit in index.toml: [limits] max_file_mb = 1`}},
		{"regions", "max_regions = 2\n", []string{
			`DIR/regions.csv:4: 3 regions, over the limit of 2 (max_regions); fix: check that this is the right input; if it is, raise the limit in index.toml: [limits] max_regions = 3`}},
		{"cells", "max_cells = 5\n", []string{
			`DIR/regions.csv: 3 regions × 2 indicators make 6 cells, over the limit of 5 (max_cells); fix: check that this is the right input; if it is, raise the limit in index.toml: [limits] max_cells = 6`}},
		{"observations", "max_observations = 7\n", []string{
			`DIR/b.csv:2:4: more than 7 observations (max_observations); fix: check that this is the right input; if it is, raise max_observations under [limits] in index.toml`}},
		{"years", "max_years = 1\n", []string{
			`DIR/b.csv:2:3: the observations span 2 years, over the limit of 1 (max_years); year 2017 is the first over it; fix: check that this is the right input; if it is, raise the limit in index.toml: [limits] max_years = 2`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			def, dir := limitsProject(t, tc.limits, map[string]string{"regions.csv": regions, "a.csv": a, "b.csv": b})
			ds, err := LoadData(def, "")
			if tc.want == nil {
				require.NoError(t, err)
				assert.Len(t, ds.Observations, 12)
				return
			}
			assert.Nil(t, ds)
			var want []string
			for _, m := range tc.want {
				want = append(want, strings.ReplaceAll(m, "DIR", dir))
			}
			assert.Equal(t, want, messages(t, err))
		})
	}
}

func TestReadNamedErrors(t *testing.T) {
	regions := "code,name\nA,甲\n"
	t.Run("missing, with a file of a close name", func(t *testing.T) {
		def, dir := limitsProject(t, "", map[string]string{"regions.csv": regions, "a.csv": "region,x\nA,1\n", "bb.csv": ""})
		_, err := LoadData(def, "")
		assert.Equal(t, []string{strings.ReplaceAll(`DIR/index.toml:4:18: data file "b.csv" not found (tried DIR/b.csv); fix: did you mean "bb.csv"?`, "DIR", dir)},
			messages(t, err))
		var list ErrorList
		require.ErrorAs(t, err, &list)
		assert.ErrorIs(t, list[0], fs.ErrNotExist, "the cause is kept")
	})
	t.Run("missing regions, a directory", func(t *testing.T) {
		def, dir := limitsProject(t, "", map[string]string{"a.csv": "region,x\nA,1\n"})
		require.NoError(t, os.Mkdir(filepath.Join(dir, "b.csv"), 0o755))
		_, err := LoadData(def, "")
		assert.Equal(t, []string{
			strings.ReplaceAll(`DIR/index.toml:3:11: regions file "regions.csv" not found (tried DIR/regions.csv); fix: check the name and the folder; paths in index.toml are relative to the folder of the index.toml (DIR)`, "DIR", dir),
			strings.ReplaceAll(`DIR/index.toml:4:18: data file "b.csv" is a directory, not a file (DIR/b.csv); fix: name a file, not a folder: a path to a .csv or .xlsx file`, "DIR", dir),
		}, messages(t, err))
	})
	t.Run("a folder that does not exist", func(t *testing.T) {
		def, dir := limitsProject(t, "", map[string]string{"regions.csv": regions, "a.csv": "region,x\nA,1\n"})
		def.Index.Data = []string{"a.csv", "sub/b.csv"}
		def.pos = newKeyLocator(def.File, tomlLines(`[index]`, `data = [`, `  "a.csv",`, `  "sub/b.csv",`, `]`))
		_, err := LoadData(def, "")
		assert.Equal(t, []string{strings.ReplaceAll(`DIR/index.toml:4:3: data file "sub/b.csv" not found (tried DIR/sub/b.csv); fix: the folder DIR/sub does not exist; paths in index.toml are relative to the folder of the index.toml (DIR)`, "DIR", dir)},
			messages(t, err))
	})
	t.Run("unreadable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads every file")
		}
		def, dir := limitsProject(t, "", map[string]string{"regions.csv": regions, "a.csv": "region,x\nA,1\n", "b.csv": "region,x\nA,1\n"})
		require.NoError(t, os.Chmod(filepath.Join(dir, "b.csv"), 0))
		_, err := LoadData(def, "")
		assert.Equal(t, []string{strings.ReplaceAll(`DIR/index.toml:4:18: data file "b.csv" cannot be read: permission denied (DIR/b.csv); fix: make the file readable (e.g. chmod a+r FILE), or name another file`, "DIR", dir)},
			messages(t, err))
	})
	t.Run("evidence", func(t *testing.T) {
		dir := t.TempDir()
		doc := tomlLines(`[index]`, `name = "t"`, `year = 2017`, `regions = "regions.csv"`, `[[dimension]]`, `id = "d"`,
			`[[indicator]]`, `id = "docs"`, `dimension = "d"`, `source = "policies.count"`,
			`[[source]]`, `collector = "policies"`, `files = ["ev/p.csv", 'ev/q.csv']`)
		for name, text := range map[string]string{"index.toml": doc, "regions.csv": regions} {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
		}
		def, err := LoadFile(filepath.Join(dir, "index.toml"))
		require.NoError(t, err)
		_, err = LoadData(def, "")
		assert.Equal(t, []string{
			strings.ReplaceAll(`DIR/index.toml:13:10: evidence file "ev/p.csv" not found (tried DIR/ev/p.csv); fix: the folder DIR/ev does not exist; paths in index.toml are relative to the folder of the index.toml (DIR)`, "DIR", dir),
			strings.ReplaceAll(`DIR/index.toml:13:22: evidence file "ev/q.csv" not found (tried DIR/ev/q.csv); fix: the folder DIR/ev does not exist; paths in index.toml are relative to the folder of the index.toml (DIR)`, "DIR", dir),
		}, messages(t, err))
	})
}

func TestEmbeddedFileLimit(t *testing.T) {
	fsys := fstest.MapFS{
		"e/index.toml":  {Data: []byte(defHead + tomlLines(`[limits]`, `max_file_mb = 0.00001`) + defTree)}, // 10 bytes
		"e/regions.csv": {Data: []byte("code,name\nA,甲\n")},
	}
	def, err := LoadFS(fsys, "e/index.toml", "embedded:")
	require.NoError(t, err)
	_, err = LoadData(def, "")
	assert.Equal(t, []string{`embedded:e/index.toml:3:11: regions file "regions.csv" is 16 bytes, over the limit of 10 bytes per input file (embedded:e/regions.csv); ` +
		`fix: check that this is the right file; if it is, raise the limit in index.toml: [limits] max_file_mb = 1`}, messages(t, err))

	// Files read for reports go through the same limit.
	_, _, err = def.ReadFile("regions.csv")
	assert.EqualError(t, err, `embedded:e/regions.csv: file is 16 bytes, over the limit of 10 bytes; fix: check that this is the right file; if it is, raise the limit in index.toml: [limits] max_file_mb = 1`)
	assert.True(t, IsInputError(err))
}

func TestConfigSizeChecked(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "index.toml")
	f, err := os.Create(name)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(MaxConfigSize+1)) // sparse: nothing is written
	require.NoError(t, f.Close())
	_, err = LoadFile(name)
	assert.EqualError(t, err, name+": file is 4194305 bytes, over the 4194304-byte limit; fix: an index definition is a small text file; check that you named the right file")

	_, err = LoadFile(dir)
	assert.EqualError(t, err, dir+": is a directory, not a file; fix: name a file, not a folder")
}

func TestValuePos(t *testing.T) {
	doc := tomlLines(
		`[index]`,
		`regions = "regions.csv"   # "data.csv"`,
		`data = ["a.csv", 'b.csv', "c\"d.csv"]`,
		`[[source]]`,
		`files = [`,
		`  "x.csv",`,
		`  "地区/y.csv",`,
		`]`,
		`[[source]]`,
		`files = ["x.csv"]`,
	)
	loc := newKeyLocator("index.toml", doc)
	tests := []struct {
		table string
		idx   int
		key   string
		value string
		want  Pos
	}{
		{"index", 0, "regions", "regions.csv", Pos{"index.toml", 2, 11}},
		{"index", 0, "data", "a.csv", Pos{"index.toml", 3, 9}},
		{"index", 0, "data", "b.csv", Pos{"index.toml", 3, 18}},
		{"index", 0, "data", `c"d.csv`, Pos{"index.toml", 3, 27}},
		{"index", 0, "data", "data.csv", Pos{"index.toml", 3, 1}}, // only in a comment of another key: the key
		{"source", 0, "files", "地区/y.csv", Pos{"index.toml", 7, 3}},
		{"source", 1, "files", "x.csv", Pos{"index.toml", 10, 10}},
		{"source", 2, "files", "x.csv", Pos{"index.toml", 0, 0}},
	}
	for _, tc := range tests {
		got := loc.valuePos(tc.table, tc.idx, tc.key, tc.value)
		if tc.want.Line == 0 {
			tc.want = Pos{File: "index.toml"}
		}
		assert.Equal(t, tc.want, got, "%s#%d.%s = %q", tc.table, tc.idx, tc.key, tc.value)
	}
}

// A workbook is also limited in what it unpacks to: 4 times max_file_mb,
// at least 1 GiB.
func TestXLSXUnzipLimit(t *testing.T) {
	assert.Equal(t, int64(1<<30), LimitsSpec{}.unzipBytes())
	assert.Equal(t, int64(4<<30), LimitsSpec{MaxFileMB: 1024}.unzipBytes())
	b := xlsxBytes(t, sheet{name: "S", rows: [][]any{{"region", "x"}, {"A", 1}}})
	_, err := readXLSXTables("a.xlsx", b, xlsxLimits{unzip: 1000})
	assert.EqualError(t, err, "a.xlsx: the workbook unpacks to more than 1000 bytes (4 times max_file_mb, at least 1 GiB); "+
		"fix: check that this is the right file; if it is, raise max_file_mb under [limits] in index.toml")
	tables, err := readXLSXTables("a.xlsx", b, xlsxLimits{unzip: 1 << 20})
	require.NoError(t, err)
	assert.Len(t, tables, 1)
}
