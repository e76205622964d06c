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

from generator.errors import SchemaError
from generator.pipeline import render_all, schema_ir
from generator.settings import Settings
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


def set_text(text: str) -> Callable[[dict], None]:
    """Put the text everywhere prose reaches generated code: package, struct, field, enum value, rule message."""

    def change(d: dict) -> None:
        d["x-framegen-package-doc"] = text
        d["$defs"]["Frame"]["description"] = text
        d["$defs"]["Frame"]["properties"]["name"]["description"] = text
        d["$defs"]["FrameType"]["x-framegen-values"]["key_sync"]["description"] = text
        d["$defs"]["Frame"]["allOf"][2]["description"] = text  # name-required: its message

    return change


def add_property(name: str, **schema: Any) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        d["$defs"]["Frame"]["properties"][name] = {"type": "string", **schema}
        d["$defs"]["Frame"]["x-framegen-order"].append(name)

    return change


def add_enum_value(value: str) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        d["$defs"]["FrameType"]["enum"].append(value)
        d["$defs"]["FrameType"]["x-framegen-values"][value] = {
            "kind": "push",
            "from": "ws-proxy",
            "to": "worker",
            "description": "hostile value",
        }
        push_no_id = next(r for r in d["$defs"]["FrameLint"]["allOf"] if r.get("x-framegen-for-kind") == "push")
        push_no_id["if"]["properties"]["type"]["enum"].append(value)  # every push carries its kind's rules

    return change


def lint_pattern(pattern: str) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        d["$defs"]["FrameLint"]["allOf"].append(
            {
                "x-framegen-rule": "hostile-pattern",
                "x-framegen-level": "lint",
                "description": "a hostile pattern",
                "properties": {"rawToken": {"pattern": pattern}},
            }
        )

    return change


def rename_struct(new: str) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        d["$defs"]["CreateKeyResponse"]["x-python-name"] = new

    return change


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
    "rule message with a format placeholder": lambda d: d["$defs"]["Frame"]["allOf"][2].update(
        {"description": "{0} {p} %s %d {{}} \\n"}
    ),
}

REFUSED: dict[str, tuple[Callable[[dict], None], str]] = {
    "names that collide after case conversion (tokenHash, token_hash)": (add_property("token_hash"), "both give"),
    "enum values that collide after case conversion": (add_enum_value("keySync"), "both give"),
    "leading digit without an x-go-name": (add_property("2fa"), "not a valid go"),
    "a Go name used by the generated code": (add_property("validate_x", **{"x-go-name": "Lint"}), "uses"),
    "a Python name used by the generated code": (add_property("toJson", **{"x-python-name": "to_json"}), "uses"),
    "a struct named like a generated class": (rename_struct("ValidationError"), "uses"),
    "a wire name Go cannot put in a tag": (add_property('we"ird'), "json tag"),
    "a non-ASCII wire name": (add_property("naïve"), "printable ASCII"),
    "an enum value with no letters or digits": (add_enum_value("<&>"), "not a valid python enum member"),
    "a pattern Go's regexp cannot compile": (lint_pattern("^(?!admin)"), "RE2"),
}


def _project(tmp_path: Path, change: Callable[[dict], None]) -> Settings:
    document = json.loads(SCHEMA.read_text())
    change(document)
    (tmp_path / "schema.json").write_text(json.dumps(document, ensure_ascii=False))
    return Settings.make(tmp_path, schema="schema.json", output="generated")


def _collapse(text: str) -> str:
    return re.sub(r"[\s\u2028\u2029\x85]+", " ", text).strip()


def _python_docs_hold(generated: Path, text: str) -> None:
    script = (
        "import sys, json, sync_protocol as p\n"
        "print(json.dumps([p.Frame.__doc__, p.FrameType.KEY_SYNC.__doc__ or '', p.__doc__ or '']))"
    )
    env = {**os.environ, "PYTHONPATH": str(generated / "python")}
    docs = json.loads(
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    )
    assert _collapse(text) in _collapse(docs[0]), "Frame's docstring lost the text"
    assert _collapse(text) in _collapse(docs[2]), "the package docstring lost the text"


def _go_docs_hold(generated: Path, text: str) -> None:
    source = (generated / "go" / "protocol" / "protocol.go").read_text()
    comments = _collapse(" ".join(line.strip()[3:] for line in source.splitlines() if line.strip().startswith("//")))
    spelled = "".join(ch if ch.isprintable() or ch.isspace() else f"\\u{ord(ch):04x}" for ch in text)
    assert _collapse(spelled) in comments, "the Go comments lost the text"


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
        _python_docs_hold(generated, text)
        _go_docs_hold(generated, text)
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
