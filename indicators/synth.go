package indicators

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Synthetic projects: a complete index project (index.toml, regions.csv and
// a wide data.csv) of any size, made up from a seed, for benchmarks and
// tests. The contract: the i-th indicator (0-based, id x<i>) belongs to the
// (i mod D)-th dimension (id d<i mod D>), every direction is 1 and the
// weights are equal.
//
// The values are random but shaped like real indicator tables, so that the
// audit, the PCA and the uncertainty analysis have something to find:
//
//   - every value comes from a latent score z = a·F + b·G_d + e·u, where F is
//     a region's overall development (one factor shared by all indicators),
//     G_d its standing in the indicator's dimension d, and u noise; the
//     loadings a ∈ [0.45, 0.8] and b ∈ [0.2, 0.5] are drawn per indicator,
//     and one indicator in ten (i mod 10 = 9) is mostly noise (a = b = 0.1),
//     for the audit to flag as weakly correlated;
//   - z becomes a value by the indicator's kind (i mod 8 = 7: skewed, else
//     by i mod 3): counts (lognormal with log-sd 0.25–0.45, integers),
//     shares in 0–100 (logistic, one decimal), rates (roughly normal around
//     a positive mean, two decimals, kept positive) and skewed counts
//     (lognormal with log-sd 1.3–1.8, integers, which the audit flags);
//   - the years run to 2024 (SynthLastYear) with a mild upward trend per
//     indicator and a little year-to-year noise around each region's level;
//   - each value is left empty with probability Missing (independently; the
//     default is 2%). The random draws do not depend on Missing, so two
//     projects that differ only in Missing have the same values where both
//     have one.
//
// Regions get GB/T 2260-like 6-digit codes: up to 31 × 9,801 regions they
// are spread evenly over the 31 mainland provinces (11…65), each province's
// regions over about √n prefecture codes with county codes 01…99 under
// them (520101, 520102, …); more regions get the 6-digit numbers spaced
// evenly from 000000. Names are 地区0001, 地区0002, … (Region 0001 in
// English) and the group is the province's name.
//
// The same options give byte-identical files: every draw comes from
// math/rand/v2's PCG seeded from Seed, in a fixed order (one stream for
// the indicators' parameters, one for regions.csv, one for data.csv), and
// data.csv is written region by region, so memory stays at one region's
// values whatever the size.

// Limits of a synthetic project.
const (
	SynthMaxRegions    = 1_000_000
	SynthMaxIndicators = 10_000
	// SynthMaxYears reaches back to 1900, the first year the loader accepts.
	SynthMaxYears = SynthLastYear - 1900 + 1
	// SynthMaxValues caps regions × indicators × years (about 8 GB of CSV).
	SynthMaxValues = 1_000_000_000
	// SynthMaxMissing caps the share of missing values.
	SynthMaxMissing = 0.5
	// SynthDefaultMissing is the share of missing values unless told.
	SynthDefaultMissing = 0.02
	// SynthLastYear is the last year of data and the year rated.
	SynthLastYear = 2024
)

// The files of a synthetic project, in the order they are written.
const (
	SynthIndexFile   = "index.toml"
	SynthRegionsFile = "regions.csv"
	SynthDataFile    = "data.csv"
)

// SynthFiles lists the files of a synthetic project.
var SynthFiles = []string{SynthIndexFile, SynthRegionsFile, SynthDataFile}

// The uncertainty settings written into index.toml: the benchmark of
// issue 6.
const (
	synthSamples      = 10000
	synthWeightsNoise = 0.25
)

// SynthOptions are the size and seed of a synthetic project.
type SynthOptions struct {
	Regions    int
	Indicators int
	Dimensions int
	Years      int
	Seed       int64
	// Missing is the probability that a value is left empty, in
	// [0, SynthMaxMissing].
	Missing float64
}

// DefaultSynthOptions is the benchmark size of issue 6: 3,000 regions, 48
// indicators in 6 dimensions, 5 years, seed 1, 2% missing values.
func DefaultSynthOptions() SynthOptions {
	return SynthOptions{Regions: 3000, Indicators: 48, Dimensions: 6, Years: 5, Seed: 1, Missing: SynthDefaultMissing}
}

// Check returns every problem with the options as an ErrorList (nil when
// they are fine).
func (o SynthOptions) Check() error {
	var errs ErrorList
	count := func(what string, n, most int) {
		if n < 1 || n > most {
			errs = append(errs, Errorf(Pos{}, "give a number from 1 upwards, within the limit",
				"%s = %d is out of range (1 to %d)", what, n, most))
		}
	}
	count("regions", o.Regions, SynthMaxRegions)
	count("indicators", o.Indicators, SynthMaxIndicators)
	count("dimensions", o.Dimensions, SynthMaxIndicators)
	count("years", o.Years, SynthMaxYears)
	if o.Dimensions > o.Indicators && o.Indicators >= 1 {
		errs = append(errs, Errorf(Pos{}, "every dimension needs an indicator: give at most as many dimensions as indicators",
			"%d dimensions for %d indicators", o.Dimensions, o.Indicators))
	}
	if !(o.Missing >= 0 && o.Missing <= SynthMaxMissing) {
		errs = append(errs, Errorf(Pos{}, "give a share between 0 and 0.5, e.g. 0.02; 0 for none",
			"missing share %g is out of range", o.Missing))
	}
	if len(errs) == 0 && o.Values() > SynthMaxValues {
		errs = append(errs, Errorf(Pos{}, "make the project smaller: fewer regions, indicators or years",
			"%d values (regions × indicators × years) are over the limit of %d", o.Values(), SynthMaxValues))
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Values is the number of cells of data.csv: regions × indicators × years.
func (o SynthOptions) Values() int64 {
	return int64(o.Regions) * int64(o.Indicators) * int64(o.Years)
}

// FirstYear is the first year of data.
func (o SynthOptions) FirstYear() int { return SynthLastYear - o.Years + 1 }

// SynthKind is the kind of values a synthetic indicator has.
type SynthKind int

const (
	SynthCount  SynthKind = iota // lognormal counts, integers ≥ 0
	SynthShare                   // shares in [0, 100], one decimal
	SynthRate                    // positive rates, two decimals
	SynthSkewed                  // heavy-tailed counts, integers ≥ 0
)

func (k SynthKind) String() string {
	return [...]string{"count", "share", "rate", "skewed"}[k]
}

// SynthKindOf is the kind of indicator i (0-based).
func SynthKindOf(i int) SynthKind {
	if i%8 == 7 {
		return SynthSkewed
	}
	return [...]SynthKind{SynthCount, SynthShare, SynthRate}[i%3]
}

// SynthDimensionOf is the dimension (0-based) of indicator i among d: the
// contract's i mod D.
func SynthDimensionOf(i, d int) int { return i % d }

// SynthIndicatorID and SynthDimensionID are the ids in index.toml:
// x00, x01, … and d0, d1, … (zero-padded to the widest number).
func SynthIndicatorID(i, n int) string { return "x" + synthPad(i, n) }

func SynthDimensionID(d, n int) string { return "d" + synthPad(d, n) }

func synthPad(i, n int) string {
	w := max(len(strconv.Itoa(n-1)), 1)
	s := strconv.Itoa(i)
	return strings.Repeat("0", max(w-len(s), 0)) + s
}

// synthParam is the recipe of one indicator's values.
type synthParam struct {
	kind        SynthKind
	dim         int
	a, b, e     float64 // loadings on F, G_d and noise
	loc, scale  float64 // count/skewed: log-mean, log-sd; share: logit centre, slope; rate: mean, cv
	trend       float64 // per year: log growth (count, skewed, rate) or logit shift (share)
	decimals    int
	unit, label string
}

// Synth generates one synthetic project. Make it with NewSynth; write its
// files with WriteFile. A Synth may be used for several writes, one at a
// time.
type Synth struct {
	opts    SynthOptions
	params  []synthParam
	regions []synthRegion
}

type synthRegion struct {
	code, province string
}

// NewSynth checks the options and draws the indicators' parameters.
func NewSynth(o SynthOptions) (*Synth, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	s := &Synth{opts: o}
	rng := synthRand(o.Seed, 1)
	s.params = make([]synthParam, o.Indicators)
	for i := range s.params {
		p := synthParam{kind: SynthKindOf(i), dim: SynthDimensionOf(i, o.Dimensions)}
		// Draw the same number of values for every indicator, so that an
		// indicator's parameters depend only on the seed and its place.
		u := [6]float64{}
		for j := range u {
			u[j] = rng.Float64()
		}
		p.a, p.b = 0.45+0.35*u[0], 0.2+0.3*u[1]
		if i%10 == 9 {
			p.a, p.b = 0.1, 0.1
		}
		p.e = math.Sqrt(1 - p.a*p.a - p.b*p.b)
		switch p.kind {
		case SynthCount:
			p.loc, p.scale, p.trend = math.Log(20+480*u[2]), 0.25+0.2*u[3], 0.03+0.05*u[4]
			p.unit, p.label = "个", "数量"
		case SynthShare:
			p.loc, p.scale, p.trend, p.decimals = -1+2*u[2], 0.6+0.5*u[3], 0.08+0.07*u[4], 1
			p.unit, p.label = "%", "占比"
		case SynthRate:
			p.loc, p.scale, p.trend, p.decimals = 5+95*u[2], 0.2+0.2*u[3], 0.01+0.03*u[4], 2
			p.unit, p.label = "每万人", "比率"
		case SynthSkewed:
			p.loc, p.scale, p.trend = math.Log(5+45*u[2]), 1.3+0.5*u[3], 0.05+0.05*u[4]
			p.unit, p.label = "项", "偏态数量"
		}
		s.params[i] = p
	}
	s.regions = synthRegionCodes(o.Regions)
	return s, nil
}

// Options returns the options the project was made with.
func (s *Synth) Options() SynthOptions { return s.opts }

// WriteFile writes the file name (one of SynthFiles) to w.
func (s *Synth) WriteFile(ctx context.Context, name string, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var err error
	switch name {
	case SynthIndexFile:
		err = s.writeIndex(bw)
	case SynthRegionsFile:
		err = s.writeRegions(ctx, bw)
	case SynthDataFile:
		err = s.writeData(ctx, bw)
	default:
		return fmt.Errorf("synth: no file %q", name)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// synthRand is the PCG stream for one part of the project.
func synthRand(seed int64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), synthMix(stream)))
}

// synthMix is SplitMix64's finaliser: well-spread stream keys.
func synthMix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// synthProvinces are the 31 mainland provinces of GB/T 2260.
var synthProvinces = []struct {
	code int
	name string
}{
	{11, "北京市"}, {12, "天津市"}, {13, "河北省"}, {14, "山西省"}, {15, "内蒙古自治区"},
	{21, "辽宁省"}, {22, "吉林省"}, {23, "黑龙江省"}, {31, "上海市"}, {32, "江苏省"},
	{33, "浙江省"}, {34, "安徽省"}, {35, "福建省"}, {36, "江西省"}, {37, "山东省"},
	{41, "河南省"}, {42, "湖北省"}, {43, "湖南省"}, {44, "广东省"}, {45, "广西壮族自治区"},
	{46, "海南省"}, {50, "重庆市"}, {51, "四川省"}, {52, "贵州省"}, {53, "云南省"},
	{54, "西藏自治区"}, {61, "陕西省"}, {62, "甘肃省"}, {63, "青海省"}, {64, "宁夏回族自治区"},
	{65, "新疆维吾尔自治区"},
}

// synthRegionCodes gives n distinct, ascending 6-digit codes.
func synthRegionCodes(n int) []synthRegion {
	out := make([]synthRegion, 0, n)
	np := len(synthProvinces)
	if n > np*99*99 {
		step := 1_000_000 / n
		for i := range n {
			code := string(appendPadded(nil, i*step, 6))
			out = append(out, synthRegion{code: code, province: synthProvinces[i*np/n].name})
		}
		return out
	}
	for p, prov := range synthProvinces {
		cnt := n / np
		if p < n%np {
			cnt++
		}
		if cnt == 0 {
			continue
		}
		cities := int(math.Ceil(math.Sqrt(float64(cnt))))
		per := (cnt + cities - 1) / cities
		for k := range cnt {
			code := prov.code*10000 + (k/per+1)*100 + k%per + 1
			out = append(out, synthRegion{code: strconv.Itoa(code), province: prov.name})
		}
	}
	return out
}

// synthDimensionNames name the first dimensions; later ones are numbered.
var synthDimensionNames = []struct{ zh, en string }{
	{"政策法规", "Policy"}, {"基础设施", "Infrastructure"}, {"共享程度", "Sharing"},
	{"开放程度", "Openness"}, {"应用创新", "Innovation"}, {"安全保障", "Security"},
	{"组织协同", "Coordination"}, {"社会参与", "Participation"},
}

func (s *Synth) writeIndex(w *bufio.Writer) error {
	o := s.opts
	missing := strconv.FormatFloat(o.Missing, 'g', -1, 64)
	fmt.Fprintf(w, `# A synthetic index project written by govindex synth: %d regions, %d indicators in
# %d dimensions, %d years (%d–%d), seed %d, %s%% of the values left empty. The values
# are random, made for benchmarks and tests; they describe no real region.
# Made again, byte for byte, by:
#   govindex synth --regions %d --indicators %d --dimensions %d --years %d --seed %d --missing %s --out DIR
# Indicator x<i> belongs to dimension d<i mod %d>; every direction is 1; the weights are equal.

[index]
name = "合成指数（%d 个地区）"
name_en = "Synthetic index (%d regions)"
edition = "synth"
year = %d
regions = "%s"
data = ["%s"]

[scoring]
impute = "none"
treat = "none"
normalise = "minmax"
range = [1, 100]                     # positive, so that the geometric mean is defined
weights = "equal"
aggregate = "arithmetic"
ties = "competition"
min_coverage = 0.5

[stars]
method = "thresholds"
thresholds = [20, 40, 60, 80]

[uncertainty]
samples = %d
seed = %d
weights_noise = %g
normalise = ["minmax", "prank"]
aggregate = ["arithmetic", "geometric"]
`,
		o.Regions, o.Indicators, o.Dimensions, o.Years, o.FirstYear(), SynthLastYear, o.Seed,
		strconv.FormatFloat(100*o.Missing, 'g', -1, 64),
		o.Regions, o.Indicators, o.Dimensions, o.Years, o.Seed, missing, o.Dimensions,
		o.Regions, o.Regions, SynthLastYear, SynthRegionsFile, SynthDataFile,
		synthSamples, o.Seed, synthWeightsNoise)
	writeSynthLimits(w, o)
	for d := range o.Dimensions {
		zh, en := fmt.Sprintf("维度%d", d), fmt.Sprintf("Dimension %d", d)
		if d < len(synthDimensionNames) {
			zh, en = synthDimensionNames[d].zh, synthDimensionNames[d].en
		}
		fmt.Fprintf(w, "\n[[dimension]]\nid = %q\nname = %q\nname_en = %q\n", SynthDimensionID(d, o.Dimensions), zh, en)
	}
	for i, p := range s.params {
		id := SynthIndicatorID(i, o.Indicators)
		fmt.Fprintf(w, "\n[[indicator]]\nid = %q\ndimension = %q\nname = %q\nname_en = %q\nunit = %q\ndirection = 1\n",
			id, SynthDimensionID(p.dim, o.Dimensions), "合成指标"+id[1:]+"（"+p.label+"）",
			"Synthetic indicator "+id[1:]+" ("+p.kind.String()+")", p.unit)
	}
	return nil
}

// writeSynthLimits writes a [limits] table when the project is larger
// than the default limits, so that rate, report and robust read it.
// data.csv takes at most 8 bytes a value and 16 a row (code and year).
func writeSynthLimits(w *bufio.Writer, o SynthOptions) {
	values, cells := o.Values(), int64(o.Regions)*int64(o.Indicators)
	dataMB := (int64(o.Regions)*int64(o.Years)*(16+8*int64(o.Indicators)))/mib + 1
	if values <= DefaultMaxObservations && cells <= DefaultMaxCells && o.Years <= DefaultMaxYears && dataMB <= DefaultMaxFileMB {
		return
	}
	fmt.Fprintf(w, "\n[limits]                             # larger than the default limits\nmax_file_mb = %d\nmax_years = %d\nmax_observations = %d\nmax_cells = %d\n",
		max(dataMB, DefaultMaxFileMB), max(o.Years, DefaultMaxYears), max(values, DefaultMaxObservations), max(cells, DefaultMaxCells))
}

// synthNameWidth is the number of digits in region names: 4, or more.
func (s *Synth) synthNameWidth() int { return max(4, len(strconv.Itoa(s.opts.Regions))) }

func (s *Synth) writeRegions(ctx context.Context, w *bufio.Writer) error {
	rng := synthRand(s.opts.Seed, 2)
	width := s.synthNameWidth()
	w.WriteString("code,name,name_en,group,population\n")
	var buf []byte
	for r, reg := range s.regions {
		if r%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		// Population: lognormal around 400,000 (a county), at least 10,000.
		pop := math.Max(1e4, math.Round(math.Exp(math.Log(4e5)+0.8*rng.NormFloat64())))
		buf = buf[:0]
		buf = append(buf, reg.code...)
		buf = append(buf, ",地区"...)
		buf = appendPadded(buf, r+1, width)
		buf = append(buf, ",Region "...)
		buf = appendPadded(buf, r+1, width)
		buf = append(buf, ',')
		buf = append(buf, reg.province...)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, pop, 'f', 0, 64)
		buf = append(buf, '\n')
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

// writeData writes the wide table region by region, each region's years
// in order.
func (s *Synth) writeData(ctx context.Context, w *bufio.Writer) error {
	o := s.opts
	rng := synthRand(o.Seed, 3)
	w.WriteString("region,year")
	for i := range o.Indicators {
		w.WriteByte(',')
		w.WriteString(SynthIndicatorID(i, o.Indicators))
	}
	w.WriteByte('\n')
	g := make([]float64, o.Dimensions)
	z := make([]float64, o.Indicators)
	var buf []byte
	for r, reg := range s.regions {
		if r%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		f := rng.NormFloat64()
		for d := range g {
			g[d] = rng.NormFloat64()
		}
		for i, p := range s.params {
			z[i] = p.a*f + p.b*g[p.dim] + p.e*rng.NormFloat64()
		}
		for t := range o.Years {
			dt := float64(t - (o.Years - 1)) // years before the last: ≤ 0
			buf = buf[:0]
			buf = append(buf, reg.code...)
			buf = append(buf, ',')
			buf = strconv.AppendInt(buf, int64(o.FirstYear()+t), 10)
			for i, p := range s.params {
				zz := z[i] + 0.15*rng.NormFloat64()
				gone := rng.Float64() < o.Missing
				buf = append(buf, ',')
				if gone {
					continue
				}
				buf = strconv.AppendFloat(buf, p.value(zz, dt), 'f', p.decimals, 64)
			}
			buf = append(buf, '\n')
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
	}
	return nil
}

// value turns the latent score zz into the indicator's value dt years
// after the last year (dt ≤ 0).
func (p synthParam) value(zz, dt float64) float64 {
	var v float64
	switch p.kind {
	case SynthCount, SynthSkewed:
		v = math.Exp(p.loc + p.scale*zz + p.trend*dt)
	case SynthShare:
		v = 100 / (1 + math.Exp(-(p.loc + p.scale*zz + p.trend*dt)))
	case SynthRate:
		v = p.loc * math.Max(0.02, 1+p.scale*zz) * math.Exp(p.trend*dt)
	}
	// Round here, so that callers see the value as written.
	scale := math.Pow(10, float64(p.decimals))
	return math.Round(v*scale) / scale
}
