"""What each policy setting may hold, checked by hand: one table drives the check and the schema.

The policy is read before the first window, so this module uses nothing heavier
than the standard library (a pydantic model cost ~140 ms of start-up). Each
:class:`Rule` names a setting's JSON type, its limits and an extra check; from the
same table come :func:`check_mapping` (every problem, with the setting's path) and
:func:`json_schema_properties` (the published JSON Schema for municipal IT).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, Literal
from urllib.parse import urlsplit

#: (message id, setting path, problem) — the shape every problem is reported in.
Problem = tuple[str, str, str]

KEY_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"

# ML-KEM-768 public key (1184 bytes) followed by an X25519 public key (32 bytes), as in
# protocol.keys (not imported: it loads cryptography, which is slow at start-up).
INTAKE_PUBLIC_KEY_BYTES = 1184 + 32

_PATTERN_HINTS = {
    "intake_pin_sha256": "64 lower-case hexadecimal characters (a SHA-256 digest)",
    "municipality": "a pack id of lower-case letters, digits and '-' (e.g. 'demo-kommune')",
    "id": "a key id of letters, digits, '.', '_' or '-'",
}
_TYPE_WORDS = {"string": "text (a JSON string)", "integer": "a whole number", "boolean": "true or false",
               "array": "a list", "object": "a JSON object"}


class Transport(StrEnum):
    """Ways a finalised notification may leave the PC."""

    HTTPS = "https"
    SECURE_EMAIL = "secure_email"


def b64_decode(value: str) -> bytes | None:
    """The bytes of strict base64 text, or None when it is not base64."""
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None


def _ed25519_key(value: str) -> str | None:
    raw = b64_decode(value)
    return None if raw is not None and len(raw) == 32 else "must be an Ed25519 public key: 32 bytes in base64"


def _intake_key(value: str) -> str | None:
    raw = b64_decode(value)
    if raw is not None and len(raw) == INTAKE_PUBLIC_KEY_BYTES:
        return None
    return "must be an ML-KEM-768+X25519 intake public key: 1216 bytes in base64"


def is_https_url(value: str) -> bool:
    """An ``https://`` URL with a host name."""
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname)


def _https_url(value: str) -> str | None:
    return None if is_https_url(value) else "must be an https:// URL"


def _folder_or_https(value: str) -> str | None:
    # Absolute POSIX path, Windows drive path (C:\...) or UNC share (\\server\share).
    folder = value.startswith(("/", "\\\\")) or (len(value) > 2 and value[1] == ":" and value[2] in "\\/")
    if folder or is_https_url(value):
        return None
    return "must be an absolute folder path (or \\\\server\\share) or an https:// URL"


def _proxy_url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.hostname:
        return None
    return "must be an http:// or https:// proxy URL"


# A plain address (local@domain.tld): no display name, no spaces; the SMTP server checks the rest.
# Plain strings: ``re`` compiles (and caches) them when mail settings are checked, not at start-up.
_MAIL_ADDRESS = r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
_HOST_NAME = r"^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$"


def is_mail_address(value: str) -> bool:
    """A plain e-mail address ``local@domain.tld`` (no display name)."""
    return len(value) <= 254 and bool(re.match(_MAIL_ADDRESS, value))


def _mail_address(value: str) -> str | None:
    return None if is_mail_address(value) else "must be a plain e-mail address such as name@kommune.dk"


def _host_name(value: str) -> str | None:
    return None if len(value) <= 253 and re.match(_HOST_NAME, value) else "must be a host name or IP address"


def _unique_ids(value: list[Mapping[str, Any]]) -> str | None:
    ids = [entry["id"] for entry in value]
    return None if len(ids) == len(set(ids)) else "key ids must be unique"


