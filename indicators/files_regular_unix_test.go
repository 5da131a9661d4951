//go:build unix

package indicators

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noWait runs f and fails the test if it has not returned within a
// generous bound: reading a named pipe must never wait for a writer.
func noWait(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("still waiting: a named pipe was opened for reading")
	}
}

// TestInputsMustBeRegular refuses a named pipe or a device as the index
// definition and as a file it names, without waiting on the pipe, at the
// path in index.toml.
func TestInputsMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
		return p
	}
	write("regions.csv", "code,name\nA,甲\n")
	project := func(data string) string {
		return tomlLines(`[index]`, `name = "t"`, `regions = "regions.csv"`, `data = ["`+data+`"]`,
			`[[dimension]]`, `id = "d"`, `[[indicator]]`, `id = "x"`, `dimension = "d"`)
	}

	t.Run("config", func(t *testing.T) {
		noWait(t, func() {
			_, err := LoadFile(fifo)
			assert.EqualError(t, err, fifo+": is a named pipe, not a regular file; fix: "+notRegularHint)
			assert.True(t, IsInputError(err))
		})
	})
	tests := []struct{ data, kind string }{
		{"pipe", "named pipe"},
		{os.DevNull, "character device"},
		{"/dev/zero", "character device"},
	}
	for _, tt := range tests {
		t.Run(tt.data, func(t *testing.T) {
			if _, err := os.Stat(tt.data); filepath.IsAbs(tt.data) && err != nil {
				t.Skip(err)
			}
			cfg := write("index.toml", project(tt.data))
			noWait(t, func() {
				def, err := LoadFile(cfg)
				require.NoError(t, err)
				_, err = LoadData(def, "")
				require.Error(t, err)
				tried := tt.data
				if !filepath.IsAbs(tried) {
					tried = filepath.Join(dir, tried)
				}
				want := cfg + `:4:9: data file "` + tt.data + `" is a ` + tt.kind + `, not a regular file (` + tried + `); fix: ` + notRegularHint
				assert.Contains(t, strings.Split(err.Error(), "\n"), want)
			})
		})
	}
}

// TestOpenRegularRace: a named pipe put where a regular file was stat'ed
// is refused once opened, without waiting for a writer.
func TestOpenRegularRace(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	noWait(t, func() {
		f, err := openRegular(fifo)
		assert.Nil(t, f)
		var nr *notRegularError
		require.ErrorAs(t, err, &nr)
		assert.Equal(t, "named pipe", nr.kind())
	})
}
