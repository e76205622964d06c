"""The schema is valid 2020-12, valid in framegen's dialect, and says what the seed package says."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.build_ir import build_ir
from generator.load import check_dialect, load_schema
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


@pytest.mark.parametrize("struct", ["Frame", "CreateKeyRequest", "CreateKeyResponse"])
def test_generated_structs_match_the_seed(struct: str) -> None:
    """Go names, field types, json tags and order are the seed's, field for field."""
    seed = _struct_fields(SEED.read_text(), struct)
    generated = _struct_fields(GO_TYPES.read_text(), struct)
    assert seed, f"no fields of {struct} found in the seed"
    assert generated == seed


def test_frame_has_the_seeds_21_fields() -> None:
    assert len(_struct_fields(SEED.read_text(), "Frame")) == 21


def test_frame_type_constants_match_the_seed() -> None:
    constant = re.compile(r"(Frame[A-Za-z]+) FrameType = \"([a-z_]+)\"")
    seed = constant.findall(SEED.read_text())
    generated = constant.findall(GO_TYPES.read_text())
    assert len(seed) == 18
    assert generated == seed


def test_directions_and_pairs() -> None:
    ir = build_ir(load_schema(SCHEMA, "schema"))
    values = {v.value: v for v in ir.enum("FrameType").values}
    pairs = {v.value: v.response for v in values.values() if v.kind == "request"}
    assert pairs == {
        "key_create": "key_create_resp",
        "key_delete": "key_delete_resp",
        "template_create": "template_create_resp",
        "template_update": "template_update_resp",
        "template_delete": "template_delete_resp",
    }
    for v in values.values():
        expected = ("worker", "ws-proxy") if v.kind == "request" else ("ws-proxy", "worker")
        assert (v.sender, v.receiver) == expected, v.value
    assert sorted(v.value for v in values.values() if v.kind == "push") == sorted(
        [
            "key_sync",
            "key_delete_sync",
            "key_snapshot",
            "template_snapshot",
            "template_sync",
            "template_delete_sync",
            "cluster_config_snapshot",
            "cluster_config_sync",
        ]
    )


def test_version_and_id_agree() -> None:
    doc = schema()
    major = doc["x-schema-version"].split(".")[0]
    assert f"/v{major}/" in doc["$id"]


def test_generated_code_exposes_version_id_and_digest() -> None:
    import sync_protocol

    ir = build_ir(load_schema(SCHEMA, "schema"))
    assert (
        ir.version,
        ir.id,
        ir.digest,
    ) == (sync_protocol.SCHEMA_VERSION, sync_protocol.SCHEMA_ID, sync_protocol.SCHEMA_DIGEST)
    go = GO_TYPES.read_text()
    for value in (ir.version, ir.id, ir.digest):
        assert f'"{value}"' in go


def test_every_rule_names_its_level() -> None:
    def walk(node: object, path: str) -> list[str]:
        found = []
        if isinstance(node, dict):
            if "x-framegen-level" in node:
                found.append(path)
                assert "x-framegen-rule" in node, path
            for key, value in node.items():
                found += walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                found += walk(value, f"{path}/{i}")
        return found

    levelled = walk(schema(), "")
    ir = build_ir(load_schema(SCHEMA, "schema"))
    rules = [*ir.root_rules, *(r for s in ir.structs for r in s.rules)]
    assert sorted(levelled) == sorted(r.pointer for r in rules if r.pointer in levelled)  # none is dropped
    assert len(levelled) == len([r for r in rules if r.pointer.split("/")[-2] != "properties"])


def test_examples_dir_is_complete() -> None:
    names = {p.stem for p in (Path(SCHEMA).parent / "examples" / "valid").glob("*.json")}
    for frame_type in json.loads(SCHEMA.read_text())["$defs"]["FrameType"]["enum"]:
        assert any(n == frame_type or n.startswith(frame_type + "_") for n in names), frame_type
