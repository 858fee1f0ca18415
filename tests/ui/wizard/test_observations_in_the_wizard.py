"""Marks on the body and attachments in the real wizard: by keyboard, autosaved, reviewed, finalised.

The whole way a person goes: the observations page by keyboard (a mark placed from the list of
places and described, a file attached), the draft saved in the real vault, the review showing the
body map, finalising with the app's own finalise step (real PDF, real envelope). The PDF in the
vault is read back with pypdf (the mark's description, the outline's paths); the envelope is opened
with the municipality's key (the attachment's cleaned bytes).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pypdf
from PIL import Image
from pypdf.generic import ContentStream
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.documents.pdf import render_pdf
from desktop.domain.bodymap import BodyView, Figure, geometry
from desktop.domain.document import NotificationDocument
from desktop.outbox.finalise import finalise_document
from desktop.ui.wizard.attachments_editor import AttachmentsEditor
from desktop.ui.wizard.bodymap_editor import BodyMapEditor
from desktop.ui.wizard.review import ReviewPage
from protocol.envelope import RecipientPrivateKey, open_envelope
from tests.support.attachments import jpeg_with_metadata

if TYPE_CHECKING:
    from tests.ui.wizard.conftest import Wizard


def _lines(pdf: bytes) -> int:
    """How many line-to operators the PDF's pages draw."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return sum(1 for page in reader.pages
               for _operands, operator in ContentStream(page.get_contents(), reader).operations
               if operator == b"l")


def _finalise_with_the_app_step(services: Services) -> RecipientPrivateKey:
    """``services.finalise`` as the app wires it, to a test municipality's key: the real finalise step."""
    recipient = RecipientPrivateKey.generate("test-kommune")

    def finalise(draft_id: str, document: NotificationDocument) -> None:
        vault = services.open_reader()
        try:
            finalise_document(vault, document, [recipient.public()], render_pdf)
        finally:
            vault.close()

    setattr(services, "finalise", finalise)  # noqa: B010 - the attribute the composition root sets
    return recipient


def _mark_the_buttocks_by_keyboard(wizard: Wizard) -> BodyMapEditor:
    wizard.go_on_to("observations")
    wizard.choose("observations.has_marks", "yes")
    editor = wizard.editor("observations.body_map")
    assert isinstance(editor, BodyMapEditor) and editor.isVisible()
    wizard.tab_to(editor.place)
    target = editor.place.findData("back:buttocks")
    while editor.place.currentIndex() < target:
        wizard.press(Qt.Key.Key_Down)
    wizard.tab_to(editor.add_button)
    wizard.press(Qt.Key.Key_Space)
    assert wizard.focused() is editor.details.kind
    while editor.details.kind.currentData() != "bruise":
        wizard.press(Qt.Key.Key_Down)
    wizard.tab_to(editor.details.colours["blue_purple"])
    wizard.press(Qt.Key.Key_Space)
    wizard.tab_to(editor.details.explanation)
    QTest.keyClicks(editor.details.explanation, "Faldt på trappen, sagde far")
    return editor


