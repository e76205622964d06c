"""Schema evolution with the new field types: six edits of the real schema, each carried through end to end.

For each edit (issue 11: add `scopes`, a string list; `quota`, a nested struct; `labels`, a string map;
`ratio`, a number; `keyRole`, a field of a new enum with its membership rule; and make `httpStatus`
nullable) a scratch copy of the protocol's schema as frozen at 1.0.0 (tests/projects/seed_v1) is edited,
its version set to what `framegen diff` asks for, and every target rendered into a temporary project.
The generated Go package must build and vet; a small Go program, built once per edit against it, decodes
a batch of frames with json.Unmarshal into protocol.Frame and answers json.Marshal's bytes and the
findings of Validate() and Lint(). Python's Frame.from_json(x).to_json() (the fast path) and the exact
decoder and encoder must give the same acceptance, the same bytes and the same findings, for frames
holding the new field with typical values, zero values, null, absent, boundaries, and nested in snapshot
items.

Each edit also pins a few canonical encodings by hand: if the field were dropped as an unknown key by
both sides, the two languages would still agree, and only these catch it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from roundtrip import build_program, go, go_answers, imported

from generator import semver
from generator.build_ir import build_ir
from generator.diff import compare
from generator.diff.model import BREAKING, Bump, Report
from generator.errors import SchemaError
from generator.load import load_text
from generator.pipeline import render_all
from generator.settings import Settings
from generator.write import write_files
from projects import SEED_V1_SCHEMA
from support import go_available

pytestmark = pytest.mark.slow

# The protocol as frozen at 1.0.0 (tests/projects/seed_v1), not schema/: when the protocol itself grows
# a `scopes` or a `quota`, these edits still have a schema without them to add them to.
ORIGINAL = json.loads(SEED_V1_SCHEMA.read_text())
MAJOR, MINOR, _ = semver.parse(ORIGINAL["x-schema-version"])


def add_field(wire: str, node: dict[str, Any], **definitions: dict[str, Any]) -> Callable[[dict], None]:
    """An optional field appended to Frame (last on the wire), with any $defs it needs."""

    def change(d: dict) -> None:
        d["$defs"]["Frame"]["properties"][wire] = node
        d["$defs"]["Frame"]["x-framegen-order"].append(wire)
        d["$defs"].update(definitions)

    return change


def make_nullable(wire: str) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        prop = d["$defs"]["Frame"]["properties"][wire]
        prop["type"] = [prop["type"], "null"]

    return change


FAILURE = {"name": "HTTPError", "success": "ok", "message": "error", "status": "httpStatus", "description": "d"}


def make_status_nullable(d: dict) -> None:
    """httpStatus nullable (1.0.0 has no failure model, which would refuse a nullable status:
    test_a_nullable_status_field_is_refused_while_the_failure_model_reads_it)."""
    make_nullable("httpStatus")(d)


QUOTA = {
    "type": "object",
    "description": "Quota is a key's rate limit: requests per window.",
    "x-framegen-order": ["requests", "windowSeconds"],
    "required": ["requests"],
    "properties": {
        "requests": {"type": "integer", "format": "int64", "description": "requests allowed per window"},
        "windowSeconds": {"type": "integer", "format": "int32", "description": "length of the window"},
    },
}
KEY_ROLE = {"type": "string", "description": "KeyRole is the role a key grants.", "enum": ["admin", "tenant"]}

# Values of the new field, as JSON text (spellings matter), each sent at the top level and inside a
# snapshot item. Some are rejected by Go's decoder: Python must reject them too.
STRINGS = ['"a"', '""', '"<a>&\\u2028"', '"\\u00e9t\\u00e9 \U0001f680"', '"\\ud800"', '"\\u0061"']
VALUES: dict[str, list[str]] = {
    "scopes": [
        "[]",
        '["read"]',
        '["write","read"]',
        "null",
        '[""]',
        '["read",null]',
        '["<a>&\\u2028", "\\u00e9", "\\ud800"]',
        "[" + ",".join(f'"s{i}"' for i in range(300)) + "]",
        '[ "x" ,\n"y" ]'.replace("\n", " "),
        "[1]",
        '"read"',
        "{}",
        "[[]]",
    ],
    "quota": [
        '{"requests":1}',
        '{"requests":100,"windowSeconds":60}',
        "{}",
        "null",
        '{"requests":null,"windowSeconds":null}',
        '{"requests":0,"windowSeconds":0}',
        '{"requests":-0}',
        '{"requests":9223372036854775807,"windowSeconds":2147483647}',
        '{"requests":-9223372036854775808,"windowSeconds":-2147483648}',
        '{"windowSeconds":2147483648}',
        '{"requests":9223372036854775808}',
        '{"requests":1.5}',
        '{"requests":1e2}',
        '{"REQUESTS":3,"windowseconds":4}',
        '{"requests":2,"extra":{"a":[1,null]}}',
        '"quota"',
        "[]",
    ],
    "labels": [
        "{}",
        '{"b":"1","a":"2"}',
        '{"a":"1","B":"2","_":"3","1":"4","":"5","~":"6"}',
        '{"\\u00e9":"x","<a>":"y","z":"\\u2028","\U0001f680":"rocket","e\\u0301":"combining"}',
        "null",
        '{"a":null}',
        '{"k\\u00e9":"escaped key","x":"<b>&amp;"}',
        '{"\\ud800":"lone surrogate key"}',
        "{" + ",".join(f'"k{(i * 37) % 101}":"{i}"' for i in range(101)) + "}",
        '{"a":1}',
        '{"a":{}}',
        "[]",
        '"labels"',
    ],
    "ratio": [
        "0",
        "-0",
        "0.0",
        "-0.0",
        "1",
        "1.5",
        "-1.5",
        "0.1",
        "0.30000000000000004",
        "1e20",
        "1e21",
        "100000000000000000000",
        "123456789012345678901234567890",
        "1e-6",
        "1e-7",
        "0.000001",
        "1E+2",
        "2.5e-8",
        "1.7976931348623157e308",
        "5e-324",
        "2.2250738585072014e-308",
        "9007199254740993",
        "1e-400",
        "null",
        "1e309",
        "-1e309",
        '"1"',
        "true",
    ],
    "keyRole": ['"admin"', '"tenant"', '""', "null", '"root"', '"ADMIN"', '"admin "', '"\\u0061dmin"', "1", "[]"],
    "httpStatus": [
        "0",
        "-0",
        "null",
        "200",
        "-1",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "1.0",
        '"200"',
    ],
}


@dataclass(frozen=True)
class Edit:
    change: Callable[[dict], None]
    field: str  # wire name of the new (or changed) field
    go_decl: str  # the Go struct field the edit must produce, as gofmt writes it but for alignment
    pinned: dict[str, str]  # input -> the canonical bytes Go writes (checked against Go and Python)
    frame: str = '{"type":"key_sync","tokenHash":"h",@}'  # how a value is sent at the top level (@: the member)
    findings: dict[str, list[tuple[str, str]]] = dataclass_field(default_factory=dict)  # frame -> error findings


EDITS: dict[str, Edit] = {
    "scopes (string list)": Edit(
        add_field("scopes", {"type": "array", "items": {"type": "string"}, "description": "scopes the key grants"}),
        "scopes",
        'Scopes []string `json:"scopes,omitempty"`',
        {
            '{"type":"key_sync","scopes":["b","<a>"]}': '{"type":"key_sync","scopes":["b","\\u003ca\\u003e"]}',
            '{"type":"key_sync","scopes":[]}': '{"type":"key_sync"}',
            '{"type":"key_sync","scopes":["a",null]}': '{"type":"key_sync","scopes":["a",""]}',
        },
    ),
    "quota (nested struct)": Edit(
        add_field("quota", {"$ref": "#/$defs/Quota", "description": "the key's rate limit"}, Quota=QUOTA),
        "quota",
        'Quota *Quota `json:"quota,omitempty"`',
        {
            '{"type":"key_sync","quota":{"windowSeconds":5}}': (
                '{"type":"key_sync","quota":{"requests":0,"windowSeconds":5}}'
            ),
            '{"type":"key_sync","quota":{}}': '{"type":"key_sync","quota":{"requests":0}}',
            '{"type":"key_sync","quota":null}': '{"type":"key_sync"}',
        },
    ),
    "labels (string map)": Edit(
        add_field(
            "labels",
            {"type": "object", "additionalProperties": {"type": "string"}, "description": "labels of the key"},
        ),
        "labels",
        'Labels map[string]string `json:"labels,omitempty"`',
        {
            '{"type":"key_sync","labels":{"b":"1","a":"<"}}': '{"type":"key_sync","labels":{"a":"\\u003c","b":"1"}}',
            '{"type":"key_sync","labels":{"a":null}}': '{"type":"key_sync","labels":{"a":""}}',
            '{"type":"key_sync","labels":{}}': '{"type":"key_sync"}',
        },
    ),
    "ratio (number)": Edit(
        add_field("ratio", {"type": "number", "description": "share of the team's quota"}),
        "ratio",
        'Ratio float64 `json:"ratio,omitempty"`',
        {
            '{"type":"key_sync","ratio":1e21}': '{"type":"key_sync","ratio":1e+21}',
            '{"type":"key_sync","ratio":1e-7}': '{"type":"key_sync","ratio":1e-7}',
            '{"type":"key_sync","ratio":100000000000000000000}': '{"type":"key_sync","ratio":100000000000000000000}',
            '{"type":"key_sync","ratio":-0}': '{"type":"key_sync"}',
        },
    ),
    "keyRole (enum field with its rule)": Edit(
        add_field(
            "keyRole",
            {"$ref": "#/$defs/KeyRole", "x-framegen-rule": "key-role-known", "description": "the role the key grants"},
            KeyRole=KEY_ROLE,
        ),
        "keyRole",
        'KeyRole KeyRole `json:"keyRole,omitempty"`',
        {
            '{"type":"key_sync","keyRole":"tenant"}': '{"type":"key_sync","keyRole":"tenant"}',
            '{"type":"key_sync","keyRole":"root"}': '{"type":"key_sync","keyRole":"root"}',
        },
        findings={
            '{"type":"key_sync","tokenHash":"h","keyRole":"tenant"}': [],
            '{"type":"key_sync","tokenHash":"h","keyRole":"root"}': [("key-role-known", "/keyRole")],
            '{"type":"key_snapshot","items":[{"type":"","tokenHash":"h1","keyRole":"ADMIN"},{"tokenHash":"h2"}]}': [
                ("key-role-known", "/items/0/keyRole")
            ],
        },
    ),
    "httpStatus made nullable": Edit(
        make_status_nullable,
        "httpStatus",
        'HTTPStatus *int `json:"httpStatus,omitempty"`',
        {
            '{"type":"key_delete_resp","httpStatus":0}': '{"type":"key_delete_resp","httpStatus":0}',
            '{"type":"key_delete_resp","httpStatus":null}': '{"type":"key_delete_resp"}',
        },
        frame='{"id":"r1","type":"key_create_resp","error":"boom",@}',
        findings={  # 0 is now a value of its own: present, so the error response carries its status
            '{"id":"r1","type":"key_create_resp","error":"boom","httpStatus":0}': [],
            '{"id":"r1","type":"key_create_resp","error":"boom","httpStatus":null}': [
                ("response-error-status", "/httpStatus")
            ],
        },
    ),
}


def frames_for(edit: Edit) -> list[bytes]:
    """Each value at the top level and in a snapshot item (beside one without it), the field absent, the pins."""
    item = '{"type":"key_snapshot","items":[{"type":"","tokenHash":"h1",@},{"tokenHash":"h2"}]}'
    members = [f'"{edit.field}":{v}' for v in VALUES[edit.field]]
    top = [edit.frame.replace("@", m) for m in members]
    items = [item.replace("@", m) for m in members]
    absent = [edit.frame.replace(",@", ""), item.replace(",@", "")]
    out = [f.encode() for f in (*top, *items, *absent, *edit.pinned)]
    assert all(b"\n" not in f for f in out)
    return out


def ir_of(document: dict) -> Any:
    return build_ir(load_text(json.dumps(document), "schema.json", dialect=False), check_version=False)


def edited(edit: Edit) -> tuple[dict, Report]:
    """The edited schema with the version the diff asks for, and the diff of it against the original."""
    document = copy.deepcopy(ORIGINAL)
    edit.change(document)
    asked = compare(ir_of(ORIGINAL), ir_of(document)).version
    document["x-schema-version"] = asked.suggested
    if asked.suggested_id:
        document["$id"] = asked.suggested_id
    return document, compare(ir_of(ORIGINAL), ir_of(document))


def python_answer(p: ModuleType, data: bytes) -> dict[str, Any]:
    """Acceptance, bytes and findings by the public (fast) path, checked equal to the exact path's."""
    models, codec, runtime = p.models, p._codec, p._runtime
    try:
        frame = p.Frame.from_json(data)
    except p.DecodeError:
        frame = None
    try:
        exact = codec.decode_exact(data, models._FRAME_SPEC, runtime.DEFAULT_MAX_SIZE, runtime.DEFAULT_MAX_DEPTH)
    except p.DecodeError:
        exact = None
    assert (frame is None) == (exact is None), f"fast and exact paths disagree on accepting {data!r}"
    if frame is None:
        return {"accepted": False, "canonical": None, "errors": [], "lint": []}
    canonical = frame.to_json()
    assert frame == exact and codec.encode_struct(exact, models._FRAME_SPEC) == canonical, data
    return {
        "accepted": True,
        "canonical": canonical,
        "errors": [(e.rule, e.pointer) for e in p.validate(frame)],
        "lint": [(e.rule, e.pointer) for e in p.lint(frame)],
    }


