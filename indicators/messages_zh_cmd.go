package indicators

// Chinese for the messages of commands added after messages_zh.go.
func init() {
	for k, v := range map[string]string{
		"collect writes csv or json, not md":                        "collect 只输出 csv 或 json，不输出 md",
		"unknown command %q for %q":                                 "%[2]q 没有命令 %[1]q",
		"%s has no xlsx format":                                     "%s 没有 xlsx 格式",
		"--format xlsx writes an Excel workbook, which needs --out": "--format xlsx 写出的是 Excel 工作簿，需要用 --out 指定文件",
		"--out %s is a %s file, but --format is %s":                 "--out %s 是 %s 文件，但 --format 为 %s",
		"years lists %d, but the data hold no values for it":        "years 中列出了 %d 年，但数据中没有该年的数值",
	} {
		if _, ok := zhMessages[k]; !ok {
			zhMessages[k] = v
		}
	}
	for k, v := range map[string]string{
		"use --format csv or --format json":                                                                   "请使用 --format csv 或 --format json",
		"use --format table, csv, json or md; rate and robust write Excel workbooks":                          "请使用 --format table、csv、json 或 md；只有 rate 和 robust 能写出 Excel 工作簿",
		"name the workbook with --out, e.g. --out results.xlsx":                                               "请用 --out 指定工作簿文件，例如 --out results.xlsx",
		"leave out --years: the workbook of rate --format xlsx has a sheet of every year up to the one rated": "请去掉 --years：rate --format xlsx 写出的工作簿中有“历年”工作表，包含截至所评年份的各年结果",
		"remove it from years, or add its observations to the data files":                                     "请从 years 中删去该年，或在数据文件中补上该年的观测值",
	} {
		if _, ok := zhHints[k]; !ok {
			zhHints[k] = v
		}
	}
}
