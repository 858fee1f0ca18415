"""The yearly report as PDF (read back with pypdf) and CSV (read back with csv): known figures, "<5", no
personal data."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.desk.figures import yearly_report
from desktop.desk.report import render_report_pdf, report_csv
from desktop.desk.report_labels import LABELS
from tests.unit.desk.test_figures import known_set

CATEGORIES = {"neglect": "Omsorgssvigt", "physical_violence": "Fysisk vold",
              "parental_substance_abuse": "Forældres misbrug"}



def test_the_csv_holds_the_known_figures_with_small_counts_hidden() -> None:
    report = yearly_report(known_set(), date(2026, 1, 1), date(2026, 12, 31))
    rows = list(csv.reader(io.StringIO(report_csv(report, category_labels=CATEGORIES)), delimiter=";"))
    assert rows[0] == ["afsnit", "kode", "betegnelse", "antal"]
    table = {(section, code): count for section, code, _, count in rows[1:]}
    assert table[("overview", "total")] == "41"
    assert table[("overview", "acute")] == "15 % (6/41)"
    assert table[("overview", "assessed")] == "over 36 af 41"  # 3 late: not told exactly
    assert table[("overview", "repeats")] == "<5 af 41"
    assert table[("month", "2026-01")] == "12" and table[("month", "2026-04")] == "<5"
    assert table[("month", "2026-12")] == "<5" and table[("month", "2026-05")] == "0"
    assert table[("profession", "social")] == "<5"
    assert table[("profession", "health")] == "≥5"  # else 41 - 22 - 10 - 6 would give social's 3
    assert table[("age_band", "13-17")] == "<5" and table[("age_band", "unborn")] == "9"
    assert table[("age_band", "0-2")] == "≥5"
    assert table[("ground", "abuse")] == "6"
    assert table[("category", "physical_violence")] == "6"
    labels = {code: name for section, code, name, _ in rows[1:] if section == "category"}
    assert labels["neglect"] == "Omsorgssvigt"
    every_count = [count for section, _, _, count in rows[1:] if section not in ("overview", "period")]
    assert not any(count in {"1", "2", "3", "4"} for count in every_count)


def test_the_pdf_shows_the_figures_charts_and_the_rule_and_no_exact_small_count() -> None:
    report = yearly_report(known_set(), date(2026, 1, 1), date(2026, 12, 31))
    pdf = render_report_pdf(report, unit="Ærø Kommune, Børn og Familie", category_labels=CATEGORIES,
                            made=date(2027, 1, 15))
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Opfølgning på underretninger" in text
    assert "Ærø Kommune, Børn og Familie" in text
    assert "01.01.2026 – 31.12.2026" in text
    assert "over 36 af 41" in text and "<5 af 41" in text
    assert "Vurderet inden for 24 timer" in text
    assert "Kvittering sendt inden for seks hverdage" in text
    assert "Forældres misbrug" in text and "Overgreb (nr. 4)" in text
    assert text.count("<5") >= 6
    assert "»≥5« er 5 eller flere" in text and text.count("≥5") >= 5  # the rule, two tables, two charts
    # The charts are vector drawings: every breakdown has one, with its bars' labels as text.
    assert reader.pages[0].get_contents() is not None and len(reader.pages) >= 2


def test_an_english_report_reads_in_english() -> None:
    report = yearly_report(known_set(), date(2026, 1, 1), date(2026, 12, 31))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        render_report_pdf(report, unit="Aero", language="en"))).pages)
    assert "Follow-up on notifications of concern" in text and "<5 of 41" in text


@pytest.mark.parametrize("language", ["da", "en"])
def test_both_languages_carry_every_report_text(language: str) -> None:
    assert set(LABELS[language]) == set(LABELS["da"])
