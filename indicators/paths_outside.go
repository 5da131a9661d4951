package indicators

import (
	"path/filepath"
	"strings"
)

// OutsidePath is a path index.toml names that leads out of the folder of
// the index.toml.
type OutsidePath struct {
	Pos  Pos    // where index.toml names it (the quoted path)
	Kind string // "regions", "data", "evidence", "article template", "font" or "map"
	Rel  string // the path as written
	File string // the file it leads to: absolute, symbolic links resolved
}

// OutsidePaths lists the paths index.toml names that lead out of its
// folder: absolute paths elsewhere, paths climbing out with "..", and
// paths through a symbolic link that leads out. They are allowed, but a
// project from elsewhere could use them to pull any file of the machine
// into a report it publishes (an article template of "/etc/passwd"), so
// validate lists them. A definition not read from disk has none.
func (d *Definition) OutsidePaths() []OutsidePath {
	df, ok := d.files.(DirFiles)
	if !ok {
		return nil
	}
	root := realPath(df.Dir)
	var out []OutsidePath
	check := func(rel, kind string, pos Pos) {
		if rel == "" {
			return
		}
		p := rel
		if !filepath.IsAbs(p) {
			p = filepath.Join(df.Dir, filepath.FromSlash(rel))
		}
		file := realPath(p)
		if !inside(file, root) {
			out = append(out, OutsidePath{Pos: pos, Kind: kind, Rel: rel, File: file})
		}
	}
	check(d.Index.Regions, "regions", d.valuePos("index", 0, "regions", d.Index.Regions))
	for _, rel := range d.Index.Data {
		check(rel, "data", d.valuePos("index", 0, "data", rel))
	}
	for i, s := range d.Sources {
		for _, rel := range s.Files {
			check(rel, "evidence", d.valuePos("source", i, "files", rel))
		}
	}
	for _, r := range []struct{ key, rel, kind string }{
		{"article_template", d.Report.ArticleTemplate, "article template"},
		{"article_template_en", d.Report.ArticleTemplateEn, "article template"},
		{"font", d.Report.Font, "font"},
		{"geojson", d.Report.GeoJSON, "map"},
	} {
		check(r.rel, r.kind, d.valuePos("report", 0, r.key, r.rel))
	}
	return out
}

// realPath is p made absolute with symbolic links resolved, as far as the
// path exists.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(dir) == dir {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// inside reports whether p is dir or in it.
func inside(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
