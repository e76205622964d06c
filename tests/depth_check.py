"""Depth cases around max_depth, through the fast path and the exact decoder, in a process of its own.

`python tests/depth_check.py RECURSION_LIMIT` sets the recursion limit first (as a caller may), then
prints one line per case whose answer is not "accepted exactly when the nesting is within max_depth"
and a last line `depth: N passed, N failed`. tests/test_depth_limit.py runs it in a subprocess, so
the raised limit never reaches the test process.

Every input is in Go's canonical form (what the fast path takes), nesting through a raw field
(arrays, objects) or through frames in `items`; a bulk variant (>= 64 KiB, padded with a long
description) goes through the bulk path. Unterminated prefixes, as long as the fast path takes
without a scan and longer, must be a DecodeError (msgspec reads them as deep as they go).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

sys.setrecursionlimit(int(sys.argv[1]) if len(sys.argv) > 1 else sys.getrecursionlimit())
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "generated" / "python"))

import sync_protocol  # noqa: E402
from sync_protocol import _codec, _runtime, models  # noqa: E402

PAD = b"x" * _runtime.BULK_SIZE  # a description long enough to make any input a bulk one


def _head(frame_type: str, pad: bytes) -> bytes:
    """The members before the nesting one, canonical: an empty description is omitted."""
    return b'{"type":"%s",' % frame_type.encode() + (b'"description":"' + pad + b'",' if pad else b"")


def raw_arrays(depth: int, pad: bytes) -> bytes:
    """A frame (1) whose templateFull nests depth - 1 arrays."""
    n = depth - 1
    return _head("template_sync", pad) + b'"templateFull":' + b"[" * n + b"]" * n + b"}"


def raw_objects(depth: int, pad: bytes) -> bytes:
    """A frame (1) whose templateFull nests depth - 1 objects."""
    n = depth - 1
    return _head("template_sync", pad) + b'"templateFull":' + b'{"a":' * (n - 1) + b"{}" + b"}" * (n - 1) + b"}"


def item_chain(depth: int, pad: bytes) -> bytes:
    """Frames nested in items, each adding two levels (the item and its list): depth = 2k + 1 (+1 for odd)."""
    k = (depth - 1) // 2
    leaf = b'{"type":"","templateFull":[]}' if (depth - 1) % 2 else b'{"type":""}'
    return (
        _head("key_snapshot", pad) + b'"items":[' + b'{"type":"","items":[' * (k - 1) + leaf + b"]}" * (k - 1) + b"]}"
    )


SHAPES = {"raw arrays": raw_arrays, "raw objects": raw_objects, "items": item_chain}


def cases() -> Iterator[tuple[str, bytes, int, int]]:
    """(label, input, its depth, max_depth): one below, at and past each limit, and far past it."""
    for max_depth in (1_000, 10_000):
        for depth in (max_depth - 1, max_depth, max_depth + 1, max_depth + 2, 2 * max_depth - 1, 3 * max_depth - 1):
            for shape, build in SHAPES.items():
                for size, pad in (("unpadded", b""), ("padded to bulk size", PAD)):
                    yield f"{shape}, {size}, depth {depth}, max_depth {max_depth}", build(depth, pad), depth, max_depth


def unterminated() -> Iterator[tuple[str, bytes]]:
    """Prefixes that never close, as long as the fast path takes unscanned (SHALLOW_SIZE bytes) and past it:
    msgspec reads them as deep as they go before it fails, so they must not crash it."""
    for size in (_codec.SHALLOW_SIZE, 3 * _codec.SHALLOW_SIZE):
        for label, head, unit in (
            ("raw arrays", b'{"type":"template_sync","templateFull":', b"["),
            ("raw objects", b'{"type":"template_sync","templateFull":', b'{"a":'),
            ("items", b'{"type":"key_snapshot","items":[', b'{"type":"","items":['),
        ):
            yield f"unterminated {label}, {size} bytes", (head + unit * size)[:size]


def outcome(decode, data: bytes, max_depth: int) -> str:
    try:
        decode(data, max_depth)
    except sync_protocol.DecodeError as exc:
        return "rejected" if "exceeded max depth" in str(exc) else f"rejected otherwise: {exc}"
    return "accepted"


def main() -> int:
    paths = {"exact": lambda d, m: _codec.decode_exact(d, models._FRAME_SPEC, _runtime.DEFAULT_MAX_SIZE, m)}
    if models._msgspec is not None:
        paths["from_json (fast path)"] = lambda d, m: sync_protocol.Frame.from_json(d, max_depth=m)
    passed = failed = 0
    for label, data, depth, max_depth in cases():
        want = "accepted" if depth <= max_depth else "rejected"
        for path, decode in paths.items():
            got = outcome(decode, data, max_depth)
            if got == want:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {path}: {label} ({len(data)} bytes): {got}, want {want}")
    for label, data in unterminated():
        for path, decode in paths.items():
            got = outcome(decode, data, _runtime.DEFAULT_MAX_DEPTH)
            if got.startswith("rejected"):
                passed += 1
            else:
                failed += 1
                print(f"FAIL {path}: {label}: {got}, want a DecodeError")
    print(f"depth: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
