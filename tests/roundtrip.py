"""A generated package's Go side as a process: a small program, built against the generated Go package,
that decodes JSON lines into the top-level struct with json.Unmarshal and answers, per line, whether it
accepted them, the bytes json.Marshal writes and the Validate() and Lint() findings. With the generated
Python imported under its own package name, tests compare the two languages on any schema."""

from __future__ import annotations

import base64
import contextlib
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

GO_ENV = {**os.environ, "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local"}

GO_PROGRAM = """\
// Command roundtrip reads values as JSON lines on stdin and answers, one JSON line each, whether
// json.Unmarshal into the top-level struct accepts it, the bytes json.Marshal writes for the
// decoded value, and the findings of its Validate() and Lint().
package main

import (
	"bufio"
	"encoding/json"
	"os"

	"%(module)s/%(package)s"
)

type answer struct {
	Accepted  bool        `json:"accepted"`
	Canonical []byte      `json:"canonical"`
	Errors    [][2]string `json:"errors"`
	Lint      [][2]string `json:"lint"`
}

func pairs(found []%(package)s.ValidationError) [][2]string {
	out := [][2]string{}
	for _, e := range found {
		out = append(out, [2]string{e.Rule, e.Pointer})
	}
	return out
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	for in.Scan() {
		var value %(package)s.%(root)s
		a := answer{Errors: [][2]string{}, Lint: [][2]string{}}
		if json.Unmarshal(in.Bytes(), &value) == nil {
			canonical, err := json.Marshal(value)
			if err != nil {
				panic(err)
			}
			a.Accepted, a.Canonical = true, canonical
			a.Errors, a.Lint = pairs(value.Validate()), pairs(value.Lint())
		}
		if err := encoder.Encode(a); err != nil {
			panic(err)
		}
	}
	if err := in.Err(); err != nil {
		panic(err)
	}
}
"""


def go(*args: str, cwd: Path) -> None:
    result = subprocess.run(["go", *args], cwd=cwd, env=GO_ENV, capture_output=True, check=False)
    assert result.returncode == 0, f"go {' '.join(args)} failed in {cwd}:\n{result.stderr.decode()[-4000:]}"


def build_program(into: Path, go_dir: Path, module: str, root: str, package: str = "protocol") -> Path:
    """Build the round-trip program for the Go module at go_dir (vetted on the way); the binary's path."""
    into.mkdir(parents=True)
    (into / "main.go").write_text(GO_PROGRAM % {"module": module, "package": package, "root": root})
    (into / "go.mod").write_text(
        f"module example.invalid/roundtrip\n\ngo 1.22\n\nrequire {module} v0.0.0\n\nreplace {module} => {go_dir}\n"
    )
    go("vet", ".", cwd=into)
    go("build", "-o", "roundtrip", ".", cwd=into)
    return into / "roundtrip"


def go_answers(program: Path, inputs: list[bytes]) -> list[dict[str, Any]]:
    """Per input: accepted, canonical (bytes, or None when rejected), errors and lint as (rule, pointer) tuples."""
    assert all(b"\n" not in data for data in inputs)
    out = subprocess.run([str(program)], input=b"".join(d + b"\n" for d in inputs), capture_output=True, check=True)
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(answers) == len(inputs)
    return [
        {
            "accepted": a["accepted"],
            "canonical": base64.b64decode(a["canonical"]) if a["accepted"] else None,
            "errors": [tuple(f) for f in a["errors"]],
            "lint": [tuple(f) for f in a["lint"]],
        }
        for a in answers
    ]


def python_answer(p: ModuleType, struct: type, data: bytes) -> dict[str, Any]:
    """The same answer from the generated Python package p."""
    try:
        value = struct.from_json(data)
    except p.DecodeError:
        return {"accepted": False, "canonical": None, "errors": [], "lint": []}
    return {
        "accepted": True,
        "canonical": value.to_json(),
        "errors": [(e.rule, e.pointer) for e in p.validate(value)],
        "lint": [(e.rule, e.pointer) for e in p.lint(value)],
    }


@contextlib.contextmanager
def imported(package: str, path: Path) -> Iterator[ModuleType]:
    """A generated Python package imported from path, and forgotten after (so another of its name can follow)."""
    sys.path.insert(0, str(path))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(path))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


PYTHON_PROGRAM = """\
import base64, json, sys
import {package} as p
struct = getattr(p, {root!r})
for line in sys.stdin.buffer.read().splitlines():
    try:
        value = struct.from_json(line)
    except p.DecodeError:
        print(json.dumps({{"accepted": False, "canonical": None, "errors": [], "lint": []}}))
        continue
    print(json.dumps({{
        "accepted": True,
        "canonical": base64.b64encode(value.to_json()).decode(),
        "errors": [[e.rule, e.pointer] for e in p.validate(value)],
        "lint": [[e.rule, e.pointer] for e in p.lint(value)],
    }}))
"""


def python_answers(python_dir: Path, root: str, inputs: list[bytes], package: str = "sync_protocol") -> list[dict]:
    """python_answer for each input, from a generated package imported in a separate interpreter
    (for a package whose name this process has already imported)."""
    script = PYTHON_PROGRAM.format(package=package, root=root)
    env = {**os.environ, "PYTHONPATH": str(python_dir)}
    out = subprocess.run(
        [sys.executable, "-c", script], input=b"".join(d + b"\n" for d in inputs), env=env, capture_output=True
    )
    assert out.returncode == 0, out.stderr.decode()[-4000:]
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    return [
        {
            "accepted": a["accepted"],
            "canonical": base64.b64decode(a["canonical"]) if a["accepted"] else None,
            "errors": [tuple(f) for f in a["errors"]],
            "lint": [tuple(f) for f in a["lint"]],
        }
        for a in answers
    ]
