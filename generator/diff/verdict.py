"""Each finding's verdict: who reads and writes what it concerns, which side deploys first, and what to
do when no single order works. The plan (plan.py) combines these; the rules only set the flags."""

from __future__ import annotations

from dataclasses import replace

from generator.diff.context import Context
from generator.diff.model import Finding
from generator.diff.rules import by_id

EITHER = "either order"
NOT_ROLLABLE = "not rollable in one step"

WHY_READERS = "receivers on the old schema ({readers}) would reject or mishandle what new senders ({writers}) emit"
WHY_WRITERS = "receivers on the new schema ({readers}) would reject what old senders ({writers}) emit"
AFTER = "start sending what {subject} allows only once {readers} all run this schema"
BEFORE = "make {writers} send what {subject} requires, in a release still on the old schema"
INSTEAD = (
    "ship it as two versions: one that accepts both the old and the new form (receivers, {readers}, deploy "
    "first), then one that drops the old form (senders, {writers}, deploy first)"
)


def _names(services: tuple[str, ...], unknown: str) -> str:
    return " and ".join(services) or unknown


def _fill(template: str, f: Finding) -> str:
    readers, writers = _names(f.readers, "the receivers"), _names(f.writers, "the senders")
    return template.format(subject=f.subject, readers=readers, writers=writers)


def first(f: Finding) -> str:
    """The side that deploys first ('' for either order or when no single order works)."""
    if f.rollout.startswith("deploy ") and f.rollout.endswith(" first"):
        return f.rollout.removeprefix("deploy ").removesuffix(" first")
    return ""


def rollout(f: Finding) -> str:
    if not f.breaks_old_readers and not f.breaks_old_writers:
        return EITHER
    if f.breaks_old_readers and f.breaks_old_writers:
        return NOT_ROLLABLE
    side = f.readers if f.breaks_old_readers else f.writers
    if not side:
        return "deploy receivers first" if f.breaks_old_readers else "deploy senders first"
    return f"deploy {side[0]} first" if len(side) == 1 else NOT_ROLLABLE


def advice(f: Finding) -> tuple[str, str]:
    """(kind, text) for a change no single order ships: a release 'before' it, a use gated 'after' it,
    or versions to ship 'instead'."""
    spec = by_id(f.rule)
    if f.breaks_old_readers and f.breaks_old_writers:
        return "instead", _fill(spec.instead or INSTEAD, f)
    if f.breaks_old_readers and (spec.after or not spec.before):
        return "after", _fill(spec.after or AFTER, f)
    return "before", _fill(spec.before or BEFORE, f)


def why(f: Finding) -> str:
    spec = by_id(f.rule)
    return _fill(spec.why or (WHY_READERS if f.breaks_old_readers else WHY_WRITERS), f)


def with_verdict(finding: Finding, ctx: Context) -> Finding:
    """Add readers, writers, the rollout order and, when no single order works, what to do instead."""
    readers, writers = ctx.services(finding.frame_types)
    f = replace(finding, readers=readers, writers=writers)
    f = replace(f, rollout=rollout(f))
    if f.rollout != NOT_ROLLABLE:
        return f
    kind, text = advice(f)
    full = {"before": f"first {text}; then deploy this schema", "after": f"deploy this schema, but {text}"}
    return replace(f, advice=full.get(kind, text))
