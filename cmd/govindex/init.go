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

	"github.com/govindex/govindex/data"
	"github.com/govindex/govindex/internal/atomicfile"
	"github.com/spf13/cobra"
)

func newInitCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Write a new index project (index.toml, regions, data template) to start from",
		Long: `init writes a small, working index project into DIR: an annotated index.toml, regions.csv
and data.csv with example values to replace. DIR must be new or empty.`,
		Args: exactArgs(1, "one argument, the folder to create"),
		RunE: func(cmd *cobra.Command, args []string) error { return runInit(cmd.Context(), g, args[0]) },
	}
}

// runInit copies the embedded template into dir, refusing a non-empty dir;
// its comments and notes are in --lang.
func runInit(ctx context.Context, g *globalOptions, dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return usagef("choose a new folder, or empty this one first", "%s is not empty; init never overwrites files", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		var pe *fs.PathError
		if errors.As(err, &pe) && errors.Is(pe.Err, fs.ErrInvalid) || isNotDir(err) {
			return usagef("choose a folder path", "%s is not a folder", dir)
		}
		return fmt.Errorf("read %s: %w", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	tmpl := data.TemplateFor(g.lang)
	err = fs.WalkDir(data.FS, tmpl, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel := filepath.FromSlash(p[len(tmpl):])
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := fs.ReadFile(data.FS, p)
		if err != nil {
			return err
		}
		return atomicfile.Write(target, 0o644, func(w io.Writer) error {
			_, err := w.Write(b)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("write the template: %w", err)
	}
	if !g.quiet {
		cfg := path.Join(filepath.ToSlash(dir), "index.toml")
		fmt.Fprintf(g.stdout, catalog(g.lang).initDone+"\n", dir, cfg)
	}
	return nil
}

func isNotDir(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "not a directory"
}
