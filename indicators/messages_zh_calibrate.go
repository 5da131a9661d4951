package indicators

// Chinese for the messages about replication: [published], [calibrate],
// the published figures file and [scoring] missing_dimension.
func init() {
	for en, zh := range map[string]string{
		"unknown %s method %q in [calibrate] %s":                                           "[calibrate] %[3]s 中的%[1]s方法 %[2]q 不存在",
		"alternative %d of thresholds in [calibrate] is not ascending: %g comes after %g":  "[calibrate] thresholds 的第 %d 组不是严格递增的：%g 排在 %g 之后",
		"[calibrate] makes %s candidates, over max_candidates = %d":                        "[calibrate] 共产生 %s 个候选方案，超过了 max_candidates = %d",
		"max_candidates = %v is not a number of candidates":                                "max_candidates = %v 不是有效的候选方案数",
		"unknown key %q in [calibrate]":                                                    "[calibrate] 中的键 %q 不存在",
		"%s in [calibrate] is not a list of alternatives":                                  "[calibrate] 中的 %s 不是备选值列表",
		"alternative %d of %s in [calibrate] is not %s":                                    "[calibrate] %[2]s 的第 %[1]d 个备选值不是%[3]s",
		"alternative %d of %s in [calibrate] repeats an earlier one":                       "[calibrate] %[2]s 的第 %[1]d 个备选值与前面的重复",
		"complete in [calibrate] applies to evidence sources, and the index declares none": "[calibrate] 中的 complete 用于证据来源，但该指数没有声明任何 [[source]]",
		"[published] names no file":                                                        "[published] 没有指定文件",
		"score_tolerance = %g is not a tolerance":                                          "score_tolerance = %g 不是有效的容差",
		"unknown missing_dimension rule %q":                                                "缺失维度规则 %q 不存在",
		"unknown region %q":                                                                "地区 %q 不存在",
		"region %q appears twice (also at %s)":                                             "地区 %q 出现了两次（另一处在 %s）",
		"stars %q is not a rating":                                                         "星级 %q 不是有效的评级",
		"rank %q is not a rank":                                                            "排名 %q 不是有效的名次",
		"score %q: %v":                                                                     "得分 %q：%v",
		"the published figures are all blank":                                              "发布结果全部为空",
		"the index declares no [published] figures to calibrate against":                   "该指数没有声明用于校准的 [published] 发布结果",
		"unknown column %q in the published figures":                                       "发布结果中的列 %q 不存在",
		"column %q repeats the %s column":                                                  "列 %q 与 %s 列重复",
		"the published figures have no region column":                                      "发布结果没有 region（地区）列",
		"the published figures give no stars, ranks or scores":                             "发布结果没有星级、排名或得分",
		"no data in dimension %q (missing_dimension = \"unrated\")":                        "维度 %q 没有任何数据（missing_dimension = \"unrated\"）",
		"no evidence loader to re-collect the evidence with complete = %s":                 "没有可按 complete = %s 重新收集证据的加载器",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		"list each set of thresholds in strictly ascending order":                                "每组阈值都要严格递增",
		"give a whole number of 1 or more, e.g. max_candidates = 100000":                         "请填写不小于 1 的整数，例如 max_candidates = 100000",
		`the star method's alternatives are written stars = ["thresholds", "quantiles"]`:         `星级方法的备选值写作 stars = ["thresholds", "quantiles"]`,
		"list each alternative once":                                                             "每个备选值只列一次",
		"remove complete from [calibrate], or declare the evidence under [[source]]":             "请从 [calibrate] 中删去 complete，或在 [[source]] 中声明证据",
		`add file = "published.csv" under [published]`:                                           `请在 [published] 下添加 file = "published.csv"`,
		"give a tolerance of 0 or more, e.g. score_tolerance = 0.05":                             "请填写不小于 0 的容差，例如 score_tolerance = 0.05",
		`use missing_dimension = "renormalise", "zero" or "unrated"`:                             `请使用 missing_dimension = "renormalise"、"zero" 或 "unrated"`,
		"write the region's code or exact name as in regions.csv":                                "请填写与 regions.csv 一致的地区代码或完整名称",
		"give each region one row":                                                               "每个地区只占一行",
		"write a rating such as 5 or ★★★★★, or a range such as 1-4; leave it blank when unknown": "请填写星级，如 5 或 ★★★★★，或范围如 1-4；不知道时留空",
		"write a whole number from 1, or leave it blank when unknown":                            "请填写从 1 起的整数；不知道时留空",
		"write the score as published, e.g. 83.5":                                                "请按发布的原样填写得分，例如 83.5",
		"fill in the stars, rank or score of at least one region":                                "请至少填写一个地区的星级、排名或得分",
		`add a [published] table with file = "published.csv": region,stars,rank,score`:           `请添加 [published] 表，写 file = "published.csv"：列为 region,stars,rank,score`,
		"use the columns region,stars,rank,score (any of the last three)":                        "请使用 region,stars,rank,score 列（后三列任选）",
		"keep one column of each":                                                                "每种列只保留一列",
		"start the file with the header region,stars,rank,score":                                 "文件第一行应为表头 region,stars,rank,score",
		"add at least one of the columns stars, rank, score":                                     "请至少添加 stars、rank、score 中的一列",
	} {
		zhHints[en] = zh
	}
}
