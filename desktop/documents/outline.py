"""What the printed copy says, in which order, independent of how it is drawn.

Both renderings — the PDF (:mod:`desktop.documents.pdf`) and the HTML used
for printing from the app (:mod:`desktop.documents.html`) — are drawn from
this one outline, so they cannot disagree about content. Values are plain,
unescaped text; each renderer escapes for its own markup.

The review page in the wizard draws the same outline for a notification that
is still being written: :func:`build_outline` then also takes the preview's
gaps (:mod:`desktop.domain.preview`), and each place a required answer is
missing says so, with a link to the page where it is given. Without gaps the
outline is exactly the finalised one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.documents.attachment_listing import kind_and_size
from desktop.documents.figure import BodyMapFigure, figure_block, mark_details
from desktop.documents.formatting import (
    clean_text,
    content_hash,
    format_cpr,
    format_date,
    format_datetime,
    group_hash,
    short_hash,
    short_id,
    yes_no,
)
from desktop.documents.labels import label
from desktop.domain.document import ChildIdentity, NotificationDocument
from desktop.domain.vocabulary import Vocabulary, vocabulary_for

if TYPE_CHECKING:
    # Only the review page passes gaps; printing and the PDF need not import the preview builder.
    from desktop.domain.preview import Gap


@dataclass(frozen=True)
class Row:
    """One labelled value (``Navn: Åse Ørsted``)."""

    label: str
    value: str
    strong: bool = False  # a value the reader must not miss (a parent not informed)
    link: str | None = None  # preview only: "gap:<n>", the n-th gap given to build_outline


@dataclass(frozen=True)
class Rows:
    """A short table of labelled values; ``title`` names the person or thing they belong to."""

    rows: list[Row]
    title: str | None = None


@dataclass(frozen=True)
class Text:
    """A free text the notifier wrote, with its label; may be very long."""

    label: str
    body: str


@dataclass(frozen=True)
class Quote:
    """The child's own words: set apart from the notifier's text."""

    label: str
    note: str
    body: str


@dataclass(frozen=True)
class SignalGroup:
    """The signals recognised in one category of the guideline pack."""

    category: str
    signals: list[tuple[str, str, bool]]  # (label, pack id, acute)


@dataclass(frozen=True)
class Note:
    """A quiet line of explanation or 'nothing given'."""

    text: str


Block = Rows | Text | Quote | SignalGroup | Note | BodyMapFigure


@dataclass(frozen=True)
class Section:
    """A headed part of the document."""

    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Outline:
    """Everything the copy shows, in reading order."""

    language: str
    title: str
    metadata_title: str  # never holds the child's name or CPR number
    heading_rows: list[Row]
    acute: tuple[str, str] | None  # (title, text) when the notification is acute
    corrects: str | None
    sections: list[Section]
    full_hash: str
    footer_left: str
    watermark: str
    acute_signal_word: str

    def page_of(self, page: int, pages: int) -> str:
        """The page number line for the footer."""
        return label(self.language, "doc.page_of", page=page, pages=pages)


@dataclass(frozen=True)
class _Mark:
    """A missing answer in place of its value (preview only)."""

    text: str
    link: str


Value = str | _Mark | None


def _rows(pairs: Sequence[tuple[str, Value]], strong: frozenset[str] = frozenset()) -> list[Row]:
    return [
        Row(name, value.text, True, value.link) if isinstance(value, _Mark)
        else Row(name, clean_text(value), name in strong)
        for name, value in pairs if value
    ]


class _Gaps:
    """The preview's gaps by document part: a part with a gap shows "not filled in yet" and a link."""

    def __init__(self, gaps: Sequence[Gap], t: Translate) -> None:
        self._t = t
        self._gaps = list(gaps)
        self._by_part: dict[str, int] = {}
        for index, gap in enumerate(self._gaps):
            self._by_part.setdefault(gap.part, index)
        self._shown: set[int] = set()

    def _mark(self, index: int) -> _Mark:
        gap = self._gaps[index]
        self._shown.add(index)
        key = "doc.gap_missing" if gap.missing else "doc.gap_wrong"
        return _Mark(self._t(key, page=gap.page_title), f"gap:{index}")

    def at(self, part: str, value: Value) -> Value:
        """``value``, or the gap's mark when the answer for ``part`` is missing."""
        index = self._by_part.get(part)
        return value if index is None else self._mark(index)

    def has(self, part: str) -> bool:
        return part in self._by_part

    def rest_pairs(self, *prefixes: str) -> list[tuple[str, Value]]:
        """The gaps under ``prefixes`` not shown in place yet, labelled by their field."""
        return [
            (gap.field_label, self._mark(index)) for index, gap in enumerate(self._gaps)
            if index not in self._shown and gap.part.startswith(prefixes)
        ]

    def rest(self, *prefixes: str) -> list[Block]:
        """:meth:`rest_pairs` as one table (nothing when there are none)."""
        pairs = self.rest_pairs(*prefixes)
        return [Rows(_rows(pairs))] if pairs else []

    def unplaced(self) -> list[Block]:
        return self.rest("")


