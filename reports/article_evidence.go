package reports

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/govindex/govindex/indicators"
)

// articleEvidenceShown is how many evidence records the article names for
// one value before saying how many more there are.
const articleEvidenceShown = 5

// articleEvidence gives the evidence records behind a collected value and
// the words that name them for readers: titles with their dates, policy
// documents in 《》 in Chinese, at most articleEvidenceShown of them. A
// record without a title is named by where it is.
func articleEvidence(ev []indicators.Evidence, ind *indicators.Indicator, lang string) ([]ArticleEvidence, Text) {
	if len(ev) == 0 {
		return nil, ""
	}
	collector, _ := indicators.SplitSource(ind.Source)
	out := make([]ArticleEvidence, len(ev))
	var parts []string
	for i, e := range ev {
		out[i] = ArticleEvidence{Title: Text(e.Title), When: e.When, Ref: e.String()}
		if i >= articleEvidenceShown {
			continue
		}
		name := e.Title
		switch {
		case lang == "en" && e.TitleEn != "":
			name = quoteTitle(e.TitleEn)
		case name == "":
			name = e.String()
		case lang == "en":
			name = quoteTitle(name)
		case collector == "policies" && !strings.HasPrefix(name, "《"):
			name = "《" + name + "》"
		}
		if e.When != "" {
			if lang == "en" {
				name += " (" + e.When + ")"
			} else {
				name += "（" + e.When + "）"
			}
		}
		parts = append(parts, name)
	}
	sep := "；"
	if lang == "en" {
		sep = "; "
	}
	text := strings.Join(parts, sep)
	if more := len(ev) - articleEvidenceShown; more > 0 {
		if lang == "en" {
			text += "; and " + strconv.Itoa(more) + " more"
		} else {
			text += " 等 " + strconv.Itoa(len(ev)) + " 项"
		}
	}
	return out, Text(text)
}

// quoteTitle puts a title of the evidence, as written (usually Chinese), in
// English quotation marks so that English prose reads it as a quoted name:
// “国家大数据（贵州）综合试验区”. Double quotes inside it become single ones;
// a title already in quotation marks or book-title marks (《》) as a whole is
// left as it is.
func quoteTitle(title string) string {
	for _, q := range [][2]string{{"“", "”"}, {"《", "》"}, {`"`, `"`}} {
		inner, ok := strings.CutPrefix(title, q[0])
		if ok && strings.HasSuffix(inner, q[1]) && !strings.Contains(strings.TrimSuffix(inner, q[1]), q[1]) {
			return title
		}
	}
	return "“" + innerQuotes.Replace(title) + "”"
}

// innerQuotes turns double quotation marks into single ones, for a title
// put in double quotation marks.
var innerQuotes = strings.NewReplacer("“", "‘", "”", "’")

// cellPosition matches a bare cell position, file:line:column, the
// provenance a data table gives a value it has no source note for
// (indicators.Pos.String); an XLSX sheet shows as file[sheet]. The file is
// the first group.
var cellPosition = regexp.MustCompile(`^(\S(?:.*\S)?):[1-9][0-9]*:[1-9][0-9]*$`)

// isCellPosition reports whether a source is only the position of the
// value's cell, not a note readers can be given.
func isCellPosition(source string) bool { return cellPosition.MatchString(source) }

// tableFileName names the data table of a cell position for readers: as
// index.toml names it when the position's file is one of its data files,
// the file's base name otherwise; without the sheet of a workbook.
func tableFileName(def *indicators.Definition, source string) string {
	m := cellPosition.FindStringSubmatch(source)
	if m == nil {
		return ""
	}
	file := strings.ReplaceAll(m[1], "\\", "/")
	if i := strings.LastIndexByte(file, '['); i > 0 && strings.HasSuffix(file, "]") {
		file = file[:i]
	}
	for _, d := range def.Index.Data {
		d = strings.TrimPrefix(strings.ReplaceAll(d, "\\", "/"), "./")
		if d != "" && (file == d || strings.HasSuffix(file, "/"+d)) {
			return d
		}
	}
	return path.Base(file)
}

// articleTableNote fills a.Method.TableFiles and TableNote from the values
// the article shows without a source: those read from a data table that
// has no source note for them, whose Source is only their cell position.
// The article leaves the position out (it means nothing to readers) and
// names the tables once in the method section instead.
func articleTableNote(a *Article, def *indicators.Definition, lang string) {
	var files []string
	for _, ar := range a.Regions {
		for _, ai := range slices.Concat(ar.Evidence, ar.Weak) {
			if ai.SourceNote != "" {
				continue
			}
			if f := tableFileName(def, string(ai.Source)); f != "" && !slices.Contains(files, f) {
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		return
	}
	shown := make([]string, len(files))
	for i, f := range files {
		a.Method.TableFiles = append(a.Method.TableFiles, Text(f))
		shown[i] = EscapeMarkdown(f)
	}
	sep := "、"
	if lang == "en" {
		sep = ", "
	}
	key := "table_note"
	if len(files) > 1 {
		key = "table_note_many"
	}
	a.Method.TableNote = awf(lang, key, listWords(lang, shown, sep))
}
