"""The sealed envelope a notification travels in (format described in forms/schema/envelope.md).

Pure Python, no Qt, no network. A notification is sealed once, at
finalisation; the outbox resends the same bytes on every retry. The payload is
encrypted with a fresh AES-256-GCM content key; that key is wrapped with HPKE
(RFC 9180, ML-KEM-768 + X25519 / HKDF-SHA256 / AES-256-GCM) to every recipient
key, so a municipality can rotate keys and hold two at once. Only routing
metadata is in clear, and all of it is bound into both encryptions and the
sender's Ed25519 signature: any changed byte makes opening fail.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import struct
import uuid
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from protocol.canonical import canonical_json
from protocol.errors import ProtocolError

MAGIC = b"UNDRTENV"
FORMAT_VERSION = 1
FORMAT_NAME = "underret-envelope"
HPKE_INFO_LABEL = b"underret-envelope-v1 key\x00"
SIGNATURE_LABEL = b"underret-envelope-v1 signature\x00"

MLKEM768_PUBLIC_BYTES = 1184
X25519_BYTES = 32
MLKEM768_SEED_BYTES = 64
RECIPIENT_PUBLIC_KEY_BYTES = MLKEM768_PUBLIC_BYTES + X25519_BYTES  # 1216
RECIPIENT_PRIVATE_KEY_BYTES = MLKEM768_SEED_BYTES + X25519_BYTES  # 96
ED25519_SIGNATURE_BYTES = 64
NONCE_BYTES = 12
CONTENT_KEY_BYTES = 32

SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
SUITE_NAMES = {"kem": "MLKEM768-X25519", "kdf": "HKDF-SHA256", "aead": "AES-256-GCM"}

# File names travel in clear, so they must not carry content (no child's name
# in an attachment's file name): short, lower-case, a fixed alphabet.
_FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_KEY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
_FORM_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,31}$")
_PREFIX = struct.Struct(">8sBI")  # magic, version, header length
_MAX_HEADER = 64 * 1024
_MAX_FILES = 64


class EnvelopeError(ProtocolError):
    """An envelope that cannot be built, parsed, verified or opened."""

    message_id = "envelope.malformed"


@dataclass(frozen=True)
class RecipientKey:
    """A municipality's intake public key (ML-KEM-768 public key || X25519 public key, raw)."""

    key_id: str
    public_key: bytes


@dataclass(frozen=True)
class RecipientPrivateKey:
    """A recipient's private key: ML-KEM-768 seed (64 bytes) || X25519 private key (32 bytes)."""

    key_id: str
    private_bytes: bytes

    @classmethod
    def generate(cls, key_id: str) -> RecipientPrivateKey:
        """A fresh key pair for an intake (keygen)."""
        return cls(
            key_id, os.urandom(MLKEM768_SEED_BYTES) + x25519.X25519PrivateKey.generate().private_bytes_raw()
        )

    def public(self) -> RecipientKey:
        """The matching public key, in the raw form packs and policies carry."""
        mlkem_key, x_key = _split_private(self.private_bytes)
        return RecipientKey(
            self.key_id, mlkem_key.public_key().public_bytes_raw() + x_key.public_key().public_bytes_raw()
        )

    def hpke_key(self) -> hpke.MLKEM768X25519PrivateKey:
        """The key object cryptography's HPKE wants."""
        return hpke.MLKEM768X25519PrivateKey(*_split_private(self.private_bytes))


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


@dataclass(frozen=True)
class OpenedEnvelope:
    """A decrypted envelope: its files, its manifest and who signed it."""

    header: EnvelopeHeader
    files: dict[str, bytes]
    key_id: str
    sender_public_key: bytes
    sender_signature_valid: bool

    @property
    def manifest(self) -> EnvelopeHeader:
        """Alias kept for the contract's wording."""
        return self.header


@dataclass(frozen=True)
class _Parsed:
    header: EnvelopeHeader
    prefix: bytes  # magic .. end of manifest: the associated data
    wrapped: tuple[bytes, ...]
    nonce: bytes
    ciphertext: bytes
    body: bytes  # recipient section + payload section, as on the wire
    signature: bytes


def _split_private(data: bytes) -> tuple[mlkem.MLKEM768PrivateKey, x25519.X25519PrivateKey]:
    if len(data) != RECIPIENT_PRIVATE_KEY_BYTES:
        raise EnvelopeError("recipient private key has the wrong length", message_id="envelope.bad_key")
    return (
        mlkem.MLKEM768PrivateKey.from_seed_bytes(data[:MLKEM768_SEED_BYTES]),
        x25519.X25519PrivateKey.from_private_bytes(data[MLKEM768_SEED_BYTES:]),
    )


