package reports

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"io"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	plottext "gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/internal/atomicfile"
	"github.com/govindex/govindex/scoring"
)

// ChartOptions control the static charts.
type ChartOptions struct {
	Options
	// Font is a TrueType or OpenType font, or a collection of them (.ttc,
	// .otc), with Chinese glyphs; nil means one found on the system.
	Font []byte
}

// The files WriteCharts writes, in the order it returns them.
const (
	ChartRankingSVG    = "ranking.svg"
	ChartRankingPNG    = "ranking.png"
	ChartDimensionsSVG = "dimensions.svg"
	ChartDimensionsPNG = "dimensions.png"
)

// Hints of the font errors (their Chinese is in
// indicators/messages_zh_report.go).
const (
	hintFontFile = `name a TrueType/OpenType font with Chinese glyphs in [report] font, e.g. font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"`
	hintNoFont   = `install a CJK font (Debian/Ubuntu: apt-get install fonts-noto-cjk; Fedora: dnf install google-noto-sans-cjk-fonts; Alpine: apk add font-noto-cjk) or set [report] font = "path/to/font.ttc" in index.toml`
)

// WriteCharts draws the ranking (a bar per region with its score and
// stars) and the dimension scores (a group of bars per region) as SVG and
// PNG files in dir, which is created if needed, and returns the paths
// written: ranking.svg, ranking.png, dimensions.svg, dimensions.png. Words
// are in o.Lang (Chinese by default).
//
// Text is drawn with o.Font, else with a CJK font found on the system
// (fc-match, then the usual font folders). A font that cannot be read or
// has no Chinese glyphs, or finding none, is an *indicators.InputError
// with no position that says what to install or to set [report] font.
//
// The output depends only on r, o and the font: the same input gives the
// same bytes. SVG keeps the text as text (the font's family first, then
// common Chinese fonts, in font-family); PNG is drawn at 144 dpi. Every
// file is written atomically; all are drawn before the first is written.
func WriteCharts(dir string, r *scoring.Result, o ChartOptions) ([]string, error) {
	if err := check(r); err != nil {
		return nil, err
	}
	if len(r.Regions) == 0 {
		return nil, fmt.Errorf("reports: no regions to chart")
	}
	cf, err := chartFontFor(o.Font)
	if err != nil {
		return nil, err
	}
	lang := o.lang()
	files := []struct {
		name string
		draw func() (*chartPlotSpec, error)
	}{
		{"ranking", func() (*chartPlotSpec, error) { return chartRanking(r, lang, cf) }},
		{"dimensions", func() (*chartPlotSpec, error) { return chartDimensions(r, lang, cf) }},
	}
	type output struct {
		name string
		data []byte
	}
	var outs []output
	for _, f := range files {
		spec, err := f.draw()
		if err != nil {
			return nil, err
		}
		svg, err := spec.render("svg")
		if err != nil {
			return nil, err
		}
		png, err := spec.render("png")
		if err != nil {
			return nil, err
		}
		outs = append(outs, output{f.name + ".svg", svg}, output{f.name + ".png", png})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(outs))
	for _, out := range outs {
		p := filepath.Join(dir, out.name)
		err := atomicfile.Write(p, 0o644, func(w io.Writer) error {
			_, err := w.Write(out.data)
			return err
		})
		if err != nil {
			return paths, fmt.Errorf("write %s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// Words of the charts.
var chartWords = map[string]map[string]string{
	"zh": {
		"ranking":    "总得分与星级",
		"dimensions": "各维度得分",
		"ends":       "%s（前 %d 名与后 %d 名，共 %d 个地区）",
	},
	"en": {
		"ranking":    "Overall score and stars",
		"dimensions": "Scores by dimension",
		"ends":       "%s (the top %d and bottom %d of %d regions)",
	},
}

func chartWord(lang, key string) string { return chartWords[normLang(lang)][key] }

// Layout, in points.
const (
	chartWidth        = vg.Length(560)
	chartDPI          = 144
	chartTitleSize    = vg.Length(13)
	chartSubtitleSize = vg.Length(11)
	chartTitleGap     = vg.Length(5)
	chartLabelSize    = vg.Length(10)
	chartValueSize    = vg.Length(8)
	chartLegendSize   = vg.Length(10)
	chartRankBar      = vg.Length(14) // bar thickness of the ranking
	chartRankSlot     = vg.Length(24) // room per region in the ranking
	chartDimBar       = vg.Length(9)  // bar thickness of the dimension chart
	chartDimGap       = vg.Length(10) // room between the groups of bars
	chartMargin       = vg.Length(10)
	chartLegendSwatch = vg.Length(10)
)

// Colours: the dimension bars use ECharts' default palette, as the HTML
// report does; the ranking bars darken with the stars.
var (
	chartPalette = []color.RGBA{
		{0x54, 0x70, 0xc6, 0xff}, {0x91, 0xcc, 0x75, 0xff}, {0xfa, 0xc8, 0x58, 0xff},
		{0xee, 0x66, 0x66, 0xff}, {0x73, 0xc0, 0xde, 0xff}, {0x3b, 0xa2, 0x72, 0xff},
		{0xfc, 0x84, 0x52, 0xff}, {0x9a, 0x60, 0xb4, 0xff}, {0xea, 0x7c, 0xcc, 0xff},
	}
	chartStarLight   = color.RGBA{0xa9, 0xc4, 0xeb, 0xff}
	chartStarDark    = color.RGBA{0x1f, 0x3f, 0x8f, 0xff}
	chartTextColor   = color.RGBA{0x33, 0x33, 0x33, 0xff}
	chartSubtleColor = color.RGBA{0x66, 0x66, 0x66, 0xff}
	chartGridColor   = color.RGBA{0xe0, 0xe0, 0xe0, 0xff}
)

// chartStarColor is the bar colour of a rating of stars out of classes.
func chartStarColor(stars, classes int) color.Color {
	t := 1.0
	if classes > 1 {
		t = float64(min(max(stars, 1), classes)-1) / float64(classes-1)
	}
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + t*(float64(b)-float64(a)))) }
	return color.RGBA{mix(chartStarLight.R, chartStarDark.R), mix(chartStarLight.G, chartStarDark.G), mix(chartStarLight.B, chartStarDark.B), 0xff}
}

// chartPlotSpec is a plot with its size and an optional legend drawn under it.
type chartPlotSpec struct {
	p               *plot.Plot
	title, subtitle string
	w, h            vg.Length
	legend          []chartLegendItem
	legendH         vg.Length
	cf              *chartFont
}

type chartLegendItem struct {
	label string
	color color.Color
}

// render draws the chart as "svg" or "png". gonum/plot panics on some
// drawing errors; they are returned as errors.
func (s *chartPlotSpec) render(format string) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("reports: drawing a chart: %v", v)
		}
	}()
	var buf bytes.Buffer
	switch format {
	case "svg":
		c := vgsvg.NewWith(vgsvg.UseWH(s.w, s.h))
		s.draw(draw.New(c))
		if _, err := c.WriteTo(&buf); err != nil {
			return nil, err
		}
		return s.cf.svgFamilies(buf.Bytes()), nil
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(s.w, s.h), vgimg.UseDPI(chartDPI), vgimg.UseBackgroundColor(color.White))
		s.draw(draw.New(c))
		if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	return nil, fmt.Errorf("reports: unknown chart format %q", format)
}

