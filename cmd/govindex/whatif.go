package main

import (
	"context"
	"errors"
	"io"

	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
	"github.com/spf13/cobra"
)

func newWhatIfCommand(g *globalOptions) *cobra.Command {
	var target int
	cmd := &cobra.Command{
		Use:   "whatif REGION",
		Short: "The smallest indicator improvements that lift REGION to the next star",
		Long: `whatif scores the index (--config, default: the embedded 2017 edition; --year) and finds,
for each indicator separately, the smallest change of REGION's raw value — in the indicator's
own units, in the direction that improves it — that alone lifts REGION to the next star, or
to --target N. Every value tried is rated by scoring the whole index again with everything
else unchanged, so a change that moves a min-max bound, a data-driven weight, the quantile,
k-means or Jenks star boundaries, or a star cap counts exactly as the rating counts it. For a
missing value, the least favourable value that, reported, earns the target is searched from
the indicator's natural floor — 0 when every observed value is at least 0 and higher is
better (counts, shares, years), else the least favourable value observed — and its change is
measured from there; an option of an indicator that fewer than two other regions report says
so. An indicator with actionable = false in index.toml (such as years since a first
document) is never proposed: it is listed as one the region cannot change. Targets are whole
numbers when every observed value is one (counts, levels), else rounded to two more decimals
than the data; always in the favourable direction, and verified again.

Also: the cheapest combined plan (the smallest total change, each change measured as a share
of the range of the regions' values), and the indicators that cannot earn the target alone,
with why (not enough even at an extreme value, too small a weight, a star cap).

REGION is a code, an exact name or English name, or the start of one of them when no other
region starts the same way ("贵州" for 贵州省). --target must be above the region's rating and
at most the number of star classes. A region already at the top rating is said so.

--format table (default) or md prints the sentence, the options, the plan and the rest; json
gives {"region", "stars", "target", "options": [{"indicator", "from", "to"}, …]} with the
extensions name, score, unit, change, effort, score_after, stars_after, few_reports,
unreachable and plan; csv lists the options and the plan's changes (column kind: option or
plan).`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("usage: "+cmd.UseLine(), "whatif needs one region (its code, its name or the start of its name), got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWhatIf(cmd.Context(), g, args[0], target, cmd.Flags().Changed("target"))
		},
	}
	cmd.Flags().IntVar(&target, "target", 0, "the star rating to reach (default: the next star)")
	return cmd
}

// runWhatIf loads the project, builds the year's matrix as scoring.Run
// does and prints what the region needs for the target rating.
func runWhatIf(ctx context.Context, g *globalOptions, typed string, target int, targetSet bool) error {
	if err := noXLSX(g, "whatif"); err != nil {
		return err
	}
	if targetSet && target < 1 {
		return usagef("give a star rating above the region's current one, such as --target 5", "--target %d is not a star rating", target)
	}
	p, err := loadProject(g)
	if err != nil {
		return err
	}
	year, err := p.year(g)
	if err != nil {
		return err
	}
	reg, err := matchRegion(p.ds.Regions.List, typed, g.lang)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m := p.ds.Matrix(p.def, year)
	for _, y := range p.ds.Years() {
		if y != year {
			m.Other = append(m.Other, p.ds.Matrix(p.def, y))
		}
	}
	wi, err := scoring.WhatIf(p.def, m, reg.Code, target, scoring.WhatIfOptions{Context: ctx})
	var te *scoring.WhatIfTargetError
	switch {
	case errors.As(err, &te) && te.Target > te.Classes:
		return usagef("give a rating no higher than the number of star classes",
			"--target %d is beyond the top rating of %d stars", te.Target, te.Classes)
	case errors.As(err, &te):
		return usagef("give a rating above the region's current one, or leave --target out for the next star",
			"--target %d is not above the %d stars %s has", te.Target, te.Stars, reports.PickName(g.lang, reg.Name, reg.NameEn))
	case err != nil:
		return err
	}
	wi.Base.Data = p.ds
	return emit(g, inputFiles(g, p.def), func(w io.Writer) error {
		return reports.WriteWhatIf(w, g.format, wi, reportOptions(g))
	})
}
