package reports

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// What a region needs for the next star (`govindex whatif`): the renderers
// of a scoring.WhatIfResult as a terminal table, Markdown, CSV (the
// options and the plan's changes) or JSON (the contract).

var errNoWhatIf = errors.New("reports: no what-if result to render (nil WhatIfResult or Base)")

// WhatIfFormats lists the format names WriteWhatIf accepts.
func WhatIfFormats() []string { return []string{"table", "csv", "json", "md"} }

// WriteWhatIf renders wi in the named format: table, csv, json or md.
func WriteWhatIf(w io.Writer, format string, wi *scoring.WhatIfResult, o Options) error {
	if wi == nil || wi.Region == nil || check(wi.Base) != nil {
		return errNoWhatIf
	}
	switch format {
	case "table":
		return writeWhatIfText(w, wi, o, false)
	case "md":
		return writeWhatIfText(w, wi, o, true)
	case "csv":
		return writeWhatIfCSV(w, wi, o)
	case "json":
		return EncodeJSON(w, JSONWhatIfResult(wi, o))
	}
	return fmt.Errorf("reports: what-if has no %q format (want one of %s)", format, strings.Join(WhatIfFormats(), ", "))
}

// ---------------------------------------------------------------------------
// JSON

// JSONWhatIf is the `whatif --format json` document. The contract keys are
// region, stars, target and options (indicator, from, to); the rest are
// extensions. A missing value's from, and its change, are null. An option
// or change of an indicator that fewer than two other regions report has
// few_reports, their number.
type JSONWhatIf struct {
	Region  string             `json:"region"`
	Stars   int                `json:"stars"`
	Target  int                `json:"target"`
	Options []JSONWhatIfOption `json:"options"`

	Name        string                  `json:"name"`
	Score       JSONFloat               `json:"score"`
	Year        int                     `json:"year,omitempty"`
	Classes     int                     `json:"classes"`
	Top         bool                    `json:"top,omitempty"`
	Unreachable []JSONWhatIfUnreachable `json:"unreachable"`
	Plan        *JSONWhatIfPlan         `json:"plan"`
	// CheapestBy says what the efforts are: "span" (the change as a share
	// of the regions' range) or "effort" (|change| × index.toml's effort
	// per unit).
	CheapestBy string `json:"cheapest_by"`
}

// JSONWhatIfOption is one change that alone earns the target.
type JSONWhatIfOption struct {
	Indicator  string    `json:"indicator"`
	From       JSONFloat `json:"from"`
	To         JSONFloat `json:"to"`
	Unit       string    `json:"unit"`
	Change     JSONFloat `json:"change"`
	Effort     JSONFloat `json:"effort"`
	ScoreAfter JSONFloat `json:"score_after"`
	StarsAfter int       `json:"stars_after"`
	FewReports *int      `json:"few_reports,omitempty"`
}

// JSONWhatIfUnreachable is an indicator that alone cannot earn the target;
// why is the machine-readable kind (limit, weight, cap, best, maxed, fixed),
// reason the sentence in the output language.
type JSONWhatIfUnreachable struct {
	Indicator string `json:"indicator"`
	Reason    string `json:"reason"`
	Why       string `json:"why"`
}

// JSONWhatIfPlan is the cheapest combined plan.
type JSONWhatIfPlan struct {
	Changes    []JSONWhatIfChange `json:"changes"`
	Effort     JSONFloat          `json:"effort"`
	ScoreAfter JSONFloat          `json:"score_after"`
	StarsAfter int                `json:"stars_after"`
}

// JSONWhatIfChange is one change of the plan.
type JSONWhatIfChange struct {
	Indicator  string    `json:"indicator"`
	From       JSONFloat `json:"from"`
	To         JSONFloat `json:"to"`
	Unit       string    `json:"unit"`
	Change     JSONFloat `json:"change"`
	FewReports *int      `json:"few_reports,omitempty"`
}

