package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/data"
	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// The article checker: it reads an article beside the JSON results of the
// same run and lists every statement the numbers contradict — the ranking
// table, the leader, the star counts, each region's rank, gap, strongest
// and weakest dimension, the indicator values it shows as evidence and as
// weak points, imputed values, the coverage note, the changes table and
// the trends. It knows the article's sentence shapes in both languages
// and checks each claim it finds; TestArticleChecker proves it catches
// tampered claims.

// ckDoc is the part of the JSON results the checker reads.
type ckDoc struct {
	Regions []ckRegion `json:"regions"`
}

type ckRegion struct {
	Code       string   `json:"code"`
	Name       string   `json:"name"`
	NameEn     string   `json:"name_en"`
	Rank       int      `json:"rank"`
	Score      *float64 `json:"score"`
	Stars      int      `json:"stars"`
	Rated      *bool    `json:"rated"`
	Dimensions []struct {
		ID    string   `json:"id"`
		Score *float64 `json:"score"`
		Rank  int      `json:"rank"`
	} `json:"dimensions"`
	Indicators []struct {
		ID         string   `json:"id"`
		Raw        *float64 `json:"raw"`
		Normalised *float64 `json:"normalised"`
		Imputed    bool     `json:"imputed"`
	} `json:"indicators"`
	Change *struct {
		From  int     `json:"from"`
		Score float64 `json:"score"`
		Rank  int     `json:"rank"`
	} `json:"change"`
	Trend *struct {
		From  int     `json:"from"`
		To    int     `json:"to"`
		Slope float64 `json:"slope"`
	} `json:"trend"`
}

func (r *ckRegion) rated() bool { return r.Rated == nil || *r.Rated }

// ckChecker holds what a check needs: the results, the definition for
// names, the language and the decimals scores are shown with.
type ckChecker struct {
	doc     ckDoc
	def     *indicators.Definition
	lang    string
	dec     int
	classes int
	errs    []string
	// checked counts the claims checked, by kind, so that a test can
	// tell that a check found what it looks for.
	checked map[string]int
}

func (c *ckChecker) saw(kind string) {
	if c.checked == nil {
		c.checked = map[string]int{}
	}
	c.checked[kind]++
}

func (c *ckChecker) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

func (c *ckChecker) regionName(r *ckRegion) string {
	if c.lang == "en" && r.NameEn != "" {
		return EscapeMarkdown(r.NameEn)
	}
	return EscapeMarkdown(r.Name)
}

func (c *ckChecker) region(name string) *ckRegion {
	for i := range c.doc.Regions {
		if c.regionName(&c.doc.Regions[i]) == name {
			return &c.doc.Regions[i]
		}
	}
	return nil
}

// dimension is the index of the top-level dimension named name in the
// article, -1 when none.
func (c *ckChecker) dimension(name string) (string, bool) {
	for _, d := range c.def.ChildDimensions("") {
		if EscapeMarkdown(dimensionName(d, c.lang)) == name {
			return d.ID, true
		}
	}
	return "", false
}

func (c *ckChecker) indicator(name string) (string, bool) {
	for _, ind := range c.def.Indicators {
		if EscapeMarkdown(indicatorName(ind, c.lang)) == name {
			return ind.ID, true
		}
	}
	return "", false
}

func (r *ckRegion) dimScore(id string) (score float64, rank int, ok bool) {
	for _, d := range r.Dimensions {
		if d.ID == id && d.Score != nil {
			return *d.Score, d.Rank, true
		}
	}
	return 0, 0, false
}

// num reads a number as the article writes it: thousands separators,
// a typographic minus, a leading plus.
func ckNum(s string) (float64, bool) {
	s = strings.NewReplacer(",", "", "−", "-", "+", "").Replace(strings.TrimSpace(s))
	x, err := strconv.ParseFloat(s, 64)
	return x, err == nil
}

// same says whether text shows x at the article's decimals.
func (c *ckChecker) same(text string, x float64) bool {
	v, ok := ckNum(text)
	return ok && math.Abs(v-x) <= 0.5*math.Pow(10, -float64(c.dec))+1e-9*math.Max(1, math.Abs(x))
}

func ckGlyphs(s string) int { return strings.Count(s, "★") }

