package indicators

import (
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syOptions is a small project that still has every kind of indicator.
func syOptions() SynthOptions {
	return SynthOptions{Regions: 120, Indicators: 16, Dimensions: 3, Years: 3, Seed: 7, Missing: SynthDefaultMissing}
}

// syFiles generates the project's files in memory.
func syFiles(t *testing.T, o SynthOptions) map[string][]byte {
	t.Helper()
	s, err := NewSynth(o)
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, name := range SynthFiles {
		var b bytes.Buffer
		require.NoError(t, s.WriteFile(context.Background(), name, &b))
		out[name] = b.Bytes()
	}
	return out
}

// syLoad writes the project to a folder and loads it as govindex does.
func syLoad(t *testing.T, o SynthOptions) (*Definition, *Dataset) {
	t.Helper()
	dir := t.TempDir()
	for name, b := range syFiles(t, o) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
	}
	def, err := LoadFile(filepath.Join(dir, SynthIndexFile))
	require.NoError(t, err)
	ds, err := LoadData(def, "")
	require.NoError(t, err)
	return def, ds
}

func TestSynthCheck(t *testing.T) {
	ok := syOptions()
	require.NoError(t, ok.Check())
	tests := []struct {
		name string
		edit func(o *SynthOptions)
		want string
	}{
		{"no regions", func(o *SynthOptions) { o.Regions = 0 }, "regions = 0 is out of range"},
		{"too many regions", func(o *SynthOptions) { o.Regions = SynthMaxRegions + 1 }, "regions = 1000001"},
		{"negative indicators", func(o *SynthOptions) { o.Indicators = -3 }, "indicators = -3"},
		{"too many indicators", func(o *SynthOptions) { o.Indicators = SynthMaxIndicators + 1 }, "indicators = 10001"},
		{"no dimensions", func(o *SynthOptions) { o.Dimensions = 0 }, "dimensions = 0"},
		{"more dimensions than indicators", func(o *SynthOptions) { o.Dimensions = 17 }, "17 dimensions for 16 indicators"},
		{"no years", func(o *SynthOptions) { o.Years = 0 }, "years = 0"},
		{"too many years", func(o *SynthOptions) { o.Years = 126 }, "years = 126"},
		{"negative missing", func(o *SynthOptions) { o.Missing = -0.1 }, "missing share -0.1"},
		{"too much missing", func(o *SynthOptions) { o.Missing = 0.9 }, "missing share 0.9"},
		{"NaN missing", func(o *SynthOptions) { o.Missing = math.NaN() }, "missing share NaN"},
		{"too many values", func(o *SynthOptions) { o.Regions, o.Indicators, o.Years = 1_000_000, 100, 20 }, "over the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := syOptions()
			tt.edit(&o)
			err := o.Check()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, IsInputError(err))
			_, err = NewSynth(o)
			assert.Error(t, err)
		})
	}
}

func TestSynthSizesAndMembership(t *testing.T) {
	o := syOptions()
	def, ds := syLoad(t, o)

	assert.Len(t, def.Dimensions, o.Dimensions)
	require.Len(t, def.Indicators, o.Indicators)
	assert.Len(t, ds.Regions.List, o.Regions)
	assert.Equal(t, []int{2022, 2023, 2024}, ds.Years())
	assert.Len(t, ds.Observations, o.Regions*o.Indicators*o.Years, "one cell per region, year and indicator, empty ones included")
	assert.Equal(t, SynthLastYear, def.Index.Year)

	for i, ind := range def.Indicators {
		assert.Equal(t, SynthIndicatorID(i, o.Indicators), ind.ID)
		assert.Equal(t, SynthDimensionID(i%o.Dimensions, o.Dimensions), ind.Dimension, "indicator %d belongs to dimension i mod D", i)
		assert.Equal(t, 1, ind.Direction)
		assert.Equal(t, 1.0, ind.Weight)
	}
	for _, d := range def.Dimensions {
		assert.Equal(t, 1.0, d.Weight)
		assert.Empty(t, d.Parent)
	}
	assert.Equal(t, "equal", def.Scoring.Weights)
	assert.Equal(t, [2]float64{1, 100}, def.Scoring.Range)

	u := def.Uncertainty
	require.NotNil(t, u)
	assert.Equal(t, 10000, u.Samples)
	assert.Equal(t, 0.25, u.WeightsNoise)
	assert.Equal(t, []string{"minmax", "prank"}, u.Normalise)
	assert.Equal(t, []string{"arithmetic", "geometric"}, u.Aggregate)
	assert.Equal(t, o.Seed, u.Seed)

	// Ids are padded to the widest number.
	assert.Equal(t, "x007", SynthIndicatorID(7, 120))
	assert.Equal(t, "d9", SynthDimensionID(9, 10))
	assert.Equal(t, "d09", SynthDimensionID(9, 11))
	assert.Equal(t, "x0", SynthIndicatorID(0, 1))
}

