package reports

import (
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/govindex/govindex/scoring"
)

// JSONDoc is the "JSON results" document of DESIGN.md. Commands that add
// to it (robust, audit) embed it in a struct of their own or add a field
// tagged omitempty, so the contract keys stay as they are.
type JSONDoc struct {
	Index   JSONIndex    `json:"index"`
	Method  JSONMethod   `json:"method"`
	Years   *JSONYears   `json:"years,omitempty"` // extension: multi-year results only
	Regions []JSONRegion `json:"regions"`
	Weights []JSONWeight `json:"weights"`
	// Treatments and Caps are extensions: what outlier treatment changed and
	// which ratings a star cap lowered.
	Treatments []JSONTreatment `json:"treatments,omitempty"`
	Caps       []JSONCap       `json:"caps,omitempty"`
}

// JSONTreatment is one indicator changed by outlier treatment.
type JSONTreatment struct {
	Indicator string `json:"indicator"`
	Applied   string `json:"applied"`
	Changed   int    `json:"changed"`
	Detail    string `json:"detail,omitempty"`
}

// JSONCap is one rating lowered by a star cap.
type JSONCap struct {
	Region    string `json:"region"`
	Cap       int    `json:"cap"` // 1-based position of the [[cap]] entry
	Dimension string `json:"dimension"`
	From      int    `json:"from"`
	To        int    `json:"to"`
}

// JSONIndex identifies the index, the program and the inputs.
type JSONIndex struct {
	Name         string `json:"name"`
	NameEn       string `json:"name_en,omitempty"` // extension
	Edition      string `json:"edition"`
	Year         int    `json:"year"`
	Engine       string `json:"engine"`
	ConfigSHA256 string `json:"config_sha256"`
	DataSHA256   string `json:"data_sha256"`
}

// JSONMethod names the methods used.
type JSONMethod struct {
	Normalise string `json:"normalise"`
	Weights   string `json:"weights"`
	Aggregate string `json:"aggregate"`
	Stars     string `json:"stars"`
}

// JSONRegion is one region's result. A rated region has Rank, Score and
// Stars (and Class when labels are set) and no "rated" key; an unrated one
// has "rated": false, a Reason and none of those keys.
type JSONRegion struct {
	Code       string          `json:"code"`
	Name       string          `json:"name"`
	NameEn     string          `json:"name_en,omitempty"` // extension
	Rated      *bool           `json:"rated,omitempty"`
	Reason     string          `json:"reason,omitempty"`
	Rank       *int            `json:"rank,omitempty"`
	Score      *JSONFloat      `json:"score,omitempty"`
	Stars      *int            `json:"stars,omitempty"`
	Class      string          `json:"class,omitempty"`
	Change     *JSONChange     `json:"change,omitempty"` // extension: since the previous rated year
	Trend      *JSONTrend      `json:"trend,omitempty"`  // extension: over the rated years
	Coverage   JSONFloat       `json:"coverage"`         // extension
	Dimensions []JSONDimension `json:"dimensions"`
	Indicators []JSONIndicator `json:"indicators"`
}

// JSONDimension is a region's result on one dimension; a dimension with no
// data has a null score and no rank, stars or class.
type JSONDimension struct {
	ID    string    `json:"id"`
	Score JSONFloat `json:"score"`
	Rank  *int      `json:"rank,omitempty"`
	Stars *int      `json:"stars,omitempty"`
	Class string    `json:"class,omitempty"`
	// NoData (extension) is set when the region has no value in the
	// dimension: [scoring] missing_dimension says how it was scored.
	NoData bool `json:"no_data,omitempty"`
}

// JSONIndicator is a region's values of one indicator along the pipeline;
// missing values are null.
type JSONIndicator struct {
	ID         string    `json:"id"`
	Raw        JSONFloat `json:"raw"`
	Value      JSONFloat `json:"value"`
	Normalised JSONFloat `json:"normalised"`
	Imputed    bool      `json:"imputed"`
	Source     string    `json:"source"`
}

// JSONWeight is one node of the framework tree with its weight within its
// parent ("" at the top level) and its effective weight.
type JSONWeight struct {
	ID        string    `json:"id"`
	Parent    string    `json:"parent"`
	Weight    JSONFloat `json:"weight"`
	Effective JSONFloat `json:"effective"`
	Kind      string    `json:"kind,omitempty"` // extension: "dimension" or "indicator"
}

// JSONFloat is a float64 that encodes NaN and ±Inf as null and every other
// value as encoding/json does (shortest representation).
type JSONFloat float64

// MarshalJSON implements json.Marshaler.
func (f JSONFloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	return appendJSONFloat(make([]byte, 0, 24), x), nil
}

