package indicators

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testRegionsCSV = "code,name,name_en,population\n" +
	"110000,北京市,Beijing,2171\n" +
	"310000,上海市,Shanghai,2418\n" +
	"330000,浙江省,Zhejiang,5657\n" +
	"440100,广州市,Guangzhou,1449\n" +
	"520000,贵州省,Guizhou,3580\n"

// testDef is a definition with three table indicators and one that a
// collector fills.
func testDef() *Definition {
	def := &Definition{
		File:       "index.toml",
		Index:      IndexSpec{Name: "test", Year: 2017, Regions: "regions.csv"},
		Dimensions: []*Dimension{{ID: "d", Weight: 1}},
		Indicators: []*Indicator{
			{ID: "policy_docs", Dimension: "d", Direction: 1, Weight: 1},
			{ID: "sharing_depth", Dimension: "d", Direction: 1, Weight: 1},
			{ID: "open_collab", Dimension: "d", Direction: 1, Weight: 1},
			{ID: "platforms", Dimension: "d", Direction: 1, Weight: 1, Source: "platforms.count"},
		},
	}
	def.Reindex()
	return def
}

func testRegions(t testing.TB) *RegionSet {
	t.Helper()
	list, err := ReadRegions(csvTable(t, "regions.csv", testRegionsCSV))
	require.NoError(t, err)
	return NewRegionSet(list)
}

func readObs(t testing.TB, file, text string) ([]Observation, error) {
	t.Helper()
	return ReadObservations(csvTable(t, file, text), testDef(), testRegions(t))
}

// obs is a compact observation for expectations; NaN stands for missing.
func obs(region string, year int, ind string, v float64, pos string) Observation {
	return Observation{Region: region, Year: year, Indicator: ind, Value: v, Pos: mustPos(pos)}
}

// mustPos parses "file:line:col" (file without colons).
func mustPos(s string) Pos {
	var p Pos
	i := len(s)
	parts := []int{}
	for k := 0; k < 2; k++ {
		j := i - 1
		for j >= 0 && s[j] != ':' {
			j--
		}
		n := 0
		for _, c := range s[j+1 : i] {
			n = n*10 + int(c-'0')
		}
		parts = append(parts, n)
		i = j
	}
	p.File, p.Line, p.Col = s[:i], parts[1], parts[0]
	return p
}

// assertObs compares observations, with NaN equal to NaN.
func assertObs(t testing.TB, want, got []Observation) {
	t.Helper()
	norm := func(os []Observation) []Observation {
		out := make([]Observation, len(os))
		for i, o := range os {
			if math.IsNaN(o.Value) {
				o.Value = -999999 // NaN != NaN would fail the comparison
			}
			out[i] = o
		}
		return out
	}
	assert.Equal(t, norm(want), norm(got))
}

func TestReadObservationsLong(t *testing.T) {
	got, err := readObs(t, "data.csv",
		"Indicator,REGION,value,year,source,note\n"+
			"policy_docs,520000,12,2017,gov.cn,\n"+
			"policy_docs,贵州省,9,2016,,old\n"+
			"sharing_depth,北京市,\"1,234\",2017,,\n"+
			"open_collab,上海市,35%,2017,,\n"+
			"open_collab,浙江省,1.2万,2017,,\n"+
			"open_collab,广州市,NA,2017,,not published\n")
	require.NoError(t, err)
	want := []Observation{
		obs("520000", 2017, "policy_docs", 12, "data.csv:2:3"),
		obs("520000", 2016, "policy_docs", 9, "data.csv:3:3"),
		obs("110000", 2017, "sharing_depth", 1234, "data.csv:4:3"),
		obs("310000", 2017, "open_collab", 35, "data.csv:5:3"),
		obs("330000", 2017, "open_collab", 12000, "data.csv:6:3"),
		obs("440100", 2017, "open_collab", math.NaN(), "data.csv:7:3"),
	}
	want[0].Source = "gov.cn"
	want[1].Note = "old"
	want[5].Note = "not published"
	assertObs(t, want, got)
	assert.True(t, got[5].Missing())
}

