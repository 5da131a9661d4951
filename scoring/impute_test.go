package scoring_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

var itNaN = math.NaN()

// itImpute runs the registered imputer name on a copy of X (and of the
// panel, whose Current slot is replaced by the copy, as the pipeline does)
// and returns the filled matrix and the imputed flags.
func itImpute(t *testing.T, name string, X [][]float64, groups []string, panel scoring.Panel) ([][]float64, [][]bool) {
	t.Helper()
	imp, ok := scoring.LookupImputer(name)
	require.True(t, ok, "imputer %q is registered", name)
	x := make([][]float64, len(X))
	flags := make([][]bool, len(X))
	for r := range X {
		x[r] = append([]float64(nil), X[r]...)
		flags[r] = make([]bool, len(X[r]))
	}
	if panel.Current >= 0 && panel.Current < len(panel.Values) {
		vals := append([][][]float64(nil), panel.Values...)
		vals[panel.Current] = x
		panel.Values = vals
	}
	imp.Fn(scoring.ImputeContext{X: x, Imputed: flags, Groups: groups, Panel: panel})
	return x, flags
}

// itAssertMatrix compares matrices cell by cell, NaN equal to NaN.
func itAssertMatrix(t *testing.T, want, got [][]float64) {
	t.Helper()
	require.Len(t, got, len(want))
	for r := range want {
		require.Len(t, got[r], len(want[r]), "row %d", r)
		for i := range want[r] {
			if math.IsNaN(want[r][i]) {
				assert.True(t, math.IsNaN(got[r][i]), "row %d col %d: want NaN, got %g", r, i, got[r][i])
				continue
			}
			assert.InDelta(t, want[r][i], got[r][i], 1e-12, "row %d col %d", r, i)
		}
	}
}

// itFlagsOf marks the NaN cells of before that are no longer NaN in after:
// exactly the cells an imputer must flag.
func itFlagsOf(before, after [][]float64) [][]bool {
	out := make([][]bool, len(before))
	for r := range before {
		out[r] = make([]bool, len(before[r]))
		for i := range before[r] {
			out[r][i] = math.IsNaN(before[r][i]) && !math.IsNaN(after[r][i])
		}
	}
	return out
}

func TestImputerNamesRegistered(t *testing.T) {
	assert.Equal(t, []string{"group-mean", "group-median", "latest", "linear", "mean", "median", "none"}, scoring.ImputerNames())
}

// TestImputeColumnwise checks mean and median on the rated year alone.
// Columns: a (1, 2, NaN, 6 → mean 3, median 2), b (NaN, 4, 6, NaN → mean 5,
// median (4 + 6)/2 = 5, where an empirical quantile would give 4), c (all
// missing: nothing to fill with), d (complete: untouched).
func TestImputeColumnwise(t *testing.T) {
	X := [][]float64{
		{1, itNaN, itNaN, 7},
		{2, 4, itNaN, 8},
		{itNaN, 6, itNaN, 9},
		{6, itNaN, itNaN, 10},
	}
	tests := []struct {
		name string
		want [][]float64
	}{
		{"mean", [][]float64{{1, 5, itNaN, 7}, {2, 4, itNaN, 8}, {3, 6, itNaN, 9}, {6, 5, itNaN, 10}}},
		{"median", [][]float64{{1, 5, itNaN, 7}, {2, 4, itNaN, 8}, {2, 6, itNaN, 9}, {6, 5, itNaN, 10}}},
		{"none", X},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, flags := itImpute(t, tc.name, X, nil, scoring.Panel{Current: -1})
			itAssertMatrix(t, tc.want, got)
			assert.Equal(t, itFlagsOf(X, tc.want), flags)
		})
	}
	assert.True(t, math.IsNaN(X[2][0]), "the input is the caller's copy, not changed by the helper")
}

