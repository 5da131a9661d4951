package scoring

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// Treated is what an outlier treatment did to one indicator column.
type Treated struct {
	Values []float64 // the column after treatment (NaN stays NaN)
	// Applied names what was done ("" when the column was left as it is),
	// e.g. "winsorise" or "log".
	Applied string
	Changed int    // how many values changed
	Detail  string // a short English note, e.g. "2 values winsorised"
}

// Treatment is a registered outlier treatment of one indicator column.
type Treatment struct {
	Name string
	// Fn treats a column (raw values after denomination and imputation,
	// before direction) and never changes x.
	Fn func(x []float64) Treated
}

var treatments = registryByName([]Treatment{
	// none keeps the values as they are.
	{Name: "none", Fn: func(x []float64) Treated { return Treated{Values: slices.Clone(x)} }},
	// winsorise is the JRC/COINr rule; see treatWinsorise.
	{Name: "winsorise", Fn: treatWinsorise},
	// log applies treatLogShift to every column with spread, whatever its
	// skewness: log(x − min + 0.01·(max − min)), the COIN Tool log that
	// winsorise falls back to (COINr's log_CT). Plain log(x) is not offered
	// because it fails on zero and negative values; the shift keeps the
	// minimum finite (at log of 1 % of the range). A constant column, or
	// one with no value, is left as it is.
	{Name: "log", Fn: treatLog},
}, func(t Treatment) string { return t.Name })

// LookupTreatment returns the outlier treatment registered under name.
func LookupTreatment(name string) (Treatment, bool) {
	m, ok := treatments[name]
	return m, ok
}

// TreatmentNames lists the registered outlier treatments, sorted.
func TreatmentNames() []string { return registryNames(treatments) }

