package reports

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/govindex/govindex/indicators"
)

// An article template is input: a project's own template runs over the
// results of every reader who renders it. The guard keeps it to its job,
// writing text:
//
//   - the article it writes is at most MaxBytes long (a limiting writer),
//     and its loops and template calls take at most MaxSteps steps, so a
//     template such as {{range 300000000}}x{{end}} stops with an error
//     instead of filling the disk or running for minutes;
//   - it prints text and numbers only: every value an action prints, and
//     every argument of printf, print, println, html, js, urlquery, join
//     and list, is a string, a Text, a number, a boolean or a list of
//     them. A record ({{.}}, {{.Overview}}) or a list of records is
//     refused, and so are %#v, %T and %p, which would show Go's internal
//     structures and memory addresses rather than the article's data.
//
// The guard is added to the parsed template: each printing action gets a
// last command, show, and each range body and template a first one, tick.

// Default bounds of an article (ArticleOptions.MaxBytes and MaxSteps; the
// [limits] keys max_article_mb and max_template_steps change them).
const (
	DefaultArticleBytes = indicators.DefaultMaxArticleMB << 20
	DefaultArticleSteps = indicators.DefaultMaxTemplateSteps
)

// ArticleLimitError is an article that grew past a limit: its template
// wrote more than Limit bytes (Key "max_article_mb") or took more than
// Limit steps (Key "max_template_steps"). Name, Line and Col are the
// template and, for steps, the loop or template call where it stopped.
type ArticleLimitError struct {
	Name      string
	Line, Col int
	Key       string
	Limit     int64
}

func (e *ArticleLimitError) Error() string {
	if e.Key == "max_template_steps" {
		return fmt.Sprintf("article template %s: more than %d loop steps and template calls (max_template_steps)", e.Name, e.Limit)
	}
	return fmt.Sprintf("article template %s: the article is longer than %d bytes (max_article_mb)", e.Name, e.Limit)
}

// templateGuard is the state of one execution: bytes written and steps
// taken, against their limits.
type templateGuard struct {
	maxBytes, maxSteps int64
	bytes, steps       int64
}

// errTooLong and errTooManySteps are what the guard's writer and tick
// return; WriteArticle turns them into an *ArticleLimitError.
var (
	errTooLong      = errors.New("the article is too long")
	errTooManySteps = errors.New("too many steps")
)

// limitedWriter passes writes on while the article is within its limit.
type limitedWriter struct {
	w interface{ Write([]byte) (int, error) }
	g *templateGuard
}

func (lw limitedWriter) Write(p []byte) (int, error) {
	if lw.g.bytes+int64(len(p)) > lw.g.maxBytes {
		return 0, errTooLong
	}
	lw.g.bytes += int64(len(p))
	return lw.w.Write(p)
}

// room reports whether n more bytes may still be written; functions that
// build long strings (join, list) check it before building them.
func (g *templateGuard) room(n int64) error {
	if g.bytes+n > g.maxBytes {
		return errTooLong
	}
	return nil
}

// tick counts a step.
func (g *templateGuard) tick() (string, error) {
	g.steps++
	if g.steps > g.maxSteps {
		return "", errTooManySteps
	}
	return "", nil
}

// guardFuncs are the functions the guard adds or replaces.
func (g *templateGuard) funcs() template.FuncMap {
	return template.FuncMap{
		"show": showValue,
		"tick": g.tick,
		"printf": func(format string, args ...any) (string, error) {
			if err := plainFormat(format); err != nil {
				return "", err
			}
			if err := plainArgs("printf", args); err != nil {
				return "", err
			}
			return fmt.Sprintf(format, args...), nil
		},
		"print":    printer("print", fmt.Sprint),
		"println":  printer("println", fmt.Sprintln),
		"html":     printer("html", template.HTMLEscaper),
		"js":       printer("js", template.JSEscaper),
		"urlquery": printer("urlquery", template.URLQueryEscaper),
	}
}

// printer is a printing function that takes plain arguments only.
func printer(name string, f func(...any) string) func(...any) (string, error) {
	return func(args ...any) (string, error) {
		if err := plainArgs(name, args); err != nil {
			return "", err
		}
		return f(args...), nil
	}
}

