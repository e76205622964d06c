"""The recorder's stale flags (tests/vectors/stale.py), and the flags it left in stale.jsonl: warned about, so
`make test` shows them while it stays green after a legitimate schema change."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from generator import ir
from vectors import stale
from vectors.stale import Flag, audit, carried_over, digest

VECTORS = Path(__file__).parent
STRUCT = ir.Struct(
    "Msg",
    "",
    tuple(ir.Field(name, "", ir.TypeRef(ir.Kind.STRING), True) for name in ("type", "name", "items")),
)


def case(description: str, data: object, accepts: bool = True, value: dict | None = None) -> dict:
    text = data if isinstance(data, str) else json.dumps(data)
    out = {"description": description, "input": text, "go_accepts": accepts}
    return {**out, "value": value if value is not None else {}} if accepts else out


def reasons(previous: list[dict], recorded: list[dict], expected: dict | None = None, rules=("r",)) -> list[str]:
    known = stale.known_fields(previous)
    return [f.reason for f in audit("m.json", STRUCT, set(rules), known, previous, recorded, expected or {})]


def test_nothing_changed_nothing_flagged() -> None:
    cases = [case("a", {"type": "x", "name": "n"}, value={"type": "x", "name": "n"})]
    assert reasons(cases, cases, {"a": {"errors": [["r", "/name"]], "lint": []}}) == []


def test_an_input_naming_a_removed_field_is_flagged_however_it_names_it() -> None:
    previous = [case("with team", {"type": "x"}, value={"type": "x", "team": "t", "items": [{"role": "r"}]})]
    for data in (
        {"type": "x", "team": ""},  # omitted when empty: the value never showed it in this case
        {"type": "x", "TEAM": "t"},  # Go folds case
        '{"type":"x","items":[{"role":"a"}],"items":[]}',  # a nested item, and a key given twice
    ):
        [reason] = reasons(previous, [case("c", data)])
        assert reason.endswith("which Msg no longer has") and ("team" in reason.lower() or "role" in reason)


def test_a_deliberately_unknown_key_is_not_flagged() -> None:
    previous = [case("p", {"type": "x"}, value={"type": "x"})]
    assert reasons(previous, [case("unknown keys are ignored", {"type": "x", "extra": 1})]) == []


def test_a_flip_of_go_accepts_on_the_same_input_is_flagged() -> None:
    accepted = case("c", {"name": "n"}, value={"name": "n"})
    rejected = case("c", {"name": "n"}, accepts=False)
    assert reasons([accepted], [rejected])[0].startswith("Go rejects it now")
    assert reasons([rejected], [accepted])[0].startswith("Go accepts it now")
    assert reasons([accepted], [case("c", {"name": 1}, accepts=False)]) == []  # the author changed the input


def test_an_expected_rule_the_schema_lacks_is_flagged() -> None:
    cases = [case("c", {"type": "x"}, value={"type": "x"})]
    [reason] = reasons(cases, cases, {"c": {"errors": [["gone-rule", ""]], "lint": []}}, rules=("r",))
    assert reason == "it expects findings of gone-rule, which the schema does not have"


def test_flags_last_while_their_case_and_input_do(tmp_path: Path) -> None:
    kept, changed = case("kept", {"a": 1}), case("changed", {"a": 1})
    flags = [Flag("m.json", c["description"], digest(c), "why") for c in (kept, changed, case("removed", {}))]
    stale.write(tmp_path / "stale.jsonl", flags)
    alive = carried_over(tmp_path / "stale.jsonl", {"m.json": [kept, case("changed", {"a": 2})]})
    assert [f.description for f in alive] == ["kept"]
    assert stale.write(tmp_path / "stale.jsonl", []) == [] and not (tmp_path / "stale.jsonl").exists()


def test_listed_stale_cases_are_warned_about() -> None:
    """Each line of stale.jsonl names a recorded case with that input; `make test` shows it as a warning."""
    path = VECTORS / "stale.jsonl"
    if not path.exists():
        pytest.skip("the last `make vectors` flagged no case")
    for line in path.read_text().splitlines():
        flag = Flag(**json.loads(line))
        cases = json.loads((VECTORS / flag.file).read_text())["tests"]
        assert any(c["description"] == flag.description and digest(c) == flag.input_sha256 for c in cases), line
        warnings.warn(f"conformance vector may be stale: {flag.line()}", stacklevel=1)


def test_a_field_of_a_held_struct_is_not_gone() -> None:
    """Sample.quotas holds Quota: `requests` inside an element is Quota's field, not one Sample lost."""
    quota = ir.Struct("Quota", "", (ir.Field("requests", "", ir.TypeRef(ir.Kind.INT), True),))
    holder = ir.Struct(
        "Sample",
        "",
        (ir.Field("quotas", "", ir.TypeRef(ir.Kind.LIST, item=ir.TypeRef(ir.Kind.STRUCT, ref="Quota")), True),),
    )
    cases = [case("q", {"quotas": [{"requests": 1}]}, value={"quotas": [{"requests": 1}]})]
    known = stale.known_fields(cases)
    assert audit("s.json", holder, set(), known, cases, cases, {}, [quota]) == []
    assert [f.reason for f in audit("s.json", holder, set(), known, cases, cases, {})] == [
        "its input names requests, which Sample no longer has"  # what a removed Quota.requests looks like
    ]
