package scoring

// rbHist is a worker's histogram of ranks: count(k, r) is the number of
// its samples that ranked row k at rank r. The counts are 16-bit when the
// run has too few samples for one to pass 65,535, which halves the table
// (n × n counts) and the memory traffic of adding to it.
//
// The ranks of the last rbBatch samples wait in a batch (batch[s·n + k]
// is the rank of row k in the s-th) and are then counted region by
// region: a region's counts, spread over a row of the table, are updated
// together rather than one sample at a time all over the table.
type rbHist struct {
	n       int
	c16     []uint16
	c32     []int32
	batch   []int32
	batched int
}

// rbBatch is the number of samples whose ranks wait in the batch.
const rbBatch = 256

func newRBHist(n, samples int) *rbHist {
	h := &rbHist{n: n}
	if samples <= 0xffff {
		h.c16 = make([]uint16, n*n)
		rbHugePages(h.c16)
	} else {
		h.c32 = make([]int32, n*n)
		rbHugePages(h.c32)
	}
	h.batch = make([]int32, rbBatch*n)
	return h
}

// record adds a sample's ranks (1-based, rank[k] the rank of row k).
func (h *rbHist) record(rank []int32) {
	copy(h.batch[h.batched*h.n:(h.batched+1)*h.n], rank)
	h.batched++
	if h.batched == rbBatch {
		h.flush()
	}
}

// flush counts the batched ranks.
func (h *rbHist) flush() {
	if h.c16 != nil {
		rbHistAdd(h.c16, h.batch, h.n, h.batched)
	} else {
		rbHistAdd(h.c32, h.batch, h.n, h.batched)
	}
	h.batched = 0
}

func rbHistAdd[C uint16 | int32](counts []C, batch []int32, n, batched int) {
	for k := range n {
		row := counts[k*n : (k+1)*n]
		for s := range batched {
			row[batch[s*n+k]-1]++
		}
	}
}

// rbRankPercentiles sets out[i] to the nearest-rank percentile pcts[i] of
// row k's ranks counted in the histograms hs together (total samples): the
// smallest rank r with at least pcts[i]% of the samples at r or better
// (pcts ascending). It reads the counts once, up to the last percentile.
func rbRankPercentiles(hs []*rbHist, k, total int, pcts, out []int) {
	n := hs[0].n
	if hs[0].c16 != nil {
		rows := make([][]uint16, len(hs))
		for w, h := range hs {
			rows[w] = h.c16[k*n : (k+1)*n]
		}
		rankPercentiles(rows, total, pcts, out)
		return
	}
	rows := make([][]int32, len(hs))
	for w, h := range hs {
		rows[w] = h.c32[k*n : (k+1)*n]
	}
	rankPercentiles(rows, total, pcts, out)
}

// rankPercentiles is rbRankPercentiles of the counts rows[w][r−1] of the
// samples at rank r, summed over w.
func rankPercentiles[C uint16 | int32](rows [][]C, total int, pcts, out []int) {
	if len(rows) == 0 || len(pcts) == 0 {
		return
	}
	// need(i): the samples at rank r or better that make rank r the
	// percentile pcts[i].
	need := func(i int) int64 { return max((int64(pcts[i])*int64(total)+99)/100, 1) }
	n := len(rows[0])
	i, next := 0, need(0)
	var cum int64
	for r := 0; r < n; r++ {
		for _, row := range rows {
			cum += int64(row[r])
		}
		for cum >= next {
			out[i] = r + 1
			if i++; i == len(pcts) {
				return
			}
			next = need(i)
		}
	}
	for ; i < len(pcts); i++ {
		out[i] = n
	}
}

// rbHistBytes is the size of an rbHist's table.
func rbHistBytes(n, samples int) int {
	if samples <= 0xffff {
		return 2 * n * n
	}
	return 4 * n * n
}
