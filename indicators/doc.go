// Package indicators holds the definition of an index (its framework tree of
// dimensions and indicators, loaded from index.toml), the regions it rates and
// the observations that feed it, with the loaders for CSV and XLSX tables.
//
// Bad input is reported as *InputError values that name the file, line and
// column and say how to fix the problem; a list of them is an ErrorList.
package indicators
