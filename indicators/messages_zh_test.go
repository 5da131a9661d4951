package indicators

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// catalogueDirs are the packages whose error messages users see; the
// paths are relative to this package's directory.
var catalogueDirs = []string{".", "../scoring", "../cmd/govindex"}

// literalCall is a call that passes a constant message format or hint.
type literalCall struct {
	at     string // file:line
	kind   string // "format" or "hint"
	text   string
	skip   string // why the argument is not checked, if it is not
	format bool
}

// wrapper is a function that passes its own parameters on as the hint and
// format of Errorf (the add closures of Definition.check, say).
type wrapper struct{ hint, format int }

// errorfCalls parses every non-test Go file of dirs and returns the hint
// and format arguments of every call to Errorf, indicators.Errorf, usagef
// or a wrapper of them.
func errorfCalls(t *testing.T, dirs []string) []literalCall {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, dir := range dirs {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		if len(names) == 0 {
			t.Fatalf("no Go files in %s", dir)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}

	// Package-level string constants, by package directory.
	pkgConsts := map[string]map[string]string{}
	for _, f := range files {
		dir := filepath.Dir(fset.File(f.Pos()).Name())
		if pkgConsts[dir] == nil {
			pkgConsts[dir] = map[string]string{}
		}
		for _, decl := range f.Decls {
			if g, ok := decl.(*ast.GenDecl); ok {
				collectStrings(g, pkgConsts[dir])
			}
		}
	}

	// Wrappers: functions (declared or literals bound to a name) whose
	// parameters go on as Errorf's hint and format.
	wrappers := map[string]wrapper{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			var name string
			var ft *ast.FuncType
			var body *ast.BlockStmt
			switch n := n.(type) {
			case *ast.FuncDecl:
				name, ft, body = n.Name.Name, n.Type, n.Body
			case *ast.AssignStmt:
				if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
					return true
				}
				id, ok1 := n.Lhs[0].(*ast.Ident)
				lit, ok2 := n.Rhs[0].(*ast.FuncLit)
				if !ok1 || !ok2 {
					return true
				}
				name, ft, body = id.Name, lit.Type, lit.Body
			default:
				return true
			}
			if body == nil || name == "Errorf" || name == "usagef" {
				return true
			}
			params := paramIndex(ft)
			ast.Inspect(body, func(m ast.Node) bool {
				call, ok := m.(*ast.CallExpr)
				if !ok || !isErrorf(call) {
					return true
				}
				hi, fi := argIndexes(call)
				h, hok := identParam(call.Args, hi, params)
				fm, fok := identParam(call.Args, fi, params)
				if fok {
					if !hok {
						h = -1
					}
					wrappers[name] = wrapper{hint: h, format: fm}
				}
				return true
			})
			return true
		})
	}

	var out []literalCall
	for _, f := range files {
		dir := filepath.Dir(fset.File(f.Pos()).Name())
		for _, decl := range f.Decls {
			// Strings bound to names inside this function (local consts
			// and hint := "…" variables), for hints passed by name.
			local := map[string][]string{}
			ast.Inspect(decl, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.GenDecl:
					m := map[string]string{}
					collectStrings(n, m)
					for k, v := range m {
						local[k] = append(local[k], v)
					}
				case *ast.AssignStmt:
					if len(n.Lhs) != len(n.Rhs) {
						return true
					}
					for i, l := range n.Lhs {
						id, ok := l.(*ast.Ident)
						if !ok {
							continue
						}
						if s, ok := stringLit(n.Rhs[i]); ok {
							local[id.Name] = append(local[id.Name], s)
						} else if r, ok := n.Rhs[i].(*ast.Ident); ok {
							if s, ok := pkgConsts[dir][r.Name]; ok {
								local[id.Name] = append(local[id.Name], s)
							}
						}
					}
				}
				return true
			})
			if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
				continue // package-level constants are reached through calls
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				hi, fi := -1, -1
				if isErrorf(call) {
					hi, fi = argIndexes(call)
				} else if id, ok := call.Fun.(*ast.Ident); ok {
					w, ok := wrappers[id.Name]
					if !ok {
						return true
					}
					hi, fi = w.hint, w.format
				} else {
					return true
				}
				p := fset.Position(call.Pos())
				at := fmt.Sprintf("%s:%d", filepath.ToSlash(p.Filename), p.Line)
				add := func(i int, kind string) {
					if i < 0 || i >= len(call.Args) {
						return
					}
					a := call.Args[i]
					lc := literalCall{at: at, kind: kind, format: kind == "format"}
					switch a := a.(type) {
					case *ast.BasicLit:
						lc.text, _ = stringLit(a)
					case *ast.Ident:
						if s, ok := pkgConsts[dir][a.Name]; ok {
							lc.text = s
						} else if ss, ok := local[a.Name]; ok {
							for _, s := range ss {
								c := lc
								c.text = s
								out = append(out, c)
							}
							return
						} else {
							lc.skip = "variable " + a.Name
						}
					case *ast.BinaryExpr:
						lc.skip = "built with +"
					case *ast.CallExpr:
						lc.skip = "built at run time"
					default:
						lc.skip = fmt.Sprintf("%T", a)
					}
					out = append(out, lc)
				}
				add(hi, "hint")
				add(fi, "format")
				return true
			})
		}
	}
	return out
}

