package reports

import "path"

// articleCharts are the article's figures: the ranking and the dimension
// scores, drawn by WriteCharts into dir (a path relative to the article,
// written with forward slashes as Markdown wants).
func articleCharts(dir, lang string) []ArticleChart {
	caption := map[string][2]string{
		"zh": {"图 1　各地区总分与星级", "图 2　各地区分维度得分"},
		"en": {"Figure 1. Scores and stars by region", "Figure 2. Dimension scores by region"},
	}[lang]
	if caption[0] == "" {
		caption = [2]string{"图 1　各地区总分与星级", "图 2　各地区分维度得分"}
	}
	return []ArticleChart{
		{Path: path.Join(dir, ChartRankingPNG), Caption: caption[0]},
		{Path: path.Join(dir, ChartDimensionsPNG), Caption: caption[1]},
	}
}
