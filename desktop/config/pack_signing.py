"""Ed25519 detached signatures on guideline packs.

The municipality signs the exact bytes of ``<pack>.yaml``; the signature sits
beside it in ``<pack>.yaml.sig``, a small JSON object::

    {"algorithm": "ed25519", "key_id": "kommune-2026", "signature": "<base64, 64 bytes>"}

A key pair is two files written by :func:`generate_key_pair`: ``<id>.key``
(private, JSON with the base64 seed; keep it off the file share) and
``<id>.pub`` (JSON ``{"id", "public_key"}``: exactly one entry of the policy's
``trusted_pack_keys``).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.config.atomic import atomic_write_bytes
from desktop.config.policy import TrustedPackKey
from desktop.errors import UnderretError

SIGNATURE_SUFFIX = ".sig"
ALGORITHM = "ed25519"
#: A signature file is tiny; a larger one is not ours.
MAX_SIGNATURE_BYTES = 4096


class PackSignatureError(UnderretError):
    """A pack's signature is missing, malformed, from an unknown key or does not match.

    ``message_id``: ``pack.unsigned``, ``pack.signature_malformed``,
    ``pack.untrusted_key`` or ``pack.bad_signature``.
    """

    message_id = "pack.bad_signature"


class SigningKeyError(UnderretError):
    """A key file cannot be read as an Underret pack signing key."""

    message_id = "pack.key_invalid"


@dataclass(frozen=True)
class PackSigningKey:
    """A municipality's private pack signing key with its id."""

    key_id: str
    seed: bytes

    def public_key(self) -> TrustedPackKey:
        """The matching entry for the policy's ``trusted_pack_keys``."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        private = Ed25519PrivateKey.from_private_bytes(self.seed)
        raw = private.public_key().public_bytes_raw()
        return TrustedPackKey(id=self.key_id, public_key=base64.b64encode(raw).decode("ascii"))


def generate_key_pair(key_id: str, out_dir: Path) -> tuple[Path, Path]:
    """Create ``<id>.key`` (mode 0600) and ``<id>.pub`` in ``out_dir``; never overwrites a file."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    TrustedPackKey(id=key_id, public_key=base64.b64encode(bytes(32)).decode())  # validates the id
    private_path = out_dir / f"{key_id}.key"
    public_path = out_dir / f"{key_id}.pub"
    for path in (private_path, public_path):
        if path.exists():
            raise FileExistsError(f"{path} already exists; choose another key id")
    out_dir.mkdir(parents=True, exist_ok=True)
    private = Ed25519PrivateKey.generate()
    key = PackSigningKey(key_id, private.private_bytes_raw())
    private_doc = {"algorithm": ALGORITHM, "id": key_id,
                   "private_key": base64.b64encode(key.seed).decode("ascii")}
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(private_doc, handle, indent=2)
        handle.write("\n")
    public_doc = key.public_key().to_json()
    public_path.write_text(json.dumps(public_doc, indent=2) + "\n", "utf-8")
    return private_path, public_path


def load_signing_key(path: Path) -> PackSigningKey:
    """Read a ``<id>.key`` file written by :func:`generate_key_pair`."""
    doc = _read_json(path, SigningKeyError, "pack.key_invalid")
    seed = _b64(doc.get("private_key"))
    key_id = doc.get("id")
    if doc.get("algorithm") != ALGORITHM or not isinstance(key_id, str) or seed is None or len(seed) != 32:
        raise SigningKeyError(f"{path} is not an Ed25519 pack signing key", file=str(path))
    return PackSigningKey(key_id, seed)


def load_trusted_key(path: Path) -> TrustedPackKey:
    """Read a ``<id>.pub`` file written by :func:`generate_key_pair`."""
    doc = _read_json(path, SigningKeyError, "pack.key_invalid")
    try:
        return TrustedPackKey.from_json(doc)
    except ValueError as exc:
        raise SigningKeyError(f"{path} is not a pack public key", file=str(path)) from exc


def sign_pack(data: bytes, key: PackSigningKey) -> bytes:
    """The content of the ``.sig`` file for the pack bytes ``data``."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.from_private_bytes(key.seed)
    signature = private.sign(data)
    doc = {"algorithm": ALGORITHM, "key_id": key.key_id,
           "signature": base64.b64encode(signature).decode("ascii")}
    return (json.dumps(doc, indent=2) + "\n").encode("utf-8")


def sign_pack_file(pack: Path, key: PackSigningKey) -> Path:
    """Write ``<pack>.sig`` beside ``pack`` and return its path."""
    target = pack.with_name(pack.name + SIGNATURE_SUFFIX)
    atomic_write_bytes(target, sign_pack(pack.read_bytes(), key))
    return target


def verify_pack(data: bytes, signature_file: bytes | None, trusted: Sequence[TrustedPackKey]) -> str:
    """Check the detached signature of ``data``; returns the signing key's id.

    Raises :class:`PackSignatureError` when there is no signature, it cannot be
    read, its key is not trusted, or it does not match the bytes.
    """
    # cryptography is imported here and above, not at module level: the app's start-up only
    # needs this module's names (loading the active pack touches it)
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if signature_file is None:
        raise PackSignatureError("the pack has no signature file", message_id="pack.unsigned")
    if len(signature_file) > MAX_SIGNATURE_BYTES:
        raise PackSignatureError("signature file too large", message_id="pack.signature_malformed")
    try:
        doc = json.loads(signature_file.decode("utf-8"))
    except ValueError:
        raise PackSignatureError("signature file is not JSON",
                                 message_id="pack.signature_malformed") from None
    if not isinstance(doc, dict) or doc.get("algorithm") != ALGORITHM:
        raise PackSignatureError("signature file is not an ed25519 signature",
                                 message_id="pack.signature_malformed")
    key_id = doc.get("key_id")
    signature = _b64(doc.get("signature"))
    if not isinstance(key_id, str) or signature is None or len(signature) != 64:
        raise PackSignatureError("signature file lacks key_id or a 64-byte signature",
                                 message_id="pack.signature_malformed")
    matching = [key for key in trusted if key.id == key_id]
    if not matching:
        raise PackSignatureError(f"key {key_id!r} is not trusted by the policy",
                                 message_id="pack.untrusted_key", key_id=key_id)
    public = Ed25519PublicKey.from_public_bytes(matching[0].raw_public_key())
    try:
        public.verify(signature, data)
    except InvalidSignature:
        raise PackSignatureError("the signature does not match the pack", message_id="pack.bad_signature",
                                 key_id=key_id) from None
    return key_id


def _b64(value: Any) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None


def _read_json(path: Path, error: type[UnderretError], message_id: str) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise error(f"cannot read {path}", message_id=message_id, file=str(path)) from exc
    if not isinstance(doc, dict):
        raise error(f"{path} is not a JSON object", message_id=message_id, file=str(path))
    return doc
