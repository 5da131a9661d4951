package reports

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/govindex/govindex/indicators"
)

func TestCatalogueComplete(t *testing.T) {
	zh := slices.Sorted(maps.Keys(catalogue["zh"]))
	en := slices.Sorted(maps.Keys(catalogue["en"]))
	assert.Equal(t, zh, en, "every message exists in both languages")
	for _, lang := range []string{"zh", "en"} {
		for k, v := range catalogue[lang] {
			assert.NotEmpty(t, v, "%s/%s", lang, k)
		}
	}
}

func TestMessage(t *testing.T) {
	tests := []struct{ lang, key, want string }{
		{"zh", msgRank, "排名"},
		{"", msgRank, "排名"},
		{"fr", msgScore, "得分"},
		{"en", msgRank, "Rank"},
		{"EN", msgRegion, "Region"},
		{"en-US", msgNotRated, "not rated"},
		{"en_GB", msgStars, "Stars"},
		{"zh", msgNotRated, "未评级"},
		{"en", "no_such_key", "no_such_key"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Message(tc.lang, tc.key), "Message(%q, %q)", tc.lang, tc.key)
	}
}

func TestPickName(t *testing.T) {
	tests := []struct{ lang, zh, en, want string }{
		{"zh", "政策颁布", "Policy", "政策颁布"},
		{"en", "政策颁布", "Policy", "Policy"},
		{"en", "政府数据融合共享程度", "", "政府数据融合共享程度"}, // falls back to Chinese
		{"", "政策颁布", "Policy", "政策颁布"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, PickName(tc.lang, tc.zh, tc.en))
	}
	assert.Equal(t, "open", dimensionName(&indicators.Dimension{ID: "open"}, "zh"), "no name: the id")
	assert.Equal(t, "Open", dimensionName(&indicators.Dimension{ID: "open", NameEn: "Open"}, "zh"), "no Chinese name: the English one")
	assert.Equal(t, "X1", regionName(&indicators.Region{Code: "X1"}, "en"))
}

func TestTitle(t *testing.T) {
	r := testResult()
	assert.Equal(t, "政府数据融合共享应用指数 · 2017 版 · 2017 年", title(r, "zh"))
	assert.Equal(t, "Government Data Sharing Index · edition 2017 · 2017", title(r, "en"))
	r.Def.Index.Edition, r.Year = "", 0
	assert.Equal(t, "Government Data Sharing Index", title(r, "en"))
}

func TestFormatScore(t *testing.T) {
	tests := []struct {
		x    float64
		dec  int
		want string
	}{
		{91.67, 2, "91.67"},
		{0, 2, "0.00"},
		{-0.001, 2, "0.00"},
		{-1.5, 1, "-1.5"},
		{91.666, 0, "92"},
		{nan, 2, ""},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, formatScore(tc.x, tc.dec), "formatScore(%v, %d)", tc.x, tc.dec)
	}
	r := testResult()
	assert.Equal(t, 2, decimals(r.Def))
	r.Def.Scoring.Round = nil
	assert.Equal(t, 2, decimals(r.Def), "no rounding set: 2")
	one := 1
	r.Def.Scoring.Round = &one
	assert.Equal(t, 1, decimals(r.Def))
}
