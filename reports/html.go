package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// HTMLOptions control the HTML report.
type HTMLOptions struct {
	Options
	// GeoJSON is an approved map of the rated regions, a GeoJSON
	// FeatureCollection (the file named by [report] geojson; see
	// ReportGeoJSON). When set, the report adds a choropleth coloured by
	// stars.
	GeoJSON []byte
	// GeoJSONKey names the feature property that holds a region's code or
	// name. Empty tries "code", then "name".
	GeoJSONKey string
	// Robust is the uncertainty analysis of the same index (nil: no
	// robustness section). Its regions are matched to the result's by code.
	Robust *scoring.RobustResult
}

// ErrNoECharts is returned by WriteHTML from a build that does not embed
// ECharts (see ECharts).
var ErrNoECharts = errors.New("reports: this build of govindex does not include the ECharts library the HTML report inlines: run `make assets`, then rebuild govindex")

// ReportGeoJSON reads the map named by [report] geojson of def, relative to
// its index.toml, with the [report] geojson_key to match it by. It returns a
// nil map and no error when the definition names none.
func ReportGeoJSON(def *indicators.Definition) (geo []byte, key string, err error) {
	if def == nil || def.Report.GeoJSON == "" {
		return nil, "", nil
	}
	b, _, err := def.ReadReportFile("geojson")
	if err != nil {
		return nil, "", err
	}
	return b, def.Report.GeoJSONKey, nil
}

// WriteHTML writes the interactive report: one self-contained UTF-8 HTML
// file that works offline and makes no network request. ECharts is inlined
// in a <script> element (a build without it gets ErrNoECharts) and every
// chart is drawn from an ECharts option built with go-echarts:
//
//   - chart-ranking: composite score per rated region, bars coloured by
//     stars, the star glyphs and the score in the bar labels;
//   - chart-dimensions: the top-level dimension scores of each rated region
//     (grouped bars);
//   - chart-radar-<code>: one radar per rated region (its top-level
//     dimensions, or its indicators when there are fewer than three
//     dimensions), and chart-radar-all overlaying every rated region;
//   - chart-heatmap: regions × indicators, coloured by normalised value;
//     missing values are empty cells;
//   - chart-weights: the effective weight of every indicator, coloured by
//     top-level dimension;
//   - chart-map: a tile-grid map of China's 34 province-level units (see
//     ProvinceTiles) coloured by stars;
//   - chart-choropleth: the map of o.GeoJSON coloured by stars, when given;
//   - chart-rank-intervals and chart-star-probability, when o.Robust is
//     set: per rated region, the 5th–95th percentile rank interval over the
//     samples with the median and nominal ranks marked (rank 1 on top), and
//     the share of samples at each star rating (stacked bars);
//   - chart-trends, when r is part of a scoring.Series with an earlier
//     year: each region's score in every rated year up to r's (a line per
//     region, the first 20 of the ranking), under a line saying whether the
//     years' scores are comparable. A table of the changes since the
//     previous year (score, rank, stars, slope and growth rate of the
//     trend) comes before it.
//
// Chart ids are fixed (a region code is reduced to letters, digits, "-"
// and "_" in chart-radar-<code>), so the same input gives the same bytes.
// Below the charts come the results table and its notes, and a footer
// naming the methods. Titles and labels follow o.Lang. Every text from the
// data and config files is escaped for where it lands (see html_escape.go):
// html/template escapes it in the markup; the chart options are JSON with
// <, > and & escaped, so no name can close the <script> element; no such
// text is ever part of an ECharts template, and the tooltips the report
// formats itself HTML-escape every text at render time, so a name is shown
// as written and never runs as script or reads as {b} or {a|…}.
// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
// U+061C) are removed from every text of the page.
//
// Tile map rule: each province-level unit has one cell, found from the
// first two digits of a region's GB/T 2260 code (or of its parent's code
// when its own code is not one). A province-level region (code ending in
// 0000) colours its cell with its stars. Cities and counties (e.g. 440100
// 广州市) are written by name, with their stars, in their province's cell;
// when the province itself is not among the results, the cell takes the
// best rating of those cities. Cells with no rating are grey; regions with
// no province prefix are listed under the map.
func WriteHTML(w io.Writer, r *scoring.Result, o HTMLOptions) error {
	if err := check(r); err != nil {
		return err
	}
	lib, ok := ECharts()
	if !ok {
		return ErrNoECharts
	}
	return writeHTML(w, r, o, lib)
}

