package reports

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/data"
	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// arWrite renders the article of r into a string.
func arWrite(t *testing.T, r *scoring.Result, o ArticleOptions) string {
	t.Helper()
	return string(render(t, func(w *bytes.Buffer) error { return WriteArticle(w, r, o) }))
}

// arEdition2017 scores the embedded 2017 edition, as `govindex article`
// does with no --config.
func arEdition2017(t *testing.T) *scoring.Result {
	t.Helper()
	def, err := indicators.LoadFS(data.FS, data.EditionPath(data.DefaultEdition), "embedded:")
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	res, err := scoring.Run(def, ds, def.Index.Year)
	require.NoError(t, err)
	return res
}

// arSection cuts the region section that starts with heading (a "### "
// line) out of the article, up to the next "### " or "## " heading.
func arSection(t *testing.T, out, heading string) string {
	t.Helper()
	start := strings.Index(out, "\n"+heading+"\n")
	require.GreaterOrEqual(t, start, 0, "no section %q", heading)
	rest := out[start+1+len(heading):]
	end := len(rest)
	for _, next := range []string{"\n### ", "\n## "} {
		if i := strings.Index(rest, next); i >= 0 && i < end {
			end = i
		}
	}
	return rest[:end]
}

// arClean fails when a template printed a missing value or a bad verb.
func arClean(t *testing.T, out string) {
	t.Helper()
	for _, bad := range []string{"%!", "<no value>", "NaN", "<nil>", "&lt;nil&gt;", "0x"} {
		assert.NotContains(t, out, bad)
	}
	assert.True(t, strings.HasSuffix(out, "\n") && !strings.HasSuffix(out, "\n\n"), "ends with one newline")
	assert.NotContains(t, out, "\n\n\n", "no double blank lines")
	assert.NotContains(t, out, "  ", "no double spaces")
	for i, l := range strings.Split(out, "\n") {
		assert.Equal(t, strings.TrimRight(l, " \t"), l, "trailing space on line %d", i+1)
	}
}

func TestArticleGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			o := ArticleOptions{Options: Options{Lang: lang, Engine: testEngine}}
			got := arWrite(t, testResult(), o)
			golden(t, "article_"+lang+".md", []byte(got))
			arClean(t, got)
			assert.Equal(t, got, arWrite(t, testResult(), o), "same input, same output")
		})
	}
}

