package reports

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestArticleSeriesGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			o := ArticleOptions{Options: Options{Lang: lang, Engine: testEngine}}
			got := arWrite(t, testSeriesResult("pooled")(), o)
			golden(t, "article_series_"+lang+".md", []byte(got))
			arClean(t, got)
			assert.Equal(t, got, arWrite(t, testSeriesResult("pooled")(), o), "same input, same output")
		})
	}
}

func TestArticleSeriesData(t *testing.T) {
	a := ArticleData(testSeriesResult("pooled")(), "zh")
	require.NotNil(t, a.Changes)
	ch := a.Changes
	assert.Equal(t, 2016, ch.From)
	assert.Equal(t, "2015–2017", ch.Span)
	assert.True(t, ch.Trends)
	assert.Equal(t, "pooled", ch.Comparable)
	names := func(list []*ArticleRegion) []string {
		var out []string
		for _, ar := range list {
			out = append(out, string(ar.Name))
		}
		return out
	}
	assert.Equal(t, []string{"贵州省"}, names(ch.Rose))
	assert.Equal(t, []string{"Hong Kong"}, names(ch.Fell))
	assert.Equal(t, []string{"贵州省"}, names(ch.StarsUp))
	assert.Equal(t, []string{"Hong Kong"}, names(ch.StarsDown))
	assert.Equal(t, []string{"北京市"}, names(ch.New))
	assert.Empty(t, ch.Dropped)
	assert.Equal(t, "贵州省", string(ch.Gainer.Name))
	assert.Equal(t, "Hong Kong", string(ch.Loser.Name))
	assert.Equal(t, "与 2016 年相比，排名上升的有贵州省（上升 1 位）；排名下降的有Hong Kong（下降 1 位）；"+
		"星级提高的有贵州省（四星→五星）；星级下降的有Hong Kong（五星→四星）；新获评级的有北京市；"+
		"得分提高最多的是贵州省（+13.67 分），降低最多的是Hong Kong（−21.83 分）。", ch.Sentence)

	gz := a.Regions[0]
	require.NotNil(t, gz.Change)
	assert.Equal(t, "与 2016 年相比，得分提高 13.67 分，排名上升 1 位，星级由四星升至五星；"+
		"2015–2017 年平均每年提高 8.34 分（复合年增长率 +10.56%）。", gz.Change.Sentence)
	require.NotNil(t, gz.Trend)
	assert.Equal(t, "+8.34", gz.Trend.SlopeText)
	bj := a.Regions[2]
	assert.True(t, bj.Change.New)
	assert.True(t, bj.Change.Again, "rated in 2015")
	assert.Equal(t, "2016 年未评级，本期重新获得评级。", bj.Change.Sentence, "a trend over two years says no more")
	assert.Nil(t, a.Regions[3].Change, "unrated")

	en := ArticleData(testSeriesResult("pooled")(), "en")
	assert.Equal(t, "Compared with 2016, its score rose by 13.67 points, it moved up one place and its rating rose from four stars to five stars; "+
		"over 2015–2017 it gained 8.34 points a year on average (compound annual growth +10.56%).", en.Regions[0].Change.Sentence)
	assert.Equal(t, "Compared with 2016, its score fell by 21.83 points, it moved down one place and its rating fell from five stars to four stars; "+
		"over 2015–2017 it gained 3.34 points a year on average (compound annual growth +5.41%).", en.Regions[1].Change.Sentence)
	assert.Equal(t, "Over 2015–2017 it gained 8.34 points a year on average (compound annual growth +10.56%).", en.Regions[0].Trend.Sentence)
	assert.Equal(t, "Not rated in 2016, it is rated again.", en.Regions[2].Change.Sentence)

	// No previous year: nothing.
	assert.Nil(t, ArticleData(testSeries("pooled")[0], "zh").Changes)
	assert.Nil(t, ArticleData(testResult(), "zh").Changes)
	assert.Nil(t, ArticleData(testResult(), "zh").Regions[0].Change)
}

// Only two years: no trend clause, no trend column; a region rated for the
// first time says so.
func TestArticleSeriesTwoYears(t *testing.T) {
	rs := testSeries("separate")[1:]
	s := rs[0].Series
	s.Years, s.Results = s.Years[1:], s.Results[1:]
	a := ArticleData(rs[1], "zh")
	require.NotNil(t, a.Changes)
	assert.False(t, a.Changes.Trends)
	assert.Equal(t, "与 2016 年相比，得分提高 13.67 分，排名上升 1 位，星级由四星升至五星。", a.Regions[0].Change.Sentence)
	assert.Equal(t, "2016 年未评级，本期首次获得评级。", a.Regions[2].Change.Sentence)
	out := arWrite(t, rs[1], ArticleOptions{Options: Options{Lang: "zh"}})
	assert.Contains(t, out, "| 排名 | 地区 | 总分 | 较 2016 年 | 名次变化 | 星级 | 星级变化 |\n")
	assert.Contains(t, out, "各年分别标准化")
}
