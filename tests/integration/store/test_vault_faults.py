"""Opening a vault: the right key opens it; every fault gets its own error and leaves the file as it was."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from desktop.store.errors import (
    DiskFull,
    VaultCorrupt,
    VaultLocked,
    VaultMissing,
    VaultReadOnly,
    VaultTooNew,
    WrongKey,
)
from desktop.store.keys import new_vault_key
from desktop.store.migrations import LATEST_VERSION
from desktop.store.vault import Vault, key_check_path


def _vault_with_a_draft(path: Path, key: bytearray) -> str:
    with Vault.open(path, key, create=True) as vault:
        draft_id = vault.notifications.create_draft({"concern": "Eleven er ofte sulten"}, "signals", "AB")
    return draft_id


def _vault_with_many_pages(path: Path, key: bytearray) -> None:
    """A vault of 200 drafts, checkpointed: everything is in the main file, over many pages."""
    with Vault.open(path, key, create=True) as vault:
        for i in range(200):
            vault.notifications.create_draft({"text": f"udkast {i} " * 50}, "child", "CD")
        vault.checkpoint()


def test_vault_opens_again_with_the_right_key_and_keeps_the_draft(
    vault_path: Path, vault_key: bytearray
) -> None:
    draft_id = _vault_with_a_draft(vault_path, vault_key)
    with Vault.open(vault_path, vault_key) as vault:
        assert vault.schema_version == LATEST_VERSION
        assert vault.notifications.get_draft(draft_id).answers == {"concern": "Eleven er ofte sulten"}


def test_wrong_key_is_refused_and_the_file_is_untouched(
    vault_path: Path, vault_key: bytearray, file_hash: Callable[[Path], str]
) -> None:
    _vault_with_a_draft(vault_path, vault_key)
    before = file_hash(vault_path)
    with pytest.raises(WrongKey):
        Vault.open(vault_path, new_vault_key())
    assert file_hash(vault_path) == before


def test_wrong_key_is_recognised_even_without_the_key_check_file(
    vault_path: Path, vault_key: bytearray, file_hash: Callable[[Path], str]
) -> None:
    _vault_with_a_draft(vault_path, vault_key)
    key_check_path(vault_path).unlink()
    before = file_hash(vault_path)
    with pytest.raises(WrongKey):
        Vault.open(vault_path, new_vault_key())
    assert file_hash(vault_path) == before
    assert not key_check_path(vault_path).exists()


def test_garbage_file_is_reported_corrupt_and_kept_byte_identical(
    vault_path: Path, vault_key: bytearray, file_hash: Callable[[Path], str]
) -> None:
    _vault_with_a_draft(vault_path, vault_key)
    vault_path.write_bytes(b"this is not a vault, just some text a program wrote here\n" * 300)
    before = file_hash(vault_path)
    with pytest.raises(VaultCorrupt):
        Vault.open(vault_path, vault_key)
    assert file_hash(vault_path) == before
    assert sorted(p.name for p in vault_path.parent.iterdir()) == ["vault.db", "vault.db.keycheck"]


def test_random_bytes_with_the_right_key_check_are_reported_corrupt(
    vault_path: Path, vault_key: bytearray, file_hash: Callable[[Path], str]
) -> None:
    _vault_with_a_draft(vault_path, vault_key)
    vault_path.write_bytes(os.urandom(4096 * 3))
    before = file_hash(vault_path)
    with pytest.raises(VaultCorrupt):
        Vault.open(vault_path, vault_key)
    assert file_hash(vault_path) == before


def test_truncated_vault_is_reported_corrupt_and_kept(
    vault_path: Path, vault_key: bytearray, file_hash: Callable[[Path], str]
) -> None:
    _vault_with_many_pages(vault_path, vault_key)
    size = vault_path.stat().st_size
    with open(vault_path, "r+b") as handle:
        handle.truncate(size // 2 + 100)
    before = file_hash(vault_path)
    with pytest.raises(VaultCorrupt):
        Vault.open(vault_path, vault_key)
    assert file_hash(vault_path) == before


def test_truncated_to_whole_pages_is_reported_corrupt_and_kept(
    vault_path: Path, vault_key: bytearray, file_hash: Callable[[Path], str]
) -> None:
    _vault_with_many_pages(vault_path, vault_key)
    with open(vault_path, "r+b") as handle:
        handle.truncate(4096 * 4)
    before = file_hash(vault_path)
    with pytest.raises(VaultCorrupt), Vault.open(vault_path, vault_key) as vault:
        vault.notifications.list_summaries()
    assert file_hash(vault_path) == before


def test_empty_file_is_not_taken_for_a_new_vault(vault_path: Path, vault_key: bytearray) -> None:
    vault_path.write_bytes(b"")
    with pytest.raises(VaultCorrupt):
        Vault.open(vault_path, vault_key)
    with pytest.raises(VaultCorrupt):
        Vault.open(vault_path, vault_key, create=True)
    assert vault_path.read_bytes() == b""


def test_vault_from_a_newer_version_is_refused_and_untouched(
    vault_path: Path, vault_key: bytearray, file_hash: Callable[[Path], str]
) -> None:
    with Vault.open(vault_path, vault_key, create=True) as vault:
        vault._connection.raw.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    before = file_hash(vault_path)
    with pytest.raises(VaultTooNew) as raised:
        Vault.open(vault_path, vault_key)
    assert raised.value.details["version"] == str(LATEST_VERSION + 1)
    assert file_hash(vault_path) == before


def test_missing_vault_file_is_reported_not_created(vault_path: Path, vault_key: bytearray) -> None:
    with pytest.raises(VaultMissing):
        Vault.open(vault_path, vault_key)
    assert not vault_path.exists()


def test_read_only_vault_folder_is_reported_and_nothing_changes(
    vault_path: Path,
    vault_key: bytearray,
    file_hash: Callable[[Path], str],
    make_read_only: Callable[..., AbstractContextManager[None]],
) -> None:
    draft_id = _vault_with_a_draft(vault_path, vault_key)
    before = file_hash(vault_path)
    listing = sorted(p.name for p in vault_path.parent.iterdir())
    with make_read_only(vault_path, vault_path.parent):
        assert not os.access(vault_path.parent, os.W_OK, effective_ids=True)
        with pytest.raises(VaultReadOnly):
            Vault.open(vault_path, vault_key)
        assert file_hash(vault_path) == before
        assert sorted(p.name for p in vault_path.parent.iterdir()) == listing
    with Vault.open(vault_path, vault_key) as vault:
        assert vault.notifications.get_draft(draft_id).page == "signals"


def test_read_only_vault_file_is_reported_and_unchanged(
    vault_path: Path,
    vault_key: bytearray,
    file_hash: Callable[[Path], str],
    make_read_only: Callable[..., AbstractContextManager[None]],
) -> None:
    _vault_with_a_draft(vault_path, vault_key)
    before = file_hash(vault_path)
    with make_read_only(vault_path):
        with pytest.raises(VaultReadOnly):
            Vault.open(vault_path, vault_key)
        assert file_hash(vault_path) == before


def test_full_disk_while_saving_says_so_and_keeps_earlier_work(
    vault_path: Path, vault_key: bytearray
) -> None:
    draft_id = _vault_with_a_draft(vault_path, vault_key)
    with Vault.open(vault_path, vault_key) as vault:
        pages = vault._connection.raw.execute("PRAGMA page_count").fetchone()[0]
        # The page limit makes SQLite answer SQLITE_FULL exactly as a full disk does.
        vault._connection.raw.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(DiskFull):
            vault.notifications.save_draft(draft_id, {"concern": "x" * 100_000}, "signals", "AB")
        assert vault.notifications.get_draft(draft_id).answers == {"concern": "Eleven er ofte sulten"}
    with Vault.open(vault_path, vault_key) as vault:
        assert vault.integrity_ok()


def test_closed_vault_refuses_work_as_locked(vault: Vault) -> None:
    vault.close()
    with pytest.raises(VaultLocked):
        vault.notifications.list_summaries()
