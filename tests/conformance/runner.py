"""Python conformance runner: checks the generated Python packages against tests/vectors.

`python tests/conformance/runner.py` prints one line, `python: N passed, N failed`; the pytest
module beside it runs the same check per vector. See README "Conformance vectors".

tests/vectors/*.json hold the protocol's vectors (generated/python, sync_protocol); each
subdirectory holds another package's, named by the file's "package" key: tests/vectors/types/*.json
decode into the types fixture (tests/types/generated/python, types_protocol).

Every vector goes through each Python path there is, and each must conform on its own:

- "public": from_json and to_json, as users call them (the msgspec fast path when it applies);
- "exact": the exact decoder (_codec.decode_exact) and encoder (_codec.encode_struct) alone;
- "fast": the msgspec fast path alone (StructSpec.fast: it reads the input or declines), when
  msgspec is installed and FRAMEGEN_NO_FAST_PATH is not set.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parents[1]
# FRAMEGEN_GENERATED_PYTHON points the runner at another generated package (the hostile-schema tests do).
GENERATED = os.environ.get("FRAMEGEN_GENERATED_PYTHON", str(TESTS.parent / "generated" / "python"))
sys.path[:0] = [GENERATED, str(TESTS)]

from support import deep_recursion, findings, package_of, struct_class, top_level, value_of  # noqa: E402
from vectors.vector_values import same_value, sparse_value  # noqa: E402

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
PATHS = ("public", "exact", "fast")


def vector_files() -> list[Path]:
    """The protocol's files (tests/vectors/*.json), then each subdirectory's, sorted."""
    top = sorted(p for p in VECTORS.glob("*.json") if p.name != "vectors.schema.json")
    return top + sorted(VECTORS.glob("*/*.json"))


def load_vectors() -> list[tuple[str, str, dict[str, Any]]]:
    """(id, struct, case) for every case of every vector file, in file order.

    struct is qualified by the file's package: "types.Sample" for a file with "package": "types".
    The id is the file's path under tests/vectors without .json, the index and the description.
    """
    out = []
    for path in vector_files():
        document = json.loads(path.read_text())
        package = document.get("package")
        struct = f"{package}.{document['struct']}" if package else document["struct"]
        stem = path.relative_to(VECTORS).with_suffix("").as_posix()
        for i, case in enumerate(document["tests"]):
            out.append((f"{stem}/{i}: {case['description']}", struct, case))
    return out


def _bytes(case: dict[str, Any], key: str) -> bytes:
    return case[key].encode() if key in case else base64.b64decode(case[f"{key}_base64"])


def fast_path_on(struct: str) -> bool:
    """Whether the msgspec fast path exists for the struct's package (msgspec installed, not disabled)."""
    return package_of(struct).models._msgspec is not None


def decode(struct: str, data: bytes, path: str) -> Any:
    """The decoded value on one path; DecodeError when it rejects; None when the fast path declines."""
    cls = struct_class(struct)
    package = package_of(struct)
    spec = package._codec.spec_of(cls)
    if path == "public":
        return cls.from_json(data)
    if path == "exact":
        return package._codec.decode_exact(data, spec, package.DEFAULT_MAX_SIZE, package.DEFAULT_MAX_DEPTH)
    return spec.fast(data) if package._codec.fast_path_applies(data, package.DEFAULT_MAX_SIZE, 10_000) else None


def encode(value: Any, path: str) -> bytes:
    """to_json (the fast encoder when msgspec is installed) on the public and fast paths; the exact encoder else."""
    if path == "exact":
        package = sys.modules[type(value).__module__.rsplit(".", 1)[0]]
        return package._codec.encode_struct(value, package._codec.spec_of(type(value)))
    return value.to_json()


def known_failures(struct: str, case: dict[str, Any]) -> set[str]:
    """The paths a case marks as failing (python_known_failure): public and fast only with the fast path on."""
    marked = set(case.get("python_known_failure", {}).get("paths", ()))
    return marked if fast_path_on(struct) else marked - {"public", "fast"}


def check(struct: str, case: dict[str, Any], paths: tuple[str, ...] = PATHS) -> list[str]:
    """Every way the Python implementation disagrees with the vector on the given paths (empty: it conforms).

    A path the case marks as a known failure must fail; if it passes, the mark is what is wrong.
    """
    problems = []
    known = known_failures(struct, case)
    for path in paths:
        if path == "fast" and not fast_path_on(struct):
            continue
        found = check_path(struct, case, path)
        if path in known:
            found = [] if found else ["passes, but the case marks it as a known failure: remove the mark"]
        problems += [f"{path}: {p}" for p in found]
    return problems


def check_path(struct: str, case: dict[str, Any], path: str) -> list[str]:
    package = package_of(struct)
    data = _bytes(case, "input")
    rejects_by_policy = case.get("policy", {}).get("python") == "rejects"
    try:
        value = decode(struct, data, path)
    except package.DecodeError as exc:
        if path == "fast":
            return [f"the fast path raised instead of declining: {exc}"]
        if case["go_accepts"] and not rejects_by_policy:
            return [f"rejected what Go accepts: {exc}"]
        return []
    except Exception as exc:  # anything but DecodeError is a crash
        return [f"raised {type(exc).__name__}: {exc}"]
    if value is None and path == "fast":
        return []  # declined: the exact decoder decides
    if rejects_by_policy:
        return ["accepted input the policy says to reject"]
    if not case["go_accepts"]:
        return ["accepted input Go rejects"]
    problems = []
    with deep_recursion():
        got = sparse_value(value_of(value), struct, from_json=False)
        if not same_value(got, case["value"]):
            problems.append(f"value {got!r} != {case['value']!r}")
    encoded = encode(value, path)
    if encoded != _bytes(case, "canonical"):
        problems.append(f"canonical {encoded!r} != {_bytes(case, 'canonical')!r}")
    if top_level(type(value)):
        for level, function in (("errors", package.validate), ("lint", package.lint)):
            got_findings = [list(f) for f in findings(function(value))]
            if got_findings != case[level]:
                problems.append(f"{level} {got_findings} != {case[level]}")
    return problems


def main() -> int:
    failed = known = 0
    vectors = load_vectors()
    for vector_id, struct, case in vectors:
        problems = check(struct, case)
        if problems:
            failed += 1
            print(f"FAIL {vector_id}: " + "; ".join(problems), file=sys.stderr)
        elif known_failures(struct, case):
            known += 1
            print(f"KNOWN {vector_id}: {case['python_known_failure']['reason']}", file=sys.stderr)
    paths = "public, exact" + (", fast" if fast_path_on("Frame") else "; fast path off")
    marked = f", {known} known failure{'s' * (known != 1)} (python_known_failure)" if known else ""
    print(f"python: {len(vectors) - failed - known} passed, {failed} failed{marked} ({paths})")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
