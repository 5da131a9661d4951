package scoring

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/govindex/govindex/indicators"
)

// Replication (`govindex calibrate`): which of the schemes a user declares
// plausible ([calibrate]) reproduce what a publication said ([published]).
//
// A candidate is the definition with one alternative of each [calibrate]
// key (keys not listed keep their values); candidates are numbered in the
// order of the alternatives, the first key slowest, so that candidate 0
// takes the first (preferred) alternative of every key. Each candidate is
// scored by the pipeline (Run) on the year rated and compared with the
// published figures:
//
//   - stars matched: a published rating, or range of ratings, that the
//     candidate's rating lies in;
//   - ranks matched: a published rank equal to the candidate's;
//   - scores matched: a published score within its tolerance of the
//     candidate's (as rated: rounded to [scoring] round);
//   - Kendall's τ-b between the published ranks and the candidate's, over
//     the regions with both (NaN for fewer than two, or no variation);
//   - the root mean square of the candidate's score minus the published
//     one, over the published scores of rated regions (NaN for none).
//
// A published region the candidate leaves unrated matches nothing. A
// candidate is consistent when every published figure is matched.
//
// The recommended candidate is the consistent one with the fewest settings
// different from index.toml's own, ties going to the lower candidate
// number (the order of the alternatives); with none consistent, the
// best-agreeing one: the most figures matched, then the highest τ, then
// the lowest RMSE, then the fewest differences and the lower number. A
// candidate the data cannot take (the geometric mean over a value ≤ 0, a
// method missing what it needs) fails, with its reason, and is never
// recommended.

// CalibrateOptions control a calibration run.
type CalibrateOptions struct {
	// Data gives the dataset of a candidate definition whose evidence
	// sources differ from the project's (a complete alternative); it is
	// called once per distinct value. Nil: candidates that change
	// complete fail.
	Data func(def *indicators.Definition) (*indicators.Dataset, error)
	// Workers is the number of goroutines (0: GOMAXPROCS); results do not
	// depend on it.
	Workers int
	// Progress, when set, is called with the candidates done and the total.
	Progress func(done, total int)
	// Reference scores every candidate with Run, one by one, instead of
	// the shared engine (for tests: the two agree).
	Reference bool
}

// CalibrateResult is the outcome of a calibration.
type CalibrateResult struct {
	Def       *indicators.Definition
	Year      int
	Published *indicators.Published
	// Settings are the keys of [calibrate], in the order written; Values
	// their alternatives and Own index.toml's own values.
	Settings []string
	Values   [][]any
	Own      []any
	// Schemes holds every candidate, best first (see the package notes).
	Schemes    []*Scheme
	Candidates int
	Consistent int
	Failed     int
	// Recommended is the recommended scheme (nil when every candidate
	// failed) and RecommendedDef the definition with its settings.
	Recommended    *Scheme
	RecommendedDef *indicators.Definition
	// Outcomes are the published regions' figures under the recommended
	// scheme, in the order of the published file.
	Outcomes []Outcome
	// Choices say, for each setting and alternative, how many candidates
	// and how many consistent candidates take it.
	Choices []Choice
	// Thresholds are, under the recommended scheme (star thresholds only),
	// the intervals in which each star threshold reproduces the published
	// stars.
	Thresholds []ThresholdInterval

	keepOutcomes bool // keep each candidate's outcomes (calKeepOutcomes)
}

// Scheme is one candidate and its agreement with the publication.
type Scheme struct {
	// Number is the candidate's place in the order of the alternatives
	// (0: the first alternative of every key).
	Number int
	// Alt[j] is the index of the alternative of setting j.
	Alt []int
	// Values[j] is the value of setting j.
	Values []any
	// Differs is the number of settings different from index.toml's own.
	Differs int
	// Failed says why the candidate could not be scored ("" if it was).
	Failed                         string
	FailedErr                      error
	Consistent                     bool
	StarsMatched, StarsPublished   int
	RanksMatched, RanksPublished   int
	ScoresMatched, ScoresPublished int
	KendallTau                     float64 // NaN: undefined
	ScoreRMSE                      float64 // NaN: no score to compare

	outs []Outcome // the published regions' outcomes, while Calibrate runs
}

// Matched is the number of published figures the scheme matches.
func (s *Scheme) Matched() int { return s.StarsMatched + s.RanksMatched + s.ScoresMatched }

// Outcome is one published region's figures under a scheme.
type Outcome struct {
	Published indicators.PublishedRow
	Rated     bool
	Stars     int
	Rank      int
	Score     float64
	// Which of the published figures the scheme matches.
	StarsOK, RankOK, ScoreOK bool
}

