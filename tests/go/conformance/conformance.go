// Package conformance checks the generated Go package against the shared vector files in
// tests/vectors: decode acceptance, decoded value, re-encoded bytes and validation findings.
package conformance

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/framegen/framegen/generated/go/protocol"
)

// Case is one vector; see tests/vectors/vectors.schema.json.
type Case struct {
	Description     string          `json:"description"`
	Input           *string         `json:"input"`
	InputBase64     *string         `json:"input_base64"`
	GoAccepts       bool            `json:"go_accepts"`
	Value           json.RawMessage `json:"value"`
	Canonical       *string         `json:"canonical"`
	CanonicalBase64 *string         `json:"canonical_base64"`
	Errors          [][2]string     `json:"errors"`
	Lint            [][2]string     `json:"lint"`
}

// Vector is a case with the struct it decodes into and a stable ID ("file/index: description").
type Vector struct {
	ID     string
	Struct string
	Case   Case
}

// Load reads every vector file in dir.
func Load(dir string) ([]Vector, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []Vector
	for _, path := range paths {
		if filepath.Base(path) == "vectors.schema.json" {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var file struct {
			Struct string `json:"struct"`
			Tests  []Case `json:"tests"`
		}
		if err := json.Unmarshal(data, &file); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		stem := strings.TrimSuffix(filepath.Base(path), ".json")
		for i, c := range file.Tests {
			out = append(out, Vector{ID: fmt.Sprintf("%s/%d: %s", stem, i, c.Description), Struct: file.Struct, Case: c})
		}
	}
	return out, nil
}

func pick(text, b64 *string) ([]byte, error) {
	if text != nil {
		return []byte(*text), nil
	}
	if b64 != nil {
		return base64.StdEncoding.DecodeString(*b64)
	}
	return nil, nil
}

func newValue(name string) (any, error) {
	switch name {
	case "Frame":
		return &protocol.Frame{}, nil
	case "CreateKeyRequest":
		return &protocol.CreateKeyRequest{}, nil
	case "CreateKeyResponse":
		return &protocol.CreateKeyResponse{}, nil
	}
	return nil, fmt.Errorf("unknown struct %q", name)
}

func findings(errs []protocol.ValidationError) [][2]string {
	out := [][2]string{}
	for _, e := range errs {
		out = append(out, [2]string{e.Rule, e.Pointer})
	}
	return out
}

// Check returns every way the Go implementation disagrees with the vector (nil: it conforms).
func Check(v Vector) []string {
	input, err := pick(v.Case.Input, v.Case.InputBase64)
	if err != nil {
		return []string{"bad input encoding: " + err.Error()}
	}
	target, err := newValue(v.Struct)
	if err != nil {
		return []string{err.Error()}
	}
	decodeErr := json.Unmarshal(input, target)
	if (decodeErr == nil) != v.Case.GoAccepts {
		return []string{fmt.Sprintf("go_accepts is %v but Unmarshal returned %v", v.Case.GoAccepts, decodeErr)}
	}
	if decodeErr != nil {
		return nil
	}
	var problems []string
	got, err := json.Marshal(sparse(reflect.ValueOf(target).Elem()))
	if err != nil {
		return []string{err.Error()}
	}
	if !sameJSON(got, v.Case.Value) {
		problems = append(problems, fmt.Sprintf("value %s != %s", got, v.Case.Value))
	}
	want, err := pick(v.Case.Canonical, v.Case.CanonicalBase64)
	if err != nil {
		return []string{"bad canonical encoding: " + err.Error()}
	}
	encoded, err := json.Marshal(target)
	if err != nil || !bytes.Equal(encoded, want) {
		problems = append(problems, fmt.Sprintf("canonical %q != %q (%v)", encoded, want, err))
	}
	if frame, ok := target.(*protocol.Frame); ok {
		if got := findings(frame.Validate()); !equalFindings(got, v.Case.Errors) {
			problems = append(problems, fmt.Sprintf("errors %v != %v", got, v.Case.Errors))
		}
		if got := findings(frame.Lint()); !equalFindings(got, v.Case.Lint) {
			problems = append(problems, fmt.Sprintf("lint %v != %v", got, v.Case.Lint))
		}
	}
	return problems
}

func equalFindings(a, b [][2]string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// sameJSON compares two JSON documents as values, keeping numbers exact.
func sameJSON(a, b []byte) bool {
	decode := func(data []byte) (any, error) {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var v any
		err := d.Decode(&v)
		return v, err
	}
	va, errA := decode(a)
	vb, errB := decode(b)
	return errA == nil && errB == nil && reflect.DeepEqual(va, vb)
}

var rawMessage = reflect.TypeOf(json.RawMessage(nil))

// sparse is the vector's value form: wire name -> value for each field that is not its zero
// value or has no omitempty; a raw field is {"raw": text} or {"raw_base64": ...}.
func sparse(v reflect.Value) map[string]any {
	out := map[string]any{}
	for i := 0; i < v.NumField(); i++ {
		field := v.Type().Field(i)
		name, omitEmpty := field.Name, false
		if tag := field.Tag.Get("json"); tag != "" {
			parts := strings.Split(tag, ",")
			name, omitEmpty = parts[0], len(parts) > 1 && parts[1] == "omitempty"
		}
		fv := v.Field(i)
		var value any
		switch {
		case fv.Type() == rawMessage:
			if fv.Len() == 0 {
				value = nil
			} else if raw := fv.Bytes(); isUTF8(raw) {
				value = map[string]string{"raw": string(raw)}
			} else {
				value = map[string]string{"raw_base64": base64.StdEncoding.EncodeToString(raw)}
			}
		case fv.Kind() == reflect.Slice:
			items := []any{}
			for j := 0; j < fv.Len(); j++ {
				items = append(items, sparse(fv.Index(j)))
			}
			value = items
		default:
			value = fv.Interface()
		}
		if !omitEmpty || !fv.IsZero() && !(fv.Kind() == reflect.Slice && fv.Len() == 0) {
			out[name] = value
		}
	}
	return out
}

func isUTF8(b []byte) bool {
	return strings.ToValidUTF8(string(b), "\x00invalid") == string(b) && !bytes.Contains(b, []byte("\x00invalid"))
}
