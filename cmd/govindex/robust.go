package main

import (
	"context"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
)

// robustFlags are the robust command's own flags.
type robustFlags struct {
	samples     int
	noise       float64
	sensitivity bool
}

func newRobustCommand(g *globalOptions) *cobra.Command {
	o := &robustFlags{}
	cmd := &cobra.Command{
		Use:   "robust",
		Short: "Uncertainty analysis: rank intervals, star probabilities and Sobol sensitivity indices",
		Long: `robust scores the index (--config, default: the embedded 2017 edition; --year) and rebuilds it
many times with the choices behind it drawn at random, as the [uncertainty] section of
index.toml says (flags override it):

  samples = 1000                       # Monte Carlo samples (--samples)
  seed = 1                             # random seed (--seed)
  weights_noise = 0.25                 # every weight × U(1 − 0.25, 1 + 0.25) (--noise)
  normalise = ["minmax", "prank"]      # alternatives, one drawn per sample (default: [scoring])
  aggregate = ["arithmetic", "geometric"]
  impute = ["none", "mean"]
  exclude = 0.1                        # probability that each indicator is dropped
  sensitivity = false                  # Sobol indices (--sensitivity)

For every rated region it gives the nominal rank, the median and the 5th–95th percentile of
its rank over the samples and the share of samples at each star rating (the star
confidence is the share at its nominal rating); overall, the mean absolute rank shift.
With --sensitivity it adds the first-order and total Sobol indices of each uncertain input
(weights, normalise, aggregate, impute, exclude) on the mean absolute rank shift, from a
Saltelli design on a Sobol sequence, with bootstrap 95% intervals.

The same seed gives the same output on any number of cores. Samples in which a drawn method
does not apply (the geometric mean over a value ≤ 0) are counted as failed and left out.
--format json gives the JSON results of rate with "robust" per region, "samples",
"failed_samples", "mean_abs_rank_shift" and, with --sensitivity, "sensitivity". A progress
bar is shown on a terminal (not with --quiet, never in a pipe); Ctrl-C stops the run and
writes nothing.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runRobust(cmd.Context(), g, o, cmd.Flags()) },
	}
	f := cmd.Flags()
	f.IntVar(&o.samples, "samples", 0, "Monte Carlo samples (default: [uncertainty] samples, else 1000)")
	f.Float64Var(&o.noise, "noise", 0, "weight noise X: every weight × U(1 − X, 1 + X) (default: [uncertainty] weights_noise, else 0.25)")
	f.BoolVar(&o.sensitivity, "sensitivity", false, "also compute Sobol sensitivity indices (default: [uncertainty] sensitivity)")
	return cmd
}

// runRobust runs the uncertainty analysis and prints it.
func runRobust(ctx context.Context, g *globalOptions, o *robustFlags, flags *pflag.FlagSet) error {
	var opts scoring.RobustOptions
	if flags.Changed("samples") {
		if o.samples < 1 || o.samples > scoring.MaxRobustSamples {
			return usagef("give --samples a number from 1 to 10000000, e.g. --samples 1000", "--samples %d is out of range", o.samples)
		}
		opts.Samples = &o.samples
	}
	if flags.Changed("noise") {
		if !(o.noise >= 0 && o.noise < 1) {
			return usagef("give --noise a share from 0 up to, not including, 1, e.g. --noise 0.25", "--noise %g is outside [0, 1)", o.noise)
		}
		opts.Noise = &o.noise
	}
	if flags.Changed("sensitivity") {
		opts.Sensitivity = &o.sensitivity
	}
	if flags.Changed("seed") {
		opts.Seed = &g.seed
	}
	p, err := loadProject(g)
	if err != nil {
		return err
	}
	year, err := p.year(g)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	bar := newRobustBar(g)
	opts.Progress = bar.progress
	rr, err := scoring.RobustRun(ctx, p.def, p.ds, year, opts)
	bar.done(err == nil)
	if err != nil {
		return err
	}
	// Over several years the ranking is the year's result in its series,
	// so that the output says how the years relate (and the JSON carries
	// each region's change); its ranks are the analysis's nominal ones.
	res := rr.Nominal
	if len(scoring.SeriesYears(p.def, p.ds)) >= 2 {
		if res, err = p.rate(year); err != nil {
			return err
		}
	}
	return emit(g, inputFiles(g, p.def), func(w io.Writer) error {
		return reports.WriteRobust(w, g.format, res, rr, reportOptions(g))
	})
}

// robustBar is the progress bar on standard error, or nothing when that is
// not a terminal or --quiet is set.
type robustBar struct {
	bar *progressbar.ProgressBar
}

func newRobustBar(g *globalOptions) *robustBar {
	f, ok := g.stderr.(*os.File)
	if g.quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return &robustBar{}
	}
	desc := "稳健性分析"
	if g.lang == "en" {
		desc = "robust"
	}
	return &robustBar{bar: progressbar.NewOptions(1,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// progress is the scoring progress callback.
func (b *robustBar) progress(done, total int) {
	if b.bar == nil {
		return
	}
	if b.bar.GetMax() != total {
		b.bar.ChangeMax(total)
	}
	_ = b.bar.Set(done)
}

// done removes the bar, filled first when the run finished.
func (b *robustBar) done(finished bool) {
	if b.bar == nil {
		return
	}
	if finished {
		_ = b.bar.Finish()
	}
	_ = b.bar.Clear()
}
