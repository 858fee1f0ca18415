"""The sealed envelope a notification travels in (format described in forms/schema/envelope.md).

Pure Python, no Qt, no network. A notification is sealed once, at
finalisation; the outbox resends the same bytes on every retry. The payload is
encrypted with a fresh AES-256-GCM content key; that key is wrapped with HPKE
(RFC 9180, KEM X-Wing = MLKEM768-X25519 / HKDF-SHA256 / AES-256-GCM) to every
recipient key, so a municipality can rotate keys and hold two at once. Only
routing metadata is in clear, and all of it is bound into both encryptions and
the sender's Ed25519 signature: any changed byte makes opening fail.

Format 2 (what :func:`seal` writes) adds an inner header inside the encryption
that carries the notification's reply key (:mod:`protocol.replies`); format 1
envelopes (queued in old vaults, stored at intakes) are still read.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from protocol.canonical import canonical_json, parse_canonical
from protocol.errors import EnvelopeError
from protocol.keys import (
    RECIPIENT_PUBLIC_KEY_BYTES,
    RecipientKey,
    RecipientPrivateKey,
    fingerprint,
    sender_private_key,
    sender_public_key,
    xwing_private_key,
    xwing_public_key,
)
from protocol.manifest import (
    FILE_NAME,
    FORM_VERSION,
    MAX_FILES,
    NONCE_BYTES,
    EnvelopeHeader,
    FileEntry,
    build_manifest,
    check_key_ids,
    check_notification_id,
    parse_manifest,
)
from protocol.replies import ReplyPublicKey

__all__ = [
    "MAGIC", "RECIPIENT_PUBLIC_KEY_BYTES", "EnvelopeError", "EnvelopeHeader", "FileEntry", "OpenedEnvelope",
    "RecipientKey", "RecipientPrivateKey", "envelope_sha256", "fingerprint", "inspect", "open_envelope",
    "seal", "sender_public_key", "verify_sender_signature",
]

MAGIC = b"UNDRTENV"
FORMAT_VERSION = 2
SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
ED25519_SIGNATURE_BYTES = 64
CONTENT_KEY_BYTES = 32
XWING_ENC_BYTES = 1120
TAG_BYTES = 16
#: One wrapped content key: HPKE enc (1120) || the key encrypted under HPKE's AEAD (32 + 16).
WRAPPED_KEY_BYTES = XWING_ENC_BYTES + CONTENT_KEY_BYTES + TAG_BYTES  # 1168
_PREFIX = struct.Struct(">8sBI")  # magic, version, manifest length
_MAX_MANIFEST = 64 * 1024
_MAX_INNER_HEADER = 64 * 1024
_MALFORMED_PAYLOAD = "envelope.payload_malformed"


def _labels(version: int) -> tuple[bytes, bytes]:
    """The HPKE info label and the signature label of a format version (each ends in 0x00)."""
    return (f"underret-envelope-v{version} key".encode() + b"\x00",
            f"underret-envelope-v{version} signature".encode() + b"\x00")


@dataclass(frozen=True)
class OpenedEnvelope:
    """A decrypted envelope: its files, its manifest, who signed it and where to reply."""

    header: EnvelopeHeader
    files: dict[str, bytes]
    key_id: str
    sender_public_key: bytes
    sender_signature_valid: bool
    #: The notification's reply key (format 2); None for format 1, which has none.
    reply_key: ReplyPublicKey | None = None

    @property
    def manifest(self) -> EnvelopeHeader:
        """Alias kept for the contract's wording."""
        return self.header


@dataclass(frozen=True)
class _Parsed:
    header: EnvelopeHeader
    prefix: bytes  # magic .. end of manifest: the associated data
    wrapped: tuple[bytes, ...]
    # Views into the envelope, not copies: an intake checks 30 MB envelopes in bounded memory.
    ciphertext: bytes | memoryview
    body: bytes | memoryview  # recipient section + payload section, as on the wire
    signature: bytes


