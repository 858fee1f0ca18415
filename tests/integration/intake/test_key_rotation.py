"""A municipality rotates its intake key without losing a notification.

The real chain: keys made by ``underret-intake keygen``, a guideline pack
(and a policy) listing them, a real vault finalising a real notification
sealed to the keys in force, the real outbox sender posting it over TLS to
the real intake on 127.0.0.1, and ``underret-intake decrypt`` with one key.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import socket
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from desktop.config.policy import IntakeKey as PolicyIntakeKey
from desktop.config.policy import Policy
from desktop.domain.forms import load_form
from desktop.domain.packs import GuidelinePack, load_pack_bytes, packs_dir
from desktop.outbox.finalise import finalise_notification
from desktop.outbox.sender import OutboxSender
from desktop.outbox.target import IntakeTarget, intake_target, make_transport
from desktop.store.keys import new_vault_key
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake import cli, keys
from intake.server import BackgroundIntake
from intake.tls import CertificateAuthority
from protocol.envelope import seal, verify_sender_signature
from tests.support.answers import complete_answers_for

OLD_ID = "kommune-2026"
NEW_ID = "kommune-2027"
CHILD_NAME = "Fiktiv Ærø Østergaard"


@dataclass
class Municipality:
    """What IT holds after keygen: the old key set, a rotation key, TLS for the intake."""

    old: keys.KeyFiles
    new_private: Path
    new_public: Path
    ca: CertificateAuthority
    cert_file: Path
    key_file: Path
    folder: Path

    def public(self, path: Path) -> dict[str, str]:
        value: dict[str, str] = json.loads(path.read_text("ascii"))
        return value

    def intake(self, *accepted: Path) -> BackgroundIntake:
        """A real TLS intake told which recipient keys it holds (the public files, as ``--accept-key``)."""
        return BackgroundIntake(
            self.folder / f"intake-{len(list(self.folder.glob('intake-*')))}.sqlite",
            keys.load_receipt_signing_key(self.old.receipt_private),
            cert_file=self.cert_file,
            key_file=self.key_file,
            reference_prefix="KOM",
            # None: told no key ids, the intake accepts any (as before key rotation existed).
            recipient_key_ids=[keys.load_recipient_key_id(path) for path in accepted] if accepted else None,
        )

    def pack(self, endpoint: str, *public_files: Path) -> GuidelinePack:
        """The national pack made the municipality's: its intake lists these keys (as a YAML file would)."""
        data = yaml.safe_load((packs_dir() / "national.yaml").read_bytes())
        data["intake"] = {
            "required": True,
            "endpoint": endpoint,
            "keys": [
                {"key_id": self.public(p)["key_id"], "public_key": self.public(p)["public_key"]}
                for p in public_files
            ],
            "receipt_key": self.public(self.old.receipt_public)["public_key"],
            "ca_pem": self.ca.cert_pem.decode("ascii"),
        }
        return load_pack_bytes(yaml.safe_dump(data, allow_unicode=True).encode(), "kommune.yaml")


@pytest.fixture
def municipality(tmp_path: Path) -> Municipality:
    assert cli.main(["keygen", "--out", str(tmp_path / "keys-2026"), "--key-id", OLD_ID]) == 0
    # Rotation: only a new recipient key pair; the receipt signing key stays the same.
    assert cli.main(["keygen", "--out", str(tmp_path / "keys-2027"), "--key-id", NEW_ID,
                     "--recipient-only"]) == 0
    new_folder = tmp_path / "keys-2027"
    assert sorted(p.name for p in new_folder.iterdir()) == [keys.RECIPIENT_PRIVATE, keys.RECIPIENT_PUBLIC]
    ca = CertificateAuthority("Underret rotation test CA")
    cert, key = ca.issue_server("127.0.0.1").write(tmp_path / "tls", "server")
    old = keys.KeyFiles(*(tmp_path / "keys-2026" / name for name in (
        keys.RECIPIENT_PRIVATE, keys.RECIPIENT_PUBLIC, keys.RECEIPT_PRIVATE, keys.RECEIPT_PUBLIC)))
    return Municipality(old, new_folder / keys.RECIPIENT_PRIVATE, new_folder / keys.RECIPIENT_PUBLIC,
                        ca, cert, key, tmp_path)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened = Vault.open(tmp_path / "profile" / "vault.db", bytes(new_vault_key()), create=True)
    try:
        yield opened
    finally:
        opened.close()


def _answers() -> dict[str, Any]:
    """The shared fictitious notification, about a child whose name has Danish letters."""
    answers = complete_answers_for()
    answers["child.name"] = CHILD_NAME
    return answers


def _finalise_and_send(vault: Vault, pack: GuidelinePack, target: IntakeTarget) -> str:
    """What the app does: seal to the target's keys at finalisation, then the outbox sends it."""
    draft = vault.notifications.create_draft(_answers(), "review", "FØ")
    finalise_notification(vault, draft, load_form(), pack, list(target.recipients), "da", datetime.now(UTC))
    _run_outbox(vault, target)
    return draft


