"""Acknowledged breaks: findings a team accepts, with a reason, in a TOML file kept in the repository.

    [[acknowledge]]
    rule = "FIELD_REMOVED"
    subject = "Frame.legacy"
    reason = "no Worker reads it since 2026-10; see #123"

An acknowledged finding stays in the report, marked, and no longer fails the gate; an entry that
matches nothing is reported as stale.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from generator.diff.model import Report

DEFAULT_PATH = "schema/acknowledged-breaks.toml"


def load(path: Path) -> dict[str, str]:
    """rule:subject -> reason; a missing file acknowledges nothing."""
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text())
    out = {}
    for i, entry in enumerate(data.get("acknowledge", [])):
        missing = {"rule", "subject", "reason"} - set(entry)
        if missing or not str(entry.get("reason", "")).strip():
            raise ValueError(f"{path}: acknowledge entry {i + 1} needs rule, subject and a non-empty reason")
        out[f"{entry['rule']}:{entry['subject']}"] = entry["reason"]
    return out


def apply(report: Report, acknowledged: dict[str, str]) -> Report:
    findings = tuple(replace(f, acknowledged=acknowledged.get(f.key, "")) for f in report.findings)
    used = {f.key for f in findings if f.acknowledged}
    stale = tuple(sorted(k for k in acknowledged if k not in used))
    return replace(report, findings=findings, stale_acknowledgements=stale)
