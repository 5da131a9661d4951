package main

import (
	"context"
	"io"
	"strings"

	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
	"github.com/spf13/cobra"
)

func newAuditCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "audit",
		Short: "Statistical audit: indicator statistics with flags, correlations, Cronbach's alpha, PCA",
		Long: `audit scores the index (--config, default: the embedded 2017 edition; --year) and audits it
the way the OECD/JRC Handbook on Constructing Composite Indicators does, over the rated regions:

  - per indicator, on its values after denomination, imputation and treatment (before
    direction and normalisation): n, availability, min, max, mean, median, sample sd,
    sample-adjusted skewness and excess kurtosis, share of zeros; flags low_availability
    (under 65% of the rated regions), outliers (|skew| >= 2 and kurtosis >= 3.5),
    many_zeros (at least 50% of the values are 0) and constant (sd = 0);
  - Pearson, Spearman (average ranks for ties) and Kendall tau-b correlations between
    indicators, on direction-adjusted values (higher is better everywhere) and pairwise
    complete observations (at least 3); each indicator's Pearson r with its dimension
    and the index (normalised values against scores); flagged pairs: collinear
    (|r| > 0.9) and negative_within_dimension (r < 0 within one dimension);
  - Cronbach's alpha over all indicators and per dimension: standardised (from the mean
    inter-indicator correlation) and raw (normalised values, regions with every indicator
    present); per indicator the corrected item-total correlation on standardised values
    and the standardised alpha if the indicator is deleted;
  - PCA of the pairwise Pearson correlation matrix: eigenvalues and explained shares.

--format table (default) or md prints the sections as tables; json gives the contract
keys "index", "indicators", "correlations", "cronbach_alpha" and "pca" (undefined
statistics are null, explained shares are fractions of 1). There is no csv form of the
audit: --format csv is refused.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runAudit(cmd.Context(), g) },
	}
}

// runAudit scores the project for the chosen year, audits it and prints
// the audit.
func runAudit(ctx context.Context, g *globalOptions) error {
	if err := noXLSX(g, "audit"); err != nil {
		return err
	}
	if g.format == "csv" {
		return usagef("use --format "+strings.Join(reports.AuditFormats(), "|"), "audit has no csv format: its tables have different shapes")
	}
	p, res, err := scoreProject(ctx, g)
	if err != nil {
		return err
	}
	audit := scoring.Audit(res)
	return emit(g, inputFiles(g, p.def), func(w io.Writer) error {
		return reports.WriteAudit(w, g.format, audit, res, reportOptions(g))
	})
}
