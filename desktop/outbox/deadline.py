"""A whole-attempt deadline for delivery: connect, TLS, upload and answer together, never longer.

Socket timeouts are per operation: a server that trickles one byte a second,
or reads the upload that slowly, keeps every single operation "on time" and an
attempt open for as long as it likes. Here each attempt gets one deadline:

* every blocking step is given only what is left of it (name lookup, connect,
  TLS handshake, each read and write);
* a watchdog thread shuts the attempt's sockets down the moment it passes,
  which wakes a send or receive blocked in the kernel whatever its own timeout;
* :meth:`Attempts.abort` does the same at once for every attempt in flight
  (the app locking or quitting must not wait for an answer), and refuses new
  ones from then on.

What the attempt was doing when it ended (its ``phase``) tells the two
slownesses apart: no connection by the deadline means the intake could not be
reached; the request sent and no whole answer by then is a slow answer.

This module is network plumbing only; the transports turn what happened into
the outbox's reasons.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager, suppress
from typing import Any

#: The phases of an attempt, in order.
RESOLVING, CONNECTING, HANDSHAKE = "resolving", "connecting", "handshake"
REQUEST, ANSWER = "request", "answer"
#: Phases in which nothing of the notification has left the PC yet.
BEFORE_REQUEST = frozenset({RESOLVING, CONNECTING, HANDSHAKE})


class DeadlinePassed(TimeoutError):  # noqa: N818 - reads as what happened
    """The attempt's whole time is used up (raised instead of starting a blocking step)."""


class AttemptAborted(ConnectionAbortedError):  # noqa: N818 - reads as what happened
    """The attempt was ended on purpose (the app locks or quits)."""


def _shut(sock: socket.socket) -> None:
    """Shut a socket down for both directions, waking any thread blocked on it.

    The plain socket method is called even for an ``SSLSocket``: its own ``shutdown``
    also drops the TLS object under the feet of the thread that is reading.
    """
    with suppress(OSError):  # not connected (yet), or already gone
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Attempt:
    """One delivery attempt: its deadline, what it is doing, and the sockets to shut when it must end."""

    def __init__(self, owner: Attempts, seconds: float) -> None:
        self._owner = owner
        self.ends_at = time.monotonic() + seconds
        self.phase = RESOLVING
        self.expired = False
        self.aborted = False
        self._sockets: set[socket.socket] = set()

    def remaining(self) -> float:
        """Seconds left; raises :class:`DeadlinePassed` (or :class:`AttemptAborted`) when none are."""
        if self.aborted:
            raise AttemptAborted("the attempt was ended")
        left = self.ends_at - time.monotonic()
        if left <= 0 or self.expired:
            self.expired = True
            raise DeadlinePassed("the attempt's deadline has passed")
        return left

    def budget(self, timeout: float | None) -> float:
        """The timeout for one blocking step: ``timeout`` or what is left of the deadline, the smaller."""
        left = self.remaining()
        return left if timeout is None else min(timeout, left)

    def at(self, phase: str) -> None:
        """The attempt moves on to ``phase`` (only forwards)."""
        order = (RESOLVING, CONNECTING, HANDSHAKE, REQUEST, ANSWER)
        if order.index(phase) > order.index(self.phase):
            self.phase = phase

    @property
    def reached_the_intake(self) -> bool:
        """Whether a request had begun to go out (after the connection and TLS were made)."""
        return self.phase not in BEFORE_REQUEST

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down if this attempt passes its deadline or is aborted while it is open."""
        with self._owner.lock:
            if self.aborted or self.expired:
                _shut(sock)
            self._sockets.add(sock)

    def unwatch(self, sock: socket.socket) -> None:
        """``sock`` is about to be closed or handed to another attempt: leave it alone from now on."""
        with self._owner.lock:
            self._sockets.discard(sock)

    def _end(self, *, abort: bool) -> None:
        """Called with the owner's lock held: mark and shut every socket of the attempt."""
        if abort:
            self.aborted = True
        else:
            self.expired = True
        for sock in self._sockets:
            _shut(sock)


