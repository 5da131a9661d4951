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

// usageError is a bad flag or argument on the command line.
type usageError struct{ msg, hint string }

func (e *usageError) Error() string { return e.msg }

func usagef(hint, format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), hint: hint}
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

// printError writes err for a person: every problem on its own line with
// its place and, on the next line, what to do. No stack traces.
func printError(w io.Writer, err error, lang string) {
	m := catalog(lang)
	var ue *usageError
	var list indicators.ErrorList
	var one *indicators.InputError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(w, "govindex: %s: %s\n", m.badFlag, ue.msg)
		if ue.hint != "" {
			fmt.Fprintf(w, "  %s: %s\n", m.fix, ue.hint)
		}
		fmt.Fprintf(w, "  %s\n", m.seeHelp)
	case errors.As(err, &list):
		fmt.Fprintf(w, "govindex: %s\n", fmt.Sprintf(m.problems, len(list)))
		for _, e := range list {
			printInputError(w, e, m)
		}
	case errors.As(err, &one):
		fmt.Fprintf(w, "govindex: %s\n", fmt.Sprintf(m.problems, 1))
		printInputError(w, one, m)
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(w, "govindex: %s\n", m.interrupted)
	default:
		fmt.Fprintf(w, "govindex: %s: %s\n", m.failed, strings.TrimSpace(err.Error()))
	}
}

func printInputError(w io.Writer, e *indicators.InputError, m messages) {
	if p := e.Pos.String(); p != "" {
		fmt.Fprintf(w, "%s: %s\n", p, e.Msg)
	} else {
		fmt.Fprintf(w, "%s\n", e.Msg)
	}
	if e.Hint != "" {
		fmt.Fprintf(w, "  %s: %s\n", m.fix, e.Hint)
	}
}
