"""What validate and lint take: a Frame, or a mapping (a decoded JSON object) read through Frame.from_dict.

A mapping is judged exactly as the frame Frame.from_dict makes of it (so as Go would read its JSON
text); one that does not decode raises DecodeError, as its bytes would; anything else is a TypeError
that says what the functions take.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

import sync_protocol
from support import EXAMPLES, example_files, findings

CHECKS = [sync_protocol.validate, sync_protocol.lint]


class ReadOnly(Mapping):
    """A mapping that is not a dict (what some WebSocket and config libraries hand out)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_a_dict_gets_the_findings_of_the_frame_it_decodes_to(path: Path, check) -> None:
    data = json.loads(path.read_bytes())
    assert findings(check(data)) == findings(check(sync_protocol.Frame.from_json(path.read_bytes())))


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("wrap", [MappingProxyType, ReadOnly], ids=["MappingProxyType", "Mapping"])
def test_any_mapping_is_taken_not_only_a_dict(check, wrap) -> None:
    data = {"type": "key_snapshot", "items": [{"type": "key_delete_sync", "tokenHash": "ab"}]}
    frame = sync_protocol.Frame.from_dict(data)
    assert check(frame), "the case must have a finding at both levels"
    assert check(wrap(data)) == check(frame)


def test_a_mapping_is_read_as_go_reads_its_json() -> None:
    """Unknown keys are ignored, keys fold as Go folds them, null is the zero value: the wire's reading."""
    data = {"TYPE": "key_delete", "ID": "r1", "name": None, "templateName": "x"}
    assert findings(sync_protocol.validate(data)) == [("name-required", "/name")]
    assert findings(sync_protocol.validate({})) == [("type-required", "/type")]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"type": "key_create_resp", "id": "r1", "ok": "true"}, "Go struct field Frame.ok of type bool"),
        ({"type": "key_create_resp", "id": "r1", "httpStatus": "409"}, "Frame.httpStatus of type int64"),
        ({"type": "key_snapshot", "items": [{"httpStatus": 1.5}]}, "Frame.items.httpStatus"),
        ({"type": "key_sync", "x": float("nan")}, "not JSON data"),
        ({"type": "key_sync", "x": {1, 2}}, "not JSON data"),
    ],
)
def test_a_mapping_that_does_not_decode_raises_decode_error(check, data: dict, message: str) -> None:
    with pytest.raises(sync_protocol.DecodeError, match=re.escape(message)) as caught:
        check(data)
    assert any("Frame.from_dict" in note for note in getattr(caught.value, "__notes__", []))


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize(
    ("value", "name"),
    [
        (None, "NoneType"),
        (1, "int"),
        ([{"type": "key_sync"}], "list"),
        (sync_protocol.CreateKeyRequest(), "CreateKeyRequest"),
        (object(), "object"),
    ],
)
def test_anything_else_is_a_type_error_naming_what_is_taken(check, value: Any, name: str) -> None:
    expected = f"{check.__name__} takes a Frame or a mapping (a decoded JSON object), not {name}"
    with pytest.raises(TypeError, match=f"^{re.escape(expected)}$"):
        check(value)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("value", [b'{"type":"key_sync"}', '{"type":"key_sync"}', bytearray(b"{}")])
def test_bytes_and_text_are_a_type_error_that_points_at_from_json(check, value: Any) -> None:
    with pytest.raises(TypeError, match=r"takes a Frame or a mapping .*, not \w+; decode .* Frame\.from_json"):
        check(value)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_a_subclass_of_frame_is_a_frame(check) -> None:
    class Traced(sync_protocol.Frame):
        __slots__ = ()

    frame = Traced(type="key_delete_sync", id="x")
    assert check(frame) == check(sync_protocol.Frame(type="key_delete_sync", id="x"))
    assert check(frame), "the case must have a finding at both levels"
