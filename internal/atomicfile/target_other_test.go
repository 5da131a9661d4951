//go:build !unix

package atomicfile

import "testing"

// specialTargets: no named pipes, devices or sockets to make here.
func specialTargets(t *testing.T, dir string) []inspectCase { return nil }
