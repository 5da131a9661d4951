package indicators

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// milestonesCSV: 贵州省 has a first in 2015 and one in 2016-12 and an
// award in 2017; 上海市 a first in 2012; 浙江省 a first dated after 2017.
const milestonesCSV = "region,date,kind,title,note\n" +
	"520000,2015-04,national_first,全国第一家大数据交易所,\n" +
	"520000,2016-12,national_first,首个省级政府数据共享平台,\n" +
	"520000,2017-03-01,award,某奖项,\n" +
	"310000,2012,首个,国内首个数据开放网站,\n" +
	"330000,2018-01-01,national_first,以后的首创,after every cutoff\n"

func TestMilestonesMeasures(t *testing.T) {
	def := coParse(t, coSourceTOML("milestones", []string{"m.csv"}, ""), map[string][]byte{"m.csv": []byte(milestonesCSV)})
	got := coCollect(t, def, 2015, 2016, 2017)
	coAssertValues(t, map[string]float64{
		"520000/2015/count": 1, "520000/2015/national_first": 1,
		"520000/2016/count": 2, "520000/2016/national_first": 2,
		"520000/2017/count": 3, "520000/2017/national_first": 2, "520000/2017/award": 1,
		"310000/2015/count": 1, "310000/2015/national_first": 1,
		"310000/2016/count": 1, "310000/2016/national_first": 1,
		"310000/2017/count": 1, "310000/2017/national_first": 1,
	}, got)
	assert.Equal(t, "milestones.national_first: m.csv:2, m.csv:3", got["520000/2017/national_first"].Source)

	// As of the article's date the December first counts, the award of
	// March too.
	def = coParse(t, coSourceTOML("milestones", []string{"m.csv"}, `as_of = "2017-02-01"`+"\n"), map[string][]byte{"m.csv": []byte(milestonesCSV)})
	got = coCollect(t, def, 2017)
	assert.Equal(t, 2.0, got["520000/2017/count"].Value)
}

func TestMilestonesKinds(t *testing.T) {
	for _, tc := range []struct{ word, kind string }{
		{"national_first", "national_first"}, {"National First", "national_first"}, {"首创", "national_first"},
		{"首家", "national_first"}, {"率先", "national_first"}, {"award", "award"}, {"荣誉", "award"}, {"称号", "award"},
	} {
		t.Run(tc.word, func(t *testing.T) {
			csv := fmt.Sprintf("地区,日期,类型,名称\n贵州省,2017-01-01,%s,某事\n", tc.word)
			def := coParse(t, coSourceTOML("milestones", []string{"c.csv"}, ""), map[string][]byte{"c.csv": []byte(csv)})
			got := coCollect(t, def, 2017)
			assert.Equal(t, 1.0, got["520000/2017/"+tc.kind].Value)
		})
	}
}

func TestMilestonesErrors(t *testing.T) {
	head := "region,date,kind,title\n"
	for _, tc := range []struct {
		name, csv string
		want      []string
	}{
		{"unknown kind", head + "贵州省,2016,prize,某事\n", []string{`p.csv:2:3: unknown milestone kind "prize"`}},
		{"empty title", head + "贵州省,2016,award,\n", []string{`p.csv:2:4: title is empty`}},
		{"duplicate", head + "贵州省,2016,award,某奖\n贵州省,2016,荣誉,某奖\n", []string{
			`p.csv:3: duplicate record: the same region, date, kind and title as p.csv:2`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, coEvidenceErrors(t, "milestones", tc.csv, ""))
		})
	}
}
