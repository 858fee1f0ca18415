"""Guideline packs: one municipality's contacts, procedure, scale and concern signals, as data.

A pack is a YAML file in ``forms/packs/`` (or downloaded and checked with
:func:`load_pack_bytes`). It is validated strictly: unknown keys, wrong types,
a missing Danish or English text, duplicate ids and references to unknown
categories are refused with :class:`PackInvalid`, which names the file, the
path inside it (``signals[12].help.en``), the line and the problem, so a
municipality can fix its pack. A refused pack is never used.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError, field_validator, model_validator
from pydantic import Field as PField

from desktop.domain.document import AgeBand
from desktop.domain.text import Localised
from desktop.errors import UnderretError
from desktop.paths import forms_dir

if TYPE_CHECKING:
    import yaml

PACK_SCHEMA_VERSION: Literal[1] = 1
#: Packs are small; anything larger is a mistake or an attack (checked before parsing).
MAX_PACK_BYTES = 5 * 1024 * 1024

_ID = r"^[a-z0-9][a-z0-9_.-]*$"
# An intake key id and public key as the envelope carries them (protocol.manifest.KEY_ID and protocol.keys.
# RECIPIENT_PUBLIC_KEY_BYTES = ML-KEM-768 1184 bytes + X25519 32 bytes; not imported: no crypto here).
_RECIPIENT_KEY_ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
_RECIPIENT_PUBLIC_KEY_BYTES = 1184 + 32
#: How many intake keys a pack may list: the key in use and, while rotating, its successor.
MAX_INTAKE_KEYS = 2


def _loader_class() -> type[yaml.SafeLoader]:
    # yaml is imported here, when a pack is read, not at start-up (the first window needs no pack).
    # libyaml's loader is ten times faster; both keep line numbers on the nodes.
    import yaml

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Municipality(_Model):
    """The municipality a pack belongs to (the national default uses code 000)."""

    name: str = PField(min_length=1)
    code: str = PField(pattern=r"^\d{3}$", description="kommunekode, 3 digits")


class ContactKind(StrEnum):
    """What a phone number is for."""

    INTAKE = "intake"  # children's services, office hours
    AFTER_HOURS = "after_hours"  # døgnvagt / socialvagt
    POLICE = "police"
    CONSULTATION = "consultation"  # anonym sparring
    OTHER = "other"


class Contact(_Model):
    """A number to call, shown on the acute path and on the overdue-receipt notice."""

    id: str = PField(pattern=_ID)
    kind: ContactKind
    name: Localised
    phone: str | None = PField(default=None, min_length=2, max_length=40,
                               description="Absent in the national pack, where each municipality has its own")
    hours: Localised | None = None
    note: Localised | None = None
    email: str | None = None
    acute: bool = PField(default=False, description="Shown when the child is in danger right now")


class ProcedureStep(_Model):
    """One step of the local procedure for a worried professional."""

    id: str = PField(pattern=_ID)
    title: Localised
    text: Localised


class ScaleLevel(_Model):
    """One position on the pack's scale of concern; it describes a situation, never labels a child."""

    id: str = PField(pattern=_ID)
    label: Localised
    description: Localised
    action: Localised | None = None
    colour: str = PField(pattern=r"^#[0-9a-fA-F]{6}$")


class Scale(_Model):
    """The pack's graded scale of concern (e.g. trivselsvurdering or bekymringsbarometer)."""

    id: str = PField(pattern=_ID)
    name: Localised
    description: Localised | None = None
    levels: list[ScaleLevel] = PField(min_length=2)


class AgeBandInfo(_Model):
    """How the pack names an age band."""

    id: AgeBand
    label: Localised


class LegalReference(_Model):
    """A provision of law or guidance the pack cites."""

    id: str = PField(pattern=_ID)
    citation: str = PField(min_length=1)
    title: Localised
    url: str | None = None


