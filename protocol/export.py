"""Decrypted notifications as files a municipality's case system can import: JSON Lines and CSV.

Shared by the intake's ``underret-intake export`` and the desk's hand-over (neither imports the
other; both import this). Input: each notification's files as the envelope carried them
(``notification.json``, ``notification.pdf``, ``attachment-N.ext``). Output, in one new or empty
folder:

* ``notifications.jsonl``: one ``notification.json`` schema v2 document per line (a v1 document
  is upgraded first, :mod:`protocol.notification_v1`); each line validates against
  ``forms/schema/notification.schema.json``;
* ``notifications.csv``: one row per notification, every coded answer as its code and its Danish
  label side by side (signals and the worry level in the words of the guideline pack the
  notification names), lists as ``; ``-joined text, nested parts also as JSON;
* ``<notification id>/``: the notification's PDF and attachments, byte for byte, named in the CSV.

The same safety rules as ``decrypt``: the folder must be new or empty (nothing is overwritten or
mixed up), it becomes owner-only (0700), every file is created afresh owner-only (0600,
``O_EXCL|O_NOFOLLOW``, a planted link is never followed) and synced; if any write fails, what this
run wrote is removed again. Nothing is written before every notification has been read and checked.

Pure Python on PyYAML and jsonschema; no Qt, no store, no network.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from protocol.codes import CodeList, code_lists, default_codes_dir
from protocol.errors import UnderretError
from protocol.notification_v1 import NotificationUnreadable, schema_version_of, upgrade_v1
from protocol.receivable import unexpected_files

JSONL_NAME = "notifications.jsonl"
CSV_NAME = "notifications.csv"
FORMATS = ("jsonl", "csv")
_FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class ExportRefused(UnderretError):  # noqa: N818 - what the caseworker is told
    """The export cannot be made; nothing was written (or what was written is removed again).

    ``export.out_not_empty``, ``export.out_not_a_folder``, ``export.out_not_yours``,
    ``export.out_unusable``, ``export.notification_unreadable``, ``export.not_schema_v2``,
    ``export.unexpected_file`` (a file the app never sends, :mod:`protocol.receivable`),
    ``export.write_failed``.
    """

    message_id = "export.refused"


def schema_dir() -> Path:
    """``forms/schema`` beside the code lists."""
    return default_codes_dir().parent / "schema"


def _v2_validator() -> Any:
    import jsonschema

    schema = json.loads((schema_dir() / "notification.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@dataclass(frozen=True)
class PackWords:
    """The Danish words of one guideline pack's signals, categories and scale levels (read, not checked:
    the app checked the pack; a word it lacks is left empty, the code is always there)."""

    signals: Mapping[str, str] = field(default_factory=dict)
    categories: Mapping[str, str] = field(default_factory=dict)
    levels: Mapping[str, str] = field(default_factory=dict)
    #: A signal's words for some age bands (the pack's ``label_by_age``): signal id -> band -> label.
    signals_by_band: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def signal(self, signal_id: str, band: str | None) -> str:
        """A signal's Danish label for the child's age band, as the copy shows it (empty if unknown)."""
        by_band = self.signals_by_band.get(signal_id, {})
        return by_band.get(band or "") or self.signals.get(signal_id, "")

    @classmethod
    def read(cls, path: Path) -> tuple[str, PackWords]:
        """(pack id, its words) from a pack file."""
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text("utf-8"), Loader=loader)  # noqa: S506 - a safe loader
        if not isinstance(data, Mapping):
            return "", cls()

        def words(items: Any) -> dict[str, str]:
            out: dict[str, str] = {}
            for item in items if isinstance(items, list) else []:
                if isinstance(item, Mapping) and isinstance(item.get("label"), Mapping):
                    out[str(item.get("id"))] = str(item["label"].get("da", ""))
            return out

        def by_band(items: Any) -> dict[str, dict[str, str]]:
            out: dict[str, dict[str, str]] = {}
            for item in items if isinstance(items, list) else []:
                variants = item.get("label_by_age") if isinstance(item, Mapping) else None
                for variant in variants if isinstance(variants, list) else []:
                    label = variant.get("label") if isinstance(variant, Mapping) else None
                    bands = variant.get("age_bands") if isinstance(variant, Mapping) else None
                    if isinstance(label, Mapping) and isinstance(bands, list):
                        for band in bands:
                            out.setdefault(str(item.get("id")), {})[str(band)] = str(label.get("da", ""))
            return out

        scale = data.get("scale") if isinstance(data.get("scale"), Mapping) else {}
        assert isinstance(scale, Mapping)
        return str(data.get("id", "")), cls(words(data.get("signals")), words(data.get("categories")),
                                            words(scale.get("levels")), by_band(data.get("signals")))


def shipped_pack_words(extra: Sequence[Path] = ()) -> dict[str, PackWords]:
    """The words of the packs shipped in ``forms/packs`` and of ``extra`` pack files, by pack id."""
    packs: dict[str, PackWords] = {}
    folder = default_codes_dir().parent / "packs"
    for path in [*sorted(folder.glob("*.yaml")), *extra]:
        pack_id, words = PackWords.read(path)
        if pack_id:
            packs[pack_id] = words
    return packs


@dataclass(frozen=True)
class ExportedNotification:
    """One notification ready to write: its v2 document and its other files."""

    document: dict[str, Any]
    files: Mapping[str, bytes]

    @property
    def notification_id(self) -> str:
        return str(self.document["notification_id"])


def prepare(notifications: Iterable[Mapping[str, bytes]]) -> list[ExportedNotification]:
    """Read and check every notification (v1 upgraded to v2, each validated); ExportRefused names
    the first that cannot be exported. Nothing is written."""
    validator = _v2_validator()
    lists = code_lists()
    out: list[ExportedNotification] = []
    seen: set[str] = set()
    for number, files in enumerate(notifications, start=1):
        try:
            raw = json.loads(files["notification.json"])
            document = upgrade_v1(raw, lists) if schema_version_of(raw) == 1 else raw
        except (KeyError, ValueError, NotificationUnreadable) as exc:
            raise ExportRefused(f"notification {number} cannot be read ({type(exc).__name__}); nothing was "
                                "written", message_id="export.notification_unreadable") from exc
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if errors:
            where = "/".join(str(p) for p in errors[0].absolute_path) or "(top)"
            raise ExportRefused(f"notification {number} does not follow notification.json schema v2 at "
                                f"{where}; nothing was written", message_id="export.not_schema_v2")
        notification = ExportedNotification(document, {k: v for k, v in files.items()
                                                       if k != "notification.json"})
        if notification.notification_id in seen:
            continue  # the same notification twice (delivered again): exported once
        odd = [name for name in notification.files if not _FILE_NAME.fullmatch(name)]
        odd = odd or unexpected_files(files)
        if odd:
            # Only the files the app sends are written (protocol.receivable): no program named as a document.
            raise ExportRefused(f"notification {number} carries a file Underret never sends ({odd[0]}); "
                                "nothing was written", message_id="export.unexpected_file")
        seen.add(notification.notification_id)
        out.append(notification)
    return out


# --- the CSV row --------------------------------------------------------------------------------

def _join(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def _aligned(values: Iterable[Any]) -> str:
    """One value per person, in the same places as the names beside it ("" where one has none);
    empty when nobody has one. Never shifted: a CPR number must stay with its person."""
    texts = ["" if v is None else str(v) for v in values]
    return "; ".join(texts) if any(texts) else ""


def _yes_no(value: Any) -> str:
    return "" if value is None else ("ja" if value else "nej")


def _label(lists: Mapping[str, CodeList], list_id: str, code: Any) -> str:
    if code is None or code == "":
        return ""
    entry = lists[list_id].get(str(code)) if list_id in lists else None
    return entry.label["da"] if entry is not None else ""


def csv_row(document: Mapping[str, Any], files: Sequence[str], lists: Mapping[str, CodeList],
            packs: Mapping[str, PackWords]) -> dict[str, str]:
    """One notification as one CSV row: codes beside their Danish labels; file names relative to the CSV."""
    child, notifier, concern = document["child"], document["notifier"], document["concern"]
    knowledge = document.get("knowledge") or {}
    earlier = document.get("earlier_notifications") or {}
    mother = child.get("expectant_mother") or {}
    words = packs.get(document["pack"]["id"], PackWords())
    signals = concern.get("signals", [])
    holders = document.get("custody_holders", [])
    body_map = document.get("body_map")
    row = {
        "notification_id": document["notification_id"],
        "schema_version": str(document["schema_version"]),
        "upgraded_from": str(document.get("upgraded_from") or ""),
        "language": document["language"],
        "created_at": document["created_at"],
        "finalised_at": document["finalised_at"],
        "form_version": document["form"]["version"],
        "pack_id": document["pack"]["id"],
        "pack_version": document["pack"]["version"],
        "corrects": document.get("corrects") or "",
        "acute": _yes_no(document["acute"]),
        "grounds": _join(document.get("grounds", [])),
        "grounds_label": _join(_label(lists, "grounds", g) for g in document.get("grounds", [])),
        "municipality_code": child["municipality_code"],
        "municipality_label": _label(lists, "municipality", child["municipality_code"]),
        "child_identity": child["identity"],
        "child_identity_label": _label(lists, "child_identity", child["identity"]),
        "child_cpr": child.get("cpr") or "",
        "child_name": child.get("name") or "",
        "child_birth_date": child.get("birth_date") or "",
        "child_due_date": child.get("due_date") or "",
        "child_age_band": child["age_band"],
        "child_age_band_label": _label(lists, "age_band", child["age_band"]),
        "child_address": child.get("address") or "",
        "mother_name": mother.get("name") or "",
        "mother_cpr": mother.get("cpr") or "",
        "mother_address": mother.get("address") or "",
        "institution": child.get("institution") or "",
        "group_or_class": child.get("group_or_class") or "",
        "languages": _join(child.get("languages", [])),
        "child_informed": _yes_no(child.get("informed")),
        "child_not_informed_reason": child.get("not_informed_reason") or "",
        "child_own_view": child.get("own_view") or "",
        "parent_names": _join(h.get("name") for h in holders),
        "parent_cprs": _aligned(h.get("cpr") for h in holders),
        "parents_json": json.dumps(holders, ensure_ascii=False) if holders else "",
        "sibling_names": _join(s.get("name") for s in document.get("siblings", [])),
        "sibling_cprs": _aligned(s.get("cpr") for s in document.get("siblings", [])),
        "siblings_json": json.dumps(document.get("siblings", []), ensure_ascii=False)
        if document.get("siblings") else "",
        "knowledge_role": knowledge.get("role") or "",
        "knowledge_duration": knowledge.get("duration") or "",
        "knowledge_duration_label": _label(lists, "known_duration", knowledge.get("duration")),
        "knowledge_development": knowledge.get("development") or "",
        "knowledge_wellbeing": knowledge.get("wellbeing") or "",
        "knowledge_earlier_support": knowledge.get("earlier_support") or "",
        "signals": _join(s["id"] for s in signals),
        "signals_label": _join(words.signal(s["id"], child.get("age_band")) for s in signals),
        "signal_categories": _join(dict.fromkeys(s["category_id"] for s in signals)),
        "signal_categories_label": _join(dict.fromkeys(words.categories.get(s["category_id"], "")
                                                       for s in signals)),
        "acute_signals": _join(s["id"] for s in signals if s.get("acute")),
        "observations": concern["observations"],
        "sources": _join(concern.get("sources", [])),
        "sources_label": _join(_label(lists, "observation_source", c) for c in concern.get("sources", [])),
        "observed_when": concern.get("observed_when") or "",
        "observed_where": concern.get("observed_where") or "",
        "frequency": concern.get("frequency") or "",
        "frequency_label": _label(lists, "frequency", concern.get("frequency")),
        "child_words": concern.get("child_words") or "",
        "actions_taken": concern.get("actions_taken") or "",
        "institution_efforts": concern.get("institution_efforts") or "",
        "assessment": concern.get("assessment") or "",
        "worry_level": concern.get("worry_level") or "",
        "worry_level_label": words.levels.get(concern.get("worry_level") or "", ""),
        "body_map_marks": str(len(body_map["marks"])) if body_map else "0",
        "body_map_json": json.dumps(body_map, ensure_ascii=False) if body_map else "",
        "other_professionals_json": json.dumps(document.get("other_professionals", []), ensure_ascii=False)
        if document.get("other_professionals") else "",
        "earlier_known": earlier.get("known") or "",
        "earlier_known_label": _label(lists, "yes_no_unknown", earlier.get("known")),
        "earlier_details": earlier.get("details") or "",
        "notifier_name": notifier["name"],
        "notifier_role": notifier["role"],
        "notifier_workplace": notifier["workplace"],
        "notifier_work_address": notifier.get("work_address") or "",
        "notifier_phone": notifier["phone"],
        "notifier_email": notifier["email"],
        "notifier_duty": notifier["duty"],
        "notifier_duty_label": _label(lists, "duty", notifier["duty"]),
        "manager_informed": _yes_no(notifier.get("manager_informed")),
        "manager_name": notifier.get("manager_name") or "",
        "manager_role": notifier.get("manager_role") or "",
        "manager_cosigns": _yes_no(notifier.get("manager_cosigns")),
        "files": _join(files),
    }
    return row


# --- writing safely -----------------------------------------------------------------------------

def _refuse(out: Path, text: str, message_id: str) -> ExportRefused:
    return ExportRefused(f"{out}: {text}; nothing was written", message_id=message_id)


def _check_folder(out: Path, info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise _refuse(out, "is a symbolic link, which export does not follow", "export.out_not_a_folder")
    if not stat.S_ISDIR(info.st_mode):
        raise _refuse(out, "is a file, not a folder", "export.out_not_a_folder")
    geteuid = getattr(os, "geteuid", None)
    if geteuid is not None and info.st_uid != geteuid():
        raise _refuse(out, "belongs to another user", "export.out_not_yours")


def check_out_folder(out: Path) -> None:
    """Refuse an output folder that cannot be used, before anything is decrypted."""
    try:
        info = os.lstat(out)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _refuse(out, f"cannot be used ({exc.strerror or exc})", "export.out_unusable") from exc
    _check_folder(out, info)
    if os.listdir(out):
        raise _refuse(out, "is not empty: export writes only into a new or empty folder",
                      "export.out_not_empty")


class _Writer:
    """Files created afresh under one owner-only folder (opened once, never through a link)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        self.created = False
        try:
            os.mkdir(out, 0o700)
            self.created = True
        except FileExistsError:
            pass
        self.folder: int | None = None
        if os.open in os.supports_dir_fd:
            try:
                self.folder = os.open(out, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC)
            except OSError as exc:
                _check_folder(out, os.lstat(out))
                raise _refuse(out, f"cannot be opened ({exc.strerror or exc})",
                              "export.out_unusable") from exc
            info = os.fstat(self.folder)
        else:  # Windows: no folder handles; the path checks are what there is
            info = os.lstat(out)
        _check_folder(out, info)
        if not self.created and os.listdir(self.folder if self.folder is not None else out):
            self.close()
            raise _refuse(out, "is not empty: export writes only into a new or empty folder",
                          "export.out_not_empty")
        if self.folder is not None and stat.S_IMODE(info.st_mode) != 0o700:
            os.fchmod(self.folder, 0o700)
        self.written: list[str] = []
        self.folders: list[str] = []

    def mkdir(self, name: str) -> None:
        if self.folder is not None:
            os.mkdir(name, 0o700, dir_fd=self.folder)
        else:
            os.mkdir(self.out / name, 0o700)
        self.folders.append(name)

    def write(self, name: str, data: bytes) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_BINARY | _O_CLOEXEC
        if self.folder is not None:
            # ``name`` may hold one folder made by this run ("<uuid>/notification.pdf"): it is opened
            # relative to the export folder's handle, and O_NOFOLLOW refuses a link as the last part.
            fd = os.open(name, flags, 0o600, dir_fd=self.folder)
        else:
            fd = os.open(self.out / name, flags, 0o600)
        self.written.append(name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    def undo(self) -> list[str]:
        """Remove what this run wrote; the names that could not be removed."""
        left: list[str] = []
        for name in [*reversed(self.written), *reversed(self.folders)]:
            try:
                if name in self.folders and self.folder is not None:
                    os.rmdir(name, dir_fd=self.folder)
                elif name in self.folders:
                    os.rmdir(self.out / name)
                elif self.folder is not None:
                    os.unlink(name, dir_fd=self.folder)
                else:
                    os.unlink(self.out / name)
            except FileNotFoundError:
                pass
            except OSError:
                left.append(name)
        if self.created and not left:
            with contextlib.suppress(OSError):
                os.rmdir(self.out)
        return left

    def close(self) -> None:
        if self.folder is not None:
            with contextlib.suppress(OSError):
                os.fsync(self.folder)
            os.close(self.folder)
            self.folder = None


def write_export(out: Path, notifications: Iterable[Mapping[str, bytes]], *,
                 formats: Sequence[str] = FORMATS, pack_files: Sequence[Path] = ()) -> list[Path]:
    """Write ``notifications`` (each: the envelope's files by name) into the new or empty folder ``out``.

    Returns the paths written, in order. ExportRefused (nothing left written) when a notification
    cannot be read or does not follow schema v2, when ``out`` cannot be used, or when a write fails.
    """
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise ExportRefused(f"unknown export format(s) {sorted(unknown)}; use {', '.join(FORMATS)}",
                            message_id="export.bad_format")
    check_out_folder(out)
    prepared = prepare(notifications)
    lists = code_lists()
    packs = shipped_pack_words(pack_files)
    writer = _Writer(out)
    current = ""
    try:
        rows: list[dict[str, str]] = []
        lines: list[bytes] = []
        for notification in prepared:
            names: list[str] = []
            if notification.files:
                writer.mkdir(notification.notification_id)
                for name, data in sorted(notification.files.items()):
                    current = f"{notification.notification_id}/{name}"
                    writer.write(current, data)
                    names.append(current)
            rows.append(csv_row(notification.document, names, lists, packs))
            lines.append(json.dumps(notification.document, ensure_ascii=False, sort_keys=True).encode())
        if "jsonl" in formats:
            current = JSONL_NAME
            writer.write(JSONL_NAME, b"".join(line + b"\n" for line in lines))
        if "csv" in formats:
            current = CSV_NAME
            writer.write(CSV_NAME, _csv_bytes(rows))
    except BaseException as exc:
        left = writer.undo()
        writer.close()
        if not isinstance(exc, OSError):
            raise
        extra = f"; could NOT remove (incomplete, delete them): {', '.join(left)}" if left else ""
        raise ExportRefused(f"writing {current} into {out} failed ({exc.strerror or exc}); what was written "
                            f"was removed again{extra}", message_id="export.write_failed") from exc
    writer.close()
    return [out / name for name in writer.written]


def _csv_bytes(rows: list[dict[str, str]]) -> bytes:
    """The CSV text: UTF-8 with a byte-order mark (so a spreadsheet reads æøå), a header row, CRLF."""
    text = io.StringIO()
    columns = list(rows[0]) if rows else list(csv_row(_EMPTY, [], {}, {}))
    writer = csv.DictWriter(text, fieldnames=columns, quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows({column: spreadsheet_safe(value) for column, value in row.items()} for row in rows)
    return b"\xef\xbb\xbf" + text.getvalue().encode("utf-8")


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = frozenset("0123456789 +-()/.:")


def spreadsheet_safe(value: str) -> str:
    """``value``, with an apostrophe in front when a spreadsheet would run it as a formula.

    The notifier's free text reaches a caseworker who may open the CSV by
    double-click: ``=HYPERLINK(...)`` or ``+cmd|...`` would run there. A
    spreadsheet shows a leading apostrophe as text. A phone number or a date
    ("+45 12 34 56 78", "-") is left as it is: it cannot call anything.
    """
    if value.startswith(_FORMULA_STARTS) and not set(value) <= _PLAIN_NUMBER:
        return "'" + value
    return value


#: A minimal document, only to name the CSV's columns when there is nothing to export.
_EMPTY: dict[str, Any] = {
    "notification_id": "", "schema_version": 2, "language": "da", "created_at": "", "finalised_at": "",
    "form": {"version": ""}, "pack": {"id": "", "version": ""}, "acute": False,
    "child": {"municipality_code": "", "identity": "", "age_band": ""},
    "notifier": {"name": "", "role": "", "workplace": "", "phone": "", "email": "", "duty": ""},
    "concern": {"observations": ""},
}
