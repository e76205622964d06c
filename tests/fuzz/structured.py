"""Structure-aware differential fuzzer: grammar inputs (grammar.py) through every decoder there is.

Each input goes to the Python exact decoder, the msgspec fast path, the public from_json (as
bytes, bytearray and str) and Go's encoding/json (tests/go/harness: one process, inputs sent in
batches). They must agree on acceptance, decoded value, canonical bytes and validation findings;
Python may raise nothing but DecodeError. The one allowed disagreement is the documented policy:
Python rejects a field given twice ("a second time"), or a float Go's ParseFloat misreads
("misreads"), where Go accepts. Inputs Python's json module reads also go through from_dict, which
must not raise anything but DecodeError either.

The protocol's structs (Frame, CreateKeyRequest, CreateKeyResponse) and the types fixture's
(types.Sample, types.Quota, types.Config: every field type) are fuzzed alike; --structs picks them.

`python tests/fuzz/structured.py --count 100000 --seed 1` (the long run in `make fuzz`, both
struct sets) prints the counts and exits 1 on any disagreement or crash; tests/fuzz/test_structured.py
runs bounded ones in `make test`. The first inputs (up to a fifth) are every prefix of real frames
(for the types fixture: of the canonical encodings its conformance vectors record).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS.parent / "generated" / "python"), str(TESTS)]

import support  # noqa: E402
from fuzz.grammar import Grammar  # noqa: E402
from support import (  # noqa: E402
    EXAMPLES,
    PACKAGES,
    GoHarness,
    build_harness,
    deep_recursion,
    findings,
    package_of,
    struct_class,
    top_level,
    value_of,
)
from sync_protocol import _runtime  # noqa: E402
from vectors.vector_values import same_value as same_form  # noqa: E402
from vectors.vector_values import typed_value  # noqa: E402

STRUCTS = ["Frame"] * 8 + ["CreateKeyRequest", "CreateKeyResponse"]
TYPES_STRUCTS = ["types.Sample"] * 8 + ["types.Quota", "types.Config"]
STRUCT_SETS = {"protocol": STRUCTS, "types": TYPES_STRUCTS, "all": STRUCTS + TYPES_STRUCTS}
BATCH = 500
POLICY = ("a second time", "misreads")  # what the policy's DecodeErrors say (README: Conformance vectors)
KNOWN: dict[str, str] = {}  # Python bugs found and pinned (python_known_failure in the vectors), counted apart
# while open: an error text fragment -> the bug. None is open (the uint64 one is fixed: python_mirror._uint64_guard).
DECODE_ERRORS = tuple(package.DecodeError for package in PACKAGES.values())
LIMITS = (_runtime.DEFAULT_MAX_SIZE, _runtime.DEFAULT_MAX_DEPTH)


@dataclass
class Stats:
    inputs: int = 0
    go_accepted: int = 0
    python_accepted: int = 0
    fast_path: int = 0
    policy: int = 0
    known: int = 0
    disagreements: int = 0
    crashes: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, bytes, str]] = field(default_factory=list)

    def line(self, seed: int) -> str:
        return (
            f"structured fuzz: {self.inputs} inputs (seed {seed}), {self.go_accepted} accepted by Go, "
            f"{self.python_accepted} accepted by Python ({self.fast_path} by the fast path), {self.policy} "
            f"rejected by policy (a field twice, a float Go misreads), {self.disagreements} disagreements, "
            f"{self.crashes} non-DecodeError exceptions, {self.seconds:.1f}s"
            + (f"; {self.known} inputs met a known bug" if self.known else "")
        )


class Crash(Exception):
    """Python raised something other than DecodeError."""


def attempt(what: str, call: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
    """(True, result) or (False, the DecodeError message); any other exception becomes a Crash."""
    try:
        return True, call(*args)
    except DECODE_ERRORS as exc:
        return False, str(exc)
    except Exception as exc:
        raise Crash(f"{what} raised {type(exc).__name__}: {str(exc)[:200]}") from exc


def same_value(a: Any, b: Any) -> bool:
    with deep_recursion():
        return value_of(a) == value_of(b)


def python_side(struct: str, data: bytes, stats: Stats) -> tuple[bool, Any, list[str]]:
    """The exact decoder's answer, after checking every other Python path against it."""
    cls = struct_class(struct)
    codec = package_of(struct)._codec
    spec = codec.spec_of(cls)
    ok, exact = attempt("the exact decoder", codec.decode_exact, data, spec, *LIMITS)
    problems = []

    def agrees(what: str, other: tuple[bool, Any]) -> None:
        if other[0] != ok or (ok and not same_value(other[1], exact)):
            problems.append(f"{what} differs from the exact decoder: {other[0]} vs {ok}")

    fast = spec.fast(data) if spec.fast is not None else None  # a reading, or None to defer
    if fast is not None:
        stats.fast_path += 1
        agrees("the fast path", (True, fast))
    agrees("from_json(bytes)", attempt("from_json(bytes)", cls.from_json, data))
    agrees("from_json(bytearray)", attempt("from_json(bytearray)", cls.from_json, bytearray(data)))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # as str, invalid UTF-8 can only be lone surrogates: always rejected
        accepted, _ = attempt("from_json(str)", cls.from_json, data.decode("utf-8", "surrogateescape"))
        if accepted:
            problems.append("from_json(str) accepted a lone surrogate")
    else:
        agrees("from_json(str)", attempt("from_json(str)", cls.from_json, text))
        try:
            with deep_recursion():
                obj = json.loads(text)  # Python's json reads NaN, keeps the last duplicate, ...
        except Exception:
            pass
        else:
            attempt("from_dict", cls.from_dict, obj)  # must answer, or raise DecodeError
    return ok, exact, problems


