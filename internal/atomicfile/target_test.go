package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeString is a Write fn that writes s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// inspectCase is a path and what Inspect must say of it.
type inspectCase struct {
	name    string
	path    string
	want    Kind
	wantErr error
}

func TestInspect(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.txt")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o644))
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(sub, 0o755))
	link := filepath.Join(dir, "link.txt")
	require.NoError(t, os.Symlink("file.txt", link))
	dirLink := filepath.Join(dir, "dirlink")
	require.NoError(t, os.Symlink("sub", dirLink))
	dangling := filepath.Join(dir, "dangling")
	require.NoError(t, os.Symlink("nowhere.txt", dangling))

	tests := []inspectCase{
		{"nothing there", filepath.Join(dir, "new.txt"), Absent, nil},
		{"regular file", file, Regular, nil},
		{"folder", sub, 0, ErrDirectory},
		{"link to a file", link, 0, ErrLink},
		{"link to a folder", dirLink, 0, ErrDirectory},
		{"link to nothing", dangling, 0, ErrDanglingLink},
	}
	tests = append(tests, specialTargets(t, dir)...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Inspect(tt.path)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				var re *RefusedError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, tt.path, re.Path)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Kind)
			assert.Equal(t, tt.path, got.Path)
		})
	}
}

// TestWriteRefusesLinks leaves a link and what it leads to as they were.
func TestWriteRefusesLinks(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.txt")
	require.NoError(t, os.WriteFile(file, []byte("old"), 0o644))
	link := filepath.Join(dir, "link.txt")
	require.NoError(t, os.Symlink("file.txt", link))
	dangling := filepath.Join(dir, "dangling")
	require.NoError(t, os.Symlink("nowhere.txt", dangling))

	for _, p := range []string{link, dangling} {
		err := Write(p, 0o644, writeString("new"))
		var re *RefusedError
		require.ErrorAs(t, err, &re, p)
		st, err := os.Lstat(p)
		require.NoError(t, err)
		assert.NotZero(t, st.Mode()&os.ModeSymlink, "%s is still a link", p)
	}
	got, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, "old", string(got))
	_, err = os.Stat(filepath.Join(dir, "nowhere.txt"))
	assert.True(t, os.IsNotExist(err), "nothing is created where a dangling link leads")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 3, "no temporary file may be left behind")
}
