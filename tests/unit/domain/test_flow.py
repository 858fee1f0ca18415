"""Wizard navigation: pages in order, hidden pages skipped, fields shown as answers change."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.answers import set_answer
from desktop.domain.conditions import All, evaluate
from desktop.domain.document import AgeBand
from desktop.domain.flow import WizardFlow, apply_presets, decline_presets, declined_presets, derived_presets
from desktop.domain.forms import FormDefinition, load_form
from desktop.domain.packs import GuidelinePack, national_pack

TODAY = date(2026, 11, 23)


def _flow(form: FormDefinition, pack: GuidelinePack, answers: dict[str, Any]) -> WizardFlow:
    return WizardFlow(form, pack, lambda: answers, TODAY)


def test_pages_run_from_the_acute_question_to_the_review(
    form: FormDefinition, national: GuidelinePack
) -> None:
    flow = _flow(form, national, {})
    assert flow.pages() == ["acute", "child", "knowledge", "signals", "events", "observations", "child_view",
                            "family", "others", "grounds", "notifier", "review"]
    assert flow.first() == "acute"
    assert flow.last() == "review"
    assert flow.previous("acute") is None
    assert flow.next("review") is None
    assert flow.next("acute") == "child"
    assert flow.previous("child") == "acute"
    assert flow.position("signals") == (4, 12)


def test_a_section_hidden_by_its_condition_is_skipped(form: FormDefinition, national: GuidelinePack) -> None:
    data = form.model_dump(by_alias=True, exclude_none=True)
    data["sections"][4]["visible_if"] = {"acute": True}
    changed = FormDefinition.model_validate(data)
    answers: dict[str, Any] = {"acute.in_danger": False}
    flow = _flow(changed, national, answers)
    assert "events" not in flow.pages()
    assert flow.next("signals") == "observations"
    assert flow.previous("observations") == "signals"
    # From a page that has just disappeared, navigation still works.
    assert flow.next("events") == "observations"
    answers["acute.in_danger"] = True
    assert flow.next("signals") == "events"


def test_whom_to_call_shows_only_when_the_child_is_in_danger(
    form: FormDefinition, national: GuidelinePack
) -> None:
    answers: dict[str, Any] = {}
    flow = _flow(form, national, answers)
    assert not flow.is_visible("acute.call_now")
    answers["acute.in_danger"] = True
    assert flow.is_visible("acute.call_now")
    assert [c.phone for c in national.acute_contacts() if c.phone] == ["112"]


def test_identity_choice_decides_which_child_fields_show(
    form: FormDefinition, national: GuidelinePack
) -> None:
    answers: dict[str, Any] = {"child.identity": "cpr"}
    flow = _flow(form, national, answers)
    ids = [f.id for f in flow.visible_fields("child")]
    assert "child.cpr" in ids and "child.birth_date" not in ids and "child.due_date" not in ids
    answers["child.identity"] = "unborn"
    ids = [f.id for f in flow.visible_fields("child")]
    assert "child.due_date" in ids and "child.cpr" not in ids and "child.name" not in ids


def test_age_band_comes_from_the_cpr_number_and_drives_the_signals(
    form: FormDefinition, national: GuidelinePack
) -> None:
    answers: dict[str, Any] = {"child.identity": "cpr", "child.cpr": "150322-4001"}
    flow = _flow(form, national, answers)
    assert flow.age_band() is AgeBand.AGE_3_5
    small = {s.id for _c, group in flow.signal_groups() for s in group}
    answers["child.cpr"] = "150311-4001"
    assert flow.age_band() is AgeBand.AGE_13_17
    teen = {s.id for _c, group in flow.signal_groups() for s in group}
    assert "wellbeing.frozen_watchfulness" in small and "wellbeing.frozen_watchfulness" not in teen
    assert "honour.forced_marriage" in teen and "honour.forced_marriage" not in small


def test_ticking_violence_presets_parents_not_told_first(
    form: FormDefinition, national: GuidelinePack
) -> None:
    answers: dict[str, Any] = {
        "signals.checked": ["violence.child_tells"],
        "family.custody_holders": [{"name": "A"}, {"name": "B", "informed": {"value": True, "why_not": ""}}],
    }
    flow = _flow(form, national, answers)
    assert flow.is_visible("family.protect_guidance")
    filled = apply_presets(form, national, answers, TODAY)
    # The § 133 grounds follow the answers too: abuse, once violence is suspected.
    assert filled == ["family.abuse_in_household", "family.custody_holders[0].informed",
                      "grounds.section_133"]
    assert answers["grounds.section_133"] == ["abuse"]
    assert answers["family.abuse_in_household"] is True
    assert answers["family.custody_holders"][0]["informed"] == {"value": False, "why_not": ""}
    # What the user already answered is never overwritten.
    assert answers["family.custody_holders"][1]["informed"]["value"] is True
    assert apply_presets(form, national, answers, TODAY) == []


def test_presets_that_follow_other_answers_are_told_apart_and_an_undone_one_is_not_filled_again(
    form: FormDefinition, national: GuidelinePack
) -> None:
    answers: dict[str, Any] = {"signals.checked": ["violence.patterned_marks"],
                               "family.custody_holders": [{"name": "A"}]}
    filled = apply_presets(form, national, answers, TODAY)
    # The municipality is a default (filled whatever the answers); the rest follow the sign of violence
    # and must be told where the person is.
    assert derived_presets(form, [*filled, "child.municipality"]) == [
        "family.abuse_in_household", "family.custody_holders[0].informed", "grounds.section_133"]
    for path in ("family.abuse_in_household", "family.custody_holders[0].informed"):
        set_answer(answers, path, None)
    decline_presets(answers, ["family.abuse_in_household", "family.custody_holders[0].informed"])
    assert declined_presets(answers) == {"family.abuse_in_household", "family.custody_holders[0].informed"}
    assert "family.abuse_in_household" not in apply_presets(form, national, answers, TODAY)
    assert answers["family.abuse_in_household"] is None
    assert answers["family.custody_holders"][0]["informed"] is None


def test_a_reaction_is_asked_only_of_a_parent_who_was_told(
    form: FormDefinition, national: GuidelinePack
) -> None:
    holders = [{"name": "A", "informed": {"value": True}}, {"name": "B"}]
    answers: dict[str, Any] = {"family.custody_holders": holders}
    flow = _flow(form, national, answers)
    assert flow.is_visible("family.custody_holders[0].reaction")
    assert not flow.is_visible("family.custody_holders[1].reaction")


_answer_values = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=5),
    st.lists(st.text(max_size=5), max_size=3),
    st.fixed_dictionaries({"value": st.one_of(st.none(), st.booleans()), "why_not": st.text(max_size=3)}),
)


_FORM = load_form()
_NATIONAL = national_pack()


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_pages_always_start_with_acute_and_end_with_review(data: st.DataObject) -> None:
    form, national = _FORM, _NATIONAL
    field_ids = [f.id for _s, f in form.iter_fields()]
    answers = data.draw(st.dictionaries(st.sampled_from(field_ids), _answer_values, max_size=12))
    pages = _flow(form, national, answers).pages()
    assert pages[0] == "acute" and pages[-1] == "review"
    assert evaluate(All(all=[]), answers, _flow(form, national, answers).context())
