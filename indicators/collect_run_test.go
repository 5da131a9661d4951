package indicators

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// coIndex is the [index] table of the collector tests' projects.
const coIndex = `[index]
name = "collect test"
year = 2017
regions = "regions.csv"

[[dimension]]
id = "d"
`

// coSourceTOML declares one indicator per measure of a collector (its id
// is the measure's name) and one [[source]] entry with the given files and
// extra lines (as_of, complete, region).
func coSourceTOML(collector string, files []string, extra string) string {
	c, ok := LookupCollector(collector)
	if !ok {
		panic("no collector " + collector)
	}
	var b strings.Builder
	b.WriteString(coIndex)
	for _, m := range c.Measures {
		fmt.Fprintf(&b, "\n[[indicator]]\nid = %q\ndimension = \"d\"\nsource = \"%s.%s\"\n", m, collector, m)
	}
	quoted := make([]string, len(files))
	for i, f := range files {
		quoted[i] = fmt.Sprintf("%q", f)
	}
	fmt.Fprintf(&b, "\n[[source]]\ncollector = %q\nfiles = [%s]\n%s", collector, strings.Join(quoted, ", "), extra)
	return b.String()
}

// coParse parses an index.toml whose files are in memory (regions.csv is
// testRegionsCSV unless files has one).
func coParse(t testing.TB, toml string, files map[string][]byte) *Definition {
	t.Helper()
	fsys := fstest.MapFS{"regions.csv": {Data: []byte(testRegionsCSV)}}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	def, err := Parse("index.toml", []byte(toml), FSFiles{FS: fsys, Dir: "."})
	require.NoError(t, err)
	return def
}

// coFixture reads a file of testdata/evidence.
func coFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/evidence/" + name)
	require.NoError(t, err)
	return b
}

// coCollect runs Collect for years and returns the observations by
// "region/year/indicator".
func coCollect(t testing.TB, def *Definition, years ...int) map[string]Observation {
	t.Helper()
	obs, warnings, err := Collect(def, testRegions(t), years, "")
	require.NoError(t, err)
	assert.Empty(t, warnings)
	out := map[string]Observation{}
	for _, o := range obs {
		k := fmt.Sprintf("%s/%d/%s", o.Region, o.Year, o.Indicator)
		require.NotContains(t, out, k)
		out[k] = o
	}
	return out
}

// coAssertValues compares the values with want: the same keys (a missing
// value must have no observation) and values within 1e-9.
func coAssertValues(t testing.TB, want map[string]float64, got map[string]Observation) {
	t.Helper()
	var wantKeys, gotKeys []string
	for k := range want {
		wantKeys = append(wantKeys, k)
	}
	for k := range got {
		gotKeys = append(gotKeys, k)
	}
	sort.Strings(wantKeys)
	sort.Strings(gotKeys)
	require.Equal(t, wantKeys, gotKeys)
	for k, v := range want {
		assert.InDelta(t, v, got[k].Value, 1e-9, k)
	}
}

// coCollectErr runs Collect and returns its problems as "pos: message"
// lines (no hints).
func coCollectErr(t testing.TB, def *Definition, years ...int) []string {
	t.Helper()
	_, _, err := Collect(def, testRegions(t), years, "")
	require.Error(t, err)
	var list ErrorList
	require.ErrorAs(t, err, &list)
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Pos.String() + ": " + e.Msg
		assert.NotEmpty(t, e.Hint, e.Error())
	}
	return out
}

// coLine is the 1-based line of the last occurrence of needle in text.
func coLine(t testing.TB, text, needle string) int {
	t.Helper()
	i := strings.LastIndex(text, needle)
	require.GreaterOrEqual(t, i, 0, "%q not in the text", needle)
	return 1 + strings.Count(text[:i], "\n")
}

