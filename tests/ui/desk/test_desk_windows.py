"""The desk's windows, driven by the keyboard: inbox, one notification, assessment, summary, report,
hand-over, locking."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.desk.store.handling import Assessment, Step
from desktop.desk.store.vault import DeskVault
from desktop.ui.desk.context import DeskContext
from desktop.ui.desk.dialogs import AssessmentDialog
from desktop.ui.desk.inbox_model import Column
from desktop.ui.desk.inbox_window import InboxWindow
from desktop.ui.desk.notification_window import NotificationWindow
from desktop.ui.desk.report_dialog import ReportDialog
from desktop.ui.desk.summary_dialog import DailySummaryDialog
from tests.support.desk import fictitious_cpr, incoming
from tests.ui.desk.conftest import CHILD_CPR, NOW, Chosen, Seeded


def _inbox(context: DeskContext, qtbot: QtBot) -> InboxWindow:
    window = InboxWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.show()
    window.activateWindow()
    window.table.setFocus()
    return window


def _cell(window: InboxWindow, row: int, column: Column) -> str:
    return str(window.model.data(window.model.index(row, column)))


def _modal(qtbot: QtBot, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=10000)
    widget = QApplication.activeModalWidget()
    assert widget is not None
    return widget


def _alt(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    """Alt+letter, as a person presses it in the window that has the focus (mnemonics are per window)."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    QTest.keyClick(QApplication.focusWidget() or widget, key, Qt.KeyboardModifier.AltModifier)


def test_the_inbox_lists_the_most_urgent_first_with_both_deadlines_and_the_overdue_count(
        context: DeskContext, seeded: Seeded, qtbot: QtBot) -> None:
    window = _inbox(context, qtbot)
    ids = [window.model.row_at(row).notification_id for row in range(window.model.rowCount())]
    assert ids[:3] == [seeded.acute_new, seeded.overdue, seeded.third_about_child]
    assert _cell(window, 0, Column.CHILD).splitlines()[0] == "AKUT – Alma Østergaard"
    assert _cell(window, 0, Column.CHILD).endswith(" · 3 måneder")
    assert _cell(window, 0, Column.ASSESSMENT) == "om 23 t"
    assert _cell(window, 1, Column.ASSESSMENT) == "overskredet med 6 t"
    assert _cell(window, 2, Column.CHILD) == f"Ida Ærø\n{CHILD_CPR[:6]}-{CHILD_CPR[6:]} · 8 år"
    assert _cell(window, 2, Column.CONCERN) == "Støtte (nr. 1)\nOmsorgssvigt"  # the pack's label
    assert _cell(window, 2, Column.NOTIFIER) == "Mette Kjær Sørensen\nÆrøskøbing Skole"
    assert _cell(window, 2, Column.ACKNOWLEDGEMENT).startswith("om ")
    assert _cell(window, 3, Column.ACKNOWLEDGEMENT).startswith("Sendt ") and \
        _cell(window, 3, Column.ACKNOWLEDGEMENT).endswith("(KL)")
    assert _cell(window, 3, Column.STATUS) == "Kvittering sendt"
    assert window.overdue.isVisible()
    assert window.overdue.text() == "1 underretning er ikke vurderet inden for 24 timer."
    assert window.table.accessibleName()


def test_enter_opens_the_notification_with_the_earlier_ones_about_the_child_at_the_top(
        context: DeskContext, seeded: Seeded, qtbot: QtBot) -> None:
    window = _inbox(context, qtbot)
    window.table.selectRow(2)
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: seeded.third_about_child in window._windows, timeout=10000)
    opened = window._windows[seeded.third_about_child]
    qtbot.waitUntil(lambda: opened.detail is not None and opened.history_box.isVisible(), timeout=10000)
    assert opened.history_headline.text() == "3. underretning om dette barn på 12 måneder"
    lines = opened.history_list.text().splitlines()
    assert len(lines) == 2
    assert "Sundhedsplejerske, Ærøskøbing Skole" in lines[0] and "Lærer" in lines[1]
    assert "Kan have brug for særlig støtte" in lines[0]
    assert "Ida Ærø" in opened.summary.text()
    assert "Ida Ærø" not in opened.windowTitle()  # a child's name never goes into a title bar
    # The outcome (§ 137) only after the kvittering; the greyed button says so.
    assert not opened.orient_button.isEnabled()
    assert opened.orient_button.toolTip().startswith("Send kvitteringen først.")
    qtbot.waitUntil(lambda: "Ida Ærø" in opened.document.toPlainText(), timeout=10000)
    # Opening told the other desks (shared status, first opener stays).
    qtbot.waitUntil(lambda: context.service.vault.handling.get(seeded.third_about_child)
                    .done(Step.OPENED) is not None, timeout=10000)


