package reports

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// The article of a result in a series: a "changes since last year"
// section, and in each rated region's section a sentence on its change
// and trend. Nothing of it shows for a result without a previous year.

// ArticleChanges is what changed since the previous rated year of a
// multi-year edition (Article.Changes; nil without a previous year).
type ArticleChanges struct {
	From int // the previous rated year
	// Years are the rated years up to this one; Span writes them
	// ("2015–2017"), and Trends reports three or more of them (so a trend
	// says more than the change).
	Years  []int
	Span   string
	Trends bool
	// Comparable is "pooled", "goalposts" or "separate"; Comparability
	// says in a sentence what that means for the scores.
	Comparable    string
	Comparability string
	// Rose and Fell are the regions that moved up and down the ranking
	// (most places first); StarsUp and StarsDown those whose rating rose
	// or fell; New those rated now but not in From. Dropped names the
	// regions rated in From but not now.
	Rose, Fell         []*ArticleRegion
	StarsUp, StarsDown []*ArticleRegion
	New                []*ArticleRegion
	Dropped            []Text
	// Gainer and Loser are the regions whose score rose and fell the most
	// (nil when none rose or fell).
	Gainer, Loser *ArticleRegion
	// Sentence is all of the above in prose, in the article's language.
	Sentence string
}

// ArticleChange is a rated region's change since the previous year.
type ArticleChange struct {
	From int
	// New reports that the region was not rated in From (then only Again
	// and Sentence are set); Again that it was rated in an earlier year.
	New, Again bool
	// Score is the change in score, ScoreText it signed ("+3.2", "−1.0"),
	// ScoreAbs without its sign; Rank the places moved up (negative: down),
	// RankText "↑2", "↓1", "–" (or "新" / "new"); Stars the change in stars,
	// StarsText "+1★", "−1★", "–"; FromStars and FromWord last year's rating.
	Score               float64
	ScoreText, ScoreAbs string
	Rank                int
	RankText            string
	Stars               int
	StarsText           string
	FromStars           int
	FromWord            string
	// Sentence states the change, and the trend when there is one over
	// three or more years, in the article's language.
	Sentence string
}

// ArticleTrend is a rated region's trend over the rated years up to this
// one (Article.Region.Trend; nil when it is rated in fewer than two).
type ArticleTrend struct {
	From, To int
	Years    []int
	Span     string // "2015–2017", or the years listed when not consecutive
	// Slope is the least-squares slope in points a year, SlopeText signed,
	// SlopeAbs without sign; CAGR the compound annual growth rate of the
	// score, CAGRText signed as a percentage, when CAGROK (a positive
	// first score).
	Slope               float64
	SlopeText, SlopeAbs string
	CAGR                float64
	CAGROK              bool
	CAGRText            string
	// Sentence states the trend in a sentence of its own.
	Sentence string
	// Cell is the trend for the changes table: the signed slope, followed
	// by its years when they are not all the table's; "—" for a region
	// rated in fewer than three years (one step is the change itself).
	Cell string
}

