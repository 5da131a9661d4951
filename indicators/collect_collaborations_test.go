package indicators

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// coCollaborations are the measures of
// testdata/evidence/collaborations.csv for 2015–2017, worked out by hand:
//
//	line 2  贵州省 2014-12-31  exchange
//	line 3  贵州省 2016-02     pilot_zone
//	line 4  贵州省 2016-05-26  event
//	line 5  贵州省 2017-05-26  event (the same partner a year later)
//	line 6  贵州省 2017        enterprise
//	line 7  浙江省 2016-09     agreement
//	line 8  浙江省 2018-01-01  alliance (after every cutoff)
var coCollaborations = map[string]float64{
	"520000/2015/count": 1, "520000/2015/exchange": 1, "520000/2015/first_exchange_year": 2014,

	"520000/2016/count": 3, "520000/2016/exchange": 1, "520000/2016/pilot_zone": 1, "520000/2016/event": 1,
	"520000/2016/first_exchange_year": 2014, "520000/2016/first_pilot_year": 2016,
	"330000/2016/count": 1, "330000/2016/agreement": 1,

	"520000/2017/count": 5, "520000/2017/exchange": 1, "520000/2017/pilot_zone": 1, "520000/2017/event": 2,
	"520000/2017/enterprise": 1, "520000/2017/first_exchange_year": 2014, "520000/2017/first_pilot_year": 2016,
	"330000/2017/count": 1, "330000/2017/agreement": 1,
}

func TestCollaborationsMeasures(t *testing.T) {
	def := coParse(t, coSourceTOML("collaborations", []string{"evidence/collaborations.csv"}, ""),
		map[string][]byte{"evidence/collaborations.csv": coFixture(t, "collaborations.csv")})
	got := coCollect(t, def, 2015, 2016, 2017)
	coAssertValues(t, coCollaborations, got)
	assert.Equal(t, "collaborations.event: evidence/collaborations.csv:4, evidence/collaborations.csv:5", got["520000/2017/event"].Source)
	assert.Equal(t, "collaborations.first_pilot_year: evidence/collaborations.csv:3", got["520000/2017/first_pilot_year"].Source)
	assert.Equal(t, Pos{File: "evidence/collaborations.csv", Line: 7}, got["330000/2017/agreement"].Pos)
	// Evidence in row order, although line 6 (2017) is dated before line 5
	// (2017-05-26).
	assert.Equal(t, "collaborations.count: evidence/collaborations.csv:2, evidence/collaborations.csv:3, evidence/collaborations.csv:4, "+
		"evidence/collaborations.csv:5, evidence/collaborations.csv:6", got["520000/2017/count"].Source)
}

func TestCollaborationsAsOf(t *testing.T) {
	def := coParse(t, coSourceTOML("collaborations", []string{"c.csv"}, `as_of = "2017-05-25"`+"\n"),
		map[string][]byte{"c.csv": coFixture(t, "collaborations.csv")})
	// The 2017 event (26 May) is after as_of; the enterprise record, dated
	// 2017, counts from 1 January.
	coAssertValues(t, map[string]float64{
		"520000/2017/count": 4, "520000/2017/exchange": 1, "520000/2017/pilot_zone": 1, "520000/2017/event": 1,
		"520000/2017/enterprise": 1, "520000/2017/first_exchange_year": 2014, "520000/2017/first_pilot_year": 2016,
		"330000/2017/count": 1, "330000/2017/agreement": 1,
	}, coCollect(t, def, 2017))

	// A year after as_of keeps the values of as_of: 浙江's 2018 alliance
	// does not count in 2018 with as_of at the end of 2017.
	def = coParse(t, coSourceTOML("collaborations", []string{"c.csv"}, `as_of = "2017"`+"\n"),
		map[string][]byte{"c.csv": coFixture(t, "collaborations.csv")})
	got := coCollect(t, def, 2018)
	assert.Equal(t, 1.0, got["330000/2018/count"].Value)
	assert.NotContains(t, got, "330000/2018/alliance")
}

func TestCollaborationsComplete(t *testing.T) {
	def := coParse(t, coSourceTOML("collaborations", []string{"c.csv"}, "complete = true\n"),
		map[string][]byte{"c.csv": coFixture(t, "collaborations.csv")})
	got := coCollect(t, def, 2015, 2016, 2017)
	want := map[string]float64{}
	for k, v := range coCollaborations {
		want[k] = v
	}
	for _, region := range []string{"110000", "310000", "330000", "440100", "520000"} {
		for _, year := range []int{2015, 2016, 2017} {
			for _, m := range append([]string{"count"}, collaborationKindList...) {
				k := fmt.Sprintf("%s/%d/%s", region, year, m)
				if _, ok := want[k]; !ok {
					want[k] = 0
				}
			}
		}
	}
	coAssertValues(t, want, got)
}

func TestCollaborationsKinds(t *testing.T) {
	tests := []struct{ word, kind string }{
		{"exchange", "exchange"}, {"数据交易所", "exchange"}, {"交易中心", "exchange"},
		{"pilot_zone", "pilot_zone"}, {"Pilot Zone", "pilot_zone"}, {"pilot-zone", "pilot_zone"}, {"综合试验区", "pilot_zone"}, {"示范区", "pilot_zone"},
		{"enterprise", "enterprise"}, {"企业合作", "enterprise"},
		{"datacenter", "datacenter"}, {"data centre", "datacenter"}, {"数据中心", "datacenter"},
		{"alliance", "alliance"}, {"联盟", "alliance"},
		{"agreement", "agreement"}, {"框架协议", "agreement"}, {"战略合作", "agreement"},
		{"event", "event"}, {"峰会", "event"}, {"博览会", "event"},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			csv := fmt.Sprintf("地区,日期,类型,合作方,备注,链接\n贵州省,2017-01-01,%s,某方,,\n", tc.word)
			def := coParse(t, coSourceTOML("collaborations", []string{"c.csv"}, ""), map[string][]byte{"c.csv": []byte(csv)})
			got := coCollect(t, def, 2017)
			assert.Equal(t, 1.0, got["520000/2017/"+tc.kind].Value)
			assert.Equal(t, 1.0, got["520000/2017/count"].Value)
		})
	}
}

func TestCollaborationsErrors(t *testing.T) {
	head := "region,date,kind,partner\n"
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"malformed date", head + "贵州省,2016年13月,event,数博会\n", []string{`p.csv:2:2: "2016年13月" is not a date: there is no month 13`}},
		{"unknown kind", head + "贵州省,2016,expo,数博会\n", []string{`p.csv:2:3: unknown collaboration kind "expo"`}},
		{"unknown region", head + "黔,2016,event,数博会\n", []string{`p.csv:2:1: unknown region "黔"`}},
		{"duplicate record", head + "贵州省,2016-05-26,event,数博会\n贵州省,2016-05-26,峰会,数博会\n", []string{
			`p.csv:3: duplicate record: the same region, date, kind and partner as p.csv:2`,
		}},
		{"empty partner", head + "贵州省,2016,event,\n", []string{`p.csv:2:4: partner is empty`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, coEvidenceErrors(t, "collaborations", tc.csv, ""))
		})
	}
}