class Category(_Model):
    """A group of concern signals (neglect, sexual abuse, ...)."""

    id: str = PField(pattern=_ID)
    label: Localised
    description: Localised | None = None
    parents_not_told_first: bool = PField(
        default=False,
        description="Suspected violence or sexual abuse in the household: parents are not told first",
    )
    legal: list[str] = PField(default_factory=list, description="ids of legal_references")


class AgeHelp(_Model):
    """A signal's examples for some of its age bands (instead of its ``help`` for those bands)."""

    age_bands: list[AgeBand] = PField(min_length=1)
    help: Localised


class AgeLabel(_Model):
    """A signal's label for some of its age bands (instead of its ``label`` for those bands), e.g.
    »Barnet …« for 6–12 and »Den unge …« for 13–17."""

    age_bands: list[AgeBand] = PField(min_length=1)
    label: Localised


class Signal(_Model):
    """One concern signal: what to look for, for which ages, and how much it weighs."""

    id: str = PField(pattern=_ID)
    category: str
    age_bands: list[AgeBand] = PField(min_length=1)
    weight: int = PField(ge=1, le=3, description="1 worth noting, 2 clear concern, 3 serious")
    label: Localised
    help: Localised
    label_by_age: list[AgeLabel] = PField(
        default_factory=list,
        description="Labels that fit only some of the signal's age bands; they replace label there",
    )
    help_by_age: list[AgeHelp] = PField(
        default_factory=list,
        description="Examples that fit only some of the signal's age bands; they replace help there",
    )
    acute: bool = PField(default=False, description="May mean the child is in danger right now")
    parents_not_told_first: bool | None = PField(default=None, description="Overrides the category's flag")
    keywords: Localised | None = PField(
        default=None,
        description="Search words: the everyday words a worried person may type (space-separated; "
                    "a word also matches the start or middle of a longer one)",
    )

    def label_for(self, band: AgeBand | None) -> Localised:
        """The label to show for ``band`` (the general ``label`` while the band is unknown)."""
        if band is not None:
            for variant in self.label_by_age:
                if band in variant.age_bands:
                    return variant.label
        return self.label

    def help_for(self, band: AgeBand | None) -> Localised:
        """The examples to show for ``band`` (the general ``help`` while the band is unknown)."""
        if band is not None:
            for variant in self.help_by_age:
                if band in variant.age_bands:
                    return variant.help
        return self.help


class HelpPage(_Model):
    """Help for one place in the app, opened with F1 there (the pack's procedure, contacts and
    legal references are shown under it)."""

    id: str = PField(pattern=_ID, description="main, unlock, settings, or wizard.<form page id>")
    title: Localised
    text: Localised = PField(description="Paragraphs separated by an empty line; a line starting with "
                                         "'- ' is a point in a list")


def _check_recipient_public_key(value: str) -> str:
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != _RECIPIENT_PUBLIC_KEY_BYTES:
        raise ValueError(
            f"must be an ML-KEM-768+X25519 public key: {_RECIPIENT_PUBLIC_KEY_BYTES} bytes in base64 "
            "(public_key of recipient.pub.json from underret-intake keygen)"
        )
    return value


class IntakeKey(_Model):
    """One of the intake's recipient keys; a notification is sealed to every key the pack lists."""

    key_id: str = PField(pattern=_RECIPIENT_KEY_ID, description="Key id carried in each envelope")
    public_key: str = PField(description="base64 ML-KEM-768+X25519 public key (1216 bytes)")

    @field_validator("public_key")
    @classmethod
    def _is_recipient_key(cls, value: str) -> str:
        return _check_recipient_public_key(value)