// Choice is one alternative of one setting: the candidates that take it
// (failed ones included), those of them that are consistent, and their share of all consistent
// candidates (0 when none is).
type Choice struct {
	Setting         string
	Value           any
	Candidates      int
	Consistent      int
	ConsistentShare float64
}

// ThresholdInterval is where star threshold Stars (the lowest score of
// class Stars) may lie and still reproduce the published stars under the
// recommended scheme: above From (the highest score among regions
// published below the class), up to and including To (the lowest score
// among regions published at the class or above). HasFrom/HasTo are false
// when no published region bounds that side. Current is the scheme's own
// threshold.
type ThresholdInterval struct {
	Stars          int
	From, To       float64
	HasFrom, HasTo bool
	Current        float64
	HasCurrent     bool
}

// Empty reports whether no threshold reproduces the published stars.
func (t ThresholdInterval) Empty() bool { return t.HasFrom && t.HasTo && !(t.From < t.To) }

// CandidateCount is the number of candidates a [calibrate] spec makes
// (1 without one); ok is false when it exceeds limit.
func CandidateCount(spec *indicators.CalibrateSpec, limit int) (n int, ok bool) {
	n = 1
	if spec == nil {
		return 1, true
	}
	for _, s := range spec.Settings {
		if n > math.MaxInt/max(len(s.Values), 1) {
			return math.MaxInt, false
		}
		n *= len(s.Values)
	}
	return n, n <= limit
}

// CheckCalibrate checks the method names of [calibrate] against the
// registries and the candidate count against max_candidates; each problem
// is an *indicators.InputError at its key.
func CheckCalibrate(def *indicators.Definition) indicators.ErrorList {
	spec := def.Calibrate
	if spec == nil {
		return nil
	}
	var errs indicators.ErrorList
	registries := map[string]struct {
		known func(string) bool
		names []string
		kind  string
	}{
		"normalise":  {func(s string) bool { _, ok := LookupNormaliser(s); return ok }, NormaliserNames(), "normalisation"},
		"weights":    {func(s string) bool { _, ok := LookupWeighting(s); return ok }, WeightingNames(), "weighting"},
		"aggregate":  {func(s string) bool { _, ok := LookupAggregator(s); return ok }, AggregatorNames(), "aggregation"},
		"ties":       {func(s string) bool { _, ok := LookupTieRule(s); return ok }, TieRuleNames(), "tie"},
		"impute":     {func(s string) bool { _, ok := LookupImputer(s); return ok }, ImputerNames(), "imputation"},
		"treat":      {func(s string) bool { _, ok := LookupTreatment(s); return ok }, TreatmentNames(), "outlier treatment"},
		"stars":      {func(s string) bool { _, ok := LookupStarRule(s); return ok }, StarRuleNames(), "star"},
		"comparable": {func(s string) bool { return s == "separate" || s == "pooled" }, []string{"separate", "pooled"}, "comparability"},
		"missing_dimension": {func(s string) bool { return slices.Contains(indicators.MissingDimensionRules, s) },
			indicators.MissingDimensionRules, "missing_dimension"},
	}
	for _, s := range spec.Settings {
		pos := def.KeyPos("calibrate", 0, s.Key)
		if r, ok := registries[s.Key]; ok {
			for _, v := range s.Values {
				if name := v.(string); !r.known(name) {
					errs = append(errs, indicators.Errorf(pos, "use one of: "+strings.Join(r.names, ", "),
						"unknown %s method %q in [calibrate] %s", r.kind, name, s.Key))
				}
			}
		}
		if s.Key == "thresholds" {
			for i, v := range s.Values {
				th := v.([]float64)
				for j := 1; j < len(th); j++ {
					if !(th[j] > th[j-1]) {
						errs = append(errs, indicators.Errorf(pos, "list each set of thresholds in strictly ascending order",
							"alternative %d of thresholds in [calibrate] is not ascending: %g comes after %g", i+1, th[j], th[j-1]))
						break
					}
				}
			}
		}
	}
	if n, ok := CandidateCount(spec, spec.MaxCandidates); !ok {
		errs = append(errs, indicators.Errorf(def.KeyPos("calibrate", 0, ""), candidatesHint(spec),
			"[calibrate] makes %s candidates, over max_candidates = %d", countText(n), spec.MaxCandidates))
	}
	errs.Sort()
	return errs
}

func countText(n int) string {
	if n == math.MaxInt {
		return "more than 9223372036854775807"
	}
	return fmt.Sprint(n)
}

