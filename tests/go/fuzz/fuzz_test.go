// Package fuzz is the native Go fuzz target for the generated decoder and validator; its seed
// corpus is every conformance vector input. `go test` runs the seeds; `make fuzz` fuzzes.
package fuzz

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/framegen/framegen/generated/go/protocol"
	"github.com/framegen/framegen/tests/go/conformance"
)

func FuzzDecodeValidate(f *testing.F) {
	vectors, err := conformance.Load("../../vectors")
	if err != nil {
		f.Fatal(err)
	}
	for _, v := range vectors {
		if v.Case.Input != nil {
			f.Add([]byte(*v.Case.Input))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var frame protocol.Frame
		if json.Unmarshal(data, &frame) != nil {
			return
		}
		_ = frame.Validate()
		_ = frame.Lint()
		encoded, err := json.Marshal(frame)
		if err != nil {
			t.Fatalf("marshal of a decoded frame failed: %v", err)
		}
		var again protocol.Frame
		if err := json.Unmarshal(encoded, &again); err != nil {
			t.Fatalf("canonical bytes do not decode: %v", err)
		}
		reencoded, _ := json.Marshal(again)
		if !bytes.Equal(encoded, reencoded) {
			t.Fatalf("encoding is not stable: %s != %s", encoded, reencoded)
		}
	})
}
