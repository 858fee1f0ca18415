"""What IT can see: a content-free event log in the user's state folder (and the Windows event log).

Every refusal IT may have to act on goes through one call, with a stable message id::

    from desktop.eventlog import refusal
    refusal("pack.older_version", pack="demo-kommune", version="1.2", in_force="1.3")

Message ids are ``<area>.<what>`` in lower case (``policy.*``, ``pack.*``, ``directory.*``,
``delivery.*``, ``session.*``, ``vault.*``, ``profile.*``, ``mail.*``); an ``UnderretError`` already
carries one (``refusal(error.message_id, ...)``; :func:`refused_safely` when that id may not be well
formed). :func:`warning` is for what IT should see that did not stop the work, :func:`problem` for what
does, :func:`notice` for events that are no problem. The keyword fields are short technical facts: ids,
key ids, HTTP status, an exception's class name, a file's name. Never content, names, CPR numbers,
addresses, keys or passphrases: every value is cut to :data:`MAX_FIELD_CHARS` characters and loses its
line breaks, so nothing long can slip in, and an exception is written as its class name and the place
it was raised, never its text (a validation error's text can quote what was typed).

:func:`install` adds the handlers once, at start: :class:`RotatingLogFile` (``underret.log`` in
:func:`desktop.paths.user_log_dir`, 0600 in a 0700 folder, rotated at :data:`MAX_BYTES` keeping
:data:`BACKUPS` old files) and, on Windows, :class:`WindowsEventLog` for warnings and errors. Other
modules keep using ``logging.getLogger(__name__)``; their records reach the file too. Only records with
a message id are what ``underret doctor`` lists (:func:`recent_problems`).

The rotating handler is written here on top of ``logging.FileHandler`` rather than taken from
``logging.handlers``: that module imports ``socket``, ``pickle`` and ``queue``, which the app would pay
for before its first window.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from desktop import paths

LOG_FILE_NAME = "underret.log"
#: The log is rotated when it grows past this many bytes; BACKUPS old files are kept (.1 is the newest).
MAX_BYTES = 1024 * 1024
BACKUPS = 4
MAX_FIELD_CHARS = 120
#: The logger refusals and notices are written through.
EVENT_LOGGER = "desktop.events"
#: Attribute a record carries its message id in (``extra={"message_id": ...}``).
MESSAGE_ID = "message_id"
_NO_ID = "-"
# Plain strings: ``re`` compiles (and caches) them at first use, not while the app starts.
_ID_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]+")
#: Lines look like (the id also in the text, for whoever reads the record without this formatter):
#: 2026-12-06T03:00:30+0000 WARNING [pack.older_version] desktop.events: refused pack.older_version: ...
_LINE = (r"^(?P<at>\S+) (?P<level>[A-Z]+) \[(?P<id>[^\]]*)\] (?P<logger>\S+): (?P<text>.*)$")

_events = logging.getLogger(EVENT_LOGGER)


def _clean(value: object) -> str:
    text = _UNSAFE.sub(" ", str(value)).strip()
    return text if len(text) <= MAX_FIELD_CHARS else text[: MAX_FIELD_CHARS - 1] + "…"


def _fields(fields: dict[str, object]) -> str:
    return " ".join(f"{_clean(name)}={_clean(value)}" for name, value in fields.items())


def _checked_id(message_id: str) -> str:
    if not re.match(_ID_PATTERN, message_id):
        raise ValueError(f"a message id is <area>.<what> in lower case, not {message_id!r}")
    return message_id


def refusal(message_id: str, **fields: object) -> None:
    """Log that something was refused (a warning IT can act on), with its message id and facts.

    ``fields`` are short technical facts only (ids, status codes, class and file names): never
    content, a name, a CPR number or a key.
    """
    _events.warning(f"refused {_checked_id(message_id)}: {_fields(fields)}".rstrip(": "),
                    extra={MESSAGE_ID: message_id})


def warning(message_id: str, **fields: object) -> None:
    """Log something IT should look at that did not stop the work (a mail sent although its mailbox
    certificate's revocation could not be checked), with its id; doctor lists it with the refusals."""
    _events.warning(f"warning {_checked_id(message_id)}: {_fields(fields)}".rstrip(": "),
                    extra={MESSAGE_ID: message_id})


def refused_safely(message_id: str, fallback: str, **fields: object) -> None:
    """:func:`refusal` for an id that comes from elsewhere (an error's ``message_id``): one that is not
    a well-formed id is logged under ``fallback`` with ``reason=<the id>``, never raising."""
    if re.match(_ID_PATTERN, message_id or ""):
        refusal(message_id, **fields)
    else:
        refusal(fallback, reason=message_id, **fields)


def problem(message_id: str, **fields: object) -> None:
    """Log an error IT must act on (the app cannot do its job, e.g. a damaged vault), with its id."""
    _events.error(f"problem {_checked_id(message_id)}: {_fields(fields)}".rstrip(": "),
                  extra={MESSAGE_ID: message_id})


def notice(message_id: str, **fields: object) -> None:
    """Log an event worth knowing that is not a problem (the session locked, a pack installed)."""
    _events.info(f"{_checked_id(message_id)}: {_fields(fields)}".rstrip(": "), extra={MESSAGE_ID: message_id})


class ContentFreeFormatter(logging.Formatter):
    """One line per record: time, level, message id, logger, message; exceptions as class and place only.

    An exception's text (and a traceback's lines) can hold what a person typed or what a server
    answered, so neither is written: only the exception's class and the file and line it came from.
    """

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s [%(message_id)s] %(name)s: %(message)s",
                         "%Y-%m-%dT%H:%M:%S%z")

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, MESSAGE_ID):
            record.message_id = _NO_ID
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            line = super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved
        line = _UNSAFE.sub(" ", line)
        if saved[0] is not None and saved[0][1] is not None:
            line += f" ({exception_summary(saved[0][1])})"
        return line


