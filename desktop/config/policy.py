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

import json
import os
import sys
from pathlib import Path
from typing import Any, ClassVar, Literal, NamedTuple, Self

from desktop.config.policy_rules import (
    INTAKE_KEY,
    RULE_NAMES,
    TRUSTED_PACK_KEY,
    Entry,
    Problem,
    Transport,
    check_mapping,
    check_object,
)
from desktop.errors import UnderretError

__all__ = ["REGISTRY_INTAKE_KEYS_SUBKEY", "REGISTRY_KEY", "REGISTRY_TRUSTED_KEYS_SUBKEY", "IntakeKey",
           "Policy", "PolicyInvalid", "PolicySource", "Transport", "TrustedPackKey", "load_policy",
           "load_policy_file", "platform_policy_file", "policy_from_mapping", "registry_to_mapping"]

#: Environment variable naming a policy file that replaces the machine's policy.
POLICY_ENV = "UNDERRET_POLICY"

#: Registry key (under HKEY_LOCAL_MACHINE) written by the Group Policy templates.
REGISTRY_KEY = r"SOFTWARE\Policies\Underret"

#: Registry sub-key listing trusted pack keys: value name = key id, data = base64 public key.
REGISTRY_TRUSTED_KEYS_SUBKEY = "trusted_pack_keys"

#: Registry sub-key listing the intake's recipient keys: value name = key id, data = base64 public key.
REGISTRY_INTAKE_KEYS_SUBKEY = "intake_keys"

#: Title and description of the published JSON Schema.
POLICY_TITLE = "Underret deployment policy"
POLICY_DESCRIPTION = 'Every setting municipal IT may fix centrally; ``None`` means "not managed".'


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


def _checked_entry(entry: Entry, values: dict[str, Any]) -> None:
    problems = check_object(entry.fields, values, "key")
    if problems:
        raise ValueError("; ".join(f"{path}: {problem}" for _, path, problem in problems))


class _KeyEntry:
    """A public key named by an id, as the policy lists it (``{"id", "public_key"}``); immutable.

    Made with a bad id or key it raises ``ValueError`` (``from_json`` likewise). A plain class,
    not a dataclass: it is made at start-up, where building a dataclass's methods costs more.
    """

    #: The rules for this kind of key (set by each subclass).
    RULES: ClassVar[Entry]
    __slots__ = ("id", "public_key")

    id: str
    public_key: str

    def __init__(self, id: str, public_key: str) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "public_key", public_key)
        _checked_entry(self.RULES, self.to_json())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} cannot be changed")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _KeyEntry)
        return (self.id, self.public_key) == (other.id, other.public_key)

    def __hash__(self) -> int:
        return hash((type(self), self.id, self.public_key))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id!r}, public_key={self.public_key!r})"

    @classmethod
    def from_json(cls, doc: Any) -> Self:
        """The key in a JSON object ``{"id", "public_key"}``; ``ValueError`` when it is not one."""
        if not isinstance(doc, dict):
            raise ValueError("a key is a JSON object with id and public_key")
        _checked_entry(cls.RULES, doc)
        return cls(id=doc["id"], public_key=doc["public_key"])

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "public_key": self.public_key}

    def raw_public_key(self) -> bytes:
        """The raw key bytes."""
        import base64

        return base64.b64decode(self.public_key, validate=True)


class TrustedPackKey(_KeyEntry):
    """An Ed25519 public key (raw 32 bytes, base64) allowed to sign guideline packs."""

    RULES: ClassVar[Entry] = TRUSTED_PACK_KEY


class IntakeKey(_KeyEntry):
    """A recipient key of the municipality's intake (ML-KEM-768 then X25519, 1216 raw bytes):
    notifications are sealed to every such key."""

    RULES: ClassVar[Entry] = INTAKE_KEY


class Policy(NamedTuple):
    """Every setting municipal IT may fix centrally; ``None`` means "not managed".

    What each setting may hold is in :data:`desktop.config.policy_rules.RULES`; the
    loaders check a policy against it before making one of these.
    """

    municipality: str | None = None
    pack_source: str | None = None
    trusted_pack_keys: list[TrustedPackKey] | None = None
    intake_endpoint: str | None = None
    intake_keys: list[IntakeKey] | None = None
    intake_ca_pem_file: str | None = None
    intake_pin_sha256: str | None = None
    intake_enrolment_token: str | None = None
    receipt_public_key: str | None = None
    allowed_transports: list[Transport] | None = None
    secure_email_to: str | None = None
    secure_email_certificate_file: str | None = None
    secure_email_from: str | None = None
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_tls: Literal["starttls", "tls"] | None = None
    smtp_ca_pem_file: str | None = None
    secure_email_ca_pem_file: str | None = None
    secure_email_revocation: Literal["refuse", "warn"] | None = None
    smtp_username: str | None = None
    smtp_password_file: str | None = None
    secure_email_signing_p12_file: str | None = None
    secure_email_signing_password_file: str | None = None
    key_protection: Literal["keyring", "passphrase"] | None = None
    idle_lock_minutes: int | None = None
    retention_days: int | None = None
    default_language: Literal["da", "en"] | None = None
    demo_allowed: bool | None = None
    proxy: str | None = None

    @classmethod
    def setting_names(cls) -> tuple[str, ...]:
        """Every setting's name, in the published order."""
        return RULE_NAMES

    def managed_settings(self) -> list[str]:
        """Names of the policy fields that are set."""
        return [name for name in self._fields if getattr(self, name) is not None]


