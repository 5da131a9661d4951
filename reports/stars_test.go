package reports

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStarGlyphs(t *testing.T) {
	tests := []struct {
		stars, classes int
		want           string
	}{
		{4, 5, "★★★★☆"},
		{5, 5, "★★★★★"},
		{1, 5, "★☆☆☆☆"},
		{0, 5, "—"},
		{-1, 5, "—"},
		{2, 3, "★★☆"},
		{7, 7, "★★★★★★★"},
		{2, 0, "★★☆☆☆"},  // unknown number of classes: 5
		{6, 5, "★★★★★★"}, // above the classes: no empty glyphs
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, StarGlyphs(tc.stars, tc.classes), "StarGlyphs(%d, %d)", tc.stars, tc.classes)
	}
}
