package indicators

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tomlLines joins lines into a document, one argument per line, so that
// the line numbers in the expectations can be counted on the fingers.
func tomlLines(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// defHead is a valid [index] table: lines 1 to 3 of most test documents.
var defHead = tomlLines(`[index]`, `name = "测试指数"`, `regions = "regions.csv"`)

// defTree is a valid framework of one dimension and one indicator (lines
// 4 to 8 after defHead).
var defTree = tomlLines(`[[dimension]]`, `id = "d1"`, `[[indicator]]`, `id = "i1"`, `dimension = "d1"`)

// fullDefinition uses every table and most keys of index.toml.
const fullDefinition = `# A full index definition.
[index]
name = "政府数据融合共享应用指数"
name_en = "Government Data Sharing Index"
edition = "2017"
year = 2017
regions = "regions.csv"
data = ["indicators.csv", "extra.xlsx"]
description = "The 2017 rating, rebuilt from data."
encoding = "gb18030"

[scoring]
impute = "median"

[stars]
method = "quantiles"
labels = ["★", "★★", "★★★", "★★★★", "★★★★★"]

[[dimension]]
id = "policy"
name = "政策颁布"
name_en = "Policy"
weight = 2

[[dimension]]
id = "sharing"
name = "政府数据融合共享程度"
aggregate = "geometric"

[[dimension]]
id = "sharing_depth"
parent = "sharing"
weight = 0.5

[[dimension]]
id = "open"

[[indicator]]
id = "policy_docs"
dimension = "policy"
name = "数据共享开放政策文件数"
name_en = "Data policy documents"
unit = "件"
source = "policies.count"

[[indicator]]
id = "policy_force"
dimension = "policy"
normalise = "goalposts"
goalposts = [0, 5]
weight = 3
description = "Highest legal force of a data policy."

[[indicator]]
id = "share_delay"
dimension = "sharing_depth"
direction = -1
unit = "天"
target = 2
denominator = "population"

[[indicator]]
id = "share_platforms"
dimension = "sharing"

[[indicator]]
id = "open_datasets"
dimension = "open"

[[source]]
collector = "policies"
files = ["evidence/policies.csv"]
as_of = "2017-06-07"

[[source]]
collector = "catalog"
region = "330000"
files = ["evidence/zhejiang-data.json"]

[[ahp]]
matrix = [
  [1, "1/3"],
  ["3", 1],
]
parent = "policy"

[uncertainty]
samples = 500
seed = 7
weights_noise = 0.25
normalise = ["minmax", "prank"]
aggregate = ["arithmetic", "geometric"]
impute = ["none", "mean"]
exclude = 0.1
sensitivity = true
`

func ids[T interface{ *Dimension | *Indicator }](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		switch v := any(x).(type) {
		case *Dimension:
			out[i] = v.ID
		case *Indicator:
			out[i] = v.ID
		}
	}
	return out
}

func f64(x float64) *float64 { return &x }