// check runs every check on the article md.
func (c *ckChecker) check(md string) {
	c.checkOverview(md)
	for _, sec := range strings.Split(md, "\n### ")[1:] {
		c.checkRegion(sec)
	}
	c.checkChanges(md)
	c.checkDataNote(md)
}

// section is the text of the "## " section whose heading starts with one
// of heads.
func ckSection(md string, heads ...string) string {
	for _, h := range heads {
		if i := strings.Index(md, "\n## "+h); i >= 0 {
			rest := md[i+4:]
			if j := strings.Index(rest, "\n## "); j >= 0 {
				rest = rest[:j]
			}
			return rest
		}
	}
	return ""
}

// tableRows are the cells of the Markdown table rows in s after its
// header row that starts with first.
func ckTable(s, first string) (header []string, rows [][]string) {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "| "+first+" |") {
			continue
		}
		header = ckCells(l)
		for _, r := range lines[i+2:] {
			if !strings.HasPrefix(r, "|") {
				break
			}
			rows = append(rows, ckCells(r))
		}
		return
	}
	return nil, nil
}

func ckCells(l string) []string {
	parts := strings.Split(strings.Trim(l, "|"), " | ")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func (c *ckChecker) checkOverview(md string) {
	ov := ckSection(md, "总体概况", "Overview")
	if ov == "" {
		c.fail("no overview section")
		return
	}
	rankHead := map[string]string{"zh": "排名", "en": "Rank"}[c.lang]
	header, rows := ckTable(ov, rankHead)
	if rows == nil {
		c.fail("no ranking table")
	}
	for _, row := range rows {
		r := c.region(row[1])
		if r == nil {
			c.fail("ranking table: unknown region %q", row[1])
			continue
		}
		if !r.rated() {
			if row[0] != "—" {
				c.fail("ranking table: %s is unrated but ranked %s", row[1], row[0])
			}
			continue
		}
		c.saw("ranking row")
		if row[0] != strconv.Itoa(r.Rank) {
			c.fail("ranking table: %s ranked %s, the results say %d", row[1], row[0], r.Rank)
		}
		if ckGlyphs(row[2]) != r.Stars {
			c.fail("ranking table: %s has %s, the results say %d stars", row[1], row[2], r.Stars)
		}
		col := 3
		if len(header) > col && (header[col] == "等级" || header[col] == "Class") {
			col++
		}
		if !c.same(row[col], *r.Score) {
			c.fail("ranking table: %s scores %s, the results say %g", row[1], row[col], *r.Score)
		}
		for j := col + 1; j < len(row) && j < len(header); j++ {
			id, ok := c.dimension(header[j])
			if !ok {
				c.fail("ranking table: unknown dimension %q", header[j])
				continue
			}
			s, _, has := r.dimScore(id)
			switch {
			case !has && row[j] != "—":
				c.fail("ranking table: %s has %s on %s, which has no score", row[1], row[j], header[j])
			case has && !c.same(row[j], s):
				c.fail("ranking table: %s has %s on %s, the results say %g", row[1], row[j], header[j], s)
			}
		}
	}

	// The leader.
	leadRe := map[string]*regexp.Regexp{
		"zh": regexp.MustCompile(`(?m)([^，。\n]+?)以 ([-\d.,]+) 分位居榜首`),
		"en": regexp.MustCompile(`(?m)(?:\. |\n)([^.\n]+?) leads on ([-\d.,]+) points`),
	}[c.lang]
	for _, m := range leadRe.FindAllStringSubmatch(ov, -1) {
		c.saw("leader")
		r := c.region(m[1])
		switch {
		case r == nil:
			c.fail("leader %q is no region", m[1])
		case r.Rank != 1:
			c.fail("leader %s ranks %d", m[1], r.Rank)
		case !c.same(m[2], *r.Score):
			c.fail("leader %s: %s points, the results say %g", m[1], m[2], *r.Score)
		}
	}

	// The star counts.
	count := map[int]int{}
	maxStars := 0
	for i := range c.doc.Regions {
		if r := &c.doc.Regions[i]; r.rated() {
			count[r.Stars]++
			maxStars = max(maxStars, r.Stars)
		}
	}
	var starRe *regexp.Regexp
	if c.lang == "en" {
		starRe = regexp.MustCompile(`\((★+☆*)\)(?: “[^”]*”)? for ([^;\n]+?)(?:;|\. |\.\n|\.$)`)
	} else {
		starRe = regexp.MustCompile(`（(★+☆*)）(?:“[^”]*”)?地区 (\d+) 个：([^；。\n]+)`)
	}
	for _, m := range starRe.FindAllStringSubmatch(ov, -1) {
		c.saw("star count")
		stars := ckGlyphs(m[1])
		var names []string
		if c.lang == "en" {
			names = ckSplitList(m[2])
		} else {
			if n, _ := strconv.Atoi(m[2]); n != count[stars] {
				c.fail("%d regions said to have %d stars, the results say %d", n, stars, count[stars])
			}
			names = strings.Split(m[3], "、")
		}
		if len(names) != count[stars] {
			c.fail("%d regions named with %d stars, the results say %d", len(names), stars, count[stars])
		}
		for _, n := range names {
			if r := c.region(n); r == nil || r.Stars != stars {
				c.fail("%s is listed with %d stars", n, stars)
			}
		}
	}
	if strings.Contains(ov, "本期没有地区达到") || strings.Contains(ov, "No region reaches") {
		if maxStars >= c.classes {
			c.fail("says no region reaches the top rating, but one has %d stars", maxStars)
		}
	}
}

// ckSplitList splits "A, B and C" into its items.
func ckSplitList(s string) []string {
	s = strings.Replace(s, " and ", ", ", 1)
	var out []string
	for _, p := range strings.Split(s, ", ") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var (
	ckHeading = regexp.MustCompile(`^(.+?) (★+☆*)\n`)
	ckRankZh  = regexp.MustCompile(`排名：(\d+)/(\d+)`)
	ckRankEn  = regexp.MustCompile(`rank (\d+) of (\d+)`)
	ckGapZh   = regexp.MustCompile(`[距离][^，。；]+?的 ([-\d.,]+) 分门槛(?:还|只)差 ([-\d.,]+) 分`)
	ckGapEn   = regexp.MustCompile(`(?:It is|just) ([-\d.,]+) points short of the ([-\d.,]+) needed`)
	// A dimension with its score and rank in brackets.
	ckDimZh = regexp.MustCompile(`“([^”]+)”(?:上表现最好)?（([-\d.,]+) 分(?:，排名(第[^）]+))?）`)
	ckDimEn = regexp.MustCompile(`(?:dimension is|lowest is|weakest is|lowest,|even its lowest,) ([^(]+?) \(([-\d.,]+)(?:, (\w+))?\)`)
	// Bullets of indicators: name, value, normalised score.
	ckBulletZh = regexp.MustCompile(`(?m)^- \*\*(.+?)\*\*：(.+?)（([-\d.,]+)）。(.*)$`)
	ckBulletEn = regexp.MustCompile(`(?m)^- \*\*(.+?)\*\*: (.+?) \(([-\d.,]+)\)\.(.*)$`)
	// Trend prose.
	ckTrendZh = regexp.MustCompile(`(\d{4})–(\d{4}) 年平均每年(提高|降低) ([-\d.,]+) 分`)
	ckTrendEn = regexp.MustCompile(`over (\d{4})–(\d{4}) it (gained|lost) ([-\d.,]+) points a year`)
)

func (c *ckChecker) checkRegion(sec string) {
	m := ckHeading.FindStringSubmatch(sec)
	if m == nil {
		return // unrated
	}
	r := c.region(m[1])
	if r == nil {
		c.fail("section of unknown region %q", m[1])
		return
	}
	name := m[1]
	c.saw("region")
	if ckGlyphs(m[2]) != r.Stars {
		c.fail("%s: heading shows %s, the results say %d stars", name, m[2], r.Stars)
	}
	rankRe, gapRe, dimRe, bulletRe, trendRe := ckRankZh, ckGapZh, ckDimZh, ckBulletZh, ckTrendZh
	if c.lang == "en" {
		rankRe, gapRe, dimRe, bulletRe, trendRe = ckRankEn, ckGapEn, ckDimEn, ckBulletEn, ckTrendEn
	}
	if rm := rankRe.FindStringSubmatch(sec); rm == nil || rm[1] != strconv.Itoa(r.Rank) {
		c.fail("%s: rank line %v, the results say %d", name, rm, r.Rank)
	}
	if gm := gapRe.FindStringSubmatch(sec); gm != nil {
		c.saw("gap")
		th, gap := gm[1], gm[2]
		if c.lang == "en" {
			th, gap = gm[2], gm[1]
		}
		t, _ := ckNum(th)
		if !(t > *r.Score) || !c.same(gap, t-*r.Score) {
			c.fail("%s: %s short of %s, the score is %g", name, gap, th, *r.Score)
		}
	}

	// Dimensions named in the prose: score and rank as in the results;
	// the strongest is the highest, the weakest the lowest.
	para := sec
	if i := strings.Index(sec, "\n####"); i >= 0 {
		para = sec[:i]
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, d := range r.Dimensions {
		if d.Score != nil {
			lo, hi = math.Min(lo, *d.Score), math.Max(hi, *d.Score)
		}
	}
	for _, dm := range dimRe.FindAllStringSubmatch(para, -1) {
		dn := strings.TrimSpace(dm[1])
		id, ok := c.dimension(dn)
		if !ok {
			continue
		}
		c.saw("dimension claim")
		s, rank, has := r.dimScore(id)
		if !has {
			c.fail("%s: %s is given a score but has none", name, dn)
			continue
		}
		if !c.same(dm[2], s) {
			c.fail("%s: %s at %s, the results say %g", name, dn, dm[2], s)
		}
		if dm[3] != "" && dm[3] != ordinal(c.lang, rank) {
			c.fail("%s: %s ranked %s, the results say %d", name, dn, dm[3], rank)
		}
	}
	c.checkBestWorst(name, para, r, lo, hi)

	// Indicator bullets: the normalised score shown is the results'; a
	// weak one is below the region's best and, where the section says the
	// dimension is held back, that dimension is not one it leads.
	best := math.Inf(-1)
	for _, ind := range r.Indicators {
		if ind.Normalised != nil {
			best = math.Max(best, *ind.Normalised)
		}
	}
	weakAt := len(sec)
	for _, h := range []string{"拖累“", "仍有提升空间", "得分相对较低的指标", "What holds ", "has room to grow", "The lowest indicators"} {
		if i := strings.Index(sec, h); i >= 0 && i < weakAt {
			weakAt = i
		}
	}
	for _, loc := range bulletRe.FindAllStringSubmatchIndex(sec, -1) {
		bm := make([]string, 5)
		for k := range bm {
			bm[k] = sec[loc[2*k]:loc[2*k+1]]
		}
		id, ok := c.indicator(bm[1])
		if !ok {
			c.fail("%s: unknown indicator %q", name, bm[1])
			continue
		}
		var norm *float64
		imputed := false
		for _, ind := range r.Indicators {
			if ind.ID == id {
				norm, imputed = ind.Normalised, ind.Imputed
			}
		}
		c.saw("indicator bullet")
		if loc[0] > weakAt {
			c.saw("weak bullet")
		}
		if norm == nil || !c.same(bm[3], *norm) {
			c.fail("%s: %s shown at %s, the results say %v", name, bm[1], bm[3], norm)
			continue
		}
		saysImputed := strings.Contains(bm[2], "插补") || strings.Contains(bm[2], "imputed")
		if saysImputed != imputed {
			c.fail("%s: %s imputed %v, the results say %v", name, bm[1], saysImputed, imputed)
		}
		if imputed && (strings.Contains(bm[4], "依据") || strings.Contains(bm[4], "Evidence")) {
			c.fail("%s: imputed %s cites evidence", name, bm[1])
		}
		if loc[0] > weakAt && *norm >= best {
			c.fail("%s: %s (%s) is listed as weak but is the region's best", name, bm[1], bm[3])
		}
	}
	for _, h := range []*regexp.Regexp{regexp.MustCompile(`拖累“([^”]+)”`), regexp.MustCompile(`What holds (.+?) back`)} {
		if hm := h.FindStringSubmatch(sec); hm != nil {
			if id, ok := c.dimension(hm[1]); ok {
				if _, rank, _ := r.dimScore(id); rank == 1 {
					c.fail("%s: %s is said to hold the score back but ranks first", name, hm[1])
				}
			}
		}
	}

	for _, tm := range trendRe.FindAllStringSubmatch(sec, -1) {
		c.saw("trend prose")
		if r.Trend == nil {
			c.fail("%s: a trend over %s–%s with none in the results", name, tm[1], tm[2])
			continue
		}
		if tm[1] != strconv.Itoa(r.Trend.From) || tm[2] != strconv.Itoa(r.Trend.To) {
			c.fail("%s: trend over %s–%s, the results say %d–%d", name, tm[1], tm[2], r.Trend.From, r.Trend.To)
		}
		slope, _ := ckNum(tm[4])
		if tm[3] == "降低" || tm[3] == "lost" {
			slope = -slope
		}
		if !c.same(strconv.FormatFloat(slope, 'f', -1, 64), r.Trend.Slope) {
			c.fail("%s: trend %g a year, the results say %g", name, slope, r.Trend.Slope)
		}
	}
}

// checkBestWorst: the dimension called the strongest has the region's
// highest score, the one called the lowest or weakest its lowest.
func (c *ckChecker) checkBestWorst(name, para string, r *ckRegion, lo, hi float64) {
	var bestRe, worstRe *regexp.Regexp
	if c.lang == "en" {
		bestRe = regexp.MustCompile(`(?:strongest|highest-scoring) dimension is ([^(]+?) \(`)
		worstRe = regexp.MustCompile(`(?:its lowest is|its weakest is|its lowest,|even its lowest,) ([^(]+?) \(`)
	} else {
		bestRe = regexp.MustCompile(`(?:在“([^”]+)”上表现最好|得分最高的是“([^”]+)”)`)
		worstRe = regexp.MustCompile(`；“([^”]+)”(?:得分稍低|得分相对较低|相对薄弱)`)
	}
	pick := func(m []string) string {
		for _, s := range m[1:] {
			if s != "" {
				return strings.TrimSpace(s)
			}
		}
		return ""
	}
	for _, m := range bestRe.FindAllStringSubmatch(para, -1) {
		c.saw("strongest")
		if id, ok := c.dimension(pick(m)); ok {
			if s, _, _ := r.dimScore(id); s != hi {
				c.fail("%s: %s called strongest at %g, the highest is %g", name, pick(m), s, hi)
			}
		}
	}
	for _, m := range worstRe.FindAllStringSubmatch(para, -1) {
		c.saw("weakest")
		if id, ok := c.dimension(pick(m)); ok {
			if s, _, _ := r.dimScore(id); s != lo {
				c.fail("%s: %s called lowest at %g, the lowest is %g", name, pick(m), s, lo)
			}
		}
	}
}

func (c *ckChecker) checkChanges(md string) {
	ch := ckSection(md, "较上年变化", "Changes since")
	if ch == "" {
		return
	}
	rankHead := map[string]string{"zh": "排名", "en": "Rank"}[c.lang]
	header, rows := ckTable(ch, rankHead)
	for _, row := range rows {
		r := c.region(row[1])
		if r == nil {
			c.fail("changes table: unknown region %q", row[1])
			continue
		}
		c.saw("changes row")
		if r.Change == nil {
			if row[3] != "—" {
				c.fail("changes table: %s changed %s with no change in the results", row[1], row[3])
			}
		} else if !c.same(row[3], r.Change.Score) {
			c.fail("changes table: %s changed %s, the results say %g", row[1], row[3], r.Change.Score)
		}
		if len(row) < 8 || len(header) < 8 {
			continue
		}
		cell := row[7]
		if r.Trend == nil {
			if cell != "—" {
				c.fail("changes table: %s has trend %s, none in the results", row[1], cell)
			}
			continue
		}
		slope := cell
		if i := strings.IndexAny(cell, "（("); i >= 0 {
			slope = strings.TrimSpace(cell[:i])
			span := fmt.Sprintf("%d–%d", r.Trend.From, r.Trend.To)
			if !strings.Contains(cell, span) {
				c.fail("changes table: %s trend %s, the results cover %s", row[1], cell, span)
			}
		} else if !strings.Contains(header[7], fmt.Sprintf("%d–%d", r.Trend.From, r.Trend.To)) {
			c.fail("changes table: %s trend covers %d–%d, not the column's %s", row[1], r.Trend.From, r.Trend.To, header[7])
		}
		c.saw("trend cell")
		if !c.same(slope, r.Trend.Slope) {
			c.fail("changes table: %s trend %s, the results say %g", row[1], cell, r.Trend.Slope)
		}
	}
}

// checkDataNote: "every region has data for every indicator" holds only
// when every value was reported; the imputed and missing lists match.
func (c *ckChecker) checkDataNote(md string) {
	missing, imputed := 0, 0
	for _, r := range c.doc.Regions {
		for _, ind := range r.Indicators {
			switch {
			case ind.Imputed:
				imputed++
			case ind.Raw == nil:
				missing++
			}
		}
	}
	all := strings.Contains(md, "\n所有地区的全部指标均有数据。") || strings.Contains(md, "\nEvery region has data for every indicator.")
	apart := strings.Contains(md, "除下列插补值外，所有地区的全部指标均有数据。") || strings.Contains(md, "Apart from the imputed values below, every region has data")
	switch {
	case all && (missing > 0 || imputed > 0):
		c.fail("says every region has data for every indicator: %d values missing, %d imputed", missing, imputed)
	case apart && missing > 0:
		c.fail("says every value but the imputed ones is there: %d missing", missing)
	case apart && imputed == 0:
		c.fail("speaks of imputed values, but none was imputed")
	}
}

// ckRun renders r's article in lang and its JSON results, and checks one
// against the other.
func ckRun(t *testing.T, r *scoring.Result, lang string) (md string, errs []string) {
	t.Helper()
	md = arWrite(t, r, ArticleOptions{Options: Options{Lang: lang, Engine: testEngine}})
	return md, ckCheck(t, r, md, lang)
}

func ckCheck(t *testing.T, r *scoring.Result, md, lang string) []string {
	t.Helper()
	errs, _ := ckCheckCount(t, r, md, lang)
	return errs
}

func ckCheckCount(t *testing.T, r *scoring.Result, md, lang string) ([]string, map[string]int) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, r, Options{Lang: lang, Engine: testEngine}))
	c := &ckChecker{def: r.Def, lang: lang, dec: decimals(r.Def), classes: r.Def.Stars.NumClasses()}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &c.doc))
	c.check(md)
	return c.errs, c.checked
}

