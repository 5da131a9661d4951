package indicators

// Chinese for the messages of multi-year editions.
func init() {
	for en, zh := range map[string]string{
		"years: %d is out of range": "years 中的年份 %d 超出范围",
		"years: %d comes after %d":  "years 中的年份 %d 排在 %d 之后",
		"unknown comparability %q":  "未知的跨年可比方式 %q",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		"give four-digit years such as years = [2015, 2016, 2017]":                                    "请写四位年份，例如 years = [2015, 2016, 2017]",
		"list each year once, in ascending order":                                                     "请按升序列出年份，每年只写一次",
		`use comparable = "separate" (each year on its own) or "pooled" (all years' values together)`: `请使用 comparable = "separate"（各年分别标准化）或 "pooled"（各年数据合并标准化）`,
	} {
		zhHints[en] = zh
	}
}

// Chinese for the milestones collector.
func init() {
	zhMessages["unknown milestone kind %s"] = "未知的里程碑类型 %s"
	zhHints["use national_first or award (首创, 荣誉)"] = "请使用 national_first 或 award（首创、荣誉）"
}
