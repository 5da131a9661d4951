package indicators

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// csvTable reads CSV text that a test expects to be well formed.
func csvTable(t testing.TB, file, text string) *Table {
	t.Helper()
	tb, err := ReadCSVTable(file, []byte(text), "")
	require.NoError(t, err)
	return tb
}

// messages returns the lines of an ErrorList (or of any error).
func messages(t testing.TB, err error) []string {
	t.Helper()
	require.Error(t, err)
	var list ErrorList
	if !assert.ErrorAs(t, err, &list) {
		return []string{err.Error()}
	}
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Error()
	}
	return out
}

func TestReadRegions(t *testing.T) {
	tb := csvTable(t, "regions.csv",
		"Code,NAME,name_en,level,parent,group,population,gdp,note\n"+
			"520000,贵州省,Guizhou,province,,west,3580,\"1,354\",first five-star\n"+
			"440100,广州市,Guangzhou,city,440000,south,1449,NA,\n")
	list, err := ReadRegions(tb)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, &Region{
		Code: "520000", Name: "贵州省", NameEn: "Guizhou", Level: "province", Group: "west",
		Attrs: map[string]float64{"population": 3580, "gdp": 1354},
		Extra: map[string]string{"population": "3580", "gdp": "1,354", "note": "first five-star"},
		Pos:   Pos{File: "regions.csv", Line: 2},
	}, list[0])
	assert.Equal(t, &Region{
		Code: "440100", Name: "广州市", NameEn: "Guangzhou", Level: "city", Parent: "440000", Group: "south",
		Attrs: map[string]float64{"population": 1449},
		Extra: map[string]string{"population": "1449", "gdp": "NA", "note": ""},
		Pos:   Pos{File: "regions.csv", Line: 3},
	}, list[1])
}

func TestReadRegionsChineseHeaders(t *testing.T) {
	for _, header := range []string{"代码,名称,英文名,级别,上级,分组", "编码,地区,英文名称,级别,上级,分组"} {
		tb := csvTable(t, "regions.csv", header+"\n520000,贵州省,Guizhou,省,,西部\n")
		list, err := ReadRegions(tb)
		require.NoError(t, err, header)
		require.Len(t, list, 1)
		r := list[0]
		assert.Equal(t, []string{"520000", "贵州省", "Guizhou", "省", "", "西部"},
			[]string{r.Code, r.Name, r.NameEn, r.Level, r.Parent, r.Group})
		assert.Nil(t, r.Extra)
	}
}

