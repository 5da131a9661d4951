//go:build !linux

package scoring

// rbHugePages does nothing outside Linux.
func rbHugePages[T any](s []T) {}
