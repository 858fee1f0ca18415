"""Contrast measured on rendered pixels, in light, dark and Windows high-contrast palettes (WCAG 2.1 AA).

Each named widget is shown in each palette and photographed; the colours are read from the picture,
not from the code: the acute box ("call now"), the demo banner, the alert banner, the review document,
a selected row, the focus indicator (and its width), placeholder text and check box outlines. Text
needs 4.5:1 against what is behind it; the focus indicator and a control's outline 3:1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.building import build_document
from desktop.domain.forms import load_form
from desktop.domain.packs import load_pack, packs_dir
from desktop.ui import focus_ring, theme
from desktop.ui.delivery.alerts import AlertBanner
from desktop.ui.demo.banner import DemoBanner
from desktop.ui.notification_table_model import NotificationTableModel
from desktop.ui.wizard.guidance import AcuteContacts
from desktop.ui.wizard.review import document_html
from tests.support.answers import complete_answers_for

PALETTES = list(theme.THEMES)


@pytest.fixture(params=PALETTES)
def palette_kind(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The application in one system palette (and, for high contrast, the system's request for it)."""
    kind = str(request.param)
    old_palette, old_style = qapp.palette(), qapp.style().name()
    theme.force_high_contrast(kind == "high-contrast")
    qapp.setStyle("Fusion")
    style = theme.outlined_style_for(qapp)
    if style is not None:
        qapp.setStyle(style)
    qapp.setPalette(theme.improve_palette(theme.system_palette(kind)))  # type: ignore[arg-type]
    focus_ring.install(qapp)
    try:
        yield kind
    finally:
        theme.force_high_contrast(None)
        qapp.setPalette(old_palette)
        qapp.setStyle(old_style)


