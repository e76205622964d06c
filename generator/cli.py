"""The `framegen` command: argument parsing and exit codes; the work is done elsewhere."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator import __version__
from generator.errors import RenderError, SchemaError
from generator.pipeline import render_all, schema_ir
from generator.settings import Settings, load_settings
from generator.validate_files import validate_files
from generator.write import drift, write_files

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framegen",
        description="Generate Python and Go code from the sync-protocol JSON Schema, and check frames against it.",
        epilog="Example: framegen generate --check",
    )
    parser.add_argument("--version", action="version", version=f"framegen {__version__}")
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("pyproject.toml"),
        help="pyproject.toml holding [tool.framegen] (default: ./pyproject.toml)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    generate = commands.add_parser(
        "generate",
        help="write generated/ from the schema",
        description="Render every target into the output directory; write nothing if any step fails.",
        epilog="Examples: framegen generate; framegen generate --check",
    )
    generate.add_argument(
        "--check", action="store_true", help="write nothing; print a unified diff of stale files and exit 1 if any"
    )
    validate = commands.add_parser(
        "validate",
        help="check frame files (JSON, or JSON Lines with .jsonl) against the schema",
        description="Decode each frame as Go would and report every finding with file, line and JSON pointer.",
        epilog="Example: framegen validate --lint schema/examples/valid/*.json",
    )
    validate.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="a .json frame or a .jsonl file of frames"
    )
    validate.add_argument("--lint", action="store_true", help="also report lint-level findings (they fail too)")
    return parser


def _generate(settings: Settings, check: bool) -> int:
    started = time.perf_counter()
    files = render_all(settings, schema_ir(settings))
    out_dir = settings.output_path
    if check:
        stale = drift(out_dir, files, settings.output)
        if stale:
            sys.stdout.write(stale)
            print(f"framegen: {settings.output}/ is stale; run `make generate` and commit the result", file=sys.stderr)
            return EXIT_FINDINGS
        print(f"framegen: {settings.output}/ is up to date ({len(files)} files)")
        return EXIT_OK
    written, removed = write_files(out_dir, files)
    elapsed = time.perf_counter() - started
    print(f"framegen: {len(files)} files, {len(written)} written, {len(removed)} removed in {elapsed:.2f}s")
    for rel in written:
        print(f"  wrote {settings.output}/{rel}")
    for rel in removed:
        print(f"  removed {settings.output}/{rel}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(args.config)
        if args.command == "generate":
            return _generate(settings, args.check)
        return validate_files(settings, args.files, lint=args.lint)
    except SchemaError as exc:
        print(f"framegen: schema error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RenderError as exc:
        print(f"framegen: generated code does not build (a framegen bug): {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:
        print(f"framegen: {exc}", file=sys.stderr)
        return EXIT_USAGE
