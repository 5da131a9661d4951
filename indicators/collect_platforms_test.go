package indicators

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// coPlatforms are the measures of testdata/evidence/platforms.csv for
// 2015–2017, worked out by hand:
//
//	line 2  贵州省 2015-10     sharing   departments 60, records 1.2亿
//	line 3  贵州省 2016-09-20  open      departments 30, datasets 1,200, domains 12
//	line 4  贵州省 2017        exchange  (no numbers)
//	line 5  北京市 2016        open      departments 40, datasets 300, records 5万, domains 20
//	line 6  北京市 2017-05-01  sharing   departments 55
//
// years_active: Guizhou from 2015-10-15 (a month alone: its 15th), 78 days
// to 2016-01-01, 444 to 2017-01-01, 809 to 2018-01-01; Beijing from
// 2016-07-01 (a year alone: mid-year), 184 days to 2017-01-01, 549 to
// 2018-01-01.
var coPlatforms = map[string]float64{
	// 2015: Guizhou's sharing platform; no open platform (datasets) and no
	// domains given.
	"520000/2015/count": 1, "520000/2015/departments": 60, "520000/2015/records": 1.2e8,
	"520000/2015/first_year": 2015, "520000/2015/years_active": coDays(78), "520000/2015/kinds": 1,

	"520000/2016/count": 2, "520000/2016/departments": 60, "520000/2016/datasets": 1200, "520000/2016/records": 1.2e8,
	"520000/2016/domains": 12, "520000/2016/first_year": 2015, "520000/2016/years_active": coDays(444), "520000/2016/kinds": 2,
	"110000/2016/count": 1, "110000/2016/departments": 40, "110000/2016/datasets": 300, "110000/2016/records": 5e4,
	"110000/2016/domains": 20, "110000/2016/first_year": 2016, "110000/2016/years_active": coDays(184), "110000/2016/kinds": 1,

	"520000/2017/count": 3, "520000/2017/departments": 60, "520000/2017/datasets": 1200, "520000/2017/records": 1.2e8,
	"520000/2017/domains": 12, "520000/2017/first_year": 2015, "520000/2017/years_active": coDays(809), "520000/2017/kinds": 3,
	"110000/2017/count": 2, "110000/2017/departments": 55, "110000/2017/datasets": 300, "110000/2017/records": 5e4,
	"110000/2017/domains": 20, "110000/2017/first_year": 2016, "110000/2017/years_active": coDays(549), "110000/2017/kinds": 2,
}

func TestPlatformsMeasures(t *testing.T) {
	def := coParse(t, coSourceTOML("platforms", []string{"evidence/platforms.csv"}, ""),
		map[string][]byte{"evidence/platforms.csv": coFixture(t, "platforms.csv")})
	got := coCollect(t, def, 2015, 2016, 2017)
	coAssertValues(t, coPlatforms, got)
	assert.Equal(t, "platforms.departments: evidence/platforms.csv:6", got["110000/2017/departments"].Source)
	assert.Equal(t, "platforms.datasets: evidence/platforms.csv:3", got["520000/2017/datasets"].Source)
	assert.Equal(t, "platforms.count: evidence/platforms.csv:2, evidence/platforms.csv:3, evidence/platforms.csv:4", got["520000/2017/count"].Source)
	assert.Equal(t, "platforms.first_year: evidence/platforms.csv:2", got["520000/2017/first_year"].Source)
	assert.Equal(t, "platforms.kinds: evidence/platforms.csv:2, evidence/platforms.csv:3, evidence/platforms.csv:4", got["520000/2017/kinds"].Source)
}

func TestPlatformsAsOf(t *testing.T) {
	def := coParse(t, coSourceTOML("platforms", []string{"p.csv"}, `as_of = "2017-04-30"`+"\n"),
		map[string][]byte{"p.csv": coFixture(t, "platforms.csv")})
	// Beijing's sharing platform (2017-05-01) is after as_of; Guizhou's
	// exchange, dated 2017, counts. years_active to 2017-05-01: Guizhou
	// 444 + 120 days, Beijing 184 + 120.
	coAssertValues(t, map[string]float64{
		"520000/2017/count": 3, "520000/2017/departments": 60, "520000/2017/datasets": 1200, "520000/2017/records": 1.2e8,
		"520000/2017/domains": 12, "520000/2017/first_year": 2015, "520000/2017/years_active": coDays(564), "520000/2017/kinds": 3,
		"110000/2017/count": 1, "110000/2017/departments": 40, "110000/2017/datasets": 300, "110000/2017/records": 5e4,
		"110000/2017/domains": 20, "110000/2017/first_year": 2016, "110000/2017/years_active": coDays(304), "110000/2017/kinds": 1,
	}, coCollect(t, def, 2017))
}

