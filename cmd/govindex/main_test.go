package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var update = flag.Bool("update", false, "rewrite the expected outputs inside testdata/script/*.txtar")

// TestMain lets the test scripts run the real command line as "govindex".
func TestMain(m *testing.M) {
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
		},
	})
}
