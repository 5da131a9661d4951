package reports

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

// Hostile texts: each would run script (setting window.__pwned or the
// page title) if it reached the page as markup or code, reads as an
// ECharts template if it reached one, or reorders text with bidirectional
// controls.
const (
	hxGuizhou   = `<img src=x onerror="window.__pwned=1;document.title='PWNED'">贵州 Guizhou`
	hxHongKong  = `</script><script>window.__pwned=2</script>{b}{a|x}{c0}$&$'$$ Hong Kong`
	hxBeijing   = "\"';window.__pwned=3;//${window.__pwned=3}`\u202Eevil\u202C北京\u2066x\u2069\u200E\u200F\u061C"
	hxTibetCode = `"><svg onload=window.__pwned=4>`
	hxTibet     = `{a|x}<iframe srcdoc="<script>parent.__pwned=5</script>">西藏`
	hxReason    = `<script>window.__pwned=6</script> \u202Ereason`
	hxPolicy    = `<svg onload=window.__pwned=7>{a|政策}{b}`
	hxSharing   = "'+(window.__pwned=8)+'\u202E共享{c}"
	hxDocs      = `</script><script>window.__pwned=9</script>{b|docs}`
	hxPlatforms = `"onmouseover="window.__pwned=10" x="{@score}`
	hxDatasets  = `<img src=y onerror=window.__pwned=11>` // an id: the indicator has no name
	hxUnit      = `<b onmouseover=window.__pwned=12>件</b>`
	hxIndex     = `指数</script><script>window.__pwned=13;document.title='PWNED'</script>`
	hxEdition   = "<i>2017</i>{b}\u202E"
	hxLabel     = `<b onmouseover=window.__pwned=14>星</b>{a|x}`
	hxFeature   = `<img src=q onerror=window.__pwned=15>`
)

// hxBidi are the bidirectional controls htmlNoBidi removes.
var hxBidi = []rune{'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'}

// hxHasBidi reports whether s holds a bidirectional control.
func hxHasBidi(s string) bool { return strings.ContainsAny(s, string(hxBidi)) }

// hxRename applies rename to every id (dimension and indicator) of r:
// definition, scores and weights.
func hxRename(r *scoring.Result, from, to string) {
	re := func(s *string) {
		if *s == from {
			*s = to
		}
	}
	for _, d := range r.Def.Dimensions {
		re(&d.ID)
		re(&d.Parent)
	}
	for _, ind := range r.Def.Indicators {
		re(&ind.ID)
		re(&ind.Dimension)
	}
	for _, rr := range r.Regions {
		for _, n := range rr.Dimensions {
			re(&n.ID)
		}
		for _, s := range rr.Indicators {
			re(&s.ID)
		}
	}
	for i := range r.Weights {
		re(&r.Weights[i].ID)
		re(&r.Weights[i].Parent)
	}
	r.Def.Reindex()
}

// hxHostile is the 2017 result of the three-year testSeries with every
// text from the input hostile: index name, edition, description, region
// names and one code, the reason a region is not rated, dimension and
// indicator names, an indicator id, units and star labels. Hong Kong
// becomes a city (810001) so the tile map writes its name. It also returns
// an uncertainty analysis of it.
func hxHostile() (*scoring.Result, *scoring.RobustResult) {
	results := testSeries("pooled")
	for _, r := range results {
		def := r.Def
		def.Index.Name, def.Index.NameEn = hxIndex, hxIndex
		def.Index.Edition = hxEdition
		def.Index.Description = `<b onmouseover=window.__pwned=16>desc</b>`
		def.Dimensions[0].Name, def.Dimensions[0].NameEn = hxPolicy, hxPolicy
		def.Dimensions[1].Name, def.Dimensions[1].NameEn = hxSharing, ""
		def.Indicators[0].Name, def.Indicators[0].NameEn = hxDocs, hxDocs
		def.Indicators[1].Name, def.Indicators[1].NameEn = hxPlatforms, ""
		def.Indicators[2].Name, def.Indicators[2].NameEn = "", ""
		for _, ind := range def.Indicators {
			ind.Unit, ind.UnitEn = hxUnit, hxUnit
		}
		def.Stars.Labels = []string{hxLabel + "1", hxLabel + "2", hxLabel + "3", hxLabel + "4", hxLabel + "5"}
		hxRename(r, "catalog_datasets", hxDatasets)
		for _, rr := range r.Regions {
			reg := rr.Region
			switch reg.Code {
			case "520000":
				reg.Name, reg.NameEn = hxGuizhou, hxGuizhou
			case "810000":
				reg.Code, reg.Name, reg.NameEn = "810001", hxHongKong, ""
			case "110000":
				reg.Name, reg.NameEn = hxBeijing, hxBeijing
			case "540000":
				reg.Code, reg.Name, reg.NameEn = hxTibetCode, hxTibet, hxTibet
			}
			if !rr.Rated {
				rr.Reason = hxReason
			} else {
				rr.Class = def.Stars.Labels[rr.Stars-1]
			}
		}
	}
	r := results[2]
	return r, arRobust(r)
}

