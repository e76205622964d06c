"""Hand-written vector cases that a schema change may have made stale, found while `make vectors` re-records.

Go's answers (go_accepts, value, canonical) are recorded from Go, so they follow the schema by
construction. What author.py says by hand does not: an input written to exercise a field, the findings
expected of it. After a change a case can keep passing while it tests something else, so the recorder
compares each new recording with the one it replaces and flags a case when

- its input names a field the previous recording knew and the schema no longer has (Go now skips that
  key: `team "" is omitted` has become a test of an unknown key);
- Go accepted its unchanged input when last recorded and now rejects it, or the reverse (its expected
  findings are no longer checked, or were never written);
- it expects a finding of a rule the schema does not have.

Flags are printed and kept in stale.jsonl beside the vectors, one JSON object per line, until the case's
input or description changes in author.py; delete a line by hand once you have reviewed a case and it
is right as it is. The vectors themselves are written as recorded: a flag never blocks a recording.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from generator import ir


@dataclass(frozen=True, order=True)
class Flag:
    file: str
    description: str
    input_sha256: str  # of the input bytes: the flag lasts while the input does
    reason: str

    def line(self) -> str:
        return f"{self.file}: {self.description}: {self.reason}"


def input_bytes(case: dict[str, Any]) -> bytes:
    import base64

    return case["input"].encode() if "input" in case else base64.b64decode(case["input_base64"])


def digest(case: dict[str, Any]) -> str:
    return hashlib.sha256(input_bytes(case)).hexdigest()


class _Object(list):
    """A JSON object as its (key, value) pairs, duplicates kept: every key an input names counts."""


def _member_keys(document: Any) -> set[str]:
    """Keys of an object and of the objects inside its list members (nested structs such as snapshot items)."""
    if isinstance(document, dict):
        document = _Object(document.items())
    if not isinstance(document, _Object):
        return set()
    keys = {key for key, _ in document}
    for _, value in document:
        if isinstance(value, list) and not isinstance(value, _Object):
            for item in value:
                keys |= _member_keys(item)
    return keys


def known_fields(previous: Iterable[dict[str, Any]]) -> set[str]:
    """Every field the previous recording decoded a value for: the fields of the schema it was made with."""
    return {key for case in previous for key in _member_keys(case.get("value"))}


def _input_keys(case: dict[str, Any]) -> set[str]:
    try:
        return _member_keys(json.loads(input_bytes(case), object_pairs_hook=_Object))
    except (ValueError, RecursionError):
        return set()  # not JSON, or nested past Python's parser (a bad-input case): it names no field


def audit(
    file: str,
    struct: ir.Struct,
    rules: set[str],
    known: set[str],
    previous: list[dict[str, Any]],
    recorded: list[dict[str, Any]],
    expected: dict[str, dict[str, list]],
    nested: Iterable[ir.Struct] = (),
) -> list[Flag]:
    """The flags of one vector file: `previous` and `recorded` are its cases before and after recording,
    `known` the fields the previous recording of any file of this struct knew, `expected` the hand-written
    findings of each case by description, `rules` the schema's rule IDs, `nested` the structs its values
    hold (their fields are named inside the input too)."""
    current = {f.wire_name.lower() for s in (struct, *nested) for f in s.fields}
    gone = {name.lower() for name in known} - current  # Go matches keys case-insensitively: so do we
    before = {c["description"]: c for c in previous}
    flags = []
    for case in recorded:
        reasons = []
        named = sorted(k for k in _input_keys(case) if k.lower() in gone)
        if named:
            reasons.append(f"its input names {', '.join(named)}, which {struct.name} no longer has")
        old = before.get(case["description"])
        if old and input_bytes(old) == input_bytes(case) and old["go_accepts"] != case["go_accepts"]:
            reasons.append(
                "Go rejects it now (it accepted it when last recorded): its expected findings are no longer checked"
                if old["go_accepts"]
                else "Go accepts it now (it rejected it when last recorded): write the findings it should have"
            )
        findings = expected.get(case["description"], {})
        unknown = sorted({f[0] for level in ("errors", "lint") for f in findings.get(level, [])} - rules)
        if unknown:
            reasons.append(f"it expects findings of {', '.join(unknown)}, which the schema does not have")
        flags += [Flag(file, case["description"], digest(case), reason) for reason in reasons]
    return flags


def carried_over(path: Path, recorded: dict[str, list[dict[str, Any]]]) -> list[Flag]:
    """The flags of stale.jsonl whose case still exists with the same input (not yet fixed or reviewed)."""
    if not path.exists():
        return []
    alive = {(file, c["description"], digest(c)) for file, cases in recorded.items() for c in cases}
    flags = [Flag(**json.loads(line)) for line in path.read_text().splitlines() if line.strip()]
    return [f for f in flags if (f.file, f.description, f.input_sha256) in alive]


def write(path: Path, flags: Iterable[Flag]) -> list[Flag]:
    """Write the flags (sorted, one per line; no file when there are none) and return them."""
    unique = sorted(set(flags))
    if unique:
        path.write_text("".join(json.dumps(asdict(f), ensure_ascii=False) + "\n" for f in unique))
    else:
        path.unlink(missing_ok=True)
    return unique


def rule_ids(schema: ir.Schema) -> set[str]:
    return {r.id for r in schema.root_rules} | {r.id for s in schema.structs for r in s.rules}


class Review:
    """What author.py's main calls: `check` each file before it is overwritten, then `finish`."""

    def __init__(self, folder: Path, schema: ir.Schema) -> None:
        self.path = folder / "stale.jsonl"
        self.schema = schema
        self.flags: list[Flag] = []
        self.recorded: dict[str, list[dict[str, Any]]] = {}
        self.known: dict[str, set[str]] = {}  # struct -> fields the previous recording knew, over all its files
        for path in sorted(folder.glob("*.json")):
            document = json.loads(path.read_text())
            if "tests" in document:  # a vector file (vectors.schema.json is not)
                self.known.setdefault(document["struct"], set()).update(known_fields(document["tests"]))

    def check(self, path: Path, struct: str, cases: list[dict[str, Any]], tests: list[dict[str, Any]]) -> None:
        """Call before `path` is overwritten with `tests`, the recording of the hand-written `cases`."""
        previous = json.loads(path.read_text())["tests"] if path.exists() else []
        expected = {c["description"]: c for c in cases}
        known = self.known.get(struct, set())
        self.flags += audit(
            path.name,
            self.schema.struct(struct),
            rule_ids(self.schema),
            known,
            previous,
            tests,
            expected,
            held_structs(self.schema, struct),
        )
        self.recorded[path.name] = tests

    def finish(self) -> list[str]:
        """Write stale.jsonl; the lines to print (none when nothing looks stale)."""
        flags = write(self.path, [*self.flags, *carried_over(self.path, self.recorded)])
        if not flags:
            return []
        return [f"stale? {f.line()}" for f in flags] + [
            f"{len(flags)} hand-written case(s) may be stale: fix them in tests/vectors/author.py and run "
            f"`make vectors` again, or delete their lines from {self.path.name} once reviewed"
        ]


def held_structs(schema: ir.Schema, name: str) -> list[ir.Struct]:
    """The structs a struct's values hold, at any depth: in fields, list elements and map values."""
    found: dict[str, ir.Struct] = {}
    stack = [name]
    while stack:
        for f in schema.struct(stack.pop()).fields:
            for t in (f.type, f.type.item):
                if t is not None and t.kind == ir.Kind.STRUCT and t.ref not in found and t.ref != name:
                    found[t.ref] = schema.struct(t.ref)
                    stack.append(t.ref)
    return list(found.values())
