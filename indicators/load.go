package indicators

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// rawDefinition mirrors index.toml for decoding; pointers mark keys whose
// absence matters (defaults differ from zero values). Array-table entries
// are decoded one by one from primitives, so that a value of the wrong
// type is traced to its entry (the decoder only knows the key's last line).
type rawDefinition struct {
	Index       IndexSpec        `toml:"index"`
	Scoring     rawScoring       `toml:"scoring"`
	Stars       StarsSpec        `toml:"stars"`
	Dimension   []toml.Primitive `toml:"dimension"`
	Indicator   []toml.Primitive `toml:"indicator"`
	Source      []toml.Primitive `toml:"source"`
	AHP         []toml.Primitive `toml:"ahp"`
	Cap         []toml.Primitive `toml:"cap"`
	Uncertainty *UncertaintySpec `toml:"uncertainty"`
	Report      ReportSpec       `toml:"report"`
	Limits      rawLimits        `toml:"limits"`
	Published   *rawPublished    `toml:"published"`
	Calibrate   map[string]any   `toml:"calibrate"`

	dims    []rawDimension
	inds    []rawIndicator
	sources []SourceSpec
	ahp     []AHPSpec
	caps    []CapSpec
}

type rawScoring struct {
	Impute      string      `toml:"impute"`
	Treat       string      `toml:"treat"`
	Normalise   string      `toml:"normalise"`
	Range       *[2]float64 `toml:"range"`
	Weights     string      `toml:"weights"`
	Aggregate   string      `toml:"aggregate"`
	Ties        string      `toml:"ties"`
	Round       *int        `toml:"round"`
	MinCoverage *float64    `toml:"min_coverage"`
	Reference   string      `toml:"reference"`
	Power       *float64    `toml:"power"`
	Comparable  string      `toml:"comparable"`
	// MissingDimension: see ScoringSpec.
	MissingDimension string `toml:"missing_dimension"`
}

type rawDimension struct {
	ID        string   `toml:"id"`
	Name      string   `toml:"name"`
	NameEn    string   `toml:"name_en"`
	Parent    string   `toml:"parent"`
	Weight    *float64 `toml:"weight"`
	Aggregate string   `toml:"aggregate"`
}

type rawIndicator struct {
	ID          string    `toml:"id"`
	Dimension   string    `toml:"dimension"`
	Name        string    `toml:"name"`
	NameEn      string    `toml:"name_en"`
	Unit        string    `toml:"unit"`
	UnitEn      string    `toml:"unit_en"`
	Direction   *int      `toml:"direction"`
	Weight      *float64  `toml:"weight"`
	Normalise   string    `toml:"normalise"`
	Goalposts   []float64 `toml:"goalposts"`
	Target      *float64  `toml:"target"`
	Denominator string    `toml:"denominator"`
	Scale       *float64  `toml:"scale"`
	Source      string    `toml:"source"`
	Description string    `toml:"description"`
	Actionable  *bool     `toml:"actionable"`
	Effort      *float64  `toml:"effort"`
}

// MaxConfigSize is the largest index.toml accepted, in bytes; it is
// checked before the file is read, so [limits] cannot change it.
const MaxConfigSize = 4 << 20

// LoadFile reads an index.toml from disk; the files it names are read
// relative to its directory.
func LoadFile(name string) (*Definition, error) {
	files := DirFiles{Dir: filepath.Dir(name)}
	b, shown, err := DirFiles{}.readFileLimit(name, MaxConfigSize)
	if err != nil {
		return nil, configReadError(err)
	}
	return Parse(shown, b, files)
}

// LoadFS reads an index.toml from a file system (an embedded edition);
// prefix is prepended to the paths shown to users.
func LoadFS(fsys fs.FS, name, prefix string) (*Definition, error) {
	files := FSFiles{FS: fsys, Dir: path.Dir(name), Prefix: prefix}
	b, shown, err := FSFiles{FS: fsys, Dir: ".", Prefix: prefix}.readFileLimit(name, MaxConfigSize)
	if err != nil {
		return nil, configReadError(err)
	}
	return Parse(shown, b, files)
}

