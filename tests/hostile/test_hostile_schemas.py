"""Hostile schemas: text and names that could change what the generated program does.

Each case is either refused with one clear message (exit 2, a JSON pointer, a hint), or it
generates Python that imports and Go that compiles, whose docs hold the original text, and whose
behaviour is unchanged: all the conformance vectors still pass, in both languages.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from roundtrip import build_program, go_answers, python_answers

from generator import ir
from generator.build_ir import build_ir
from generator.errors import SchemaError
from generator.load import load_text
from generator.naming import pascal_case, snake_case
from generator.pipeline import render_all, schema_ir
from generator.settings import Settings
from generator.targets.python import class_name
from generator.write import write_files
from support import GO_TESTS, ROOT, SCHEMA

VECTORS = ROOT / "tests" / "vectors"
GO_ENV = {**os.environ, "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local"}

TEXTS = {
    "triple quotes": 'ends a docstring? """ and \'\'\' and a final quote"',
    "ends with triple quotes": 'a description that ends with """',
    "backslashes": 'C:\\new\\table\\ and \\""" and a trailing backslash \\',
    "comment terminators": "*/ closes a block comment /* and // starts one */",
    "newline then code": "harmless\n//go:generate rm -rf /\nimport os; os.system('echo pwned')\n# type: ignore",
    "bare carriage return": "first\rsecond\r\nthird",
    "NUL byte": "before\x00after",
    "line separators": "one\u2028two\u2029three",
    "bidi override": "user \u202eexe.txt\u202c and a zero width\u200bspace",
    "jinja syntax": "{{ 7*7 }} {% if true %}injected{% endif %} {# gone #} {{ undefined_variable }}",
    "10,000 characters": ("lorem ipsum dolor sit amet " * 371)[:10_000],
    "go struct tag": 'a `json:"evil"` tag and a backtick `',
    "astral and combining": "🚀 e\u0301 \U0001f9ea",
}


# The changes below find what they edit by its role in whatever schema/ holds (the root struct, its first
# string field and first rule, the message enum, the kind rules), so the protocol can evolve under them.


def _root(d: dict) -> dict:
    return d["$defs"][d["$ref"].rsplit("/", 1)[1]]


def _messages(d: dict) -> ir.Messages:
    return build_ir(load_text(json.dumps(d), "schema", dialect=False), check_version=False).messages


def _string_field(d: dict) -> str:
    root = _root(d)
    return next(name for name in root["x-framegen-order"] if root["properties"][name].get("type") == "string")


def _first_rule(d: dict) -> dict:
    return next(rule for rule in _root(d)["allOf"] if "x-framegen-rule" in rule)


def _kind_rules(node: Any, kind: str) -> list[dict]:
    if isinstance(node, dict):
        own = [node] if node.get("x-framegen-for-kind") == kind else []
        return own + [r for value in node.values() for r in _kind_rules(value, kind)]
    return [r for value in node for r in _kind_rules(value, kind)] if isinstance(node, list) else []


def set_text(text: str) -> Callable[[dict], None]:
    """Put the text everywhere prose reaches generated code: package, struct, field, enum value, rule message,
    the failure model's error type."""

    def change(d: dict) -> None:
        table = _messages(d)
        d["x-framegen-package-doc"] = text
        _root(d)["description"] = text
        _root(d)["properties"][_string_field(d)]["description"] = text
        d["$defs"][table.enum]["x-framegen-values"][table.values[0].value]["description"] = text
        _first_rule(d)["description"] = text  # a rule's message
        if "x-framegen-failure" in _root(d):
            _root(d)["x-framegen-failure"]["description"] = text  # the error type's doc (HTTPError)

    return change


def add_property(name: str, **schema: Any) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        _root(d)["properties"][name] = {"type": "string", **schema}
        _root(d)["x-framegen-order"].append(name)

    return change


