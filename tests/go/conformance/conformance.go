// Package conformance checks the generated Go packages against the shared vector files in
// tests/vectors: decode acceptance, decoded value, re-encoded bytes and validation findings.
// tests/vectors/*.json are the protocol's; tests/vectors/<dir>/*.json name their package
// ("package": "types" is the types fixture of tests/types), and decode into its structs.
package conformance

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/framegen/framegen/tests/go/structs"
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

// Vector is a case with the struct it decodes into (qualified by its package, as structs.New
// names it: "Frame", "types.Sample") and a stable ID ("file/index: description").
type Vector struct {
	ID     string
	Struct string
	Case   Case
}

// Files returns the vector files under dir: its own *.json (but the schema), then each
// subdirectory's, sorted, as the Python runner orders them.
func Files(dir string) ([]string, error) {
	top, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	nested, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(top)
	sort.Strings(nested)
	var out []string
	for _, path := range append(top, nested...) {
		if filepath.Base(path) != "vectors.schema.json" {
			out = append(out, path)
		}
	}
	return out, nil
}

// Load reads every vector file in dir and its subdirectories.
func Load(dir string) ([]Vector, error) {
	paths, err := Files(dir)
	if err != nil {
		return nil, err
	}
	var out []Vector
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var file struct {
			Package string `json:"package"`
			Struct  string `json:"struct"`
			Tests   []Case `json:"tests"`
		}
		if err := json.Unmarshal(data, &file); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		name := file.Struct
		if file.Package != "" {
			name = file.Package + "." + file.Struct
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return nil, err
		}
		stem := strings.TrimSuffix(filepath.ToSlash(rel), ".json")
		for i, c := range file.Tests {
			out = append(out, Vector{ID: fmt.Sprintf("%s/%d: %s", stem, i, c.Description), Struct: name, Case: c})
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

// Check returns every way the Go implementation disagrees with the vector (nil: it conforms).
func Check(v Vector) []string {
	input, err := pick(v.Case.Input, v.Case.InputBase64)
	if err != nil {
		return []string{"bad input encoding: " + err.Error()}
	}
	target, err := structs.New(v.Struct)
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
	got, err := json.Marshal(Sparse(reflect.ValueOf(target).Elem()))
	if err != nil {
		return []string{err.Error()}
	}
	if !SameJSON(got, v.Case.Value) {
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
	if errs, lint, ok := structs.Findings(target); ok {
		if !equalFindings(errs, v.Case.Errors) {
			problems = append(problems, fmt.Sprintf("errors %v != %v", errs, v.Case.Errors))
		}
		if !equalFindings(lint, v.Case.Lint) {
			problems = append(problems, fmt.Sprintf("lint %v != %v", lint, v.Case.Lint))
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

// SameJSON compares two JSON documents as values: numbers spelled as integers exactly (any
// size), any other number by its float64 value (Go and Python spell floats differently, and
// -0 equals 0); strings, booleans, null, arrays and objects as they are.
func SameJSON(a, b []byte) bool {
	decode := func(data []byte) (any, error) {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var v any
		err := d.Decode(&v)
		return v, err
	}
	va, errA := decode(a)
	vb, errB := decode(b)
	return errA == nil && errB == nil && sameValue(va, vb)
}

func sameValue(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, xv := range x {
			yv, ok := y[k]
			if !ok || !sameValue(xv, yv) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameValue(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		return ok && sameNumber(x, y)
	}
	return reflect.DeepEqual(a, b)
}

func isInteger(n json.Number) bool {
	return !strings.ContainsAny(string(n), ".eE")
}

func sameNumber(a, b json.Number) bool {
	if isInteger(a) && isInteger(b) {
		x, okX := new(big.Int).SetString(string(a), 10)
		y, okY := new(big.Int).SetString(string(b), 10)
		return okX && okY && x.Cmp(y) == 0
	}
	x, errX := strconv.ParseFloat(string(a), 64)
	y, errY := strconv.ParseFloat(string(b), 64)
	return errX == nil && errY == nil && x == y
}

var rawMessage = reflect.TypeOf(json.RawMessage(nil))

// Sparse is the vector's value form of a struct (see vectors.schema.json, $defs/value): wire
// name -> value for each field without omitempty, and each omitempty field encoding/json would
// write; nested values in the same form.
func Sparse(v reflect.Value) map[string]any {
	out := map[string]any{}
	for i := 0; i < v.NumField(); i++ {
		field := v.Type().Field(i)
		name, omitEmpty := field.Name, false
		if tag := field.Tag.Get("json"); tag != "" {
			parts := strings.Split(tag, ",")
			name, omitEmpty = parts[0], len(parts) > 1 && parts[1] == "omitempty"
		}
		fv := v.Field(i)
		if !omitEmpty || !isEmptyValue(fv) {
			out[name] = form(fv)
		}
	}
	return out
}

// form is one value in the vector's form: nil pointers, slices and maps are null, a raw value
// is {"raw": text} or {"raw_base64": ...} (null when it is empty).
func form(v reflect.Value) any {
	switch {
	case v.Type() == rawMessage:
		if v.Len() == 0 {
			return nil
		}
		if raw := v.Bytes(); utf8.Valid(raw) {
			return map[string]string{"raw": string(raw)}
		}
		return map[string]string{"raw_base64": base64.StdEncoding.EncodeToString(v.Bytes())}
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return form(v.Elem())
	case v.Kind() == reflect.Struct:
		return Sparse(v)
	case v.Kind() == reflect.Slice:
		if v.IsNil() {
			return nil
		}
		items := []any{}
		for i := 0; i < v.Len(); i++ {
			items = append(items, form(v.Index(i)))
		}
		return items
	case v.Kind() == reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := map[string]any{}
		for _, k := range v.MapKeys() {
			out[k.String()] = form(v.MapIndex(k))
		}
		return out
	}
	return v.Interface()
}

// isEmptyValue is encoding/json's omitempty test: false, 0 (and -0), "", nil pointers, and
// empty (or nil) slices, maps and strings. A struct is never empty.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}
