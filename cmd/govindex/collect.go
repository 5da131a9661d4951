package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/reports"
	"github.com/spf13/cobra"
)

func newCollectCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "collect",
		Short: "Run the collectors on the evidence files; write the indicator table with provenance",
		Long: `collect reads the evidence files declared under [[source]] (policies, catalogs, platforms,
collaborations), counts them into indicator values as of each source's as_of date, and writes the
whole indicator table — observation tables and collected values — with the provenance of every
value: the evidence rows (file:row) or catalog datasets (file#id) behind it.

--format csv (or table) writes the long layout region,year,indicator,value,source, which govindex
reads back as an observation table; --format json writes a list of objects with the same fields
plus the region's name.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCollect(cmd.Context(), g) },
	}
}

// collectedRow is one indicator value with its provenance.
type collectedRow struct {
	Region    string             `json:"region"`
	Name      string             `json:"name"`
	Year      int                `json:"year"`
	Indicator string             `json:"indicator"`
	Value     *reports.JSONFloat `json:"value"`
	Source    string             `json:"source"`
}

// runCollect loads the project (running the collectors) and writes every
// value in region, year and indicator order.
func runCollect(ctx context.Context, g *globalOptions) error {
	if err := noXLSX(g, "collect"); err != nil {
		return err
	}
	if g.format == "md" {
		return usagef("use --format csv or --format json", "collect writes csv or json, not md")
	}
	p, err := loadProject(g)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	rows := collectedRows(p.def, p.ds)
	if !g.quiet {
		for _, w := range p.ds.Warnings {
			fmt.Fprintf(g.stderr, "govindex: %s\n", w)
		}
	}
	return emit(g, inputFiles(g, p.def), func(w io.Writer) error {
		if g.format == "json" {
			return reports.EncodeJSON(w, rows)
		}
		return writeCollectedCSV(w, rows)
	})
}

// collectedRows orders the dataset's observations as regions.csv, years
// ascending and the definition's indicators.
func collectedRows(def *indicators.Definition, ds *indicators.Dataset) []collectedRow {
	regionOrder := map[string]int{}
	names := map[string]string{}
	for i, r := range ds.Regions.List {
		regionOrder[r.Code] = i
		names[r.Code] = r.Name
	}
	obs := slices.Clone(ds.Observations)
	slices.SortStableFunc(obs, func(a, b indicators.Observation) int {
		if c := regionOrder[a.Region] - regionOrder[b.Region]; c != 0 {
			return c
		}
		if a.Year != b.Year {
			return a.Year - b.Year
		}
		ia, _ := def.Indicator(a.Indicator)
		ib, _ := def.Indicator(b.Indicator)
		return indexOf(ia) - indexOf(ib)
	})
	rows := make([]collectedRow, 0, len(obs))
	for _, o := range obs {
		var v *reports.JSONFloat
		if !math.IsNaN(o.Value) {
			f := reports.JSONFloat(o.Value)
			v = &f
		}
		src := o.Source
		if src == "" {
			src = o.Pos.String()
		}
		rows = append(rows, collectedRow{Region: o.Region, Name: names[o.Region], Year: o.Year, Indicator: o.Indicator, Value: v, Source: src})
	}
	return rows
}

func indexOf(ind *indicators.Indicator) int {
	if ind == nil {
		return math.MaxInt32
	}
	return ind.Index
}

// writeCollectedCSV writes the long layout govindex reads back.
func writeCollectedCSV(w io.Writer, rows []collectedRow) error {
	records := [][]string{{"region", "year", "indicator", "value", "source"}}
	for _, r := range rows {
		value := "NA"
		if r.Value != nil {
			value = strconv.FormatFloat(float64(*r.Value), 'f', -1, 64)
		}
		year := ""
		if r.Year != 0 {
			year = strconv.Itoa(r.Year)
		}
		records = append(records, []string{r.Region, year, r.Indicator, value, r.Source})
	}
	return reports.WriteCSVRecords(w, records)
}
