package indicators

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// caRegions are the regions the catalog tests resolve.
func caRegions() *RegionSet {
	return NewRegionSet([]*Region{
		{Code: "330000", Name: "浙江省", Pos: Pos{File: "regions.csv", Line: 2}},
		{Code: "440100", Name: "广州市", Pos: Pos{File: "regions.csv", Line: 3}},
		{Code: "520000", Name: "贵州省", Pos: Pos{File: "regions.csv", Line: 4}},
	})
}

// caFixture reads a file of testdata/catalog.
func caFixture(t testing.TB, name string) EvidenceFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "catalog", name))
	require.NoError(t, err)
	return EvidenceFile{Name: "evidence/" + name, Data: b}
}

// caText makes an evidence file from text.
func caText(name, text string) EvidenceFile { return EvidenceFile{Name: name, Data: []byte(text)} }

// caRequest asks for 2016 and 2017, cut at the end of each year.
func caRequest(region string, files ...EvidenceFile) CollectRequest {
	return CollectRequest{
		Def:     &Definition{File: "index.toml"},
		Source:  &SourceSpec{Collector: "catalog", Region: region},
		Files:   files,
		Regions: caRegions(),
		Years:   []int{2016, 2017},
		Cutoff:  yearEndUTC,
	}
}

func yearEndUTC(y int) time.Time {
	return time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
}

// caCollect runs the collector and returns its values by year and measure.
func caCollect(t *testing.T, req CollectRequest) (map[int]map[string]Collected, []string) {
	t.Helper()
	c, ok := LookupCollector("catalog")
	require.True(t, ok, "catalog collector registered")
	values, warnings, err := c.Collect(req)
	require.NoError(t, err)
	out := map[int]map[string]Collected{}
	for _, v := range values {
		if out[v.Year] == nil {
			out[v.Year] = map[string]Collected{}
		}
		_, dup := out[v.Year][v.Measure]
		require.False(t, dup, "measure %s given twice for %d", v.Measure, v.Year)
		out[v.Year][v.Measure] = v
	}
	return out, warnings
}

// caValues keeps only the numbers.
func caValues(got map[int]map[string]Collected) map[int]map[string]float64 {
	out := map[int]map[string]float64{}
	for y, ms := range got {
		out[y] = map[string]float64{}
		for m, v := range ms {
			out[y][m] = v.Value
		}
	}
	return out
}

// caIDs lists the evidence ids of a value.
func caIDs(c Collected) []string {
	ids := make([]string, len(c.Evidence))
	for i, e := range c.Evidence {
		ids[i] = e.ID
	}
	return ids
}

func TestCatalogRegistered(t *testing.T) {
	c, ok := LookupCollector("catalog")
	require.True(t, ok)
	for _, m := range []string{"datasets", "publishers", "machine_readable_share", "open_license_share", "freshness_days", "themes", "keywords"} {
		assert.Contains(t, c.Measures, m)
	}
}

