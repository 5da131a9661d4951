package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// Message keys of the catalogue.
const (
	msgRank        = "rank"
	msgRegion      = "region"
	msgCode        = "code"
	msgScore       = "score"
	msgStars       = "stars"
	msgClass       = "class"
	msgNotRated    = "not_rated"
	msgEdition     = "edition"     // %s: the edition
	msgYear        = "year"        // %d: the year
	msgTitleSep    = "title_sep"   // between title parts
	msgNote        = "note"        // %s name, %s code, %s reason
	msgNoteNoWhy   = "note_no_why" // %s name, %s code
	msgCoverage    = "coverage"    // %d present, %d total, %s minimum share
	msgCapNote     = "cap_note"    // name, code, from, to, dimension
	msgTreatNote   = "treat_note"  // indicator, method, count
	msgMissingCell = "missing"
)

// catalogue holds every user-facing word the renderers print, by language.
var catalogue = map[string]map[string]string{
	"zh": {
		msgRank:        "排名",
		msgRegion:      "地区",
		msgCode:        "代码",
		msgScore:       "得分",
		msgStars:       "星级",
		msgClass:       "等级",
		msgNotRated:    "未评级",
		msgEdition:     "%s 版",
		msgYear:        "%d 年",
		msgTitleSep:    " · ",
		msgNote:        "注：%s（%s）未评级：%s",
		msgNoteNoWhy:   "注：%s（%s）未评级",
		msgCoverage:    "%d 个指标中仅 %d 个有数据，低于最低覆盖率 %s",
		msgCapNote:     "注：%s（%s）的星级由 %d 星限为 %d 星：维度“%s”处于短板",
		msgTreatNote:   "注：指标“%s”经异常值处理（%s），改动 %d 个值",
		msgMissingCell: "—",
	},
	"en": {
		msgRank:        "Rank",
		msgRegion:      "Region",
		msgCode:        "Code",
		msgScore:       "Score",
		msgStars:       "Stars",
		msgClass:       "Class",
		msgNotRated:    "not rated",
		msgEdition:     "edition %s",
		msgYear:        "%d",
		msgTitleSep:    " · ",
		msgNote:        "Note: %s (%s) not rated: %s",
		msgNoteNoWhy:   "Note: %s (%s) not rated",
		msgCoverage:    "data for %[2]d of %[1]d indicators, under the minimum share of %[3]s",
		msgCapNote:     "Note: %s (%s) capped from %d to %d stars: weak on %s",
		msgTreatNote:   "Note: indicator %s treated for outliers (%s), %d values changed",
		msgMissingCell: "—",
	},
}

// Message returns the catalogue entry key in lang ("zh" or "en"; other
// values count as "zh"), or key itself when there is none. Keys: "rank",
// "region", "code", "score", "stars", "class", "not_rated", "missing" (the
// dash of an empty cell), "title_sep", and the formats "edition" (%s),
// "year" (%d), "note" (name, code, reason) and "note_no_why" (name, code).
func Message(lang, key string) string {
	if s, ok := catalogue[normLang(lang)][key]; ok {
		return s
	}
	if s, ok := catalogue["zh"][key]; ok {
		return s
	}
	return key
}

func msgf(lang, key string, args ...any) string {
	return fmt.Sprintf(Message(lang, key), args...)
}

// PickName returns the name to show in lang: en when lang is English and en
// is set, zh otherwise.
func PickName(lang, zh, en string) string {
	if normLang(lang) == "en" && en != "" {
		return en
	}
	return zh
}

// indexName is the index's name in lang.
func indexName(def *indicators.Definition, lang string) string {
	return PickName(lang, def.Index.Name, def.Index.NameEn)
}

// dimensionName is the dimension's name in lang, its id when it has none.
func dimensionName(d *indicators.Dimension, lang string) string {
	if n := PickName(lang, d.Name, d.NameEn); n != "" {
		return n
	}
	if d.NameEn != "" {
		return d.NameEn
	}
	return d.ID
}

// regionName is the region's name in lang, its code when it has none.
func regionName(reg *indicators.Region, lang string) string {
	if n := reg.DisplayName(normLang(lang)); n != "" {
		return n
	}
	if reg.NameEn != "" {
		return reg.NameEn
	}
	return reg.Code
}

// title is "<index name> · <edition> · <year>" in lang, leaving out the
// parts that are not set.
func title(r *scoring.Result, lang string) string {
	parts := []string{}
	if n := indexName(r.Def, lang); n != "" {
		parts = append(parts, n)
	}
	if r.Def.Index.Edition != "" {
		parts = append(parts, msgf(lang, msgEdition, r.Def.Index.Edition))
	}
	if r.Year != 0 {
		parts = append(parts, msgf(lang, msgYear, r.Year))
	}
	return strings.Join(parts, Message(lang, msgTitleSep))
}

// notRatedNote is the footnote explaining why rr was not rated.
func notRatedNote(rr *scoring.RegionResult, minCoverage float64, lang string) string {
	name := regionName(rr.Region, lang)
	switch {
	case rr.Total > 0:
		// Worded here from the counts, so the note speaks the user's language.
		why := msgf(lang, msgCoverage, rr.Total, rr.Present, strconv.FormatFloat(minCoverage*100, 'f', -1, 64)+"%")
		return msgf(lang, msgNote, name, rr.Region.Code, why)
	case rr.Reason == "":
		return msgf(lang, msgNoteNoWhy, name, rr.Region.Code)
	}
	return msgf(lang, msgNote, name, rr.Region.Code, rr.Reason)
}
