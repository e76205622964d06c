"""Fixtures shared by every test: the Go harness (built once per session), the golden-update flag, and the
fixture projects (tests/projects) generated once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import projects
from support import GoHarness, build_harness, go_available


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/cases/*/expected from the generator"
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    import os

    return bool(request.config.getoption("--update-golden") or os.environ.get("UPDATE_GOLDEN"))


@pytest.fixture(scope="session")
def go_harness(tmp_path_factory: pytest.TempPathFactory) -> GoHarness:
    if not go_available():
        pytest.fail("Go is required for the cross-language tests (install Go 1.22+)")
    harness = GoHarness(build_harness(tmp_path_factory.mktemp("go")))
    yield harness
    harness.close()


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed_v1 fixture project with its generated files: copy it before changing anything in it."""
    return projects.copy(projects.SEED_V1, tmp_path_factory.mktemp("seed_v1"))


@pytest.fixture(scope="session")
def relay_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The relay fixture project (a second protocol) with its generated files; copy it before changing it."""
    return projects.copy(projects.RELAY, tmp_path_factory.mktemp("relay"))
