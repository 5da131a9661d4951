package atomicfile

import (
	"context"
	"fmt"
	"os"
	"sync"
)

// ErrClosed is returned by CreateTemp, MkdirTemp and Commit once Cleanup
// has run: the process is being stopped and may create or publish nothing
// more. It is a context.Canceled, so that it is told as an interruption.
var ErrClosed = fmt.Errorf("stopping: no file may be created or published any more: %w", context.Canceled)

// The registry of the temporary files and folders that exist now. Every
// temporary file or folder the program makes is created through it, so
// that a watchdog stopping the process on a signal can remove them even
// when the work that made them is stuck and cannot clean up itself.
var registry = struct {
	sync.Mutex
	paths  map[string]struct{}
	closed bool
}{paths: map[string]struct{}{}}

// CreateTemp is os.CreateTemp, with the file registered for removal by
// Cleanup until Forget or Commit. Creation and registration happen under
// one lock, so that Cleanup never misses a file made just before it.
func CreateTemp(dir, pattern string) (*os.File, error) {
	registry.Lock()
	defer registry.Unlock()
	if registry.closed {
		return nil, ErrClosed
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	registry.paths[f.Name()] = struct{}{}
	return f, nil
}

// MkdirTemp is os.MkdirTemp, with the folder (and all it will hold)
// registered for removal by Cleanup until Forget or Commit.
func MkdirTemp(dir, pattern string) (string, error) {
	registry.Lock()
	defer registry.Unlock()
	if registry.closed {
		return "", ErrClosed
	}
	name, err := os.MkdirTemp(dir, pattern)
	if err != nil {
		return "", err
	}
	registry.paths[name] = struct{}{}
	return name, nil
}

// Forget removes path from the registry: it has been removed, or renamed
// into place, by its owner.
func Forget(path string) {
	registry.Lock()
	delete(registry.paths, path)
	registry.Unlock()
}

// Commit runs publish (the renames that put complete output in place)
// under the registry's lock, then forgets tmp if publish succeeded. Cleanup
// waits for a Commit in progress, and a Commit after Cleanup fails with
// ErrClosed without publishing anything: output is either published whole
// before the process stops, or not at all.
func Commit(tmp string, publish func() error) error {
	registry.Lock()
	defer registry.Unlock()
	if registry.closed {
		return ErrClosed
	}
	if err := publish(); err != nil {
		return err
	}
	delete(registry.paths, tmp)
	return nil
}

// Cleanup removes every registered temporary file and folder and closes
// the registry, so that nothing new can be created or published after it.
// It is meant for a process about to exit on a signal; it waits for a
// Commit in progress and is safe to call more than once.
func Cleanup() {
	registry.Lock()
	defer registry.Unlock()
	registry.closed = true
	for p := range registry.paths {
		os.RemoveAll(p)
		delete(registry.paths, p)
	}
}
