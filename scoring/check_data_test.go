package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/indicators"
)

func TestCheckDataAndEmptyIndicators(t *testing.T) {
	src := "[index]\nname = \"t\"\nyears = [2019, 2020, 2021]\nregions = \"r.csv\"\ndata = [\"d.csv\"]\n\n[[dimension]]\nid = \"d\"\n\n[[indicator]]\nid = \"x\"\ndimension = \"d\"\n\n[[indicator]]\nid = \"y\"\ndimension = \"d\"\n"
	def, err := indicators.Parse("index.toml", []byte(src), nil)
	require.NoError(t, err)
	for _, tc := range []struct {
		name      string
		obs       []indicators.Observation
		badYears  []string
		emptyInds []string
	}{
		{"every year, every indicator", []indicators.Observation{{Region: "A", Year: 2019, Indicator: "x", Value: 1}, {Region: "A", Year: 2020, Indicator: "y", Value: 2}, {Region: "A", Year: 2021, Indicator: "x", Value: 3}}, nil, nil},
		{"2021 missing, y empty", []indicators.Observation{{Region: "A", Year: 2019, Indicator: "x", Value: 1}, {Region: "A", Year: 2020, Indicator: "x", Value: 2}, {Region: "A", Year: 2021, Indicator: "y", Value: math.NaN()}}, []string{"2021"}, []string{"y"}},
		{"an undated table counts for every year", []indicators.Observation{{Region: "A", Indicator: "x", Value: 1}, {Region: "A", Indicator: "y", Value: 1}}, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := &indicators.Dataset{Observations: tc.obs}
			errs := CheckData(def, ds)
			require.Len(t, errs, len(tc.badYears))
			for i, y := range tc.badYears {
				assert.Contains(t, errs[i].Error(), "years lists "+y)
				var ie *indicators.InputError
				require.ErrorAs(t, errs[i], &ie)
				assert.Equal(t, def.KeyPos("index", 0, "years"), ie.Pos)
			}
			var empty []string
			for _, ind := range EmptyIndicators(def, ds) {
				empty = append(empty, ind.ID)
			}
			assert.Equal(t, tc.emptyInds, empty)
		})
	}
}
