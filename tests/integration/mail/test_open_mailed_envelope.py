"""The municipality's caseworker opens a notification that came by secure e-mail.

A notification goes through the real outbox by secure e-mail to a real SMTP
server on 127.0.0.1; the test plays the municipality's mail client: it
decrypts the S/MIME mail with the mailbox key, saves the attached
``underretning-<REF>.underret`` to a file and opens it with
``underret-intake decrypt --file``, exactly as the mail's own text says.
"""

from __future__ import annotations

import base64
import email
import email.policy
import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import pkcs7

from desktop.config.policy import IntakeKey, Policy
from desktop.domain.building import build_document
from desktop.domain.forms import load_form
from desktop.domain.packs import Municipality, load_pack, national_pack, shipped_packs
from desktop.outbox.finalise import finalise_and_queue
from desktop.outbox.sender import OutboxSender
from desktop.outbox.target import intake_target, make_transport
from desktop.store.vault import Vault
from intake import cli, keys
from protocol.envelope import fingerprint, sender_public_key, verify_sender_signature
from protocol.references import attachment_name
from tests.integration.mail.conftest import CPR, TEST_TIMEOUT, Mailbox, SmtpServer
from tests.support.answers import complete_answers_for

SmtpStarter = Callable[..., SmtpServer]
PolicyFor = Callable[..., Policy]


@dataclass
class MailedNotification:
    """What arrived in the secure mailbox for one notification, as the caseworker's mail client shows it."""

    notification_id: str
    raw_mail: bytes
    body_text: str
    attachment_name: str
    attachment: bytes


def _send_by_mail(vault: Vault, policy: Policy, server: SmtpServer, mailbox: Mailbox,
                  notification_id: str) -> MailedNotification:
    """One pass of the real outbox by secure e-mail; the received mail, S/MIME-decrypted."""
    pack = load_pack(next(p for p in shipped_packs() if p.stem == "national"))
    target = intake_target(pack, policy)
    transport = make_transport(target, timeout=TEST_TIMEOUT)
    try:
        report = OutboxSender(lambda: vault, transport, target.receipt_key).run_once()
    finally:
        transport.close()
    assert report.sent == [notification_id], report
    raw = server.received[-1].content
    inner = email.message_from_bytes(pkcs7.pkcs7_decrypt_smime(raw, mailbox.certificate, mailbox.key, []),
                                     policy=email.policy.default)
    assert isinstance(inner, EmailMessage)
    body = inner.get_body(("plain",))
    assert body is not None
    (part,) = [p for p in inner.iter_attachments()
               if p.get_content_type() == "application/vnd.underret.envelope"]
    name = part.get_filename()
    assert name is not None
    return MailedNotification(notification_id, raw, body.get_content(), name, part.get_content())


@pytest.fixture
def mailed(vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
           mail_policy: PolicyFor, mailbox: Mailbox) -> MailedNotification:
    server = smtp_server("starttls")
    return _send_by_mail(vault, mail_policy(server), server, mailbox, queue_notification())


