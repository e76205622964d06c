"""Decoder limits, measured: large inputs within the limits, rejection over them, linear time.

`python bench/limits.py` prints one line per measurement (seconds, peak traced memory). It is a
measurement, not a test: nothing here is asserted.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "generated" / "python"))

import sync_protocol


def _decode(data: bytes, limits: dict[str, int]) -> str:
    try:
        frame = sync_protocol.Frame.from_json(data, **limits)
    except sync_protocol.DecodeError as exc:
        return f"DecodeError: {str(exc)[:60]}"
    return f"decoded ({len(frame.items)} items), {len(sync_protocol.validate(frame))} errors"


def measure(label: str, data: bytes, **limits: int) -> None:
    """Time without tracing (tracemalloc slows allocation several-fold), then trace a second run for the peak."""
    started = time.perf_counter()
    outcome = _decode(data, limits)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    _decode(data, limits)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<44} {len(data) / 2**20:8.2f} MiB  {seconds * 1000:9.1f} ms  peak {peak / 2**20:7.1f} MiB  {outcome}"
    )


def snapshot(n: int) -> bytes:
    item = b'{"type":"","tokenHash":"9f86d081884c7d659a2feaa0c55ad015","hashPrefix":"9f86","name":"apikey-%d"}'
    return b'{"type":"key_snapshot","items":[' + b",".join(item % i for i in range(n)) + b"]}"


def template(size: int) -> bytes:
    chunk = b'{"name":"container","image":"python:3.12","env":[{"name":"LANG","value":"C.UTF-8"}]},'
    body = chunk * (size // len(chunk))
    return b'{"type":"template_sync","templateFull":{"spec":{"containers":[' + body[:-1] + b"]}}}"


def main() -> None:
    measure("key_snapshot, 100,000 items", snapshot(100_000))
    measure("template_sync, 32 MiB templateFull", template(32 * 2**20))
    limit = sync_protocol.DEFAULT_MAX_SIZE
    measure("1 byte over the 64 MiB default size limit", b" " * (limit + 1))
    for n in (10_000, 100_000):
        measure(f"linear? key_snapshot, {n:,} items", snapshot(n))
    for size in (2**20, 10 * 2**20):
        measure(f"linear? one string of {size // 2**20} MiB", b'{"type":"key_sync","name":"' + b"a" * size + b'"}')
        measure(
            f"linear? one string of {size // 2**20} MiB of escapes",
            b'{"type":"key_sync","name":"' + b"\\n" * (size // 2) + b'"}',
        )


if __name__ == "__main__":
    main()
