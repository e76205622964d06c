"""The decoder answers a frame or DecodeError for any bytes, within its limits (bounded runs; `make fuzz` runs long)."""

from __future__ import annotations

import contextlib
import os

from hypothesis import given, settings
from hypothesis import strategies as st

import sync_protocol
from fuzz.mutate import check, run

EXAMPLES = int(os.environ.get("FRAMEGEN_EXAMPLES", "500"))


def test_mutated_vectors_only_raise_decode_error() -> None:
    count, accepted, _ = run(count=4 * EXAMPLES, seed=20261125)
    assert count == 4 * EXAMPLES and 0 < accepted < count  # both paths were exercised


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_only_raise_decode_error(data: bytes) -> None:
    check(data)


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None)
@given(st.text(max_size=100))
def test_arbitrary_text_only_raises_decode_error(text: str) -> None:
    with contextlib.suppress(sync_protocol.DecodeError):
        sync_protocol.Frame.from_json(text)


def test_one_byte_over_the_size_limit_is_rejected_before_parsing() -> None:
    limit = 1024
    garbage = b"[" * (limit + 1)  # would be a depth or syntax error if it were parsed
    try:
        sync_protocol.Frame.from_json(garbage, max_size=limit)
    except sync_protocol.DecodeError as exc:
        assert "exceeds the limit of 1024 bytes" in str(exc)
    else:
        raise AssertionError("accepted input over the size limit")
    sync_protocol.Frame.from_json(b'{"type":"key_sync"}'.ljust(limit), max_size=limit)


def test_nesting_limit_is_enforced_without_recursion() -> None:
    deep = b'{"x":' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    try:
        sync_protocol.Frame.from_json(deep)
    except sync_protocol.DecodeError as exc:
        assert "exceeded max depth 10000" in str(exc)
    frame = sync_protocol.Frame.from_json(deep, max_depth=60_000)
    assert frame.type == ""


def test_deep_frames_encode_and_validate_without_recursion() -> None:
    depth = 4_000
    data = b'{"type":"key_snapshot"' + b',"items":[{"type":""' * depth + b"}]" * depth + b"}"
    frame = sync_protocol.Frame.from_json(data)
    assert frame.to_json() == data
    assert len(sync_protocol.lint(frame)) == depth
