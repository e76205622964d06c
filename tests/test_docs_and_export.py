"""docs/protocol.md (a generated target) and the AsyncAPI 3.0 export, on the seed_v1 fixture project.

The relay fixture (a second protocol) goes through the same targets in tests/test_second_protocol.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema

from generator.cli import main
from generator.pipeline import render_all
from generator.settings import load_settings
from projects import SEED_V1
from projects import SEED_V1_SCHEMA as SCHEMA
from support import ROOT

# Rendered here from the fixture's schema, not read from a file: the test checks the generator.
DOCS = render_all(load_settings(SEED_V1 / "pyproject.toml"))["docs/protocol.md"].decode()
ASYNCAPI_SCHEMA = json.loads((ROOT / "tests" / "data" / "asyncapi-3.0.0.schema.json").read_text())
ARROW = re.compile(r"^    ([WP])(->>|-->>)([WP]): [A-Za-z0-9 _\-(),/]+$")
NOTE = re.compile(r"^    Note over ([WP]),([WP]): [A-Za-z0-9 _\-(),/.]+$")


def mermaid_block() -> list[str]:
    return DOCS.split("```mermaid\n", 1)[1].split("\n```", 1)[0].splitlines()


def test_mermaid_sequence_diagram_is_well_formed() -> None:
    """A structural check of the subset of Mermaid's sequenceDiagram syntax the docs target emits
    (no Mermaid parser runs here: the npm one needs a browser DOM)."""
    lines = mermaid_block()
    assert lines[0] == "sequenceDiagram"
    declared = set()
    for line in lines[1:]:
        participant = re.fullmatch(r"    participant ([WP]) as (Worker|ws-proxy)", line)
        if participant:
            declared.add(participant.group(1))
            continue
        match = ARROW.match(line) or NOTE.match(line)
        assert match, f"not a sequenceDiagram line: {line!r}"
        assert {match.group(1), match.group(3) if ARROW.match(line) else match.group(2)} <= declared, line


def test_diagram_covers_connect_requests_and_changes() -> None:
    text = "\n".join(mermaid_block())
    assert "Note over W,P: on each new connection\n    P->>W: key_snapshot" in text
    assert "W->>P: key_create (id)\n    P-->>W: key_sync (broadcast)\n    P->>W: key_create_resp (echoes id)" in text
    assert text.rstrip().endswith("P->>W: cluster_config_sync")


def test_docs_cover_every_type_field_and_the_version() -> None:
    schema = json.loads(SCHEMA.read_text())
    for value in schema["$defs"]["FrameType"]["enum"]:
        assert f"### `{value}`" in DOCS and f"| `{value}` |" in DOCS
    for wire in schema["$defs"]["Frame"]["x-framegen-order"]:
        assert f"| `{wire}` |" in DOCS
    assert "| `quotaURL` | string | `quota_url: str` | `QuotaURL string` |" in DOCS
    assert "| `templateFull` | raw JSON | `template_full: RawJSON \\| None` | `TemplateFull json.RawMessage` |" in DOCS
    assert schema["x-schema-version"] in DOCS and "sha256:" in DOCS
    assert '```json\n{\n  "type": "key_sync",' in DOCS  # a canonical example, in struct field order


def export(tmp_path: Path, capsys) -> dict:
    out = tmp_path / "docs" / "asyncapi.json"
    out.parent.mkdir(exist_ok=True)
    assert main(["--config", str(SEED_V1 / "pyproject.toml"), "export", "asyncapi", "-o", str(out)]) == 0
    capsys.readouterr()
    return json.loads(out.read_text())


def test_docs_state_the_failure_model_and_each_languages_helper() -> None:
    """On the real protocol's committed reference (the frozen fixture predates the failure model, 1.3.0)."""
    docs = (ROOT / "docs" / "protocol.md").read_text()
    section = docs.split("\n## Failure model\n", 1)[1].split("\n## ", 1)[0]
    assert "1. `ok` is true: success, whatever `error` says;" in section
    assert "2. otherwise, `httpStatus` is not 0: a failure with a status, the error type `HTTPError`" in section
    assert "3. otherwise: a failure without a status, whose message is `error` (possibly empty)." in section
    assert "HTTPError carries an HTTP status code from a ws-proxy error response frame." in section
    assert "`key_create_resp`" in section and "`key_sync`" not in section  # responses only
    assert "| Go | `func (f *Frame) ResponseError() error` |" in section
    assert "| Python | `Frame.response_error()`; `Frame.raise_for_response()` raises it |" in section


def test_asyncapi_export_validates_against_the_asyncapi_3_schema(tmp_path: Path, capsys) -> None:
    document = export(tmp_path, capsys)
    errors = [e.message for e in jsonschema.Draft7Validator(ASYNCAPI_SCHEMA).iter_errors(document)]
    assert errors == []


def test_asyncapi_export_has_every_message_operation_and_reply(tmp_path: Path, capsys) -> None:
    document = export(tmp_path, capsys)
    assert len(document["components"]["messages"]) == 18
    operations = document["operations"]
    assert len(operations) == 13  # 18 types less 5 responses, which are replies
    assert operations["send_key_create"]["reply"]["messages"] == [{"$ref": "#/channels/sync/messages/key_create_resp"}]
    assert operations["receive_key_sync"]["action"] == "receive"
    payload = document["components"]["messages"]["key_sync"]["payload"]["schema"]
    reference, pointer = payload["allOf"][0]["$ref"].split("#")
    assert (tmp_path / "docs" / reference).resolve() == SCHEMA.resolve() and pointer == "/$defs/Frame"
    assert payload["properties"] == {"type": {"const": "key_sync"}}


def test_a_broken_export_is_rejected_by_the_asyncapi_schema(tmp_path: Path, capsys) -> None:
    document = export(tmp_path, capsys)
    document["operations"]["send_key_create"]["action"] = "publish"  # AsyncAPI 2 vocabulary
    assert list(jsonschema.Draft7Validator(ASYNCAPI_SCHEMA).iter_errors(document))