// writeHTML renders the report with lib as the inlined ECharts library.
func writeHTML(w io.Writer, r *scoring.Result, o HTMLOptions, lib []byte) error {
	if err := check(r); err != nil {
		return err
	}
	page, err := buildHTMLPage(r, o)
	if err != nil {
		return err
	}
	htmlCleanText(page)
	page.ECharts = htmlInlineScript(lib)
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, page); err != nil {
		return fmt.Errorf("reports: HTML template: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

var (
	htmlScriptCloseRe  = regexp.MustCompile(`(?i)</(script)`)
	htmlCommentOpenTag = []byte("<!--")
)

// htmlInlineScript makes a JavaScript source safe inside a <script> element:
// "</script" and "<!--" (which only occur in strings, regular expressions
// and comments of valid code) are written with a backslash.
func htmlInlineScript(src []byte) template.JS {
	out := htmlScriptCloseRe.ReplaceAll(src, []byte(`<\/$1`))
	out = bytes.ReplaceAll(out, htmlCommentOpenTag, []byte(`<\!--`))
	return template.JS(out)
}

// ---------------------------------------------------------------- words

const (
	hmSecRanking      = "sec_ranking"
	hmSecDimensions   = "sec_dimensions"
	hmSecRadar        = "sec_radar"
	hmRadarAll        = "radar_all"
	hmRadarAxesInd    = "radar_axes_indicators"
	hmSecHeatmap      = "sec_heatmap"
	hmHeatmapIntro    = "heatmap_intro"
	hmSecWeights      = "sec_weights"
	hmWeightsIntro    = "weights_intro"
	hmSecTiles        = "sec_tiles"
	hmTilesRule       = "tiles_rule"
	hmTilesUnplaced   = "tiles_unplaced"
	hmSecChoropleth   = "sec_choropleth"
	hmChoroplethIntro = "choropleth_intro"
	hmChoroplethMiss  = "choropleth_unmatched"
	hmSecTable        = "sec_table"
	hmEngine          = "engine"
	hmMethod          = "method"
	hmThresholds      = "thresholds"
	hmClasses         = "classes"
	hmOffline         = "offline"
	hmNoRating        = "no_rating"
	hmWeightAxis      = "weight_axis"
	hmNormalised      = "normalised"
	hmListSep         = "list_sep"
	hmNoRated         = "no_rated"
	hmWithCode        = "with_code"
	hmRadarMissing    = "radar_missing"
	hmSecRobust       = "sec_robust"
	hmRobustIntro     = "robust_intro"
	hmRobustInterval  = "robust_interval"
	hmRobustMedian    = "robust_median"
	hmRobustNominal   = "robust_nominal"
	hmRobustRank      = "robust_rank"
	hmRobustShare     = "robust_share"
	hmRobustTip       = "robust_tip"
)

var htmlWords = map[string]map[string]string{
	"zh": {
		hmSecRanking:      "综合得分与星级",
		hmSecDimensions:   "分维度得分",
		hmSecRadar:        "地区画像",
		hmRadarAll:        "已评级地区对比",
		hmRadarAxesInd:    "维度少于三个，雷达图按指标的标准化值绘制。",
		hmSecHeatmap:      "指标热力图",
		hmHeatmapIntro:    "颜色为各指标参与合成的标准化值；空白格为缺失值。",
		hmSecWeights:      "指标有效权重",
		hmWeightsIntro:    "有效权重是从综合指数到该指标路径上各层权重之积，按所属一级维度着色。",
		hmSecTiles:        "省级方块地图",
		hmTilesRule:       "每个省级行政区占一格（按 GB/T 2260 代码前两位归入），位置只示意大致方位，不代表实际疆域与边界。省级地区按本身的星级着色；城市（如 440100 广州市）写在所属省份格内并注明名称和星级，该省本身不在结果中时取其中最高的星级着色。灰色表示未评级。",
		hmTilesUnplaced:   "未放入方块地图的地区（代码不含省级 GB/T 2260 前缀）：%s",
		hmSecChoropleth:   "地图",
		hmChoroplethIntro: "底图由评价配置提供，按要素属性“%s”与地区代码或名称匹配，按星级着色。",
		hmChoroplethMiss:  "底图中未找到的地区：%s",
		hmSecTable:        "评级结果",
		hmEngine:          "引擎 %s",
		hmMethod:          "方法：缺失值处理 %s；异常值处理 %s；标准化 %s；权重 %s；合成 %s；星级 %s%s。",
		hmThresholds:      "（阈值 %s）",
		hmClasses:         "（%d 档）",
		hmOffline:         "本报告是单个离线文件：图表库 ECharts 已内嵌，打开时不发起任何网络请求。",
		hmNoRating:        "未评级",
		hmWeightAxis:      "有效权重（%）",
		hmNormalised:      "标准化值",
		hmListSep:         "、",
		hmNoRated:         "没有已评级的地区。",
		hmWithCode:        "%s（%s）",
		hmRadarMissing:    "（缺少：%s）",
		hmSecRobust:       "稳健性：排名区间与星级概率",
		hmRobustIntro:     "在 %d 次合理的方法组合（权重、标准化、合成等方法随机取值）下重新计算指数：上图为各地区排名的 5%%–95%% 区间，标出中位排名和名义排名（第 1 名在上）；下图为各地区获评各星级的样本比例。",
		hmRobustInterval:  "排名区间（5%–95%）",
		hmRobustMedian:    "中位排名",
		hmRobustNominal:   "名义排名",
		hmRobustRank:      "排名",
		hmRobustShare:     "样本比例（%）",
		hmRobustTip:       "%s：排名区间 %d–%d，中位 %d，名义 %d",
	},
	"en": {
		hmSecRanking:      "Composite score and stars",
		hmSecDimensions:   "Scores by dimension",
		hmSecRadar:        "Region profiles",
		hmRadarAll:        "All rated regions compared",
		hmRadarAxesInd:    "With fewer than three dimensions, the radars show the normalised indicator values.",
		hmSecHeatmap:      "Indicator heatmap",
		hmHeatmapIntro:    "Colour shows each indicator's normalised value as it enters aggregation; blank cells are missing values.",
		hmSecWeights:      "Effective indicator weights",
		hmWeightsIntro:    "The effective weight is the product of the weights on the path from the index to the indicator; colours show the top-level dimension.",
		hmSecTiles:        "Tile map of provinces",
		hmTilesRule:       "Each province-level unit has one cell (found from the first two digits of its GB/T 2260 code), placed roughly where it lies; the grid shows no real territory or borders. A province-level region colours its cell with its own stars; a city (e.g. 440100 Guangzhou) is written by name with its stars in its province's cell, which takes the best of its cities' ratings when the province itself is not among the results. Grey means no rating.",
		hmTilesUnplaced:   "Regions not on the tile map (their codes carry no GB/T 2260 province prefix): %s",
		hmSecChoropleth:   "Map",
		hmChoroplethIntro: "Map supplied by the index configuration; features are matched to region codes or names on the property “%s” and coloured by stars.",
		hmChoroplethMiss:  "Regions not found on the map: %s",
		hmSecTable:        "Results",
		hmEngine:          "engine %s",
		hmMethod:          "Method: imputation %s; outlier treatment %s; normalisation %s; weights %s; aggregation %s; stars %s%s.",
		hmThresholds:      " (thresholds %s)",
		hmClasses:         " (%d classes)",
		hmOffline:         "This report is a single offline file: the ECharts library is inlined and opening it makes no network request.",
		hmNoRating:        "no rating",
		hmWeightAxis:      "Effective weight (%)",
		hmNormalised:      "Normalised value",
		hmListSep:         ", ",
		hmNoRated:         "No region is rated.",
		hmWithCode:        "%s (%s)",
		hmRadarMissing:    " (missing: %s)",
		hmSecRobust:       "Robustness: rank intervals and star probabilities",
		hmRobustIntro:     "The index was recomputed under %d plausible method choices (weights, normalisation, aggregation and other choices drawn at random). Top: each region's 5–95%% rank interval with its median and nominal rank (rank 1 on top). Bottom: the share of samples at each star rating.",
		hmRobustInterval:  "Rank interval (5–95%)",
		hmRobustMedian:    "Median rank",
		hmRobustNominal:   "Nominal rank",
		hmRobustRank:      "Rank",
		hmRobustShare:     "Share of samples (%)",
		hmRobustTip:       "%s: ranks %d–%d, median %d, nominal %d",
	},
}

func htmlWord(lang, key string) string {
	if s, ok := htmlWords[normLang(lang)][key]; ok {
		return s
	}
	return htmlWords["zh"][key]
}

// ---------------------------------------------------------------- tiles

// ProvinceTile is one cell of the tile-grid map: a province-level unit by
// the first two digits of its GB/T 2260 code, and its place in the grid
// (row 0 is the top, column 0 the left).
type ProvinceTile struct {
	Prefix string // "11" … "82"
	Name   string // short Chinese name, e.g. 广东
	NameEn string
	Row    int
	Col    int
}

// htmlProvinceTiles is the hand-made grid: 8 rows × 8 columns, each unit placed
// roughly where it lies (新疆 upper left, 黑龙江 top right, 海南 at the bottom).
var htmlProvinceTiles = []ProvinceTile{
	{"11", "北京", "Beijing", 1, 4},
	{"12", "天津", "Tianjin", 1, 5},
	{"13", "河北", "Hebei", 2, 4},
	{"14", "山西", "Shanxi", 2, 3},
	{"15", "内蒙古", "Inner Mongolia", 1, 3},
	{"21", "辽宁", "Liaoning", 1, 6},
	{"22", "吉林", "Jilin", 1, 7},
	{"23", "黑龙江", "Heilongjiang", 0, 7},
	{"31", "上海", "Shanghai", 3, 6},
	{"32", "江苏", "Jiangsu", 3, 5},
	{"33", "浙江", "Zhejiang", 4, 5},
	{"34", "安徽", "Anhui", 3, 4},
	{"35", "福建", "Fujian", 5, 5},
	{"36", "江西", "Jiangxi", 4, 4},
	{"37", "山东", "Shandong", 2, 5},
	{"41", "河南", "Henan", 3, 3},
	{"42", "湖北", "Hubei", 4, 3},
	{"43", "湖南", "Hunan", 5, 3},
	{"44", "广东", "Guangdong", 5, 4},
	{"45", "广西", "Guangxi", 6, 3},
	{"46", "海南", "Hainan", 7, 3},
	{"50", "重庆", "Chongqing", 4, 2},
	{"51", "四川", "Sichuan", 4, 1},
	{"52", "贵州", "Guizhou", 5, 2},
	{"53", "云南", "Yunnan", 5, 1},
	{"54", "西藏", "Xizang", 3, 0},
	{"61", "陕西", "Shaanxi", 3, 2},
	{"62", "甘肃", "Gansu", 2, 1},
	{"63", "青海", "Qinghai", 3, 1},
	{"64", "宁夏", "Ningxia", 2, 2},
	{"65", "新疆", "Xinjiang", 1, 0},
	{"71", "台湾", "Taiwan", 5, 6},
	{"81", "香港", "Hong Kong", 6, 5},
	{"82", "澳门", "Macao", 6, 4},
}

// htmlTileRows and htmlTileCols are the size of the grid.
const htmlTileRows, htmlTileCols = 8, 8

// ProvinceTiles returns the tile-grid layout of the HTML report's map: the
// 34 province-level units of GB/T 2260 (11 北京 … 82 澳门), in code order,
// each in its own cell.
func ProvinceTiles() []ProvinceTile { return slices.Clone(htmlProvinceTiles) }

// htmlProvincePrefix is the two-digit province prefix of a 6-digit GB/T 2260
// code, ok false when code is not one or the prefix is unknown.
func htmlProvincePrefix(code string) (string, bool) {
	code = strings.TrimSpace(code)
	if len(code) != 6 {
		return "", false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	p := code[:2]
	for _, t := range htmlProvinceTiles {
		if t.Prefix == p {
			return p, true
		}
	}
	return "", false
}

// htmlRegionTile places a region: by its own code, else by its parent's.
func htmlRegionTile(reg *indicators.Region) (prefix string, provinceLevel, ok bool) {
	if p, ok := htmlProvincePrefix(reg.Code); ok {
		return p, strings.HasSuffix(strings.TrimSpace(reg.Code), "0000"), true
	}
	if p, ok := htmlProvincePrefix(reg.Parent); ok {
		return p, false, true
	}
	return "", false, false
}

// ---------------------------------------------------------------- colours

// htmlStarRamp runs from the lowest class (red) to the highest (green).
var htmlStarRamp = [][3]float64{
	{0xd7, 0x30, 0x27}, {0xfc, 0x8d, 0x59}, {0xfe, 0xe0, 0x8b}, {0x91, 0xcf, 0x60}, {0x1a, 0x98, 0x50},
}

const htmlNoRatingColour = "#d9d9d9"

// htmlStarColour is the colour of a rating among classes, grey when unrated.
func htmlStarColour(stars, classes int) string {
	if stars <= 0 {
		return htmlNoRatingColour
	}
	if classes < 2 {
		classes = max(stars, 2)
	}
	t := float64(min(stars, classes)-1) / float64(classes-1)
	pos := t * float64(len(htmlStarRamp)-1)
	i := min(int(pos), len(htmlStarRamp)-2)
	f := pos - float64(i)
	var c [3]int
	for k := range c {
		c[k] = int(math.Round(htmlStarRamp[i][k]*(1-f) + htmlStarRamp[i+1][k]*f))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

// ---------------------------------------------------------------- page model

type htmlChart struct {
	ID      string
	Caption string
	Height  int
	Option  template.JS
}

type htmlSection struct {
	ID     string
	Title  string
	Intro  []string
	Charts []*htmlChart
	Grid   bool // Charts are small multiples, drawn in a grid
	// Wide charts follow the grid at full width, under WideTitle.
	WideTitle string
	Wide      []*htmlChart
	Table     *htmlTable // a table below the charts, if any
	Notes     []string
}

type htmlCell struct {
	Text  string
	Num   bool
	Stars bool
}

type htmlPage struct {
	Lang        string
	Title       string
	Heading     string
	Meta        []string
	Description string
	Sections    []*htmlSection
	TableTitle  string
	Header      []htmlCell
	Rows        [][]htmlCell
	Notes       []string
	Footer      []string
	ECharts     template.JS
	GeoJSON     template.JS
	Charts      []*htmlChart
}

// htmlBuilder holds what the chart builders share.
type htmlBuilder struct {
	r       *scoring.Result
	def     *indicators.Definition
	lang    string
	dec     int
	classes int
	rated   []*scoring.RegionResult
	top     []*indicators.Dimension
	ids     map[string]bool
	charts  []*htmlChart
}

func buildHTMLPage(r *scoring.Result, o HTMLOptions) (*htmlPage, error) {
	lang := o.lang()
	b := &htmlBuilder{
		r: r, def: r.Def, lang: lang, dec: decimals(r.Def),
		classes: r.Def.Stars.NumClasses(),
		top:     r.Def.ChildDimensions(""),
		ids:     map[string]bool{},
	}
	if b.classes <= 0 {
		b.classes = 5
	}
	for _, rr := range r.Regions {
		if rr.Rated {
			b.rated = append(b.rated, rr)
		}
	}
	desc := r.Def.Index.Description
	if lang == "en" && r.Def.Index.DescriptionEn != "" {
		desc = r.Def.Index.DescriptionEn
	}
	page := &htmlPage{Lang: "zh-CN", Title: title(r, lang), Description: desc}
	if lang == "en" {
		page.Lang = "en"
	}
	if page.Title == "" {
		page.Title = "govindex"
	}
	page.Heading = indexName(r.Def, lang)
	if page.Heading == "" {
		page.Heading = page.Title
	}
	if def := r.Def; def.Index.Edition != "" {
		page.Meta = append(page.Meta, msgf(lang, msgEdition, def.Index.Edition))
	}
	if r.Year != 0 {
		page.Meta = append(page.Meta, msgf(lang, msgYear, r.Year))
	}
	page.Meta = append(page.Meta, fmt.Sprintf(htmlWord(lang, hmEngine), o.engine()))

	var err error
	add := func(s *htmlSection, e error) {
		if e != nil && err == nil {
			err = e
		}
		if s != nil {
			page.Sections = append(page.Sections, s)
		}
	}
	add(b.rankingSection())
	if o.Robust != nil {
		add(b.robustSection(o.Robust))
	}
	add(b.changesSection(), nil)
	add(b.trendsSection())
	add(b.dimensionsSection())
	add(b.radarSection())
	add(b.heatmapSection())
	add(b.weightsSection())
	add(b.tileSection())
	if len(o.GeoJSON) > 0 {
		s, geo, e := b.choroplethSection(o.GeoJSON, o.GeoJSONKey)
		add(s, e)
		page.GeoJSON = geo
	}
	if err != nil {
		return nil, err
	}
	page.Charts = b.charts

	header, rows, notes := layoutRows(r, lang)
	withClass := hasLabels(r.Def)
	right := rightAligned(withClass, len(header.dims))
	for i, c := range header.cells(withClass) {
		page.Header = append(page.Header, htmlCell{Text: c, Num: right[i]})
	}
	for _, row := range rows {
		var cells []htmlCell
		for i, c := range row.cells(withClass) {
			cells = append(cells, htmlCell{Text: c, Num: right[i], Stars: i == 4})
		}
		page.Rows = append(page.Rows, cells)
	}
	page.TableTitle = htmlWord(lang, hmSecTable)
	page.Notes = notes
	page.Footer = []string{b.methodText(), htmlWord(lang, hmOffline)}
	return page, nil
}

// methodText is the footer sentence naming the methods.
func (b *htmlBuilder) methodText() string {
	def, m := b.def, b.r.Method
	extra := ""
	if m.Stars == "thresholds" || (m.Stars == "" && def.Stars.Method == "thresholds") {
		parts := make([]string, len(def.Stars.Thresholds))
		for i, t := range def.Stars.Thresholds {
			parts[i] = formatNumber(t)
		}
		extra = fmt.Sprintf(htmlWord(b.lang, hmThresholds), strings.Join(parts, htmlWord(b.lang, hmListSep)))
	} else {
		extra = fmt.Sprintf(htmlWord(b.lang, hmClasses), b.classes)
	}
	or := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	l := b.lang
	return fmt.Sprintf(htmlWord(l, hmMethod),
		methodName(l, "impute", or(def.Scoring.Impute, "none")), methodName(l, "treat", or(def.Scoring.Treat, "none")),
		methodName(l, "normalise", or(m.Normalise, def.Scoring.Normalise)), methodName(l, "weights", or(m.Weights, def.Scoring.Weights)),
		methodName(l, "aggregate", or(m.Aggregate, def.Scoring.Aggregate)), methodName(l, "stars", or(m.Stars, def.Stars.Method)), extra)
}

// chartID reserves a fixed, unique element id.
func (b *htmlBuilder) chartID(base string) string {
	id := base
	for n := 2; b.ids[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	b.ids[id] = true
	return id
}

// htmlIDPart reduces s to characters safe in an id: letters, digits, - and _.
func htmlIDPart(s string) string {
	var sb strings.Builder
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_':
			sb.WriteRune(c)
		default:
			sb.WriteByte('_')
		}
	}
	if sb.Len() == 0 {
		return "region"
	}
	return sb.String()
}

// newChart registers a chart with its option.
func (b *htmlBuilder) newChart(base, caption string, height int, option template.JS) *htmlChart {
	c := &htmlChart{ID: b.chartID(base), Caption: caption, Height: height, Option: option}
	b.charts = append(b.charts, c)
	return c
}

// htmlFontStack is the font ECharts draws with: CJK fonts first so Chinese
// renders on Linux (Noto CJK), macOS and Windows.
const htmlFontStack = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`

// htmlEChart is what go-echarts chart builders share.
type htmlEChart interface {
	Validate()
	JSON() map[string]any
}

// htmlOption turns a go-echarts chart into the option JSON the page passes to
// setOption: validated, decoded into plain maps (numbers kept exact) so
// patch can set what go-echarts has no field for, with animation off and
// the CJK font stack, then encoded with <, > and & escaped. encoding/json
// sorts map keys, so the bytes are deterministic.
func htmlOption(c htmlEChart, patch func(m map[string]any)) (template.JS, error) {
	c.Validate()
	raw, err := json.Marshal(c.JSON())
	if err != nil {
		return "", fmt.Errorf("reports: chart option: %w", err)
	}
	m, err := htmlDecodeJSON(raw)
	if err != nil {
		return "", fmt.Errorf("reports: chart option: %w", err)
	}
	obj, _ := m.(map[string]any)
	if obj == nil {
		return "", errors.New("reports: chart option is not an object")
	}
	delete(obj, "toolbox")
	obj["animation"] = false
	obj["textStyle"] = map[string]any{"fontFamily": htmlFontStack}
	if patch != nil {
		patch(obj)
	}
	htmlCleanJSON(obj)
	out, err := json.Marshal(obj) // HTML escaping on: no "</script>" can appear
	if err != nil {
		return "", fmt.Errorf("reports: chart option: %w", err)
	}
	return template.JS(out), nil
}

func htmlDecodeJSON(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// htmlSeriesAt returns series i of a decoded option.
func htmlSeriesAt(m map[string]any, i int) map[string]any {
	list, _ := m["series"].([]any)
	if i >= len(list) {
		return map[string]any{}
	}
	s, _ := list[i].(map[string]any)
	if s == nil {
		return map[string]any{}
	}
	return s
}

// htmlAxisAt returns axis i of key ("xAxis" or "yAxis") of a decoded option.
func htmlAxisAt(m map[string]any, key string, i int) map[string]any {
	list, _ := m[key].([]any)
	if i >= len(list) {
		return map[string]any{}
	}
	a, _ := list[i].(map[string]any)
	if a == nil {
		return map[string]any{}
	}
	return a
}

// value is x rounded to the report's decimals, or "-" (ECharts' missing
// value) for NaN and ±Inf.
func (b *htmlBuilder) value(x float64) any {
	return htmlRound(x, b.dec)
}

func htmlRound(x float64, dec int) any {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "-"
	}
	p := math.Pow(10, float64(dec))
	v := math.Round(x*p) / p
	if v == 0 {
		return 0.0 // no "-0"
	}
	return v
}

func (b *htmlBuilder) regionName(rr *scoring.RegionResult) string {
	return regionName(rr.Region, b.lang)
}

func (b *htmlBuilder) indicatorName(ind *indicators.Indicator) string {
	if n := PickName(b.lang, ind.Name, ind.NameEn); n != "" {
		return n
	}
	if ind.NameEn != "" {
		return ind.NameEn
	}
	return ind.ID
}

func (b *htmlBuilder) starGlyphs(stars int) string { return StarGlyphs(stars, b.classes) }

// starPieces is the piecewise visual map of star ratings, 0 = no rating.
func (b *htmlBuilder) starPieces() map[string]any {
	pieces := []any{}
	for s := b.classes; s >= 1; s-- {
		pieces = append(pieces, map[string]any{"value": s, "label": b.starGlyphs(s), "color": htmlStarColour(s, b.classes)})
	}
	pieces = append(pieces, map[string]any{"value": 0, "label": htmlWord(b.lang, hmNoRating), "color": htmlNoRatingColour})
	return map[string]any{
		"type": "piecewise", "dimension": 2, "pieces": pieces, "orient": "horizontal",
		"left": "center", "bottom": 0, "seriesIndex": 0,
	}
}

var (
	htmlLabelBorder = map[string]any{"textBorderColor": "#ffffff", "textBorderWidth": 2}
	htmlHiddenAxis  = opts.Bool(false)
)

// ---------------------------------------------------------------- charts

func (b *htmlBuilder) rankingSection() (*htmlSection, error) {
	names := make([]string, 0, len(b.rated))
	data := make([]opts.BarData, 0, len(b.rated))
	labels := make([]string, 0, len(b.rated))
	for _, rr := range b.rated {
		names = append(names, b.regionName(rr))
		score := b.value(rr.Score)
		label := b.starGlyphs(rr.Stars)
		if f, ok := score.(float64); ok {
			label = formatScore(f, b.dec) + "  " + label
		}
		labels = append(labels, label)
		data = append(data, opts.BarData{
			Name: b.regionName(rr), Value: score,
			ItemStyle: &opts.ItemStyle{Color: htmlStarColour(rr.Stars, b.classes)},
			Label:     &opts.Label{Show: opts.Bool(true), Position: "right"},
		})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "150", Top: "16", Bottom: "32", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: Message(b.lang, msgScore)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
	)
	bar.SetXAxis(names).AddSeries(Message(b.lang, msgScore), data, htmlBarMaxWidth("36"))
	bar.XYReversal()
	scores := make([]float64, len(b.rated))
	for i, rr := range b.rated {
		scores[i] = rr.Score
	}
	lo, hi := b.scale(scores)
	js, err := htmlOption(bar, func(m map[string]any) {
		htmlAxisAt(m, "yAxis", 0)["axisLabel"] = map[string]any{"interval": 0}
		x := htmlAxisAt(m, "xAxis", 0)
		x["min"], x["max"] = lo, hi
		x["nameLocation"], x["nameGap"] = "middle", 28
		for i, item := range htmlSeriesData(m, 0) {
			if lbl, ok := item["label"].(map[string]any); ok && i < len(labels) {
				lbl["formatter"] = htmlFormatter(htmlFmtText, labels[i])
			}
		}
	})
	if err != nil {
		return nil, err
	}
	s := &htmlSection{ID: "ranking", Title: htmlWord(b.lang, hmSecRanking)}
	s.Charts = append(s.Charts, b.newChart("chart-ranking", "", max(200, 48+36*len(b.rated)), js))
	if len(b.rated) == 0 {
		s.Notes = append(s.Notes, htmlWord(b.lang, hmNoRated))
	}
	return s, nil
}

// htmlBarMaxWidth caps the width of a series' bars, in pixels.
func htmlBarMaxWidth(px string) charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = px })
}

// htmlSeriesData returns the data items of series i of a decoded option
// that are objects, by data index (nil for the others).
func htmlSeriesData(m map[string]any, i int) []map[string]any {
	list, _ := htmlSeriesAt(m, i)["data"].([]any)
	items := make([]map[string]any, len(list))
	for k, x := range list {
		items[k], _ = x.(map[string]any)
	}
	return items
}

func (b *htmlBuilder) dimensionsSection() (*htmlSection, error) {
	names := make([]string, 0, len(b.rated))
	for _, rr := range b.rated {
		names = append(names, b.regionName(rr))
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "24", Top: "48", Bottom: "16", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: Message(b.lang, msgScore)}),
	)
	bar.SetXAxis(names)
	for _, d := range b.top {
		data := make([]opts.BarData, 0, len(b.rated))
		for _, rr := range b.rated {
			data = append(data, opts.BarData{Value: b.value(dimScoreValue(nodeScore(rr, d.ID)))})
		}
		bar.AddSeries(dimensionName(d, b.lang), data, htmlBarMaxWidth("28"))
	}
	rotate := 0
	if len(b.rated) > 8 {
		rotate = 35
	}
	var values []float64
	for _, rr := range b.rated {
		for _, d := range b.top {
			values = append(values, dimScoreValue(nodeScore(rr, d.ID)))
		}
	}
	lo, hi := b.scale(values)
	js, err := htmlOption(bar, func(m map[string]any) {
		htmlAxisAt(m, "xAxis", 0)["axisLabel"] = map[string]any{"interval": 0, "rotate": rotate}
		y := htmlAxisAt(m, "yAxis", 0)
		y["min"], y["max"] = lo, hi
	})
	if err != nil {
		return nil, err
	}
	s := &htmlSection{ID: "dimensions", Title: htmlWord(b.lang, hmSecDimensions)}
	s.Charts = append(s.Charts, b.newChart("chart-dimensions", "", 400, js))
	return s, nil
}

// radarAxes are the axes of the radars: the top-level dimensions, or the
// indicators when there are fewer than three dimensions.
type htmlRadarAxis struct {
	name  string
	value func(rr *scoring.RegionResult) float64
}

func (b *htmlBuilder) radarAxes() (axes []htmlRadarAxis, byIndicator bool) {
	if len(b.top) >= 3 {
		for _, d := range b.top {
			id := d.ID
			axes = append(axes, htmlRadarAxis{dimensionName(d, b.lang), func(rr *scoring.RegionResult) float64 {
				return dimScoreValue(nodeScore(rr, id))
			}})
		}
		return axes, false
	}
	for _, ind := range b.def.Indicators {
		id := ind.ID
		axes = append(axes, htmlRadarAxis{b.indicatorName(ind), func(rr *scoring.RegionResult) float64 {
			if s := indicatorScore(rr, id); s != nil {
				return s.Normalised
			}
			return math.NaN()
		}})
	}
	return axes, true
}

// radarScale is the [lo, hi] every radar axis spans (see scale).
func (b *htmlBuilder) radarScale(axes []htmlRadarAxis) (lo, hi float64) {
	var values []float64
	for _, rr := range b.rated {
		for _, a := range axes {
			values = append(values, a.value(rr))
		}
	}
	return b.scale(values)
}

// scale is the span of an axis showing values on the normalised scale: the
// [scoring] range when every value lies in it, else the values' own span
// (from 0 when they are all positive).
func (b *htmlBuilder) scale(values []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	rg := b.def.Scoring.Range
	if rg[1] > rg[0] && (math.IsInf(lo, 1) || (lo >= rg[0] && hi <= rg[1])) {
		return rg[0], rg[1]
	}
	if math.IsInf(lo, 1) {
		return 0, 100
	}
	lo = min(lo, 0)
	if hi <= lo {
		hi = lo + 1
	}
	return lo, hi
}

func (b *htmlBuilder) radarChart(axes []htmlRadarAxis, lo, hi float64, regions []*scoring.RegionResult, single bool) (template.JS, error) {
	axisOpts := make([]*opts.Indicator, len(axes))
	for i, a := range axes {
		axisOpts[i] = &opts.Indicator{Name: a.name, Min: float32(lo), Max: float32(hi)}
	}
	rd := charts.NewRadar()
	rd.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(!single), Type: "scroll", Bottom: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: axisOpts, Shape: "polygon", SplitNumber: 5}),
	)
	for _, rr := range regions {
		vals := make([]any, len(axes))
		for i, a := range axes {
			vals[i] = b.value(a.value(rr))
		}
		var sopts []charts.SeriesOpts
		if single {
			c := htmlStarColour(rr.Stars, b.classes)
			sopts = append(sopts,
				charts.WithItemStyleOpts(opts.ItemStyle{Color: c}),
				charts.WithAreaStyleOpts(opts.AreaStyle{Color: c, Opacity: opts.Float(0.35)}))
		}
		rd.AddSeries(b.regionName(rr), []opts.RadarData{{Name: b.regionName(rr), Value: vals}}, sopts...)
	}
	return htmlOption(rd, func(m map[string]any) {
		radar, _ := m["radar"].(map[string]any)
		if radar != nil {
			if single {
				radar["radius"], radar["center"] = "55%", []any{"50%", "52%"}
			} else {
				radar["radius"], radar["center"] = "65%", []any{"50%", "48%"}
			}
			radar["axisName"] = map[string]any{"color": "#333333"}
			// Exact bounds: go-echarts leaves out a zero min and holds them as float32.
			list, _ := radar["indicator"].([]any)
			for _, x := range list {
				if ind, ok := x.(map[string]any); ok {
					ind["min"], ind["max"] = lo, hi
				}
			}
		}
	})
}

func (b *htmlBuilder) radarSection() (*htmlSection, error) {
	axes, byIndicator := b.radarAxes()
	lo, hi := b.radarScale(axes)
	s := &htmlSection{ID: "radar", Title: htmlWord(b.lang, hmSecRadar), Grid: true}
	if byIndicator {
		s.Intro = append(s.Intro, htmlWord(b.lang, hmRadarAxesInd))
	}
	for _, rr := range b.rated {
		js, err := b.radarChart(axes, lo, hi, []*scoring.RegionResult{rr}, true)
		if err != nil {
			return nil, err
		}
		caption := b.regionName(rr) + "  " + b.starGlyphs(rr.Stars)
		if f, ok := b.value(rr.Score).(float64); ok {
			caption += "  " + formatScore(f, b.dec)
		}
		// ECharts draws a missing value at the centre: say which they are.
		var missing []string
		for _, a := range axes {
			if v := a.value(rr); math.IsNaN(v) || math.IsInf(v, 0) {
				missing = append(missing, a.name)
			}
		}
		if len(missing) > 0 {
			caption += fmt.Sprintf(htmlWord(b.lang, hmRadarMissing), strings.Join(missing, htmlWord(b.lang, hmListSep)))
		}
		s.Charts = append(s.Charts, b.newChart("chart-radar-"+htmlIDPart(rr.Region.Code), caption, 300, js))
	}
	js, err := b.radarChart(axes, lo, hi, b.rated, false)
	if err != nil {
		return nil, err
	}
	s.WideTitle = htmlWord(b.lang, hmRadarAll)
	s.Wide = append(s.Wide, b.newChart("chart-radar-all", "", 480, js))
	return s, nil
}

func (b *htmlBuilder) heatmapSection() (*htmlSection, error) {
	inds := b.def.Indicators
	xs := make([]string, len(inds))
	for i, ind := range inds {
		xs[i] = b.indicatorName(ind)
	}
	ys := make([]string, len(b.r.Regions))
	var data []opts.HeatMapData
	var values []float64
	for y, rr := range b.r.Regions {
		ys[y] = b.regionName(rr)
		for x, ind := range inds {
			v := math.NaN()
			if s := indicatorScore(rr, ind.ID); s != nil {
				v = s.Normalised
			}
			values = append(values, v)
			data = append(data, opts.HeatMapData{Value: []any{x, y, b.value(v)}})
		}
	}
	lo, hi := b.scale(values)
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "24", Top: "16", Bottom: "64", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: xs}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: ys, Inverse: opts.Bool(true)}),
	)
	showLabels := len(inds)*len(ys) <= 600
	hm.AddSeries(htmlWord(b.lang, hmNormalised), data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(showLabels)}))
	js, err := htmlOption(hm, func(m map[string]any) {
		rotate := 0
		if len(inds) > 6 {
			rotate = 30
			// Rotated labels reach left of the first column.
			if grid, ok := m["grid"].([]any); ok && len(grid) > 0 {
				if g, ok := grid[0].(map[string]any); ok {
					g["left"] = 96
				}
			}
		}
		htmlAxisAt(m, "xAxis", 0)["axisLabel"] = map[string]any{"interval": 0, "rotate": rotate, "width": 160, "overflow": "truncate"}
		htmlAxisAt(m, "yAxis", 0)["axisLabel"] = map[string]any{"interval": 0}
		m["visualMap"] = map[string]any{
			"type": "continuous", "min": lo, "max": hi, "calculable": true, "dimension": 2,
			"orient": "horizontal", "left": "center", "bottom": 0, "seriesIndex": 0,
			"inRange": map[string]any{"color": []any{"#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b"}},
		}
		s := htmlSeriesAt(m, 0)
		if lbl, ok := s["label"].(map[string]any); ok {
			for k, v := range htmlLabelBorder {
				lbl[k] = v
			}
			lbl["color"] = "#222222"
			lbl["fontSize"] = 11
		}
		s["itemStyle"] = map[string]any{"borderColor": "#ffffff", "borderWidth": 1}
		s["emphasis"] = map[string]any{"itemStyle": map[string]any{"borderColor": "#333333", "borderWidth": 1}}
	})
	if err != nil {
		return nil, err
	}
	s := &htmlSection{ID: "heatmap", Title: htmlWord(b.lang, hmSecHeatmap), Intro: []string{htmlWord(b.lang, hmHeatmapIntro)}}
	extra := 60
	if len(inds) > 6 {
		extra = 170
	}
	s.Charts = append(s.Charts, b.newChart("chart-heatmap", "", max(280, 80+extra+34*len(ys)), js))
	return s, nil
}

// topDimension is the top-level dimension an indicator belongs to.
func (b *htmlBuilder) topDimension(ind *indicators.Indicator) string {
	id := ind.Dimension
	for seen := 0; seen <= len(b.def.Dimensions); seen++ {
		d, ok := b.def.Dimension(id)
		if !ok || d.Parent == "" {
			return id
		}
		id = d.Parent
	}
	return id
}

func (b *htmlBuilder) weightsSection() (*htmlSection, error) {
	type row struct {
		name, top string
		eff       float64
	}
	var rows []row
	for _, w := range b.r.Weights {
		if w.Kind != "indicator" {
			continue
		}
		name, top := w.ID, ""
		if ind, ok := b.def.Indicator(w.ID); ok {
			name, top = b.indicatorName(ind), b.topDimension(ind)
		}
		rows = append(rows, row{name, top, w.Effective})
	}
	names := make([]string, len(rows))
	for i, rw := range rows {
		names[i] = rw.name
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(b.top) > 1), Top: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "64", Top: "40", Bottom: "32", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: htmlWord(b.lang, hmWeightAxis)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	bar.SetXAxis(names)
	groups := b.top
	if len(groups) == 0 {
		groups = []*indicators.Dimension{{ID: "", Name: htmlWord(b.lang, hmWeightAxis)}}
	}
	for _, d := range groups {
		data := make([]opts.BarData, len(rows))
		for i, rw := range rows {
			if rw.top == d.ID || len(b.top) == 0 {
				data[i] = opts.BarData{Value: htmlRound(rw.eff*100, 2)}
			} else {
				data[i] = opts.BarData{Value: "-"}
			}
		}
		bar.AddSeries(dimensionName(d, b.lang), data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "weight"}), htmlBarMaxWidth("22"),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{c}%"}))
	}
	bar.XYReversal()
	js, err := htmlOption(bar, func(m map[string]any) {
		htmlAxisAt(m, "yAxis", 0)["axisLabel"] = map[string]any{"interval": 0}
		x := htmlAxisAt(m, "xAxis", 0)
		x["nameLocation"], x["nameGap"] = "middle", 28
	})
	if err != nil {
		return nil, err
	}
	s := &htmlSection{ID: "weights", Title: htmlWord(b.lang, hmSecWeights), Intro: []string{htmlWord(b.lang, hmWeightsIntro)}}
	s.Charts = append(s.Charts, b.newChart("chart-weights", "", max(240, 72+28*len(rows)), js))
	return s, nil
}

// htmlTile is what one province cell shows.
type htmlTile struct {
	tile     ProvinceTile
	province *scoring.RegionResult
	cities   []*scoring.RegionResult
}

func (b *htmlBuilder) tileCells() (cells []*htmlTile, unplaced []string) {
	byPrefix := map[string]*htmlTile{}
	for _, t := range htmlProvinceTiles {
		c := &htmlTile{tile: t}
		byPrefix[t.Prefix] = c
		cells = append(cells, c)
	}
	for _, rr := range b.r.Regions {
		p, provinceLevel, ok := htmlRegionTile(rr.Region)
		if !ok {
			unplaced = append(unplaced, fmt.Sprintf(htmlWord(b.lang, hmWithCode), b.regionName(rr), rr.Region.Code))
			continue
		}
		c := byPrefix[p]
		if provinceLevel && c.province == nil {
			c.province = rr
		} else {
			c.cities = append(c.cities, rr)
		}
	}
	return cells, unplaced
}

// stars is the rating that colours the cell (0: none).
func (c *htmlTile) stars() int {
	if c.province != nil {
		if c.province.Rated {
			return c.province.Stars
		}
		return 0
	}
	best := 0
	for _, rr := range c.cities {
		if rr.Rated && rr.Stars > best {
			best = rr.Stars
		}
	}
	return best
}

// htmlMaxTileCities is how many cities a cell names before "+N".
const htmlMaxTileCities = 2

func (b *htmlBuilder) tileLabel(c *htmlTile) string {
	lines := []string{PickName(b.lang, c.tile.Name, c.tile.NameEn)}
	rating := func(rr *scoring.RegionResult) string {
		if rr.Rated {
			return b.starGlyphs(rr.Stars)
		}
		return Message(b.lang, msgNotRated)
	}
	if c.province != nil {
		lines = append(lines, rating(c.province))
	}
	for i, rr := range c.cities {
		if i == htmlMaxTileCities {
			lines = append(lines, fmt.Sprintf("+%d", len(c.cities)-htmlMaxTileCities))
			break
		}
		lines = append(lines, oneLine(b.regionName(rr))+" "+rating(rr))
	}
	return strings.Join(lines, "\n")
}

func (b *htmlBuilder) tileSection() (*htmlSection, error) {
	cells, unplaced := b.tileCells()
	axis := make([]string, max(htmlTileRows, htmlTileCols))
	for i := range axis {
		axis[i] = strconv.Itoa(i)
	}
	data := make([]opts.HeatMapData, 0, len(cells))
	for _, c := range cells {
		data = append(data, opts.HeatMapData{Name: b.tileLabel(c), Value: []any{c.tile.Col, c.tile.Row, c.stars()}})
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "8", Bottom: "56"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: axis[:htmlTileCols], Show: htmlHiddenAxis}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: axis[:htmlTileRows], Inverse: opts.Bool(true), Show: htmlHiddenAxis}),
	)
	hm.AddSeries(htmlWord(b.lang, hmSecTiles), data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}),
		charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 4}))
	js, err := htmlOption(hm, func(m map[string]any) {
		m["visualMap"] = b.starPieces()
		m["tooltip"] = map[string]any{"show": true, "formatter": htmlFormatter(htmlFmtNameTip, "")}
		s := htmlSeriesAt(m, 0)
		if lbl, ok := s["label"].(map[string]any); ok {
			lbl["formatter"] = htmlFormatter(htmlFmtName, "")
			for k, v := range htmlLabelBorder {
				lbl[k] = v
			}
			lbl["color"] = "#111111"
			lbl["fontSize"] = 12
			lbl["lineHeight"] = 16
			lbl["overflow"] = "truncate"
		}
		s["emphasis"] = map[string]any{"itemStyle": map[string]any{"borderColor": "#333333", "borderWidth": 2}}
	})
	if err != nil {
		return nil, err
	}
	s := &htmlSection{ID: "tiles", Title: htmlWord(b.lang, hmSecTiles), Intro: []string{htmlWord(b.lang, hmTilesRule)}}
	s.Charts = append(s.Charts, b.newChart("chart-map", "", 640, js))
	if len(unplaced) > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf(htmlWord(b.lang, hmTilesUnplaced), strings.Join(unplaced, htmlWord(b.lang, hmListSep))))
	}
	return s, nil
}

// htmlGeoKeyProperty is the feature property the page adds to every feature
// of the inlined GeoJSON with the text of the matching key, so ECharts can
// match features however the key was written (string or number).
const htmlGeoKeyProperty = "govindex_key"

// htmlGeoMapName is the name the GeoJSON is registered under.
const htmlGeoMapName = "govindex-geo"

// prepareGeoJSON checks the GeoJSON, picks the property to match by (key,
// or "code" then "name"), adds htmlGeoKeyProperty to the features and returns
// the re-encoded map (with <, > and & escaped), the property used, and the
// feature key text of each matched region code.
func (b *htmlBuilder) prepareGeoJSON(raw []byte, key string) (template.JS, string, map[string]string, error) {
	v, err := htmlDecodeJSON(raw)
	if err != nil {
		return "", "", nil, fmt.Errorf("reports: the GeoJSON map is not valid JSON: %w", err)
	}
	doc, _ := v.(map[string]any)
	if doc == nil || doc["type"] != "FeatureCollection" {
		return "", "", nil, errors.New(`reports: the GeoJSON map must be a FeatureCollection (an object with "type": "FeatureCollection")`)
	}
	features, ok := doc["features"].([]any)
	if !ok {
		return "", "", nil, errors.New(`reports: the GeoJSON map has no "features" array`)
	}
	propText := func(f any, k string) (string, bool) {
		fm, _ := f.(map[string]any)
		props, _ := fm["properties"].(map[string]any)
		switch x := props[k].(type) {
		case string:
			return strings.TrimSpace(x), x != ""
		case json.Number:
			return x.String(), true
		}
		return "", false
	}
	candidates := []string{key}
	if key == "" {
		candidates = []string{"code", "name"}
	}
	var chosen string
	var matched map[string]string
	for _, k := range candidates {
		byText := map[string]string{}
		for _, f := range features {
			if s, ok := propText(f, k); ok {
				// Matched by NameKey: a feature named with a zero-width
				// space or full-width digits is still its region.
				if _, dup := byText[indicators.NameKey(s)]; !dup {
					byText[indicators.NameKey(s)] = s
				}
			}
		}
		m := map[string]string{}
		for _, rr := range b.r.Regions {
			for _, want := range []string{rr.Region.Code, rr.Region.Name, rr.Region.NameEn} {
				if s, ok := byText[indicators.NameKey(want)]; ok && want != "" {
					m[rr.Region.Code] = s
					break
				}
			}
		}
		if chosen == "" || len(m) > len(matched) {
			chosen, matched = k, m
		}
		if len(m) > 0 {
			break
		}
	}
	for _, f := range features {
		fm, _ := f.(map[string]any)
		if fm == nil {
			continue
		}
		props, _ := fm["properties"].(map[string]any)
		if props == nil {
			props = map[string]any{}
			fm["properties"] = props
		}
		if s, ok := propText(f, chosen); ok {
			props[htmlGeoKeyProperty] = s
		} else {
			delete(props, htmlGeoKeyProperty)
		}
	}
	htmlCleanJSON(doc)
	out, err := json.Marshal(doc)
	if err != nil {
		return "", "", nil, fmt.Errorf("reports: GeoJSON map: %w", err)
	}
	return template.JS(out), chosen, matched, nil
}

func (b *htmlBuilder) choroplethSection(raw []byte, key string) (*htmlSection, template.JS, error) {
	geo, used, matched, err := b.prepareGeoJSON(raw, key)
	if err != nil {
		return nil, "", err
	}
	var data []opts.MapData
	nameMap := map[string]any{}
	var missing []string
	for _, rr := range b.r.Regions {
		fk, ok := matched[rr.Region.Code]
		if !ok {
			missing = append(missing, fmt.Sprintf(htmlWord(b.lang, hmWithCode), b.regionName(rr), rr.Region.Code))
			continue
		}
		if _, dup := nameMap[fk]; dup {
			continue // two regions on one feature: the better ranked one shows
		}
		name := b.regionName(rr)
		nameMap[fk] = name
		stars := 0
		if rr.Rated {
			stars = rr.Stars
		}
		data = append(data, opts.MapData{Name: name, Value: stars})
	}
	mc := charts.NewMap()
	mc.RegisterMapType(htmlGeoMapName)
	mc.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
	)
	mc.AddSeries(htmlWord(b.lang, hmSecChoropleth), data)
	js, err := htmlOption(mc, func(m map[string]any) {
		vm := b.starPieces()
		vm["dimension"] = 0
		m["visualMap"] = vm
		s := htmlSeriesAt(m, 0)
		s["nameProperty"] = htmlGeoKeyProperty
		s["nameMap"] = nameMap
		s["roam"] = false
		s["showLegendSymbol"] = false
		s["top"], s["bottom"], s["left"], s["right"] = 16, 56, 16, 16
		s["itemStyle"] = map[string]any{"areaColor": "#f2f2f2", "borderColor": "#999999", "borderWidth": 0.6}
		s["label"] = map[string]any{"show": false}
		s["emphasis"] = map[string]any{"label": map[string]any{"show": true}, "itemStyle": map[string]any{"areaColor": "#ffe58f"}}
	})
	if err != nil {
		return nil, "", err
	}
	s := &htmlSection{ID: "choropleth", Title: htmlWord(b.lang, hmSecChoropleth),
		Intro: []string{fmt.Sprintf(htmlWord(b.lang, hmChoroplethIntro), used)}}
	s.Charts = append(s.Charts, b.newChart("chart-choropleth", "", 560, js))
	if len(missing) > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf(htmlWord(b.lang, hmChoroplethMiss), strings.Join(missing, htmlWord(b.lang, hmListSep))))
	}
	return s, geo, nil
}

// ---------------------------------------------------------------- template

var htmlTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="govindex">
<title>{{.Title}}</title>
<style>
:root { --ink: #1f2328; --muted: #5b636e; --line: #d8dee4; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--bg);
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif;
  line-height: 1.6; }
header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; padding-bottom: 8px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 8px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
.meta { color: var(--muted); margin: 0; }
.meta span + span::before { content: " · "; }
.desc { color: var(--muted); }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px; margin: 20px 0; }
.intro, .note { color: var(--muted); font-size: 14px; margin: 0 0 12px; }
.note { margin: 8px 0 0; }
figure { margin: 0; }
figcaption { font-weight: 600; font-size: 14px; text-align: center; }
.chart { width: 100%; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 10px; text-align: left; white-space: nowrap; }
th { background: var(--bg); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.stars { color: #b7791f; letter-spacing: 1px; }
.table-wrap { overflow-x: auto; }
footer { color: var(--muted); font-size: 13px; padding-bottom: 32px; }
</style>
</head>
<body>
<header>
<h1>{{.Heading}}</h1>
<p class="meta">{{range .Meta}}<span>{{.}}</span>{{end}}</p>
{{- with .Description}}
<p class="desc">{{.}}</p>
{{- end}}
</header>
<main>
{{- range .Sections}}
<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{- range .Intro}}
<p class="intro">{{.}}</p>
{{- end}}
{{- if .Grid}}
<div class="grid">
{{- range .Charts}}
<figure><figcaption>{{.Caption}}</figcaption><div class="chart" id="{{.ID}}" style="height: {{.Height}}px"></div></figure>
{{- end}}
</div>
{{- else}}
{{- range .Charts}}
<figure>{{with .Caption}}<figcaption>{{.}}</figcaption>{{end}}<div class="chart" id="{{.ID}}" style="height: {{.Height}}px"></div></figure>
{{- end}}
{{- end}}
{{- with .WideTitle}}
<h3>{{.}}</h3>
{{- end}}
{{- range .Wide}}
<figure><div class="chart" id="{{.ID}}" style="height: {{.Height}}px"></div></figure>
{{- end}}
{{- with .Table}}
{{template "table" .}}
{{- end}}
{{- range .Notes}}
<p class="note">{{.}}</p>
{{- end}}
</section>
{{- end}}
<section id="results">
<h2>{{.TableTitle}}</h2>
{{template "table" .}}
{{- range .Notes}}
<p class="note">{{.}}</p>
{{- end}}
</section>
</main>
<footer>
{{- range .Footer}}
<p>{{.}}</p>
{{- end}}
</footer>
<script>{{.ECharts}}</script>
<script>
(function () {
  "use strict";
  var charts = [];` + htmlFormattersJS + `
  function draw(id, option) {
    var chart = echarts.init(document.getElementById(id), null, {renderer: "canvas"});
    bindFormatters(option);
    chart.setOption(option);
    charts.push(chart);
  }
{{- if .GeoJSON}}
  echarts.registerMap("govindex-geo", {{.GeoJSON}});
{{- end}}
{{- range .Charts}}
  draw({{.ID}}, {{.Option}});
{{- end}}
  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
</script>
</body>
</html>
{{define "table" -}}
<div class="table-wrap">
<table>
<thead><tr>{{range .Header}}<th{{if .Num}} class="num"{{end}}>{{.Text}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td{{if .Num}} class="num"{{else if .Stars}} class="stars"{{end}}>{{.Text}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</div>
{{- end}}`))

// robustSection draws the uncertainty analysis: chart-rank-intervals and
// chart-star-probability, over the rated regions that rr has figures for,
// in the result's order.
func (b *htmlBuilder) robustSection(rr *scoring.RobustResult) (*htmlSection, error) {
	type row struct {
		name string
		reg  *scoring.RobustRegion
	}
	var rows []row
	for _, r := range b.rated {
		if g, ok := rr.Region(r.Region.Code); ok {
			rows = append(rows, row{b.regionName(r), g})
		}
	}
	n := max(len(rr.Regions), 1)
	names := make([]string, len(rows))
	for i, rw := range rows {
		names[i] = rw.name
	}

	// Rank intervals: an invisible base bar up to p05 − ½ stacked with the
	// interval bar to p95 + ½, on an inverted rank axis; median and nominal
	// as scatter marks.
	base := make([]opts.BarData, len(rows))
	span := make([]opts.BarData, len(rows))
	tips := make([]string, len(rows))
	for i, rw := range rows {
		g := rw.reg
		base[i] = opts.BarData{Value: float64(g.P05) - 0.5}
		span[i] = opts.BarData{Value: float64(g.P95-g.P05) + 1, Tooltip: &opts.Tooltip{Show: opts.Bool(true)}}
		tips[i] = fmt.Sprintf(htmlWord(b.lang, hmRobustTip), rw.name, g.P05, g.P95, g.Median, g.Nominal)
	}
	iv := charts.NewBar()
	iv.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "24", Top: "40", Bottom: "16", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: htmlWord(b.lang, hmRobustRank)}),
	)
	iv.SetXAxis(names).
		AddSeries("base", base, charts.WithBarChartOpts(opts.BarChart{Stack: "rank"})).
		AddSeries(htmlWord(b.lang, hmRobustInterval), span, charts.WithBarChartOpts(opts.BarChart{Stack: "rank"}),
			htmlBarMaxWidth("28"), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#7fa7d4"}))
	scatter := func(name, colour, symbol string, rank func(*scoring.RobustRegion) int) map[string]any {
		data := make([]any, len(rows))
		for i, rw := range rows {
			data[i] = rank(rw.reg)
		}
		return map[string]any{"type": "scatter", "name": name, "data": data, "symbol": symbol, "symbolSize": 12,
			"itemStyle": map[string]any{"color": colour}, "z": 3}
	}
	rotate := 0
	if len(rows) > 8 {
		rotate = 35
	}
	ivJS, err := htmlOption(iv, func(m map[string]any) {
		baseSeries := htmlSeriesAt(m, 0)
		baseSeries["itemStyle"] = map[string]any{"color": "transparent"}
		baseSeries["silent"] = true
		baseSeries["tooltip"] = map[string]any{"show": false}
		for i, item := range htmlSeriesData(m, 1) {
			if item != nil && i < len(tips) {
				item["tooltip"] = map[string]any{"show": true, "formatter": htmlFormatter(htmlFmtTip, tips[i])}
			}
		}
		list, _ := m["series"].([]any)
		m["series"] = append(list,
			scatter(htmlWord(b.lang, hmRobustMedian), "#1f3b73", "diamond", func(g *scoring.RobustRegion) int { return g.Median }),
			scatter(htmlWord(b.lang, hmRobustNominal), "#d9822b", "circle", func(g *scoring.RobustRegion) int { return g.Nominal }))
		m["legend"] = map[string]any{"show": true, "top": 0, "data": []any{
			htmlWord(b.lang, hmRobustInterval), htmlWord(b.lang, hmRobustMedian), htmlWord(b.lang, hmRobustNominal)}}
		htmlAxisAt(m, "xAxis", 0)["axisLabel"] = map[string]any{"interval": 0, "rotate": rotate}
		y := htmlAxisAt(m, "yAxis", 0)
		y["inverse"], y["min"], y["max"] = true, 0.5, float64(n)+0.5
		y["minInterval"] = 1
		y["axisLabel"] = map[string]any{"showMinLabel": false, "showMaxLabel": false}
	})
	if err != nil {
		return nil, err
	}

	// Star probabilities: one stacked series per rating, top rating first.
	sp := charts.NewBar()
	sp.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "24", Top: "40", Bottom: "32", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: htmlWord(b.lang, hmRobustShare)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	sp.SetXAxis(names)
	for s := b.classes; s >= 1; s-- {
		data := make([]opts.BarData, len(rows))
		for i, rw := range rows {
			v := 0.0
			if s < len(rw.reg.StarShares) {
				v = rw.reg.StarShares[s]
			}
			data[i] = opts.BarData{Value: htmlRound(v*100, 1)}
		}
		sp.AddSeries(b.starGlyphs(s), data, charts.WithBarChartOpts(opts.BarChart{Stack: "stars"}),
			htmlBarMaxWidth("24"), charts.WithItemStyleOpts(opts.ItemStyle{Color: htmlStarColour(s, b.classes)}))
	}
	sp.XYReversal()
	spJS, err := htmlOption(sp, func(m map[string]any) {
		htmlAxisAt(m, "yAxis", 0)["axisLabel"] = map[string]any{"interval": 0}
		x := htmlAxisAt(m, "xAxis", 0)
		x["min"], x["max"] = 0, 100
		x["nameLocation"], x["nameGap"] = "middle", 28
	})
	if err != nil {
		return nil, err
	}
	samples := rr.Config.Samples - rr.Failed
	s := &htmlSection{ID: "robust", Title: htmlWord(b.lang, hmSecRobust),
		Intro: []string{fmt.Sprintf(htmlWord(b.lang, hmRobustIntro), samples)}}
	s.Charts = append(s.Charts,
		b.newChart("chart-rank-intervals", "", max(280, 120+12*len(rows)), ivJS),
		b.newChart("chart-star-probability", "", max(200, 72+30*len(rows)), spJS))
	if len(rows) == 0 {
		s.Notes = append(s.Notes, htmlWord(b.lang, hmNoRated))
	}
	return s, nil
}
