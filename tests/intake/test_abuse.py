"""Anyone can reach the intake's port: only enrolled PCs get envelopes stored, and no one can flood it.

Each test is a finding from the attack on the intake (issue 13): an unenrolled sender's envelope was
stored and receipted; one sender could post without limit; the reference prefix was not checked.
"""

from __future__ import annotations

import base64
import dataclasses
import logging
import os
import socket
import ssl
import time
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import httpx
import pytest

from intake import cli, keys
from intake.settings import IntakeSettings, SettingInvalid, check_reference_prefix
from intake.storage import open_store
from protocol.envelope import seal, sender_public_key

if TYPE_CHECKING:
    from tests.intake.conftest import Municipality

PRODUCTION = IntakeSettings(reference_prefix="KOM", min_free_bytes=0)


def _post(client: httpx.Client, nid: str, body: bytes) -> httpx.Response:
    return client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})


def _enrol(client: httpx.Client, db: str, seed: bytes) -> None:
    store = open_store(db)
    try:
        token, _ = store.create_token("test", datetime.now(UTC))
    finally:
        store.close()
    public = base64.b64encode(sender_public_key(seed)).decode()
    answer = client.post("/v1/senders", json={"public_key": public},
                         headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 201, answer.text


def test_an_unenrolled_sender_is_refused_and_nothing_is_stored_until_it_enrols(
        municipality: Municipality, db_target: str) -> None:
    server, client = municipality.start(db_target, PRODUCTION)
    try:
        seed = os.urandom(32)
        nid, body = municipality.seal(seed)
        refused = _post(client, nid, body)
        assert refused.status_code == 403 and refused.json()["error"] == "intake.sender_not_enrolled"
        assert server.store.count() == 0
        _enrol(client, db_target, seed)
        assert _post(client, nid, body).status_code == 201
        assert server.store.count() == 1
    finally:
        client.close()
        server.stop()


def test_a_large_envelope_from_an_unenrolled_sender_is_refused_before_it_is_read(
        municipality: Municipality, db_target: str, caplog: pytest.LogCaptureFixture) -> None:
    settings = IntakeSettings(reference_prefix="KOM", min_free_bytes=0, max_body=40 * 1024 * 1024)
    server, client = municipality.start(db_target, settings)
    caplog.set_level(logging.INFO, logger="intake.access")
    try:
        nid, body = municipality.seal(os.urandom(32), size=30 * 1024 * 1024)
        try:
            answer = _post(client, nid, body)
            assert answer.status_code == 403
        except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
            pass  # the intake answered and closed while the client was still sending: just as good
        assert server.store.count() == 0
    finally:
        client.close()
        server.stop()
    [line] = [r.getMessage() for r in caplog.records if r.name == "intake.access"]
    read = int(line.split(" in=")[1].split()[0])
    assert line.startswith("POST /v1/envelopes 403") and read < 1024 * 1024, line


def test_a_revoked_sender_is_refused_and_purge_removes_what_it_and_unenrolled_senders_sent(
        municipality: Municipality, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = os.urandom(32), os.urandom(32)
    open_server, open_client = municipality.start(db_target, IntakeSettings.for_demo(reference_prefix="KOM"))
    try:
        _enrol(open_client, db_target, good)
        _enrol(open_client, db_target, bad)
        stranger = [municipality.seal(os.urandom(32)) for _ in range(2)]
        kept = [municipality.seal(good) for _ in range(2)]
        revoked = [municipality.seal(bad) for _ in range(2)]
        for nid, body in stranger + kept + revoked:
            assert _post(open_client, nid, body).status_code == 201
    finally:
        open_client.close()
        open_server.stop()
    fingerprint = open_store(db_target).sender(sender_public_key(bad))
    assert fingerprint is not None
    assert cli.main(["senders", "revoke", fingerprint.fingerprint[:14], "--db", db_target]) == 0
    server, client = municipality.start(db_target, PRODUCTION)
    try:
        nid, body = municipality.seal(bad)
        answer = _post(client, nid, body)
        assert answer.status_code == 403 and answer.json()["error"] == "intake.sender_revoked"
    finally:
        client.close()
        server.stop()
    capsys.readouterr()
    assert cli.main(["purge", "--db", db_target]) == 0
    assert "4 envelopes from unenrolled or revoked senders" in capsys.readouterr().out
    assert open_store(db_target).count() == 6  # only listed
    assert cli.main(["purge", "--db", db_target, "--yes"]) == 0
    store = open_store(db_target)
    try:
        left = sorted(store.find(nid) is not None for nid, _ in stranger + kept + revoked)
        assert left == [False] * 4 + [True] * 2
        assert all(store.find(nid) is not None for nid, _ in kept)
    finally:
        store.close()


def test_a_flooding_sender_is_limited_with_retry_after_and_others_still_get_through(
        municipality: Municipality, tmp_path: pytest.TempPathFactory) -> None:
    settings = IntakeSettings.for_demo(reference_prefix="KOM", rate_per_minute=1, rate_burst=3)
    server, client = municipality.start(str(municipality.folder / "flood.sqlite"), settings)
    try:
        flooder = os.urandom(32)
        answers = [_post(client, *municipality.seal(flooder)) for _ in range(5)]
        assert [a.status_code for a in answers] == [201, 201, 201, 429, 429]
        assert answers[3].json()["error"] == "intake.rate_limited"
        assert 1 <= int(answers[3].headers["Retry-After"]) <= 60
        assert _post(client, *municipality.seal(os.urandom(32))).status_code == 201
        assert server.store.count() == 4
    finally:
        client.close()
        server.stop()


def test_a_resend_of_an_envelope_already_stored_does_not_use_up_the_sender_s_allowance(
        municipality: Municipality) -> None:
    """A PC that lost its receipts (a crash after the intake stored them) sends the same bytes again:
    the intake answers 200 with the original receipt, and its waiting notifications still get through."""
    settings = IntakeSettings.for_demo(reference_prefix="KOM", rate_per_minute=1, rate_burst=2)
    server, client = municipality.start(str(municipality.folder / "again.sqlite"), settings)
    try:
        seed = os.urandom(32)
        first = municipality.seal(seed)
        assert _post(client, *first).status_code == 201
        assert [_post(client, *first).status_code for _ in range(5)] == [200] * 5
        assert _post(client, *municipality.seal(seed)).status_code == 201  # the allowance is still there
        assert _post(client, *municipality.seal(seed)).status_code == 429  # and then used up
    finally:
        client.close()
        server.stop()


def test_the_default_limits_take_a_week_s_backlog_of_one_pc_at_once(municipality: Municipality) -> None:
    """With the old defaults (6 a minute, bursts of 30) a PC back after a week with 40 waiting got 429
    after 30 and needed minutes for the rest. A busy office's week goes at once; beyond that, Retry-After
    says seconds, not minutes."""
    settings = IntakeSettings.for_demo(reference_prefix="KOM")
    defaults = IntakeSettings()
    settings = dataclasses.replace(settings, rate_per_minute=defaults.rate_per_minute,
                                   rate_burst=defaults.rate_burst)
    server, client = municipality.start(str(municipality.folder / "week.sqlite"), settings)
    try:
        seed = os.urandom(32)
        taken = 0
        for _ in range(defaults.rate_burst + 50):  # a few more refill while these are posted
            over = _post(client, *municipality.seal(seed))
            if over.status_code != 201:
                break
            taken += 1
        assert taken >= defaults.rate_burst
        assert over.status_code == 429 and int(over.headers["Retry-After"]) <= 5
    finally:
        client.close()
        server.stop()


def test_whoever_reads_the_token_from_a_pc_s_policy_cannot_enrol_keys_without_end(
        municipality: Municipality) -> None:
    """Found from outside: the enrolment token is in every PC's readable policy, and each new key got its
    own rate and quota, so one token could enrol thousands of flooding keys. New keys per token are
    limited; a PC already enrolled is still answered at once."""
    settings = dataclasses.replace(PRODUCTION, enrol_per_hour=1, enrol_burst=2)
    db = str(municipality.folder / "enrol.sqlite")
    server, client = municipality.start(db, settings)
    try:
        token, _ = server.store.create_token("pcs", datetime.now(UTC))

        def enrol(seed: bytes) -> httpx.Response:
            public = base64.b64encode(sender_public_key(seed)).decode()
            return client.post("/v1/senders", json={"public_key": public},
                               headers={"Authorization": f"Bearer {token}"})

        first, second, third = os.urandom(32), os.urandom(32), os.urandom(32)
        assert [enrol(first).status_code, enrol(second).status_code] == [201, 201]
        refused = enrol(third)
        assert refused.status_code == 429 and refused.json()["error"] == "intake.enrolment_rate_limited"
        assert int(refused.headers["Retry-After"]) > 60
        assert enrol(first).status_code == 200  # already enrolled: no new key, not limited
        assert server.store.sender(sender_public_key(third)) is None
    finally:
        client.close()
        server.stop()


def test_a_sender_over_its_daily_quota_is_told_to_wait(municipality: Municipality, db_target: str) -> None:
    settings = IntakeSettings.for_demo(reference_prefix="KOM", quota_count=2)
    server, client = municipality.start(db_target, settings)
    try:
        seed = os.urandom(32)
        answers = [_post(client, *municipality.seal(seed)) for _ in range(3)]
        assert [a.status_code for a in answers] == [201, 201, 429]
        assert answers[2].json()["error"] == "intake.quota_exceeded" and answers[2].headers["Retry-After"]
    finally:
        client.close()
        server.stop()


def test_an_envelope_is_refused_with_507_when_the_disk_is_nearly_full(municipality: Municipality) -> None:
    settings = IntakeSettings.for_demo(reference_prefix="KOM", min_free_bytes=2**62)  # more than any disk
    server, client = municipality.start(str(municipality.folder / "full.sqlite"), settings)
    try:
        answer = _post(client, *municipality.seal(os.urandom(32)))
        assert answer.status_code == 507 and answer.json()["error"] == "intake.disk_full"
        assert client.get("/v1/health").status_code == 503
        assert server.store.count() == 0
    finally:
        client.close()
        server.stop()


def test_uploads_beyond_the_cap_are_answered_503_at_once_not_queued(municipality: Municipality) -> None:
    settings = IntakeSettings.for_demo(reference_prefix="KOM", max_uploads=1, body_idle_timeout=30)
    server, client = municipality.start(str(municipality.folder / "cap.sqlite"), settings)
    context = ssl.create_default_context(cadata=municipality.ca.cert_pem.decode())
    try:
        nid, body = municipality.seal(os.urandom(32))
        with context.wrap_socket(socket.create_connection(("127.0.0.1", server.port)),
                                 server_hostname="127.0.0.1") as slow:
            # One upload in progress: its headers and the first bytes, then a pause.
            slow.sendall(f"POST /v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\nIdempotency-Key: {nid}\r\n"
                         f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:100])
            deadline = time.monotonic() + 10
            while True:  # until the server has taken up the slow upload
                second = _post(client, *municipality.seal(os.urandom(32)))
                if second.status_code == 503 or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            assert second.status_code == 503 and second.json()["error"] == "intake.busy"
            assert int(second.headers["Retry-After"]) > 0
            slow.sendall(body[100:])
            slow.settimeout(10)
            answer = slow.recv(4096)
            assert answer.startswith(b"HTTP/1.1 201"), answer[:40]
    finally:
        client.close()
        server.stop()


@pytest.mark.parametrize("prefix", ["Ærø Kommune", "KBH 2026", "-KBH", "K" * 46])
def test_a_reference_prefix_the_app_would_refuse_stops_the_intake_at_start(
        prefix: str, municipality: Municipality, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SettingInvalid):
        check_reference_prefix(prefix)
    code = cli.main(["serve", "--db", str(municipality.folder / "x.sqlite"), "--receipt-key",
                     str(municipality.key_files.receipt_private), "--cert", str(municipality.cert), "--key",
                     str(municipality.key), f"--reference-prefix={prefix}"])
    assert code == 2
    assert "--reference-prefix" in capsys.readouterr().err
    assert not (municipality.folder / "x.sqlite").exists()


@pytest.mark.parametrize("prefix", ["KBH", "AEROE", "Ringsted.K", "K" * 45])
def test_plain_prefixes_are_accepted(prefix: str) -> None:
    check_reference_prefix(prefix)


def test_an_envelope_sealed_to_a_foreign_key_under_a_known_key_id_is_refused(
        municipality: Municipality) -> None:
    """``--accept-key`` compares the whole key: the same key id on another key is nobody's to open here."""
    foreign = keys.generate(municipality.folder / "foreign", "kommune-test")  # same id, another key
    settings = IntakeSettings.for_demo(reference_prefix="KOM")
    server, client = municipality.start(str(municipality.folder / "k.sqlite"), settings,
                                        accept=[municipality.key_files.recipient_public])
    try:
        nid = str(uuid.uuid4())
        body = seal(notification_id=nid, form_version="2.0", files={"notification.json": b"{}"},
                    recipients=[keys.load_recipient_private(foreign.recipient_private).public()],
                    sender_seed=os.urandom(32))
        answer = _post(client, nid, body)
        assert answer.status_code == 422 and answer.json()["error"] == "intake.unknown_recipient_key"
        assert "a different key under the key id(s) kommune-test" in answer.json()["reason"]
        assert _post(client, *municipality.seal(os.urandom(32))).status_code == 201  # the right key
        assert server.store.count() == 1
    finally:
        client.close()
        server.stop()


@pytest.mark.parametrize("odd", ["faktura.pdf.exe", "notification.pdf.lnk", "attachment-21.pdf",
                                 "readme.txt"])
def test_an_envelope_naming_a_file_the_app_never_sends_is_refused_and_not_stored(
        municipality: Municipality, odd: str) -> None:
    """Finding: a sender could put ``faktura.pdf.exe`` into a caseworker's folder. The manifest names every
    file in clear, so the intake refuses such an envelope before storing it (an enrolled PC too)."""
    server, client = municipality.start(str(municipality.folder / "odd.sqlite"),
                                        IntakeSettings.for_demo(reference_prefix="KOM"))
    try:
        recipient = keys.load_recipient_private(municipality.key_files.recipient_private).public()
        nid = str(uuid.uuid4())
        body = seal(notification_id=nid, form_version="2.0",
                    files={"notification.json": b"{}", odd: b"MZ\x90\x00"},
                    recipients=[recipient], sender_seed=os.urandom(32))
        answer = _post(client, nid, body)
        assert answer.status_code == 400 and answer.json()["error"] == "intake.unexpected_file"
        assert odd in answer.json()["reason"]
        assert server.store.count() == 0
    finally:
        client.close()
        server.stop()
