"""After `make generate` the generated package imports in .venv, from any folder, with no PYTHONPATH.

The Makefile puts a path file in .venv's site-packages naming generated/python relative to itself; this
checks it in the virtualenv of this checkout (another interpreter has no such file to check).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT


def test_the_generated_package_imports_in_the_venv(tmp_path: Path) -> None:
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        pytest.skip("not running in this checkout's .venv (make test runs there)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    script = "import sync_protocol; print(sync_protocol.__file__)"
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{result.stderr}\n(run `make generate`: it writes .venv's path file)"
    assert Path(result.stdout.strip()) == ROOT / "generated" / "python" / "sync_protocol" / "__init__.py"
