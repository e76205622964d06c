"""Author the conformance vectors: inputs and expected findings are written here by hand; go_accepts,
value and canonical are recorded from Go's encoding/json (the reference) through tests/go/harness.

Run `make vectors` after editing, and review the diff of tests/vectors/*.json like code. The runners
(tests/conformance and tests/go/conformance) then check both languages against the files.
"""

from __future__ import annotations

import base64
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

import stale  # noqa: E402
from vector_values import sparse_value  # noqa: E402

from generator.build_ir import build_ir  # noqa: E402
from generator.load import load_schema  # noqa: E402
from support import SCHEMA, TYPES_SCHEMA, GoHarness, build_harness, struct_class, top_level  # noqa: E402

TH = "9f86d081884c7d659a2feaa0c55ad015"
HP = TH[:16]  # the ws-proxy derives hashPrefix from the hash; the Worker skips a key without both
# A key as the ws-proxy mints it: agbx_ + 64 hex, its SHA-256, the hash's first 16 hex digits.
REAL_TOKEN = "agbx_6379c9a5caa22f96024cc451deb0f53c74b27a8647582d253630950c6aec2451"
REAL_HASH = "69369ce6de030fd206de205fe6e406a6162159d8c3741aff1297c595a48621da"
REAL_PREFIX = REAL_HASH[:16]
TEMPLATE = {"metadata": {"name": "python-3.12", "namespace": "sandboxes"}, "spec": {"image": "python:3.12"}}
CONFIG = {
    "clusters": [{"id": "eu-1", "name": "EU 1", "url": "https://eu-1.dash.internal"}],
    "hostAliases": [{"ip": "10.0.0.7", "hostnames": ["registry.internal"]}],
}
MIN_TEMPLATE = {"metadata": {"name": "t"}}  # the least content a receiver can act on (a name)
MIN_CONFIG = {"clusters": []}  # the least content the ws-proxy writes (clusters, always, maybe empty)
# The lint findings of content a receiver cannot act on, at a top-level frame's pointers:
NO_TEMPLATE_NAME = ("template-name", "/templateFull/metadata")  # templateFull decodes, names no template
TEMPLATE_UNREADABLE = ("template-full-content", "/templateFull")  # templateFull does not decode
NO_CLUSTERS = ("config-clusters", "/configSnapshot/clusters")  # configSnapshot decodes, has no clusters
CONFIG_UNREADABLE = ("config-snapshot-content", "/configSnapshot")  # configSnapshot does not decode
RESPONSES = [
    "key_create_resp",
    "key_delete_resp",
    "template_create_resp",
    "template_update_resp",
    "template_delete_resp",
]
REQUESTS = ["key_create", "key_delete", "template_create", "template_update", "template_delete"]
PUSHES = [
    "key_sync",
    "key_delete_sync",
    "key_snapshot",
    "template_snapshot",
    "template_sync",
    "template_delete_sync",
    "cluster_config_snapshot",
    "cluster_config_sync",
]
STRING_FIELDS = [
    "id",
    "tokenHash",
    "hashPrefix",
    "name",
    "namespace",
    "role",
    "user",
    "team",
    "quotaURL",
    "description",
    "issuedAt",
    "expiresAt",
    "rawToken",
    "keyId",
    "error",
]


