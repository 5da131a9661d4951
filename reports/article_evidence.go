package reports

import (
	"strconv"
	"strings"

	"github.com/govindex/govindex/indicators"
)

// articleEvidenceShown is how many evidence records the article names for
// one value before saying how many more there are.
const articleEvidenceShown = 5

// articleEvidence gives the evidence records behind a collected value and
// the words that name them for readers: titles with their dates, policy
// documents in 《》 in Chinese, at most articleEvidenceShown of them. A
// record without a title is named by where it is.
func articleEvidence(ev []indicators.Evidence, ind *indicators.Indicator, lang string) ([]ArticleEvidence, Text) {
	if len(ev) == 0 {
		return nil, ""
	}
	collector, _ := indicators.SplitSource(ind.Source)
	out := make([]ArticleEvidence, len(ev))
	var parts []string
	for i, e := range ev {
		out[i] = ArticleEvidence{Title: Text(e.Title), When: e.When, Ref: e.String()}
		if i >= articleEvidenceShown {
			continue
		}
		name := e.Title
		switch {
		case name == "":
			name = e.String()
		case lang != "en" && collector == "policies" && !strings.HasPrefix(name, "《"):
			name = "《" + name + "》"
		}
		if e.When != "" {
			if lang == "en" {
				name += " (" + e.When + ")"
			} else {
				name += "（" + e.When + "）"
			}
		}
		parts = append(parts, name)
	}
	sep := "；"
	if lang == "en" {
		sep = "; "
	}
	text := strings.Join(parts, sep)
	if more := len(ev) - articleEvidenceShown; more > 0 {
		if lang == "en" {
			text += "; and " + strconv.Itoa(more) + " more"
		} else {
			text += " 等 " + strconv.Itoa(len(ev)) + " 项"
		}
	}
	return out, Text(text)
}