func TestCatalogMeasures(t *testing.T) {
	tests := []struct {
		fixture, region, code string
		want                  map[int]map[string]float64
	}{
		// data.json. First dates (issued, else modified): budget 2016-03-01,
		// air 2016-07-15, report 2017-05-20, traffic 2017-12-31T23:30-05:00
		// (modified; compared as written, so in 2017), company register none
		// (counted every year).
		{"datajson.json", "330000", "330000", map[int]map[string]float64{
			2016: {
				"datasets":   3, // budget, air, company register
				"publishers": 3, // finance department, environment bureau, market regulation bureau
				// budget CSV, air JSON, register API: 3/3
				"machine_readable_share": 100,
				// budget CC BY, air CC0; register custom terms: 2/3
				"open_license_share": 200.0 / 3,
				// only air was modified by 2016-12-31: 2016-11-30 → 31 days
				"freshness_days": 31,
				"themes":         3, // finance, environment, economy
				"keywords":       5, // budget, finance, air, environment, companies
			},
			2017: {
				"datasets": 5,
				// "  finance   department " is the Finance Department; + transport
				"publishers": 4,
				// the report has PDF and HTML only: 4/5
				"machine_readable_share": 80,
				// budget CC BY, air CC0, report ODbL; traffic BY-NC, register custom: 3/5
				"open_license_share": 60,
				// days to 2017-12-31: traffic 0, report (06-01) 213, budget (02-10) 324,
				// air (2016-11-30) 396 → (213 + 324) / 2
				"freshness_days": 268.5,
				"themes":         4, // + transport
				// + annual report, traffic ("AIR" is "Air")
				"keywords": 7,
			},
		}},
		// DCAT JSON-LD. First dates: gz-001 2016-05-04, gz-002 2015-01-10,
		// gz-003 2017-03-15, gz-004 2016/12/30 (modified only).
		{"dcat.jsonld", "贵州省", "520000", map[int]map[string]float64{
			2016: {
				"datasets": 3, // gz-001, gz-002, gz-004
				// 贵州省大数据发展管理局 (by @id), Guizhou Statistics Bureau (by @id), Guizhou Archives (literal)
				"publishers": 3,
				// gz-001 CSV (file-type IRI), gz-002 XLSX (IANA IRI); gz-004 JPEG: 2/3
				"machine_readable_share": 200.0 / 3,
				// gz-001 CC BY on its distribution, gz-004 EU CC_BY_SA_4_0; gz-002 BY-NC-SA: 2/3
				"open_license_share": 200.0 / 3,
				// gz-004 modified 2016-12-30 → 1 day (gz-001's modified is in 2017)
				"freshness_days": 1,
				"themes":         2, // TRAN, SOCI
				"keywords":       4, // 公交, transport, census, population
			},
			2017: {
				"datasets": 4,
				// gz-003's embedded publisher has the same name as org/bigdata
				"publishers": 3,
				// + gz-003 served by a dcat:accessService: 3/4
				"machine_readable_share": 75,
				// + gz-003 CC0 on its distribution: 3/4
				"open_license_share": 75,
				// gz-003 (12-20) 11, gz-001 (09-01) 121, gz-004 (2016-12-30) 366 → 121
				"freshness_days": 121,
				"themes":         3, // + ECON
				"keywords":       5, // + credit
			},
		}},
		// CKAN. First dates (metadata_created): metro 2016-02-01, hospitals
		// 2016-06-15, land use 2017-04-01, budget 2017-07-01, air 2017-09-09.
		{"ckan.json", "440100", "440100", map[int]map[string]float64{
			2016: {
				"datasets":   2, // metro, hospitals
				"publishers": 2, // guangzhou-transport, guangzhou-health
				// metro CSV; hospitals no format, URL .xlsx: 2/2
				"machine_readable_share": 100,
				// metro isopen; hospitals other-closed: 1/2
				"open_license_share": 50,
				// metro modified 2016-10-01 → 2016-12-31 (leap year): 91 days
				"freshness_days": 91,
				"themes":         2, // transport, health
				"keywords":       3, // metro, transport, health ("Transport" again)
			},
			2017: {
				"datasets": 5,
				// + planning, environment; the budget report has no organization
				"publishers": 4,
				// + air (datastore_active); land use WMS/PNG, budget DOCX/HTML: 3/5
				"machine_readable_share": 60,
				// metro, land use (isopen), air (CC-BY-SA-4.0 id): 3/5
				"open_license_share": 60,
				// budget 0, air (09-10) 112, hospitals (08-20) 133, land use (04-02) 273,
				// metro (2016-10-01) 456 → 133
				"freshness_days": 133,
				"themes":         4, // + finance, environment
				"keywords":       5, // + planning, air
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			got, warnings := caCollect(t, caRequest(tt.region, caFixture(t, tt.fixture)))
			assert.Empty(t, warnings)
			vals := caValues(got)
			require.Equal(t, len(tt.want), len(vals))
			for year, want := range tt.want {
				require.Len(t, vals[year], len(want), "measures of %d: %v", year, vals[year])
				for m, w := range want {
					assert.InDelta(t, w, vals[year][m], 1e-9, "%s %d", m, year)
				}
				for _, v := range got[year] {
					assert.Equal(t, tt.code, v.Region)
				}
			}
		})
	}
}

func TestCatalogEvidence(t *testing.T) {
	got, _ := caCollect(t, caRequest("330000", caFixture(t, "datajson.json")))
	assert.Equal(t, []string{"zj-budget-2016", "zj-air-quality", "zj-company-register"}, caIDs(got[2016]["datasets"]))
	assert.Equal(t, []string{"zj-air-quality"}, caIDs(got[2016]["freshness_days"]))
	assert.Equal(t, "evidence/datajson.json#zj-air-quality", got[2016]["freshness_days"].Evidence[0].String())
	assert.Len(t, got[2017]["open_license_share"].Evidence, 5, "shares cite every dataset counted")
	for _, e := range got[2017]["datasets"].Evidence {
		assert.Equal(t, "evidence/datajson.json", e.File)
		assert.Zero(t, e.Row)
	}

	// DCAT: dct:identifier, else the node's @id. CKAN: the package name.
	got, _ = caCollect(t, caRequest("520000", caFixture(t, "dcat.jsonld")))
	assert.Equal(t, []string{"gz-001", "gz-002", "https://data.example.gz.cn/dataset/gz-003", "gz-004"}, caIDs(got[2017]["datasets"]))
	got, _ = caCollect(t, caRequest("440100", caFixture(t, "ckan.json")))
	assert.Equal(t, []string{"gz-metro-ridership", "gz-hospitals"}, caIDs(got[2016]["datasets"]))
	// The budget report has no organization: not evidence of publishers.
	assert.NotContains(t, caIDs(got[2017]["publishers"]), "gz-budget-report")
}

func TestCatalogCutoff(t *testing.T) {
	// as_of 2017-06-07 for 2017: the traffic counts (2017-12-31) are not
	// counted yet; the report (issued 2017-05-20) is.
	req := caRequest("330000", caFixture(t, "datajson.json"))
	req.Cutoff = func(y int) time.Time {
		if y == 2017 {
			return time.Date(2017, 6, 7, 23, 59, 59, 999999999, time.UTC)
		}
		return yearEndUTC(y)
	}
	got, _ := caCollect(t, req)
	vals := caValues(got)
	assert.Equal(t, 3.0, vals[2016]["datasets"])
	assert.Equal(t, 4.0, vals[2017]["datasets"])
	assert.Equal(t, []string{"zj-budget-2016", "zj-air-quality", "zj-annual-report", "zj-company-register"}, caIDs(got[2017]["datasets"]))
	// Modified by 2017-06-07: budget (02-10) 117, report (06-01) 6, air
	// (2016-11-30) 189 → 117.
	assert.Equal(t, 117.0, vals[2017]["freshness_days"])
	// 4 of 4 machine-readable but the report: 3/4; open: budget, air, report: 3/4.
	assert.Equal(t, 75.0, vals[2017]["machine_readable_share"])
	assert.Equal(t, 75.0, vals[2017]["open_license_share"])

	// A year before any dated dataset: only the undated register counts;
	// nobody has a modified date, so no freshness.
	req.Years = []int{2015}
	got, _ = caCollect(t, req)
	vals = caValues(got)
	assert.Equal(t, map[string]float64{
		"datasets": 1, "publishers": 1, "machine_readable_share": 100, "open_license_share": 0,
		"themes": 2, "keywords": 1,
	}, vals[2015])

	// No dataset at all for a year: the shares are undefined, the counts 0.
	req = caRequest("440100", caFixture(t, "ckan.json"))
	req.Years = []int{2015}
	got, _ = caCollect(t, req)
	assert.Equal(t, map[string]float64{"datasets": 0, "publishers": 0, "themes": 0, "keywords": 0}, caValues(got)[2015])
}

func TestCatalogPooledAndDuplicates(t *testing.T) {
	first := caText("a.json", `{"dataset": [
		{"identifier": "x", "title": "X", "publisher": {"name": "P"}, "distribution": [{"format": "CSV"}]},
		{"identifier": "y", "title": "Y"},
		{"identifier": "x", "title": "X again"},
		{"identifier": "x", "title": "X thrice"},
		{"title": "untitled twin"},
		{"title": "untitled twin"}
	]}`)
	second := caText("b.json", `{"success": true, "result": {"count": 3, "results": [
		{"id": "y", "name": "y-name"},
		{"id": "z", "name": "z-name", "organization": {"name": "p"}}
	]}}`)
	got, warnings := caCollect(t, caRequest("330000", first, second))
	vals := caValues(got)
	// x, y, the two untitled (no identifier: never duplicates), z.
	assert.Equal(t, 5.0, vals[2017]["datasets"])
	assert.Equal(t, []string{"x", "y", "untitled twin", "untitled twin", "z-name"}, caIDs(got[2017]["datasets"]))
	assert.Equal(t, 1.0, vals[2017]["publishers"], "P and p are one publisher")
	assert.Equal(t, 20.0, vals[2017]["machine_readable_share"])
	require.Len(t, warnings, 3)
	assert.Equal(t, `a.json: 1 dataset identifier appears more than once, each counted once: "x" (3 times)`, warnings[0])
	assert.Equal(t, `b.json: 1 dataset is already in an earlier file of this source, counted once: "y" (also in a.json)`, warnings[1])
	assert.Equal(t, `b.json: the CKAN response holds 2 of the 3 datasets the portal reported (count); add the other pages (package_search?start=…&rows=…) to the files of this source`, warnings[2])
}

func TestCatalogCKANPages(t *testing.T) {
	page := func(name string, ids ...string) EvidenceFile {
		var ps []string
		for _, id := range ids {
			ps = append(ps, `{"id": "`+id+`", "name": "`+id+`"}`)
		}
		return caText(name, `{"success": true, "result": {"count": 3, "results": [`+strings.Join(ps, ",")+`]}}`)
	}
	// Two pages that together hold the count: no warning.
	got, warnings := caCollect(t, caRequest("440100", page("p1.json", "a", "b"), page("p2.json", "c")))
	assert.Empty(t, warnings)
	assert.Equal(t, 3.0, got[2017]["datasets"].Value)
	// One page of two.
	_, warnings = caCollect(t, caRequest("440100", page("p1.json", "a", "b")))
	assert.Equal(t, []string{"p1.json: the CKAN response holds 2 of the 3 datasets the portal reported (count); add the other pages (package_search?start=…&rows=…) to the files of this source"}, warnings)
}

func TestCatalogDateWarnings(t *testing.T) {
	f := caText("d.json", `{"dataset": [
		{"identifier": "a", "issued": "soon", "modified": "2017-03-01"},
		{"identifier": "b", "issued": "31.12.2016"},
		{"identifier": "c", "modified": "R/P1D"},
		{"identifier": "d", "issued": "2016-01-01/2016-06-30"},
		{"identifier": "e", "issued": "1483228800000"}
	]}`)
	got, warnings := caCollect(t, caRequest("330000", f))
	vals := caValues(got)
	// a counts from its modified date (2017); b and c are undated; d from
	// 2016-06-30; e is 2017-01-01 in Unix milliseconds.
	assert.Equal(t, 3.0, vals[2016]["datasets"])
	assert.Equal(t, []string{"b", "c", "d"}, caIDs(got[2016]["datasets"]))
	assert.Equal(t, 5.0, vals[2017]["datasets"])
	assert.Equal(t, []string{`d.json: 2 dates could not be read and were ignored (first: dataset "a", issued "soon"); write dates as YYYY-MM-DD or RFC 3339`}, warnings)
}

func TestCatalogDates(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for no date
		ok   bool
	}{
		{"2017-06-07", "2017-06-07T00:00:00", true},
		{"2017-06-07T10:11:12Z", "2017-06-07T10:11:12", true},
		{"2017-06-07T10:11:12.123456", "2017-06-07T10:11:12", true},
		{"2017-06-07T23:30:00-05:00", "2017-06-07T23:30:00", true}, // as written
		{"2017-06-07T10:11:12+0800", "2017-06-07T10:11:12", true},
		{"2017-06-07 10:11:12", "2017-06-07T10:11:12", true},
		{"2017-06", "2017-06-01T00:00:00", true},
		{"2017", "2017-01-01T00:00:00", true},
		{"2017/6/7", "2017-06-07T00:00:00", true},
		{"2017年6月7日", "2017-06-07T00:00:00", true},
		{"Wed, 07 Jun 2017 10:11:12 GMT", "2017-06-07T10:11:12", true},
		{"1496800000", "2017-06-07T01:46:40", true},
		{"R/2017-01-01/P1D", "2017-01-01T00:00:00", true},
		{"2016-01-01/2017-06-07", "2017-06-07T00:00:00", true},
		{"R/P1D", "", true},
		{"P1Y", "", true},
		{"07.06.2017", "", false},
		{"soon", "", false},
		{"0001-01-01", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseCatalogDate(tt.in)
			assert.Equal(t, tt.ok, ok)
			if tt.want == "" {
				assert.True(t, got.IsZero(), "%v", got)
			} else {
				assert.Equal(t, tt.want, got.Format("2006-01-02T15:04:05"))
			}
		})
	}
}

