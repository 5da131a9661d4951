package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// Replication (`govindex calibrate`): the renderers of a
// scoring.CalibrateResult as a terminal table, Markdown, CSV (one row per
// candidate), JSON (the contract) and TOML (the recommended [scoring] and
// [stars], ready to paste).

var errNoCalibrate = errors.New("reports: no calibration result to render")

// CalibrateFormats lists the format names WriteCalibrate accepts.
func CalibrateFormats() []string { return []string{"table", "csv", "json", "md", "toml"} }

// calibrateTop is how many schemes the table and Markdown list.
const calibrateTop = 10

// WriteCalibrate renders res in the named format.
func WriteCalibrate(w io.Writer, format string, res *scoring.CalibrateResult, o Options) error {
	if res == nil || res.Def == nil || res.Published == nil {
		return errNoCalibrate
	}
	switch format {
	case "table":
		return writeCalibrateText(w, res, o, false)
	case "md":
		return writeCalibrateText(w, res, o, true)
	case "csv":
		return writeCalibrateCSV(w, res)
	case "json":
		return EncodeJSON(w, JSONCalibrateResult(res))
	case "toml":
		return writeCalibrateTOML(w, res, o)
	}
	return fmt.Errorf("reports: calibrate has no %q format (want one of %s)", format, strings.Join(CalibrateFormats(), ", "))
}

// ---------------------------------------------------------------------------
// JSON

// JSONCalibrate is the `calibrate --format json` document. The contract
// keys are candidates, consistent, recommended, schemes, choices and
// thresholds; the rest are extensions.
type JSONCalibrate struct {
	Candidates  int                   `json:"candidates"`
	Consistent  int                   `json:"consistent"`
	Failed      int                   `json:"failed"`
	Year        int                   `json:"year,omitempty"`
	Published   string                `json:"published"`
	Settings    []string              `json:"settings"`
	Recommended *JSONCalibrateScheme  `json:"recommended"`
	Schemes     []JSONCalibrateScheme `json:"schemes"`
	Choices     []JSONCalibrateChoice `json:"choices"`
	Thresholds  []JSONThreshold       `json:"thresholds"`
}

// JSONCalibrateScheme is one candidate: its settings (every key of
// [calibrate], in the order written) and its agreement. Regions, on the
// recommended scheme only, gives each published region's figures.
type JSONCalibrateScheme struct {
	Scheme          orderedSettings       `json:"scheme"`
	Candidate       int                   `json:"candidate"`
	Consistent      bool                  `json:"consistent"`
	StarsMatched    int                   `json:"stars_matched"`
	RanksMatched    int                   `json:"ranks_matched"`
	KendallTau      JSONFloat             `json:"kendall_tau"`
	ScoreRMSE       JSONFloat             `json:"score_rmse"`
	ScoresMatched   int                   `json:"scores_matched"`
	StarsPublished  int                   `json:"stars_published"`
	RanksPublished  int                   `json:"ranks_published"`
	ScoresPublished int                   `json:"scores_published"`
	Differs         int                   `json:"differs"`
	Failed          string                `json:"failed,omitempty"`
	Regions         []JSONCalibrateRegion `json:"regions,omitempty"`
}

// JSONCalibrateRegion is a published region's figures, published and
// computed; a figure not published is null (stars: "").
type JSONCalibrateRegion struct {
	Code           string     `json:"code"`
	Name           string     `json:"name"`
	Rated          bool       `json:"rated"`
	PublishedStars string     `json:"published_stars,omitempty"`
	Stars          int        `json:"stars,omitempty"`
	StarsMatched   *bool      `json:"stars_matched,omitempty"`
	PublishedRank  int        `json:"published_rank,omitempty"`
	Rank           int        `json:"rank,omitempty"`
	RankMatched    *bool      `json:"rank_matched,omitempty"`
	PublishedScore *JSONFloat `json:"published_score,omitempty"`
	Score          *JSONFloat `json:"score,omitempty"`
	ScoreMatched   *bool      `json:"score_matched,omitempty"`
}

