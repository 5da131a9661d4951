package scoring_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/data"
	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// taiCalibrateProject is the TAI project of testdata/tai with its
// [scoring] replaced by scoring (and [stars] by stars) and the extra
// tables appended, published.csv holding published.
func taiCalibrateProject(t *testing.T, scoringTable, extra, published string) (*indicators.Definition, *indicators.Dataset, *indicators.Published) {
	t.Helper()
	src, err := os.ReadFile("testdata/tai/index.toml")
	require.NoError(t, err)
	regions, err := os.ReadFile("testdata/tai/regions.csv")
	require.NoError(t, err)
	data, err := os.ReadFile("testdata/tai/tai.csv")
	require.NoError(t, err)
	text := regexp.MustCompile(`(?s)\[scoring\].*?\n\[\[dimension\]\]`).ReplaceAllString(string(src), scoringTable+"\n"+extra+"\n[[dimension]]")
	fsys := fstest.MapFS{
		"regions.csv":   {Data: regions},
		"tai.csv":       {Data: data},
		"published.csv": {Data: []byte(published)},
	}
	def, err := indicators.Parse("index.toml", []byte(text), indicators.FSFiles{FS: fsys})
	require.NoError(t, err)
	ds, err := indicators.LoadData(def, "")
	require.NoError(t, err)
	if def.Published == nil {
		return def, ds, nil
	}
	pub, err := indicators.LoadPublished(def, ds.Regions, "")
	require.NoError(t, err)
	return def, ds, pub
}

func calibrate(t *testing.T, def *indicators.Definition, ds *indicators.Dataset, pub *indicators.Published) *scoring.CalibrateResult {
	t.Helper()
	res, err := scoring.Calibrate(context.Background(), def, ds, def.Index.Year, pub, scoring.CalibrateOptions{})
	require.NoError(t, err)
	return res
}

func schemeOf(res *scoring.CalibrateResult, s *scoring.Scheme) map[string]any {
	m := map[string]any{}
	for j, k := range res.Settings {
		m[k] = s.Values[j]
	}
	return m
}

// The base scheme differs from the one that made the published figures,
// so that recovering it is not a matter of candidate 0.
const taiBase = `[scoring]
normalise = "fracmax"
range = [0, 100]
weights = "entropy"
aggregate = "geometric"
round = 2

[stars]
method = "thresholds"
thresholds = [20, 40, 60, 80]
`

const taiSpace = `[published]
file = "published.csv"

[calibrate]
normalise = ["fracmax", "zscore", "minmax", "prank"]
weights = ["entropy", "equal"]
aggregate = ["geometric", "arithmetic"]
`

// TestCalibrateRecoversTAIScores recovers the scheme behind the TAI
// scores of shared/reference/tai (equal weights, min-max to [0, 100],
// arithmetic mean: Finland 71.87 … Hungary 15.78) from six of them.
func TestCalibrateRecoversTAIScores(t *testing.T) {
	published := "region,score\nFinland,71.87\nSweden,68.83\nUnited States,68.03\nNorway,54.76\nJapan,54.40\nHungary,15.78\n"
	def, ds, pub := taiCalibrateProject(t, taiBase, taiSpace, published)
	res := calibrate(t, def, ds, pub)

	assert.Equal(t, 16, res.Candidates)
	assert.Equal(t, 1, res.Consistent, "exactly one scheme gives all six scores")
	require.NotNil(t, res.Recommended)
	rec := res.Recommended
	assert.True(t, rec.Consistent)
	assert.Equal(t, map[string]any{"normalise": "minmax", "weights": "equal", "aggregate": "arithmetic"}, schemeOf(res, rec))
	assert.Equal(t, 3, rec.Differs)
	assert.Equal(t, 6, rec.ScoresMatched)
	assert.Less(t, rec.ScoreRMSE, 0.005)
	assert.True(t, math.IsNaN(rec.KendallTau), "no ranks published")
	// zscore and min-max into a geometric mean meet values ≤ 0.
	assert.Positive(t, res.Failed)
	for _, s := range res.Schemes {
		if s.Failed != "" {
			assert.Contains(t, s.Failed, "geometric mean needs positive values")
			assert.Equal(t, "geometric", schemeOf(res, s)["aggregate"])
		}
	}
	// Choices: the consistent scheme's values have all the share.
	for _, c := range res.Choices {
		want := 0.0
		if c.Value == "minmax" || c.Value == "equal" || c.Value == "arithmetic" {
			want = 1
		}
		assert.Equal(t, want, c.ConsistentShare, "%s = %v", c.Setting, c.Value)
	}
	// The recommended definition and its figures for the published regions.
	require.NotNil(t, res.RecommendedDef)
	assert.Equal(t, "minmax", res.RecommendedDef.Scoring.Normalise)
	require.Len(t, res.Outcomes, 6)
	assert.Equal(t, "Finland", res.Outcomes[0].Published.Region.Name)
	assert.Equal(t, 1, res.Outcomes[0].Rank)
	assert.InDelta(t, 71.87, res.Outcomes[0].Score, 0.005)
}

