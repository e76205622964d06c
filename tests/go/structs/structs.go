// Package structs names the generated structs the Go test programs decode into, for both
// generated packages (the protocol's and the types fixture's), and reads their findings.
package structs

import (
	"fmt"

	"github.com/framegen/framegen/generated/go/protocol"
	typesproto "github.com/framegen/framegen/tests/types/generated/go/typesproto"
)

// New returns a pointer to a zero value of the struct a vector file or harness request names:
// "Frame", "CreateKeyRequest", "CreateKeyResponse" (the protocol), or "types.Sample",
// "types.Quota", "types.Config" (the types fixture).
func New(name string) (any, error) {
	switch name {
	case "Frame":
		return &protocol.Frame{}, nil
	case "CreateKeyRequest":
		return &protocol.CreateKeyRequest{}, nil
	case "CreateKeyResponse":
		return &protocol.CreateKeyResponse{}, nil
	case "types.Sample":
		return &typesproto.Sample{}, nil
	case "types.Quota":
		return &typesproto.Quota{}, nil
	case "types.Config":
		return &typesproto.Config{}, nil
	}
	return nil, fmt.Errorf("unknown struct %q", name)
}

// Findings returns a top-level value's error and lint findings as (rule, pointer) pairs, and
// false for a struct that is not its package's top-level message.
func Findings(v any) (errs, lint [][2]string, ok bool) {
	switch value := v.(type) {
	case *protocol.Frame:
		return pairs(value.Validate()), pairs(value.Lint()), true
	case *typesproto.Sample:
		return typesPairs(value.Validate()), typesPairs(value.Lint()), true
	}
	return nil, nil, false
}

func pairs(found []protocol.ValidationError) [][2]string {
	out := [][2]string{}
	for _, e := range found {
		out = append(out, [2]string{e.Rule, e.Pointer})
	}
	return out
}

func typesPairs(found []typesproto.ValidationError) [][2]string {
	out := [][2]string{}
	for _, e := range found {
		out = append(out, [2]string{e.Rule, e.Pointer})
	}
	return out
}
