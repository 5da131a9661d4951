package indicators

// Chinese for the messages of multi-year output: rate --years and the
// changes since the previous year.
func init() {
	for en, zh := range map[string]string{
		"--year and --years cannot be used together":               "--year 与 --years 不能同时使用",
		"--years: the data have no years":                          "--years：数据中没有年份",
		"--years %s: there is no data for %d":                      "--years %s：%d 年没有数据",
		"--years %q: not all, a range of years or a list of years": "--years %q：既不是 all，也不是年份范围或年份列表",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		"give --year for one year or --years for several, not both":                   "评一年用 --year，评多年用 --years，二者只选其一",
		"give the observation tables a year column, or rate one year without --years": "请在观测数据表中加上 year 列，或不用 --years 只评一年",
	} {
		zhHints[en] = zh
	}
	zhHintPatterns = append(zhHintPatterns,
		pat(`^use --years all, a range such as --years (\S+), or a list such as --years (\S+)$`,
			`请使用 --years all、年份范围（如 --years ${1}）或年份列表（如 --years ${2}）`))
}
