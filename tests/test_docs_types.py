"""The protocol reference for the new field types, on the types fixture (tests/types) and the real schema.

Rendered here from the schemas, not read from the committed docs: the tests check the generator.
"""

from __future__ import annotations

import json
import re

import pytest

from generator.pipeline import render_all, schema_ir
from generator.settings import Settings
from generator.targets.docs import code
from support import ROOT

TYPES = ROOT / "tests" / "types"
FIXTURE_SETTINGS = Settings.make(TYPES, schema="schema.json", docs="docs", python_package="types_protocol")
FIXTURE = render_all(FIXTURE_SETTINGS)["docs/protocol.md"].decode()
REAL = render_all(Settings.make(ROOT))["docs/protocol.md"].decode()
CELL_PIPE = re.compile(r"(?<!\\)\|")


def section(doc: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    start = doc.index(f"\n{heading}\n") + len(heading) + 2
    following = [m.start() for m in re.finditer(f"^#{{1,{len(level)}}} ", doc[start:], re.M)]
    return doc[start : start + following[0]] if following else doc[start:]


def row(doc: str, struct: str, wire: str) -> list[str]:
    """The cells of a field's row in a struct's table."""
    for line in section(doc, f"### {struct}").splitlines():
        if line.startswith(f"| `{wire}` |"):
            return [c.strip() for c in CELL_PIPE.split(line)[1:-1]]
    raise AssertionError(f"no row for {wire} in {struct}")


def anchors(doc: str) -> set[str]:
    """GitHub's anchors of the headings (lower case, punctuation but - and _ dropped, spaces as -)."""
    return {
        re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        for heading in re.findall(r"^#+ (.+)$", doc, re.M)
    }


@pytest.mark.parametrize("doc", [FIXTURE, REAL], ids=["types fixture", "real schema"])
def test_every_table_row_has_as_many_cells_as_its_header(doc: str) -> None:
    header = 0
    for line in doc.splitlines():
        if not line.startswith("|"):
            header = 0
            continue
        cells = len(CELL_PIPE.findall(line))
        header = header or cells
        assert cells == header, line


@pytest.mark.parametrize("doc", [FIXTURE, REAL], ids=["types fixture", "real schema"])
def test_every_link_points_at_a_heading(doc: str) -> None:
    targets = set(re.findall(r"\]\(#([^)]+)\)", doc))
    assert targets, "the docs link struct and enum names to their sections"
    assert targets <= anchors(doc)


def test_every_struct_nested_and_content_ones_included_has_its_table() -> None:
    schema = schema_ir(FIXTURE_SETTINGS)
    for struct in schema.structs:
        text = section(FIXTURE, f"### {struct.name}")
        assert "| wire name | type | Python | Go | omitempty | when set | rules on its value | description |" in text
        for f in struct.fields:
            assert f"| `{f.wire_name}` |" in text, (struct.name, f.wire_name)


def test_where_each_struct_is_used() -> None:
    used = {
        name: section(FIXTURE, f"### {name}").split("Used in: ", 1)[1].split("\n", 1)[0]
        for name in ("Quota", "Config", "Cluster", "Sample")
    }
    assert used["Quota"] == (
        "[Sample](#sample) `quota` (optional); [Sample](#sample) `limits` (always written); "
        "[Sample](#sample) `maybeQuota` (always written, null when not set); elements of [Sample](#sample) `quotas`; "
        "values of [Sample](#sample) `quotaByName`."
    )
    assert used["Config"] == (
        "the content of [Sample](#sample) `payload` for `event` "
        "(rule `payload-config`: its rules' findings reported as lint findings)."
    )
    assert used["Cluster"] == "elements of [Config](#config) `clusters`."
    assert used["Sample"] == "the top-level message; elements of [Sample](#sample) `children`."


def test_typed_raw_content_names_its_struct_level_and_types() -> None:
    payload = row(FIXTURE, "Sample", "payload")
    assert payload[6] == (
        "`payload-config` (lint, for `event`): holds a [Config](#config) (decoded as Go's json.Unmarshal would) "
        "that meets its rules"
    )
    rules = section(FIXTURE, "## Validation rules")
    # Config's and Cluster's own rules are error rules, reported as lint where they check payload's content
    assert (
        "| `cluster-id` | error | every [Cluster](#cluster) value "
        "(as lint findings in the content of [Sample](#sample) `payload`) |" in rules
    )
    assert "| `config-clusters` | error | every [Config](#config) value (as lint findings" in rules


@pytest.mark.parametrize(
    ("wire", "type_", "when", "rules"),
    [
        ("name", "string", "optional", "`name-shape`: has 1 to 16 characters, matches `^[a-z-]+$`"),
        ("ratio", "number", "optional", "`ratio-range`: is within (0, 1]"),
        ("score", "number", "always", "`score-const` (for `event`): is `1.5`"),
        ("u64", "integer (uint64)", "optional", "—"),
        ("role", "[Role](#role) (string)", "optional", "`role-known`: is a [Role](#role) value"),
        ("note", "string or null", "always, null when not set", "`note-not-empty`: is not empty"),
        (
            "scopes",
            "array of string",
            "optional",
            "`scopes-bounded`: has at most 4 elements, each element: is not empty",
        ),
        ("tags", "array of string, or null", "always, null when not set", "`tags-written`: is not null"),
        (
            "labels",
            "map of string",
            "optional",
            "`labels-bounded`: has at most 3 members, each value: has at most 8 characters",
        ),
        (
            "rolesByUser",
            "map of [Role](#role) (string)",
            "optional",
            "`roles-by-user-known`: each value: is a [Role](#role) value",
        ),
        ("quota", "[Quota](#quota) or null", "optional", "—"),
        ("limits", "[Quota](#quota)", "always", "—"),
        ("maybeQuota", "[Quota](#quota) or null", "always, null when not set", "—"),
        ("quotaByName", "map of [Quota](#quota)", "optional", "—"),
        ("when", "string", "optional", "`when-date-time`: is an RFC 3339 date-time"),
        (
            "kind",
            "[Kind](#message-types) (string)",
            "always",
            "`kind-known`: is a [Kind](#message-types) value or empty",
        ),
    ],
)
def test_a_field_shows_its_type_presence_and_constraints(wire: str, type_: str, when: str, rules: str) -> None:
    cells = row(FIXTURE, "Sample", wire)
    assert (cells[1], cells[5], cells[6]) == (type_, when, rules)


def test_nested_struct_constraints_and_enums_have_their_place() -> None:
    assert row(FIXTURE, "Quota", "windowSeconds")[6] == "`quota-window`: is at least 1"
    role = section(FIXTURE, "### Role")
    assert '| `"admin"` | — |' in role and '| `"viewer"` | — |' in role
    assert "### Kind" not in FIXTURE  # the message type enum is the message types table
    assert "| kind | message kind | direction |" in FIXTURE  # the discriminant is named kind: no | kind | kind |


def test_real_schema_presence_reads_as_the_rules_say() -> None:
    assert row(REAL, "Frame", "ok")[5].startswith("required (or `error`) for `key_create_resp`")
    assert row(REAL, "Frame", "error")[5].endswith(
        "must be absent for `key_create_resp`, `key_delete_resp`, "
        "`template_create_resp`, `template_update_resp`, "
        "`template_delete_resp` if `ok` is set"
    )
    assert row(REAL, "Frame", "httpStatus")[5].endswith("`template_delete_resp` if `error` is set")
    assert row(REAL, "Frame", "items")[5] == (
        "expected absent (lint) unless `type` is `key_snapshot` or `template_snapshot`"
    )
    assert row(REAL, "Frame", "type")[6] == (
        "`type-required` (at the top level): is not empty; "
        "`type-known`: is a [FrameType](#message-types) value or empty"
    )


@pytest.mark.parametrize("text", ["plain", "a`b", "`", "``x`", "a ``` b", " x ", "`a` `b`", "|<&>"])
def test_code_span_holds_any_text(text: str) -> None:
    span = code(text)
    fence = re.match("`+", span).group()
    inner = span[len(fence) : -len(fence)]
    assert span.endswith(fence) and fence not in re.findall("`+", inner)
    if inner[:1] == " " and inner[-1:] == " " and inner.strip():
        inner = inner[1:-1]  # CommonMark strips one space each side
    assert inner == text


def test_docs_quote_the_fixture_schema_values_as_json() -> None:
    schema = json.loads((TYPES / "schema.json").read_text())
    for value in schema["$defs"]["Role"]["enum"]:
        assert f"| `{json.dumps(value)}` |" in FIXTURE
