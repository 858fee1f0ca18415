"""Is a vault's write-ahead log damaged in a way that would silently drop committed work?

After a crash (the app killed, a power cut) the newest commits live only in ``vault.db-wal``. SQLite
reads that log frame by frame and stops at the first frame whose checksum (or salt) does not fit: a
frame torn by the crash ends the log, which is right for a transaction that never committed. But one
flipped bit in an older frame (a bad sector, a copy gone wrong) ends the log there too, and every
commit after it vanishes without a word, for good once the log is emptied. That is damage, and the
vault is refused as damaged instead, with the files kept for IT.

Telling the two apart: only the transaction being written when the crash came can be torn (every
earlier commit was synced to disk before the next one began, ``synchronous=FULL``). That is the frames
after the last commit frame when there are any, else the last committed transaction (its sync may not
have finished). The log is damaged when SQLite would stop before the end of the transaction before
that one: a commit that was surely on disk would be dropped. A damaged frame in the transaction that
may have been in flight cannot be told from a crash and is left to SQLite (as after a crash).

The format is SQLite's (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header
(magic, version, page size, checkpoint sequence, two salts, a checksum of the first 24 bytes), then
frames of a 24-byte header (page number, the database size after a commit or 0, the two salts, a
cumulative checksum) and one page. Read-only; nothing is written.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO, NamedTuple

HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24
_MAGIC_LITTLE = 0x377F0682
_MAGIC_BIG = 0x377F0683


class LogDamage(NamedTuple):
    """Where the log stops making sense, and how many later commits SQLite would drop."""

    frame: int  # 0 = the log's header; 1 = the first frame
    commits_dropped: int


def wal_checksum(data: bytes, start: tuple[int, int], big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum over ``data`` (a multiple of 8 bytes), continuing from ``start``."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    s0, s1 = start
    for index in range(0, len(words), 2):
        s0 = (s0 + words[index] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[index + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def log_path(database: Path) -> Path:
    """The write-ahead log beside the database at ``database``."""
    return database.with_name(database.name + "-wal")


def damaged_log(database: Path) -> LogDamage | None:
    """The damage in ``database``'s write-ahead log that would drop committed transactions, or None
    (no log, an empty or intact one, or one only cut short in its last transaction by a crash)."""
    try:
        handle = open(log_path(database), "rb")  # noqa: SIM115 - closed below, in every case
    except FileNotFoundError:
        return None
    with handle:
        return _inspect(handle)


def _inspect(handle: BinaryIO) -> LogDamage | None:
    header = handle.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES:
        return None  # an empty log (or a crash while making it): nothing committed in it
    magic, _version, page_size, _sequence, salt1, salt2, sum1, sum2 = struct.unpack(">8I", header)
    big_endian = magic == _MAGIC_BIG
    header_ok = (magic in (_MAGIC_LITTLE, _MAGIC_BIG) and 512 <= page_size <= 65536
                 and page_size & (page_size - 1) == 0
                 and wal_checksum(header[:24], (0, 0), big_endian) == (sum1, sum2))
    if not header_ok:
        # The header itself is unreadable: SQLite ignores the whole log. Judge by the frames' own salts,
        # with the page size SQLCipher vaults use.
        page_size = page_size if 512 <= page_size <= 65536 and page_size & (page_size - 1) == 0 else 4096
        first = handle.read(FRAME_HEADER_BYTES)
        if len(first) < FRAME_HEADER_BYTES:
            return None
        salt1, salt2 = struct.unpack(">2I", first[8:16])
        handle.seek(HEADER_BYTES)
    running = (sum1, sum2)
    frame_bytes = FRAME_HEADER_BYTES + page_size
    index = 0
    stopped_at: int | None = None if header_ok else 0
    #: Frames of this log (by their salts) that end a transaction, from where SQLite stops on.
    commits_from_stop: list[int] = []
    last_of_this_log = 0
    while True:
        frame = handle.read(frame_bytes)
        if len(frame) < frame_bytes:
            break  # a frame cut short: the end (a crash while writing it)
        index += 1
        _page, commit_size, frame_salt1, frame_salt2, frame_sum1, frame_sum2 = struct.unpack(
            ">6I", frame[:FRAME_HEADER_BYTES])
        of_this_log = (frame_salt1, frame_salt2) == (salt1, salt2)
        if stopped_at is None:
            if of_this_log:
                running = wal_checksum(frame[:8] + frame[FRAME_HEADER_BYTES:], running, big_endian)
            if not of_this_log or running != (frame_sum1, frame_sum2):
                stopped_at = index  # SQLite's log ends here
        if of_this_log:
            last_of_this_log = index
            if stopped_at is not None and commit_size != 0:
                commits_from_stop.append(index)
    if stopped_at is None or not commits_from_stop:
        return None
    # The transaction that may have been in flight: the frames after the last commit (nothing of them
    # is lost by dropping them), or else the last committed one. Dropping more than that is damage.
    ends_with_commit = commits_from_stop[-1] == last_of_this_log
    surely_synced = commits_from_stop[:-1] if ends_with_commit else commits_from_stop
    if not surely_synced:
        return None
    return LogDamage(stopped_at, len(commits_from_stop))