func (s *chartPlotSpec) draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	top := c.Max.Y - chartMargin
	title := s.cf.style(chartTitleSize)
	title.XAlign, title.YAlign = draw.XCenter, draw.YTop
	c.FillText(title, vg.Point{X: c.Center().X, Y: top}, s.title)
	sub := s.cf.style(chartSubtitleSize)
	sub.XAlign, sub.YAlign = draw.XCenter, draw.YTop
	sub.Color = chartSubtleColor
	c.FillText(sub, vg.Point{X: c.Center().X, Y: top - chartTitleSize - chartTitleGap}, s.subtitle)
	pc := draw.Crop(c, chartMargin, -chartMargin, chartMargin+s.legendH, -chartMargin-s.titleHeight())
	s.p.Draw(pc)
	if len(s.legend) > 0 {
		lc := draw.Crop(c, chartMargin, -chartMargin, chartMargin, -(c.Size().Y - chartMargin - s.legendH))
		s.drawLegend(lc)
	}
}

// titleHeight is the room the title and subtitle take above the plot.
func (s *chartPlotSpec) titleHeight() vg.Length {
	return chartTitleSize + chartTitleGap + chartSubtitleSize + 2*chartTitleGap
}

// legendRows lays the legend out in rows no wider than width.
func (s *chartPlotSpec) legendRows(width vg.Length) [][]chartLegendItem {
	sty := s.cf.style(chartLegendSize)
	var rows [][]chartLegendItem
	var row []chartLegendItem
	var used vg.Length
	for _, it := range s.legend {
		w := chartLegendSwatch + 4 + sty.Width(it.label) + 14
		if len(row) > 0 && used+w > width {
			rows = append(rows, row)
			row, used = nil, 0
		}
		row = append(row, it)
		used += w
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

func (s *chartPlotSpec) legendHeight() vg.Length {
	rows := s.legendRows(s.w - 2*chartMargin)
	return vg.Length(len(rows))*(chartLegendSize+6) + 2
}

// drawLegend draws the legend centred, row under row, in c.
func (s *chartPlotSpec) drawLegend(c draw.Canvas) {
	sty := s.cf.style(chartLegendSize)
	sty.YAlign = draw.YCenter
	rows := s.legendRows(c.Size().X)
	y := c.Max.Y - 6 - chartLegendSize/2
	for _, row := range rows {
		var total vg.Length
		for _, it := range row {
			total += chartLegendSwatch + 4 + sty.Width(it.label) + 14
		}
		total -= 14
		x := c.Min.X + (c.Size().X-total)/2
		for _, it := range row {
			h := chartLegendSwatch / 2
			c.FillPolygon(it.color, []vg.Point{{X: x, Y: y - h}, {X: x + chartLegendSwatch, Y: y - h}, {X: x + chartLegendSwatch, Y: y + h}, {X: x, Y: y + h}})
			x += chartLegendSwatch + 4
			c.FillText(sty, vg.Point{X: x, Y: y}, it.label)
			x += sty.Width(it.label) + 14
		}
		y -= chartLegendSize + 6
	}
}

// newPlot makes a plot whose every text uses the chart font.
func (cf *chartFont) newPlot(xLabel string) *plot.Plot {
	p := plot.New()
	p.TextHandler = cf.handler
	p.X.Label.Text = xLabel
	p.X.Label.TextStyle = cf.style(chartLabelSize)
	p.X.Label.TextStyle.XAlign = draw.XCenter
	p.X.Label.Padding = 4
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		ts := cf.style(chartLabelSize)
		ts.XAlign, ts.YAlign = a.Tick.Label.XAlign, a.Tick.Label.YAlign
		a.Tick.Label = ts
		a.Color = chartTextColor
		a.Tick.Color = chartTextColor
	}
	p.Legend.TextStyle = cf.style(chartLegendSize)
	return p
}

// style is a text style in the chart font.
func (cf *chartFont) style(size vg.Length) plottext.Style {
	return plottext.Style{Color: chartTextColor, Font: font.From(cf.font, size), Handler: cf.handler}
}

// chartScoreRange is the range the score axis shows: from 0 (or the lowest
// score when below it) to the top of [scoring] range (or the highest
// score when above it).
func chartScoreRange(def *indicators.Definition, scores []float64) (lo, hi float64) {
	lo, hi = 0, def.Scoring.Range[1]
	if !(hi > lo) {
		hi = 0
	}
	for _, s := range scores {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			continue
		}
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	if hi <= lo {
		hi = lo + 1
	}
	return lo, hi
}

// sizeFor returns the canvas height that gives the plot a data area of
// dataH points, with the legend under it.
func (s *chartPlotSpec) sizeFor(dataH vg.Length) {
	s.legendH = 0
	if len(s.legend) > 0 {
		s.legendH = s.legendHeight()
	}
	const probe = vg.Length(1000)
	c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: s.w - 2*chartMargin, Y: probe}}}
	da := s.p.DataCanvas(c)
	overhead := probe - da.Size().Y
	s.h = vg.Length(math.Ceil(float64(overhead + dataH + 2*chartMargin + s.legendH + s.titleHeight())))
}

