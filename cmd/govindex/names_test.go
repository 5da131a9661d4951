package main

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
)

// cmRegions are regions with names that share prefixes: 广州市 and 广东省
// (广), 上海市 and 上饶市 (上), Guangzhou and Guangdong (Guang), and codes
// 440100 / 440000 (44).
func cmRegions() []*indicators.Region {
	return []*indicators.Region{
		{Code: "520000", Name: "贵州省", NameEn: "Guizhou"},
		{Code: "440100", Name: "广州市", NameEn: "Guangzhou"},
		{Code: "440000", Name: "广东省", NameEn: "Guangdong"},
		{Code: "310000", Name: "上海市", NameEn: "Shanghai"},
		{Code: "361100", Name: "上饶市", NameEn: "Shangrao"},
		{Code: "110000", Name: "北京市", NameEn: "Beijing"},
		{Code: "HK", Name: "Hong Kong"},
	}
}

// cmUsage returns the message of a usage error, failing when err is not one.
func cmUsage(t *testing.T, err error) string {
	t.Helper()
	require.Error(t, err)
	var ue *usageError
	require.True(t, errors.As(err, &ue), "%v is not a usage error", err)
	assert.Equal(t, exitInput, exitCode(err))
	return ue.msg
}

func TestMatchRegion(t *testing.T) {
	tests := []struct {
		typed string
		want  string   // the code found, "" for an error
		msg   []string // the error message contains each
		not   []string // and none of these
	}{
		// Exact code.
		{typed: "520000", want: "520000"},
		{typed: "440000", want: "440000"},
		{typed: " 110000 ", want: "110000"},
		// Invisible characters, bidi controls and character widths make
		// no difference.
		{typed: "110000\u200b", want: "110000"},
		{typed: "\u202e５２００００\u202c", want: "520000"},
		{typed: "广州\u200d市", want: "440100"},
		{typed: "\u3000ｇｕａｎｇｚｈｏｕ\ufeff", want: "440100"},
		{typed: "贵\u00ad", want: "520000"},
		{typed: "hk", want: "HK"}, // codes ignore the case too, at step 2
		// Exact name, Chinese or English in any case.
		{typed: "广州市", want: "440100"},
		{typed: "Guangzhou", want: "440100"},
		{typed: "GUANGDONG", want: "440000"},
		{typed: "hong kong", want: "HK"},
		// Unique prefix of a name, an English name or a code.
		{typed: "贵州", want: "520000"},
		{typed: "贵", want: "520000"},
		{typed: "广州", want: "440100"},
		{typed: "北", want: "110000"},
		{typed: "Gui", want: "520000"},
		{typed: "guangz", want: "440100"},
		{typed: "shanghai", want: "310000"},
		{typed: "52", want: "520000"},
		{typed: "4401", want: "440100"},
		{typed: "Hong", want: "HK"},
		// Ambiguous prefixes list every candidate.
		{typed: "广", msg: []string{`"广" fits 2 regions`, "440100 广州市", "440000 广东省"}, not: []string{"贵州省"}},
		{typed: "上", msg: []string{`"上" fits 2 regions`, "310000 上海市", "361100 上饶市"}},
		{typed: "Guang", msg: []string{"fits 2 regions", "440100 广州市", "440000 广东省"}},
		{typed: "44", msg: []string{"fits 2 regions", "440100 广州市", "440000 广东省"}},
		{typed: "shang", msg: []string{"fits 2 regions", "310000 上海市", "361100 上饶市"}},
		// Unknown names suggest the closest, at most five.
		{typed: "贵州市", msg: []string{`unknown region "贵州市"; the closest are: 520000 贵州省`}},
		{typed: "Bejing", msg: []string{`unknown region "Bejing"; the closest are: 110000 北京市`}},
		{typed: "广西", msg: []string{"unknown region", "440100 广州市, 440000 广东省"}},
		// Nothing in common: the first five, in the order of the regions.
		{typed: "西藏", msg: []string{"the closest are: 520000 贵州省, 440100 广州市, 440000 广东省, 310000 上海市, 361100 上饶市"}},
		{typed: "", msg: []string{"the region name is empty"}},
		{typed: "  ", msg: []string{"the region name is empty"}},
	}
	rs := cmRegions()
	for _, tc := range tests {
		t.Run(tc.typed, func(t *testing.T) {
			got, err := matchRegion(rs, tc.typed, "zh")
			if tc.want != "" {
				require.NoError(t, err)
				assert.Equal(t, tc.want, got.Code)
				return
			}
			assert.Nil(t, got)
			msg := cmUsage(t, err)
			for _, m := range tc.msg {
				assert.Contains(t, msg, m)
			}
			for _, m := range tc.not {
				assert.NotContains(t, msg, m)
			}
		})
	}
}