#: Values longer than this (or with line breaks) are laid out as text, not in a table cell,
#: so a table row never has to be taller than a page.
LONG_VALUE = 280


def _person(title: str, pairs: Sequence[tuple[str, Value]],
            strong: frozenset[str] = frozenset()) -> list[Block]:
    """A person's short facts as a table, their long answers as text blocks below it."""
    short: list[tuple[str, Value]] = []
    long: list[Block] = []
    for name, value in pairs:
        if isinstance(value, str) and value and (len(value) > LONG_VALUE or "\n" in value):
            long.append(Text(name, clean_text(value)))
        else:
            short.append((name, value))
    return [Rows(_rows(short, strong), title=clean_text(title)), *long]


def build_outline(document: NotificationDocument, gaps: Sequence[Gap] = (),
                  vocabulary: Vocabulary | None = None, *, finalised: bool = True) -> Outline:
    """Lay out ``document`` as an outline in the language it was written in.

    ``gaps`` (a preview's, never a finalised notification's) mark the answers still
    missing: each shows in its place as "not filled in yet" with a ``gap:<n>`` link.
    ``finalised=False``: a copy shown before the person finishes it (the review page), which says
    "not finalised yet" instead of the time it was laid out.
    Codes are shown by their labels from ``vocabulary`` (by default the code lists and
    the guideline pack the document names).
    """
    lang = document.language
    voc = vocabulary or vocabulary_for(document.pack.id, lang, document.pack.version)

    def t(key: str, **values: str | int) -> str:
        return label(lang, key, **values)

    m = _Gaps(gaps, t)

    full_hash = content_hash(document)
    ref = short_id(document.notification_id)
    notifier = document.notifier
    code = document.child.municipality_code
    heading_rows = _rows([(t("doc.to"), m.at("child.municipality_code", t(
        "doc.municipality", name=voc.municipality(code), code=code)))])
    heading_rows += [
        Row(t("doc.reference"), ref),
        # A preview (or the review's copy) is not finalised: its "now" would read as a finalising time.
        Row(t("doc.finalised"), t("doc.not_finalised") if gaps or not finalised
            else format_datetime(document.finalised_at, lang)),
    ]
    # While the role is missing the heading names the notifier alone; the role's gap shows below.
    who = notifier.name if m.has("notifier.role") else f"{notifier.name}, {notifier.role}"
    heading_rows += _rows([
        (t("doc.notifier"), m.at("notifier.name", who)),
        (t("doc.workplace"), m.at("notifier.workplace", notifier.workplace)),
    ])
    heading_rows += _rows(m.rest_pairs("acute."))
    sections = [
        _grounds(document, t, m, voc),
        _child(document, t, m, voc),
        _siblings(document, t, m),
        _knowledge(document, t, m, voc),
        _signals(document, t, voc),
        _description(document, t, m, voc),
        *_body_map(document, t, m),
        _child_view(document, t, m),
        _actions(document, t),
        _assessment(document, t, voc),
        _custody(document, t, m),
        _professionals(document, t, m),
        _earlier(document, t, m, voc),
        _notifier(document, t, m),
        _attachments(document, t),
        _about(document, t),
        _technical(document, t, full_hash),
    ]
    unplaced = m.unplaced()
    if unplaced:
        sections.append(Section(t("doc.gaps_section"), unplaced))
    return Outline(
        language=lang,
        title=t("doc.title"),
        metadata_title=t("doc.title_short", short_id=ref),
        heading_rows=heading_rows,
        acute=(t("doc.acute_title"), t("doc.acute_text")) if document.acute else None,
        corrects=t("doc.corrects", short_id=short_id(document.corrects)) if document.corrects else None,
        sections=sections,
        full_hash=full_hash,
        footer_left=f"{t('doc.title_short', short_id=ref)}  ·  "
        f"{t('doc.hash_short', hash=short_hash(full_hash))}",
        watermark=t("doc.watermark"),
        acute_signal_word=t("concern.acute_signal"),
    )


Translate = Callable[..., str]