func TestReadRegionsErrors(t *testing.T) {
	tests := []struct {
		name, in string
		msgs     []string
		kept     int // regions returned beside the errors
	}{
		{"no code column", "name,population\n贵州省,1\n", []string{
			`regions.csv:1: regions table has no "code" column (header: name,population); fix: ` + hintRegionsHeader}, 0},
		{"neither column", "a,b\n1,2\n", []string{
			`regions.csv:1: regions table has no "code" column (header: a,b); fix: ` + hintRegionsHeader,
			`regions.csv:1: regions table has no "name" column (header: a,b); fix: ` + hintRegionsHeader}, 0},
		{"two code columns", "code,代码,name\n1,1,x\n", []string{
			`regions.csv:1:2: column "代码" repeats column "code" (regions.csv:1:1); fix: keep one of the two columns`}, 0},
		{"no rows", "code,name\n", []string{
			`regions.csv:1: no regions; fix: add one row per region below the header`}, 0},
		{"bad rows", "code,name\n" +
			"520000,贵州省\n" +
			",北京市\n" +
			"520000,上海市\n" +
			"330000,贵州省\n" +
			"440100,\n" +
			"310000,上海市\n", []string{
			`regions.csv:3:1: region code is empty; fix: give every region a code (GB/T 2260 codes such as 520000 are the convention)`,
			`regions.csv:4:1: duplicate region code "520000" (also at regions.csv:2:1); fix: give each region its own code`,
			`regions.csv:5:2: duplicate region name "贵州省" (also at regions.csv:2:2); fix: give each region its own name`,
			`regions.csv:6:2: region name is empty; fix: give every region a name`,
		}, 2},
		{"name is another code", "code,name\n1,2\n2,3\n", []string{
			`regions.csv:2:2: region name "2" is the code of the region at regions.csv:3:1; fix: rename the region so that names and codes differ`,
		}, 2},
		{"look-alike duplicates", "code,name\n" +
			"110000,北京市\n" +
			"120000,北京\u200b市\n" +
			"１１００００,河北省\n" +
			"\u200b,山西省\n" +
			"130000 \u00ad,\u2060\n", []string{
			`regions.csv:3:2: region name "北京\u200b市" is the same as "北京市" at regions.csv:2:2 once invisible characters and character widths are ignored; fix: ` + lookAlikeHint,
			`regions.csv:4:1: region code "１１００００" is the same as "110000" at regions.csv:2:1 once invisible characters and character widths are ignored; fix: ` + lookAlikeHint,
			`regions.csv:5:1: region code is empty; fix: give every region a code (GB/T 2260 codes such as 520000 are the convention)`,
			`regions.csv:6:2: region name is empty; fix: give every region a name`,
		}, 1},
		{"look-alike name is another code", "code,name\n1,２\n2,3\n", []string{
			`regions.csv:2:2: region name "２" is the code of the region at regions.csv:3:1; fix: rename the region so that names and codes differ`,
		}, 2},
		{"non-finite numbers in any column", "code,name,population,note\n" +
			"1,a,NaN,x\n" +
			"2,b,inf,-Infinity\n" +
			"3,c,1e400,NA\n" +
			"4,d,-1E+999,text\n", []string{
			`regions.csv:2:3: column "population": "NaN" is not a number; fix: ` + regionNumberHint,
			`regions.csv:3:3: column "population": "inf" is not a number; fix: ` + regionNumberHint,
			`regions.csv:3:4: column "note": "-Infinity" is not a number; fix: ` + regionNumberHint,
			`regions.csv:4:3: column "population": "1e400" is out of range; fix: ` + regionNumberHint,
			`regions.csv:5:3: column "population": "-1E+999" is out of range; fix: ` + regionNumberHint,
		}, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			list, err := ReadRegions(csvTable(t, "regions.csv", tc.in))
			assert.Equal(t, tc.msgs, messages(t, err))
			assert.True(t, IsInputError(err))
			assert.Len(t, list, tc.kept)
		})
	}
}

const lookAlikeHint = "delete one of the two rows, or tell them apart by visible characters; remove the invisible characters (zero-width spaces, joiners, direction marks) that came with copied text"

// TestReadRegionsDenominatorColumns: a column an indicator divides by
// holds numbers or missing markers only; other columns may hold text.
func TestReadRegionsDenominatorColumns(t *testing.T) {
	tb := csvTable(t, "regions.csv", "code,name,population\u200b,note\n1,a,12,x\n2,b,about 5 million,12\n3,c,NA,\n")
	list, err := readRegions(tb, map[int]bool{2: true})
	assert.Equal(t, []string{`regions.csv:3:3: column "population\u200b": "about 5 million" is not a number; fix: ` + regionNumberHint}, messages(t, err))
	require.Len(t, list, 3)
	// Attrs are keyed by the header's NameKey: a denominator named
	// population finds the column written with a zero-width space.
	assert.Equal(t, map[string]float64{"population": 12}, list[0].Attrs)
	assert.Equal(t, map[string]float64{"note": 12}, list[1].Attrs)
	assert.Equal(t, "about 5 million", list[1].Extra["population\u200b"])

	_, err = readRegions(tb, nil)
	assert.NoError(t, err, "a column no indicator divides by may hold text")
}

// TestRegionSetLookupNameKey: codes and names are found as written or
// differing only by invisible characters, character width and spaces.
func TestRegionSetLookupNameKey(t *testing.T) {
	rs := NewRegionSet([]*Region{{Code: "110000", Name: "北京市"}, {Code: "HK", Name: "香港特别行政区"}})
	for _, text := range []string{"110000", "110000\u200b", "\ufeff110000", "１１００００", " 110000\u3000", "北京市", "北京\u200d市", "\u202e北京市\u202c"} {
		r, ok := rs.Lookup(text)
		if assert.True(t, ok, "%q", text) {
			assert.Equal(t, "110000", r.Code)
		}
	}
	r, ok := rs.Lookup("ＨＫ")
	require.True(t, ok)
	assert.Equal(t, "HK", r.Code)
	for _, text := range []string{"", "\u200b", "hk", "北京", "1100000"} {
		_, ok := rs.Lookup(text)
		assert.False(t, ok, "%q", text)
	}
}
