"""The decoder answers a frame or DecodeError for any bytes, within its limits (bounded runs; `make fuzz` runs long)."""

from __future__ import annotations

import contextlib
import math
import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sync_protocol
from fuzz.mutate import check, run
from support import ROOT
from sync_protocol import _codec, _runtime

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
    # the top item has neither tokenHash nor hashPrefix (2), and depth - 1 items hold items of their own
    assert len(sync_protocol.lint(frame)) == depth + 1


HUGE = [b"9" * 4300, b"9" * 4301, b"-" + b"9" * 5000, b"1" + b"0" * 100_000]


@pytest.mark.parametrize("number", HUGE, ids=lambda n: f"{len(n)} characters")
def test_an_integer_past_pythons_digit_limit_is_a_decode_error(number: bytes) -> None:
    """int() raises ValueError past sys.get_int_max_str_digits(); the decoder never asks it to."""
    data = b'{"type":"key_create_resp","httpStatus":' + number + b"}"
    spec = sync_protocol.models._FRAME_SPEC
    for decode in (
        sync_protocol.Frame.from_json,
        lambda d: sync_protocol.Frame.from_json(d.decode()),
        lambda d: _codec.decode_exact(d, spec, _runtime.DEFAULT_MAX_SIZE, _runtime.DEFAULT_MAX_DEPTH),
    ):
        with pytest.raises(sync_protocol.DecodeError, match=r"number .* into Go struct field Frame\.httpStatus"):
            decode(data)


def test_an_integer_past_a_lowered_digit_limit_is_a_decode_error() -> None:
    """An application may lower the limit (to 640 at least): still only DecodeError."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        with pytest.raises(sync_protocol.DecodeError, match=r"\(641 characters\)"):
            sync_protocol.Frame.from_json(b'{"httpStatus":' + b"1" * 641 + b"}")
    finally:
        sys.set_int_max_str_digits(old)


def _deep_dict(depth: int) -> dict:
    value: dict = {}
    for _ in range(depth):
        value = {"x": value}
    return value


def _circular() -> dict:
    value: dict = {}
    value["x"] = value
    return value


@pytest.mark.parametrize(
    "data",
    [
        {"type": "key_sync", "x": math.nan},
        {"type": "key_sync", "x": -math.inf},
        {"type": "key_sync", "x": {1, 2}},
        {"type": "key_sync", "name": b"bytes"},
        {"type": "key_sync", (1, 2): "a tuple key"},
        {"type": "key_sync", "httpStatus": 10**5000},
        {"type": "key_sync", "x": _deep_dict(100_000)},
        _circular(),
    ],
    ids=["nan", "-inf", "set", "bytes", "tuple key", "int past the digit limit", "deep", "circular"],
)
def test_from_dict_raises_decode_error_for_data_with_no_json_text(data: dict) -> None:
    """Anything json.dumps cannot write is DecodeError; nesting past Go's depth limit is refused as from_json
    refuses it (from_dict writes the text iteratively, so Python's recursion limit is not the bound)."""
    with pytest.raises(sync_protocol.DecodeError, match=r"not JSON data|exceeded max depth"):
        sync_protocol.Frame.from_dict(data)


def test_from_dict_decodes_what_json_dumps_writes() -> None:
    frame = sync_protocol.Frame.from_dict({"type": "key_sync", "httpStatus": 404, 1: "an int key is written '1'"})
    assert (frame.type, frame.http_status) == ("key_sync", 404)


@pytest.mark.parametrize("data", [None, 5, [123], {"type": "key_sync"}], ids=repr)
def test_from_json_takes_bytes_or_str_only(data: object) -> None:
    """Anything else is a programming error, not bad input: a TypeError that says so."""
    with pytest.raises(TypeError, match="from_json takes bytes, bytearray, memoryview or str"):
        sync_protocol.Frame.from_json(data)  # type: ignore[arg-type]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc/self/status are Linux's")
def test_an_input_that_expands_past_memory_is_a_decode_error() -> None:
    """3 MB of `{},` is a million frames; with 100 MB of address space left, decoding runs out of memory.

    The decoder answers DecodeError once the partial value is freed, and decodes again after.
    """
    script = textwrap.dedent(
        """
        import resource
        import sync_protocol as sp
        data = b'{"type":"key_snapshot","items":[' + b"{}," * 1_000_000 + b"{}]}"
        status = open("/proc/self/status").read().split("VmSize:")[1]
        used = int(status.split()[0]) * 1024
        resource.setrlimit(resource.RLIMIT_AS, (used + (100 << 20), resource.RLIM_INFINITY))
        try:
            sp.Frame.from_json(data)
        except sp.DecodeError as exc:
            print(exc)
        print(sp.Frame.from_json(b'{"type":"key_sync"}').type)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "generated" / "python")}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == [
        "out of memory decoding an input of 3000036 bytes; a lower max_size would refuse it",
        "key_sync",
    ]
