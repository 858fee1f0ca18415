"""The envelope's manifest: the clear routing metadata, built and checked exactly as specified.

Formats 1 and 2 share the manifest's shape; only ``version`` differs. A reader
refuses every deviation from ``forms/schema/envelope.md``: a key too many or
too few in any object, a notification id that is not a canonical version-4
UUID, a key id twice, a name or hash out of its alphabet, base64 that is not
canonical, bytes that are not the RFC 8785 encoding.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from protocol.canonical import b64, canonical_json, parse_canonical, strict_b64
from protocol.errors import EnvelopeError

FORMAT_NAME = "underret-envelope"
SUPPORTED_VERSIONS = (1, 2)
SUITE_NAMES = {"kem": "MLKEM768-X25519", "kdf": "HKDF-SHA256", "aead": "AES-256-GCM"}
NONCE_BYTES = 12
MAX_RECIPIENTS = 8
MAX_FILES = 64

# File names travel in clear, so they must not carry content (no child's name
# in an attachment's file name): short, lower-case, a fixed alphabet.
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
KEY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
FORM_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,31}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TOP_KEYS = {"format", "version", "notification_id", "form_version", "suite", "recipients", "files",
             "sender", "payload"}


@dataclass(frozen=True)
class FileEntry:
    """One file in the envelope: a content-free name and the SHA-256 of its bytes."""

    name: str
    sha256: str


@dataclass(frozen=True)
class EnvelopeHeader:
    """The clear routing metadata of an envelope (the manifest)."""

    format_version: int
    notification_id: str
    form_version: str
    key_ids: tuple[str, ...]
    files: tuple[FileEntry, ...]
    sender_public_key: bytes
    manifest_json: bytes
    envelope_sha256: str
    nonce: bytes
    #: Format 2: SHA-256 (hex) of each recipient's raw public key, in ``key_ids`` order, so a holder of the
    #: public keys (the intake, ``--accept-key``) can tell a foreign key under a known id. Empty in format 1.
    recipient_key_sha256: tuple[str, ...] = ()


def check_notification_id(value: object) -> str:
    """``value`` if it is a version-4 UUID in canonical lower-case form; EnvelopeError otherwise."""
    if not isinstance(value, str):
        raise EnvelopeError("notification id is not a UUID")
    try:
        parsed = uuid.UUID(value)
    except ValueError as exc:
        raise EnvelopeError("notification id is not a UUID") from exc
    if str(parsed) != value:
        raise EnvelopeError("notification id is not in canonical UUID form")
    if parsed.version != 4 or parsed.variant != uuid.RFC_4122:
        raise EnvelopeError("notification id is not a version-4 UUID")
    return value


def unb64(text: object, length: int) -> bytes:
    """Exactly ``length`` bytes from canonical base64 text; EnvelopeError for anything else."""
    try:
        return strict_b64(text, length)
    except ValueError as exc:
        raise EnvelopeError(f"a base64 field is not {length} bytes in canonical base64") from exc


def build_manifest(
    *, version: int, notification_id: str, form_version: str, key_ids: list[str],
    files: dict[str, bytes], file_hashes: dict[str, str], sender_public_key: bytes, nonce: bytes,
    key_hashes: list[str] | None = None,
) -> bytes:
    """The canonical manifest bytes (arguments already checked by the caller).

    ``key_hashes``: format 2's SHA-256 (hex) of each recipient public key, in ``key_ids`` order.
    """
    if version >= 2:
        assert key_hashes is not None and len(key_hashes) == len(key_ids)
        recipients = [{"key_id": k, "key_sha256": h} for k, h in zip(key_ids, key_hashes, strict=True)]
    else:
        recipients = [{"key_id": k} for k in key_ids]
    return canonical_json({
        "format": FORMAT_NAME,
        "version": version,
        "notification_id": notification_id,
        "form_version": form_version,
        "suite": SUITE_NAMES,
        "recipients": recipients,
        "files": [{"name": n, "sha256": file_hashes[n]} for n in files],
        "sender": {"alg": "Ed25519", "public_key": b64(sender_public_key)},
        "payload": {"aead": "AES-256-GCM", "nonce": b64(nonce)},
    })


def check_key_ids(key_ids: list[str]) -> None:
    """One to eight unique plain key ids, or EnvelopeError (``envelope.bad_key``)."""
    if not 1 <= len(key_ids) <= MAX_RECIPIENTS:
        raise EnvelopeError("an envelope needs one to eight recipient keys", message_id="envelope.bad_key")
    plain = all(isinstance(k, str) and KEY_ID.fullmatch(k) for k in key_ids)  # before set(): hashable
    if not plain or len(set(key_ids)) != len(key_ids):
        raise EnvelopeError("recipient key ids must be unique plain names", message_id="envelope.bad_key")


def _object(value: Any, keys: set[str], what: str) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise EnvelopeError(f"manifest {what} has missing or unexpected fields")
    return value


def _list(value: Any, low: int, high: int, what: str) -> list[Any]:
    if not isinstance(value, list) or not low <= len(value) <= high:
        raise EnvelopeError(f"manifest {what} must list {low} to {high} entries")
    return value


def parse_manifest(manifest_json: bytes, version: int, envelope_sha256: str) -> EnvelopeHeader:
    """Check a manifest against the spec of ``version`` and return the header it describes."""
    manifest = _object(parse_canonical(manifest_json, EnvelopeError("manifest is not canonical JSON")),
                       _TOP_KEYS, "object")
    if (manifest["format"] != FORMAT_NAME or type(manifest["version"]) is not int
            or manifest["version"] != version):
        raise EnvelopeError("manifest names another format or version")
    if manifest["suite"] != SUITE_NAMES or not isinstance(manifest["suite"], dict):
        raise EnvelopeError("unsupported cipher suite", message_id="envelope.unsupported_version")
    form_version = manifest["form_version"]
    if not isinstance(form_version, str) or not FORM_VERSION.fullmatch(form_version):
        raise EnvelopeError("bad form version")
    recipients = _list(manifest["recipients"], 1, MAX_RECIPIENTS, "recipients")
    recipient_fields = {"key_id", "key_sha256"} if version >= 2 else {"key_id"}
    entries = [_object(r, recipient_fields, "recipient") for r in recipients]
    key_ids = [entry["key_id"] for entry in entries]
    try:
        check_key_ids(key_ids)
    except EnvelopeError as exc:
        raise EnvelopeError(f"manifest recipients: {exc}") from exc
    key_hashes = [entry["key_sha256"] for entry in entries] if version >= 2 else []
    if not all(isinstance(h, str) and _SHA256.fullmatch(h) for h in key_hashes):
        raise EnvelopeError("manifest recipients: key_sha256 is not lower-case hex SHA-256")
    files: list[FileEntry] = []
    for entry in _list(manifest["files"], 1, MAX_FILES, "files"):
        name, digest = (_object(entry, {"name", "sha256"}, "file")[k] for k in ("name", "sha256"))
        if not (isinstance(name, str) and FILE_NAME.fullmatch(name)):
            raise EnvelopeError("bad file name")
        if not (isinstance(digest, str) and _SHA256.fullmatch(digest)):
            raise EnvelopeError("bad file hash")
        files.append(FileEntry(name, digest))
    if len({f.name for f in files}) != len(files):
        raise EnvelopeError("a file name appears twice")
    sender = _object(manifest["sender"], {"alg", "public_key"}, "sender")
    payload = _object(manifest["payload"], {"aead", "nonce"}, "payload")
    if sender["alg"] != "Ed25519" or payload["aead"] != "AES-256-GCM":
        raise EnvelopeError("unsupported algorithm", message_id="envelope.unsupported_version")
    return EnvelopeHeader(
        format_version=version,
        notification_id=check_notification_id(manifest["notification_id"]),
        form_version=form_version,
        key_ids=tuple(key_ids),
        files=tuple(files),
        sender_public_key=unb64(sender["public_key"], 32),
        manifest_json=bytes(manifest_json),
        envelope_sha256=envelope_sha256,
        nonce=unb64(payload["nonce"], NONCE_BYTES),
        recipient_key_sha256=tuple(key_hashes),
    )