// valueLabels is a Labels plotter in the chart font.
func (cf *chartFont) valueLabels(xys plotter.XYs, labels []string, size vg.Length, offset vg.Point) (*plotter.Labels, error) {
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
	if err != nil {
		return nil, err
	}
	for i := range l.TextStyle {
		st := cf.style(size)
		st.XAlign, st.YAlign = draw.XLeft, draw.YCenter
		l.TextStyle[i] = st
	}
	l.Offset = offset
	return l, nil
}

// chartGrid draws light vertical lines at the score ticks.
func chartGrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Horizontal.Color = nil
	g.Horizontal.Width = 0
	g.Vertical.Color = chartGridColor
	g.Vertical.Width = vg.Points(0.5)
	g.Vertical.Dashes = nil
	return g
}

// chartRanking is one horizontal bar per region, best at the top, each
// labelled with its score and stars; unrated regions come last, marked so.
// Bars start at 0; labels go right of the bar's end, or of 0 for a
// negative score (possible with z-score normalisation).
func chartRanking(r *scoring.Result, lang string, cf *chartFont) (*chartPlotSpec, error) {
	def := r.Def
	dec := decimals(def)
	classes := def.Stars.NumClasses()
	shown, subtitle := chartEnds(r.Regions, lang, chartWord(lang, "ranking"))
	n := len(shown)
	var scores []float64
	for _, rr := range r.Regions {
		if rr.Rated {
			scores = append(scores, rr.Score)
		}
	}
	lo, hi := chartScoreRange(def, scores)
	p := cf.newPlot(Message(lang, msgScore))
	p.Add(chartGrid())

	names := make([]string, n)
	var xys plotter.XYs
	var labels []string
	for i, rr := range shown {
		y := float64(n - 1 - i) // the first region at the top
		names[n-1-i] = regionName(rr.Region, lang)
		if !rr.Rated || math.IsNaN(rr.Score) {
			xys = append(xys, plotter.XY{X: 0, Y: y})
			labels = append(labels, Message(lang, msgNotRated))
			continue
		}
		bar, err := plotter.NewBarChart(plotter.Values{rr.Score}, chartRankBar)
		if err != nil {
			return nil, err
		}
		bar.Horizontal = true
		bar.XMin = y
		bar.Color = chartStarColor(rr.Stars, classes)
		bar.LineStyle.Width = 0
		p.Add(bar)
		xys = append(xys, plotter.XY{X: math.Max(rr.Score, 0), Y: y})
		labels = append(labels, formatScore(rr.Score, dec)+"  "+cf.stars(rr.Stars, classes))
	}
	lab, err := cf.valueLabels(xys, labels, chartLabelSize, vg.Point{X: 4})
	if err != nil {
		return nil, err
	}
	p.Add(lab)
	p.NominalY(names...)
	p.X.Min, p.X.Max = lo, hi
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.X.Padding, p.Y.Padding = 0, 0

	s := &chartPlotSpec{p: p, title: title(r, lang), subtitle: subtitle, w: chartWidth, cf: cf}
	s.sizeFor(vg.Length(n) * chartRankSlot)
	return s, nil
}

