package reports

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

func readCSV(t *testing.T, r *scoring.Result, o Options) [][]string {
	t.Helper()
	out := render(t, func(w *bytes.Buffer) error { return WriteCSV(w, r, o) })
	assert.False(t, bytes.HasPrefix(out, []byte("\xef\xbb\xbf")), "no BOM")
	recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err)
	return recs
}

func TestCSVColumns(t *testing.T) {
	recs := readCSV(t, testResult(), Options{Lang: "zh"})
	require.Len(t, recs, 5)
	assert.Equal(t, []string{
		"rank", "code", "name", "score", "stars", "coverage",
		"policy.score", "policy.rank", "policy.stars",
		"sharing.score", "sharing.rank", "sharing.stars",
		"policy_docs.raw", "policy_docs.normalised",
		"platforms.raw", "platforms.normalised",
		"catalog_datasets.raw", "catalog_datasets.normalised",
		"reason",
	}, recs[0])
	assert.Equal(t, []string{"1", "520000", "贵州省", "91.67", "5", "1",
		"100", "1", "5", "87.5", "2", "5",
		"3", "100", "2", "100", "90", "75", ""}, recs[1])
	// 北京市 has no catalog_datasets value: empty cells.
	assert.Equal(t, []string{"3", "110000", "北京市", "16.67", "1", "0.6666666666666666",
		"50", "2", "3", "0", "3", "1",
		"2", "50", "1", "0", "", "", ""}, recs[3])
	// Unrated: no rank, score or stars; missing dimensions empty; the reason.
	assert.Equal(t, []string{"", "540000", "西藏自治区", "", "", "0.3333333333333333",
		"", "", "", "", "", "",
		"", "", "", "", "5", "", "数据覆盖率 33% 低于最低要求 50%"}, recs[4])

	// Headers stay English ids in English; the name follows the language.
	en := readCSV(t, testResult(), Options{Lang: "en"})
	assert.Equal(t, recs[0], en[0])
	assert.Equal(t, "Guizhou", en[1][2])
	assert.Equal(t, "Hong Kong", en[2][2], "no English name: the name as written")
}

func TestCSVLabels(t *testing.T) {
	recs := readCSV(t, testResultLabels(), Options{})
	assert.Equal(t, []string{"rank", "code", "name", "score", "stars", "class", "coverage",
		"policy.score", "policy.rank", "policy.stars", "policy.class"}, recs[0][:11])
	assert.Equal(t, []string{"1", "520000", "贵州省", "91.67", "5", "五星", "1",
		"100", "1", "5", "五星"}, recs[1][:11])
	assert.Equal(t, "", recs[4][5], "unrated: no class")
	assert.Equal(t, "", recs[4][10], "missing dimension: no class")
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{`=HYPERLINK("http://evil.example","x")`, `'=HYPERLINK("http://evil.example","x")`},
		{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1", "'\t=1"},
		{"-12", "-12"},       // a number stays a number
		{"-1.5e3", "-1.5e3"}, // so does this
		{"+86", "+86"},
		{"贵州省", "贵州省"},
		{"A=B", "A=B"}, // only a leading sign matters
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := testResult()
			r.Regions[0].Region.Name = tc.name
			recs := readCSV(t, r, Options{})
			assert.Equal(t, tc.want, recs[1][2])
		})
	}

	// Numbers are never quoted, negative ones included.
	r := testResult()
	r.Regions[0].Score = -3.25
	r.Regions[0].Indicators[0].Raw = -3.5
	r.Regions[3].Reason = "=1+1"
	recs := readCSV(t, r, Options{})
	assert.Equal(t, "-3.25", recs[1][3])
	assert.Equal(t, "-3.5", recs[1][12])
	assert.Equal(t, "'=1+1", recs[4][18])
}
