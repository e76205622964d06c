"""One rollout plan per diff: every finding's order combined into ordered steps, with the reasons.

Findings that need the same side first make one step; findings that need opposite sides first cannot
ship together, so the plan says to split them into versions; a change no single order ships brings
its own steps (a release before this schema, a use gated after it, or versions instead of it).
"""

from __future__ import annotations

from generator.diff.model import Finding, Plan
from generator.diff.verdict import NOT_ROLLABLE, advice, first, why


def _others(side: str, parties: tuple[str, ...]) -> str:
    if side in ("receivers", "senders"):
        return "senders" if side == "receivers" else "receivers"
    return " and ".join(p for p in parties if p != side) or "the other services"


def _deploy(groups: dict[str, list[str]], parties: tuple[str, ...], what: str) -> list[str]:
    if not groups:
        return [f"deploy {what} to {' and '.join(parties) or 'every service'}, in either order"]
    if len(groups) == 1:
        side = next(iter(groups))
        return [f"deploy {what} to {side} first, then to {_others(side, parties)}"]
    return [  # opposite orders cannot ship together: one version per order
        f"ship {what} as version {i} with only {', '.join(subjects)}: deploy it to {side} first, "
        f"then to {_others(side, parties)}"
        for i, (side, subjects) in enumerate(sorted(groups.items()), 1)
    ]


def plan(findings: list[Finding], parties: tuple[str, ...]) -> Plan:
    constraining = [f for f in findings if f.breaks_old_readers or f.breaks_old_writers]
    groups: dict[str, list[str]] = {}
    for f in constraining:
        if first(f):
            groups.setdefault(first(f), []).append(f.subject)
    split = [(f, *advice(f)) for f in constraining if f.rollout == NOT_ROLLABLE]
    instead = [f"{f.subject}: instead, {text}" for f, kind, text in split if kind == "instead"]
    before = [f"before this schema ships: {text}" for f, kind, text in split if kind == "before"]
    after = [f"after that: {text}" for f, kind, text in split if kind == "after"]
    what = "the rest of this change" if instead else "this schema"
    deploy = _deploy(groups, parties, what) if groups or not instead else []
    steps = tuple(instead + before + deploy + after)
    one_step = not split and len(groups) <= 1
    summary = f"one step: {deploy[0]}" if one_step else f"not rollable in one step ({len(steps)} steps)"
    reasons = tuple(f"{f.rule} {f.subject}: {why(f)}" for f in constraining)
    return Plan(one_step, summary, steps, reasons or ("no change constrains the deploy order",))
