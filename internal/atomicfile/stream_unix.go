//go:build unix

package atomicfile

import (
	"context"
	"os"
	"syscall"
)

// openStream opens path for writing in place, appending. Opening a named
// pipe waits for a reader; ctx ends the wait: the pipe is then opened for
// reading here, which lets the waiting open return, and both are closed.
func openStream(ctx context.Context, path string) (*os.File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		ch <- opened{f, err}
	}()
	select {
	case o := <-ch:
		return o.f, o.err
	case <-ctx.Done():
		if r, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
			r.Close()
		}
		return nil, ctx.Err()
	}
}
