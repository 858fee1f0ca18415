"""Code lists: the stable codes a notification stores for every answer from a fixed list.

``notification.json`` (schema v2) carries codes only ("several", "child_told",
"101"); the words shown for them, in Danish and English and, where one exists,
in the wording of the Danish national notification form, live in one YAML file
per list in ``forms/codes/`` (format: ``forms/schema/codes.schema.json``).
The app, the intake's export and the municipality's desk all read the same
files through this module, so a code means the same everywhere.

Pure Python on PyYAML: no Qt, no pydantic, no store. A file that does not
match the format raises :class:`CodeListInvalid` naming the file and the problem.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from protocol.errors import UnderretError

#: A code: lower-case letters, digits, ``_`` and ``-`` ("several", "0-2", "101").
CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LIST_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_VERSION = re.compile(r"^[1-9][0-9]*(\.[0-9]+){0,2}$")
LANGUAGES = ("da", "en")


class CodeListInvalid(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """A code list file cannot be used (details: file, problem)."""

    message_id = "codes.invalid"


@dataclass(frozen=True)
class Code:
    """One code with its words.

    ``label`` and ``help`` map ``da``/``en`` to text. ``national`` is the Danish
    national notification form's own wording for the same thing, where it has
    one. ``v1_labels`` are labels notification.json v1 carried for this code
    that differ from today's (read when a v1 document is upgraded). ``demo``
    codes exist only for training (fictitious municipalities).
    """

    code: str
    label: Mapping[str, str]
    help: Mapping[str, str] | None = None
    national: str | None = None
    v1_labels: tuple[str, ...] = ()
    demo: bool = False

    def text(self, language: str) -> str:
        """The label in ``language`` (Danish for anything but ``en``)."""
        return self.label["en" if language == "en" else "da"]


@dataclass(frozen=True)
class CodeList:
    """A named, versioned list of codes, in the order they are offered."""

    id: str
    version: str
    title: Mapping[str, str]
    source: str
    codes: tuple[Code, ...]
    _by_code: Mapping[str, Code] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {c.code: c for c in self.codes})

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Code | None:
        """The entry for ``code``, or None when the list has no such code."""
        return self._by_code.get(code)

    def label(self, code: str, language: str) -> str:
        """The label of ``code`` in ``language``; the code itself when the list does not know it."""
        entry = self._by_code.get(code)
        return entry.text(language) if entry is not None else code

    def real_codes(self) -> list[Code]:
        """The codes that are not for training only."""
        return [c for c in self.codes if not c.demo]

    def code_for_label(self, text: str) -> str | None:
        """The code whose label (in any language, today's or a v1 one) is ``text``; None if none is."""
        wanted = text.strip()
        for entry in self.codes:
            if wanted in entry.label.values() or wanted in entry.v1_labels:
                return entry.code
        return None


def default_codes_dir() -> Path:
    """``forms/codes``: beside the package in a source tree, or in the installed package data."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "forms" / "codes", here.parent / "forms" / "codes",
                      here.parent / "desktop" / "_data" / "forms" / "codes"):
        if candidate.is_dir():
            return candidate
    return here.parent / "forms" / "codes"


def _localised(value: Any, where: str, *, required: bool = True) -> dict[str, str] | None:
    if value is None and not required:
        return None
    if not isinstance(value, Mapping) or set(value) != set(LANGUAGES):
        raise ValueError(f"{where} needs exactly 'da' and 'en'")
    out: dict[str, str] = {}
    for language in LANGUAGES:
        text = value[language]
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{where}.{language} is empty")
        out[language] = text.strip()
    return out


_CODE_KEYS = {"code", "label", "help", "national", "v1_labels", "demo"}
_LIST_KEYS = {"id", "version", "title", "source", "codes"}


def parse_code_list(data: Any, name: str) -> CodeList:
    """Check one code list's data (as read from YAML); CodeListInvalid names the file and the problem."""
    try:
        if not isinstance(data, Mapping):
            raise ValueError("a code list is a mapping")
        unknown = set(data) - _LIST_KEYS
        if unknown or not {"id", "version", "title", "source", "codes"} <= set(data):
            raise ValueError(f"keys must be {sorted(_LIST_KEYS)}")
        list_id, version, source = data["id"], data["version"], data["source"]
        if not isinstance(list_id, str) or not _LIST_ID.match(list_id):
            raise ValueError("id must be lower-case words joined by _")
        if isinstance(version, int) and not isinstance(version, bool) and version >= 1:
            version = str(version)
        if not isinstance(version, str) or not _VERSION.match(version):
            raise ValueError("version must be a positive whole number or a version such as 1.0.0")
        if not isinstance(source, str) or not source.strip():
            raise ValueError("source must name where the codes come from")
        title = _localised(data["title"], "title")
        raw_codes = data["codes"]
        if not isinstance(raw_codes, list) or not raw_codes:
            raise ValueError("codes must be a non-empty list")
        codes: list[Code] = []
        seen: set[str] = set()
        for n, raw in enumerate(raw_codes):
            where = f"codes[{n}]"
            if not isinstance(raw, Mapping) or set(raw) - _CODE_KEYS or not {"code", "label"} <= set(raw):
                raise ValueError(f"{where} needs code and label (and only {sorted(_CODE_KEYS)})")
            code = raw["code"]
            if not isinstance(code, str) or not CODE_PATTERN.match(code):
                raise ValueError(f"{where}.code {code!r} is not a code (lower-case letters, digits, _ and -)")
            if code in seen:
                raise ValueError(f"{where}.code {code!r} is listed twice")
            seen.add(code)
            national = raw.get("national")
            if national is not None and (not isinstance(national, str) or not national.strip()):
                raise ValueError(f"{where}.national is empty")
            v1 = raw.get("v1_labels", [])
            if not isinstance(v1, list) or not all(isinstance(t, str) and t for t in v1):
                raise ValueError(f"{where}.v1_labels must be a list of texts")
            demo = raw.get("demo", False)
            if not isinstance(demo, bool):
                raise ValueError(f"{where}.demo must be true or false")
            label = _localised(raw["label"], f"{where}.label")
            assert label is not None
            codes.append(Code(code=code, label=label, help=_localised(raw.get("help"), f"{where}.help",
                                                                          required=False),
                              national=" ".join(national.split()) if national else None,
                              v1_labels=tuple(v1), demo=demo))
        assert title is not None
        return CodeList(id=list_id, version=version, title=title, source=source.strip(), codes=tuple(codes))
    except ValueError as exc:
        raise CodeListInvalid(f"{name}: {exc}", file=name, problem=str(exc)) from exc


def load_code_list(path: Path) -> CodeList:
    """Read and check one code list file."""
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text("utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise CodeListInvalid(f"{path.name}: {exc}", file=path.name, problem=str(exc)) from exc
    code_list = parse_code_list(data, path.name)
    if code_list.id != path.stem:
        raise CodeListInvalid(f"{path.name}: id {code_list.id!r} differs from the file name", file=path.name,
                              problem="id differs from the file name")
    return code_list


_LOCK = threading.Lock()


@functools.cache
def _read_all(folder: Path) -> Mapping[str, CodeList]:
    return {path.stem: load_code_list(path) for path in sorted(folder.glob("*.yaml"))}


def code_lists(folder: Path | None = None) -> Mapping[str, CodeList]:
    """Every code list in ``folder`` (``forms/codes`` by default) by id, read once per run."""
    with _LOCK:
        return _read_all((folder or default_codes_dir()).resolve())


def code_list(list_id: str, folder: Path | None = None) -> CodeList:
    """One code list by id (KeyError when there is no such list)."""
    return code_lists(folder)[list_id]