func TestParseFullDefinition(t *testing.T) {
	d, err := Parse("index.toml", []byte(fullDefinition), nil)
	require.NoError(t, err)
	sum := sha256.Sum256([]byte(fullDefinition))
	assert.Equal(t, "index.toml", d.File)
	assert.Equal(t, hex.EncodeToString(sum[:]), d.SHA256)

	assert.Equal(t, IndexSpec{
		Name: "政府数据融合共享应用指数", NameEn: "Government Data Sharing Index", Edition: "2017", Year: 2017,
		Regions: "regions.csv", Data: []string{"indicators.csv", "extra.xlsx"},
		Description: "The 2017 rating, rebuilt from data.", Encoding: "gb18030",
	}, d.Index)
	assert.Equal(t, ScoringSpec{
		Impute: "median", Treat: "none", Normalise: "minmax", Range: [2]float64{0, 100}, Weights: "manual",
		Aggregate: "arithmetic", Ties: "competition", Round: nil, MinCoverage: 0.5, Power: 1, Comparable: "separate", MissingDimension: "renormalise",
	}, d.Scoring)
	assert.Equal(t, StarsSpec{Method: "quantiles", Classes: 5,
		Labels: []string{"★", "★★", "★★★", "★★★★", "★★★★★"}}, d.Stars, "classes default to 5 for quantiles; no thresholds")
	assert.Equal(t, 5, d.Stars.NumClasses())

	assert.Equal(t, []*Dimension{
		{ID: "policy", Name: "政策颁布", NameEn: "Policy", Weight: 2, Index: 0},
		{ID: "sharing", Name: "政府数据融合共享程度", Weight: 1, Aggregate: "geometric", Index: 1},
		{ID: "sharing_depth", Name: "sharing_depth", Parent: "sharing", Weight: 0.5, Index: 2},
		{ID: "open", Name: "open", Weight: 1, Index: 3},
	}, d.Dimensions)
	assert.Equal(t, []*Indicator{
		{ID: "policy_docs", Dimension: "policy", Name: "数据共享开放政策文件数", NameEn: "Data policy documents",
			Unit: "件", Direction: 1, Weight: 1, Source: "policies.count", Scale: 1, Index: 0},
		{ID: "policy_force", Dimension: "policy", Name: "policy_force", Direction: 1, Weight: 3,
			Normalise: "goalposts", Goalposts: []float64{0, 5}, Description: "Highest legal force of a data policy.", Scale: 1, Index: 1},
		{ID: "share_delay", Dimension: "sharing_depth", Name: "share_delay", Unit: "天", Direction: -1, Weight: 1,
			Target: f64(2), Denominator: "population", Scale: 1, Index: 2},
		{ID: "share_platforms", Dimension: "sharing", Name: "share_platforms", Direction: 1, Weight: 1, Scale: 1, Index: 3},
		{ID: "open_datasets", Dimension: "open", Name: "open_datasets", Direction: 1, Weight: 1, Scale: 1, Index: 4},
	}, d.Indicators)
	assert.Equal(t, []*SourceSpec{
		{Collector: "policies", Files: []string{"evidence/policies.csv"}, AsOf: "2017-06-07"},
		{Collector: "catalog", Region: "330000", Files: []string{"evidence/zhejiang-data.json"}},
	}, d.Sources)
	assert.Equal(t, []*AHPSpec{{Parent: "policy", Matrix: [][]any{{int64(1), "1/3"}, {"3", int64(1)}}}}, d.AHP)
	assert.Equal(t, &UncertaintySpec{Samples: 500, Seed: 7, WeightsNoise: 0.25,
		Normalise: []string{"minmax", "prank"}, Aggregate: []string{"arithmetic", "geometric"},
		Impute: []string{"none", "mean"}, Exclude: 0.1, Sensitivity: true}, d.Uncertainty)

	// Lookups and the tree, in declaration order.
	dim, ok := d.Dimension("sharing_depth")
	require.True(t, ok)
	assert.Same(t, d.Dimensions[2], dim)
	ind, ok := d.Indicator("open_datasets")
	require.True(t, ok)
	assert.Same(t, d.Indicators[4], ind)
	_, ok = d.Dimension("policy_docs")
	assert.False(t, ok, "an indicator is no dimension")
	_, ok = d.Indicator("nope")
	assert.False(t, ok)

	assert.Equal(t, []string{"policy", "sharing", "open"}, ids(d.ChildDimensions("")))
	assert.Equal(t, []string{"sharing_depth"}, ids(d.ChildDimensions("sharing")))
	assert.Empty(t, d.ChildDimensions("policy"))
	assert.Equal(t, []string{"policy_docs", "policy_force"}, ids(d.ChildIndicators("policy")))
	assert.Equal(t, []string{"share_platforms"}, ids(d.ChildIndicators("sharing")))
	assert.Equal(t, []string{"share_delay", "share_platforms"}, ids(d.IndicatorsUnder("sharing")))
	assert.Equal(t, []string{"share_delay"}, ids(d.IndicatorsUnder("sharing_depth")))
	assert.Empty(t, d.ChildIndicators(""))
	assert.Empty(t, d.IndicatorsUnder("nope"))

	// Key positions: lines of fullDefinition.
	for _, c := range []struct {
		table string
		idx   int
		key   string
		want  string
	}{
		{"index", 0, "", "index.toml:2:1"},
		{"index", 0, "year", "index.toml:6:1"},
		{"scoring", 0, "impute", "index.toml:13:1"},
		{"scoring", 0, "range", "index.toml:12:1"}, // absent key: the header
		{"stars", 0, "labels", "index.toml:17:1"},
		{"dimension", 2, "parent", "index.toml:32:1"},
		{"dimension", 3, "", "index.toml:35:1"},
		{"dimension", 3, "weight", "index.toml:35:1"}, // absent: the entry's header
		{"indicator", 1, "weight", "index.toml:51:1"},
		{"indicator", 2, "direction", "index.toml:57:1"},
		{"source", 1, "region", "index.toml:77:1"},
		{"ahp", 0, "matrix", "index.toml:81:1"},
		{"ahp", 0, "parent", "index.toml:85:1"}, // after a multi-line matrix
		{"uncertainty", 0, "sensitivity", "index.toml:95:1"},
		{"indicator", 9, "id", "index.toml"}, // no such entry: the file
		{"nope", 0, "id", "index.toml"},
	} {
		assert.Equal(t, c.want, d.KeyPos(c.table, c.idx, c.key).String(), "%s #%d %s", c.table, c.idx, c.key)
	}
}

