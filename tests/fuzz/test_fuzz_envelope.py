"""Fuzzing the envelope reader: whatever the bytes, it refuses with EnvelopeError or opens a valid envelope.

Three kinds of input: arbitrary bytes (often behind a valid magic and
version), valid envelopes of both formats with bytes flipped, cut, inserted or
spliced, and correctly *signed* envelopes with arbitrary JSON in the manifest
and the inner header (tests/protocol/forge.py), which reach the checks after
the signature. No other exception type may escape, and nothing changed is
ever opened.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from pathlib import Path
from typing import Any

import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from protocol.envelope import EnvelopeError, inspect, open_envelope, seal, verify_sender_signature
from protocol.keys import RecipientPrivateKey
from protocol.replies import ReplyKey
from tests.fuzz.budget import count, examples
from tests.fuzz.json_mutations import mutated_json
from tests.protocol.forge import Forge

VECTOR_1 = Path(__file__).resolve().parents[2] / "forms" / "schema" / "envelope-vectors" / "vector-1"
KEY_1 = RecipientPrivateKey(
    "demo-kommune-2026",
    base64.b64decode(json.loads((VECTOR_1 / "demo-kommune-2026.key.json").read_text())["private_key"]),
)
KEY_2 = RecipientPrivateKey.generate("kommune-2027")
SEED = os.urandom(32)
NOTIFICATION = "9c0d7e55-3f0e-4a41-8b47-2d2b8a9e6c10"
VALID = {
    1: (VECTOR_1 / "envelope.bin").read_bytes(),
    2: seal(
        notification_id=NOTIFICATION,
        form_version="2.0",
        files={"notification.json": b"{}", "notification.pdf": b"%PDF", "attachment-1.jpg": b""},
        recipients=[KEY_2.public()],
        sender_seed=SEED,
        reply_key=ReplyKey.generate().public(),
    ),
}
KEYS: dict[str, object] = {KEY_1.key_id: KEY_1, KEY_2.key_id: KEY_2}


def _read(data: bytes) -> None:
    """Every reader entry point on ``data``: only EnvelopeError may come out."""
    count()
    for reader in (inspect, verify_sender_signature):
        with contextlib.suppress(EnvelopeError):
            reader(data)
    try:
        opened = open_envelope(data, KEYS)
    except EnvelopeError:
        return
    assert data in VALID.values(), "a changed envelope was opened"
    assert opened.header.files


@examples(smoke=60, full=20_000)
@given(st.binary(max_size=2048), st.sampled_from([b"", b"UNDRTENV", b"UNDRTENV\x01", b"UNDRTENV\x02"]))
def test_arbitrary_bytes_are_refused_with_an_envelope_error(tail: bytes, head: bytes) -> None:
    _read(head + tail)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID[draw(st.sampled_from([1, 2]))])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "set", "cut", "insert", "delete", "splice"]))
        position = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set" and data:
            data[position] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[position:]
        elif kind == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[position : position + draw(st.integers(1, 64))]
        else:
            other = VALID[draw(st.sampled_from([1, 2]))]
            cut = draw(st.integers(0, len(other)))
            data = data[:position] + bytearray(other[cut:])
    return bytes(data)


@examples(smoke=60, full=25_000)
@given(mutated())
def test_a_valid_envelope_changed_anywhere_is_refused(data: bytes) -> None:
    _read(data)


_BASE = Forge()
_REPLY_KEY = ReplyKey.generate().public().to_json_value()


@examples(smoke=60, full=15_000)
@given(st.sampled_from([1, 2]), st.data())
def test_a_signed_envelope_with_a_nearly_right_manifest_or_inner_header_is_refused_or_valid(
    version: int,
    data: st.DataObject,
) -> None:
    forge = Forge(version=version, seeds=_BASE.seeds, sender=_BASE.sender, files=_BASE.files)
    where = data.draw(st.sampled_from(["manifest", "inner", "both"]))
    if where != "inner":
        forge.manifest_bytes = _encoded(data.draw(mutated_json(forge.manifest())))
    if where != "manifest":
        forge.inner_header = _encoded(data.draw(mutated_json({"reply_key": _REPLY_KEY})))
    if forge.manifest_bytes == b"" or forge.inner_header == b"":
        return
    count()
    try:
        opened = open_envelope(forge.build(), dict(forge.seeds))
    except EnvelopeError:
        return
    assert opened.files == forge.files


def _encoded(value: Any) -> bytes:
    """The RFC 8785 bytes of ``value``, or b"" when JCS cannot encode it (a float out of range)."""
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, ValueError, TypeError, UnicodeEncodeError):
        return b""
