package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// interruptBound is how long a signalled run may take to exit in the
// tests. The target is one second (the watchdog stops the process
// interruptGrace after the first signal); the bound is generous so that a
// loaded machine does not fail the test, and the latency is logged.
const interruptBound = 3 * time.Second

// TestInterruptLeavesNothing stops runs with Ctrl-C (SIGINT) and SIGTERM in
// each long phase: parsing a big data file, reading a big workbook, a deep
// dimension chain, the uncertainty analysis, writing a report folder or a
// project. The process must exit with 128 + the signal's number within
// interruptBound, say it was interrupted, and leave neither its output nor
// a temporary file or folder behind.
func TestInterruptLeavesNothing(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	if testing.Short() {
		t.Skip("starts long runs")
	}
	dir := t.TempDir()
	inputs := interruptInputs(t, dir)
	// The runs' own temporary folder (TMPDIR), where libraries spill.
	tmp := filepath.Join(dir, "tmp")
	require.NoError(t, os.Mkdir(tmp, 0o755))

	type phase struct {
		name    string
		args    []string
		waitFor string // signal once a file with this prefix exists; "" for after a moment
		twice   bool   // signal again at once: the run stops without its grace period
		refused bool   // the input may be refused (exit 2) before the signal
	}
	phases := []phase{
		{"parsing a big data file", []string{"rate", "--config", "p/index.toml", "--format", "csv", "--out", "r.csv"}, "", false, false},
		{"reading a big workbook", []string{"rate", "--config", "p/xlsx.toml", "--format", "json", "--out", "r.json"}, "", false, false},
		// A limit on the depth of the dimension tree refuses the chain at
		// once; the signal must stop it all the same where it does not.
		{"a deep dimension chain", []string{"rate", "--config", "p/deep.toml", "--format", "json", "--out", "r.json"}, "", false, true},
		{"robust with many samples", []string{"robust", "--config", "p/index.toml", "--samples", "200000", "--format", "json", "--out", "r.json"}, "", false, false},
		{"report while writing", []string{"report", "--config", "p/report.toml", "--out", "rep"}, ".rep.tmp-", false, false},
		{"synth while writing", []string{"synth", "--regions", "500000", "--indicators", "48", "--out", "big"}, ".big.tmp-", false, false},
		{"report while writing, signalled twice", []string{"report", "--config", "p/report.toml", "--out", "rep"}, ".rep.tmp-", true, false},
	}
	signals := []struct {
		sig  syscall.Signal
		want int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}}
	for _, ph := range phases {
		for _, s := range signals {
			t.Run(ph.name+", "+s.sig.String(), func(t *testing.T) {
				var out bytes.Buffer
				cmd := exec.Command(os.Args[0], append(ph.args, "--lang", "en")...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), mainEnv+"=1", "TMPDIR="+tmp)
				cmd.Stdout, cmd.Stderr = &out, &out
				require.NoError(t, cmd.Start())
				exited := make(chan error, 1)
				go func() { exited <- cmd.Wait() }()
				if !waitForFile(dir, ph.waitFor, exited) {
					if ph.refused && cmd.ProcessState.ExitCode() == exitInput {
						t.Skipf("refused before it could be interrupted:\n%s", out.String())
					}
					t.Fatalf("the run ended before it could be interrupted:\n%s", out.String())
				}
				require.NoError(t, cmd.Process.Signal(s.sig))
				start := time.Now()
				if ph.twice {
					time.Sleep(100 * time.Millisecond) // two signals close together are delivered as one
					cmd.Process.Signal(s.sig)          // it may have exited already
				}
				select {
				case <-exited:
				case <-time.After(2 * time.Minute):
					cmd.Process.Kill()
					<-exited
					t.Fatalf("still running 2 minutes after %v", s.sig)
				}
				latency := time.Since(start)
				t.Logf("exited %v after %v", latency.Round(time.Millisecond), s.sig)
				assert.Less(t, latency, interruptBound, "time from %v to exit", s.sig)
				assert.Equal(t, s.want, cmd.ProcessState.ExitCode(), "exit status (%v); output:\n%s", cmd.ProcessState, out.String())
				assert.Contains(t, out.String(), "govindex: interrupted; nothing was written")
				assert.Equal(t, 1, strings.Count(out.String(), "interrupted"), "told once:\n%s", out.String())
				assert.Equal(t, []string{"p", "tmp"}, dirNames(t, dir), "left behind in the output's folder")
				assert.Empty(t, dirNames(t, tmp), "left behind in TMPDIR")
				assert.Equal(t, inputs, dirNames(t, filepath.Join(dir, "p")), "left behind in the project")
			})
		}
	}
}

