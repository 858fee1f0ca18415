"""The intake killed (SIGKILL) mid-burst keeps every receipt it gave and stores each notification once.

Seen from outside in issue 13's attack, kept here so it stays true on both databases: after the
restart every receipt a PC holds names a stored envelope (the same receipt comes back for a resend),
and resending everything leaves exactly one row per notification.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import httpx

from intake.storage import open_store

if TYPE_CHECKING:
    from tests.intake.conftest import Municipality

ENVELOPES = 150


def _serve(municipality: Municipality, db: str, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "intake.cli", "serve", "--port", str(port), "--db", db,
         "--receipt-key", str(municipality.key_files.receipt_private), "--cert", str(municipality.cert),
         "--key", str(municipality.key), "--open", "--rate-per-minute", "0", "--min-free-bytes", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(cadata=municipality.ca.cert_pem.decode())
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"https://127.0.0.1:{port}/v1/health", verify=context, timeout=2).status_code == 200:
                return server
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            server.wait(10)
            raise AssertionError("the intake did not start")
        time.sleep(0.1)


def test_killed_mid_burst_the_intake_keeps_every_receipt_it_gave_and_stores_each_once(
        municipality: Municipality, db_target: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    envelopes = [municipality.seal(os.urandom(32), 32 * 1024) for _ in range(ENVELOPES)]
    context = ssl.create_default_context(cadata=municipality.ca.cert_pem.decode())
    receipts: dict[str, bytes] = {}
    lock = threading.Lock()
    server = _serve(municipality, db_target, port)
    try:
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=context, timeout=10) as client:

            def post(nid: str, body: bytes) -> None:
                with contextlib.suppress(httpx.HTTPError):
                    answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
                    if answer.status_code in (200, 201):
                        with lock:
                            receipts[nid] = answer.content

            with ThreadPoolExecutor(8) as pool:
                for nid, body in envelopes:
                    pool.submit(post, nid, body)
                deadline = time.monotonic() + 60
                while len(receipts) < 10 and time.monotonic() < deadline:
                    time.sleep(0.005)
                server.send_signal(signal.SIGKILL)  # mid-burst: posts are being received and stored
                server.wait(10)
        given = dict(receipts)
        assert 10 <= len(given) < ENVELOPES, "the kill must come in the middle of the burst"

        server = _serve(municipality, db_target, port)
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=context, timeout=10) as client:
            for nid, body in envelopes:  # the PCs send again whatever they hold no receipt for, and more
                answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
                if nid in given:
                    assert (answer.status_code, answer.content) == (200, given[nid]), "a receipt was lost"
                else:
                    assert answer.status_code in (200, 201), answer.text
    finally:
        server.kill()
        server.wait(10)
    store = open_store(db_target)
    try:
        assert store.count() == ENVELOPES
        assert all(store.count(nid) == 1 for nid, _ in envelopes)
    finally:
        store.close()