func TestCatalogMachineReadable(t *testing.T) {
	yes := []string{
		"CSV", "csv", ".csv", "text/csv", "text/csv; charset=utf-8", "TSV", "text/tab-separated-values",
		"JSON", "application/json", "GeoJSON", "application/geo+json", "application/vnd.geo+json",
		"JSON-LD", "application/ld+json", "XML", "application/xml", "text/xml", "KML", "GML",
		"RDF", "RDF/XML", "application/rdf+xml", "TTL", "Turtle", "text/turtle", "N-Triples", "application/n-triples",
		"XLS", "application/vnd.ms-excel", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"ODS", "application/vnd.oasis.opendocument.spreadsheet", "API", "api", "Esri REST", "SPARQL", "OGC:WFS", "WFS",
		"Zipped CSV", "NDJSON", "application/x-ndjson",
		"http://publications.europa.eu/resource/authority/file-type/CSV",
		"https://www.iana.org/assignments/media-types/application/json",
	}
	no := []string{
		"PDF", "application/pdf", "DOC", "DOCX", "application/msword",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "HTML", "text/html",
		"application/xhtml+xml", "JPEG", "image/png", "image/svg+xml", "WMS", "OGC:WMS", "WMTS", "ZIP",
		"application/zip", "SHP", "text/plain", "", "application/octet-stream",
		"http://publications.europa.eu/resource/authority/file-type/PDF",
	}
	for _, f := range yes {
		assert.True(t, formatMachineReadable(f), "%q should be machine-readable", f)
	}
	for _, f := range no {
		assert.False(t, formatMachineReadable(f), "%q should not be machine-readable", f)
	}
	// The URL is judged only when no format is stated.
	assert.True(t, distMachineReadable(nil, []string{"https://x.example/a/data.CSV?download=1"}, false))
	assert.False(t, distMachineReadable([]string{"PDF"}, []string{"https://x.example/a/data.csv"}, false))
	assert.True(t, distMachineReadable([]string{"PDF"}, nil, true))
}

