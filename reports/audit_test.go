package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// auTAI scores and audits the TAI project of the scoring package's test
// data (the OECD/JRC Handbook's worked example).
func auTAI(t *testing.T) (*scoring.AuditResult, *scoring.Result) {
	t.Helper()
	def, err := indicators.LoadFile("../scoring/testdata/tai/index.toml")
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	res, err := scoring.Run(def, ds, def.Index.Year)
	require.NoError(t, err)
	return scoring.Audit(res), res
}

// auRender renders the audit in one format.
func auRender(t *testing.T, format, lang string, a *scoring.AuditResult, r *scoring.Result) []byte {
	t.Helper()
	return render(t, func(w *bytes.Buffer) error {
		return WriteAudit(w, format, a, r, Options{Lang: lang, Engine: testEngine})
	})
}

func TestAuditGolden(t *testing.T) {
	a, res := auTAI(t)
	small := testResult()
	smallAudit := scoring.Audit(small)
	tests := []struct {
		golden, format, lang string
		a                    *scoring.AuditResult
		r                    *scoring.Result
	}{
		{"audit_tai_zh.txt", "table", "zh", a, res},
		{"audit_tai_en.txt", "table", "en", a, res},
		{"audit_tai_en.md", "md", "en", a, res},
		{"audit_tai.json", "json", "zh", a, res},
		{"audit_tai.json", "json", "en", a, res}, // JSON does not depend on the language
		{"audit_small_zh.txt", "table", "zh", smallAudit, small},
		{"audit_small.json", "json", "zh", smallAudit, small},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%s", tc.golden, tc.lang), func(t *testing.T) {
			got := auRender(t, tc.format, tc.lang, tc.a, tc.r)
			golden(t, tc.golden, got)
			again := auRender(t, tc.format, tc.lang, scoring.Audit(tc.r), tc.r)
			assert.Equal(t, string(got), string(again), "same input, same output")
		})
	}
}

func TestAuditJSONContractKeys(t *testing.T) {
	a, res := auTAI(t)
	out := auRender(t, "json", "en", a, res)
	assert.True(t, bytes.HasPrefix(out, []byte("{\n  \"index\": {\n")), "two-space indent, index first")
	assert.True(t, bytes.HasSuffix(out, []byte("}\n")))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(out, &doc))

	assert.Equal(t, sorted("index", "indicators", "correlations", "cronbach_alpha", "pca"), keys(t, doc))
	// The same index object as rate --format json.
	var rate map[string]any
	require.NoError(t, json.Unmarshal(render(t, func(w *bytes.Buffer) error {
		return WriteJSON(w, res, Options{Engine: testEngine})
	}), &rate))
	assert.Equal(t, rate["index"], doc["index"])

	inds := doc["indicators"].([]any)
	require.Len(t, inds, 8)
	assert.Equal(t, sorted("id", "n", "availability", "imputed", "treatment", "min", "max", "mean", "median", "sd", "skewness", "kurtosis", "zeros", "flags"), keys(t, inds[0]))
	pat := inds[0].(map[string]any)
	assert.Equal(t, "PAT", pat["id"])
	assert.Equal(t, 23.0, pat["n"])
	assert.Equal(t, []any{"outliers"}, pat["flags"])
	assert.Equal(t, []any{}, inds[1].(map[string]any)["flags"], "no flags: [] not null")

	corr := doc["correlations"].(map[string]any)
	assert.Equal(t, sorted("pearson", "spearman", "kendall", "with_dimension", "with_index", "flags"), keys(t, corr))
	for _, m := range []string{"pearson", "spearman", "kendall"} {
		assert.Equal(t, sorted("ids", "matrix", "n"), keys(t, corr[m]), m)
		mat := corr[m].(map[string]any)["matrix"].([]any)
		require.Len(t, mat, 8, m)
		assert.Len(t, mat[0], 8, m)
		assert.Equal(t, 1.0, mat[0].([]any)[0], m)
	}
	assert.InDelta(t, .13, corr["pearson"].(map[string]any)["matrix"].([]any)[0].([]any)[1], 0.01, "Handbook Table 6, PAT–ROY")
	assert.Equal(t, sorted("id", "dimension", "r", "n"), keys(t, corr["with_dimension"].([]any)[0]))
	assert.Equal(t, sorted("id", "r", "n"), keys(t, corr["with_index"].([]any)[0]))
	flags := corr["flags"].([]any)
	require.Len(t, flags, 1)
	assert.Equal(t, sorted("a", "b", "r", "n", "flag"), keys(t, flags[0]))
	assert.Equal(t, "negative_within_dimension", flags[0].(map[string]any)["flag"])

	alpha := doc["cronbach_alpha"].(map[string]any)
	assert.Equal(t, sorted("overall", "dimensions"), keys(t, alpha))
	overall := alpha["overall"].(map[string]any)
	assert.Equal(t, sorted("standardised", "raw", "min_n", "raw_n", "items"), keys(t, overall))
	assert.InDelta(t, 0.70, overall["standardised"], 0.005, "Handbook Table 11")
	assert.Equal(t, sorted("id", "item_total", "alpha_if_deleted", "min_n"), keys(t, overall["items"].([]any)[0]))
	dims := alpha["dimensions"].([]any)
	require.Len(t, dims, 4)
	assert.Equal(t, sorted("id", "standardised", "raw", "min_n", "raw_n"), keys(t, dims[0]))

	pca := doc["pca"].(map[string]any)
	assert.Equal(t, sorted("eigenvalues", "explained", "ids", "min_n"), keys(t, pca))
	explained := pca["explained"].([]any)
	require.Len(t, explained, 8)
	assert.InDelta(t, 0.419, explained[0], 0.001, "Handbook Table 7: a fraction of 1")
}

