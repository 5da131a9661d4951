package reports

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/govindex/govindex/scoring"
)

// The multi-year panel (`rate --years`): one row per region, ordered by
// the latest year's rank, with each year's score, rank and stars and the
// trend over the years.

var errNoSeries = errors.New("reports: no rated years to render (nil or empty Series)")

// PanelFormats lists the format names WritePanel accepts.
func PanelFormats() []string { return []string{"table", "csv", "json", "md"} }

// WritePanel renders the panel of the series s in format (table, csv,
// json or md):
//
//   - table and md: a title line naming the years, then per region its
//     name and code, each year's score, rank and stars ("—" where it was not
//     rated), the slope of its score in points a year and the compound
//     annual growth rate from its first to its last rated year; below, a
//     legend and a line saying how the years' scores relate;
//   - csv: code,name,<year>.score,<year>.rank,<year>.stars … (every year),
//     trend_from,trend_to,trend_slope,trend_cagr, empty cells where there
//     is nothing;
//   - json: {"index", "years": {"rated", "comparable"}, "regions": [{"code",
//     "name", "years": [{"year", "rated", "score", "rank", "stars"}], "trend"}]}
//     (see JSONPanel).
//
// Regions are those of the latest year, in its order: rated ones by rank,
// then the unrated.
func WritePanel(w io.Writer, format string, s *scoring.Series, o Options) error {
	last, err := panelLatest(s)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		return EncodeJSON(w, JSONPanelResult(s, o))
	case "table":
		return writePanelText(w, s, last, o, false)
	case "md":
		return writePanelText(w, s, last, o, true)
	case "csv":
		return writePanelCSV(w, s, last, o)
	}
	return fmt.Errorf("reports: unknown format %q (want one of %s)", format, strings.Join(PanelFormats(), ", "))
}

// panelLatest is the result of the last year of s.
func panelLatest(s *scoring.Series) (*scoring.Result, error) {
	if s == nil || len(s.Results) == 0 || len(s.Results) != len(s.Years) {
		return nil, errNoSeries
	}
	last := s.Results[len(s.Results)-1]
	if err := check(last); err != nil {
		return nil, err
	}
	return last, nil
}

// JSONPanel is the JSON of the multi-year panel.
type JSONPanel struct {
	// Index is as in the results of the latest year.
	Index   JSONIndex         `json:"index"`
	Years   JSONYears         `json:"years"`
	Regions []JSONPanelRegion `json:"regions"`
}

// JSONPanelRegion is one region across the years, with its trend (absent
// when it is rated in fewer than two of them).
type JSONPanelRegion struct {
	Code   string          `json:"code"`
	Name   string          `json:"name"`
	NameEn string          `json:"name_en,omitempty"`
	Years  []JSONPanelYear `json:"years"`
	Trend  *JSONTrend      `json:"trend,omitempty"`
}

// JSONPanelYear is a region's rating in one year; an unrated year has
// "rated": false and nothing else.
type JSONPanelYear struct {
	Year  int        `json:"year"`
	Rated bool       `json:"rated"`
	Score *JSONFloat `json:"score,omitempty"`
	Rank  *int       `json:"rank,omitempty"`
	Stars *int       `json:"stars,omitempty"`
	Class string     `json:"class,omitempty"`
}

// JSONPanelResult builds the JSON of the panel of s; nil when s has no
// results.
func JSONPanelResult(s *scoring.Series, o Options) *JSONPanel {
	last, err := panelLatest(s)
	if err != nil {
		return nil
	}
	doc := &JSONPanel{
		Index:   JSONResult(last, o).Index,
		Years:   JSONYears{Rated: append([]int{}, s.Years...), Comparable: s.Comparable},
		Regions: make([]JSONPanelRegion, 0, len(last.Regions)),
	}
	for _, rr := range last.Regions {
		reg := JSONPanelRegion{Code: rr.Region.Code, Name: rr.Region.Name, NameEn: rr.Region.NameEn,
			Years: make([]JSONPanelYear, 0, len(s.Years))}
		for i, y := range s.Years {
			py := JSONPanelYear{Year: y}
			r := s.Results[i]
			if x := r.Region(rr.Region.Code); x != nil && x.Rated {
				score := JSONFloat(x.Score)
				py.Rated, py.Score, py.Rank, py.Stars = true, &score, ptr(x.Rank), positivePtr(x.Stars)
				py.Class = classLabel(r.Def, x.Class, x.Stars)
			}
			reg.Years = append(reg.Years, py)
		}
		reg.Trend = jsonTrend(last, rr.Region.Code)
		doc.Regions = append(doc.Regions, reg)
	}
	return doc
}