class Rule:
    """One setting: JSON type, limits, an extra check returning a problem (or None), its help text.

    (Records here are plain classes, not NamedTuples or dataclasses: this module is imported before the
    first window, and making a NamedTuple class compiles its methods from source, ~0.7 M instructions.)
    """

    __slots__ = ("check", "choices", "description", "items", "max_items", "maximum", "min_items", "minimum",
                 "name", "pattern", "type")

    def __init__(self, name: str, type: Literal["string", "integer", "boolean", "array", "object"],
                 description: str, pattern: str | None = None, minimum: int | None = None,
                 maximum: int | None = None, choices: tuple[str, ...] | None = None,
                 min_items: int | None = None, max_items: int | None = None,
                 items: Entry | Rule | None = None, check: Callable[[Any], str | None] | None = None) -> None:
        self.name = name
        self.type = type
        self.description = description
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
        self.choices = choices
        self.min_items = min_items
        self.max_items = max_items
        #: For an array: the rule every item follows (its ``name`` is the $defs entry of the schema).
        self.items = items
        self.check = check

    @property
    def title(self) -> str:
        return " ".join(part.capitalize() for part in self.name.split("_"))

    def __repr__(self) -> str:
        return f"Rule({self.name!r}, {self.type!r})"


class Entry:
    """A JSON object inside a list (a key): its fields and a description for the schema."""

    __slots__ = ("description", "fields", "name")

    def __init__(self, name: str, description: str, fields: tuple[Rule, ...]) -> None:
        self.name = name
        self.description = description
        self.fields = fields

    def __repr__(self) -> str:
        return f"Entry({self.name!r})"


def _key_entry(name: str, description: str, id_help: str, key_help: str,
               check: Callable[[Any], str | None]) -> Entry:
    return Entry(name, description, (
        Rule("id", "string", id_help, pattern=KEY_ID_PATTERN),
        Rule("public_key", "string", key_help, check=check),
    ))


TRUSTED_PACK_KEY = _key_entry(
    "TrustedPackKey", "An Ed25519 public key (raw 32 bytes, base64) allowed to sign guideline packs.",
    "Key id written in each .sig file", "Ed25519 public key, 32 raw bytes in base64", _ed25519_key)
INTAKE_KEY = _key_entry(
    "IntakeKey", "A recipient key of the municipality's intake: notifications are sealed to every such key.",
    "Key id carried in each envelope",
    "ML-KEM-768+X25519 public key (1216 raw bytes: ML-KEM-768 then X25519) in base64", _intake_key)
TRANSPORT = Rule("Transport", "string", "Ways a finalised notification may leave the PC.",
                 choices=tuple(t.value for t in Transport))

