package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/govindex/govindex/indicators"
)

// Exit statuses, the contract: 0 success, 1 the run failed, 2 bad input.
const (
	exitOK      = 0
	exitFailure = 1
	exitInput   = 2
)

// usageError is a bad flag or argument on the command line. msg and hint
// are English; format and args are kept so that the message can be shown
// in the user's language (the Chinese is in indicators/messages_zh.go,
// next to that of the input errors).
type usageError struct {
	msg, hint string
	format    string
	args      []any
}

func (e *usageError) Error() string { return e.msg }

// localized returns the message and hint in lang ("zh" or "en").
func (e *usageError) localized(lang string) (msg, hint string) {
	if lang == "en" {
		return e.msg, e.hint
	}
	msg = indicators.Translate(e.format, e.args, e.msg)
	if inner, ok := e.wrapped(); ok {
		msg, _ = inner.localized(lang)
	}
	return msg, indicators.TranslateHint(e.hint)
}

// wrapped returns the usage error e passes on whole (execute wraps the
// errors of cobra's argument checks, noArgs's among them, in another).
func (e *usageError) wrapped() (*usageError, bool) {
	if len(e.args) != 1 || (e.format != "%v" && e.format != "%s") {
		return nil, false
	}
	inner, ok := e.args[0].(*usageError)
	return inner, ok && e.msg == inner.msg
}

func usagef(hint, format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), hint: hint, format: format, args: args}
}

// exitCode maps an error to the exit status; this is the only place that
// decides it.
func exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue), indicators.IsInputError(err):
		return exitInput
	default:
		return exitFailure
	}
}

// printError writes err for a person, in lang: every problem on its own
// line with its place and, on the next line, what to do. No stack traces.
func printError(w io.Writer, err error, lang string) {
	m := catalog(lang)
	var ue *usageError
	var list indicators.ErrorList
	var one *indicators.InputError
	switch {
	case errors.As(err, &ue):
		msg, hint := ue.localized(lang)
		fmt.Fprintf(w, "govindex: %s: %s\n", m.badFlag, msg)
		printHint(w, hint, m)
		fmt.Fprintf(w, "  %s\n", m.seeHelp)
	case errors.As(err, &list):
		fmt.Fprintf(w, "govindex: %s\n", fmt.Sprintf(m.problems, len(list)))
		for _, e := range list {
			printInputError(w, e, lang, m)
		}
	case errors.As(err, &one):
		fmt.Fprintf(w, "govindex: %s\n", fmt.Sprintf(m.problems, 1))
		printInputError(w, one, lang, m)
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(w, "govindex: %s\n", m.interrupted)
	default:
		fmt.Fprintf(w, "govindex: %s: %s\n", m.failed, strings.TrimSpace(err.Error()))
	}
}

// printInputError writes "file:line:col: message" and the hint, in lang.
func printInputError(w io.Writer, e *indicators.InputError, lang string, m messages) {
	msg, hint := e.Localized(lang)
	if p := e.Pos.String(); p != "" {
		fmt.Fprintf(w, "%s: %s\n", p, msg)
	} else {
		fmt.Fprintf(w, "%s\n", msg)
	}
	printHint(w, hint, m)
}

// printHint writes the "  fix: …" line (修改建议 in Chinese), if any.
func printHint(w io.Writer, hint string, m messages) {
	if hint != "" {
		fmt.Fprintf(w, "  %s: %s\n", m.fix, hint)
	}
}