def build_project(tmp_path: Path, key: str, document: dict) -> tuple[Path, Path]:
    """Render every target into tmp_path; build and vet the Go package; build the round-trip program."""
    (tmp_path / "schema.json").write_text(json.dumps(document, indent=2, ensure_ascii=False))
    module = f"example.invalid/evolution/{key}"
    settings = Settings.make(
        tmp_path,
        schema="schema.json",
        output="generated",
        docs="docs",
        python_package=f"evolution_{key}",
        go_module=module,
    )
    write_files(settings.root, settings.output, render_all(settings))
    generated = settings.output_path
    go("build", "./...", cwd=generated / "go")
    go("vet", "./...", cwd=generated / "go")
    return generated, build_program(tmp_path / "roundtrip", generated / "go", module, "Frame")


def check_diff(name: str, edit: Edit, report: Report) -> None:
    """Adding an optional field is info only, rolls out in one step, and needs a minor version;
    making a field nullable changes its generated type (int -> *int), which code using it must follow."""
    assert report.version.ok, report.version.advice
    subjects = {f.subject for f in report.findings}
    if name == "httpStatus made nullable":
        [finding] = [f for f in report.findings if f.subject == "Frame.httpStatus"]
        assert finding.api_break and finding.bump == Bump.MAJOR, finding
        assert report.version.required == Bump.MAJOR and report.version.head == f"{MAJOR + 1}.0.0"
        return
    assert f"Frame.{edit.field}" in subjects
    assert [f for f in report.findings if f.severity == BREAKING] == [], report.findings
    assert report.exit_code == 0 and report.plan.one_step, report.plan
    assert report.version.required == Bump.MINOR and report.version.head == f"{MAJOR}.{MINOR + 1}.0"


