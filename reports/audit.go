package reports

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/govindex/govindex/scoring"
)

// The statistical audit (`govindex audit`): the renderers of a
// scoring.AuditResult as a terminal table, Markdown or JSON. There is no
// CSV form: the audit is several tables of different shapes.

var errNoAudit = errors.New("reports: no audit to render (nil AuditResult)")

// AuditFormats lists the format names WriteAudit accepts: table, json, md.
func AuditFormats() []string { return []string{"table", "json", "md"} }

// WriteAudit renders the audit a of the result r in the named format
// (table, json or md); csv and unknown formats are errors.
func WriteAudit(w io.Writer, format string, a *scoring.AuditResult, r *scoring.Result, o Options) error {
	if err := check(r); err != nil {
		return err
	}
	if a == nil {
		return errNoAudit
	}
	switch format {
	case "table":
		return writeAuditText(w, a, r, o, false)
	case "md":
		return writeAuditText(w, a, r, o, true)
	case "json":
		return EncodeJSON(w, JSONAuditResult(a, r, o))
	}
	return fmt.Errorf("reports: the audit has no %q format (want one of %s)", format, strings.Join(AuditFormats(), ", "))
}

// ---------------------------------------------------------------------------
// JSON

// JSONAudit is the `audit --format json` document (DESIGN.md: "indicators",
// "correlations", "cronbach_alpha", "pca"), with the "index" object of the
// JSON results. Undefined statistics are null. Extensions: the number of
// regions each correlation rests on ("n" beside each matrix, each
// correlation with the dimension and the index and each flag), and
// "min_n" (the fewest regions behind the correlations an alpha, an item
// or the PCA uses; null without a pair) and "raw_n" (the regions with
// every item present, behind the raw alpha). The indicators' statistics
// describe the values as reported (before imputation and treatment; each
// indicator's "imputed" counts the values imputed and "treatment" names
// the outlier treatment applied, or null); the correlations, alpha and
// PCA are of the values that enter the index (after both).
type JSONAudit struct {
	Index         JSONIndex             `json:"index"`
	Indicators    []JSONAuditIndicator  `json:"indicators"`
	Correlations  JSONAuditCorrelations `json:"correlations"`
	CronbachAlpha JSONAuditAlpha        `json:"cronbach_alpha"`
	PCA           JSONAuditPCA          `json:"pca"`
}

// JSONAuditIndicator is one indicator's descriptive statistics and flags.
type JSONAuditIndicator struct {
	ID           string    `json:"id"`
	N            int       `json:"n"`
	Availability JSONFloat `json:"availability"`
	Imputed      int       `json:"imputed"`
	Treatment    *string   `json:"treatment"`
	Min          JSONFloat `json:"min"`
	Max          JSONFloat `json:"max"`
	Mean         JSONFloat `json:"mean"`
	Median       JSONFloat `json:"median"`
	SD           JSONFloat `json:"sd"`
	Skewness     JSONFloat `json:"skewness"`
	Kurtosis     JSONFloat `json:"kurtosis"`
	Zeros        JSONFloat `json:"zeros"`
	Flags        []string  `json:"flags"`
}

// JSONAuditCorrelations holds the matrices and the flagged pairs.
type JSONAuditCorrelations struct {
	Pearson       JSONMatrix                 `json:"pearson"`
	Spearman      JSONMatrix                 `json:"spearman"`
	Kendall       JSONMatrix                 `json:"kendall"`
	WithDimension []JSONDimensionCorrelation `json:"with_dimension"`
	WithIndex     []JSONIndexCorrelation     `json:"with_index"`
	Flags         []JSONCorrelationFlag      `json:"flags"`
}

// JSONMatrix is a square matrix with its row (and column) ids; N
// (extension) gives the regions each entry rests on (pairwise complete
// observations; on the diagonal, the regions with a value).
type JSONMatrix struct {
	IDs    []string      `json:"ids"`
	Matrix [][]JSONFloat `json:"matrix"`
	N      [][]int       `json:"n"`
}