def test_the_24_hour_assessment_is_recorded_by_keyboard_with_a_note_in_the_vault(
        context: DeskContext, seeded: Seeded, qtbot: QtBot) -> None:
    window = _inbox(context, qtbot)
    opened = window.open_notification(seeded.overdue)
    qtbot.waitUntil(lambda: opened.assess_button.isEnabled(), timeout=10000)
    opened.activateWindow()
    _alt(qtbot, opened, Qt.Key.Key_V)  # "&Vurdér (24 timer) …"
    dialog = _modal(qtbot, AssessmentDialog)
    assert isinstance(dialog, AssessmentDialog)
    _alt(qtbot, dialog, Qt.Key.Key_I)  # "&Ingen umiddelbar fare" (a mnemonic clicks with a short animation)
    qtbot.waitUntil(dialog.no_danger.isChecked, timeout=5000)
    _alt(qtbot, dialog, Qt.Key.Key_O)  # "N&ote"
    QTest.keyClicks(dialog.note, "Talt med børnehaven; ingen akut fare.")
    _alt(qtbot, dialog, Qt.Key.Key_R)  # "&Registrér vurdering"
    qtbot.waitUntil(lambda: opened.message.text() == "Vurderingen er registreret.", timeout=10000)
    handling = context.service.vault.handling.get(seeded.overdue)
    assessed = handling.done(Step.ASSESSED)
    assert assessed is not None and assessed.by == "MK"
    assert handling.assessment is Assessment.NO_IMMEDIATE_DANGER
    assert handling.assessment_note == "Talt med børnehaven; ingen akut fare."
    qtbot.waitUntil(lambda: not window.overdue.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: not opened.assess_button.isEnabled(), timeout=10000)


def test_the_daily_summary_lists_what_is_overdue_and_enter_opens_it(
        context: DeskContext, seeded: Seeded, qtbot: QtBot) -> None:
    from desktop.desk.store.unopened import UnopenedEnvelope

    context.service.vault.unopened.keep(UnopenedEnvelope(9, "5d1c1f0e-8a3b-4c2d-9e1f-0a1b2c3d4e5f", b"x",
                                                         b"{}",
                                                         b"", "envelope.no_key"))
    window = _inbox(context, qtbot)
    assert window.unopened.isVisible() and window.unopened.text().startswith("1 underretning kunne ikke"
                                                                             " åbnes")
    _alt(qtbot, window, Qt.Key.Key_D)  # "&Daglig oversigt"
    dialog = _modal(qtbot, DailySummaryDialog)
    assert isinstance(dialog, DailySummaryDialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10000)
    assert "Bo Søndergaard" in dialog.list.item(0).text()
    assert dialog.heading.text() == "1 underretning er ikke vurderet inden for 24 timer:"
    assert dialog.unopened.item(0).text() == ("Nummer 9 i modtagesystemet: Ingen af modtagelsens nøgler"
                                              " passer: "
                                              "hent kommunens nyere nøgle ind.")
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: seeded.overdue in window._windows, timeout=10000)