// chartDimensions is a group of horizontal bars per region, one per
// top-level dimension, with a legend of the dimensions under it. Regions
// without any dimension score are left out; a missing score is marked
// with a dash.
func chartDimensions(r *scoring.Result, lang string, cf *chartFont) (*chartPlotSpec, error) {
	def := r.Def
	dec := decimals(def)
	dims := def.ChildDimensions("")
	var regions []*scoring.RegionResult
	var scores []float64
	for _, rr := range r.Regions {
		has := false
		for _, d := range dims {
			if v := dimScoreValue(nodeScore(rr, d.ID)); !math.IsNaN(v) {
				has = true
				scores = append(scores, v)
			}
		}
		if has {
			regions = append(regions, rr)
		}
	}
	if len(regions) == 0 {
		regions = r.Regions // nothing to draw but the names
	}
	regions, subtitle := chartEnds(regions, lang, chartWord(lang, "dimensions"))
	lo, hi := chartScoreRange(def, scores)
	n, k := len(regions), max(len(dims), 1)
	p := cf.newPlot(Message(lang, msgScore))
	p.Add(chartGrid())

	names := make([]string, n)
	for i, rr := range regions {
		names[n-1-i] = regionName(rr.Region, lang)
	}
	var legend []chartLegendItem
	var xys plotter.XYs
	var labels []string
	var offsets []vg.Length
	for j, d := range dims {
		col := chartPalette[j%len(chartPalette)]
		legend = append(legend, chartLegendItem{dimensionName(d, lang), col})
		// The first dimension on top within each group.
		off := (vg.Length(k-1)/2 - vg.Length(j)) * chartDimBar
		for i, rr := range regions {
			y := float64(n - 1 - i)
			v := dimScoreValue(nodeScore(rr, d.ID))
			if math.IsNaN(v) {
				xys = append(xys, plotter.XY{X: 0, Y: y})
				labels = append(labels, Message(lang, msgMissingCell))
				offsets = append(offsets, off)
				continue
			}
			bar, err := plotter.NewBarChart(plotter.Values{v}, chartDimBar)
			if err != nil {
				return nil, err
			}
			bar.Horizontal = true
			bar.XMin = y
			bar.Offset = off
			bar.Color = col
			bar.LineStyle.Width = 0
			p.Add(bar)
			xys = append(xys, plotter.XY{X: math.Max(v, 0), Y: y})
			labels = append(labels, formatScore(v, dec))
			offsets = append(offsets, off)
		}
	}
	// One Labels per distinct offset, since a Labels has a single offset.
	for _, off := range chartOffsets(offsets) {
		var sx plotter.XYs
		var sl []string
		for i := range xys {
			if offsets[i] == off {
				sx = append(sx, xys[i])
				sl = append(sl, labels[i])
			}
		}
		lab, err := cf.valueLabels(sx, sl, chartValueSize, vg.Point{X: 3, Y: off})
		if err != nil {
			return nil, err
		}
		p.Add(lab)
	}
	p.NominalY(names...)
	p.X.Min, p.X.Max = lo, hi
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.X.Padding, p.Y.Padding = 0, 0

	s := &chartPlotSpec{p: p, title: title(r, lang), subtitle: subtitle, w: chartWidth, cf: cf, legend: legend}
	s.sizeFor(vg.Length(n) * (vg.Length(k)*chartDimBar + chartDimGap))
	return s, nil
}

