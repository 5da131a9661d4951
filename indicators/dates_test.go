package indicators

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func coDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseEvidenceDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		prec string
	}{
		{"2017", coDate(2017, 1, 1), PrecisionYear},
		{"2017-06", coDate(2017, 6, 1), PrecisionMonth},
		{"2017-06-07", coDate(2017, 6, 7), PrecisionDay},
		{"2017/06/07", coDate(2017, 6, 7), PrecisionDay},
		{"2017.06.07", coDate(2017, 6, 7), PrecisionDay},
		{"2017/6", coDate(2017, 6, 1), PrecisionMonth},
		{"2017-6-7", coDate(2017, 6, 7), PrecisionDay},
		{"2016-02-29", coDate(2016, 2, 29), PrecisionDay},
		{"2017年", coDate(2017, 1, 1), PrecisionYear},
		{"2017年6月", coDate(2017, 6, 1), PrecisionMonth},
		{"2017年6月7日", coDate(2017, 6, 7), PrecisionDay},
		{"2017 年 06 月 07 日", coDate(2017, 6, 7), PrecisionDay},
		{"2017年6月7号", coDate(2017, 6, 7), PrecisionDay},
		{"２０１７－０６－０７", coDate(2017, 6, 7), PrecisionDay},
		{"\u3000 2017-12-31 ", coDate(2017, 12, 31), PrecisionDay},
		{"1900", coDate(1900, 1, 1), PrecisionYear},
		{"2100-12-31", coDate(2100, 12, 31), PrecisionDay},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, prec, err := ParseEvidenceDate(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.prec, prec)
		})
	}

	bad := []struct{ in, msg string }{
		{"", "date is empty"},
		{"  ", "date is empty"},
		{"17", `"17" is not a date`},
		{"2017-06-07T10:00", `"2017-06-07T10:00" is not a date`},
		{"2017-06/07", `"2017-06/07" is not a date`},
		{"2017-006", `"2017-006" is not a date`},
		{"20170607", `"20170607" is not a date`},
		{"June 2017", `"June 2017" is not a date`},
		{"2017年6", `"2017年6" is not a date`},
		{"2017-13", `"2017-13" is not a date: there is no month 13`},
		{"2017-00-01", `"2017-00-01" is not a date: there is no month 0`},
		{"2017-02-29", `"2017-02-29" is not a date: month 2 of 2017 has 28 days`},
		{"2017-04-31", `"2017-04-31" is not a date: month 4 of 2017 has 30 days`},
		{"2017-01-00", `"2017-01-00" is not a date: month 1 of 2017 has 31 days`},
		{"1899-12-31", `"1899-12-31" is not a date: the year is not between 1900 and 2100`},
		{"2107", `"2107" is not a date: the year is not between 1900 and 2100`},
	}
	for _, tc := range bad {
		t.Run("bad "+tc.in, func(t *testing.T) {
			_, _, err := ParseEvidenceDate(tc.in)
			require.Error(t, err)
			assert.Equal(t, tc.msg, err.Error())
			// The message has Chinese.
			e := Errorf(Pos{}, hintDate, "%v", err)
			msg, hint := e.Localized("zh")
			assert.True(t, isChinese(msg), msg)
			assert.True(t, isChinese(hint), hint)
		})
	}
}

func TestYearsBetween(t *testing.T) {
	tests := []struct {
		from, to time.Time
		want     float64
	}{
		{coDate(2017, 1, 1), coDate(2017, 1, 1), 0},
		{coDate(2016, 1, 1), coDate(2017, 1, 1), 366 / 365.25},
		{coDate(2013, 1, 1), coDate(2017, 1, 1), 4}, // 1461 days
		{coDate(2017, 7, 1), coDate(2018, 1, 1), 184 / 365.25},
		{coDate(2018, 1, 1), coDate(2017, 1, 1), -1},             // 365 days back
		{coDate(1900, 1, 1), coDate(2100, 1, 1), 73049 / 365.25}, // 49 leap days (1904–2096); beyond a Duration's range
	}
	for _, tc := range tests {
		want := tc.want
		if want == -1 {
			want = -365 / 365.25
		}
		assert.InDelta(t, want, YearsBetween(tc.from, tc.to), 1e-12, "%v → %v", tc.from, tc.to)
	}
}

// TestYearsActive checks the mid-period convention: a year alone counts
// from 1 July, a month alone from its 15th, a day from that day; the
// measure runs to the end of the cutoff and is never negative.
func TestYearsActive(t *testing.T) {
	endOf2017 := yearEnd(2017)
	tests := []struct {
		date string
		cut  time.Time
		want float64
	}{
		{"2015", endOf2017, 915 / 365.25},    // 2015-07-01 → 2018-01-01
		{"2015-10", endOf2017, 809 / 365.25}, // 2015-10-15 → 2018-01-01
		{"2015-10-01", endOf2017, 823 / 365.25},
		{"2017-12-31", endOf2017, 1 / 365.25}, // in force for its whole day
		{"2017", periodEnd(coDate(2017, 3, 1), PrecisionDay), 0},
		{"2017-03", periodEnd(coDate(2017, 3, 20), PrecisionDay), 6 / 365.25}, // 15th → 21st
	}
	for _, tc := range tests {
		d, prec, err := ParseEvidenceDate(tc.date)
		require.NoError(t, err)
		assert.InDelta(t, tc.want, yearsActive(d, prec, tc.cut), 1e-12, tc.date)
	}
}

func TestPeriodEnd(t *testing.T) {
	last := func(y int, m time.Month, d int) time.Time {
		return coDate(y, m, d).AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	assert.Equal(t, last(2017, 12, 31), periodEnd(coDate(2017, 1, 1), PrecisionYear))
	assert.Equal(t, last(2016, 2, 29), periodEnd(coDate(2016, 2, 1), PrecisionMonth))
	assert.Equal(t, last(2017, 6, 7), periodEnd(coDate(2017, 6, 7), PrecisionDay))
	assert.Equal(t, last(2017, 12, 31), yearEnd(2017))
}
