package indicators

// Chinese for the messages about [[indicator]] effort (effort.go).
func init() {
	for en, zh := range map[string]string{
		"effort %g of indicator %q is not a positive number": "指标 %[2]q 的 effort %[1]g 不是正数",
		"effort is given for %s but not for %s":              "%s 给出了 effort，%s 却没有",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		"give the cost of one unit of the indicator as a positive number, e.g. effort = 2":                              "以正数给出该指标每提高一个单位的投入，例如 effort = 2",
		"give effort to every actionable indicator (or actionable = false to those a region cannot change), or to none": "为每个地区可以改变的指标都给出 effort（地区无法改变的指标写 actionable = false），或者都不给",
	} {
		zhHints[en] = zh
	}
}
