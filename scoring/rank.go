package scoring

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// TieRule is a registered ranking method. Fn ranks scores with 1 = the
// highest; scores that are not finite (NaN, ±Inf) get 0 (unranked) and
// take no place. Scores are compared at ScoreDigits significant digits
// (scoreKey): scores equal to 12 digits tie, whatever float noise lies
// beyond. Ranks depend only on the values, never on the order or on map
// iteration, so ranking is deterministic.
type TieRule struct {
	Name string
	Fn   func(scores []float64) []int
}

// tieRules is the registry: adding a method is one entry here.
var tieRules = registryByName([]TieRule{
	{Name: "competition", Fn: rankCompetition},
	{Name: "dense", Fn: rankDense},
}, func(t TieRule) string { return t.Name })

// LookupTieRule returns the tie rule registered under name.
func LookupTieRule(name string) (TieRule, bool) {
	t, ok := tieRules[name]
	return t, ok
}

// TieRuleNames returns the registered tie rule names, sorted.
func TieRuleNames() []string { return slices.Sorted(maps.Keys(tieRules)) }

// descendingRanks ranks the finite scores from 1 = highest by their keys
// (scoreKey), giving a score the number of values above it plus one;
// values are the finite keys (competition) or the distinct ones (dense).
func descendingRanks(scores []float64, distinct bool) []int {
	keys := scoreKeys(scores)
	vals := make([]float64, 0, len(keys))
	for _, k := range keys {
		if finite(k) {
			vals = append(vals, k)
		}
	}
	slices.Sort(vals)
	if distinct {
		vals = slices.Compact(vals)
	}
	out := make([]int, len(scores))
	for i, s := range keys {
		if !finite(s) {
			continue
		}
		// Values strictly above s are those after its last occurrence.
		above := len(vals) - upperBound(vals, s)
		out[i] = above + 1
	}
	return out
}

// upperBound returns the index of the first element of sorted vals that is
// greater than v.
func upperBound(vals []float64, v float64) int {
	lo, hi := 0, len(vals)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if vals[m] <= v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// rankCompetition is standard competition ranking (1, 2, 2, 4): tied scores
// share the best rank and the next rank skips the places they took.
func rankCompetition(scores []float64) []int { return descendingRanks(scores, false) }

// rankDense is dense ranking (1, 2, 2, 3): tied scores share a rank and the
// next rank follows on without a gap.
func rankDense(scores []float64) []int { return descendingRanks(scores, true) }

// RoundTo rounds x to the given number of decimals (negative: to tens,
// hundreds, …), halves away from zero, in decimal rather than binary: x is
// first taken to 15 significant digits — the precision a float64 carries
// reliably — so that 2.675 (stored as 2.67499999999999982236431605997495353221893310546875)
// and arithmetic residues such as 2.6749999999999998 both round to 2.68,
// as a reader of the decimal figure expects. NaN and ±Inf are returned
// unchanged; a value that rounds to zero gives +0, never −0.
func RoundTo(x float64, decimals int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	if x == 0 {
		return 0 // also for −0, which would print as "-0"
	}
	// Scientific notation with 15 significant digits: "-d.dddddddddddddde±XX".
	s := strconv.FormatFloat(x, 'e', 14, 64)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	mant, expStr, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := []byte(strings.Replace(mant, ".", "", 1))
	point := exp + 1 // digits[:point] is the integer part (point may be ≤ 0 or > len)
	keep := point + decimals
	switch {
	case keep >= len(digits):
		// Already exact at this many decimals (up to 15 significant digits).
		return x
	case keep < 0:
		return 0 // +0 even for small negatives, never "-0.00" in a table
	}
	roundUp := digits[keep] >= '5'
	digits = digits[:keep]
	if roundUp {
		i := keep - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i >= 0 {
			digits[i]++
		} else {
			digits = append([]byte{'1'}, digits...)
			point++
		}
	}
	if len(digits) == 0 {
		return 0
	}
	// Rebuild as "0.ddd…e(point)" so strconv does the one exact conversion.
	str := "0." + string(digits) + "e" + strconv.Itoa(point)
	if neg {
		str = "-" + str
	}
	v, err := strconv.ParseFloat(str, 64)
	if err != nil { // cannot happen: the string is well formed and in range
		return x
	}
	return v
}