func TestCatalogOpenLicence(t *testing.T) {
	yes := []string{
		"cc-by", "cc-by-sa", "cc-zero", "CC0", "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC BY 4.0", "CC-BY-3.0-AU",
		"https://creativecommons.org/licenses/by/4.0/", "http://creativecommons.org/licenses/by-sa/3.0/igo/",
		"https://creativecommons.org/licenses/by/4.0/legalcode", "http://creativecommons.org/publicdomain/zero/1.0/",
		"Creative Commons Attribution 4.0 International", "Creative Commons Attribution-ShareAlike",
		"Creative Commons CCZero", "odc-by", "odc-odbl", "odc-pddl", "ODbL-1.0", "PDDL-1.0", "ODC-By-1.0",
		"http://opendatacommons.org/licenses/odbl/1.0/", "https://opendatacommons.org/licenses/by/summary/",
		"http://opendatacommons.org/licenses/pddl/", "Open Data Commons Open Database License (ODbL)",
		"http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
		"https://spdx.org/licenses/CC-BY-4.0.html",
	}
	no := []string{
		"", "cc-nc", "cc-by-nc", "CC-BY-NC-4.0", "cc-by-nd", "CC-BY-NC-SA-4.0", "CC BY-NC-ND 4.0",
		"https://creativecommons.org/licenses/by-nc/4.0/", "https://creativecommons.org/licenses/by-nd/4.0/",
		"http://creativecommons.org/licenses/by-nc-sa/4.0/", "Creative Commons Attribution-NonCommercial",
		"Creative Commons Attribution-NoDerivatives 4.0", "other-closed", "notspecified", "other-open",
		"https://www.example.gov/terms", "http://opendatacommons.org/licenses/dbcl/1.0/", "GPL-3.0", "MIT",
	}
	for _, l := range yes {
		assert.True(t, openLicence(l), "%q should be open", l)
	}
	for _, l := range no {
		assert.False(t, openLicence(l), "%q should not be open", l)
	}
}