// showValue lets a value an action prints through when it is plain.
func showValue(x any) (any, error) {
	if !plain(x) {
		return nil, notPlainError("", x)
	}
	return x, nil
}

// notPlainError tells a template author what was refused and what to
// print instead.
func notPlainError(fn string, x any) error {
	what := "a record"
	if v := reflect.ValueOf(x); v.IsValid() && (v.Kind() == reflect.Slice || v.Kind() == reflect.Array) {
		what = "a list of records"
	}
	if fn != "" {
		return fmt.Errorf("%s cannot print %s (%T): give it a field such as .Name, or a list of text to join or list", fn, what, x)
	}
	return fmt.Errorf("cannot print %s (%T): print one of its fields, such as .Name, or join or list a list of text", what, x)
}

func plainArgs(fn string, args []any) error {
	for _, a := range args {
		if !plain(a) {
			return notPlainError(fn, a)
		}
	}
	return nil
}

// plain reports whether x prints as text: a string, a Text, a number, a
// boolean, nothing, or a list of those.
func plain(x any) bool {
	if x == nil {
		return true
	}
	v := reflect.ValueOf(x)
	if scalarKind(v.Kind()) {
		return true
	}
	if v.Kind() == reflect.Slice || v.Kind() == reflect.Array {
		return scalarKind(v.Type().Elem().Kind())
	}
	return false
}

func scalarKind(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// plainFormat refuses the verbs that show Go's internals: %T (a type),
// %p (an address) and %#v (Go syntax).
func plainFormat(format string) error {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		sharp := false
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0 {
			if format[i] == '#' {
				sharp = true
			}
			i++
		}
		if i >= len(format) {
			break
		}
		switch c := format[i]; {
		case c == 'T' || c == 'p':
			return fmt.Errorf("printf %%%c shows Go's internals, not the article's data: use %%s or %%v", c)
		case c == 'v' && sharp:
			return fmt.Errorf("printf %%#v shows Go's internals, not the article's data: use %%s or %%v")
		}
	}
	return nil
}

// guardTemplate adds show to every printing action and tick to the start
// of every range body and template of t.
func guardTemplate(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		tr := tt.Tree
		guardList(tr, tr.Root)
		tr.Root.Nodes = append([]parse.Node{tickNode(tr, tr.Root.Pos)}, tr.Root.Nodes...)
	}
}

func guardList(tr *parse.Tree, l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if len(n.Pipe.Decl) == 0 {
				n.Pipe.Cmds = append(n.Pipe.Cmds, callNode(tr, "show", n.Pos))
			}
		case *parse.IfNode:
			guardList(tr, n.List)
			guardList(tr, n.ElseList)
		case *parse.WithNode:
			guardList(tr, n.List)
			guardList(tr, n.ElseList)
		case *parse.RangeNode:
			guardList(tr, n.List)
			guardList(tr, n.ElseList)
			n.List.Nodes = append([]parse.Node{tickNode(tr, n.Pos)}, n.List.Nodes...)
		case *parse.ListNode:
			guardList(tr, n)
		}
	}
}

// callNode is a command calling the function name with no arguments (in
// a pipeline, the previous command's value is its argument).
func callNode(tr *parse.Tree, name string, pos parse.Pos) *parse.CommandNode {
	id := parse.NewIdentifier(name).SetTree(tr).SetPos(pos)
	return &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{id}}
}

// tickNode is {{tick}}, which prints nothing.
func tickNode(tr *parse.Tree, pos parse.Pos) *parse.ActionNode {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos,
		Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{callNode(tr, "tick", pos)}}}
}

// limitError turns a run stopped by the guard into an *ArticleLimitError;
// other errors are returned as they are.
func (g *templateGuard) limitError(name string, err error) error {
	le := &ArticleLimitError{Name: name, Key: "max_article_mb", Limit: g.maxBytes}
	switch {
	case errors.Is(err, errTooLong):
	case errors.Is(err, errTooManySteps):
		le.Key, le.Limit = "max_template_steps", g.maxSteps
		var te *ArticleTemplateError
		if errors.As(err, &te) {
			le.Line, le.Col = te.Line, te.Col
		}
	default:
		return err
	}
	return le
}