// configReadError words a refusal of an index.toml for its size as Parse
// does; other problems stay as they are.
func configReadError(err error) error {
	var rf *readFailure
	var tl *tooLargeError
	if errors.As(err, &rf) && errors.As(rf.err, &tl) {
		const hint = "an index definition is a small text file; check that you named the right file"
		if tl.size < 0 {
			return Errorf(Pos{File: rf.shown}, hint, "file is larger than the %d-byte limit", MaxConfigSize)
		}
		return Errorf(Pos{File: rf.shown}, hint, "file is %d bytes, over the %d-byte limit", tl.size, MaxConfigSize)
	}
	return err
}

var (
	// lastKeyMsg splits the decoder's "toml: line N (last key "k"): msg".
	lastKeyMsg = regexp.MustCompile(`^toml: (?:line (\d+) )?(?:\(last key "((?:[^"\\]|\\.)*)"\): )?`)
	badTypeMsg = regexp.MustCompile(`^(?:incompatible types: TOML value has type (\S+); destination has type (.+)|type mismatch for .*: expected (table) but found (\S+))$`)
)

// Parse decodes and checks an index definition. file is the name shown in
// messages; files opens the paths it names. Every structural problem found
// is returned in an ErrorList; method names are checked by the scoring
// package, which owns the registries.
func Parse(file string, src []byte, files Files) (*Definition, error) {
	if len(src) > MaxConfigSize {
		return nil, Errorf(Pos{File: file}, "an index definition is a small text file; check that you named the right file",
			"file is %d bytes, over the %d-byte limit", len(src), MaxConfigSize)
	}
	sum := sha256.Sum256(src)
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(src) {
		return nil, Errorf(invalidUTF8Pos(file, src), "save index.toml as UTF-8 text (it looks like another encoding, such as GB18030)", "the file is not UTF-8 text")
	}
	text := string(src)
	if errs := bidiTextErrors(file, text); len(errs) > 0 {
		// Names, labels and units reach every report: refused here, no
		// output needs to neutralise them.
		return nil, errs
	}
	if off, depth, ok := tomlTooDeep(text, MaxTOMLDepth); !ok {
		line, col := offsetLineCol(text, off)
		return nil, Errorf(Pos{File: file, Line: line, Col: col},
			"an index definition nests a few levels ([table], key = value, [[…]] in a matrix); check that you named the right file",
			"the TOML nests %d levels deep here, over the limit of %d levels", depth, MaxTOMLDepth)
	}
	loc := newKeyLocator(file, text)
	var raw rawDefinition
	md, err := toml.Decode(text, &raw)
	if err != nil {
		return nil, tomlError(loc, "", 0, err)
	}
	if err := decodeEntries(&md, loc, "dimension", raw.Dimension, &raw.dims); err != nil {
		return nil, err
	}
	if err := decodeEntries(&md, loc, "indicator", raw.Indicator, &raw.inds); err != nil {
		return nil, err
	}
	if err := decodeEntries(&md, loc, "source", raw.Source, &raw.sources); err != nil {
		return nil, err
	}
	if err := decodeEntries(&md, loc, "ahp", raw.AHP, &raw.ahp); err != nil {
		return nil, err
	}
	if err := decodeEntries(&md, loc, "cap", raw.Cap, &raw.caps); err != nil {
		return nil, err
	}
	d := &Definition{File: file, SHA256: hex.EncodeToString(sum[:]), files: files, pos: loc}
	errs := d.unknownKeys(md.Undecoded())
	errs = append(errs, d.fillLimits(raw.Limits)...)
	d.fill(&raw)
	errs = append(errs, d.check()...)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return d, nil
}

// invalidUTF8Pos is the position of the first byte that is not UTF-8.
func invalidUTF8Pos(file string, src []byte) Pos {
	pos := Pos{File: file, Line: 1, Col: 1}
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return pos
		}
		if r == '\n' {
			pos.Line, pos.Col = pos.Line+1, 1
		} else {
			pos.Col++
		}
		src = src[size:]
	}
	return pos
}

// decodeEntries decodes the entries of an array table one by one, so that
// an error names the entry it is in.
func decodeEntries[T any](md *toml.MetaData, loc *keyLocator, table string, prims []toml.Primitive, out *[]T) error {
	*out = make([]T, len(prims))
	for i, p := range prims {
		if err := md.PrimitiveDecode(p, &(*out)[i]); err != nil {
			return tomlError(loc, table, i, err)
		}
	}
	return nil
}

