"""Vault keys: creating them, wrapping them with a passphrase, keeping them in the OS keyring.

A vault is opened with a random 256-bit raw key. The key is either kept in the
OS keyring ("remember on this PC") or wrapped with a key derived from the
user's passphrase (scrypt, memory-hard) using AES-256-GCM. The scrypt
parameters, salt and nonce are stored beside the wrapped key, so they can be
raised later without breaking existing profiles.

Keys are handed out as ``bytearray`` so callers can zero them when the app
locks, and no immutable copy of a vault key is made on the way (``bytes`` and
``str`` cannot be wiped, and freed ones stay in memory until reused): a new key
is read straight into a bytearray, unwrapping decrypts into one
(``decrypt_into``), wrapping and the key check read the bytearray as it is, and
the keyring's base64 text is decoded by hand into a bytearray. What remains is
outside this module's reach: the keyring backends' own copies of that base64
text (their API is ``str``), and the passphrase and the key derived from it.
Nothing in this module logs a key or a passphrase.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from desktop.store.errors import KeyMissing, KeyringUnavailable, WrongPassphrase

if TYPE_CHECKING:
    import keyring.backend

# keyring (its backends are found through entry points) and cryptography are imported in the
# functions that use them: importing them here would slow the app's start-up for everyone.

VAULT_KEY_BYTES = 32
KEYRING_SERVICE = "Underret"
WRAPPED_KEY_VERSION = 1
#: The wrapped key's own checksum in its JSON form (:meth:`WrappedKey.checksum`).
CHECKSUM_FIELD = "sha256"
_SALT_BYTES = 16
_NONCE_BYTES = 12
# Upper bounds when reading parameters from disk, so a tampered profile file
# cannot make unlocking take gigabytes of memory.
_MAX_LOG2_N = 22
_MAX_R = 32
_MAX_P = 16


class KeyProtection(StrEnum):
    """How a profile's vault key is protected at rest."""

    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105 - a mode name, not a secret


def new_vault_key() -> bytearray:
    """A fresh random 256-bit vault key from the OS's CSPRNG, read straight into a bytearray."""
    key = bytearray(VAULT_KEY_BYTES)
    try:
        with open("/dev/urandom", "rb", buffering=0) as source:
            if source.readinto(key) == VAULT_KEY_BYTES:
                return key
    except OSError:
        pass  # Windows: no /dev/urandom
    import secrets  # here: not needed to list profiles or read a key at start-up

    random = secrets.token_bytes(VAULT_KEY_BYTES)  # an immutable copy, only where the OS offers no file
    key[:] = random
    return key


def zero(key: bytearray | None) -> None:
    """Overwrite a key in place (best effort: Python may hold other copies)."""
    if key is not None:
        for i in range(len(key)):
            key[i] = 0


class ScryptParams:
    """scrypt cost parameters.

    The default n=2**17, r=8, p=1 needs 128 MiB of memory and takes about
    0.4 s on the reference machine (2 shared cores): slow enough to make
    guessing expensive, fast enough that unlocking feels immediate. Tests pass
    cheaper parameters. (This and :class:`WrappedKey` are plain classes, not NamedTuples: the module is
    imported before the first window, and making a NamedTuple class compiles its methods from source.)
    """

    __slots__ = ("n", "p", "r")

    def __init__(self, n: int = 2**17, r: int = 8, p: int = 1) -> None:
        self.n = n
        self.r = r
        self.p = p

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScryptParams) and (self.n, self.r, self.p) == (other.n, other.r, other.p)

    def __hash__(self) -> int:
        return hash((self.n, self.r, self.p))

    def __repr__(self) -> str:
        return f"ScryptParams(n={self.n}, r={self.r}, p={self.p})"

    def validate(self) -> None:
        """Refuse parameters that are not a power of two or absurdly expensive."""
        if self.n < 2 or self.n & (self.n - 1) or self.n > 2**_MAX_LOG2_N:
            raise ValueError("scrypt n must be a power of two between 2 and 2**22")
        if not 1 <= self.r <= _MAX_R or not 1 <= self.p <= _MAX_P:
            raise ValueError("scrypt r or p out of range")