// articleSeriesWords are the article's words for changes and trends.
var articleSeriesWords = map[string]map[string]string{
	"zh": {
		"score_up":     "得分提高 %s 分",
		"score_down":   "得分降低 %s 分",
		"score_same":   "得分持平",
		"rank_up":      "排名上升 %d 位",
		"rank_down":    "排名下降 %d 位",
		"rank_same":    "排名不变",
		"stars_up":     "星级由%s升至%s",
		"stars_down":   "星级由%s降至%s",
		"stars_same":   "星级不变",
		"change":       "与 %d 年相比，%s，%s，%s",
		"trend_up":     "%s 年平均每年提高 %s 分",
		"trend_down":   "%s 年平均每年降低 %s 分",
		"trend_same":   "%s 年得分基本持平",
		"trend_cagr":   "（复合年增长率 %s）",
		"new_first":    "%d 年未评级，本期首次获得评级",
		"new_again":    "%d 年未评级，本期重新获得评级",
		"sep":          "；",
		"end":          "。",
		"list":         "、",
		"ov_start":     "与 %d 年相比，",
		"ov_rose":      "排名上升的有%s",
		"ov_fell":      "排名下降的有%s",
		"ov_same_rank": "各地区排名均与上年相同",
		"ov_up_item":   "%s（上升 %d 位）",
		"ov_down_item": "%s（下降 %d 位）",
		"ov_stars_up":  "星级提高的有%s",
		"ov_stars_dn":  "星级下降的有%s",
		"ov_stars_eq":  "各地区星级均未变化",
		"ov_star_item": "%s（%s→%s）",
		"ov_new":       "新获评级的有%s",
		"ov_dropped":   "上年获评、本期未评级的有%s",
		"ov_gainer":    "得分提高最多的是%s（%s 分）",
		"ov_loser":     "降低最多的是%s（%s 分）",
		"separate":     "各年分别标准化：分数反映的是各地区在当年的相对位置，跨年的分数变化是相对位置的变化，不代表绝对水平的升降。",
	},
	"en": {
		"score_up":     "its score rose by %s points",
		"score_down":   "its score fell by %s points",
		"score_same":   "its score held steady",
		"rank_up":      "it moved up %s",
		"rank_down":    "it moved down %s",
		"rank_same":    "it kept its rank",
		"stars_up":     "its rating rose from %s to %s",
		"stars_down":   "its rating fell from %s to %s",
		"stars_same":   "its rating is unchanged",
		"change":       "Compared with %d, %s, %s and %s",
		"trend_up":     "over %s it gained %s points a year on average",
		"trend_down":   "over %s it lost %s points a year on average",
		"trend_same":   "over %s its score held steady",
		"trend_cagr":   " (compound annual growth %s)",
		"new_first":    "Not rated in %d, it is rated for the first time",
		"new_again":    "Not rated in %d, it is rated again",
		"sep":          "; ",
		"end":          ".",
		"list":         ", ",
		"ov_start":     "Compared with %d: ",
		"ov_rose":      "%s moved up the ranking",
		"ov_fell":      "%s moved down",
		"ov_same_rank": "every region kept its rank",
		"ov_up_item":   "%s (up %d)",
		"ov_down_item": "%s (down %d)",
		"ov_stars_up":  "%s gained stars",
		"ov_stars_dn":  "%s lost stars",
		"ov_stars_eq":  "no rating changed",
		"ov_star_item": "%s (%s to %s)",
		"ov_new":       "%s newly rated",
		"ov_dropped":   "%s rated last time but not now",
		"ov_gainer":    "the largest rise in score was %s's (%s points)",
		"ov_loser":     "the largest fall %s's (%s points)",
		"separate":     "Each year is normalised on its own: scores show where the regions stand within the year, so changes across years are changes of relative position, not of absolute level.",
	},
}

func asw(lang, key string) string {
	if s, ok := articleSeriesWords[lang][key]; ok {
		return s
	}
	return articleSeriesWords["zh"][key]
}

func aswf(lang, key string, args ...any) string { return fmt.Sprintf(asw(lang, key), args...) }

// places writes a number of places in English: "one place", "2 places".
func places(n int) string {
	if n == 1 {
		return "one place"
	}
	return spellCount("en", n) + " places"
}