func TestParseDefaults(t *testing.T) {
	d, err := Parse("index.toml", []byte(defHead+defTree), nil)
	require.NoError(t, err)
	assert.Equal(t, ScoringSpec{Impute: "none", Treat: "none", Normalise: "minmax", Range: [2]float64{0, 100},
		Weights: "manual", Aggregate: "arithmetic", Ties: "competition", MinCoverage: 0.5, Power: 1, Comparable: "separate", MissingDimension: "renormalise"}, d.Scoring)
	assert.Nil(t, d.Scoring.Round, "no round key: no rounding")
	assert.Equal(t, StarsSpec{Method: "thresholds", Thresholds: []float64{20, 40, 60, 80}}, d.Stars)
	assert.Equal(t, 5, d.Stars.NumClasses())
	assert.Equal(t, &Dimension{ID: "d1", Name: "d1", Weight: 1}, d.Dimensions[0])
	assert.Equal(t, &Indicator{ID: "i1", Dimension: "d1", Name: "i1", Direction: 1, Weight: 1, Scale: 1}, d.Indicators[0])
	assert.Nil(t, d.Uncertainty)
	assert.Empty(t, d.Sources)
	assert.Empty(t, d.AHP)
	assert.Equal(t, 0, d.Index.Year)

	// Explicit values win over the defaults, zero ones included.
	d, err = Parse("index.toml", []byte(defHead+defTree+tomlLines(
		`[scoring]`, `range = [1, 10]`, `round = 0`, `min_coverage = 0`, `ties = "dense"`,
		`[stars]`, `thresholds = [50]`, `labels = ["low", "high"]`)), nil)
	require.NoError(t, err)
	require.NotNil(t, d.Scoring.Round)
	assert.Equal(t, 0, *d.Scoring.Round)
	assert.Equal(t, [2]float64{1, 10}, d.Scoring.Range)
	assert.Equal(t, 0.0, d.Scoring.MinCoverage)
	assert.Equal(t, "dense", d.Scoring.Ties)
	assert.Equal(t, StarsSpec{Method: "thresholds", Thresholds: []float64{50}, Labels: []string{"low", "high"}}, d.Stars)
	assert.Equal(t, 2, d.Stars.NumClasses())

	// kmeans and jenks take 5 classes too; an explicit count stays.
	for _, m := range []string{"kmeans", "jenks"} {
		d, err = Parse("index.toml", []byte(defHead+defTree+tomlLines(`[stars]`, `method = "`+m+`"`)), nil)
		require.NoError(t, err)
		assert.Equal(t, 5, d.Stars.Classes, m)
		assert.Nil(t, d.Stars.Thresholds, m)
	}
	d, err = Parse("index.toml", []byte(defHead+defTree+tomlLines(`[stars]`, `method = "jenks"`, `classes = 3`)), nil)
	require.NoError(t, err)
	assert.Equal(t, 3, d.Stars.NumClasses())
}

func TestParseEncodingsAndLineEndings(t *testing.T) {
	doc := defHead + defTree
	bom := append([]byte("\xef\xbb\xbf"), doc...)
	d, err := Parse("index.toml", bom, nil)
	require.NoError(t, err, "a UTF-8 byte order mark is fine")
	sum := sha256.Sum256(bom)
	assert.Equal(t, hex.EncodeToString(sum[:]), d.SHA256, "the digest is of the bytes as read")
	assert.Equal(t, "index.toml:5:1", d.KeyPos("dimension", 0, "id").String())

	crlf := strings.ReplaceAll(doc+tomlLines(`  weight = 0`), "\n", "\r\n")
	_, err = Parse("index.toml", []byte(crlf), nil)
	require.Error(t, err)
	assert.Equal(t, "index.toml:9:3: weight 0 of indicator \"i1\" is not positive; fix: give a positive weight; remove the indicator to leave it out", err.Error(),
		"CRLF line endings keep positions right")
}

func TestLoadFileAndFS(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "index.toml")
	require.NoError(t, os.WriteFile(name, []byte(defHead+defTree), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "regions.csv"), []byte("code,name\n520000,贵州省\n"), 0o644))
	d, err := LoadFile(name)
	require.NoError(t, err)
	assert.Equal(t, name, d.File)
	b, shown, err := d.ReadFile("regions.csv")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "regions.csv"), shown, "paths are relative to the index.toml")
	assert.Contains(t, string(b), "贵州省")

	_, err = LoadFile(filepath.Join(dir, "missing.toml"))
	require.Error(t, err)
	assert.True(t, IsInputError(err))
	assert.Equal(t, filepath.Join(dir, "missing.toml")+": file not found; fix: check the path; paths in index.toml are relative to the index.toml itself", err.Error())

	bad := filepath.Join(dir, "bad.toml")
	require.NoError(t, os.WriteFile(bad, []byte(defHead+defTree+tomlLines(`direction = 0`)), 0o644))
	_, err = LoadFile(bad)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), bad+":9:1: direction must be 1 or -1, not 0"), err.Error())

	fsys := fstest.MapFS{
		"2017/index.toml":   {Data: []byte(defHead + defTree)},
		"2017/regions.csv":  {Data: []byte("code,name\n")},
		"2018/index.toml":   {Data: []byte(defHead + defTree + tomlLines(`weight = -1`))},
		"2019/notatoml.txt": {Data: nil},
	}
	d, err = LoadFS(fsys, "2017/index.toml", "embedded:")
	require.NoError(t, err)
	assert.Equal(t, "embedded:2017/index.toml", d.File)
	_, shown, err = d.ReadFile("regions.csv")
	require.NoError(t, err)
	assert.Equal(t, "embedded:2017/regions.csv", shown)
	_, shown, err = d.ReadFile("nope.csv")
	assert.True(t, IsInputError(err))
	assert.Equal(t, "embedded:2017/nope.csv", shown)

	_, err = LoadFS(fsys, "2018/index.toml", "embedded:")
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "embedded:2018/index.toml:9:1: weight -1 of indicator"), err.Error())
	_, err = LoadFS(fsys, "2019/index.toml", "embedded:")
	require.Error(t, err)
	assert.Equal(t, "embedded:2019/index.toml: file not found; fix: check the path; paths in index.toml are relative to the index.toml itself", err.Error())

	// A hand-built definition has no files.
	_, _, err = (&Definition{File: "x.toml"}).ReadFile("a.csv")
	assert.True(t, IsInputError(err))
}