class Intake(_Model):
    """Where notifications written under this pack are delivered, and the key(s) they are sealed to.

    The keys are ``keys`` (one, or two while the municipality rotates keys); a
    pack written before key rotation names its one key with ``key_id`` and
    ``public_key`` instead, which means the same as a one-entry ``keys``.
    """

    required: bool = PField(default=False, description="False: the pack may be used without a real endpoint")
    endpoint: str | None = None
    keys: list[IntakeKey] | None = PField(
        default=None, min_length=1, max_length=MAX_INTAKE_KEYS,
        description="The intake's recipient keys (1-2, unique key ids; two while rotating keys)",
    )
    key_id: str | None = PField(
        default=None, pattern=_RECIPIENT_KEY_ID,
        description="Older packs: the id of the one intake key (use keys instead)",
    )
    public_key: str | None = PField(
        default=None, description="Older packs: base64 ML-KEM-768+X25519 public key (use keys instead)"
    )
    receipt_key: str | None = PField(default=None, description="base64 Ed25519 key that signs receipts")
    ca_pem: str | None = None
    pin_sha256: str | None = None

    @field_validator("public_key")
    @classmethod
    def _is_recipient_key(cls, value: str | None) -> str | None:
        return None if value is None else _check_recipient_public_key(value)

    @model_validator(mode="after")
    def _keys_consistent(self) -> Intake:
        if self.keys is not None and (self.key_id is not None or self.public_key is not None):
            raise ValueError("give the intake keys either as keys or as key_id and public_key, not both")
        if self.keys is not None and len({k.key_id for k in self.keys}) != len(self.keys):
            raise ValueError("the intake keys need different key ids")
        if self.required and not (self.endpoint and self.recipient_keys()):
            raise ValueError("a required intake needs endpoint and a key (keys, or key_id and public_key)")
        return self

    def recipient_keys(self) -> tuple[IntakeKey, ...]:
        """The keys notifications are sealed to: ``keys``, or the older single key; empty if none."""
        if self.keys is not None:
            return tuple(self.keys)
        if self.key_id and self.public_key:
            # Not validated again: load_pack checked these fields, and intake_target checks the key's
            # length again (a pack changed with model_copy skips pydantic's checks).
            return (IntakeKey.model_construct(key_id=self.key_id, public_key=self.public_key),)
        return ()