func TestReadObservationsLongChinese(t *testing.T) {
	got, err := readObs(t, "data.csv", "地区,年份,指标,数值,来源,备注\n贵州省,2017年,policy_docs,１２,国务院,备注\n")
	require.NoError(t, err)
	want := obs("520000", 2017, "policy_docs", 12, "data.csv:2:4")
	want.Source, want.Note = "国务院", "备注"
	assertObs(t, []Observation{want}, got)

	got, err = readObs(t, "data.csv", "地区,指标,值\n贵州省,policy_docs,3\n")
	require.NoError(t, err)
	assertObs(t, []Observation{obs("520000", 0, "policy_docs", 3, "data.csv:2:3")}, got)
}

func TestReadObservationsWide(t *testing.T) {
	got, err := readObs(t, "wide.csv",
		"region,year,policy_docs,sharing_depth\n"+
			"贵州省,2017,12,-\n"+
			"110000,2017.0,8,\"3,000\"\n")
	require.NoError(t, err)
	assertObs(t, []Observation{
		obs("520000", 2017, "policy_docs", 12, "wide.csv:2:3"),
		obs("520000", 2017, "sharing_depth", math.NaN(), "wide.csv:2:4"),
		obs("110000", 2017, "policy_docs", 8, "wide.csv:3:3"),
		obs("110000", 2017, "sharing_depth", 3000, "wide.csv:3:4"),
	}, got)

	// Without a year column, observations have year 0.
	got, err = readObs(t, "wide.csv", "地区,open_collab\n上海市,7\n")
	require.NoError(t, err)
	assertObs(t, []Observation{obs("310000", 0, "open_collab", 7, "wide.csv:2:2")}, got)

	// A header-only table is not an error: data templates look like that.
	got, err = readObs(t, "wide.csv", "region,year,policy_docs\n")
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestReadObservationsMissingAndDuplicates(t *testing.T) {
	// A real value replaces a missing marker for the same cell, in either
	// order; two missing markers make one.
	got, err := readObs(t, "data.csv",
		"region,year,indicator,value\n"+
			"520000,2017,policy_docs,NA\n"+
			"贵州省,2017,policy_docs,5\n"+
			"110000,2017,policy_docs,6\n"+
			"北京市,2017,policy_docs,\n"+
			"310000,2017,policy_docs,—\n"+
			"310000,2017,policy_docs,N/A\n")
	require.NoError(t, err)
	assertObs(t, []Observation{
		obs("520000", 2017, "policy_docs", 5, "data.csv:3:4"),
		obs("110000", 2017, "policy_docs", 6, "data.csv:4:4"),
		obs("310000", 2017, "policy_docs", math.NaN(), "data.csv:6:4"),
	}, got)
}

func TestReadObservationsErrors(t *testing.T) {
	tests := []struct {
		name, in string
		msgs     []string
	}{
		{"neither layout", "a,b,c\n1,2,3\n", []string{
			`data.csv:1: header "a,b,c" is neither the long nor the wide layout; fix: ` + layoutsHint}},
		{"long without value", "region,year,indicator\n", []string{
			`data.csv:1: header "region,year,indicator" looks like the long layout but has no "value" column; fix: ` + layoutsHint}},
		{"long without region", "year,indicator,value\n", []string{
			`data.csv:1: header "year,indicator,value" looks like the long layout but has no "region" column; fix: ` + layoutsHint}},
		{"wide without indicators", "region,year\n", []string{
			`data.csv:1: header "region,year" has a region column but no indicator columns; fix: ` + layoutsHint}},
		{"repeated role", "region,地区,policy_docs\n", []string{
			`data.csv:1:2: column "地区" repeats column "region" (data.csv:1:1); fix: keep one of the two columns`}},
		{"unknown column in long", "region,year,indicator,value,unit,policy_docs\n520000,2017,policy_docs,1,件,\n", []string{
			`data.csv:1:5: unknown column "unit" in the long layout; fix: the long layout has the columns region,year,indicator,value[,source,note]; remove the column`,
			`data.csv:1:6: unknown column "policy_docs" in the long layout; fix: put indicator "policy_docs" in the indicator column, one row per value, or use the wide layout without indicator and value columns`}},
		{"note in wide", "region,policy_docs,note\n520000,1,x\n", []string{
			`data.csv:1:3: the wide layout has no "note" column; fix: use the long layout region,year,indicator,value,source,note to give sources and notes`}},
		{"unknown indicator column with typo", "region,year,policy_doc,sharing_depth\n520000,2017,1,x\n", []string{
			`data.csv:1:3: unknown indicator "policy_doc"; fix: did you mean "policy_docs"? Indicator ids are those of the [[indicator]] entries in index.toml`,
			`data.csv:2:4: value "x" is not a number; fix: ` + valueHint}},
		{"unknown indicator column, no match", "region,gdp\n520000,1\n", []string{
			`data.csv:1:2: unknown indicator "gdp"; fix: use an indicator id from index.toml: policy_docs, sharing_depth, open_collab`}},
		{"collector indicator in wide", "region,platforms,policy_docs\n520000,3,1\n", []string{
			`data.csv:1:2: indicator "platforms" takes its values from collector platforms (source = "platforms.count"); fix: remove the column; its values come from the evidence files of the collector`}},
		{"collector indicator in long", "region,indicator,value\n520000,platforms,3\n110000,platforms,4\n", []string{
			`data.csv:2:2: indicator "platforms" takes its values from collector platforms (source = "platforms.count") (and 1 more row); fix: remove the rows of this indicator; its values come from the evidence files of the collector`}},
		{"unknown regions, folded", "region,year,indicator,value\n" +
			"贵州,2017,policy_docs,1\n" +
			"贵州,2017,sharing_depth,1\n" +
			"贵州,2017,open_collab,1\n" +
			"Tibet,2017,policy_docs,1\n" +
			"52000,2017,policy_docs,1\n", []string{
			`data.csv:2:1: unknown region "贵州" (and 2 more rows); fix: did you mean 520000 (贵州省)? Regions are matched by the exact code or name in regions.csv`,
			`data.csv:5:1: unknown region "Tibet"; fix: use a region code or exact name from regions.csv, such as 110000, 310000, 330000, 440100, 520000`,
			`data.csv:6:1: unknown region "52000"; fix: did you mean 520000 (贵州省)? Regions are matched by the exact code or name in regions.csv`}},
		{"bad cells", "indicator,region,year,value\n" +
			"policy_docs,,2017,1\n" +
			",520000,2017,1\n" +
			"policy_docs,520000,17,1\n" +
			"policy_docs,520000,,1\n" +
			"policy_docs,520000,next,1\n" +
			"policy_docs,520000,2017,1,234\n" +
			"policy_docs,520000,2017,abc\n" +
			"policy_docz,浙江,1e3,1%%\n", []string{
			`data.csv:7:5: row has 5 fields but the header has 4; fix: quote values that contain commas ("1,234") or remove the extra fields`,
			`data.csv:2:2: region is empty; fix: write the region's code or name as in the regions file`,
			`data.csv:3:1: indicator is empty; fix: write the indicator id`,
			`data.csv:4:3: year "17" is not between 1900 and 2100; fix: ` + yearHint,
			`data.csv:5:3: year is empty; fix: fill in the year (four digits, e.g. 2017), or leave out the year column when the index has one year`,
			`data.csv:6:3: year "next" is not a year; fix: ` + yearHint,
			`data.csv:8:4: value "abc" is not a number; fix: ` + valueHint,
			`data.csv:9:1: unknown indicator "policy_docz"; fix: did you mean "policy_docs"? Indicator ids are those of the [[indicator]] entries in index.toml`,
			`data.csv:9:2: unknown region "浙江"; fix: did you mean 330000 (浙江省)? Regions are matched by the exact code or name in regions.csv`,
			`data.csv:9:3: year "1e3" is not between 1900 and 2100; fix: ` + yearHint,
			`data.csv:9:4: value "1%%" is not a number; fix: ` + valueHint}},
		{"duplicates", "region,year,indicator,value\n" +
			"520000,2017,policy_docs,1\n" +
			"贵州省,2017,policy_docs,2\n" +
			"贵州省,2016,policy_docs,2\n" +
			"110000,,policy_docs,2\n", []string{
			`data.csv:3:4: second value for region 520000, indicator "policy_docs", year 2017 (the first is at data.csv:2:4); fix: keep one of the two values (write NA in the other cell, or delete it)`,
			`data.csv:5:2: year is empty; fix: fill in the year (four digits, e.g. 2017), or leave out the year column when the index has one year`}},
		{"duplicates without year", "region,policy_docs\n520000,1\n贵州省,2\n", []string{
			`data.csv:3:2: second value for region 520000, indicator "policy_docs" (the first is at data.csv:2:2); fix: keep one of the two values (write NA in the other cell, or delete it)`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, terr := ReadCSVTable("data.csv", []byte(tc.in), "")
			require.NotNil(t, tb)
			got, err := ReadObservations(tb, testDef(), testRegions(t))
			msgs := messages(t, err)
			if terr != nil {
				msgs = append(messages(t, terr), msgs...)
			}
			assert.Equal(t, tc.msgs, msgs)
			assert.Nil(t, got)
		})
	}
}

func TestReadObservationsIndicatorList(t *testing.T) {
	def := &Definition{File: "index.toml", Dimensions: []*Dimension{{ID: "d", Weight: 1}}}
	for i := range 12 {
		def.Indicators = append(def.Indicators, &Indicator{ID: "indicator_" + string(rune('a'+i)), Dimension: "d", Weight: 1, Direction: 1})
	}
	def.Reindex()
	_, err := ReadObservations(csvTable(t, "data.csv", "region,zzz\n520000,1\n"), def, testRegions(t))
	assert.Equal(t, []string{
		`data.csv:1:2: unknown indicator "zzz"; fix: use an indicator id from index.toml: indicator_a, indicator_b, indicator_c, indicator_d, indicator_e, indicator_f, indicator_g, indicator_h, indicator_i, indicator_j, … (12 in all)`,
	}, messages(t, err))
}

// TestReadObservationsLookAlikes: region codes and names, indicator ids
// and column headers that differ from those of the index only by
// invisible characters, character width or spaces are theirs.
func TestReadObservationsLookAlikes(t *testing.T) {
	got, err := readObs(t, "wide.csv",
		"region\u200b,ｙｅａｒ,policy_docs\ufeff,sharing\u00ad_depth\n"+
			"贵州\u200b省,2017,12,1\n"+
			"１１００００\u2060,2017,8,2\n")
	require.NoError(t, err)
	assertObs(t, []Observation{
		obs("520000", 2017, "policy_docs", 12, "wide.csv:2:3"),
		obs("520000", 2017, "sharing_depth", 1, "wide.csv:2:4"),
		obs("110000", 2017, "policy_docs", 8, "wide.csv:3:3"),
		obs("110000", 2017, "sharing_depth", 2, "wide.csv:3:4"),
	}, got)

	got, err = readObs(t, "long.csv",
		"region,year,indicator,value\n"+
			"110000\u200b,2017,ｐｏｌｉｃｙ＿ｄｏｃｓ,3\n")
	require.NoError(t, err)
	assertObs(t, []Observation{obs("110000", 2017, "policy_docs", 3, "long.csv:2:4")}, got)

	// The same observation written twice, once with a zero-width space,
	// is a duplicate.
	_, err = readObs(t, "long.csv",
		"region,year,indicator,value\n"+
			"110000,2017,policy_docs,3\n"+
			"110000\u200b,2017,policy_docs,4\n")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "long.csv:3:4: second value")
}
