"""Canonical JSON (RFC 8785, JCS): the one byte encoding of everything that is signed or hashed.

Manifests, receipts and messages are JCS: keys sorted by UTF-16 code units, no
whitespace, UTF-8, the shortest string escapes. A reader re-encodes what it
parsed and refuses bytes that differ, so no document has two encodings.
Underret documents use no floating-point numbers; integers stay within
±2^53 (JCS's I-JSON range).
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

from protocol.errors import ProtocolError


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 encoding of ``value`` (UTF-8 bytes)."""
    return rfc8785.dumps(value)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_float(text: str) -> Any:
    raise ValueError("floating-point number")


def parse_canonical(data: bytes, error: ProtocolError) -> dict[str, Any]:
    """The JSON object in ``data``; raises ``error`` unless ``data`` is exactly its JCS encoding.

    Refused: invalid UTF-8, invalid JSON, duplicate keys, floating-point
    numbers, NaN/Infinity, anything but an object at the top, and any byte
    that differs from the canonical re-encoding.
    """
    try:
        value = json.loads(
            bytes(data).decode("utf-8"),
            object_pairs_hook=_unique_keys,
            parse_float=_no_float,
            parse_constant=_no_float,
        )
        if not isinstance(value, dict) or canonical_json(value) != data:
            raise ValueError("not canonical")
    except (ValueError, UnicodeError, RecursionError, rfc8785.CanonicalizationError) as exc:
        raise error from exc
    return value
