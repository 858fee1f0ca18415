"""Signed documents from the municipality's source: guideline packs and the municipality directory.

One code path for every kind of signed document IT distributes (:class:`DocumentKind`): the same
source (the policy's ``pack_source``, a folder or an ``https://`` URL), the same detached ``.sig`` files
and trusted keys (``trusted_pack_keys``), the same refusals, the same atomic install with a pointer
file, the same fallback to the last good copy, the same status file for ``underret doctor``, and
the same checks in ``underret-pack verify`` (:func:`verify_document`).

A downloaded document is taken only if

1. it is not larger than the kind allows;
2. its signature verifies against a key in ``trusted_pack_keys`` (an unsigned file is never parsed);
3. the kind's parser accepts it (schema) and its id is the one this PC asked for;
4. it is not older than the copy in force nor than the copy shipped with the app (no rollback to an
   older signed copy, which may carry an old phone number or an old intake key).

Message ids are ``<kind>.<what>``: ``pack.older_version``, ``directory.untrusted_key`` and so on.
A downloaded copy that is later found damaged (changed on disk, its file gone, its pointer
unreadable) or no longer trusted is not used: the app falls back to the shipped copy and says so
in the event log, ``underret doctor`` and the settings window (:func:`downloaded_state`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from desktop import paths
from desktop.config.pack_signing import SIGNATURE_SUFFIX, PackSignatureError, verify_pack
from desktop.config.policy import Policy, TrustedPackKey
from desktop.errors import UnderretError

log = logging.getLogger(__name__)

STATUS_FILE_NAME = "update-status.json"


class ParsedDocument(Protocol):
    """What a kind's parser returns: the document's id and version."""

    @property
    def id(self) -> str: ...

    @property
    def version(self) -> str: ...


class DocumentKind(NamedTuple):
    """One kind of signed document: where it lives, how it is named, parsed and compared.

    ``name(policy)`` is the file stem at the source (``<name>.yaml`` and ``<name>.yaml.sig``) and the
    id the parsed document must carry; ``shipped(policy)`` the copy shipped with the app (or None);
    ``parse(data, file_name)`` checks the whole document (raising an UnderretError naming the problem);
    ``version_of(data)`` reads only the version, cheaply (used to compare with the shipped copy
    without parsing it).
    """

    kind: str
    folder_name: str
    name: Callable[[Policy], str]
    shipped: Callable[[Policy], Path | None]
    parse: Callable[[bytes, str], ParsedDocument]
    version_of: Callable[[bytes], str | None]
    max_bytes: int = 5 * 1024 * 1024
    suffix: str = ".yaml"
    #: Modules ``parse`` imports: an update thread imports them first, one worker at a time
    #: (desktop.background_imports).
    modules: tuple[str, ...] = ()

    def folder(self) -> Path:
        """Where downloaded copies of this kind live: ``user_data_dir()/<folder_name>``."""
        return paths.user_data_dir() / self.folder_name

    def message_id(self, what: str) -> str:
        return f"{self.kind}.{what}"


class DocumentRefused(UnderretError):  # noqa: N818 - the domain's word, like PackInvalid
    """A downloaded document that must not be used; ``message_id`` is ``<kind>.<what>``."""

    message_id = "pack.refused"


class UpdateOutcome(StrEnum):
    """What one update check did."""

    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REFUSED = "refused"
    UNREACHABLE = "unreachable"
    NOT_CONFIGURED = "not_configured"


@dataclass(frozen=True)
class UpdateStatus:
    """The result of the last update check, as ``underret doctor`` shows it.

    ``problem`` is a short technical reason (never document or notification content);
    ``message_id`` is the translatable id of the problem.
    """

    outcome: UpdateOutcome
    checked_at: datetime
    pack_name: str
    source: str | None = None
    message_id: str | None = None
    problem: str = ""
    pack_version: str | None = None
    key_id: str | None = None
    last_updated_at: datetime | None = None

    def to_json(self) -> bytes:
        """The status file's content."""
        doc: dict[str, Any] = asdict(self)
        for name in ("checked_at", "last_updated_at"):
            doc[name] = doc[name].isoformat() if doc[name] is not None else None
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> UpdateStatus:
        """Read a status file; raises ``ValueError`` when it is not one."""
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict):
            raise ValueError("not a JSON object")
        doc["outcome"] = UpdateOutcome(doc["outcome"])
        doc["checked_at"] = datetime.fromisoformat(doc["checked_at"])
        if doc.get("last_updated_at"):
            doc["last_updated_at"] = datetime.fromisoformat(doc["last_updated_at"])
        return cls(**doc)


@dataclass(frozen=True)
class Installed:
    """A downloaded document that passed every check, as recorded in the pointer file."""

    name: str
    file: Path
    sha256: str
    version: str
    key_id: str
    installed_at: datetime


