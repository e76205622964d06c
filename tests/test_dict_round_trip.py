"""to_dict / from_dict are a lossless pair: every value Go accepts survives the round trip, spellings included.

to_dict keeps raw values as the RawJSON the decoder made (nothing parsed), so the spellings Go keeps
as written (-0, 1.50, 1E+2, \\u00e9, \\/, a key given twice inside raw JSON) survive, and from_dict
writes them back unchanged. Checked on every accepted conformance vector and on generated values.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sync_protocol
from conformance.runner import load_vectors
from strategies import structs
from support import deep_recursion, struct_class

ACCEPTED = [  # what Python decodes too: the duplicate-key policy rejects what Go accepts (the vector says so)
    (vid, struct, case)
    for vid, struct, case in load_vectors()
    if case["go_accepts"] and case.get("policy", {}).get("python") != "rejects"
]


def _input(case: dict) -> bytes:
    import base64

    return case["input"].encode() if "input" in case else base64.b64decode(case["input_base64"])


@pytest.mark.parametrize(("vid", "struct", "case"), ACCEPTED, ids=[v for v, _, _ in ACCEPTED])
def test_every_accepted_vector_round_trips_through_a_dict(vid: str, struct: str, case: dict) -> None:
    cls = struct_class(struct)
    value = cls.from_json(_input(case))
    with deep_recursion():
        again = cls.from_dict(value.to_dict())
        assert again == value
    assert again.to_json() == value.to_json()


def test_raw_spellings_survive() -> None:
    raw = b'{"n":[1.50,1E+2,-0,1e400],"s":"\\u00e9\\/","a":1,"a":2}'
    frame = sync_protocol.Frame.from_json(b'{"type":"template_sync","templateFull":' + raw + b"}")
    data = frame.to_dict()
    assert data == {"type": "template_sync", "templateFull": sync_protocol.RawJSON(raw)}
    assert sync_protocol.Frame.from_dict(data).template_full.data == raw


def test_to_dict_is_the_canonical_encoding_as_values() -> None:
    frame = sync_protocol.Frame.from_json(b'{"httpStatus":0,"ok":false,"items":[],"type":"key_snapshot","id":"x"}')
    assert frame.to_dict() == {"id": "x", "type": "key_snapshot"}
    assert list(sync_protocol.Frame(type="x", name="n", id="i").to_dict()) == ["id", "type", "name"]  # wire order


@settings(max_examples=300, derandomize=True, deadline=None)
@given(structs(sync_protocol.Frame, 2))
def test_generated_frames_round_trip(frame: sync_protocol.Frame) -> None:
    decoded = sync_protocol.Frame.from_json(frame.to_json())
    assert sync_protocol.Frame.from_dict(decoded.to_dict()) == decoded


@pytest.mark.parametrize(
    "value",
    [math.nan, math.inf, {1, 2}, b"bytes", object(), 10**5000],
    ids=["nan", "inf", "set", "bytes", "object", "huge int"],
)
def test_from_dict_refuses_what_has_no_json_text_with_decode_error(value: object) -> None:
    with pytest.raises(sync_protocol.DecodeError):
        sync_protocol.Frame.from_dict({"type": "key_sync", "name": value})


def test_from_dict_refuses_a_container_holding_itself() -> None:
    data: dict = {"type": "key_sync"}
    data["x"] = [data]
    with pytest.raises(sync_protocol.DecodeError, match="holds itself"):
        sync_protocol.Frame.from_dict(data)


@given(st.dictionaries(st.sampled_from(["type", "name", "TYPE", "x"]), st.text(max_size=3), max_size=3))
@settings(max_examples=100, derandomize=True, deadline=None)
def test_from_dict_reads_a_dict_as_from_json_reads_its_json(data: dict) -> None:
    import json

    def outcome(decode):
        try:
            return decode().to_json()
        except sync_protocol.DecodeError:
            return "DecodeError"

    expected = outcome(lambda: sync_protocol.Frame.from_json(json.dumps(data)))
    assert outcome(lambda: sync_protocol.Frame.from_dict(data)) == expected
