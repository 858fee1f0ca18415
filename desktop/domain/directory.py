"""The municipality directory: for each municipality, where notifications go and whom to phone.

A notification goes to the municipality where the child lives. The directory is
one signed YAML file (``forms/directory/municipalities.yaml`` ships with the
app; IT distributes newer signed copies exactly like guideline packs: the same
``underret-pack`` tool, trusted keys, refusals and fallback to the last good
copy, see :mod:`desktop.config.directory_updates`). Per municipality, by its
official code (``forms/codes/municipality.yaml``):

* ``intake``: the HTTPS intake's endpoint, recipient keys (one, or two while
  rotating), receipt key and TLS trust (the same section a pack has);
* ``secure_email``: the municipality's secure mailbox (sikker mail);
* ``phones``: office hours and the 24-hour on-call service (døgnvagt);
* ``message_keys``: the keys that sign messages back to the notifier
  (kvittering, § 137 orientation; :mod:`protocol.messages`).

A municipality with no entry, or an entry without an intake, cannot receive a
notification through Underret yet: the notification waits and the person is
told to phone (with the number, when the directory has one).

Checked as strictly as a pack: unknown keys, a missing Danish or English
text, a code that is not a municipality's, a code listed twice, YAML aliases
and duplicate keys are refused with :class:`DirectoryInvalid` naming the file,
the path, the line and the problem. A training directory (``demo: true``) may
list the fictitious municipalities; a real one may not.
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from typing import Literal

from pydantic import Field, PrivateAttr, ValidationError, field_validator, model_validator

from desktop.domain.codes import shipped_code_list
from desktop.domain.packs import (
    Intake,
    PackInvalid,
    _describe,
    _format_loc,
    _line_of,
    _loader_class,
    _Model,
    _reject_aliases,
    _reject_duplicate_keys,
)
from desktop.domain.text import Localised
from desktop.paths import forms_dir

DIRECTORY_SCHEMA_VERSION: Literal[1] = 1
#: The directory is small (98 entries); anything larger is a mistake or an attack (checked first).
MAX_DIRECTORY_BYTES = 5 * 1024 * 1024
#: How many message-signing keys a municipality may list: the key in use and, while rotating, its successor.
MAX_MESSAGE_KEYS = 2

_ID = r"^[a-z0-9][a-z0-9_.-]*$"
_KEY_ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"


class DirectoryInvalid(PackInvalid):
    """A directory that cannot be used; details: file, path, line, kind, problem (as for a pack)."""

    message_id = "directory.invalid"


class Phone(_Model):
    """A number to phone and, for people, when it is answered."""

    number: str = Field(min_length=2, max_length=40)
    hours: Localised | None = None


class Phones(_Model):
    """The municipality's children's services in office hours, and its 24-hour on-call service."""

    office_hours: Phone | None = None
    on_call: Phone | None = None


class SecureEmail(_Model):
    """The municipality's secure mailbox (sikker mail) for notifications."""

    address: str = Field(pattern=_EMAIL)
    certificate_pem: str | None = Field(default=None, description="The mailbox's S/MIME certificate (PEM)")


class MessageKey(_Model):
    """A key that signs the municipality's messages back to the notifier (raw Ed25519, base64)."""

    key_id: str = Field(pattern=_KEY_ID)
    public_key: str = Field(description="base64 of the raw 32-byte Ed25519 public key")

    @field_validator("public_key")
    @classmethod
    def _is_ed25519_key(cls, value: str) -> str:
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) != 32:
            raise ValueError("must be a raw Ed25519 public key: 32 bytes in base64 "
                             "(public_key of message-signing.pub.json from underret-intake message-keygen)")
        return value


class DirectoryEntry(_Model):
    """One municipality: how a notification reaches it, and whom to phone."""

    code: str = Field(pattern=r"^[0-9]{3}$", description="The official municipality code (kommunekode)")
    intake: Intake | None = Field(default=None, description="Absent: no notifications through Underret yet")
    secure_email: SecureEmail | None = None
    phones: Phones = Phones()
    message_keys: list[MessageKey] = Field(default_factory=list, max_length=MAX_MESSAGE_KEYS)

    @model_validator(mode="after")
    def _consistent(self) -> DirectoryEntry:
        intake = self.intake
        if intake is not None and not (intake.endpoint and intake.recipient_keys() and intake.receipt_key):
            raise ValueError("an intake needs endpoint, keys and receipt_key")
        if intake is not None and intake.endpoint and intake.endpoint.startswith("https://") \
                and not (intake.ca_pem or intake.pin_sha256):
            raise ValueError("an https intake needs ca_pem or pin_sha256 (how the PC trusts it)")
        if len({k.key_id for k in self.message_keys}) != len(self.message_keys):
            raise ValueError("the message keys need different key ids")
        return self

    @property
    def receives(self) -> bool:
        """Whether notifications can be delivered to this municipality through Underret."""
        return self.intake is not None


