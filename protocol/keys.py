"""The keys of the wire protocol: the municipality's X-Wing recipient keys and the notifier's sender key.

A recipient key is an X-Wing key (draft-connolly-cfrg-xwing-kem-08, the KEM
``MLKEM768-X25519`` of HPKE, KEM id 0x647A). Its private key is the standard
32-byte X-Wing seed; format-1 installations wrote 96-byte files (the expanded
ML-KEM-768 seed ``d || z`` and the X25519 scalar), which are still read. The
sender key is Ed25519, one per profile.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from protocol.errors import EnvelopeError

MLKEM768_PUBLIC_BYTES = 1184
MLKEM768_SEED_BYTES = 64
X25519_BYTES = 32
XWING_SEED_BYTES = 32
#: The X-Wing public key: ML-KEM-768 encapsulation key || X25519 public key.
RECIPIENT_PUBLIC_KEY_BYTES = MLKEM768_PUBLIC_BYTES + X25519_BYTES  # 1216
#: A private key file written by format 1: ML-KEM-768 seed d || z || X25519 private scalar.
LEGACY_PRIVATE_KEY_BYTES = MLKEM768_SEED_BYTES + X25519_BYTES  # 96
PRIVATE_KEY_LENGTHS = (XWING_SEED_BYTES, LEGACY_PRIVATE_KEY_BYTES)
ED25519_PUBLIC_BYTES = 32


def xwing_expand(private_bytes: bytes) -> tuple[bytes, bytes]:
    """The ML-KEM-768 seed ``d || z`` (64 bytes) and the X25519 scalar (32 bytes) of a private key.

    A 32-byte X-Wing seed expands as the draft's ``expandDecapsulationKey``:
    ``SHAKE256(seed, 96)``, bytes 0..63 the ML-KEM seed, 64..95 the X25519
    scalar. A 96-byte format-1 key already is that expansion.
    """
    if len(private_bytes) == XWING_SEED_BYTES:
        expanded = hashlib.shake_256(private_bytes).digest(LEGACY_PRIVATE_KEY_BYTES)
    elif len(private_bytes) == LEGACY_PRIVATE_KEY_BYTES:
        expanded = bytes(private_bytes)
    else:
        raise EnvelopeError("a recipient private key is 32 bytes (or 96 from format 1)",
                            message_id="envelope.bad_key")
    return expanded[:MLKEM768_SEED_BYTES], expanded[MLKEM768_SEED_BYTES:]


def xwing_private_key(private_bytes: bytes) -> hpke.MLKEM768X25519PrivateKey:
    """The HPKE key object for a 32-byte seed or a 96-byte format-1 key."""
    mlkem_seed, x_scalar = xwing_expand(private_bytes)
    return hpke.MLKEM768X25519PrivateKey(
        mlkem.MLKEM768PrivateKey.from_seed_bytes(mlkem_seed),
        x25519.X25519PrivateKey.from_private_bytes(x_scalar),
    )


def xwing_public_bytes(private_bytes: bytes) -> bytes:
    """The 1216-byte X-Wing public key of a private key."""
    mlkem_seed, x_scalar = xwing_expand(private_bytes)
    return (mlkem.MLKEM768PrivateKey.from_seed_bytes(mlkem_seed).public_key().public_bytes_raw()
            + x25519.X25519PrivateKey.from_private_bytes(x_scalar).public_key().public_bytes_raw())


def xwing_public_key(public_bytes: bytes) -> hpke.MLKEM768X25519PublicKey:
    """The HPKE key object for a 1216-byte X-Wing public key."""
    if len(public_bytes) != RECIPIENT_PUBLIC_KEY_BYTES:
        raise EnvelopeError("an X-Wing public key is 1216 bytes", message_id="envelope.bad_key")
    try:
        return hpke.MLKEM768X25519PublicKey(
            mlkem.MLKEM768PublicKey.from_public_bytes(public_bytes[:MLKEM768_PUBLIC_BYTES]),
            x25519.X25519PublicKey.from_public_bytes(public_bytes[MLKEM768_PUBLIC_BYTES:]),
        )
    except ValueError as exc:
        raise EnvelopeError("the X-Wing public key is invalid", message_id="envelope.bad_key") from exc


@dataclass(frozen=True)
class RecipientKey:
    """A municipality's intake public key (the 1216-byte X-Wing public key), under its key id."""

    key_id: str
    public_key: bytes


@dataclass(frozen=True)
class RecipientPrivateKey:
    """A recipient's private key: the 32-byte X-Wing seed (or a 96-byte format-1 key), under its key id."""

    key_id: str
    private_bytes: bytes

    @classmethod
    def generate(cls, key_id: str) -> RecipientPrivateKey:
        """A fresh key (keygen): a random 32-byte X-Wing seed."""
        return cls(key_id, os.urandom(XWING_SEED_BYTES))

    def public(self) -> RecipientKey:
        """The matching public key, in the raw form packs and policies carry."""
        return RecipientKey(self.key_id, xwing_public_bytes(self.private_bytes))

    def hpke_key(self) -> hpke.MLKEM768X25519PrivateKey:
        """The key object cryptography's HPKE wants."""
        return xwing_private_key(self.private_bytes)


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
