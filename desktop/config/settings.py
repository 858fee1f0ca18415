"""User settings on top of the deployment policy: policy > user > default.

Each setting is declared once in :data:`SETTINGS` with its type, its default,
whether the user may change it and which policy field manages it. The user's
own choices live in ``settings.json`` in :func:`desktop.paths.user_config_dir`,
written atomically. A corrupt settings file is never deleted: it is renamed
aside, the defaults are used and the problem is reported in
:attr:`Settings.problems`.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.config.policy import Policy, Transport
from desktop.errors import UnderretError

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.json"


class SettingSource(StrEnum):
    """Where a setting's value in force comes from."""

    POLICY = "policy"
    USER = "user"
    DEFAULT = "default"


class SettingError(UnderretError):
    """A setting cannot be read or changed; ``details`` has ``setting``."""

    message_id = "settings.error"


class SettingManaged(SettingError):  # noqa: N818 (contract names)
    """The setting is fixed by the municipality's policy and cannot be changed here."""

    message_id = "settings.managed"


class SettingNotUserChangeable(SettingError):  # noqa: N818 (contract names)
    """Only the policy (municipal IT) may set this setting."""

    message_id = "settings.not_user_changeable"


class SettingValueInvalid(SettingError):  # noqa: N818 (contract names)
    """The value is not allowed for this setting; ``details`` has ``setting`` and ``problem``."""

    message_id = "settings.invalid_value"


class UnknownSetting(SettingError):  # noqa: N818 (contract names)
    """No setting of that name is declared."""

    message_id = "settings.unknown"


class SettingsFileCorrupt(SettingError):  # noqa: N818 (contract names)
    """The user's settings file could not be read; it was kept aside as ``details["kept_as"]``."""

    message_id = "settings.file_corrupt"


def _check_language(value: Any) -> str:
    if value not in ("da", "en"):
        raise ValueError("must be 'da' or 'en'")
    return str(value)


def _int_between(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("must be a whole number")
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}")
        return value

    return check


def _check_key_protection(value: Any) -> str:
    if value not in ("keyring", "passphrase"):
        raise ValueError("must be 'keyring' or 'passphrase'")
    return str(value)