// TestAuditJSONNull: undefined statistics are null, never NaN (which
// encoding/json refuses).
func TestAuditJSONNull(t *testing.T) {
	r := testResult() // 3 rated regions, Beijing lacks catalog_datasets
	out := auRender(t, "json", "zh", scoring.Audit(r), r)
	require.True(t, json.Valid(out))
	assert.NotContains(t, string(out), "NaN")
	var doc JSONAudit
	require.NoError(t, json.Unmarshal(out, &doc))
	cd := doc.Indicators[2]
	require.Equal(t, "catalog_datasets", cd.ID)
	assert.Equal(t, 2, cd.N)
	assert.Contains(t, string(out), `"skewness": null`)
	assert.Empty(t, cd.Flags, "2 of 3 regions is above the 0.65 availability")
	assert.Equal(t, []string{}, cd.Flags)
	assert.NotNil(t, doc.Correlations.Flags)
}

func TestAuditFormats(t *testing.T) {
	a, res := auTAI(t)
	assert.Equal(t, []string{"table", "json", "md"}, AuditFormats())
	var buf bytes.Buffer
	err := WriteAudit(&buf, "csv", a, res, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"csv"`)
	assert.Zero(t, buf.Len())
	assert.ErrorIs(t, WriteAudit(&buf, "table", nil, res, Options{}), errNoAudit)
	assert.ErrorIs(t, WriteAudit(&buf, "table", a, nil, Options{}), errNoResult)
	assert.Nil(t, JSONAuditResult(nil, res, Options{}))
	for _, f := range AuditFormats() {
		assert.ErrorIs(t, WriteAudit(failWriter{}, f, a, res, Options{}), auErrWriter(t), f)
	}
}

// auErrWriter is the error failWriter returns.
func auErrWriter(t *testing.T) error {
	t.Helper()
	_, err := failWriter{}.Write(nil)
	return err
}

// TestAuditTableSections: every section is present with its title, in
// both languages, and each table's lines line up by display width.
func TestAuditTableSections(t *testing.T) {
	a, res := auTAI(t)
	for lang, titles := range map[string][]string{
		"zh": {"统计审计", "指标描述统计（23 个已评级地区）", "需关注的指标对", "Cronbach α 系数", "主成分分析"},
		"en": {"Statistical audit", "Indicator statistics (23 rated regions)", "Flagged pairs", "Cronbach's alpha", "Principal components"},
	} {
		out := string(auRender(t, "table", lang, a, res))
		for _, s := range titles {
			assert.Contains(t, out, s, lang)
		}
		// A rule line's columns give the widths; the header above it must
		// be as wide as the rule (by display cells).
		lines := strings.Split(out, "\n")
		rules := 0
		for i, l := range lines {
			if strings.HasPrefix(l, "---") && i > 0 {
				rules++
				assert.LessOrEqual(t, width.StringWidth(lines[i-1]), width.StringWidth(l), "%s: header %q", lang, lines[i-1])
				for _, row := range lines[i+1:] {
					if row == "" {
						break
					}
					assert.LessOrEqual(t, width.StringWidth(row), width.StringWidth(l), "%s: row %q", lang, row)
				}
			}
		}
		assert.Equal(t, 6, rules, lang)
	}
	zh := string(auRender(t, "table", "zh", a, res))
	assert.Contains(t, zh, "维度内负相关")
	assert.Contains(t, zh, "异常值")
}

func TestAuditMarkdownEscapes(t *testing.T) {
	r := testResult()
	r.Def.Indicators[0].ID = "policy|docs"
	r.Def.Reindex()
	for _, rr := range r.Regions {
		rr.Indicators[0].ID = "policy|docs"
	}
	out := string(auRender(t, "md", "en", scoring.Audit(r), r))
	assert.Contains(t, out, `policy\|docs`)
	assert.NotContains(t, out, "policy|docs")
	assert.True(t, strings.HasPrefix(out, "## "))
	assert.Contains(t, out, "\n### Cronbach's alpha\n")
}
