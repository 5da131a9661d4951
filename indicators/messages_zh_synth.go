package indicators

// The Chinese of the messages and hints of synthetic projects (synth.go
// and the synth command), added to the catalogue in messages_zh.go.
func init() {
	for en, zh := range map[string]string{
		// indicators: SynthOptions.Check
		"%s = %d is out of range (1 to %d)":                                 "%s = %d 超出范围（1 到 %d）",
		"%d dimensions for %d indicators":                                   "有 %d 个维度，却只有 %d 个指标",
		"missing share %g is out of range":                                  "缺失值比例 %g 超出范围",
		"%d values (regions × indicators × years) are over the limit of %d": "共 %d 个数值（地区 × 指标 × 年份），超过了 %d 的上限",

		// cmd/govindex: synth
		"synth has no --%s":                                                       "synth 没有 --%s 选项",
		"--%s %d is out of range (1 to %d)":                                       "--%s %d 超出范围（1 到 %d）",
		"--dimensions %d is more than --indicators %d":                            "--dimensions %d 多于 --indicators %d",
		"--missing %g is out of range (0 to %g)":                                  "--missing %g 超出范围（0 到 %g）",
		"%d values (--regions × --indicators × --years) are over the limit of %d": "共 %d 个数值（--regions × --indicators × --years），超过了 %d 的上限",
		"synth needs --out DIR":                                                   "synth 需要 --out DIR 指定输出文件夹",
	} {
		if _, ok := zhMessages[en]; !ok {
			zhMessages[en] = zh
		}
	}
	for en, zh := range map[string]string{
		"give a number from 1 upwards, within the limit":                                    "请给出不小于 1 且不超过上限的整数",
		"every dimension needs an indicator: give at most as many dimensions as indicators": "每个维度至少要有一个指标：维度数不能多于指标数",
		"give a share between 0 and 0.5, e.g. 0.02; 0 for none":                             "请给出 0 到 0.5 之间的比例，例如 0.02；0 表示没有缺失值",
		"make the project smaller: fewer regions, indicators or years":                      "请缩小项目规模：减少地区、指标或年份",
		"leave it out: synth writes a new project and reads none":                           "请去掉该选项：synth 只写出新项目，不读取任何项目",
		"give a whole number within the range":                                              "请给出范围内的整数",
		"give a share such as 0.02, or 0 for no missing values":                             "请给出比例，例如 0.02；0 表示没有缺失值",
		"name a new folder to write, e.g. --out synth":                                      "请指定要写出的新文件夹，例如 --out synth",
		"name a folder for the project, e.g. --out synth":                                   "请为项目指定一个文件夹，例如 --out synth",
		"choose a new or empty folder; synth never overwrites files":                        "请选择新的或空的文件夹；synth 从不覆盖已有文件",
	} {
		if _, ok := zhHints[en]; !ok {
			zhHints[en] = zh
		}
	}
}