// TestCalibrateRecoversOwnRatings rates the TAI with a known scheme,
// publishes its ranks and stars, and finds that scheme again among the
// candidates, with every figure matched and τ = 1.
func TestCalibrateRecoversOwnRatings(t *testing.T) {
	known := `[scoring]
normalise = "prank"
range = [0, 100]
weights = "equal"
aggregate = "arithmetic"
round = 1

[stars]
method = "thresholds"
thresholds = [25, 50, 65, 80]
`
	def, ds, _ := taiCalibrateProject(t, known, "", "")
	truth, err := scoring.Run(def, ds, def.Index.Year)
	require.NoError(t, err)
	var b strings.Builder
	b.WriteString("region,stars,rank\n")
	for _, rr := range truth.Regions {
		fmt.Fprintf(&b, "%s,%d,%d\n", rr.Region.Code, rr.Stars, rr.Rank)
	}
	space := taiSpace + "thresholds = [[20, 40, 60, 80], [25, 50, 65, 80]]\n"
	def, ds, pub := taiCalibrateProject(t, taiBase, space, b.String())
	res := calibrate(t, def, ds, pub)
	assert.Equal(t, 32, res.Candidates)
	require.NotNil(t, res.Recommended)
	assert.True(t, res.Recommended.Consistent)
	found := false
	for _, s := range res.Schemes {
		if !s.Consistent {
			continue
		}
		m := schemeOf(res, s)
		if m["normalise"] == "prank" && m["weights"] == "equal" && m["aggregate"] == "arithmetic" {
			found = true
			assert.Equal(t, []float64{25, 50, 65, 80}, m["thresholds"])
			assert.Equal(t, 23, s.StarsMatched)
			assert.Equal(t, 23, s.RanksMatched)
			assert.InDelta(t, 1, s.KendallTau, 1e-12)
		}
	}
	assert.True(t, found, "the scheme that made the ratings is consistent")
	// Every consistent scheme ranks every region as published.
	for _, s := range res.Schemes[:res.Consistent] {
		assert.Equal(t, 23, s.RanksMatched)
	}
}

// TestCalibrateNothingReproduces: ratings no candidate can give are a
// result: the best-agreeing scheme, marked inconsistent, with what it gets
// wrong.
func TestCalibrateNothingReproduces(t *testing.T) {
	published := "region,stars,rank\nHungary,5,1\nFinland,1,23\nSweden,3-4,\n"
	def, ds, pub := taiCalibrateProject(t, taiBase, taiSpace, published)
	res := calibrate(t, def, ds, pub)
	assert.Equal(t, 0, res.Consistent)
	require.NotNil(t, res.Recommended)
	rec := res.Recommended
	assert.False(t, rec.Consistent)
	assert.Equal(t, 3, rec.StarsPublished)
	assert.Equal(t, 2, rec.RanksPublished)
	assert.Less(t, rec.Matched(), 5)
	for _, c := range res.Choices {
		assert.Zero(t, c.ConsistentShare)
		assert.Zero(t, c.Consistent)
	}
	// Ordered best first: matches never increase down the list.
	for i := 1; i < len(res.Schemes); i++ {
		a, b := res.Schemes[i-1], res.Schemes[i]
		if a.Failed == "" && b.Failed == "" {
			assert.GreaterOrEqual(t, a.Matched(), b.Matched())
		}
	}
	// What it gets wrong: Hungary is not first, Finland not last.
	require.Len(t, res.Outcomes, 3)
	assert.False(t, res.Outcomes[0].RankOK)
	assert.False(t, res.Outcomes[1].RankOK)
}