def _grounds(document: NotificationDocument, t: Translate, m: _Gaps, voc: Vocabulary) -> Section:
    pairs: list[tuple[str, Value]] = [
        (t("grounds.ground"), voc.code("grounds", ground.value)) for ground in document.grounds]
    blocks: list[Block] = [Note(t("grounds.intro"))]
    rows = _rows([*pairs, (t("grounds.ground"), m.at("grounds", None))] if m.has("grounds") else pairs)
    blocks.append(Rows(rows) if rows else Note(t("grounds.none")))
    if document.upgraded_from is not None:
        blocks.append(Note(t("grounds.derived")))
    return Section(t("grounds.section"), blocks)


def _child(document: NotificationDocument, t: Translate, m: _Gaps, voc: Vocabulary) -> Section:
    child = document.child
    lang = document.language
    pairs: list[tuple[str, Value]] = [(t("child.name"), m.at("child.name", child.name))]
    if child.identity is ChildIdentity.CPR:
        pairs.append((t("child.cpr"), m.at("child.cpr", format_cpr(child.cpr) if child.cpr else None)))
    if child.identity is ChildIdentity.UNBORN:
        pairs.append((t("child.unborn"), t("doc.yes")))
        pairs.append((t("child.due_date"), m.at("child.due_date", format_date(child.due_date, lang)
                                                if child.due_date else t("doc.not_given"))))
    birth_date: Value = format_date(child.birth_date, lang) if child.birth_date is not None else None
    if child.identity is ChildIdentity.BIRTH_DATE:
        birth_date = m.at("child.birth_date", birth_date)
    pairs.append((t("child.birth_date"), birth_date))
    pairs += [
        (t("child.age_band"), m.at("child.age_band", voc.code("age_band", child.age_band.value))),
        (t("child.address"), child.address),
        (t("child.municipality"), m.at("child.municipality_code", t(
            "doc.municipality", name=voc.municipality(child.municipality_code),
            code=child.municipality_code))),
        (t("child.institution"), child.institution),
        (t("child.group_or_class"), child.group_or_class),
        (t("child.languages"), ", ".join(child.languages) or None),
    ]
    blocks = _person("", pairs + m.rest_pairs("child."))
    mother = document.child.expectant_mother
    if child.identity is ChildIdentity.UNBORN and (mother is not None or m.has("mother.name")):
        blocks += _person(t("mother.title"), [
            (t("mother.name"), m.at("mother.name", mother.name if mother else None)),
            (t("mother.cpr"), m.at("mother.cpr", format_cpr(mother.cpr) if mother and mother.cpr else None)),
            (t("mother.address"), mother.address if mother else None),
            *m.rest_pairs("mother."),
        ])
    return Section(t("child.section"), blocks)


def _siblings(document: NotificationDocument, t: Translate, m: _Gaps) -> Section:
    lang = document.language
    blocks: list[Block] = []
    for number, sibling in enumerate(document.siblings):
        part = f"siblings[{number}]"
        blocks += _person(sibling.name, [
            (t("sibling.birth_date"), format_date(sibling.birth_date, lang) if sibling.birth_date else None),
            (t("sibling.cpr"), format_cpr(sibling.cpr) if sibling.cpr else None),
            (t("sibling.notes"), sibling.notes),
            *m.rest_pairs(part + "."),
        ])
    blocks += m.rest("siblings")
    return Section(t("siblings.section"), blocks or [Note(t("siblings.none"))])


def _knowledge(document: NotificationDocument, t: Translate, m: _Gaps, voc: Vocabulary) -> Section:
    k = document.knowledge
    blocks = _person("", [
        (t("knowledge.role"), k.role),
        (t("knowledge.duration"), voc.code("known_duration", k.duration) if k.duration else None),
        *m.rest_pairs("knowledge."),
    ])
    blocks = [b for b in blocks if not (isinstance(b, Rows) and not b.rows)]
    blocks += _text(t("knowledge.development"), k.development)
    blocks += _text(t("knowledge.wellbeing"), k.wellbeing)
    blocks += _text(t("knowledge.earlier_support"), k.earlier_support)
    return Section(t("knowledge.section"), blocks or [Note(t("knowledge.none"))])


def _signals(document: NotificationDocument, t: Translate, voc: Vocabulary) -> Section:
    groups: dict[str, list[tuple[str, str, bool]]] = {}
    band = document.child.age_band  # the pack may word a sign for the child's age (»Barnet …« / »Den unge …«)
    for signal in document.concern.signals:
        groups.setdefault(clean_text(voc.category(signal.category_id)), []).append(
            (clean_text(voc.signal(signal.id, band)), clean_text(signal.id), signal.acute))
    if not groups:
        return Section(t("concern.section"), [Note(t("concern.none"))])
    blocks: list[Block] = [Note(t("concern.intro"))]
    blocks += [SignalGroup(category, signals) for category, signals in groups.items()]
    return Section(t("concern.section"), blocks)