def _check_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _check_optional_str(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError("must be text")
    return value


def _check_transports(value: Any) -> list[str]:
    if not isinstance(value, list) or not value:
        raise ValueError("must be a non-empty list")
    return [Transport(item).value for item in value]


class SettingSpec:
    """One setting, declared once.

    ``policy_field`` names the :class:`Policy` field that manages it (``None``:
    no policy control). ``policy_fixes`` is ``False`` for a setting where the
    policy only supplies the default and the user may still choose
    (``language``: IT picks the default language, staff may switch).

    (A plain class, not a NamedTuple: this module is imported before the first window, and making a
    NamedTuple class compiles its methods from source.)
    """

    __slots__ = ("check", "default", "description", "name", "policy_field", "policy_fixes", "user_changeable")

    def __init__(self, name: str, default: Any, check: Callable[[Any], Any], user_changeable: bool,
                 policy_field: str | None, description: str, policy_fixes: bool = True) -> None:
        self.name = name
        self.default = default
        self.check = check
        self.user_changeable = user_changeable
        self.policy_field = policy_field
        self.description = description
        self.policy_fixes = policy_fixes

    def __repr__(self) -> str:
        return f"SettingSpec({self.name!r})"


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("language", "da", _check_language, True, "default_language",
                "User interface language ('da' or 'en')", policy_fixes=False),
    SettingSpec("idle_lock_minutes", 5, _int_between(1, 240), True, "idle_lock_minutes",
                "Minutes without input before the app locks"),
    SettingSpec("key_protection", "keyring", _check_key_protection, True, "key_protection",
                "How a new profile's vault key is protected ('keyring' or 'passphrase')"),
    SettingSpec("retention_days", 30, _int_between(1, 3650), False, "retention_days",
                "Days a delivered notification's content stays on the PC (never removed before the "
                "municipality's acknowledgement deadline)"),
    SettingSpec("demo_allowed", True, _check_bool, False, "demo_allowed",
                "Whether demo mode may be started"),
    SettingSpec("municipality", None, _check_optional_str, False, "municipality",
                "Id of the municipality's guideline pack (None: the national pack)"),
    SettingSpec("pack_source", None, _check_optional_str, False, "pack_source",
                "Folder or https:// URL with signed guideline pack updates"),
    SettingSpec("trusted_pack_keys", (), lambda value: value, False, "trusted_pack_keys",
                "Public keys trusted to sign guideline packs"),
    SettingSpec("intake_endpoint", None, _check_optional_str, False, "intake_endpoint",
                "https:// URL of the municipality's intake"),
    SettingSpec("intake_ca_pem_file", None, _check_optional_str, False, "intake_ca_pem_file",
                "PEM file with the intake's CA certificate(s)"),
    SettingSpec("intake_pin_sha256", None, _check_optional_str, False, "intake_pin_sha256",
                "SHA-256 pin of the intake's public key"),
    SettingSpec("intake_enrolment_token", None, _check_optional_str, False, "intake_enrolment_token",
                "Token this PC registers its sender key with at the intake before its first delivery"),
    SettingSpec("receipt_public_key", None, _check_optional_str, False, "receipt_public_key",
                "Ed25519 key that signs the intake's receipts"),
    SettingSpec("allowed_transports", ("https",), _check_transports, False, "allowed_transports",
                "Transports notifications may use"),
    SettingSpec("proxy", None, _check_optional_str, False, "proxy",
                "HTTP(S) proxy for pack updates and delivery"),
    SettingSpec("intake_keys", (), lambda value: value, False, "intake_keys",
                "The intake's recipient public keys (replace the guideline pack's)"),
    SettingSpec("secure_email_to", None, _check_optional_str, False, "secure_email_to",
                "The municipality's secure e-mail (sikker mail) function mailbox"),
    SettingSpec("secure_email_certificate_file", None, _check_optional_str, False,
                "secure_email_certificate_file", "PEM file with the mailbox's S/MIME certificate"),
    SettingSpec("secure_email_from", None, _check_optional_str, False, "secure_email_from",
                "Sender address of the secure e-mails"),
    SettingSpec("smtp_host", None, _check_optional_str, False, "smtp_host",
                "SMTP server that sends the secure e-mail"),
    SettingSpec("smtp_port", None, lambda value: value, False, "smtp_port",
                "Port of the SMTP server (None: 587 with starttls, 465 with tls)"),
    SettingSpec("smtp_tls", None, _check_optional_str, False, "smtp_tls",
                "How the SMTP connection is encrypted ('starttls' or 'tls'; None: starttls)"),
    SettingSpec("smtp_ca_pem_file", None, _check_optional_str, False, "smtp_ca_pem_file",
                "PEM file with the CA certificate(s) of the SMTP server (None: the system's)"),
    SettingSpec("secure_email_ca_pem_file", None, _check_optional_str, False, "secure_email_ca_pem_file",
                "PEM file with the CA certificate(s) the mailbox certificate must chain to"),
    SettingSpec("secure_email_revocation", None, _check_optional_str, False, "secure_email_revocation",
                "If the mailbox certificate's revocation cannot be checked: refuse or warn (None: refuse)"),
    SettingSpec("smtp_username", None, _check_optional_str, False, "smtp_username",
                "User name for the SMTP login (None: no login)"),
    SettingSpec("smtp_password_file", None, _check_optional_str, False, "smtp_password_file",
                "File with the SMTP password (None: the OS keyring)"),
    SettingSpec("secure_email_signing_p12_file", None, _check_optional_str, False,
                "secure_email_signing_p12_file", "PKCS#12 file the mails are signed with (None: unsigned)"),
    SettingSpec("secure_email_signing_password_file", None, _check_optional_str, False,
                "secure_email_signing_password_file", "File with the PKCS#12 password (None: OS keyring)"),
)

_SPECS: dict[str, SettingSpec] = {spec.name: spec for spec in SETTINGS}

#: Settings whose value is a secret: shown (``underret doctor``) as its first characters and length only.
SECRET_SETTINGS = frozenset({"intake_enrolment_token"})
#: How many leading characters of a secret are shown (its kind, e.g. ``ut1-``; never enough to use it).
SECRET_SHOWN_CHARS = 4


def masked_secret(value: str) -> str:
    """``'ut1-…' (secret, 43 characters)``: enough for IT to see which token is set, not to use it."""
    return f"{value[:SECRET_SHOWN_CHARS]!r}"[:-1] + f"…' (secret, {len(value)} characters)"


def without_password(text: str) -> str:
    """``text`` with the password of a URL's ``user:password@`` part replaced by ``***`` (a proxy
    setting may carry one; doctor's output goes into support tickets)."""
    import re

    return re.sub(r"(?<=://)([^/@:\s]*):[^/@\s]*@", r"\1:***@", text)


def default_settings_file() -> Path:
    """Where the user's settings file lives."""
    return paths.user_config_dir() / SETTINGS_FILE_NAME


def _policy_value(policy: Policy, spec: SettingSpec) -> Any:
    if spec.policy_field is None:
        return None
    value = getattr(policy, spec.policy_field)
    if spec.name == "allowed_transports" and value is not None:
        return tuple(Transport(item).value for item in value)
    if isinstance(value, list):
        return tuple(value)
    return value


