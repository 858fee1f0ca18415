"""The intake's inbox API for desks and the notifiers' mailboxes, over real TLS on SQLite and PostgreSQL.

A desk enrols once (IT's one-time token, or a desk certificate from the municipality's CA), fetches
sealed envelopes with their receipts, and shares content-free status with the other desks: the
first desk to record a step holds it. Sealed messages are relayed by mailbox id only, and a
mailbox answers only requests signed with its own key.
"""

from __future__ import annotations

import base64
import ssl
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from intake import keys
from intake.desks import DeskStore
from intake.server import BackgroundIntake
from intake.settings import IntakeSettings
from intake.storage import open_store
from protocol.envelope import envelope_sha256
from protocol.inbox import EnvelopeItem, MailboxMessage, StatusRecord, enrolment_message
from protocol.receipts import verify_receipt
from protocol.replies import ReplyKey, sign_mailbox_request
from tests.intake.conftest import MARKER, RunningIntake


def _token(intake: RunningIntake) -> str:
    store = open_store(intake.db)
    try:
        token, _ = DeskStore(store).create_token("modtagelsen", datetime.now(UTC))
    finally:
        store.close()
    return token


def _post(intake: RunningIntake, count: int) -> list[str]:
    ids = []
    for _ in range(count):
        nid, envelope = intake.seal()
        answer = intake.client.post("/v1/envelopes", content=envelope, headers={"Idempotency-Key": nid})
        assert answer.status_code == 201, answer.text
        ids.append(nid)
    return ids


def test_a_desk_enrols_once_with_its_token_and_fetches_sealed_envelopes_with_receipts(
        running_intake: RunningIntake) -> None:
    ids = _post(running_intake, 5)
    token = _token(running_intake)
    enrolled = running_intake.client.post("/v1/desk/enrol", json={"token": token, "name": "MK"})
    assert enrolled.status_code == 201
    again = running_intake.client.post("/v1/desk/enrol", json={"token": token, "name": "XY"})
    assert again.status_code == 401 and again.json()["error"] == "intake.desk_refused"
    receipt_key = base64.b64decode(enrolled.json()["receipt_public_key"])
    desk = _client(running_intake, enrolled.json()["credential"])
    first = desk.get("/v1/desk/envelopes", params={"after": 0, "limit": 3}).json()
    assert first["more"] is True and len(first["envelopes"]) == 3
    items = [EnvelopeItem.from_dict(item) for item in first["envelopes"]]
    rest = desk.get("/v1/desk/envelopes", params={"after": items[-1].seq}).json()
    items += [EnvelopeItem.from_dict(item) for item in rest["envelopes"]]
    assert rest["more"] is False
    assert [item.notification_id for item in items] == ids
    for item in items:  # the receipt the PC got: the desk's deadlines run from its signed time
        verify_receipt(item.receipt_json, item.receipt_signature, receipt_key,
                       notification_id=item.notification_id, envelope_sha256=envelope_sha256(item.envelope))
        assert MARKER not in item.envelope  # still sealed: the intake never decrypts
    assert running_intake.client.get("/v1/desk/envelopes").status_code == 401
    desk.close()


def _verify(intake: RunningIntake) -> ssl.SSLContext:
    return ssl.create_default_context(cadata=intake.ca.cert_pem.decode())


def _client(intake: RunningIntake, credential: str) -> httpx.Client:
    return httpx.Client(base_url=intake.server.url, verify=_verify(intake), timeout=10,

                        headers={"Authorization": f"Bearer {credential}"})


def _enrol(intake: RunningIntake, name: str) -> tuple[httpx.Client, str]:
    answer = intake.client.post("/v1/desk/enrol", json={"token": _token(intake), "name": name})
    assert answer.status_code == 201
    return _client(intake, answer.json()["credential"]), answer.json()["desk_id"]