// tomlError turns a decoding error into an *InputError at the place it
// concerns. Syntax errors carry their position; type errors only the key
// and its last line, so the key is located in the text: in entry idx of
// table when an array-table entry was being decoded (table != "").
func tomlError(loc *keyLocator, table string, idx int, err error) error {
	var pe toml.ParseError
	if table == "" && errors.As(err, &pe) {
		// The decoder's line is off by one after a "\r\n" in a string,
		// and its column counts bytes: take the byte offset instead.
		pos := loc.offsetPos(pe.Position.Start)
		if pe.Position.Start == 0 && pe.Position.Line > 1 { // no offset given
			pos = Pos{File: loc.file, Line: pe.Position.Line, Col: pe.Position.Col}
			if pos.Line <= len(loc.lines) {
				line := loc.lines[pos.Line-1]
				pos.Col = utf8.RuneCountInString(line[:min(max(pos.Col-1, 0), len(line))]) + 1
			} else {
				pos = Pos{File: loc.file}
			}
		}
		hint := "fix the TOML syntax at this place (strings need quotes, arrays brackets, tables [name])"
		if outOfRange(pe.Message) {
			hint = numberHint
		}
		return Errorf(pos, hint, "%s", pe.Message)
	}
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Message
	}
	pos := Pos{File: loc.file}
	var key toml.Key
	if m := lastKeyMsg.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			key = strings.Split(m[2], ".")
		}
		msg = msg[len(m[0]):]
	}
	if pe.LastKey != "" {
		key = strings.Split(pe.LastKey, ".")
	}
	if len(key) > 0 {
		t, k, i := "", key[0], 0
		switch {
		case table != "" && len(key) > 1:
			t, k, i = table, key[1], idx
		case len(key) > 1 && knownKeys[key[0]] != nil && !arrayTables[key[0]]:
			t, k = key[0], key[1]
		}
		name := strings.Join(key, ".")
		if p := loc.find(t, i, k); p.Line > 0 {
			pos = p
		} else if p, ok := loc.header(name); ok {
			pos = p
		}
		if m := badTypeMsg.FindStringSubmatch(msg); m != nil {
			got, want := m[1], m[2]
			if m[3] != "" {
				got, want = m[4], m[3]
			}
			msg = fmt.Sprintf("wrong type for %s: found %s, expected %s", name, tomlTypeName(got), tomlTypeName(want))
			return Errorf(pos, typeHint(key[len(key)-1], want), "%s", msg)
		}
		if strings.HasPrefix(msg, "expected array length ") {
			return Errorf(pos, fmt.Sprintf("write %s = [ … ] with that many values", key[len(key)-1]), "%s: %s", name, msg)
		}
		msg = name + ": " + msg
	}
	if outOfRange(msg) {
		return Errorf(pos, numberHint, "%s", msg)
	}
	return Errorf(pos, "give the key a value of the type the contract expects (see the README's index.toml reference)", "%s", msg)
}

const numberHint = "write a smaller number: whole numbers go up to 9223372036854775807, and a decimal key keeps 15 significant digits"

// outOfRange tells the decoder's messages about numbers too large for
// their key's type.
func outOfRange(msg string) bool {
	return strings.Contains(msg, " is out of range for ") || strings.Contains(msg, " is out of the safe ")
}

// tomlTypeName names a decoder's type in the words of TOML.
func tomlTypeName(t string) string {
	switch {
	case t == "string":
		return "a string"
	case t == "int64" || t == "integer":
		return "an integer"
	case t == "float64" || t == "float":
		return "a number"
	case t == "bool" || t == "boolean":
		return "a boolean"
	case t == "table" || t == "map" || strings.HasPrefix(t, "map["):
		return "a table"
	case t == "slice" || strings.HasPrefix(t, "[]"):
		return "an array"
	case strings.HasPrefix(t, "time.") || strings.HasPrefix(t, "toml.Local"):
		return "a date or time"
	}
	return t
}

