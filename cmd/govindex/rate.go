package main

import (
	"context"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
	"github.com/spf13/cobra"
)

func newRateCommand(g *globalOptions) *cobra.Command {
	var years string
	cmd := &cobra.Command{
		Use:   "rate",
		Short: "Score and rate the regions; print the ranking with stars",
		Long: `rate scores every region on the index definition (--config, default: the embedded 2017
edition), ranks them and rates them with stars. --format chooses table, csv, json or md.

In a project with several years (index.toml [index] years, or data for several years) the
ranking also shows each region's change since the previous year — score, rank (↑ up, ↓ down,
"new" when it was not rated then) and stars — and its trend over the years (slope in points a
year and compound annual growth rate, in csv and json), with a line saying whether the scores
are comparable across years ([scoring] comparable = "pooled", fixed goalposts) or each year is
normalised on its own ("separate").

--years SPEC prints a panel instead: one row per region, ordered by the latest year's rank,
with each year's score, rank and stars and the trend. SPEC is "all" (the [index] years, else
every year with data), a range such as 2015-2017, or a list such as 2015,2017.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("years") {
				if cmd.Flags().Changed("year") {
					return usagef("give --year for one year or --years for several, not both", "--year and --years cannot be used together")
				}
				return runPanel(cmd.Context(), g, years)
			}
			return runRate(cmd.Context(), g)
		},
	}
	cmd.Flags().StringVar(&years, "years", "", "rate several years and print a panel: all, a range 2015-2017, or a list 2015,2017")
	return cmd
}

// runRate scores the project for the chosen year and prints the result.
func runRate(ctx context.Context, g *globalOptions) error {
	p, res, err := scoreProject(ctx, g)
	if err != nil {
		return err
	}
	return emit(g, inputFiles(g, p.def), func(w io.Writer) error {
		return reports.Write(w, g.format, res, reportOptions(g))
	})
}

// runPanel rates each year of spec and prints them side by side.
func runPanel(ctx context.Context, g *globalOptions, spec string) error {
	if g.format == "xlsx" {
		return usagef("leave out --years: the workbook of rate --format xlsx has a sheet of every year up to the one rated",
			"%s has no xlsx format", "rate --years")
	}
	p, err := loadProject(g)
	if err != nil {
		return err
	}
	years, err := p.panelYears(spec)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s, err := scoring.RunSeries(p.def, p.ds, years)
	if err != nil {
		return err
	}
	return emit(g, inputFiles(g, p.def), func(w io.Writer) error {
		return reports.WritePanel(w, g.format, s, reportOptions(g))
	})
}

// panelYears reads --years: "all" (the [index] years, else every year with
// data), a range "2015-2017" or a list "2015,2017". Each year must have
// data; a malformed spec or a year without data is a usage error listing
// the years there are.
func (p *project) panelYears(spec string) ([]int, error) {
	have := p.ds.Years()
	if len(have) == 0 || have[0] == 0 {
		return nil, usagef("give the observation tables a year column, or rate one year without --years",
			"--years: the data have no years")
	}
	hint := "choose one of the years with data: " + yearsText(have, "en")
	spec = strings.TrimSpace(spec)
	var years []int
	switch {
	case strings.EqualFold(spec, "all"):
		years = scoring.SeriesYears(p.def, p.ds)
	case strings.ContainsAny(spec, "-–"):
		from, to, ok := strings.Cut(strings.ReplaceAll(spec, "–", "-"), "-")
		a, errA := parseYear(from)
		b, errB := parseYear(to)
		if !ok || errA != nil || errB != nil || a > b {
			return nil, badYearsSpec(spec, have)
		}
		for y := a; y <= b; y++ {
			years = append(years, y)
		}
	default:
		for _, part := range strings.Split(spec, ",") {
			y, err := parseYear(part)
			if err != nil {
				return nil, badYearsSpec(spec, have)
			}
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
		slices.Sort(years)
	}
	for _, y := range years {
		if !slices.Contains(have, y) {
			return nil, usagef(hint, "--years %s: there is no data for %d", spec, y)
		}
	}
	return years, nil
}

// parseYear reads a four-digit year.
func parseYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 || y < 1900 || y > 2100 {
		return 0, strconv.ErrSyntax
	}
	return y, nil
}

// badYearsSpec is the usage error of a --years value that is none of the
// three forms.
func badYearsSpec(spec string, have []int) error {
	return usagef("use --years all, a range such as --years "+yearsRange(have)+", or a list such as --years "+yearsList(have),
		"--years %q: not all, a range of years or a list of years", spec)
}

// yearsRange and yearsList are examples for the hint, from the years with data.
func yearsRange(have []int) string {
	return strconv.Itoa(have[0]) + "-" + strconv.Itoa(have[len(have)-1])
}

func yearsList(have []int) string {
	if len(have) == 1 {
		return strconv.Itoa(have[0])
	}
	return strconv.Itoa(have[0]) + "," + strconv.Itoa(have[len(have)-1])
}