def _run_outbox(vault: Vault, target: IntakeTarget) -> None:
    """One pass of the app's outbox sender over the real transport to the target."""
    transport = make_transport(target, timeout=10.0)
    try:
        OutboxSender(lambda: vault, transport, target.receipt_key).run_once()
    finally:
        transport.close()


def _decrypt(intake: BackgroundIntake, reference: str, key_file: Path, out: Path,
             capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["decrypt", reference, "--db", intake.store.target, "--key", str(key_file),
                     "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_while_rotating_a_notification_sealed_to_both_keys_is_read_with_the_new_key_alone_or_the_old_alone(
        municipality: Municipality, vault: Vault, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Step 1 of the rotation: the pack lists the old and the new key; the intake already holds the new one.
    with municipality.intake(municipality.new_public) as switched:
        pack = municipality.pack(switched.url, municipality.old.recipient_public, municipality.new_public)
        target = intake_target(pack)
        assert [r.key_id for r in target.recipients] == [OLD_ID, NEW_ID]
        draft = _finalise_and_send(vault, pack, target)

        summary = vault.notifications.get_summary(draft)
        assert summary.state is NotificationState.RECEIPTED, summary.last_error
        stored = switched.store.find(draft)
        assert stored is not None
        assert verify_sender_signature(stored.envelope).key_ids == (OLD_ID, NEW_ID)
        assert summary.reference is not None

        # IT sees which keys each arrival is sealed to (when is the old key no longer needed?).
        assert cli.main(["list", "--db", switched.store.target]) == 0
        assert f"\t{OLD_ID},{NEW_ID}\n" in capsys.readouterr().out

        # The caseworker holding only the NEW private key reads it.
        code, out, err = _decrypt(switched, summary.reference, municipality.new_private, tmp_path / "new",
                                  capsys)
        assert code == 0, err
        assert f"opened with key {NEW_ID}" in out and "sender signature: valid" in out
        document = vault.notifications.get_document(draft)
        assert (tmp_path / "new" / "notification.json").read_bytes() == document
        assert (tmp_path / "new" / "notification.pdf").read_bytes() == vault.notifications.get_pdf(draft)

    # An intake that still holds only the OLD key (not switched yet) takes the same envelope and reads it.
    with municipality.intake(municipality.old.recipient_public) as not_switched:
        transport = make_transport(intake_target(municipality.pack(not_switched.url,
                                                                   municipality.old.recipient_public)))
        try:
            result = transport.deliver(draft, stored.envelope)
        finally:
            transport.close()
        assert result.status == 201
        reference = not_switched.store.find(draft).reference  # type: ignore[union-attr]
        code, out, err = _decrypt(not_switched, reference, municipality.old.recipient_private,
                                  tmp_path / "old", capsys)
        assert code == 0, err
        assert f"opened with key {OLD_ID}" in out
        assert (tmp_path / "old" / "notification.json").read_bytes() == document
        assert json.loads(document)["child"]["name"] == CHILD_NAME


def test_policy_intake_keys_replace_the_pack_keys_and_an_intake_without_them_refuses_with_a_reason(
        municipality: Municipality, vault: Vault, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new_public = municipality.public(municipality.new_public)
    # Last step of the rotation done centrally: the policy names only the new key; the pack still the old.
    policy = Policy(intake_keys=[PolicyIntakeKey(id=new_public["key_id"],
                                                 public_key=new_public["public_key"])])
    with municipality.intake(municipality.old.recipient_public) as holds_only_old:
        pack = municipality.pack(holds_only_old.url, municipality.old.recipient_public)
        target = intake_target(pack, policy)
        assert [r.key_id for r in target.recipients] == [NEW_ID]

        _, envelope_for_new_only = _sealed_outbox_envelope(vault, pack, target)
        context = ssl.create_default_context(cadata=municipality.ca.cert_pem.decode())
        with httpx.Client(base_url=holds_only_old.url, verify=context, timeout=10) as client:
            answer = client.post("/v1/envelopes", content=envelope_for_new_only,
                                 headers={"Idempotency-Key": verify_sender_signature(
                                     envelope_for_new_only).notification_id})
        assert answer.status_code == 422
        assert answer.json()["error"] == "intake.unknown_recipient_key"
        assert NEW_ID in answer.json()["reason"] and OLD_ID in answer.json()["reason"]
        assert holds_only_old.store.list() == []  # nobody there could open it: not stored

        # The app's outbox gets the same refusal: the item is failed with a reason, never marked sent.
        draft = _send_queued(vault, target)
        summary = vault.notifications.get_summary(draft)
        assert summary.state is NotificationState.FAILED
        assert summary.sent_at is None and summary.reference is None
        assert summary.last_error == "intake.unknown_recipient_key"  # the intake's own reason, shown as such


def test_decrypting_with_a_key_the_envelope_is_not_sealed_to_names_both_key_ids(
        municipality: Municipality, vault: Vault, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with municipality.intake() as accepts_any:
        pack = municipality.pack(accepts_any.url, municipality.new_public)
        draft = _finalise_and_send(vault, pack, intake_target(pack))
        reference = vault.notifications.get_summary(draft).reference
        assert reference is not None
        code, _, err = _decrypt(accepts_any, reference, municipality.old.recipient_private,
                                  tmp_path / "out", capsys)
    assert code == 1
    assert f"sealed to key id(s) {NEW_ID}" in err and f"hold {OLD_ID}" in err
    assert not (tmp_path / "out").exists()


def _sealed_outbox_envelope(vault: Vault, pack: GuidelinePack, target: IntakeTarget) -> tuple[str, bytes]:
    draft = vault.notifications.create_draft(_answers(), "review", "FØ")
    finalise_notification(vault, draft, load_form(), pack, list(target.recipients), "da", datetime.now(UTC))
    return draft, vault.outbox.envelope(draft)


def _send_queued(vault: Vault, target: IntakeTarget) -> str:
    (draft,) = [item.notification_id for item in vault.outbox.due_entries(datetime.now(UTC))]
    _run_outbox(vault, target)
    return draft


def test_an_envelope_sealed_to_old_and_new_carries_both_key_ids_in_clear_but_no_content(
        municipality: Municipality, vault: Vault) -> None:
    pack = municipality.pack("https://intake.kommune.example/v1/envelopes",
                             municipality.old.recipient_public, municipality.new_public)
    _, envelope = _sealed_outbox_envelope(vault, pack, intake_target(pack))
    header = verify_sender_signature(envelope)
    assert header.key_ids == (OLD_ID, NEW_ID)
    assert CHILD_NAME.encode() not in envelope
    assert base64.b64encode(CHILD_NAME.encode()) not in envelope


def test_it_serves_with_accept_key_for_old_and_new_and_then_with_the_new_key_only(
        municipality: Municipality) -> None:
    """``underret-intake serve --accept-key``: the command IT runs while rotating, then after."""
    old_recipient = keys.load_recipient_private(municipality.old.recipient_private).public()

    def sealed_to_old_only() -> tuple[str, bytes]:
        nid = str(uuid.uuid4())
        return nid, seal(notification_id=nid, form_version="1.0", files={"notification.json": b"{}"},
                         recipients=[old_recipient], sender_seed=os.urandom(32))

    def serve(*accepted: Path) -> int:
        nid, body = sealed_to_old_only()
        with _served(municipality, accepted) as client:
            answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
        if answer.status_code == 422:
            assert answer.json()["error"] == "intake.unknown_recipient_key"
            assert OLD_ID in answer.json()["reason"] and NEW_ID in answer.json()["reason"]
        return answer.status_code

    # During the change-over the intake holds both keys: an envelope from a PC with the old pack is taken.
    assert serve(municipality.old.recipient_public, municipality.new_public) == 201
    # After the old key is removed, an envelope sealed only to it is refused: nobody could open it.
    assert serve(municipality.new_public) == 422


def test_keygen_never_overwrites_a_key_and_refuses_a_key_id_the_policy_would_refuse(
        municipality: Municipality, capsys: pytest.CaptureFixture[str]) -> None:
    before = municipality.old.recipient_private.read_bytes()
    folder = str(municipality.old.recipient_private.parent)
    assert cli.main(["keygen", "--out", folder, "--key-id", "kommune-2028", "--recipient-only"]) == 1
    assert "never overwritten" in capsys.readouterr().err
    assert municipality.old.recipient_private.read_bytes() == before
    assert cli.main(["keygen", "--out", str(municipality.folder / "k"), "--key-id", "kommune 2028",
                     "--recipient-only"]) == 1
    assert "intake.key_id_invalid" in capsys.readouterr().err
    assert not (municipality.folder / "k").exists()


@contextlib.contextmanager
def _served(municipality: Municipality, accepted: tuple[Path, ...]) -> Iterator[httpx.Client]:
    """``underret-intake serve`` in its own process over TLS on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = municipality.folder / f"served-{port}.sqlite"
    accept = [arg for path in accepted for arg in ("--accept-key", str(path))]
    server = subprocess.Popen(
        [sys.executable, "-m", "intake.cli", "serve", "--port", str(port), "--db", str(db),
         "--receipt-key", str(municipality.old.receipt_private), "--cert", str(municipality.cert_file),
         "--key", str(municipality.key_file), "--open", *accept],  # --open: enrolment is tested elsewhere
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        context = ssl.create_default_context(cadata=municipality.ca.cert_pem.decode())
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=context, timeout=5) as client:
            deadline = time.monotonic() + 30
            while True:
                try:
                    assert client.get("/v1/health").json() == {"status": "ok"}
                    break
                except httpx.ConnectError:
                    assert time.monotonic() < deadline and server.poll() is None, "intake did not start"
                    time.sleep(0.1)
            yield client
    finally:
        server.terminate()
        server.wait(10)
