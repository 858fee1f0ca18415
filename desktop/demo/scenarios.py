"""Training scenarios: short fictitious cases a trainee files in demo mode (data in forms/demo/).

Each ``forms/demo/*.yaml`` file is one :class:`Scenario`: a case story in
Danish and English, a fictitious child and family, the notifier the trainee
plays, and the signals a trainee should notice. The child's age (not a birth
date) is stored, so the case stays in its age band; the CPR number is made from
it at start (:mod:`desktop.demo.people`). The JSON Schema in
``forms/demo/scenario.schema.json`` is generated from these models
(``python -m desktop.demo.scenarios``).

Pure Python: no Qt, no store.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from desktop.demo.people import birth_date_for, fictitious_cpr
from desktop.domain.age import age_band
from desktop.domain.document import AgeBand
from desktop.domain.packs import GuidelinePack
from desktop.domain.text import Localised
from desktop.errors import UnderretError
from desktop.paths import forms_dir

_ID = r"^[a-z0-9][a-z0-9_-]*$"


class ScenarioInvalid(UnderretError):  # noqa: N818 - house style: errors named for the situation
    """A scenario file that does not match the schema (the file and the problem are in details)."""

    message_id = "demo.scenario_invalid"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScenarioSibling(_Model):
    """A brother or sister the notifier knows of."""

    name: str = Field(min_length=1)
    age_years: int = Field(ge=0, le=25)


class ScenarioChild(_Model):
    """The fictitious child. ``identity`` says how the trainee identifies the child."""

    identity: Literal["cpr", "unborn"] = "cpr"
    name: str | None = Field(default=None, min_length=1)
    age_years: int | None = Field(default=None, ge=0, le=17)
    age_months: int = Field(default=0, ge=0, le=11)
    cpr_serial: str | None = Field(default=None, pattern=r"^[5-8]\d{3}$",
                                   description="7th-10th digit; 7th digit 5-8 dates births 2000-2057")
    due_in_days: int | None = Field(default=None, ge=14, le=280,
                                    description="Unborn: days until the due date")
    address: str | None = None
    institution: str | None = None
    group_or_class: str | None = None
    languages: str | None = None
    mother_name: str | None = Field(default=None, min_length=1,
                                    description="Unborn: the expectant mother, who identifies the child")
    mother_age_years: int | None = Field(default=None, ge=12, le=60)
    mother_cpr_serial: str | None = Field(default=None, pattern=r"^[5-8]\d{3}$")
    municipality: str = Field(default="999", pattern=r"^[0-9]{3}$",
                              description="Where the child lives (a training municipality: 999 or 998)")
    siblings: list[ScenarioSibling] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> ScenarioChild:
        if self.identity == "unborn":
            if self.due_in_days is None:
                raise ValueError("an unborn child needs due_in_days")
        elif self.name is None or self.age_years is None or self.cpr_serial is None:
            raise ValueError("a born child needs name, age_years and cpr_serial")
        return self


class ScenarioParent(_Model):
    """A parent or custody holder."""

    name: str = Field(min_length=1)
    relation: str = Field(min_length=1)
    has_custody: bool = True
    address: str | None = None
    phone: str | None = None
    interpreter_language: str | None = None


class ScenarioNotifier(_Model):
    """The professional the trainee plays (work details only, never a private address)."""

    name: str = Field(min_length=1)
    role: str = Field(min_length=1)
    workplace: str = Field(min_length=1)
    work_address: str = Field(min_length=1)
    phone: str = Field(min_length=2)
    email: str = Field(min_length=3)
    relation_to_child: str | None = None


class Scenario(_Model):
    """One training case."""

    schema_version: Literal[1] = 1
    id: str = Field(pattern=_ID)
    title: Localised
    story: Localised = Field(description="The case as the trainee meets it: what they saw and heard")
    concern_types: list[str] = Field(min_length=1, description="Category ids in the Demo Kommune pack")
    age_band: AgeBand = Field(description="Must match the child's age; expected signals must fit it")
    child: ScenarioChild
    parents: list[ScenarioParent] = Field(default_factory=list)
    notifier: ScenarioNotifier
    expected_signals: list[str] = Field(min_length=1, description="Signal ids a trainee should tick")
    debrief: Localised | None = Field(default=None, description="Shown with the feedback: what to talk about")

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        if len(set(self.expected_signals)) != len(self.expected_signals):
            raise ValueError("expected_signals lists a signal twice")
        if self.child.identity == "unborn":
            if self.age_band is not AgeBand.UNBORN:
                raise ValueError("an unborn child's age_band must be 'unborn'")
        else:
            years = self.child.age_years
            assert years is not None
            band = age_band(date(2000, 6, 15), unborn=False, today=date(2000 + years, 6, 15))
            if band is not self.age_band:
                raise ValueError(f"a child of {years} is in age band {band.value}, not {self.age_band.value}")
        return self

    # --- the child as the form wants it ---------------------------------------------------------
    def birth_date(self, today: date) -> date | None:
        """The child's birth date on ``today`` (``None`` for an unborn child)."""
        if self.child.age_years is None:
            return None
        return birth_date_for(self.child.age_years, self.child.age_months, today)

    def cpr(self, today: date) -> str | None:
        """The child's fictitious CPR number (``DDMMYY-SSSS``) on ``today``."""
        born = self.birth_date(today)
        if born is None or self.child.cpr_serial is None:
            return None
        return fictitious_cpr(born, self.child.cpr_serial)

    def due_date(self, today: date) -> date | None:
        """The expected due date of an unborn child."""
        if self.child.due_in_days is None:
            return None
        return today + timedelta(days=self.child.due_in_days)

    def prefilled_answers(self, today: date) -> dict[str, Any]:
        """What the wizard starts with: the child, the family and the notifier (never the signals).

        The trainee still decides whether the child is in danger, ticks the
        signals, describes what happened and whether the parents were told.
        """
        child = self.child
        answers: dict[str, Any] = {"child.identity": child.identity}
        if child.identity == "unborn":
            due = self.due_date(today)
            assert due is not None
            answers["child.due_date"] = due.isoformat()
            if child.mother_name:
                answers["mother.name"] = child.mother_name
            if child.mother_age_years is not None and child.mother_cpr_serial is not None:
                born = birth_date_for(child.mother_age_years, 0, today)
                answers["mother.cpr"] = fictitious_cpr(born, child.mother_cpr_serial)
            if child.address:
                answers["mother.address"] = child.address
        else:
            answers["child.name"] = child.name
            answers["child.cpr"] = self.cpr(today)
        answers["child.municipality"] = child.municipality
        optional = {"child.address": child.address if child.identity != "unborn" else None,
                    "child.institution": child.institution,
                    "child.group_or_class": child.group_or_class, "child.languages": child.languages}
        answers.update({key: value for key, value in optional.items() if value})
        if child.siblings:
            answers["child.siblings"] = [
                {"name": s.name, "birth_date": birth_date_for(s.age_years, 0, today).isoformat()}
                for s in child.siblings
            ]
        if self.parents:
            holders = []
            for parent in self.parents:
                item: dict[str, Any] = {"name": parent.name, "relation": parent.relation,
                                        "has_custody": parent.has_custody}
                for key in ("address", "phone", "interpreter_language"):
                    value = getattr(parent, key)
                    if value:
                        item[key] = value
                holders.append(item)
            answers["family.custody_holders"] = holders
        notifier = self.notifier
        for key in ("name", "role", "workplace", "work_address", "phone", "email"):
            value = getattr(notifier, key)
            if value:
                answers[f"notifier.{key}"] = value
        if notifier.relation_to_child:
            answers["knowledge.role"] = notifier.relation_to_child  # how the notifier knows the child
        return answers


