package indicators

import (
	"strings"
	"time"
	"unicode"
)

// The policies collector counts the policy documents a region issued.
//
// Evidence: CSV files region,date,title,kind[,issuer,topics,url] (and an
// optional note column, which is not read); the headers 地区, 日期 (发布日期,
// 印发日期), 标题 (名称, 文件名称), 类型 (文件类型, 类别), 发布机关 (发布机构), 主题,
// 链接 (网址) and 备注 are accepted too. region is a region's code or exact
// name; it may be left out when the [[source]] entry names the region.
// date is read by ParseEvidenceDate. A record is in force from its date
// (the first day of its period) on; repeal is not tracked.
//
// kind places the document on the ladder of legal force:
//
//	5  地方性法规, 法规, 条例 — regulation, local regulation
//	4  政府规章, 规章 — rule, government rule
//	3  规范性文件, 行政规范性文件, and 意见, 通知, 办法 issued as such — normative, normative document
//	2  规划, 计划, 行动计划, 方案 — plan
//	1  标准, 地方标准, 指南 — standard, guideline
//
// (English words in any case; an unknown kind is an error.)
//
// Measures, over the documents of a region in force by the cutoff:
//   - count: the number of documents;
//   - max_force: the highest force on the ladder (0 when none);
//   - years_active: years from the first document to the end of the
//     cutoff, fractional, with the mid-period convention (a date given as
//     a year alone counts from 1 July, a month alone from its 15th);
//   - recent (extension): the documents dated within the 24 months before
//     the cutoff (a cutoff at the end of 2017 takes those of 2016 and 2017);
//   - topic_coverage (extension): the percentage (0–100) of the six topics
//     below that at least one document reaches.
//
// A topic is reached by a keyword in the title, or by the topics column:
// topic ids or names separated by ; ； , ， or 、 (a word there that reaches
// no topic is an error). Chinese keywords match anywhere in the text,
// English ones at the start of a word, in any case:
//
//	sharing     共享 交换 互联互通 互通        share sharing exchange interoperab…
//	opening     开放                          open…
//	security    安全 分类分级 分级分类 隐私 个人信息  secur… privacy classif… protect…
//	standards   标准 规范                     standard… specification…
//	catalogues  目录 清单                     catalog… inventory inventories directory directories
//	industry    产业 经济 企业                industr… econom… enterprise… business…
//
// (the topic ids themselves are reached by these keywords too).
//
// A region without documents in force has no value for a measure
// (recent: without documents in the 24 months), unless the entry says
// complete = true: then count, max_force, years_active, recent and
// topic_coverage are 0.
//
// Two records with the same region, date and title are an error naming
// both rows.
func init() {
	RegisterCollector(Collector{Name: "policies", Measures: measureNames(policyMeasures), Collect: collectPolicies})
}

var policyColumns = []evColumn{
	{name: "region", aliases: []string{"地区"}, required: true},
	{name: "date", aliases: []string{"日期", "发布日期", "印发日期"}, required: true},
	{name: "title", aliases: []string{"标题", "名称", "文件名称"}, required: true},
	{name: "kind", aliases: []string{"类型", "文件类型", "类别"}, required: true},
	{name: "issuer", aliases: []string{"发布机关", "发布机构", "发文机关"}},
	{name: "topics", aliases: []string{"主题"}},
	{name: "url", aliases: []string{"链接", "网址"}},
	{name: "note", aliases: []string{"备注"}},
}

// policyForce is the ladder of legal force, by normalised kind word.
var policyForce = map[string]int{
	"地方性法规": 5, "法规": 5, "条例": 5, "regulation": 5, "local_regulation": 5,
	"政府规章": 4, "规章": 4, "rule": 4, "government_rule": 4,
	"规范性文件": 3, "行政规范性文件": 3, "意见": 3, "通知": 3, "办法": 3, "normative": 3, "normative_document": 3,
	"规划": 2, "计划": 2, "行动计划": 2, "方案": 2, "plan": 2,
	"标准": 1, "地方标准": 1, "指南": 1, "standard": 1, "guideline": 1,
}

const hintPolicyKind = "use one of: 地方性法规 (regulation), 政府规章 (rule), 规范性文件 / 意见 / 通知 / 办法 (normative), 规划 / 计划 (plan), 标准 / 指南 (standard)"

const hintPolicyTopic = "use the topics sharing, opening, security, standards, catalogues, industry (共享, 开放, 安全, 标准, 目录, 产业), separated by ; or 、"

// policyTopic is a topic of topic_coverage with its keywords.
type policyTopic struct {
	id string
	zh []string // matched anywhere
	en []string // matched at the start of a word
}

