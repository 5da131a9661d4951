package indicators

import (
	"bytes"
	"math"
	"strconv"
	"testing"
)

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"", "12", "-3.5", "+1", "1,234,567.5", "1,23", "35%", "1.2万", "3亿", "2万亿", "１２３．５", "－７",
		"NA", "n/a", "-", "—", "–", "..", "NaN", "Inf", "0x10", "1e400", "1e-400", "1.5E-3", "\u3000 5 \u3000", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, missing, err := ParseNumber(s)
		switch {
		case err != nil:
			if missing || err.Error() == "" {
				t.Fatalf("ParseNumber(%q): error %v with missing=%v", s, err, missing)
			}
		case missing:
			if !math.IsNaN(v) {
				t.Fatalf("ParseNumber(%q): missing but %v", s, v)
			}
		default:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("ParseNumber(%q) = %v", s, v)
			}
			// What it prints, it reads back.
			back, m, err := ParseNumber(strconv.FormatFloat(v, 'g', -1, 64))
			if err != nil || m || back != v {
				t.Fatalf("ParseNumber(%q) = %v does not round-trip: %v %v %v", s, v, back, m, err)
			}
		}
	})
}

// checkTable asserts the invariants every table the readers return keeps.
func checkTable(t *testing.T, tb *Table) {
	t.Helper()
	if len(tb.Rows) != len(tb.Lines) {
		t.Fatalf("%d rows, %d lines", len(tb.Rows), len(tb.Lines))
	}
	if len(tb.Header) == 0 || tb.HeaderLine < 1 {
		t.Fatalf("header %q at line %d", tb.Header, tb.HeaderLine)
	}
	prev := tb.HeaderLine
	for i, row := range tb.Rows {
		if len(row) != len(tb.Header) {
			t.Fatalf("row %d has %d cells, header %d", i, len(row), len(tb.Header))
		}
		if tb.Lines[i] <= prev {
			t.Fatalf("row %d at line %d after line %d", i, tb.Lines[i], prev)
		}
		prev = tb.Lines[i]
	}
}

// checkErr asserts that err is bad input that names its file.
func checkErr(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	list, ok := err.(ErrorList)
	if !ok || len(list) == 0 {
		t.Fatalf("error %T %v is not a non-empty ErrorList", err, err)
	}
	for _, e := range list {
		if e.Pos.File == "" || e.Msg == "" {
			t.Fatalf("error without file or message: %#v", e)
		}
	}
}

func FuzzReadCSVTable(f *testing.F) {
	for _, s := range []string{
		"", "a,b\n1,2\n", "\xEF\xBB\xBFcode,name\n520000,贵州省\n", "a,b\n\"1,234\",\"x\ny\"\n",
		"a,b\n1,x\"y\n", "a,b\n1,\"2\n", "a,a\n", "a,,b\n", "a,b\n1\n1,2,3\n", "PK\x03\x04", "\xFF\xFEa\x00",
		"a\x00b", "地区,数值\n贵州省,1\n", "\xb5\xd8\xc7\xf8,\xca\xfd\xd6\xb5\n\xb9\xf3\xd6\xdd\xca\xa1,1\n", "a\r\nb\r\n",
		// Old Mac line ends, look-alike and bidi characters.
		"code,name\r110000,北京\u200b市\r110000\ufeff,x\r", "a,b\r1,\u202e2\r\r\n3,\"4\r5\"\r", "a\rb\r\n\rc", "a\u2067,b\n1,2\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, enc := range []string{"", "gb18030"} {
			tb, err := ReadCSVTable("f.csv", b, enc)
			checkErr(t, err)
			if tb != nil {
				checkTable(t, tb)
			} else if err == nil {
				t.Fatal("no table and no error")
			}
		}
	})
}

func FuzzReadObservations(f *testing.F) {
	for _, s := range []string{
		"region,year,indicator,value,source,note\n520000,2017,policy_docs,12,gov,\n贵州省,2016,policy_docs,NA,,\n",
		"地区,年份,指标,数值\n北京市,2017年,sharing_depth,\"1,234\"\n",
		"region,year,policy_docs,sharing_depth\n贵州省,2017,1,2\n110000,2017,—,35%\n",
		"region,policy_docs\n520000,1\n贵州省,2\n",
		"region,platforms\n520000,1\n",
		"region,indicator,value\nX,policy_doc,abc\n",
		"a,b\n1,2\n",
		"region,year,policy_docs\n520000,17,1\n520000,,1\n",
		"region\u200b,policy_docs\n520000\u200b,1\n５２００００,2\n贵州\u00ad省,3\n",
		"region,policy_docs\r520000,1\r",
	} {
		f.Add([]byte(s))
	}
	def, rs := testDef(), testRegions(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, _ := ReadCSVTable("f.csv", b, "")
		if tb == nil {
			return
		}
		obs, err := ReadObservations(tb, def, rs)
		checkErr(t, err)
		if err != nil {
			if obs != nil {
				t.Fatal("observations beside an error")
			}
			return
		}
		seen := map[obsKey]bool{}
		for _, o := range obs {
			if _, ok := rs.Lookup(o.Region); !ok {
				t.Fatalf("unknown region in %+v", o)
			}
			if ind, ok := def.Indicator(o.Indicator); !ok || ind.Source != "" {
				t.Fatalf("bad indicator in %+v", o)
			}
			if o.Year != 0 && (o.Year < 1900 || o.Year > 2100) {
				t.Fatalf("bad year in %+v", o)
			}
			if math.IsInf(o.Value, 0) || o.Pos.Line < 2 || o.Pos.Col < 1 || o.Pos.Col > len(tb.Header) {
				t.Fatalf("bad observation %+v", o)
			}
			k := obsKey{o.Region, o.Indicator, o.Year}
			if seen[k] {
				t.Fatalf("duplicate %+v", o)
			}
			seen[k] = true
		}
	})
}

func FuzzReadXLSXTables(f *testing.F) {
	f.Add(xlsxBytes(f, sheet{name: "Data", rows: [][]any{{"region", "year", "policy_docs"}, {"520000", 2017, 1.5}, {"贵州省", 2016, "NA"}}}))
	f.Add(xlsxBytes(f, sheet{name: "Empty"}, sheet{name: "S", rows: [][]any{nil, {"region", "indicator", "value"}, {"110000", "sharing_depth", "1,234"}}}))
	f.Add(xlsxBytes(f, sheet{name: "S", rows: [][]any{{"a", "a"}}}))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("a,b\n1,2\n"))
	// Formulas without a saved result, and a shared string index past the
	// table.
	f.Add(xlsxBytes(f, sheet{name: "S", rows: [][]any{{"region", "policy_docs"}, {"520000", formula("1+2")}, {"贵州省", formula("NOSUCH(1)")}, {nil, formula("B2*2")}}}))
	f.Add(rewriteZip(f, xlsxBytes(f, sheet{name: "S", rows: [][]any{{"region", "policy_docs"}, {"贵州省", 1}}}), func(name string, data []byte) []byte {
		return bytes.ReplaceAll(data, []byte("<v>2</v>"), []byte("<v>7</v>"))
	}))
	def, rs := testDef(), testRegions(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		tables, err := ReadXLSXTables("f.xlsx", b)
		checkErr(t, err)
		for _, tb := range tables {
			checkTable(t, tb)
			_, err := ReadObservations(tb, def, rs)
			checkErr(t, err)
		}
	})
}