// panelGrid is the panel as cells: the header, a row per region, and which
// columns hold numbers.
func panelGrid(s *scoring.Series, last *scoring.Result, lang string) (grid [][]string, right []bool) {
	def := last.Def
	dec := decimals(def)
	classes := def.Stars.NumClasses()
	dash := Message(lang, msgMissingCell)
	header := []string{Message(lang, msgRegion), Message(lang, msgCode)}
	right = []bool{false, false}
	for _, y := range s.Years {
		header = append(header, swf(lang, swYearScore, y), swf(lang, swYearRank, y), swf(lang, swYearStars, y))
		right = append(right, true, true, false)
	}
	header = append(header, sw(lang, swSlope), sw(lang, swCAGR))
	right = append(right, true, true)
	grid = append(grid, header)
	for _, rr := range last.Regions {
		row := []string{regionName(rr.Region, lang), rr.Region.Code}
		for i := range s.Years {
			if x := s.Results[i].Region(rr.Region.Code); x != nil && x.Rated {
				row = append(row, formatScore(x.Score, dec), strconv.Itoa(x.Rank), StarGlyphs(x.Stars, classes))
			} else {
				row = append(row, dash, dash, dash)
			}
		}
		slope, cagr := dash, dash
		if t, ok := last.Trend(rr.Region.Code); ok {
			slope = signed(roundLikeScores(def, t.Slope), dec)
			if t.CAGROK {
				cagr = signedPct(t.CAGR, dec)
			}
		}
		grid = append(grid, append(row, slope, cagr))
	}
	return grid, right
}

// panelTitle is "<index> · <edition> · <years>".
func panelTitle(s *scoring.Series, last *scoring.Result, lang string) string {
	var parts []string
	if n := indexName(last.Def, lang); n != "" {
		parts = append(parts, n)
	}
	if e := last.Def.Index.Edition; e != "" {
		parts = append(parts, msgf(lang, msgEdition, e))
	}
	parts = append(parts, swf(lang, swPanelTitle, yearSpan(s.Years, lang)))
	return strings.Join(parts, Message(lang, msgTitleSep))
}

// panelNotes are the lines under the panel.
func panelNotes(last *scoring.Result, lang string) []string {
	return []string{sw(lang, swPanelNote), comparabilityText(last, lang)}
}

func writePanelText(w io.Writer, s *scoring.Series, last *scoring.Result, o Options, md bool) error {
	lang := o.lang()
	grid, right := panelGrid(s, last, lang)
	notes := panelNotes(last, lang)
	var b strings.Builder
	if md {
		b.WriteString("## " + EscapeMarkdown(panelTitle(s, last, lang)) + "\n\n")
		writeMarkdownTable(&b, grid[0], right, grid[1:])
		for _, n := range notes {
			b.WriteString("\n" + EscapeMarkdown(n) + "\n")
		}
	} else {
		b.WriteString(oneLine(panelTitle(s, last, lang)) + "\n\n")
		writeTextGrid(&b, grid, right)
		b.WriteByte('\n')
		for _, n := range notes {
			b.WriteString(oneLine(n) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTextGrid writes a terminal table: the header, a rule and the rows,
// aligned by display width.
func writeTextGrid(b *strings.Builder, grid [][]string, right []bool) {
	widths := make([]int, len(right))
	for _, line := range grid {
		for i, c := range line {
			line[i] = oneLine(c)
			widths[i] = max(widths[i], width.StringWidth(line[i]))
		}
	}
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}
	b.WriteString(alignedLine(grid[0], widths, right))
	b.WriteString(alignedLine(rule, widths, right))
	for _, line := range grid[1:] {
		b.WriteString(alignedLine(line, widths, right))
	}
}

func writePanelCSV(w io.Writer, s *scoring.Series, last *scoring.Result, o Options) error {
	lang := o.lang()
	header := []string{"code", "name"}
	for _, y := range s.Years {
		p := strconv.Itoa(y)
		header = append(header, p+".score", p+".rank", p+".stars")
	}
	header = append(header, "trend_from", "trend_to", "trend_slope", "trend_cagr")
	records := [][]string{header}
	for _, rr := range last.Regions {
		row := []string{rr.Region.Code, regionName(rr.Region, lang)}
		for i := range s.Years {
			if x := s.Results[i].Region(rr.Region.Code); x != nil && x.Rated {
				row = append(row, formatNumber(x.Score), positive(x.Rank), positive(x.Stars))
			} else {
				row = append(row, "", "", "")
			}
		}
		trend := []string{"", "", "", ""}
		if t := jsonTrend(last, rr.Region.Code); t != nil {
			trend = []string{strconv.Itoa(t.From), strconv.Itoa(t.To), formatNumber(float64(t.Slope)), ""}
			if t.CAGR != nil {
				trend[3] = formatNumber(float64(*t.CAGR))
			}
		}
		records = append(records, append(row, trend...))
	}
	return WriteCSVRecords(w, records)
}
