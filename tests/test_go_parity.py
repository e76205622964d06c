"""Python and Go agree on every example and edge case: acceptance, decoded value, bytes, findings.

The Go side is the generated package run through encoding/json (tests/go/harness). Where Go
accepts input whose value depends on decoding order (a field given twice), the Python decoder
rejects it with DecodeError by policy; those inputs are listed in POLICY_REJECTS.
"""

from __future__ import annotations

import pytest

import sync_protocol
from support import EXAMPLES, deep_recursion, example_files, python_answer

EDGE_CASES: dict[str, bytes] = {
    "html escapes in strings": b'{"type":"key_sync","name":"<a href=\\"x\\">&</a>","tokenHash":"a>b"}',
    "html escapes in raw": b'{"type":"template_sync","templateFull":{"html":"<b>&amp;</b>"}}',
    "line separators": '{"type":"key_sync","description":"a\u2028b\u2029c"}'.encode(),
    "line separators escaped": b'{"type":"key_sync","description":"a\\u2028b"}',
    "line separators in raw": '{"type":"template_sync","templateFull":{"d":"a\u2028b"}}'.encode(),
    "non-ascii raw": '{"type":"key_sync","user":"Zoë 東京 🚀"}'.encode(),
    "control characters": b'{"type":"key_sync","description":"\\u0000\\u0001\\b\\f\\n\\r\\t\\u001f\\u007f"}',
    "slash never escaped": b'{"type":"key_sync","quotaURL":"https:\\/\\/q\\/x"}',
    "raw whitespace compacted": b'{"type":"template_sync","templateFull": {\n  "a" : [ 1 , 2 ] ,\t"b" : { } \r\n}}',
    "raw spellings kept": b'{"type":"template_sync","templateFull":{"n":1.50,"e":1E+2,"s":"\\u00e9","z":-0}}',
    "raw duplicate keys kept": b'{"type":"template_sync","templateFull":{"a":1,"a":2,"b":{"a":3}}}',
    "raw null kept": b'{"type":"cluster_config_sync","configSnapshot":null}',
    "raw empty object": b'{"type":"cluster_config_sync","configSnapshot":{}}',
    "raw string": b'{"type":"template_sync","templateFull":""}',
    "raw array": b'{"type":"template_sync","templateFull":[]}',
    "items null": b'{"type":"key_snapshot","items":null}',
    "items empty": b'{"type":"key_snapshot","items":[]}',
    "items null element": b'{"type":"key_snapshot","items":[null,{"type":""}]}',
    "nested items": b'{"type":"key_snapshot","items":[{"type":"","items":[{"type":"key_sync"}]}]}',
    "omitempty zero values": b'{"id":"","type":"key_sync","ok":false,"httpStatus":0,"name":""}',
    "null scalars": b'{"id":null,"type":null,"ok":null,"httpStatus":null,"name":null}',
    "field order": b'{"configSnapshot":{},"httpStatus":500,"error":"e","ok":true,"type":"key_sync","id":"1"}',
    "unknown keys ignored": b'{"type":"key_sync","extra":{"deep":[1,2,{"x":null}]},"more":"x"}',
    "case-insensitive keys": b'{"TYPE":"key_sync","Name":"n","HTTPSTATUS":1,"tokenhash":"t","KeyID":"k"}',
    "kelvin sign folds to k": '{"type":"key_sync","\u212aeyId":"x"}'.encode(),
    "long s folds to s": '{"type":"key_sync","httpſtatus":7}'.encode(),
    "dotted I does not fold to I": '{"type":"key_sync","\u0130d":"x"}'.encode(),
    "escaped key": b'{"\\u0074ype":"key_sync","n\\u0061me":"x"}',
    "status -0": b'{"type":"key_sync","httpStatus":-0}',
    "status int64 max": b'{"type":"key_sync","httpStatus":9223372036854775807}',
    "status int64 min": b'{"type":"key_sync","httpStatus":-9223372036854775808}',
    "status past int64 max": b'{"type":"key_sync","httpStatus":9223372036854775808}',
    "status past int64 min": b'{"type":"key_sync","httpStatus":-9223372036854775809}',
    "status 1.0": b'{"type":"key_sync","httpStatus":1.0}',
    "status 1e2": b'{"type":"key_sync","httpStatus":1e2}',
    "status string": b'{"type":"key_sync","httpStatus":"500"}',
    "ok string": b'{"type":"key_sync","ok":"true"}',
    "name number": b'{"type":"key_sync","name":1}',
    "items object": b'{"type":"key_snapshot","items":{}}',
    "items of strings": b'{"type":"key_snapshot","items":["x"]}',
    "top-level null": b"null",
    "top-level array": b"[]",
    "top-level string": b'"key_sync"',
    "empty input": b"",
    "whitespace only": b" \n",
    "trailing data": b'{"type":"key_sync"} {}',
    "trailing whitespace": b'{"type":"key_sync"} \n\t',
    "bom": b'\xef\xbb\xbf{"type":"key_sync"}',
    "nan": b'{"type":"key_sync","x":NaN}',
    "infinity": b'{"type":"key_sync","httpStatus":Infinity}',
    "invalid utf-8 in string": b'{"type":"key_sync","name":"a\xff\xfeb\xe2\x80"}',
    "invalid utf-8 in raw": b'{"type":"template_sync","templateFull":{"a":"\xff"}}',
    "surrogate bytes in string": b'{"type":"key_sync","name":"\xed\xa0\x80"}',
    "lone high surrogate": b'{"type":"key_sync","name":"a\\ud800b"}',
    "lone low surrogate": b'{"type":"key_sync","name":"\\udc00"}',
    "surrogate pair": b'{"type":"key_sync","name":"\\ud83d\\ude00"}',
    "high then escape": b'{"type":"key_sync","name":"\\ud800\\u0041"}',
    "raw lone surrogate kept": b'{"type":"template_sync","templateFull":{"a":"\\ud800"}}',
    "deep nesting at the limit": b'{"x":' + b"[" * 9999 + b"]" * 9999 + b',"type":"key_sync"}',
    "deep nesting past the limit": b'{"x":' + b"[" * 10000 + b"]" * 10000 + b',"type":"key_sync"}',
    "deep items": b'{"type":"key_snapshot"' + b',"items":[{"type":""' * 2000 + b"}]" * 2000 + b"}",
    "unterminated": b'{"type":"key_sync"',
    "control byte in string": b'{"type":"key_sync","name":"a\x01"}',
    "bad escape": b'{"type":"key_sync","name":"\\x"}',
    "leading zero": b'{"type":"key_sync","httpStatus":01}',
}

