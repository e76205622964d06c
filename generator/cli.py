"""The `framegen` command: argument parsing and exit codes; the work is done elsewhere."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from generator import __version__
from generator.diff import ack, compare
from generator.diff import render as diff_render
from generator.diff.sources import load_side
from generator.errors import MissingTool, RenderError, SchemaError
from generator.export import asyncapi
from generator.pipeline import check_targets, render_all, schema_ir
from generator.settings import Settings, load_settings
from generator.validate_files import validate_files
from generator.write import drift, write_files

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framegen",
        description="Generate code and docs from a versioned protocol JSON Schema, check frames against it, and "
        "compare its versions.",
        epilog="Example: framegen generate --check",
    )
    parser.add_argument("--version", action="version", version=f"framegen {__version__}")
    parser.add_argument(
        "--config",
        type=Path,
        help="pyproject.toml holding [tool.framegen] (default: the nearest one with that table, here or above; "
        "every path in it is relative to its folder)",
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
    diff = commands.add_parser(
        "diff",
        help="compare two schema versions: what breaks, for whom, who deploys first, which bump",
        description="Compare BASE and HEAD (schema files or git revisions) through the IR.",
        epilog="Examples: framegen diff --against origin/main; framegen diff old.json schema/sync-protocol.schema.json",
    )
    diff.add_argument("base", nargs="?", help="base schema: a file or a git revision (or use --against)")
    diff.add_argument("head", nargs="?", help="head schema: a file or a git revision (default: the configured schema)")
    diff.add_argument("--against", metavar="REF", help="base = the configured schema at git revision REF")
    diff.add_argument(
        "--format",
        choices=["text", "markdown", "json", "github"],
        default="text",
        help="text for terminals, markdown for a PR comment, json for machines, github for annotations",
    )
    diff.add_argument(
        "--ack",
        type=Path,
        metavar="FILE",
        help="acknowledged breaks, [[acknowledge]] entries of rule, subject, reason (TOML; must exist when given; "
        "default: schema/acknowledged-breaks.toml if present)",
    )
    export = commands.add_parser(
        "export",
        help="write the protocol in another description format",
        description="Export the schema's protocol; asyncapi writes an AsyncAPI 3.0 document (JSON) that "
        "references the schema file.",
        epilog="Example: framegen export asyncapi -o docs/asyncapi.json",
    )
    export.add_argument("format", choices=["asyncapi"], help="asyncapi: AsyncAPI 3.0, from one party's side (--party)")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    export.add_argument(
        "--party", metavar="NAME", default="", help="the application the document describes (default: the first party)"
    )
    return parser


def _export(settings: Settings, args: argparse.Namespace) -> int:
    schema = schema_ir(settings)
    base = args.output.resolve().parent if args.output else settings.root
    reference = Path(os.path.relpath(settings.schema_path, base)).as_posix()
    text = asyncapi.render(schema, reference, args.party)
    if args.output:
        args.output.write_text(text)
        print(f"framegen: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _generate(settings: Settings, check: bool) -> int:
    started = time.perf_counter()
    files = render_all(settings, schema_ir(settings))
    if check:
        stale = drift(settings.root, settings.output, files)
        if stale:
            sys.stdout.write(stale)
            print("framegen: generated files are stale; run `make generate` and commit the result", file=sys.stderr)
            return EXIT_FINDINGS
        print(f"framegen: generated files are up to date ({len(files)} files)")
        return EXIT_OK
    written, removed = write_files(settings.root, settings.output, files)
    elapsed = time.perf_counter() - started
    print(f"framegen: {len(files)} files, {len(written)} written, {len(removed)} removed in {elapsed:.2f}s")
    for rel in written:
        print(f"  wrote {rel}")
    for rel in removed:
        print(f"  removed {rel}")
    return EXIT_OK


def _diff(settings: Settings, args: argparse.Namespace) -> int:
    if args.against and args.base and args.head:
        raise ValueError("give --against REF or BASE HEAD, not both")
    base = args.against or args.base
    if not base:
        raise ValueError("framegen diff needs a base: --against REF, or BASE [HEAD]")
    head = (args.head if not args.against else args.base) or str(settings.schema_file())
    base_label, old = load_side(base, settings)
    head_label, new = load_side(head, settings, proposed=True)
    check_targets(settings, new)  # a schema generate refuses gets its error here too, not a verdict
    report = compare(old, new, base_label, head_label)
    ack_path = args.ack or settings.root / ack.DEFAULT_PATH
    report = ack.apply(report, ack.load(ack_path, required=args.ack is not None), str(args.ack or ack.DEFAULT_PATH))
    if args.format == "github":
        sys.stdout.write(diff_render.github(report, settings.schema))
    else:
        sys.stdout.write(diff_render.FORMATS[args.format](report))
    return report.exit_code


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(args.config, Path.cwd())
        if args.command == "generate":
            return _generate(settings, args.check)
        if args.command == "diff":
            return _diff(settings, args)
        if args.command == "export":
            return _export(settings, args)
        return validate_files(settings, args.files, lint=args.lint)
    except SchemaError as exc:
        print(f"framegen: schema error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MissingTool as exc:
        print(f"framegen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RenderError as exc:
        print(f"framegen: generated code does not build (a framegen bug): {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:
        print(f"framegen: {exc}", file=sys.stderr)
        return EXIT_USAGE
