"""What the printed copy says, in which order, independent of how it is drawn.

Both renderings — the PDF (:mod:`desktop.documents.pdf`) and the HTML used
for printing from the app (:mod:`desktop.documents.html`) — are drawn from
this one outline, so they cannot disagree about content. Values are plain,
unescaped text; each renderer escapes for its own markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Row:
    """One labelled value (``Navn: Åse Ørsted``)."""

    label: str
    value: str
    strong: bool = False  # a value the reader must not miss (a parent not informed)


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


Block = Rows | Text | Quote | SignalGroup | Note


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


def _rows(pairs: list[tuple[str, str | None]], strong: frozenset[str] = frozenset()) -> list[Row]:
    return [Row(name, clean_text(value), name in strong) for name, value in pairs if value]


#: Values longer than this (or with line breaks) are laid out as text, not in a table cell,
#: so a table row never has to be taller than a page.
LONG_VALUE = 280


def _person(title: str, pairs: list[tuple[str, str | None]],
            strong: frozenset[str] = frozenset()) -> list[Block]:
    """A person's short facts as a table, their long answers as text blocks below it."""
    short: list[tuple[str, str | None]] = []
    long: list[Block] = []
    for name, value in pairs:
        if value and (len(value) > LONG_VALUE or "\n" in value):
            long.append(Text(name, clean_text(value)))
        else:
            short.append((name, value))
    return [Rows(_rows(short, strong), title=clean_text(title)), *long]


def build_outline(document: NotificationDocument) -> Outline:
    """Lay out ``document`` as an outline in the language it was written in."""
    lang = document.language

    def t(key: str, **values: str | int) -> str:
        return label(lang, key, **values)

    full_hash = content_hash(document)
    ref = short_id(document.notification_id)
    pack = document.pack
    notifier = document.notifier
    heading_rows = [
        Row(t("doc.to"), clean_text(t("doc.municipality", name=pack.municipality_name,
                                      code=pack.municipality_code))),
        Row(t("doc.reference"), ref),
        Row(t("doc.finalised"), format_datetime(document.finalised_at, lang)),
        Row(t("doc.notifier"), clean_text(f"{notifier.name}, {notifier.role}")),
        Row(t("doc.workplace"), clean_text(notifier.workplace)),
    ]
    sections = [
        _child(document, t),
        _siblings(document, t),
        _signals(document, t),
        _description(document, t),
        _actions(document, t),
        _assessment(document, t),
        _custody(document, t),
        _professionals(document, t),
        _earlier(document, t),
        _notifier(document, t),
        _attachments(document, t),
        _about(document, t, full_hash),
    ]
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


def _child(document: NotificationDocument, t: Translate) -> Section:
    child = document.child
    lang = document.language
    pairs: list[tuple[str, str | None]] = [(t("child.name"), child.name)]
    if child.identity is ChildIdentity.CPR and child.cpr:
        pairs.append((t("child.cpr"), format_cpr(child.cpr)))
    if child.identity is ChildIdentity.UNBORN:
        pairs.append((t("child.unborn"), t("doc.yes")))
        pairs.append((t("child.due_date"), format_date(child.due_date, lang) if child.due_date
                      else t("doc.not_given")))
    if child.birth_date is not None:
        pairs.append((t("child.birth_date"), format_date(child.birth_date, lang)))
    pairs += [
        (t("child.age_band"), t(f"age.{child.age_band.value}")),
        (t("child.address"), child.address),
        (t("child.institution"), child.institution),
        (t("child.group_or_class"), child.group_or_class),
        (t("child.languages"), ", ".join(child.languages) or None),
    ]
    return Section(t("child.section"), _person("", pairs))


def _siblings(document: NotificationDocument, t: Translate) -> Section:
    lang = document.language
    blocks: list[Block] = []
    for sibling in document.siblings:
        blocks += _person(sibling.name, [
            (t("sibling.birth_date"), format_date(sibling.birth_date, lang) if sibling.birth_date else None),
            (t("sibling.cpr"), format_cpr(sibling.cpr) if sibling.cpr else None),
            (t("sibling.notes"), sibling.notes),
        ])
    return Section(t("siblings.section"), blocks or [Note(t("siblings.none"))])


def _signals(document: NotificationDocument, t: Translate) -> Section:
    groups: dict[str, list[tuple[str, str, bool]]] = {}
    for signal in document.concern.signals:
        groups.setdefault(clean_text(signal.category_label), []).append(
            (clean_text(signal.label), clean_text(signal.id), signal.acute))
    if not groups:
        return Section(t("concern.section"), [Note(t("concern.none"))])
    blocks: list[Block] = [Note(t("concern.intro"))]
    blocks += [SignalGroup(category, signals) for category, signals in groups.items()]
    return Section(t("concern.section"), blocks)


def _text(name: str, value: str | None) -> list[Block]:
    return [Text(name, clean_text(value))] if value else []


