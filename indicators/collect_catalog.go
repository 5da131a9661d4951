package indicators

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The catalog collector reads the metadata an open-data portal publishes
// about its datasets and counts what a data-sharing index asks of it.
//
// # Formats
//
// A file's format is recognised from its content, never from its name:
//
//   - Project Open Data data.json (v1.1, with or without conformsTo): a
//     JSON object with a "dataset" list. This test comes before JSON-LD, so
//     a data.json that also carries POD's @context is still read as one.
//   - DCAT / DCAT-AP JSON-LD: a JSON object with "@graph", or with
//     "@context", "@type" or "@id", or a top-level array holding JSON-LD
//     nodes (objects with @-keys; the expanded form). Every node of the
//     document, at any depth (a dcat:Catalog's nested dcat:dataset
//     included), whose @type has the local name Dataset is a dataset —
//     "dcat:Dataset", "Dataset", "http://www.w3.org/ns/dcat#Dataset", an
//     array of types, or a term the @context maps to one. Properties are
//     matched by local name after the document's own @context aliases
//     are applied (dct:title, dcterms:title, the full IRI or a bare
//     "title" read alike); remote contexts are not fetched. Values may be
//     strings, {"@value": …}, {"@id": …} or arrays of those; an @id is
//     resolved to the node of that id anywhere in the document (publishers
//     and distributions by reference). Nodes that share an @id are one
//     node. A few schema.org names are read too (name, dateModified,
//     datePublished, encodingFormat, contentUrl, keywords). A document
//     with no Dataset nodes is accepted when it has a Catalog node (an
//     empty catalog), and rejected otherwise.
//   - CKAN package_search: {"success": true, "result": {"count": N,
//     "results": [packages]}}. A result that is itself a list of packages
//     (current_package_list_with_resources) is read too; an error response
//     (success false) and package_list (names only) are rejected. When a
//     source's CKAN files hold fewer packages than the largest count the
//     portal reported, a warning asks for the missing pages.
//
// Anything else is bad input naming the file, what was expected and what
// the file looks like: empty, an HTML page, XML (RDF/XML is not read), CSV,
// another JSON document (its keys listed), or invalid JSON at line:col.
// A UTF-8 BOM is dropped; non-UTF-8 text is decoded as GB18030 when it
// reads as such (or as the source's encoding says).
//
// # Datasets and dates
//
// A dataset's identifier is data.json identifier, DCAT dct:identifier
// (else its node @id), CKAN id (else name); evidence names it by
// identifier, CKAN name, or title. A dataset whose identifier was already
// seen — in the same file or in an earlier file of the same [[source]]
// entry (the files are pooled) — is counted once, with a warning.
//
// A dataset counts for a year when its first date — issued (data.json,
// DCAT dct:issued, CKAN metadata_created), or modified when it has no
// issued date — is no later than Cutoff(year). A dataset with no date at
// all counts for every year. Dates are RFC 3339, YYYY-MM-DD[THH:MM[:SS]]
// with or without a zone, YYYY-MM, YYYY, YYYY/MM/DD, RFC 1123, or Unix
// seconds or milliseconds (10 or 13 digits); an ISO 8601 interval uses
// its last date and a bare duration ("R/P1D") is no date. They are
// compared by the date and time as written (a zone offset is ignored), so
// a dataset modified on 31 December local time counts for that year. A
// date that cannot be read is ignored with a warning.
//
// # Measures (one value per requested year)
//
//   - datasets: the number of datasets counted.
//   - publishers: distinct publisher names (data.json publisher.name, DCAT
//     dct:publisher — its foaf:name / skos:prefLabel / rdfs:label, a
//     literal, or the @id when the node has no name — CKAN
//     organization.name), compared trimmed, with runs of spaces collapsed,
//     case-insensitively.
//   - machine_readable_share: percent (0–100) of the counted datasets with
//     at least one distribution in a machine-readable format. A format
//     (data.json format, DCAT dct:format, CKAN format) or media type
//     (mediaType, dcat:mediaType, mimetype) counts when it is, case
//     insensitively: CSV, TSV, JSON (also JSON Lines / NDJSON), GeoJSON,
//     XML (also KML and GML), RDF (RDF/XML, Turtle/TTL, JSON-LD,
//     N-Triples, N-Quads, N3, TriG), XLS, XLSX, ODS, or an API (API, REST,
//     Esri REST, SPARQL, OData, OGC WFS; a CKAN resource of type api or
//     with datastore_active; a DCAT distribution with dcat:accessService).
//     Media types: text/csv, text/tab-separated-values, application/json,
//     application/geo+json, application/ld+json, application/xml, text/xml,
//     application/rdf+xml, text/turtle, application/n-triples,
//     application/vnd.ms-excel, the OOXML spreadsheet and ODF spreadsheet
//     types, and any application/*+json or *+xml type except XHTML.
//     Format IRIs (EU file-type authority, IANA media-types URLs) are read
//     by their last part. OGC WMS / WMTS serve map images and do not
//     count; nor do PDF, DOC(X), HTML, plain text, images, ZIP, SHP. Only
//     when a distribution states neither format nor media type is the
//     extension of its download URL judged instead. Undefined (no value)
//     for a year with no datasets.
//   - open_license_share: percent (0–100) of the counted datasets under an
//     open licence: Creative Commons BY, BY-SA or CC0 (any version or
//     port, by URL, id such as cc-by, cc-by-sa, cc-zero, CC-BY-4.0, CC0-1.0,
//     or name), Open Data Commons ODC-BY, ODbL or PDDL (odc-by, odc-odbl,
//     odc-pddl, opendatacommons.org URLs, names), or CKAN isopen: true.
//     NonCommercial and NoDerivatives licences are not open. The licence
//     of the dataset counts, and for DCAT also one on any distribution
//     (DCAT-AP puts it there). Undefined for a year with no datasets.
//   - freshness_days: the median number of calendar days from a dataset's
//     modified date to the cutoff date, over the counted datasets with a
//     modified date no later than the cutoff (the mean of the two middle
//     values for an even count). Undefined when there is none.
//   - themes: distinct themes (data.json theme, DCAT dcat:theme — its IRI
//     or label — CKAN groups' names).
//   - keywords: distinct keywords (data.json keyword, DCAT dcat:keyword,
//     CKAN tags' names). Themes and keywords compare like publishers.
//
// Each value's evidence lists the datasets behind it as file#identifier:
// every counted dataset for datasets and the shares, those with a
// publisher, theme or keyword for those counts, those with a modified
// date by the cutoff for freshness_days.

