"""Canonical encodings: RFC 8785 JSON (JCS) for everything signed or hashed, and strict base64.

Manifests, receipts and messages are JCS: keys sorted by UTF-16 code units, no
whitespace, UTF-8, the shortest string escapes. A reader re-encodes what it
parsed and refuses bytes that differ, so no document has two encodings.
Underret documents use no floating-point numbers; integers stay within
±2^53 (JCS's I-JSON range).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

import rfc8785

from protocol.errors import ProtocolError


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 encoding of ``value`` (UTF-8 bytes)."""
    return rfc8785.dumps(value)


def b64(data: bytes) -> str:
    """Standard base64 with padding (RFC 4648 §4): the only form the protocol's documents hold."""
    return base64.b64encode(data).decode("ascii")


def strict_b64(text: object, length: int) -> bytes:
    """Exactly ``length`` bytes from canonical base64 text; ``ValueError`` for anything else.

    Canonical: the standard alphabet with padding and zero unused bits, so that one value has one
    encoding (checked by re-encoding).
    """
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("bad base64") from exc
    if len(data) != length or b64(data) != text:
        raise ValueError("field has the wrong length or is not canonical base64")
    return data


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