func TestCollectSourceChecks(t *testing.T) {
	head := coIndex + `
[[indicator]]
id = "docs"
dimension = "d"
source = "%s"
`
	policies := "\n[[source]]\ncollector = \"policies\"\nfiles = [\"p.csv\"]\n"
	names := "use one of: " + strings.Join(CollectorNames(), ", ")
	tests := []struct {
		name string
		toml string
		at   string // the text at the start of the line of the problem (its last occurrence)
		msg  string
		hint string
	}{
		{"unknown collector", fmt.Sprintf(head, "polices.count") + policies,
			"source =", `unknown collector "polices"`, names},
		{"unknown measure", fmt.Sprintf(head, "policies.counts") + policies,
			"source =", `collector "policies" has no measure "counts"`,
			"use one of: count, max_force, years_active, recent, topic_coverage"},
		{"no [[source]] for the collector", fmt.Sprintf(head, "platforms.count") + policies,
			"source =", `no [[source]] entry gives the evidence of collector "platforms"`,
			`declare its evidence files in index.toml: [[source]] collector = "platforms" files = ["evidence/platforms.csv"]`},
		{"unknown collector in [[source]]", fmt.Sprintf(head, "policies.count") + policies + "\n[[source]]\ncollector = \"policy\"\nfiles = [\"q.csv\"]\n",
			"collector =", `unknown collector "policy"`, names},
		{"no collector in [[source]]", fmt.Sprintf(head, "policies.count") + policies + "\n[[source]]\nfiles = [\"q.csv\"]\n",
			"[[source]]", `the [[source]] entry names no collector`, names},
		{"no files", fmt.Sprintf(head, "policies.count") + "\n[[source]]\ncollector = \"policies\"\n",
			"[[source]]", `the [[source]] entry lists no files`, `add files = ["evidence/<file>"], paths relative to index.toml`},
		{"file twice", fmt.Sprintf(head, "policies.count") + "\n[[source]]\ncollector = \"policies\"\nfiles = [\"p.csv\", \"p.csv\"]\n",
			"files =", `evidence file "p.csv" is listed twice`, "name each file once in files"},
		{"bad as_of", fmt.Sprintf(head, "policies.count") + policies + "as_of = \"2017-02-30\"\n",
			"as_of =", `as_of: "2017-02-30" is not a date: month 2 of 2017 has 28 days`, `write as_of = "2017-06-07" (or "2017-06", "2017")`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			def := coParse(t, tc.toml, map[string][]byte{"p.csv": []byte("region,date,title,kind\n")})
			want := fmt.Sprintf("index.toml:%d:1: %s", coLine(t, tc.toml, tc.at), tc.msg)
			assert.Equal(t, []string{want}, coCollectErr(t, def, 2017))
			_, _, err := Collect(def, testRegions(t), []int{2017}, "")
			assert.Equal(t, tc.hint, err.(ErrorList)[0].Hint)
			// CheckSources finds the same without reading a file.
			assert.Equal(t, err, CheckSources(def))
		})
	}
}

func TestCollectMissingFile(t *testing.T) {
	def := coParse(t, coSourceTOML("policies", []string{"evidence/policies.csv", "evidence/nope.csv"}, ""),
		map[string][]byte{"evidence/policies.csv": coFixture(t, "policies.csv")})
	assert.Equal(t, []string{`index.toml:36:35: evidence file "evidence/nope.csv" not found (tried evidence/nope.csv)`}, coCollectErr(t, def, 2017))
}

func TestCollectNoYear(t *testing.T) {
	def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": coFixture(t, "policies.csv")})
	assert.Equal(t, []string{"index.toml:3:1: there is no year to collect the evidence for"}, coCollectErr(t, def))
}

