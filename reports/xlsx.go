package reports

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// XLSXTime is the creation and modification time written into every
// workbook's document properties, so that the same result gives the same
// bytes (1980-01-01, the earliest date a zip file can hold).
const XLSXTime = "1980-01-01T00:00:00Z"

// Message keys of the workbook.
const (
	xlResults    = "sheet_results"
	xlDimensions = "sheet_dimensions"
	xlIndicators = "sheet_indicators"
	xlWeights    = "sheet_weights"
	xlRank       = "rank"
	xlCode       = "code"
	xlName       = "name"
	xlScore      = "score"
	xlStars      = "stars"
	xlClass      = "class"
	xlCoverage   = "coverage"
	xlReason     = "reason"
	xlDimID      = "dimension_id"
	xlDim        = "dimension"
	xlIndID      = "indicator_id"
	xlInd        = "indicator"
	xlUnit       = "unit"
	xlRaw        = "raw"
	xlValue      = "value"
	xlNorm       = "normalised"
	xlImputed    = "imputed"
	xlSource     = "source"
	xlID         = "id"
	xlParent     = "parent"
	xlKind       = "kind"
	xlWeight     = "weight"
	xlEffective  = "effective"
	xlKindDim    = "kind_dimension"
	xlKindInd    = "kind_indicator"
	xlYears      = "sheet_years"
	xlYear       = "year"
	xlChScore    = "change_score"
	xlChRank     = "change_rank"
	xlChStars    = "change_stars"
)

var xlsxWords = map[string]map[string]string{
	"zh": {
		xlResults: "结果", xlDimensions: "维度", xlIndicators: "指标", xlWeights: "权重",
		xlRank: "排名", xlCode: "代码", xlName: "地区", xlScore: "得分", xlStars: "星级",
		xlClass: "等级", xlCoverage: "数据覆盖率", xlReason: "未评级原因",
		xlDimID: "维度代码", xlDim: "维度", xlIndID: "指标代码", xlInd: "指标", xlUnit: "单位",
		xlRaw: "原始值", xlValue: "处理后数值", xlNorm: "标准化值", xlImputed: "是否插补", xlSource: "数据来源",
		xlID: "代码", xlParent: "上级维度", xlKind: "类型", xlWeight: "权重", xlEffective: "有效权重",
		xlKindDim: "维度", xlKindInd: "指标",
		xlYears: "历年", xlYear: "年份", xlChScore: "较上年得分变化", xlChRank: "名次变化（正为上升）", xlChStars: "星级变化",
	},
	"en": {
		xlResults: "Results", xlDimensions: "Dimensions", xlIndicators: "Indicators", xlWeights: "Weights",
		xlRank: "Rank", xlCode: "Code", xlName: "Region", xlScore: "Score", xlStars: "Stars",
		xlClass: "Class", xlCoverage: "Coverage", xlReason: "Why not rated",
		xlDimID: "Dimension id", xlDim: "Dimension", xlIndID: "Indicator id", xlInd: "Indicator", xlUnit: "Unit",
		xlRaw: "Raw", xlValue: "Value", xlNorm: "Normalised", xlImputed: "Imputed", xlSource: "Source",
		xlID: "Id", xlParent: "Parent", xlKind: "Kind", xlWeight: "Weight", xlEffective: "Effective weight",
		xlKindDim: "dimension", xlKindInd: "indicator",
		xlYears: "Years", xlYear: "Year", xlChScore: "Score change", xlChRank: "Rank change (up +)", xlChStars: "Star change",
	},
}

func xlWord(lang, key string) string { return xlsxWords[normLang(lang)][key] }

// XLSXSheets returns the names of the workbook's sheets in lang: results,
// dimensions, indicators and weights.
func XLSXSheets(lang string) []string {
	return []string{xlWord(lang, xlResults), xlWord(lang, xlDimensions), xlWord(lang, xlIndicators), xlWord(lang, xlWeights)}
}

