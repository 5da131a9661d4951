package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/data"
	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// wiEdition2017 loads the embedded 2017 edition and its matrix, as
// `govindex whatif` does with no --config.
func wiEdition2017(t *testing.T) (*indicators.Definition, *indicators.Matrix) {
	t.Helper()
	def, err := indicators.LoadFS(data.FS, data.EditionPath(data.DefaultEdition), "embedded:")
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	m := ds.Matrix(def, def.Index.Year)
	for _, y := range ds.Years() {
		if y != def.Index.Year {
			m.Other = append(m.Other, ds.Matrix(def, y))
		}
	}
	return def, m
}

// wiRun runs WhatIf on the 2017 edition.
func wiRun(t *testing.T, region string, target int) (*indicators.Definition, *indicators.Matrix, *scoring.WhatIfResult) {
	t.Helper()
	def, m := wiEdition2017(t)
	wi, err := scoring.WhatIf(def, m, region, target, scoring.WhatIfOptions{})
	require.NoError(t, err)
	return def, m, wi
}

// wiRender renders wi in format.
func wiRender(t *testing.T, format string, wi *scoring.WhatIfResult, lang string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteWhatIf(&b, format, wi, Options{Lang: lang}))
	return b.String()
}

// TestWhatIfJSONContract: the contract keys first, in order; each option,
// applied alone to the region's raw value of a fresh matrix, earns the
// target when the index is scored again; so does the plan.
func TestWhatIfJSONContract(t *testing.T) {
	def, m, wi := wiRun(t, "520000", 0)
	out := wiRender(t, "json", wi, "zh")
	assert.True(t, strings.HasPrefix(out, "{\n  \"region\": \"520000\",\n  \"stars\": 4,\n  \"target\": 5,\n  \"options\": [\n    {\n      \"indicator\": "), out)
	assert.NotContains(t, out, "NaN")
	assert.Equal(t, out, wiRender(t, "json", wi, "zh"), "deterministic")

	var doc struct {
		Region  string `json:"region"`
		Stars   int    `json:"stars"`
		Target  int    `json:"target"`
		Options []struct {
			Indicator  string   `json:"indicator"`
			From       *float64 `json:"from"`
			To         float64  `json:"to"`
			Unit       string   `json:"unit"`
			StarsAfter int      `json:"stars_after"`
		} `json:"options"`
		Name        string `json:"name"`
		Unreachable []struct {
			Indicator, Reason, Why string
		} `json:"unreachable"`
		Plan struct {
			Changes []struct {
				Indicator string  `json:"indicator"`
				To        float64 `json:"to"`
			} `json:"changes"`
			StarsAfter int `json:"stars_after"`
		} `json:"plan"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "贵州省", doc.Name)
	require.NotEmpty(t, doc.Options)
	rate := func(set map[string]float64) int {
		c := *m
		c.Values = make([][]float64, len(m.Values))
		for r := range m.Values {
			c.Values[r] = slices.Clone(m.Values[r])
			if m.Regions[r].Code != doc.Region {
				continue
			}
			for id, v := range set {
				ind, ok := def.Indicator(id)
				require.True(t, ok, id)
				c.Values[r][ind.Index] = v
			}
		}
		res, err := scoring.Score(def, &c)
		require.NoError(t, err)
		for _, rr := range res.Regions {
			if rr.Region.Code == doc.Region {
				return rr.Stars
			}
		}
		t.Fatal("region lost")
		return 0
	}
	assert.Equal(t, doc.Stars, rate(nil))
	for _, op := range doc.Options {
		assert.GreaterOrEqual(t, rate(map[string]float64{op.Indicator: op.To}), doc.Target, "%s → %g", op.Indicator, op.To)
		assert.Equal(t, doc.Target, op.StarsAfter)
	}
	plan := map[string]float64{}
	for _, c := range doc.Plan.Changes {
		plan[c.Indicator] = c.To
	}
	require.NotEmpty(t, plan)
	assert.GreaterOrEqual(t, rate(plan), doc.Target)
	for _, u := range doc.Unreachable {
		assert.NotEmpty(t, u.Reason, u.Indicator)
		assert.NotEmpty(t, u.Why, u.Indicator)
	}
	// open_datasets is missing for Guizhou: from is null.
	for _, op := range doc.Options {
		if op.Indicator == "open_datasets" {
			assert.Nil(t, op.From)
		} else {
			assert.NotNil(t, op.From, op.Indicator)
		}
	}
}

// TestWhatIfTableZh: the sentence, the options, the plan and the rest.
func TestWhatIfTableZh(t *testing.T) {
	_, _, wi := wiRun(t, "520000", 0)
	out := wiRender(t, "table", wi, "zh")
	assert.Contains(t, out, "政府数据融合共享应用指数 · 2017 版 · 2017 年 · 升星分析\n")
	assert.Contains(t, out, "\n贵州省目前为四星（79.1 分），要达到五星，只需以下任一项改变：\n")
	assert.Contains(t, out, "指标")
	assert.Contains(t, out, "当前值 → 目标值")
	assert.Contains(t, out, "数据共享开放部门数")
	assert.Contains(t, out, "50 → 57")
	assert.Contains(t, out, "缺失 → ")
	assert.Contains(t, out, "★★★★★")
	assert.Contains(t, out, "按此方案调整后得分 80.0 分，评为五星。")
	assert.Contains(t, out, "单独改变无法达到目标的指标：")
	assert.Contains(t, out, "已是可能的最佳值")
	// Options come cheapest first: the first row is the first option.
	first := whatIfIndicator(wi.Base.Def, wi.Options[0].Indicator, "zh")
	lines := strings.Split(out, "\n")
	i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "----") })
	require.Greater(t, i, 0)
	assert.True(t, strings.HasPrefix(lines[i+1], first), lines[i+1])
}

// TestWhatIfMarkdownEn: English Markdown tables with escaped text.
func TestWhatIfMarkdownEn(t *testing.T) {
	_, _, wi := wiRun(t, "110000", 5)
	out := wiRender(t, "md", wi, "en")
	assert.True(t, strings.HasPrefix(out, "## Government Data Sharing Index · edition 2017 · 2017 · What it takes to reach the next star\n"), out)
	assert.Contains(t, out, "Beijing currently has three stars (52.7 points)")
	assert.Contains(t, out, "five stars")
	assert.Contains(t, out, "| Indicator | Unit | From → to | Change | Of span |")
	assert.Contains(t, out, "| :--- | :--- | :--- | ---: | ---: |")
	assert.Contains(t, out, "Indicators that cannot reach the target alone:")
}

// wiCSVHeader is the header of `whatif --format csv`.
var wiCSVHeader = []string{"region", "indicator", "name", "unit", "from", "to", "change", "effort", "score_after", "stars_after", "kind", "few_reports"}

// TestWhatIfCSV: one row per option under the header, then one per change
// of the plan; kind tells them apart, so a region with no single option
// but a plan (浙江省, 北京市 asked for five stars) still gets its plan;
// the unit is the one the table shows in the language.
func TestWhatIfCSV(t *testing.T) {
	cases := []struct {
		name, region string
		target       int
		lang         string
	}{
		{"options and a single-change plan", "520000", 0, "zh"},
		{"options in English", "440100", 0, "en"},
		{"only a plan", "330000", 0, "zh"},
		{"only a plan in English", "110000", 5, "en"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			def, _, wi := wiRun(t, tc.region, tc.target)
			recs, err := csv.NewReader(strings.NewReader(wiRender(t, "csv", wi, tc.lang))).ReadAll()
			require.NoError(t, err)
			assert.Equal(t, wiCSVHeader, recs[0])
			changes := 0
			if wi.Plan != nil {
				changes = len(wi.Plan.Changes)
			}
			require.Len(t, recs, 1+len(wi.Options)+changes)
			require.Greater(t, len(recs), 1, "more than the header")
			for k, rec := range recs[1:] {
				require.Len(t, rec, len(wiCSVHeader))
				assert.Equal(t, tc.region, rec[0])
				ind, ok := def.Indicator(rec[1])
				require.True(t, ok, rec[1])
				assert.Equal(t, UnitLabel(tc.lang, ind), rec[3], rec[1])
				if k < len(wi.Options) {
					op := wi.Options[k]
					assert.Equal(t, "option", rec[10])
					assert.Equal(t, op.Indicator, rec[1])
					assert.Equal(t, strconv.Itoa(op.StarsAfter), rec[9])
					if op.FewReports {
						assert.Equal(t, strconv.Itoa(op.Reports), rec[11])
					} else {
						assert.Empty(t, rec[11])
					}
					continue
				}
				c := wi.Plan.Changes[k-len(wi.Options)]
				assert.Equal(t, "plan", rec[10])
				assert.Equal(t, c.Indicator, rec[1])
				assert.Equal(t, formatNumber(c.To), rec[5])
				assert.Equal(t, strconv.Itoa(wi.Plan.StarsAfter), rec[9])
			}
		})
	}
}

// TestWhatIfMissingAndFew: 广州市 has no value of enterprise_partners,
// which only 贵州省 reports: the option starts from 0 (a whole span to
// reach 5), and every format says it rests on one other region's value;
// the note says where missing values start.
func TestWhatIfMissingAndFew(t *testing.T) {
	_, _, wi := wiRun(t, "440100", 0)
	var op *scoring.WhatIfOption
	for k := range wi.Options {
		if wi.Options[k].Indicator == "enterprise_partners" {
			op = &wi.Options[k]
		}
	}
	require.NotNil(t, op)
	require.True(t, op.FewReports)

	cases := []struct {
		format, lang string
		want         []string
		not          []string
	}{
		{"table", "zh", []string{
			"落户数据中心的企业数  家    缺失 → 5               —    100.0%",
			"注意：只有 1 个其他地区报告了“落户数据中心的企业数”，相关结果依据的数据很少。",
			"缺失的指标从其自然下限算起：各地区观测值均不小于 0 且越大越好的指标（计数、比例、年限）从 0 算起，其余从各地区中最不利的观测值算起",
		}, []string{"数据交易机构数”", "缺失的指标从各地区中最不利的观测值算起"}},
		{"table", "en", []string{
			"Note: only 1 other region reports Enterprises that placed data centres; the result rests on very little data.",
			"A missing indicator is measured from its natural floor: 0 where every value observed is at least 0 and higher is better",
		}, nil},
		{"md", "zh", []string{
			"| 落户数据中心的企业数 | 家 | 缺失 → 5 | — | 100.0% |",
			"\n注意：只有 1 个其他地区报告了“落户数据中心的企业数”，相关结果依据的数据很少。\n",
		}, nil},
		{"json", "zh", []string{
			"\"indicator\": \"enterprise_partners\",\n      \"from\": null,\n      \"to\": 5,",
			"\"stars_after\": 5,\n      \"few_reports\": 1\n",
		}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.format+"_"+tc.lang, func(t *testing.T) {
			out := wiRender(t, tc.format, wi, tc.lang)
			for _, w := range tc.want {
				assert.Contains(t, out, w)
			}
			for _, w := range tc.not {
				assert.NotContains(t, out, w)
			}
		})
	}
	// few_reports is left out where enough regions report.
	j := JSONWhatIfResult(wi, Options{})
	for _, o := range j.Options {
		if o.Indicator == "enterprise_partners" {
			require.NotNil(t, o.FewReports)
			assert.Equal(t, 1, *o.FewReports)
		} else {
			assert.Nil(t, o.FewReports, o.Indicator)
		}
	}

	// No other region at all: the remark says so; a plan change is
	// remarked when no option is.
	none := *wi
	none.Options = nil
	none.Plan = &scoring.WhatIfPlan{Changes: []scoring.WhatIfChange{
		{Indicator: "data_exchanges", From: math.NaN(), To: 1, Change: math.NaN(), Effort: 1, FewReports: true, Reports: 0},
	}, Effort: 1, ScoreAfter: 85.7, StarsAfter: 5}
	zh := wiRender(t, "table", &none, "zh")
	assert.Contains(t, zh, "注意：没有其他地区报告“数据交易机构数”，相关结果依据的数据很少。")
	assert.Contains(t, zh, "缺失的指标从其自然下限算起", "the note covers a plan's missing value")
	assert.Contains(t, wiRender(t, "table", &none, "en"), "Note: no other region reports Data exchanges; the result rests on very little data.")
	assert.Contains(t, wiRender(t, "json", &none, "en"), "\"few_reports\": 0")
	recs, err := csv.NewReader(strings.NewReader(wiRender(t, "csv", &none, "en"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 2)
	assert.Equal(t, []string{"440100", "data_exchanges", "Data exchanges", "", "", "1", "", "1", "85.7", "5", "plan", "0"}, recs[1])
}

// TestWhatIfNotActionable: the 2017 edition's years since the first
// document and platform are listed as what the region cannot change.
func TestWhatIfNotActionable(t *testing.T) {
	_, _, wi := wiRun(t, "330000", 0)
	zh := wiRender(t, "table", wi, "zh")
	assert.Regexp(t, `\n政策起步年限 +该指标不是地区可以改变的（index.toml 中 actionable = false）\n`, zh)
	assert.Regexp(t, `\n数据平台运行年限 +该指标不是地区可以改变的（index.toml 中 actionable = false）\n`, zh)
	assert.NotContains(t, zh, "1.396 → ")
	en := wiRender(t, "table", wi, "en")
	assert.Regexp(t, `\nYears since the first document +not something the region can change \(actionable = false in index\.toml\)\n`, en)
	j := JSONWhatIfResult(wi, Options{})
	fixed := 0
	for _, u := range j.Unreachable {
		if u.Why == scoring.WhyFixed {
			fixed++
			assert.Contains(t, []string{"policy_years", "platform_years", "national_zones"}, u.Indicator)
		}
	}
	assert.Equal(t, 3, fixed, "elapsed time and a national designation")
	require.NotNil(t, j.Plan)
	for _, c := range j.Plan.Changes {
		assert.NotContains(t, []string{"policy_years", "platform_years", "national_zones"}, c.Indicator)
	}
}

// TestWhatIfWording: the top rating, no option at all, an unrated region,
// a cap, and each kind of reason in both languages; text from the data
// is escaped in Markdown.
func TestWhatIfWording(t *testing.T) {
	def, _, wi := wiRun(t, "520000", 0)
	rr := wi.Region

	top := &scoring.WhatIfResult{Base: wi.Base, Region: rr, Stars: 5, Target: 5, Classes: 5, Top: true}
	assert.Contains(t, wiRender(t, "table", top, "zh"), "贵州省目前为五星（79.1 分），已是最高星级。")
	assert.Contains(t, wiRender(t, "table", top, "en"), "Guizhou currently has five stars (79.1 points), the top rating.")
	j := JSONWhatIfResult(top, Options{})
	assert.True(t, j.Top)
	assert.Empty(t, j.Options)
	assert.NotNil(t, j.Options, "options is [] rather than null")

	none := &scoring.WhatIfResult{Base: wi.Base, Region: rr, Stars: 4, Target: 5, Classes: 5, Unreachable: []scoring.WhatIfUnreachable{
		{Indicator: "policy_docs", Why: scoring.WhyLimit, At: 1000, ScoreAt: 79.5, StarsAt: 4},
		{Indicator: "policy_force", Why: scoring.WhyLimit, At: 0, Bound: true, ScoreAt: 79.5, StarsAt: 4},
		{Indicator: "policy_recent", Why: scoring.WhyWeight, Weight: 0.0667, ScoreAt: 79.5, StarsAt: 4},
		{Indicator: "policy_years", Why: scoring.WhyCap, Cap: 0, Dimension: "sharing", CapMax: 4},
		{Indicator: "policy_topics", Why: scoring.WhyBest, At: 100},
		{Indicator: "platforms", Why: scoring.WhyMaxed},
		{Indicator: "platform_years", Why: scoring.WhyFixed},
	}}
	q := 0.25
	saved := def.Caps
	def.Caps = []*indicators.CapSpec{{Max: 4, BelowQuantile: &q}}
	defer func() { def.Caps = saved }()
	zh := wiRender(t, "table", none, "zh")
	assert.Contains(t, zh, "贵州省目前为四星（79.1 分），任何单项指标的改变都无法使其达到五星。")
	assert.Contains(t, zh, "没有找到能达到五星的组合方案。")
	assert.Contains(t, zh, "即使达到 1000，也只能评为四星（79.5 分）")
	assert.Contains(t, zh, "即使达到可能的最佳值 0，也只能评为四星（79.5 分）")
	assert.Contains(t, zh, "权重过小（占指数的 6.7%）")
	assert.Contains(t, zh, "星级封顶：“融合共享程度”维度排在参评地区后 25%，最高只能评为四星")
	assert.Contains(t, zh, "当前值 100 已是可能的最佳值")
	assert.Contains(t, zh, "该指标已得满分")
	assert.Contains(t, zh, "该指标不是地区可以改变的（index.toml 中 actionable = false）")
	en := wiRender(t, "table", none, "en")
	assert.Contains(t, en, "no change of a single indicator is enough to reach five stars")
	assert.Contains(t, en, "a star cap holds the rating: Sharing depth is in the bottom quarter, which allows at most four stars")
	assert.Contains(t, en, "the indicator's weight is too small (6.7% of the index)")
	assert.Contains(t, en, "not something the region can change (actionable = false in index.toml)")
	assert.Contains(t, wiRender(t, "json", none, "en"), `"reason": "not something the region can change (actionable = false in index.toml)",
      "why": "fixed"`)

	unrated := *rr
	unrated.Rated, unrated.Stars = false, 0
	u := &scoring.WhatIfResult{Base: wi.Base, Region: &unrated, Stars: 0, Target: 1, Classes: 5, Options: wi.Options[:1]}
	assert.Contains(t, wiRender(t, "table", u, "zh"), "贵州省目前未评级，要达到一星，只需以下任一项改变：")
	assert.Contains(t, wiRender(t, "json", u, "zh"), `"score": null`)

	reg := *rr.Region
	reg.Name = "贵|州*"
	esc := *rr
	esc.Region = &reg
	md := wiRender(t, "md", &scoring.WhatIfResult{Base: wi.Base, Region: &esc, Stars: 4, Target: 5, Classes: 5, Options: wi.Options}, "zh")
	assert.Contains(t, md, `贵\|州\*目前为四星`)
}

// TestWhatIfErrors: unknown formats and missing results.
func TestWhatIfErrors(t *testing.T) {
	_, _, wi := wiRun(t, "520000", 0)
	var b bytes.Buffer
	assert.Error(t, WriteWhatIf(&b, "xlsx", wi, Options{}))
	assert.Error(t, WriteWhatIf(&b, "json", nil, Options{}))
	assert.Error(t, WriteWhatIf(&b, "json", &scoring.WhatIfResult{}, Options{}))
	assert.Nil(t, JSONWhatIfResult(nil, Options{}))
	assert.Equal(t, []string{"table", "csv", "json", "md"}, WhatIfFormats())
	assert.True(t, math.IsNaN(whatIfScore(&scoring.RegionResult{})))
}