def _text(name: str, value: str | None) -> list[Block]:
    return [Text(name, clean_text(value))] if value else []


def _description(document: NotificationDocument, t: Translate, m: _Gaps, voc: Vocabulary) -> Section:
    concern = document.concern
    observations = m.at("concern.observations", concern.observations or t("doc.not_given"))
    blocks: list[Block] = (
        [Rows(_rows([(t("description.observations"), observations)]))] if isinstance(observations, _Mark)
        else _text(t("description.observations"), observations)
    )
    blocks += _person("", [
        (t("description.when"), concern.observed_when),
        (t("description.where"), concern.observed_where),
        (t("description.frequency"), voc.code("frequency", concern.frequency) if concern.frequency else None),
        (t("description.sources"),
         ", ".join(voc.code("observation_source", code) for code in concern.sources) or None),
        *m.rest_pairs("concern.", "events.", "signals."),
    ])
    if concern.child_words:
        blocks.append(Quote(t("description.child_words"), t("description.child_words_note"),
                            clean_text(concern.child_words)))
    return Section(t("description.section"), [b for b in blocks if not (isinstance(b, Rows) and not b.rows)])


def _child_view(document: NotificationDocument, t: Translate, m: _Gaps) -> Section:
    child = document.child
    lang = document.language
    blocks: list[Block] = [b for b in _person("", [
        (t("child_view.informed"), m.at("child_view.informed", yes_no(child.informed, lang)
                                        if child.informed is not None else None)),
        (t("child_view.not_informed_reason"), child.not_informed_reason if child.informed is False else None),
        *m.rest_pairs("child_view."),
    ]) if not (isinstance(b, Rows) and not b.rows)]
    if child.own_view:
        blocks.append(Quote(t("child_view.own_view"), t("description.child_words_note"),
                            clean_text(child.own_view)))
    return Section(t("child_view.section"), blocks or [Note(t("child_view.none"))])


def _actions(document: NotificationDocument, t: Translate) -> Section:
    concern = document.concern
    blocks = _text(t("actions.taken"), concern.actions_taken)
    blocks += _text(t("actions.institution_efforts"), concern.institution_efforts)
    return Section(t("actions.section"), blocks or [Note(t("actions.none"))])


def _assessment(document: NotificationDocument, t: Translate, voc: Vocabulary) -> Section:
    concern = document.concern
    blocks: list[Block] = [Note(t("assessment.note"))]
    if concern.worry_level:
        # The pack's id beside the label, so the municipality can count.
        level = f"{voc.level(concern.worry_level)} ({concern.worry_level})"
        blocks.append(Rows([Row(t("assessment.worry_level"), clean_text(level))]))
    blocks += _text(t("assessment.text"), concern.assessment or t("doc.not_given"))
    return Section(t("assessment.section"), blocks)


def _custody(document: NotificationDocument, t: Translate, m: _Gaps) -> Section:
    lang = document.language
    blocks: list[Block] = []
    for number, holder in enumerate(document.custody_holders):
        part = f"custody_holders[{number}]"
        # While "informed" is unanswered the document holds a stand-in "no": show the gap, not its reason.
        unknown = m.has(f"{part}.informed")
        blocks += _person(holder.name, [
            (t("custody.relation"), holder.relation),
            (t("custody.cpr"), format_cpr(holder.cpr) if holder.cpr else None),
            (t("custody.has_custody"), yes_no(holder.has_custody, lang) if holder.has_custody is not None
             else None),
            (t("custody.address"), holder.address),
            (t("custody.phone"), holder.phone),
            (t("custody.informed"), m.at(f"{part}.informed", yes_no(holder.informed, lang))),
            (t("custody.reaction"), holder.reaction if holder.informed else None),
            (t("custody.not_informed_reason"),
             m.at(f"{part}.not_informed_reason", holder.not_informed_reason or t("doc.not_given"))
             if not holder.informed and not unknown else None),
            (t("custody.interpreter"), holder.interpreter_language),
            *m.rest_pairs(part + "."),
        ], strong=frozenset({t("custody.informed")}) if not holder.informed else frozenset())
    blocks += m.rest("custody_holders", "family.")
    return Section(t("custody.section"), blocks or [Note(t("custody.none"))])