class MunicipalityDirectory(_Model):
    """The signed list of municipalities' intakes, mailboxes, phone numbers and message keys."""

    schema_version: Literal[1] = DIRECTORY_SCHEMA_VERSION
    id: str = Field(pattern=_ID)
    version: str = Field(min_length=1)
    name: Localised
    demo: bool = Field(default=False, description="For training: may list the fictitious municipalities")
    municipalities: list[DirectoryEntry] = Field(default_factory=list)

    _by_code: dict[str, DirectoryEntry] = PrivateAttr(default_factory=dict)

    def entry(self, code: str) -> DirectoryEntry | None:
        """The entry for a municipality code, or None when the directory has none."""
        if not self._by_code:
            self._by_code.update((e.code, e) for e in self.municipalities)
        return self._by_code.get(code)


def _check_codes(directory: MunicipalityDirectory, name: str, root: object) -> None:
    codes = shipped_code_list("municipality")
    seen: set[str] = set()
    for index, entry in enumerate(directory.municipalities):
        loc: tuple[int | str, ...] = ("municipalities", index, "code")
        known = codes.get(entry.code)
        problem = None
        if known is None:
            problem = f"{entry.code!r} is not a municipality code (forms/codes/municipality.yaml)"
        elif known.demo and not directory.demo:
            problem = f"{entry.code!r} is a fictitious training municipality (only in a demo directory)"
        elif entry.code in seen:
            problem = f"municipality {entry.code!r} is listed twice"
        if problem is not None:
            raise DirectoryInvalid(name, _format_loc(loc), problem, kind="wrong_value",
                                   line=_line_of(root, loc))  # type: ignore[arg-type]
        seen.add(entry.code)


def load_directory_bytes(data: bytes, name: str) -> MunicipalityDirectory:
    """Check and load a directory from bytes (the shipped file or a download); ``name`` is for messages."""
    if len(data) > MAX_DIRECTORY_BYTES:
        raise DirectoryInvalid(name, "", f"larger than {MAX_DIRECTORY_BYTES} bytes", kind="too_large")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DirectoryInvalid(name, "", "not UTF-8 text", kind="bad_yaml") from exc
    import yaml

    try:
        _reject_aliases(text, name)
        loader = _loader_class()(text)
        try:
            root = loader.get_single_node()
            raw = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
        _reject_duplicate_keys(root, name)
    except PackInvalid as exc:
        raise DirectoryInvalid(exc.file, exc.path, exc.problem, kind=exc.kind, line=exc.line) from exc
    except yaml.YAMLError as exc:
        raise DirectoryInvalid(name, "", f"not valid YAML: {getattr(exc, 'problem', exc)}",
                               kind="bad_yaml") from exc
    if not isinstance(raw, dict):
        raise DirectoryInvalid(name, "", "a directory must be a mapping of keys to values",
                               kind="wrong_value", line=1)
    try:
        directory = MunicipalityDirectory.model_validate(raw)
    except ValidationError as exc:
        kind, problem, loc = _describe(exc.errors()[0])
        raise DirectoryInvalid(name, _format_loc(loc), problem, kind=kind, line=_line_of(root, loc)) from exc
    _check_codes(directory, name, root)
    return directory


def load_directory(path: Path) -> MunicipalityDirectory:
    """Check and load a directory file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DirectoryInvalid(path.name, "", f"cannot be read: {exc.strerror}", kind="unreadable") from exc
    return load_directory_bytes(data, path.name)


_VERSION_LINE = re.compile(rb"^version:\s*['\"]?([^'\"\s#]+)['\"]?\s*(#.*)?$", re.MULTILINE)


def directory_version_of(data: bytes) -> str | None:
    """The ``version`` of a directory file, read cheaply without checking the rest (None if absent)."""
    match = _VERSION_LINE.search(data[:65536])
    return match.group(1).decode("ascii", "replace") if match else None


def directories_dir() -> Path:
    """``forms/directory``: the directories shipped with the app."""
    return forms_dir() / "directory"


#: The real directory's id (and file name) and the training one's.
DIRECTORY_ID = "municipalities"
DEMO_DIRECTORY_ID = "demo-municipalities"


def shipped_directory_path(demo: bool = False) -> Path:
    """The shipped directory file (the training one in demo mode)."""
    return directories_dir() / f"{DEMO_DIRECTORY_ID if demo else DIRECTORY_ID}.yaml"


def directory_json_schema() -> dict[str, object]:
    """The JSON Schema of the directory format (``forms/schema/directory.schema.json``)."""
    schema = MunicipalityDirectory.model_json_schema()
    schema["$id"] = "https://schemas.underret.dk/directory/1"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