// hxGeoJSON is a map with a feature for every region of hxHostile, keyed by
// code (the hostile code too), and one matching none with a hostile name.
func hxGeoJSON(t *testing.T) []byte {
	t.Helper()
	type feature struct {
		Type       string         `json:"type"`
		Properties map[string]any `json:"properties"`
		Geometry   map[string]any `json:"geometry"`
	}
	square := func(x, y float64) map[string]any {
		return map[string]any{"type": "Polygon", "coordinates": [][][2]float64{{{x, y}, {x + 4, y}, {x + 4, y + 3}, {x, y + 3}, {x, y}}}}
	}
	fs := []feature{
		{"Feature", map[string]any{"code": "520000", "name": hxGuizhou}, square(104, 25)},
		{"Feature", map[string]any{"code": "810001", "name": hxHongKong}, square(113, 21)},
		{"Feature", map[string]any{"code": "110000", "name": hxBeijing}, square(115, 39)},
		{"Feature", map[string]any{"code": hxTibetCode, "name": hxTibet}, square(88, 30)},
		{"Feature", map[string]any{"code": hxFeature, "name": hxFeature}, square(80, 40)},
	}
	b, err := json.Marshal(map[string]any{"type": "FeatureCollection", "features": fs})
	require.NoError(t, err)
	return b
}

func TestHTMLNoBidi(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"北京市", "北京市"},
		{"abc\u202Edef\u202C", "abcdef"},
		{"\u202A\u202B\u202C\u202D\u202E", ""},
		{"\u2066x\u2067y\u2068z\u2069", "xyz"},
		{"a\u200Eb\u200Fc\u061Cd", "abcd"},
		{"١٢٣ عربي", "١٢٣ عربي"},               // right-to-left letters are text, not controls
		{"a\u200Bb\u200Dc", "a\u200Bb\u200Dc"}, // zero-width spaces and joiners are not bidi controls
		{"<b>{a|x}</b>", "<b>{a|x}</b>"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, htmlNoBidi(tc.in), "%q", tc.in)
		assert.False(t, hxHasBidi(htmlNoBidi(tc.in)), "%q", tc.in)
	}
	for _, c := range hxBidi {
		assert.True(t, htmlIsBidiControl(c), "%U", c)
	}
	for _, c := range []rune{'a', '北', '\u200b', '\u200d', '\u2065', '\u206a', '\u2029', '\u0627'} {
		assert.False(t, htmlIsBidiControl(c), "%U", c)
	}
}

func TestHTMLCleanJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"string", `"a\u202eb"`, `"ab"`},
		{"number and bool", `[1.5,true,null]`, `[1.5,true,null]`},
		{"nested", `{"a":[{"b":"x\u2066y"}],"c":"\u200f"}`, `{"a":[{"b":"xy"}],"c":""}`},
		{"key", `{"k\u202e":"v"}`, `{"k":"v"}`},
		{"clean key wins", `{"k\u202e":"dirty","k":"clean"}`, `{"k":"clean"}`},
		{"first in order wins", `{"k\u202e":"1","k\u202d":"2"}`, `{"k":"2"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := htmlDecodeJSON([]byte(tc.in))
			require.NoError(t, err)
			out, err := json.Marshal(htmlCleanJSON(v))
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(out))
		})
	}
}

func TestHTMLCleanText(t *testing.T) {
	type inner struct {
		Text  string
		Texts []string
	}
	type page struct {
		Title  string
		Inner  *inner
		Cells  [][]inner
		Script htmlJSForTest
		hidden string
	}
	p := &page{
		Title:  "a\u202Eb",
		Inner:  &inner{Text: "\u2066c", Texts: []string{"d\u200F", "e"}},
		Cells:  [][]inner{{{Text: "f\u061C"}}},
		Script: "g\u202E",
		hidden: "h\u202E",
	}
	htmlCleanText(p)
	assert.Equal(t, "ab", p.Title)
	assert.Equal(t, "c", p.Inner.Text)
	assert.Equal(t, []string{"d", "e"}, p.Inner.Texts)
	assert.Equal(t, "f", p.Cells[0][0].Text)
	assert.Equal(t, htmlJSForTest("g\u202E"), p.Script, "strings of other types are not texts")
	assert.Equal(t, "h\u202E", p.hidden, "unexported fields are left alone")
}

// htmlJSForTest is a string type other than string, like template.JS.
type htmlJSForTest string

func TestHTMLFormatter(t *testing.T) {
	tests := []struct {
		fn, text string
		want     map[string]any
	}{
		{htmlFmtText, "91.67  ★★★★★", map[string]any{htmlFormatterKey: "text", "text": "91.67  ★★★★★"}},
		{htmlFmtTip, "<b>{a|x}</b>", map[string]any{htmlFormatterKey: "tip", "text": "<b>{a|x}</b>"}},
		{htmlFmtName, "ignored", map[string]any{htmlFormatterKey: "name"}},
		{htmlFmtNameTip, "", map[string]any{htmlFormatterKey: "nameTip"}},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, htmlFormatter(tc.fn, tc.text), tc.fn)
		assert.Contains(t, htmlFormattersJS, tc.fn+": function", "the page defines %s", tc.fn)
	}
}

// htmlAllowedTemplates are the only string formatters a chart option may
// hold: ECharts templates with no text from the input.
var htmlAllowedTemplates = map[string]bool{"{c}%": true}

// hxOptions returns the decoded option of every chart of a page.
func hxOptions(t *testing.T, own string) map[string]map[string]any {
	t.Helper()
	re := regexp.MustCompile(`(?m)^  draw\("([^"]+)", (.*)\);$`)
	out := map[string]map[string]any{}
	for _, m := range re.FindAllStringSubmatch(own, -1) {
		v, err := htmlDecodeJSON([]byte(m[2]))
		require.NoError(t, err, m[1])
		obj, ok := v.(map[string]any)
		require.True(t, ok, m[1])
		out[m[1]] = obj
	}
	return out
}

