package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// rbRobustResult runs a small uncertainty analysis: five regions named
// 甲…戊 on four indicators in two dimensions, the last region without data
// (unrated), with the given [uncertainty] section.
func rbRobustResult(t *testing.T, uncertainty string) *scoring.RobustResult {
	t.Helper()
	src := `[index]
name = "测试指数"
name_en = "Test index"
edition = "2020"
year = 2020
regions = "regions.csv"
data = ["data.csv"]

[scoring]
normalise = "minmax"
range = [1, 100]
weights = "equal"
round = 2

[stars]
method = "thresholds"
thresholds = [20, 40, 60, 80]

` + uncertainty + `
[[dimension]]
id = "a"
name = "甲维度"
name_en = "Dimension A"

[[dimension]]
id = "b"
name = "乙维度"

[[indicator]]
id = "a1"
dimension = "a"

[[indicator]]
id = "a2"
dimension = "a"

[[indicator]]
id = "b1"
dimension = "b"

[[indicator]]
id = "b2"
dimension = "b"
`
	def, err := indicators.Parse("index.toml", []byte(src), nil)
	require.NoError(t, err)
	names := []string{"甲", "乙", "丙", "丁", "戊"}
	en := []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon"}
	vals := [][]float64{{9, 8, 9, 7}, {7, 9, 6, 8}, {6, 5, 7, 6}, {2, 3, 1, 2}, {math.NaN(), math.NaN(), math.NaN(), math.NaN()}}
	m := &indicators.Matrix{Year: 2020, Indicators: def.Indicators}
	for k, name := range names {
		m.Regions = append(m.Regions, &indicators.Region{Code: fmt.Sprintf("%d0000", k+1), Name: name, NameEn: en[k]})
		m.Values = append(m.Values, vals[k])
		m.Sources = append(m.Sources, make([]string, 4))
	}
	rr, err := scoring.Robust(context.Background(), def, m, scoring.RobustOptions{Bootstrap: 50})
	require.NoError(t, err)
	return rr
}

const rbSettings = `[uncertainty]
samples = 300
seed = 5
weights_noise = 0.4
normalise = ["minmax", "prank"]
aggregate = ["arithmetic", "geometric"]
`

// The JSON is the rate JSON plus the contract's "robust" per rated region
// and the top-level extensions.
func TestRobustJSONShape(t *testing.T) {
	rr := rbRobustResult(t, rbSettings+"sensitivity = true\n")
	var buf bytes.Buffer
	require.NoError(t, WriteRobust(&buf, "json", rr.Nominal, rr, Options{Engine: testEngine}))

	var doc map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	for _, key := range []string{"index", "method", "regions", "weights", "samples", "failed_samples", "mean_abs_rank_shift", "uncertainty", "sensitivity"} {
		assert.Contains(t, doc, key)
	}
	assert.Equal(t, 300.0, doc["samples"])
	assert.Equal(t, 0.0, doc["failed_samples"])
	regions := doc["regions"].([]any)
	require.Len(t, regions, 5)
	for i, x := range regions {
		reg := x.(map[string]any)
		for _, key := range []string{"code", "name", "dimensions", "indicators"} {
			assert.Contains(t, reg, key)
		}
		if i == 4 { // 戊 is not rated
			assert.Equal(t, false, reg["rated"])
			assert.NotContains(t, reg, "robust")
			continue
		}
		rob := reg["robust"].(map[string]any)
		assert.Len(t, rob, 5)
		for _, key := range []string{"nominal", "median", "p05", "p95", "stars"} {
			assert.Contains(t, rob, key)
		}
		assert.Equal(t, reg["rank"], rob["nominal"])
		total := 0.0
		for class, share := range rob["stars"].(map[string]any) {
			assert.Regexp(t, `^[1-5]$`, class)
			assert.Greater(t, share.(float64), 0.0)
			total += share.(float64)
		}
		assert.InDelta(t, 1, total, 1e-9)
	}
	sens := doc["sensitivity"].([]any)
	require.Len(t, sens, 3)
	for i, want := range []string{"weights", "normalise", "aggregate"} {
		s := sens[i].(map[string]any)
		assert.Equal(t, want, s["input"])
		for _, key := range []string{"si", "sti", "si_ci", "sti_ci"} {
			assert.Contains(t, s, key)
		}
		assert.Len(t, s["si_ci"], 2)
	}

	// Key order: the contract's first, the extensions after.
	text := buf.String()
	at := func(key string) int { return strings.Index(text, "\n  \""+key+"\"") }
	assert.Less(t, at("index"), at("method"))
	assert.Less(t, at("method"), at("regions"))
	assert.Less(t, at("regions"), at("weights"))
	assert.Less(t, at("weights"), at("samples"))
	assert.Contains(t, text, `"robust": {`)
}

