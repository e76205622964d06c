"""Fixtures shared by every test: the Go harness (built once per session) and the golden-update flag."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

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
