"""Canonical JSON: the one byte encoding of manifests and receipts that is signed and hashed."""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    """The one JSON encoding used for manifests and receipts (sorted keys, no spaces, ASCII)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