// hxWalk calls f with every property name and value of a decoded option.
func hxWalk(v any, f func(key string, value any)) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			hxWalk(e, f)
		}
	case map[string]any:
		for k, e := range x {
			f(k, e)
			hxWalk(e, f)
		}
	}
}

// Every chart of the hostile report, in both languages: no formatter is a
// template holding input text, every formatter object names a function of
// the page, the input texts are in the options only as JSON strings with
// <, > and & escaped, and no bidirectional control is left anywhere.
func TestHTMLHostileOptions(t *testing.T) {
	r, rr := hxHostile()
	for _, lang := range []string{"zh", "en"} {
		o := HTMLOptions{Options: Options{Lang: lang, Engine: testEngine}, Robust: rr, GeoJSON: hxGeoJSON(t)}
		own := htOwnMarkup(t, r, o)
		assert.False(t, hxHasBidi(own), "%s: a bidi control is left in the page", lang)
		htNotContains(t, own, "__f__", "no go-echarts function marker")
		for _, raw := range []string{"<img", "<svg", "<iframe", "<script>window", "<b ", "<i>"} {
			htNotContains(t, own, raw, lang, "raw markup from the input")
		}
		assert.NotRegexp(t, `[^\\]"onmouseover`, own, "%s: a quote from the input closes a string or an attribute", lang)
		assert.Equal(t, 2, strings.Count(own, "<script"), lang)
		assert.Equal(t, 2, strings.Count(own, "</script>"), lang)

		options := hxOptions(t, own)
		require.Contains(t, options, "chart-rank-intervals")
		require.Contains(t, options, "chart-star-probability")
		require.Contains(t, options, "chart-trends")
		require.Contains(t, options, "chart-choropleth")
		require.Contains(t, options, "chart-map")
		objects := map[string]int{}
		for id, opt := range options {
			hxWalk(opt, func(key string, value any) {
				if key != "formatter" {
					return
				}
				switch f := value.(type) {
				case string:
					assert.True(t, htmlAllowedTemplates[f], "%s %s: formatter %q is a template", lang, id, f)
				case map[string]any:
					name, _ := f[htmlFormatterKey].(string)
					assert.Contains(t, []string{htmlFmtText, htmlFmtTip, htmlFmtName, htmlFmtNameTip}, name, "%s %s", lang, id)
					objects[id+" "+name]++
				default:
					t.Errorf("%s %s: formatter of type %T", lang, id, value)
				}
			})
		}
		// The rank-interval tooltips name each region, HTML-escaped by the page.
		assert.Equal(t, 3, objects["chart-rank-intervals tip"], lang)
		assert.Equal(t, 3, objects["chart-ranking text"], lang)
		assert.Equal(t, 1, objects["chart-map nameTip"], lang)
		assert.Equal(t, 1, objects["chart-map name"], lang)
		var tips []string
		for _, x := range options["chart-rank-intervals"]["series"].([]any)[1].(map[string]any)["data"].([]any) {
			tips = append(tips, x.(map[string]any)["tooltip"].(map[string]any)["formatter"].(map[string]any)["text"].(string))
		}
		require.Len(t, tips, 3)
		assert.True(t, strings.HasPrefix(tips[0], hxGuizhou), "%s: %q", lang, tips[0])
		assert.True(t, strings.HasPrefix(tips[1], hxHongKong), "%s: %q", lang, tips[1])
		assert.True(t, strings.HasPrefix(tips[2], htmlNoBidi(hxBeijing)), "%s: %q", lang, tips[2])
		// Texts are JSON strings with <, > and & escaped.
		htContains(t, own, `\u003c/script\u003e\u003cscript\u003ewindow.__pwned=2\u003c/script\u003e{b}{a|x}{c0}$\u0026$'$$ Hong Kong`)
		htContains(t, own, `\u003cimg src=y onerror=window.__pwned=11\u003e`)
		// In the markup: entities.
		htContains(t, own, `&lt;img src=x onerror=&#34;window.__pwned=1;document.title=&#39;PWNED&#39;&#34;&gt;贵州 Guizhou`)
	}
}
