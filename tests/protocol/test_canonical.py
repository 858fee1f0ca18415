"""Canonical JSON is RFC 8785 (JCS), not whatever Python's json.dumps happens to write.

Format 1 defined it through ``json.dumps(sort_keys=True, ensure_ascii=True)``,
which an implementation in another language cannot reproduce exactly: it
escapes non-ASCII text and sorts keys by code point, where JCS writes UTF-8 and
sorts by UTF-16 code units.
"""

from __future__ import annotations

import pytest

from protocol.canonical import canonical_json, parse_canonical
from protocol.errors import ProtocolError


def test_text_is_written_as_utf_8_not_as_escapes() -> None:
    assert (
        canonical_json({"unit": "Børne- og Familierådgivningen"})
        == '{"unit":"Børne- og Familierådgivningen"}'.encode()
    )


def test_keys_are_sorted_by_utf_16_code_units_as_rfc_8785_says() -> None:
    # U+E000 sorts after U+1F600 in UTF-16 (a surrogate pair starts with 0xD83D) but before it by code point.
    assert canonical_json({"\ue000": 1, "\U0001f600": 2}) == '{"\U0001f600":2,"\ue000":1}'.encode()


def test_control_characters_use_the_short_escapes_and_lower_case_hex() -> None:
    assert canonical_json({"a": "\n\t\u001f"}) == b'{"a":"\\n\\t\\u001f"}'


@pytest.mark.parametrize(
    "data",
    [
        b'{"a":1,"a":2}',  # a duplicate key
        b'{"a":1.5}',  # a number with a fraction
        b'{"a":NaN}',
        b'{"b":1,"a":2}',  # not sorted
        b'{"a": 1}',  # whitespace
        b'{"a":"\\u00f8"}',  # an escape JCS does not write
        b'{"a":"\xff"}',  # not UTF-8
        b"[1]",  # not an object
        b'{"a":' * 5000 + b"1" + b"}" * 5000,  # nested beyond any document's depth
    ],
)
def test_anything_but_the_one_canonical_encoding_of_an_object_is_refused(data: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_canonical(data, ProtocolError("not canonical"))


def test_the_canonical_encoding_is_accepted_and_parsed() -> None:
    assert parse_canonical('{"a":[true,null,-3],"ø":"x"}'.encode(), ProtocolError()) == {
        "a": [True, None, -3],
        "ø": "x",
    }