// TestPlatformsComplete: with complete = true, regions without platforms
// get 0 for every measure but first_year; a measure whose platforms lack
// the number stays missing.
func TestPlatformsComplete(t *testing.T) {
	def := coParse(t, coSourceTOML("platforms", []string{"p.csv"}, "complete = true\n"),
		map[string][]byte{"p.csv": coFixture(t, "platforms.csv")})
	got := coCollect(t, def, 2015, 2016, 2017)
	want := map[string]float64{}
	for k, v := range coPlatforms {
		want[k] = v
	}
	for _, region := range []string{"110000", "310000", "330000", "440100", "520000"} {
		for _, year := range []int{2015, 2016, 2017} {
			for _, m := range []string{"count", "departments", "datasets", "records", "domains", "years_active", "kinds"} {
				k := fmt.Sprintf("%s/%d/%s", region, year, m)
				if _, ok := want[k]; !ok {
					want[k] = 0
				}
			}
		}
	}
	// Guizhou 2015: no open platform, so datasets is 0; its platform
	// gives no domains, so domains stays missing.
	delete(want, "520000/2015/domains")
	coAssertValues(t, want, got)
}

func TestPlatformsForms(t *testing.T) {
	csv := "地区,上线日期,平台名称,类型,层级,接入部门数,数据集,记录数,领域数,网址,备注\n" +
		"贵州省,2017年5月,甲,共享平台,省级,12,NA,—,,,\n" +
		"贵州省,2017-06,乙,Open,省级,,1.5万,,3,,\n" +
		"贵州省,2017.07.01,丙,service,省级,,,,,,\n" +
		"贵州省,2017/08/01,丁,交易所,省级,,,,,,\n"
	def := coParse(t, coSourceTOML("platforms", []string{"p.csv"}, ""), map[string][]byte{"p.csv": []byte(csv)})
	got := coCollect(t, def, 2017)
	coAssertValues(t, map[string]float64{
		"520000/2017/count": 4, "520000/2017/departments": 12, "520000/2017/datasets": 15000, "520000/2017/domains": 3,
		"520000/2017/first_year": 2017, "520000/2017/years_active": coDays(17 + 30 + 31 + 31 + 30 + 31 + 30 + 31), "520000/2017/kinds": 4,
	}, got)
}

func TestPlatformsErrors(t *testing.T) {
	head := "region,date,name,kind,departments,datasets\n"
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"malformed date", head + "贵州省,2017-00,a,open,,\n", []string{`p.csv:2:2: "2017-00" is not a date: there is no month 0`}},
		{"unknown kind", head + "贵州省,2017,a,portal,,\n", []string{`p.csv:2:4: unknown platform kind "portal"`}},
		{"unknown region", head + "Guizhou,2017,a,open,,\n", []string{`p.csv:2:1: unknown region "Guizhou"`}},
		{"duplicate record", head + "贵州省,2017,a,open,,\n贵州省,2017,a,sharing,,\n", []string{
			`p.csv:3: duplicate record: the same region, date and name as p.csv:2`,
		}},
		{"numbers", head + "贵州省,2017,a,open,many,-3\n", []string{
			`p.csv:2:5: departments: "many" is not a number`,
			`p.csv:2:6: datasets: "-3" is negative`,
		}},
		{"every problem of a row", head + "贵州,2017-1-32,,bogus,x,\n", []string{
			`p.csv:2:1: unknown region "贵州"`,
			`p.csv:2:2: "2017-1-32" is not a date: month 1 of 2017 has 31 days`,
			`p.csv:2:3: name is empty`,
			`p.csv:2:4: unknown platform kind "bogus"`,
			`p.csv:2:5: departments: "x" is not a number`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, coEvidenceErrors(t, "platforms", tc.csv, ""))
		})
	}
}