// JSONWhatIfResult builds the JSON document of wi; nil when wi is.
func JSONWhatIfResult(wi *scoring.WhatIfResult, o Options) *JSONWhatIf {
	if wi == nil || wi.Region == nil || check(wi.Base) != nil {
		return nil
	}
	lang := o.lang()
	rr := wi.Region
	doc := &JSONWhatIf{
		Region: rr.Region.Code, Stars: wi.Stars, Target: wi.Target, Options: []JSONWhatIfOption{},
		Name: regionName(rr.Region, lang), Score: JSONFloat(whatIfScore(rr)), Year: wi.Base.Year,
		Classes: wi.Classes, Top: wi.Top, Unreachable: []JSONWhatIfUnreachable{}, CheapestBy: "span",
	}
	if wi.ByEffort {
		doc.CheapestBy = "effort"
	}
	for _, op := range wi.Options {
		doc.Options = append(doc.Options, JSONWhatIfOption{
			Indicator: op.Indicator, From: JSONFloat(op.From), To: JSONFloat(op.To), Unit: op.Unit,
			Change: JSONFloat(scoring.RoundTo(op.Change, op.Decimals)), Effort: JSONFloat(scoring.RoundTo(op.Effort, 6)),
			ScoreAfter: JSONFloat(op.ScoreAfter), StarsAfter: op.StarsAfter, FewReports: whatIfFew(op.FewReports, op.Reports),
		})
	}
	for _, u := range wi.Unreachable {
		doc.Unreachable = append(doc.Unreachable, JSONWhatIfUnreachable{Indicator: u.Indicator, Reason: whatIfReason(wi, u, lang), Why: u.Why})
	}
	if p := wi.Plan; p != nil {
		jp := &JSONWhatIfPlan{Changes: []JSONWhatIfChange{}, Effort: JSONFloat(scoring.RoundTo(p.Effort, 6)),
			ScoreAfter: JSONFloat(p.ScoreAfter), StarsAfter: p.StarsAfter}
		for _, c := range p.Changes {
			jp.Changes = append(jp.Changes, JSONWhatIfChange{Indicator: c.Indicator, From: JSONFloat(c.From), To: JSONFloat(c.To),
				Unit: c.Unit, Change: JSONFloat(scoring.RoundTo(c.Change, c.Decimals)), FewReports: whatIfFew(c.FewReports, c.Reports)})
		}
		doc.Plan = jp
	}
	return doc
}

// whatIfFew is the few_reports of an option or change: the number of other
// regions reporting the indicator when flagged, else nil.
func whatIfFew(few bool, n int) *int {
	if !few {
		return nil
	}
	return &n
}

func whatIfScore(rr *scoring.RegionResult) float64 {
	if !rr.Rated {
		return math.NaN()
	}
	return rr.Score
}

// ---------------------------------------------------------------------------
// Words

// Message keys of the what-if catalogue.
const (
	wiTitle        = "wi_title"
	wiLead         = "wi_lead"         // name, stars word, score, target word
	wiLeadUnrated  = "wi_lead_unrated" // name, target word
	wiNoOption     = "wi_no_option"    // name, stars word, score, target word
	wiNoOptionUnr  = "wi_no_option_unrated"
	wiTop          = "wi_top" // name, stars word, score
	wiIndicator    = "wi_indicator"
	wiUnit         = "wi_unit"
	wiFromTo       = "wi_from_to"
	wiChange       = "wi_change"
	wiEffort       = "wi_effort"
	wiScoreAfter   = "wi_score_after"
	wiStarsAfter   = "wi_stars_after"
	wiPlanTitle    = "wi_plan_title"
	wiPlanSingle   = "wi_plan_single"
	wiPlanResult   = "wi_plan_result" // score, stars word
	wiNoPlan       = "wi_no_plan"     // target word
	wiUnreachTitle = "wi_unreach_title"
	wiReason       = "wi_reason"
	wiNote         = "wi_note"
	wiNoteMissing  = "wi_note_missing"
	// effortSuffix marks the variant of a message for an index that
	// declares efforts (whatIfBlocks' em).
	effortSuffix   = "_effort"
	wiMissingFrom  = "wi_missing_from"
	wiWhyLimit     = "wi_why_limit"  // at, stars word, score
	wiWhyBound     = "wi_why_bound"  // at, stars word, score
	wiWhyWeight    = "wi_why_weight" // weight %, stars word, score
	wiWhyCap       = "wi_why_cap"    // dimension, condition, stars word
	wiWhyBest      = "wi_why_best"   // value
	wiWhyMaxed     = "wi_why_maxed"
	wiWhyFixed     = "wi_why_fixed"
	wiFew          = "wi_few"      // the fragments below, joined
	wiFewOne       = "wi_few_one"  // indicator, number of other regions
	wiFewNone      = "wi_few_none" // indicator
	wiFewSep       = "wi_few_sep"
	wiCondQ        = "wi_cond_q" // share
	wiCondQuarter  = "wi_cond_quarter"
	wiCondBelow    = "wi_cond_below" // value
	wiUnratedScore = "wi_unrated_score"
	wiPoints       = "wi_points" // score
)

