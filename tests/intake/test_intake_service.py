"""The reference intake: stores envelopes once, still encrypted, and answers with signed receipts."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from intake import keys
from intake.cli import main as intake_cli
from protocol.envelope import envelope_sha256
from protocol.receipts import decode_response, verify_receipt

if TYPE_CHECKING:
    from tests.intake.conftest import PostgresCluster, RunningIntake

MARKER = "Fiktiv Østergaard 010199-4321".encode()


def _post(intake: RunningIntake, key: str | None, body: bytes):  # type: ignore[no-untyped-def]
    headers = {"Idempotency-Key": key} if key is not None else {}
    return intake.client.post("/v1/envelopes", content=body, headers=headers)


def test_health_answers_over_tls(running_intake: RunningIntake) -> None:
    assert running_intake.client.get("/v1/health").json() == {"status": "ok"}


def test_new_envelope_gets_a_signed_receipt_with_a_reference_number(running_intake: RunningIntake) -> None:
    nid, body = running_intake.seal()
    answer = _post(running_intake, nid, body)
    assert answer.status_code == 201
    receipt_json, signature = decode_response(answer.content)
    public = keys.load_public(running_intake.key_files.receipt_public)
    receipt = verify_receipt(
        receipt_json, signature, public, notification_id=nid, envelope_sha256=envelope_sha256(body)
    )
    assert receipt.reference.startswith("DEMO-")
    assert receipt.reference.endswith("-000001")


def test_retry_with_identical_bytes_returns_the_original_receipt_and_stores_once(
    running_intake: RunningIntake,
) -> None:
    nid, body = running_intake.seal()
    first = _post(running_intake, nid, body)
    second = _post(running_intake, nid, body)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.content == second.content
    assert running_intake.server.store.count(nid) == 1


def test_same_notification_with_other_bytes_is_a_conflict_and_the_first_is_kept(
    running_intake: RunningIntake,
) -> None:
    nid, body = running_intake.seal()
    _, other = running_intake.seal(nid, extra=b"changed")
    assert _post(running_intake, nid, body).status_code == 201
    answer = _post(running_intake, nid, other)
    assert answer.status_code == 409
    assert answer.json()["error"] == "intake.conflict"
    assert running_intake.server.store.find(nid).envelope == body  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("key", "body_kind", "status", "error"),
    [
        (None, "valid", 400, "intake.idempotency_key_missing"),
        ("not-a-uuid", "valid", 400, "intake.idempotency_key_invalid"),
        ("own", "garbage", 400, "intake.malformed"),
        ("other", "valid", 400, "intake.key_mismatch"),
        ("own", "huge", 413, "intake.too_large"),
        ("own", "huge_unannounced", 413, "intake.too_large"),  # chunked: no Content-Length to refuse by
    ],
)
def test_bad_requests_are_refused_with_a_reason(
    running_intake: RunningIntake, key: str | None, body_kind: str, status: int, error: str
) -> None:
    nid, body = running_intake.seal()
    header = {"own": nid, "other": str(uuid.uuid4())}.get(key or "", key)
    if body_kind == "huge_unannounced":
        pieces = iter([body] + [os.urandom(32 * 1024)] * 3)  # a generator: httpx sends it chunked
        answer = running_intake.client.post("/v1/envelopes", content=pieces,
                                            headers={"Idempotency-Key": nid})
    else:
        body = {"valid": body, "garbage": b"UNDRTENV\x01garbage", "huge": os.urandom(65 * 1024)}[body_kind]
        answer = _post(running_intake, header, body)
    assert answer.status_code == status
    assert answer.json()["error"] == error
    assert running_intake.server.store.count() == 0


def test_envelope_with_a_broken_sender_signature_is_refused(running_intake: RunningIntake) -> None:
    nid, body = running_intake.seal()
    damaged = body[:-1] + bytes([body[-1] ^ 1])
    answer = _post(running_intake, nid, damaged)
    assert answer.status_code == 400
    assert "signature_invalid" in answer.json()["reason"]


def test_caseworker_lists_and_decrypts_with_the_private_key(
    running_intake: RunningIntake, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nid, body = running_intake.seal()
    _post(running_intake, nid, body)
    assert intake_cli(["list", "--db", str(running_intake.db)]) == 0
    assert nid in capsys.readouterr().out
    out = tmp_path / "opened"
    code = intake_cli(
        [
            "decrypt",
            nid,
            "--db",
            str(running_intake.db),
            "--key",
            str(running_intake.key_files.recipient_private),
            "--out",
            str(out),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    assert (out / "notification.json").read_bytes() == b'{"c":"' + MARKER + b'"}'
    assert (out / "notification.pdf").read_bytes() == b"%PDF-" + MARKER
    assert "sender signature: valid" in printed
    assert "sender key fingerprint:" in printed


def test_intake_database_never_holds_plaintext(running_intake: RunningIntake, request: pytest.FixtureRequest,
                                               ) -> None:
    for _ in range(3):
        nid, body = running_intake.seal()
        _post(running_intake, nid, body)
    if running_intake.server.store.dialect == "sqlite":
        files = list(Path(running_intake.db).parent.glob("intake.sqlite*"))
    else:  # every file of the PostgreSQL server, after the rows were written out to the data files
        with running_intake.server.store.transaction() as tx:
            tx.execute("CHECKPOINT")
        cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
        files = [path for path in cluster.data.rglob("*") if path.is_file()]
    assert files
    for path in files:
        assert MARKER not in path.read_bytes()


def test_decrypt_with_the_wrong_key_fails_plainly(
    running_intake: RunningIntake, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nid, body = running_intake.seal()
    _post(running_intake, nid, body)
    other = keys.generate(tmp_path / "other", "kommune-test")
    code = intake_cli(
        [
            "decrypt",
            "1",
            "--db",
            str(running_intake.db),
            "--key",
            str(other.recipient_private),
            "--out",
            str(tmp_path / "o"),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "intake.wrong_key" in err and "different key under the same id" in err
    assert not (tmp_path / "o").exists()


def test_envelope_altered_in_the_intake_database_is_refused_at_decryption(
    running_intake: RunningIntake, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nid, body = running_intake.seal()
    _post(running_intake, nid, body)
    for position in (20, len(body) // 2, len(body) - 70):
        damaged = bytearray(body)
        damaged[position] ^= 0x40
        with running_intake.server.store.transaction() as tx:
            tx.execute("UPDATE envelopes SET envelope = ? WHERE idempotency_key = ?", (bytes(damaged), nid))
        out = tmp_path / f"o{position}"
        code = intake_cli(
            [
                "decrypt",
                nid,
                "--db",
                str(running_intake.db),
                "--key",
                str(running_intake.key_files.recipient_private),
                "--out",
                str(out),
            ]
        )
        assert code == 1
        err = capsys.readouterr().err
        assert "intake.envelope_damaged" in err and "nothing was written" in err
        assert not out.exists()