def exception_summary(error: BaseException) -> str:
    """``ExceptionClass at file.py:line`` of where it was raised: no message text."""
    where = ""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    if trace is not None:
        where = f" at {Path(trace.tb_frame.f_code.co_filename).name}:{trace.tb_lineno}"
    return f"{type(error).__name__}{where}"


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)


class RotatingLogFile(logging.FileHandler):
    """``underret.log``, 0600, rotated by size (``.1`` … ``.BACKUPS``), opened at the first record."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        self.max_bytes = max_bytes
        self.backups = backups
        super().__init__(path, mode="a", encoding="utf-8", delay=True)
        self.setFormatter(ContentFreeFormatter())

    def _open(self) -> Any:
        path = Path(self.baseFilename)
        _private_folder(path.parent)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(path, flags, 0o600)
        if os.name == "posix":
            os.fchmod(descriptor, 0o600)  # a file left by an older version may be 0644
        return os.fdopen(descriptor, "a", encoding="utf-8", errors="replace")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and not self._still_the_file(self.stream.fileno()):
                # Another program writing this log (the app and underret-desk share it) has rotated it:
                # follow into the new file instead of writing on into the old one.
                self.stream.close()
                self.stream = None  # type: ignore[assignment]
            if self.stream is not None and os.fstat(self.stream.fileno()).st_size >= self.max_bytes:
                # Windows: another program (the app, underret-desk) holding the file open refuses the
                # rename. The line is written all the same; a later one rotates.
                with contextlib.suppress(PermissionError):
                    self._rotate()
        except (OSError, ValueError):
            self.handleError(record)
            return
        super().emit(record)

    def _still_the_file(self, descriptor: int) -> bool:
        """True while the open file (``descriptor``) is still the one named ``underret.log``."""
        try:
            named = os.stat(self.baseFilename)
        except FileNotFoundError:
            return False
        opened = os.fstat(descriptor)
        return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        base = self.baseFilename
        for index in range(self.backups - 1, 0, -1):
            older = f"{base}.{index}"
            if os.path.exists(older):
                os.replace(older, f"{base}.{index + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            os.unlink(base)


class WindowsEventLog(logging.Handler):
    """Warnings and errors into the Windows Application event log, source "Underret".

    Each record becomes one event whose insertion strings are the message id and the content-free
    line. ``api`` is ``ctypes.windll.advapi32`` on Windows; tests hand in a recorder (a fake at the
    operating-system boundary, which cannot run here).
    """

    SOURCE = "Underret"
    #: Event types of ReportEventW.
    ERROR_TYPE = 0x0001
    WARNING_TYPE = 0x0002
    INFORMATION_TYPE = 0x0004
    #: Event ids by level, so IT can filter (1000 information, 2000 warning, 3000 error).
    EVENT_IDS: ClassVar[dict[int, int]] = {logging.INFO: 1000, logging.WARNING: 2000, logging.ERROR: 3000}

    def __init__(self, api: Any) -> None:
        super().__init__(logging.WARNING)
        self._api = api
        self._source = api.RegisterEventSourceW(None, self.SOURCE)
        self.setFormatter(ContentFreeFormatter())

    def event_for(self, record: logging.LogRecord) -> tuple[int, int, list[str]]:
        """(event type, event id, insertion strings) for ``record``."""
        if record.levelno >= logging.ERROR:
            kind, level = self.ERROR_TYPE, logging.ERROR
        elif record.levelno >= logging.WARNING:
            kind, level = self.WARNING_TYPE, logging.WARNING
        else:
            kind, level = self.INFORMATION_TYPE, logging.INFO
        message_id = str(getattr(record, MESSAGE_ID, _NO_ID))
        return kind, self.EVENT_IDS[level], [message_id, self.format(record)]

    def emit(self, record: logging.LogRecord) -> None:
        import ctypes

        try:
            kind, event_id, strings = self.event_for(record)
            array = (ctypes.c_wchar_p * len(strings))(*strings)  # LPCWSTR[]
            self._api.ReportEventW(self._source, kind, 0, event_id, None, len(strings), 0, array, None)
        except Exception:  # logging must never take the app down
            self.handleError(record)

    def close(self) -> None:
        try:
            if self._source:
                self._api.DeregisterEventSource(self._source)
                self._source = None
        finally:
            super().close()


class _Scope(logging.Filter):
    """Our own loggers from INFO; other libraries' only from WARNING (they may log URLs or bodies)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name.split(".", 1)[0] in ("desktop", "intake")


