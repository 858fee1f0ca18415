"""The notification form as data: sections, fields, rules, texts.

``forms/notification.yaml`` is loaded into these pydantic models (unknown keys
are refused). The wizard draws one page per :class:`Section` and one widget per
:class:`Field`; the rules (visibility, requirement, validation) are evaluated
by :mod:`desktop.domain.conditions` and :mod:`desktop.domain.validation`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator
from pydantic import Field as PField

from desktop.domain.conditions import Condition, referenced_fields
from desktop.domain.text import Localised
from desktop.errors import UnderretError
from desktop.paths import forms_dir
from protocol.codes import CODE_PATTERN, CodeList, CodeListInvalid, code_lists

#: Default and ceiling for the length of texts. 131 072 characters (128 Ki) is far more
#: than any notification needs, yet small enough for the vault, the PDF and the envelope.
SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 128 * 1024

_ID = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"
_SUB_ID = r"^[a-z][a-z0-9_]*$"
_CODE = CODE_PATTERN.pattern


class FieldType(StrEnum):
    """The kinds of input the wizard knows how to draw (value shapes: forms/README.md)."""

    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    DATE = "date"
    DATETIME = "datetime"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    YES_NO = "yes_no"
    YES_NO_WHY = "yes_no_why"
    PERSON = "person"
    CPR = "cpr"
    SIGNAL_CHECKLIST = "signal_checklist"
    REPEATABLE_GROUP = "repeatable_group"
    QUOTE = "quote"
    SCALE = "scale"
    GUIDANCE = "guidance"
    MUNICIPALITY = "municipality"
    BODY_MAP = "body_map"
    ATTACHMENTS = "attachments"


#: Field types that hold no answer (they only show text).
DISPLAY_TYPES = frozenset({FieldType.GUIDANCE})
TEXT_TYPES = frozenset({FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.QUOTE})
CHOICE_TYPES = frozenset({FieldType.SINGLE_CHOICE, FieldType.MULTI_CHOICE, FieldType.MUNICIPALITY})


class PackContent(StrEnum):
    """Guideline-pack content a guidance field shows beside its own text."""

    ACUTE_CONTACTS = "acute_contacts"
    CONTACTS = "contacts"
    CONSULTATION = "consultation"
    PROCEDURE = "procedure"
    LEGAL = "legal"
    SCALE = "scale"


class TextFormat(StrEnum):
    """Formats a short text can be checked against."""

    EMAIL = "email"
    PHONE = "phone"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Model):
    """One choice of a single or multiple choice field."""

    id: str = PField(pattern=_CODE)
    label: Localised
    help: Localised | None = None


class Validation(_Model):
    """Checks on a field's value beyond "required"."""

    max_length: int | None = PField(default=None, ge=1, le=LONG_TEXT_MAX)
    min_length: int | None = PField(default=None, ge=1)
    format: TextFormat | None = None
    not_future: bool = False
    not_past: bool = False
    max_days_ahead: int | None = PField(default=None, ge=0)
    max_days_back: int | None = PField(default=None, ge=0)
    max_items: int | None = PField(default=None, ge=1)


class PresetSource(StrEnum):
    """Where a preset's value comes from when it is not written in the form."""

    PACK_MUNICIPALITY = "pack_municipality"  # the guideline pack's municipality code


class Preset(_Model):
    """A value the wizard fills in for the user when ``when`` holds and the field is still empty.

    ``value_from`` takes the value from elsewhere instead of ``value`` (e.g. the
    guideline pack's municipality as the child's municipality).
    """

    when: Condition
    value: Any = None
    value_from: PresetSource | None = None


class Suggestion(_Model):
    """A choice the wizard suggests while ``when`` holds (see ``FormField.suggest``)."""

    value: str
    when: Condition