func TestCatalogFormatDetection(t *testing.T) {
	tests := []struct {
		name, text string
		format     string
		datasets   int
	}{
		{"data.json without conformsTo", `{"dataset": [{"identifier": "x", "title": "X"}]}`, catalogPOD, 1},
		{"data.json with POD @context", `{"@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld", "@type": "dcat:Catalog", "dataset": []}`, catalogPOD, 0},
		{"data.json with BOM", "\uFEFF{\"dataset\": [{\"identifier\": \"x\"}]}", catalogPOD, 1},
		{"JSON-LD top-level array (expanded)", `[
			{"@id": "http://ex.org/ds/1", "@type": ["http://www.w3.org/ns/dcat#Dataset"],
			 "http://purl.org/dc/terms/title": [{"@value": "T"}],
			 "http://purl.org/dc/terms/publisher": [{"@id": "http://ex.org/org"}]},
			{"@id": "http://ex.org/org", "http://xmlns.com/foaf/0.1/name": [{"@value": "Org"}]}]`, catalogDCAT, 1},
		{"JSON-LD catalog with nested datasets", `{"@context": {"dcat": "http://www.w3.org/ns/dcat#"}, "@type": "dcat:Catalog",
			"dcat:dataset": [{"@type": "dcat:Dataset", "dct:title": "A"}, {"@type": "dcat:Dataset", "dct:title": "B"}]}`, catalogDCAT, 2},
		{"JSON-LD aliases from @context", `{"@context": {"ds": "http://www.w3.org/ns/dcat#Dataset", "type": "@type", "id": "@id"},
			"@graph": [{"id": "http://ex.org/1", "type": "ds"}]}`, catalogDCAT, 1},
		{"JSON-LD empty catalog", `{"@context": {}, "@graph": [{"@id": "http://ex.org/c", "@type": "dcat:Catalog"}]}`, catalogDCAT, 0},
		{"JSON-LD one node, same @id twice", `{"@graph": [{"@id": "http://ex.org/1", "@type": "dcat:Dataset"},
			{"@id": "http://ex.org/1", "dct:title": "one"}]}`, catalogDCAT, 1},
		{"CKAN package_search", `{"success": true, "result": {"count": 1, "results": [{"name": "a"}]}}`, catalogCKAN, 1},
		{"CKAN list of packages", `{"success": true, "result": [{"name": "a", "resources": []}, {"name": "b"}]}`, catalogCKAN, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cf, errs := parseCatalogFile("f.json", []byte(tt.text), "")
			require.Empty(t, errs)
			assert.Equal(t, tt.format, cf.format)
			assert.Len(t, cf.datasets, tt.datasets)
		})
	}
	for _, fx := range []struct{ file, format string }{
		{"datajson.json", catalogPOD}, {"dcat.jsonld", catalogDCAT}, {"ckan.json", catalogCKAN},
	} {
		f := caFixture(t, fx.file)
		cf, errs := parseCatalogFile(f.Name, f.Data, "")
		require.Empty(t, errs, fx.file)
		assert.Equal(t, fx.format, cf.format, fx.file)
	}

	// The expanded array resolves its publisher by @id.
	got, _ := caCollect(t, caRequest("330000", caText("x.jsonld", tests[3].text)))
	assert.Equal(t, 1.0, got[2017]["publishers"].Value)
}