func TestArticleEdition2017(t *testing.T) {
	res := arEdition2017(t)
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			out := arWrite(t, res, ArticleOptions{Options: Options{Lang: lang, Engine: testEngine}})
			arClean(t, out)
			a := ArticleData(res, lang)
			require.Len(t, a.Regions, 5)
			if lang == "zh" {
				assert.True(t, strings.HasPrefix(out, "# 政府数据融合共享应用指数（2017）星级评价\n"), out[:80])
				for _, h := range []string{"## 总体概况", "## 分地区点评", "#### 维度表现", "#### 证据", "## 方法说明", "### 数据说明"} {
					assert.Contains(t, out, "\n"+h+"\n")
				}
			} else {
				assert.True(t, strings.HasPrefix(out, "# Government Data Sharing Index (2017): star ratings\n"), out[:80])
				assert.Contains(t, out, "\n### Guizhou ★★★★☆\n")
			}
			for _, rr := range res.Regions {
				require.True(t, rr.Rated)
				name := regionName(rr.Region, lang)
				glyphs := StarGlyphs(rr.Stars, res.Def.Stars.NumClasses())
				sec := arSection(t, out, "### "+EscapeMarkdown(name)+" "+glyphs)
				score := formatScore(rr.Score, decimals(res.Def))
				assert.Contains(t, sec, score, "%s: score", name)
				if lang == "zh" {
					assert.Contains(t, sec, fmt.Sprintf("排名：%d/5", rr.Rank), "%s: rank", name)
					assert.Contains(t, sec, fmt.Sprintf("星级：%d 星", rr.Stars), "%s: stars as a number", name)
				} else {
					assert.Contains(t, sec, fmt.Sprintf("rank %d of 5", rr.Rank), "%s: rank", name)
					assert.Contains(t, sec, fmt.Sprintf("Stars %d of 5", rr.Stars), "%s: stars as a number", name)
				}

				var ar *ArticleRegion
				for _, x := range a.Regions {
					if string(x.Code) == rr.Region.Code {
						ar = x
					}
				}
				require.NotNil(t, ar)
				require.NotNil(t, ar.Strongest, name)
				require.NotNil(t, ar.Weakest, name)
				assert.Contains(t, sec, ar.Strongest.Name.String(), "%s: strongest dimension", name)
				assert.Contains(t, sec, ar.Weakest.Name.String(), "%s: weakest dimension", name)
				assert.NotEmpty(t, ar.Evidence, "%s: the top indicators of the strongest dimension", name)
				notes := 0
				for _, e := range ar.Evidence {
					// Collected values name their evidence records by title
					// and date; the file:row references stay in Source.
					require.NotEmpty(t, e.Evidence, "%s %s: collected, so its records are known", name, e.ID)
					assert.False(t, e.Bottom, "%s %s: a value at the bottom supports nothing", name, e.ID)
					assert.Equal(t, e.EvidenceText, e.SourceNote, "%s %s", name, e.ID)
					assert.NotEmpty(t, e.Source, "%s %s", name, e.ID)
					if e.EvidenceText != "" && strings.Contains(sec, e.EvidenceText.String()) {
						notes++
					}
					for _, x := range e.Evidence {
						assert.NotEmpty(t, x.Title, "%s %s: %s has a title", name, e.ID, x.Ref)
						assert.Contains(t, x.Ref, "evidence/", "%s %s", name, e.ID)
					}
					assert.NotContains(t, sec, "evidence/", "%s: no file:row lists in the prose", name)
					assert.Contains(t, sec, e.Value, "%s: raw value with its unit", name)
				}
				assert.Positive(t, notes, "%s: at least one evidence note", name)
			}
			// 广州市 has no data on the open dimension: said, not hidden.
			gz := arSection(t, out, "### "+regionName(res.Regions[1].Region, lang)+" ★★★★☆")
			if lang == "zh" {
				assert.Contains(t, gz, "在“开放融合与创新”维度没有数据")
				assert.Contains(t, gz, "| 开放融合与创新 | 无数据 | — | 未参评 |")
				assert.Contains(t, out, "- 广州市：国家级试验区与示范基地数、")
				assert.Contains(t, out, "本期没有地区达到五星")
				assert.Contains(t, out, "距五星的 80 分门槛还差 0.9 分")
			} else {
				assert.Contains(t, gz, "It has no data on Openness & innovation, which is left out")
				assert.Contains(t, out, "- Guangzhou: National pilot zones and demonstration bases, ")
			}
		})
	}
}

func TestArticleData(t *testing.T) {
	a := ArticleData(testResult(), "zh")
	require.NotNil(t, a)
	assert.Equal(t, "政府数据融合共享应用指数（2017）星级评价", a.Title)
	assert.Equal(t, 4, a.Overview.Regions)
	assert.Equal(t, 3, a.Overview.Rated)
	assert.Equal(t, 1, a.Overview.Unrated)
	require.Len(t, a.Overview.Leaders, 1)
	assert.Equal(t, Text("贵州省"), a.Overview.Leaders[0].Name)
	assert.Equal(t, Text("Hong Kong"), a.Overview.RunnerUp.Name)
	assert.Equal(t, "25.00", a.Overview.Lead)
	require.Len(t, a.Overview.Stars, 3)
	assert.Equal(t, 5, a.Overview.Stars[0].Stars)
	assert.Equal(t, []Text{"贵州省"}, a.Overview.Stars[0].Names)

	gz, hk, bj, xz := a.Regions[0], a.Regions[1], a.Regions[2], a.Regions[3]
	// Strongest and weakest by dimension score.
	assert.Equal(t, Text("policy"), gz.Strongest.ID)
	assert.Equal(t, Text("sharing"), gz.Weakest.ID)
	assert.Equal(t, Text("sharing"), hk.Strongest.ID)
	assert.Equal(t, Text("policy"), hk.Weakest.ID)
	// Evidence: the strongest dimension's indicators, highest normalised first.
	require.Len(t, hk.Evidence, 2)
	assert.Equal(t, Text("platforms"), hk.Evidence[0].ID, "100 before 100: declaration order")
	assert.Equal(t, Text("catalog_datasets"), hk.Evidence[1].ID)
	assert.Equal(t, "150 个", hk.Evidence[1].Value)
	assert.Equal(t, Text("indicators.csv:4:5"), hk.Evidence[1].Source)
	require.Len(t, hk.Weak, 1)
	assert.Equal(t, Text("policy_docs"), hk.Weak[0].ID)
	// 北京市 lacks catalog_datasets: not evidence, listed as missing.
	for _, e := range append(bj.Evidence, bj.Weak...) {
		assert.NotEqual(t, Text("catalog_datasets"), e.ID)
	}
	// The next star: thresholds 20, 40, 60, 80.
	assert.Equal(t, "", gz.Gap, "five stars: nothing above")
	assert.Equal(t, "13.33", hk.Gap)
	assert.Equal(t, "80", hk.Threshold)
	assert.Equal(t, "五星", hk.NextWord)
	assert.Equal(t, "3.33", bj.Gap)
	// Unrated: why, in the user's language.
	assert.False(t, xz.Rated)
	assert.Equal(t, "—", xz.Glyphs)
	assert.Equal(t, "数据覆盖率 33% 低于最低要求 50%", xz.Reason)
	// Missing values, rank order, no data not zero.
	require.Len(t, a.Missing, 2)
	assert.Equal(t, Text("北京市"), a.Missing[0].Region)
	assert.Equal(t, []Text{"开放数据集数"}, a.Missing[0].Indicators)
	assert.Equal(t, []Text{"数据共享开放政策文件数", "数据共享平台数"}, a.Missing[1].Indicators)

	assert.Nil(t, ArticleData(nil, "zh"))
	assert.Equal(t, "Government Data Sharing Index (2017): star ratings", ArticleData(testResult(), "en-GB").Title)
}

