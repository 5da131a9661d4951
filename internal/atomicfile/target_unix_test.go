//go:build unix

package atomicfile

import (
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specialTargets are the named pipes, devices, sockets and descriptors
// of TestInspect, made in dir.
func specialTargets(t *testing.T, dir string) []inspectCase {
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	fifoLink := filepath.Join(dir, "fifolink")
	require.NoError(t, os.Symlink("fifo", fifoLink))
	nullLink := filepath.Join(dir, "nulllink")
	require.NoError(t, os.Symlink(os.DevNull, nullLink))
	tests := []inspectCase{
		{"named pipe", fifo, Stream, nil},
		{"link to a named pipe", fifoLink, Stream, nil},
		{"null device", os.DevNull, Stream, nil},
		{"link to the null device", nullLink, Stream, nil},
	}
	// A socket's path must be short: make it in a short folder.
	sdir, err := os.MkdirTemp("", "s")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(sdir) })
	sock := filepath.Join(sdir, "s")
	l, err := net.Listen("unix", sock)
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	tests = append(tests, inspectCase{"socket", sock, 0, ErrSocket})
	if runtime.GOOS == "linux" {
		// A descriptor of this process that holds a regular file.
		f, err := os.CreateTemp(dir, "fd")
		require.NoError(t, err)
		t.Cleanup(func() { f.Close() })
		tests = append(tests, inspectCase{"descriptor of a regular file", "/proc/self/fd/" + strconv.Itoa(int(f.Fd())), Stream, nil})
		if _, err := os.Stat("/dev/loop0"); err == nil {
			tests = append(tests, inspectCase{"block device", "/dev/loop0", 0, ErrBlockDevice})
		}
	}
	return tests
}

// TestWriteDevNull writes into the null device, which stays a device.
func TestWriteDevNull(t *testing.T) {
	require.NoError(t, Write(os.DevNull, 0o644, writeString("gone")))
	st, err := os.Stat(os.DevNull)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeCharDevice, "/dev/null is still a character device")
	left, err := filepath.Glob("/dev/.null.tmp-*")
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file in /dev")
}

// TestWriteFIFO streams into a named pipe: its reader gets the bytes and
// the pipe stays a pipe.
func TestWriteFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			got <- "read: " + err.Error()
			return
		}
		got <- string(b)
	}()
	require.NoError(t, Write(fifo, 0o644, writeString("through the pipe")))
	assert.Equal(t, "through the pipe", <-got)
	st, err := os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeNamedPipe, "the pipe is still a pipe")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file may be left behind")
}

// TestWriteFIFOCancelled stops waiting for a reader that never comes when
// the context is cancelled.
func TestWriteFIFOCancelled(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- WriteContext(ctx, fifo, 0o644, writeString("nobody reads")) }()
	cancel()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
	case <-time.After(10 * time.Second): // a bound against hanging, not a timing
		t.Fatal("WriteContext still waits for a reader after the context was cancelled")
	}
}

// TestWriteDescriptor appends to a regular file reached through a
// descriptor of this process, as writing to /dev/stdout does, instead of
// replacing it.
func TestWriteDescriptor(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc/self/fd is Linux's")
	}
	p := filepath.Join(t.TempDir(), "log.txt")
	require.NoError(t, os.WriteFile(p, []byte("kept\n"), 0o644))
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
	require.NoError(t, err)
	defer f.Close()
	before, err := os.Stat(p)
	require.NoError(t, err)
	require.NoError(t, Write("/proc/self/fd/"+strconv.Itoa(int(f.Fd())), 0o644, writeString("added\n")))
	got, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "kept\nadded\n", string(got))
	after, err := os.Stat(p)
	require.NoError(t, err)
	assert.True(t, os.SameFile(before, after), "the file is the same file, not a replacement")
}
