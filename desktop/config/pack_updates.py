"""Signed guideline-pack updates from the municipality's file share or web server.

The policy names a source (``pack_source``: a folder or an ``https://`` URL)
holding ``<municipality>.yaml`` and its detached signature
``<municipality>.yaml.sig``. :meth:`PackUpdater.check` (the app runs it at
start and daily, on a worker thread) fetches both and takes the pack only if
it passes :func:`desktop.config.signed_updates.verify_document`: signed by a
key in the policy's ``trusted_pack_keys``, valid by the pack schema, the pack
for this municipality, and not older than the one in force nor the one shipped
with the app (no rollback).

:class:`SignedUpdater` is the one code path for every signed document IT
distributes this way (guideline packs here; the municipality directory is
another :class:`~desktop.config.signed_updates.DocumentKind` on the same class).
A taken document is written under ``user_data_dir()/<kind's folder>/`` by
content hash, then a small pointer file is replaced atomically, so a crash
leaves either the old copy or the new one in force. A refusal is written to the
event log (ids only, never content) and recorded in ``update-status.json`` for
``underret doctor``; the last good copy stays. An unreachable source changes
nothing but the status.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import ssl
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from desktop import paths
from desktop.config.atomic import atomic_write_bytes
from desktop.config.pack_signing import SIGNATURE_SUFFIX
from desktop.config.policy import Policy
from desktop.config.signed_updates import (
    STATUS_FILE_NAME,
    DocumentKind,
    DocumentRefused,
    Installed,
    UpdateOutcome,
    UpdateStatus,
    active_path,
    downloaded_state,
    shipped_version,
    verify_document,
)
from desktop.config.signed_updates import read_status as read_status_in
from desktop.errors import UnderretError

__all__ = ["CHECK_INTERVAL", "MAX_DOWNLOAD_BYTES", "NATIONAL", "PACK", "STATUS_FILE_NAME", "InstalledPack",
           "PackUpdateStatus", "PackUpdater", "SignedUpdater", "UpdateOutcome", "active_pack_path",
           "downloaded_pack_state", "downloaded_packs_dir", "installed_pack", "pack_name", "read_status"]

log = logging.getLogger(__name__)

#: How often the app should call :meth:`PackUpdater.check` while running.
CHECK_INTERVAL = timedelta(days=1)
#: Packs are small; a larger download is cut off (the domain checks this too).
MAX_DOWNLOAD_BYTES = 5 * 1024 * 1024
NATIONAL = "national"

#: The names this module has always offered.
PackUpdateStatus = UpdateStatus
InstalledPack = Installed


def pack_name(policy: Policy) -> str:
    """The pack this PC uses: the policy's municipality, else the national pack."""
    return policy.municipality or NATIONAL


def _shipped_pack(policy: Policy) -> Path:
    """The shipped municipality pack, else the national one."""
    shipped = paths.forms_dir() / "packs"
    if policy.municipality:
        candidate = shipped / f"{policy.municipality}.yaml"
        if candidate.is_file():
            return candidate
    return shipped / f"{NATIONAL}.yaml"


def _shipped_same_name(policy: Policy) -> Path | None:
    """The shipped copy of exactly the pack this PC downloads (a floor for its version), if any."""
    candidate = paths.forms_dir() / "packs" / f"{pack_name(policy)}.yaml"
    return candidate if candidate.is_file() else None


def _parse_pack(data: bytes, file_name: str) -> Any:
    from desktop.domain.packs import load_pack_bytes

    return load_pack_bytes(data, file_name)


def pack_version_of(data: bytes) -> str | None:
    """A pack's top-level ``version:`` without parsing the whole pack (compared at start)."""
    match = re.search(rb"""^version:[ \t]*['"]?([^'"\s#]+)""", data, re.MULTILINE)
    return match.group(1).decode("utf-8", "replace") if match else None


#: Guideline packs: ``<municipality>.yaml`` at the pack source, kept in ``user_data_dir()/packs``.
PACK = DocumentKind(kind="pack", folder_name="packs", name=pack_name, shipped=_shipped_same_name,
                    parse=_parse_pack, version_of=pack_version_of, max_bytes=MAX_DOWNLOAD_BYTES,
                    modules=("desktop.domain.packs",))


def downloaded_packs_dir() -> Path:
    """Where downloaded packs live: ``user_data_dir()/packs``."""
    return PACK.folder()