def case(description: str, data: Any, errors=(), lint=(), policy: tuple[str, str] | None = None) -> dict[str, Any]:
    raw = (
        data
        if isinstance(data, bytes)
        else (data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    )
    raw = raw if isinstance(raw, bytes) else raw.encode()
    out: dict[str, Any] = {
        "description": description,
        "_bytes": raw,
        "errors": [list(f) for f in errors],
        "lint": [list(f) for f in lint],
    }
    if policy:
        out["policy"] = {"case": policy[0], "python": policy[1]}
    return out


def j(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


# ---- topics -------------------------------------------------------------------------------------


def frame_types() -> list[dict]:
    minimal = {
        "key_sync": {"type": "key_sync", "tokenHash": TH, "hashPrefix": HP},
        "key_delete_sync": {"type": "key_delete_sync", "name": "apikey-a"},
        "key_snapshot": {"type": "key_snapshot"},
        "key_create_resp": {"id": "r1", "type": "key_create_resp", "ok": True, "keyId": "k1"},
        "key_delete_resp": {"id": "r2", "type": "key_delete_resp", "ok": True},
        "key_create": {"id": "r1", "type": "key_create"},
        "key_delete": {"id": "r2", "type": "key_delete", "name": "apikey-a"},
        "template_snapshot": {"type": "template_snapshot"},
        "template_sync": {"type": "template_sync", "templateFull": MIN_TEMPLATE},
        "template_delete_sync": {"type": "template_delete_sync", "name": "python-3.12"},
        "template_create_resp": {"id": "r3", "type": "template_create_resp", "ok": True},
        "template_update_resp": {"id": "r4", "type": "template_update_resp", "ok": True},
        "template_delete_resp": {"id": "r5", "type": "template_delete_resp", "ok": True},
        "template_create": {"id": "r3", "type": "template_create", "templateFull": MIN_TEMPLATE},
        "template_update": {"id": "r4", "type": "template_update", "templateFull": MIN_TEMPLATE},
        "template_delete": {"id": "r5", "type": "template_delete", "name": "python-3.12"},
        "cluster_config_snapshot": {"type": "cluster_config_snapshot", "configSnapshot": MIN_CONFIG},
        "cluster_config_sync": {"type": "cluster_config_sync", "configSnapshot": MIN_CONFIG},
    }
    key = {
        "tokenHash": TH,
        "hashPrefix": "9f86",
        "name": "apikey-a",
        "namespace": "team-core",
        "role": "dev",
        "user": "alice",
        "team": "core",
        "quotaURL": "https://quota/v1/a",
        "description": "CI key",
        "issuedAt": "2026-11-01T10:00:00Z",
        "expiresAt": "2027-11-01T10:00:00.5+01:00",
    }
    full = {
        "key_sync": {"type": "key_sync", **key},
        "key_delete_sync": {"type": "key_delete_sync", "name": "apikey-a", "namespace": "team-core"},
        "key_snapshot": {"type": "key_snapshot", "items": [{"type": "", **key}, {"type": "", **key, "name": "b"}]},
        "key_create_resp": {  # a normal create's success: the ws-proxy never sends tokenHash
            "id": "r1",
            "type": "key_create_resp",
            "ok": True,
            "rawToken": "sk-1",
            "keyId": "k1",
            "hashPrefix": "9f86",
            "issuedAt": "2026-11-01T10:00:00Z",
        },
        "key_delete_resp": {"id": "r2", "type": "key_delete_resp", "error": "not found", "httpStatus": 404},
        "key_create": {
            "id": "r1",
            "type": "key_create",
            **{k: v for k, v in key.items() if k != "name"},
            "rawToken": "sk-1",
        },
        "key_delete": {"id": "r2", "type": "key_delete", "name": "apikey-a", "namespace": "team-core"},
        "template_snapshot": {
            "type": "template_snapshot",
            "items": [{"type": "template_sync", "templateFull": TEMPLATE}] * 2,
        },
        "template_sync": {"type": "template_sync", "templateFull": TEMPLATE},
        "template_delete_sync": {"type": "template_delete_sync", "name": "python-3.12"},
        "template_create_resp": {"id": "r3", "type": "template_create_resp", "error": "exists", "httpStatus": 409},
        "template_update_resp": {"id": "r4", "type": "template_update_resp", "error": "bad spec", "httpStatus": 422},
        "template_delete_resp": {"id": "r5", "type": "template_delete_resp", "error": "in use", "httpStatus": 409},
        "template_create": {"id": "r3", "type": "template_create", "templateFull": TEMPLATE},
        "template_update": {"id": "r4", "type": "template_update", "templateFull": TEMPLATE},
        "template_delete": {"id": "r5", "type": "template_delete", "name": "python-3.12"},
        "cluster_config_snapshot": {"type": "cluster_config_snapshot", "configSnapshot": CONFIG},
        "cluster_config_sync": {"type": "cluster_config_sync", "configSnapshot": CONFIG},
    }
    bare: dict[str, tuple[list, list]] = {
        "key_sync": ([], [("key-sync-token-hash", "/tokenHash"), ("key-sync-token-hash", "/hashPrefix")]),
        "key_delete_sync": ([("name-required", "/name")], []),
        "key_snapshot": ([], []),
        "template_snapshot": ([], []),
        "template_sync": ([("template-full-required", "/templateFull")], []),
        "template_delete_sync": ([("name-required", "/name")], []),
        "cluster_config_snapshot": ([], [("config-snapshot-missing", "/configSnapshot")]),
        "cluster_config_sync": ([], [("config-snapshot-missing", "/configSnapshot")]),
        "key_create": ([("request-id", "/id")], []),
        "key_delete": ([("request-id", "/id"), ("name-required", "/name")], []),
        "template_create": ([("request-id", "/id"), ("template-full-required", "/templateFull")], []),
        "template_update": ([("request-id", "/id"), ("template-full-required", "/templateFull")], []),
        "template_delete": ([("request-id", "/id"), ("name-required", "/name")], []),
        **{t: ([("response-id", "/id"), ("response-outcome", "")], []) for t in RESPONSES},
    }
    out = []
    for t in minimal:
        out.append(case(f"{t}: minimal", minimal[t]))
        out.append(case(f"{t}: every field it uses", full[t]))
        out.append(case(f"{t}: type alone", {"type": t}, *bare[t]))
    return out


def real_traffic() -> list[dict]:
    return [
        case(
            "key_snapshot items are emitted with an empty type",
            {"type": "key_snapshot", "items": [{"type": "", "tokenHash": TH, "hashPrefix": HP, "name": "a"}]},
        ),
        case(
            "key_snapshot items without a type key decode to an empty type",
            '{"type":"key_snapshot","items":[{"tokenHash":"' + TH + '","hashPrefix":"' + HP + '"}]}',
        ),
        case(
            "template_snapshot items are template_sync frames",
            {"type": "template_snapshot", "items": [{"type": "template_sync", "templateFull": TEMPLATE}]},
        ),
        case(
            "a bare key_sync occurs on the wire; the receiver skips it (lint only)",
            {"type": "key_sync"},
            lint=[("key-sync-token-hash", "/tokenHash"), ("key-sync-token-hash", "/hashPrefix")],
        ),
        case(
            "an error response carries error and httpStatus and no ok key",
            {"id": "r1", "type": "key_create_resp", "error": "quota exceeded", "httpStatus": 429},
        ),
        case(
            "an error response with ok:false encodes without ok",
            {"id": "r1", "type": "key_create_resp", "ok": False, "error": "quota exceeded", "httpStatus": 429},
        ),
        case(
            "a cluster_config_sync with an empty configSnapshot object is sent as is; it has no clusters (lint)",
            {"type": "cluster_config_sync", "configSnapshot": {}},
            lint=[NO_CLUSTERS],
        ),
        case(
            "a real cluster config (real-services.md §8): clusters sorted by id, a gateway, host aliases",
            {
                "type": "cluster_config_sync",
                "configSnapshot": {
                    "clusters": [
                        {"id": "cluster-a", "name": "", "url": "https://a.example.com"},
                        {
                            "id": "cluster-b",
                            "name": "",
                            "url": "https://b.example.com",
                            "gateway": {"nativeURL": "https://native.cluster-b.internal"},
                        },
                    ],
                    "hostAliases": [{"ip": "10.0.0.1", "hostnames": ["a.example.com"]}],
                },
            },
        ),
        case(
            "a cluster without an id is dropped by the Worker (lint at the cluster)",
            {"type": "cluster_config_snapshot", "configSnapshot": {"clusters": [{"id": "a"}, {"name": "b"}]}},
            lint=[("cluster-id", "/configSnapshot/clusters/1/id")],
        ),
        case(
            "a cluster config whose clusters the Worker cannot decode (a string) is skipped (lint)",
            {"type": "cluster_config_sync", "configSnapshot": {"clusters": "all"}},
            lint=[CONFIG_UNREADABLE],
        ),
        case(
            "a cluster field given twice, as keys that fold together: its reading depends on the decoder (lint)",
            '{"type":"cluster_config_sync","configSnapshot":{"clusters":[{"id":"a","ID":"b"}]}}',
            lint=[CONFIG_UNREADABLE],
        ),
        case(
            "unknown keys inside the config are ignored, as the Worker ignores them",
            {"type": "cluster_config_sync", "configSnapshot": {"clusters": [], "federation": {"x": 1}}},
        ),
        case(
            "a template_sync whose templateFull names no template (lint)",
            {"type": "template_sync", "templateFull": {"spec": {}}},
            lint=[NO_TEMPLATE_NAME],
        ),
        case(
            "a template with an empty name (lint at the name)",
            {"type": "template_update", "id": "r1", "templateFull": {"metadata": {"name": ""}}},
            lint=[("template-name", "/templateFull/metadata/name")],
        ),
        case(
            "a template whose labels are not strings cannot be decoded (lint)",
            {"type": "template_create", "id": "r1", "templateFull": {"metadata": {"name": "t", "labels": {"a": 1}}}},
            lint=[TEMPLATE_UNREADABLE],
        ),
        case(
            "a cluster_config_sync without configSnapshot is a no-op for the Worker (lint only)",
            {"type": "cluster_config_sync"},
            lint=[("config-snapshot-missing", "/configSnapshot")],
        ),
        case("an empty key_snapshot (no keys) is valid", {"type": "key_snapshot", "items": []}),
        # The ws-proxy's successful key_create_resp (real-services.md §3b, §8): the Worker reads keyId,
        # rawToken and issuedAt; tokenHash is never sent, and an import (promote) has no rawToken.
        case(
            "a normal create's success as the ws-proxy writes it: no tokenHash, no lint",
            '{"id":"6f1c2a9e-3b7d-4e41-9a53-0c2d8e7f4b10","type":"key_create_resp","hashPrefix":"'
            + REAL_PREFIX
            + '","issuedAt":"2026-11-25T08:11:07Z","ok":true,"rawToken":"'
            + REAL_TOKEN
            + '","keyId":"agentbox-apikey-'
            + REAL_PREFIX
            + '"}',
        ),
        case(
            "an import (promote) success as the ws-proxy writes it: no tokenHash, no rawToken, no lint",
            '{"id":"0b8e7d61-52a4-4c3f-8f0e-9d1a2b3c4d5e","type":"key_create_resp","hashPrefix":"'
            + REAL_PREFIX
            + '","issuedAt":"2026-11-01T10:00:00Z","ok":true,"keyId":"agentbox-apikey-'
            + REAL_PREFIX
            + '"}',
        ),
        case(
            "a success as the Worker's test hub writes it (a Go map: keys sorted), no lint",
            '{"hashPrefix":"abcd1234abcd1234","id":"r7","issuedAt":"2026-11-25T08:11:07Z",'
            '"keyId":"agentbox-apikey-abcd1234abcd1234","ok":true,"rawToken":"agbx_testtoken","type":"key_create_resp"}',
        ),
        case(
            "a success with only keyId and rawToken is acted on (issuedAt defaults to now): no lint",
            '{"id":"r8","keyId":"agentbox-apikey-0000000000000000","ok":true,"rawToken":"agbx_x","type":"key_create_resp"}',
        ),
        case(
            "a template_create_resp success names the template: no lint",
            {"id": "r3", "type": "template_create_resp", "name": "tmpl-x", "ok": True},
        ),
        case(
            "a key_sync as the ws-proxy writes it (every key field, the plaintext token included): no lint",
            {
                "type": "key_sync",
                "tokenHash": REAL_HASH,
                "hashPrefix": REAL_PREFIX,
                "name": "agentbox-apikey-" + REAL_PREFIX,
                "namespace": "team-core",
                "role": "tenant",
                "user": "alice",
                "team": "core",
                "description": "CI key",
                "issuedAt": "2026-11-25T08:11:07Z",
                "rawToken": REAL_TOKEN,
            },
        ),
        case(
            "a key_sync for a secret not named agentbox-apikey-<prefix> has no hashPrefix: the Worker skips it (lint)",
            {
                "type": "key_sync",
                "tokenHash": REAL_HASH,
                "name": "legacy-key",
                "namespace": "team-core",
                "role": "tenant",
            },
            lint=[("key-sync-token-hash", "/hashPrefix")],
        ),
        case(
            "key_create import mode carries the existing hash",
            {
                "id": "r9",
                "type": "key_create",
                "tokenHash": TH,
                "hashPrefix": "9f86",
                "namespace": "ns",
                "issuedAt": "2026-01-01T00:00:00Z",
                "rawToken": "sk-live",
            },
        ),
    ]


def omitempty() -> list[dict]:
    base = {"type": "key_sync", "tokenHash": TH, "hashPrefix": HP}
    out = []
    for field in STRING_FIELDS:
        if field == "tokenHash":
            out.append(
                case(
                    'tokenHash "" is omitted',
                    {"type": "key_sync", "tokenHash": ""},
                    lint=[("key-sync-token-hash", "/tokenHash"), ("key-sync-token-hash", "/hashPrefix")],
                )
            )
            continue
        lint = [("key-sync-token-hash", "/hashPrefix")] if field == "hashPrefix" else []
        out.append(case(f'{field} "" is omitted', {**base, field: ""}, lint=lint))
    out += [
        case("ok false is omitted", {**base, "ok": False}),
        case("ok true is kept", {**base, "ok": True}),
        case("httpStatus 0 is omitted", {**base, "httpStatus": 0}),
        case("httpStatus -1 is kept", {**base, "httpStatus": -1}),
        case("items absent", {"type": "key_snapshot"}),
        case("items [] is omitted", {"type": "key_snapshot", "items": []}),
        case("items null is omitted", {"type": "key_snapshot", "items": None}),
        case(
            "items [null] is one zero frame, encoded with its type",
            {"type": "key_snapshot", "items": [None]},
            lint=[
                ("key-snapshot-item-token-hash", "/items/0/tokenHash"),
                ("key-snapshot-item-token-hash", "/items/0/hashPrefix"),
            ],
        ),
        case(
            'type "" is never omitted (no omitempty)',
            {"type": "", "tokenHash": TH},
            errors=[("type-required", "/type")],
        ),
        case('type absent is encoded as ""', {"tokenHash": TH}, errors=[("type-required", "/type")]),
    ]
    for raw in ("templateFull", "configSnapshot"):
        t = "template_sync" if raw == "templateFull" else "cluster_config_sync"
        missing = (
            ([("template-full-required", "/templateFull")], [])
            if raw == "templateFull"
            else ([], [("config-snapshot-missing", "/configSnapshot")])
        )
        # The content rules: null decodes to an empty struct (Go's Unmarshal of null does nothing), {} too;
        # a string, array, number or bool does not decode into the content struct at all.
        empty, unreadable = (
            (NO_TEMPLATE_NAME, TEMPLATE_UNREADABLE) if raw == "templateFull" else (NO_CLUSTERS, CONFIG_UNREADABLE)
        )
        error = [("raw-object", f"/{raw}")]
        out += [
            case(f"{raw} absent is omitted", {"type": t}, *missing),
            case(f"{raw} null is kept: Go keeps a raw null", {"type": t, raw: None}, errors=error, lint=[empty]),
            case(f'{raw} "" is a JSON string, kept', f'{{"type":"{t}","{raw}":""}}', errors=error, lint=[unreadable]),
            case(f"{raw} {{}} is kept", {"type": t, raw: {}}, lint=[empty]),
            case(f"{raw} [] is kept", {"type": t, raw: []}, errors=error, lint=[unreadable]),
            case(f"{raw} 0 is kept", {"type": t, raw: 0}, errors=error, lint=[unreadable]),
            case(f"{raw} false is kept", {"type": t, raw: False}, errors=error, lint=[unreadable]),
        ]
    return out


def field_order() -> list[dict]:
    reversed_fields = (
        '{"configSnapshot":{},"templateFull":{},"httpStatus":500,"error":"e","keyId":"k","rawToken":"r",'
        '"ok":true,"items":[{"type":""}],"expiresAt":"x","issuedAt":"x","description":"d","quotaURL":"q",'
        '"team":"t","user":"u","role":"r","namespace":"n","name":"n","hashPrefix":"h","tokenHash":"t",'
        '"type":"key_sync","id":"1"}'
    )
    return [
        case(
            "all 21 fields in reverse order come out in struct order",
            reversed_fields,
            lint=[
                ("push-no-id", "/id"),
                ("items-only-in-snapshots", "/items"),
                ("rfc3339-time", "/issuedAt"),
                ("rfc3339-time", "/expiresAt"),
            ],
        ),
        case("id before type", {"type": "key_create", "id": "1"}),
        case(
            "raw fields last, templateFull before configSnapshot",
            '{"configSnapshot":{"b":1},"type":"template_sync","templateFull":{"a":1}}',
            lint=[NO_TEMPLATE_NAME],
        ),
        case(
            "items between expiresAt and ok",
            {"ok": True, "items": [], "expiresAt": "2026-01-01T00:00:00Z", "type": "key_snapshot"},
        ),
        case("error before httpStatus", {"httpStatus": 500, "error": "e", "type": "key_delete_resp", "id": "1"}),
    ]


def escaping() -> list[dict]:
    base = {"type": "key_sync", "tokenHash": TH, "hashPrefix": HP}
    out = []
    for field in STRING_FIELDS:
        if field in ("tokenHash", "id", "issuedAt", "expiresAt", "error"):
            continue
        out.append(
            case(f"<, > and & in {field} become \\u003c, \\u003e, \\u0026", {**base, field: "<a href='x'>&amp;</a>"})
        )
    out += [
        case("< > & in id", {**base, "id": "<&>"}, lint=[("push-no-id", "/id")]),
        case("< > & in tokenHash", {**base, "tokenHash": "a<b>c&d"}),
        case("< > & in error", {"id": "1", "type": "key_delete_resp", "error": "<&>", "httpStatus": 500}),
        case("< > & in issuedAt", {**base, "issuedAt": "<&>"}, lint=[("rfc3339-time", "/issuedAt")]),
        case("< > & in type (an unknown type)", {"type": "<&>"}, errors=[("type-known", "/type")]),
        case(
            "< > & inside raw JSON strings",
            {"type": "template_sync", "templateFull": {"html": "<b>&</b>", "<k>": 1}},
            lint=[NO_TEMPLATE_NAME],
        ),
        case(
            "escaped \\u003c in input is written the same way",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","name":"\\u003c"}',
        ),
        case("U+2028 and U+2029 written raw become escapes", {**base, "description": "a\u2028b\u2029c"}),
        case(
            "U+2028 escaped in input stays escaped",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","description":"\\u2028"}',
        ),
        case(
            "U+2028 inside raw JSON becomes an escape",
            {"type": "template_sync", "templateFull": {"d": "\u2028\u2029"}},
            lint=[NO_TEMPLATE_NAME],
        ),
        case("non-ASCII is written raw", {**base, "user": "Zoë Ñandú 東京 🚀"}),
        case(
            "non-ASCII escapes in input are written raw",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","user":"\\u00e9\\ud83d\\ude80"}',
        ),
        case("/ is never escaped", {**base, "quotaURL": "https://q/x/y"}),
        case(
            "escaped \\/ in input is written as /",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","quotaURL":"a\\/b"}',
        ),
        case('\\" and \\\\ are escaped', {**base, "description": 'say "hi" \\ bye'}),
        case("DEL (0x7f) is written raw", {**base, "description": "a\x7fb"}),
        case("U+FFFD is written raw", {**base, "description": "\ufffd"}),
        case("U+0080..U+009F controls are written raw", {**base, "description": "\x80\x85\x9f"}),
    ]
    for code in range(0x20):
        out.append(
            case(
                f"control character U+{code:04X}",
                f'{{"type":"key_sync","tokenHash":"{TH}","hashPrefix":"{HP}","description":"a\\u{code:04x}b"}}',
            )
        )
    return out


def raw_json() -> list[dict]:
    t = '{"type":"template_sync","templateFull":%s}'
    bodies = {  # none names a template: the receiver could not act on any (template-name, lint)
        "whitespace inside is compacted": '{ "a" : [ 1 , 2 ] ,\n\t"b" : { } }',
        "leading and trailing whitespace around the value": ' \n {"a":1} \n ',
        "number spellings are kept (1.50, 1E+2, -0, 0.0e-0)": '{"n":[1.50,1E+2,-0,0.0e-0,1e400]}',
        "escape spellings are kept (\\u00e9, \\/)": '{"s":"\\u00e9\\/\\u0041"}',
        "key order is kept": '{"z":1,"a":2,"m":3}',
        "duplicate keys are kept": '{"a":1,"a":2}',
        "nested duplicates are kept": '{"a":{"b":1,"b":[1,1]}}',
        "deeply nested arrays": '{"a":' + "[" * 50 + "]" * 50 + "}",
        "empty object": "{}",
        "strings with escaped quotes and backslashes": '{"q":"\\"\\\\"}',
        "unicode written raw": '{"u":"東京"}',
        "big integers are kept as written": '{"n":123456789012345678901234567890}',
        "true, false and null inside": '{"t":true,"f":false,"n":null}',
        "a raw lone surrogate escape is kept as written": '{"s":"\\ud800"}',
    }
    out = [case(f"templateFull: {name}", t % body, lint=[NO_TEMPLATE_NAME]) for name, body in bodies.items()]
    out.append(
        case(
            "configSnapshot keeps its bytes too", '{"type":"cluster_config_sync","configSnapshot":{ "clusters" : [] }}'
        )
    )
    out.append(
        case(
            "invalid UTF-8 inside raw JSON is kept byte for byte",
            b'{"type":"template_sync","templateFull":{"a":"\xff\xfe"}}',
            policy=("invalid-utf8", "same-as-go"),
            lint=[NO_TEMPLATE_NAME],
        )
    )
    out.append(
        case(
            "a raw value that is an array is kept (the validator flags it)",
            t % "[1, 2]",
            errors=[("raw-object", "/templateFull")],
            lint=[TEMPLATE_UNREADABLE],
        )
    )
    out.append(
        case(
            "a raw value that is a string is kept",
            t % '"x"',
            errors=[("raw-object", "/templateFull")],
            lint=[TEMPLATE_UNREADABLE],
        )
    )
    out.append(
        case(
            "both raw fields on one frame (a template_sync's configSnapshot has no declared content)",
            '{"type":"template_sync","templateFull":{"a":1},"configSnapshot":{"b":2}}',
            lint=[NO_TEMPLATE_NAME],
        )
    )
    out.append(
        case(
            "a number past Python's int() digit limit (4,301 digits) is kept as written",
            t % ('{"n":' + "7" * 4301 + "}"),
            lint=[NO_TEMPLATE_NAME],
        )
    )
    return out


def numbers() -> list[dict]:
    base = '{"id":"1","type":"key_delete_resp","error":"e","httpStatus":%s}'
    accepted = {
        "500": [],
        "-0": [("response-error-status", "/httpStatus")],
        "9223372036854775807": [],
        "-9223372036854775808": [],
        "-1": [],
        "0": [("response-error-status", "/httpStatus")],
    }
    out = [case(f"httpStatus {n}", base % n, errors=errs) for n, errs in accepted.items()]
    for n in (
        "1.0",
        "1e2",
        "1E2",
        "5e-1",
        "1.5",
        "9223372036854775808",
        "-9223372036854775809",
        '"500"',
        "true",
        "[]",
        "{}",
    ):
        out.append(case(f"httpStatus {n} is rejected", base % n))
    out.append(case("httpStatus null leaves 0", base % "null", errors=[("response-error-status", "/httpStatus")]))
    for n in ("01", "+1", ".5", "1.", "0x10", "-"):
        out.append(case(f"httpStatus {n} is not JSON", base % n))
    # Found by tests/fuzz/structured.py: past 4,300 digits Python's int() raises ValueError, not DecodeError.
    out.append(case("httpStatus 1e400 (past float64) is rejected", base % "1e400"))
    out.append(case("httpStatus of 4,301 digits (past Python's int() digit limit) is rejected", base % ("9" * 4301)))
    out.append(case("httpStatus of 5,000 digits, negative, is rejected", base % ("-" + "9" * 5000)))
    out.append(case("httpStatus of 4,301 digits with a fraction is rejected", base % ("1" * 4301 + ".5")))
    return out


def keys() -> list[dict]:
    out = [
        case(
            "unknown keys are ignored, whatever their value",
            '{"type":"key_sync","tokenHash":"'
            + TH
            + '","hashPrefix":"'
            + HP
            + '","extra":{"deep":[1,{"x":null}]},"more":"x","n":1.5e300,"t":true}',
        ),
        case(
            "unknown key with an unknown nested type",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","x":[[[]]]}',
        ),
        case(
            "an escaped key matches its field",
            '{"\\u0074ype":"key_sync","tokenH\\u0061sh":"' + TH + '","hashPrefix":"' + HP + '"}',
        ),
        case(
            "Kelvin sign K (U+212A) folds to K",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","\u212aeyId":"k"}',
            policy=("case-folded-key", "same-as-go"),
        ),
        case(
            "long s (U+017F) folds to S",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","httpſtatus":7}',
            policy=("case-folded-key", "same-as-go"),
        ),
        case(
            "dotted capital I (U+0130) does not fold to I",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","\u0130d":"x"}',
        ),
        case(
            "dotless i (U+0131) does not fold to I",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","\u0131d":"x"}',
        ),
        case(
            "sharp s (U+00DF) does not fold to SS",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","ke\u00dfId":"x"}',
        ),
        case(
            "a key with a trailing space is unknown",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","name ":"x"}',
        ),
    ]
    for wire in [
        "id",
        "type",
        "tokenHash",
        "hashPrefix",
        "name",
        "namespace",
        "role",
        "user",
        "team",
        "quotaURL",
        "description",
        "issuedAt",
        "expiresAt",
        "rawToken",
        "keyId",
        "error",
    ]:
        if wire == "type":
            out.append(
                case(
                    "TYPE matches type case-insensitively",
                    '{"TYPE":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '"}',
                    policy=("case-folded-key", "same-as-go"),
                )
            )
            continue
        value = "2026-01-01T00:00:00Z" if wire.endswith("At") else "v"
        lint = [("push-no-id", "/id")] if wire == "id" else []
        if wire == "error":
            frame = '{"id":"1","type":"key_delete_resp","ERROR":"v","httpStatus":500}'
        elif wire == "tokenHash":
            frame = j(type="key_sync", TOKENHASH=TH, hashPrefix=HP)
        elif wire == "hashPrefix":
            frame = j(type="key_sync", tokenHash=TH, HASHPREFIX=value)
        else:
            frame = j(type="key_sync", tokenHash=TH, hashPrefix=HP, **{wire.upper(): value})
        out.append(
            case(
                f"{wire.upper()} matches {wire} case-insensitively",
                frame,
                (),
                lint,
                policy=("case-folded-key", "same-as-go"),
            )
        )
    out += [
        case(
            "OK, HttpStatus, Items, TemplateFULL match case-insensitively",
            '{"type":"template_snapshot","Items":[{"TYPE":"template_sync","TemplateFULL":{}}]}',
            policy=("case-folded-key", "same-as-go"),
            lint=[("template-name", "/items/0/templateFull/metadata")],
        ),
        case(
            "Ok and HTTPSTATUS",
            '{"id":"1","type":"key_delete_resp","Ok":true,"HTTPSTATUS":200}',
            policy=("case-folded-key", "same-as-go"),
        ),
    ]
    nulls = {
        "id": [],
        "tokenHash": [],
        "hashPrefix": [],
        "name": [],
        "ok": [],
        "httpStatus": [],
        "error": [],
        "items": [],
        "keyId": [],
        "rawToken": [],
    }
    for wire in nulls:
        out.append(
            case(
                f"null for {wire} leaves its zero value",
                j(type="key_sync", tokenHash=TH, **{"hashPrefix": HP, wire: None})
                if wire != "tokenHash"
                else j(type="key_sync", tokenHash=None),
                lint={
                    "tokenHash": [("key-sync-token-hash", "/tokenHash"), ("key-sync-token-hash", "/hashPrefix")],
                    "hashPrefix": [("key-sync-token-hash", "/hashPrefix")],
                }.get(wire, []),
            )
        )
    out.append(case("null for type leaves it empty", '{"type":null}', errors=[("type-required", "/type")]))
    return out


def bad_input() -> list[dict]:
    ok = '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '"}'
    out = [
        case("trailing data after the object", ok + " {}"),
        case("trailing garbage", ok + "x"),
        case("trailing whitespace is fine", ok + " \n\t\r"),
        case("leading whitespace is fine", " \n" + ok),
        case("top-level array", "[]"),
        case("top-level string", '"key_sync"'),
        case("top-level number", "1"),
        case("top-level true", "true"),
        case("top-level null decodes to a zero frame", "null", errors=[("type-required", "/type")]),
        case("empty input", ""),
        case("whitespace only", "  \n"),
        case("a byte order mark", b"\xef\xbb\xbf" + ok.encode()),
        case("NaN", '{"type":"key_sync","x":NaN}'),
        case("Infinity", '{"type":"key_sync","httpStatus":Infinity}'),
        case("-Infinity", '{"type":"key_sync","x":-Infinity}'),
        case("unterminated object", '{"type":"key_sync"'),
        case("unterminated string", '{"type":"key_sync'),
        case("a trailing comma", '{"type":"key_sync",}'),
        case("single quotes", "{'type':'key_sync'}"),
        case("a comment", '{"type":"key_sync" /* c */}'),
        case("an unescaped control byte in a string", b'{"type":"key_sync","name":"a\x01"}'),
        case("an invalid escape", '{"type":"key_sync","name":"\\x41"}'),
        case("a short \\u escape", '{"type":"key_sync","name":"\\u00"}'),
        case("a key that is not a string", '{type:"key_sync"}'),
        case("a missing colon", '{"type" "key_sync"}'),
        case("type is a number", '{"type":1}'),
        case("type is an object", '{"type":{}}'),
        case("name is a number", '{"type":"key_sync","name":1}'),
        case("name is an array", '{"type":"key_sync","name":[]}'),
        case("ok is a string", '{"type":"key_sync","ok":"true"}'),
        case("ok is a number", '{"type":"key_sync","ok":1}'),
        case("items is an object", '{"type":"key_snapshot","items":{}}'),
        case("items holds a string", '{"type":"key_snapshot","items":["x"]}'),
        case("items holds an array", '{"type":"key_snapshot","items":[[]]}'),
        case("a wrong type deep inside items", '{"type":"key_snapshot","items":[{"type":"","httpStatus":"x"}]}'),
        case(
            "a wrong type in an unknown key is fine",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","extra":"x"}',
        ),
        case(
            "invalid UTF-8 in a string becomes U+FFFD per byte",
            b'{"type":"key_sync","tokenHash":"'
            + TH.encode()
            + b'","hashPrefix":"'
            + HP.encode()
            + b'","name":"a\xff\xfeb\xe2\x80"}',
            policy=("invalid-utf8", "same-as-go"),
        ),
        case(
            "UTF-8-encoded surrogates become U+FFFD per byte",
            b'{"type":"key_sync","tokenHash":"'
            + TH.encode()
            + b'","hashPrefix":"'
            + HP.encode()
            + b'","name":"\xed\xa0\x80"}',
            policy=("invalid-utf8", "same-as-go"),
        ),
        case(
            "an overlong encoding becomes U+FFFD per byte",
            b'{"type":"key_sync","tokenHash":"'
            + TH.encode()
            + b'","hashPrefix":"'
            + HP.encode()
            + b'","name":"\xc0\xaf"}',
            policy=("invalid-utf8", "same-as-go"),
        ),
        case(
            "invalid UTF-8 in an unknown key's value is fine",
            b'{"type":"key_sync","tokenHash":"' + TH.encode() + b'","hashPrefix":"' + HP.encode() + b'","x":"\xff"}',
            policy=("invalid-utf8", "same-as-go"),
        ),
        case(
            "invalid UTF-8 in a key",
            b'{"type":"key_sync","tokenHash":"' + TH.encode() + b'","hashPrefix":"' + HP.encode() + b'","\xff":"x"}',
            policy=("invalid-utf8", "same-as-go"),
        ),
        case(
            "a lone high surrogate escape becomes U+FFFD",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","name":"a\\ud800b"}',
            policy=("lone-surrogate", "same-as-go"),
        ),
        case(
            "a lone low surrogate escape becomes U+FFFD",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","name":"\\udc00"}',
            policy=("lone-surrogate", "same-as-go"),
        ),
        case(
            "a high surrogate before a non-surrogate escape",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","name":"\\ud800\\u0041"}',
            policy=("lone-surrogate", "same-as-go"),
        ),
        case(
            "two high surrogates",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","name":"\\ud800\\ud800\\udc00"}',
            policy=("lone-surrogate", "same-as-go"),
        ),
        case(
            "a valid surrogate pair",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","name":"\\ud83d\\ude00"}',
        ),
        case(
            "nesting at Go's limit (10,000) in an unknown key",
            '{"type":"key_sync","tokenHash":"'
            + TH
            + '","hashPrefix":"'
            + HP
            + '","x":'
            + "[" * 9999
            + "]" * 9999
            + "}",
        ),
        case("nesting one past Go's limit", '{"type":"key_sync","x":' + "[" * 10000 + "]" * 10000 + "}"),
        # Canonical, so the fast path reads them: msgspec's recursion guard followed the recursion limit
        # (tests/test_depth_limit.py runs every vector under a raised one).
        case(
            "nesting at Go's limit in a raw field, canonical",
            '{"type":"template_sync","templateFull":{"a":' + "[" * 9998 + "]" * 9998 + "}}",
            lint=[NO_TEMPLATE_NAME],
        ),
        case(
            "nesting one past Go's limit in a raw field, canonical",
            '{"type":"template_sync","templateFull":' + "[" * 10000 + "]" * 10000 + "}",
        ),
        case(
            "frames nested in items one past Go's limit (5,000 deep), canonical",
            '{"type":"key_snapshot","items":[' + '{"type":"","items":[' * 4999 + '{"type":""}' + "]}" * 4999 + "]}",
        ),
        case(
            "nesting past Python json's limit (1,500) inside a raw field",
            '{"type":"template_sync","templateFull":{"a":' + "[" * 1500 + "]" * 1500 + "}}",
            lint=[NO_TEMPLATE_NAME],
        ),
        case(
            "frames nested 400 deep in items",
            '{"type":"key_snapshot"' + ',"items":[{"type":""' * 400 + "}]" * 400 + "}",
            # the root's one item has no tokenHash; items 1..399 deep each carry items of their own
            lint=[
                ("key-snapshot-item-token-hash", "/items/0/tokenHash"),
                ("key-snapshot-item-token-hash", "/items/0/hashPrefix"),
            ]
            + [("items-only-in-snapshots", "/items/0" * depth + "/items") for depth in range(1, 400)],
        ),
    ]
    return out


def policy() -> list[dict]:
    p = ("duplicate-key", "rejects")
    k = '"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '"'
    return [
        case("a string field given twice", "{" + k + ',"name":"a","name":"b"}', policy=p),
        case("a field given twice, the second null", "{" + k + ',"name":"a","name":null}', policy=p),
        case("a field given twice under keys that fold together", "{" + k + ',"name":"a","NAME":"b"}', policy=p),
        case(
            "type given twice: Go keeps the last",
            '{"type":"key_sync","type":"key_delete"}',
            policy=p,
            errors=[("request-id", "/id"), ("name-required", "/name")],
        ),
        case(
            "items given twice: Go merges into the decoded elements",
            '{"type":"key_snapshot","items":[{"name":"a","role":"r"},{"name":"b"}],"items":[{"name":"c"}],"items":[{},{}]}',
            policy=p,
            lint=[
                ("key-snapshot-item-token-hash", "/items/0/tokenHash"),
                ("key-snapshot-item-token-hash", "/items/0/hashPrefix"),
                ("key-snapshot-item-token-hash", "/items/1/tokenHash"),
                ("key-snapshot-item-token-hash", "/items/1/hashPrefix"),
            ],
        ),
        case(
            "a raw field given twice",
            '{"type":"template_sync","templateFull":{"a":1},"templateFull":{"b":2}}',
            policy=p,
            lint=[NO_TEMPLATE_NAME],  # Go keeps the last, which names no template
        ),
        case("httpStatus given twice", "{" + k + ',"httpStatus":1,"httpStatus":2}', policy=p),
        case(
            "a field given twice inside an item",
            '{"type":"key_snapshot","items":[{"tokenHash":"'
            + TH
            + '","hashPrefix":"'
            + HP
            + '","name":"a","name":"b"}]}',
            policy=p,
        ),
        case("an unknown key given twice is fine", "{" + k + ',"x":1,"x":2}'),
    ]


def validation() -> list[dict]:
    v = []
    for t in REQUESTS:
        v.append(
            case(
                f"{t} without id",
                {"type": t, "name": "n", "templateFull": MIN_TEMPLATE},
                errors=[("request-id", "/id")],
            )
        )
    key_fields = [("key-create-resp-fields", "/keyId")]
    for t in RESPONSES:
        ok_lint = key_fields if t == "key_create_resp" else []  # a successful key_create_resp names the key
        v.append(case(f"{t} without id", {"type": t, "ok": True}, errors=[("response-id", "/id")], lint=ok_lint))
        v.append(case(f"{t} with neither ok nor error", {"id": "1", "type": t}, errors=[("response-outcome", "")]))
        v.append(
            case(
                f"{t} with ok and error",
                {"id": "1", "type": t, "ok": True, "error": "e", "httpStatus": 500},
                errors=[("response-success-no-error", "/error")],
                lint=ok_lint,
            )
        )
        v.append(
            case(
                f"{t} error without httpStatus",
                {"id": "1", "type": t, "error": "e"},
                errors=[("response-error-status", "/httpStatus")],
            )
        )
    for t in PUSHES:
        frame = {
            "id": "x",
            "type": t,
            "tokenHash": TH,
            "hashPrefix": HP,
            "name": "n",
            "templateFull": MIN_TEMPLATE,
            "configSnapshot": MIN_CONFIG,
        }
        v.append(case(f"{t} with an id (lint)", frame, lint=[("push-no-id", "/id")]))
    v += [
        case("unknown type", {"type": "key_rotate"}, errors=[("type-known", "/type")]),
        case(
            "unknown type inside items",
            {"type": "key_snapshot", "items": [{"type": "nope", "tokenHash": TH, "hashPrefix": HP}]},
            errors=[("type-known", "/items/0/type")],
            lint=[("key-snapshot-item-type", "/items/0/type")],
        ),
        case(
            "template_snapshot item with an empty type",
            {"type": "template_snapshot", "items": [{"type": "", "templateFull": {}}]},
            errors=[("template-snapshot-item-type", "/items/0/type")],
        ),
        case(
            "template_snapshot item without templateFull",
            {
                "type": "template_snapshot",
                "items": [{"type": "template_sync", "templateFull": MIN_TEMPLATE}, {"type": "template_sync"}],
            },
            errors=[("template-full-required", "/items/1/templateFull")],
        ),
        case(
            "key_snapshot item typed key_sync (lint)",
            {"type": "key_snapshot", "items": [{"type": "key_sync", "tokenHash": TH, "hashPrefix": HP}]},
            lint=[("key-snapshot-item-type", "/items/0/type")],
        ),
        case(
            "key_snapshot items without tokenHash or hashPrefix (lint), each pointed at",
            {
                "type": "key_snapshot",
                "items": [
                    {"type": "", "tokenHash": TH, "hashPrefix": HP},
                    {"type": ""},
                    {"type": "", "name": "x"},
                    {"type": "", "tokenHash": TH},
                ],
            },
            lint=[
                ("key-snapshot-item-token-hash", "/items/1/tokenHash"),
                ("key-snapshot-item-token-hash", "/items/1/hashPrefix"),
                ("key-snapshot-item-token-hash", "/items/2/tokenHash"),
                ("key-snapshot-item-token-hash", "/items/2/hashPrefix"),
                ("key-snapshot-item-token-hash", "/items/3/hashPrefix"),
            ],
        ),
        case(
            "key_create_resp ok without keyId (lint): the Worker has no key to return",
            {"id": "1", "type": "key_create_resp", "ok": True},
            lint=[("key-create-resp-fields", "/keyId")],
        ),
        case(
            "issuedAt and expiresAt not RFC3339 (lint)",
            {"type": "key_sync", "tokenHash": TH, "hashPrefix": HP, "issuedAt": "yesterday", "expiresAt": "2026-01-01"},
            lint=[("rfc3339-time", "/issuedAt"), ("rfc3339-time", "/expiresAt")],
        ),
        case(
            "RFC3339 with an offset and fractional seconds",
            {"type": "key_sync", "tokenHash": TH, "hashPrefix": HP, "issuedAt": "2026-01-01T00:00:00.123456789-07:00"},
        ),
        case(
            "items on a non-snapshot frame (lint)",
            {"type": "key_sync", "tokenHash": TH, "hashPrefix": HP, "items": [{"type": "", "tokenHash": TH}]},
            lint=[("items-only-in-snapshots", "/items")],
        ),
        case(
            "every error at once",
            {"type": "key_delete", "templateFull": [1], "configSnapshot": "x"},
            errors=[
                ("raw-object", "/templateFull"),
                ("raw-object", "/configSnapshot"),
                ("request-id", "/id"),
                ("name-required", "/name"),
            ],
        ),
        case(
            "errors in the frame and in its items, in document order",
            {"type": "template_snapshot", "templateFull": [], "items": [{"type": "template_sync"}, {"type": "x"}]},
            errors=[
                ("raw-object", "/templateFull"),
                ("template-snapshot-item-type", "/items/1/type"),
                ("template-full-required", "/items/0/templateFull"),
                ("type-known", "/items/1/type"),
            ],
        ),
        case(
            "a nested item that is itself a request",
            {"type": "key_snapshot", "items": [{"type": "key_delete", "tokenHash": TH, "hashPrefix": HP}]},
            errors=[("request-id", "/items/0/id"), ("name-required", "/items/0/name")],
            lint=[("key-snapshot-item-type", "/items/0/type")],
        ),
        # Found by tests/fuzz/structured.py: Python's re `$` also matches before a final newline.
        case(
            "a time followed by a newline is not RFC3339: a pattern's $ is the end of the text (lint)",
            {
                "type": "key_sync",
                "tokenHash": TH,
                "hashPrefix": HP,
                "issuedAt": "2026-11-01T10:00:00Z\n",
                "expiresAt": "2027-11-01T10:00:00+01:00\n",
            },
            lint=[("rfc3339-time", "/issuedAt"), ("rfc3339-time", "/expiresAt")],
        ),
        case(
            "an escaped trailing newline in an item's time (lint)",
            '{"type":"key_snapshot","items":[{"type":"","tokenHash":"'
            + TH
            + '","hashPrefix":"'
            + HP
            + '","issuedAt":"2026-11-01T10:00:00Z\\u000a"}]}',
            lint=[("rfc3339-time", "/items/0/issuedAt")],
        ),
    ]
    # Patterns keep their RE2 meaning in Python (generator/targets/python_regex.py): anchors are the
    # ends of the text, whatever line break is next to them, and [0-9] is ASCII digits only.
    bad_times = {
        "a CRLF": "2026-11-01T10:00:00Z\r\n",
        "a CR": "2026-11-01T10:00:00Z\r",
        "U+2028": "2026-11-01T10:00:00Z\u2028",
        "U+0085 (NEL)": "2026-11-01T10:00:00Z\u0085",
        "two newlines": "2026-11-01T10:00:00Z\n\n",
        "a NUL": "2026-11-01T10:00:00Z\u0000",
        "a leading newline": "\n2026-11-01T10:00:00Z",
        "a newline inside": "2026-11-01\nT10:00:00Z",
        "Arabic-Indic digits": "2026-11-01T10:00:00Z".translate({ord(d): 0x0660 + int(d) for d in "0123456789"}),
        "a fullwidth digit": "2026-11-01T10:00:0\uff10Z",
        "a newline after an offset": "2027-11-01T10:00:00.5+01:00\n",
    }
    for name, time in bad_times.items():
        frame = {"type": "key_sync", "tokenHash": TH, "hashPrefix": HP, "issuedAt": time}
        v.append(case(f"a time with {name} is not RFC3339 (lint)", frame, lint=[("rfc3339-time", "/issuedAt")]))
    v += [
        case(
            "an empty time is an absent one: no finding",
            '{"type":"key_sync","tokenHash":"' + TH + '","hashPrefix":"' + HP + '","issuedAt":"","expiresAt":""}',
        ),
        case(
            "a good issuedAt and an expiresAt with a CRLF (lint)",
            {
                "type": "key_sync",
                "tokenHash": TH,
                "hashPrefix": HP,
                "issuedAt": "2026-11-01T10:00:00Z",
                "expiresAt": "2027-01-01T00:00:00Z\r\n",
            },
            lint=[("rfc3339-time", "/expiresAt")],
        ),
        case(
            "an item's time with an escaped U+2028 (lint)",
            '{"type":"key_snapshot","items":[{"type":"","tokenHash":"'
            + TH
            + '","hashPrefix":"'
            + HP
            + '","expiresAt":"2026-11-01T10:00:00Z\\u2028"}]}',
            lint=[("rfc3339-time", "/items/0/expiresAt")],
        ),
    ]
    return v


def create_key() -> list[dict]:
    return [
        case(
            "CreateKeyRequest with the five always-encoded fields",
            {"namespace": "ns", "user": "u", "team": "t", "role": "r", "description": "d"},
        ),
        case('CreateKeyRequest: empty object encodes the five fields as ""', {}),
        case(
            "CreateKeyRequest: optional fields are omitted when empty",
            {"namespace": "ns", "expiresAt": "", "rawToken": ""},
        ),
        case(
            "CreateKeyRequest: every field",
            {
                "namespace": "ns",
                "user": "u",
                "team": "t",
                "role": "r",
                "description": "d",
                "expiresAt": "e",
                "tokenHash": "th",
                "hashPrefix": "hp",
                "issuedAt": "i",
                "quotaURL": "q",
                "rawToken": "<rt>",
            },
        ),
        case(
            "CreateKeyRequest: keys match case-insensitively",
            '{"NAMESPACE":"ns","QuotaUrl":"q"}',
            policy=("case-folded-key", "same-as-go"),
        ),
        case("CreateKeyRequest: a wrong type", '{"namespace":1}'),
    ]


def create_key_response() -> list[dict]:
    return [
        case(
            "CreateKeyResponse has no json tags: Go field names on the wire",
            {"RawToken": "t", "KeyID": "k", "TokenHash": "h", "HashPrefix": "p", "IssuedAt": "i"},
        ),
        case("CreateKeyResponse: empty object encodes every field", {}),
        case(
            "CreateKeyResponse: lower-case keys match the Go names",
            '{"rawToken":"t","keyid":"k"}',
            policy=("case-folded-key", "same-as-go"),
        ),
        case(
            "CreateKeyResponse: keyId matches KeyID case-insensitively; key_id is unknown",
            '{"keyId":"k","key_id":"x"}',
            policy=("case-folded-key", "same-as-go"),
        ),
        case("CreateKeyResponse: HTML escaping", {"RawToken": "<&>"}),
    ]


def response_outcome() -> list[dict]:
    """ok, error and httpStatus in every combination the failure model (x-framegen-failure) tells apart.

    The findings are the response rules' (response-outcome, response-success-no-error,
    response-error-status); what Frame.ResponseError / response_error make of each frame is compared
    between the languages by tests/test_response_error.py, on these and every other frame.
    """
    return [
        case(
            "ok:true with an error text and no status: a success (the text is ignored), twice invalid",
            {"id": "1", "type": "key_delete_resp", "ok": True, "error": "stale"},
            errors=[("response-success-no-error", "/error"), ("response-error-status", "/httpStatus")],
        ),
        case(
            "ok:true with an error text and a status: still a success",
            {"id": "1", "type": "template_create_resp", "ok": True, "error": "stale", "httpStatus": 500},
            errors=[("response-success-no-error", "/error")],
        ),
        case(
            "ok:true with a status and no error text: a success, and valid (no rule ties a status to a failure)",
            {"id": "1", "type": "template_update_resp", "ok": True, "httpStatus": 200},
        ),
        case(
            "error without status: a failure without a status",
            {"id": "1", "type": "key_create_resp", "error": "internal error"},
            errors=[("response-error-status", "/httpStatus")],
        ),
        case(
            "status without error: a failure with a status and an empty message",
            {"id": "1", "type": "template_delete_resp", "httpStatus": 503},
            errors=[("response-outcome", "")],
        ),
        case(
            "neither ok, error nor status: a failure without a status and an empty message",
            {"id": "1", "type": "key_delete_resp", "ok": False},
            errors=[("response-outcome", "")],
        ),
        case(
            "the Worker's synthetic frame when the ws-proxy disconnects (never on the wire)",
            {"id": "r1", "type": "key_create_resp", "error": "ws-proxy disconnected", "httpStatus": 503},
        ),
        case(
            "a negative status is still a status",
            {"id": "1", "type": "key_delete_resp", "error": "odd", "httpStatus": -1},
        ),
        case(
            "the helper does not look at the type: a push reads as a failure without a status",
            {"type": "key_delete_sync", "name": "agentbox-apikey-0000", "error": "not a response"},
        ),
        case(
            "an error text that escapes (HTML, U+2028) is the message as decoded",
            {"id": "1", "type": "key_create_resp", "error": "a <b> & c\u2028d", "httpStatus": 409},
        ),
    ]


TOPICS = {
    "frame_types": ("Every frame type: minimal, with every field it uses, and the type alone", "Frame", frame_types),
    "real_traffic": ("Shapes seen in real traffic", "Frame", real_traffic),
    "omitempty": ("omitempty of every field: zero values, absent vs [] vs null, raw null kept", "Frame", omitempty),
    "field_order": ("Encoding follows the struct's field order, whatever the input order", "Frame", field_order),
    "escaping": (
        "String escaping: HTML-safe, U+2028/U+2029, non-ASCII raw, control characters, / never escaped",
        "Frame",
        escaping,
    ),
    "raw_json": ("Raw JSON fields keep their bytes: compacted, HTML-escaped, spellings kept", "Frame", raw_json),
    "numbers": ("Numbers for httpStatus (Go int, 64-bit)", "Frame", numbers),
    "keys": ("Keys: unknown ignored, case-insensitive matching as Go folds, null for scalars", "Frame", keys),
    "bad_input": ("Bad input: syntax, top-level values, types, UTF-8, surrogates, nesting", "Frame", bad_input),
    "duplicate_keys": ("Duplicate keys: Go decodes them order-dependently; Python rejects by policy", "Frame", policy),
    "validation": ("Validation rules at both levels, with their JSON pointers", "Frame", validation),
    "response_outcome": (
        "How a response reports its outcome: ok, error and httpStatus in every combination",
        "Frame",
        response_outcome,
    ),
    "create_key_request": ("CreateKeyRequest", "CreateKeyRequest", create_key),
    "create_key_response": ("CreateKeyResponse (no json tags)", "CreateKeyResponse", create_key_response),
}


def text_or_base64(data: bytes, key: str) -> dict[str, str]:
    try:
        return {key: data.decode("utf-8")}
    except UnicodeDecodeError:
        return {f"{key}_base64": base64.b64encode(data).decode()}


def record(harness: GoHarness, struct: str, cases: list[dict]) -> list[dict]:
    """Go's answers for the cases; struct as the harness names it ("Frame", "types.Sample")."""
    answers = harness.run([c["_bytes"] for c in cases], struct=struct)
    out = []
    for c, go in zip(cases, answers, strict=True):
        entry: dict[str, Any] = {
            "description": c["description"],
            **text_or_base64(c["_bytes"], "input"),
            "go_accepts": go["accepted"],
        }
        if "policy" in c:
            entry["policy"] = c["policy"]
        if "python_known_failure" in c:
            entry["python_known_failure"] = c["python_known_failure"]
        if go["accepted"]:
            entry["value"] = sparse_value(go["value"], struct)
            entry.update(text_or_base64(go["canonical"], "canonical"))
            if top_level(struct_class(struct)):
                entry["errors"], entry["lint"] = c["errors"], c["lint"]
        out.append(entry)
    return out


def dump(description: str, struct: str, tests: list[dict]) -> str:
    """One case per line: reviewable, and diffs stay local (nested values would indent quadratically)."""
    package, _, name = struct.rpartition(".")
    head = {"description": description, **({"package": package} if package else {}), "struct": name}
    head = json.dumps(head, ensure_ascii=False)[:-1]
    lines = ",\n  ".join(json.dumps(t, ensure_ascii=False) for t in tests)
    return f'{head}, "tests": [\n  {lines}\n]}}\n'


def main() -> None:
    from author_types import TYPES_TOPICS  # the types fixture's topics, written to tests/vectors/types

    # Each folder's review flags cases its schema made stale (tests/vectors/stale.jsonl, types/stale.jsonl).
    reviews = {
        HERE: stale.Review(HERE, build_ir(load_schema(SCHEMA, "schema"))),
        HERE / "types": stale.Review(HERE / "types", build_ir(load_schema(TYPES_SCHEMA, "schema"))),
    }
    files = [(HERE / f"{name}.json", topic) for name, topic in TOPICS.items()]
    files += [(HERE / "types" / f"{name}.json", topic) for name, topic in TYPES_TOPICS.items()]
    with tempfile.TemporaryDirectory() as tmp:
        harness = GoHarness(build_harness(Path(tmp)))
        total = 0
        for path, (description, struct, build) in files:
            cases = build()
            tests = record(harness, struct, cases)
            total += len(tests)
            path.parent.mkdir(exist_ok=True)
            reviews[path.parent].check(path, struct.rpartition(".")[2], cases, tests)
            path.write_text(dump(description, struct, tests))
        harness.close()
    print(f"wrote {total} vectors in {len(files)} files")
    for review in reviews.values():
        for line in review.finish():
            print(line)


if __name__ == "__main__":
    main()
