package reports

import (
	"fmt"
	"strings"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// The calibrate report's words in Chinese and English.
const (
	cmTitle = iota
	cmPublished
	cmCounts
	cmNoneScored
	cmFirstFailure
	cmRecommended
	cmBestAgreeing
	cmAgreement
	cmRegion
	cmPubStars
	cmStars
	cmPubRank
	cmRank
	cmPubScore
	cmScore
	cmMatch
	cmUnrated
	cmYes
	cmNo
	cmFailed
	cmThresholds
	cmCurrent
	cmInterval
	cmEmpty
	cmChoices
	cmSetting
	cmValue
	cmCandidates
	cmConsistent
	cmShare
	cmSchemes
	cmScheme
	cmTOMLConsistent
	cmTOMLBest
	cmTOMLComplete
)

var calMessages = map[string][]string{
	"zh": {
		cmTitle:          "复现校准",
		cmPublished:      "发布结果：%s，%d 个地区",
		cmCounts:         "候选方案 %d 个，其中 %d 个与发布结果完全一致，%d 个无法计算。",
		cmNoneScored:     "%d 个候选方案都无法计算，没有可推荐的方案。",
		cmFirstFailure:   "第一个方案无法计算的原因：%s",
		cmRecommended:    "推荐方案（与 index.toml 有 %d 项设置不同）",
		cmBestAgreeing:   "没有方案能复现发布结果；最接近的方案（与 index.toml 有 %d 项设置不同）",
		cmAgreement:      "星级相符 %d/%d，排名相符 %d/%d，得分相符 %d/%d，Kendall τ-b %s，得分均方根误差 %s",
		cmRegion:         "地区",
		cmPubStars:       "发布星级",
		cmStars:          "星级",
		cmPubRank:        "发布排名",
		cmRank:           "排名",
		cmPubScore:       "发布得分",
		cmScore:          "得分",
		cmMatch:          "相符",
		cmUnrated:        "未评级",
		cmYes:            "是",
		cmNo:             "否",
		cmFailed:         "无法计算",
		cmThresholds:     "星级阈值的可取区间（推荐方案下，复现发布星级）",
		cmCurrent:        "当前阈值",
		cmInterval:       "可取区间",
		cmEmpty:          "（无解）",
		cmChoices:        "各项设置在一致方案中的取值",
		cmSetting:        "设置",
		cmValue:          "取值",
		cmCandidates:     "候选",
		cmConsistent:     "一致",
		cmShare:          "占一致方案",
		cmSchemes:        "最佳的 %d 个方案",
		cmScheme:         "方案",
		cmTOMLConsistent: "govindex calibrate 推荐的方案：%d/%d 个候选方案复现了 %s；将下面两节粘贴到 index.toml",
		cmTOMLBest:       "govindex calibrate：%d 个候选方案都不能复现 %s，下面是最接近的方案",
		cmTOMLComplete:   "在每个 [[source]] 中写 complete = %s",
	},
	"en": {
		cmTitle:          "Replication",
		cmPublished:      "Published: %s, %d regions",
		cmCounts:         "%d candidate schemes: %d reproduce the publication exactly, %d could not be scored.",
		cmNoneScored:     "None of the %d candidate schemes could be scored; there is nothing to recommend.",
		cmFirstFailure:   "Why the first could not: %s",
		cmRecommended:    "Recommended scheme (%d settings differ from index.toml)",
		cmBestAgreeing:   "No scheme reproduces the publication; the best-agreeing one (%d settings differ from index.toml)",
		cmAgreement:      "stars matched %d/%d, ranks matched %d/%d, scores matched %d/%d, Kendall τ-b %s, score RMSE %s",
		cmRegion:         "Region",
		cmPubStars:       "Published stars",
		cmStars:          "Stars",
		cmPubRank:        "Published rank",
		cmRank:           "Rank",
		cmPubScore:       "Published score",
		cmScore:          "Score",
		cmMatch:          "Matched",
		cmUnrated:        "not rated",
		cmYes:            "yes",
		cmNo:             "no",
		cmFailed:         "failed",
		cmThresholds:     "Where the star thresholds may lie (recommended scheme, reproducing the published stars)",
		cmCurrent:        "Threshold",
		cmInterval:       "Interval",
		cmEmpty:          "(none)",
		cmChoices:        "Settings in the consistent schemes",
		cmSetting:        "Setting",
		cmValue:          "Value",
		cmCandidates:     "Candidates",
		cmConsistent:     "Consistent",
		cmShare:          "Share of consistent",
		cmSchemes:        "The best %d schemes",
		cmScheme:         "Scheme",
		cmTOMLConsistent: "Recommended by govindex calibrate: %d of %d candidate schemes reproduce %s; paste the two tables below into index.toml",
		cmTOMLBest:       "govindex calibrate: none of the %d candidate schemes reproduces %s; this is the best-agreeing one",
		cmTOMLComplete:   "write complete = %s under every [[source]]",
	},
}

// calMsg formats a calibrate message in lang (Chinese unless "en").
func calMsg(lang string, key int, args ...any) string {
	l := "zh"
	if lang == "en" {
		l = "en"
	}
	return fmt.Sprintf(calMessages[l][key], args...)
}

// noDataNotes say which rated regions have no data in a whole dimension,
// and how [scoring] missing_dimension scored it.
func noDataNotes(r *scoring.Result, lang string) []string {
	return noDataNotesFor(r.Def, r.Regions, lang)
}

// noDataNotesFor is noDataNotes for the given regions of a result of def.
func noDataNotesFor(def *indicators.Definition, regions []*scoring.RegionResult, lang string) []string {
	var out []string
	for _, rr := range regions {
		if !rr.Rated || len(rr.NoData) == 0 {
			continue
		}
		var names []string
		for _, id := range rr.NoData {
			if d, ok := def.Dimension(id); ok {
				names = append(names, dimensionName(d, lang))
			}
		}
		sep, quote := "、", "“%s”"
		if lang == "en" {
			sep, quote = ", ", "%s"
		}
		for i, n := range names {
			names[i] = fmt.Sprintf(quote, n)
		}
		key := noDataRenormalise
		if def.Scoring.MissingDimension == "zero" {
			key = noDataZero
		}
		out = append(out, fmt.Sprintf(noDataMessages[langKey(lang)][key], regionName(rr.Region, lang), rr.Region.Code, strings.Join(names, sep)))
	}
	return out
}

const (
	noDataRenormalise = iota
	noDataZero
)

var noDataMessages = map[string][]string{
	"zh": {
		noDataRenormalise: "注：%s（%s）在%s维度没有数据，按其余维度评分，权重在有数据的维度间重新归一（missing_dimension = \"renormalise\"）。",
		noDataZero:        "注：%s（%s）在%s维度没有数据，该维度计为 0 分（missing_dimension = \"zero\"）。",
	},
	"en": {
		noDataRenormalise: "Note: %s (%s) has no data in %s: rated on the other dimensions, their weights renormalised (missing_dimension = \"renormalise\").",
		noDataZero:        "Note: %s (%s) has no data in %s, which counts as 0 (missing_dimension = \"zero\").",
	},
}

func langKey(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "zh"
}
