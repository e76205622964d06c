"""Every diff rule has a before/after folder with the exact expected findings; the real schema's key scenarios."""

from __future__ import annotations

import json
import re
from pathlib import Path

import author_cases
import pytest

from generator.build_ir import build_ir
from generator.diff import compare, findings
from generator.diff.model import Bump
from generator.diff.render import markdown, text
from generator.diff.rules import RULES
from generator.errors import SchemaError
from generator.load import load_text
from projects import SEED_V1_SCHEMA as SCHEMA  # the toolkit is tested on a frozen fixture

CASES = Path(__file__).parent / "cases"
KEYS = (
    "rule",
    "severity",
    "subject",
    "breaks_old_readers",
    "breaks_old_writers",
    "api_break",
    "rollout",
    "advice",
    "bump",
)


def load(path: Path):
    return build_ir(load_text(path.read_text(), path.name), check_version=False)


def projected(found) -> list[dict]:
    rows = [{k: (str(getattr(f, k)) if k == "bump" else getattr(f, k)) for k in KEYS} for f in found]
    return sorted(rows, key=lambda r: (r["rule"], r["subject"]))


@pytest.mark.parametrize("case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_rule_case(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text())
    got = projected(findings(load(case / "before.schema.json"), load(case / "after.schema.json")))
    assert got == sorted(expected, key=lambda r: (r["rule"], r["subject"]))


def test_every_rule_has_a_case_folder_where_it_fires() -> None:
    fired = set()
    for case in CASES.iterdir():
        fired |= {f["rule"] for f in json.loads((case / "expected.json").read_text())}
    assert {r.id for r in RULES} <= fired
    assert len(RULES) >= 30


def test_rule_ids_are_stable_screaming_snake_and_documented() -> None:
    for r in RULES:
        assert re.fullmatch(r"[A-Z][A-Z0-9_]+", r.id) and r.purpose


def _real(change=None):
    """The real schema as at version 1.0.0 (the scenarios' versions to set are counted from there), changed."""
    document = json.loads(SCHEMA.read_text())
    document["x-schema-version"] = "1.0.0"
    if change:
        change(document)
    return build_ir(load_text(json.dumps(document), "schema"), check_version=False)


def _frame(d: dict) -> dict:
    return d["$defs"]["Frame"]


def test_unchanged_schema_reports_nothing() -> None:
    report = compare(_real(), _real())
    assert report.findings == () and report.exit_code == 0


def test_equivalent_rewrite_reports_nothing() -> None:
    """A property moved into $defs behind a $ref, and every object's keys reversed: the same schema."""

    def rewrite(d: dict) -> None:
        d["$defs"]["TokenHash"] = _frame(d)["properties"]["tokenHash"]
        _frame(d)["properties"]["tokenHash"] = {"$ref": "#/$defs/TokenHash"}

    def reverse(node):
        if isinstance(node, dict):
            return {k: reverse(node[k]) for k in reversed(list(node))}
        return [reverse(v) for v in node] if isinstance(node, list) else node

    document = json.loads(SCHEMA.read_text())
    document["x-schema-version"] = "1.0.0"  # as _real() pins it
    rewrite(document)
    rewritten = build_ir(load_text(json.dumps(reverse(document)), "schema"), check_version=False)
    assert compare(_real(), rewritten).findings == ()


def _remove_quota_url(d: dict) -> None:
    _frame(d)["properties"].pop("quotaURL")
    _frame(d)["x-framegen-order"].remove("quotaURL")


def _add_push(d: dict) -> None:
    d["$defs"]["FrameType"]["enum"].append("key_rotate")
    d["$defs"]["FrameType"]["x-framegen-values"]["key_rotate"] = {
        "kind": "push",
        "from": "ws-proxy",
        "to": "worker",
        "description": "r",
    }
    _kind_rule(d, "push-no-id")["if"]["properties"]["type"]["enum"].append("key_rotate")


def _kind_rule(d: dict, rule_id: str) -> dict:
    return next(r for r in _frame(d)["allOf"] + d["$defs"]["FrameLint"]["allOf"] if r["x-framegen-rule"] == rule_id)


def _add_enum_field(d: dict) -> None:
    """The issue's first scenario: an optional enum field and its membership rule (Frame has a string `role`
    already, so the new one is keyRole)."""
    d["$defs"]["KeyRole"] = {"type": "string", "description": "what a key may do", "enum": ["admin", "member"]}
    _frame(d)["properties"]["keyRole"] = {
        "description": "role the key grants",
        "x-framegen-rule": "key-role-known",
        "anyOf": [{"$ref": "#/$defs/KeyRole"}, {"const": ""}],
    }
    _frame(d)["x-framegen-order"].append("keyRole")


def _add_rotate_pair(d: dict, request_id: bool = True) -> None:
    """The issue's second scenario: key_rotate -> key_rotate_resp, in its kinds' rules, with a rule of its own."""
    values = d["$defs"]["FrameType"]["x-framegen-values"]
    d["$defs"]["FrameType"]["enum"] += ["key_rotate", "key_rotate_resp"]
    values["key_rotate"] = {
        "kind": "request",
        "from": "worker",
        "to": "ws-proxy",
        "response": "key_rotate_resp",
        "description": "Worker asks the ws-proxy to rotate the key named Name.",
    }
    values["key_rotate_resp"] = {"kind": "response", "from": "ws-proxy", "to": "worker", "description": "result"}
    if request_id:
        _kind_rule(d, "request-id")["if"]["properties"]["type"]["enum"].append("key_rotate")
    for rule_id in ("response-id", "response-outcome", "response-success-no-error", "response-error-status"):
        _kind_rule(d, rule_id)["if"]["properties"]["type"]["enum"].append("key_rotate_resp")
    _frame(d)["allOf"].append(
        {
            "x-framegen-rule": "key-rotate-name",
            "x-framegen-level": "error",
            "description": "a key_rotate names the key it rotates",
            "if": {"required": ["type"], "properties": {"type": {"const": "key_rotate"}}},
            "then": {"required": ["name"]},
        }
    )


def _http_status_range(d: dict) -> None:
    _frame(d)["properties"]["httpStatus"].update({"minimum": 100, "maximum": 599, "x-framegen-rule": "http-range"})


def _key_create_namespace(d: dict) -> None:
    _frame(d)["allOf"].append(
        {
            "x-framegen-rule": "key-create-namespace",
            "x-framegen-level": "error",
            "description": "names a namespace",
            "if": {"properties": {"type": {"const": "key_create"}}},
            "then": {"required": ["namespace"]},
        }
    )


def _add_field(d: dict, name: str, schema: dict) -> None:
    _frame(d)["properties"][name] = schema
    _frame(d)["x-framegen-order"].append(name)


def _add_scopes(d: dict) -> None:
    _add_field(d, "scopes", {"type": "array", "items": {"type": "string"}, "description": "scopes the key grants"})


def _add_quota(d: dict) -> None:
    """A nested struct (a pointer: optional) with a rule of its own."""
    d["$defs"]["Quota"] = {
        "type": "object",
        "description": "a rate limit",
        "x-framegen-order": ["requests", "windowSeconds"],
        "required": ["requests"],
        "properties": {
            "requests": {"type": "integer", "format": "int64", "description": "requests per window"},
            "windowSeconds": {
                "type": "integer",
                "format": "int32",
                "minimum": 1,
                "x-framegen-rule": "quota-window",
                "description": "the window",
            },
        },
    }
    _add_field(d, "quota", {"$ref": "#/$defs/Quota", "description": "the key's rate limit"})


def _add_labels(d: dict) -> None:
    _add_field(d, "labels", {"type": "object", "additionalProperties": {"type": "string"}, "description": "labels"})


def _add_ratio(d: dict) -> None:
    _add_field(
        d,
        "ratio",
        {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "x-framegen-rule": "ratio-range",
            "description": "share of the quota in use",
        },
    )


def _nullable(field: str):
    return lambda d: _frame(d)["properties"][field].update({"type": ["string", "null"]})


WS_FIRST = "one step: deploy this schema to ws-proxy first, then to Worker"
WORKER_FIRST = "one step: deploy this schema to Worker first, then to ws-proxy"
EITHER = "one step: deploy this schema to Worker and ws-proxy, in either order"

# name: (change, [(rule, severity, breaks old readers, breaks old writers, rollout)], required bump, plan,
#        version to set)
SCENARIOS = {
    "remove a field": (
        _remove_quota_url,
        [("FIELD_REMOVED", "breaking", True, False, "not rollable in one step")],
        "major",
        "not rollable in one step (2 steps)",
        "2.0.0",
    ),
    "add a FrameType value": (
        _add_push,
        [("ENUM_VALUE_ADDED", "warning", True, False, "deploy Worker first")],
        "minor",
        WORKER_FIRST,
        "1.1.0",
    ),
    "add an enum field with its membership rule": (
        _add_enum_field,
        [
            ("ENUM_ADDED", "info", False, False, "either order"),
            ("FIELD_ADDED", "info", False, False, "either order"),
            ("RULE_ADDED", "info", False, False, "either order"),
        ],
        "minor",
        EITHER,
        "1.1.0",
    ),
    "add a request/response pair with its kinds' rules": (
        _add_rotate_pair,
        [
            ("ENUM_VALUE_ADDED", "warning", True, False, "deploy ws-proxy first"),
            ("ENUM_VALUE_ADDED", "info", False, False, "either order"),
            ("RULE_ADDED", "info", False, False, "either order"),
        ],
        "minor",
        WS_FIRST,
        "1.1.0",
    ),
    "tighten httpStatus to a range": (
        _http_status_range,
        [("RULE_ADDED", "breaking", False, True, "deploy ws-proxy first")],
        "major",
        WS_FIRST,
        "2.0.0",
    ),
    "add a required field to key_create": (
        _key_create_namespace,
        [("RULE_ADDED", "breaking", False, True, "deploy Worker first")],
        "major",
        WORKER_FIRST,
        "2.0.0",
    ),
    "two changes that need opposite orders": (
        lambda d: (_http_status_range(d), _key_create_namespace(d)),
        [
            ("RULE_ADDED", "breaking", False, True, "deploy Worker first"),
            ("RULE_ADDED", "breaking", False, True, "deploy ws-proxy first"),
        ],
        "major",
        "not rollable in one step (2 steps)",
        "2.0.0",
    ),
    # issue 11's types, each added to the real schema (and one field made nullable)
    "add scopes (a string array)": (
        _add_scopes,
        [("FIELD_ADDED", "info", False, False, "either order")],
        "minor",
        EITHER,
        "1.1.0",
    ),
    "add quota (a nested object)": (
        _add_quota,
        [
            ("STRUCT_ADDED", "info", False, False, "either order"),
            ("FIELD_ADDED", "info", False, False, "either order"),
            ("RULE_ADDED", "info", False, False, "either order"),
        ],
        "minor",
        EITHER,
        "1.1.0",
    ),
    "add labels (a string map)": (
        _add_labels,
        [("FIELD_ADDED", "info", False, False, "either order")],
        "minor",
        EITHER,
        "1.1.0",
    ),
    "add ratio (a number) with its range": (
        _add_ratio,
        [("FIELD_ADDED", "info", False, False, "either order"), ("RULE_ADDED", "info", False, False, "either order")],
        "minor",
        EITHER,
        "1.1.0",
    ),
    # no rule checks description: both services read null as "" as before; Go's string becomes *string
    "make description nullable": (
        _nullable("description"),
        [("FIELD_NULLABLE_ADDED", "breaking", False, False, "either order")],
        "major",
        EITHER,
        "2.0.0",
    ),
    # name-required wants a name on deletes, sent both ways: a name set to "" is present to new readers, absent
    # to old ones
    "make name nullable": (
        _nullable("name"),
        [("FIELD_NULLABLE_ADDED", "breaking", True, False, "not rollable in one step")],
        "major",
        "not rollable in one step (2 steps)",
        "2.0.0",
    ),
    "a description-only edit": (
        lambda d: _frame(d)["properties"]["name"].update({"description": "the secret's name"}),
        [("FIELD_DESCRIPTION_CHANGED", "info", False, False, "either order")],
        "patch",
        EITHER,
        "1.0.1",
    ),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario_on_the_real_schema(name: str) -> None:
    change, expected, bump, plan, version = SCENARIOS[name]
    report = compare(_real(), _real(change))
    got = [(f.rule, f.severity, f.breaks_old_readers, f.breaks_old_writers, f.rollout) for f in report.findings]
    assert sorted(got) == sorted(expected)
    assert str(report.version.required) == bump
    assert report.version.ok is False  # 1.0.0 -> 1.0.0 declares no bump
    assert report.plan.summary == plan
    assert report.version.suggested == version
    assert f"set x-schema-version to {version}" in report.version.advice


def test_renaming_the_status_field_is_a_failure_model_change() -> None:
    """httpStatus -> status: besides the wire change, the generated response helpers read another field."""

    def with_failure(d: dict) -> None:  # the real schema's failure model (1.3.0) on the frozen 1.0.0 fixture
        failure = {"name": "HTTPError", "success": "ok", "message": "error", "status": "httpStatus"}
        _frame(d)["x-framegen-failure"] = {**failure, "description": "HTTPError carries an HTTP status code."}

    def rename(d: dict) -> None:
        with_failure(d)
        props = _frame(d)["properties"]
        props["status"] = props.pop("httpStatus")
        order = _frame(d)["x-framegen-order"]
        order[order.index("httpStatus")] = "status"
        _frame(d)["x-framegen-failure"]["status"] = "status"
        for r in _frame(d)["allOf"]:
            if r["x-framegen-rule"] == "response-error-status":
                r["then"]["required"] = ["status"]

    report = compare(_real(with_failure), _real(rename))
    [failure] = [f for f in report.findings if f.rule == "FAILURE_MODEL_CHANGED"]
    assert (failure.severity, failure.api_break, str(failure.bump)) == ("breaking", True, "major")
    assert "status field httpStatus -> status" in failure.message
    assert (failure.writers, failure.readers) == (("ws-proxy",), ("Worker",))  # responses flow that way
    assert str(report.version.required) == "major" and report.exit_code == 1


def test_a_new_request_is_tied_to_its_kinds_rules() -> None:
    """A request type missing from the request rule is refused, naming it: it would validate without an id."""
    with pytest.raises(SchemaError) as info:
        _real(lambda d: _add_rotate_pair(d, request_id=False))
    assert info.value.pointer.endswith("/if/properties/type")
    assert "misses the request key_rotate" in info.value.message
    assert '"key_rotate"' in info.value.hint and "key_create" not in info.value.message


def test_the_new_type_names_the_kind_rules_it_carries() -> None:
    report = compare(_real(), _real(_add_rotate_pair))
    request, response = (f for f in report.findings if f.rule == "ENUM_VALUE_ADDED")
    assert request.message.endswith("as a request it carries request-id")
    assert "sent only in reply to key_rotate" in response.message
    assert response.message.endswith(
        "as a response it carries response-id, response-outcome, response-success-no-error, response-error-status"
    )
    assert not [f for f in report.findings if f.rule.startswith("RULE_") and f.rule != "RULE_ADDED"]


def test_opposite_orders_become_versions_not_two_orders() -> None:
    plan = compare(_real(), _real(lambda d: (_http_status_range(d), _key_create_namespace(d)))).plan
    assert plan.steps == (
        "ship this schema as version 1 with only rule key-create-namespace: deploy it to Worker first, then to "
        "ws-proxy",
        "ship this schema as version 2 with only rule http-range: deploy it to ws-proxy first, then to Worker",
    )


def test_a_removal_is_planned_as_stop_reading_then_stop_sending() -> None:
    plan = compare(_real(), _real(_remove_quota_url)).plan
    assert plan.steps == (
        "before this schema ships: stop reading Frame.quotaURL in Worker and ws-proxy, in a release still on "
        "the old schema",
        "deploy this schema to Worker and ws-proxy, in either order",
    )
    assert plan.reasons == (
        "FIELD_REMOVED Frame.quotaURL: its receivers (Worker and ws-proxy) must stop reading Frame.quotaURL "
        "before its senders (Worker and ws-proxy) stop sending it",
    )


def test_version_check_names_what_to_set() -> None:
    base = _real()
    down_report = compare(base, _real(lambda d: d.update({"x-schema-version": "0.9.0"})))
    down = down_report.version
    assert down.errors[0].startswith("the version went down") and down.fix == "set x-schema-version to 1.0.0"
    assert "version 1.0.0 -> 0.9.0: declared a downgrade, required" in text(down_report)  # not "a major bump"
    minor = _real(
        lambda d: (
            d.update({"x-schema-version": "1.1.0"}),
            d["$defs"]["Frame"]["properties"]["name"].update({"description": "x"}),
        )
    )
    right = compare(base, minor).version
    assert right.ok and right.fix == "" and right.advice.startswith("keep x-schema-version 1.1.0 (")
    bad_id = compare(base, _real(lambda d: d.update({"x-schema-version": "2.0.0"}))).version
    assert any("does not carry the major version v2" in e for e in bad_id.errors)
    assert bad_id.fix == "set $id to https://schemas.framegen.dev/sync-protocol/v2/sync-protocol.schema.json"


def test_a_ten_times_larger_schema_diffs_to_what_changed() -> None:
    """Scale is no excuse for noise: 210 more fields, 180 more types and 170 more rules, one field removed,
    one finding. (How long it takes is measured by `make bench`, bench/toolkit.py, not asserted here.)"""

    def grow(d: dict) -> None:
        for i in range(10 * 21):
            _frame(d)["properties"][f"extra{i}"] = {"type": "string", "description": f"field {i}"}
            _frame(d)["x-framegen-order"].append(f"extra{i}")
        for i in range(10 * 18):
            d["$defs"]["FrameType"]["enum"].append(f"type_{i}")
            d["$defs"]["FrameType"]["x-framegen-values"][f"type_{i}"] = {
                "kind": "push",
                "from": "ws-proxy",
                "to": "worker",
                "description": "x",
            }
            _kind_rule(d, "push-no-id")["if"]["properties"]["type"]["enum"].append(f"type_{i}")
        for i in range(10 * 17):
            _frame(d)["allOf"].append(
                {
                    "x-framegen-rule": f"extra-{i}",
                    "x-framegen-level": "error",
                    "description": "x",
                    "if": {"properties": {"type": {"const": f"type_{i % 180}"}}},
                    "then": {"required": [f"extra{i}"]},
                }
            )

    big = _real(grow)
    bigger = _real(
        lambda d: (grow(d), _frame(d)["properties"].pop("extra205"), _frame(d)["x-framegen-order"].remove("extra205"))
    )
    report = compare(big, bigger)
    assert [(f.rule, f.subject) for f in report.findings if f.severity != "info"] == [
        ("FIELD_REMOVED", "Frame.extra205")
    ], report.findings


def test_case_folders_are_what_author_cases_writes(tmp_path: Path) -> None:
    """The folders hold the expectations written by hand in author_cases.py, not edited output."""
    author_cases.main(tmp_path)
    for folder in sorted(CASES.iterdir()):
        for file in ("before.schema.json", "after.schema.json", "expected.json"):
            assert (folder / file).read_text() == (tmp_path / folder.name / file).read_text(), f"{folder.name}/{file}"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in CASES.iterdir())


@pytest.mark.parametrize("name", author_cases.ADD_ONLY)
def test_a_change_that_only_adds_breaks_nobody(name: str) -> None:
    """Fields, types, and rules on what is new: no breaking finding, and one deploy step."""
    report = compare(load(CASES / name / "before.schema.json"), load(CASES / name / "after.schema.json"))
    assert [f for f in report.findings if f.severity == "breaking"] == []
    assert report.plan.one_step, report.plan
    assert report.version.required <= Bump.MINOR


def test_a_gated_and_a_replaced_change_make_one_plan() -> None:
    """FIELD_RAW_CHANGED (ship other versions instead) with RULE_REMOVED read by both (gate its use)."""
    case = CASES / "FIELD_RAW_CHANGED"
    plan = compare(load(case / "before.schema.json"), load(case / "after.schema.json")).plan
    assert not plan.one_step
    assert plan.steps == (
        "Msg.payload: instead, add a field of the new type next to Msg.payload (a minor version); once the "
        "senders (Worker and ws-proxy) send both and the receivers (Worker and ws-proxy) read the new one, "
        "remove Msg.payload (a major version)",
        "after that: start sending what rule payload-object allows only once Worker and ws-proxy all run this schema",
    )


def _quota_twice(d: dict) -> None:
    """Quota held by quota (tied to key_sync by a rule) and by a list of quotas tied to key_create."""
    _add_quota(d)
    _add_field(d, "quotas", {"type": "array", "items": {"$ref": "#/$defs/Quota"}, "description": "more quotas"})
    for rule_id, type_, field in (
        ("key-sync-quota", "key_sync", "quota"),
        ("key-create-quotas", "key_create", "quotas"),
    ):
        _frame(d)["allOf"].append(
            {
                "x-framegen-rule": rule_id,
                "x-framegen-level": "error",
                "description": f"a {type_} has {field}",
                "if": {"properties": {"type": {"const": type_}}},
                "then": {"required": [field]},
            }
        )


def test_a_shared_struct_field_is_reported_once_for_the_types_of_its_holders() -> None:
    """Quota.windowSeconds widened: one finding on the struct's field, read where quota and quotas travel."""

    def widen(d: dict) -> None:
        _quota_twice(d)
        d["$defs"]["Quota"]["properties"]["windowSeconds"]["format"] = "int64"

    report = compare(_real(_quota_twice), _real(widen))
    assert [(f.rule, f.subject) for f in report.findings] == [("FIELD_WIDENED", "Quota.windowSeconds")]
    (finding,) = report.findings
    assert finding.frame_types == ("key_create", "key_sync")
    assert (finding.readers, finding.writers) == (("Worker", "ws-proxy"), ("Worker", "ws-proxy"))
    assert finding.breaks_old_readers and not finding.breaks_old_writers and finding.api_break
    assert finding.message == "field windowSeconds widened int32 -> int64: old readers reject values past int32"
    assert report.plan.steps == (
        "deploy this schema to Worker and ws-proxy, in either order",
        "after that: start sending values of Quota.windowSeconds that its old type could not hold only once Worker "
        "and ws-proxy all run this schema",
    )


def test_a_nullable_field_read_by_a_rule_is_gated_after_the_deploy() -> None:
    report = compare(_real(), _real(_nullable("name")))
    (finding,) = report.findings
    assert finding.message.endswith("old readers check it (name-required)")
    assert finding.frame_types == ("key_delete", "key_delete_sync", "template_delete", "template_delete_sync")
    assert report.plan.steps == (
        "deploy this schema to Worker and ws-proxy, in either order",
        "after that: start sending Frame.name as null or an explicit zero value only once Worker and ws-proxy all "
        "run this schema",
    )


def test_a_nullable_field_no_rule_reads_breaks_code_only() -> None:
    """Markdown names the generated API break, the deploy in either order and the major version with its $id."""
    out = markdown(compare(_real(), _real(_nullable("description"))))
    row = (
        "| 🔴 | `FIELD_NULLABLE_ADDED` | **Frame.description**: field description is now nullable (a pointer in Go "
        "(*string), optional in Python): new writers may send null or an explicit zero value, which old readers "
        "read as the zero value | no | no | yes | Worker, ws-proxy → Worker, ws-proxy | either order |"
    )
    assert row in out.splitlines()
    assert "**Rollout plan** — one step: deploy this schema to Worker and ws-proxy, in either order" in out
    assert "set x-schema-version to 2.0.0 and $id to https://schemas.framegen.dev/sync-protocol/v2/" in out