// candidatesHint says how to narrow a space that is too large: the
// longest lists first.
func candidatesHint(spec *indicators.CalibrateSpec) string {
	s := slices.Clone(spec.Settings)
	slices.SortStableFunc(s, func(a, b indicators.CalibrateSetting) int { return len(b.Values) - len(a.Values) })
	var parts []string
	for _, x := range s[:min(3, len(s))] {
		parts = append(parts, fmt.Sprintf("%s (%d)", x.Key, len(x.Values)))
	}
	return "shorten the longest lists of alternatives — " + strings.Join(parts, ", ") +
		" — or raise max_candidates under [calibrate]"
}

// Calibrate scores every candidate of def's [calibrate] on year and
// measures its agreement with pub (see the package notes). ds is the
// project's dataset. Bad settings are *indicators.InputError; a
// publication nothing reproduces is a result, not an error.
func Calibrate(ctx context.Context, def *indicators.Definition, ds *indicators.Dataset, year int, pub *indicators.Published, opts CalibrateOptions) (*CalibrateResult, error) {
	if errs := Check(def); len(errs) > 0 {
		return nil, errs
	}
	if errs := CheckCalibrate(def); len(errs) > 0 {
		return nil, errs
	}
	res := &CalibrateResult{Def: def, Year: year, Published: pub}
	var sets []indicators.CalibrateSetting
	if def.Calibrate != nil {
		sets = def.Calibrate.Settings
	}
	for _, s := range sets {
		res.Settings = append(res.Settings, s.Key)
		res.Values = append(res.Values, s.Values)
		res.Own = append(res.Own, def.Setting(s.Key))
	}
	total, _ := CandidateCount(def.Calibrate, math.MaxInt)
	res.Candidates = total
	res.keepOutcomes = total*max(len(pub.Rows), 1) <= calKeepOutcomes

	// Datasets by the value of complete (evidence re-collected).
	completeAt := slices.Index(res.Settings, "complete")
	var dsMu sync.Mutex
	datasets := map[bool]*indicators.Dataset{}
	var dsErr = map[bool]error{}
	dataFor := func(variant *indicators.Definition, alt []int) (*indicators.Dataset, error) {
		if completeAt < 0 {
			return ds, nil
		}
		c := res.Values[completeAt][alt[completeAt]].(bool)
		if c == res.Own[completeAt] && !mixedComplete(def) {
			return ds, nil
		}
		dsMu.Lock()
		defer dsMu.Unlock()
		if d, ok := datasets[c]; ok || dsErr[c] != nil {
			return d, dsErr[c]
		}
		if opts.Data == nil {
			dsErr[c] = errors.New("no evidence loader to re-collect the evidence with complete = " + fmt.Sprint(c))
			return nil, dsErr[c]
		}
		d, err := opts.Data(variant)
		datasets[c], dsErr[c] = d, err
		return d, err
	}

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var schemes []*Scheme
	if opts.Reference {
		schemes = make([]*Scheme, total)
		workers = max(1, min(workers, total))
		var next, done atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for {
					i := int(next.Add(1) - 1)
					if i >= total || ctx.Err() != nil {
						return
					}
					schemes[i] = res.evaluate(def, year, pub, i, dataFor)
					d := done.Add(1)
					if opts.Progress != nil {
						opts.Progress(int(d), total)
					}
				}
			})
		}
		wg.Wait()
	} else {
		var err error
		if schemes, err = res.evaluateFast(ctx, def, year, pub, dataFor, workers, opts.Progress); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.finish(schemes)
	if rec := res.Recommended; rec != nil {
		variant := def.WithSettings(res.Settings, rec.Values)
		res.RecommendedDef = variant
		res.Outcomes = rec.outs
		if res.Outcomes == nil {
			d, err := dataFor(variant, rec.Alt)
			if err != nil {
				return nil, err
			}
			r, err := Run(variant, d, year)
			if err != nil {
				return nil, err
			}
			res.Outcomes, _ = outcomes(r, pub)
		}
		res.Thresholds = thresholdIntervals(variant, res.Outcomes)
	}
	for _, s := range res.Schemes {
		s.outs = nil
	}
	return res, nil
}

// calKeepOutcomes bounds the outcomes kept for every candidate (candidates
// × published regions) until the recommended one is known; above it, the
// recommended scheme is scored again.
const calKeepOutcomes = 1 << 20

// mixedComplete reports whether the sources disagree on complete (then
// every complete alternative re-collects the evidence).
func mixedComplete(def *indicators.Definition) bool {
	for _, s := range def.Sources {
		if s.Complete != def.Sources[0].Complete {
			return true
		}
	}
	return false
}

