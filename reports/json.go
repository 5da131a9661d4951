package reports

import (
	"encoding/json"
	"io"
	"math"

	"github.com/govindex/govindex/scoring"
)

// JSONDoc is the "JSON results" document of DESIGN.md. Commands that add
// to it (robust, audit) embed it in a struct of their own or add a field
// tagged omitempty, so the contract keys stay as they are.
type JSONDoc struct {
	Index   JSONIndex    `json:"index"`
	Method  JSONMethod   `json:"method"`
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
	Coverage   JSONFloat       `json:"coverage"` // extension
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
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(x)
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
	} else {
		reg.Rated = ptr(false)
		reg.Reason = rr.Reason
	}
	for _, n := range rr.Dimensions {
		if n == nil {
			continue
		}
		d := JSONDimension{ID: n.ID, Score: JSONFloat(math.NaN())}
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
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