func TestArticleTiesMissingDimensionsCapsAndLabels(t *testing.T) {
	r := testResultLabels()
	// Hong Kong has no policy data: rated on sharing alone.
	r.Regions[1].Dimensions[0] = &scoring.NodeScore{ID: "policy", Score: nan, Missing: true}
	// 北京市 scores the same on both dimensions: no weakest; the tie goes
	// to the dimension declared first.
	r.Regions[2].Dimensions[0].Score, r.Regions[2].Dimensions[1].Score = 40, 40
	// 贵州省 and Hong Kong tie for first.
	r.Regions[1].Rank = 1
	// A cap lowered 北京市 from two stars to one.
	r.Caps = []scoring.CapApplied{{Region: "110000", Dimension: "sharing", From: 2, To: 1}}
	r.Treatments = []scoring.TreatmentReport{{Indicator: "catalog_datasets", Applied: "winsorise", Changed: 1}}
	r.Regions[3].Reason, r.Regions[3].Present, r.Regions[3].Total = "x", 1, 3
	r.Def.Scoring.MinCoverage = 0.5

	a := ArticleData(r, "zh")
	hk, bj, xz := a.Regions[1], a.Regions[2], a.Regions[3]
	assert.True(t, a.Regions[0].Tied)
	assert.True(t, hk.Tied)
	assert.False(t, bj.Tied)
	require.Len(t, a.Overview.Leaders, 2)
	assert.Equal(t, bj, a.Overview.RunnerUp)
	assert.Equal(t, 1, hk.Scored)
	require.Len(t, hk.NotRatedOn, 1)
	assert.Equal(t, Text("policy"), hk.NotRatedOn[0].ID)
	assert.Nil(t, hk.Weakest)
	assert.Equal(t, Text("policy"), bj.Strongest.ID, "tie: declaration order")
	assert.Nil(t, bj.Weakest, "equal scores: no weakest")
	require.Len(t, bj.Caps, 1)
	assert.Equal(t, "二星", bj.Caps[0].FromWord)
	assert.Equal(t, "", bj.Gap, "capped: no gap to the next star")
	assert.Equal(t, Text("一星"), bj.Class)
	assert.Equal(t, "3 个指标中仅 1 个有数据，低于最低覆盖率 50%", xz.Reason, "worded from the counts")

	for _, lang := range []string{"zh", "en"} {
		out := arWrite(t, r, ArticleOptions{Options: Options{Lang: lang}})
		arClean(t, out)
		if lang == "zh" {
			assert.Contains(t, out, "贵州省和Hong Kong以 91.67 分并列第一")
			assert.Contains(t, out, "| 排名 | 地区 | 星级 | 等级 | 总分 |")
			assert.Contains(t, out, "Hong Kong只有“政府数据融合共享程度”一个维度有数据")
			assert.Contains(t, out, "Hong Kong在“政策颁布”维度没有数据")
			assert.Contains(t, out, "北京市各维度得分持平，均为 40.00 分")
			assert.Contains(t, out, "按总分本可评为二星，但“政府数据融合共享程度”维度处于参评地区的下游，触发星级封顶规则，最终评为一星")
			assert.Contains(t, out, "指标“开放数据集数”的极端值经过处理（winsorise），改动了 1 个数值")
			assert.Contains(t, out, "### 西藏自治区（未评级）")
			assert.Contains(t, out, "（并列）")
		} else {
			assert.Contains(t, out, "Guizhou and Hong Kong share first place on 91.67 points")
			assert.Contains(t, out, "Its score alone would earn two stars, but a star cap holds it to one star")
			assert.Contains(t, out, "### Tibet (not rated)")
			assert.Contains(t, out, "Tibet is not rated this round: data for 1 of 3 indicators, under the minimum share of 50%")
		}
	}
}

