"""Serving the intake: uvicorn with the timeouts a server on the open network needs.

uvicorn closes an idle keep-alive connection, but not one that never completes its request
headers, and asyncio waits 60 s for a TLS handshake. Here every connection must complete its TLS
handshake and each request's headers within ``header_timeout`` seconds (a loop whose servers pass
``ssl_handshake_timeout``, and an h11 protocol with a head timer), so idle and slow connections
(slowloris) are closed and cannot starve real posts. Bodies have their own idle and rate limits
(:mod:`intake.receiving`).

``BackgroundIntake`` binds 127.0.0.1 on a free port and serves from a thread (demo mode and tests);
:func:`serve` runs in the foreground (``underret-intake serve``).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import socket
import threading
import time
from collections.abc import Collection, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import h11
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.applications import Starlette
from uvicorn.protocols.http.h11_impl import H11Protocol

from intake.app import create_app
from intake.settings import DEFAULT_MAX_BODY, IntakeSettings
from intake.storage import IntakeStore


def guarded_protocol(header_timeout: float, parser: str = "auto") -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol with a deadline for each request's headers (from connect or the last answer).

    ``parser``: ``httptools`` (fast: h11 spent ~6 ms of Python per 1 MB body), ``h11``, or ``auto``
    (httptools when installed).
    """
    if parser == "httptools" or (parser == "auto" and _has_httptools()):
        return _guarded_httptools(header_timeout)
    return _guarded_h11(header_timeout)


def _has_httptools() -> bool:
    try:
        import httptools  # noqa: F401
    except ImportError:
        return False
    return True


def _guarded_h11(header_timeout: float) -> type[H11Protocol]:
    class GuardedH11Protocol(H11Protocol):
        """Closes a connection whose request headers are not complete within ``header_timeout``."""

        _head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def _arm(self) -> None:
            self._disarm()
            self._head_timer = self.loop.call_later(header_timeout, self._head_too_slow)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def handle_events(self) -> None:
            super().handle_events()
            if self._head_timer is not None and self.conn.their_state is not h11.IDLE:
                self._disarm()  # the headers are in; the body has its own limits

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _head_too_slow(self) -> None:
            self._head_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

    return GuardedH11Protocol


def _guarded_httptools(header_timeout: float) -> type[asyncio.Protocol]:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        """Closes a connection whose request headers are not complete within ``header_timeout``."""

        _head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def _arm(self) -> None:
            self._disarm()
            self._head_timer = self.loop.call_later(header_timeout, self._head_too_slow)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def on_headers_complete(self) -> None:
            self._disarm()  # the headers are in; the body has its own limits
            super().on_headers_complete()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            waiting = self.cycle is None or self.cycle.response_complete
            if not self.transport.is_closing() and waiting:  # no pipelined request under way
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _head_too_slow(self) -> None:
            self._head_timer = None
            if not self.transport.is_closing():
                self.transport.close()

    return GuardedHttpToolsProtocol


#: Bytes each TLS connection reads into at a time (asyncio's default is 256 KiB per connection).
TLS_READ_BUFFER = 32 * 1024


class _GuardedLoop(asyncio.SelectorEventLoop):
    """An event loop whose TLS servers give a client ``handshake_timeout`` seconds for its handshake.

    Each TLS connection reads into a 32 KiB buffer, not asyncio's 256 KiB, so idle connections cost
    little memory. It also survives running out of file descriptors: asyncio (3.11) then schedules a
    restart of the listening socket once per failed accept in its loop (up to the backlog, thousands), and all
    but the first restart fail with a traceback each (megabytes of log a second). Here a restart of
    a socket that is already being served does nothing.
    """

    handshake_timeout = 10.0

    def _make_ssl_transport(self, *args: Any, **kwargs: Any) -> Any:
        # asyncio gives every TLS connection a 256 KiB read buffer from the moment it is accepted
        # (sslproto.SSLProtocol.max_size): 600 idle connections held 177 MiB, and glibc kept it after
        # they closed. TLS records are at most 16 KiB, so a 32 KiB buffer reads as fast.
        transport = super()._make_ssl_transport(*args, **kwargs)  # type: ignore[misc]
        protocol = getattr(transport, "_ssl_protocol", None)
        if protocol is not None and hasattr(protocol, "_ssl_buffer_view"):  # CPython's sslproto
            protocol.max_size = TLS_READ_BUFFER
            protocol._ssl_buffer = bytearray(TLS_READ_BUFFER)
            protocol._ssl_buffer_view = memoryview(protocol._ssl_buffer)
        return transport

    def _start_serving(self, protocol_factory: Any, sock: Any, *args: Any, **kwargs: Any) -> None:
        if sock.fileno() == -1:  # closed meanwhile (the server is stopping)
            return
        try:
            self._selector.get_key(sock.fileno())  # type: ignore[attr-defined]
        except (KeyError, ValueError):
            super()._start_serving(protocol_factory, sock, *args, **kwargs)  # type: ignore[misc]

    async def create_server(self, *args: Any, **kwargs: Any) -> asyncio.Server:  # type: ignore[override]
        if kwargs.get("ssl") is not None and kwargs.get("ssl_handshake_timeout") is None:
            kwargs["ssl_handshake_timeout"] = self.handshake_timeout
        return await super().create_server(*args, **kwargs)


