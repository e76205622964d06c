"""Read a schema file and check it against JSON Schema 2020-12 and framegen's dialect."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema_specifications import REGISTRY as SPECIFICATIONS

from generator.errors import SchemaError, pointer_join

META_SCHEMA_PATH = Path(__file__).parent / "metaschema" / "framegen.schema.json"


@dataclass(frozen=True, slots=True)
class LoadedSchema:
    source: str
    document: dict[str, Any]
    digest: str


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


class _NotJSON(ValueError):
    """NaN, Infinity or -Infinity: Python's json reads them, JSON has no such numbers."""


def _reject_constant(name: str) -> Any:
    raise _NotJSON(name)


def parse_json(text: str, source: str) -> Any:
    """Parse JSON text; a syntax error names the line and column."""
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant)
    except _NotJSON as exc:
        raise SchemaError(
            "",
            f"not valid JSON: {exc} is not a JSON number",
            "write a finite number (JSON has no NaN or Infinity)",
            source,
        ) from None
    except json.JSONDecodeError as exc:
        raise SchemaError(
            "",
            f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            "fix the JSON syntax (a trailing comma or a missing quote is the usual cause)",
            source,
        ) from None
    except ValueError as exc:
        raise SchemaError("", f"not valid JSON: {exc}", "an object may name each key once", source) from None


def canonical_digest(document: Any) -> str:
    """sha256 of the canonical JSON form: key order and whitespace do not change it."""
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def meta_schema() -> dict[str, Any]:
    """framegen's dialect: the core keywords of metaschema/framegen.schema.json plus every annotation
    the targets declare (each with the JSON Schema of its value)."""
    from generator.targets import annotations  # the registry; load.py itself knows no target

    meta = json.loads(META_SCHEMA_PATH.read_text())
    values = meta["properties"]["x-framegen-values"]["additionalProperties"]["properties"]
    for a in annotations():
        meta["propertyNames"]["then"]["enum"].append(a.keyword)
        meta["properties"][a.keyword] = {"description": a.description, **a.schema}
        if "value" in a.places:
            values[a.keyword] = {"description": a.description, **a.schema}
    return meta


def _meta_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(meta_schema(), registry=SPECIFICATIONS)


def check_dialect(document: Any, source: str) -> None:
    """Validate against 2020-12 plus framegen's keywords; report the deepest error first, in words."""
    error = jsonschema.exceptions.best_match(_meta_validator().iter_errors(document))
    if error is None:
        return
    pointer = pointer_join("", *error.absolute_path)
    for explain in (_unknown_annotation, _unexpected_key, _listed_twice, _not_a_version):
        said = explain(error)
        if said:
            raise SchemaError(pointer, *said, source)
    said = error.schema.get("description") if isinstance(error.schema, dict) else None
    hint = f"{error.absolute_path[-1]}: {said}" if said and error.absolute_path else ""
    raise SchemaError(pointer, error.message, hint or f"framegen's keywords are declared in {META_SCHEMA_PATH}", source)


def _unknown_annotation(error: jsonschema.ValidationError) -> tuple[str, str] | None:
    """An x- keyword framegen does not know: a typo, most often; name the keyword it is closest to."""
    if error.validator != "enum" or not (isinstance(error.instance, str) and error.instance.startswith("x-")):
        return None
    known = [k for k in error.validator_value if isinstance(k, str)]
    return f"unknown annotation {error.instance!r}", _closest(error.instance, sorted(known), "framegen's annotations")


def _unexpected_key(error: jsonschema.ValidationError) -> tuple[str, str] | None:
    """A key an object of framegen's (an x-framegen-values entry, a party) does not take: a typo, most often."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return None
    known = list(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
    extra = next((k for k in error.instance if k not in known), None)
    if extra is None:
        return None
    return f"unknown key {extra!r}", _closest(extra, known, "keys allowed here")


def _closest(word: str, known: list[str], listed_as: str) -> str:
    """A typo's hint: the known word it is closest to, or all of them."""
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
    return f"did you mean {close[0]!r}?" if close else f"{listed_as}: " + ", ".join(known)


def _listed_twice(error: jsonschema.ValidationError) -> tuple[str, str] | None:
    if error.validator != "uniqueItems" or not isinstance(error.instance, list):
        return None
    seen: list[Any] = []
    for item in error.instance:
        if item in seen:
            return f"{json.dumps(item)} is listed more than once", "list each name once"
        seen.append(item)
    return None


def _not_a_version(error: jsonschema.ValidationError) -> tuple[str, str] | None:
    if error.validator != "pattern" or list(error.absolute_path) != ["x-schema-version"]:
        return None
    hint = "write the full semantic version, MAJOR.MINOR.PATCH with no leading zeros"
    if isinstance(error.instance, str) and re.fullmatch(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)", error.instance):
        hint = f"write {error.instance + '.0'!r}"
    if isinstance(error.instance, str) and re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+[-+].*", error.instance):
        hint = "framegen versions a schema by MAJOR.MINOR.PATCH alone: no pre-release or build part"
    return f"{json.dumps(error.instance)} is not a MAJOR.MINOR.PATCH version", hint


def load_schema(path: Path, source: str | None = None) -> LoadedSchema:
    """Read, parse and check a schema file; every failure is a SchemaError."""
    source = source or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError("", f"cannot read the schema: {exc}", "check the path in [tool.framegen]", source) from None
    return load_text(text, source)


def load_text(text: str, source: str, dialect: bool = True) -> LoadedSchema:
    """Parse and check schema text; dialect=False skips the meta-schema pass (the IR builder still
    refuses every keyword it does not support), for `framegen diff`, which compares committed schemas."""
    document = parse_json(text, source)
    if not isinstance(document, dict):
        raise SchemaError("", "a schema must be a JSON object", "start the file with '{'", source)
    if dialect:
        check_dialect(document, source)
    return LoadedSchema(source=source, document=document, digest=canonical_digest(document))
