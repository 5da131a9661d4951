package main

import (
	"context"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
)

func newCalibrateCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "calibrate",
		Short: "Replication: which declared schemes reproduce a published rating, the recommended one, where the cut-offs may lie",
		Long: `calibrate rebuilds a published rating from partial information. index.toml names what the
publication said and the schemes that are plausible:

  [published]
  file = "published.csv"        # region,stars,rank,score — any of the last three; blank = unknown;
                                # stars may be a range such as 1-4
  # score_tolerance = 0.005     # default: half a unit of the last decimal published in each cell

  [calibrate]                   # alternatives, the preferred first; every combination is a candidate
  normalise = ["fracmax", "minmax", "prank"]
  weights = ["equal", "entropy"]
  missing_dimension = ["renormalise", "zero", "unrated"]
  complete = [false, true]      # evidence sources: no record means 0
  thresholds = [[20, 40, 60, 80], [25, 50, 75, 90]]
  # any [scoring] key, stars (the star methods), thresholds, classes, labels; max_candidates = 100000

Every candidate is scored on the year rated (--year) and compared with the publication:
stars matched (a published rating or range), ranks matched, Kendall tau-b between the
published and computed ranks, and the score RMSE. A candidate is consistent when every
published figure is matched. The recommended scheme is the consistent one with the fewest
settings different from index.toml, ties to the earlier alternatives; with none consistent,
the best-agreeing one, with what it gets wrong. The output also says, for each setting,
which values the consistent schemes take, and, under the recommended scheme, where each
star threshold may lie and still reproduce the published stars.

--format table (default) or md for people, csv (one row per candidate), json (the
contract), toml (the recommended [scoring] and [stars], ready to paste). A publication
that no candidate reproduces is a result (exit 0), not an error.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCalibrate(cmd.Context(), g) },
	}
}

// runCalibrate loads the project and its published figures, scores every
// candidate and prints the replication.
func runCalibrate(ctx context.Context, g *globalOptions) error {
	if err := noXLSX(g, "calibrate"); err != nil {
		return err
	}
	p, err := loadProject(g)
	if err != nil {
		return err
	}
	if errs := scoring.CheckCalibrate(p.def); len(errs) > 0 {
		return errs
	}
	year, err := p.year(g)
	if err != nil {
		return err
	}
	pub, err := indicators.LoadPublished(p.def, p.ds.Regions, g.encoding)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	res, err := scoring.Calibrate(ctx, p.def, p.ds, year, pub, scoring.CalibrateOptions{
		Data: func(def *indicators.Definition) (*indicators.Dataset, error) {
			return indicators.LoadData(def, g.encoding)
		},
	})
	if err != nil {
		return err
	}
	inputs := inputFiles(g, p.def)
	if g.config != "" && p.def.Published != nil && !filepath.IsAbs(p.def.Published.File) {
		inputs = append(inputs, filepath.Join(filepath.Dir(g.config), p.def.Published.File))
	}
	return emit(g, inputs, func(w io.Writer) error {
		return reports.WriteCalibrate(w, g.format, res, reportOptions(g))
	})
}

// replication calibrates the project for the article when index.toml
// declares what was published and the schemes to search ([published] and
// [calibrate]); nil otherwise.
func replication(ctx context.Context, g *globalOptions, p *project, year int) (*scoring.CalibrateResult, error) {
	if p.def.Published == nil || p.def.Calibrate == nil || (p.def.Index.Year != 0 && year != p.def.Index.Year) {
		// The publication is of [index] year: other years say nothing of it.
		return nil, nil
	}
	pub, err := indicators.LoadPublished(p.def, p.ds.Regions, g.encoding)
	if err != nil {
		return nil, err
	}
	return scoring.Calibrate(ctx, p.def, p.ds, year, pub, scoring.CalibrateOptions{
		Data: func(def *indicators.Definition) (*indicators.Dataset, error) {
			return indicators.LoadData(def, g.encoding)
		},
	})
}
