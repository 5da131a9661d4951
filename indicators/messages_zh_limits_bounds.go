package indicators

// Chinese for the bounds on nesting, lists, the dimension tree, article
// templates and workbooks (toml_depth.go, list_limits.go, table.go and
// cmd/govindex's article).
func init() {
	for en, zh := range map[string]string{
		"the TOML nests %d levels deep here, over the limit of %d levels":                                           "TOML 在此处嵌套了 %d 层，超过了 %d 层的上限",
		"%s has %d entries, over the limit of %d":                                                                   "%s 有 %d 项，超过了 %d 项的上限",
		"years lists %d years, over the limit of %d (max_years)":                                                    "years 列出了 %d 个年份，超过了 %d 个的上限（max_years）",
		"thresholds has %d entries, over the limit of %d":                                                           "thresholds 有 %d 个分界，超过了 %d 个的上限",
		"labels has %d entries, over the limit of %d":                                                               "labels 有 %d 个名称，超过了 %d 个的上限",
		"%d dimensions, over the limit of %d (max_indicators: a dimension groups indicators)":                       "共有 %d 个维度，超过了 %d 个的上限（max_indicators：维度是指标的分组）",
		"the [[ahp]] matrix has %d rows or columns, but AHP compares at most %d (Saaty's random index stops at 10)": "[[ahp]] 矩阵有 %d 行或列，而层次分析法最多比较 %d 项（Saaty 随机一致性指标只到 10）",
		"dimension %q is nested %d levels deep (dimensions nest %d levels), over the limit of %d levels":            "维度 %q 位于第 %d 层（维度共嵌套 %d 层），超过了 %d 层的上限",
		"the workbook's styles, shared strings and other parts unpack to more than %d bytes":                        "工作簿的样式、共享字符串等部分解压后超过 %d 字节",
		"article template: more than %d loop steps and template calls (max_template_steps)":                         "文章模板的循环步数和模板调用超过了 %d 次（max_template_steps）",
		"the catalog is %d bytes, over the limit of %d bytes for a catalog file (max_catalog_mb)":                   "目录文件大小为 %d 字节，超过了每个目录文件 %d 字节的上限（max_catalog_mb）",
		"article template: the article is longer than %d MB (max_article_mb)":                                       "文章模板写出的文章超过了 %d MB（max_article_mb）",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		"an index definition nests a few levels ([table], key = value, [[…]] in a matrix); check that you named the right file":                 "指数定义只需嵌套几层（[表]、键 = 值、矩阵中的 [[…]]）；请确认文件没有选错",
		"shorten the list: the limit is fixed, set by what the list means (see the README's limits section)":                                    "请缩短该列表：此上限是固定的，由列表的含义决定（见 README 中关于上限的一节）",
		"make the framework flatter: real frameworks have 2 to 4 levels (the limit is fixed)":                                                   "请减少框架的层级：实际的指标框架一般为 2 至 4 层（此上限是固定的）",
		"group the children into sub-dimensions of at most 10 each, or use manual weights":                                                      "请把下级分组为每组不超过 10 项的子维度，或改用手动权重",
		"save the sheets again from a spreadsheet program, or save them as CSV: styles and shared strings this large are not a data workbook's": "请用电子表格软件重新保存这些工作表，或另存为 CSV：数据工作簿的样式和共享字符串不会这么大",
	} {
		zhHints[en] = zh
	}
	zhHintPatterns = append(zhHintPatterns,
		pat(`^give at most (\d+) thresholds \((\d+) classes, as classes allows\), e\.g\. \[20, 40, 60, 80\]$`,
			`最多给出 ${1} 个分界（即 ${2} 档，与 classes 的上限相同），例如 [20, 40, 60, 80]`),
		pat(`^split the catalog into files of at most (\d+) MB \(files = \[ … \] takes several\), or raise max_catalog_mb under \[limits\] in index\.toml$`,
			`请把目录拆分为每个不超过 ${1} MB 的文件（files = [ … ] 可列出多个），或在 index.toml 的 [limits] 中调高 max_catalog_mb`),
		pat(`^give one label per class, at most (\d+)$`,
			`每档给出一个名称，最多 ${1} 个`),
		pat(`^check the template's loops; if the article is meant to be this long, raise (\w+) under \[limits\] in index\.toml$`,
			`请检查模板中的循环；若文章确实应有这么长，请在 index.toml 的 [limits] 中调高 ${1}`),
	)
}