// Measures of the catalog collector.
var catalogMeasures = []string{
	"datasets", "publishers", "machine_readable_share", "open_license_share",
	"freshness_days", "themes", "keywords",
}

func init() {
	RegisterCollector(Collector{Name: "catalog", Measures: catalogMeasures, Collect: collectCatalog})
}

// Hints of the catalog collector's messages.
const (
	hintCatalogFormats   = `give a Project Open Data data.json (an object with a "dataset" list), a DCAT JSON-LD document (@graph of dcat:Dataset nodes) or a CKAN package_search response ({"result": {"results": […]}})`
	hintCatalogHTML      = "save the portal's catalog, not its web page: /data.json, a DCAT JSON-LD export, or /api/3/action/package_search?rows=1000 on CKAN"
	hintCatalogXML       = "ask the portal for DCAT as JSON-LD, or convert the RDF/XML to JSON-LD (e.g. riot --output=jsonld catalog.rdf)"
	hintCatalogJSON      = "correct the JSON at this place (jq . FILE reports the same place), or download the catalog again"
	hintCatalogTrunc     = "download the catalog again: the file is incomplete"
	hintCatalogCKAN      = "save a successful response of /api/3/action/package_search"
	hintCatalogDataset   = `write "dataset": [{…}, {…}] with one object per dataset`
	hintCatalogLD        = `type each dataset node "@type": "dcat:Dataset" (or the IRI http://www.w3.org/ns/dcat#Dataset)`
	hintCatalogRegion    = `add region = "<code or name>" to the [[source]] entry: a catalog file does not say whose catalog it is`
	hintCatalogFiles     = `list the catalog files, e.g. files = ["evidence/catalog.json"]`
	hintCatalogZip       = "unzip it and name the JSON catalog file inside"
	hintCatalogBinary    = "give the catalog as JSON text (UTF-8)"
	hintCatalogNoRegions = "write region = \"<code>\" with a code or exact name from the regions file"
)

// catDataset is one dataset of a catalog, reduced to what the measures use.
type catDataset struct {
	file      string
	key       string // identifier for duplicate detection; "" when none
	id        string // shown in evidence
	issued    time.Time
	modified  time.Time
	publisher string // normalised; "" when none
	machine   bool
	open      bool
	keywords  []string // normalised, distinct
	themes    []string // normalised, distinct
}

// first is the date the dataset counts from: issued, else modified (zero
// when it has neither).
func (d *catDataset) first() time.Time {
	if !d.issued.IsZero() {
		return d.issued
	}
	return d.modified
}

// catFile is what one catalog file holds.
type catFile struct {
	format    string // "data.json", "DCAT JSON-LD" or "CKAN package_search"
	datasets  []*catDataset
	ckanCount int // the count a CKAN response reported; -1 when none
	badDates  int
	firstBad  string
}

// collectCatalog is the catalog collector's Collect.
func collectCatalog(req CollectRequest) ([]Collected, []string, error) {
	var errs ErrorList
	keyPos := func(key string) Pos {
		if req.Def == nil {
			return Pos{}
		}
		return req.Def.KeyPos("source", req.Index, key)
	}
	region := catalogRegion(req, keyPos, &errs)
	if len(req.Files) == 0 {
		errs = append(errs, Errorf(keyPos("files"), hintCatalogFiles, "the [[source]] entry names no catalog files"))
	}

	var warnings []string
	var all []*catDataset
	seen := map[string]*catDataset{}
	ckanMax, ckanHeld := -1, 0
	var ckanFiles []string
	ckanSeen := map[string]bool{} // packages of the CKAN files, for their count
	limit := LimitsSpec{}.CatalogBytes()
	if req.Def != nil {
		limit = req.Def.Limits.CatalogBytes()
	}
	for _, f := range req.Files {
		if n := int64(len(f.Data)); n > limit {
			// It would be decoded whole, at some 16 bytes a byte.
			errs = append(errs, Errorf(Pos{File: f.Name},
				fmt.Sprintf("split the catalog into files of at most %d MB (files = [ … ] takes several), or raise max_catalog_mb under [limits] in index.toml", limit/mib),
				"the catalog is %d bytes, over the limit of %d bytes for a catalog file (max_catalog_mb)", n, limit))
			continue
		}
		cf, ferrs := parseCatalogFile(f.Name, f.Data, req.Encoding)
		if len(ferrs) > 0 {
			errs = append(errs, ferrs...)
			continue
		}
		if cf.badDates > 0 {
			warnings = append(warnings, fmt.Sprintf("%s: %d %s could not be read and %s ignored (first: %s); write dates as YYYY-MM-DD or RFC 3339",
				f.Name, cf.badDates, pluralise(cf.badDates, "date", "dates"), pluralise(cf.badDates, "was", "were"), cf.firstBad))
		}
		var within []string
		withinN := map[string]int{}
		var across []string
		for _, d := range cf.datasets {
			if cf.format == catalogCKAN && (d.key == "" || !ckanSeen[d.key]) {
				ckanSeen[d.key] = d.key != ""
				ckanHeld++
			}
			if d.key != "" {
				if prev, dup := seen[d.key]; dup {
					if prev.file == d.file {
						if withinN[d.key] == 0 {
							within = append(within, d.key)
							withinN[d.key] = 1
						}
						withinN[d.key]++
					} else {
						across = append(across, fmt.Sprintf("%q (also in %s)", d.key, prev.file))
					}
					continue
				}
				seen[d.key] = d
			}
			all = append(all, d)
		}
		if len(within) > 0 {
			parts := make([]string, len(within))
			for i, k := range within {
				parts[i] = fmt.Sprintf("%q (%d times)", k, withinN[k])
			}
			warnings = append(warnings, fmt.Sprintf("%s: %d dataset %s more than once, each counted once: %s",
				f.Name, len(within), pluralise(len(within), "identifier appears", "identifiers appear"), listFirst(parts, 5)))
		}
		if len(across) > 0 {
			warnings = append(warnings, fmt.Sprintf("%s: %d %s already in an earlier file of this source, counted once: %s",
				f.Name, len(across), pluralise(len(across), "dataset is", "datasets are"), listFirst(across, 5)))
		}
		if cf.format == catalogCKAN {
			ckanFiles = append(ckanFiles, f.Name)
			ckanMax = max(ckanMax, cf.ckanCount)
		}
	}
	if len(ckanFiles) > 0 && ckanMax > ckanHeld {
		warnings = append(warnings, fmt.Sprintf("%s: %s %d of the %d datasets the portal reported (count); add the other pages (package_search?start=…&rows=…) to the files of this source",
			strings.Join(ckanFiles, ", "), pluralise(len(ckanFiles), "the CKAN response holds", "the CKAN responses hold"), ckanHeld, ckanMax))
	}
	if len(errs) > 0 {
		return nil, warnings, errs
	}
	return catalogValues(region.Code, all, req), warnings, nil
}

