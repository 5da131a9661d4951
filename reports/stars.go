package reports

import "strings"

// StarGlyphs draws a star rating as classes glyphs, filled ones first:
// StarGlyphs(4, 5) is "★★★★☆" and StarGlyphs(2, 3) is "★★☆". A rating of 0
// or less (unrated) is "—". classes ≤ 0 counts as 5; a rating above classes
// is drawn with stars filled glyphs and no empty ones.
func StarGlyphs(stars, classes int) string {
	if stars <= 0 {
		return "—"
	}
	if classes <= 0 {
		classes = 5
	}
	return strings.Repeat("★", stars) + strings.Repeat("☆", max(classes-stars, 0))
}
