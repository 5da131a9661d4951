package reports

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/govindex/govindex/scoring"
)

// The HTML report of a result in a series: a "changes since last year"
// table and a "trends across years" line chart (chart-trends).

// htmlTable is a table inside a section.
type htmlTable struct {
	Header []htmlCell
	Rows   [][]htmlCell
}

// htmlTrendLines is the most regions the trends chart draws: the first of
// the result's order (the best ranked), so the chart stays readable.
const htmlTrendLines = 20

// changesSection is the table of the changes since the previous year:
// every region rated this year or last, in the result's order.
func (b *htmlBuilder) changesSection() *htmlSection {
	prev, ok := previousYear(b.r)
	if !ok {
		return nil
	}
	lang := b.lang
	dash := Message(lang, msgMissingCell)
	head := []string{Message(lang, msgRank), Message(lang, msgRegion), Message(lang, msgCode), Message(lang, msgScore),
		swf(lang, swVsYear, prev), sw(lang, swRankChange), Message(lang, msgStars), sw(lang, swStarChange),
		sw(lang, swSlope), sw(lang, swCAGR)}
	num := []bool{true, false, false, true, true, true, false, true, true, true}
	t := &htmlTable{}
	for i, h := range head {
		t.Header = append(t.Header, htmlCell{Text: h, Num: num[i]})
	}
	before, _ := b.r.Series.Previous(b.r.Year)
	for _, rr := range b.r.Regions {
		last := before.Region(rr.Region.Code)
		if !rr.Rated && (last == nil || !last.Rated) {
			continue
		}
		cells := []string{dash, b.regionName(rr), rr.Region.Code, dash}
		if rr.Rated {
			cells[0], cells[3] = strconv.Itoa(rr.Rank), formatScore(rr.Score, b.dec)
		}
		ch := changeCells(b.r, rr, lang, b.dec, dash)
		cells = append(cells, ch[0], ch[1], b.starGlyphs(rr.Stars), ch[2])
		if !rr.Rated {
			cells[6] = dash
		}
		slope, cagr := dash, dash
		if tr, ok := b.r.Trend(rr.Region.Code); ok && rr.Rated {
			slope = signed(roundLikeScores(b.def, tr.Slope), b.dec)
			if tr.CAGROK {
				cagr = signedPct(tr.CAGR, b.dec)
			}
		}
		cells = append(cells, slope, cagr)
		row := make([]htmlCell, len(cells))
		for i, c := range cells {
			row[i] = htmlCell{Text: c, Num: num[i], Stars: i == 6}
		}
		t.Rows = append(t.Rows, row)
	}
	s := &htmlSection{ID: "changes", Title: swf(lang, swSecChanges, prev), Table: t,
		Notes: []string{swf(lang, swLegend, prev, prev), comparabilityText(b.r, lang)}}
	if len(t.Rows) == 0 {
		s.Notes = append([]string{htmlWord(lang, hmNoRated)}, s.Notes...)
	}
	return s
}

// trendsSection is the line chart of each region's score over the rated
// years of the series up to the result's, for the regions rated in any of
// them (at most htmlTrendLines, in the result's order).
func (b *htmlBuilder) trendsSection() (*htmlSection, error) {
	s := b.r.Series
	if s == nil {
		return nil, nil
	}
	var years []int
	var results []*scoring.Result
	for i, y := range s.Years {
		if y <= b.r.Year {
			years = append(years, y)
			results = append(results, s.Results[i])
		}
	}
	if len(years) < 2 {
		return nil, nil
	}
	labels := make([]string, len(years))
	for i, y := range years {
		labels[i] = strconv.Itoa(y)
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "24", Top: "48", Bottom: "16", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: Message(b.lang, msgScore)}),
	)
	line.SetXAxis(labels)
	var values []float64
	drawn, total := 0, 0
	for _, rr := range b.r.Regions {
		data := make([]opts.LineData, len(years))
		has := false
		for i, res := range results {
			data[i] = opts.LineData{Value: "-"}
			if x := res.Region(rr.Region.Code); x != nil && x.Rated {
				data[i] = opts.LineData{Value: b.value(x.Score)}
				values = append(values, x.Score)
				has = true
			}
		}
		if !has {
			continue
		}
		total++
		if drawn == htmlTrendLines {
			continue
		}
		drawn++
		line.AddSeries(b.regionName(rr), data)
	}
	lo, hi := b.scale(values)
	js, err := htmlOption(line, func(m map[string]any) {
		y := htmlAxisAt(m, "yAxis", 0)
		y["min"], y["max"] = lo, hi
		list, _ := m["series"].([]any)
		for _, x := range list {
			if sm, ok := x.(map[string]any); ok {
				sm["connectNulls"] = false
				sm["symbolSize"] = 8
			}
		}
	})
	if err != nil {
		return nil, err
	}
	sec := &htmlSection{ID: "trends", Title: sw(b.lang, swSecTrends), Intro: []string{comparabilityText(b.r, b.lang)}}
	sec.Charts = append(sec.Charts, b.newChart("chart-trends", "", 400, js))
	if total > drawn {
		sec.Notes = append(sec.Notes, swf(b.lang, swTrendsTop, drawn, total))
	}
	if total == 0 {
		sec.Notes = append(sec.Notes, htmlWord(b.lang, hmNoRated))
	}
	return sec, nil
}
