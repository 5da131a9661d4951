package main

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// version is the engine version written into results.
const version = "v0.1.0"

// globalOptions are the flags every command shares (the contract's common
// flags).
type globalOptions struct {
	config   string
	year     int
	format   string
	out      string
	lang     string
	seed     int64
	quiet    bool
	encoding string

	stdout, stderr io.Writer
	// ctx is the run's context (nil in tests that build the options by
	// hand): Ctrl-C ends the wait for the reader of a named pipe --out.
	ctx context.Context
	// prof holds the hidden profiling flags.
	prof profiles
}

// runContext is the run's context, or context.Background.
func (g *globalOptions) runContext() context.Context {
	if g.ctx == nil {
		return context.Background()
	}
	return g.ctx
}

var (
	formats   = []string{"table", "csv", "json", "md", "xlsx"}
	langs     = []string{"zh", "en"}
	encodings = []string{"auto", "utf-8", "gb18030"}
)

// check validates the shared flags before any work is done.
func (g *globalOptions) check() error {
	if !slices.Contains(formats, g.format) {
		return usagef("use --format "+strings.Join(formats, "|"), "unknown --format %q", g.format)
	}
	if g.format == "xlsx" && g.out == "" {
		return usagef("name the workbook with --out, e.g. --out results.xlsx", "--format xlsx writes an Excel workbook, which needs --out")
	}
	if !slices.Contains(langs, g.lang) {
		return usagef("use --lang zh or --lang en", "unknown --lang %q", g.lang)
	}
	if g.encoding != "" && !slices.Contains(encodings, strings.ToLower(g.encoding)) {
		return usagef("use --encoding "+strings.Join(encodings, "|"), "unknown --encoding %q", g.encoding)
	}
	if g.year != 0 && (g.year < 1900 || g.year > 2100) {
		return usagef("give a four-digit year such as --year 2017", "--year %d is out of range", g.year)
	}
	return nil
}

// newRootCommand builds the command tree; with no command it rates.
func newRootCommand(ctx context.Context, g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "govindex",
		Short: "Government data-sharing indices: score, rate with stars, report",
		Long: `govindex builds government data-sharing indices (政府数据融合共享应用指数): it scores regions
on an index definition (index.toml), rates them with 1–5 stars and renders reports.
With no command it rates the embedded 2017 edition.`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRate(cmd.Context(), g)
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.config, "config", "", "index definition (index.toml); default: the embedded 2017 edition")
	pf.IntVar(&g.year, "year", 0, "year to rate; default: [index] year, else the latest year with data")
	pf.StringVar(&g.format, "format", "table", "output format: table|csv|json|md, or xlsx with --out (rate, robust)")
	pf.StringVar(&g.out, "out", "", "write the output to this file instead of standard output")
	pf.StringVar(&g.lang, "lang", "zh", "language of the output: zh|en")
	pf.Int64Var(&g.seed, "seed", 1, "random seed for methods that sample")
	pf.BoolVar(&g.quiet, "quiet", false, "print nothing but the results and errors")
	pf.StringVar(&g.encoding, "encoding", "", "text encoding of CSV inputs: auto|utf-8|gb18030 (default: auto-detect)")
	addProfileFlags(root, &g.prof)
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if err := g.prof.start(); err != nil {
			return err
		}
		if err := matchOutFormat(cmd, g); err != nil {
			return err
		}
		if cmd.Name() == "calibrate" && g.format == "toml" {
			// toml (the recommended scheme) is calibrate's own format.
			g.format = "table"
			defer func() { g.format = "toml" }()
		}
		return g.check()
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if name, ok := strings.CutPrefix(err.Error(), "unknown flag: --"); ok {
			if near := nearFlag(cmd, name); near != "" {
				return usagef("did you mean --"+near+"? run "+cmd.CommandPath()+" --help for the flags", "%v", err)
			}
		}
		return usagef("run "+cmd.CommandPath()+" --help", "%v", err)
	})
	root.SuggestionsMinimumDistance = 2 // noArgs names the commands a typo is close to
	root.SetContext(ctx)
	root.AddCommand(newRateCommand(g), newValidateCommand(g), newInitCommand(g))
	root.AddCommand(newAuditCommand(g))
	root.AddCommand(newReportCommand(g))
	root.AddCommand(newArticleCommand(g))
	root.AddCommand(newCollectCommand(g))
	root.AddCommand(newSynthCommand(g))
	root.AddCommand(newWhatIfCommand(g))
	root.AddCommand(newCompareCommand(g))
	root.AddCommand(newRobustCommand(g))
	root.AddCommand(newCalibrateCommand(g))
	return root
}

// execute runs the command line and returns the exit status.
func execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	g := &globalOptions{stdout: stdout, stderr: stderr, ctx: ctx}
	root := newRootCommand(ctx, g)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	localizeHelp(root, langFromArgs(args))
	err := root.ExecuteContext(ctx)
	g.prof.stop()
	if err != nil {
		// Cobra reports unknown commands and bad arguments as plain errors.
		if isCobraUsage(err) {
			help := "run govindex --help"
			if c, _, ferr := root.Find(args); ferr == nil && c != root {
				help = "run " + c.CommandPath() + " --help"
			}
			err = usagef(help, "%v", err)
		}
		printError(stderr, err, langFromArgs(args))
	}
	return exitStatus(ctx, err)
}

// isCobraUsage recognises the few usage errors cobra makes itself.
func isCobraUsage(err error) bool {
	var ue *usageError
	if errors.As(err, &ue) {
		return false // ours already, with its fix
	}
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") ||
		strings.HasPrefix(msg, "unknown shorthand flag")
}

// nearFlag is the flag of cmd (its own or inherited) closest to a
// mistyped name, "" when none is within two edits.
func nearFlag(cmd *cobra.Command, typed string) string {
	best, bestD := "", 3
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if d := nameDistance(typed, f.Name); d < bestD {
			best, bestD = f.Name, d
		}
	})
	return best
}

// noArgs and exactArgs check positional arguments, as usage errors.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	// A mistyped command: name the commands it is close to.
	if sug := cmd.SuggestionsFor(args[0]); len(sug) > 0 && !cmd.HasParent() {
		return usagef("did you mean "+strings.Join(sug, " or ")+"? run "+cmd.CommandPath()+" --help for the commands",
			"unknown command %q for %q", args[0], cmd.CommandPath())
	}
	return usagef("run "+cmd.CommandPath()+" --help", "unknown command or argument %q for %q", args[0], cmd.CommandPath())
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("usage: "+cmd.UseLine(), "%s expects %s", cmd.CommandPath(), what)
		}
		return nil
	}
}

// langFromArgs finds --lang when flag parsing itself failed.
func langFromArgs(args []string) string {
	for i, a := range args {
		if a == "--lang=en" || (a == "--lang" && i+1 < len(args) && args[i+1] == "en") {
			return "en"
		}
	}
	return "zh"
}
