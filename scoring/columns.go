package scoring

import "github.com/govindex/govindex/indicators"

// treatColumns applies [scoring] treat to every indicator's column of X
// (rows × indicators; X is overwritten with the treated values) and signs
// the columns by direction, as normalisation wants them: cols[i] is
// indicator i's column, and D[k] row k of the same values, for data-driven
// weights. Reports says what the treatment changed. Score and the
// uncertainty analysis's plan share it, so that both see the same values.
func treatColumns(def *indicators.Definition, X [][]float64) (cols, D [][]float64, reports []TreatmentReport) {
	treat, _ := LookupTreatment(def.Scoring.Treat)
	n, nInd := len(X), len(def.Indicators)
	D = make([][]float64, n)
	for k := range D {
		D[k] = make([]float64, nInd)
	}
	cols = make([][]float64, nInd)
	col := make([]float64, n)
	for i, ind := range def.Indicators {
		for k := range n {
			col[k] = X[k][i]
		}
		t := treat.Fn(col)
		if t.Changed > 0 || t.Applied != "" {
			reports = append(reports, TreatmentReport{Indicator: ind.ID, Applied: t.Applied, Changed: t.Changed, Detail: t.Detail})
		}
		dir := float64(ind.Direction)
		cols[i] = make([]float64, n)
		for k := range n {
			X[k][i] = t.Values[k]
			cols[i][k] = dir * t.Values[k]
			D[k][i] = cols[i][k]
		}
	}
	return cols, D, reports
}

// normaliseParams are the normalisation parameters of ind, in the signed
// space of treatColumns: a direction −1 indicator's goalposts and target
// are negated (and the goalposts swapped). ref is the reference region's
// row, −1 for none.
func normaliseParams(def *indicators.Definition, ind *indicators.Indicator, ref int) NormaliseParams {
	p := NormaliseParams{Range: def.Scoring.Range, Ref: ref, Target: ind.Target}
	dir := float64(ind.Direction)
	if len(ind.Goalposts) == 2 {
		p.Goalposts = []float64{ind.Goalposts[0], ind.Goalposts[1]}
		if dir < 0 {
			p.Goalposts = []float64{-ind.Goalposts[1], -ind.Goalposts[0]}
		}
	}
	if p.Target != nil && dir < 0 {
		t := -*p.Target
		p.Target = &t
	}
	return p
}
