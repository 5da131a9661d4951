package reports

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/govindex/govindex/indicators"
)

func TestArticleEvidence(t *testing.T) {
	row := func(i int, title, when string) indicators.Evidence {
		return indicators.Evidence{File: "ev/p.csv", Row: i, Title: title, When: when}
	}
	seven := make([]indicators.Evidence, 7)
	for i := range seven {
		seven[i] = row(i+2, fmt.Sprintf("文件%d", i+1), "2016")
	}
	policies := &indicators.Indicator{ID: "docs", Source: "policies.count"}
	platforms := &indicators.Indicator{ID: "platforms", Source: "platforms.count"}
	for _, tc := range []struct {
		name string
		ev   []indicators.Evidence
		ind  *indicators.Indicator
		lang string
		want string
	}{
		{"none", nil, policies, "zh", ""},
		{"policy titles in 《》", []indicators.Evidence{row(2, "数据条例", "2016-01"), row(3, "《已有书名号》", "")}, policies, "zh", "《数据条例》（2016-01）；《已有书名号》"},
		{"English: titles quoted", []indicators.Evidence{row(2, "数据条例", "2016-01"), row(3, "规划", "2017")}, policies, "en", "“数据条例” (2016-01); “规划” (2017)"},
		{"English: quotes inside become single", []indicators.Evidence{row(2, "“云上贵州”：首个平台", "2016-12")}, platforms, "en", "“‘云上贵州’：首个平台” (2016-12)"},
		{"English: a title quoted as a whole stays", []indicators.Evidence{row(2, "《数据条例》", ""), row(3, "“规划”", "2017")}, policies, "en", "《数据条例》; “规划” (2017)"},
		{"English: no title: where it is, unquoted", []indicators.Evidence{{File: "cat.json", ID: "ds-1"}}, platforms, "en", "cat.json#ds-1"},
		{"platform names as they are", []indicators.Evidence{row(2, "开放平台", "2015-09")}, platforms, "zh", "开放平台（2015-09）"},
		{"no title: where it is", []indicators.Evidence{{File: "cat.json", ID: "ds-1"}}, platforms, "zh", "cat.json#ds-1"},
		{"more than five", seven, platforms, "zh", "文件1（2016）；文件2（2016）；文件3（2016）；文件4（2016）；文件5（2016） 等 7 项"},
		{"more than five, English", seven, platforms, "en", "“文件1” (2016); “文件2” (2016); “文件3” (2016); “文件4” (2016); “文件5” (2016); and 2 more"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list, text := articleEvidence(tc.ev, tc.ind, tc.lang)
			assert.Equal(t, tc.want, text.String())
			assert.Len(t, list, len(tc.ev), "every record is listed, named or not")
			for i, e := range list {
				assert.Equal(t, tc.ev[i].String(), e.Ref)
				assert.Equal(t, tc.ev[i].Title, e.Title.String())
			}
		})
	}
}

func TestArticleCharts(t *testing.T) {
	for _, tc := range []struct {
		dir, lang string
		want      []ArticleChart
	}{
		{"charts", "zh", []ArticleChart{{"charts/ranking.png", "图 1　各地区总分与星级"}, {"charts/dimensions.png", "图 2　各地区分维度得分"}}},
		{"fig/", "en", []ArticleChart{{"fig/ranking.png", "Figure 1. Scores and stars by region"}, {"fig/dimensions.png", "Figure 2. Dimension scores by region"}}},
	} {
		assert.Equal(t, tc.want, articleCharts(tc.dir, tc.lang))
	}
}
