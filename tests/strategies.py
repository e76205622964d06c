"""Hypothesis strategies for frames: every field, realistic and hostile strings, raw JSON with odd spellings."""

from __future__ import annotations

import json

from hypothesis import strategies as st

import sync_protocol
from sync_protocol import _runtime

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
raw_json = st.one_of(
    st.none(),
    st.builds(
        lambda d, ws: sync_protocol.RawJSON(_dump(d, ws)),
        st.dictionaries(text, json_values, max_size=4),
        st.sampled_from(["", " ", "\n  ", "\t"]),
    ),
    st.sampled_from(["null", "[]", "1", '"s"', "{}"]).map(sync_protocol.RawJSON),
)


def _field_strategy(kind: int, extra: object, depth: int) -> st.SearchStrategy:
    """A strategy for one field, chosen by the field's kind in the generated decoder's table (from the schema)."""
    if kind == _runtime.STR:
        return short_text
    if kind == _runtime.ENUM:
        return st.sampled_from([*extra, "", "not_a_value"])
    if kind == _runtime.BOOL:
        return st.booleans()
    if kind == _runtime.INT:
        return st.one_of(st.just(0), st.integers(100, 599), st.integers(-(2**63), 2**63 - 1))
    if kind == _runtime.RAW:
        return raw_json
    return st.just([]) if depth == 0 else st.lists(structs(extra.cls, depth - 1), max_size=3)  # LIST of structs


def structs(cls: type, max_depth: int = 2) -> st.SearchStrategy:
    """Values of a generated struct with every field drawn, nested lists down to max_depth."""
    spec = _runtime._SPECS[cls]
    fields = {attr: _field_strategy(kind, extra, max_depth) for attr, kind, extra in spec.fields.values()}
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