// catalogRegion resolves the [[source]] entry's region; errors are added
// to errs and a placeholder region returned.
func catalogRegion(req CollectRequest, keyPos func(string) Pos, errs *ErrorList) *Region {
	name := ""
	if req.Source != nil {
		name = strings.TrimSpace(req.Source.Region)
	}
	if name == "" {
		*errs = append(*errs, Errorf(keyPos("region"), hintCatalogRegion, "a catalog source needs a region"))
		return &Region{}
	}
	if req.Regions != nil {
		if r, ok := req.Regions.Lookup(name); ok {
			return r
		}
		*errs = append(*errs, Errorf(keyPos("region"), regionHint(req.Regions, name), "unknown region %s", quoteCell(name)))
		return &Region{}
	}
	*errs = append(*errs, Errorf(keyPos("region"), hintCatalogNoRegions, "unknown region %s", quoteCell(name)))
	return &Region{}
}

// catalogValues computes every measure for every year.
func catalogValues(region string, all []*catDataset, req CollectRequest) []Collected {
	cutoff := req.Cutoff
	if cutoff == nil {
		cutoff = func(y int) time.Time { return time.Date(y, 12, 31, 23, 59, 59, 999999999, time.UTC) }
	}
	var out []Collected
	for _, year := range req.Years {
		cut := wallClock(cutoff(year))
		var counted []*catDataset
		for _, d := range all {
			if f := d.first(); f.IsZero() || !f.After(cut) {
				counted = append(counted, d)
			}
		}
		emit := func(measure string, v float64, ds []*catDataset) {
			ev := make([]Evidence, len(ds))
			for i, d := range ds {
				ev[i] = Evidence{File: d.file, ID: d.id}
			}
			out = append(out, Collected{Region: region, Year: year, Measure: measure, Value: v, Evidence: ev})
		}
		distinct := func(get func(*catDataset) []string) (float64, []*catDataset) {
			set := map[string]bool{}
			var with []*catDataset
			for _, d := range counted {
				vals := get(d)
				for _, v := range vals {
					set[v] = true
				}
				if len(vals) > 0 {
					with = append(with, d)
				}
			}
			return float64(len(set)), with
		}
		share := func(pred func(*catDataset) bool) float64 {
			n := 0
			for _, d := range counted {
				if pred(d) {
					n++
				}
			}
			return 100 * float64(n) / float64(len(counted))
		}

		emit("datasets", float64(len(counted)), counted)
		n, with := distinct(func(d *catDataset) []string {
			if d.publisher == "" {
				return nil
			}
			return []string{d.publisher}
		})
		emit("publishers", n, with)
		if len(counted) > 0 {
			emit("machine_readable_share", share(func(d *catDataset) bool { return d.machine }), counted)
			emit("open_license_share", share(func(d *catDataset) bool { return d.open }), counted)
		}
		var days []float64
		var fresh []*catDataset
		cutDay := civilDay(cut)
		for _, d := range counted {
			if !d.modified.IsZero() && !d.modified.After(cut) {
				days = append(days, float64(cutDay-civilDay(d.modified)))
				fresh = append(fresh, d)
			}
		}
		if len(days) > 0 {
			emit("freshness_days", median(days), fresh)
		}
		n, with = distinct(func(d *catDataset) []string { return d.themes })
		emit("themes", n, with)
		n, with = distinct(func(d *catDataset) []string { return d.keywords })
		emit("keywords", n, with)
	}
	return out
}