_installed: list[logging.Handler] = []


def log_file(folder: Path | None = None) -> Path:
    """The current log file: ``underret.log`` in the user's state folder."""
    return (folder if folder is not None else paths.user_log_dir()) / LOG_FILE_NAME


def install(folder: Path | None = None, *, windows_api: Any = None) -> Path:
    """Send the app's log records to the log file (and the Windows event log); idempotent.

    Returns the log file's path. Nothing is written (no folder or file made) until the first record.
    (The ``underret`` command puts a stand-in on the root logger instead, which makes :func:`handlers`
    with the first record: ``desktop.cli.event_log_stand_in``.)
    """
    path = log_file(folder)
    if _installed:
        return path
    root = logging.getLogger()
    for handler in handlers(folder, windows_api=windows_api):
        root.addHandler(handler)
        _installed.append(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def handlers(folder: Path | None = None, *, windows_api: Any = None) -> list[logging.Handler]:
    """The handlers :func:`install` puts on the root logger: the log file, the Windows event log (on
    Windows), warnings on stderr; each lets through our own records from INFO, others' from WARNING."""
    path = log_file(folder)
    made: list[logging.Handler] = [RotatingLogFile(path)]
    if windows_api is None and sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        windows_api = ctypes.windll.advapi32  # type: ignore[attr-defined]
        # Handles are 64-bit: ctypes' default C int would cut them.
        windows_api.RegisterEventSourceW.argtypes = [wintypes.LPCWSTR, wintypes.LPCWSTR]
        windows_api.RegisterEventSourceW.restype = wintypes.HANDLE
        windows_api.ReportEventW.argtypes = [wintypes.HANDLE, wintypes.WORD, wintypes.WORD, wintypes.DWORD,
                                             ctypes.c_void_p, wintypes.WORD, wintypes.DWORD,
                                             ctypes.POINTER(wintypes.LPCWSTR), ctypes.c_void_p]
        windows_api.DeregisterEventSource.argtypes = [wintypes.HANDLE]
    if windows_api is not None:
        try:
            made.append(WindowsEventLog(windows_api))
        except OSError:  # no event log for this user: the file still has everything
            windows_api = None
    if sys.stderr is not None:  # a windowed Windows program has none
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(ContentFreeFormatter())
        made.append(console)
    for handler in made:
        handler.addFilter(_Scope())
    return made


def uninstall() -> None:
    """Remove and close what :func:`install` added (tests; the end of a run)."""
    root = logging.getLogger()
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()


# --- reading it back (doctor) ------------------------------------------------------------------


class LogEntry:
    """One line of the log with a message id.

    A plain class, not a ``NamedTuple``: making a named tuple class compiles its methods from source
    text, and this module is imported before the app's first window, where that cost ~1 ms.
    """

    __slots__ = ("at", "level", "logger", "message_id", "text")

    def __init__(self, at: str, level: str, message_id: str, logger: str, text: str) -> None:
        self.at = at
        self.level = level
        self.message_id = message_id
        self.logger = logger
        self.text = text

    def _values(self) -> tuple[str, str, str, str, str]:
        return self.at, self.level, self.message_id, self.logger, self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LogEntry) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return (f"LogEntry(at={self.at!r}, level={self.level!r}, message_id={self.message_id!r}, "
                f"logger={self.logger!r}, text={self.text!r})")


def _lines(folder: Path | None) -> Iterator[str]:
    """Every line of the log, oldest first (backups ``.BACKUPS`` … ``.1``, then the current file)."""
    path = log_file(folder)
    for candidate in [Path(f"{path}.{index}") for index in range(BACKUPS, 0, -1)] + [path]:
        try:
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                yield from handle
        except FileNotFoundError:
            continue


def entries(folder: Path | None = None, *, accept: Callable[[LogEntry], bool] = lambda _: True
            ) -> list[LogEntry]:
    """Every line with a message id that ``accept`` takes, oldest first. Unreadable files count as empty."""
    found = []
    try:
        for line in _lines(folder):
            match = re.match(_LINE, line.rstrip("\n"))
            if match is None or match["id"] == _NO_ID:
                continue
            entry = LogEntry(match["at"], match["level"], match["id"], match["logger"], match["text"])
            if accept(entry):
                found.append(entry)
    except OSError:
        return found
    return found


def recent_problems(folder: Path | None = None, limit: int = 20) -> list[LogEntry]:
    """The last ``limit`` refusals and problems (warnings and errors with a message id), oldest first."""
    problems = entries(folder, accept=lambda entry: entry.level in ("WARNING", "ERROR", "CRITICAL"))
    return problems[-limit:]

