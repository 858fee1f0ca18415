"""The intake's key files: the HPKE recipient key pair and the receipt signing key.

All files are small JSON documents with base64 fields; private ones are
written readable by the owner only. The ``.pub.json`` files are what a
municipality copies into its guideline pack or policy.
"""

from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from protocol.envelope import RecipientPrivateKey, fingerprint
from protocol.errors import UnderretError

RECIPIENT_PRIVATE = "recipient.key.json"
RECIPIENT_PUBLIC = "recipient.pub.json"
RECEIPT_PRIVATE = "receipt-signing.key.json"
RECEIPT_PUBLIC = "receipt-signing.pub.json"

# The strictest of the key id rules (policy intake_keys; the pack and the envelope also allow ':').
_KEY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class KeyFileInvalid(UnderretError):  # noqa: N818 - the domain word
    """A key file that is missing or not in the expected form."""

    message_id = "intake.key_file_invalid"


class KeyFileExists(UnderretError):  # noqa: N818 - the situation keygen refuses
    """keygen was pointed at a folder that already holds key files (they are never overwritten)."""

    message_id = "intake.key_file_exists"


class KeyIdInvalid(UnderretError):  # noqa: N818 - the situation keygen refuses
    """A key id that the guideline pack, the policy or the envelope would not accept."""

    message_id = "intake.key_id_invalid"


@dataclass(frozen=True)
class KeyFiles:
    """Where keygen wrote the four files."""

    recipient_private: Path
    recipient_public: Path
    receipt_private: Path
    receipt_public: Path


def _write_private(path: Path, value: dict[str, str]) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        json.dump(value, handle, indent=2)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _check_new(paths: list[Path]) -> None:
    existing = [path.name for path in paths if path.exists()]
    if existing:
        raise KeyFileExists(
            f"{', '.join(existing)} already in {paths[0].parent}; keys are never overwritten: "
            "choose another --out folder",
            file=existing[0],
        )


def generate_recipient(folder: Path, key_id: str) -> tuple[Path, Path]:
    """Create only a recipient key pair in ``folder`` (a key rotation); returns (private, public) files.

    Never overwrites: a folder that already holds a recipient key is refused
    with :class:`KeyFileExists`, so an old key cannot be lost by mistake.
    """
    if not _KEY_ID.match(key_id):
        raise KeyIdInvalid(
            f"key id {key_id!r} must be 1-64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit",
            key_id=key_id,
        )
    private_file, public_file = folder / RECIPIENT_PRIVATE, folder / RECIPIENT_PUBLIC
    _check_new([private_file, public_file])
    folder.mkdir(parents=True, exist_ok=True)
    recipient = RecipientPrivateKey.generate(key_id)
    _write_private(private_file, {"key_id": key_id, "private_key": _b64(recipient.private_bytes)})
    public = recipient.public().public_key
    public_file.write_text(
        json.dumps(
            {"key_id": key_id, "public_key": _b64(public), "fingerprint": fingerprint(public)}, indent=2
        ),
        encoding="ascii",
    )
    return private_file, public_file


def generate(folder: Path, key_id: str) -> KeyFiles:
    """Create a recipient key pair and a receipt signing key in ``folder`` (never overwrites)."""
    files = KeyFiles(
        folder / RECIPIENT_PRIVATE,
        folder / RECIPIENT_PUBLIC,
        folder / RECEIPT_PRIVATE,
        folder / RECEIPT_PUBLIC,
    )
    _check_new([files.recipient_private, files.recipient_public, files.receipt_private, files.receipt_public])
    generate_recipient(folder, key_id)
    signing = Ed25519PrivateKey.generate()
    signing_public = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    _write_private(files.receipt_private, {"seed": _b64(signing.private_bytes_raw())})
    files.receipt_public.write_text(
        json.dumps(
            {"public_key": _b64(signing_public), "fingerprint": fingerprint(signing_public)}, indent=2
        ),
        encoding="ascii",
    )
    return files


def _read(path: Path) -> dict[str, str]:
    try:
        value = json.loads(path.read_text(encoding="ascii"))
    except (OSError, ValueError) as exc:
        raise KeyFileInvalid(f"cannot read key file {path.name}", file=path.name) from exc
    if not isinstance(value, dict):
        raise KeyFileInvalid(f"key file {path.name} is not a JSON object", file=path.name)
    return value


def load_recipient_private(path: Path) -> RecipientPrivateKey:
    """The HPKE private key from ``recipient.key.json``."""
    value = _read(path)
    try:
        return RecipientPrivateKey(value["key_id"], base64.b64decode(value["private_key"], validate=True))
    except (KeyError, ValueError) as exc:
        raise KeyFileInvalid(f"key file {path.name} is incomplete", file=path.name) from exc


def _kind(value: dict[str, str]) -> str | None:
    """What another key file of keygen's is, by its fields (to name a file given in the wrong place)."""
    if "private_key" in value:
        return "the recipient's private key (recipient.key.json)"
    if "seed" in value and "key_id" in value:  # receipt-signing.key.json holds the seed alone
        return "the desks' message-signing key (message-signing.key.json)"
    if "public_key" in value:
        return "a public key"
    return None


def load_receipt_signing_key(path: Path) -> Ed25519PrivateKey:
    """The municipality's receipt signing key from ``receipt-signing.key.json``."""
    value = _read(path)
    if (kind := _kind(value)) is not None:
        raise KeyFileInvalid(f"key file {path.name} is {kind}, not the receipt signing key: give "
                             f"{RECEIPT_PRIVATE} from the keygen folder", file=path.name)
    try:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(value["seed"], validate=True))
    except (KeyError, ValueError) as exc:
        raise KeyFileInvalid(f"key file {path.name} is incomplete", file=path.name) from exc


def load_recipient_key_id(path: Path) -> str:
    """The key id named in ``recipient.pub.json`` or ``recipient.key.json``."""
    value = _read(path)
    key_id = value.get("key_id")
    if not isinstance(key_id, str) or not key_id:
        raise KeyFileInvalid(f"key file {path.name} names no key_id", file=path.name)
    return key_id


def load_public(path: Path) -> bytes:
    """The raw public key from a ``*.pub.json`` file."""
    value = _read(path)
    if "public_key" not in value and ("private_key" in value or "seed" in value):
        raise KeyFileInvalid(f"key file {path.name} is a private key; give the public one (*.pub.json)",
                             file=path.name)
    try:
        return base64.b64decode(value["public_key"], validate=True)
    except (KeyError, ValueError) as exc:
        raise KeyFileInvalid(f"key file {path.name} is incomplete", file=path.name) from exc
