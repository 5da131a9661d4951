package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reopen undoes Cleanup, so that the tests that follow may create files.
func reopen(t *testing.T) {
	t.Cleanup(func() {
		registry.Lock()
		registry.closed = false
		registry.Unlock()
	})
}

// TestCleanup: what is registered and not yet published is removed; what
// was published or forgotten stays; after Cleanup nothing can be created
// or published.
func TestCleanup(t *testing.T) {
	reopen(t)
	dir := t.TempDir()
	f, err := CreateTemp(dir, ".a.tmp-*")
	require.NoError(t, err)
	f.Close()
	d, err := MkdirTemp(dir, ".rep.tmp-*")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(d, "index.html"), []byte("half"), 0o644))
	require.NoError(t, Write(filepath.Join(dir, "done.txt"), 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, "whole")
		return err
	}))
	kept, err := MkdirTemp(dir, "kept-*")
	require.NoError(t, err)
	Forget(kept)

	Cleanup()
	var names []string
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"done.txt", filepath.Base(kept)}, names)

	_, err = CreateTemp(dir, ".b.tmp-*")
	assert.ErrorIs(t, err, ErrClosed)
	_, err = MkdirTemp(dir, ".c.tmp-*")
	assert.ErrorIs(t, err, ErrClosed)
	published := false
	err = Commit("x", func() error { published = true; return nil })
	assert.ErrorIs(t, err, ErrClosed)
	assert.False(t, published, "nothing is published after Cleanup")
	err = Write(filepath.Join(dir, "late.txt"), 0o644, func(w io.Writer) error { return nil })
	assert.ErrorIs(t, err, ErrClosed)
	assert.NoFileExists(t, filepath.Join(dir, "late.txt"))
	Cleanup() // a second call is harmless
}

// TestCommitFailureKeepsRegistration: a temporary file whose publication
// failed is still removed by Cleanup.
func TestCommitFailureKeepsRegistration(t *testing.T) {
	reopen(t)
	dir := t.TempDir()
	f, err := CreateTemp(dir, ".a.tmp-*")
	require.NoError(t, err)
	f.Close()
	err = Commit(f.Name(), func() error { return os.ErrPermission })
	assert.ErrorIs(t, err, os.ErrPermission)
	Cleanup()
	assert.NoFileExists(t, f.Name())
}
