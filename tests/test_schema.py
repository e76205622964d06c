"""The schema is valid 2020-12, valid in framegen's dialect, and keeps the seed package's contract while it is
at the seed's major version (tests/seed.py says why only then).

Nothing here pins the protocol as it is today: what a legitimate change (a field added, a type added,
a major version that breaks the seed) does is followed, not refused.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.build_ir import build_ir
from generator.diff import compare
from generator.diff.model import Bump
from generator.load import check_dialect, load_schema
from projects import SEED_V1_SCHEMA
from seed import current_ir, require_seed_major, seed_ir
from support import ROOT, SCHEMA

SEED = ROOT / "tests" / "data" / "seed_protocol_doc.txt"  # the hand-written package's documentation, vendored
GO_TYPES = ROOT / "generated" / "go" / "protocol" / "protocol.go"
FIELD_LINE = re.compile(r"^\s*([A-Z][A-Za-z]*)\s+(\[\]Frame|json\.RawMessage|FrameType|string|bool|int)\b\s*(`[^`]*`)?")


def schema() -> dict:
    return json.loads(SCHEMA.read_text())


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_schema_is_valid_in_framegen_dialect() -> None:
    check_dialect(schema(), str(SCHEMA))


def test_annotation_typo_is_an_error_in_the_dialect() -> None:
    doc = schema()
    doc["$defs"]["Frame"]["properties"]["id"]["x-go-nam"] = "ID"
    with pytest.raises(Exception, match="x-go-nam"):
        check_dialect(doc, "schema")


def _struct_fields(text: str, struct: str) -> list[tuple[str, str, str]]:
    """(name, type, tag) of each field of `type <struct> struct { ... }` in Go source or the seed's doc text."""
    body = text.split(f"type {struct} struct {{", 1)[1].split("\n}", 1)[0]
    return [(m[1], m[2], m[3] or "") for line in body.splitlines() if (m := FIELD_LINE.match(line))]


def _kept(seed: list, generated: list) -> list:
    """The generated items that the seed has too, in generated order: the seed's own list if it is kept."""
    return [item for item in generated if item in seed or item[0] in {s[0] for s in seed}]


@pytest.mark.parametrize("struct", ["Frame", "CreateKeyRequest", "CreateKeyResponse"])
def test_generated_structs_keep_the_seeds_fields(struct: str) -> None:
    """Every seed field keeps its Go name, type, json tag and relative order; a 1.x may add fields."""
    require_seed_major()
    seed = _struct_fields(SEED.read_text(), struct)
    generated = _struct_fields(GO_TYPES.read_text(), struct)
    assert seed, f"no fields of {struct} found in the seed"
    assert _kept(seed, generated) == seed


def test_frame_has_the_seeds_21_fields() -> None:
    """The parser above reads the vendored seed documentation whole (it never changes)."""
    assert len(_struct_fields(SEED.read_text(), "Frame")) == 21


def test_frame_type_constants_keep_the_seeds() -> None:
    require_seed_major()
    constant = re.compile(r"(Frame[A-Za-z]+) FrameType = \"([a-z_]+)\"")
    seed = constant.findall(SEED.read_text())
    generated = constant.findall(GO_TYPES.read_text())
    assert len(seed) == 18
    assert _kept(seed, generated) == seed


def test_seed_message_types_keep_their_direction_and_pairs() -> None:
    """Each seed type keeps its kind, sender, receiver and response (read from the frozen seed schema)."""
    require_seed_major()
    current = {v.value: v for v in current_ir().messages.values}
    for v in seed_ir().messages.values:
        assert v.value in current, f"{v.value} was removed"
        now = current[v.value]
        assert (now.kind, now.sender, now.receiver, now.response) == (v.kind, v.sender, v.receiver, v.response)


def test_the_diff_from_the_seed_needs_no_major_version() -> None:
    """What would break the seed's users is what needs a major version: while at the seed's major, the
    diff from the seed must find none of it (it is the check a team runs on every change)."""
    require_seed_major()
    report = compare(seed_ir(), current_ir())
    assert [f"{f.rule} {f.subject}" for f in report.findings if f.bump == Bump.MAJOR] == []


def test_version_and_id_agree() -> None:
    doc = schema()
    major = doc["x-schema-version"].split(".")[0]
    assert f"/v{major}/" in doc["$id"]


def test_generated_code_exposes_version_id_and_digest() -> None:
    import sync_protocol

    schema = current_ir()
    assert (schema.version, schema.id, schema.digest) == (
        sync_protocol.SCHEMA_VERSION,
        sync_protocol.SCHEMA_ID,
        sync_protocol.SCHEMA_DIGEST,
    )
    go = GO_TYPES.read_text()
    for value in (schema.version, schema.id, schema.digest):
        assert f'"{value}"' in go


def _leveled_rules(node: object, path: str = "") -> list[str]:
    """The JSON pointer of every object carrying x-framegen-level; each must name its rule."""
    found = []
    if isinstance(node, dict):
        if "x-framegen-level" in node:
            found.append(path)
            assert "x-framegen-rule" in node, path
        for key, value in node.items():
            found += _leveled_rules(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _leveled_rules(value, f"{path}/{i}")
    return found


def test_every_rule_names_its_level() -> None:
    assert len(_leveled_rules(json.loads(SEED_V1_SCHEMA.read_text()))) == 17  # the walker finds the seed's 17
    levelled = _leveled_rules(schema())
    ir = build_ir(load_schema(SCHEMA, "schema"))
    rules = [*ir.root_rules, *(r for s in ir.structs for r in s.rules)]
    assert sorted(levelled) == sorted(r.pointer for r in rules if r.pointer in levelled)  # none is dropped
    assert len(levelled) == len([r for r in rules if r.pointer.split("/")[-2] != "properties"])


def test_examples_dir_is_complete() -> None:
    """Every message type has a valid example (the docs quote it): a new type comes with one."""
    names = {p.stem for p in (Path(SCHEMA).parent / "examples" / "valid").glob("*.json")}
    for v in current_ir().messages.values:
        assert any(n == v.value or n.startswith(v.value + "_") for n in names), (
            f"no schema/examples/valid/{v.value}.json (or {v.value}_*.json)"
        )
