"""The lenient preview: a notification still being written, as far as it goes, with its gaps named.

The review page shows the municipality's layout from the first page on; these
tests pin down what the domain tells it: which answers are still missing, on
which page, and where in the document each shows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from desktop.domain.building import NotificationIncomplete, build_document
from desktop.domain.document import AgeBand
from desktop.domain.forms import FormDefinition
from desktop.domain.packs import GuidelinePack
from desktop.domain.preview import AGE_BAND_PART, build_preview, document_part

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
ID = "5f0c7a1e-2b3c-4d5e-8f90-123456789abc"


def preview(form: FormDefinition, pack: GuidelinePack, answers: dict[str, Any], language: str = "da") -> Any:
    return build_preview(form, pack, answers, notification_id=ID, created_at=NOW, now=NOW, language=language)


def test_an_empty_notification_names_every_required_answer_with_its_page(
        form: FormDefinition, national: GuidelinePack) -> None:
    result = preview(form, national, {})

    assert not result.complete
    pages = {gap.field_path: gap.section_id for gap in result.gaps}
    assert pages["acute.in_danger"] == "acute"
    assert pages["child.identity"] == "child"
    assert pages["events.observations"] == "events"
    assert {"notifier.name", "notifier.role", "notifier.workplace", "notifier.phone", "notifier.email",
            "notifier.duty"} <= {path for path, page in pages.items() if page == "notifier"}
    assert all(gap.missing for gap in result.gaps)


def test_gaps_carry_the_page_title_and_field_label_in_the_notifications_language(
        form: FormDefinition, national: GuidelinePack) -> None:
    danish = {gap.part: gap for gap in preview(form, national, {}).gaps}
    english = {gap.part: gap for gap in preview(form, national, {}, language="en").gaps}

    assert danish["notifier.email"].page_title == "Om dig"
    assert english["notifier.email"].page_title == "About you"
    assert danish["notifier.email"].field_label != english["notifier.email"].field_label


def test_an_unknown_age_band_is_a_gap_that_leads_to_the_cpr_number(
        form: FormDefinition, national: GuidelinePack) -> None:
    result = preview(form, national, {"child.identity": "cpr", "child.name": "Emma"})

    age = next(gap for gap in result.gaps if gap.part == AGE_BAND_PART)
    assert (age.section_id, age.field_path) == ("child", "child.cpr")
    # The document still builds: the placeholder age band is there only to satisfy the model.
    assert result.document.child.name == "Emma"
    assert result.document.child.age_band in AgeBand


def test_a_parent_not_yet_asked_about_is_a_gap_in_the_family_part(
        form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]) -> None:
    answers = dict(complete_answers)
    answers["family.custody_holders"] = [{"name": "Karin Hansen"}]

    result = preview(form, national, answers)

    assert [(gap.section_id, gap.part) for gap in result.gaps] == [("family", "custody_holders[0].informed")]
    assert result.gaps[0].field_label.startswith("Forælder 1 › ")


def test_a_parent_not_told_without_a_reason_is_a_gap_in_the_reason(
        form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]) -> None:
    answers = dict(complete_answers)
    answers["family.custody_holders"] = [{"name": "Karin Hansen", "informed": {"value": False}}]

    (gap,) = preview(form, national, answers).gaps

    assert gap.part == "custody_holders[0].not_informed_reason"
    assert gap.field_path == "family.custody_holders[0].informed"
    assert gap.missing


def test_a_wrong_answer_is_a_gap_to_correct_not_a_missing_one(
        form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]) -> None:
    answers = dict(complete_answers)
    answers["notifier.email"] = "mette at skolen"

    (gap,) = preview(form, national, answers).gaps

    assert (gap.part, gap.message_id, gap.missing) == ("notifier.email", "field.email", False)
    assert gap.problem().field_path == "notifier.email"


@pytest.mark.parametrize("identity", ["cpr", "birth_date", "unborn"])
def test_complete_answers_preview_as_exactly_the_finalised_document(
        form: FormDefinition, national: GuidelinePack, answers_for: Any, identity: str) -> None:
    answers = answers_for(identity)

    result = preview(form, national, answers)
    strict = build_document(form, national, answers, notification_id=ID, created_at=NOW, finalised_at=NOW,
                            language="da")

    assert result.complete
    assert result.document.to_json_bytes() == strict.to_json_bytes()


def test_finalising_still_refuses_what_the_preview_shows_with_gaps(
        form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]) -> None:
    answers = dict(complete_answers)
    del answers["notifier.email"]
    assert not preview(form, national, answers).complete

    with pytest.raises(NotificationIncomplete):
        build_document(form, national, answers, notification_id=ID, created_at=NOW, finalised_at=NOW,
                       language="da")


def test_hidden_answers_never_reach_the_preview(
        form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]) -> None:
    answers = dict(complete_answers)
    answers["child.identity"] = "birth_date"  # the CPR number typed earlier is now hidden
    del answers["notifier.name"]

    result = preview(form, national, answers)

    assert result.document.child.cpr is None
    assert result.document.child.birth_date is None
    assert {gap.field_path for gap in result.gaps} == {"child.birth_date", "notifier.name"}


def test_answers_map_to_their_place_in_the_document() -> None:
    assert document_part("events.observations") == "concern.observations"
    assert document_part("events.when", "field.datetime_format") == "concern.observed_when"
    assert document_part("child.siblings[1].name") == "siblings[1].name"
    assert document_part("others.professionals[0].name") == "other_professionals[0].name"
    assert document_part("notifier.email") == "notifier.email"


def test_the_preview_checks_dates_against_its_own_today(
        form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]) -> None:
    answers = dict(complete_answers)
    answers["child.identity"] = "birth_date"
    answers["child.birth_date"] = date(2026, 12, 24).isoformat()  # after NOW: not born yet

    result = preview(form, national, answers)

    assert [gap.field_path for gap in result.gaps][:1] == ["child.birth_date"]
    assert not result.gaps[0].missing
