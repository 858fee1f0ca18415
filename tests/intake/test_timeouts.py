"""Idle and slow connections are closed by their timeouts; a locked database is a clean 503.

Findings from the attack on the intake (issue 13): an idle TLS connection was still open after 65 s;
244 idle sockets starved real posts; a database lock stalled the whole server and ended in a 500.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import socket
import sqlite3
import ssl
import subprocess
import sys
import time
import uuid
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from intake.app import IN_MEMORY_BODY, IN_MEMORY_RECEIVING
from intake.settings import IntakeSettings

if TYPE_CHECKING:
    from tests.intake.conftest import Municipality

FAST = IntakeSettings.for_demo(reference_prefix="KOM", header_timeout=1.0, body_idle_timeout=1.0,
                               keep_alive_timeout=1.0)


@pytest.fixture(params=["httptools", "h11"])
def fast(request: pytest.FixtureRequest) -> IntakeSettings:
    """Short timeouts, with each HTTP parser the intake can run (httptools when installed, else h11)."""
    return dataclasses.replace(FAST, http_parser=request.param)


def _closed_within(sock: socket.socket | ssl.SSLSocket, seconds: float) -> float:
    """Seconds until the server closed ``sock`` (reads return nothing); fails if it stays open."""
    started = time.monotonic()
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        pytest.fail(f"the connection was still open after {seconds} s")
    except (ConnectionResetError, ssl.SSLError):
        pass
    return time.monotonic() - started


def _tls(municipality: Municipality, port: int) -> ssl.SSLSocket:
    context = ssl.create_default_context(cadata=municipality.ca.cert_pem.decode())
    return context.wrap_socket(socket.create_connection(("127.0.0.1", port)), server_hostname="127.0.0.1")


def test_a_connection_that_never_starts_its_tls_handshake_is_closed(
        municipality: Municipality, fast: IntakeSettings) -> None:
    server, client = municipality.start(str(municipality.folder / "t.sqlite"), fast)
    try:
        with socket.create_connection(("127.0.0.1", server.port)) as idle:
            assert _closed_within(idle, 8) < 8
    finally:
        client.close()
        server.stop()


def test_an_idle_tls_connection_that_sends_no_request_is_closed(
        municipality: Municipality, fast: IntakeSettings) -> None:
    server, client = municipality.start(str(municipality.folder / "t.sqlite"), fast)
    try:
        with _tls(municipality, server.port) as idle:
            assert _closed_within(idle, 8) < 8
    finally:
        client.close()
        server.stop()


def test_a_request_whose_headers_trickle_in_is_closed(
        municipality: Municipality, fast: IntakeSettings) -> None:
    server, client = municipality.start(str(municipality.folder / "t.sqlite"), fast)
    try:
        with _tls(municipality, server.port) as slow:
            slow.sendall(b"POST /v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            started = time.monotonic()
            closed = False
            while time.monotonic() - started < 8 and not closed:
                try:
                    slow.sendall(b"X-Slow: 1\r\n")  # a header line every 0.2 s: never a complete request
                    slow.settimeout(0.2)
                    closed = slow.recv(4096) == b""
                except TimeoutError:
                    continue
                except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                    closed = True
            assert closed, "a slowloris request was still being read after 8 s"
    finally:
        client.close()
        server.stop()


def test_an_upload_that_stalls_is_given_up_with_408_and_nothing_is_stored(
        municipality: Municipality, fast: IntakeSettings) -> None:
    server, client = municipality.start(str(municipality.folder / "t.sqlite"), fast)
    try:
        nid, body = municipality.seal(os.urandom(32))
        with _tls(municipality, server.port) as slow:
            slow.sendall(f"POST /v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\nIdempotency-Key: {nid}\r\n"
                         f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:100])
            slow.settimeout(8)
            answer = b""
            while b"\r\n\r\n" not in answer:
                chunk = slow.recv(4096)
                if not chunk:
                    break
                answer += chunk
            assert answer.startswith(b"HTTP/1.1 408"), answer[:60]
        assert server.store.count() == 0
    finally:
        client.close()
        server.stop()


def test_a_normal_post_is_answered_while_many_idle_connections_are_open(municipality: Municipality) -> None:
    settings = IntakeSettings.for_demo(reference_prefix="KOM")
    server, client = municipality.start(str(municipality.folder / "t.sqlite"), settings)
    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(100)]
    idle += [_tls(municipality, server.port) for _ in range(20)]
    try:
        nid, body = municipality.seal(os.urandom(32))
        answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
        assert answer.status_code == 201
    finally:
        for sock in idle:
            sock.close()
        client.close()
        server.stop()


def test_slow_uploads_held_in_memory_hold_up_nobody(municipality: Municipality, db_target: str) -> None:
    """Envelopes of modest size are received into memory (no spool file on the event loop), from a fixed
    share: slow clients that declared 4 MiB each and stopped can use it up, but a normal post then
    waits on disk as a large one does and is answered at once; a large one too."""
    settings = IntakeSettings.for_demo(reference_prefix="KOM", body_idle_timeout=30.0)
    server, client = municipality.start(db_target, settings)
    share, largest = IN_MEMORY_RECEIVING, IN_MEMORY_BODY
    slow = [_tls(municipality, server.port) for _ in range(share // largest + 2)]
    try:
        for n, sock in enumerate(slow):
            head = (f"POST /v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\nIdempotency-Key: {uuid.uuid4()}\r\n"
                    f"Content-Length: {largest - n}\r\n\r\n")
            sock.sendall(head.encode() + b"UNDERRET" + b"\0" * 92)
        time.sleep(0.5)  # the server has read their headers and holds their share
        for size in (1024 * 1024, largest + 1024 * 1024):
            nid, body = municipality.seal(os.urandom(32), size)
            answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
            assert answer.status_code == 201, answer.text
            assert server.store.count(nid) == 1
    finally:
        for sock in slow:
            sock.close()
        client.close()
        server.stop()


def test_a_locked_database_is_a_503_with_retry_after_and_the_server_keeps_answering(
        municipality: Municipality, db_target: str) -> None:
    server, client = municipality.start(db_target, IntakeSettings.for_demo(reference_prefix="KOM"))
    release: Any = None
    try:
        if db_target.startswith("host="):  # someone's manual session holds the table
            import psycopg

            release = psycopg.connect(db_target)
            release.execute("LOCK TABLE envelopes IN ACCESS EXCLUSIVE MODE")
        else:  # a manual sqlite3 session holds the write lock
            release = sqlite3.connect(db_target, isolation_level=None)
            release.execute("BEGIN EXCLUSIVE")
        nid, body = municipality.seal(os.urandom(32))
        started = time.monotonic()
        answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"] == "intake.busy" and int(answer.headers["Retry-After"]) > 0
        assert "Traceback" not in answer.text
        assert time.monotonic() - started < 9
        release.close()
        release = None
        again = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
        assert again.status_code == 201
    finally:
        if release is not None:
            release.close()
        client.close()
        server.stop()


def test_every_answer_is_json_without_a_traceback_even_for_an_unexpected_failure(
        municipality: Municipality) -> None:
    server, client = municipality.start(str(municipality.folder / "t.sqlite"), FAST)
    try:
        server.store.close()  # the database gone under the running server
        nid, body = municipality.seal(os.urandom(32))
        answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
        assert answer.status_code in (500, 503)
        assert answer.json()["error"].startswith("intake.") and "Traceback" not in answer.text
        assert client.get("/v1/health").status_code in (200, 503)
    finally:
        client.close()
        server.stop()


_SERVE_WITH_FEW_FILES = """
import resource, sys
from intake import cli
resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))  # as a small server under a flood of sockets
sys.exit(cli.main(sys.argv[1:]))
"""


def test_a_flood_of_idle_sockets_starves_no_post_for_long_and_the_log_stays_small(
        municipality: Municipality) -> None:
    """64 file descriptors, 100 idle sockets: the header timeout closes them and posts go through again;
    running out of descriptors is logged a few lines a minute (it was 149 MB of tracebacks in 30 s)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = municipality.folder / "serve.log"
    with log.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-c", _SERVE_WITH_FEW_FILES, "serve", "--port", str(port),
             "--db", str(municipality.folder / "flood.sqlite"), "--receipt-key",
             str(municipality.key_files.receipt_private), "--cert", str(municipality.cert), "--key",
             str(municipality.key), "--open", "--min-free-bytes", "0", "--header-timeout", "1"],
            stdout=stderr, stderr=stderr)
    context = ssl.create_default_context(cadata=municipality.ca.cert_pem.decode())
    idle: list[socket.socket] = []
    try:
        url = f"https://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/v1/health", verify=context, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and server.poll() is None, log.read_text()[-2000:]
                time.sleep(0.1)
        for _ in range(100):  # more than the server has descriptors for; never closed by this client
            with contextlib.suppress(OSError):
                idle.append(socket.create_connection(("127.0.0.1", port), timeout=2))
        time.sleep(3)
        nid, body = municipality.seal(os.urandom(32))
        answer = None
        deadline = time.monotonic() + 20
        while answer is None or answer.status_code != 201:
            assert time.monotonic() < deadline, "no post got through while idle sockets were held"
            with contextlib.suppress(httpx.HTTPError):
                answer = httpx.post(url + "/v1/envelopes", content=body, headers={"Idempotency-Key": nid},
                                    verify=context, timeout=5)
            time.sleep(0.2)
    finally:
        for sock in idle:
            sock.close()
        server.terminate()
        server.wait(15)
    written = log.read_text()
    assert len(written) < 20_000, f"{len(written)} bytes of log: {written[:1500]}"
    assert written.count("Traceback") <= 3


def _rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_idle_tls_connections_cost_the_server_little_memory(municipality: Municipality) -> None:
    """An attacker's idle connections must not grow the server towards its memory limit: asyncio gave
    each TLS connection a 256 KiB buffer (600 idle connections held 177 MiB, kept after they closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = municipality.folder / "serve.log"
    with log.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "intake.cli", "serve", "--port", str(port),
             "--db", str(municipality.folder / "idle.sqlite"), "--receipt-key",
             str(municipality.key_files.receipt_private), "--cert", str(municipality.cert), "--key",
             str(municipality.key), "--open", "--min-free-bytes", "0", "--header-timeout", "60"],
            stdout=stderr, stderr=stderr)
    idle: list[socket.socket] = []
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                idle.append(_tls(municipality, port))
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, log.read_text()[-2000:]
                time.sleep(0.1)
        before = _rss_mib(server.pid)
        for _ in range(300):  # TLS done, then nothing: each holds the server's per-connection state
            idle.append(_tls(municipality, port))
        time.sleep(1)
        grown = _rss_mib(server.pid) - before
        assert grown < 45, f"300 idle TLS connections grew the server by {grown:.0f} MiB"
    finally:
        for sock in idle:
            sock.close()
        server.terminate()
        server.wait(15)
