package reports

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/data"
	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// htPlaceholder stands for the inlined ECharts library in golden files and
// in tests run from a build without it.
const htPlaceholder = "/* echarts.min.js: inlined from reports/assets at build time */"

// htLib is the library the tests inline: the embedded one when the build has
// it (make assets), a placeholder otherwise.
func htLib() []byte {
	if lib, ok := ECharts(); ok {
		return lib
	}
	return []byte(htPlaceholder)
}

// htRender writes the HTML report of r.
func htRender(t *testing.T, r *scoring.Result, o HTMLOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, writeHTML(&buf, r, o, htLib()))
	return buf.Bytes()
}

// htStrip replaces the inlined library with the placeholder, leaving our
// own markup and scripts; it fails unless the library is there exactly once.
func htStrip(t *testing.T, out []byte) []byte {
	t.Helper()
	lib := []byte(htmlInlineScript(htLib()))
	require.Equal(t, 1, bytes.Count(out, lib), "the ECharts library is inlined exactly once")
	return bytes.Replace(out, lib, []byte(htPlaceholder), 1)
}

// htGeoJSON is a small FeatureCollection: 贵州 keyed by its code as a
// string, 北京 by its code as a number, Hong Kong, and a feature that
// matches no region.
func htGeoJSON() []byte {
	square := func(x, y int) string {
		return fmt.Sprintf(`{"type":"Polygon","coordinates":[[[%d,%d],[%d,%d],[%d,%d],[%d,%d],[%d,%d]]]}`,
			x, y, x+4, y, x+4, y+3, x, y+3, x, y)
	}
	return []byte(`{"type":"FeatureCollection","features":[` +
		`{"type":"Feature","properties":{"code":"520000","name":"贵州省"},"geometry":` + square(104, 25) + `},` +
		`{"type":"Feature","properties":{"code":110000,"name":"北京市"},"geometry":` + square(115, 39) + `},` +
		`{"type":"Feature","properties":{"code":"810000","name":"香港"},"geometry":` + square(113, 21) + `},` +
		`{"type":"Feature","properties":{"code":"650000","name":"新疆 <b>"},"geometry":` + square(80, 40) + `}` +
		`]}`)
}

// htEvil is a result whose every data text carries markup.
func htEvil() *scoring.Result {
	r := testResult()
	r.Def.Index.Name = `指数</script><script>alert("name")</script>`
	r.Def.Index.Edition = `<i>2017</i>`
	r.Def.Index.Description = `<b onmouseover=alert(2)>desc</b>`
	r.Def.Dimensions[0].Name = `<svg onload=alert(3)>`
	r.Def.Dimensions[0].NameEn = r.Def.Dimensions[0].Name
	r.Def.Indicators[0].Name = `</script><script>alert(4)</script>`
	r.Def.Indicators[0].NameEn = r.Def.Indicators[0].Name
	r.Regions[0].Region.Name = `</script><script>alert(1)</script>`
	r.Regions[0].Region.NameEn = r.Regions[0].Region.Name
	r.Regions[1].Region.Name = `<img src=x onerror=alert(1)>`
	r.Regions[1].Region.Code = `"><img src=y>`
	r.Regions[3].Reason = `<script>alert(5)</script>`
	return r
}

// htContains checks that s contains sub without printing all of s.
func htContains(t *testing.T, s, sub string, msg ...any) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Errorf("output does not contain %q %v", sub, msg)
	}
}

// htNotContains checks that s does not contain sub, showing where it does.
func htNotContains(t *testing.T, s, sub string, msg ...any) {
	t.Helper()
	if i := strings.Index(s, sub); i >= 0 {
		t.Errorf("output contains %q %v: …%s…", sub, msg, s[max(0, i-80):min(len(s), i+len(sub)+80)])
	}
}

// htEdition scores the embedded default edition.
func htEdition(t *testing.T) *scoring.Result {
	t.Helper()
	def, err := indicators.LoadFS(data.FS, data.EditionPath(data.DefaultEdition), "embedded:")
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	r, err := scoring.Run(def, ds, def.Index.Year)
	require.NoError(t, err)
	return r
}

func TestHTMLGolden(t *testing.T) {
	tests := []struct {
		golden string
		o      HTMLOptions
	}{
		{"report_zh.html", HTMLOptions{Options: Options{Lang: "zh", Engine: testEngine}, GeoJSON: htGeoJSON()}},
		{"report_en.html", HTMLOptions{Options: Options{Lang: "en", Engine: testEngine}}},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			out := htRender(t, testResult(), tc.o)
			golden(t, tc.golden, htStrip(t, out))
			// Same input, same output, byte for byte.
			assert.Equal(t, out, htRender(t, testResult(), tc.o))
		})
	}
}

