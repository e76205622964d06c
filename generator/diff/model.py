"""What a schema diff reports: findings with verdicts, and the version check."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

BREAKING, WARNING, INFO = "breaking", "warning", "info"
SERVICE_NAMES = {"worker": "Worker", "ws-proxy": "ws-proxy"}


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
    rollout: str = "either order"
    acknowledged: str = ""  # the reason, when an acknowledgement file accepts this finding

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

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class Report:
    base_label: str
    head_label: str
    findings: tuple[Finding, ...]
    version: VersionCheck
    stale_acknowledgements: tuple[str, ...] = field(default=())

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == BREAKING and not f.acknowledged)

    @property
    def exit_code(self) -> int:
        return 1 if self.failing or not self.version.ok else 0

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