// alternatives decodes candidate number i into one alternative per
// setting, the first setting slowest.
func (res *CalibrateResult) alternatives(i int) []int {
	alt := make([]int, len(res.Values))
	for j := len(res.Values) - 1; j >= 0; j-- {
		m := len(res.Values[j])
		alt[j] = i % m
		i /= m
	}
	return alt
}

// evaluate scores candidate i and measures its agreement.
func (res *CalibrateResult) evaluate(def *indicators.Definition, year int, pub *indicators.Published, i int,
	dataFor func(*indicators.Definition, []int) (*indicators.Dataset, error)) *Scheme {
	s := res.newScheme(i, pub)
	fail := s.fail
	variant := def.WithSettings(res.Settings, s.Values)
	if errs := variant.CheckSettings(); len(errs) > 0 {
		return fail(errs[0])
	}
	if errs := Check(variant); len(errs) > 0 {
		return fail(errs[0])
	}
	d, err := dataFor(variant, s.Alt)
	if err != nil {
		return fail(err)
	}
	r, err := Run(variant, d, year)
	if err != nil {
		return fail(err)
	}
	outs, _ := outcomes(r, pub)
	s.measure(outs)
	if res.keepOutcomes {
		s.outs = outs
	}
	return s
}

// newScheme is candidate i with its values and the counts of published
// figures, not yet scored.
func (res *CalibrateResult) newScheme(i int, pub *indicators.Published) *Scheme {
	s := &Scheme{Number: i, Alt: res.alternatives(i), KendallTau: math.NaN(), ScoreRMSE: math.NaN()}
	s.Values = make([]any, len(s.Alt))
	for j, a := range s.Alt {
		s.Values[j] = res.Values[j][a]
		if !indicators.SameSetting(s.Values[j], res.Own[j]) {
			s.Differs++
		}
	}
	for _, row := range pub.Rows {
		if row.StarsLo > 0 {
			s.StarsPublished++
		}
		if row.Rank > 0 {
			s.RanksPublished++
		}
		if row.HasScore {
			s.ScoresPublished++
		}
	}
	return s
}

// fail marks the scheme failed with err.
func (s *Scheme) fail(err error) *Scheme {
	s.FailedErr = err
	s.Failed = firstLine(err)
	return s
}

// firstLine is an error's message without its position and hint: the
// first problem of a list.
func firstLine(err error) string {
	var list indicators.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		err = list[0]
	}
	var ie *indicators.InputError
	if errors.As(err, &ie) {
		return ie.Msg
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
}

// outcomes are the published regions' figures in a result.
func outcomes(r *Result, pub *indicators.Published) ([]Outcome, bool) {
	byCode := make(map[string]*RegionResult, len(r.Regions))
	for _, rr := range r.Regions {
		byCode[rr.Region.Code] = rr
	}
	out := make([]Outcome, len(pub.Rows))
	all := true
	for k, row := range pub.Rows {
		o := Outcome{Published: row}
		if rr := byCode[row.Region.Code]; rr != nil && rr.Rated {
			o.Rated, o.Stars, o.Rank, o.Score = true, rr.Stars, rr.Rank, rr.Score
			o.match()
		}
		all = all && o.Rated
		out[k] = o
	}
	return out, all
}

// match says which published figures a rated outcome matches.
func (o *Outcome) match() {
	row := o.Published
	o.StarsOK = row.StarsLo > 0 && o.Stars >= row.StarsLo && o.Stars <= row.StarsHi
	o.RankOK = row.Rank > 0 && o.Rank == row.Rank
	o.ScoreOK = row.HasScore && math.Abs(o.Score-row.Score) <= row.Tolerance+1e-9*math.Max(1, math.Abs(row.Score))
}

// measure fills in the agreement of a scheme from its outcomes.
func (s *Scheme) measure(outs []Outcome) {
	var se float64
	nScores := 0
	var pubRanks, ourRanks []int
	for _, o := range outs {
		if o.StarsOK {
			s.StarsMatched++
		}
		if o.RankOK {
			s.RanksMatched++
		}
		if o.ScoreOK {
			s.ScoresMatched++
		}
		if o.Rated && o.Published.HasScore {
			d := o.Score - o.Published.Score
			se += d * d
			nScores++
		}
		if o.Rated && o.Published.Rank > 0 {
			pubRanks, ourRanks = append(pubRanks, o.Published.Rank), append(ourRanks, o.Rank)
		}
	}
	if nScores > 0 {
		s.ScoreRMSE = math.Sqrt(se / float64(nScores))
	}
	s.KendallTau = KendallTauB(pubRanks, ourRanks)
	s.Consistent = s.StarsMatched == s.StarsPublished && s.RanksMatched == s.RanksPublished && s.ScoresMatched == s.ScoresPublished
}

