"""Run the intake in a background thread on a loopback port (demo mode and tests).

``BackgroundIntake`` binds 127.0.0.1 on a free port, serves the app with
uvicorn over TLS (certificate and key files given), and stops cleanly.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Collection
from pathlib import Path
from types import TracebackType

import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.applications import Starlette

from intake.app import DEFAULT_MAX_BODY, create_app
from intake.storage import IntakeStore


class BackgroundIntake:
    """An intake served from a daemon thread; use as a context manager or call start()/stop()."""

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
    ) -> None:
        self.app = app or create_app(
            db_path,
            receipt_signing_key,
            max_body,
            reference_prefix=reference_prefix,
            recipient_key_ids=recipient_key_ids,
        )
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", port))
        self.port: int = self._socket.getsockname()[1]
        tls = cert_file is not None and key_file is not None
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            ssl_certfile=str(cert_file) if tls else None,
            ssl_keyfile=str(key_file) if tls else None,
            lifespan="on",
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name="underret-intake", daemon=True)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def store(self) -> IntakeStore:
        """The app's envelope store (to inspect what arrived)."""
        store: IntakeStore = self.app.state.store
        return store

    def _run(self) -> None:
        self._server.run(sockets=[self._socket])

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
