package main

import "io"

// spoolChunk is the size of one spool chunk: large enough that a report of
// tens of megabytes takes few allocations.
const spoolChunk = 1 << 20

// spool holds rendered output in memory in fixed-size chunks until it is
// known to be complete. Unlike a bytes.Buffer it never copies what it
// already holds when it grows, which matters for outputs of tens of
// megabytes (a robust run over thousands of regions).
type spool struct {
	chunks [][]byte
}

// Write copies p into the spool; it never fails.
func (s *spool) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		last := len(s.chunks) - 1
		if last < 0 || len(s.chunks[last]) == cap(s.chunks[last]) {
			s.chunks = append(s.chunks, make([]byte, 0, spoolChunk))
			last++
		}
		c := s.chunks[last]
		k := copy(c[len(c):cap(c)], p)
		s.chunks[last] = c[:len(c)+k]
		p = p[k:]
	}
	return n, nil
}

// WriteTo writes the spooled bytes to w.
func (s *spool) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, c := range s.chunks {
		k, err := w.Write(c)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