var policyTopics = []policyTopic{
	{"sharing", []string{"共享", "交换", "互联互通", "互通"}, []string{"share", "sharing", "exchange", "interoperab"}},
	{"opening", []string{"开放"}, []string{"open"}},
	{"security", []string{"安全", "分类分级", "分级分类", "隐私", "个人信息"}, []string{"secur", "privacy", "classif", "protect"}},
	{"standards", []string{"标准", "规范"}, []string{"standard", "specification"}},
	{"catalogues", []string{"目录", "清单"}, []string{"catalog", "inventory", "inventories", "directory", "directories"}},
	{"industry", []string{"产业", "经济", "企业"}, []string{"industr", "econom", "enterprise", "business"}},
}

// topicsOf returns the set of topics (bit i for policyTopics[i]) that
// keywords in s reach.
func topicsOf(s string) uint8 {
	lower := strings.ToLower(s)
	words := strings.FieldsFunc(lower, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) })
	var set uint8
	for i, tp := range policyTopics {
		hit := false
		for _, k := range tp.zh {
			if strings.Contains(s, k) {
				hit = true
				break
			}
		}
		for _, w := range words {
			for _, k := range tp.en {
				if !hit && strings.HasPrefix(w, k) {
					hit = true
				}
			}
		}
		if hit {
			set |= 1 << i
		}
	}
	return set
}

// splitTopics splits a topics cell into its words.
func splitTopics(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ';', '；', ',', '，', '、':
			return true
		}
		return false
	})
}

// policyRecord is a row of policies evidence.
type policyRecord struct {
	evRecord
	force  int
	topics uint8
}

func collectPolicies(req CollectRequest) ([]Collected, []string, error) {
	r := newEvReader(req, "policies", policyColumns)
	var recs []*policyRecord
	r.each(func(row evRow, rec evRecord, ok bool) {
		title, good := r.text(row, "title")
		ok = ok && good
		// The key cells are good: the row takes part in the duplicate
		// check, even if another cell is bad.
		keyOK := ok
		p := &policyRecord{evRecord: rec, topics: topicsOf(title)}
		p.Ev.Title = title
		if kind, good := r.text(row, "kind"); good {
			force, known := policyForce[normWord(kind)]
			if !known {
				r.errs = append(r.errs, Errorf(row.pos("kind"), hintPolicyKind, "unknown policy kind %s", quoteCell(kind)))
				ok = false
			}
			p.force = force
		} else {
			ok = false
		}
		for _, w := range splitTopics(row.cell("topics")) {
			w = strings.TrimSpace(w)
			if w == "" {
				continue
			}
			set := topicsOf(w)
			if set == 0 {
				r.errs = append(r.errs, Errorf(row.pos("topics"), hintPolicyTopic, "unknown topic %s", quoteCell(w)))
				ok = false
			}
			p.topics |= set
		}
		if keyOK && r.duplicate(row, rec.Region+"\x00"+dateKey(rec)+"\x00"+title, "region, date and title") {
			ok = false
		}
		if ok {
			recs = append(recs, p)
		}
	})
	if err := r.err(); err != nil {
		return nil, nil, err
	}
	return measureValues(req, r.region, recs, policyMeasures), nil, nil
}

// policyMeasures are the measures of the policies collector.
var policyMeasures = []evMeasure[*policyRecord]{
	{name: "count", zero: true, value: countMeasure[*policyRecord]},
	{name: "max_force", zero: true, value: func(recs []*policyRecord, _ time.Time) (float64, []Evidence, bool) {
		top := 0
		for _, p := range recs {
			top = max(top, p.force)
		}
		var ev []Evidence
		for _, p := range recs {
			if p.force == top {
				ev = append(ev, p.Ev)
			}
		}
		return float64(top), ev, true
	}},
	{name: "years_active", zero: true, value: yearsActiveMeasure[*policyRecord]},
	{name: "recent", zero: true, relevant: func(p *policyRecord, cut time.Time) bool {
		return !p.Date.Before(cut.Add(time.Nanosecond).AddDate(-2, 0, 0))
	}, value: countMeasure[*policyRecord]},
	{name: "topic_coverage", zero: true, value: func(recs []*policyRecord, _ time.Time) (float64, []Evidence, bool) {
		var set uint8
		var ev []Evidence
		for _, p := range recs {
			if p.topics != 0 {
				set |= p.topics
				ev = append(ev, p.Ev)
			}
		}
		if len(ev) == 0 {
			ev = evidenceOf(recs) // none reached a topic: these were read
		}
		n := 0
		for i := range policyTopics {
			if set&(1<<i) != 0 {
				n++
			}
		}
		return 100 * float64(n) / float64(len(policyTopics)), ev, true
	}},
}
