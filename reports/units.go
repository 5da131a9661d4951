package reports

import "github.com/govindex/govindex/indicators"

// enUnits are the English of common Chinese units, singular and plural.
// Count classifiers (件, 个, 项 …) have none: English counts without them
// and the indicator's name says what is counted.
var enUnits = map[string][2]string{
	"年": {"year", "years"}, "岁": {"year", "years"}, "月": {"month", "months"}, "天": {"day", "days"},
	"日": {"day", "days"}, "小时": {"hour", "hours"}, "分钟": {"minute", "minutes"},
	"元": {"yuan", "yuan"}, "万元": {"ten thousand yuan", "ten thousand yuan"}, "亿元": {"hundred million yuan", "hundred million yuan"},
	"人": {}, "万人": {"ten thousand people", "ten thousand people"},
	"件": {}, "个": {}, "项": {}, "家": {}, "次": {}, "条": {}, "部": {}, "份": {}, "所": {}, "座": {},
	"台": {}, "套": {}, "级": {}, "篇": {}, "名": {}, "类": {}, "种": {}, "本": {}, "张": {},
}

// enUnitShort are the short English forms tables use for time units.
var enUnitShort = map[string]string{"年": "yr", "岁": "yr", "月": "mo", "小时": "h", "分钟": "min"}

// UnitLabel is ind's unit as a table shows it in lang: as written in
// Chinese; in English unit_en when given, else the English of a common
// Chinese unit ("yr", "days", "yuan"), nothing for a count classifier, and
// any other unit as written.
func UnitLabel(lang string, ind *indicators.Indicator) string {
	if lang != "en" {
		return ind.Unit
	}
	if ind.UnitEn != "" {
		return ind.UnitEn
	}
	if u, ok := enUnitShort[ind.Unit]; ok {
		return u
	}
	if u, ok := enUnits[ind.Unit]; ok {
		return u[1]
	}
	return ind.Unit
}

// articleUnit is the unit the article's prose gets for ind: unit_en in
// English when given, else the unit as written, which formatQuantity
// translates.
func articleUnit(ind *indicators.Indicator, lang string) string {
	if lang == "en" && ind.UnitEn != "" {
		return ind.UnitEn
	}
	return ind.Unit
}
