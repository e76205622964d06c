"""Frames built in code: values that do not fit their field are refused by to_json, the same way on the
fast path (msgspec) and the exact one, named by the field's wire name; validate reports them.

Bytes Go's json.Unmarshal rejects must never be written: a receiver would drop the connection.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sync_protocol
import types_protocol
from sync_protocol import _codec, models

Frame = sync_protocol.Frame
WRONG = [
    ({"http_status": "500"}, "httpStatus", TypeError),
    ({"http_status": True}, "httpStatus", TypeError),
    ({"http_status": 1.5}, "httpStatus", TypeError),
    ({"http_status": 2**70}, "httpStatus", ValueError),  # EncodeError: past int64, as Go's int
    ({"ok": "yes"}, "ok", TypeError),
    ({"ok": 1}, "ok", TypeError),
    ({"name": 5}, "name", TypeError),
    ({"name": None}, "name", TypeError),
    ({"name": b"bytes"}, "name", TypeError),
    ({"type": 7}, "type", TypeError),
    ({"template_full": {"a": 1}}, "templateFull", TypeError),
    ({"template_full": "{}"}, "templateFull", TypeError),
    ({"template_full": sync_protocol.RawJSON(b"{nope")}, "templateFull", ValueError),
    ({"items": [{"type": "x"}]}, "items/0", TypeError),
    ({"items": (Frame(),)}, "items", TypeError),  # a list, as the field's type says
    ({"items": [Frame(name=3)]}, "items/0/name", TypeError),
]


def _exact(frame: Frame) -> bytes:
    return _codec.encode_struct(frame, models._FRAME_SPEC)


@pytest.mark.parametrize(("fields", "wire", "error"), WRONG, ids=[f"{w}={f}" for f, w, _ in WRONG])
def test_a_value_of_the_wrong_type_is_refused_naming_its_field(fields: dict, wire: str, error: type) -> None:
    frame = Frame(**{"type": "key_sync", **fields})
    with pytest.raises(error) as fast:
        frame.to_json()
    with pytest.raises(error) as exact:
        _exact(frame)
    assert str(fast.value) == str(exact.value)
    assert str(fast.value).startswith(wire), str(fast.value)


@pytest.mark.parametrize(("fields", "wire", "error"), WRONG, ids=[f"{w}={f}" for f, w, _ in WRONG])
def test_validate_reports_the_wrong_type_at_its_pointer(fields: dict, wire: str, error: type) -> None:
    frame = Frame(**{"type": "key_sync", **fields})
    found = sync_protocol.validate(frame)
    assert ("python-type", "/" + wire) in [(f.rule, f.pointer) for f in found]
    if not wire.startswith("items/"):  # a frame's rules do not run on values they cannot read
        assert all(f.rule == "python-type" for f in found)
        assert sync_protocol.lint(frame) == []


def test_a_nested_frame_of_the_wrong_type_is_reported_where_it_is() -> None:
    top = Frame(type="key_snapshot", items=[Frame(), Frame(http_status="x"), Frame(type="key_delete_sync")])
    found = [(f.rule, f.pointer) for f in sync_protocol.validate(top)]
    assert ("python-type", "/items/1/httpStatus") in found
    assert ("name-required", "/items/2/name") in found  # the other items are still checked


def test_a_nan_is_refused_as_go_refuses_it() -> None:
    for value in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError, match="unsupported value"):
            types_protocol.Sample(ratio=value).to_json()
        with pytest.raises(ValueError, match="unsupported value"):
            types_protocol._codec.encode_struct(types_protocol.Sample(ratio=value), types_protocol.models._SAMPLE_SPEC)


ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.text(max_size=4),
    st.sampled_from(["\ud800", "a\udfff", sync_protocol.FrameType.KEY_SYNC]),
    st.binary(max_size=3),
    st.builds(sync_protocol.RawJSON, st.sampled_from([b"{}", b"[1]", b"null", b"{nope", b"", b' { "a" : 1 } '])),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)


def _outcome(encode, frame: Frame) -> bytes | str:
    try:
        return encode(frame)
    except (TypeError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.sampled_from([a for a, _ in sync_protocol.wire_fields(Frame)]), ANYTHING)
def test_fast_and_exact_encoders_agree_on_any_value(attr: str, value: object) -> None:
    """Same bytes or the same exception, whatever a user puts in a field."""
    frame = Frame(**{"type": "key_sync", attr: value})
    assert _outcome(Frame.to_json, frame) == _outcome(_exact, frame)
