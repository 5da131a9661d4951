package reports

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// The star-rating article (`govindex article`, article.md of the report):
// ArticleData turns a scored result into a plain data model, and a Go
// text/template — embedded, or replaced from [report] article_template —
// turns that into Markdown.

//go:embed templates/article_zh.md.tmpl templates/article_en.md.tmpl
var articleTemplates embed.FS

// ArticleOptions control WriteArticle.
type ArticleOptions struct {
	Options
	// Template is the text of a replacement template (Go text/template
	// over *Article); "" uses the embedded template of Lang.
	Template string
	// TemplateName is the file Template was read from, shown in errors
	// ("template" when empty).
	TemplateName string
	// Robust is the uncertainty analysis of the same index (nil: none).
	// With it every rated region states its star confidence in plain words
	// and ratings held in fewer than RobustStarThreshold of the samples are
	// flagged as not robust; the overview counts the robust ratings.
	Robust *scoring.RobustResult
	// MaxBytes and MaxSteps bound the article a template writes: its
	// length in bytes and its loop steps and template calls (0: the
	// defaults, DefaultArticleBytes and DefaultArticleSteps). Past them
	// WriteArticle stops with an *ArticleLimitError.
	MaxBytes, MaxSteps int64
	// ChartsDir, when set, is the folder (relative to the article) that
	// holds the charts WriteCharts draws: the article then shows the
	// ranking and dimension charts under the overview table, as report's
	// article.md does.
	ChartsDir string
	// Replication is the calibration of the same index against what was
	// published (nil: none); the overview then says whether the published
	// rating is reproduced, and by how many of the declared schemes.
	Replication *scoring.CalibrateResult
}

// ArticleChart is a figure the article shows: an image path relative to
// the article, and its caption.
type ArticleChart struct {
	Path    string
	Caption string
}

// RobustStarThreshold is the share of the uncertainty samples that must
// give a region its nominal star rating for the article to call the rating
// robust: below it the rating is flagged, naming the most likely other
// rating.
const RobustStarThreshold = 0.8

// ArticleTemplateError is a replacement template that does not parse or
// fails while it runs: Name is its file, Line (and Col, when known; both
// count from 1) the place, Msg what text/template said.
type ArticleTemplateError struct {
	Name      string
	Line, Col int
	Msg       string
	Err       error // text/template's error
}

func (e *ArticleTemplateError) Error() string {
	pos := e.Name
	if e.Line > 0 {
		pos += ":" + strconv.Itoa(e.Line)
		if e.Col > 0 {
			pos += ":" + strconv.Itoa(e.Col)
		}
	}
	return "article template " + pos + ": " + e.Msg
}

func (e *ArticleTemplateError) Unwrap() error { return e.Err }

// Text is text taken from the data or the index definition: names,
// units, evidence notes. Printed by a template (or by fmt) it is escaped
// with EscapeMarkdown, so it can neither break the Markdown nor inject
// HTML whatever the template does; string(t) is the text as written.
type Text string

// String returns the text escaped for Markdown.
func (t Text) String() string { return EscapeMarkdown(string(t)) }

// Article is what the article templates render. Fields of type Text hold
// text from the data, escaped when printed; fields of type string are
// Markdown written by govindex in the article's language, with any data
// inside them already escaped. Regions, dimensions and indicators are
// pointers shared between the lists, so a template can compare them
// with eq.
type Article struct {
	Lang   string // "zh" or "en"
	Engine string // e.g. "govindex v0.1.0"

	// Title names the index and the year rated ("<index name>（2016）星级评价" /
	// "<index name> (2016): star ratings"); the edition when no year is
	// known, neither when there is no edition either.
	Title    string
	Subtitle string // the edition and the year rated
	Index    Text   // the index's name in Lang
	Edition  Text
	Year     int

	Overview   ArticleOverview
	Dimensions []*ArticleFrameworkDimension // the top-level dimensions of the framework
	Indicators int                          // number of indicators in the framework
	Classes    int                          // number of star classes
	Labelled   bool                         // the classes have labels ([stars] labels)

	// Regions lists every region in rank order, unrated ones last.
	Regions []*ArticleRegion
	Method  ArticleMethod
	// Missing lists, region by region in rank order, the indicators with no
	// data (no data, not zero); Imputed those whose value was imputed.
	Missing []*ArticleMissing
	Imputed []*ArticleMissing
	// Changes is what changed since the previous rated year of a
	// multi-year edition (nil for a single year, and for the first year).
	Changes *ArticleChanges
	// Charts are the figures under the overview table (empty unless
	// ArticleOptions.ChartsDir is set).
	Charts []ArticleChart
}

// ArticleOverview is the ranking at a glance.
type ArticleOverview struct {
	Regions, Rated, Unrated int
	// Leaders are the regions ranked first (more than one on a tie);
	// LeaderNames their names.
	Leaders     []*ArticleRegion
	LeaderNames []Text
	// RunnerUp is the first region ranked below the leaders (nil when
	// there is none); Lead is the leaders' margin over it, formatted, and
	// Close reports a lead within a twentieth of the spread of the scores.
	RunnerUp *ArticleRegion
	Lead     string
	Close    bool
	// Highest and Lowest are the top and bottom scores of the rated
	// regions, formatted.
	Highest, Lowest string
	// Stars counts the regions at each rating given, highest first.
	Stars []*ArticleStarCount
	// TopStars is the highest rating given; TopWord names the top class
	// ("五星") so a template can say nobody reached it.
	TopStars int
	TopWord  string
	// Method is the method in one sentence (the same as Article.Method.Sentence).
	Method string
	// Robust summarises the uncertainty analysis (nil without one).
	Robust *ArticleRobustSummary
	// Replication says whether the published rating is reproduced (nil
	// without a calibration).
	Replication *ArticleReplication
}

// ArticleRobustSummary is the uncertainty analysis at a glance.
type ArticleRobustSummary struct {
	Samples   int    // samples that did not fail
	Rated     int    // rated regions with figures
	Robust    int    // of them, ratings held in at least Threshold of the samples
	Threshold string // RobustStarThreshold as a percentage, "80%"
	Sentence  string // all of it in one sentence
}

// ArticleRobust is one rated region's star confidence.
type ArticleRobust struct {
	Samples   int
	Share     float64 // share of samples at the nominal rating
	ShareText string  // "87%"
	Robust    bool    // Share ≥ RobustStarThreshold
	// Other is the most likely other rating, OtherShare its share.
	Other      int
	OtherWord  string
	OtherShare string
	// Median, P05 and P95 are the median and 5th–95th percentile ranks.
	Median, P05, P95 int
	// Sentence states the confidence in plain words; Flag, when the
	// rating is not robust, says so ("" otherwise).
	Sentence string
	Flag     string
}

// ArticleStarCount is the number of regions at one rating.
type ArticleStarCount struct {
	Stars  int
	Glyphs string // ★★★★☆
	Word   string // 四星 / four stars
	Class  Text   // the class label, when labels are set
	Count  int
	Names  []Text
}

// ArticleFrameworkDimension is a top-level dimension of the framework.
type ArticleFrameworkDimension struct {
	ID, Name   Text
	Indicators int    // indicators under it
	Weight     string // its weight in the index, e.g. "33.3%"
}