func TestHTMLDeterministicEdition(t *testing.T) {
	r := htEdition(t)
	for _, lang := range []string{"zh", "en"} {
		o := HTMLOptions{Options: Options{Lang: lang, Engine: testEngine}}
		a := htRender(t, r, o)
		b := htRender(t, htEdition(t), o)
		assert.Equal(t, a, b, lang)
	}
}

// htOwnMarkup is the output without the library, for checks on our markup.
func htOwnMarkup(t *testing.T, r *scoring.Result, o HTMLOptions) string {
	t.Helper()
	return string(htStrip(t, htRender(t, r, o)))
}

func TestHTMLNoNetwork(t *testing.T) {
	for _, r := range []*scoring.Result{testResult(), htEdition(t)} {
		for _, lang := range []string{"zh", "en"} {
			full := string(htRender(t, r, HTMLOptions{Options: Options{Lang: lang}, GeoJSON: htGeoJSON()}))
			htNotContains(t, full, "go-echarts.github.io", "go-echarts' asset host")
			htNotContains(t, full, "assets/echarts", "no reference to a library file")
			own := htOwnMarkup(t, r, HTMLOptions{Options: Options{Lang: lang}, GeoJSON: htGeoJSON()})
			lower := strings.ToLower(own)
			for _, bad := range []string{"<script src", "<link", "@import", "url(", "http://", "https://", "src=", "href=", "<iframe", "<img", "fetch(", "xmlhttprequest"} {
				htNotContains(t, lower, bad)
			}
			assert.Equal(t, 2, strings.Count(lower, "<script"), "the library and our own script")
			assert.Equal(t, 2, strings.Count(lower, "</script>"))
			assert.True(t, strings.HasPrefix(own, "<!DOCTYPE html>\n<html lang="))
			htContains(t, own, `<meta charset="utf-8">`)
		}
	}
}

func TestHTMLEscaping(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		own := htOwnMarkup(t, htEvil(), HTMLOptions{Options: Options{Lang: lang}, GeoJSON: htGeoJSON()})
		for _, raw := range []string{"<script>alert", "<img", "<svg", "<b onmouseover", "<i>", "<b>"} {
			htNotContains(t, own, raw, "raw markup from data")
		}
		assert.Equal(t, 2, strings.Count(own, "<script"))
		assert.Equal(t, 2, strings.Count(own, "</script>"))
		// In the markup: HTML entities.
		htContains(t, own, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
		htContains(t, own, "&lt;img src=x onerror=alert(1)&gt;")
		htContains(t, own, "&lt;b onmouseover=alert(2)&gt;desc&lt;/b&gt;")
		// In the chart options: JSON with <, > and & escaped.
		htContains(t, own, `\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e`)
		htContains(t, own, `\u003cimg src=x onerror=alert(1)\u003e`)
		htContains(t, own, `\u003csvg onload=alert(3)\u003e`)
		// The code becomes a safe id.
		htContains(t, own, `id="chart-radar-___img_src_y_"`)
		// The feature name of the map is data too.
		htContains(t, own, `新疆 \u003cb\u003e`)
	}
}

func TestHTMLChartIDs(t *testing.T) {
	own := htOwnMarkup(t, testResult(), HTMLOptions{GeoJSON: htGeoJSON()})
	ids := []string{
		"chart-ranking", "chart-dimensions",
		"chart-radar-520000", "chart-radar-810000", "chart-radar-110000", "chart-radar-all",
		"chart-heatmap", "chart-weights", "chart-map", "chart-choropleth",
	}
	for _, id := range ids {
		assert.Equal(t, 1, strings.Count(own, `id="`+id+`"`), id)
		assert.Equal(t, 1, strings.Count(own, `draw("`+id+`", {`), id)
	}
	all := regexp.MustCompile(`class="chart" id="([^"]+)"`).FindAllStringSubmatch(own, -1)
	assert.Len(t, all, len(ids), "one container per chart and no other")
	htNotContains(t, own, "chart-radar-540000", "no radar for the unrated region")

	without := htOwnMarkup(t, testResult(), HTMLOptions{})
	htNotContains(t, without, "chart-choropleth")
	htNotContains(t, without, "registerMap")
}

func TestHTMLRadarIDsUnique(t *testing.T) {
	r := testResult()
	r.Regions[0].Region.Code = "a/b"
	r.Regions[1].Region.Code = "a?b"
	own := htOwnMarkup(t, r, HTMLOptions{})
	htContains(t, own, `id="chart-radar-a_b"`)
	htContains(t, own, `id="chart-radar-a_b-2"`)
}

