package scoring

import (
	"math"
	"slices"
)

// rbOrd is a row in the order of the sort keys: idx is the row, q its
// bucket while sorting and, once sorted, the number of its key among the
// distinct keys in ascending order (1, 2, …): rows with equal keys share
// it.
type rbOrd struct {
	idx int32
	q   uint32
}

const (
	// rbSmallBucket is the longest run of keys in one bucket that rbSorter
	// sorts by insertion.
	rbSmallBucket = 32
	// rbRadixBits is the width of one digit of rbSorter's radix sort, which
	// sorts by two digits.
	rbRadixBits = 11
	rbRadix     = 1 << rbRadixBits
	// rbRadixMin is the fewest keys rbSorter sorts by radix; fewer are
	// sorted by buckets.
	rbRadixMin = 512
)

// rbSorter is the scratch space of its sort, grown on first use.
type rbSorter struct {
	count  []int32
	tmp    []rbOrd
	run    []rbRunKey
	c0, c1 [rbRadix]int32
}

// reserve makes the scratch space for n keys, so that sorting them
// allocates nothing (runs of keys sharing a bucket longer than 64, rare,
// grow it once).
func (s *rbSorter) reserve(n int) {
	s.tmp = make([]rbOrd, n)
	s.run = make([]rbRunKey, 0, 64)
	if n < rbRadixMin {
		s.count = make([]int32, 2*n+1)
	}
}

// rbRunKey is a key of a run being sorted with its place in out.
type rbRunKey struct {
	key uint64
	ord rbOrd
}

// sort puts the rows 0 … len(keys)−1 in the ascending order of their keys,
// stably, in out (len(keys) long), each with the number of its key among
// the distinct keys (rbOrd). vals, when not nil, are values that the keys
// order (keys[i] < keys[j] implies vals[i] ≤ vals[j]; none NaN); they
// spread the keys more evenly.
//
// Each key gets a bucket number, a non-decreasing function of where it
// falls between the smallest and the largest key (or value), so that the
// buckets come in the keys' order: 2n buckets when there are fewer than
// rbRadixMin keys, distributed by one counting sort; 2^(2·rbRadixBits)
// otherwise, distributed by a two-digit radix sort. The keys that share a
// bucket are then sorted by insertion, or by a stable sort when more than
// rbSmallBucket of them do (keys bunched around a few values). Scores
// spread over a range share few buckets: the sort costs a few passes over
// the rows, of 8 bytes each.
func (s *rbSorter) sort(keys []uint64, vals []float64, out []rbOrd) []rbOrd {
	n := len(keys)
	out = out[:n]
	if n == 0 {
		return out
	}
	radix := n >= rbRadixMin
	nb := 2 * n
	if radix {
		nb = rbRadix * rbRadix
	}
	top := int64(nb - 1)
	if vlo, vhi := rbMinMax(vals); vals != nil && vhi-vlo > 0 && vhi-vlo <= math.MaxFloat64 {
		// (v − vlo)·scale does not decrease as v grows, and lies in
		// [0, nb]; the last bucket takes the values that round past it.
		scale := float64(nb) / (vhi - vlo)
		for i, v := range vals[:n] {
			out[i] = rbOrd{int32(i), uint32(min(int64((v-vlo)*scale), top))}
		}
	} else {
		lo, hi := keys[0], keys[0]
		for _, k := range keys {
			lo, hi = min(lo, k), max(hi, k)
		}
		// The same with float64(k − lo); all in bucket 0 when the keys
		// are equal.
		scale := 0.0
		if hi > lo {
			scale = float64(nb) / float64(hi-lo)
		}
		for i, k := range keys {
			out[i] = rbOrd{int32(i), uint32(min(int64(float64(k-lo)*scale), top))}
		}
	}
	if cap(s.tmp) < n {
		s.tmp = make([]rbOrd, n)
	}
	tmp := s.tmp[:n]
	if radix {
		c0, c1 := &s.c0, &s.c1
		clear(c0[:])
		clear(c1[:])
		for _, e := range out {
			c0[e.q&(rbRadix-1)]++
			c1[e.q>>rbRadixBits]++
		}
		var a0, a1 int32
		for d := range rbRadix {
			a0, c0[d] = a0+c0[d], a0
			a1, c1[d] = a1+c1[d], a1
		}
		for _, e := range out {
			d := e.q & (rbRadix - 1)
			tmp[c0[d]] = e
			c0[d]++
		}
		for _, e := range tmp {
			d := e.q >> rbRadixBits
			out[c1[d]] = e
			c1[d]++
		}
	} else {
		if cap(s.count) < nb+1 {
			s.count = make([]int32, nb+1)
		}
		count := s.count[:nb+1]
		clear(count)
		for _, e := range out {
			count[e.q+1]++
		}
		for b := 1; b <= nb; b++ {
			count[b] += count[b-1]
		}
		for _, e := range out {
			tmp[count[e.q]] = e
			count[e.q]++
		}
		copy(out, tmp)
	}
	// Sort the runs of rows that share a bucket by their keys, and number
	// the keys. Keys in different buckets differ.
	g := uint32(0)
	for i := 0; i < n; {
		j := i + 1
		for j < n && out[j].q == out[i].q {
			j++
		}
		if j == i+1 {
			g++
			out[i].q = g
			i = j
			continue
		}
		s.run = s.run[:0]
		for _, o := range out[i:j] {
			s.run = append(s.run, rbRunKey{keys[o.idx], o})
		}
		g = rbNumberRun(out[i:j], s.run, g)
		i = j
	}
	return out
}