// ckResearcherProject is a researcher's own ten-province project: median
// imputation, winsorising, gaps in several indicators.
func ckResearcherProject(t *testing.T) *scoring.Result {
	t.Helper()
	const toml = `[index]
name = "省级数据开放指数"
name_en = "Provincial Open Data Index"
year = 2023
regions = "regions.csv"
data = ["data.csv"]

[scoring]
impute = "median"
treat = "winsorise"
normalise = "minmax"
round = 1

[[dimension]]
id = "supply"
name = "数据供给"
name_en = "Supply"

[[dimension]]
id = "use"
name = "开发利用"
name_en = "Use"

[[indicator]]
id = "datasets"
dimension = "supply"
name = "开放数据集"
name_en = "Open datasets"
unit = "个"

[[indicator]]
id = "apis"
dimension = "supply"
name = "开放接口"
name_en = "Open APIs"
unit = "个"

[[indicator]]
id = "apps"
dimension = "use"
name = "利用成果"
name_en = "Applications"
unit = "个"

[[indicator]]
id = "downloads"
dimension = "use"
name = "下载量"
name_en = "Downloads"
unit = "万次"
`
	fsys := fstest.MapFS{
		"regions.csv": {Data: []byte("code,name,name_en\n11,北京,Beijing\n31,上海,Shanghai\n33,浙江,Zhejiang\n44,广东,Guangdong\n52,贵州,Guizhou\n" +
			"37,山东,Shandong\n32,江苏,Jiangsu\n50,重庆,Chongqing\n51,四川,Sichuan\n42,湖北,Hubei\n")},
		"data.csv": {Data: []byte("region,datasets,apis,apps,downloads\n" +
			"11,1200,80,40,300\n31,1500,120,55,420\n33,2600,150,70,\n44,900,,30,210\n52,800,60,,150\n" +
			"37,700,40,20,90\n32,650,,18,80\n50,500,30,12,60\n51,480,25,,50\n42,20000,20,10,40\n")},
	}
	def, err := indicators.Parse("index.toml", []byte(toml), indicators.FSFiles{FS: fsys})
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	res, err := scoring.Run(def, ds, def.Index.Year)
	require.NoError(t, err)
	return res
}

