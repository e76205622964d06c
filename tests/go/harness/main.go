// Command harness decodes, re-encodes and validates frames with the generated Go package,
// for the Python tests to compare against. It reads JSON Lines on stdin, one request per
// line: {"struct": "Frame", "input": "<base64>"}, and writes one JSON line per request:
//
//	{"accepted": bool, "error": string, "canonical": "<base64>", "value": {...},
//	 "errors": [[rule, pointer], ...], "lint": [[rule, pointer], ...]}
//
// "value" is the decoded struct with every field under its wire name (zero values
// included); a raw field is {"b64": "<base64>"} or null when it is nil; a nil pointer is
// null, and so is a nil slice or map of a field without omitempty. "struct" is one of
// structs.New's names (the protocol's structs, or "types.Sample" and others of the fixture).
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/framegen/framegen/tests/go/structs"
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

// value renders a decoded value with wire names as keys, so Python can compare field by field.
// omitEmpty says the value is an omitempty field's: a nil slice or map is then shown as empty,
// as the Python decoder keeps it (both are omitted alike when encoded); elsewhere nil is null.
func value(v reflect.Value, omitEmpty bool) any {
	switch {
	case v.Type() == rawMessageType:
		if v.IsNil() {
			return nil
		}
		return map[string]string{"b64": base64.StdEncoding.EncodeToString(v.Bytes())}
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return value(v.Elem(), false)
	case v.Kind() == reflect.Struct:
		out := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			field := v.Type().Field(i)
			name, omit := field.Name, false
			if tag := field.Tag.Get("json"); tag != "" {
				parts := strings.Split(tag, ",")
				name, omit = parts[0], len(parts) > 1 && parts[1] == "omitempty"
			}
			out[name] = value(v.Field(i), omit)
		}
		return out
	case v.Kind() == reflect.Slice:
		if v.IsNil() && !omitEmpty {
			return nil
		}
		items := []any{}
		for i := 0; i < v.Len(); i++ {
			items = append(items, value(v.Index(i), false))
		}
		return items
	case v.Kind() == reflect.Map:
		if v.IsNil() && !omitEmpty {
			return nil
		}
		out := map[string]any{}
		for _, k := range v.MapKeys() {
			out[k.String()] = value(v.MapIndex(k), false)
		}
		return out
	case v.Kind() == reflect.String:
		return v.String()
	case v.Kind() == reflect.Bool:
		return v.Bool()
	case v.CanInt():
		return v.Int()
	case v.CanUint():
		return v.Uint()
	case v.CanFloat():
		return v.Float()
	}
	panic(fmt.Sprintf("unsupported kind %s", v.Kind()))
}

func handle(req request) response {
	input, err := base64.StdEncoding.DecodeString(req.Input)
	if err != nil {
		return response{Error: "bad base64: " + err.Error()}
	}
	target, err := structs.New(req.Struct)
	if err != nil {
		return response{Error: err.Error()}
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
	resp.Value = value(reflect.ValueOf(target).Elem(), false)
	if errs, lint, ok := structs.Findings(target); ok {
		resp.Errors, resp.Lint = errs, lint
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