def _file_records(files: dict[str, bytes]) -> bytes:
    parts: list[bytes] = []
    for name, data in files.items():
        encoded = name.encode("ascii")
        parts.append(struct.pack(">B", len(encoded)) + encoded + struct.pack(">Q", len(data)))
        parts.append(data)
    return b"".join(parts)


def _read_file_records(data: bytes, pos: int) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    while pos < len(data):
        name_len = data[pos]
        pos += 1
        if pos + name_len + 8 > len(data):
            raise EnvelopeError("the payload's file list is truncated", message_id=_MALFORMED_PAYLOAD)
        try:
            name = data[pos : pos + name_len].decode("ascii")
        except UnicodeDecodeError as exc:
            raise EnvelopeError("a file name in the payload is not ASCII",
                                message_id=_MALFORMED_PAYLOAD) from exc
        pos += name_len
        (size,) = struct.unpack_from(">Q", data, pos)
        pos += 8
        if pos + size > len(data) or name in files or not FILE_NAME.fullmatch(name):
            raise EnvelopeError("the payload's file list is inconsistent", message_id=_MALFORMED_PAYLOAD)
        files[name] = data[pos : pos + size]
        pos += size
    return files


def _inner_plaintext(version: int, files: dict[str, bytes], reply_key: ReplyPublicKey | None) -> bytes:
    if version == 1:
        return _file_records(files)
    inner_header = canonical_json({"reply_key": reply_key.to_json_value()} if reply_key else {})
    return struct.pack(">I", len(inner_header)) + inner_header + _file_records(files)


def _read_inner(version: int, plaintext: bytes) -> tuple[ReplyPublicKey | None, dict[str, bytes]]:
    if version == 1:
        return None, _read_file_records(plaintext, 0)
    malformed = EnvelopeError("the payload's inner header is malformed", message_id=_MALFORMED_PAYLOAD)
    if len(plaintext) < 4:
        raise malformed
    (length,) = struct.unpack_from(">I", plaintext, 0)
    if length > _MAX_INNER_HEADER or 4 + length > len(plaintext):
        raise malformed
    inner = parse_canonical(plaintext[4 : 4 + length], malformed)
    if set(inner) - {"reply_key"}:
        raise malformed
    reply_key = None
    if "reply_key" in inner:
        try:
            reply_key = ReplyPublicKey.from_json_value(inner["reply_key"])
        except ValueError as exc:
            raise malformed from exc
    return reply_key, _read_file_records(plaintext, 4 + length)


def seal(
    *,
    notification_id: str,
    form_version: str,
    files: dict[str, bytes],
    recipients: list[RecipientKey],
    sender_seed: bytes,
    reply_key: ReplyPublicKey | None = None,
    format_version: int = FORMAT_VERSION,
) -> bytes:
    """Encrypt ``files`` once to every recipient key and sign the result with the sender key.

    Format 2 (the default) carries ``reply_key`` inside the encryption; format 1
    (kept for tests of old envelopes) cannot carry one.
    """
    check_notification_id(notification_id)
    if format_version not in (1, 2) or (format_version == 1 and reply_key is not None):
        raise EnvelopeError("format 1 has no reply key; only formats 1 and 2 are written")
    if not FORM_VERSION.fullmatch(form_version):
        raise EnvelopeError("form version is not a plain version string")
    if not files or len(files) > MAX_FILES:
        raise EnvelopeError("an envelope needs between 1 and 64 files")
    for name in files:
        if not FILE_NAME.fullmatch(name):
            raise EnvelopeError("file names in an envelope must be plain lower-case names")
    key_ids = [r.key_id for r in recipients]
    check_key_ids(key_ids)
    public_keys = [xwing_public_key(r.public_key) for r in recipients]
    signer = sender_private_key(sender_seed)
    nonce = os.urandom(NONCE_BYTES)
    manifest_json = build_manifest(
        version=format_version, notification_id=notification_id, form_version=form_version,
        key_ids=key_ids, files=files,
        file_hashes={name: hashlib.sha256(content).hexdigest() for name, content in files.items()},
        sender_public_key=sender_public_key(sender_seed), nonce=nonce,
        key_hashes=[hashlib.sha256(r.public_key).hexdigest() for r in recipients],
    )
    prefix = _PREFIX.pack(MAGIC, format_version, len(manifest_json)) + manifest_json
    info_label, signature_label = _labels(format_version)
    info = info_label + hashlib.sha256(prefix).digest()
    content_key = AESGCM.generate_key(bit_length=256)
    recipient_section = bytearray(struct.pack(">B", len(public_keys)))
    for public in public_keys:
        wrapped = SUITE.encrypt(content_key, public, info=info)
        recipient_section += struct.pack(">H", len(wrapped)) + wrapped
    plaintext = _inner_plaintext(format_version, files, reply_key)
    ciphertext = AESGCM(content_key).encrypt(nonce, plaintext, prefix)
    body = bytes(recipient_section) + struct.pack(">Q", len(ciphertext)) + ciphertext
    signature = signer.sign(_signed_message(signature_label, prefix, body))
    return prefix + body + signature