// isErrorf tells a call of Errorf, indicators.Errorf or usagef (not
// fmt.Errorf).
func isErrorf(call *ast.CallExpr) bool {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name == "Errorf" || fn.Name == "usagef"
	case *ast.SelectorExpr:
		x, ok := fn.X.(*ast.Ident)
		return ok && x.Name == "indicators" && fn.Sel.Name == "Errorf"
	}
	return false
}

// argIndexes returns the positions of the hint and format arguments.
func argIndexes(call *ast.CallExpr) (hint, format int) {
	if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "usagef" {
		return 0, 1
	}
	return 1, 2
}

func paramIndex(ft *ast.FuncType) map[string]int {
	m := map[string]int{}
	i := 0
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			i++
		}
		for _, n := range f.Names {
			m[n.Name] = i
			i++
		}
	}
	return m
}

func identParam(args []ast.Expr, i int, params map[string]int) (int, bool) {
	if i >= len(args) {
		return 0, false
	}
	id, ok := args[i].(*ast.Ident)
	if !ok {
		return 0, false
	}
	p, ok := params[id.Name]
	return p, ok
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// collectStrings adds the string constants and variables a declaration
// binds to literals.
func collectStrings(g *ast.GenDecl, m map[string]string) {
	if g.Tok != token.CONST && g.Tok != token.VAR {
		return
	}
	for _, spec := range g.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok || len(vs.Values) != len(vs.Names) {
			continue
		}
		for i, n := range vs.Names {
			if s, ok := stringLit(vs.Values[i]); ok {
				m[n.Name] = s
			}
		}
	}
}

