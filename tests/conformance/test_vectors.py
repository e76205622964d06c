"""The Python runner over every conformance vector, plus checks of the vector files themselves."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conformance.runner import VECTORS, check, load_vectors

ALL = load_vectors()


@pytest.mark.parametrize(("struct", "case"), [(s, c) for _, s, c in ALL], ids=[i for i, _, _ in ALL])
def test_vector(struct: str, case: dict) -> None:
    assert check(struct, case) == []


def test_vector_files_follow_their_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads((VECTORS / "vectors.schema.json").read_text()))
    for path in sorted(VECTORS.glob("*.json")):
        if path.name != "vectors.schema.json":
            errors = [e.message for e in validator.iter_errors(json.loads(path.read_text()))]
            assert errors == [], path.name


def test_at_least_300_vectors_and_every_accepted_frame_has_findings() -> None:
    assert len(ALL) >= 300
    for vector_id, struct, case in ALL:
        if struct == "Frame" and case["go_accepts"]:
            assert "errors" in case and "lint" in case, vector_id


def test_every_policy_vector_is_one_where_go_is_lenient() -> None:
    for vector_id, _, case in ALL:
        if case.get("policy", {}).get("python") == "rejects":
            assert case["go_accepts"], vector_id


def test_descriptions_are_unique_per_file() -> None:
    seen: set[tuple[str, str]] = set()
    for vector_id, _, case in ALL:
        key = (vector_id.split("/")[0], case["description"])
        assert key not in seen, vector_id
        seen.add(key)


def test_vectors_pass_on_the_exact_decoder_alone() -> None:
    """The same vectors with the msgspec fast path disabled: both decoders must conform."""
    import os
    import subprocess
    import sys

    runner = Path(__file__).parent / "runner.py"
    env = {**os.environ, "FRAMEGEN_NO_FAST_PATH": "1"}
    result = subprocess.run([sys.executable, str(runner)], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith(f"python: {len(ALL)} passed, 0 failed"), result.stderr


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