def _loop_factory(handshake_timeout: float) -> _GuardedLoop:
    loop = _GuardedLoop()
    loop.handshake_timeout = handshake_timeout
    return loop


def raise_open_file_limit() -> None:
    """Let the server use as many file descriptors as it may (the soft limit up to the hard one)."""
    try:
        import resource
    except ImportError:  # not on Unix
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 65536
    if soft != resource.RLIM_INFINITY and soft < hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def return_large_buffers_to_the_system() -> None:
    """Let glibc hand large freed buffers back to the system at once (bounded server memory).

    By default glibc raises its mmap threshold after the first large free, after which envelope-sized
    buffers stay in the heap of each worker thread; a fixed 1 MiB threshold keeps memory bounded.
    """
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        libc = ctypes.CDLL(name)
        m_mmap_threshold = -3
        libc.mallopt(m_mmap_threshold, 1024 * 1024)
    except (OSError, AttributeError):  # not glibc: nothing to tune
        return


def uvicorn_config(app: Starlette, settings: IntakeSettings, *, cert_file: Path | None, key_file: Path | None,
                   host: str = "127.0.0.1", port: int = 0, log_level: str = "warning",
                   own_logging: bool = False) -> uvicorn.Config:
    """The uvicorn settings the intake runs with (the guarded protocol, keep-alive, TLS).

    ``own_logging``: the caller has set up logging (serve); uvicorn leaves it alone.
    """
    tls = cert_file is not None and key_file is not None
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=guarded_protocol(settings.header_timeout, settings.http_parser),
        log_level=log_level,
        log_config=None if own_logging else uvicorn.config.LOGGING_CONFIG,
        access_log=False,  # the intake's own access log names no client (intake.access)
        ssl_certfile=str(cert_file) if tls else None,
        ssl_keyfile=str(key_file) if tls else None,
        lifespan="on",
        timeout_keep_alive=int(max(1, settings.keep_alive_timeout)),
        timeout_graceful_shutdown=1,
        server_header=False,
        date_header=True,
        backlog=1024,
    )


def run_server(server: uvicorn.Server, settings: IntakeSettings, sockets: list[socket.socket] | None = None,
               ) -> None:
    """Run ``server`` until it stops, in a loop with the handshake timeout."""
    with asyncio.Runner(loop_factory=lambda: _loop_factory(settings.header_timeout)) as runner:
        runner.run(server.serve(sockets=sockets))


class BackgroundIntake:
    """An intake served from a daemon thread; use as a context manager or call start()/stop().

    Without ``settings`` it runs with demo settings (any sender key, no rate limit), as demo mode
    and most tests want; pass :class:`IntakeSettings` to run with a municipality's limits.
    """

    def __init__(
        self,
        db_path: Path | str | IntakeStore,
        receipt_signing_key: Ed25519PrivateKey,
        *,
        cert_file: Path | None,
        key_file: Path | None,
        max_body: int = DEFAULT_MAX_BODY,
        reference_prefix: str = "DEMO",
        port: int = 0,
        app: Starlette | None = None,
        recipient_key_ids: Collection[str] | None = None,
        recipient_keys: Mapping[str, bytes] | None = None,
        settings: IntakeSettings | None = None,
    ) -> None:
        self.settings = settings or IntakeSettings.for_demo(max_body=max_body,
                                                            reference_prefix=reference_prefix)
        self.app = app or create_app(
            db_path,
            receipt_signing_key,
            recipient_key_ids=recipient_key_ids,
            recipient_keys=recipient_keys,
            settings=self.settings,
        )
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", port))
        self.port: int = self._socket.getsockname()[1]
        tls = cert_file is not None and key_file is not None
        config = uvicorn_config(self.app, self.settings, cert_file=cert_file, key_file=key_file,
                                port=self.port)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name="underret-intake", daemon=True)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def store(self) -> IntakeStore:
        """The app's envelope store (to inspect what arrived)."""
        store: IntakeStore = self.app.state.store
        return store

    def _run(self) -> None:
        run_server(self._server, self.settings, sockets=[self._socket])

    def start(self, timeout: float = 10.0) -> BackgroundIntake:
        """Start serving; returns once the server accepts connections."""
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the intake did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread."""
        self._server.should_exit = True
        self._thread.join(timeout=5)
        self._socket.close()

    def __enter__(self) -> BackgroundIntake:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
