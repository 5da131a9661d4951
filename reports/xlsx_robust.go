package reports

import (
	"fmt"

	"github.com/govindex/govindex/scoring"
)

// Message keys of the robustness sheets.
const (
	xlRobust      = "sheet_robust"
	xlSensitivity = "sheet_sensitivity"
	xlNominal     = "nominal_rank"
	xlMedian      = "median_rank"
	xlP05         = "p05_rank"
	xlP95         = "p95_rank"
	xlConfidence  = "star_confidence"
	xlShare       = "share_stars" // %d stars
	xlInput       = "input"
	xlSi          = "si"
	xlSTi         = "sti"
	xlLow         = "ci_low" // %s: Si or STi
	xlHigh        = "ci_high"
)

func init() {
	for lang, words := range map[string]map[string]string{
		"zh": {
			xlRobust: "稳健性", xlSensitivity: "敏感性",
			xlNominal: "排名", xlMedian: "中位排名", xlP05: "排名 5% 分位", xlP95: "排名 95% 分位",
			xlConfidence: "星级稳定度", xlShare: "评为 %d 星的样本占比",
			xlInput: "不确定输入", xlSi: "一阶指数 Si", xlSTi: "总效应指数 STi",
			xlLow: "%s 95%% 置信下限", xlHigh: "%s 95%% 置信上限",
		},
		"en": {
			xlRobust: "Robustness", xlSensitivity: "Sensitivity",
			xlNominal: "Rank", xlMedian: "Median rank", xlP05: "Rank, 5th percentile", xlP95: "Rank, 95th percentile",
			xlConfidence: "Star confidence", xlShare: "Share of samples at %d stars",
			xlInput: "Uncertain input", xlSi: "First order Si", xlSTi: "Total STi",
			xlLow: "%s 95%% CI low", xlHigh: "%s 95%% CI high",
		},
	} {
		for k, v := range words {
			xlsxWords[lang][k] = v
		}
	}
}

// robust adds the robustness sheet — a row per region in rank order: the
// nominal rank and stars, the median and the 5th and 95th percentile rank
// over the samples, the star confidence and the share of samples at each
// rating — and, when the analysis has Sobol indices, the sensitivity sheet
// (each input's Si and STi with their 95% intervals).
func (x *xlsxBuilder) robust(r *scoring.Result, rr *scoring.RobustResult) {
	l := x.lang
	classes := r.Def.Stars.NumClasses()
	for _, reg := range rr.Regions {
		classes = max(classes, len(reg.StarShares)-1)
	}
	cols := []xlColumn{
		{xlWord(l, xlNominal), 8, 0},
		{xlWord(l, xlCode), 12, 0},
		{xlWord(l, xlName), 18, 0},
		{xlWord(l, xlStars), 8, 0},
		{xlWord(l, xlMedian), 10, 0},
		{xlWord(l, xlP05), 12, 0},
		{xlWord(l, xlP95), 12, 0},
		{xlWord(l, xlConfidence), 12, x.share},
	}
	for c := classes; c >= 1; c-- {
		cols = append(cols, xlColumn{fmt.Sprintf(xlWord(l, xlShare), c), 14, x.share})
	}
	cols = append(cols, xlColumn{xlWord(l, xlReason), 30, 0})
	var rows []xlRow
	for _, reg := range r.Regions {
		rw := make(xlRow, len(cols))
		rw[1], rw[2] = reg.Region.Code, regionName(reg.Region, l)
		fig, ok := rr.Region(reg.Region.Code)
		if !reg.Rated || !ok {
			rw[len(rw)-1] = reg.Reason
			rows = append(rows, rw)
			continue
		}
		rw[0], rw[3] = xlPosInt(reg.Rank), xlPosInt(reg.Stars)
		rw[4], rw[5], rw[6], rw[7] = fig.Median, fig.P05, fig.P95, fig.StarConfidence()
		for i, c := 8, classes; c >= 1; i, c = i+1, c-1 {
			share := 0.0
			if c < len(fig.StarShares) {
				share = fig.StarShares[c]
			}
			rw[i] = share
		}
		rows = append(rows, rw)
	}
	name := xlWord(l, xlRobust)
	_, err := x.f.NewSheet(name)
	x.try(err)
	x.sheet(name, cols, rows)

	if len(rr.Sensitivity) == 0 {
		return
	}
	si, sti := xlWord(l, xlSi), xlWord(l, xlSTi)
	cols = []xlColumn{
		{xlWord(l, xlInput), 16, 0},
		{si, 12, x.weight},
		{fmt.Sprintf(xlWord(l, xlLow), "Si"), 16, x.weight},
		{fmt.Sprintf(xlWord(l, xlHigh), "Si"), 16, x.weight},
		{sti, 14, x.weight},
		{fmt.Sprintf(xlWord(l, xlLow), "STi"), 16, x.weight},
		{fmt.Sprintf(xlWord(l, xlHigh), "STi"), 16, x.weight},
	}
	rows = rows[:0]
	for _, s := range rr.Sensitivity {
		rows = append(rows, xlRow{rbWord(l, s.Input), s.Si, s.SiCI[0], s.SiCI[1], s.STi, s.STiCI[0], s.STiCI[1]})
	}
	name = xlWord(l, xlSensitivity)
	_, err = x.f.NewSheet(name)
	x.try(err)
	x.sheet(name, cols, rows)
}
