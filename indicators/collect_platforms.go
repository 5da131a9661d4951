package indicators

import (
	"math"
	"strings"
	"time"
)

// The platforms collector counts the data platforms a region runs.
//
// Evidence: CSV files
// region,date,name,kind[,level,departments,datasets,records,domains,url]
// (and an optional note column, which is not read); the headers 地区, 日期
// (上线日期), 名称 (平台名称), 类型, 级别 (层级), 部门数 (接入部门数), 数据集数 (数据集),
// 数据量 (记录数), 领域数 (领域), 链接 (网址) and 备注 are accepted too. region
// is a region's code or exact name (it may be left out when the [[source]]
// entry names the region); date, when the platform went live, is read by
// ParseEvidenceDate. level is free text (province, city, …) and is not
// read. departments (departments connected), datasets (datasets
// published), records (data records held) and domains (subject domains
// covered) are numbers read by ParseNumber (1.2万 and 3亿 are accepted);
// empty or NA when not known; negative values are errors.
//
// kind is sharing (共享, 共享交换: a government data sharing and exchange
// platform), open (开放: an open-data portal), exchange (交易, 交易所: a data
// trading exchange) or service (服务: a public service platform); a
// trailing 平台 is ignored (共享平台 is 共享).
//
// Measures, over the platforms of a region in force (gone live) by the
// cutoff:
//   - count: the number of platforms;
//   - departments: the largest departments value;
//   - datasets: the sum of datasets over the open platforms;
//   - records: the sum of records;
//   - domains: the largest domains value;
//   - first_year: the year the first platform went live;
//   - years_active: years from the first platform to the end of the
//     cutoff, fractional, with the mid-period convention (a date given
//     as a year alone counts from 1 July, a month alone from its 15th);
//   - kinds: the number of distinct kinds (0–4).
//
// Sums and largest values take the platforms whose cell is known; when
// none is, the measure is missing. A region without platforms in force
// (datasets: without open platforms) has no value, unless the entry says
// complete = true: then count, departments, datasets, records, domains,
// years_active and kinds are 0 (first_year stays missing).
//
// Two records with the same region, date and name are an error naming
// both rows.
func init() {
	RegisterCollector(Collector{Name: "platforms", Measures: measureNames(platformMeasures), Collect: collectPlatforms})
}

var platformColumns = []evColumn{
	{name: "region", aliases: []string{"地区"}, required: true},
	{name: "date", aliases: []string{"日期", "上线日期"}, required: true},
	{name: "name", aliases: []string{"名称", "平台名称"}, required: true},
	{name: "kind", aliases: []string{"类型"}, required: true},
	{name: "level", aliases: []string{"级别", "层级"}},
	{name: "departments", aliases: []string{"部门数", "接入部门数"}},
	{name: "datasets", aliases: []string{"数据集数", "数据集"}},
	{name: "records", aliases: []string{"数据量", "记录数"}},
	{name: "domains", aliases: []string{"领域数", "领域"}},
	{name: "url", aliases: []string{"链接", "网址"}},
	{name: "note", aliases: []string{"备注"}},
}

// platformKinds maps the normalised kind words to the kinds.
var platformKinds = map[string]string{
	"sharing": "sharing", "共享": "sharing", "共享交换": "sharing",
	"open": "open", "开放": "open",
	"exchange": "exchange", "交易": "exchange", "交易所": "exchange",
	"service": "service", "服务": "service",
}

const hintPlatformKind = "use sharing (共享), open (开放), exchange (交易) or service (服务)"

// platformRecord is a row of platforms evidence; unknown numbers are NaN.
type platformRecord struct {
	evRecord
	kind                                    string
	departments, datasets, records, domains float64
}

func collectPlatforms(req CollectRequest) ([]Collected, []string, error) {
	r := newEvReader(req, "platforms", platformColumns)
	var recs []*platformRecord
	r.each(func(row evRow, rec evRecord, ok bool) {
		p := &platformRecord{evRecord: rec}
		name, good := r.text(row, "name")
		ok = ok && good
		p.Ev.Title = name
		keyOK := ok // the key cells are good (see collectPolicies)
		if kind, good := r.text(row, "kind"); good {
			w := normWord(kind)
			if k, found := platformKinds[w]; found {
				p.kind = k
			} else if k, found := platformKinds[strings.TrimSuffix(w, "平台")]; found {
				p.kind = k
			} else {
				r.errs = append(r.errs, Errorf(row.pos("kind"), hintPlatformKind, "unknown platform kind %s", quoteCell(kind)))
				ok = false
			}
		} else {
			ok = false
		}
		for _, f := range []struct {
			col string
			v   *float64
		}{{"departments", &p.departments}, {"datasets", &p.datasets}, {"records", &p.records}, {"domains", &p.domains}} {
			v, good := r.number(row, f.col)
			*f.v = v
			ok = ok && good
		}
		if keyOK && r.duplicate(row, rec.Region+"\x00"+dateKey(rec)+"\x00"+name, "region, date and name") {
			ok = false
		}
		if ok {
			recs = append(recs, p)
		}
	})
	if err := r.err(); err != nil {
		return nil, nil, err
	}
	return measureValues(req, r.region, recs, platformMeasures), nil, nil
}

// platformSum sums a number over the platforms that know it.
func platformSum(get func(*platformRecord) float64) func([]*platformRecord, time.Time) (float64, []Evidence, bool) {
	return func(recs []*platformRecord, _ time.Time) (float64, []Evidence, bool) {
		sum := 0.0
		var ev []Evidence
		for _, p := range recs {
			if v := get(p); !math.IsNaN(v) {
				sum += v
				ev = append(ev, p.Ev)
			}
		}
		return sum, ev, len(ev) > 0
	}
}

// platformMax is the largest value of a number among the platforms that
// know it; the evidence is the platforms that have it.
func platformMax(get func(*platformRecord) float64) func([]*platformRecord, time.Time) (float64, []Evidence, bool) {
	return func(recs []*platformRecord, _ time.Time) (float64, []Evidence, bool) {
		top := math.Inf(-1)
		for _, p := range recs {
			if v := get(p); v > top {
				top = v
			}
		}
		var ev []Evidence
		for _, p := range recs {
			if get(p) == top {
				ev = append(ev, p.Ev)
			}
		}
		return top, ev, len(ev) > 0
	}
}

// platformMeasures are the measures of the platforms collector.
var platformMeasures = []evMeasure[*platformRecord]{
	{name: "count", zero: true, value: countMeasure[*platformRecord]},
	{name: "departments", zero: true, value: platformMax(func(p *platformRecord) float64 { return p.departments })},
	{name: "datasets", zero: true, relevant: func(p *platformRecord, _ time.Time) bool { return p.kind == "open" },
		value: platformSum(func(p *platformRecord) float64 { return p.datasets })},
	{name: "records", zero: true, value: platformSum(func(p *platformRecord) float64 { return p.records })},
	{name: "domains", zero: true, value: platformMax(func(p *platformRecord) float64 { return p.domains })},
	{name: "first_year", value: firstYearMeasure[*platformRecord]},
	{name: "years_active", zero: true, value: yearsActiveMeasure[*platformRecord]},
	{name: "kinds", zero: true, value: func(recs []*platformRecord, _ time.Time) (float64, []Evidence, bool) {
		seen := map[string]bool{}
		var ev []Evidence
		for _, p := range recs {
			if !seen[p.kind] {
				seen[p.kind] = true
				ev = append(ev, p.Ev)
			}
		}
		return float64(len(seen)), ev, true
	}},
}