def _description(document: NotificationDocument, t: Translate) -> Section:
    concern = document.concern
    blocks: list[Block] = _text(t("description.observations"), concern.observations or t("doc.not_given"))
    blocks += _person("", [
        (t("description.when"), concern.observed_when),
        (t("description.where"), concern.observed_where),
        (t("description.frequency"), concern.frequency),
        # ``sources`` is being added to the model by the domain; shown when present.
        (t("description.sources"), ", ".join(getattr(concern, "sources", None) or []) or None),
    ])
    if concern.child_words:
        blocks.append(Quote(t("description.child_words"), t("description.child_words_note"),
                            clean_text(concern.child_words)))
    return Section(t("description.section"), [b for b in blocks if not (isinstance(b, Rows) and not b.rows)])


def _actions(document: NotificationDocument, t: Translate) -> Section:
    concern = document.concern
    blocks = _text(t("actions.taken"), concern.actions_taken)
    blocks += _text(t("actions.institution_efforts"), concern.institution_efforts)
    return Section(t("actions.section"), blocks or [Note(t("actions.none"))])


def _assessment(document: NotificationDocument, t: Translate) -> Section:
    concern = document.concern
    blocks: list[Block] = [Note(t("assessment.note"))]
    if concern.worry_level:
        level = concern.worry_level
        if concern.worry_level_id:
            level += f" ({concern.worry_level_id})"  # the pack's id, so the municipality can count
        blocks.append(Rows([Row(t("assessment.worry_level"), clean_text(level))]))
    blocks += _text(t("assessment.text"), concern.assessment or t("doc.not_given"))
    return Section(t("assessment.section"), blocks)


def _custody(document: NotificationDocument, t: Translate) -> Section:
    lang = document.language
    blocks: list[Block] = []
    for holder in document.custody_holders:
        blocks += _person(holder.name, [
            (t("custody.relation"), holder.relation),
            (t("custody.has_custody"), yes_no(holder.has_custody, lang) if holder.has_custody is not None
             else None),
            (t("custody.address"), holder.address),
            (t("custody.phone"), holder.phone),
            (t("custody.informed"), yes_no(holder.informed, lang)),
            (t("custody.reaction"), holder.reaction if holder.informed else None),
            (t("custody.not_informed_reason"),
             (holder.not_informed_reason or t("doc.not_given")) if not holder.informed else None),
            (t("custody.interpreter"), holder.interpreter_language),
        ], strong=frozenset({t("custody.informed")}) if not holder.informed else frozenset())
    return Section(t("custody.section"), blocks or [Note(t("custody.none"))])


def _professionals(document: NotificationDocument, t: Translate) -> Section:
    blocks: list[Block] = []
    for person in document.other_professionals:
        blocks += _person(person.name, [
            (t("professional.role"), person.role),
            (t("professional.organisation"), person.organisation),
            (t("professional.contact"), person.contact),
        ])
    return Section(t("professionals.section"), blocks or [Note(t("professionals.none"))])


def _earlier(document: NotificationDocument, t: Translate) -> Section:
    if document.earlier_notifications:
        return Section(t("earlier.section"), [Text("", clean_text(document.earlier_notifications))])
    return Section(t("earlier.section"), [Note(t("earlier.none"))])


def _notifier(document: NotificationDocument, t: Translate) -> Section:
    n = document.notifier
    lang = document.language
    return Section(t("notifier.section"), _person("", [
        (t("notifier.name"), n.name),
        (t("notifier.role"), n.role),
        (t("notifier.workplace"), n.workplace),
        (t("notifier.work_address"), n.work_address),
        (t("notifier.phone"), n.phone),
        (t("notifier.email"), n.email),
        (t("notifier.relation"), n.relation_to_child),
        (t("notifier.duty"), t(f"duty.{n.duty.value}")),
        (t("notifier.manager_informed"), yes_no(n.manager_informed, lang) if n.manager_informed is not None
         else None),
        (t("notifier.manager_name"), n.manager_name),
        (t("notifier.manager_role"), n.manager_role),
        (t("notifier.manager_cosigns"), yes_no(n.manager_cosigns, lang) if n.manager_cosigns is not None
         else None),
    ]))


def _attachments(document: NotificationDocument, t: Translate) -> Section:
    blocks: list[Block] = []
    for attachment in document.attachments:
        blocks.append(Rows(_rows([
            (t("attachment.type"), attachment.media_type),
            (t("attachment.sha256"), group_hash(attachment.sha256)),
        ]), title=clean_text(attachment.name)))
    return Section(t("attachments.section"), blocks or [Note(t("attachments.none"))])


def _about(document: NotificationDocument, t: Translate, full_hash: str) -> Section:
    lang = document.language
    return Section(t("about.section"), [
        Rows(_rows([
            (t("about.notification_id"), document.notification_id),
            (t("about.created"), format_datetime(document.created_at, lang)),
            (t("about.finalised"), format_datetime(document.finalised_at, lang)),
            (t("about.form"), f"{document.form.id} {document.form.version}"),
            (t("about.pack"), f"{document.pack.id} {document.pack.version}"),
            (t("about.schema"), f"notification.json v{document.schema_version}"),
            (t("about.hash"), group_hash(full_hash)),
        ])),
        Note(t("about.hash_note")),
    ])
