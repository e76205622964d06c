"""The types fixture's conformance vectors (tests/types/schema.json), written to tests/vectors/types.

As in author.py: the inputs and the expected `errors` and `lint` are written here by hand, from the
fixture's rules; go_accepts, value and canonical are recorded from Go's encoding/json by `make vectors`.

The rules a case can break (tests/types/schema.json), in the order the validators report them: kind-known,
role-known, roles-known, roles-by-user-known (field rules, in field order), then put-needs-id, name-shape
(length, then pattern), ratio-range, scopes-bounded (count, then each item), labels-bounded (count, then
each value, keys in Go's order), note-not-empty, tags-written, when-date-time, score-const (the allOf rules,
in schema order); then quota-window in quota, limits, maybeQuota, quotas, quotaByName; then each child.
Lint: payload-config on an event's payload, then config-clusters and cluster-id inside its content.
"""

from __future__ import annotations

import json
from decimal import Decimal, getcontext
from typing import Any

from author import case

BASE: dict[str, Any] = {"kind": "put_resp", "tags": []}
"""A Sample no rule flags: a known kind without rules of its own, and tags written as a list."""
HEAD = '{"kind":"put_resp","tags":[]'

I32 = (-(2**31), 2**31 - 1)
I64 = (-(2**63), 2**63 - 1)
U32 = (0, 2**32 - 1)
U64 = (0, 2**64 - 1)


def j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def s(**fields: Any) -> str:
    """A Sample: BASE with these fields (a field given here replaces BASE's)."""
    return j({**BASE, **fields})


def t(members: str) -> str:
    """A Sample: BASE with members spelled exactly as given (number spellings, escapes, duplicates)."""
    return HEAD + ("," + members if members else "") + "}"


def ev(members: str) -> str:
    """An event (its score 1.5, as score-const wants) with members spelled as given."""
    return '{"kind":"event","score":1.5,"tags":[]' + ("," + members if members else "") + "}"


def _halfway(low: Decimal, high: Decimal) -> str:
    getcontext().prec = 2000
    return format((low + high) / 2, "f")


# ---- floats ---------------------------------------------------------------------------------------


def floats() -> list[dict]:
    spellings = {
        "1e21": "1e21 is written 1e+21: exponent form from 1e21 up",
        "1e20": "1e20 is written in full: plain form below 1e21",
        "999999999999999999999": "21 nines round to 1e21, written 1e+21",
        "1e-6": "1e-6 is written 0.000001: plain form from 1e-6 up",
        "0.000001": "0.000001 spelled out stays as it is",
        "1e-7": "1e-7 stays in exponent form, as e-7 (not e-07)",
        "0.0000001": "0.0000001 spelled out is written 1e-7",
        "1e-10": "1e-10: a two-digit negative exponent",
        "1.5e-10": "1.5e-10",
        "-1.5e-7": "-1.5e-7",
        "5e-324": "5e-324, the smallest subnormal",
        "4.9406564584124654e-324": "the smallest subnormal in 17 digits is written 5e-324",
        "2.4703282292062328e-324": "just above half the smallest subnormal rounds up to 5e-324",
        "2.4703282292062327e-324": "just below half the smallest subnormal rounds down to 0",
        "2.2250738585072014e-308": "the smallest normal float64",
        "1.7976931348623157e308": "1.7976931348623157e308, the largest float64",
        "1.7976931348623158e308": "1.7976931348623158e308 rounds down to the largest float64",
        "1.7976931348623159e308": "1.7976931348623159e308 is past the largest float64: rejected",
        "1e309": "1e309 overflows float64: rejected",
        "1e400": "1e400 overflows float64: rejected",
        "-1e400": "-1e400 overflows float64: rejected",
        "1e-400": "1e-400 underflows to 0",
        "-1e-400": "-1e-400 underflows to -0",
        "-0": "-0 is negative zero, written -0",
        "-0.0": "-0.0 is negative zero, written -0",
        "0": "0 is written 0",
        "0.0": "0.0 is written 0",
        "0e0": "0e0 is written 0",
        "-0e-0": "-0e-0 is negative zero",
        "0.1": "0.1",
        "0.30000000000000004": "0.1+0.2 (0.30000000000000004) keeps its 17 digits",
        "0.3": "0.3 is not 0.1+0.2",
        "1.0": "1.0 is written 1",
        "1.50": "1.50 is written 1.5",
        "123.456": "123.456",
        "100": "an integer into a float field",
        "-1": "a negative integer into a float field",
        "9007199254740993": "2^53+1 rounds to even: 9007199254740992",
        "9223372036854775807": "int64's maximum into a float field is 2^63, written 9223372036854775808",
        "18446744073709551616": "2^64 into a float field, written 18446744073709551616",
        "123456789012345678901234567890": "a 30-digit integer is written 1.2345678901234568e+29",
        "1E21": "1E21: a capital E",
        "1e+21": "1e+21: an explicit plus",
        "1E+21": "1E+21",
        "1.5E3": "1.5E3 is written 1500",
        "15e-1": "15e-1 is written 1.5",
        "1e+02": "1e+02: a zero-padded exponent",
        "1E-7": "1E-7",
        "0.5e1": "0.5e1 is written 5",
        "1e0": "1e0 is written 1",
        "1e-0": "1e-0 is written 1",
        "1e22": "1e22 is written 1e+22",
        "1e100": "1e100 is written 1e+100",
        "1.23e-100": "1.23e-100",
        "1e0000000001": "an exponent with leading zeros",
        "1e-0000000000000000000000000000000001": "a negative exponent with 33 leading zeros",
    }
    out = [case(f"score {name}", t(f'"score":{spelling}')) for spelling, name in spellings.items()]
    getcontext().prec = 2000
    tiny = Decimal(2) ** -1074
    one = Decimal(1)
    half_tiny = _halfway(Decimal(0), tiny)
    half_one = _halfway(one, one + Decimal(2) ** -52)
    out += [
        case("score: 5,000 fraction digits", t('"score":0.' + "1" * 5000)),
        case("score: a 309-digit integer is 1e+308", t('"score":1' + "0" * 308)),
        case("score: a 310-digit integer overflows: rejected", t('"score":1' + "0" * 309)),
        case("score: 4,301 nines (past Python's int() digit limit) overflow: rejected", t('"score":' + "9" * 4301)),
        case(
            "score: exactly half the smallest subnormal (752 digits) rounds to even, 0",
            t('"score":' + half_tiny),
        ),
        case("score: a digit past half the smallest subnormal rounds up to 5e-324", t('"score":' + half_tiny + "1")),
        case("score: exactly halfway between 1 and the next float64 rounds to even, 1", t('"score":' + half_one)),
        case(
            "score: a digit 900 places past the halfway point rounds up to 1.0000000000000002",
            t('"score":' + half_one + "0" * 900 + "1"),
        ),
        case("score: 1,000 zeros after the point, then e1000", t('"score":0.' + "0" * 1000 + "1e1000")),
        case("score: 800 digits before the point (Go's limit), then e-799", t('"score":1' + "0" * 799 + "e-799")),
        case("score: 901 digits before the point and e-2000 are 0 however read", t('"score":1' + "0" * 900 + "e-2000")),
        # Found writing these vectors: past 800 digits before the point Go's ParseFloat misplaces the
        # point (1e-101 for 1 here), and it keeps 5 digits of an exponent; Python rejects by policy.
        case(
            "score: 801 digits before the point, then e-800: Go reads 0.1, not 1",
            t('"score":1' + "0" * 800 + "e-800"),
            policy=("misread-number", "rejects"),
        ),
        case(
            "score: 901 digits before the point, then e-900: Go reads 1e-101, not 1",
            t('"score":1' + "0" * 900 + "e-900"),
            policy=("misread-number", "rejects"),
        ),
        case(
            "score: a 6-digit exponent: Go keeps 5 digits of it and reads 10, not 1e90001",
            t('"score":0.' + "0" * 9998 + "1e100000"),
            policy=("misread-number", "rejects"),
        ),
        case(
            "score: 99,990 zeros after the point and a 6-digit exponent: Go keeps 5 digits and reads 0, not 1e9",
            t('"score":0.' + "0" * 99990 + "1e100000"),
            policy=("misread-number", "rejects"),
        ),
    ]
    out += [
        case("ratio 0 is omitted", t('"ratio":0')),
        case("ratio -0 is omitted: omitempty compares with 0", t('"ratio":-0')),
        case("ratio 1e-400 underflows to 0 and is omitted", t('"ratio":1e-400')),
        case("ratio 5e-324 is kept", t('"ratio":5e-324')),
        case("ratio 0.1", t('"ratio":0.1')),
        case("maybeRatio 0 is a pointer to 0: written", t('"maybeRatio":0')),
        case("maybeRatio -0 is a pointer to -0: written -0", t('"maybeRatio":-0')),
        case("maybeRatio 1e-400 is a pointer to 0: written", t('"maybeRatio":1e-400')),
        case("maybeRatio -1e-400 is a pointer to -0", t('"maybeRatio":-1e-400')),
        case("maybeRatio 1e21", t('"maybeRatio":1e21')),
        case("maybeRatio 1e309 is rejected", t('"maybeRatio":1e309')),
        case(
            "weights: every boundary in one list",
            t('"weights":[1e21,1e20,1e-6,1e-7,-0,5e-324,1.7976931348623157e308,0.1,0.30000000000000004]'),
        ),
        case("weights: null elements are 0", t('"weights":[null,1,null]')),
        case("weights: 1e309 in a list is rejected", t('"weights":[1,1e309]')),
        case("weights: a string element is rejected", t('"weights":["1"]')),
        case("weightsByName: keys sorted, -0 and null values", t('"weightsByName":{"b":-0,"a":1e-7,"c":null}')),
        case("weightsByName: 1e400 as a map value is rejected", t('"weightsByName":{"a":1e400}')),
        case("quota burst 1e21", t('"quota":{"requests":1,"burst":1e21}')),
        case("quota burst -0 is omitted", t('"quota":{"requests":1,"burst":-0}')),
        case("limits burst 1e-7", t('"limits":{"requests":1,"burst":1e-7}')),
        case("score null leaves 0", t('"score":null')),
        case("score as a string is rejected", t('"score":"1.5"')),
        case("score true is rejected", t('"score":true')),
        case("score [] is rejected", t('"score":[]')),
        case("ratio {} is rejected", t('"ratio":{}')),
    ]
    for bad in ("01", ".5", "1.", "+1", "1e", "1e+", "-", "Infinity", "-Infinity", "NaN", "0x10", "1.5.5"):
        out.append(case(f"score {bad} is not JSON", t(f'"score":{bad}')))
    out += [
        case("event: score 1.5", ev("")),
        case("event: score 15e-1 is 1.5", '{"kind":"event","score":15e-1,"tags":[]}'),
        case("event: score 1.50 is 1.5", '{"kind":"event","score":1.50,"tags":[]}'),
        case("event: score 1.5000000000000001 rounds to 1.5", '{"kind":"event","score":1.5000000000000001,"tags":[]}'),
        case(
            "event: score 1.5000000000000002 is the next float64: score-const",
            '{"kind":"event","score":1.5000000000000002,"tags":[]}',
            errors=[("score-const", "/score")],
        ),
        case("event: no score is 0: score-const", '{"kind":"event","tags":[]}', errors=[("score-const", "/score")]),
        case("event: score -0 is not 1.5", '{"kind":"event","score":-0,"tags":[]}', errors=[("score-const", "/score")]),
    ]
    return out