// WriteXLSX writes an Excel workbook of r with four sheets (named and
// headed in o.Lang, Chinese by default): results (rank, code, name, score,
// stars, class when labels are set, coverage, why not rated), dimensions
// (a row per region and dimension: score, rank, stars, class), indicators
// (a row per region and indicator: raw, value, normalised, imputed,
// source) and weights (id, name, parent, kind, weight, effective weight).
// A result that is part of a multi-year series adds a fifth sheet, years (历年):
// a row per region and rated year up to r's, with the score, rank and stars
// and the change since the previous rated year (score, rank — positive
// when the region moved up — and stars; empty where it has none).
//
// Numbers are number cells (shown with the [scoring] round decimals, the
// coverage as a percentage, but stored in full); a missing value is an
// empty cell; imputed is a TRUE/FALSE cell. Text cells are always strings,
// never formulas, and like WriteCSV's a text that starts with =, +, -, @,
// a tab or a carriage return and is not a plain number gets a leading
// single quote, so that it stays text when a cell is copied, re-entered or
// the sheet is saved as CSV. The output is deterministic: document
// properties carry XLSXTime and the package has no other timestamp.
func WriteXLSX(w io.Writer, r *scoring.Result, o Options) error {
	return WriteXLSXWith(w, r, XLSXOptions{Options: o})
}

// XLSXOptions are WriteXLSXWith's options.
type XLSXOptions struct {
	Options
	// Robust is the uncertainty analysis of the same result (nil: none);
	// with it the workbook gains the robustness sheet and, when it has
	// Sobol indices, the sensitivity sheet (see xlsx_robust.go).
	Robust *scoring.RobustResult
}

// WriteXLSXWith is WriteXLSX with the uncertainty analysis when o.Robust
// is set.
func WriteXLSXWith(w io.Writer, r *scoring.Result, o XLSXOptions) error {
	if err := check(r); err != nil {
		return err
	}
	x := &xlsxBuilder{f: excelize.NewFile(), lang: o.lang(), def: r.Def}
	defer x.f.Close()
	x.styles()
	sheets := XLSXSheets(x.lang)
	x.try(x.f.SetSheetName("Sheet1", sheets[0]))
	for _, s := range sheets[1:] {
		_, err := x.f.NewSheet(s)
		x.try(err)
	}
	x.results(sheets[0], r)
	x.dimensions(sheets[1], r)
	x.indicators(sheets[2], r)
	x.weights(sheets[3], r)
	if r.Series != nil {
		name := xlWord(x.lang, xlYears)
		_, err := x.f.NewSheet(name)
		x.try(err)
		x.years(name, r)
	}
	if o.Robust != nil {
		x.robust(r, o.Robust)
	}
	x.f.SetActiveSheet(0)
	x.try(x.f.SetDocProps(&excelize.DocProperties{
		Title:          title(r, x.lang),
		Creator:        o.engine(),
		LastModifiedBy: o.engine(),
		Created:        XLSXTime,
		Modified:       XLSXTime,
		Language:       map[string]string{"zh": "zh-CN", "en": "en"}[x.lang],
	}))
	if x.err != nil {
		return fmt.Errorf("reports: building the workbook: %w", x.err)
	}
	_, err := x.f.WriteTo(w)
	return err
}

// xlsxBuilder fills a workbook, keeping the first error.
type xlsxBuilder struct {
	f    *excelize.File
	lang string
	def  *indicators.Definition
	err  error

	header, score, share, weight int // style ids
}

func (x *xlsxBuilder) try(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func (x *xlsxBuilder) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.try(err)
	return id
}

func (x *xlsxBuilder) styles() {
	x.header = x.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	dec := decimals(x.def)
	scoreFmt := "0"
	if dec > 0 {
		scoreFmt += "." + strings.Repeat("0", dec)
	}
	x.score = x.style(&excelize.Style{CustomNumFmt: &scoreFmt})
	shareFmt := "0.0%"
	x.share = x.style(&excelize.Style{CustomNumFmt: &shareFmt})
	weightFmt := "0.0000"
	x.weight = x.style(&excelize.Style{CustomNumFmt: &weightFmt})
}

// column is one column of a sheet: its header, width and number style.
type xlColumn struct {
	header string
	width  float64
	style  int // 0: none
}

// cell values: nil is an empty cell; strings are text; float64 (NaN and
// ±Inf empty), int and bool are numbers and booleans.
type xlRow []any

