"""A vault damaged on disk is said aloud: refused as damaged, never half-opened, the file left as it was.

Real SQLCipher files with real damage: one bit flipped in the last page (a bad sector, a copy cut
short), a file from a newer version, a truncated file, and stored content that no longer decodes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from desktop.store import migrations
from desktop.store.errors import VaultCorrupt, VaultTooNew
from desktop.store.keys import new_vault_key
from desktop.store.vault import Vault, check_vault_file


def _vault_with_drafts(path: Path, key: bytearray, count: int = 12) -> list[str]:
    ids = []
    with Vault.open(path, key, create=True) as vault:
        for index in range(count):
            # Big enough that the drafts fill many pages, the last one included.
            ids.append(vault.notifications.create_draft({"concern": "Bekymring " * 300, "n": index},
                                                        "signals", "AB"))
        vault.checkpoint()
    return ids


def _flip_a_bit(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_bit_flipped_in_the_last_page_is_refused_at_unlock_with_nothing_changed(
        vault_path: Path, vault_key: bytearray) -> None:
    _vault_with_drafts(vault_path, vault_key)
    _flip_a_bit(vault_path, vault_path.stat().st_size - 100)
    before = _folder_state(vault_path.parent)

    with pytest.raises(VaultCorrupt) as refused:
        Vault.open(vault_path, vault_key, verify=True)

    assert refused.value.details["pages"] == "1"
    assert _folder_state(vault_path.parent) == before  # byte-identical, no -wal/-shm made beside it
    with pytest.raises(VaultCorrupt):
        check_vault_file(vault_path, vault_key)  # what doctor runs: the same answer, read-only
    assert _folder_state(vault_path.parent) == before


def test_reading_a_damaged_page_says_damaged_every_time_never_an_unexpected_error(
        vault_path: Path, vault_key: bytearray) -> None:
    ids = _vault_with_drafts(vault_path, vault_key)
    _flip_a_bit(vault_path, vault_path.stat().st_size - 100)

    with Vault.open(vault_path, vault_key) as vault:  # opened without the page check
        failures = []
        for draft_id in ids:
            try:
                vault.notifications.get_draft(draft_id)
            except VaultCorrupt:
                failures.append(draft_id)
        # Once SQLCipher has met the damaged page the connection answers MemoryError: still "damaged".
        assert failures
        with pytest.raises(VaultCorrupt):
            vault.notifications.list_summaries()
        assert vault.integrity_ok() is False


def test_stored_content_that_does_not_decode_is_damage_not_a_json_error(
        vault_path: Path, vault_key: bytearray) -> None:
    with Vault.open(vault_path, vault_key, create=True) as vault:
        draft_id = vault.notifications.create_draft({"concern": "x"}, "signals", "AB")
        raw = vault._connection.raw
        raw.execute("UPDATE notification_content SET answers_json = ? WHERE notification_id = ?",
                    ('{"concern": "x', draft_id))
        with pytest.raises(VaultCorrupt):
            vault.notifications.get_draft(draft_id)
        with pytest.raises(VaultCorrupt):
            vault.notifications.get_answers(draft_id)
        raw.execute("UPDATE notification SET created_at = 'yesterday' WHERE id = ?", (draft_id,))
        with pytest.raises(VaultCorrupt):
            vault.notifications.list_summaries()
        raw.execute("UPDATE notification SET state = 'sideways' WHERE id = ?", (draft_id,))
        with pytest.raises(VaultCorrupt):
            vault.notifications.get_summary(draft_id)
        raw.execute("INSERT OR REPLACE INTO app_state (name, value) VALUES ('session', x'ff00')")
        with pytest.raises(VaultCorrupt):
            vault.profile.begin_session(vault.notifications._db.now())


def test_a_vault_from_a_newer_version_is_refused_with_nothing_made_beside_it(
        vault_path: Path, vault_key: bytearray) -> None:
    with Vault.open(vault_path, vault_key, create=True) as vault:
        vault._connection.raw.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    before = _folder_state(vault_path.parent)
    with pytest.raises(VaultTooNew):
        Vault.open(vault_path, vault_key)
    assert _folder_state(vault_path.parent) == before


def test_a_truncated_vault_is_refused_with_nothing_made_beside_it(
        vault_path: Path, vault_key: bytearray) -> None:
    _vault_with_drafts(vault_path, vault_key)
    vault_path.write_bytes(vault_path.read_bytes()[:20000])
    before = _folder_state(vault_path.parent)
    with pytest.raises(VaultCorrupt):
        Vault.open(vault_path, vault_key)
    assert _folder_state(vault_path.parent) == before


def test_the_page_check_passes_an_intact_vault_and_a_wrong_key_is_not_damage(
        vault_path: Path, vault_key: bytearray) -> None:
    _vault_with_drafts(vault_path, vault_key, count=3)
    check_vault_file(vault_path, vault_key)
    with Vault.open(vault_path, vault_key, verify=True) as vault:
        assert len(vault.notifications.list_summaries()) == 3
        assert vault.integrity_ok()
    from desktop.store.errors import WrongKey

    with pytest.raises(WrongKey):
        check_vault_file(vault_path, new_vault_key())


def test_a_vault_left_open_by_a_crash_is_checked_with_its_write_ahead_log(
        vault_path: Path, vault_key: bytearray) -> None:
    # The app died with the vault open: the newest commits are only in the -wal file.
    writer = Vault.open(vault_path, vault_key, create=True)
    writer.notifications.create_draft({"concern": json.dumps("in the log only")}, "signals", "AB")
    assert Path(f"{vault_path}-wal").stat().st_size > 0
    check_vault_file(vault_path, vault_key)
    with Vault.open(vault_path, vault_key, verify=True) as vault:
        assert len(vault.notifications.list_summaries()) == 1
    writer.close()


def test_unlocking_again_in_the_same_run_skips_the_check_only_for_a_file_unchanged_since(
        vault_path: Path, vault_key: bytearray) -> None:
    from desktop.store import vault as vault_module

    _vault_with_drafts(vault_path, vault_key, count=3)
    with Vault.open(vault_path, vault_key, verify=True) as vault:
        vault.notifications.create_draft({"concern": "y"}, "signals", "CD")
    assert str(vault_path.absolute()) in vault_module._KNOWN_INTACT
    # Damaged while locked (a backup tool, a bad copy): the file changed, so it is checked again.
    _flip_a_bit(vault_path, vault_path.stat().st_size - 100)
    with pytest.raises(VaultCorrupt):
        Vault.open(vault_path, vault_key, verify=True)


def _crash_with_drafts_in_the_log(path: Path, key: bytearray, count: int) -> None:
    """Another process writes ``count`` drafts and dies without closing: they live only in the -wal file."""
    import subprocess
    import sys

    code = ("import os, sys\n"
            "from pathlib import Path\n"
            "from desktop.store.vault import Vault\n"
            "vault = Vault.open(Path(sys.argv[1]), bytearray.fromhex(sys.argv[2]))\n"
            "for n in range(int(sys.argv[3])):\n"
            "    vault.notifications.create_draft({'concern': 'in the log', 'n': n}, 'signals', 'WL')\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path), key.hex(), str(count)], check=True,
                   cwd=Path(__file__).resolve().parents[3], timeout=120)


WAL_HEADER = 32
WAL_FRAME_HEADER = 24


@pytest.mark.parametrize("where", ["log header", "first frame", "a middle frame"])
def test_a_bit_flipped_in_the_write_ahead_log_is_refused_not_silently_dropped(
        vault_path: Path, vault_key: bytearray, where: str) -> None:
    """SQLite ignores the log from a frame whose checksum fails: committed drafts would vanish
    without a word (and for good once the log is emptied). The unlock refuses it as damage instead,
    with every file left as it was for IT."""
    _vault_with_drafts(vault_path, vault_key, count=2)
    _crash_with_drafts_in_the_log(vault_path, vault_key, count=10)
    log = Path(f"{vault_path}-wal")
    frame = WAL_FRAME_HEADER + 4096
    frames = (log.stat().st_size - WAL_HEADER) // frame
    offset = {"log header": 12, "first frame": WAL_HEADER + WAL_FRAME_HEADER + 200,
              "a middle frame": WAL_HEADER + frames // 2 * frame + WAL_FRAME_HEADER + 200}[where]
    _flip_a_bit(log, offset)
    before = _folder_state(vault_path.parent)

    with pytest.raises(VaultCorrupt) as refused:
        Vault.open(vault_path, vault_key, verify=True)

    assert refused.value.details["file"] == log.name
    assert _folder_state(vault_path.parent) == before
    with pytest.raises(VaultCorrupt):
        check_vault_file(vault_path, vault_key)  # doctor says the same
    assert _folder_state(vault_path.parent) == before


def test_a_log_cut_short_in_its_last_transaction_is_a_crash_not_damage(
        vault_path: Path, vault_key: bytearray) -> None:
    """A crash while a transaction was being written leaves a partial frame at the end: that transaction
    never committed, so SQLite drops it and the vault opens with everything committed before it."""
    _vault_with_drafts(vault_path, vault_key, count=2)
    _crash_with_drafts_in_the_log(vault_path, vault_key, count=10)
    log = Path(f"{vault_path}-wal")
    log.write_bytes(log.read_bytes()[:-1000])  # the last frame (the last commit's) torn
    with Vault.open(vault_path, vault_key, verify=True) as vault:
        assert len(vault.notifications.list_summaries()) == 11
