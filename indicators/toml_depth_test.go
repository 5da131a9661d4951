package indicators

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTOMLTooDeep(t *testing.T) {
	deep := "[" + strings.Repeat("a.", 19999) + "a]\n"
	tests := []struct {
		name, src string
		max       int
		ok        bool
		line, col int
		depth     int
	}{
		{"index.toml", "[index]\nname = \"t\"\n[[ahp]]\nmatrix = [[1, 2], [0.5, 1]]\n", 5, true, 0, 0, 0},
		{"matrix one over", "[[ahp]]\nmatrix = [[1, 2], [0.5, 1]]\n", 4, false, 2, 11, 5},
		{"header", deep, 32, false, 1, 66, 33},
		{"array table", "[[a.b]]\nc = 1\n", 3, false, 2, 1, 4},
		{"dotted key", "a.b.c = 1\n", 2, false, 1, 5, 3},
		{"quoted parts", "[\"a.b\".'c.d']\ne = 1\n", 2, false, 2, 1, 3},
		{"inline tables", "x = {a = {b = 1}}\n", 2, false, 1, 11, 3},
		{"arrays", "x = [[[1]]]\n", 3, false, 1, 7, 4},
		{"arrays across lines", "x = [\n  [\n   [1],\n  ],\n]\n", 3, false, 3, 4, 4},
		{"strings are not nesting", "x = \"[[[[{{{{\"\ny = '[[[['\nz = \"\"\"\n[[[[\n\"\"\"\n", 1, true, 0, 0, 0},
		{"comments are not nesting", "# [[[[[[\nx = 1 # [[[[\n", 1, true, 0, 0, 0},
		{"escaped quote", "x = \"a\\\"[[[[\"\n", 1, true, 0, 0, 0},
		{"multi-line ending in quotes", "x = \"\"\"a\"\"\"\"\"\ny = [[1]]\n", 2, false, 2, 6, 3},
		{"bad syntax goes on", "x = [1 2 [3]]\n]]]]\n[a.b.c]\n", 2, false, 3, 6, 3},
		{"unterminated string", "x = \"[[[[\n[a]\n", 1, true, 0, 0, 0},
		{"empty", "", 1, true, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			off, depth, ok := tomlTooDeep(tc.src, tc.max)
			require.Equal(t, tc.ok, ok)
			if ok {
				return
			}
			line, col := offsetLineCol(tc.src, off)
			assert.Equal(t, []int{tc.line, tc.col, tc.depth}, []int{line, col, depth})
		})
	}
}

// A deep header is refused by Parse with its place, before the decoder
// sees it.
func TestParseRefusesDeepTOML(t *testing.T) {
	src := "[index]\nname = \"t\"\n[" + strings.Repeat("a.", 199999) + "a]\n"
	_, err := Parse("index.toml", []byte(src), nil)
	require.Error(t, err)
	assert.Equal(t, "index.toml:3:66: the TOML nests 33 levels deep here, over the limit of 32 levels; fix: "+
		"an index definition nests a few levels ([table], key = value, [[…]] in a matrix); check that you named the right file", err.Error())
}

// tomlTreeDepth is the depth of a decoded TOML value as tomlTooDeep
// counts it: a level per key and per array.
func tomlTreeDepth(v any) int {
	d := 0
	switch x := v.(type) {
	case map[string]any:
		for _, c := range x {
			d = max(d, 1+tomlTreeDepth(c))
		}
	case []map[string]any:
		d = 1
		for _, c := range x {
			d = max(d, 1+tomlTreeDepth(c))
		}
	case []any:
		d = 1
		for _, c := range x {
			d = max(d, 1+tomlTreeDepth(c))
		}
	}
	return d
}

// FuzzTOMLDepth checks that the scan never counts fewer levels than the
// decoder builds (for any text the decoder accepts), so the limit holds
// for what the decoder would do, and that it never fails.
func FuzzTOMLDepth(f *testing.F) {
	for _, s := range []string{
		"[index]\nname = \"t\"\n[[ahp]]\nmatrix = [[1, 2], [0.5, 1]]\n",
		"[a.b.c]\nd.e = {f = [1, {g = 2}]}\n",
		"[[a.b]]\nc = 1\n[[a.b]]\nc = [[[]]]\n",
		"x = \"\"\"\n[[[\n\"\"\"\ny = '''[['''\nz = [ # c [\n 1,\n]\n",
		"\"a.b\".'c' = { d = { e = 1 } }\n",
		"x = []\ny = {}\n[z]\n",
		"a = [\n[\n1\n],\n[2]\n]\n",
		"x = \"\\\"[\"\n",
		"x = \"\"\"a\"\"\"\"\"\ny = [[1]]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		_, maxDepth, ok := tomlTooDeep(src, 0)
		if ok {
			maxDepth = 0
		}
		var v map[string]any
		if _, err := toml.Decode(src, &v); err != nil {
			return
		}
		if d := tomlTreeDepth(v); d > 0 {
			// The scan must see depth d: with the limit one below it, it
			// must refuse.
			if _, _, ok := tomlTooDeep(src, d-1); ok {
				t.Fatalf("decoded depth %d, but the scan passes %q at limit %d (first level seen %d)", d, src, d-1, maxDepth)
			}
		}
	})
}