// TestCollectProvenance checks the Source and Pos of observations: the
// evidence rows, capped at MaxProvenance; and the text of a value that
// rests on no record.
func TestCollectProvenance(t *testing.T) {
	def := coParse(t, coSourceTOML("policies", []string{"evidence/policies.csv"}, ""),
		map[string][]byte{"evidence/policies.csv": coFixture(t, "policies.csv")})
	got := coCollect(t, def, 2016, 2017)
	o := got["520000/2017/count"]
	assert.Equal(t, "policies.count: evidence/policies.csv:2, evidence/policies.csv:3, evidence/policies.csv:4, evidence/policies.csv:5", o.Source)
	assert.Equal(t, Pos{File: "evidence/policies.csv", Line: 2}, o.Pos)
	assert.Equal(t, "policies.max_force: evidence/policies.csv:2", got["520000/2017/max_force"].Source)
	assert.Equal(t, "policies.years_active: evidence/policies.csv:2", got["520000/2017/years_active"].Source)
	assert.Equal(t, "policies.topic_coverage: evidence/policies.csv:6", got["110000/2016/topic_coverage"].Source,
		"no document reached a topic: the documents read are the evidence")

	// 25 documents: 20 listed, then a count.
	var csv strings.Builder
	csv.WriteString("region,date,title,kind\n")
	for i := range 25 {
		fmt.Fprintf(&csv, "贵州省,2017-01-%02d,文件%d,通知\n", i+1, i+1)
	}
	def = coParse(t, coSourceTOML("policies", []string{"many.csv"}, ""), map[string][]byte{"many.csv": []byte(csv.String())})
	got = coCollect(t, def, 2017)
	var items []string
	for row := 2; row <= 21; row++ {
		items = append(items, fmt.Sprintf("many.csv:%d", row))
	}
	assert.Equal(t, "policies.count: "+strings.Join(items, ", ")+" … and 5 more", got["520000/2017/count"].Source)
	assert.Equal(t, 25.0, got["520000/2017/count"].Value)

	// complete = true: zeros that say they rest on no record.
	def = coParse(t, coSourceTOML("policies", []string{"evidence/policies.csv"}, "as_of = \"2017-06-07\"\ncomplete = true\n"),
		map[string][]byte{"evidence/policies.csv": coFixture(t, "policies.csv")})
	got = coCollect(t, def, 2017)
	o = got["310000/2017/count"]
	assert.Equal(t, 0.0, o.Value)
	assert.Equal(t, "policies.count: no record by 2017-06-07 in evidence/policies.csv", o.Source)
	assert.Equal(t, Pos{File: "evidence/policies.csv"}, o.Pos)
}

// TestCollectOrder checks that observations come by indicator, year and
// region, and that an indicator per measure gets its own observations.
func TestCollectOrder(t *testing.T) {
	toml := coIndex + `
[[indicator]]
id = "b"
dimension = "d"
source = "policies.max_force"

[[indicator]]
id = "a"
dimension = "d"
source = "policies.count"

[[indicator]]
id = "a2"
dimension = "d"
source = "policies.count"

[[source]]
collector = "policies"
files = ["p.csv"]
`
	def := coParse(t, toml, map[string][]byte{"p.csv": coFixture(t, "policies.csv")})
	obs, _, err := Collect(def, testRegions(t), []int{2017, 2016, 2017}, "")
	require.NoError(t, err)
	var keys []string
	for _, o := range obs {
		keys = append(keys, fmt.Sprintf("%s/%d/%s=%g", o.Indicator, o.Year, o.Region, o.Value))
	}
	assert.Equal(t, []string{
		"b/2016/110000=2", "b/2016/520000=5", "b/2017/110000=3", "b/2017/520000=5",
		"a/2016/110000=1", "a/2016/520000=2", "a/2017/110000=2", "a/2017/520000=4",
		"a2/2016/110000=1", "a2/2016/520000=2", "a2/2017/110000=2", "a2/2017/520000=4",
	}, keys)
}