func TestCatalogBadFiles(t *testing.T) {
	const formats = "; fix: " + hintCatalogFormats
	tests := []struct {
		name string
		file EvidenceFile
		want string
	}{
		{"html", caFixture(t, "html.json"), "evidence/html.json:1: this is an HTML page, not a catalog; fix: " + hintCatalogHTML},
		{"csv", caFixture(t, "table.csv"), `evidence/table.csv:1: this looks like CSV (first line "identifier,title,publisher,format"), not a catalog` + formats},
		{"foo", caFixture(t, "foo.json"), `evidence/foo.json:1: a JSON object with keys "foo" is not a catalog` + formats},
		{"truncated", caFixture(t, "truncated.json"), "evidence/truncated.json:17:18: the JSON ends before it is complete (is the file cut short?); fix: " + hintCatalogTrunc},
		{"empty", caText("e.json", ""), "e.json:1: the file is empty" + formats},
		{"blank", caText("e.json", " \n\t\n"), "e.json:1: the file is empty" + formats},
		{"invalid JSON", caText("b.json", "{\n  \"dataset\": [\n    {\"identifier\": \"x\",}\n  ]\n}"),
			"b.json:3:24: invalid JSON: invalid character '}' looking for beginning of object key string; fix: " + hintCatalogJSON},
		{"invalid JSON, column in characters", caText("b.json", "{\"标题\": x}"), "b.json:1:8: invalid JSON: invalid character 'x' looking for beginning of value; fix: " + hintCatalogJSON},
		{"trailing text", caText("b.json", "{\"dataset\": []}\n{\"dataset\": []}"), "b.json:2:1: invalid JSON: invalid character '{' after top-level value; fix: " + hintCatalogJSON},
		{"XML", caText("c.rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>`), "c.rdf:1: this is XML, not JSON: DCAT in RDF/XML is not read; fix: " + hintCatalogXML},
		{"text", caText("t.txt", "hello world"), `t.txt:1: this is not JSON: it starts with "hello world"` + formats},
		{"zip", caText("c.zip", "PK\x03\x04rest"), "c.zip: this is a ZIP archive (or an XLSX workbook), not a catalog; fix: " + hintCatalogZip},
		{"UTF-16", caText("u.json", "\xff\xfe{\x00}\x00"), "u.json: the text is UTF-16, which is not read; fix: " + hintCatalogBinary},
		{"binary", caText("b.bin", "{\"a\x00\": 1}"), "b.bin:1: looks like a binary file (NUL byte at offset 3); fix: " + hintCatalogBinary},
		{"null", caText("n.json", "null"), `n.json:1: a single JSON value ("null") is not a catalog` + formats},
		{"array of numbers", caText("a.json", "[1, 2]"), "a.json:1: a JSON array with no JSON-LD nodes (objects with @id or @type) is not a catalog" + formats},
		{"CKAN error", caText("e.json", `{"success": false, "error": {"message": "Access denied", "__type": "Authorization Error"}}`),
			`e.json:1: the CKAN API reported an error: "Access denied"; fix: ` + hintCatalogCKAN},
		{"CKAN package_list", caText("l.json", `{"success": true, "result": ["a", "b"]}`), "l.json:1: this CKAN response lists package names only (package_list); fix: " + hintCatalogCKAN},
		{"CKAN without results", caText("l.json", `{"success": true, "result": {"count": 2}}`), "l.json:1: this CKAN response has no result.results list of packages; fix: " + hintCatalogCKAN},
		{"dataset not a list", caText("d.json", `{"dataset": "x"}`), `d.json:1: "dataset" must be a list of datasets; fix: ` + hintCatalogDataset},
		{"dataset not an object", caText("d.json", `{"dataset": [{"identifier": "a"}, 7]}`), "d.json: dataset #2 is not a JSON object; fix: " + hintCatalogDataset},
		{"JSON-LD without datasets", caText("g.jsonld", `{"@graph": [{"@id": "x", "@type": "foaf:Person"}, {"@type": "skos:Concept"}]}`),
			"g.jsonld:1: the JSON-LD document has no dcat:Dataset nodes (types found: Concept, Person); fix: " + hintCatalogLD},
		{"JSON-LD without types", caText("g.jsonld", `{"@context": {}, "@graph": [{"@id": "x", "name": "n"}]}`),
			"g.jsonld:1: the JSON-LD document has no typed nodes, so no dcat:Dataset; fix: " + hintCatalogLD},
	}
	c, _ := LookupCollector("catalog")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values, _, err := c.Collect(caRequest("330000", tt.file))
			require.Error(t, err)
			assert.Nil(t, values)
			assert.True(t, IsInputError(err))
			assert.Equal(t, tt.want, err.Error())
		})
	}

	// Every bad file of a source is reported, not only the first.
	_, _, err := c.Collect(caRequest("330000", caFixture(t, "html.json"), caFixture(t, "datajson.json"), caFixture(t, "foo.json")))
	var list ErrorList
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, 2)
}

