package indicators

import (
	"strings"
	"time"
)

// The collaborations collector counts a region's open collaboration: the
// exchanges, pilot zones, partnerships and events it takes part in.
//
// Evidence: CSV files region,date,kind,partner[,note,url]; the headers 地区,
// 日期, 类型, 合作方 (伙伴, 合作伙伴), 备注 and 链接 (网址) are accepted too.
// region is a region's code or exact name (it may be left out when the
// [[source]] entry names the region); date is read by ParseEvidenceDate.
//
// kind is one of (English words in any case, with _, - or a space):
//
//	exchange     a data exchange or trading centre   交易所, 数据交易所, 交易中心, 交易
//	pilot_zone   a pilot or demonstration zone       试验区, 综合试验区, 实验区, 先行区, 示范区, 试点
//	enterprise   a partnership with an enterprise    企业, 企业合作
//	datacenter   a data centre built or hosted       数据中心 (data center, data centre)
//	alliance     an industry or data alliance        联盟
//	agreement    a cooperation agreement             协议, 合作协议, 框架协议, 战略合作
//	event        a conference, expo or contest       活动, 会议, 峰会, 博览会, 论坛, 大赛
//
// Measures, over the records of a region dated by the cutoff:
//   - count: the number of records;
//   - exchange, pilot_zone, enterprise, datacenter, alliance, agreement,
//     event: the number of records of that kind;
//   - first_exchange_year, first_pilot_year: the year of the first
//     exchange, or pilot_zone, record.
//
// A region without records (of the kind a measure counts) has no value,
// unless the entry says complete = true: then count and the seven counts
// by kind are 0 (the first years stay missing).
//
// Two records with the same region, date, kind and partner are an error
// naming both rows.
func init() {
	RegisterCollector(Collector{Name: "collaborations", Measures: measureNames(collaborationMeasures), Collect: collectCollaborations})
}

var collaborationColumns = []evColumn{
	{name: "region", aliases: []string{"地区"}, required: true},
	{name: "date", aliases: []string{"日期"}, required: true},
	{name: "kind", aliases: []string{"类型"}, required: true},
	{name: "partner", aliases: []string{"合作方", "伙伴", "合作伙伴"}, required: true},
	{name: "note", aliases: []string{"备注"}},
	{name: "url", aliases: []string{"链接", "网址"}},
}

// collaborationKindList are the kinds, in the order of their measures.
var collaborationKindList = []string{"exchange", "pilot_zone", "enterprise", "datacenter", "alliance", "agreement", "event"}

// collaborationKinds maps the normalised kind words to the kinds.
var collaborationKinds = map[string]string{
	"exchange": "exchange", "交易所": "exchange", "数据交易所": "exchange", "交易中心": "exchange", "交易": "exchange",
	"pilot_zone": "pilot_zone", "pilot": "pilot_zone", "试验区": "pilot_zone", "综合试验区": "pilot_zone", "实验区": "pilot_zone",
	"先行区": "pilot_zone", "示范区": "pilot_zone", "试点": "pilot_zone",
	"enterprise": "enterprise", "企业": "enterprise", "企业合作": "enterprise",
	"datacenter": "datacenter", "data_center": "datacenter", "data_centre": "datacenter", "datacentre": "datacenter", "数据中心": "datacenter",
	"alliance": "alliance", "联盟": "alliance",
	"agreement": "agreement", "协议": "agreement", "合作协议": "agreement", "框架协议": "agreement", "战略合作": "agreement",
	"event": "event", "活动": "event", "会议": "event", "峰会": "event", "博览会": "event", "论坛": "event", "大赛": "event",
}

const hintCollaborationKind = "use exchange, pilot_zone, enterprise, datacenter, alliance, agreement or event (交易所, 试验区, 企业, 数据中心, 联盟, 协议, 活动)"

// collaborationRecord is a row of collaborations evidence.
type collaborationRecord struct {
	evRecord
	kind string
}

func collectCollaborations(req CollectRequest) ([]Collected, []string, error) {
	r := newEvReader(req, "collaborations", collaborationColumns)
	var recs []*collaborationRecord
	r.each(func(row evRow, rec evRecord, ok bool) {
		c := &collaborationRecord{evRecord: rec}
		partner, good := r.text(row, "partner")
		ok = ok && good
		c.Ev.Title = partner
		if kind, good := r.text(row, "kind"); good {
			k, found := collaborationKinds[normWord(kind)]
			if !found {
				r.errs = append(r.errs, Errorf(row.pos("kind"), hintCollaborationKind, "unknown collaboration kind %s", quoteCell(kind)))
				ok = false
			}
			c.kind = k
		} else {
			ok = false
		}
		if ok && r.duplicate(row, strings.Join([]string{rec.Region, dateKey(rec), c.kind, partner}, "\x00"), "region, date, kind and partner") {
			ok = false
		}
		if ok {
			recs = append(recs, c)
		}
	})
	if err := r.err(); err != nil {
		return nil, nil, err
	}
	return measureValues(req, r.region, recs, collaborationMeasures), nil, nil
}

// ofKind picks the records of one kind.
func ofKind(kind string) func(*collaborationRecord, time.Time) bool {
	return func(c *collaborationRecord, _ time.Time) bool { return c.kind == kind }
}

// collaborationMeasures are the measures of the collaborations collector.
var collaborationMeasures = func() []evMeasure[*collaborationRecord] {
	ms := []evMeasure[*collaborationRecord]{{name: "count", zero: true, value: countMeasure[*collaborationRecord]}}
	for _, k := range collaborationKindList {
		ms = append(ms, evMeasure[*collaborationRecord]{name: k, zero: true, relevant: ofKind(k), value: countMeasure[*collaborationRecord]})
	}
	return append(ms,
		evMeasure[*collaborationRecord]{name: "first_exchange_year", relevant: ofKind("exchange"), value: firstYearMeasure[*collaborationRecord]},
		evMeasure[*collaborationRecord]{name: "first_pilot_year", relevant: ofKind("pilot_zone"), value: firstYearMeasure[*collaborationRecord]},
	)
}()
