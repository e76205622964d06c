"""`framegen validate`: decode frames with the generated Python package and report its findings.

Every file given is reported on, readable or not, then one summary line: a missing file is a usage
error (exit 2) but does not hide the findings of the files after it.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from generator.pipeline import schema_ir
from generator.settings import Settings, SettingsError
from generator.targets.python import class_name

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _owned(name: str) -> dict[str, ModuleType]:
    return {k: m for k, m in sys.modules.items() if k == name or k.startswith(name + ".")}


@contextlib.contextmanager
def generated_package(settings: Settings) -> Iterator[ModuleType]:
    """The generated Python package of this project, imported from its output directory.

    A process may already hold a package of the same name from elsewhere (another project, or the
    .venv path file): it is set aside while this one is in use and put back after, so the frames are
    always checked by the code generated from this project's schema.
    """
    if "python" not in settings.targets:
        raise SettingsError(
            'framegen validate decodes with the generated Python package: add "python" to [tool.framegen] targets'
        )
    name = settings.option("python_package")
    folder = settings.output_path / "python"
    if not (folder / name / "__init__.py").is_file():
        raise SettingsError(f"{folder / name}: no generated Python package here; run `framegen generate` first")
    saved = _owned(name)
    for key in saved:
        del sys.modules[key]
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(folder))
        for key in _owned(name):
            del sys.modules[key]
        sys.modules.update(saved)


def _frames(path: Path) -> list[tuple[int, bytes]]:
    data = path.read_bytes()
    if path.suffix == ".jsonl":
        return [(n, line) for n, line in enumerate(data.split(b"\n"), 1) if line.strip()]
    return [(1, data)]


def _unreadable(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"{path}: no such file"
    if isinstance(exc, IsADirectoryError):
        return f"{path}: is a directory; give the frame files in it (e.g. {path}/*.json)"
    if isinstance(exc, PermissionError):
        return f"{path}: permission denied"
    return f"{path}: cannot read it: {exc.strerror or exc}"


def validate_files(settings: Settings, files: list[Path], lint: bool) -> int:
    """Print `file:line: pointer: level rule: message` per finding and a summary; 1 if any frame fails,
    2 if a file could not be read."""
    schema = schema_ir(settings)
    with generated_package(settings) as package:
        if getattr(package, "SCHEMA_DIGEST", None) != schema.digest:
            print(
                f"framegen: warning: {package.__name__} was generated from another version of {settings.schema}; "
                "run `framegen generate`",
                file=sys.stderr,
            )
        root = getattr(package, class_name(schema.root, schema.struct(schema.root).annotations))
        return _check(package, root, files, lint)


def _check(package: ModuleType, root: type, files: list[Path], lint: bool) -> int:
    failed = checked = 0
    unreadable: list[str] = []
    for path in files:
        try:
            frames = _frames(path)
        except OSError as exc:
            unreadable.append(_unreadable(path, exc))
            print(f"framegen: {unreadable[-1]}", file=sys.stderr)
            continue
        for line, data in frames:
            checked += 1
            findings = _findings(package, root, data, lint)
            for finding in findings:
                print(f"{path}:{line}: {finding}")
            failed += bool(findings)
    read = len(files) - len(unreadable)
    summary = f"framegen: {_count(checked, 'frame')} checked in {_count(read, 'file')}, {failed} with findings"
    if unreadable:
        summary += f"; {_count(len(unreadable), 'file')} could not be read"
    print(summary, file=sys.stderr)
    return EXIT_USAGE if unreadable else EXIT_FINDINGS if failed else EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _findings(package: ModuleType, root: type, data: bytes, lint: bool) -> list[str]:
    """One line (without the file:line prefix) per finding of one frame; a frame that does not decode is one."""
    try:
        frame = root.from_json(data)
    except package.DecodeError as exc:
        return [f"decode: {exc}"]
    found = package.validate(frame) + (package.lint(frame) if lint else [])
    return [f"{f.pointer or '/'}: {f.level} {f.rule}: {f.message}" for f in found]
