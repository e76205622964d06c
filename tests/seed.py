"""The seed contract: what the hand-written package `protocol` (tests/data/seed_protocol_doc.txt) offered,
and when the generated code must still offer it.

The seed is schema 1.0.0 (frozen in tests/projects/seed_v1). Semantic versioning lets any 1.x add to it
but never break it; a new major version may, and `framegen diff` is what reports such a break (with its
rollout and the version to set). So the seed checks hold while schema/ is at the seed's major version and
are skipped, saying why, after a major bump.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from generator import ir, semver
from generator.build_ir import build_ir
from generator.load import load_schema
from projects import SEED_V1_SCHEMA
from support import SCHEMA


@cache
def seed_ir() -> ir.Schema:
    return build_ir(load_schema(SEED_V1_SCHEMA, "seed"))


@cache
def current_ir() -> ir.Schema:
    return build_ir(load_schema(SCHEMA, "schema"))


def seed_major() -> int:
    return semver.parse(json.loads(SEED_V1_SCHEMA.read_text())["x-schema-version"])[0]


def current_major() -> int:
    return semver.parse(json.loads(SCHEMA.read_text())["x-schema-version"])[0]


def require_seed_major() -> None:
    """Skip the calling test once schema/ has left the seed's major version."""
    if current_major() != seed_major():
        pytest.skip(
            f"schema/ is at major version {current_major()}; the seed contract binds major {seed_major()} only "
            "(framegen diff reports what a new major breaks)"
        )
