package scoring

import (
	"math"
	"strconv"
)

// ScoreDigits is the number of significant digits at which scores are
// compared when they are ranked, starred and classed (DESIGN.md, Methods):
// two scores that agree to 12 significant digits are the same score, so
// float noise (8.833333333333336 against 8.833333333333334, both 53/6)
// makes a tie, never a rank or a star apart. A float64 carries 15 to 17
// significant digits; 12 leaves room for the rounding residue of a few
// thousand operations.
const ScoreDigits = 12

// scorePow10 holds 10^0 … 10^22, the powers of ten a float64 holds exactly.
var scorePow10 = func() (t [23]float64) {
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 10
	}
	return t
}()

// scoreKey returns x rounded to ScoreDigits significant digits: the
// float64 nearest to the decimal of 12 significant digits nearest to x.
// Scores with the same key are the same score; keys compare as the scores
// do (scoreKey is non-decreasing), so ranking, stars and classes work on
// the keys with exact comparisons. NaN and ±Inf are returned unchanged
// and −0 becomes +0.
//
// Typical scores (10^−11 ≤ |x| < 10^34) are rounded in binary: x·10^k (or
// x/10^−k) is rounded to an integer of 12 digits and divided (multiplied)
// back by the exact power of ten, one correctly rounded operation each
// way. Within 10^−3 of a half, where the binary product may round the
// other way than the decimal would, and outside that range, the decimal
// conversion of strconv decides.
func scoreKey(x float64) float64 {
	if x == 0 || x != x || x-x != 0 { // 0, NaN, ±Inf
		if x == 0 {
			return 0
		}
		return x
	}
	a := math.Abs(x)
	// e2 − 1 = floor(log2 a) for a normal a; subnormals go the slow way.
	e2 := int(math.Float64bits(a)>>52) - 1022
	// e: the decimal exponent, 10^e ≤ a < 10^(e+1). The estimate
	// floor((e2−1)·log10 2), with log10 2 taken as 78913/2^18, is within
	// one of e, and the comparisons with the powers of ten settle it;
	// right next to a power of ten (not exact below 10^0) a misjudged e
	// rounds to that power of ten either way.
	e := ((e2 - 1) * 78913) >> 18
	if e >= -12 && e <= 34 {
		if a >= scorePow10abs(e+1) {
			e++
		} else if a < scorePow10abs(e) {
			e--
		}
	}
	k := ScoreDigits - 1 - e // a·10^k ∈ [10^11, 10^12)
	if e2 > -1021 {
		switch {
		case k >= 0 && k <= 22:
			if r, ok := scoreRoundInt(x * scorePow10[k]); ok {
				return r / scorePow10[k]
			}
		case k < 0 && -k <= 22:
			if r, ok := scoreRoundInt(x / scorePow10[-k]); ok {
				return r * scorePow10[-k]
			}
		}
	}
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'e', ScoreDigits-1, 64), 64)
	if err != nil { // cannot happen: the rounded value is in range
		return x
	}
	return v
}

// scorePow10abs is 10^e, the nearest float64 when it is not exact.
func scorePow10abs(e int) float64 {
	if e >= 0 && e <= 22 {
		return scorePow10[e]
	}
	return math.Pow10(e)
}

// scoreRoundInt rounds y (|y| < 10^13) to the nearest integer; ok is
// false when y lies within 10^−3 of a half, closer than the error of the
// product that gave y can be trusted (at most half an ulp of 10^12,
// 6.1·10^−5).
func scoreRoundInt(y float64) (float64, bool) {
	i := float64(int64(y)) // towards zero
	f := y - i             // (−1, 1), exact
	switch {
	case f >= 0 && (f < 0.499 || f > 0.501):
		if f > 0.5 {
			i++
		}
		return i, true
	case f < 0 && (f > -0.499 || f < -0.501):
		if f < -0.5 {
			i--
		}
		return i, true
	}
	return 0, false
}

// SameScore reports whether a and b are the same score at ScoreDigits
// significant digits: what reports must use to say two scores are equal.
func SameScore(a, b float64) bool { return scoreKey(a) == scoreKey(b) }

// CompareScores orders two scores (not NaN) at ScoreDigits significant
// digits: −1 when a is the lower score, 0 when they are the same, +1
// otherwise. Ranking, stars, classes and caps compare through the same
// key (scoreKey); reports that compare scores use this.
func CompareScores(a, b float64) int { return cmpFloat(scoreKey(a), scoreKey(b)) }

// scoreKeys returns the keys of scores (scoreKey of each; NaN stays NaN).
func scoreKeys(scores []float64) []float64 {
	out := make([]float64, len(scores))
	for i, s := range scores {
		out[i] = scoreKey(s)
	}
	return out
}

// finite reports whether x is a number other than ±Inf.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
