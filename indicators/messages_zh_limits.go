package indicators

// Chinese for the messages about input files that cannot be read (missing,
// unreadable, a folder, too large), about the [limits] table, and about an
// --out in a folder that does not exist.
func init() {
	for en, zh := range map[string]string{
		// files.go
		"file is %d bytes, over the limit of %d bytes":                           "文件大小为 %d 字节，超过了 %d 字节的上限",
		"file is larger than the limit of %d bytes":                              "文件超过了 %d 字节的上限",
		"file is larger than the %d-byte limit":                                  "文件超过了 %d 字节的上限",
		"is a directory, not a file":                                             "这是一个文件夹，不是文件",
		"%s file %q not found (tried %s)":                                        "%s文件 %q 不存在（查找的路径：%s）",
		"%s file %q cannot be read: permission denied (%s)":                      "没有读取%s文件 %q 的权限（%s）",
		"%s file %q is a directory, not a file (%s)":                             "%s文件 %q 是一个文件夹，不是文件（%s）",
		"%s file %q is %d bytes, over the limit of %d bytes per input file (%s)": "%s文件 %q 大小为 %d 字节，超过了每个输入文件 %d 字节的上限（%s）",
		"%s file %q is larger than the limit of %d bytes per input file (%s)":    "%s文件 %q 超过了每个输入文件 %d 字节的上限（%s）",
		"%s file %q cannot be read: %v (%s)":                                     "无法读取%s文件 %q：%v（%s）",

		// limits.go
		"max_file_mb = %g is not a positive number":                                                      "max_file_mb = %g 不是正数",
		"%s = %d is not a positive number":                                                               "%s = %d 不是正数",
		"%d indicators, over the limit of %d (max_indicators)":                                           "共有 %d 个指标，超过了 %d 个的上限（max_indicators）",
		"%d regions, over the limit of %d (max_regions)":                                                 "共有 %d 个地区，超过了 %d 个的上限（max_regions）",
		"%d regions × %d indicators make %d cells, over the limit of %d (max_cells)":                     "%d 个地区 × %d 个指标共 %d 个单元格，超过了 %d 个的上限（max_cells）",
		"the workbook unpacks to more than %d bytes (4 times max_file_mb, at least 1 GiB)":               "工作簿解压后超过 %d 字节（max_file_mb 的 4 倍，至少 1 GiB）",
		"more than %d observations (max_observations)":                                                   "观测值超过了 %d 个的上限（max_observations）",
		"the observations span %d years, over the limit of %d (max_years); year %d is the first over it": "观测值涉及 %d 个年份，超过了 %d 个的上限（max_years）；从 %d 年起超出",

		// cmd/govindex: --out in a folder that is not there.
		"--out %s: the folder %s does not exist": "--out %s：文件夹 %s 不存在",
		"--out %s: %s is not a folder":           "--out %s：%s 不是文件夹",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		"name a file, not a folder":                                                                       "请指定一个文件，而不是文件夹",
		"create the folder first, or name a file in a folder that exists":                                 "请先创建该文件夹，或指定已有文件夹中的文件",
		"name a file in a folder, e.g. --out results.json":                                                "请指定某个文件夹中的文件，例如 --out results.json",
		"make the file readable (e.g. chmod a+r FILE), or name another file":                              "请让该文件可读（例如 chmod a+r 文件名），或改用其他文件",
		"name a file, not a folder: a path to a .csv or .xlsx file":                                       "请指定文件而不是文件夹：即 .csv 或 .xlsx 文件的路径",
		"check the name and the folder; paths in index.toml are relative to the folder of the index.toml": "请检查文件名和所在文件夹；index.toml 中的路径相对于 index.toml 所在的文件夹",
		"check that this is the right file; if it is, raise max_file_mb under [limits] in index.toml":     "请确认文件没有选错；若无误，请在 index.toml 的 [limits] 中调高 max_file_mb",
	} {
		zhHints[en] = zh
	}
	fileKinds := words(map[string]string{"regions": "地区", "data": "数据", "evidence": "证据",
		"article template": "文章模板", "font": "字体", "map": "地图"})
	for _, format := range []string{
		"%s file %q not found (tried %s)",
		"%s file %q cannot be read: permission denied (%s)",
		"%s file %q is a directory, not a file (%s)",
		"%s file %q is %d bytes, over the limit of %d bytes per input file (%s)",
		"%s file %q is larger than the limit of %d bytes per input file (%s)",
		"%s file %q cannot be read: %v (%s)",
	} {
		zhArgs[format] = map[int]func(string) string{0: fileKinds}
	}
	zhHintPatterns = append(zhHintPatterns,
		pat(`^the folder (.+) does not exist; paths in index\.toml are relative to the folder of the index\.toml \((.+)\)$`,
			`文件夹 ${1} 不存在；index.toml 中的路径相对于 index.toml 所在的文件夹（${2}）`),
		pat(`^check that this is the right file; if it is, raise the limit in index\.toml: \[limits\] max_file_mb = (\d+)$`,
			`请确认文件没有选错；若无误，请在 index.toml 中调高上限：[limits] max_file_mb = ${1}`),
		pat(`^check that this is the right input; if it is, raise the limit in index\.toml: \[limits\] (\w+) = (\d+)$`,
			`请确认输入没有选错；若无误，请在 index.toml 中调高上限：[limits] ${1} = ${2}`),
		pat(`^check that this is the right input; if it is, raise (\w+) under \[limits\] in index\.toml$`,
			`请确认输入没有选错；若无误，请在 index.toml 的 [limits] 中调高 ${1}`),
		pat(`^give a positive number of MB, e\.g\. max_file_mb = (\d+), or remove the key for the default \((\d+)\)$`,
			`请给出正的 MB 数，例如 max_file_mb = ${1}；或删去该键，使用默认值（${2}）`),
		pat(`^give a positive whole number, e\.g\. (\w+) = (\d+), or remove the key for the default \((\d+)\)$`,
			`请给出正整数，例如 ${1} = ${2}；或删去该键，使用默认值（${3}）`),
	)
}