// articleChanges fills a.Changes and each rated region's Change and Trend
// when r has a previous year in its series.
func articleChanges(a *Article, r *scoring.Result, lang string) {
	prev, ok := previousYear(r)
	if !ok {
		return
	}
	before, _ := r.Series.Previous(r.Year)
	def := r.Def
	dec := decimals(def)
	ch := &ArticleChanges{From: prev, Comparable: r.Series.Comparable, Comparability: EscapeMarkdown(articleComparabilityText(r, lang))}
	for _, y := range r.Series.Years {
		if y <= r.Year {
			ch.Years = append(ch.Years, y)
		}
	}
	ch.Span = yearSpan(ch.Years, lang)
	ch.Trends = len(ch.Years) >= 3

	for i, ar := range a.Regions {
		if i >= len(r.Regions) {
			break
		}
		rr := r.Regions[i]
		if !rr.Rated {
			if last := before.Region(rr.Region.Code); last != nil && last.Rated {
				ch.Dropped = append(ch.Dropped, ar.Name)
			}
			continue
		}
		code := rr.Region.Code
		if t, ok := r.Trend(code); ok {
			ar.Trend = articleTrend(def, t, lang, dec)
			ar.Trend.Cell = trendCell(ar.Trend, ch.Span, lang)
		}
		c, ok := r.Change(code)
		if !ok {
			ac := &ArticleChange{From: prev, New: true, ScoreText: Message(lang, msgMissingCell),
				RankText: sw(lang, swNew), StarsText: Message(lang, msgMissingCell)}
			for _, y := range ch.Years[:max(len(ch.Years)-2, 0)] {
				if res, ok := r.Series.Result(y); ok {
					if x := res.Region(code); x != nil && x.Rated {
						ac.Again = true
					}
				}
			}
			key := "new_first"
			if ac.Again {
				key = "new_again"
			}
			ac.Sentence = aswf(lang, key, prev)
			if ar.Trend != nil && len(ar.Trend.Years) >= 3 {
				ac.Sentence += asw(lang, "sep") + ar.Trend.clause(lang)
			}
			ac.Sentence += asw(lang, "end")
			ar.Change = ac
			ch.New = append(ch.New, ar)
			continue
		}
		ar.Change = articleChange(c, before.Region(code), ar.Trend, lang, dec)
		switch {
		case c.Rank > 0:
			ch.Rose = append(ch.Rose, ar)
		case c.Rank < 0:
			ch.Fell = append(ch.Fell, ar)
		}
		switch {
		case c.Stars > 0:
			ch.StarsUp = append(ch.StarsUp, ar)
		case c.Stars < 0:
			ch.StarsDown = append(ch.StarsDown, ar)
		}
		if s := ar.Change.Score; s > 0 && (ch.Gainer == nil || s > ch.Gainer.Change.Score) {
			ch.Gainer = ar
		}
		if s := ar.Change.Score; s < 0 && (ch.Loser == nil || s < ch.Loser.Change.Score) {
			ch.Loser = ar
		}
	}
	slices.SortStableFunc(ch.Rose, func(x, y *ArticleRegion) int { return cmp.Compare(y.Change.Rank, x.Change.Rank) })
	slices.SortStableFunc(ch.Fell, func(x, y *ArticleRegion) int { return cmp.Compare(x.Change.Rank, y.Change.Rank) })
	ch.Sentence = ch.sentence(lang)
	a.Changes = ch
}

// articleChange describes a change; then is the region's result of the
// previous year.
func articleChange(c scoring.Change, then *scoring.RegionResult, trend *ArticleTrend, lang string, dec int) *ArticleChange {
	score := roundTo(c.Score, dec)
	ac := &ArticleChange{From: c.From, Score: score, ScoreText: signed(score, dec), ScoreAbs: formatScore(math.Abs(score), dec),
		Rank: c.Rank, RankText: rankArrow(c.Rank, lang), Stars: c.Stars, StarsText: starDelta(c.Stars, lang)}
	if then != nil {
		ac.FromStars, ac.FromWord = then.Stars, starsWord(lang, then.Stars)
	}
	var sc, rk, st string
	switch {
	case score > 0:
		sc = aswf(lang, "score_up", ac.ScoreAbs)
	case score < 0:
		sc = aswf(lang, "score_down", ac.ScoreAbs)
	default:
		sc = asw(lang, "score_same")
	}
	n := c.Rank
	if n < 0 {
		n = -n
	}
	switch {
	case c.Rank > 0 && lang == "en":
		rk = aswf(lang, "rank_up", places(n))
	case c.Rank < 0 && lang == "en":
		rk = aswf(lang, "rank_down", places(n))
	case c.Rank > 0:
		rk = aswf(lang, "rank_up", n)
	case c.Rank < 0:
		rk = aswf(lang, "rank_down", n)
	default:
		rk = asw(lang, "rank_same")
	}
	now := ac.FromStars + c.Stars
	switch {
	case c.Stars > 0:
		st = aswf(lang, "stars_up", ac.FromWord, starsWord(lang, now))
	case c.Stars < 0:
		st = aswf(lang, "stars_down", ac.FromWord, starsWord(lang, now))
	default:
		st = asw(lang, "stars_same")
	}
	ac.Sentence = aswf(lang, "change", c.From, sc, rk, st)
	if trend != nil && len(trend.Years) >= 3 {
		ac.Sentence += asw(lang, "sep") + trend.clause(lang)
	}
	ac.Sentence += asw(lang, "end")
	return ac
}

// trendCell is t's cell in the changes table whose years are span.
func trendCell(t *ArticleTrend, span, lang string) string {
	switch {
	case len(t.Years) < 3:
		return Message(lang, msgMissingCell)
	case t.Span == span:
		return t.SlopeText
	case lang == "en":
		return t.SlopeText + " (" + t.Span + ")"
	}
	return t.SlopeText + "（" + t.Span + "）"
}