// TestCalibrateThresholdIntervals checks the intervals against a hand
// computation: one indicator, not normalised, so the scores are the
// values A 90, B 70, C 50, D 10.
//
//	published: A 5, B 4, C 2-3, D 1
//	class 2: above D's 10 (published below 2), up to C's 50 (lowest at 2 or above): (10, 50]
//	class 3: above D's 10 (C's range reaches 3), up to B's 70:                       (10, 70]
//	class 4: above C's 50, up to B's 70:                                             (50, 70]
//	class 5: above B's 70, up to A's 90:                                             (70, 90]
func TestCalibrateThresholdIntervals(t *testing.T) {
	src := indexHead + `
[scoring]
normalise = "none"
weights = "equal"

[stars]
method = "thresholds"
thresholds = [20, 40, 60, 80]

[published]
file = "published.csv"

[[dimension]]
id = "d"

[[indicator]]
id = "x"
dimension = "d"
`
	run := func(published string) *scoring.CalibrateResult {
		fsys := fstest.MapFS{
			"regions.csv":   {Data: []byte(fourRegions)},
			"data.csv":      {Data: []byte("region,year,x\nA,2020,90\nB,2020,70\nC,2020,50\nD,2020,10\n")},
			"published.csv": {Data: []byte(published)},
		}
		def, err := indicators.Parse("index.toml", []byte(src), indicators.FSFiles{FS: fsys})
		require.NoError(t, err)
		ds, err := indicators.LoadData(def, "")
		require.NoError(t, err)
		pub, err := indicators.LoadPublished(def, ds.Regions, "")
		require.NoError(t, err)
		return calibrate(t, def, ds, pub)
	}
	res := run("region,stars\nA,5\nB,4\nC,2-3\nD,1\n")
	assert.Equal(t, 1, res.Candidates)
	assert.True(t, res.Recommended.Consistent)
	want := []scoring.ThresholdInterval{
		{Stars: 2, From: 10, To: 50, HasFrom: true, HasTo: true, Current: 20, HasCurrent: true},
		{Stars: 3, From: 10, To: 70, HasFrom: true, HasTo: true, Current: 40, HasCurrent: true},
		{Stars: 4, From: 50, To: 70, HasFrom: true, HasTo: true, Current: 60, HasCurrent: true},
		{Stars: 5, From: 70, To: 90, HasFrom: true, HasTo: true, Current: 80, HasCurrent: true},
	}
	assert.Equal(t, want, res.Thresholds)
	for _, iv := range res.Thresholds {
		assert.False(t, iv.Empty())
	}

	// Only A known as five-star: the class-5 threshold may lie anywhere
	// up to 90; the lower classes are not bounded at all.
	res = run("region,stars\nA,5\n")
	assert.Equal(t, []scoring.ThresholdInterval{
		{Stars: 2, To: 90, HasTo: true, Current: 20, HasCurrent: true},
		{Stars: 3, To: 90, HasTo: true, Current: 40, HasCurrent: true},
		{Stars: 4, To: 90, HasTo: true, Current: 60, HasCurrent: true},
		{Stars: 5, To: 90, HasTo: true, Current: 80, HasCurrent: true},
	}, res.Thresholds)

	// Published out of order (B five-star above A's four): no threshold
	// works, and no scheme is consistent.
	res = run("region,stars\nA,4\nB,5\n")
	assert.Equal(t, 0, res.Consistent)
	last := res.Thresholds[len(res.Thresholds)-1]
	assert.Equal(t, 5, last.Stars)
	assert.Equal(t, 90.0, last.From)
	assert.Equal(t, 70.0, last.To)
	assert.True(t, last.Empty())
}