// typeHint tells how to write a value of the wanted type.
func typeHint(key, want string) string {
	switch tomlTypeName(want) {
	case "a string":
		return fmt.Sprintf(`put the text in double quotes, e.g. %s = "…"`, key)
	case "a number":
		return fmt.Sprintf("write a number without quotes, e.g. %s = 1", key)
	case "an integer":
		return fmt.Sprintf("write a whole number without quotes, e.g. %s = 1", key)
	case "a boolean":
		return fmt.Sprintf("write %s = true or %s = false", key, key)
	case "an array":
		return fmt.Sprintf("write an array in brackets, e.g. %s = [ … ]", key)
	case "a table":
		return fmt.Sprintf("declare %s as a table: [%s] on its own line, its keys below", key, key)
	}
	return "give the key a value of the type the contract expects (see the README's index.toml reference)"
}

// knownKeys lists the keys each table accepts, for the unknown-key hint.
var knownKeys = map[string][]string{
	"":            {"index", "scoring", "stars", "dimension", "indicator", "source", "ahp", "cap", "uncertainty", "report", "limits", "published", "calibrate"},
	"published":   {"file", "score_tolerance"},
	"limits":      {"max_file_mb", "max_regions", "max_indicators", "max_years", "max_observations", "max_cells", "max_article_mb", "max_template_steps", "max_catalog_mb"},
	"report":      {"article_template", "article_template_en", "font", "geojson", "geojson_key"},
	"index":       {"name", "name_en", "edition", "year", "years", "regions", "data", "description", "description_en", "encoding"},
	"scoring":     {"impute", "treat", "normalise", "range", "weights", "aggregate", "ties", "round", "min_coverage", "reference", "power", "comparable", "missing_dimension"},
	"stars":       {"method", "thresholds", "classes", "labels"},
	"dimension":   {"id", "name", "name_en", "parent", "weight", "aggregate"},
	"indicator":   {"id", "dimension", "name", "name_en", "unit", "unit_en", "direction", "weight", "normalise", "goalposts", "target", "denominator", "scale", "source", "description", "actionable", "effort"},
	"source":      {"collector", "files", "as_of", "region", "complete"},
	"ahp":         {"parent", "matrix"},
	"cap":         {"max", "dimension", "below_quantile", "below"},
	"uncertainty": {"samples", "seed", "weights_noise", "normalise", "aggregate", "impute", "exclude", "sensitivity"},
}

var arrayTables = map[string]bool{"dimension": true, "indicator": true, "source": true, "ahp": true, "cap": true}

// unknownKeys reports the keys no table accepts, with their positions and
// the closest accepted key. Only the outermost unknown part of a key is
// reported ([foo] once, not every key in it); a key unknown in an array
// table is reported in every entry that has it.
func (d *Definition) unknownKeys(keys []toml.Key) ErrorList {
	var errs ErrorList
	done := map[string]bool{}
	for _, k := range keys {
		table, key := "", k[0]
		if len(k) > 1 && k[0] != "" && knownKeys[k[0]] != nil {
			table, key = k[0], k[1]
		}
		name := key
		if table != "" {
			name = table + "." + key
		}
		if done[name] {
			continue
		}
		done[name] = true
		where := "at the top level"
		if table != "" {
			where = "in [" + table + "]"
		}
		hint := "remove it or correct its spelling; accepted keys: " + strings.Join(knownKeys[table], ", ")
		if s := nearestKnown(key, knownKeys[table]); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		for _, pos := range d.unknownKeyPositions(table, key, name) {
			errs = append(errs, Errorf(pos, hint, "unknown key %q %s", name, where))
		}
	}
	return errs
}

// unknownKeyPositions finds where an unknown key was written: each entry
// of an array table that has it, the header of a table it names, or its
// line in its table.
func (d *Definition) unknownKeyPositions(table, key, name string) []Pos {
	if arrayTables[table] {
		if ps := d.pos.entriesWith(table, key); len(ps) > 0 {
			return ps
		}
	}
	if p, ok := d.pos.header(name); ok {
		return []Pos{p}
	}
	return []Pos{d.pos.find(table, 0, key)}
}

