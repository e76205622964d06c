"""Python conformance runner: checks generated/python against tests/vectors/*.json.

`python tests/conformance/runner.py` prints one line, `python: N passed, N failed`; the pytest
module beside it runs the same check per vector. See README "Conformance vectors".
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

import sync_protocol  # noqa: E402
from support import deep_recursion, findings, value_of  # noqa: E402
from vectors.vector_values import sparse_value  # noqa: E402

VECTORS = Path(__file__).resolve().parents[1] / "vectors"


def load_vectors() -> list[tuple[str, str, dict[str, Any]]]:
    """(id, struct, case) for every case of every vector file, in file order."""
    out = []
    for path in sorted(VECTORS.glob("*.json")):
        if path.name == "vectors.schema.json":
            continue
        document = json.loads(path.read_text())
        for i, case in enumerate(document["tests"]):
            out.append((f"{path.stem}/{i}: {case['description']}", document["struct"], case))
    return out


def _bytes(case: dict[str, Any], key: str) -> bytes:
    return case[key].encode() if key in case else base64.b64decode(case[f"{key}_base64"])


def check(struct: str, case: dict[str, Any]) -> list[str]:
    """Every way the Python implementation disagrees with the vector (empty: it conforms)."""
    cls = getattr(sync_protocol, struct)
    data = _bytes(case, "input")
    rejects_by_policy = case.get("policy", {}).get("python") == "rejects"
    try:
        value = cls.from_json(data)
    except sync_protocol.DecodeError as exc:
        if case["go_accepts"] and not rejects_by_policy:
            return [f"rejected what Go accepts: {exc}"]
        return []
    except Exception as exc:  # anything but DecodeError is a crash
        return [f"raised {type(exc).__name__}: {exc}"]
    if rejects_by_policy:
        return ["accepted input the policy says to reject"]
    if not case["go_accepts"]:
        return ["accepted input Go rejects"]
    problems = []
    with deep_recursion():
        if sparse_value(value_of(value), struct) != case["value"]:
            problems.append(f"value {sparse_value(value_of(value), struct)!r} != {case['value']!r}")
    if value.to_json() != _bytes(case, "canonical"):
        problems.append(f"canonical {value.to_json()!r} != {_bytes(case, 'canonical')!r}")
    if struct == "Frame":
        for level, function in (("errors", sync_protocol.validate), ("lint", sync_protocol.lint)):
            got = [list(f) for f in findings(function(value))]
            if got != case[level]:
                problems.append(f"{level} {got} != {case[level]}")
    return problems


def main() -> int:
    failed = 0
    vectors = load_vectors()
    for vector_id, struct, case in vectors:
        problems = check(struct, case)
        if problems:
            failed += 1
            print(f"FAIL {vector_id}: " + "; ".join(problems), file=sys.stderr)
    print(f"python: {len(vectors) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