// sheet writes a header and rows to the named sheet.
func (x *xlsxBuilder) sheet(name string, cols []xlColumn, rows []xlRow) {
	f := x.f
	for i, c := range cols {
		ref := xlCellRef(i, 1)
		x.try(f.SetCellStr(name, ref, text(c.header)))
		col := strings.TrimRight(ref, "0123456789")
		x.try(f.SetColWidth(name, col, col, c.width))
	}
	if len(cols) > 0 {
		x.try(f.SetCellStyle(name, xlCellRef(0, 1), xlCellRef(len(cols)-1, 1), x.header))
	}
	for ri, rw := range rows {
		for ci, v := range rw {
			ref := xlCellRef(ci, ri+2)
			switch v := v.(type) {
			case nil:
				continue
			case string:
				if v == "" {
					continue
				}
				x.try(f.SetCellStr(name, ref, text(v)))
			case float64:
				if math.IsNaN(v) || math.IsInf(v, 0) {
					continue
				}
				if v == 0 {
					v = 0 // no -0
				}
				x.try(f.SetCellFloat(name, ref, v, -1, 64))
			case int:
				x.try(f.SetCellInt(name, ref, int64(v)))
			case bool:
				x.try(f.SetCellBool(name, ref, v))
			default:
				x.try(fmt.Errorf("cell %s: unexpected %T", ref, v))
			}
		}
	}
	for ci, c := range cols {
		if c.style != 0 && len(rows) > 0 {
			x.try(f.SetCellStyle(name, xlCellRef(ci, 2), xlCellRef(ci, len(rows)+1), c.style))
		}
	}
	x.try(f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	if len(cols) > 0 {
		all := xlCellRef(0, 1) + ":" + xlCellRef(len(cols)-1, len(rows)+1)
		x.try(f.AutoFilter(name, all, nil))
		// excelize leaves the dimension at A1; readers that trust it (a
		// streaming reader, say) would see a single cell.
		x.try(f.SetSheetDimension(name, all))
	}
}

func xlCellRef(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		panic(err) // col and row are always ≥ 1 here
	}
	return ref
}

// xlPosInt is n, or an empty cell when n is 0 or less (no rank, no stars).
func xlPosInt(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}

func (x *xlsxBuilder) results(name string, r *scoring.Result) {
	l, labels := x.lang, hasLabels(x.def)
	cols := []xlColumn{
		{xlWord(l, xlRank), 8, 0},
		{xlWord(l, xlCode), 12, 0},
		{xlWord(l, xlName), 18, 0},
		{xlWord(l, xlScore), 10, x.score},
		{xlWord(l, xlStars), 8, 0},
	}
	if labels {
		cols = append(cols, xlColumn{xlWord(l, xlClass), 12, 0})
	}
	cols = append(cols, xlColumn{xlWord(l, xlCoverage), 12, x.share}, xlColumn{xlWord(l, xlReason), 40, 0})
	var rows []xlRow
	for _, rr := range r.Regions {
		rw := xlRow{nil, rr.Region.Code, regionName(rr.Region, l), nil, nil}
		if rr.Rated {
			rw[0], rw[3], rw[4] = xlPosInt(rr.Rank), rr.Score, xlPosInt(rr.Stars)
		}
		if labels {
			class := ""
			if rr.Rated {
				class = classLabel(x.def, rr.Class, rr.Stars)
			}
			rw = append(rw, class)
		}
		reason := ""
		if !rr.Rated {
			reason = rr.Reason
		}
		rw = append(rw, rr.Coverage, reason)
		rows = append(rows, rw)
	}
	x.sheet(name, cols, rows)
}

func (x *xlsxBuilder) dimensions(name string, r *scoring.Result) {
	l, labels := x.lang, hasLabels(x.def)
	cols := []xlColumn{
		{xlWord(l, xlCode), 12, 0},
		{xlWord(l, xlName), 18, 0},
		{xlWord(l, xlDimID), 16, 0},
		{xlWord(l, xlDim), 24, 0},
		{xlWord(l, xlScore), 10, x.score},
		{xlWord(l, xlRank), 8, 0},
		{xlWord(l, xlStars), 8, 0},
	}
	if labels {
		cols = append(cols, xlColumn{xlWord(l, xlClass), 12, 0})
	}
	var rows []xlRow
	for _, rr := range r.Regions {
		for _, d := range x.def.Dimensions {
			rw := xlRow{rr.Region.Code, regionName(rr.Region, l), d.ID, dimensionName(d, l), nil, nil, nil}
			n := nodeScore(rr, d.ID)
			if n != nil && !n.Missing {
				rw[4], rw[5], rw[6] = n.Score, xlPosInt(n.Rank), xlPosInt(n.Stars)
			}
			if labels {
				class := ""
				if n != nil && !n.Missing {
					class = classLabel(x.def, n.Class, n.Stars)
				}
				rw = append(rw, class)
			}
			rows = append(rows, rw)
		}
	}
	x.sheet(name, cols, rows)
}

