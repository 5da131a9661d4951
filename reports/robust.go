package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/govindex/govindex/scoring"
)

// The uncertainty analysis (`govindex robust`): the rate result with each
// rated region's rank interval and star probabilities, and the Sobol
// sensitivity indices, as a terminal table, Markdown, CSV or JSON.

var errNoRobust = errors.New("reports: no uncertainty analysis to render (nil RobustResult)")

// RobustFormats lists the format names WriteRobust accepts.
func RobustFormats() []string { return []string{"table", "csv", "json", "md", "xlsx"} }

// WriteRobust renders the uncertainty analysis rr of the result r (normally
// rr.Nominal) in the named format:
//
//   - json: the JSON results of r (JSONResult) with, per rated region,
//     "robust": {"nominal", "median", "p05", "p95", "stars": {"5": 0.87,
//     "4": 0.13}} (star classes as strings, shares of the samples that did
//     not fail, only classes with a share, highest class first) and at the
//     top level "samples", "failed_samples", "mean_abs_rank_shift",
//     "uncertainty" (the settings used) and, when sensitivity was asked
//     for, "sensitivity": [{"input", "si", "sti", "si_ci", "sti_ci"}];
//   - table and md: the ranking with each region's stars, median rank, 5–95%
//     rank interval and star confidence (the share of samples at its
//     nominal rating), then the sensitivity indices;
//   - csv: one row per region with those columns and the share at each
//     rating;
//   - xlsx: the workbook of r (WriteXLSX) with the robustness and, when
//     there are Sobol indices, sensitivity sheets.
func WriteRobust(w io.Writer, format string, r *scoring.Result, rr *scoring.RobustResult, o Options) error {
	if err := check(r); err != nil {
		return err
	}
	if rr == nil {
		return errNoRobust
	}
	switch format {
	case "json":
		return EncodeJSON(w, JSONRobustResult(r, rr, o))
	case "table":
		return writeRobustText(w, r, rr, o, false)
	case "md":
		return writeRobustText(w, r, rr, o, true)
	case "csv":
		return writeRobustCSV(w, r, rr, o)
	case "xlsx":
		return WriteXLSXWith(w, r, XLSXOptions{Options: o, Robust: rr})
	}
	return fmt.Errorf("reports: unknown format %q (want one of %s)", format, strings.Join(RobustFormats(), ", "))
}

// ---------------------------------------------------------------------------
// JSON

// JSONRobust is the JSON results document with the uncertainty analysis.
type JSONRobust struct {
	Index      JSONIndex          `json:"index"`
	Method     JSONMethod         `json:"method"`
	Years      *JSONYears         `json:"years,omitempty"`
	Regions    []JSONRobustRegion `json:"regions"`
	Weights    []JSONWeight       `json:"weights"`
	Treatments []JSONTreatment    `json:"treatments,omitempty"`
	Caps       []JSONCap          `json:"caps,omitempty"`
	// Samples is the number of Monte Carlo samples, FailedSamples those a
	// method could not be applied in (left out of every figure).
	Samples          int             `json:"samples"`
	FailedSamples    int             `json:"failed_samples"`
	MeanAbsRankShift JSONFloat       `json:"mean_abs_rank_shift"`
	Uncertainty      JSONUncertainty `json:"uncertainty"`
	// Sensitivity is present when it was asked for (an empty list when no
	// input varies).
	Sensitivity *[]JSONSensitivity `json:"sensitivity,omitempty"`
}

// JSONRobustRegion is a region of the JSON results with its rank
// distribution (rated regions only).
type JSONRobustRegion struct {
	JSONRegion
	Robust *JSONRobustRanks `json:"robust,omitempty"`
}

// JSONRobustRanks is one region's rank distribution over the samples.
type JSONRobustRanks struct {
	Nominal int            `json:"nominal"`
	Median  int            `json:"median"`
	P05     int            `json:"p05"`
	P95     int            `json:"p95"`
	Stars   JSONStarShares `json:"stars"`
}

