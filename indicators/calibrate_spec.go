package indicators

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// PublishedSpec is the [published] table: a file of what a publication
// said (region,stars,rank,score) for the year rated.
type PublishedSpec struct {
	File string
	// ScoreTolerance, when set, is how far a computed score may lie from a
	// published one and still match; nil means half a unit of the last
	// decimal published in each cell.
	ScoreTolerance *float64
}

type rawPublished struct {
	File           string   `toml:"file"`
	ScoreTolerance *float64 `toml:"score_tolerance"`
}

// CalibrateSpec is the [calibrate] table: alternatives for [scoring] and
// [stars] keys (and complete for evidence sources); every combination is
// a candidate scheme.
type CalibrateSpec struct {
	// Settings are the keys given, in the order written.
	Settings []CalibrateSetting
	// MaxCandidates is the most candidates accepted (default
	// DefaultMaxCandidates).
	MaxCandidates int
}

// CalibrateSetting is one key of [calibrate] with its alternatives, the
// first preferred. Values are normalised by key: strings for method names
// (and "none" for round), int for round and classes, float64 for
// min_coverage and power, [2]float64 for range, []float64 for thresholds,
// []string for labels, bool for complete.
type CalibrateSetting struct {
	Key    string
	Values []any
}

// DefaultMaxCandidates is the default [calibrate] max_candidates.
const DefaultMaxCandidates = 100000

// CalibrateKeys are the keys [calibrate] accepts besides max_candidates:
// the [scoring] keys, the [stars] keys (stars for its method) and complete
// (every [[source]]).
var CalibrateKeys = []string{"impute", "treat", "normalise", "range", "weights", "aggregate", "ties", "round",
	"min_coverage", "reference", "power", "comparable", "missing_dimension",
	"stars", "thresholds", "classes", "labels", "complete"}

// fillReplication copies [published] and [calibrate]; the values of
// [calibrate] are checked and normalised by checkReplication.
func (d *Definition) fillReplication(raw *rawDefinition) {
	if raw.Published != nil {
		d.Published = &PublishedSpec{File: raw.Published.File, ScoreTolerance: raw.Published.ScoreTolerance}
	}
	if raw.Calibrate != nil {
		d.Calibrate = &CalibrateSpec{MaxCandidates: DefaultMaxCandidates}
		d.rawCalibrate = raw.Calibrate
	}
}

// checkReplication checks [published] and [calibrate] and fills in the
// normalised alternatives of [calibrate]. Method names are checked by
// the scoring package (scoring.CheckCalibrate), which owns the registries.
func (d *Definition) checkReplication() ErrorList {
	var errs ErrorList
	if p := d.Published; p != nil {
		if p.File == "" {
			errs = append(errs, Errorf(d.KeyPos("published", 0, ""), `add file = "published.csv" under [published]`,
				"[published] names no file"))
		}
		if t := p.ScoreTolerance; t != nil && !(*t >= 0 && !math.IsInf(*t, 0)) {
			errs = append(errs, Errorf(d.KeyPos("published", 0, "score_tolerance"), "give a tolerance of 0 or more, e.g. score_tolerance = 0.05",
				"score_tolerance = %g is not a tolerance", *t))
		}
	}
	if d.Calibrate == nil {
		return errs
	}
	type keyed struct {
		key  string
		line int
	}
	var keys []keyed
	for k := range d.rawCalibrate {
		keys = append(keys, keyed{k, d.KeyPos("calibrate", 0, k).Line})
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return strings.Compare(a.key, b.key)
	})
	for _, kk := range keys {
		key, v := kk.key, d.rawCalibrate[kk.key]
		pos := d.KeyPos("calibrate", 0, key)
		if key == "max_candidates" {
			n, ok := v.(int64)
			if !ok || n < 1 || n > math.MaxInt32 {
				errs = append(errs, Errorf(pos, "give a whole number of 1 or more, e.g. max_candidates = 100000",
					"max_candidates = %v is not a number of candidates", v))
				continue
			}
			d.Calibrate.MaxCandidates = int(n)
			continue
		}
		if !slices.Contains(CalibrateKeys, key) {
			hint := "accepted keys: " + strings.Join(CalibrateKeys, ", ") + ", max_candidates"
			if s := nearestKnown(key, append(slices.Clone(CalibrateKeys), "max_candidates", "method")); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
				if s == "method" {
					hint = `the star method's alternatives are written stars = ["thresholds", "quantiles"]`
				}
			}
			errs = append(errs, Errorf(pos, hint, "unknown key %q in [calibrate]", key))
			continue
		}
		list, ok := v.([]any)
		if !ok || len(list) == 0 {
			errs = append(errs, Errorf(pos, fmt.Sprintf("list the alternatives in brackets, the preferred first, e.g. %s", calibrateExample(key)),
				"%s in [calibrate] is not a list of alternatives", key))
			continue
		}
		set := CalibrateSetting{Key: key}
		for i, x := range list {
			val, ok := calibrateValue(key, x)
			if !ok {
				errs = append(errs, Errorf(pos, "write the alternatives as in "+calibrateExample(key),
					"alternative %d of %s in [calibrate] is not %s", i+1, key, calibrateKind(key)))
				break // one message per key: the others are likely the same mistake
			}
			if slices.ContainsFunc(set.Values, func(y any) bool { return SameSetting(y, val) }) {
				errs = append(errs, Errorf(pos, "list each alternative once",
					"alternative %d of %s in [calibrate] repeats an earlier one", i+1, key))
				continue
			}
			set.Values = append(set.Values, val)
		}
		if key == "complete" && len(d.Sources) == 0 {
			errs = append(errs, Errorf(pos, "remove complete from [calibrate], or declare the evidence under [[source]]",
				"complete in [calibrate] applies to evidence sources, and the index declares none"))
		}
		d.Calibrate.Settings = append(d.Calibrate.Settings, set)
	}
	return errs
}

