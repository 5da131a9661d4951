package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"testing"

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