// ArticleRegion is one region's section.
type ArticleRegion struct {
	Code, Name Text
	Rated      bool
	Rank       int
	Tied       bool // another region shares the rank
	Score      float64
	ScoreText  string // formatted with the [scoring] round decimals
	Stars      int
	Glyphs     string // ★★★★☆ (— when unrated)
	Word       string // 四星 / four stars
	Class      Text   // the class label, when labels are set

	// Next is the next rating up and Gap the points the score lacks to
	// reach its threshold (thresholds method only; "" otherwise, at the top
	// class, or when a cap holds the rating down); Threshold is that
	// threshold, formatted.
	Next      int
	NextWord  string
	Gap       string
	Threshold string
	// Opening is the section's first sentence, in Markdown: worded by what
	// is most notable about the region (it leads, it is a hair short of
	// the next star, it is last), so the sections do not all open alike.
	Opening string

	// Dimensions are the top-level dimensions in declaration order (all
	// Missing for an unrated region); Scored counts those with data and
	// NotRatedOn lists those without.
	Dimensions []*ArticleDimension
	Scored     int
	NotRatedOn []*ArticleDimension
	// CountedZero lists the dimensions without data that counted as 0
	// ([scoring] missing_dimension = "zero").
	CountedZero []*ArticleDimension
	// Strongest and Weakest are the dimensions with the highest and lowest
	// score (ties: the one declared first); Weakest is nil when fewer than
	// two dimensions differ.
	Strongest, Weakest *ArticleDimension
	// Evidence are the top indicators of the strongest dimension by
	// normalised value (up to three), leaving out those at the bottom
	// (see ArticleIndicator.Bottom): a value at the floor cannot support
	// a score. NoStandout reports that the strongest dimension has values
	// but all of them are at the bottom, so Evidence is empty. Weak are the
	// lowest of the weakest dimension (up to two, none of them in
	// Evidence): those at or below the dimension's score, and at least the
	// lowest — never one at the region's best value or one on which the
	// region ranks first. RoomToGrow says that the weakest dimension is
	// one the region ranks first on: Weak is then the room left to grow,
	// not what holds the score back.
	Evidence   []*ArticleIndicator
	NoStandout bool
	Weak       []*ArticleIndicator
	RoomToGrow bool
	// Caps are the star caps that lowered the rating.
	Caps []*ArticleCap
	// Robust is the star confidence from the uncertainty analysis (nil
	// without one, and for unrated regions).
	Robust *ArticleRobust
	// Change is the change since the previous rated year and Trend the
	// trend over the rated years (multi-year editions; nil otherwise, and
	// for unrated regions; Trend nil when rated in fewer than two years).
	Change *ArticleChange
	Trend  *ArticleTrend

	// Why an unrated region is not rated, in the article's language.
	Reason         string
	Present, Total int
	Coverage       string // share of indicators with data, e.g. "92.3%"
}

// ArticleDimension is a region's score on one dimension.
type ArticleDimension struct {
	ID, Name  Text
	Missing   bool // no data: the region is not rated on it
	Score     float64
	ScoreText string
	Rank      int
	// Of is the number of rated regions ranked on the dimension. Upper
	// reports a rank in the upper half of them (2·Rank ≤ Of), Lower one in
	// the lower half (2·(Rank−1) ≥ Of; the middle rank of an odd number is
	// neither), Last the last rank (Rank = Of, Of > 1): the templates word
	// a region's best and worst dimensions by them, so that "strongest"
	// is not said of a dimension it ranks low on, nor "weak" of one it
	// ranks high on.
	Of                 int
	Upper, Lower, Last bool
	Stars              int
	Glyphs             string
	Class              Text
}

// ArticleIndicator is one indicator's value for a region.
type ArticleIndicator struct {
	ID, Name   Text
	Dimension  Text // the name of its top-level dimension
	Unit       Text
	Raw        float64 // NaN when missing
	Value      string  // the raw value with its unit (the imputed value when imputed), formatted
	Normalised float64
	NormText   string // the normalised value, formatted
	Imputed    bool
	Missing    bool
	// Rank is the value's rank among the rated regions with a value (Of of
	// them), by normalised value; Bottom reports a value at the bottom:
	// at the floor of a bounded normalisation's range, or the lowest of
	// the rated regions when their values differ.
	Rank, Of int
	Bottom   bool
	Source   Text // the provenance: what the value was read or collected from
	// SourceNote is what the article cites for the value: EvidenceText
	// for a collected value, else Source unless it is only the position
	// of the value's cell (file:line:column, what a data table without a
	// source note gives); "" when there is nothing readers could use.
	SourceNote Text
	// Evidence are the records a collector counted for the value, and
	// EvidenceText names them for readers ("《…》（2016-01）；…", at most
	// five, then how many more); both empty for values read from a table.
	Evidence     []ArticleEvidence
	EvidenceText Text
}

// ArticleEvidence is one record behind a collected value.
type ArticleEvidence struct {
	Title Text   // the policy's title, platform's or partner's name; "" when none
	When  string // its date as written in the evidence
	Ref   string // where it is: file:row or file#id
}

// ArticleCap is a star cap that lowered a region's rating.
type ArticleCap struct {
	From, To           int
	FromWord, ToWord   string
	FromGlyph, ToGlyph string
	Dimension          Text // the weak dimension that triggered it
}

// ArticleMissing lists one region's indicators without data (or imputed).
type ArticleMissing struct {
	Region     Text
	Indicators []Text
}

// ArticleMethod describes how the scores were made, in the article's
// language: each field a phrase, Sentence all of it in one sentence.
type ArticleMethod struct {
	Normalise, Weights, Aggregate, Stars string // the method names
	NormalisePhrase                      string
	WeightsPhrase                        string
	AggregatePhrase                      string
	StarsPhrase                          string
	Sentence                             string
	Thresholds                           []string // formatted star thresholds (thresholds method)
	// Impute says how missing values were handled; Coverage is the share
	// of indicators a region needs to be rated ("" when there is no
	// minimum); Rounding how scores were
	// rounded and ties ranked.
	Impute   string
	Coverage string
	Rounding string
	// Caps describes the [[cap]] rules; Treatments the outlier treatments
	// that changed values.
	Caps       []string
	Treatments []string
	// TableFiles are the data tables of the values the article shows
	// without a source (values read from a table that has no source note
	// for them), and TableNote says in a sentence that those values come
	// from them ("" when every value shown names its source).
	TableFiles []Text
	TableNote  string
}