def _public_hpke_key(key: RecipientKey) -> hpke.MLKEM768X25519PublicKey:
    if len(key.public_key) != RECIPIENT_PUBLIC_KEY_BYTES:
        raise EnvelopeError("recipient public key has the wrong length", message_id="envelope.bad_key")
    try:
        return hpke.MLKEM768X25519PublicKey(
            mlkem.MLKEM768PublicKey.from_public_bytes(key.public_key[:MLKEM768_PUBLIC_BYTES]),
            x25519.X25519PublicKey.from_public_bytes(key.public_key[MLKEM768_PUBLIC_BYTES:]),
        )
    except ValueError as exc:
        raise EnvelopeError("recipient public key is invalid", message_id="envelope.bad_key") from exc


def sender_private_key(sender_seed: bytes) -> Ed25519PrivateKey:
    """The per-profile Ed25519 signing key from its 32-byte seed."""
    if len(sender_seed) != 32:
        raise EnvelopeError("sender seed must be 32 bytes", message_id="envelope.bad_key")
    return Ed25519PrivateKey.from_private_bytes(bytes(sender_seed))


def sender_public_key(sender_seed: bytes) -> bytes:
    """The raw 32-byte Ed25519 public key a municipality enrols for this profile."""
    return sender_private_key(sender_seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_key: bytes) -> str:
    """A key's fingerprint for people to compare: SHA-256, hex, in groups of four."""
    digest = hashlib.sha256(public_key).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, length: int) -> bytes:
    if not isinstance(text, str):
        raise EnvelopeError("expected base64 text")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise EnvelopeError("bad base64") from exc
    if len(data) != length:
        raise EnvelopeError("field has the wrong length")
    return data


def _inner_container(files: dict[str, bytes]) -> bytes:
    parts: list[bytes] = []
    for name, data in files.items():
        encoded = name.encode("ascii")
        parts.append(struct.pack(">B", len(encoded)) + encoded + struct.pack(">Q", len(data)))
        parts.append(data)
    return b"".join(parts)


def _read_inner_container(data: bytes) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    pos = 0
    while pos < len(data):
        name_len = data[pos]
        pos += 1
        name = data[pos : pos + name_len].decode("ascii", errors="replace")
        pos += name_len
        if pos + 8 > len(data):
            raise EnvelopeError("inner container is truncated")
        (size,) = struct.unpack(">Q", data[pos : pos + 8])
        pos += 8
        if pos + size > len(data) or name in files:
            raise EnvelopeError("inner container is inconsistent")
        files[name] = data[pos : pos + size]
        pos += size
    return files


def seal(
    *,
    notification_id: str,
    form_version: str,
    files: dict[str, bytes],
    recipients: list[RecipientKey],
    sender_seed: bytes,
) -> bytes:
    """Encrypt ``files`` once to every recipient key and sign the result with the sender key."""
    _check_uuid(notification_id)
    if not _FORM_VERSION.match(form_version):
        raise EnvelopeError("form version is not a plain version string")
    if not recipients or len(recipients) > 8:
        raise EnvelopeError("an envelope needs one to eight recipient keys", message_id="envelope.bad_key")
    if not files or len(files) > _MAX_FILES:
        raise EnvelopeError("an envelope needs between 1 and 64 files")
    for name in files:
        if not _FILE_NAME.match(name):
            raise EnvelopeError("file names in an envelope must be plain lower-case names")
    key_ids = [r.key_id for r in recipients]
    if len(set(key_ids)) != len(key_ids) or not all(_KEY_ID.match(k) for k in key_ids):
        raise EnvelopeError("recipient key ids must be unique plain names", message_id="envelope.bad_key")
    public_keys = [_public_hpke_key(r) for r in recipients]
    signer = sender_private_key(sender_seed)
    nonce = os.urandom(NONCE_BYTES)
    manifest = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "notification_id": notification_id,
        "form_version": form_version,
        "suite": SUITE_NAMES,
        "recipients": [{"key_id": k} for k in key_ids],
        "files": [{"name": n, "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()],
        "sender": {"alg": "Ed25519", "public_key": _b64(sender_public_key(sender_seed))},
        "payload": {"aead": "AES-256-GCM", "nonce": _b64(nonce)},
    }
    manifest_json = canonical_json(manifest)
    prefix = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(manifest_json)) + manifest_json
    info = HPKE_INFO_LABEL + hashlib.sha256(prefix).digest()
    content_key = AESGCM.generate_key(bit_length=256)
    recipient_section = bytearray(struct.pack(">B", len(public_keys)))
    for public in public_keys:
        wrapped = SUITE.encrypt(content_key, public, info=info)
        recipient_section += struct.pack(">H", len(wrapped)) + wrapped
    ciphertext = AESGCM(content_key).encrypt(nonce, _inner_container(files), prefix)
    body = bytes(recipient_section) + struct.pack(">Q", len(ciphertext)) + ciphertext
    signature = signer.sign(_signed_message(prefix, body))
    return prefix + body + signature


