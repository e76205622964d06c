// Package worker uses protocol.HTTPError the way the real Worker (pkg/apiserver/service) does:
// its sync layer builds the error with a composite literal from a failed response, the service
// re-exports the type under its own name (a type alias), and callers find it with errors.As
// through wrapped errors to map statuses to domain errors. It must compile and behave unchanged
// against generated/go.
package worker

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"testing"

	"github.com/framegen/framegen/generated/go/protocol"
)

// HTTPError is the Worker's name for a ws-proxy error response.
type HTTPError = protocol.HTTPError

var (
	errConflict    = errors.New("conflict")
	errNotFound    = errors.New("not found")
	errUnavailable = errors.New("service unavailable")
)

// waitResponse is the Worker's sync layer: ok wins, a status makes an HTTPError, else a plain error.
func waitResponse(resp *protocol.Frame) error {
	if resp.OK {
		return nil
	}
	if resp.HTTPStatus != 0 {
		return &protocol.HTTPError{Status: resp.HTTPStatus, Message: resp.Error}
	}
	return errors.New(resp.Error)
}

// createKey is the service: it wraps what the sync layer returns.
func createKey(raw string) error {
	var resp protocol.Frame
	if err := json.Unmarshal([]byte(raw), &resp); err != nil {
		return err
	}
	if err := waitResponse(&resp); err != nil {
		return fmt.Errorf("create api key via ws-proxy: %w", err)
	}
	return nil
}

// mapStatus is the handler: statuses become domain errors, as the Worker maps 409 and 404.
func mapStatus(err error) error {
	var he *HTTPError
	if !errors.As(err, &he) {
		return err
	}
	switch he.Status {
	case http.StatusConflict:
		return fmt.Errorf("%w: %s", errConflict, he.Message)
	case http.StatusNotFound:
		return fmt.Errorf("%w: %s", errNotFound, he.Message)
	case http.StatusServiceUnavailable:
		return fmt.Errorf("%w: %s", errUnavailable, he.Message)
	}
	return err
}

func TestHTTPErrorHasTheRealShape(t *testing.T) {
	typ := reflect.TypeOf(HTTPError{})
	if typ.NumField() != 2 {
		t.Fatalf("HTTPError has %d fields, want Status and Message", typ.NumField())
	}
	for i, want := range []struct {
		name string
		kind reflect.Kind
	}{{"Status", reflect.Int}, {"Message", reflect.String}} {
		if f := typ.Field(i); f.Name != want.name || f.Type.Kind() != want.kind || f.Tag != "" {
			t.Errorf("field %d is %s %s `%s`, want %s %s", i, f.Name, f.Type, f.Tag, want.name, want.kind)
		}
	}
	errorType := reflect.TypeOf((*error)(nil)).Elem()
	if typ.Implements(errorType) || !reflect.PointerTo(typ).Implements(errorType) {
		t.Error("only *HTTPError implements error (a pointer receiver), as in the real package")
	}
	var err error = &HTTPError{Status: 409, Message: "exceeded max keys per user (5)"}
	if err.Error() != "exceeded max keys per user (5)" {
		t.Errorf("Error() = %q, want the Message", err.Error())
	}
}

func TestStatusesMapThroughWrappedErrors(t *testing.T) {
	cases := []struct {
		frame  string
		domain error
		status int
	}{
		{`{"id":"1","type":"key_create_resp","error":"exceeded max keys per user (5)","httpStatus":409}`, errConflict, 409},
		{`{"id":"1","type":"key_delete_resp","error":"api key not found","httpStatus":404}`, errNotFound, 404},
		{`{"id":"1","type":"key_create_resp","error":"ws-proxy disconnected","httpStatus":503}`, errUnavailable, 503},
	}
	for _, c := range cases {
		err := createKey(c.frame)
		var he *HTTPError
		if !errors.As(err, &he) || he.Status != c.status {
			t.Fatalf("%s: errors.As found %v in %v", c.frame, he, err)
		}
		if mapped := mapStatus(err); !errors.Is(mapped, c.domain) {
			t.Errorf("%s: mapped to %v, want %v", c.frame, mapped, c.domain)
		}
	}
	if err := createKey(`{"id":"1","type":"key_create_resp","error":"internal error","httpStatus":500}`); mapStatus(err) != err {
		t.Errorf("an unmapped status passes through: %v", mapStatus(err))
	}
	if err := createKey(`{"id":"1","type":"key_create_resp","ok":true,"keyId":"k"}`); err != nil {
		t.Errorf("ok:true is success, got %v", err)
	}
}

// TestResponseErrorIsTheWorkersRule holds the generated helper to the Worker's own code above.
func TestResponseErrorIsTheWorkersRule(t *testing.T) {
	frames := []protocol.Frame{
		{ID: "1", Type: protocol.FrameKeyCreateResp, OK: true, KeyID: "k"},
		{ID: "1", Type: protocol.FrameKeyCreateResp, OK: true, Error: "ignored on success", HTTPStatus: 500},
		{ID: "1", Type: protocol.FrameKeyDeleteResp, Error: "api key not found", HTTPStatus: 404},
		{ID: "1", Type: protocol.FrameTemplateCreateResp, Error: "no status"},
		{ID: "1", Type: protocol.FrameTemplateDeleteResp, HTTPStatus: 503},
		{ID: "1", Type: protocol.FrameTemplateUpdateResp},
	}
	for _, f := range frames {
		got, want := f.ResponseError(), waitResponse(&f)
		if (got == nil) != (want == nil) {
			t.Fatalf("%+v: ResponseError() = %v, the Worker says %v", f, got, want)
		}
		if got == nil {
			continue
		}
		var gotHE, wantHE *HTTPError
		if errors.As(got, &gotHE) != errors.As(want, &wantHE) || got.Error() != want.Error() {
			t.Errorf("%+v: ResponseError() = %#v, the Worker says %#v", f, got, want)
		}
		if gotHE != nil && *gotHE != *wantHE {
			t.Errorf("%+v: %+v, want %+v", f, *gotHE, *wantHE)
		}
		wrapped := fmt.Errorf("template sync: %w", got)
		if errors.Is(mapStatus(wrapped), errNotFound) != (f.HTTPStatus == http.StatusNotFound) {
			t.Errorf("%+v: a wrapped ResponseError maps by its status", f)
		}
	}
}
