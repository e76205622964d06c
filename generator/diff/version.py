"""The version check: the smallest semver bump the findings need, against the bump the head declares."""

from __future__ import annotations

from generator import ir
from generator.diff.model import Bump, Finding, VersionCheck


def _parse(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in version.split("."))
    return major, minor, patch


def declared_bump(base: str, head: str) -> Bump:
    old, new = _parse(base), _parse(head)
    if new[0] != old[0]:
        return Bump.MAJOR
    if new[1] != old[1]:
        return Bump.MINOR
    return Bump.PATCH if new[2] != old[2] else Bump.NONE


def check_version(old: ir.Schema, new: ir.Schema, findings: list[Finding]) -> VersionCheck:
    required = max((f.bump for f in findings), default=Bump.NONE)
    declared = declared_bump(old.version, new.version)
    errors = []
    if _parse(new.version) < _parse(old.version):
        errors.append(f"the version went down: {old.version} -> {new.version}")
    elif declared < required:
        errors.append(
            f"the changes need a {required} bump; {old.version} -> {new.version} is a {declared or 'no'} bump"
        )
    major = _parse(new.version)[0]
    if f"/v{major}/" not in new.id:
        errors.append(f"$id {new.id} does not carry the major version v{major}")
    return VersionCheck(old.version, new.version, declared, required, tuple(errors))
