//go:build !unix

package indicators

import "os"

// openRegular opens p, which a stat found to be a regular file, for
// reading, and refuses what is no longer a regular file.
func openRegular(p string) (*os.File, error) {
	f, err := os.Open(p)
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