var whatIfCatalogue = map[string]map[string]string{
	"zh": {
		wiTitle:                      "升星分析",
		wiLead:                       "%s目前为%s（%s 分），要达到%s，只需以下任一项改变：",
		wiLeadUnrated:                "%s目前未评级，要达到%s，只需以下任一项改变：",
		wiNoOption:                   "%s目前为%s（%s 分），任何单项指标的改变都无法使其达到%s。",
		wiNoOptionUnr:                "%s目前未评级，任何单项指标的改变都无法使其达到%s。",
		wiTop:                        "%s目前为%s（%s 分），已是最高星级。",
		wiIndicator:                  "指标",
		wiUnit:                       "单位",
		wiFromTo:                     "当前值 → 目标值",
		wiChange:                     "变化",
		wiEffort:                     "调整幅度",
		wiScoreAfter:                 "变化后得分",
		wiStarsAfter:                 "变化后星级",
		wiPlanTitle:                  "调整量合计最小的组合方案：",
		wiPlanSingle:                 "调整量合计最小的方案就是单项改变：",
		wiEffort + effortSuffix:      "投入",
		wiPlanTitle + effortSuffix:   "投入合计最小的组合方案：",
		wiPlanSingle + effortSuffix:  "投入合计最小的方案就是单项改变：",
		wiNote + effortSuffix:        "注：每一项改变都已单独代入、重新计算整个指数（包括标准化上下限、权重、星级分界和星级封顶）验证；其他指标保持不变。投入为变化量乘以 index.toml 中该指标每单位的投入（effort），选项按投入从小到大排列；目标值在数据均为整数时取整数，否则按数据精度多保留两位小数，均向有利方向取整。",
		wiNoteMissing + effortSuffix: "缺失的指标从其自然下限算起：各地区观测值均不小于 0 且越大越好的指标（计数、比例、年限）从 0 算起，其余从各地区中最不利的观测值算起；目标值是补报后即可达到目标的最不利的值，投入为 0 表示补报这一起点值本身即可达到目标。",
		wiPlanResult:                 "按此方案调整后得分 %s 分，评为%s。",
		wiNoPlan:                     "没有找到能达到%s的组合方案。",
		wiUnreachTitle:               "单独改变无法达到目标的指标：",
		wiReason:                     "原因",
		wiNoteMissing:                "缺失的指标从其自然下限算起：各地区观测值均不小于 0 且越大越好的指标（计数、比例、年限）从 0 算起，其余从各地区中最不利的观测值算起；目标值是补报后即可达到目标的最不利的值，调整幅度为 0% 表示补报这一起点值本身即可达到目标。",
		wiNote:                       "注：每一项改变都已单独代入、重新计算整个指数（包括标准化上下限、权重、星级分界和星级封顶）验证；其他指标保持不变。调整幅度为变化量占各地区该指标取值极差的比例，选项按调整幅度从小到大排列；目标值在数据均为整数时取整数，否则按数据精度多保留两位小数，均向有利方向取整。",
		wiMissingFrom:                "缺失",
		wiWhyLimit:                   "即使达到 %s，也只能评为%s（%s）",
		wiWhyBound:                   "即使达到可能的最佳值 %s，也只能评为%s（%s）",
		wiWhyWeight:                  "权重过小（占指数的 %s%%）：无论如何改善，也只能评为%s（%s）",
		wiWhyCap:                     "星级封顶：“%s”维度%s，最高只能评为%s",
		wiWhyBest:                    "当前值 %s 已是可能的最佳值",
		wiWhyMaxed:                   "该指标已得满分（领先或已达目标值），再改善也不会提高总分",
		wiWhyFixed:                   "该指标不是地区可以改变的（index.toml 中 actionable = false）",
		wiFew:                        "注意：%s，相关结果依据的数据很少。",
		wiFewOne:                     "只有 %[2]d 个其他地区报告了“%[1]s”",
		wiFewNone:                    "没有其他地区报告“%s”",
		wiFewSep:                     "；",
		wiCondQ:                      "排在参评地区后 %s",
		wiCondQuarter:                "排在参评地区后 25%",
		wiCondBelow:                  "得分低于 %s 分",
		wiUnratedScore:               "未评级",
		wiPoints:                     "%s 分",
	},
	"en": {
		wiTitle:                      "What it takes to reach the next star",
		wiLead:                       "%s currently has %s (%s points); to reach %s, any one of these changes is enough:",
		wiLeadUnrated:                "%s is currently not rated; to reach %s, any one of these changes is enough:",
		wiNoOption:                   "%s currently has %s (%s points); no change of a single indicator is enough to reach %s.",
		wiNoOptionUnr:                "%s is currently not rated; no change of a single indicator is enough to reach %s.",
		wiTop:                        "%s currently has %s (%s points), the top rating.",
		wiIndicator:                  "Indicator",
		wiUnit:                       "Unit",
		wiFromTo:                     "From → to",
		wiChange:                     "Change",
		wiEffort:                     "Of span",
		wiScoreAfter:                 "Score after",
		wiStarsAfter:                 "Stars after",
		wiPlanTitle:                  "The cheapest combined plan:",
		wiPlanSingle:                 "The cheapest plan is a single change:",
		wiEffort + effortSuffix:      "Effort",
		wiNote + effortSuffix:        "Note: every change was verified by scoring the whole index again with it alone (normalisation bounds, weights, star boundaries and caps included), everything else unchanged. \"Effort\" is the change times the indicator's effort per unit in index.toml; options are listed cheapest first, the plan is the one of least total effort found. Targets are whole numbers where every value observed is one, else rounded to two more decimals than the data; always in the favourable direction.",
		wiNoteMissing + effortSuffix: "A missing indicator is measured from its natural floor: 0 where every value observed is at least 0 and higher is better (counts, shares, years), else the least favourable value observed; the value given is the least favourable that, reported, earns the target, and an effort of 0 means that reporting that starting value itself earns it.",
		wiPlanResult:                 "With this plan the score is %s points: %s.",
		wiNoPlan:                     "No combination of changes reaching %s was found.",
		wiUnreachTitle:               "Indicators that cannot reach the target alone:",
		wiReason:                     "Why",
		wiNoteMissing:                "A missing indicator is measured from its natural floor: 0 where every value observed is at least 0 and higher is better (counts, shares, years), else the least favourable value observed; the value given is the least favourable that, reported, earns the target, and 0% of span means that reporting that starting value itself earns it.",
		wiNote:                       "Note: every change was verified by scoring the whole index again with it alone (normalisation bounds, weights, star boundaries and caps included), everything else unchanged. \"Of span\" is the change as a share of the range of the regions' values; options are listed cheapest first. Targets are whole numbers where every value observed is one, else rounded to two more decimals than the data; always in the favourable direction.",
		wiMissingFrom:                "missing",
		wiWhyLimit:                   "even at %s the region reaches only %s (%s)",
		wiWhyBound:                   "even at the best possible value %s the region reaches only %s (%s)",
		wiWhyWeight:                  "the indicator's weight is too small (%s%% of the index): however far it improves, the region reaches only %s (%s)",
		wiWhyCap:                     "a star cap holds the rating: %s is %s, which allows at most %s",
		wiWhyBest:                    "the value %s is already the best possible",
		wiWhyMaxed:                   "the indicator already scores in full (the region leads, or is at its target): a better value adds nothing",
		wiWhyFixed:                   "not something the region can change (actionable = false in index.toml)",
		wiFew:                        "Note: %s; the result rests on very little data.",
		wiFewOne:                     "only %[2]d other region reports %[1]s",
		wiFewNone:                    "no other region reports %s",
		wiFewSep:                     "; ",
		wiCondQ:                      "in the bottom %s",
		wiCondQuarter:                "in the bottom quarter",
		wiCondBelow:                  "under %s",
		wiUnratedScore:               "not rated",
		wiPoints:                     "%s points",
	},
}

