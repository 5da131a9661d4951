package scoring

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat"
)

// taiMethodsTable is testdata/tai.csv: the OECD/JRC Handbook (2008) worked
// example, the Technology Achievement Index for 23 countries.
type taiMethodsTable struct {
	countries []string
	ids       []string    // indicator ids, in column order
	cols      [][]float64 // one column per indicator
}

func loadTAIMethods(t *testing.T) taiMethodsTable {
	t.Helper()
	f, err := os.Open("testdata/tai.csv")
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 24, "header and 23 countries")
	tab := taiMethodsTable{ids: recs[0][1:], cols: make([][]float64, len(recs[0])-1)}
	for _, rec := range recs[1:] {
		tab.countries = append(tab.countries, rec[0])
		for j, s := range rec[1:] {
			v, err := strconv.ParseFloat(s, 64)
			require.NoError(t, err, "%s %s", rec[0], tab.ids[j])
			tab.cols[j] = append(tab.cols[j], v)
		}
	}
	return tab
}

func (tab taiMethodsTable) col(t *testing.T, id string) []float64 {
	for j, x := range tab.ids {
		if x == id {
			return tab.cols[j]
		}
	}
	t.Fatalf("no column %s", id)
	return nil
}

// TestHandbookTable15 reproduces the Handbook's Table 15 for SCH (mean
// years of schooling): mean, sample sd, z-scores and ranks.
func TestHandbookTable15(t *testing.T) {
	tab := loadTAIMethods(t)
	sch := tab.col(t, "SCH")
	require.Len(t, sch, 23)

	mean, sd := stat.MeanStdDev(sch, nil)
	assert.Equal(t, 9.5957, RoundTo(mean, 4))
	assert.Equal(t, 1.5770, RoundTo(sd, 4))

	z, _ := LookupNormaliser("zscore")
	wantZ := []float64{.26, 1.52, 1.14, -.06, .76, -.12, -.12, 1.27, .83, -1.58, .38,
		1.46, -.12, -.19, 1.33, -.76, -1.08, .00, -1.46, -1.52, -.06, -.31, -1.58}
	gotZ := z.Fn(sch, NormaliseParams{})
	require.Len(t, gotZ, len(wantZ))
	for i := range wantZ {
		assert.Equal(t, wantZ[i], RoundTo(gotZ[i], 2), "z-score of %s", tab.countries[i])
	}

	r, _ := LookupNormaliser("rank")
	wantRank := []float64{15, 23, 19, 12, 17, 9, 9, 20, 18, 1, 16, 22, 9, 8, 21, 6, 5, 14, 4, 3, 12, 7, 1}
	assert.Equal(t, wantRank, r.Fn(sch, NormaliseParams{}))
}

// TestTAIEqualWeightsMinMax scores the TAI with equal weights, min-max to
// [0, 100] and the arithmetic mean, using only the registered methods.
func TestTAIEqualWeightsMinMax(t *testing.T) {
	tab := loadTAIMethods(t)
	mm, _ := LookupNormaliser("minmax")
	p := NormaliseParams{Range: [2]float64{0, 100}, Ref: -1}
	norm := make([][]float64, len(tab.cols))
	for j, c := range tab.cols {
		norm[j] = mm.Fn(c, p)
	}
	require.Len(t, norm, 8)
	// Regions × indicators, as the aggregators take it.
	X := make([][]float64, len(tab.countries))
	for i := range X {
		for j := range norm {
			X[i] = append(X[i], norm[j][i])
		}
	}
	w := []float64{1, 1, 1, 1, 1, 1, 1, 1}
	arith, _ := LookupAggregator("arithmetic")
	score := arith.Fn(X, w, AggregateParams{})

	got := map[string]float64{}
	for i, c := range tab.countries {
		got[c] = RoundTo(score[i], 2)
	}
	want := map[string]float64{
		"Finland": 71.87, "Sweden": 68.83, "United States": 68.03,
		"Norway": 54.76, "Japan": 54.40, "Hungary": 15.78,
	}
	for c, v := range want {
		assert.Equal(t, v, got[c], c)
	}

	comp, _ := LookupTieRule("competition")
	ranks := comp.Fn(score)
	wantRank := map[string]int{"Finland": 1, "Sweden": 2, "United States": 3, "Norway": 4, "Japan": 5, "Hungary": 23}
	for i, c := range tab.countries {
		if r, ok := wantRank[c]; ok {
			assert.Equal(t, r, ranks[i], c)
		}
	}
}
