package indicators

// The Chinese of the messages and hints of the whatif command
// (cmd/govindex/whatif.go), added to the catalogue in messages_zh.go.
func init() {
	for en, zh := range map[string]string{
		"whatif needs one region (its code, its name or the start of its name), got %d": "whatif 需要一个地区（地区代码、名称或名称的开头几个字），现有 %d 个",
		"--target %d is not a star rating":                                              "--target %d 不是有效的星级",
		"--target %d is beyond the top rating of %d stars":                              "--target %d 超过了最高星级 %d 星",
		"--target %d is not above the %d stars %s has":                                  "--target %[1]d 不高于%[3]s目前的 %[2]d 星",
	} {
		if _, ok := zhMessages[en]; !ok {
			zhMessages[en] = zh
		}
	}
	for en, zh := range map[string]string{
		"give a star rating above the region's current one, such as --target 5":                 "请给出高于该地区当前星级的星级，例如 --target 5",
		"give a rating no higher than the number of star classes":                               "请给出不超过星级等级数的星级",
		"give a rating above the region's current one, or leave --target out for the next star": "请给出高于该地区当前星级的星级，或去掉 --target 以分析升一星所需的改变",
	} {
		if _, ok := zhHints[en]; !ok {
			zhHints[en] = zh
		}
	}
}