// TestCollectEntries merges [[source]] entries of one collector: distinct
// regions merge; the same region in two entries is an error; the zeros of
// a complete entry yield to another entry's records.
func TestCollectEntries(t *testing.T) {
	files := map[string][]byte{
		"gz.csv":  []byte("region,date,title,kind\n贵州省,2016,条例,地方性法规\n"),
		"bj.csv":  []byte("region,date,title,kind\n北京市,2017-03,通知,通知\n"),
		"gz2.csv": []byte("date,title,kind\n2017,规划,规划\n"),
	}
	entry := func(file, extra string) string {
		return fmt.Sprintf("\n[[source]]\ncollector = \"policies\"\nfiles = [%q]\n%s", file, extra)
	}
	head := coIndex + "\n[[indicator]]\nid = \"docs\"\ndimension = \"d\"\nsource = \"policies.count\"\n"

	t.Run("distinct regions", func(t *testing.T) {
		def := coParse(t, head+entry("gz.csv", "")+entry("bj.csv", `as_of = "2017-02"`), files)
		coAssertValues(t, map[string]float64{"520000/2017/docs": 1}, coCollect(t, def, 2017))
		def = coParse(t, head+entry("gz.csv", "")+entry("bj.csv", `as_of = "2017-03"`), files)
		coAssertValues(t, map[string]float64{"520000/2017/docs": 1, "110000/2017/docs": 1}, coCollect(t, def, 2017))
	})
	t.Run("complete yields", func(t *testing.T) {
		def := coParse(t, head+entry("bj.csv", "complete = true")+entry("gz.csv", ""), files)
		got := coCollect(t, def, 2017)
		coAssertValues(t, map[string]float64{"110000/2017/docs": 1, "310000/2017/docs": 0, "330000/2017/docs": 0,
			"440100/2017/docs": 0, "520000/2017/docs": 1}, got)
		assert.Equal(t, "policies.count: gz.csv:2", got["520000/2017/docs"].Source)
	})
	t.Run("region of the entry", func(t *testing.T) {
		def := coParse(t, head+entry("gz2.csv", "region = \"贵州省\"\ncomplete = true"), files)
		got := coCollect(t, def, 2016, 2017)
		coAssertValues(t, map[string]float64{"520000/2016/docs": 0, "520000/2017/docs": 1}, got)
	})
	t.Run("same region twice", func(t *testing.T) {
		toml := head + entry("gz.csv", "") + entry("gz2.csv", `region = "520000"`)
		def := coParse(t, toml, files)
		assert.Equal(t, []string{fmt.Sprintf(`index.toml:%d:1: region 贵州省 (520000) is covered by two [[source]] entries of collector "policies" (gz.csv:2 and gz2.csv:2)`,
			coLine(t, toml, "files ="))}, coCollectErr(t, def, 2017))
	})
}

// TestCollectCutoffs runs the same evidence for several years with and
// without as_of: each year counts the records dated by its cutoff.
func TestCollectCutoffs(t *testing.T) {
	tests := []struct {
		asOf string
		want map[string]float64 // Guizhou's and Beijing's count by year
	}{
		{"", map[string]float64{"520000/2016/count": 2, "520000/2017/count": 4, "110000/2015/count": 1, "110000/2016/count": 1,
			"110000/2017/count": 2, "310000/2018/count": 1, "520000/2018/count": 4, "110000/2018/count": 2}},
		{"2017-06-07", map[string]float64{"520000/2016/count": 2, "520000/2017/count": 3, "110000/2015/count": 1, "110000/2016/count": 1,
			"110000/2017/count": 2, "520000/2018/count": 3, "110000/2018/count": 2}},
		{"2017-06-06", map[string]float64{"520000/2016/count": 2, "520000/2017/count": 2, "110000/2015/count": 1, "110000/2016/count": 1,
			"110000/2017/count": 2, "520000/2018/count": 2, "110000/2018/count": 2}},
		{"2017-02", map[string]float64{"520000/2016/count": 2, "520000/2017/count": 2, "110000/2015/count": 1, "110000/2016/count": 1,
			"110000/2017/count": 1, "520000/2018/count": 2, "110000/2018/count": 1}},
		{"2016", map[string]float64{"520000/2016/count": 2, "520000/2017/count": 2, "110000/2015/count": 1, "110000/2016/count": 1,
			"110000/2017/count": 1, "520000/2018/count": 2, "110000/2018/count": 1}},
		{"2016-06-30", map[string]float64{"520000/2016/count": 1, "520000/2017/count": 1, "110000/2015/count": 1, "110000/2016/count": 1,
			"110000/2017/count": 1, "520000/2018/count": 1, "110000/2018/count": 1}},
	}
	for _, tc := range tests {
		t.Run("as_of="+tc.asOf, func(t *testing.T) {
			extra := ""
			if tc.asOf != "" {
				extra = fmt.Sprintf("as_of = %q\n", tc.asOf)
			}
			def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, extra), map[string][]byte{"p.csv": coFixture(t, "policies.csv")})
			got := coCollect(t, def, 2015, 2016, 2017, 2018)
			counts := map[string]Observation{}
			for k, o := range got {
				if strings.HasSuffix(k, "/count") {
					counts[k] = o
				}
			}
			coAssertValues(t, tc.want, counts)
		})
	}
}

