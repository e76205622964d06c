"""Realistic schema changes a team makes, applied to a copy of the project as it is now: the schema, and the
examples the change makes wrong (a retyped field's values; an example for each new message type, which
the README asks of a new type).

Nothing here names a field or type of today's protocol: each change picks what it edits from the schema
it finds (an optional string field of the root that no rule mentions; a request and response to model a
new pair on), so the loop test keeps working however the protocol evolves. Each scenario says whether
Go's recorded answers can change (then the README's loop includes `make vectors`) and what
`framegen diff --against HEAD` exits with: 0 for an addition with its minor version, 1 for a break.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import ir, semver
from generator.build_ir import build_ir
from generator.load import load_schema
from generator.settings import load_settings


@dataclass(frozen=True)
class Scenario:
    name: str
    edit: Callable[[Path], str]  # applied to the project copy; returns the wire name of the field it changed, or ""
    vectors: bool  # Go's answers on the vector inputs can change: the loop includes `make vectors`
    diff_exit: int  # what `framegen diff --against HEAD` exits with


class Project:
    """The copy's schema as JSON (to edit) and as IR (to choose what to edit), and its examples."""

    def __init__(self, root: Path) -> None:
        settings = load_settings(root / "pyproject.toml")
        self.root = settings.root
        self.path = settings.schema_path
        self.document: dict[str, Any] = json.loads(self.path.read_text())
        self.ir = build_ir(load_schema(self.path))
        self.examples = self.path.parent / "examples"
        self.struct = self.document["$defs"][self.ir.root]

    def save(self, bump: str) -> None:
        major, minor, _ = semver.parse(self.ir.version)
        version = f"{major + 1}.0.0" if bump == "major" else f"{major}.{minor + 1}.0"
        self.document["x-schema-version"] = version
        self.document["$id"] = self.document["$id"].replace(f"/v{major}/", f"/v{semver.major_of(version)}/")
        self.path.write_text(json.dumps(self.document, indent=2, ensure_ascii=False) + "\n")

    def free_string_field(self, index: int, avoid: str = "") -> str:
        """An optional string field of the root that no rule mentions (removing or retyping it breaks no rule)
        and that the text `avoid` does not name."""
        root = self.ir.struct(self.ir.root)
        rules = [*self.ir.root_rules, *(r for s in self.ir.structs for r in s.rules)]
        mentioned = {p.field for r in rules for p in ir.walk(r.when + r.then) if hasattr(p, "field")}
        free = [
            f.wire_name
            for f in root.fields
            if f.type.kind == ir.Kind.STRING and f.omit_empty and not f.annotations and f.wire_name not in mentioned
        ]
        free = [name for name in free if f'\\"{name}\\"' not in avoid]
        assert len(free) > abs(index), f"{self.ir.root} has too few optional string fields no rule mentions"
        return free[index]

    def policy_inputs(self) -> str:
        """The inputs of the vector cases Python rejects by policy (Go accepts them, order-dependently)."""
        cases = [c for p in self.root.glob("tests/vectors/*.json") for c in json.loads(p.read_text()).get("tests", [])]
        return json.dumps([c.get("input", "") for c in cases if c.get("policy", {}).get("python") == "rejects"])

    def example_files(self) -> Iterator[Path]:
        yield from sorted(self.examples.glob("*/*.json"))

    def unused(self, name: str) -> str:
        """`name`, or name2, name3...: a name the schema, the examples and the vectors do not use yet (a test may
        use a name as an unknown field or type)."""
        vectors = self.root.glob("tests/vectors/*.json")
        texts = [json.dumps(self.document), *(p.read_text() for p in (*self.example_files(), *vectors))]
        candidate, n = name, 1
        while any(f'"{candidate}"' in text or f'\\"{candidate}\\"' in text for text in texts):
            n += 1
            candidate = f"{name}{n}"
        return candidate


def _order(project: Project) -> list[str]:
    return project.struct["x-framegen-order"]