def add_enum_value(value: str) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        table = _messages(d)
        push = next(v for v in table.values if v.kind == "push")
        d["$defs"][table.enum]["enum"].append(value)
        d["$defs"][table.enum]["x-framegen-values"][value] = {
            "kind": "push",
            "from": push.sender,
            "to": push.receiver,
            "description": "hostile value",
        }
        for rule in _kind_rules(d, "push"):  # every push carries its kind's rules
            rule["if"]["properties"][table.field]["enum"].append(value)

    return change


def lint_pattern(pattern: str) -> Callable[[dict], None]:
    """A lint rule with the pattern, on a field of its own (no vector sets it, so no vector's findings change)."""

    def change(d: dict) -> None:
        add_property("hostilePatterned")(d)
        lint_set = next(v for v in d["$defs"].values() if v.get("x-framegen-rules-for") == d["$ref"])
        lint_set.setdefault("allOf", []).append(
            {
                "x-framegen-rule": "hostile-pattern",
                "x-framegen-level": "lint",
                "description": "a hostile pattern",
                "properties": {"hostilePatterned": {"pattern": pattern}},
            }
        )

    return change


def rename_struct(new: str) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        _root(d)["x-python-name"] = new

    return change


def colliding_property(d: dict) -> None:
    """An existing camelCase wire name spelled in snake_case (tokenHash, token_hash)."""
    add_property(next(snake_case(n) for n in _root(d)["x-framegen-order"] if snake_case(n) != n))(d)


def colliding_enum_value(d: dict) -> None:
    """An existing snake_case message type spelled in camelCase (key_sync, keySync)."""
    value = next(v.value for v in _messages(d).values if "_" in v.value)
    add_enum_value(value.split("_")[0] + pascal_case(value.split("_", 1)[1]))(d)


GENERATES: dict[str, Callable[[dict], None]] = {
    **{f"text: {name}": set_text(text) for name, text in TEXTS.items()},
    "name: a Python keyword (class)": add_property("class"),
    "name: a Go keyword (func) and Python builtins (print)": lambda d: (
        add_property("func")(d),
        add_property("print")(d),
    ),
    "name: leading digit with an x-go-name": add_property("2fa", **{"x-go-name": "TwoFA"}),
    "name: dunder-looking wire name": add_property("__init__"),
    "enum value with quotes and backslashes": add_enum_value('key"sync\\x'),
    "pattern with quotes, backslashes and braces": lint_pattern('^[^"\\\\]*\\{?\\d{0,3}\\}?$'),
    "pattern in RE2-only syntax (\\z, \\Q…\\E, [[:alpha:]], (?i:…), \\x{…}, an empty class)": lint_pattern(
        r"(?s)\A(?:(?i:[[:alpha:]k])|\Q.\E|\x{41}|[^\x00-\x{10FFFF}]|.)*\z"
    ),
    "rule message with a format placeholder": lambda d: _first_rule(d).update(description="{0} {p} %s %d {{}} \\n"),
}

REFUSED: dict[str, tuple[Callable[[dict], None], str]] = {
    "names that collide after case conversion (tokenHash, token_hash)": (colliding_property, "both give"),
    "enum values that collide after case conversion": (colliding_enum_value, "both give"),
    "leading digit without an x-go-name": (add_property("2fa"), "not a valid go"),
    "a Go name used by the generated code": (add_property("validate_x", **{"x-go-name": "Lint"}), "uses"),
    "a Python name used by the generated code": (add_property("toJson", **{"x-python-name": "to_json"}), "uses"),
    "a struct named like a generated class": (rename_struct("ValidationError"), "uses"),
    "a wire name Go cannot put in a tag": (add_property('we"ird'), "json tag"),
    "a non-ASCII wire name": (add_property("naïve"), "printable ASCII"),
    "an enum value with no letters or digits": (add_enum_value("<&>"), "not a valid python enum member"),
    "a pattern Go's regexp cannot compile": (lint_pattern("^(?!admin)"), "RE2"),
    "a pattern with \\Z, which RE2 does not have": (lint_pattern(r"^a\Z"), "RE2"),
    "a repeat count past RE2's 1,000": (lint_pattern("^a{1001}$"), "1,000"),
    "a pattern with a Unicode class (no Python translation)": (lint_pattern(r"^\p{Greek}+$"), "Unicode class"),
    "(?i) on a non-ASCII letter (no Python translation)": (lint_pattern("(?i)^straße$"), "non-ASCII"),
    "an error type named like a generated type": (
        lambda d: d["$defs"]["Frame"]["x-framegen-failure"].update({"name": "ValidationError"}),
        "uses",
    ),
    "a field named like the response helper": (add_property("responseError"), "uses"),
}


