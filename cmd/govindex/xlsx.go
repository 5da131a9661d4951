package main

// noXLSX refuses --format xlsx for a command that writes no workbook (only
// rate for one year and robust do).
func noXLSX(g *globalOptions, command string) error {
	if g.format != "xlsx" {
		return nil
	}
	return usagef("use --format table, csv, json or md; rate and robust write Excel workbooks", "%s has no xlsx format", command)
}