def compare(struct: str, data: bytes, go: dict[str, Any], stats: Stats) -> list[str]:
    """Every way Python disagrees with Go (and its paths with each other) on one input."""
    ok, value, problems = python_side(struct, data, stats)
    known = not ok and any(bug in value for bug in KNOWN)
    if problems and known and all("differs from the exact decoder" in problem for problem in problems):
        stats.known += 1  # the fast path accepted what the exact decoder rejects, as the known bug does
        problems = []
    stats.go_accepted += go["accepted"]
    stats.python_accepted += ok
    if ok != go["accepted"]:
        if not ok and any(reason in value for reason in POLICY):
            stats.policy += 1
        else:
            why = value if not ok else go["error"]  # the side that rejects says why
            problems.append(f"acceptance: Python {ok}, Go {go['accepted']}: {why}")
        return problems
    if not ok:
        return problems
    codec = package_of(struct)._codec
    canonical = attempt("to_json", value.to_json)[1]
    exact_encoding = attempt("the exact encoder", codec.encode_struct, value, codec.spec_of(type(value)))[1]
    if canonical != go["canonical"] or exact_encoding != go["canonical"]:
        problems.append(
            f"canonical: Python {canonical[:200]!r} (exact {exact_encoding[:200]!r}), Go {go['canonical'][:200]!r}"
        )
    with deep_recursion():  # floats compared by value: Go spells 7.15e16 as 71503375973842980
        if not same_form(typed_value(value_of(value), struct, False), typed_value(go["value"], struct)):
            problems.append("decoded value differs from Go's")
    if top_level(type(value)):
        package = package_of(struct)
        errors = findings(attempt("validate", package.validate, value)[1])
        lint = findings(attempt("lint", package.lint, value)[1])
        if (errors, lint) != (go["errors"], go["lint"]):
            problems.append(f"findings: Python {errors} {lint}, Go {go['errors']} {go['lint']}")
    if struct == "Frame":  # the failure model's verdict: the Go harness answers it for the protocol's frames
        verdict = attempt("response_error", support.response_verdict, value)[1]
        if verdict != go["response_error"]:
            problems.append(f"response_error: Python {verdict}, Go {go['response_error']}")
    return problems


def real_frames() -> list[bytes]:
    """The valid examples, richest (snapshots) first: compacted by Python's json, then as written.

    (Compacted without the decoder under test, so that a broken decoder cannot break the corpus.)
    """
    files = sorted((EXAMPLES / "valid").glob("*.json"), key=lambda p: ("snapshot" not in p.name, p.name))
    written = [p.read_bytes() for p in files]
    compact = [json.dumps(json.loads(d), ensure_ascii=False, separators=(",", ":")).encode() for d in written]
    return compact + written


def real_samples(limit: int | None = 20) -> list[bytes]:
    """The types fixture has no examples: the canonical encodings Go wrote for its conformance vectors
    (tests/vectors/types), longest first, stand in for real traffic."""
    encoded = []
    for path in sorted((TESTS / "vectors" / "types").glob("*.json")):
        document = json.loads(path.read_text())
        if document["struct"] == "Sample":
            encoded += [c["canonical"].encode() for c in document["tests"] if "canonical" in c]
    return sorted(set(encoded), key=lambda d: (-len(d), d))[:limit]


def full_of_numbers(cls: type, depth: int = 1) -> Any:
    """A value of a generated struct with every number member set (integers 1, floats 1.5, which msgspec
    spells as Go does), in nested structs too: its canonical bytes have every integer for past_width."""
    codec = package_of_class(cls)._codec
    values: dict[str, Any] = {}
    for attr, (code, arg, _), _ in codec.spec_of(cls).fields.values():
        number = {codec.INT: 1, codec.FLOAT: 1.5}
        if code in number:
            values[attr] = number[code]
        elif code in (codec.LIST, codec.MAP) and arg[0] in number:
            values[attr] = [number[arg[0]]] if code == codec.LIST else {"a": number[arg[0]]}
        elif depth > 0 and code == codec.STRUCT:
            values[attr] = full_of_numbers(arg.cls, depth - 1)
        elif depth > 0 and code == codec.LIST and arg[0] == codec.STRUCT and arg[1].cls is not cls:
            values[attr] = [full_of_numbers(arg[1].cls, depth - 1)]
    return cls(**values)