// chartEndsEach is how many regions a static chart shows at each end of
// the ranking when there are more than twice as many: a bar per region of
// a county-level index (3,000 bars) is more than a reader can take in, and
// more than a picture for an article should weigh.
const chartEndsEach = 15

// chartEnds keeps the first and last chartEndsEach of regions (in ranking
// order, unrated last) when there are more than twice that many, and says
// so in the subtitle.
func chartEnds(regions []*scoring.RegionResult, lang, subtitle string) ([]*scoring.RegionResult, string) {
	if len(regions) <= 2*chartEndsEach {
		return regions, subtitle
	}
	var rated []*scoring.RegionResult
	for _, rr := range regions {
		if rr.Rated {
			rated = append(rated, rr)
		}
	}
	if len(rated) <= 2*chartEndsEach {
		return rated, subtitle
	}
	out := append(slices.Clone(rated[:chartEndsEach]), rated[len(rated)-chartEndsEach:]...)
	return out, fmt.Sprintf(chartWord(lang, "ends"), subtitle, chartEndsEach, chartEndsEach, len(rated))
}

func chartOffsets(xs []vg.Length) []vg.Length {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

// chartFont is a parsed font ready for gonum/plot.
type chartFont struct {
	face    *sfnt.Font
	family  string // the font's family name, as vgsvg writes it
	font    font.Font
	handler chartText
	star    bool // the font has ★ and ☆
}

// stars draws a rating with star glyphs, or as "4/5" when the font has
// none.
func (cf *chartFont) stars(stars, classes int) string {
	if cf.star || stars <= 0 {
		return StarGlyphs(stars, classes)
	}
	if classes <= 0 {
		classes = 5
	}
	return fmt.Sprintf("%d/%d", stars, classes)
}

// svgFamilies lists fallbacks after the font's family in the SVG, so the
// text shows in Chinese where that font is not installed.
func (cf *chartFont) svgFamilies(svg []byte) []byte {
	fams := []string{cf.family, "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "PingFang SC",
		"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"}
	var list []string
	for _, f := range fams {
		if f = chartCSSName(f); f != "" && !slices.Contains(list, "'"+f+"'") {
			list = append(list, "'"+f+"'")
		}
	}
	list = append(list, "sans-serif")
	return bytes.ReplaceAll(svg, []byte("font-family:"+cf.family+";"), []byte("font-family:"+strings.Join(list, ",")+";"))
}

// chartCSSName keeps the letters, digits, spaces, dots and dashes of a family
// name, so that it can be quoted in a style attribute.
func chartCSSName(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '.',
			r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r > 0x7f && r != 0xfffd:
			return r
		}
		return -1
	}, s))
}

