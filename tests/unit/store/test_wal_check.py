"""Telling a damaged write-ahead log from one a crash cut short, on logs built in SQLite's format.

(Real SQLCipher logs with real damage are in tests/integration/store/test_vault_damage.py.)
"""

from __future__ import annotations

import struct
from pathlib import Path

from desktop.store.wal_check import LogDamage, damaged_log, wal_checksum

PAGE = 4096
SALTS = (0x1234, 0x5678)


def _log(transactions: list[int], *, uncommitted_tail: int = 0) -> bytearray:
    """A valid log: each transaction of n frames, the last of them a commit frame; then a tail of frames
    whose transaction never committed (the crash came while it was written)."""
    header = struct.pack(">6I", 0x377F0682, 3007000, PAGE, 0, *SALTS)
    running = wal_checksum(header, (0, 0), False)
    out = bytearray(header + struct.pack(">2I", *running))
    page_number = 0
    for size, commits in [(n, True) for n in transactions] + [(uncommitted_tail, False)]:
        for position in range(size):
            page_number += 1
            data = bytes([page_number % 251]) * PAGE
            frame = struct.pack(">2I", page_number, page_number if commits and position == size - 1 else 0)
            running = wal_checksum(frame + data, running, False)
            out += frame + struct.pack(">4I", *SALTS, *running) + data
    return out


def _frame_data(frame: int) -> int:
    return 32 + (frame - 1) * (24 + PAGE) + 24 + 100


def _damage(tmp_path: Path, log: bytearray, offset: int | None) -> LogDamage | None:
    if offset is not None:
        log[offset] ^= 0x04
    database = tmp_path / "vault.db"
    database.write_bytes(b"")
    (tmp_path / "vault.db-wal").write_bytes(bytes(log))
    return damaged_log(database)


def test_an_intact_log_and_no_log_are_no_damage(tmp_path: Path) -> None:
    assert damaged_log(tmp_path / "vault.db") is None
    assert _damage(tmp_path, _log([2, 3, 1]), None) is None


def test_a_flipped_bit_before_the_last_transaction_is_damage(tmp_path: Path) -> None:
    # transactions: frames 1-2, 3-5, 6: a bit in frame 4 drops the commits of frames 5 and 6
    assert _damage(tmp_path, _log([2, 3, 1]), _frame_data(4)) == LogDamage(4, 2)
    assert _damage(tmp_path, _log([2, 3, 1]), 12) == LogDamage(0, 3)  # the header's checkpoint number


def test_damage_in_the_transaction_a_crash_may_have_torn_is_left_to_sqlite(tmp_path: Path) -> None:
    # The last commit's sync may not have finished when the power went: that one cannot be told apart.
    assert _damage(tmp_path, _log([2, 3, 1]), _frame_data(6)) is None
    assert _damage(tmp_path, _log([2, 3]), _frame_data(3)) is None


def test_with_an_unfinished_transaction_after_it_the_last_commit_was_surely_on_disk(tmp_path: Path) -> None:
    # Frames 6-7 were being written when the crash came, so the commit in frame 5 had been synced.
    assert _damage(tmp_path, _log([2, 3], uncommitted_tail=2), _frame_data(4)) == LogDamage(4, 1)
    assert _damage(tmp_path, _log([2, 3], uncommitted_tail=2), _frame_data(6)) is None


def test_a_frame_cut_short_at_the_end_is_a_crash(tmp_path: Path) -> None:
    assert _damage(tmp_path, _log([2, 3, 1])[:-1000], None) is None
