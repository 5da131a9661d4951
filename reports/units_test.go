package reports

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/govindex/govindex/indicators"
)

func TestUnitLabel(t *testing.T) {
	for _, tc := range []struct {
		unit, unitEn, lang, want string
	}{
		{"件", "", "zh", "件"},
		{"件", "", "en", ""},
		{"个", "", "en", ""},
		{"年", "", "en", "yr"},
		{"天", "", "en", "days"},
		{"万元", "", "en", "ten thousand yuan"},
		{"%", "", "en", "%"},
		{"GB", "", "en", "GB"},
		{"吨", "", "en", "吨"},            // unknown: as written, until unit_en says
		{"吨", "tonnes", "en", "tonnes"}, // unit_en wins in English
		{"吨", "tonnes", "zh", "吨"},      // and is not used in Chinese
		{"个", "platforms", "en", "platforms"},
	} {
		ind := &indicators.Indicator{Unit: tc.unit, UnitEn: tc.unitEn}
		assert.Equal(t, tc.want, UnitLabel(tc.lang, ind), "%q/%q in %s", tc.unit, tc.unitEn, tc.lang)
	}
}

func TestArticleUnitProse(t *testing.T) {
	for _, tc := range []struct {
		unit, unitEn, lang string
		x                  float64
		want               string
	}{
		{"天", "", "en", 1, "1 day"},
		{"天", "", "en", 12, "12 days"},
		{"项", "", "en", 350, "350"},
		{"吨", "", "en", 3, "3"},
		{"吨", "tonnes", "en", 3, "3 tonnes"},
		{"吨", "tonnes", "zh", 3, "3 吨"},
		{"项", "", "zh", 12345, "1.23 万项"},
	} {
		ind := &indicators.Indicator{Unit: tc.unit, UnitEn: tc.unitEn}
		assert.Equal(t, tc.want, formatQuantity(tc.lang, tc.x, articleUnit(ind, tc.lang)), "%q/%q in %s", tc.unit, tc.unitEn, tc.lang)
	}
}
