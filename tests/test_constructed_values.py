"""Frames built in code: values that do not fit their field are refused by to_json, the same way on the
fast path (msgspec) and the exact one, named by the field's wire name; validate reports them.

Bytes Go's json.Unmarshal rejects must never be written: a receiver would drop the connection.
"""

from __future__ import annotations

import json
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


FLOAT_PLACES = [  # every place a float sits in the types fixture, and its pointer
    ({"ratio": "BAD"}, "/ratio"),
    ({"maybe_ratio": "BAD"}, "/maybeRatio"),
    ({"weights": [1.5, "BAD"]}, "/weights/1"),
    ({"weights_by_name": {"a": "BAD"}}, "/weightsByName/a"),
    ({"quota": "QUOTA"}, "/quota/burst"),
]


def _with(fields: dict, value: float) -> dict:
    def put(x: object) -> object:
        if x == "BAD":
            return value
        if x == "QUOTA":
            return types_protocol.Quota(burst=value)
        if isinstance(x, list):
            return [put(e) for e in x]
        if isinstance(x, dict):
            return {k: put(e) for k, e in x.items()}
        return x

    return {k: put(v) for k, v in fields.items()}


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
@pytest.mark.parametrize(("fields", "pointer"), FLOAT_PLACES, ids=[p for _, p in FLOAT_PLACES])
def test_validate_reports_a_float_go_cannot_write(fields: dict, pointer: str, value: float) -> None:
    """to_json refuses NaN and the infinities, as Go's Marshal does; validate says so where they are
    instead of passing a value that cannot be sent."""
    sample = types_protocol.Sample(**_with(fields, value))
    with pytest.raises(ValueError, match="unsupported value"):
        sample.to_json()
    found = [(f.rule, f.pointer) for f in types_protocol.validate(sample)]
    assert ("python-type", pointer) in found
    assert types_protocol.lint(sample) == []


@pytest.mark.parametrize(
    "top",
    [
        Frame(type="key_snapshot", items=[{"type": "key_sync"}]),
        Frame(type="key_snapshot", items=[Frame(type="key_sync"), Frame(items=[{"id": 1}])]),
        Frame(type="key_snapshot", items=[Frame(items=[Frame(items=["x"])])]),
    ],
    ids=["dict item", "dict in a nested item", "str two levels down"],
)
def test_lists_of_the_wrong_things_are_reported_not_crashed_on(top: Frame) -> None:
    """validate names the value; lint leaves it to validate; neither reads an attribute of a dict."""
    found = sync_protocol.validate(top)
    assert [f.rule for f in found if f.level == "error" and f.rule == "python-type"], found
    lint = sync_protocol.lint(top)
    assert all(f.rule != "python-type" for f in lint)


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


TYPES_ANYTHING = st.one_of(
    ANYTHING,
    st.lists(st.one_of(st.floats(), st.none(), st.text(max_size=2)), max_size=2),
    st.dictionaries(st.one_of(st.text(max_size=2), st.integers()), st.one_of(st.floats(), st.none()), max_size=2),
    st.builds(types_protocol.Quota, burst=st.floats()),
    st.builds(types_protocol.Quota, requests=st.integers(-(2**70), 2**70)),
    st.sampled_from(list(types_protocol.Role)),
)
SAMPLE_ATTRS = [a for a, _ in types_protocol.wire_fields(types_protocol.Sample)]


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.sampled_from([a for a, _ in sync_protocol.wire_fields(Frame)]), ANYTHING)
def test_validate_reports_python_type_exactly_when_the_encoder_refuses(attr: str, value: object) -> None:
    """A value to_json cannot write is a python-type finding, and a python-type finding is a value it
    cannot write: validate is the one place to ask whether a constructed frame can be sent."""
    frame = Frame(**{"type": "key_sync", attr: value})
    refused = isinstance(_outcome(Frame.to_json, frame), str)
    reported = any(f.rule == "python-type" for f in sync_protocol.validate(frame))
    assert refused == reported


@settings(max_examples=1500, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SAMPLE_ATTRS), TYPES_ANYTHING), min_size=1, max_size=3))
def test_validate_and_the_encoder_agree_on_every_type_of_field(assignments: list[tuple[str, object]]) -> None:
    """The same promise over the types fixture: floats, widths, nullable, lists, maps, nested structs."""
    sample = types_protocol.Sample(**dict(assignments))
    refused = isinstance(_outcome(types_protocol.Sample.to_json, sample), str)
    reported = any(f.rule == "python-type" for f in types_protocol.validate(sample))
    assert refused == reported, (refused, types_protocol.validate(sample))


@settings(max_examples=1000, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SAMPLE_ATTRS), TYPES_ANYTHING), min_size=1, max_size=3))
def test_to_dict_refuses_what_to_json_refuses(assignments: list[tuple[str, object]]) -> None:
    """to_dict is the canonical encoding as Python values: it refuses the same values, in the same words
    when there is one problem, instead of passing them on (a str's letters as a list, an int as an enum)."""
    sample = types_protocol.Sample(**dict(assignments))
    by_json, by_dict = _outcome(types_protocol.Sample.to_json, sample), _outcome(types_protocol.Sample.to_dict, sample)
    assert isinstance(by_json, str) == isinstance(by_dict, str), (by_json, by_dict)
    if len(dict(assignments)) == 1 and isinstance(by_json, str):
        assert by_json == by_dict


def test_a_frame_that_holds_itself_is_refused_not_looped_on() -> None:
    """Go's Marshal reports a cycle; without a check the iterative encoder would loop and the walk eat memory."""
    direct = Frame(type="key_snapshot")
    direct.items.append(direct)
    deeper = Frame(type="key_snapshot", items=[Frame(type="key_sync")])
    deeper.items[0].items.append(deeper)
    for frame, pointer in ((direct, "/items/0"), (deeper, "/items/0/items/0")):
        for encode in (frame.to_json, frame.to_dict):
            with pytest.raises(ValueError, match="encountered a cycle via Frame"):
                encode()
        assert ("python-type", pointer) in [(f.rule, f.pointer) for f in sync_protocol.validate(frame)]
        sync_protocol.lint(frame)  # terminates
    shared = Frame(type="key_sync", token_hash="t", hash_prefix="h")  # twice, not a cycle: written twice
    twice = Frame(type="key_snapshot", items=[shared, shared])
    assert twice.to_json().count(b'"tokenHash":"t"') == 2 and sync_protocol.validate(twice) == []


def test_a_subclass_of_the_frame_is_one_on_every_path() -> None:
    """validate takes a subclass; so do both encoders and to_dict (a nested one is refused everywhere)."""

    class MyFrame(Frame):
        pass

    for fields in ({"token_hash": "t"}, {"name": "a\ud800"}):  # the second one takes the exact encoder
        frame = MyFrame(type="key_sync", **fields)
        assert frame.to_json() == _exact(frame) == Frame(type="key_sync", **fields).to_json()
        assert frame.to_dict() == Frame(type="key_sync", **fields).to_dict()
        assert not [f for f in sync_protocol.validate(frame) if f.rule == "python-type"]


def test_a_lone_surrogate_reads_the_same_from_a_mapping_and_from_json() -> None:
    raw = b'{"type":"key_sync","name":"\\ud800x","tokenHash":"t"}'
    assert Frame.from_dict(json.loads(raw)) == Frame.from_json(raw)
    assert Frame.from_json(raw).name == "\ufffdx"