// ckEdition2017 rates the embedded 2017 edition as `govindex article`
// does: every year of the series, so the article has its changes.
func ckEdition2017(t *testing.T) *scoring.Result {
	t.Helper()
	def, err := indicators.LoadFS(data.FS, data.EditionPath(data.DefaultEdition), "embedded:")
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	s, err := scoring.RunSeries(def, ds, scoring.SeriesYears(def, ds))
	require.NoError(t, err)
	res, ok := s.Result(def.Index.Year)
	require.True(t, ok)
	return res
}

// TestArticleAgreesWithResults runs the checker on every project the
// article is tested on, in both languages.
func TestArticleAgreesWithResults(t *testing.T) {
	projects := map[string]func(t *testing.T) *scoring.Result{
		"edition 2017":             ckEdition2017,
		"edition 2017 single year": arEdition2017,
		"test result":              func(*testing.T) *scoring.Result { return testResult() },
		"labels":                   func(*testing.T) *scoring.Result { return testResultLabels() },
		"series pooled":            func(*testing.T) *scoring.Result { return testSeriesResult("pooled")() },
		"series separate":          func(*testing.T) *scoring.Result { return testSeriesResult("separate")() },
		"TAI":                      func(t *testing.T) *scoring.Result { _, r := auTAI(t); return r },
		"researcher":               ckResearcherProject,
	}
	for name, load := range projects {
		for _, lang := range []string{"zh", "en"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				md, errs := ckRun(t, load(t), lang)
				assert.Empty(t, errs, "the article contradicts its results:\n%s", md)
			})
		}
	}
}