func wim(lang, key string) string {
	if s, ok := whatIfCatalogue[normLang(lang)][key]; ok {
		return s
	}
	return Message(lang, key)
}

func wif(lang, key string, args ...any) string { return fmt.Sprintf(wim(lang, key), args...) }

// whatIfStars words a rating for the sentences: "四星" / "four stars", and
// "未评级" / "not rated" for 0.
func whatIfStars(lang string, n int) string {
	if n <= 0 {
		return wim(lang, wiUnratedScore)
	}
	return starsWord(normLang(lang), n)
}

// whatIfIndicator is the indicator's name in lang.
func whatIfIndicator(def *indicators.Definition, id, lang string) string {
	if ind, ok := def.Indicator(id); ok {
		return indicatorName(ind, lang)
	}
	return id
}

// whatIfUnit is the unit of indicator id in lang (see UnitLabel); unit
// when the definition does not have it.
func whatIfUnit(def *indicators.Definition, id, unit, lang string) string {
	if ind, ok := def.Indicator(id); ok {
		return UnitLabel(lang, ind)
	}
	return unit
}

// whatIfValue prints a raw value with at most dec decimals, "" for NaN.
func whatIfValue(x float64, dec int) string {
	return formatNumber(scoring.RoundTo(x, dec))
}

// whatIfChange prints a change with its sign.
func whatIfChange(x float64, dec int) string {
	s := whatIfValue(x, dec)
	if s != "" && x > 0 {
		s = "+" + s
	}
	return s
}

