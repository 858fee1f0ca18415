"""The machine-wide deployment policy set by municipal IT.

A policy is a JSON object (``policy.json``) or, on Windows, the same values
under ``HKLM\\SOFTWARE\\Policies\\Underret`` written by Group Policy. Every
setting is optional: a setting that is absent is simply not managed.

Where the policy comes from, first match wins:

1. the file named by the environment variable ``UNDERRET_POLICY`` (IT trying a
   policy before rollout; tests);
2. on Windows, the registry key ``HKLM\\SOFTWARE\\Policies\\Underret`` when it
   holds at least one value;
3. the platform file: ``%ProgramData%\\Underret\\policy.json`` (Windows),
   ``/etc/underret/policy.json`` (Linux),
   ``/Library/Application Support/Underret/policy.json`` (macOS).

An invalid policy is never ignored: :func:`load_policy` raises
:class:`PolicyInvalid` naming the file, the setting and the problem, and the
app refuses to start (``underret doctor`` shows the same).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from desktop.errors import UnderretError

#: Environment variable naming a policy file that replaces the machine's policy.
POLICY_ENV = "UNDERRET_POLICY"

#: Registry key (under HKEY_LOCAL_MACHINE) written by the Group Policy templates.
REGISTRY_KEY = r"SOFTWARE\Policies\Underret"

#: Registry sub-key listing trusted pack keys: value name = key id, data = base64 public key.
REGISTRY_TRUSTED_KEYS_SUBKEY = "trusted_pack_keys"

#: Registry sub-key listing the intake's recipient keys: value name = key id, data = base64 public key.
REGISTRY_INTAKE_KEYS_SUBKEY = "intake_keys"

# ML-KEM-768 public key (1184 bytes) followed by an X25519 public key (32 bytes), as in
# desktop.outbox.envelope (not imported: it loads cryptography, which is slow at start-up).
_INTAKE_PUBLIC_KEY_BYTES = 1184 + 32

_KEY_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class PolicyInvalid(UnderretError):  # noqa: N818 (contract names)
    """The policy cannot be used; ``details`` has ``file``, ``setting`` and ``problem``.

    ``message_id`` tells the kind: ``policy.bad_json``, ``policy.unknown_setting``,
    ``policy.wrong_type``, ``policy.out_of_range``, ``policy.bad_value`` or
    ``policy.missing_file``. ``problems`` lists every problem found, the first
    one is also in ``details``.
    """

    message_id = "policy.invalid"

    def __init__(self, *, kind: str, file: str, setting: str, problem: str,
                 problems: list[tuple[str, str]] | None = None) -> None:
        super().__init__(f"{file}: {setting}: {problem}", message_id=kind,
                         file=file, setting=setting, problem=problem)
        self.problems: list[tuple[str, str]] = problems or [(setting, problem)]


class Transport(StrEnum):
    """Ways a finalised notification may leave the PC."""

    HTTPS = "https"
    SECURE_EMAIL = "secure_email"


class TrustedPackKey(BaseModel):
    """An Ed25519 public key (raw 32 bytes, base64) allowed to sign guideline packs."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: Annotated[str, Field(pattern=_KEY_ID_PATTERN, description="Key id written in each .sig file")]
    public_key: Annotated[str, Field(description="Ed25519 public key, 32 raw bytes in base64")]

    @field_validator("public_key")
    @classmethod
    def _is_ed25519_public_key(cls, value: str) -> str:
        raw = _b64_decode(value)
        if raw is None or len(raw) != 32:
            raise ValueError("must be an Ed25519 public key: 32 bytes in base64")
        return value

    def raw_public_key(self) -> bytes:
        """The 32 raw key bytes."""
        return base64.b64decode(self.public_key, validate=True)


