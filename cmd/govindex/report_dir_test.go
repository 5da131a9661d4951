package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportEntryUnknown: --force replaces a folder only when it holds
// nothing but what report writes.
func TestReportEntryUnknown(t *testing.T) {
	report := []string{"index.html", "article.md", "results.csv", "results.json", "results.xlsx",
		"charts/ranking.svg", "charts/ranking.png", "charts/dimensions.svg", "charts/dimensions.png"}
	tests := []struct {
		name  string
		files []string
		dirs  []string
		want  string // relative to the folder; "" for a report folder
	}{
		{"empty", nil, nil, ""},
		{"a whole report", report, nil, ""},
		{"part of a report", []string{"results.csv", "charts/ranking.png"}, nil, ""},
		{"desktop litter", append([]string{".DS_Store", "charts/Thumbs.db"}, report...), nil, ""},
		{"a file of the user's", append([]string{"notes.txt"}, report...), nil, "notes.txt"},
		{"a template", []string{"article.tmpl", "index.html"}, nil, "article.tmpl"},
		{"a file in charts", []string{"charts/logo.png"}, nil, filepath.Join("charts", "logo.png")},
		{"a folder", []string{"index.html"}, []string{"data"}, "data"},
		{"a folder named as a file", nil, []string{"results.csv"}, "results.csv"},
		{"a file named as the charts folder", []string{"charts"}, nil, "charts"},
		{"a folder in charts", nil, []string{"charts/ranking.svg"}, filepath.Join("charts", "ranking.svg")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, d := range tt.dirs {
				require.NoError(t, os.MkdirAll(filepath.Join(dir, d), 0o755))
			}
			for _, f := range tt.files {
				p := filepath.Join(dir, filepath.FromSlash(f))
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
			}
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			want := ""
			if tt.want != "" {
				want = filepath.Join(dir, tt.want)
			}
			assert.Equal(t, want, reportEntryUnknown(dir, entries))
		})
	}
}
