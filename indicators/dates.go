package indicators

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Precisions of evidence dates, as ParseEvidenceDate returns them.
const (
	PrecisionYear  = "year"
	PrecisionMonth = "month"
	PrecisionDay   = "day"
)

// Evidence dates are read between these years: outside them a date is far
// more likely a typo (2107 for 2017) than a record.
const (
	minEvidenceYear = 1900
	maxEvidenceYear = 2100
)

const hintDate = "write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2017-06-07 (2017/06/07, 2017.06.07 and 2017年6月7日 are read too)"

var (
	// dateNumeric is YYYY, YYYY-MM or YYYY-MM-DD with -, / or . between
	// the parts (the same separator twice; checked after matching, as Go's
	// regexp has no back references).
	dateNumeric = regexp.MustCompile(`^(\d{4})(?:([-/.])(\d{1,2})(?:([-/.])(\d{1,2}))?)?$`)
	// dateChinese is YYYY年, YYYY年M月 or YYYY年M月D日 (号 is accepted for
	// 日), with optional spaces between the parts.
	dateChinese = regexp.MustCompile(`^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?$`)
)

// ParseEvidenceDate reads the date cell of an evidence record:
//
//   - YYYY, YYYY-MM or YYYY-MM-DD (the contract's forms);
//   - the same with / or . between the parts (2017/06/07, 2017.06.07), and
//     months and days of one digit (2017-6-7);
//   - Chinese dates: YYYY年, YYYY年M月, YYYY年M月D日 (or 号).
//
// Full-width digits and separators are read as their ASCII forms and
// surrounding spaces are ignored. Years run from 1900 to 2100.
//
// t is the first instant of the period the date names, in UTC: a record
// dated 2017 counts for 2017 from 2017-01-01, one dated 2017-06 from
// 2017-06-01. precision is PrecisionYear, PrecisionMonth or PrecisionDay.
// The error text says what is wrong (the caller adds the position).
func ParseEvidenceDate(s string) (t time.Time, precision string, err error) {
	orig := s
	s = strings.TrimSpace(width.Narrow.String(s))
	if s == "" {
		return time.Time{}, "", fmt.Errorf("date is empty")
	}
	var ys, ms, ds string
	if m := dateNumeric.FindStringSubmatch(s); m != nil {
		if m[4] != "" && m[4] != m[2] {
			return time.Time{}, "", fmt.Errorf("%s is not a date", quoteCell(orig))
		}
		ys, ms, ds = m[1], m[3], m[5]
	} else if m := dateChinese.FindStringSubmatch(s); m != nil {
		ys, ms, ds = m[1], m[2], m[3]
	} else {
		return time.Time{}, "", fmt.Errorf("%s is not a date", quoteCell(orig))
	}
	year, _ := strconv.Atoi(ys)
	if year < minEvidenceYear || year > maxEvidenceYear {
		return time.Time{}, "", fmt.Errorf("%s is not a date: the year is not between 1900 and 2100", quoteCell(orig))
	}
	if ms == "" {
		return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear, nil
	}
	month, _ := strconv.Atoi(ms)
	if month < 1 || month > 12 {
		return time.Time{}, "", fmt.Errorf("%s is not a date: there is no month %d", quoteCell(orig), month)
	}
	if ds == "" {
		return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), PrecisionMonth, nil
	}
	day, _ := strconv.Atoi(ds)
	if n := daysIn(year, month); day < 1 || day > n {
		return time.Time{}, "", fmt.Errorf("%s is not a date: month %d of %d has %d days", quoteCell(orig), month, year, n)
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), PrecisionDay, nil
}

// daysIn is the number of days of a month.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// YearsBetween is the time from from to to in years of 365.25 days
// (negative when to comes first).
func YearsBetween(from, to time.Time) float64 {
	// Seconds, not a Duration: a Duration spans only ±292 years.
	secs := float64(to.Unix()-from.Unix()) + float64(to.Nanosecond()-from.Nanosecond())/1e9
	return secs / (365.25 * 24 * 3600)
}

// periodEnd is the last instant of the period that starts at t with the
// given precision: 2017 ends at 2017-12-31T23:59:59.999999999, 2017-06 at
// the last instant of 30 June, 2017-06-07 at the last instant of that day.
func periodEnd(t time.Time, precision string) time.Time {
	switch precision {
	case PrecisionYear:
		return t.AddDate(1, 0, 0).Add(-time.Nanosecond)
	case PrecisionMonth:
		return t.AddDate(0, 1, 0).Add(-time.Nanosecond)
	}
	return t.AddDate(0, 0, 1).Add(-time.Nanosecond)
}

// yearEnd is the last instant of a year.
func yearEnd(year int) time.Time {
	return time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
}

// activeFrom is the instant from which a record counts as active when
// measuring how long a region has been active (years_active): the
// mid-period convention, also used by the 2017 edition's README. A date
// given as a year alone is taken as 1 July of that year, a month alone as
// its 15th, and a full date as that day. (Counting — whether a record is
// in force by a cutoff — uses the first instant of the period instead; see
// ParseEvidenceDate.)
func activeFrom(t time.Time, precision string) time.Time {
	switch precision {
	case PrecisionYear:
		return time.Date(t.Year(), time.July, 1, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		return time.Date(t.Year(), t.Month(), 15, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// yearsActive is the years_active measure: the years from the first
// record (taken at activeFrom) to the end of the cutoff, never negative (a
// record dated 2017 counts by a cutoff of 2017-03-01 but is taken to start
// on 1 July, after it).
func yearsActive(first time.Time, precision string, cutoff time.Time) float64 {
	return max(0, YearsBetween(activeFrom(first, precision), cutoff.Add(time.Nanosecond)))
}
