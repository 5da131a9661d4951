package indicators

import (
	"regexp"
	"strings"
)

// Chinese for the refusals of [uncertainty] alternatives that cannot
// combine (scoring/robust_pairs.go).
func init() {
	for en, zh := range map[string]string{
		"[uncertainty] would draw normalisation %q with aggregation %q, which needs positive values: %q gives zero or negative ones, so every such sample would fail": "[uncertainty] 会把标准化方法 %[1]q 与合成方法 %[2]q 一起抽取，而后者要求取值为正：%[3]q 会给出零或负值，这样的样本都会失败",
		"normalisation %q in [uncertainty] normalise gives %s, not %s as [scoring] normalise %q does: [stars] thresholds %s would mean nothing for its samples":       "[uncertainty] normalise 中的标准化方法 %[1]q 给出的是 %[2]s，而不是 [scoring] normalise %[4]q 给出的 %[3]s：[stars] 的阈值 %[5]s 对这些样本没有意义",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		`leave it out of the list, or rate with a method that fits any scale: [stars] method = "quantiles", "kmeans" or "jenks"`: `把它从列表中删去，或改用适合任何尺度的定级方法：[stars] method = "quantiles"、"kmeans" 或 "jenks"`,
		"leave one of the two out of its list, or give [scoring] a range above 0, e.g. range = [1, 100]":                         "把两者之一从列表中删去，或给 [scoring] 设置大于 0 的范围，例如 range = [1, 100]",
		"leave one of the two out of its list": "把两者之一从列表中删去",
	} {
		zhHints[en] = zh
	}
	scale := func(s string) string {
		if m := scaleRange.FindStringSubmatch(s); m != nil {
			return m[1] + " 到 " + m[2] + " 之间的值"
		}
		return words(map[string]string{
			"z-scores around 0":                               "0 附近的 z 分数",
			"ranks from 1 to the number of regions":           "从 1 到地区数的名次",
			"counts from 0 to the number of regions less one": "从 0 到地区数减一的计数",
			"ratios to the reference region around 1":         "1 附近的、与参照地区之比",
			"the data's own values":                           "数据本身的数值",
		})(strings.TrimSpace(s))
	}
	zhArgs["normalisation %q in [uncertainty] normalise gives %s, not %s as [scoring] normalise %q does: [stars] thresholds %s would mean nothing for its samples"] = map[int]func(string) string{1: scale, 2: scale}
}

var scaleRange = regexp.MustCompile(`^values from (\S+) to (\S+)$`)
