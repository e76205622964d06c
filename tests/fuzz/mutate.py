"""A small deterministic mutational fuzzer for the generated decoder: seeds are the vector inputs.

`python tests/fuzz/mutate.py --count 100000 --seed 1` prints how many inputs it tried, how many
the decoder accepted, and how long it took; it exits 1 on the first input that raises anything
but DecodeError, or whose accepted value does not round-trip. `make fuzz` runs it long.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS.parent / "generated" / "python"), str(TESTS)]

import sync_protocol  # noqa: E402

TOKENS = [
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b'"',
    b"\\",
    b"\\u",
    b"\\ud800",
    b"null",
    b"true",
    b"1e999",
    b"-0",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xe2\x80\xa8",
    b"\xef\xbb\xbf",
    b'"type"',
    b'"items"',
    b'"templateFull"',
    b"[" * 64,
    b'{"type":""}',
    b"NaN",
    b" ",
    b"9" * 30,
]


def seeds() -> list[bytes]:
    out = []
    for path in sorted((TESTS / "vectors").glob("*.json")):
        if path.name == "vectors.schema.json":
            continue
        for case in json.loads(path.read_text())["tests"]:
            data = case["input"].encode() if "input" in case else base64.b64decode(case["input_base64"])
            if len(data) < 4096:
                out.append(data)
    return out


def mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        at = rng.randint(0, len(out))
        if op < 0.3 and out:
            del out[at : at + rng.randint(1, 8)]
        elif op < 0.6:
            out[at:at] = rng.choice(TOKENS)
        elif op < 0.8 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif out:  # splice a slice of the input elsewhere
            a, b = sorted(rng.randrange(len(out)) for _ in range(2))
            out[at:at] = out[a:b]
    return bytes(out)


def check(data: bytes) -> bool:
    """True if accepted. Raises AssertionError on a crash or a broken round trip."""
    try:
        frame = sync_protocol.Frame.from_json(data)
    except sync_protocol.DecodeError:
        return False
    except Exception as exc:
        raise AssertionError(f"{type(exc).__name__}: {exc} on input {data!r}") from exc
    encoded = frame.to_json()
    again = sync_protocol.Frame.from_json(encoded)
    assert again.to_json() == encoded, f"unstable encoding for {data!r}"
    sync_protocol.validate(frame)
    sync_protocol.lint(frame)
    return True


def run(count: int, seed: int) -> tuple[int, int, float]:
    rng = random.Random(seed)
    corpus = seeds()
    started = time.perf_counter()
    accepted = 0
    for _ in range(count):
        accepted += check(mutate(rng, rng.choice(corpus)))
    return count, accepted, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    count, accepted, seconds = run(args.count, args.seed)
    print(f"fuzz: {count} inputs (seed {args.seed}), {accepted} accepted, 0 crashes, {seconds:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
