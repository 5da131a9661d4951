package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/scoring"
)

// synthRobust runs the uncertainty analysis of a synthetic project.
func synthRobust(tb testing.TB, o indicators.SynthOptions, samples int, sensitivity bool) (*scoring.Result, *scoring.RobustResult) {
	tb.Helper()
	s, err := indicators.NewSynth(o)
	if err != nil {
		tb.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, name := range indicators.SynthFiles {
		var buf bytes.Buffer
		if err := s.WriteFile(context.Background(), name, &buf); err != nil {
			tb.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: buf.Bytes()}
	}
	def, err := indicators.Parse(indicators.SynthIndexFile, fsys[indicators.SynthIndexFile].Data, indicators.FSFiles{FS: fsys})
	if err != nil {
		tb.Fatal(err)
	}
	ds, err := indicators.LoadData(def, "")
	if err != nil {
		tb.Fatal(err)
	}
	rr, err := scoring.RobustRun(context.Background(), def, ds, indicators.SynthLastYear,
		scoring.RobustOptions{Samples: &samples, Sensitivity: &sensitivity})
	if err != nil {
		tb.Fatal(err)
	}
	return rr.Nominal, rr
}

// benchRobust runs a small uncertainty analysis of the issue 6 benchmark
// project (3,000 regions × 48 indicators × 5 years).
func benchRobust(b *testing.B) (*scoring.Result, *scoring.RobustResult) {
	return synthRobust(b, indicators.DefaultSynthOptions(), 200, false)
}

func BenchmarkWriteJSON(b *testing.B) {
	r, rr := benchRobust(b)
	b.Run("results", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := WriteJSON(io.Discard, r, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("robust", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := WriteRobust(io.Discard, "json", r, rr, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestJSONWriterMatchesEncodingJSON checks that the hand-written JSON of
// JSONDoc and JSONRobust is byte for byte what encoding/json writes.
func TestJSONWriterMatchesEncodingJSON(t *testing.T) {
	o := indicators.SynthOptions{Regions: 60, Indicators: 12, Dimensions: 3, Years: 3, Seed: 7, Missing: 0.1}
	r, rr := synthRobust(t, o, 64, true)
	docs := map[string]any{
		"results": JSONResult(r, Options{}),
		"robust":  JSONRobustResult(r, rr, Options{}),
	}
	// Edge cases: empty and nil lists, optional members, escaping.
	f := JSONFloat(1.5)
	nan := JSONFloat(math.NaN())
	empty := []JSONSensitivity(nil)
	odd := &JSONRobust{
		Index: JSONIndex{Name: "指数 <a&b> \u2028 \"q\" \x01\xff", NameEn: "x\ny"},
		Regions: []JSONRobustRegion{
			{JSONRegion: JSONRegion{Code: "1", Rated: ptr(false), Reason: "r\t", Coverage: nan}},
			{JSONRegion: JSONRegion{Code: "2", Rank: ptr(1), Score: &f, Stars: ptr(3), Class: "c", NameEn: "n",
				Dimensions: []JSONDimension{{ID: "d", Score: nan}, {ID: "e", Score: 1e-7, Rank: ptr(2), Stars: ptr(1), Class: "k"}},
				Indicators: []JSONIndicator{}},
				Robust: &JSONRobustRanks{Stars: JSONStarShares{0, 0.25, 0, 0.75}}},
			{JSONRegion: JSONRegion{Code: "3", Dimensions: []JSONDimension{}}, Robust: &JSONRobustRanks{}},
		},
		Treatments:  []JSONTreatment{{Indicator: "i", Applied: "a", Changed: 2, Detail: "d"}, {}},
		Caps:        []JSONCap{{Region: "1", Cap: 1, Dimension: "d", From: 5, To: 4}},
		Uncertainty: JSONUncertainty{Normalise: []string{}, Aggregate: []string{"a", "b"}, Exclude: 1e21},
		Sensitivity: &empty,
	}
	docs["odd"] = odd
	docs["odd-doc"] = &JSONDoc{Index: odd.Index, Regions: []JSONRegion{odd.Regions[1].JSONRegion}, Weights: []JSONWeight{{ID: "w", Kind: "k", Weight: -0.0}}}
	docs["zero"] = &JSONRobust{}
	docs["zero-doc"] = &JSONDoc{}
	for name, doc := range docs {
		var got, want bytes.Buffer
		if err := EncodeJSON(&got, doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := encodeJSONReflect(&want, doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: hand-written JSON differs from encoding/json:\n%s\nwant\n%s", name, got.Bytes(), want.Bytes())
		}
	}
	// A star share encoding/json rejects gives its error.
	inf := &JSONRobust{Regions: []JSONRobustRegion{{Robust: &JSONRobustRanks{Stars: JSONStarShares{0, math.Inf(1)}}}}}
	err1, err2 := EncodeJSON(io.Discard, inf), encodeJSONReflect(io.Discard, inf)
	if err1 == nil || err2 == nil || err1.Error() != err2.Error() {
		t.Errorf("Inf share: got %v, want %v", err1, err2)
	}
}

// TestAppendJSONFloat compares appendJSONFloat with encoding/json.
func TestAppendJSONFloat(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e21, -1e21, 9.999999999999999e20, 1e20, 1e-6, -1e-6,
		9.99999e-7, 1e-7, 1e-9, 1e-10, 1.5e-300, 5e-324, math.MaxFloat64, -math.MaxFloat64, 123456789.123456789,
		1e100, 2.5e-5, 100, 1.0 / 3, math.SmallestNonzeroFloat64, math.Pi * 1e15}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		vals = append(vals, math.Float64frombits(rng.Uint64()), rng.NormFloat64()*math.Pow(10, float64(rng.IntN(60)-30)))
	}
	for _, v := range vals {
		got := string(appendJSONFloat(nil, v))
		m, _ := JSONFloat(v).MarshalJSON()
		var want string
		if math.IsNaN(v) || math.IsInf(v, 0) {
			want = "null"
		} else {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			want = string(b)
		}
		if got != want || string(m) != want {
			t.Fatalf("%v (%#x): got %s and %s, want %s", v, math.Float64bits(v), got, m, want)
		}
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got := string(appendJSONFloat(nil, v)); got != "null" {
			t.Errorf("%v: got %s, want null", v, got)
		}
	}
}

// TestAppendJSONString compares appendJSONString with encoding/json.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "abc", "贵州省", "<>&", "a\u2028b\u2029", "\xff\xfe", "\x00\x1f\b\f\n\r\t", `"\`, "\x7f", "é\xc3"} {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}