// UnmarshalJSON implements json.Unmarshaler: null reads as NaN.
func (f *JSONFloat) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = JSONFloat(math.NaN())
		return nil
	}
	var x float64
	if err := json.Unmarshal(b, &x); err != nil {
		return err
	}
	*f = JSONFloat(x)
	return nil
}

// JSONResult builds the JSON document of r. It does not depend on o.Lang:
// names are given as written in the data, with name_en beside them. It
// returns nil when r or r.Def is nil.
func JSONResult(r *scoring.Result, o Options) *JSONDoc {
	if check(r) != nil {
		return nil
	}
	def := r.Def
	doc := &JSONDoc{
		Index: JSONIndex{
			Name:         def.Index.Name,
			NameEn:       def.Index.NameEn,
			Edition:      def.Index.Edition,
			Year:         r.Year,
			Engine:       o.engine(),
			ConfigSHA256: def.SHA256,
		},
		Method: JSONMethod{
			Normalise: r.Method.Normalise,
			Weights:   r.Method.Weights,
			Aggregate: r.Method.Aggregate,
			Stars:     r.Method.Stars,
		},
		Years:   jsonYears(r),
		Regions: make([]JSONRegion, 0, len(r.Regions)),
		Weights: make([]JSONWeight, 0, len(r.Weights)),
	}
	if r.Data != nil {
		doc.Index.DataSHA256 = r.Data.SHA256
	}
	for _, rr := range r.Regions {
		doc.Regions = append(doc.Regions, jsonRegion(r, rr))
	}
	for _, t := range r.Treatments {
		doc.Treatments = append(doc.Treatments, JSONTreatment{Indicator: t.Indicator, Applied: t.Applied, Changed: t.Changed, Detail: t.Detail})
	}
	for _, c := range r.Caps {
		doc.Caps = append(doc.Caps, JSONCap{Region: c.Region, Cap: c.Cap + 1, Dimension: c.Dimension, From: c.From, To: c.To})
	}
	for _, wr := range r.Weights {
		doc.Weights = append(doc.Weights, JSONWeight{
			ID: wr.ID, Parent: wr.Parent, Kind: wr.Kind,
			Weight: JSONFloat(wr.Weight), Effective: JSONFloat(wr.Effective),
		})
	}
	return doc
}

func jsonRegion(r *scoring.Result, rr *scoring.RegionResult) JSONRegion {
	def := r.Def
	reg := JSONRegion{
		Code:       rr.Region.Code,
		Name:       rr.Region.Name,
		NameEn:     rr.Region.NameEn,
		Coverage:   JSONFloat(rr.Coverage),
		Dimensions: make([]JSONDimension, 0, len(rr.Dimensions)),
		Indicators: make([]JSONIndicator, 0, len(rr.Indicators)),
	}
	if rr.Rated {
		score := JSONFloat(rr.Score)
		reg.Rank, reg.Score = ptr(rr.Rank), &score
		reg.Stars = positivePtr(rr.Stars)
		reg.Class = classLabel(def, rr.Class, rr.Stars)
		if r.Series != nil {
			reg.Change = jsonChange(r, rr.Region.Code)
			reg.Trend = jsonTrend(r, rr.Region.Code)
		}
	} else {
		reg.Rated = ptr(false)
		reg.Reason = rr.Reason
	}
	for _, n := range rr.Dimensions {
		if n == nil {
			continue
		}
		d := JSONDimension{ID: n.ID, Score: JSONFloat(math.NaN()), NoData: rr.Rated && slices.Contains(rr.NoData, n.ID)}
		if !n.Missing {
			d.Score = JSONFloat(n.Score)
			d.Rank = positivePtr(n.Rank)
			d.Stars = positivePtr(n.Stars)
			d.Class = classLabel(def, n.Class, n.Stars)
		}
		reg.Dimensions = append(reg.Dimensions, d)
	}
	for _, s := range rr.Indicators {
		if s == nil {
			continue
		}
		reg.Indicators = append(reg.Indicators, JSONIndicator{
			ID:         s.ID,
			Raw:        JSONFloat(s.Raw),
			Value:      JSONFloat(s.Value),
			Normalised: JSONFloat(s.Normalised),
			Imputed:    s.Imputed,
			Source:     s.Source,
		})
	}
	return reg
}

func ptr[T any](v T) *T { return &v }

// positivePtr is &n for n > 0, nil otherwise (no rank, no stars).
func positivePtr(n int) *int {
	if n <= 0 {
		return nil
	}
	return &n
}

// WriteJSON writes JSONResult(r, o) indented with two spaces and a
// trailing newline.
func WriteJSON(w io.Writer, r *scoring.Result, o Options) error {
	if err := check(r); err != nil {
		return err
	}
	return EncodeJSON(w, JSONResult(r, o))
}

