package indicators

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// locatorDoc exercises what keyLocator has to understand; the comment at
// the end of each line is its number.
var locatorDoc = tomlLines(
	`title = "top"`,                          // 1
	`"quoted top" = 1`,                       // 2
	`site.url = "dotted at the top"`,         // 3
	``,                                       // 4
	`[index] # the index`,                    // 5
	`# name = "a comment, not the key"`,      // 6
	`  name = "测试 # not a comment = x"`,      // 7
	`	'name_en' = "literal key"`,             // 8
	`"we=ird" = 1`,                           // 9
	`"a.b" = 2`,                              // 10
	`meta = { author = "inline", year = 1 }`, // 11
	`data = [`,                               // 12
	`  "a.csv",`,                             // 13
	`  [1, 2],`,                              // 14
	`]`,                                      // 15
	`description = """`,                      // 16
	`weight = 2`,                             // 17
	`[index]`,                                // 18
	`"""`,                                    // 19
	`notes = '''`,                            // 20
	`regions = 'not this one'`,               // 21
	`'''`,                                    // 22
	`regions = "regions.csv"`,                // 23
	`[ "scoring" ]`,                          // 24
	`ties = "dense"`,                         // 25
	`"range" . lo = 0`,                       // 26
	`[[ indicator ]]`,                        // 27
	`id = "i1"`,                              // 28
	`weight = 1`,                             // 29
	`[[indicator]] # second`,                 // 30
	`id = "i2"`,                              // 31
	`  "政策" = 3`,                             // 32
	`[indicator.extra]`,                      // 33
	`weight = 9`,                             // 34
	`[[indicator]]`,                          // 35
	`weight = """a\"""b"""`,                  // 36
	`id = "i3"`,                              // 37
	`[index.sub]`,                            // 38
	`name = "sub"`,                           // 39
)

func TestKeyLocatorFind(t *testing.T) {
	k := newKeyLocator("index.toml", locatorDoc)
	for _, c := range []struct {
		table string
		idx   int
		key   string
		want  string
	}{
		// Top-level keys live before the first header.
		{"", 0, "title", "index.toml:1:1"},
		{"", 0, "quoted top", "index.toml:2:1"},
		{"", 0, "site", "index.toml:3:1"},
		{"", 0, "name", "index.toml"}, // only under [index]: not found at the top
		{"", 0, "", "index.toml"},
		// [table] keys; a comment with "=" is no key; columns count runes
		// after the leading blanks (tab included).
		{"index", 0, "", "index.toml:5:1"},
		{"index", 0, "name", "index.toml:7:3"},
		{"index", 0, "name_en", "index.toml:8:2"},
		{"index", 0, "we=ird", "index.toml:9:1"},
		{"index", 0, "a.b", "index.toml:10:1"},
		{"index", 0, "a", "index.toml:5:1"},
		{"index", 0, "meta", "index.toml:11:1"},
		// Keys inside an inline table fall back to the header.
		{"index", 0, "author", "index.toml:5:1"},
		// Lines inside multi-line arrays and strings are no keys or headers.
		{"index", 0, "data", "index.toml:12:1"},
		{"index", 0, "weight", "index.toml:5:1"},
		{"index", 0, "description", "index.toml:16:1"},
		{"index", 0, "notes", "index.toml:20:1"},
		{"index", 0, "regions", "index.toml:23:1"},
		{"index", 0, "missing", "index.toml:5:1"},
		{"index", 3, "name", "index.toml:7:3"}, // a standard table ignores idx
		// Quoted and spaced headers; dotted keys give their first part.
		{"scoring", 0, "ties", "index.toml:25:1"},
		{"scoring", 0, "range", "index.toml:26:1"},
		{"scoring", 0, "lo", "index.toml:24:1"},
		// [[array]] entries by index.
		{"indicator", 0, "", "index.toml:27:1"},
		{"indicator", 0, "id", "index.toml:28:1"},
		{"indicator", 0, "weight", "index.toml:29:1"},
		{"indicator", 1, "id", "index.toml:31:1"},
		{"indicator", 1, "政策", "index.toml:32:3"},
		{"indicator", 1, "weight", "index.toml:30:1"}, // [indicator.extra] ends the entry's own keys
		{"indicator", 2, "id", "index.toml:37:1"},     // after a multi-line string closed on its line
		{"indicator", 2, "weight", "index.toml:36:1"},
		{"indicator", 3, "id", "index.toml"},
		{"indicator.extra", 0, "weight", "index.toml:34:1"},
		{"index.sub", 0, "name", "index.toml:39:1"},
		// Missing tables: the file alone.
		{"stars", 0, "", "index.toml"},
		{"stars", 0, "method", "index.toml"},
		{"dimension", 0, "id", "index.toml"},
	} {
		assert.Equal(t, c.want, k.find(c.table, c.idx, c.key).String(), "%s #%d %q", c.table, c.idx, c.key)
	}
}

