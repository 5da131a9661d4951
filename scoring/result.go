package scoring

import "github.com/govindex/govindex/indicators"

// Result is a scored and rated index for one year.
type Result struct {
	Def    *indicators.Definition
	Data   *indicators.Dataset
	Year   int
	Method Method
	// Regions is sorted by rank (ties keep the order of regions.csv);
	// unrated regions come last.
	Regions []*RegionResult
	// Weights lists every dimension and indicator with its weight within its
	// parent and its effective weight at index level, in tree order.
	Weights []WeightRow
	// Treatments lists the indicators an outlier treatment changed.
	Treatments []TreatmentReport
	// Caps lists the star ratings a [[cap]] lowered.
	Caps []CapApplied
	// Series is the multi-year rating this result belongs to (RunSeries),
	// or nil: it gives the change since last year and the trend.
	Series *Series
}

// TreatmentReport says what outlier treatment did to one indicator.
type TreatmentReport struct {
	Indicator string
	Applied   string // e.g. "winsorise", "log"
	Changed   int    // values changed
	Detail    string
}

// CapApplied is one rating lowered by a star cap.
type CapApplied struct {
	Region    string // region code
	Cap       int    // index of the [[cap]] entry
	Dimension string // the weak dimension that triggered it
	From, To  int    // stars before and after
}

// Method names the methods used, as in the JSON "method" object.
type Method struct {
	Normalise string `json:"normalise"`
	Weights   string `json:"weights"`
	Aggregate string `json:"aggregate"`
	Stars     string `json:"stars"`
}

// RegionResult is one region's scores, ranks and stars.
type RegionResult struct {
	Region *indicators.Region
	// Rated is false when the region has too little data; Reason says why
	// and Score, Rank and Stars are zero.
	Rated  bool
	Reason string
	Score  float64
	Rank   int
	Stars  int    // 1 = lowest class
	Class  string // the star class label, when [stars] labels are set
	// Coverage is the share of indicators with a value: Present of Total.
	Coverage       float64
	Present, Total int
	// NoData lists the dimensions (ids, declaration order) in which the
	// region has no value at all: [scoring] missing_dimension says how
	// they were scored.
	NoData []string
	// UnratedDimension is set when the region is unrated because it has no
	// value in this dimension (missing_dimension = "unrated").
	UnratedDimension string
	Dimensions       []*NodeScore      // in the order of Definition.Dimensions
	Indicators       []*IndicatorScore // in the order of Definition.Indicators
}

// NodeScore is a dimension's score, rank and stars for one region. A
// dimension with no data for the region has Missing set and no rank.
type NodeScore struct {
	ID      string
	Score   float64
	Rank    int
	Stars   int
	Class   string
	Missing bool
}

// IndicatorScore is one indicator's values for one region along the
// pipeline. Missing values are NaN.
type IndicatorScore struct {
	ID         string
	Raw        float64 // as read from the data
	Value      float64 // after denomination, imputation and treatment
	Normalised float64 // as it enters aggregation
	Imputed    bool
	Source     string
}

// WeightRow is one node of the tree with its weight within its parent
// (normalised to sum to 1 among siblings) and its effective weight at
// index level (the product of the weights on the path).
type WeightRow struct {
	ID        string
	Parent    string // "" for the top level
	Kind      string // "dimension" or "indicator"
	Weight    float64
	Effective float64
}