func TestSynthRegions(t *testing.T) {
	_, ds := syLoad(t, syOptions())
	for i, r := range ds.Regions.List {
		assert.Len(t, r.Code, 6)
		assert.Equal(t, "地区"+syPad(i+1, 4), r.Name)
		assert.Equal(t, "Region "+syPad(i+1, 4), r.NameEn)
		assert.NotEmpty(t, r.Group)
		assert.GreaterOrEqual(t, r.Attrs["population"], 1e4)
	}

	for _, n := range []int{1, 30, 31, 3000, 31 * 99 * 99, 31*99*99 + 1, SynthMaxRegions} {
		codes := synthRegionCodes(n)
		require.Len(t, codes, n)
		// Strictly ascending codes of one length are distinct.
		for i, c := range codes {
			if _, err := strconv.Atoi(c.code); len(c.code) != 6 || err != nil {
				t.Fatalf("n = %d, region %d: code %q is not 6 digits", n, i, c.code)
			}
			if i > 0 && codes[i-1].code >= c.code {
				t.Fatalf("n = %d: codes do not ascend at %d: %s, %s", n, i, codes[i-1].code, c.code)
			}
		}
		if n <= 31*99*99 {
			// Province prefixes of GB/T 2260, and no city or county 00.
			c := codes[n-1].code
			assert.NotEqual(t, "00", c[2:4], "n = %d", n)
			assert.NotEqual(t, "00", c[4:6], "n = %d", n)
		}
	}
	// 3,000 regions: about 97 a province, on about 10 prefecture codes.
	codes := synthRegionCodes(3000)
	assert.Equal(t, "110101", codes[0].code)
	assert.Equal(t, "北京市", codes[0].province)
	assert.Equal(t, "新疆维吾尔自治区", codes[2999].province)
}

func syPad(n, w int) string {
	s := strconv.Itoa(n)
	return strings.Repeat("0", max(0, w-len(s))) + s
}

func TestSynthDeterministic(t *testing.T) {
	o := syOptions()
	a, b := syFiles(t, o), syFiles(t, o)
	for _, name := range SynthFiles {
		assert.Equal(t, a[name], b[name], "%s differs between two runs", name)
	}
	o2 := o
	o2.Seed++
	c := syFiles(t, o2)
	assert.NotEqual(t, a[SynthDataFile], c[SynthDataFile], "another seed, other data")
	assert.NotEqual(t, a[SynthRegionsFile], c[SynthRegionsFile])
	// The first rows are fixed: this catches an unintended change of the
	// generator (which would change every benchmark's input).
	lines := strings.SplitN(string(a[SynthDataFile]), "\n", 3)
	assert.Equal(t, "region,year,x00,x01,x02,x03,x04,x05,x06,x07,x08,x09,x10,x11,x12,x13,x14,x15", lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "110101,2022,"), lines[1])
}

// syMatrix is the project's values for year.
func syMatrix(t *testing.T, o SynthOptions, year int) (*Definition, *Matrix) {
	t.Helper()
	def, ds := syLoad(t, o)
	return def, ds.Matrix(def, year)
}

func TestSynthValues(t *testing.T) {
	o := syOptions()
	o.Regions = 400
	def, ds := syLoad(t, o)
	missing := 0
	for _, obs := range ds.Observations {
		if obs.Missing() {
			missing++
			continue
		}
		ind, ok := def.Indicator(obs.Indicator)
		require.True(t, ok)
		v := obs.Value
		require.False(t, math.IsInf(v, 0), "%s", obs.Pos)
		switch SynthKindOf(ind.Index) {
		case SynthCount, SynthSkewed:
			require.GreaterOrEqual(t, v, 0.0, "%s", obs.Pos)
			require.Equal(t, math.Round(v), v, "counts are whole: %s", obs.Pos)
		case SynthShare:
			require.True(t, v >= 0 && v <= 100, "share %g at %s", v, obs.Pos)
		case SynthRate:
			require.Greater(t, v, 0.0, "%s", obs.Pos)
		}
	}
	share := float64(missing) / float64(len(ds.Observations))
	// 19,200 cells at 2%: the standard error is 0.1 percentage point.
	assert.InDelta(t, 0.02, share, 0.005, "share of missing values")

	// Every kind occurs.
	kinds := map[SynthKind]bool{}
	for i := range o.Indicators {
		kinds[SynthKindOf(i)] = true
	}
	assert.Len(t, kinds, 4)
}