func TestArticleEscapesMarkup(t *testing.T) {
	r := testResult()
	r.Regions[0].Region.Name = "A|B *x* <script>"
	r.Regions[0].Indicators[0].Source = "[link](javascript:alert(1)) <img src=x onerror=alert(1)>\n# heading"
	r.Def.Dimensions[1].Name = "共享|<b>深度</b>"
	r.Def.Indicators[0].Unit = "<i>件</i>"
	r.Def.Index.Name = "指数 <script>alert(1)</script>"
	out := arWrite(t, r, ArticleOptions{})
	arClean(t, out)

	assert.Contains(t, out, "\n### A\\|B \\*x\\* &lt;script&gt; ★★★★★\n")
	assert.Contains(t, out, "| 1 | A\\|B \\*x\\* &lt;script&gt; | ★★★★★ |")
	assert.Contains(t, out, "依据：\\[link\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; # heading")
	assert.Contains(t, out, "3 &lt;i&gt;件&lt;/i&gt;")
	assert.False(t, regexp.MustCompile(`<[a-zA-Z/!]`).MatchString(out), "no raw HTML tag")
	assert.NotContains(t, out, "\n# heading")
	// Every table keeps its columns: the ranking (6 columns) and each
	// region's dimensions (4).
	lines := strings.Split(out, "\n")
	tables := 0
	for i, l := range lines {
		if !strings.HasPrefix(l, "| ") || strings.HasPrefix(lines[i-1], "|") {
			continue
		}
		tables++
		cols := unescapedPipes(l)
		assert.Contains(t, []int{5, 7}, cols, "header %q", l)
		for _, row := range lines[i:] {
			if !strings.HasPrefix(row, "|") {
				break
			}
			assert.Equal(t, cols, unescapedPipes(row), "%q", row)
		}
	}
	assert.Equal(t, 1+3, tables, "the ranking and three rated regions")

	assert.Equal(t, `a\|b`, fmt.Sprint(Text("a|b")), "Text prints escaped")
	assert.Equal(t, "a|b", string(Text("a|b")))
}

func TestArticleCustomTemplate(t *testing.T) {
	tmpl := "自定义：{{.Index}}\n" +
		"{{range .Regions}}{{if .Rated}}- {{.Name}} {{.Glyphs}} {{.ScoreText}} {{stars .Stars 3}} {{word .Stars}}\n{{end}}{{end}}" +
		"{{num 123456789 \"条\"}} {{num 12345 \"个\"}} {{num 0.5 \"%\"}} {{pct 0.9234}} {{join .Overview.LeaderNames \"/\"}} " +
		"{{md \"a|b\"}} {{md .Index}} {{spell 2}} {{ordinal 3}} {{add 1 2}} {{sub 3 1}}\n"
	r := testResult()
	r.Regions[0].Region.Name = "贵|州"
	out := arWrite(t, r, ArticleOptions{Template: tmpl, TemplateName: "custom.tmpl"})
	assert.Equal(t, "自定义：政府数据融合共享应用指数\n"+
		"- 贵\\|州 ★★★★★ 91.67 ★★★★★ 五星\n"+
		"- Hong Kong ★★★★☆ 66.67 ★★★★ 四星\n"+
		"- 北京市 ★☆☆☆☆ 16.67 ★☆☆ 一星\n"+
		"1.23 亿条 1.23 万个 0.5% 92.3% 贵\\|州 a\\|b 政府数据融合共享应用指数 两 第三 3 2\n", out)

	// The language picks the words of the functions.
	en := arWrite(t, r, ArticleOptions{Options: Options{Lang: "en"},
		Template: "{{.Lang}} {{num 12345}} {{spell 2}} {{ordinal 3}} {{ordinal 22}} {{list .Overview.LeaderNames}} {{word 1}}"})
	assert.Equal(t, "en 12,345 two third 22nd Guizhou one star", en)
}