# ---- integers -------------------------------------------------------------------------------------


def integers() -> list[dict]:
    out = []
    widths = {"i32": I32, "i64": I64, "u32": U32, "u64": U64, "n": I64}
    for wire, (low, high) in widths.items():
        out += [
            case(f"{wire} {high} (its maximum)", t(f'"{wire}":{high}')),
            case(f"{wire} {high + 1} (one past its maximum) is rejected", t(f'"{wire}":{high + 1}')),
            case(f"{wire} {low - 1} (one below its minimum) is rejected", t(f'"{wire}":{low - 1}')),
            case(f"{wire} 1.0 is rejected", t(f'"{wire}":1.0')),
            case(f"{wire} 1e2 is rejected", t(f'"{wire}":1e2')),
            case(f"{wire} 0.5 is rejected", t(f'"{wire}":0.5')),
            case(f'{wire} "1" is rejected', t(f'"{wire}":"1"')),
            case(f"{wire} null leaves 0", t(f'"{wire}":null')),
        ]
        if low < 0:
            out += [
                case(f"{wire} {low} (its minimum)", t(f'"{wire}":{low}')),
                case(f"{wire} -0 is 0, omitted", t(f'"{wire}":-0')),
            ]
        else:
            out += [
                case(f"{wire} 0 is omitted", t(f'"{wire}":0')),
                case(f"{wire} -0 is rejected: no sign for unsigned", t(f'"{wire}":-0')),
            ]
    out += [
        case("i64 1E2 is rejected", t('"i64":1E2')),
        case("i64 1e+2 is rejected", t('"i64":1e+2')),
        case("i64 0e0 is rejected", t('"i64":0e0')),
        case("i64 -0.0 is rejected", t('"i64":-0.0')),
        case("u64 1e19 is rejected", t('"u64":1e19')),
        case("u64 of 20 nines is rejected", t('"u64":' + "9" * 20)),
        case("u64 of 26 digits is rejected", t('"u64":1' + "0" * 25)),
        case("n of 4,301 digits (past Python's int() digit limit) is rejected", t('"n":' + "9" * 4301)),
        case("n of 5,000 digits, negative, is rejected", t('"n":-' + "9" * 5000)),
        case("i32 01 is not JSON", t('"i32":01')),
        case("i32 +1 is not JSON", t('"i32":+1')),
        case("u32 true is rejected", t('"u32":true')),
        case("maybeCount 0 is a pointer to 0: written", t('"maybeCount":0')),
        case("maybeCount -0 is a pointer to 0: written 0", t('"maybeCount":-0')),
        case("maybeCount 9223372036854775807", t('"maybeCount":9223372036854775807')),
        case("maybeCount -9223372036854775808", t('"maybeCount":-9223372036854775808')),
        case("maybeCount 9223372036854775808 is rejected", t('"maybeCount":9223372036854775808')),
        case("maybeCount 1.5 is rejected", t('"maybeCount":1.5')),
        case(
            "counts: int64's bounds, 0, -0 and null",
            t('"counts":[-9223372036854775808,9223372036854775807,0,-0,null]'),
        ),
        case("counts: one past int64 is rejected", t('"counts":[1,9223372036854775808]')),
        case("counts: 1.0 is rejected", t('"counts":[1.0]')),
        case("counts: 1e2 is rejected", t('"counts":[1e2]')),
        case("attrs: int's bounds, null and -0 values", t('"attrs":{"a":9223372036854775807,"b":null,"c":-0}')),
        case("attrs: 1.5 as a value is rejected", t('"attrs":{"a":1.5}')),
        case("attrs: one past int64 as a value is rejected", t('"attrs":{"a":-9223372036854775809}')),
        case("quota requests at int64's maximum", t('"quota":{"requests":9223372036854775807}')),
        case("quota requests one past int64 is rejected", t('"quota":{"requests":9223372036854775808}')),
        case("quota windowSeconds at int32's maximum", t('"quota":{"requests":1,"windowSeconds":2147483647}')),
        case("quota windowSeconds one past int32 is rejected", t('"quota":{"requests":1,"windowSeconds":2147483648}')),
        case(
            "limits windowSeconds at int32's minimum: quota-window",
            t('"limits":{"requests":1,"windowSeconds":-2147483648}'),
            errors=[("quota-window", "/limits/windowSeconds")],
        ),
        case("quotas: requests 1.5 in an element is rejected", t('"quotas":[{"requests":1},{"requests":1.5}]')),
    ]
    # The same bounds in Go's canonical form, which the msgspec fast path reads (it declines anything else).
    canonical = (
        '{"kind":"put_resp","score":1.5,%s"note":null,%s"tags":[],"attrs":%s,%s"limits":{"requests":%s},'
        '"maybeQuota":null}'
    )

    def frame(scalar: str = "", after_note: str = "", attrs: str = "null", quota: str = "", requests: str = "0") -> str:
        return canonical % (scalar and scalar + ",", after_note and after_note + ",", attrs, quota, requests)

    for wire, (low, high) in widths.items():
        out.append(case(f"{wire} {high} in canonical form", frame(f'"{wire}":{high}')))
        out.append(case(f"{wire} {high + 1} in canonical form is rejected", frame(f'"{wire}":{high + 1}')))
        out.append(case(f"{wire} {low - 1} in canonical form is rejected", frame(f'"{wire}":{low - 1}')))
    out += [
        case(
            "maybeCount one past int64 in canonical form is rejected",
            frame(after_note='"maybeCount":9223372036854775808'),
        ),
        case(
            "counts: one past int64 in canonical form is rejected", frame(after_note='"counts":[9223372036854775808]')
        ),
        case("attrs: one past int64 in canonical form is rejected", frame(attrs='{"a":9223372036854775808}')),
        case("limits requests one past int64 in canonical form is rejected", frame(requests="9223372036854775808")),
        case(
            "quota windowSeconds one past int32 in canonical form is rejected",
            frame(quota='"quota":{"requests":0,"windowSeconds":2147483648},'),
        ),
        case("u64 of 23 digits in canonical form is rejected", frame('"u64":99999999999999999999999')),
    ]
    # Found writing these vectors: msgspec reads integers past uint64 and takes no bound past int64, so the
    # fast path accepted these; its mirror now declines them (python_mirror._uint64_guard).
    return out