class IntakeKey(BaseModel):
    """A recipient key of the municipality's intake: notifications are sealed to every such key."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: Annotated[str, Field(pattern=_KEY_ID_PATTERN, description="Key id carried in each envelope")]
    public_key: Annotated[str, Field(
        description="ML-KEM-768+X25519 public key (1216 raw bytes: ML-KEM-768 then X25519) in base64",
    )]

    @field_validator("public_key")
    @classmethod
    def _is_intake_public_key(cls, value: str) -> str:
        raw = _b64_decode(value)
        if raw is None or len(raw) != _INTAKE_PUBLIC_KEY_BYTES:
            raise ValueError("must be an ML-KEM-768+X25519 intake public key: 1216 bytes in base64")
        return value


def _b64_decode(value: str) -> bytes | None:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None


def _is_https_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname)


def _is_folder_path(value: str) -> bool:
    # Absolute POSIX path, Windows drive path (C:\...) or UNC share (\\server\share).
    return value.startswith(("/", "\\\\")) or (len(value) > 2 and value[1] == ":" and value[2] in "\\/")


class Policy(BaseModel):
    """Every setting municipal IT may fix centrally; ``None`` means "not managed"."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True,
                              title="Underret deployment policy")

    municipality: Annotated[str | None, Field(
        pattern=r"^[a-z0-9][a-z0-9-]{0,62}$",
        description="Id of the municipality's guideline pack shipped in forms/packs (e.g. 'demo-kommune')",
    )] = None
    pack_source: Annotated[str | None, Field(
        description="Where signed guideline pack updates are fetched: a folder (file share, UNC path) "
                    "or an https:// URL of the folder holding <municipality>.yaml and .yaml.sig",
    )] = None
    trusted_pack_keys: Annotated[list[TrustedPackKey] | None, Field(
        description="Ed25519 public keys whose signatures on guideline packs are accepted",
    )] = None
    intake_endpoint: Annotated[str | None, Field(
        description="https:// URL of the municipality's intake service",
    )] = None
    intake_keys: Annotated[list[IntakeKey] | None, Field(
        min_length=1, max_length=2,
        description="The intake's recipient public keys (1-2; two while rotating); replaces the pack's keys",
    )] = None
    intake_ca_pem_file: Annotated[str | None, Field(
        description="PEM file with the CA certificate(s) the intake's TLS certificate must chain to; "
                    "a relative path is relative to the policy file",
    )] = None
    intake_pin_sha256: Annotated[str | None, Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 (lower-case hex) of the intake server certificate's public key (SPKI pin)",
    )] = None
    receipt_public_key: Annotated[str | None, Field(
        description="Ed25519 public key (32 bytes, base64) that signs the intake's receipts",
    )] = None
    allowed_transports: Annotated[list[Transport] | None, Field(
        min_length=1, description="Transports notifications may use",
    )] = None
    key_protection: Annotated[Literal["keyring", "passphrase"] | None, Field(
        description="How new vault keys are protected: OS keyring (personal PC) or a personal passphrase "
                    "(shared PC)",
    )] = None
    idle_lock_minutes: Annotated[int | None, Field(
        ge=1, le=240, description="Minutes without input before the app locks (1-240)",
    )] = None
    retention_days: Annotated[int | None, Field(
        ge=1, le=3650, description="Days a delivered notification's content stays on the PC (1-3650)",
    )] = None
    default_language: Annotated[Literal["da", "en"] | None, Field(
        description="Language used until the user chooses another",
    )] = None
    demo_allowed: Annotated[bool | None, Field(description="Whether demo mode may be started")] = None
    proxy: Annotated[str | None, Field(
        description="HTTP(S) proxy URL for pack updates and delivery, e.g. http://proxy.kommune.dk:8080",
    )] = None

    @field_validator("pack_source")
    @classmethod
    def _pack_source_is_folder_or_https(cls, value: str | None) -> str | None:
        if value is not None and not (_is_https_url(value) or _is_folder_path(value)):
            raise ValueError("must be an absolute folder path (or \\\\server\\share) or an https:// URL")
        return value

    @field_validator("intake_endpoint")
    @classmethod
    def _endpoint_is_https(cls, value: str | None) -> str | None:
        if value is not None and not _is_https_url(value):
            raise ValueError("must be an https:// URL")
        return value

    @field_validator("receipt_public_key")
    @classmethod
    def _receipt_key_is_ed25519(cls, value: str | None) -> str | None:
        if value is not None:
            raw = _b64_decode(value)
            if raw is None or len(raw) != 32:
                raise ValueError("must be an Ed25519 public key: 32 bytes in base64")
        return value

    @field_validator("proxy")
    @classmethod
    def _proxy_is_url(cls, value: str | None) -> str | None:
        if value is not None:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError("must be an http:// or https:// proxy URL")
        return value

    @field_validator("trusted_pack_keys", "intake_keys")
    @classmethod
    def _key_ids_unique(cls, value: list[Any] | None) -> list[Any] | None:
        if value is not None:
            ids = [key.id for key in value]
            if len(ids) != len(set(ids)):
                raise ValueError("key ids must be unique")
        return value

    def managed_settings(self) -> list[str]:
        """Names of the policy fields that are set."""
        return [name for name in type(self).model_fields if getattr(self, name) is not None]


@dataclass(frozen=True)
class PolicySource:
    """Where the policy in force came from.

    ``kind`` is ``"env"``, ``"registry"``, ``"file"`` or ``"none"``; ``location``
    is the file path or registry key read (for ``"none"``: the platform file
    that was looked for and not found).
    """

    kind: Literal["env", "registry", "file", "none"]
    location: str