// calibrateValue normalises one alternative of key; false when it has
// the wrong type.
func calibrateValue(key string, x any) (any, bool) {
	num := func(x any) (float64, bool) {
		switch v := x.(type) {
		case int64:
			return float64(v), true
		case float64:
			return v, !math.IsNaN(v) && !math.IsInf(v, 0)
		}
		return 0, false
	}
	nums := func(x any) ([]float64, bool) {
		l, ok := x.([]any)
		if !ok {
			return nil, false
		}
		out := make([]float64, len(l))
		for i, e := range l {
			if out[i], ok = num(e); !ok {
				return nil, false
			}
		}
		return out, true
	}
	switch key {
	case "round":
		if s, ok := x.(string); ok {
			return s, s == "none"
		}
		n, ok := x.(int64)
		return int(n), ok && n >= 0 && n <= 10
	case "classes":
		n, ok := x.(int64)
		return int(n), ok && n >= 2 && n <= 10
	case "min_coverage", "power":
		return num(x)
	case "range":
		v, ok := nums(x)
		if !ok || len(v) != 2 {
			return nil, false
		}
		return [2]float64{v[0], v[1]}, true
	case "thresholds":
		v, ok := nums(x)
		return v, ok && len(v) > 0
	case "labels":
		l, ok := x.([]any)
		if !ok {
			return nil, false
		}
		out := make([]string, len(l))
		for i, e := range l {
			if out[i], ok = e.(string); !ok {
				return nil, false
			}
		}
		return out, true
	case "complete":
		b, ok := x.(bool)
		return b, ok
	}
	s, ok := x.(string)
	return s, ok && s != ""
}

func calibrateKind(key string) string {
	switch key {
	case "round":
		return `a number of decimals from 0 to 10 or "none"`
	case "classes":
		return "a number of classes from 2 to 10"
	case "min_coverage", "power":
		return "a number"
	case "range":
		return "a range [lo, hi]"
	case "thresholds":
		return "a list of thresholds"
	case "labels":
		return "a list of labels"
	case "complete":
		return "true or false"
	}
	return "a method name"
}

func calibrateExample(key string) string {
	switch key {
	case "round":
		return "round = [1, 2]"
	case "classes":
		return "classes = [4, 5]"
	case "min_coverage":
		return "min_coverage = [0.5, 0.75]"
	case "power":
		return "power = [0.5, 1]"
	case "range":
		return "range = [[0, 100], [1, 100]]"
	case "thresholds":
		return "thresholds = [[20, 40, 60, 80], [25, 50, 75, 90]]"
	case "labels":
		return `labels = [["D", "C", "B", "A", "A+"]]`
	case "complete":
		return "complete = [false, true]"
	case "stars":
		return `stars = ["thresholds", "quantiles"]`
	}
	return key + ` = ["…", "…"]`
}

// SameSetting reports whether two normalised setting values are equal.
func SameSetting(a, b any) bool {
	switch x := a.(type) {
	case []float64:
		y, ok := b.([]float64)
		return ok && slices.Equal(x, y)
	case []string:
		y, ok := b.([]string)
		return ok && slices.Equal(x, y)
	}
	return a == b
}

