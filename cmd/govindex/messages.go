package main

// messages are the command line's own words in one language.
type messages struct {
	badFlag, fix, seeHelp, problems, failed, interrupted string
	valid, validYears, wrote                             string
	emptyIndicator                                       string
	thresholdsOffScale                                   string
	initDone                                             string
	backupLeft                                           string // report: %s folder, %v error
}

var messagesZh = messages{
	badFlag:            "命令行参数有误",
	fix:                "修改建议",
	seeHelp:            "运行 govindex --help 查看用法",
	problems:           "输入有误，共 %d 处",
	failed:             "运行失败",
	interrupted:        "已中断，未写出任何文件",
	valid:              "检查通过：%s，%d 个地区，%d 个维度，%d 个指标，%d 条观测值",
	validYears:         "有数据的年份：%s",
	emptyIndicator:     "注意：指标 %s 在任何年份都没有数据，评分时不计入（权重分给同级指标）；如是漏了数据列，请补上",
	thresholdsOffScale: "注意：[stars] 阈值 %s 都落在 normalise = %q 给出的得分（%s 至 %s）之外，所有地区都会得到同一星级；请按得分的尺度设定阈值，或改用 quantiles、kmeans 或 jenks",
	wrote:              "已写出 %s",
	initDone:           "已在 %s 新建指数项目；编辑 index.toml 与数据文件后运行：govindex rate --config %s",
	backupLeft:         "新报告已写好，但未能删除旧报告的备份 %s：%v",
}

var messagesEn = messages{
	badFlag:            "bad command line",
	fix:                "fix",
	seeHelp:            "run govindex --help for usage",
	problems:           "bad input, %d problem(s)",
	failed:             "the run failed",
	interrupted:        "interrupted; nothing was written",
	valid:              "valid: %s, %d regions, %d dimensions, %d indicators, %d observations",
	validYears:         "years with data: %s",
	emptyIndicator:     "note: indicator %s has no value in any year and is left out of the scores (its weight goes to its siblings); if a data column is missing, add it",
	thresholdsOffScale: "note: [stars] thresholds %s all lie outside the scores normalise = %q gives (%s to %s), so every region gets the same rating; set thresholds on the scale of the scores, or use quantiles, kmeans or jenks",
	wrote:              "wrote %s",
	initDone:           "created a new index project in %s; edit index.toml and the data, then run: govindex rate --config %s",
	backupLeft:         "the new report is in place, but the backup of the old one, %s, could not be removed: %v",
}

func catalog(lang string) messages {
	if lang == "en" {
		return messagesEn
	}
	return messagesZh
}