func TestHTMLContent(t *testing.T) {
	zh := htOwnMarkup(t, testResult(), HTMLOptions{Options: Options{Engine: testEngine}, GeoJSON: htGeoJSON()})
	htContains(t, zh, `<html lang="zh-CN">`)
	htContains(t, zh, "<title>政府数据融合共享应用指数 · 2017 版 · 2017 年</title>")
	htContains(t, zh, "<h1>政府数据融合共享应用指数</h1>\n<p class=\"meta\"><span>2017 版</span><span>2017 年</span>")
	htContains(t, zh, "<span>引擎 "+testEngine+"</span>")
	htContains(t, zh, "91.67  ★★★★★", "stars in the ranking labels")
	htContains(t, zh, "方法：缺失值处理 不插补（none）；异常值处理 不处理（none）；标准化 最小–最大值（minmax）；权重 人工设定（manual）；合成 算术平均（arithmetic）；星级 固定分界（thresholds）（阈值 20、40、60、80）。")
	htContains(t, zh, `<td class="stars">★★★★★</td>`)
	htContains(t, zh, "注：西藏自治区（540000）未评级")
	htContains(t, zh, `echarts.registerMap("govindex-geo", {`)
	htContains(t, zh, `"nameProperty":"govindex_key"`)
	htContains(t, zh, `"nameMap":{"110000":"北京市","520000":"贵州省","810000":"Hong Kong"}`)
	htContains(t, zh, "<figcaption>北京市  ★☆☆☆☆  16.67（缺少：开放数据集数）</figcaption>", "missing radar axes named")

	en := htOwnMarkup(t, testResult(), HTMLOptions{Options: Options{Lang: "en"}})
	htContains(t, en, `<html lang="en">`)
	htContains(t, en, "<title>Government Data Sharing Index · edition 2017 · 2017</title>")
	htContains(t, en, "<h1>Government Data Sharing Index</h1>")
	htContains(t, en, "<span>engine govindex</span>")
	htContains(t, en, `"Guizhou"`)
	htContains(t, en, "Tile map of provinces")
	htContains(t, en, "<figcaption>Beijing  ★☆☆☆☆  16.67 (missing: Open datasets)</figcaption>")
}

func TestHTMLWithoutRatedRegions(t *testing.T) {
	r := testResult()
	r.Regions = r.Regions[3:] // only the unrated one
	own := htOwnMarkup(t, r, HTMLOptions{})
	htContains(t, own, "没有已评级的地区。")
	htContains(t, own, `id="chart-radar-all"`)
}

func TestHTMLEditionTileMap(t *testing.T) {
	r := htEdition(t)
	b := &htmlBuilder{r: r, def: r.Def, lang: "zh", classes: r.Def.Stars.NumClasses()}
	cells, unplaced := b.tileCells()
	assert.Empty(t, unplaced)
	by := map[string]*htmlTile{}
	for _, c := range cells {
		by[c.tile.Prefix] = c
	}
	gd := by["44"]
	require.NotNil(t, gd)
	assert.Nil(t, gd.province)
	require.Len(t, gd.cities, 1)
	assert.Equal(t, "440100", gd.cities[0].Region.Code)
	assert.Equal(t, gd.cities[0].Stars, gd.stars(), "the city's rating colours its province's cell")
	assert.Equal(t, "广东\n广州市 "+StarGlyphs(gd.cities[0].Stars, 5), b.tileLabel(gd))
	gz := by["52"]
	require.NotNil(t, gz.province)
	require.True(t, gz.province.Rated)
	assert.Equal(t, "贵州\n"+StarGlyphs(gz.province.Stars, 5), b.tileLabel(gz))
	assert.Equal(t, gz.province.Stars, gz.stars())
	assert.Equal(t, 0, by["65"].stars())
	assert.Equal(t, "新疆", b.tileLabel(by["65"]))

	b.lang = "en"
	assert.Equal(t, "Guangdong\nGuangzhou "+StarGlyphs(gd.cities[0].Stars, 5), b.tileLabel(gd))
}

