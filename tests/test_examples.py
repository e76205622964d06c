"""Every example frame: the generated validator gives the expected findings, and agrees with jsonschema."""

from __future__ import annotations

import ast
import base64
import functools
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

import sync_protocol
from conformance.runner import load_vectors
from generator.targets.python_regex import translate
from support import EXAMPLES, SCHEMA, deep_recursion, example_files, expected_findings, findings


@functools.cache
def _re2(pattern: str) -> re.Pattern[str]:
    return re.compile(translate(pattern))


def _re2_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    """jsonschema's `pattern` keyword with the schema's RE2 meaning: the library applies Python's re to
    the pattern as written, where `$` also matches before a final newline and `\\d` matches any Unicode
    digit. Every pattern the generator accepts has a translation, so none goes unchecked."""
    if validator.is_type(instance, "string") and _re2(pattern).search(instance) is None:
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


RE2Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _re2_pattern})
DOCUMENT = json.loads(SCHEMA.read_text())
ERRORS = RE2Validator(DOCUMENT)
STRICT = RE2Validator(
    {"$ref": DOCUMENT["$id"] + "#/$defs/StrictFrame"},
    registry=Registry().with_resource(DOCUMENT["$id"], Resource.from_contents(DOCUMENT)),
)


def _rule_index(node: Any, rule: str | None = None, index: dict[int, str] | None = None) -> dict[int, str]:
    """id() of every subschema -> the x-framegen-rule of the innermost rule around it."""
    index = {} if index is None else index
    if isinstance(node, dict):
        rule = node.get("x-framegen-rule", rule)
        if rule:
            index[id(node)] = rule
        for value in node.values():
            _rule_index(value, rule, index)
    elif isinstance(node, list):
        for value in node:
            _rule_index(value, rule, index)
    return index


RULES = _rule_index(DOCUMENT)


def _rule_of(error: jsonschema.ValidationError, root: Any) -> str | None:
    return RULES.get(id(error.schema))


def jsonschema_findings(validator: jsonschema.Draft202012Validator, instance: Any, root: Any) -> list[tuple[str, str]]:
    """(rule, pointer) of every standard-validator error, pointing at the member at fault as framegen does."""
    out = []
    for error in validator.iter_errors(instance):
        pointer = "".join(f"/{p}" for p in error.absolute_path)
        if error.validator == "required":  # one error per missing name, named in the message
            pointer += "/" + ast.literal_eval(error.message.removesuffix(" is a required property"))
        elif error.validator == "not" and "required" in error.validator_value:
            pointer += "/" + error.validator_value["required"][0]
        out.append((_rule_of(error, root), pointer))
    return out


def _content_rules() -> dict[str, tuple[str, type]]:
    """Raw field -> (rule, generated class) for each raw field whose content a rule declares (Conforms)."""
    from generator import ir
    from generator.build_ir import build_ir
    from generator.load import load_schema

    schema = build_ir(load_schema(SCHEMA, "schema"))
    rules = [r for s in schema.structs for r in s.rules]
    return {
        p.field: (r.id, getattr(sync_protocol, p.struct))
        for r in rules
        for p in ir.walk(r.then)
        if isinstance(p, ir.Conforms)
    }


CONTENT = _content_rules()


def _canonical_content(frame: dict, raw: dict, pointer: str, undecodable: dict[str, str]) -> None:
    """Replace each raw value with declared content by the canonical encoding of that content, when it is an
    object that decodes: the generated validators check content as it decodes, frames as they encode.

    `raw` is the same frame from to_dict, whose raw fields keep their bytes (json.loads would read 1e400
    as inf, which json.dumps cannot give back as Go reads it)."""
    for field, (rule, cls) in CONTENT.items():
        if field not in frame:
            continue
        try:  # an object, or null (json.Unmarshal of null into a struct leaves its zero value)
            if not isinstance(frame[field], dict | None):
                raise sync_protocol.DecodeError("not an object")
            frame[field] = json.loads(cls.from_json(raw[field].data).to_json())
        except sync_protocol.DecodeError:
            undecodable[f"{pointer}/{field}"] = rule
    for i, item in enumerate(frame.get("items") or []):
        _canonical_content(item, raw["items"][i], f"{pointer}/items/{i}", undecodable)


def standard(frame: sync_protocol.Frame) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """jsonschema's findings on the frame's canonical encoding: (errors, lint).

    The lint level sees raw content canonicalised (see _canonical_content); where content does not
    decode, the generated validators report the one rule that declares it, at the raw field, while
    jsonschema reports what it finds inside: those findings are folded into that one.
    """
    instance = json.loads(frame.to_json())  # JSON values: to_dict keeps raw fields as RawJSON
    errors = jsonschema_findings(ERRORS, instance, DOCUMENT)
    undecodable: dict[str, str] = {}
    _canonical_content(instance, frame.to_dict(), "", undecodable)
    strict = []
    for rule, pointer in jsonschema_findings(STRICT, instance, STRICT.schema):
        inside = next((f for f in undecodable if pointer == f or pointer.startswith(f + "/")), None)
        if inside is not None and (rule, pointer) not in errors:
            rule, pointer = undecodable[inside], inside
        if (rule, pointer) not in strict:
            strict.append((rule, pointer))
    return errors, [f for f in strict if f not in errors]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_example_findings(path: Path) -> None:
    frame = sync_protocol.Frame.from_json(path.read_bytes())
    expected = expected_findings(path)
    assert findings(sync_protocol.validate(frame)) == expected["errors"]
    assert findings(sync_protocol.lint(frame)) == expected["lint"]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_example_agrees_with_jsonschema(path: Path) -> None:
    frame = sync_protocol.Frame.from_json(path.read_bytes())
    errors, lint = standard(frame)
    assert sorted(errors) == sorted(findings(sync_protocol.validate(frame)))
    assert sorted(lint) == sorted(findings(sync_protocol.lint(frame)))


def _python_reads(case: dict) -> bool:
    """Whether json.loads reads the canonical text (to_dict, and so jsonschema, needs it): not a
    number past Python's int() digit limit."""
    try:
        with deep_recursion():
            json.loads(case.get("canonical") or base64.b64decode(case["canonical_base64"]))
    except ValueError:
        return False
    return True


VECTOR_FRAMES = [
    (vector_id, case)
    for vector_id, struct, case in load_vectors()
    if struct == "Frame" and case["go_accepts"] and case.get("policy", {}).get("python") != "rejects"
    if _python_reads(case)
]


@pytest.mark.parametrize(("vector_id", "case"), VECTOR_FRAMES, ids=[v for v, _ in VECTOR_FRAMES])
def test_vector_findings_agree_with_jsonschema(vector_id: str, case: dict) -> None:
    """The hand-written findings of every accepted vector, from a standard validator on the schema."""
    data = case["input"].encode() if "input" in case else base64.b64decode(case["input_base64"])
    with deep_recursion():
        errors, lint = standard(sync_protocol.Frame.from_json(data))
    assert sorted(errors) == sorted(map(tuple, case["errors"]))
    assert sorted(lint) == sorted(map(tuple, case["lint"]))


def test_every_expectation_names_an_existing_example() -> None:
    data = json.loads((EXAMPLES / "expectations.json").read_text())
    for rel in data:
        if rel != "description":
            assert (EXAMPLES / rel).exists(), rel


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_example_round_trips(path: Path) -> None:
    frame = sync_protocol.Frame.from_json(path.read_bytes())
    encoded = frame.to_json()
    again = sync_protocol.Frame.from_json(encoded)
    assert again.to_json() == encoded
    assert again == sync_protocol.Frame.from_json(encoded)
