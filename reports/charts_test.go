package reports

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// scNeedFont skips the test when the system has no CJK font (CI installs
// fonts-noto-cjk, so the tests run there).
func scNeedFont(t *testing.T) {
	t.Helper()
	if _, err := chartSystemFont(); err != nil {
		t.Skipf("no CJK font on this system: %v", err)
	}
}

// scKeepCharts copies the charts to $SC_KEEP_CHARTS/prefix-*, to look at.
func scKeepCharts(t *testing.T, prefix string, paths []string) {
	dir := os.Getenv("SC_KEEP_CHARTS")
	if dir == "" {
		return
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, prefix+"-"+filepath.Base(p)), b, 0o644))
	}
}

// scReadCharts reads the four files WriteCharts wrote, by name.
func scReadCharts(t *testing.T, paths []string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		out[filepath.Base(p)] = b
	}
	return out
}

// scManyRegions is a result with n regions, long English names and five
// dimensions, one of them missing for every third region.
func scManyRegions(n int) *scoring.Result {
	def := &indicators.Definition{
		Index:   indicators.IndexSpec{Name: "政府数据融合共享应用指数", NameEn: "Government Data Sharing Index", Edition: "2017", Year: 2017},
		Scoring: indicators.ScoringSpec{Range: [2]float64{0, 100}},
		Stars:   indicators.StarsSpec{Method: "thresholds", Thresholds: []float64{20, 40, 60, 80}},
	}
	dimNames := [][2]string{{"政策颁布", "Policy"}, {"政府数据融合共享程度", "Depth of sharing"}, {"开放融合与创新", "Openness and innovation"},
		{"基础设施", "Infrastructure"}, {"应用成效", "Outcomes"}}
	for i, d := range dimNames {
		def.Dimensions = append(def.Dimensions, &indicators.Dimension{ID: fmt.Sprintf("d%d", i), Name: d[0], NameEn: d[1], Weight: 1})
	}
	def.Reindex()
	r := &scoring.Result{Def: def, Year: 2017}
	for i := range n {
		score := 95 - float64(i)*90/float64(max(n-1, 1))
		rr := &scoring.RegionResult{
			Region: &indicators.Region{Code: fmt.Sprintf("%d0000", 11+i), Name: fmt.Sprintf("内蒙古自治区%d", i+1), NameEn: fmt.Sprintf("Inner Mongolia Autonomous Region %d", i+1)},
			Rated:  true, Score: score, Rank: i + 1, Stars: min(int(score/20)+1, 5), Coverage: 1,
		}
		for j, d := range def.Dimensions {
			ns := &scoring.NodeScore{ID: d.ID, Score: score * (0.6 + 0.1*float64(j)), Rank: i + 1, Stars: 3}
			if j == 2 && i%3 == 0 {
				ns.Missing, ns.Score = true, nan
			}
			rr.Dimensions = append(rr.Dimensions, ns)
		}
		r.Regions = append(r.Regions, rr)
	}
	return r
}

func TestWriteChartsFiles(t *testing.T) {
	scNeedFont(t)
	dir := filepath.Join(t.TempDir(), "charts") // created by WriteCharts
	paths, err := WriteCharts(dir, testResult(), ChartOptions{})
	require.NoError(t, err)
	want := []string{ChartRankingSVG, ChartRankingPNG, ChartDimensionsSVG, ChartDimensionsPNG}
	require.Len(t, paths, len(want))
	for i, name := range want {
		require.Equal(t, filepath.Join(dir, name), paths[i])
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, len(want), "no temporary files are left")
	scKeepCharts(t, "zh", paths)

	files := scReadCharts(t, paths)
	// The SVG keeps the Chinese text as text, in a CJK font.
	rank := string(files[ChartRankingSVG])
	require.Contains(t, rank, "政府数据融合共享应用指数 · 2017 版 · 2017 年")
	require.Contains(t, rank, "总得分与星级")
	require.Contains(t, rank, "贵州省")
	require.Contains(t, rank, "91.67  ★★★★★")
	require.Contains(t, rank, "未评级")
	require.Contains(t, rank, "font-family:'")
	require.Contains(t, rank, "'Microsoft YaHei'")
	dims := string(files[ChartDimensionsSVG])
	require.Contains(t, dims, "各维度得分")
	require.Contains(t, dims, "政府数据融合共享程度")
	require.NotContains(t, dims, "西藏自治区", "a region without dimension scores is left out")

	for _, name := range []string{ChartRankingPNG, ChartDimensionsPNG} {
		img, err := png.Decode(bytes.NewReader(files[name]))
		require.NoError(t, err, name)
		b := img.Bounds()
		require.Equal(t, 1120, b.Dx(), "%s: 560pt at 144 dpi", name)
		require.Equal(t, color.RGBAModel.Convert(color.White), color.RGBAModel.Convert(img.At(b.Min.X, b.Min.Y)), "%s: white background", name)
		dark, coloured := scCountPixels(img)
		require.Greater(t, dark, 500, "%s: text is drawn", name)
		require.Greater(t, coloured, 1200, "%s: bars are drawn", name)
	}
}

