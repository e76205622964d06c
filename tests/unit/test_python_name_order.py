"""Imported names and __all__ are printed in the orders ruff checks (I001 and RUF022), which differ."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.targets.python import all_order, isort_order

NAMES = ["HTTPError", "HostAlias", "Item10", "Item2", "item", "MAX_SIZE", "Frame", "lint", "RawJSON", "XMLNode", "Xa"]
RUFF = str(Path(sys.executable).parent / "ruff")


def test_both_orders_are_what_ruff_wants(tmp_path: Path) -> None:
    imported = "".join(f"    {n},\n" for n in isort_order(NAMES))
    exported = "".join(f'    "{n}",\n' for n in all_order(NAMES))
    source = tmp_path / "module.py"
    source.write_text(f"from other import (\n{imported})\n\n__all__ = [\n{exported}]\n")
    result = subprocess.run(
        [RUFF, "check", "--isolated", "--no-cache", "--select", "I001,RUF022", "--diff", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_orders_differ_where_ruff_does() -> None:
    assert isort_order(["HTTPError", "HostAlias"]) == ["HostAlias", "HTTPError"]  # case-insensitive
    assert all_order(["HostAlias", "HTTPError"]) == ["HTTPError", "HostAlias"]  # case-sensitive
    assert isort_order(["Item10", "Item2"]) == all_order(["Item10", "Item2"]) == ["Item2", "Item10"]