def read_status(folder: Path | None = None) -> UpdateStatus | None:
    """The last pack update check's result, or ``None`` if none was recorded (or it is unreadable)."""
    return read_status_in(folder or downloaded_packs_dir())


def downloaded_pack_state(policy: Policy, folder: Path | None = None
                          ) -> tuple[Installed | None, DocumentRefused | None]:
    """(the downloaded pack in force or None, why a downloaded pack that exists is not used or None)."""
    return downloaded_state(PACK, policy, folder)


def installed_pack(policy: Policy, folder: Path | None = None) -> Installed | None:
    """The downloaded pack for this policy if one is present, intact and signed by a key still trusted."""
    return downloaded_state(PACK, policy, folder)[0]


def active_pack_path(policy: Policy | None = None, folder: Path | None = None) -> Path:
    """The pack file to load: the last good download (unless the shipped one is newer), else the
    shipped municipality pack, else national."""
    if policy is None:
        from desktop.config.policy import load_policy

        policy = load_policy()[0]
    return active_path(PACK, policy, folder) or _shipped_pack(policy)


class _SourceUnreachableError(UnderretError):
    message_id = "pack.source_unreachable"


class _PackRefusedError(UnderretError):
    message_id = "pack.too_large"


class SignedUpdater:
    """Checks the policy's source for one kind of signed document and swaps in a new verified copy."""

    def __init__(self, kind: DocumentKind, policy: Policy, *, folder: Path | None = None,
                 ssl_context: ssl.SSLContext | None = None, timeout: float = 30.0) -> None:
        self.kind = kind
        self.policy = policy
        self.folder = folder or kind.folder()
        # The system trust store (on Windows: the machine's certificate store, where a
        # municipality's own CA is deployed), never an unverified connection.
        self._ssl_context = ssl_context
        self._timeout = timeout

    @property
    def name(self) -> str:
        """The document this updater looks for (its file stem and id)."""
        return self.kind.name(self.policy)

    def due(self, now: datetime) -> bool:
        """True when the last check is older than :data:`CHECK_INTERVAL` (or there was none)."""
        status = read_status_in(self.folder)
        return status is None or now - status.checked_at >= CHECK_INTERVAL

    def check(self, now: datetime) -> UpdateStatus:
        """Fetch, verify and (if good and new) install the document; records and returns the status."""
        source = self.policy.pack_source
        previous = read_status_in(self.folder)
        last_updated = previous.last_updated_at if previous else None
        if source is None or not self.policy.trusted_pack_keys:
            return UpdateStatus(UpdateOutcome.NOT_CONFIGURED, now, self.name)
        base = UpdateStatus(UpdateOutcome.UNCHANGED, now, self.name, source=source,
                            last_updated_at=last_updated)
        try:
            data, signature = self._fetch(source)
        except _PackRefusedError as exc:
            return self._refused(base, self.kind.message_id("too_large"), str(exc))
        except _SourceUnreachableError as exc:
            message_id = self.kind.message_id(exc.message_id.split(".", 1)[1])
            log.info("%s update: source unreachable (%s)", self.kind.kind, message_id)
            return self._record(replace(base, outcome=UpdateOutcome.UNREACHABLE, message_id=message_id,
                                        problem=str(exc)))
        current, _ = downloaded_state(self.kind, self.policy, self.folder)
        digest = hashlib.sha256(data).hexdigest()
        floors = [(f"in force since {current.installed_at.date().isoformat()}", current.version)] \
            if current is not None else []
        shipped = shipped_version(self.kind, self.policy)
        if shipped is not None:
            floors.append(("shipped with the app", shipped))
        try:
            key_id, parsed = verify_document(self.kind, data, signature, list(self.policy.trusted_pack_keys),
                                             self.name, floors)
            assert signature is not None  # verify_document refuses a missing signature
        except UnderretError as exc:
            return self._refused(base, exc.message_id, str(exc), version=exc.details.get("version"))
        version = parsed.version
        if current is not None and current.sha256 == digest:
            return self._record(replace(base, pack_version=version, key_id=key_id))
        self._install(data, signature, digest=digest, version=version, key_id=key_id, now=now)
        from desktop.eventlog import notice

        notice(self.kind.message_id("installed"), name=self.name, version=version, key=key_id)
        return self._record(replace(base, outcome=UpdateOutcome.UPDATED, pack_version=version,
                                    key_id=key_id, last_updated_at=now))

    def _refused(self, base: UpdateStatus, message_id: str, problem: str,
                 version: str | None = None) -> UpdateStatus:
        from desktop.eventlog import refusal

        # The event log gets ids and versions only: the problem text may quote the document.
        refusal(message_id, name=self.name, **({"version": version} if version else {}))
        return self._record(replace(base, outcome=UpdateOutcome.REFUSED, message_id=message_id,
                                    problem=problem, pack_version=version))

    def _install(self, data: bytes, signature: bytes, *, digest: str, version: str, key_id: str,
                 now: datetime) -> None:
        document = self.folder / f"{self.name}-{digest[:16]}{self.kind.suffix}"
        atomic_write_bytes(document.with_name(document.name + SIGNATURE_SUFFIX), signature)
        atomic_write_bytes(document, data)
        pointer = {"file": document.name, "sha256": digest, "version": version, "key_id": key_id,
                   "installed_at": now.isoformat()}
        # The single atomic step that puts the new copy in force.
        atomic_write_bytes(self.folder / f"{self.name}.current.json",
                           (json.dumps(pointer, indent=2) + "\n").encode("utf-8"))
        for old in self.folder.glob(f"{self.name}-*{self.kind.suffix}*"):
            if old.name not in (document.name, document.name + SIGNATURE_SUFFIX):
                old.unlink(missing_ok=True)

    def _record(self, status: UpdateStatus) -> UpdateStatus:
        atomic_write_bytes(self.folder / STATUS_FILE_NAME, status.to_json())
        return status

    def _fetch(self, source: str) -> tuple[bytes, bytes | None]:
        file_name = f"{self.name}{self.kind.suffix}"
        if source.startswith("https://"):
            return self._fetch_https(source, file_name)
        return _fetch_folder(Path(source), file_name, self.kind.max_bytes)

    def _fetch_https(self, source: str, file_name: str) -> tuple[bytes, bytes | None]:
        import httpx  # lazy: only needed when a check runs

        base = source if source.endswith("/") else source + "/"
        context = self._ssl_context or ssl.create_default_context()
        try:
            with httpx.Client(verify=context, proxy=self.policy.proxy, timeout=self._timeout,
                              follow_redirects=False, trust_env=False) as client:
                data = _get(client, urljoin(base, file_name), self.kind.max_bytes)
                if data is None:
                    raise _SourceUnreachableError(f"{file_name} not found at the source",
                                                  message_id="pack.not_found")
                signature = _get(client, urljoin(base, file_name + SIGNATURE_SUFFIX), 4096)
        except httpx.HTTPError as exc:
            reason = "pack.tls_failed" if _is_tls_failure(exc) else "pack.source_unreachable"
            raise _SourceUnreachableError(f"cannot fetch from the source: {type(exc).__name__}",
                                          message_id=reason) from exc
        return data, signature


