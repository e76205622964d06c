"""Golden files: one folder per edge case, compared as a file set and byte for byte.

Regenerate with `make update-golden` (pytest --update-golden), then review the diff like code.
A missing expected/ folder fails: goldens are never created silently.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import render_all
from generator.settings import Settings

CASES = Path(__file__).parent / "cases"


def settings_for(case: Path) -> Settings:
    return Settings(
        root=case, schema="schema.json", go_module=f"example.invalid/golden/{case.name}", version_markers=False
    )


@pytest.mark.parametrize("case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_golden(case: Path, update_golden: bool) -> None:
    files = render_all(settings_for(case))
    expected = case / "expected"
    if update_golden:
        shutil.rmtree(expected, ignore_errors=True)
        for rel, content in files.items():
            (expected / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected / rel).write_bytes(content)
    assert expected.is_dir(), f"{expected} is missing: run `make update-golden` and review the result"
    on_disk = {p.relative_to(expected).as_posix(): p.read_bytes() for p in expected.rglob("*") if p.is_file()}
    assert sorted(on_disk) == sorted(files), "the set of generated files changed"
    for rel, content in files.items():
        assert on_disk[rel] == content, f"{case.name}/expected/{rel} differs; run `make update-golden` and review"


@pytest.mark.parametrize("case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_golden_code_builds(case: Path) -> None:
    """Each golden's Python imports and round-trips an empty value; its Go vets."""
    import os
    import subprocess
    import sys

    expected = case / "expected"
    expected = expected / "generated"
    env = {**os.environ, "PYTHONPATH": str(expected / "python"), "GOTOOLCHAIN": "local"}
    script = (
        "import sync_protocol as p, dataclasses\n"
        "root = [c for c in vars(p.models).values() if dataclasses.is_dataclass(c)][-1]\n"
        "v = root.from_json(b'{}'); assert root.from_json(v.to_json()) == v; p.validate(v); p.lint(v)\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=case)
    subprocess.run(["go", "vet", "./..."], env=env, check=True, cwd=expected / "go")


def test_nested_findings_point_at_wire_names() -> None:
    """A nested node's finding is rebased onto the list's wire name (kidNodes), not the attribute (kid_nodes)."""
    import os
    import subprocess
    import sys

    python = CASES / "rules_every_predicate" / "expected" / "generated" / "python"
    script = (
        "import sync_protocol as p\n"
        'n = p.Node.from_json(b\'{"shape":"branch","name":"tree","on":true,'
        '"kidNodes":[{"shape":"leaf","name":"a"},{"shape":"branch","on":true}]}\')\n'
        "print([(e.rule, e.pointer) for e in p.validate(n)])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(python)}
    out = subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[('branch-kids', '/kidNodes/1/kidNodes')]"
