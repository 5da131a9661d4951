package main

import (
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// mkxlsxCmd is the script command "mkxlsx SRC.csv DST.xlsx": it writes
// the CSV file as the sheet Sheet1 of a workbook, since txtar archives
// hold text only. A cell that starts with "=" becomes a formula saved
// without a result (as by programs that do not compute formulas), one that
// reads as a number a number, anything else text.
func mkxlsxCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkxlsx src.csv dst.xlsx")
	}
	recs, err := csv.NewReader(strings.NewReader(ts.ReadFile(args[0]))).ReadAll()
	ts.Check(err)
	f := excelize.NewFile()
	defer f.Close()
	for r, rec := range recs {
		for c, v := range rec {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			ts.Check(err)
			if x, ok := strings.CutPrefix(v, "="); ok {
				ts.Check(f.SetCellFormula("Sheet1", cell, x))
				continue
			}
			if x, err := strconv.ParseFloat(v, 64); err == nil {
				ts.Check(f.SetCellValue("Sheet1", cell, x))
				continue
			}
			ts.Check(f.SetCellValue("Sheet1", cell, v))
		}
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[1])))
}
