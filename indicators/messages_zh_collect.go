package indicators

// The Chinese of the messages of the collector runner (collect_run.go),
// the evidence dates (dates.go) and the policies, platforms and
// collaborations collectors, added to the catalogue of messages_zh.go.
// Entries the catalogue already has are left as they are.
func init() {
	messages := map[string]string{
		// collect_run.go: sources
		"the [[source]] entry names no collector":                                    "该 [[source]] 条目没有指明采集器（collector）",
		"unknown collector %q":                                                       "未知的采集器 %q",
		"the [[source]] entry lists no files":                                        "该 [[source]] 条目没有列出任何文件",
		"evidence file %q is listed twice":                                           "证据文件 %q 列出了两次",
		"as_of: %v":                                                                  "as_of：%v",
		"collector %q has no measure %q":                                             "采集器 %q 没有度量 %q",
		"no [[source]] entry gives the evidence of collector %q":                     "没有 [[source]] 条目为采集器 %q 提供证据文件",
		"there is no year to collect the evidence for":                               "没有可采集证据的年份",
		"region %s is covered by two [[source]] entries of collector %q (%s and %s)": "地区 %s 出现在采集器 %q 的两个 [[source]] 条目中（%s 和 %s）",

		// collect_run.go: evidence CSVs
		"unknown column %q in %s evidence":                       "%[2]s 证据文件中有未知的列 %[1]q",
		"%s evidence has no %q column (header: %s)":              "%s 证据文件没有 %q 列（表头：%s）",
		"the row is about %s but its [[source]] entry is for %s": "该行属于 %s，但它所在的 [[source]] 条目是 %s 的",
		"%s is empty":                         "%s 为空",
		"%s: %v":                              "%s：%v",
		"%s: %s is negative":                  "%s：%s 是负数",
		"duplicate record: the same %s as %s": "重复的记录：%s与 %s 相同",

		// collectors
		"unknown policy kind %s":        "未知的政策文件类型 %s",
		"unknown topic %s":              "未知的主题 %s",
		"unknown platform kind %s":      "未知的平台类型 %s",
		"unknown collaboration kind %s": "未知的合作类型 %s",
	}
	hints := map[string]string{
		`add files = ["evidence/<file>"], paths relative to index.toml`:                             `添加 files = ["evidence/<文件>"]，路径相对于 index.toml`,
		"name each file once in files":                                                              "files 中每个文件只列一次",
		`write as_of = "2017-06-07" (or "2017-06", "2017")`:                                         `写作 as_of = "2017-06-07"（或 "2017-06"、"2017"）`,
		"add year = 2017 (the year rated) to [index], or give the observation tables a year column": "在 [index] 中添加 year = 2017（参评年份），或为观测值表加上年份列",
		"put each region's records in one [[source]] entry: list several files in its files":        "每个地区的记录只放在一个 [[source]] 条目中：可在其 files 中列出多个文件",
		"move the row to a [[source]] entry of its region, or leave out region in the entry":        "请把该行移到其所属地区的 [[source]] 条目中，或去掉该条目的 region",
		hintDate:                              "日期请写作 YYYY、YYYY-MM 或 YYYY-MM-DD，例如 2017-06-07（也可写 2017/06/07、2017.06.07 或 2017年6月7日）",
		"fill in the cell, or delete the row": "请填写该单元格，或删去该行",
		hintEvidenceNumber:                    `请写零或正数，如 42、"1,234" 或 1.2万；不知道时留空`,
		"delete one of the two rows: each record counts once": "请删去两行中的一行：每条记录只计一次",
		hintPolicyKind:        "请使用其中之一：地方性法规（regulation）、政府规章（rule）、规范性文件 / 意见 / 通知 / 办法（normative）、规划 / 计划（plan）、标准 / 指南（standard）",
		hintPolicyTopic:       "请使用主题 sharing、opening、security、standards、catalogues、industry（共享、开放、安全、标准、目录、产业），用 ; 或 、 分隔",
		hintPlatformKind:      "请使用 sharing（共享）、open（开放）、exchange（交易）或 service（服务）",
		hintCollaborationKind: "请使用 exchange、pilot_zone、enterprise、datacenter、alliance、agreement 或 event（交易所、试验区、企业、数据中心、联盟、协议、活动）",
	}
	for en, zh := range messages {
		if _, ok := zhMessages[en]; !ok {
			zhMessages[en] = zh
		}
	}
	for en, zh := range hints {
		if _, ok := zhHints[en]; !ok {
			zhHints[en] = zh
		}
	}
	args := map[string]map[int]func(string) string{
		"duplicate record: the same %s as %s": {0: words(map[string]string{
			"region, date and title":         "地区、日期和标题",
			"region, date and name":          "地区、日期和名称",
			"region, date, kind and partner": "地区、日期、类型和合作方",
		})},
		"%s is empty":        {0: words(zhEvidenceColumns)},
		"%s: %v":             {0: words(zhEvidenceColumns)},
		"%s: %s is negative": {0: words(zhEvidenceColumns)},
	}
	for format, m := range args {
		if _, ok := zhArgs[format]; !ok {
			zhArgs[format] = m
		}
	}
	zhTextPatterns = append(zhTextPatterns,
		pat(`^date is empty$`, `日期为空`),
		pat(`^(.+) is not a date$`, `${1} 不是有效的日期`),
		pat(`^(.+) is not a date: the year is not between 1900 and 2100$`, `${1} 不是有效的日期：年份不在 1900 到 2100 之间`),
		pat(`^(.+) is not a date: there is no month (\d+)$`, `${1} 不是有效的日期：没有 ${2} 月`),
		pat(`^(.+) is not a date: month (\d+) of (\d+) has (\d+) days$`, `${1} 不是有效的日期：${3} 年 ${2} 月只有 ${4} 天`),
	)
	zhHintPatterns = append(zhHintPatterns,
		pat(`^declare its evidence files in index\.toml: (.*)$`, `请在 index.toml 中声明它的证据文件：${1}`),
		pat(`^use the columns (.+) of (\S+) evidence$`, `请使用 ${2} 证据文件的列：${1}`),
	)
}

// zhEvidenceColumns are the Chinese names of evidence columns, for
// messages that name a column.
var zhEvidenceColumns = map[string]string{
	"title":       "标题",
	"kind":        "类型",
	"name":        "名称",
	"partner":     "合作方",
	"departments": "部门数",
	"datasets":    "数据集数",
	"records":     "数据量",
	"domains":     "领域数",
}
