"""A test-only envelope writer from the spec's parts, to make envelopes the project's sealer never would.

Every part can be chosen (the manifest as any JSON value or raw bytes, the
content key's length, the inner plaintext, the wrapped keys) and the result is
still correctly signed, so a test shows that the *reader* refuses what the spec
forbids, not merely that a signature fails. Written from
``forms/schema/envelope.md``; it shares no code with ``protocol.envelope``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import uuid
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def jcs(value: Any) -> bytes:
    """RFC 8785 for the documents used here (ASCII keys, strings, small integers)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def xwing_public(seed: bytes) -> hpke.MLKEM768X25519PublicKey:
    expanded = hashlib.shake_256(seed).digest(96)
    return hpke.MLKEM768X25519PrivateKey(
        mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]),
        x25519.X25519PrivateKey.from_private_bytes(expanded[64:]),
    ).public_key()


def xwing_public_raw(seed: bytes) -> bytes:
    """The raw 1216-byte public key (ML-KEM-768 || X25519) of an X-Wing seed (as recipient.pub.json)."""
    expanded = hashlib.shake_256(seed).digest(96)
    return (mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]).public_key().public_bytes_raw()
            + x25519.X25519PrivateKey.from_private_bytes(expanded[64:]).public_key().public_bytes_raw())


def records(files: dict[str, bytes]) -> bytes:
    """The spec's file records: name length (1 byte), name, size (8 bytes), content."""
    return b"".join(struct.pack(">B", len(name)) + name.encode() + struct.pack(">Q", len(data)) + data
                    for name, data in files.items())


@dataclass
class Forge:
    """The parts of one envelope; :meth:`build` signs whatever they are."""

    version: int = 2
    seeds: dict[str, bytes] = field(default_factory=lambda: {"kommune-2026": os.urandom(32)})
    files: dict[str, bytes] = field(
        default_factory=lambda: {"notification.json": b"{}", "notification.pdf": b"%PDF"})
    notification_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    sender: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    content_key: bytes = field(default_factory=lambda: os.urandom(32))
    nonce: bytes = field(default_factory=lambda: os.urandom(12))
    inner_header: bytes = b"{}"
    #: Applied to the manifest object before it is encoded (add, change or drop fields).
    manifest_changes: dict[str, Any] = field(default_factory=dict)
    #: Raw manifest bytes that replace the encoded manifest entirely.
    manifest_bytes: bytes | None = None
    #: Raw inner plaintext that replaces the one built from the inner header and files.
    plaintext: bytes | None = None
    key_ids: list[str] | None = None

    def manifest(self) -> dict[str, Any]:
        value: dict[str, Any] = {
            "format": "underret-envelope", "version": self.version, "notification_id": self.notification_id,
            "form_version": "2.0",
            "suite": {"aead": "AES-256-GCM", "kdf": "HKDF-SHA256", "kem": "MLKEM768-X25519"},
            "recipients": [self._recipient(k) for k in (self.key_ids or list(self.seeds))],
            "files": [{"name": n, "sha256": hashlib.sha256(d).hexdigest()} for n, d in self.files.items()],
            "sender": {"alg": "Ed25519",
                       "public_key": base64.b64encode(self.sender.public_key().public_bytes_raw()).decode()},
            "payload": {"aead": "AES-256-GCM", "nonce": base64.b64encode(self.nonce).decode()},
        }
        value.update(self.manifest_changes)
        return value

    def _recipient(self, key_id: str) -> dict[str, str]:
        if self.version < 2:
            return {"key_id": key_id}
        seed = self.seeds.get(key_id, b"\0" * 32)
        return {"key_id": key_id, "key_sha256": hashlib.sha256(xwing_public_raw(seed)).hexdigest()}

    def build(self) -> bytes:
        manifest = self.manifest_bytes if self.manifest_bytes is not None else jcs(self.manifest())
        prefix = b"UNDRTENV" + bytes([self.version]) + struct.pack(">I", len(manifest)) + manifest
        label = f"underret-envelope-v{self.version}".encode()
        info = label + b" key\x00" + hashlib.sha256(prefix).digest()
        key_ids = self.key_ids or list(self.seeds)
        section = bytearray([len(key_ids)])
        for key_id in key_ids:
            wrapped = SUITE.encrypt(self.content_key, xwing_public(self.seeds[key_id]), info=info)
            section += struct.pack(">H", len(wrapped)) + wrapped
        plaintext = self.plaintext
        if plaintext is None:
            inner = b""
            if self.version == 2:
                inner = struct.pack(">I", len(self.inner_header)) + self.inner_header
            plaintext = inner + records(self.files)
        aead = AESGCM(self.content_key) if len(self.content_key) in (16, 24, 32) else None
        assert aead is not None
        ciphertext = aead.encrypt(self.nonce, plaintext, prefix)
        body = bytes(section) + struct.pack(">Q", len(ciphertext)) + ciphertext
        signed = label + b" signature\x00" + hashlib.sha256(prefix).digest() + hashlib.sha256(body).digest()
        return prefix + body + self.sender.sign(signed)
