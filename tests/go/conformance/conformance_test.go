package conformance

import "testing"

func TestVectors(t *testing.T) {
	vectors, err := Load("../../vectors")
	if err != nil {
		t.Fatal(err)
	}
	if len(vectors) < 300 {
		t.Fatalf("only %d vectors", len(vectors))
	}
	for _, v := range vectors {
		t.Run(v.ID, func(t *testing.T) {
			for _, problem := range Check(v) {
				t.Error(problem)
			}
		})
	}
}
