package indicators

// Chinese for the messages about numbers that cannot be computed: fracmax
// without a positive maximum, dist2ref without a reference value, values
// and scores beyond the float64 range.
func init() {
	for en, zh := range map[string]string{
		"indicator %q is lower-is-better (direction = -1), which fracmax cannot rate: x / max needs a positive maximum":              "指标 %q 越低越好（direction = -1），fracmax 无法对其评分：x / max 需要正的最大值",
		"indicator %q has no positive value in %d (the largest is %g): fracmax (x / max) needs a positive maximum":                   "指标 %q 在 %d 年没有正值（最大值为 %g）：fracmax（x / max）需要正的最大值",
		"normalisation %q in [uncertainty] normalise cannot rate the lower-is-better indicator %q: x / max needs a positive maximum": "[uncertainty] normalise 中的标准化方法 %q 无法对越低越好的指标 %q 评分：x / max 需要正的最大值",
		"the reference region %s has no value for indicator %q in %d: dist2ref measures every region against it":                     "参照地区 %s 在指标 %q 上没有 %d 年的数值：dist2ref 以它为基准衡量每个地区",
		"the reference region %s has 0 for indicator %q in %d: dist2ref has no distance relative to 0":                               "参照地区 %s 在指标 %q 上 %d 年的数值为 0：dist2ref 无法计算相对于 0 的距离",
		"normalising indicator %q with %s gives %s a value beyond the float64 range in %d":                                           "用 %[2]s 标准化指标 %[1]q 时，%[3]s 在 %[4]d 年的结果超出了 float64 的范围",
		"indicator %q of %s in %d is %g after treatment, not a number that can be scored":                                            "指标 %q 中 %s 在 %d 年的数值经处理后为 %g，无法用于评分",
		"region %s: indicator %q (%g) divided by %s = %g gives a number beyond the float64 range":                                    "地区 %s：指标 %q（%g）除以 %s = %g 的结果超出了 float64 的范围",
		"the score of %s on dimension %q in %d overflows the float64 range":                                                          "%s 在维度 %q 上 %d 年的得分超出了 float64 的范围",
		"the index score of %s in %d overflows the float64 range":                                                                    "%s 在 %d 年的指数得分超出了 float64 的范围",
		"range [%g, %g] is not finite: scores must be numbers":                                                                       "range [%g, %g] 不是有限数：得分必须是数值",
		"goalposts [%g, %g] are not finite":                                                                                          "goalposts [%g, %g] 不是有限数",
		"%s has no index score in %d: none of its values could be normalised":                                                        "%s 在 %d 年没有指数得分：它的数值都无法标准化",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		`use normalise = "minmax" or "dist2max" for this indicator`:                                               `请为该指标改用 normalise = "minmax" 或 "dist2max"`,
		`leave fracmax out of the list, or give the lower-is-better indicators their own normalise = "minmax"`:    `请从列表中去掉 fracmax，或为越低越好的指标单独设置 normalise = "minmax"`,
		"give the reference region a value for the indicator (or impute it), or name another reference region":    "请为参照地区补上该指标的数值（或进行插补），或改用其他参照地区",
		`name a reference region whose value is not 0, or use normalise = "minmax" for this indicator`:            `请改用数值不为 0 的参照地区，或为该指标改用 normalise = "minmax"`,
		"rescale the indicator (a denominator or scale), or use another normalisation such as minmax":             "请调整该指标的量纲（分母或 scale），或改用 minmax 等其他标准化方法",
		"check the data of the indicator, its denominator and scale, and [scoring] treat":                         "请检查该指标的数据、分母和 scale，以及 [scoring] treat",
		"check the units of the denominator column and of the indicator, and the indicator's scale":               "请检查分母列和该指标的单位，以及该指标的 scale",
		"bring the data to a smaller scale (a denominator or scale), or a smaller range such as range = [0, 100]": "请缩小数据的量级（分母或 scale），或使用更小的范围，例如 range = [0, 100]",
		"write finite bounds, e.g. range = [0, 100]":                                                              "请写有限的上下界，例如 range = [0, 100]",
		"write finite goalposts, e.g. goalposts = [0, 10]":                                                        "请写有限的目标值上下限，例如 goalposts = [0, 10]",
		"check the region's values and the normalisation of its indicators":                                       "请检查该地区的数值及其指标的标准化方法",
	} {
		zhHints[en] = zh
	}
}