func TestHTMLTileRules(t *testing.T) {
	r := testResult()
	extra := []*scoring.RegionResult{
		{Region: &indicators.Region{Code: "520100", Name: "贵阳市"}, Rated: true, Stars: 2, Rank: 5},
		{Region: &indicators.Region{Code: "S1", Name: "新区", Parent: "330000"}, Rated: true, Stars: 3, Rank: 6},
		{Region: &indicators.Region{Code: "XY", Name: "Somewhere"}, Rated: true, Stars: 3, Rank: 7},
	}
	r.Regions = append(r.Regions, extra...)
	b := &htmlBuilder{r: r, def: r.Def, lang: "zh", classes: 5}
	cells, unplaced := b.tileCells()
	assert.Equal(t, []string{"Somewhere（XY）"}, unplaced)
	b.lang = "en"
	_, unplaced = b.tileCells()
	assert.Equal(t, []string{"Somewhere (XY)"}, unplaced)
	b.lang = "zh"
	by := map[string]*htmlTile{}
	for _, c := range cells {
		by[c.tile.Prefix] = c
	}
	assert.Equal(t, 5, by["52"].stars(), "the province's own rating wins over its city's")
	assert.Equal(t, "贵州\n★★★★★\n贵阳市 ★★☆☆☆", b.tileLabel(by["52"]))
	assert.Equal(t, 3, by["33"].stars(), "placed by its parent's code")
	assert.Equal(t, 0, by["54"].stars(), "unrated province is grey")
	assert.Equal(t, "西藏\n未评级", b.tileLabel(by["54"]))

	own := htOwnMarkup(t, r, HTMLOptions{})
	htContains(t, own, "未放入方块地图的地区（代码不含省级 GB/T 2260 前缀）：Somewhere（XY）")
}

func TestProvinceTiles(t *testing.T) {
	tiles := ProvinceTiles()
	require.Len(t, tiles, 34)
	want := []string{"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
		"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"}
	cells := map[[2]int]string{}
	var got []string
	maxRow, maxCol := 0, 0
	by := map[string]ProvinceTile{}
	for _, tl := range tiles {
		got = append(got, tl.Prefix)
		by[tl.Name] = tl
		assert.NotEmpty(t, tl.Name)
		assert.NotEmpty(t, tl.NameEn)
		assert.True(t, tl.Row >= 0 && tl.Row < htmlTileRows && tl.Col >= 0 && tl.Col < htmlTileCols, tl.Name)
		cell := [2]int{tl.Row, tl.Col}
		if other, dup := cells[cell]; dup {
			t.Errorf("%s and %s share cell %v", tl.Name, other, cell)
		}
		cells[cell] = tl.Name
		maxRow, maxCol = max(maxRow, tl.Row), max(maxCol, tl.Col)
	}
	assert.Equal(t, want, got, "every GB/T 2260 province-level prefix, in order")
	assert.Equal(t, htmlTileRows-1, maxRow)
	assert.Equal(t, htmlTileCols-1, maxCol)
	assert.Equal(t, [2]int{0, maxCol}, [2]int{by["黑龙江"].Row, by["黑龙江"].Col}, "黑龙江 top right")
	assert.Equal(t, 0, by["新疆"].Col, "新疆 on the left")
	assert.LessOrEqual(t, by["新疆"].Row, 1, "新疆 near the top")
	assert.Equal(t, maxRow, by["海南"].Row, "海南 at the bottom")
	assert.Less(t, by["北京"].Row, by["广东"].Row)
	assert.Less(t, by["四川"].Col, by["上海"].Col)

	tiles[0].Name = "changed"
	assert.Equal(t, "北京", ProvinceTiles()[0].Name, "a copy")
}

func TestStarColour(t *testing.T) {
	assert.Equal(t, "#d73027", htmlStarColour(1, 5))
	assert.Equal(t, "#fee08b", htmlStarColour(3, 5))
	assert.Equal(t, "#1a9850", htmlStarColour(5, 5))
	assert.Equal(t, "#1a9850", htmlStarColour(3, 3))
	assert.Equal(t, htmlNoRatingColour, htmlStarColour(0, 5))
	assert.NotEqual(t, htmlStarColour(2, 7), htmlStarColour(3, 7))
}

func TestInlineScript(t *testing.T) {
	assert.Equal(t, `var a = "<\/script>", b = "<\/SCRIPT", c = "<\!-- x";`,
		string(htmlInlineScript([]byte(`var a = "</script>", b = "</SCRIPT", c = "<!-- x";`))))
}