// JSONDimensionCorrelation is an indicator's r with its parent dimension,
// over n regions.
type JSONDimensionCorrelation struct {
	ID        string    `json:"id"`
	Dimension string    `json:"dimension"`
	R         JSONFloat `json:"r"`
	N         int       `json:"n"`
}

// JSONIndexCorrelation is an indicator's r with the index, over n regions.
type JSONIndexCorrelation struct {
	ID string    `json:"id"`
	R  JSONFloat `json:"r"`
	N  int       `json:"n"`
}

// JSONCorrelationFlag is a flagged pair of indicators, r over n regions
// (at least scoring.AuditMinFlagN).
type JSONCorrelationFlag struct {
	A    string    `json:"a"`
	B    string    `json:"b"`
	R    JSONFloat `json:"r"`
	N    int       `json:"n"`
	Flag string    `json:"flag"`
}

// JSONAuditAlpha is Cronbach's alpha, overall and per dimension.
type JSONAuditAlpha struct {
	Overall    JSONAlphaOverall     `json:"overall"`
	Dimensions []JSONDimensionAlpha `json:"dimensions"`
}

// JSONAlphaOverall is alpha over all indicators with item statistics.
type JSONAlphaOverall struct {
	Standardised JSONFloat       `json:"standardised"`
	Raw          JSONFloat       `json:"raw"`
	MinN         *int            `json:"min_n"`
	RawN         int             `json:"raw_n"`
	Items        []JSONAlphaItem `json:"items"`
}

// JSONAlphaItem is one indicator's item statistics.
type JSONAlphaItem struct {
	ID             string    `json:"id"`
	ItemTotal      JSONFloat `json:"item_total"`
	AlphaIfDeleted JSONFloat `json:"alpha_if_deleted"`
	MinN           *int      `json:"min_n"`
}

// JSONDimensionAlpha is alpha over one dimension's indicators.
type JSONDimensionAlpha struct {
	ID           string    `json:"id"`
	Standardised JSONFloat `json:"standardised"`
	Raw          JSONFloat `json:"raw"`
	MinN         *int      `json:"min_n"`
	RawN         int       `json:"raw_n"`
}

// JSONAuditPCA is the PCA of the correlation matrix; explained shares are
// fractions of 1. IDs and MinN (extensions) name the indicators analysed
// and the fewest regions behind a correlation among them.
type JSONAuditPCA struct {
	Eigenvalues []JSONFloat `json:"eigenvalues"`
	Explained   []JSONFloat `json:"explained"`
	IDs         []string    `json:"ids"`
	MinN        *int        `json:"min_n"`
}