def platform_policy_file() -> Path:
    """The machine-wide policy file for this operating system."""
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(program_data) / "Underret" / "policy.json"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Underret/policy.json")
    return Path("/etc/underret/policy.json")


def load_policy(*, environ: dict[str, str] | None = None,
                platform_file: Path | None = None) -> tuple[Policy, PolicySource]:
    """Find and validate the policy in force (see the module docstring for the order).

    ``environ`` and ``platform_file`` default to the real environment and the
    platform's file; tests pass their own. Raises :class:`PolicyInvalid`.
    """
    env = os.environ if environ is None else environ
    named = env.get(POLICY_ENV)
    if named:
        path = Path(named)
        if not path.is_file():
            raise PolicyInvalid(kind="policy.missing_file", file=str(path), setting=POLICY_ENV,
                                problem="the policy file named by UNDERRET_POLICY does not exist")
        return load_policy_file(path), PolicySource("env", str(path))
    if sys.platform == "win32":
        values = _read_registry()
        if values:
            location = "HKLM\\" + REGISTRY_KEY
            return policy_from_mapping(values, location), PolicySource("registry", location)
    path = platform_policy_file() if platform_file is None else platform_file
    if path.is_file():
        return load_policy_file(path), PolicySource("file", str(path))
    return Policy(), PolicySource("none", str(path))