// chartCJKProbe is the text a font must have glyphs for.
const chartCJKProbe = "中国政府数据指数得分星级排名维度地区省市"

// chartTypeface names the font inside the plot's own font cache.
const chartTypeface = "govindex-cjk"

// parseChartFont reads a font or font collection and picks the face best
// suited to Simplified Chinese.
func parseChartFont(data []byte) (*chartFont, error) {
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, indicators.Errorf(indicators.Pos{}, hintFontFile, "the font is not a TrueType or OpenType font or collection: %v", err)
	}
	var buf sfnt.Buffer
	best, bestScore := -1, math.MinInt
	var bestFace *sfnt.Font
	var bestName string
	for i := range coll.NumFonts() {
		f, err := coll.Font(i)
		if err != nil || !fontHasGlyphs(f, &buf, chartCJKProbe) {
			continue
		}
		name, _ := f.Name(&buf, sfnt.NameIDFamily)
		if sc := fontFaceScore(name); sc > bestScore {
			best, bestScore, bestFace, bestName = i, sc, f, name
		}
	}
	if best < 0 {
		return nil, indicators.Errorf(indicators.Pos{}, hintFontFile, "the font has no Chinese glyphs")
	}
	if bestName == "" {
		bestName = chartTypeface
	}
	fnt := font.Font{Typeface: chartTypeface, Variant: "Sans"}
	cache := font.NewCache(font.Collection{{Font: fnt, Face: bestFace}})
	return &chartFont{
		face:    bestFace,
		family:  bestName,
		font:    fnt,
		handler: chartText{plottext.Plain{Fonts: cache}},
		star:    fontHasGlyphs(bestFace, &buf, "★☆"),
	}, nil
}