def test_the_first_desk_to_record_a_step_holds_it_and_every_desk_sees_the_same_status(
        running_intake: RunningIntake) -> None:
    (nid,) = _post(running_intake, 1)
    one, one_id = _enrol(running_intake, "A")
    two, _ = _enrol(running_intake, "B")
    first = one.post("/v1/desk/status", json={"notification_id": nid, "step": "assessed", "initials": "MK"})
    assert first.status_code == 201
    retry = one.post("/v1/desk/status", json={"notification_id": nid, "step": "assessed", "initials": "MK"})
    assert retry.status_code == 200
    late = two.post("/v1/desk/status", json={"notification_id": nid, "step": "assessed", "initials": "LB"})
    assert late.status_code == 409 and late.json()["error"] == "intake.step_taken"
    standing = StatusRecord.from_dict(late.json()["record"])
    assert (standing.initials, standing.desk_id) == ("MK", one_id)
    seen = two.get("/v1/desk/status", params={"after": 0}).json()
    assert [(r["step"], r["initials"]) for r in seen["status"]] == [("assessed", "MK")]
    assert two.get("/v1/desk/status", params={"after": seen["cursor"]}).json()["status"] == []
    one.close()
    two.close()


@pytest.mark.parametrize("body", [
    {"notification_id": "not-a-uuid", "step": "assessed", "initials": "MK"},
    {"notification_id": str(uuid.uuid4()), "step": "decided", "initials": "MK"},
    {"notification_id": str(uuid.uuid4()), "step": "assessed", "initials": "Mette Kjær"},
    {"notification_id": str(uuid.uuid4()), "step": "assessed", "initials": "MK", "note": "Åse blev slået"},
])
def test_the_shared_status_takes_ids_steps_and_initials_and_nothing_else(
        running_intake: RunningIntake, body: dict[str, str]) -> None:
    desk, _ = _enrol(running_intake, "A")
    answer = desk.post("/v1/desk/status", json=body)
    assert answer.status_code == 400
    assert desk.get("/v1/desk/status").json()["status"] == []
    desk.close()


def test_a_revoked_desk_can_no_longer_fetch_or_record(running_intake: RunningIntake) -> None:
    desk, desk_id = _enrol(running_intake, "A")
    store = open_store(running_intake.db)
    try:
        assert DeskStore(store).revoke_desk(desk_id, datetime.now(UTC))
    finally:
        store.close()
    assert desk.get("/v1/desk/envelopes").status_code == 401
    desk.close()


def test_messages_are_relayed_by_mailbox_and_only_the_mailboxs_key_reads_them(
        running_intake: RunningIntake) -> None:
    desk, _ = _enrol(running_intake, "A")
    reply, other = ReplyKey.generate(), ReplyKey.generate()
    message_id = str(uuid.uuid4())
    sealed = b"UNDRTMSG\x01" + b"sealed bytes"
    headers = {"Message-Id": message_id, "Mailbox-Id": reply.mailbox_id}
    assert desk.post("/v1/desk/messages", content=sealed, headers=headers).status_code == 201
    assert desk.post("/v1/desk/messages", content=sealed, headers=headers).status_code == 200
    assert desk.post("/v1/desk/messages", content=b"other", headers=headers).status_code == 409
    path = f"/v1/mailboxes/{reply.mailbox_id}/messages?after=0"
    signed = sign_mailbox_request(reply, method="GET", path=path, when=datetime.now(UTC))
    answer = running_intake.client.get(path, headers=signed)
    assert answer.status_code == 200
    messages = [MailboxMessage.from_dict(item) for item in answer.json()["messages"]]
    assert [(m.message_id, m.body) for m in messages] == [(message_id, sealed)]
    foreign = sign_mailbox_request(other, method="GET", path=path, when=datetime.now(UTC))
    assert running_intake.client.get(path, headers=foreign).status_code == 401
    stale = sign_mailbox_request(reply, method="GET", path=path, when=datetime.now(UTC) - timedelta(hours=1))
    assert running_intake.client.get(path, headers=stale).status_code == 401
    assert running_intake.client.get(path).status_code == 401
    anybody = httpx.Client(base_url=running_intake.server.url, verify=_verify(running_intake),

                           timeout=10)
    assert anybody.post("/v1/desk/messages", content=sealed, headers=headers).status_code == 401
    anybody.close()
    desk.close()


