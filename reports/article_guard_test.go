package reports

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A template prints text and numbers; records, Go syntax, types and
// addresses are refused at the action that asks for them.
func TestArticleGuardRefusesInternals(t *testing.T) {
	r := testResult()
	tests := []struct{ tmpl, want string }{
		{`{{.}}`, "t:1:3: cannot print a record (*reports.Article): print one of its fields, such as .Name, or join or list a list of text"},
		{`{{.Overview}}`, "t:1:3: cannot print a record (reports.ArticleOverview)"},
		{`{{range .Regions}}{{.Dimensions}}{{end}}`, "t:1:21: cannot print a list of records ([]*reports.ArticleDimension)"},
		{`{{printf "%#v" .Title}}`, "printf %#v shows Go's internals"},
		{`{{printf "%T" .Title}}`, "printf %T shows Go's internals"},
		{`{{printf "%p" .Regions}}`, "printf %p shows Go's internals"},
		{`{{printf "%s" .Overview}}`, "printf cannot print a record (reports.ArticleOverview)"},
		{`{{print .Regions}}`, "print cannot print a list of records"},
		{`{{println .}}`, "println cannot print a record"},
		{`{{html .Method}}`, "html cannot print a record"},
		{`{{js .}}`, "js cannot print a record"},
		{`{{urlquery .}}`, "urlquery cannot print a record"},
		{`{{join .Regions ", "}}`, "join or list cannot print a record (*reports.ArticleRegion)"},
		{`{{list .Dimensions}}`, "join or list cannot print a record"},
		{`{{define "x"}}{{.}}{{end}}{{template "x" .Overview}}`, "cannot print a record (reports.ArticleOverview)"},
	}
	for _, tc := range tests {
		t.Run(tc.tmpl, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteArticle(&buf, r, ArticleOptions{Template: tc.tmpl, TemplateName: "t"})
			var te *ArticleTemplateError
			require.ErrorAs(t, err, &te)
			assert.Contains(t, te.Error(), tc.want)
			assert.Empty(t, buf.String())
		})
	}
}

// Plain values print as text/template prints them.
func TestArticleGuardPrintsPlainValues(t *testing.T) {
	r := testResult()
	var buf bytes.Buffer
	tmpl := `{{.Lang}} {{.Indicators}} {{.Labelled}} {{.Index}} {{.Overview.LeaderNames}} {{printf "%s|%v|%q|%5.1f" .Index .Classes .Lang 2.25}} {{print 1 "a"}} {{html "<b>"}} {{len .Regions}}{{$x := .Year}}{{$x}}`
	require.NoError(t, WriteArticle(&buf, r, ArticleOptions{Template: tmpl}))
	a := ArticleData(r, "zh")
	want := "zh " + itoa(a.Indicators) + " false " + a.Index.String() + " [" + a.Overview.LeaderNames[0].String() + "] " +
		a.Index.String() + "|" + itoa(a.Classes) + `|"zh"|  2.2 1a &lt;b&gt; ` + itoa(len(a.Regions)) + itoa(a.Year)
	assert.Equal(t, want, buf.String())
}

// The article's length and the template's steps are bounded.
func TestArticleGuardLimits(t *testing.T) {
	r := testResult()
	var buf bytes.Buffer
	err := WriteArticle(&buf, r, ArticleOptions{Template: "{{range 300000000}}x{{end}}", TemplateName: "t", MaxBytes: 1000})
	var le *ArticleLimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, ArticleLimitError{Name: "t", Key: "max_article_mb", Limit: 1000}, *le)
	assert.Empty(t, buf.String())

	err = WriteArticle(&buf, r, ArticleOptions{Template: "a\n {{range 300000000}}{{end}}", TemplateName: "t", MaxSteps: 100})
	require.ErrorAs(t, err, &le)
	assert.Equal(t, ArticleLimitError{Name: "t", Line: 2, Col: 10, Key: "max_template_steps", Limit: 100}, *le)

	// Template calls count too (a doubling chain would otherwise run for ages).
	err = WriteArticle(&buf, r, ArticleOptions{Template: `{{define "a"}}{{template "b"}}{{template "b"}}{{end}}` +
		`{{define "b"}}{{template "c"}}{{template "c"}}{{end}}{{define "c"}}{{end}}{{range 1000}}{{template "a"}}{{end}}`,
		TemplateName: "t", MaxSteps: 500})
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "max_template_steps", le.Key)

	// join refuses a result longer than the article may still be.
	err = WriteArticle(&buf, r, ArticleOptions{Template: `{{join .Overview.LeaderNames (printf "%0900d" 0)}}{{join .Overview.LeaderNames (printf "%0900d" 0)}}`,
		TemplateName: "t", MaxBytes: 100})
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "max_article_mb", le.Key)
}

func itoa(n int) string { return strconv.Itoa(n) }
