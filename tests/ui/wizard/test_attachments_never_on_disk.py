"""An attachment's content never reaches the disk outside the vault, and it travels intact.

A person attaches a PDF and a photo with the wizard's attachments editor (real files chosen from a
folder of their own), the draft is saved and finalised into a real envelope in a real vault. Then
every file under the user data folder, the test's own folder (except the folder the files were
chosen from) and the system's temp folder is scanned for the content: the PDF's marker text and
slices of the cleaned picture's bytes. Finally the envelope is opened with the municipality's key,
in memory and with the intake's own ``decrypt`` command: the files are the cleaned bytes, byte for
byte.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.documents.pdf import render_pdf
from desktop.domain.observations import build_attachments
from desktop.outbox.finalise import finalise_document
from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.profiles import ProfileDirectory
from desktop.store.vault import Vault
from intake.keys import generate, load_recipient_private
from protocol.envelope import RecipientPrivateKey, open_envelope
from tests.support.attachments import FIELD, Draft, a_pdf, jpeg_with_metadata
from tests.support.document import sample_document

CHEAP = ScryptParams(n=2**10, r=8, p=1)


def _files(folder: Path, *, skip: Path | None = None, since: float | None = None) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder, onerror=lambda _e: None):
        if skip is not None:
            dirs[:] = [d for d in dirs if Path(root) / d != skip]
        for name in names:
            path = Path(root) / name
            try:
                info = path.lstat()
            except OSError:
                continue
            if path.is_symlink() or not path.is_file() or info.st_size > 64 * 1024 * 1024:
                continue
            if since is not None and info.st_mtime < since:
                continue
            yield path


def _holding(needles: list[bytes], files: Iterator[Path]) -> list[str]:
    found = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for index, needle in enumerate(needles):
            if needle in data:
                found.append(f"{path} needle {index} at {data.index(needle)} of {len(data)}")
    return found


@pytest.mark.parametrize("checkpointed", [False, True], ids=["wal-not-checkpointed", "checkpointed"])
def test_attachments_stay_in_the_vault_and_arrive_byte_for_byte(
        qtbot: QtBot, tmp_path: Path, isolated_user_folders: Path, checkpointed: bool) -> None:
    started = time.time() - 2
    marker = f"MARKER-{uuid.uuid4().hex}"
    chosen = tmp_path / "chosen"  # the person's own folder: the originals are there, of course
    chosen.mkdir()
    (chosen / "fravær.pdf").write_bytes(a_pdf(marker))
    (chosen / "tavle.jpg").write_bytes(jpeg_with_metadata(320, 240, noise=True))
    info, key = ProfileDirectory(scrypt=CHEAP).create("Mette", KeyProtection.PASSPHRASE, "hemmelig")
    vault = Vault.open(info.vault_path, key)
    municipality = RecipientPrivateKey.generate("kommune-2026")
    try:
        draft = Draft(qtbot, vault, key)
        draft.attach(chosen / "fravær.pdf", chosen / "tavle.jpg")
        assert draft.keeper.save_now() and draft.keeper.draft_id is not None
        draft_id = draft.keeper.draft_id
        entries = draft.vault.notifications.get_draft(draft_id).answers[FIELD]
        cleaned = {e["name"]: vault.attachments.data(draft_id, e["id"]) for e in entries}
        assert marker.encode() in cleaned["fravær.pdf"]  # the PDF is carried as it is
        refs = build_attachments(entries)
        # Finalising reads the files the document lists from the vault, by their hashes.
        finalise_document(vault, sample_document(notification_id=draft_id, attachments=refs),
                          [municipality.public()], render_pdf)
        draft.keeper.stop()
        if checkpointed:
            vault.checkpoint()
        photo = cleaned["tavle.jpg"]
        # The picture's own compressed data (random pixels): slices from its middle and its end.
        needles = [marker.encode(), marker.encode("utf-16-le"),
                   *(photo[i:i + 48] for i in (len(photo) // 2, len(photo) - 100))]
        for needles_in in (_files(isolated_user_folders), _files(tmp_path, skip=chosen),
                           _files(Path(tempfile.gettempdir()), skip=chosen, since=started)):
            assert _holding(needles, needles_in) == []
        envelope = vault.outbox.envelope(draft_id)
    finally:
        vault.close()
    assert _holding(needles, _files(isolated_user_folders)) == []
    assert _holding(needles, _files(tmp_path, skip=chosen)) == []
    opened = open_envelope(envelope, {municipality.key_id: municipality})
    assert opened.files["attachment-1.pdf"] == cleaned["fravær.pdf"]
    assert opened.files["attachment-2.jpg"] == photo
    assert hashlib.sha256(photo).hexdigest() == refs[1].sha256


def test_the_intakes_decrypt_writes_out_the_cleaned_attachments(
        qtbot: QtBot, tmp_path: Path, vault: Vault, vault_key: bytes) -> None:
    keys = generate(tmp_path / "keys", "kommune-2026")
    recipient: RecipientPrivateKey = load_recipient_private(keys.recipient_private)
    (tmp_path / "brev.pdf").write_bytes(a_pdf("Brev fra skolen"))
    (tmp_path / "foto.jpg").write_bytes(jpeg_with_metadata(120, 90, noise=True))
    draft = Draft(qtbot, vault, vault_key)
    draft.attach(tmp_path / "brev.pdf", tmp_path / "foto.jpg")
    assert draft.keeper.save_now() and draft.keeper.draft_id is not None
    draft_id = draft.keeper.draft_id
    entries = vault.notifications.get_draft(draft_id).answers[FIELD]
    refs = build_attachments(entries)
    document = sample_document(notification_id=draft_id, attachments=refs)
    finalise_document(vault, document, [recipient.public()], render_pdf)
    draft.keeper.stop()
    envelope = tmp_path / "underretning.underret"
    envelope.write_bytes(vault.outbox.envelope(draft_id))
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "intake.cli", "decrypt", "--file", str(envelope),
                           "--key", str(keys.recipient_private), "--out", str(out)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    for entry, ref in zip(entries, refs, strict=True):
        assert (out / ref.file).read_bytes() == vault.attachments.data(draft_id, entry["id"])
    with (out / "attachment-2.jpg").open("rb") as handle:
        assert b"Exif" not in handle.read()
