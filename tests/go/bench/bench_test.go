// Package bench compares json.Unmarshal alone with json.Unmarshal followed by Validate and Lint
// on the schema's valid examples (`make bench` runs it with -benchmem).
package bench

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/framegen/framegen/generated/go/protocol"
)

func examples(b *testing.B) [][]byte {
	paths, err := filepath.Glob("../../../schema/examples/valid/*.json")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no examples: %v", err)
	}
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		var f protocol.Frame
		if err := json.Unmarshal(data, &f); err != nil {
			b.Fatal(err)
		}
		canonical, _ := json.Marshal(f)
		out = append(out, canonical)
	}
	return out
}

func BenchmarkUnmarshal(b *testing.B) {
	frames := examples(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var f protocol.Frame
		_ = json.Unmarshal(frames[i%len(frames)], &f)
	}
}

func BenchmarkUnmarshalValidate(b *testing.B) {
	benchmarkReceive(b, func(f *protocol.Frame) { _ = f.Validate() })
}

// BenchmarkUnmarshalValidateLint adds Lint, which decodes a raw field's declared content (a
// templateFull, a configSnapshot) with json.Unmarshal, as the receiver does before acting on it.
func BenchmarkUnmarshalValidateLint(b *testing.B) {
	benchmarkReceive(b, func(f *protocol.Frame) { _ = f.Validate(); _ = f.Lint() })
}

// benchmarkReceive times json.Unmarshal of each example followed by check, as a receiver runs them.
func benchmarkReceive(b *testing.B, check func(*protocol.Frame)) {
	frames := examples(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var f protocol.Frame
		_ = json.Unmarshal(frames[i%len(frames)], &f)
		check(&f)
	}
}

func decodedExamples(b *testing.B) []protocol.Frame {
	frames := examples(b)
	decoded := make([]protocol.Frame, len(frames))
	for i, data := range frames {
		_ = json.Unmarshal(data, &decoded[i])
	}
	return decoded
}

func BenchmarkValidateOnly(b *testing.B) {
	decoded := decodedExamples(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = decoded[i%len(decoded)].Validate()
	}
}

func BenchmarkLintOnly(b *testing.B) {
	decoded := decodedExamples(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = decoded[i%len(decoded)].Lint()
	}
}
