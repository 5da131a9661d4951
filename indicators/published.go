package indicators

import (
	"math"
	"strconv"
	"strings"
)

// Published is what a publication said about some regions: the file named
// by [published], read by LoadPublished.
type Published struct {
	File string
	Rows []PublishedRow
}

// PublishedRow is one region's published figures; a blank cell is
// unknown.
type PublishedRow struct {
	Region *Region
	// StarsLo..StarsHi is the published rating or range of ratings (both
	// 0 when unknown).
	StarsLo, StarsHi int
	// Rank is the published rank (0 when unknown).
	Rank int
	// Score is the published score and Tolerance how far a computed score
	// may lie from it and match; HasScore is false when unknown.
	Score     float64
	Tolerance float64
	HasScore  bool
	// Text is the published cell text of stars, rank and score, as
	// written (for reports).
	StarsText string
	ScoreText string
	Pos       Pos
}

// publishedColumns maps the headers of published.csv (lower case) and
// their Chinese aliases to the column they fill.
var publishedColumns = map[string]string{
	"region": "region", "地区": "region", "code": "region", "代码": "region", "name": "region", "名称": "region",
	"stars": "stars", "星级": "stars",
	"rank": "rank", "排名": "rank",
	"score": "score", "得分": "score",
}

// LoadPublished reads the file [published] names: a CSV table
// region,stars,rank,score where region is a code or exact name of
// regions and any of the other three columns may be left out or blank.
// stars is a rating (5, ★★★★★) or a range (1-4); score's tolerance is
// [published] score_tolerance or half a unit of the cell's last decimal.
func LoadPublished(def *Definition, regions *RegionSet, encoding string) (*Published, error) {
	spec := def.Published
	if spec == nil {
		return nil, Errorf(Pos{File: def.File}, `add a [published] table with file = "published.csv": region,stars,rank,score`,
			"the index declares no [published] figures to calibrate against")
	}
	if encoding == "" {
		encoding = def.Index.Encoding
	}
	b, shown, err := def.readNamed(spec.File, "data", def.valuePos("published", 0, "file", spec.File))
	if err != nil {
		return nil, err
	}
	t, err := ReadCSVTable(shown, b, encoding)
	if err != nil {
		return nil, err
	}
	var errs ErrorList
	cols := map[string]int{}
	for i, h := range t.Header {
		field, ok := publishedColumns[strings.ToLower(h)]
		if !ok {
			errs = append(errs, Errorf(t.HeaderPos(i), "use the columns region,stars,rank,score (any of the last three)",
				"unknown column %q in the published figures", h))
			continue
		}
		if _, dup := cols[field]; dup {
			errs = append(errs, Errorf(t.HeaderPos(i), "keep one column of each", "column %q repeats the %s column", h, field))
			continue
		}
		cols[field] = i
	}
	if _, ok := cols["region"]; !ok {
		errs = append(errs, Errorf(t.HeaderPos(-1), "start the file with the header region,stars,rank,score", "the published figures have no region column"))
	}
	if len(cols) == 1 && len(errs) == 0 {
		errs = append(errs, Errorf(t.HeaderPos(-1), "add at least one of the columns stars, rank, score", "the published figures give no stars, ranks or scores"))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	p := &Published{File: shown}
	seen := map[*Region]int{}
	for row := range t.Rows {
		cell := func(field string) (string, Pos, bool) {
			i, ok := cols[field]
			if !ok {
				return "", Pos{}, false
			}
			return strings.TrimSpace(t.Rows[row][i]), t.Pos(row, i), true
		}
		key, kpos, _ := cell("region")
		reg, ok := regions.Lookup(key)
		if !ok {
			errs = append(errs, Errorf(kpos, "write the region's code or exact name as in regions.csv", "unknown region %q", key))
			continue
		}
		if j, dup := seen[reg]; dup {
			errs = append(errs, Errorf(kpos, "give each region one row", "region %q appears twice (also at %s)", key, p.Rows[j].Pos))
			continue
		}
		pr := PublishedRow{Region: reg, Pos: t.Pos(row, -1)}
		if s, pos, ok := cell("stars"); ok && s != "" {
			lo, hi, ok := parseStars(s)
			if !ok {
				errs = append(errs, Errorf(pos, `write a rating such as 5 or ★★★★★, or a range such as 1-4; leave it blank when unknown`,
					"stars %q is not a rating", s))
			}
			pr.StarsLo, pr.StarsHi, pr.StarsText = lo, hi, s
		}
		if s, pos, ok := cell("rank"); ok && s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				errs = append(errs, Errorf(pos, "write a whole number from 1, or leave it blank when unknown", "rank %q is not a rank", s))
			}
			pr.Rank = n
		}
		if s, pos, ok := cell("score"); ok && s != "" {
			v, missing, err := ParseNumber(s)
			switch {
			case err != nil:
				errs = append(errs, Errorf(pos, "write the score as published, e.g. 83.5", "score %q: %v", s, err))
			case !missing:
				pr.Score, pr.HasScore, pr.ScoreText = v, true, s
				pr.Tolerance = halfLastDecimal(s)
				if def.Published.ScoreTolerance != nil {
					pr.Tolerance = *def.Published.ScoreTolerance
				}
			}
		}
		if pr.StarsLo == 0 && pr.Rank == 0 && !pr.HasScore {
			continue // nothing known about the region
		}
		seen[reg] = len(p.Rows)
		p.Rows = append(p.Rows, pr)
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	if len(p.Rows) == 0 {
		return nil, Errorf(t.HeaderPos(-1), "fill in the stars, rank or score of at least one region", "the published figures are all blank")
	}
	return p, nil
}

// parseStars reads "5", "★★★★★" (☆ ignored), "1-4" or "1–4".
func parseStars(s string) (lo, hi int, ok bool) {
	if strings.ContainsRune(s, '★') {
		n := strings.Count(s, "★")
		rest := strings.NewReplacer("★", "", "☆", "", " ", "").Replace(s)
		return n, n, rest == "" && n > 0
	}
	a, b, isRange := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	lo, err1 := strconv.Atoi(strings.TrimSpace(a))
	hi = lo
	var err2 error
	if isRange {
		hi, err2 = strconv.Atoi(strings.TrimSpace(b))
	}
	if err1 != nil || err2 != nil || lo < 1 || hi < lo || hi > 10 {
		return 0, 0, false
	}
	return lo, hi, true
}

// halfLastDecimal is half a unit of the last decimal written in a
// number's text: 0.05 for "79.1", 0.5 for "80".
func halfLastDecimal(s string) float64 {
	s = strings.TrimRight(strings.TrimSpace(s), "%")
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		d := 0
		for _, r := range s[i+1:] {
			if r >= '0' && r <= '9' {
				d++
			}
		}
		return 0.5 * math.Pow(10, -float64(d))
	}
	return 0.5
}
