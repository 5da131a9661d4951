package reports

import (
	"fmt"
	"strings"

	"github.com/govindex/govindex/scoring"
)

// ArticleReplication is what the article says about the published rating
// the index rebuilds (`govindex calibrate`).
type ArticleReplication struct {
	// Published names the published ratings, e.g. "贵州省★★★★★".
	Published  string
	Candidates int
	Consistent int
	Reproduced bool
	// Sentence is all of it in one sentence.
	Sentence string
}

// articleReplication words a calibration for the overview.
func articleReplication(c *scoring.CalibrateResult, lang string) *ArticleReplication {
	ar := &ArticleReplication{Candidates: c.Candidates, Consistent: c.Consistent, Reproduced: c.Consistent > 0}
	classes := c.Def.Stars.NumClasses()
	var parts []string
	for _, row := range c.Published.Rows {
		if row.StarsLo > 0 && row.StarsLo == row.StarsHi {
			sp := ""
			if lang == "en" {
				sp = " "
			}
			parts = append(parts, EscapeMarkdown(regionName(row.Region, lang))+sp+StarGlyphs(row.StarsLo, max(classes, row.StarsHi)))
		}
	}
	sep := "、"
	if lang == "en" {
		sep = ", "
	}
	ar.Published = strings.Join(parts, sep)
	if lang == "en" {
		pub := "The published rating"
		if ar.Published != "" {
			pub += " (" + ar.Published + ")"
		}
		if ar.Reproduced {
			ar.Sentence = fmt.Sprintf("%s is reproduced: %d of the %d candidate schemes declared in advance match it exactly, and this edition uses the one closest to its own settings.",
				pub, c.Consistent, c.Candidates)
		} else {
			ar.Sentence = fmt.Sprintf("%s is not reproduced: none of the %d candidate schemes declared in advance matches it exactly, and this edition uses the closest one.",
				pub, c.Candidates)
		}
		return ar
	}
	pub := "原发布的评级"
	if ar.Published != "" {
		pub += "（" + ar.Published + "）"
	}
	if ar.Reproduced {
		ar.Sentence = fmt.Sprintf("本期评级复现了%s：事先声明的 %d 个候选评价方案中，有 %d 个与之完全一致，本期采用其中与原设置差别最小的一个。",
			pub, c.Candidates, c.Consistent)
	} else {
		ar.Sentence = fmt.Sprintf("需要说明的是，%s未能复现：事先声明的 %d 个候选评价方案中没有一个与之完全一致，本期采用最接近的方案。",
			pub, c.Candidates)
	}
	return ar
}
