package indicators

import (
	"strings"
	"time"
)

// The milestones collector counts a region's dated milestones: the
// national firsts it achieved and the awards it received.
//
// Evidence: CSV files region,date,kind,title[,note,url]; the headers 地区,
// 日期, 类型, 名称 (事项, 标题), 备注 and 链接 (网址) are accepted too.
// region is a region's code or exact name (it may be left out when the
// [[source]] entry names the region); date is read by ParseEvidenceDate.
//
// kind is one of (English words in any case, with _, - or a space):
//
//	national_first  a measure first of its kind in the country   首创, 全国首创, 首个, 首家, 率先, 首次, 第一
//	award           an award, honour or title received           奖项, 获奖, 荣誉, 称号
//
// Measures, over the records of a region dated by the cutoff:
//   - count: the number of records;
//   - national_first, award: the number of records of that kind.
//
// A region without records (of the kind a measure counts) has no value,
// unless the entry says complete = true: then the three counts are 0.
//
// Two records with the same region, date, kind and title are an error
// naming both rows.
func init() {
	RegisterCollector(Collector{Name: "milestones", Measures: measureNames(milestoneMeasures), Collect: collectMilestones})
}

var milestoneColumns = []evColumn{
	{name: "region", aliases: []string{"地区"}, required: true},
	{name: "date", aliases: []string{"日期"}, required: true},
	{name: "kind", aliases: []string{"类型"}, required: true},
	{name: "title", aliases: []string{"名称", "事项", "标题"}, required: true},
	{name: "note", aliases: []string{"备注"}},
	{name: "url", aliases: []string{"链接", "网址"}},
}

// milestoneKinds maps the normalised kind words to the kinds.
var milestoneKinds = map[string]string{
	"national_first": "national_first", "first": "national_first", "首创": "national_first", "全国首创": "national_first",
	"首个": "national_first", "首家": "national_first", "率先": "national_first", "首次": "national_first", "第一": "national_first",
	"award": "award", "奖项": "award", "获奖": "award", "荣誉": "award", "称号": "award",
}

const hintMilestoneKind = "use national_first or award (首创, 荣誉)"

// milestoneRecord is a row of milestones evidence.
type milestoneRecord struct {
	evRecord
	kind string
}

// milestoneOfKind picks the records of one kind.
func milestoneOfKind(kind string) func(*milestoneRecord, time.Time) bool {
	return func(m *milestoneRecord, _ time.Time) bool { return m.kind == kind }
}

// milestoneMeasures are the measures of the milestones collector.
var milestoneMeasures = []evMeasure[*milestoneRecord]{
	{name: "count", zero: true, value: countMeasure[*milestoneRecord]},
	{name: "national_first", zero: true, relevant: milestoneOfKind("national_first"), value: countMeasure[*milestoneRecord]},
	{name: "award", zero: true, relevant: milestoneOfKind("award"), value: countMeasure[*milestoneRecord]},
}

func collectMilestones(req CollectRequest) ([]Collected, []string, error) {
	r := newEvReader(req, "milestones", milestoneColumns)
	var recs []*milestoneRecord
	r.each(func(row evRow, rec evRecord, ok bool) {
		m := &milestoneRecord{evRecord: rec}
		title, good := r.text(row, "title")
		ok = ok && good
		m.Ev.Title = title
		if kind, good := r.text(row, "kind"); good {
			k, found := milestoneKinds[normWord(kind)]
			if !found {
				r.errs = append(r.errs, Errorf(row.pos("kind"), hintMilestoneKind, "unknown milestone kind %s", quoteCell(kind)))
				ok = false
			}
			m.kind = k
		} else {
			ok = false
		}
		if ok && r.duplicate(row, strings.Join([]string{rec.Region, dateKey(rec), m.kind, title}, "\x00"), "region, date, kind and title") {
			ok = false
		}
		if ok {
			recs = append(recs, m)
		}
	})
	if err := r.err(); err != nil {
		return nil, nil, err
	}
	return measureValues(req, r.region, recs, milestoneMeasures), nil, nil
}
