"""Every diff rule has a before/after folder with the exact expected findings; the real schema's key scenarios."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from generator.build_ir import build_ir
from generator.diff import compare, findings
from generator.diff.rules import RULES
from generator.load import load_text
from support import SCHEMA

CASES = Path(__file__).parent / "cases"
KEYS = ("rule", "severity", "subject", "breaks_old_readers", "breaks_old_writers", "api_break", "rollout", "bump")


def load(path: Path):
    return build_ir(load_text(path.read_text(), path.name), check_version=False)


def projected(found) -> list[dict]:
    rows = [{k: (str(getattr(f, k)) if k == "bump" else getattr(f, k)) for k in KEYS} for f in found]
    return sorted(rows, key=lambda r: (r["rule"], r["subject"]))


@pytest.mark.parametrize("case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_rule_case(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text())
    got = projected(findings(load(case / "before.schema.json"), load(case / "after.schema.json")))
    assert got == sorted(expected, key=lambda r: (r["rule"], r["subject"]))


def test_every_rule_has_a_case_folder_where_it_fires() -> None:
    fired = set()
    for case in CASES.iterdir():
        fired |= {f["rule"] for f in json.loads((case / "expected.json").read_text())}
    assert {r.id for r in RULES} <= fired
    assert len(RULES) >= 30


def test_rule_ids_are_stable_screaming_snake_and_documented() -> None:
    for r in RULES:
        assert re.fullmatch(r"[A-Z][A-Z0-9_]+", r.id) and r.purpose


def _real(change=None):
    document = json.loads(SCHEMA.read_text())
    if change:
        change(document)
    return build_ir(load_text(json.dumps(document), "schema"), check_version=False)


def _frame(d: dict) -> dict:
    return d["$defs"]["Frame"]


def test_unchanged_schema_reports_nothing() -> None:
    report = compare(_real(), _real())
    assert report.findings == () and report.exit_code == 0


def test_equivalent_rewrite_reports_nothing() -> None:
    """A property moved into $defs behind a $ref, and every object's keys reversed: the same schema."""

    def rewrite(d: dict) -> None:
        d["$defs"]["TokenHash"] = _frame(d)["properties"]["tokenHash"]
        _frame(d)["properties"]["tokenHash"] = {"$ref": "#/$defs/TokenHash"}

    def reverse(node):
        if isinstance(node, dict):
            return {k: reverse(node[k]) for k in reversed(list(node))}
        return [reverse(v) for v in node] if isinstance(node, list) else node

    document = json.loads(SCHEMA.read_text())
    rewrite(document)
    rewritten = build_ir(load_text(json.dumps(reverse(document)), "schema"), check_version=False)
    assert compare(_real(), rewritten).findings == ()


