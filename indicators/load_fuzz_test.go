package indicators

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseDefinition checks that Parse never panics or hangs on any
// input, that it returns either a definition or bad input, and that every
// position it reports lies within the document.
func FuzzParseDefinition(f *testing.F) {
	for _, doc := range []string{
		fullDefinition,
		defHead + defTree,
		"",
		"\xef\xbb\xbf" + defHead + defTree,
		strings.ReplaceAll(defHead+defTree, "\n", "\r\n"),
		defHead + defTree + tomlLines(`wieght = 2`, `[[indicator]]`, `id = "i2"`, `dimension = "d1"`, `wieght = 3`),
		defHead + defTree + tomlLines(`weight = "high"`, `[[indicator]]`, `id = "i2"`, `dimension = "d1"`, `weight = 2`),
		defHead + tomlLines(`[[dimension]]`, `id = "a"`, `parent = "b"`, `[[dimension]]`, `id = "b"`, `parent = "a"`, `[[indicator]]`, `id = "i"`, `dimension = "a"`),
		defHead + defTree + tomlLines(`[[ahp]]`, `matrix = [`, `  [1, "1/3"],`, `  ["3", 1],`, `]`, `parnet = "d1"`),
		defHead + defTree + tomlLines(`description = """`, `[index]`, `weight = 2`, `"""`, `goalposts = [5, 5, 5]`),
		defHead + defTree + tomlLines(`[stars]`, `thresholds = [nan, 1]`, `labels = []`, `[scoring]`, `range = [1, 1]`, `round = -1`),
		tomlLines(`[index]`, `name = "测试指数`, `regions = "r.csv"`),
		tomlLines(`index = 3`, `[[scoring]]`, `[foo.bar]`, `"" = 1`, `a."b.c".d = 2`),
		defHead + tomlLines(`data = [a.csv]`),
		"[index]\nname = \"\xb6\xfe\"\n",
		"\x00[\x00i\x00",
		"[[indicator]]\nid = \"x\"\n[indicator.extra]\nq = 1\n[[indicator]]\nextra = {q = 2}\n",
		defHead + tomlLines(`data = ["a.csv", 'b.csv',`, `  "c\\"d.csv"]`, `[limits]`, `max_file_mb = 0.5`, `max_regions = 0`, `max_cells = -1`, `max_year = 2`) + defTree,
		defHead + tomlLines(`[limits]`, `max_indicators = 1`) + defTree + tomlLines(`[[indicator]]`, `id = "i2"`, `dimension = "d1"`),
		// Bidi controls, raw and escaped, and a look-alike id.
		defHead + defTree + tomlLines(`name = "per \u202E100"`, `unit = '\U0000202e'`, "# \u2067 comment"),
		defHead + defTree + tomlLines(`[[indicator]]`, "id = \"i1\u200b\"", `dimension = "d1"`),
	} {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse("index.toml", src, nil)
		text := strings.Split(string(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))), "\n")
		checkPos := func(p Pos, what string) {
			if p.File != "index.toml" || p.Line < 0 || p.Line > len(text) || (p.Line == 0 && p.Col != 0) {
				t.Fatalf("%s: position %+v outside the %d-line document", what, p, len(text))
			}
			if p.Line > 0 && (p.Col < 1 || p.Col > utf8.RuneCountInString(text[p.Line-1])+1) {
				t.Fatalf("%s: column of %+v outside line %q", what, p, text[p.Line-1])
			}
		}
		if err != nil {
			if d != nil {
				t.Fatalf("both a definition and an error: %v", err)
			}
			if !IsInputError(err) {
				t.Fatalf("not bad input: %T %v", err, err)
			}
			var list ErrorList
			var one *InputError
			switch {
			case errors.As(err, &list):
				if len(list) == 0 {
					t.Fatal("empty error list")
				}
				for i, e := range list {
					checkPos(e.Pos, e.Error())
					if i > 0 && e.Pos.Line < list[i-1].Pos.Line {
						t.Fatalf("problems not sorted by line:\n%v", list)
					}
				}
			case errors.As(err, &one):
				checkPos(one.Pos, one.Error())
				list = ErrorList{one}
			}
			for _, e := range list {
				if zh, _ := e.Localized("zh"); zh == "" {
					t.Fatalf("no Chinese for %v", e)
				}
			}
			return
		}
		if d == nil {
			t.Fatal("neither a definition nor an error")
		}
		// A definition that loads is a tree: walking it ends.
		for i, x := range d.Dimensions {
			d.IndicatorsUnder(x.ID)
			checkPos(d.KeyPos("dimension", i, "id"), "dimension id")
		}
		for i := range d.Indicators {
			checkPos(d.KeyPos("indicator", i, "weight"), "indicator weight")
		}
		// The places that name files, for the messages about them.
		checkPos(d.valuePos("index", 0, "regions", d.Index.Regions), "regions file")
		for _, f := range d.Index.Data {
			checkPos(d.valuePos("index", 0, "data", f), "data file")
		}
		for i, src := range d.Sources {
			for _, f := range src.Files {
				checkPos(d.valuePos("source", i, "files", f), "evidence file")
			}
		}
		if d.Limits.FileBytes() <= 0 || d.Limits.Regions() <= 0 || d.Limits.Cells() <= 0 {
			t.Fatalf("limits not positive: %+v", d.Limits)
		}
		d.ChildDimensions("")
	})
}