// WriteArticle renders the star-rating article of r as Markdown with the
// embedded template of o.Lang, or with o.Template when it is set.
func WriteArticle(w io.Writer, r *scoring.Result, o ArticleOptions) error {
	if err := check(r); err != nil {
		return err
	}
	lang := o.lang()
	tmpl, g, err := guardedTemplate(r.Def, lang, o)
	if err != nil {
		return err
	}
	a := ArticleData(r, lang)
	a.Engine = o.engine()
	if o.Robust != nil {
		articleRobust(a, r, o.Robust, lang)
	}
	if o.ChartsDir != "" {
		a.Charts = articleCharts(o.ChartsDir, lang)
	}
	if o.Replication != nil {
		a.Overview.Replication = articleReplication(o.Replication, lang)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(limitedWriter{&buf, g}, a); err != nil {
		return g.limitError(tmpl.Name(), templateError(tmpl.Name(), err))
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// articleTemplate parses the replacement template or the embedded one.
func articleTemplate(def *indicators.Definition, lang string, o ArticleOptions) (*template.Template, error) {
	t, _, err := guardedTemplate(def, lang, o)
	return t, err
}

// guardedTemplate parses the replacement template or the embedded one,
// with the guard that bounds its run (see article_guard.go).
func guardedTemplate(def *indicators.Definition, lang string, o ArticleOptions) (*template.Template, *templateGuard, error) {
	g := &templateGuard{maxBytes: o.MaxBytes, maxSteps: o.MaxSteps}
	if g.maxBytes <= 0 {
		g.maxBytes = DefaultArticleBytes
	}
	if g.maxSteps <= 0 {
		g.maxSteps = DefaultArticleSteps
	}
	name, text := o.TemplateName, o.Template
	if text == "" {
		name = "article_" + lang + ".md.tmpl"
		b, err := articleTemplates.ReadFile("templates/" + name)
		if err != nil {
			return nil, nil, err
		}
		text = string(b)
	} else if name == "" {
		name = "template"
	}
	t, err := template.New(name).Funcs(articleFuncs(def, lang, g)).Funcs(g.funcs()).Parse(text)
	if err != nil {
		return nil, nil, templateError(name, err)
	}
	guardTemplate(t)
	return t, g, nil
}

// templateError turns text/template's error ("template: NAME:LINE: msg" or
// "template: NAME:LINE:COL: executing …") into an *ArticleTemplateError.
func templateError(name string, err error) error {
	var exec template.ExecError
	if errors.As(err, &exec) {
		err = exec.Err
	}
	te := &ArticleTemplateError{Name: name, Msg: err.Error(), Err: err}
	rest, ok := strings.CutPrefix(err.Error(), "template: "+name+":")
	if !ok {
		return te
	}
	nums := []int{}
	for len(nums) < 2 {
		i := strings.IndexByte(rest, ':')
		n, convErr := strconv.Atoi(rest[:max(i, 0)])
		if i <= 0 || convErr != nil {
			break
		}
		nums = append(nums, n)
		rest = rest[i+1:]
	}
	if len(nums) > 0 {
		te.Line = nums[0]
	}
	if len(nums) > 1 {
		te.Col = nums[1] + 1 // text/template counts bytes from 0
	}
	te.Msg = strings.TrimSpace(rest)
	// A value the guard refused to print: say what, not where in the
	// guard's own call.
	if _, after, ok := strings.Cut(te.Msg, "error calling show: "); ok {
		te.Msg = after
	}
	return te
}

// ---------------------------------------------------------------------------
// The data model

// articleWords are the article's own words built in Go, by language.
var articleWords = map[string]map[string]string{
	"zh": {
		"title":      "%s（%s）星级评价",
		"title_bare": "%s星级评价",
		"edition":    "%s 版",
		"year":       "%d 年度评价",
		"sep":        " · ",
		"rank_sep":   "、",
		"missing":    "无数据",
		"imputed":    "（插补值）",
		"imputed_by": "（插补值，按%s插补，并非实际记录）",

		// methods
		"norm_minmax":      "各项指标用最小–最大值法换算到 %s 分",
		"norm_fracmax":     "各项指标按占最高值的比例换算到 %s 分",
		"norm_prank":       "各项指标按百分位排序换算到 %s 分",
		"norm_goalposts":   "各项指标按固定的上下限换算到 %s 分",
		"norm_zscore":      "各项指标先转换为 z 分数（偏离均值几个标准差）",
		"norm_rank":        "各项指标按排序位次计分",
		"norm_borda":       "各项指标按 Borda 计分（领先的地区个数）",
		"norm_dist2max":    "各项指标按与最高值的距离计分",
		"norm_dist2ref":    "各项指标按与参照地区的距离计分",
		"norm_dist2target": "各项指标按达到目标值的程度计分",
		"norm_none":        "各项指标直接使用原始数值",
		"norm_other":       "各项指标按 %s 方法标准化",
		"norm_override":    "（个别指标另有设定）",
		"w_manual":         "维度和指标按指数定义中设定的权重加权",
		"w_equal":          "同一层级内各项等权",
		"w_entropy":        "指标权重由熵权法根据数据的离散程度确定",
		"w_critic":         "指标权重由 CRITIC 法根据对比强度和指标间冲突性确定",
		"w_ahp":            "权重由层次分析法（AHP）的两两比较矩阵导出",
		"w_pca":            "指标权重取自第一主成分的载荷",
		"w_other":          "权重按 %s 方法确定",
		"agg_arithmetic":   "逐级取加权算术平均得到总分",
		"agg_geometric":    "逐级取加权几何平均得到总分",
		"agg_harmonic":     "逐级取加权调和平均得到总分",
		"agg_power":        "逐级取加权幂平均（p = %s）得到总分",
		"agg_copeland":     "用 Copeland 两两比较法合成总分",
		"agg_other":        "按 %s 方法逐级合成总分",
		"stars_thresholds": "总分达到 %s 分依次评为%s至%s，不足 %s 分为%s",
		"stars_one":        "总分达到 %s 分评为%s，不足为%s",
		"stars_quantiles":  "再按得分的分位数把地区等分为%s个星级",
		"stars_kmeans":     "再用 k-means 聚类把得分分为%s个星级",
		"stars_jenks":      "再按自然断点（Jenks）把得分分为%s个星级",
		"stars_other":      "再按 %s 方法评定%s个星级",
		"sentence":         "评价围绕%[2]s%[1]s个维度展开，共 %[3]d 项指标：%[4]s，%[5]s，%[6]s；%[7]s。",
		"range":            "%s–%s",

		"impute_none":      "缺失值既不插补，也不按零计：某项指标没有数据时，只用同一维度内有数据的指标计算，权重按比例重新分配；一个维度完全没有数据时，该维度不计入总分。",
		"impute_some":      "缺失值按“%s”方法插补，插补所得的数值在文中注明。",
		"coverage":         "至少 %s 的指标有数据的地区才参与评级。",
		"rounding":         "总分保留 %d 位小数后排名和定级，得分相同者名次并列。",
		"rounding_none":    "总分不做舍入，得分相同者名次并列。",
		"cap_any_q":        "星级封顶：任一维度排在参评地区后 %s 的，最高评为%s。",
		"cap_dim_q":        "星级封顶：“%s”维度排在参评地区后 %s 的，最高评为%s。",
		"cap_any_below":    "星级封顶：任一维度得分低于 %s 分的，最高评为%s。",
		"cap_dim_below":    "星级封顶：“%s”维度得分低于 %s 分的，最高评为%s。",
		"treatment":        "指标“%s”的极端值经过处理（%s），改动了 %d 个数值。",
		"table_note":       "未列依据的数值取自数据表 %s，表中没有注明其来源。",
		"table_note_many":  "未列依据的数值取自数据表 %s，表中没有注明其来源。",
		"imp_mean":         "均值",
		"imp_median":       "中位数",
		"imp_group-mean":   "同组均值",
		"imp_group-median": "同组中位数",
		"imp_latest":       "最近年份的数值",
		"imp_linear":       "相邻年份线性插值",

		"rb_sentence":   "在 %[1]s 次合理的方法组合中，该地区有 %[2]s 评为%[3]s，%[4]s。",
		"rb_rank_range": "排名在第 %d 至第 %d 名之间（5%%–95%% 区间）",
		"rb_rank_fixed": "排名始终为第 %d 名",
		"rb_flag":       "这一星级不够稳健：给出同一星级的组合不足 %[1]s，另有 %[2]s 评为%[3]s。",
		"rb_failed":     "另有 %[1]d 次抽样（共 %[2]d 次）因所抽方法不适用于数据而无法计算，未计入。",
		"rb_overview":   "稳健性分析（%[1]s 次合理的方法组合）显示，%[2]s个已评级地区中有%[3]s个的星级稳健（至少 %[4]s 的组合给出同一星级）。",
	},
	"en": {
		"title":      "%s (%s): star ratings",
		"title_bare": "%s: star ratings",
		"edition":    "edition %s",
		"year":       "ratings for %d",
		"sep":        " · ",
		"rank_sep":   ", ",
		"missing":    "no data",
		"imputed":    " (imputed)",
		"imputed_by": " (imputed by %s, not a recorded value)",

		"norm_minmax":      "each indicator is rescaled to %s by min-max",
		"norm_fracmax":     "each indicator is scored on %s as its share of the highest value",
		"norm_prank":       "each indicator is scored by percentile rank on %s",
		"norm_goalposts":   "each indicator is rescaled to %s between fixed goalposts",
		"norm_zscore":      "each indicator is turned into a z-score (standard deviations from the mean)",
		"norm_rank":        "each indicator is scored by rank",
		"norm_borda":       "each indicator is given a Borda count (the regions it beats)",
		"norm_dist2max":    "each indicator is scored by its distance to the highest value",
		"norm_dist2ref":    "each indicator is scored by its distance to a reference region",
		"norm_dist2target": "each indicator is scored by how far it has come towards a target",
		"norm_none":        "each indicator is used as it is",
		"norm_other":       "each indicator is normalised by %s",
		"norm_override":    " (some indicators differ)",
		"w_manual":         "weighted as the index definition sets",
		"w_equal":          "weighted equally at each level",
		"w_entropy":        "weighted by entropy (how much the values differ)",
		"w_critic":         "weighted by CRITIC (contrast and conflict between indicators)",
		"w_ahp":            "weighted from the AHP pairwise comparisons",
		"w_pca":            "weighted by the loadings of the first principal component",
		"w_other":          "weighted by %s",
		"agg_arithmetic":   "averaged (arithmetic mean) level by level into the score",
		"agg_geometric":    "combined by geometric mean level by level into the score",
		"agg_harmonic":     "combined by harmonic mean level by level into the score",
		"agg_power":        "combined by power mean (p = %s) level by level into the score",
		"agg_copeland":     "combined by Copeland's pairwise comparison into the score",
		"agg_other":        "combined by %s level by level into the score",
		"stars_thresholds": "scores reaching %s earn %s to %s in turn, and scores under %s %s",
		"stars_one":        "a score of %s or more earns %s, a lower one %s",
		"stars_quantiles":  "the regions are split into %s star classes of equal size by score",
		"stars_kmeans":     "the scores are grouped into %s star classes by k-means",
		"stars_jenks":      "the scores are split into %s star classes at natural breaks (Jenks)",
		"stars_other":      "the scores are put into %[2]s star classes by %[1]s",
		"sentence":         "Regions are rated on %s dimensions (%s) through %d indicators: %s, %s and %s; %s.",
		"range":            "%s–%s",

		"impute_none":      "Missing values are neither imputed nor counted as zero: a region is scored on the indicators it has data for, with their weights renormalised, and a dimension without any data is left out of its score.",
		"impute_some":      "Missing values are imputed (%s); imputed values are marked.",
		"coverage":         "A region needs data for at least %s of the indicators to be rated.",
		"rounding":         "Scores are rounded to %s before ranking and rating; equal scores share a rank.",
		"rounding_none":    "Scores are not rounded; equal scores share a rank.",
		"cap_any_q":        "Star cap: a region in the bottom %s on any dimension gets at most %s.",
		"cap_dim_q":        "Star cap: a region in the bottom %[2]s on %[1]s gets at most %[3]s.",
		"cap_any_below":    "Star cap: a region scoring under %s on any dimension gets at most %s.",
		"cap_dim_below":    "Star cap: a region scoring under %[2]s on %[1]s gets at most %[3]s.",
		"treatment":        "Outliers of %s were treated (%s), changing %d values.",
		"table_note":       "Values shown without evidence come from the data table %s, which notes no source for them.",
		"table_note_many":  "Values shown without evidence come from the data tables %s, which note no source for them.",
		"imp_mean":         "mean",
		"imp_median":       "median",
		"imp_group-mean":   "group mean",
		"imp_group-median": "group median",
		"imp_latest":       "latest year",
		"imp_linear":       "linear between years",

		"rb_sentence":   "Its %[3]s rating held in %[2]s of %[1]s plausible method choices; %[4]s.",
		"rb_rank_range": "its rank ranged from %d to %d (5–95%%)",
		"rb_rank_fixed": "its rank stayed at %d",
		"rb_flag":       "This rating is not robust: it held in fewer than %[1]s of the choices, and %[2]s gave %[3]s.",
		"rb_failed":     " Another %[1]d of the %[2]d draws could not be computed (a drawn method did not apply to the data) and are left out.",
		"rb_overview":   "A robustness analysis over %[1]s plausible method choices finds %[3]s of the %[2]s ratings robust (the same rating in at least %[4]s of the choices).",
	},
}

func aw(lang, key string) string {
	if s, ok := articleWords[lang][key]; ok {
		return s
	}
	return articleWords["zh"][key]
}

func awf(lang, key string, args ...any) string { return fmt.Sprintf(aw(lang, key), args...) }

// ArticleData builds the article's data model from r in lang ("zh" or
// "en"); nil when r is nil.
func ArticleData(r *scoring.Result, lang string) *Article {
	if check(r) != nil {
		return nil
	}
	lang = normLang(lang)
	def := r.Def
	dec := decimals(def)
	classes := def.Stars.NumClasses()
	a := &Article{
		Lang:     lang,
		Engine:   "govindex",
		Index:    Text(indexName(def, lang)),
		Edition:  Text(def.Index.Edition),
		Year:     r.Year,
		Classes:  classes,
		Labelled: hasLabels(def),
	}
	name := EscapeMarkdown(indexName(def, lang))
	switch {
	case r.Year != 0:
		a.Title = awf(lang, "title", name, strconv.Itoa(r.Year))
	case def.Index.Edition != "":
		a.Title = awf(lang, "title", name, EscapeMarkdown(def.Index.Edition))
	default:
		a.Title = awf(lang, "title_bare", name)
	}
	var sub []string
	if def.Index.Edition != "" {
		sub = append(sub, awf(lang, "edition", EscapeMarkdown(def.Index.Edition)))
	}
	if r.Year != 0 {
		sub = append(sub, awf(lang, "year", r.Year))
	}
	a.Subtitle = strings.Join(sub, aw(lang, "sep"))

	top := def.ChildDimensions("")
	weights := map[string]float64{}
	for _, wr := range r.Weights {
		if wr.Kind == "dimension" {
			weights[wr.ID] = wr.Effective
		}
	}
	for _, d := range top {
		fd := &ArticleFrameworkDimension{ID: Text(d.ID), Name: Text(dimensionName(d, lang)), Indicators: len(def.IndicatorsUnder(d.ID))}
		if w, ok := weights[d.ID]; ok {
			fd.Weight = formatPct(w)
		}
		a.Dimensions = append(a.Dimensions, fd)
	}
	a.Indicators = len(def.Indicators)

	// The top-level dimension of every indicator.
	topOf := map[string]*indicators.Dimension{}
	for _, d := range top {
		for _, ind := range def.IndicatorsUnder(d.ID) {
			topOf[ind.ID] = d
		}
	}

	st := articleStandings(r, top)
	for _, rr := range r.Regions {
		a.Regions = append(a.Regions, articleRegion(r, rr, lang, top, topOf, st, dec, classes))
	}
	for _, ar := range a.Regions {
		if !ar.Rated {
			continue
		}
		for _, other := range a.Regions {
			if other != ar && other.Rated && other.Rank == ar.Rank {
				ar.Tied = true
			}
		}
	}
	a.Method = articleMethod(r, lang, top)
	articleTableNote(a, def, lang)
	a.Overview = articleOverview(a, r, lang, dec, classes)
	articleOpenings(a, def, lang)
	articleChanges(a, r, lang)

	for _, rr := range r.Regions {
		var missing, imputed []Text
		for _, ind := range def.Indicators {
			is := indicatorScore(rr, ind.ID)
			if is == nil || !math.IsNaN(is.Raw) {
				continue
			}
			if is.Imputed && !math.IsNaN(is.Value) {
				imputed = append(imputed, Text(indicatorName(ind, lang)))
			} else {
				missing = append(missing, Text(indicatorName(ind, lang)))
			}
		}
		if len(missing) > 0 {
			a.Missing = append(a.Missing, &ArticleMissing{Region: Text(regionName(rr.Region, lang)), Indicators: missing})
		}
		if len(imputed) > 0 {
			a.Imputed = append(a.Imputed, &ArticleMissing{Region: Text(regionName(rr.Region, lang)), Indicators: imputed})
		}
	}
	return a
}

// indicatorName is the indicator's name in lang, its id when it has none.
func indicatorName(ind *indicators.Indicator, lang string) string {
	if n := PickName(lang, ind.Name, ind.NameEn); n != "" {
		return n
	}
	if ind.NameEn != "" {
		return ind.NameEn
	}
	return ind.ID
}

func articleRegion(r *scoring.Result, rr *scoring.RegionResult, lang string, top []*indicators.Dimension,
	topOf map[string]*indicators.Dimension, st *articleStanding, dec, classes int) *ArticleRegion {
	def := r.Def
	ar := &ArticleRegion{
		Code:    Text(rr.Region.Code),
		Name:    Text(regionName(rr.Region, lang)),
		Rated:   rr.Rated,
		Present: rr.Present,
		Total:   rr.Total,
		Glyphs:  StarGlyphs(0, classes),
	}
	if rr.Total > 0 {
		ar.Coverage = formatPct(float64(rr.Present) / float64(rr.Total))
	}
	for _, d := range top {
		ad := &ArticleDimension{ID: Text(d.ID), Name: Text(dimensionName(d, lang)), Missing: true, Score: math.NaN(), Glyphs: StarGlyphs(0, classes)}
		if n := nodeScore(rr, d.ID); n != nil && !n.Missing && !math.IsNaN(n.Score) {
			ad.Missing = false
			ad.Score, ad.ScoreText, ad.Rank = n.Score, formatScore(n.Score, dec), n.Rank
			ad.Of = st.dims[d.ID]
			ad.Upper, ad.Lower, ad.Last = rankHalves(ad.Rank, ad.Of)
			ad.Stars, ad.Glyphs, ad.Class = n.Stars, StarGlyphs(n.Stars, classes), Text(classLabel(def, n.Class, n.Stars))
		}
		ar.Dimensions = append(ar.Dimensions, ad)
		if rr.Rated && !ad.Missing && slices.Contains(rr.NoData, d.ID) {
			ar.CountedZero = append(ar.CountedZero, ad)
		}
		if ad.Missing {
			if rr.Rated {
				ar.NotRatedOn = append(ar.NotRatedOn, ad)
			}
			continue
		}
		ar.Scored++
		// Scores equal at 12 significant digits are equal (as ranked).
		if ar.Strongest == nil || scoring.CompareScores(ad.Score, ar.Strongest.Score) > 0 {
			ar.Strongest = ad
		}
		if ar.Weakest == nil || scoring.CompareScores(ad.Score, ar.Weakest.Score) < 0 {
			ar.Weakest = ad
		}
	}
	if !rr.Rated {
		switch {
		case rr.Total > 0:
			ar.Reason = msgf(lang, msgCoverage, rr.Total, rr.Present, formatPct(def.Scoring.MinCoverage))
		case rr.Reason != "":
			ar.Reason = EscapeMarkdown(rr.Reason)
		default:
			ar.Reason = Message(lang, msgNotRated)
		}
		return ar
	}
	ar.Rank, ar.Score, ar.ScoreText = rr.Rank, rr.Score, formatScore(rr.Score, dec)
	ar.Stars, ar.Glyphs, ar.Word = rr.Stars, StarGlyphs(rr.Stars, classes), starsWord(lang, rr.Stars)
	ar.Class = Text(classLabel(def, rr.Class, rr.Stars))

	for _, c := range r.Caps {
		if c.Region != rr.Region.Code {
			continue
		}
		dim := c.Dimension
		if d, ok := def.Dimension(c.Dimension); ok {
			dim = dimensionName(d, lang)
		}
		ar.Caps = append(ar.Caps, &ArticleCap{
			From: c.From, To: c.To, FromWord: starsWord(lang, c.From), ToWord: starsWord(lang, c.To),
			FromGlyph: StarGlyphs(c.From, classes), ToGlyph: StarGlyphs(c.To, classes), Dimension: Text(dim),
		})
	}
	if def.Stars.Method == "thresholds" && rr.Stars >= 1 && rr.Stars < classes && len(ar.Caps) == 0 {
		t := def.Stars.Thresholds[rr.Stars-1]
		if gap := t - rr.Score; gap > 0 {
			ar.Next, ar.NextWord = rr.Stars+1, starsWord(lang, rr.Stars+1)
			ar.Gap, ar.Threshold = formatScore(gap, dec), formatNumber(t)
		}
	}

	if ar.Weakest == ar.Strongest || (ar.Weakest != nil && scoring.SameScore(ar.Weakest.Score, ar.Strongest.Score)) {
		ar.Weakest = nil
	}

	// The indicators of a top-level dimension, present ones only.
	present := func(dimID Text) []*ArticleIndicator {
		var out []*ArticleIndicator
		for _, ind := range def.Indicators {
			d := topOf[ind.ID]
			if d == nil || (dimID != "" && d.ID != string(dimID)) {
				continue
			}
			ai := articleIndicator(def, rr, ind, d, lang, dec)
			if r.Data != nil && !ai.Missing && !ai.Imputed {
				ai.Evidence, ai.EvidenceText = articleEvidence(r.Data.Evidence(rr.Region.Code, r.Year, ind.ID), ind, lang)
			}
			if ai.Missing || math.IsNaN(ai.Normalised) {
				continue
			}
			ai.Rank, ai.Of, ai.Bottom = st.inds[ind.ID].standing(ai.Normalised)
			switch {
			case ai.EvidenceText != "":
				ai.SourceNote = ai.EvidenceText
			case !isCellPosition(string(ai.Source)):
				ai.SourceNote = ai.Source
			}
			out = append(out, ai)
		}
		return out
	}
	if ar.Strongest != nil {
		inds := present(ar.Strongest.ID)
		slices.SortStableFunc(inds, func(x, y *ArticleIndicator) int { return cmpFloat(y.Normalised, x.Normalised) })
		// A value at the bottom supports nothing: leave it out, and say
		// so when nothing else is left.
		for _, ai := range inds {
			if len(ar.Evidence) < 3 && !ai.Bottom {
				ar.Evidence = append(ar.Evidence, ai)
			}
		}
		ar.NoStandout = len(inds) > 0 && len(ar.Evidence) == 0
	}
	pool := Text("")
	if ar.Weakest != nil {
		pool = ar.Weakest.ID
	}
	// Weak indicators pull the score down: at or below the weakest
	// dimension's score (the region's score when there is none); at
	// least the lowest one, for methods whose scores are on another scale.
	level := rr.Score
	if ar.Weakest != nil {
		level = ar.Weakest.Score
	}
	// An indicator at the region's best, or one on which it leads every
	// region, holds nothing back: it is never listed as weak.
	best := math.Inf(-1)
	for _, ai := range present("") {
		best = math.Max(best, ai.Normalised)
	}
	weak := present(pool)
	slices.SortStableFunc(weak, func(x, y *ArticleIndicator) int { return cmpFloat(x.Normalised, y.Normalised) })
	for i, ai := range weak {
		if len(ar.Weak) == 2 || (i > 0 && ai.Normalised > level) || ai.Normalised >= best {
			break
		}
		if ai.Rank == 1 && !ai.Bottom { // leads (a value every region shares leads nothing)
			continue
		}
		if !slices.ContainsFunc(ar.Evidence, func(e *ArticleIndicator) bool { return e.ID == ai.ID }) {
			ar.Weak = append(ar.Weak, ai)
		}
	}
	// A weakest dimension the region leads is not held back: its weak
	// indicators are the room it has left to grow.
	ar.RoomToGrow = ar.Weakest != nil && ar.Weakest.Rank == 1
	return ar
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// imputedNote is the remark after an imputed value: how it was imputed.
func imputedNote(def *indicators.Definition, lang string) string {
	key := "imp_" + def.Scoring.Impute
	if _, ok := articleWords[lang][key]; !ok {
		return aw(lang, "imputed")
	}
	return awf(lang, "imputed_by", aw(lang, key))
}

func articleIndicator(def *indicators.Definition, rr *scoring.RegionResult, ind *indicators.Indicator, top *indicators.Dimension, lang string, dec int) *ArticleIndicator {
	ai := &ArticleIndicator{
		ID: Text(ind.ID), Name: Text(indicatorName(ind, lang)), Dimension: Text(dimensionName(top, lang)),
		Unit: Text(articleUnit(ind, lang)), Raw: math.NaN(), Normalised: math.NaN(), Missing: true,
	}
	is := indicatorScore(rr, ind.ID)
	if is == nil {
		ai.Value = aw(lang, "missing")
		return ai
	}
	ai.Raw, ai.Normalised, ai.Imputed, ai.Source = is.Raw, is.Normalised, is.Imputed, Text(is.Source)
	switch {
	case !math.IsNaN(is.Raw):
		ai.Missing = false
		ai.Value = formatQuantity(lang, is.Raw, articleUnit(ind, lang))
	case is.Imputed && !math.IsNaN(is.Value):
		ai.Missing = false
		ai.Value = formatQuantity(lang, is.Value, articleUnit(ind, lang)) + imputedNote(def, lang)
		// An imputed value has no source: what it rests on is the method.
		ai.Source = ""
	default:
		ai.Value = aw(lang, "missing")
	}
	ai.NormText = formatScore(is.Normalised, dec)
	return ai
}

func articleOverview(a *Article, r *scoring.Result, lang string, dec, classes int) ArticleOverview {
	o := ArticleOverview{Regions: len(a.Regions), Method: a.Method.Sentence, TopWord: starsWord(lang, classes)}
	var rated []*ArticleRegion
	for _, ar := range a.Regions {
		if ar.Rated {
			rated = append(rated, ar)
		}
	}
	o.Rated, o.Unrated = len(rated), len(a.Regions)-len(rated)
	if len(rated) == 0 {
		return o
	}
	for _, ar := range rated {
		if ar.Rank == rated[0].Rank {
			o.Leaders = append(o.Leaders, ar)
			o.LeaderNames = append(o.LeaderNames, ar.Name)
		} else if o.RunnerUp == nil {
			o.RunnerUp = ar
		}
	}
	hi, lo := rated[0].Score, rated[0].Score
	for _, ar := range rated {
		hi, lo = math.Max(hi, ar.Score), math.Min(lo, ar.Score)
		o.TopStars = max(o.TopStars, ar.Stars)
	}
	o.Highest, o.Lowest = formatScore(hi, dec), formatScore(lo, dec)
	if o.RunnerUp != nil {
		lead := rated[0].Score - o.RunnerUp.Score
		o.Lead = formatScore(lead, dec)
		o.Close = lead <= (hi-lo)/20
	}
	counts := map[int]*ArticleStarCount{}
	for _, ar := range rated {
		c := counts[ar.Stars]
		if c == nil {
			c = &ArticleStarCount{Stars: ar.Stars, Glyphs: ar.Glyphs, Word: ar.Word, Class: ar.Class}
			counts[ar.Stars] = c
		}
		c.Count++
		c.Names = append(c.Names, ar.Name)
	}
	for s := o.TopStars; s >= 1; s-- {
		if c := counts[s]; c != nil {
			o.Stars = append(o.Stars, c)
		}
	}
	return o
}

func articleMethod(r *scoring.Result, lang string, top []*indicators.Dimension) ArticleMethod {
	def := r.Def
	sc := def.Scoring
	m := ArticleMethod{Normalise: r.Method.Normalise, Weights: r.Method.Weights, Aggregate: r.Method.Aggregate, Stars: r.Method.Stars}
	rng := awf(lang, "range", formatNumber(sc.Range[0]), formatNumber(sc.Range[1]))
	switch m.Normalise {
	case "minmax", "fracmax", "prank", "goalposts":
		m.NormalisePhrase = awf(lang, "norm_"+m.Normalise, rng)
	case "zscore", "rank", "borda", "dist2max", "dist2ref", "dist2target", "none":
		m.NormalisePhrase = aw(lang, "norm_"+m.Normalise)
	default:
		m.NormalisePhrase = awf(lang, "norm_other", EscapeMarkdown(m.Normalise))
	}
	for _, ind := range def.Indicators {
		if ind.Normalise != "" && ind.Normalise != m.Normalise {
			m.NormalisePhrase += aw(lang, "norm_override")
			break
		}
	}
	switch m.Weights {
	case "manual", "equal", "entropy", "critic", "ahp", "pca":
		m.WeightsPhrase = aw(lang, "w_"+m.Weights)
	default:
		m.WeightsPhrase = awf(lang, "w_other", EscapeMarkdown(m.Weights))
	}
	switch m.Aggregate {
	case "arithmetic", "geometric", "harmonic", "copeland":
		m.AggregatePhrase = aw(lang, "agg_"+m.Aggregate)
	case "power":
		p := sc.Power
		if p == 0 {
			p = 1
		}
		m.AggregatePhrase = awf(lang, "agg_power", formatNumber(p))
	default:
		m.AggregatePhrase = awf(lang, "agg_other", EscapeMarkdown(m.Aggregate))
	}
	classes := def.Stars.NumClasses()
	switch m.Stars {
	case "thresholds":
		ts := def.Stars.Thresholds
		for _, t := range ts {
			m.Thresholds = append(m.Thresholds, formatNumber(t))
		}
		if len(ts) == 1 {
			m.StarsPhrase = awf(lang, "stars_one", m.Thresholds[0], starsWord(lang, 2), starsWord(lang, 1))
		} else if len(ts) > 1 {
			from := starsWord(lang, 2)
			if lang == "en" {
				from = spellCount(lang, 2)
			}
			list := strings.Join(m.Thresholds, "、")
			if lang == "en" {
				list = listWords(lang, m.Thresholds, ", ")
			}
			m.StarsPhrase = awf(lang, "stars_thresholds", list,
				from, starsWord(lang, classes), m.Thresholds[0], starsWord(lang, 1))
		}
	case "quantiles", "kmeans", "jenks":
		m.StarsPhrase = awf(lang, "stars_"+m.Stars, spellCount(lang, classes))
	default:
		m.StarsPhrase = awf(lang, "stars_other", EscapeMarkdown(m.Stars), spellCount(lang, classes))
	}

	names := make([]string, len(top))
	for i, d := range top {
		names[i] = EscapeMarkdown(dimensionName(d, lang))
	}
	dims := listWords(lang, names, ", ")
	if lang != "en" {
		dims = "“" + strings.Join(names, "”“") + "”"
	}
	m.Sentence = awf(lang, "sentence", spellCount(lang, len(top)), dims, len(def.Indicators),
		m.NormalisePhrase, m.WeightsPhrase, m.AggregatePhrase, m.StarsPhrase)

	switch sc.Impute {
	case "", "none":
		m.Impute = aw(lang, "impute_none")
	default:
		imp := aw(lang, "imp_"+sc.Impute)
		if _, ok := articleWords[lang]["imp_"+sc.Impute]; !ok {
			imp = EscapeMarkdown(sc.Impute)
		}
		m.Impute = awf(lang, "impute_some", imp)
	}
	if sc.MinCoverage > 0 {
		m.Coverage = awf(lang, "coverage", formatPct(sc.MinCoverage))
	}
	switch {
	case sc.Round != nil && lang == "en" && *sc.Round == 1:
		m.Rounding = awf(lang, "rounding", "one decimal")
	case sc.Round != nil && lang == "en":
		m.Rounding = awf(lang, "rounding", spellCount(lang, *sc.Round)+" decimals")
	case sc.Round != nil:
		m.Rounding = awf(lang, "rounding", *sc.Round)
	default:
		m.Rounding = aw(lang, "rounding_none")
	}
	for _, c := range def.Caps {
		to := starsWord(lang, c.Max)
		dim := ""
		if d, ok := def.Dimension(c.Dimension); ok {
			dim = EscapeMarkdown(dimensionName(d, lang))
		}
		switch {
		case c.Below != nil && dim == "":
			m.Caps = append(m.Caps, awf(lang, "cap_any_below", formatNumber(*c.Below), to))
		case c.Below != nil:
			m.Caps = append(m.Caps, awf(lang, "cap_dim_below", dim, formatNumber(*c.Below), to))
		case c.BelowQuantile != nil && dim == "":
			m.Caps = append(m.Caps, awf(lang, "cap_any_q", formatPct(*c.BelowQuantile), to))
		case c.BelowQuantile != nil:
			m.Caps = append(m.Caps, awf(lang, "cap_dim_q", dim, formatPct(*c.BelowQuantile), to))
		}
	}
	for _, t := range r.Treatments {
		name := t.Indicator
		if ind, ok := def.Indicator(t.Indicator); ok {
			name = indicatorName(ind, lang)
		}
		m.Treatments = append(m.Treatments, awf(lang, "treatment", EscapeMarkdown(name), EscapeMarkdown(t.Applied), t.Changed))
	}
	return m
}

// ---------------------------------------------------------------------------
// Words and numbers

var (
	zhDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	enCounts = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	enOrds   = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
)

// starsWord names a rating: "四星" in Chinese, "four stars" in English.
func starsWord(lang string, n int) string {
	if lang == "en" {
		if n == 1 {
			return "one star"
		}
		return spellCount(lang, n) + " stars"
	}
	if n >= 0 && n <= 10 {
		return zhDigits[n] + "星"
	}
	return strconv.Itoa(n) + " 星"
}

// spellCount writes a count in words up to ten (两 for 2 in Chinese, as
// counts take it), in digits above — spaced off in Chinese, as the
// project's Chinese text spaces digits.
func spellCount(lang string, n int) string {
	if n < 0 || n > 10 {
		if lang == "en" {
			return strconv.Itoa(n)
		}
		return " " + strconv.Itoa(n) + " "
	}
	if lang == "en" {
		return enCounts[n]
	}
	if n == 2 {
		return "两"
	}
	return zhDigits[n]
}

// ordinal writes a rank: "第一" … "第十", "第 11"; "first" … "tenth", "11th".
func ordinal(lang string, n int) string {
	if lang == "en" {
		if n >= 1 && n <= 10 {
			return enOrds[n]
		}
		suffix := "th"
		if n%100 < 11 || n%100 > 13 {
			switch n % 10 {
			case 1:
				suffix = "st"
			case 2:
				suffix = "nd"
			case 3:
				suffix = "rd"
			}
		}
		return strconv.Itoa(n) + suffix
	}
	if n >= 1 && n <= 10 {
		return "第" + zhDigits[n]
	}
	return "第 " + strconv.Itoa(n)
}

// listWords joins items the way prose lists them: "A、B和C", "A, B and C".
func listWords(lang string, items []string, sep string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and := "和"
	if lang == "en" {
		and = " and "
	}
	return strings.Join(items[:len(items)-1], sep) + and + items[len(items)-1]
}

// formatPct writes a share as a percentage with at most one decimal.
func formatPct(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return formatNumber(math.Round(x*1000)/10) + "%"
}

// roundForText rounds a value for prose: two decimals from 1 up, four
// significant digits below.
func roundForText(x float64) float64 {
	if x == 0 || math.Abs(x) >= 1 {
		return math.Round(x*100) / 100
	}
	p := math.Pow(10, 3-math.Floor(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

// formatQuantity writes x with its unit for prose in lang: in Chinese
// 12,345 is "1.23 万" and 176,000,000 "1.76 亿", the unit following
// ("350 项", "66.7%"); in English with thousands separators. NaN is "no
// data" ("无数据"). The unit is escaped.
func formatQuantity(lang string, x float64, unit string) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return aw(lang, "missing")
	}
	unit = strings.TrimSpace(unit)
	if isYearUnit(unit) && x > 0 && x != math.Trunc(x) {
		return formatDuration(lang, x)
	}
	pct := unit == "%" || unit == "％"
	var num string
	if lang == "en" {
		num = groupThousands(formatNumber(roundForText(x)))
		switch {
		case pct:
			return num + "%"
		case unit == "":
			return num
		}
		if u, ok := enUnits[unit]; ok {
			if u[0] == "" {
				return num
			}
			if x == 1 {
				return num + " " + u[0]
			}
			return num + " " + u[1]
		}
		if hasHan(unit) {
			return num
		}
		return num + " " + EscapeMarkdown(unit)
	}
	mult := ""
	switch ax := math.Abs(x); {
	case ax >= 1e8 && !pct:
		x, mult = x/1e8, "亿"
	case ax >= 1e4 && !pct:
		x, mult = x/1e4, "万"
	}
	num = formatNumber(roundForText(x))
	switch {
	case pct:
		return num + "%"
	case mult == "" && unit == "":
		return num
	}
	return num + " " + mult + EscapeMarkdown(unit)
}

// groupThousands puts commas into the integer part of a decimal number.
// isYearUnit says whether unit is years.
func isYearUnit(unit string) bool {
	switch strings.ToLower(unit) {
	case "年", "year", "years", "yr", "yrs":
		return true
	}
	return false
}

// formatDuration words a fractional number of years as a reader counts
// time: months under a year, years and months under three years, else
// whole years with "nearly" or "over" (11.94 → 近 12 年 / nearly 12
// years), never "11.94 年".
func formatDuration(lang string, years float64) string {
	months := int(math.Round(years * 12))
	en := lang == "en"
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	switch {
	case months < 12:
		if en {
			return plural(max(months, 1), "month", "months")
		}
		return strconv.Itoa(max(months, 1)) + " 个月"
	case months < 36:
		y, m := months/12, months%12
		switch {
		case en && m == 0:
			return plural(y, "year", "years")
		case en:
			return plural(y, "year", "years") + " " + plural(m, "month", "months")
		case m == 0:
			return strconv.Itoa(y) + " 年"
		}
		return strconv.Itoa(y) + " 年 " + strconv.Itoa(m) + " 个月"
	}
	y := int(math.Round(years))
	switch {
	case months == 12*y:
		if en {
			return plural(y, "year", "years")
		}
		return strconv.Itoa(y) + " 年"
	case float64(y) > years:
		if en {
			return "nearly " + plural(y, "year", "years")
		}
		return "近 " + strconv.Itoa(y) + " 年"
	}
	if en {
		return "over " + plural(y, "year", "years")
	}
	return strconv.Itoa(y) + " 年多"
}

func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) <= 4 {
		return sign + s
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Template functions

// articleFuncs are the functions templates may call:
//
//	stars N [CLASSES]   star glyphs, ★★★★☆ (classes default to the index's)
//	pct X               a share as a percentage, 0.923 → "92.3%"
//	num X [UNIT]        a number with its unit; 万/亿 for large numbers in Chinese
//	join LIST SEP       the items joined with SEP (Text items escaped)
//	list LIST           the items as prose: "A、B和C" / "A, B and C"
//	md X                X escaped for Markdown (Text is already escaped when printed)
//	spell N             a count in words up to ten: "三" / "three"
//	ordinal N           a rank: "第一" / "first"
//	word N              a rating in words: "四星" / "four stars"
//	add A B, sub A B    integer arithmetic
func articleFuncs(def *indicators.Definition, lang string, g *templateGuard) template.FuncMap {
	classes := def.Stars.NumClasses()
	return template.FuncMap{
		"stars": func(n int, k ...int) string {
			if len(k) > 0 {
				return StarGlyphs(n, k[0])
			}
			return StarGlyphs(n, classes)
		},
		"pct": func(x any) (string, error) {
			f, err := toFloat(x)
			return formatPct(f), err
		},
		"num": func(x any, unit ...any) (string, error) {
			f, err := toFloat(x)
			if err != nil {
				return "", err
			}
			u := ""
			if len(unit) > 0 {
				u = rawText(unit[0])
			}
			return formatQuantity(lang, f, u), nil
		},
		"join": func(list any, sep string) (string, error) {
			items, err := textItems(list, g, len(sep))
			if err != nil {
				return "", err
			}
			return strings.Join(items, sep), nil
		},
		"list": func(list any) (string, error) {
			sep := "、"
			if lang == "en" {
				sep = ", "
			}
			items, err := textItems(list, g, len(sep)+len(" and "))
			if err != nil {
				return "", err
			}
			return listWords(lang, items, sep), nil
		},
		"md":      func(x any) string { return EscapeMarkdown(rawText(x)) },
		"spell":   func(n int) string { return spellCount(lang, n) },
		"ordinal": func(n int) string { return ordinal(lang, n) },
		"word":    func(n int) string { return starsWord(lang, n) },
		"add":     func(a, b int) int { return a + b },
		"sub":     func(a, b int) int { return a - b },
	}
}

// rawText is x as written: a Text unescaped, anything else printed.
func rawText(x any) string {
	switch v := x.(type) {
	case Text:
		return string(v)
	case string:
		return v
	case nil:
		return ""
	}
	return fmt.Sprint(x)
}

// textItems prints the items of a slice: Text escaped, strings as they
// are (they are govindex's own Markdown), others with fmt.
// Items that are not plain (records) are refused, and a list whose text
// would not fit in what the article may still write (sep bytes between
// items) is refused before it is built.
func textItems(list any, g *templateGuard, sep int) ([]string, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return nil, fmt.Errorf("join and list need a list, not %T", list)
	}
	out := make([]string, v.Len())
	size := int64(0)
	for i := range out {
		x := v.Index(i).Interface()
		if !plain(x) {
			return nil, notPlainError("join or list", x)
		}
		out[i] = fmt.Sprint(x)
		size += int64(len(out[i]) + sep)
		if err := g.room(size); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func toFloat(x any) (float64, error) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		return v.Float(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(v.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(v.Uint()), nil
	}
	return 0, fmt.Errorf("not a number: %v (%T)", x, x)
}

// articleRobust adds the star confidence of each rated region, matched by
// code, and the overview's count of robust ratings.
func articleRobust(a *Article, r *scoring.Result, rr *scoring.RobustResult, lang string) {
	samples := rr.Config.Samples - rr.Failed
	n := strconv.Itoa(samples)
	if lang == "en" {
		n = groupThousands(n)
	}
	threshold := robustPct(RobustStarThreshold)
	sum := &ArticleRobustSummary{Samples: samples, Threshold: threshold}
	for i, ar := range a.Regions {
		if !ar.Rated || i >= len(r.Regions) {
			continue
		}
		g, ok := rr.Region(r.Regions[i].Region.Code)
		if !ok {
			continue
		}
		stars := ar.Stars
		share := 0.0
		if stars > 0 && stars < len(g.StarShares) {
			share = g.StarShares[stars]
		}
		rb := &ArticleRobust{Samples: samples, Share: share, ShareText: robustPct(share),
			Robust: share >= RobustStarThreshold, Median: g.Median, P05: g.P05, P95: g.P95}
		best := -1.0
		for c := len(g.StarShares) - 1; c >= 1; c-- {
			if c != stars && g.StarShares[c] > best {
				best, rb.Other = g.StarShares[c], c
			}
		}
		if rb.Other > 0 {
			rb.OtherWord, rb.OtherShare = starsWord(lang, rb.Other), robustPct(best)
		}
		rank := awf(lang, "rb_rank_range", g.P05, g.P95)
		if g.P05 == g.P95 {
			rank = awf(lang, "rb_rank_fixed", g.P05)
		}
		word := starsWord(lang, stars)
		if lang == "en" {
			word = starAdjective(stars)
		}
		rb.Sentence = awf(lang, "rb_sentence", n, rb.ShareText, word, rank)
		if !rb.Robust && rb.Other > 0 {
			rb.Flag = awf(lang, "rb_flag", threshold, rb.OtherShare, rb.OtherWord)
		}
		ar.Robust = rb
		sum.Rated++
		if rb.Robust {
			sum.Robust++
		}
	}
	sum.Sentence = awf(lang, "rb_overview", n, spellCount(lang, sum.Rated), spellCount(lang, sum.Robust), threshold)
	if rr.Failed > 0 {
		// Draws a method could not take are not "plausible choices": say
		// how many were left out, so the shares are read against the rest.
		sum.Sentence += awf(lang, "rb_failed", rr.Failed, rr.Config.Samples)
	}
	a.Overview.Robust = sum
}

// robustPct writes a share as a whole percentage, rounded down so that a
// share below the threshold never reads as the threshold ("<1%" for a
// share above zero that rounds to none).
func robustPct(x float64) string {
	p := math.Floor(x*100 + 1e-9)
	if p <= 0 && x > 0 {
		return "<1%"
	}
	return strconv.Itoa(int(p)) + "%"
}

// starAdjective is a rating as an English adjective: "four-star".
func starAdjective(n int) string {
	if n >= 0 && n <= 10 {
		return enCounts[n] + "-star"
	}
	return strconv.Itoa(n) + "-star"
}