# ---- nullable -------------------------------------------------------------------------------------


def nullable() -> list[dict]:
    return [
        case(
            "every nullable field absent: nickname, maybeCount, maybeRatio, quota omitted; note, maybeQuota null", s()
        ),
        case("nickname null is nil: omitted", s(nickname=None)),
        case('nickname "" is a pointer to "": written', s(nickname="")),
        case("nickname with a value", s(nickname="nick")),
        case("nickname 1 is rejected", t('"nickname":1')),
        case("note null is written null", s(note=None)),
        case('note "" is written, and note-not-empty flags it', s(note=""), errors=[("note-not-empty", "/note")]),
        case("note with a value", s(note="a note")),
        case("note true is rejected", t('"note":true')),
        case("maybeCount null is omitted", s(maybeCount=None)),
        case('maybeCount "1" is rejected', t('"maybeCount":"1"')),
        case("maybeRatio null is omitted", s(maybeRatio=None)),
        case("maybeQuota null is written null", s(maybeQuota=None)),
        case("maybeQuota {} is a pointer to a zero Quota: written", s(maybeQuota={})),
        case("maybeQuota with every field", s(maybeQuota={"requests": 10, "windowSeconds": 60, "burst": 1.5})),
        case(
            "maybeQuota's own rules apply",
            s(maybeQuota={"requests": 1, "windowSeconds": -1}),
            errors=[("quota-window", "/maybeQuota/windowSeconds")],
        ),
        case("maybeQuota [] is rejected", t('"maybeQuota":[]')),
        case('maybeQuota "x" is rejected', t('"maybeQuota":"x"')),
        case("quota null is nil: omitted", s(quota=None)),
        case("quota {} is a pointer to a zero Quota: written", s(quota={})),
        case("quota with windowSeconds 0 only: written with requests 0", s(quota={"windowSeconds": 0})),
        case("quota true is rejected", t('"quota":true')),
        case(
            "every nullable field null at once",
            t('"nickname":null,"note":null,"maybeCount":null,"maybeRatio":null,"quota":null,"maybeQuota":null'),
        ),
        case(
            "every nullable field pointing to a zero value",
            t('"nickname":"","note":"x","maybeCount":0,"maybeRatio":0,"quota":{},"maybeQuota":{}'),
        ),
        case(
            "null inside quota leaves each field zero", t('"quota":{"requests":null,"windowSeconds":null,"burst":null}')
        ),
        case("null inside limits leaves each field zero", t('"limits":{"requests":null,"burst":null}')),
        case("limits null leaves the zero Quota", t('"limits":null')),
        case(
            "null fields inside a child",
            '{"kind":"put_resp","tags":[],"children":[{"kind":null,"note":null,"tags":null,"maybeQuota":null}]}',
            errors=[("tags-written", "/children/0/tags")],
        ),
    ]


# ---- lists ----------------------------------------------------------------------------------------