class GuidelinePack(_Model):
    """A municipality's guideline pack."""

    schema_version: Literal[1] = PACK_SCHEMA_VERSION
    id: str = PField(pattern=_ID)
    version: str = PField(min_length=1)
    name: Localised
    description: Localised | None = None
    demo: bool = PField(default=False, description="Fictitious pack for training; never for real cases")
    municipality: Municipality
    age_bands: list[AgeBandInfo] = PField(min_length=1)
    contacts: list[Contact] = PField(min_length=1)
    procedure: list[ProcedureStep] = PField(default_factory=list)
    notifying_in_local_model: Localised | None = PField(
        default=None, description="Where notifying fits in the municipality's own model (e.g. BTI levels)"
    )
    next_steps: Localised | None = PField(default=None, description="What happens after sending")
    scale: Scale
    legal_references: list[LegalReference] = PField(default_factory=list)
    categories: list[Category] = PField(min_length=1)
    signals: list[Signal] = PField(min_length=1)
    help_pages: list[HelpPage] = PField(
        default_factory=list,
        description="Help for each place in the app (F1); a place the pack leaves out gets the national "
                    "pack's help",
    )
    intake: Intake = Intake()

    _search_cache: dict[tuple[str, AgeBand | None], list[tuple[Signal, str]]] = PrivateAttr(
        default_factory=dict)
    _by_id: dict[str, Signal] = PrivateAttr(default_factory=dict)
    _categories_by_id: dict[str, Category] = PrivateAttr(default_factory=dict)

    def category(self, category_id: str) -> Category:
        """The category with this id (KeyError if absent)."""
        if not self._categories_by_id:
            self._categories_by_id.update((c.id, c) for c in self.categories)
        return self._categories_by_id[category_id]

    def signal(self, signal_id: str) -> Signal:
        """The signal with this id (KeyError if absent)."""
        if not self._by_id:
            self._by_id.update((s.id, s) for s in self.signals)
        return self._by_id[signal_id]

    def has_signal(self, signal_id: str) -> bool:
        """Whether the pack knows this signal id."""
        try:
            self.signal(signal_id)
        except KeyError:
            return False
        return True

    def signal_flags(self, signal: Signal) -> set[str]:
        """The flags (``acute``, ``parents_not_told_first``) a ticked signal raises."""
        flags: set[str] = set()
        if signal.acute:
            flags.add("acute")
        protect = signal.parents_not_told_first
        if protect is None:
            protect = self.category(signal.category).parents_not_told_first
        if protect:
            flags.add("parents_not_told_first")
        return flags

    def signals_for(self, band: AgeBand | None) -> list[Signal]:
        """Signals that apply to the age band, in pack order (all of them while the band is unknown)."""
        if band is None:
            return list(self.signals)
        return [s for s in self.signals if band in s.age_bands]

    def grouped_signals(self, band: AgeBand | None) -> list[tuple[Category, list[Signal]]]:
        """The band's signals grouped by category, in the pack's category order; empty groups left out."""
        signals = self.signals_for(band)
        return [(c, g) for c in self.categories if (g := [s for s in signals if s.category == c.id])]

    def search(self, query: str, band: AgeBand | None, lang: str) -> list[Signal]:
        """Signals for the band whose texts (in ``lang``: label, the band's examples, category and
        search words) contain every word of the query."""
        words = query.casefold().split()
        return [s for s, text in self._search_index(lang, band) if all(w in text for w in words)]

    def _search_index(self, lang: str, band: AgeBand | None) -> list[tuple[Signal, str]]:
        cached = self._search_cache.get((lang, band))
        if cached is None:
            labels = {c.id: c.label.get(lang) or c.label.da for c in self.categories}
            cached = []
            for s in self.signals_for(band):
                label, examples = s.label_for(band), s.help_for(band)
                parts = [label.get(lang) or label.da, examples.get(lang) or examples.da,
                         labels[s.category]]
                if s.keywords is not None:
                    parts.append(s.keywords.get(lang) or s.keywords.da)
                cached.append((s, " ".join(parts).casefold()))
            self._search_cache[(lang, band)] = cached
        return cached

    def help_page(self, page_id: str) -> HelpPage | None:
        """The pack's help for a place in the app, if it has one."""
        return next((p for p in self.help_pages if p.id == page_id), None)

    def acute_contacts(self) -> list[Contact]:
        """Numbers to call when the child is in danger right now (police 112 among them)."""
        return [c for c in self.contacts if c.acute]

    def contact_of(self, kind: ContactKind) -> Contact | None:
        """The first contact of a kind."""
        return next((c for c in self.contacts if c.kind is kind), None)

    def age_band_label(self, band: AgeBand, lang: str) -> str:
        """The pack's name for an age band."""
        for info in self.age_bands:
            if info.id is band:
                return info.label.get(lang) or info.label.da
        return band.value


class PackInvalid(UnderretError):  # noqa: N818 - name fixed by the contract
    """A pack that cannot be used; details: file, path, line, kind, problem."""

    message_id = "pack.invalid"

    def __init__(self, file: str, path: str, problem: str, *, kind: str, line: int | None = None) -> None:
        where = f"{file}:{line}" if line is not None else file
        super().__init__(
            f"{where}: {path or '(top)'}: {problem}",
            file=file,
            path=path,
            problem=problem,
            kind=kind,
            line="" if line is None else str(line),
        )
        self.file = file
        self.path = path
        self.problem = problem
        self.kind = kind
        self.line = line