// JSONAuditResult builds the JSON document of the audit a of r; nil when
// either is missing.
func JSONAuditResult(a *scoring.AuditResult, r *scoring.Result, o Options) *JSONAudit {
	if a == nil || check(r) != nil {
		return nil
	}
	doc := &JSONAudit{
		Index:      JSONResult(r, o).Index,
		Indicators: make([]JSONAuditIndicator, 0, len(a.Indicators)),
	}
	for _, s := range a.Indicators {
		flags := append([]string{}, s.Flags...)
		var treatment *string
		if s.Treatment != "" {
			treatment = &s.Treatment
		}
		doc.Indicators = append(doc.Indicators, JSONAuditIndicator{
			ID: s.ID, N: s.N, Availability: JSONFloat(s.Availability), Imputed: s.Imputed, Treatment: treatment,
			Min: JSONFloat(s.Min), Max: JSONFloat(s.Max), Mean: JSONFloat(s.Mean), Median: JSONFloat(s.Median),
			SD: JSONFloat(s.SD), Skewness: JSONFloat(s.Skewness), Kurtosis: JSONFloat(s.Kurtosis),
			Zeros: JSONFloat(s.Zeros), Flags: flags,
		})
	}
	c := a.Correlations
	doc.Correlations = JSONAuditCorrelations{
		Pearson:       jsonMatrix(c.IDs, c.Pearson, c.N),
		Spearman:      jsonMatrix(c.IDs, c.Spearman, c.N),
		Kendall:       jsonMatrix(c.IDs, c.Kendall, c.N),
		WithDimension: make([]JSONDimensionCorrelation, 0, len(c.WithDimension)),
		WithIndex:     make([]JSONIndexCorrelation, 0, len(c.WithIndex)),
		Flags:         make([]JSONCorrelationFlag, 0, len(c.Flags)),
	}
	for _, x := range c.WithDimension {
		doc.Correlations.WithDimension = append(doc.Correlations.WithDimension, JSONDimensionCorrelation{ID: x.ID, Dimension: x.Dimension, R: JSONFloat(x.R), N: x.N})
	}
	for _, x := range c.WithIndex {
		doc.Correlations.WithIndex = append(doc.Correlations.WithIndex, JSONIndexCorrelation{ID: x.ID, R: JSONFloat(x.R), N: x.N})
	}
	for _, f := range c.Flags {
		doc.Correlations.Flags = append(doc.Correlations.Flags, JSONCorrelationFlag{A: f.A, B: f.B, R: JSONFloat(f.R), N: f.N, Flag: f.Flag})
	}
	al := a.Alpha
	doc.CronbachAlpha = JSONAuditAlpha{
		Overall: JSONAlphaOverall{
			Standardised: JSONFloat(al.Overall.Standardised), Raw: JSONFloat(al.Overall.Raw),
			MinN: jsonCount(al.Overall.MinN), RawN: al.Overall.RawN,
			Items: make([]JSONAlphaItem, 0, len(al.Overall.Items)),
		},
		Dimensions: make([]JSONDimensionAlpha, 0, len(al.Dimensions)),
	}
	for _, it := range al.Overall.Items {
		doc.CronbachAlpha.Overall.Items = append(doc.CronbachAlpha.Overall.Items, JSONAlphaItem{ID: it.ID, ItemTotal: JSONFloat(it.ItemTotal),
			AlphaIfDeleted: JSONFloat(it.AlphaIfDeleted), MinN: jsonCount(it.MinN)})
	}
	for _, d := range al.Dimensions {
		doc.CronbachAlpha.Dimensions = append(doc.CronbachAlpha.Dimensions, JSONDimensionAlpha{ID: d.ID, Standardised: JSONFloat(d.Standardised),
			Raw: JSONFloat(d.Raw), MinN: jsonCount(d.MinN), RawN: d.RawN})
	}
	doc.PCA = JSONAuditPCA{Eigenvalues: jsonFloats(a.PCA.Eigenvalues), Explained: jsonFloats(a.PCA.Explained),
		IDs: append([]string{}, a.PCA.IDs...), MinN: jsonCount(a.PCA.MinN)}
	return doc
}

// jsonCount is a count for the JSON, nil (null) when negative: the
// scoring package's "no pair to count".
func jsonCount(n int) *int {
	if n < 0 {
		return nil
	}
	return &n
}

func jsonFloats(x []float64) []JSONFloat {
	out := make([]JSONFloat, len(x))
	for i, v := range x {
		out[i] = JSONFloat(v)
	}
	return out
}

func jsonMatrix(ids []string, m [][]float64, n [][]int) JSONMatrix {
	out := JSONMatrix{IDs: append([]string{}, ids...), Matrix: make([][]JSONFloat, len(m)), N: make([][]int, len(n))}
	for i, row := range m {
		out.Matrix[i] = jsonFloats(row)
	}
	for i, row := range n {
		out.N[i] = append([]int{}, row...)
	}
	return out
}

// ---------------------------------------------------------------------------
// Table and Markdown