func (x *xlsxBuilder) indicators(name string, r *scoring.Result) {
	l := x.lang
	cols := []xlColumn{
		{xlWord(l, xlCode), 12, 0},
		{xlWord(l, xlName), 18, 0},
		{xlWord(l, xlIndID), 20, 0},
		{xlWord(l, xlInd), 28, 0},
		{xlWord(l, xlUnit), 8, 0},
		{xlWord(l, xlRaw), 12, 0},
		{xlWord(l, xlValue), 12, 0},
		{xlWord(l, xlNorm), 12, x.score},
		{xlWord(l, xlImputed), 10, 0},
		{xlWord(l, xlSource), 24, 0},
	}
	var rows []xlRow
	for _, rr := range r.Regions {
		for _, ind := range x.def.Indicators {
			rw := xlRow{rr.Region.Code, regionName(rr.Region, l), ind.ID, xlIndicatorName(ind, l), UnitLabel(l, ind),
				nil, nil, nil, nil, nil}
			if s := indicatorScore(rr, ind.ID); s != nil {
				rw[5], rw[6], rw[7], rw[8], rw[9] = s.Raw, s.Value, s.Normalised, s.Imputed, s.Source
			}
			rows = append(rows, rw)
		}
	}
	x.sheet(name, cols, rows)
}

func (x *xlsxBuilder) weights(name string, r *scoring.Result) {
	l := x.lang
	cols := []xlColumn{
		{xlWord(l, xlID), 20, 0},
		{xlWord(l, xlName), 28, 0},
		{xlWord(l, xlParent), 16, 0},
		{xlWord(l, xlKind), 10, 0},
		{xlWord(l, xlWeight), 10, x.weight},
		{xlWord(l, xlEffective), 12, x.weight},
	}
	cols[1].header = map[string]string{"zh": "名称", "en": "Name"}[l]
	var rows []xlRow
	for _, w := range r.Weights {
		nm, kind := w.ID, w.Kind
		switch w.Kind {
		case "dimension":
			kind = xlWord(l, xlKindDim)
			if d, ok := x.def.Dimension(w.ID); ok {
				nm = dimensionName(d, l)
			}
		case "indicator":
			kind = xlWord(l, xlKindInd)
			if ind, ok := x.def.Indicator(w.ID); ok {
				nm = xlIndicatorName(ind, l)
			}
		}
		rows = append(rows, xlRow{w.ID, nm, w.Parent, kind, w.Weight, w.Effective})
	}
	x.sheet(name, cols, rows)
}

// xlIndicatorName is the indicator's name in lang, its id when it has none.
func xlIndicatorName(ind *indicators.Indicator, lang string) string {
	if n := PickName(lang, ind.Name, ind.NameEn); n != "" {
		return n
	}
	if ind.NameEn != "" {
		return ind.NameEn
	}
	return ind.ID
}

// years is the sheet of a multi-year result: each region's rating in each
// rated year up to r's, with its change since the previous one.
func (x *xlsxBuilder) years(name string, r *scoring.Result) {
	l := x.lang
	cols := []xlColumn{
		{xlWord(l, xlCode), 12, 0},
		{xlWord(l, xlName), 18, 0},
		{xlWord(l, xlYear), 8, 0},
		{xlWord(l, xlScore), 10, x.score},
		{xlWord(l, xlRank), 8, 0},
		{xlWord(l, xlStars), 8, 0},
		{xlWord(l, xlChScore), 14, x.score},
		{xlWord(l, xlChRank), 14, 0},
		{xlWord(l, xlChStars), 10, 0},
	}
	var rows []xlRow
	for _, rr := range r.Regions {
		for i, y := range r.Series.Years {
			if y > r.Year {
				break
			}
			res := r.Series.Results[i]
			rw := xlRow{rr.Region.Code, regionName(rr.Region, l), y, nil, nil, nil, nil, nil, nil}
			if now := res.Region(rr.Region.Code); now != nil && now.Rated {
				rw[3], rw[4], rw[5] = now.Score, xlPosInt(now.Rank), xlPosInt(now.Stars)
				if c, ok := res.Change(rr.Region.Code); ok {
					rw[6], rw[7], rw[8] = roundLikeScores(x.def, c.Score), c.Rank, c.Stars
				}
			}
			rows = append(rows, rw)
		}
	}
	x.sheet(name, cols, rows)
}
