package indicators

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Files reads the files an index definition names, relative to it.
type Files interface {
	// ReadFile returns the bytes of rel and the path to show users.
	ReadFile(rel string) ([]byte, string, error)
}

// limitedFiles is implemented by the Files of this package: they check a
// file's size before reading it, and refuse one over limit bytes.
type limitedFiles interface {
	readFileLimit(rel string, limit int64) ([]byte, string, error)
}

// DirFiles reads files relative to a directory on disk; absolute paths are
// taken as they are. ReadFile refuses files over the default max_file_mb
// (Definition.ReadFile applies the definition's [limits]).
type DirFiles struct{ Dir string }

// ReadFile implements Files.
func (f DirFiles) ReadFile(rel string) ([]byte, string, error) {
	return f.readFileLimit(rel, LimitsSpec{}.FileBytes())
}

func (f DirFiles) readFileLimit(rel string, limit int64) ([]byte, string, error) {
	p := rel
	if !filepath.IsAbs(rel) {
		p = filepath.Join(f.Dir, filepath.FromSlash(rel))
	}
	tried := p
	if abs, err := filepath.Abs(p); err == nil {
		tried = abs
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, p, fileError(p, tried, err, limit)
	}
	b, err := readLimited(st, func() (io.ReadCloser, error) { return openRegular(p) }, limit)
	if err != nil {
		return nil, p, fileError(p, tried, err, limit)
	}
	return b, p, nil
}

// FSFiles reads files relative to a directory of an fs.FS (used for the
// embedded editions); Prefix is prepended to the paths shown to users.
type FSFiles struct {
	FS     fs.FS
	Dir    string
	Prefix string
}

// ReadFile implements Files.
func (f FSFiles) ReadFile(rel string) ([]byte, string, error) {
	return f.readFileLimit(rel, LimitsSpec{}.FileBytes())
}

func (f FSFiles) readFileLimit(rel string, limit int64) ([]byte, string, error) {
	p := path.Join(f.Dir, rel)
	shown := f.Prefix + p
	st, err := fs.Stat(f.FS, p)
	if err != nil {
		return nil, shown, fileError(shown, shown, err, limit)
	}
	b, err := readLimited(st, func() (io.ReadCloser, error) { return f.FS.Open(p) }, limit)
	if err != nil {
		return nil, shown, fileError(shown, shown, err, limit)
	}
	return b, shown, nil
}

// errIsDir is the cause of a file that turned out to be a directory.
var errIsDir = errors.New("is a directory")

// notRegularError is the cause of an input that is neither a regular
// file nor a directory: a named pipe, a device or a socket. Reading one
// may wait forever (a pipe nobody writes to) or never end (/dev/zero).
type notRegularError struct{ mode fs.FileMode }

func (e *notRegularError) Error() string { return "is a " + e.kind() + ", not a regular file" }

// kind names the sort of file, in English words the catalogue translates.
func (e *notRegularError) kind() string { return SpecialKind(e.mode) }

// SpecialKind names a file that is neither regular nor a folder ("named
// pipe", "character device", "block device", "socket", "special file"),
// in English words the catalogue translates.
func SpecialKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "special file"
}

// notRegularHint is the fix for an input that is not a regular file.
const notRegularHint = "name a regular file; to read what a pipe or a device gives, save it to a file first (e.g. cat SOURCE > FILE)"

// tooLargeError is the cause of a file over the size limit. Size is -1
// when the file grew past the limit after its size was checked, and
// reading stopped at the limit.
type tooLargeError struct{ size, limit int64 }

func (e *tooLargeError) Error() string {
	if e.size < 0 {
		return fmt.Sprintf("larger than the limit of %d bytes", e.limit)
	}
	return fmt.Sprintf("%d bytes, over the limit of %d bytes", e.size, e.limit)
}