// Message keys of the audit's catalogue.
const (
	auTitle          = "audit_title"
	auStatsTitle     = "audit_stats_title" // %d rated regions
	auIndicator      = "audit_indicator"
	auDimension      = "audit_dimension"
	auN              = "audit_n"
	auAvailability   = "audit_availability"
	auImputed        = "audit_imputed"
	auTreatedNote    = "audit_treated_note" // %s: the treated indicators
	auBasisNote      = "audit_basis_note"
	auHeldNote       = "audit_held_note" // %d: the fewest regions; %s: the pairs
	auMin            = "audit_min"
	auMax            = "audit_max"
	auMean           = "audit_mean"
	auMedian         = "audit_median"
	auSD             = "audit_sd"
	auSkew           = "audit_skew"
	auKurt           = "audit_kurt"
	auZeros          = "audit_zeros"
	auFlags          = "audit_flags"
	auFlagSep        = "audit_flag_sep"
	auStatsNote      = "audit_stats_note"
	auWithTitle      = "audit_with_title"
	auRDimension     = "audit_r_dimension"
	auRIndex         = "audit_r_index"
	auPairsTitle     = "audit_pairs_title"
	auPairA          = "audit_pair_a"
	auPairB          = "audit_pair_b"
	auR              = "audit_r"
	auPairsNote      = "audit_pairs_note"
	auNone           = "audit_none"
	auAlphaTitle     = "audit_alpha_title"
	auScope          = "audit_scope"
	auItems          = "audit_items"
	auStandardised   = "audit_standardised"
	auRaw            = "audit_raw"
	auOverall        = "audit_overall"
	auAlphaNote      = "audit_alpha_note"
	auItemsTitle     = "audit_items_title"
	auItemTotal      = "audit_item_total"
	auAlphaIfDeleted = "audit_alpha_if_deleted"
	auPCATitle       = "audit_pca_title"
	auComponent      = "audit_component"
	auEigenvalue     = "audit_eigenvalue"
	auExplained      = "audit_explained"
	auCumulative     = "audit_cumulative"
	auPCALeftOut     = "audit_pca_left_out" // %s: the indicators left out
	auPCANegative    = "audit_pca_negative"
	auAlphaUndefined = "audit_alpha_undefined"
)

