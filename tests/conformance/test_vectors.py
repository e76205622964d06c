"""The Python runner over every conformance vector, plus checks of the vector files themselves.

Each vector runs on every Python path (runner.PATHS): the public calls, the exact decoder and encoder
alone, and the msgspec fast path alone; the same vectors run again in a process without the fast path.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conformance.runner import VECTORS, _bytes, check, decode, encode, fast_path_on, load_vectors, vector_files
from support import deep_recursion, package_of, value_of
from vectors.vector_values import same_value, sparse_value

ALL = load_vectors()
TYPES = [v for v in ALL if v[1].startswith("types.")]


@pytest.mark.parametrize(("struct", "case"), [(s, c) for _, s, c in ALL], ids=[i for i, _, _ in ALL])
def test_vector(struct: str, case: dict) -> None:
    assert check(struct, case) == []


def test_vector_files_follow_their_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads((VECTORS / "vectors.schema.json").read_text()))
    for path in vector_files():
        errors = [e.message for e in validator.iter_errors(json.loads(path.read_text()))]
        assert errors == [], path.name


def test_a_subdirectory_is_a_package_of_its_own() -> None:
    for path in vector_files():
        package = json.loads(path.read_text()).get("package")
        assert package == (None if path.parent == VECTORS else path.parent.name), path


def test_at_least_515_vectors_and_every_accepted_top_level_value_has_findings() -> None:
    assert len(ALL) >= 515 and len(TYPES) >= 150, (len(ALL), len(TYPES))
    for vector_id, struct, case in ALL:
        if struct in ("Frame", "types.Sample") and case["go_accepts"]:
            assert "errors" in case and "lint" in case, vector_id


def test_every_topic_the_issue_names_has_types_vectors() -> None:
    topics = {vector_id.split("/")[1] for vector_id, _, _ in TYPES}
    assert {"floats", "integers", "nullable", "lists", "maps", "nested", "enums", "raw", "constraints"} <= topics
    inputs = " ".join(c.get("input", "") for _, _, c in TYPES)
    for spelling in ("1e21", "1e20", "1e-6", "1e-7", "5e-324", "1.7976931348623157e308", "1e309", "-0", "1e400"):
        assert f'"score":{spelling}' in inputs, spelling
    assert '"score":0.30000000000000004' in inputs  # 0.1+0.2


def test_known_failures_are_few_and_named() -> None:
    """A known failure pins a Python bug not fixed yet (README: Conformance vectors); each says why."""
    marked = [(i, c["python_known_failure"]) for i, _, c in ALL if "python_known_failure" in c]
    assert len(marked) <= 2, marked
    for vector_id, mark in marked:
        assert mark["reason"] and set(mark["paths"]) <= {"public", "exact", "fast"}, vector_id


def test_every_policy_vector_is_one_where_go_is_lenient() -> None:
    for vector_id, _, case in ALL:
        if case.get("policy", {}).get("python") == "rejects":
            assert case["go_accepts"], vector_id


def test_descriptions_are_unique_per_file() -> None:
    seen: set[tuple[str, str]] = set()
    for vector_id, _, case in ALL:
        key = (vector_id.rsplit("/", 1)[0], case["description"])
        assert key not in seen, vector_id
        seen.add(key)


def test_vectors_pass_on_the_exact_decoder_alone() -> None:
    """The same vectors with the msgspec fast path disabled: both decoders must conform."""
    runner = Path(__file__).parent / "runner.py"
    env = {**os.environ, "FRAMEGEN_NO_FAST_PATH": "1"}
    result = subprocess.run([sys.executable, str(runner)], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith(f"python: {len(ALL)} passed, 0 failed (public, exact; fast path off)")


def _reading(struct: str, data: bytes, path: str):
    try:
        return decode(struct, data, path)
    except package_of(struct).DecodeError as exc:
        return f"DecodeError: {exc}"


@pytest.mark.skipif(not fast_path_on("types.Sample"), reason="msgspec is a test dependency")
def test_the_fast_path_reads_every_vector_it_takes_as_the_exact_decoder_does() -> None:
    """Where the fast path takes a vector's input, or its canonical bytes (the form the fast path is for),
    its value and encoding equal the exact path's; the canonical bytes decode and encode back unchanged."""
    taken = {"": 0, "types": 0}
    for vector_id, struct, case in ALL:
        inputs = [_bytes(case, "input")]
        if case["go_accepts"]:
            inputs.append(_bytes(case, "canonical"))
        for data in inputs:
            exact = _reading(struct, data, "exact")
            fast = _reading(struct, data, "fast")
            if "fast" in case.get("python_known_failure", {}).get("paths", ()):
                assert fast is not None and isinstance(exact, str), vector_id  # the bug it pins, until fixed
                continue
            if data is inputs[-1] and case["go_accepts"] and not isinstance(exact, str):
                assert encode(exact, "exact") == data, vector_id  # canonical bytes are stable
            if fast is None:
                continue
            with deep_recursion():
                assert fast == exact, vector_id
            assert encode(fast, "public") == encode(exact, "exact"), vector_id
            taken[struct.rpartition(".")[0]] += 1
    # The fast path declines a Sample whose floats msgspec spells unlike Go (score 0 is "0.0" to msgspec, the
    # always-written score makes that most of them): the exact decoder reads those, so only ~1 in 6 is taken.
    print(f"fast path took {taken}")  # shown with -s: the README quotes the counts
    assert taken[""] > 300 and taken["types"] > 50, taken