// TestArticleChecker: the checker catches each kind of false statement.
func TestArticleChecker(t *testing.T) {
	res := ckEdition2017(t)
	for _, lang := range []string{"zh", "en"} {
		md, errs := ckRun(t, res, lang)
		require.Empty(t, errs, lang)
		_, seen := ckCheckCount(t, res, md, lang)
		for _, kind := range []string{"ranking row", "leader", "star count", "region", "gap", "dimension claim",
			"strongest", "weakest", "indicator bullet", "weak bullet", "changes row", "trend cell", "trend prose"} {
			assert.Positive(t, seen[kind], "%s: the checker found no %s", lang, kind)
		}
		gz := "贵州省"
		if lang == "en" {
			gz = "Guizhou"
		}
		var leadScore string
		for _, rr := range res.Regions {
			if rr.Rank == 1 {
				leadScore = formatScore(rr.Score, decimals(res.Def))
			}
		}
		for _, tc := range []struct{ name, from, to string }{
			{"a score in the ranking table", "| 1 | " + gz + " | ", "| 2 | " + gz + " | "},
			{"the leader's score", leadScore, "99.9"},
			{"no region at the top", "", ""},
		} {
			if tc.from == "" {
				continue
			}
			bad := strings.Replace(md, tc.from, tc.to, 1)
			require.NotEqual(t, md, bad, "%s/%s: nothing replaced", lang, tc.name)
			assert.NotEmpty(t, ckCheck(t, res, bad, lang), "%s/%s: not caught", lang, tc.name)
		}
		// Every region has data, said of an edition with gaps.
		note := map[string]string{"zh": "\n所有地区的全部指标均有数据。\n", "en": "\nEvery region has data for every indicator.\n"}[lang]
		assert.NotEmpty(t, ckCheck(t, res, md+note, lang), "%s: coverage not caught", lang)
		// A normalised score changed in a bullet.
		bullet := map[string]*regexp.Regexp{"zh": regexp.MustCompile(`（(\d+\.\d)）。`), "en": regexp.MustCompile(` \((\d+\.\d)\)\.`)}[lang]
		loc := bullet.FindStringSubmatchIndex(md)
		require.NotNil(t, loc, lang)
		bad := md[:loc[2]] + "12.3" + md[loc[3]:]
		assert.NotEmpty(t, ckCheck(t, res, bad, lang), "%s: a bullet's score not caught", lang)
	}
}
