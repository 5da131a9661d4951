package reports

import (
	"math"
	"slices"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// Where a region stands among the rated regions, for the article's
// wording: a region's best dimension is only "strongest" when it ranks in
// the upper half, its worst only "weak" when it ranks in the lower half,
// and an indicator at the bottom never "supports" a score.

// articleStanding holds what the ranks of one result are judged against:
// the number of rated regions ranked on each top-level dimension, and the
// normalised values of the rated regions on each indicator.
type articleStanding struct {
	dims map[string]int
	inds map[string]*indicatorStanding
}

// indicatorStanding is one indicator's normalised values among the rated
// regions with a value (sorted), and the floor of its normalisation when it is
// bounded.
type indicatorStanding struct {
	values  []float64
	lo, hi  float64
	bounded bool
	floor   float64
}

// articleStandings gathers the standings of r's rated regions.
func articleStandings(r *scoring.Result, top []*indicators.Dimension) *articleStanding {
	st := &articleStanding{dims: map[string]int{}, inds: map[string]*indicatorStanding{}}
	for _, d := range top {
		for _, rr := range r.Regions {
			if n := nodeScore(rr, d.ID); rr.Rated && n != nil && !n.Missing && !math.IsNaN(n.Score) {
				st.dims[d.ID]++
			}
		}
	}
	for _, ind := range r.Def.Indicators {
		method := ind.Normalise
		if method == "" {
			method = r.Method.Normalise
		}
		n, _ := scoring.LookupNormaliser(method)
		st.inds[ind.ID] = &indicatorStanding{lo: math.Inf(1), hi: math.Inf(-1), bounded: n.Bounded, floor: r.Def.Scoring.Range[0]}
	}
	for _, rr := range r.Regions {
		if !rr.Rated {
			continue
		}
		for _, x := range rr.Indicators {
			if x == nil {
				continue
			}
			if is := st.inds[x.ID]; is != nil && !math.IsNaN(x.Normalised) {
				is.values = append(is.values, x.Normalised)
				is.lo, is.hi = math.Min(is.lo, x.Normalised), math.Max(is.hi, x.Normalised)
			}
		}
	}
	for _, is := range st.inds {
		slices.Sort(is.values)
	}
	return st
}

// standing ranks the normalised value v among the indicator's values
// (1 = highest, ties sharing the better rank), out of how many, and
// reports whether it is at the bottom: at the floor of a bounded
// normalisation, or the lowest value when the values differ.
func (is *indicatorStanding) standing(v float64) (rank, of int, bottom bool) {
	if is == nil || math.IsNaN(v) {
		return 0, 0, false
	}
	// values is sorted: the ones above v are those after the last ≤ v.
	above, _ := slices.BinarySearchFunc(is.values, v, func(x, v float64) int {
		if x <= v {
			return -1
		}
		return 1
	})
	rank = 1 + len(is.values) - above
	const eps = 1e-9
	atFloor := is.bounded && v <= is.floor+eps*math.Max(1, math.Abs(is.floor))
	lowest := len(is.values) > 1 && is.lo < is.hi && v <= is.lo
	return rank, len(is.values), atFloor || lowest
}

// rankHalves places a rank among of ranked regions: in the upper half
// (2·rank ≤ of), in the lower half (2·(rank−1) ≥ of), last (rank = of,
// more than one ranked). The middle rank of an odd number is in neither
// half; a single region is in neither half and not last.
func rankHalves(rank, of int) (upper, lower, last bool) {
	if rank < 1 || of < 1 {
		return false, false, false
	}
	return 2*rank <= of, 2*(rank-1) >= of, of > 1 && rank >= of
}