def _format_loc(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _line_of(node: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of the deepest YAML node on ``loc`` (for unknown keys: the key itself)."""
    import yaml

    line = None if node is None else node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    line = key.start_mark.line + 1
                    node = value
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _describe(error: Any) -> tuple[str, str, tuple[int | str, ...]]:
    """(kind, problem) for the first pydantic error, in words a pack author understands."""
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    typ = error["type"]
    last = loc[-1] if loc else ""
    if typ == "extra_forbidden":
        return "unknown_key", f"unknown key {last!r}", loc
    if last in ("da", "en") and typ in ("missing", "string_too_short"):
        language = "Danish" if last == "da" else "English"
        return "missing_translation", f"missing {language} text ({last})", loc
    if typ == "missing":
        return "missing_key", f"required key {last!r} is missing", loc
    given = type(error.get("input")).__name__
    return "wrong_value", f"{error['msg']} (got {given})", loc


def _reject_aliases(text: str, name: str) -> None:
    # Anchors and aliases can make a tiny file expand enormously; packs never need them.
    import yaml

    try:
        for event in yaml.parse(text, Loader=_loader_class()):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else None
                problem = "YAML aliases (*name) are not allowed"
                raise PackInvalid(name, "", problem, kind="bad_yaml", line=line)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = str(getattr(exc, "problem", None) or exc)
        raise PackInvalid(name, "", f"not valid YAML: {problem}", kind="bad_yaml", line=line) from exc


def _reject_duplicate_keys(node: yaml.Node | None, name: str, loc: tuple[int | str, ...] = ()) -> None:
    # YAML itself lets a later key silently replace an earlier one; in a pack that hides a mistake.
    import yaml

    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            text = str(key.value)
            if text in seen:
                raise PackInvalid(name, _format_loc((*loc, text)), f"key {text!r} appears twice",
                                  kind="duplicate_key", line=key.start_mark.line + 1)
            seen.add(text)
            _reject_duplicate_keys(value, name, (*loc, text))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _reject_duplicate_keys(item, name, (*loc, index))


def _check_references(pack: GuidelinePack, name: str, root: yaml.Node | None) -> None:
    def fail(loc: tuple[int | str, ...], problem: str, kind: str) -> None:
        raise PackInvalid(name, _format_loc(loc), problem, kind=kind, line=_line_of(root, loc))

    for attr in ("categories", "signals", "contacts", "procedure", "legal_references", "help_pages"):
        seen: set[str] = set()
        for i, entry in enumerate(getattr(pack, attr)):
            if entry.id in seen:
                fail((attr, i, "id"), f"duplicate id {entry.id!r}", "duplicate_id")
            seen.add(entry.id)
    seen_levels: set[str] = set()
    for i, level in enumerate(pack.scale.levels):
        if level.id in seen_levels:
            fail(("scale", "levels", i, "id"), f"duplicate id {level.id!r}", "duplicate_id")
        seen_levels.add(level.id)
    categories = {c.id for c in pack.categories}
    legal = {r.id for r in pack.legal_references}
    for i, c in enumerate(pack.categories):
        for j, ref in enumerate(c.legal):
            if ref not in legal:
                fail(("categories", i, "legal", j), f"unknown legal reference {ref!r}", "unknown_reference")
    for i, s in enumerate(pack.signals):
        if s.category not in categories:
            fail(("signals", i, "category"), f"unknown category {s.category!r}", "unknown_reference")
    bands = [b.id for b in pack.age_bands]
    if len(set(bands)) != len(bands):
        fail(("age_bands",), "an age band is listed twice", "duplicate_id")
    for i, s in enumerate(pack.signals):
        for j, band in enumerate(s.age_bands):
            if band not in bands:
                fail(("signals", i, "age_bands", j), f"age band {band.value!r} is not in age_bands",
                     "unknown_reference")
    for i, s in enumerate(pack.signals):
        variants: tuple[tuple[str, Sequence[AgeHelp | AgeLabel], str], ...] = (
            ("help_by_age", s.help_by_age, "examples"), ("label_by_age", s.label_by_age, "a label"))
        for key, entries, what in variants:
            covered: set[AgeBand] = set()
            for j, variant in enumerate(entries):
                for k, band in enumerate(variant.age_bands):
                    loc: tuple[int | str, ...] = ("signals", i, key, j, "age_bands", k)
                    if band not in s.age_bands:
                        fail(loc, f"age band {band.value!r} is not one of the signal's age_bands",
                             "unknown_reference")
                    if band in covered:
                        fail(loc, f"age band {band.value!r} has {what} twice", "duplicate_id")
                    covered.add(band)
    if not any(c.phone for c in pack.acute_contacts()):
        fail(("contacts",), "no acute contact has a phone number (the acute path needs one)", "missing_key")


def load_pack_bytes(data: bytes, name: str) -> GuidelinePack:
    """Check and load a pack from bytes (a shipped file or a download); ``name`` is used in messages."""
    if len(data) > MAX_PACK_BYTES:
        raise PackInvalid(name, "", f"larger than {MAX_PACK_BYTES} bytes", kind="too_large")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackInvalid(name, "", "not UTF-8 text", kind="bad_yaml") from exc
    import yaml

    _reject_aliases(text, name)
    loader = _loader_class()(text)
    try:
        root = loader.get_single_node()
        raw = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise PackInvalid(name, "", f"not valid YAML: {getattr(exc, 'problem', exc)}", kind="bad_yaml",
                          line=line) from exc
    finally:
        loader.dispose()
    if not isinstance(raw, dict):
        raise PackInvalid(name, "", "a pack must be a mapping of keys to values", kind="wrong_value", line=1)
    _reject_duplicate_keys(root, name)
    try:
        pack = GuidelinePack.model_validate(raw)
    except ValidationError as exc:
        kind, problem, loc = _describe(exc.errors()[0])
        raise PackInvalid(name, _format_loc(loc), problem, kind=kind, line=_line_of(root, loc)) from exc
    _check_references(pack, name, root)
    return pack


#: The packs this run has put in force, by (id, version): a finalised notification names its pack,
#: and its copy shows the labels of that pack's signals and scale levels.
_IN_FORCE: dict[tuple[str, str], GuidelinePack] = {}
_SHIPPED: dict[str, GuidelinePack | None] = {}


def remember_pack_in_force(pack: GuidelinePack) -> None:
    """Note a pack the app uses (only packs in force: never a candidate that may still be refused)."""
    _IN_FORCE[(pack.id, pack.version)] = pack


def known_pack(pack_id: str, version: str | None = None) -> GuidelinePack | None:
    """The pack a notification names: the one in force with that id and version, else the shipped
    one with that id, else one in force with that id; None when none is known.

    Signal ids stay stable between versions of a pack, so another version's words still fit.
    """
    if version is not None and (pack_id, version) in _IN_FORCE:
        return _IN_FORCE[(pack_id, version)]
    if pack_id not in _SHIPPED:
        path = next((p for p in shipped_packs() if p.stem == pack_id), None)
        try:
            _SHIPPED[pack_id] = load_pack(path) if path is not None else None
        except PackInvalid:
            _SHIPPED[pack_id] = None
    shipped = _SHIPPED[pack_id]
    if shipped is not None:
        return shipped
    return next((p for (i, _v), p in reversed(list(_IN_FORCE.items())) if i == pack_id), None)


def load_pack(path: Path) -> GuidelinePack:
    """Check and load a pack file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PackInvalid(path.name, "", f"cannot be read: {exc.strerror}", kind="unreadable") from exc
    return load_pack_bytes(data, path.name)


def packs_dir() -> Path:
    """``forms/packs``."""
    return forms_dir() / "packs"


def shipped_packs() -> list[Path]:
    """The packs shipped with the application (national default first)."""
    paths = sorted(packs_dir().glob("*.yaml"))
    return sorted(paths, key=lambda p: (p.stem != "national", p.stem))


NATIONAL_PACK_ID = "national"


def national_pack() -> GuidelinePack:
    """The national default pack."""
    return load_pack(packs_dir() / "national.yaml")


def pack_json_schema() -> dict[str, Any]:
    """The JSON Schema of the pack format (``forms/schema/pack.schema.json``)."""
    schema = GuidelinePack.model_json_schema()
    schema["$id"] = "https://schemas.underret.dk/pack/1"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
