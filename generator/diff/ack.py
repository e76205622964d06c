"""Acknowledged breaks: findings a team accepts, with a reason, in a TOML file kept in the repository.

    [[acknowledge]]
    rule = "FIELD_REMOVED"
    subject = "Frame.legacy"
    reason = "no Worker reads it since 2026-10; see #123"

An acknowledged finding stays in the report, marked, and no longer fails the gate; an entry that
matches nothing is reported as stale. The diff prints the entry for each unacknowledged break, with
an empty reason to fill in (an empty reason is refused, so a pasted block cannot pass unexplained).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

from generator.diff.model import BREAKING, Finding, Report

DEFAULT_PATH = "schema/acknowledged-breaks.toml"
KEYS = ("rule", "subject", "reason")
AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _toml_string(text: str) -> str:
    """A TOML basic string: backslash, quote and control characters escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


def entry(f: Finding) -> str:
    """The [[acknowledge]] block that accepts this finding, ready to paste."""
    return (
        f"[[acknowledge]]\nrule = {_toml_string(f.rule)}\nsubject = {_toml_string(f.subject)}\n"
        'reason = ""  # required: why this break is safe to ship\n'
    )


def unacknowledged(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.severity == BREAKING and not f.acknowledged]


def _entry_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[acknowledge]]")]


def load(path: Path, required: bool = False) -> dict[str, str]:
    """rule:subject -> reason. A missing file acknowledges nothing, unless it was asked for (required)."""
    if not path.is_file():
        if required:
            raise ValueError(f"--ack {path}: no such file (see README, 'Acknowledged breaks', for the format)")
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = AT_LINE.search(str(exc))
        where = f"{path}:{at.group(1)}:{at.group(2)}" if at else str(path)
        raise ValueError(f"{where}: malformed TOML: {AT_LINE.sub('', str(exc)).strip()}") from None
    entries = data.get("acknowledge", [])
    lines = _entry_lines(text)
    if not isinstance(entries, list) or set(data) - {"acknowledge"}:
        raise ValueError(f"{path}: only [[acknowledge]] entries are allowed (see README, 'Acknowledged breaks')")
    out = {}
    for i, item in enumerate(entries):
        where = f"{path}:{lines[i]}" if i < len(lines) else str(path)
        missing = [k for k in KEYS if not isinstance(item.get(k), str) or not item[k].strip()]
        unknown = sorted(set(item) - set(KEYS))
        if missing or unknown:
            problem = f"needs a non-empty {', '.join(missing)}" if missing else f"has unknown keys {', '.join(unknown)}"
            raise ValueError(f"{where}: acknowledge entry {i + 1} {problem} (keys: rule, subject, reason)")
        out[f"{item['rule']}:{item['subject']}"] = item["reason"]
    return out


def apply(report: Report, acknowledged: dict[str, str], path: str = DEFAULT_PATH) -> Report:
    findings = tuple(replace(f, acknowledged=acknowledged.get(f.key, "")) for f in report.findings)
    used = {f.key for f in findings if f.acknowledged}
    stale = tuple(sorted(k for k in acknowledged if k not in used))
    return replace(report, findings=findings, stale_acknowledgements=stale, ack_file=path)
