// Package atomicfile writes files so that readers see the old content or
// the complete new one, never a half-written file: content goes to a
// temporary file in the same directory, which is renamed over the target
// once it is complete and synced. What is not a regular file is never
// replaced (see Inspect): a device or a named pipe is written in place,
// and a folder, a symbolic link to a file, a block device or a socket is
// refused.
package atomicfile

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write creates or replaces path with what fn writes. On any error the
// temporary file is removed and path is left untouched. A path Inspect
// calls a Stream is written in place instead, and one it refuses is not
// written (a *RefusedError).
func Write(path string, perm os.FileMode, fn func(w io.Writer) error) error {
	return WriteContext(context.Background(), path, perm, fn)
}

// WriteContext is Write; ctx stops the wait for a reader when path is a
// named pipe nobody reads yet (opening a pipe for writing waits for one).
func WriteContext(ctx context.Context, path string, perm os.FileMode, fn func(w io.Writer) error) error {
	t, err := Inspect(path)
	if err != nil {
		return err
	}
	if t.Kind == Stream {
		return writeStream(ctx, path, fn)
	}
	return replace(path, perm, fn)
}

// replace writes fn's output to a temporary file next to path and renames
// it over path once complete.
func replace(path string, perm os.FileMode, fn func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
			Forget(tmp)
		}
	}()
	if err = fn(f); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return Commit(tmp, func() error { return os.Rename(tmp, path) })
}
