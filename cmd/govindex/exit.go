package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/internal/atomicfile"
)

// Exit statuses, the contract: 0 success, 1 the run failed, 2 bad input.
// A run stopped by Ctrl-C (SIGINT) or SIGTERM exits with 128 + the
// signal's number, as shells report a process the signal killed: 130 or
// 143. It has cleaned up first: no partial or temporary file is left.
const (
	exitOK          = 0
	exitFailure     = 1
	exitInput       = 2
	exitInterrupted = 128 + int(syscall.SIGINT)
)

// signalCause is why the run's context was cancelled: a signal.
type signalCause struct{ sig os.Signal }

func (c signalCause) Error() string { return c.sig.String() + " signal received" }

// interruptGrace is how long a run may take to stop by itself after the
// first signal before the watchdog stops it: long enough for the work to
// see the cancellation and clean up, short enough that the process is gone
// within a second.
const interruptGrace = 500 * time.Millisecond

// interruptTold is set once the interruption has been told on standard
// error, by printError or by the watchdog, so that it is told once.
var interruptTold atomic.Bool

// signalContext returns a context that is cancelled, with a signalCause,
// on the first SIGINT or SIGTERM. Long work sees the cancellation, stops,
// and its deferred clean-ups run before the process exits with 128 + the
// signal's number.
//
// Work that does not look at the context in time (a parser deep in a big
// input, a loop that never checks) must not keep the process alive: a
// watchdog, started by the first signal, removes every temporary file and
// folder still registered with atomicfile and exits with 128 + the
// signal's number once interruptGrace has passed, or at once on a second
// signal. Output is published only through atomicfile.Commit, which the
// clean-up closes, so the process leaves either complete output or none.
// The interruption is told on stderr in lang.
func signalContext(stderr io.Writer, lang string) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		var s os.Signal
		select {
		case s = <-ch:
			cancel(signalCause{s})
		case <-done:
			return
		}
		timer := time.NewTimer(interruptGrace)
		select {
		case <-timer.C:
		case <-ch:
		case <-done:
			return
		}
		atomicfile.Cleanup()
		if interruptTold.CompareAndSwap(false, true) {
			fmt.Fprintf(stderr, "govindex: %s\n", catalog(lang).interrupted)
		}
		os.Exit(signalStatus(s))
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// signalStatus is the exit status of a run stopped by s: 128 + its number.
func signalStatus(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitInterrupted
}

// exitStatus is exitCode, except for a run stopped by a signal: 128 + the
// signal's number.
func exitStatus(ctx context.Context, err error) int {
	if err != nil && errors.Is(err, context.Canceled) {
		var sc signalCause
		if errors.As(context.Cause(ctx), &sc) {
			return signalStatus(sc.sig)
		}
		return exitInterrupted
	}
	return exitCode(err)
}

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
		if !strings.Contains(hint, "--help") {
			fmt.Fprintf(w, "  %s\n", m.seeHelp)
		}
	case errors.As(err, &list):
		fmt.Fprintf(w, "govindex: %s\n", fmt.Sprintf(m.problems, len(list)))
		for _, e := range list {
			printInputError(w, e, lang, m)
		}
	case errors.As(err, &one):
		fmt.Fprintf(w, "govindex: %s\n", fmt.Sprintf(m.problems, 1))
		printInputError(w, one, lang, m)
	case errors.Is(err, context.Canceled):
		interruptTold.Store(true) // the watchdog need not tell it again
		fmt.Fprintf(w, "govindex: %s\n", m.interrupted)
	default:
		fmt.Fprintf(w, "govindex: %s: %s\n", m.failed, failureText(err, lang))
	}
}

// failureText is a failed run's error for a person, in lang. In Chinese,
// the failures of the file system (a file or folder that cannot be
// created, written or renamed) are told in Chinese; other errors are
// shown as they are.
func failureText(err error, lang string) string {
	msg := strings.TrimSpace(err.Error())
	if lang == "en" {
		return msg
	}
	var we *writeError
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &we):
		return fmt.Sprintf("无法写出 %s：%s", we.path, zhOSError(we.err))
	case errors.As(err, &pe):
		return fmt.Sprintf("无法%s %s：%s", zhFileOp(pe.Op), pe.Path, zhOSError(pe.Err))
	case errors.As(err, &le):
		return fmt.Sprintf("无法把 %s 重命名为 %s：%s", le.Old, le.New, zhOSError(le.Err))
	}
	return msg
}

// zhFileOp names a file operation (fs.PathError's Op) in Chinese.
func zhFileOp(op string) string {
	switch op {
	case "open":
		return "打开"
	case "read":
		return "读取"
	case "write", "sync":
		return "写入"
	case "close":
		return "关闭"
	case "mkdir", "mkdirall":
		return "创建文件夹"
	case "mkdirtemp":
		return "创建临时文件夹"
	case "createtemp":
		return "创建临时文件"
	case "remove", "unlinkat":
		return "删除"
	case "chmod":
		return "修改权限"
	case "stat", "lstat":
		return "访问"
	}
	return "访问"
}

// zhOSError is the innermost cause of a file-system error in Chinese:
// permission is told without saying reading or writing (the caller says
// which); other known causes come from the indicators catalogue.
func zhOSError(err error) string {
	for {
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			break
		}
		err = pe.Err
	}
	if errors.Is(err, fs.ErrPermission) {
		return "没有权限"
	}
	return indicators.TranslateError(err)
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
