package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Kind is what a path names, as far as writing it goes.
type Kind int

const (
	// Absent: nothing is there; Write creates a regular file.
	Absent Kind = iota
	// Regular: a regular file; Write replaces it atomically.
	Regular
	// Stream: a character device (/dev/null, a terminal), a named pipe, or
	// a file reached through a descriptor of this process (/dev/stdout,
	// /dev/fd/N, /proc/self/fd/N). Write never replaces it: it opens the
	// path and writes into it in place (appending), as a shell's > does,
	// so /dev/null swallows the bytes and a pipe's reader receives them.
	Stream
)

// Target is what Write does with a path.
type Target struct {
	Kind Kind
	Path string
}

// Reasons Write refuses a path, as the Err of a *RefusedError.
var (
	// ErrDirectory: the path is a folder (or a link to one).
	ErrDirectory = errors.New("is a directory")
	// ErrLink: the path is a symbolic link to a regular file. Replacing
	// the link would turn it into a file, and writing through it would
	// change a file elsewhere: both are refused.
	ErrLink = errors.New("is a symbolic link")
	// ErrDanglingLink: the path is a symbolic link to nothing.
	ErrDanglingLink = errors.New("is a symbolic link to a file that does not exist")
	// ErrBlockDevice: the path is a block device (a disk or a partition),
	// which an output must never overwrite.
	ErrBlockDevice = errors.New("is a block device")
	// ErrSocket: the path is a socket, which cannot be opened as a file.
	ErrSocket = errors.New("is a socket")
	// ErrIrregular: the path is some other special file.
	ErrIrregular = errors.New("is a special file")
)

// RefusedError is a path Write will not write: Err is one of the
// reasons above; Dest is where a symbolic link leads, when known.
type RefusedError struct {
	Path string
	Dest string
	Err  error
}

func (e *RefusedError) Error() string {
	if e.Dest != "" {
		return fmt.Sprintf("%s %v (to %s)", e.Path, e.Err, e.Dest)
	}
	return fmt.Sprintf("%s %v", e.Path, e.Err)
}

func (e *RefusedError) Unwrap() error { return e.Err }

// Inspect says what Write would do with path, or why it refuses it (a
// *RefusedError). Symbolic links are followed to tell a link to a
// device, a pipe or one of the process's descriptors (written as a
// Stream) from a link to a regular file (refused: ErrLink).
func Inspect(path string) (Target, error) {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Target{Kind: Absent, Path: path}, nil
	}
	if err != nil {
		return Target{}, err
	}
	if st.Mode()&fs.ModeSymlink == 0 {
		return classify(path, st)
	}
	// A link. Those through a descriptor (/dev/stdout → /proc/self/fd/1)
	// name what the descriptor holds, which may be no path at all
	// ("pipe:[123]"): only the kernel follows them, so stat the path.
	if throughDescriptor(path) {
		st, err := os.Stat(path)
		if err != nil {
			return Target{}, err
		}
		if st.Mode().IsRegular() {
			return Target{Kind: Stream, Path: path}, nil
		}
		return classify(path, st)
	}
	dest, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		d, _ := os.Readlink(path)
		return Target{}, &RefusedError{Path: path, Dest: d, Err: ErrDanglingLink}
	}
	if err != nil {
		return Target{}, err
	}
	st, err = os.Stat(dest)
	if err != nil {
		return Target{}, err
	}
	if st.Mode().IsRegular() {
		return Target{}, &RefusedError{Path: path, Dest: dest, Err: ErrLink}
	}
	t, err := classify(path, st)
	var re *RefusedError
	if errors.As(err, &re) {
		re.Dest = dest
	}
	return t, err
}

// classify is the target of path, whose (followed) stat is st.
func classify(path string, st fs.FileInfo) (Target, error) {
	m := st.Mode()
	var why error
	switch {
	case m.IsRegular():
		return Target{Kind: Regular, Path: path}, nil
	case m.IsDir():
		why = ErrDirectory
	case m&fs.ModeNamedPipe != 0, m&fs.ModeCharDevice != 0:
		return Target{Kind: Stream, Path: path}, nil
	case m&fs.ModeDevice != 0:
		why = ErrBlockDevice
	case m&fs.ModeSocket != 0:
		why = ErrSocket
	default:
		why = ErrIrregular
	}
	return Target{}, &RefusedError{Path: path, Err: why}
}

// throughDescriptor reports whether the link path, or a link on its way,
// lies in /proc or /dev/fd, where links stand for open descriptors.
func throughDescriptor(path string) bool {
	p := path
	for range 40 { // as many links as Linux follows
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if dir, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
			p = filepath.Join(dir, filepath.Base(p))
		}
		if under(p, "/proc") || under(p, "/dev/fd") {
			return true
		}
		st, err := os.Lstat(p)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return false
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(p), dest)
		}
		p = dest
	}
	return false
}

// under reports whether p is dir or in it.
func under(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

// writeStream opens path, a Stream, for writing in place and writes what
// fn writes into it. Nothing is created, truncated or renamed: a device
// or a pipe stays what it is.
func writeStream(ctx context.Context, path string, fn func(w io.Writer) error) error {
	f, err := openStream(ctx, path)
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
