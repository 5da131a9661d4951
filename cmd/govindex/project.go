package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/govindex/govindex/data"
	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
)

// project is a loaded index definition with its data.
type project struct {
	def *indicators.Definition
	ds  *indicators.Dataset
}

// loadDefinition reads --config, or the embedded default edition.
func loadDefinition(g *globalOptions) (*indicators.Definition, error) {
	if g.config == "" {
		return indicators.LoadFS(data.FS, data.EditionPath(data.DefaultEdition), "embedded:")
	}
	return indicators.LoadFile(g.config)
}

// loadProject reads the definition and its data and checks the methods;
// every problem is bad input.
func loadProject(g *globalOptions) (*project, error) {
	def, err := loadDefinition(g)
	if err != nil {
		return nil, err
	}
	if errs := scoring.Check(def); len(errs) > 0 {
		return nil, errs
	}
	ds, err := indicators.LoadData(def, g.encoding)
	if err != nil {
		return nil, err
	}
	if errs := scoring.CheckData(def, ds); len(errs) > 0 {
		return nil, errs
	}
	return &project{def: def, ds: ds}, nil
}

// scoreProject loads the project, picks the year and scores it: the first
// steps of every command that reports on a rated index.
func scoreProject(ctx context.Context, g *globalOptions) (*project, *scoring.Result, error) {
	p, err := loadProject(g)
	if err != nil {
		return nil, nil, err
	}
	year, err := p.year(g)
	if err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	res, err := p.rate(year)
	if err != nil {
		return nil, nil, err
	}
	return p, res, nil
}

// rate scores year; in a project with several years it rates each of them
// (scoring.SeriesYears) so the result knows its change since the previous
// year and its trend.
func (p *project) rate(year int) (*scoring.Result, error) {
	years := scoring.SeriesYears(p.def, p.ds)
	if len(years) < 2 || !slices.Contains(years, year) {
		return scoring.Run(p.def, p.ds, year)
	}
	s, err := scoring.RunSeries(p.def, p.ds, years)
	if err != nil {
		return nil, err
	}
	res, _ := s.Result(year)
	return res, nil
}

// reportOptions are the renderers' options for the command line's flags.
func reportOptions(g *globalOptions) reports.Options {
	return reports.Options{Lang: g.lang, Engine: "govindex " + version}
}

// year picks the year to rate: --year, then [index] year, then the latest
// year with data. A year without data is bad input naming the years there are.
func (p *project) year(g *globalOptions) (int, error) {
	years := p.ds.Years()
	want := g.year
	if want == 0 {
		want = p.def.Index.Year
	}
	if len(years) == 0 {
		return 0, indicators.Errorf(indicators.Pos{File: p.def.File}, "add observations to the data files named under [index] data",
			"the data hold no values at all")
	}
	undated := years[0] == 0
	if want == 0 {
		return years[len(years)-1], nil
	}
	if undated || slices.Contains(years, want) {
		return want, nil
	}
	list := make([]string, len(years))
	for i, y := range years {
		list[i] = strconv.Itoa(y)
	}
	pos := indicators.Pos{File: p.def.File}
	hint := "choose one of the years with data: " + strings.Join(list, ", ")
	if g.year != 0 {
		return 0, usagef(hint, "--year %d: there is no data for that year", g.year)
	}
	pos = p.def.KeyPos("index", 0, "year")
	return 0, indicators.Errorf(pos, hint, "year %d has no data", want)
}

// yearsText lists years for messages in lang; 0 is a table without years.
func yearsText(years []int, lang string) string {
	parts := make([]string, len(years))
	for i, y := range years {
		if y == 0 {
			parts[i] = "(undated)"
			if lang != "en" {
				parts[i] = "（未注明年份）"
			}
		} else {
			parts[i] = fmt.Sprint(y)
		}
	}
	return strings.Join(parts, ", ")
}