// readLimited reads a file whose stat is st, opened by open, refusing a
// directory, what is not a regular file (checked before it is opened:
// opening a named pipe waits for a writer) and a file over limit bytes:
// by its size before reading it, and, should it grow, by reading no more
// than limit + 1 bytes.
func readLimited(st fs.FileInfo, open func() (io.ReadCloser, error), limit int64) ([]byte, error) {
	if st.IsDir() {
		return nil, errIsDir
	}
	if !st.Mode().IsRegular() {
		return nil, &notRegularError{mode: st.Mode()}
	}
	if st.Size() > limit {
		return nil, &tooLargeError{size: st.Size(), limit: limit}
	}
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + 1)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		// The file grew since the stat.
		return nil, &tooLargeError{size: -1, limit: limit}
	}
	return buf.Bytes(), nil
}

// readFailure is why a file could not be read; it is the cause of the
// *InputError that reports it, so that a caller that knows where the file
// is named (readNamed) can report it there.
type readFailure struct {
	shown string // the path shown to users
	tried string // the path tried, absolute where known
	err   error  // the cause: a *fs.PathError, errIsDir, a *notRegularError or a *tooLargeError
	limit int64  // the size limit in force
}

func (r *readFailure) Error() string { return r.err.Error() }
func (r *readFailure) Unwrap() error { return r.err }

func fileError(shown, tried string, err error, limit int64) error {
	rf := &readFailure{shown: shown, tried: tried, err: err, limit: limit}
	var e *InputError
	var tl *tooLargeError
	var nr *notRegularError
	pos := Pos{File: shown}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		e = Errorf(pos, "check the path; paths in index.toml are relative to the index.toml itself", "file not found")
	case errors.Is(err, fs.ErrPermission):
		e = Errorf(pos, "make the file readable", "permission denied")
	case errors.Is(err, errIsDir):
		e = Errorf(pos, "name a file, not a folder", "is a directory, not a file")
	case errors.As(err, &nr):
		e = Errorf(pos, notRegularHint, "is a %s, not a regular file", nr.kind())
	case errors.As(err, &tl) && tl.size >= 0:
		e = Errorf(pos, raiseFileLimitHint(tl), "file is %d bytes, over the limit of %d bytes", tl.size, tl.limit)
	case errors.As(err, &tl):
		e = Errorf(pos, raiseFileLimitHint(tl), "file is larger than the limit of %d bytes", tl.limit)
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		e = Errorf(pos, "", "cannot read: %v", err)
	}
	e.cause = rf
	return e
}

// raiseFileLimitHint tells how to accept a file as large as the one
// refused: max_file_mb rounded up to the next MB.
func raiseFileLimitHint(tl *tooLargeError) string {
	if tl.size < 0 {
		return "check that this is the right file; if it is, raise max_file_mb under [limits] in index.toml"
	}
	return fmt.Sprintf("check that this is the right file; if it is, raise the limit in index.toml: [limits] max_file_mb = %d",
		(tl.size+mib-1)/mib)
}

