package reports

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestArticleWeakListNeverAtBest: a region whose indicators are all at
// the top has no weak list; a weakest dimension the region leads is worded
// as room to grow, and its list holds no indicator the region leads on.
func TestArticleWeakListNeverAtBest(t *testing.T) {
	others := [][]float64{
		{80, 60, 80, 80, 40, 80},
		{60, 50, 60, 60, 50, 50},
		{40, 40, 40, 40, 40, 40},
	}
	t.Run("all at the top", func(t *testing.T) {
		res := stResult(append([][]float64{{100, 100, 100, 100, 100, 100}}, others...)...)
		ar := ArticleData(res, "zh").Regions[0]
		assert.Empty(t, ar.Weak)
		for _, lang := range []string{"zh", "en"} {
			out := arWrite(t, res, ArticleOptions{Options: Options{Lang: lang}})
			sec := stSection(t, out, map[string]string{"zh": "地区1", "en": "R1"}[lang])
			assert.NotContains(t, sec, "得分相对较低的指标")
			assert.NotContains(t, sec, "The lowest indicators")
			assert.NotContains(t, sec, "拖累")
			assert.NotContains(t, sec, "holds")
		}
	})
	t.Run("weakest dimension led", func(t *testing.T) {
		res := stResult(append([][]float64{{100, 70, 100, 100, 90, 50}}, others...)...)
		ar := ArticleData(res, "zh").Regions[0]
		require.NotNil(t, ar.Weakest)
		require.Equal(t, 1, ar.Weakest.Rank)
		assert.True(t, ar.RoomToGrow)
		require.Len(t, ar.Weak, 1)
		assert.Equal(t, Text("b2"), ar.Weak[0].ID, "b1 (90) leads every region: not weak")
		zh := stSection(t, arWrite(t, res, ArticleOptions{Options: Options{Lang: "zh"}}), "地区1")
		assert.Contains(t, zh, "“乙维度”已列第一，仍有提升空间的指标：")
		assert.NotContains(t, zh, "拖累")
		en := stSection(t, arWrite(t, res, ArticleOptions{Options: Options{Lang: "en"}}), "R1")
		assert.Contains(t, en, "Where Beta, on which it already ranks first, has room to grow:")
		assert.NotContains(t, en, "holds Beta back")
	})
}

// TestArticleImputedValues: an imputed value says how it was imputed and
// cites no evidence, and the data note does not say every region has data.
func TestArticleImputedValues(t *testing.T) {
	res := stResult([]float64{100, 100, 100, 100, 100, 100}, []float64{80, 60, 80, 80, 40, 80}, []float64{60, 50, 60, 60, 50, 50})
	res.Def.Scoring.Impute = "median"
	is := res.Regions[1].Indicators[2] // R2's b1, on its weak list
	is.Raw, is.Imputed = nan, true
	for lang, want := range map[string][]string{
		"zh": {"40（插补值，按中位数插补，并非实际记录）", "除下列插补值外，所有地区的全部指标均有数据。", "下列数值是插补所得"},
		"en": {"40 (imputed by median, not a recorded value)", "Apart from the imputed values below, every region has data for every indicator.", "The following values are imputed"},
	} {
		out := arWrite(t, res, ArticleOptions{Options: Options{Lang: lang}})
		for _, w := range want {
			assert.Contains(t, out, w, lang)
		}
		assert.NotContains(t, out, "\n所有地区的全部指标均有数据。", lang)
		assert.NotContains(t, out, "\nEvery region has data for every indicator.", lang)
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "插补值") || strings.Contains(line, "imputed by") {
				assert.NotContains(t, line, "依据", lang)
				assert.NotContains(t, line, "Evidence", lang)
			}
		}
	}
}

// TestFormatDuration: fractional years read as a reader counts time.
func TestFormatDuration(t *testing.T) {
	for _, tc := range []struct {
		years  float64
		zh, en string
	}{
		{0.3, "4 个月", "4 months"},
		{0.01, "1 个月", "1 month"},
		{1.0833, "1 年 1 个月", "1 year 1 month"},
		{2.15, "2 年 2 个月", "2 years 2 months"},
		{2.99, "3 年", "3 years"},
		{3.94, "近 4 年", "nearly 4 years"},
		{11.94, "近 12 年", "nearly 12 years"},
		{4.3, "4 年多", "over 4 years"},
		{6.02, "6 年", "6 years"},
	} {
		assert.Equal(t, tc.zh, formatQuantity("zh", tc.years, "年"), tc.years)
		assert.Equal(t, tc.en, formatQuantity("en", tc.years, "years"), tc.years)
	}
	assert.Equal(t, "12 年", formatQuantity("zh", 12, "年"), "whole years stay as they are")
}

// TestArticleOpeningsVary: the region sections of the 2017 edition do not
// all open with the same sentence shape.
func TestArticleOpeningsVary(t *testing.T) {
	res := ckEdition2017(t)
	for _, lang := range []string{"zh", "en"} {
		a := ArticleData(res, lang)
		shapes := map[string]bool{}
		for _, ar := range a.Regions {
			if !ar.Rated {
				continue
			}
			require.NotEmpty(t, ar.Opening)
			assert.Contains(t, ar.Opening, string(ar.Name))
			assert.Contains(t, ar.Opening, ar.ScoreText)
			assert.Contains(t, ar.Opening, ar.Word)
			shape := strings.NewReplacer(string(ar.Name), "N", ar.ScoreText, "S", ar.Word, "W", ar.Gap, "G").Replace(ar.Opening)
			shapes[shape[:min(len(shape), 12)]] = true
		}
		assert.GreaterOrEqual(t, len(shapes), 3, "%s: the sections open alike", lang)
	}
}