// TestCatalogueCoversMessages fails when an error message or hint written
// in the code has no Chinese in messages_zh.go: every new message must
// come with its translation.
func TestCatalogueCoversMessages(t *testing.T) {
	calls := errorfCalls(t, catalogueDirs)
	if len(calls) < 100 {
		t.Fatalf("found only %d message arguments; is the parser missing calls?", len(calls))
	}
	var missing []string
	seen := map[string]bool{}
	for _, c := range calls {
		if c.skip != "" {
			if testing.Verbose() {
				t.Logf("%s: %s not checked (%s)", c.at, c.kind, c.skip)
			}
			continue
		}
		var ok bool
		if c.format {
			_, ok = zhMessages[c.text]
		} else {
			ok = c.text == "" || zhHints[c.text] != ""
		}
		key := c.kind + "\x00" + c.text
		if !ok && !seen[key] {
			seen[key] = true
			missing = append(missing, fmt.Sprintf("%s: %s %q", c.at, c.kind, c.text))
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Errorf("%d messages or hints have no Chinese in messages_zh.go (zhMessages / zhHints):\n%s",
			len(missing), strings.Join(missing, "\n"))
	}
}

// verb is one formatting directive: the argument it consumes and its verb
// letter.
type verb struct {
	arg    int // 0-based
	letter rune
}

var verbPattern = regexp.MustCompile(`%(?:[-+# 0]*)(?:\[(\d+)\])?(?:\d+|\*)?(?:\.(?:\d+|\*)?)?([a-zA-Z%])`)

// verbs lists the directives of a format, ignoring %%.
func verbs(format string) []verb {
	var out []verb
	next := 0
	for _, m := range verbPattern.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			next = n - 1
		}
		out = append(out, verb{next, rune(m[2][0])})
		next++
	}
	return out
}

// sampleArg is an argument of the kind verb v takes.
func sampleArg(v rune) any {
	switch v {
	case 'd', 'x', 'X', 'c', 'o', 'b':
		return 171
	case 'g', 'f', 'e', 'G', 'E':
		return 1.5
	case 'v':
		return errors.New("sample error")
	}
	return "sample"
}

func TestCatalogueFormatsMatch(t *testing.T) {
	for en, zh := range zhMessages {
		ev, zv := verbs(en), verbs(zh)
		if len(ev) != len(zv) {
			t.Errorf("%q has %d verbs but its Chinese %q has %d", en, len(ev), zh, len(zv))
			continue
		}
		want := map[int]rune{}
		for _, v := range ev {
			want[v.arg] = v.letter
		}
		for _, v := range zv {
			if l, ok := want[v.arg]; !ok || l != v.letter {
				t.Errorf("%q: Chinese %q uses %%%c for argument %d, the English %%%c", en, zh, v.letter, v.arg+1, l)
			}
		}
		args := make([]any, len(ev))
		for _, v := range ev {
			args[v.arg] = sampleArg(v.letter)
		}
		if got := fmt.Sprintf(zh, args...); strings.Contains(got, "%!") {
			t.Errorf("%q: Chinese %q renders as %q", en, zh, got)
		}
		english := fmt.Sprintf(en, args...)
		if got := Translate(en, args, english); strings.Contains(got, "%!") || (got == english && zh != en) {
			t.Errorf("Translate(%q) = %q", en, got)
		}
		if strings.TrimSpace(zh) == "" {
			t.Errorf("%q has an empty translation", en)
		}
	}
	for en, zh := range zhHints {
		if strings.TrimSpace(zh) == "" || zh == en {
			t.Errorf("hint %q has no translation", en)
		}
	}
}

