"""Packaging: the generated package is its own wheel; the pre-commit hooks install and run elsewhere.

These tests install from PyPI into fresh environments (network to the package registry is needed),
so each takes some seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from support import ROOT, SCHEMA


def run(*command: str, cwd: Path, env: dict | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def test_generated_package_builds_a_wheel_that_works_alone(tmp_path: Path) -> None:
    source = tmp_path / "source"  # setuptools builds inside the source tree: keep generated/ clean
    shutil.copytree(ROOT / "generated" / "python", source, ignore=shutil.ignore_patterns("__pycache__"))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path / "dist"), str(source), cwd=tmp_path)
    [wheel] = (tmp_path / "dist").glob("sync_protocol-*.whl")
    assert "sync_protocol/py.typed" in zipfile.ZipFile(wheel).namelist()  # PEP 561: type checkers use its hints
    run(sys.executable, "-m", "venv", str(tmp_path / "venv"), cwd=tmp_path)
    python = str(tmp_path / "venv" / "bin" / "python")
    run(python, "-m", "pip", "install", "--no-index", str(wheel), cwd=tmp_path)
    out = run(
        python,
        "-c",
        'import sync_protocol as p; f = p.Frame.from_json(b\'{"type":"key_sync","ok":true}\');'
        " print(f.to_json().decode(), len(p.validate(f)), p.SCHEMA_VERSION)",
        cwd=tmp_path,
    )
    version = json.loads(SCHEMA.read_text())["x-schema-version"]  # the wheel carries the schema it came from
    assert out.split() == ['{"type":"key_sync","ok":true}', "0", version]
    assert "jinja2" not in run(python, "-m", "pip", "list", cwd=tmp_path).lower()


def test_pre_commit_hooks_install_and_run_in_another_repository(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    head = run("git", "rev-parse", "HEAD", cwd=ROOT).strip()
    repo = tmp_path / "consumer"
    repo.mkdir()
    for name in ("schema", "generated", "docs"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    (repo / "frames").mkdir()
    (repo / "frames" / "good.jsonl").write_text('{"type":"key_sync","tokenHash":"h"}\n')
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: framegen-check\n"
        "      - id: framegen-validate\n        files: ^frames/\n"
    )
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    run("git", "init", "-q", cwd=repo, env=env)
    run("git", "add", "-A", cwd=repo, env=env)
    out = run(pre_commit, "run", "--all-files", cwd=repo, env=env)
    assert "framegen generate --check" in out and "framegen validate" in out and "Passed" in out
    (repo / "frames" / "bad.jsonl").write_text('{"type":"key_delete"}\n')
    run("git", "add", "-A", cwd=repo, env=env)
    failed = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True)
    assert failed.returncode == 1 and "name-required" in failed.stdout


def test_pip_install_gives_a_working_framegen_command(tmp_path: Path) -> None:
    """A regular (non-editable) install carries the templates and meta-schema: it regenerates identical files."""
    source = tmp_path / "framegen"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "__pycache__", "build", "*.egg-info", ".hypothesis", ".pytest_cache", ".ruff_cache"
        ),
    )
    run(sys.executable, "-m", "venv", str(tmp_path / "venv"), cwd=tmp_path)
    bin_dir = tmp_path / "venv" / "bin"
    run(
        str(bin_dir / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "-c",
        str(ROOT / "constraints.txt"),
        str(source),
        cwd=tmp_path,
    )
    assert run(str(bin_dir / "framegen"), "--version", cwd=tmp_path).strip().startswith("framegen ")
    out = run(str(bin_dir / "framegen"), "generate", "--check", cwd=source)
    assert "up to date" in out
    assert "Example" in run(str(bin_dir / "python"), "-m", "generator", "diff", "--help", cwd=source)