// whatIfReason words why an indicator alone cannot earn the target.
func whatIfReason(wi *scoring.WhatIfResult, u scoring.WhatIfUnreachable, lang string) string {
	def := wi.Base.Def
	dec := decimals(def)
	score := wim(lang, wiUnratedScore)
	if !math.IsNaN(u.ScoreAt) {
		score = wif(lang, wiPoints, formatScore(u.ScoreAt, dec))
	}
	at := formatNumber(scoring.RoundTo(u.At, 6))
	switch u.Why {
	case scoring.WhyLimit:
		if u.Bound {
			return wif(lang, wiWhyBound, at, whatIfStars(lang, u.StarsAt), score)
		}
		return wif(lang, wiWhyLimit, at, whatIfStars(lang, u.StarsAt), score)
	case scoring.WhyWeight:
		return wif(lang, wiWhyWeight, formatScore(100*u.Weight, 1), whatIfStars(lang, u.StarsAt), score)
	case scoring.WhyCap:
		dim := u.Dimension
		if d, ok := def.Dimension(u.Dimension); ok {
			dim = dimensionName(d, lang)
		}
		cond := ""
		if u.Cap >= 0 && u.Cap < len(def.Caps) {
			c := def.Caps[u.Cap]
			switch {
			case c.Below != nil:
				cond = wif(lang, wiCondBelow, formatNumber(*c.Below))
			case c.BelowQuantile != nil && *c.BelowQuantile == 0.25:
				cond = wim(lang, wiCondQuarter)
			case c.BelowQuantile != nil:
				cond = wif(lang, wiCondQ, formatNumber(scoring.RoundTo(100**c.BelowQuantile, 2))+"%")
			}
		}
		return wif(lang, wiWhyCap, dim, cond, whatIfStars(lang, u.CapMax))
	case scoring.WhyBest:
		return wif(lang, wiWhyBest, at)
	case scoring.WhyMaxed:
		return wim(lang, wiWhyMaxed)
	case scoring.WhyFixed:
		return wim(lang, wiWhyFixed)
	}
	return u.Reason
}

// ---------------------------------------------------------------------------
// Table and Markdown

// whatIfBlock is a paragraph, optionally followed by a table and notes.
type whatIfBlock struct {
	text   string
	header []string
	right  []bool
	rows   [][]string
	after  []string
}