func TestArticleBrokenTemplate(t *testing.T) {
	tests := []struct {
		name, text string
		line, col  int
		msg        string
	}{
		{"parse", "# {{.Title}}\n\n{{range .Regions}\n", 3, 0, "bad character"},
		{"unknown function", "ok\n{{nosuch .Title}}\n", 2, 0, `function "nosuch" not defined`},
		{"unclosed", "{{if .Rated}}\nx\n", 0, 0, "unexpected EOF"},
		{"exec", "line 1\nline 2\nabc {{.NoSuchField}}\n", 3, 7, "NoSuchField"},
		{"bad argument", "\n{{num .Title}}", 2, 3, "not a number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteArticle(&buf, testResult(), ArticleOptions{Template: tc.text, TemplateName: "proj/custom.tmpl"})
			require.Error(t, err)
			assert.Zero(t, buf.Len(), "nothing written")
			var te *ArticleTemplateError
			require.True(t, errors.As(err, &te), "%T: %v", err, err)
			assert.Equal(t, "proj/custom.tmpl", te.Name)
			if tc.line > 0 {
				assert.Equal(t, tc.line, te.Line, err.Error())
				assert.Contains(t, err.Error(), "proj/custom.tmpl:"+strconv.Itoa(tc.line))
			}
			if tc.col > 0 {
				assert.Equal(t, tc.col, te.Col, err.Error())
			}
			assert.Contains(t, te.Msg, tc.msg)
			assert.NotContains(t, te.Msg, "template: proj/custom.tmpl", "the place is not repeated")
			assert.NotNil(t, errors.Unwrap(err))
		})
	}
}

func TestArticleEmbeddedTemplatesParse(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		tm, err := articleTemplate(testResult().Def, lang, ArticleOptions{})
		require.NoError(t, err)
		assert.Equal(t, "article_"+lang+".md.tmpl", tm.Name())
	}
}

func TestArticleErrors(t *testing.T) {
	var buf bytes.Buffer
	assert.ErrorIs(t, WriteArticle(&buf, nil, ArticleOptions{}), errNoResult)
	assert.ErrorIs(t, WriteArticle(&buf, &scoring.Result{}, ArticleOptions{}), errNoResult)
	assert.ErrorIs(t, WriteArticle(failWriter{}, testResult(), ArticleOptions{}), io.ErrClosedPipe)
}

func TestArticleNumbers(t *testing.T) {
	tests := []struct {
		lang string
		x    float64
		unit string
		want string
	}{
		{"zh", 3, "件", "3 件"},
		{"zh", 1.4, "年", "1 年 5 个月"},
		{"zh", 66.7, "%", "66.7%"},
		{"zh", 12345, "个", "1.23 万个"},
		{"zh", 176000000, "条", "1.76 亿条"},
		{"zh", 350, "", "350"},
		{"zh", 20000, "", "2 万"},
		{"zh", 0.000123456, "", "0.0001235"},
		{"zh", math.NaN(), "件", "无数据"},
		{"en", 12345, "个", "12,345"},
		{"en", 1234567.5, "", "1,234,567.5"},
		{"en", 1, "年", "1 year"},
		{"en", 2.1, "年", "2 years 1 month"},
		{"en", 50, "%", "50%"},
		{"en", 7, "km", "7 km"},
		{"en", 7, "a_b", `7 a\_b`},
		{"en", -12345, "", "-12,345"},
		{"en", math.Inf(1), "", "no data"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, formatQuantity(tc.lang, tc.x, tc.unit), "%s %v %q", tc.lang, tc.x, tc.unit)
	}
	assert.Equal(t, "50%", formatPct(0.5))
	assert.Equal(t, "33.3%", formatPct(1.0/3))
	assert.Equal(t, "两", spellCount("zh", 2))
	assert.Equal(t, " 31 ", spellCount("zh", 31))
	assert.Equal(t, "11", spellCount("en", 11))
	assert.Equal(t, "第十", ordinal("zh", 10))
	assert.Equal(t, "第 12", ordinal("zh", 12))
	assert.Equal(t, "11th", ordinal("en", 11))
	assert.Equal(t, "101st", ordinal("en", 101))
	assert.Equal(t, "one star", starsWord("en", 1))
	assert.Equal(t, "五星", starsWord("zh", 5))
	assert.Equal(t, "A、B和C", listWords("zh", []string{"A", "B", "C"}, "、"))
	assert.Equal(t, "A and B", listWords("en", []string{"A", "B"}, ", "))
}

