package indicators

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// Files reads the files an index definition names, relative to it.
type Files interface {
	// ReadFile returns the bytes of rel and the path to show users.
	ReadFile(rel string) ([]byte, string, error)
}

// DirFiles reads files relative to a directory on disk; absolute paths are
// taken as they are.
type DirFiles struct{ Dir string }

// ReadFile implements Files.
func (f DirFiles) ReadFile(rel string) ([]byte, string, error) {
	p := rel
	if !filepath.IsAbs(rel) {
		p = filepath.Join(f.Dir, filepath.FromSlash(rel))
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, p, fileError(p, err)
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
	p := path.Join(f.Dir, rel)
	shown := f.Prefix + p
	b, err := fs.ReadFile(f.FS, p)
	if err != nil {
		return nil, shown, fileError(shown, err)
	}
	return b, shown, nil
}

func fileError(p string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Errorf(Pos{File: p}, "check the path; paths in index.toml are relative to the index.toml itself", "file not found")
	case errors.Is(err, fs.ErrPermission):
		return Errorf(Pos{File: p}, "make the file readable", "permission denied")
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return Errorf(Pos{File: p}, "", "cannot read: %v", pe.Err)
		}
		return Errorf(Pos{File: p}, "", "cannot read: %v", err)
	}
}
