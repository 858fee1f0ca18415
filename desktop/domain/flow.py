"""UI-agnostic wizard navigation, in the spirit of Electrum's ``wizard.py``.

The domain decides which pages exist, which comes next and which fields show;
the Qt wizard only draws. Pages are the form's sections in order, skipping a
section whose ``visible_if`` is false for the current answers. Answers are read
through a getter on every call, so the flow always reflects what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from datetime import date
from typing import Any

from desktop.domain.answers import FieldPathInvalid, get_answer, is_answered, parse_path, set_answer
from desktop.domain.conditions import ConditionContext, evaluate
from desktop.domain.context import build_context
from desktop.domain.document import AgeBand
from desktop.domain.forms import FormDefinition, FormField, Preset, PresetSource, Section
from desktop.domain.packs import Category, GuidelinePack, Signal

AnswersGetter = Callable[[], Mapping[str, Any]]


def section_visible(section: Section, answers: Mapping[str, Any], ctx: ConditionContext) -> bool:
    """Whether a page shows."""
    return evaluate(section.visible_if, answers, ctx)


def field_visible(
    f: FormField, answers: Mapping[str, Any], ctx: ConditionContext, item: Mapping[str, Any] | None = None
) -> bool:
    """Whether a field (or, with ``item``, a group sub-field) shows."""
    return evaluate(f.visible_if, answers, ctx, item=item)


def field_required(
    f: FormField, answers: Mapping[str, Any], ctx: ConditionContext, item: Mapping[str, Any] | None = None
) -> bool:
    """Whether a visible field must be answered (``required`` or a true ``required_if``)."""
    if f.required:
        return True
    return f.required_if is not None and evaluate(f.required_if, answers, ctx, item=item)


class WizardFlow:
    """Page order and field visibility for one notification's answers."""

    def __init__(
        self,
        form: FormDefinition,
        pack: GuidelinePack,
        answers_getter: AnswersGetter,
        today: date | Callable[[], date],
    ) -> None:
        self.form = form
        self.pack = pack
        self._answers = answers_getter
        self._today = today

    # --- facts ---------------------------------------------------------------
    def today(self) -> date:
        """The date rules are evaluated against."""
        return self._today() if callable(self._today) else self._today

    def context(self) -> ConditionContext:
        """The derived facts (age band, ticked signals) for the current answers."""
        return build_context(self.form, self.pack, self._answers(), self.today())

    def age_band(self) -> AgeBand | None:
        """The child's age band, once it can be told."""
        return self.context().age_band

    # --- pages ---------------------------------------------------------------
    def pages(self) -> list[str]:
        """Ids of the pages that show, in order (always starts with "acute", ends with the review)."""
        answers, ctx = self._answers(), self.context()
        return [s.id for s in self.form.sections if section_visible(s, answers, ctx)]

    def first(self) -> str:
        """The first page."""
        return self.pages()[0]

    def last(self) -> str:
        """The review page."""
        return self.pages()[-1]

    def next(self, page: str) -> str | None:
        """The page after ``page`` (None on the last); works even if ``page`` has just become hidden."""
        return self._step(page, +1)

    def previous(self, page: str) -> str | None:
        """The page before ``page`` (None on the first)."""
        return self._step(page, -1)

    def _step(self, page: str, direction: int) -> str | None:
        order = [s.id for s in self.form.sections]
        index = order.index(page)
        visible = set(self.pages())
        index += direction
        while 0 <= index < len(order):
            if order[index] in visible:
                return order[index]
            index += direction
        return None

    def position(self, page: str) -> tuple[int, int]:
        """(1-based number of the page, number of pages) for "step 3 of 8"."""
        pages = self.pages()
        return (pages.index(page) + 1 if page in pages else 0, len(pages))

    # --- fields --------------------------------------------------------------
    def visible_fields(self, page: str) -> list[FormField]:
        """The fields that show on a page, in order."""
        answers, ctx = self._answers(), self.context()
        return [f for f in self.form.section(page).fields if field_visible(f, answers, ctx)]

    def is_visible(self, field_path: str) -> bool:
        """Whether the field at ``field_path`` shows (a group sub-field needs its group to show too)."""
        answers, ctx = self._answers(), self.context()
        path = parse_path(field_path)
        section = self.form.section_of(path.field)
        top = self.form.field(path.field)
        if not section_visible(section, answers, ctx) or not field_visible(top, answers, ctx):
            return False
        if path.index is None:
            return True
        sub = top.sub_field(path.sub or "")
        if sub is None:
            return False
        items = answers.get(path.field)
        item = items[path.index] if isinstance(items, list) and path.index < len(items) else {}
        return field_visible(sub, answers, ctx, item=item if isinstance(item, Mapping) else {})

    def is_required(self, field_path: str) -> bool:
        """Whether the field at ``field_path`` must be answered now (hidden fields never are)."""
        if not self.is_visible(field_path):
            return False
        answers, ctx = self._answers(), self.context()
        path = parse_path(field_path)
        top = self.form.field(path.field)
        if path.index is None:
            return field_required(top, answers, ctx)
        sub = top.sub_field(path.sub or "")
        items = answers.get(path.field)
        item = items[path.index] if isinstance(items, list) and path.index < len(items) else {}
        if sub is None:
            return False
        return field_required(sub, answers, ctx, item=item if isinstance(item, Mapping) else {})

    # --- signals -------------------------------------------------------------
    def signal_groups(self) -> list[tuple[Category, list[Signal]]]:
        """The pack's signals for the child's age band, grouped by category."""
        return self.pack.grouped_signals(self.age_band())

    def search_signals(self, query: str, lang: str) -> list[Signal]:
        """Signals for the child's age band matching every word of ``query``."""
        return self.pack.search(query, self.age_band(), lang)


