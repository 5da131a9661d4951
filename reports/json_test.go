package reports

import (
	"bytes"
	"encoding/json"
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

func decodeJSON(t *testing.T, r *scoring.Result, o Options) ([]byte, map[string]any) {
	t.Helper()
	out := render(t, func(w *bytes.Buffer) error { return WriteJSON(w, r, o) })
	var doc map[string]any
	require.NoError(t, json.Unmarshal(out, &doc))
	return out, doc
}

func keys(t *testing.T, v any) []string {
	t.Helper()
	m, ok := v.(map[string]any)
	require.True(t, ok, "%v is an object", v)
	return slices.Sorted(maps.Keys(m))
}

func sorted(s ...string) []string { slices.Sort(s); return s }

func TestJSONContractKeys(t *testing.T) {
	out, doc := decodeJSON(t, testResult(), Options{Engine: testEngine})
	assert.True(t, bytes.HasSuffix(out, []byte("}\n")), "trailing newline")
	assert.True(t, bytes.HasPrefix(out, []byte("{\n  \"index\": {\n    \"name\": ")), "two-space indent")

	assert.Equal(t, sorted("index", "method", "regions", "weights"), keys(t, doc))
	assert.Equal(t, sorted("name", "name_en", "edition", "year", "engine", "config_sha256", "data_sha256"), keys(t, doc["index"]))
	assert.Equal(t, map[string]any{
		"name": "政府数据融合共享应用指数", "name_en": "Government Data Sharing Index",
		"edition": "2017", "year": 2017.0, "engine": testEngine,
		"config_sha256": testConfigSHA, "data_sha256": testDataSHA,
	}, doc["index"])
	assert.Equal(t, map[string]any{"normalise": "minmax", "weights": "manual", "aggregate": "arithmetic", "stars": "thresholds"}, doc["method"])

	regions := doc["regions"].([]any)
	require.Len(t, regions, 4)
	codes := []string{}
	for _, r := range regions {
		codes = append(codes, r.(map[string]any)["code"].(string))
	}
	assert.Equal(t, []string{"520000", "810000", "110000", "540000"}, codes, "sorted as in Result.Regions")

	rated := sorted("code", "name", "name_en", "rank", "score", "stars", "coverage", "dimensions", "indicators")
	gz := regions[0].(map[string]any)
	assert.Equal(t, rated, keys(t, gz), "rated: no \"rated\" key, no class without labels")
	assert.Equal(t, "贵州省", gz["name"])
	assert.Equal(t, "Guizhou", gz["name_en"])
	assert.Equal(t, 1.0, gz["rank"])
	assert.Equal(t, 91.67, gz["score"])
	assert.Equal(t, 5.0, gz["stars"])
	assert.Equal(t, 1.0, gz["coverage"])

	hk := regions[1].(map[string]any)
	assert.Equal(t, sorted("code", "name", "rank", "score", "stars", "coverage", "dimensions", "indicators"), keys(t, hk), "no name_en when none is set")
	hkPolicy := hk["dimensions"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"id": "policy", "score": 0.0, "rank": 3.0, "stars": 1.0}, hkPolicy, "a zero score is still a score")

	bj := regions[2].(map[string]any)
	inds := bj["indicators"].([]any)
	require.Len(t, inds, 3)
	for _, ind := range inds {
		assert.Equal(t, sorted("id", "raw", "value", "normalised", "imputed", "source"), keys(t, ind))
	}
	assert.Equal(t, map[string]any{"id": "catalog_datasets", "raw": nil, "value": nil, "normalised": nil, "imputed": false, "source": ""}, inds[2], "NaN → null")
	assert.Equal(t, map[string]any{"id": "policy_docs", "raw": 2.0, "value": 2.0, "normalised": 50.0, "imputed": false, "source": "indicators.csv:3:3"}, inds[0])
	assert.InDelta(t, 2.0/3, bj["coverage"], 1e-15)

	tb := regions[3].(map[string]any)
	assert.Equal(t, sorted("code", "name", "name_en", "rated", "reason", "coverage", "dimensions", "indicators"), keys(t, tb))
	assert.NotContains(t, tb, "rank")
	assert.NotContains(t, tb, "score")
	assert.NotContains(t, tb, "stars")
	assert.Equal(t, false, tb["rated"])
	assert.Equal(t, "数据覆盖率 33% 低于最低要求 50%", tb["reason"])
	for _, d := range tb["dimensions"].([]any) {
		assert.Equal(t, sorted("id", "score"), keys(t, d), "missing dimension: score only")
		assert.Nil(t, d.(map[string]any)["score"])
	}

	weights := doc["weights"].([]any)
	require.Len(t, weights, 5)
	for _, w := range weights {
		assert.Equal(t, sorted("id", "parent", "weight", "effective", "kind"), keys(t, w))
	}
	assert.Equal(t, map[string]any{"id": "policy", "parent": "", "kind": "dimension", "weight": 1.0 / 3, "effective": 1.0 / 3}, weights[0])
	assert.Equal(t, map[string]any{"id": "platforms", "parent": "sharing", "kind": "indicator", "weight": 0.5, "effective": 1.0 / 3}, weights[3])
	assert.Contains(t, string(out), `"weight": 0.3333333333333333,`, "shortest float representation")
}

