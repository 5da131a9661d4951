package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/internal/atomicfile"
)

// emit renders the output and sends it to standard output or, with --out,
// atomically to a file — never over one of the project's inputs. Output for
// standard output is held in memory until complete, so a failure half-way
// prints nothing; a file is streamed into a temporary file that is renamed
// into place only when complete (and removed on failure).
func emit(g *globalOptions, inputs []string, render func(w io.Writer) error) error {
	if g.out == "" {
		var buf spool
		if err := render(&buf); err != nil {
			return err
		}
		_, err := buf.WriteTo(g.stdout)
		return err
	}
	if err := checkOut(g.out, inputs); err != nil {
		return err
	}
	var renderErr error
	err := atomicfile.Write(g.out, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 256<<10)
		if renderErr = render(bw); renderErr != nil {
			return renderErr
		}
		return bw.Flush()
	})
	if renderErr != nil {
		return renderErr
	}
	if err != nil {
		return &writeError{path: g.out, err: err}
	}
	if !g.quiet {
		fmt.Fprintf(g.stderr, catalog(g.lang).wrote+"\n", g.out)
	}
	return nil
}

// writeError is a failure to write --out: a run failure (the input was
// fine), told in the user's language by printError.
type writeError struct {
	path string
	err  error
}

func (e *writeError) Error() string { return fmt.Sprintf("write %s: %v", e.path, e.err) }
func (e *writeError) Unwrap() error { return e.err }

// checkOut refuses an --out that is a directory, in a folder that does
// not exist, or one of the inputs.
func checkOut(out string, inputs []string) error {
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return usagef("name a file, e.g. --out results.json", "--out %s is a directory", out)
	}
	parent := filepath.Dir(out)
	if st, err := os.Stat(parent); errors.Is(err, fs.ErrNotExist) {
		return usagef("create the folder first, or name a file in a folder that exists", "--out %s: the folder %s does not exist", out, parent)
	} else if err == nil && !st.IsDir() {
		return usagef("name a file in a folder, e.g. --out results.json", "--out %s: %s is not a folder", out, parent)
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return usagef("", "--out %s: %v", out, err)
	}
	for _, in := range inputs {
		if inAbs, err := filepath.Abs(in); err == nil && inAbs == abs {
			return usagef("write the output to another file", "--out %s would overwrite an input file", out)
		}
		if a, errA := os.Stat(out); errA == nil {
			if b, errB := os.Stat(in); errB == nil && os.SameFile(a, b) {
				return usagef("write the output to another file", "--out %s would overwrite an input file", out)
			}
		}
	}
	return nil
}

// inputFiles lists the files a project reads from disk.
func inputFiles(g *globalOptions, def *indicators.Definition) []string {
	if g.config == "" {
		return nil
	}
	dir := filepath.Dir(g.config)
	files := []string{g.config}
	rel := append([]string{def.Index.Regions}, def.Index.Data...)
	for _, s := range def.Sources {
		rel = append(rel, s.Files...)
	}
	for _, r := range rel {
		if filepath.IsAbs(r) {
			files = append(files, r)
		} else {
			files = append(files, filepath.Join(dir, r))
		}
	}
	return files
}