#: Every policy setting, in the order the published schema lists them.
RULES: tuple[Rule, ...] = (
    Rule("municipality", "string",
         "The municipality this PC belongs to: its three-digit municipality code from the code list "
         "forms/codes/municipality.yaml (e.g. '101' for Københavns Kommune), or the id of its guideline "
         "pack (shipped in forms/packs, e.g. 'demo-kommune', or published at pack_source); anything else "
         "makes the policy invalid", pattern=r"^[a-z0-9][a-z0-9-]{0,62}$"),
    Rule("pack_source", "string",
         "Where signed guideline pack updates are fetched: a folder (file share, UNC path) or an "
         "https:// URL of the folder holding <municipality>.yaml and .yaml.sig", check=_folder_or_https),
    Rule("trusted_pack_keys", "array", "Ed25519 public keys whose signatures on guideline packs are accepted",
         items=TRUSTED_PACK_KEY, check=_unique_ids),
    Rule("intake_endpoint", "string",
         "https:// base address of the municipality's intake, e.g. https://underret.kommune.dk "
         "(notifications are posted to <address>/v1/envelopes)", check=_https_url),
    Rule("intake_keys", "array",
         "The intake's recipient public keys (1-2; two while rotating); replaces the pack's keys",
         min_items=1, max_items=2, items=INTAKE_KEY, check=_unique_ids),
    Rule("intake_ca_pem_file", "string",
         "PEM file with the CA certificate(s) the intake's TLS certificate must chain to; a relative path is "
         "relative to the policy file"),
    Rule("intake_pin_sha256", "string",
         "SHA-256 (lower-case hex) of the intake server certificate's public key (SPKI pin)",
         pattern=r"^[0-9a-f]{64}$"),
    Rule("intake_enrolment_token", "string",
         "Enrolment token from the intake (underret-intake token create): each PC registers its sender key "
         "with it once, before its first delivery; the intake takes envelopes only from registered keys",
         pattern=r"^ut1-[A-Za-z0-9_-]{16,64}$"),
    Rule("receipt_public_key", "string",
         "Ed25519 public key (32 bytes, base64) that signs the intake's receipts", check=_ed25519_key),
    Rule("allowed_transports", "array",
         "Transports notifications may use, in order of preference: the first one that is set up is used "
         "(not set: https only)", min_items=1, items=TRANSPORT),
    Rule("secure_email_to", "string",
         "The municipality's secure e-mail (sikker mail) address: the function mailbox bound to its "
         "organisation certificate", check=_mail_address),
    Rule("secure_email_certificate_file", "string",
         "PEM file with the mailbox's S/MIME (organisation) certificate, RSA: each mail is encrypted to it; "
         "a relative path is relative to the policy file"),
    Rule("secure_email_from", "string",
         "Sender address of the secure e-mails: a work address set by IT (e.g. the school's function "
         "mailbox), never a private one", check=_mail_address),
    Rule("smtp_host", "string", "Host name of the SMTP server that sends the secure e-mail",
         check=_host_name),
    Rule("smtp_port", "integer",
         "Port of the SMTP server (1-65535; not set: 587 with starttls, 465 with tls)",
         minimum=1, maximum=65535),
    Rule("smtp_tls", "string",
         "How the SMTP connection is encrypted (TLS 1.2 or newer, certificate always checked, never plain): "
         "'starttls' (required; not set: this) or 'tls' (implicit TLS)", choices=("starttls", "tls")),
    Rule("smtp_ca_pem_file", "string",
         "PEM file with the CA certificate(s) the SMTP server's certificate must chain to (not set: the "
         "system's trust store); a relative path is relative to the policy file"),
    Rule("secure_email_ca_pem_file", "string",
         "PEM file with the CA certificate(s) the mailbox certificate must chain to (required for secure "
         "e-mail): it is validated before every use (dates, key usage, e-mail protection, the address, "
         "revocation); a relative path is relative to the policy file"),
    Rule("secure_email_revocation", "string",
         "When the mailbox certificate's revocation list or OCSP answer cannot be fetched: 'refuse' (nothing "
         "is sent, the notification waits; not set: this) or 'warn' (it is sent, and the person and IT are "
         "told it was not checked)", choices=("refuse", "warn")),
    Rule("smtp_username", "string",
         "User name for SMTP AUTH (PLAIN or LOGIN, only ever over TLS); not set: no login. The password is "
         "read from smtp_password_file, else from the OS keyring (service 'underret-smtp', this user name)",
         pattern=r"^[^\s]{1,256}$"),
    Rule("smtp_password_file", "string",
         "File whose first line is the SMTP password (readable only by the PC's users of Underret); not "
         "set: the OS keyring"),
    Rule("secure_email_signing_p12_file", "string",
         "PKCS#12 file with the organisation certificate and key the mails are S/MIME-signed with (not set: "
         "the mails are not signed and say that the sealed envelope inside protects them); a relative path "
         "is relative to the policy file"),
    Rule("secure_email_signing_password_file", "string",
         "File whose first line is the password of the PKCS#12 file (not set: the OS keyring, service "
         "'underret-smime-signing' with the file's name as user, else no password)"),
    Rule("key_protection", "string",
         "How new vault keys are protected: OS keyring (personal PC) or a personal passphrase (shared PC)",
         choices=("keyring", "passphrase")),
    Rule("idle_lock_minutes", "integer", "Minutes without input before the app locks (1-240)",
         minimum=1, maximum=240),
    Rule("retention_days", "integer",
         "Days a delivered notification's content stays on the PC (1-3650); never removed before the "
         "municipality's acknowledgement deadline (6 working days) has passed", minimum=1, maximum=3650),
    Rule("default_language", "string", "Language used until the user chooses another", choices=("da", "en")),
    Rule("demo_allowed", "boolean", "Whether demo mode may be started"),
    Rule("proxy", "string",
         "HTTP(S) proxy URL for pack updates and delivery, e.g. http://proxy.kommune.dk:8080; secure e-mail "
         "goes through an http:// proxy by HTTP CONNECT (the proxy must allow the SMTP port) and ignores "
         "any other kind", check=_proxy_url),
)
RULE_NAMES = tuple(rule.name for rule in RULES)


