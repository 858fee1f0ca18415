"""Signed guideline-pack updates from the municipality's file share or web server.

The policy names a source (``pack_source``: a folder or an ``https://`` URL)
holding ``<municipality>.yaml`` and its detached signature
``<municipality>.yaml.sig``. :meth:`PackUpdater.check` (the app runs it at
start and daily, on a worker thread) fetches both and takes the pack only if

1. the signature verifies against a key in the policy's ``trusted_pack_keys``;
2. the pack passes the pack schema (:func:`desktop.domain.packs.load_pack_bytes`);
3. it is the pack for this municipality and not older than the one in use.

A taken pack is written under ``user_data_dir()/packs/`` by content hash, then
a small pointer file is replaced atomically, so a crash leaves either the old
pack or the new one in force. A refused pack is logged (ids only, never
content) and recorded in ``update-status.json`` for ``underret doctor``; the
last good pack stays. An unreachable source changes nothing but the status.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import ssl
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from desktop import paths
from desktop.config.atomic import atomic_write_bytes
from desktop.config.pack_signing import SIGNATURE_SUFFIX, PackSignatureError, verify_pack
from desktop.config.policy import Policy
from desktop.errors import UnderretError

log = logging.getLogger(__name__)

#: How often the app should call :meth:`PackUpdater.check` while running.
CHECK_INTERVAL = timedelta(days=1)
#: Packs are small; a larger download is cut off (the domain checks this too).
MAX_DOWNLOAD_BYTES = 5 * 1024 * 1024
NATIONAL = "national"
STATUS_FILE_NAME = "update-status.json"


class UpdateOutcome(StrEnum):
    """What one update check did."""

    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REFUSED = "refused"
    UNREACHABLE = "unreachable"
    NOT_CONFIGURED = "not_configured"


@dataclass(frozen=True)
class PackUpdateStatus:
    """The result of the last update check, as ``underret doctor`` shows it.

    ``problem`` is a short technical reason (never pack or notification
    content); ``message_id`` is the translatable id of the problem.
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
    def from_json(cls, data: bytes) -> PackUpdateStatus:
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
class InstalledPack:
    """A downloaded pack that passed every check, as recorded in the pointer file."""

    name: str
    file: Path
    sha256: str
    version: str
    key_id: str
    installed_at: datetime


class _SourceUnreachableError(UnderretError):
    message_id = "pack.source_unreachable"


class _PackRefusedError(UnderretError):
    message_id = "pack.too_large"


def downloaded_packs_dir() -> Path:
    """Where downloaded packs live: ``user_data_dir()/packs``."""
    return paths.user_data_dir() / "packs"


def pack_name(policy: Policy) -> str:
    """The pack this PC uses: the policy's municipality, else the national pack."""
    return policy.municipality or NATIONAL


