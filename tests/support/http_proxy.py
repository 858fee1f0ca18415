"""A real HTTP proxy on 127.0.0.1: HTTP CONNECT tunnels and plain forwarded GETs, counted.

What a municipality's web proxy does for the app: secure e-mail goes through it
by CONNECT to the SMTP server's port, and the mailbox certificate's revocation
list is fetched through it by an ordinary proxied GET. ``allow_ports`` limits the
CONNECT targets (a proxy that only allows 443 refuses 587 with 403), and
``credentials`` makes it ask for a login (407 without the right one).
"""

from __future__ import annotations

import base64
import contextlib
import select
import socket
import threading
from urllib.parse import urlsplit


class HttpProxy:
    """The proxy; ``url`` is what a policy's ``proxy`` setting names."""

    def __init__(self, *, allow_ports: set[int] | None = None, credentials: tuple[str, str] | None = None):
        self.allow_ports = allow_ports
        self.credentials = credentials
        self.tunnels: list[str] = []  # "host:port" of every CONNECT let through
        self.refused: list[str] = []
        self.forwarded: list[str] = []  # URLs of plain requests passed on
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(32)
        self._sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _authorised(self, head: str) -> bool:
        if self.credentials is None:
            return True
        expected = base64.b64encode(":".join(self.credentials).encode()).decode()
        return any(line.lower().startswith("proxy-authorization:") and line.split(None, 2)[-1] == expected
                   for line in head.split("\r\n"))

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(30)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head_bytes, _, rest = data.partition(b"\r\n\r\n")
            head = head_bytes.decode("latin-1")
            method, target, _ = head.split("\r\n", 1)[0].split(" ", 2)
            if not self._authorised(head):
                self.refused.append(target)
                conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                             b"Proxy-Authenticate: Basic realm=\"kommune\"\r\nContent-Length: 0\r\n\r\n")
                return
            if method == "CONNECT":
                host, _, port = target.rpartition(":")
                if self.allow_ports is not None and int(port) not in self.allow_ports:
                    self.refused.append(target)
                    conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                    return
                upstream = socket.create_connection((host, int(port)), timeout=10)
                self.tunnels.append(target)
                conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                self._pipe(conn, upstream, rest)
                return
            parts = urlsplit(target)
            self.forwarded.append(target)
            with socket.create_connection((parts.hostname or "", parts.port or 80), timeout=10) as upstream:
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                lines = [f"{method} {path} HTTP/1.0"] + [
                    line for line in head.split("\r\n")[1:]
                    if not line.lower().startswith(("proxy-", "connection:", "keep-alive:"))]
                request = "\r\n".join(lines) + "\r\nConnection: close\r\n\r\n"
                upstream.sendall(request.encode("latin-1") + rest)
                while chunk := upstream.recv(65536):
                    conn.sendall(chunk)

    def _pipe(self, client: socket.socket, upstream: socket.socket, first: bytes) -> None:
        with upstream:
            if first:
                upstream.sendall(first)
            sockets = [client, upstream]
            while not self._stop.is_set():
                readable, _, _ = select.select(sockets, [], [], 0.2)
                for sock in readable:
                    try:
                        chunk = sock.recv(65536)
                    except OSError:
                        return
                    if not chunk:
                        return
                    (upstream if sock is client else client).sendall(chunk)

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._sock.close()
        self._thread.join(timeout=5)