// auditCatalogue holds the audit's words by language; the flag names are
// keyed by the flag itself.
var auditCatalogue = map[string]map[string]string{
	"zh": {
		auTitle:          "统计审计",
		auStatsTitle:     "指标描述统计（%d 个已评级地区）",
		auIndicator:      "指标",
		auDimension:      "维度",
		auN:              "n",
		auAvailability:   "覆盖率",
		auImputed:        "插补",
		auTreatedNote:    "经过异常值处理的指标：%s。上表描述的是处理之前的值。",
		auBasisNote:      "相关系数基于进入指数合成的值（插补与异常值处理之后）。",
		auHeldNote:       "以下指标对达到标记条件，但共同有数据的地区少于 %d 个，相关系数不足为据，未予标记：%s。",
		auMin:            "最小值",
		auMax:            "最大值",
		auMean:           "均值",
		auMedian:         "中位数",
		auSD:             "标准差",
		auSkew:           "偏度",
		auKurt:           "峰度",
		auZeros:          "零值占比",
		auFlags:          "标记",
		auFlagSep:        "、",
		auStatsNote:      "数值为各地区报告的数据（去分母之后，插补、异常值处理、方向调整与标准化之前）；n 与覆盖率只计报告的值，插补的值另列；标准差为样本标准差（n−1），偏度与峰度为样本校正值（峰度为超额峰度）。标记：覆盖率低于 65%；|偏度| ≥ 2 且峰度 ≥ 3.5 为异常值；零值占比 ≥ 50%；标准差为 0。",
		auWithTitle:      "与所属维度及总指数的相关系数（Pearson，标准化值对得分）",
		auRDimension:     "r（维度）",
		auRIndex:         "r（指数）",
		auPairsTitle:     "需关注的指标对（Pearson）",
		auPairA:          "指标 A",
		auPairB:          "指标 B",
		auR:              "r",
		auPairsNote:      "相关系数按方向调整后的值（均为越高越好）、两两完整观测计算；|r| > 0.9 为高度共线，同一维度内的负相关亦予标出。",
		auNone:           "（无）",
		auAlphaTitle:     "Cronbach α 系数",
		auScope:          "范围",
		auItems:          "指标数",
		auStandardised:   "标准化 α",
		auRaw:            "原始 α",
		auOverall:        "全部指标",
		auAlphaNote:      "标准化 α 由平均指标间相关系数计算；原始 α 基于标准化后的值，仅用各指标均有数据的地区。",
		auItemsTitle:     "各指标的项总相关（全部指标）",
		auItemTotal:      "校正项总相关",
		auAlphaIfDeleted: "删除该项后 α",
		auPCATitle:       "主成分分析（相关矩阵）",
		auComponent:      "主成分",
		auEigenvalue:     "特征值",
		auExplained:      "解释方差 %",
		auCumulative:     "累计 %",
		auPCALeftOut:     "未纳入（相关系数无法计算）：%s",
		auPCANegative:    "相关矩阵由两两完整观测计算，并非半正定：出现负特征值，累计比例可超过 100%。",
		auAlphaUndefined: "“—”表示无法计算：指标少于 2 个，或某对指标的共同观测少于 3 个、某指标无变异。",

		scoring.FlagLowAvailability:         "覆盖率低",
		scoring.FlagOutliers:                "异常值",
		scoring.FlagManyZeros:               "零值多",
		scoring.FlagConstant:                "常数",
		scoring.FlagCollinear:               "高度共线",
		scoring.FlagNegativeWithinDimension: "维度内负相关",
	},
	"en": {
		auTitle:          "Statistical audit",
		auStatsTitle:     "Indicator statistics (%d rated regions)",
		auIndicator:      "Indicator",
		auDimension:      "Dimension",
		auN:              "n",
		auAvailability:   "Available",
		auImputed:        "Imputed",
		auTreatedNote:    "Outlier treatment applied to: %s. The table describes the values before it.",
		auBasisNote:      "Correlations are of the values that enter the index (after imputation and outlier treatment).",
		auHeldNote:       "These pairs meet a flag's condition but fewer than %d regions have data for both, too few for the correlation to mean much, so they are not flagged: %s.",
		auMin:            "Min",
		auMax:            "Max",
		auMean:           "Mean",
		auMedian:         "Median",
		auSD:             "SD",
		auSkew:           "Skew",
		auKurt:           "Kurt",
		auZeros:          "Zeros",
		auFlags:          "Flags",
		auFlagSep:        ", ",
		auStatsNote:      "Values as reported (after denomination; before imputation, outlier treatment, direction and normalisation): n and availability count reported values only, imputed ones are counted apart; sample SD (n − 1), sample-adjusted skewness and excess kurtosis. Flags: availability under 65%; outliers when |skew| ≥ 2 and kurtosis ≥ 3.5; many zeros when at least 50% are zero; constant when SD = 0.",
		auWithTitle:      "Correlation with the parent dimension and the index (Pearson, normalised values against scores)",
		auRDimension:     "r (dimension)",
		auRIndex:         "r (index)",
		auPairsTitle:     "Flagged pairs of indicators (Pearson)",
		auPairA:          "Indicator A",
		auPairB:          "Indicator B",
		auR:              "r",
		auPairsNote:      "Correlations on direction-adjusted values (higher is better everywhere), pairwise complete observations; collinear when |r| > 0.9; negative correlations within a dimension are flagged too.",
		auNone:           "(none)",
		auAlphaTitle:     "Cronbach's alpha",
		auScope:          "Scope",
		auItems:          "Items",
		auStandardised:   "Standardised",
		auRaw:            "Raw",
		auOverall:        "All indicators",
		auAlphaNote:      "Standardised alpha from the mean inter-indicator correlation; raw alpha on the normalised values of the regions with every indicator present.",
		auItemsTitle:     "Item statistics (all indicators)",
		auItemTotal:      "Item-total r (corrected)",
		auAlphaIfDeleted: "Alpha if deleted",
		auPCATitle:       "Principal components (correlation matrix)",
		auComponent:      "Component",
		auEigenvalue:     "Eigenvalue",
		auExplained:      "Explained %",
		auCumulative:     "Cumulative %",
		auPCALeftOut:     "Left out (correlations undefined): %s",
		auPCANegative:    "The correlation matrix, from pairwise complete observations, is not positive semi-definite: some eigenvalues are negative and the cumulative share can pass 100%.",
		auAlphaUndefined: "\"—\" means undefined: fewer than 2 indicators, or a pair of indicators with fewer than 3 common observations, or an indicator without variance.",

		scoring.FlagLowAvailability:         "low availability",
		scoring.FlagOutliers:                "outliers",
		scoring.FlagManyZeros:               "many zeros",
		scoring.FlagConstant:                "constant",
		scoring.FlagCollinear:               "collinear",
		scoring.FlagNegativeWithinDimension: "negative within dimension",
	},
}

