"""The toolkit's own speed: load + IR, generating every target, and the schema diff, at 1x and 10x.

`python bench/toolkit.py` prints one line per measurement (best of ROUNDS, wall clock). The 10x schema
adds ten times the real one's fields, frame types and rules to Frame; the diff removes one field of it.
A measurement, not a test: nothing here is asserted (tests/diff/test_rules.py checks the 10x diff's
findings).
"""

from __future__ import annotations

import copy
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.build_ir import build_ir  # noqa: E402
from generator.diff import compare  # noqa: E402
from generator.load import load_text  # noqa: E402
from generator.pipeline import render_all  # noqa: E402
from generator.settings import Settings, load_settings  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SCHEMA = ROOT / "schema" / "sync-protocol.schema.json"


def scaled(document: dict, factor: int) -> dict:
    """The schema with (factor - 1) x its Frame fields, frame types and rules added, and a scratch field."""
    d = copy.deepcopy(document)
    frame, types = d["$defs"]["Frame"], d["$defs"]["FrameType"]
    fields, values, rules = len(frame["properties"]), len(types["enum"]), len(frame["allOf"])
    for i in range((factor - 1) * fields):
        frame["properties"][f"extra{i}"] = {"type": "string", "description": f"field {i}"}
        frame["x-framegen-order"].append(f"extra{i}")
    frame["properties"]["scratch"] = {"type": "string", "description": "the field without_a_field removes"}
    frame["x-framegen-order"].append("scratch")
    for i in range((factor - 1) * values):
        types["enum"].append(f"type_{i}")
        push = {"kind": "push", "from": "ws-proxy", "to": "worker", "description": "x"}
        types["x-framegen-values"][f"type_{i}"] = push
    pushes = types["enum"][values:]
    for rule in (r for definition in d["$defs"].values() for r in definition.get("allOf", [])):
        if rule.get("x-framegen-for-kind") == "push":  # a rule for every push lists every push
            rule["if"]["properties"]["type"]["enum"] += pushes
    for i in range((factor - 1) * rules):
        frame["allOf"].append(
            {
                "x-framegen-rule": f"extra-{i}",
                "x-framegen-level": "error",
                "description": "x",
                "if": {"required": ["type"], "properties": {"type": {"const": f"type_{i % ((factor - 1) * values)}"}}},
                "then": {"required": [f"extra{i % ((factor - 1) * fields)}"]},
            }
        )
    return d


def without_a_field(document: dict) -> dict:
    """The schema without Frame's last field, added by scaled() for this: no rule reads it."""
    d = copy.deepcopy(document)
    frame = d["$defs"]["Frame"]
    del frame["properties"][frame["x-framegen-order"].pop()]
    return d


def best(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    settings = load_settings(ROOT / "pyproject.toml")
    real = json.loads(SCHEMA.read_text())
    print(f"toolkit (best of {ROUNDS})")
    for factor in (1, 10):
        measure(settings, scaled(real, factor), factor)


def measure(settings: Settings, before: dict, factor: int) -> None:
    text = json.dumps(before)
    ir_before = build_ir(load_text(text, "schema.json", dialect=False), check_version=False)
    ir_after = build_ir(
        load_text(json.dumps(without_a_field(before)), "schema.json", dialect=False), check_version=False
    )
    frame = ir_before.struct("Frame")
    label = f"{factor:>2}x ({len(frame.fields)} fields, {len(frame.rules)} rules)"
    load = best(lambda: build_ir(load_text(text, "schema.json"), check_version=False))
    print(f"{label:<32} load + check + IR      {load * 1000:8.1f} ms")
    render = best(lambda: render_all(settings, ir_before))
    print(f"{label:<32} render every target    {render * 1000:8.1f} ms")
    diff = best(lambda: compare(ir_before, ir_after))
    print(f"{label:<32} diff (one field gone)  {diff * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