func TestHTMLGeoJSONMatching(t *testing.T) {
	r := testResult()
	b := &htmlBuilder{r: r, def: r.Def, lang: "zh", classes: 5}
	_, key, matched, err := b.prepareGeoJSON(htGeoJSON(), "")
	require.NoError(t, err)
	assert.Equal(t, "code", key)
	assert.Equal(t, map[string]string{"520000": "520000", "110000": "110000", "810000": "810000"}, matched)

	_, key, matched, err = b.prepareGeoJSON(htGeoJSON(), "name")
	require.NoError(t, err)
	assert.Equal(t, "name", key)
	assert.Equal(t, map[string]string{"520000": "贵州省", "110000": "北京市"}, matched)

	byName := []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"贵州省"},"geometry":null}]}`)
	js, key, matched, err := b.prepareGeoJSON(byName, "")
	require.NoError(t, err)
	assert.Equal(t, "name", key, "falls back to name when no code matches")
	assert.Equal(t, map[string]string{"520000": "贵州省"}, matched)
	assert.Contains(t, string(js), `"govindex_key":"贵州省"`)

	own := htOwnMarkup(t, r, HTMLOptions{GeoJSON: htGeoJSON(), GeoJSONKey: "name"})
	htContains(t, own, "底图中未找到的地区：Hong Kong（810000）、西藏自治区（540000）")
}

func TestHTMLBadGeoJSON(t *testing.T) {
	for _, geo := range []string{`{`, `[]`, `{"type":"Feature"}`, `{"type":"FeatureCollection"}`} {
		var buf bytes.Buffer
		err := writeHTML(&buf, testResult(), HTMLOptions{GeoJSON: []byte(geo)}, htLib())
		require.Error(t, err, geo)
		assert.Contains(t, err.Error(), "GeoJSON")
		assert.Zero(t, buf.Len(), "nothing written")
	}
}

func TestWriteHTML(t *testing.T) {
	var buf bytes.Buffer
	assert.ErrorIs(t, WriteHTML(&buf, nil, HTMLOptions{}), errNoResult)
	assert.ErrorIs(t, WriteHTML(&buf, &scoring.Result{}, HTMLOptions{}), errNoResult)
	assert.ErrorIs(t, WriteHTML(failWriter{}, testResult(), HTMLOptions{}), htWriteErr())

	lib, ok := ECharts()
	buf.Reset()
	err := WriteHTML(&buf, testResult(), HTMLOptions{})
	if !ok {
		require.ErrorIs(t, err, ErrNoECharts)
		assert.Contains(t, err.Error(), "make assets")
		assert.Zero(t, buf.Len())
		t.Skip("this build has no ECharts (run make assets)")
	}
	require.NoError(t, err)
	assert.Greater(t, len(lib), 100000, "looks like echarts.min.js")
	assert.True(t, bytes.Contains(lib, []byte("echarts")))
	assert.Equal(t, 1, bytes.Count(buf.Bytes(), lib), "inlined once")
}

// htWriteErr is the error WriteHTML gives for failWriter: io.ErrClosedPipe
// with the library, ErrNoECharts without it.
func htWriteErr() error {
	if _, ok := ECharts(); !ok {
		return ErrNoECharts
	}
	return htErrClosedPipe
}

var htErrClosedPipe = func() error {
	_, err := failWriter{}.Write(nil)
	return err
}()

func TestReportGeoJSON(t *testing.T) {
	geo, key, err := ReportGeoJSON(nil)
	assert.NoError(t, err)
	assert.Nil(t, geo)
	assert.Empty(t, key)

	def := &indicators.Definition{File: "index.toml"}
	def.Report.GeoJSON = "map.json"
	_, _, err = ReportGeoJSON(def)
	require.Error(t, err, "no file system to read from")
	assert.False(t, errors.Is(err, ErrNoECharts))
}

// With an uncertainty analysis the report adds the rank-interval and
// star-probability charts, once each, and stays deterministic.
func TestHTMLRobustCharts(t *testing.T) {
	rr := rbRobustResult(t, rbSettings)
	for _, lang := range []string{"zh", "en"} {
		o := HTMLOptions{Options: Options{Lang: lang, Engine: testEngine}, Robust: rr}
		own := htOwnMarkup(t, rr.Nominal, o)
		for _, id := range []string{"chart-rank-intervals", "chart-star-probability"} {
			assert.Equal(t, 1, strings.Count(own, `id="`+id+`"`), id)
			assert.Equal(t, 1, strings.Count(own, `draw("`+id+`", {`), id)
		}
		htContains(t, own, `"inverse":true`)
		htContains(t, own, `"type":"scatter"`)
		htContains(t, own, htmlWord(lang, hmSecRobust))
		assert.Equal(t, htRender(t, rr.Nominal, o), htRender(t, rr.Nominal, o))

		without := htOwnMarkup(t, rr.Nominal, HTMLOptions{Options: Options{Lang: lang}})
		htNotContains(t, without, "chart-rank-intervals")
		htNotContains(t, without, "chart-star-probability")
	}
}
