package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/govindex/govindex/scoring"
)

// writers maps each format name to its renderer, in the order Formats lists.
var writers = []struct {
	name  string
	write func(io.Writer, *scoring.Result, Options) error
}{
	{"table", WriteTable},
	{"csv", WriteCSV},
	{"json", WriteJSON},
	{"md", WriteMarkdown},
	{"xlsx", WriteXLSX},
}

// Formats lists the format names Write accepts: table, csv, json, md,
// xlsx (an Excel workbook, see WriteXLSX).
func Formats() []string {
	out := make([]string, len(writers))
	for i, x := range writers {
		out[i] = x.name
	}
	return out
}

// Write renders r in the named format; an unknown format is an error.
func Write(w io.Writer, format string, r *scoring.Result, o Options) error {
	for _, x := range writers {
		if x.name == format {
			return x.write(w, r, o)
		}
	}
	return fmt.Errorf("reports: unknown format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}
