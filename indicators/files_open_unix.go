//go:build unix

package indicators

import (
	"os"
	"syscall"
)

// openRegular opens p, which a stat found to be a regular file, for
// reading. It opens without blocking, so that a named pipe put in its
// place since the stat cannot make it wait for a writer, and refuses what
// is no longer a regular file.
func openRegular(p string) (*os.File, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &notRegularError{mode: st.Mode()}
	}
	return f, nil
}
