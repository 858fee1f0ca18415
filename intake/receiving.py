"""Receiving an envelope's body: streamed to an owner-only spool, with idle and rate timeouts.

Memory stays bounded however large or many the uploads: a body above 128 KiB waits in a temporary
file (0600, unlinked at once, so nothing is left after a crash; it is ciphertext anyway) until it is
its turn to be checked. A body of known, modest size is kept in memory instead while a fixed share
of memory allows (``in_memory``, :class:`intake.limits.InMemoryReceiving`): writing 1 MB to a file
on the event loop and reading it back twice cost about a third of the loop's time at 50 posts a
second. A client that stops sending for ``body_idle_timeout`` seconds, or sends
slower than ``body_min_bytes_per_second`` on average after the first 10 seconds, is answered 408
and its connection closed. As soon as the envelope's clear header has arrived, the sender key in it
is handed to ``on_sender`` so an unenrolled or flooding sender is refused before the rest is read.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import struct
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import IO

from intake.settings import IntakeSettings
from protocol.envelope import MAGIC

_PREFIX = struct.Struct(">8sBI")  # magic, format version, manifest length (forms/schema/envelope.md)
_MAX_MANIFEST = 64 * 1024
_SPOOL_IN_MEMORY = 128 * 1024
_GRACE_SECONDS = 10.0


@dataclass
class Refusal(Exception):  # noqa: N818 - an answer, not an error
    """An answer that ends the request early (status, reason id, sentence, extra headers)."""

    status: int
    error: str
    reason: str
    headers: dict[str, str] = field(default_factory=dict)


def peek_sender(head: bytes) -> bytes | None:
    """The sender public key named in an envelope's clear header, if ``head`` holds it whole.

    Only for refusing early: nothing is trusted from it (the whole envelope is verified later), and
    anything unexpected gives None (the full check then decides).
    """
    if len(head) < _PREFIX.size or not head.startswith(MAGIC):
        return None
    _, _, length = _PREFIX.unpack_from(head, 0)
    if length > _MAX_MANIFEST or len(head) < _PREFIX.size + length:
        return None
    try:
        manifest = json.loads(head[_PREFIX.size:_PREFIX.size + length])
        key = base64.b64decode(manifest["sender"]["public_key"], validate=True)
    except (ValueError, KeyError, TypeError):
        return None
    return key if len(key) == 32 else None


@dataclass
class ReceivedBody:
    """A body as received: where it waits (a spool file, or ``data`` in memory), and its size."""

    file: IO[bytes] | None
    size: int
    sender: bytes | None
    data: bytes | None = None

    @property
    def in_memory(self) -> bool:
        """Whether the body is held in memory (its memory already reserved by the caller)."""
        return self.data is not None

    def sha256(self) -> str:
        """SHA-256 of the body (hex), read from the spool in pieces: only a retry needs it before the
        envelope check, which computes the same hash anyway (one pass fewer over every envelope)."""
        if self.data is not None:
            return hashlib.sha256(self.data).hexdigest()
        assert self.file is not None
        digest = hashlib.sha256()
        self.file.seek(0)
        while chunk := self.file.read(1024 * 1024):
            digest.update(chunk)
        return digest.hexdigest()

    def read_all(self) -> bytes:
        """The whole body (call under the memory budget)."""
        if self.data is not None:
            return self.data
        assert self.file is not None
        self.file.seek(0)
        return self.file.read(self.size)  # one allocation of the known size (read() would grow and join)

    def stored_form(self) -> bytes | IO[bytes]:
        """What the store writes: the bytes in memory, or the spool (SQLite writes it in pieces)."""
        if self.data is not None:
            return self.data
        assert self.file is not None
        return self.file

    def close(self) -> None:
        """Remove the spooled copy (or let go of the bytes)."""
        if self.file is not None:
            self.file.close()
        self.data = None


async def receive_body(
    receive: Callable[[], Awaitable[dict[str, object]]],
    settings: IntakeSettings,
    on_sender: Callable[[bytes], Awaitable[None]],
    clock: Callable[[], float] = time.monotonic,
    *,
    in_memory: bool = False,
) -> ReceivedBody:
    """Read the request body into a spool; raises :class:`Refusal` (408, 413) or from ``on_sender``.

    ``in_memory``: keep the body in memory (the caller reserved memory for its declared size);
    more than ``settings.max_body`` is still refused with 413 as it arrives.
    """
    chunks: list[bytes] = []
    spool: IO[bytes] | None = None
    if not in_memory:
        spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - handed to the caller, who closes it
            max_size=_SPOOL_IN_MEMORY, dir=None if settings.spool_dir is None else str(settings.spool_dir),
            prefix="underret-upload-")
    head = bytearray()
    sender: bytes | None = None
    peeked = False
    size = 0
    started = clock()
    try:
        while True:
            now = clock()
            # The latest moment more bytes must arrive: the idle limit, or the average rate after the grace.
            rate_deadline = started + _GRACE_SECONDS + size / max(1, settings.body_min_bytes_per_second)
            wait = max(0.05, min(settings.body_idle_timeout, rate_deadline - now))
            try:
                async with asyncio.timeout(wait):
                    message = await receive()
            except TimeoutError:
                raise Refusal(408, "intake.too_slow",
                              "The envelope arrived too slowly; send it again.") from None
            if message.get("type") == "http.disconnect":
                raise Refusal(400, "intake.disconnected",
                              "The connection closed before the envelope was whole.")
            chunk = message.get("body", b"")
            assert isinstance(chunk, bytes)
            size += len(chunk)
            if size > settings.max_body:
                raise Refusal(413, "intake.too_large",
                              f"The envelope is larger than {settings.max_body} bytes.")
            if spool is None:
                chunks.append(chunk)
            else:
                spool.write(chunk)
            if not peeked:
                head += chunk[: _PREFIX.size + _MAX_MANIFEST - len(head)]
                sender = peek_sender(bytes(head))
                if sender is not None or len(head) >= _PREFIX.size + _MAX_MANIFEST:
                    peeked = True
                    if sender is not None:
                        await on_sender(sender)
            if not message.get("more_body", False):
                break
    except BaseException:
        if spool is not None:
            spool.close()
        raise
    if spool is None:
        return ReceivedBody(None, size, sender, b"".join(chunks))
    return ReceivedBody(spool, size, sender)
