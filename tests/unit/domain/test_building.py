"""Building notification.json: complete, schema-valid, in the notification's language, text kept intact."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.building import NotificationIncomplete, build_document, child_initials
from desktop.domain.document import (
    AgeBand,
    ChildIdentity,
    EarlierNotifications,
    Ground,
    NotificationDocument,
    YesNoUnknown,
)
from desktop.domain.forms import FormDefinition, load_form
from desktop.domain.packs import GuidelinePack, national_pack
from desktop.paths import forms_dir

CREATED = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
FINALISED = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
ID = "0b7f1f2e-3c1a-4d1e-9a51-5e3b0a4f9c11"


def _build(
    form: FormDefinition, pack: GuidelinePack, answers: dict[str, Any], lang: str = "da"
) -> NotificationDocument:
    return build_document(
        form, pack, answers, notification_id=ID, created_at=CREATED, finalised_at=FINALISED, language=lang
    )


def _schema_valid(document: NotificationDocument) -> dict[str, Any]:
    schema = json.loads((forms_dir() / "schema" / "notification.schema.json").read_text("utf-8"))
    data: dict[str, Any] = json.loads(document.to_json_bytes())
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    return data


def test_a_complete_notification_becomes_a_schema_valid_document(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    doc = _build(form, national, complete_answers)
    data = _schema_valid(doc)
    assert data["form"] == {"id": form.id, "version": form.version}
    assert data["pack"]["id"] == "national" and data["pack"]["version"] == national.version
    assert doc.child.identity is ChildIdentity.CPR
    assert doc.child.cpr == "150317-4001"
    assert doc.child.municipality_code == "999"
    assert doc.grounds == [Ground.SPECIAL_SUPPORT, Ground.ABUSE]
    assert doc.knowledge.role == "Klasselærer" and doc.knowledge.duration == "years_1_to_3"
    assert doc.child.age_band is AgeBand.AGE_6_12
    assert doc.child.languages == ["dansk", "arabisk"]
    assert doc.siblings[0].name == "Oskar Hansen"
    assert doc.custody_holders[0].informed is False
    assert doc.custody_holders[0].not_informed_reason == "Mistanke om vold i hjemmet."
    assert doc.notifier.manager_name == "Skoleleder Demo" and doc.notifier.manager_cosigns is True
    assert doc.concern.worry_level == "red"
    assert doc.earlier_notifications == EarlierNotifications(known=YesNoUnknown.NO)
    assert not doc.acute


def test_coded_answers_are_the_same_codes_whatever_the_language(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    danish = _build(form, national, complete_answers, "da")
    english = _build(form, national, complete_answers, "en")
    assert [s.id for s in danish.concern.signals] == ["neglect.hunger", "violence.child_tells"]
    assert english.concern.signals[1].category_id == "physical_violence" and english.concern.signals[1].acute
    assert english.concern.frequency == "several"
    assert english.concern.sources == ["seen", "child_told"]
    assert english.concern.worry_level == "red"
    assert english.language == "en"
    # Only the language tag differs: a case system reads the same codes from both.
    assert danish.model_dump(exclude={"language"}) == english.model_dump(exclude={"language"})


def test_the_childs_words_emoji_rtl_and_100_kb_survive_unchanged(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    words = '  Mor sagde: "du er dum" 😢🧒🏽 — שלום עולם — مرحبا بالعالم \u200f\n  (græd)  '
    long_text = ("Observation 👀 עברית العربية æøå\n" * 3200)[: 100 * 1024]
    complete_answers["events.child_words"] = words
    complete_answers["events.observations"] = long_text
    doc = _build(form, national, complete_answers)
    data = _schema_valid(doc)
    assert data["concern"]["child_words"] == words
    assert data["concern"]["observations"] == long_text
    again = NotificationDocument.model_validate_json(doc.to_json_bytes())
    assert again == doc


def test_answers_on_hidden_fields_do_not_reach_the_municipality(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    complete_answers["child.birth_date"] = "2010-01-01"  # left over from an earlier choice
    complete_answers["notifier.manager_informed"] = False  # manager fields now hidden
    complete_answers["family.custody_holders"][0]["reaction"] = "Vred"  # hidden: not informed
    doc = _build(form, national, complete_answers)
    assert doc.child.birth_date is not None and doc.child.birth_date.year == 2017
    assert doc.notifier.manager_name is None and doc.notifier.manager_cosigns is None
    assert doc.custody_holders[0].reaction is None


@pytest.mark.parametrize("identity", ["birth_date", "unborn"])
def test_children_without_cpr_and_unborn_children_are_documented(
    form: FormDefinition,
    national: GuidelinePack,
    answers_for: Callable[[str], dict[str, Any]],
    identity: str,
) -> None:
    doc = _build(form, national, answers_for(identity))
    _schema_valid(doc)
    assert doc.child.cpr is None
    if identity == "unborn":
        assert doc.child.age_band is AgeBand.UNBORN and doc.child.due_date is not None
        assert doc.child.name is None and doc.concern.signals[0].id == "unborn.substance"
    else:
        assert doc.child.birth_date is not None and doc.child.name == "Emma Louise Hansen"


def test_an_acute_notification_is_marked_acute(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    complete_answers["acute.in_danger"] = True
    assert _build(form, national, complete_answers).acute


def test_a_correction_refers_to_the_first_notification(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    first = "6a1d3f7e-1111-4222-8333-944455556666"
    doc = build_document(
        form,
        national,
        complete_answers,
        notification_id=ID,
        created_at=CREATED,
        finalised_at=FINALISED,
        language="da",
        corrects=first,
    )
    assert doc.corrects == first


def test_an_incomplete_notification_cannot_be_built_and_says_where(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    del complete_answers["notifier.email"]
    with pytest.raises(NotificationIncomplete) as caught:
        _build(form, national, complete_answers)
    assert caught.value.details == {
        "section": "notifier",
        "field": "notifier.email",
        "problem": "field.required",
    }


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Emma Louise Hansen", "EH"),
        ("ali", "A"),
        ("Anne-Sofie Møller", "AM"),
        ("  ", ""),
        ("Øjvind Åberg", "ØÅ"),
        ("محمد علي", "مع"),
    ],
)
def test_lists_show_only_the_childs_initials(name: str, initials: str) -> None:
    assert child_initials({"child.identity": "cpr", "child.name": name}) == initials


def test_an_unborn_child_has_no_initials() -> None:
    assert child_initials({"child.identity": "unborn", "child.name": "Old answer"}) == ""


_FORM = load_form()
_NATIONAL = national_pack()
_VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((forms_dir() / "schema" / "notification.schema.json").read_text("utf-8"))
)
_mutation_values = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=8),
    st.sampled_from(
        ["cpr", "birth_date", "unborn", "2017-03-15", "2027-02-01", "150317-4001", "red", "general"]
    ),
    st.lists(st.sampled_from(["seen", "neglect.hunger", "unborn.substance", "x"]), max_size=3),
    st.fixed_dictionaries({"value": st.one_of(st.none(), st.booleans()), "why_not": st.text(max_size=4)}),
    st.lists(st.fixed_dictionaries({"name": st.text(max_size=4)}), max_size=2),
)


# answers_for is a stateless function, so sharing it across examples is safe.
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_answers_either_build_a_schema_valid_document_or_say_what_is_missing(
    answers_for: Callable[[str], dict[str, Any]], data: st.DataObject
) -> None:
    identity = data.draw(st.sampled_from(["cpr", "birth_date", "unborn"]))
    answers = answers_for(identity)
    ids = [f.id for _s, f in _FORM.iter_fields()]
    for field_id in data.draw(st.lists(st.sampled_from(ids), max_size=4)):
        if data.draw(st.booleans()):
            answers.pop(field_id, None)
        else:
            answers[field_id] = data.draw(_mutation_values)
    lang = data.draw(st.sampled_from(["da", "en"]))
    try:
        document = _build(_FORM, _NATIONAL, answers, lang)
    except NotificationIncomplete as exc:
        assert exc.details["field"] and exc.details["section"] in [s.id for s in _FORM.sections]
        return
    _VALIDATOR.validate(json.loads(document.to_json_bytes()))
    assert document.language == lang