def _signed_message(label: bytes, prefix: bytes, body: bytes | memoryview) -> bytes:
    return label + hashlib.sha256(prefix).digest() + hashlib.sha256(body).digest()


def _parse(data: bytes) -> _Parsed:
    data = bytes(data)
    if len(data) < _PREFIX.size:
        raise EnvelopeError("envelope is too short")
    magic, version, manifest_len = _PREFIX.unpack_from(data, 0)
    if magic != MAGIC:
        raise EnvelopeError("not an Underret envelope")
    if version not in (1, 2):
        raise EnvelopeError("unsupported envelope version", message_id="envelope.unsupported_version")
    if manifest_len > _MAX_MANIFEST or _PREFIX.size + manifest_len > len(data):
        raise EnvelopeError("manifest length is out of range")
    prefix = data[: _PREFIX.size + manifest_len]
    header = parse_manifest(prefix[_PREFIX.size :], version, hashlib.sha256(data).hexdigest())
    pos = len(prefix)
    if pos >= len(data) or data[pos] != len(header.key_ids):
        raise EnvelopeError("recipient count does not match the manifest")
    pos += 1
    wrapped: list[bytes] = []
    for _ in header.key_ids:
        if pos + 2 > len(data) or struct.unpack_from(">H", data, pos)[0] != WRAPPED_KEY_BYTES:
            # 1120 (enc) + 32 (the AES-256-GCM content key) + 16 (tag): a shorter content key is refused here.
            raise EnvelopeError("a wrapped key is not 1168 bytes: "
                                "the content key is not a 32-byte AES-256 key")
        pos += 2
        if pos + WRAPPED_KEY_BYTES > len(data):
            raise EnvelopeError("envelope is truncated")
        wrapped.append(data[pos : pos + WRAPPED_KEY_BYTES])
        pos += WRAPPED_KEY_BYTES
    if pos + 8 > len(data):
        raise EnvelopeError("envelope is truncated")
    (ct_len,) = struct.unpack_from(">Q", data, pos)
    pos += 8
    if ct_len < TAG_BYTES or pos + ct_len + ED25519_SIGNATURE_BYTES != len(data):
        raise EnvelopeError("payload length does not match the envelope size")
    view = memoryview(data)
    return _Parsed(header, prefix, tuple(wrapped), view[pos : pos + ct_len], view[len(prefix) : pos + ct_len],
                   data[pos + ct_len :])


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
    _, signature_label = _labels(parsed.header.format_version)
    try:
        Ed25519PublicKey.from_public_bytes(parsed.header.sender_public_key).verify(
            parsed.signature, _signed_message(signature_label, parsed.prefix, parsed.body)
        )
    except InvalidSignature as exc:
        raise EnvelopeError(
            "sender signature does not verify", message_id="envelope.signature_invalid"
        ) from exc


