"""Schema versions: MAJOR.MINOR.PATCH in x-schema-version, and the major carried in the $id path."""

from __future__ import annotations

import re

_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


def parse_version(version: object) -> tuple[int, int, int] | None:
    """(major, minor, patch), or None for anything that is not a plain semantic version."""
    match = _SEMVER.fullmatch(version) if isinstance(version, str) else None
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def major_in_id(schema_id: str, version: str) -> bool:
    """Whether the $id's path names the version's major as /vN/."""
    parsed = parse_version(version)
    return parsed is not None and f"/v{parsed[0]}/" in schema_id
