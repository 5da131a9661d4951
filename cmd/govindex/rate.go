package main

import (
	"context"
	"io"

	"github.com/govindex/govindex/reports"
	"github.com/spf13/cobra"
)

func newRateCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "rate",
		Short: "Score and rate the regions; print the ranking with stars",
		Long: `rate scores every region on the index definition (--config, default: the embedded 2017
edition), ranks them and rates them with stars. --format chooses table, csv, json or md.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runRate(cmd.Context(), g) },
	}
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
