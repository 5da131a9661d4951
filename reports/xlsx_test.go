package reports

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/govindex/govindex/scoring"
)

// scOpenXLSX writes r as a workbook and opens it again.
func scOpenXLSX(t *testing.T, o Options, r func() *scoring.Result) (*excelize.File, []byte) {
	t.Helper()
	b := render(t, func(w *bytes.Buffer) error { return WriteXLSX(w, r(), o) })
	f, err := excelize.OpenReader(bytes.NewReader(b))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f, b
}

// scCell is the value and type of one cell.
func scCell(t *testing.T, f *excelize.File, sheet, ref string) (string, excelize.CellType) {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	typ, err := f.GetCellType(sheet, ref)
	require.NoError(t, err)
	return v, typ
}

// scNumber checks that a cell holds a number (a cell with no type
// attribute, or "n", and a numeric value), not text.
func scNumber(t *testing.T, f *excelize.File, sheet, ref string) float64 {
	t.Helper()
	v, typ := scCell(t, f, sheet, ref)
	require.NotEmpty(t, v, "%s!%s is empty", sheet, ref)
	require.Contains(t, []excelize.CellType{excelize.CellTypeUnset, excelize.CellTypeNumber}, typ, "%s!%s is a number cell", sheet, ref)
	return scFloat(t, v)
}

// scRow is a row of a sheet as raw values (1-based row number).
func scRow(t *testing.T, f *excelize.File, sheet string, n int) []string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	require.Greater(t, len(rows), n-1, "sheet %s has row %d", sheet, n)
	return rows[n-1]
}

func TestXLSXSheetsAndHeaders(t *testing.T) {
	f, _ := scOpenXLSX(t, Options{}, testResultLabels)
	require.Equal(t, []string{"结果", "维度", "指标", "权重"}, f.GetSheetList())
	require.Equal(t, []string{"排名", "代码", "地区", "得分", "星级", "等级", "数据覆盖率", "未评级原因"}, scRow(t, f, "结果", 1))
	require.Equal(t, []string{"代码", "地区", "维度代码", "维度", "得分", "排名", "星级", "等级"}, scRow(t, f, "维度", 1))
	require.Equal(t, []string{"代码", "地区", "指标代码", "指标", "单位", "原始值", "处理后数值", "标准化值", "是否插补", "数据来源"}, scRow(t, f, "指标", 1))
	require.Equal(t, []string{"代码", "名称", "上级维度", "类型", "权重", "有效权重"}, scRow(t, f, "权重", 1))
	require.Equal(t, 0, f.GetActiveSheetIndex())

	en, _ := scOpenXLSX(t, Options{Lang: "en"}, testResult)
	require.Equal(t, []string{"Results", "Dimensions", "Indicators", "Weights"}, en.GetSheetList())
	require.Equal(t, []string{"Rank", "Code", "Region", "Score", "Stars", "Coverage", "Why not rated"}, scRow(t, en, "Results", 1),
		"no class column without labels")
	require.Equal(t, "Guizhou", scRow(t, en, "Results", 2)[2])
	require.Equal(t, "Hong Kong", scRow(t, en, "Results", 3)[2], "no English name: the name as written")
	require.Equal(t, "Policy", scRow(t, en, "Dimensions", 2)[3])
	require.Equal(t, "政府数据融合共享程度", scRow(t, en, "Dimensions", 3)[3], "no English name: the Chinese one")
	require.Equal(t, XLSXSheets("en"), en.GetSheetList())

	// The dimension covers the table, for readers that trust it.
	dim, err := f.GetSheetDimension("指标")
	require.NoError(t, err)
	require.Equal(t, "A1:J13", dim, "a header and 4 regions × 3 indicators")
}