#: Reserved answers key: what the wizard last suggested for a field with ``suggest`` (field id -> codes).
#: While the answer still equals it, the suggestion follows the other answers; once the person
#: changes it, it is theirs.
SUGGESTED_KEY = "meta.suggested"
#: Reserved answers key: the paths whose preset the person undid ("Fortryd"); they are not filled again.
DECLINED_KEY = "meta.presets_declined"


def declined_presets(answers: Mapping[str, Any]) -> frozenset[str]:
    """The paths whose preset the person undid."""
    declined = answers.get(DECLINED_KEY)
    return frozenset(p for p in declined if isinstance(p, str)) if isinstance(declined, list) else frozenset()


def decline_presets(answers: MutableMapping[str, Any], paths: list[str]) -> None:
    """Remember that the person undid the presets at ``paths``: :func:`apply_presets` leaves them alone."""
    answers[DECLINED_KEY] = sorted(declined_presets(answers) | set(paths))


def derived_presets(form: FormDefinition, paths: list[str]) -> list[str]:
    """Those of ``paths`` (as :func:`apply_presets` returns them) that were filled because of other
    answers, e.g. "suspected violence at home" after a sign of violence, or the § 133 grounds a suggestion
    follows: the person must be told, since the answer changed elsewhere. A default filled whatever was
    answered (the pack's municipality) is not among them."""
    derived = []
    for path in paths:
        try:
            parsed = parse_path(path)
            field: FormField | None = form.field(parsed.field)
        except (KeyError, FieldPathInvalid):
            continue
        if parsed.sub is not None and field is not None:
            field = next((f for f in field.fields if f.id == parsed.sub), None)
        preset = field.preset if field is not None else None
        item: dict[str, Any] | None = {} if parsed.sub is not None else None
        if field is not None and preset is None and field.suggest:
            derived.append(path)  # a suggestion always follows other answers
        elif preset is not None and not evaluate(preset.when, {}, ConditionContext(), item=item):
            derived.append(path)  # filled because of other answers, not whatever they are
    return derived


def apply_presets(
    form: FormDefinition,
    pack: GuidelinePack,
    answers: MutableMapping[str, Any],
    today: date,
) -> list[str]:
    """Fill in preset and suggested values, where the user has not answered (or changed them) yet.

    Returns the paths that were filled, so the UI can say why (e.g. "parents not
    told first" pre-selected because violence signals were ticked). A value the
    user has given is never overwritten.
    """
    filled: list[str] = []
    declined = declined_presets(answers)
    ctx = build_context(form, pack, answers, today)
    for _section, f in form.iter_fields():
        preset = f.preset
        if (preset is not None and f.id not in declined and not is_answered(answers.get(f.id))
                and evaluate(preset.when, answers, ctx)):
            value = _preset_value(preset, pack)
            if value is not None:
                set_answer(answers, f.id, _copy(value))
                filled.append(f.id)
                ctx = build_context(form, pack, answers, today)
        if f.suggest and _follow_suggestion(form, f, answers, ctx):
            filled.append(f.id)
        items = answers.get(f.id)
        if not f.fields or not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                continue
            for sub in f.fields:
                path = f"{f.id}[{index}].{sub.id}"
                if (
                    sub.preset is not None
                    and path not in declined
                    and not is_answered(get_answer(answers, path))
                    and evaluate(sub.preset.when, answers, ctx, item=item)
                ):
                    value = _preset_value(sub.preset, pack)
                    if value is not None:
                        set_answer(answers, path, _copy(value))
                        filled.append(path)
    return filled


def suggested_choices(form: FormDefinition, f: FormField, answers: Mapping[str, Any],
                      ctx: ConditionContext) -> list[str]:
    """The choices ``f.suggest`` proposes for these answers, in the order the form offers them."""
    chosen = {s.value for s in f.suggest if evaluate(s.when, answers, ctx)}
    return [o.id for o in f.options if o.id in chosen]


def _follow_suggestion(form: FormDefinition, f: FormField, answers: MutableMapping[str, Any],
                       ctx: ConditionContext) -> bool:
    """Set ``f`` to its suggestion while the person has not changed what was suggested; True if set."""
    remembered = answers.get(SUGGESTED_KEY)
    suggested: dict[str, Any] = dict(remembered) if isinstance(remembered, Mapping) else {}
    current = answers.get(f.id)
    before = suggested.get(f.id)
    untouched = current is None or (isinstance(before, list) and isinstance(current, list)
                                    and sorted(map(str, current)) == sorted(before))
    if not untouched:
        return False
    proposal = suggested_choices(form, f, answers, ctx)
    if current is None and not proposal:
        return False
    suggested[f.id] = proposal
    answers[SUGGESTED_KEY] = suggested
    if isinstance(current, list) and sorted(map(str, current)) == sorted(proposal):
        return False
    answers[f.id] = list(proposal)
    return True


def _preset_value(preset: Preset, pack: GuidelinePack) -> Any:
    """A preset's value; for ``pack_municipality`` the pack's code when it is a municipality one can pick."""
    if preset.value_from is PresetSource.PACK_MUNICIPALITY:
        from desktop.domain.codes import shipped_code_list

        entry = shipped_code_list("municipality").get(pack.municipality.code)
        if entry is None or (entry.demo and not pack.demo):
            return None  # e.g. the national pack's "000": the person picks the municipality
        return entry.code
    return preset.value


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
