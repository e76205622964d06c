"""What the golden cases of the new types do, in both languages, against expectations written by hand.

test_golden.py pins the generated text; this pins its behaviour. For each case a few inputs are
decoded, re-encoded and validated by the generated Python (in process) and by the generated Go
(a small program built against the package): both must accept exactly the inputs expected, write
exactly the canonical bytes expected, and report exactly the findings expected, in order.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from roundtrip import build_program, go_answers, imported, python_answer

from generator.pipeline import render_all, schema_ir
from generator.settings import Settings
from generator.write import write_files
from support import go_available

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not go_available(), reason="Go is required")]

CASES = Path(__file__).parent / "cases"

REJECTED = None
Expected = tuple[str, str | None, list[tuple[str, str]], list[tuple[str, str]]]
"""(input, canonical bytes or REJECTED, error findings, lint findings)."""

EXPECTED: dict[str, list[Expected]] = {
    "floats": [
        ("{}", '{"score":0}', [], []),
        ('{"ratio":1,"score":2.5}', '{"ratio":1,"score":2.5}', [], []),
        ('{"ratio":1,"score":1}', '{"ratio":1,"score":1}', [("perfect-score", "/score")], []),
        (
            '{"ratio":-0.5,"score":1e301,"offset":0,"samples":[1,0,-1e-7],"byName":{"b":1e-7,"a":1e-8}}',
            '{"ratio":-0.5,"score":1e+301,"offset":0,"samples":[1,0,-1e-7],"byName":{"a":1e-8,"b":1e-7}}',
            [
                ("ratio-range", "/ratio"),
                ("score-finite-range", "/score"),
                ("offset-half", "/offset"),
                ("samples-positive", "/samples/1"),
                ("samples-positive", "/samples/2"),
                ("by-name-tiny", "/byName/b"),
            ],
            [],
        ),
        ('{"ratio":-0,"score":-0,"offset":-0.5}', '{"score":-0,"offset":-0.5}', [], []),
        ('{"score":1e400}', REJECTED, [], []),
    ],
    "integer_widths": [
        ("{}", '{"seq":0}', [], []),
        (
            '{"i32":-2147483648,"u64":18446744073709551615,"n":5,"maybe":0,"history":[4294967296],'
            '"byShard":{"z":-1,"a":1}}',
            '{"i32":-2147483648,"u64":18446744073709551615,"n":5,"seq":0,"maybe":0,"history":[4294967296],'
            '"byShard":{"a":1,"z":-1}}',
            [
                ("i32-not-min", "/i32"),
                ("u64-max-is-special", "/n"),
                ("maybe-positive", "/maybe"),
                ("history-small", "/history/0"),
                ("by-shard-nonnegative", "/byShard/z"),
            ],
            [],
        ),
        ('{"u64":18446744073709551615,"n":-1,"seq":null}', '{"u64":18446744073709551615,"n":-1,"seq":0}', [], []),
        ('{"i32":2147483648}', REJECTED, [], []),
        ('{"u32":-1}', REJECTED, [], []),
        ('{"u64":18446744073709551616}', REJECTED, [], []),
        ('{"maybe":1.0}', REJECTED, [], []),
    ],
    "nullable_scalars": [
        ("{}", '{"note":null,"verified":null}', [("note-written", "/note")], []),
        (
            '{"nickname":"","note":"x","verified":true,"tier":""}',
            '{"nickname":"","note":"x","verified":true,"tier":""}',
            [("tier-known", "/tier"), ("nickname-not-empty", "/nickname"), ("verified-needs-age", "/age")],
            [],
        ),
        (
            '{"note":"n","verified":false,"age":0,"weight":0,"tier":null}',
            '{"note":"n","verified":false,"age":0,"weight":0}',
            [("age-zero-is-unknown", "/age")],
            [],
        ),
        (
            '{"note":"n","verified":true,"age":7,"tier":"paid"}',
            '{"note":"n","verified":true,"age":7,"tier":"paid"}',
            [],
            [],
        ),
    ],
    "lists": [
        ("{}", '{"members":null}', [("members-written", "/members")], []),
        ('{"members":[]}', '{"members":[]}', [("members-written", "/members")], []),
        (
            '{"scopes":["read","root"],"tags":["ok","","Bad"],"ids":[1,0,2,3],"flags":[false],"members":["a"]}',
            '{"scopes":["read","root"],"tags":["ok","","Bad"],"ids":[1,0,2,3],"flags":[false],"members":["a"]}',
            [
                ("scopes-known", "/scopes/1"),
                ("tag-shape", "/tags/1"),
                ("tag-shape", "/tags/1"),
                ("tag-shape", "/tags/2"),
                ("ids-distinct-range", "/ids"),
                ("ids-distinct-range", "/ids/1"),
                ("admin-alone", "/tags"),
            ],
            [],
        ),
        ('{"members":["a",null],"ratios":[]}', '{"members":["a",""]}', [], []),
        ('{"members":[1]}', REJECTED, [], []),
    ],
    "maps": [
        ("{}", '{"attrs":null}', [("attrs-written", "/attrs")], []),
        (
            '{"labels":{"b":"x","a":"' + "a" * 64 + '"},"roles":{"u2":"guest","u1":"owner"},'
            '"limits":{"y":{"rate":0},"x":{"rate":1,"burst":2}},"attrs":{}}',
            '{"labels":{"a":"' + "a" * 64 + '","b":"x"},"roles":{"u1":"owner","u2":"guest"},'
            '"limits":{"x":{"rate":1,"burst":2},"y":{"rate":0}},"attrs":{}}',
            [
                ("label-length", "/labels/a"),
                ("roles-known", "/roles/u2"),
                ("attrs-written", "/attrs"),
                ("limits-bursty", "/limits/y/burst"),
                ("owners-only", "/roles/u2"),
                ("rate-positive", "/limits/y/rate"),
            ],
            [],
        ),
        ('{"attrs":{"a/b~c":true}}', '{"attrs":{"a/b~c":true}}', [], []),
        ('{"counts":{"a":-1},"attrs":{}}', REJECTED, [], []),
    ],
    "nested_structs": [
        ("{}", '{"body":{"limits":{}},"trace":null}', [("trace-written", "/trace")], []),
        (
            '{"meta":{"name":""},"body":{"limits":{"maxBytes":2000000}},"trace":{"name":"t"},'
            '"parts":[{"id":"p","parts":[{"size":null}]}]}',
            '{"meta":{"name":""},"body":{"limits":{"maxBytes":2000000}},"trace":{"name":"t"},'
            '"parts":[{"id":"p","parts":[{}]}]}',
            [("meta-named", "/meta/name"), ("max-bytes-bounded", "/body/limits/maxBytes")],
            [],
        ),
        (
            '{"meta":null,"trace":null,"parts":[{}]}',
            '{"body":{"limits":{}},"trace":null,"parts":[{}]}',
            [("meta-when-parts", "/meta"), ("trace-written", "/trace")],
            [],
        ),
        ('{"body":null,"trace":{"name":"t","hops":0}}', '{"body":{"limits":{}},"trace":{"name":"t"}}', [], []),
        ('{"body":[]}', REJECTED, [], []),
    ],
    "typed_raw_content": [
        ("{}", '{"kind":""}', [("kind-known", "/kind")], []),
        (
            '{"kind":"config","payload":{"version":0,"clusters":[{"id":""},{"id":"a"}]},"extras":{"color":"red"}}',
            '{"kind":"config","payload":{"version":0,"clusters":[{"id":""},{"id":"a"}]},"extras":{"color":"red"}}',
            [("version-positive", "/payload/version"), ("cluster-id", "/payload/clusters/0/id")],
            [("color-hex", "/extras/color")],
        ),
        (
            '{"kind":"config","payload":[1]}',
            '{"kind":"config","payload":[1]}',
            [("payload-object", "/payload"), ("config-payload", "/payload")],
            [],
        ),
        ('{"kind":"config"}', '{"kind":"config"}', [("config-payload", "/payload")], []),
        (
            '{"kind":"note","extras":{"color":"#00ff00","color":"#000000"}}',
            '{"kind":"note","extras":{"color":"#00ff00","color":"#000000"}}',
            [],
            [("extras-hints", "/extras")],
        ),
        (
            '{"kind":"note","payload":{"version":0},"raws":[null,1,"<"]}',
            '{"kind":"note","payload":{"version":0},"raws":[null,1,"\\u003c"]}',
            [],
            [],
        ),
    ],
    "constraints": [
        ("{}", '{"handle":""}', [("handle-shape", "/handle"), ("handle-shape", "/handle")], []),
        (
            '{"handle":"good_name","email":"nope","age":151,"score":100,"tags":["x"],"attrs":{"k":"v=1"},'
            '"created":"2026-02-29T10:00:00Z","plan":"pro"}',
            '{"handle":"good_name","email":"nope","age":151,"score":100,"tags":["x"],"attrs":{"k":"v=1"},'
            '"created":"2026-02-29T10:00:00Z","plan":"pro"}',
            [
                ("age-range", "/age"),
                ("email-shape", "/email"),
                ("score-open-range", "/score"),
                ("tags-count", "/tags/0"),
                ("attrs-count", "/attrs"),
                ("created-date-time", "/created"),
            ],
            [],
        ),
        ('{"handle":"abc","plan":"pro"}', '{"handle":"abc","plan":"pro"}', [("adult-plan", "/age")], []),
        (
            '{"handle":"abc","age":17,"plan":"pro"}',
            '{"handle":"abc","age":17,"plan":"pro"}',
            [("adult-plan", "/age")],
            [],
        ),
        ('{"handle":"abc","plan":"legacy"}', '{"handle":"abc","plan":"legacy"}', [("plan-known", "/plan")], []),
        (
            '{"handle":"ab\\u00e9","email":"a@b.c","created":"2024-02-29t23:59:60+01:00"}',
            '{"handle":"abé","email":"a@b.c","created":"2024-02-29t23:59:60+01:00"}',
            [("handle-shape", "/handle")],
            [],
        ),
    ],
}


def build(case: str, tmp_path: Path) -> tuple[Path, Path, str]:
    """The case's packages (Python under its own name), and the Go program checking its top-level struct."""
    module = f"example.invalid/golden/{case}"
    shutil.copy(CASES / case / "schema.json", tmp_path / "schema.json")
    settings = Settings.make(tmp_path, schema="schema.json", python_package=f"golden_{case}", go_module=module)
    write_files(settings.root, settings.output, render_all(settings))
    root = schema_ir(settings).root
    return settings.output_path, build_program(tmp_path / "check", settings.output_path / "go", module, root), root


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_golden_case_behaves_as_written_in_python_and_go(case: str, tmp_path: Path) -> None:
    generated, program, root = build(case, tmp_path)
    inputs = [given.encode() for given, *_ in EXPECTED[case]]
    expected = [
        {
            "accepted": canonical is not REJECTED,
            "canonical": None if canonical is REJECTED else canonical.encode(),
            "errors": errors,
            "lint": lint,
        }
        for _, canonical, errors, lint in EXPECTED[case]
    ]
    go = go_answers(program, inputs)
    with imported(f"golden_{case}", generated / "python") as p:
        python = [python_answer(p, getattr(p, root), given) for given in inputs]
    for given, want, got_go, got_python in zip(inputs, expected, go, python, strict=True):
        assert got_go == want, f"Go on {given}"
        assert got_python == want, f"Python on {given}"


def test_pattern_classes_read_as_go_reads_them(tmp_path: Path) -> None:
    r"""\s, \d and \w are ASCII in RE2; the generated Python pattern keeps that meaning (python_regex)."""
    given = b'{"handle":"abc","email":"a\\u00a0b@c.d"}'
    generated, program, _ = build("constraints", tmp_path)
    [go] = go_answers(program, [given])
    assert go["errors"] == []  # to RE2, U+00A0 is not \s: the address matches
    with imported("golden_constraints", generated / "python") as p:
        assert [(e.rule, e.pointer) for e in p.validate(p.Account.from_json(given))] == go["errors"]
