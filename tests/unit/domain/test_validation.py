"""Validation: every rule, problems in the order the user meets them, hidden fields never required."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.answers import set_answer
from desktop.domain.flow import WizardFlow
from desktop.domain.forms import FieldType, FormDefinition, load_form
from desktop.domain.packs import GuidelinePack, national_pack
from desktop.domain.validation import Problem, first_blocking, validate

TODAY = date(2026, 11, 23)


def _ids(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(p.field_path, p.message_id) for p in problems]


def _check(form: FormDefinition, pack: GuidelinePack, answers: dict[str, Any]) -> list[tuple[str, str]]:
    return _ids(validate(form, pack, answers, today=TODAY))


def test_a_complete_notification_has_only_the_gentle_modulus_warning(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    problems = validate(form, national, complete_answers, today=TODAY)
    assert _ids(problems) == [("child.cpr", "cpr.modulus11")]
    assert not problems[0].blocking
    assert first_blocking(problems) is None


def test_an_empty_notification_points_first_at_the_acute_question(
    form: FormDefinition, national: GuidelinePack
) -> None:
    problems = validate(form, national, {}, today=TODAY)
    first = first_blocking(problems)
    assert first is not None
    assert (first.section_id, first.field_path, first.message_id) == (
        "acute",
        "acute.in_danger",
        "field.required",
    )
    sections = [p.section_id for p in problems]
    order = [s.id for s in form.sections]
    assert sections == sorted(sections, key=order.index), "problems come in page order"


def test_only_one_page_is_checked_when_asked(form: FormDefinition, national: GuidelinePack) -> None:
    problems = validate(form, national, {}, today=TODAY, section_id="notifier")
    assert problems and {p.section_id for p in problems} == {"notifier"}
    assert ("notifier.email", "field.required") in _ids(problems)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("notifier.email", "not-an-address", "field.email"),
        ("notifier.email", "a@b", "field.email"),
        ("notifier.phone", "call me", "field.phone"),
        ("notifier.phone", "12", "field.phone"),
        ("notifier.name", "x" * 501, "field.too_long"),
        ("events.observations", "x" * (128 * 1024 + 1), "field.too_long"),
        ("events.when", "2026-12-24T10:00", "field.date_future"),
        ("events.when", "yesterday", "field.datetime_format"),
        ("child.cpr", "3102174001", "cpr.date"),
        ("child.cpr", "15031", "cpr.format"),
        ("child.cpr", "150327-4001", "cpr.future"),
        ("child.cpr", "150305-4001", "child.adult"),
        ("events.frequency", "sometimes", "field.choice_unknown"),
        ("events.sources", ["seen", "guessed"], "field.choice_unknown"),
        ("events.worry_level", "purple", "field.choice_unknown"),
        ("acute.in_danger", "yes", "field.wrong_shape"),
        ("notifier.manager", {"name": "", "role": "Leder", "phone": "", "email": ""}, "person.name_required"),
        ("notifier.manager", {"name": "L", "role": "", "phone": "", "email": "nope"}, "field.email"),
        ("notifier.manager", {"name": "L" * 501, "role": "", "phone": "", "email": ""}, "field.too_long"),
        ("child.siblings[0].cpr", "999999-9999", "cpr.date"),
        ("child.siblings[0].birth_date", "2030-01-01", "field.date_future"),
        ("family.custody_holders[0].phone", "ring ikke", "field.phone"),
    ],
)
def test_each_rule_gives_its_message_on_the_right_field(
    form: FormDefinition,
    national: GuidelinePack,
    complete_answers: dict[str, Any],
    path: str,
    value: object,
    message: str,
) -> None:
    set_answer(complete_answers, path, value)
    assert (path, message) in _check(form, national, complete_answers)


def test_oversize_text_reports_the_limit_and_the_length(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    complete_answers["child.name"] = "æ" * 600
    problem = next(
        p for p in validate(form, national, complete_answers, today=TODAY) if p.field_path == "child.name"
    )
    assert problem.message_id == "field.too_long"
    assert problem.params == {"max": "500", "length": "600"}


def test_100_kb_of_observations_is_accepted(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    complete_answers["events.observations"] = "Han sagde: 'nej' 😢 שלום مرحبا\n" * 3500
    assert len(complete_answers["events.observations"]) > 100_000
    assert first_blocking(validate(form, national, complete_answers, today=TODAY)) is None


def test_why_not_is_required_when_a_parent_was_not_told(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    complete_answers["family.custody_holders"][0]["informed"] = {"value": False, "why_not": "  "}
    assert ("family.custody_holders[0].informed", "field.why_not_required") in _check(
        form, national, complete_answers
    )
    complete_answers["family.custody_holders"][0]["informed"] = {"value": True, "why_not": ""}
    problems = _check(form, national, complete_answers)
    assert ("family.custody_holders[0].informed", "field.why_not_required") not in problems


def test_telling_parents_despite_suspected_abuse_is_flagged_not_blocked(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    complete_answers["family.custody_holders"][0]["informed"] = {"value": True, "why_not": ""}
    problems = validate(form, national, complete_answers, today=TODAY)
    flagged = [p for p in problems if p.message_id == "family.told_despite_suspicion"]
    assert len(flagged) == 1 and not flagged[0].blocking


def test_a_cosigning_manager_must_be_named(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    del complete_answers["notifier.manager"]
    assert ("notifier.manager", "field.required") in _check(form, national, complete_answers)
    complete_answers["notifier.manager_cosigns"] = False
    assert ("notifier.manager", "field.required") not in _check(form, national, complete_answers)


def test_a_group_item_must_have_its_required_sub_fields(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    complete_answers["others.professionals"] = [{"name": "A"}, {"role": "PPR"}]
    assert ("others.professionals[1].name", "field.required") in _check(form, national, complete_answers)
    complete_answers["others.professionals"] = [{"name": "x"}] * 21
    assert ("others.professionals", "field.too_many_items") in _check(form, national, complete_answers)


def test_an_unborn_child_needs_a_plausible_due_date(
    form: FormDefinition, national: GuidelinePack, answers_for: Callable[[str], dict[str, Any]]
) -> None:
    answers = answers_for("unborn")
    assert first_blocking(validate(form, national, answers, today=TODAY)) is None
    answers["child.due_date"] = "2028-06-01"
    assert ("child.due_date", "field.date_too_far_ahead") in _check(form, national, answers)
    answers["child.due_date"] = "2026-01-01"
    assert ("child.due_date", "field.date_too_far_back") in _check(form, national, answers)


def test_a_signal_no_longer_in_the_pack_is_a_warning(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    complete_answers["signals.checked"] = ["neglect.hunger", "gone.from.pack"]
    problem = next(
        p
        for p in validate(form, national, complete_answers, today=TODAY)
        if p.message_id == "signals.unknown"
    )
    assert not problem.blocking and problem.params == {"count": "1"}


def test_answers_on_hidden_fields_are_never_checked(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    complete_answers["child.birth_date"] = "not a date"  # hidden: the child is identified by CPR
    complete_answers["notifier.manager_informed"] = False
    complete_answers["notifier.manager"] = {"name": "", "email": "broken"}
    assert first_blocking(validate(form, national, complete_answers, today=TODAY)) is None


_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.sampled_from(["cpr", "birth_date", "unborn", "2026-01-01", "150317-4001", "2026-11-01T10:00", "red"]),
    st.lists(st.text(max_size=6), max_size=3),
    st.fixed_dictionaries({"value": st.one_of(st.none(), st.booleans()), "why_not": st.text(max_size=4)}),
    st.lists(
        st.dictionaries(st.sampled_from(["name", "informed", "cpr", "phone"]), st.text(max_size=5)),
        max_size=2,
    ),
)


_FORM = load_form()
_NATIONAL = national_pack()


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_validation_never_crashes_and_never_requires_a_hidden_field(data: st.DataObject) -> None:
    form, national = _FORM, _NATIONAL
    ids = [f.id for _s, f in form.iter_fields()]
    answers = data.draw(st.dictionaries(st.sampled_from(ids), _values, max_size=20))
    if data.draw(st.booleans()):
        answers["signals.checked"] = data.draw(
            st.lists(st.sampled_from([s.id for s in national.signals]), max_size=4)
        )
    snapshot = copy.deepcopy(answers)
    problems = validate(form, national, answers, today=TODAY)
    assert answers == snapshot, "validation never changes the answers"
    flow = WizardFlow(form, national, lambda: answers, TODAY)
    for problem in problems:
        assert problem.section_id in flow.pages()
        assert flow.is_visible(problem.field_path), f"hidden field {problem.field_path} was checked"
        if problem.message_id == "field.required":
            assert flow.is_required(problem.field_path)


def test_every_shipped_field_type_is_understood(form: FormDefinition) -> None:
    used = {f.type for _s, top in form.iter_fields() for f in [top, *top.fields]}
    assert used == set(FieldType), f"not used in notification.yaml: {set(FieldType) - used}"


def test_dont_know_answers_the_acute_question_but_never_a_plain_yes_no_and_is_not_acute(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    from desktop.domain.building import build_document
    from desktop.domain.flow import field_visible
    from desktop.domain.validation import UNKNOWN

    answers = complete_answers | {"acute.in_danger": UNKNOWN}
    assert _check(form, national, answers) == [("child.cpr", "cpr.modulus11")]
    flow = WizardFlow(form, national, lambda: answers, lambda: TODAY)
    assert field_visible(form.field("acute.call_now"), answers, flow.context())  # whom to call, too
    at = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    document = build_document(form, national, answers, notification_id="00000000-0000-4000-8000-000000000001",
                              created_at=at, finalised_at=at, language="da")
    assert document.acute is False
    # A yes/no without "don't know" refuses it.
    plain = complete_answers | {"family.abuse_in_household": UNKNOWN}
    assert ("family.abuse_in_household", "field.wrong_shape") in _check(form, national, plain)