func TestKeyLocatorHeaders(t *testing.T) {
	k := newKeyLocator("index.toml", locatorDoc)
	assert.Equal(t, map[string]int{
		"index": 5, "scoring": 24, "indicator#0": 27, "indicator#1": 30, "indicator#2": 35,
		"indicator.extra": 33, "index.sub": 38,
	}, k.headers, "[index] inside a string and [1, 2] inside an array are no headers")

	p, ok := k.header("indicator")
	assert.True(t, ok)
	assert.Equal(t, "index.toml:27:1", p.String())
	p, ok = k.header("index.sub")
	assert.True(t, ok)
	assert.Equal(t, "index.toml:38:1", p.String())
	p, ok = k.header("uncertainty")
	assert.False(t, ok)
	assert.Equal(t, "index.toml", p.String())

	var got []string
	for _, p := range k.entriesWith("indicator", "weight") {
		got = append(got, p.String())
	}
	assert.Equal(t, []string{"index.toml:29:1", "index.toml:36:1"}, got)
	assert.Empty(t, k.entriesWith("indicator", "unit"))
	assert.Empty(t, k.entriesWith("dimension", "id"))

	// The first of two standard headers of one name is kept (the second
	// is a TOML error the decoder reports).
	k = newKeyLocator("x.toml", "[index]\na = 1\n[index]\nb = 2\n")
	assert.Equal(t, map[string]int{"index": 1}, k.headers)
	// An empty document has one empty line and no headers.
	k = newKeyLocator("x.toml", "")
	assert.Equal(t, "x.toml", k.find("", 0, "a").String())
	assert.Equal(t, "x.toml", k.find("index", 0, "").String())
}

func TestKeyOfLine(t *testing.T) {
	for line, want := range map[string]string{
		`weight = 1`:            "weight",
		`weight=1`:              "weight",
		`name_en	= "x"`:         "name_en",
		`"name" = 1`:            "name",
		`'name' = 1`:            "name",
		`"we=ird" = 1`:          "we=ird",
		`"a.b" = 1`:             "a.b",
		`"esc\"aped" = 1`:       `esc"aped`,
		`"\u653f" = 1`:          "政",
		`"" = 1`:                "",
		`a.b.c = 1`:             "a",
		`a . b = 1`:             "a",
		`a."b.c" = 1`:           "a",
		`"a".b = 1`:             "a",
		`a. = 1`:                "",
		`a b = 1`:               "",
		`# weight = 1`:          "",
		`#weight=1`:             "",
		`[index]`:               "",
		`[[indicator]]`:         "",
		`"unterminated = 1`:     "",
		`'unterminated = 1`:     "",
		`weight`:                "",
		`= 1`:                   "",
		``:                      "",
		`政策 = 1`:                "",
		`1 = "digits are keys"`: "1",
	} {
		assert.Equal(t, want, keyOfLine(line), line)
	}
}

func TestHeaderName(t *testing.T) {
	for _, c := range []struct {
		in, closer, want string
		ok               bool
	}{
		{"index]", "]", "index", true},
		{" index ] # c", "]", "index", true},
		{`"index"]`, "]", "index", true},
		{`'a b' . c]`, "]", "a b.c", true},
		{`index.sub]`, "]", "index.sub", true},
		{"indicator]]", "]]", "indicator", true},
		{"indicator]", "]]", "", false},
		{"]", "]", "", false},
		{"index", "]", "", false},
		{"1, 2],", "]", "", false},
		{`"a", "b"]`, "]", "", false},
	} {
		got, ok := headerName(c.in, c.closer)
		assert.Equal(t, c.ok, ok, c.in)
		assert.Equal(t, c.want, got, c.in)
	}
}

func TestValueScanner(t *testing.T) {
	for _, c := range []struct {
		lines  []string
		inside bool
	}{
		{[]string{`a = [`}, true},
		{[]string{`a = [`, `1,`, `]`}, false},
		{[]string{`a = [[1, 2],`, `[3, 4]]`}, false},
		{[]string{`a = "[" # [`}, false},
		{[]string{`a = '[{'`}, false},
		{[]string{`a = "\"[" `}, false},
		{[]string{`a = """`}, true},
		{[]string{`a = """`, `b = [`, `"""`}, false},
		{[]string{`a = """x\"""`}, true},
		{[]string{`a = """x""""`}, false},
		{[]string{`a = '''`, `\'''`}, false},
		{[]string{`a = { b = [`}, true},
		{[]string{`a = { b = [`, `] }`}, false},
		{[]string{`a = ]]]`, `b = [`}, true},
	} {
		var s valueScanner
		for _, l := range c.lines {
			s.scan(l)
		}
		assert.Equal(t, c.inside, s.inside(), "%q", c.lines)
	}
}
