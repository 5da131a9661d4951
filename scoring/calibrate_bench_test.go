package scoring

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"testing"

	"github.com/govindex/govindex/indicators"
)

// calSpace is BenchmarkCalibrate3000's space: 3 × 2 × 2 × 3 × 2 × 2 =
// 144 candidates.
const calSpace = `[calibrate]
normalise = ["minmax", "prank", "dist2max"]
weights = ["equal", "entropy"]
aggregate = ["arithmetic", "geometric"]
thresholds = [[20, 40, 60, 80], [25, 50, 75, 90], [10, 30, 50, 70]]
round = [2, 1]
missing_dimension = ["renormalise", "zero"]
`

// calSynth is the synthetic 3,000-region project of BenchmarkRobust3000
// as a dataset, with published stars for every 30th region (under the
// default scheme) and ranks for the first ten.
func calSynth(tb testing.TB, extra string) (*indicators.Definition, *indicators.Dataset, *indicators.Published) {
	tb.Helper()
	def, m := rbSynthDef(tb, rbSynthTOML(48, 6, rbScoring, rbStars, calSpace+extra), 3000)
	ds := &indicators.Dataset{Regions: indicators.NewRegionSet(m.Regions)}
	for k, reg := range m.Regions {
		for i, ind := range def.Indicators {
			ds.Observations = append(ds.Observations, indicators.Observation{Region: reg.Code, Year: 2020, Indicator: ind.ID, Value: m.Values[k][i]})
		}
	}
	res, err := Run(def, ds, 2020)
	if err != nil {
		tb.Fatal(err)
	}
	pub := &indicators.Published{File: "published.csv"}
	for k, rr := range res.Regions {
		row := indicators.PublishedRow{Region: rr.Region}
		if k%30 == 0 {
			row.StarsLo, row.StarsHi = rr.Stars, rr.Stars
		}
		if k < 10 {
			row.Rank = rr.Rank
		}
		if row.StarsLo > 0 || row.Rank > 0 {
			pub.Rows = append(pub.Rows, row)
		}
	}
	return def, ds, pub
}

// BenchmarkCalibrate3000 calibrates 3,000 regions × 48 indicators in 6
// dimensions over 144 candidate schemes, and over 576 (the same with two
// tie rules and two star rules); compare its ns/candidate with
// BenchmarkRobust3000's ns/sample.
func BenchmarkCalibrate3000(b *testing.B) {
	for _, extra := range []string{"", "ties = [\"competition\", \"dense\"]\nstars = [\"thresholds\", \"quantiles\"]\n"} {
		def, ds, pub := calSynth(b, extra)
		n, _ := CandidateCount(def.Calibrate, math.MaxInt)
		b.Run(fmt.Sprintf("candidates=%d", n), func(b *testing.B) {
			var res *CalibrateResult
			for range b.N {
				var err error
				res, err = Calibrate(context.Background(), def, ds, 2020, pub, CalibrateOptions{})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if res.Candidates < 100 || res.Consistent == 0 {
				b.Fatalf("%d candidates, %d consistent", res.Candidates, res.Consistent)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(res.Candidates), "ns/candidate")
			b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
		})
	}
}
