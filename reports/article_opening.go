package reports

import (
	"fmt"
	"strconv"

	"github.com/govindex/govindex/indicators"
)

// articleCloseShare is how close to the next star's threshold a score must
// be, as a share of the score range, for the section to open with it.
const articleCloseShare = 0.02

// articleOpenings words each rated region's first sentence by what is
// most notable about it: the leader, a region a hair short of the next
// star, the last one; otherwise its rank and rating. Every variant states
// the same facts — score, rank among the rated regions, rating and the gap
// to the next star — so only the emphasis changes.
func articleOpenings(a *Article, def *indicators.Definition, lang string) {
	n := a.Overview.Rated
	span := def.Scoring.Range[1] - def.Scoring.Range[0]
	for _, ar := range a.Regions {
		if !ar.Rated {
			continue
		}
		gap, _ := strconv.ParseFloat(ar.Gap, 64)
		close := ar.Gap != "" && span > 0 && gap <= articleCloseShare*span
		switch {
		case ar.Rank == 1 && !ar.Tied && n > 1:
			ar.Opening = openingf(lang, "open_lead", ar, n)
		case close:
			ar.Opening = openingf(lang, "open_close", ar, n)
		case ar.Rank == n && !ar.Tied && n > 2:
			ar.Opening = openingf(lang, "open_last", ar, n)
		default:
			ar.Opening = openingf(lang, "open_plain", ar, n)
		}
	}
}

// openingWords are the openings' words; each takes the region's name,
// score, rated count, ordinal rank, rating, and a gap clause.
var openingWords = map[string]map[string]string{
	"zh": {
		"open_lead":  "%[1]s以 %[2]s 分位居%[3]s个参评地区之首，获评%[5]s%[6]s。",
		"open_close": "%[1]s获评%[5]s，%[6]s；总分 %[2]s 分，在%[3]s个参评地区中排名%[4]s。",
		"open_last":  "%[1]s以 %[2]s 分排在%[3]s个参评地区的末位（%[4]s），获评%[5]s%[6]s。",
		"open_plain": "%[1]s以 %[2]s 分在%[3]s个参评地区中排名%[4]s，获评%[5]s%[6]s。",
		"open_tied":  "%[1]s以 %[2]s 分在%[3]s个参评地区中并列%[4]s，获评%[5]s%[6]s。",
		"open_only":  "%[1]s是唯一参评的地区，以 %[2]s 分获评%[5]s%[6]s。",
		"gap":        "，距%[1]s的 %[2]s 分门槛还差 %[3]s 分",
		"gap_close":  "离%[1]s的 %[2]s 分门槛只差 %[3]s 分",
	},
	"en": {
		"open_lead":  "%[1]s tops the %[3]s rated regions on %[2]s points, earning %[5]s.%[6]s",
		"open_close": "%[1]s earns %[5]s, %[6]s; it scores %[2]s and ranks %[4]s of the %[3]s rated regions.",
		"open_last":  "%[1]s comes last of the %[3]s rated regions (%[4]s) on %[2]s points, earning %[5]s.%[6]s",
		"open_plain": "%[1]s scores %[2]s and ranks %[4]s of the %[3]s rated regions, earning %[5]s.%[6]s",
		"open_tied":  "%[1]s scores %[2]s and ranks joint %[4]s of the %[3]s rated regions, earning %[5]s.%[6]s",
		"open_only":  "%[1]s, the only rated region, scores %[2]s, earning %[5]s.%[6]s",
		"gap":        " It is %[3]s points short of the %[2]s needed for %[1]s.",
		"gap_close":  "just %[3]s points short of the %[2]s needed for %[1]s",
	},
}

func openingf(lang, key string, ar *ArticleRegion, rated int) string {
	w := openingWords[normLang(lang)]
	if key == "open_plain" && ar.Tied {
		key = "open_tied"
	}
	gap := ""
	if ar.Gap != "" {
		g := "gap"
		if key == "open_close" && rated > 1 {
			g = "gap_close"
		}
		gap = fmt.Sprintf(w[g], ar.NextWord, ar.Threshold, ar.Gap)
	}
	if rated == 1 {
		key = "open_only"
	}
	count := spellCount(lang, rated)
	return fmt.Sprintf(w[key], ar.Name.String(), ar.ScoreText, count, ordinal(lang, ar.Rank), ar.Word, gap)
}