def _project(tmp_path: Path, change: Callable[[dict], None]) -> Settings:
    document = json.loads(SCHEMA.read_text())
    change(document)
    (tmp_path / "schema.json").write_text(json.dumps(document, ensure_ascii=False))
    return Settings.make(tmp_path, schema="schema.json", output="generated")


def _collapse(text: str) -> str:
    return re.sub(r"[\s\u2028\u2029\x85]+", " ", text).strip()


def _python_docs_hold(generated: Path, text: str, root: str, failure: str) -> None:
    """The text survives in the root struct's docstring, the package's and the failure model's error type's."""
    error = f"p.{failure}.__doc__" if failure else "''"
    script = f"import sys, json, sync_protocol as p\nprint(json.dumps([p.{root}.__doc__, p.__doc__ or '', {error}]))"
    env = {**os.environ, "PYTHONPATH": str(generated / "python")}
    docs = json.loads(
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    )
    assert _collapse(text) in _collapse(docs[0]), f"{root}'s docstring lost the text"
    assert _collapse(text) in _collapse(docs[1]), "the package docstring lost the text"
    if failure:
        assert _collapse(text) in _collapse(docs[2]), f"{failure}'s docstring lost the text"


def _go_docs_hold(generated: Path, text: str, failure: str) -> None:
    spelled = "".join(ch if ch.isprintable() or ch.isspace() else f"\\u{ord(ch):04x}" for ch in text)
    for name in ("protocol.go", "errors.go") if failure else ("protocol.go",):  # errors.go: the error type
        source = (generated / "go" / "protocol" / name).read_text()
        lines = source.splitlines()
        comments = _collapse(" ".join(line.strip()[3:] for line in lines if line.strip().startswith("//")))
        comments = comments.replace("\u201c", "``").replace("\u201d", "''")  # gofmt's doc comments write '' as ”
        assert _collapse(spelled) in comments, f"the Go comments of {name} lost the text"