def _policy_from_checked(values: dict[str, Any]) -> Policy:
    """A :class:`Policy` from a mapping that :func:`check_mapping` found no problem in."""
    converted: dict[str, Any] = {name: value for name, value in values.items() if value is not None}
    if "trusted_pack_keys" in converted:
        converted["trusted_pack_keys"] = [TrustedPackKey(**key) for key in converted["trusted_pack_keys"]]
    if "intake_keys" in converted:
        converted["intake_keys"] = [IntakeKey(**key) for key in converted["intake_keys"]]
    if "allowed_transports" in converted:
        converted["allowed_transports"] = [Transport(item) for item in converted["allowed_transports"]]
    return Policy(**converted)


class PolicySource:
    """Where the policy in force came from.

    ``kind`` is ``"env"``, ``"registry"``, ``"file"`` or ``"none"``; ``location``
    is the file path or registry key read (for ``"none"``: the platform file
    that was looked for and not found). (A plain class, not a NamedTuple: read before the first window,
    and making a NamedTuple class compiles its methods from source.)
    """

    __slots__ = ("kind", "location")

    def __init__(self, kind: Literal["env", "registry", "file", "none"], location: str) -> None:
        self.kind = kind
        self.location = location

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, PolicySource) and self.kind == other.kind
                and self.location == other.location)

    def __hash__(self) -> int:
        return hash((self.kind, self.location))

    def __repr__(self) -> str:
        return f"PolicySource({self.kind!r}, {self.location!r})"


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
        values = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PolicyInvalid(kind="policy.bad_json", file=str(path), setting="(file)",
                            problem=f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                            ) from exc
    return _validate(values, str(path), base_dir=path.parent)


def policy_from_mapping(values: dict[str, Any], location: str, base_dir: Path | None = None) -> Policy:
    """Validate a policy given as a mapping (the registry's values); raises :class:`PolicyInvalid`.

    A relative certificate file (``intake_ca_pem_file``, ``secure_email_certificate_file``,
    ``smtp_ca_pem_file``) is taken relative to ``base_dir`` (else the working folder).
    """
    # A JSON round trip: the registry's values must be what a policy.json could hold.
    return _validate(json.loads(json.dumps(values)), location, base_dir=base_dir)


def _validate(values: Any, location: str, *, base_dir: Path | None) -> Policy:
    problems: list[Problem] = check_mapping(values)
    if problems:
        kind, setting, problem = problems[0]
        raise PolicyInvalid(kind=kind, file=location, setting=setting, problem=problem,
                            problems=[(s, p) for _, s, p in problems])
    policy = _policy_from_checked(values)
    if policy.pack_source is not None and not policy.trusted_pack_keys:
        # Without a trusted key every downloaded pack would be refused: say so now, not silently later.
        raise PolicyInvalid(kind="policy.bad_value", file=location, setting="trusted_pack_keys",
                            problem="pack_source is set, so at least one trusted pack key is needed")
    return _check_ca_file(policy, location, base_dir)


#: Settings naming a PEM file of certificates: a relative path is taken relative to the policy file.
CERTIFICATE_FILE_SETTINGS = ("intake_ca_pem_file", "secure_email_certificate_file", "smtp_ca_pem_file",
                             "secure_email_ca_pem_file")
#: Settings naming another file (a password, a PKCS#12): relative to the policy file too, and it must exist.
OTHER_FILE_SETTINGS = ("smtp_password_file", "secure_email_signing_p12_file",
                       "secure_email_signing_password_file")


def _check_ca_file(policy: Policy, location: str, base_dir: Path | None) -> Policy:
    for setting in CERTIFICATE_FILE_SETTINGS:
        if getattr(policy, setting) is not None:
            policy = _check_certificate_file(policy, setting, location, base_dir)
    for setting in OTHER_FILE_SETTINGS:
        if getattr(policy, setting) is not None:
            policy = _check_other_file(policy, setting, location, base_dir)
    return policy


def _check_other_file(policy: Policy, setting: str, location: str, base_dir: Path | None) -> Policy:
    path = Path(getattr(policy, setting))
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if not path.is_file():
        raise PolicyInvalid(kind="policy.missing_file", file=location, setting=setting,
                            problem=f"the file {path} does not exist")
    resolved: dict[str, Any] = {setting: str(path.resolve())}
    return policy._replace(**resolved)


def _check_certificate_file(policy: Policy, setting: str, location: str, base_dir: Path | None) -> Policy:
    ca_path = Path(getattr(policy, setting))
    if not ca_path.is_absolute() and base_dir is not None:
        ca_path = base_dir / ca_path
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
    resolved: dict[str, Any] = {setting: str(ca_path.resolve())}
    return policy._replace(**resolved)


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