// KendallTauB is Kendall's τ-b between two rankings of the same items:
// (concordant − discordant) / √((n0 − ties in a)(n0 − ties in b)), n0 the
// number of pairs. NaN for fewer than two items or a ranking that ties
// everything.
func KendallTauB(a, b []int) float64 {
	if len(a) != len(b) {
		panic("scoring: KendallTauB of rankings of different lengths")
	}
	var conc, disc, tiesA, tiesB, pairs int
	for i := range a {
		for j := i + 1; j < len(a); j++ {
			pairs++
			da, db := cmp.Compare(a[i], a[j]), cmp.Compare(b[i], b[j])
			switch {
			case da == 0 && db == 0:
				tiesA++
				tiesB++
			case da == 0:
				tiesA++
			case db == 0:
				tiesB++
			case da == db:
				conc++
			default:
				disc++
			}
		}
	}
	den := math.Sqrt(float64(pairs-tiesA) * float64(pairs-tiesB))
	if pairs == 0 || den == 0 {
		return math.NaN()
	}
	return float64(conc-disc) / den
}

// finish orders the schemes, picks the recommended one and counts the
// choices.
func (res *CalibrateResult) finish(schemes []*Scheme) {
	for _, s := range schemes {
		switch {
		case s.Failed != "":
			res.Failed++
		case s.Consistent:
			res.Consistent++
		}
	}
	nanLow := func(x float64) float64 {
		if math.IsNaN(x) {
			return math.Inf(-1)
		}
		return x
	}
	nanHigh := func(x float64) float64 {
		if math.IsNaN(x) {
			return math.Inf(1)
		}
		return x
	}
	class := func(s *Scheme) int {
		switch {
		case s.Failed != "":
			return 2
		case s.Consistent:
			return 0
		}
		return 1
	}
	slices.SortStableFunc(schemes, func(a, b *Scheme) int {
		if c := cmp.Compare(class(a), class(b)); c != 0 {
			return c
		}
		if class(a) == 1 {
			if c := cmp.Compare(b.Matched(), a.Matched()); c != 0 {
				return c
			}
			if c := cmp.Compare(nanLow(b.KendallTau), nanLow(a.KendallTau)); c != 0 {
				return c
			}
			if c := cmp.Compare(nanHigh(a.ScoreRMSE), nanHigh(b.ScoreRMSE)); c != 0 {
				return c
			}
		}
		if class(a) != 2 {
			if c := cmp.Compare(a.Differs, b.Differs); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Number, b.Number)
	})
	res.Schemes = schemes
	if len(schemes) > 0 && schemes[0].Failed == "" {
		res.Recommended = schemes[0]
	}
	for j, vals := range res.Values {
		for a, v := range vals {
			c := Choice{Setting: res.Settings[j], Value: v}
			for _, s := range schemes {
				if s.Alt[j] != a {
					continue
				}
				c.Candidates++
				if s.Consistent {
					c.Consistent++
				}
			}
			if res.Consistent > 0 {
				c.ConsistentShare = float64(c.Consistent) / float64(res.Consistent)
			}
			res.Choices = append(res.Choices, c)
		}
	}
}

// thresholdIntervals are the intervals of the star thresholds of def (a
// thresholds rule) that reproduce the published stars, from the scores
// of the outcomes (as rated). A class no published region bounds on
// either side is left out.
func thresholdIntervals(def *indicators.Definition, outs []Outcome) []ThresholdInterval {
	if def.Stars.Method != "thresholds" {
		return nil
	}
	var out []ThresholdInterval
	for c := 2; c <= def.Stars.NumClasses(); c++ {
		t := ThresholdInterval{Stars: c}
		if c-2 < len(def.Stars.Thresholds) {
			t.Current, t.HasCurrent = def.Stars.Thresholds[c-2], true
		}
		for _, o := range outs {
			p := o.Published
			if !o.Rated || p.StarsLo == 0 {
				continue
			}
			if p.StarsHi < c && (!t.HasFrom || o.Score > t.From) {
				t.From, t.HasFrom = o.Score, true
			}
			if p.StarsLo >= c && (!t.HasTo || o.Score < t.To) {
				t.To, t.HasTo = o.Score, true
			}
		}
		if t.HasFrom || t.HasTo {
			out = append(out, t)
		}
	}
	return out
}
