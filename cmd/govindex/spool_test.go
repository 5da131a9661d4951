package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSpoolKeepsBytesInOrder(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writes []int
	}{
		{"empty", nil},
		{"small", []int{1, 2, 3}},
		{"exact chunk", []int{spoolChunk}},
		{"across chunks", []int{spoolChunk - 1, 2, spoolChunk + 5, 7}},
		{"one large write", []int{3*spoolChunk + 11}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s spool
			var want bytes.Buffer
			b := byte(0)
			for _, n := range tc.writes {
				p := make([]byte, n)
				for i := range p {
					p[i] = b
					b++
				}
				k, err := s.Write(p)
				require.NoError(t, err)
				assert.Equal(t, n, k)
				want.Write(p)
			}
			var got bytes.Buffer
			n, err := s.WriteTo(&got)
			require.NoError(t, err)
			assert.Equal(t, int64(want.Len()), n)
			assert.True(t, bytes.Equal(want.Bytes(), got.Bytes()))
		})
	}
}