def read_status(folder: Path) -> UpdateStatus | None:
    """The last update check's result in ``folder``, or None if none was recorded (or it is unreadable)."""
    path = folder / STATUS_FILE_NAME
    try:
        return UpdateStatus.from_json(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("update status file unreadable: %s", path.name)
        return None


def version_key(version: str) -> tuple[int, ...] | None:
    """The numbers of a version (``2026.1`` → ``(2026, 1)``), or None when it has none."""
    numbers = re.findall(r"\d+", version)
    return tuple(int(n) for n in numbers) if numbers else None


def is_older(version: str, than: str) -> bool:
    """True when ``version`` is older than ``than`` (versions without numbers are never older)."""
    mine, theirs = version_key(version), version_key(than)
    return mine is not None and theirs is not None and mine < theirs


def shipped_version(kind: DocumentKind, policy: Policy) -> str | None:
    """The version of the copy shipped with the app for ``policy`` (None when none is shipped)."""
    shipped = kind.shipped(policy)
    if shipped is None:
        return None
    try:
        return kind.version_of(shipped.read_bytes())
    except OSError:
        return None


# --- checking a document (the app's update check and `underret-pack verify` alike) ---------------

def verify_document(kind: DocumentKind, data: bytes, signature: bytes | None,
                    trusted: list[TrustedPackKey], name: str,
                    floors: list[tuple[str, str]]) -> tuple[str, ParsedDocument]:
    """Every check the app makes before taking ``data``; returns (signing key id, parsed document).

    ``name`` is the id the document must carry; ``floors`` are (label, version) pairs it must not be
    older than (the copy in force, the shipped copy). Raises :class:`DocumentRefused` or the parser's
    error (each with its message id).
    """
    if len(data) > kind.max_bytes:
        raise DocumentRefused(f"larger than a {kind.kind} can be ({len(data)} bytes)",
                              message_id=kind.message_id("too_large"))
    # Signature first: an unsigned file is never even parsed.
    try:
        key_id = verify_pack(data, signature, trusted)
    except PackSignatureError as exc:
        what = exc.message_id.split(".", 1)[1]
        raise DocumentRefused(str(exc), message_id=kind.message_id(what), **exc.details) from None
    parsed = kind.parse(data, f"{name}{kind.suffix}")
    if parsed.id != name:
        raise DocumentRefused(f"is the {kind.kind} {parsed.id!r}, not {name!r}",
                              message_id=kind.message_id("wrong_id"), found=parsed.id, expected=name)
    for label, floor in floors:
        if is_older(parsed.version, floor):
            raise DocumentRefused(f"version {parsed.version} is older than {floor} ({label})",
                                  message_id=kind.message_id("older_version"), version=parsed.version,
                                  floor=floor, floor_is=label)
    return key_id, parsed


# --- what is installed ----------------------------------------------------------------------------

def downloaded_state(kind: DocumentKind, policy: Policy, folder: Path | None = None
                     ) -> tuple[Installed | None, DocumentRefused | None]:
    """(the downloaded copy in force, or None; why a downloaded copy that exists is not used, or None).

    Nothing downloaded yet is (None, None). A pointer that cannot be read, a copy changed on disk or
    gone, or one whose key the policy no longer trusts is (None, reason): the shipped copy is used,
    and the reason is reported, never silent.
    """
    folder = folder or kind.folder()
    name = kind.name(policy)
    pointer = folder / f"{name}.current.json"
    try:
        doc = json.loads(pointer.read_text("utf-8"))
        installed = Installed(name=name, file=folder / Path(doc["file"]).name, sha256=doc["sha256"],
                              version=doc["version"], key_id=doc["key_id"],
                              installed_at=datetime.fromisoformat(doc["installed_at"]))
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError, KeyError, TypeError):
        return None, DocumentRefused("the pointer to the downloaded copy cannot be read",
                                     message_id=kind.message_id("download_damaged"), file=pointer.name)
    if not policy.trusted_pack_keys:
        return None, None
    try:
        data = installed.file.read_bytes()
        signature = installed.file.with_name(installed.file.name + SIGNATURE_SUFFIX).read_bytes()
    except OSError:
        return None, DocumentRefused("the downloaded copy or its signature is missing",
                                     message_id=kind.message_id("download_damaged"), file=installed.file.name)
    if hashlib.sha256(data).hexdigest() != installed.sha256:
        return None, DocumentRefused("the downloaded copy was changed on disk",
                                     message_id=kind.message_id("download_damaged"), file=installed.file.name)
    try:
        # Re-checked every time: a key IT has since removed from the policy no longer counts.
        verify_pack(data, signature, policy.trusted_pack_keys)
    except PackSignatureError as exc:
        what = exc.message_id.split(".", 1)[1]
        return None, DocumentRefused(f"the downloaded copy no longer verifies: {exc}",
                                     message_id=kind.message_id(what), file=installed.file.name)
    return installed, None


_reported: set[tuple[str, str, str, str]] = set()


def active_path(kind: DocumentKind, policy: Policy, folder: Path | None = None) -> Path | None:
    """The file in force: the downloaded copy, unless it is unusable or older than the shipped one.

    An unusable downloaded copy is written to the event log (once per run and reason).
    """
    installed, damage = downloaded_state(kind, policy, folder)
    shipped = kind.shipped(policy)
    if damage is not None:
        key = (str(folder or kind.folder()), kind.kind, kind.name(policy), damage.message_id)
        if key not in _reported:
            _reported.add(key)
            from desktop.eventlog import refusal

            refusal(damage.message_id, name=kind.name(policy), reason=str(damage),
                    using="shipped" if shipped is not None else "none")
    if installed is None:
        return shipped
    floor = shipped_version(kind, policy)
    if floor is not None and is_older(installed.version, floor):
        # The app was upgraded with a newer copy than the one downloaded: the newer one is in force.
        return shipped
    return installed.file
