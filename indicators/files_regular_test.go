package indicators

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeInfo is a stat that says what a test wants.
type fakeInfo struct {
	size int64
	mode fs.FileMode
}

func (f fakeInfo) Name() string       { return "f" }
func (f fakeInfo) Size() int64        { return f.size }
func (f fakeInfo) Mode() fs.FileMode  { return f.mode }
func (f fakeInfo) ModTime() time.Time { return time.Time{} }
func (f fakeInfo) IsDir() bool        { return f.mode.IsDir() }
func (f fakeInfo) Sys() any           { return nil }

// TestReadLimited refuses what is not a regular file before opening it,
// and a file that grew past the limit after its stat.
func TestReadLimited(t *testing.T) {
	opened := false
	open := func(s string) func() (io.ReadCloser, error) {
		return func() (io.ReadCloser, error) {
			opened = true
			return io.NopCloser(strings.NewReader(s)), nil
		}
	}
	tests := []struct {
		name     string
		st       fakeInfo
		content  string
		want     string
		wantErr  string
		wantOpen bool
	}{
		{"regular file", fakeInfo{size: 3}, "abc", "abc", "", true},
		{"over the limit by its size", fakeInfo{size: 11}, "", "", "11 bytes, over the limit of 10 bytes", false},
		{"grew past the limit", fakeInfo{size: 3}, strings.Repeat("x", 20), "", "larger than the limit of 10 bytes", true},
		{"directory", fakeInfo{mode: fs.ModeDir}, "", "", "is a directory", false},
		{"named pipe", fakeInfo{mode: fs.ModeNamedPipe}, "", "", "is a named pipe, not a regular file", false},
		{"character device", fakeInfo{mode: fs.ModeDevice | fs.ModeCharDevice}, "", "", "is a character device, not a regular file", false},
		{"block device", fakeInfo{mode: fs.ModeDevice}, "", "", "is a block device, not a regular file", false},
		{"socket", fakeInfo{mode: fs.ModeSocket}, "", "", "is a socket, not a regular file", false},
		{"other", fakeInfo{mode: fs.ModeIrregular}, "", "", "is a special file, not a regular file", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opened = false
			b, err := readLimited(tt.st, open(tt.content), 10)
			assert.Equal(t, tt.wantOpen, opened, "opened")
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
		})
	}
}

// TestNotRegularMessages words a refused input in English and Chinese,
// at the file or, for a file index.toml names, at the path in index.toml.
func TestNotRegularMessages(t *testing.T) {
	rf := fileError("p", "/abs/p", &notRegularError{mode: fs.ModeNamedPipe}, 10)
	var ie *InputError
	require.True(t, errors.As(rf, &ie))
	assert.Equal(t, "p: is a named pipe, not a regular file; fix: "+notRegularHint, ie.Error())
	msg, hint := ie.Localized("zh")
	assert.Equal(t, "这是命名管道，不是普通文件", msg)
	assert.Equal(t, "请指定普通文件；若要读取管道或设备给出的内容，请先把它存成文件（例如 cat 来源 > 文件）", hint)

	e := Errorf(Pos{File: "index.toml", Line: 4, Col: 9}, notRegularHint, "%s file %q is a %s, not a regular file (%s)", "data", "d.csv", "character device", "/abs/d.csv")
	msg, _ = e.Localized("zh")
	assert.Equal(t, `数据文件 "d.csv" 是字符设备，不是普通文件（/abs/d.csv）`, msg)
}
