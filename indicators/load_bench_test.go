package indicators

import (
	"bytes"
	"context"
	"testing"
	"testing/fstest"
)

// benchSynthProject writes the files of a synthetic project into memory.
func benchSynthProject(b *testing.B, o SynthOptions) fstest.MapFS {
	b.Helper()
	s, err := NewSynth(o)
	if err != nil {
		b.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, name := range SynthFiles {
		var buf bytes.Buffer
		if err := s.WriteFile(context.Background(), name, &buf); err != nil {
			b.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: buf.Bytes()}
	}
	return fsys
}

// BenchmarkLoadData loads the issue 6 benchmark project (3,000 regions ×
// 48 indicators × 5 years).
func BenchmarkLoadData(b *testing.B) {
	fsys := benchSynthProject(b, DefaultSynthOptions())
	files := FSFiles{FS: fsys}
	def, err := Parse(SynthIndexFile, fsys[SynthIndexFile].Data, files)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := LoadData(def, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatrix builds the matrices of every year of the benchmark
// project, as scoring.Run does.
func BenchmarkMatrix(b *testing.B) {
	fsys := benchSynthProject(b, DefaultSynthOptions())
	def, err := Parse(SynthIndexFile, fsys[SynthIndexFile].Data, FSFiles{FS: fsys})
	if err != nil {
		b.Fatal(err)
	}
	ds, err := LoadData(def, "")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, y := range ds.Years() {
			ds.Matrix(def, y)
		}
	}
}