// Setting returns the definition's own value of a [calibrate] key, in the
// normalised form of CalibrateSetting (complete: whether every source is
// complete).
func (d *Definition) Setting(key string) any {
	sc := d.Scoring
	switch key {
	case "impute":
		return sc.Impute
	case "treat":
		return sc.Treat
	case "normalise":
		return sc.Normalise
	case "range":
		return sc.Range
	case "weights":
		return sc.Weights
	case "aggregate":
		return sc.Aggregate
	case "ties":
		return sc.Ties
	case "round":
		if sc.Round == nil {
			return "none"
		}
		return *sc.Round
	case "min_coverage":
		return sc.MinCoverage
	case "reference":
		return sc.Reference
	case "power":
		return sc.Power
	case "comparable":
		return sc.Comparable
	case "missing_dimension":
		return sc.MissingDimension
	case "stars":
		return d.Stars.Method
	case "thresholds":
		return slices.Clone(d.Stars.Thresholds)
	case "classes":
		return d.Stars.NumClasses()
	case "labels":
		return slices.Clone(d.Stars.Labels)
	case "complete":
		all := len(d.Sources) > 0
		for _, s := range d.Sources {
			all = all && s.Complete
		}
		return all
	}
	panic("indicators: unknown calibrate key " + key)
}

// WithSettings returns a copy of the definition with the [calibrate] keys
// set to the values (normalised as in CalibrateSetting); the copy shares
// the framework tree, which it does not change. Switching the star method
// fills in the defaults of the other method (5 classes, thresholds 20, 40,
// 60, 80) where the definition has none.
func (d *Definition) WithSettings(keys []string, values []any) *Definition {
	c := *d
	if slices.Contains(keys, "complete") {
		c.Sources = make([]*SourceSpec, len(d.Sources))
		for i, s := range d.Sources {
			cp := *s
			c.Sources[i] = &cp
		}
	}
	for i, key := range keys {
		v := values[i]
		sc := &c.Scoring
		switch key {
		case "impute":
			sc.Impute = v.(string)
		case "treat":
			sc.Treat = v.(string)
		case "normalise":
			sc.Normalise = v.(string)
		case "range":
			sc.Range = v.([2]float64)
		case "weights":
			sc.Weights = v.(string)
		case "aggregate":
			sc.Aggregate = v.(string)
		case "ties":
			sc.Ties = v.(string)
		case "round":
			if n, ok := v.(int); ok {
				sc.Round = &n
			} else {
				sc.Round = nil
			}
		case "min_coverage":
			sc.MinCoverage = v.(float64)
		case "reference":
			sc.Reference = v.(string)
		case "power":
			sc.Power = v.(float64)
		case "comparable":
			sc.Comparable = v.(string)
		case "missing_dimension":
			sc.MissingDimension = v.(string)
		case "stars":
			c.Stars.Method = v.(string)
		case "thresholds":
			c.Stars.Thresholds = v.([]float64)
		case "classes":
			c.Stars.Classes = v.(int)
		case "labels":
			c.Stars.Labels = v.([]string)
		case "complete":
			for _, s := range c.Sources {
				s.Complete = v.(bool)
			}
		default:
			panic("indicators: unknown calibrate key " + key)
		}
	}
	if c.Stars.Method == "thresholds" && len(c.Stars.Thresholds) == 0 {
		c.Stars.Thresholds = []float64{20, 40, 60, 80}
	}
	if c.Stars.Method != "thresholds" && c.Stars.Classes == 0 {
		c.Stars.Classes = 5
	}
	return &c
}

// CheckSettings checks the settings of a definition made by WithSettings
// as the loader checks index.toml's (range, round, min_coverage, power,
// comparable, missing_dimension, stars and caps).
func (d *Definition) CheckSettings() ErrorList {
	var errs ErrorList
	sc := d.Scoring
	add := func(format string, args ...any) { errs = append(errs, Errorf(Pos{File: d.File}, "", format, args...)) }
	if !(sc.Range[0] < sc.Range[1]) {
		add("range [%g, %g] is empty or inverted", sc.Range[0], sc.Range[1])
	}
	if !(sc.MinCoverage >= 0 && sc.MinCoverage <= 1) {
		add("min_coverage = %g is not a share", sc.MinCoverage)
	}
	if math.Abs(sc.Power) > 100 {
		add("power = %g is out of range", sc.Power)
	}
	if sc.Comparable != "separate" && sc.Comparable != "pooled" {
		add("unknown comparability %q", sc.Comparable)
	}
	if !slices.Contains(MissingDimensionRules, sc.MissingDimension) {
		add("unknown missing_dimension rule %q", sc.MissingDimension)
	}
	errs = append(errs, d.checkStars()...)
	errs = append(errs, d.checkCaps()...)
	return errs
}

// FormatSetting writes a normalised setting value as TOML.
func FormatSetting(v any) string {
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case int:
		return strconv.Itoa(x)
	case float64:
		return num(x)
	case bool:
		return strconv.FormatBool(x)
	case [2]float64:
		return "[" + num(x[0]) + ", " + num(x[1]) + "]"
	case []float64:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = num(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []string:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = strconv.Quote(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}
