package reports

// methodZh are the Chinese names of the registered methods, by kind
// (the [scoring] or [stars] key that names them), for Chinese output;
// English output shows the names as index.toml writes them.
var methodZh = map[string]map[string]string{
	"normalise": {
		"minmax": "最小–最大值", "zscore": "Z 分数", "rank": "排名", "prank": "百分位排名", "borda": "Borda 计分",
		"goalposts": "固定上下限", "dist2max": "与最大值的距离", "dist2ref": "与参照地区的距离",
		"dist2target": "与目标值的距离", "fracmax": "占最大值的比例", "none": "不标准化",
	},
	"weights": {
		"manual": "人工设定", "equal": "等权", "entropy": "熵权法", "critic": "CRITIC 法", "pca": "主成分分析法", "ahp": "层次分析法",
	},
	"aggregate": {
		"arithmetic": "算术平均", "geometric": "几何平均", "harmonic": "调和平均", "power": "幂平均", "copeland": "Copeland 法",
	},
	"stars": {
		"thresholds": "固定分界", "quantiles": "分位数", "kmeans": "k 均值聚类", "jenks": "Jenks 自然断点",
	},
	"impute": {
		"none": "不插补", "mean": "均值", "median": "中位数", "group-mean": "组内均值", "group-median": "组内中位数",
		"latest": "沿用最近年份", "linear": "年份间线性插值",
	},
	"treat": {
		"none": "不处理", "winsorise": "缩尾", "log": "对数变换",
	},
}

// methodName is a method's name for output in lang: in Chinese its
// Chinese name followed by the name index.toml uses ("熵权法（entropy）"),
// in English the name as written. A name without a Chinese name is shown
// as written.
func methodName(lang, kind, name string) string {
	if lang == "en" {
		return name
	}
	if zh, ok := methodZh[kind][name]; ok {
		return zh + "（" + name + "）"
	}
	return name
}