// whatIfBlocks lays the result out: the lead sentence with the options,
// the plan, the unreachable indicators and the note.
func whatIfBlocks(wi *scoring.WhatIfResult, lang string) []whatIfBlock {
	def := wi.Base.Def
	dec := decimals(def)
	rr := wi.Region
	name := regionName(rr.Region, lang)
	score := formatScore(rr.Score, dec)
	dash := Message(lang, msgMissingCell)
	or := func(s string) string {
		if s == "" {
			return dash
		}
		return s
	}
	from := func(x float64, d int) string {
		if math.IsNaN(x) {
			return wim(lang, wiMissingFrom)
		}
		return whatIfValue(x, d)
	}
	if wi.Top {
		return []whatIfBlock{{text: wif(lang, wiTop, name, whatIfStars(lang, wi.Stars), score)}}
	}
	target := whatIfStars(lang, wi.Target)
	var out []whatIfBlock
	// few words the indicators that few other regions report, each once.
	remarked := map[string]bool{}
	few := func(id string, n int) string {
		if remarked[id] {
			return ""
		}
		remarked[id] = true
		if n == 0 {
			return wif(lang, wiFewNone, whatIfIndicator(def, id, lang))
		}
		return wif(lang, wiFewOne, whatIfIndicator(def, id, lang), n)
	}
	remark := func(parts []string) []string {
		if len(parts) == 0 {
			return nil
		}
		return []string{wif(lang, wiFew, strings.Join(parts, wim(lang, wiFewSep)))}
	}

	// em is the message for the way efforts are measured.
	em := func(key string) string {
		if wi.ByEffort {
			if s, ok := whatIfCatalogue[normLang(lang)][key+effortSuffix]; ok {
				return s
			}
		}
		return wim(lang, key)
	}
	effort := func(e float64) string {
		if wi.ByEffort {
			return formatScore(e, 2)
		}
		return formatScore(100*e, 1) + "%"
	}
	opts := whatIfBlock{
		header: []string{wim(lang, wiIndicator), wim(lang, wiUnit), wim(lang, wiFromTo), wim(lang, wiChange), em(wiEffort), wim(lang, wiScoreAfter), wim(lang, wiStarsAfter)},
		right:  []bool{false, false, false, true, true, true, false},
	}
	switch {
	case len(wi.Options) > 0 && rr.Rated:
		opts.text = wif(lang, wiLead, name, whatIfStars(lang, wi.Stars), score, target)
	case len(wi.Options) > 0:
		opts.text = wif(lang, wiLeadUnrated, name, target)
	case rr.Rated:
		opts.text = wif(lang, wiNoOption, name, whatIfStars(lang, wi.Stars), score, target)
	default:
		opts.text = wif(lang, wiNoOptionUnr, name, target)
	}
	var fewOpts []string
	for _, op := range wi.Options {
		if op.FewReports {
			if s := few(op.Indicator, op.Reports); s != "" {
				fewOpts = append(fewOpts, s)
			}
		}
		opts.rows = append(opts.rows, []string{
			whatIfIndicator(def, op.Indicator, lang), whatIfUnit(def, op.Indicator, op.Unit, lang),
			from(op.From, op.Decimals) + " → " + whatIfValue(op.To, op.Decimals),
			or(whatIfChange(op.Change, op.Decimals)),
			effort(op.Effort),
			or(formatScore(op.ScoreAfter, dec)),
			StarGlyphs(op.StarsAfter, wi.Classes),
		})
	}
	opts.after = remark(fewOpts)
	out = append(out, opts)

	if p := wi.Plan; p != nil {
		plan := whatIfBlock{
			text:   em(wiPlanTitle),
			header: []string{wim(lang, wiIndicator), wim(lang, wiUnit), wim(lang, wiFromTo), wim(lang, wiChange), em(wiEffort)},
			right:  []bool{false, false, false, true, true},
			after:  []string{wif(lang, wiPlanResult, or(formatScore(p.ScoreAfter, dec)), whatIfStars(lang, p.StarsAfter))},
		}
		if len(p.Changes) == 1 {
			plan.text = em(wiPlanSingle)
		}
		var fewPlan []string
		for _, c := range p.Changes {
			if c.FewReports {
				if s := few(c.Indicator, c.Reports); s != "" {
					fewPlan = append(fewPlan, s)
				}
			}
			plan.rows = append(plan.rows, []string{
				whatIfIndicator(def, c.Indicator, lang), whatIfUnit(def, c.Indicator, c.Unit, lang),
				from(c.From, c.Decimals) + " → " + whatIfValue(c.To, c.Decimals),
				or(whatIfChange(c.Change, c.Decimals)),
				effort(c.Effort),
			})
		}
		plan.after = append(plan.after, remark(fewPlan)...)
		out = append(out, plan)
	} else {
		out = append(out, whatIfBlock{text: wif(lang, wiNoPlan, target)})
	}

	if len(wi.Unreachable) > 0 {
		un := whatIfBlock{
			text:   wim(lang, wiUnreachTitle),
			header: []string{wim(lang, wiIndicator), wim(lang, wiReason)},
			right:  []bool{false, false},
		}
		for _, u := range wi.Unreachable {
			un.rows = append(un.rows, []string{whatIfIndicator(def, u.Indicator, lang), whatIfReason(wi, u, lang)})
		}
		out = append(out, un)
	}
	note := em(wiNote)
	missing := slices.ContainsFunc(wi.Options, func(op scoring.WhatIfOption) bool { return math.IsNaN(op.From) })
	if p := wi.Plan; p != nil && slices.ContainsFunc(p.Changes, func(c scoring.WhatIfChange) bool { return math.IsNaN(c.From) }) {
		missing = true
	}
	if missing {
		sep := " "
		if lang != "en" {
			sep = ""
		}
		note += sep + em(wiNoteMissing)
	}
	out = append(out, whatIfBlock{text: note})
	return out
}