def _private_key(value: object) -> hpke.MLKEM768X25519PrivateKey:
    if isinstance(value, RecipientPrivateKey):
        return value.hpke_key()
    if isinstance(value, bytes | bytearray):
        return xwing_private_key(bytes(value))
    if isinstance(value, hpke.MLKEM768X25519PrivateKey):
        return value
    raise EnvelopeError("unsupported private key type", message_id="envelope.bad_key")


def open_envelope(data: bytes, private_keys: Mapping[str, object]) -> OpenedEnvelope:
    """Verify and decrypt an envelope with any one of the recipient private keys (by key id).

    ``private_keys`` values are :class:`RecipientPrivateKey`, the raw private
    key (the 32-byte X-Wing seed, or 96 bytes from format 1), or a
    ``hpke.MLKEM768X25519PrivateKey``. Raises :class:`EnvelopeError`, whose
    ``message_id`` names the failure: before the signature is checked
    ``envelope.malformed``, ``envelope.unsupported_version``,
    ``envelope.signature_invalid``; then ``envelope.no_key`` (none of its key
    ids is held), ``envelope.wrong_key`` (the key held under that id is another
    key), ``envelope.payload_damaged``,
    ``envelope.payload_malformed``, ``envelope.files_mismatch``,
    ``envelope.file_hash_mismatch``.
    """
    parsed = _parse(data)
    _verify(parsed)
    header = parsed.header
    info = _labels(header.format_version)[0] + hashlib.sha256(parsed.prefix).digest()
    usable = [(i, k) for i, k in enumerate(header.key_ids) if k in private_keys]
    if not usable:
        raise EnvelopeError("no private key for any recipient of this envelope", message_id="envelope.no_key")
    index, key_id = usable[0]
    held = private_keys[key_id]
    # Format 2 names the key it is sealed to: a different key under the same id is said at once.
    if (header.recipient_key_sha256 and isinstance(held, RecipientPrivateKey)
            and hashlib.sha256(held.public().public_key).hexdigest() != header.recipient_key_sha256[index]):
        raise EnvelopeError(f"the key held as {key_id!r} is not the key this envelope is sealed to",
                                message_id="envelope.wrong_key", key_id=key_id)
    key = _private_key(held)
    try:
        content_key = SUITE.decrypt(parsed.wrapped[index], key, info=info)
    except (InvalidTag, ValueError) as exc:
        # The signature holds, so the wrapped key is as sealed: the key held under this id is another key.
        raise EnvelopeError(f"the key held as {key_id!r} is not the key this envelope is sealed to",
                            message_id="envelope.wrong_key", key_id=key_id) from exc
    try:
        plaintext = AESGCM(content_key).decrypt(header.nonce, parsed.ciphertext, parsed.prefix)
    except InvalidTag as exc:
        raise EnvelopeError("the payload does not decrypt: it was damaged before it was signed",
                            message_id="envelope.payload_damaged") from exc
    reply_key, files = _read_inner(header.format_version, plaintext)
    if [f.name for f in header.files] != list(files):
        raise EnvelopeError("the payload's files are not the manifest's",
                            message_id="envelope.files_mismatch")
    for entry in header.files:
        if hashlib.sha256(files[entry.name]).hexdigest() != entry.sha256:
            raise EnvelopeError(f"{entry.name} does not match its hash in the manifest",
                                message_id="envelope.file_hash_mismatch", file=entry.name)
    return OpenedEnvelope(
        header=header,
        files=files,
        key_id=key_id,
        sender_public_key=header.sender_public_key,
        sender_signature_valid=True,
        reply_key=reply_key,
    )


def envelope_sha256(data: bytes) -> str:
    """The hash a receipt refers to: SHA-256 of the whole envelope, lower-case hex."""
    return hashlib.sha256(data).hexdigest()
