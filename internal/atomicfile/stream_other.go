//go:build !unix

package atomicfile

import (
	"context"
	"os"
)

// openStream opens path (a device) for writing in place, appending.
func openStream(ctx context.Context, path string) (*os.File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
}
