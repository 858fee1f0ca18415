"""Intake benchmarks: a normal post beside 500 idle or slow connections; memory under 50 parallel uploads.

The intake runs as IT runs it: ``underret-intake serve`` in a process of its own, over TLS (test CA),
SQLite, any sender (``--open``). Measured from outside: the time a normal 1 MB post takes while
500 connections sit there (200 that never start TLS, 200 TLS connections that send nothing, 100 that
trickle request headers); the server process's peak resident memory while 50 clients upload a 30 MB
envelope each at once (every one must be receipted).
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
from rows import Row

from intake import keys
from intake.tls import CertificateAuthority
from protocol.envelope import RecipientKey, seal

IDLE = int(os.environ.get("UNDERRET_BENCH_INTAKE_IDLE", "500"))
UPLOADS = int(os.environ.get("UNDERRET_BENCH_INTAKE_UPLOADS", "50"))
UPLOAD_MB = 30


class ServedIntake:
    """``underret-intake serve`` in its own process on a free loopback port."""

    def __init__(self, folder: Path, *extra: str) -> None:
        self.keys = keys.generate(folder / "keys", "bench")
        ca = CertificateAuthority("bench CA")
        cert, key = ca.issue_server("127.0.0.1").write(folder / "tls", "server")
        self.context = ssl.create_default_context(cadata=ca.cert_pem.decode())
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "intake.cli", "serve", "--port", str(self.port),
             "--db", str(folder / "i.sqlite"), "--receipt-key", str(self.keys.receipt_private),
             "--cert", str(cert), "--key", str(key), "--open",
             "--min-free-bytes", "0", *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"https://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with httpx.Client(verify=self.context, timeout=2) as client:
                    if client.get(self.url + "/v1/health").status_code == 200:
                        break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError("the intake did not start")
            time.sleep(0.1)

    def recipient(self) -> RecipientKey:
        return keys.load_recipient_private(self.keys.recipient_private).public()

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(15)


def _envelope(recipient: RecipientKey, size: int) -> tuple[str, bytes]:
    nid = str(uuid.uuid4())
    return nid, seal(notification_id=nid, form_version="1.0",
                     files={"notification.json": b"{}", "notification.pdf": os.urandom(size)},
                     recipients=[recipient], sender_seed=os.urandom(32))


def _post_with_idle_connections(folder: Path) -> float:
    intake = ServedIntake(folder)
    held: list[socket.socket] = []
    try:
        for n in range(IDLE):
            sock = socket.create_connection(("127.0.0.1", intake.port))
            if n % 5 in (1, 2):  # TLS done, then nothing
                sock = intake.context.wrap_socket(sock, server_hostname="127.0.0.1")
            elif n % 5 == 3:  # trickling headers
                sock = intake.context.wrap_socket(sock, server_hostname="127.0.0.1")
                sock.sendall(b"POST /v1/envelopes HTTP/1.1\r\nHost: x\r\n")
            held.append(sock)
        nid, body = _envelope(intake.recipient(), 1024 * 1024)
        with httpx.Client(verify=intake.context, timeout=30) as client:
            started = time.perf_counter()
            answer = client.post(intake.url + "/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
            elapsed = time.perf_counter() - started
        if answer.status_code != 201:
            raise RuntimeError(f"the normal post was answered {answer.status_code}")
        return elapsed
    finally:
        for sock in held:
            sock.close()
        intake.stop()


def _parallel_uploads(folder: Path) -> tuple[float, int]:
    intake = ServedIntake(folder, "--max-body", str(40 * 1024 * 1024))
    peak = [intake.rss_mib()]
    done = threading.Event()
    try:
        recipient = intake.recipient()
        envelopes = [_envelope(recipient, UPLOAD_MB * 1024 * 1024) for _ in range(UPLOADS)]

        def watch() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], intake.rss_mib())
                time.sleep(0.02)

        statuses: list[int] = []

        def upload(nid: str, body: bytes) -> None:
            with httpx.Client(verify=intake.context, timeout=300) as client:
                statuses.append(client.post(intake.url + "/v1/envelopes", content=body,
                                            headers={"Idempotency-Key": nid}).status_code)

        watcher = threading.Thread(target=watch)
        watcher.start()
        threads = [threading.Thread(target=upload, args=item) for item in envelopes]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        done.set()
        watcher.join()
        return peak[0], statuses.count(201)
    finally:
        done.set()
        intake.stop()


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        post = _post_with_idle_connections(folder / "idle")
        peak, receipted = _parallel_uploads(folder / "uploads")
    return [
        Row(f"intake: a normal 1 MB post with {IDLE} idle/slow connections open", post, "s", target=1.0),
        Row(f"intake: server memory, {UPLOADS} parallel {UPLOAD_MB} MB uploads", peak, "MiB", target=200.0),
        Row(f"intake: of {UPLOADS} parallel uploads, not receipted", float(UPLOADS - receipted), "uploads",
            target=0.0),
    ]