func TestXLSXValues(t *testing.T) {
	f, _ := scOpenXLSX(t, Options{}, testResultLabels)

	// Results: numbers are numbers, missing values empty cells.
	require.Equal(t, []string{"1", "520000", "贵州省", "91.67", "5", "五星", "1"}, scRow(t, f, "结果", 2))
	require.Equal(t, 1.0, scNumber(t, f, "结果", "A2"), "rank")
	require.Equal(t, 91.67, scNumber(t, f, "结果", "D2"), "score")
	require.Equal(t, 5.0, scNumber(t, f, "结果", "E2"), "stars")
	v, typ := scCell(t, f, "结果", "B2")
	require.Equal(t, "520000", v)
	require.Equal(t, excelize.CellTypeSharedString, typ, "a code is text, leading zeros kept")
	require.InDelta(t, 2.0/3, scNumber(t, f, "结果", "G4"), 1e-12, "coverage stored in full")
	// The unrated region: no rank, score or stars; the reason.
	row := scRow(t, f, "结果", 5)
	require.Equal(t, []string{"", "540000", "西藏自治区", "", "", ""}, row[:6])
	require.Equal(t, "数据覆盖率 33% 低于最低要求 50%", row[7])
	for _, ref := range []string{"A5", "D5", "E5", "F5"} {
		v, typ := scCell(t, f, "结果", ref)
		require.Empty(t, v, ref)
		require.Equal(t, excelize.CellTypeUnset, typ, ref)
	}
	// Display formats: scores with the [scoring] round decimals, coverage
	// as a percentage.
	shown, err := f.GetCellValue("结果", "D2")
	require.NoError(t, err)
	require.Equal(t, "91.67", shown)
	shown, err = f.GetCellValue("结果", "G4")
	require.NoError(t, err)
	require.Equal(t, "66.7%", shown)

	// Dimensions: a row per region and dimension.
	require.Equal(t, []string{"520000", "贵州省", "policy", "政策颁布", "100", "1", "5", "五星"}, scRow(t, f, "维度", 2))
	row = scRow(t, f, "维度", 8)
	require.Equal(t, []string{"540000", "西藏自治区", "policy", "政策颁布"}, row, "missing dimension: empty cells")

	// Indicators: raw, value, normalised, imputed, source.
	require.Equal(t, []string{"520000", "贵州省", "policy_docs", "数据共享开放政策文件数", "件", "3", "3", "100", "0", "indicators.csv:2:3"}, scRow(t, f, "指标", 2))
	_, typ = scCell(t, f, "指标", "I2")
	require.Equal(t, excelize.CellTypeBool, typ, "imputed")
	// 北京市 lacks catalog_datasets: the values are empty.
	row = scRow(t, f, "指标", 10)
	require.Equal(t, []string{"110000", "北京市", "catalog_datasets", "开放数据集数", "个", "", "", "", "0"}, row)

	// Weights.
	require.Equal(t, []string{"policy", "政策颁布", "", "维度"}, scRow(t, f, "权重", 2)[:4])
	require.InDelta(t, 1.0/3, scNumber(t, f, "权重", "E2"), 1e-12)
	require.InDelta(t, 1.0/3, scNumber(t, f, "权重", "F6"), 1e-12)
	require.Equal(t, 87.5, scNumber(t, f, "维度", "E3"))
	require.Equal(t, 90.0, scNumber(t, f, "指标", "F4"))
	require.Equal(t, 75.0, scNumber(t, f, "指标", "H4"))
	require.Equal(t, []string{"platforms", "数据共享平台数", "sharing", "指标"}, scRow(t, f, "权重", 5)[:4])
}

func scFloat(t *testing.T, s string) float64 {
	t.Helper()
	var x float64
	_, err := fmt.Sscan(s, &x)
	require.NoError(t, err, s)
	return x
}

func TestXLSXFormulaNeutralised(t *testing.T) {
	r := testResult()
	r.Regions[0].Region.Name = "=HYPERLINK(\"http://x\",\"贵州\")"
	r.Regions[1].Region.Name = "@SUM(A1)"
	r.Regions[2].Region.Name = "-5" // a plain number: left as it is
	r.Regions[3].Reason = "+1+cmd|' /C calc'!A0"
	r.Def.Dimensions[0].Name = "-政策"
	f, _ := scOpenXLSX(t, Options{}, func() *scoring.Result { return r })
	for ref, want := range map[string]string{
		"C2": "'=HYPERLINK(\"http://x\",\"贵州\")",
		"C3": "'@SUM(A1)",
		"C4": "-5",
		"G5": "'+1+cmd|' /C calc'!A0",
	} {
		v, typ := scCell(t, f, "结果", ref)
		require.Equal(t, want, v, ref)
		require.Equal(t, excelize.CellTypeSharedString, typ, "%s is text", ref)
		formula, err := f.GetCellFormula("结果", ref)
		require.NoError(t, err)
		require.Empty(t, formula, ref)
	}
	v, _ := scCell(t, f, "维度", "D2")
	require.Equal(t, "'-政策", v)
}

func TestXLSXDeterministic(t *testing.T) {
	_, a := scOpenXLSX(t, Options{}, testResultLabels)
	_, b := scOpenXLSX(t, Options{}, testResultLabels)
	require.True(t, bytes.Equal(a, b), "two writes of the same result give the same bytes")
	f, _ := scOpenXLSX(t, Options{Engine: testEngine}, testResult)
	props, err := f.GetDocProps()
	require.NoError(t, err)
	require.Equal(t, XLSXTime, props.Created)
	require.Equal(t, XLSXTime, props.Modified)
	require.Equal(t, testEngine, props.Creator)
	require.Equal(t, "政府数据融合共享应用指数 · 2017 版 · 2017 年", props.Title)
}

func TestXLSXNoResult(t *testing.T) {
	require.Error(t, WriteXLSX(&bytes.Buffer{}, nil, Options{}))
}
