"""The desk in English says "1 day" and "8 days", never "8 day(s)": Qt's plural forms need an English
translation too (the source text is only the fallback), as in the app's own windows."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.ui.desk.wording import counts
from desktop.ui.services import Translations

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[Translations]:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(lrelease) if lrelease.exists() else (shutil.which("pyside6-lrelease") or "pyside6-lrelease")
    ts = ROOT / "i18n" / "underret_desk_en.ts"
    subprocess.run([tool, "-silent", str(ts), "-qm", str(tmp_path / ts.with_suffix(".qm").name)], check=True)
    translations = Translations(qapp, tmp_path)
    translations.install("en")
    yield translations
    translations.uninstall()


def test_counted_words_read_as_english(english: Translations) -> None:
    words = counts()
    assert [words.days(1), words.days(8)] == ["1 day", "8 days"]
    assert [words.months(1), words.months(3)] == ["1 month", "3 months"]
    assert [words.years(1), words.years(6)] == ["1 year", "6 years"]
    tr = QCoreApplication.translate
    assert tr("InboxWindow", "%n notification(s) not assessed within 24 hours.", "", 1) == \
        "1 notification not assessed within 24 hours."
    assert tr("DailySummaryDialog", "%n notification(s) not assessed within 24 hours:", "", 3) == \
        "3 notifications not assessed within 24 hours:"
    assert tr("DailySummaryDialog", "%n envelope(s) could not be opened:", "", 1) == \
        "1 envelope could not be opened:"


def test_no_english_plural_form_of_any_window_says_s_in_brackets() -> None:
    """The English forms are written, not copied from the source text ("%n day(s)")."""
    import xml.etree.ElementTree as ET

    for ts in sorted((ROOT / "i18n").glob("*_en.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in message.iter("numerusform")]
                assert forms and not any("(s)" in form for form in forms), (ts.name, forms)
