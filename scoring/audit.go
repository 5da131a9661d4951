package scoring

import (
	"math"
	"slices"
	"sort"

	"github.com/govindex/govindex/indicators"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// Audit thresholds (the JRC/COINr conventions where there is one).
const (
	// AuditMinAvailability: an indicator present for fewer than this share
	// of the rated regions is flagged "low_availability" (COINr's 0.65).
	AuditMinAvailability = 0.65
	// AuditSkew and AuditKurtosis: |skewness| ≥ 2 and excess kurtosis ≥ 3.5
	// flag "outliers" — the rule of the winsorise treatment.
	AuditSkew     = 2.0
	AuditKurtosis = 3.5
	// AuditMaxZeros: an indicator whose present values are zero for at
	// least this share is flagged "many_zeros" (half of the values: zeros
	// then dominate min-max and rank normalisations and the correlations).
	AuditMaxZeros = 0.5
	// AuditCollinear: a pair of indicators with |Pearson r| above this is
	// flagged "collinear".
	AuditCollinear = 0.9
	// AuditMinPairs is the fewest observations a correlation, skewness or
	// alpha is computed on; with fewer the statistic is NaN (with two points
	// every correlation is ±1).
	AuditMinPairs = 3
	// AuditMinFlagN is the fewest regions with data for both indicators a
	// correlation must rest on to be flagged (collinear, negative within a
	// dimension). It is computed and shown from AuditMinPairs up, but from
	// 3 or 4 points r reaches ±1 far too easily: the two-sided 5% critical
	// |r| of a t test on n − 2 degrees of freedom is 0.997 at n = 3, 0.950
	// at n = 4 and 0.878 at n = 5. From 5 regions on, every |r| above
	// AuditCollinear is significant at 5%, the level below which COINr's
	// get_corr (pval = 0.05 by default) blanks correlations out; with fewer,
	// a flag says more about the sample size than about the indicators.
	AuditMinFlagN = 5
)

// Audit flag names, as written in the JSON.
const (
	FlagLowAvailability         = "low_availability"
	FlagOutliers                = "outliers"
	FlagManyZeros               = "many_zeros"
	FlagConstant                = "constant"
	FlagCollinear               = "collinear"
	FlagNegativeWithinDimension = "negative_within_dimension"
)

// AuditResult is the statistical audit of a scored index (OECD/JRC
// Handbook, step 4 and 5; COINr's get_stats, get_corr, get_cronbach,
// get_PCA). Statistics that cannot be computed (too few observations, no
// variance) are NaN.
type AuditResult struct {
	Regions      int              // rated regions, the population of every statistic
	Indicators   []IndicatorStats // in the order of Definition.Indicators
	Correlations AuditCorrelations
	Alpha        AuditAlpha
	PCA          AuditPCA
}

// IndicatorStats describes one indicator's values as reported (after
// denomination; before imputation, outlier treatment, direction and
// normalisation) over the rated regions: imputed values are not data, so
// they neither raise the availability nor shape the distribution, and a
// treatment does not hide the outliers it treated.
type IndicatorStats struct {
	ID                     string
	Dimension              string  // the parent dimension
	N                      int     // regions with a reported value
	Availability           float64 // N / rated regions
	Imputed                int     // rated regions whose value was imputed
	Treatment              string  // the outlier treatment applied ("" for none)
	Min, Max, Mean, Median float64
	SD                     float64 // sample standard deviation (n − 1)
	Skewness               float64 // sample-adjusted (type 2), n ≥ 3
	Kurtosis               float64 // sample-adjusted excess kurtosis (type 2), n ≥ 4
	Zeros                  float64 // share of the present values equal to 0
	Flags                  []string
}

// AuditCorrelations holds the correlation matrices between indicators
// (pairwise complete observations, on direction-adjusted values so higher
// is better everywhere) and each indicator's Pearson correlation with its
// parent dimension and the index (normalised values against scores).
type AuditCorrelations struct {
	IDs                        []string    // rows and columns of the matrices
	Pearson, Spearman, Kendall [][]float64 // Kendall is tau-b
	// N[a][b] is the number of regions with values of both a and b, the
	// observations every correlation of the pair rests on (N[a][a]: the
	// regions with a value of a).
	N             [][]int
	WithDimension []DimensionCorrelation
	WithIndex     []IndexCorrelation
	// Flags are the pairs worth a look, each resting on at least
	// AuditMinFlagN regions; Held are the pairs that meet a flag's
	// condition on fewer regions, and are not flagged.
	Flags, Held []CorrelationFlag
}

// DimensionCorrelation is an indicator's correlation with its parent
// dimension's score, over N regions with both.
type DimensionCorrelation struct {
	ID, Dimension string
	R             float64
	N             int
}

// IndexCorrelation is an indicator's correlation with the index score,
// over N regions with both.
type IndexCorrelation struct {
	ID string
	R  float64
	N  int
}

// CorrelationFlag is a pair of indicators worth a look: Flag is
// FlagCollinear or FlagNegativeWithinDimension, R the Pearson r and N the
// regions with values of both.
type CorrelationFlag struct {
	A, B string
	R    float64
	N    int
	Flag string
}

// AuditAlpha is Cronbach's alpha over all indicators and per dimension.
type AuditAlpha struct {
	Overall    AlphaOverall
	Dimensions []DimensionAlpha // in the order of Definition.Dimensions
}

// AlphaOverall is alpha over all indicators, with item statistics.
type AlphaOverall struct {
	// Standardised is k·r̄ / (1 + (k − 1)·r̄) with r̄ the mean inter-item
	// Pearson correlation; Raw is k/(k − 1)·(1 − Σ var_i / var_total) on the
	// normalised values of the regions with every item present.
	Standardised, Raw float64
	// MinN is the fewest regions any of the inter-item correlations
	// behind Standardised rests on (-1 without a pair of items); RawN the
	// regions with every item present, behind Raw.
	MinN, RawN int
	Items      []AlphaItem
}

// AlphaItem is one indicator's place in the overall scale: the corrected
// item–total correlation (the item against the sum of the other items,
// all standardised) and the standardised alpha without the item. MinN is
// the fewest regions any of the item's correlations with the other items
// rests on (-1 without other items).
type AlphaItem struct {
	ID                        string
	ItemTotal, AlphaIfDeleted float64
	MinN                      int
}

// DimensionAlpha is alpha over the indicators of one dimension (its whole
// subtree); NaN for a dimension with fewer than two indicators. MinN and
// RawN are as in AlphaOverall.
type DimensionAlpha struct {
	ID                string
	Standardised, Raw float64
	Items             int
	MinN, RawN        int
}

// AuditPCA is the principal component analysis of the indicators'
// correlation matrix (the pairwise Pearson matrix above).
type AuditPCA struct {
	// IDs are the indicators analysed: those whose correlations with each
	// other are all defined. Indicators are left out, the one with the most
	// undefined correlations first, until the matrix is complete.
	IDs []string
	// Eigenvalues in descending order; Explained[i] = Eigenvalues[i] / k,
	// the share of the total variance (k = len(IDs), the trace).
	Eigenvalues, Explained []float64
	// MinN is the fewest regions any correlation of the analysed matrix
	// rests on (-1 with fewer than two indicators analysed).
	MinN int
}

// Audit computes the statistical audit of res over its rated regions; nil
// when res or its definition is nil.
func Audit(res *Result) *AuditResult {
	if res == nil || res.Def == nil {
		return nil
	}
	def := res.Def
	var rated []*RegionResult
	for _, rr := range res.Regions {
		if rr.Rated {
			rated = append(rated, rr)
		}
	}
	nReg, nInd := len(rated), len(def.Indicators)
	out := &AuditResult{Regions: nReg}

	// Columns by indicator: values, direction-adjusted values, normalised.
	// Columns by indicator: values as entering normalisation, normalised,
	// and the values as reported.
	vals := make([][]float64, nInd)
	adj := make([][]float64, nInd)
	norm := make([][]float64, nInd)
	reported := make([][]float64, nInd)
	imputed := make([]int, nInd)
	ids := make([]string, nInd)
	for i, ind := range def.Indicators {
		ids[i] = ind.ID
		dir := 1.0
		if ind.Direction < 0 {
			dir = -1
		}
		vals[i], adj[i], norm[i], reported[i] = make([]float64, nReg), make([]float64, nReg), make([]float64, nReg), make([]float64, nReg)
		for k, rr := range rated {
			s := auditIndicator(rr, i, ind.ID)
			vals[i][k], norm[i][k], reported[i][k] = math.NaN(), math.NaN(), math.NaN()
			if s != nil {
				vals[i][k], norm[i][k] = s.Value, s.Normalised
				reported[i][k] = auditReported(rr.Region, ind, s)
				if s.Imputed {
					imputed[i]++
				}
			}
			adj[i][k] = dir * vals[i][k]
		}
	}
	treated := make(map[string]string, len(res.Treatments))
	for _, t := range res.Treatments {
		treated[t.Indicator] = t.Applied
	}

	// Descriptive statistics, of the data as reported.
	for i, ind := range def.Indicators {
		st := auditDescribe(ind.ID, ind.Dimension, reported[i], nReg)
		st.Imputed, st.Treatment = imputed[i], treated[ind.ID]
		out.Indicators = append(out.Indicators, st)
	}

	// Correlations between indicators.
	c := &out.Correlations
	c.IDs = ids
	c.Pearson = auditMatrix(adj, auditPearson)
	c.Spearman = auditMatrix(adj, auditSpearman)
	c.Kendall = auditMatrix(adj, auditKendallTauB)
	c.N = auditCounts(adj)
	for a := range nInd {
		for b := a + 1; b < nInd; b++ {
			r, n := c.Pearson[a][b], c.N[a][b]
			if math.IsNaN(r) {
				continue
			}
			var flags []string
			if math.Abs(r) > AuditCollinear {
				flags = append(flags, FlagCollinear)
			}
			if r < 0 && def.Indicators[a].Dimension == def.Indicators[b].Dimension {
				flags = append(flags, FlagNegativeWithinDimension)
			}
			for _, f := range flags {
				cf := CorrelationFlag{A: ids[a], B: ids[b], R: r, N: n, Flag: f}
				if n >= AuditMinFlagN {
					c.Flags = append(c.Flags, cf)
				} else {
					c.Held = append(c.Held, cf)
				}
			}
		}
	}

	// Correlations with the parent dimension and the index.
	index := make([]float64, nReg)
	for k, rr := range rated {
		index[k] = rr.Score
	}
	for i, ind := range def.Indicators {
		dim := make([]float64, nReg)
		for k, rr := range rated {
			dim[k] = auditDimScore(rr, ind.Dimension)
		}
		c.WithDimension = append(c.WithDimension, DimensionCorrelation{ID: ind.ID, Dimension: ind.Dimension,
			R: auditPearson(norm[i], dim), N: auditCount(norm[i], dim)})
		c.WithIndex = append(c.WithIndex, IndexCorrelation{ID: ind.ID, R: auditPearson(norm[i], index), N: auditCount(norm[i], index)})
	}

	// Cronbach's alpha.
	all := make([]int, nInd)
	for i := range all {
		all[i] = i
	}
	raw, rawN := auditRawAlpha(norm, all)
	out.Alpha.Overall = AlphaOverall{
		Standardised: auditStdAlpha(c.Pearson, all),
		Raw:          raw,
		MinN:         auditMinN(c.N, all),
		RawN:         rawN,
	}
	for _, i := range all {
		out.Alpha.Overall.Items = append(out.Alpha.Overall.Items, AlphaItem{
			ID:             ids[i],
			ItemTotal:      auditItemTotal(c.Pearson, all, i),
			AlphaIfDeleted: auditStdAlpha(c.Pearson, auditWithout(all, i)),
			MinN:           auditItemMinN(c.N, all, i),
		})
	}
	pos := make(map[string]int, nInd)
	for i, id := range ids {
		pos[id] = i
	}
	for _, d := range def.Dimensions {
		var items []int
		for _, ind := range def.IndicatorsUnder(d.ID) {
			items = append(items, pos[ind.ID])
		}
		raw, rawN := auditRawAlpha(norm, items)
		out.Alpha.Dimensions = append(out.Alpha.Dimensions, DimensionAlpha{
			ID: d.ID, Items: len(items),
			Standardised: auditStdAlpha(c.Pearson, items),
			Raw:          raw,
			MinN:         auditMinN(c.N, items),
			RawN:         rawN,
		})
	}

	// PCA of the correlation matrix.
	out.PCA = auditPCA(c.Pearson, ids)
	out.PCA.MinN = auditMinN(c.N, auditPositions(ids, out.PCA.IDs))
	return out
}

// auditIndicator finds a region's scores of indicator i (by position,
// checked against its id).
func auditIndicator(rr *RegionResult, i int, id string) *IndicatorScore {
	if i < len(rr.Indicators) && rr.Indicators[i] != nil && rr.Indicators[i].ID == id {
		return rr.Indicators[i]
	}
	for _, s := range rr.Indicators {
		if s != nil && s.ID == id {
			return s
		}
	}
	return nil
}

// auditDimScore is a region's score on dimension id, NaN when missing.
func auditDimScore(rr *RegionResult, id string) float64 {
	for _, n := range rr.Dimensions {
		if n != nil && n.ID == id {
			if n.Missing {
				return math.NaN()
			}
			return n.Score
		}
	}
	return math.NaN()
}

// auditReported is region reg's value of indicator ind as reported,
// denominated as the pipeline does (scoring/denominate.go); NaN when the
// value was imputed or is missing, or the denominator is.
func auditReported(reg *indicators.Region, ind *indicators.Indicator, s *IndicatorScore) float64 {
	if s.Imputed || math.IsNaN(s.Raw) {
		return math.NaN()
	}
	if ind.Denominator == "" {
		return s.Raw
	}
	d, ok := reg.Attrs[ind.Denominator]
	if !ok || !(d > 0) {
		return math.NaN()
	}
	return s.Raw / d * ind.Scale
}

// auditDescribe computes one indicator's descriptive statistics and flags.
func auditDescribe(id, dim string, x []float64, regions int) IndicatorStats {
	p := presentValues(x)
	n := len(p)
	nan := math.NaN()
	s := IndicatorStats{ID: id, Dimension: dim, N: n, Availability: nan,
		Min: nan, Max: nan, Mean: nan, Median: nan, SD: nan, Skewness: nan, Kurtosis: nan, Zeros: nan,
		Flags: []string{}}
	if regions > 0 {
		s.Availability = float64(n) / float64(regions)
	}
	if n > 0 {
		sorted := slices.Clone(p)
		sort.Float64s(sorted)
		s.Min, s.Max = sorted[0], sorted[n-1]
		s.Mean = stat.Mean(p, nil)
		if n%2 == 1 {
			s.Median = sorted[n/2]
		} else {
			s.Median = (sorted[n/2-1] + sorted[n/2]) / 2
		}
		zeros := 0
		for _, v := range p {
			if v == 0 {
				zeros++
			}
		}
		s.Zeros = float64(zeros) / float64(n)
	}
	if n >= 2 {
		s.SD = math.Sqrt(stat.Variance(p, nil))
		if s.Min == s.Max {
			s.SD = 0 // exactly, whatever the rounding of the mean
		}
	}
	s.Skewness, s.Kurtosis = auditSkewKurt(p)

	if !math.IsNaN(s.Availability) && s.Availability < AuditMinAvailability {
		s.Flags = append(s.Flags, FlagLowAvailability)
	}
	if math.Abs(s.Skewness) >= AuditSkew && s.Kurtosis >= AuditKurtosis {
		s.Flags = append(s.Flags, FlagOutliers)
	}
	if s.Zeros >= AuditMaxZeros {
		s.Flags = append(s.Flags, FlagManyZeros)
	}
	if s.SD == 0 {
		s.Flags = append(s.Flags, FlagConstant)
	}
	return s
}

// auditSkewKurt returns the sample-adjusted skewness and excess kurtosis
// (type 2, as SAS, SPSS, Excel and e1071 type = 2, the winsorise rule):
// G1 = √(n(n−1))/(n−2) · m3/m2^1.5, G2 = ((n+1)·g2 + 6)(n−1)/((n−2)(n−3))
// with g2 = m4/m2² − 3 and m_k the central moments (divisor n). Skewness
// needs n ≥ 3, kurtosis n ≥ 4, both a non-zero variance; NaN otherwise.
func auditSkewKurt(x []float64) (skew, kurt float64) {
	skew, kurt = math.NaN(), math.NaN()
	n := float64(len(x))
	if len(x) < 3 {
		return
	}
	mean := stat.Mean(x, nil)
	var m2, m3, m4 float64
	for _, v := range x {
		d := v - mean
		m2 += d * d
		m3 += d * d * d
		m4 += d * d * d * d
	}
	m2, m3, m4 = m2/n, m3/n, m4/n
	if m2 == 0 {
		return
	}
	skew = math.Sqrt(n*(n-1)) / (n - 2) * m3 / math.Pow(m2, 1.5)
	if len(x) >= 4 {
		g2 := m4/(m2*m2) - 3
		kurt = ((n+1)*g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
	}
	return
}

// auditPairs keeps the rows where both x and y are present.
func auditPairs(x, y []float64) (xs, ys []float64) {
	for k := range x {
		if !math.IsNaN(x[k]) && !math.IsNaN(y[k]) {
			xs, ys = append(xs, x[k]), append(ys, y[k])
		}
	}
	return
}

// auditCount is the number of rows where both x and y are present: the
// observations their correlations rest on.
func auditCount(x, y []float64) int {
	n := 0
	for k := range x {
		if !math.IsNaN(x[k]) && !math.IsNaN(y[k]) {
			n++
		}
	}
	return n
}

// auditCounts is the symmetric matrix of auditCount over the columns.
func auditCounts(cols [][]float64) [][]int {
	m := make([][]int, len(cols))
	for a := range m {
		m[a] = make([]int, len(cols))
	}
	for a := range cols {
		for b := a; b < len(cols); b++ {
			m[a][b] = auditCount(cols[a], cols[b])
			m[b][a] = m[a][b]
		}
	}
	return m
}

// auditMinN is the smallest count of N over the pairs of distinct items;
// -1 for fewer than two items.
func auditMinN(N [][]int, items []int) int {
	least := -1
	for a := range items {
		for b := a + 1; b < len(items); b++ {
			if n := N[items[a]][items[b]]; least < 0 || n < least {
				least = n
			}
		}
	}
	return least
}

// auditItemMinN is the smallest count of N between item i and the other
// items; -1 when there are none.
func auditItemMinN(N [][]int, items []int, i int) int {
	least := -1
	for _, j := range items {
		if j != i && (least < 0 || N[i][j] < least) {
			least = N[i][j]
		}
	}
	return least
}

// auditPositions are the positions in ids of the ids in sub.
func auditPositions(ids, sub []string) []int {
	out := make([]int, 0, len(sub))
	for _, id := range sub {
		if i := slices.Index(ids, id); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// auditPearson is Pearson's r on the pairwise complete observations: NaN
// with fewer than AuditMinPairs of them or when either side is constant.
func auditPearson(x, y []float64) float64 {
	xs, ys := auditPairs(x, y)
	if len(xs) < AuditMinPairs || auditConstant(xs) || auditConstant(ys) {
		return math.NaN()
	}
	return auditClamp(stat.Correlation(xs, ys, nil))
}

// auditSpearman is Spearman's rho: Pearson's r on the ranks of the
// pairwise complete observations, ties sharing their average rank.
func auditSpearman(x, y []float64) float64 {
	xs, ys := auditPairs(x, y)
	if len(xs) < AuditMinPairs || auditConstant(xs) || auditConstant(ys) {
		return math.NaN()
	}
	return auditClamp(stat.Correlation(auditAverageRanks(xs), auditAverageRanks(ys), nil))
}

// auditKendallTauB is Kendall's tau-b on the pairwise complete
// observations: (C − D) / √((n0 − n1)(n0 − n2)), n0 = n(n−1)/2, n1 and n2
// the pairs tied on x and on y. (gonum's stat.Kendall is tau-a and counts
// ties as concordant, so it is not used.)
func auditKendallTauB(x, y []float64) float64 {
	xs, ys := auditPairs(x, y)
	n := len(xs)
	if n < AuditMinPairs || auditConstant(xs) || auditConstant(ys) {
		return math.NaN()
	}
	var conc, disc, tx, ty float64
	for i := range n {
		for j := i + 1; j < n; j++ {
			dx, dy := xs[i]-xs[j], ys[i]-ys[j]
			switch {
			case dx == 0 && dy == 0:
				tx++
				ty++
			case dx == 0:
				tx++
			case dy == 0:
				ty++
			case (dx > 0) == (dy > 0):
				conc++
			default:
				disc++
			}
		}
	}
	n0 := float64(n) * float64(n-1) / 2
	return auditClamp((conc - disc) / math.Sqrt((n0-tx)*(n0-ty)))
}

// auditAverageRanks ranks x from 1 (smallest); ties share the average of
// the ranks they span.
func auditAverageRanks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = avg
		}
		i = j + 1
	}
	return r
}

func auditConstant(x []float64) bool {
	for _, v := range x[1:] {
		if v != x[0] {
			return false
		}
	}
	return true
}

// auditClamp keeps a correlation inside [−1, 1] against rounding.
func auditClamp(r float64) float64 { return math.Max(-1, math.Min(1, r)) }

// auditMatrix builds the symmetric matrix of f over the columns. The
// diagonal is 1 for a column with at least AuditMinPairs values and some
// variance, NaN otherwise.
func auditMatrix(cols [][]float64, f func(x, y []float64) float64) [][]float64 {
	n := len(cols)
	m := make([][]float64, n)
	for a := range m {
		m[a] = make([]float64, n)
	}
	for a := range n {
		p := presentValues(cols[a])
		if len(p) >= AuditMinPairs && !auditConstant(p) {
			m[a][a] = 1
		} else {
			m[a][a] = math.NaN()
		}
		for b := a + 1; b < n; b++ {
			m[a][b] = f(cols[a], cols[b])
			m[b][a] = m[a][b]
		}
	}
	return m
}

func auditWithout(items []int, drop int) []int {
	out := make([]int, 0, len(items))
	for _, i := range items {
		if i != drop {
			out = append(out, i)
		}
	}
	return out
}

// auditStdAlpha is the standardised alpha k·r̄ / (1 + (k − 1)·r̄) of the
// items, r̄ the mean of their pairwise correlations in R; NaN for fewer
// than two items or an undefined correlation.
func auditStdAlpha(R [][]float64, items []int) float64 {
	k := len(items)
	if k < 2 {
		return math.NaN()
	}
	var sum float64
	for a := range k {
		for b := a + 1; b < k; b++ {
			sum += R[items[a]][items[b]]
		}
	}
	rbar := sum / float64(k*(k-1)/2)
	return float64(k) * rbar / (1 + float64(k-1)*rbar)
}

// auditItemTotal is the corrected item–total correlation of item i on
// standardised values: the correlation of z_i with Σ_{j≠i} z_j, which is
// Σ_{j≠i} r_ij / √(Σ_{j≠i} Σ_{l≠i} r_jl). On complete data it equals the
// correlation computed from the z-scores themselves.
func auditItemTotal(R [][]float64, items []int, i int) float64 {
	rest := auditWithout(items, i)
	if len(rest) == 0 {
		return math.NaN()
	}
	var num, den float64
	for _, j := range rest {
		num += R[i][j]
		for _, l := range rest {
			den += R[j][l]
		}
	}
	if den <= 0 {
		return math.NaN()
	}
	return auditClamp(num / math.Sqrt(den))
}

// auditRawAlpha is the raw alpha k/(k − 1)·(1 − Σ var_i / var_total) on the
// columns (normalised values) of the rows where every item is present
// (listwise), sample variances, and the number of those rows; NaN for
// fewer than two items, fewer than AuditMinPairs complete rows or no
// variance in the total.
func auditRawAlpha(cols [][]float64, items []int) (alpha float64, rowsUsed int) {
	k := len(items)
	if k < 2 || len(cols) == 0 {
		return math.NaN(), 0
	}
	var rows []int
	for r := range cols[items[0]] {
		ok := true
		for _, i := range items {
			if math.IsNaN(cols[i][r]) {
				ok = false
				break
			}
		}
		if ok {
			rows = append(rows, r)
		}
	}
	if len(rows) < AuditMinPairs {
		return math.NaN(), len(rows)
	}
	total := make([]float64, len(rows))
	var sumVar float64
	x := make([]float64, len(rows))
	for _, i := range items {
		for n, r := range rows {
			x[n] = cols[i][r]
			total[n] += x[n]
		}
		sumVar += stat.Variance(x, nil)
	}
	vt := stat.Variance(total, nil)
	if vt <= 0 {
		return math.NaN(), len(rows)
	}
	return float64(k) / float64(k-1) * (1 - sumVar/vt), len(rows)
}

// auditPCA finds the eigenvalues of the correlation matrix R over the
// indicators whose correlations are all defined.
func auditPCA(R [][]float64, ids []string) AuditPCA {
	keep := make([]int, len(ids))
	for i := range keep {
		keep[i] = i
	}
	// Leave out undefined indicators, the one with the most NaN first
	// (the last of equals, so earlier indicators are kept).
	for {
		worst, most := -1, 0
		for _, a := range keep {
			nans := 0
			for _, b := range keep {
				if math.IsNaN(R[a][b]) {
					nans++
				}
			}
			if nans > 0 && nans >= most {
				worst, most = a, nans
			}
		}
		if worst < 0 {
			break
		}
		keep = auditWithout(keep, worst)
	}
	p := AuditPCA{IDs: []string{}, Eigenvalues: []float64{}, Explained: []float64{}, MinN: -1}
	k := len(keep)
	if k == 0 {
		return p
	}
	sym := mat.NewSymDense(k, nil)
	for a := range k {
		p.IDs = append(p.IDs, ids[keep[a]])
		for b := a; b < k; b++ {
			sym.SetSym(a, b, R[keep[a]][keep[b]])
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(sym, false) {
		return p
	}
	// gonum returns the eigenvalues in ascending order.
	ev := eig.Values(nil)
	slices.Reverse(ev)
	p.Eigenvalues = ev
	for _, v := range ev {
		p.Explained = append(p.Explained, v/float64(k))
	}
	return p
}
