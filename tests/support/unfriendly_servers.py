"""Real servers on 127.0.0.1 that behave the way an unfriendly network does.

Each listens on a real socket and counts what it saw, so a test can show
what reached it (connections, request bodies) without timing anything:

* :class:`BlackHole`: accepts TCP and never says a word (no TLS handshake):
  an intake behind a broken firewall or a hung load balancer.
* :class:`Trickle`: completes TLS, reads the whole request, hands it to the
  real intake (which stores it) and then answers one byte per second.
* :class:`ResetMidBody`: completes TLS, reads the headers and part of the
  body, then resets the connection (TCP RST).
* :class:`BreaksAfter`: passes the first ``good`` requests on to the real
  intake and relays its answers, then resets every connection after reading
  the request: the way to the intake breaks in the middle of a long queue.
* :class:`OldTls`: a TLS server that only speaks TLS 1.2 with a cipher
  Underret refuses (no forward secrecy, SHA-1), or plain HTTP where TLS was
  expected: the handshake cannot succeed.

Used by the delivery tests and the delivery benchmark.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from pathlib import Path

import httpx

_LINGER_RESET = b"\x01\x00\x00\x00\x00\x00\x00\x00"  # SO_LINGER on, 0 s: close() sends a RST


class _Listener:
    """A listening socket on 127.0.0.1 with one thread per connection; ``close()`` ends it all."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.1)
        self.port: int = self._sock.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self.connections = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._open: list[socket.socket] = []
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
            with self._lock:
                self.connections += 1
                self._open.append(conn)
            threading.Thread(target=self._guarded, args=(conn,), daemon=True).start()

    def _guarded(self, conn: socket.socket) -> None:
        try:
            self.handle(conn)
        except (OSError, ssl.SSLError):
            pass
        finally:
            conn.close()

    def handle(self, conn: socket.socket) -> None:
        """Serve one connection (subclasses)."""
        raise NotImplementedError

    def wait_stop(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True once the server is closing."""
        return self._stop.wait(seconds)

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        with self._lock:
            for conn in self._open:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=5)


def _read_request(stream: socket.socket, body_limit: int | None = None) -> tuple[dict[str, str], bytes]:
    """The request's headers and body (up to ``body_limit`` bytes of it)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = stream.recv(65536)
        if not chunk:
            raise ConnectionResetError("client went away")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower().decode()] = value.strip().decode()
    wanted = int(headers.get("content-length", "0"))
    if body_limit is not None:
        wanted = min(wanted, body_limit)
    while len(body) < wanted:
        chunk = stream.recv(65536)
        if not chunk:
            raise ConnectionResetError("client went away")
        body += chunk
    return headers, body


class BlackHole(_Listener):
    """Accepts the connection and never sends or completes anything (it holds it until closed)."""

    def handle(self, conn: socket.socket) -> None:
        self.wait_stop(3600)


class Trickle(_Listener):
    """Completes TLS, passes the request to ``upstream`` (the real intake), answers one byte per second.

    ``bytes_sent`` is how much of its answer went out before the client hung up;
    ``answer_size`` how long the whole answer is.
    """

    ANSWER = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 40\r\n"
              b"Connection: close\r\n\r\n" + b"x" * 40)

    def __init__(self, context: ssl.SSLContext, upstream: str | None, ca_pem: bytes) -> None:
        self._context, self._upstream, self._ca = context, upstream, ca_pem
        self.bytes_sent = 0
        self.answer_size = len(self.ANSWER)
        self.client_left = threading.Event()
        self.bodies_received = 0
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        stream = self._context.wrap_socket(conn, server_side=True)
        headers, body = _read_request(stream)
        self.bodies_received += 1
        if self._upstream:
            context = ssl.create_default_context(cadata=self._ca.decode())
            with httpx.Client(verify=context, timeout=10) as client:
                client.post(self._upstream + "/v1/envelopes", content=body,
                            headers={"Idempotency-Key": headers.get("idempotency-key", "")})
        try:
            for index in range(len(self.ANSWER)):
                stream.sendall(self.ANSWER[index:index + 1])
                self.bytes_sent += 1
                if self.wait_stop(1.0):
                    return
        except OSError:
            self.client_left.set()
            raise


class ResetMidBody(_Listener):
    """Completes TLS, reads the headers and the first ``after`` bytes of the body, then resets."""

    def __init__(self, context: ssl.SSLContext, after: int = 4096) -> None:
        self._context, self._after = context, after
        self.partial_bodies = 0
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        stream = self._context.wrap_socket(conn, server_side=True)
        headers, _ = _read_request(stream, body_limit=self._after)
        if int(headers.get("content-length", "0")) > self._after:
            self.partial_bodies += 1
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_RESET)


class BreaksAfter(_Listener):
    """Relays the first ``good`` requests to ``upstream`` and its answers back; resets the ones after."""

    def __init__(self, context: ssl.SSLContext, upstream: str, ca_pem: bytes, good: int) -> None:
        self._context, self._upstream, self._ca, self._good = context, upstream, ca_pem, good
        self.bodies_received = 0
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        stream = self._context.wrap_socket(conn, server_side=True)
        while True:
            headers, body = _read_request(stream)
            self.bodies_received += 1
            if self.bodies_received > self._good:
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_RESET)
                return
            context = ssl.create_default_context(cadata=self._ca.decode())
            with httpx.Client(verify=context, timeout=10) as client:
                answer = client.post(self._upstream + "/v1/envelopes", content=body,
                                     headers={"Idempotency-Key": headers.get("idempotency-key", "")})
            stream.sendall(f"HTTP/1.1 {answer.status_code} OK\r\nContent-Type: application/json\r\n"
                           f"Content-Length: {len(answer.content)}\r\n\r\n".encode() + answer.content)


class OldTls(_Listener):
    """``kind`` "old_cipher": TLS 1.2 only, with a cipher Underret refuses; "plain_http": no TLS at all."""

    def __init__(self, kind: str, cert_file: Path, key_file: Path) -> None:
        self._kind = kind
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        context.maximum_version = ssl.TLSVersion.TLSv1_2
        context.set_ciphers("AES128-SHA:@SECLEVEL=0")
        self._context = context
        self.handshakes_failed = 0
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        if self._kind == "plain_http":
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        try:
            self._context.wrap_socket(conn, server_side=True)
        except ssl.SSLError:
            self.handshakes_failed += 1
            raise