def _desk_certificate(intake: RunningIntake, *, client_auth: bool) -> tuple[bytes,
                                                                            ec.EllipticCurvePrivateKey]:
    ca = intake.ca
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    usage = ExtendedKeyUsageOID.CLIENT_AUTH if client_auth else ExtendedKeyUsageOID.SERVER_AUTH
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Modtagelsen 2")]))
            .issuer_name(ca.certificate.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
            .sign(ca._key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM), key


def test_a_desk_enrols_with_a_certificate_from_the_municipalitys_desk_ca(running_intake: RunningIntake,
                                                                         tmp_path: Path) -> None:
    ca_file = tmp_path / "desk-ca.crt"
    ca_file.write_bytes(running_intake.ca.cert_pem)
    server = BackgroundIntake(running_intake.db,
                              keys.load_receipt_signing_key(running_intake.key_files.receipt_private),
                              cert_file=running_intake.folder / "tls" / "server.crt",
                              key_file=running_intake.folder / "tls" / "server.key",
                              settings=IntakeSettings.for_demo(desk_ca=ca_file)).start()
    client = httpx.Client(base_url=server.url, verify=_verify(running_intake),
                          timeout=10)
    try:
        for client_auth, expected in ((True, 201), (False, 401)):
            pem, private = _desk_certificate(running_intake, client_auth=client_auth)
            when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
            signature = private.sign(enrolment_message("Modtagelsen 2", when, der), ec.ECDSA(hashes.SHA256()))
            body = {"name": "Modtagelsen 2", "certificate": pem.decode(), "time": when,
                    "signature": base64.b64encode(signature).decode()}
            assert client.post("/v1/desk/enrol", json=body).status_code == expected
            # The same certificate's signature over another name is not accepted.
            assert client.post("/v1/desk/enrol", json={**body, "name": "Else"}).status_code == 401
    finally:
        client.close()
        server.stop()


def test_envelopes_every_desk_fetched_start_the_retention_clock(running_intake: RunningIntake) -> None:
    _post(running_intake, 3)
    one, _ = _enrol(running_intake, "A")
    two, _ = _enrol(running_intake, "B")
    store = running_intake.server.store

    def fetched() -> int:
        with store.read() as tx:
            return int(tx.execute("SELECT COUNT(*) FROM envelopes WHERE fetched_by_all_at IS NOT NULL")
                       .fetchone()[0])

    one.get("/v1/desk/envelopes", params={"after": 0})
    assert fetched() == 0
    two.get("/v1/desk/envelopes", params={"after": 0, "limit": 2})
    assert fetched() == 2
    one.close()
    two.close()


def _intake_cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "intake.cli", *args], capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout


def test_desk_tokens_are_made_listed_and_revoked_from_the_command_line(running_intake: RunningIntake) -> None:
    made = _intake_cli("desk-token", "create", "--db", running_intake.db, "--label", "modtagelsen 2")
    token = made.split(": ", 1)[1].splitlines()[0].strip()
    listed = _intake_cli("desk-token", "list", "--db", running_intake.db)
    assert "modtagelsen 2" in listed and token not in listed
    _intake_cli("desk-token", "revoke", "1", "--db", running_intake.db)
    refused = running_intake.client.post("/v1/desk/enrol", json={"token": token, "name": "x"})
    assert refused.status_code == 401


def test_the_message_signing_key_is_made_once_private_to_the_owner(tmp_path: Path) -> None:
    _intake_cli("message-keygen", "--out", str(tmp_path / "keys"), "--key-id", "aeroe-msg-2026")
    private = tmp_path / "keys" / "message-signing.key.json"
    assert private.stat().st_mode & 0o777 == 0o600
    assert "public_key" in (tmp_path / "keys" / "message-signing.pub.json").read_text()
    again = subprocess.run([sys.executable, "-m", "intake.cli", "message-keygen", "--out",
                            str(tmp_path / "keys"),
                            "--key-id", "aeroe-msg-2026"], capture_output=True, text=True, timeout=60)
    assert again.returncode != 0


def test_a_desk_lists_the_envelope_numbers_and_fetches_the_ones_it_lacks(
        running_intake: RunningIntake) -> None:
    ids = _post(running_intake, 4)
    desk, _ = _enrol(running_intake, "A")
    listed = desk.get("/v1/desk/seqs", params={"after": 0}).json()
    assert listed["more"] is False and len(listed["seqs"]) == 4
    wanted = [listed["seqs"][1], listed["seqs"][3]]
    answer = desk.get("/v1/desk/envelopes", params={"seqs": ",".join(map(str, wanted))}).json()
    assert [EnvelopeItem.from_dict(item).notification_id for item in answer["envelopes"]] == [ids[1], ids[3]]
    too_many = ",".join(str(n) for n in range(1, 202))
    assert desk.get("/v1/desk/envelopes", params={"seqs": too_many}).status_code == 400
    assert running_intake.client.get("/v1/desk/seqs").status_code == 401
    desk.close()


