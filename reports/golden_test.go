package reports

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		format string
		lang   string
		result func() *scoring.Result
	}{
		{"table_zh.txt", "table", "zh", testResult},
		{"table_en.txt", "table", "en", testResult},
		{"table_labels_zh.txt", "table", "zh", testResultLabels},
		{"result_zh.csv", "csv", "zh", testResult},
		{"result_en.csv", "csv", "en", testResult},
		{"result_labels_zh.csv", "csv", "zh", testResultLabels},
		{"result.json", "json", "zh", testResult},
		{"result.json", "json", "en", testResult}, // JSON does not depend on the language
		{"result_labels.json", "json", "zh", testResultLabels},
		{"table_zh.md", "md", "zh", testResult},
		{"table_en.md", "md", "en", testResult},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%s", tc.golden, tc.lang), func(t *testing.T) {
			o := Options{Lang: tc.lang, Engine: testEngine}
			got := render(t, func(w *bytes.Buffer) error { return Write(w, tc.format, tc.result(), o) })
			golden(t, tc.golden, got)
			// Same input, same output, byte for byte.
			again := render(t, func(w *bytes.Buffer) error { return Write(w, tc.format, tc.result(), o) })
			assert.Equal(t, got, again)
		})
	}
}

func TestFormats(t *testing.T) {
	assert.Equal(t, []string{"table", "csv", "json", "md", "xlsx"}, Formats())

	direct := map[string]func(io.Writer, *scoring.Result, Options) error{
		"table": WriteTable, "csv": WriteCSV, "json": WriteJSON, "md": WriteMarkdown, "xlsx": WriteXLSX,
	}
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			o := Options{Lang: "en", Engine: testEngine}
			viaWrite := render(t, func(w *bytes.Buffer) error { return Write(w, f, testResult(), o) })
			viaFunc := render(t, func(w *bytes.Buffer) error { return direct[f](w, testResult(), o) })
			assert.Equal(t, viaFunc, viaWrite)
			assert.NotEmpty(t, viaWrite)
		})
	}
}

func TestWriteErrors(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, "pdf", testResult(), Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"pdf"`)
	assert.Contains(t, err.Error(), "table, csv, json, md, xlsx")
	assert.Zero(t, buf.Len(), "nothing written for an unknown format")

	for _, f := range Formats() {
		t.Run(f+"/nil", func(t *testing.T) {
			assert.ErrorIs(t, Write(&buf, f, nil, Options{}), errNoResult)
			assert.ErrorIs(t, Write(&buf, f, &scoring.Result{}, Options{}), errNoResult)
		})
	}
	assert.Nil(t, JSONResult(nil, Options{}))
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestWriteReportsWriterError(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			assert.ErrorIs(t, Write(failWriter{}, f, testResult(), Options{}), io.ErrClosedPipe)
		})
	}
}