def _vectors_pass(generated: Path, tmp_path: Path) -> None:
    env = {**os.environ, "FRAMEGEN_GENERATED_PYTHON": str(generated / "python")}
    python = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "conformance" / "runner.py")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert python.returncode == 0 and " 0 failed" in python.stdout, python.stderr[-2000:]
    go_tests = tmp_path / "go-tests"
    shutil.copytree(GO_TESTS, go_tests)
    mod = go_tests / "go.mod"
    mod.write_text(
        mod.read_text()
        .replace("../../generated/go", str(generated / "go"))
        .replace("../types/generated/go", str(ROOT / "tests" / "types" / "generated" / "go"))
    )
    go = subprocess.run(
        ["go", "run", "./cmd/conformance", str(VECTORS)],
        cwd=go_tests,
        env=GO_ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert go.returncode == 0 and " 0 failed" in go.stdout, go.stderr[-2000:]
    subprocess.run(["go", "vet", "./..."], cwd=generated / "go", env=GO_ENV, check=True)


@pytest.mark.parametrize("name", sorted(GENERATES))
def test_hostile_schema_generates_safe_code(tmp_path: Path, name: str) -> None:
    settings = _project(tmp_path, GENERATES[name])
    write_files(settings.root, settings.output, render_all(settings))
    generated = settings.output_path
    text = TEXTS.get(name.removeprefix("text: "))
    if text is not None:
        schema = schema_ir(settings)
        failure = schema.failure.name if schema.failure else ""
        _python_docs_hold(generated, text, class_name(schema.root, schema.struct(schema.root).annotations), failure)
        _go_docs_hold(generated, text, failure)
    _vectors_pass(generated, tmp_path)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_schema_is_refused_clearly(tmp_path: Path, name: str) -> None:
    change, phrase = REFUSED[name]
    settings = _project(tmp_path, change)
    with pytest.raises(SchemaError) as info:
        render_all(settings, schema_ir(settings))
    message = str(info.value)
    assert phrase.lower() in message.lower(), message
    assert info.value.pointer.startswith("/$defs/") or "RE2" in message, message
    assert info.value.hint
    assert not settings.output_path.exists()


def test_at_least_20_hostile_schemas() -> None:
    assert len(GENERATES) + len(REFUSED) >= 20


# ---- the new field types: schema text reaching generated code through new paths -----------------------
#
# Each case adds fields of the new types to Frame; one that generates must also pass every vector (what
# existed is unchanged), be lint-clean in both languages, and behave as written on frames that use the
# new fields, in Python and in Go alike.

HOSTILE_VALUES = ['read"x', "wr\\ite", "end */ /* x", 'doc """ q', "tmpl {{ x }} {% y %}", "line\u2028sep", "tab\there"]
HOSTILE_PATTERN = '^(?:[a-z"\\\\`\n]|\\*/|\\{\\{|%\\})*$'  # quote, backslash, backtick, newline, */, {{, %}


def add_fields(fields: dict[str, dict[str, Any]], **definitions: dict[str, Any]) -> Callable[[dict], None]:
    """Fields (and $defs) added to Frame; their names are chosen to be ones the protocol will not grow
    (`hScopes`, not `scopes`), and a clash would say so rather than silently replace what is there."""

    def change(d: dict) -> None:
        clashes = (set(fields) & set(d["$defs"]["Frame"]["properties"])) | (set(definitions) & set(d["$defs"]))
        assert not clashes, f"the protocol now has {sorted(clashes)}: rename them in this test"
        d["$defs"]["Frame"]["properties"].update(fields)
        d["$defs"]["Frame"]["x-framegen-order"].extend(fields)
        d["$defs"].update(definitions)

    return change


def struct(fields: dict[str, dict[str, Any]], *rules: dict[str, Any], required: tuple[str, ...] = ()) -> dict:
    node = {"type": "object", "description": "a nested struct", "x-framegen-order": list(fields)}
    node |= {"properties": fields, "required": list(required)} if required else {"properties": fields}
    return node | ({"allOf": list(rules)} if rules else {})


def min_rule(rule: str, field: str, minimum: int) -> dict[str, Any]:
    return {
        "x-framegen-rule": rule,
        "x-framegen-level": "error",
        "description": f"{field} is at least {minimum}",
        "properties": {field: {"minimum": minimum}},
    }


KEY_SYNC = '{"type":"key_sync","tokenHash":"h","hashPrefix":"p",@}'  # a key_sync the Worker acts on (no lint)
NODE = struct(
    {"name": {"type": "string"}, "kids": {"type": "array", "items": {"$ref": "#/$defs/Node"}}},
)

# name -> (change, [(frame, canonical or None when rejected, error findings)])
NEW_TYPES_GENERATE: dict[str, tuple[Callable[[dict], None], list[tuple[str, str | None, list[tuple[str, str]]]]]] = {
    "enum values with quotes, backslashes, comment and template syntax, in list and map membership sets": (
        add_fields(
            {
                "hScopes": {"type": "array", "items": {"$ref": "#/$defs/Scope"}, "x-framegen-rule": "scopes-known"},
                "hGrants": {
                    "type": "object",
                    "additionalProperties": {"$ref": "#/$defs/Scope"},
                    "x-framegen-rule": "grants-known",
                },
            },
            Scope={"type": "string", "description": "hostile values", "enum": HOSTILE_VALUES},
        ),
        [
            (
                KEY_SYNC.replace("@", f'"hScopes":{json.dumps(HOSTILE_VALUES, separators=(",", ":"))}'),
                KEY_SYNC.replace("@", f'"hScopes":{json.dumps(HOSTILE_VALUES, separators=(",", ":"))}'),
                [],
            ),
            (
                KEY_SYNC.replace("@", '"hScopes":["read\\"x","nope"],"hGrants":{"b":"nope","a":"tab\\there"}'),
                KEY_SYNC.replace("@", '"hScopes":["read\\"x","nope"],"hGrants":{"a":"tab\\there","b":"nope"}'),
                [("scopes-known", "/hScopes/1"), ("grants-known", "/hGrants/b")],
            ),
        ],
    ),
    "patterns with quotes, backslashes, backticks, a newline, {{ on list items and map values": (
        add_fields(
            {
                "hTags": {
                    "type": "array",
                    "items": {"type": "string", "pattern": HOSTILE_PATTERN, "maxLength": 12},
                    "x-framegen-rule": "tag-shape",
                },
                "hNotes": {
                    "type": "object",
                    "additionalProperties": {"type": "string", "pattern": HOSTILE_PATTERN},
                    "x-framegen-rule": "note-shape",
                },
            }
        ),
        [
            (
                KEY_SYNC.replace("@", '"hTags":["a\\"b\\\\c`*/","{{%}\\n"],"hNotes":{"k":"x*/"}'),
                KEY_SYNC.replace("@", '"hTags":["a\\"b\\\\c`*/","{{%}\\n"],"hNotes":{"k":"x*/"}'),
                [],
            ),
            (
                KEY_SYNC.replace("@", '"hTags":["A","abcdefghijklm"],"hNotes":{"k":"*","j":"ok"}'),
                KEY_SYNC.replace("@", '"hTags":["A","abcdefghijklm"],"hNotes":{"j":"ok","k":"*"}'),
                [("tag-shape", "/hTags/0"), ("tag-shape", "/hTags/1"), ("note-shape", "/hNotes/k")],
            ),
        ],
    ),
    "nested structs named Pointer and Token (the Go validator's helper types, in lower case there)": (
        add_fields(
            {"hPointer": {"$ref": "#/$defs/Pointer"}, "hTokens": {"type": "array", "items": {"$ref": "#/$defs/Token"}}},
            Pointer=struct(
                {"token": {"$ref": "#/$defs/Token"}, "n": {"type": "integer"}}, min_rule("pointer-n", "n", 1)
            ),
            Token=struct({"index": {"type": "integer", "format": "int32"}}, min_rule("token-index", "index", 0)),
        ),
        [
            (
                KEY_SYNC.replace("@", '"hPointer":{"token":{"index":-1},"n":0},"hTokens":[{"index":2},{"index":-3}]'),
                KEY_SYNC.replace("@", '"hPointer":{"token":{"index":-1}},"hTokens":[{"index":2},{"index":-3}]'),
                [("token-index", "/hPointer/token/index"), ("token-index", "/hTokens/1/index")],
            ),
        ],
    ),
    "Go and Python keywords as field names inside a nested struct": (
        add_fields(
            {"hLimits": {"$ref": "#/$defs/Limits"}},
            Limits=struct(
                {
                    name: {"type": "string"}
                    for name in (
                        "func",
                        "type",
                        "range",
                        "map",
                        "chan",
                        "go",
                        "select",
                        "class",
                        "from",
                        "None",
                        "self",
                    )
                },
                {
                    "x-framegen-rule": "func-named",
                    "x-framegen-level": "error",
                    "description": "func is not empty",
                    "properties": {"func": {"minLength": 1}},
                },
                required=("func", "None"),
            ),
        ),
        [
            (
                KEY_SYNC.replace("@", '"hLimits":{"type":"t","from":"f","None":"n","self":"s","chan":"c"}'),
                KEY_SYNC.replace("@", '"hLimits":{"func":"","type":"t","chan":"c","from":"f","None":"n","self":"s"}'),
                [("func-named", "/hLimits/func")],
            ),
        ],
    ),
    "a map of a struct that holds a list of itself": (
        add_fields({"hNodes": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Node"}}}, Node=NODE),
        [
            (
                KEY_SYNC.replace("@", '"hNodes":{"z":{"kids":[{"name":"a","kids":[{}]}]},"":{"name":null}}'),
                KEY_SYNC.replace("@", '"hNodes":{"":{},"z":{"kids":[{"name":"a","kids":[{}]}]}}'),
                [],
            ),
            (KEY_SYNC.replace("@", '"hNodes":{"a":{"kids":{}}}'), None, []),
        ],
    ),
}


def bound(field_type: dict[str, Any], **constraint: Any) -> Callable[[dict], None]:
    return add_fields({"n": {**field_type, "x-framegen-rule": "n-bound", **constraint}})


def with_text(change: Callable[[dict], None], old: str, new: str) -> Callable[[dict], str]:
    """A change whose schema text is then edited (for numbers Python's json cannot write back as given)."""

    def text(d: dict) -> str:
        change(d)
        return json.dumps(d, ensure_ascii=False).replace(old, new)

    return text


# name -> (change giving the document or its text, phrase of the message, JSON pointer)
NEW_TYPES_REFUSED: dict[str, tuple[Callable[[dict], Any], str, str]] = {
    "a number bound past float64 (1e309 reads as infinity)": (
        with_text(bound({"type": "number"}, maximum=1.25), "1.25", "1e309"),
        "past float64's range (it reads as infinity)",
        "/$defs/Frame/properties/n/maximum",
    ),
    "a list item's bound past float64 (-1e309)": (
        with_text(
            add_fields({"n": {"type": "array", "items": {"type": "number", "minimum": 1.25}, "x-framegen-rule": "b"}}),
            "1.25",
            "-1e309",
        ),
        "past float64's range",
        "/$defs/Frame/properties/n/items/minimum",
    ),
    "a number bound of 400 digits": (
        bound({"type": "number"}, exclusiveMinimum=10**400),
        "past float64's range",
        "/$defs/Frame/properties/n/exclusiveMinimum",
    ),
    "an integer bound past int64": (
        bound({"type": "integer", "format": "int64"}, maximum=2**64),
        "out of the range of n (int64",
        "/$defs/Frame/properties/n/maximum",
    ),
    "a negative minimum on a uint32": (
        bound({"type": "integer", "format": "uint32"}, minimum=-1),
        "out of the range of n (uint32",
        "/$defs/Frame/properties/n/minimum",
    ),
    "a const past uint64 in a rule on a list element": (
        lambda d: (
            add_fields({"n": {"type": "array", "items": {"type": "integer", "format": "uint64"}}})(d),
            d["$defs"]["Frame"]["allOf"].append(
                {
                    "x-framegen-rule": "c",
                    "x-framegen-level": "error",
                    "description": "c",
                    "properties": {"n": {"items": {"const": 2**64}}},
                }
            ),
        ),
        "out of the range of uint64",
        "/$defs/Frame/allOf/8/properties/n/items/const",
    ),
    "NaN as a bound (Python's json reads it; JSON has no NaN)": (
        with_text(bound({"type": "number"}, maximum=1.25), "1.25", "NaN"),
        "NaN is not a JSON number",
        "",
    ),
    "-Infinity as a bound": (
        with_text(bound({"type": "number"}, minimum=1.25), "1.25", "-Infinity"),
        "-Infinity is not a JSON number",
        "",
    ),
    "a nested struct named ValidationError": (
        add_fields({"v": {"$ref": "#/$defs/ValidationError"}}, ValidationError=struct({"a": {"type": "string"}})),
        "a name the generated python code uses",
        "/$defs/ValidationError",
    ),
    "a nested struct named Annotated (the generated models import typing.Annotated)": (
        add_fields({"v": {"$ref": "#/$defs/Annotated"}}, Annotated=struct({"a": {"type": "string"}})),
        "a name the generated python code uses",
        "/$defs/Annotated",
    ),
    "a nested struct's field named like a generated method (to_json)": (
        add_fields({"v": {"$ref": "#/$defs/Bucket"}}, Bucket=struct({"to_json": {"type": "string"}})),
        "a name the generated python code uses",
        "/$defs/Bucket/properties/to_json",
    ),
    "a map of a struct that holds a list of itself and has checks": (
        add_fields(
            {"hNodes": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Node"}}},
            Node=NODE
            | {
                "allOf": [min_rule("node-n", "n", 1)],
                "properties": {**NODE["properties"], "n": {"type": "integer"}},
                "x-framegen-order": ["name", "kids", "n"],
            },
        ),
        "holds a list of itself and has checks",
        "/$defs/Node",
    ),
    "a pattern on map values Go's regexp cannot compile": (
        add_fields(
            {
                "hNotes": {
                    "type": "object",
                    "additionalProperties": {"type": "string", "pattern": "^(?<!x)y"},
                    "x-framegen-rule": "n",
                }
            }
        ),
        "RE2",
        "/$defs/Frame/properties/hNotes/additionalProperties/pattern",
    ),
}


def _project_text(tmp_path: Path, change: Callable[[dict], Any]) -> Settings:
    document = json.loads(SCHEMA.read_text())
    text = change(document)
    text = text if isinstance(text, str) else json.dumps(document, ensure_ascii=False)
    (tmp_path / "schema.json").write_text(text)
    return Settings.make(tmp_path, schema="schema.json", output="generated")


def _lint_clean(generated: Path) -> None:
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--config", str(ROOT / "pyproject.toml"), str(generated / "python")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout[-3000:]
    unformatted = subprocess.run(["gofmt", "-l", str(generated / "go")], capture_output=True, text=True, check=True)
    assert unformatted.stdout == ""


@pytest.mark.parametrize("name", sorted(NEW_TYPES_GENERATE))
def test_hostile_new_type_schema_generates_code_that_behaves(tmp_path: Path, name: str) -> None:
    change, frames = NEW_TYPES_GENERATE[name]
    settings = _project(tmp_path, change)
    write_files(settings.root, settings.output, render_all(settings))
    generated = settings.output_path
    _lint_clean(generated)
    _vectors_pass(generated, tmp_path)
    program = build_program(
        tmp_path / "roundtrip", generated / "go", "github.com/framegen/framegen/generated/go", "Frame"
    )
    inputs = [given.encode() for given, _, _ in frames]
    expected = [
        {"accepted": canonical is not None, "canonical": canonical and canonical.encode(), "errors": errors, "lint": []}
        for _, canonical, errors in frames
    ]
    assert go_answers(program, inputs) == expected
    assert python_answers(generated / "python", "Frame", inputs) == expected


@pytest.mark.parametrize("name", sorted(NEW_TYPES_REFUSED))
def test_hostile_new_type_schema_is_refused_clearly(tmp_path: Path, name: str) -> None:
    change, phrase, pointer = NEW_TYPES_REFUSED[name]
    settings = _project_text(tmp_path, change)
    with pytest.raises(SchemaError) as info:
        render_all(settings, schema_ir(settings))
    assert phrase.lower() in str(info.value).lower(), str(info.value)
    assert info.value.pointer == pointer and info.value.hint, str(info.value)
    assert not settings.output_path.exists()
