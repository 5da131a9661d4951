package reports

import (
	"io"
	"strings"

	"github.com/govindex/govindex/scoring"
)

// WriteMarkdown writes the ranking as a GitHub-flavoured Markdown table
// under a "## " title, with a note for every unrated region. Every text
// taken from the data and config is escaped (see EscapeMarkdown).
func WriteMarkdown(w io.Writer, r *scoring.Result, o Options) error {
	if err := check(r); err != nil {
		return err
	}
	lang := o.lang()
	header, rows, notes := layoutRows(r, lang)
	withClass := hasLabels(r.Def)
	right := rightAligned(withClass, len(header.dims))

	var b strings.Builder
	b.WriteString("## ")
	b.WriteString(EscapeMarkdown(title(r, lang)))
	b.WriteString("\n\n")
	grid := [][]string{header.cells(withClass)}
	for _, row := range rows {
		grid = append(grid, row.cells(withClass))
	}
	grid, right, notes = withChanges(r, lang, grid, right, notes)
	writeMarkdownTable(&b, grid[0], right, grid[1:])
	for _, n := range notes {
		b.WriteString("\n")
		b.WriteString(EscapeMarkdown(n))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarkdownTable writes a GitHub-flavoured Markdown table: the header,
// the alignment row (right[i] right-aligns column i) and the rows, every
// cell escaped so text from data cannot break the table.
func writeMarkdownTable(b *strings.Builder, header []string, right []bool, rows [][]string) {
	writeRow := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + EscapeMarkdown(c) + " |")
		}
		b.WriteString("\n")
	}
	writeRow(header)
	b.WriteString("|")
	for _, r := range right {
		if r {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" :--- |")
		}
	}
	b.WriteString("\n")
	for _, row := range rows {
		writeRow(row)
	}
}

var markdownEscaper = strings.NewReplacer(
	"\\", `\\`,
	"|", `\|`,
	"`", "\\`",
	"*", `\*`,
	"_", `\_`,
	"[", `\[`,
	"]", `\]`,
	"~", `\~`,
	"<", "&lt;",
	">", "&gt;",
)

// EscapeMarkdown makes s safe as inline text in a Markdown table cell or
// paragraph: backslash, |, `, *, _, [, ], ~ are backslash-escaped, < and >
// become HTML entities, line breaks become spaces and other control
// characters are replaced with spaces. An & becomes &amp; only where it
// could start a character reference — followed by # or by a name and a
// semicolon (&amp;, &#60;, &x;) — so that the text shows as written; a
// plain "A & B" stays as it is.
func EscapeMarkdown(s string) string {
	s = oneLine(strings.ReplaceAll(s, "\r\n", " "))
	if !strings.Contains(s, "&") {
		return markdownEscaper.Replace(s)
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(markdownEscaper.Replace(s))
			return b.String()
		}
		b.WriteString(markdownEscaper.Replace(s[:i]))
		if startsReference(s[i+1:]) {
			b.WriteString("&amp;")
		} else {
			b.WriteByte('&')
		}
		s = s[i+1:]
	}
}

// startsReference reports whether the text after an & would make it a
// character reference: # (a numeric reference, &#60; or &#x3c;), or an
// ASCII letter and then letters or digits up to a semicolon (a named one,
// &lt;). An & that ends the text is escaped too, since whatever the
// text is joined to may continue it. Checking more loosely than HTML
// does costs nothing but an escaped & now and then.
func startsReference(rest string) bool {
	if rest == "" {
		return true
	}
	if rest[0] == '#' {
		return true
	}
	if !isASCIILetter(rest[0]) {
		return false
	}
	for i := 1; i < len(rest); i++ {
		switch c := rest[i]; {
		case c == ';':
			return true
		case !isASCIILetter(c) && (c < '0' || c > '9'):
			return false
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