SCENARIOS = {
    "remove a field": (
        lambda d: (_frame(d)["properties"].pop("quotaURL"), _frame(d)["x-framegen-order"].remove("quotaURL")),
        ("FIELD_REMOVED", "breaking", True, False, "not rollable in one step: add the new field, migrate, then remove"),
        "major",
    ),
    "add a FrameType value": (
        lambda d: (
            d["$defs"]["FrameType"]["enum"].append("key_rotate"),
            d["$defs"]["FrameType"]["x-framegen-values"].update(
                {"key_rotate": {"kind": "push", "from": "ws-proxy", "to": "worker", "description": "r"}}
            ),
        ),
        ("ENUM_VALUE_ADDED", "warning", True, False, "deploy Worker first"),
        "minor",
    ),
    "tighten httpStatus to a range": (
        lambda d: _frame(d)["properties"]["httpStatus"].update(
            {"minimum": 100, "maximum": 599, "x-framegen-rule": "http-status-range"}
        ),
        ("RULE_ADDED", "breaking", False, True, "deploy ws-proxy first"),
        "major",
    ),
    "add a required field to key_create": (
        lambda d: _frame(d)["allOf"].append(
            {
                "x-framegen-rule": "key-create-namespace",
                "x-framegen-level": "error",
                "description": "names a namespace",
                "if": {"properties": {"type": {"const": "key_create"}}},
                "then": {"required": ["namespace"]},
            }
        ),
        ("RULE_ADDED", "breaking", False, True, "deploy Worker first"),
        "major",
    ),
    "a description-only edit": (
        lambda d: _frame(d)["properties"]["name"].update({"description": "the secret's name"}),
        ("FIELD_DESCRIPTION_CHANGED", "info", False, False, "either order"),
        "patch",
    ),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario_on_the_real_schema(name: str) -> None:
    change, expected, bump = SCENARIOS[name]
    report = compare(_real(), _real(change))
    assert [(f.rule, f.severity, f.breaks_old_readers, f.breaks_old_writers, f.rollout) for f in report.findings] == [
        expected
    ]
    assert str(report.version.required) == bump
    assert report.version.ok is (bump == "none")  # 1.0.0 -> 1.0.0 declares no bump


def test_version_check() -> None:
    base = _real()
    assert (
        compare(base, _real(lambda d: d.update({"x-schema-version": "0.9.0"})))
        .version.errors[0]
        .startswith("the version went down")
    )
    minor = _real(
        lambda d: (
            d.update({"x-schema-version": "1.1.0"}),
            d["$defs"]["Frame"]["properties"]["name"].update({"description": "x"}),
        )
    )
    assert compare(base, minor).version.ok
    bad_id = _real(lambda d: d.update({"x-schema-version": "2.0.0"}))
    assert any("does not carry the major version v2" in e for e in compare(base, bad_id).version.errors)


def test_ten_times_larger_schema_diffs_in_under_a_second() -> None:
    """Measured, not asserted as a benchmark: the assertion is a 1 s ceiling the issue sets."""

    def grow(d: dict) -> None:
        for i in range(10 * 21):
            _frame(d)["properties"][f"extra{i}"] = {"type": "string", "description": f"field {i}"}
            _frame(d)["x-framegen-order"].append(f"extra{i}")
        for i in range(10 * 18):
            d["$defs"]["FrameType"]["enum"].append(f"type_{i}")
            d["$defs"]["FrameType"]["x-framegen-values"][f"type_{i}"] = {
                "kind": "push",
                "from": "ws-proxy",
                "to": "worker",
                "description": "x",
            }
        for i in range(10 * 17):
            _frame(d)["allOf"].append(
                {
                    "x-framegen-rule": f"extra-{i}",
                    "x-framegen-level": "error",
                    "description": "x",
                    "if": {"properties": {"type": {"const": f"type_{i % 180}"}}},
                    "then": {"required": [f"extra{i}"]},
                }
            )

    big = _real(grow)
    bigger = _real(
        lambda d: (grow(d), _frame(d)["properties"].pop("extra205"), _frame(d)["x-framegen-order"].remove("extra205"))
    )
    started = time.perf_counter()
    report = compare(big, bigger)
    elapsed = time.perf_counter() - started
    assert report.findings and elapsed < 1.0, elapsed


def _cli(capsys, *args: str) -> tuple[int, str]:
    from generator.cli import main

    code = main(["--config", str(SCHEMA.parents[1] / "pyproject.toml"), "diff", *args])
    return code, capsys.readouterr().out


def test_cli_formats_and_exit_codes(tmp_path: Path, capsys) -> None:
    head = tmp_path / "head.json"
    document = json.loads(SCHEMA.read_text())
    _frame(document)["properties"].pop("quotaURL")
    _frame(document)["x-framegen-order"].remove("quotaURL")
    head.write_text(json.dumps(document))
    code, out = _cli(capsys, str(SCHEMA), str(head))
    assert code == 1 and "FIELD_REMOVED" in out and "FAIL" in out
    code, out = _cli(capsys, str(SCHEMA), str(head), "--format", "markdown")
    assert out.startswith("### Schema diff: ❌") and "| 🔴 | `FIELD_REMOVED` |" in out
    code, out = _cli(capsys, str(SCHEMA), str(head), "--format", "json")
    data = json.loads(out)
    assert data["format"] == "framegen-diff/v1" and data["findings"][0]["rule"] == "FIELD_REMOVED"
    assert data["version"]["required"] == "major" and not data["version"]["ok"]
    code, out = _cli(capsys, str(SCHEMA), str(head), "--format", "github")
    assert out.startswith("::error file=schema/sync-protocol.schema.json,title=FIELD_REMOVED::")
    code, out = _cli(capsys, str(SCHEMA), str(SCHEMA))
    assert code == 0 and out.splitlines()[1].startswith("OK: 0 breaking")


def test_acknowledged_break_stops_failing_and_stale_entries_are_reported(tmp_path: Path, capsys) -> None:
    document = json.loads(SCHEMA.read_text())
    _frame(document)["properties"].pop("quotaURL")
    _frame(document)["x-framegen-order"].remove("quotaURL")
    document["x-schema-version"] = "2.0.0"
    document["$id"] = document["$id"].replace("/v1/", "/v2/")
    head = tmp_path / "head.json"
    head.write_text(json.dumps(document))
    ack = tmp_path / "ack.toml"
    ack.write_text(
        '[[acknowledge]]\nrule = "FIELD_REMOVED"\nsubject = "Frame.quotaURL"\nreason = "unused since 2026"\n'
        '[[acknowledge]]\nrule = "FIELD_REMOVED"\nsubject = "Frame.gone"\nreason = "old"\n'
    )
    code, out = _cli(capsys, str(SCHEMA), str(head), "--ack", str(ack))
    assert code == 0, out
    assert "[acknowledged: unused since 2026]" in out
    assert "stale acknowledgement: FIELD_REMOVED:Frame.gone" in out


def test_against_a_git_revision(capsys) -> None:
    code, out = _cli(capsys, "--against", "HEAD")
    assert code in (0, 1) and out.startswith("framegen diff HEAD:schema/sync-protocol.schema.json ->")
    code = _cli(capsys, "--against", "no-such-revision-xyz")[0]
    assert code == 2
