package indicators

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseCalibrate reads [published] and [calibrate]: the alternatives
// normalised by key, in the order written.
func TestParseCalibrate(t *testing.T) {
	src := defHead + defTree + tomlLines(
		`[published]`,
		`file = "published.csv"`,
		`score_tolerance = 0.05`,
		`[calibrate]`,
		`weights = ["equal", "entropy"]`,
		`normalise = ["fracmax", "minmax"]`,
		`thresholds = [[20, 40, 60, 80], [25, 50, 75, 90]]`,
		`round = [1, "none"]`,
		`range = [[0, 100], [1, 100]]`,
		`min_coverage = [0.5, 1]`,
		`missing_dimension = ["renormalise", "zero", "unrated"]`,
		`max_candidates = 500`,
	)
	d, err := Parse("index.toml", []byte(src), nil)
	require.NoError(t, err)
	require.NotNil(t, d.Published)
	assert.Equal(t, "published.csv", d.Published.File)
	assert.Equal(t, 0.05, *d.Published.ScoreTolerance)
	require.NotNil(t, d.Calibrate)
	assert.Equal(t, 500, d.Calibrate.MaxCandidates)
	assert.Equal(t, []CalibrateSetting{
		{Key: "weights", Values: []any{"equal", "entropy"}},
		{Key: "normalise", Values: []any{"fracmax", "minmax"}},
		{Key: "thresholds", Values: []any{[]float64{20, 40, 60, 80}, []float64{25, 50, 75, 90}}},
		{Key: "round", Values: []any{1, "none"}},
		{Key: "range", Values: []any{[2]float64{0, 100}, [2]float64{1, 100}}},
		{Key: "min_coverage", Values: []any{0.5, 1.0}},
		{Key: "missing_dimension", Values: []any{"renormalise", "zero", "unrated"}},
	}, d.Calibrate.Settings)
	assert.Equal(t, "renormalise", d.Scoring.MissingDimension)
}

// TestParseCalibrateErrors: every mistake is reported at its key.
func TestParseCalibrateErrors(t *testing.T) {
	for _, tc := range []struct {
		name, line, msg, hint string
	}{
		{"unknown key", `normalize = ["minmax"]`, `unknown key "normalize" in [calibrate]`, `did you mean "normalise"?`},
		{"method key", `method = ["quantiles"]`, `unknown key "method" in [calibrate]`, `stars = ["thresholds", "quantiles"]`},
		{"not a list", `normalise = "minmax"`, "normalise in [calibrate] is not a list of alternatives", `normalise = ["…", "…"]`},
		{"empty list", `weights = []`, "weights in [calibrate] is not a list of alternatives", ""},
		{"wrong type", `thresholds = [20, 40]`, "alternative 1 of thresholds in [calibrate] is not a list of thresholds", "[[20, 40, 60, 80]"},
		{"bad round", `round = [1, 11]`, `alternative 2 of round in [calibrate] is not a number of decimals from 0 to 10 or "none"`, ""},
		{"repeat", `aggregate = ["arithmetic", "arithmetic"]`, "alternative 2 of aggregate in [calibrate] repeats an earlier one", "once"},
		{"complete without sources", `complete = [false, true]`, "complete in [calibrate] applies to evidence sources, and the index declares none", ""},
		{"max_candidates", `max_candidates = 0`, "max_candidates = 0 is not a number of candidates", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := defHead + defTree + tomlLines(`[calibrate]`, tc.line)
			_, err := Parse("index.toml", []byte(src), nil)
			require.Error(t, err)
			var list ErrorList
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1)
			assert.Equal(t, tc.msg, list[0].Msg)
			assert.Equal(t, 10, list[0].Pos.Line, "the key's line")
			assert.Contains(t, list[0].Hint, tc.hint)
		})
	}
	_, err := Parse("index.toml", []byte(defHead+defTree+tomlLines(`[published]`, `score_tolerance = -1`)), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "[published] names no file")
	assert.Contains(t, err.Error(), "score_tolerance = -1 is not a tolerance")
	_, err = Parse("index.toml", []byte(defHead+defTree+tomlLines(`[scoring]`, `missing_dimension = "drop"`)), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `index.toml:10:1: unknown missing_dimension rule "drop"`)
}

// TestWithSettings: a candidate definition carries its settings and
// leaves the original alone.
func TestWithSettings(t *testing.T) {
	src := defHead + defTree + tomlLines(`[scoring]`, `round = 1`, `[[source]]`, `collector = "policies"`, `files = ["p.csv"]`)
	d, err := Parse("index.toml", []byte(src), nil)
	require.NoError(t, err)
	c := d.WithSettings([]string{"normalise", "round", "stars", "complete", "missing_dimension"}, []any{"prank", "none", "quantiles", true, "zero"})
	assert.Equal(t, "prank", c.Scoring.Normalise)
	assert.Nil(t, c.Scoring.Round)
	assert.Equal(t, "quantiles", c.Stars.Method)
	assert.Equal(t, 5, c.Stars.Classes)
	assert.True(t, c.Sources[0].Complete)
	assert.Equal(t, "zero", c.Scoring.MissingDimension)
	assert.Empty(t, c.CheckSettings())
	// The original is unchanged.
	assert.Equal(t, "minmax", d.Scoring.Normalise)
	assert.Equal(t, 1, *d.Scoring.Round)
	assert.False(t, d.Sources[0].Complete)
	assert.Equal(t, "thresholds", d.Stars.Method)
	assert.Equal(t, 1, d.Setting("round"))
	assert.Equal(t, "none", c.Setting("round"))
	assert.Equal(t, true, c.Setting("complete"))
	assert.True(t, SameSetting([]float64{20, 40, 60, 80}, d.Setting("thresholds")))
	assert.Equal(t, `[20, 40.5]`, FormatSetting([]float64{20, 40.5}))
	assert.Equal(t, `"zero"`, FormatSetting("zero"))
}

