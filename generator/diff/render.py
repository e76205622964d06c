"""The diff report as text (terminals), Markdown (a PR comment), JSON (machines) or GitHub annotations.

Each format carries the verdict, the one rollout plan, the version to set and, for every break not yet
acknowledged, the [[acknowledge]] entry that would accept it.
"""

from __future__ import annotations

import json

from generator import semver
from generator.diff import ack
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
    declared = "a downgrade" if semver.parse(v.head) < semver.parse(v.base) else f"{v.declared or 'no'} bump"
    version = f"version {v.base} -> {v.head}: declared {declared}, required {v.required or 'no'} bump"
    return f"{state}: {counts}; {version}" + ("" if v.ok else f" — {v.fix}")


def _rollout(f: Finding) -> str:
    return f"{f.rollout}: {f.advice}" if f.advice else f.rollout


def _ack_block(report: Report) -> str:
    return "\n".join(ack.entry(f) for f in ack.unacknowledged(report))


def text(report: Report) -> str:
    plan = report.plan
    lines = [f"framegen diff {report.base_label} -> {report.head_label}", _verdict(report), f"plan: {plan.summary}"]
    if not plan.one_step:
        lines += [f"  {i}. {step}" for i, step in enumerate(plan.steps, 1)]
    lines += [f"  because {reason}" for reason in plan.reasons]
    lines.append(f"version: {report.version.advice}")
    for f in report.findings:
        acknowledged = f" [acknowledged: {f.acknowledged}]" if f.acknowledged else ""
        lines.append(f"  {f.severity:<8} {f.rule:<30} {f.subject}: {f.message}{acknowledged}")
        if f.severity != INFO:
            lines.append(
                f"           old readers break: {_flag(f.breaks_old_readers)}; old writers break: "
                f"{_flag(f.breaks_old_writers)}; generated API breaks: {_flag(f.api_break)}; "
                f"rollout: {_rollout(f)}"
            )
    lines += [f"  stale acknowledgement: {key}" for key in report.stale_acknowledgements]
    if ack.unacknowledged(report):
        lines += [f"to acknowledge a break, add its entry to {report.ack_file} and give the reason:", ""]
        lines += _ack_block(report).splitlines()
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _markdown_plan(report: Report) -> list[str]:
    plan = report.plan
    lines = [f"**Rollout plan** — {_cell(plan.summary)}", ""]
    if not plan.one_step:
        lines += [f"{i}. {_cell(step)}" for i, step in enumerate(plan.steps, 1)] + [""]
    lines += [f"- because {_cell(reason)}" for reason in plan.reasons]
    return [*lines, "", f"**Version** — {_cell(report.version.advice)}", ""]


def markdown(report: Report) -> str:
    lines = [f"### Schema diff: {'❌' if report.exit_code else '✅'} {_cell(_verdict(report))}", ""]
    lines += _markdown_plan(report)
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
                f"{_flag(f.breaks_old_writers)} | {_flag(f.api_break)} | {services} | {_cell(_rollout(f))} |"
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
    if ack.unacknowledged(report):
        lines += [f"To acknowledge a break, add its entry to `{report.ack_file}` and give the reason:", ""]
        lines += ["```toml", *_ack_block(report).splitlines(), "```", ""]
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
        "advice": f.advice or None,
        "acknowledge_entry": ack.entry(f) if f.severity == BREAKING and not f.acknowledged else None,
    }


def json_report(report: Report) -> str:
    v, plan = report.version, report.plan
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
            "suggested": v.suggested,
            "suggested_id": v.suggested_id or None,
            "advice": v.advice,
        },
        "plan": {
            "one_step": plan.one_step,
            "summary": plan.summary,
            "steps": list(plan.steps),
            "reasons": list(plan.reasons),
        },
        "findings": [as_dict(f) for f in report.findings],
        "stale_acknowledgements": list(report.stale_acknowledgements),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape(message: str) -> str:
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github(report: Report, schema_path: str) -> str:
    """Workflow commands: ::error / ::warning / ::notice, one per finding, on the schema file, then the
    rollout plan and the version to set."""
    level = {BREAKING: "error", WARNING: "warning", INFO: "notice"}
    lines = []
    for f in report.findings:
        kind = "notice" if f.acknowledged else level[f.severity]
        message = f"{f.subject}: {f.message} (rollout: {_rollout(f)})"
        if f.severity == BREAKING and not f.acknowledged:
            message += f"\nto acknowledge it, add to {report.ack_file}:\n{ack.entry(f)}"
        lines.append(f"::{kind} file={schema_path},title={f.rule}::{_escape(message)}")
    plan = "\n".join([report.plan.summary, *(f"{i}. {s}" for i, s in enumerate(report.plan.steps, 1))])
    lines.append(f"::notice file={schema_path},title=rollout plan::{_escape(plan)}")
    kind = "notice" if report.version.ok else "error"
    lines.append(f"::{kind} file={schema_path},title=version check::{_escape(report.version.advice)}")
    return "\n".join(lines) + "\n"


FORMATS = {"text": text, "markdown": markdown, "json": json_report}
