"""Training scenarios: enough of them, fictitious children, signals a trainee can actually find."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from desktop.demo.environment import demo_pack_path
from desktop.demo.scenarios import (
    Scenario,
    ScenarioInvalid,
    check_against_pack,
    feedback_for,
    load_scenario,
    load_scenarios,
    schema_json,
    schema_path,
)
from desktop.domain.age import age_band
from desktop.domain.cpr import is_fictitious, parse_cpr
from desktop.domain.document import AgeBand
from desktop.domain.packs import load_pack

#: A spread of days, so a birthday or a new year does not move a case out of its band.
DAYS = [date(2026, 11, 23), date(2027, 1, 1), date(2027, 1, 21), date(2029, 2, 28), date(2031, 6, 30)]


@pytest.fixture(scope="module")
def scenarios() -> list[Scenario]:
    return load_scenarios()


def test_there_are_at_least_eight_cases_across_every_age_band(scenarios: list[Scenario]) -> None:
    assert len(scenarios) >= 8
    bands = {s.age_band for s in scenarios}
    assert {AgeBand.UNBORN, AgeBand.AGE_13_17, AgeBand.AGE_6_12} <= bands
    assert bands & {AgeBand.AGE_0_2, AgeBand.AGE_3_5}, "no case for a child of 0-5"


def test_the_cases_cover_every_kind_of_concern_trainers_teach(scenarios: list[Scenario]) -> None:
    covered = {c for s in scenarios for c in s.concern_types}
    assert {"neglect", "physical_violence", "psychological_violence", "sexual_abuse", "self_harm",
            "school_absence", "honour_radicalisation"} <= covered
    assert {"parental_substance_abuse", "parental_mental_illness"} <= covered
    ids = {s.id for s in scenarios}
    assert {"honour-conflict", "radicalisation"} <= ids


@pytest.mark.parametrize("today", DAYS)
def test_every_child_has_a_cpr_number_that_cannot_belong_to_a_real_person(
        scenarios: list[Scenario], today: date) -> None:
    for scenario in scenarios:
        number = scenario.cpr(today)
        if scenario.child.identity == "unborn":
            assert number is None
            continue
        assert number is not None
        cpr = parse_cpr(number)
        assert is_fictitious(cpr), scenario.id
        assert cpr.birth_date == scenario.birth_date(today)
        assert age_band(cpr.birth_date, unborn=False, today=today) is scenario.age_band, scenario.id


@pytest.mark.parametrize("today", DAYS)
def test_expected_signals_exist_in_demo_kommune_for_the_childs_age(
        scenarios: list[Scenario], today: date) -> None:
    pack = load_pack(demo_pack_path())
    for scenario in scenarios:
        assert check_against_pack(scenario, pack) == []
        born = scenario.birth_date(today)
        band = age_band(born, unborn=scenario.child.identity == "unborn", today=today)
        available = {s.id for s in pack.signals_for(band)}
        assert set(scenario.expected_signals) <= available, scenario.id


def test_every_case_tells_its_story_in_danish_and_english(scenarios: list[Scenario]) -> None:
    for scenario in scenarios:
        assert len(scenario.story.da) > 100 and len(scenario.story.en) > 100


def test_prefilled_answers_give_the_people_but_leave_the_signals_to_the_trainee(
        scenarios: list[Scenario]) -> None:
    today = DAYS[0]
    for scenario in scenarios:
        answers = scenario.prefilled_answers(today)
        assert "signals.checked" not in answers
        assert "acute.in_danger" not in answers
        assert answers["notifier.name"] == scenario.notifier.name
        if scenario.child.identity == "unborn":
            assert answers["child.due_date"] > today.isoformat()
        else:
            assert answers["child.cpr"] == scenario.cpr(today)
            assert answers["child.name"] == scenario.child.name
        for holder in answers.get("family.custody_holders", []):
            assert "informed" not in holder  # the trainee decides whether the parents are told


def test_feedback_sorts_signals_into_marked_missed_and_extra(scenarios: list[Scenario]) -> None:
    scenario = next(s for s in scenarios if s.id == "kindergarten-neglect")
    first, second, *rest = scenario.expected_signals
    feedback = feedback_for(scenario, [second, "wellbeing.withdrawn", first, first])
    assert feedback.marked == (first, second)
    assert feedback.missed == tuple(rest)
    assert feedback.extra == ("wellbeing.withdrawn",)
    assert not feedback.all_found
    assert feedback_for(scenario, scenario.expected_signals).all_found


def test_the_published_json_schema_matches_the_model() -> None:
    assert schema_path().read_text(encoding="utf-8") == schema_json(), \
        "run: python -m desktop.demo.scenarios"


def test_a_case_with_a_child_in_the_wrong_age_band_is_refused(tmp_path: Path) -> None:
    source = (demo_pack_path().parent.parent / "demo" / "self-harm.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(source.replace("age_years: 15", "age_years: 9"), encoding="utf-8")
    with pytest.raises(ScenarioInvalid) as caught:
        load_scenario(broken)
    assert caught.value.details["file"] == "broken.yaml"
    assert "age band" in caught.value.details["problem"]


def test_a_case_with_a_real_looking_serial_is_made_fictitious_anyway() -> None:
    scenario = next(s for s in load_scenarios() if s.child.identity == "cpr")
    for day in range(1, 400, 7):
        today = date.fromordinal(date(2026, 1, 1).toordinal() + day)
        number = scenario.cpr(today)
        assert number is not None and is_fictitious(parse_cpr(number))


def test_a_case_with_a_sign_that_may_mean_danger_now_teaches_to_phone(scenarios: list[Scenario]) -> None:
    # A trainer's debrief must not leave out the phone call the pack asks for (wording review 30, 34).
    pack = load_pack(demo_pack_path())
    for scenario in scenarios:
        if not any(pack.signal(s).acute for s in scenario.expected_signals):
            continue
        assert scenario.debrief is not None, scenario.id
        # »Ring til …« / »ringe til …« as words: »vurdering« and »bringe« hold the letters »ring« too.
        assert re.search(r"\bringe? til\b", scenario.debrief.da, re.IGNORECASE), scenario.id
        assert re.search(r"\b(phone|call)\b", scenario.debrief.en, re.IGNORECASE), scenario.id


def test_the_danish_of_the_cases_quotes_with_guillemets_and_says_du(scenarios: list[Scenario]) -> None:
    # House style from the wording review (35, 40): »…« for quotes, the trainee is "du", never "man".
    for scenario in scenarios:
        texts = [scenario.title.da, scenario.story.da] + ([scenario.debrief.da] if scenario.debrief else [])
        for text in texts:
            assert '"' not in text and "“" not in text and "”" not in text, (scenario.id, text)
            assert " man " not in f" {text} ".replace(",", " "), (scenario.id, text)