def load_policy_file(path: Path) -> Policy:
    """Read and validate one ``policy.json``; raises :class:`PolicyInvalid`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PolicyInvalid(kind="policy.unreadable", file=str(path), setting="(file)",
                            problem=f"cannot be read: {exc.strerror or exc}") from exc
    try:
        # utf-8-sig: Notepad on Windows writes a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PolicyInvalid(kind="policy.bad_json", file=str(path), setting="(file)",
                            problem=f"not UTF-8 text (byte {exc.start})") from exc
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise PolicyInvalid(kind="policy.bad_json", file=str(path), setting="(file)",
                            problem=f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                            ) from exc
    return _validate(text, str(path), base_dir=path.parent)


def policy_from_mapping(values: dict[str, Any], location: str, base_dir: Path | None = None) -> Policy:
    """Validate a policy given as a mapping (the registry's values); raises :class:`PolicyInvalid`.

    A relative ``intake_ca_pem_file`` is taken relative to ``base_dir`` (else the working folder).
    """
    return _validate(json.dumps(values), location, base_dir=base_dir)


def _validate(text: str, location: str, *, base_dir: Path | None) -> Policy:
    try:
        policy = Policy.model_validate_json(text)
    except ValidationError as exc:
        problems = [_describe(error) for error in exc.errors()]
        kind, setting, problem = problems[0]
        raise PolicyInvalid(kind=kind, file=location, setting=setting, problem=problem,
                            problems=[(s, p) for _, s, p in problems]) from exc
    if policy.pack_source is not None and not policy.trusted_pack_keys:
        # Without a trusted key every downloaded pack would be refused: say so now, not silently later.
        raise PolicyInvalid(kind="policy.bad_value", file=location, setting="trusted_pack_keys",
                            problem="pack_source is set, so at least one trusted pack key is needed")
    return _check_ca_file(policy, location, base_dir)


def _check_ca_file(policy: Policy, location: str, base_dir: Path | None) -> Policy:
    if policy.intake_ca_pem_file is None:
        return policy
    ca_path = Path(policy.intake_ca_pem_file)
    if not ca_path.is_absolute() and base_dir is not None:
        ca_path = base_dir / ca_path
    setting = "intake_ca_pem_file"
    if not ca_path.is_file():
        raise PolicyInvalid(kind="policy.missing_file", file=location, setting=setting,
                            problem=f"the file {ca_path} does not exist")
    try:
        pem = ca_path.read_bytes()
    except OSError as exc:
        raise PolicyInvalid(kind="policy.missing_file", file=location, setting=setting,
                            problem=f"the file {ca_path} cannot be read: {exc.strerror or exc}") from exc
    from cryptography import x509  # lazy: keeps start-up light

    try:
        x509.load_pem_x509_certificates(pem)
    except ValueError as exc:
        raise PolicyInvalid(kind="policy.bad_value", file=location, setting=setting,
                            problem=f"the file {ca_path} holds no PEM certificate") from exc
    return policy.model_copy(update={"intake_ca_pem_file": str(ca_path.resolve())})


_WRONG_TYPE_SUFFIX = "_type"
_TYPE_WORDS = {"int_type": "a whole number", "int_from_float": "a whole number",
               "string_type": "text (a JSON string)", "bool_type": "true or false", "list_type": "a list",
               "model_type": "a JSON object", "model_attributes_type": "a JSON object",
               "dict_type": "a JSON object"}
_PATTERN_HINTS = {
    "intake_pin_sha256": "64 lower-case hexadecimal characters (a SHA-256 digest)",
    "municipality": "a pack id of lower-case letters, digits and '-' (e.g. 'demo-kommune')",
    "id": "a key id of letters, digits, '.', '_' or '-'",
}
_RANGE_TYPES = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


def _describe(error: Any) -> tuple[str, str, str]:
    """(message id, setting path, problem) for one pydantic error."""
    loc = ".".join(str(part) for part in error["loc"]) or "(file)"
    kind: str = error["type"]
    if kind == "extra_forbidden":
        return "policy.unknown_setting", loc, "is not a known setting"
    if kind in ("too_short", "too_long"):
        # A list with too few or too many entries: say how many, not the (possibly long) list itself.
        ctx = error.get("ctx", {})
        bound, limit = ("at least", ctx.get("min_length")) if kind == "too_short" else (
            "at most", ctx.get("max_length"))
        return ("policy.out_of_range", loc,
                f"must have {bound} {limit} {'entry' if limit == 1 else 'entries'}, "
                f"got {ctx.get('actual_length')}")
    if kind in _RANGE_TYPES:
        ctx = error.get("ctx", {})
        limit = next(iter(ctx.values()), None)
        bound = {"greater_than_equal": "at least", "less_than_equal": "at most",
                 "greater_than": "more than", "less_than": "less than"}[kind]
        return "policy.out_of_range", loc, f"must be {bound} {limit}, got {error.get('input')!r}"
    if kind.endswith(_WRONG_TYPE_SUFFIX) or kind in _TYPE_WORDS:
        expected = _TYPE_WORDS.get(kind, kind.removesuffix(_WRONG_TYPE_SUFFIX).replace("_", " "))
        return ("policy.wrong_type", loc,
                f"has the wrong type: expected {expected}, got {json.dumps(error.get('input'))}")
    if kind == "string_pattern_mismatch":
        field = str(error["loc"][-1]) if error["loc"] else ""
        hint = _PATTERN_HINTS.get(field, f"the pattern {error.get('ctx', {}).get('pattern')}")
        return "policy.bad_value", loc, f"must be {hint}, got {json.dumps(error.get('input'))}"
    message = str(error.get("msg", kind)).removeprefix("Value error, ")
    return "policy.bad_value", loc, message


def _read_registry() -> dict[str, Any]:
    """The policy values under HKLM\\SOFTWARE\\Policies\\Underret (Windows only)."""
    if sys.platform != "win32":
        return {}
    import winreg

    def enum_values(key: Any) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = []
        index = 0
        while True:
            try:
                name, data, _ = winreg.EnumValue(key, index)
            except OSError:
                return found
            found.append((name, data))
            index += 1

    try:
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, REGISTRY_KEY)
    except FileNotFoundError:
        return {}
    with key:
        values = enum_values(key)
        try:
            with winreg.OpenKey(key, REGISTRY_TRUSTED_KEYS_SUBKEY) as keys_key:
                trusted = enum_values(keys_key)
        except FileNotFoundError:
            trusted = []
        try:
            with winreg.OpenKey(key, REGISTRY_INTAKE_KEYS_SUBKEY) as keys_key:
                intake = enum_values(keys_key)
        except FileNotFoundError:
            intake = []
    return registry_to_mapping(values, trusted, intake)


_BOOL_SETTINGS = {"demo_allowed"}
_LIST_SETTINGS = {"allowed_transports"}


def registry_to_mapping(values: list[tuple[str, Any]], trusted_keys: list[tuple[str, Any]],
                        intake_keys: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
    """Registry values (name, data) as the mapping a ``policy.json`` would hold.

    Group Policy writes numbers and switches as REG_DWORD (``int``), lists as a
    comma-separated REG_SZ (or REG_MULTI_SZ), and the trusted pack keys and the
    intake keys as the values of the ``trusted_pack_keys`` and ``intake_keys``
    sub-keys (name = key id, data = base64 key).
    """
    mapping: dict[str, Any] = {}
    for name, data in values:
        if name in _BOOL_SETTINGS and isinstance(data, int) and not isinstance(data, bool):
            mapping[name] = bool(data)
        elif name in _LIST_SETTINGS and isinstance(data, str):
            mapping[name] = [part.strip() for part in data.split(",") if part.strip()]
        elif name in _LIST_SETTINGS and isinstance(data, list):
            mapping[name] = [str(part) for part in data]
        else:
            mapping[name] = data
    if trusted_keys:
        mapping["trusted_pack_keys"] = [{"id": key_id, "public_key": data} for key_id, data in trusted_keys]
    if intake_keys:
        mapping["intake_keys"] = [{"id": key_id, "public_key": data} for key_id, data in intake_keys]
    return mapping