// scCountPixels counts dark grey (text) and saturated (bar) pixels, on
// every other row and column.
func scCountPixels(img image.Image) (dark, coloured int) {
	b := img.Bounds()
	rgba := image.NewRGBA(b)
	draw.Draw(rgba, b, img, b.Min, draw.Src)
	for y := 0; y < b.Dy(); y += 2 {
		for x := 0; x < b.Dx(); x += 2 {
			p := rgba.Pix[y*rgba.Stride+4*x:]
			r, g, bl := p[0], p[1], p[2]
			hi, lo := max(r, g, bl), min(r, g, bl)
			switch {
			case hi < 0x80:
				dark++
			case hi-lo > 0x40:
				coloured++
			}
		}
	}
	return dark, coloured
}

// TestWriteChartsRendersChinese checks that the charts draw the chart text with the glyphs of the font:
// a PNG of Chinese text differs from one where every glyph is a box.
func TestWriteChartsRendersChinese(t *testing.T) {
	scNeedFont(t)
	cf, err := chartSystemFont()
	require.NoError(t, err)
	// The regions and dimensions all have Chinese names; the same chart
	// with Latin names must look different, glyph for glyph.
	zh, en := testResult(), testResult()
	for _, rr := range en.Regions {
		rr.Region.Name = strings.Repeat("x", len([]rune(rr.Region.Name)))
	}
	a, err := chartRanking(zh, "zh", cf)
	require.NoError(t, err)
	b, err := chartRanking(en, "zh", cf)
	require.NoError(t, err)
	pa, err := a.render("png")
	require.NoError(t, err)
	pb, err := b.render("png")
	require.NoError(t, err)
	require.NotEqual(t, pa, pb)

	for _, r := range "贵州省北京市西藏自治区得分★☆" {
		g, err := cf.face.GlyphIndex(nil, r)
		require.NoError(t, err)
		require.NotZero(t, g, "glyph for %q", r)
	}
}

func TestWriteChartsDeterministic(t *testing.T) {
	scNeedFont(t)
	for _, lang := range []string{"zh", "en"} {
		var first map[string][]byte
		for i := range 2 {
			paths, err := WriteCharts(t.TempDir(), testResultLabels(), ChartOptions{Options: Options{Lang: lang}})
			require.NoError(t, err)
			got := scReadCharts(t, paths)
			if i == 0 {
				first = got
				continue
			}
			for name, b := range got {
				require.True(t, bytes.Equal(first[name], b), "%s (%s) differs between two runs", name, lang)
			}
		}
	}
}

// TestWriteChartsManyRegions draws all 31 provinces with five dimensions:
// the charts grow taller, a slot per region.
func TestWriteChartsManyRegions(t *testing.T) {
	scNeedFont(t)
	if testing.Short() {
		t.Skip("slow: draws two tall PNGs")
	}
	paths, err := WriteCharts(t.TempDir(), scManyRegions(31), ChartOptions{})
	require.NoError(t, err)
	scKeepCharts(t, "many", paths)
	files := scReadCharts(t, paths)
	for name, perRegion := range map[string]int{ChartRankingPNG: 24, ChartDimensionsPNG: 5*9 + 10} {
		cfg, err := png.DecodeConfig(bytes.NewReader(files[name]))
		require.NoError(t, err)
		// 144 dpi: 2 pixels a point.
		require.Greater(t, cfg.Height, 31*perRegion*2, name)
		require.Less(t, cfg.Height, 31*perRegion*2+600, name)
	}
	require.Contains(t, string(files[ChartDimensionsSVG]), "内蒙古自治区31")
}

