"""The loop a team lives in, run on a scratch copy of this repository for each realistic schema change:
edit the schema, `make generate` (and `make vectors` when the README says so), then the tests that follow
the schema and `make check` must pass, and `framegen diff --against HEAD` must say what the change is.

The copy is a git repository whose HEAD is this checkout as it is, so `framegen diff --against HEAD` is
what a pull request would show. Make runs with this interpreter's virtualenv (STAMP= skips its install
step, so nothing is installed into it, and PYTHONPATH puts the copy's generator first). The scenarios
run side by side, one per core, and each test reports its own.

Only the tests that read schema/, generated/, the examples and the vectors are run in the copy
(PROTOCOL_TESTS): every other test runs on the fixture projects in tests/projects, which a schema change
cannot reach. The long property and fuzz runs also read generated/ but name nothing of the protocol;
only the fuzzer's checks that inject a fault into some frames are run, and the packaging tests (which
install from a registry) are left out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
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
    *(
        f"tests/fuzz/test_structured.py::test_a_{fault}_is_reported"
        for fault in ("crash_in_the_decoder", "wrong_value", "wrong_rejection", "wrong_reading_on_the_fast_path")
    ),
)
VENV = Path(sys.prefix)
COPY_IGNORES = (".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis", "*.egg-info", "build")


class StepFailed(Exception):
    """A step of the loop exited with an unexpected code; the message holds the step and its output."""


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
    if result.returncode != expect:
        raise StepFailed(f"{' '.join(command)} exited {result.returncode}, not {expect}:\n{output[-6000:]}")
    return output


def make(project: Path, *targets: str, expect: int = 0) -> str:
    return run(project, "make", "--no-print-directory", f"VENV={VENV}", "STAMP=", *targets, expect=expect)


def loop(pristine: Path, project: Path, scenario: Scenario) -> str:
    """The README's loop after the scenario's change; "" when every step did what it should, else why not."""
    shutil.copytree(pristine, project, symlinks=True)
    try:
        field = scenario.edit(project)
    except (AssertionError, KeyError, ValueError) as exc:
        return f"the change cannot be applied to this schema: {exc!r}"
    try:
        make(project, "generate")
        if scenario.vectors:
            recorded = make(project, "vectors")
            vectors = (pristine / "tests" / "vectors").glob("*.json")
            if any(f'\\"{field}\\"' in p.read_text() for p in vectors) and "stale? " not in recorded:
                return f"make vectors flagged none of the cases that exercise {field}:\n{recorded}"
        run(project, str(VENV / "bin" / "pytest"), "-q", "-p", "no:cacheprovider", *PROTOCOL_TESTS)
        make(project, "test-go", "check")
        report = run(project, str(VENV / "bin" / "framegen"), "diff", "--against", "HEAD", expect=scenario.diff_exit)
    except StepFailed as exc:
        return str(exc)
    if ("FAIL" in report) != bool(scenario.diff_exit):
        return f"framegen diff's verdict does not match its exit code:\n{report}"
    return ""


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every scenario's loop, run side by side on copies of this checkout (a git repository with one commit)."""
    assert (VENV / "bin" / "framegen").exists(), "run the loop test in the project's virtualenv (make test)"
    base = tmp_path_factory.mktemp("loop")
    pristine = base / "pristine"
    shutil.copytree(ROOT, pristine, ignore=shutil.ignore_patterns(*COPY_IGNORES))
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "the project before the change"]):
        run(pristine, "git", *command)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        futures = {s.name: pool.submit(loop, pristine, base / f"scenario{i}", s) for i, s in enumerate(SCENARIOS)}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_the_loop_stays_green(outcomes: dict[str, str], scenario: Scenario) -> None:
    problem = outcomes[scenario.name]
    assert not problem, problem
