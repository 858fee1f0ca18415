"""Importing the municipality's private keys into the desk's vault, once, from IT's key files.

* Recipient keys (``recipient.key.json`` from ``underret-intake keygen``: ``key_id`` and the
  base64 private key): every envelope is sealed to one or two of them while a municipality
  rotates, so the desk keeps every id it is given and opens an envelope with whichever fits.
* The message-signing key (``message-signing.key.json``: ``seed`` and optionally ``key_id``):
  signs the acknowledgements and § 137 orientations the desk sends back to notifiers.

A key is checked (it must yield a public key) before it is kept; a file is read, never changed
or removed: IT decides what happens to it afterwards. No key byte is logged.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.errors import UnderretError
from protocol.envelope import EnvelopeError, RecipientPrivateKey, fingerprint

if TYPE_CHECKING:
    from desktop.desk.store.vault import DeskVault

_MAX_KEY_FILE = 64 * 1024


class KeyFileRefused(UnderretError):  # noqa: N818 - what the caseworker is told
    """A key file the desk will not import: unreadable, not JSON, or not a key of the kind expected."""

    message_id = "desk.key_file_refused"


@dataclass(frozen=True)
class ImportedKey:
    """What an import did: the key's kind, id and fingerprint, and whether it was new."""

    kind: str  # "recipient" | "signing"
    key_id: str
    fingerprint: str
    new: bool


def _read(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > _MAX_KEY_FILE:
            raise KeyFileRefused("the file is too large to be a key file", file=path.name)
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise KeyFileRefused("the key file cannot be read", file=path.name) from exc
    if not isinstance(value, dict):
        raise KeyFileRefused("the key file is not a JSON object", file=path.name)
    return value


def _b64(value: object, path: Path) -> bytes:
    if not isinstance(value, str):
        raise KeyFileRefused("the key file holds no key", file=path.name)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyFileRefused("the key in the file is damaged", file=path.name) from exc


def import_key_file(vault: DeskVault, path: Path) -> ImportedKey:
    """Import one key file (recipient or message-signing, told apart by its fields) into ``vault``."""
    data = _read(path)
    if "private_key" in data:
        return _import_recipient(vault, path, data)
    if "seed" in data:
        return _import_signing(vault, path, data)
    if "public_key" in data:
        raise KeyFileRefused("this is a public key file; the desk needs the private key file", file=path.name,
                             message_id="desk.key_file_public")
    raise KeyFileRefused("the file is not a key file", file=path.name)


def _import_recipient(vault: DeskVault, path: Path, data: dict[str, Any]) -> ImportedKey:
    key_id = data.get("key_id")
    if not isinstance(key_id, str) or not key_id:
        raise KeyFileRefused("the key file names no key id", file=path.name)
    private = _b64(data.get("private_key"), path)
    try:
        public = RecipientPrivateKey(key_id, private).public().public_key
    except (EnvelopeError, ValueError) as exc:
        raise KeyFileRefused("the file's private key is not a recipient key", file=path.name) from exc
    try:
        new = vault.keys.add_recipient(key_id, private, public)
    except ValueError as exc:
        raise KeyFileRefused("this key id already names another key in the desk", file=path.name,
                             message_id="desk.key_id_taken") from exc
    return ImportedKey("recipient", key_id, fingerprint(public), new)


def _import_signing(vault: DeskVault, path: Path, data: dict[str, Any]) -> ImportedKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    seed = _b64(data.get("seed"), path)
    try:
        public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    except ValueError as exc:
        raise KeyFileRefused("the file's key is not a signing key", file=path.name) from exc
    key_id = data.get("key_id")
    if not isinstance(key_id, str) or not key_id:
        key_id = fingerprint(public).replace(" ", "")[:16].lower()
    try:
        new = vault.keys.set_signing_key(key_id, seed, public)
    except ValueError as exc:
        raise KeyFileRefused("this key id already names another key in the desk", file=path.name,
                             message_id="desk.key_id_taken") from exc
    return ImportedKey("signing", key_id, fingerprint(public), new)