def _professionals(document: NotificationDocument, t: Translate, m: _Gaps) -> Section:
    blocks: list[Block] = []
    for number, person in enumerate(document.other_professionals):
        blocks += _person(person.name, [
            (t("professional.role"), person.role),
            (t("professional.organisation"), person.organisation),
            (t("professional.contact"), person.contact),
            *m.rest_pairs(f"other_professionals[{number}]."),
        ])
    blocks += m.rest("other_professionals")
    return Section(t("professionals.section"), blocks or [Note(t("professionals.none"))])


def _earlier(document: NotificationDocument, t: Translate, m: _Gaps, voc: Vocabulary) -> Section:
    rest = m.rest("others.")
    earlier = document.earlier_notifications
    if earlier is None:
        return Section(t("earlier.section"), rest or [Note(t("earlier.none"))])
    known = voc.code("yes_no_unknown", earlier.known.value)
    blocks: list[Block] = [Rows(_rows([(t("earlier.known"), known)]))]
    blocks += _text(t("earlier.details"), earlier.details)
    return Section(t("earlier.section"), [*blocks, *rest])


def _notifier(document: NotificationDocument, t: Translate, m: _Gaps) -> Section:
    n = document.notifier
    lang = document.language
    return Section(t("notifier.section"), _person("", [
        (t("notifier.name"), m.at("notifier.name", n.name)),
        (t("notifier.role"), m.at("notifier.role", n.role)),
        (t("notifier.workplace"), m.at("notifier.workplace", n.workplace)),
        (t("notifier.work_address"), m.at("notifier.work_address", n.work_address)),
        (t("notifier.phone"), m.at("notifier.phone", n.phone)),
        (t("notifier.email"), m.at("notifier.email", n.email)),
        (t("notifier.duty"), m.at("notifier.duty", t(f"duty.{n.duty.value}"))),
        (t("notifier.manager_informed"), yes_no(n.manager_informed, lang) if n.manager_informed is not None
         else None),
        (t("notifier.manager_name"), n.manager_name),
        (t("notifier.manager_role"), n.manager_role),
        (t("notifier.manager_cosigns"), yes_no(n.manager_cosigns, lang) if n.manager_cosigns is not None
         else None),
        *m.rest_pairs("notifier."),
    ]))


def _body_map(document: NotificationDocument, t: Translate, m: _Gaps) -> list[Section]:
    """The drawing with its numbered marks, then each mark in words (nothing without marks)."""
    body_map = document.body_map
    rest = m.rest("observations.")
    if body_map is None:
        return [Section(t("body_map.section"), rest)] if rest else []
    names = {key: t(f"body_map.{key}") for key in
             ("colours", "size", "seen_on", "explained_by", "explanation", "notes")}
    blocks: list[Block] = [Note(t("body_map.intro")),
                           figure_block(body_map, document.language, t("body_map.caption"))]
    for title, pairs in mark_details(body_map, document.language, names):
        blocks += _person(title, pairs)
    return [Section(t("body_map.section"), blocks + rest)]


def _attachments(document: NotificationDocument, t: Translate) -> Section:
    blocks: list[Block] = []
    for attachment in document.attachments:
        blocks.append(Rows(_rows([
            (t("attachment.type"), kind_and_size(attachment, document.language)),
        ]), title=clean_text(attachment.name)))
    return Section(t("attachments.section"), blocks or [Note(t("attachments.none"))])


def _about(document: NotificationDocument, t: Translate) -> Section:
    lang = document.language
    return Section(t("about.section"), [
        Rows(_rows([
            (t("about.created"), format_datetime(document.created_at, lang)),
            (t("about.finalised"), format_datetime(document.finalised_at, lang)),
            (t("about.form"), f"{document.form.id} {document.form.version}"),
            (t("about.pack"), f"{document.pack.id} {document.pack.version}"),
        ])),
    ])


def _technical(document: NotificationDocument, t: Translate, full_hash: str) -> Section:
    """What the municipality checks (the id, the data format, the hashes of notification.json and of each
    attachment) in one last section marked as the municipality's: out of the notifier's way, kept whole."""
    blocks: list[Block] = [
        Note(t("technical.intro")),
        Rows(_rows([
            (t("about.notification_id"), document.notification_id),
            (t("about.schema"), f"notification.json v{document.schema_version}"),
            (t("technical.hash"), group_hash(full_hash)),
        ])),
        Note(t("technical.hash_note")),
    ]
    for attachment in document.attachments:
        blocks.append(Rows(_rows([
            (t("attachment.file"), attachment.file),
            (t("attachment.sha256"), group_hash(attachment.sha256)),
        ]), title=t("technical.attachment", name=clean_text(attachment.name))))
    return Section(t("technical.section"), blocks)