// TestImputeMedianEvenAndOdd pins the median convention: the average of
// the two middle values of an even count.
func TestImputeMedianEvenAndOdd(t *testing.T) {
	tests := []struct {
		name   string
		column []float64
		want   float64
	}{
		{"odd", []float64{9, 1, 5, itNaN}, 5},
		{"even", []float64{10, 1, 4, 2, itNaN}, 3},
		{"even two", []float64{1, 100, itNaN}, 50.5},
		{"one", []float64{7, itNaN}, 7},
		{"ties", []float64{2, 2, 2, 9, itNaN}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			X := make([][]float64, len(tc.column))
			for r, v := range tc.column {
				X[r] = []float64{v}
			}
			got, flags := itImpute(t, "median", X, nil, scoring.Panel{Current: -1})
			last := len(X) - 1
			assert.Equal(t, tc.want, got[last][0])
			assert.True(t, flags[last][0])
		})
	}
}

// TestImputeByGroup: east has 1 and 3 (mean and median 2), west has 10;
// the overall values are 1, 3, 10 (mean 14/3, median 3). Row 4 (west)
// takes west's value; row 5 has no group and row 6's group (north) has no
// value: both fall back to the overall statistic.
func TestImputeByGroup(t *testing.T) {
	groups := []string{"east", "east", "east", "west", "west", "", "north"}
	X := [][]float64{{1}, {3}, {itNaN}, {10}, {itNaN}, {itNaN}, {itNaN}}
	tests := []struct {
		name string
		want []float64
	}{
		{"group-mean", []float64{1, 3, 2, 10, 10, 14.0 / 3, 14.0 / 3}},
		{"group-median", []float64{1, 3, 2, 10, 10, 3, 3}},
		{"mean", []float64{1, 3, 14.0 / 3, 10, 14.0 / 3, 14.0 / 3, 14.0 / 3}},
		{"median", []float64{1, 3, 3, 10, 3, 3, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, flags := itImpute(t, tc.name, X, groups, scoring.Panel{Current: -1})
			want := make([][]float64, len(tc.want))
			for r, v := range tc.want {
				want[r] = []float64{v}
			}
			itAssertMatrix(t, want, got)
			assert.Equal(t, [][]bool{{false}, {false}, {true}, {false}, {true}, {true}, {true}}, flags)
		})
	}
}

// TestImputeByGroupEmptyColumn: a column with no value anywhere stays
// missing and unflagged, groups or not.
func TestImputeByGroupEmptyColumn(t *testing.T) {
	for _, name := range []string{"group-mean", "group-median"} {
		got, flags := itImpute(t, name, [][]float64{{itNaN, 1}, {itNaN, 2}}, []string{"g", "g"}, scoring.Panel{Current: -1})
		itAssertMatrix(t, [][]float64{{itNaN, 1}, {itNaN, 2}}, got)
		assert.Equal(t, [][]bool{{false, false}, {false, false}}, flags, name)
	}
}

// itPanel builds a panel of one indicator: rows[r][y] is row r's value in
// years[y]; the rated year's slot is taken from X by itImpute.
func itPanel(years []int, current int, rows [][]float64) ([][]float64, scoring.Panel) {
	p := scoring.Panel{Years: years, Current: current}
	for y := range years {
		table := make([][]float64, len(rows))
		for r := range rows {
			table[r] = []float64{rows[r][y]}
		}
		p.Values = append(p.Values, table)
	}
	X := p.Values[current]
	return X, p
}

// TestImputeLatest rates 2020 in a panel 2017–2021.
func TestImputeLatest(t *testing.T) {
	years := []int{2017, 2018, 2019, 2020, 2021}
	X, panel := itPanel(years, 3, [][]float64{
		{1, 2, itNaN, itNaN, 9},         // gap in 2019: the 2018 value, never 2021's
		{itNaN, itNaN, itNaN, itNaN, 4}, // only a later value: no back-casting
		{1, 1, 1, 6, 1},                 // present: untouched
		{itNaN, itNaN, 5, itNaN, itNaN}, // last year's value
		{itNaN, itNaN, itNaN, itNaN, itNaN},
	})
	got, flags := itImpute(t, "latest", X, nil, panel)
	itAssertMatrix(t, [][]float64{{2}, {itNaN}, {6}, {5}, {itNaN}}, got)
	assert.Equal(t, [][]bool{{true}, {false}, {false}, {true}, {false}}, flags)
	assert.True(t, math.IsNaN(panel.Values[2][0][0]), "other years are read, not filled")
}

