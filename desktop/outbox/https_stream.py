"""The HTTPS transport's sockets: every step within the attempt's deadline, the pin checked after TLS.

httpx (through httpcore) asks a *network backend* for its connections. This
one makes them itself, so that each step of an attempt (name lookup, connect,
TLS handshake, every read and write) gets only what is left of the attempt's
deadline, and so that the attempt's sockets are known to its watchdog, which
shuts them when the deadline passes or the app locks
(:mod:`desktop.outbox.deadline`).

Right after the TLS handshake, before a single byte of the request is
written, the server's certificate is checked against the pinned SHA-256 (of
its public key or of the whole certificate) when a pin is set, and, when the
pinned certificate itself is the trust anchor (no CA), against its validity
dates. A plain ``http://`` proxy carries the connection (HTTP CONNECT); TLS
inside TLS (an ``https://`` proxy) is not supported.
"""

from __future__ import annotations

import hashlib
import select
import socket
import ssl
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import httpcore
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.outbox.deadline import (
    ANSWER,
    HANDSHAKE,
    REQUEST,
    Attempt,
    AttemptAborted,
    Attempts,
    DeadlinePassed,
    connect,
)


class PinMismatchError(Exception):
    """Raised inside the connection when the server certificate is not the pinned one (or out of date)."""

    def __init__(self, reason_id: str) -> None:
        super().__init__(reason_id)
        self.reason_id = reason_id


def certificate_pins(cert: x509.Certificate) -> tuple[str, str]:
    """The two pins that match a certificate: SHA-256 of its public key (SPKI, survives renewal
    with the same key; what policy sets) and SHA-256 of the whole certificate, lower-case hex."""
    spki = cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).hexdigest(), hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest()


def _check_pin(tls: ssl.SSLSocket, pin: str | None, check_dates: bool) -> None:
    der = tls.getpeercert(True)
    if not der:
        raise PinMismatchError("delivery.certificate_wrong")
    cert = x509.load_der_x509_certificate(der)
    if pin is not None and pin not in certificate_pins(cert):
        raise PinMismatchError("delivery.certificate_wrong")
    if check_dates:
        now = datetime.now(UTC)
        if now > cert.not_valid_after_utc:
            raise PinMismatchError("delivery.certificate_expired")
        if now < cert.not_valid_before_utc:
            raise PinMismatchError("delivery.certificate_wrong")


@contextmanager
def _mapped(timeout_error: type[Exception], other_error: type[Exception]) -> Iterator[None]:
    """OS and deadline errors as httpcore's exceptions (httpx turns those into its own), cause kept."""
    try:
        yield
    except (DeadlinePassed, TimeoutError) as exc:
        raise timeout_error(str(exc) or "timed out") from exc
    except AttemptAborted as exc:
        raise other_error("the attempt was ended") from exc
    except OSError as exc:
        raise other_error(str(exc) or type(exc).__name__) from exc


class GuardedStream(httpcore.NetworkStream):
    """One connection's socket (plain or TLS), used by one attempt at a time within its deadline."""

    def __init__(self, sock: socket.socket, attempts: Attempts, attempt: Attempt | None,
                 pin: str | None, check_dates: bool) -> None:
        self._sock = sock
        self._attempts = attempts
        self._attempt = attempt  # the attempt that watches the socket now
        self._pin, self._check_dates = pin, check_dates

    def _use(self) -> Attempt | None:
        """The attempt on this thread takes over the socket (a kept-alive connection serves the next)."""
        attempt = self._attempts.current()
        if attempt is not self._attempt:
            if self._attempt is not None:
                self._attempt.unwatch(self._sock)
            if attempt is not None:
                attempt.watch(self._sock)
            self._attempt = attempt
        return attempt

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        attempt = self._use()
        with _mapped(httpcore.ReadTimeout, httpcore.ReadError):
            if attempt is not None:
                attempt.at(ANSWER)
                timeout = attempt.budget(timeout)
            self._sock.settimeout(timeout)
            return self._sock.recv(max_bytes)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        attempt = self._use()
        view = memoryview(buffer)
        with _mapped(httpcore.WriteTimeout, httpcore.WriteError):
            if attempt is not None:
                attempt.at(REQUEST)
            while view:
                self._sock.settimeout(timeout if attempt is None else attempt.budget(timeout))
                sent = self._sock.send(view)
                view = view[sent:]

    def close(self) -> None:
        if self._attempt is not None:
            self._attempt.unwatch(self._sock)
            self._attempt = None
        self._sock.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        if isinstance(self._sock, ssl.SSLSocket):
            self.close()
            raise httpcore.ConnectError("TLS inside TLS (an https:// proxy) is not supported")
        attempt = self._use()
        raw = self._sock
        try:
            with _mapped(httpcore.ConnectTimeout, httpcore.ConnectError):
                if attempt is not None:
                    attempt.at(HANDSHAKE)
                raw.settimeout(timeout if attempt is None else attempt.budget(timeout))
                tls = ssl_context.wrap_socket(raw, server_hostname=server_hostname,
                                              do_handshake_on_connect=False)
                # The TLS socket now owns the connection: the watchdog must shut that one.
                if attempt is not None:
                    attempt.unwatch(raw)
                    attempt.watch(tls)
                self._sock = tls
                tls.do_handshake()
            _check_pin(tls, self._pin, self._check_dates)
        except BaseException:
            self.close()
            raise
        return GuardedStream(tls, self._attempts, attempt, self._pin, self._check_dates)

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object" and isinstance(self._sock, ssl.SSLSocket):
            return self._sock  # has selected_alpn_protocol() and getpeercert(), all httpcore asks
        if info == "socket":
            return self._sock
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "is_readable":
            return _readable(self._sock)
        return None


def _readable(sock: socket.socket) -> bool:
    """An idle kept-alive connection that is readable has been closed by the server (or sent junk)."""
    if sock.fileno() < 0:
        return True
    if sys.platform == "win32":
        readable, _, _ = select.select([sock], [], [], 0)
        return bool(readable)
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


class GuardedBackend(httpcore.NetworkBackend):
    """Makes the connections of one transport (see the module's notes)."""

    def __init__(self, attempts: Attempts, pin: str | None, check_dates: bool) -> None:
        self._attempts = attempts
        self._pin, self._check_dates = pin, check_dates

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Any = None) -> httpcore.NetworkStream:
        attempt = self._attempts.current()
        if attempt is None:  # only ever used inside an attempt; a generous fallback all the same
            with self._attempts.attempt(timeout or 30.0):
                return self.connect_tcp(host, port, timeout, local_address, socket_options)

        def configure(sock: socket.socket) -> None:
            for option in socket_options or ():
                sock.setsockopt(*option)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        with _mapped(httpcore.ConnectTimeout, httpcore.ConnectError):
            sock = connect(host, port, attempt, timeout, configure)
        return GuardedStream(sock, self._attempts, attempt, self._pin, self._check_dates)

    def sleep(self, seconds: float) -> None:
        import time

        time.sleep(seconds)