def lists() -> list[dict]:
    return [
        case("every list absent: omitempty ones omitted, tags [] as given", s()),
        case("scopes [] is omitted", s(scopes=[])),
        case("scopes null is omitted", s(scopes=None)),
        case("scopes with values", s(scopes=["read", "write"])),
        case(
            'scopes [null]: a null element is "", which scopes-bounded flags',
            s(scopes=[None]),
            errors=[("scopes-bounded", "/scopes/0")],
        ),
        case("scopes [1] is rejected", t('"scopes":[1]')),
        case('scopes "a" (not a list) is rejected', t('"scopes":"a"')),
        case("scopes {} is rejected", t('"scopes":{}')),
        case("scopes with a trailing comma is not JSON", t('"scopes":["a",]')),
        case(
            "tags absent is nil: written null, and tags-written flags it",
            '{"kind":"put_resp"}',
            errors=[("tags-written", "/tags")],
        ),
        case("tags null is nil: written null", '{"kind":"put_resp","tags":null}', errors=[("tags-written", "/tags")]),
        case("tags with values", s(tags=["a", "b"])),
        case('tags [null] is [""]', s(tags=[None])),
        case("tags [[]] is rejected", '{"kind":"put_resp","tags":[[]]}'),
        case("counts [null] is [0]", s(counts=[None])),
        case('counts [1,"2"] is rejected', t('"counts":[1,"2"]')),
        case("flags with a null element", s(flags=[True, False, None])),
        case("flags [0] is rejected", t('"flags":[0]')),
        case("flags [false] is kept: the list is not empty", s(flags=[False])),
        case("roles: known values", s(roles=["admin", "viewer"])),
        case(
            'roles [null] is [""], which roles-known flags',
            s(roles=[None]),
            errors=[("roles-known", "/roles/0")],
        ),
        case("quotas [null] is one zero Quota", s(quotas=[None])),
        case(
            "quotas: each element's rules, at its index",
            s(quotas=[{}, {"requests": 1, "windowSeconds": -1}, {"windowSeconds": 0}]),
            errors=[("quota-window", "/quotas/1/windowSeconds")],
        ),
        case("quotas [1] is rejected", t('"quotas":[1]')),
        case("quotas [] is omitted", s(quotas=[])),
        case("raws [] is omitted", s(raws=[])),
        case("raws null is omitted", s(raws=None)),
        case("raws [null] keeps a raw null", s(raws=[None])),
        case("children [] is omitted", s(children=[])),
        case("children null is omitted", s(children=None)),
        case(
            "children [null] is one zero Sample: its tags are nil",
            s(children=[None]),
            errors=[("tags-written", "/children/0/tags")],
        ),
        case(
            "whitespace inside lists",
            t('"scopes":[ "a" ,\n"b" ],"counts":[ 1 , 2 ],"weights":[\t0.5 ]'),
        ),
        case("a list of 1,000 counts", t('"counts":[' + ",".join(str(i) for i in range(1000)) + "]")),
        case("labels [] (a list for a map) is rejected", t('"labels":[]')),
        case("children {} (an object for a list) is rejected", t('"children":{}')),
        case("hostAliases-like unknown list keys are ignored", t('"hostAliases":[1,2]')),
    ]


# ---- maps -----------------------------------------------------------------------------------------


def maps() -> list[dict]:
    return [
        case("every map absent: omitempty ones omitted, attrs nil written null", s()),
        case("labels {} is omitted", s(labels={})),
        case("labels null is omitted", s(labels=None)),
        case("labels: keys are written sorted", t('"labels":{"b":"1","c":"2","a":"3"}')),
        case("labels: upper case sorts before lower case", t('"labels":{"b":"1","B":"2","a":"3"}')),
        case("labels: non-ASCII keys sort by their UTF-8 bytes", t('"labels":{"é":"1","z":"2","É":"3"}')),
        case("labels: a key past the BMP sorts after é", t('"labels":{"🚀":"1","é":"2","~":"3"}')),
        case("labels: an escaped key is written raw", t('"labels":{"\\u00e9":"1","\\u0041":"2"}')),
        case("labels: HTML keys are escaped and sorted by their raw bytes", t('"labels":{"<a>":"1","&":"2",">":"3"}')),
        case("labels: U+2028 in a key is escaped", t('"labels":{"a\u2028b":"1"}')),
        case('labels: the empty key ""', t('"labels":{"":"x"}')),
        case("labels: keys that differ only in case are different keys", t('"labels":{"A":"1","a":"2"}')),
        case("labels: a key given twice keeps the last value", t('"labels":{"a":"1","a":"2"}')),
        case("labels: a key given twice, once escaped, keeps the last value", t('"labels":{"a":"1","\\u0061":"2"}')),
        case(
            "labels: two lone surrogates are both U+FFFD: the last wins",
            t('"labels":{"\\ud800":"1","\\udc00":"2"}'),
            policy=("lone-surrogate", "same-as-go"),
        ),
        case(
            "labels: invalid UTF-8 in a key becomes U+FFFD",
            HEAD.encode() + b',"labels":{"a\xff":"1"}}',
            policy=("invalid-utf8", "same-as-go"),
        ),
        case('labels: a null value is ""', t('"labels":{"a":null}')),
        case("labels: a number value is rejected", t('"labels":{"a":1}')),
        case("labels: a key that is not a string is not JSON", t('"labels":{a:"1"}')),
        case("weightsByName: a null value is 0", t('"weightsByName":{"w":null}')),
        case("attrs null is written null", s(attrs=None)),
        case("attrs {} is written {}", s(attrs={})),
        case("attrs with values, sorted", t('"attrs":{"z":1,"a":2}')),
        case("attrs: a string value is rejected", t('"attrs":{"a":"1"}')),
        case("rolesByUser: known roles", s(rolesByUser={"bob": "admin", "al": "viewer"})),
        case(
            'rolesByUser: a null value is "", which roles-by-user-known flags',
            s(rolesByUser={"u": None}),
            errors=[("roles-by-user-known", "/rolesByUser/u")],
        ),
        case(
            "rolesByUser: findings in Go's key order, / and ~ escaped in the pointer",
            s(rolesByUser={"~c": "x", "a/b": "y", "B": "admin", "b": "z"}),
            errors=[
                ("roles-by-user-known", "/rolesByUser/a~1b"),
                ("roles-by-user-known", "/rolesByUser/b"),
                ("roles-by-user-known", "/rolesByUser/~0c"),
            ],
        ),
        case("quotaByName: a null value is a zero Quota", s(quotaByName={"a": None})),
        case(
            "quotaByName: each value's rules, keys in Go's order",
            s(quotaByName={"b": {"windowSeconds": -1}, "a": {"requests": 2, "windowSeconds": -2}, "c": {}}),
            errors=[("quota-window", "/quotaByName/a/windowSeconds"), ("quota-window", "/quotaByName/b/windowSeconds")],
        ),
        case(
            "quotaByName: a key given twice keeps the last value whole (Go decodes map values afresh)",
            t('"quotaByName":{"a":{"requests":1,"windowSeconds":-1},"a":{"burst":2}}'),
        ),
        case("quotaByName: a list value is rejected", t('"quotaByName":{"a":[]}')),
        case("quotaByName {} is omitted", s(quotaByName={})),
        case(
            "labels: 10 keys, sorted",
            t('"labels":{' + ",".join(f'"{k}":"v"' for k in "jihgfedcba") + "}"),
            errors=[("labels-bounded", "/labels")],
        ),
    ]


# ---- nested structs -------------------------------------------------------------------------------