// readNamed reads rel, a file that index.toml names at pos (the quoted
// path) as a file of the given kind ("regions", "data" or "evidence"). A
// file that cannot be read is reported at pos, with the path tried, since
// that is where it is fixed.
func (d *Definition) readNamed(rel, kind string, pos Pos) ([]byte, string, error) {
	b, shown, err := d.ReadFile(rel)
	var rf *readFailure
	if err == nil || !errors.As(err, &rf) {
		return b, shown, err
	}
	var tl *tooLargeError
	var nr *notRegularError
	var e *InputError
	switch {
	case errors.Is(rf.err, fs.ErrNotExist):
		e = Errorf(pos, d.notFoundHint(rel, rf.tried), "%s file %q not found (tried %s)", kind, rel, rf.tried)
	case errors.Is(rf.err, fs.ErrPermission):
		e = Errorf(pos, "make the file readable (e.g. chmod a+r FILE), or name another file", "%s file %q cannot be read: permission denied (%s)", kind, rel, rf.tried)
	case errors.Is(rf.err, errIsDir):
		e = Errorf(pos, "name a file, not a folder: a path to a .csv or .xlsx file", "%s file %q is a directory, not a file (%s)", kind, rel, rf.tried)
	case errors.As(rf.err, &nr):
		e = Errorf(pos, notRegularHint, "%s file %q is a %s, not a regular file (%s)", kind, rel, nr.kind(), rf.tried)
	case errors.As(rf.err, &tl) && tl.size >= 0:
		e = Errorf(pos, raiseFileLimitHint(tl), "%s file %q is %d bytes, over the limit of %d bytes per input file (%s)", kind, rel, tl.size, tl.limit, rf.tried)
	case errors.As(rf.err, &tl):
		e = Errorf(pos, raiseFileLimitHint(tl), "%s file %q is larger than the limit of %d bytes per input file (%s)", kind, rel, tl.limit, rf.tried)
	default:
		cause := rf.err
		var pe *fs.PathError
		if errors.As(cause, &pe) {
			cause = pe.Err
		}
		e = Errorf(pos, "", "%s file %q cannot be read: %v (%s)", kind, rel, cause, rf.tried)
	}
	e.cause = rf
	return nil, shown, e
}

// ReadReportFile reads the file a [report] key names (article_template,
// article_template_en, font or geojson), relative to the index.toml. A
// file that cannot be read is an *InputError at the path in index.toml.
func (d *Definition) ReadReportFile(key string) ([]byte, string, error) {
	var rel, kind string
	switch key {
	case "article_template":
		rel, kind = d.Report.ArticleTemplate, "article template"
	case "article_template_en":
		rel, kind = d.Report.ArticleTemplateEn, "article template"
	case "font":
		rel, kind = d.Report.Font, "font"
	case "geojson":
		rel, kind = d.Report.GeoJSON, "map"
	default:
		panic("indicators: no [report] file key " + key)
	}
	return d.readNamed(rel, kind, d.valuePos("report", 0, key, rel))
}

// notFoundHint helps with a file that is not there: a file of a close name
// in the same folder, a folder that does not exist, or where relative
// paths start from.
func (d *Definition) notFoundHint(rel, tried string) string {
	const fallback = "check the name and the folder; paths in index.toml are relative to the folder of the index.toml"
	df, ok := d.files.(DirFiles)
	if !ok {
		return fallback
	}
	here := fallback + " (" + absDir(df.Dir) + ")"
	dir := filepath.Dir(tried)
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Sprintf("the folder %s does not exist; paths in index.toml are relative to the folder of the index.toml (%s)", dir, absDir(df.Dir))
		}
		return here
	}
	// A file the index names already is not the one meant.
	named := map[string]bool{path.Clean(d.Index.Regions): true}
	for _, f := range d.Index.Data {
		named[path.Clean(f)] = true
	}
	for _, s := range d.Sources {
		for _, f := range s.Files {
			named[path.Clean(f)] = true
		}
	}
	relDir := path.Dir(filepath.ToSlash(rel))
	var names []string
	for _, e := range entries {
		if !e.IsDir() && !named[path.Join(relDir, e.Name())] {
			names = append(names, e.Name())
		}
	}
	if s := nearestKnown(filepath.Base(tried), names); s != "" {
		return fmt.Sprintf("did you mean %q?", path.Join(relDir, s))
	}
	return here
}

func absDir(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// valuePos is where the string value s of key is written (its opening
// quote), in table (entry idx of an array table): the place to correct a
// path. It falls back to the key's position.
func (d *Definition) valuePos(table string, idx int, key, s string) Pos {
	if d.pos == nil {
		return Pos{File: d.File}
	}
	return d.pos.valuePos(table, idx, key, s)
}

// quotedForms are the ways a string may be written in TOML that a path is
// likely to be written in.
func quotedForms(s string) []string {
	forms := []string{`"` + s + `"`, "'" + s + "'"}
	if strings.ContainsAny(s, `"\`) {
		forms = append(forms, fmt.Sprintf("%q", s))
	}
	return forms
}