// JSONStarShares is the share of samples at each star rating; it encodes as
// an object keyed by the rating, highest first, leaving out ratings no
// sample gave.
type JSONStarShares []float64

// MarshalJSON implements json.Marshaler.
func (s JSONStarShares) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	for c := len(s) - 1; c >= 1; c-- {
		if !(s[c] > 0) {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		v, err := json.Marshal(s[c])
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "%q:%s", strconv.Itoa(c), v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// JSONUncertainty is the settings of the analysis (extension).
type JSONUncertainty struct {
	Seed         int64     `json:"seed"`
	WeightsNoise JSONFloat `json:"weights_noise"`
	Normalise    []string  `json:"normalise"`
	Aggregate    []string  `json:"aggregate"`
	Impute       []string  `json:"impute"`
	Exclude      JSONFloat `json:"exclude"`
}

// JSONSensitivity is one input group's Sobol indices with their bootstrap
// 95% confidence intervals.
type JSONSensitivity struct {
	Input string       `json:"input"`
	Si    JSONFloat    `json:"si"`
	STi   JSONFloat    `json:"sti"`
	SiCI  [2]JSONFloat `json:"si_ci"`
	STiCI [2]JSONFloat `json:"sti_ci"`
}

// JSONRobustResult builds the JSON document of the analysis rr of r.
func JSONRobustResult(r *scoring.Result, rr *scoring.RobustResult, o Options) *JSONRobust {
	base := JSONResult(r, o)
	if base == nil || rr == nil {
		return nil
	}
	cfg := rr.Config
	doc := &JSONRobust{
		Index: base.Index, Method: base.Method, Years: base.Years, Weights: base.Weights, Treatments: base.Treatments, Caps: base.Caps,
		Regions:          make([]JSONRobustRegion, len(base.Regions)),
		Samples:          cfg.Samples,
		FailedSamples:    rr.Failed,
		MeanAbsRankShift: JSONFloat(rr.MeanAbsRankShift),
		Uncertainty: JSONUncertainty{Seed: cfg.Seed, WeightsNoise: JSONFloat(cfg.Noise), Normalise: cfg.Normalise,
			Aggregate: cfg.Aggregate, Impute: cfg.Impute, Exclude: JSONFloat(cfg.Exclude)},
	}
	for i, reg := range base.Regions {
		doc.Regions[i].JSONRegion = reg
		if reg.Rank == nil {
			continue
		}
		if x, ok := rr.Region(reg.Code); ok {
			doc.Regions[i].Robust = &JSONRobustRanks{Nominal: x.Nominal, Median: x.Median, P05: x.P05, P95: x.P95,
				Stars: JSONStarShares(x.StarShares)}
		}
	}
	if rr.Sensitivity != nil {
		list := make([]JSONSensitivity, 0, len(rr.Sensitivity))
		for _, s := range rr.Sensitivity {
			list = append(list, JSONSensitivity{Input: s.Input, Si: JSONFloat(s.Si), STi: JSONFloat(s.STi),
				SiCI:  [2]JSONFloat{JSONFloat(s.SiCI[0]), JSONFloat(s.SiCI[1])},
				STiCI: [2]JSONFloat{JSONFloat(s.STiCI[0]), JSONFloat(s.STiCI[1])}})
		}
		doc.Sensitivity = &list
	}
	return doc
}

// ---------------------------------------------------------------------------
// Words

const (
	rbTitle       = "title"
	rbMedian      = "median"
	rbInterval    = "interval"
	rbConfidence  = "confidence"
	rbSummary     = "summary"
	rbNoise       = "noise"
	rbShift       = "shift"
	rbFailed      = "failed"
	rbSensitivity = "sensitivity"
	rbInput       = "input"
	rbSi          = "si"
	rbSTi         = "sti"
	rbCI          = "ci"
	rbDesign      = "design"
	rbDropped     = "dropped"
	rbNoInput     = "no_input"
	rbNominalNote = "nominal_note"
)

var rbWords = map[string]map[string]string{
	"zh": {
		rbTitle:       "稳健性分析",
		rbMedian:      "中位排名",
		rbInterval:    "5%–95% 排名区间",
		rbConfidence:  "星级稳定度",
		rbSummary:     "蒙特卡洛样本 %d 个，随机种子 %d；权重扰动 %s；标准化：%s；合成：%s；插补：%s；指标剔除概率 %s",
		rbNoise:       "±%s%%",
		rbShift:       "平均绝对排名变动：%s 位",
		rbFailed:      "注：%d 个样本因所抽方法不适用于数据而失败（例如几何平均遇到非正值），未计入结果",
		rbSensitivity: "敏感性分析（Sobol 指数，输出为平均绝对排名变动）",
		rbInput:       "不确定输入",
		rbSi:          "一阶指数 Si",
		rbSTi:         "总效应指数 STi",
		rbCI:          "95% 置信区间",
		rbDesign:      "Saltelli 抽样：%d 组基础样本，共 %d 次运行；Si 用 Saltelli (2010) 估计量，STi 用 Jansen 估计量，区间为 %d 次自助重抽样的百分位区间",
		rbDropped:     "注：%d 组基础样本含失败运行，已剔除",
		rbNoInput:     "没有变动的输入，无敏感性指数可算",
		rbNominalNote: "排名与星级为名义结果；星级稳定度为评出名义星级的样本占比",
		"weights":     "权重",
		"normalise":   "标准化方法",
		"aggregate":   "合成方法",
		"impute":      "缺失值插补",
		"exclude":     "指标剔除",
	},
	"en": {
		rbTitle:       "robustness",
		rbMedian:      "Median rank",
		rbInterval:    "5–95% rank interval",
		rbConfidence:  "Star confidence",
		rbSummary:     "%d Monte Carlo samples, seed %d; weights %s; normalisation: %s; aggregation: %s; imputation: %s; exclusion probability %s",
		rbNoise:       "±%s%%",
		rbShift:       "Mean absolute rank shift: %s places",
		rbFailed:      "Note: %d samples failed because a drawn method does not apply to the data (the first: %s); they are left out",
		rbSensitivity: "Sensitivity (Sobol indices of the mean absolute rank shift)",
		rbInput:       "Uncertain input",
		rbSi:          "First order Si",
		rbSTi:         "Total STi",
		rbCI:          "95% CI",
		rbDesign:      "Saltelli design: %d base rows, %d runs; Si by the Saltelli (2010) estimator, STi by Jansen's, intervals from %d bootstrap resamples (percentile)",
		rbDropped:     "Note: %d base rows with a failed run were left out",
		rbNoInput:     "No input varies: there are no sensitivity indices",
		rbNominalNote: "Rank and stars are the nominal results; star confidence is the share of samples giving the nominal rating",
		"weights":     "weights",
		"normalise":   "normalisation",
		"aggregate":   "aggregation",
		"impute":      "imputation",
		"exclude":     "indicator exclusion",
	},
}

func rbWord(lang, key string) string {
	if s, ok := rbWords[normLang(lang)][key]; ok {
		return s
	}
	return key
}

// rbPercent prints a share as a percentage with at most one decimal.
func rbPercent(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	s := strconv.FormatFloat(math.Round(x*1000)/10, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0") + "%"
}

// rbIndex prints a sensitivity index with 3 decimals ("" when undefined).
func rbIndex(x float64) string { return formatScore(x, 3) }

func rbCIText(ci [2]float64) string {
	if math.IsNaN(ci[0]) || math.IsNaN(ci[1]) {
		return ""
	}
	return "[" + rbIndex(ci[0]) + ", " + rbIndex(ci[1]) + "]"
}

// rbSummaryLine describes the settings of the analysis.
func rbSummaryLine(rr *scoring.RobustResult, lang string) string {
	c := rr.Config
	noise := fmt.Sprintf(rbWord(lang, rbNoise), strconv.FormatFloat(c.Noise*100, 'f', -1, 64))
	names := func(kind string, list []string) string {
		out := make([]string, len(list))
		for i, n := range list {
			out[i] = methodName(lang, kind, n)
		}
		return strings.Join(out, "/")
	}
	return fmt.Sprintf(rbWord(lang, rbSummary), c.Samples, c.Seed, noise,
		names("normalise", c.Normalise), names("aggregate", c.Aggregate), names("impute", c.Impute),
		strconv.FormatFloat(c.Exclude, 'f', -1, 64))
}

// rbRows is the ranking table: header, rows, alignment, notes.
func rbRows(r *scoring.Result, rr *scoring.RobustResult, lang string) (grid [][]string, right []bool, notes []string) {
	classes := r.Def.Stars.NumClasses()
	dash := Message(lang, msgMissingCell)
	grid = append(grid, []string{Message(lang, msgRank), Message(lang, msgRegion), Message(lang, msgStars),
		rbWord(lang, rbMedian), rbWord(lang, rbInterval), rbWord(lang, rbConfidence)})
	right = []bool{true, false, false, true, true, true}
	for _, reg := range r.Regions {
		name := regionName(reg.Region, lang)
		x, ok := rr.Region(reg.Region.Code)
		if !reg.Rated || !ok {
			grid = append(grid, []string{dash, name, StarGlyphs(0, classes), dash, dash, dash})
			if !reg.Rated {
				notes = append(notes, notRatedNote(reg, r.Def.Scoring.MinCoverage, lang))
			}
			continue
		}
		grid = append(grid, []string{strconv.Itoa(reg.Rank), name, StarGlyphs(reg.Stars, classes),
			strconv.Itoa(x.Median), strconv.Itoa(x.P05) + "–" + strconv.Itoa(x.P95), rbPercent(x.StarConfidence())})
	}
	return grid, right, notes
}

// rbSensitivityRows is the sensitivity table (nil when there is none).
func rbSensitivityRows(rr *scoring.RobustResult, lang string) [][]string {
	if len(rr.Sensitivity) == 0 {
		return nil
	}
	grid := [][]string{{rbWord(lang, rbInput), rbWord(lang, rbSi), rbWord(lang, rbCI), rbWord(lang, rbSTi), rbWord(lang, rbCI)}}
	for _, s := range rr.Sensitivity {
		grid = append(grid, []string{rbWord(lang, s.Input), rbIndex(s.Si), rbCIText(s.SiCI), rbIndex(s.STi), rbCIText(s.STiCI)})
	}
	return grid
}

// rbSensitivityNotes are the lines under the sensitivity table.
func rbSensitivityNotes(rr *scoring.RobustResult, lang string) []string {
	if rr.Sensitivity == nil {
		return nil
	}
	if len(rr.Sensitivity) == 0 {
		return []string{rbWord(lang, rbNoInput)}
	}
	notes := []string{fmt.Sprintf(rbWord(lang, rbDesign), rr.Config.Samples, rr.SensitivityRuns, rr.SensitivityBootstrap)}
	if rr.SensitivityDropped > 0 {
		notes = append(notes, fmt.Sprintf(rbWord(lang, rbDropped), rr.SensitivityDropped))
	}
	return notes
}

// rbFailedNote says how many samples failed ("" when none).
func rbFailedNote(rr *scoring.RobustResult, lang string) string {
	if rr.Failed == 0 {
		return ""
	}
	if normLang(lang) == "en" {
		return fmt.Sprintf(rbWord(lang, rbFailed), rr.Failed, rr.FailReason)
	}
	return fmt.Sprintf(rbWord(lang, rbFailed), rr.Failed)
}

// ---------------------------------------------------------------------------
// Table and Markdown

func writeRobustText(w io.Writer, r *scoring.Result, rr *scoring.RobustResult, o Options, md bool) error {
	lang := o.lang()
	var b strings.Builder
	heading := title(r, lang) + Message(lang, msgTitleSep) + rbWord(lang, rbTitle)
	para := func(s string) {
		if md {
			s = EscapeMarkdown(s)
		} else {
			s = oneLine(s)
		}
		b.WriteString(s)
		b.WriteString("\n")
	}
	grid := func(g [][]string, right []bool) {
		if md {
			rbMarkdownGrid(&b, g, right)
		} else {
			rbTextGrid(&b, g, right)
		}
	}
	if md {
		b.WriteString("## " + EscapeMarkdown(heading) + "\n\n")
	} else {
		b.WriteString(oneLine(heading) + "\n\n")
	}
	para(rbSummaryLine(rr, lang))
	b.WriteString("\n")
	rows, right, notes := rbRows(r, rr, lang)
	grid(rows, right)
	b.WriteString("\n")
	para(fmt.Sprintf(rbWord(lang, rbShift), strconv.FormatFloat(rr.MeanAbsRankShift, 'f', 2, 64)))
	para(rbWord(lang, rbNominalNote))
	if n := rbFailedNote(rr, lang); n != "" {
		para(n)
	}
	for _, n := range append(notes, capNotes(r, lang)...) {
		para(n)
	}
	if c := comparabilityText(r, lang); c != "" {
		para(c)
	}
	if rr.Sensitivity != nil {
		b.WriteString("\n")
		if md {
			b.WriteString("### " + EscapeMarkdown(rbWord(lang, rbSensitivity)) + "\n\n")
		} else {
			b.WriteString(oneLine(rbWord(lang, rbSensitivity)) + "\n\n")
		}
		if g := rbSensitivityRows(rr, lang); g != nil {
			grid(g, []bool{false, true, true, true, true})
			b.WriteString("\n")
		}
		for _, n := range rbSensitivityNotes(rr, lang) {
			para(n)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// rbTextGrid writes rows aligned by display width as WriteTable does: a
// header, a rule of dashes, the rows.
func rbTextGrid(b *strings.Builder, grid [][]string, right []bool) {
	widths := make([]int, len(right))
	for _, line := range grid {
		for i, c := range line {
			line[i] = oneLine(c)
			widths[i] = max(widths[i], width.StringWidth(line[i]))
		}
	}
	writeLine := func(line []string) { b.WriteString(alignedLine(line, widths, right)) }
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}
	writeLine(grid[0])
	writeLine(rule)
	for _, line := range grid[1:] {
		writeLine(line)
	}
}

// rbMarkdownGrid writes rows as a GitHub-flavoured Markdown table.
func rbMarkdownGrid(b *strings.Builder, grid [][]string, right []bool) {
	writeMarkdownTable(b, grid[0], right, grid[1:])
}

// ---------------------------------------------------------------------------
// CSV

// writeRobustCSV writes one row per region under stable English ids: rank,
// code, name, stars, median_rank, p05_rank, p95_rank, star_confidence and
// share_<c> for each star class c from the highest, then reason (why a
// region is not rated).
func writeRobustCSV(w io.Writer, r *scoring.Result, rr *scoring.RobustResult, o Options) error {
	lang := o.lang()
	classes := r.Def.Stars.NumClasses()
	for _, x := range rr.Regions {
		classes = max(classes, len(x.StarShares)-1)
	}
	header := []string{"rank", "code", "name", "stars", "median_rank", "p05_rank", "p95_rank", "star_confidence"}
	for c := classes; c >= 1; c-- {
		header = append(header, "share_"+strconv.Itoa(c))
	}
	header = append(header, "reason")
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, reg := range r.Regions {
		row := make([]string, 0, len(header))
		x, ok := rr.Region(reg.Region.Code)
		if !reg.Rated || !ok {
			row = append(row, "", text(reg.Region.Code), text(regionName(reg.Region, lang)))
			for range len(header) - 4 {
				row = append(row, "")
			}
			row = append(row, text(reg.Reason))
		} else {
			row = append(row, positive(reg.Rank), text(reg.Region.Code), text(regionName(reg.Region, lang)), positive(reg.Stars),
				strconv.Itoa(x.Median), strconv.Itoa(x.P05), strconv.Itoa(x.P95), formatNumber(x.StarConfidence()))
			for c := classes; c >= 1; c-- {
				share := 0.0
				if c < len(x.StarShares) {
					share = x.StarShares[c]
				}
				row = append(row, formatNumber(share))
			}
			row = append(row, "")
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeJSONRobust writes doc as EncodeJSON does, by hand for speed (see
// jsonWriter); it falls back to encoding/json for a star share that
// encoding/json rejects (±Inf), so that the error is the same.
func writeJSONRobust(out io.Writer, doc *JSONRobust) error {
	for i := range doc.Regions {
		for _, x := range doc.Regions[i].Robust.starShares() {
			if math.IsInf(x, 0) {
				return encodeJSONReflect(out, doc)
			}
		}
	}
	w := newJSONWriter(out)
	w.open('{')
	w.key("index")
	w.index(doc.Index)
	w.key("method")
	w.method(doc.Method)
	if doc.Years != nil {
		w.key("years")
		w.years(doc.Years)
	}
	w.key("regions")
	if doc.Regions == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.open('[')
		for i := range doc.Regions {
			reg := &doc.Regions[i]
			w.elem()
			w.open('{')
			w.regionFields(&reg.JSONRegion)
			if x := reg.Robust; x != nil {
				w.key("robust")
				w.open('{')
				w.key("nominal")
				w.int(int64(x.Nominal))
				w.key("median")
				w.int(int64(x.Median))
				w.key("p05")
				w.int(int64(x.P05))
				w.key("p95")
				w.int(int64(x.P95))
				w.key("stars")
				w.open('{')
				for c := len(x.Stars) - 1; c >= 1; c-- {
					if !(x.Stars[c] > 0) {
						continue
					}
					w.key(strconv.Itoa(c))
					w.b = appendJSONFloat(w.b, x.Stars[c])
				}
				w.close('}')
				w.close('}')
			}
			w.close('}')
			w.flush()
		}
		w.close(']')
	}
	w.tail(doc.Weights, doc.Treatments, doc.Caps)
	w.key("samples")
	w.int(int64(doc.Samples))
	w.key("failed_samples")
	w.int(int64(doc.FailedSamples))
	w.key("mean_abs_rank_shift")
	w.float(doc.MeanAbsRankShift)
	w.key("uncertainty")
	u := doc.Uncertainty
	w.open('{')
	w.key("seed")
	w.int(u.Seed)
	w.key("weights_noise")
	w.float(u.WeightsNoise)
	w.key("normalise")
	w.strings(u.Normalise)
	w.key("aggregate")
	w.strings(u.Aggregate)
	w.key("impute")
	w.strings(u.Impute)
	w.key("exclude")
	w.float(u.Exclude)
	w.close('}')
	if doc.Sensitivity != nil {
		w.key("sensitivity")
		if *doc.Sensitivity == nil {
			w.b = append(w.b, "null"...)
		} else {
			w.open('[')
			for _, x := range *doc.Sensitivity {
				w.elem()
				w.open('{')
				w.key("input")
				w.str(x.Input)
				w.key("si")
				w.float(x.Si)
				w.key("sti")
				w.float(x.STi)
				for _, ci := range []struct {
					name string
					v    [2]JSONFloat
				}{{"si_ci", x.SiCI}, {"sti_ci", x.STiCI}} {
					w.key(ci.name)
					w.open('[')
					for _, f := range ci.v {
						w.elem()
						w.float(f)
					}
					w.close(']')
				}
				w.close('}')
			}
			w.close(']')
		}
	}
	w.close('}')
	return w.finish()
}

// starShares is x.Stars, nil for a nil x.
func (x *JSONRobustRanks) starShares() JSONStarShares {
	if x == nil {
		return nil
	}
	return x.Stars
}