// fontFaceScore ranks the faces of a collection: Simplified Chinese first,
// proportional before monospaced.
func fontFaceScore(family string) int {
	score := 0
	words := strings.Fields(strings.ToUpper(family))
	for _, w := range words {
		switch w {
		case "SC", "CN", "GB", "HANS", "PRC":
			score += 4
		case "TC", "HK", "JP", "KR", "HANT":
			score--
		case "MONO":
			score -= 2
		}
	}
	return score
}

func fontHasGlyphs(f *sfnt.Font, buf *sfnt.Buffer, s string) bool {
	for _, r := range s {
		g, err := f.GlyphIndex(buf, r)
		if err != nil || g == 0 {
			return false
		}
	}
	return true
}

// chartFontFor parses data, or finds a font on the system when data is nil.
func chartFontFor(data []byte) (*chartFont, error) {
	if data != nil {
		return parseChartFont(data)
	}
	return chartSystemFont()
}

// chartSystemFont is the first usable CJK font found on the system, looked for
// once per process.
var chartSystemFont = sync.OnceValues(func() (*chartFont, error) {
	for _, path := range chartFontCandidates() {
		// Only regular files: a named pipe would make the read wait.
		if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if cf, err := parseChartFont(data); err == nil {
			return cf, nil
		}
	}
	return nil, chartNoFontError()
})

// chartNoFontError says that no CJK font was found and what to do.
func chartNoFontError() *indicators.InputError {
	return indicators.Errorf(indicators.Pos{}, hintNoFont, "no font with Chinese glyphs was found on this system")
}

// chartFontCandidates lists font files that may have Chinese glyphs, the most
// likely first: what fontconfig picks for Chinese, the fonts it lists as
// covering Chinese, then the files of well-known CJK fonts in the usual
// font folders.
func chartFontCandidates() []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		p = strings.TrimSpace(p)
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	if _, err := exec.LookPath("fc-match"); err == nil {
		for _, pattern := range []string{"sans-serif:lang=zh-cn", ":lang=zh"} {
			add(chartFcOutput("fc-match", "-f", "%{file}", pattern))
		}
	}
	if _, err := exec.LookPath("fc-list"); err == nil {
		var listed []string
		for _, line := range strings.Split(chartFcOutput("fc-list", "-f", "%{file}\n", ":lang=zh"), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				listed = append(listed, line)
			}
		}
		chartSortFonts(listed)
		for _, p := range listed {
			add(p)
		}
	}
	var found []string
	for _, dir := range chartFontDirs() {
		chartWalkFonts(dir, func(p string) {
			if chartFileRank(p) < len(chartKnownFonts) {
				found = append(found, p)
			}
		})
	}
	chartSortFonts(found)
	for _, p := range found {
		add(p)
	}
	return out
}