# --- checking ------------------------------------------------------------------------------------

def _has_type(value: Any, kind: str) -> bool:
    if kind == "integer":  # strict: true/false and 5.0 are not whole numbers here
        return isinstance(value, int) and not isinstance(value, bool)
    python = {"string": str, "boolean": bool, "array": list, "object": dict}[kind]
    return isinstance(value, python)


def _wrong_type(path: str, kind: str, value: Any, name: str = "") -> Problem:
    return ("policy.wrong_type", path,
            f"has the wrong type: expected {_TYPE_WORDS[kind]}, got {_shown(name, value)}")


def _shown(name: str, value: Any) -> str:
    """``value`` as a problem repeats it: a secret by its start and length, a URL without its password.

    The problem reaches the screen, the event log and support tickets; whoever reads an
    enrolment token can enrol PCs at the intake.
    """
    from desktop.config.settings import SECRET_SETTINGS, masked_secret, without_password

    if name in SECRET_SETTINGS:
        return masked_secret(value) if isinstance(value, str) else "another type (secret, not shown)"
    return without_password(json.dumps(value))


def _check_value(rule: Rule, value: Any, path: str) -> list[Problem]:
    if not _has_type(value, rule.type):
        return [_wrong_type(path, rule.type, value, rule.name)]
    if rule.type == "integer":
        if rule.minimum is not None and value < rule.minimum:
            return [("policy.out_of_range", path, f"must be at least {rule.minimum}, got {value!r}")]
        if rule.maximum is not None and value > rule.maximum:
            return [("policy.out_of_range", path, f"must be at most {rule.maximum}, got {value!r}")]
    if rule.choices is not None and value not in rule.choices:
        allowed = " or ".join(f"'{choice}'" for choice in rule.choices)
        return [("policy.bad_value", path, f"must be {allowed}, got {_shown(rule.name, value)}")]
    if rule.pattern is not None and not re.match(rule.pattern, value):
        hint = _PATTERN_HINTS.get(rule.name, f"the pattern {rule.pattern}")
        return [("policy.bad_value", path, f"must be {hint}, got {_shown(rule.name, value)}")]
    if rule.type == "array":
        problems = _check_items(rule, value, path)
        if problems:
            return problems
    if rule.check is not None:
        problem = rule.check(value)
        if problem is not None:
            return [("policy.bad_value", path, problem)]
    return []


def _check_items(rule: Rule, items: list[Any], path: str) -> list[Problem]:
    count = len(items)
    for limit, bound, too_far in ((rule.min_items, "at least", count < (rule.min_items or 0)),
                                  (rule.max_items, "at most", rule.max_items is not None and
                                   count > rule.max_items)):
        if limit is not None and too_far:
            # Say how many, not the (possibly long) list itself.
            noun = "entry" if limit == 1 else "entries"
            return [("policy.out_of_range", path, f"must have {bound} {limit} {noun}, got {count}")]
    problems: list[Problem] = []
    for index, item in enumerate(items):
        item_path = f"{path}.{index}"
        if isinstance(rule.items, Entry):
            problems += check_object(rule.items.fields, item, item_path)
        elif rule.items is not None:
            problems += _check_value(rule.items, item, item_path)
    return problems


def check_object(rules: tuple[Rule, ...], value: Any, path: str = "") -> list[Problem]:
    """Every problem of ``value`` against ``rules`` (unknown names, types, limits, checks).

    Top-level settings may be null (not managed); the fields of an entry are required.
    """
    if not isinstance(value, dict):
        return [_wrong_type(path or "(file)", "object", value)]
    prefix = f"{path}." if path else ""
    known = {rule.name: rule for rule in rules}
    problems: list[Problem] = [("policy.unknown_setting", prefix + name, "is not a known setting")
                               for name in value if name not in known]
    for rule in rules:
        if rule.name not in value or (not path and value[rule.name] is None):
            if path:
                problems.append(("policy.bad_value", prefix + rule.name, "is required"))
            continue
        problems += _check_value(rule, value[rule.name], prefix + rule.name)
    return problems