// fill copies decoded values into the definition, applying defaults.
func (d *Definition) fill(raw *rawDefinition) {
	d.Index = raw.Index
	s := raw.Scoring
	d.Scoring = ScoringSpec{
		Impute: or(s.Impute, "none"), Treat: or(s.Treat, "none"), Normalise: or(s.Normalise, "minmax"),
		Range: [2]float64{0, 100}, Weights: or(s.Weights, "manual"), Aggregate: or(s.Aggregate, "arithmetic"),
		Ties: or(s.Ties, "competition"), Round: s.Round, MinCoverage: 0.5,
		Reference: s.Reference, Power: 1, Comparable: or(s.Comparable, "separate"),
		MissingDimension: or(s.MissingDimension, "renormalise"),
	}
	if s.Range != nil {
		d.Scoring.Range = *s.Range
	}
	if s.MinCoverage != nil {
		d.Scoring.MinCoverage = *s.MinCoverage
	}
	if s.Power != nil {
		d.Scoring.Power = *s.Power
	}
	d.Stars = raw.Stars
	d.Stars.Method = or(d.Stars.Method, "thresholds")
	if d.Stars.Method == "thresholds" && d.Stars.Thresholds == nil {
		d.Stars.Thresholds = []float64{20, 40, 60, 80}
	}
	if d.Stars.Classes == 0 && d.Stars.Method != "thresholds" {
		d.Stars.Classes = 5
	}
	for _, r := range raw.dims {
		d.Dimensions = append(d.Dimensions, &Dimension{ID: r.ID, Name: or(r.Name, r.ID), NameEn: r.NameEn,
			Parent: r.Parent, Weight: deref(r.Weight, 1), Aggregate: r.Aggregate})
	}
	for _, r := range raw.inds {
		dir := 1
		if r.Direction != nil {
			dir = *r.Direction
		}
		d.Indicators = append(d.Indicators, &Indicator{ID: r.ID, Dimension: r.Dimension, Name: or(r.Name, r.ID),
			NameEn: r.NameEn, Unit: r.Unit, UnitEn: r.UnitEn, Direction: dir, Weight: deref(r.Weight, 1), Normalise: r.Normalise,
			Goalposts: r.Goalposts, Target: r.Target, Denominator: r.Denominator, Scale: deref(r.Scale, 1), Source: r.Source,
			Description: r.Description, Actionable: r.Actionable, Effort: r.Effort})
	}
	for i := range raw.sources {
		d.Sources = append(d.Sources, &raw.sources[i])
	}
	for i := range raw.caps {
		d.Caps = append(d.Caps, &raw.caps[i])
	}
	for i := range raw.ahp {
		d.AHP = append(d.AHP, &raw.ahp[i])
	}
	d.Uncertainty = raw.Uncertainty
	d.Report = raw.Report
	d.fillReplication(raw)
	d.Reindex()
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func deref(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return *p
}

var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_\-]*$`)

// check finds every structural problem: identity, ids, the tree, weights
// and parameters. Method names are checked in scoring.Check.
func (d *Definition) check() ErrorList {
	errs, ok := d.checkListLimits()
	if !ok {
		return errs // the other checks would loop over the long lists
	}
	add := func(pos Pos, hint, format string, args ...any) {
		errs = append(errs, Errorf(pos, hint, format, args...))
	}
	if d.Index.Name == "" {
		add(d.KeyPos("index", 0, ""), `add name = "…" under [index]`, "the index has no name")
	}
	if d.Index.Regions == "" {
		add(d.KeyPos("index", 0, ""), `add regions = "regions.csv" under [index]`, "no regions file is named")
	}
	if d.Index.Year != 0 && (d.Index.Year < 1900 || d.Index.Year > 2100) {
		add(d.KeyPos("index", 0, "year"), "give a four-digit year such as 2017", "year %d is out of range", d.Index.Year)
	}
	for i, y := range d.Index.Years {
		switch {
		case y < 1900 || y > 2100:
			add(d.KeyPos("index", 0, "years"), "give four-digit years such as years = [2015, 2016, 2017]", "years: %d is out of range", y)
		case i > 0 && y <= d.Index.Years[i-1]:
			add(d.KeyPos("index", 0, "years"), "list each year once, in ascending order", "years: %d comes after %d", y, d.Index.Years[i-1])
		}
	}
	switch d.Scoring.Comparable {
	case "separate", "pooled":
	default:
		add(d.KeyPos("scoring", 0, "comparable"), `use comparable = "separate" (each year on its own) or "pooled" (all years' values together)`,
			"unknown comparability %q", d.Scoring.Comparable)
	}
	if !slices.Contains(MissingDimensionRules, d.Scoring.MissingDimension) {
		add(d.KeyPos("scoring", 0, "missing_dimension"), `use missing_dimension = "renormalise", "zero" or "unrated"`,
			"unknown missing_dimension rule %q", d.Scoring.MissingDimension)
	}
	errs = append(errs, d.checkReplication()...)
	switch strings.ToLower(d.Index.Encoding) {
	case "", "auto", "utf-8", "utf8", "gb18030", "gbk", "gb2312":
	default:
		add(d.KeyPos("index", 0, "encoding"), "use auto, utf-8 or gb18030", "unknown encoding %q", d.Index.Encoding)
	}
	sc := d.Scoring
	switch {
	case !(sc.Range[0] < sc.Range[1]):
		add(d.KeyPos("scoring", 0, "range"), "write range = [lo, hi] with lo < hi, e.g. [0, 100]", "range [%g, %g] is empty or inverted", sc.Range[0], sc.Range[1])
	case math.IsInf(sc.Range[0], 0) || math.IsInf(sc.Range[1], 0):
		add(d.KeyPos("scoring", 0, "range"), "write finite bounds, e.g. range = [0, 100]", "range [%g, %g] is not finite: scores must be numbers", sc.Range[0], sc.Range[1])
	}
	if sc.Round != nil && (*sc.Round < 0 || *sc.Round > 10) {
		add(d.KeyPos("scoring", 0, "round"), "use 0 to 10 decimals, or remove round for no rounding", "round = %d is out of range", *sc.Round)
	}
	if !(sc.MinCoverage >= 0 && sc.MinCoverage <= 1) { // NaN too
		add(d.KeyPos("scoring", 0, "min_coverage"), "give a share between 0 and 1, e.g. 0.5", "min_coverage = %g is not a share", sc.MinCoverage)
	}
	errs = append(errs, d.checkStars()...)
	errs = append(errs, d.checkCaps()...)
	if math.IsNaN(sc.Power) || math.IsInf(sc.Power, 0) || math.Abs(sc.Power) > 100 {
		errs = append(errs, Errorf(d.KeyPos("scoring", 0, "power"), "give a number between -100 and 100, e.g. power = 0.5", "power = %g is out of range", sc.Power))
	}
	for i, ind := range d.Indicators {
		if !(ind.Scale > 0) || math.IsInf(ind.Scale, 0) {
			errs = append(errs, Errorf(d.KeyPos("indicator", i, "scale"), "give a positive multiplier, e.g. scale = 10000 for per 10,000 people", "scale %g of indicator %q is not positive", ind.Scale, ind.ID))
		}
	}
	errs = append(errs, d.checkEffort()...)
	errs = append(errs, d.checkIndicatorLimit()...)
	errs = append(errs, d.checkTree()...)
	return errs
}

