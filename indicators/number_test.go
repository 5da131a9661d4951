package indicators

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"0", 0},
		{"12", 12},
		{"  12.5 ", 12.5},
		{"\u300012\u3000", 12}, // full-width spaces
		{"+3", 3},
		{"-3.25", -3.25},
		{".5", 0.5},
		{"5.", 5},
		{"1,234", 1234},
		{"1,234,567.5", 1234567.5},
		{"-1,000", -1000},
		{"123,456", 123456},
		{"35%", 35}, // stripped, not divided
		{"35 %", 35},
		{"-2.5%", -2.5},
		{"1.2万", 12000},
		{"3亿", 3e8},
		{"2万亿", 2e12},
		{"1,200万", 1.2e7},
		{"１２３．５", 123.5}, // full-width digits and point
		{"－７", -7},
		{"\u22127", -7},    // full-width minus
		{"＋１，２３４", 1234},   // full-width plus and comma
		{"１２％", 12},        // full-width percent
		{"1.5E-3", 0.0015}, // as XLSX stores small numbers
		{"6.0000000000000001E-3", 0.006},
		{"2e5", 2e5},
		{"1e-400", 0}, // underflow is zero
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			v, missing, err := ParseNumber(tc.in)
			require.NoError(t, err)
			assert.False(t, missing)
			assert.InDelta(t, tc.want, v, 1e-9*math.Max(1, math.Abs(tc.want)))
		})
	}
}

func TestParseNumberMissing(t *testing.T) {
	for _, in := range []string{"", "  ", "\u3000", "NA", "na", "Na", "N/A", "n/a", "-", "—", "–", "..", " NA ", "－"} {
		t.Run(in, func(t *testing.T) {
			v, missing, err := ParseNumber(in)
			require.NoError(t, err)
			assert.True(t, missing)
			assert.True(t, math.IsNaN(v))
		})
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"abc", `"abc" is not a number`},
		{"NaN", `"NaN" is not a number`},
		{"nan", `"nan" is not a number`},
		{"Inf", `"Inf" is not a number`},
		{"+Inf", `"+Inf" is not a number`},
		{"infinity", `"infinity" is not a number`},
		{"0x10", `"0x10" is not a number`},
		{"0x1p3", `"0x1p3" is not a number`},
		{"1_000", `"1_000" is not a number`},
		{"1,23", `"1,23" has misplaced thousands separators (groups of three digits, e.g. 1,234,567.5)`},
		{"1234,567", `"1234,567" has misplaced thousands separators (groups of three digits, e.g. 1,234,567.5)`},
		{",123", `",123" has misplaced thousands separators (groups of three digits, e.g. 1,234,567.5)`},
		{"1,234,", `"1,234," has misplaced thousands separators (groups of three digits, e.g. 1,234,567.5)`},
		{"1,,234", `"1,,234" has misplaced thousands separators (groups of three digits, e.g. 1,234,567.5)`},
		{"1.234,5", `"1.234,5" has misplaced thousands separators (groups of three digits, e.g. 1,234,567.5)`},
		{"1,2a", `"1,2a" is not a number`},
		{"12%%", `"12%%" is not a number`},
		{"%", `"%" is not a number`},
		{"万", `"万" is not a number`},
		{"5万%", `"5万%" is not a number`},
		{"5%万", `"5%万" is not a number`},
		{"1 2", `"1 2" is not a number`},
		{"--1", `"--1" is not a number`},
		{"+-1", `"+-1" is not a number`},
		{".", `"." is not a number`},
		{"1e", `"1e" is not a number`},
		{"e5", `"e5" is not a number`},
		{"1.2.3", `"1.2.3" is not a number`},
		{"1e400", `"1e400" is out of range`},
		{"1e305亿", `"1e305亿" is out of range`},
		{"12元", `"12元" is not a number`},
		{"\xff", `"\xff" is not a number`},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", `"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"… is not a number`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, missing, err := ParseNumber(tc.in)
			require.Error(t, err)
			assert.False(t, missing)
			assert.Equal(t, tc.msg, err.Error())
		})
	}
}
