"""The loop a team lives in, run on a scratch copy of this repository for each realistic schema change:
edit the schema, `make generate` (and `make vectors` when the README says so), then the tests that follow
the schema and `make check` must pass, and `framegen diff --against HEAD` must say what the change is.

The copy is a git repository whose HEAD is this checkout as it is, so `framegen diff --against HEAD` is
what a pull request would show. Make runs with this interpreter's virtualenv (STAMP= skips its install
step, so nothing is installed into it, and PYTHONPATH puts the copy's generator first).

Only the tests that read schema/, generated/, the examples and the vectors are run in the copy
(PROTOCOL_TESTS): every other test runs on the fixture projects in tests/projects, which a schema change
cannot reach. The runtime's fuzzers and property tests also read generated/, but name no field or type
of the protocol; they are left out for time, as are the packaging tests (they install from a registry).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scenarios import SCENARIOS, Scenario
from support import ROOT

pytestmark = pytest.mark.slow

PROTOCOL_TESTS = (
    "tests/test_schema.py",
    "tests/test_examples.py",
    "tests/test_generated_code.py",
    "tests/test_go_parity.py",
    "tests/test_bench_steps.py",
    "tests/conformance",
    "tests/vectors",
)
VENV = Path(sys.prefix)
COPY_IGNORES = (".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis", "*.egg-info", "build")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout, copied once into a fresh git repository with one commit."""
    assert (VENV / "bin" / "framegen").exists(), "run the loop test in the project's virtualenv (make test)"
    project = tmp_path_factory.mktemp("loop") / "pristine"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(*COPY_IGNORES))
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "the project before the change"]):
        run(project, "git", *command)
    return project


def run(project: Path, *command: str, expect: int = 0) -> str:
    env = {
        **os.environ,
        "PYTHONPATH": str(project),
        "GIT_AUTHOR_NAME": "loop",
        "GIT_AUTHOR_EMAIL": "loop@example.invalid",
        "GIT_COMMITTER_NAME": "loop",
        "GIT_COMMITTER_EMAIL": "loop@example.invalid",
    }
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == expect, f"{' '.join(command)} exited {result.returncode}:\n{output[-6000:]}"
    return output


def make(project: Path, *targets: str, expect: int = 0) -> str:
    return run(project, "make", "--no-print-directory", f"VENV={VENV}", "STAMP=", *targets, expect=expect)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_the_loop_stays_green(pristine: Path, tmp_path: Path, scenario: Scenario) -> None:
    project = tmp_path / "project"
    shutil.copytree(pristine, project, symlinks=True)
    field = scenario.edit(project)
    make(project, "generate")
    if scenario.vectors:
        recorded = make(project, "vectors")
        if any(f'\\"{field}\\"' in p.read_text() for p in (pristine / "tests" / "vectors").glob("*.json")):
            assert "stale? " in recorded, f"cases that exercise {field} are left to review:\n{recorded}"
    pytest_bin = str(VENV / "bin" / "pytest")
    run(project, pytest_bin, "-q", "-p", "no:cacheprovider", *PROTOCOL_TESTS)
    make(project, "test-go", "check")
    report = run(project, str(VENV / "bin" / "framegen"), "diff", "--against", "HEAD", expect=scenario.diff_exit)
    assert ("FAIL" in report) == bool(scenario.diff_exit), report
