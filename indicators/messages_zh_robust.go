package indicators

// The Chinese of the messages and hints of the uncertainty analysis
// (scoring/robust.go, scoring/robust_kernel.go) and of the robust command
// (cmd/govindex/robust.go).
func init() {
	for en, zh := range map[string]string{
		// scoring/robust.go
		"samples = %d is out of range":                                                                   "samples = %d 超出范围",
		"weights_noise = %g is outside [0, 1)":                                                           "weights_noise = %g 不在 [0, 1) 范围内",
		"exclude = %g is outside [0, 1)":                                                                 "exclude = %g 不在 [0, 1) 范围内",
		"unknown normalisation method %q in [uncertainty] normalise":                                     "[uncertainty] normalise 中有未知的标准化方法 %q",
		"unknown aggregation method %q in [uncertainty] aggregate":                                       "[uncertainty] aggregate 中有未知的合成方法 %q",
		"unknown imputation method %q in [uncertainty] impute":                                           "[uncertainty] impute 中有未知的缺失值插补方法 %q",
		"every one of the %d samples failed; the first: %s":                                              "%d 个样本全部失败；第一个样本的原因：%s",
		"normalisation %q in [uncertainty] normalise needs a reference region, but [scoring] names none": "[uncertainty] normalise 中的标准化方法 %q 需要参照地区，但 [scoring] 没有指定",
		"normalisation %q in [uncertainty] normalise needs goalposts, which indicator %q does not have":  "[uncertainty] normalise 中的标准化方法 %q 需要 goalposts，但指标 %q 没有设置",
		"normalisation %q in [uncertainty] normalise needs a target, which indicator %q does not have":   "[uncertainty] normalise 中的标准化方法 %q 需要 target，但指标 %q 没有设置",
		// scoring/robust_kernel.go
		`the uncertainty analysis cannot resample star classes fitted on all years (comparable = "pooled" with [stars] method = %q)`: `不确定性分析无法对按全部年份拟合的星级分档重新抽样（comparable = "pooled" 且 [stars] method = %q）`,
		// cmd/govindex/robust.go
		"--samples %d is out of range": "--samples %d 超出范围",
		"--noise %g is outside [0, 1)": "--noise %g 不在 [0, 1) 范围内",
	} {
		if _, ok := zhMessages[en]; !ok {
			zhMessages[en] = zh
		}
	}
	for en, zh := range map[string]string{
		// scoring/robust_kernel.go
		`use [stars] method = "thresholds" or comparable = "separate", or leave the uncertainty analysis out (remove [uncertainty]; report and article take --robust=false)`: `做不确定性分析时请使用 [stars] method = "thresholds" 或 comparable = "separate"，或者不做不确定性分析（删去 [uncertainty]；report 与 article 可加 --robust=false）`,
		// scoring/robust.go
		"set samples to a number from 1 to 10000000, e.g. samples = 1000":                                             "请把 samples 设为 1 到 10000000 之间的数，例如 samples = 1000",
		"give a share from 0 up to, not including, 1, e.g. weights_noise = 0.25":                                      "请给出不小于 0 且小于 1 的比例，例如 weights_noise = 0.25",
		"give a probability from 0 up to, not including, 1, e.g. exclude = 0.1":                                       "请给出不小于 0 且小于 1 的概率，例如 exclude = 0.1",
		`add reference = "<region code>" under [scoring], or leave the method out of the list`:                        `请在 [scoring] 下添加 reference = "<地区代码>"，或从列表中去掉该方法`,
		"add goalposts = [lo, hi] to every indicator, or leave goalposts out of the list":                             "请为每个指标添加 goalposts = [下限, 上限]，或从列表中去掉 goalposts",
		"add target = <value> to every indicator, or leave dist2target out of the list":                               "请为每个指标添加 target = <目标值>，或从列表中去掉 dist2target",
		"normalise into a positive range such as range = [1, 100], or leave geometric out of [uncertainty] aggregate": "请标准化到正数区间，例如 range = [1, 100]，或从 [uncertainty] aggregate 中去掉 geometric",
		"lower [uncertainty] exclude, or impute the missing values":                                                   "请调低 [uncertainty] exclude，或对缺失值进行插补",
		// cmd/govindex/robust.go
		"give --samples a number from 1 to 10000000, e.g. --samples 1000":        "请给 --samples 一个 1 到 10000000 之间的数，例如 --samples 1000",
		"give --noise a share from 0 up to, not including, 1, e.g. --noise 0.25": "请给 --noise 一个不小于 0 且小于 1 的比例，例如 --noise 0.25",
	} {
		if _, ok := zhHints[en]; !ok {
			zhHints[en] = zh
		}
	}
}