func TestArticleMethodSentence(t *testing.T) {
	r := testResult()
	m := ArticleData(r, "zh").Method
	assert.Equal(t, "评价围绕“政策颁布”“政府数据融合共享程度”两个维度展开，共 3 项指标：各项指标用最小–最大值法换算到 0–100 分，"+
		"维度和指标按指数定义中设定的权重加权，逐级取加权算术平均得到总分；总分达到 20、40、60、80 分依次评为二星至五星，不足 20 分为一星。", m.Sentence)
	en := ArticleData(r, "en").Method
	assert.Equal(t, "Regions are rated on two dimensions (Policy and 政府数据融合共享程度) through 3 indicators: each indicator is rescaled to 0–100 by min-max, "+
		"weighted as the index definition sets and averaged (arithmetic mean) level by level into the score; scores reaching 20, 40, 60 and 80 earn two to five stars in turn, and scores under 20 one star.", en.Sentence)

	for _, method := range []string{"quantiles", "kmeans", "jenks", "custom"} {
		r.Def.Stars.Method, r.Method.Stars, r.Def.Stars.Classes = method, method, 4
		assert.Contains(t, ArticleData(r, "zh").Method.StarsPhrase, "四个星级")
	}
	r.Method.Normalise, r.Method.Weights, r.Method.Aggregate = "zscore", "entropy", "power"
	r.Def.Scoring.Power, r.Def.Scoring.Impute = 0.5, "median"
	q := 0.25
	r.Def.Caps = []*indicators.CapSpec{{Max: 4, BelowQuantile: &q}}
	m = ArticleData(r, "zh").Method
	assert.Contains(t, m.NormalisePhrase, "z 分数")
	assert.Contains(t, m.WeightsPhrase, "熵权法")
	assert.Equal(t, "逐级取加权幂平均（p = 0.5）得到总分", m.AggregatePhrase)
	assert.Equal(t, "缺失值按“中位数”方法插补，插补所得的数值在文中注明。", m.Impute)
	assert.Equal(t, []string{"星级封顶：任一维度排在参评地区后 25% 的，最高评为四星。"}, m.Caps)
}

func TestArticleEdgeCases(t *testing.T) {
	cases := map[string]func() *scoring.Result{
		"nobody rated": func() *scoring.Result {
			r := testResult()
			for _, rr := range r.Regions {
				rr.Rated, rr.Rank, rr.Stars, rr.Score = false, 0, 0, 0
			}
			return r
		},
		"one region, no edition, no year, no rounding": func() *scoring.Result {
			r := testResult()
			r.Regions = r.Regions[:1]
			r.Def.Index.Edition, r.Year, r.Def.Scoring.Round = "", 0, nil
			return r
		},
		"indicators without names, units or sources": func() *scoring.Result {
			r := testResult()
			for _, ind := range r.Def.Indicators {
				ind.Name, ind.NameEn, ind.Unit = "", "", ""
			}
			for _, rr := range r.Regions {
				for _, is := range rr.Indicators {
					is.Source = ""
				}
			}
			return r
		},
	}
	for name, build := range cases {
		for _, lang := range []string{"zh", "en"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				out := arWrite(t, build(), ArticleOptions{Options: Options{Lang: lang}})
				arClean(t, out)
				switch name {
				case "nobody rated":
					assert.Contains(t, out, map[string]string{"zh": "均因数据不足暂不评级", "en": "none of which has enough data"}[lang])
				case "one region, no edition, no year, no rounding":
					assert.True(t, strings.HasPrefix(out, map[string]string{"zh": "# 政府数据融合共享应用指数星级评价\n\n## ", "en": "# Government Data Sharing Index: star ratings\n\n## "}[lang]), out[:60])
				default:
					// No source at all: nothing to cite, and no table to name.
					assert.Contains(t, out, map[string]string{"zh": "**policy\\_docs**：3（100.00）。\n", "en": "**policy\\_docs**: 3 (100.00).\n"}[lang])
					assert.NotContains(t, out, map[string]string{"zh": "依据：", "en": "Evidence: "}[lang])
					assert.NotContains(t, out, map[string]string{"zh": "未列依据的数值", "en": "Values shown without evidence"}[lang])
				}
			})
		}
	}
}

