"""The rule registry: @rule gives a check function its stable ID, kind, purpose and rollout advice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator import ir
from generator.diff.model import Bump, Finding


@dataclass(frozen=True, slots=True)
class DiffRule:
    id: str
    kind: str  # schema | struct | enum | field | value | rule
    purpose: str
    check: Callable[..., list[Finding]]
    why: str = ""
    before: str = ""
    after: str = ""
    instead: str = ""


RULES: list[DiffRule] = []


def rule(id: str, kind: str, purpose: str, **advice: str) -> Callable[[Callable[..., list[Finding]]], Callable]:
    def register(check: Callable[..., list[Finding]]) -> Callable[..., list[Finding]]:
        RULES.append(DiffRule(id, kind, purpose, check, **advice))
        return check

    return register


def hit(subject: str, message: str, severity: str, bump: Bump, **flags: Any) -> list[Finding]:
    """One finding; the engine fills in the ID of the rule that returned it."""
    return [Finding(rule="", severity=severity, subject=subject, message=message, bump=bump, **flags)]


def annotation(annotations: ir.Annotations, key: str) -> str:
    return dict(annotations).get(key, "")


def rules_by_kind(kind: str) -> list[DiffRule]:
    return [r for r in RULES if r.kind == kind]


def by_id(id: str) -> DiffRule:
    return next(r for r in RULES if r.id == id)