class Settings:
    """The settings in force for this user on this PC."""

    def __init__(self, policy: Policy, user_file: Path, user_values: dict[str, Any],
                 problems: list[SettingError], kept_unknown: dict[str, Any] | None = None) -> None:
        self.policy = policy
        self.user_file = user_file
        self._user: dict[str, Any] = user_values
        # Entries this version does not know (written by a newer version): kept on rewrite.
        self._kept_unknown: dict[str, Any] = kept_unknown or {}
        #: Problems found while loading (corrupt file, bad values); each already logged.
        self.problems: list[SettingError] = problems

    @classmethod
    def load(cls, policy: Policy, user_file: Path | None = None) -> Settings:
        """Read the user's settings file (if any) and combine it with ``policy``."""
        path = default_settings_file() if user_file is None else user_file
        problems: list[SettingError] = []
        kept_unknown: dict[str, Any] = {}
        user_values = _read_user_file(path, problems, kept_unknown)
        return cls(policy, path, user_values, problems, kept_unknown)

    @staticmethod
    def names() -> list[str]:
        """Every declared setting, in declaration order."""
        return [spec.name for spec in SETTINGS]

    @staticmethod
    def spec(name: str) -> SettingSpec:
        """The declaration of ``name``; raises :class:`UnknownSetting`."""
        try:
            return _SPECS[name]
        except KeyError:
            raise UnknownSetting(f"unknown setting {name!r}", setting=name) from None

    def value(self, name: str) -> Any:
        """The value in force: policy > user > default (language: user > policy > default)."""
        return self._resolve(name)[0]

    def source(self, name: str) -> SettingSource:
        """Where :meth:`value` comes from."""
        return self._resolve(name)[1]

    def is_managed(self, name: str) -> bool:
        """True when the policy fixes this setting: the UI shows it read-only as "managed"."""
        spec = self.spec(name)
        return spec.policy_fixes and _policy_value(self.policy, spec) is not None

    def is_user_changeable(self, name: str) -> bool:
        """True when the settings dialog may offer to change it now."""
        spec = self.spec(name)
        return spec.user_changeable and not self.is_managed(name)

    def set_user(self, name: str, value: Any) -> None:
        """Store the user's choice; raises SettingManaged / SettingNotUserChangeable / SettingValueInvalid."""
        spec = self.spec(name)
        if self.is_managed(name):
            raise SettingManaged(f"{name} is managed by policy", setting=name)
        if not spec.user_changeable:
            raise SettingNotUserChangeable(f"{name} can only be set by policy", setting=name)
        try:
            checked = spec.check(value)
        except ValueError as exc:
            raise SettingValueInvalid(f"{name}: {exc}", setting=name, problem=str(exc)) from None
        updated = dict(self._user)
        updated[name] = checked
        _write_atomically(self.user_file, {**self._kept_unknown, **updated})
        self._user = updated
        log.info("setting changed by user: %s", name)

    def reset_user(self, name: str) -> None:
        """Forget the user's choice so the policy or default applies again."""
        self.spec(name)
        if name in self._user:
            updated = {key: value for key, value in self._user.items() if key != name}
            _write_atomically(self.user_file, {**self._kept_unknown, **updated})
            self._user = updated

    def __iter__(self) -> Iterator[tuple[str, Any, SettingSource]]:
        for spec in SETTINGS:
            value, source = self._resolve(spec.name)
            yield spec.name, value, source

    def _resolve(self, name: str) -> tuple[Any, SettingSource]:
        spec = self.spec(name)
        from_policy = _policy_value(self.policy, spec)
        if from_policy is not None and spec.policy_fixes:
            return from_policy, SettingSource.POLICY
        if spec.user_changeable and name in self._user:
            return self._user[name], SettingSource.USER
        if from_policy is not None:
            return from_policy, SettingSource.POLICY
        return spec.default, SettingSource.DEFAULT


def _read_user_file(path: Path, problems: list[SettingError],
                    kept_unknown: dict[str, Any]) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        problem = SettingsFileCorrupt(f"cannot read {path}", file=str(path), kept_as=str(path),
                                      problem=exc.strerror or str(exc))
        log.warning("settings file unreadable (%s); defaults used", problem.details["problem"])
        problems.append(problem)
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except ValueError as exc:
        kept = _keep_aside(path)
        problems.append(SettingsFileCorrupt(f"corrupt settings file {path}", file=str(path),
                                            kept_as=str(kept), problem=type(exc).__name__))
        log.warning("settings file corrupt; kept aside as %s, defaults used", kept.name)
        return {}
    values: dict[str, Any] = {}
    for name, value in data.items():
        spec = _SPECS.get(name)
        if spec is None:
            kept_unknown[name] = value
            continue
        if not spec.user_changeable:
            # Only policy may set this one: a value in the user's file is never acted on.
            continue
        try:
            values[name] = spec.check(value)
        except ValueError as exc:
            problems.append(SettingValueInvalid(f"{name}: {exc}", setting=name, problem=str(exc)))
            log.warning("user setting %s has an invalid value; default used", name)
    return values


def _keep_aside(path: Path) -> Path:
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    os.replace(path, target)
    return target


def _write_atomically(path: Path, values: dict[str, Any]) -> None:
    from desktop.config.atomic import atomic_write_bytes

    atomic_write_bytes(path, json.dumps(values, indent=2, sort_keys=True).encode("utf-8"))
