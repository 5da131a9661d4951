package reports

import (
	"encoding/csv"
	"io"
	"regexp"
	"strconv"

	"github.com/govindex/govindex/scoring"
)

// WriteCSV writes one row per region, in the order of r.Regions, under a
// header of stable English ids (see the package documentation for the
// columns). UTF-8, no byte-order mark; missing values are empty cells.
func WriteCSV(w io.Writer, r *scoring.Result, o Options) error {
	if err := check(r); err != nil {
		return err
	}
	def := r.Def
	lang := o.lang()
	labels := hasLabels(def)

	header := []string{"rank", "code", "name", "score", "stars"}
	if labels {
		header = append(header, "class")
	}
	header = append(header, "coverage")
	for _, d := range def.Dimensions {
		header = append(header, d.ID+".score", d.ID+".rank", d.ID+".stars")
		if labels {
			header = append(header, d.ID+".class")
		}
	}
	for _, ind := range def.Indicators {
		header = append(header, ind.ID+".raw", ind.ID+".normalised")
	}
	header = append(header, "reason")
	multi := r.Series != nil
	if multi {
		header = append(header, changeCSVHeader...)
	}

	cw := csv.NewWriter(w)
	if err := cw.Write(textCells(header)); err != nil {
		return err
	}
	for _, rr := range r.Regions {
		row := make([]string, 0, len(header))
		if rr.Rated {
			row = append(row, positive(rr.Rank), text(rr.Region.Code), text(regionName(rr.Region, lang)),
				formatNumber(rr.Score), positive(rr.Stars))
		} else {
			row = append(row, "", text(rr.Region.Code), text(regionName(rr.Region, lang)), "", "")
		}
		if labels {
			class := ""
			if rr.Rated {
				class = classLabel(def, rr.Class, rr.Stars)
			}
			row = append(row, text(class))
		}
		row = append(row, formatNumber(rr.Coverage))
		for _, d := range def.Dimensions {
			n := nodeScore(rr, d.ID)
			if n == nil || n.Missing {
				row = append(row, "", "", "")
				if labels {
					row = append(row, "")
				}
				continue
			}
			row = append(row, formatNumber(n.Score), positive(n.Rank), positive(n.Stars))
			if labels {
				row = append(row, text(classLabel(def, n.Class, n.Stars)))
			}
		}
		for _, ind := range def.Indicators {
			if s := indicatorScore(rr, ind.ID); s != nil {
				row = append(row, formatNumber(s.Raw), formatNumber(s.Normalised))
			} else {
				row = append(row, "", "")
			}
		}
		reason := ""
		if !rr.Rated {
			reason = rr.Reason
		}
		row = append(row, text(reason))
		if multi {
			row = append(row, changeCSVCells(r, rr)...)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// positive prints n, or "" when it is 0 or less (no rank, no stars).
func positive(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// plainNumber matches what a spreadsheet reads as a number rather than a
// formula: an optionally signed decimal with an optional exponent.
var plainNumber = regexp.MustCompile(`^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$`)

// text neutralises a text cell a spreadsheet would run as a formula: one
// that starts with =, +, -, @, a tab or a carriage return and is not a plain
// number gets a leading single quote.
func text(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if !plainNumber.MatchString(s) {
			return "'" + s
		}
	}
	return s
}

func textCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = text(c)
	}
	return out
}

// WriteCSVRecords writes rows of text as CSV, each cell neutralised like
// the results' text cells so no spreadsheet runs one as a formula.
func WriteCSVRecords(w io.Writer, records [][]string) error {
	cw := csv.NewWriter(w)
	for _, rec := range records {
		if err := cw.Write(textCells(rec)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
