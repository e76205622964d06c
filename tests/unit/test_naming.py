from __future__ import annotations

import pytest

from generator.naming import pascal_case, renamed_doc, snake_case, split_words, upper_snake_case
from generator.targets.go import INITIALISMS, comment_lines, go_string
from generator.targets.python import docstring, identifier


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("tokenHash", ("token", "hash")),
        ("quotaURL", ("quota", "url")),
        ("httpStatus", ("http", "status")),
        ("HTTPStatus", ("http", "status")),
        ("keyId", ("key", "id")),
        ("KeyID", ("key", "id")),
        ("key_create_resp", ("key", "create", "resp")),
        ("ID", ("id",)),
        ("utf8Name", ("utf", "8", "name")),
        ("x", ("x",)),
    ],
)
def test_split_words(name: str, words: tuple[str, ...]) -> None:
    assert split_words(name) == words


@pytest.mark.parametrize(
    ("wire", "go"),
    [
        ("id", "ID"),
        ("quotaURL", "QuotaURL"),
        ("httpStatus", "HTTPStatus"),
        ("keyId", "KeyID"),
        ("tokenHash", "TokenHash"),
        ("templateFull", "TemplateFull"),
        ("ok", "Ok"),
        ("key_sync", "KeySync"),
    ],
)
def test_go_names_with_initialisms(wire: str, go: str) -> None:
    assert pascal_case(wire, INITIALISMS) == go


def test_snake_and_upper_snake() -> None:
    assert snake_case("quotaURL") == "quota_url"
    assert snake_case("RawToken") == "raw_token"
    assert upper_snake_case("key_create_resp") == "KEY_CREATE_RESP"


@pytest.mark.parametrize(
    ("name", "safe"),
    [("class", "class_"), ("from", "from_"), ("match", "match_"), ("2fa", "_2fa"), ("self", "self_"), ("name", "name")],
)
def test_python_identifiers(name: str, safe: str) -> None:
    assert identifier(name) == safe


@pytest.mark.parametrize(
    "text",
    ['ends with a quote"', 'has """ inside', 'ends with """', '""""', "back\\slash", "nul\x00here", "tab\tand é"],
)
def test_docstring_literal_holds_the_text(text: str) -> None:
    assert eval(docstring(text)) == text


@pytest.mark.parametrize("text", ['quote " and \\ backslash', "é 東 🚀", "nul \x00 and \u2028"])
def test_go_string_literal(text: str) -> None:
    literal = go_string(text)
    assert literal.startswith('"') and literal.endswith('"') and "\n" not in literal
    assert "\x00" not in literal and "\u2028" not in literal


def test_comment_lines_never_leave_the_comment() -> None:
    lines = comment_lines("first\nsecond\r\nthird\u2028fourth */ //go:generate rm -rf /")
    assert all(line.startswith("//") for line in lines)
    assert len(lines) == 4


@pytest.mark.parametrize(
    ("doc", "generated", "expected"),
    [
        ("ClusterGateway is a cluster's gateway.", "Gateway", "Gateway is a cluster's gateway."),
        ("ClusterGateway: its addresses.", "Gateway", "Gateway: its addresses."),
        ("ClusterGateways are listed.", "Gateway", "ClusterGateways are listed."),  # another word
        ("A cluster's gateway.", "Gateway", "A cluster's gateway."),  # not opened by the name
        ("ClusterGateway is a cluster's gateway.", "ClusterGateway", "ClusterGateway is a cluster's gateway."),
    ],
)
def test_a_renamed_types_doc_opens_with_its_new_name(doc: str, generated: str, expected: str) -> None:
    assert renamed_doc(doc, "ClusterGateway", generated) == expected