class WrappedKey:
    """A vault key encrypted under a passphrase-derived key, with everything needed to unwrap it."""

    __slots__ = ("ciphertext", "kdf", "nonce", "params", "salt", "version")

    def __init__(self, params: ScryptParams, salt: bytes, nonce: bytes, ciphertext: bytes,
                 version: int = WRAPPED_KEY_VERSION, kdf: str = "scrypt") -> None:
        self.params = params
        self.salt = salt
        self.nonce = nonce
        self.ciphertext = ciphertext
        self.version = version
        self.kdf = kdf

    def _values(self) -> tuple[ScryptParams, bytes, bytes, bytes, int, str]:
        return self.params, self.salt, self.nonce, self.ciphertext, self.version, self.kdf

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WrappedKey) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        # Without salt, nonce or ciphertext: whatever logs a wrapped key shows no key material.
        return f"WrappedKey(params={self.params!r}, version={self.version}, kdf={self.kdf!r})"

    def associated_data(self) -> bytes:
        """The header bound to the ciphertext, so parameters cannot be swapped unnoticed."""
        header = {"version": self.version, "kdf": self.kdf, "n": self.params.n, "r": self.params.r,
                  "p": self.params.p}
        return b"underret-wrapped-key:" + json.dumps(header, sort_keys=True).encode("ascii")

    def checksum(self) -> str:
        """SHA-256 over everything stored (hex). A wrong passphrase and a damaged ciphertext fail the
        unwrapping alike; this tells them apart, so damage is said as damage and never costs the person
        a wait for a passphrase that was right. A check, not a secret: it adds nothing to guessing."""
        import hashlib  # here: listing profiles at start-up reads this, and the module is not loaded yet

        digest = hashlib.sha256(b"underret-wrapped-key-check:" + self.associated_data())
        for part in (self.salt, self.nonce, self.ciphertext):
            digest.update(len(part).to_bytes(4, "big") + part)
        return digest.hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (binary fields base64)."""
        return {
            "version": self.version,
            "kdf": self.kdf,
            "scrypt": {"n": self.params.n, "r": self.params.r, "p": self.params.p},
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "nonce": base64.b64encode(self.nonce).decode("ascii"),
            "ciphertext": base64.b64encode(self.ciphertext).decode("ascii"),
            CHECKSUM_FIELD: self.checksum(),
        }

    def to_json(self) -> str:
        """Serialise for the profile file."""
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: Any) -> WrappedKey:
        """Parse the form written by :meth:`to_dict`; KeyMissing if it is not a usable wrapped key."""
        try:
            if data["version"] != WRAPPED_KEY_VERSION or data["kdf"] != "scrypt":
                raise KeyMissing("unsupported wrapped key", reason="unsupported wrapped-key format")
            scrypt = data["scrypt"]
            params = ScryptParams(n=int(scrypt["n"]), r=int(scrypt["r"]), p=int(scrypt["p"]))
            params.validate()
            wrapped = cls(
                params=params,
                salt=base64.b64decode(data["salt"], validate=True),
                nonce=base64.b64decode(data["nonce"], validate=True),
                ciphertext=base64.b64decode(data["ciphertext"], validate=True),
            )
        except (KeyError, TypeError, ValueError, binascii.Error, OverflowError) as exc:
            raise KeyMissing("wrapped key unreadable", reason="the wrapped key is damaged") from exc
        if len(wrapped.nonce) != _NONCE_BYTES or len(wrapped.ciphertext) != VAULT_KEY_BYTES + 16:
            raise KeyMissing("wrapped key unreadable", reason="the wrapped key is damaged")
        # Written since this check exists; one from an older version has none (added at its next unlock).
        check = data.get(CHECKSUM_FIELD)
        if check is not None and (not isinstance(check, str) or check != wrapped.checksum()):
            raise KeyMissing("wrapped key unreadable", reason="the wrapped key is damaged")
        return wrapped

    @classmethod
    def from_json(cls, text: str) -> WrappedKey:
        """Parse :meth:`to_json` output."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise KeyMissing("wrapped key unreadable", reason="the wrapped key is damaged") from exc
        return cls.from_dict(data)