// writeWhatIfText writes the blocks as aligned terminal tables or, with
// md, as Markdown paragraphs and tables, every text escaped.
func writeWhatIfText(w io.Writer, wi *scoring.WhatIfResult, o Options, md bool) error {
	lang := o.lang()
	head := title(wi.Base, lang)
	if head != "" {
		head += Message(lang, msgTitleSep)
	}
	head += wim(lang, wiTitle)
	var b strings.Builder
	if md {
		b.WriteString("## " + EscapeMarkdown(head) + "\n")
	} else {
		b.WriteString(oneLine(head) + "\n")
	}
	for _, blk := range whatIfBlocks(wi, lang) {
		if md {
			b.WriteString("\n" + EscapeMarkdown(blk.text) + "\n")
		} else {
			b.WriteString("\n" + oneLine(blk.text) + "\n")
		}
		if len(blk.rows) > 0 {
			b.WriteByte('\n')
			if md {
				whatIfMarkdownTable(&b, blk)
			} else {
				whatIfTable(&b, blk)
			}
		}
		for _, a := range blk.after {
			if md {
				b.WriteString("\n" + EscapeMarkdown(a) + "\n")
			} else {
				b.WriteString("\n" + oneLine(a) + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// whatIfTable writes a table aligned by display width.
func whatIfTable(b *strings.Builder, blk whatIfBlock) {
	grid := append([][]string{blk.header}, blk.rows...)
	widths := make([]int, len(blk.header))
	for k, line := range grid {
		line = append([]string(nil), line...)
		for i, c := range line {
			line[i] = oneLine(c)
			widths[i] = max(widths[i], width.StringWidth(line[i]))
		}
		grid[k] = line
	}
	writeLine := func(line []string) { b.WriteString(alignedLine(line, widths, blk.right)) }
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

// whatIfMarkdownTable writes a GitHub-flavoured Markdown table.
func whatIfMarkdownTable(b *strings.Builder, blk whatIfBlock) {
	writeMarkdownTable(b, blk.header, blk.right, blk.rows)
}

// ---------------------------------------------------------------------------
// CSV

// writeWhatIfCSV writes the options, one row each, cheapest first, then
// the changes of the plan (score_after and stars_after are the plan's):
// region,indicator,name,unit,from,to,change,effort,score_after,stars_after,
// kind (option or plan),few_reports (the number of other regions reporting
// the indicator when under two, else empty).
func writeWhatIfCSV(w io.Writer, wi *scoring.WhatIfResult, o Options) error {
	lang := o.lang()
	def := wi.Base.Def
	records := [][]string{{"region", "indicator", "name", "unit", "from", "to", "change", "effort", "score_after", "stars_after", "kind", "few_reports"}}
	fewCell := func(few bool, n int) string {
		if !few {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, op := range wi.Options {
		records = append(records, []string{
			wi.Region.Region.Code, op.Indicator, whatIfIndicator(def, op.Indicator, lang), whatIfUnit(def, op.Indicator, op.Unit, lang),
			formatNumber(op.From), formatNumber(op.To), formatNumber(scoring.RoundTo(op.Change, op.Decimals)),
			formatNumber(scoring.RoundTo(op.Effort, 6)), formatNumber(op.ScoreAfter), strconv.Itoa(op.StarsAfter),
			"option", fewCell(op.FewReports, op.Reports),
		})
	}
	if p := wi.Plan; p != nil {
		for _, c := range p.Changes {
			records = append(records, []string{
				wi.Region.Region.Code, c.Indicator, whatIfIndicator(def, c.Indicator, lang), whatIfUnit(def, c.Indicator, c.Unit, lang),
				formatNumber(c.From), formatNumber(c.To), formatNumber(scoring.RoundTo(c.Change, c.Decimals)),
				formatNumber(scoring.RoundTo(c.Effort, 6)), formatNumber(p.ScoreAfter), strconv.Itoa(p.StarsAfter),
				"plan", fewCell(c.FewReports, c.Reports),
			})
		}
	}
	return WriteCSVRecords(w, records)
}