// parseProblems parses doc as index.toml, which must fail with bad input,
// and returns every problem reported.
func parseProblems(t *testing.T, doc []byte) ErrorList {
	t.Helper()
	d, err := Parse("index.toml", doc, nil)
	require.Error(t, err)
	require.Nil(t, d)
	require.True(t, IsInputError(err), "%T: %v", err, err)
	var list ErrorList
	if errors.As(err, &list) {
		return list
	}
	var one *InputError
	require.ErrorAs(t, err, &one)
	return ErrorList{one}
}

// TestParseErrors has one row per class of bad input: the exact position
// of the first problem, and fragments of its message and hint.
func TestParseErrors(t *testing.T) {
	tooBig := bytes.Repeat([]byte("# padding\n"), MaxConfigSize/10+1)
	cases := []struct {
		name string
		doc  string
		pos  string // exact Pos of the first problem
		msg  string // in its message
		hint string // in its hint
		n    int    // number of problems; 0 means 1
	}{
		// TOML syntax. Columns count runes: 测试指数 is 4 columns, not 12.
		{"unclosed string", tomlLines(`[index]`, `name = "测试指数`, `regions = "r.csv"`),
			"index.toml:2:13", "strings cannot contain newlines", "fix the TOML syntax", 0},
		{"missing =", defHead + tomlLines(`[[dimension]]`, `id "d1"`),
			"index.toml:5:4", "expected '.' or '='", "fix the TOML syntax", 0},
		{"array without comma", defHead + defTree + tomlLines(`goalposts = [0 10]`),
			"index.toml:9:16", "expected a comma (',') or array terminator (']')", "arrays brackets", 0},
		{"integer over int64", defHead + defTree + tomlLines(`direction = 99999999999999999999`),
			"index.toml:9:13", "99999999999999999999 is out of range for int64", "write a smaller number", 0},
		{"array never closed", defHead + defTree + tomlLines(`goalposts = [0, 10`),
			"index.toml:9:19", "expected a comma (',') or array terminator (']'), but got end of file", "fix the TOML syntax", 0},
		{"array with a bare word", defHead + tomlLines(`data = [a.csv]`),
			"index.toml:4:9", `expected value but found "a" instead`, "fix the TOML syntax", 0},
		{"key defined twice", defHead + tomlLines(`name = "again"`),
			"index.toml:4:1", "Key 'index.name' has already been defined", "fix the TOML syntax", 0},
		{"unclosed string in a CRLF file", strings.ReplaceAll(defHead+tomlLines(`edition = "2017`), "\n", "\r\n"),
			"index.toml:4:16", "strings cannot contain newlines", "fix the TOML syntax", 0},
		{"unclosed string on line 1 of a CRLF file", "title = \"政策\r\n",
			"index.toml:1:12", "strings cannot contain newlines", "fix the TOML syntax", 0},
		{"table then array table", defHead + defTree + tomlLines(`[[index]]`),
			"index.toml:9:3", "Key 'index' was already created and cannot be used as an array", "fix the TOML syntax", 0},
		{"NUL bytes (UTF-16)", "\x00[\x00i\x00n\x00d\x00",
			"index.toml:1:1", "NULL bytes", "fix the TOML syntax", 0},

		// Values of the wrong type: the key's own line, even in an earlier
		// array-table entry than the last one with that key.
		{"weight as a word", defHead + defTree + tomlLines(`weight = "high"`, `[[indicator]]`, `id = "i2"`, `dimension = "d1"`, `weight = 2`),
			"index.toml:9:1", `wrong type for indicator.weight: found a string, expected a number`, "write a number without quotes, e.g. weight = 1", 0},
		{"weight as a word, 2nd entry, indented", defHead + defTree + tomlLines(`weight = 2`, `[[indicator]]`, `id = "i2"`, `dimension = "d1"`, "\t  weight = \"high\""),
			"index.toml:13:4", `wrong type for indicator.weight`, "weight = 1", 0},
		{"year as a string", defHead + tomlLines(`year = "2017"`) + defTree,
			"index.toml:4:1", "wrong type for index.year: found a string, expected an integer", "write a whole number without quotes, e.g. year = 1", 0},
		{"direction as a float", defHead + defTree + tomlLines(`direction = 1.5`),
			"index.toml:9:1", "wrong type for indicator.direction: found a number, expected an integer", "direction = 1", 0},
		{"name as a number", tomlLines(`[index]`, `regions = "r.csv"`, `name = 2017`),
			"index.toml:3:1", "wrong type for index.name: found an integer, expected a string", `name = "…"`, 0},
		{"data as a string", defHead + tomlLines(`data = "a.csv"`),
			"index.toml:4:1", "wrong type for index.data: found a string, expected an array", "data = [ … ]", 0},
		{"goalposts of strings", defHead + defTree + tomlLines(`goalposts = ["0", "10"]`),
			"index.toml:9:1", "wrong type for indicator.goalposts: found a string, expected a number", "", 0},
		{"integer too large for a float weight, 1st entry", defHead + defTree + tomlLines(`weight = 9007199254740993`, `[[indicator]]`, `id = "i2"`, `dimension = "d1"`, `weight = 1`),
			"index.toml:9:1", "indicator.weight: 9007199254740993 is out of the safe float64 range", "write a smaller number", 0},
		{"integer too large for a float in [uncertainty]", defHead + defTree + tomlLines(`[uncertainty]`, `samples = 10`, `weights_noise = 9007199254740993`),
			"index.toml:11:17", "9007199254740993 is out of the safe float64 range", "write a smaller number", 0}, // the value
		{"year as a date", defHead + tomlLines(`year = 2017-06-07`) + defTree,
			"index.toml:4:1", "wrong type for index.year: found a date or time, expected an integer", "year = 1", 0},
		{"range with three values", defHead + tomlLines(`[scoring]`, `range = [0, 50, 100]`) + defTree,
			"index.toml:5:1", "scoring.range: expected array length 2; got TOML array of length 3", "range = [ … ]", 0},
		{"sensitivity as a string", defHead + defTree + tomlLines(`[uncertainty]`, `sensitivity = "yes"`),
			"index.toml:10:1", "wrong type for uncertainty.sensitivity: found a string, expected a boolean", "sensitivity = true", 0},
		{"files of 2nd source as a string", defHead + defTree + tomlLines(`[[source]]`, `collector = "policies"`, `files = ["a.csv"]`, `[[source]]`, `collector = "catalog"`, `files = "b.json"`),
			"index.toml:14:1", "wrong type for source.files: found a string, expected an array", "", 0},
		{"index as a value", tomlLines(`index = "x"`) + defTree,
			"index.toml:1:1", "wrong type for index: found a string, expected a table", "[index]", 0},
		{"scoring as an array table", defHead + defTree + tomlLines(`[[scoring]]`, `ties = "dense"`),
			"index.toml:9:1", "wrong type for scoring: found an array, expected a table", "", 0},
		{"indicator as a value", tomlLines(`indicator = 3`) + defHead + tomlLines(`[[dimension]]`, `id = "d1"`),
			"index.toml:1:1", "wrong type for indicator: found an integer, expected an array", "", 0},

		// Unknown keys: where they are, with the nearest accepted key.
		{"unknown key at the top level", tomlLines(`title = "x"`) + defHead + defTree,
			"index.toml:1:1", `unknown key "title" at the top level`, "accepted keys: index, scoring, stars, dimension, indicator, source, ahp, cap, uncertainty", 0},
		{"unknown key in [index]", defHead + tomlLines(`author = "me"`) + defTree,
			"index.toml:4:1", `unknown key "index.author" in [index]`, "accepted keys: name, name_en, edition", 0},
		{"unknown key in [scoring]", defHead + defTree + tomlLines(`[scoring]`, `weights = "equal"`, `normalize = "zscore"`),
			"index.toml:11:1", `unknown key "scoring.normalize" in [scoring]`, `did you mean "normalise"?`, 0},
		{"unknown key in the 2nd [[indicator]]", defHead + defTree + tomlLines(``, `[[indicator]]`, `id = "i2"`, `dimension = "d1"`, `  colour = "red"`),
			"index.toml:13:3", `unknown key "indicator.colour" in [indicator]`, "accepted keys: id, dimension", 0},
		{"typo wieght", defHead + defTree + tomlLines(`wieght = 2`),
			"index.toml:9:1", `unknown key "indicator.wieght" in [indicator]`, `did you mean "weight"?`, 0},
		{"typo in two entries: two places", defHead + defTree + tomlLines(`wieght = 2`, `[[indicator]]`, `id = "i2"`, `dimension = "d1"`, `wieght = 3`),
			"index.toml:9:1", `unknown key "indicator.wieght"`, `did you mean "weight"?`, 2},
		{"unknown table: once, at its header", defHead + defTree + tomlLines(`[extra]`, `a = 1`, `b = 2`),
			"index.toml:9:1", `unknown key "extra" at the top level`, "accepted keys: index, scoring", 0},
		{"unknown sub-table", defHead + tomlLines(`[index.meta]`, `a = 1`) + defTree,
			"index.toml:4:1", `unknown key "index.meta" in [index]`, "accepted keys: name", 0},
		{"unknown dotted key", defHead + defTree + tomlLines(`wieght.value = 2`),
			"index.toml:9:1", `unknown key "indicator.wieght" in [indicator]`, `did you mean "weight"?`, 0},
		{"unknown key after a multi-line matrix", defHead + defTree + tomlLines(`[[ahp]]`, `matrix = [`, `  [1, 2],`, `  ["1/2", 1],`, `]`, `parnet = "d1"`),
			"index.toml:14:1", `unknown key "ahp.parnet" in [ahp]`, `did you mean "parent"?`, 0},
		{"unknown key in [uncertainty]", defHead + defTree + tomlLines(`[uncertainty]`, `sample = 100`),
			"index.toml:10:1", `unknown key "uncertainty.sample" in [uncertainty]`, `did you mean "samples"?`, 0},

		// Ids and the tree.
		{"duplicate indicator id", defHead + defTree + tomlLines(`[[indicator]]`, `dimension = "d1"`, `id = "i1"`),
			"index.toml:11:1", `duplicate id "i1" (first declared at index.toml:7:1)`, "give every dimension and indicator its own id", 0},
		{"indicator with a dimension's id", defHead + defTree + tomlLines(`[[indicator]]`, `id = "d1"`, `dimension = "d1"`),
			"index.toml:10:1", `duplicate id "d1" (first declared at index.toml:5:1)`, "its own id", 0},
		{"missing id", defHead + defTree + tomlLines(`[[indicator]]`, `dimension = "d1"`),
			"index.toml:9:1", "indicator #2 has no id", `add id = "…"`, 0},
		{"reserved id", defHead + defTree + tomlLines(`[[dimension]]`, `id = "index"`, `[[indicator]]`, `id = "i2"`, `dimension = "index"`),
			"index.toml:10:1", `"index" is reserved for the whole index`, "choose another id", 0},
		{"id with spaces", defHead + tomlLines(`[[dimension]]`, `id = "my dim"`, `[[indicator]]`, `id = "i1"`, `dimension = "my dim"`),
			"index.toml:5:1", `id "my dim" is not a valid identifier`, "use letters, digits, _ and -, starting with a letter", 0},
		{"id starting with a digit", defHead + defTree + tomlLines(`[[indicator]]`, `id = "2nd"`, `dimension = "d1"`),
			"index.toml:10:1", `id "2nd" is not a valid identifier`, "starting with a letter", 0},
		{"unknown parent", defHead + tomlLines(`[[dimension]]`, `id = "policy"`, `[[dimension]]`, `id = "sub"`, `parent = "polcy"`, `[[indicator]]`, `id = "i1"`, `dimension = "sub"`),
			"index.toml:8:1", `unknown parent "polcy"`, `did you mean "policy"?`, 0},
		{"unknown dimension of an indicator", defHead + defTree + tomlLines(`[[indicator]]`, `id = "i2"`, `dimension = "zzz"`),
			"index.toml:11:1", `unknown dimension "zzz"`, "name the id of a [[dimension]] (d1)", 0},
		{"indicator without dimension", defHead + defTree + tomlLines(`[[indicator]]`, `id = "i2"`),
			"index.toml:9:1", `indicator "i2" belongs to no dimension`, `add dimension = "<dimension id>"`, 0},
		{"cycle a→b→a", defHead + tomlLines(`[[dimension]]`, `id = "a"`, `parent = "b"`, `[[dimension]]`, `id = "b"`, `parent = "a"`, `[[indicator]]`, `id = "i1"`, `dimension = "a"`),
			"index.toml:6:1", "dimensions form a cycle: a → b → a", "make the dimensions a tree", 0},
		{"self-parent", defHead + defTree + tomlLines(`[[dimension]]`, `id = "a"`, `parent = "a"`, `[[indicator]]`, `id = "i2"`, `dimension = "a"`),
			"index.toml:11:1", "dimensions form a cycle: a → a", "make the dimensions a tree", 0},
		{"cycle reached through a chain", defHead + tomlLines(`[[dimension]]`, `id = "c"`, `parent = "a"`, `[[dimension]]`, `id = "a"`, `parent = "b"`, `[[dimension]]`, `id = "b"`, `parent = "a"`, `[[indicator]]`, `id = "i1"`, `dimension = "c"`),
			"index.toml:9:1", "dimensions form a cycle: a → b → a", "make the dimensions a tree", 0},
		{"dimension without indicators", defHead + defTree + tomlLines(`[[dimension]]`, `name = "空"`, `id = "empty"`),
			"index.toml:11:1", `dimension "empty" has no indicators`, `add an indicator with dimension = "empty" or remove the dimension`, 0},
		{"empty dimension beside another problem", defHead + defTree + tomlLines(`direction = 0`, `[[dimension]]`, `id = "empty"`),
			"index.toml:9:1", "direction must be 1 or -1, not 0", "", 2},

		// Weights, directions, goalposts, targets, sources.
		{"zero indicator weight", defHead + defTree + tomlLines(`weight = 0`),
			"index.toml:9:1", `weight 0 of indicator "i1" is not positive`, "give a positive weight", 0},
		{"negative dimension weight", defHead + tomlLines(`[[dimension]]`, `id = "d1"`, `weight = -0.5`, `[[indicator]]`, `id = "i1"`, `dimension = "d1"`),
			"index.toml:6:1", `weight -0.5 of dimension "d1" is not positive`, "remove the dimension to leave it out", 0},
		{"infinite weight", defHead + defTree + tomlLines(`weight = inf`),
			"index.toml:9:1", `weight +Inf of indicator "i1" is not positive`, "", 0},
		{"NaN weight", defHead + defTree + tomlLines(`weight = nan`),
			"index.toml:9:1", `weight NaN of indicator "i1" is not positive`, "", 0},
		{"direction 0", defHead + defTree + tomlLines(`direction = 0`),
			"index.toml:9:1", "direction must be 1 or -1, not 0", "use 1 (higher is better) or -1 (lower is better)", 0},
		{"direction 2", defHead + defTree + tomlLines(`direction = 2`),
			"index.toml:9:1", "direction must be 1 or -1, not 2", "-1 (lower is better)", 0},
		{"inverted goalposts", defHead + defTree + tomlLines(`goalposts = [10, 0]`),
			"index.toml:9:1", "goalposts [10, 0] are inverted or empty", "write the lower goalpost first", 0},
		{"equal goalposts", defHead + defTree + tomlLines(`goalposts = [5, 5]`),
			"index.toml:9:1", "goalposts [5, 5] are inverted or empty", "lo < hi", 0},
		{"three goalposts", defHead + defTree + tomlLines(`goalposts = [0, 5, 10]`),
			"index.toml:9:1", "goalposts need exactly two values, got 3", "write goalposts = [lo, hi]", 0},
		{"NaN target", defHead + defTree + tomlLines(`target = nan`),
			"index.toml:9:1", "target NaN is not a number", "target = 8", 0},
		{"source without measure", defHead + defTree + tomlLines(`source = "policies"`),
			"index.toml:9:1", `source "policies" names no measure`, `"policies.count"`, 0},

		// [stars].
		{"thresholds not ascending", defHead + defTree + tomlLines(`[stars]`, `thresholds = [20, 60, 40, 80]`),
			"index.toml:10:1", "thresholds are not ascending: 40 comes after 60", "strictly ascending", 0},
		{"equal thresholds", defHead + defTree + tomlLines(`[stars]`, `thresholds = [20, 20, 60]`),
			"index.toml:10:1", "thresholds are not ascending: 20 comes after 20", "strictly ascending", 0},
		{"NaN threshold", defHead + defTree + tomlLines(`[stars]`, `thresholds = [nan]`),
			"index.toml:10:1", "threshold 1 is not a number", "strictly ascending", 0},
		{"empty thresholds", defHead + defTree + tomlLines(`[stars]`, `thresholds = []`),
			"index.toml:10:1", "thresholds is empty", "give at least one threshold", 0},
		{"labels count", defHead + defTree + tomlLines(`[stars]`, `labels = ["低", "中", "高"]`),
			"index.toml:10:1", "3 labels for 5 classes", "give one label per class, lowest first", 0},
		{"labels count with thresholds", defHead + defTree + tomlLines(`[stars]`, `thresholds = [50]`, `labels = ["a", "b", "c"]`),
			"index.toml:11:1", "3 labels for 2 classes", "one label per class", 0},
		{"one class", defHead + defTree + tomlLines(`[stars]`, `method = "quantiles"`, `classes = 1`),
			"index.toml:11:1", "classes = 1 is out of range", "use between 2 and 10 classes", 0},
		{"eleven classes", defHead + defTree + tomlLines(`[stars]`, `method = "kmeans"`, `classes = 11`),
			"index.toml:11:1", "classes = 11 is out of range", "between 2 and 10", 0},

		// [scoring] and [index] parameters.
		{"range inverted", defHead + defTree + tomlLines(`[scoring]`, `range = [100, 0]`),
			"index.toml:10:1", "range [100, 0] is empty or inverted", "write range = [lo, hi] with lo < hi", 0},
		{"range empty", defHead + defTree + tomlLines(`[scoring]`, `range = [1, 1]`),
			"index.toml:10:1", "range [1, 1] is empty or inverted", "", 0},
		{"round negative", defHead + defTree + tomlLines(`[scoring]`, `round = -1`),
			"index.toml:10:1", "round = -1 is out of range", "use 0 to 10 decimals", 0},
		{"round too large", defHead + defTree + tomlLines(`[scoring]`, `round = 11`),
			"index.toml:10:1", "round = 11 is out of range", "remove round for no rounding", 0},
		{"min_coverage over 1", defHead + defTree + tomlLines(`[scoring]`, `min_coverage = 1.5`),
			"index.toml:10:1", "min_coverage = 1.5 is not a share", "give a share between 0 and 1", 0},
		{"min_coverage negative", defHead + defTree + tomlLines(`[scoring]`, `min_coverage = -0.1`),
			"index.toml:10:1", "min_coverage = -0.1 is not a share", "", 0},
		{"min_coverage NaN", defHead + defTree + tomlLines(`[scoring]`, `min_coverage = nan`),
			"index.toml:10:1", "min_coverage = NaN is not a share", "", 0},
		{"year out of range", defHead + tomlLines(`year = 17`) + defTree,
			"index.toml:4:1", "year 17 is out of range", "four-digit year", 0},
		{"unknown encoding", defHead + tomlLines(`encoding = "latin1"`) + defTree,
			"index.toml:4:1", `unknown encoding "latin1"`, "use auto, utf-8 or gb18030", 0},
		{"no name", tomlLines(`[index]`, `regions = "r.csv"`) + defTree,
			"index.toml:1:1", "the index has no name", `add name = "…" under [index]`, 0},
		{"no regions", tomlLines(``, `[index]`, `name = "n"`) + defTree,
			"index.toml:2:1", "no regions file is named", `add regions = "regions.csv" under [index]`, 0},
		{"no [index] at all", defTree,
			"index.toml", "the index has no name", "under [index]", 2},
		{"no dimensions or indicators", defHead,
			"index.toml", "the index has no dimensions", "declare at least one [[dimension]]", 2},

		// Whole files.
		{"empty file", "",
			"index.toml", "the index has no name", "under [index]", 4},
		{"only comments", "# nothing here = yet\n\n",
			"index.toml", "the index has no name", "", 4},
		{"not UTF-8 (GB18030)", defHead + tomlLines(`edition = "二〇一七"`, "name_en = \"\xb6\xfe\xc1\xe3\""),
			"index.toml:5:12", "the file is not UTF-8 text", "save index.toml as UTF-8 text", 0},
		{"too big", string(tooBig),
			"index.toml", "over the 4194304-byte limit", "an index definition is a small text file", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			errs := parseProblems(t, []byte(tc.doc))
			n := max(tc.n, 1)
			require.Len(t, errs, n, "%v", errs)
			e := errs[0]
			assert.Equal(t, tc.pos, e.Pos.String())
			assert.True(t, strings.HasPrefix(e.Error(), tc.pos+": "), "%q lacks the prefix %q", e.Error(), tc.pos+": ")
			assert.Contains(t, e.Msg, tc.msg)
			assert.Contains(t, e.Hint, tc.hint)
			assert.NotEmpty(t, e.Hint, "every problem says what to do")
			for _, x := range errs {
				assert.Equal(t, "index.toml", x.Pos.File)
				assert.LessOrEqual(t, x.Pos.Line, strings.Count(tc.doc, "\n")+1)
			}
		})
	}
}

