package indicators

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func FuzzParseEvidenceDate(f *testing.F) {
	for _, s := range []string{
		"", "2017", "2017-06", "2017-06-07", "2017/6/7", "2017.06.07", "2017年", "2017年6月", "2017年6月7日",
		"２０１７－０６－０７", "2017-02-29", "2016-02-29", "2017-13", "1899", "2101", "2017-06/07", "\xff", "2017年6月7号",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, prec, err := ParseEvidenceDate(s)
		if err != nil {
			if prec != "" || !d.IsZero() || err.Error() == "" {
				t.Fatalf("ParseEvidenceDate(%q): error %v with %v %q", s, err, d, prec)
			}
			if _, ok := translateWhole(err.Error()); !ok {
				t.Fatalf("ParseEvidenceDate(%q): error %q has no Chinese", s, err)
			}
			return
		}
		if d.Location() != time.UTC || d.Year() < minEvidenceYear || d.Year() > maxEvidenceYear {
			t.Fatalf("ParseEvidenceDate(%q) = %v", s, d)
		}
		if d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Fatalf("ParseEvidenceDate(%q) = %v, not the start of a day", s, d)
		}
		// The canonical form of the date reads back the same.
		var canon string
		switch prec {
		case PrecisionYear:
			canon = d.Format("2006")
			if d.Month() != 1 || d.Day() != 1 {
				t.Fatalf("ParseEvidenceDate(%q) = %v for a year", s, d)
			}
		case PrecisionMonth:
			canon = d.Format("2006-01")
			if d.Day() != 1 {
				t.Fatalf("ParseEvidenceDate(%q) = %v for a month", s, d)
			}
		case PrecisionDay:
			canon = d.Format("2006-01-02")
		default:
			t.Fatalf("ParseEvidenceDate(%q): precision %q", s, prec)
		}
		back, bp, err := ParseEvidenceDate(canon)
		if err != nil || !back.Equal(d) || bp != prec {
			t.Fatalf("ParseEvidenceDate(%q) = %v %q; its form %q reads %v %q %v", s, d, prec, canon, back, bp, err)
		}
		// The period contains its own start and ends before the next.
		end := periodEnd(d, prec)
		if !end.After(d) || yearsActive(d, prec, end) < 0 {
			t.Fatalf("ParseEvidenceDate(%q): period %v – %v", s, d, end)
		}
	})
}

func FuzzPoliciesCSV(f *testing.F) {
	for _, s := range []string{
		"region,date,title,kind,issuer,topics,url\n贵州省,2016-01-15,贵州省大数据发展应用促进条例,地方性法规,,共享;产业,\n北京市,2015,规划,计划,,,\n",
		"地区,日期,标题,类型\n520000,2017年3月,关于数据共享的通知,通知\n520000,2017年3月,关于数据共享的通知,通知\n",
		"region,date,title,kind\n贵州,2017-13-01,a,决议\n",
		"date,title,kind\n2017,a,rule\n",
		"region,date,title,kind,topics\n上海市,2018,Open data,plan,\"sharing；opening、x\"\n",
		"region,date,title\n",
		"\xef\xbb\xbfregion,date,title,kind\n\"a\n",
		"",
	} {
		f.Add([]byte(s))
	}
	regionsList, err := ReadRegions(mustCSVTable("regions.csv", testRegionsCSV))
	if err != nil {
		f.Fatal(err)
	}
	regions := NewRegionSet(regionsList)
	f.Fuzz(func(t *testing.T, csv []byte) {
		def, err := Parse("index.toml", []byte(coSourceTOML("policies", []string{"p.csv"}, `as_of = "2017-06-07"`+"\n")),
			FSFiles{FS: fstest.MapFS{"p.csv": {Data: csv}}, Dir: "."})
		if err != nil {
			t.Fatal(err)
		}
		obs, _, err := Collect(def, regions, []int{2016, 2017}, "")
		if err != nil {
			list, ok := err.(ErrorList)
			if !ok || len(list) == 0 {
				t.Fatalf("error %T %v is not an ErrorList", err, err)
			}
			for _, e := range list {
				if e.Pos.File != "p.csv" && e.Pos.File != "index.toml" {
					t.Fatalf("problem without its file: %v", e)
				}
				if e.Msg == "" {
					t.Fatalf("empty message: %v", e)
				}
			}
			return
		}
		byKey := map[string]float64{}
		for _, o := range obs {
			if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) || o.Value < 0 {
				t.Fatalf("%+v: value %v", o, o.Value)
			}
			if _, ok := regions.Lookup(o.Region); !ok {
				t.Fatalf("%+v: unknown region", o)
			}
			if !strings.HasPrefix(o.Source, "policies."+o.Indicator+": ") || o.Pos.File != "p.csv" || o.Pos.Line < 2 {
				t.Fatalf("%+v: provenance", o)
			}
			k := fmt.Sprintf("%s/%d/%s", o.Region, o.Year, o.Indicator)
			if _, dup := byKey[k]; dup {
				t.Fatalf("%s twice", k)
			}
			byKey[k] = o.Value
		}
		for k, v := range byKey {
			region, rest, _ := strings.Cut(k, "/")
			year, measure, _ := strings.Cut(rest, "/")
			switch measure {
			case "max_force":
				if v < 1 || v > 5 || v != math.Trunc(v) {
					t.Fatalf("%s = %v", k, v)
				}
			case "topic_coverage":
				if v > 100 {
					t.Fatalf("%s = %v", k, v)
				}
			case "recent":
				if v > byKey[region+"/"+year+"/count"] {
					t.Fatalf("%s = %v exceeds the count", k, v)
				}
			}
			if measure != "count" {
				if _, ok := byKey[region+"/"+year+"/count"]; !ok {
					t.Fatalf("%s without a count", k)
				}
			}
			// Counts grow with the cutoff: 2017 has everything 2016 has.
			if measure == "count" && year == "2016" && byKey[region+"/2017/count"] < v {
				t.Fatalf("%s = %v, more than in 2017", k, v)
			}
		}
	})
}

// mustCSVTable reads a CSV table for fuzz set-up.
func mustCSVTable(file, text string) *Table {
	t, err := ReadCSVTable(file, []byte(text), "")
	if err != nil {
		panic(err)
	}
	return t
}