func TestJSONLabels(t *testing.T) {
	_, doc := decodeJSON(t, testResultLabels(), Options{})
	regions := doc["regions"].([]any)
	gz := regions[0].(map[string]any)
	assert.Equal(t, "五星", gz["class"])
	assert.Equal(t, map[string]any{"id": "sharing", "score": 87.5, "rank": 2.0, "stars": 5.0, "class": "五星"}, gz["dimensions"].([]any)[1])
	tb := regions[3].(map[string]any)
	assert.NotContains(t, tb, "class", "unrated: no class")
}

func TestJSONIndependentOfLanguage(t *testing.T) {
	zh, _ := decodeJSON(t, testResult(), Options{Lang: "zh", Engine: testEngine})
	en, _ := decodeJSON(t, testResult(), Options{Lang: "en", Engine: testEngine})
	assert.Equal(t, string(zh), string(en))
}

func TestJSONEscapesHTML(t *testing.T) {
	r := testResult()
	r.Regions[0].Region.Name = "<b>贵州</b> & co"
	out, doc := decodeJSON(t, r, Options{})
	assert.Contains(t, string(out), `"name": "\u003cb\u003e贵州\u003c/b\u003e \u0026 co"`)
	assert.NotContains(t, string(out), "<b>")
	assert.Equal(t, "<b>贵州</b> & co", doc["regions"].([]any)[0].(map[string]any)["name"])
	assert.Equal(t, "govindex", doc["index"].(map[string]any)["engine"], "default engine")
}

func TestJSONFloat(t *testing.T) {
	tests := []struct {
		x    float64
		want string
	}{
		{math.NaN(), "null"},
		{math.Inf(1), "null"},
		{math.Inf(-1), "null"},
		{0, "0"},
		{-3.5, "-3.5"},
		{91.67, "91.67"},
		{1e21, "1e+21"},
		{1.0 / 3, "0.3333333333333333"},
	}
	for _, tc := range tests {
		b, err := json.Marshal(JSONFloat(tc.x))
		require.NoError(t, err)
		assert.Equal(t, tc.want, string(b))
	}
	var f JSONFloat
	require.NoError(t, json.Unmarshal([]byte("null"), &f))
	assert.True(t, math.IsNaN(float64(f)))
	require.NoError(t, json.Unmarshal([]byte("2.5"), &f))
	assert.Equal(t, JSONFloat(2.5), f)
}

// TestJSONExtendByEmbedding shows how robust can add a per-region object
// without touching the contract keys.
func TestJSONExtendByEmbedding(t *testing.T) {
	type robust struct {
		Nominal int `json:"nominal"`
		Median  int `json:"median"`
	}
	type robustRegion struct {
		JSONRegion
		Robust *robust `json:"robust,omitempty"`
	}
	doc := JSONResult(testResult(), Options{Engine: testEngine})
	ext := struct {
		*JSONDoc
		Regions []robustRegion `json:"regions"`
	}{JSONDoc: doc}
	for i, r := range doc.Regions {
		rr := robustRegion{JSONRegion: r}
		if i == 0 {
			rr.Robust = &robust{Nominal: 1, Median: 1}
		}
		ext.Regions = append(ext.Regions, rr)
	}
	var buf bytes.Buffer
	require.NoError(t, EncodeJSON(&buf, ext))
	var got map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	assert.Equal(t, sorted("index", "method", "regions", "weights"), keys(t, got))
	regions := got["regions"].([]any)
	gz := regions[0].(map[string]any)
	assert.Equal(t, map[string]any{"nominal": 1.0, "median": 1.0}, gz["robust"])
	assert.Equal(t, 91.67, gz["score"])
	assert.NotContains(t, regions[1], "robust")
}