def check_mapping(values: Any) -> list[Problem]:
    """Every problem of a whole policy (a parsed ``policy.json`` or the registry's values)."""
    problems = check_object(RULES, values)
    if not problems and isinstance(values, dict):
        problems += _check_municipality(values)
    return problems


def municipality_codes() -> frozenset[str]:
    """The municipality codes of the shipped code list (``forms/codes/municipality.yaml``).

    Read with a regular expression, not a YAML parser: the policy is checked before the first window,
    and importing PyYAML there would cost more than the whole check.
    """
    from desktop.paths import forms_dir

    try:
        text = (forms_dir() / "codes" / "municipality.yaml").read_text("utf-8")
    except OSError:
        return frozenset()
    return frozenset(re.findall(r"""^\s*-\s*code:\s*["']?(\d{3})["']?\s*$""", text, re.MULTILINE))


def _check_municipality(values: dict[str, Any]) -> list[Problem]:
    """A municipality must be one the app can use: a code in the code list, a shipped pack, or a pack
    the policy's source can publish. A misspelt one used to fall back to the national pack silently."""
    value = values.get("municipality")
    if not isinstance(value, str):
        return []
    if re.fullmatch(r"\d{3}", value):
        if value in municipality_codes():
            return []
        return [("policy.bad_value", "municipality", "is not a municipality code in the code list "
                 f"(forms/codes/municipality.yaml): {json.dumps(value)}")]
    from desktop.paths import forms_dir

    if (forms_dir() / "packs" / f"{value}.yaml").is_file() or values.get("pack_source"):
        return []
    return [("policy.bad_value", "municipality",
             f"no guideline pack {json.dumps(value)} ships with Underret and the policy names no "
             "pack_source to fetch it from: use the municipality's three-digit code from "
             "forms/codes/municipality.yaml or a shipped pack id such as 'demo-kommune'")]


# --- the published schema ------------------------------------------------------------------------

def _schema_of(rule: Rule) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": rule.type}
    if rule.pattern is not None:
        schema["pattern"] = rule.pattern
    if rule.minimum is not None:
        schema["minimum"] = rule.minimum
    if rule.maximum is not None:
        schema["maximum"] = rule.maximum
    if rule.choices is not None:
        schema["enum"] = list(rule.choices)
    if rule.min_items is not None:
        schema["minItems"] = rule.min_items
    if rule.max_items is not None:
        schema["maxItems"] = rule.max_items
    if rule.items is not None:
        schema["items"] = {"$ref": f"#/$defs/{rule.items.name}"}
    return schema


def _entry_schema(entry: Entry) -> dict[str, Any]:
    return {
        "additionalProperties": False, "description": entry.description, "title": entry.name,
        "type": "object",
        "properties": {rule.name: {**_schema_of(rule), "description": rule.description, "title": rule.title}
                       for rule in entry.fields},
        "required": [rule.name for rule in entry.fields],
    }


def json_schema_document(title: str, description: str) -> dict[str, Any]:
    """The policy's JSON Schema body: ``$defs``, properties (each may be null), no other keys."""
    return {
        "$defs": {
            INTAKE_KEY.name: _entry_schema(INTAKE_KEY),
            TRANSPORT.name: {**_schema_of(TRANSPORT), "description": TRANSPORT.description,
                             "title": TRANSPORT.name},
            TRUSTED_PACK_KEY.name: _entry_schema(TRUSTED_PACK_KEY),
        },
        "additionalProperties": False,
        "description": description,
        "properties": {
            rule.name: {"anyOf": [_schema_of(rule), {"type": "null"}], "default": None,
                        "description": rule.description, "title": rule.title}
            for rule in RULES
        },
        "title": title,
        "type": "object",
    }
