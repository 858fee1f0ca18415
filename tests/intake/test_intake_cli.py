"""A municipality runs ``underret-intake`` itself; demo mode runs the same intake on loopback."""

from __future__ import annotations

import base64
import os
import socket
import ssl
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

from intake import keys
from protocol.envelope import seal, sender_public_key


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "intake.cli", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_it_department_generates_keys_serves_over_tls_and_lists_what_arrived(tmp_path: Path) -> None:
    """Keys, a token for the PCs' policy, serve; an unenrolled PC is refused, an enrolled one receipted."""
    assert _cli("keygen", "--out", str(tmp_path / "keys"), "--key-id", "kommune-2026").returncode == 0
    db = tmp_path / "intake.sqlite"
    made = _cli("token", "create", "--db", str(db), "--label", "skoler 2026")
    assert made.returncode == 0, made.stderr
    token = made.stdout.split(": ", 1)[1].split()[0]
    assert _cli("demo-tls", "--out", str(tmp_path / "tls")).returncode == 0
    assert oct((tmp_path / "keys" / keys.RECIPIENT_PRIVATE).stat().st_mode & 0o777) == "0o600"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "intake.cli",
            "serve",
            "--port",
            str(port),
            "--db",
            str(db),
            "--receipt-key",
            str(tmp_path / "keys" / keys.RECEIPT_PRIVATE),
            "--cert",
            str(tmp_path / "tls" / "server.crt"),
            "--key",
            str(tmp_path / "tls" / "server.key"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        context = ssl.create_default_context(cafile=str(tmp_path / "tls" / "ca.crt"))
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=context, timeout=5) as client:
            deadline = time.monotonic() + 30
            while True:
                try:
                    assert client.get("/v1/health").json() == {"status": "ok"}
                    break
                except httpx.ConnectError:
                    assert time.monotonic() < deadline and server.poll() is None, "intake did not start"
                    time.sleep(0.1)
            nid = str(uuid.uuid4())
            recipient = keys.load_recipient_private(tmp_path / "keys" / keys.RECIPIENT_PRIVATE).public()
            seed = os.urandom(32)
            body = seal(
                notification_id=nid,
                form_version="1.0",
                files={"notification.json": b"{}"},
                recipients=[recipient],
                sender_seed=seed,
            )
            refused = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
            assert refused.status_code == 403 and refused.json()["error"] == "intake.sender_not_enrolled"
            public = base64.b64encode(sender_public_key(seed)).decode()
            wrong = client.post("/v1/senders", json={"public_key": public},
                                headers={"Authorization": "Bearer ut1-not-the-token"})
            assert wrong.status_code == 403 and wrong.json()["error"] == "intake.enrolment_token_invalid"
            enrolled = client.post("/v1/senders", json={"public_key": public},
                                   headers={"Authorization": f"Bearer {token}"})
            assert enrolled.status_code == 201
            answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
            assert answer.status_code == 201
    finally:
        server.terminate()
        server.wait(10)
    listing = _cli("list", "--db", str(db))
    assert listing.returncode == 0
    header, row = listing.stdout.splitlines()
    assert header.startswith("seq\treference") and nid in row and "DEMO-" in row
    assert db.stat().st_mode & 0o777 == 0o600


def test_plain_http_serving_is_refused_unless_loopback_demo(tmp_path: Path) -> None:
    keys.generate(tmp_path / "keys", "k")
    done = _cli(
        "serve",
        "--host",
        "0.0.0.0",
        "--db",
        str(tmp_path / "db.sqlite"),
        "--receipt-key",
        str(tmp_path / "keys" / keys.RECEIPT_PRIVATE),
        "--loopback-http",
    )
    assert done.returncode == 2
    assert "--cert" in done.stderr


def test_serve_names_a_key_file_given_in_the_wrong_place(tmp_path: Path) -> None:
    """IT mixes up keygen's files: serve says which file it got and which one it needs, not "incomplete"."""
    folder = tmp_path / "keys"
    keys.generate(folder, "kommune-2026")
    assert _cli("message-keygen", "--out", str(tmp_path / "msg"), "--key-id", "msg-2026").returncode == 0
    for wrong, named in ((folder / keys.RECIPIENT_PRIVATE, "recipient's private key"),
                         (folder / keys.RECIPIENT_PUBLIC, "a public key"),
                         (tmp_path / "msg" / "message-signing.key.json", "message-signing key")):
        done = _cli("serve", "--host", "127.0.0.1", "--port", "9", "--loopback-http",
                    "--db", str(tmp_path / "db.sqlite"), "--receipt-key", str(wrong))
        assert done.returncode != 0
        assert named in done.stderr and keys.RECEIPT_PRIVATE in done.stderr, done.stderr
    done = _cli("serve", "--host", "127.0.0.1", "--port", "9", "--loopback-http",
                "--db", str(tmp_path / "db.sqlite"), "--receipt-key", str(folder / keys.RECEIPT_PRIVATE),
                "--accept-key", str(folder / keys.RECIPIENT_PRIVATE))
    assert done.returncode != 0
    assert "is a private key; give the public one" in done.stderr, done.stderr


def test_a_listing_read_only_in_part_ends_quietly(tmp_path: Path) -> None:
    """IT pipes a long listing into ``head`` (or quits ``less``): it ended in a BrokenPipeError traceback."""
    from datetime import UTC, datetime

    from intake.storage import open_store

    db = tmp_path / "intake.sqlite"
    store = open_store(str(db))
    try:
        for number in range(1500):  # more lines than a pipe holds, so the writer meets the closed end
            store.create_token(f"school {number}", datetime.now(UTC))
    finally:
        store.close()
    done = subprocess.run(
        f"{sys.executable} -m intake.cli token list --db {db} | head -1", shell=True, capture_output=True,
        text=True, timeout=60, check=False)
    assert done.stdout.startswith("id") or done.stdout.count("\n") == 1, done.stdout
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


def test_every_argument_of_every_subcommand_says_what_it_is_in_help() -> None:
    """IT learns the commands from `underret-intake SUBCOMMAND --help`: no bare `--out OUT` or `action`."""
    import argparse

    from intake.cli import _parser

    [sub] = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    bare = [f"{name} {action.option_strings or action.dest}" for name, parser in sub.choices.items()
            for action in parser._actions if not action.help and action.dest != "help"]
    assert bare == []
