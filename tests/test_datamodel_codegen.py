"""Mainstream tools consume the schema unchanged: datamodel-code-generator's pydantic model accepts every valid example.

It also shows what such a model does not check: the per-type rules (if/then), which it ignores.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import EXAMPLES, SCHEMA


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("dcg") / "model.py"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "datamodel-codegen"),
            "--input",
            str(SCHEMA),
            "--input-file-type",
            "jsonschema",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--output",
            str(out),
            "--disable-timestamp",
            "--formatters",
            "ruff-format",
        ],
        check=True,
        capture_output=True,
    )
    spec = importlib.util.spec_from_file_location("dcg_model", out)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", sorted((EXAMPLES / "valid").glob("*.json")), ids=lambda p: p.stem)
def test_datamodel_codegen_model_accepts_valid_examples(model, path: Path) -> None:
    model.Frame.model_validate(json.loads(path.read_text()))


def test_datamodel_codegen_model_ignores_per_type_rules(model) -> None:
    """A key_delete without a name is invalid by the schema, yet the pydantic model accepts it."""
    model.Frame.model_validate({"type": "key_delete"})