// TestLoadDataCollects reads a project with observation tables and
// evidence: the collectors run for the tables' years, [index] year and
// the as_of years, and the digest covers the evidence.
func TestLoadDataCollects(t *testing.T) {
	data := "region,year,sharing_depth\n贵州省,2015,1\n贵州省,2016,2\n"
	policies := coFixture(t, "policies.csv")
	collabs := coFixture(t, "collaborations.csv")
	toml := strings.Replace(coIndex, `regions = "regions.csv"`, "regions = \"regions.csv\"\ndata = [\"data.csv\"]", 1) + `
[[indicator]]
id = "sharing_depth"
dimension = "d"

[[indicator]]
id = "docs"
dimension = "d"
source = "policies.count"

[[indicator]]
id = "events"
dimension = "d"
source = "collaborations.event"

[[source]]
collector = "collaborations"
files = ["evidence/collaborations.csv"]
as_of = "2018-01-01"

[[source]]
collector = "policies"
files = ["evidence/policies.csv"]
`
	files := map[string][]byte{"data.csv": []byte(data), "evidence/policies.csv": policies, "evidence/collaborations.csv": collabs}
	def := coParse(t, toml, files)
	ds, err := LoadData(def, "")
	require.NoError(t, err)
	got := map[string]Observation{}
	for _, o := range ds.Observations {
		got[fmt.Sprintf("%s/%d/%s", o.Region, o.Year, o.Indicator)] = o
	}
	coAssertValues(t, map[string]float64{
		"520000/2015/sharing_depth": 1, "520000/2016/sharing_depth": 2,
		"110000/2015/docs": 1, "110000/2016/docs": 1, "520000/2016/docs": 2, "110000/2017/docs": 2, "520000/2017/docs": 4,
		"110000/2018/docs": 2, "520000/2018/docs": 4, "310000/2018/docs": 1,
		"520000/2016/events": 1, "520000/2017/events": 2, "520000/2018/events": 2,
	}, got)
	assert.Equal(t, []int{2015, 2016, 2017, 2018}, ds.Years())
	assert.Equal(t, "collaborations.event: evidence/collaborations.csv:4, evidence/collaborations.csv:5", got["520000/2017/events"].Source)

	// The digest: regions, data, then the evidence in [[source]] order.
	h := sha256.New()
	for _, f := range []struct {
		name string
		body []byte
	}{{"regions.csv", []byte(testRegionsCSV)}, {"data.csv", []byte(data)},
		{"evidence/collaborations.csv", collabs}, {"evidence/policies.csv", policies}} {
		h.Write([]byte(f.name + "\x00"))
		h.Write(f.body)
	}
	assert.Equal(t, hex.EncodeToString(h.Sum(nil)), ds.SHA256)

	// The matrix of a year carries the provenance.
	m := ds.Matrix(def, 2016)
	assert.Equal(t, "policies.count: evidence/policies.csv:2, evidence/policies.csv:3", m.Sources[4][1])

	// Evidence problems are LoadData's problems, with the table's.
	files["evidence/policies.csv"] = []byte("region,date,title,kind\n贵州,2017,x,通知\n")
	files["data.csv"] = []byte("region,year,sharing_depth\n贵州省,2015,x\n")
	_, err = LoadData(coParse(t, toml, files), "")
	require.Error(t, err)
	assert.Equal(t, `data.csv:2:3: value "x" is not a number; fix: write a number such as 12.5, "1,234", 35% or 1.2万; leave the cell empty or write NA when the value is missing
evidence/policies.csv:2:1: unknown region "贵州"; fix: did you mean 520000 (贵州省)? Regions are matched by the exact code or name in regions.csv`, err.Error())
}