// checkCaps checks the [[cap]] entries: a cap below the top class, on a
// known dimension, with exactly one condition.
func (d *Definition) checkCaps() ErrorList {
	var errs ErrorList
	for i, c := range d.Caps {
		if c.Max < 1 || c.Max >= d.Stars.NumClasses() {
			errs = append(errs, Errorf(d.KeyPos("cap", i, "max"), fmt.Sprintf("give the highest rating allowed, from 1 to %d", d.Stars.NumClasses()-1),
				"cap max = %d is out of range", c.Max))
		}
		if c.Dimension != "" {
			if _, ok := d.dims[c.Dimension]; !ok {
				errs = append(errs, Errorf(d.KeyPos("cap", i, "dimension"), hintID(c.Dimension, d.dimIDs(), "name a [[dimension]] id, or leave it out for any top-level dimension"),
					"unknown dimension %q", c.Dimension))
			}
		}
		switch {
		case (c.BelowQuantile == nil) == (c.Below == nil):
			errs = append(errs, Errorf(d.KeyPos("cap", i, ""), "give either below_quantile = 0.25 (bottom quarter) or below = 40 (a score)",
				"a cap needs exactly one condition"))
		case c.BelowQuantile != nil && !(*c.BelowQuantile > 0 && *c.BelowQuantile < 1):
			errs = append(errs, Errorf(d.KeyPos("cap", i, "below_quantile"), "give a share between 0 and 1, e.g. 0.25",
				"below_quantile = %g is not a share", *c.BelowQuantile))
		case c.Below != nil && (math.IsNaN(*c.Below) || math.IsInf(*c.Below, 0)):
			errs = append(errs, Errorf(d.KeyPos("cap", i, "below"), "give a finite score", "below = %g is not a number", *c.Below))
		}
	}
	return errs
}