def nested() -> list[dict]:
    return [
        case("limits absent is a zero Quota: written", s()),
        case("limits {} is written with requests 0", s(limits={})),
        case("limits with every field", s(limits={"requests": 5, "windowSeconds": 1, "burst": 0.25})),
        case("limits: unknown keys inside are ignored", t('"limits":{"requests":1,"x":{"y":[1,null]},"z":"w"}')),
        case(
            "limits: keys inside match case-insensitively",
            t('"limits":{"REQUESTS":3,"WindowSeconds":5}'),
            policy=("case-folded-key", "same-as-go"),
        ),
        case(
            "limits: long s (U+017F) in a key inside folds to S",
            t('"limits":{"requests":1,"window\u017feconds":2}'),
            policy=("case-folded-key", "same-as-go"),
        ),
        case("limits: an escaped key inside matches exactly", t('"limits":{"\\u0072equests":4}')),
        case("limits [] is rejected", t('"limits":[]')),
        case('limits "x" is rejected', t('"limits":"x"')),
        case("limits 1 is rejected", t('"limits":1')),
        case("limits: a wrong type inside is rejected", t('"limits":{"requests":"1"}')),
        case("quota with every field", s(quota={"requests": 1, "windowSeconds": 60, "burst": 0.5})),
        case(
            "quota's rules apply inside the pointer",
            s(quota={"requests": 1, "windowSeconds": -60}),
            errors=[("quota-window", "/quota/windowSeconds")],
        ),
        case("children: a valid child", s(children=[{"kind": "put", "id": "c1", "tags": []}])),
        case(
            "children: a child's findings carry its index",
            s(children=[{"kind": "put_resp", "tags": []}, {"kind": "put"}]),
            errors=[("put-needs-id", "/children/1/id"), ("tags-written", "/children/1/tags")],
        ),
        case(
            "children: keys inside a child match case-insensitively",
            t('"children":[{"KIND":"put_resp","Tags":[]}]'),
            policy=("case-folded-key", "same-as-go"),
        ),
        case(
            "children: a grandchild that is null is a zero Sample",
            s(children=[{"kind": "put_resp", "tags": [], "children": [None]}]),
            errors=[("tags-written", "/children/0/children/0/tags")],
        ),
        case(
            "children: a child's nested quota",
            s(children=[{"tags": [], "quota": {"windowSeconds": -1}}]),
            errors=[("quota-window", "/children/0/quota/windowSeconds")],
        ),
        case(
            "children: 50 levels deep",
            HEAD + ',"children":[' + '{"tags":[],"children":[' * 49 + '{"tags":[]}' + "]}" * 49 + "]}",
        ),
        case("children: an unknown key in a child is ignored", t('"children":[{"tags":[],"extra":[{}]}]')),
        case("children: a wrong type in a child is rejected", t('"children":[{"tags":[],"i32":"1"}]')),
        case(
            "quotas: null, {} and a full element",
            t('"quotas":[null,{},{"requests":2,"windowSeconds":30,"burst":0.5}]'),
        ),
        case(
            "quotaByName: nested structs under non-ASCII and HTML keys",
            t('"quotaByName":{"é":{"requests":1},"<q>":{"requests":2}}'),
        ),
    ]


# ---- enums ----------------------------------------------------------------------------------------


def enums() -> list[dict]:
    return [
        case("kind put with an id", s(kind="put", id="p1")),
        case("kind put without an id: put-needs-id", s(kind="put"), errors=[("put-needs-id", "/id")]),
        case("kind put_resp", s(kind="put_resp")),
        case("kind event with score 1.5", s(kind="event", score=1.5)),
        case('kind "" is allowed: no rule of a kind applies', s(kind="")),
        case('kind absent is "", written ""', '{"tags":[]}'),
        case('kind null leaves ""', '{"kind":null,"tags":[]}'),
        case("kind PUT is not put: unknown, kept", s(kind="PUT"), errors=[("kind-known", "/kind")]),
        case("an unknown kind is kept and flagged", s(kind="delete"), errors=[("kind-known", "/kind")]),
        case("an escaped kind is the value it spells", '{"kind":"\\u0070ut","id":"1","tags":[]}'),
        case("an HTML kind is escaped", s(kind="<put>"), errors=[("kind-known", "/kind")]),
        case("kind 1 is rejected", '{"kind":1,"tags":[]}'),
        case("role admin", s(role="admin")),
        case('role "" is omitted', s(role="")),
        case("role ADMIN is unknown: kept and flagged", s(role="ADMIN"), errors=[("role-known", "/role")]),
        case("role null leaves it empty: omitted", s(role=None)),
        case(
            "roles: unknown values kept, flagged at their index",
            s(roles=["admin", "root", "viewer", ""]),
            errors=[("roles-known", "/roles/1"), ("roles-known", "/roles/3")],
        ),
        case(
            "rolesByUser: unknown values kept and flagged",
            s(rolesByUser={"a": "tenant", "b": "owner"}),
            errors=[("roles-by-user-known", "/rolesByUser/b")],
        ),
        case(
            "an unknown kind with every enum flagged, field rules first",
            s(kind="nope", role="x", roles=["y"], rolesByUser={"u": "z"}),
            errors=[
                ("kind-known", "/kind"),
                ("role-known", "/role"),
                ("roles-known", "/roles/0"),
                ("roles-by-user-known", "/rolesByUser/u"),
            ],
        ),
        case("roles [1] is rejected", t('"roles":[1]')),
        case('rolesByUser {"u":true} is rejected', t('"rolesByUser":{"u":true}')),
    ]


# ---- raw JSON -------------------------------------------------------------------------------------