// registryNames lists a registry's names, sorted.
func registryNames[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// Thresholds and limits of the winsorise rule (COINr's Treat() defaults).
const (
	treatSkewLimit = 2.0 // |skewness| at or above it …
	treatKurtLimit = 3.5 // … and kurtosis at or above it call for treatment
	treatMaxRounds = 5   // winsorising rounds before falling back to log
)

// treatSkewKurt returns the sample-adjusted skewness and the sample excess
// kurtosis of x (present values only, at least 4 of them, not all equal):
//
//	G1 = √(n(n−1))/(n−2) · m3/m2^1.5
//	G2 = ((n+1)·g2 + 6)·(n−1)/((n−2)(n−3)),  g2 = m4/m2² − 3
//
// with the central moments m_k = Σ(x − x̄)^k / n. These are type 2 of
// e1071::skewness and e1071::kurtosis, the statistics COINr's skew() and
// kurt() copy (and Excel's SKEW and KURT, SAS and SPSS). They are computed
// with gonum's stat.Skew and stat.ExKurtosis, which use the sample standard
// deviation s and are algebraically the same: G1 = n/((n−1)(n−2))·Σz³ and
// G2 = n(n+1)/((n−1)(n−2)(n−3))·Σz⁴ − 3(n−1)²/((n−2)(n−3)), z = (x − x̄)/s.
//
// Both are scale-free: x is first scaled by a power of two (exactly) to
// magnitudes below 1, so the moments cannot overflow for large values.
func treatSkewKurt(x []float64) (skew, kurt float64) {
	m := 0.0
	for _, v := range x {
		m = math.Max(m, math.Abs(v))
	}
	if m > 0 && !math.IsInf(m, 0) {
		_, e := math.Frexp(m)
		xs := make([]float64, len(x))
		for i, v := range x {
			xs[i] = math.Ldexp(v, -e)
		}
		x = xs
	}
	return stat.Skew(x, nil), stat.ExKurtosis(x, nil)
}

// treatFails reports whether the present values x call for treatment:
// |skewness| ≥ 2 and kurtosis ≥ 3.5 (COINr's check_SkewKurt fails exactly
// then). Fewer than 4 values, or all equal, never do: the statistics are
// undefined.
func treatFails(x []float64) (fails bool, skew float64) {
	lo, hi, _ := presentExtent(x)
	if len(x) < 4 || !(hi > lo) {
		return false, 0
	}
	skew, kurt := treatSkewKurt(x)
	return math.Abs(skew) >= treatSkewLimit && kurt >= treatKurtLimit, skew
}

// treatWinsorise is the JRC/COINr outlier rule (DESIGN.md, Methods). A
// column is treated when its present values fail treatFails. Each round
// sets the most extreme value on the skewed side — the maximum when the
// current skewness is positive, the minimum when negative — to the next
// value in (the next highest or lowest distinct value); values tied at the
// extreme move together in one round. The rule is checked again after each
// round and winsorising stops as soon as the column passes, at most 5
// rounds (rounds, not points: COINr's winmax counts points, but a tie moves
// several points in one round). Changed counts the cells whose value
// differs from the original, each once even when it moved in several
// rounds. When the column still fails after 5 rounds, the winsorising is
// discarded and treatLogShift is applied to the original values instead
// (Applied "log", every present value changed). Fewer than 4 present
// values: left as they are.
func treatWinsorise(x []float64) Treated {
	out := slices.Clone(x)
	present := presentValues(x)
	fails, skew := treatFails(present)
	if !fails {
		return Treated{Values: out}
	}
	for round := 1; round <= treatMaxRounds; round++ {
		ext, next, ok := treatExtremes(out, skew > 0)
		if !ok {
			break
		}
		for k, v := range out {
			if v == ext {
				out[k] = next
			}
		}
		if fails, skew = treatFails(presentValues(out)); !fails {
			changed := 0
			for k := range out {
				if out[k] != x[k] && !math.IsNaN(x[k]) {
					changed++
				}
			}
			return Treated{Values: out, Applied: "winsorise", Changed: changed,
				Detail: fmt.Sprintf("%s winsorised in %s", treatCount(changed, "value"), treatCount(round, "round"))}
		}
	}
	t := treatLog(x)
	t.Detail = fmt.Sprintf("log transform after %d rounds of winsorising failed", treatMaxRounds)
	return t
}

// treatExtremes returns the highest present value of x and the next
// highest distinct one (high), or the lowest and the next lowest; ok is
// false when x has fewer than two distinct values.
func treatExtremes(x []float64, high bool) (ext, next float64, ok bool) {
	s := presentValues(x)
	slices.Sort(s)
	s = slices.Compact(s)
	if len(s) < 2 {
		return 0, 0, false
	}
	if high {
		return s[len(s)-1], s[len(s)-2], true
	}
	return s[0], s[1], true
}

// treatLog applies treatLogShift to a column with spread; see the log entry.
func treatLog(x []float64) Treated {
	lo, hi, ok := presentExtent(x)
	if !ok || !(hi > lo) {
		return Treated{Values: slices.Clone(x)}
	}
	n := len(presentValues(x))
	return Treated{Values: treatLogShift(x, lo, hi), Applied: "log", Changed: n,
		Detail: "log transform of " + treatCount(n, "value")}
}

// treatLogShift is COINr's log_CT: log(x − min + 0.01·(max − min)) for
// every present value of x, whose minimum and maximum are lo and hi (hi >
// lo). The minimum goes to log(0.01·(hi − lo)); the order of values is
// kept. It pulls in a long upper tail; on a column skewed to the left it
// stretches the lower tail instead.
//
// When hi − lo overflows, the shifted value is computed halved and ln 2
// added back: log(2·y) = ln 2 + log(y).
func treatLogShift(x []float64, lo, hi float64) []float64 {
	if math.IsInf(1.01*(hi-lo), 0) {
		a := 0.01 * (hi/2 - lo/2)
		return mapPresent(x, func(v float64) float64 { return math.Ln2 + math.Log(v/2-lo/2+a) })
	}
	a := 0.01 * (hi - lo)
	return mapPresent(x, func(v float64) float64 { return math.Log(v - lo + a) })
}

// treatCount writes "1 value", "3 values".
func treatCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