func (d *Definition) checkStars() ErrorList {
	var errs ErrorList
	st := d.Stars
	if st.Method == "thresholds" {
		if len(st.Thresholds) == 0 {
			errs = append(errs, Errorf(d.KeyPos("stars", 0, "thresholds"), "give at least one threshold, e.g. [20, 40, 60, 80]", "thresholds is empty"))
		}
		for i, x := range st.Thresholds {
			if math.IsNaN(x) {
				errs = append(errs, Errorf(d.KeyPos("stars", 0, "thresholds"), "list numbers in strictly ascending order",
					"threshold %d is not a number", i+1))
				break
			}
			if i > 0 && !(x > st.Thresholds[i-1]) {
				errs = append(errs, Errorf(d.KeyPos("stars", 0, "thresholds"), "list the thresholds in strictly ascending order",
					"thresholds are not ascending: %g comes after %g", x, st.Thresholds[i-1]))
				break
			}
		}
	} else if st.Classes < 2 || st.Classes > 10 {
		errs = append(errs, Errorf(d.KeyPos("stars", 0, "classes"), "use between 2 and 10 classes (5 gives 1–5 stars)", "classes = %d is out of range", st.Classes))
	}
	if len(st.Labels) > 0 && len(st.Labels) != st.NumClasses() {
		errs = append(errs, Errorf(d.KeyPos("stars", 0, "labels"), "give one label per class, lowest first",
			"%d labels for %d classes", len(st.Labels), st.NumClasses()))
	}
	return errs
}