func TestWriteChartsEnglish(t *testing.T) {
	scNeedFont(t)
	dir := t.TempDir()
	paths, err := WriteCharts(dir, testResult(), ChartOptions{Options: Options{Lang: "en"}})
	require.NoError(t, err)
	scKeepCharts(t, "en", paths)
	files := scReadCharts(t, paths)
	rank := string(files[ChartRankingSVG])
	require.Contains(t, rank, "Government Data Sharing Index · edition 2017 · 2017")
	require.Contains(t, rank, "Overall score and stars")
	require.Contains(t, rank, "Guizhou")
	require.Contains(t, rank, "not rated")
	require.Contains(t, string(files[ChartDimensionsSVG]), "Scores by dimension")
	require.Contains(t, string(files[ChartDimensionsSVG]), "Policy")
}

func TestWriteChartsEscapesText(t *testing.T) {
	scNeedFont(t)
	r := testResult()
	r.Regions[0].Region.Name = `<script>alert("x")</script>`
	dir := t.TempDir()
	paths, err := WriteCharts(dir, r, ChartOptions{})
	require.NoError(t, err)
	svg := string(scReadCharts(t, paths)[ChartRankingSVG])
	require.NotContains(t, svg, "<script>")
	require.Contains(t, svg, "&lt;script&gt;")
}

func TestWriteChartsFontFromOptions(t *testing.T) {
	scNeedFont(t)
	path := ""
	for _, p := range chartFontCandidates() {
		if data, err := os.ReadFile(p); err == nil {
			if _, err := parseChartFont(data); err == nil {
				path = p
				break
			}
		}
	}
	require.NotEmpty(t, path)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	dir := t.TempDir()
	paths, err := WriteCharts(dir, testResult(), ChartOptions{Font: data})
	require.NoError(t, err)
	require.Len(t, paths, 4)
}

func TestWriteChartsBadFont(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		data []byte
		msg  string
	}{
		{"not a font", []byte("this is not a font file\n"), "is not a TrueType or OpenType font"},
		{"empty", []byte{}, "is not a TrueType or OpenType font"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name)
			paths, err := WriteCharts(out, testResult(), ChartOptions{Font: tc.data})
			require.Error(t, err)
			require.Empty(t, paths)
			require.Contains(t, err.Error(), tc.msg)
			require.Contains(t, err.Error(), "[report] font")
			var ie *indicators.InputError
			require.True(t, errors.As(err, &ie), "an input error, exit status 2")
			msg, hint := ie.Localized("zh")
			require.Contains(t, msg, "字体")
			require.Contains(t, hint, "[report] font")
			_, err = os.Stat(out)
			require.True(t, os.IsNotExist(err), "nothing is written")
		})
	}
}

func TestChartFontWithoutChinese(t *testing.T) {
	// A Latin-only font found on the system, if any: DejaVu is on most
	// Linux systems.
	var latin []byte
	for _, p := range []string{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"} {
		if b, err := os.ReadFile(p); err == nil {
			latin = b
			break
		}
	}
	if latin == nil {
		t.Skip("no Latin-only font to test with")
	}
	_, err := WriteCharts(t.TempDir(), testResult(), ChartOptions{Font: latin})
	require.Error(t, err)
	require.Contains(t, err.Error(), "has no Chinese glyphs")
	msg, hint := err.(*indicators.InputError).Localized("zh")
	require.Equal(t, "字体中没有中文字形", msg)
	require.NotEmpty(t, hint)
}