def fast_seeds(struct: str) -> list[bytes]:
    """Canonical encodings the fast path reads, for past_width to push one integer past its width: the
    inputs only the fast path's own bounds can refuse. A value with every number set is half of them; real
    frames (or the types vectors' canonical bytes) the rest."""
    cls = struct_class(struct)
    spec = package_of(struct)._codec.spec_of(cls)
    if spec.fast is None:
        return []
    numbers = full_of_numbers(cls).to_json()
    seeds = {"Frame": real_frames, "types.Sample": lambda: real_samples(limit=None)}.get(struct, list)()
    seeds = [d for d in seeds if spec.fast(d) is not None]
    return [numbers] * max(len(seeds), 1) + seeds if spec.fast(numbers) is not None else seeds


def inputs(count: int, rng: random.Random, structs: list[str] = STRUCTS) -> Iterator[tuple[str, bytes]]:
    """Every prefix of real frames (up to a fifth of count), then grammar documents for the structs.

    Of the documents Python accepts, about a third are sent in their canonical form instead (with the
    hostile spellings decoded away), which is what the msgspec fast path reads.
    """
    seeds = [("Frame", frame) for frame in real_frames()] if "Frame" in structs else []
    seeds += [("types.Sample", sample) for sample in real_samples()] if "types.Sample" in structs else []
    if len({struct for struct, _ in seeds}) > 1:
        rng.shuffle(seeds)
    prefixes = ((struct, data[:k]) for struct, data in seeds for k in range(len(data) + 1))
    n = 0
    for struct, data in prefixes:
        if n >= count // 5:
            break
        n += 1
        yield struct, data
    grammar = Grammar(rng)
    fast = {struct: fast_seeds(struct) for struct in dict.fromkeys(structs)}
    for _ in range(count - n):
        struct = rng.choice(structs)
        cls = struct_class(struct)
        if fast[struct] and rng.random() < 0.05:
            yield struct, grammar.past_width(rng.choice(fast[struct]), package_of(struct)._codec.spec_of(cls))
            continue
        data = grammar.document(cls)
        if rng.random() < 0.3:
            codec = package_of(struct)._codec
            with contextlib.suppress(Exception):  # rejected (or a crash the run itself will meet): as drawn
                data = codec.decode_exact(data, codec.spec_of(cls), *LIMITS).to_json()
                if rng.random() < 0.25:  # canonical but for one integer past its width: the fast path's bounds
                    data = grammar.past_width(data, codec.spec_of(cls))
        yield struct, data


def run(count: int, seed: int, harness: GoHarness, keep: int = 20, structs: list[str] = STRUCTS) -> Stats:
    """Send count inputs through Python and Go, BATCH at a time; keep the first failures."""
    stats = Stats()
    started = time.perf_counter()
    batch: list[tuple[str, bytes]] = []

    def flush() -> None:
        answers: dict[int, dict[str, Any]] = {}
        for struct in dict.fromkeys(s for s, _ in batch):
            at = [i for i, (s, _) in enumerate(batch) if s == struct]
            answers.update(zip(at, harness.run([batch[i][1] for i in at], struct=struct), strict=True))
        for i, (struct, data) in enumerate(batch):
            stats.inputs += 1
            try:
                problems = compare(struct, data, answers[i], stats)
            except Crash as exc:
                stats.crashes += 1
                problems = [str(exc)]
            else:
                stats.disagreements += bool(problems)
            if problems and len(stats.failures) < keep:
                stats.failures.append((struct, data, "; ".join(problems)))
        batch.clear()

    for item in inputs(count, random.Random(seed), structs):
        batch.append(item)
        if len(batch) == BATCH:
            flush()
    flush()
    stats.seconds = time.perf_counter() - started
    return stats


def package_of_class(cls: type) -> Any:
    return sys.modules[cls.__module__.rsplit(".", 1)[0]]


def describe(failure: tuple[str, bytes, str]) -> str:
    struct, data, problem = failure
    shown = data if len(data) <= 300 else data[:150] + b"..." + data[-150:]
    return f"{struct} ({len(data)} bytes) {shown!r}: {problem}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save", type=Path, help="write each failing input to this folder")
    parser.add_argument(
        "--structs", choices=sorted(STRUCT_SETS), default="all", help="the protocol's, the types fixture's, or both"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        harness = GoHarness(build_harness(Path(tmp)))
        try:
            stats = run(args.count, args.seed, harness, structs=STRUCT_SETS[args.structs])
        finally:
            harness.close()
    for n, failure in enumerate(stats.failures):
        print(describe(failure), file=sys.stderr)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{n}.{failure[0]}.json").write_bytes(failure[1])
    print(stats.line(args.seed))
    return 1 if stats.disagreements or stats.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