// EncodeJSON writes v the way WriteJSON does (two-space indent, trailing
// newline, <, > and & escaped), for documents that extend JSONDoc.
func EncodeJSON(w io.Writer, v any) error {
	// The large documents are written by hand, byte for byte as
	// encoding/json would.
	switch doc := v.(type) {
	case *JSONDoc:
		if doc != nil {
			return writeJSONDoc(w, doc)
		}
	case *JSONRobust:
		if doc != nil {
			return writeJSONRobust(w, doc)
		}
	}
	return encodeJSONReflect(w, v)
}

// encodeJSONReflect is EncodeJSON through encoding/json.
func encodeJSONReflect(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// jsonWriter appends JSON the way EncodeJSON writes it (encoding/json with
// a two-space indent and HTML escaping), for the large documents (JSONDoc
// and JSONRobust) that are written by hand for speed. empty holds, for
// each open object or array, whether nothing has been written in it yet.
//
// It streams: whole regions are appended to b, which is passed on to out
// once it passes jsonFlushSize, so a document of any size needs only a
// small buffer and is never copied whole.
type jsonWriter struct {
	b     []byte
	empty []bool
	out   io.Writer
	err   error
}

// jsonFlushSize is the buffered size at which jsonWriter writes to its
// destination: large enough that writes are few, small enough to stay in
// cache.
const jsonFlushSize = 256 << 10

// newJSONWriter returns a jsonWriter that writes to out.
func newJSONWriter(out io.Writer) *jsonWriter {
	return &jsonWriter{b: make([]byte, 0, jsonFlushSize+jsonFlushSize/4), out: out}
}

// flush passes the buffer on to the destination once it is large; the
// first write error is kept and returned by finish.
func (w *jsonWriter) flush() {
	if len(w.b) < jsonFlushSize {
		return
	}
	if w.err == nil {
		_, w.err = w.out.Write(w.b)
	}
	w.b = w.b[:0]
}

func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	for range len(w.empty) {
		w.b = append(w.b, ' ', ' ')
	}
}

func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.empty = append(w.empty, true)
}

func (w *jsonWriter) close(c byte) {
	empty := w.empty[len(w.empty)-1]
	w.empty = w.empty[:len(w.empty)-1]
	if !empty {
		w.newline()
	}
	w.b = append(w.b, c)
}

// elem starts an element of the innermost array (or a member of the
// innermost object).
func (w *jsonWriter) elem() {
	top := &w.empty[len(w.empty)-1]
	if !*top {
		w.b = append(w.b, ',')
	}
	*top = false
	w.newline()
}

// key starts the member name of the innermost object; name needs no
// escaping.
func (w *jsonWriter) key(name string) {
	w.elem()
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':', ' ')
}

func (w *jsonWriter) str(s string) {
	w.b = appendJSONString(w.b, s)
}

func (w *jsonWriter) int(n int64) {
	w.b = strconv.AppendInt(w.b, n, 10)
}

func (w *jsonWriter) bool(v bool) {
	w.b = strconv.AppendBool(w.b, v)
}

func (w *jsonWriter) float(f JSONFloat) {
	w.b = appendJSONFloat(w.b, float64(f))
}

func (w *jsonWriter) strings(list []string) {
	if list == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open('[')
	for _, s := range list {
		w.elem()
		w.str(s)
	}
	w.close(']')
}