func TestChartNoFontMessage(t *testing.T) {
	// The message when no font is found names the package to install and
	// the config key, in English and Chinese.
	err := chartNoFontError()
	require.Contains(t, err.Error(), "fonts-noto-cjk")
	require.Contains(t, err.Error(), "[report] font")
	msg, hint := err.Localized("zh")
	require.Contains(t, msg, "中文字形")
	require.Contains(t, hint, "fonts-noto-cjk")
	require.Contains(t, hint, "[report] font")
}

func TestChartFontChoice(t *testing.T) {
	require.Greater(t, fontFaceScore("Noto Sans CJK SC"), fontFaceScore("Noto Sans CJK JP"))
	require.Greater(t, fontFaceScore("Noto Sans CJK SC"), fontFaceScore("Noto Sans Mono CJK SC"))
	ps := []string{"/f/NotoSerifCJK-Regular.ttc", "/f/NotoSansCJK-Bold.ttc", "/f/wqy-zenhei.ttc", "/f/NotoSansCJK-Regular.ttc", "/f/DejaVuSans.ttf"}
	chartSortFonts(ps)
	require.Equal(t, []string{"/f/NotoSansCJK-Regular.ttc", "/f/NotoSansCJK-Bold.ttc", "/f/wqy-zenhei.ttc", "/f/NotoSerifCJK-Regular.ttc", "/f/DejaVuSans.ttf"}, ps)
	require.Equal(t, "Noto Sans CJK SC", chartCSSName(`Noto Sans CJK SC`))
	require.Equal(t, "Evil", chartCSSName(`Evil';"<>`))
}

func TestWriteChartsNoResult(t *testing.T) {
	_, err := WriteCharts(t.TempDir(), nil, ChartOptions{})
	require.Error(t, err)
}

func TestWriteChartsOddResults(t *testing.T) {
	scNeedFont(t)
	// Negative scores (z-scores) and a result where nobody is rated.
	neg := testResult()
	neg.Regions[2].Score = -12.5
	neg.Regions[2].Dimensions[0].Score = -30
	none := testResult()
	for _, rr := range none.Regions {
		rr.Rated, rr.Score, rr.Rank, rr.Stars = false, 0, 0, 0
		for _, d := range rr.Dimensions {
			d.Missing, d.Score = true, nan
		}
	}
	for name, r := range map[string]*scoring.Result{"negative": neg, "unrated": none} {
		paths, err := WriteCharts(t.TempDir(), r, ChartOptions{})
		require.NoError(t, err, name)
		scKeepCharts(t, name, paths)
		svg := string(scReadCharts(t, paths)[ChartRankingSVG])
		if name == "negative" {
			require.Contains(t, svg, "-12.50  ★☆☆☆☆")
		} else {
			require.Equal(t, 4, strings.Count(svg, ">未评级<"))
		}
	}
}

// TestChartEnds: a large index's static charts show the top and bottom of
// the ranking, and say so; a small one shows every region.
func TestChartEnds(t *testing.T) {
	mk := func(n, unrated int) []*scoring.RegionResult {
		var out []*scoring.RegionResult
		for i := range n {
			out = append(out, &scoring.RegionResult{Region: &indicators.Region{Code: fmt.Sprint(i)}, Rated: i < n-unrated, Rank: i + 1})
		}
		return out
	}
	small := mk(30, 2)
	got, sub := chartEnds(small, "en", "Overall score and stars")
	assert.Len(t, got, 30)
	assert.Equal(t, "Overall score and stars", sub)

	big := mk(3000, 10)
	got, sub = chartEnds(big, "en", "Overall score and stars")
	require.Len(t, got, 2*chartEndsEach)
	assert.Equal(t, "0", got[0].Region.Code)
	assert.Equal(t, "14", got[chartEndsEach-1].Region.Code)
	assert.Equal(t, "2975", got[chartEndsEach].Region.Code)
	assert.Equal(t, "2989", got[2*chartEndsEach-1].Region.Code, "the last rated region; the unrated are left out")
	assert.Equal(t, "Overall score and stars (the top 15 and bottom 15 of 2990 regions)", sub)
	_, sub = chartEnds(big, "zh", "总得分与星级")
	assert.Equal(t, "总得分与星级（前 15 名与后 15 名，共 2990 个地区）", sub)
}