def raw() -> list[dict]:
    out = [
        case("raws: elements keep their bytes, compacted", t('"raws":[ 1 , "a" , { "b" : [ ] } , null , true ]')),
        case("raws: number spellings are kept", t('"raws":[1.50,1E+2,-0,0.0e-0,1e400]')),
        case("raws: HTML inside a raw string is escaped", t('"raws":["<&>"]')),
        case("raws: U+2028 inside a raw value is escaped", t('"raws":["a\u2028b"]')),
        case("raws: duplicate keys inside are kept", t('"raws":[{"a":1,"a":2}]')),
        case("raws: a raw lone surrogate escape is kept as written", t('"raws":["\\ud800"]')),
        case(
            "raws: invalid UTF-8 inside is kept byte for byte",
            HEAD.encode() + b',"raws":["\xff"]}',
            policy=("invalid-utf8", "same-as-go"),
        ),
        case("raws: nested empty containers", t('"raws":[[],{},[[]],[{}]]')),
        case('raws "x" (not a list) is rejected', t('"raws":"x"')),
        case("raws with a syntax error inside is not JSON", t('"raws":[{"a":}]')),
        case(
            "raws: nesting at Go's limit (10,000)",
            t('"raws":[' + "[" * 9998 + "]" * 9998 + "]"),
        ),
        case("raws: nesting one past Go's limit", t('"raws":[' + "[" * 9999 + "]" * 9999 + "]")),
        case("payload absent is omitted", s()),
        case("payload null is kept: a raw null", s(payload=None)),
        case("payload keeps its bytes, compacted", t('"payload":{ "z" : 1 , "a" : [ 2 ] }')),
        case("payload on a non-event is not checked", t('"payload":[1]')),
        case(
            "event payload: a Config with its clusters", ev('"payload":{"clusters":[{"id":"a","name":"A","url":"u"}]}')
        ),
        case("event payload: clusters []", ev('"payload":{"clusters":[]}')),
        case("event without payload: nothing to check", ev("")),
        case(
            "event payload {}: config without clusters",
            ev('"payload":{}'),
            lint=[("config-clusters", "/payload/clusters")],
        ),
        case(
            "event payload null: decodes to a Config without clusters",
            ev('"payload":null'),
            lint=[("config-clusters", "/payload/clusters")],
        ),
        case(
            "event payload: clusters null",
            ev('"payload":{"clusters":null}'),
            lint=[("config-clusters", "/payload/clusters")],
        ),
        case(
            "event payload: host aliases but no clusters",
            ev('"payload":{"hostAliases":[{"ip":"10.0.0.1","hostnames":["a"]}]}'),
            lint=[("config-clusters", "/payload/clusters")],
        ),
        case("event payload [] does not decode", ev('"payload":[]'), lint=[("payload-config", "/payload")]),
        case('event payload "x" does not decode', ev('"payload":"x"'), lint=[("payload-config", "/payload")]),
        case("event payload 1 does not decode", ev('"payload":1'), lint=[("payload-config", "/payload")]),
        case(
            "event payload: clusters {} does not decode",
            ev('"payload":{"clusters":{}}'),
            lint=[("payload-config", "/payload")],
        ),
        case(
            "event payload: a cluster id that is a number does not decode",
            ev('"payload":{"clusters":[{"id":1}]}'),
            lint=[("payload-config", "/payload")],
        ),
        case(
            "event payload: hostAliases a string does not decode",
            ev('"payload":{"clusters":[],"hostAliases":"x"}'),
            lint=[("payload-config", "/payload")],
        ),
        case(
            "event payload: clusters without ids, each pointed at",
            ev('"payload":{"clusters":[{"id":"a"},{"id":""},{"name":"x"}]}'),
            lint=[("cluster-id", "/payload/clusters/1/id"), ("cluster-id", "/payload/clusters/2/id")],
        ),
        case(
            "event payload: a null cluster is a zero Cluster",
            ev('"payload":{"clusters":[null]}'),
            lint=[("cluster-id", "/payload/clusters/0/id")],
        ),
        case(
            "event payload: clusters given twice under keys that fold together does not decode",
            ev('"payload":{"clusters":[],"CLUSTERS":[]}'),
            lint=[("payload-config", "/payload")],
        ),
        case(
            "event payload: a cluster's id given twice (ID, id) does not decode",
            ev('"payload":{"clusters":[{"id":"a","ID":"b"}]}'),
            lint=[("payload-config", "/payload")],
        ),
        case(
            "event payload: clusters given twice exactly does not decode",
            ev('"payload":{"clusters":[{"id":"a"}],"clusters":[{"id":"b"}]}'),
            lint=[("payload-config", "/payload")],
        ),
        case(
            "event payload: a header given twice is a map key: the last wins, it decodes",
            ev('"payload":{"clusters":[{"id":"a","headers":{"h":"1","h":"2"}}]}'),
        ),
        case("event payload: keys folded once decode", ev('"payload":{"CLUSTERS":[{"ID":"a","Url":"u"}]}')),
        case("event payload: unknown keys inside are ignored", ev('"payload":{"clusters":[],"extra":{"x":[1]}}')),
        case("event payload: whitespace is compacted", ev('"payload": { "clusters" : [ ] } ')),
        case(
            "event payload: trailing data after the content is not JSON",
            ev('"payload":{"clusters":[]} x'),
        ),
        case(
            "a child event's payload is checked at its pointer",
            s(children=[{"kind": "event", "score": 1.5, "tags": [], "payload": {}}]),
            lint=[("config-clusters", "/children/0/payload/clusters")],
        ),
        case(
            "payload given twice",
            t('"payload":{"clusters":[]},"payload":[]'),
            policy=("duplicate-key", "rejects"),
        ),
    ]
    return out


# ---- constraints ----------------------------------------------------------------------------------


def constraints() -> list[dict]:
    name = [("name-shape", "/name")]
    when = [("when-date-time", "/when")]
    out = [
        case("name of lower-case letters and dashes", s(name="a-b-c")),
        case("name of 16 letters (the maximum)", s(name="a" * 16)),
        case("name of 17 letters: too long", s(name="a" * 17), errors=name),
        case("name with an upper-case letter: the pattern", s(name="Abc"), errors=name),
        case("name of 17 characters with an upper-case letter: both checks", s(name="a" * 16 + "A"), errors=name * 2),
        case("name é: not in the pattern", s(name="é"), errors=name),
        case("name with a trailing newline: $ is the end of the text", s(name="abc\n"), errors=name),
        case('name "" is omitted, not checked', s(name="")),
        case("name of a dash only", s(name="-")),
        case("labels: a value of 8 characters (the maximum)", s(labels={"a": "abcdefgh"})),
        case("labels: a value of 9 characters", s(labels={"a": "abcdefghi"}), errors=[("labels-bounded", "/labels/a")]),
        case("labels: 8 é are 8 code points (16 bytes)", s(labels={"a": "é" * 8})),
        case("labels: 9 é are 9 code points", s(labels={"a": "é" * 9}), errors=[("labels-bounded", "/labels/a")]),
        case("labels: 8 emoji are 8 code points (16 UTF-16 units)", s(labels={"a": "🚀" * 8})),
        case(
            "labels: 5 letters with combining accents are 10 code points",
            s(labels={"a": "e\u0301" * 5}),
            errors=[("labels-bounded", "/labels/a")],
        ),
        case(
            "labels: 9 invalid bytes are 9 U+FFFD",
            HEAD.encode() + b',"labels":{"a":"' + b"\xff" * 9 + b'"}}',
            errors=[("labels-bounded", "/labels/a")],
            policy=("invalid-utf8", "same-as-go"),
        ),
        case("labels: 3 entries (the maximum)", s(labels={"a": "1", "b": "2", "c": "3"})),
        case(
            "labels: 4 entries, and a long value",
            s(labels={"d": "1", "b": "123456789", "c": "3", "a": "4"}),
            errors=[("labels-bounded", "/labels"), ("labels-bounded", "/labels/b")],
        ),
        case("scopes: 4 (the maximum)", s(scopes=["a", "b", "c", "d"])),
        case(
            "scopes: 5, two of them empty",
            s(scopes=["a", "", "c", "d", ""]),
            errors=[("scopes-bounded", "/scopes"), ("scopes-bounded", "/scopes/1"), ("scopes-bounded", "/scopes/4")],
        ),
        case("note é is 1 code point: not empty", s(note="é")),
        case("ratio 1 (the inclusive maximum)", s(ratio=1)),
        case(
            "ratio 1.0000000000000002 (just past 1)",
            t('"ratio":1.0000000000000002'),
            errors=[("ratio-range", "/ratio")],
        ),
        case(
            "ratio -5e-324 (just below the exclusive minimum)", t('"ratio":-5e-324'), errors=[("ratio-range", "/ratio")]
        ),
        case("ratio -1", s(ratio=-1), errors=[("ratio-range", "/ratio")]),
        case("ratio 1e21", t('"ratio":1e21'), errors=[("ratio-range", "/ratio")]),
        case("quota windowSeconds 1 (the minimum)", s(quota={"requests": 1, "windowSeconds": 1})),
        case(
            "quota windowSeconds -1",
            s(quota={"requests": 1, "windowSeconds": -1}),
            errors=[("quota-window", "/quota/windowSeconds")],
        ),
    ]
    valid_times = {
        "2026-11-01T10:00:00Z": "a UTC time",
        "2024-02-29T00:00:00Z": "a leap day",
        "2000-02-29T00:00:00Z": "a leap day in a year divisible by 400",
        "2016-12-31T23:59:60Z": "a leap second",
        "2026-11-01t10:00:00z": "lower-case t and z",
        "2026-11-01T10:00:00+05:30": "a positive offset",
        "2026-11-01T10:00:00-00:00": "the unknown-offset -00:00",
        "2026-11-01T10:00:00+23:59": "the largest offset",
        "2026-11-01T10:00:00.123456789Z": "nine fraction digits",
        "2026-11-01T10:00:00.0Z": "one fraction digit",
        "0000-01-01T00:00:00Z": "year 0000",
        "9999-12-31T23:59:59Z": "year 9999",
    }
    out += [case(f"when: {name}", s(when=value)) for value, name in valid_times.items()]
    invalid_times = {
        "2023-02-29T00:00:00Z": "Feb 29 in a common year",
        "1900-02-29T00:00:00Z": "Feb 29 in a century year not divisible by 400",
        "2026-13-01T00:00:00Z": "month 13",
        "2026-00-10T00:00:00Z": "month 00",
        "2026-04-31T00:00:00Z": "April 31",
        "2026-01-00T00:00:00Z": "day 00",
        "2026-01-01T24:00:00Z": "hour 24",
        "2026-01-01T23:60:00Z": "minute 60",
        "2026-01-01T23:59:61Z": "second 61",
        "2026-01-01T00:00:00+24:00": "offset hour 24",
        "2026-01-01T00:00:00+00:60": "offset minute 60",
        "2026-01-01T00:00:00+0530": "an offset without a colon",
        "2026-01-01T00:00:00": "no offset",
        "2026-01-01 00:00:00Z": "a space for T",
        "2026-01-01T00:00:00Z\n": "a trailing newline",
        "2026-01-01T00:00:00Z ": "a trailing space",
        "2026-01-01T00:00:00.Z": "a point without fraction digits",
        "2026-1-01T00:00:00Z": "a one-digit month",
        "02026-01-01T00:00:00Z": "a five-digit year",
        "2026-01-01": "a date alone",
        "２０２６-01-01T00:00:00Z": "full-width digits",
        "2026-01-01T00:00:00\u00a0Z": "a no-break space",
    }
    out += [case(f"when: {name}", s(when=value), errors=when) for value, name in invalid_times.items()]
    out.append(
        case(
            "when: an escaped trailing newline",
            t('"when":"2026-01-01T00:00:00Z\\u000a"'),
            errors=when,
        )
    )
    return out


