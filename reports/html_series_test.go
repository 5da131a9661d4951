package reports

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHTMLSeriesGolden(t *testing.T) {
	o := HTMLOptions{Options: Options{Lang: "en", Engine: testEngine}}
	out := htRender(t, testSeriesResult("pooled")(), o)
	golden(t, "report_series_en.html", htStrip(t, out))
	assert.Equal(t, out, htRender(t, testSeriesResult("pooled")(), o))
}

func TestHTMLSeries(t *testing.T) {
	zh := htOwnMarkup(t, testSeriesResult("pooled")(), HTMLOptions{})
	assert.Equal(t, 1, strings.Count(zh, `id="chart-trends"`))
	assert.Equal(t, 1, strings.Count(zh, `draw("chart-trends", {`))
	htContains(t, zh, `<section id="changes">`+"\n<h2>较 2016 年变化</h2>")
	htContains(t, zh, "<h2>跨年趋势</h2>\n<p class=\"intro\">各年指标按 2015–2017 年全部数值统一标准化，分数可跨年比较。</p>")
	htContains(t, zh, `<td class="num">&#43;13.67</td><td class="num">↑1</td><td class="stars">★★★★★</td><td class="num">&#43;1★</td><td class="num">&#43;8.34</td><td class="num">&#43;10.56%</td>`)
	htContains(t, zh, `<td>北京市</td><td>110000</td><td class="num">16.67</td><td class="num">—</td><td class="num">新</td>`)
	htNotContains(t, zh, `<td>西藏自治区</td><td>540000</td><td class="num">—</td><td class="num">—</td>`, "never rated: not in the changes")
	htContains(t, zh, `"xAxis":[{"data":["2015","2016","2017"]`)
	htContains(t, zh, `"connectNulls":false`)
	htContains(t, zh, `"data":[{"value":30},{"value":"-"},{"value":16.67}]`, "a year without a rating is a gap")

	// The first year has no previous year and nothing to draw a line through.
	first := htOwnMarkup(t, testSeries("pooled")[0], HTMLOptions{})
	htNotContains(t, first, "chart-trends")
	htNotContains(t, first, `id="changes"`)

	// A single year: nothing of either.
	single := htOwnMarkup(t, testResult(), HTMLOptions{})
	htNotContains(t, single, "chart-trends")
	htNotContains(t, single, `id="changes"`)

	// The separate scheme says so.
	sep := htOwnMarkup(t, testSeriesResult("separate")(), HTMLOptions{Options: Options{Lang: "en"}})
	htContains(t, sep, "Each year normalised on its own")
}

func TestHTMLSeriesChartIDs(t *testing.T) {
	own := htOwnMarkup(t, testSeriesResult("pooled")(), HTMLOptions{})
	ids := regexp.MustCompile(`class="chart" id="([^"]+)"`).FindAllStringSubmatch(own, -1)
	var got []string
	for _, m := range ids {
		got = append(got, m[1])
	}
	assert.Equal(t, []string{"chart-ranking", "chart-trends", "chart-dimensions",
		"chart-radar-520000", "chart-radar-810000", "chart-radar-110000", "chart-radar-all",
		"chart-heatmap", "chart-weights", "chart-map"}, got)
}

// With more regions than lines, the chart draws the first of the ranking
// and says so.
func TestHTMLTrendsLimit(t *testing.T) {
	rs := testSeries("pooled")
	r := rs[2]
	base := r.Regions[0]
	for i := range htmlTrendLines {
		c := *base
		reg := *base.Region
		reg.Code = "X" + strings.Repeat("0", i)
		c.Region = &reg
		for _, res := range rs {
			cc := c
			res.Regions = append(res.Regions, &cc)
		}
	}
	own := htOwnMarkup(t, r, HTMLOptions{Options: Options{Lang: "en"}})
	htContains(t, own, "The chart shows the first 20 of the 23 regions in this year&#39;s ranking.")
}