func TestSynthMissingOff(t *testing.T) {
	with := syOptions()
	without := with
	without.Missing = 0
	_, mw := syMatrix(t, with, SynthLastYear)
	_, mo := syMatrix(t, without, SynthLastYear)
	gone := 0
	for r := range mo.Values {
		for i, v := range mo.Values[r] {
			require.False(t, math.IsNaN(v), "--missing 0 leaves no value empty")
			if w := mw.Values[r][i]; math.IsNaN(w) {
				gone++
			} else {
				require.Equal(t, v, w, "the values do not depend on the missing share")
			}
		}
	}
	assert.Positive(t, gone)
}

// TestSynthStructure checks that the indicators correlate through the
// latent region factor, more within a dimension than across, except the
// noise indicators (i mod 10 = 9).
func TestSynthStructure(t *testing.T) {
	o := syOptions()
	o.Regions, o.Missing = 1000, 0
	_, m := syMatrix(t, o, SynthLastYear)
	col := func(i int) []float64 {
		out := make([]float64, len(m.Values))
		for r := range m.Values {
			out[r] = m.Values[r][i]
		}
		return syRanks(out)
	}
	var within, across []float64
	for i := range o.Indicators {
		for j := i + 1; j < o.Indicators; j++ {
			if i%10 == 9 || j%10 == 9 {
				continue
			}
			r := syCorr(col(i), col(j))
			if i%o.Dimensions == j%o.Dimensions {
				within = append(within, r)
			} else {
				across = append(across, r)
			}
		}
	}
	mw, ma := syMean(within), syMean(across)
	assert.Greater(t, ma, 0.2, "indicators share the overall factor")
	assert.Greater(t, mw, ma+0.03, "and more within a dimension")
	assert.Less(t, math.Abs(syCorr(col(9), col(0))), ma, "the noise indicator correlates less")
}

// syRanks are Spearman ranks (ties are rare enough to ignore here).
func syRanks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	out := make([]float64, len(x))
	for r, i := range idx {
		out[i] = float64(r)
	}
	return out
}

func syMean(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

func syCorr(x, y []float64) float64 {
	mx, my := syMean(x), syMean(y)
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func TestSynthTrend(t *testing.T) {
	o := syOptions()
	o.Regions, o.Missing, o.Years = 300, 0, 10
	def, ds := syLoad(t, o)
	first, last := ds.Matrix(def, o.FirstYear()), ds.Matrix(def, SynthLastYear)
	up := 0
	for i := range o.Indicators {
		var a, b float64
		for r := range first.Values {
			a += first.Values[r][i]
			b += last.Values[r][i]
		}
		if b > a {
			up++
		}
	}
	assert.Equal(t, o.Indicators, up, "every indicator's mean grows over the years")
}

func TestSynthCancelled(t *testing.T) {
	s, err := NewSynth(syOptions())
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	assert.ErrorIs(t, s.WriteFile(ctx, SynthDataFile, &b), context.Canceled)
	assert.Error(t, s.WriteFile(context.Background(), "other.csv", &b))
}

func TestSynthOneOfEach(t *testing.T) {
	def, ds := syLoad(t, SynthOptions{Regions: 1, Indicators: 1, Dimensions: 1, Years: 1, Seed: 0})
	assert.Len(t, def.Indicators, 1)
	assert.Len(t, ds.Regions.List, 1)
	assert.Len(t, ds.Observations, 1)
}

// BenchmarkSynthLoad loads the benchmark project of issue 6 (3,000 regions
// × 48 indicators, one year): the fixed cost every robust run pays first.
func BenchmarkSynthLoad(b *testing.B) {
	o := DefaultSynthOptions()
	o.Years = 1
	s, err := NewSynth(o)
	require.NoError(b, err)
	dir := b.TempDir()
	for _, name := range SynthFiles {
		f, err := os.Create(filepath.Join(dir, name))
		require.NoError(b, err)
		require.NoError(b, s.WriteFile(context.Background(), name, f))
		require.NoError(b, f.Close())
	}
	b.ResetTimer()
	for b.Loop() {
		def, err := LoadFile(filepath.Join(dir, SynthIndexFile))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := LoadData(def, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSynthWrite writes data.csv of the benchmark project.
func BenchmarkSynthWrite(b *testing.B) {
	s, err := NewSynth(DefaultSynthOptions())
	require.NoError(b, err)
	for b.Loop() {
		if err := s.WriteFile(context.Background(), SynthDataFile, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