// TestParseErrorsAllListed checks that one pass reports every problem,
// sorted by line, each at its own place.
func TestParseErrorsAllListed(t *testing.T) {
	doc := tomlLines(
		`[index]`,               // 1
		`name = "测试指数"`,         // 2
		`year = 1800`,           // 3
		`[scoring]`,             // 4
		`round = 12`,            // 5
		`min_coverage = 2`,      // 6
		`[stars]`,               // 7
		`thresholds = [60, 40]`, // 8
		`[[dimension]]`,         // 9
		`id = "d1"`,             // 10
		`wieght = 2`,            // 11
		`[[dimension]]`,         // 12
		`id = "d2"`,             // 13
		`parent = "nope"`,       // 14
		`[[indicator]]`,         // 15
		`id = "i1"`,             // 16
		`dimension = "d1"`,      // 17
		`direction = 0`,         // 18
		`[[indicator]]`,         // 19
		`id = "i1"`,             // 20
		`dimension = "d2"`,      // 21
		`goalposts = [1, 0]`,    // 22
		`weight = 0`,            // 23
		`[[indicator]]`,         // 24
		`id = "i3"`,             // 25
		`dimension = "d3"`,      // 26
		`[uncertainty]`,         // 27
		`sample = 5`,            // 28
	)
	errs := parseProblems(t, []byte(doc))
	got := make([]string, len(errs))
	for i, e := range errs {
		got[i] = e.Pos.String() + " " + e.Msg
	}
	assert.Equal(t, []string{
		`index.toml:1:1 no regions file is named`,
		`index.toml:3:1 year 1800 is out of range`,
		`index.toml:5:1 round = 12 is out of range`,
		`index.toml:6:1 min_coverage = 2 is not a share`,
		`index.toml:8:1 thresholds are not ascending: 40 comes after 60`,
		`index.toml:11:1 unknown key "dimension.wieght" in [dimension]`,
		`index.toml:14:1 unknown parent "nope"`,
		`index.toml:18:1 direction must be 1 or -1, not 0`,
		`index.toml:20:1 duplicate id "i1" (first declared at index.toml:16:1)`,
		`index.toml:22:1 goalposts [1, 0] are inverted or empty`,
		`index.toml:23:1 weight 0 of indicator "i1" is not positive`,
		`index.toml:26:1 unknown dimension "d3"`,
		`index.toml:28:1 unknown key "uncertainty.sample" in [uncertainty]`,
	}, got)
	// The list prints one problem a line, in that order.
	var list ErrorList
	_, err := Parse("index.toml", []byte(doc), nil)
	require.ErrorAs(t, err, &list)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, len(got))
	assert.True(t, strings.HasPrefix(lines[0], "index.toml:1:1: no regions file is named; fix: "), lines[0])
}

func TestNearestKnown(t *testing.T) {
	keys := knownKeys["indicator"]
	for in, want := range map[string]string{
		"wieght":     "weight", // swap
		"weigth":     "weight", // swap
		"Weight":     "weight", // case
		"dimenson":   "dimension",
		"normalize":  "normalise",
		"goalpost":   "goalposts",
		"colour":     "", // nothing close
		"x":          "", // too short to guess
		"descriptio": "description",
	} {
		assert.Equal(t, want, nearestKnown(in, keys), in)
	}
	assert.Equal(t, 0, runeEditDistance("政策", "政策"))
	assert.Equal(t, 1, runeEditDistance("政策", "政册"), "runes, not bytes")
	assert.Equal(t, 1, runeEditDistance("ab", "ba"))
	assert.Equal(t, 3, runeEditDistance("", "abc"))
	assert.Equal(t, `did you mean "policy"?`, hintID("polcy", []string{"policy", "open"}, "x"))
	assert.Equal(t, "x (a, b, c, d, e, f, g, h, …)", hintID("zzzzzz", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}, "x"))
}
