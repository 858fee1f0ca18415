"""The council's yearly report: choose a period, save it as PDF (with charts) or CSV.

The figures hold no personal data and every count from 1 to 4 is shown as "<5"; rendering runs off
the GUI thread and the file is written only where the caseworker chooses.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.desk.context import error_text
from desktop.ui.operations import run_in_background

if TYPE_CHECKING:
    from desktop.ui.desk.context import DeskContext


class ReportDialog(QDialog):
    """Period, language, and two ways to save. ``saved(path)`` after a file is written."""

    saved = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskReportDialog")
        self._context = context
        self.setWindowTitle(self.tr("Yearly report for the council"))
        intro = QLabel(self.tr("Figures on how notifications were handled, for the municipal council's "
                               "yearly follow-up. The report holds no personal data; counts under 5 are "
                               "shown as <5."))
        intro.setWordWrap(True)
        last_year = date.today().year - 1
        self.start = QDateEdit(QDate(last_year, 1, 1))
        self.start.setObjectName("periodStart")
        self.start.setDisplayFormat("dd.MM.yyyy")
        self.start.setAccessibleName(self.tr("First day of the period"))
        self.end = QDateEdit(QDate(last_year, 12, 31))
        self.end.setObjectName("periodEnd")
        self.end.setDisplayFormat("dd.MM.yyyy")
        self.end.setAccessibleName(self.tr("Last day of the period"))
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        self.language.addItem(self.tr("Danish"), "da")
        self.language.addItem(self.tr("English"), "en")
        self.language.setAccessibleName(self.tr("Language of the report"))
        form = QFormLayout()
        form.addRow(self.tr("&From"), self.start)
        form.addRow(self.tr("&To"), self.end)
        form.addRow(self.tr("&Language"), self.language)
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Save as PDF"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.csv_button.setAccessibleName(self.tr("Save as CSV"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.start.setFocus()

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def save(self, kind: str) -> None:
        start, end = self.period()
        if end < start:
            self.message.setText(self.tr("The period ends before it starts."))
            return
        suggested = str(Path.home() / f"underretninger-{start.isoformat()}-{end.isoformat()}.{kind}")
        path = self._context.choose_save_path(self, self.tr("Save the report"), suggested)
        if path is None:
            return
        language = str(self.language.currentData())
        unit = self._context.service.unit or self.tr("The municipality")
        service = self._context.service

        def render() -> Path:
            from desktop.desk.report import render_report_pdf, report_csv

            report, labels = service.report(start, end)
            if kind == "pdf":
                pdf = render_report_pdf(report, unit=unit, language=language, category_labels=labels)
                path.write_bytes(pdf)
            else:
                text = report_csv(report, language=language, category_labels=labels)
                path.write_text(text, encoding="utf-8-sig")  # with a BOM: spreadsheets then read UTF-8
            return path

        self.message.setText(self.tr("Making the report…"))
        run_in_background(self, render, on_success=self._saved, on_failure=lambda e: self.message.setText(
            error_text(e) if not isinstance(e, OSError) else self.tr("The file could not be written.")))

    def _saved(self, path: Path) -> None:
        self.message.setText(self.tr("Saved: %1").replace("%1", str(path)))
        self.saved.emit(str(path))