def add_optional_field(root: Path) -> str:
    project = Project(root)
    name = project.unused("traceId")
    project.struct["properties"][name] = {"type": "string", "description": "W3C trace id of the operation"}
    _order(project).append(name)
    project.save("minor")
    return name


def remove_field(root: Path) -> str:
    project = Project(root)
    name = project.free_string_field(-1)
    project.struct["properties"].pop(name)
    _order(project).remove(name)
    project.save("major")
    return name


def rename_field(root: Path) -> str:
    project = Project(root)
    name = project.free_string_field(-2)
    new = project.unused(f"{name}Renamed")
    project.struct["properties"][new] = project.struct["properties"].pop(name)
    _order(project)[_order(project).index(name)] = new
    project.save("major")
    return name


def retype_field(root: Path) -> str:
    """A string field becomes an integer; examples that carry it get an integer (they must still decode).

    Not a field the policy cases use: they must be inputs Go accepts, and a retype makes Go reject their
    string values, which the suite rightly reports; a team retyping such a field rewrites those cases."""
    project = Project(root)
    name = project.free_string_field(0, avoid=project.policy_inputs())
    project.struct["properties"][name].update(type="integer", description=f"{name}, now a number")
    project.save("major")
    for path in project.example_files():
        frame = json.loads(path.read_text())
        items = [frame, *(i for v in frame.values() if isinstance(v, list) for i in v if isinstance(i, dict))]
        for item in (item for item in items if name in item):
            item[name] = len(str(item[name]))
            path.write_text(json.dumps(frame, indent=2, ensure_ascii=False) + "\n")
    return name


def _valid_example(project: Project, value: str) -> dict[str, Any]:
    """The valid example of a message type (valid/<type>.json, or the first valid/<type>_*.json)."""
    exact = project.examples / "valid" / f"{value}.json"
    path = exact if exact.exists() else min(project.examples.glob(f"valid/{value}_*.json"))
    return json.loads(path.read_text())


def add_request_response_pair(root: Path) -> str:
    """A new request and its response, modelled on an existing pair: the same parties, the same kind rules
    (x-framegen-for-kind lists every type of its kind), and examples copied from the model's."""
    project = Project(root)
    table = project.ir.messages
    model = table.value(table.of_kind("request")[0])
    request = project.unused(f"{model.value}_again")
    response = project.unused(f"{request}_resp")
    enum = project.document["$defs"][table.enum]
    enum["enum"] += [request, response]
    meta = enum["x-framegen-values"]
    meta[request] = {**meta[model.value], "response": response, "description": f"Like {model.value}, once more."}
    meta[response] = {**meta[model.response], "description": f"Result of a {request} request."}
    for rule in _rules_for_kind(project.document):
        added = request if rule["x-framegen-for-kind"] == "request" else response
        if rule["x-framegen-for-kind"] in ("request", "response"):
            rule["if"]["properties"][table.field]["enum"].append(added)
    project.save("minor")
    for value, like in ((request, model.value), (response, model.response)):
        frame = {**_valid_example(project, like), table.field: value}
        (project.examples / "valid" / f"{value}.json").write_text(json.dumps(frame, indent=2) + "\n")
    return ""


def _rules_for_kind(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "x-framegen-for-kind" in node:
            yield node
        for value in node.values():
            yield from _rules_for_kind(value)
    elif isinstance(node, list):
        for value in node:
            yield from _rules_for_kind(value)


SCENARIOS = (
    Scenario("add an optional field", add_optional_field, vectors=False, diff_exit=0),
    Scenario("remove a field", remove_field, vectors=True, diff_exit=1),
    Scenario("rename a field", rename_field, vectors=True, diff_exit=1),
    Scenario("change a field's type", retype_field, vectors=True, diff_exit=1),
    Scenario("add a request/response pair", add_request_response_pair, vectors=False, diff_exit=0),
)