def _derive(passphrase: str, salt: bytes, params: ScryptParams) -> bytearray:
    """The key-encryption key, in a bytearray the caller zeroes (with the wrapped key on disk it would
    give the vault key, so it must not linger as an immutable ``bytes``)."""
    import unicodedata

    # NFC so that "æ" typed as one code point or as a + combining mark unlock alike.
    secret = bytearray(unicodedata.normalize("NFC", passphrase), "utf-8")
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kek = bytearray(32)
    try:
        Scrypt(salt=salt, length=32, n=params.n, r=params.r, p=params.p).derive_into(secret, kek)
    finally:
        zero(secret)
    return kek


def wrap_key(key: bytes | bytearray, passphrase: str, params: ScryptParams | None = None) -> WrappedKey:
    """Encrypt ``key`` under a key derived from ``passphrase`` (fresh salt and nonce each time)."""
    if len(key) != VAULT_KEY_BYTES:
        raise ValueError("a vault key is 32 bytes")
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = params or ScryptParams()
    params.validate()
    salt = os.urandom(_SALT_BYTES)
    nonce = os.urandom(_NONCE_BYTES)
    shell = WrappedKey(params=params, salt=salt, nonce=nonce, ciphertext=b"")
    kek = _derive(passphrase, salt, params)
    try:
        ciphertext = AESGCM(kek).encrypt(nonce, key, shell.associated_data())  # the bytearray as it is
    finally:
        zero(kek)
    return WrappedKey(params=params, salt=salt, nonce=nonce, ciphertext=ciphertext)