def test_the_yearly_report_is_saved_as_pdf_and_csv_from_the_keyboard(
        context: DeskContext, chosen: Chosen, tmp_path: Path, qtbot: QtBot) -> None:
    window = _inbox(context, qtbot)
    _alt(qtbot, window, Qt.Key.Key_R)  # "Års&rapport …"
    dialog = _modal(qtbot, ReportDialog)
    assert isinstance(dialog, ReportDialog)
    dialog.start.setDate(dialog.start.date().addYears(1))  # this year: 2026
    dialog.end.setDate(dialog.end.date().addYears(1))
    chosen.save_path = tmp_path / "rapport.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        _alt(qtbot, dialog, Qt.Key.Key_P)  # "Gem som &PDF …"
    text = "".join(page.extract_text() for page in PdfReader(chosen.save_path).pages)
    assert "Ærø Kommune, Børn og Familie" in text and "Underretninger modtaget" in text
    assert "Ida" not in text and CHILD_CPR not in text
    chosen.save_path = tmp_path / "rapport.csv"
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        _alt(qtbot, dialog, Qt.Key.Key_C)  # "Gem som &CSV …"
    rows = list(csv.reader(io.StringIO(chosen.save_path.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert ["overview", "total", "Underretninger modtaget", "5"] in rows
    assert ["overview", "acute", "Markeret som akut", "<5 i alt"] not in rows  # total is 5: shares shown
    assert any(row[:2] == ["overview", "acute"] and row[3] == "<5 af 5" for row in rows)


def test_hand_over_writes_the_files_into_a_new_folder_and_marks_the_notification(
        context: DeskContext, seeded: Seeded, chosen: Chosen, qtbot: QtBot) -> None:
    window = _inbox(context, qtbot)
    opened = window.open_notification(seeded.third_about_child)
    qtbot.waitUntil(lambda: opened.hand_over_button.isEnabled(), timeout=10000)
    opened.activateWindow()
    _alt(qtbot, opened, Qt.Key.Key_D)  # "Over&dra til sagssystemet …"
    qtbot.waitUntil(lambda: opened.message.text().startswith("Overdraget"), timeout=10000)
    assert chosen.folder is not None
    # The intake's export for the case system: JSON Lines (schema v2), CSV with codes and Danish labels,
    # and the PDF beside them; owner-only.
    assert {p.name for p in chosen.folder.iterdir()} == {
        "notifications.csv", "notifications.jsonl", seeded.third_about_child}
    [line] = (chosen.folder / "notifications.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["child"]["name"] == "Ida Ærø"
    table = (chosen.folder / "notifications.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert len(rows) == 1 and any("Ida Ærø" in value for value in rows[0].values())
    assert (chosen.folder / "notifications.csv").stat().st_mode & 0o777 == 0o600
    assert (chosen.folder / seeded.third_about_child / "notification.pdf").is_file()
    assert context.service.vault.handling.get(seeded.third_about_child).done(Step.HANDED_OVER) is not None
    qtbot.waitUntil(lambda: not opened.hand_over_button.isEnabled(), timeout=10000)


def test_locking_closes_the_notification_and_empties_the_list(
        context: DeskContext, seeded: Seeded, qtbot: QtBot) -> None:
    window = _inbox(context, qtbot)
    opened: NotificationWindow = window.open_notification(seeded.acute_new)
    qtbot.waitUntil(lambda: opened.detail is not None, timeout=10000)
    reopened: list[str] = []
    context.open_notification = reopened.append
    context.session.start()
    context.session.lock()
    qtbot.waitUntil(lambda: seeded.acute_new not in window._windows, timeout=10000)
    assert window.model.rowCount() == 0
    context.session.finish_unlock()
    assert reopened == [seeded.acute_new]
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10000)


def test_the_days_first_look_at_the_inbox_opens_the_daily_summary_once(
        context: DeskContext, seeded: Seeded, qtbot: QtBot) -> None:
    context.service.vault.settings.set("summary_shown_on", "2000-01-01")
    window = InboxWindow(context)
    qtbot.addWidget(window)
    window.show()
    dialog = _modal(qtbot, DailySummaryDialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10000)  # type: ignore[attr-defined]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10000)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.reload()
    assert QApplication.activeModalWidget() is None  # once a day


def test_a_desk_is_set_up_by_keyboard_initials_enrolment_and_keys(
        context: DeskContext, chosen: Chosen, tmp_path: Path, qtbot: QtBot) -> None:
    from desktop.ui.desk.setup_dialog import SetupDialog
    from intake import keys as intake_keys
    from intake.server import BackgroundIntake
    from intake.settings import IntakeSettings
    from tests.support.roundtrip import Municipality

    municipality = Municipality.make(tmp_path / "municipality")
    (tmp_path / "ca.crt").write_bytes(municipality.ca_pem)
    signing = intake_keys.load_receipt_signing_key(municipality.key_files.receipt_private)
    with BackgroundIntake(str(tmp_path / "intake.sqlite"), signing, cert_file=municipality.cert_file,
                          key_file=municipality.key_file, settings=IntakeSettings.for_demo()) as intake:
        window = _inbox(context, qtbot)
        _alt(qtbot, window, Qt.Key.Key_O)  # "&Opsæt modtagelse …"
        dialog = _modal(qtbot, SetupDialog)
        assert isinstance(dialog, SetupDialog)
        _alt(qtbot, dialog, Qt.Key.Key_I)  # "&Initialer"
        dialog.initials.selectAll()
        QTest.keyClicks(dialog.initials, "LB")
        with qtbot.waitSignal(dialog.finished_step, timeout=10000):
            _alt(qtbot, dialog, Qt.Key.Key_G)  # "&Gem"
        assert context.service.initials == "LB"
        _alt(qtbot, dialog, Qt.Key.Key_D)  # "A&dresse"
        QTest.keyClicks(dialog.url, intake.url)
        _alt(qtbot, dialog, Qt.Key.Key_C)  # "&CA-certifikat"
        QTest.keyClicks(dialog.ca_file, str(tmp_path / "ca.crt"))
        _alt(qtbot, dialog, Qt.Key.Key_K)  # "Tilmeldings&kode"
        QTest.keyClicks(dialog.token, municipality.desk_token(str(tmp_path / "intake.sqlite")))
        with qtbot.waitSignal(dialog.finished_step, timeout=30000):
            _alt(qtbot, dialog, Qt.Key.Key_T)  # "&Tilmeld hos modtagesystemet"
        assert context.service.is_enrolled() and dialog.token.text() == ""
        for key_file in (municipality.key_files.recipient_private, municipality.message_private):
            chosen.open_path = key_file
            with qtbot.waitSignal(dialog.finished_step, timeout=10000):
                _alt(qtbot, dialog, Qt.Key.Key_N)  # "Hent en &nøglefil ind …"
        assert "aeroe-2026" in dialog.keys_label.text() and "aeroe-msg-2026" in dialog.keys_label.text()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)


def test_a_notification_holding_a_file_the_app_never_sends_is_not_handed_over(
        context: DeskContext, desk_vault: DeskVault, chosen: Chosen, qtbot: QtBot) -> None:
    """One kept before the desk refused such envelopes at opening: the hand-over writes nothing and says
    why in words (not "Something went wrong (export.unexpected_file)")."""
    item = incoming(9, name="Storm Ærø", cpr=fictitious_cpr(date(2019, 1, 5)), birth=date(2019, 1, 5),
                    received=NOW - timedelta(hours=1))
    desk_vault.received.add_many([replace(item, files={**item.files, "faktura.pdf.exe": b"MZ\x90\x00"})])
    window = _inbox(context, qtbot)
    opened = window.open_notification(item.facts.notification_id)
    qtbot.waitUntil(lambda: opened.hand_over_button.isEnabled(), timeout=10000)
    opened.activateWindow()
    _alt(qtbot, opened, Qt.Key.Key_D)  # "Over&dra til sagssystemet …"
    qtbot.waitUntil(lambda: "aldrig sender" in opened.message.text(), timeout=10000)
    assert opened.message.text().startswith("Underretningen indeholder en fil, som Underret aldrig sender")
    assert chosen.folder is not None and not chosen.folder.exists()
    assert context.service.vault.handling.get(item.facts.notification_id).done(Step.HANDED_OVER) is None


def test_the_kvittering_deadline_is_shown_as_its_day_not_as_midnight_after_it(
        context: DeskContext, seeded: Seeded, qtbot: QtBot) -> None:
    """Received Wednesday 18.11.2026: six working days from the day after end on Thursday 26.11 (the
    notifier's app says the same day). "27.11.2026 00:00" reads as a day more than there is."""
    window = _inbox(context, qtbot)
    row = next(r for r in range(window.model.rowCount())
               if window.model.row_at(r).notification_id == seeded.third_about_child)
    tooltip = window.model.data(window.model.index(row, Column.ACKNOWLEDGEMENT), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "senest torsdag 26.11.2026"
    opened = window.open_notification(seeded.third_about_child)
    qtbot.waitUntil(lambda: opened.detail is not None, timeout=10000)
    [line] = [x for x in opened.summary.text().splitlines() if x.startswith("Kvittering inden for")]
    assert line == "Kvittering inden for seks hverdage: senest torsdag 26.11.2026 (om 8 dage)"