// chartFcOutput runs a fontconfig tool briefly; "" when it fails.
func chartFcOutput(name string, args ...string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// chartKnownFonts are the lower-cased file-name starts of CJK fonts, by
// preference.
var chartKnownFonts = [][]string{
	{"notosanscjk", "notosanssc", "sourcehansans", "notosans-cjk"},
	{"wqy-microhei", "wqy-zenhei", "wenquanyi"},
	{"droidsansfallback"},
	{"msyh", "pingfang", "hiragino sans gb", "stheiti", "simhei", "deng"},
	{"notoserifcjk", "notoserifsc", "sourcehanserif", "uming", "ukai", "simsun", "songti"},
}

// chartFileRank is a font file's place in chartKnownFonts (len(chartKnownFonts) when it
// is none of them); a bold file ranks just after a regular one.
func chartFileRank(p string) int {
	base := strings.ToLower(filepath.Base(p))
	switch filepath.Ext(base) {
	case ".ttf", ".otf", ".ttc", ".otc":
	default:
		return len(chartKnownFonts)
	}
	for i, group := range chartKnownFonts {
		for _, prefix := range group {
			if strings.HasPrefix(base, prefix) {
				return i
			}
		}
	}
	return len(chartKnownFonts)
}

// chartSortFonts orders font files by rank, regular before bold, then by path.
func chartSortFonts(ps []string) {
	key := func(p string) (int, int) {
		b := strings.ToLower(filepath.Base(p))
		weight := 0
		for _, w := range []string{"bold", "black", "heavy", "light", "thin", "medium"} {
			if strings.Contains(b, w) {
				weight = 1
			}
		}
		return chartFileRank(p), weight
	}
	sort.SliceStable(ps, func(i, j int) bool {
		ri, wi := key(ps[i])
		rj, wj := key(ps[j])
		if ri != rj {
			return ri < rj
		}
		if wi != wj {
			return wi < wj
		}
		return ps[i] < ps[j]
	})
}

// chartFontDirs are the usual font folders of Linux, macOS and Windows.
func chartFontDirs() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts", "/System/Library/Fonts", "/Library/Fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"),
			filepath.Join(home, "Library", "Fonts"))
	}
	if win := os.Getenv("WINDIR"); win != "" {
		dirs = append(dirs, filepath.Join(win, "Fonts"))
	}
	return dirs
}

// chartWalkFonts calls fn for every file under dir, looking at no more than a
// few thousand entries.
func chartWalkFonts(dir string, fn func(string)) {
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if n++; n > 20000 {
			return fs.SkipAll
		}
		if !d.IsDir() {
			fn(p)
		}
		return nil
	})
}

// chartText is gonum/plot's plain text handler with the metrics of the
// ideographic em box (ascent 0.88 em, descent 0.12 em) instead of the
// font's own: CJK fonts declare a tall ascent and a deep descent, which
// the plain handler's layout turns into text sitting well below where it
// is aligned. Here a text's box spans from pt.Y + YAlign×height up by its
// height, both when it is drawn and when gonum/plot measures it (Height =
// Ascent makes text.Style.Rectangle start at that point too), so a label
// centred on a bar is centred on it. Single lines only are laid out
// exactly; the charts draw no multi-line text.
type chartText struct{ plottext.Plain }

// Extents implements plottext.Handler.
func (h chartText) Extents(fnt font.Font) font.Extents {
	s := fnt.Size
	return font.Extents{Ascent: 0.88 * s, Descent: 0.12 * s, Height: 0.88 * s}
}

// Box implements plottext.Handler.
func (h chartText) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	width, _, _ = h.Plain.Box(txt, fnt)
	e := h.Extents(fnt)
	return width, e.Ascent, e.Descent
}

// Draw implements plottext.Handler: the block of lines spans from
// pt.Y + YAlign×height up by its height, the lines' em boxes stacked.
func (h chartText) Draw(c vg.Canvas, txt string, sty plottext.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if txt == "" {
		return
	}
	face := h.Fonts.Lookup(sty.Font, sty.Font.Size)
	e := h.Extents(sty.Font)
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
		defer c.Pop()
	}
	sin64, cos64 := math.Sincos(sty.Rotation)
	sin, cos := vg.Length(sin64), vg.Length(cos64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin
	lines := h.Lines(txt)
	line := e.Ascent + e.Descent
	bottom := pt.Y + vg.Length(sty.YAlign)*vg.Length(len(lines))*line
	for i, l := range lines {
		x := pt.X + vg.Length(sty.XAlign)*face.Width(l)
		y := bottom + e.Descent + vg.Length(len(lines)-1-i)*line
		c.FillString(face, vg.Point{X: x, Y: y}, l)
	}
}
