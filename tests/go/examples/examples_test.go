// Package examples checks the schema's example frames with the generated Go validator:
// the same files and expectations the Python tests use.
package examples

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/framegen/framegen/generated/go/protocol"
)

const examplesDir = "../../../schema/examples"

type expectation struct {
	Errors [][2]string `json:"errors"`
	Lint   [][2]string `json:"lint"`
}

func findings(errs []protocol.ValidationError) [][2]string {
	out := [][2]string{}
	for _, e := range errs {
		out = append(out, [2]string{e.Rule, e.Pointer})
	}
	return out
}

func loadExpectations(t *testing.T) map[string]expectation {
	raw, err := os.ReadFile(filepath.Join(examplesDir, "expectations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(raw, &entries); err != nil {
		t.Fatal(err)
	}
	out := map[string]expectation{}
	for name, entry := range entries {
		if name == "description" {
			continue
		}
		var e expectation
		if err := json.Unmarshal(entry, &e); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = e
	}
	return out
}

func TestExamples(t *testing.T) {
	expected := loadExpectations(t)
	files, err := filepath.Glob(filepath.Join(examplesDir, "*", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	sort.Strings(files)
	for _, path := range files {
		rel, _ := filepath.Rel(examplesDir, path)
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			want, ok := expected[rel]
			if !ok {
				if filepath.Base(filepath.Dir(path)) != "valid" {
					t.Fatalf("%s has no entry in expectations.json", rel)
				}
				want = expectation{Errors: [][2]string{}, Lint: [][2]string{}}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var f protocol.Frame
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatalf("unmarshal: %v", err)
			}
			if got := findings(f.Validate()); !reflect.DeepEqual(got, want.Errors) {
				t.Errorf("Validate() = %v, want %v", got, want.Errors)
			}
			if got := findings(f.Lint()); !reflect.DeepEqual(got, want.Lint) {
				t.Errorf("Lint() = %v, want %v", got, want.Lint)
			}
		})
	}
	if len(files) < len(expected) {
		t.Errorf("expectations.json names %d files but only %d examples exist", len(expected), len(files))
	}
}

func TestValidateDoesNotAllocateOnAValidFrame(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(examplesDir, "valid", "key_snapshot.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f protocol.Frame
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if allocs := testing.AllocsPerRun(100, func() { _ = f.Validate(); _ = f.Lint() }); allocs != 0 {
		t.Errorf("Validate+Lint allocated %.0f times on a valid frame", allocs)
	}
}

func TestFrameTypeInfo(t *testing.T) {
	info, ok := protocol.FrameKeyCreate.Info()
	if !ok || info.Kind != "request" || info.From != "worker" || info.Response != protocol.FrameKeyCreateResp {
		t.Errorf("FrameKeyCreate.Info() = %+v, %v", info, ok)
	}
	if _, ok := protocol.FrameType("nope").Info(); ok {
		t.Error("an unknown FrameType has no info")
	}
}