// auditMessage is the audit's catalogue entry key in lang, falling back to
// the shared catalogue, then to key.
func auditMessage(lang, key string) string {
	if s, ok := auditCatalogue[normLang(lang)][key]; ok {
		return s
	}
	return Message(lang, key)
}

// auditSection is one titled table of the audit.
type auditSection struct {
	title  string
	header []string
	right  []bool
	rows   [][]string
	notes  []string
}

// auditSections lays out the audit as titled tables.
func auditSections(a *scoring.AuditResult, r *scoring.Result, lang string) []auditSection {
	m := func(key string) string { return auditMessage(lang, key) }
	dash := Message(lang, msgMissingCell)
	or := func(s string) string {
		if s == "" {
			return dash
		}
		return s
	}
	fixed := func(x float64, dec int) string { return or(formatScore(x, dec)) }
	pct := func(x float64, dec int) string {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return dash
		}
		return formatScore(100*x, dec) + "%"
	}
	dimName := func(id string) string {
		if d, ok := r.Def.Dimension(id); ok {
			return dimensionName(d, lang)
		}
		return id
	}
	var out []auditSection

	// Descriptive statistics.
	st := auditSection{
		title:  fmt.Sprintf(m(auStatsTitle), a.Regions),
		header: []string{m(auIndicator), m(auN), m(auAvailability), m(auImputed), m(auMin), m(auMax), m(auMean), m(auMedian), m(auSD), m(auSkew), m(auKurt), m(auZeros), m(auFlags)},
		right:  []bool{false, true, true, true, true, true, true, true, true, true, true, true, false},
		notes:  []string{m(auStatsNote)},
	}
	for _, s := range a.Indicators {
		flags := make([]string, len(s.Flags))
		for i, f := range s.Flags {
			flags[i] = m(f)
		}
		st.rows = append(st.rows, []string{
			s.ID, strconv.Itoa(s.N), pct(s.Availability, 0), strconv.Itoa(s.Imputed),
			or(auditNumber(s.Min)), or(auditNumber(s.Max)), or(auditNumber(s.Mean)), or(auditNumber(s.Median)), or(auditNumber(s.SD)),
			fixed(s.Skewness, 2), fixed(s.Kurtosis, 2), pct(s.Zeros, 0), strings.Join(flags, m(auFlagSep)),
		})
	}
	var treatedIDs []string
	for _, s := range a.Indicators {
		if s.Treatment != "" {
			treatedIDs = append(treatedIDs, s.ID+" ("+s.Treatment+")")
		}
	}
	if len(treatedIDs) > 0 {
		st.notes = append(st.notes, fmt.Sprintf(m(auTreatedNote), strings.Join(treatedIDs, m(auFlagSep))))
	}
	out = append(out, st)

	// Correlations with the dimension and the index.
	c := a.Correlations
	with := auditSection{
		title:  m(auWithTitle),
		header: []string{m(auIndicator), m(auDimension), m(auRDimension), m(auRIndex)},
		right:  []bool{false, false, true, true},
		notes:  []string{m(auBasisNote)},
	}
	for i, wd := range c.WithDimension {
		ri := math.NaN()
		if i < len(c.WithIndex) && c.WithIndex[i].ID == wd.ID {
			ri = c.WithIndex[i].R
		}
		with.rows = append(with.rows, []string{wd.ID, dimName(wd.Dimension), fixed(wd.R, 2), fixed(ri, 2)})
	}
	out = append(out, with)

	// Flagged pairs.
	pairs := auditSection{
		title:  m(auPairsTitle),
		header: []string{m(auPairA), m(auPairB), m(auR), m(auN), m(auFlags)},
		right:  []bool{false, false, true, true, false},
		notes:  []string{m(auPairsNote)},
	}
	for i, f := range c.Flags {
		// A pair with two flags is one row.
		if i > 0 && c.Flags[i-1].A == f.A && c.Flags[i-1].B == f.B {
			last := pairs.rows[len(pairs.rows)-1]
			last[4] += m(auFlagSep) + m(f.Flag)
			continue
		}
		pairs.rows = append(pairs.rows, []string{f.A, f.B, fixed(f.R, 2), strconv.Itoa(f.N), m(f.Flag)})
	}
	var held []string
	for i, f := range c.Held {
		if i > 0 && c.Held[i-1].A == f.A && c.Held[i-1].B == f.B {
			continue
		}
		held = append(held, fmt.Sprintf("%s–%s (r = %s, n = %d)", f.A, f.B, fixed(f.R, 2), f.N))
	}
	if len(held) > 0 {
		pairs.notes = append(pairs.notes, fmt.Sprintf(m(auHeldNote), scoring.AuditMinFlagN, strings.Join(held, m(auFlagSep))))
	}
	out = append(out, pairs)

	// Cronbach's alpha.
	al := a.Alpha
	alpha := auditSection{
		title:  m(auAlphaTitle),
		header: []string{m(auScope), m(auItems), m(auStandardised), m(auRaw)},
		right:  []bool{false, true, true, true},
		notes:  []string{m(auAlphaNote), m(auAlphaUndefined)},
		rows:   [][]string{{m(auOverall), strconv.Itoa(len(al.Overall.Items)), fixed(al.Overall.Standardised, 3), fixed(al.Overall.Raw, 3)}},
	}
	for _, d := range al.Dimensions {
		alpha.rows = append(alpha.rows, []string{dimName(d.ID), strconv.Itoa(d.Items), fixed(d.Standardised, 3), fixed(d.Raw, 3)})
	}
	out = append(out, alpha)
	items := auditSection{
		title:  m(auItemsTitle),
		header: []string{m(auIndicator), m(auItemTotal), m(auAlphaIfDeleted)},
		right:  []bool{false, true, true},
	}
	for _, it := range al.Overall.Items {
		items.rows = append(items.rows, []string{it.ID, fixed(it.ItemTotal, 3), fixed(it.AlphaIfDeleted, 3)})
	}
	out = append(out, items)

	// PCA.
	pca := auditSection{
		title:  m(auPCATitle),
		header: []string{m(auComponent), m(auEigenvalue), m(auExplained), m(auCumulative)},
		right:  []bool{true, true, true, true},
	}
	cum := 0.0
	for i, ev := range a.PCA.Eigenvalues {
		ex := math.NaN()
		if i < len(a.PCA.Explained) {
			ex = a.PCA.Explained[i]
		}
		cum += ex
		pca.rows = append(pca.rows, []string{"PC" + strconv.Itoa(i+1), fixed(ev, 3), fixed(100*ex, 1), fixed(100*cum, 1)})
	}
	analysed := make(map[string]bool, len(a.PCA.IDs))
	for _, id := range a.PCA.IDs {
		analysed[id] = true
	}
	var left []string
	for _, id := range c.IDs {
		if !analysed[id] {
			left = append(left, id)
		}
	}
	for _, ev := range a.PCA.Eigenvalues {
		if ev < -1e-9 {
			pca.notes = append(pca.notes, m(auPCANegative))
			break
		}
	}
	if len(left) > 0 {
		pca.notes = append(pca.notes, fmt.Sprintf(m(auPCALeftOut), strings.Join(left, m(auFlagSep))))
	}
	out = append(out, pca)
	return out
}

