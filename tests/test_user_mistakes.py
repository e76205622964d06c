"""Every mistake a user makes is one message on stderr and exit 2: never a traceback, never "a framegen bug".

Each case runs the real command in a subprocess, in a copy of the seed_v1 fixture project, and pins the
exact message: the message is the interface a user has when something is wrong.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

SCHEMA = "schema/sync-protocol.schema.json"


@pytest.fixture
def project(tmp_path: Path, seed_project: Path) -> Path:
    shutil.copytree(seed_project, tmp_path / "p", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "p"


def framegen(cwd: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if path is not None:
        env["PATH"] = path
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True)


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single message of a usage error, after checking that it is one."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "framegen bug" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def set_option(project: Path, key: str, value: str) -> None:
    path = project / "pyproject.toml"
    lines = [line for line in path.read_text().splitlines() if not line.startswith(f"{key} =")]
    path.write_text("\n".join([*lines, f"{key} = {json.dumps(value)}"]) + "\n")


def test_from_a_subfolder_the_settings_are_found_upward(project: Path) -> None:
    assert framegen(project / "schema", "generate", "--check").returncode == 0
    result = framegen(project / "schema", "validate", "--lint", "examples/valid/key_sync.json")
    assert result.returncode == 0 and "1 frame checked in 1 file, 0 with findings" in result.stderr, result.stderr


def test_a_missing_config_given_with_config(project: Path) -> None:
    message = one_error(framegen(project, "--config", "/nonexistent/pyproject.toml", "generate"))
    assert message == "framegen: /nonexistent/pyproject.toml: no such file (given with --config)"


def test_a_config_without_the_table(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\n')
    message = one_error(framegen(project, "--config", str(other), "generate"))
    assert message == f"framegen: {other}: has no [tool.framegen] table (given with --config)"


def test_a_framegen_key_that_is_not_a_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool]\nframegen = "schema.json"\n')
    message = one_error(framegen(tmp_path, "generate"))
    assert message == (
        f"framegen: {tmp_path / 'pyproject.toml'}: tool.framegen must be a table ([tool.framegen] and its settings "
        "below it)"
    )


def test_no_config_anywhere_and_no_schema(tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    message = one_error(framegen(folder, "generate"))
    assert message == (
        f"framegen: {folder / SCHEMA}: no such file, and no pyproject.toml with [tool.framegen] in {folder} or any "
        "folder above it (so the defaults apply); run framegen inside your project, or pass --config"
    )


def test_a_configured_schema_that_is_missing(project: Path) -> None:
    set_option(project, "schema", "schema/typo.json")
    message = one_error(framegen(project / "schema", "diff", "--against", "HEAD"))
    assert message == (
        f"framegen: {project / 'pyproject.toml'}: [tool.framegen] schema = 'schema/typo.json': "
        f"no such file {project / 'schema' / 'typo.json'}"
    )


def test_a_missing_ack_file(project: Path) -> None:
    message = one_error(framegen(project, "diff", SCHEMA, SCHEMA, "--ack", "/nonexistent.toml"))
    assert message == (
        "framegen: --ack /nonexistent.toml: no such file (see README, 'Acknowledged breaks', for the format)"
    )


def test_a_malformed_ack_file(project: Path) -> None:
    (project / "ack.toml").write_text("[[acknowledge]]\nrule = \n")
    message = one_error(framegen(project, "diff", SCHEMA, SCHEMA, "--ack", "ack.toml"))
    assert message.startswith("framegen: ack.toml:2:8: malformed TOML: "), message


def test_a_malformed_schema_version_in_diff(project: Path) -> None:
    old = project / "old.json"
    old.write_text((project / SCHEMA).read_text().replace('"x-schema-version": "1.0.0"', '"x-schema-version": "1.0"'))
    result = framegen(project, "diff", "old.json", SCHEMA)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "framegen: schema error: old.json#/x-schema-version: x-schema-version '1.0' is not MAJOR.MINOR.PATCH",
        '  hint: write e.g. "1.2.0"',
    ]


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        (
            "python_package",
            "sync-protocol",
            "not a Python package name (one identifier, not a keyword; the package is one folder)",
        ),
        (
            "python_package",
            "sync.protocol",
            "not a Python package name (one identifier, not a keyword; the package is one folder)",
        ),
        (
            "python_package",
            "json",
            "'json' would shadow a module the generated code or framegen imports; choose another name",
        ),
        ("go_package", "Protocol", "not a Go package name (a lower-case identifier, not a keyword)"),
        ("go_package", "main", "package main is a program, not a library the generated code can be"),
        (
            "go_module",
            "github.com/x y",
            "not a Go module path (slash-separated elements of letters, digits, '.', '-', '_', '~')",
        ),
        ("go_module", "example.com/a./b", "not a Go module path: element 'a.' ends with '.'"),
        ("go_module", "example.com/aux", "not a Go module path: element 'aux' is a reserved file name on Windows"),
        ("go_module", "example.com/v~1", "not a Go module path: element 'v~1' ends in a tilde and digits"),
    ],
)
def test_an_invalid_name_setting_writes_nothing(project: Path, key: str, value: str, problem: str) -> None:
    before = (project / "generated" / "framegen-manifest.txt").read_bytes()
    set_option(project, key, value)
    message = one_error(framegen(project, "generate"))
    assert message == f"framegen: {project / 'pyproject.toml'}: [tool.framegen] {key} = {value!r}: {problem}"
    assert (project / "generated" / "framegen-manifest.txt").read_bytes() == before


def test_validate_reports_every_file_then_a_summary(project: Path) -> None:
    (project / "bad.json").write_text('{"type":"key_delete"}')
    result = framegen(project, "validate", "missing.json", "schema", "bad.json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        "bad.json:1: /id: error request-id: a request carries the id its response will echo",
        "bad.json:1: /name: error name-required: a delete names the key secret or template it deletes",
    ]
    assert result.stderr.splitlines() == [
        "framegen: missing.json: no such file",
        "framegen: schema: is a directory; give the frame files in it (e.g. schema/*.json)",
        "framegen: 1 frame checked in 1 file, 1 with findings; 2 files could not be read",
    ]


def test_validate_before_generate(project: Path) -> None:
    shutil.rmtree(project / "generated")
    (project / "f.json").write_text('{"type":"key_sync"}')
    message = one_error(framegen(project, "validate", "f.json"))
    assert message == (
        f"framegen: {project / 'generated' / 'python' / 'sync_protocol'}: no generated Python package here; "
        "run `framegen generate` first"
    )


def test_a_missing_formatter_is_named(project: Path) -> None:
    """Go is not installed: the Go target cannot format its code; that is the environment, not a bug."""
    message = one_error(framegen(project, "generate", path=str(Path(sys.executable).parent)))
    assert message == (
        "framegen: gofmt is needed to format generated code and was not found on PATH: install it, or drop the "
        "target that needs it from [tool.framegen] targets"
    )


def test_validate_with_a_package_generated_from_another_schema_warns(project: Path) -> None:
    """The frames are still checked (exit 0 here), but the user learns the package is stale."""
    schema = project / SCHEMA
    schema.write_text(schema.read_text().replace('"description": "RFC3339"', '"description": "an RFC3339 time"', 1))
    (project / "f.json").write_text('{"type":"key_sync","tokenHash":"h"}')
    result = framegen(project, "validate", "f.json")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"framegen: warning: sync_protocol was generated from another version of {SCHEMA}; run `framegen generate`"
    )