@pytest.mark.skipif(not go_available(), reason="Go is required")
@pytest.mark.parametrize("name", list(EDITS))
def test_schema_edit_round_trips_in_python_and_go(tmp_path: Path, name: str) -> None:
    edit = EDITS[name]
    key = edit.field.lower()
    document, report = edited(edit)
    check_diff(name, edit, report)
    generated, program = build_project(tmp_path, key, document)
    go_source = (generated / "go" / "protocol" / "protocol.go").read_text()
    declarations = {" ".join(line.split("//")[0].split()) for line in go_source.splitlines()}
    assert edit.go_decl in declarations, f"the Go package lacks {edit.go_decl}"
    assert f"| `{edit.field}` |" in (tmp_path / "docs" / "protocol.md").read_text(), "the docs lack the field"
    frames = frames_for(edit)
    answers = go_answers(program, frames)
    with imported(f"evolution_{key}", generated / "python") as p:
        assert edit.field in dict(p.wire_fields(p.Frame)).values()
        for data, go_answer in zip(frames, answers, strict=True):
            assert python_answer(p, data) == go_answer, f"Python and Go differ on {data.decode()!r}"
    pinned = dict(zip(frames, answers, strict=True))
    for given, canonical in edit.pinned.items():
        assert pinned[given.encode()]["canonical"] == canonical.encode(), given
    for given, errors in edit.findings.items():
        assert pinned[given.encode()]["errors"] == errors, given
    accepted = sum(a["accepted"] for a in answers)
    assert 0 < accepted < len(answers), "each edit sends frames Go accepts and frames it rejects"


def test_a_nullable_status_field_is_refused_while_the_failure_model_reads_it() -> None:
    document = copy.deepcopy(ORIGINAL)
    document["$defs"]["Frame"]["x-framegen-failure"] = FAILURE  # as schema/ has it since 1.3.0
    ir_of(document)
    make_nullable("httpStatus")(document)
    with pytest.raises(SchemaError) as info:
        ir_of(document)
    assert info.value.pointer == "/$defs/Frame/x-framegen-failure/status"
    assert "httpStatus" in info.value.message and info.value.hint