// JSONCalibrateChoice is one alternative of one setting.
type JSONCalibrateChoice struct {
	Setting         string    `json:"setting"`
	Value           any       `json:"value"`
	ConsistentShare JSONFloat `json:"consistent_share"`
	Candidates      int       `json:"candidates"`
	Consistent      int       `json:"consistent"`
}

// JSONThreshold is where the threshold of a star class may lie: above
// from, up to and including to (null: unbounded on that side).
type JSONThreshold struct {
	Stars   int        `json:"stars"`
	From    *JSONFloat `json:"from"`
	To      *JSONFloat `json:"to"`
	Current *JSONFloat `json:"current,omitempty"`
	Empty   bool       `json:"empty,omitempty"`
}

// orderedSettings marshals as a JSON object with its keys in order.
type orderedSettings struct {
	keys []string
	vals []any
}

// MarshalJSON implements json.Marshaler.
func (s orderedSettings) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range s.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := json.Marshal(s.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func jsonPtr(x float64) *JSONFloat {
	f := JSONFloat(x)
	return &f
}

func boolPtr(b bool) *bool { return &b }

// JSONCalibrateResult builds the JSON document of a calibration.
func JSONCalibrateResult(res *scoring.CalibrateResult) *JSONCalibrate {
	doc := &JSONCalibrate{Candidates: res.Candidates, Consistent: res.Consistent, Failed: res.Failed, Year: res.Year,
		Published: res.Published.File, Settings: append([]string{}, res.Settings...),
		Schemes: []JSONCalibrateScheme{}, Choices: []JSONCalibrateChoice{}, Thresholds: []JSONThreshold{}}
	for _, s := range res.Schemes {
		doc.Schemes = append(doc.Schemes, jsonScheme(res, s))
	}
	if res.Recommended != nil {
		rec := jsonScheme(res, res.Recommended)
		rec.Regions = []JSONCalibrateRegion{}
		for _, o := range res.Outcomes {
			p := o.Published
			jr := JSONCalibrateRegion{Code: p.Region.Code, Name: p.Region.Name, Rated: o.Rated}
			if p.StarsLo > 0 {
				jr.PublishedStars = starsRange(p)
				jr.StarsMatched = boolPtr(o.StarsOK)
			}
			if p.Rank > 0 {
				jr.PublishedRank, jr.RankMatched = p.Rank, boolPtr(o.RankOK)
			}
			if p.HasScore {
				jr.PublishedScore, jr.ScoreMatched = jsonPtr(p.Score), boolPtr(o.ScoreOK)
			}
			if o.Rated {
				jr.Stars, jr.Rank, jr.Score = o.Stars, o.Rank, jsonPtr(o.Score)
			}
			rec.Regions = append(rec.Regions, jr)
		}
		doc.Recommended = &rec
	}
	for _, c := range res.Choices {
		share := JSONFloat(c.ConsistentShare)
		if res.Consistent == 0 {
			share = JSONFloat(math.NaN())
		}
		doc.Choices = append(doc.Choices, JSONCalibrateChoice{Setting: c.Setting, Value: c.Value,
			ConsistentShare: share, Candidates: c.Candidates, Consistent: c.Consistent})
	}
	for _, t := range res.Thresholds {
		jt := JSONThreshold{Stars: t.Stars, Empty: t.Empty()}
		if t.HasFrom {
			jt.From = jsonPtr(t.From)
		}
		if t.HasTo {
			jt.To = jsonPtr(t.To)
		}
		if t.HasCurrent {
			jt.Current = jsonPtr(t.Current)
		}
		doc.Thresholds = append(doc.Thresholds, jt)
	}
	return doc
}

func jsonScheme(res *scoring.CalibrateResult, s *scoring.Scheme) JSONCalibrateScheme {
	return JSONCalibrateScheme{
		Scheme: orderedSettings{keys: res.Settings, vals: s.Values}, Candidate: s.Number, Consistent: s.Consistent,
		StarsMatched: s.StarsMatched, RanksMatched: s.RanksMatched, KendallTau: JSONFloat(s.KendallTau),
		ScoreRMSE: JSONFloat(s.ScoreRMSE), ScoresMatched: s.ScoresMatched, StarsPublished: s.StarsPublished,
		RanksPublished: s.RanksPublished, ScoresPublished: s.ScoresPublished, Differs: s.Differs, Failed: s.Failed,
	}
}

// starsRange writes a published rating: "5" or "1-4".
func starsRange(p indicators.PublishedRow) string {
	if p.StarsLo == p.StarsHi {
		return strconv.Itoa(p.StarsLo)
	}
	return fmt.Sprintf("%d-%d", p.StarsLo, p.StarsHi)
}

// ---------------------------------------------------------------------------
// CSV: one row per candidate, best first.

func writeCalibrateCSV(w io.Writer, res *scoring.CalibrateResult) error {
	cw := csv.NewWriter(w)
	header := []string{"order", "candidate", "consistent", "stars_matched", "stars_published", "ranks_matched", "ranks_published",
		"scores_matched", "scores_published", "kendall_tau", "score_rmse", "differs", "failed"}
	header = append(header, res.Settings...)
	if err := cw.Write(textCells(header)); err != nil {
		return err
	}
	for i, s := range res.Schemes {
		row := []string{strconv.Itoa(i + 1), strconv.Itoa(s.Number), strconv.FormatBool(s.Consistent),
			strconv.Itoa(s.StarsMatched), strconv.Itoa(s.StarsPublished), strconv.Itoa(s.RanksMatched), strconv.Itoa(s.RanksPublished),
			strconv.Itoa(s.ScoresMatched), strconv.Itoa(s.ScoresPublished), formatNumber(s.KendallTau), formatNumber(s.ScoreRMSE),
			strconv.Itoa(s.Differs), text(s.Failed)}
		for _, v := range s.Values {
			row = append(row, text(settingText(v)))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// settingText writes a setting value for people: names bare, lists in
// brackets.
func settingText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return indicators.FormatSetting(v)
}

// ---------------------------------------------------------------------------
// TOML: the recommended scheme, to paste into index.toml.

func writeCalibrateTOML(w io.Writer, res *scoring.CalibrateResult, o Options) error {
	lang := o.lang()
	var b strings.Builder
	rec := res.Recommended
	if rec == nil || res.RecommendedDef == nil {
		fmt.Fprintf(&b, "# %s\n", calMsg(lang, cmNoneScored, res.Candidates))
		_, err := io.WriteString(w, b.String())
		return err
	}
	def := res.RecommendedDef
	if rec.Consistent {
		fmt.Fprintf(&b, "# %s\n", calMsg(lang, cmTOMLConsistent, res.Consistent, res.Candidates, res.Published.File))
	} else {
		fmt.Fprintf(&b, "# %s\n", calMsg(lang, cmTOMLBest, res.Candidates, res.Published.File))
	}
	sc := def.Scoring
	b.WriteString("\n[scoring]\n")
	line := func(k string, v any) { fmt.Fprintf(&b, "%s = %s\n", k, indicators.FormatSetting(v)) }
	line("impute", sc.Impute)
	line("treat", sc.Treat)
	line("normalise", sc.Normalise)
	line("range", sc.Range)
	line("weights", sc.Weights)
	line("aggregate", sc.Aggregate)
	if sc.Power != 1 {
		line("power", sc.Power)
	}
	line("ties", sc.Ties)
	if sc.Round != nil {
		line("round", *sc.Round)
	}
	line("min_coverage", sc.MinCoverage)
	if sc.Reference != "" {
		line("reference", sc.Reference)
	}
	line("comparable", sc.Comparable)
	line("missing_dimension", sc.MissingDimension)
	b.WriteString("\n[stars]\n")
	line("method", def.Stars.Method)
	if def.Stars.Method == "thresholds" {
		line("thresholds", def.Stars.Thresholds)
	} else {
		line("classes", def.Stars.Classes)
	}
	if len(def.Stars.Labels) > 0 {
		line("labels", def.Stars.Labels)
	}
	for j, k := range res.Settings {
		if k == "complete" {
			fmt.Fprintf(&b, "\n# %s\n", calMsg(lang, cmTOMLComplete, indicators.FormatSetting(rec.Values[j])))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ---------------------------------------------------------------------------
// Table and Markdown

func writeCalibrateText(w io.Writer, res *scoring.CalibrateResult, o Options, md bool) error {
	lang := o.lang()
	var b strings.Builder
	cell := func(s string) string {
		if md {
			return EscapeMarkdown(s)
		}
		return oneLine(s)
	}
	grid := func(rows [][]string, right []bool) {
		for _, r := range rows {
			for i := range r {
				r[i] = cell(r[i])
			}
		}
		if md {
			b.WriteString("| " + strings.Join(rows[0], " | ") + " |\n|")
			for i := range rows[0] {
				if right[i] {
					b.WriteString(" ---: |")
				} else {
					b.WriteString(" --- |")
				}
			}
			b.WriteByte('\n')
			for _, r := range rows[1:] {
				b.WriteString("| " + strings.Join(r, " | ") + " |\n")
			}
			return
		}
		writeTextGrid(&b, rows, right)
	}
	heading := func(s string) {
		if md {
			b.WriteString("## " + cell(s) + "\n\n")
		} else {
			b.WriteString(cell(s) + "\n\n")
		}
	}
	para := func(s string) { b.WriteString(cell(s) + "\n") }

	head := calMsg(lang, cmTitle)
	if n := indexName(res.Def, lang); n != "" {
		head += Message(lang, msgTitleSep) + n
	}
	if res.Year != 0 {
		head += Message(lang, msgTitleSep) + msgf(lang, msgYear, res.Year)
	}
	if md {
		b.WriteString("# " + cell(head) + "\n\n")
	} else {
		b.WriteString(cell(head) + "\n\n")
	}
	para(calMsg(lang, cmPublished, res.Published.File, len(res.Published.Rows)))
	para(calMsg(lang, cmCounts, res.Candidates, res.Consistent, res.Failed))
	b.WriteByte('\n')

	rec := res.Recommended
	if rec == nil {
		para(calMsg(lang, cmNoneScored, res.Candidates))
		if len(res.Schemes) > 0 {
			para(calMsg(lang, cmFirstFailure, res.Schemes[0].Failed))
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	if rec.Consistent {
		heading(calMsg(lang, cmRecommended, rec.Differs))
	} else {
		heading(calMsg(lang, cmBestAgreeing, rec.Differs))
	}
	para(schemeText(res, rec))
	para(agreementText(lang, rec))
	b.WriteByte('\n')

	// The published regions under the recommended scheme.
	classes := res.RecommendedDef.Stars.NumClasses()
	dec := decimals(res.RecommendedDef)
	rows := [][]string{{calMsg(lang, cmRegion), calMsg(lang, cmPubStars), calMsg(lang, cmStars), calMsg(lang, cmPubRank),
		calMsg(lang, cmRank), calMsg(lang, cmPubScore), calMsg(lang, cmScore), calMsg(lang, cmMatch)}}
	dash := Message(lang, msgMissingCell)
	for _, o := range res.Outcomes {
		p := o.Published
		row := []string{regionName(p.Region, lang), dash, dash, dash, dash, dash, dash, ""}
		if p.StarsLo > 0 {
			row[1] = starsRangeGlyphs(p, classes)
		}
		if p.Rank > 0 {
			row[3] = strconv.Itoa(p.Rank)
		}
		if p.HasScore {
			row[5] = p.ScoreText
		}
		if o.Rated {
			row[2], row[4], row[6] = StarGlyphs(o.Stars, classes), strconv.Itoa(o.Rank), formatScore(o.Score, dec)
		} else {
			row[2] = calMsg(lang, cmUnrated)
		}
		ok := (p.StarsLo == 0 || o.StarsOK) && (p.Rank == 0 || o.RankOK) && (!p.HasScore || o.ScoreOK)
		row[7] = calMsg(lang, cmYes)
		if !ok {
			row[7] = calMsg(lang, cmNo)
		}
		rows = append(rows, row)
	}
	grid(rows, []bool{false, false, false, true, true, true, true, false})
	b.WriteByte('\n')

	if len(res.Thresholds) > 0 {
		heading(calMsg(lang, cmThresholds))
		rows = [][]string{{calMsg(lang, cmStars), calMsg(lang, cmCurrent), calMsg(lang, cmInterval)}}
		for _, t := range res.Thresholds {
			cur := dash
			if t.HasCurrent {
				cur = formatNumber(t.Current)
			}
			rows = append(rows, []string{StarGlyphs(t.Stars, classes), cur, intervalText(lang, t)})
		}
		grid(rows, []bool{false, true, false})
		b.WriteByte('\n')
	}

	if len(res.Choices) > 0 {
		heading(calMsg(lang, cmChoices))
		rows = [][]string{{calMsg(lang, cmSetting), calMsg(lang, cmValue), calMsg(lang, cmCandidates), calMsg(lang, cmConsistent), calMsg(lang, cmShare)}}
		for _, c := range res.Choices {
			share := dash
			if res.Consistent > 0 {
				share = strconv.FormatFloat(100*c.ConsistentShare, 'f', 1, 64) + "%"
			}
			rows = append(rows, []string{c.Setting, settingText(c.Value), strconv.Itoa(c.Candidates), strconv.Itoa(c.Consistent), share})
		}
		grid(rows, []bool{false, false, true, true, true})
		b.WriteByte('\n')
	}

	heading(calMsg(lang, cmSchemes, min(calibrateTop, len(res.Schemes))))
	rows = [][]string{{"#", calMsg(lang, cmConsistent), calMsg(lang, cmStars), calMsg(lang, cmRank), "τ", "RMSE", calMsg(lang, cmScheme)}}
	for _, s := range res.Schemes[:min(calibrateTop, len(res.Schemes))] {
		cons := calMsg(lang, cmNo)
		if s.Consistent {
			cons = calMsg(lang, cmYes)
		}
		if s.Failed != "" {
			cons = calMsg(lang, cmFailed)
		}
		rows = append(rows, []string{strconv.Itoa(s.Number), cons,
			fmt.Sprintf("%d/%d", s.StarsMatched, s.StarsPublished), fmt.Sprintf("%d/%d", s.RanksMatched, s.RanksPublished),
			orDashF(s.KendallTau, 3, dash), orDashF(s.ScoreRMSE, 3, dash), schemeText(res, s)})
	}
	grid(rows, []bool{true, false, true, true, true, true, false})
	_, err := io.WriteString(w, b.String())
	return err
}

func orDashF(x float64, dec int, dash string) string {
	if math.IsNaN(x) {
		return dash
	}
	return strconv.FormatFloat(x, 'f', dec, 64)
}

// schemeText lists a scheme's settings: key = value, ….
func schemeText(res *scoring.CalibrateResult, s *scoring.Scheme) string {
	parts := make([]string, len(res.Settings))
	for j, k := range res.Settings {
		parts[j] = k + " = " + settingText(s.Values[j])
	}
	if len(parts) == 0 {
		return "index.toml"
	}
	return strings.Join(parts, ", ")
}

func agreementText(lang string, s *scoring.Scheme) string {
	dash := Message(lang, msgMissingCell)
	return calMsg(lang, cmAgreement, s.StarsMatched, s.StarsPublished, s.RanksMatched, s.RanksPublished,
		s.ScoresMatched, s.ScoresPublished, orDashF(s.KendallTau, 3, dash), orDashF(s.ScoreRMSE, 3, dash))
}

func starsRangeGlyphs(p indicators.PublishedRow, classes int) string {
	if p.StarsLo == p.StarsHi {
		return StarGlyphs(p.StarsLo, max(classes, p.StarsHi))
	}
	return fmt.Sprintf("%d–%d★", p.StarsLo, p.StarsHi)
}

func intervalText(lang string, t scoring.ThresholdInterval) string {
	lo, hi := "−∞", "+∞"
	if t.HasFrom {
		lo = formatNumber(t.From)
	}
	if t.HasTo {
		hi = formatNumber(t.To)
	}
	s := "(" + lo + ", " + hi
	if t.HasTo {
		s += "]"
	} else {
		s += ")"
	}
	if t.Empty() {
		s += " " + calMsg(lang, cmEmpty)
	}
	return s
}
