package conformance

import (
	"strings"
	"testing"
)

func TestVectors(t *testing.T) {
	vectors, err := Load("../../vectors")
	if err != nil {
		t.Fatal(err)
	}
	types := 0
	for _, v := range vectors {
		if strings.HasPrefix(v.Struct, "types.") {
			types++
		}
	}
	if len(vectors) < 515 || types < 150 {
		t.Fatalf("only %d vectors, %d of the types fixture", len(vectors), types)
	}
	for _, v := range vectors {
		t.Run(v.ID, func(t *testing.T) {
			for _, problem := range Check(v) {
				t.Error(problem)
			}
		})
	}
}

func TestSameJSON(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{`{"n":18446744073709551615}`, `{"n":18446744073709551615}`, true},
		{`{"n":18446744073709551615}`, `{"n":18446744073709551614}`, false},
		{`{"n":9007199254740993}`, `{"n":9007199254740992}`, false}, // integers exactly, not as float64
		{`{"f":1e+21}`, `{"f":1e21}`, true},
		{`{"f":100000000000000000000}`, `{"f":1e+20}`, true},
		{`{"f":1e-07}`, `{"f":1e-7}`, true},
		{`{"f":-0}`, `{"f":0.0}`, true},
		{`{"f":0.30000000000000004}`, `{"f":0.3}`, false},
		{`{"a":[1,{"b":null}]}`, `{"a":[1,{"b":null}]}`, true},
		{`{"a":[1,{"b":null}]}`, `{"a":[1,{}]}`, false},
		{`{"a":[]}`, `{"a":null}`, false},
		{`{"s":"1"}`, `{"s":1}`, false},
		{`{"b":true}`, `{"b":1}`, false},
	} {
		if got := SameJSON([]byte(c.a), []byte(c.b)); got != c.same {
			t.Errorf("SameJSON(%s, %s) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
