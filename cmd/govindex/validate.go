package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
	"github.com/spf13/cobra"
)

func newValidateCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "validate",
		Short: "Check an index definition and its data; list every problem",
		Long: `validate reads the index definition (--config) and every file it names, and lists every
problem it finds with file, line and column. Exit status 2 when there is any.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runValidate(cmd.Context(), g) },
	}
}

// runValidate reports every problem of definition and data together, then
// scores the index once, so method problems (a geometric mean over zeros)
// surface too.
func runValidate(ctx context.Context, g *globalOptions) error {
	def, err := loadDefinition(g)
	if err != nil {
		return err
	}
	defer printOutsidePaths(g, def) // after the summary; before the problems, which execute prints
	errs := scoring.Check(def)
	errs = append(errs, scoring.CheckCalibrate(def)...)
	ds, err := indicators.LoadData(def, g.encoding)
	if err != nil {
		if !indicators.IsInputError(err) {
			return err
		}
		errs = append(errs, asList(err)...)
	}
	if ds != nil {
		errs = append(errs, scoring.CheckData(def, ds)...)
		if def.Published != nil {
			// The published figures calibrate compares with.
			if _, err := indicators.LoadPublished(def, ds.Regions, g.encoding); err != nil {
				if !indicators.IsInputError(err) {
					return err
				}
				errs = append(errs, asList(err)...)
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	p := &project{def: def, ds: ds}
	year, err := p.year(g)
	if err != nil {
		return err
	}
	// Every year rate would rate, and the uncertainty analysis when
	// index.toml asks for it.
	res, err := p.rate(year)
	if err != nil {
		return err
	}
	if def.Uncertainty != nil {
		if err := scoring.CheckRobust(def, ds, year); err != nil {
			return err
		}
	}
	if !g.quiet {
		m := catalog(g.lang)
		fmt.Fprintf(g.stdout, m.valid+"\n", def.File, len(ds.Regions.List), len(def.Dimensions), len(def.Indicators), len(ds.Observations))
		fmt.Fprintf(g.stdout, m.validYears+"\n", yearsText(ds.Years(), g.lang))
		for _, ind := range scoring.EmptyIndicators(def, ds) {
			fmt.Fprintf(g.stdout, m.emptyIndicator+"\n", ind.ID)
		}
		if lo, hi, off := scoring.ThresholdsOffScale(res); off {
			fmt.Fprintf(g.stdout, m.thresholdsOffScale+"\n", scoring.ThresholdsText(def.Stars.Thresholds), def.Scoring.Normalise,
				strconv.FormatFloat(lo, 'g', 4, 64), strconv.FormatFloat(hi, 'g', 4, 64))
		}
	}
	return nil
}

// asList flattens an input error into a list.
func asList(err error) indicators.ErrorList {
	switch e := err.(type) {
	case indicators.ErrorList:
		return e
	case *indicators.InputError:
		return indicators.ErrorList{e}
	}
	return nil
}
