"""The desk reads what it lists, links and counts from a received notification.json (schema 1 and 2)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.desk.received import (
    DocumentUnreadable,
    Profession,
    age_text_parts,
    cpr_digits,
    from_document,
    profession_of,
)
from tests.support.desk import received
from tests.support.document import sample_document, sample_document_v1

WHEN = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)


def test_a_version_1_document_gives_child_notifier_categories_and_derived_grounds() -> None:
    document = sample_document_v1()
    item = from_document(document, reference="AERO-2026-000007", received_at=WHEN)
    assert item.child_name == "Åse Ødegård Ærenlund"
    assert item.child_cpr == "0101174321"
    assert item.child_birth_date == date(2017, 1, 1)
    assert item.acute is True
    assert item.notifier_name == "Mette Kjær Sørensen"
    assert item.workplace == "Ærøskøbing Skole"
    assert item.profession == "teacher"  # "Klasselærer"
    assert item.categories == ("physical", "neglect", "psychological")
    assert item.category_labels == ("Fysisk vold", "Omsorgssvigt", "Psykisk vold")  # v1 carried labels
    # Version 1 records no § 133 grounds: derived as protocol.notification_v1 derives them.
    assert item.grounds == ("special_support",)
    assert item.sibling_cprs == ("1203224567",)
    assert item.reference == "AERO-2026-000007"
    assert item.received_at == WHEN
    assert item.schema_version == 1


def test_a_version_2_document_gives_its_grounds_the_parents_cpr_and_category_labels_from_the_pack() -> None:
    item = from_document(sample_document().model_dump(mode="json"), reference="R", received_at=WHEN)
    assert item.grounds == ("special_support", "abuse")
    assert item.categories == ("physical_violence", "neglect")
    assert item.category_labels == ("Fysisk vold", "Omsorgssvigt")  # v2 has codes: labels from the pack
    assert item.parent_cprs == ("0505904002",)
    assert item.municipality_code == "492"  # where the child lives: the recipient
    assert item.schema_version == 2


def test_an_unborn_child_is_identified_by_the_expectant_mother() -> None:
    document = sample_document().model_dump(mode="json")
    document["grounds"] = ["unborn_child"]
    document["child"] |= {"identity": "unborn", "cpr": None, "name": None, "birth_date": None,
                          "due_date": "2026-06-01", "age_band": "unborn",
                          "expectant_mother": {"name": "Birgitte Ærenlund", "cpr": "120394-1234",
                                               "address": None}}
    item = from_document(document, reference="R", received_at=WHEN)
    assert item.unborn and item.child_cpr is None
    assert item.mother_cpr == "1203941234"
    assert item.grounds == ("unborn_child",)
    assert item.due_date == date(2026, 6, 1)
    assert item.child_name == "Birgitte Ærenlund"  # the identifying person of an unborn child


@pytest.mark.parametrize("broken", [{}, {"schema_version": 3}, {"schema_version": 1, "notification_id": "x"}])
def test_an_unreadable_document_is_named_as_such(broken: dict[str, object]) -> None:
    with pytest.raises(DocumentUnreadable):
        from_document(broken, reference="R", received_at=WHEN)


def test_the_repr_shows_no_name_or_cpr() -> None:
    item = received(when=WHEN, cpr="0101174321", name="Åse")
    assert "Åse" not in repr(item) and "0101174321" not in repr(item)


@pytest.mark.parametrize(("role", "profession"), [
    ("Pædagog i børnehaven", Profession.EDUCATOR), ("Skoleleder", Profession.LEADER),
    ("Sundhedsplejerske", Profession.HEALTH), ("Klasselærer", Profession.TEACHER),
    ("PPR-psykolog", Profession.SOCIAL), ("Pedel", Profession.OTHER),
])
def test_a_free_text_role_maps_to_a_profession_for_the_report(role: str, profession: Profession) -> None:
    assert profession_of(role) is profession


def test_cpr_digits_accepts_both_forms_and_nothing_else() -> None:
    assert cpr_digits("010117-4321") == cpr_digits("0101174321") == "0101174321"
    assert cpr_digits("abc") is None and cpr_digits(None) is None


def test_age_is_told_in_months_under_one_year_and_years_after() -> None:
    baby = received(when=WHEN, birth=date(2025, 12, 20))
    child = received(when=WHEN, birth=date(2019, 3, 4))
    assert age_text_parts(baby, date(2026, 3, 3)) == ("months", 2)
    assert age_text_parts(child, date(2026, 3, 3)) == ("years", 6)
    assert age_text_parts(child, date(2026, 3, 4)) == ("years", 7)
    assert age_text_parts(received(when=WHEN, unborn=True), date(2026, 3, 3)) == ("unborn", 0)