func (d *Definition) checkTree() ErrorList {
	var errs ErrorList
	add := func(pos Pos, hint, format string, args ...any) {
		errs = append(errs, Errorf(pos, hint, format, args...))
	}
	if len(d.Dimensions) == 0 {
		add(Pos{File: d.File}, "declare at least one [[dimension]] with an id", "the index has no dimensions")
	}
	if len(d.Indicators) == 0 {
		add(Pos{File: d.File}, "declare at least one [[indicator]] with an id and a dimension", "the index has no indicators")
	}
	seen := map[string]Pos{}
	// A broken link (no or a duplicate id, an unknown parent or dimension,
	// a cycle) makes "dimension has no indicators" a consequence, not news;
	// a cycle would also make IndicatorsUnder loop.
	broken := len(d.Indicators) == 0
	checkID := func(table string, i int, id string) {
		if id == "" || seen[id] != (Pos{}) {
			broken = true
		}
		pos := d.KeyPos(table, i, "id")
		switch {
		case id == "":
			add(d.KeyPos(table, i, ""), `add id = "…"`, "%s #%d has no id", table, i+1)
		case !idPattern.MatchString(id):
			add(pos, "use letters, digits, _ and -, starting with a letter", "id %q is not a valid identifier", id)
		case id == "index":
			add(pos, "choose another id", `"index" is reserved for the whole index`)
		default:
			if first, dup := seen[id]; dup {
				add(pos, "give every dimension and indicator its own id", "duplicate id %q (first declared at %s)", id, first)
			} else {
				seen[id] = pos
			}
		}
	}
	for i, x := range d.Dimensions {
		checkID("dimension", i, x.ID)
		if x.Parent != "" {
			if _, ok := d.dims[x.Parent]; !ok {
				broken = true
				add(d.KeyPos("dimension", i, "parent"), hintID(x.Parent, d.dimIDs(), "parent must be the id of another [[dimension]]"), "unknown parent %q", x.Parent)
			}
		}
		if !(x.Weight > 0) || isInf(x.Weight) {
			add(d.KeyPos("dimension", i, "weight"), "give a positive weight; remove the dimension to leave it out", "weight %g of dimension %q is not positive", x.Weight, x.ID)
		}
	}
	for i, x := range d.Indicators {
		checkID("indicator", i, x.ID)
		if x.Dimension == "" {
			broken = true
			add(d.KeyPos("indicator", i, ""), `add dimension = "<dimension id>"`, "indicator %q belongs to no dimension", x.ID)
		} else if _, ok := d.dims[x.Dimension]; !ok {
			broken = true
			add(d.KeyPos("indicator", i, "dimension"), hintID(x.Dimension, d.dimIDs(), "name the id of a [[dimension]]"), "unknown dimension %q", x.Dimension)
		}
		if x.Direction != 1 && x.Direction != -1 {
			add(d.KeyPos("indicator", i, "direction"), "use 1 (higher is better) or -1 (lower is better)", "direction must be 1 or -1, not %d", x.Direction)
		}
		if !(x.Weight > 0) || isInf(x.Weight) {
			add(d.KeyPos("indicator", i, "weight"), "give a positive weight; remove the indicator to leave it out", "weight %g of indicator %q is not positive", x.Weight, x.ID)
		}
		if x.Goalposts != nil {
			switch {
			case len(x.Goalposts) != 2:
				add(d.KeyPos("indicator", i, "goalposts"), "write goalposts = [lo, hi]", "goalposts need exactly two values, got %d", len(x.Goalposts))
			case math.IsInf(x.Goalposts[0], 0) || math.IsInf(x.Goalposts[1], 0):
				add(d.KeyPos("indicator", i, "goalposts"), "write finite goalposts, e.g. goalposts = [0, 10]", "goalposts [%g, %g] are not finite", x.Goalposts[0], x.Goalposts[1])
			case !(x.Goalposts[0] < x.Goalposts[1]):
				add(d.KeyPos("indicator", i, "goalposts"), "write the lower goalpost first, [lo, hi] with lo < hi (direction handles lower-is-better)", "goalposts [%g, %g] are inverted or empty", x.Goalposts[0], x.Goalposts[1])
			}
		}
		if x.Target != nil && (math.IsNaN(*x.Target) || math.IsInf(*x.Target, 0)) {
			add(d.KeyPos("indicator", i, "target"), "give the value the indicator should reach, e.g. target = 8", "target %g is not a number", *x.Target)
		}
		if x.Source != "" && !strings.Contains(x.Source, ".") {
			add(d.KeyPos("indicator", i, "source"), `write source = "<collector>.<measure>", e.g. "policies.count"`, "source %q names no measure", x.Source)
		}
	}
	// Cycles and depth, in one pass over the parent links.
	if d.dimensionTree(add) {
		broken = true
	}
	if !broken {
		has := d.dimensionsWithIndicators()
		for i, x := range d.Dimensions {
			if !has[x.ID] {
				add(d.KeyPos("dimension", i, "id"), "add an indicator with dimension = \""+x.ID+"\" or remove the dimension", "dimension %q has no indicators", x.ID)
			}
		}
	}
	return errs
}

func isInf(x float64) bool { return x > 1e308 || x < -1e308 }

func (d *Definition) dimIDs() []string {
	out := make([]string, len(d.Dimensions))
	for i, x := range d.Dimensions {
		out[i] = x.ID
	}
	return out
}

// hintID suggests the closest known id, or lists the ids.
func hintID(got string, known []string, fallback string) string {
	if s := nearestKnown(got, known); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	if len(known) > 8 {
		known = append(known[:8:8], "…")
	}
	return fallback + " (" + strings.Join(known, ", ") + ")"
}

// nearestKnown returns the candidate closest to s when it is close enough
// to be a likely typo (one edit per three characters, a swap of two
// neighbours counting as one), "" otherwise.
func nearestKnown(s string, candidates []string) string {
	// Ids are short; comparing long text would cost the product of the
	// lengths in time and memory.
	const longest = 100
	if len(s) > 4*longest {
		return ""
	}
	best, bestD := "", len([]rune(s))/3+1
	for _, c := range candidates {
		if len(c) > 4*longest {
			continue
		}
		if dd := runeEditDistance(strings.ToLower(s), strings.ToLower(c)); dd < bestD {
			best, bestD = c, dd
		}
	}
	return best
}

// runeEditDistance is the optimal-string-alignment distance: insertions,
// deletions, substitutions and transpositions of neighbours each cost 1.
func runeEditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