def _save(folder: Path, name: str, data: bytes) -> Path:
    """What "save attachment" in the mail client does."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def _decrypt_file(path: Path, out: Path, capsys: pytest.CaptureFixture[str],
                  *key_files: Path) -> tuple[int, str, str]:
    argv = ["decrypt", "--file", str(path), "--out", str(out)]
    for key_file in key_files:
        argv += ["--key", str(key_file)]
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_caseworker_runs_the_command_the_mail_gives_on_the_saved_attachment_and_reads_the_notification(
        vault: Vault, mailed: MailedNotification, intake_key_file: Path, tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    saved = _save(downloads, mailed.attachment_name, mailed.attachment)
    assert mailed.attachment_name == attachment_name(mailed.notification_id)
    # The command as the mail's text gives it (Danish and English agree), with the caseworker's key
    # and folder filled in.
    (danish, english) = [line.strip() for line in mailed.body_text.splitlines()
                         if line.strip().startswith("underret-intake decrypt")]
    assert danish.replace("<mappe>", "<folder>") == english
    case_folder = tmp_path / "sag-2026-17"
    words = [{"recipient.key.json": str(intake_key_file), "<folder>": str(case_folder)}.get(word, word)
             for word in shlex.split(english)]
    assert words[:2] == ["underret-intake", "decrypt"]

    done = subprocess.run([sys.executable, "-m", "intake.cli", *words[1:]], cwd=downloads,
                          capture_output=True, text=True, timeout=60, check=False)

    assert done.returncode == 0, done.stderr
    assert "opened with key kommune-2026" in done.stdout
    assert "sender signature: valid" in done.stdout
    sender = fingerprint(sender_public_key(vault.profile.sender_key_seed()))
    assert f"sender key fingerprint: {sender}" in done.stdout
    reference = mailed.notification_id.split("-")[0].upper()
    assert f"reference: {reference}" in done.stdout
    assert f"notification: {mailed.notification_id}" in done.stdout
    document = (case_folder / "notification.json").read_bytes()
    assert document == vault.notifications.get_document(mailed.notification_id)
    assert CPR.encode() in document
    pdf = (case_folder / "notification.pdf").read_bytes()
    assert pdf == vault.notifications.get_pdf(mailed.notification_id)
    # Only where the caseworker said, readable by them alone; the saved attachment is untouched.
    assert sorted(p.name for p in case_folder.iterdir()) == ["notification.json", "notification.pdf"]
    assert oct(case_folder.stat().st_mode & 0o777) == "0o700"
    for name in ("notification.json", "notification.pdf"):
        assert oct((case_folder / name).stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in downloads.iterdir()) == [mailed.attachment_name]
    assert saved.read_bytes() == mailed.attachment


def test_the_mail_text_names_the_file_and_the_command_but_nothing_about_the_child(
        mailed: MailedNotification) -> None:
    assert f"--file {mailed.attachment_name}" in mailed.body_text
    assert "underret-intake decrypt" in mailed.body_text
    for text in (CPR, CPR.replace("-", ""), "Østergård", "Sørensen", mailed.notification_id):
        assert text not in mailed.body_text


def test_while_keys_rotate_a_mailed_notification_opens_with_either_key_file(
        vault: Vault, vault_key: bytes, smtp_server: SmtpStarter, mail_policy: PolicyFor,
        mailbox: Mailbox, intake_key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new_private, new_public = keys.generate_recipient(tmp_path / "keys-2027", "kommune-2027")
    old_public = keys.load_recipient_private(intake_key_file).public()
    policy_keys = [
        IntakeKey(id=old_public.key_id, public_key=base64.b64encode(old_public.public_key).decode()),
        IntakeKey(id="kommune-2027", public_key=base64.b64encode(keys.load_public(new_public)).decode()),
    ]
    server = smtp_server("starttls")
    policy = mail_policy(server, intake_keys=policy_keys)
    # Finalised by the app's own step under the rotating policy: sealed once, to both keys.
    answers = complete_answers_for()
    draft = vault.notifications.create_draft(answers, "review", "EH")
    now = datetime.now(UTC)
    document = build_document(load_form(), national_pack(), answers, notification_id=draft, created_at=now,
                              finalised_at=now, language="da")
    # The policy's mailbox is the PC's own municipality's, where the child lives (Demo Kommune, 999).
    own = national_pack().model_copy(update={"municipality": Municipality(name="Demo Kommune", code="999")})
    finalise_and_queue(lambda: Vault.open(vault.path, vault_key), own, policy, draft, document)
    mailed = _send_by_mail(vault, policy, server, mailbox, draft)
    assert verify_sender_signature(mailed.attachment).key_ids == ("kommune-2026", "kommune-2027")
    saved = _save(tmp_path / "mail", mailed.attachment_name, mailed.attachment)
    stored = vault.notifications.get_document(mailed.notification_id)

    code, out, err = _decrypt_file(saved, tmp_path / "new-only", capsys, new_private)
    assert code == 0, err
    assert "opened with key kommune-2027" in out
    assert (tmp_path / "new-only" / "notification.json").read_bytes() == stored

    code, out, err = _decrypt_file(saved, tmp_path / "old-only", capsys, intake_key_file)
    assert code == 0, err
    assert "opened with key kommune-2026" in out
    assert (tmp_path / "old-only" / "notification.json").read_bytes() == stored


def test_a_second_key_file_that_does_not_fit_is_passed_over_for_the_one_that_does(
        mailed: MailedNotification, intake_key_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    other, _ = keys.generate_recipient(tmp_path / "other", "kommune-anden")
    saved = _save(tmp_path / "mail", mailed.attachment_name, mailed.attachment)

    code, out, err = _decrypt_file(saved, tmp_path / "case", capsys, other, intake_key_file)

    assert code == 0, err
    assert "opened with key kommune-2026" in out
    assert (tmp_path / "case" / "notification.json").exists()


def test_an_attachment_damaged_on_the_way_is_refused_as_damaged_and_nothing_is_written(
        mailed: MailedNotification, intake_key_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    flipped = bytearray(mailed.attachment)
    flipped[len(flipped) // 2] ^= 0x01  # one bit in the payload
    cut_short = mailed.attachment[: len(mailed.attachment) - 100]
    for name, data in (("flipped", bytes(flipped)), ("cut-short", cut_short)):
        saved = _save(tmp_path / name, mailed.attachment_name, data)

        code, out, err = _decrypt_file(saved, tmp_path / f"case-{name}", capsys, intake_key_file)

        assert code == 1
        assert "intake.envelope_damaged" in err and mailed.attachment_name in err
        assert "nothing was written" in err
        assert "wrote" not in out
        assert not (tmp_path / f"case-{name}").exists()


def test_a_key_file_for_another_key_id_is_refused_naming_the_key_ids(
        mailed: MailedNotification, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other, _ = keys.generate_recipient(tmp_path / "other", "kommune-anden")
    saved = _save(tmp_path / "mail", mailed.attachment_name, mailed.attachment)

    code, _, err = _decrypt_file(saved, tmp_path / "case", capsys, other)

    assert code == 1
    assert "intake.wrong_key" in err
    assert "sealed to key id(s) kommune-2026" in err and "hold kommune-anden" in err
    assert not (tmp_path / "case").exists()


def test_a_key_made_again_under_the_same_key_id_is_refused_as_a_different_key(
        mailed: MailedNotification, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    remade, _ = keys.generate_recipient(tmp_path / "remade", "kommune-2026")
    saved = _save(tmp_path / "mail", mailed.attachment_name, mailed.attachment)

    code, _, err = _decrypt_file(saved, tmp_path / "case", capsys, remade)

    assert code == 1
    assert "intake.wrong_key" in err and "different key under the same id" in err
    assert not (tmp_path / "case").exists()


def test_the_whole_mail_or_its_smime_part_saved_by_mistake_is_refused_as_not_an_envelope(
        mailed: MailedNotification, intake_key_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    smime = email.message_from_bytes(mailed.raw_mail, policy=email.policy.default)
    assert isinstance(smime, EmailMessage)
    p7m = smime.get_content()
    assert isinstance(p7m, bytes)
    for name, data in (("mail.eml", mailed.raw_mail), ("smime.p7m", p7m), ("empty.underret", b"")):
        saved = _save(tmp_path / "mail", name, data)

        code, out, err = _decrypt_file(saved, tmp_path / "case", capsys, intake_key_file)

        assert code == 1
        assert "intake.not_an_envelope" in err and name in err
        assert "wrote" not in out
    assert not (tmp_path / "case").exists()


def test_a_file_that_is_not_there_is_refused_and_the_options_must_name_one_source(
        mailed: MailedNotification, intake_key_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _decrypt_file(tmp_path / "missing.underret", tmp_path / "case", capsys, intake_key_file)
    assert code == 1 and "intake.file_unreadable" in err

    saved = _save(tmp_path / "mail", mailed.attachment_name, mailed.attachment)
    both = cli.main(["decrypt", "1", "--db", str(tmp_path / "intake.sqlite"), "--file", str(saved),
                     "--key", str(intake_key_file), "--out", str(tmp_path / "case")])
    assert both == 2
    assert "either ID --db FILE" in capsys.readouterr().err
    assert not (tmp_path / "case").exists() and not (tmp_path / "intake.sqlite").exists()


def test_a_renamed_attachment_still_opens_and_the_output_names_the_envelope_s_true_reference(
        mailed: MailedNotification, intake_key_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    saved = _save(tmp_path / "mail", "underretning-0000AAAA.underret", mailed.attachment)

    code, out, err = _decrypt_file(saved, tmp_path / "case", capsys, intake_key_file)

    assert code == 0, err
    reference = mailed.notification_id.split("-")[0].upper()
    assert f"file the notification under {reference}" in out