// rbNumberRun sorts run (rows with their keys) stably by key, writes the
// rows back into rows in that order, numbered g+1, g+2, … by distinct key,
// and returns the last number.
func rbNumberRun(rows []rbOrd, run []rbRunKey, g uint32) uint32 {
	if len(run) <= rbSmallBucket {
		for i := 1; i < len(run); i++ {
			x := run[i]
			j := i
			for j > 0 && run[j-1].key > x.key {
				run[j] = run[j-1]
				j--
			}
			run[j] = x
		}
	} else {
		slices.SortStableFunc(run, func(a, b rbRunKey) int {
			switch {
			case a.key < b.key:
				return -1
			case a.key > b.key:
				return 1
			}
			return 0
		})
	}
	for c, e := range run {
		if c == 0 || e.key != run[c-1].key {
			g++
		}
		rows[c] = rbOrd{e.ord.idx, g}
	}
	return g
}

// rbMinMax is the smallest and the largest of xs (0, 0 when empty), NaN
// aside.
func rbMinMax(xs []float64) (lo, hi float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return lo, hi
}

// rbLogGap is the gap between two logarithms of scores beyond which their
// scores are certainly in the same order: exp(b)/exp(a) ≥ e^rbLogGap for
// b − a ≥ rbLogGap, much more than math.Exp's error (under 1 ulp) on
// either side, as long as neither score is subnormal or infinite
// (rbLogRange).
const (
	rbLogGap   = 1e-9
	rbLogRange = 700
)

// rankByLogs ranks and rates a geometric index from the logarithms of its
// scores (lg of the root), without taking the exponential of every one:
// the order of the logarithms is the order of the scores, save where two
// of them lie within rbLogGap — the scores of such runs are computed and
// ordered, ties included, exactly as exp would — and a score is compared
// with a star threshold through its logarithm unless it lies within
// rbLogGap of the threshold's. The ranks and stars are those of the
// scores math.Exp gives. done is false, and nothing is done, when a
// logarithm lies beyond ±rbLogRange (the caller then takes the scores);
// ok is false when the draw fails.
func (w *rbWorker) rankByLogs() (ok, done bool) {
	p := w.p
	lg := w.lg[p.root][:p.n]
	keys := w.keys[:len(lg)]
	for k, x := range lg {
		if x != x { // NaN
			return w.fail(false, "region %s has no score: its values are missing on every indicator kept", regionLabel(p.regions[k])), true
		}
		if !(x >= -rbLogRange && x <= rbLogRange) {
			return false, false
		}
		if x == 0 {
			x = 0 // −0
		}
		keys[k] = floatKey(x)
	}
	sorted := w.sorter.sort(keys, lg, w.sorted)
	w.sorter.logTies(sorted, lg)
	w.rankSorted(sorted)
	switch {
	case p.starKind != rbStarsThresholds:
	case p.ascending:
		th, lth := p.thKeys, p.logThresholds
		w.starsInOrder(sorted, func(k, j int) bool {
			x, lt := lg[k], lth[j]
			return x > lt+rbLogGap || (math.Abs(x-lt) <= rbLogGap && scoreKey(math.Exp(x)) >= th[j])
		})
	default:
		th, lth := p.thKeys, p.logThresholds
		for k, x := range lg {
			c := 1
			for j, lt := range lth {
				// Without a branch on which side of the threshold the
				// score lies, which is anybody's guess.
				above := 0
				if x > lt+rbLogGap {
					above = 1
				}
				c += above
				if math.Abs(x-lt) <= rbLogGap && scoreKey(math.Exp(x)) >= th[j] { // near it: rare
					c++
				}
			}
			w.stars[k] = c
		}
	}
	if len(p.capNodes) > 0 {
		w.applyCaps()
	}
	return true, true
}

// logTies turns sorted, rows sorted by the logarithms lg of their scores,
// into the order of the scores: every run of logarithms less than rbLogGap
// apart is ordered by the keys of the scores (math.Exp of them), and the
// rows are numbered again by distinct score.
func (s *rbSorter) logTies(sorted []rbOrd, lg []float64) {
	n := len(sorted)
	g := uint32(0)
	for i := 0; i < n; {
		j := i + 1
		for j < n && lg[sorted[j].idx]-lg[sorted[j-1].idx] < rbLogGap {
			j++
		}
		if j == i+1 {
			g++
			sorted[i].q = g
			i = j
			continue
		}
		s.run = s.run[:0]
		for _, o := range sorted[i:j] {
			x := scoreKey(math.Exp(lg[o.idx])) // as the scores are keyed
			s.run = append(s.run, rbRunKey{floatKey(x), o})
		}
		g = rbNumberRun(sorted[i:j], s.run, g)
		i = j
	}
}