// Star shares are an object keyed by the rating, highest first, without
// the ratings no sample gave.
func TestJSONStarShares(t *testing.T) {
	b, err := json.Marshal(JSONStarShares{0, 0, 0.25, 0, 0.125, 0.625})
	require.NoError(t, err)
	assert.Equal(t, `{"5":0.625,"4":0.125,"2":0.25}`, string(b))
	b, err = json.Marshal(JSONStarShares{0, 1})
	require.NoError(t, err)
	assert.Equal(t, `{"1":1}`, string(b))

	var buf bytes.Buffer
	require.NoError(t, EncodeJSON(&buf, map[string]any{"stars": JSONStarShares{0, 0, 0, 0, 0.13, 0.87}}))
	assert.Equal(t, "{\n  \"stars\": {\n    \"5\": 0.87,\n    \"4\": 0.13\n  }\n}\n", buf.String())
}

// Without sensitivity there is no "sensitivity" key; asked for with
// nothing varying, it is an empty list.
func TestRobustJSONSensitivityKey(t *testing.T) {
	rr := rbRobustResult(t, rbSettings)
	var buf bytes.Buffer
	require.NoError(t, WriteRobust(&buf, "json", rr.Nominal, rr, Options{}))
	assert.NotContains(t, buf.String(), `"sensitivity"`)

	rr = rbRobustResult(t, "[uncertainty]\nsamples = 20\nweights_noise = 0\nsensitivity = true\n")
	buf.Reset()
	require.NoError(t, WriteRobust(&buf, "json", rr.Nominal, rr, Options{}))
	assert.Contains(t, buf.String(), `"sensitivity": []`)
}

// The table has the columns in both languages, aligned by display width,
// and the sensitivity table when asked for.
func TestRobustTable(t *testing.T) {
	rr := rbRobustResult(t, rbSettings+"sensitivity = true\n")
	var zh, en bytes.Buffer
	require.NoError(t, WriteRobust(&zh, "table", rr.Nominal, rr, Options{}))
	require.NoError(t, WriteRobust(&en, "table", rr.Nominal, rr, Options{Lang: "en"}))
	for _, s := range []string{"稳健性分析", "中位排名", "5%–95% 排名区间", "星级稳定度", "平均绝对排名变动", "敏感性分析", "权重", "标准化方法", "一阶指数 Si", "戊（50000）未评级"} {
		assert.Contains(t, zh.String(), s)
	}
	for _, s := range []string{"robustness", "Median rank", "5–95% rank interval", "Star confidence", "Mean absolute rank shift", "Sensitivity", "normalisation", "Total STi"} {
		assert.Contains(t, en.String(), s)
	}
	// Every row of the ranking table ends at the same display column as
	// its header (right-aligned numbers).
	lines := strings.Split(zh.String(), "\n")
	var table []string
	for i, l := range lines {
		if strings.HasPrefix(l, "排名") {
			table = lines[i : i+7]
			break
		}
	}
	require.Len(t, table, 7)
	w := width.StringWidth(table[0])
	for _, l := range table[1:] {
		assert.Equal(t, w, width.StringWidth(l), "%q", l)
	}
	assert.Contains(t, table[2], "甲")
	assert.Contains(t, table[6], "戊")

	var md bytes.Buffer
	require.NoError(t, WriteRobust(&md, "md", rr.Nominal, rr, Options{}))
	assert.True(t, strings.HasPrefix(md.String(), "## 测试指数 · 2020 版 · 2020 年 · 稳健性分析\n"))
	assert.Contains(t, md.String(), "| 排名 | 地区 | 星级 | 中位排名 | 5%–95% 排名区间 | 星级稳定度 |")
	assert.Contains(t, md.String(), "### 敏感性分析")
}

// The CSV has one row per region with the rank interval and the share at
// each rating.
func TestRobustCSV(t *testing.T) {
	rr := rbRobustResult(t, rbSettings)
	var buf bytes.Buffer
	require.NoError(t, WriteRobust(&buf, "csv", rr.Nominal, rr, Options{Lang: "en"}))
	recs, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 6)
	assert.Equal(t, []string{"rank", "code", "name", "stars", "median_rank", "p05_rank", "p95_rank", "star_confidence",
		"share_5", "share_4", "share_3", "share_2", "share_1", "reason"}, recs[0])
	first, _ := rr.Region(recs[1][1])
	assert.Equal(t, fmt.Sprint(first.Median), recs[1][4])
	assert.Equal(t, fmt.Sprint(first.P05), recs[1][5])
	assert.Equal(t, fmt.Sprint(first.P95), recs[1][6])
	assert.Equal(t, "Epsilon", recs[5][2])
	assert.Equal(t, "", recs[5][0])
	assert.NotEmpty(t, recs[5][13])
}

func TestWriteRobustErrors(t *testing.T) {
	rr := rbRobustResult(t, "[uncertainty]\nsamples = 5\n")
	assert.Error(t, WriteRobust(&bytes.Buffer{}, "pdf", rr.Nominal, rr, Options{}))
	assert.Error(t, WriteRobust(&bytes.Buffer{}, "json", nil, rr, Options{}))
	assert.Error(t, WriteRobust(&bytes.Buffer{}, "json", rr.Nominal, nil, Options{}))
}