# ---- validation order -----------------------------------------------------------------------------


def validation() -> list[dict]:
    everything = {
        "kind": "nope",
        "role": "r",
        "roles": ["admin", "x"],
        "rolesByUser": {"z": "q", "a": "admin", "b": "w"},
        "name": "Bad Name Way Too Long",
        "ratio": 2,
        "scopes": ["", "a", "b", "c", ""],
        "labels": {"k": "much too long", "a": "x", "j": "y", "b": "z"},
        "note": "",
        "tags": None,
        "when": "yesterday",
        "quota": {"windowSeconds": -1},
        "limits": {"windowSeconds": -2},
        "maybeQuota": {"windowSeconds": -3},
        "quotas": [{}, {"windowSeconds": -4}],
        "quotaByName": {"y": {"windowSeconds": -5}, "x": {"windowSeconds": -6}},
        "children": [{"kind": "put", "tags": [], "quota": {"windowSeconds": -7}}, {"tags": []}],
    }
    return [
        case(
            "every error-level rule at once, in the validators' order",
            j(everything),
            errors=[
                ("kind-known", "/kind"),
                ("role-known", "/role"),
                ("roles-known", "/roles/1"),
                ("roles-by-user-known", "/rolesByUser/b"),
                ("roles-by-user-known", "/rolesByUser/z"),
                ("name-shape", "/name"),
                ("name-shape", "/name"),
                ("ratio-range", "/ratio"),
                ("scopes-bounded", "/scopes"),
                ("scopes-bounded", "/scopes/0"),
                ("scopes-bounded", "/scopes/4"),
                ("labels-bounded", "/labels"),
                ("labels-bounded", "/labels/k"),
                ("note-not-empty", "/note"),
                ("tags-written", "/tags"),
                ("when-date-time", "/when"),
                ("quota-window", "/quota/windowSeconds"),
                ("quota-window", "/limits/windowSeconds"),
                ("quota-window", "/maybeQuota/windowSeconds"),
                ("quota-window", "/quotas/1/windowSeconds"),
                ("quota-window", "/quotaByName/x/windowSeconds"),
                ("quota-window", "/quotaByName/y/windowSeconds"),
                ("put-needs-id", "/children/0/id"),
                ("quota-window", "/children/0/quota/windowSeconds"),
            ],
        ),
        case(
            "a put: put-needs-id between the field rules and name-shape",
            s(kind="put", role="x", name="X"),
            errors=[("role-known", "/role"), ("put-needs-id", "/id"), ("name-shape", "/name")],
        ),
        case(
            "an event: score-const last among its rules",
            s(kind="event", when="x", score=2),
            errors=[("when-date-time", "/when"), ("score-const", "/score")],
        ),
        case(
            "children in pre-order: a child's subtree before its next sibling",
            s(
                note="",
                children=[
                    {"tags": [], "note": "", "children": [{"tags": [], "note": ""}]},
                    {"tags": [], "note": ""},
                ],
            ),
            errors=[
                ("note-not-empty", "/note"),
                ("note-not-empty", "/children/0/note"),
                ("note-not-empty", "/children/0/children/0/note"),
                ("note-not-empty", "/children/1/note"),
            ],
        ),
        case(
            "a child's nested values come after its own rules and before its children",
            s(
                children=[
                    {
                        "kind": "x",
                        "tags": [],
                        "limits": {"windowSeconds": -1},
                        "children": [{"kind": "y", "tags": []}],
                    }
                ]
            ),
            errors=[
                ("kind-known", "/children/0/kind"),
                ("quota-window", "/children/0/limits/windowSeconds"),
                ("kind-known", "/children/0/children/0/kind"),
            ],
        ),
        case(
            "lint in pre-order across children",
            ev(
                '"payload":{"clusters":[{}]},"children":[{"kind":"event","score":1.5,"tags":[],"payload":[],'
                '"children":[{"kind":"event","score":1.5,"tags":[],"payload":{}}]}]'
            ),
            lint=[
                ("cluster-id", "/payload/clusters/0/id"),
                ("payload-config", "/children/0/payload"),
                ("config-clusters", "/children/0/children/0/payload/clusters"),
            ],
        ),
        case(
            "errors and lint at once",
            '{"kind":"event","payload":{"clusters":[{"id":""}]}}',
            errors=[("tags-written", "/tags"), ("score-const", "/score")],
            lint=[("cluster-id", "/payload/clusters/0/id")],
        ),
        case(
            "map keys in pointers: ~ and / escaped in nested values",
            s(quotaByName={"a/b": {"windowSeconds": -1}, "~": {"windowSeconds": -1}}),
            errors=[
                ("quota-window", "/quotaByName/a~1b/windowSeconds"),
                ("quota-window", "/quotaByName/~0/windowSeconds"),
            ],
        ),
    ]