// auditNumber prints a statistic of an indicator's values: two decimals,
// or three significant digits for magnitudes under 1 (e.g. 0.0970), so
// small-scale indicators keep their information; "" for NaN.
func auditNumber(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	a := math.Abs(x)
	dec := 2
	if a > 0 && a < 1 {
		dec = min(2-int(math.Floor(math.Log10(a))), 8)
	}
	return formatScore(x, dec)
}

// writeAuditText writes the audit's sections as aligned terminal tables
// or, with md, as Markdown tables.
func writeAuditText(w io.Writer, a *scoring.AuditResult, r *scoring.Result, o Options, md bool) error {
	lang := o.lang()
	head := title(r, lang)
	if head != "" {
		head += Message(lang, msgTitleSep)
	}
	head += auditMessage(lang, auTitle)
	var b strings.Builder
	if md {
		b.WriteString("## " + EscapeMarkdown(head) + "\n")
	} else {
		b.WriteString(oneLine(head) + "\n")
	}
	for _, s := range auditSections(a, r, lang) {
		b.WriteByte('\n')
		if md {
			writeAuditMarkdown(&b, s, lang)
		} else {
			writeAuditTable(&b, s, lang)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeAuditTable writes one section aligned by display width.
func writeAuditTable(b *strings.Builder, s auditSection, lang string) {
	b.WriteString(oneLine(s.title) + "\n\n")
	if len(s.rows) == 0 {
		b.WriteString(auditMessage(lang, auNone) + "\n")
	} else {
		grid := append([][]string{s.header}, s.rows...)
		widths := make([]int, len(s.header))
		for _, line := range grid {
			for i, c := range line {
				line[i] = oneLine(c)
				widths[i] = max(widths[i], width.StringWidth(line[i]))
			}
		}
		rule := make([]string, len(widths))
		for i, n := range widths {
			rule[i] = strings.Repeat("-", n)
		}
		writeLine := func(line []string) { b.WriteString(alignedLine(line, widths, s.right)) }
		writeLine(grid[0])
		writeLine(rule)
		for _, line := range grid[1:] {
			writeLine(line)
		}
	}
	for _, n := range s.notes {
		b.WriteString("\n" + oneLine(n) + "\n")
	}
}

// writeAuditMarkdown writes one section as a "### " heading and a
// GitHub-flavoured Markdown table, every cell escaped.
func writeAuditMarkdown(b *strings.Builder, s auditSection, lang string) {
	b.WriteString("### " + EscapeMarkdown(s.title) + "\n\n")
	if len(s.rows) == 0 {
		b.WriteString(EscapeMarkdown(auditMessage(lang, auNone)) + "\n")
	} else {
		writeMarkdownTable(b, s.header, s.right, s.rows)
	}
	for _, n := range s.notes {
		b.WriteString("\n" + EscapeMarkdown(n) + "\n")
	}
}
