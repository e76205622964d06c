// Command harness decodes, re-encodes and validates frames with the generated Go package,
// for the Python tests to compare against. It reads JSON Lines on stdin, one request per
// line: {"struct": "Frame", "input": "<base64>"}, and writes one JSON line per request:
//
//	{"accepted": bool, "error": string, "canonical": "<base64>", "value": {...},
//	 "errors": [[rule, pointer], ...], "lint": [[rule, pointer], ...]}
//
// "value" is the decoded struct with every field under its wire name (zero values
// included); a raw field is {"b64": "<base64>"} or null when it is nil.
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/framegen/framegen/generated/go/protocol"
)

type request struct {
	Struct string `json:"struct"`
	Input  string `json:"input"`
}

type response struct {
	Accepted  bool        `json:"accepted"`
	Error     string      `json:"error,omitempty"`
	Canonical string      `json:"canonical"`
	Value     any         `json:"value"`
	Errors    [][2]string `json:"errors"`
	Lint      [][2]string `json:"lint"`
	Verdict   *verdict    `json:"response_error,omitempty"` // see verdict.go
}

var rawMessageType = reflect.TypeOf(json.RawMessage(nil))

// value renders a decoded struct with wire names as keys, so Python can compare field by field.
func value(v reflect.Value) any {
	switch {
	case v.Type() == rawMessageType:
		if v.IsNil() {
			return nil
		}
		return map[string]string{"b64": base64.StdEncoding.EncodeToString(v.Bytes())}
	case v.Kind() == reflect.Struct:
		out := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			field := v.Type().Field(i)
			name := field.Name
			if tag := field.Tag.Get("json"); tag != "" {
				name = strings.Split(tag, ",")[0]
			}
			out[name] = value(v.Field(i))
		}
		return out
	case v.Kind() == reflect.Slice:
		items := []any{}
		for i := 0; i < v.Len(); i++ {
			items = append(items, value(v.Index(i)))
		}
		return items
	case v.Kind() == reflect.String:
		return v.String()
	case v.Kind() == reflect.Bool:
		return v.Bool()
	case v.Kind() == reflect.Int, v.Kind() == reflect.Int64:
		return v.Int()
	}
	panic(fmt.Sprintf("unsupported kind %s", v.Kind()))
}

func findings(errs []protocol.ValidationError) [][2]string {
	out := [][2]string{}
	for _, e := range errs {
		out = append(out, [2]string{e.Rule, e.Pointer})
	}
	return out
}

func handle(req request) response {
	input, err := base64.StdEncoding.DecodeString(req.Input)
	if err != nil {
		return response{Error: "bad base64: " + err.Error()}
	}
	var target any
	switch req.Struct {
	case "Frame":
		target = &protocol.Frame{}
	case "CreateKeyRequest":
		target = &protocol.CreateKeyRequest{}
	case "CreateKeyResponse":
		target = &protocol.CreateKeyResponse{}
	default:
		return response{Error: "unknown struct " + req.Struct}
	}
	resp := response{Errors: [][2]string{}, Lint: [][2]string{}}
	if err := json.Unmarshal(input, target); err != nil {
		resp.Error = err.Error()
		return resp
	}
	resp.Accepted = true
	resp.Verdict = responseVerdict(target)
	encoded, err := json.Marshal(target)
	if err != nil {
		resp.Error = "marshal: " + err.Error()
		return resp
	}
	resp.Canonical = base64.StdEncoding.EncodeToString(encoded)
	resp.Value = value(reflect.ValueOf(target).Elem())
	if frame, ok := target.(*protocol.Frame); ok {
		resp.Errors = findings(frame.Validate())
		resp.Lint = findings(frame.Lint())
	}
	return resp
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<30)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "harness: bad request:", err)
			os.Exit(2)
		}
		if err := enc.Encode(handle(req)); err != nil {
			fmt.Fprintln(os.Stderr, "harness:", err)
			os.Exit(2)
		}
		out.Flush()
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		os.Exit(2)
	}
}