POLICY_REJECTS: dict[str, bytes] = {
    "duplicate key": b'{"type":"key_sync","name":"a","name":"b"}',
    "duplicate key then null": b'{"type":"key_sync","name":"a","name":null}',
    "duplicate key by case": b'{"type":"key_sync","name":"a","NAME":"b"}',
    "duplicate items merge in Go": b'{"type":"key_snapshot","items":[{"name":"a","role":"r"}],"items":[{"name":"b"}]}',
    "duplicate raw": b'{"type":"template_sync","templateFull":{"a":1},"templateFull":{"b":2}}',
}


def _compare(data: bytes, go: dict) -> None:
    py = python_answer(data)
    assert py["accepted"] == go["accepted"], (py.get("error"), go.get("error"))
    if go["accepted"]:
        assert py["canonical"] == go["canonical"]
        with deep_recursion():
            assert py["value"] == go["value"]
        assert py["errors"] == go["errors"]
        assert py["lint"] == go["lint"]
        assert py["response_error"] == go["response_error"]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_example_matches_go(path, go_harness) -> None:
    data = path.read_bytes()
    [go] = go_harness.run([data])
    assert go["accepted"], go["error"]
    _compare(data, go)


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_case_matches_go(name, go_harness) -> None:
    data = EDGE_CASES[name]
    [go] = go_harness.run([data])
    _compare(data, go)


@pytest.mark.parametrize("name", sorted(POLICY_REJECTS))
def test_policy_rejects_what_go_decodes_by_order(name, go_harness) -> None:
    data = POLICY_REJECTS[name]
    [go] = go_harness.run([data])
    assert go["accepted"], "the vector is only interesting where Go accepts"
    with pytest.raises(sync_protocol.DecodeError, match="a second time"):
        sync_protocol.Frame.from_json(data)


@pytest.mark.parametrize(
    ("struct", "data"),
    [
        ("CreateKeyRequest", b'{"namespace":"ns","user":"u","team":"t","role":"r","description":"d"}'),
        ("CreateKeyRequest", b'{"namespace":"","user":"","team":"","role":"","description":"","rawToken":"<x>"}'),
        ("CreateKeyRequest", b"{}"),
        ("CreateKeyRequest", b'{"QUOTAURL":"q","Namespace":null}'),
        ("CreateKeyResponse", b'{"RawToken":"t","KeyID":"k","TokenHash":"h","HashPrefix":"p","IssuedAt":"i"}'),
        ("CreateKeyResponse", b'{"rawToken":"t","keyid":"k"}'),
        ("CreateKeyResponse", b"{}"),
    ],
)
def test_other_structs_match_go(struct: str, data: bytes, go_harness) -> None:
    cls = getattr(sync_protocol, struct)
    [go] = go_harness.run([data], struct=struct)
    py = python_answer(data, cls)
    assert py["accepted"] == go["accepted"]
    if go["accepted"]:
        assert (py["canonical"], py["value"]) == (go["canonical"], go["value"])
