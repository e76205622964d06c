"""max_depth holds on every path, whatever the process's recursion limit.

The fast path once left nesting to msgspec's recursion guard, which follows sys.getrecursionlimit():
under a raised limit it accepted frames nested past max_depth (Go rejects them), and a chain of
~15,000 item frames crashed the interpreter. The runs under a raised limit are subprocesses, so
this process keeps its own. `nests_within` (the guard) is compared with a reference reading.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import ROOT
from sync_protocol import _codec, _runtime

RAISED = 200_000


def _run(args: list[str], env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})}
    )
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.mark.parametrize("limit", [None, 3_000, RAISED])
def test_depth_cases_on_both_paths(limit: int | None) -> None:
    out = _run([str(ROOT / "tests" / "depth_check.py")] + ([str(limit)] if limit else []))
    assert " 0 failed" in out.splitlines()[-1], out


@pytest.mark.parametrize("path", ["fast", "exact"])
def test_conformance_vectors_under_a_raised_recursion_limit(path: str) -> None:
    runner = ROOT / "tests" / "conformance" / "runner.py"
    code = f"import runpy, sys; sys.setrecursionlimit({RAISED}); runpy.run_path({str(runner)!r}, run_name='__main__')"
    out = _run(["-c", code], {"FRAMEGEN_NO_FAST_PATH": "1"} if path == "exact" else {})
    assert " 0 failed" in out.splitlines()[-1], out


def prefix_depth(data: bytes) -> int:
    """The deepest nesting any prefix of a JSON text reaches, read byte by byte (strings and escapes)."""
    depth = deepest = 0
    in_string = escaped = False
    for c in data:
        if in_string:
            if escaped:
                escaped = False
            elif c == 0x5C:
                escaped = True
            elif c == 0x22:
                in_string = False
        elif c == 0x22:
            in_string = True
        elif c in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in b"]}":
            depth -= 1
    return deepest


_TEXT = st.text(alphabet='[]{}"\\/ab\n\x00\u2028é', max_size=6)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=40,
)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(_VALUES, st.integers(min_value=0, max_value=8), st.booleans())
def test_the_guard_reads_depth_as_a_json_parser_does(value: object, max_depth: int, ascii_only: bool) -> None:
    data = json.dumps(value, ensure_ascii=ascii_only).encode()
    assert _codec.nests_within(data, max_depth) is (prefix_depth(data) <= max_depth)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(_VALUES, st.integers(min_value=0, max_value=8), st.data())
def test_the_guard_bounds_every_prefix(value: object, max_depth: int, data: st.DataObject) -> None:
    """msgspec stops at the first byte that is not JSON: what it read is a prefix of a valid text.
    A short input passes unscanned (a valid one nests at most half its length); a scanned one is exact."""
    text = json.dumps(value).encode()
    prefix = text[: data.draw(st.integers(min_value=0, max_value=len(text)))]
    if _codec.nests_within(prefix, max_depth):
        assert prefix_depth(prefix) <= (2 * max_depth if len(prefix) <= 2 * max_depth else max_depth)


def test_deep_but_narrow_and_shallow_but_wide_inputs() -> None:
    """The running sum is taken in chunks of brackets, skipping those that cannot reach the limit."""
    deep = b"[" * 40 + b"]" * 40
    assert _codec.nests_within(deep, 40) and not _codec.nests_within(deep, 39)
    late = b"[" + b'[],"]",' * 20_000 + b"[" * 5_000 + b"]" * 5_001  # shallow chunks, then a deep one
    assert _codec.nests_within(late, 5_001) and not _codec.nests_within(late, 5_000)
    wide = b"[" + b",".join([b'{"a":[1,"]]]",{"b":"\\"["}]}'] * 5_000) + b"]"
    assert _codec.nests_within(wide, 4) and not _codec.nests_within(wide, 3)
    assert _codec.nests_within(b"[" * 30_000, 30_000) is False  # never past FAST_PATH_MAX_DEPTH


def test_frames_at_the_limit_still_take_the_fast_path() -> None:
    at_limit = b'{"type":"template_sync","templateFull":' + b"[" * 9_999 + b"]" * 9_999 + b"}"
    assert _codec.nests_within(at_limit, _runtime.DEFAULT_MAX_DEPTH)
    assert not _codec.nests_within(at_limit, _runtime.DEFAULT_MAX_DEPTH - 1)