def _shot(qtbot: QtBot, widget: QWidget, width: int = 700) -> QImage:
    widget.resize(max(width, widget.sizeHint().width()), widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(20)
    return widget.grab().toImage()


def _colours(image: QImage, area: QRect | None = None) -> Counter[int]:
    area = area or image.rect()
    return Counter(image.pixel(x, y) for y in range(area.top(), area.bottom() + 1)
                   for x in range(area.left(), area.right() + 1))


def _text_contrasts(image: QImage, area: QRect | None = None) -> list[float]:
    """Per line of text in ``area``: contrast of the text's own colour with the ground behind it.

    The picture is cut into bands of rows with ink; in each band the ground is the commonest colour
    and the text colour the one furthest from it among those that are not rare (the cores of the
    strokes; a lone pixel of another colour is not text)."""
    area = area or image.rect()
    ground_all = QColor(_colours(image, area).most_common(1)[0][0])
    contrasts = []
    y = area.top()
    while y <= area.bottom():
        row = [QColor(image.pixel(x, y)) for x in range(area.left(), area.right() + 1)]
        if not any(c != ground_all and theme.contrast(c, ground_all) > 1.5 for c in row):
            y += 1
            continue
        band_top = y
        while y <= area.bottom() and any(
                theme.contrast(QColor(image.pixel(x, y)), ground_all) > 1.5
                for x in range(area.left(), area.right() + 1)):
            y += 1
        band = QRect(area.left(), band_top, area.width(), y - band_top)
        counts = _colours(image, band).most_common()
        ground = QColor(counts[0][0])
        inked = [(colour, n) for colour, n in counts[1:] if theme.contrast(QColor(colour), ground) > 1.2]
        enough = max(3, sum(n for _c, n in inked) // 50)
        common = [QColor(colour) for colour, n in inked if n >= enough]
        ink = max(common, key=lambda c: theme.contrast(c, ground)) if common else None
        if ink is not None and band.height() >= 6:
            contrasts.append(theme.contrast(ink, ground))
    return contrasts


def _assert_text_readable(image: QImage, what: str, area: QRect | None = None) -> None:
    contrasts = _text_contrasts(image, area)
    assert contrasts, f"{what}: no text found"
    assert min(contrasts) >= 4.5, f"{what}: text contrast {min(contrasts):.2f}:1 (all: {contrasts})"


def test_the_acute_box_reads_in_every_palette(qtbot: QtBot, palette_kind: str) -> None:
    pack = load_pack(packs_dir() / "demo-kommune.yaml")
    box = AcuteContacts(pack, "da")
    qtbot.addWidget(box)
    image = _shot(qtbot, box)
    inner = image.rect().adjusted(4, 4, -4, -4)
    _assert_text_readable(image, f"acute box ({palette_kind})", inner)
    # Its border is a control boundary: 3:1 against the window around it.
    border = QColor(image.pixel(0, image.height() // 2))
    window = QApplication.palette().color(theme.Role.Window)
    ground = QColor(_colours(image, inner).most_common(1)[0][0])
    assert max(theme.contrast(border, window), theme.contrast(ground, window)) >= 3.0


def test_the_demo_banner_and_the_delivery_alert_read_in_every_palette(qtbot: QtBot,
                                                                      palette_kind: str) -> None:
    banner = DemoBanner()
    qtbot.addWidget(banner)
    _assert_text_readable(_shot(qtbot, banner), f"demo banner ({palette_kind})")
    alert = AlertBanner()
    qtbot.addWidget(alert)
    alert.set_alerts([("x", "Demo Kommune tog ikke imod underretningen om AH. Ring på 00 00 01 01.")])
    image = _shot(qtbot, alert)
    # The text above the buttons (the buttons are the system's own).
    text_area = QRect(4, 4, image.width() - 8, alert.seen_button.geometry().top() - 6)
    _assert_text_readable(image, f"alert ({palette_kind})", text_area)


def test_the_review_document_reads_in_every_palette(qtbot: QtBot, palette_kind: str) -> None:
    from desktop.ui.document_view import DocumentView

    pack = load_pack(packs_dir() / "demo-kommune.yaml")
    answers = complete_answers_for("cpr") | {"acute.in_danger": True}
    document = build_document(load_form(), pack, answers,
                              notification_id="00000000-0000-4000-8000-000000000001",
                              created_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
                              finalised_at=datetime(2026, 12, 1, 9, 5, tzinfo=UTC), language="da")
    view = DocumentView()  # what the review page shows it in
    qtbot.addWidget(view)
    view.setHtml(document_html(document))
    view.resize(900, 1400)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    _assert_text_readable(image, f"review document ({palette_kind})")


def test_a_selected_row_reads_in_every_palette(qtbot: QtBot, palette_kind: str) -> None:
    from desktop.store.notifications import NotificationState, NotificationSummary

    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    row = NotificationSummary(id="id-1", state=NotificationState.RECEIPTED, child_initials="EH",
                              created_at=at, updated_at=at, finalised_at=at, sent_at=at, receipted_at=at,
                              reference="K-17",
                              last_error=None, attempts=1, municipality="Demo Kommune", acute=False,
                              acknowledgement_due=None, corrects=None)
    model = NotificationTableModel()
    model.set_rows([row])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(0)
    image = _shot(qtbot, view)
    rect = view.visualRect(model.index(0, 1)).translated(view.viewport().pos())
    _assert_text_readable(image, f"selected row ({palette_kind})", rect.adjusted(1, 1, -1, -1))


def test_the_focus_indicator_is_two_pixels_wide_with_3_to_1_contrast(qtbot: QtBot, palette_kind: str) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(20, 20, 20, 20)
    first, field = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(field)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qtbot.wait(20)
    image = window.grab().toImage()
    ground = QApplication.palette().color(theme.Role.Window)
    # Walk left from the field's middle into the window: the ring's pixels lie just outside the field.
    middle = field.geometry().center().y()
    x0 = field.geometry().left()
    ring = [QColor(image.pixel(x, middle)) for x in range(x0 - 1, x0 - 6, -1)]
    strong = [c for c in ring if theme.contrast(c, ground) >= 3.0]
    assert len(strong) >= 2, f"focus ring ({palette_kind}): {[c.name() for c in ring]} on {ground.name()}"
    # And against the field itself.
    inside = QColor(image.pixel(x0 + 6, middle))
    assert max(theme.contrast(c, inside) for c in strong) >= 3.0


def test_placeholder_text_and_check_box_outlines_meet_aa(qtbot: QtBot, palette_kind: str) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setPlaceholderText("Søg, fx blå mærker, sult, fravær")
    image = _shot(qtbot, field, 400)
    _assert_text_readable(image, f"placeholder ({palette_kind})", image.rect().adjusted(3, 3, -3, -3))

    box = QCheckBox("Jeg har selv set det")
    qtbot.addWidget(box)
    image = _shot(qtbot, box, 300)
    window = QApplication.palette().color(theme.Role.Window)
    # The indicator sits at the left, before the text: its outline is the strongest colour there.
    size = box.style().pixelMetric(box.style().PixelMetric.PM_IndicatorWidth, None, box)
    strip = QRect(0, 0, size + 1, image.height())
    best = max(theme.contrast(QColor(colour), window) for colour in _colours(image, strip))
    assert best >= 3.0, f"check box outline ({palette_kind}): {best:.2f}:1"