// TestCalibrateRefusesTooManyCandidates: over max_candidates is bad
// input at [calibrate], with the count and the lists to shorten.
func TestCalibrateRefusesTooManyCandidates(t *testing.T) {
	space := taiSpace + "max_candidates = 10\n"
	def, ds, pub := taiCalibrateProject(t, taiBase, space, "region,rank\nFinland,1\n")
	_, err := scoring.Calibrate(context.Background(), def, ds, def.Index.Year, pub, scoring.CalibrateOptions{})
	require.Error(t, err)
	ie := inputError(t, err)
	assert.Equal(t, "[calibrate] makes 16 candidates, over max_candidates = 10", ie.Msg)
	assert.Contains(t, ie.Hint, "normalise (4)")
	assert.Contains(t, ie.Hint, "max_candidates")
}

// TestCalibrateUnknownMethod: a method name not registered is bad input
// at its key.
func TestCalibrateUnknownMethod(t *testing.T) {
	space := strings.Replace(taiSpace, `"prank"]`, `"prnak"]`, 1)
	def, ds, pub := taiCalibrateProject(t, taiBase, space, "region,rank\nFinland,1\n")
	_, err := scoring.Calibrate(context.Background(), def, ds, def.Index.Year, pub, scoring.CalibrateOptions{})
	ie := inputError(t, err)
	assert.Equal(t, `unknown normalisation method "prnak" in [calibrate] normalise`, ie.Msg)
	assert.Greater(t, ie.Pos.Line, 0)
}

// TestCalibrateDeterministic: the same input gives the same order,
// whatever the number of workers.
func TestCalibrateDeterministic(t *testing.T) {
	def, ds, pub := taiCalibrateProject(t, taiBase, taiSpace, "region,stars\nFinland,4\nSweden,3-4\n")
	order := func(workers int) []int {
		res, err := scoring.Calibrate(context.Background(), def, ds, def.Index.Year, pub, scoring.CalibrateOptions{Workers: workers})
		require.NoError(t, err)
		var out []int
		for _, s := range res.Schemes {
			out = append(out, s.Number)
		}
		return out
	}
	assert.Equal(t, order(1), order(4))
}

func TestKendallTauB(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b []int
		want float64
	}{
		{"same", []int{1, 2, 3, 4}, []int{1, 2, 3, 4}, 1},
		{"reversed", []int{1, 2, 3, 4}, []int{4, 3, 2, 1}, -1},
		// 5 concordant pairs, 1 tied in a only: 5 / √(5·6).
		{"tie", []int{1, 2, 2, 4}, []int{1, 3, 2, 4}, 5 / math.Sqrt(30)},
		{"one swap", []int{1, 2, 3}, []int{1, 3, 2}, 1.0 / 3},
		{"one item", []int{1}, []int{1}, math.NaN()},
		{"all tied", []int{1, 1, 1}, []int{1, 2, 3}, math.NaN()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := scoring.KendallTauB(tc.a, tc.b)
			if math.IsNaN(tc.want) {
				assert.True(t, math.IsNaN(got), "got %g", got)
				return
			}
			assert.InDelta(t, tc.want, got, 1e-12)
		})
	}
}

