package main

import (
	"context"
	"io"
	"strconv"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
	"github.com/spf13/cobra"
)

func newCompareCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "compare A B [C…]",
		Short: "Regions side by side: scores, ranks, stars, indicator gaps, strengths and weaknesses",
		Long: `compare scores the index (--config, default: the embedded 2017 edition; --year) and sets
two or more rated regions side by side: the index and every dimension (score, rank among all
rated regions, stars) and every indicator (raw value with its unit, normalised value, rank).

A region is named by its code, its exact name or English name, or the start of one of them
when no other region starts the same way ("贵州" for 贵州省, "Gui" for Guizhou). An unknown or
ambiguous name is refused with the candidates.

Gaps: for two regions A B, each row's B − A; for more, each region's gap to the best of them.
Strengths and weaknesses: each region's three indicators furthest above and below the mean
of the compared regions, in normalised values.

In a project with several years, a row under the index gives each region's change since the
previous year (score, rank, stars).

--format table (default), md, csv (a row per line, a column per region) or json.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("usage: "+cmd.UseLine(), "compare needs at least two regions, got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runCompare(cmd.Context(), g, args) },
	}
}

// runCompare scores the project for the chosen year and prints the named
// regions side by side.
func runCompare(ctx context.Context, g *globalOptions, names []string) error {
	if err := noXLSX(g, "compare"); err != nil {
		return err
	}
	p, res, err := scoreProject(ctx, g)
	if err != nil {
		return err
	}
	codes, err := compareRegions(p.ds.Regions.List, res, names, g.lang)
	if err != nil {
		return err
	}
	return emit(g, inputFiles(g, p.def), func(w io.Writer) error {
		return reports.WriteCompare(w, g.format, res, codes, reportOptions(g))
	})
}

// compareRegions matches the typed names to regions: each must be known,
// rated, and named once.
func compareRegions(all []*indicators.Region, res *scoring.Result, names []string, lang string) ([]string, error) {
	byCode := map[string]*scoring.RegionResult{}
	for _, rr := range res.Regions {
		byCode[rr.Region.Code] = rr
	}
	codes := make([]string, 0, len(names))
	typed := map[string]string{}
	for _, name := range names {
		reg, err := matchRegion(all, name, lang)
		if err != nil {
			return nil, err
		}
		if first, ok := typed[reg.Code]; ok {
			return nil, usagef("name each region once", "%q and %q are the same region, %s %s", first, name, reg.Code, reports.PickName(lang, reg.Name, reg.NameEn))
		}
		typed[reg.Code] = name
		label := reports.PickName(lang, reg.Name, reg.NameEn)
		rr := byCode[reg.Code]
		switch {
		case rr == nil:
			return nil, usagef("compare rated regions (govindex rate lists them)", "%s %s has no result", reg.Code, label)
		case !rr.Rated && rr.Total > 0:
			return nil, usagef("compare rated regions (govindex rate lists them), or add data for this region",
				"%s %s is not rated: it has data for %d of %d indicators, under the minimum share of %s",
				reg.Code, label, rr.Present, rr.Total, strconv.FormatFloat(res.Def.Scoring.MinCoverage*100, 'f', -1, 64)+"%")
		case !rr.Rated:
			return nil, usagef("compare rated regions (govindex rate lists them), or add data for this region",
				"%s %s is not rated: %s", reg.Code, name, rr.Reason)
		}
		codes = append(codes, reg.Code)
	}
	return codes, nil
}
