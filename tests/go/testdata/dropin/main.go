// Command dropin is written against the hand-written seed package `protocol` (its
// documentation is the contract): it must compile unchanged against generated/go while the
// schema is at the seed's major version (1). It lives in testdata so that `go vet ./...` and
// `go test ./...` skip it: tests/test_generated_code.py builds it explicitly, and a break of the
// seed's names in a new major version is for `framegen diff` to report, not for this program.
package main

import (
	"encoding/json"
	"fmt"

	"github.com/framegen/framegen/generated/go/protocol"
)

func main() {
	f := protocol.Frame{
		ID:             "req-1",
		Type:           protocol.FrameKeySync,
		TokenHash:      "hash",
		HashPrefix:     "prefix",
		Name:           "secret",
		Namespace:      "ns",
		Role:           "admin",
		User:           "alice",
		Team:           "core",
		QuotaURL:       "https://quota",
		Description:    "key",
		IssuedAt:       "2026-01-02T03:04:05Z",
		ExpiresAt:      "2027-01-02T03:04:05Z",
		Items:          []protocol.Frame{{Type: ""}},
		OK:             true,
		RawToken:       "tok",
		KeyID:          "k1",
		Error:          "",
		HTTPStatus:     200,
		TemplateFull:   json.RawMessage(`{"metadata":{}}`),
		ConfigSnapshot: json.RawMessage(`{"clusters":[]}`),
	}
	types := []protocol.FrameType{
		protocol.FrameKeySync, protocol.FrameKeyDeleteSync, protocol.FrameKeySnapshot,
		protocol.FrameKeyCreateResp, protocol.FrameKeyDeleteResp,
		protocol.FrameKeyCreate, protocol.FrameKeyDelete,
		protocol.FrameTemplateSnapshot, protocol.FrameTemplateSync, protocol.FrameTemplateDeleteSync,
		protocol.FrameTemplateCreateResp, protocol.FrameTemplateUpdateResp, protocol.FrameTemplateDeleteResp,
		protocol.FrameTemplateCreate, protocol.FrameTemplateUpdate, protocol.FrameTemplateDelete,
		protocol.FrameClusterConfigSnapshot, protocol.FrameClusterConfigSync,
	}
	req := protocol.CreateKeyRequest{
		Namespace: "ns", User: "alice", Team: "core", Role: "admin", Description: "d",
		ExpiresAt: "", TokenHash: "", HashPrefix: "", IssuedAt: "", QuotaURL: "", RawToken: "",
	}
	resp := protocol.CreateKeyResponse{RawToken: "t", KeyID: "k", TokenHash: "h", HashPrefix: "p", IssuedAt: "i"}
	var s string = string(f.Type)
	var status int = f.HTTPStatus
	var raw json.RawMessage = f.TemplateFull
	out, _ := json.Marshal(f)
	fmt.Println(len(types), s, status, len(raw), req.Namespace, resp.KeyID, len(out))
}