// assertSameSchemes checks that the shared engine and the pipeline (Run,
// candidate by candidate) give every candidate the same agreement.
func assertSameSchemes(t *testing.T, def *indicators.Definition, ds *indicators.Dataset, year int, pub *indicators.Published, data func(*indicators.Definition) (*indicators.Dataset, error)) {
	t.Helper()
	fast, err := scoring.Calibrate(context.Background(), def, ds, year, pub, scoring.CalibrateOptions{Data: data})
	require.NoError(t, err)
	ref, err := scoring.Calibrate(context.Background(), def, ds, year, pub, scoring.CalibrateOptions{Data: data, Reference: true})
	require.NoError(t, err)
	require.Equal(t, ref.Candidates, fast.Candidates)
	byNumber := map[int]*scoring.Scheme{}
	for _, s := range ref.Schemes {
		byNumber[s.Number] = s
	}
	for _, f := range fast.Schemes {
		r := byNumber[f.Number]
		name := fmt.Sprint(schemeOf(fast, f))
		assert.Equal(t, r.Failed != "", f.Failed != "", "%s: failed %q against %q", name, f.Failed, r.Failed)
		assert.Equal(t, r.Consistent, f.Consistent, name)
		assert.Equal(t, r.StarsMatched, f.StarsMatched, name)
		assert.Equal(t, r.RanksMatched, f.RanksMatched, name)
		assert.Equal(t, r.ScoresMatched, f.ScoresMatched, name)
		if math.IsNaN(r.ScoreRMSE) {
			assert.True(t, math.IsNaN(f.ScoreRMSE), name)
		} else {
			assert.InDelta(t, r.ScoreRMSE, f.ScoreRMSE, 1e-9, name)
		}
		if math.IsNaN(r.KendallTau) {
			assert.True(t, math.IsNaN(f.KendallTau), name)
		} else {
			assert.InDelta(t, r.KendallTau, f.KendallTau, 1e-12, name)
		}
	}
	assert.Equal(t, ref.Consistent, fast.Consistent)
	assert.Equal(t, ref.Failed, fast.Failed)
	assert.Equal(t, ref.Recommended.Number, fast.Recommended.Number)
}

// TestCalibrateEngineMatchesPipeline: the shared engine agrees with Run
// on every candidate — normalisations, weights, aggregations, rounding,
// ties, star rules, missing-dimension rules, failures.
func TestCalibrateEngineMatchesPipeline(t *testing.T) {
	t.Run("tai", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("region,stars,rank,score\nFinland,4,1,71.87\nSweden,3-4,2,\nHungary,1,,15.78\nJapan,,5,\n")
		space := taiSpace + "thresholds = [[20, 40, 60, 80], [25, 50, 65, 80]]\nround = [2, 0, \"none\"]\nties = [\"competition\", \"dense\"]\nstars = [\"thresholds\", \"quantiles\", \"jenks\"]\n"
		def, ds, pub := taiCalibrateProject(t, taiBase, space, b.String())
		assertSameSchemes(t, def, ds, def.Index.Year, pub, nil)
	})
	t.Run("missing dimension", func(t *testing.T) {
		p := missingDimProject("renormalise", "arithmetic")
		p.toml = strings.Replace(p.toml, `normalise = "none"`, `normalise = "minmax"
range = [1, 100]`, 1)
		p.toml += "\n[published]\nfile = \"published.csv\"\n\n[calibrate]\nmissing_dimension = [\"renormalise\", \"zero\", \"unrated\"]\naggregate = [\"arithmetic\", \"geometric\"]\nnormalise = [\"minmax\", \"prank\", \"fracmax\"]\n"
		fsys := fstest.MapFS{
			"regions.csv":   {Data: []byte(fourRegions)},
			"data.csv":      {Data: []byte(p.data)},
			"published.csv": {Data: []byte("region,stars,rank\nA,5,1\nD,3-4,\n")},
		}
		def, err := indicators.Parse("index.toml", []byte(p.toml), indicators.FSFiles{FS: fsys})
		require.NoError(t, err)
		ds, err := indicators.LoadData(def, "")
		require.NoError(t, err)
		pub, err := indicators.LoadPublished(def, ds.Regions, "")
		require.NoError(t, err)
		assertSameSchemes(t, def, ds, def.Index.Year, pub, nil)
	})
	t.Run("2017 edition", func(t *testing.T) {
		def, err := indicators.LoadFS(data.FS, data.EditionPath(data.DefaultEdition), "embedded:")
		require.NoError(t, err)
		ds, err := indicators.LoadData(def, "")
		require.NoError(t, err)
		pub, err := indicators.LoadPublished(def, ds.Regions, "")
		require.NoError(t, err)
		load := func(d *indicators.Definition) (*indicators.Dataset, error) { return indicators.LoadData(d, "") }
		assertSameSchemes(t, def, ds, def.Index.Year, pub, load)
	})
}
