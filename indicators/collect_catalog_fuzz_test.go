package indicators

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzCatalog feeds the catalog collector arbitrary files, seeded with the
// three formats and the bad files of testdata/catalog. Whatever the input,
// it must not panic, and must return either bad input naming the file or
// a full set of sane values.
func FuzzCatalog(f *testing.F) {
	names, err := filepath.Glob(filepath.Join("testdata", "catalog", "*"))
	if err != nil || len(names) == 0 {
		f.Fatalf("no fixtures: %v", err)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`{"dataset": [{"identifier": "x", "issued": "2016-01-01", "distribution": [{"format": "CSV"}], "license": "cc-by"}]}`,
		`{"success": true, "result": {"count": 3, "results": [{"id": "a", "isopen": true, "resources": [{"datastore_active": true}]}]}}`,
		`[{"@id": "_:b0", "@type": "http://www.w3.org/ns/dcat#Dataset", "http://purl.org/dc/terms/publisher": {"@id": "_:b0"}}]`,
		`{"@context": {"t": "@type"}, "@graph": {"t": "Dataset", "distribution": {"@list": [{"format": "csv"}]}}}`,
		`{"dataset": [{"modified": "R/2017-01-01/P1D"}, {"issued": "9999999999999"}]}`,
		"\uFEFF[]", "", "{", "null", `{"result": null, "success": false}`,
		// Bidi controls, escaped and raw, and old Mac line ends.
		`{"dataset": [{"identifier": "x", "title": "\u202e12"}]}`, "{\"dataset\": [{\"title\": \"a\u2066b\"}]}", "{\r\"dataset\": []\r}",
	} {
		f.Add([]byte(s))
	}
	c, ok := LookupCollector("catalog")
	if !ok {
		f.Fatal("catalog collector not registered")
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req := CollectRequest{
			Def:     &Definition{File: "index.toml"},
			Source:  &SourceSpec{Collector: "catalog", Region: "330000"},
			Files:   []EvidenceFile{{Name: "fuzz.json", Data: data}},
			Regions: caRegions(),
			Years:   []int{2016, 2017},
			Cutoff: func(y int) time.Time {
				return time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
			},
		}
		values, _, err := c.Collect(req)
		if err != nil {
			if values != nil {
				t.Fatalf("values %v with error %v", values, err)
			}
			list, ok := err.(ErrorList)
			if !ok || len(list) == 0 {
				t.Fatalf("error %T %v is not an ErrorList", err, err)
			}
			for _, e := range list {
				if e.Pos.File != "fuzz.json" || e.Msg == "" {
					t.Fatalf("error %q does not name the file", e.Error())
				}
			}
			return
		}
		datasets := map[int]float64{}
		for _, v := range values {
			if v.Region != "330000" || (v.Year != 2016 && v.Year != 2017) {
				t.Fatalf("value for %s %d", v.Region, v.Year)
			}
			if math.IsNaN(v.Value) || math.IsInf(v.Value, 0) || v.Value < 0 {
				t.Fatalf("%s %d = %v", v.Measure, v.Year, v.Value)
			}
			if strings.HasSuffix(v.Measure, "_share") && v.Value > 100 {
				t.Fatalf("%s %d = %v, over 100", v.Measure, v.Year, v.Value)
			}
			for _, e := range v.Evidence {
				if e.File != "fuzz.json" || e.ID == "" {
					t.Fatalf("evidence %+v", e)
				}
			}
			if v.Measure == "datasets" {
				datasets[v.Year] = v.Value
				if int(v.Value) != len(v.Evidence) {
					t.Fatalf("%v datasets with %d evidence", v.Value, len(v.Evidence))
				}
			}
		}
		if len(datasets) != 2 {
			t.Fatalf("datasets measured for %d years: %v", len(datasets), values)
		}
		if datasets[2016] > datasets[2017] {
			t.Fatalf("datasets shrank from %v to %v", datasets[2016], datasets[2017])
		}
		for _, v := range values {
			if v.Measure == "publishers" && v.Value > datasets[v.Year] {
				t.Fatalf("%v publishers for %v datasets", v.Value, datasets[v.Year])
			}
		}
	})
}
