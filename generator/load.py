"""Read a schema file and check it against JSON Schema 2020-12 and framegen's dialect."""

from __future__ import annotations

import hashlib
import json
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
    """Validate against 2020-12 plus framegen's keywords; report the deepest error first."""
    error = jsonschema.exceptions.best_match(_meta_validator().iter_errors(document))
    if error is None:
        return
    pointer = pointer_join("", *error.absolute_path)
    hint = "see generator/metaschema/framegen.schema.json for framegen's keywords"
    if error.validator == "enum" and isinstance(error.instance, str) and error.instance.startswith("x-"):
        hint = f"unknown annotation {error.instance!r}; known: " + ", ".join(error.validator_value)
    raise SchemaError(pointer, error.message, hint, source)


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