// TestTranslateDynamic checks the translations of messages and hints
// built at run time, and of messages changed after they were made.
func TestTranslateDynamic(t *testing.T) {
	hints := []struct{ en, zh string }{
		{`did you mean "weight"?`, `是否应为 "weight"？`},
		{"remove it or correct its spelling; accepted keys: name, year", "删除该键或改正拼写；可用的键：name, year"},
		{"use one of: minmax, zscore", "请使用其中之一：minmax, zscore"},
		{"use --format table|csv|json|md", "请使用 --format table|csv|json|md"},
		{`did you mean "x1"? Indicator ids are those of the [[indicator]] entries in index.toml`, `是否应为 "x1"？指标 id 即 index.toml 中各 [[indicator]] 的 id`},
		{"did you mean 520000 (贵州省)? Regions are matched by the exact code or name in regions.csv", "是否应为 520000（贵州省）？地区须与 regions.csv 中的代码或名称完全一致"},
		{"choose one of the years with data: 2022, 2023", "请从有数据的年份中选择：2022, 2023"},
		{"write a number without quotes, e.g. weight = 1", "写数字，不加引号，例如 weight = 1"},
		{"name the id of a [[dimension]] (a, b)", "请填写某个 [[dimension]] 的 id（a, b）"},
		{"name a [[dimension]] id, or leave it out for any top-level dimension (a, b)", "请填写某个 [[dimension]] 的 id；省略则适用于任一顶层维度（a, b）"},
		{`write one row and one column per child of dimension "d", in this order: x, y`, `维度 "d" 的每个下级各占一行一列，顺序为：x, y`},
		{"run govindex rate --help", "运行 govindex rate --help 查看用法"},
		{"no such hint", "no such hint"},
		{"no such hint (a, b)", "no such hint (a, b)"},
	}
	for _, h := range hints {
		if got := TranslateHint(h.en); got != h.zh {
			t.Errorf("TranslateHint(%q) = %q, want %q", h.en, got, h.zh)
		}
	}

	// A message changed after Errorf keeps the change in Chinese.
	e := Errorf(Pos{}, "", "unknown region %s", `"贵州"`)
	e.Msg += " (and 2 more rows)"
	if got, _ := e.Localized("zh"); got != `未知的地区 "贵州"（另有 2 行同样如此）` {
		t.Errorf("repeated: %q", got)
	}
	e = Errorf(Pos{}, hintEncoding, "not valid UTF-8: byte 0x%02X at offset %d", 0xB9, 12)
	e.Msg = strings.Replace(e.Msg, "not valid UTF-8", "neither UTF-8 nor GB18030 text", 1)
	if got, _ := e.Localized("zh"); !strings.Contains(got, "GB18030") || !strings.Contains(got, "0xB9") || !isChinese(got) {
		t.Errorf("replaced: %q", got)
	}
	e.Msg = "something else entirely"
	if got, _ := e.Localized("zh"); got != "something else entirely" {
		t.Errorf("unknown change: %q", got)
	}

	// Arguments: number errors, method kinds, wrapped input errors.
	_, _, err := ParseNumber("abc")
	e = Errorf(Pos{}, valueHint, "value %v", err)
	if got, hint := e.Localized("zh"); got != `数值 "abc" 不是数字` || !isChinese(hint) {
		t.Errorf("value: %q, %q", got, hint)
	}
	if got, _ := e.Localized("en"); got != `value "abc" is not a number` {
		t.Errorf("value in English: %q", got)
	}
	e = Errorf(Pos{}, "", "unknown %s method %q", "normalisation", "minmux")
	if got, _ := e.Localized("zh"); got != `未知的标准化方法 "minmux"` {
		t.Errorf("method: %q", got)
	}
	inner := Errorf(Pos{}, "set classes to a positive number such as 5, or leave it out", "star classes must be at least 1, got %d", 0)
	e = Errorf(Pos{}, "check the [stars] settings", "%v", inner)
	if got, _ := e.Localized("zh"); strings.Contains(got, "must") || !strings.Contains(got, "修改建议") {
		t.Errorf("wrapped: %q", got)
	}
	e = Errorf(Pos{}, "", "%s: %s", "scoring.range", "expected array length 2; got TOML array of length 1")
	if got, _ := e.Localized("zh"); got != "scoring.range：应有 2 个值，实际有 1 个" {
		t.Errorf("array length: %q", got)
	}
	e = Errorf(Pos{}, "", "second value for %s (the first is at %s)", `region A, indicator "x", year 2017`, "d.csv:2:3")
	if got, _ := e.Localized("zh"); got != `重复的数值：地区 A、指标 "x"、2017 年（第一个在 d.csv:2:3）` {
		t.Errorf("second value: %q", got)
	}
	e = Errorf(Pos{}, "", "%s", "year \"20x7\" is not a year")
	if got, _ := e.Localized("zh"); got != `年份 "20x7" 不是有效的年份` {
		t.Errorf("year: %q", got)
	}
}

func isChinese(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}
