package indicators

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// coDays converts days to years of 365.25 days, for hand-computed
// years_active values.
func coDays(days int) float64 { return float64(days) / 365.25 }

// coPolicies2017 are the measures of testdata/evidence/policies.csv for
// 2015–2017 with the cutoff at the end of each year, worked out by hand:
//
//	line 2  贵州省 2016-01-15  条例 (5), topics 共享;产业 → sharing, industry
//	line 3  520000 2016-09     规章 (4), topics 目录 → catalogues
//	line 4  贵州省 2017-06-07  意见 (3), title 共享, 开放 → sharing, opening
//	line 5  贵州省 2017-08-01  指南 (1), title 安全, 分类分级 → security
//	line 6  北京市 2015        计划 (2), no topic
//	line 7  北京市 2017年3月   通知 (3), title 共享, 交换 → sharing
//	line 8  上海市 2018-02-01  (after every cutoff)
//
// years_active: Guizhou from 2016-01-15 (a full date); Beijing from
// 2015-07-01 (a year alone: mid-year). To 2016-01-01: 184 days from
// 2015-07-01. To 2017-01-01: 352 days from 2016-01-15, 550 from
// 2015-07-01. To 2018-01-01: 717 and 915.
var coPolicies2017 = map[string]float64{
	"110000/2015/count": 1, "110000/2015/max_force": 2, "110000/2015/years_active": coDays(184),
	"110000/2015/recent": 1, "110000/2015/topic_coverage": 0,

	"110000/2016/count": 1, "110000/2016/max_force": 2, "110000/2016/years_active": coDays(550),
	"110000/2016/recent": 1, "110000/2016/topic_coverage": 0, // 2015 is within 24 months of the end of 2016
	"520000/2016/count": 2, "520000/2016/max_force": 5, "520000/2016/years_active": coDays(352),
	"520000/2016/recent": 2, "520000/2016/topic_coverage": 50, // sharing, industry, catalogues

	"110000/2017/count": 2, "110000/2017/max_force": 3, "110000/2017/years_active": coDays(915),
	"110000/2017/recent": 1, "110000/2017/topic_coverage": 100.0 / 6, // the 2015 plan is too old
	"520000/2017/count": 4, "520000/2017/max_force": 5, "520000/2017/years_active": coDays(717),
	"520000/2017/recent": 4, "520000/2017/topic_coverage": 500.0 / 6, // and opening, security
}

func TestPoliciesMeasures(t *testing.T) {
	def := coParse(t, coSourceTOML("policies", []string{"evidence/policies.csv"}, ""),
		map[string][]byte{"evidence/policies.csv": coFixture(t, "policies.csv")})
	got := coCollect(t, def, 2015, 2016, 2017)
	coAssertValues(t, coPolicies2017, got)
	assert.Equal(t, "policies.recent: evidence/policies.csv:7", got["110000/2017/recent"].Source)
	assert.Equal(t, "policies.topic_coverage: evidence/policies.csv:2, evidence/policies.csv:3", got["520000/2016/topic_coverage"].Source)
	assert.Equal(t, "policies.max_force: evidence/policies.csv:7", got["110000/2017/max_force"].Source)
}

// TestPoliciesAsOf cuts the records at as_of: a record dated after it is
// ignored, one dated on it counts, and years_active runs to the end of
// as_of.
func TestPoliciesAsOf(t *testing.T) {
	def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, `as_of = "2017-06-07"`+"\n"),
		map[string][]byte{"p.csv": coFixture(t, "policies.csv")})
	got := coCollect(t, def, 2017)
	// To 2017-06-08: 366 + 144 days from 2016-01-15; 708 days from
	// 2015-07-01 (550 to 2017-01-01, then 158).
	coAssertValues(t, map[string]float64{
		"110000/2017/count": 2, "110000/2017/max_force": 3, "110000/2017/years_active": coDays(708),
		"110000/2017/recent": 1, "110000/2017/topic_coverage": 100.0 / 6,
		"520000/2017/count": 3, "520000/2017/max_force": 5, "520000/2017/years_active": coDays(510),
		"520000/2017/recent": 3, "520000/2017/topic_coverage": 400.0 / 6, // no security yet
	}, got)

	// A record dated by its year alone counts by a cutoff early in the
	// year, but years_active (from 1 July) is not negative.
	def = coParse(t, coSourceTOML("policies", []string{"p.csv"}, `as_of = "2017-03-01"`+"\n"),
		map[string][]byte{"p.csv": []byte("region,date,title,kind\n浙江省,2017,浙江省公共数据和电子政务管理办法,规章\n")})
	coAssertValues(t, map[string]float64{
		"330000/2017/count": 1, "330000/2017/max_force": 4, "330000/2017/years_active": 0,
		"330000/2017/recent": 1, "330000/2017/topic_coverage": 0,
	}, coCollect(t, def, 2017))
}