def _signed_message(prefix: bytes, body: bytes) -> bytes:
    return SIGNATURE_LABEL + hashlib.sha256(prefix).digest() + hashlib.sha256(body).digest()


def _check_uuid(value: object) -> str:
    if not isinstance(value, str):
        raise EnvelopeError("notification id is not a UUID")
    try:
        parsed = uuid.UUID(value)
    except ValueError as exc:
        raise EnvelopeError("notification id is not a UUID") from exc
    if str(parsed) != value:
        raise EnvelopeError("notification id is not in canonical UUID form")
    return value


def _parse(data: bytes) -> _Parsed:
    data = bytes(data)
    if len(data) < _PREFIX.size:
        raise EnvelopeError("envelope is too short")
    magic, version, header_len = _PREFIX.unpack_from(data, 0)
    if magic != MAGIC:
        raise EnvelopeError("not an Underret envelope")
    if version != FORMAT_VERSION:
        raise EnvelopeError("unsupported envelope version", message_id="envelope.unsupported_version")
    if header_len > _MAX_HEADER or _PREFIX.size + header_len > len(data):
        raise EnvelopeError("manifest length is out of range")
    prefix = data[: _PREFIX.size + header_len]
    manifest_json = prefix[_PREFIX.size :]
    header = _parse_manifest(manifest_json, hashlib.sha256(data).hexdigest())
    pos = len(prefix)
    if pos >= len(data):
        raise EnvelopeError("envelope is truncated")
    count = data[pos]
    pos += 1
    if count != len(header.key_ids):
        raise EnvelopeError("recipient count does not match the manifest")
    wrapped: list[bytes] = []
    for _ in range(count):
        if pos + 2 > len(data):
            raise EnvelopeError("envelope is truncated")
        (size,) = struct.unpack_from(">H", data, pos)
        pos += 2
        if pos + size > len(data):
            raise EnvelopeError("envelope is truncated")
        wrapped.append(data[pos : pos + size])
        pos += size
    if pos + 8 > len(data):
        raise EnvelopeError("envelope is truncated")
    (ct_len,) = struct.unpack_from(">Q", data, pos)
    pos += 8
    if pos + ct_len + ED25519_SIGNATURE_BYTES != len(data):
        raise EnvelopeError("payload length does not match the envelope size")
    ciphertext = data[pos : pos + ct_len]
    body = data[len(prefix) : pos + ct_len]
    signature = data[pos + ct_len :]
    nonce = _unb64(json.loads(manifest_json)["payload"]["nonce"], NONCE_BYTES)
    return _Parsed(header, prefix, tuple(wrapped), nonce, ciphertext, body, signature)


