"""The version check: the smallest semver bump the findings need, against the bump the head declares, and
the version (and $id) to set when they disagree."""

from __future__ import annotations

from generator import ir, semver
from generator.diff.model import Bump, Finding, VersionCheck


def declared_bump(base: str, head: str) -> Bump:
    """The bump from base to head; none when the version went down (the check reports that apart)."""
    old, new = semver.parse(base), semver.parse(head)
    if new < old:
        return Bump.NONE
    if new[0] != old[0]:
        return Bump.MAJOR
    if new[1] != old[1]:
        return Bump.MINOR
    return Bump.PATCH if new[2] != old[2] else Bump.NONE


def bumped(version: str, bump: Bump) -> str:
    major, minor, patch = semver.parse(version)
    if bump == Bump.MAJOR:
        return f"{major + 1}.0.0"
    if bump == Bump.MINOR:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}" if bump == Bump.PATCH else version


def check_version(old: ir.Schema, new: ir.Schema, findings: list[Finding]) -> VersionCheck:
    required = max((f.bump for f in findings), default=Bump.NONE)
    declared = declared_bump(old.version, new.version)
    errors = []
    suggested = new.version
    if semver.parse(new.version) < semver.parse(old.version):
        suggested = bumped(old.version, required)
        errors.append(f"the version went down: {old.version} -> {new.version}")
    elif declared < required:
        suggested = bumped(old.version, required)
        errors.append(
            f"the changes need a {required} bump; {old.version} -> {new.version} is "
            f"{f'a {declared}' if declared else 'no'} bump"
        )
    suggested_id = semver.id_mismatch(new.id, suggested)
    if suggested_id:
        errors.append(f"$id {new.id} does not carry the major version v{semver.major_of(suggested)}")
    return VersionCheck(old.version, new.version, declared, required, tuple(errors), suggested, suggested_id)