def test_the_relay_takes_no_message_larger_than_the_notifiers_app_will_open(
        running_intake: RunningIntake) -> None:
    """The app refuses a message over ``protocol.messages.MAX_MESSAGE_BYTES`` (64 KiB) unread, so the
    intake must not keep one either: it would sit in a mailbox and be fetched on every pass."""
    from protocol.messages import MAX_MESSAGE_BYTES

    desk, _ = _enrol(running_intake, "A")
    reply = ReplyKey.generate()

    def relay(size: int) -> httpx.Response:
        headers = {"Message-Id": str(uuid.uuid4()), "Mailbox-Id": reply.mailbox_id}
        return desk.post("/v1/desk/messages", content=b"U" * size, headers=headers)

    assert relay(MAX_MESSAGE_BYTES).status_code == 201
    too_large = relay(MAX_MESSAGE_BYTES + 1)
    assert too_large.status_code == 413 and too_large.json()["error"] == "intake.too_large"
    assert "64 KiB" in too_large.json()["reason"]
    assert relay(256 * 1024).status_code == 413
    desk.close()


def test_initials_with_a_line_break_after_them_are_not_initials(running_intake: RunningIntake) -> None:
    (nid,) = _post(running_intake, 1)
    desk, _ = _enrol(running_intake, "A")
    for initials in ("MK\n", "MK\r\n", "\nMK"):
        answer = desk.post("/v1/desk/status", json={"notification_id": nid, "step": "opened",
                                                    "initials": initials})
        assert answer.status_code == 400, initials
    assert desk.get("/v1/desk/status").json()["status"] == []
    desk.close()


def test_revoking_a_desk_that_never_fetched_starts_the_retention_clock_for_what_the_others_have(
        running_intake: RunningIntake) -> None:
    """A desk set up and then given up (revoked by IT) must not keep every envelope at the intake for
    ever: what every remaining desk has fetched is counted as fetched by all when the desk is revoked."""
    _post(running_intake, 3)
    one, _ = _enrol(running_intake, "A")
    _, abandoned = _enrol(running_intake, "B")
    store = running_intake.server.store

    def fetched_by_all() -> int:
        with store.read() as tx:
            return int(tx.execute("SELECT COUNT(*) FROM envelopes WHERE fetched_by_all_at IS NOT NULL")
                       .fetchone()[0])

    one.get("/v1/desk/envelopes", params={"after": 0})
    assert fetched_by_all() == 0  # B has not fetched them
    _intake_cli("desks", "revoke", abandoned, "--db", running_intake.db)
    assert fetched_by_all() == 3
    cutoff = datetime.now(UTC) + timedelta(seconds=5)
    assert store.delete_fetched_before(cutoff) == 3
    one.close()


def test_two_desks_claiming_the_same_step_at_the_same_moment_get_one_yes_and_one_no(
        running_intake: RunningIntake) -> None:
    """Both caseworkers press "Vurdér" at once, many times over: the intake lets exactly one hold it."""
    import threading

    ids = [str(uuid.uuid4()) for _ in range(15)]
    desks = [_enrol(running_intake, name)[0] for name in ("A", "B")]
    for nid in ids:
        answers: list[int] = []
        start = threading.Barrier(2)

        def claim(client: httpx.Client, initials: str, nid: str = nid, start: threading.Barrier = start,
                  answers: list[int] = answers) -> None:
            start.wait()
            answers.append(client.post("/v1/desk/status", json={"notification_id": nid, "step": "assessed",
                                                                 "initials": initials}).status_code)

        threads = [threading.Thread(target=claim, args=(desk, initials))
                   for desk, initials in zip(desks, ("MK", "LB"), strict=True)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(answers) == [201, 409], nid
    records = desks[0].get("/v1/desk/status", params={"after": 0}).json()["status"]
    assert sorted(r["notification_id"] for r in records) == sorted(ids)
    for desk in desks:
        desk.close()