def _parse_manifest(manifest_json: bytes, envelope_sha256: str) -> EnvelopeHeader:
    try:
        manifest = json.loads(manifest_json.decode("ascii"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise EnvelopeError("manifest is not JSON") from exc
    # Exactly one encoding is valid, so the manifest cannot carry hidden variations.
    if not isinstance(manifest, dict) or canonical_json(manifest) != manifest_json:
        raise EnvelopeError("manifest is not in canonical form")
    try:
        expected_keys = {"format", "version", "notification_id", "form_version", "suite", "recipients"}
        expected_keys |= {"files", "sender", "payload"}
        if set(manifest) != expected_keys:
            raise EnvelopeError("manifest has unexpected fields")
        if manifest["format"] != FORMAT_NAME or manifest["version"] != FORMAT_VERSION:
            raise EnvelopeError("manifest names another format")
        if manifest["suite"] != SUITE_NAMES:
            raise EnvelopeError("unsupported cipher suite", message_id="envelope.unsupported_version")
        form_version = manifest["form_version"]
        if not isinstance(form_version, str) or not _FORM_VERSION.match(form_version):
            raise EnvelopeError("bad form version")
        key_ids = tuple(r["key_id"] for r in manifest["recipients"])
        if not key_ids or not all(isinstance(k, str) and _KEY_ID.match(k) for k in key_ids):
            raise EnvelopeError("bad recipient list")
        files = tuple(FileEntry(f["name"], f["sha256"]) for f in manifest["files"])
        for entry in files:
            if not (isinstance(entry.name, str) and _FILE_NAME.match(entry.name)):
                raise EnvelopeError("bad file name")
            if not (isinstance(entry.sha256, str) and re.fullmatch(r"[0-9a-f]{64}", entry.sha256)):
                raise EnvelopeError("bad file hash")
        if not files or len({f.name for f in files}) != len(files):
            raise EnvelopeError("bad file list")
        if manifest["sender"].get("alg") != "Ed25519" or manifest["payload"].get("aead") != "AES-256-GCM":
            raise EnvelopeError("unsupported algorithm")
        sender = _unb64(manifest["sender"]["public_key"], 32)
        _unb64(manifest["payload"]["nonce"], NONCE_BYTES)
        return EnvelopeHeader(
            format_version=FORMAT_VERSION,
            notification_id=_check_uuid(manifest["notification_id"]),
            form_version=form_version,
            key_ids=key_ids,
            files=files,
            sender_public_key=sender,
            manifest_json=manifest_json,
            envelope_sha256=envelope_sha256,
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise EnvelopeError("manifest is missing a field") from exc


def inspect(data: bytes) -> EnvelopeHeader:
    """Parse the clear routing metadata only (no key needed, nothing decrypted).

    The structure is checked in full, but the signature is not: use
    :func:`verify_sender_signature` for that.
    """
    return _parse(data).header


def verify_sender_signature(data: bytes) -> EnvelopeHeader:
    """Check the structure and the sender's signature without decrypting; return the header.

    The signature proves the envelope is unchanged since the holder of the
    included sender key sealed it; whether that key belongs to an enrolled
    notifier is for the municipality to decide by its fingerprint.
    """
    parsed = _parse(data)
    _verify(parsed)
    return parsed.header


def _verify(parsed: _Parsed) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(parsed.header.sender_public_key).verify(
            parsed.signature, _signed_message(parsed.prefix, parsed.body)
        )
    except InvalidSignature as exc:
        raise EnvelopeError(
            "sender signature does not verify", message_id="envelope.signature_invalid"
        ) from exc


def _private_key(value: object, key_id: str) -> hpke.MLKEM768X25519PrivateKey:
    if isinstance(value, RecipientPrivateKey):
        return value.hpke_key()
    if isinstance(value, bytes | bytearray):
        return RecipientPrivateKey(key_id, bytes(value)).hpke_key()
    if isinstance(value, hpke.MLKEM768X25519PrivateKey):
        return value
    raise EnvelopeError("unsupported private key type", message_id="envelope.bad_key")


def open_envelope(data: bytes, private_keys: dict[str, object]) -> OpenedEnvelope:
    """Verify and decrypt an envelope with any one of the recipient private keys (by key id).

    ``private_keys`` values are :class:`RecipientPrivateKey`, the 96 raw
    private-key bytes, or a ``hpke.MLKEM768X25519PrivateKey``. Raises
    :class:`EnvelopeError` for any damage: a changed byte anywhere fails the
    signature, the key unwrap, the payload tag or the file hashes.
    """
    parsed = _parse(data)
    _verify(parsed)
    header = parsed.header
    info = HPKE_INFO_LABEL + hashlib.sha256(parsed.prefix).digest()
    usable = [(i, k) for i, k in enumerate(header.key_ids) if k in private_keys]
    if not usable:
        raise EnvelopeError("no private key for any recipient of this envelope", message_id="envelope.no_key")
    index, key_id = usable[0]
    try:
        content_key = SUITE.decrypt(
            parsed.wrapped[index], _private_key(private_keys[key_id], key_id), info=info
        )
        inner = AESGCM(content_key).decrypt(parsed.nonce, parsed.ciphertext, parsed.prefix)
    except (InvalidTag, ValueError) as exc:
        raise EnvelopeError("envelope does not decrypt", message_id="envelope.decrypt_failed") from exc
    files = _read_inner_container(inner)
    if [f.name for f in header.files] != list(files):
        raise EnvelopeError("files do not match the manifest", message_id="envelope.decrypt_failed")
    for entry in header.files:
        if hashlib.sha256(files[entry.name]).hexdigest() != entry.sha256:
            raise EnvelopeError("a file does not match its hash", message_id="envelope.decrypt_failed")
    return OpenedEnvelope(
        header=header,
        files=files,
        key_id=key_id,
        sender_public_key=header.sender_public_key,
        sender_signature_valid=True,
    )


def envelope_sha256(data: bytes) -> str:
    """The hash a receipt refers to: SHA-256 of the whole envelope, lower-case hex."""
    return hashlib.sha256(data).hexdigest()