def test_the_fast_path_is_taken_for_canonical_frames_only() -> None:
    import sync_protocol
    from sync_protocol import models

    assert models._msgspec is not None, "msgspec is a test dependency: the fast path must be exercised"
    canonical = b'{"type":"key_sync","tokenHash":"h"}'
    assert models._FRAME_SPEC.fast(canonical) == sync_protocol.Frame(type="key_sync", token_hash="h")
    for other in (
        b'{"tokenHash":"h","type":"key_sync"}',
        b'{"type":"key_sync","TOKENHASH":"h"}',
        b'{"type":"key_sync","tokenHash":"h","tokenHash":"h"}',
        b' {"type":"key_sync"}',
    ):
        try:
            taken = models._FRAME_SPEC.fast(other)
        except Exception:
            taken = None  # msgspec refusing is as good: the exact decoder decides
        assert taken is None, other


# ---- the checks themselves can fail ----------------------------------------------------------------


def _vector(description: str) -> tuple[str, dict]:
    [(struct, case)] = [(s, c) for _, s, c in TYPES if c["description"] == description]
    return struct, copy.deepcopy(case)


@pytest.mark.parametrize(
    ("description", "change", "expected"),
    [
        ("maybeCount 0 is a pointer to 0: written", lambda c: c["value"].pop("maybeCount"), "value"),
        ("score -0 is negative zero, written -0", lambda c: c.update(canonical=c["canonical"].replace("-0", "0")),
         "canonical"),
        ("attrs null is written null", lambda c: c["value"].update(attrs={}), "value"),
        ("score 1e21 is written 1e+21: exponent form from 1e21 up", lambda c: c["value"].update(score=10**21), "value"),
        ("counts: int64's bounds, 0, -0 and null", lambda c: c["value"]["counts"].__setitem__(0, -(2**63) + 1),
         "value"),
        ("roles: unknown values kept, flagged at their index", lambda c: c["errors"].pop(), "errors"),
        ("event payload {}: config without clusters", lambda c: c.update(lint=[]), "lint"),
        ("score 1e309 overflows float64: rejected", lambda c: c.update(go_accepts=True, value={}, canonical="{}"),
         "rejected what Go accepts"),
        ("score: 801 digits before the point, then e-800: Go reads 0.1, not 1", lambda c: c.pop("policy"),
         "rejected what Go accepts"),
    ],
)  # fmt: skip
def test_a_vector_that_disagrees_is_reported(description: str, change, expected: str) -> None:
    struct, case = _vector(description)
    assert check(struct, case) == []
    change(case)
    problems = check(struct, case)
    assert problems and all(expected in p for p in problems), problems


def test_values_compare_integers_exactly_and_floats_by_value() -> None:
    assert same_value({"a": [1.0, -0.0]}, {"a": [1.0, 0.0]})
    assert not same_value({"a": 1}, {"a": 1.0})  # an int where a float belongs
    assert not same_value({"a": True}, {"a": 1})
    assert not same_value({"a": 2**63}, {"a": 2**63 - 1})
    assert not same_value({"a": []}, {"a": None})
    assert not same_value({"a": {}}, {"a": {"b": 0}})


def test_the_value_form_keeps_pointers_to_zero_values_and_nil_required_lists() -> None:
    import types_protocol as tp

    value = tp.Sample(maybe_count=0, nickname="", quota=tp.Quota(), scopes=[], ratio=-0.0, tags=None)
    sparse = sparse_value(value_of(value), "types.Sample", from_json=False)
    assert sparse == {
        "kind": "",
        "score": 0.0,
        "nickname": "",
        "note": None,
        "maybeCount": 0,
        "tags": None,
        "attrs": None,
        "quota": {"requests": 0},
        "limits": {"requests": 0},
        "maybeQuota": None,
    }
