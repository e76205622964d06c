"""The schema's semantic version and the major version its $id carries: the one place both are checked."""

from __future__ import annotations

import re

_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


def is_valid(version: object) -> bool:
    """MAJOR.MINOR.PATCH, no leading zeros (the IR builder refuses anything else, so the diff never sees it)."""
    return isinstance(version, str) and _SEMVER.fullmatch(version) is not None


def parse(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in version.split("."))
    return major, minor, patch


def major_of(version: str) -> str:
    return version.split(".")[0]


def id_mismatch(schema_id: str, version: str) -> str:
    """The $id to use when schema_id does not carry the version's major as /vN/; '' when it does."""
    major = major_of(version)
    return "" if f"/v{major}/" in schema_id else id_for(schema_id, major)


def id_for(schema_id: str, major: int | str) -> str:
    """The $id with its /vN/ segment set to the given major (inserted before the file name if it has none)."""
    if re.search(r"/v[0-9]+/", schema_id):
        return re.sub(r"/v[0-9]+/", f"/v{major}/", schema_id, count=1)
    head, _, tail = schema_id.rpartition("/")
    return f"{head}/v{major}/{tail}"
