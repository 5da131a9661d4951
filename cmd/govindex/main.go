// Command govindex builds government data-sharing indices: it scores
// regions on an index definition, rates them with stars and renders
// reports. Run `govindex --help` for the commands.
package main

import "os"

func main() { os.Exit(mainExit()) }

// mainExit runs the command line and returns the exit status; Ctrl-C or
// SIGTERM cancels the context so long work stops and leaves no partial
// file, and a watchdog makes sure it stops within a second (see
// signalContext).
func mainExit() int {
	ctx, stop := signalContext(os.Stderr, langFromArgs(os.Args[1:]))
	defer stop()
	return execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
}