# ---- keys, duplicates, bad input ------------------------------------------------------------------


def keys() -> list[dict]:
    folded = ("case-folded-key", "same-as-go")
    return [
        case("unknown keys are ignored, whatever their value", t('"extra":{"deep":[1,{"x":null}]},"x":1.5e300')),
        case("KIND matches kind", '{"KIND":"put_resp","tags":[]}', policy=folded),
        case("Kelvin sign K (U+212A) folds to k", '{"\u212aind":"put_resp","tags":[]}', policy=folded),
        case("long s (U+017F) folds to s", t('"\u017fcopes":["a"]'), policy=folded),
        case("MAYBECOUNT matches maybeCount", t('"MAYBECOUNT":0'), policy=folded),
        case("weightsbyname matches weightsByName", t('"weightsbyname":{"a":1}'), policy=folded),
        case("I32 matches i32", t('"I32":7'), policy=folded),
        case("Id matches id", t('"Id":"x"'), policy=folded),
        case("ROLESBYUSER matches rolesByUser", t('"ROLESBYUSER":{"u":"admin"}'), policy=folded),
        case("an escaped key matches its field", '{"\\u006bind":"put_resp","t\\u0061gs":[]}'),
        case("dotless i (U+0131) does not fold to i", t('"\u0131d":"x"')),
        case("a key with a trailing space is unknown", t('"note ":"x"')),
        case(
            "u32 and U32 given together name one field twice", t('"u32":1,"U32":2'), policy=("duplicate-key", "rejects")
        ),
    ]


def duplicates() -> list[dict]:
    p = ("duplicate-key", "rejects")
    return [
        case("a float given twice", t('"score":1,"score":2'), policy=p),
        case("a nullable field given twice, the second null", t('"note":"a","note":null'), policy=p),
        case(
            "a list given twice: Go reuses the decoded elements",
            t('"quotas":[{"requests":1}],"quotas":[{"burst":2}]'),
            policy=p,
        ),
        case("a map given twice: Go merges the maps", t('"labels":{"a":"1"},"labels":{"b":"2"}'), policy=p),
        case(
            "a pointer struct given twice: Go merges into it", t('"quota":{"requests":1},"quota":{"burst":2}'), policy=p
        ),
        case("a field given twice inside a nested struct", t('"limits":{"requests":1,"requests":2}'), policy=p),
        case("a field given twice inside a list element", t('"quotas":[{"burst":1,"BURST":2}]'), policy=p),
        case("a field given twice inside a map value", t('"quotaByName":{"a":{"requests":1,"Requests":2}}'), policy=p),
        case(
            "a field given twice inside a child: Go keeps the last, null",
            t('"children":[{"tags":[],"tags":null}]'),
            policy=p,
            errors=[("tags-written", "/children/0/tags")],
        ),
        case("kind given twice", '{"kind":"put","kind":"put_resp","tags":[]}', policy=p),
        case("an unknown key given twice is fine", t('"x":1,"x":2')),
    ]


def bad_input() -> list[dict]:
    return [
        case("top-level null decodes to a zero Sample", "null", errors=[("tags-written", "/tags")]),
        case("{} is a zero Sample", "{}", errors=[("tags-written", "/tags")]),
        case("top-level array", "[]"),
        case("top-level string", '"put"'),
        case("top-level number", "1.5"),
        case("empty input", ""),
        case("trailing data", t("") + " {}"),
        case("a byte order mark", b"\xef\xbb\xbf" + t("").encode()),
        case("unterminated", HEAD),
        case("leading and trailing whitespace", "\n\t " + t("") + " \r\n"),
    ]


# ---- other structs ---------------------------------------------------------------------------------


def quota() -> list[dict]:
    return [
        case("Quota: every field", '{"requests":5,"windowSeconds":60,"burst":2.5}'),
        case("Quota: {} writes requests only", "{}"),
        case("Quota: null is a zero Quota", "null"),
        case(
            "Quota: fields in reverse order come out in struct order", '{"burst":1e21,"windowSeconds":1,"requests":1}'
        ),
        case("Quota: burst -0 and windowSeconds 0 are omitted", '{"requests":0,"burst":-0,"windowSeconds":0}'),
        case("Quota: windowSeconds past int32 is rejected", '{"windowSeconds":-2147483649}'),
        case("Quota: a list is rejected", "[]"),
        case("Quota: BURST matches burst", '{"BURST":0.5}', policy=("case-folded-key", "same-as-go")),
    ]


def config() -> list[dict]:
    return [
        case(
            "Config: clusters with headers, keys sorted",
            '{"clusters":[{"id":"a","name":"A","url":"https://a/?x=1&y=<2>","headers":{"b":"2","a":"1"}}]}',
        ),
        case("Config: {} writes clusters null", "{}"),
        case("Config: clusters [] is written []", '{"clusters":[]}'),
        case("Config: hostAliases [] is omitted", '{"clusters":[],"hostAliases":[]}'),
        case(
            "Config: a host alias with an empty ip omits it",
            '{"clusters":[],"hostAliases":[{"ip":"","hostnames":["h"]}]}',
        ),
        case("Config: a null cluster is a zero Cluster, every field written", '{"clusters":[null]}'),
        case("Config: headers null is omitted", '{"clusters":[{"id":"a","headers":null}]}'),
        case("Config: a header value that is a number is rejected", '{"clusters":[{"headers":{"a":1}}]}'),
    ]


TYPES_TOPICS = {
    "floats": ("Floats: every spelling and boundary, float64 range, Go's shortest spelling", "types.Sample", floats),
    "integers": (
        "Integer widths: int32, int64, uint32, uint64, int: bounds, -0, fractions, exponents",
        "types.Sample",
        integers,
    ),
    "nullable": ("Nullable values: null vs absent vs a value, pointers to zero values", "types.Sample", nullable),
    "lists": ("Lists: absent vs [] vs null, null elements, wrong element types", "types.Sample", lists),
    "maps": ("Maps: key order, non-ASCII, escaped and HTML keys, repeated keys, null values", "types.Sample", maps),
    "nested": ("Nested structs: pointer vs value, null, keys inside, nested samples", "types.Sample", nested),
    "enums": ("Enums in fields, lists and maps: unknown values kept, the validator flags them", "types.Sample", enums),
    "raw": ("Raw values and typed raw content (payload: a Config, lint level)", "types.Sample", raw),
    "constraints": (
        "Lengths in code points, patterns, bounds, counts, RFC 3339 date-times",
        "types.Sample",
        constraints,
    ),
    "validation": ("Validation order and JSON pointers across nested values", "types.Sample", validation),
    "keys": ("Keys: unknown ignored, case-insensitive matching as Go folds", "types.Sample", keys),
    "duplicate_keys": (
        "Fields given twice: Go keeps or merges by order; Python rejects by policy",
        "types.Sample",
        duplicates,
    ),
    "bad_input": ("Bad input and top-level values", "types.Sample", bad_input),
    "quota": ("Quota decoded on its own", "types.Quota", quota),
    "config": ("Config decoded on its own (the content of an event's payload)", "types.Config", config),
}