class Attempts:
    """The attempts in flight of one transport, their watchdog, and the way to end them all at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._wake = threading.Condition(self.lock)
        self._active: set[Attempt] = set()
        self._local = threading.local()
        self._watchdog: threading.Thread | None = None
        #: When the watchdog wakes next by itself (it is only woken early for an earlier deadline).
        self._wake_at = float("inf")
        self.aborted = False

    def current(self) -> Attempt | None:
        """The attempt running on this thread, if any."""
        attempt: Attempt | None = getattr(self._local, "attempt", None)
        return attempt

    @contextmanager
    def attempt(self, seconds: float) -> Iterator[Attempt]:
        """Run one attempt on this thread with ``seconds`` in all; its sockets are shut when they pass."""
        attempt = Attempt(self, seconds)
        with self.lock:
            if self.aborted:
                attempt.aborted = True
            self._active.add(attempt)
            if self._watchdog is None:
                self._watchdog = threading.Thread(target=self._watch, name="underret-deadline", daemon=True)
                self._watchdog.start()
            elif attempt.ends_at < self._wake_at:
                # Only an earlier deadline than the one it waits for needs the watchdog now (attempts of
                # one length end in the order they began: a long queue wakes it once per deadline, not
                # once per attempt).
                self._wake.notify()
        self._local.attempt = attempt
        try:
            yield attempt
        finally:
            self._local.attempt = None
            with self.lock:
                self._active.discard(attempt)

    def abort(self) -> None:
        """End every attempt in flight now and refuse new ones (any thread; for lock and quit)."""
        with self.lock:
            self.aborted = True
            for attempt in self._active:
                attempt._end(abort=True)
            self._wake.notify()

    def _watch(self) -> None:
        """The watchdog: sleeps until the earliest deadline, then shuts that attempt's sockets.

        It ends when no attempt has been in flight for a while; the next attempt starts it again.
        """
        with self.lock:
            while True:
                now = time.monotonic()
                pending = [a for a in self._active if not (a.expired or a.aborted)]
                for attempt in pending:
                    if attempt.ends_at <= now:
                        attempt._end(abort=False)
                pending = [a for a in pending if not a.expired]
                if not pending and not self._active:
                    self._wake_at = now + 5.0
                    self._wake.wait(5.0)
                    if not self._active:
                        self._watchdog = None
                        self._wake_at = float("inf")
                        return
                    continue
                self._wake_at = min((a.ends_at for a in pending), default=now + 1.0)
                self._wake.wait(max(self._wake_at - now, 0.001))


def resolve(host: str, port: int, attempt: Attempt, timeout: float | None) -> list[tuple[Any, ...]]:
    """The addresses of ``host`` within the attempt's time (a name lookup cannot be interrupted, so it
    runs on a thread of its own that is left behind if it takes too long)."""
    attempt.at(RESOLVING)
    try:
        # A literal address needs no lookup (and no thread).
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    except socket.gaierror:
        pass
    answer: Future[list[tuple[Any, ...]]] = Future()

    def look_up() -> None:
        try:
            answer.set_result(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as exc:  # handed over to the waiting thread
            answer.set_exception(exc)

    threading.Thread(target=look_up, name="underret-resolve", daemon=True).start()
    try:
        return answer.result(timeout=attempt.budget(timeout))
    except TimeoutError as exc:
        attempt.expired = attempt.expired or time.monotonic() >= attempt.ends_at
        raise DeadlinePassed("the name lookup took too long") from exc


def connect(host: str, port: int, attempt: Attempt, timeout: float | None,
            configure: Callable[[socket.socket], None] | None = None) -> socket.socket:
    """A TCP connection to ``host:port`` made within the attempt's time; watched by the attempt.

    Raises ``OSError`` (refused, unreachable…), :class:`DeadlinePassed` or :class:`AttemptAborted`.
    """
    addresses = resolve(host, port, attempt, timeout)
    attempt.at(CONNECTING)
    error: OSError | None = None
    for family, kind, proto, _, address in addresses:
        sock = socket.socket(family, kind, proto)
        attempt.watch(sock)
        try:
            sock.settimeout(attempt.budget(timeout))
            sock.connect(address)
        except TimeoutError as exc:
            attempt.unwatch(sock)
            sock.close()
            if time.monotonic() >= attempt.ends_at:
                attempt.expired = True
                raise DeadlinePassed("no connection before the deadline") from exc
            error = exc
            continue
        except OSError as exc:
            attempt.unwatch(sock)
            sock.close()
            if attempt.aborted:
                raise AttemptAborted("the attempt was ended") from exc
            if attempt.expired:
                raise DeadlinePassed("no connection before the deadline") from exc
            error = exc
            continue
        except BaseException:
            attempt.unwatch(sock)
            sock.close()
            raise
        if configure is not None:
            configure(sock)
        return sock
    raise error or OSError(f"no address for {host}")
