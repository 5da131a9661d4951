package reports

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// The workbook of a result with its uncertainty analysis gains the
// robustness sheet (and the sensitivity sheet when there are Sobol
// indices), with the figures of the analysis as numbers.
func TestXLSXRobust(t *testing.T) {
	for _, tc := range []struct {
		name, lang, settings string
		sheets               []string
		header               []string
	}{
		{"zh", "zh", rbSettings, []string{"结果", "维度", "指标", "权重", "稳健性"},
			[]string{"排名", "代码", "地区", "星级", "中位排名", "排名 5% 分位", "排名 95% 分位", "星级稳定度",
				"评为 5 星的样本占比", "评为 4 星的样本占比", "评为 3 星的样本占比", "评为 2 星的样本占比", "评为 1 星的样本占比", "未评级原因"}},
		{"en, with sensitivity", "en", rbSettings + "sensitivity = true\n", []string{"Results", "Dimensions", "Indicators", "Weights", "Robustness", "Sensitivity"},
			[]string{"Rank", "Code", "Region", "Stars", "Median rank", "Rank, 5th percentile", "Rank, 95th percentile", "Star confidence",
				"Share of samples at 5 stars", "Share of samples at 4 stars", "Share of samples at 3 stars", "Share of samples at 2 stars", "Share of samples at 1 stars", "Why not rated"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rr := rbRobustResult(t, tc.settings)
			b := render(t, func(w *bytes.Buffer) error {
				return WriteXLSXWith(w, rr.Nominal, XLSXOptions{Options: Options{Lang: tc.lang}, Robust: rr})
			})
			f, err := excelize.OpenReader(bytes.NewReader(b))
			require.NoError(t, err)
			defer f.Close()
			require.Equal(t, tc.sheets, f.GetSheetList())
			sheet := tc.sheets[4]
			require.Equal(t, tc.header, scRow(t, f, sheet, 1))
			for i, reg := range rr.Nominal.Regions {
				row := i + 2
				code, _ := scCell(t, f, sheet, fmt.Sprintf("B%d", row))
				assert.Equal(t, reg.Region.Code, code)
				fig, ok := rr.Region(reg.Region.Code)
				if !reg.Rated || !ok {
					v, _ := scCell(t, f, sheet, fmt.Sprintf("E%d", row))
					assert.Empty(t, v, "an unrated region has no figures")
					reason, _ := scCell(t, f, sheet, fmt.Sprintf("N%d", row))
					assert.NotEmpty(t, reason)
					continue
				}
				assert.Equal(t, float64(reg.Rank), scNumber(t, f, sheet, fmt.Sprintf("A%d", row)))
				assert.Equal(t, float64(fig.Median), scNumber(t, f, sheet, fmt.Sprintf("E%d", row)))
				assert.Equal(t, float64(fig.P05), scNumber(t, f, sheet, fmt.Sprintf("F%d", row)))
				assert.Equal(t, float64(fig.P95), scNumber(t, f, sheet, fmt.Sprintf("G%d", row)))
				assert.InDelta(t, fig.StarConfidence(), scNumber(t, f, sheet, fmt.Sprintf("H%d", row)), 1e-12)
				sum := 0.0
				for col := 'I'; col <= 'M'; col++ {
					sum += scNumber(t, f, sheet, fmt.Sprintf("%c%d", col, row))
				}
				assert.InDelta(t, 1, sum, 1e-9, "the star shares of %s add up to 1", reg.Region.Code)
			}
			if len(tc.sheets) < 6 {
				return
			}
			require.NotEmpty(t, rr.Sensitivity)
			assert.Equal(t, []string{"Uncertain input", "First order Si", "Si 95% CI low", "Si 95% CI high", "Total STi", "STi 95% CI low", "STi 95% CI high"}, scRow(t, f, "Sensitivity", 1))
			for i, s := range rr.Sensitivity {
				row := i + 2
				in, _ := scCell(t, f, "Sensitivity", fmt.Sprintf("A%d", row))
				assert.Equal(t, rbWord("en", s.Input), in)
				assert.InDelta(t, s.Si, scNumber(t, f, "Sensitivity", fmt.Sprintf("B%d", row)), 1e-12)
				assert.InDelta(t, s.STiCI[1], scNumber(t, f, "Sensitivity", fmt.Sprintf("G%d", row)), 1e-12)
			}
		})
	}
}
