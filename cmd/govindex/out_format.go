package main

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// outFormats are the formats an --out file's extension names.
var outFormats = map[string]string{".csv": "csv", ".json": "json", ".md": "md", ".xlsx": "xlsx", ".txt": "table"}

// outFormatCommands are the commands whose --out is one file in one of
// the --format formats (report, synth and init write folders; article
// is always Markdown).
var outFormatCommands = map[string]bool{"govindex": true, "rate": true, "robust": true, "compare": true, "whatif": true, "audit": true, "collect": true}

// matchOutFormat lets the --out file's extension choose the format when
// --format is not given (rate --out results.xlsx writes a workbook), and
// refuses a --format that the extension contradicts (--format csv --out
// results.xlsx), which would give a file its own program cannot open.
func matchOutFormat(cmd *cobra.Command, g *globalOptions) error {
	if g.out == "" || !outFormatCommands[cmd.Name()] || !slices.Contains(formats, g.format) {
		return nil // an unknown --format is check's to report
	}
	ext := strings.ToLower(filepath.Ext(g.out))
	f, known := outFormats[ext]
	if !known {
		return nil
	}
	if !cmd.Flags().Changed("format") {
		g.format = f
		return nil
	}
	if g.format != f {
		return usagef("leave out --format (the extension chooses it), use --format "+f+", or name a file ending in ."+extOf(g.format),
			"--out %s is a %s file, but --format is %s", g.out, f, g.format)
	}
	return nil
}

// extOf is the file extension of a format.
func extOf(format string) string {
	if format == "table" {
		return "txt"
	}
	return format
}