class FormField(_Model):
    """One question (or a guidance text) on a page."""

    id: str
    type: FieldType
    label: Localised
    help: Localised | None = None
    placeholder: Localised | None = None
    required: bool = False
    required_if: Condition | None = None
    visible_if: Condition | None = None
    validation: Validation = Validation()
    options: list[Option] = PField(default_factory=list)
    code_list: str | None = PField(default=None, description="The forms/codes list the options come from")
    suggest: list[Suggestion] = PField(
        default_factory=list,
        description="Multiple choice: the choices suggested from the other answers; they follow the answers "
        "until the person changes them, and are shown for confirmation")
    fields: list[FormField] = PField(default_factory=list)
    item_label: Localised | None = None
    why_not_label: Localised | None = None
    pack_content: PackContent | None = None
    preset: Preset | None = None
    default: Any = PField(default=None, description="The value a new notification starts with")
    important: bool = PField(default=False, description="Drawn with emphasis (acute question, warnings)")
    allow_unknown: bool = PField(
        default=False,
        description='yes_no: a third answer "don\'t know", stored as the string "unknown" (yes and no '
                    "stay booleans)")

    @model_validator(mode="after")
    def _shape_fits_type(self) -> FormField:
        if self.type in CHOICE_TYPES and not self.options:
            raise ValueError(f"a {self.type} field needs options")
        if self.type not in CHOICE_TYPES and self.options:
            raise ValueError(f"a {self.type} field has no options")
        if self.type is FieldType.REPEATABLE_GROUP:
            if not self.fields:
                raise ValueError("a repeatable_group needs fields")
            for sub in self.fields:
                if sub.type in (FieldType.REPEATABLE_GROUP, FieldType.SIGNAL_CHECKLIST):
                    raise ValueError(f"{sub.type} cannot be nested in a group")
        elif self.fields:
            raise ValueError(f"a {self.type} field has no sub-fields")
        if self.type in DISPLAY_TYPES and (self.required or self.required_if is not None):
            raise ValueError("a guidance field cannot be required")
        if self.pack_content is not None and self.type is not FieldType.GUIDANCE:
            raise ValueError("pack_content belongs on guidance fields")
        if self.suggest and self.type is not FieldType.MULTI_CHOICE:
            raise ValueError("suggest belongs on multi_choice fields")
        for suggestion in self.suggest:
            if self.option(suggestion.value) is None:
                raise ValueError(f"suggested value {suggestion.value!r} is not an option")
        return self

    @property
    def max_length(self) -> int:
        """The longest text accepted (explicit rule, else the type's default)."""
        if self.validation.max_length is not None:
            return self.validation.max_length
        long = self.type in (FieldType.LONG_TEXT, FieldType.QUOTE, FieldType.YES_NO_WHY)
        return LONG_TEXT_MAX if long else SHORT_TEXT_MAX

    @property
    def holds_answer(self) -> bool:
        """False for display-only fields."""
        return self.type not in DISPLAY_TYPES

    def option(self, option_id: str) -> Option | None:
        """The option with this id, if any."""
        return next((o for o in self.options if o.id == option_id), None)

    def sub_field(self, sub_id: str) -> FormField | None:
        """A group's sub-field by its id."""
        return next((f for f in self.fields if f.id == sub_id), None)


class SectionKind(StrEnum):
    """Ordinary question pages, and the review page the UI lays out itself."""

    FORM = "form"
    REVIEW = "review"


class Section(_Model):
    """One wizard page."""

    id: str = PField(pattern=_SUB_ID)
    kind: SectionKind = SectionKind.FORM
    title: Localised
    intro: Localised | None = None
    fields: list[FormField] = PField(default_factory=list)
    visible_if: Condition | None = None

    def field(self, field_id: str) -> FormField:
        """The field with this id on this page (KeyError if absent)."""
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)


