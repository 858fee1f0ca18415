"""Attaching files in the wizard: cleaned in memory, kept in the real vault, refused with a clear sentence.

The editor is the one the wizard draws for an ``attachments`` field, with the window's own store
(the draft's rows in a real SQLCipher vault, the draft created on the first file). Files are real
files in the test's folder; only the file dialog is replaced (tests hand in the chosen paths).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.store.vault import Vault
from desktop.ui.announce import announcements
from tests.support.attachments import FIELD, Draft, a_pdf, jpeg_with_metadata


@pytest.fixture
def draft(qtbot: QtBot, vault: Vault, vault_key: bytes) -> Iterator[Draft]:
    made = Draft(qtbot, vault, vault_key)
    yield made
    made.keeper.stop()


def test_an_attached_photo_is_kept_in_the_vault_without_exif_or_gps(draft: Draft, tmp_path: Path) -> None:
    photo = tmp_path / "Emma arm.jpg"
    photo.write_bytes(jpeg_with_metadata())
    draft.attach(photo)
    [entry] = draft.editor.value()
    assert entry["name"] == "Emma arm.jpg" and entry["media_type"] == "image/jpeg"
    assert draft.keeper.draft_id is not None  # the draft was created to hold it
    stored = draft.vault.attachments.data(draft.keeper.draft_id, entry["id"])
    with Image.open(BytesIO(stored)) as image:
        assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
    assert draft.editor.list.item(0).text().startswith("Emma arm.jpg – JPEG, ")
    assert "without hidden information" in draft.status()
    # The answers name it (autosaved like any answer): saving now stores exactly that entry.
    assert draft.keeper.save_now()
    assert draft.vault.notifications.get_draft(draft.keeper.draft_id).answers[FIELD] == [entry]


def _noise_png(path: Path, side: int = 1500) -> Path:
    """A PNG that does not compress (random pixels): about 6.8 MB."""
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(path, "PNG")
    return path


def test_more_than_10_mb_in_all_is_refused_with_a_clear_message(draft: Draft, tmp_path: Path) -> None:
    first = _noise_png(tmp_path / "første.png")
    second = _noise_png(tmp_path / "anden.png")
    draft.attach(first, second)
    assert [e["name"] for e in draft.editor.value()] == ["første.png"]
    assert draft.status() == ("anden.png: The file is too large: "
                              "all attachments together may be at most 10 MB.")
    assert len(draft.vault.attachments.list(draft.keeper.draft_id or "")) == 1
    huge = tmp_path / "scan.pdf"
    with huge.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    draft.attach(huge)
    assert draft.status().startswith("scan.pdf: The file is too large")
    assert "of 10 MB in all" in draft.editor.total_label.text()


@pytest.mark.parametrize(("content", "name", "expected"), [
    (b"GIF89a\x01\x00\x01\x00", "foto.jpg", "Only PDF, PNG and JPEG files can be attached"),
    (jpeg_with_metadata()[:300], "halv.jpg", "The picture is damaged"),
    (a_pdf()[:-300], "halv.pdf", "The PDF file is damaged"),
])
def test_a_file_that_cannot_be_attached_changes_nothing_and_says_why(
        draft: Draft, tmp_path: Path, content: bytes, name: str, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    draft.attach(path)
    assert draft.editor.value() is None
    assert draft.status().startswith(f"{name}: {expected}")
    assert draft.editor.add_button.isEnabled()


def test_an_unreadable_file_says_so(draft: Draft, tmp_path: Path) -> None:
    heard = announcements()
    heard.clear()
    draft.attach(tmp_path / "væk.pdf")
    assert draft.status().startswith("væk.pdf: The file cannot be read")
    # Said to a screen reader too, at once (the focus is back on the button, not on the message).
    said = [a for a in heard.record if a.text == draft.status()]
    heard.clear()
    assert len(said) == 1 and said[0].urgent


def test_removing_a_file_saves_the_answers_first_then_deletes_its_bytes(draft: Draft, tmp_path: Path) -> None:
    letter, scan = tmp_path / "brev.pdf", tmp_path / "skema.pdf"
    letter.write_bytes(a_pdf("Brev"))
    scan.write_bytes(a_pdf("Skema"))
    draft.attach(letter, scan)
    draft_id = draft.keeper.draft_id or ""
    assert [a.name for a in draft.vault.attachments.list(draft_id)] == ["brev.pdf", "skema.pdf"]
    draft.editor.list.setCurrentRow(0)
    draft.editor.remove_button.setFocus()
    QTest.keyClick(draft.editor.remove_button, Qt.Key.Key_Space)
    assert [e["name"] for e in draft.editor.value()] == ["skema.pdf"]
    # The answers without it were saved at once; its bytes are deleted on the worker thread.
    saved = draft.vault.notifications.get_draft(draft_id).answers[FIELD]
    assert [e["name"] for e in saved] == ["skema.pdf"]
    draft.qtbot.waitUntil(lambda: not draft.editor.busy, timeout=30_000)
    assert draft.status() == "brev.pdf: Removed."
    assert [a.name for a in draft.vault.attachments.list(draft_id)] == ["skema.pdf"]


def test_every_control_has_an_accessible_name(draft: Draft) -> None:
    assert all(w.accessibleName().strip() for w in draft.editor.interactive_widgets())