class PackUpdater(SignedUpdater):
    """Checks the policy's pack source and swaps in a new verified guideline pack."""

    def __init__(self, policy: Policy, *, folder: Path | None = None,
                 ssl_context: ssl.SSLContext | None = None, timeout: float = 30.0) -> None:
        super().__init__(PACK, policy, folder=folder, ssl_context=ssl_context, timeout=timeout)


def _get(client: Any, url: str, limit: int) -> bytes | None:
    """GET ``url``: the body, or ``None`` on 404; other failures raise."""
    with client.stream("GET", url) as response:
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise _SourceUnreachableError(f"the pack source answered HTTP {response.status_code}")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise _PackRefusedError("the download is larger than a pack can be")
            chunks.append(chunk)
        return b"".join(chunks)


def _is_tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


def _fetch_folder(folder: Path, file_name: str, limit: int) -> tuple[bytes, bytes | None]:
    if not folder.is_dir():
        raise _SourceUnreachableError("the source folder is not reachable")
    pack = folder / file_name
    try:
        if pack.stat().st_size > limit:
            raise _PackRefusedError("the file is larger than a pack can be")
        data = pack.read_bytes()
    except FileNotFoundError:
        raise _SourceUnreachableError(f"{file_name} not found at the source",
                                      message_id="pack.not_found") from None
    except OSError as exc:
        raise _SourceUnreachableError(f"cannot read the pack: {exc.strerror}") from exc
    try:
        signature: bytes | None = (folder / (file_name + SIGNATURE_SUFFIX)).read_bytes()[:4097]
    except FileNotFoundError:
        signature = None
    except OSError as exc:
        raise _SourceUnreachableError(f"cannot read the signature: {exc.strerror}") from exc
    return data, signature