def test_a_mark_and_an_attachment_go_by_keyboard_into_the_pdf_and_the_envelope(
        open_wizard: Callable[..., Any], services: Services, qtbot: QtBot, tmp_path: Path) -> None:
    recipient = _finalise_with_the_app_step(services)
    photo = tmp_path / "tavlen i klassen.jpg"
    photo.write_bytes(jpeg_with_metadata(200, 150, noise=True))
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen")
    wizard.fill_events()
    _mark_the_buttocks_by_keyboard(wizard)
    attachments = wizard.editor("observations.attachments")
    assert isinstance(attachments, AttachmentsEditor)
    attachments.choose_files = lambda _parent: [str(photo)]
    wizard.tab_to(attachments.add_button)
    wizard.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: attachments.value() is not None, timeout=30_000)
    # Autosaved like any answer: the draft in the vault holds the mark and names the file.
    qtbot.waitUntil(lambda: not wizard.window.keeper.dirty, timeout=5_000)
    vault = services.require_vault()
    draft_id = wizard.window.draft_id
    saved = vault.notifications.get_draft(draft_id).answers
    [mark] = saved["observations.body_map"]
    assert (mark["region"], mark["kind"], mark["colours"]) == ("buttocks", "bruise", ["blue_purple"])
    assert [e["name"] for e in saved["observations.attachments"]] == ["tavlen i klassen.jpg"]
    wizard.fill_notifier()
    wizard.go_on_to("review")
    review = wizard.window.current_page()
    assert isinstance(review, ReviewPage)
    shown = review.document_view
    qtbot.waitUntil(lambda: "Blåt mærke – Balder (bagfra)" in shown.toPlainText(), timeout=10_000)
    assert "Mærker på kroppen" in shown.toPlainText()
    assert "data:image/svg+xml;base64," in shown.toHtml()
    wizard.finalise()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30_000)

    pdf = vault.notifications.get_pdf(draft_id)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Mærker på kroppen" in text
    assert "1. Blåt mærke – Balder (bagfra)" in text
    assert "Faldt på trappen, sagde far" in text and "Blå eller lilla" in text
    assert "tavlen i klassen.jpg" in text
    opened = open_envelope(vault.outbox.envelope(draft_id), {recipient.key_id: recipient})
    document = NotificationDocument.model_validate_json(opened.files["notification.json"])
    # The two outlines are drawn as paths: a line to every point of both views' rings.
    outline_points = sum(len(ring) for view in BodyView for ring in
                         geometry(Figure.SMALL_CHILD).view(view).outline)  # Emma is four
    without = render_pdf(document.model_copy(update={"body_map": None}))
    assert _lines(pdf) - _lines(without) >= outline_points
    assert document.body_map is not None and document.body_map.marks[0].region == "buttocks"
    assert document.body_map.figure is Figure.SMALL_CHILD  # the outline for a four-year-old
    [ref] = document.attachments
    carried = opened.files[ref.file]
    assert carried == vault.attachments.data(draft_id, saved["observations.attachments"][0]["id"])
    with Image.open(io.BytesIO(carried)) as image:
        assert not image.getexif() and image.size == (200, 150)


def test_a_mark_without_its_kind_stops_finalising_and_opens_it(
        open_wizard: Callable[..., Any], services: Services, qtbot: QtBot) -> None:
    _finalise_with_the_app_step(services)
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen")
    wizard.fill_events()
    editor = _mark_the_buttocks_by_keyboard(wizard)
    editor.details.kind.setCurrentIndex(0)  # no kind after all
    wizard.fill_notifier()
    wizard.go_on_to("review")
    wizard.finalise()
    qtbot.waitUntil(lambda: wizard.window.page_id == "observations", timeout=10_000)
    assert wizard.focused() is editor.details.kind
    assert not wizard.window.read_only
    assert editor.problem_label.isVisible()


def test_refused_files_are_explained_in_danish(
        open_wizard: Callable[..., Any], qtbot: QtBot, tmp_path: Path) -> None:
    gif = tmp_path / "billede.gif"
    Image.new("RGB", (4, 4)).save(gif, "GIF")
    huge = tmp_path / "scanning.pdf"
    with huge.open("wb") as handle:
        handle.truncate(12 * 1024 * 1024)
    broken = tmp_path / "foto.jpg"
    broken.write_bytes(jpeg_with_metadata(100, 100)[:400])
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("observations")
    editor = wizard.editor("observations.attachments")
    assert isinstance(editor, AttachmentsEditor)
    said: dict[str, str] = {}
    chosen: list[str] = []
    editor.choose_files = lambda _parent: list(chosen)
    for path in (gif, huge, broken, tmp_path / "væk.pdf"):
        chosen[:] = [str(path)]
        wizard.tab_to(editor.add_button)
        wizard.press(Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not editor.busy, timeout=30_000)
        said[path.name] = editor.status.text()
    assert said == {
        "billede.gif": "billede.gif: Der kan kun vedhæftes PDF-, PNG- og JPEG-filer, "
                       "og denne fil er ingen af dem.",
        "scanning.pdf": "scanning.pdf: Filen er for stor: Bilagene må tilsammen fylde højst 10 MB.",
        "foto.jpg": "foto.jpg: Billedet er beskadiget og kan ikke læses. Gem det igen, "
                    "eller tag et nyt billede af dokumentet.",
        "væk.pdf": "væk.pdf: Filen kan ikke læses. Tjek, at den stadig findes, "
                   "og at du har lov til at åbne den.",
    }
    assert editor.value() is None
    assert editor.add_button.text() == "&Vedhæft filer …"
