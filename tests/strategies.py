"""Hypothesis strategies for frames: every field, realistic and hostile strings, raw JSON with odd spellings."""

from __future__ import annotations

import json
import sys
from functools import cache

from hypothesis import strategies as st

import sync_protocol
from sync_protocol import _codec

SPECIAL = '<>&\u2028\u2029\x00\x01\x08\x0c\x1f\x7f"\\/é東🚀\ufffd'
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)) | st.sampled_from(SPECIAL), max_size=12)
short_text = st.one_of(st.just(""), text, st.sampled_from(["2026-11-01T10:00:00Z", "req-1", "sk-live", "x"]))
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    text,
    st.sampled_from(["1.50", "1E+2", "-0", "0.0e-0"]).map(lambda s: _Spelling(s)),
)


class _Spelling(str):
    """A number spelled as written, to reach raw JSON unchanged."""


def _dump(value: object, ws: str) -> str:
    if isinstance(value, _Spelling):
        return str(value)
    if isinstance(value, dict):
        return (
            "{"
            + ws
            + ("," + ws).join(f"{json.dumps(k, ensure_ascii=False)}{ws}:{ws}{_dump(v, ws)}" for k, v in value.items())
            + ws
            + "}"
        )
    if isinstance(value, list):
        return "[" + ws + ("," + ws).join(_dump(v, ws) for v in value) + ws + "]"
    return json.dumps(value, ensure_ascii=False)


json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(text, children, max_size=3),
    max_leaves=8,
)


@cache
def raw_values(raw_json_class: type) -> st.SearchStrategy:
    """None or a RawJSON (of the given package's class) holding an object with odd spellings, or a scalar."""
    return st.one_of(
        st.none(),
        st.builds(
            lambda d, ws: raw_json_class(_dump(d, ws)),
            st.dictionaries(text, json_values, max_size=4),
            st.sampled_from(["", " ", "\n  ", "\t"]),
        ),
        st.sampled_from(["null", "[]", "1", '"s"', "{}"]).map(raw_json_class),
    )


raw_json = raw_values(sync_protocol.RawJSON)


floats = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1e21, 1e20, 1e-6, 1e-7, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 100.0]),
)


def _package(cls: type):
    """The generated package a struct class belongs to (sync_protocol, types_protocol, ...)."""
    return sys.modules[cls.__module__.rsplit(".", 1)[0]]


def value_strategy(t: tuple, depth: int, package=sync_protocol) -> st.SearchStrategy:
    """A strategy for a value of a codec type (generated decoder's table, so from the schema): every kind.

    The type codes are the same in every generated package; a raw value is made with the package's RawJSON.
    """
    code, arg, nilable = t
    if code == _codec.STR:
        base = short_text
    elif code == _codec.ENUM:
        base = st.sampled_from([*arg, "", "not_a_value"])
    elif code == _codec.BOOL:
        base = st.booleans()
    elif code == _codec.INT:
        low, high = arg
        base = st.one_of(st.just(0), st.integers(max(low, 100), min(high, 599)), st.integers(low, high))
    elif code == _codec.FLOAT:
        base = floats
    elif code == _codec.RAW:
        return raw_values(package.RawJSON)
    elif code == _codec.STRUCT:
        base = structs(arg.cls, depth - 1) if depth > 0 else st.builds(arg.cls)
    elif depth <= 0 and arg[0] == _codec.STRUCT:
        base = st.just([]) if code == _codec.LIST else st.just({})
    elif code == _codec.LIST:
        item = value_strategy(arg, depth - 1, package)
        base = st.lists(item.filter(lambda x: x is not None) if arg[0] == _codec.RAW else item, max_size=3)
    else:  # MAP
        base = st.dictionaries(short_text, value_strategy(arg, depth - 1, package), max_size=3)
    return st.one_of(st.none(), base) if nilable and code != _codec.RAW else base


def structs(cls: type, max_depth: int = 2) -> st.SearchStrategy:
    """Values of a generated struct (of any generated package) with every field drawn, nested values down
    to max_depth."""
    package = _package(cls)
    spec = package._codec.spec_of(cls)
    fields = {attr: value_strategy(t, max_depth, package) for attr, t, _ in spec.fields.values()}
    return st.builds(cls, **fields)


def frames(max_depth: int = 2) -> st.SearchStrategy[sync_protocol.Frame]:
    return structs(sync_protocol.Frame, max_depth)


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """Byte-level mutations of an encoding: delete, insert or replace a few bytes."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["delete", "insert", "replace"]))
        at = draw(st.integers(0, len(out)))
        byte = draw(st.sampled_from(b'{}[],:"\\ 0a-.eE\x00\xff\xc3'))
        if op == "delete" and at < len(out):
            del out[at]
        elif op == "insert":
            out.insert(at, byte)
        elif at < len(out):
            out[at] = byte
    return bytes(out)