// arRobust is a hand-built uncertainty analysis of testResult: 贵州 holds
// five stars in 87% of 1000 samples, Hong Kong four stars in only 60% (three
// stars in 35%), 北京 one star in every sample.
func arRobust(r *scoring.Result) *scoring.RobustResult {
	return &scoring.RobustResult{
		Nominal: r,
		Config:  scoring.RobustConfig{Samples: 1010},
		Failed:  10,
		Regions: []scoring.RobustRegion{
			{Region: r.Regions[0].Region, Nominal: 1, NominalStars: 5, Median: 1, P05: 1, P95: 2, StarShares: []float64{0, 0, 0, 0, 0.13, 0.87}},
			{Region: r.Regions[1].Region, Nominal: 2, NominalStars: 4, Median: 2, P05: 1, P95: 3, StarShares: []float64{0, 0, 0, 0.35, 0.6, 0.05}},
			{Region: r.Regions[2].Region, Nominal: 3, NominalStars: 1, Median: 3, P05: 3, P95: 3, StarShares: []float64{0, 1, 0, 0, 0, 0}},
		},
	}
}

func TestArticleRobust(t *testing.T) {
	r := testResult()
	rr := arRobust(r)

	zh := arWrite(t, r, ArticleOptions{Options: Options{Lang: "zh"}, Robust: rr})
	assert.Contains(t, zh, "在 1000 次合理的方法组合中，该地区有 87% 评为五星，排名在第 1 至第 2 名之间（5%–95% 区间）。")
	assert.Contains(t, zh, "在 1000 次合理的方法组合中，该地区有 60% 评为四星")
	assert.Contains(t, zh, "该地区有 100% 评为一星，排名始终为第 3 名。")
	assert.Contains(t, zh, "这一星级不够稳健：给出同一星级的组合不足 80%，另有 35% 评为三星。")
	assert.Equal(t, 1, strings.Count(zh, "不够稳健"), "only the rating under the threshold is flagged")
	assert.Contains(t, zh, "三个已评级地区中有两个的星级稳健（至少 80% 的组合给出同一星级）")
	assert.Contains(t, zh, "另有 10 次抽样（共 1010 次）因所抽方法不适用于数据而无法计算，未计入。", "the failed draws are said, not hidden")
	assert.Contains(t, arSection(t, zh, "### Hong Kong ★★★★☆"), "不够稳健")
	arClean(t, zh)

	en := arWrite(t, r, ArticleOptions{Options: Options{Lang: "en"}, Robust: rr})
	assert.Contains(t, en, "Its five-star rating held in 87% of 1000 plausible method choices; its rank ranged from 1 to 2 (5–95%).")
	assert.Contains(t, en, "Its four-star rating held in 60% of 1000 plausible method choices")
	assert.Contains(t, en, "This rating is not robust: it held in fewer than 80% of the choices, and 35% gave three stars.")
	assert.Contains(t, en, "finds two of the three ratings robust")
	assert.Contains(t, en, "Another 10 of the 1010 draws could not be computed (a drawn method did not apply to the data) and are left out.")
	assert.Contains(t, en, "its rank stayed at 3")
	arClean(t, en)

	// At the threshold a rating is robust; just below it, it is not.
	rr.Regions[1].StarShares = []float64{0, 0, 0, 0.2, 0.8, 0}
	assert.NotContains(t, arWrite(t, r, ArticleOptions{Options: Options{Lang: "en"}, Robust: rr}), "not robust")
	rr.Regions[1].StarShares = []float64{0, 0, 0, 0.201, 0.799, 0}
	out := arWrite(t, r, ArticleOptions{Options: Options{Lang: "en"}, Robust: rr})
	assert.Contains(t, out, "held in 79% of")
	assert.Contains(t, out, "not robust")

	// Without the analysis the article is as before.
	for _, lang := range []string{"zh", "en"} {
		plain := arWrite(t, r, ArticleOptions{Options: Options{Lang: lang}})
		assert.NotContains(t, plain, "1000")
		assert.NotContains(t, plain, "1,000")
	}
}
