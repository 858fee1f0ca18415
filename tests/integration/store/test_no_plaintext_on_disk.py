"""Nothing a user writes reaches the disk in clear: vault, WAL, shared memory, profile folder, temp, log."""

from __future__ import annotations

import logging
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.profile_repo import UserProfile
from desktop.store.profiles import ProfileDirectory
from desktop.store.vault import Vault

_MAX_SCANNED_FILE = 64 * 1024 * 1024


def _encodings(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def _files_under(folder: Path, *, changed_since: float | None = None) -> Iterator[Path]:
    for root, _dirs, names in os.walk(folder, onerror=lambda _e: None):
        for name in names:
            path = Path(root) / name
            try:
                info = path.lstat()
            except OSError:
                continue  # vanished while walking (another process's temp file)
            if not path.is_file() or path.is_symlink() or info.st_size > _MAX_SCANNED_FILE:
                continue
            if changed_since is not None and info.st_mtime < changed_since:
                continue
            yield path


def _files_holding(marker: str, files: Iterator[Path]) -> list[str]:
    needles = _encodings(marker)
    found = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if any(needle in data for needle in needles):
            found.append(str(path))
    return found


@pytest.mark.parametrize("checkpointed", [False, True], ids=["wal-not-checkpointed", "checkpointed"])
def test_marker_written_to_drafts_and_finalised_notifications_is_nowhere_on_disk(
    checkpointed: bool,
    isolated_user_folders: Path,
    cheap_scrypt: ScryptParams,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    started = time.time() - 2
    marker = f"Ærø-MARKØR-{uuid.uuid4().hex}"
    profiles = ProfileDirectory(scrypt=cheap_scrypt)
    info, key = profiles.create("Lise", KeyProtection.PASSPHRASE, "hemmelig")
    vault = Vault.open(info.vault_path, key)
    try:
        notes = vault.notifications
        draft = notes.create_draft({"concern": f"Barnet sagde: {marker}"}, "signals", "EM")
        notes.save_draft(draft, {"concern": f"Barnet sagde: {marker}", "quote": marker * 3}, "quote", "EM")
        finalised = notes.create_draft({"concern": marker}, "summary", "AB")
        notes.finalise(
            finalised,
            document_json=f'{{"concern": "{marker}"}}'.encode(),
            pdf=b"%PDF " + marker.encode("utf-16-le"),
            envelope=b"env" + marker.encode(),
            municipality="0751",
            acute=True,
            corrects=None,
        )
        discarded = notes.create_draft({"concern": marker}, "child", "ZZ")
        notes.discard_draft(discarded)
        vault.profile.save(UserProfile(name=marker, workplace=marker))
        if checkpointed:
            vault.checkpoint()
        vault_files = sorted(p.name for p in info.folder.iterdir())
        if not checkpointed:
            assert "vault.db-wal" in vault_files and (info.folder / "vault.db-wal").stat().st_size > 0
        # While the vault is open: the database, its -wal and -shm, and everything else in the profile.
        assert _files_holding(marker, _files_under(info.folder)) == []
        assert _files_holding(marker, _files_under(isolated_user_folders)) == []
        assert _files_holding(marker, _files_under(Path(tempfile.gettempdir()), changed_since=started)) == []
        assert notes.get_draft(draft).answers["quote"] == marker * 3  # the marker really is stored
    finally:
        vault.close()
    assert _files_holding(marker, _files_under(isolated_user_folders)) == []
    assert _files_holding(marker, _files_under(Path(tempfile.gettempdir()), changed_since=started)) == []
    assert marker not in caplog.text