class FormDefinition(_Model):
    """The whole notification form, in page order."""

    id: str = PField(pattern=_SUB_ID)
    version: str = PField(min_length=1)
    title: Localised
    sections: list[Section] = PField(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> FormDefinition:
        seen: set[str] = set()
        for section in self.sections:
            if section.id in seen:
                raise ValueError(f"duplicate section id {section.id!r}")
            seen.add(section.id)
        field_ids: set[str] = set()
        for section in self.sections:
            for f in section.fields:
                if not re.match(_ID, f.id):
                    raise ValueError(f"field id {f.id!r} must be lower-case words joined by dots")
                if f.id in field_ids:
                    raise ValueError(f"duplicate field id {f.id!r}")
                field_ids.add(f.id)
                sub_ids = [s.id for s in f.fields]
                if len(set(sub_ids)) != len(sub_ids):
                    raise ValueError(f"duplicate sub-field id in {f.id!r}")
                for sub_id in sub_ids:
                    if not re.match(_SUB_ID, sub_id):
                        raise ValueError(f"sub-field id {sub_id!r} in {f.id!r} must be one lower-case word")
        for section in self.sections:
            conds = [section.visible_if]
            for f in section.fields:
                conds += [f.visible_if, f.required_if, f.preset.when if f.preset else None]
                conds += [s.when for s in f.suggest]
                for s in f.fields:
                    sub_conds = (s.visible_if, s.required_if, s.preset.when if s.preset else None)
                    for ref in (r for c in sub_conds if c for r in referenced_fields(c)):
                        if ref not in field_ids and f.sub_field(ref) is None:
                            raise ValueError(f"condition in {f.id}.{s.id} reads unknown field {ref!r}")
            for cond in (c for c in conds if c is not None):
                for ref in referenced_fields(cond):
                    base = ref.split("[", 1)[0]
                    if base not in field_ids:
                        raise ValueError(f"condition in section {section.id!r} reads unknown field {ref!r}")
        if self.sections[0].id != "acute":
            raise ValueError("the first section must be 'acute' (the acute path comes first)")
        if self.sections[-1].kind is not SectionKind.REVIEW:
            raise ValueError("the last section must be the review")
        return self

    def section(self, section_id: str) -> Section:
        """The section with this id (KeyError if absent)."""
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def iter_fields(self) -> Iterator[tuple[Section, FormField]]:
        """Every top-level field with its section, in form order."""
        for section in self.sections:
            for f in section.fields:
                yield section, f

    def field(self, field_id: str) -> FormField:
        """A top-level field by id, or a group sub-field by ``group.sub`` path (KeyError if absent)."""
        for _section, f in self.iter_fields():
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def section_of(self, field_id: str) -> Section:
        """The section holding a top-level field."""
        for section, f in self.iter_fields():
            if f.id == field_id:
                return section
        raise KeyError(field_id)


class FormInvalid(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """The form definition file cannot be used (details: file, path, problem)."""

    message_id = "form.invalid"


def initial_answers(form: FormDefinition) -> dict[str, Any]:
    """The answers a new notification starts with: the fields' defaults and the form version."""
    answers = {f.id: f.default for _s, f in form.iter_fields() if f.default is not None}
    answers["meta.form_version"] = form.version  # desktop.domain.migration.FORM_VERSION_KEY
    return answers


def default_form_path() -> Path:
    """``forms/notification.yaml``."""
    return forms_dir() / "notification.yaml"


def load_form(path: Path | None = None) -> FormDefinition:
    """Read and check a form definition (the shipped one by default)."""
    path = path or default_form_path()
    try:
        # Always a *safe* loader (libyaml's when present): plain data, no object construction.
        safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text("utf-8"), Loader=safe_loader)  # noqa: S506
    except (OSError, yaml.YAMLError) as exc:
        raise FormInvalid(str(exc), file=path.name, path="", problem=str(exc)) from exc
    try:
        data = with_code_list_options(data, code_lists(forms_dir() / "codes"))
    except (CodeListInvalid, ValueError) as exc:
        raise FormInvalid(f"{path.name}: {exc}", file=path.name, path="", problem=str(exc)) from exc
    try:
        return FormDefinition.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise FormInvalid(f"{path.name}: {where}: {first['msg']}", file=path.name, path=where,
                          problem=first["msg"]) from exc


def with_code_list_options(data: Any, lists: Mapping[str, CodeList]) -> Any:
    """The form data with each ``code_list`` field's options filled in from that list (in its order).

    A field names either ``options`` or a ``code_list``, never both: every answer from
    a fixed list is then a stable code from ``forms/codes``.
    """
    if not isinstance(data, dict):
        return data

    def expand(field: Any) -> Any:
        if not isinstance(field, dict):
            return field
        out = dict(field)
        name = out.get("code_list")
        if name is not None:
            if "options" in out:
                raise ValueError(f"field {out.get('id')!r} has both options and a code_list")
            if name not in lists:
                raise ValueError(f"field {out.get('id')!r} names an unknown code list {name!r}")
            out["options"] = [
                {"id": c.code, "label": dict(c.label), **({"help": dict(c.help)} if c.help else {})}
                for c in lists[name].codes
            ]
        if isinstance(out.get("fields"), list):
            out["fields"] = [expand(sub) for sub in out["fields"]]
        return out

    result = dict(data)
    sections = result.get("sections")
    if isinstance(sections, list):
        result["sections"] = [
            {**s, "fields": [expand(f) for f in s.get("fields", [])]} if isinstance(s, dict) else s
            for s in sections
        ]
    return result


def form_json_schema() -> dict[str, Any]:
    """The JSON Schema of the form definition format (``forms/schema/form.schema.json``)."""
    schema = FormDefinition.model_json_schema()
    schema["$id"] = "https://schemas.underret.dk/form/2"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


__all__ = [
    "Field",
    "FieldType",
    "FormDefinition",
    "FormField",
    "FormInvalid",
    "Option",
    "PackContent",
    "Section",
    "SectionKind",
    "Validation",
    "load_form",
]

#: The name the contract uses for a form field.
Field = FormField
