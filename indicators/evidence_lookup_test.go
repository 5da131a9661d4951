package indicators

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDatasetEvidence(t *testing.T) {
	ev := func(title string) []Evidence { return []Evidence{{File: "e.csv", Row: 2, Title: title}} }
	ds := &Dataset{Observations: []Observation{
		{Region: "A", Year: 0, Indicator: "x", Value: 1, Evidence: ev("undated")},
		{Region: "A", Year: 2016, Indicator: "x", Value: 2, Evidence: ev("2016")},
		{Region: "A", Year: 2017, Indicator: "x", Value: math.NaN(), Evidence: ev("missing")},
		{Region: "B", Year: 2016, Indicator: "x", Value: 3},
		{Region: "A", Year: 2016, Indicator: "y", Value: 4, Evidence: ev("other indicator")},
	}}
	for _, tc := range []struct {
		region    string
		year      int
		indicator string
		want      string
	}{
		{"A", 2016, "x", "2016"},    // the dated observation wins
		{"A", 2017, "x", "undated"}, // a missing value has no evidence: the undated one counts
		{"A", 2015, "x", "undated"}, // no observation that year
		{"A", 2016, "y", "other indicator"},
		{"B", 2016, "x", ""}, // read from a table: no records
		{"C", 2016, "x", ""},
	} {
		got := ds.Evidence(tc.region, tc.year, tc.indicator)
		title := ""
		if len(got) > 0 {
			title = got[0].Title
		}
		assert.Equal(t, tc.want, title, "%s %d %s", tc.region, tc.year, tc.indicator)
	}
}
