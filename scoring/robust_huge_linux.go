package scoring

import (
	"syscall"
	"unsafe"
)

// rbHugePages asks Linux to back the 2 MiB pages that s covers whole with
// transparent huge pages, before s is first written: a worker's histogram
// (megabytes, every page of it written) then takes a few page faults
// instead of one per 4 KiB. It is only advice; errors are ignored.
func rbHugePages[T any](s []T) {
	const huge = 2 << 20
	if len(s) == 0 {
		return
	}
	size := uintptr(len(s)) * unsafe.Sizeof(s[0])
	if size < 2*huge {
		return
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	start := uintptr(p)
	skip := (huge - start%huge) % huge
	length := (size - skip) &^ (huge - 1)
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, skip)), length), syscall.MADV_HUGEPAGE)
}
