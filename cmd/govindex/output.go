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
// into place only when complete (and removed on failure). An --out that is
// a device or a named pipe (/dev/null, /dev/stdout, a FIFO) is never
// replaced: the output is held in memory until complete, as for standard
// output, then written into it (see atomicfile.Inspect).
func emit(g *globalOptions, inputs []string, render func(w io.Writer) error) error {
	if g.out == "" {
		var buf spool
		if err := render(&buf); err != nil {
			return err
		}
		_, err := buf.WriteTo(g.stdout)
		return err
	}
	t, err := checkOut(g.out, inputs)
	if err != nil {
		return err
	}
	var renderErr error
	write := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 256<<10)
		if renderErr = render(bw); renderErr != nil {
			return renderErr
		}
		return bw.Flush()
	}
	if t.Kind == atomicfile.Stream {
		var buf spool
		if err := render(&buf); err != nil {
			return err
		}
		write = func(w io.Writer) error {
			_, err := buf.WriteTo(w)
			return err
		}
	}
	ctx := g.runContext()
	err = atomicfile.WriteContext(ctx, g.out, 0o644, write)
	if renderErr != nil {
		return renderErr
	}
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return err // stopped waiting for a pipe's reader
		}
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
// not exist, one of the inputs, or what atomicfile refuses to write (a
// symbolic link to a file, a block device, a socket); it says what the
// target is.
func checkOut(out string, inputs []string) (atomicfile.Target, error) {
	parent := filepath.Dir(out)
	if st, err := os.Stat(parent); errors.Is(err, fs.ErrNotExist) {
		return atomicfile.Target{}, usagef("create the folder first, or name a file in a folder that exists", "--out %s: the folder %s does not exist", out, parent)
	} else if err == nil && !st.IsDir() {
		return atomicfile.Target{}, usagef("name a file in a folder, e.g. --out results.json", "--out %s: %s is not a folder", out, parent)
	}
	t, err := atomicfile.Inspect(out)
	var re *atomicfile.RefusedError
	switch {
	case errors.As(err, &re):
		return t, refusedOut(out, re)
	case err != nil:
		return t, usagef("", "--out %s: %v", out, err)
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return t, usagef("", "--out %s: %v", out, err)
	}
	for _, in := range inputs {
		if inAbs, err := filepath.Abs(in); err == nil && inAbs == abs {
			return t, usagef("write the output to another file", "--out %s would overwrite an input file", out)
		}
		if a, errA := os.Stat(out); errA == nil {
			if b, errB := os.Stat(in); errB == nil && os.SameFile(a, b) {
				return t, usagef("write the output to another file", "--out %s would overwrite an input file", out)
			}
		}
	}
	return t, nil
}

// refusedOut is the usage error for an --out atomicfile will not write.
func refusedOut(out string, re *atomicfile.RefusedError) error {
	switch {
	case errors.Is(re, atomicfile.ErrDirectory):
		return usagef("name a file, e.g. --out results.json", "--out %s is a directory", out)
	case errors.Is(re, atomicfile.ErrLink):
		return usagef("name the file itself, or delete the link first: output never replaces a symbolic link nor writes through one to a file",
			"--out %s is a symbolic link to %s", out, re.Dest)
	case errors.Is(re, atomicfile.ErrDanglingLink):
		return usagef("name a file, not a link, or delete the link first",
			"--out %s is a symbolic link to %s, which does not exist", out, re.Dest)
	case errors.Is(re, atomicfile.ErrBlockDevice):
		return usagef("name a file: output never overwrites a disk", "--out %s is a block device", out)
	case errors.Is(re, atomicfile.ErrSocket):
		return usagef("name a file, or leave out --out to write to standard output", "--out %s is a socket", out)
	}
	return usagef("name a regular file, e.g. --out results.json", "--out %s is a special file that cannot be written", out)
}

// inputFiles lists the files a project reads from disk: the index.toml and
// every file it names (regions, data, evidence, and the [report] templates,
// font and map), which no output may replace.
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
	for _, r := range []string{def.Report.ArticleTemplate, def.Report.ArticleTemplateEn, def.Report.Font, def.Report.GeoJSON} {
		if r != "" {
			rel = append(rel, r)
		}
	}
	for _, r := range rel {
		if filepath.IsAbs(r) {
			files = append(files, r)
		} else {
			files = append(files, filepath.Join(dir, filepath.FromSlash(r)))
		}
	}
	return files
}