func TestMatchRegionExactBeatsPrefix(t *testing.T) {
	// 北京 is a region's whole name and the start of another's: the exact
	// name wins; a code wins over a name that starts with it.
	rs := []*indicators.Region{
		{Code: "A", Name: "北京市"},
		{Code: "B", Name: "北京"},
		{Code: "12", Name: "十二"},
		{Code: "C", Name: "12号区"},
	}
	got, err := matchRegion(rs, "北京", "zh")
	require.NoError(t, err)
	assert.Equal(t, "B", got.Code)
	got, err = matchRegion(rs, "12", "zh")
	require.NoError(t, err)
	assert.Equal(t, "12", got.Code)
}

func TestMatchRegionSuggestsFive(t *testing.T) {
	var rs []*indicators.Region
	for _, n := range []string{"甲一", "甲二", "甲三", "甲四", "甲五", "甲六", "乙一"} {
		rs = append(rs, &indicators.Region{Code: n, Name: n + "市"})
	}
	msg := cmUsage(t, func() error { _, err := matchRegion(rs, "丙", "zh"); return err }())
	assert.Contains(t, msg, "the closest are: 甲一 甲一市, 甲二 甲二市, 甲三 甲三市, 甲四 甲四市, 甲五 甲五市")
	assert.NotContains(t, msg, "甲六")
	// Names that contain it come first.
	msg = cmUsage(t, func() error { _, err := matchRegion(rs, "一市", "zh"); return err }())
	assert.Contains(t, msg, "the closest are: 甲一 甲一市, 乙一 乙一市")
}

func TestMatchIndicator(t *testing.T) {
	def := &indicators.Definition{
		Dimensions: []*indicators.Dimension{{ID: "policy", Name: "政策"}},
		Indicators: []*indicators.Indicator{
			{ID: "policy_docs", Dimension: "policy", Name: "政策文件数", NameEn: "Policy documents"},
			{ID: "policy_force", Dimension: "policy", Name: "政策最高法律效力", NameEn: "Highest legal force"},
			{ID: "platforms", Dimension: "policy", Name: "数据平台数", NameEn: "Data platforms"},
			{ID: "platform_years", Dimension: "policy", Name: "数据平台运行年限", NameEn: "Platform years"},
		},
	}
	def.Reindex()
	tests := []struct {
		typed string
		want  string
		msg   []string
	}{
		{typed: "policy_docs", want: "policy_docs"},
		{typed: "platforms", want: "platforms"}, // exact id, though platform_years starts with "platform"
		{typed: "政策文件数", want: "policy_docs"},
		{typed: "highest legal force", want: "policy_force"},
		{typed: "政策文", want: "policy_docs"},
		{typed: "policy_f", want: "policy_force"},
		{typed: "Data", want: "platforms"},
		{typed: "数据平台运", want: "platform_years"},
		{typed: "policy", msg: []string{`"policy" fits 2 indicators`, "policy_docs 政策文件数", "policy_force 政策最高法律效力"}},
		{typed: "数据平台", msg: []string{"fits 2 indicators", "platforms 数据平台数", "platform_years 数据平台运行年限"}},
		{typed: "plat", msg: []string{"fits 2 indicators"}},
		{typed: "policy_dosc", msg: []string{`unknown indicator "policy_dosc"; the closest are: policy_docs 政策文件数`}},
		{typed: "", msg: []string{"the indicator name is empty"}},
		{typed: "\u200b", msg: []string{"the indicator name is empty"}},
		{typed: "ｐｌａｔｆｏｒｍｓ\u200b", want: "platforms"},
		{typed: "政策\u2060文件数", want: "policy_docs"},
	}
	for _, tc := range tests {
		t.Run(tc.typed, func(t *testing.T) {
			got, err := matchIndicator(def, tc.typed, "zh")
			if tc.want != "" {
				require.NoError(t, err)
				assert.Equal(t, tc.want, got.ID)
				return
			}
			msg := cmUsage(t, err)
			for _, m := range tc.msg {
				assert.Contains(t, msg, m)
			}
		})
	}
}

func TestNameDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"贵州省", "贵州", 1}, {"贵州省", "西藏", 3}, {"beijing", "bejing", 1},
	} {
		assert.Equal(t, tc.want, nameDistance(tc.a, tc.b), "%q %q", tc.a, tc.b)
	}
}

// TestMatchMessagesInChinese checks the messages and hints of name
// matching have their Chinese.
func TestMatchMessagesInChinese(t *testing.T) {
	_, err := matchRegion(cmRegions(), "广", "zh")
	var ue *usageError
	require.True(t, errors.As(err, &ue))
	msg, hint := ue.localized("zh")
	assert.Equal(t, `"广" 可指 2 个地区：440100 广州市, 440000 广东省`, msg)
	assert.Equal(t, "请多输入几个字，或改用地区代码", hint)
	_, err = matchIndicator(&indicators.Definition{Indicators: []*indicators.Indicator{{ID: "x", Name: "甲"}}}, "y", "zh")
	require.True(t, errors.As(err, &ue))
	msg, hint = ue.localized("zh")
	assert.Equal(t, `未知的指标 "y"；最接近的有：x 甲`, msg)
	assert.Contains(t, hint, "index.toml")
	assert.NotContains(t, hint, "give")
}
