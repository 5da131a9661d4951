package reports

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

var update = flag.Bool("update", false, "rewrite golden files")

var nan = math.NaN()

const (
	testConfigSHA = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
	testDataSHA   = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
	testEngine    = "govindex v0.1.0-test"
)

// testResult builds a small scored result by hand: two top-level
// dimensions (政策颁布 with an English name, 政府数据融合共享程度 without), three
// indicators, three rated regions (two with CJK names, one with a Latin
// name and no English name) and one unrated region; 北京市 lacks a value
// of catalog_datasets.
func testResult() *scoring.Result {
	round := 2
	def := &indicators.Definition{
		File:   "testdata/index.toml",
		SHA256: testConfigSHA,
		Index: indicators.IndexSpec{
			Name: "政府数据融合共享应用指数", NameEn: "Government Data Sharing Index",
			Edition: "2017", Year: 2017,
		},
		Scoring: indicators.ScoringSpec{
			Impute: "none", Treat: "none", Normalise: "minmax", Range: [2]float64{0, 100},
			Weights: "manual", Aggregate: "arithmetic", Ties: "competition", Round: &round,
		},
		Stars: indicators.StarsSpec{Method: "thresholds", Thresholds: []float64{20, 40, 60, 80}},
		Dimensions: []*indicators.Dimension{
			{ID: "policy", Name: "政策颁布", NameEn: "Policy", Weight: 1},
			{ID: "sharing", Name: "政府数据融合共享程度", Weight: 2},
		},
		Indicators: []*indicators.Indicator{
			{ID: "policy_docs", Dimension: "policy", Name: "数据共享开放政策文件数", NameEn: "Policy documents", Unit: "件", Direction: 1, Weight: 1},
			{ID: "platforms", Dimension: "sharing", Name: "数据共享平台数", NameEn: "Sharing platforms", Unit: "个", Direction: 1, Weight: 1},
			{ID: "catalog_datasets", Dimension: "sharing", Name: "开放数据集数", NameEn: "Open datasets", Unit: "个", Direction: 1, Weight: 1},
		},
	}
	def.Reindex()

	guizhou := &indicators.Region{Code: "520000", Name: "贵州省", NameEn: "Guizhou"}
	hongkong := &indicators.Region{Code: "810000", Name: "Hong Kong"}
	beijing := &indicators.Region{Code: "110000", Name: "北京市", NameEn: "Beijing"}
	tibet := &indicators.Region{Code: "540000", Name: "西藏自治区", NameEn: "Tibet"}

	ind := func(id string, raw, norm float64, src string) *scoring.IndicatorScore {
		return &scoring.IndicatorScore{ID: id, Raw: raw, Value: raw, Normalised: norm, Source: src}
	}
	dim := func(id string, score float64, rank, stars int) *scoring.NodeScore {
		return &scoring.NodeScore{ID: id, Score: score, Rank: rank, Stars: stars}
	}
	missing := func(id string) *scoring.NodeScore {
		return &scoring.NodeScore{ID: id, Score: nan, Missing: true}
	}
	return &scoring.Result{
		Def:    def,
		Data:   &indicators.Dataset{SHA256: testDataSHA},
		Year:   2017,
		Method: scoring.Method{Normalise: "minmax", Weights: "manual", Aggregate: "arithmetic", Stars: "thresholds"},
		Regions: []*scoring.RegionResult{
			{
				Region: guizhou, Rated: true, Score: 91.67, Rank: 1, Stars: 5, Coverage: 1,
				Dimensions: []*scoring.NodeScore{dim("policy", 100, 1, 5), dim("sharing", 87.5, 2, 5)},
				Indicators: []*scoring.IndicatorScore{
					ind("policy_docs", 3, 100, "indicators.csv:2:3"),
					ind("platforms", 2, 100, "indicators.csv:2:4"),
					ind("catalog_datasets", 90, 75, "indicators.csv:2:5"),
				},
			},
			{
				Region: hongkong, Rated: true, Score: 66.67, Rank: 2, Stars: 4, Coverage: 1,
				Dimensions: []*scoring.NodeScore{dim("policy", 0, 3, 1), dim("sharing", 100, 1, 5)},
				Indicators: []*scoring.IndicatorScore{
					ind("policy_docs", 1, 0, "indicators.csv:4:3"),
					ind("platforms", 2, 100, "indicators.csv:4:4"),
					ind("catalog_datasets", 150, 100, "indicators.csv:4:5"),
				},
			},
			{
				Region: beijing, Rated: true, Score: 16.67, Rank: 3, Stars: 1, Coverage: 2.0 / 3,
				Dimensions: []*scoring.NodeScore{dim("policy", 50, 2, 3), dim("sharing", 0, 3, 1)},
				Indicators: []*scoring.IndicatorScore{
					ind("policy_docs", 2, 50, "indicators.csv:3:3"),
					ind("platforms", 1, 0, "indicators.csv:3:4"),
					ind("catalog_datasets", nan, nan, ""),
				},
			},
			{
				Region: tibet, Rated: false, Reason: "数据覆盖率 33% 低于最低要求 50%", Coverage: 1.0 / 3,
				Dimensions: []*scoring.NodeScore{missing("policy"), missing("sharing")},
				Indicators: []*scoring.IndicatorScore{
					ind("policy_docs", nan, nan, ""),
					ind("platforms", nan, nan, ""),
					ind("catalog_datasets", 5, nan, "indicators.csv:5:5"),
				},
			},
		},
		Weights: []scoring.WeightRow{
			{ID: "policy", Kind: "dimension", Weight: 1.0 / 3, Effective: 1.0 / 3},
			{ID: "policy_docs", Parent: "policy", Kind: "indicator", Weight: 1, Effective: 1.0 / 3},
			{ID: "sharing", Kind: "dimension", Weight: 2.0 / 3, Effective: 2.0 / 3},
			{ID: "platforms", Parent: "sharing", Kind: "indicator", Weight: 0.5, Effective: 1.0 / 3},
			{ID: "catalog_datasets", Parent: "sharing", Kind: "indicator", Weight: 0.5, Effective: 1.0 / 3},
		},
	}
}

// testResultLabels is testResult with star class labels set.
func testResultLabels() *scoring.Result {
	r := testResult()
	r.Def.Stars.Labels = []string{"一星", "二星", "三星", "四星", "五星"}
	for _, rr := range r.Regions {
		if rr.Rated {
			rr.Class = r.Def.Stars.Labels[rr.Stars-1]
		}
		for _, n := range rr.Dimensions {
			if !n.Missing {
				n.Class = r.Def.Stars.Labels[n.Stars-1]
			}
		}
	}
	return r
}

// render runs one writer into a buffer.
func render(t *testing.T, write func(w *bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, write(&buf))
	return buf.Bytes()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./reports/ -update")
	require.Equal(t, string(want), string(got), "output differs from %s; run go test ./reports/ -update if the change is intended", path)
}