// interruptInputs writes the project the interrupted runs read into dir/p:
// a synthetic project (index.toml, data.csv), the same data as a workbook
// (xlsx.toml, data.xlsx), a 60,000-level chain of dimensions (deep.toml)
// and a report configuration whose own uncertainty analysis is short
// (report.toml). It returns the names of the files in dir/p.
func interruptInputs(t *testing.T, dir string) []string {
	t.Helper()
	p := filepath.Join(dir, "p")
	var stderr bytes.Buffer
	synth := []string{"synth", "--regions", "3000", "--indicators", "48", "--dimensions", "6", "--out", p, "--quiet"}
	if code := execute(context.Background(), synth, io.Discard, &stderr); code != 0 {
		t.Fatalf("synth: status %d: %s", code, stderr.String())
	}
	toml, err := os.ReadFile(filepath.Join(p, "index.toml"))
	require.NoError(t, err)

	// The report's own uncertainty analysis is cut short: what matters is
	// the writing of the report folder.
	write := func(name string, b []byte) { require.NoError(t, os.WriteFile(filepath.Join(p, name), b, 0o644)) }
	write("report.toml", bytes.Replace(toml, []byte("\nsamples = 10000\n"), []byte("\nsamples = 20\n"), 1))
	write("xlsx.toml", bytes.Replace(toml, []byte(`data = ["data.csv"]`), []byte(`data = ["data.xlsx"]`), 1))
	writeXLSXCopy(t, filepath.Join(p, "data.csv"), filepath.Join(p, "data.xlsx"))

	// Dimension d<i> is the parent of d<i+1>; the indicators hang under the
	// last one.
	const depth = 60000
	head, rest, ok := bytes.Cut(toml, []byte("[[dimension]]"))
	require.True(t, ok)
	_, rest, ok = bytes.Cut(rest, []byte("[[indicator]]"))
	require.True(t, ok)
	var deep bytes.Buffer
	deep.Write(head)
	for i := range depth {
		fmt.Fprintf(&deep, "[[dimension]]\nid = \"d%d\"\nname = \"维度%d\"\n", i, i)
		if i > 0 {
			fmt.Fprintf(&deep, "parent = \"d%d\"\n", i-1)
		}
		deep.WriteString("\n")
	}
	deep.WriteString("[[indicator]]")
	for i := range 6 {
		rest = bytes.ReplaceAll(rest, fmt.Appendf(nil, "dimension = \"d%d\"\n", i), fmt.Appendf(nil, "dimension = \"d%d\"\n", depth-1))
	}
	deep.Write(rest)
	write("deep.toml", deep.Bytes())
	return dirNames(t, p)
}

// writeXLSXCopy writes the CSV table src as the one sheet of the workbook
// dst.
func writeXLSXCopy(t *testing.T, src, dst string) {
	t.Helper()
	f, err := os.Open(src)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	require.NoError(t, err)
	for row := 1; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		cells := make([]any, len(rec))
		for i, v := range rec {
			cells[i] = v
		}
		cell, err := excelize.CoordinatesToCellName(1, row)
		require.NoError(t, err)
		require.NoError(t, sw.SetRow(cell, cells))
	}
	require.NoError(t, sw.Flush())
	require.NoError(t, x.SaveAs(dst))
}

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
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
		case <-time.After(time.Second):
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
