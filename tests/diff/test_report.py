"""What `framegen diff` prints and exits with: the four formats, the plan and version to set in each, and
acknowledgements (the block it prints, a missing or malformed file)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import projects
from generator.cli import main
from projects import SEED_V1_SCHEMA as SCHEMA  # the toolkit is tested on a frozen fixture

CONFIG = str(SCHEMA.parents[1] / "pyproject.toml")


def _cli(capsys, *args: str, config: str = CONFIG) -> tuple[int, str, str]:
    code = main(["--config", config, "diff", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _head(tmp_path: Path, version: str = "", remove: str = "quotaURL") -> Path:
    """The real schema without one field, optionally declaring a version (and the $id that goes with it)."""
    document = json.loads(SCHEMA.read_text())
    frame = document["$defs"]["Frame"]
    frame["properties"].pop(remove)
    frame["x-framegen-order"].remove(remove)
    if version:
        document["x-schema-version"] = version
        document["$id"] = document["$id"].replace("/v1/", f"/v{version.split('.')[0]}/")
    head = tmp_path / "head.json"
    head.write_text(json.dumps(document))
    return head


def test_formats_and_exit_codes(tmp_path: Path, capsys) -> None:
    head = str(_head(tmp_path))
    code, out, _ = _cli(capsys, str(SCHEMA), head)
    assert code == 1 and "FIELD_REMOVED" in out and "FAIL" in out
    code, out, _ = _cli(capsys, str(SCHEMA), head, "--format", "markdown")
    assert out.startswith("### Schema diff: ❌") and "| 🔴 | `FIELD_REMOVED` |" in out
    code, out, _ = _cli(capsys, str(SCHEMA), head, "--format", "json")
    data = json.loads(out)
    assert data["format"] == "framegen-diff/v1" and data["findings"][0]["rule"] == "FIELD_REMOVED"
    assert data["version"]["required"] == "major" and not data["version"]["ok"]
    code, out, _ = _cli(capsys, str(SCHEMA), head, "--format", "github")
    assert out.startswith("::error file=schema/sync-protocol.schema.json,title=FIELD_REMOVED::")
    code, out, _ = _cli(capsys, str(SCHEMA), str(SCHEMA))
    assert code == 0 and out.splitlines()[1].startswith("OK: 0 breaking")


def test_every_format_carries_the_plan_and_the_version_to_set(tmp_path: Path, capsys) -> None:
    head = str(_head(tmp_path))  # a major change declared as 1.0.0
    version = "set x-schema-version to 2.0.0 and $id to https://schemas.framegen.dev/sync-protocol/v2/"
    step = "stop reading Frame.quotaURL in Worker and ws-proxy"
    for fmt in ("text", "markdown", "github"):
        out = _cli(capsys, str(SCHEMA), head, "--format", fmt)[1]
        assert version in out and "not rollable in one step (2 steps)" in out and step in out, fmt
    data = json.loads(_cli(capsys, str(SCHEMA), head, "--format", "json")[1])
    assert data["version"]["suggested"] == "2.0.0"
    assert data["version"]["suggested_id"].endswith("/v2/sync-protocol.schema.json")
    assert data["plan"]["one_step"] is False and step in data["plan"]["steps"][0]
    assert data["findings"][0]["rollout"] == "not rollable in one step"
    assert data["findings"][0]["advice"].startswith("first stop reading Frame.quotaURL")


def test_the_printed_entry_acknowledges_the_break_once_given_a_reason(tmp_path: Path, capsys) -> None:
    head = str(_head(tmp_path, "2.0.0"))
    code, out, _ = _cli(capsys, str(SCHEMA), head, "--format", "json")
    [entry] = [f["acknowledge_entry"] for f in json.loads(out)["findings"] if f["acknowledge_entry"]]
    assert code == 1 and 'subject = "Frame.quotaURL"' in entry
    assert entry in _cli(capsys, str(SCHEMA), head)[1]  # the text report prints the same block
    ack = tmp_path / "ack.toml"
    ack.write_text(entry)  # pasted as is: the empty reason is refused
    code, _, err = _cli(capsys, str(SCHEMA), head, "--ack", str(ack))
    assert code == 2 and f"{ack}:1: acknowledge entry 1 needs a non-empty reason" in err
    ack.write_text(entry.replace('reason = ""', 'reason = "unused since 2026"'))
    code, out, _ = _cli(capsys, str(SCHEMA), head, "--ack", str(ack))
    assert code == 0 and "[acknowledged: unused since 2026]" in out and "[[acknowledge]]" not in out


def test_acknowledged_break_stops_failing_and_stale_entries_are_reported(tmp_path: Path, capsys) -> None:
    head = str(_head(tmp_path, "2.0.0"))
    ack = tmp_path / "ack.toml"
    ack.write_text(
        '[[acknowledge]]\nrule = "FIELD_REMOVED"\nsubject = "Frame.quotaURL"\nreason = "unused since 2026"\n'
        '[[acknowledge]]\nrule = "FIELD_REMOVED"\nsubject = "Frame.gone"\nreason = "old"\n'
    )
    code, out, _ = _cli(capsys, str(SCHEMA), head, "--ack", str(ack))
    assert code == 0, out
    assert "[acknowledged: unused since 2026]" in out
    assert "stale acknowledgement: FIELD_REMOVED:Frame.gone" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ('[[acknowledge]]\nrule = "FIELD_REMOVED"\nsubject = Frame.quotaURL\n', "ack.toml:3:11: malformed TOML"),
        ('# ok\n\n[[acknowledge]]\nrule = "FIELD_REMOVED"\nsubject = "Frame.quotaURL"\n', "ack.toml:3: acknowledge"),
        ('[[acknowledge]]\nrule = "X"\nsubject = "Y"\nreason = "z"\nwhy = "w"\n', "has unknown keys why"),
    ],
    ids=["missing", "malformed", "no reason", "unknown key"],
)
def test_a_bad_ack_file_is_one_error_naming_the_file(tmp_path: Path, capsys, content, message: str) -> None:
    ack = tmp_path / "ack.toml"
    if content is not None:
        ack.write_text(content)
    code, out, err = _cli(capsys, str(SCHEMA), str(_head(tmp_path, "2.0.0")), "--ack", str(ack))
    assert code == 2 and out == ""
    assert err.count("framegen:") == 1 and str(ack) in err and message in err, err


def test_against_a_git_revision(tmp_path: Path, capsys) -> None:
    """A project in a subfolder of its repository: the revision's schema is read from that folder."""
    project = tmp_path / "services" / "sync"
    projects.copy(projects.SEED_V1, project, generate=False)
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(["git", *command], cwd=tmp_path, env={**os.environ, **env}, check=True)
    shutil.copy(_head(tmp_path, "2.0.0"), project / "schema" / SCHEMA.name)
    config = str(project / "pyproject.toml")
    code, out, _ = _cli(capsys, "--against", "HEAD", config=config)
    assert code == 1 and out.startswith("framegen diff HEAD:schema/sync-protocol.schema.json ->"), out
    assert "FIELD_REMOVED" in out and "Frame.quotaURL" in out
    assert _cli(capsys, "--against", "no-such-revision-xyz", config=config)[0] == 2
