package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/stretchr/testify/assert"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var update = flag.Bool("update", false, "rewrite the expected outputs inside testdata/script/*.txtar")

// mainEnv, set to 1, makes the test binary run the command line on its
// arguments: the interruption tests start it as a process of its own, to
// send it signals.
const mainEnv = "GOVINDEX_TEST_MAIN"

// TestMain lets the test scripts run the real command line as "govindex".
func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		os.Exit(mainExit())
	}
	testscript.Main(m, map[string]func(){
		"govindex": func() { os.Exit(mainExit()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each is a
// session a user might type, with the files it needs and what it must print.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// gb18030 SRC DST re-encodes a UTF-8 file as GB18030, since
			// txtar archives hold UTF-8 text.
			"gb18030": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: gb18030 src dst")
				}
				b, err := simplifiedchinese.GB18030.NewEncoder().String(ts.ReadFile(args[0]))
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(b), 0o644))
			},
			"mkxlsx": mkxlsxCmd,
		},
	})
}

// TestInterruptLeavesNothing stops long runs with Ctrl-C (SIGINT) and
// SIGTERM: the process must exit with 128 + the signal's number, say it
// was interrupted, and leave neither its output nor a temporary file or
// folder behind. The file-writing commands are signalled while their
// temporary folder exists, that is in the middle of writing.
func TestInterruptLeavesNothing(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	dir := t.TempDir()
	var stderr bytes.Buffer
	synth := []string{"synth", "--regions", "3000", "--indicators", "48", "--dimensions", "6", "--out", filepath.Join(dir, "p"), "--quiet"}
	if code := execute(context.Background(), synth, io.Discard, &stderr); code != 0 {
		t.Fatalf("synth: status %d: %s", code, stderr.String())
	}
	// The report's own uncertainty analysis is cut short: what matters is
	// the writing of the report folder.
	toml, err := os.ReadFile(filepath.Join(dir, "p", "index.toml"))
	if err != nil {
		t.Fatal(err)
	}
	toml = bytes.Replace(toml, []byte("\nsamples = 10000\n"), []byte("\nsamples = 20\n"), 1)
	if err := os.WriteFile(filepath.Join(dir, "p", "report.toml"), toml, 0o644); err != nil {
		t.Fatal(err)
	}
	robust := []string{"robust", "--config", "p/index.toml", "--samples", "200000", "--format", "json", "--out", "r.json"}
	tests := []struct {
		name    string
		args    []string
		sig     os.Signal
		want    int
		waitFor string // signal once a file with this prefix exists; "" for after a moment
	}{
		{"robust, Ctrl-C", robust, os.Interrupt, 130, ""},
		{"robust, SIGTERM", robust, syscall.SIGTERM, 143, ""},
		{"report while writing", []string{"report", "--config", "p/report.toml", "--out", "rep"}, os.Interrupt, 130, ".rep.tmp-"},
		{"synth while writing", []string{"synth", "--regions", "500000", "--indicators", "48", "--out", "big"}, syscall.SIGTERM, 143, ".big.tmp-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			cmd := exec.Command(os.Args[0], append(tc.args, "--lang", "en")...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), mainEnv+"=1")
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			if !waitForFile(dir, tc.waitFor, exited) {
				t.Fatalf("the run ended before it could be interrupted:\n%s", out.String())
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-exited:
			case <-time.After(2 * time.Minute):
				cmd.Process.Kill()
				<-exited
				t.Fatalf("still running 2 minutes after %v", tc.sig)
			}
			if got := cmd.ProcessState.ExitCode(); got != tc.want {
				t.Errorf("exit status %d (%v), want %d; output:\n%s", got, cmd.ProcessState, tc.want, out.String())
			}
			if !strings.Contains(out.String(), "govindex: interrupted; nothing was written") {
				t.Errorf("output does not say the run was interrupted:\n%s", out.String())
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if !slices.Equal(names, []string{"p"}) {
				t.Errorf("left behind: %v, want only the project p", names)
			}
		})
	}
}

// waitForFile waits until dir holds a file whose name starts with prefix
// (for an empty prefix, a moment for the process to start and begin its
// work), or the process exits; it reports whether the file came first.
func waitForFile(dir, prefix string, exited chan error) bool {
	if prefix == "" {
		select {
		case err := <-exited:
			exited <- err // for the caller's own wait
			return false
		case <-time.After(2 * time.Second):
			return true
		}
	}
	deadline := time.After(2 * time.Minute)
	for {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), prefix) {
				return true
			}
		}
		select {
		case err := <-exited:
			exited <- err // for the caller's own wait
			return false
		case <-deadline:
			return false
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// TestFailureText: failures of the file system, in Chinese by default and
// as they are with --lang en.
func TestFailureText(t *testing.T) {
	tests := []struct {
		err    error
		en, zh string
	}{
		{&writeError{path: "r.json", err: &fs.PathError{Op: "open", Path: "./.r.json.tmp-1", Err: syscall.EACCES}},
			"write r.json: open ./.r.json.tmp-1: permission denied", "无法写出 r.json：没有权限"},
		{&writeError{path: "r.json", err: &fs.PathError{Op: "write", Path: "./.r.json.tmp-1", Err: syscall.ENOSPC}},
			"write r.json: write ./.r.json.tmp-1: no space left on device", "无法写出 r.json：磁盘空间不足"},
		{fmt.Errorf("create a temporary folder next to rep: %w", &fs.PathError{Op: "mkdirtemp", Path: "/ro/.rep.tmp-*", Err: syscall.EROFS}),
			"create a temporary folder next to rep: mkdirtemp /ro/.rep.tmp-*: read-only file system", "无法创建临时文件夹 /ro/.rep.tmp-*：文件系统是只读的"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EXDEV},
			"rename a b: invalid cross-device link", "无法把 a 重命名为 b：invalid cross-device link"},
		{errors.New("something else"), "something else", "something else"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.en, failureText(tc.err, "en"))
		assert.Equal(t, tc.zh, failureText(tc.err, "zh"))
	}
	var b bytes.Buffer
	printError(&b, tests[0].err, "zh")
	assert.Equal(t, "govindex: 运行失败: 无法写出 r.json：没有权限\n", b.String())
	assert.Equal(t, exitFailure, exitCode(tests[0].err))
}
