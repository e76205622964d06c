package main

import (
	"errors"

	"github.com/framegen/framegen/generated/go/protocol"
)

// verdict is what Frame.ResponseError() makes of a decoded frame, for the Python tests to compare
// with Frame.response_error(): in the answer's "response_error", as {"kind": "none" | "http" |
// "plain", "status": int, "message": string}. Other structs have none (the key is left out).
type verdict struct {
	Kind    string `json:"kind"`
	Status  int    `json:"status"`
	Message string `json:"message"`
}

func responseVerdict(target any) *verdict {
	f, ok := target.(*protocol.Frame)
	if !ok {
		return nil
	}
	err := f.ResponseError()
	var he *protocol.HTTPError
	switch {
	case err == nil:
		return &verdict{Kind: "none"}
	case errors.As(err, &he):
		return &verdict{Kind: "http", Status: he.Status, Message: he.Message}
	}
	return &verdict{Kind: "plain", Message: err.Error()}
}
