package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/internal/atomicfile"
	"github.com/spf13/cobra"
)

// synthOptions are synth's own flags; --seed and --out are the common ones.
type synthOptions struct {
	regions, indicators, dimensions, years int
	missing                                float64
}

func newSynthCommand(g *globalOptions) *cobra.Command {
	d := indicators.DefaultSynthOptions()
	opts := synthOptions{regions: d.Regions, indicators: d.Indicators, dimensions: d.Dimensions, years: d.Years, missing: d.Missing}
	cmd := &cobra.Command{
		Use:   "synth --out DIR",
		Short: "Write a synthetic index project of a given size, for benchmarks",
		Long: `synth writes a complete index project into DIR (--out, required): index.toml, regions.csv and
data.csv in the wide layout (region,year,x00,x01,…), with made-up values, for benchmarks and
tests. rate, report, audit and robust accept it as it is.

Indicator x<i> belongs to dimension d<i mod D>; every direction is 1 and the weights are equal.
The values are shaped like real indicator tables: counts, shares in 0–100, rates and a few
skewed counts, correlated through a latent score per region (one overall, one per dimension),
with a mild upward trend over the years, which end in 2024. A share of the values (--missing,
default 0.02) is left empty; --missing 0 leaves none. Regions get 6-digit GB/T 2260-like codes
spread over the 31 mainland provinces and names 地区0001, 地区0002, ….

index.toml scores with minmax into [1, 100] (so that the geometric mean is defined) and sets
[uncertainty] to the benchmark of 10,000 samples, weights noise 0.25, normalise minmax or
prank, aggregate arithmetic or geometric.

The same flags write the same files, byte for byte (--seed, default 1). DIR must be new or
empty; the project is built in a folder next to it and renamed into place when complete.`,
		Example: `  govindex synth --regions 3000 --indicators 48 --dimensions 6 --years 5 --seed 1 --out p3000
  govindex robust --config p3000/index.toml --samples 1000`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range []string{"format", "config", "year"} {
				if cmd.Flags().Changed(name) {
					return usagef("leave it out: synth writes a new project and reads none", "synth has no --%s", name)
				}
			}
			return runSynth(cmd.Context(), g, opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.regions, "regions", opts.regions, fmt.Sprintf("number of regions (1 to %d)", indicators.SynthMaxRegions))
	f.IntVar(&opts.indicators, "indicators", opts.indicators, fmt.Sprintf("number of indicators (1 to %d)", indicators.SynthMaxIndicators))
	f.IntVar(&opts.dimensions, "dimensions", opts.dimensions, "number of dimensions (1 to --indicators)")
	f.IntVar(&opts.years, "years", opts.years, fmt.Sprintf("number of years of data, ending in %d (1 to %d)", indicators.SynthLastYear, indicators.SynthMaxYears))
	f.Float64Var(&opts.missing, "missing", opts.missing, fmt.Sprintf("share of values left empty (0 to %g)", indicators.SynthMaxMissing))
	return cmd
}

// check validates the flags, naming them.
func (o synthOptions) check() error {
	counts := []struct {
		flag     string
		n, limit int
	}{
		{"regions", o.regions, indicators.SynthMaxRegions},
		{"indicators", o.indicators, indicators.SynthMaxIndicators},
		{"dimensions", o.dimensions, indicators.SynthMaxIndicators},
		{"years", o.years, indicators.SynthMaxYears},
	}
	for _, c := range counts {
		if c.n < 1 || c.n > c.limit {
			return usagef("give a whole number within the range", "--%s %d is out of range (1 to %d)", c.flag, c.n, c.limit)
		}
	}
	if o.dimensions > o.indicators {
		return usagef("every dimension needs an indicator: give at most as many dimensions as indicators",
			"--dimensions %d is more than --indicators %d", o.dimensions, o.indicators)
	}
	if !(o.missing >= 0 && o.missing <= indicators.SynthMaxMissing) {
		return usagef("give a share such as 0.02, or 0 for no missing values", "--missing %g is out of range (0 to %g)", o.missing, indicators.SynthMaxMissing)
	}
	if v := int64(o.regions) * int64(o.indicators) * int64(o.years); v > indicators.SynthMaxValues {
		return usagef("make the project smaller: fewer regions, indicators or years",
			"%d values (--regions × --indicators × --years) are over the limit of %d", v, int64(indicators.SynthMaxValues))
	}
	return nil
}

// runSynth writes the synthetic project into g.out, atomically: into a
// folder next to it first, renamed into place once complete.
func runSynth(ctx context.Context, g *globalOptions, opts synthOptions) error {
	if g.out == "" {
		return usagef("name a new folder to write, e.g. --out synth", "synth needs --out DIR")
	}
	if err := opts.check(); err != nil {
		return err
	}
	out := filepath.Clean(g.out)
	if _, err := checkSynthDir(out); err != nil {
		return err
	}
	s, err := indicators.NewSynth(indicators.SynthOptions{
		Regions: opts.regions, Indicators: opts.indicators, Dimensions: opts.dimensions,
		Years: opts.years, Seed: g.seed, Missing: opts.missing,
	})
	if err != nil {
		return err
	}

	err = writeDirAtomic(ctx, g, out, checkSynthDir, func(dir string) error {
		for _, name := range indicators.SynthFiles {
			err := atomicfile.Write(filepath.Join(dir, name), 0o644, func(w io.Writer) error {
				return s.WriteFile(ctx, name, w)
			})
			if err != nil {
				return fmt.Errorf("write %s: %w", name, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !g.quiet {
		cfg := path.Join(filepath.ToSlash(out), indicators.SynthIndexFile)
		o := s.Options()
		fmt.Fprintf(g.stdout, synthWords(g.lang)+"\n", out, o.Regions, o.Indicators, o.Dimensions, o.Years,
			o.FirstYear(), indicators.SynthLastYear, cfg)
	}
	return nil
}

// synthWords is the line printed when the project is written.
func synthWords(lang string) string {
	if lang == "en" {
		return "wrote a synthetic index project to %s: %d regions, %d indicators in %d dimensions, %d years (%d–%d); run: govindex rate --config %s"
	}
	return "已在 %s 写出合成指数项目：%d 个地区，%d 个指标（%d 个维度），%d 年（%d–%d 年）；运行：govindex rate --config %s"
}

// checkSynthDir says whether out exists, refusing a file, a symbolic link
// and a folder that is not empty: synth never overwrites anything.
func checkSynthDir(out string) (exists bool, err error) {
	st, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, usagef("", "--out %s: %v", out, err)
	case st.Mode()&fs.ModeSymlink != 0:
		return false, usagef("name the folder itself, not a link to it", "--out %s is a symbolic link", out)
	case st.Mode().IsRegular():
		return false, usagef("name a folder for the project, e.g. --out synth", "--out %s is a file, not a folder", out)
	case !st.IsDir():
		return false, usagef("name a folder for the project, e.g. --out synth", "--out %s is a %s, not a folder", out, indicators.SpecialKind(st.Mode()))
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false, usagef("", "--out %s: %v", out, err)
	}
	if len(entries) > 0 {
		return false, usagef("choose a new or empty folder; synth never overwrites files", "--out %s is not empty", out)
	}
	return true, nil
}
