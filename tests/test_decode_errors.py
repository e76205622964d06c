"""Decode errors speak the wire's terms, close to Go's own: the byte offset, the field as Go names it
(Struct.wire.path) and the type it has, or the character at fault. Pinned: users match on them."""

from __future__ import annotations

import pytest

import sync_protocol
import types_protocol

CASES = [
    (
        b'{"type":"x","httpStatus":"409"}',
        "cannot unmarshal string into Go struct field Frame.httpStatus of type int64 at byte 25",
    ),
    (
        b'{"items":[{"httpStatus":1.5}]}',
        "cannot unmarshal number 1.5 into Go struct field Frame.items.httpStatus of type int64 at byte 24",
    ),
    (b'{"ok":"yes"}', "cannot unmarshal string into Go struct field Frame.ok of type bool at byte 6"),
    (b'{"items":{}}', "cannot unmarshal object into Go struct field Frame.items of type []Frame at byte 9"),
    (b"[1]", "cannot unmarshal array into Go value of type Frame at byte 0"),
    (b'{"name":"a","NAME":"b"}', "key 'NAME' names field Frame.name a second time at byte 12"),
    (b'{"type":x}', "invalid character 'x', expected a value at byte 8"),
    (b'{"type":"a"\xff', "invalid character '\xff', expected ',' or '}' after an object member at byte 11"),
    (b"{'a':1}", "invalid character '\\'', expected a string key at byte 1"),
    (b'{"type":"a"', "unexpected end of JSON input, expected ',' or '}' after an object member at byte 11"),
    (
        b'{"name":"\x01"}',
        "invalid character '\\x01', expected a character in a string (control bytes must be escaped) at byte 9",
    ),
    (b'{"name":"\\q"}', "invalid character 'q', expected an escape sequence at byte 10"),
    (b"[" * 10_001 + b"]" * 10_001, "exceeded max depth 10000 at byte 10000"),
]
TYPES = [
    (b'{"labels":{"a":1}}', "cannot unmarshal number into Go struct field Sample.labels.a of type string at byte 15"),
    (
        b'{"quota":{"windowSeconds":1e2}}',
        "cannot unmarshal number 1e2 into Go struct field Sample.quota.windowSeconds of type int32 at byte 26",
    ),
    (b'{"u32":-0}', "cannot unmarshal number -0 into Go struct field Sample.u32 of type uint32 at byte 7"),
    (
        b'{"u64":18446744073709551616}',
        "cannot unmarshal number 18446744073709551616 into Go struct field Sample.u64 of type uint64 at byte 7",
    ),
    (b'{"ratio":1e400}', "cannot unmarshal number 1e400 into Go struct field Sample.ratio of type float64 at byte 9"),
    (b'{"scopes":[1]}', "cannot unmarshal number into Go struct field Sample.scopes of type string at byte 11"),
]


@pytest.mark.parametrize(("data", "message"), CASES, ids=[m.split(" at byte")[0][:60] for _, m in CASES])
def test_protocol_decode_messages(data: bytes, message: str) -> None:
    with pytest.raises(sync_protocol.DecodeError) as info:
        sync_protocol.Frame.from_json(data)
    assert str(info.value) == message
    assert info.value.offset == int(message.rsplit(" ", 1)[1])


@pytest.mark.parametrize(("data", "message"), TYPES, ids=[m.split(" at byte")[0][:60] for _, m in TYPES])
def test_types_decode_messages(data: bytes, message: str) -> None:
    with pytest.raises(types_protocol.DecodeError) as info:
        types_protocol.Sample.from_json(data)
    assert str(info.value) == message