@dataclass(frozen=True)
class Feedback:
    """How the trainee's ticked signals compare with the scenario's expected ones."""

    marked: tuple[str, ...]
    missed: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def all_found(self) -> bool:
        return not self.missed


def feedback_for(scenario: Scenario, checked: list[str] | tuple[str, ...]) -> Feedback:
    """Marked = expected and ticked; missed = expected, not ticked; extra = ticked, not expected."""
    ticked = list(dict.fromkeys(checked))
    expected = scenario.expected_signals
    return Feedback(
        marked=tuple(s for s in expected if s in ticked),
        missed=tuple(s for s in expected if s not in ticked),
        extra=tuple(s for s in ticked if s not in expected),
    )


def scenarios_dir() -> Path:
    """``forms/demo``."""
    return forms_dir() / "demo"


def load_scenario(path: Path) -> Scenario:
    """Read and check one scenario file; :class:`ScenarioInvalid` names the file and the problem."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
        return Scenario.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise ScenarioInvalid(f"{path.name}: {exc}", file=path.name, problem=str(exc)) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ScenarioInvalid(f"{path.name}: {where}: {first['msg']}", file=path.name,
                              path=where, problem=first["msg"]) from exc


def load_scenarios(folder: Path | None = None) -> list[Scenario]:
    """Every scenario in ``forms/demo`` (or ``folder``), ordered by age band then id."""
    order = {band: position for position, band in enumerate(AgeBand)}
    found = [load_scenario(p) for p in sorted((folder or scenarios_dir()).glob("*.yaml"))]
    ids = [s.id for s in found]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ScenarioInvalid("two scenarios share an id", problem=", ".join(sorted(duplicates)))
    return sorted(found, key=lambda s: (order[s.age_band], s.id))


def check_against_pack(scenario: Scenario, pack: GuidelinePack) -> list[str]:
    """Problems (plain English) where the scenario does not fit ``pack``; empty when it fits."""
    problems: list[str] = []
    categories = {c.id for c in pack.categories}
    for concern in scenario.concern_types:
        if concern not in categories:
            problems.append(f"{scenario.id}: unknown concern type {concern}")
    available = {s.id for s in pack.signals_for(scenario.age_band)}
    for signal_id in scenario.expected_signals:
        if signal_id not in available:
            problems.append(f"{scenario.id}: signal {signal_id} is not in the pack"
                            f" for {scenario.age_band.value}")
    return problems


def schema_path() -> Path:
    """``forms/demo/scenario.schema.json``."""
    return scenarios_dir() / "scenario.schema.json"


def schema_json() -> str:
    """The published JSON Schema of a scenario file."""
    schema = Scenario.model_json_schema()
    schema["$id"] = "https://underret.invalid/schema/demo-scenario.schema.json"
    schema["title"] = "Underret demo training scenario"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    """Write ``forms/demo/scenario.schema.json``."""
    schema_path().write_text(schema_json(), encoding="utf-8")
    print(f"wrote {schema_path()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
