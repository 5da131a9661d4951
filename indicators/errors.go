package indicators

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a location in an input file. Line and Col count from 1; zero means
// unknown (a whole-file problem has Line 0).
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, leaving out unknown parts.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// InputError is a problem with a user's input (config, data, evidence or a
// flag): where it is, what is wrong and what to do about it.
type InputError struct {
	Pos  Pos
	Msg  string // what is wrong, in English
	Hint string // how to fix it, in English; may be empty

	format string // Msg's format and arguments, for translation
	args   []any
	cause  error // the error behind the problem, if any (see Unwrap)
}

// Error formats the problem as "file:line:col: message; fix: hint".
func (e *InputError) Error() string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("; fix: ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Unwrap returns the error behind the problem, such as the *fs.PathError
// of a file that could not be read, so that errors.Is(err, fs.ErrNotExist)
// sees through it; nil for most problems.
func (e *InputError) Unwrap() error { return e.cause }

// Errorf builds an *InputError at pos.
func Errorf(pos Pos, hint, format string, args ...any) *InputError {
	return &InputError{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint, format: format, args: args}
}

// Localized returns the message and hint in lang ("zh" or "en"): Chinese
// comes from the catalogue in messages_zh.go, keyed by the English format
// and hint; anything not in it stays in English.
func (e *InputError) Localized(lang string) (msg, hint string) {
	if lang == "en" {
		return e.Msg, e.Hint
	}
	return Translate(e.format, e.args, e.Msg), TranslateHint(e.Hint)
}

// ErrorList is every problem found in one pass over the input.
type ErrorList []*InputError

// Error lists the problems one per line.
func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Sort orders the problems by file, line and column (stable, so problems at
// one place keep the order they were found in).
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns nil for an empty list and the list otherwise, so callers can
// write `return errs.Err()`.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// IsInputError reports whether err is, or wraps, bad input (*InputError or
// ErrorList) rather than a failure of the run.
func IsInputError(err error) bool {
	var ie *InputError
	var il ErrorList
	return errors.As(err, &ie) || errors.As(err, &il)
}