// TestLoadDataSources covers the years rule and a definition without
// [[source]] entries.
func TestLoadDataSources(t *testing.T) {
	ind := "\n[[indicator]]\nid = \"docs\"\ndimension = \"d\"\nsource = \"policies.count\"\n"
	src := "\n[[source]]\ncollector = \"policies\"\nfiles = [\"p.csv\"]\n"
	noYear := strings.Replace(coIndex, "year = 2017\n", "", 1)
	files := map[string][]byte{"p.csv": coFixture(t, "policies.csv")}

	// No year anywhere: an error asking for [index] year.
	_, err := LoadData(coParse(t, noYear+ind+src, files), "")
	require.Error(t, err)
	assert.Equal(t, "index.toml:1:1: there is no year to collect the evidence for; fix: add year = 2017 (the year rated) to [index], or give the observation tables a year column", err.Error())

	// The as_of year is enough.
	ds, err := LoadData(coParse(t, noYear+ind+src+"as_of = \"2016-12\"\n", files), "")
	require.NoError(t, err)
	assert.Equal(t, []int{2016}, ds.Years())

	// No [[source]]: nothing is collected (scoring.Check reports the
	// indicator; CheckSources says why).
	def := coParse(t, coIndex+ind, files)
	ds, err = LoadData(def, "")
	require.NoError(t, err)
	assert.Empty(t, ds.Observations)
	assert.Len(t, CheckSources(def), 1)
}

// TestCollectMessagesChinese checks that evidence problems, including
// the parts built at run time (dates, numbers, column names, hints with
// lists), come out in Chinese.
func TestCollectMessagesChinese(t *testing.T) {
	csv := "region,date,name,kind,departments,extra\n" +
		"贵州,2017-02-30,,bogus,-1,\n" +
		"贵州省,2017,a,open,x,\n" +
		"贵州省,2017,a,open,,\n"
	def := coParse(t, coSourceTOML("platforms", []string{"p.csv"}, ""), map[string][]byte{"p.csv": []byte(csv)})
	_, _, err := Collect(def, testRegions(t), []int{2017}, "")
	require.Error(t, err)
	var got []string
	for _, e := range err.(ErrorList) {
		msg, hint := e.Localized("zh")
		got = append(got, e.Pos.String()+": "+msg+"；"+hint)
	}
	assert.Equal(t, []string{
		"p.csv:1:6: platforms 证据文件中有未知的列 \"extra\"；请使用 platforms 证据文件的列：region,date,name,kind[,level,departments,datasets,records,domains,url,note,title_en]",
		"p.csv:2:1: 未知的地区 \"贵州\"；是否应为 520000（贵州省）？地区须与 regions.csv 中的代码或名称完全一致",
		"p.csv:2:2: \"2017-02-30\" 不是有效的日期：2017 年 2 月只有 28 天；" + zhHints[hintDate],
		"p.csv:2:3: 名称 为空；请填写该单元格，或删去该行",
		"p.csv:2:4: 未知的平台类型 \"bogus\"；" + zhHints[hintPlatformKind],
		"p.csv:2:5: 部门数：\"-1\" 是负数；" + zhHints[hintEvidenceNumber],
		"p.csv:3:5: 部门数：\"x\" 不是数字；" + zhHints[hintEvidenceNumber],
		"p.csv:4: 重复的记录：地区、日期和名称与 p.csv:3 相同；请删去两行中的一行：每条记录只计一次",
	}, got)

	toml := coIndex + "\n[[indicator]]\nid = \"x\"\ndimension = \"d\"\nsource = \"collaborations.count\"\n"
	e := CheckSources(coParse(t, toml, nil))[0]
	msg, hint := e.Localized("zh")
	assert.Equal(t, `没有 [[source]] 条目为采集器 "collaborations" 提供证据文件`, msg)
	assert.Equal(t, `请在 index.toml 中声明它的证据文件：[[source]] collector = "collaborations" files = ["evidence/collaborations.csv"]`, hint)
}
