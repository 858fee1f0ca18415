"""A really full disk (a small tmpfs filled to the last byte): the store says "disk full", loses nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.errors import DiskFull
from desktop.store.keys import new_vault_key
from desktop.store.vault import Vault
from tests.support.small_disk import SmallDisk


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    small = SmallDisk(tmp_path / "small").mount()
    try:
        yield small
    finally:
        small.unmount()


def test_a_save_on_a_full_disk_says_disk_full_and_the_last_saved_text_stays(disk: SmallDisk) -> None:
    key = new_vault_key()
    with Vault.open(disk.folder / "vault.db", key, create=True) as vault:
        draft = vault.notifications.create_draft({"concern": "saved before"}, "signals", "AB")
        disk.fill(vault._connection.raw)
        with pytest.raises(DiskFull):
            vault.notifications.save_draft(draft, {"concern": "x" * 200_000}, "signals", "AB")
        assert vault.notifications.get_draft(draft).answers == {"concern": "saved before"}
        disk.free()
        vault.notifications.save_draft(draft, {"concern": "saved after"}, "signals", "AB")
        assert vault.notifications.get_draft(draft).answers == {"concern": "saved after"}
        assert vault.integrity_ok()


def test_opening_on_a_full_disk_says_disk_full_or_opens_and_never_damages(disk: SmallDisk) -> None:
    key = new_vault_key()
    path = disk.folder / "vault.db"
    with Vault.open(path, key, create=True) as vault:
        vault.notifications.create_draft({"concern": "kept"}, "signals", "AB")
    before = path.read_bytes()
    disk.fill()
    try:
        opened = Vault.open(path, key, verify=True)
    except DiskFull:
        pass  # the write-ahead log could not be made: said as "disk full"
    else:
        with opened:
            assert [s.child_initials for s in opened.notifications.list_summaries()] == ["AB"]
    assert path.read_bytes() == before
    disk.free()
    with Vault.open(path, key, verify=True) as vault:
        assert vault.notifications.list_summaries()[0].child_initials == "AB"
