package main

import (
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// profiles are the hidden --cpuprofile and --memprofile flags: where the
// time and memory of a run go, for anyone measuring at scale (go tool
// pprof FILE). The files are diagnostics, written as the run ends whether
// or not it succeeded.
type profiles struct {
	cpu, mem string
	cpuFile  *os.File
}

// addProfileFlags adds the hidden flags to root.
func addProfileFlags(root *cobra.Command, p *profiles) {
	pf := root.PersistentFlags()
	pf.StringVar(&p.cpu, "cpuprofile", "", "write a CPU profile to this file")
	pf.StringVar(&p.mem, "memprofile", "", "write a heap profile to this file as the run ends")
	_ = pf.MarkHidden("cpuprofile")
	_ = pf.MarkHidden("memprofile")
}

// start begins the CPU profile, when asked for.
func (p *profiles) start() error {
	if p.cpu == "" {
		return nil
	}
	f, err := os.Create(p.cpu)
	if err != nil {
		return usagef("name a file in a folder you can write to", "--cpuprofile: %v", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return usagef("", "--cpuprofile: %v", err)
	}
	p.cpuFile = f
	return nil
}

// stop ends the CPU profile and writes the heap profile.
func (p *profiles) stop() {
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		p.cpuFile.Close()
		p.cpuFile = nil
	}
	if p.mem != "" {
		if f, err := os.Create(p.mem); err == nil {
			runtime.GC()
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}
