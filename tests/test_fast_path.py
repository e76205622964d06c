"""The msgspec fast paths are shortcuts, never a second semantics: each is compared with the exact path.

The conformance vectors and the Go differential tests run through the public calls, which take the
fast path whenever it applies; these tests aim at what those inputs rarely reach: bulk inputs (the
in-place canonical check), values the fast encoder must hand back to the exact one, and the
order of findings in nested frames.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sync_protocol
from strategies import frames
from sync_protocol import RawJSON, _codec, _runtime, models

pytestmark = pytest.mark.skipif(models._msgspec is None, reason="msgspec is a test dependency")

ITEM = b'{"type":"","tokenHash":"%s","name":"key-%d","issuedAt":"2026-11-01T10:00:00Z"}'


def _snapshot(n: int = 1_000) -> bytes:
    items = b",".join(ITEM % (b"h" * 40, i) for i in range(n))
    data = b'{"id":"s1","type":"key_snapshot","items":[' + items + b'],"ok":true}'
    assert len(data) >= _runtime.BULK_SIZE, "the bulk path starts at BULK_SIZE"
    return data


BULK = _snapshot()
# Each is a bulk input that is not msgspec's canonical re-encoding, at a different place.
NOT_CANONICAL = {
    "space after [": BULK.replace(b'"items":[', b'"items":[ ', 1),
    "space between items": BULK.replace(b"},{", b"}, {", 1),
    "space at a batch boundary": BULK.replace(
        b'key-255","issuedAt":"2026-11-01T10:00:00Z"},', b'key-255","issuedAt":"2026-11-01T10:00:00Z"} ,'
    ),
    "space before ]": BULK.replace(b"}],", b"} ],", 1),
    "trailing space": BULK + b" ",
    "key after items out of order": BULK.replace(b'"id":"s1",', b"", 1).replace(b'"ok":true}', b'"ok":true,"id":"s1"}'),
    "duplicate key in the last item": BULK.replace(b'"name":"key-999"', b'"name":"key-999","name":"x"', 1),
    "case-folded key in an item": BULK.replace(b'"name":"key-500"', b'"NAME":"key-500"', 1),
    "items given twice": BULK.replace(b'"ok":true}', b'"items":[],"ok":true}'),
    "escaped character in an item": BULK.replace(b"key-7,", b"key-\\u0037,", 1).replace(b'"key-7"', b'"key-\\u0037"'),
    "unknown key at the end": BULK.replace(b'"ok":true}', b'"ok":true,"extra":1}'),
}


def _exact(data: bytes) -> sync_protocol.Frame | str:
    try:
        return _codec.decode_exact(data, models._FRAME_SPEC, _runtime.DEFAULT_MAX_SIZE, _runtime.DEFAULT_MAX_DEPTH)
    except sync_protocol.DecodeError as exc:
        return f"DecodeError: {exc}"


def _public(data: bytes) -> sync_protocol.Frame | str:
    try:
        return sync_protocol.Frame.from_json(data)
    except sync_protocol.DecodeError as exc:
        return f"DecodeError: {exc}"


def test_a_canonical_bulk_input_takes_the_fast_path() -> None:
    assert models._FRAME_SPEC.fast(BULK) is not None
    assert models._FRAME_SPEC.fast(BULK) == _exact(BULK)


@pytest.mark.parametrize("name", sorted(NOT_CANONICAL))
def test_the_in_place_check_agrees_with_a_full_comparison(name: str) -> None:
    data = NOT_CANONICAL[name]
    wire = models._FRAME_WIRE_DECODER.decode(data)  # msgspec reads each of these: only the check can refuse it
    full = models._WIRE_ENCODE(wire) == data
    assert not full, "every case here differs from the canonical form"
    assert _runtime.encodes_to(wire, data, models._WIRE_ENCODE, ("items",)) is False


@pytest.mark.parametrize("name", sorted(NOT_CANONICAL))
def test_bulk_inputs_decode_as_the_exact_decoder_does(name: str) -> None:
    data = NOT_CANONICAL[name]
    assert models._FRAME_SPEC.fast(data) is None
    assert _public(data) == _exact(data)


def test_the_in_place_check_holds_on_random_cuts_of_a_bulk_input() -> None:
    """Every prefix and splice near the list boundaries is judged as a full comparison would."""
    wire = models._FRAME_WIRE_DECODER.decode(BULK)
    cuts = [BULK[:k] + BULK[k + 1 :] for k in (0, 20, 40, 41, 42, len(BULK) // 2, len(BULK) - 12, len(BULK) - 1)]
    for data in [*cuts, BULK[:-1], BULK[1:]]:
        assert _runtime.encodes_to(wire, data, models._WIRE_ENCODE, ("items",)) == (models._WIRE_ENCODE(wire) == data)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(frames())
def test_the_fast_encoder_writes_the_exact_encoders_bytes(frame: sync_protocol.Frame) -> None:
    fast = _runtime.html_safe(models._WIRE_ENCODE(models._frame_to_out(frame)))
    exact = _codec.encode_struct(frame, models._FRAME_SPEC)
    assert fast == exact


@pytest.mark.parametrize(
    "frame",
    [
        sync_protocol.Frame(type="key_sync", name="lone \ud800 surrogate"),
        sync_protocol.Frame(type="template_sync", template_full=RawJSON(b'{ "a" : "<b> & \xe2\x80\xa8" }')),
        sync_protocol.Frame(type="template_sync", template_full=RawJSON(b"")),
        sync_protocol.Frame(type="key_snapshot", items=[sync_protocol.Frame(name="x\u2029<")] * 3),
    ],
    ids=["lone surrogate", "raw with spaces and HTML", "empty raw is omitted", "items"],
)
def test_values_the_fast_encoder_hands_back_or_writes_are_go_exact(frame: sync_protocol.Frame) -> None:
    exact = _codec.encode_struct(frame, models._FRAME_SPEC)
    assert frame.to_json() == exact
    assert b"<" not in exact and b"\xe2\x80\xa8" not in exact and b"\xe2\x80\xa9" not in exact


def test_an_invalid_raw_value_fails_to_encode_as_go_does() -> None:
    frame = sync_protocol.Frame(type="template_sync", template_full=sync_protocol.RawJSON(b"{nope"))
    with pytest.raises(sync_protocol.EncodeError):
        frame.to_json()


def test_nested_findings_keep_document_order_and_pointers() -> None:
    bad = sync_protocol.Frame(type="key_delete_sync")  # name-required only
    nested = sync_protocol.Frame(type="key_snapshot", items=[bad, sync_protocol.Frame(), bad])
    top = sync_protocol.Frame(type="key_snapshot", items=[sync_protocol.Frame(), bad, nested, bad])
    pointers = [e.pointer for e in sync_protocol.validate(top)]
    assert pointers == ["/items/1/name", "/items/2/items/0/name", "/items/2/items/2/name", "/items/3/name"]


def test_findings_are_immutable_and_hashable() -> None:
    [finding] = sync_protocol.validate(sync_protocol.Frame(type="key_delete_sync"))
    assert {finding} == {finding}
    with pytest.raises(AttributeError):
        finding.pointer = "/x"  # type: ignore[misc]
    assert str(finding) == "/name: name-required: " + finding.message


@given(st.integers(min_value=2**63, max_value=2**70) | st.integers(min_value=-(2**70), max_value=-(2**63) - 1))
@settings(max_examples=20, derandomize=True, deadline=None)
def test_an_int_beyond_int64_is_left_to_the_exact_decoder(value: int) -> None:
    data = b'{"type":"key_create_resp","httpStatus":%d}' % value
    assert models._FRAME_SPEC.fast(data) is None
    with pytest.raises(sync_protocol.DecodeError):
        sync_protocol.Frame.from_json(data)
