// Package reports renders a scored *scoring.Result for people and scripts:
// a terminal ranking table, CSV, JSON and GitHub-flavoured Markdown.
//
// Every writer takes Options: Lang picks the language of the words printed
// ("zh", the default, or "en"; region, index and dimension names fall back to
// the Chinese name when no English one is set) and Engine is the program name
// and version written into the JSON. Write dispatches on a format name, one of
// Formats().
//
// # Terminal table (WriteTable)
//
// A title line (index name, edition, year), then one row per region in the
// order of Result.Regions: rank, region name, code, score, star glyphs
// (StarGlyphs), the class label when [stars] labels are set, and one score
// column per top-level dimension. Columns are aligned by display width with
// East Asian ambiguous characters (★ ☆ —) counted as one cell whatever the
// locale, so the output is the same on every machine; CJK characters count as
// two. Numbers are right-aligned, text left-aligned, and lines carry no
// trailing spaces. Scores are printed with [scoring] round decimals (2 when
// round is not set). Unrated regions come last with "—" in place of rank,
// score and stars, and a note below the table says why each was not rated.
//
// A result that is part of a scoring.Series (a multi-year edition) with a
// previous year gets three more columns — "较 2016 年" / "vs 2016" (score
// change, signed: +3.2, −1.0), 名次变化 / Rank change (↑2, ↓1, – for none,
// 新 / new when the region was not rated the year before) and 星级变化 /
// Star change (+1★, −1★, –) — a legend under the table, and for every
// result in a series a line saying how the years' scores relate (pooled
// over all years, fixed goalposts, or each year on its own).
//
// # CSV (WriteCSV)
//
// UTF-8 without a byte-order mark, comma-separated, quoted as encoding/csv
// does. The header is made of stable English ids, never translated, so
// scripts can rely on it:
//
//	rank,code,name,score,stars[,class],coverage,
//	<dimension>.score,<dimension>.rank,<dimension>.stars[,<dimension>.class] … (every dimension, in definition order),
//	<indicator>.raw,<indicator>.normalised … (every indicator, in definition order),
//	reason
//
// and, for results of a multi-year series only,
//
//	change_from,change_score,change_rank,change_stars,trend_slope,trend_cagr
//
// (empty where a region has no change or trend). The class columns appear
// only when [stars] labels are set. Only the region
// name follows Lang. Numbers are written in their shortest exact form
// (scores are already rounded by the scoring step); a missing value, and the
// rank, score and stars of an unrated region, is an empty cell. reason says
// why a region was not rated (empty for rated regions). Text cells that a
// spreadsheet would run as a formula (starting with =, +, -, @, tab or
// carriage return, and not a plain number) are prefixed with a single quote;
// numbers, including negative ones, are written as they are.
//
// # JSON (WriteJSON, JSONResult)
//
// The "JSON results" contract of DESIGN.md, with the extensions index.name_en,
// region name_en and coverage, and weight kind. The document does not depend
// on Lang: "name" is always the name as written in the data and "name_en" its
// English name when there is one. Missing values (NaN) are null; an unrated
// region has "rated": false and a "reason" and no rank, score, stars or class;
// a dimension with no data has "score": null and no rank, stars or class.
// Output is indented with two spaces, ends with a newline and is identical
// byte for byte for the same result. <, > and & in strings are escaped as
// \u003c, \u003e and \u0026 (encoding/json's default), so the JSON can be
// embedded in HTML safely.
//
// JSONResult returns the typed document (*JSONDoc) so commands can extend it
// before encoding: add a field with `json:",omitempty"` to JSONRegion or
// JSONDoc, or embed them in a struct of their own:
//
//	type robustRegion struct {
//		reports.JSONRegion
//		Robust *Robust `json:"robust,omitempty"`
//	}
//
// Results of a multi-year series add "years" ({"rated": [...],
// "comparable": "pooled" | "goalposts" | "separate"}) after "method", and
// per rated region "change" ({"from", "score", "rank", "stars"}: rank is
// the places moved up) and "trend" ({"from", "to", "slope", "cagr"}; cagr
// only when the first score is positive), after "class", where it has
// them. Score changes and slopes are rounded to [scoring] round decimals,
// growth rates to two more. A single-year result has none of these keys.
//
// # Markdown (WriteMarkdown)
//
// The terminal table as a GitHub-flavoured Markdown table under a "## " title.
// Text taken from data and config files is escaped so it cannot break the
// table or inject HTML: \ | ` * _ [ ] ~ are backslash-escaped, < > & become
// HTML entities and line breaks become spaces.
//
// # Multi-year panel (WritePanel)
//
// The years of a scoring.Series side by side (rate --years): see
// WritePanel.
package reports