def read_status(folder: Path | None = None) -> PackUpdateStatus | None:
    """The last update check's result, or ``None`` if none was recorded (or it is unreadable)."""
    path = (folder or downloaded_packs_dir()) / STATUS_FILE_NAME
    try:
        return PackUpdateStatus.from_json(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("pack update status file unreadable: %s", path.name)
        return None


def installed_pack(policy: Policy, folder: Path | None = None) -> InstalledPack | None:
    """The downloaded pack for this policy if one is present, intact and signed by a key still trusted."""
    folder = folder or downloaded_packs_dir()
    name = pack_name(policy)
    pointer = folder / f"{name}.current.json"
    try:
        doc = json.loads(pointer.read_text("utf-8"))
        pack = InstalledPack(name=name, file=folder / Path(doc["file"]).name, sha256=doc["sha256"],
                             version=doc["version"], key_id=doc["key_id"],
                             installed_at=datetime.fromisoformat(doc["installed_at"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("downloaded pack pointer unreadable; shipped pack used")
        return None
    if not policy.trusted_pack_keys:
        return None
    try:
        data = pack.file.read_bytes()
        signature = pack.file.with_name(pack.file.name + SIGNATURE_SUFFIX).read_bytes()
    except OSError:
        log.warning("downloaded pack %s missing; shipped pack used", pack.file.name)
        return None
    if hashlib.sha256(data).hexdigest() != pack.sha256:
        log.warning("downloaded pack %s changed on disk; shipped pack used", pack.file.name)
        return None
    try:
        # Re-checked at every start: a key IT has since removed from the policy no longer counts.
        verify_pack(data, signature, policy.trusted_pack_keys)
    except PackSignatureError as exc:
        log.warning("downloaded pack %s no longer verifies (%s); shipped pack used",
                    pack.file.name, exc.message_id)
        return None
    return pack


def active_pack_path(policy: Policy | None = None, folder: Path | None = None) -> Path:
    """The pack file to load: the last good download, else the shipped municipality pack, else national."""
    if policy is None:
        from desktop.config.policy import load_policy

        policy = load_policy()[0]
    downloaded = installed_pack(policy, folder)
    if downloaded is not None:
        return downloaded.file
    shipped = paths.forms_dir() / "packs"
    if policy.municipality:
        candidate = shipped / f"{policy.municipality}.yaml"
        if candidate.is_file():
            return candidate
    return shipped / f"{NATIONAL}.yaml"


def _version_key(version: str) -> tuple[int, ...] | None:
    numbers = re.findall(r"\d+", version)
    return tuple(int(n) for n in numbers) if numbers else None


class PackUpdater:
    """Checks the policy's pack source and swaps in a new verified pack."""

    def __init__(self, policy: Policy, *, folder: Path | None = None,
                 ssl_context: ssl.SSLContext | None = None, timeout: float = 30.0) -> None:
        self.policy = policy
        self.folder = folder or downloaded_packs_dir()
        # The system trust store (on Windows: the machine's certificate store, where a
        # municipality's own CA is deployed), never an unverified connection.
        self._ssl_context = ssl_context
        self._timeout = timeout

    @property
    def name(self) -> str:
        """The pack this updater looks for."""
        return pack_name(self.policy)

    def due(self, now: datetime) -> bool:
        """True when the last check is older than :data:`CHECK_INTERVAL` (or there was none)."""
        status = read_status(self.folder)
        return status is None or now - status.checked_at >= CHECK_INTERVAL

    def check(self, now: datetime) -> PackUpdateStatus:
        """Fetch, verify and (if good and new) install the pack; records and returns the status."""
        source = self.policy.pack_source
        previous = read_status(self.folder)
        last_updated = previous.last_updated_at if previous else None
        if source is None or not self.policy.trusted_pack_keys:
            return PackUpdateStatus(UpdateOutcome.NOT_CONFIGURED, now, self.name)
        base = PackUpdateStatus(UpdateOutcome.UNCHANGED, now, self.name, source=source,
                                last_updated_at=last_updated)
        try:
            data, signature = self._fetch(source)
        except _PackRefusedError as exc:
            log.warning("pack update refused: %s (%s)", self.name, exc.message_id)
            return self._record(replace(base, outcome=UpdateOutcome.REFUSED, message_id=exc.message_id,
                                         problem=str(exc)))
        except _SourceUnreachableError as exc:
            status = replace(base, outcome=UpdateOutcome.UNREACHABLE, message_id=exc.message_id,
                              problem=str(exc))
            log.info("pack update: source unreachable (%s)", exc.message_id)
            return self._record(status)
        try:
            key_id, version = self._verify(data, signature)
            assert signature is not None  # verify_pack refuses a missing signature
        except UnderretError as exc:
            status = replace(base, outcome=UpdateOutcome.REFUSED, message_id=exc.message_id,
                              problem=str(exc))
            log.warning("pack update refused: %s (%s)", self.name, exc.message_id)
            return self._record(status)
        current = installed_pack(self.policy, self.folder)
        digest = hashlib.sha256(data).hexdigest()
        if current is not None and current.sha256 == digest:
            return self._record(replace(base, pack_version=version, key_id=key_id))
        if current is not None:
            new_key, old_key = _version_key(version), _version_key(current.version)
            if new_key is not None and old_key is not None and new_key < old_key:
                status = replace(base, outcome=UpdateOutcome.REFUSED, message_id="pack.older_version",
                                  problem=f"version {version} is older than {current.version} in use",
                                  pack_version=version, key_id=key_id)
                log.warning("pack update refused: %s (pack.older_version)", self.name)
                return self._record(status)
        self._install(data, signature, digest=digest, version=version, key_id=key_id, now=now)
        log.info("pack update: %s version %s installed (key %s)", self.name, version, key_id)
        return self._record(replace(base, outcome=UpdateOutcome.UPDATED, pack_version=version,
                                     key_id=key_id, last_updated_at=now))

    def _verify(self, data: bytes, signature: bytes | None) -> tuple[str, str]:
        from desktop.domain.packs import PackInvalid, load_pack_bytes

        assert self.policy.trusted_pack_keys is not None
        # Signature first: an unsigned file is never even parsed.
        key_id = verify_pack(data, signature, self.policy.trusted_pack_keys)
        pack = load_pack_bytes(data, f"{self.name}.yaml")
        if pack.id != self.name:
            raise PackInvalid(f"{self.name}.yaml", "id", f"is the pack {pack.id!r}, not {self.name!r}",
                              kind="wrong_pack")
        return key_id, pack.version

    def _install(self, data: bytes, signature: bytes, *, digest: str, version: str, key_id: str,
                 now: datetime) -> None:
        pack_file = self.folder / f"{self.name}-{digest[:16]}.yaml"
        atomic_write_bytes(pack_file.with_name(pack_file.name + SIGNATURE_SUFFIX), signature)
        atomic_write_bytes(pack_file, data)
        pointer = {"file": pack_file.name, "sha256": digest, "version": version, "key_id": key_id,
                   "installed_at": now.isoformat()}
        # The single atomic step that puts the new pack in force.
        atomic_write_bytes(self.folder / f"{self.name}.current.json",
                           (json.dumps(pointer, indent=2) + "\n").encode("utf-8"))
        for old in self.folder.glob(f"{self.name}-*.yaml*"):
            if old.name not in (pack_file.name, pack_file.name + SIGNATURE_SUFFIX):
                old.unlink(missing_ok=True)

    def _record(self, status: PackUpdateStatus) -> PackUpdateStatus:
        atomic_write_bytes(self.folder / STATUS_FILE_NAME, status.to_json())
        return status

    def _fetch(self, source: str) -> tuple[bytes, bytes | None]:
        file_name = f"{self.name}.yaml"
        if source.startswith("https://"):
            return self._fetch_https(source, file_name)
        return _fetch_folder(Path(source), file_name)

    def _fetch_https(self, source: str, file_name: str) -> tuple[bytes, bytes | None]:
        import httpx  # lazy: only needed when a check runs

        base = source if source.endswith("/") else source + "/"
        context = self._ssl_context or ssl.create_default_context()
        try:
            with httpx.Client(verify=context, proxy=self.policy.proxy, timeout=self._timeout,
                              follow_redirects=False, trust_env=False) as client:
                data = _get(client, urljoin(base, file_name), MAX_DOWNLOAD_BYTES)
                if data is None:
                    raise _SourceUnreachableError(f"{file_name} not found at the pack source",
                                       message_id="pack.not_found")
                signature = _get(client, urljoin(base, file_name + SIGNATURE_SUFFIX), 4096)
        except httpx.HTTPError as exc:
            reason = "pack.tls_failed" if _is_tls_failure(exc) else "pack.source_unreachable"
            raise _SourceUnreachableError(f"cannot fetch from the pack source: {type(exc).__name__}",
                               message_id=reason) from exc
        return data, signature


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


def _fetch_folder(folder: Path, file_name: str) -> tuple[bytes, bytes | None]:
    if not folder.is_dir():
        raise _SourceUnreachableError("the pack source folder is not reachable")
    pack = folder / file_name
    try:
        if pack.stat().st_size > MAX_DOWNLOAD_BYTES:
            raise _PackRefusedError("the file is larger than a pack can be")
        data = pack.read_bytes()
    except FileNotFoundError:
        raise _SourceUnreachableError(f"{file_name} not found at the pack source",
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