// TestPoliciesComplete: with complete = true every region without
// documents gets 0 for every measure.
func TestPoliciesComplete(t *testing.T) {
	def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, "complete = true\n"),
		map[string][]byte{"p.csv": coFixture(t, "policies.csv")})
	got := coCollect(t, def, 2015, 2016, 2017)
	want := map[string]float64{}
	for k, v := range coPolicies2017 {
		want[k] = v
	}
	for _, region := range []string{"110000", "310000", "330000", "440100", "520000"} {
		for _, year := range []int{2015, 2016, 2017} {
			for _, m := range []string{"count", "max_force", "years_active", "recent", "topic_coverage"} {
				k := fmt.Sprintf("%s/%d/%s", region, year, m)
				if _, ok := want[k]; !ok {
					want[k] = 0
				}
			}
		}
	}
	coAssertValues(t, want, got)
	assert.Equal(t, "policies.count: no record by 2015-12-31 in p.csv", got["520000/2015/count"].Source)
}

// TestPoliciesForms reads the kind ladder, the topic keywords and the
// header aliases.
func TestPoliciesForms(t *testing.T) {
	tests := []struct {
		kind  string
		force float64
	}{
		{"地方性法规", 5}, {"条例", 5}, {"Regulation", 5}, {"local regulation", 5},
		{"政府规章", 4}, {"rule", 4}, {"Government-Rule", 4},
		{"规范性文件", 3}, {"意见", 3}, {"通知", 3}, {"办法", 3}, {"normative", 3},
		{"规划", 2}, {"计划", 2}, {"方案", 2}, {"PLAN", 2},
		{"标准", 1}, {"指南", 1}, {"standard", 1}, {"guideline", 1},
	}
	for _, tc := range tests {
		t.Run(tc.kind, func(t *testing.T) {
			csv := fmt.Sprintf("地区,日期,标题,类型,发布机关,主题,链接,备注\n贵州省,2017-01-01,某文件,%s,,,,\n", tc.kind)
			def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": []byte(csv)})
			assert.Equal(t, tc.force, coCollect(t, def, 2017)["520000/2017/max_force"].Value)
		})
	}

	topics := []struct {
		title, topics string
		want          float64 // topics reached, of 6
	}{
		{"Opinions on Government Data Sharing and Opening", "", 2},
		{"Reopened files", "", 0},  // English keywords start a word
		{"数据安全管理办法", "", 1},        // 安全
		{"关于规范政务数据目录编制的通知", "", 2}, // 规范, 目录
		{"数字经济发展规划", "", 1},        // 经济
		{"某文件", "sharing；opening、security,standards，catalogues;industry", 6},
		{"某文件", "共享;开放;安全;标准;目录;产业", 6},
		{"Data catalogue", "Catalog", 1},
		{"Privacy rules", "", 1},
	}
	for _, tc := range topics {
		t.Run(tc.title+"/"+tc.topics, func(t *testing.T) {
			csv := fmt.Sprintf("region,date,title,kind,topics\n贵州省,2017,%q,通知,%q\n", tc.title, tc.topics)
			def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": []byte(csv)})
			assert.InDelta(t, tc.want*100/6, coCollect(t, def, 2017)["520000/2017/topic_coverage"].Value, 1e-9)
		})
	}
}

// coEvidenceErrors runs a collector on one evidence file (p.csv) and
// returns its problems.
func coEvidenceErrors(t *testing.T, collector, csv, extra string) []string {
	t.Helper()
	def := coParse(t, coSourceTOML(collector, []string{"p.csv"}, extra), map[string][]byte{"p.csv": []byte(csv)})
	return coCollectErr(t, def, 2017)
}