func TestCatalogGB18030(t *testing.T) {
	// {"dataset": [{"identifier": "a", "publisher": {"name": "浙江"}}]} in GB18030.
	data := append([]byte(`{"dataset": [{"identifier": "a", "publisher": {"name": "`), 0xD5, 0xE3, 0xBD, 0xAD)
	data = append(data, []byte(`"}}]}`)...)
	got, _ := caCollect(t, caRequest("330000", EvidenceFile{Name: "g.json", Data: data}))
	assert.Equal(t, 1.0, got[2017]["publishers"].Value)
}

func TestCatalogRegion(t *testing.T) {
	src := `[index]
name = "t"
regions = "regions.csv"

[[dimension]]
id = "d"
name = "D"

[[indicator]]
id = "i"
dimension = "d"
name = "I"
source = "catalog.datasets"

[[source]]
collector = "catalog"
files = ["c.json"]

[[source]]
collector = "catalog"
region = "浙江"
files = ["c.json"]
`
	def, err := Parse("index.toml", []byte(src), nil)
	require.NoError(t, err)
	c, _ := LookupCollector("catalog")
	file := caFixture(t, "datajson.json")

	req := caRequest("", file)
	req.Def, req.Source, req.Index = def, def.Sources[0], 0
	_, _, err = c.Collect(req)
	require.Error(t, err)
	assert.Equal(t, "index.toml:15:1: a catalog source needs a region; fix: "+hintCatalogRegion, err.Error())

	req.Source, req.Index = def.Sources[1], 1
	_, _, err = c.Collect(req)
	require.Error(t, err)
	assert.Equal(t, `index.toml:21:1: unknown region "浙江"; fix: did you mean 330000 (浙江省)? Regions are matched by the exact code or name in regions.csv`, err.Error())
	ie := err.(ErrorList)[0]
	zh, hint := ie.Localized("zh")
	assert.Equal(t, `未知的地区 "浙江"`, zh)
	assert.Equal(t, "是否应为 330000（浙江省）？地区须与 regions.csv 中的代码或名称完全一致", hint)

	// By exact name or by code.
	for _, r := range []string{"浙江省", "330000"} {
		got, _ := caCollect(t, caRequest(r, file))
		assert.Equal(t, "330000", got[2017]["datasets"].Region)
	}

	// Region and file problems are reported together.
	req = caRequest("", caText("e.json", ""))
	_, _, err = c.Collect(req)
	require.Error(t, err)
	assert.Len(t, err.(ErrorList), 2)

	// No files at all.
	_, _, err = c.Collect(caRequest("330000"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the [[source]] entry names no catalog files")
}

func TestCatalogMessagesInChinese(t *testing.T) {
	c, _ := LookupCollector("catalog")
	_, _, err := c.Collect(caRequest("330000", caText("b.json", "{\"a\": x}")))
	require.Error(t, err)
	msg, hint := err.(ErrorList)[0].Localized("zh")
	assert.Equal(t, "JSON 格式有误：无效字符 'x'：此处应是一个值的开头", msg)
	assert.Equal(t, zhHints[hintCatalogJSON], hint)
	for _, f := range []EvidenceFile{caFixture(t, "html.json"), caFixture(t, "truncated.json"), caFixture(t, "foo.json")} {
		_, _, err := c.Collect(caRequest("330000", f))
		msg, hint := err.(ErrorList)[0].Localized("zh")
		assert.NotRegexp(t, "[a-z]{5,} [a-z]{3,}", strings.ReplaceAll(msg, `"foo"`, ""), f.Name)
		assert.NotEqual(t, "", hint)
		assert.NotContains(t, hint, "fix")
	}
}
