package indicators

// Chinese for the messages of the compare command and of the matching of
// the region and indicator names users type (cmd/govindex/names.go).
func init() {
	for k, v := range map[string]string{
		"%q fits %d regions: %s":                    "%q 可指 %d 个地区：%s",
		"the region name is empty":                  "地区名称为空",
		"unknown region %q; the closest are: %s":    "未知的地区 %q；最接近的有：%s",
		"%q fits %d indicators: %s":                 "%q 可指 %d 个指标：%s",
		"the indicator name is empty":               "指标名称为空",
		"unknown indicator %q; the closest are: %s": "未知的指标 %q；最接近的有：%s",

		"compare needs at least two regions, got %d": "compare 至少需要两个地区，现有 %d 个",
		"%q and %q are the same region, %s %s":       "%q 和 %q 是同一个地区：%s %s",
		"%s %s has no result":                        "%s %s 没有评分结果",
		"%s %s is not rated: it has data for %d of %d indicators, under the minimum share of %s": "%[1]s %[2]s 未评级：%[4]d 个指标中只有 %[3]d 个有数据，低于最低覆盖率 %[5]s",
		"%s %s is not rated: %s": "%s %s 未评级：%s",
	} {
		if _, ok := zhMessages[k]; !ok {
			zhMessages[k] = v
		}
	}
	for k, v := range map[string]string{
		"type more of the name, or the region's code": "请多输入几个字，或改用地区代码",
		"give a region's code or name":                "请给出地区代码或名称",
		"give a region's code, its name, or the start of its name (govindex rate lists the regions)": "请给出地区代码、名称或名称的开头几个字（govindex rate 会列出各地区）",
		"type more of the name, or the indicator's id":                                               "请多输入几个字，或改用指标 id",
		"give an indicator's id or name":                                                             "请给出指标 id 或名称",
		"give an indicator's id, its name, or the start of its name (see index.toml)":                "请给出指标 id、名称或名称的开头几个字（见 index.toml）",

		"name each region once":                                                         "每个地区只列一次",
		"compare rated regions (govindex rate lists them)":                              "请对比已评级的地区（govindex rate 会列出它们）",
		"compare rated regions (govindex rate lists them), or add data for this region": "请对比已评级的地区（govindex rate 会列出它们），或为该地区补充数据",
	} {
		if _, ok := zhHints[k]; !ok {
			zhHints[k] = v
		}
	}
}