func TestPoliciesErrors(t *testing.T) {
	head := "region,date,title,kind\n"
	tests := []struct {
		name, csv, extra string
		want             []string
	}{
		{"malformed date", head + "贵州省,2017-13-01,a,通知\n贵州省,2017/02/30,b,通知\n贵州省,17-01-01,c,通知\n贵州省,,d,通知\n", "", []string{
			`p.csv:2:2: "2017-13-01" is not a date: there is no month 13`,
			`p.csv:3:2: "2017/02/30" is not a date: month 2 of 2017 has 28 days`,
			`p.csv:4:2: "17-01-01" is not a date`,
			`p.csv:5:2: date is empty`,
		}},
		{"unknown kind", head + "贵州省,2017,a,决议\n贵州省,2017,b,\n", "", []string{
			`p.csv:2:4: unknown policy kind "决议"`,
			`p.csv:3:4: kind is empty`,
		}},
		{"unknown region", head + "贵州,2017,a,通知\n贵州,2017,b,通知\n,2017,c,通知\n", "", []string{
			`p.csv:2:1: unknown region "贵州" (and 1 more row)`,
			`p.csv:4:1: region is empty`,
		}},
		{"duplicate record", head + "贵州省,2017-06-07,a,通知\n贵州省,2017-06,a,通知\n520000,2017-06-07,a,意见\n", "", []string{
			`p.csv:4: duplicate record: the same region, date and title as p.csv:2`,
		}},
		{"empty title", head + "贵州省,2017,,通知\n", "", []string{`p.csv:2:3: title is empty`}},
		{"unknown topic", "region,date,title,kind,topics\n贵州省,2017,a,通知,共享;政务服务\n", "", []string{
			`p.csv:2:5: unknown topic "政务服务"`,
		}},
		{"header", "region,date,title,kind,kind2\n", "", []string{
			`p.csv:1:5: unknown column "kind2" in policies evidence`,
		}},
		{"missing column", "region,date,title\n", "", []string{
			`p.csv:1: policies evidence has no "kind" column (header: "region,date,title")`,
		}},
		{"column twice", "region,date,title,kind,类型\n", "", []string{
			`p.csv:1:5: column "类型" repeats column "kind" (p.csv:1:4)`,
		}},
		{"region of the entry", head + "北京市,2017,a,通知\n", `region = "520000"` + "\n", []string{
			`p.csv:2:1: the row is about 北京市 (110000) but its [[source]] entry is for 贵州省 (520000)`,
		}},
		{"unknown region of the entry", "date,title,kind\n2017,a,通知\n", `region = "贵州"` + "\n", []string{
			fmt.Sprintf(`index.toml:%d:1: unknown region "贵州"`, coLine(t, coSourceTOML("policies", []string{"p.csv"}, `region = "贵州"`), "region =")),
		}},
		{"not CSV", "region,date,title,kind\n\"a,2017\n", "", []string{
			`p.csv:2:1: quoted field is not closed properly (a " must be followed by a comma or the end of the line)`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, coEvidenceErrors(t, "policies", tc.csv, tc.extra))
		})
	}

	// The hints say what to write.
	def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": []byte(head + "贵州,2017,a,决议\n")})
	_, _, err := Collect(def, testRegions(t), []int{2017}, "")
	require.Error(t, err)
	assert.Equal(t, `p.csv:2:1: unknown region "贵州"; fix: did you mean 520000 (贵州省)? Regions are matched by the exact code or name in regions.csv
p.csv:2:4: unknown policy kind "决议"; fix: use one of: 地方性法规 (regulation), 政府规章 (rule), 规范性文件 / 意见 / 通知 / 办法 (normative), 规划 / 计划 (plan), 标准 / 指南 (standard)`, err.Error())
}

// TestPoliciesGB18030 reads the same evidence from GB18030 text: the
// committed fixture, one encoded here, and one read with the encoding
// named.
func TestPoliciesGB18030(t *testing.T) {
	utf8Text := coFixture(t, "policies.csv")
	gb := coFixture(t, "policies-gb18030.csv")
	encoded, err := simplifiedchinese.GB18030.NewEncoder().Bytes(utf8Text)
	require.NoError(t, err)
	assert.Equal(t, encoded, gb, "the fixture is policies.csv in GB18030")
	require.NotEqual(t, utf8Text, gb)

	want := coCollect(t, coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": utf8Text}), 2015, 2016, 2017)
	for _, enc := range []string{"", "gb18030"} {
		def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": gb})
		obs, _, err := Collect(def, testRegions(t), []int{2015, 2016, 2017}, enc)
		require.NoError(t, err, enc)
		got := map[string]Observation{}
		for _, o := range obs {
			got[fmt.Sprintf("%s/%d/%s", o.Region, o.Year, o.Indicator)] = o
		}
		assert.Equal(t, want, got, enc)
	}

	// Read as UTF-8 on purpose, GB18030 text is an error naming the file.
	def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": gb})
	_, _, err = Collect(def, testRegions(t), []int{2017}, "utf-8")
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "p.csv:2: not valid UTF-8"), err.Error())
}

// TestPoliciesLookAlikesAndLineEnds: an evidence file with old Mac line
// ends and region names and codes written with invisible characters or
// full-width digits gives the measures of the plain file; a bidi control
// in it is refused at its cell.
func TestPoliciesLookAlikesAndLineEnds(t *testing.T) {
	plain := coFixture(t, "policies.csv")
	want := coCollect(t, coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": plain}), 2015, 2016, 2017)

	text := strings.ReplaceAll(string(plain), "\n", "\r")
	text = strings.Replace(text, "\r贵州省,2017-06-07", "\r贵州\u200b省,2017-06-07", 1)
	text = strings.Replace(text, "\r520000,", "\r５２００００\ufeff,", 1)
	got := coCollect(t, coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": []byte(text)}), 2015, 2016, 2017)
	assert.Equal(t, want, got, "the same values, cited at the same lines")

	bidi := strings.Replace(string(plain), "北京市,2015,", "北京市,2015,\u202e", 1)
	def := coParse(t, coSourceTOML("policies", []string{"p.csv"}, ""), map[string][]byte{"p.csv": []byte(bidi)})
	_, _, err := Collect(def, testRegions(t), []int{2017}, "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `p.csv:6:3: cell "\u202e北京市大数据和云计算发展行动计划" holds the invisible bidi control U+202E`)
}