// appendJSONString appends s as encoding/json encodes it with HTML
// escaping; strings with nothing to escape are copied directly.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return appendJSONStringSlow(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == '\u2028' || r == '\u2029' {
			return appendJSONStringSlow(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendJSONStringSlow(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always encodes
	return append(b, q...)
}

// appendJSONFloat appends f as JSONFloat.MarshalJSON writes it: null for
// NaN and ±Inf, otherwise as encoding/json writes a float64 (ES6 number
// formatting).
func appendJSONFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// finish writes the finished document with its trailing newline.
func (w *jsonWriter) finish() error {
	w.b = append(w.b, '\n')
	if w.err == nil {
		_, w.err = w.out.Write(w.b)
	}
	return w.err
}

func (w *jsonWriter) index(x JSONIndex) {
	w.open('{')
	w.key("name")
	w.str(x.Name)
	if x.NameEn != "" {
		w.key("name_en")
		w.str(x.NameEn)
	}
	w.key("edition")
	w.str(x.Edition)
	w.key("year")
	w.int(int64(x.Year))
	w.key("engine")
	w.str(x.Engine)
	w.key("config_sha256")
	w.str(x.ConfigSHA256)
	w.key("data_sha256")
	w.str(x.DataSHA256)
	w.close('}')
}

func (w *jsonWriter) method(x JSONMethod) {
	w.open('{')
	w.key("normalise")
	w.str(x.Normalise)
	w.key("weights")
	w.str(x.Weights)
	w.key("aggregate")
	w.str(x.Aggregate)
	w.key("stars")
	w.str(x.Stars)
	w.close('}')
}

// regionFields writes the members of a region, leaving its object open.
func (w *jsonWriter) regionFields(x *JSONRegion) {
	w.key("code")
	w.str(x.Code)
	w.key("name")
	w.str(x.Name)
	if x.NameEn != "" {
		w.key("name_en")
		w.str(x.NameEn)
	}
	if x.Rated != nil {
		w.key("rated")
		w.bool(*x.Rated)
	}
	if x.Reason != "" {
		w.key("reason")
		w.str(x.Reason)
	}
	if x.Rank != nil {
		w.key("rank")
		w.int(int64(*x.Rank))
	}
	if x.Score != nil {
		w.key("score")
		w.float(*x.Score)
	}
	if x.Stars != nil {
		w.key("stars")
		w.int(int64(*x.Stars))
	}
	if x.Class != "" {
		w.key("class")
		w.str(x.Class)
	}
	if x.Change != nil {
		w.key("change")
		w.change(x.Change)
	}
	if x.Trend != nil {
		w.key("trend")
		w.trend(x.Trend)
	}
	w.key("coverage")
	w.float(x.Coverage)
	w.key("dimensions")
	if x.Dimensions == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.open('[')
		for i := range x.Dimensions {
			d := &x.Dimensions[i]
			w.elem()
			w.open('{')
			w.key("id")
			w.str(d.ID)
			w.key("score")
			w.float(d.Score)
			if d.Rank != nil {
				w.key("rank")
				w.int(int64(*d.Rank))
			}
			if d.Stars != nil {
				w.key("stars")
				w.int(int64(*d.Stars))
			}
			if d.Class != "" {
				w.key("class")
				w.str(d.Class)
			}
			if d.NoData {
				w.key("no_data")
				w.b = append(w.b, "true"...)
			}
			w.close('}')
		}
		w.close(']')
	}
	w.key("indicators")
	if x.Indicators == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.open('[')
		for i := range x.Indicators {
			s := &x.Indicators[i]
			w.elem()
			w.open('{')
			w.key("id")
			w.str(s.ID)
			w.key("raw")
			w.float(s.Raw)
			w.key("value")
			w.float(s.Value)
			w.key("normalised")
			w.float(s.Normalised)
			w.key("imputed")
			w.bool(s.Imputed)
			w.key("source")
			w.str(s.Source)
			w.close('}')
		}
		w.close(']')
	}
}

// tail writes weights, treatments and caps, the members after the regions.
func (w *jsonWriter) tail(weights []JSONWeight, treatments []JSONTreatment, caps []JSONCap) {
	w.key("weights")
	if weights == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.open('[')
		for _, x := range weights {
			w.elem()
			w.open('{')
			w.key("id")
			w.str(x.ID)
			w.key("parent")
			w.str(x.Parent)
			w.key("weight")
			w.float(x.Weight)
			w.key("effective")
			w.float(x.Effective)
			if x.Kind != "" {
				w.key("kind")
				w.str(x.Kind)
			}
			w.close('}')
		}
		w.close(']')
	}
	if len(treatments) > 0 {
		w.key("treatments")
		w.open('[')
		for _, x := range treatments {
			w.elem()
			w.open('{')
			w.key("indicator")
			w.str(x.Indicator)
			w.key("applied")
			w.str(x.Applied)
			w.key("changed")
			w.int(int64(x.Changed))
			if x.Detail != "" {
				w.key("detail")
				w.str(x.Detail)
			}
			w.close('}')
		}
		w.close(']')
	}
	if len(caps) > 0 {
		w.key("caps")
		w.open('[')
		for _, x := range caps {
			w.elem()
			w.open('{')
			w.key("region")
			w.str(x.Region)
			w.key("cap")
			w.int(int64(x.Cap))
			w.key("dimension")
			w.str(x.Dimension)
			w.key("from")
			w.int(int64(x.From))
			w.key("to")
			w.int(int64(x.To))
			w.close('}')
		}
		w.close(']')
	}
}

// writeJSONDoc writes doc as EncodeJSON does.
func writeJSONDoc(out io.Writer, doc *JSONDoc) error {
	w := newJSONWriter(out)
	w.open('{')
	w.key("index")
	w.index(doc.Index)
	w.key("method")
	w.method(doc.Method)
	if doc.Years != nil {
		w.key("years")
		w.years(doc.Years)
	}
	w.key("regions")
	if doc.Regions == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.open('[')
		for i := range doc.Regions {
			w.elem()
			w.open('{')
			w.regionFields(&doc.Regions[i])
			w.close('}')
			w.flush()
		}
		w.close(']')
	}
	w.tail(doc.Weights, doc.Treatments, doc.Caps)
	w.close('}')
	return w.finish()
}
