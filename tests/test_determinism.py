"""Output is byte-identical whatever the hash seed and whatever the order of keys in the schema file."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from support import ROOT, SCHEMA

SCRIPT = """
import hashlib, json, sys
from pathlib import Path
from generator.pipeline import render_all
from generator.settings import Settings
files = render_all(Settings(root=Path(sys.argv[1]), schema=sys.argv[2]))
print(json.dumps({k: hashlib.sha256(v).hexdigest() for k, v in files.items()}, sort_keys=True))
"""


def shuffled(node: Any, rng: random.Random) -> Any:
    """The same JSON with every object's keys in a random order (arrays keep theirs: their order is meaning)."""
    if isinstance(node, dict):
        keys = list(node)
        rng.shuffle(keys)
        return {k: shuffled(node[k], rng) for k in keys}
    if isinstance(node, list):
        return [shuffled(v, rng) for v in node]
    return node


def digests(schema_path: Path, seed: str) -> dict[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(schema_path.parent), schema_path.name],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"},
    )
    return json.loads(result.stdout)


def test_same_bytes_across_hash_seeds_and_key_orders(tmp_path: Path) -> None:
    reordered = tmp_path / SCHEMA.name
    reordered.write_text(json.dumps(shuffled(json.loads(SCHEMA.read_text()), random.Random(7)), indent=1))
    baseline = digests(SCHEMA, "0")
    assert digests(SCHEMA, "12345") == baseline
    assert digests(reordered, "987") == baseline


def test_digest_ignores_formatting_but_not_content() -> None:
    from generator.load import canonical_digest

    document = json.loads(SCHEMA.read_text())
    assert canonical_digest(shuffled(document, random.Random(1))) == canonical_digest(document)
    document["description"] += "."
    assert canonical_digest(document) != canonical_digest(json.loads(SCHEMA.read_text()))
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert canonical_digest(document) == "sha256:" + hashlib.sha256(canonical).hexdigest()
