"""The diff report as text (terminals), Markdown (a PR comment), JSON (machines) or GitHub annotations."""

from __future__ import annotations

import json

from generator.diff.model import BREAKING, INFO, WARNING, Finding, Report


def _flag(value: bool) -> str:
    return "yes" if value else "no"


def _verdict(report: Report) -> str:
    counts = f"{report.count(BREAKING)} breaking, {report.count(WARNING)} warning, {report.count(INFO)} info"
    acked = sum(1 for f in report.findings if f.acknowledged)
    if acked:
        counts += f" ({acked} acknowledged)"
    state = "FAIL" if report.exit_code else "OK"
    v = report.version
    version = f"version {v.base} -> {v.head}: declared {v.declared or 'no'} bump, required {v.required or 'no'} bump"
    return f"{state}: {counts}; {version}" + ("" if v.ok else " — " + "; ".join(v.errors))


def text(report: Report) -> str:
    lines = [f"framegen diff {report.base_label} -> {report.head_label}", _verdict(report)]
    for f in report.findings:
        ack = f" [acknowledged: {f.acknowledged}]" if f.acknowledged else ""
        lines.append(f"  {f.severity:<8} {f.rule:<30} {f.subject}: {f.message}{ack}")
        if f.severity != INFO:
            lines.append(
                f"           old readers break: {_flag(f.breaks_old_readers)}; old writers break: "
                f"{_flag(f.breaks_old_writers)}; generated API breaks: {_flag(f.api_break)}; "
                f"rollout: {f.rollout}"
            )
    lines += [f"  stale acknowledgement: {key}" for key in report.stale_acknowledgements]
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def markdown(report: Report) -> str:
    lines = [f"### Schema diff: {'❌' if report.exit_code else '✅'} {_cell(_verdict(report))}", ""]
    significant = [f for f in report.findings if f.severity != INFO]
    if significant:
        lines += [
            "| | rule | what | old readers break | old writers break | generated API | sent → read by | rollout |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for f in significant:
            mark = "🔴" if f.severity == BREAKING else "🟡"
            what = _cell(f"**{f.subject}**: {f.message}") + (
                f" _(acknowledged: {_cell(f.acknowledged)})_" if f.acknowledged else ""
            )
            services = _cell(f"{', '.join(f.writers)} → {', '.join(f.readers)}" if f.readers else "—")
            lines.append(
                f"| {mark} | `{f.rule}` | {what} | {_flag(f.breaks_old_readers)} | "
                f"{_flag(f.breaks_old_writers)} | {_flag(f.api_break)} | {services} | {_cell(f.rollout)} |"
            )
        lines.append("")
    info = [f for f in report.findings if f.severity == INFO]
    if info:
        lines += [f"<details><summary>{len(info)} info finding(s)</summary>", ""]
        lines += [f"- `{f.rule}` **{_cell(f.subject)}**: {_cell(f.message)}" for f in info]
        lines += ["", "</details>", ""]
    if report.stale_acknowledgements:
        lines += [
            "Stale acknowledgements (match no finding): " + ", ".join(f"`{k}`" for k in report.stale_acknowledgements),
            "",
        ]
    return "\n".join(lines)


def as_dict(f: Finding) -> dict[str, object]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "subject": f.subject,
        "message": f.message,
        "bump": str(f.bump),
        "breaks_old_readers": f.breaks_old_readers,
        "breaks_old_writers": f.breaks_old_writers,
        "api_break": f.api_break,
        "frame_types": list(f.frame_types),
        "readers": list(f.readers),
        "writers": list(f.writers),
        "rollout": f.rollout,
        "acknowledged": f.acknowledged or None,
    }


def json_report(report: Report) -> str:
    v = report.version
    document = {
        "format": "framegen-diff/v1",
        "base": report.base_label,
        "head": report.head_label,
        "exit_code": report.exit_code,
        "counts": {s: report.count(s) for s in (BREAKING, WARNING, INFO)},
        "version": {
            "base": v.base,
            "head": v.head,
            "declared": str(v.declared),
            "required": str(v.required),
            "ok": v.ok,
            "errors": list(v.errors),
        },
        "findings": [as_dict(f) for f in report.findings],
        "stale_acknowledgements": list(report.stale_acknowledgements),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def github(report: Report, schema_path: str) -> str:
    """Workflow commands: ::error / ::warning / ::notice, one per finding, on the schema file."""
    level = {BREAKING: "error", WARNING: "warning", INFO: "notice"}
    lines = []
    for f in report.findings:
        kind = "notice" if f.acknowledged else level[f.severity]
        message = f"{f.subject}: {f.message} (rollout: {f.rollout})".replace("%", "%25").replace("\n", "%0A")
        lines.append(f"::{kind} file={schema_path},title={f.rule}::{message}")
    for error in report.version.errors:
        lines.append(f"::error file={schema_path},title=version check::{error}")
    return "\n".join(lines) + "\n"


FORMATS = {"text": text, "markdown": markdown, "json": json_report}