// median of xs (sorted in place); the mean of the middle two for an even
// count.
func median(xs []float64) float64 {
	sort.Float64s(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// wallClock keeps t's date and time as written and drops its zone.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// civilDay numbers the calendar day of a wall-clock time.
func civilDay(t time.Time) int64 {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// Catalog formats.
const (
	catalogPOD  = "data.json"
	catalogDCAT = "DCAT JSON-LD"
	catalogCKAN = "CKAN package_search"
)

// parseCatalogFile recognises a catalog file's format and reads its
// datasets.
func parseCatalogFile(file string, data []byte, encoding string) (*catFile, ErrorList) {
	at := func(e *InputError) ErrorList {
		e.Pos.File = file
		return ErrorList{e}
	}
	switch {
	case bytes.HasPrefix(data, sigZip):
		return nil, at(Errorf(Pos{}, hintCatalogZip, "this is a ZIP archive (or an XLSX workbook), not a catalog"))
	case bytes.HasPrefix(data, sigOLE2):
		return nil, at(Errorf(Pos{}, hintCatalogBinary, "this is an old Office file (.xls or .doc), not a catalog"))
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE), looksUTF16(data[:min(len(data), binarySniffLen)]):
		return nil, at(Errorf(Pos{}, hintCatalogBinary, "the text is UTF-16, which is not read"))
	}
	if i := bytes.IndexByte(data[:min(len(data), binarySniffLen)], 0); i >= 0 {
		return nil, at(Errorf(Pos{Line: byteLine(data, i)}, hintCatalogBinary, "looks like a binary file (NUL byte at offset %d)", i))
	}
	text, derr := decodeText(data, encoding)
	if derr != nil {
		return nil, at(derr)
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if errs := bidiTextErrors(file, text); len(errs) > 0 {
		return nil, errs
	}
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return nil, at(Errorf(Pos{Line: 1}, hintCatalogFormats, "the file is empty"))
	}
	if trimmed[0] == '<' {
		head := strings.ToLower(trimmed[:min(len(trimmed), 2048)])
		if strings.Contains(head, "<!doctype html") || strings.Contains(head, "<html") {
			return nil, at(Errorf(Pos{Line: 1}, hintCatalogHTML, "this is an HTML page, not a catalog"))
		}
		return nil, at(Errorf(Pos{Line: 1}, hintCatalogXML, "this is XML, not JSON: DCAT in RDF/XML is not read"))
	}
	if err := json.Unmarshal([]byte(text), new(json.RawMessage)); err != nil {
		return nil, at(jsonSyntaxError(text, trimmed, err))
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		// Unreachable after the check above, but not worth a panic.
		return nil, at(Errorf(Pos{}, hintCatalogJSON, "invalid JSON: %s", err.Error()))
	}
	cf := &catFile{ckanCount: -1}
	var errs ErrorList
	switch x := v.(type) {
	case map[string]any:
		_, graph := x["@graph"]
		switch {
		case graph:
			errs = cf.readLD(file, x)
		case x["dataset"] != nil:
			errs = cf.readPOD(file, x)
		case x["result"] != nil || x["success"] != nil:
			errs = cf.readCKAN(file, x)
		case x["@context"] != nil || x["@type"] != nil || x["@id"] != nil:
			errs = cf.readLD(file, x)
		default:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, strconv.Quote(k))
			}
			sort.Strings(keys)
			if len(keys) == 0 {
				keys = []string{"(none)"}
			}
			errs = ErrorList{Errorf(Pos{Line: 1}, hintCatalogFormats, "a JSON object with keys %s is not a catalog", listFirst(keys, 8))}
		}
	case []any:
		if !slices.ContainsFunc(x, isLDNode) {
			errs = ErrorList{Errorf(Pos{Line: 1}, hintCatalogFormats, "a JSON array with no JSON-LD nodes (objects with @id or @type) is not a catalog")}
		} else {
			errs = cf.readLD(file, x)
		}
	default:
		errs = ErrorList{Errorf(Pos{Line: 1}, hintCatalogFormats, "a single JSON value (%s) is not a catalog", quoteCell(trimmed))}
	}
	for _, e := range errs {
		e.Pos.File = file
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return cf, nil
}

// isLDNode tells whether v is an object with a JSON-LD keyword key.
func isLDNode(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	for k := range m {
		if strings.HasPrefix(k, "@") {
			return true
		}
	}
	return false
}

// jsonSyntaxError describes a file that is not valid JSON: at the
// position of the error when it looks like JSON, by what it looks like
// otherwise.
func jsonSyntaxError(text, trimmed string, err error) *InputError {
	if c := trimmed[0]; c != '{' && c != '[' && c != '"' {
		line, _, _ := strings.Cut(trimmed, "\n")
		line = strings.TrimRight(line, "\r")
		if strings.ContainsAny(line, ",\t;") {
			return Errorf(Pos{Line: 1}, hintCatalogFormats, "this looks like CSV (first line %s), not a catalog", quoteCell(line))
		}
		return Errorf(Pos{Line: 1}, hintCatalogFormats, "this is not JSON: it starts with %s", quoteCell(string([]rune(line)[:min(utf8.RuneCountInString(line), 20)])))
	}
	se, ok := err.(*json.SyntaxError)
	if !ok {
		return Errorf(Pos{}, hintCatalogJSON, "invalid JSON: %s", err.Error())
	}
	if strings.HasPrefix(se.Error(), "unexpected end of JSON input") {
		end := len(strings.TrimRightFunc(text, unicode.IsSpace))
		return Errorf(textPos(text, max(end-1, 0)), hintCatalogTrunc, "the JSON ends before it is complete (is the file cut short?)")
	}
	return Errorf(textPos(text, max(int(se.Offset)-1, 0)), hintCatalogJSON, "invalid JSON: %s", se.Error())
}

// textPos is the line and column (in characters) of byte offset off.
func textPos(text string, off int) Pos {
	off = min(off, len(text))
	start := strings.LastIndexByte(text[:off], '\n') + 1
	return Pos{Line: 1 + strings.Count(text[:off], "\n"), Col: 1 + utf8.RuneCountInString(text[start:off])}
}

// --- data.json (Project Open Data v1.1) ---

func (cf *catFile) readPOD(file string, obj map[string]any) ErrorList {
	cf.format = catalogPOD
	list, ok := obj["dataset"].([]any)
	if !ok {
		return ErrorList{Errorf(Pos{Line: 1}, hintCatalogDataset, `"dataset" must be a list of datasets`)}
	}
	var errs ErrorList
	for i, raw := range list {
		m, ok := raw.(map[string]any)
		if !ok {
			errs = append(errs, Errorf(Pos{}, hintCatalogDataset, "dataset #%d is not a JSON object", i+1))
			continue
		}
		d := &catDataset{file: file, key: jsText(m["identifier"])}
		d.id = firstNonEmpty(d.key, jsText(m["title"]), fmt.Sprintf("#%d", i+1))
		d.issued = cf.date(d.id, "issued", m["issued"])
		d.modified = cf.date(d.id, "modified", m["modified"])
		switch p := m["publisher"].(type) {
		case map[string]any:
			d.publisher = normName(jsText(p["name"]))
		default:
			d.publisher = normName(jsText(p))
		}
		for _, x := range jsList(m["distribution"]) {
			dm, ok := x.(map[string]any)
			if !ok {
				continue
			}
			formats := append(jsTexts(dm["format"]), jsTexts(dm["mediaType"])...)
			if distMachineReadable(formats, jsTexts(dm["downloadURL"]), false) {
				d.machine = true
			}
		}
		d.open = anyOpenLicence(jsTexts(m["license"]))
		d.keywords = normSet(jsTexts(m["keyword"]))
		d.themes = normSet(jsTexts(m["theme"]))
		cf.datasets = append(cf.datasets, d)
	}
	return errs
}

// --- CKAN package_search ---

func (cf *catFile) readCKAN(file string, obj map[string]any) ErrorList {
	cf.format = catalogCKAN
	if b, ok := obj["success"].(bool); ok && !b {
		msg := "no message"
		if e, ok := obj["error"].(map[string]any); ok {
			msg = firstNonEmpty(jsText(e["message"]), jsText(e["__type"]), msg)
		} else if s := jsText(obj["error"]); s != "" {
			msg = s
		}
		return ErrorList{Errorf(Pos{Line: 1}, hintCatalogCKAN, "the CKAN API reported an error: %s", quoteCell(msg))}
	}
	var packages []any
	switch r := obj["result"].(type) {
	case map[string]any:
		list, ok := r["results"].([]any)
		if !ok {
			return ErrorList{Errorf(Pos{Line: 1}, hintCatalogCKAN, "this CKAN response has no result.results list of packages")}
		}
		packages = list
		if n, err := strconv.Atoi(jsText(r["count"])); err == nil {
			cf.ckanCount = n
		}
	case []any:
		if len(r) > 0 && !slices.ContainsFunc(r, func(x any) bool { _, ok := x.(map[string]any); return ok }) {
			return ErrorList{Errorf(Pos{Line: 1}, hintCatalogCKAN, "this CKAN response lists package names only (package_list)")}
		}
		packages = r
	default:
		return ErrorList{Errorf(Pos{Line: 1}, hintCatalogCKAN, "this CKAN response has no result.results list of packages")}
	}
	var errs ErrorList
	for i, raw := range packages {
		p, ok := raw.(map[string]any)
		if !ok {
			errs = append(errs, Errorf(Pos{}, hintCatalogCKAN, "dataset #%d is not a JSON object", i+1))
			continue
		}
		name, id := jsText(p["name"]), jsText(p["id"])
		d := &catDataset{file: file, key: firstNonEmpty(id, name)}
		d.id = firstNonEmpty(name, id, jsText(p["title"]), fmt.Sprintf("#%d", i+1))
		d.issued = cf.date(d.id, "metadata_created", p["metadata_created"])
		d.modified = cf.date(d.id, "metadata_modified", p["metadata_modified"])
		if org, ok := p["organization"].(map[string]any); ok {
			d.publisher = normName(firstNonEmpty(jsText(org["name"]), jsText(org["title"])))
		}
		for _, x := range jsList(p["resources"]) {
			r, ok := x.(map[string]any)
			if !ok {
				continue
			}
			api := strings.EqualFold(jsText(r["resource_type"]), "api") || jsText(r["datastore_active"]) == "true"
			formats := append(jsTexts(r["format"]), jsTexts(r["mimetype"])...)
			if distMachineReadable(formats, jsTexts(r["url"]), api) {
				d.machine = true
			}
		}
		d.open = strings.EqualFold(jsText(p["isopen"]), "true") ||
			anyOpenLicence([]string{jsText(p["license_id"]), jsText(p["license_url"]), jsText(p["license_title"])})
		d.keywords = normSet(ckanNames(p["tags"]))
		d.themes = normSet(ckanNames(p["groups"]))
		cf.datasets = append(cf.datasets, d)
	}
	return errs
}

// ckanNames lists the names of CKAN tags or groups (objects with name,
// display_name or title; or plain strings).
func ckanNames(v any) []string {
	var out []string
	for _, x := range jsList(v) {
		if m, ok := x.(map[string]any); ok {
			out = append(out, firstNonEmpty(jsText(m["name"]), jsText(m["display_name"]), jsText(m["title"])))
		} else {
			out = append(out, jsText(x))
		}
	}
	return out
}

// --- DCAT JSON-LD ---

// ldNode is a JSON-LD node object with its properties keyed by the
// lower-case local name of their (alias-resolved) IRI.
type ldNode struct {
	id    string
	types []string // local names
	props map[string][]any
}

func (n *ldNode) is(local string) bool {
	for _, t := range n.types {
		if strings.EqualFold(t, local) {
			return true
		}
	}
	return false
}

// ldDoc is a JSON-LD document read for its datasets.
type ldDoc struct {
	terms    map[string]string // @context aliases: term → IRI, compact IRI or keyword
	nodes    map[string]*ldNode
	datasets []*ldNode
	isDS     map[*ldNode]bool
	types    map[string]bool
	catalog  bool
}

func (cf *catFile) readLD(file string, v any) ErrorList {
	cf.format = catalogDCAT
	doc := &ldDoc{terms: map[string]string{}, nodes: map[string]*ldNode{}, isDS: map[*ldNode]bool{}, types: map[string]bool{}}
	doc.contexts(v)
	doc.walk(v)
	if len(doc.datasets) == 0 && !doc.catalog {
		if len(doc.types) == 0 {
			return ErrorList{Errorf(Pos{Line: 1}, hintCatalogLD, "the JSON-LD document has no typed nodes, so no dcat:Dataset")}
		}
		types := make([]string, 0, len(doc.types))
		for t := range doc.types {
			types = append(types, t)
		}
		sort.Strings(types)
		return ErrorList{Errorf(Pos{Line: 1}, hintCatalogLD, "the JSON-LD document has no dcat:Dataset nodes (types found: %s)", listFirst(types, 8))}
	}
	for i, n := range doc.datasets {
		d := &catDataset{file: file}
		d.key = firstNonEmpty(doc.texts(n.props["identifier"])...)
		if d.key == "" && !strings.HasPrefix(n.id, "_:") {
			d.key = n.id
		}
		title := firstNonEmpty(doc.texts(n.props["title"])...)
		if title == "" {
			title = firstNonEmpty(doc.texts(n.props["name"])...)
		}
		d.id = firstNonEmpty(d.key, n.id, title, fmt.Sprintf("#%d", i+1))
		d.issued = cf.date(d.id, "issued", firstOf(n.props, "issued", "created", "datepublished", "datecreated"))
		d.modified = cf.date(d.id, "modified", firstOf(n.props, "modified", "datemodified"))
		d.publisher = normName(doc.name(n.props["publisher"]))
		licences := doc.allTexts(n.props["license"])
		for _, x := range firstOf(n.props, "distribution") {
			dist := doc.resolve(x)
			if dist == nil {
				continue
			}
			var formats []string
			for _, k := range []string{"format", "mediatype", "encodingformat"} {
				formats = append(formats, doc.allTexts(dist.props[k])...)
			}
			urls := append(doc.texts(dist.props["downloadurl"]), doc.texts(dist.props["contenturl"])...)
			if distMachineReadable(formats, urls, len(dist.props["accessservice"]) > 0) {
				d.machine = true
			}
			licences = append(licences, doc.allTexts(dist.props["license"])...)
		}
		d.open = anyOpenLicence(licences)
		d.keywords = normSet(append(doc.texts(n.props["keyword"]), doc.texts(n.props["keywords"])...))
		var themes []string
		for _, x := range n.props["theme"] {
			if t := doc.allTexts(x); len(t) > 0 {
				themes = append(themes, t[0])
			}
		}
		d.themes = normSet(themes)
		cf.datasets = append(cf.datasets, d)
	}
	return nil
}

// firstOf returns the values of the first of the properties that has any.
func firstOf(props map[string][]any, keys ...string) []any {
	for _, k := range keys {
		if v := props[k]; len(v) > 0 {
			return v
		}
	}
	return nil
}

// contexts gathers the aliases of every @context in the document (a
// simplification of JSON-LD scoping: the terms apply everywhere).
func (doc *ldDoc) contexts(v any) {
	switch x := v.(type) {
	case []any:
		for _, y := range x {
			doc.contexts(y)
		}
	case map[string]any:
		if c, ok := x["@context"]; ok {
			doc.readContext(c)
		}
		for k, y := range x {
			if k != "@context" {
				doc.contexts(y)
			}
		}
	}
}

func (doc *ldDoc) readContext(c any) {
	switch x := c.(type) {
	case []any:
		for _, y := range x {
			doc.readContext(y)
		}
	case map[string]any:
		for k, v := range x {
			if strings.HasPrefix(k, "@") {
				continue
			}
			switch t := v.(type) {
			case string:
				doc.terms[k] = t
			case map[string]any:
				if id, ok := t["@id"].(string); ok {
					doc.terms[k] = id
				}
			}
		}
	}
}

// key is the lower-case local name of a property (or the keyword it
// aliases).
func (doc *ldDoc) key(k string) string {
	if !strings.HasPrefix(k, "@") {
		if t, ok := doc.terms[k]; ok {
			k = t
		}
	}
	if strings.HasPrefix(k, "@") {
		return k
	}
	return strings.ToLower(localName(k))
}

// localName is the part of an IRI or compact IRI after its namespace.
func localName(s string) string {
	s = strings.TrimRight(s, "/#")
	if i := strings.LastIndexAny(s, "#/"); i >= 0 {
		return s[i+1:]
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// parse reads a node object (without indexing it); nil for a value object
// or a bare reference.
func (doc *ldDoc) parse(m map[string]any) *ldNode {
	n := &ldNode{props: map[string][]any{}}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := m[k]
		switch kk := doc.key(k); kk {
		case "@value", "@list", "@set":
			return nil
		case "@id":
			n.id = jsText(v)
		case "@type":
			for _, t := range jsTexts(v) {
				if a, ok := doc.terms[t]; ok {
					t = a
				}
				n.types = append(n.types, localName(t))
			}
		default:
			if !strings.HasPrefix(kk, "@") {
				n.props[kk] = append(n.props[kk], jsList(v)...)
			}
		}
	}
	if len(n.props) == 0 && len(n.types) == 0 {
		return nil // a reference such as {"@id": "…"}
	}
	return n
}

// walk indexes every node of the document and collects the datasets.
func (doc *ldDoc) walk(v any) {
	switch x := v.(type) {
	case []any:
		for _, y := range x {
			doc.walk(y)
		}
	case map[string]any:
		if n := doc.parse(x); n != nil {
			for _, t := range n.types {
				doc.types[t] = true
			}
			if n.is("Catalog") {
				doc.catalog = true
			}
			canon := n
			if n.id != "" {
				if old, ok := doc.nodes[n.id]; ok {
					for k, vs := range n.props {
						old.props[k] = append(old.props[k], vs...)
					}
					old.types = append(old.types, n.types...)
					canon = old
				} else {
					doc.nodes[n.id] = n
				}
			}
			if canon.is("Dataset") && !doc.isDS[canon] {
				doc.isDS[canon] = true
				doc.datasets = append(doc.datasets, canon)
			}
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k != "@context" {
				doc.walk(x[k])
			}
		}
	}
}

// resolve returns the node a value stands for: an embedded node, or the
// node of an @id reference (a {"@id": …} object or an IRI string);
// nil when there is none.
func (doc *ldDoc) resolve(v any) *ldNode {
	switch x := v.(type) {
	case string:
		return doc.nodes[x]
	case map[string]any:
		if _, ok := x["@value"]; ok {
			return nil
		}
		id := ""
		for k, y := range x {
			if doc.key(k) == "@id" {
				id = jsText(y)
			}
		}
		if n, ok := doc.nodes[id]; ok && id != "" {
			return n
		}
		return doc.parse(x)
	}
	return nil
}

// texts lists the literal strings of values: strings, numbers, @value
// objects and the @id of references (not embedded nodes).
func (doc *ldDoc) texts(vs []any) []string {
	var out []string
	for _, v := range vs {
		switch x := v.(type) {
		case map[string]any:
			for k, y := range x {
				switch doc.key(k) {
				case "@value":
					out = append(out, doc.texts(jsList(y))...)
				case "@id":
					if len(x) == 1 {
						out = append(out, jsText(y))
					}
				}
			}
		case []any:
			out = append(out, doc.texts(x)...)
		default:
			if s := jsText(x); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// labelKeys are the properties that name a node, in order of preference.
var labelKeys = []string{"name", "preflabel", "label", "fn", "legalname", "title", "identifier", "notation"}

// allTexts lists what values say: literals, and for nodes their @id and
// labels.
func (doc *ldDoc) allTexts(v any) []string {
	var out []string
	for _, x := range jsList(v) {
		if n := doc.resolve(x); n != nil {
			if n.id != "" && !strings.HasPrefix(n.id, "_:") {
				out = append(out, n.id)
			}
			for _, k := range labelKeys {
				out = append(out, doc.texts(n.props[k])...)
			}
			continue
		}
		out = append(out, doc.texts([]any{x})...)
	}
	return out
}

// name returns the name of the first value that has one: a node's name or
// label (its @id when it has none), or a literal.
func (doc *ldDoc) name(vs []any) string {
	for _, v := range vs {
		if n := doc.resolve(v); n != nil {
			for _, k := range labelKeys[:6] {
				if s := firstNonEmpty(doc.texts(n.props[k])...); s != "" {
					return s
				}
			}
			if n.id != "" {
				return n.id
			}
			continue
		}
		if s := firstNonEmpty(doc.texts([]any{v})...); s != "" {
			return s
		}
	}
	return ""
}

// --- values ---

// jsList turns a value into a list: arrays as they are, null into none,
// anything else into a list of one.
func jsList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// jsText is the text of a scalar (or of an @value object), trimmed; ""
// for anything else.
func jsText(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case map[string]any:
		if y, ok := x["@value"]; ok {
			return jsText(y)
		}
	}
	return ""
}

// jsTexts lists the non-empty texts of a value or list of values.
func jsTexts(v any) []string {
	var out []string
	for _, x := range jsList(v) {
		if s := jsText(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// normName is a name as compared: trimmed, inner spaces collapsed, lower
// case.
func normName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// normSet normalises names and drops empty and repeated ones.
func normSet(ss []string) []string {
	var out []string
	for _, s := range ss {
		if n := normName(s); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// date reads a dataset's date; a date that cannot be read is counted for
// the file's warning and ignored.
func (cf *catFile) date(id, field string, v any) time.Time {
	vals := jsList(v)
	for _, x := range vals {
		s := jsText(x)
		if s == "" {
			continue
		}
		t, ok := parseCatalogDate(s)
		if !ok {
			if cf.badDates == 0 {
				cf.firstBad = fmt.Sprintf("dataset %s, %s %s", quoteCell(id), field, quoteCell(s))
			}
			cf.badDates++
			return time.Time{}
		}
		return t
	}
	return time.Time{}
}

var catalogDateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006-01",
	"2006",
	"2006/1/2 15:04:05",
	"2006/1/2",
	"2006年1月2日",
	time.RFC1123Z,
	time.RFC1123,
}

// parseCatalogDate reads a date as wall-clock time; ok is false when s is
// not a date (a bare ISO 8601 duration is no date, but ok).
func parseCatalogDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, ok := parseOneDate(s); ok {
		return t, true
	}
	if strings.Contains(s, "/") {
		// An ISO 8601 interval or repeating interval: its last date.
		var last time.Time
		for _, p := range strings.Split(s, "/") {
			if t, ok := parseOneDate(p); ok && t.After(last) {
				last = t
			}
		}
		if !last.IsZero() {
			return last, true
		}
		return time.Time{}, isDurationOnly(s)
	}
	return time.Time{}, isDurationOnly(s)
}

// isDurationOnly tells an ISO 8601 duration or repeating duration with no
// date ("P1D", "R/P1Y").
func isDurationOnly(s string) bool {
	for _, p := range strings.Split(s, "/") {
		if p == "" || !(p[0] == 'P' || p[0] == 'R') {
			return false
		}
	}
	return s != ""
}

func parseOneDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 10 || len(s) == 13 {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
			if len(s) == 13 {
				return time.UnixMilli(n).UTC(), true
			}
			return time.Unix(n, 0).UTC(), true
		}
	}
	for _, l := range catalogDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1000 {
				return time.Time{}, false
			}
			return wallClock(t), true
		}
	}
	return time.Time{}, false
}

// --- formats ---

// distMachineReadable judges a distribution by its formats and media
// types, or, when it states none, by the extension of its download URL.
func distMachineReadable(formats, urls []string, api bool) bool {
	if api {
		return true
	}
	stated := false
	for _, f := range formats {
		if strings.TrimSpace(f) == "" {
			continue
		}
		stated = true
		if formatMachineReadable(f) {
			return true
		}
	}
	if stated {
		return false
	}
	for _, u := range urls {
		p, err := url.Parse(strings.TrimSpace(u))
		if err != nil {
			continue
		}
		if ext := strings.TrimPrefix(path.Ext(p.Path), "."); ext != "" && formatMachineReadable(ext) {
			return true
		}
	}
	return false
}

// machineNames are format names (whole or as a word of the format) that
// count as machine-readable.
var machineNames = map[string]bool{
	"csv": true, "tsv": true, "tab": true, "json": true, "geojson": true, "jsonld": true, "json-ld": true,
	"ndjson": true, "jsonl": true, "xml": true, "kml": true, "gml": true, "rdf": true, "rdf/xml": true,
	"rdfxml": true, "ttl": true, "turtle": true, "n-triples": true, "ntriples": true, "nt": true, "n3": true,
	"nq": true, "n-quads": true, "nquads": true, "trig": true, "xls": true, "xlsx": true, "ods": true,
	"api": true, "rest": true, "sparql": true, "odata": true, "wfs": true,
}

// machineSubtypes are media subtypes that count as machine-readable.
var machineSubtypes = map[string]bool{
	"csv": true, "x-csv": true, "comma-separated-values": true, "tab-separated-values": true,
	"json": true, "x-json": true, "ndjson": true, "x-ndjson": true, "jsonl": true, "jsonlines": true, "x-jsonlines": true,
	"xml": true, "turtle": true, "n-triples": true, "n-quads": true, "trig": true, "n3": true,
	"vnd.ms-excel": true, "vnd.openxmlformats-officedocument.spreadsheetml.sheet": true,
	"vnd.oasis.opendocument.spreadsheet": true,
}

// formatMachineReadable judges one format name, media type or format IRI.
func formatMachineReadable(f string) bool {
	s := strings.ToLower(strings.TrimSpace(f))
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		if i := strings.Index(s, "/media-types/"); i >= 0 {
			s = s[i+len("/media-types/"):]
		} else {
			s = localName(s)
		}
	}
	s = strings.TrimPrefix(s, ".")
	if machineNames[s] {
		return true
	}
	if typ, sub, ok := strings.Cut(s, "/"); ok && isMediaType(typ) {
		switch {
		case typ == "image" || typ == "audio" || typ == "video" || typ == "font":
			return false
		case machineSubtypes[sub]:
			return true
		case sub == "xhtml+xml":
			return false
		}
		return strings.HasSuffix(sub, "+json") || strings.HasSuffix(sub, "+xml")
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if machineNames[w] {
			return true
		}
	}
	return false
}

func isMediaType(typ string) bool {
	switch typ {
	case "application", "text", "image", "audio", "video", "model", "multipart", "font", "message":
		return true
	}
	return false
}

// --- licences ---

func anyOpenLicence(ls []string) bool {
	return slices.ContainsFunc(ls, openLicence)
}

// openIDs are licence ids (words joined by "-", versions and ports
// dropped) that are open.
var openIDs = map[string]bool{
	"cc-by": true, "ccby": true, "cc-by-sa": true, "cc-bysa": true, "ccbysa": true, "cc0": true, "cc-0": true, "cc-zero": true,
	"cczero": true, "cc-cczero": true, "odc-by": true, "odcby": true, "odc-odbl": true, "odbl": true, "odc-pddl": true, "pddl": true,
}

// licenceNoise are words of a licence id or name that say nothing about
// its terms.
var licenceNoise = map[string]bool{
	"international": true, "intl": true, "igo": true, "unported": true, "generic": true,
	"license": true, "licence": true, "v": true, "version": true, "legalcode": true,
	"html": true, "htm": true, "txt": true, "json": true, // a URL's file extension
}

// openLicence tells whether a licence URL, id or name is one of the open
// licences (see the package comment of the catalog collector).
func openLicence(l string) bool {
	s := strings.ToLower(strings.TrimSpace(l))
	if s == "" {
		return false
	}
	for _, closed := range []string{"noncommercial", "non-commercial", "non commercial", "noderiv", "no derivative", "no-deriv"} {
		if strings.Contains(s, closed) {
			return false
		}
	}
	if i := strings.Index(s, "creativecommons.org/"); i >= 0 {
		rest := strings.Trim(s[i+len("creativecommons.org/"):], "/")
		parts := strings.Split(rest, "/")
		if len(parts) >= 2 && parts[0] == "licenses" {
			return parts[1] == "by" || parts[1] == "by-sa"
		}
		return len(parts) >= 2 && parts[0] == "publicdomain" && parts[1] == "zero"
	}
	if i := strings.Index(s, "opendatacommons.org/"); i >= 0 {
		parts := strings.Split(strings.Trim(s[i+len("opendatacommons.org/"):], "/"), "/")
		if len(parts) >= 2 && parts[0] == "licenses" {
			return parts[1] == "by" || parts[1] == "odbl" || parts[1] == "pddl"
		}
		return false
	}
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		s = localName(s)
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var kept []string
	afterVersion := false
	for _, w := range words {
		if w == "nc" || w == "nd" {
			return false
		}
		switch {
		case isDigits(w):
			afterVersion = true
			continue
		case licenceNoise[w]:
			continue
		case afterVersion && len(w) == 2:
			continue // a port such as 3.0 "au"
		}
		kept = append(kept, w)
	}
	if openIDs[strings.Join(kept, "-")] {
		return true
	}
	has := func(w string) bool { return slices.Contains(kept, w) }
	switch {
	case has("creative") && has("commons"):
		return has("attribution") || has("zero") || has("cczero") || has("cc0")
	case has("open") && has("data") && has("commons"):
		return has("odbl") || has("pddl") || has("attribution") || (has("open") && has("database")) || (has("public") && has("domain"))
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