// articleTrend describes a trend, the slope rounded like the scores.
func articleTrend(def *indicators.Definition, t scoring.Trend, lang string, dec int) *ArticleTrend {
	slope := roundTo(t.Slope, dec)
	at := &ArticleTrend{From: t.From, To: t.To, Years: slices.Clone(t.Years), Span: yearSpan(t.Years, lang),
		Slope: slope, SlopeText: signed(slope, dec), SlopeAbs: formatScore(math.Abs(slope), dec),
		CAGR: roundRate(def, t.CAGR), CAGROK: t.CAGROK}
	if t.CAGROK {
		at.CAGRText = signedPct(t.CAGR, dec)
	}
	c := at.clause(lang)
	if lang == "en" && c != "" {
		c = strings.ToUpper(c[:1]) + c[1:]
	}
	at.Sentence = c + asw(lang, "end")
	return at
}

// clause is the trend as a clause: "2015–2017 年平均每年提高 2.1 分".
func (t *ArticleTrend) clause(lang string) string {
	var s string
	switch {
	case t.Slope > 0:
		s = aswf(lang, "trend_up", t.Span, t.SlopeAbs)
	case t.Slope < 0:
		s = aswf(lang, "trend_down", t.Span, t.SlopeAbs)
	default:
		s = aswf(lang, "trend_same", t.Span)
	}
	if t.CAGROK {
		s += aswf(lang, "trend_cagr", t.CAGRText)
	}
	return s
}

// sentence is the overview of the changes in prose.
func (ch *ArticleChanges) sentence(lang string) string {
	item := func(key string, list []*ArticleRegion, f func(ar *ArticleRegion) string) string {
		parts := make([]string, len(list))
		for i, ar := range list {
			parts[i] = f(ar)
		}
		joined := strings.Join(parts, asw(lang, "list"))
		if lang == "en" {
			joined = listWords(lang, parts, ", ")
		}
		return aswf(lang, key, joined)
	}
	abs := func(n int) int {
		if n < 0 {
			return -n
		}
		return n
	}
	var parts []string
	if len(ch.Rose) == 0 && len(ch.Fell) == 0 {
		parts = append(parts, asw(lang, "ov_same_rank"))
	}
	if len(ch.Rose) > 0 {
		parts = append(parts, item("ov_rose", ch.Rose, func(ar *ArticleRegion) string {
			return aswf(lang, "ov_up_item", ar.Name, ar.Change.Rank)
		}))
	}
	if len(ch.Fell) > 0 {
		parts = append(parts, item("ov_fell", ch.Fell, func(ar *ArticleRegion) string {
			return aswf(lang, "ov_down_item", ar.Name, abs(ar.Change.Rank))
		}))
	}
	star := func(ar *ArticleRegion) string {
		return aswf(lang, "ov_star_item", ar.Name, ar.Change.FromWord, ar.Word)
	}
	if len(ch.StarsUp) == 0 && len(ch.StarsDown) == 0 {
		parts = append(parts, asw(lang, "ov_stars_eq"))
	}
	if len(ch.StarsUp) > 0 {
		parts = append(parts, item("ov_stars_up", ch.StarsUp, star))
	}
	if len(ch.StarsDown) > 0 {
		parts = append(parts, item("ov_stars_dn", ch.StarsDown, star))
	}
	if len(ch.New) > 0 {
		parts = append(parts, item("ov_new", ch.New, func(ar *ArticleRegion) string { return ar.Name.String() }))
	}
	if len(ch.Dropped) > 0 {
		names := make([]string, len(ch.Dropped))
		for i, n := range ch.Dropped {
			names[i] = n.String()
		}
		joined := strings.Join(names, asw(lang, "list"))
		if lang == "en" {
			joined = listWords(lang, names, ", ")
		}
		parts = append(parts, aswf(lang, "ov_dropped", joined))
	}
	var extremes []string
	if ch.Gainer != nil {
		extremes = append(extremes, aswf(lang, "ov_gainer", ch.Gainer.Name, ch.Gainer.Change.ScoreText))
	}
	if ch.Loser != nil {
		extremes = append(extremes, aswf(lang, "ov_loser", ch.Loser.Name, ch.Loser.Change.ScoreText))
	}
	if len(extremes) > 0 {
		sep := "，"
		if lang == "en" {
			sep = ", "
		}
		parts = append(parts, strings.Join(extremes, sep))
	}
	return aswf(lang, "ov_start", ch.From) + strings.Join(parts, asw(lang, "sep")) + asw(lang, "end")
}