// TestImputeLinear rates 2019 in a panel 2016, 2017, 2019, 2020, 2022.
func TestImputeLinear(t *testing.T) {
	years := []int{2016, 2017, 2019, 2020, 2022}
	X, panel := itPanel(years, 2, [][]float64{
		{10, itNaN, itNaN, itNaN, 40},   // 10 + (40 − 10)·(2019 − 2016)/(2022 − 2016) = 25
		{itNaN, 4, itNaN, 10, 99},       // 4 + (10 − 4)·(2019 − 2017)/(2020 − 2017) = 8: nearest years only
		{3, 5, itNaN, itNaN, itNaN},     // only earlier values: the latest (5) carried forward
		{itNaN, itNaN, itNaN, 7, itNaN}, // only a later value: no back-casting
		{0, 0, 1, 0, 0},                 // present: untouched
	})
	got, flags := itImpute(t, "linear", X, nil, panel)
	itAssertMatrix(t, [][]float64{{25}, {8}, {5}, {itNaN}, {1}}, got)
	assert.Equal(t, [][]bool{{true}, {true}, {true}, {false}, {false}}, flags)
}

// TestImputeAcrossYearsSkipsUndated: the undated slot (year 0) holds
// values that count for every year already; it is never an earlier year.
func TestImputeAcrossYearsSkipsUndated(t *testing.T) {
	for _, name := range []string{"latest", "linear"} {
		X, panel := itPanel([]int{0, 2019, 2020}, 2, [][]float64{
			{5, itNaN, itNaN},
			{5, 3, itNaN},
		})
		got, flags := itImpute(t, name, X, nil, panel)
		itAssertMatrix(t, [][]float64{{itNaN}, {3}}, got)
		assert.Equal(t, [][]bool{{false}, {true}}, flags, name)
	}
}

// TestImputeAcrossYearsWithoutPanel: with no panel position for the rated
// year, latest and linear fill nothing.
func TestImputeAcrossYearsWithoutPanel(t *testing.T) {
	for _, name := range []string{"latest", "linear"} {
		got, flags := itImpute(t, name, [][]float64{{itNaN}, {2}}, nil, scoring.Panel{Current: -1})
		itAssertMatrix(t, [][]float64{{itNaN}, {2}}, got)
		assert.Equal(t, [][]bool{{false}, {false}}, flags, name)
	}
}

// TestImputeThroughPipeline runs latest and linear on a small project with
// data for 2018–2020 rated in 2019, with a denominator on the indicator:
// every year is denominated before imputation.
func TestImputeThroughPipeline(t *testing.T) {
	regions := "code,name,population\nA,Alpha,10000\nB,Beta,20000\nC,Gamma,40000\n"
	data := "region,year,users,docs\n" +
		"A,2018,100,1\nA,2019,,2\nA,2020,300,3\n" + // per person: 0.01, ?, 0.03
		"B,2018,200,1\nB,2019,400,2\nB,2020,800,3\n" +
		"C,2018,400,1\nC,2019,,2\nC,2020,,3\n"
	tests := []struct {
		impute string
		a, c   float64
	}{
		{"latest", 0.01, 0.01},
		{"linear", 0.02, 0.01},
	}
	for _, tc := range tests {
		t.Run(tc.impute, func(t *testing.T) {
			res := itRunProject(t, itProject{regions: regions, data: data, toml: `[index]
name = "t"
year = 2019
regions = "regions.csv"
data = ["data.csv"]

[scoring]
impute = "` + tc.impute + `"
weights = "equal"

[[dimension]]
id = "x"

[[indicator]]
id = "users"
dimension = "x"
denominator = "population"

[[indicator]]
id = "docs"
dimension = "x"
`})
			a := itIndicator(t, res, "A", "users")
			assert.True(t, a.Imputed)
			assert.True(t, math.IsNaN(a.Raw))
			assert.InDelta(t, tc.a, a.Value, 1e-12)
			c := itIndicator(t, res, "C", "users")
			assert.True(t, c.Imputed)
			assert.InDelta(t, tc.c, c.Value, 1e-12)
			b := itIndicator(t, res, "B", "users")
			assert.False(t, b.Imputed)
			assert.InDelta(t, 0.02, b.Value, 1e-12)
		})
	}
}
