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
// its comments and notes are in --lang. A new dir is built next to its
// place and renamed into place when complete; an existing empty one (it
// may be the current folder, which cannot be renamed) is filled in place
// and emptied again if the run fails or is interrupted.
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
	tmpl := data.TemplateFor(g.lang)
	if err == nil {
		err = writeTemplate(ctx, dir, tmpl)
		if err != nil {
			emptyFolder(dir)
		}
	} else {
		err = writeDirAtomic(ctx, g, filepath.Clean(dir), checkInitDir, func(tmp string) error {
			return writeTemplate(ctx, tmp, tmpl)
		})
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		return fmt.Errorf("write the template: %w", err)
	}
	if !g.quiet {
		cfg := path.Join(filepath.ToSlash(dir), "index.toml")
		fmt.Fprintf(g.stdout, catalog(g.lang).initDone+"\n", dir, cfg)
	}
	return nil
}

// writeTemplate copies the embedded template tmpl into the folder dir.
func writeTemplate(ctx context.Context, dir, tmpl string) error {
	return fs.WalkDir(data.FS, tmpl, func(p string, d fs.DirEntry, err error) error {
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
}

// checkInitDir says whether dir exists, refusing one that is not an empty
// folder: it is checked again just before the new project takes its place.
func checkInitDir(dir string) (exists bool, err error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, usagef("choose a folder path", "%s is not a folder", dir)
	case len(entries) > 0:
		return false, usagef("choose a new folder, or empty this one first", "%s is not empty; init never overwrites files", dir)
	}
	return true, nil
}

// emptyFolder removes what a failed run wrote into dir, which was empty.
func emptyFolder(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

func isNotDir(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "not a directory"
}
