package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/internal/atomicfile"
	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
	"github.com/spf13/cobra"
)

// The files of a report folder.
const (
	reportHTML    = "index.html"
	reportArticle = "article.md"
	reportCSV     = "results.csv"
	reportJSON    = "results.json"
	reportXLSX    = "results.xlsx"
	reportCharts  = "charts"
)

func newReportCommand(g *globalOptions) *cobra.Command {
	var force, robust bool
	cmd := &cobra.Command{
		Use:   "report --out DIR",
		Short: "Write a report folder: HTML report, article, CSV, JSON and Excel results, charts",
		Long: `report scores the index (--config, default: the embedded 2017 edition; --year) and writes a
folder DIR (--out, required) with:

  index.html     the interactive report, one file that works offline
  article.md     the star-rating article (--lang zh|en)
  results.csv    one row per region
  results.json   the results document (the same as rate --format json)
  results.xlsx   sheets for results, dimensions, indicators and weights
  charts/        ranking and dimension charts as SVG and PNG, for articles

The folder is built next to DIR and renamed into place when complete, so DIR is never left
half-written; an interrupted or failed run leaves DIR as it was. An existing DIR that is not
empty is refused unless --force is given; then the old folder is replaced only once the new
one is complete. --force replaces only a report folder: DIR may hold nothing but the files
listed above, and none the project reads (index.toml or any file it names); otherwise report
refuses, naming the file. Static charts need a font with Chinese glyphs: one found on the system
(Debian: apt-get install fonts-noto-cjk) or [report] font in index.toml.

When index.toml has an [uncertainty] section, or --robust is given, report also runs the
uncertainty analysis of govindex robust (samples from [uncertainty], else 1000; seed from
--seed, else [uncertainty] seed): index.html gains a rank-interval and a star-probability
chart and the article states each rating's star confidence, flagging ratings held in
fewer than 80% of the samples. results.json stays the JSON of rate.

In a project with several years, the report of a year after the first also shows what
changed since the previous year: index.html gains a table of the changes and a line chart
of every region's score across the years, article.md a "changes since last year" section,
results.csv/json each region's change and trend, and results.xlsx a sheet of the years.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("format") {
				return usagef("leave --format out: report writes every format", "report has no --format: it writes every format")
			}
			return runReport(cmd.Context(), g, force, robustChoice(cmd, robust), cmd.Flags().Changed("seed"))
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace --out DIR when it exists and is not empty (a report folder only)")
	cmd.Flags().BoolVar(&robust, "robust", false, "add the uncertainty analysis (default: when index.toml has [uncertainty]; --robust=false leaves it out)")
	return cmd
}

// robustChoice is --robust as given on the command line: nil when it was
// not, so that [uncertainty] decides.
func robustChoice(cmd *cobra.Command, robust bool) *bool {
	if !cmd.Flags().Changed("robust") {
		return nil
	}
	return &robust
}

// reportRobust runs the uncertainty analysis for report and article when
// --robust is given, or without it when the definition has an
// [uncertainty] section, quietly (no progress bar); nil otherwise
// (--robust=false turns it off). The seed is --seed when given.
func reportRobust(ctx context.Context, g *globalOptions, p *project, want *bool, seedChanged bool) (*scoring.RobustResult, error) {
	if want != nil && !*want || want == nil && p.def.Uncertainty == nil {
		return nil, nil
	}
	year, err := p.year(g)
	if err != nil {
		return nil, err
	}
	var opts scoring.RobustOptions
	if seedChanged {
		opts.Seed = &g.seed
	}
	return scoring.RobustRun(ctx, p.def, p.ds, year, opts)
}

// runReport writes the report folder g.out atomically.
func runReport(ctx context.Context, g *globalOptions, force bool, robust *bool, seedChanged bool) error {
	if g.out == "" {
		return usagef("name the folder to write, e.g. --out report", "report needs --out DIR")
	}
	out := filepath.Clean(g.out)
	// The index.toml and the current folder first, then the folder itself;
	// the files index.toml names once it is read.
	var config []string
	if g.config != "" {
		config = []string{g.config}
	}
	if err := checkReportInputs(out, config); err != nil {
		return err
	}
	if _, err := checkReportDir(out, force); err != nil {
		return err
	}
	p, res, err := scoreProject(ctx, g)
	if err != nil {
		return err
	}
	if err := checkReportInputs(out, inputFiles(g, p.def)); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	rr, err := reportRobust(ctx, g, p, robust, seedChanged)
	if err != nil {
		return err
	}

	err = writeDirAtomic(ctx, g, out, func(o string) (bool, error) { return checkReportDir(o, force) },
		func(dir string) error { return writeReport(ctx, g, p, res, rr, dir) })
	if err != nil {
		return err
	}
	if !g.quiet {
		fmt.Fprintf(g.stderr, catalog(g.lang).wrote+"\n", out+string(filepath.Separator))
	}
	return nil
}

// checkReportDir says whether out exists, refusing what is not a folder,
// a symbolic link and, without force, a folder that is not empty. With
// force, only a report folder may be replaced: one holding nothing but
// what report writes (see reportEntryUnknown), so that --force never
// deletes files govindex did not write.
func checkReportDir(out string, force bool) (exists bool, err error) {
	st, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, usagef("", "--out %s: %v", out, err)
	case st.Mode()&fs.ModeSymlink != 0:
		return false, usagef("name the folder itself, not a link to it", "--out %s is a symbolic link", out)
	case st.Mode().IsRegular():
		return false, usagef("name a folder for the report, e.g. --out report", "--out %s is a file, not a folder", out)
	case !st.IsDir():
		return false, usagef("name a folder for the report, e.g. --out report", "--out %s is a %s, not a folder", out, indicators.SpecialKind(st.Mode()))
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false, usagef("", "--out %s: %v", out, err)
	}
	if len(entries) > 0 && !force {
		return false, usagef("choose a new or empty folder, or add --force to replace this one", "--out %s is not empty", out)
	}
	if unknown := reportEntryUnknown(out, entries); unknown != "" {
		return false, usagef("write the report to a new folder, or move what you keep out of this one",
			"--out %s holds %s, which report does not write: --force replaces only a report folder", out, unknown)
	}
	return true, nil
}

// reportFiles are the files of a report folder, and reportChartFiles
// those of its charts folder (reports.WriteCharts).
var (
	reportFiles      = []string{reportHTML, reportArticle, reportCSV, reportJSON, reportXLSX}
	reportChartFiles = []string{"ranking.svg", "ranking.png", "dimensions.svg", "dimensions.png"}
	// osLitter are files a desktop leaves in folders it shows.
	osLitter = []string{".DS_Store", "Thumbs.db", "desktop.ini"}
)

// reportEntryUnknown is the path of the first entry of the folder dir
// (entries) that report does not write, or "".
func reportEntryUnknown(dir string, entries []fs.DirEntry) string {
	for _, e := range entries {
		name := e.Name()
		switch {
		case slices.Contains(osLitter, name) && e.Type().IsRegular():
		case slices.Contains(reportFiles, name) && e.Type().IsRegular():
		case name == reportCharts && e.IsDir():
			sub := filepath.Join(dir, name)
			charts, err := os.ReadDir(sub)
			if err != nil {
				return sub
			}
			for _, c := range charts {
				if !c.Type().IsRegular() || !slices.Contains(reportChartFiles, c.Name()) && !slices.Contains(osLitter, c.Name()) {
					return filepath.Join(sub, c.Name())
				}
			}
		default:
			return filepath.Join(dir, name)
		}
	}
	return ""
}

// checkReportInputs refuses an --out that holds the project's input files
// or the current folder, which replacing it would delete, naming the
// first such file.
func checkReportInputs(out string, inputs []string) error {
	abs, err := absReal(out)
	if err != nil {
		return usagef("", "--out %s: %v", out, err)
	}
	if wd, err := os.Getwd(); err == nil {
		if wd, err := absReal(wd); err == nil && within(wd, abs) {
			return usagef("write the report to a new folder, e.g. --out report", "--out %s is the current folder or holds it", out)
		}
	}
	for _, in := range inputs {
		if a, err := absReal(in); err == nil && within(a, abs) {
			return usagef("write the report to another folder: replacing this one would delete the file",
				"--out %s holds %s, one of the project's input files", out, in)
		}
	}
	return nil
}

// absReal is p made absolute with symbolic links resolved as far as the
// path exists.
func absReal(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// writeDirAtomic builds the folder out atomically: fill writes into a
// temporary folder next to out, which then takes out's place. check says
// whether out exists and refuses what may not be replaced; it runs again
// just before the swap, since out may have appeared or been filled while
// fill worked. On any failure, or Ctrl-C, the temporary folder is removed
// and out is untouched.
func writeDirAtomic(ctx context.Context, g *globalOptions, out string, check func(string) (bool, error), fill func(dir string) error) error {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := atomicfile.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create a temporary folder next to %s: %w", out, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
			atomicfile.Forget(tmp)
		}
	}()
	if err := fill(tmp); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	exists, err := check(out)
	if err != nil {
		return err
	}
	if err := replaceDir(tmp, out, exists, g); err != nil {
		return err
	}
	done = true
	return nil
}

// replaceDir renames the complete folder tmp to out. An existing out is
// first renamed to a backup next to it, which is removed once tmp is in
// place, or renamed back if that fails.
func replaceDir(tmp, out string, exists bool, g *globalOptions) error {
	if !exists {
		return atomicfile.Commit(tmp, func() error {
			if err := os.Rename(tmp, out); err != nil {
				return fmt.Errorf("rename %s to %s: %w", tmp, out, err)
			}
			return nil
		})
	}
	// The backup name is registered, so that a signal while the old folder
	// is being removed does not leave half of it behind.
	backup, err := atomicfile.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".old-*")
	if err != nil {
		return fmt.Errorf("create a backup name next to %s: %w", out, err)
	}
	if err := os.Remove(backup); err != nil {
		atomicfile.Forget(backup)
		return err
	}
	kept := false
	err = atomicfile.Commit(tmp, func() error {
		if err := os.Rename(out, backup); err != nil {
			return fmt.Errorf("move the old %s aside: %w", out, err)
		}
		if err := os.Rename(tmp, out); err != nil {
			if rerr := os.Rename(backup, out); rerr != nil {
				kept = true
				return fmt.Errorf("rename %s to %s: %w; the old report is kept in %s", tmp, out, err, backup)
			}
			return fmt.Errorf("rename %s to %s: %w", tmp, out, err)
		}
		return nil
	})
	if err != nil {
		if kept {
			atomicfile.Forget(backup) // the only copy of the old report
		}
		return err
	}
	if err := os.RemoveAll(backup); err != nil {
		fmt.Fprintf(g.stderr, "govindex: "+catalog(g.lang).backupLeft+"\n", backup, err)
	}
	atomicfile.Forget(backup)
	return nil
}

// writeReport writes every file of the report into dir.
// rr, when not nil, is the uncertainty analysis for the HTML and the article.
func writeReport(ctx context.Context, g *globalOptions, p *project, res *scoring.Result, rr *scoring.RobustResult, dir string) error {
	opts := reportOptions(g)
	def := p.def

	// Inputs named by [report] first: a bad one is reported before any work.
	geo, geoKey, err := reports.ReportGeoJSON(def)
	if err != nil {
		return err
	}
	rep, err := replication(ctx, g, p, res.Year)
	if err != nil {
		return err
	}
	article := reports.ArticleOptions{Options: opts, Robust: rr, ChartsDir: reportCharts, Replication: rep}
	if article.Template, article.TemplateName, err = articleTemplate(def, g.lang); err != nil {
		return err
	}
	var font []byte
	if def.Report.Font != "" {
		if font, _, err = def.ReadReportFile("font"); err != nil {
			return err
		}
	}

	files := []struct {
		name  string
		write func(w io.Writer) error
	}{
		{reportJSON, func(w io.Writer) error { return reports.WriteJSON(w, res, opts) }},
		{reportCSV, func(w io.Writer) error { return reports.WriteCSV(w, res, opts) }},
		{reportXLSX, func(w io.Writer) error {
			return reports.WriteXLSXWith(w, res, reports.XLSXOptions{Options: opts, Robust: rr})
		}},
		{reportArticle, func(w io.Writer) error { return writeArticle(w, res, article) }},
		{reportHTML, func(w io.Writer) error {
			return reports.WriteHTML(w, res, reports.HTMLOptions{Options: opts, GeoJSON: geo, GeoJSONKey: geoKey, Robust: rr})
		}},
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := f.write(ctxWriter{ctx, &buf}); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err = reports.WriteCharts(filepath.Join(dir, reportCharts), res, reports.ChartOptions{Options: opts, Font: font})
	var ie *indicators.InputError
	if errors.As(err, &ie) && ie.Pos.File == "" && def.Report.Font != "" {
		// A font from the config: point at [report] font.
		ie.Pos = def.KeyPos("report", 0, "font")
	}
	return err
}

// ctxWriter is w failing once ctx is done, so that a renderer that checks
// its writes stops early when the run is interrupted.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