def unwrap_key(wrapped: WrappedKey, passphrase: str) -> bytearray:
    """Recover the vault key; raises WrongPassphrase when the passphrase does not fit."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = _derive(passphrase, wrapped.salt, wrapped.params)
    key = bytearray(len(wrapped.ciphertext) - 16)
    try:
        # Into a bytearray: decrypt() would return the key as an immutable bytes nobody can wipe.
        AESGCM(kek).decrypt_into(wrapped.nonce, wrapped.ciphertext, wrapped.associated_data(), key)
    except InvalidTag as exc:
        zero(key)
        raise WrongPassphrase() from exc
    finally:
        zero(kek)
    return key


_BASE64_VALUES = {ord(c): i for i, c in enumerate(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def b64_into_bytearray(text: str) -> bytearray:
    """Decode base64 text into a bytearray without an intermediate ``bytes`` (which nobody can wipe).

    ValueError when ``text`` is not padded base64.
    """
    if len(text) % 4:
        raise ValueError("base64 text must be a multiple of 4 characters")
    padding = len(text) - len(text.rstrip("="))
    if padding > 2 or "=" in text.rstrip("="):
        raise ValueError("bad base64 padding")
    out = bytearray(len(text) // 4 * 3 - padding)
    position = bits = buffer = 0
    for character in text[: len(text) - padding]:
        value = _BASE64_VALUES.get(ord(character))
        if value is None:
            zero(out)
            raise ValueError("not base64")
        buffer = (buffer << 6) | value
        bits += 6
        if bits >= 8:
            bits -= 8
            out[position] = (buffer >> bits) & 0xFF
            position += 1
            buffer &= (1 << bits) - 1
    buffer = 0
    return out


@cache
def _backend_errors() -> tuple[type[BaseException], ...]:
    """Exceptions the keyring backends raise when the OS keyring is missing, locked or broken."""
    import keyring.errors

    errors: list[type[BaseException]] = [keyring.errors.KeyringError, OSError]
    try:  # Secret Service backend (Linux)
        from secretstorage.exceptions import SecretStorageException

        errors.append(SecretStorageException)
    except ImportError:
        pass
    try:  # D-Bus transport under the Secret Service backend
        from jeepney.wrappers import DBusErrorResponse  # type: ignore[import-untyped]

        errors.append(DBusErrorResponse)
    except ImportError:
        pass
    return tuple(errors)


PLAINTEXT_FALLBACK_REASON = "no OS keyring is running; the only one available keeps keys as plain text"


def _is_plaintext_fallback(ring: object) -> bool:
    """True for the plain-text file that keyring selects by itself when no OS keyring is running.

    keyrings.alt's PlaintextKeyring stores secrets unencrypted in the home folder; using it would
    leave the vault key beside the vault. Only that exact class is what keyring falls back to; a
    deliberately configured subclass (as in the test suite, kept in a test folder) is the caller's
    explicit choice.
    """
    try:
        from keyrings.alt.file import PlaintextKeyring
    except ImportError:
        return False
    return type(ring) is PlaintextKeyring


def _reason(exc: BaseException) -> str:
    import keyring.errors

    if isinstance(exc, keyring.errors.NoKeyringError):
        return "no usable keyring backend is installed or running"
    if isinstance(exc, keyring.errors.KeyringLocked):
        return "the keyring is locked"
    if isinstance(exc, keyring.errors.InitError):
        return "the keyring could not be started"
    return f"the keyring reported an error ({type(exc).__name__})"


class KeyringKeyStore:
    """Vault keys in the OS keyring, one entry per profile under the service "Underret".

    ``backend`` defaults to the keyring package's configured backend at call
    time. Every backend failure becomes :class:`KeyringUnavailable` with a
    plain reason, so the UI can offer the passphrase instead.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None,
                 service: str = KEYRING_SERVICE) -> None:
        self._backend = backend
        self._service = service

    def _ring(self) -> keyring.backend.KeyringBackend:
        import keyring

        ring = self._backend if self._backend is not None else keyring.get_keyring()
        if _is_plaintext_fallback(ring):
            raise KeyringUnavailable("keyring unavailable", reason=PLAINTEXT_FALLBACK_REASON)
        return ring

    def backend_name(self) -> str:
        """The backend's class name, for `underret doctor`."""
        import keyring

        ring = self._backend if self._backend is not None else keyring.get_keyring()
        return f"{type(ring).__module__}.{type(ring).__qualname__}"

    def check_available(self) -> None:
        """Raise KeyringUnavailable when no real keyring is configured (reading a dummy entry)."""
        try:
            self._ring().get_password(self._service, "availability-check")
        except _backend_errors() as exc:
            raise KeyringUnavailable("keyring unavailable", reason=_reason(exc)) from exc

    def store(self, profile_id: str, key: bytes | bytearray) -> None:
        """Keep ``key`` for ``profile_id``; verifies by reading it back."""
        encoded = base64.b64encode(key).decode("ascii")  # the keyring's API takes text: base64 only
        try:
            self._ring().set_password(self._service, profile_id, encoded)
            stored = self._ring().get_password(self._service, profile_id)
        except _backend_errors() as exc:
            raise KeyringUnavailable("keyring unavailable", reason=_reason(exc)) from exc
        if stored != encoded:
            raise KeyringUnavailable("keyring unavailable", reason="the keyring did not keep the key")

    def load(self, profile_id: str) -> bytearray | None:
        """The key for ``profile_id``, or None if the keyring holds none."""
        try:
            encoded = self._ring().get_password(self._service, profile_id)
        except _backend_errors() as exc:
            raise KeyringUnavailable("keyring unavailable", reason=_reason(exc)) from exc
        if encoded is None:
            return None
        try:
            key = b64_into_bytearray(encoded)
        except ValueError as exc:
            raise KeyMissing("keyring entry damaged", reason="the keyring entry is not a vault key") from exc
        if len(key) != VAULT_KEY_BYTES:
            zero(key)
            raise KeyMissing("keyring entry damaged", reason="the keyring entry is not a vault key")
        return key

    def delete(self, profile_id: str) -> None:
        """Forget the key for ``profile_id`` (no error if there is none)."""
        try:
            if self._ring().get_password(self._service, profile_id) is None:
                return
            self._ring().delete_password(self._service, profile_id)
        except _backend_errors() as exc:
            raise KeyringUnavailable("keyring unavailable", reason=_reason(exc)) from exc