func publishedDef(t *testing.T, csv string, tolerance string) (*Definition, *RegionSet) {
	t.Helper()
	src := defHead + defTree + tomlLines(`[published]`, `file = "published.csv"`, tolerance)
	fsys := fstest.MapFS{"published.csv": {Data: []byte(csv)}}
	d, err := Parse("index.toml", []byte(src), FSFiles{FS: fsys})
	require.NoError(t, err)
	return d, NewRegionSet([]*Region{{Code: "520000", Name: "贵州省"}, {Code: "110000", Name: "北京市"}, {Code: "310000", Name: "上海市"}})
}

// TestLoadPublished reads ratings, ranges, ranks and scores; a blank is
// unknown and a row with nothing known is left out.
func TestLoadPublished(t *testing.T) {
	d, rs := publishedDef(t, "地区,星级,排名,得分\n贵州省,★★★★★,1,83.5\n110000,1-4,,\n上海市,,,\n", "")
	p, err := LoadPublished(d, rs, "")
	require.NoError(t, err)
	require.Len(t, p.Rows, 2)
	g := p.Rows[0]
	assert.Equal(t, "520000", g.Region.Code)
	assert.Equal(t, [2]int{5, 5}, [2]int{g.StarsLo, g.StarsHi})
	assert.Equal(t, 1, g.Rank)
	assert.True(t, g.HasScore)
	assert.Equal(t, 83.5, g.Score)
	assert.InDelta(t, 0.05, g.Tolerance, 1e-15)
	b := p.Rows[1]
	assert.Equal(t, [2]int{1, 4}, [2]int{b.StarsLo, b.StarsHi})
	assert.Zero(t, b.Rank)
	assert.False(t, b.HasScore)

	d, rs = publishedDef(t, "region,score\n贵州省,80\n", "score_tolerance = 0.2")
	p, err = LoadPublished(d, rs, "")
	require.NoError(t, err)
	assert.Equal(t, 0.2, p.Rows[0].Tolerance)
	assert.Equal(t, 0.5, halfLastDecimal("80"))
	assert.InDelta(t, 0.005, halfLastDecimal("71.87"), 1e-15)
}

func TestLoadPublishedErrors(t *testing.T) {
	for _, tc := range []struct {
		name, csv, msg string
	}{
		{"unknown region", "region,stars\n重庆市,5\n", `published.csv:2:1: unknown region "重庆市"`},
		{"twice", "region,stars\n贵州省,5\n520000,4\n", `published.csv:3:1: region "520000" appears twice`},
		{"bad stars", "region,stars\n贵州省,five\n", `published.csv:2:2: stars "five" is not a rating`},
		{"inverted range", "region,stars\n贵州省,4-1\n", `stars "4-1" is not a rating`},
		{"bad rank", "region,rank\n贵州省,0\n", `published.csv:2:2: rank "0" is not a rank`},
		{"bad score", "region,score\n贵州省,abc\n", `published.csv:2:2: score "abc"`},
		{"unknown column", "region,stars,votes\n贵州省,5,1\n", `published.csv:1:3: unknown column "votes"`},
		{"no region", "stars\n5\n", "the published figures have no region column"},
		{"nothing", "region\n贵州省\n", "the published figures give no stars, ranks or scores"},
		{"all blank", "region,stars\n贵州省,\n", "the published figures are all blank"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, rs := publishedDef(t, tc.csv, "")
			_, err := LoadPublished(d, rs, "")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
	d, err := Parse("index.toml", []byte(defHead+defTree), nil)
	require.NoError(t, err)
	_, err = LoadPublished(d, NewRegionSet(nil), "")
	assert.Contains(t, err.Error(), "the index declares no [published] figures")
}

// FuzzLoadPublished: any published file is read or refused as bad input,
// never a panic.
func FuzzLoadPublished(f *testing.F) {
	for _, s := range []string{"region,stars,rank,score\n贵州省,5,1,83.5\n", "region,stars\n110000,1-4\n", "region,stars\n贵州省,★★☆\n", "星级,地区\n,\n", "region,score\n贵州省,1e400\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, csv string) {
		d, rs := publishedDef(t, csv, "")
		p, err := LoadPublished(d, rs, "")
		if err != nil {
			assert.True(t, IsInputError(err), "%v", err)
			return
		}
		for _, r := range p.Rows {
			assert.True(t, r.StarsLo > 0 || r.Rank > 0 || r.HasScore)
			assert.LessOrEqual(t, r.StarsLo, r.StarsHi)
		}
	})
}
