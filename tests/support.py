"""Shared test helpers: paths, the generated package, the Go harness, and the value form both sides print."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / "sync-protocol.schema.json"
EXAMPLES = ROOT / "schema" / "examples"
GO_TESTS = ROOT / "tests" / "go"
TYPES_SCHEMA = ROOT / "tests" / "types" / "schema.json"
"""The types fixture: a test protocol using every field type (its packages: tests/types/generated)."""

if str(ROOT / "generated" / "python") not in sys.path and "FRAMEGEN_GENERATED_PYTHON" not in os.environ:
    sys.path.insert(0, str(ROOT / "generated" / "python"))
TYPES_PYTHON = ROOT / "tests" / "types" / "generated" / "python"  # the types fixture's package, types_protocol
if str(TYPES_PYTHON) not in sys.path:
    sys.path.append(str(TYPES_PYTHON))

import sync_protocol  # noqa: E402
import types_protocol  # noqa: E402

PACKAGES = {"": sync_protocol, "types": types_protocol}
"""The generated Python package of each vector package name ("" is the protocol's)."""


def package_of(struct: str) -> Any:
    """The generated package a struct name belongs to: types_protocol for "types.Sample", else sync_protocol."""
    return PACKAGES[struct.rpartition(".")[0]]


def struct_class(struct: str) -> type:
    """The generated class a harness struct name ("Frame", "types.Sample", ...) names."""
    return getattr(package_of(struct), struct.rpartition(".")[2])


def harness_name(cls: type) -> str:
    """The name the Go harness and the vector files give a generated class: "Frame", "types.Sample"."""
    module = cls.__module__.rsplit(".", 1)[0]
    package = next((name for name, p in PACKAGES.items() if p.__name__ == module), "")
    return f"{package}.{cls.__name__}" if package else cls.__name__


def top_level(cls: type) -> bool:
    """Whether cls is its package's top-level message, the one validate() and lint() take."""
    package = sys.modules[cls.__module__.rsplit(".", 1)[0]]
    annotation = package.validate.__annotations__.get("frame", "")  # "Frame | _abc.Mapping[str, object]"
    return annotation.split(" | ")[0] == cls.__name__


def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*/*.json"))


def expectations() -> dict[str, dict[str, list[list[str]]]]:
    data = json.loads((EXAMPLES / "expectations.json").read_text())
    data.pop("description")
    return data


def expected_findings(path: Path) -> dict[str, list[tuple[str, str]]]:
    rel = path.relative_to(EXAMPLES).as_posix()
    entry = expectations().get(rel, {"errors": [], "lint": []})
    if path.parent.name != "valid":
        assert rel in expectations(), f"{rel} has no entry in expectations.json"
    return {level: [tuple(f) for f in entry[level]] for level in ("errors", "lint")}


def findings(items: list[Any]) -> list[tuple[str, str]]:
    return [(f.rule, f.pointer) for f in items]


def value_of(obj: Any) -> Any:
    """The decoded value keyed by wire names, zero values included: the form the Go harness prints.

    Iterative, so frames nested thousands deep (which the decoder accepts, as Go does) work too.
    """
    holder: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(obj, holder, 0)]
    while stack:
        item, parent, key = stack.pop()
        if type(item).__name__ == "RawJSON":  # the RawJSON of whichever generated package
            parent[key] = {"b64": base64.b64encode(item.data).decode()}
        elif isinstance(item, list):
            parent[key] = out = [None] * len(item)
            stack.extend((x, out, i) for i, x in enumerate(item))
        elif isinstance(item, dict):
            parent[key] = out = {}
            stack.extend((x, out, k) for k, x in item.items())
        elif hasattr(item, "__dataclass_fields__"):
            parent[key] = out = {}
            names = dict(sys.modules[type(item).__module__.rsplit(".", 1)[0]].wire_fields(type(item)))
            stack.extend((getattr(item, f.name), out, names[f.name]) for f in dataclass_fields(item))
        else:
            parent[key] = str(item) if isinstance(item, str) else item
    return holder[0]


def go_available() -> bool:
    return shutil.which("go") is not None


@contextlib.contextmanager
def deep_recursion(limit: int = 30_000) -> Iterator[None]:
    """Raise the recursion limit for test-side work on deeply nested values (json.loads, ==).

    The generated decoder, encoder and validator are iterative and never need this.
    """
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def _loads_deep(line: bytes) -> Any:
    with deep_recursion():
        return json.loads(line)


class GoHarness:
    """One long-lived Go process answering JSON-lines requests (see tests/go/harness/main.go)."""

    def __init__(self, binary: Path) -> None:
        self.process = subprocess.Popen([str(binary)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1 << 20)
        self.lock = threading.Lock()

    def run(self, inputs: list[bytes], struct: str = "Frame") -> list[dict[str, Any]]:
        """Send a batch and read as many answers; a writer thread keeps large batches from deadlocking."""
        lines = [
            json.dumps({"struct": struct, "input": base64.b64encode(data).decode()}).encode() + b"\n" for data in inputs
        ]

        def write() -> None:
            for line in lines:
                self.process.stdin.write(line)
            self.process.stdin.flush()

        with self.lock:
            writer = threading.Thread(target=write)
            writer.start()
            answers = [_loads_deep(self.process.stdout.readline()) for _ in lines]
            writer.join()
        for answer in answers:
            if answer.get("canonical"):
                answer["canonical"] = base64.b64decode(answer["canonical"])
            answer["errors"] = [tuple(f) for f in answer["errors"]]
            answer["lint"] = [tuple(f) for f in answer["lint"]]
        return answers

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


def build_harness(out_dir: Path) -> Path:
    binary = out_dir / "framegen-harness"
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local"}
    subprocess.run(["go", "build", "-o", str(binary), "./harness"], cwd=GO_TESTS, check=True, env=env)
    return binary


def response_verdict(frame: Any) -> dict[str, Any]:
    """What frame.response_error() returns, in the harness's shape (Go's Frame.ResponseError())."""
    error = frame.response_error()
    if error is None:
        return {"kind": "none", "status": 0, "message": ""}
    if isinstance(error, sync_protocol.HTTPError):
        return {"kind": "http", "status": error.status, "message": error.message}
    assert type(error) is sync_protocol.ResponseError, error
    return {"kind": "plain", "status": 0, "message": error.message}


def python_answer(data: bytes, struct: type | None = None) -> dict[str, Any]:
    """What the Python side says about an input, in the harness's shape."""
    struct = struct or sync_protocol.Frame
    package = sys.modules[struct.__module__.rsplit(".", 1)[0]]
    try:
        value = struct.from_json(data)
    except package.DecodeError as exc:
        return {"accepted": False, "error": str(exc)}
    answer: dict[str, Any] = {"accepted": True, "canonical": value.to_json(), "value": value_of(value)}
    if top_level(struct):
        answer["errors"] = findings(package.validate(value))
        answer["lint"] = findings(package.lint(value))
    if struct is sync_protocol.Frame:
        answer["response_error"] = response_verdict(value)
    return answer
