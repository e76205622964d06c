"""What a schema diff reports: findings with verdicts, and the version check."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

BREAKING, WARNING, INFO = "breaking", "warning", "info"


class Bump(IntEnum):
    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # stable SCREAMING_SNAKE ID
    severity: str  # breaking | warning | info
    subject: str  # what changed: "Frame.quotaURL", "FrameType.key_rotate", "rule request-id"
    message: str
    bump: Bump  # the smallest version bump this change needs
    breaks_old_readers: bool = False  # a receiver on the old schema mishandles what new senders emit
    breaks_old_writers: bool = False  # a receiver on the new schema rejects what old senders emit
    api_break: bool = False  # code using the generated types no longer compiles or behaves the same
    frame_types: tuple[str, ...] = ()  # the message types the change concerns (empty: not a wire message)
    readers: tuple[str, ...] = ()  # services that receive those types
    writers: tuple[str, ...] = ()  # services that send them
    rollout: str = "either order"  # either order | deploy <service> first | not rollable in one step
    acknowledged: str = ""  # the reason, when an acknowledgement file accepts this finding
    advice: str = ""  # what to do instead, when the change is not rollable in one step

    @property
    def key(self) -> str:
        return f"{self.rule}:{self.subject}"


@dataclass(frozen=True, slots=True)
class VersionCheck:
    base: str
    head: str
    declared: Bump
    required: Bump
    errors: tuple[str, ...]
    suggested: str = ""  # the x-schema-version to set (the head's own when it is right)
    suggested_id: str = ""  # the $id to set, when the head's does not carry the major

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def fix(self) -> str:
        """What to set so the check passes ('' when it does)."""
        if self.ok:
            return ""
        version = f"set x-schema-version to {self.suggested}" if self.suggested != self.head else ""
        id_ = f"set $id to {self.suggested_id}" if self.suggested_id else ""
        return " and ".join(p for p in (version, id_) if p).replace(" and set ", " and ")

    @property
    def advice(self) -> str:
        """One line naming the version (and $id) to set and why, or saying the declared one is right."""
        if self.ok:
            needed = f"the changes need a {self.required} bump" if self.required else "the changes need no bump"
            declared = f"a {self.declared} bump" if self.declared else "no bump"
            return f"keep x-schema-version {self.head} ({needed}; {self.base} -> {self.head} is {declared})"
        return f"{self.fix} ({'; '.join(self.errors)})"


@dataclass(frozen=True, slots=True)
class Plan:
    """The one rollout plan of a diff: every finding's order combined, with the reasons."""

    one_step: bool
    summary: str  # "one step: deploy ws-proxy first, then Worker", "not rollable in one step: 2 steps"
    steps: tuple[str, ...]
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    base_label: str
    head_label: str
    findings: tuple[Finding, ...]
    version: VersionCheck
    plan: Plan
    stale_acknowledgements: tuple[str, ...] = field(default=())
    ack_file: str = "schema/acknowledged-breaks.toml"  # where the printed [[acknowledge]] entries go

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == BREAKING and not f.acknowledged)

    @property
    def exit_code(self) -> int:
        return 1 if self.failing or not self.version.ok else 0

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
