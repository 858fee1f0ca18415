"""The review page's preview drawn from the same outline as the copy: gaps shown where answers are missing.

One outline, two ways in: a finalised document, or the lenient preview of a
notification still being written. With complete answers both give the same
outline and the same HTML, byte for byte.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from desktop.documents.html import render_html, render_preview_html
from desktop.documents.outline import Outline, Row, Rows, build_outline
from desktop.domain.building import build_document
from desktop.domain.forms import load_form
from desktop.domain.packs import national_pack
from desktop.domain.preview import NotificationPreview, build_preview

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
ID = "5f0c7a1e-2b3c-4d5e-8f90-123456789abc"


def preview(answers: dict[str, Any], language: str = "da") -> NotificationPreview:
    return build_preview(load_form(), national_pack(), answers, notification_id=ID, created_at=NOW, now=NOW,
                         language=language)


def rows_by_section(outline: Outline) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for section in outline.sections:
        for block in section.blocks:
            if isinstance(block, Rows):
                found.setdefault(section.title, []).extend(block.rows)
    return found


def gap_rows(outline: Outline) -> dict[str, list[str]]:
    """Per section title, the labels of the rows that are gaps."""
    return {title: [row.label for row in rows if row.link] for title, rows in rows_by_section(outline).items()
            if any(row.link for row in rows)}


def test_missing_answers_show_as_gaps_in_the_sections_the_municipality_reads_them(
        complete_answers: dict[str, Any]) -> None:
    answers = dict(complete_answers)
    del answers["child.cpr"]
    del answers["events.observations"]
    del answers["notifier.email"]
    answers["family.custody_holders"] = [{"name": "Karin Hansen"}]
    result = preview(answers)

    outline = build_outline(result.document, result.gaps)

    assert gap_rows(outline) == {
        "Barnet": ["CPR-nummer", "Aldersgruppe"],
        "Beskrivelse": ["Hvad er set og hørt"],
        "Forældre og forældremyndighedsindehavere": ["Orienteret om underretningen"],
        "Underretter": ["E-mail (arbejde)"],
    }
    email = next(row for row in rows_by_section(outline)["Underretter"] if row.label == "E-mail (arbejde)")
    assert email.value == "Ikke udfyldt endnu – gå til siden »Om dig«"
    # The link names the gap, so the page can open the field it belongs to.
    gap = result.gaps[int((email.link or "").removeprefix("gap:"))]
    assert (gap.section_id, gap.field_path) == ("notifier", "notifier.email")


def test_a_parent_whose_answer_is_missing_shows_no_stand_in_no(complete_answers: dict[str, Any]) -> None:
    answers = dict(complete_answers)
    answers["family.custody_holders"] = [{"name": "Karin Hansen"}]
    result = preview(answers)

    sections = rows_by_section(build_outline(result.document, result.gaps))
    rows = sections["Forældre og forældremyndighedsindehavere"]

    labels = {row.label: row.value for row in rows}
    assert labels["Orienteret om underretningen"].startswith("Ikke udfyldt endnu")
    assert "Hvorfor ikke orienteret" not in labels


def test_a_started_notification_shows_its_answers_and_is_not_called_finalised() -> None:
    result = preview({"acute.in_danger": False, "child.identity": "birth_date", "child.name": "Åse Ørsted"})

    outline = build_outline(result.document, result.gaps)

    child = {row.label: row.value for row in rows_by_section(outline)["Barnet"]}
    assert child["Navn"] == "Åse Ørsted"
    assert child["Fødselsdato"].startswith("Ikke udfyldt endnu")
    assert child["Aldersgruppe"].startswith("Ikke udfyldt endnu")
    heading = {row.label: row.value for row in outline.heading_rows}
    assert heading["Gjort færdig"] == "Ikke gjort færdig endnu"


def test_every_gap_is_shown_somewhere_even_one_without_a_place_of_its_own() -> None:
    result = preview({})

    outline = build_outline(result.document, result.gaps)

    links = {row.link for rows in rows_by_section(outline).values() for row in rows if row.link}
    links |= {row.link for row in outline.heading_rows if row.link}
    assert links == {f"gap:{index}" for index in range(len(result.gaps))}


def test_the_preview_html_links_each_gap_and_escapes_what_was_typed() -> None:
    result = preview({"child.identity": "birth_date", "child.name": "<b>Emma</b>"}, language="en")

    html = render_preview_html(result)

    assert '<a href="gap:' in html
    assert "Not filled in yet — go to the page" in html
    assert "&lt;b&gt;Emma&lt;/b&gt;" in html


@pytest.mark.parametrize("identity", ["cpr", "birth_date", "unborn"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_complete_answers_give_the_finalised_outline_and_html_byte_for_byte(
        answers_for: Any, identity: str, language: str) -> None:
    answers = answers_for(identity)
    result = preview(answers, language)
    strict = build_document(load_form(), national_pack(), answers, notification_id=ID, created_at=NOW,
                            finalised_at=NOW, language=language)

    assert result.complete
    assert build_outline(result.document, result.gaps) == build_outline(strict)
    # On screen before it is finished, the copy says "not finalised yet" where the finished one has its time.
    assert render_preview_html(result).encode() == render_html(strict, finalised=False).encode()


def test_the_heading_names_the_notifier_while_their_role_is_still_missing(
        complete_answers: dict[str, Any]) -> None:
    answers = dict(complete_answers)
    del answers["notifier.role"]
    result = preview(answers)

    outline = build_outline(result.document, result.gaps)

    heading = {row.label: row.value for row in outline.heading_rows}
    assert heading["Underretter"] == "Lærer Demo"
    notifier = {row.label: row.value for row in rows_by_section(outline)["Underretter"]}
    assert notifier["Stilling"] == "Ikke udfyldt endnu – gå til siden »Om dig«"
